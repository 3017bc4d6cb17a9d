//! Stage 2: pairing quotation marks into quotations.
//!
//! # How marks pair
//!
//! Top-level quotations are delimited by double marks, and by single marks
//! too in a document that quotes in them ([`SingleQuotes`]: by default the
//! detector decides per document). Pairing runs
//! along each paragraph with one state, open or closed, and is deliberately
//! forgiving, because news text is full of typing slips:
//!
//! * **closed, then a mark**: the mark opens a quotation, unless it cannot
//!   open one: a mark shaped like a closing mark (`”`, `»`, `"`, `''`) glued
//!   to the word before it is a stray closer and is skipped;
//! * **open, then a mark**: the mark closes the quotation whatever its shape
//!   (`”…”`, `“…“` and `"…”` all pair), unless it is an opening-shaped mark
//!   (`“`, `„`, `«`, ` `` `) after a space: that opens an inner quotation of
//!   the same kind, and inner ones nest in turn. A closing mark followed by
//!   another closer (the next double mark is not an opener and touches the
//!   word before it) closes the innermost of them (`“a «b “c” d» e”`,
//!   ` ``a ``b ``c'''''' `); a closing mark followed by an opener or by
//!   nothing closes the quotation itself, and the inner openers were slips.
//! * **a paragraph ends while a quotation is open**: when the next paragraph
//!   begins with a double mark, the quotation continues (news style for a
//!   quotation of several paragraphs: each reopened, closed only at the end);
//!   otherwise the quotation is *unclosed* and ends with its paragraph,
//!   unless its opener was a straight mark with a space on both sides,
//!   which is a stray.
//!
//! Corner brackets `「 」 『 』` nest properly. Inside a quotation, single
//! marks pair into nested quotations with a stack; a single mark that finds
//! no partner is an apostrophe ("Jones' cow", "goin'"), and so is one after
//! a word ending in "s" or "in" when a lower-case word, or punctuation and
//! another closing mark, follows ("the Smiths' problem", "the owners','").
//! The tokenizer splits a run of apostrophes to close the LaTeX openers of
//! its line, innermost first (` ``a `b ``c''''' ` closes as `''`, `'`,
//! `''`).
//!
//! # Kinds
//!
//! Each quotation gets a [`QuoteKind`]. Everything is reported speech except
//! spans that name something or hold a word at a distance, whatever speech
//! verbs their sentence has:
//!
//! * **titles**: a Title Case span (every word capitalised but small ones
//!   such as "of", or a number) after a possessive (`ABC's "Good Morning
//!   America"`, `his 1994 "Contract with America"`); next to a noun that
//!   names a work or a broadcast (`the documentary "13th"`, `his book, "The
//!   Long Road,"`, `an episode of "Town Square"`, `the host of "The Five"`,
//!   `the "Today" show`) or ending in one (`the "Riverton Harbor Forum"`);
//!   before "by" and a name (`"The Long Road," by Ann Lee`); after
//!   "titled", "entitled" or a noun and "called" (`a group called
//!   "Moms for Bridges"`); after a cue such as "so-called", "known as", "the
//!   nickname" or "dubbed"; in a list (`"A" and "B"`) with another title;
//!   alone in its paragraph with three words or more (a heading); or
//!   with no sentence punctuation inside and no speech word (said, told,
//!   according, statement, …) in the twelve tokens of its sentence before it
//!   or the eight after it;
//! * **nicknames**: a short Title Case span between two names (`Dwayne "The
//!   Rock" Johnson`);
//! * **scare quotes**: a span of up to six words after a cue (`the so-called
//!   "soft landing"`, `known as the "fast track"`), or followed by "as", a few
//!   words naming nobody in particular and a verb of naming (`"…" as they
//!   call it`, `as it is known`; `as he called it` keeps them his words),
//!   or by a definition (`"…," which is defined as`).
//!
//! The nouns and cues are listed in `src/lexicon/naming_words.txt`.
//! Lower-case fragments with no cue are kept as speech: in news, "called
//! them “deplorables”" is reported speech. When the whole pipeline runs
//! ([`crate::Attributor`]), a span of one to three words for which the
//! speaker resolver finds no speaker becomes a scare quote.
//!
//! # Transcripts
//!
//! In a transcript (two paragraphs or more open with a speaker label,
//! under two labels or more: `PENCE:`, `MR. TRUMP:`, `Chris Wallace:`,
//! `Q:`), a labelled paragraph whose words are not in marks is a turn: a
//! quotation of kind [`QuoteKind::Turn`] from the word after the label's
//! colon to the end of the paragraph, with no marks, holding the
//! quotations inside it as nested ones. Turns are returned only when the
//! labels read as a conversation (a label comes back, and two turns or
//! more hold five words or more), so that lists of `Name: figure` lines,
//! sections headed by a place (`Iowa: …`) and headlines with a colon are
//! left alone. A quoted turn (`"WALLACE: …"`, `WALLACE: "…"`) stays the
//! quotation its marks make.
//!
//! ```
//! use whosaid::{QuoteDetector, QuoteKind};
//!
//! let transcript = "ROE: Thank you for coming in to talk about the budget.\n\n\
//!                   MARSH: Glad to be here, and I have \"a lot\" to say.\n\n\
//!                   ROE: Will it pass?";
//! let turns = QuoteDetector::new().find(transcript);
//! assert_eq!(turns.len(), 3);
//! assert!(turns.iter().all(|q| q.kind() == QuoteKind::Turn && q.opening_mark().is_none()));
//! assert_eq!(turns[1].as_str(), "Glad to be here, and I have \"a lot\" to say.");
//! assert_eq!(turns[1].nested()[0].as_str(), "\"a lot\"");
//! ```

use std::ops::Range;

use crate::lexicon::{class, with_lower, Naming, LEXICON};
use crate::span::Span;
use crate::tokenizer::{Document, MarkFamily, MarkGlyph, Orientation, Token, TokenKind, Tokenizer};

/// What a quoted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum QuoteKind {
    /// Words somebody said or wrote, whole or in part.
    ReportedSpeech,
    /// A word held at a distance ("so-called "experts"").
    ScareQuote,
    /// The title of a work, show, programme or slogan.
    Title,
    /// A nickname between a first and a last name.
    Nickname,
    /// A turn of a transcript: the words after a speaker label (`PENCE:
    /// …`, `Q: …`) to the end of the paragraph, with no marks.
    Turn,
}

