//! Stage 1: tokens, sentences and paragraphs.
//!
//! The tokenizer scans bytes, with a table lookup for ASCII and a decoding
//! path for everything else. It never allocates per token: a [`Token`] is a
//! small `Copy` value holding a [`Span`] into the caller's text.
//!
//! Quotation marks are tokens of their own ([`TokenKind::Mark`]) carrying a
//! first judgement of their direction from the characters around them
//! ([`Orientation`]). Apostrophes inside words ("don't", "dog’s") stay in
//! their word; elisions ("'Tis", "’90s", "rock 'n' roll") become part of the
//! word they shorten. A possessive `'s` is split off as its own word so that
//! "Abbasi's office" yields the name "Abbasi".
//!
//! # Characters around the text
//!
//! A byte order mark, zero-width spaces and joiners, direction marks and the
//! word joiner are skipped like spaces. Markup is the caller's to strip, but
//! a mark right after the end of a tag or of bracketed markup (`<p>"We`,
//! `[quote]"We`) opens as it would after a space. The HTML character
//! references of quotation marks are read as the marks they stand for:
//! named (`&quot;`, `&apos;`, `&ldquo;`, `&rdquo;`, `&lsquo;`, `&rsquo;`,
//! `&sbquo;`, `&bdquo;`, `&laquo;`, `&raquo;`, `&lsaquo;`, `&rsaquo;`),
//! decimal (`&#8220;`, `&#34;`, `&#39;`) and hexadecimal (`&#x201C;`), with
//! their semicolon; the mark token spans the whole reference, so offsets stay
//! those of your text, and an apostrophe's reference inside a word
//! (`don&rsquo;t`) stays in the word. Other references (`&amp;`, `&nbsp;`)
//! are left as they are. A text without `&` pays nothing for this.
//!
//! # Paragraphs
//!
//! Paragraphs come from the text's own layout, judged once per text
//! ([`Layout`], [`Document::layout`]). Text with one paragraph a line (most
//! text taken from web pages, with or without blank lines between) ends a
//! paragraph at every line break. Hard-wrapped text (plain-text exports,
//! wire copy, e-mail: lines of some 72 columns, a blank line between
//! paragraphs) ends one only at a blank line; a single line break there is
//! a space, and sentences and quotations run across it. A text counts as
//! hard-wrapped when at least a third of its single line breaks (those
//! between two lines that are not blank) fall inside a sentence: after a
//! comma, possibly followed by a closing mark, or before a word that is not
//! capitalised. A blank line, a paragraph separator (U+2029) and a form feed
//! always end a paragraph; CR LF is one line break.
//!
//! ```
//! use whosaid::{Tokenizer, TokenKind, Orientation};
//!
//! let doc = Tokenizer::new().tokenize("“Yes,” she said.\n\n'Tis the U.S. way.");
//! let words: Vec<&str> = doc.tokens().iter().map(|t| doc.token_str(t)).collect();
//! assert_eq!(words, ["“", "Yes", ",", "”", "she", "said", ".", "'Tis", "the", "U.S.", "way", "."]);
//! match doc.tokens()[0].kind() {
//!     TokenKind::Mark(mark) => assert_eq!(mark.orientation(), Orientation::Open),
//!     other => panic!("expected a mark, got {other:?}"),
//! }
//! assert_eq!(doc.paragraphs().len(), 2);
//! assert_eq!(doc.sentences().len(), 2);
//! ```

use std::ops::Range;

use crate::lexicon::{AbbrevClass, Lexicon, LEXICON};
use crate::span::Span;

/// The glyph of a quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MarkGlyph {
    /// `"` (U+0022)
    StraightDouble,
    /// `'` (U+0027) used as a mark
    StraightSingle,
    /// `''`: two apostrophes written as a double mark (the New York Times
    /// archive, LaTeX closing quotes)
    TwoApostrophes,
    /// `“` (U+201C)
    LeftDouble,
    /// `”` (U+201D)
    RightDouble,
    /// `„` (U+201E)
    LowDouble,
    /// `‟` (U+201F)
    ReversedDouble,
    /// `‘` (U+2018)
    LeftSingle,
    /// `’` (U+2019)
    RightSingle,
    /// `‚` (U+201A)
    LowSingle,
    /// `‛` (U+201B)
    ReversedSingle,
    /// `«` (U+00AB)
    LeftGuillemet,
    /// `»` (U+00BB)
    RightGuillemet,
    /// `‹` (U+2039)
    LeftSingleGuillemet,
    /// `›` (U+203A)
    RightSingleGuillemet,
    /// `「` (U+300C)
    LeftCorner,
    /// `」` (U+300D)
    RightCorner,
    /// `『` (U+300E)
    LeftWhiteCorner,
    /// `』` (U+300F)
    RightWhiteCorner,
    /// ` `` `: LaTeX and Penn Treebank opening double quote
    DoubleBacktick,
    /// `` ` ``: LaTeX opening single quote
    Backtick,
}

/// Families of quotation marks, which a configuration can switch on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MarkFamily {
    /// `"` and `'`.
    Straight,
    /// `“ ” ‘ ’ ‟ ‛`.
    Curly,
    /// `„` and `‚`, closed by a curly mark.
    Low,
    /// `« » ‹ ›`.
    Guillemet,
    /// `「 」 『 』`.
    Corner,
    /// ` `` ` and `` ` ``, closed by `''` or `'`.
    Latex,
    /// `''` used for both opening and closing double marks.
    TwoApostrophes,
}

impl MarkGlyph {
    /// Whether the glyph is also the apostrophe's: `'` or `’`.
    pub(crate) fn is_apostrophe(self) -> bool {
        matches!(self, MarkGlyph::StraightSingle | MarkGlyph::RightSingle)
    }

    /// Whether this is a corner bracket, white or not.
    pub(crate) fn is_corner(self) -> bool {
        use MarkGlyph::*;
        matches!(
            self,
            LeftCorner | RightCorner | LeftWhiteCorner | RightWhiteCorner
        )
    }

    /// Whether this is a double mark (including `''` and ` `` `).
    pub fn is_double(self) -> bool {
        use MarkGlyph::*;
        matches!(
            self,
            StraightDouble
                | TwoApostrophes
                | LeftDouble
                | RightDouble
                | LowDouble
                | ReversedDouble
                | LeftGuillemet
                | RightGuillemet
                | LeftCorner
                | RightCorner
                | DoubleBacktick
        )
    }

    /// The family this glyph belongs to.
    pub fn family(self) -> MarkFamily {
        use MarkGlyph::*;
        match self {
            StraightDouble | StraightSingle => MarkFamily::Straight,
            TwoApostrophes => MarkFamily::TwoApostrophes,
            LeftDouble | RightDouble | ReversedDouble | LeftSingle | RightSingle
            | ReversedSingle => MarkFamily::Curly,
            LowDouble | LowSingle => MarkFamily::Low,
            LeftGuillemet | RightGuillemet | LeftSingleGuillemet | RightSingleGuillemet => {
                MarkFamily::Guillemet
            }
            LeftCorner | RightCorner | LeftWhiteCorner | RightWhiteCorner => MarkFamily::Corner,
            DoubleBacktick | Backtick => MarkFamily::Latex,
        }
    }

