//! Stage 4: mentions clustered into entities.
//!
//! Names join the entity of an earlier name they extend or shorten ("Jim
//! Mattis", "Mattis"; "U.S. Defense Department", "Defense Department").
//! Descriptions join the most recent entity whose titles they repeat ("the
//! prime minister" after "Prime Minister Shahid Khaqan Abbasi"; "the
//! department" after "the U.S. Defense Department"). Pronouns join the
//! nearest compatible entity before them: the current sentence from right
//! to left, then earlier sentences, each from its subject on. Each entity
//! gets a canonical name: its longest name without titles.

use crate::lexicon::{class, hash_bytes, with_lower, Gender, HashKeyMap, Number, LEXICON};
use crate::mentions::{is_determiner, EntityKind, Mention, MentionKind};
use crate::span::Span;
use crate::tokenizer::Document;
use std::ops::Range;

/// An entity: one person, organisation or thing, mentioned one or more
/// times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<'t> {
    name: &'t str,
    name_span: Span,
    kind: EntityKind,
    mentions: MentionList,
}

/// The mentions of an entity. Two entities in three are mentioned once,
/// and one mention is kept without an allocation of its own.
#[derive(Clone)]
enum MentionList {
    One(usize),
    Many(Vec<usize>),
}

impl MentionList {
    /// Room for `n` mentions, filled by [`MentionList::push`].
    fn with_capacity(n: usize) -> MentionList {
        match n {
            1 => MentionList::One(usize::MAX),
            _ => MentionList::Many(Vec::with_capacity(n)),
        }
    }

    /// Adds mention `m`; a list made for one takes exactly one.
    fn push(&mut self, m: usize) {
        match self {
            MentionList::One(only) => {
                debug_assert_eq!(*only, usize::MAX, "a second mention in a list of one");
                *only = m;
            }
            MentionList::Many(list) => list.push(m),
        }
    }

    fn as_slice(&self) -> &[usize] {
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

impl std::fmt::Debug for MentionList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<'t> Entity<'t> {
    /// The canonical name: the longest name the text gives it, without
    /// titles ("Shahid Khaqan Abbasi"), or for an entity only ever
    /// described, its first description without the determiner ("Russian
    /// government").
    pub fn name(&self) -> &'t str {
        self.name
    }

    /// Where the canonical name stands in the text.
    pub fn name_span(&self) -> Span {
        self.name_span
    }

    /// What the entity is.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// Indexes of its mentions in the mention list, in text order.
    pub fn mentions(&self) -> &[usize] {
        self.mentions.as_slice()
    }
}

/// The entities of a document and the entity of each mention.
#[derive(Clone, Debug, Default)]
pub struct Entities<'t> {
    entities: Vec<Entity<'t>>,
    /// The entity of each mention, [`NO_ENTITY`] for none. Entity indexes
    /// fit in 32 bits: there are never more entities than tokens.
    of_mention: Vec<u32>,
}

/// An unresolved mention in [`Entities::of_mention`].
const NO_ENTITY: u32 = u32::MAX;

impl<'t> Entities<'t> {
    /// All entities, in order of first mention.
    pub fn entities(&self) -> &[Entity<'t>] {
        &self.entities
    }

    /// The entity of mention `mention`, if it was resolved.
    pub fn entity_of(&self, mention: usize) -> Option<usize> {
        self.of_mention
            .get(mention)
            .and_then(|&e| (e != NO_ENTITY).then_some(e as usize))
    }
}