impl QuoteKind {
    /// The kind's name as written in JSON output (`"reported_speech"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::ReportedSpeech => "reported_speech",
            QuoteKind::ScareQuote => "scare_quote",
            QuoteKind::Title => "title",
            QuoteKind::Nickname => "nickname",
            QuoteKind::Turn => "turn",
        }
    }
}

/// A set of [`MarkFamily`] values.
///
/// ```
/// use whosaid::{MarkFamilies, MarkFamily};
///
/// let families = MarkFamilies::all().without(MarkFamily::TwoApostrophes);
/// assert!(families.contains(MarkFamily::Curly));
/// assert!(!families.contains(MarkFamily::TwoApostrophes));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MarkFamilies(u8);

impl MarkFamilies {
    fn bit(f: MarkFamily) -> u8 {
        1 << (f as u8)
    }

    /// Every family.
    pub fn all() -> MarkFamilies {
        MarkFamilies(0x7f)
    }

    /// No family.
    pub fn empty() -> MarkFamilies {
        MarkFamilies(0)
    }

    /// This set with `family` added.
    #[must_use]
    pub fn with(self, family: MarkFamily) -> MarkFamilies {
        MarkFamilies(self.0 | Self::bit(family))
    }

    /// This set with `family` removed.
    #[must_use]
    pub fn without(self, family: MarkFamily) -> MarkFamilies {
        MarkFamilies(self.0 & !Self::bit(family))
    }

    /// Whether `family` is in the set.
    pub fn contains(self, family: MarkFamily) -> bool {
        self.0 & Self::bit(family) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl Default for MarkFamilies {
    fn default() -> MarkFamilies {
        MarkFamilies::all()
    }
}

/// Whether single marks delimit top-level quotations.
///
/// ```
/// use whosaid::{QuoteDetector, SingleQuotes, Tokenizer};
///
/// let british = "‘We will win,’ she said. ‘They told me “never” twice.’";
/// let doc = Tokenizer::new().tokenize(british);
/// let detector = QuoteDetector::new();
/// assert_eq!(detector.single_quotes_in(&doc), SingleQuotes::TopLevel);
/// assert_eq!(detector.detect(&doc).len(), 2);
///
/// let american = "“We will win,” she said of the players’ union.";
/// let doc = Tokenizer::new().tokenize(american);
/// assert_eq!(detector.single_quotes_in(&doc), SingleQuotes::NestedOnly);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SingleQuotes {
    /// Decide per document: single marks delimit top-level quotations when
    /// the single-quoted spans outside any double-quoted one outnumber the
    /// double-quoted spans outside any single-quoted one (British and
    /// Australian papers quote in single marks and nest double ones
    /// inside); otherwise they only nest. Apostrophes never pair, whichever
    /// way it goes.
    #[default]
    Auto,
    /// Single marks delimit top-level quotations too (British style).
    TopLevel,
    /// Single marks only delimit quotations inside double-quoted ones (news
    /// style in the US).
    NestedOnly,
}

/// What becomes of a quotation that is never closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum UnclosedQuotes {
    /// It ends at the end of its paragraph and is flagged unclosed.
    #[default]
    EndOfParagraph,
    /// It is dropped.
    Drop,
}

/// Settings of the [`QuoteDetector`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct QuoteConfig {
    /// Which mark families count as quotation marks.
    pub families: MarkFamilies,
    /// Whether single marks delimit top-level quotations.
    pub single_quotes: SingleQuotes,
    /// What becomes of unclosed quotations.
    pub unclosed: UnclosedQuotes,
}

/// A quotation: a span of text between quotation marks.
///
/// ```
/// use whosaid::{QuoteDetector, QuoteKind};
///
/// let quotes = QuoteDetector::new().find("“He said ‘no’ twice,” she said of the “Today” show.");
/// assert_eq!(quotes.len(), 2);
/// let q = &quotes[0];
/// assert_eq!(q.content(), "He said ‘no’ twice,");
/// assert_eq!(q.kind(), QuoteKind::ReportedSpeech);
/// assert_eq!(q.nested()[0].as_str(), "‘no’");
/// assert_eq!(quotes[1].kind(), QuoteKind::Title);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote<'t> {
    text: &'t str,
    span: Span,
    content: Span,
    tokens: Range<usize>,
    kind: QuoteKind,
    unclosed: bool,
    paragraphs: usize,
    opening: Option<MarkGlyph>,
    closing: Option<MarkGlyph>,
    nested: Vec<Quote<'t>>,
}

impl<'t> Quote<'t> {
    /// The span of the quotation including its marks (for an unclosed
    /// quotation, up to the end of its paragraph; for a transcript turn,
    /// which has none, its words).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The quotation including its marks.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span]
    }

    /// The span between the marks, trimmed of surrounding whitespace.
    pub fn content_span(&self) -> Span {
        self.content
    }

    /// The quoted words, without the marks.
    pub fn content(&self) -> &'t str {
        &self.text[self.content]
    }

    /// Indexes of the quotation's tokens in [`Document::tokens`], marks
    /// included.
    pub fn token_range(&self) -> Range<usize> {
        self.tokens.clone()
    }

    /// What kind of quoted span this is.
    pub fn kind(&self) -> QuoteKind {
        self.kind
    }

    /// Whether the quotation is somebody's words: reported speech or a
    /// transcript turn.
    pub fn is_speech(&self) -> bool {
        matches!(self.kind, QuoteKind::ReportedSpeech | QuoteKind::Turn)
    }

    /// Whether the closing mark is missing.
    pub fn is_unclosed(&self) -> bool {
        self.unclosed
    }

    /// How many paragraphs the quotation runs over (1 for most).
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs
    }

    /// The opening mark, `None` for a transcript turn.
    pub fn opening_mark(&self) -> Option<MarkGlyph> {
        self.opening
    }

    /// The closing mark, `None` when unclosed or a transcript turn.
    pub fn closing_mark(&self) -> Option<MarkGlyph> {
        self.closing
    }

    /// Quotations inside this one, in text order.
    pub fn nested(&self) -> &[Quote<'t>] {
        &self.nested
    }

    pub(crate) fn set_kind(&mut self, kind: QuoteKind) {
        self.kind = kind;
    }
}

