//! The command line (`examples/attribute.rs`) as a batch job sees it: the
//! example binary is built once with the cargo running these tests, then
//! run as a process with real pipes, files and exit codes.
#![cfg(feature = "serde")]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

#[path = "support/examples.rs"]
mod examples;

/// The `attribute` example, built (or found up to date) by cargo.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| examples::example("attribute"))
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Runs `attribute ARGS` with `stdin` and returns what it did.
fn run(args: &[&str], stdin: Stdio, input: Option<&[u8]>) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("attribute starts");
    if let Some(input) = input {
        let mut pipe = child.stdin.take().expect("a stdin pipe");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("attribute ends")
}

/// Runs with `input` on a pipe.
fn run_piped(args: &[&str], input: &[u8]) -> Output {
    run(args, Stdio::piped(), Some(input))
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

const YES: &str = r#""We will win," Senator Jane Roe said on Monday."#;
const NO: &str = r#"Mr. Ali Khan disagreed. "Not this year," he said."#;

#[test]
fn version_prints_the_crate_version() {
    let out = run(&["--version"], Stdio::null(), None);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        format!("attribute {}\n", env!("CARGO_PKG_VERSION"))
    );
    let short = run(&["-V"], Stdio::null(), None);
    assert_eq!(short.stdout, out.stdout);
}

#[test]
fn empty_or_blank_piped_input_is_an_empty_input_not_the_sample() {
    for input in ["", "  \n\n\t\n"] {
        let table = run_piped(&[], input.as_bytes());
        assert_eq!(table.status.code(), Some(0), "{input:?}");
        assert_eq!(stdout(&table), "<stdin>: 0 quotation(s)\n", "{input:?}");

        let json = run_piped(&["--json"], input.as_bytes());
        assert_eq!(json.status.code(), Some(0));
        let doc: Value = serde_json::from_str(&stdout(&json)).expect("JSON");
        let documents = doc["documents"].as_array().expect("documents");
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0]["source"], "<stdin>");
        assert_eq!(documents[0]["quotes"], serde_json::json!([]));

        let jsonl = run_piped(&["--jsonl"], input.as_bytes());
        assert_eq!(jsonl.status.code(), Some(0));
        assert_eq!(stdout(&jsonl), "", "no line for no input");
        assert_eq!(stderr(&jsonl), "");
    }
}

#[test]
fn empty_regular_file_on_stdin_is_an_empty_input() {
    let dir = scratch("empty_file");
    let path = dir.join("empty.txt");
    fs::write(&path, "").expect("write");
    let file = fs::File::open(&path).expect("open");
    let out = run(&["--json"], Stdio::from(file), None);
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(doc["documents"][0]["source"], "<stdin>");
    assert_eq!(doc["documents"][0]["quotes"], serde_json::json!([]));
}

#[test]
fn dev_null_on_stdin_shows_the_sample() {
    let out = run(&[], Stdio::null(), None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let first = text.lines().next().expect("a first line");
    assert!(
        first.starts_with("sample: mattis-islamabad.txt: "),
        "{first}"
    );
    let count: usize = first
        .trim_start_matches("sample: mattis-islamabad.txt: ")
        .trim_end_matches(" quotation(s)")
        .parse()
        .expect("a count");
    assert!(count > 0);
    // A header line, then one row per quotation.
    assert_eq!(text.lines().count(), count + 2, "{text}");
}

#[test]
fn usage_errors_print_one_line_pointing_to_help() {
    let cases: &[&[&str]] = &[
        &["--bogus"],
        &["--threads", "0"],
        &["--offsets", "miles"],
        &["--text-field", "body"],
        &["--json", "--jsonl"],
        &["--jsonl", "--jsonl-out", "x"],
        &["--jsonl-out"],
        &["--jsonl", "--id-field"],
    ];
    for args in cases {
        let out = run(args, Stdio::null(), None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("attribute: "), "{args:?}: {err}");
        assert!(
            err.trim_end().ends_with("see attribute --help"),
            "{args:?}: {err}"
        );
    }
    let help = run(&["--help"], Stdio::null(), None);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("--jsonl-out"));
}

