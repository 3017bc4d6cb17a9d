//! The whole pipeline behind one call, and its results.

use once_cell::sync::Lazy;

use crate::entities::{cluster, Entities, Entity};
use crate::error::Error;
use crate::mentions::{Mention, MentionFinder};
use crate::quotes::{
    MarkFamilies, Quote, QuoteConfig, QuoteDetector, QuoteKind, SingleQuotes, UnclosedQuotes,
};
use crate::resolver::{demote_unattributed, Cue, Resolution, Rule, SpeakerResolver};
use crate::span::{OffsetIndex, OffsetUnit, Span};
use crate::tokenizer::{Document, MarkFamily, Tokenizer};

/// Runs the whole pipeline: tokenizer, quote detector, mentions, entities,
/// speaker resolver.
///
/// An `Attributor` is immutable and `Send + Sync`: build one and share it
/// across threads.
///
/// ```
/// use whosaid::{Attributor, SingleQuotes};
///
/// let attributor = Attributor::builder()
///     .single_quotes(SingleQuotes::TopLevel)
///     .build()?;
/// let result = attributor.attribute("'It is over,' said the minister.");
/// let quote = result.speech().next().expect("one quotation");
/// assert_eq!(quote.quote().content(), "It is over,");
/// assert_eq!(quote.speaker().map(|s| s.mention_text()), Some("the minister"));
/// # Ok::<(), whosaid::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Attributor {
    tokenizer: Tokenizer,
    detector: QuoteDetector,
    mentions: MentionFinder,
    resolver: SpeakerResolver,
}

/// Builds an [`Attributor`] with non-default settings.
#[derive(Clone, Debug, Default)]
pub struct AttributorBuilder {
    config: QuoteConfig,
}

impl AttributorBuilder {
    /// Which quotation mark families count (all by default).
    pub fn mark_families(mut self, families: MarkFamilies) -> AttributorBuilder {
        self.config.families = families;
        self
    }

    /// Whether single marks delimit top-level quotations (by default, when
    /// the document quotes in them: [`SingleQuotes::Auto`]).
    pub fn single_quotes(mut self, single: SingleQuotes) -> AttributorBuilder {
        self.config.single_quotes = single;
        self
    }

    /// What becomes of quotations that are never closed (by default they end
    /// with their paragraph).
    pub fn unclosed_quotes(mut self, unclosed: UnclosedQuotes) -> AttributorBuilder {
        self.config.unclosed = unclosed;
        self
    }

    /// Builds the attributor.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] when no double mark family is enabled, since
    /// then no quotation could ever be found.
    pub fn build(self) -> Result<Attributor, Error> {
        let f = self.config.families;
        let any_double = [
            MarkFamily::Straight,
            MarkFamily::Curly,
            MarkFamily::Low,
            MarkFamily::Guillemet,
            MarkFamily::Corner,
            MarkFamily::Latex,
            MarkFamily::TwoApostrophes,
        ]
        .into_iter()
        .any(|x| f.contains(x));
        if !any_double {
            return Err(Error::InvalidConfig(
                "no quotation mark family is enabled".to_string(),
            ));
        }
        Ok(Attributor {
            detector: QuoteDetector::with_config(self.config),
            ..Attributor::default()
        })
    }
}

static DEFAULT: Lazy<Attributor> = Lazy::new(Attributor::default);

/// Attributes the quotations of `text` with the default settings.
///
/// ```
/// let text = "\"We will win,\" Smith said. \"No doubt.\"";
/// let result = whosaid::attribute(text);
/// for q in result.speech() {
///     let who = q.speaker().map(|s| s.mention_text()).unwrap_or("?");
///     println!("{} -- {who}", q.quote().as_str());
/// }
/// assert_eq!(result.speech().count(), 2);
/// ```
///
/// # Panics
///
/// Only for a text too large to tokenize: see [`Tokenizer::tokenize`].
pub fn attribute(text: &str) -> Attribution<'_> {
    DEFAULT.attribute(text)
}

impl Attributor {
    /// An attributor with the default settings.
    pub fn new() -> Attributor {
        Attributor::default()
    }

    /// A builder for non-default settings.
    pub fn builder() -> AttributorBuilder {
        AttributorBuilder::default()
    }

    /// The quote detector's settings.
    pub fn quote_config(&self) -> &QuoteConfig {
        self.detector.config()
    }

