//! Word lists, compiled in from the plain text files in `src/lexicon/`.
//!
//! The lists are data, not code: a linguist can edit them without reading
//! Rust. Each file documents its own format in its leading comment lines.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

/// The hasher of the word maps: [`hash_bytes`], eight bytes at a time. The
/// keys are short words, for which SipHash's setup cost dominates the
/// lookup; a map whose keys come from the text holds a few per document.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes_from(self.0, bytes);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A hasher for keys that are hashes already (well mixed `u64`s): it
/// passes them through instead of hashing them again.
#[derive(Default)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is meant to be called; other keys still hash.
        self.0 = hash_bytes_from(self.0, bytes);
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

/// A map keyed by hashes (see [`PreHashed`]).
pub(crate) type HashKeyMap<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;

/// A case-insensitive table of ASCII words, looked up straight from the
/// token's bytes: no lower-cased copy, no UTF-8 check, one probe for most
/// words. The hot path of mention finding and cue search.
///
/// A word of up to 16 bytes is read as two little-endian `u64`s with bit
/// 0x20 set in every byte, which lower-cases ASCII letters; that pair is
/// both the key and, multiplied, the hash. Keys compare exactly because the
/// listed words hold only lower-case letters and bytes 0x20..=0x3F (digits,
/// space, `'`, `-`, `.`, `&`), and a query with a byte below 0x20 is turned
/// away before the probe (a word token has none), while one above 0x7F
/// keeps its high bit and matches nothing. Longer words, and listed words
/// with other bytes, live in a short list searched only for such queries.
pub(crate) struct WordTable<V> {
    /// `(0, 0, _)` is an empty slot: a key of a non-empty word is never 0.
    slots: Vec<(u64, u64, V)>,
    /// Eight bits of each slot's hash, high bit set (0 for an empty slot):
    /// a probe reads this small array, which stays in the cache, and the
    /// slot itself only when the tag matches.
    tags: Vec<u8>,
    shift: u32,
    /// Words the packed keys cannot hold, compared case-insensitively.
    others: Vec<(Box<str>, V)>,
    /// Whether a word of `others` is short enough to have a packed key
    /// too: then a miss in `slots` searches `others` as well; for a word
    /// with a byte above 0x7F ("fiancé"), only when the query has one.
    short_others: bool,
    short_wide_others: bool,
}

const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// A hash of `bytes`, case-sensitive, eight bytes at a time: for words,
/// where FNV's byte-at-a-time loop is slower. Not for untrusted keys in
/// maps an adversary could fill; collisions must be checked by the caller.
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_bytes_from(0, bytes)
}

/// [`hash_bytes`] continuing from the hash `seed`.
#[inline]
fn hash_bytes_from(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    for chunk in bytes.chunks(8) {
        h = (h ^ load(chunk)).wrapping_mul(K).rotate_left(29);
    }
    h
}

/// Up to 8 bytes as a little-endian `u64`, zero-padded.
#[inline]
fn load(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    } else if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64;
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]) as u64;
        lo | (hi << ((n - 4) * 8))
    } else if n > 0 {
        b[0] as u64 | (b[n / 2] as u64) << (n / 2 * 8) | (b[n - 1] as u64) << ((n - 1) * 8)
    } else {
        0
    }
}

/// The packed, case-folded key of a word of 1 to 16 bytes, or `None` when
/// a byte is outside 0x20..=0x7F (no listed word can then match).
#[inline]
fn packed_key(b: &[u8]) -> Option<(u64, u64)> {
    let n = b.len();
    if n == 0 || n > 16 {
        return None;
    }
    let split = n.min(8);
    fold_key(load(&b[..split]), load(&b[split..]), n)
}

/// The packed key of the word token `text[start..end]`, read as two whole
/// words when 16 bytes of `text` follow `start`. A word token holds no
/// byte below 0x20, so that check is left out; a byte above 0x7F stays
/// above 0x7F once folded and so matches no listed word.
#[inline(always)]
fn packed_word_key_in(text: &[u8], start: usize, end: usize) -> Option<(u64, u64)> {
    let n = end.wrapping_sub(start);
    if n == 0 || n > 16 {
        return None;
    }
    let (a, c) = match text.get(start..start + 16) {
        Some(w) => {
            let (lo, hi) = w.split_at(8);
            (
                u64::from_le_bytes(lo.try_into().unwrap_or_default()),
                u64::from_le_bytes(hi.try_into().unwrap_or_default()),
            )
        }
        None => {
            let b = text.get(start..end)?;
            let split = n.min(8);
            (load(&b[..split]), load(&b[split..]))
        }
    };
    Some(fold_case(a, c, n))
}

/// The ASCII-case-folded packed key of the word token `text[start..end]`
/// when it has 1 to 16 bytes, all ASCII: two such words are equal ignoring
/// ASCII case exactly when their keys are. `None` for longer words and for
/// words with a byte above 0x7F, which the caller compares as strings.
#[inline(always)]
pub(crate) fn ascii_word_key(text: &[u8], start: usize, end: usize) -> Option<(u64, u64)> {
    let (a, c) = packed_word_key_in(text, start, end)?;
    ((a | c) & HIGH == 0).then_some((a, c))
}