    /// The glyph as text.
    pub fn as_str(self) -> &'static str {
        use MarkGlyph::*;
        match self {
            StraightDouble => "\"",
            StraightSingle => "'",
            TwoApostrophes => "''",
            LeftDouble => "\u{201C}",
            RightDouble => "\u{201D}",
            LowDouble => "\u{201E}",
            ReversedDouble => "\u{201F}",
            LeftSingle => "\u{2018}",
            RightSingle => "\u{2019}",
            LowSingle => "\u{201A}",
            ReversedSingle => "\u{201B}",
            LeftGuillemet => "\u{AB}",
            RightGuillemet => "\u{BB}",
            LeftSingleGuillemet => "\u{2039}",
            RightSingleGuillemet => "\u{203A}",
            LeftCorner => "\u{300C}",
            RightCorner => "\u{300D}",
            LeftWhiteCorner => "\u{300E}",
            RightWhiteCorner => "\u{300F}",
            DoubleBacktick => "``",
            Backtick => "`",
        }
    }

    /// The direction the glyph itself suggests in English typography, used
    /// when the context does not decide.
    fn prior(self) -> Orientation {
        use MarkGlyph::*;
        match self {
            LeftDouble | LowDouble | ReversedDouble | LeftSingle | LowSingle | ReversedSingle
            | LeftGuillemet | LeftSingleGuillemet | LeftCorner | LeftWhiteCorner
            | DoubleBacktick | Backtick => Orientation::Open,
            RightDouble | RightGuillemet | RightSingleGuillemet | RightCorner
            | RightWhiteCorner => Orientation::Close,
            StraightDouble | StraightSingle | TwoApostrophes | RightSingle => Orientation::Either,
        }
    }

    /// Corner brackets and backticks only ever point one way.
    fn is_fixed(self) -> bool {
        use MarkGlyph::*;
        matches!(
            self,
            LeftCorner
                | RightCorner
                | LeftWhiteCorner
                | RightWhiteCorner
                | DoubleBacktick
                | Backtick
        )
    }

    fn from_char(c: char) -> Option<MarkGlyph> {
        use MarkGlyph::*;
        Some(match c {
            '"' => StraightDouble,
            '\'' => StraightSingle,
            '\u{201C}' => LeftDouble,
            '\u{201D}' => RightDouble,
            '\u{201E}' => LowDouble,
            '\u{201F}' => ReversedDouble,
            '\u{2018}' => LeftSingle,
            '\u{2019}' => RightSingle,
            '\u{201A}' => LowSingle,
            '\u{201B}' => ReversedSingle,
            '\u{AB}' => LeftGuillemet,
            '\u{BB}' => RightGuillemet,
            '\u{2039}' => LeftSingleGuillemet,
            '\u{203A}' => RightSingleGuillemet,
            '\u{300C}' => LeftCorner,
            '\u{300D}' => RightCorner,
            '\u{300E}' => LeftWhiteCorner,
            '\u{300F}' => RightWhiteCorner,
            '`' => Backtick,
            _ => return None,
        })
    }
}

/// The tokenizer's judgement of which way a mark points, from the characters
/// on either side of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// Space or an opening bracket before, a word after: `said "Yes`.
    Open,
    /// A word or punctuation before, space after: `yes," she`.
    Close,
    /// The context does not tell (`a"b`, ` " `); the quote detector decides.
    Either,
}

/// A quotation mark token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mark {
    glyph: MarkGlyph,
    orientation: Orientation,
}

impl Mark {
    /// The mark's glyph.
    pub fn glyph(&self) -> MarkGlyph {
        self.glyph
    }

    /// Which way the mark points, judged from its context.
    pub fn orientation(&self) -> Orientation {
        self.orientation
    }

    /// Whether this is a double mark.
    pub fn is_double(&self) -> bool {
        self.glyph.is_double()
    }

    /// Whether the mark may open a quotation.
    pub fn can_open(&self) -> bool {
        self.orientation != Orientation::Close
    }

    /// Whether the mark may close a quotation.
    pub fn can_close(&self) -> bool {
        self.orientation != Orientation::Open
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, with inner apostrophes and hyphens ("don't", "rank-and-file"),
    /// abbreviations with their periods ("U.S.", "Gen."), a split-off
    /// possessive `'s`.
    Word,
    /// A token starting with a digit: "2016", "3.5", "1,000", "’90s".
    Number,
    /// Punctuation: `. , ; : ! ? ( ) [ ] —` and the like.
    Punctuation,
    /// Any other symbol: `$ % & €` and the like.
    Symbol,
    /// A quotation mark (or an apostrophe that may be one).
    Mark(Mark),
}

const SPACE_BEFORE: u8 = 1;
const PARA_START: u8 = 2;
const SENT_START: u8 = 4;
const UPPER: u8 = 8;
const ABBREV: u8 = 16;
const POSSESSIVE: u8 = 32;
/// Punctuation that ends a sentence when a sentence start follows it:
/// `.`, `!`, `?`, `...`, `…` (see [`is_terminal`]).
const TERMINAL: u8 = 64;

/// The longest text [`Tokenizer::tokenize`] takes, 4 GiB less one byte:
/// tokens keep their offsets in 32 bits, so that a token takes 12 bytes
/// instead of 32 (a tokenized text holds about one token for every six
/// bytes, and later stages read the tokens over and over).
pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

/// `Ok` when `text` is no longer than [`MAX_TEXT_LEN`], the one check
/// behind [`Tokenizer::tokenize`]'s panic and
/// [`crate::Attributor::try_attribute`]'s error.
pub(crate) fn check_len(text: &str) -> Result<(), crate::Error> {
    if text.len() <= MAX_TEXT_LEN {
        Ok(())
    } else {
        Err(crate::Error::TooLong { len: text.len() })
    }
}

/// One token: a span of the text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    start: u32,
    /// The length in bytes: the tokenizer cuts longer runs (see
    /// [`MAX_TOKEN_LEN`]).
    len: u16,
    /// The word classes of a word token (`lexicon::class` bits, which fit
    /// in 24), low 16 and high 8 bits: looked up once here for every later
    /// stage; 0 for other tokens.
    lex_low: u16,
    kind: TokenKind,
    flags: u8,
    lex_high: u8,
}

/// The longest token, in bytes: a longer word, number or run of dashes (a
/// text without spaces, say) becomes several tokens of at most this many
/// bytes, cut at character boundaries. No real word is that long, and a
/// 16-bit length keeps a token at 12 bytes.
pub const MAX_TOKEN_LEN: usize = u16::MAX as usize;

impl Token {
    #[inline]
    fn new(span: Span, kind: TokenKind, flags: u8, lex: u32) -> Token {
        debug_assert!(span.end <= MAX_TEXT_LEN);
        debug_assert!(span.len() <= MAX_TOKEN_LEN);
        debug_assert!(lex <= crate::lexicon::class::ALL);
        Token {
            start: span.start as u32,
            len: span.len() as u16,
            lex_low: lex as u16,
            kind,
            flags,
            lex_high: (lex >> 16) as u8,
        }
    }

    /// The token's byte span.
    #[inline]
    pub fn span(&self) -> Span {
        Span {
            start: self.start as usize,
            end: self.end() as usize,
        }
    }

    /// Where the token ends, as a `u32`.
    #[inline]
    fn end(&self) -> u32 {
        self.start + self.len as u32
    }

    /// What the token is.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The mark, when the token is a quotation mark.
    #[inline]
    pub fn mark(&self) -> Option<Mark> {
        match self.kind {
            TokenKind::Mark(m) => Some(m),
            _ => None,
        }
    }

    /// Whether the token is a word (not a number, mark or punctuation).
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether whitespace (or the start of the text) comes right before.
    #[inline]
    pub fn space_before(&self) -> bool {
        self.flags & SPACE_BEFORE != 0
    }

    /// Whether the token is the first of its paragraph.
    #[inline]
    pub fn starts_paragraph(&self) -> bool {
        self.flags & PARA_START != 0
    }

    /// Whether the token is the first of its sentence.
    #[inline]
    pub fn starts_sentence(&self) -> bool {
        self.flags & SENT_START != 0
    }

    /// Whether the token begins with an upper-case letter.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.flags & UPPER != 0
    }

    /// Whether the token is an abbreviation or initial ending in a period.
    #[inline]
    pub fn is_abbreviation(&self) -> bool {
        self.flags & ABBREV != 0
    }

    /// Whether the token is a possessive `'s` split off its word.
    #[inline]
    pub fn is_possessive(&self) -> bool {
        self.flags & POSSESSIVE != 0
    }

    /// The word classes of the token (`lexicon::class` bits): those of
    /// its text for a word, 0 otherwise (no listed word starts with
    /// anything but a letter).
    #[inline]
    pub(crate) fn lex(&self) -> u32 {
        self.lex_low as u32 | (self.lex_high as u32) << 16
    }
}

/// A sentence or a paragraph: a run of tokens and the span they cover.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Segment {
    /// The span and the token range, in 32 bits as in [`Token`].
    start: u32,
    end: u32,
    first: u32,
    last_end: u32,
}

impl Segment {
    /// The segment of tokens `first..=last`.
    fn new(tokens: &[Token], first: usize, last: usize) -> Segment {
        Segment {
            start: tokens[first].start,
            end: tokens[last].end(),
            first: first as u32,
            last_end: last as u32 + 1,
        }
    }

    /// From the start of the first token to the end of the last.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Indexes into [`Document::tokens`].
    pub fn token_range(&self) -> Range<usize> {
        self.first as usize..self.last_end as usize
    }
}