struct Builder<'a, 't> {
    doc: &'a Document<'t>,
    mentions: &'a [Mention],
    entities: Vec<Entity<'t>>,
    of_mention: Vec<u32>,
    /// For each entity, what name matching and pronouns read of it, kept
    /// together and small: a long text has too many entities for the
    /// cache, and each candidate costs a memory access.
    hot: Vec<Hot>,
    /// For each entity, where its title words are in `title_lists`
    /// ([`NO_TITLES`] for none yet): most entities have none, and a list
    /// for each would take six times the room.
    titles: Vec<u32>,
    /// The lower-case title words seen with the names of an entity, one
    /// list for each entity that has any.
    title_lists: Vec<Vec<&'static str>>,
    /// Entities by the keys of their names ([`NameKey`]): the newest entry
    /// in `filed` under each key.
    index: HashKeyMap<u32>,
    /// Entries of the index: an entity, the entry filed before it under
    /// the same key ([`NO_ENTRY`] for none), and the number of entities
    /// when it was filed. Entries are filed in text order, so every entry
    /// down a key's chain names an entity below the bound of the entry
    /// before it: a walk looking for the newest matching entity stops
    /// once the bound says no newer one can follow.
    filed: Vec<Filed>,
    /// The entities' canonical names, one after the other, each word
    /// followed by a space: candidates are compared with these copies
    /// rather than with their tokens far back in the text, which a long
    /// text no longer has in the cache.
    names: String,
    /// The name being added, written the same way.
    name: String,
    /// Buffers reused for each name: the hashes of its words, the keys to
    /// look up.
    hashes: Vec<u64>,
    keys: Vec<u64>,
}

/// What the builder reads of an entity while it clusters: where its
/// canonical name stands in [`Builder::names`] and how many words it has
/// (none for a description), its kind so far and its gender.
#[derive(Clone, Copy)]
struct Hot {
    name: (u32, u32),
    words: u8,
    kind: EntityKind,
    gender: Gender,
}

/// An entry of [`Builder::filed`].
#[derive(Clone, Copy)]
struct Filed {
    entity: u32,
    before: u32,
    bound: u32,
}

/// An entity without title words in [`Builder::titles`].
const NO_TITLES: u32 = u32::MAX;

/// No entry of [`Builder::filed`].
const NO_ENTRY: u32 = u32::MAX;

/// How many of the most recent entities under one key a name is compared
/// with.
const NAME_CANDIDATES: usize = 32;

/// What a name is filed under, so that the names it may corefer with (see
/// [`names_corefer`]) are found by a few hash lookups instead of a scan.
/// A key is the hash of a run of words and of the way the run stands in the
/// name; a hash collision is harmless, as every candidate is checked word
/// for word.
#[derive(Clone, Copy)]
enum NameKey {
    /// The whole name.
    Full = 1,
    /// A proper suffix ("Mattis" of "Jim Mattis").
    Suffix,
    /// A proper prefix of two words or more ("Bank of" of "Bank of
    /// America").
    Prefix,
    /// The first word of a name of two or three words (the given name
    /// "Jim" of "Jim Mattis").
    ShortFirst,
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

/// The hash of one word, case-sensitive as names are compared.
fn word_hash(w: &str) -> u64 {
    hash_bytes(w.as_bytes())
}

/// The most name keys [`cluster`] makes room for up front: every name of
/// a news-sized text. A longer text grows its index as needed, which
/// touches less memory than a table sized for all its names, most of which
/// repeat.
const INDEX_RESERVE: usize = 1 << 15;

/// How far back descriptions look for the entity they describe.
const DESCRIPTION_WINDOW: usize = 64;

/// Clusters `mentions` (in text order, as [`crate::MentionFinder`] returns them)
/// into entities; the entity kind of unknown mentions is settled on the way.
pub fn cluster<'t>(doc: &Document<'t>, mentions: &mut [Mention]) -> Entities<'t> {
    // Every entity starts at a name or a description: at most that many.
    // Names alone size the index.
    let (most, names) = mentions
        .iter()
        .fold((0, 0), |(most, names), m| match m.kind() {
            MentionKind::Name => (most + 1, names + 1),
            MentionKind::Description => (most + 1, names),
            MentionKind::Pronoun => (most, names),
        });
    let mut b = Builder {
        doc,
        mentions,
        entities: Vec::with_capacity(most),
        of_mention: vec![NO_ENTITY; mentions.len()],
        hot: Vec::with_capacity(most),
        titles: Vec::with_capacity(most),
        title_lists: Vec::new(),
        index: HashKeyMap::with_capacity_and_hasher(names.min(INDEX_RESERVE), Default::default()),
        filed: Vec::with_capacity(names),
        names: String::new(),
        name: String::new(),
        hashes: Vec::new(),
        keys: Vec::new(),
    };
    for m in 0..b.mentions.len() {
        match b.mentions[m].kind() {
            MentionKind::Name => b.add_name(m),
            MentionKind::Description => b.add_description(m),
            MentionKind::Pronoun => {}
        }
    }
    for m in 0..b.mentions.len() {
        if b.mentions[m].kind() == MentionKind::Pronoun {
            b.add_pronoun(m);
        }
    }
    let Builder {
        entities,
        of_mention,
        hot,
        ..
    } = b;
    let mut entities = entities;
    // Entity kinds settle with all the evidence: a name once titled or
    // referred to as "he" is a person.
    for (ent, h) in entities.iter_mut().zip(&hot) {
        ent.kind = h.kind;
    }
    drop(hot);
    let resolved = || {
        of_mention
            .iter()
            .enumerate()
            .filter(|&(_, &e)| e != NO_ENTITY)
            .map(|(m, &e)| (m, e as usize))
    };
    // Each entity's mentions, in text order: counted first, so that each
    // list is allocated once.
    let mut counts = vec![0u32; entities.len()];
    for (_, e) in resolved() {
        counts[e] += 1;
    }
    for (ent, &n) in entities.iter_mut().zip(&counts) {
        ent.mentions = MentionList::with_capacity(n as usize);
    }
    for (m, e) in resolved() {
        entities[e].mentions.push(m);
    }
    for (m, e) in resolved() {
        if mentions[m].entity_kind() == EntityKind::Unknown
            && entities[e].kind != EntityKind::Unknown
        {
            mentions[m].set_entity_kind(entities[e].kind);
        }
    }
    Entities {
        entities,
        of_mention,
    }
}

