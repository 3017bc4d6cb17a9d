//! The public API's promises: thread safety, offsets in every unit after
//! multi-byte characters, JSON Lines that never lose a line, and an error
//! type that fits `?` and `Box<dyn Error + Send + Sync>`.

use std::io::{self, BufRead, Read, Write};

use serde_json::Value;
use whosaid::jsonl::{self, JsonlOptions, LineOutput, Summary};
use whosaid::{
    attribute, AttributedEntity, AttributedQuote, Attribution, Attributor, AttributorBuilder, Cue,
    Document, DocumentRecord, Entities, Entity, EntityCategory, EntityId, EntityKind, EntityRecord,
    EntityTable, Error, Gender, Mark, MarkFamilies, MarkFamily, MarkGlyph, Mention, MentionFinder,
    MentionId, MentionKind, MentionRecord, NestedRecord, OffsetIndex, OffsetUnit, Orientation,
    Quote, QuoteConfig, QuoteDetector, QuoteKind, QuoteRecord, Quotes, Resolution, Rule, Segment,
    SingleQuotes, Span, SpanSelection, Speaker, SpeakerResolver, Token, TokenKind, Tokenizer,
    UnclosedQuotes,
};

fn assert_send_sync<T: Send + Sync>() {}

/// Fails to compile, rather than to run, when a public type loses `Send` or
/// `Sync`.
const _: fn() = || {
    assert_send_sync::<Attributor>();
    assert_send_sync::<AttributorBuilder>();
    assert_send_sync::<Attribution<'static>>();
    assert_send_sync::<AttributedQuote<'static, 'static>>();
    assert_send_sync::<Quotes<'static, 'static>>();
    assert_send_sync::<Speaker<'static, 'static>>();
    assert_send_sync::<Quote<'static>>();
    assert_send_sync::<QuoteConfig>();
    assert_send_sync::<QuoteDetector>();
    assert_send_sync::<QuoteKind>();
    assert_send_sync::<MarkFamilies>();
    assert_send_sync::<SingleQuotes>();
    assert_send_sync::<UnclosedQuotes>();
    assert_send_sync::<Tokenizer>();
    assert_send_sync::<Document<'static>>();
    assert_send_sync::<Token>();
    assert_send_sync::<TokenKind>();
    assert_send_sync::<Segment>();
    assert_send_sync::<Mark>();
    assert_send_sync::<MarkGlyph>();
    assert_send_sync::<MarkFamily>();
    assert_send_sync::<Orientation>();
    assert_send_sync::<MentionFinder>();
    assert_send_sync::<Mention>();
    assert_send_sync::<MentionKind>();
    assert_send_sync::<EntityKind>();
    assert_send_sync::<Entity<'static>>();
    assert_send_sync::<EntityTable<'static>>();
    assert_send_sync::<Entities<'static, 'static>>();
    assert_send_sync::<AttributedEntity<'static, 'static>>();
    assert_send_sync::<EntityId>();
    assert_send_sync::<MentionId>();
    assert_send_sync::<Gender>();
    assert_send_sync::<EntityCategory>();
    assert_send_sync::<EntityRecord>();
    assert_send_sync::<MentionRecord>();
    assert_send_sync::<DocumentRecord>();
    assert_send_sync::<SpeakerResolver>();
    assert_send_sync::<Resolution>();
    assert_send_sync::<Cue>();
    assert_send_sync::<Rule>();
    assert_send_sync::<Span>();
    assert_send_sync::<OffsetIndex>();
    assert_send_sync::<OffsetUnit>();
    assert_send_sync::<SpanSelection>();
    assert_send_sync::<QuoteRecord>();
    assert_send_sync::<NestedRecord>();
    assert_send_sync::<Error>();
    assert_send_sync::<JsonlOptions>();
    assert_send_sync::<LineOutput>();
    assert_send_sync::<Summary>();
};

#[test]
fn one_attributor_serves_several_threads() {
    let attributor = Attributor::new();
    let texts = [
        r#""We will win," the coach said."#,
        r#"The mayor said: "It is over.""#,
    ];
    std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .iter()
            .map(|text| s.spawn(|| attributor.attribute(text).speech().count()))
            .collect();
        for h in handles {
            assert_eq!(h.join().expect("no panic"), 1);
        }
    });
}

fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}

