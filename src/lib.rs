//! Find the quotations in news text and tell who said them.
//!
//! `whosaid` is a rule-based quote attribution library: no model to
//! download, no Python, linear in the size of the text.
//!
//! # Overview
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
//! on the ones before it and each usable on its own:
//!
//! 1. [`tokenizer`]: byte spans of words, numbers, punctuation and
//!    quotation marks (with a first judgement of their direction),
//!    abbreviations, sentences and paragraphs ([`Tokenizer`]).
//! 2. [`quotes`]: marks paired into quotations, nested ones inside; speech
//!    told apart from titles and scare quotes ([`QuoteDetector`]).
//! 3. [`mentions`]: names with their titles, descriptions, pronouns
//!    ([`MentionFinder`]).
//! 4. [`entities`]: mentions clustered into entities with a canonical name
//!    ([`Entity`]).
//! 5. [`resolver`]: ordered rules find each quotation's speaker
//!    ([`SpeakerResolver`]), recording the [`Rule`] and a confidence.
//!
//! [`attribute`] runs them all with the default settings; an [`Attributor`]
//! runs them with yours.
//!
//! # Offsets
//!
//! Every [`Span`] is a byte range into your text, on character boundaries.
//! [`OffsetIndex`] converts them to Unicode code points (Python) or UTF-16
//! units (JavaScript, Java), and [`Attribution::to_records`] writes owned
//! records in the unit of your choice.
//!
//! # Crate features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `serde` | yes | `Serialize`/`Deserialize` for the records and enums, and the [`jsonl`] module (JSON Lines in, JSON Lines out) |
//!
//! # Performance
//!
//! One pass of byte scanning for tokens, then a pass over the quotation
//! marks to pair them, linear passes over the tokens to find and cluster
//! the mentions, and for each quotation a bounded look at the tokens around
//! it for its speaker. A text without quotation marks stops after the quote
//! detector. Tokens keep 32-bit offsets to stay small, so a document can
//! have up to 4 GiB ([`tokenizer::MAX_TEXT_LEN`]); [`attribute`] panics on
//! a longer one, [`Attributor::try_attribute`] returns [`Error::TooLong`].
//! See the README for measured figures and the commands that produced
//! them.
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
