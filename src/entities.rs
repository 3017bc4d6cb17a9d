//! Stage 4: mentions clustered into entities, each with a canonical name.
//!
//! Mentions are read in text order, in three passes.
//!
//! 1. **Names** join the entity of an earlier name they repeat, shorten or
//!    extend word for word: a surname ("Mattis" of "Jim Mattis"), a given
//!    name, a longer form ("Jim Mattis" after "Mattis"), the same first and
//!    last word ("Donald J. Trump", "Donald Trump"), initials ("IMF").
//!    Labels before a name are not part of it ("Republican Donald Trump" is
//!    "Donald Trump"), nor are the words of a Title Case headline before a
//!    given name. A person's surname never joins something named after the
//!    person ("Trump Tower", "Clinton Foundation"), and a person never joins
//!    an organisation or a place. When several people share the surname,
//!    the one named most recently wins.
//! 2. **Descriptions** join the entity the text introduces them with: an
//!    apposition ("Jim Mattis, the defense secretary," or "the defense
//!    secretary, Jim Mattis,"), or, for a definite description, the most
//!    recent entity whose titles and labels it repeats ("the Vermont
//!    senator" after "Vermont Sen. Bernie Sanders") or, for an
//!    organisation, whose name holds its head ("the commission" after "the
//!    Commission on Presidential Debates"; "the newspaper" after a
//!    newspaper). A description that joins no named entity makes an entity
//!    without a name.
//! 3. **Pronouns** take the most salient compatible entity of the sentences
//!    before them: each earlier mention of an entity in the pronoun's
//!    sentence and the two before with mentions adds to its salience,
//!    halved for each sentence back, more for its own paragraph, a clause
//!    subject, a speaker, a name; "he" and "she" take people of that gender
//!    (never places or organisations), "it" organisations and documents,
//!    "they" groups and organisations. A relative "who" takes the mention
//!    it follows; "I" in a letter or column takes its signed author. A
//!    possessive pronoun is resolved only before a speech noun ("his
//!    claim"), where it can speak.
//!
//! An entity's canonical name is the fullest name the text gives it,
//! without titles and labels; an entity only ever described has none
//! (except a description built on a name, such as "the Trump campaign").
//! Its gender is told only by the text: "Mr.", "Ms.", "spokeswoman", or
//! the pronouns that refer to it.

use std::cell::Cell;
use std::fmt;
use std::ops::Range;

use crate::lexicon::{
    class, hash_bytes, with_lower, Gender as Grammatical, HashKeyMap, HeadKind, Naming,
    OrganisationHead, LEXICON,
};
use crate::mentions::{
    age_noun, family_compound, is_age, is_compound_modifier, is_demonym, is_determiner,
    is_organisation_word, quoted_object_pronoun, EntityKind, Mention, MentionKind,
};
use crate::span::Span;
use crate::tokenizer::{Document, TokenKind};

/// The index of a mention in the mention list of a document
/// ([`crate::Attribution::mentions`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct MentionId(u32);

/// The index of an entity in the entity table of a document
/// ([`EntityTable::entities`], [`crate::Attribution::entities`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct EntityId(u32);

macro_rules! id_type {
    ($t:ident) => {
        impl $t {
            /// The id of position `index`.
            ///
            /// # Panics
            ///
            /// When `index` does not fit in 32 bits (a document has fewer
            /// mentions and entities than tokens, so ids from the crate
            /// always fit).
            pub fn new(index: usize) -> $t {
                $t(u32::try_from(index).expect("an id fits in 32 bits"))
            }

            /// The position it stands for.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl From<$t> for usize {
            fn from(id: $t) -> usize {
                id.index()
            }
        }
    };
}

id_type!(MentionId);
id_type!(EntityId);

/// A person's gender, as the text itself tells it: a title ("Mr.", "Ms."),
/// a gendered noun ("spokeswoman") or the pronouns that refer to the
/// person. Never guessed from a list of names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Gender {
    /// "she", "Ms.", "Mrs.", "spokeswoman".
    Female,
    /// "he", "Mr.", "spokesman".
    Male,
}

impl Gender {
    /// The name written in JSON output (`"female"`, `"male"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }
}

/// The three kinds of entity that quotation counts tell apart, as the JSON
/// output writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EntityCategory {
    /// One person.
    Person,
    /// A company, party, agency, newspaper, campaign, government.
    Organisation,
    /// Anything else: a group of people, a place, a document, or an
    /// entity the words do not tell.
    Other,
}

impl EntityCategory {
    /// The name written in JSON output (`"person"`, `"organisation"`,
    /// `"other"`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityCategory::Person => "person",
            EntityCategory::Organisation => "organisation",
            EntityCategory::Other => "other",
        }
    }
}

impl EntityKind {
    /// The category counted in output: people, organisations, and the rest.
    pub fn category(self) -> EntityCategory {
        match self {
            EntityKind::Person => EntityCategory::Person,
            EntityKind::Organisation => EntityCategory::Organisation,
            _ => EntityCategory::Other,
        }
    }
}

/// An entity: one person, organisation or thing, mentioned one or more
/// times.
///
/// ```
/// use whosaid::entities::cluster;
/// use whosaid::{EntityKind, Gender, MentionFinder, QuoteDetector, Tokenizer};
///
/// let text = "Republican Jane Roe spoke first. Roe said she would win.";
/// let doc = Tokenizer::new().tokenize(text);
/// let quotes = QuoteDetector::new().detect(&doc);
/// let mentions = MentionFinder::new().find(&doc, &quotes);
/// let table = cluster(&doc, &mentions);
/// let roe = &table.entities()[0];
/// assert_eq!(roe.name(), Some("Jane Roe"));
/// assert_eq!(roe.kind(), EntityKind::Person);
/// assert_eq!(roe.gender(), Some(Gender::Female));
/// // "Republican Jane Roe", "Roe" and "she".
/// assert_eq!(roe.mentions().len(), 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<'t> {
    id: EntityId,
    name: Option<&'t str>,
    name_span: Option<Span>,
    kind: EntityKind,
    gender: Option<Gender>,
    mentions: MentionList,
}

/// The mentions of an entity. Most entities are mentioned once, and one
/// mention is kept without an allocation of its own.
#[derive(Clone)]
enum MentionList {
    One(MentionId),
    Many(Vec<MentionId>),
}

impl MentionList {
    fn as_slice(&self) -> &[MentionId] {
        match self {
            MentionList::One(only) => std::slice::from_ref(only),
            MentionList::Many(list) => list,
        }
    }
}

/// Compared and printed as the list it holds, however it is kept.
impl PartialEq for MentionList {
    fn eq(&self, other: &MentionList) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for MentionList {}

impl fmt::Debug for MentionList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<'t> Entity<'t> {
    /// Its id in the document's entity table.
    pub fn id(&self) -> EntityId {
        self.id
    }

    /// The canonical name: the fullest name the text gives it, without
    /// titles or labels ("Shahid Khaqan Abbasi"); `None` for an entity
    /// only ever described ("a White House spokesman").
    pub fn name(&self) -> Option<&'t str> {
        self.name
    }

    /// Where the canonical name stands in the text.
    pub fn name_span(&self) -> Option<Span> {
        self.name_span
    }

    /// What the entity is, as far as the text tells.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// Its gender, when the text tells it (see [`Gender`]).
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }

    /// Its mentions, in text order.
    pub fn mentions(&self) -> &[MentionId] {
        self.mentions.as_slice()
    }
}

/// The entities of a document and the entity of each mention: what
/// [`cluster`] returns.
#[derive(Clone, Debug, Default)]
pub struct EntityTable<'t> {
    entities: Vec<Entity<'t>>,
    /// The entity of each mention, [`NO_ENTITY`] for none.
    of_mention: Vec<u32>,
    /// The kind of each mention, settled with its entity's evidence.
    kinds: Vec<EntityKind>,
    /// For each resolved pronoun, in mention order, the most salient
    /// entities it could refer to and their salience, best first.
    antecedents: Vec<(u32, Antecedents)>,
}

/// The best few antecedents of a pronoun and their salience.
type Antecedents = [(u32, f32); 3];

/// An unresolved mention in [`EntityTable::of_mention`].
const NO_ENTITY: u32 = u32::MAX;

impl<'t> EntityTable<'t> {
    /// All entities, in order of first mention; an entity's id is its
    /// position here.
    pub fn entities(&self) -> &[Entity<'t>] {
        &self.entities
    }

    /// The entity `id`, if this table has it.
    pub fn get(&self, id: EntityId) -> Option<&Entity<'t>> {
        self.entities.get(id.index())
    }

    /// The entity of mention `mention`, if it was resolved (`None` also for
    /// a mention this table does not have).
    pub fn entity_of(&self, mention: MentionId) -> Option<EntityId> {
        self.of_mention
            .get(mention.index())
            .and_then(|&e| (e != NO_ENTITY).then_some(EntityId(e)))
    }

    /// The kind of mention `mention`, settled with all the evidence of its
    /// entity (a name once titled, or referred to as "he", is a person);
    /// `None` for a mention this table does not have.
    pub fn kind_of(&self, mention: MentionId) -> Option<EntityKind> {
        self.kinds.get(mention.index()).copied()
    }

    /// The entities pronoun `mention` could refer to, by salience, best
    /// first (none for a mention that is not a resolved pronoun).
    pub(crate) fn antecedents(
        &self,
        mention: MentionId,
    ) -> impl Iterator<Item = (EntityId, f32)> + '_ {
        let i = self
            .antecedents
            .binary_search_by_key(&(mention.index() as u32), |&(m, _)| m);
        i.ok()
            .into_iter()
            .flat_map(move |i| self.antecedents[i].1.iter())
            .filter(|&&(e, _)| e != NO_ENTITY)
            .map(|&(e, s)| (EntityId(e), s))
    }

    /// Makes `entity` the entity of `mention`: the speaker resolver settles
    /// a pronoun speaker with the speaker of the quotation before it.
    pub(crate) fn reassign(&mut self, mention: MentionId, entity: EntityId) {
        let (m, e) = (mention.index(), entity.index());
        if m >= self.of_mention.len() || e >= self.entities.len() {
            return;
        }
        let old = self.of_mention[m];
        if old == entity.0 {
            return;
        }
        if old != NO_ENTITY {
            let list: Vec<MentionId> = self.entities[old as usize]
                .mentions()
                .iter()
                .copied()
                .filter(|&x| x != mention)
                .collect();
            self.entities[old as usize].mentions = MentionList::Many(list);
        }
        let mut list = self.entities[e].mentions().to_vec();
        let at = list.partition_point(|&x| x < mention);
        list.insert(at, mention);
        self.entities[e].mentions = MentionList::Many(list);
        self.of_mention[m] = entity.0;
        if self.entities[e].kind != EntityKind::Unknown {
            self.kinds[m] = self.entities[e].kind;
        }
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there is no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// Clusters `mentions` (as [`crate::MentionFinder::find`] returns them for
/// `doc`) into entities.
///
/// Mentions out of text order are taken in text order; a mention that does
/// not belong to `doc` (its tokens out of range, or its span not theirs)
/// gets no entity.
///
/// ```
/// use whosaid::entities::{cluster, MentionId};
/// use whosaid::{MentionFinder, QuoteDetector, Tokenizer};
///
/// let text = "Jim Mattis landed. Mattis met the press. He smiled.";
/// let doc = Tokenizer::new().tokenize(text);
/// let mentions = MentionFinder::new().find(&doc, &QuoteDetector::new().detect(&doc));
/// let table = cluster(&doc, &mentions);
/// let he = table.entity_of(MentionId::new(mentions.len() - 1)).expect("resolved");
/// assert_eq!(table.get(he).and_then(|e| e.name()), Some("Jim Mattis"));
/// ```
pub fn cluster<'t>(doc: &Document<'t>, mentions: &[Mention]) -> EntityTable<'t> {
    let sorted = mentions
        .windows(2)
        .all(|w| w[0].token_range().start <= w[1].token_range().start);
    if sorted {
        return Builder::new(doc, mentions).run();
    }
    // Clustered in text order, then handed back in the caller's order.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| (mentions[m].token_range().start, m));
    let in_order: Vec<Mention> = order.iter().map(|&m| mentions[m].clone()).collect();
    let table = Builder::new(doc, &in_order).run();
    let mut of_mention = vec![NO_ENTITY; mentions.len()];
    let mut kinds = vec![EntityKind::Unknown; mentions.len()];
    for (sorted_at, &m) in order.iter().enumerate() {
        of_mention[m] = table.of_mention[sorted_at];
        kinds[m] = table.kinds[sorted_at];
    }
    let mut antecedents: Vec<(u32, Antecedents)> = table
        .antecedents
        .iter()
        .map(|&(m, a)| (order[m as usize] as u32, a))
        .collect();
    antecedents.sort_by_key(|&(m, _)| m);
    let mut entities = table.entities;
    for e in &mut entities {
        let mut list: Vec<MentionId> = e
            .mentions()
            .iter()
            .map(|m| MentionId::new(order[m.index()]))
            .collect();
        list.sort();
        e.mentions = match list.as_slice() {
            [one] => MentionList::One(*one),
            _ => MentionList::Many(list),
        };
    }
    EntityTable {
        entities,
        of_mention,
        kinds,
        antecedents,
    }
}