#[test]
fn error_is_a_std_error_that_crosses_threads() {
    assert_error::<Error>();
    let boxed: Box<dyn std::error::Error + Send + Sync + 'static> =
        Box::new(Error::InvalidConfig("no families".to_string()));
    assert_eq!(boxed.to_string(), "invalid configuration: no families");
    assert!(boxed.downcast_ref::<Error>().is_some());

    let io = Error::Io {
        context: "reading input".to_string(),
        source: io::Error::other("disk gone"),
    };
    let source = std::error::Error::source(&io).expect("the I/O error is the source");
    assert_eq!(source.to_string(), "disk gone");
}

#[test]
fn a_text_too_long_to_attribute_is_named_with_its_length() {
    // No test can afford a 4 GiB text; the error is what try_attribute,
    // the JSON Lines reader and the command line report for one.
    let err = Error::TooLong { len: 5_000_000_000 };
    assert_eq!(
        err.to_string(),
        "text of 5000000000 bytes is longer than the 4294967295 bytes (4 GiB) a document \
         can take; split it into its documents"
    );
    let text = "\"We will win,\" Smith said.";
    let tried = Attributor::new().try_attribute(text).expect("a short text");
    assert_eq!(
        tried.speech().count(),
        whosaid::attribute(text).speech().count()
    );
}

#[test]
fn a_configuration_without_any_mark_family_is_an_error() {
    let err = Attributor::builder()
        .mark_families(MarkFamilies::empty())
        .build()
        .expect_err("nothing could ever be found");
    assert!(matches!(err, Error::InvalidConfig(_)), "{err:?}");
}

#[test]
fn an_unknown_offset_unit_is_an_error() {
    assert_eq!("utf16".parse::<OffsetUnit>().ok(), Some(OffsetUnit::Utf16));
    assert!(matches!(
        "furlongs".parse::<OffsetUnit>(),
        Err(Error::InvalidConfig(_))
    ));
}

/// Euro signs and curly marks before and inside the quotation, and an emoji
/// (two UTF-16 units) so that character and UTF-16 offsets differ too.
const MULTIBYTE: &str = "Tea cost 5€ 😀 yesterday. “It is a ‘scandal’ at 7€,” said Anna Berg, \
                         who pays in €.";

/// `text[start..end]` with offsets counted in `unit`.
fn slice_in(text: &str, unit: OffsetUnit, start: usize, end: usize) -> String {
    match unit {
        OffsetUnit::Bytes => text[start..end].to_string(),
        OffsetUnit::Chars => text.chars().skip(start).take(end - start).collect(),
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("offsets on character boundaries")
        }
    }
}

/// The offset of byte `byte` counted in `unit`, computed without the crate.
fn offset_in(text: &str, unit: OffsetUnit, byte: usize) -> usize {
    let before = &text[..byte];
    match unit {
        OffsetUnit::Bytes => byte,
        OffsetUnit::Chars => before.chars().count(),
        OffsetUnit::Utf16 => before.encode_utf16().count(),
    }
}

#[test]
fn spans_are_byte_ranges_on_character_boundaries() {
    let result = attribute(MULTIBYTE);
    let aq = result.speech().next().expect("one quotation");
    let q = aq.quote();
    let start = MULTIBYTE.find('“').expect("the opening mark");
    assert_eq!(q.span().start, start);
    assert_eq!(q.as_str(), "“It is a ‘scandal’ at 7€,”");
    assert_eq!(&MULTIBYTE[q.span()], q.as_str());
    assert_eq!(q.content(), "It is a ‘scandal’ at 7€,");
    assert_eq!(&MULTIBYTE[q.content_span()], q.content());
    assert_eq!(q.nested()[0].as_str(), "‘scandal’");
    let speaker = aq.speaker().expect("a speaker");
    assert_eq!(&MULTIBYTE[speaker.mention_span()], "Anna Berg");
    for t in result.document().tokens() {
        assert!(
            t.span().get(MULTIBYTE).is_some(),
            "token span {} is not on character boundaries",
            t.span()
        );
    }
}