fn span_of(doc: &Document<'_>, r: &std::ops::Range<usize>) -> Span {
    let t = doc.tokens();
    Span::new(t[r.start].span().start, t[r.end - 1].span().end)
}

impl<'t> Builder<'_, 't> {
    /// A new entity named by `name_span`. For a name mention, `words` is
    /// its number of words, which [`Builder::write_name`] has written to
    /// `self.name`; 0 for a description, which is never matched word for
    /// word.
    fn new_entity(&mut self, m: usize, name_span: Span, kind: EntityKind, words: usize) -> usize {
        let text = self.doc.text();
        self.entities.push(Entity {
            name: &text[name_span],
            name_span,
            kind,
            mentions: MentionList::Many(Vec::new()),
        });
        let name = if words == 0 { (0, 0) } else { self.copy_name() };
        self.hot.push(Hot {
            name,
            words: words.min(u8::MAX as usize) as u8,
            kind,
            gender: self.mentions[m].gender,
        });
        self.titles.push(NO_TITLES);
        self.entities.len() - 1
    }

    /// Writes the name at tokens `words` into `self.name`, each word
    /// followed by a space.
    fn write_name(&mut self, words: Range<usize>) {
        self.name.clear();
        for k in words {
            self.name.push_str(self.doc.str_at(k));
            self.name.push(' ');
        }
    }

    /// Appends `self.name` to `self.names`; returns where it stands there.
    fn copy_name(&mut self) -> (u32, u32) {
        let at = self.names.len();
        self.names.push_str(&self.name);
        // At most twice the text's length, as every name copied is a
        // distinct mention (a word and its space take at least two bytes):
        // within u32 for texts up to 2 GiB. Beyond, a name that does not
        // fit is kept as no words, and matches nothing.
        match (u32::try_from(at), u32::try_from(self.names.len())) {
            (Ok(start), Ok(end)) => (start, end - start),
            _ => {
                self.names.truncate(at);
                (0, 0)
            }
        }
    }

    /// Fills `self.hashes` with the hashes of the words of `name`.
    fn hash_words(&mut self, name: Range<usize>) {
        let doc = self.doc;
        self.hashes.clear();
        self.hashes.extend(name.map(|k| word_hash(doc.str_at(k))));
    }

    /// Files entity `e` under the keys of the name whose word hashes
    /// `self.hashes` holds (its name now): the whole name, its proper
    /// suffixes, its proper prefixes of two words or more, and the first
    /// word of a name of two or three words.
    fn index_words(&mut self, e: usize) {
        let h = &self.hashes;
        let n = h.len();
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        keys.push(NameKey::Full.of(h));
        keys.extend((1..n).map(|k| NameKey::Suffix.of(&h[k..])));
        keys.extend((2..n).map(|k| NameKey::Prefix.of(&h[..k])));
        if (2..=3).contains(&n) {
            keys.push(NameKey::ShortFirst.of(&h[..1]));
        }
        let e = e as u32;
        for &key in &keys {
            let next = self.filed.len() as u32;
            let head = self.index.entry(key).or_insert(NO_ENTRY);
            if *head == NO_ENTRY || self.filed[*head as usize].entity != e {
                self.filed.push(Filed {
                    entity: e,
                    before: *head,
                    bound: self.entities.len() as u32,
                });
                *head = next;
            }
        }
        self.keys = keys;
    }

    /// Fills `self.keys` with the keys under which the names that the name
    /// whose word hashes `self.hashes` holds may corefer with are filed (the
    /// converse of [`Builder::index_words`]).
    fn lookup_keys(&mut self) {
        let h = &self.hashes;
        let n = h.len();
        let keys = &mut self.keys;
        keys.clear();
        // The same name, or one that ends with this one.
        keys.push(NameKey::Full.of(h));
        keys.push(NameKey::Suffix.of(h));
        // Names this one ends with.
        keys.extend((1..n).map(|k| NameKey::Full.of(&h[k..])));
        // Names that start with this one, or that this one starts with.
        if n > 1 {
            keys.push(NameKey::Prefix.of(h));
        }
        keys.extend((2..n).map(|k| NameKey::Full.of(&h[..k])));
        // A one-word name and a name of two or three words it begins.
        if n == 1 {
            keys.push(NameKey::ShortFirst.of(h));
        } else if n <= 3 {
            keys.push(NameKey::Full.of(&h[..1]));
        }
    }

    fn attach(&mut self, m: usize, e: usize) {
        self.of_mention[m] = e as u32;
        let g = self.mentions[m].gender;
        let mk = self.mentions[m].entity_kind();
        let hot = &mut self.hot[e];
        if matches!(g, Gender::Masculine | Gender::Feminine) && hot.gender == Gender::Any {
            hot.gender = g;
        }
        if hot.kind == EntityKind::Unknown && mk != EntityKind::Unknown {
            hot.kind = mk;
        }
    }

    /// The title words seen with entity `e`'s names.
    fn titles_of(&self, e: usize) -> &[&'static str] {
        match self.titles[e] {
            NO_TITLES => &[],
            i => &self.title_lists[i as usize],
        }
    }

    /// Records the title words standing before a name mention.
    fn note_titles(&mut self, m: usize, e: usize) {
        let mention = &self.mentions[m];
        let Some(name) = mention.name_tokens() else {
            return;
        };
        for k in mention.token_range().start..name.start {
            // Titles and title modifiers, listed, carry these classes.
            if self.doc.tokens()[k].lex() & (class::TITLE | class::MODIFIER) == 0 {
                continue;
            }
            let (text, span) = (self.doc.text(), self.doc.tokens()[k].span());
            let form = LEXICON
                .title_form_in(text, span)
                .or_else(|| lower_static(&text[span]));
            if let Some(f) = form {
                if self.titles[e] == NO_TITLES {
                    self.titles[e] = self.title_lists.len() as u32;
                    self.title_lists.push(Vec::new());
                }
                let list = &mut self.title_lists[self.titles[e] as usize];
                if !list.contains(&f) {
                    list.push(f);
                }
            }
        }
    }

    fn add_name(&mut self, m: usize) {
        let doc = self.doc;
        let mention = &self.mentions[m];
        let name = mention.name_tokens().unwrap_or(mention.token_range());
        let kind = mention.entity_kind();
        let span = span_of(doc, &name);
        // Most recent compatible entity whose longest name this one extends
        // or shortens, word for word, found through the keys it is filed
        // under. An entity whose name grew since stays filed under the old
        // keys too, so every candidate is checked against its name now. The
        // most recent few under each key are enough, and keep a text of
        // endless look-alike names linear.
        self.hash_words(name.clone());
        self.lookup_keys();
        // The newest compatible candidate: a candidate older than the best
        // so far is not compared, and a chain is left once its bound says
        // that only older ones follow.
        let mut found: Option<usize> = None;
        let mut written = false;
        let keys = std::mem::take(&mut self.keys);
        for key in &keys {
            let mut at = self.index.get(key).copied().unwrap_or(NO_ENTRY);
            for _ in 0..NAME_CANDIDATES {
                let Some(&entry) = self.filed.get(at as usize) else {
                    break;
                };
                if found.is_some_and(|best| entry.bound as usize <= best + 1) {
                    break;
                }
                at = entry.before;
                let e = entry.entity as usize;
                if found.is_some_and(|best| e <= best) {
                    continue;
                }
                // The name in the form candidates are kept in, for
                // comparing, and for keeping it in turn.
                if !written {
                    written = true;
                    self.write_name(name.clone());
                }
                let hot = self.hot[e];
                let (start, len) = (hot.name.0 as usize, hot.name.1 as usize);
                if kinds_compatible(hot.kind, kind)
                    && names_corefer(
                        (&self.names[start..start + len], hot.words as usize),
                        (&self.name, name.len()),
                    )
                {
                    found = Some(e);
                }
            }
        }
        self.keys = keys;
        let e = match found {
            Some(e) => {
                // Keep the longest name as the canonical one.
                if span.len() > self.entities[e].name_span.len() {
                    let text = doc.text();
                    self.entities[e].name = &text[span];
                    self.entities[e].name_span = span;
                    self.hot[e].name = self.copy_name();
                    self.hot[e].words = name.len().min(u8::MAX as usize) as u8;
                    self.index_words(e);
                }
                e
            }
            None => {
                if !written {
                    self.write_name(name.clone());
                }
                let e = self.new_entity(m, span, kind, name.len());
                self.index_words(e);
                e
            }
        };
        self.attach(m, e);
        self.note_titles(m, e);
    }

    fn add_description(&mut self, m: usize) {
        let doc = self.doc;
        let mention = &self.mentions[m];
        let tokens = mention.token_range();
        let first = doc.str_at(tokens.start);
        let definite = with_lower(first, |w| {
            matches!(w, "the" | "this" | "that" | "these" | "those")
        });
        let head = doc.str_at(mention.head());
        let kind = mention.entity_kind();
        let start = if is_determiner(first) {
            tokens.start + 1
        } else {
            tokens.start
        };
        if definite {
            // "the prime minister": an entity titled "Prime Minister".
            if let Some(head_title) = LEXICON.title_form(head) {
                let mods: Vec<&'static str> = (start..mention.head())
                    .filter_map(|k| {
                        let w = doc.str_at(k);
                        LEXICON.title_form(w).or_else(|| lower_static(w))
                    })
                    .collect();
                let lo = self.entities.len().saturating_sub(DESCRIPTION_WINDOW);
                let found = (lo..self.entities.len()).rev().find(|&e| {
                    let titles = self.titles_of(e);
                    titles.contains(&head_title) && mods.iter().all(|x| titles.contains(x))
                });
                if let Some(e) = found {
                    self.attach(m, e);
                    return;
                }
            }
            // "the department": an organisation named with that word; "the
            // company", "the group": the last organisation named.
            if kind == EntityKind::Organisation {
                let generic = with_lower(head, |h| {
                    matches!(
                        h,
                        "company"
                            | "firm"
                            | "corporation"
                            | "group"
                            | "organization"
                            | "organisation"
                            | "network"
                            | "newspaper"
                            | "paper"
                    )
                });
                let lo = self.entities.len().saturating_sub(DESCRIPTION_WINDOW);
                let found = (lo..self.entities.len()).rev().find(|&e| {
                    self.hot[e].kind == EntityKind::Organisation
                        && (generic
                            || self.entities[e]
                                .name
                                .split_whitespace()
                                .any(|w| w.eq_ignore_ascii_case(head)))
                });
                if let Some(e) = found {
                    self.attach(m, e);
                    return;
                }
            }
        }
        let span = span_of(doc, &(start.min(mention.head())..tokens.end));
        let e = self.new_entity(m, span, kind, 0);
        self.attach(m, e);
    }

    fn add_pronoun(&mut self, m: usize) {
        let doc = self.doc;
        let mention = &self.mentions[m];
        // A pronoun mention is its one token: its text is read without
        // reading the token.
        let w = mention.as_str(doc.text());
        // What the pronoun is, read without allocating a lower-case copy:
        // first person (never attached), "who", or a personal pronoun.
        let (first_person, who, want_person) = with_lower(w, |l| {
            (
                matches!(l, "i" | "we"),
                l == "who",
                matches!(l, "he" | "she" | "his" | "her"),
            )
        });
        if first_person {
            return;
        }
        if who {
            // The relative pronoun refers to the mention right before it.
            if m > 0 {
                let prev = &self.mentions[m - 1];
                let gap = mention.head() - prev.token_range().end;
                if gap <= 1 && self.of_mention[m - 1] != NO_ENTITY {
                    self.attach(m, self.of_mention[m - 1] as usize);
                }
            }
            return;
        }
        let gender = mention.gender;
        let number = mention.number;
        let sentence = mention.sentence();
        let compatible = |b: &Builder<'_, 't>, c: usize| -> Option<usize> {
            let cm = &b.mentions[c];
            // A possessive pronoun ("his arrival") is a weak antecedent: it
            // may itself point forward to the subject after it.
            if cm.kind() == MentionKind::Pronoun && cm.is_possessive() {
                return None;
            }
            let e = b.of_mention[c];
            if e == NO_ENTITY {
                return None;
            }
            let e = e as usize;
            let kind = b.hot[e].kind;
            let ok = if want_person {
                let g = b.hot[e].gender;
                kind == EntityKind::Person && (g == Gender::Any || g == gender)
            } else if number == Number::Plural {
                matches!(kind, EntityKind::Group | EntityKind::Organisation)
            } else {
                // "it": organisations, documents, places.
                matches!(
                    kind,
                    EntityKind::Organisation | EntityKind::Document | EntityKind::Place
                ) && cm.number == Number::Singular
            };
            ok.then_some(e)
        };
        // The current sentence, right to left (a bounded way back).
        let mut c = m;
        let floor = m.saturating_sub(DESCRIPTION_WINDOW);
        while c > floor {
            c -= 1;
            let cm = &self.mentions[c];
            if cm.sentence() != sentence {
                break;
            }
            if let Some(e) = compatible(self, c) {
                self.attach(m, e);
                return;
            }
        }
        // Earlier sentences, nearest first, each from its subject on.
        let mut end = c + 1;
        if end > 0 && self.mentions[end - 1].sentence() == sentence {
            end -= 1;
        }
        let mut sentences_back = 0;
        let mut hi = end;
        // Six sentences back, and never more mentions than the window: a
        // text of one endless sentence stays linear.
        let floor = end.saturating_sub(4 * DESCRIPTION_WINDOW);
        while hi > floor && sentences_back < 6 {
            let s = self.mentions[hi - 1].sentence();
            let mut lo = hi - 1;
            while lo > floor && self.mentions[lo - 1].sentence() == s {
                lo -= 1;
            }
            for c in lo..hi {
                if let Some(e) = compatible(self, c) {
                    self.attach(m, e);
                    return;
                }
            }
            hi = lo;
            sentences_back += 1;
        }
    }
}