/// How many of the most recent entities filed under one key a name is
/// compared with: enough for any article, and a bound that keeps a text of
/// endless look-alike names linear.
const NAME_CANDIDATES: usize = 32;

/// How many mentions back a description looks for the entity it
/// describes, and a pronoun for its antecedent.
const LOOK_BACK: usize = 64;

/// How many entities a pronoun's look-back weighs at most.
const SALIENCE_CANDIDATES: usize = 24;

/// How many sentences before its own a pronoun's antecedent may stand in.
const PRONOUN_SENTENCES: usize = 2;

/// How many sentences back a gendered pronoun with no antecedent in
/// [`PRONOUN_SENTENCES`] looks for the one person of its gender.
const WIDE_PRONOUN_SENTENCES: usize = 5;

/// What the builder knows of an entity while it clusters.
#[derive(Clone, Copy)]
struct State {
    /// The tokens of the fullest name so far, without titles and labels.
    name: Option<(u32, u32)>,
    /// The number of words of that name that names are matched on (its
    /// suffixes "Jr.", "III" left out).
    words: u8,
    /// Where the hashes of those words stand in [`Builder::name_words`],
    /// and the tokens they were read from; the same for the nickname form
    /// of the name (`nick_len` 0 for none).
    words_at: u32,
    matched: (u32, u32),
    nick_at: u32,
    nick_len: u8,
    nick: (u32, u32),
    /// Kind, from the words of its names and descriptions, its titles, and
    /// the pronouns that refer to it.
    kind: EntityKind,
    /// A person: titled, or with a given name, a person description, or "he"
    /// or "she" referring to it.
    person: bool,
    /// Named after someone ("Trump Tower"): a surname alone never joins it.
    thing: bool,
    /// Named next to a speech verb ("X said", "said X").
    speaks: bool,
    /// Evidence of gender from the text: titles, gendered nouns, pronouns.
    female: u16,
    male: u16,
    /// The gender of its given name, from the list (only to choose between
    /// antecedents, never reported).
    given: Grammatical,
    /// The head token of its latest name mention, and its sentence.
    last_named: u32,
    last_named_sentence: u32,
    /// How many name mentions it has so far.
    named: u32,
    /// Whether every name it has stands in a headline.
    headline_only: bool,
    /// How many mentions it has so far, and the first of them.
    count: u32,
    first: u32,
    /// The age the text gives after a name ("Tom Hale, 31,"), 0 if none.
    age: u8,
}

impl State {
    fn new(kind: EntityKind) -> State {
        State {
            name: None,
            words: 0,
            words_at: 0,
            matched: (0, 0),
            nick_at: 0,
            nick_len: 0,
            nick: (0, 0),
            kind,
            person: kind == EntityKind::Person,
            thing: false,
            speaks: false,
            female: 0,
            male: 0,
            given: Grammatical::Any,
            last_named: 0,
            last_named_sentence: 0,
            named: 0,
            headline_only: false,
            age: 0,
            count: 0,
            first: u32::MAX,
        }
    }

    /// The gender the text gives, or else the given name's.
    fn gender(&self) -> Grammatical {
        match self.text_gender() {
            Grammatical::Any => self.given,
            g => g,
        }
    }

    /// Whether it is a person: by its kind, or by the evidence `person`
    /// keeps (a title, a given name, a person description, "he" or "she").
    fn is_person(&self) -> bool {
        self.kind == EntityKind::Person || self.person
    }

    /// The gender the text itself gives the entity (titles, gendered heads,
    /// pronouns), without its given name.
    fn text_gender(&self) -> Grammatical {
        if self.female > self.male {
            Grammatical::Feminine
        } else if self.male > self.female {
            Grammatical::Masculine
        } else {
            Grammatical::Any
        }
    }
}

/// What a name is filed under in the [`NameIndex`], so that the names it
/// may corefer with are found by a few hash lookups instead of a scan. A key
/// is the hash of a run of words and of the way the run stands in the
/// name; a collision is harmless, as every candidate is compared word for
/// word.
#[derive(Clone, Copy)]
enum NameKey {
    /// The whole name.
    Full = 1,
    /// A proper suffix ("Mattis" of "Jim Mattis").
    Suffix,
    /// A proper prefix ("Jim" of "Jim Mattis", "Bank of" of "Bank of
    /// America").
    Prefix,
    /// The first and the last word of a name of two words or more.
    FirstLast,
    /// The initials of a name of two capitalised words or more ("IMF"),
    /// or an acronym's own word.
    Initials,
}

impl NameKey {
    /// The key of the words whose hashes are `words`.
    fn of(self, words: &[u64]) -> u64 {
        let mut h = 0xcbf2_9ce4_8422_2325 ^ self as u64;
        for &w in words {
            h = (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(23);
        }
        h
    }
}

/// Entities by the keys of their names: for each key the newest entry of
/// `filed`, and for each entry the entry filed before it under the same key.
#[derive(Default)]
struct NameIndex {
    heads: HashKeyMap<u32>,
    filed: Vec<(u32, u32)>,
}

/// No entry of [`NameIndex::filed`].
const NO_ENTRY: u32 = u32::MAX;

impl NameIndex {
    /// An index with room for the names of `mentions` mentions (about
    /// three keys for each, capped: a longer text grows it as needed).
    fn with_capacity(mentions: usize) -> NameIndex {
        let n = mentions.min(1 << 14);
        NameIndex {
            heads: HashKeyMap::with_capacity_and_hasher(2 * n, Default::default()),
            filed: Vec::with_capacity(2 * n),
        }
    }

    fn file(&mut self, key: u64, entity: usize) {
        let next = self.filed.len() as u32;
        let head = self.heads.entry(key).or_insert(NO_ENTRY);
        if *head != NO_ENTRY && self.filed[*head as usize].0 == entity as u32 {
            return;
        }
        self.filed.push((entity as u32, *head));
        *head = next;
    }

    /// The entities filed under `key`, newest first, at most
    /// [`NAME_CANDIDATES`].
    fn under(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.heads.get(&key).copied().unwrap_or(NO_ENTRY);
        std::iter::from_fn(move || {
            let &(e, before) = self.filed.get(at as usize)?;
            at = before;
            Some(e as usize)
        })
        .take(NAME_CANDIDATES)
    }
}

/// How a new name stands to the name of a candidate entity.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Relation {
    /// Word for word the same.
    Same,
    /// The same first and last word, or the candidate's name begins or
    /// ends the new one: the new name is fuller.
    Fuller,
    /// The new name ends the candidate's (a surname) or begins it (a given
    /// name), or is its initials.
    Shorter,
}

/// A name as matched: the hashes of its words, lower-cased.
struct NameWords<'a> {
    hashes: &'a [u64],
    /// Each word's token.
    tokens: Range<usize>,
}

struct Builder<'a, 't> {
    doc: &'a Document<'t>,
    mentions: &'a [Mention],
    /// Whether each mention belongs to `doc`.
    valid: Vec<bool>,
    of_mention: Vec<u32>,
    ents: Vec<State>,
    /// The descriptors of each entity: hashes of the lower-case titles,
    /// labels and description words the text gives it. `descriptors[e]` is
    /// the newest of its entries in `descriptor_entries` ([`NO_LIST`] for
    /// none), each entry a hash and the entity's entry before it: one
    /// allocation for all entities.
    descriptors: Vec<u32>,
    descriptor_entries: Vec<(u64, u32)>,
    index: NameIndex,
    /// Whether each paragraph is a Title Case headline (0 not known yet, 1
    /// no, 2 yes).
    headlines: Vec<u8>,
    /// Mentions whose entity was settled out of turn (a name after the
    /// description apposed to it).
    done: Vec<bool>,
    /// The best antecedents of each resolved pronoun.
    antecedents: Vec<(u32, Antecedents)>,
    /// The [`Builder::role`] of each mention, worked out when first asked
    /// (NaN until then): only mentions a pronoun looks back on need it.
    roles: Vec<Cell<f32>>,
    /// For each entity, the description that last judged it
    /// ([`Builder::described`]).
    judged: Vec<u32>,
    /// The word hashes of every entity's canonical name (and its nickname
    /// form), one after the other: candidates are compared with these, not
    /// with their tokens far back in a long text.
    name_words: Vec<u64>,
    /// The hashes of the words of the name `hashed`.
    hashes: Vec<u64>,
    hashed: Range<usize>,
    keys: Vec<u64>,
    /// Scratch lists of [`Builder::find_named`], kept between calls.
    seen: Vec<usize>,
    candidates: Vec<(usize, Relation)>,
}

/// The most descriptors kept for one entity.
const MAX_DESCRIPTORS: usize = 64;

/// An entity without descriptors in [`Builder::descriptors`].
const NO_LIST: u32 = u32::MAX;

impl<'a, 't> Builder<'a, 't> {
    fn new(doc: &'a Document<'t>, mentions: &'a [Mention]) -> Builder<'a, 't> {
        let tokens = doc.tokens();
        let valid = mentions
            .iter()
            .map(|m| {
                let r = m.token_range();
                r.start < r.end
                    && r.end <= tokens.len()
                    && (r.start..r.end).contains(&m.head())
                    && m.name_tokens()
                        .is_none_or(|n| n.start <= n.end && n.end <= r.end)
                    && m.span() == tokens[r.start].span().cover(tokens[r.end - 1].span())
            })
            .collect();
        let n = mentions.len();
        Builder {
            doc,
            mentions,
            valid,
            of_mention: vec![NO_ENTITY; n],
            ents: Vec::with_capacity(n / 2),
            descriptors: Vec::with_capacity(n / 2),
            descriptor_entries: Vec::with_capacity(n),
            index: NameIndex::with_capacity(mentions.len()),
            headlines: vec![0; doc.paragraphs().len()],
            done: vec![false; n],
            antecedents: Vec::new(),
            roles: Vec::new(),
            judged: Vec::new(),
            name_words: Vec::new(),
            hashes: Vec::new(),
            hashed: 0..0,
            keys: Vec::new(),
            seen: Vec::new(),
            candidates: Vec::new(),
        }
    }

