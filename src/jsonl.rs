//! JSON Lines in, JSON Lines out: the batch format of the `attribute`
//! command line, usable from your own programs.
//!
//! Each input line is a JSON object with a string `"text"` and an optional
//! `"id"` of any JSON type; a UTF-8 byte order mark before it (the start of
//! a file saved with one) is skipped. Each non-blank input line gives
//! exactly one output line, in input order:
//!
//! * `{"id": <echoed>, "quotes": [...]}` where each quote is a
//!   [`QuoteRecord`];
//! * or, for a line that is not valid UTF-8, not JSON, not an object, has
//!   no string `"text"`, or whose text is longer than
//!   [`MAX_TEXT_LEN`](crate::tokenizer::MAX_TEXT_LEN) (4 GiB):
//!   `{"id": <id if readable, else null>, "line": N, "error": "..."}`.
//!
//! ```
//! use whosaid::jsonl::{process_line, JsonlOptions};
//! use whosaid::Attributor;
//!
//! let attributor = Attributor::new();
//! let options = JsonlOptions::default();
//! let line = br#"{"id": 7, "text": "\"Yes,\" she said."}"#;
//! let out = process_line(&attributor, 1, line, &options).expect("not blank");
//! assert!(!out.failed);
//! assert!(out.json.starts_with(r#"{"id":7,"quotes":[{"start":0,"end":6,"#));
//!
//! let bad = process_line(&attributor, 2, b"{\"id\": 8}", &options).expect("not blank");
//! assert!(bad.failed);
//! assert_eq!(bad.json, r#"{"id":8,"line":2,"error":"missing string field \"text\""}"#);
//! ```

use std::io::{BufRead, Write};

use serde::Serialize;
use serde_json::Value;

use crate::attribution::{Attributor, QuoteRecord, SpanSelection};
use crate::error::Error;
use crate::span::OffsetUnit;

/// How to write the output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonlOptions {
    /// The unit of all offsets (code points by default, as Python counts).
    pub offsets: OffsetUnit,
    /// Which quoted spans to list (reported speech by default).
    pub spans: SpanSelection,
}

/// The output line for one input line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineOutput {
    /// One line of JSON, without the newline.
    pub json: String,
    /// Whether the input line was bad and this is an error record.
    pub failed: bool,
}

#[derive(Serialize)]
struct Ok<'a> {
    id: &'a Value,
    quotes: Vec<QuoteRecord>,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a Value,
    line: u64,
    error: &'a str,
}

fn failure(id: &Value, line: u64, error: &str) -> LineOutput {
    let json = serde_json::to_string(&Failure { id, line, error })
        .unwrap_or_else(|_| format!(r#"{{"id":null,"line":{line},"error":"unprintable error"}}"#));
    LineOutput { json, failed: true }
}

/// The id of a line that failed, when it can still be read.
fn readable_id(line: &str) -> Value {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(mut map)) => map.remove("id").unwrap_or(Value::Null),
        _ => Value::Null,
    }
}

/// Attributes one input line; `None` for a blank line (whitespace only),
/// which gives no output. A byte order mark at the start of the line is
/// skipped.
pub fn process_line(
    attributor: &Attributor,
    line_number: u64,
    line: &[u8],
    options: &JsonlOptions,
) -> Option<LineOutput> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    // Editors on Windows start a UTF-8 file with a byte order mark.
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let text = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            let lossy = String::from_utf8_lossy(line);
            let id = readable_id(&lossy);
            let msg = format!("invalid UTF-8 at byte {}", e.valid_up_to());
            return Some(failure(&id, line_number, &msg));
        }
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Some(failure(
                &Value::Null,
                line_number,
                &format!("invalid JSON: {e}"),
            ));
        }
    };
    let Value::Object(map) = value else {
        return Some(failure(&Value::Null, line_number, "not a JSON object"));
    };
    let id = map.get("id").unwrap_or(&Value::Null);
    let Some(Value::String(text)) = map.get("text") else {
        return Some(failure(id, line_number, "missing string field \"text\""));
    };
    let result = match attributor.try_attribute(text) {
        Ok(result) => result,
        Err(e) => return Some(failure(id, line_number, &e.to_string())),
    };
    let quotes = result.to_records(options.offsets, options.spans);
    match serde_json::to_string(&Ok { id, quotes }) {
        Ok(json) => Some(LineOutput {
            json,
            failed: false,
        }),
        Err(e) => Some(failure(
            id,
            line_number,
            &format!("cannot write output: {e}"),
        )),
    }
}

/// What [`process`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Summary {
    /// Non-blank lines read.
    pub lines: u64,
    /// Lines that gave an error record.
    pub failed: u64,
}

/// Reads JSON Lines from `input` and writes one output line per non-blank
/// input line to `output`, in order, on this thread.
///
/// # Errors
///
/// [`Error::Io`] when reading or writing fails. Bad lines are not errors:
/// they give error records and are counted in [`Summary::failed`].
pub fn process<R: BufRead, W: Write>(
    attributor: &Attributor,
    mut input: R,
    mut output: W,
    options: &JsonlOptions,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    let mut buf = Vec::new();
    let mut line_number = 0u64;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|source| Error::Io {
                context: "reading input".to_string(),
                source,
            })?;
        if n == 0 {
            break;
        }
        line_number += 1;
        if let Some(out) = process_line(attributor, line_number, &buf, options) {
            summary.lines += 1;
            summary.failed += u64::from(out.failed);
            output
                .write_all(out.json.as_bytes())
                .and_then(|()| output.write_all(b"\n"))
                .map_err(|source| Error::Io {
                    context: "writing output".to_string(),
                    source,
                })?;
        }
    }
    output.flush().map_err(|source| Error::Io {
        context: "writing output".to_string(),
        source,
    })?;
    Ok(summary)
}
