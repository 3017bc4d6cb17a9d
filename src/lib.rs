//! Find the quotations in news text and tell who said them.
//!
//! `whosaid` is a rule-based quote attribution library for English news:
//! it finds the quoted spans of a text, tells reported speech from titles,
//! nicknames and scare quotes, and names each quotation's speaker (the
//! mention, the cue, the rule that found it, a confidence) and the entity
//! behind the speaker, with a canonical name. No model to download; its
//! cost grows linearly with the text.
//!
//! # Quick start
//!
//! ```
//! let text = "Meanwhile, Abbasi's office quoted the prime minister as \
//!             assuring Mattis of Pakistan's cooperation, saying that \
//!             \"no country benefits more from peace.\"";
//! let result = whosaid::attribute(text);
//! let quote = result.speech().next().expect("one quotation");
//! assert_eq!(quote.quote().content(), "no country benefits more from peace.");
//! let speaker = quote.speaker().expect("a speaker");
//! assert_eq!(speaker.mention_text(), "the prime minister");
//! assert_eq!(speaker.cue_text(), "quoted ... as ... saying");
//! assert_eq!(speaker.rule(), whosaid::Rule::QuotedAs);
//! ```
//!
//! # The pipeline
//!
//! Data flows one way through five stages, each a module that depends only
//! on the ones before it, and each usable on its own:
//!
//! | stage | module | entry point | gives |
//! | --- | --- | --- | --- |
//! | 1 | [`tokenizer`] | [`Tokenizer`] | a [`Document`]: tokens, quotation marks with a first judgement of their direction, sentences, paragraphs |
//! | 2 | [`quotes`] | [`QuoteDetector`] | [`Quote`]s: marks paired into quotations, nested ones inside, each of a [`QuoteKind`] |
//! | 3 | [`mentions`] | [`MentionFinder`] | [`Mention`]s: names with their titles, descriptions, pronouns |
//! | 4 | [`entities`] | [`entities::cluster`] | an [`EntityTable`]: mentions joined into [`Entity`]s, each with a canonical name |
//! | 5 | [`resolver`] | [`SpeakerResolver`] | a [`Resolution`] per quotation, from the ordered steps of [`SpeakerResolver::steps`] |
//!
//! [`attribute`] runs them all with the default settings; an [`Attributor`]
//! runs them with yours and gives the same [`Attribution`].
//!
//! # Results
//!
//! An [`Attribution`] borrows your text. [`Attribution::speech`] yields the
//! quotations of reported speech ([`Attribution::quotes`] every quoted span)
//! as [`AttributedQuote`]s, each with its [`Speaker`];
//! [`Attribution::entities`] yields the document's entity table, each
//! [`AttributedEntity`] with its canonical name, kind, gender (only as the
//! text tells it), mentions and quotations:
//!
//! ```
//! let text = "Sen. Jane Roe spoke on Monday. \"We will win,\" Roe said. \
//!             \"No doubt,\" she added.";
//! let result = whosaid::attribute(text);
//! let roe = result.entities().find(|e| e.quotes().count() > 0).expect("a speaker");
//! assert_eq!(roe.name(), Some("Jane Roe"));
//! assert_eq!(roe.gender(), Some(whosaid::Gender::Female));
//! assert_eq!(roe.quotes().count(), 2);
//! ```
//!
//! # Offsets
//!
//! Every [`Span`] is a byte range into your text, on character boundaries.
//! [`OffsetIndex`] converts spans to Unicode code points (Python's `str`
//! indices) or UTF-16 units (JavaScript, Java), and
//! [`Attribution::to_document`] writes owned, serializable records (a
//! [`DocumentRecord`] of [`QuoteRecord`]s and [`EntityRecord`]s) with
//! offsets in the unit of your choice: the records of the command line's
//! JSON output.
//!
//! # Configuration
//!
//! [`Attributor::builder`] sets which mark families count
//! ([`MarkFamilies`]), whether single marks delimit top-level quotations
//! ([`SingleQuotes`]: decided per document by default, or always, or
//! never) and what becomes of quotations never closed
//! ([`UnclosedQuotes`]). Paragraphs follow the text's own layout: one a
//! line, or hard-wrapped lines with blank lines between paragraphs
//! ([`Layout`], decided per document). An [`Attributor`] is immutable and
//! `Send + Sync`: build one and share it across threads.
//!
//! # Input
//!
//! English news text, as plain text. Tags are yours to strip; the HTML
//! character references of quotation marks (`&quot;`, `&ldquo;`, …) are
//! read as the marks they stand for, and a byte order mark is skipped.
//! In transcripts with speaker labels (`PENCE: …`), each unquoted turn is a
//! quotation of kind [`QuoteKind::Turn`] and each turn, quoted or not, is
//! the label's. A document can have up to 4 GiB
//! ([`tokenizer::MAX_TEXT_LEN`]): [`attribute`] panics on a longer one,
//! [`Attributor::try_attribute`] returns [`Error::TooLong`].
//!
//! # The command line and Python
//!
//! The `attribute` example is the command line: text files or JSON Lines
//! in, a table, JSON or JSON Lines out, in parallel for archives
//! (`cargo run --release --example attribute -- --help`); `tally` counts who
//! is quoted across a corpus, and `evaluate` scores against gold data. The
//! Python package in `python/` (`pip install ./python`) gives
//! `whosaid.attribute` and `whosaid.attribute_many` over this crate, and a
//! PySpark recipe runs it on a cluster. The README describes both.
//!
//! # Crate features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `serde` | yes | `Serialize`/`Deserialize` for the records and enums, and the [`jsonl`] module (JSON Lines in, JSON Lines out) |
//!
//! # Performance
//!
//! One pass of byte scanning for tokens, a pass over the quotation marks to
//! pair them, linear passes over the tokens to find and cluster mentions,
//! and for each quotation a bounded look at the tokens around it. A text
//! without quotation marks stops after the quote detector. `BENCHMARKS.md`
//! in the repository gives the measured figures and the commands that
//! produced them.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod attribution;
pub mod entities;
mod error;
#[cfg(feature = "serde")]
pub mod jsonl;
mod lexicon;
pub mod mentions;
pub mod quotes;
pub mod resolver;
mod span;
mod speech;
pub mod tokenizer;
mod transcript;

// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use attribution::{
    attribute, AttributedEntity, AttributedQuote, Attribution, Attributor, AttributorBuilder,
    DocumentRecord, Entities, EntityRecord, MentionRecord, NestedRecord, QuoteRecord, Quotes,
    SpanSelection, Speaker,
};
pub use entities::{Entity, EntityCategory, EntityId, EntityTable, Gender, MentionId};
pub use error::Error;
pub use mentions::{EntityKind, Mention, MentionFinder, MentionKind};
pub use quotes::{
    MarkFamilies, Quote, QuoteConfig, QuoteDetector, QuoteKind, SingleQuotes, UnclosedQuotes,
};
pub use resolver::{Cue, Resolution, Rule, SpeakerResolver};
pub use span::{OffsetIndex, OffsetUnit, Span};
pub use tokenizer::{
    Document, Layout, Mark, MarkFamily, MarkGlyph, Orientation, Segment, Token, TokenKind,
    Tokenizer,
};