#[test]
fn offset_index_converts_both_ways_after_multibyte_characters() {
    let index = OffsetIndex::new(MULTIBYTE);
    let q_start = MULTIBYTE.find('“').expect("the opening mark");
    for unit in [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16] {
        let want = offset_in(MULTIBYTE, unit, q_start);
        assert_eq!(index.convert(q_start, unit), Some(want), "{unit:?}");
        assert_eq!(index.byte_offset(want, unit), Some(q_start), "{unit:?}");
        let end = MULTIBYTE.len();
        assert_eq!(
            index.convert_span(Span::new(q_start, end), unit),
            Some((want, offset_in(MULTIBYTE, unit, end))),
            "{unit:?}"
        );
    }
    // The three units really differ here: before the quotation, '€' is two
    // bytes longer than one char and the emoji three; the emoji is two UTF-16
    // units.
    let chars = index.convert(q_start, OffsetUnit::Chars).expect("boundary");
    let utf16 = index.convert(q_start, OffsetUnit::Utf16).expect("boundary");
    assert_eq!(q_start - chars, 2 + 3);
    assert_eq!(utf16 - chars, 1);
    // Inside the '€' of "5€".
    let euro = MULTIBYTE.find('€').expect("a euro sign");
    assert_eq!(index.convert(euro + 1, OffsetUnit::Chars), None);
    assert_eq!(index.convert(euro + 1, OffsetUnit::Utf16), None);
}

#[test]
fn records_index_the_text_in_every_unit() {
    let result = attribute(MULTIBYTE);
    for unit in [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16] {
        let records = result.to_records(unit, SpanSelection::All);
        assert_eq!(records.len(), 1, "{unit:?}");
        let r = &records[0];
        let q_start = MULTIBYTE.find('“').expect("the opening mark");
        assert_eq!(r.start, offset_in(MULTIBYTE, unit, q_start), "{unit:?}");
        assert_eq!(
            slice_in(MULTIBYTE, unit, r.start, r.end),
            r.text,
            "{unit:?}"
        );
        assert_eq!(r.text, "“It is a ‘scandal’ at 7€,”");
        let (s, e) = (
            r.speaker_start.expect("a speaker"),
            r.speaker_end.expect("a speaker"),
        );
        assert_eq!(slice_in(MULTIBYTE, unit, s, e), "Anna Berg", "{unit:?}");
        assert_eq!(r.speaker.as_deref(), Some("Anna Berg"));
        assert_eq!(r.nested.len(), 1, "{unit:?}");
        let n = &r.nested[0];
        assert_eq!(
            slice_in(MULTIBYTE, unit, n.start, n.end),
            n.text,
            "{unit:?}"
        );
        assert_eq!(n.text, "‘scandal’");
    }
}