    /// [`Attributor::attribute`], or [`Error::TooLong`] for a text longer
    /// than [`crate::tokenizer::MAX_TEXT_LEN`] (4 GiB), for programs that
    /// take texts of any size.
    ///
    /// # Errors
    ///
    /// [`Error::TooLong`] only.
    ///
    /// ```
    /// let attributor = whosaid::Attributor::new();
    /// let result = attributor.try_attribute("\"Yes,\" she said.").expect("short text");
    /// assert_eq!(result.speech().count(), 1);
    /// ```
    pub fn try_attribute<'t>(&self, text: &'t str) -> Result<Attribution<'t>, Error> {
        crate::tokenizer::check_len(text)?;
        Ok(self.attribute(text))
    }

    /// Attributes the quotations of `text`. This cannot fail: any `&str`
    /// gives a result, possibly empty.
    ///
    /// # Panics
    ///
    /// Only for a text too large to tokenize, over 4 GiB: see
    /// [`Tokenizer::tokenize`], and [`Attributor::try_attribute`] for a
    /// version that returns an error instead.
    pub fn attribute<'t>(&self, text: &'t str) -> Attribution<'t> {
        let doc = self.tokenizer.tokenize(text);
        let mut quotes = self.detector.detect(&doc);
        if quotes.is_empty() {
            // No quotation, no speaker to find: mentions and entities would
            // be work for nothing.
            return Attribution {
                doc,
                quotes,
                mentions: Vec::new(),
                entities: Entities::default(),
                speakers: Vec::new(),
            };
        }
        let mut mentions = self.mentions.find(&doc, &quotes);
        let entities = cluster(&doc, &mut mentions);
        let mut speakers = self.resolver.resolve(&doc, &quotes, &mentions, &entities);
        demote_unattributed(&doc, &mut quotes, &mut speakers);
        Attribution {
            doc,
            quotes,
            mentions,
            entities,
            speakers,
        }
    }
}

/// The result of attributing one text. Borrows the text.
#[derive(Clone, Debug)]
pub struct Attribution<'t> {
    doc: Document<'t>,
    quotes: Vec<Quote<'t>>,
    mentions: Vec<Mention>,
    entities: Entities<'t>,
    speakers: Vec<Option<Resolution>>,
}

/// A quotation with its speaker.
#[derive(Clone, Copy, Debug)]
pub struct AttributedQuote<'a, 't> {
    result: &'a Attribution<'t>,
    index: usize,
}

/// The speaker of a quotation: the mention, its entity, the cue and the rule
/// that found it.
#[derive(Clone, Copy, Debug)]
pub struct Speaker<'a, 't> {
    result: &'a Attribution<'t>,
    resolution: &'a Resolution,
}