/// The low `n` bytes (1 to 16) of the little-endian pair `(a, c)`, with bit
/// 0x20 set in each: ASCII letters in lower case, padding left at zero.
#[inline(always)]
fn fold_case(a: u64, c: u64, n: usize) -> (u64, u64) {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    let (m0, m1) = masks(n);
    ((a | FOLD) & m0, (c | FOLD) & m1)
}

/// Masks of the bytes of a word of `n` bytes (1 to 16) in the low and the
/// high half of its packed key.
#[inline(always)]
fn masks(n: usize) -> (u64, u64) {
    MASKS[n & 31]
}

/// [`masks`] by length (entries past 16 are never used).
static MASKS: [(u64, u64); 32] = {
    let mut t = [(0u64, 0u64); 32];
    let mut n = 1;
    while n <= 16 {
        t[n] = if n <= 8 {
            (u64::MAX >> (64 - 8 * n), 0)
        } else {
            (u64::MAX, u64::MAX >> (128 - 8 * n))
        };
        n += 1;
    }
    t
};

/// Keeps the low `n` bytes (1 to 16) of the little-endian pair `(a, c)`,
/// checks them and folds their case; see [`WordTable`].
#[inline]
fn fold_key(a: u64, c: u64, n: usize) -> Option<(u64, u64)> {
    let (m0, m1) = masks(n);
    let (a, c) = (a & m0, c & m1);
    if (a | c) & HIGH != 0 {
        return None;
    }
    // A present byte below 0x20 has its three high bits clear; padding
    // bytes are made non-zero so that only present bytes count.
    let ya = (a & 0xE0E0_E0E0_E0E0_E0E0) | (!m0 & 0xE0E0_E0E0_E0E0_E0E0);
    let yc = (c & 0xE0E0_E0E0_E0E0_E0E0) | (!m1 & 0xE0E0_E0E0_E0E0_E0E0);
    if (ya.wrapping_sub(LOW) & !ya & HIGH) | (yc.wrapping_sub(LOW) & !yc & HIGH) != 0 {
        return None;
    }
    Some(fold_case(a, c, n))
}

/// Whether a listed word can be held as a packed key (see [`WordTable`]).
fn packable(word: &str) -> bool {
    (1..=16).contains(&word.len())
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || (0x20..=0x3F).contains(&b))
}

impl<V: Copy + Default> WordTable<V> {
    fn new(entries: impl IntoIterator<Item = (String, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let entries: Vec<(String, V)> = entries.into_iter().collect();
        // At most a quarter full: a miss, the common case for a word of
        // running text, reads a tag or two.
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: Vec::new(),
            tags: vec![0; size],
            shift: 64 - size.trailing_zeros(),
            others: Vec::new(),
            short_others: false,
            short_wide_others: false,
        };
        let mut slots: Vec<Option<(u64, u64, V)>> = vec![None; size];
        for (key, value) in entries {
            let key = key.to_ascii_lowercase();
            if !packable(&key) {
                match table.others.iter_mut().find(|(k, _)| **k == *key) {
                    Some((_, v)) => *v = merge(*v, value),
                    None => table.others.push((key.into_boxed_str(), value)),
                }
                continue;
            }
            let Some((a, c)) = packed_key(key.as_bytes()) else {
                continue;
            };
            let (mut i, tag) = table.slot_of(a, c);
            loop {
                match &mut slots[i] {
                    Some((ka, kc, v)) if (*ka, *kc) == (a, c) => {
                        *v = merge(*v, value);
                        break;
                    }
                    Some(_) => i = (i + 1) & (size - 1),
                    slot @ None => {
                        *slot = Some((a, c, value));
                        table.tags[i] = tag;
                        break;
                    }
                }
            }
        }
        let short = |ascii: bool| {
            table
                .others
                .iter()
                .any(|(k, _)| k.len() <= 16 && k.is_ascii() == ascii)
        };
        table.short_others = short(true);
        table.short_wide_others = short(false);
        // Empty slots hold zero keys; their value is never read.
        table.slots = slots
            .into_iter()
            .map(|s| s.unwrap_or((0, 0, V::default())))
            .collect();
        table
    }

    /// The first slot to probe for the key `(a, c)`, and its tag.
    #[inline(always)]
    fn slot_of(&self, a: u64, c: u64) -> (usize, u8) {
        let h = (a ^ c.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The index takes the top bits; the tag the eight below them.
        (
            (h >> self.shift) as usize,
            (h >> (self.shift - 8)) as u8 | 0x80,
        )
    }

    /// The value of `word`, compared case-insensitively (ASCII).
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        let b = word.as_bytes();
        match packed_key(b) {
            Some(key) => self.probe(key, b),
            None => self.get_other(b),
        }
    }

    /// The value of the word token `text[span]`: [`WordTable::get`]
    /// reading the key straight from the text. `text[span]` must hold no
    /// byte below 0x20, as no word token does.
    #[inline(always)]
    pub fn get_word_in(&self, text: &str, span: crate::Span) -> Option<V> {
        let bytes = text.as_bytes();
        match packed_word_key_in(bytes, span.start, span.end) {
            Some(key) => self.probe(key, &bytes[span.start..span.end]),
            None => self.get_other(&bytes[span.start..span.end]),
        }
    }