/// A tokenized text: tokens, sentences and paragraphs, borrowing the text.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    /// The indexes of the mark tokens, in order: the quote detector visits
    /// these instead of every token.
    marks: Vec<u32>,
    /// Whether a mark is a corner bracket: most texts have none, and the
    /// quote detector need not look.
    corner_marks: bool,
    layout: Layout,
    sentences: Vec<Segment>,
    /// Which sentence each token is in, kept beside the tokens rather than
    /// in them (see [`SentenceIndex`]).
    sentence_index: SentenceIndex,
    paragraphs: Vec<Segment>,
    /// The paragraph of each sentence: a token's paragraph is its
    /// sentence's, which keeps the tokens smaller.
    paragraph_of_sentence: Vec<u32>,
}

/// The sentence of each token in about a fifth of a byte per token, where
/// a `u32` in each token would take four: one bit per token, set where a
/// sentence starts, and for each 64 tokens the number of sentences
/// started before them. A token's sentence is that count plus the starts
/// up to it in its 64, less one.
#[derive(Clone, Debug, Default)]
struct SentenceIndex {
    starts: Vec<u64>,
    before: Vec<u32>,
}

impl SentenceIndex {
    /// The index of a text whose sentences start at the tokens whose bits
    /// are set in `starts`.
    fn new(starts: Vec<u64>) -> SentenceIndex {
        let mut before = Vec::with_capacity(starts.len());
        let mut count = 0u32;
        for block in &starts {
            before.push(count);
            count += block.count_ones();
        }
        SentenceIndex { starts, before }
    }

    /// The sentence of token `i`, which must have a sentence start at or
    /// before it.
    #[inline]
    fn sentence_of(&self, i: usize) -> usize {
        let (block, bit) = (i / 64, i % 64);
        let upto = self.starts[block] & (u64::MAX >> (63 - bit));
        (self.before[block] + upto.count_ones()) as usize - 1
    }
}

impl<'t> Document<'t> {
    /// The text this document was made from.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// All tokens, in text order. Whitespace is not a token.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The index in [`Document::paragraphs`] of the paragraph of the token
    /// at `token`.
    ///
    /// # Panics
    ///
    /// When `token` is not an index into [`Document::tokens`].
    ///
    /// ```
    /// let doc = whosaid::Tokenizer::new().tokenize("One. Two.\nThree.");
    /// let paragraphs: Vec<usize> = (0..doc.tokens().len()).map(|i| doc.paragraph_of(i)).collect();
    /// assert_eq!(paragraphs, [0, 0, 0, 0, 1, 1]);
    /// ```
    #[inline]
    pub fn paragraph_of(&self, token: usize) -> usize {
        self.paragraph_of_sentence[self.sentence_of(token)] as usize
    }

    /// The index in [`Document::paragraphs`] of the paragraph of sentence
    /// `sentence`.
    pub(crate) fn paragraph_of_sentence(&self, sentence: usize) -> usize {
        self.paragraph_of_sentence[sentence] as usize
    }

    /// The index in [`Document::sentences`] of the sentence of the token
    /// at `token`.
    ///
    /// # Panics
    ///
    /// When `token` is not an index into [`Document::tokens`].
    ///
    /// ```
    /// let doc = whosaid::Tokenizer::new().tokenize("One. Two.\nThree.");
    /// let sentences: Vec<usize> = (0..doc.tokens().len()).map(|i| doc.sentence_of(i)).collect();
    /// assert_eq!(sentences, [0, 0, 1, 1, 2, 2]);
    /// ```
    #[inline]
    pub fn sentence_of(&self, token: usize) -> usize {
        assert!(
            token < self.tokens.len(),
            "token {token} out of range for a document of {} tokens",
            self.tokens.len()
        );
        self.sentence_index.sentence_of(token)
    }

    /// How the text lays out its paragraphs, as the tokenizer judged it
    /// (see [`Layout`]).
    ///
    /// ```
    /// use whosaid::{Layout, Tokenizer};
    ///
    /// let wrapped = "\"We will win,\" Senator Jane Roe told the reporters\n\
    ///                waiting outside.\n\nShe left.";
    /// let doc = Tokenizer::new().tokenize(wrapped);
    /// assert_eq!(doc.layout(), Layout::Wrapped);
    /// assert_eq!(doc.paragraphs().len(), 2);
    ///
    /// let doc = Tokenizer::new().tokenize("Roe wins.\nTurnout was high.");
    /// assert_eq!(doc.layout(), Layout::ParagraphPerLine);
    /// assert_eq!(doc.paragraphs().len(), 2);
    /// ```
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// Whether a mark is a corner bracket (`「 」 『 』`).
    pub(crate) fn has_corner_marks(&self) -> bool {
        self.corner_marks
    }

    /// The indexes of the [`TokenKind::Mark`] tokens, in text order.
    pub(crate) fn marks(&self) -> &[u32] {
        &self.marks
    }

    /// The marks among tokens `from..end`, as indexes into
    /// [`Document::marks`].
    pub(crate) fn marks_between(&self, from: usize, end: usize) -> Range<usize> {
        let at = |i: usize| self.marks.partition_point(|&m| (m as usize) < i);
        let lo = at(from);
        lo..at(end).max(lo)
    }

    /// The text of a token.
    ///
    /// # Panics
    ///
    /// When `token` is not a token of this document and its span does not
    /// lie on character boundaries of this text (a token of another one).
    pub fn token_str(&self, token: &Token) -> &'t str {
        &self.text[token.span()]
    }

    /// The text of the token at `index`.
    pub(crate) fn str_at(&self, index: usize) -> &'t str {
        &self.text[self.tokens[index].span()]
    }

    /// Sentences, in text order. A sentence never crosses a paragraph break.
    pub fn sentences(&self) -> &[Segment] {
        &self.sentences
    }

    /// Paragraphs, in text order (see [`Layout`] for where they end); empty
    /// lines make no paragraph.
    pub fn paragraphs(&self) -> &[Segment] {
        &self.paragraphs
    }

    /// The index of the first token starting at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < offset)
    }
}

/// Where the paragraphs of a text end, judged once per text from its line
/// breaks ([`Document::layout`]).
///
/// News text from the web writes one paragraph a line, with or without a
/// blank line between them. Plain-text exports, wire feeds and e-mail
/// break each paragraph into lines of some 72 columns and separate
/// paragraphs with a blank line. The tokenizer looks at the text's single
/// line breaks, those between two lines that are not blank: when at least
/// a third of them fall inside a sentence (after a comma, a closing mark
/// possibly following it, or before a word in lower case), the text is
/// [`Layout::Wrapped`]; otherwise it is [`Layout::ParagraphPerLine`]. The
/// look costs a few steps per line break.
///
/// A blank line, a paragraph separator (U+2029) and a form feed end a
/// paragraph in either layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// Every line break ends a paragraph (a text with no single line
    /// break is laid out this way).
    ParagraphPerLine,
    /// Lines are broken inside paragraphs: a single line break is a space,
    /// and sentences and quotations run across it; only a blank line (or a
    /// paragraph separator, or a form feed) ends a paragraph.
    Wrapped,
}

/// Splits text into tokens, sentences and paragraphs.
///
/// Paragraphs end at line breaks, or only at blank lines when the text is
/// hard-wrapped ([`Layout`]). A word, number or run of dashes longer than
/// [`MAX_TOKEN_LEN`] bytes becomes several tokens with no space between
/// them.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    _private: (),
}

// Byte classes of the ASCII table.
const C_LOWER: u8 = 1;
const C_UPPER: u8 = 2;
const C_DIGIT: u8 = 3;
const C_SPACE: u8 = 4;
const C_NEWLINE: u8 = 5;
const C_PUNCT: u8 = 6;
const C_MARK: u8 = 7;
const C_SYMBOL: u8 = 8;

/// ASCII letters and digits, by byte (false for every byte above 0x7F).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

static ASCII_CLASS: [u8; 128] = {
    let mut t = [C_SYMBOL; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_lowercase() {
            C_LOWER
        } else if c.is_ascii_uppercase() {
            C_UPPER
        } else if c.is_ascii_digit() {
            C_DIGIT
        } else if c == b'\n' || c == b'\r' || c == 0x0b || c == 0x0c {
            C_NEWLINE
        } else if c == b' ' || c == b'\t' || c < 0x20 || c == 0x7f {
            C_SPACE
        } else if c == b'"' || c == b'\'' || c == b'`' {
            C_MARK
        } else if matches!(
            c,
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'-'
        ) {
            C_PUNCT
        } else {
            C_SYMBOL
        };
        i += 1;
    }
    t
};

/// What lies next to a quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    Edge,
    Space,
    Word,
    Digit,
    Open,
    Close,
    /// `]`: a bracket closes before a mark, and markup (`[quote]`) ends
    /// before one.
    Bracket,
    Colon,
    Comma,
    Dash,
    /// `=`: a mark after it delimits the value of a markup attribute
    /// (`title="…"`), never a quotation.
    Assign,
    /// An ellipsis: a quotation may open on one (`"… and then"`) and close
    /// after one, so it frees neither side.
    Ellipsis,
    Other,
}

