//! Invariants that every attribution must satisfy, whatever the text.
//!
//! Shared by the property tests (`tests/properties.rs`), the fuzz regression
//! tests (`tests/fuzz_regressions.rs`) and the fuzz targets (`fuzz/`), so a
//! crashing fuzz input is replayed through exactly the checks that found it.
//! Each check returns the first violation as a message rather than
//! panicking, so that proptest can shrink on it.

use whosaid::{Attribution, Attributor, OffsetIndex, OffsetUnit, Quote, SingleQuotes, Span};
use whosaid::{Layout, Orientation, QuoteDetector, QuoteKind, SpanSelection};

/// The paragraph of unrelated text that the embedding check puts first.
pub const UNRELATED_PREFIX: &str = "Unrelated words here.\n\n";

/// Every offset unit, for `to_records`.
pub const UNITS: [OffsetUnit; 3] = [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16];

/// The attributor with single marks delimiting top-level quotations.
pub fn top_level_singles() -> Attributor {
    Attributor::builder()
        .single_quotes(SingleQuotes::TopLevel)
        .build()
        .expect("a valid configuration")
}

/// Whether `c` is one of the characters the tokenizer reads as a quotation
/// mark (`''` and two backticks are made of these).
pub fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
    )
}

/// The length in bytes of the HTML character reference of a quotation
/// mark that starts `s` (`&quot;`, `&ldquo;`, `&#8220;`, `&#x201C;`, ...),
/// if one does.
pub fn mark_reference_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('&')?;
    let end = rest.bytes().take(33).position(|b| b == b';')?;
    let body = &rest[..end];
    let c = match body.strip_prefix('#') {
        Some(num) => {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) if (1..=6).contains(&hex.len()) => u32::from_str_radix(hex, 16).ok()?,
                None if (1..=7).contains(&num.len()) && num.bytes().all(|b| b.is_ascii_digit()) => {
                    num.parse().ok()?
                }
                _ => return None,
            };
            char::from_u32(code)?
        }
        None => match body {
            "quot" | "QUOT" => '"',
            "apos" => '\'',
            "lsquo" | "OpenCurlyQuote" => '\u{2018}',
            "rsquo" | "rsquor" | "CloseCurlyQuote" => '\u{2019}',
            "sbquo" | "lsquor" => '\u{201A}',
            "ldquo" | "OpenCurlyDoubleQuote" => '\u{201C}',
            "rdquo" | "rdquor" | "CloseCurlyDoubleQuote" => '\u{201D}',
            "bdquo" | "ldquor" => '\u{201E}',
            "laquo" => '\u{AB}',
            "raquo" => '\u{BB}',
            "lsaquo" => '\u{2039}',
            "rsaquo" => '\u{203A}',
            _ => return None,
        },
    };
    is_mark_char(c).then_some(end + 2)
}

/// Whether `text` has a quotation mark, or the reference of one, at byte
/// `at`.
fn mark_at(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    rest.chars().next().is_some_and(is_mark_char) || mark_reference_len(rest).is_some()
}

/// Whether `text` has a quotation mark, or the reference of one, ending at
/// byte `at`.
fn mark_before(text: &str, at: usize) -> bool {
    let Some(head) = text.get(..at) else {
        return false;
    };
    if head.chars().next_back().is_some_and(is_mark_char) {
        return true;
    }
    head.ends_with(';')
        && head
            .char_indices()
            .rev()
            .take(35)
            .filter(|&(_, c)| c == '&')
            .any(|(k, _)| mark_reference_len(&head[k..]) == Some(at - k))
}

/// Whether `c` ends a paragraph (the tokenizer's line breaks).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether the tokenizer may skip `c` between tokens: whitespace, control
/// characters, and invisible format characters (zero-width spaces and
/// joiners, word joiner, byte order mark, soft hyphen).
pub fn is_skippable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        )
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end && span.get(text).is_some()
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if on_boundaries(text, span) {
        Ok(())
    } else {
        Err(format!(
            "{what} {span:?} is not inside the text (len {}) on char boundaries",
            text.len()
        ))
    }
}