/// A JSON Lines file with `records`, one a line.
fn write_jsonl(path: &Path, records: &[Value]) {
    let mut s = String::new();
    for r in records {
        s.push_str(&r.to_string());
        s.push('\n');
    }
    fs::write(path, s).expect("write");
}

#[test]
fn jsonl_failures_end_with_one_summary_line_on_stderr() {
    let dir = scratch("summary");
    let path = dir.join("in.jsonl");
    let mut s = serde_json::json!({"id": 1, "text": YES}).to_string();
    s.push_str("\n\nnot json\n");
    s.push_str(&serde_json::json!({"id": 3, "text": NO}).to_string());
    s.push_str("\n{\"id\": 4}\n");
    fs::write(&path, s).expect("write");
    let name = path.to_str().expect("UTF-8 path");

    let out = run(&["--jsonl", name], Stdio::null(), None);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[3]["line"], 5);
    assert_eq!(
        stderr(&out),
        format!("attribute: 2 of 4 documents failed; the first at line 3 of {name}\n")
    );

    // Nothing on stderr when every line succeeds.
    let good = dir.join("good.jsonl");
    write_jsonl(&good, &[serde_json::json!({"id": 1, "text": YES})]);
    let out = run(
        &["--jsonl", good.to_str().expect("UTF-8")],
        Stdio::null(),
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

#[test]
fn jsonl_reads_several_files_in_order() {
    let dir = scratch("several");
    let a = dir.join("a.jsonl");
    let b = dir.join("b.jsonl");
    write_jsonl(
        &a,
        &[
            serde_json::json!({"id": "a1", "text": YES}),
            serde_json::json!({"id": "a2", "text": NO}),
        ],
    );
    write_jsonl(
        &b,
        &[
            serde_json::json!({"id": "b1", "text": NO}),
            serde_json::json!({"id": "b2"}),
        ],
    );
    let (a, b) = (a.to_str().expect("UTF-8"), b.to_str().expect("UTF-8"));
    let out = run(&["--jsonl", a, b, "--threads", "2"], Stdio::null(), None);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, ["a1", "a2", "b1", "b2"]);
    // Line numbers count within each file.
    assert_eq!(lines[3]["line"], 2);
    assert!(stderr(&out).contains(&format!("line 2 of {b}")));
    // The same text gives the same record in either file.
    assert_eq!(lines[1]["quotes"], lines[2]["quotes"]);
    assert_eq!(lines[1]["entities"], lines[2]["entities"]);

    // '-' reads standard input in its place.
    let input = format!("{}\n", serde_json::json!({"id": "s", "text": YES}));
    let out = run_piped(&["--jsonl", b, "-", a], input.as_bytes());
    let ids: Vec<Value> = json_lines(&out)
        .into_iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(ids, ["b1", "b2", "s", "a1", "a2"]);
}

#[test]
fn jsonl_fields_can_be_named_otherwise() {
    let dir = scratch("fields");
    let path = dir.join("in.jsonl");
    write_jsonl(
        &path,
        &[
            serde_json::json!({"url": "u1", "body": YES, "text": "ignored"}),
            serde_json::json!({"url": "u2", "body": 12}),
            serde_json::json!({"url": "u3", "body": ["a"]}),
            serde_json::json!({"url": "u4", "body": null}),
            serde_json::json!({"url": "u5"}),
        ],
    );
    let name = path.to_str().expect("UTF-8");
    let out = run(
        &["--jsonl", "--text-field", "body", "--id-field=url", name],
        Stdio::null(),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "u1");
    let quotes = lines[0]["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["text"], "\"We will win,\"");
    let errors: Vec<(&Value, &Value)> =
        lines[1..].iter().map(|l| (&l["id"], &l["error"])).collect();
    assert_eq!(
        errors,
        [
            (
                &"u2".into(),
                &"field \"body\" is a number, not a string".into()
            ),
            (
                &"u3".into(),
                &"field \"body\" is an array, not a string".into()
            ),
            (&"u4".into(), &"field \"body\" is null, not a string".into()),
            (&"u5".into(), &"missing string field \"body\"".into()),
        ]
    );
}