    #[inline(always)]
    fn probe(&self, (a, c): (u64, u64), b: &[u8]) -> Option<V> {
        let mask = self.slots.len() - 1;
        let (mut i, tag) = self.slot_of(a, c);
        loop {
            let t = self.tags[i];
            if t == tag {
                let (ka, kc, v) = self.slots[i];
                if ka == a && kc == c {
                    return Some(v);
                }
            } else if t == 0 {
                let wide = (a | c) & HIGH != 0;
                return if self.short_others || (wide && self.short_wide_others) {
                    self.get_other(b)
                } else {
                    None
                };
            }
            i = (i + 1) & mask;
        }
    }

    #[cold]
    fn get_other(&self, b: &[u8]) -> Option<V> {
        self.others
            .iter()
            .find(|(k, _)| k.as_bytes().eq_ignore_ascii_case(b))
            .map(|(_, v)| *v)
    }
}
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// Grammatical gender, as far as it helps pick a pronoun's antecedent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Any,
}

/// Grammatical number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Number {
    Singular,
    Plural,
}

/// What a pronoun can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PronounInfo {
    pub gender: Gender,
    pub number: Number,
    pub person: u8,
    pub role: PronounRole,
}

/// What a pronoun does in its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PronounRole {
    Subject,
    Object,
    Possessive,
    Reflexive,
    Relative,
}

impl PronounInfo {
    /// Whether the pronoun can be a mention of a speaker: a subject or
    /// relative pronoun, or a possessive of the third person.
    pub fn is_mention(self) -> bool {
        match self.role {
            PronounRole::Subject | PronounRole::Relative => true,
            PronounRole::Possessive => self.person == 3,
            _ => false,
        }
    }

    /// A possessive of the third person ("his", "its", "their").
    pub fn is_third_possessive(self) -> bool {
        self.role == PronounRole::Possessive && self.person == 3
    }
}

/// What a description's head noun describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum HeadKind {
    Person,
    Group,
    Organisation,
    Document,
}

/// Whether an abbreviation's period can end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum AbbrevClass {
    /// Always followed by a name ("Gen.", "Mr."): never ends a sentence.
    Title,
    /// Inside a phrase ("Dec.", "No."): ends a sentence only before a
    /// sentence-starting word.
    Inner,
    /// May end a sentence ("Inc.", "Jr.").
    Any,
}

/// Word classes, as bit flags in [`Lexicon::flags`].
pub(crate) mod class {
    pub const DETERMINER: u32 = 1;
    pub const TITLE: u32 = 1 << 1;
    pub const HEAD: u32 = 1 << 2;
    pub const MODIFIER: u32 = 1 << 3;
    pub const SPEECH_VERB: u32 = 1 << 4;
    pub const FUNCTION: u32 = 1 << 5;
    /// Pronouns that can be mentions: subject and possessive pronouns,
    /// relative "who" and "which".
    pub const PRONOUN: u32 = 1 << 6;
    /// Possessive pronouns: "his", "her", "their", "its".
    pub const POSSESSIVE: u32 = 1 << 7;
    /// Prepositions.
    pub const PREPOSITION: u32 = 1 << 8;
    // The classes of grammar_words.txt.
    pub const AUXILIARY: u32 = 1 << 9;
    pub const MODAL: u32 = 1 << 10;
    pub const BE: u32 = 1 << 11;
    pub const CLOSED: u32 = 1 << 12;
    pub const JOINER: u32 = 1 << 13;
    pub const SMALL: u32 = 1 << 14;
    pub const SPEECH_WORD: u32 = 1 << 15;
    pub const CALENDAR: u32 = 1 << 16;
    pub const NOT_ADVERB: u32 = 1 << 17;
    pub const ELISION: u32 = 1 << 18;
    /// The verb of a phrasal speech verb ("pointed" of "pointed out").
    pub const PHRASAL: u32 = 1 << 19;
    /// A word of `organisation_words.txt`, in any case (the list itself is
    /// case-sensitive: this bit only rules words out).
    pub const ORGANISATION_WORD: u32 = 1 << 20;
    /// A given name of `given_names.txt`, in any case (rules words out).
    pub const GIVEN_NAME: u32 = 1 << 21;
    /// A word of a place of `places.txt`, in any case (rules words out).
    pub const PLACE_WORD: u32 = 1 << 22;
    /// A subordinating conjunction of grammar_words.txt ("because").
    pub const SUBORDINATOR: u32 = 1 << 23;
    /// Every class: a token keeps 24 bits of them, all taken. A new class
    /// needs a wider `Token`.
    pub const ALL: u32 = (SUBORDINATOR << 1) - 1;
    const _: () = assert!(ALL < 1 << 24);
}

/// Determiners that can open a description.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "another", "one", "two", "three", "four", "five", "several", "many", "some", "both",
    "each", "every", "other", "most", "all",
];