fn ctx_of(c: char) -> Ctx {
    match c {
        // `>` ends a tag before a mark (`<p>"We`).
        '(' | '[' | '{' | '¿' | '¡' | '>' => Ctx::Open,
        // `<` starts one after it (`said."</p>`).
        '.' | ';' | '!' | '?' | ')' | '}' | '<' => Ctx::Close,
        '…' => Ctx::Ellipsis,
        ']' => Ctx::Bracket,
        '=' => Ctx::Assign,
        ':' => Ctx::Colon,
        ',' => Ctx::Comma,
        '-' | '\u{2010}'..='\u{2015}' | '/' => Ctx::Dash,
        c if c.is_whitespace() || c.is_control() || is_invisible(c) => Ctx::Space,
        c if c.is_numeric() => Ctx::Digit,
        c if c.is_alphabetic() => Ctx::Word,
        _ => Ctx::Other,
    }
}

/// Invisible format characters that the tokenizer skips like spaces: zero
/// width spaces and joiners, direction marks, the word joiner and the byte
/// order mark (a text saved with one starts with it).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// The HTML character reference of a quotation mark at byte `i` (which
/// holds `&`): the mark and the reference's length in bytes. Named
/// (`&quot;`, `&ldquo;`, `&rsquo;`, `&laquo;`, ...), decimal (`&#8220;`)
/// and hexadecimal (`&#x201C;`) references count, with their semicolon.
pub(crate) fn mark_reference(text: &str, i: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let rest = bytes.get(i + 1..)?;
    let end = rest.iter().take(33).position(|&b| b == b';')?;
    let body = &text[i + 1..i + 1 + end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty()
                && num.len() <= 7
                && num.bytes().all(|b| b.is_ascii_digit()) =>
            {
                num.parse().ok()?
            }
            _ => return None,
        };
        char::from_u32(code)?
    } else {
        match body {
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
        }
    };
    is_mark_char(c).then_some((c, end + 2))
}

/// Where the mark reference ending just before byte `i` (a `;`) starts.
fn mark_reference_before(text: &str, i: usize) -> Option<usize> {
    let from = i.saturating_sub(34);
    let amp = text.as_bytes()[from..i].iter().rposition(|&b| b == b'&')? + from;
    mark_reference(text, amp).and_then(|(_, len)| (amp + len == i).then_some(amp))
}

pub(crate) fn is_mark_char(c: char) -> bool {
    MarkGlyph::from_char(c).is_some()
}

/// The context before byte `i`, looking through adjacent marks (and the
/// references of marks).
fn prev_ctx(text: &str, mut i: usize) -> Ctx {
    // At most a few marks are looked through: a run of thousands of marks
    // must not cost thousands of steps per mark.
    for _ in 0..MAX_ADJACENT_MARKS {
        match text[..i].chars().next_back() {
            None => return Ctx::Edge,
            Some(c) if is_mark_char(c) => i -= c.len_utf8(),
            Some(';') if mark_reference_before(text, i).is_some() => {
                i = mark_reference_before(text, i).unwrap_or(i);
            }
            Some(c) => return ctx_of(c),
        }
    }
    Ctx::Other
}

/// The context from byte `j` on, looking through adjacent marks (and the
/// references of marks).
fn next_ctx(text: &str, mut j: usize) -> Ctx {
    for _ in 0..MAX_ADJACENT_MARKS {
        match text[j..].chars().next() {
            None => return Ctx::Edge,
            Some(c) if is_mark_char(c) => j += c.len_utf8(),
            Some('&') if mark_reference(text, j).is_some() => {
                j += mark_reference(text, j).map_or(1, |(_, len)| len);
            }
            Some('.') if text[j..].starts_with("...") => return Ctx::Ellipsis,
            Some(c) => return ctx_of(c),
        }
    }
    Ctx::Other
}

/// How many adjacent marks the context of a mark looks through.
const MAX_ADJACENT_MARKS: usize = 4;

fn orient(glyph: MarkGlyph, prev: Ctx, next: Ctx) -> Orientation {
    if glyph.is_fixed() {
        return glyph.prior();
    }
    if prev == Ctx::Assign {
        return Orientation::Close;
    }
    let left_free = matches!(
        prev,
        Ctx::Edge | Ctx::Space | Ctx::Open | Ctx::Bracket | Ctx::Dash | Ctx::Colon
    );
    let right_free = matches!(
        next,
        Ctx::Edge | Ctx::Space | Ctx::Close | Ctx::Bracket | Ctx::Dash | Ctx::Comma | Ctx::Colon
    );
    match (left_free, right_free) {
        (true, false) => Orientation::Open,
        (false, true) => Orientation::Close,
        _ => glyph.prior(),
    }
}

/// Whether a word ends before byte `i`, with spaces between.
fn word_before(text: &str, i: usize) -> bool {
    text[..i]
        .trim_end_matches([' ', '\u{A0}'])
        .chars()
        .next_back()
        .is_some_and(is_word_char)
}

/// Words that an apostrophe shortens at their start ("'Tis", "'em").
fn is_elision(word: &str) -> bool {
    crate::lexicon::is(word, crate::lexicon::class::ELISION)
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c)
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

impl Tokenizer {
    /// A tokenizer with the default settings.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// Tokenizes `text` and finds its sentences and paragraphs.
    ///
    /// # Panics
    ///
    /// When `text` is longer than [`MAX_TEXT_LEN`] (4 GiB). (A text that
    /// long needs some 30 GiB of memory to attribute; split it into its
    /// documents.) Token, mention and entity indexes then fit in 32 bits
    /// too, as there are never more tokens than bytes.
    pub fn tokenize<'t>(&self, text: &'t str) -> Document<'t> {
        if let Err(e) = check_len(text) {
            panic!("whosaid: {e}");
        }
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        // Room for a typical text's marks, sentences and paragraphs, so
        // that news-sized texts do not grow them step by step (space never
        // written is never touched, so an overestimate costs little).
        let mut marks = Vec::with_capacity(text.len() / 128);
        let Scanned {
            corners: corner_marks,
            line_starts,
        } = scan(text, &mut tokens, &mut marks);
        let layout = layout_of(text, &tokens, &line_starts);
        if layout == Layout::Wrapped {
            // A single line break is a space.
            for &k in &line_starts {
                tokens[k as usize].flags &= !PARA_START;
            }
        }
        let Segments {
            sentences,
            sentence_index,
            paragraphs,
            paragraph_of_sentence,
        } = segment(text, &mut tokens);
        Document {
            text,
            tokens,
            marks,
            corner_marks,
            layout,
            sentences,
            sentence_index,
            paragraphs,
            paragraph_of_sentence,
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    lexicon: &'static Lexicon,
    tokens: &'a mut Vec<Token>,
    marks: &'a mut Vec<u32>,
    pending: u8,
    /// Whether a corner bracket was pushed as a mark.
    corners: bool,
    /// The tokens that start a line after a single line break (no blank
    /// line, no paragraph separator), for [`Layout`].
    line_starts: Vec<u32>,
    /// The token index at which a blank line or a paragraph separator was
    /// seen last: a line break there is no single one.
    blank_at: u32,
    /// The LaTeX openers of the current line, innermost last: 2 for two
    /// backticks, 1 for one, so that a run of apostrophes can close them.
    latex_open: Vec<u8>,
}