    fn run(mut self) -> EntityTable<'t> {
        let n = self.mentions.len();
        self.roles = vec![Cell::new(f32::NAN); n];
        // Names and descriptions, in text order; headline names after the
        // rest, so that they join the names of the text rather than name
        // its entities.
        let mut headline_names = Vec::new();
        for m in 0..n {
            if !self.valid[m] || self.done[m] {
                continue;
            }
            match self.mentions[m].kind() {
                MentionKind::Name if self.in_headline(m) => headline_names.push(m),
                MentionKind::Name => {
                    self.add_name(m, false);
                }
                MentionKind::Description => self.add_description(m),
                MentionKind::Pronoun => {}
            }
        }
        for m in headline_names {
            self.add_name(m, true);
        }
        let author = self.author();
        // Possessive pronouns ("his", "its") tell little of an entity and
        // misled the pronouns after them: they are left out of the chains,
        // and only one that can speak ("his claim that …", the resolver's
        // speech nouns) is resolved, last, with no evidence of its own.
        for m in 0..n {
            let mention = &self.mentions[m];
            if self.valid[m] && mention.kind() == MentionKind::Pronoun && !mention.is_possessive() {
                self.add_pronoun(m, author);
            }
        }
        for m in 0..n {
            let mention = &self.mentions[m];
            let speaks = self.valid[m]
                && mention.kind() == MentionKind::Pronoun
                && mention.is_possessive()
                && self.before_speech_noun(m);
            if speaks {
                self.add_possessive(m);
            }
        }
        self.finish()
    }

    fn finish(self) -> EntityTable<'t> {
        let text = self.doc.text();
        let tokens = self.doc.tokens();
        // Each entity's mentions, counted first so that each list is
        // allocated once, and a list of one not at all.
        let mut counts = vec![0u32; self.ents.len()];
        for &e in &self.of_mention {
            if e != NO_ENTITY {
                counts[e as usize] += 1;
            }
        }
        let mut lists: Vec<MentionList> = counts
            .iter()
            .map(|&n| match n {
                1 => MentionList::One(MentionId(NO_ENTITY)),
                n => MentionList::Many(Vec::with_capacity(n as usize)),
            })
            .collect();
        for (m, &e) in self.of_mention.iter().enumerate() {
            match (e, lists.get_mut(e as usize)) {
                (NO_ENTITY, _) | (_, None) => {}
                (_, Some(MentionList::One(only))) => *only = MentionId::new(m),
                (_, Some(MentionList::Many(list))) => list.push(MentionId::new(m)),
            }
        }
        let entities = self
            .ents
            .iter()
            .zip(lists)
            .enumerate()
            .map(|(i, (s, list))| {
                let name_span = s.name.map(|(a, b)| {
                    tokens[a as usize]
                        .span()
                        .cover(tokens[b as usize - 1].span())
                });
                let gender = if s.female > s.male {
                    Some(Gender::Female)
                } else if s.male > s.female {
                    Some(Gender::Male)
                } else {
                    None
                };
                Entity {
                    id: EntityId::new(i),
                    name: name_span.map(|sp| &text[sp]),
                    name_span,
                    kind: s.kind,
                    gender,
                    mentions: list,
                }
            })
            .collect::<Vec<_>>();
        let kinds = self
            .mentions
            .iter()
            .zip(&self.of_mention)
            .map(|(m, &e)| match e {
                NO_ENTITY => m.entity_kind(),
                e => match self.ents[e as usize].kind {
                    EntityKind::Unknown => m.entity_kind(),
                    k => k,
                },
            })
            .collect();
        EntityTable {
            entities,
            of_mention: self.of_mention,
            kinds,
            antecedents: self.antecedents,
        }
    }

    // ----------------------------------------------------------- reading

    fn word(&self, k: usize) -> &'t str {
        self.doc.str_at(k)
    }

    fn lex(&self, k: usize) -> u32 {
        self.doc.tokens()[k].lex()
    }

    /// Whether mention `m` stands in a Title Case headline: a paragraph of
    /// three words or more whose every word of four letters or more is
    /// capitalised ("Obama Sees Personal Insult if Voters Stay Home").
    fn in_headline(&mut self, m: usize) -> bool {
        let p = self.doc.paragraph_of_sentence(self.mentions[m].sentence());
        if self.headlines[p] == 0 {
            let r = self.doc.paragraphs()[p].token_range();
            let tokens = self.doc.tokens();
            let mut words = 0;
            let mut title_case = r.len() <= 40;
            for k in r {
                let t = &tokens[k];
                if !t.is_word() {
                    continue;
                }
                words += 1;
                if t.span().len() >= 4 && !t.is_capitalized() {
                    title_case = false;
                    break;
                }
            }
            self.headlines[p] = if title_case && words >= 3 { 2 } else { 1 };
        }
        self.headlines[p] == 2
    }

    /// The lower-cased hash of the word at token `k`, titles in their full
    /// form ("Sen." as "senator").
    fn word_hash(&self, k: usize) -> u64 {
        let (text, span) = (self.doc.text(), self.doc.tokens()[k].span());
        match LEXICON.title_form_in(text, span) {
            Some(full) => hash_bytes(full.as_bytes()),
            None => with_lower(&text[span], |w| hash_bytes(w.as_bytes())),
        }
    }

    // ------------------------------------------------------------- names

    /// The tokens of name mention `m` that name the entity: its name
    /// without the labels before it ("Republican Donald Trump"), and,
    /// before a given name, without the words of a headline or a title
    /// the mention finder took for a name ("Universe Alicia Machado").
    fn name_core(&self, m: usize) -> Range<usize> {
        let mention = &self.mentions[m];
        let name = mention.name_tokens().unwrap_or(mention.token_range());
        let (mut s, e) = (name.start, name.end);
        // "Secretary of State John Kerry": the words after "of" belong to
        // the title, up to a given name.
        let after_of =
            s >= 2 && e >= s + 2 && self.word(s - 1) == "of" && self.lex(s - 2) & class::TITLE != 0;
        if after_of {
            if let Some(k) = (s + 1..e - 1).find(|&k| self.is_given(k)) {
                return k..e;
            }
            s += 1;
        }
        if e <= s + 1 || (s..e).any(|k| self.organisation_word(k)) {
            return s..e;
        }
        while e - s > 1 {
            // "Father-of-two Tom Hale".
            if family_compound(self.word(s)).is_some() {
                s += 1;
                continue;
            }
            let label = LEXICON.name_labels.get(self.word(s));
            match label {
                Some(false) => s += 1,
                Some(true) if self.is_given(s + 1) => s += 1,
                // "Forecaster Ann Lee": a word shaped like a job the lists
                // lack, before a given name and a surname.
                None if e - s >= 3
                    && job_shaped(self.word(s))
                    && self.lex(s) & (class::TITLE | class::HEAD) == 0
                    && !with_lower(self.word(s), |w| LEXICON.gendered_words.contains_key(w))
                    && !LEXICON.thing_words.contains(self.word(e - 1))
                    && !self.is_given(s)
                    && self.is_given(s + 1) =>
                {
                    s += 1
                }
                _ => break,
            }
        }
        // Only a headline runs other words into a name before a given
        // name: "Cornell William Brooks" is one name.
        let headline = {
            let p = self.doc.paragraph_of_sentence(mention.sentence());
            self.headlines.get(p) == Some(&2)
        };
        // "Ann Lee KC", "Tom Hale OBE": letters after a name are honours
        // and offices, not the name.
        let mut e = e;
        while e - s > 1 && LEXICON.post_nominals.contains(self.word(e - 1)) {
            e -= 1;
        }
        if e - s >= 3 && headline {
            let split = (s + 1..e - 1).rev().find(|&k| {
                self.is_given(k) && !self.is_given(k - 1) && !is_initial(self.word(k - 1)) && {
                    let p = self.word(k - 1);
                    p.bytes().all(|b| b.is_ascii_alphabetic())
                }
            });
            if let Some(k) = split {
                s = k;
            }
        }
        s..e
    }

    /// Gives person entity `e` the name `run` of a headline name, which
    /// stands to its name as `rel`, when `run` is its name with a given name
    /// before it ("Jane Roe" of "Jane Roe Goes After …" for "Roe") and the
    /// given name's gender does not contradict the text's.
    fn given_from_headline(&mut self, e: usize, run: Range<usize>, rel: Relation) {
        let st = self.ents[e];
        let person = st.kind == EntityKind::Person
            || st.person
            || (st.kind == EntityKind::Unknown && !st.thing);
        let g = run.start;
        let one_more = st
            .name
            .is_some_and(|(a, b)| (b - a) as usize + 1 == run.len());
        if !(rel == Relation::Fuller && person && one_more && self.is_given(g)) {
            return;
        }
        let known = st.text_gender();
        let given = self.given_gender(g);
        if given != Grammatical::Any && known != Grammatical::Any && given != known {
            return;
        }
        self.set_name(e, &run, &run);
    }

    /// Whether the word at token `k` is a given name of the list (its word
    /// class rules most words out without a lookup).
    fn is_given(&self, k: usize) -> bool {
        self.lex(k) & class::GIVEN_NAME != 0 && LEXICON.given_names.contains_key(self.word(k))
    }

    fn organisation_word(&self, k: usize) -> bool {
        is_organisation_word(self.doc, k)
    }

    /// The words of a name that names are matched on: without suffixes
    /// ("Jr.", "III").
    fn match_range(&self, core: Range<usize>) -> Range<usize> {
        let mut e = core.end;
        while e > core.start + 1 && is_suffix(self.word(e - 1)) {
            e -= 1;
        }
        core.start..e
    }

    /// What a name's own words say it is, and whether it is named after
    /// someone.
    fn name_class(&self, m: usize, core: Range<usize>) -> (EntityKind, bool) {
        let mention = &self.mentions[m];
        let last = self.word(core.end - 1);
        let thing = core.len() >= 2 && LEXICON.thing_words.contains(last);
        if (core.start..core.end).any(|k| self.organisation_word(k)) {
            return (EntityKind::Organisation, thing);
        }
        // "her album Glass Houses", "the novel Silent Water": the name of a
        // work, after a determiner and a noun naming one (not the verb of
        // "the video shows Wendy Sherman").
        let work = core.start.checked_sub(2).is_some_and(|d| {
            let t = &self.doc.tokens()[d + 1];
            self.lex(d) & (class::DETERMINER | class::POSSESSIVE) != 0
                && t.is_word()
                && !t.is_capitalized()
                && LEXICON
                    .naming_words
                    .get_word_in(self.doc.text(), t.span())
                    .flatten()
                    == Some(Naming::Work)
        });
        if work {
            return (EntityKind::Unknown, true);
        }
        let titled = mention.name_tokens().is_some_and(|n| {
            (mention.token_range().start..n.start).any(|k| self.lex(k) & class::TITLE != 0)
        });
        // "Kent County", "Kent County Republican": a place word after the
        // first makes a place, or someone known only by one; not right
        // after a title ("Director Linda Park", but "the mayor of Kent
        // County").
        let title_before = core.start > mention.token_range().start
            && self.lex(core.start - 1) & class::TITLE != 0;
        if !title_before
            && core.len() >= 2
            && (core.start + 1..core.end).any(|k| LEXICON.place_words.contains(self.word(k)))
        {
            return (EntityKind::Place, true);
        }
        if thing {
            // A building, a law, a prize: no organisation, and no person.
            return (EntityKind::Unknown, true);
        }
        // "Republicans", "Democrats": a party's members.
        if core.len() == 1 && last.ends_with('s') {
            let label = LEXICON.name_labels.get(last).is_some();
            if label {
                return (EntityKind::Group, false);
            }
        }
        let given = self.is_given(core.start);
        let kind = mention.entity_kind();
        if titled || (given && core.len() >= 2) {
            return (EntityKind::Person, false);
        }
        match kind {
            EntityKind::Person if core.len() >= 2 && is_initial(self.word(core.start + 1)) => {
                (EntityKind::Person, false)
            }
            // The mention finder takes any name of two words for a person;
            // only evidence makes one here.
            EntityKind::Person => (EntityKind::Unknown, false),
            k => (k, false),
        }
    }

    /// How the name `new` stands to the name `old` of an entity, if they
    /// can be the same entity.
    fn relation(
        &self,
        new: &NameWords<'_>,
        old: (&[u64], Range<usize>),
        person: bool,
    ) -> Option<Relation> {
        let (a, b) = (new.hashes, old.0);
        if a == b {
            return Some(Relation::Same);
        }
        let (n, k) = (a.len(), b.len());
        if n == 0 || k == 0 {
            return None;
        }
        if n < k {
            if b.ends_with(a) {
                return Some(Relation::Shorter);
            }
            if b.starts_with(a) {
                // A given name, or a shortened organisation name; never the
                // first word of something named after a person.
                let next = self.words_of(old.1.clone()).nth(n).unwrap_or(old.1.start);
                let named_after =
                    self.organisation_word(next) || LEXICON.thing_words.contains(self.word(next));
                // A given name the list lacks counts for a person whose
                // whole name the text gives ("Priya" after "Coach Priya
                // Nair"), unless it is a place's name.
                let w = new.tokens.start;
                let plain_name = || {
                    self.words_of(old.1.clone()).all(|j| {
                        !self.organisation_word(j) && !LEXICON.thing_words.contains(self.word(j))
                    })
                };
                let given = n == 1
                    && k <= 3
                    && (self.is_given(w)
                        || (person
                            && k >= 2
                            && !LEXICON.places.contains(self.word(w))
                            && plain_name()));
                // "Peabody" of "Peabody Energy": the first word of a name
                // that is no person's.
                let company = n == 1 && !person && !named_after;
                return (given || company || (n >= 2 && !named_after)).then_some(Relation::Shorter);
            }
            if n == 1 && k >= 2 && is_acronym(self.word(new.tokens.start)) {
                let initials = initials_hash(self.doc, old.1.clone());
                if initials == Some(a[0]) {
                    return Some(Relation::Shorter);
                }
            }
            return None;
        }
        if n > k {
            if a.ends_with(b) {
                return Some(Relation::Fuller);
            }
            if a.starts_with(b) {
                let next = self
                    .words_of(new.tokens.clone())
                    .nth(k)
                    .unwrap_or(new.tokens.start);
                let named_after =
                    self.organisation_word(next) || LEXICON.thing_words.contains(self.word(next));
                return (!named_after).then_some(Relation::Fuller);
            }
            if k == 1 && n >= 2 && is_acronym(self.word(old.1.start)) {
                let initials = initials_hash(self.doc, new.tokens.clone());
                if initials == Some(b[0]) {
                    return Some(Relation::Fuller);
                }
            }
        }
        // "Donald J. Trump" and "Donald Trump".
        (n >= 2 && k >= 2 && a[0] == b[0] && a[n - 1] == b[k - 1]).then_some(if n >= k {
            Relation::Fuller
        } else {
            Relation::Shorter
        })
    }

    /// Fills `self.hashes` with the lower-case hashes of the words of
    /// `range` (the marks of a nickname left out).
    fn hash_words(&mut self, range: Range<usize>) {
        let doc = self.doc;
        self.hashed = range.clone();
        self.hashes.clear();
        self.hashes
            .extend(self.words_of(range).map(|k| name_word_hash(doc.str_at(k))));
    }

    /// The word tokens of `range`: a name without the marks of its
    /// nickname.
    fn words_of(&self, range: Range<usize>) -> impl Iterator<Item = usize> + 'a {
        let tokens = self.doc.tokens();
        range.filter(move |&k| tokens[k].mark().is_none())
    }

    /// The nickname form of the name `range` ("Bobby Scott" of "Robert C.
    /// "Bobby" Scott"): the words from its nickname on, when it has one.
    fn nickname_form(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let tokens = self.doc.tokens();
        let open = range.clone().find(|&k| tokens[k].mark().is_some())?;
        (open > range.start && open + 1 < range.end).then_some(open + 1..range.end)
    }

    /// The keys under which the names that may corefer with the name whose
    /// word hashes `self.hashes` holds are filed (see
    /// [`Builder::file_name`]): a name it repeats, shortens (one it is a
    /// suffix or prefix of), extends (one that is a suffix or prefix of it),
    /// shares its first and last word with, or abbreviates. Each key names
    /// one relation, so that the entities found under it are nearly all
    /// true candidates: in a long text of look-alike names, entities far
    /// back are not read for nothing.
    fn lookup_keys(&mut self, range: &Range<usize>, person: bool) {
        let h = &self.hashes;
        let n = h.len();
        let keys = &mut self.keys;
        keys.clear();
        if n == 0 {
            return;
        }
        keys.push(NameKey::Full.of(h));
        keys.push(NameKey::Suffix.of(h));
        keys.push(NameKey::Prefix.of(h));
        keys.extend((1..n).map(|k| NameKey::Full.of(&h[k..])));
        keys.extend((1..n).map(|k| NameKey::Full.of(&h[..k])));
        if n == 1 {
            keys.push(NameKey::Initials.of(h));
        } else {
            keys.push(NameKey::FirstLast.of(&[h[0], h[n - 1]]));
            // A person's name is never written as initials.
            if !person {
                if let Some(i) = initials_hash(self.doc, range.clone()) {
                    keys.push(NameKey::Initials.of(&[i]));
                }
            }
        }
    }

    /// Files entity `e` under the keys of the name `range` whose word hashes
    /// `self.hashes` holds: the whole name, its proper suffixes and
    /// prefixes, its first and last word, and its initials (an acronym
    /// under its own word).
    fn file_name(&mut self, e: usize, range: &Range<usize>) {
        let h = std::mem::take(&mut self.hashes);
        let n = h.len();
        if n > 0 {
            self.index.file(NameKey::Full.of(&h), e);
            for k in 1..n {
                self.index.file(NameKey::Suffix.of(&h[k..]), e);
                self.index.file(NameKey::Prefix.of(&h[..k]), e);
            }
            if n >= 2 {
                self.index.file(NameKey::FirstLast.of(&[h[0], h[n - 1]]), e);
            }
            let person = self.ents[e].kind == EntityKind::Person;
            let initials = match n {
                1 => is_acronym(self.word(range.start)).then_some(h[0]),
                _ if person => None,
                _ => initials_hash(self.doc, range.clone()),
            };
            if let Some(i) = initials {
                self.index.file(NameKey::Initials.of(&[i]), e);
            }
        }
        self.hashes = h;
    }

    /// Makes the name `core` (matched on its words `matched`) the
    /// canonical name of entity `e`: keeps the hashes of its words, and of
    /// its nickname form, and files the entity under their keys.
    fn set_name(&mut self, e: usize, core: &Range<usize>, matched: &Range<usize>) {
        self.ents[e].name = Some((core.start as u32, core.end as u32));
        if self.hashed != *matched {
            self.hash_words(matched.clone());
        }
        let at = self.name_words.len();
        self.name_words.extend_from_slice(&self.hashes);
        let st = &mut self.ents[e];
        st.words_at = u32::try_from(at).unwrap_or(u32::MAX);
        st.words = self.hashes.len().min(u8::MAX as usize) as u8;
        st.matched = (matched.start as u32, matched.end as u32);
        st.nick_len = 0;
        self.file_name(e, matched);
        if let Some(nick) = self.nickname_form(matched) {
            self.hash_words(nick.clone());
            let at = self.name_words.len();
            self.name_words.extend_from_slice(&self.hashes);
            let st = &mut self.ents[e];
            st.nick_at = u32::try_from(at).unwrap_or(u32::MAX);
            st.nick_len = self.hashes.len().min(u8::MAX as usize) as u8;
            st.nick = (nick.start as u32, nick.end as u32);
            self.file_name(e, &nick);
        }
    }

    /// The stored word hashes of the canonical name of entity `e` and the
    /// tokens they stand for, and the same for its nickname form.
    fn stored_words(&self, e: usize) -> [Option<(&[u64], Range<usize>)>; 2] {
        let st = &self.ents[e];
        let slice = |at: u32, len: u8| self.name_words.get(at as usize..at as usize + len as usize);
        let main = st
            .name
            .and_then(|_| slice(st.words_at, st.words))
            .filter(|w| !w.is_empty())
            .map(|w| (w, st.matched.0 as usize..st.matched.1 as usize));
        let nick = (st.nick_len > 0)
            .then(|| slice(st.nick_at, st.nick_len))
            .flatten()
            .map(|w| (w, st.nick.0 as usize..st.nick.1 as usize));
        [main, nick]
    }

    /// Adds name mention `m`; `headline` for a name in a headline, which
    /// joins an entity of the text by any of its word runs and never
    /// renames one. Returns its entity.
    fn add_name(&mut self, m: usize, headline: bool) -> usize {
        let full = self.name_core(m);
        let mut core = full.clone();
        // "the Washington Post Trump said": a name run on after an
        // organisation's name is the person's, when the text names that
        // person.
        if let Some(k) = (core.start..core.end - 1)
            .rev()
            .find(|&k| self.organisation_word(k))
        {
            let rest = k + 1..core.end;
            let person = self
                .find_named(m, rest.clone(), EntityKind::Unknown)
                .is_some_and(|(e, _)| self.ents[e].kind == EntityKind::Person);
            if person {
                core = rest;
            }
        }
        let (kind, thing) = match core.start == full.start {
            true => self.name_class(m, core.clone()),
            false => (EntityKind::Person, false),
        };
        let matched = self.match_range(core.clone());
        let mut run = None;
        let found = self.find_named(m, matched.clone(), kind).or_else(|| {
            if !headline {
                return None;
            }
            // The longest run of its words that names an entity.
            let len = matched.len();
            (1..len).rev().find_map(|w| {
                (matched.start..=matched.end - w).find_map(|s| {
                    let found = self.find_named(m, s..s + w, kind);
                    if let Some((_, rel)) = found {
                        run = Some((s..s + w, rel));
                    }
                    found.map(|(e, _)| (e, Relation::Shorter))
                })
            })
        });
        // "Jane Roe Goes After …" over a text that says only "Roe": the
        // given name before the entity's whole name in the headline is its
        // own.
        if let (Some((e, _)), Some((r, rel))) = (found, run) {
            self.given_from_headline(e, r, rel);
        }
        let e = match found {
            Some((e, rel)) => {
                let grows = rel == Relation::Fuller
                    || (rel == Relation::Same
                        && self.ents[e]
                            .name
                            .is_some_and(|(a, b)| (b - a) < core.len() as u32));
                if (!headline || self.ents[e].headline_only) && grows {
                    self.ents[e].headline_only = headline;
                    self.set_name(e, &core, &matched);
                }
                e
            }
            None => {
                let e = self.new_entity(kind);
                self.ents[e].headline_only = headline;
                self.ents[e].thing = thing;
                self.set_name(e, &core, &matched);
                e
            }
        };
        let speaks = self.next_to_speech_verb(m);
        let s = &mut self.ents[e];
        if !headline {
            s.headline_only = false;
        }
        s.speaks |= speaks;
        s.last_named = self.mentions[m].head() as u32;
        s.last_named_sentence = self.mentions[m].sentence() as u32;
        s.named += 1;
        if kind != EntityKind::Unknown
            && (s.kind == EntityKind::Unknown || kind == EntityKind::Person)
        {
            s.kind = kind;
        }
        if kind == EntityKind::Person {
            s.person = true;
            if s.given == Grammatical::Any {
                if let Some(&g) = LEXICON.given_names.get(self.doc.str_at(core.start)) {
                    s.given = g;
                }
            }
        }
        self.attach(m, e);
        self.note_titles(m, e, core.start);
        if let Some(age) = self.age_after(m).or_else(|| self.age_before(m)) {
            self.ents[e].age = age;
        }
        e
    }

    /// The age set off after name mention `m`: "Tom Hale, 31, …".
    fn age_after(&self, m: usize) -> Option<u8> {
        let end = self.mentions[m].token_range().end;
        let tokens = self.doc.tokens();
        let number = tokens.get(end + 1)?;
        let set_off = self.word(end) == ","
            && number.kind() == TokenKind::Number
            && tokens
                .get(end + 2)
                .is_none_or(|t| matches!(self.doc.token_str(t), "," | "." | ")"));
        set_off
            .then(|| self.word(end + 1).parse::<u8>().ok())
            .flatten()
            .filter(|&a| a > 0 && a < 120)
    }

    /// The age written before name mention `m` or its title: "19-year-old
    /// winger Sam Okafor".
    fn age_before(&self, m: usize) -> Option<u8> {
        let r = self.mentions[m].token_range();
        let tokens = self.doc.tokens();
        let k = (r.start.saturating_sub(1)..r.end)
            .find(|&k| tokens[k].kind() == TokenKind::Number && is_age(self.word(k)))?;
        self.word(k)
            .split('-')
            .next()?
            .parse::<u8>()
            .ok()
            .filter(|&a| a > 0 && a < 120)
    }

    /// The entity that the name `range` of mention `m` refers to, among
    /// those filed under its keys, and how the names stand: the closest
    /// relation wins, and among equals the entity named most recently.
    fn find_named(
        &mut self,
        m: usize,
        range: Range<usize>,
        kind: EntityKind,
    ) -> Option<(usize, Relation)> {
        self.hash_words(range.clone());
        self.lookup_keys(&range, kind == EntityKind::Person);
        let keys = std::mem::take(&mut self.keys);
        let hashes = std::mem::take(&mut self.hashes);
        let new = NameWords {
            hashes: &hashes,
            tokens: range.clone(),
        };
        let mut candidates = std::mem::take(&mut self.candidates);
        let mut seen = std::mem::take(&mut self.seen);
        candidates.clear();
        seen.clear();
        let titled = self.title_gender(m);
        for &key in &keys {
            for e in self.index.under(key) {
                if seen.contains(&e) {
                    continue;
                }
                seen.push(e);
                let s = self.ents[e];
                let person = s.is_person();
                // "Jordan said" after "Rep. Jim Jordan": a place's name that
                // is a person's surname is that person.
                let surname_place = kind == EntityKind::Place && person && range.len() == 1;
                if !kinds_compatible(s.kind, kind) && !surname_place {
                    continue;
                }
                let rel = self
                    .stored_words(e)
                    .into_iter()
                    .flatten()
                    .find_map(|(words, core)| self.relation(&new, (words, core), person));
                let Some(rel) = rel.filter(|&r| !surname_place || r == Relation::Shorter) else {
                    continue;
                };
                // A fuller name whose given name tells another gender than
                // the text gave the entity is someone else ("Michelle
                // Obama" after "Mr. Obama").
                // "Mrs Hale" after "Mr Hale": a title's gender against the
                // one the text gave the person is another of the family.
                if rel != Relation::Fuller
                    && titled != Grammatical::Any
                    && s.text_gender() != Grammatical::Any
                    && s.text_gender() != titled
                {
                    continue;
                }
                if rel == Relation::Fuller {
                    // The given name's gender, or that of a gendered noun
                    // right before the name ("their son Humayun Khan").
                    let g = match self.given_gender(range.start) {
                        Grammatical::Any => self.noun_gender_before(range.start),
                        g => g,
                    };
                    let known = s.text_gender();
                    if g != Grammatical::Any && known != Grammatical::Any && g != known {
                        continue;
                    }
                }
                candidates.push((e, rel));
            }
        }
        let best = self.choose(m, &candidates);
        self.keys = keys;
        self.hashes = hashes;
        self.candidates = candidates;
        self.seen = seen;
        best
    }

    /// The gender the title opening name mention `m` tells ("Mrs Hale"),
    /// if it opens with one.
    fn title_gender(&self, m: usize) -> Grammatical {
        let mention = &self.mentions[m];
        let k = mention.token_range().start;
        let titled =
            mention.name_tokens().is_some_and(|r| r.start > k) && self.lex(k) & class::TITLE != 0;
        match titled {
            true => LEXICON
                .gender_of_word_in(self.doc.text(), self.doc.tokens()[k].span())
                .unwrap_or(Grammatical::Any),
            false => Grammatical::Any,
        }
    }

    /// The gender a gendered noun or title right before token `k`, or
    /// before a comma there, tells ("son", "Mrs").
    fn noun_gender_before(&self, k: usize) -> Grammatical {
        let Some(mut p) = k.checked_sub(1) else {
            return Grammatical::Any;
        };
        // "her son, Humayun Khan".
        if p > 0 && self.word(p) == "," {
            p -= 1;
        }
        if self.lex(p) & (class::HEAD | class::TITLE) == 0 {
            return Grammatical::Any;
        }
        LEXICON
            .gender_of_word_in(self.doc.text(), self.doc.tokens()[p].span())
            .unwrap_or(Grammatical::Any)
    }

    /// The gender of the given name at token `k`, from the list.
    fn given_gender(&self, k: usize) -> Grammatical {
        if self.lex(k) & class::GIVEN_NAME == 0 {
            return Grammatical::Any;
        }
        LEXICON
            .given_names
            .get(self.word(k))
            .copied()
            .unwrap_or(Grammatical::Any)
    }

    /// The candidate a name mention `m` joins: the closest relation, and
    /// among people sharing a surname, the one a pronoun right after the
    /// mention agrees with ("Clinton allowed her staff"), else the one
    /// named most often, the one named in the same sentence first.
    fn choose(&self, m: usize, candidates: &[(usize, Relation)]) -> Option<(usize, Relation)> {
        let closest = candidates.iter().map(|&(_, r)| r).min()?;
        if let [(e, r)] = candidates {
            return Some((*e, *r));
        }
        let mut close: Vec<usize> = candidates
            .iter()
            .filter(|&&(_, r)| r == closest)
            .map(|&(e, _)| e)
            .collect();
        if close.len() > 1 {
            let g = self.pronoun_after(m);
            if g != Grammatical::Any {
                let agree: Vec<usize> = close
                    .iter()
                    .copied()
                    .filter(|&e| self.ents[e].gender() == g)
                    .collect();
                if !agree.is_empty() {
                    close = agree;
                }
            }
        }
        let sentence = self.mentions[m].sentence() as u32;
        let score = |e: usize| {
            let s = &self.ents[e];
            let near = sentence.saturating_sub(s.last_named_sentence) <= 1;
            (s.named + if near { 3 } else { 0 }, s.last_named)
        };
        close
            .into_iter()
            .max_by_key(|&e| score(e))
            .map(|e| (e, closest))
    }

    /// The gender of the first personal pronoun after mention `m` in its
    /// clause ("Clinton allowed her staff"), within a few words.
    fn pronoun_after(&self, m: usize) -> Grammatical {
        let end = self.mentions[m].token_range().end;
        let tokens = self.doc.tokens();
        for (k, t) in tokens.iter().enumerate().skip(end).take(6) {
            if t.starts_sentence() || matches!(self.word(k), "," | ";" | ":") {
                break;
            }
            if t.lex() & class::PRONOUN != 0 {
                return with_lower(self.word(k), |w| match w {
                    "he" | "his" => Grammatical::Masculine,
                    "she" | "her" => Grammatical::Feminine,
                    _ => Grammatical::Any,
                });
            }
        }
        Grammatical::Any
    }

    fn new_entity(&mut self, kind: EntityKind) -> usize {
        self.ents.push(State::new(kind));
        self.judged.push(u32::MAX);
        self.descriptors.push(NO_LIST);
        self.ents.len() - 1
    }

    fn attach(&mut self, m: usize, e: usize) {
        self.of_mention[m] = e as u32;
        self.ents[e].count += 1;
        self.ents[e].first = self.ents[e].first.min(m as u32);
        let mention = &self.mentions[m];
        let head = &self.doc.tokens()[mention.head()];
        // Gendered nouns and titles are heads or titles.
        if mention.kind() == MentionKind::Description
            && head.lex() & (class::HEAD | class::TITLE) != 0
        {
            if let Some(g) = LEXICON.gender_of_word_in(self.doc.text(), head.span()) {
                self.note_gender(e, g);
            }
        }
    }

    fn note_gender(&mut self, e: usize, g: Grammatical) {
        let s = &mut self.ents[e];
        match g {
            Grammatical::Feminine => s.female = s.female.saturating_add(1),
            Grammatical::Masculine => s.male = s.male.saturating_add(1),
            _ => {}
        }
    }

    fn add_descriptor(&mut self, e: usize, h: u64) {
        if self.has_descriptor(e, h) || self.descriptor_count(e) >= MAX_DESCRIPTORS {
            return;
        }
        let next = self.descriptor_entries.len() as u32;
        self.descriptor_entries.push((h, self.descriptors[e]));
        self.descriptors[e] = next;
    }

    /// The descriptors of entity `e`, newest first.
    fn descriptors_of(&self, e: usize) -> impl Iterator<Item = u64> + '_ {
        let mut at = self.descriptors[e];
        std::iter::from_fn(move || {
            let &(h, before) = self.descriptor_entries.get(at as usize)?;
            at = before;
            Some(h)
        })
    }

    fn has_descriptor(&self, e: usize, h: u64) -> bool {
        self.descriptors_of(e).any(|x| x == h)
    }

    fn descriptor_count(&self, e: usize) -> usize {
        self.descriptors_of(e).count()
    }

    /// Records the words standing before a name (titles, labels, places:
    /// "Vermont Sen.", "Republican") as descriptors of its entity, and the
    /// gender its titles tell.
    fn note_titles(&mut self, m: usize, e: usize, core_start: usize) {
        let start = self.mentions[m].token_range().start;
        for k in start..core_start {
            let t = &self.doc.tokens()[k];
            if !t.is_word() || self.lex(k) & class::DETERMINER != 0 || self.word(k) == "of" {
                continue;
            }
            let h = self.word_hash(k);
            self.add_descriptor(e, h);
            // "Senator Jane Roe", "her brother Erik": a title, or a
            // gendered noun of people, before the name.
            let role = self.lex(k) & class::TITLE != 0
                || (self.lex(k) & class::HEAD != 0
                    && LEXICON.nominal_head_in(self.doc.text(), t.span())
                        == Some(HeadKind::Person)
                    && LEXICON
                        .gender_of_word_in(self.doc.text(), t.span())
                        .is_some());
            if role {
                self.ents[e].person = true;
                if self.ents[e].kind == EntityKind::Unknown {
                    self.ents[e].kind = EntityKind::Person;
                }
            }
            let gendered = self.lex(k) & (class::HEAD | class::TITLE) != 0;
            // "Mum-of-two Jess Tarrant": the noun of a family compound.
            if let Some(g) = gendered
                .then(|| LEXICON.gender_of_word_in(self.doc.text(), t.span()))
                .flatten()
                .or_else(|| family_compound(self.word(k)))
            {
                self.note_gender(e, g);
            }
        }
    }

    // ------------------------------------------------------ descriptions

    /// The content words of description `m` (after its determiner, without
    /// "of"), as lower-case hashes, and whether one is a capitalised name.
    fn description_words(&self, m: usize) -> (DescriptionWords, bool) {
        let mention = &self.mentions[m];
        let mut out = DescriptionWords::default();
        let mut named = false;
        for k in mention.token_range() {
            let t = &self.doc.tokens()[k];
            let w = self.word(k);
            let lex = self.lex(k);
            if !(t.is_word() || is_age(w))
                || lex & class::DETERMINER != 0
                || matches!(w, "of" | "and")
            {
                continue;
            }
            let optional = LEXICON.optional_modifiers.get(w).is_some();
            if optional {
                continue;
            }
            // "the Tory-led council" is built on no name.
            if t.is_capitalized()
                && !t.starts_sentence()
                && self.lex(k) & (class::TITLE | class::MODIFIER | class::HEAD) == 0
                && !is_compound_modifier(w)
            {
                named = true;
            }
            out.push(self.word_hash(k));
        }
        (out, named)
    }

    fn add_description(&mut self, m: usize) {
        let mention = &self.mentions[m];
        let kind = mention.entity_kind();
        // An apposition: "X, the Y," or "the Y, X,".
        if let Some(e) = self.apposed(m) {
            self.attach(m, e);
            let (words, _) = self.description_words(m);
            for &h in words.as_slice() {
                self.add_descriptor(e, h);
            }
            if kind == EntityKind::Person {
                self.ents[e].person = true;
            }
            // "Xinhua, the official news agency,": the description tells
            // what a name of one word does not.
            let st = &mut self.ents[e];
            let body = kind == EntityKind::Organisation && st.words == 1 && !st.is_person();
            if (kind == EntityKind::Person || body) && st.kind == EntityKind::Unknown {
                st.kind = kind;
            }
            return;
        }
        // "the former secretary of state and current nominee": a
        // description without a determiner, coordinated with the one
        // before it, describes the same entity.
        if let Some(e) = self.coordinated(m) {
            self.attach(m, e);
            let (words, _) = self.description_words(m);
            for &h in words.as_slice() {
                self.add_descriptor(e, h);
            }
            return;
        }
        let first = self.word(mention.token_range().start);
        let definite = with_lower(first, |w| matches!(w, "the" | "this" | "that"));
        let (words, named) = self.description_words(m);
        let words = words.as_slice();
        // "the IMF report", "a Pentagon statement": a document speaks for
        // the organisation that names it.
        // "the Islamic State terrorist group": a head that stands for any
        // organisation of its sort, after a named organisation, is that
        // organisation.
        let sort_head = || {
            kind == EntityKind::Organisation
                && LEXICON
                    .organisation_heads
                    .get(self.word(mention.head()))
                    .flatten()
                    .is_some_and(|h| h != OrganisationHead::Media)
        };
        if named && (kind == EntityKind::Document || sort_head()) {
            if let Some(e) = self.named_in(m) {
                self.attach(m, e);
                return;
            }
        }
        // "Obama's former campaign strategist": a role after a name's
        // possessive is as definite as one after "the", and names someone
        // other than the possessor.
        let start = mention.token_range().start;
        let possessor_mention = m.checked_sub(1).filter(|&p| {
            let x = &self.mentions[p];
            x.kind() == MentionKind::Name && x.owns_from(start)
        });
        let possessor = possessor_mention.and_then(|p| self.entity(p));
        // "her brother", "its chief executive": a role after a possessive
        // pronoun is the one the text has given that role to, when it has;
        // the pronoun's owner is not known yet, so no salience guesses it.
        let pronoun_owned = m.checked_sub(1).is_some_and(|p| {
            let x = &self.mentions[p];
            x.kind() == MentionKind::Pronoun && x.owns_from(start)
        }) && kind == EntityKind::Person;
        if (definite || possessor.is_some() || pronoun_owned) && !words.is_empty() {
            // A possessed description is told by its owner, not by the
            // descriptions before it ("the campaign" may be anyone's).
            let described = (definite || pronoun_owned)
                .then(|| self.described(m, words, kind))
                .flatten()
                .filter(|&e| definite || self.ents[e].is_person());
            let found = described.or_else(|| {
                if pronoun_owned {
                    return None;
                }
                // "the Vermont senator" with no title to match: a role names
                // the most salient person of the sentences before.
                // "the 34-year-old mother": an age picks out someone the text
                // has named, as a role does.
                // "the teenager" after "Jay Okoro, 19,": the person whose
                // age the text gave in the noun's range, and no other.
                let ages = age_noun(self.word(mention.head()));
                let aged = ages.is_some()
                    || mention
                        .token_range()
                        .any(|k| is_age(self.word(k)) || family_compound(self.word(k)).is_some());
                let head = mention.head();
                let office = self.lex(head) & class::TITLE != 0 && {
                    let (text, span) = (self.doc.text(), self.doc.tokens()[head].span());
                    let form = LEXICON.title_form_in(text, span).unwrap_or("");
                    !LEXICON.occupations.contains(form)
                };
                let role = office || aged || is_demonym(self.word(mention.head()));
                // "the State Department's inspector general": an
                // organisation's officer is not whoever the text is about.
                let owned_by_organisation =
                    possessor.is_some_and(|p| self.ents[p].kind == EntityKind::Organisation);
                if !(role && kind == EntityKind::Person && !mention.is_possessive())
                    || owned_by_organisation
                {
                    return None;
                }
                let top = self.salience(m, Want::Person(mention.gender), true);
                // "Ann Lee, 28, and Tom Hale, 31, …. The 31-year-old": the
                // person of that age, and never one of another.
                let age = mention
                    .token_range()
                    .find(|&k| is_age(self.word(k)))
                    .and_then(|k| self.word(k).split('-').next()?.parse::<u8>().ok());
                let fits = |e: usize, exact: bool| match (age, self.ents[e].age) {
                    (Some(a), b) => a == b || (!exact && b == 0),
                    (None, _) => true,
                };
                let candidates = || {
                    top.iter()
                        .map(|&(e, _)| e)
                        .filter(|&e| e != NO_ENTITY && Some(e as usize) != possessor)
                        .map(|e| e as usize)
                };
                if let Some((lo, hi)) = ages {
                    return candidates().find(|&e| (lo..=hi).contains(&self.ents[e].age));
                }
                candidates()
                    .find(|&e| fits(e, true))
                    .or_else(|| candidates().find(|&e| fits(e, false)))
            });
            if let Some(e) = found {
                self.attach(m, e);
                for &h in words {
                    self.add_descriptor(e, h);
                }
                if kind == EntityKind::Organisation && self.ents[e].kind == EntityKind::Unknown {
                    self.ents[e].kind = EntityKind::Organisation;
                }
                return;
            }
        }
        let e = self.new_entity(kind);
        let head_hash = self.word_hash(mention.head());
        for &h in words {
            self.add_descriptor(e, h);
        }
        self.add_descriptor(e, head_hash);
        // "the Trump campaign": a definite description built on a name is
        // named by it ("a Boston tech company" is not).
        if named && definite && kind == EntityKind::Organisation {
            let r = mention.token_range();
            let s = if is_determiner(self.word(r.start)) {
                r.start + 1
            } else {
                r.start
            };
            if s < r.end {
                self.ents[e].name = Some((s as u32, r.end as u32));
            }
        } else if let Some(p) = possessor_mention.filter(|_| kind == EntityKind::Organisation) {
            // "Donald Trump's campaign": an organisation of a named owner is
            // named by the owner's last word and its own ("Trump's
            // campaign").
            let owner = self.name_core(p);
            let last = (owner.start..owner.end)
                .rev()
                .find(|&k| self.doc.tokens()[k].is_word())
                .unwrap_or(owner.start);
            self.ents[e].name = Some((last as u32, mention.token_range().end as u32));
        }
        self.attach(m, e);
    }

    /// The organisation named by the capitalised words before the head of
    /// description `m` ("the IMF report"), when the text names it.
    fn named_in(&mut self, m: usize) -> Option<usize> {
        let mention = &self.mentions[m];
        let head = mention.head();
        let tokens = self.doc.tokens();
        let mut end = head;
        while end > mention.token_range().start && !tokens[end - 1].is_capitalized() {
            end -= 1;
        }
        let mut start = end;
        while start > mention.token_range().start
            && tokens[start - 1].is_capitalized()
            && tokens[start - 1].lex() & (class::DETERMINER | class::TITLE | class::MODIFIER) == 0
        {
            start -= 1;
        }
        if start == end {
            return None;
        }
        let (e, _) = self.find_named(m, start..end, EntityKind::Organisation)?;
        (self.ents[e].kind == EntityKind::Organisation).then_some(e)
    }

    /// The entity of a name apposed to description `m`: the name right
    /// before it with only a comma between ("Jim Mattis, the defense
    /// secretary"), or right after it ("the defense secretary, Jim
    /// Mattis,"), of a compatible kind.
    fn apposed(&mut self, m: usize) -> Option<usize> {
        let mention = &self.mentions[m];
        let r = mention.token_range();
        let kind = mention.entity_kind();
        let ok = |b: &Builder<'_, '_>, e: usize| {
            let k = b.ents[e].kind;
            kinds_compatible(k, kind) && !(kind == EntityKind::Person && b.ents[e].thing)
        };
        if kind == EntityKind::Unknown {
            return None;
        }
        // The apposition ends where the description does: at a comma, the
        // end of the sentence, or the verb of the name it stands beside; or
        // the description goes on with a prepositional phrase ("a
        // spokesman for the campaign") or another description ("a
        // developer and spokeswoman").
        let closed = |b: &Builder<'_, '_>, end: usize| {
            b.doc.tokens().get(end).is_none_or(|t| {
                matches!(
                    b.doc.token_str(t),
                    "," | "." | "(" | ")" | ";" | "—" | "–" | "and"
                ) || t.lex() & (class::SPEECH_VERB | class::PREPOSITION) != 0
            })
        };
        if m > 0 && self.valid[m - 1] && closed(self, r.end) {
            let p = &self.mentions[m - 1];
            let pr = p.token_range();
            let comma = pr.end + 1 == r.start && self.word(pr.end) == ",";
            // "In Geneva, the UN envoy, Marta Ruiz, said": a name in a
            // fronted prepositional phrase is no person's apposition.
            let sentence = self.doc.sentences()[p.sentence()].token_range();
            let fronted = kind == EntityKind::Person
                && pr.start == sentence.start + 1
                && self.lex(sentence.start) & class::PREPOSITION != 0
                && !self.entity(m - 1).is_some_and(|e| self.ents[e].is_person());
            if comma && !fronted && p.kind() == MentionKind::Name && !p.is_possessive() {
                if let Some(e) = self.entity(m - 1).filter(|&e| ok(self, e)) {
                    return Some(e);
                }
            }
        }
        if m + 1 < self.mentions.len() && self.valid[m + 1] && !mention.is_possessive() {
            let n = &self.mentions[m + 1];
            let nr = n.token_range();
            let comma = r.end + 1 == nr.start && self.word(r.end) == ",";
            if comma && closed(self, nr.end) {
                if let Some(e) = self.set_off_name(m + 1).filter(|&e| ok(self, e)) {
                    return Some(e);
                }
            }
        }
        // "said the chairman of the committee, John Smith": a person's name
        // after the description's prepositional phrase and a comma.
        let of_phrase = kind == EntityKind::Person
            && !mention.is_possessive()
            && m + 2 < self.mentions.len()
            && r.end < self.doc.tokens().len()
            && matches!(self.word(r.end), "of" | "for" | "at");
        if of_phrase && self.valid[m + 1] && self.valid[m + 2] {
            let (o, n) = (&self.mentions[m + 1], &self.mentions[m + 2]);
            let (or, nr) = (o.token_range(), n.token_range());
            let set_off = or.start == r.end + 1
                && nr.start == or.end + 1
                && self.word(or.end) == ","
                && !o.is_possessive();
            if set_off && closed(self, nr.end) && n.entity_kind() == EntityKind::Person {
                if let Some(e) = self.set_off_name(m + 2).filter(|&e| ok(self, e)) {
                    return Some(e);
                }
            }
        }
        None
    }

    /// The entity of name mention `n`, set off after a description, added
    /// out of turn; `None` for a mention that is no name or stands in a
    /// headline.
    fn set_off_name(&mut self, n: usize) -> Option<usize> {
        if self.mentions[n].kind() != MentionKind::Name || self.in_headline(n) {
            return None;
        }
        let e = self.add_name(n, false);
        self.done[n] = true;
        Some(e)
    }

    /// The entity of the description that person description `m` is
    /// coordinated with: `m` has no determiner and follows "and", which
    /// follows, within a few lower-case words of the same sentence, a
    /// description of a person.
    fn coordinated(&self, m: usize) -> Option<usize> {
        let mention = &self.mentions[m];
        let r = mention.token_range();
        if m == 0
            || !self.valid[m - 1]
            || mention.entity_kind() != EntityKind::Person
            || is_determiner(self.word(r.start))
            || r.start < 2
            || self.word(r.start - 1) != "and"
        {
            return None;
        }
        let p = &self.mentions[m - 1];
        let gap = p.token_range().end..r.start - 1;
        let lower = gap.clone().all(|k| {
            let t = &self.doc.tokens()[k];
            t.is_word() && !t.starts_sentence()
        });
        (p.kind() == MentionKind::Description
            && p.entity_kind() == EntityKind::Person
            && gap.len() <= 3
            && lower)
            .then(|| self.entity(m - 1))
            .flatten()
    }

    fn entity(&self, m: usize) -> Option<usize> {
        let e = self.of_mention[m];
        (e != NO_ENTITY).then_some(e as usize)
    }

    /// The entity a definite description describes: the most recent one
    /// among the last [`LOOK_BACK`] mentions whose descriptors hold all its
    /// words, or for an organisation, whose name holds its head (any
    /// organisation of its sort for a generic head such as "the company").
    fn described(&mut self, m: usize, words: &[u64], kind: EntityKind) -> Option<usize> {
        let head = self.word(self.mentions[m].head());
        let sort = LEXICON.organisation_heads.get(head).flatten();
        let business = sort == Some(OrganisationHead::Business);
        let generic = business || sort == Some(OrganisationHead::Generic);
        let media = sort == Some(OrganisationHead::Media);
        let head_hash = with_lower(head, |h| hash_bytes(h.as_bytes()));
        // A description of lower-case words after its determiner, which
        // no name of its own identifies ("the Trump campaign" is named).
        let lower_case = {
            let r = self.mentions[m].token_range();
            let tokens = self.doc.tokens();
            (r.start + 1..r.end).all(|k| !tokens[k].is_capitalized())
        };
        let lo = m.saturating_sub(LOOK_BACK);
        // Each entity is judged once, at its most recent mention: marked
        // with this description's number.
        let stamp = m as u32;
        let mut fallback = None;
        for c in (lo..m).rev() {
            let Some(e) = self.entity(c) else { continue };
            if self.judged[e] == stamp {
                continue;
            }
            self.judged[e] = stamp;
            let s = &self.ents[e];
            if !kinds_compatible(s.kind, kind) {
                continue;
            }
            // A name's descriptions tell it before any organisation; an
            // unnamed one ("a union") comes after the last named one.
            if self.descriptors[e] != NO_LIST && words.iter().all(|&h| self.has_descriptor(e, h)) {
                return match s.name {
                    Some(_) => Some(e),
                    None => fallback.or(Some(e)),
                };
            }
            if kind != EntityKind::Organisation {
                continue;
            }
            let one = words.len() == 1;
            // "Columbia's Graduate School …, the school": a name that
            // holds the head, if it is no person's, is an organisation.
            let organisation = s.kind == EntityKind::Organisation
                || (s.kind == EntityKind::Unknown && !s.person && !s.headline_only);
            if organisation {
                let name_words = s.name.map(|(a, b)| a as usize..b as usize);
                let holds = |pred: &dyn Fn(&str) -> bool| {
                    name_words
                        .clone()
                        .is_some_and(|mut r| r.any(|k| pred(self.word(k))))
                };
                let by_head = one
                    && holds(&|w: &str| {
                        with_lower(w, |l| hash_bytes(l.as_bytes())) == head_hash
                            || w.eq_ignore_ascii_case(head.trim_end_matches('s'))
                    });
                // "the development bank" after "the Government Development
                // Bank": every word of the description is one of the name.
                let by_words = !one
                    && lower_case
                    && name_words.clone().is_some_and(|r| {
                        words
                            .iter()
                            .all(|&h| r.clone().any(|k| self.word_hash(k) == h))
                    });
                let by_media = media && holds(&|w: &str| LEXICON.media_words.contains(w));
                if by_head || by_words || by_media {
                    return Some(e);
                }
                if one && generic && s.name.is_some() && s.kind == EntityKind::Organisation {
                    fallback.get_or_insert(e);
                }
            }
            if one && business && self.unknown_business(e) {
                // "Acme Robotics …, the company said": a name with no word
                // of its kind, never a person's, is the business.
                fallback.get_or_insert(e);
            }
        }
        // The last organisation of any sort, unless one further back has
        // the head in its name ("the school" after "Columbia Journalism
        // School" and "Exxon Mobil").
        fallback
    }

    /// Whether entity `e`, named with no word of its kind, may be a
    /// business: no evidence of a person (a given name, a gender, a
    /// surname shared with a person), of a thing or of a nationality.
    fn unknown_business(&self, e: usize) -> bool {
        let s = &self.ents[e];
        let Some((a, b)) = s.name else { return false };
        let (a, b) = (a as usize, b as usize);
        if s.kind != EntityKind::Unknown
            || s.person
            || s.thing
            || s.gender() != Grammatical::Any
            || self.is_given(a)
            || (b == a + 1 && is_demonym(self.word(a)))
        {
            return false;
        }
        // "Late last month, the company …": a word that opens a sentence
        // once is no name to go on, unless it speaks ("Amazon said").
        if b == a + 1 && s.named == 1 && self.doc.tokens()[a].starts_sentence() && !s.speaks {
            return false;
        }
        // "Ivanka Trump" beside "Donald Trump": a family's name.
        let [main, _] = self.stored_words(e);
        let Some(&last) = main.and_then(|(w, _)| w.last()) else {
            return true;
        };
        let person = |x: usize| x != e && self.ents[x].is_person();
        ![NameKey::Full, NameKey::Suffix]
            .iter()
            .any(|k| self.index.under(k.of(&[last])).any(person))
    }

    // --------------------------------------------------------- pronouns

    /// The entity of the author of a letter or column: a name standing
    /// alone as the last paragraph ("Jane Roe."), or opening it as a
    /// biography ("Jane Roe is a writer in Ohio."), or a byline ("By Jane
    /// Roe") among the first paragraphs.
    fn author(&self) -> Option<usize> {
        let paras = self.doc.paragraphs();
        let last = paras.len().checked_sub(1)?;
        let first_name_in = |p: usize| {
            let r = paras[p].token_range();
            let i = self
                .mentions
                .partition_point(|m| m.token_range().start < r.start);
            (i < self.mentions.len()
                && self.valid[i]
                && self.mentions[i].token_range().start == r.start
                && self.mentions[i].kind() == MentionKind::Name)
                .then_some(i)
        };
        let person = |b: &Builder<'_, '_>, m: usize| {
            b.entity(m)
                .filter(|&e| b.ents[e].kind != EntityKind::Place && !b.ents[e].thing)
        };
        if let Some(m) = first_name_in(last) {
            let r = paras[last].token_range();
            let end = self.mentions[m].token_range().end;
            let alone = end == r.end || (end + 1 == r.end && self.word(end) == ".");
            let bio = end < r.end && with_lower(self.word(end), |w| w == "is" || w == "was");
            if (alone && self.mentions[m].token_range().len() >= 2) || bio {
                return person(self, m);
            }
        }
        for para in paras.iter().take(3) {
            let r = para.token_range();
            if r.len() >= 3 && self.word(r.start).eq_ignore_ascii_case("by") {
                let i = self
                    .mentions
                    .partition_point(|m| m.token_range().start < r.start + 1);
                if i < self.mentions.len()
                    && self.valid[i]
                    && self.mentions[i].token_range().start == r.start + 1
                    && self.mentions[i].kind() == MentionKind::Name
                {
                    return person(self, i);
                }
            }
        }
        None
    }

    /// Whether a speech noun follows possessive pronoun `m` within three
    /// words ("his claim", "her earlier remarks").
    fn before_speech_noun(&self, m: usize) -> bool {
        let tokens = self.doc.tokens();
        let k = self.mentions[m].token_range().end;
        (k..tokens.len().min(k + 3))
            .take_while(|&j| tokens[j].is_word())
            .any(|j| LEXICON.speech_nouns.get(self.word(j)).is_some())
    }

    /// Resolves possessive pronoun `m` to its most salient antecedent,
    /// adding nothing to what the entity is known to be.
    fn add_possessive(&mut self, m: usize) {
        let want = Want::of(&self.mentions[m]);
        if want == Want::Nothing {
            return;
        }
        if let Some(e) = self.most_salient(m, want, false) {
            self.attach(m, e);
        }
    }

    fn add_pronoun(&mut self, m: usize, author: Option<usize>) {
        let mention = &self.mentions[m];
        let w = mention.as_str(self.doc.text());
        let (first_person, relative) =
            with_lower(w, |l| (matches!(l, "i"), l == "who" || l == "which"));
        if first_person {
            if let Some(e) = author {
                self.attach(m, e);
            }
            return;
        }
        if relative {
            // The mention right before it ("X, who").
            if m > 0 && self.valid[m - 1] {
                let prev = &self.mentions[m - 1];
                let gap = mention.head() - prev.token_range().end;
                if gap <= 1 {
                    if let Some(e) = self.entity(m - 1) {
                        self.attach(m, e);
                    }
                }
            }
            return;
        }
        let want = Want::of(mention);
        if want == Want::Nothing {
            return;
        }
        let mut top = self.salience(m, want, false);
        // "Reuters quoted him as saying": an object pronoun is never the
        // subject of its own verb.
        if let Some(subject) = self.subject_of_object(m) {
            if let Some(i) = top.iter().position(|&(e, _)| e == subject as u32) {
                top.copy_within(i + 1.., i);
                top[top.len() - 1] = (NO_ENTITY, 0.0);
            }
        }
        let mut best = (top[0].0 != NO_ENTITY).then_some(top[0].0 as usize);
        // "Tom Hill spoke first. Ann Lee disagreed. "…," she said. "…," he
        // said.": with no person in reach, the one person of the pronoun's
        // gender a few sentences further back.
        if let (None, Want::Person(g)) = (best, want) {
            if g != Grammatical::Any {
                let wide = self.salience_over(m, want, false, WIDE_PRONOUN_SENTENCES);
                let mut of_gender = wide.iter().map(|&(e, _)| e).filter(|&e| {
                    e != NO_ENTITY && {
                        let s = &self.ents[e as usize];
                        s.is_person() && !s.headline_only && s.gender() == g
                    }
                });
                if let (Some(e), None) = (of_gender.next(), of_gender.next()) {
                    best = Some(e as usize);
                    top = wide;
                }
            }
        }
        if best.is_some() {
            self.antecedents.push((m as u32, top));
        }
        if let Some(e) = best {
            self.attach(m, e);
            match want {
                Want::Person(g) if !mention.is_possessive() || g != Grammatical::Any => {
                    self.ents[e].person = true;
                    if self.ents[e].kind == EntityKind::Unknown {
                        self.ents[e].kind = EntityKind::Person;
                    }
                    self.note_gender(e, g);
                }
                _ => {}
            }
        }
    }

    /// For an object pronoun right after its verb ("quoted him"), the
    /// entity of the mention right before that verb, its subject.
    fn subject_of_object(&self, m: usize) -> Option<usize> {
        let mention = &self.mentions[m];
        let head = mention.head();
        quoted_object_pronoun(self.doc, head, mention.as_str(self.doc.text()))?;
        let subject = m
            .checked_sub(1)
            .filter(|&s| self.mentions[s].token_range().end + 1 == head)?;
        self.entity(subject)
    }

    /// The most salient entity of the sort `want` (only named ones with
    /// `named_only`) before mention `m`: each of its mentions in `m`'s
    /// sentence and the [`PRONOUN_SENTENCES`] before with mentions adds to
    /// its salience,
    /// halved for each sentence back, doubled for a clause subject, half
    /// again for a speaker or a named entity, halved for a possessive.
    /// Among equals, the most recent.
    fn most_salient(&self, m: usize, want: Want, named_only: bool) -> Option<usize> {
        let top = self.salience(m, want, named_only);
        (top[0].0 != NO_ENTITY).then_some(top[0].0 as usize)
    }

    /// The entities [`Builder::most_salient`] chooses from, with their
    /// salience, best first: the best three ([`NO_ENTITY`] where there are
    /// fewer).
    fn salience(&self, m: usize, want: Want, named_only: bool) -> Antecedents {
        self.salience_over(m, want, named_only, PRONOUN_SENTENCES)
    }

    /// [`Builder::salience`] over `sentences` sentences with mentions
    /// before `m`'s own.
    fn salience_over(
        &self,
        m: usize,
        want: Want,
        named_only: bool,
        sentences: usize,
    ) -> Antecedents {
        // Sentences back are counted among those with mentions of
        // entities: a quotation's own sentences hold none, and do not push
        // the antecedent away, nor do pronouns not resolved (yet).
        let mut sentence = self.mentions[m].sentence();
        let paragraph = self.doc.paragraph_of_sentence(sentence);
        let mut back = 0;
        // Each entity's score, the sentence it was last seen in, and its
        // weight there.
        // At most [`SALIENCE_CANDIDATES`], kept on the stack: the look-back
        // meets few entities, and one met when the list is full is an older
        // one.
        let mut scores = [(0usize, 0f32, 0usize, 0f32); SALIENCE_CANDIDATES];
        let mut n_scores = 0;
        let lo = m.saturating_sub(LOOK_BACK);
        for c in (lo..m).rev() {
            if !self.valid[c] {
                continue;
            }
            let cm = &self.mentions[c];
            // A mention without an entity (yet) is no step back.
            let Some(e) = self.entity(c) else { continue };
            if cm.sentence() != sentence {
                sentence = cm.sentence();
                back += 1;
                if back > sentences {
                    break;
                }
            }
            if named_only && self.ents[e].name.is_none() {
                continue;
            }
            let fit = self.fit(e, want);
            if fit == 0.0 {
                continue;
            }
            let mut weight = fit / (1 << back) as f32;
            // The paragraph is the unit of a news story: its own mentions
            // come first, those of two paragraphs back and more count less.
            let para_back = paragraph - self.doc.paragraph_of_sentence(sentence).min(paragraph);
            weight *= match para_back {
                0 => 2.0,
                1 => 1.0,
                _ => 0.5,
            };
            weight *= self.role_of(c);
            if self.ents[e].name.is_some() {
                weight *= 1.5;
            }
            // A person introduced in an earlier sentence, by a full name,
            // is what the text goes on about.
            if self.ents[e].first == c as u32 && back > 0 && cm.kind() == MentionKind::Name {
                let words = cm.name_tokens().map_or(0, |r| r.len());
                if words >= 2 {
                    weight *= 2.0;
                }
            }
            // An entity counts once in each sentence, by its most salient
            // mention there (an apposition is not a second mention).
            match scores[..n_scores].iter_mut().find(|x| x.0 == e) {
                Some(x) if x.2 == sentence && weight > x.3 => {
                    x.1 += weight - x.3;
                    x.3 = weight;
                }
                Some(x) if x.2 == sentence => {}
                Some(x) => {
                    x.1 += weight;
                    x.2 = sentence;
                    x.3 = weight;
                }
                None if n_scores < SALIENCE_CANDIDATES => {
                    scores[n_scores] = (e, weight, sentence, weight);
                    n_scores += 1;
                }
                None => {}
            }
        }
        // The highest scores first; among equals, the most recent (met
        // first).
        let mut top: Antecedents = [(NO_ENTITY, 0.0); 3];
        for &(e, score, _, _) in &scores[..n_scores] {
            if let Some(at) = top.iter().position(|&(x, s)| x == NO_ENTITY || score > s) {
                top[at..].rotate_right(1);
                top[at] = (e as u32, score);
            }
        }
        top
    }

    /// How well entity `e` fits a pronoun that wants `want`: 0 for not at
    /// all, 1 for an entity known to be of that sort, less for one the
    /// words leave open.
    fn fit(&self, e: usize, want: Want) -> f32 {
        let s = &self.ents[e];
        match want {
            Want::Person(g) => {
                let gender = s.gender();
                if gender != Grammatical::Any && g != Grammatical::Any && gender != g {
                    return 0.0;
                }
                match s.kind {
                    EntityKind::Person => 1.0,
                    // A name of two words or more, or one that speaks, is
                    // most likely a person's.
                    EntityKind::Unknown if !s.thing && (s.words >= 2 || s.speaks) => 0.7,
                    EntityKind::Unknown if !s.thing => 0.3,
                    _ => 0.0,
                }
            }
            Want::Thing => match s.kind {
                EntityKind::Organisation | EntityKind::Document => 1.0,
                EntityKind::Unknown | EntityKind::Place => 0.3,
                _ => 0.0,
            },
            Want::Group => match s.kind {
                EntityKind::Group | EntityKind::Organisation => 1.0,
                EntityKind::Unknown => 0.2,
                _ => 0.0,
            },
            Want::Nothing => 0.0,
        }
    }

    /// [`Builder::role`] of mention `c`, worked out once.
    fn role_of(&self, c: usize) -> f32 {
        let known = self.roles[c].get();
        if !known.is_nan() {
            return known;
        }
        let role = self.role(c);
        self.roles[c].set(role);
        role
    }

    /// The weight of mention `c`'s place in its sentence, for salience:
    /// doubled for a clause subject, half again for a speaker, halved for a
    /// possessive (but for the possessor of a sentence's subject: "X's
    /// doctor said" is about X, though less than about a subject).
    fn role(&self, c: usize) -> f32 {
        let cm = &self.mentions[c];
        let mut weight = 1.0;
        if cm.is_possessive() {
            if !self.opens_sentence(c) {
                weight *= 0.5;
            }
        } else if self.is_subject(c) {
            weight *= 2.0;
        }
        if self.next_to_speech_verb(c) {
            weight *= 1.5;
        }
        weight
    }

    /// Whether mention `c` is the subject of its clause: the first mention
    /// of its sentence, or the first after a comma, not after a
    /// preposition and not a possessive.
    fn is_subject(&self, c: usize) -> bool {
        let r = self.mentions[c].token_range();
        if self.mentions[c].is_possessive() {
            return false;
        }
        let sent = self.doc.sentences()[self.mentions[c].sentence()].token_range();
        if r.start == sent.start {
            return true;
        }
        // "While X had …, Y said": the subject of a fronted subordinate
        // clause is not the sentence's.
        if self.lex(sent.start) & class::SUBORDINATOR != 0 && r.start <= sent.start + 2 {
            return false;
        }
        let before = self.doc.tokens()[r.start - 1];
        let w = self.doc.token_str(&before);
        if self.lex(r.start - 1) & class::PREPOSITION != 0 {
            return false;
        }
        // The first mention of the sentence, or the first after the comma
        // or semicolon that ends its opening phrase ("In a statement, X
        // said"); not a mention in a list or an apposition after a later
        // comma ("Tulsa, Okla., police officer X").
        let first_in_sentence =
            c == 0 || self.mentions[c - 1].sentence() != self.mentions[c].sentence();
        first_in_sentence
            || (matches!(w, "," | ";")
                && !(sent.start..r.start - 1).any(|k| matches!(self.word(k), "," | ";")))
    }

    /// Whether mention `c` opens its sentence, after at most a title or
    /// label ("Libertarian candidate Gary Johnson's doctor").
    fn opens_sentence(&self, c: usize) -> bool {
        let r = self.mentions[c].token_range();
        let sent = self.doc.sentences()[self.mentions[c].sentence()].token_range();
        r.start == sent.start
    }

    /// Whether a speech verb stands right before or after mention `c`: a
    /// speaker ("X said", "said X").
    fn next_to_speech_verb(&self, c: usize) -> bool {
        let r = self.mentions[c].token_range();
        let verb = |k: usize| crate::speech::is_speech_verb_at(self.doc, k);
        verb(r.end) || (r.start > 0 && verb(r.start - 1))
    }
}

