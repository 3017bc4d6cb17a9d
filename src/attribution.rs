//! The whole pipeline behind one call, and its results.

use once_cell::sync::Lazy;

use crate::entities::{cluster, Entity, EntityCategory, EntityId, EntityTable, Gender, MentionId};
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
                entities: EntityTable::default(),
                speakers: Vec::new(),
            };
        }
        let mentions = self.mentions.find(&doc, &quotes);
        let mut entities = cluster(&doc, &mentions);
        let mut speakers = self.resolver.resolve(&doc, &quotes, &mentions, &entities);
        // The resolver may settle a pronoun speaker's entity with the
        // speaker of the quotation before it: the table follows.
        for r in speakers.iter().flatten() {
            if let Some(e) = r.entity() {
                if entities.entity_of(r.mention()) != Some(e) {
                    entities.reassign(r.mention(), e);
                }
            }
        }
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
///
/// ```
/// let text = "\"We will appeal,\" said Jane Roe, the mayor. Critics called the plan a \"disgrace.\"";
/// let result = whosaid::attribute(text);
/// assert_eq!(result.speech().count(), 2);
/// let who: Vec<Option<&str>> = result
///     .speech()
///     .map(|q| q.speaker().and_then(|s| s.entity()).and_then(|e| e.name()))
///     .collect();
/// assert_eq!(who, [Some("Jane Roe"), None]);
/// assert!(result.mentions().len() >= 3);
/// ```
#[derive(Clone, Debug)]
pub struct Attribution<'t> {
    doc: Document<'t>,
    quotes: Vec<Quote<'t>>,
    mentions: Vec<Mention>,
    entities: EntityTable<'t>,
    speakers: Vec<Option<Resolution>>,
}

/// A quotation with its speaker.
///
/// ```
/// let result = whosaid::attribute("\"It is over,\" the minister said.");
/// let q = result.speech().next().expect("a quotation");
/// assert_eq!(q.quote().as_str(), "\"It is over,\"");
/// assert_eq!(q.speaker().map(|s| s.mention_text()), Some("the minister"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AttributedQuote<'a, 't> {
    result: &'a Attribution<'t>,
    index: usize,
}