/// Pairs quotation marks into quotations and tells speech from other quoted
/// spans.
///
/// ```
/// use whosaid::{QuoteDetector, QuoteKind};
///
/// let text = "He called it \"a 'big' mistake.\" She watched \"Game of Thrones\" twice.\n\
///             Then \"it never ends";
/// let quotes = QuoteDetector::new().find(text);
/// assert_eq!(quotes.len(), 3);
/// assert_eq!(quotes[0].content(), "a 'big' mistake.");
/// assert_eq!(quotes[0].nested()[0].as_str(), "'big'");
/// assert_eq!(quotes[1].kind(), QuoteKind::Title);
/// assert!(quotes[2].is_unclosed());
/// assert_eq!(quotes[2].as_str(), "\"it never ends");
/// ```
#[derive(Clone, Debug, Default)]
pub struct QuoteDetector {
    config: QuoteConfig,
}

#[derive(Clone, Copy, Debug)]
struct RawQuote {
    open: usize,
    /// Token index of the closing mark, or the last token for unclosed ones.
    close: usize,
    unclosed: bool,
    depth: u8,
}

impl QuoteDetector {
    /// A detector with the default settings: every mark family, single marks
    /// at top level when the document quotes in them
    /// ([`SingleQuotes::Auto`]), unclosed quotations kept.
    pub fn new() -> QuoteDetector {
        QuoteDetector::default()
    }

    /// A detector with the given settings.
    pub fn with_config(config: QuoteConfig) -> QuoteDetector {
        QuoteDetector { config }
    }

    /// The detector's settings.
    pub fn config(&self) -> &QuoteConfig {
        &self.config
    }