pub(crate) struct Lexicon {
    /// Every listed word and its classes, so that one lookup tells what a
    /// token can be.
    pub flags: WordTable<u32>,
    /// Speech verb forms and their lemmas, case-insensitively.
    pub speech_verb_table: WordTable<&'static str>,

    /// Phrasal speech verbs: (form, particle) to lemma ("pointed", "out"
    /// gives "point out").
    pub phrasal_verbs: FastMap<(&'static str, &'static str), &'static str>,
    /// The phrases of `interview_phrases.txt`, each split into its words.
    pub interview_phrases: Vec<Vec<&'static str>>,
    /// Speech verb lemmas whose object is not their speaker.
    pub object_verbs: FastSet<&'static str>,
    /// Nouns that report speech ("claim", "remarks").
    pub speech_nouns: WordTable<bool>,
    /// Lemmas of speech verbs that introduce a quotation only next to it.
    pub weak_speech_verbs: FastSet<&'static str>,
    /// Title (lower case, abbreviations with their period) to its full form.
    /// Case-insensitive, like the three tables after it: looked up
    /// straight from a token's text, without a lower-cased copy.
    pub titles: WordTable<&'static str>,
    pub nominal_heads: WordTable<Option<HeadKind>>,
    pub pronouns: WordTable<Option<PronounInfo>>,
    /// Abbreviation without its period, as written.
    pub abbreviations: FastMap<&'static str, AbbrevClass>,
    pub function_words: FastSet<&'static str>,
    pub given_names: FastMap<&'static str, Gender>,
    pub places: FastSet<&'static str>,
    /// Nouns for a person of a nation ("Spaniard", "Australian"), as written.
    pub demonyms: FastSet<&'static str>,
    pub organisation_words: FastSet<&'static str>,
    /// Labels before a person's name (lower case), and whether each is a
    /// nationality or an epithet, dropped only before a given name.
    pub name_labels: WordTable<bool>,
    /// Words that make a name after a person's name something else.
    pub thing_words: FastSet<&'static str>,
    /// Letters after a person's name for an honour, a degree or an office
    /// ("KC", "OBE", "PhD"), as written.
    pub post_nominals: FastSet<&'static str>,
    /// Words that make a name ending in them a place.
    pub place_words: FastSet<&'static str>,
    /// Words that make an organisation a publication or broadcaster.
    pub media_words: FastSet<&'static str>,
    /// Titles and nouns that tell a person's gender (lower case).
    pub gendered_words: FastMap<&'static str, Gender>,
    /// The gender each word tells, case-insensitively: the gender of its
    /// full form for a title ("Mrs."), else its own in `gendered_words`.
    word_genders: WordTable<Option<Gender>>,
    /// Organisation heads that stand for any organisation of their sort,
    /// and which sort: any, a business, or a publication.
    pub organisation_heads: WordTable<Option<OrganisationHead>>,
    /// Titles of an occupation, which a description shares with anyone
    /// (full forms, lower case).
    pub occupations: FastSet<&'static str>,
    /// Modifiers a description may add to an entity's titles.
    pub optional_modifiers: WordTable<bool>,
    /// Words that open a paragraph before a colon naming no speaker.
    pub non_speaker_labels: FastSet<&'static str>,
    /// Words that present a quoted span as a name: each word or phrase
    /// (words separated by one space) and what it tells, case-insensitively.
    pub naming_words: WordTable<Option<Naming>>,
}

/// The sort of organisation a generic description head stands for
/// (`organisation_heads.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrganisationHead {
    /// Any named organisation ("the agency", "the union").
    Generic,
    /// Any named organisation, or a name of no known kind that is not a
    /// person's: businesses go by bare names ("Tesla", "Acme Robotics",
    /// then "the carmaker", "the company").
    Business,
    /// A named publication or broadcaster ("the newspaper").
    Media,
}

/// What a word next to a quoted span tells of it (`naming_words.txt`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Naming {
    /// A noun naming a work or a broadcast ("book", "show").
    #[default]
    Work,
    /// A part somebody has in a work ("host", "author").
    Role,
    /// Presents the span after it as a name or a term ("so-called").
    Cue,
    /// A verb of naming, for "as they call it" after a span and "a group
    /// called" before one.
    Call,
    /// Makes a span in Title Case after it a title ("titled").
    TitleCue,
    /// After a span, makes it a term being defined ("defined").
    Define,
}