/// The names of the checks, for [`check_text_except`].
pub const CHECKS: [&str; 9] = [
    "offsets",
    "tokens",
    "layout",
    "quotes",
    "nesting",
    "speakers",
    "records",
    "embedding",
    "single_quotes",
];

/// One check of one attribution, run lazily by [`check_text_except`].
type Check<'a> = dyn Fn() -> Result<(), String> + 'a;

/// Runs every check on `text` with both the default attributor and one with
/// single marks at top level.
pub fn check_text(text: &str) -> Result<(), String> {
    check_text_except(text, &[])
}

/// Like [`check_text`], skipping the checks named in `skip` (names from
/// [`CHECKS`]): the fuzz targets skip a known violation to look for others.
pub fn check_text_except(text: &str, skip: &[&str]) -> Result<(), String> {
    let run = |name: &str| !skip.contains(&name);
    if run("offsets") {
        check_offset_index(text)?;
    }
    for (name, attributor) in [
        ("default attributor", Attributor::new()),
        ("SingleQuotes::TopLevel", top_level_singles()),
    ] {
        let result = attributor.attribute(text);
        let checks: [(&str, &Check<'_>); 6] = [
            ("tokens", &|| check_tokens(text, &result)),
            ("layout", &|| check_layout(text, &result)),
            ("quotes", &|| check_quotes(text, &result)),
            ("nesting", &|| check_nesting_tree(&result)),
            ("speakers", &|| check_speakers(text, &result)),
            ("records", &|| check_records(text, &result)),
        ];
        for (check, f) in checks {
            if run(check) {
                f().map_err(|e| format!("{name}, check {check}: {e}"))?;
            }
        }
        if result.text() != text {
            return Err(format!("{name}: Attribution::text differs from the input"));
        }
        if run("embedding") {
            check_embedding(text, &attributor)
                .map_err(|e| format!("{name}, check embedding: {e}"))?;
        }
    }
    if run("single_quotes") {
        check_single_quotes(text).map_err(|e| format!("check single_quotes: {e}"))?;
    }
    Ok(())
}

/// With `SingleQuotes::Auto`, the result is the one of the setting the
/// detector says the text calls for (`QuoteDetector::single_quotes_in`),
/// and that setting is `TopLevel` or `NestedOnly`.
pub fn check_single_quotes(text: &str) -> Result<(), String> {
    let auto = Attributor::new();
    let result = auto.attribute(text);
    let chosen = QuoteDetector::new().single_quotes_in(result.document());
    if !matches!(chosen, SingleQuotes::TopLevel | SingleQuotes::NestedOnly) {
        return Err(format!("Auto resolved to {chosen:?}"));
    }
    let fixed = Attributor::builder()
        .single_quotes(chosen)
        .build()
        .expect("a valid configuration");
    let (a, b) = (shapes(&result, 0), shapes(&fixed.attribute(text), 0));
    if a != b {
        return Err(format!(
            "Auto resolved to {chosen:?} but finds {} quotes where {chosen:?} finds {}: {a:?} against {b:?}",
            a.len(),
            b.len()
        ));
    }
    Ok(())
}

/// Token spans lie on char boundaries, in order, without overlap, and only
/// skippable characters lie between them.
pub fn check_tokens(text: &str, result: &Attribution<'_>) -> Result<(), String> {
    let mut prev_end = 0;
    for (i, t) in result.document().tokens().iter().enumerate() {
        let span = t.span();
        check_span(text, span, &format!("token {i}"))?;
        if span.is_empty() {
            return Err(format!("token {i} {span:?} is empty"));
        }
        if span.start < prev_end {
            return Err(format!(
                "token {i} {span:?} starts before the previous token ends at {prev_end}"
            ));
        }
        check_gap(text, prev_end, span.start)?;
        prev_end = span.end;
    }
    check_gap(text, prev_end, text.len())?;
    check_segments(result)
}

/// Sentences, then paragraphs, cover the tokens in order without gaps;
/// each token's sentence and paragraph, as the document reports them,
/// are the segments that hold it; a sentence starts at a flagged token.
fn check_segments(result: &Attribution<'_>) -> Result<(), String> {
    let doc = result.document();
    let tokens = doc.tokens();
    for (what, segments) in [
        ("sentence", doc.sentences()),
        ("paragraph", doc.paragraphs()),
    ] {
        let mut next = 0;
        for (k, seg) in segments.iter().enumerate() {
            let range = seg.token_range();
            if range.start != next || range.is_empty() {
                return Err(format!(
                    "{what} {k} covers tokens {range:?}, expected from {next}"
                ));
            }
            for i in range.clone() {
                let of = match what {
                    "sentence" => doc.sentence_of(i),
                    _ => doc.paragraph_of(i),
                };
                if of != k {
                    return Err(format!("token {i} is in {what} {k} but reported in {of}"));
                }
            }
            if what == "sentence" && !tokens[range.start].starts_sentence() {
                return Err(format!(
                    "sentence {k} starts at unflagged token {}",
                    range.start
                ));
            }
            next = range.end;
        }
        if next != tokens.len() {
            return Err(format!("{what}s end at token {next} of {}", tokens.len()));
        }
    }
    Ok(())
}

/// The line breaks in `gap`, counting CR LF once, and whether one of them
/// always ends a paragraph (a paragraph separator or a form feed).
fn line_breaks(gap: &str) -> (usize, bool) {
    let mut n = 0;
    let mut hard = false;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        if is_line_break(c) {
            n += 1;
            hard |= matches!(c, '\u{2029}' | '\u{0C}');
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
        }
    }
    (n, hard)
}

