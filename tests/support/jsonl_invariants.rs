//! What `whosaid::jsonl::process` must do with any input bytes: not panic,
//! not fail (reading a slice and writing a `Vec` cannot), and write one line
//! of JSON per non-blank input line, with a `Summary` that agrees.
//!
//! Shared by the `jsonl` fuzz target and `tests/fuzz_regressions.rs`.

use whosaid::jsonl::{process, JsonlOptions};
use whosaid::{Attributor, OffsetUnit, SpanSelection};

/// The option sets the checks run with.
pub fn option_sets() -> [JsonlOptions; 2] {
    [
        JsonlOptions::default(),
        JsonlOptions {
            offsets: OffsetUnit::Utf16,
            spans: SpanSelection::All,
        },
    ]
}

/// Input lines as `process` reads them (`read_until(b'\n')`) that are not
/// blank: anything but ASCII whitespace before the line end.
pub fn non_blank_lines(data: &[u8]) -> u64 {
    data.split(|&b| b == b'\n')
        .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
        .count() as u64
}

/// Runs `process` on `data` with `options` and checks its output.
pub fn check_process(
    attributor: &Attributor,
    data: &[u8],
    options: &JsonlOptions,
) -> Result<(), String> {
    let mut out = Vec::new();
    let summary = process(attributor, data, &mut out, options)
        .map_err(|e| format!("process failed on in-memory input: {e}"))?;
    let want = non_blank_lines(data);
    let out = String::from_utf8(out).map_err(|e| format!("output is not UTF-8: {e}"))?;
    let lines: Vec<&str> = out.lines().collect();
    if lines.len() as u64 != want {
        return Err(format!(
            "{want} non-blank input lines gave {} output lines",
            lines.len()
        ));
    }
    if !out.is_empty() && !out.ends_with('\n') {
        return Err("the last output line has no newline".to_string());
    }
    if summary.lines != want {
        return Err(format!(
            "Summary::lines is {}, expected {want}",
            summary.lines
        ));
    }
    let mut failed = 0;
    for line in &lines {
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("output line is not JSON ({e}): {line:?}"))?;
        let object = value
            .as_object()
            .ok_or_else(|| format!("output line is not an object: {line:?}"))?;
        if object.contains_key("error") {
            failed += 1;
        } else if !object.get("quotes").is_some_and(|q| q.is_array()) {
            return Err(format!("output line has no quotes array: {line:?}"));
        }
    }
    if summary.failed != failed {
        return Err(format!(
            "Summary::failed is {}, but {failed} lines are errors",
            summary.failed
        ));
    }
    Ok(())
}

/// [`check_process`] with every option set.
pub fn check_jsonl(data: &[u8]) -> Result<(), String> {
    let attributor = Attributor::new();
    for options in option_sets() {
        check_process(&attributor, data, &options).map_err(|e| format!("{options:?}: {e}"))?;
    }
    Ok(())
}