    /// Tokenizes `text` and finds its quotations.
    pub fn find<'t>(&self, text: &'t str) -> Vec<Quote<'t>> {
        self.detect(&Tokenizer::new().tokenize(text))
    }

    /// The single-mark setting that applies to `doc`: the configured one,
    /// or for [`SingleQuotes::Auto`] the one the document calls for
    /// ([`SingleQuotes::TopLevel`] or [`SingleQuotes::NestedOnly`]).
    pub fn single_quotes_in(&self, doc: &Document<'_>) -> SingleQuotes {
        match self.config.single_quotes {
            SingleQuotes::Auto => {
                let mut raw = Vec::new();
                self.pair_doubles(doc, &mut raw);
                self.pair_corners(doc, &mut raw);
                if self.top_level_singles(doc, &raw).is_some() {
                    SingleQuotes::TopLevel
                } else {
                    SingleQuotes::NestedOnly
                }
            }
            fixed => fixed,
        }
    }

    /// The top-level single-quoted spans of `doc` when they delimit
    /// quotations there (always with [`SingleQuotes::TopLevel`], when they
    /// lead with [`SingleQuotes::Auto`]), given its double-quoted ones.
    fn top_level_singles(&self, doc: &Document<'_>, doubles: &[RawQuote]) -> Option<Vec<RawQuote>> {
        let tokens = doc.tokens();
        match self.config.single_quotes {
            SingleQuotes::NestedOnly => return None,
            // Most documents have no single mark that opens: nothing to pair.
            SingleQuotes::Auto
                if !doc.marks().iter().any(|&m| {
                    tokens[m as usize]
                        .mark()
                        .is_some_and(|m| !m.is_double() && m.orientation() == Orientation::Open)
                }) =>
            {
                return None
            }
            _ => {}
        }
        // Marks inside a double quotation that nothing closes may still
        // pair: in a text quoting in single marks, that double mark is more
        // likely a slip than a quotation running to the end of its paragraph.
        let closed: Vec<RawQuote> = doubles.iter().filter(|d| !d.unclosed).copied().collect();
        let cands = uncovered_marks(doc, &closed, is_single_candidate);
        let mut singles = Vec::new();
        pair_stack(doc, &cands, Paragraphs::Continue, &mut singles);
        singles.retain(|q| q.depth == 0);
        if self.config.single_quotes == SingleQuotes::Auto {
            // The double-quoted spans outside every single-quoted one: those
            // nested inside are what British style looks like.
            singles.sort_by_key(|q| q.open);
            let outside = doubles
                .iter()
                .filter(|d| d.depth == 0)
                .filter(|d| {
                    let k = singles.partition_point(|s| s.open < d.open);
                    k == 0 || singles[k - 1].close < d.close
                })
                .count();
            if singles.len() <= outside {
                return None;
            }
        }
        Some(singles)
    }

    /// Finds the top-level quotations of a tokenized document, in text order,
    /// with their nested quotations inside them.
    pub fn detect<'t>(&self, doc: &Document<'t>) -> Vec<Quote<'t>> {
        let mut raw: Vec<RawQuote> = Vec::new();
        self.pair_doubles(doc, &mut raw);
        self.pair_corners(doc, &mut raw);
        if let Some(singles) = self.top_level_singles(doc, &raw) {
            // An unclosed double quotation that a single one crosses was a
            // slip (`‘We watched “Shark Tank,’ he said`).
            let crosses = |a: &RawQuote, b: &RawQuote| {
                a.open < b.open && b.open <= a.close && a.close < b.close
            };
            raw.retain(|d| !(d.unclosed && singles.iter().any(|s| crosses(s, d) || crosses(d, s))));
            raw.extend(singles);
        }
        raw.sort_by_key(|q| (q.open, std::cmp::Reverse(q.close)));
        // Build the tree: a raw quote inside the previous top-level one nests.
        let mut top: Vec<Quote<'t>> = Vec::new();
        for r in raw {
            let q = self.build(doc, r);
            match top.last_mut() {
                Some(parent) if parent.tokens.end > r.open => {
                    if parent.tokens.end > r.close {
                        insert_nested(parent, q);
                    }
                    // A quote overlapping its predecessor without nesting
                    // cannot happen by construction; drop it if it does.
                }
                _ => top.push(q),
            }
        }
        // Nested single (and other) quotations, level by level.
        for q in &mut top {
            self.nest(doc, q);
        }
        for q in &mut top {
            classify(doc, q);
        }
        titles_in_lists(doc, &mut top);
        let labels = crate::transcript::speaker_labels(doc);
        if !labels.is_empty() {
            add_turns(doc, &labels, &mut top);
        }
        top
    }

    fn family_on(&self, glyph: MarkGlyph) -> bool {
        self.config.families.contains(glyph.family())
    }

    /// The forgiving open/close toggle over western double marks.
    fn pair_doubles(&self, doc: &Document<'_>, out: &mut Vec<RawQuote>) {
        let tokens = doc.tokens();
        let text = doc.text();
        let is_double = |t: &Token| match t.mark() {
            Some(m) => m.is_double() && !m.glyph().is_corner() && self.family_on(m.glyph()),
            None => false,
        };
        let paragraphs = doc.paragraphs();
        let marks = doc.marks();
        let mut next_mark = 0;
        let mut open: Option<usize> = None;
        // Opening-shaped marks after a space inside the current quotation,
        // innermost last: inner quotations of the same kind, or typing slips.
        let mut inner: Vec<usize> = Vec::new();
        let mut p = 0usize;
        let mut skip_first = false;
        while p < paragraphs.len() {
            let range = paragraphs[p].token_range();
            let mut i = range.start + usize::from(skip_first);
            skip_first = false;
            while i < range.end {
                // Only marks matter: on to the next one in the paragraph
                // (`i` only grows, so the cursor into the marks does too).
                while marks.get(next_mark).is_some_and(|&m| (m as usize) < i) {
                    next_mark += 1;
                }
                match marks.get(next_mark) {
                    Some(&m) if (m as usize) < range.end => i = m as usize,
                    _ => break,
                }
                let t = &tokens[i];
                if !is_double(t) {
                    i += 1;
                    continue;
                }
                let glyph = t
                    .mark()
                    .map(|m| m.glyph())
                    .unwrap_or(MarkGlyph::StraightDouble);
                let after_space = is_after_space(text, t.span().start);
                match open {
                    None => {
                        // A straight mark opens after a space, or glued to a
                        // dash or colon when a word follows ("quickly—"not
                        // now", "reply:"We"), which the tokenizer judged Open.
                        let glued_open = t
                            .mark()
                            .is_some_and(|m| m.orientation() == Orientation::Open)
                            && after_dash_or_colon(doc.text(), t.span().start);
                        // After `=` a mark delimits a markup attribute.
                        let attribute = text[..t.span().start].ends_with('=');
                        if (opening_shaped(glyph) || after_space || glued_open) && !attribute {
                            open = Some(i);
                            inner.clear();
                        }
                    }
                    Some(o) => {
                        if opening_shaped(glyph) && after_space {
                            if inner.len() < MAX_DEPTH {
                                inner.push(i);
                            }
                        } else {
                            // A same-kind nested quotation: the innermost
                            // one closes here when another closer follows
                            // (`“a “b” c”`, `“a «b “c” d» e”`); otherwise
                            // this mark closes the quotation and the inner
                            // openers were slips.
                            let closer_follows = !inner.is_empty()
                                && next_double(doc, i + 1, range.end, &is_double).is_some_and(
                                    |j| {
                                        let g = tokens[j].mark().map(|m| m.glyph());
                                        !g.is_some_and(opening_shaped)
                                            && !is_after_space(text, tokens[j].span().start)
                                    },
                                );
                            match inner.pop() {
                                Some(inner_open) if closer_follows => out.push(RawQuote {
                                    open: inner_open,
                                    close: i,
                                    unclosed: false,
                                    depth: inner.len() as u8 + 1,
                                }),
                                _ => {
                                    out.push(RawQuote {
                                        open: o,
                                        close: i,
                                        unclosed: false,
                                        depth: 0,
                                    });
                                    open = None;
                                    inner.clear();
                                }
                            }
                        }
                    }
                }
                i += 1;
            }
            if let Some(o) = open {
                let continues = paragraphs
                    .get(p + 1)
                    .is_some_and(|next| is_double(&tokens[next.token_range().start]));
                if continues {
                    skip_first = true;
                } else {
                    let last = range.end - 1;
                    // A straight mark with a space on both sides that
                    // nothing closes is a stray (`Hello,  " he said`).
                    let stray = tokens[o]
                        .mark()
                        .is_some_and(|m| m.orientation() == Orientation::Either)
                        && is_after_space(text, tokens[o].span().start)
                        && text[tokens[o].span().end..].starts_with(char::is_whitespace);
                    if self.config.unclosed == UnclosedQuotes::EndOfParagraph && last > o && !stray
                    {
                        out.push(RawQuote {
                            open: o,
                            close: last,
                            unclosed: true,
                            depth: 0,
                        });
                    }
                    open = None;
                    inner.clear();
                }
            }
            p += 1;
        }
    }

    /// Corner brackets, which always point one way, nest with a stack.
    fn pair_corners(&self, doc: &Document<'_>, out: &mut Vec<RawQuote>) {
        if !self.config.families.contains(MarkFamily::Corner) {
            return;
        }
        if !doc.has_corner_marks() {
            return;
        }
        let corner = |t: &Token| t.mark().is_some_and(|m| m.glyph().is_corner());
        let cands = uncovered_marks(doc, out, corner);
        let mut found = Vec::new();
        pair_stack(doc, &cands, Paragraphs::End, &mut found);
        out.extend(found.into_iter().filter(|q| q.depth == 0));
    }

    /// Pairs the marks directly inside `q` (not inside its nested
    /// quotations, which are done first) and nests what they delimit.
    fn nest<'t>(&self, doc: &Document<'t>, q: &mut Quote<'t>) {
        for child in &mut q.nested {
            self.nest(doc, child);
        }
        let inner = q.tokens.start + 1..q.tokens.end - usize::from(!q.unclosed);
        let mut cands = Vec::new();
        // The marks inside, but not inside a nested quotation (the nested
        // ones are in text order and do not overlap).
        let mut children = q.nested.iter().map(|c| c.tokens.clone()).peekable();
        for k in doc.marks_between(inner.start, inner.end) {
            let i = doc.marks()[k] as usize;
            while children.peek().is_some_and(|c| c.end <= i) {
                children.next();
            }
            if children.peek().is_none_or(|c| c.start > i) {
                cands.push(i);
            }
        }
        if cands.len() < 2 {
            return;
        }
        let mut found = Vec::new();
        pair_stack(doc, &cands, Paragraphs::End, &mut found);
        found.sort_by_key(|r| (r.open, std::cmp::Reverse(r.close)));
        for r in found {
            let nq = self.build(doc, r);
            insert_nested(q, nq);
        }
    }

    fn build<'t>(&self, doc: &Document<'t>, r: RawQuote) -> Quote<'t> {
        let tokens = doc.tokens();
        let open_tok = &tokens[r.open];
        let close_tok = &tokens[r.close];
        let span = Span::new(open_tok.span().start, close_tok.span().end);
        let content_start = open_tok.span().end;
        let content_end = if r.unclosed {
            close_tok.span().end
        } else {
            close_tok.span().start
        };
        let content = trim_span(doc.text(), Span::new(content_start, content_end));
        Quote {
            text: doc.text(),
            span,
            content,
            tokens: r.open..r.close + 1,
            kind: QuoteKind::ReportedSpeech,
            unclosed: r.unclosed,
            paragraphs: doc.paragraph_of(r.close) - doc.paragraph_of(r.open) + 1,
            opening: Some(
                open_tok
                    .mark()
                    .map_or(MarkGlyph::StraightDouble, |m| m.glyph()),
            ),
            closing: if r.unclosed {
                None
            } else {
                close_tok.mark().map(|m| m.glyph())
            },
            nested: Vec::new(),
        }
    }
}