/// One JSON Lines input with one line of every sort, numbered as `process`
/// numbers lines (from 1, blank lines counted).
fn jsonl_input() -> Vec<u8> {
    let mut input = Vec::new();
    // 1: good.
    input.extend_from_slice(br#"{"id": 1, "text": "\"Yes,\" she said."}"#);
    input.push(b'\n');
    // 2: blank; 3: only whitespace.
    input.extend_from_slice(b"\n   \t\n");
    // 4: not JSON, so the id cannot be read.
    input.extend_from_slice(br#"{"id": 4, "text": oops}"#);
    input.push(b'\n');
    // 5: JSON but not an object.
    input.extend_from_slice(b"[1, 2, 3]\n");
    // 6: no text.
    input.extend_from_slice(br#"{"id": "six"}"#);
    input.push(b'\n');
    // 7: text not a string.
    input.extend_from_slice(br#"{"id": 7, "text": 42}"#);
    input.push(b'\n');
    // 8: invalid UTF-8 inside the text; the id is still readable.
    input.extend_from_slice(b"{\"id\": 8, \"text\": \"caf\xff\"}\n");
    // 9: good, Windows line ending.
    input.extend_from_slice(br#"{"id": [9], "text": "\"No,\" he said."}"#);
    input.extend_from_slice(b"\r\n");
    // 10: good, no quotation, no id, no final newline.
    input.extend_from_slice(br#"{"text": "Nothing was said."}"#);
    input
}

#[test]
fn jsonl_gives_one_output_per_non_blank_line_in_order() {
    let attributor = Attributor::new();
    let mut output = Vec::new();
    let summary = jsonl::process(
        &attributor,
        &jsonl_input()[..],
        &mut output,
        &JsonlOptions::default(),
    )
    .expect("in-memory I/O cannot fail");
    assert_eq!(
        summary,
        Summary {
            lines: 8,
            failed: 5
        }
    );

    let text = String::from_utf8(output).expect("the output is UTF-8");
    assert!(
        text.ends_with('\n'),
        "every output line ends with a newline"
    );
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect();
    assert_eq!(lines.len(), 8, "{text}");

    let id = |v: &Value| v.get("id").cloned();
    let is_error_at = |v: &Value, line: u64| {
        v.get("line").and_then(Value::as_u64) == Some(line)
            && v.get("error").is_some_and(Value::is_string)
            && v.get("quotes").is_none()
    };

    // 1: good.
    assert_eq!(id(&lines[0]), Some(Value::from(1)));
    let quotes = lines[0]["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["text"], "\"Yes,\"");
    assert_eq!(quotes[0]["speaker"], "she");
    assert_eq!(quotes[0]["start"], 0);
    assert_eq!(quotes[0]["end"], 6);
    // 4: invalid JSON, id unreadable.
    assert!(is_error_at(&lines[1], 4), "{}", lines[1]);
    assert_eq!(id(&lines[1]), Some(Value::Null));
    // 5: not an object.
    assert!(is_error_at(&lines[2], 5), "{}", lines[2]);
    assert_eq!(id(&lines[2]), Some(Value::Null));
    // 6: missing text, id echoed.
    assert!(is_error_at(&lines[3], 6), "{}", lines[3]);
    assert_eq!(id(&lines[3]), Some(Value::from("six")));
    // 7: text not a string, id echoed.
    assert!(is_error_at(&lines[4], 7), "{}", lines[4]);
    assert_eq!(id(&lines[4]), Some(Value::from(7)));
    // 8: invalid UTF-8, id still echoed.
    assert!(is_error_at(&lines[5], 8), "{}", lines[5]);
    assert_eq!(id(&lines[5]), Some(Value::from(8)));
    // 9: good, CRLF, any JSON value as id.
    assert_eq!(id(&lines[6]), Some(serde_json::json!([9])));
    assert_eq!(lines[6]["quotes"][0]["text"], "\"No,\"");
    assert!(lines[6].get("error").is_none());
    // 10: good, no id, no quotation.
    assert_eq!(id(&lines[7]), Some(Value::Null));
    assert_eq!(lines[7]["quotes"], serde_json::json!([]));
}

#[test]
fn jsonl_process_line_skips_only_blank_lines() {
    let attributor = Attributor::new();
    let options = JsonlOptions::default();
    assert_eq!(jsonl::process_line(&attributor, 1, b"", &options), None);
    assert_eq!(
        jsonl::process_line(&attributor, 2, b" \r\n", &options),
        None
    );
    let out = jsonl::process_line(&attributor, 3, b"null", &options).expect("an error record");
    assert!(out.failed);
}

#[test]
fn jsonl_skips_the_byte_order_mark_that_starts_a_file() {
    let attributor = Attributor::new();
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(br#"{"id": 1, "text": "\"Yes,\" she said."}"#);
    input.extend_from_slice(b"\n\xEF\xBB\xBF\n");
    input.extend_from_slice(br#"{"id": 2, "text": "\"No,\" he said."}"#);
    let mut output = Vec::new();
    let summary = jsonl::process(
        &attributor,
        &input[..],
        &mut output,
        &JsonlOptions::default(),
    )
    .expect("in-memory I/O cannot fail");
    assert_eq!(
        summary,
        Summary {
            lines: 2,
            failed: 0
        }
    );
    let text = String::from_utf8(output).expect("the output is UTF-8");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect();
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["quotes"][0]["text"], "\"Yes,\"");
    assert_eq!(lines[1]["id"], 2);
}

/// A reader that fails after its first line.
struct FailingReader {
    served: bool,
}

impl Read for FailingReader {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::other("cable cut"))
    }
}

impl BufRead for FailingReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.served {
            Err(io::Error::other("cable cut"))
        } else {
            Ok(b"{\"text\": \"ok\"}\n")
        }
    }

    fn consume(&mut self, _: usize) {
        self.served = true;
    }
}

/// A writer that refuses everything.
struct FullDisk;

impl Write for FullDisk {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::other("disk full"))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn jsonl_reports_io_failures_as_io_errors() {
    let attributor = Attributor::new();
    let options = JsonlOptions::default();

    let mut output = Vec::new();
    let err = jsonl::process(
        &attributor,
        FailingReader { served: false },
        &mut output,
        &options,
    )
    .expect_err("the reader fails");
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert_eq!(
        String::from_utf8(output).expect("UTF-8").lines().count(),
        1,
        "the line read before the failure is written"
    );

    let err = jsonl::process(
        &attributor,
        &b"{\"text\": \"ok\"}\n"[..],
        FullDisk,
        &options,
    )
    .expect_err("the writer fails");
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
}