/// The speaker of a quotation: the mention, its entity, the cue and the rule
/// that found it.
///
/// ```
/// use whosaid::Rule;
///
/// let text = "Jane Roe told reporters: \"We won.\"";
/// let result = whosaid::attribute(text);
/// let s = result.speech().next().and_then(|q| q.speaker()).expect("a speaker");
/// assert_eq!((s.mention_text(), s.cue_text().as_str()), ("Jane Roe", "told"));
/// assert_eq!(s.rule(), Rule::CueBefore);
/// assert_eq!(&text[s.mention_span()], "Jane Roe");
/// assert!(s.confidence() > 0.5);
/// ```
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

    /// The top-level quotations of reported speech and transcript turns, in
    /// text order.
    pub fn speech(&self) -> Quotes<'_, 't> {
        Quotes {
            result: self,
            next: 0,
            speech_only: true,
        }
    }

    /// The mentions found outside quotations, in text order (none when the
    /// text has no quotation: they are only looked for to find speakers). A
    /// [`MentionId`] is a position in this list.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mention `id`, if this result has it.
    pub fn mention(&self, id: MentionId) -> Option<&Mention> {
        self.mentions.get(id.index())
    }

    /// The document's entity table: every entity its mentions were
    /// clustered into, in order of first mention, each with its quotations
    /// (none when the text has no quotation).
    ///
    /// ```
    /// let text = "\"We will win,\" said Sen. Jane Roe. \"No doubt,\" Roe added.";
    /// let result = whosaid::attribute(text);
    /// let roe = result.entities().next().expect("one entity");
    /// assert_eq!(roe.name(), Some("Jane Roe"));
    /// assert_eq!(roe.quotes().count(), 2);
    /// assert_eq!(roe.mentions().count(), 2);
    /// ```
    pub fn entities(&self) -> Entities<'_, 't> {
        Entities {
            result: self,
            next: 0,
        }
    }

    /// The entity `id`, if this result has it.
    pub fn entity(&self, id: EntityId) -> Option<AttributedEntity<'_, 't>> {
        self.entities.get(id).map(|entity| AttributedEntity {
            result: self,
            entity,
        })
    }

    /// The entity of mention `mention`, if resolved.
    pub fn entity_of(&self, mention: MentionId) -> Option<AttributedEntity<'_, 't>> {
        self.entity(self.entities.entity_of(mention)?)
    }

    /// The stage-4 table behind [`Attribution::entities`].
    pub fn entity_table(&self) -> &EntityTable<'t> {
        &self.entities
    }

    /// Owned, serializable records of the quotations, with offsets in `unit`.
    pub fn to_records(&self, unit: OffsetUnit, spans: SpanSelection) -> Vec<QuoteRecord> {
        self.to_document(unit, spans).quotes
    }

    /// The owned, serializable record of the whole result: the quotations
    /// and the entity table, with offsets in `unit`; what the command line
    /// writes for each document.
    ///
    /// ```
    /// use whosaid::{OffsetUnit, SpanSelection};
    ///
    /// let result = whosaid::attribute("\"Yes,\" Jane Roe said. \"No,\" she said.");
    /// let doc = result.to_document(OffsetUnit::Chars, SpanSelection::Speech);
    /// assert_eq!(doc.quotes.len(), 2);
    /// let id = doc.quotes[1].entity_id.expect("resolved");
    /// assert_eq!(doc.entities[id].name.as_deref(), Some("Jane Roe"));
    /// assert_eq!(doc.entities[id].quotes, [0, 1]);
    /// ```
    pub fn to_document(&self, unit: OffsetUnit, spans: SpanSelection) -> DocumentRecord {
        let index = OffsetIndex::new(self.text());
        let conv = |s: Span| {
            // Every span lies on char boundaries, so conversion succeeds.
            index.convert_span(s, unit).unwrap_or((s.start, s.end))
        };
        let iter = match spans {
            SpanSelection::Speech => self.speech(),
            SpanSelection::All => self.quotes(),
        };
        let mut entity_quotes: Vec<Vec<usize>> = vec![Vec::new(); self.entities.len()];
        let quotes = iter
            .enumerate()
            .map(|(i, aq)| {
                let q = aq.quote();
                let (start, end) = conv(q.span());
                let speaker = aq.speaker();
                // The speaker's phrase, read once for its text and offsets.
                let phrase = speaker.map(|s| s.span());
                let speaker_span = phrase.map(conv);
                let entity = speaker.and_then(|s| s.entity());
                if let Some(e) = entity {
                    entity_quotes[e.id().index()].push(i);
                }
                QuoteRecord {
                    start,
                    end,
                    text: q.as_str().to_string(),
                    kind: q.kind(),
                    speaker: phrase.map(|p| self.text()[p].to_string()),
                    speaker_start: speaker_span.map(|s| s.0),
                    speaker_end: speaker_span.map(|s| s.1),
                    entity: entity.and_then(|e| e.name()).map(str::to_string),
                    entity_id: entity.map(|e| e.id().index()),
                    cue: speaker.map(|s| s.cue_text()).filter(|c| !c.is_empty()),
                    rule: speaker.map(|s| s.rule()),
                    confidence: speaker
                        .map(|s| (f64::from(s.confidence()) * 100.0).round() / 100.0),
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
            .collect();
        let entities = self
            .entities
            .entities()
            .iter()
            .zip(entity_quotes)
            .map(|(e, quotes)| EntityRecord {
                id: e.id().index(),
                name: e.name().map(str::to_string),
                kind: e.kind().category(),
                gender: e.gender(),
                mentions: e
                    .mentions()
                    .iter()
                    .filter_map(|&m| self.mention(m))
                    .map(|m| {
                        let (start, end) = conv(m.span());
                        MentionRecord {
                            start,
                            end,
                            text: m.as_str(self.text()).to_string(),
                        }
                    })
                    .collect(),
                quotes,
            })
            .collect();
        DocumentRecord { quotes, entities }
    }
}

/// Iterator over the entity table of an [`Attribution`], returned by
/// [`Attribution::entities`].
#[derive(Clone, Debug)]
pub struct Entities<'a, 't> {
    result: &'a Attribution<'t>,
    next: usize,
}

impl<'a, 't> Iterator for Entities<'a, 't> {
    type Item = AttributedEntity<'a, 't>;

    fn next(&mut self) -> Option<AttributedEntity<'a, 't>> {
        let entity = self.result.entities.entities().get(self.next)?;
        self.next += 1;
        Some(AttributedEntity {
            result: self.result,
            entity,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.result.entities.len() - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Entities<'_, '_> {}

/// An entity of an [`Attribution`]: its canonical name, kind and gender,
/// its mentions, and the quotations attributed to it.
///
/// ```
/// use whosaid::{EntityKind, Gender};
///
/// let text = "Prime Minister Jane Roe spoke. \"We will act,\" she said.";
/// let result = whosaid::attribute(text);
/// let quote = result.speech().next().expect("one quotation");
/// let roe = quote.speaker().and_then(|s| s.entity()).expect("an entity");
/// assert_eq!(roe.name(), Some("Jane Roe"));
/// assert_eq!(roe.kind(), EntityKind::Person);
/// assert_eq!(roe.gender(), Some(Gender::Female));
/// let mentions: Vec<&str> = roe.mentions().map(|m| m.as_str(text)).collect();
/// assert_eq!(mentions, ["Prime Minister Jane Roe", "she"]);
/// assert_eq!(roe.quotes().count(), 1);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AttributedEntity<'a, 't> {
    result: &'a Attribution<'t>,
    entity: &'a Entity<'t>,
}

impl<'a, 't> AttributedEntity<'a, 't> {
    /// Its id in the entity table.
    pub fn id(&self) -> EntityId {
        self.entity.id()
    }

    /// The canonical name (see [`Entity::name`]).
    pub fn name(&self) -> Option<&'t str> {
        self.entity.name()
    }

    /// What it is.
    pub fn kind(&self) -> crate::EntityKind {
        self.entity.kind()
    }

    /// Its gender, when the text tells it.
    pub fn gender(&self) -> Option<Gender> {
        self.entity.gender()
    }

    /// The entity as the entity stage made it.
    pub fn entity(&self) -> &'a Entity<'t> {
        self.entity
    }

    /// Its mentions, in text order.
    pub fn mentions(&self) -> impl Iterator<Item = &'a Mention> + 'a {
        let result = self.result;
        self.entity
            .mentions()
            .iter()
            .filter_map(move |&m| result.mention(m))
    }

    /// The quotations attributed to it, in text order.
    pub fn quotes(&self) -> impl Iterator<Item = AttributedQuote<'a, 't>> + 'a {
        let (result, id) = (self.result, self.entity.id());
        result
            .quotes()
            .filter(move |q| q.speaker().and_then(|s| s.entity_id()) == Some(id))
    }
}

/// Which quoted spans to write out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SpanSelection {
    /// Only reported speech and transcript turns.
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
        &self.result.mentions[self.resolution.mention().index()]
    }

    /// The mention's span.
    pub fn mention_span(&self) -> Span {
        self.mention().span()
    }

    /// The mention's text.
    pub fn mention_text(&self) -> &'t str {
        &self.result.text()[self.mention().span()]
    }

    /// The speaker's whole phrase: the mention with the possessors right
    /// before it ("Obama's former campaign strategist", "his spokesman",
    /// "the Democrats' leader"), as a reader names the speaker. The same
    /// as [`Speaker::mention_span`] for a mention with no possessor.
    ///
    /// ```
    /// let text = "\"We will win,\" said Obama's former campaign strategist.";
    /// let result = whosaid::attribute(text);
    /// let s = result.speech().next().and_then(|q| q.speaker()).expect("a speaker");
    /// assert_eq!(s.mention_text(), "former campaign strategist");
    /// assert_eq!(s.text(), "Obama's former campaign strategist");
    /// assert_eq!(&text[s.span()], s.text());
    /// ```
    pub fn span(&self) -> Span {
        let mentions = &self.result.mentions;
        let tokens = self.result.doc.tokens();
        let mut m = self.resolution.mention().index();
        let mut start = mentions[m].token_range().start;
        // Each possessor, the one before owning the phrase so far.
        while let Some(p) = m.checked_sub(1).filter(|&p| mentions[p].owns_from(start)) {
            m = p;
            start = mentions[p].token_range().start;
        }
        let end = self.mention().span().end;
        Span::new(tokens[start].span().start, end)
    }

    /// The text of [`Speaker::span`].
    pub fn text(&self) -> &'t str {
        &self.result.text()[self.span()]
    }

    /// The entity the mention refers to, with its canonical name.
    pub fn entity(&self) -> Option<AttributedEntity<'a, 't>> {
        let entity = self.result.entities.get(self.resolution.entity()?)?;
        Some(AttributedEntity {
            result: self.result,
            entity,
        })
    }

    /// The id of the entity the mention refers to.
    pub fn entity_id(&self) -> Option<EntityId> {
        self.resolution.entity()
    }

    /// The id of the speaker mention.
    pub fn mention_id(&self) -> MentionId {
        self.resolution.mention()
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
    /// The speaker as the text names it: [`Speaker::text`], the mention
    /// with any possessor before it.
    pub speaker: Option<String>,
    /// Start of the speaker mention.
    pub speaker_start: Option<usize>,
    /// End of the speaker mention.
    pub speaker_end: Option<usize>,
    /// The canonical name of the speaker's entity (`None` also for an
    /// entity without a name).
    pub entity: Option<String>,
    /// The speaker's entity: its position in [`DocumentRecord::entities`].
    pub entity_id: Option<usize>,
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

/// An owned mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MentionRecord {
    /// Start of the mention.
    pub start: usize,
    /// End of the mention.
    pub end: usize,
    /// The mention's text.
    pub text: String,
}

/// An owned entity of the entity table: one element of the `"entities"`
/// array of the command line's JSON output.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EntityRecord {
    /// Its position in the table, the `entity_id` of its quotations.
    pub id: usize,
    /// The canonical name, or `None` for an entity only ever described.
    pub name: Option<String>,
    /// Person, organisation or other.
    pub kind: EntityCategory,
    /// Its gender, when the text tells it.
    pub gender: Option<Gender>,
    /// Its mentions, in text order.
    pub mentions: Vec<MentionRecord>,
    /// The positions, in [`DocumentRecord::quotes`], of the quotations
    /// attributed to it.
    pub quotes: Vec<usize>,
}

/// The owned record of one attributed document: its quotations and its
/// entity table.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocumentRecord {
    /// The quotations, in text order.
    pub quotes: Vec<QuoteRecord>,
    /// Every entity of the document, in order of first mention.
    pub entities: Vec<EntityRecord>,
}