/// A `&'static str` for a lower-cased word that is in a static list, so that
/// lookups can return list entries.
fn lower_static(w: &str) -> Option<&'static str> {
    LEXICON.title_modifiers.get(w)
}

fn kinds_compatible(a: EntityKind, b: EntityKind) -> bool {
    use EntityKind::*;
    a == b || a == Unknown || b == Unknown
}

/// Whether two names can be the same entity: one is the other's last word
/// (a surname), first word (a given name, for people), or a word-for-word
/// prefix or suffix of it.
///
/// Each name is given as [`Builder::write_name`] writes it (each word
/// followed by a space) and its number of words.
fn names_corefer(a: (&str, usize), b: (&str, usize)) -> bool {
    // No words (a description), or a name the builder could not keep.
    if a.1 == 0 || b.1 == 0 || a.0.is_empty() || b.0.is_empty() {
        return false;
    }
    let ((short, short_words), (long, long_words)) = if a.1 <= b.1 { (a, b) } else { (b, a) };
    // The short name's words end the long one, or begin it. A name ends
    // with a space, so a match at the start falls on a word boundary; one
    // at the end needs a space (or nothing) before it.
    let at_end = long.ends_with(short)
        && (long.len() == short.len() || long.as_bytes()[long.len() - short.len() - 1] == b' ');
    let at_start = || long.starts_with(short);
    at_end || short_words > 1 && at_start() || short_words == 1 && long_words <= 3 && at_start()
}