/// One line of `naming_words.txt`: its words (lower case, one space between)
/// and what they tell; `None` for a line without a known tag.
fn naming_entry(line: &str) -> Option<(String, Naming)> {
    let (words, tag) = line.rsplit_once(char::is_whitespace)?;
    let naming = match tag {
        "work" => Naming::Work,
        "role" => Naming::Role,
        "cue" => Naming::Cue,
        "call" => Naming::Call,
        "title" => Naming::TitleCue,
        "define" => Naming::Define,
        _ => return None,
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    Some((words.join(" ").to_lowercase(), naming))
}

fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn pairs(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(file).filter_map(|l| {
        let mut it = l.split_whitespace();
        Some((it.next()?, it.next()?))
    })
}

/// A list of words, one a line, as a case-insensitive table.
fn word_set(file: &'static str) -> WordTable<bool> {
    WordTable::new(entries(file).map(|w| (w.to_string(), true)), last)
}

/// A list of words each followed by `f` or `m`.
fn gendered(file: &'static str) -> FastMap<&'static str, Gender> {
    pairs(file)
        .map(|(w, g)| {
            let g = if g == "f" {
                Gender::Feminine
            } else {
                Gender::Masculine
            };
            (w, g)
        })
        .collect()
}

pub(crate) static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let mut speech_verbs: FastMap<&'static str, &'static str> = FastMap::default();
    for line in entries(include_str!("lexicon/speech_verbs.txt")) {
        let mut forms = line.split_whitespace();
        if let Some(lemma) = forms.next() {
            speech_verbs.insert(lemma, lemma);
            for f in forms {
                speech_verbs.insert(f, lemma);
            }
        }
    }
    let nominal_heads = pairs(include_str!("lexicon/nominal_heads.txt"))
        .filter_map(|(w, k)| {
            let kind = match k {
                "person" => HeadKind::Person,
                "group" => HeadKind::Group,
                "organisation" => HeadKind::Organisation,
                "document" => HeadKind::Document,
                _ => return None,
            };
            Some((w.to_string(), Some(kind)))
        })
        .collect::<Vec<_>>();
    let pronouns = entries(include_str!("lexicon/pronouns.txt"))
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() != 5 {
                return None;
            }
            let gender = match f[1] {
                "masculine" => Gender::Masculine,
                "feminine" => Gender::Feminine,
                "neuter" => Gender::Neuter,
                _ => Gender::Any,
            };
            let number = if f[2] == "plural" {
                Number::Plural
            } else {
                Number::Singular
            };
            let person = f[3].parse().unwrap_or(3);
            let role = match f[4] {
                "subject" => PronounRole::Subject,
                "object" => PronounRole::Object,
                "possessive" => PronounRole::Possessive,
                "reflexive" => PronounRole::Reflexive,
                _ => PronounRole::Relative,
            };
            Some((
                f[0].to_string(),
                Some(PronounInfo {
                    gender,
                    number,
                    person,
                    role,
                }),
            ))
        })
        .collect::<Vec<_>>();
    let abbreviations = pairs(include_str!("lexicon/abbreviations.txt"))
        .map(|(w, c)| {
            let class = match c {
                "title" => AbbrevClass::Title,
                "inner" => AbbrevClass::Inner,
                _ => AbbrevClass::Any,
            };
            (w, class)
        })
        .collect();
    let given_names = gendered(include_str!("lexicon/given_names.txt"));
    let mut flags: FastMap<String, u32> = FastMap::default();
    let mut add = |w: &str, f: u32| *flags.entry(w.to_lowercase()).or_insert(0) |= f;
    for w in DETERMINERS {
        add(w, class::DETERMINER);
    }
    for w in speech_verbs.keys() {
        add(w, class::SPEECH_VERB);
    }
    for w in entries(include_str!("lexicon/titles.txt")) {
        if let Some(t) = w.split_whitespace().next() {
            add(t, class::TITLE);
        }
    }
    for (w, _) in pairs(include_str!("lexicon/nominal_heads.txt")) {
        add(w, class::HEAD);
    }
    for w in entries(include_str!("lexicon/title_modifiers.txt")) {
        add(w, class::MODIFIER);
    }
    for w in entries(include_str!("lexicon/function_words.txt")) {
        add(w, class::FUNCTION);
    }
    for (w, p) in pronouns.iter().filter_map(|(w, p)| Some((w, (*p)?))) {
        if p.is_mention() {
            add(w, class::PRONOUN);
        }
        if p.is_third_possessive() {
            add(w, class::POSSESSIVE);
        }
    }
    for line in entries(include_str!("lexicon/phrasal_speech_verbs.txt")) {
        if let Some((_, forms)) = line.split_once(':') {
            for f in forms.split_whitespace() {
                add(f, class::PHRASAL);
            }
        }
    }
    for w in entries(include_str!("lexicon/organisation_words.txt")) {
        add(w, class::ORGANISATION_WORD);
    }
    for (w, _) in pairs(include_str!("lexicon/given_names.txt")) {
        add(w, class::GIVEN_NAME);
    }
    for place in entries(include_str!("lexicon/places.txt")) {
        for w in place.split_whitespace() {
            add(w, class::PLACE_WORD);
        }
    }
    for w in entries(include_str!("lexicon/prepositions.txt")) {
        add(w, class::PREPOSITION);
    }
    for line in entries(include_str!("lexicon/grammar_words.txt")) {
        let mut it = line.split_whitespace();
        let Some(w) = it.next() else { continue };
        for c in it {
            let bit = grammar_class(c);
            add(w, bit);
        }
    }
    let speech_verb_table = WordTable::new(
        speech_verbs.iter().map(|(f, l)| (f.to_string(), *l)),
        |a, _| a,
    );
    // The tokenizer gives no classes to tokens that do not start with a
    // letter (a possessive 's, an elision 'Tis) without looking them up.
    debug_assert!(flags
        .keys()
        .all(|k| k.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)));
    let titles: Vec<(String, &'static str)> = entries(include_str!("lexicon/titles.txt"))
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let t = it.next()?;
            Some((t.to_string(), it.next().unwrap_or(t)))
        })
        .collect();
    let gendered_words = gendered(include_str!("lexicon/gendered_words.txt"));
    // A title's gender is its full form's ("Mrs." is "mrs"); a word's own
    // entry counts where its full form tells none. The last line of a
    // title decides its full form, as in `titles`.
    let mut full_forms: FastMap<String, &'static str> = FastMap::default();
    for (t, full) in &titles {
        full_forms.insert(t.to_ascii_lowercase(), full);
    }
    let word_genders = WordTable::new(
        gendered_words
            .iter()
            .map(|(w, g)| (w.to_string(), Some(*g)))
            .chain(
                full_forms
                    .iter()
                    .filter_map(|(t, full)| Some((t.clone(), Some(*gendered_words.get(full)?)))),
            ),
        last,
    );
    Lexicon {
        flags: WordTable::new(flags, |a, b| a | b),
        speech_verb_table,
        weak_speech_verbs: entries(include_str!("lexicon/weak_speech_verbs.txt")).collect(),
        speech_nouns: word_set(include_str!("lexicon/speech_nouns.txt")),
        interview_phrases: entries(include_str!("lexicon/interview_phrases.txt"))
            .map(|l| l.split(' ').collect())
            .collect(),
        phrasal_verbs: entries(include_str!("lexicon/phrasal_speech_verbs.txt"))
            .filter_map(|l| {
                let (lemma, forms) = l.split_once(':')?;
                let particle = lemma.split_whitespace().nth(1)?;
                Some(
                    forms
                        .split_whitespace()
                        .map(move |f| ((f, particle), lemma)),
                )
            })
            .flatten()
            .collect(),
        object_verbs: entries(include_str!("lexicon/object_verbs.txt")).collect(),
        titles: WordTable::new(titles, last),
        nominal_heads: WordTable::new(nominal_heads, last),
        pronouns: WordTable::new(pronouns, last),
        abbreviations,
        function_words: entries(include_str!("lexicon/function_words.txt")).collect(),
        given_names,
        places: entries(include_str!("lexicon/places.txt")).collect(),
        demonyms: entries(include_str!("lexicon/demonyms.txt")).collect(),
        organisation_words: entries(include_str!("lexicon/organisation_words.txt")).collect(),
        name_labels: WordTable::new(
            entries(include_str!("lexicon/name_labels.txt")).filter_map(|l| {
                let mut it = l.split_whitespace();
                Some((
                    it.next()?.to_string(),
                    matches!(it.next(), Some("nationality" | "epithet")),
                ))
            }),
            last,
        ),
        thing_words: entries(include_str!("lexicon/thing_words.txt")).collect(),
        post_nominals: entries(include_str!("lexicon/post_nominals.txt")).collect(),
        place_words: entries(include_str!("lexicon/place_words.txt")).collect(),
        media_words: entries(include_str!("lexicon/media_words.txt")).collect(),
        gendered_words,
        word_genders,
        organisation_heads: WordTable::new(
            pairs(include_str!("lexicon/organisation_heads.txt")).map(|(w, sort)| {
                let sort = match sort {
                    "media" => OrganisationHead::Media,
                    "business" => OrganisationHead::Business,
                    _ => OrganisationHead::Generic,
                };
                (w.to_string(), Some(sort))
            }),
            last,
        ),
        occupations: entries(include_str!("lexicon/occupations.txt")).collect(),
        optional_modifiers: word_set(include_str!("lexicon/optional_modifiers.txt")),
        non_speaker_labels: entries(include_str!("lexicon/non_speaker_labels.txt")).collect(),
        naming_words: WordTable::new(
            entries(include_str!("lexicon/naming_words.txt"))
                .filter_map(naming_entry)
                .map(|(w, n)| (w, Some(n))),
            last,
        ),
    }
});