#[test]
fn jsonl_refuses_gzip_and_says_to_use_zcat() {
    let dir = scratch("gzip");
    let gz = dir.join("in.jsonl.gz");
    // A gzip header: magic bytes, deflate, no flags.
    fs::write(&gz, [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]).expect("write");
    let good = dir.join("good.jsonl");
    write_jsonl(&good, &[serde_json::json!({"id": 1, "text": YES})]);
    let (gz, good) = (gz.to_str().expect("UTF-8"), good.to_str().expect("UTF-8"));

    let out = run(&["--jsonl", gz, good], Stdio::null(), None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(gz) && err.contains("gzip") && err.contains("zcat"),
        "{err}"
    );
    // The other file is still attributed.
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], 1);

    let out = run_piped(&["--jsonl"], &[0x1f, 0x8b, 0x08, 0x00]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("zcat"));
    assert_eq!(stdout(&out), "");
}

#[test]
fn jsonl_out_writes_one_line_per_text_file_with_its_path_as_id() {
    let dir = scratch("jsonl_out");
    fs::create_dir_all(dir.join("news/b")).expect("mkdir");
    fs::create_dir_all(dir.join("news/a")).expect("mkdir");
    fs::write(dir.join("news/b/2.txt"), NO).expect("write");
    fs::write(dir.join("news/a/1.txt"), YES).expect("write");
    fs::write(dir.join("news/a/notes.md"), YES).expect("write");
    fs::write(dir.join("news/0.txt"), "Nothing was said.").expect("write");
    fs::write(dir.join("bad.txt"), b"caf\xff").expect("write");
    let news = dir.join("news");
    let news = news.to_str().expect("UTF-8");
    let bad = dir.join("bad.txt");
    let bad = bad.to_str().expect("UTF-8");
    let missing = dir.join("missing.txt");
    let missing = missing.to_str().expect("UTF-8");

    let out = run(&["--jsonl-out", news, bad, missing], Stdio::null(), None);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    let ids: Vec<String> = lines
        .iter()
        .map(|l| l["id"].as_str().expect("a string id").to_string())
        .collect();
    let path = |p: &str| Path::new(news).join(p).to_string_lossy().into_owned();
    assert_eq!(
        ids,
        [
            path("0.txt"),
            path("a/1.txt"),
            path("b/2.txt"),
            bad.to_string(),
            missing.to_string()
        ]
    );
    assert!(lines[3]["error"].as_str().expect("error").contains("UTF-8"));
    assert!(lines[4]["error"]
        .as_str()
        .expect("error")
        .contains("cannot read"));
    assert!(stderr(&out).contains("2 of 5 files failed"));

    // Each record is what --jsonl gives for the same text.
    let input: String = [YES, NO]
        .iter()
        .map(|t| format!("{}\n", serde_json::json!({"text": t})))
        .collect();
    let jsonl = json_lines(&run_piped(&["--jsonl"], input.as_bytes()));
    for (file, line) in [(&lines[1], &jsonl[0]), (&lines[2], &jsonl[1])] {
        assert_eq!(file["quotes"], line["quotes"]);
        assert_eq!(file["entities"], line["entities"]);
        assert!(!file["quotes"].as_array().expect("quotes").is_empty());
    }
    assert_eq!(lines[0]["quotes"], serde_json::json!([]));
}

#[test]
fn installs_with_cargo_install() {
    // As the README says, in the dev profile so that the build at hand is
    // reused, and with the lock file so that nothing is resolved anew.
    let root = scratch("install");
    let status = Command::new(env!("CARGO"))
        .args([
            "install",
            "--locked",
            "--offline",
            "--debug",
            "--example",
            "attribute",
        ])
        .arg("--path")
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("--root")
        .arg(&root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "cargo install --path . --example attribute failed"
    );
    let installed = root
        .join("bin")
        .join(format!("attribute{}", std::env::consts::EXE_SUFFIX));
    let out = Command::new(installed)
        .arg("--version")
        .output()
        .expect("the installed binary runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("attribute {}\n", env!("CARGO_PKG_VERSION"))
    );
}