/// Adds the unquoted turns of a transcript to `top`, each holding the
/// quotations inside it as nested ones.
fn add_turns<'t>(
    doc: &Document<'t>,
    labels: &[Option<crate::transcript::SpeakerLabel>],
    top: &mut Vec<Quote<'t>>,
) {
    // A turn that opens with a quotation is a quoted turn, which stays that
    // quotation; one that a quotation crosses (one running on from the
    // paragraph before, or into the next) is left as it is.
    let turns = crate::transcript::turn_ranges(doc, labels, |r| {
        let at = top.partition_point(|q| q.tokens.end <= r.start);
        top[at..]
            .iter()
            .take_while(|q| q.tokens.start < r.end)
            .any(|q| q.tokens.start <= r.start || q.tokens.end > r.end)
    });
    if turns.is_empty() {
        return;
    }
    let tokens = doc.tokens();
    let mut out = Vec::with_capacity(top.len() + turns.len());
    let mut rest = std::mem::take(top).into_iter().peekable();
    for r in turns {
        while rest.peek().is_some_and(|q| q.tokens.start < r.start) {
            out.extend(rest.next());
        }
        let mut nested = Vec::new();
        while rest.peek().is_some_and(|q| q.tokens.end <= r.end) {
            nested.extend(rest.next());
        }
        let span = tokens[r.start].span().cover(tokens[r.end - 1].span());
        out.push(Quote {
            text: doc.text(),
            span,
            content: span,
            tokens: r.clone(),
            kind: QuoteKind::Turn,
            unclosed: false,
            paragraphs: 1,
            opening: None,
            closing: None,
            nested,
        });
    }
    out.extend(rest);
    *top = out;
}

/// Inserts `q` under `parent`: into the child that contains it, or beside
/// its siblings, taking in those it contains.
fn insert_nested<'t>(parent: &mut Quote<'t>, mut q: Quote<'t>) {
    let contains = |outer: &Range<usize>, inner: &Range<usize>| {
        outer.start <= inner.start && inner.end <= outer.end && outer != inner
    };
    // In text order the new quotation usually goes after the last child or
    // into it: no need to look at the others.
    match parent.nested.last_mut() {
        None => {
            parent.nested.push(q);
            return;
        }
        Some(last) if last.tokens.end <= q.tokens.start => {
            parent.nested.push(q);
            return;
        }
        Some(last) if contains(&last.tokens, &q.tokens) => {
            insert_nested(last, q);
            return;
        }
        _ => {}
    }
    for child in &mut parent.nested {
        if contains(&child.tokens, &q.tokens) {
            insert_nested(child, q);
            return;
        }
    }
    let (inside, outside): (Vec<Quote<'t>>, Vec<Quote<'t>>) = std::mem::take(&mut parent.nested)
        .into_iter()
        .partition(|c| contains(&q.tokens, &c.tokens));
    q.nested.extend(inside);
    q.nested.sort_by_key(|c| c.tokens.start);
    parent.nested = outside;
    let pos = parent
        .nested
        .partition_point(|c| c.tokens.start < q.tokens.start);
    parent.nested.insert(pos, q);
}

/// The mark tokens that `keep` accepts and that no quotation of `raw`
/// covers (from its opening mark to its closing one), in text order.
fn uncovered_marks(
    doc: &Document<'_>,
    raw: &[RawQuote],
    keep: impl Fn(&Token) -> bool,
) -> Vec<usize> {
    let marks = doc.marks();
    let mut covered = vec![false; marks.len()];
    for r in raw {
        let first = marks.partition_point(|&m| (m as usize) < r.open);
        for (c, _) in covered[first..]
            .iter_mut()
            .zip(&marks[first..])
            .take_while(|&(_, &m)| m as usize <= r.close)
        {
            *c = true;
        }
    }
    let tokens = doc.tokens();
    marks
        .iter()
        .zip(&covered)
        .filter(|&(&i, &c)| !c && keep(&tokens[i as usize]))
        .map(|(&i, _)| i as usize)
        .collect()
}

/// The first mark token that `is_double` accepts among tokens `from..end`.
fn next_double(
    doc: &Document<'_>,
    from: usize,
    end: usize,
    is_double: &impl Fn(&Token) -> bool,
) -> Option<usize> {
    let tokens = doc.tokens();
    doc.marks()[doc.marks_between(from, end)]
        .iter()
        .map(|&j| j as usize)
        .find(|&j| is_double(&tokens[j]))
}

fn opening_shaped(g: MarkGlyph) -> bool {
    matches!(
        g,
        MarkGlyph::LeftDouble
            | MarkGlyph::LowDouble
            | MarkGlyph::ReversedDouble
            | MarkGlyph::LeftGuillemet
            | MarkGlyph::DoubleBacktick
    )
}

fn after_dash_or_colon(text: &str, i: usize) -> bool {
    matches!(text[..i].chars().next_back(), Some(':' | '—' | '–' | '―'))
}

/// Whether the character before byte `i` is whitespace, an opening bracket,
/// the end of markup (`<p>"We`, `[quote]"We`), an invisible character (a
/// byte order mark) or the start of the text.
fn is_after_space(text: &str, i: usize) -> bool {
    match text[..i].chars().next_back() {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || crate::tokenizer::is_invisible(c)
                || matches!(c, '(' | '[' | '{' | '>' | ']')
        }
    }
}

fn is_single_candidate(t: &Token) -> bool {
    t.mark().is_some_and(|m| !m.is_double())
}