/// The merge of a [`WordTable`] that, like collecting into a map, keeps
/// the value listed last.
fn last<V>(_: V, later: V) -> V {
    later
}

/// The class bit of a tag of grammar_words.txt (0 for an unknown tag,
/// which a test rules out).
fn grammar_class(tag: &str) -> u32 {
    match tag {
        "auxiliary" => class::AUXILIARY,
        "modal" => class::MODAL,
        "be" => class::BE,
        "closed" => class::CLOSED,
        "joiner" => class::JOINER,
        "small" => class::SMALL,
        "speech-word" => class::SPEECH_WORD,
        "calendar" => class::CALENDAR,
        "not-adverb" => class::NOT_ADVERB,
        "elision" => class::ELISION,
        "subordinator" => class::SUBORDINATOR,
        _ => 0,
    }
}

/// Whether `word` belongs to word class `c` (case-insensitively).
#[inline]
pub(crate) fn is(word: &str, c: u32) -> bool {
    LEXICON.flags(word) & c != 0
}

/// Whether `word` is a preposition (case-insensitively).
#[inline]
pub(crate) fn is_preposition(word: &str) -> bool {
    is(word, class::PREPOSITION)
}

/// Calls `f` with `word` in ASCII lower case, without allocating for words of
/// up to 48 bytes. Non-ASCII letters are left as they are: every entry of
/// the case-insensitive lists is ASCII.
#[inline]
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 48];
    if bytes.len() <= buf.len() {
        let buf = &mut buf[..bytes.len()];
        buf.copy_from_slice(bytes);
        buf.make_ascii_lowercase();
        // Lower-casing ASCII bytes keeps the UTF-8 valid.
        match std::str::from_utf8(buf) {
            Ok(s) => f(s),
            Err(_) => f(word),
        }
    } else {
        f(&word.to_ascii_lowercase())
    }
}