impl<'t> Attribution<'t> {
    /// The attributed text.
    pub fn text(&self) -> &'t str {
        self.doc.text()
    }

    /// The tokenized text.
    pub fn document(&self) -> &Document<'t> {
        &self.doc
    }

    /// Every top-level quoted span, of every kind, in text order.
    pub fn quotes(&self) -> Quotes<'_, 't> {
        Quotes {
            result: self,
            next: 0,
            speech_only: false,
        }
    }

    /// The top-level quotations of reported speech, in text order.
    pub fn speech(&self) -> Quotes<'_, 't> {
        Quotes {
            result: self,
            next: 0,
            speech_only: true,
        }
    }

    /// The mentions found outside quotations, in text order (none when the
    /// text has no quotation: they are only looked for to find speakers).
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The entities the mentions were clustered into (none when the text has
    /// no quotation).
    pub fn entities(&self) -> &[Entity<'t>] {
        self.entities.entities()
    }

    /// The entity of mention `mention`, if resolved.
    pub fn entity_of(&self, mention: usize) -> Option<&Entity<'t>> {
        self.entities
            .entity_of(mention)
            .map(|e| &self.entities.entities()[e])
    }

    /// Owned, serializable records of the quotations, with offsets in `unit`.
    pub fn to_records(&self, unit: OffsetUnit, spans: SpanSelection) -> Vec<QuoteRecord> {
        let index = OffsetIndex::new(self.text());
        let conv = |s: Span| {
            // Every span lies on char boundaries, so conversion succeeds.
            index.convert_span(s, unit).unwrap_or((s.start, s.end))
        };
        let iter = match spans {
            SpanSelection::Speech => self.speech(),
            SpanSelection::All => self.quotes(),
        };
        iter.map(|aq| {
            let q = aq.quote();
            let (start, end) = conv(q.span());
            let speaker = aq.speaker();
            let speaker_span = speaker.map(|s| conv(s.mention_span()));
            QuoteRecord {
                start,
                end,
                text: q.as_str().to_string(),
                kind: q.kind(),
                speaker: speaker.map(|s| s.mention_text().to_string()),
                speaker_start: speaker_span.map(|s| s.0),
                speaker_end: speaker_span.map(|s| s.1),
                entity: speaker
                    .and_then(|s| s.entity())
                    .map(|e| e.name().to_string()),
                cue: speaker.map(|s| s.cue_text()).filter(|c| !c.is_empty()),
                rule: speaker.map(|s| s.rule()),
                confidence: speaker.map(|s| (f64::from(s.confidence()) * 100.0).round() / 100.0),
                unclosed: q.is_unclosed(),
                nested: q
                    .nested()
                    .iter()
                    .map(|n| {
                        let (start, end) = conv(n.span());
                        NestedRecord {
                            start,
                            end,
                            text: n.as_str().to_string(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
    }
}

/// Which quoted spans to write out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SpanSelection {
    /// Only reported speech.
    #[default]
    Speech,
    /// Every top-level quoted span, with its kind.
    All,
}

/// Iterator over the quotations of an [`Attribution`], returned by
/// [`Attribution::quotes`] and [`Attribution::speech`].
#[derive(Clone, Debug)]
pub struct Quotes<'a, 't> {
    result: &'a Attribution<'t>,
    next: usize,
    speech_only: bool,
}

impl<'a, 't> Iterator for Quotes<'a, 't> {
    type Item = AttributedQuote<'a, 't>;

    fn next(&mut self) -> Option<AttributedQuote<'a, 't>> {
        while self.next < self.result.quotes.len() {
            let index = self.next;
            self.next += 1;
            if !self.speech_only || self.result.quotes[index].is_speech() {
                return Some(AttributedQuote {
                    result: self.result,
                    index,
                });
            }
        }
        None
    }
}

impl<'a, 't> AttributedQuote<'a, 't> {
    /// The quotation.
    pub fn quote(&self) -> &'a Quote<'t> {
        &self.result.quotes[self.index]
    }

    /// Its speaker, when one was found.
    pub fn speaker(&self) -> Option<Speaker<'a, 't>> {
        self.result.speakers[self.index]
            .as_ref()
            .map(|resolution| Speaker {
                result: self.result,
                resolution,
            })
    }
}

impl<'a, 't> Speaker<'a, 't> {
    /// The mention that names the speaker here ("he", "the prime minister").
    pub fn mention(&self) -> &'a Mention {
        &self.result.mentions[self.resolution.mention()]
    }

    /// The mention's span.
    pub fn mention_span(&self) -> Span {
        self.mention().span()
    }

    /// The mention's text.
    pub fn mention_text(&self) -> &'t str {
        &self.result.text()[self.mention().span()]
    }

    /// The entity the mention refers to, with its canonical name.
    pub fn entity(&self) -> Option<&'a Entity<'t>> {
        self.resolution
            .entity()
            .map(|e| &self.result.entities.entities()[e])
    }

    /// The cue words.
    pub fn cue(&self) -> &'a Cue {
        self.resolution.cue()
    }

    /// The cue as text: "said", "according to", "quoted ... as ... saying".
    pub fn cue_text(&self) -> String {
        self.resolution.cue().to_text(self.result.text())
    }

    /// The rule that found the speaker.
    pub fn rule(&self) -> Rule {
        self.resolution.rule()
    }

    /// How sure the rule is, between 0 and 1.
    pub fn confidence(&self) -> f32 {
        self.resolution.confidence()
    }
}

/// An owned, serializable quotation with its speaker: one element of the
/// `"quotes"` array of the command line's JSON output.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuoteRecord {
    /// Start of the quotation, marks included.
    pub start: usize,
    /// End of the quotation, marks included.
    pub end: usize,
    /// The quotation, marks included.
    pub text: String,
    /// What kind of quoted span it is.
    pub kind: QuoteKind,
    /// The speaker mention's text.
    pub speaker: Option<String>,
    /// Start of the speaker mention.
    pub speaker_start: Option<usize>,
    /// End of the speaker mention.
    pub speaker_end: Option<usize>,
    /// The canonical name of the speaker's entity.
    pub entity: Option<String>,
    /// The cue words.
    pub cue: Option<String>,
    /// The rule that found the speaker.
    pub rule: Option<Rule>,
    /// The rule's confidence, rounded to two decimals.
    pub confidence: Option<f64>,
    /// Whether the closing mark is missing.
    pub unclosed: bool,
    /// Quotations inside this one.
    pub nested: Vec<NestedRecord>,
}

/// An owned nested quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NestedRecord {
    /// Start, marks included.
    pub start: usize,
    /// End, marks included.
    pub end: usize,
    /// The nested quotation, marks included.
    pub text: String,
}