/// Which closing glyphs may close an opening glyph in stack pairing.
fn closes(open: MarkGlyph, close: MarkGlyph) -> bool {
    use MarkGlyph::*;
    match open {
        LeftCorner => close == RightCorner,
        LeftWhiteCorner => close == RightWhiteCorner,
        _ if close.is_corner() => false,
        _ => open.is_double() == close.is_double(),
    }
}

/// How deep quotations nest, at most; deeper openers are left unpaired, so
/// that no recursion over the tree can run away.
const MAX_DEPTH: usize = 32;

/// What a paragraph break does to the quotations [`pair_stack`] has open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paragraphs {
    /// It ends them, unpaired.
    End,
    /// A quotation open alone at the end of a paragraph continues when the
    /// next paragraph opens with a mark of its kind (each paragraph of a
    /// long quotation reopened, as news style has it); else they end.
    Continue,
}

/// Stack pairing over the candidate marks `cands` (token indices, in
/// order), for marks that point one way or are judged by context. Unpaired
/// marks are left alone (apostrophes, strays).
fn pair_stack(
    doc: &Document<'_>,
    cands: &[usize],
    paragraphs: Paragraphs,
    out: &mut Vec<RawQuote>,
) {
    let tokens = doc.tokens();
    let mut stack: Vec<(usize, MarkGlyph)> = Vec::new();
    let mut para = usize::MAX;
    for (ci, &i) in cands.iter().enumerate() {
        let t = &tokens[i];
        let m = match t.mark() {
            Some(m) => m,
            None => continue,
        };
        let p = doc.paragraph_of(i);
        if p != para {
            let reopens = paragraphs == Paragraphs::Continue
                && stack.len() == 1
                && p == para.wrapping_add(1)
                && doc.paragraphs()[p].token_range().start == i
                && m.orientation() == Orientation::Open
                && stack[0].1.is_double() == m.is_double();
            para = p;
            if reopens {
                continue;
            }
            stack.clear();
        }
        let g = m.glyph();
        let fixed_open = matches!(
            g,
            MarkGlyph::LeftCorner
                | MarkGlyph::LeftWhiteCorner
                | MarkGlyph::Backtick
                | MarkGlyph::DoubleBacktick
        );
        let fixed_close = matches!(g, MarkGlyph::RightCorner | MarkGlyph::RightWhiteCorner);
        let can_close = !fixed_open
            && (fixed_close || m.orientation() != Orientation::Open)
            && stack.last().is_some_and(|&(_, og)| closes(og, g))
            && !(may_be_apostrophe(doc, i) && later_closer(doc, i, &cands[ci + 1..]));
        if can_close {
            if let Some((o, _)) = stack.pop() {
                out.push(RawQuote {
                    open: o,
                    close: i,
                    unclosed: false,
                    depth: stack.len() as u8,
                });
            }
        } else if (fixed_open || (!fixed_close && m.orientation() == Orientation::Open))
            && stack.len() < MAX_DEPTH
        {
            stack.push((i, g));
        }
    }
}

/// A single mark after a word ending in "s" or "in" and before a lower-case
/// word may be an apostrophe: "the Smiths' problem", "goin' home".
fn may_be_apostrophe(doc: &Document<'_>, i: usize) -> bool {
    let tokens = doc.tokens();
    let apostrophe_glyph = tokens[i].mark().is_some_and(|m| m.glyph().is_apostrophe());
    if !apostrophe_glyph || i == 0 || !tokens[i - 1].is_word() {
        return false;
    }
    let prev = doc.str_at(i - 1);
    let elided = prev.ends_with(['s', 'S']) || prev.ends_with("in");
    let next_lower = tokens.get(i + 1).is_some_and(|n| {
        n.is_word() && !n.is_capitalized() && n.span().start > tokens[i].span().end
    });
    // `America’ s`: a possessive typed with a space before its "s".
    if tokens
        .get(i + 1)
        .is_some_and(|n| n.is_word() && doc.token_str(n) == "s")
    {
        return true;
    }
    // `'It was the players',' he said`: punctuation and another single
    // mark glued after it close the quotation instead.
    let glued = |k: usize| tokens[k].span().start == tokens[k - 1].span().end;
    let closer_after_punctuation = tokens.get(i + 2).is_some_and(|m| {
        tokens[i + 1].kind() == TokenKind::Punctuation
            && glued(i + 1)
            && glued(i + 2)
            && m.mark()
                .is_some_and(|m| !m.is_double() && m.orientation() != Orientation::Open)
    });
    elided && (next_lower || closer_after_punctuation)
}

/// Whether another single mark that could close the open single quotation
/// follows among the remaining candidates, in the same paragraph.
fn later_closer(doc: &Document<'_>, i: usize, rest: &[usize]) -> bool {
    let tokens = doc.tokens();
    let para = doc.paragraph_of(i);
    for &j in rest {
        let t = &tokens[j];
        if doc.paragraph_of(j) != para {
            return false;
        }
        if let Some(m) = t.mark() {
            if m.is_double() {
                continue;
            }
            return m.orientation() != Orientation::Open;
        }
    }
    false
}

fn trim_span(text: &str, s: Span) -> Span {
    let inner = &text[s];
    let start = s.start + (inner.len() - inner.trim_start().len());
    let end = s.end - (inner.len() - inner.trim_end().len());
    Span::new(start, end.max(start))
}

/// How many words a quotation holds and whether they are in Title Case: every
/// word but the small ones ("of", "the") capitalised, or a number.
fn word_shape(doc: &Document<'_>, q: &Quote<'_>) -> (usize, bool) {
    let tokens = doc.tokens();
    let inner = q.tokens.start + 1..q.tokens.end - usize::from(!q.unclosed);
    let mut words = 0usize;
    let mut title_case = true;
    let mut content_words = 0usize;
    for t in &tokens[inner] {
        if t.is_possessive() {
            continue;
        }
        match t.kind() {
            TokenKind::Word | TokenKind::Number => {
                words += 1;
                if t.lex() & class::SMALL != 0 {
                    continue;
                }
                content_words += 1;
                if !(t.is_capitalized() || t.kind() == TokenKind::Number) {
                    title_case = false;
                }
            }
            _ => {}
        }
    }
    (words, title_case && content_words > 0)
}

/// How many tokens before a quotation, and after it, a speech word must lie
/// within for a Title Case span to be speech rather than a name: a long
/// sentence may report speech far from the name it mentions.
const SPEECH_BEFORE: usize = 12;
const SPEECH_AFTER: usize = 8;