impl Lexicon {
    /// The classes of a word, case-insensitively (0 for an unlisted word).
    #[inline]
    pub fn flags(&self, word: &str) -> u32 {
        self.flags.get(word).unwrap_or(0)
    }

    /// The classes of the word token `text[span]` (see
    /// [`WordTable::get_word_in`]).
    #[inline(always)]
    pub fn word_flags_in(&self, text: &str, span: crate::Span) -> u32 {
        self.flags.get_word_in(text, span).unwrap_or(0)
    }

    /// The lemma of a speech verb form, case-insensitively.
    #[inline]
    pub fn speech_verb(&self, word: &str) -> Option<&'static str> {
        self.speech_verb_table.get(word)
    }

    /// The full form of the title at the word token `text[span]`, lower
    /// case ("Sen." gives "senator"), its key
    /// read straight from the text (see [`WordTable::get_word_in`]).
    #[inline]
    pub fn title_form_in(&self, text: &str, span: crate::Span) -> Option<&'static str> {
        self.titles.get_word_in(text, span)
    }

    /// [`Lexicon::nominal_head`] of the word token `text[span]`.
    #[inline]
    pub fn nominal_head_in(&self, text: &str, span: crate::Span) -> Option<HeadKind> {
        self.nominal_heads.get_word_in(text, span).flatten()
    }

    /// The gender a title or noun at the word token `text[span]` tells
    /// ("Mrs.", "spokeswoman", "father"), from `gendered_words.txt`.
    #[inline]
    pub fn gender_of_word_in(&self, text: &str, span: crate::Span) -> Option<Gender> {
        self.word_genders.get_word_in(text, span).flatten()
    }

    #[inline]
    pub fn pronoun(&self, word: &str) -> Option<PronounInfo> {
        self.pronouns.get(word).flatten()
    }

    #[inline]
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_matches_case_insensitive_comparison() {
        let words = [
            "a",
            "an",
            "the",
            "said",
            "u.s.",
            "gen.",
            "o'neil",
            "co-chair",
            "at&t",
            "1st",
            "sixteen-letters!",
            "secretary-general",
            "x_y",
            "[bracket]",
            "é",
        ];
        let table = WordTable::new(
            words.iter().enumerate().map(|(i, w)| (w.to_string(), i)),
            |a, _| a,
        );
        let queries = [
            "A",
            "An",
            "THE",
            "tHe",
            "Said",
            "U.S.",
            "u.S.",
            "Gen.",
            "O'Neil",
            "CO-CHAIR",
            "AT&T",
            "1ST",
            "Sixteen-Letters!",
            "SECRETARY-GENERAL",
            "X_Y",
            "[BRACKET]",
            "é",
            // Near misses: control bytes and the bytes that differ from a
            // listed byte by 0x20 only.
            "u\x0es\x0e",
            "gen\x0e",
            "o\x07neil",
            "co\x0dchair",
            "at\x06t",
            "\x11st",
            "x\x7fy",
            "{bracket}",
            "É",
            "",
            "th",
            "thee",
            "sai",
            "saidd",
            "secretary-generals",
            "sixteen-letters",
            "sixteen-letters!!",
        ];
        for q in queries {
            let expected = words
                .iter()
                .position(|w| w.as_bytes().eq_ignore_ascii_case(q.as_bytes()));
            assert_eq!(table.get(q), expected, "{q:?}");
        }
    }

    #[test]
    fn word_genders_are_those_of_full_forms_then_words() {
        let l = &*LEXICON;
        // Every title and gendered word, in the case written and in
        // capitals: the gender of the title's full form if it has one,
        // else the word's own.
        let words = entries(include_str!("lexicon/titles.txt"))
            .filter_map(|l| l.split_whitespace().next())
            .chain(l.gendered_words.keys().copied());
        let mut checked = 0;
        for w in words {
            for form in [w.to_string(), w.to_ascii_uppercase()] {
                let expected = l
                    .titles
                    .get(&form)
                    .and_then(|full| l.gendered_words.get(full).copied())
                    .or_else(|| {
                        l.gendered_words
                            .get(form.to_ascii_lowercase().as_str())
                            .copied()
                    });
                let span = crate::Span::new(0, form.len());
                assert_eq!(l.gender_of_word_in(&form, span), expected, "{form}");
                checked += usize::from(expected.is_some());
            }
        }
        assert!(checked > 50, "only {checked} gendered forms");
        let text = "Mrs. Roe and the spokeswoman";
        assert_eq!(
            l.gender_of_word_in(text, crate::Span::new(0, 4)),
            Some(Gender::Feminine)
        );
        assert_eq!(l.gender_of_word_in(text, crate::Span::new(13, 16)), None);
    }

    #[test]
    fn lists_load() {
        let l = &*LEXICON;
        assert_eq!(l.speech_verb("Said"), Some("say"));
        assert_eq!(l.speech_verb("tweeted"), Some("tweet"));
        // Post-nominal letters as written: "OBE", never "Obe".
        assert!(l.post_nominals.contains("OBE") && l.post_nominals.contains("Ph.D."));
        assert!(!l.post_nominals.contains("Obe"));
        assert!(l.flags("Gen.") & class::TITLE != 0);
        assert!(l.flags("secretary") & class::TITLE != 0);
        assert!(l.flags("the") & class::DETERMINER != 0);
        assert_eq!(
            l.nominal_heads.get("spokesman"),
            Some(Some(HeadKind::Person))
        );
        assert_eq!(
            l.nominal_heads.get("Officials"),
            Some(Some(HeadKind::Group))
        );
        assert_eq!(l.nominal_heads.get("spokesmanship"), None);
        // Titles in any case, abbreviations with their period.
        assert_eq!(l.titles.get("SEN."), Some("senator"));
        assert_eq!(l.titles.get("President"), Some("president"));
        assert_eq!(l.titles.get("Sen"), None);
        assert!(l.flags("Former") & class::MODIFIER != 0);
        // The same, read from a word inside a text.
        let text = "the SEN. of Officials";
        let span = |a, b| crate::Span::new(a, b);
        assert_eq!(l.title_form_in(text, span(4, 8)), Some("senator"));
        assert_eq!(l.title_form_in(text, span(4, 7)), None);
        assert_eq!(l.nominal_head_in(text, span(12, 21)), Some(HeadKind::Group));
        assert_eq!(l.pronoun("He").map(|p| p.gender), Some(Gender::Masculine));
        // Mentions: subjects, relatives, third-person possessives.
        for (w, mention) in [
            ("he", true),
            ("who", true),
            ("its", true),
            ("him", false),
            ("my", false),
        ] {
            assert_eq!(l.flags(w) & class::PRONOUN != 0, mention, "{w}");
        }
        assert!(
            l.flags("their") & class::POSSESSIVE != 0 && l.flags("our") & class::POSSESSIVE == 0
        );
        assert_eq!(l.abbreviations.get("Dec"), Some(&AbbrevClass::Inner));
        assert!(l.is_function_word("Meanwhile"));
        assert_eq!(l.given_names.get("Jim"), Some(&Gender::Masculine));
        assert!(l.places.contains("Islamabad"));
        assert!(l.organisation_words.contains("Department"));
        assert_eq!(l.phrasal_verbs.get(&("shot", "back")), Some(&"shoot back"));
        assert!(l.object_verbs.contains("tell"));
        assert!(l.flags("has") & class::AUXILIARY != 0);
        assert!(l.flags("Wednesday") & class::CALENDAR != 0);
        assert!(l.flags("tis") & class::ELISION != 0);
        assert!(l.flags("in") & class::PREPOSITION != 0);
        assert!(l.flags("Although") & class::SUBORDINATOR != 0);
        assert!(l.flags("but") & class::SUBORDINATOR == 0);
    }

    #[test]
    fn naming_words_have_known_tags_and_load() {
        let lines: Vec<&str> = entries(include_str!("lexicon/naming_words.txt")).collect();
        let mut words = std::collections::HashSet::new();
        for line in &lines {
            let entry = naming_entry(line);
            assert!(entry.is_some(), "unknown tag in {line:?}");
            let (w, n) = entry.unwrap_or_default();
            assert!(words.insert(w.clone()), "{w:?} listed twice");
            assert_eq!(LEXICON.naming_words.get(&w), Some(Some(n)), "{w:?}");
        }
        let l = &*LEXICON;
        assert_eq!(l.naming_words.get("Documentary"), Some(Some(Naming::Work)));
        assert_eq!(l.naming_words.get("host"), Some(Some(Naming::Role)));
        assert_eq!(l.naming_words.get("So Called"), Some(Some(Naming::Cue)));
        assert_eq!(l.naming_words.get("known as"), Some(Some(Naming::Cue)));
        assert_eq!(l.naming_words.get("titled"), Some(Some(Naming::TitleCue)));
        assert_eq!(l.naming_words.get("called"), Some(Some(Naming::Call)));
        assert_eq!(l.naming_words.get("said"), None);
    }

    #[test]
    fn grammar_word_tags_are_all_known() {
        for line in entries(include_str!("lexicon/grammar_words.txt")) {
            for tag in line.split_whitespace().skip(1) {
                assert_ne!(grammar_class(tag), 0, "unknown tag {tag:?} in {line:?}");
            }
        }
    }
}
