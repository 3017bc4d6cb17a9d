//! The `tally` example: entities counted across documents by name and kind.
#![cfg(feature = "serde")]

#[path = "support/examples.rs"]
mod examples;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn tally(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(examples::example("tally"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tally starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    child.wait_with_output().expect("tally ends")
}

fn line(text: &str) -> String {
    serde_json::json!({ "text": text }).to_string() + "\n"
}

/// Three invented articles: Jane Roe is quoted in two of them, three times
/// in all (once as "she"), Omar Diallo once, and a spokesman once.
fn corpus() -> String {
    [
        line("Sen. Jane Roe spoke on Monday. \"We will win,\" Roe said. \"No doubt,\" she added."),
        line("\"It is over,\" Omar Diallo said. \"Not yet,\" said Jane Roe."),
        line("\"No comment,\" a spokesman said."),
    ]
    .concat()
}

#[test]
fn entities_are_counted_across_documents_most_quoted_first() {
    let out = tally(&["--json"], &corpus());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let entities = v["entities"].as_array().expect("entities");
    let rows: Vec<(&str, &str, u64, u64)> = entities
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap_or(""),
                e["kind"].as_str().unwrap_or(""),
                e["quotations"].as_u64().unwrap_or(0),
                e["documents"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Jane Roe", "person", 3, 2),
            ("Omar Diallo", "person", 1, 1)
        ]
    );
    // "she" tells Jane Roe's gender; nothing tells Omar Diallo's.
    assert_eq!(entities[0]["gender"], "female");
    assert_eq!(entities[1]["gender"], Value::Null);
    assert_eq!(v["unnamed"], 1);
    assert_eq!(v["documents"], 3);
    assert_eq!(v["errors"], 0);
}

#[test]
fn the_table_lists_the_same_counts() {
    let out = tally(&[], &corpus());
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    let roe = table
        .lines()
        .find(|l| l.starts_with("Jane Roe"))
        .expect("a row for Jane Roe");
    let cells: Vec<&str> = roe.split_whitespace().collect();
    assert_eq!(cells, ["Jane", "Roe", "person", "female", "3", "2"]);
    assert!(table.contains("3 documents; 1 quotations without a named speaker"));
}

#[test]
fn a_bad_line_is_skipped_counted_and_reported() {
    let input = corpus() + "not json\n";
    let out = tally(&["--json"], &input);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        (v["documents"].as_u64(), v["errors"].as_u64()),
        (Some(3), Some(1))
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 4: invalid JSON"));
}

#[test]
fn top_keeps_the_most_quoted() {
    let out = tally(&["--json", "--top", "1"], &corpus());
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["entities"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["entities"][0]["name"], "Jane Roe");
}

#[test]
fn a_usage_error_exits_2() {
    let out = tally(&["--top", "zero"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: tally"));
}