fn classify(doc: &Document<'_>, q: &mut Quote<'_>) {
    let tokens = doc.tokens();
    let (words, title_case) = word_shape(doc, q);
    let text = doc.text();
    let sent_end_inside = text[q.content]
        .trim_end_matches(crate::tokenizer::is_mark_char)
        .trim_end()
        .ends_with(['.', '!', '?', '…']);
    let before = q.tokens.start.checked_sub(1).map(|i| &tokens[i]);
    // `ABC's "Good Morning America"`, `his 1994 "Contract with America"`.
    let possessive_determiner = before.is_some_and(|_| {
        let mut b = q.tokens.start - 1;
        if tokens[b].kind() == TokenKind::Number && b > 0 {
            b -= 1;
        }
        with_lower(doc.str_at(b), |w| {
            matches!(w, "his" | "her" | "its" | "their" | "our" | "my" | "your")
        })
    });
    let possessive_before = possessive_determiner
        || before.is_some_and(|t| {
            t.is_possessive()
                || (t.mark().is_some_and(|m| !m.is_double())
                    && q.tokens.start >= 2
                    && doc.str_at(q.tokens.start - 2).ends_with(['s', 'S']))
        });
    let para_first = doc.paragraphs()[doc.paragraph_of(q.tokens.start)]
        .token_range()
        .start;
    let para_end = doc.paragraphs()[doc.paragraph_of(q.tokens.end - 1)]
        .token_range()
        .end;
    // The sentence around the quotation, at most 80 tokens each way.
    let left = doc.sentences()[doc.sentence_of(q.tokens.start)]
        .token_range()
        .start
        .max(para_first)
        .max(q.tokens.start.saturating_sub(80))..q.tokens.start;
    let right = q.tokens.end
        ..doc.sentences()[doc.sentence_of(q.tokens.end - 1)]
            .token_range()
            .end
            .min(para_end)
            .min(q.tokens.end + 80)
            .max(q.tokens.end);
    // After a quotation ending a sentence, the next sentence is its context
    // only when glued by a lower-case word ("..." he said); the tokenizer
    // already keeps those in one sentence. Speech verbs count, and the
    // words outside their list that mark a sentence as reporting speech.
    let speech_near = tokens[left.start.max(left.end.saturating_sub(SPEECH_BEFORE))..left.end]
        .iter()
        .chain(&tokens[right.start..right.end.min(right.start + SPEECH_AFTER)])
        .any(|t| t.lex() & (class::SPEECH_VERB | class::SPEECH_WORD) != 0);
    let naming = naming_around(doc, q, title_case, left, right);
    // A nickname stands between a first and a last name: Juan "Chico" Ortiz.
    let is_name = |t: &Token| {
        t.is_capitalized() && t.is_word() && !LEXICON.is_function_word(doc.token_str(t))
    };
    let between_names = title_case
        && !sent_end_inside
        && words <= 3
        && before.is_some_and(is_name)
        && tokens.get(q.tokens.end).is_some_and(is_name);
    // A heading: a paragraph of nothing but a quotation of a few words in
    // Title Case (`'All Bets Are Off.'` between two paragraphs).
    let paragraph = doc.paragraphs()[doc.paragraph_of(q.tokens.start)].token_range();
    let heading = title_case
        && words >= MIN_HEADING_WORDS
        && !q.unclosed
        && paragraph.start == q.tokens.start
        && q.tokens.end <= paragraph.end
        && tokens[q.tokens.end..paragraph.end]
            .iter()
            .all(|t| t.kind() == TokenKind::Punctuation);
    q.kind = if between_names {
        QuoteKind::Nickname
    } else if title_case
        && (possessive_before
            || heading
            || naming.work
            || naming.cue
            || naming.title_cue
            || (!sent_end_inside && !speech_near))
    {
        QuoteKind::Title
    } else if naming.cue && words <= MAX_TERM_WORDS {
        QuoteKind::ScareQuote
    } else {
        QuoteKind::ReportedSpeech
    };
    for n in &mut q.nested {
        classify_nested(doc, n);
    }
}

/// The fewest words of a quotation that makes a heading of its own paragraph
/// (a shorter one may be a reply: `"No."`).
const MIN_HEADING_WORDS: usize = 3;

/// The longest span a cue ("so-called", "as they call it") makes a term of.
const MAX_TERM_WORDS: usize = 6;

/// What the words around a quotation say it is.
#[derive(Clone, Copy, Debug, Default)]
struct NamingContext {
    /// A noun naming a work stands right before the quotation (a comma may
    /// come between: "his show, "Politicking""), or before "of" right before
    /// it ("an episode of "The View"", "the host of "The Five""), or right
    /// after it ("the "Today" show"), or is its last word ("the "Morning
    /// Show""); or "by" and a name follow it (""The Long Road," by Ann
    /// Lee"): a work and its author.
    work: bool,
    /// A cue ("so-called", "known as", "the nickname") stands right before
    /// the quotation, or before a determiner right before it; or "as", a few
    /// words naming nobody in particular and a verb of naming follow it ("as
    /// they call it", "as it is known"), or a verb of defining does ("which
    /// is defined as").
    cue: bool,
    /// "titled", "entitled", or a noun phrase and a verb of naming ("a group
    /// called", "a bill named") stand right before the quotation: in Title
    /// Case, a title.
    title_cue: bool,
}

/// What `naming_words.txt` says the word token at `i` is.
#[inline]
fn naming_of(doc: &Document<'_>, i: usize) -> Option<Naming> {
    let t = &doc.tokens()[i];
    if !t.is_word() {
        return None;
    }
    LEXICON
        .naming_words
        .get_word_in(doc.text(), t.span())
        .flatten()
}