/// The content words of a description, as hashes: a mention has at most a
/// dozen words, kept without an allocation.
#[derive(Default)]
struct DescriptionWords {
    hashes: [u64; 16],
    len: usize,
}

impl DescriptionWords {
    fn push(&mut self, h: u64) {
        if self.len < self.hashes.len() {
            self.hashes[self.len] = h;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[u64] {
        &self.hashes[..self.len]
    }
}

/// What a pronoun can refer to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Want {
    /// "he", "she", "his", "her": a person, of that gender.
    Person(Grammatical),
    /// "it", "its": an organisation or a document.
    Thing,
    /// "they", "their": a group or an organisation.
    Group,
    /// First and second person, and the rest.
    Nothing,
}

impl Want {
    fn of(m: &Mention) -> Want {
        match (m.entity_kind(), m.gender, m.number) {
            (_, Grammatical::Masculine, _) => Want::Person(Grammatical::Masculine),
            (_, Grammatical::Feminine, _) => Want::Person(Grammatical::Feminine),
            (_, Grammatical::Neuter, _) => Want::Thing,
            (_, _, crate::lexicon::Number::Plural) => Want::Group,
            _ => Want::Nothing,
        }
    }
}

fn kinds_compatible(a: EntityKind, b: EntityKind) -> bool {
    a == b || a == EntityKind::Unknown || b == EntityKind::Unknown
}

/// The hash a name's word is matched by: lower case, and its apostrophes
/// all one ("O'Neill" and "O’Neill"). Read byte by byte, without a copy.
fn name_word_hash(w: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let b = w.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        let mut c = b[i].to_ascii_lowercase();
        // ’ (E2 80 99) is written as '.
        if c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) {
            c = b'\'';
            i += 2;
        }
        h = (h ^ u64::from(c)).wrapping_mul(PRIME);
        i += 1;
    }
    h ^ (h >> 29)
}

