//! Transcripts: paragraphs that open with a speaker label (`PENCE:`,
//! `MR. TRUMP:`, `Chris Wallace:`, `Q:`).
//!
//! Part of the quote detector's stage: it reads only the tokenized
//! document and the word lists. A document is a transcript when two
//! paragraphs or more open with a label, under two labels or more; the
//! quotations of a labelled paragraph are its speaker's, and the
//! [`crate::QuoteDetector`] returns an unquoted turn as a quotation of kind
//! [`crate::QuoteKind::Turn`].

use std::ops::Range;

use crate::lexicon::{class, with_lower, LEXICON};
use crate::tokenizer::Document;

/// The speaker label opening a paragraph of a transcript: `PENCE:`,
/// `MR. TRUMP:`, `Chris Wallace:`, `Q:`, also right after the opening mark
/// of a quoted turn (`"WALLACE: …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SpeakerLabel {
    /// The label's words.
    pub words: Range<usize>,
    /// The colon after them.
    pub colon: usize,
    /// `Q` or `A`: the interviewer's questions or the answers, with no name.
    pub interview: bool,
}

/// The speaker label of each paragraph of `doc`, when `doc` is a
/// transcript: two paragraphs or more open with a label, under two labels
/// or more. Empty for any other text.
pub(crate) fn speaker_labels(doc: &Document<'_>) -> Vec<Option<SpeakerLabel>> {
    let labels: Vec<Option<SpeakerLabel>> = (0..doc.paragraphs().len())
        .map(|p| paragraph_label(doc, p))
        .collect();
    // Two labels or more, under two labels or more: a label that differs
    // from the first one is enough to tell.
    let same = |a: &SpeakerLabel, b: &SpeakerLabel| {
        a.words.len() == b.words.len()
            && a.words
                .clone()
                .zip(b.words.clone())
                .all(|(x, y)| doc.str_at(x).eq_ignore_ascii_case(doc.str_at(y)))
    };
    let mut found = labels.iter().flatten();
    let count = found.clone().count();
    let first = found.next();
    let two = first.is_some_and(|f| found.any(|l| !same(f, l)));
    if count >= 2 && two {
        labels
    } else {
        Vec::new()
    }
}

/// The label opening paragraph `p`, if it has the form of one: after an
/// optional opening mark, one to three capitalised words (all in capitals,
/// or each capitalised; `Q` and `A` alone), a colon, and text after it.
fn paragraph_label(doc: &Document<'_>, p: usize) -> Option<SpeakerLabel> {
    let r = doc.paragraphs()[p].token_range();
    let tokens = doc.tokens();
    let mut k = r.start;
    if tokens[k].mark().is_some_and(|m| m.can_open()) {
        k += 1;
    }
    let start = k;
    while k < r.end && k < start + 3 && tokens[k].is_word() && tokens[k].is_capitalized() {
        k += 1;
    }
    if k == start || k + 1 >= r.end || doc.str_at(k) != ":" {
        return None;
    }
    let words = start..k;
    let first = doc.str_at(start);
    let interview = words.len() == 1 && matches!(first, "Q" | "A");
    let caps = words.clone().all(|j| {
        let w = doc.str_at(j);
        !w.bytes().any(|b| b.is_ascii_lowercase())
            && w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
    });
    let unlisted = !with_lower(first.trim_end_matches('.'), |w| {
        LEXICON.non_speaker_labels.contains(w)
    }) && (tokens[start].lex() & class::FUNCTION == 0 || caps);
    (interview || (unlisted && (caps || words.clone().all(|j| tokens[j].is_capitalized()))))
        .then_some(SpeakerLabel {
            words,
            colon: k,
            interview,
        })
}

/// The fewest words of a turn that counts towards telling a transcript from
/// a list of `Name: figure` lines (`Clinton: 547.`).
const MIN_TURN_WORDS: usize = 5;

/// The token ranges of the unquoted turns of `doc`: for each labelled
/// paragraph of a transcript, the words after the label's colon to the end
/// of the paragraph. `labels` is [`speaker_labels`] of `doc`; `quoted`
/// tells whether a token range is one quotation (a quoted turn, `WALLACE:
/// "…"`, which stays a quotation of its own).
///
/// Turns are returned only when the labels read as a conversation: a label
/// comes back (a speaker speaks twice, or `Q:` and `A:`), and two turns or
/// more hold a sentence of some words; lists of `Name: figure` lines,
/// sections headed `Iowa:` and headlines with a colon are not turns.
pub(crate) fn turn_ranges(
    doc: &Document<'_>,
    labels: &[Option<SpeakerLabel>],
    quoted: impl Fn(Range<usize>) -> bool,
) -> Vec<Range<usize>> {
    let tokens = doc.tokens();
    let mut out = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut recurs = false;
    let mut long = 0usize;
    for (p, label) in labels.iter().enumerate() {
        let Some(label) = label else { continue };
        let para = doc.paragraphs()[p].token_range();
        if para.start < label.words.start {
            // A quoted turn: `"WALLACE: …`.
            continue;
        }
        let name = label
            .words
            .clone()
            .map(|k| doc.str_at(k))
            .collect::<Vec<_>>()
            .join(" ");
        if LEXICON.places.contains(name.as_str()) {
            continue;
        }
        if !seen.insert(name.to_lowercase()) {
            recurs = true;
        }
        let turn = label.colon + 1..para.end;
        let words = tokens[turn.clone()].iter().filter(|t| t.is_word()).count();
        // A headline: every word of the turn capitalised.
        let title_case = words > 1
            && tokens[turn.clone()]
                .iter()
                .filter(|t| t.is_word() && t.lex() & class::SMALL == 0)
                .all(|t| t.is_capitalized());
        if title_case || words == 0 || quoted(turn.clone()) {
            continue;
        }
        if words >= MIN_TURN_WORDS {
            long += 1;
        }
        out.push(turn);
    }
    if recurs && long >= 2 {
        out
    } else {
        Vec::new()
    }
}