/// Paragraphs end where the document's layout says: at every line break
/// between two tokens when it is one paragraph a line, only at blank lines,
/// paragraph separators and form feeds when it is wrapped; and the layout is
/// the one the crate documents, recomputed here from the text: wrapped when
/// at least a third of the single line breaks fall inside a sentence (a word
/// not capitalised follows, or a comma, possibly with closing marks after
/// it, comes before).
pub fn check_layout(text: &str, result: &Attribution<'_>) -> Result<(), String> {
    let doc = result.document();
    let tokens = doc.tokens();
    let mut single = 0;
    let mut inside_sentence = 0;
    for i in 1..tokens.len() {
        let gap = &text[tokens[i - 1].span().end..tokens[i].span().start];
        let (breaks, hard) = line_breaks(gap);
        if breaks != 1 || hard {
            continue;
        }
        single += 1;
        let mut p = i - 1;
        while p > 0
            && tokens[p]
                .mark()
                .is_some_and(|m| m.orientation() != Orientation::Open)
        {
            p -= 1;
        }
        let after_comma = &text[tokens[p].span()] == ",";
        if (tokens[i].is_word() && !tokens[i].is_capitalized()) || after_comma {
            inside_sentence += 1;
        }
    }
    let want = if inside_sentence > 0 && 3 * inside_sentence >= single {
        Layout::Wrapped
    } else {
        Layout::ParagraphPerLine
    };
    if doc.layout() != want {
        return Err(format!(
            "layout {:?}, but {inside_sentence} of {single} single line breaks fall inside \
             a sentence",
            doc.layout()
        ));
    }
    for i in 1..tokens.len() {
        let gap = &text[tokens[i - 1].span().end..tokens[i].span().start];
        let (breaks, hard) = line_breaks(gap);
        let ends = hard || breaks >= 2 || (breaks == 1 && want == Layout::ParagraphPerLine);
        if tokens[i].starts_paragraph() != ends
            || (doc.paragraph_of(i) != doc.paragraph_of(i - 1)) != ends
        {
            return Err(format!(
                "{want:?} text: the gap {gap:?} before token {i} {:?} {} a paragraph",
                doc.token_str(&tokens[i]),
                if ends { "must end" } else { "must not end" }
            ));
        }
    }
    Ok(())
}