/// Whether a capitalised word ends as English nouns of a job or a role
/// do: "Forecaster", "Photographer", "Economist", "Historian",
/// "Fireman".
fn job_shaped(w: &str) -> bool {
    w.len() >= 6
        && w.bytes().all(|b| b.is_ascii_alphabetic())
        && ["er", "or", "ist", "ian", "man", "woman"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// "J.", "H": an initial.
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    (b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.')
        || (b.len() == 1 && b[0].is_ascii_uppercase())
}

/// "Jr.", "III": a suffix after a surname.
fn is_suffix(w: &str) -> bool {
    matches!(
        w,
        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "jr." | "sr."
    )
}

/// Two capital letters or more and no lower-case letter.
fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        && w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

/// The hash of the lower-case initials of the capitalised words of
/// `range` ("imf" of "International Monetary Fund"), when it has two or
/// more; small words ("of", "for") are skipped.
fn initials_hash(doc: &Document<'_>, range: Range<usize>) -> Option<u64> {
    let mut buf = [0u8; 16];
    let mut n = 0;
    for k in range {
        let w = doc.str_at(k);
        if matches!(w, "of" | "for" | "and" | "on" | "the" | "to" | "&")
            || doc.tokens()[k].mark().is_some()
        {
            continue;
        }
        let c = *w.as_bytes().first()?;
        if !c.is_ascii_uppercase() || n == buf.len() {
            return None;
        }
        buf[n] = c.to_ascii_lowercase();
        n += 1;
    }
    // The letters are ASCII: hashed as the name word they spell.
    let word = std::str::from_utf8(&buf[..n]).ok()?;
    (n >= 2).then(|| name_word_hash(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_and_convert_as_their_index() {
        let m = MentionId::new(7);
        assert_eq!(
            (m.index(), m.to_string(), usize::from(m)),
            (7, "7".to_string(), 7)
        );
        assert!(EntityId::new(1) < EntityId::new(2));
    }

    #[test]
    fn a_mention_list_is_its_slice_however_kept() {
        let one = MentionList::One(MentionId::new(7));
        let many = MentionList::Many(vec![MentionId::new(2), MentionId::new(7)]);
        assert_eq!(one, MentionList::Many(vec![MentionId::new(7)]));
        assert_ne!(one, many);
        assert_eq!(format!("{one:?}"), "[MentionId(7)]");
        assert!(std::mem::size_of::<MentionList>() <= std::mem::size_of::<Vec<MentionId>>());
    }

    #[test]
    fn initials_and_acronyms() {
        let doc = crate::Tokenizer::new()
            .tokenize("the International Monetary Fund and the Federal Bureau of Investigation");
        let imf = initials_hash(&doc, 1..4);
        assert_eq!(imf, Some(name_word_hash("IMF")));
        // Small words are skipped.
        assert_eq!(initials_hash(&doc, 6..10), Some(name_word_hash("fbi")));
        // A lower-case word is no part of a name's initials.
        assert_eq!(initials_hash(&doc, 3..6), None);
        assert!(is_acronym("IMF") && is_acronym("U.S.") && !is_acronym("I") && !is_acronym("Imf"));
    }
}