impl Scanner<'_> {
    /// A line break before the next token: a single one, or with `hard`
    /// (a paragraph separator, a form feed) always a paragraph break.
    #[inline]
    fn line_break(&mut self, hard: bool) {
        self.pending |= SPACE_BEFORE | PARA_START;
        self.latex_open.clear();
        let next = self.tokens.len() as u32;
        if self.blank_at == next {
            return;
        }
        if self.line_starts.last() == Some(&next) || hard {
            // A second break before the next token: a blank line.
            if self.line_starts.last() == Some(&next) {
                self.line_starts.pop();
            }
            self.blank_at = next;
        } else if next > 0 {
            self.line_starts.push(next);
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind, flags: u8) {
        self.push_classed(start, end, kind, flags, 0);
    }

    /// Pushes a word or number and its word classes: a word's classes are
    /// looked up here, once, for every later stage.
    #[inline(always)]
    fn push_word(&mut self, start: usize, end: usize, is_number: bool, flags: u8) {
        if is_number {
            self.push(start, end, TokenKind::Number, flags);
        } else {
            let lex = self.lexicon.word_flags_in(self.text, Span { start, end });
            self.push_classed(start, end, TokenKind::Word, flags, lex);
        }
    }

    /// Pushes a token with the word classes `lex`. Only words starting
    /// with a letter can have classes: every listed word does.
    #[inline]
    fn push_classed(&mut self, start: usize, end: usize, kind: TokenKind, flags: u8, lex: u32) {
        let mut f = self.pending | flags;
        self.pending = 0;
        let mut start = start;
        if end - start > MAX_TOKEN_LEN {
            start = self.push_cut(start, end, kind, &mut f, lex);
        }
        self.tokens
            .push(Token::new(Span { start, end }, kind, f, lex));
    }

    /// Pushes the leading pieces of a token longer than [`MAX_TOKEN_LEN`]
    /// and returns where its last piece starts. The first piece takes the
    /// token's flags but a final period's; the last piece keeps that one.
    #[cold]
    fn push_cut(
        &mut self,
        mut start: usize,
        end: usize,
        kind: TokenKind,
        f: &mut u8,
        lex: u32,
    ) -> usize {
        while end - start > MAX_TOKEN_LEN {
            let mut cut = start + MAX_TOKEN_LEN;
            while !self.text.is_char_boundary(cut) {
                cut -= 1;
            }
            self.tokens.push(Token::new(
                Span { start, end: cut },
                kind,
                *f & !ABBREV,
                lex,
            ));
            *f &= ABBREV;
            start = cut;
        }
        start
    }
}

/// What [`scan`] finds besides the tokens and marks.
struct Scanned {
    /// Whether a mark is a corner bracket.
    corners: bool,
    /// The tokens that start a line after a single line break.
    line_starts: Vec<u32>,
}

/// Scans `text` into `tokens` and the indexes of its marks into `marks`.
fn scan(text: &str, tokens: &mut Vec<Token>, marks: &mut Vec<u32>) -> Scanned {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut sc = Scanner {
        text,
        lexicon: &LEXICON,
        tokens,
        marks,
        pending: SPACE_BEFORE | PARA_START,
        corners: false,
        line_starts: Vec::new(),
        blank_at: u32::MAX,
        latex_open: Vec::new(),
    };
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                C_SPACE => {
                    sc.pending |= SPACE_BEFORE;
                    i += 1;
                }
                C_NEWLINE => {
                    // CR LF is one line break; a form feed ends a page.
                    sc.line_break(b == 0x0c);
                    i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                }
                C_LOWER | C_UPPER | C_DIGIT => i = scan_word(text, i, &mut sc),
                C_MARK => i = scan_ascii_mark(text, i, &mut sc),
                C_PUNCT => i = scan_punct(text, i, &mut sc),
                _ if b == b'&' => i = scan_ampersand(text, i, &mut sc),
                _ => {
                    sc.push(i, i + 1, TokenKind::Symbol, 0);
                    i += 1;
                }
            }
            continue;
        }
        let c = char_at(text, i).unwrap_or('\u{FFFD}');
        let w = c.len_utf8();
        if let Some(glyph) = MarkGlyph::from_char(c) {
            i = scan_unicode_mark(text, i, glyph, &mut sc);
        } else if is_word_char(c) {
            i = scan_word(text, i, &mut sc);
        } else if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
            sc.line_break(c == '\u{2029}');
            i += w;
        } else if c.is_whitespace() || c.is_control() || is_invisible(c) || c == '\u{AD}' {
            sc.pending |= SPACE_BEFORE;
            i += w;
        } else {
            let kind = if matches!(ctx_of(c), Ctx::Other) {
                TokenKind::Symbol
            } else {
                TokenKind::Punctuation
            };
            let flags = if c == '…' { TERMINAL } else { 0 };
            sc.push(i, i + w, kind, flags);
            i += w;
        }
    }
    // A break after the last token starts no line.
    let end = sc.tokens.len() as u32;
    if sc.line_starts.last() == Some(&end) {
        sc.line_starts.pop();
    }
    Scanned {
        corners: sc.corners,
        line_starts: sc.line_starts,
    }
}

/// How the document lays out its paragraphs, from its single line breaks
/// (those between two lines that are not blank): hard-wrapped when at least
/// a third of them fall inside a sentence, after a comma (a closing mark
/// may follow it) or before a word in lower case. A text with one
/// paragraph a line breaks lines where paragraphs end, almost never there;
/// a wrapped one breaks them between any two words, and most words of
/// English prose are in lower case.
fn layout_of(text: &str, tokens: &[Token], line_starts: &[u32]) -> Layout {
    let inside_sentence = |k: usize| {
        let next = &tokens[k];
        if next.kind == TokenKind::Word && next.flags & UPPER == 0 {
            return true;
        }
        let mut p = k - 1;
        // `"We will win,"` then the attribution on the next line.
        while p > 0
            && matches!(tokens[p].kind, TokenKind::Mark(m) if m.orientation != Orientation::Open)
        {
            p -= 1;
        }
        tokens[p].kind == TokenKind::Punctuation && &text[tokens[p].span()] == ","
    };
    let wraps = line_starts
        .iter()
        .filter(|&&k| inside_sentence(k as usize))
        .count();
    if wraps > 0 && 3 * wraps >= line_starts.len() {
        Layout::Wrapped
    } else {
        Layout::ParagraphPerLine
    }
}