fn check_gap(text: &str, start: usize, end: usize) -> Result<(), String> {
    let gap = text
        .get(start..end)
        .ok_or_else(|| format!("gap {start}..{end} between tokens is not on char boundaries"))?;
    match gap.char_indices().find(|&(_, c)| !is_skippable(c)) {
        None => Ok(()),
        Some((k, c)) => Err(format!(
            "character {c:?} at byte {} lies outside every token",
            start + k
        )),
    }
}

/// Whether `end` is the end of a paragraph: the end of a token with nothing
/// but skippable characters after it up to a line break or the text end.
fn ends_paragraph(text: &str, result: &Attribution<'_>, end: usize) -> bool {
    let token_end = result
        .document()
        .tokens()
        .iter()
        .any(|t| t.span().end == end);
    let rest = match text.get(end..) {
        Some(rest) => rest,
        None => return false,
    };
    let line_rest = rest.split(is_line_break).next().unwrap_or("");
    token_end && line_rest.chars().all(is_skippable)
}

/// Quotation spans: on boundaries, starting and ending on a mark (or, when
/// unclosed, at the end of a paragraph), sorted, disjoint, nested ones inside
/// their parent.
pub fn check_quotes(text: &str, result: &Attribution<'_>) -> Result<(), String> {
    let mut prev: Option<Span> = None;
    for aq in result.quotes() {
        let q = aq.quote();
        let span = q.span();
        check_quote_spans(text, q, "quote")?;
        if q.kind() == QuoteKind::Turn {
            // A transcript turn: after its label's colon, to the end of its
            // paragraph, with no marks of its own.
            let label_line =
                text[..span.start].trim_end_matches(|c: char| c.is_whitespace() || is_skippable(c));
            if !label_line.ends_with(':') {
                return Err(format!(
                    "turn {span:?} {:?} does not follow a label's colon",
                    q.as_str()
                ));
            }
            if !ends_paragraph(text, result, span.end) || q.opening_mark().is_some() {
                return Err(format!(
                    "turn {span:?} {:?} does not end its paragraph or has a mark",
                    q.as_str()
                ));
            }
        } else if !mark_at(text, span.start) {
            return Err(format!(
                "quote {span:?} {:?} does not start on a quotation mark",
                q.as_str()
            ));
        }
        if q.kind() == QuoteKind::Turn {
            // Checked above.
        } else if q.is_unclosed() {
            if !ends_paragraph(text, result, span.end) {
                return Err(format!(
                    "unclosed quote {span:?} {:?} does not end at the end of a paragraph",
                    q.as_str()
                ));
            }
        } else if !mark_before(text, span.end) {
            return Err(format!(
                "closed quote {span:?} {:?} does not end on a quotation mark",
                q.as_str()
            ));
        }
        if let Some(p) = prev {
            if span.start < p.end {
                return Err(format!(
                    "top-level quotes {p:?} and {span:?} are out of order or overlap"
                ));
            }
        }
        prev = Some(span);
        check_nested(text, q)?;
    }
    let speech = result
        .quotes()
        .filter(|aq| {
            matches!(
                aq.quote().kind(),
                QuoteKind::ReportedSpeech | QuoteKind::Turn
            )
        })
        .count();
    if result.speech().count() != speech {
        return Err(format!(
            "speech() yields {} quotes but quotes() has {speech} of speech and turns",
            result.speech().count()
        ));
    }
    Ok(())
}

fn check_quote_spans(text: &str, q: &Quote<'_>, what: &str) -> Result<(), String> {
    let span = q.span();
    check_span(text, span, what)?;
    check_span(
        text,
        q.content_span(),
        &format!("content of {what} {span:?}"),
    )?;
    if !span.contains(q.content_span()) {
        return Err(format!(
            "content {:?} of {what} {span:?} lies outside it",
            q.content_span()
        ));
    }
    if span.is_empty() {
        return Err(format!("{what} {span:?} is empty"));
    }
    Ok(())
}