#[cfg(test)]
mod tests {
    use super::names_corefer;

    fn corefer(a: &str, b: &str) -> bool {
        let written = |n: &str| {
            let words = n.split_whitespace().count();
            let s: String = n.split_whitespace().map(|w| format!("{w} ")).collect();
            (s, words)
        };
        let (a, b) = (written(a), written(b));
        let one = names_corefer((&a.0, a.1), (&b.0, b.1));
        assert_eq!(one, names_corefer((&b.0, b.1), (&a.0, a.1)), "{a:?} {b:?}");
        one
    }

    #[test]
    fn names_corefer_word_for_word_at_either_end() {
        assert!(corefer("Mattis", "Jim Mattis"));
        assert!(corefer("Jim", "Jim Mattis"));
        assert!(corefer("Smith", "Smith"));
        assert!(corefer("Bank of", "Bank of America"));
        assert!(corefer("Defense Department", "U.S. Defense Department"));
        // Words, not letters: "Tis" does not end "Jim Mattis".
        assert!(!corefer("Tis", "Jim Mattis"));
        assert!(!corefer("Ji", "Jim Mattis"));
        // A one-word name begins only a name of up to three words.
        assert!(!corefer("Bank", "Bank of America Corp"));
        assert!(!corefer("Jim", "Mattis"));
        // A word in the middle is neither end.
        assert!(!corefer("Khaqan", "Shahid Khaqan Abbasi"));
    }

    #[test]
    fn a_mention_list_is_its_slice_however_kept() {
        use super::MentionList;
        let mut one = MentionList::with_capacity(1);
        one.push(7);
        let mut many = MentionList::with_capacity(3);
        for m in [2, 7, 9] {
            many.push(m);
        }
        assert_eq!(one.as_slice(), [7]);
        assert_eq!(many.as_slice(), [2, 7, 9]);
        assert_eq!(one, MentionList::Many(vec![7]));
        assert_ne!(one, many);
        assert_eq!(format!("{one:?} {many:?}"), "[7] [2, 7, 9]");
        // No larger than the vector it stands for.
        assert!(std::mem::size_of::<MentionList>() <= std::mem::size_of::<Vec<usize>>());
    }

    #[test]
    fn names_without_words_match_nothing() {
        assert!(!names_corefer(("", 0), ("Jim Mattis ", 2)));
        // A name the builder could not keep: no text, though it had words.
        assert!(!names_corefer(("", 2), ("Jim Mattis ", 2)));
        assert!(!names_corefer(("Jim Mattis ", 2), ("", 1)));
    }
}