/// The first byte at or after `j` that is not an ASCII letter or digit,
/// looking at eight bytes at a time while eight remain.
#[inline]
fn skip_ascii_alnum(bytes: &[u8], mut j: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    while let Some(chunk) = bytes.get(j..j + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Per byte, with the high bit as the answer (no carries: every
        // sum stays below 0x100 for a byte below 0x80).
        let ascii = !x & HIGH;
        let x7 = x & !HIGH;
        let folded = x7 | splat(0x20);
        let ge = |v: u64, lo: u8| v.wrapping_add(splat(0x80 - lo)) & HIGH;
        let letter = ge(folded, b'a') & !ge(folded, b'z' + 1);
        let digit = ge(x7, b'0') & !ge(x7, b'9' + 1);
        let stop = !((letter | digit) & ascii) & HIGH;
        if stop != 0 {
            return j + (stop.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < bytes.len() && ASCII_ALNUM[bytes[j] as usize] {
        j += 1;
    }
    j
}

/// Scans a word or number starting at `start`; returns the byte after it.
fn scan_word(text: &str, start: usize, sc: &mut Scanner<'_>) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let first = match bytes[start] {
        b @ 0..=0x7F => b as char,
        _ => char_at(text, start).unwrap_or(' '),
    };
    let is_number = first.is_numeric();
    let mut j = start;
    // The end of the last letter run, and where a possessive 's starts.
    loop {
        // A run of word characters: ASCII letters and digits eight bytes
        // at a time, then byte by byte; others decoded.
        j = skip_ascii_alnum(bytes, j);
        while j < n {
            let b = bytes[j];
            if ASCII_ALNUM[b as usize] {
                j += 1;
            } else if b < 0x80 {
                break;
            } else {
                match char_at(text, j) {
                    Some(c) if is_word_char(c) => j += c.len_utf8(),
                    _ => break,
                }
            }
        }
        if j >= n {
            break;
        }
        // A joiner followed by a word character continues the word.
        let (joiner, jw) = match bytes[j] {
            b'\'' => ('\'', 1),
            b'-' => ('-', 1),
            b'.' | b',' | b':' if is_number => (bytes[j] as char, 1),
            // "don&rsquo;t", "Clinton&#8217;s": the reference of an
            // apostrophe joins a word like the apostrophe.
            b'&' => match mark_reference(text, j) {
                Some(('\'' | '\u{2019}', len)) => ('\u{2019}', len),
                _ => ('&', 1),
            },
            0xE2 if text[j..].starts_with('\u{2019}') => ('\u{2019}', 3),
            _ => break,
        };
        let after = match char_at(text, j + jw) {
            Some(c) if is_word_char(c) => c,
            _ => break,
        };
        match joiner {
            '\'' | '\u{2019}' => {
                // A possessive 's (or ’s) ends the word; the 's is its own token.
                let s_end = j + jw + 1;
                if (after == 's' || after == 'S')
                    && !char_at(text, s_end).is_some_and(is_word_char)
                    && !is_number
                {
                    sc.push_word(start, j, is_number, word_flags(first));
                    sc.push(j, s_end, TokenKind::Word, POSSESSIVE);
                    return s_end;
                }
            }
            '.' | ',' | ':' if !after.is_ascii_digit() => break,
            '&' if !(after.is_uppercase() && first.is_uppercase()) => break,
            _ => {}
        }
        j += jw;
    }
    // An abbreviation or initial keeps its period.
    let mut flags = word_flags(first);
    if j < n && bytes[j] == b'.' && !is_number {
        let word = &text[start..j];
        let single_letter = word.chars().count() == 1;
        if single_letter || LEXICON.abbreviations.contains_key(word) {
            j += 1;
            flags |= ABBREV;
            // U.S., D.C., a.m.: letter-period pairs continue.
            while j + 1 < n && bytes[j].is_ascii_alphabetic() && bytes[j + 1] == b'.' {
                j += 2;
            }
        } else if j + 2 < n && bytes[j + 1].is_ascii_alphabetic() && bytes[j + 2] == b'.' {
            // "e.g." style: a word of letters, then letter-period pairs.
            if word.len() <= 2 {
                j += 1;
                while j + 1 < n && bytes[j].is_ascii_alphabetic() && bytes[j + 1] == b'.' {
                    j += 2;
                }
                flags |= ABBREV;
            }
        }
    }
    sc.push_word(start, j, is_number, flags);
    j
}

#[inline]
fn word_flags(first: char) -> u8 {
    if first.is_uppercase() {
        UPPER
    } else {
        0
    }
}

fn scan_punct(text: &str, i: usize, sc: &mut Scanner<'_>) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    let mut end = i + 1;
    if b == b'.' && text[i..].starts_with("...") {
        end = i + 3;
    } else if b == b'-' {
        while end < bytes.len() && bytes[end] == b'-' {
            end += 1;
        }
    }
    let flags = if matches!(b, b'.' | b'!' | b'?') {
        TERMINAL
    } else {
        0
    };
    sc.push(i, end, TokenKind::Punctuation, flags);
    end
}

fn scan_ascii_mark(text: &str, i: usize, sc: &mut Scanner<'_>) -> usize {
    let bytes = text.as_bytes();
    let (glyph, w) = match bytes[i] {
        b'"' => (MarkGlyph::StraightDouble, 1),
        b'\''
            if !sc.latex_open.is_empty()
                && !matches!(prev_ctx(text, i), Ctx::Space | Ctx::Edge) =>
        {
            return scan_latex_closers(text, i, sc);
        }
        // `''Tis`: a single mark, then the elision.
        b'\'' if bytes.get(i + 1) == Some(&b'\'') && !elision_after(text, i + 1) => {
            (MarkGlyph::TwoApostrophes, 2)
        }
        b'\'' => (MarkGlyph::StraightSingle, 1),
        b'`' if bytes.get(i + 1) == Some(&b'`') => (MarkGlyph::DoubleBacktick, 2),
        _ => (MarkGlyph::Backtick, 1),
    };
    if matches!(glyph, MarkGlyph::DoubleBacktick | MarkGlyph::Backtick)
        && sc.latex_open.len() < MAX_LATEX_OPEN
    {
        sc.latex_open.push(w as u8);
    }
    push_mark(text, i, w, glyph, sc)
}

/// How many LaTeX openers a line keeps track of.
const MAX_LATEX_OPEN: usize = 32;

/// Whether the apostrophe at `i` begins an elision ("'Tis", "'em").
fn elision_after(text: &str, i: usize) -> bool {
    let rest = &text[i + 1..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(k, _)| k);
    len > 0 && is_elision(&rest[..len])
}

/// A run of apostrophes closing LaTeX quotations: split so as to close the
/// open backtick openers innermost first (two backticks take two
/// apostrophes, one takes one), the rest read as usual.
fn scan_latex_closers(text: &str, i: usize, sc: &mut Scanner<'_>) -> usize {
    let bytes = text.as_bytes();
    let mut run = 0;
    while bytes.get(i + run) == Some(&b'\'') {
        run += 1;
    }
    let mut at = i;
    while let Some(&need) = sc.latex_open.last() {
        let need = need as usize;
        if at + need > i + run {
            break;
        }
        sc.latex_open.pop();
        let glyph = if need == 2 {
            MarkGlyph::TwoApostrophes
        } else {
            MarkGlyph::StraightSingle
        };
        at = push_mark(text, at, need, glyph, sc);
    }
    if at == i {
        // Nothing open fits: read the run as usual.
        let (glyph, w) = if run >= 2 {
            (MarkGlyph::TwoApostrophes, 2)
        } else {
            (MarkGlyph::StraightSingle, 1)
        };
        return push_mark(text, i, w, glyph, sc);
    }
    at
}

/// `&` at byte `i`: a mark when it starts the character reference of one
/// (two references of `'` in a row make `''`), else a symbol.
fn scan_ampersand(text: &str, i: usize, sc: &mut Scanner<'_>) -> usize {
    let Some((c, len)) = mark_reference(text, i) else {
        sc.push(i, i + 1, TokenKind::Symbol, 0);
        return i + 1;
    };
    let glyph = MarkGlyph::from_char(c).unwrap_or(MarkGlyph::StraightDouble);
    if c == '\'' {
        if let Some(('\'', len2)) = text
            .as_bytes()
            .get(i + len)
            .and_then(|&b| (b == b'&').then(|| mark_reference(text, i + len)).flatten())
        {
            return push_mark(text, i, len + len2, MarkGlyph::TwoApostrophes, sc);
        }
    }
    push_mark(text, i, len, glyph, sc)
}

fn scan_unicode_mark(text: &str, i: usize, glyph: MarkGlyph, sc: &mut Scanner<'_>) -> usize {
    push_mark(text, i, glyph.as_str().len(), glyph, sc)
}

fn push_mark(text: &str, i: usize, w: usize, glyph: MarkGlyph, sc: &mut Scanner<'_>) -> usize {
    let prev = prev_ctx(text, i);
    let next = next_ctx(text, i + w);
    let is_apostrophe_glyph = glyph.is_apostrophe();
    if is_apostrophe_glyph && !matches!(prev, Ctx::Word | Ctx::Digit) {
        // Elisions at the start of a word: 'Tis, ’90s, 'em, rock 'n' roll.
        let rest = &text[i + w..];
        let word_len = rest
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(rest.len(), |(k, _)| k);
        if word_len > 0 {
            let word = &rest[..word_len];
            // ’90s anywhere; a bare year ('27) only after a word ("the class
            // of '27"), since a quotation may open on a number (`finding:
            // '27 companies …'`).
            let digits = word.as_bytes()[0].is_ascii_digit()
                && word.len() <= 4
                && (word.ends_with('s') || (word.len() == 2 && word_before(text, i)));
            let mut end = i + w + word_len;
            if word == "n" || word == "N" {
                // 'n' takes its closing apostrophe with it.
                match char_at(text, end) {
                    Some(c @ ('\'' | '\u{2019}')) => end += c.len_utf8(),
                    _ => return push_plain_mark(i, w, glyph, prev, next, sc),
                }
            }
            if digits || is_elision(word) {
                let kind = if digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                let flags = word_flags(word.chars().next().unwrap_or(' '));
                sc.push(i, end, kind, flags);
                return end;
            }
        }
    }
    push_plain_mark(i, w, glyph, prev, next, sc)
}

fn push_plain_mark(
    i: usize,
    w: usize,
    glyph: MarkGlyph,
    prev: Ctx,
    next: Ctx,
    sc: &mut Scanner<'_>,
) -> usize {
    let orientation = orient(glyph, prev, next);
    sc.corners |= glyph.is_corner();
    sc.marks.push(sc.tokens.len() as u32);
    sc.push(i, i + w, TokenKind::Mark(Mark { glyph, orientation }), 0);
    i + w
}

/// Whether a token ends a sentence when a sentence start follows it: the
/// scanner flags such punctuation as it pushes it.
#[inline]
fn is_terminal(t: &Token) -> bool {
    t.flags & TERMINAL != 0
}

/// What [`segment`] finds.
struct Segments {
    sentences: Vec<Segment>,
    sentence_index: SentenceIndex,
    paragraphs: Vec<Segment>,
    paragraph_of_sentence: Vec<u32>,
}

/// Marks sentence starts and collects sentence and paragraph segments.
fn segment(text: &str, tokens: &mut [Token]) -> Segments {
    let n = tokens.len();
    let mut sentences = Vec::with_capacity(text.len() / 96);
    let mut starts = vec![0u64; n.div_ceil(64)];
    let mut paragraphs = Vec::with_capacity(text.len() / 160);
    let mut paragraph_of_sentence = Vec::with_capacity(text.len() / 96);
    let mut sent_start = 0usize;
    let mut para_start = 0usize;
    let mut i = 0usize;
    while i < n {
        // Most tokens neither end a paragraph nor can end a sentence: on to
        // the next that may, reading flags only.
        while i + 1 < n
            && tokens[i].flags & (TERMINAL | ABBREV) == 0
            && tokens[i + 1].flags & PARA_START == 0
        {
            i += 1;
        }
        // Where does the current sentence end? After token i when it ends one.
        let mut end_after = None;
        if i + 1 == n || tokens[i + 1].flags & PARA_START != 0 {
            end_after = Some(i);
        } else {
            let t = tokens[i];
            let abbrev_class = if t.flags & ABBREV != 0 {
                let w = &text[t.span()];
                let w = &w[..w.len() - 1];
                if w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() {
                    Some(AbbrevClass::Title) // an initial: "John F. Kennedy"
                } else if w.contains('.') {
                    Some(AbbrevClass::Any) // U.S., D.C.
                } else {
                    Some(
                        LEXICON
                            .abbreviations
                            .get(w)
                            .copied()
                            .unwrap_or(AbbrevClass::Any),
                    )
                }
            } else {
                None
            };
            if is_terminal(&t) || matches!(abbrev_class, Some(c) if c != AbbrevClass::Title) {
                // Closing marks and brackets glued to the terminal go with it.
                let mut j = i + 1;
                while j < n
                    && tokens[j].flags & (SPACE_BEFORE | PARA_START) == 0
                    && closes(text, &tokens[j])
                {
                    j += 1;
                }
                if j < n && tokens[j].flags & PARA_START == 0 {
                    let next = &tokens[j];
                    let starts = if abbrev_class.is_some() {
                        // After an abbreviation only a clear sentence opener
                        // starts a new sentence: "the U.S. The" but not
                        // "the U.S. Defense Department".
                        next.flags & UPPER != 0 && LEXICON.is_function_word(&text[next.span()])
                            || (j > i + 1)
                    } else {
                        next.flags & SPACE_BEFORE != 0
                            && opens_sentence(next)
                            && !(j > i + 1
                                && quote_opens_sentence(tokens, i, sent_start)
                                && attribution_follows(text, tokens, j))
                    };
                    if starts {
                        end_after = Some(j - 1);
                    }
                }
            }
        }
        if let Some(last) = end_after {
            tokens[sent_start].flags |= SENT_START;
            starts[sent_start / 64] |= 1 << (sent_start % 64);
            sentences.push(Segment::new(tokens, sent_start, last));
            paragraph_of_sentence.push(paragraphs.len() as u32);
            sent_start = last + 1;
            let para_ends = last + 1 == n || tokens[last + 1].flags & PARA_START != 0;
            if para_ends {
                paragraphs.push(Segment::new(tokens, para_start, last));
                para_start = last + 1;
            }
            i = last + 1;
        } else {
            i += 1;
        }
    }
    Segments {
        sentences,
        sentence_index: SentenceIndex::new(starts),
        paragraphs,
        paragraph_of_sentence,
    }
}

/// Whether the quotation that ends after token `i` opened at the start of
/// a sentence (of this paragraph): its opening mark is the first token of
/// the current sentence or of an earlier one. Looks back a bounded way.
fn quote_opens_sentence(tokens: &[Token], i: usize, sent_start: usize) -> bool {
    if tokens[sent_start].mark().is_some() {
        return true;
    }
    // Token i's sentence lies within one paragraph: looking back from its
    // start, the paragraph ends at the first token that starts one.
    for k in (i.saturating_sub(200)..sent_start).rev() {
        let t = &tokens[k];
        if tokens[k + 1].flags & PARA_START != 0 {
            return false;
        }
        if let Some(m) = t.mark() {
            if m.is_double() {
                // The nearest double mark before: our opener when it opens a
                // sentence or the paragraph.
                return m.orientation != Orientation::Close
                    && (t.flags & (SENT_START | PARA_START) != 0);
            }
        }
    }
    false
}

/// Whether the words after a quotation that ends in a terminal (`"Go!"
/// Trump said.`) are its attribution: a lower-case speech verb comes before
/// the next sentence punctuation. Then the quotation and its attribution
/// stay one sentence.
fn attribution_follows(text: &str, tokens: &[Token], from: usize) -> bool {
    // `"…." He said that …` starts a new sentence: a capitalised pronoun
    // does not attribute the quotation before it; a name may.
    if crate::lexicon::is(&text[tokens[from].span()], crate::lexicon::class::PRONOUN) {
        return false;
    }
    let followed_by_colon = |k: usize| {
        tokens
            .get(k + 1)
            .is_some_and(|n| n.kind == TokenKind::Punctuation && &text[n.span()] == ":")
    };
    for (n, t) in tokens.iter().skip(from).take(12).enumerate() {
        if t.flags & PARA_START != 0 && t.span().start > tokens[from].span().start {
            return false;
        }
        let w = &text[t.span()];
        match t.kind {
            // `"…." Mr. Zahed said: "…"` introduces the next quotation.
            TokenKind::Word if t.flags & UPPER == 0 && LEXICON.speech_verb(w).is_some() => {
                return !followed_by_colon(from + n);
            }
            // `"…?" Trump went on` and `"…!" an angry Hollande retaliated`:
            // a short name and a past-tense verb that ends the clause.
            TokenKind::Word
                if t.flags & UPPER == 0
                    && (1..=3).contains(&n)
                    && tokens[from].flags & UPPER != 0
                    && w.ends_with("ed")
                    && tokens.get(from + n + 1).is_none_or(|a| {
                        a.kind == TokenKind::Punctuation || a.flags & PARA_START != 0
                    }) =>
            {
                return true;
            }
            TokenKind::Punctuation if is_terminal(t) => return false,
            TokenKind::Mark(_) => return false,
            _ => {}
        }
    }
    false
}

/// Marks and brackets that close what a terminal period ends.
fn closes(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Mark(m) => m.orientation != Orientation::Open,
        TokenKind::Punctuation => matches!(&text[t.span()], ")" | "]" | "}"),
        _ => false,
    }
}

fn opens_sentence(t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => t.flags & UPPER != 0,
        TokenKind::Number => true,
        TokenKind::Mark(m) => m.orientation != Orientation::Close,
        TokenKind::Punctuation | TokenKind::Symbol => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let doc = Tokenizer::new().tokenize(text);
        doc.tokens().iter().map(|t| doc.token_str(t)).collect()
    }

    fn orientations(text: &str) -> Vec<Orientation> {
        let doc = Tokenizer::new().tokenize(text);
        doc.tokens()
            .iter()
            .filter_map(|t| t.mark().map(|m| m.orientation()))
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            toks("don't rank-and-file O’Brien"),
            ["don't", "rank-and-file", "O’Brien"]
        );
    }

    #[test]
    fn possessive_s_is_split_off() {
        assert_eq!(toks("Abbasi's office"), ["Abbasi", "'s", "office"]);
        assert_eq!(toks("Trump’s call"), ["Trump", "’s", "call"]);
    }

    #[test]
    fn elisions_are_words_not_marks() {
        assert_eq!(
            toks("'Tis ’90s rock 'n' roll"),
            ["'Tis", "’90s", "rock", "'n'", "roll"]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("U.S. Gen. Smith met on Dec. 3 with John F. Kennedy."),
            [
                "U.S.", "Gen.", "Smith", "met", "on", "Dec.", "3", "with", "John", "F.", "Kennedy",
                "."
            ]
        );
    }

    #[test]
    fn skipping_letters_and_digits_eight_at_a_time_stops_where_byte_by_byte_does() {
        let mut bytes: Vec<u8> = (0..=255u8).collect();
        bytes.extend(b"Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{/:");
        for start in 0..bytes.len() {
            let slow = (start..bytes.len())
                .find(|&k| !bytes[k].is_ascii_alphanumeric())
                .unwrap_or(bytes.len());
            assert_eq!(skip_ascii_alnum(&bytes, start), slow, "from {start}");
        }
        // Every byte value right after a run of eight or more letters.
        for b in 0..=255u8 {
            let mut run = b"abcdefghZ9".to_vec();
            run.push(b);
            run.extend(b"abc");
            let expected = if b.is_ascii_alphanumeric() { 14 } else { 10 };
            assert_eq!(skip_ascii_alnum(&run, 0), expected, "byte {b:#x}");
        }
    }

    #[test]
    fn listed_places_are_tokens_that_carry_the_place_class() {
        // Mention finding skips the place list for a name with a token
        // lacking the class: right only if a listed place tokenizes into
        // its words, each with the class.
        use crate::lexicon::class::PLACE_WORD;
        let places = include_str!("lexicon/places.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let mut n = 0;
        for place in places {
            let doc = Tokenizer::new().tokenize(place);
            let words: Vec<&str> = place.split_whitespace().collect();
            let tokens: Vec<&str> = doc.tokens().iter().map(|t| doc.token_str(t)).collect();
            assert_eq!(tokens, words, "{place:?}");
            assert!(
                doc.tokens().iter().all(|t| t.lex() & PLACE_WORD != 0),
                "{place:?}"
            );
            n += 1;
        }
        assert!(n > 100);
    }

    #[test]
    fn every_token_carries_the_classes_of_its_text() {
        let text = "Gen. Mattis SAID the U.S. won't, 'Tis rock 'n' roll: O'Neil's \
                    co-chair, AT&T (and 1990s) \"told\" «Le Monde» SECRETARY-GENERAL \
                    secretary-generals Éric dit ’90s — who pointed out; she\u{0301} is.";
        let doc = Tokenizer::new().tokenize(text);
        for t in doc.tokens() {
            let w = doc.token_str(t);
            assert_eq!(t.lex(), LEXICON.flags(w), "{w:?}");
        }
        let said = doc.tokens().iter().find(|t| doc.token_str(t) == "SAID");
        assert!(said.is_some_and(|t| t.lex() & crate::lexicon::class::SPEECH_VERB != 0));
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("$255 million, 3.5% and 1,000."),
            ["$", "255", "million", ",", "3.5", "%", "and", "1,000", "."]
        );
    }

    #[test]
    fn mark_orientation_from_context() {
        use Orientation::*;
        assert_eq!(
            orientations(r#"He said "yes," then "no.""#),
            [Open, Close, Open, Close]
        );
        assert_eq!(orientations("”Wrong way,” he said"), [Open, Close]);
        assert_eq!(orientations("''NYT style,'' he said"), [Open, Close]);
        assert_eq!(orientations(r#"a"b"#), [Either]);
    }

    #[test]
    fn two_apostrophes_and_backticks_are_double_marks() {
        let doc = Tokenizer::new().tokenize("``Yes,'' he said");
        let glyphs: Vec<MarkGlyph> = doc
            .tokens()
            .iter()
            .filter_map(|t| t.mark().map(|m| m.glyph()))
            .collect();
        assert_eq!(
            glyphs,
            [MarkGlyph::DoubleBacktick, MarkGlyph::TwoApostrophes]
        );
    }

    #[test]
    fn sentences_split_after_terminals_but_not_abbreviations() {
        let doc = Tokenizer::new().tokenize(
            "Mr. Smith went to the U.S. Defense Department. He said \"No.\" Then he left. In the U.S. The end.",
        );
        let sents: Vec<&str> = doc
            .sentences()
            .iter()
            .map(|s| &doc.text()[s.span()])
            .collect();
        assert_eq!(
            sents,
            [
                "Mr. Smith went to the U.S. Defense Department.",
                "He said \"No.\"",
                "Then he left.",
                "In the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn quote_followed_by_lowercase_does_not_split() {
        let doc = Tokenizer::new().tokenize("\"It is done. Really,\" he said. \"Yes!\" she said.");
        assert_eq!(doc.sentences().len(), 3);
    }

    #[test]
    fn paragraphs_are_lines() {
        let doc = Tokenizer::new().tokenize("One.\n\n\nTwo\nThree.\n");
        assert_eq!(doc.paragraphs().len(), 3);
        assert!(doc.tokens()[0].starts_paragraph());
        let paragraphs: Vec<usize> = (0..doc.tokens().len())
            .map(|i| doc.paragraph_of(i))
            .collect();
        assert_eq!(paragraphs, [0, 0, 1, 2, 2]);
        // Each paragraph's token range agrees.
        for (p, seg) in doc.paragraphs().iter().enumerate() {
            assert!(seg.token_range().all(|i| doc.paragraph_of(i) == p));
        }
    }

    #[test]
    fn every_token_knows_its_sentence_across_index_blocks() {
        // Sentences of 1 to 9 tokens, so that starts fall at every place
        // in the index's 64-token blocks, on both sides of their edges.
        let mut text = String::new();
        for k in 0..120 {
            let words = "word ".repeat(k % 8);
            text.push_str(&format!("A {words}end. "));
            if k % 17 == 16 {
                text.push('\n');
            }
        }
        let doc = Tokenizer::new().tokenize(&text);
        assert_eq!(doc.sentences().len(), 120);
        assert!(doc.tokens().len() > 4 * 64);
        for (s, seg) in doc.sentences().iter().enumerate() {
            assert!(
                seg.token_range().all(|i| doc.sentence_of(i) == s),
                "sentence {s}"
            );
            assert!(doc.tokens()[seg.token_range().start].starts_sentence());
        }
    }

    #[test]
    #[should_panic(expected = "out of range")]
    fn sentence_of_a_token_past_the_end_panics() {
        let doc = Tokenizer::new().tokenize("One. Two.");
        doc.sentence_of(doc.tokens().len());
    }

    #[test]
    fn tokens_take_12_bytes_and_keep_32_bit_offsets() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let mark = TokenKind::Mark(Mark {
            glyph: MarkGlyph::RightDouble,
            orientation: Orientation::Close,
        });
        for (start, end) in [
            (0, 1),
            ((1 << 31) + 7, (1 << 31) + 7 + MAX_TOKEN_LEN),
            (MAX_TEXT_LEN - 3, MAX_TEXT_LEN),
        ] {
            let span = Span::new(start, end);
            let lex = crate::lexicon::class::PLACE_WORD | crate::lexicon::class::DETERMINER;
            let t = Token::new(span, mark, UPPER, lex);
            assert_eq!(t.span(), span);
            assert_eq!(t.lex(), lex);
            assert_eq!(t.kind(), mark);
            assert!(t.is_capitalized() && !t.starts_sentence());
        }
    }

    #[test]
    fn tokens_longer_than_the_limit_are_cut_at_character_boundaries() {
        let word = format!("Ab{}", "é".repeat(MAX_TOKEN_LEN));
        let dashes = "-".repeat(2 * MAX_TOKEN_LEN + 5);
        let text = format!("x {word} {dashes} U.{} y", "S.".repeat(MAX_TOKEN_LEN));
        let doc = Tokenizer::new().tokenize(&text);
        let toks = doc.tokens();
        // The pieces of each long token follow each other without a gap.
        let mut at = 0;
        for (i, t) in toks.iter().enumerate() {
            assert!(t.span().len() <= MAX_TOKEN_LEN && !t.span().is_empty());
            assert!(text.is_char_boundary(t.span().start) && text.is_char_boundary(t.span().end));
            // The start of the text counts as a space.
            assert_eq!(t.space_before(), i == 0 || t.span().start > at, "token {i}");
            at = t.span().end;
        }
        let strs: Vec<&str> = toks.iter().map(|t| doc.token_str(t)).collect();
        assert_eq!(strs[0], "x");
        assert_eq!(*strs.last().unwrap(), "y");
        let pieces = |from: usize| {
            let mut k = from + 1;
            while k < toks.len() && !toks[k].space_before() {
                k += 1;
            }
            from..k
        };
        let w = pieces(1);
        assert_eq!(strs[w.clone()].concat(), word);
        assert_eq!(
            w.len(),
            3,
            "{} bytes in pieces of at most {MAX_TOKEN_LEN}",
            word.len()
        );
        assert!(toks[w.start].is_capitalized() && !toks[w.start + 1].is_capitalized());
        let d = pieces(w.end);
        assert_eq!(strs[d.clone()].concat(), dashes);
        assert!(toks[d.clone()]
            .iter()
            .all(|t| t.kind() == TokenKind::Punctuation));
        // "U.S.S.…S.": an abbreviation, whose final period and flag go
        // with the last piece.
        let a = pieces(d.end);
        assert!(a.len() > 1 && a.end == toks.len() - 1);
        assert!(toks[a.start..a.end - 1]
            .iter()
            .all(|t| !t.is_abbreviation()));
        assert!(toks[a.end - 1].is_abbreviation() && strs[a.end - 1].ends_with('.'));
    }

    #[test]
    fn empty_and_whitespace_text() {
        assert!(Tokenizer::new().tokenize("").tokens().is_empty());
        let doc = Tokenizer::new().tokenize(" \n\t ");
        assert!(doc.tokens().is_empty());
        assert!(doc.sentences().is_empty());
    }
}