fn check_nested(text: &str, parent: &Quote<'_>) -> Result<(), String> {
    for n in parent.nested() {
        let span = n.span();
        check_quote_spans(text, n, "nested quote")?;
        if !parent.span().contains(span) || span == parent.span() {
            return Err(format!(
                "nested quote {span:?} {:?} is not inside its parent {:?} {:?}",
                n.as_str(),
                parent.span(),
                parent.as_str()
            ));
        }
        check_nested(text, n)?;
    }
    Ok(())
}

/// The nested quotations of each quotation form a tree: siblings are in
/// text order and disjoint, so a quotation inside another is its child and
/// not its sibling.
pub fn check_nesting_tree(result: &Attribution<'_>) -> Result<(), String> {
    fn siblings(parent: &Quote<'_>) -> Result<(), String> {
        let mut prev: Option<&Quote<'_>> = None;
        for n in parent.nested() {
            if let Some(p) = prev {
                if n.span().start < p.span().end {
                    return Err(format!(
                        "nested quotes {:?} {:?} and {:?} {:?} of {:?} {:?} are siblings \
                         but overlap or are out of order",
                        p.span(),
                        p.as_str(),
                        n.span(),
                        n.as_str(),
                        parent.span(),
                        parent.as_str()
                    ));
                }
            }
            prev = Some(n);
            siblings(n)?;
        }
        Ok(())
    }
    result.quotes().try_for_each(|aq| siblings(aq.quote()))
}

/// Speaker mentions lie on boundaries and outside their own quotation, but
/// for the label of a quoted transcript turn (`"WALLACE: …"`), which opens
/// its content.
pub fn check_speakers(text: &str, result: &Attribution<'_>) -> Result<(), String> {
    for aq in result.quotes() {
        let Some(speaker) = aq.speaker() else {
            continue;
        };
        let q = aq.quote();
        let m = speaker.mention_span();
        check_span(text, m, "speaker mention")?;
        if speaker.mention_text() != &text[m] {
            return Err(format!("speaker mention text differs from its span {m:?}"));
        }
        // The speaker's phrase: the mention and any possessor before it.
        let phrase = speaker.span();
        check_span(text, phrase, "speaker phrase")?;
        if phrase.end != m.end || phrase.start > m.start || speaker.text() != &text[phrase] {
            return Err(format!(
                "speaker phrase {phrase:?} {:?} does not end the mention {m:?}",
                speaker.text()
            ));
        }
        if !speaker.text().ends_with(speaker.mention_text()) {
            return Err(format!(
                "speaker phrase {phrase:?} does not end with its mention"
            ));
        }
        let label = speaker.rule() == whosaid::Rule::SpeakerLabel
            && q.content_span().contains(m)
            && text[q.content_span().start..m.start]
                .chars()
                .all(|c| c.is_whitespace() || is_skippable(c));
        if (q.span().overlaps(m) || q.span().overlaps(speaker.span())) && !label {
            return Err(format!(
                "speaker mention {m:?} {:?} lies inside its own quote {:?} {:?}",
                &text[m],
                q.span(),
                q.as_str()
            ));
        }
        for (k, s) in speaker.cue().spans().iter().enumerate() {
            check_span(text, *s, &format!("cue span {k}"))?;
        }
    }
    for (k, mention) in result.mentions().iter().enumerate() {
        check_span(text, mention.span(), &format!("mention {k}"))?;
    }
    Ok(())
}

/// The length of `text[..byte]` in `unit`, counted without `OffsetIndex`.
fn prefix_len(text: &str, byte: usize, unit: OffsetUnit) -> usize {
    let prefix = &text[..byte];
    let expected = match unit {
        OffsetUnit::Bytes => byte,
        OffsetUnit::Chars => prefix.chars().count(),
        OffsetUnit::Utf16 => prefix.encode_utf16().count(),
    };
    expected
}

