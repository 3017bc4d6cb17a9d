//! JSON Lines in, JSON Lines out: the batch format of the `attribute`
//! command line, usable from your own programs.
//!
//! Each input line is a JSON object with a string `"text"` and an optional
//! `"id"` of any JSON type; a UTF-8 byte order mark before it (the start of
//! a file saved with one) is skipped. Each non-blank input line gives
//! exactly one output line, in input order:
//!
//! * `{"id": <echoed>, "quotes": [...], "entities": [...]}`: the
//!   [`DocumentRecord`] of the text, each quote a
//!   [`QuoteRecord`](crate::QuoteRecord) and each entity an
//!   [`EntityRecord`](crate::EntityRecord);
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
//!
//! Archives whose fields are named otherwise are read with
//! [`process_line_with_fields`] and a [`FieldNames`]:
//!
//! ```
//! use whosaid::jsonl::{process_line_with_fields, FieldNames, JsonlOptions};
//! use whosaid::Attributor;
//!
//! let attributor = Attributor::new();
//! let fields = FieldNames::new("body", "url");
//! let line = br#"{"url": "a", "body": "\"Yes,\" she said."}"#;
//! let out = process_line_with_fields(&attributor, 1, line, &JsonlOptions::default(), &fields)
//!     .expect("not blank");
//! assert!(out.json.starts_with(r#"{"id":"a","quotes":[{"start":0,"end":6,"#));
//!
//! let bad = br#"{"url": "b", "body": 12}"#;
//! let out = process_line_with_fields(&attributor, 2, bad, &JsonlOptions::default(), &fields)
//!     .expect("not blank");
//! assert_eq!(
//!     out.json,
//!     r#"{"id":"b","line":2,"error":"field \"body\" is a number, not a string"}"#
//! );
//! ```

use std::io::{BufRead, Write};

use serde::Serialize;
use serde_json::Value;

use crate::attribution::{Attributor, DocumentRecord, SpanSelection};
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

/// The names of the input fields that hold each document's text and id
/// (`"text"` and `"id"` by default). The output always calls the id `"id"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldNames {
    /// The field holding the text, a JSON string.
    pub text: String,
    /// The field holding the id, any JSON value, echoed.
    pub id: String,
}

impl FieldNames {
    /// The text is read from `text`, the id from `id`.
    pub fn new(text: impl Into<String>, id: impl Into<String>) -> FieldNames {
        FieldNames {
            text: text.into(),
            id: id.into(),
        }
    }
}

impl Default for FieldNames {
    fn default() -> FieldNames {
        FieldNames::new("text", "id")
    }
}

/// What a JSON value is, for error messages: "a number", "null".
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
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
    #[serde(flatten)]
    document: DocumentRecord,
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
fn readable_id(line: &str, id_field: &str) -> Value {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(mut map)) => map.remove(id_field).unwrap_or(Value::Null),
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
    process_line_with_fields(
        attributor,
        line_number,
        line,
        options,
        &FieldNames::default(),
    )
}

/// [`process_line`] for input whose text and id are in the fields `fields`
/// names. A text field that is present but not a string gives an error
/// record that says what it holds.
pub fn process_line_with_fields(
    attributor: &Attributor,
    line_number: u64,
    line: &[u8],
    options: &JsonlOptions,
    fields: &FieldNames,
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
            let id = readable_id(&lossy, &fields.id);
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
    let id = map.get(&fields.id).unwrap_or(&Value::Null);
    let text = match map.get(&fields.text) {
        Some(Value::String(text)) => text,
        Some(other) => {
            let msg = format!(
                "field {:?} is {}, not a string",
                fields.text,
                json_type(other)
            );
            return Some(failure(id, line_number, &msg));
        }
        None => {
            let msg = format!("missing string field {:?}", fields.text);
            return Some(failure(id, line_number, &msg));
        }
    };
    let result = match attributor.try_attribute(text) {
        Ok(result) => result,
        Err(e) => return Some(failure(id, line_number, &e.to_string())),
    };
    let document = result.to_document(options.offsets, options.spans);
    match serde_json::to_string(&Ok { id, document }) {
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