/// Whether the words of `naming_words.txt` place `q` as a title or a term;
/// `left` and `right` are the tokens of its sentence before and after it.
/// What makes only a title is looked for only in Title Case (`title_case`).
fn naming_around(
    doc: &Document<'_>,
    q: &Quote<'_>,
    title_case: bool,
    left: Range<usize>,
    right: Range<usize>,
) -> NamingContext {
    let tokens = doc.tokens();
    let open = q.tokens.start;
    let is = |i: usize, n: Naming| naming_of(doc, i) == Some(n);
    let lower_is = |i: usize, w: &str| with_lower(doc.str_at(i), |x| x == w);
    let before = |k: usize| (k > left.start).then(|| k - 1);
    // Before: skip one comma.
    let mut k = open;
    if before(k).is_some_and(|b| doc.str_at(b) == ",") {
        k -= 1;
    }
    let work_before = title_case
        && before(k).is_some_and(|b| {
            is(b, Naming::Work)
                || (lower_is(b, "of")
                    && before(b).is_some_and(|c| is(c, Naming::Work) || is(c, Naming::Role)))
        });
    let after = right.start;
    let work_after = title_case
        && !q.unclosed
        && after < right.end
        && !tokens[after].is_capitalized()
        && (is(after, Naming::Work) || is(after, Naming::Role));
    // `"This Kind of War," by T. R. Fehrenbach`: a work and its author.
    let mut b = right.start;
    if b < right.end && doc.str_at(b) == "," {
        b += 1;
    }
    let by_author = title_case
        && !q.unclosed
        && b + 1 < right.end
        && lower_is(b, "by")
        && tokens[b + 1].is_word()
        && tokens[b + 1].is_capitalized();
    let last_word = (q.tokens.start + 1..q.tokens.end)
        .rev()
        .find(|&i| tokens[i].is_word());
    let work_inside = title_case && last_word.is_some_and(|i| is(i, Naming::Work));
    // A cue or a title cue of up to three words, perhaps with a
    // determiner after it.
    let mut k = open;
    if before(k).is_some_and(|b| tokens[b].lex() & class::DETERMINER != 0) {
        k -= 1;
    }
    // The phrase is read straight from the text: its words must stand one
    // space apart, as the list writes them.
    let text = doc.text();
    let mut found = None;
    let mut at = k;
    for n in 0..3 {
        let Some(b) = before(at) else { break };
        if !tokens[b].is_word()
            || (n > 0 && &text[tokens[b].span().end..tokens[at].span().start] != " ")
        {
            break;
        }
        let phrase = &text[tokens[b].span().start..tokens[k - 1].span().end];
        if let Some(Some(c @ (Naming::Cue | Naming::TitleCue))) = LEXICON.naming_words.get(phrase) {
            found = Some(c);
            break;
        }
        at = b;
    }
    // "a group called "X"": a verb of naming after a common noun that a
    // determiner opens.
    let called_after_noun = title_case
        && before(open).is_some_and(|v| {
            is(v, Naming::Call)
                && doc.str_at(v).ends_with("ed")
                && before(v).is_some_and(|n| {
                    tokens[n].is_word()
                        && !tokens[n].is_capitalized()
                        && tokens[n].lex()
                            & (class::PRONOUN | class::AUXILIARY | class::BE | class::FUNCTION)
                            == 0
                        && (n.saturating_sub(3).max(left.start)..n)
                            .any(|d| tokens[d].lex() & class::DETERMINER != 0)
                })
        });
    // After: `"…" as they call it`, `"…," as it is known`.
    let mut a = right.start;
    if !q.unclosed && a < right.end && doc.str_at(a) == "," {
        a += 1;
    }
    let as_they_call_it = !q.unclosed
        && a + 1 < right.end
        && lower_is(a, "as")
        && (a + 1..right.end.min(a + 5))
            .take_while(|&i| {
                tokens[i].is_word()
                    && !tokens[i].is_capitalized()
                    && !with_lower(doc.str_at(i), |w| {
                        matches!(w, "he" | "she" | "i" | "we" | "you")
                    })
            })
            .any(|i| is(i, Naming::Call));
    // `"…," which is defined as`: a term being defined.
    let defined = !q.unclosed
        && (a..right.end.min(a + 4))
            .take_while(|&i| {
                is(i, Naming::Define)
                    || tokens[i].lex() & class::BE != 0
                    || with_lower(doc.str_at(i), |w| matches!(w, "which" | "that"))
            })
            .any(|i| is(i, Naming::Define));
    NamingContext {
        work: work_before || work_after || work_inside || by_author,
        cue: found == Some(Naming::Cue) || as_they_call_it || defined,
        title_cue: found == Some(Naming::TitleCue) || called_after_noun,
    }
}

/// Title Case spans in a list with a title are titles too: `the shows
/// "Veep" and "The Office"` when one of them is known to be a title.
fn titles_in_lists(doc: &Document<'_>, quotes: &mut [Quote<'_>]) {
    let tokens = doc.tokens();
    let joins = |a: &Quote<'_>, b: &Quote<'_>| {
        !a.unclosed
            && doc.sentence_of(a.tokens.end - 1) == doc.sentence_of(b.tokens.start)
            && (a.tokens.end..b.tokens.start).len() <= 2
            && (a.tokens.end..b.tokens.start).all(|i| {
                let w = doc.str_at(i);
                w == "," || with_lower(w, |w| matches!(w, "and" | "or"))
            })
            && tokens[a.tokens.end..b.tokens.start]
                .iter()
                .all(|t| !t.is_capitalized())
    };
    // Forwards, then backwards, so that a title anywhere in a list reaches
    // every member.
    for k in 1..quotes.len() {
        let (a, b) = quotes.split_at_mut(k);
        let (prev, this) = (&a[k - 1], &mut b[0]);
        if prev.kind == QuoteKind::Title
            && this.kind == QuoteKind::ReportedSpeech
            && joins(prev, this)
            && word_shape(doc, this).1
        {
            this.kind = QuoteKind::Title;
        }
    }
    for k in (1..quotes.len()).rev() {
        let (a, b) = quotes.split_at_mut(k);
        let (prev, this) = (&mut a[k - 1], &b[0]);
        if this.kind == QuoteKind::Title
            && prev.kind == QuoteKind::ReportedSpeech
            && joins(prev, this)
            && word_shape(doc, prev).1
        {
            prev.kind = QuoteKind::Title;
        }
    }
}

fn classify_nested(doc: &Document<'_>, q: &mut Quote<'_>) {
    let tokens = doc.tokens();
    let inner = q.tokens.start + 1..q.tokens.end - usize::from(!q.unclosed);
    let words: Vec<&Token> = tokens[inner]
        .iter()
        .filter(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number) && !t.is_possessive())
        .collect();
    let title_case = !words.is_empty()
        && words.iter().all(|t| {
            t.is_capitalized() || t.kind() == TokenKind::Number || t.lex() & class::SMALL != 0
        });
    q.kind = if title_case && words.len() <= 6 {
        QuoteKind::Title
    } else {
        QuoteKind::ReportedSpeech
    };
    for n in &mut q.nested {
        classify_nested(doc, n);
    }
}