/// `to_records` in every unit: offsets equal the lengths of the prefixes in
/// that unit, texts equal the spans.
pub fn check_records(text: &str, result: &Attribution<'_>) -> Result<(), String> {
    let quotes: Vec<_> = result.quotes().collect();
    for unit in UNITS {
        let records = result.to_records(unit, SpanSelection::All);
        if records.len() != quotes.len() {
            return Err(format!(
                "to_records({unit:?}, All) gave {} records for {} quotes",
                records.len(),
                quotes.len()
            ));
        }
        let speech = result.to_records(unit, SpanSelection::Speech);
        if speech.len() != result.speech().count() {
            return Err(format!(
                "to_records({unit:?}, Speech) gave {} records for {} speech quotes",
                speech.len(),
                result.speech().count()
            ));
        }
        for (r, aq) in records.iter().zip(&quotes) {
            let q = aq.quote();
            let span = q.span();
            if !on_boundaries(text, span) {
                continue; // reported by check_quotes
            }
            let want = (
                prefix_len(text, span.start, unit),
                prefix_len(text, span.end, unit),
            );
            if (r.start, r.end) != want {
                return Err(format!(
                    "record of quote {span:?} in {unit:?} is {}..{}, expected {}..{}",
                    r.start, r.end, want.0, want.1
                ));
            }
            if r.text != q.as_str() || r.unclosed != q.is_unclosed() || r.kind != q.kind() {
                return Err(format!("record of quote {span:?} differs from the quote"));
            }
            if r.nested.len() != q.nested().len() {
                return Err(format!("record of quote {span:?} lost nested quotes"));
            }
            for (nr, n) in r.nested.iter().zip(q.nested()) {
                let ns = n.span();
                if !on_boundaries(text, ns) {
                    continue;
                }
                let want = (
                    prefix_len(text, ns.start, unit),
                    prefix_len(text, ns.end, unit),
                );
                if (nr.start, nr.end) != want || nr.text != n.as_str() {
                    return Err(format!(
                        "nested record {}..{} of {ns:?} in {unit:?}, expected {}..{}",
                        nr.start, nr.end, want.0, want.1
                    ));
                }
            }
            match aq.speaker() {
                None => {
                    if r.speaker.is_some() || r.speaker_start.is_some() {
                        return Err(format!("record of quote {span:?} invents a speaker"));
                    }
                }
                Some(s) => {
                    let m = s.span();
                    if !on_boundaries(text, m) {
                        continue;
                    }
                    let want = (
                        prefix_len(text, m.start, unit),
                        prefix_len(text, m.end, unit),
                    );
                    if (r.speaker_start, r.speaker_end) != (Some(want.0), Some(want.1))
                        || r.speaker.as_deref() != Some(s.text())
                    {
                        return Err(format!(
                            "speaker record {:?}..{:?} of {m:?} in {unit:?}, expected {}..{}",
                            r.speaker_start, r.speaker_end, want.0, want.1
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// `OffsetIndex` round trips at every char boundary (byte to chars to byte,
/// byte to UTF-16 to byte) and refuses offsets inside a character.
pub fn check_offset_index(text: &str) -> Result<(), String> {
    let index = OffsetIndex::new(text);
    if index.len() != text.len() {
        return Err(format!(
            "OffsetIndex::len {} != {}",
            index.len(),
            text.len()
        ));
    }
    let (mut chars, mut utf16) = (0usize, 0usize);
    let boundaries = text
        .char_indices()
        .map(|(b, c)| (b, Some(c)))
        .chain(std::iter::once((text.len(), None)));
    for (b, c) in boundaries {
        for (unit, want) in [
            (OffsetUnit::Bytes, b),
            (OffsetUnit::Chars, chars),
            (OffsetUnit::Utf16, utf16),
        ] {
            let got = index.convert(b, unit);
            if got != Some(want) {
                return Err(format!(
                    "OffsetIndex::convert({b}, {unit:?}) = {got:?}, expected {want}"
                ));
            }
            let back = index.byte_offset(want, unit);
            if back != Some(b) {
                return Err(format!(
                    "OffsetIndex::byte_offset({want}, {unit:?}) = {back:?}, expected {b}"
                ));
            }
        }
        if let Some(c) = c {
            for inside in b + 1..b + c.len_utf8() {
                if let Some(got) = index.convert(inside, OffsetUnit::Chars) {
                    return Err(format!(
                        "OffsetIndex::convert({inside}, Chars) = {got} inside {c:?}"
                    ));
                }
            }
            if c.len_utf16() == 2 {
                let between = utf16 + 1;
                if let Some(got) = index.byte_offset(between, OffsetUnit::Utf16) {
                    return Err(format!(
                        "OffsetIndex::byte_offset({between}, Utf16) = {got} between the surrogates of {c:?}"
                    ));
                }
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
    }
    for past in [text.len() + 1, text.len() + 7] {
        if index.convert(past, OffsetUnit::Bytes).is_some()
            || index.byte_offset(past + chars, OffsetUnit::Chars).is_some()
        {
            return Err(format!("OffsetIndex accepts offset {past} past the end"));
        }
    }
    Ok(())
}

/// What the embedding check compares of a quotation: its spans relative to
/// the start of the text, kind, closure, nested spans and speaker text.
#[derive(Debug, PartialEq, Eq)]
pub struct QuoteShape {
    /// Quote span, shifted to the text's own offsets.
    pub span: (usize, usize),
    /// Content span, shifted.
    pub content: (usize, usize),
    /// The quotation's kind.
    pub kind: QuoteKind,
    /// Whether it is unclosed.
    pub unclosed: bool,
    /// Nested quotations, depth first, shifted.
    pub nested: Vec<(usize, usize)>,
    /// The speaker mention's text.
    pub speaker: Option<String>,
}

fn shift(span: Span, by: usize) -> (usize, usize) {
    (span.start.wrapping_sub(by), span.end.wrapping_sub(by))
}

fn nested_spans(q: &Quote<'_>, by: usize, out: &mut Vec<(usize, usize)>) {
    for n in q.nested() {
        out.push(shift(n.span(), by));
        nested_spans(n, by, out);
    }
}

/// The shapes of all quotations, with spans shifted left by `by`.
pub fn shapes(result: &Attribution<'_>, by: usize) -> Vec<QuoteShape> {
    result
        .quotes()
        .map(|aq| {
            let q = aq.quote();
            let mut nested = Vec::new();
            nested_spans(q, by, &mut nested);
            QuoteShape {
                span: shift(q.span(), by),
                content: shift(q.content_span(), by),
                kind: q.kind(),
                unclosed: q.is_unclosed(),
                nested,
                speaker: aq.speaker().map(|s| s.mention_text().to_string()),
            }
        })
        .collect()
}

/// The result does not change when a paragraph of unrelated text comes
/// first: same quotations (shifted), same speaker mention texts.
pub fn check_embedding(text: &str, attributor: &Attributor) -> Result<(), String> {
    let alone = shapes(&attributor.attribute(text), 0);
    let embedded_text = format!("{UNRELATED_PREFIX}{text}");
    let embedded = shapes(
        &attributor.attribute(&embedded_text),
        UNRELATED_PREFIX.len(),
    );
    if alone == embedded {
        return Ok(());
    }
    let k = alone
        .iter()
        .zip(&embedded)
        .position(|(a, b)| a != b)
        .unwrap_or(alone.len().min(embedded.len()));
    Err(format!(
        "embedding after {UNRELATED_PREFIX:?} changes the result: {} quotes alone, {} embedded; \
         first difference at quote {k}: alone {:?}, embedded (shifted back) {:?}",
        alone.len(),
        embedded.len(),
        alone.get(k),
        embedded.get(k)
    ))
}
