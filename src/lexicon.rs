//! Word lists, compiled in from the plain text files in `src/lexicon/`.
//!
//! The lists are data, not code: a linguist can edit them without reading
//! Rust. Each file documents its own format in its leading comment lines.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

/// FNV-1a: the keys are short words, for which SipHash's setup cost
/// dominates the lookup; there is no adversary choosing the keys.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A case-insensitive table of ASCII words, looked up straight from the
/// token's bytes: no lower-cased copy, no UTF-8 check, one probe for most
/// words. The hot path of mention finding and cue search.
pub(crate) struct WordTable<V> {
    slots: Vec<Option<(u64, Box<str>, V)>>,
    mask: usize,
}

#[inline]
fn hash_ci(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl<V: Copy> WordTable<V> {
    fn new(entries: impl IntoIterator<Item = (String, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let entries: Vec<(String, V)> = entries.into_iter().collect();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: (0..size).map(|_| None).collect(),
            mask: size - 1,
        };
        for (key, value) in entries {
            let key = key.to_ascii_lowercase();
            let h = hash_ci(key.as_bytes());
            let mut i = h as usize & table.mask;
            loop {
                match &mut table.slots[i] {
                    Some((hh, k, v)) if *hh == h && **k == *key => {
                        *v = merge(*v, value);
                        break;
                    }
                    Some(_) => i = (i + 1) & table.mask,
                    slot @ None => {
                        *slot = Some((h, key.into_boxed_str(), value));
                        break;
                    }
                }
            }
        }
        table
    }

    /// The value of `word`, compared case-insensitively (ASCII).
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        let b = word.as_bytes();
        if b.len() > 40 {
            return None;
        }
        let h = hash_ci(b);
        let mut i = h as usize & self.mask;
        loop {
            match &self.slots[i] {
                None => return None,
                Some((hh, k, v)) => {
                    if *hh == h && k.as_bytes().eq_ignore_ascii_case(b) {
                        return Some(*v);
                    }
                }
            }
            i = (i + 1) & self.mask;
        }
    }
}
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

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
    /// Speech verb lemmas whose object is not their speaker.
    pub object_verbs: FastSet<&'static str>,
    /// Nouns that report speech ("claim", "remarks").
    pub speech_nouns: FastSet<&'static str>,
    /// Lemmas of speech verbs that introduce a quotation only next to it.
    pub weak_speech_verbs: FastSet<&'static str>,
    /// Title (lower case, abbreviations with their period) to its full form.
    pub titles: FastMap<&'static str, &'static str>,
    pub title_modifiers: FastSet<&'static str>,
    pub nominal_heads: FastMap<&'static str, HeadKind>,
    pub pronouns: FastMap<&'static str, PronounInfo>,
    /// Abbreviation without its period, as written.
    pub abbreviations: FastMap<&'static str, AbbrevClass>,
    pub function_words: FastSet<&'static str>,
    pub given_names: FastMap<&'static str, Gender>,
    pub places: FastSet<&'static str>,
    pub organisation_words: FastSet<&'static str>,
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
            Some((w, kind))
        })
        .collect();
    let pronouns = entries(include_str!("lexicon/pronouns.txt"))
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() != 4 {
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
            Some((
                f[0],
                PronounInfo {
                    gender,
                    number,
                    person,
                },
            ))
        })
        .collect();
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
    let given_names = pairs(include_str!("lexicon/given_names.txt"))
        .map(|(n, g)| {
            let g = if g == "f" {
                Gender::Feminine
            } else {
                Gender::Masculine
            };
            (n, g)
        })
        .collect();
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
    for w in [
        "he", "she", "it", "they", "i", "we", "who", "which", "his", "her", "their", "its",
    ] {
        add(w, class::PRONOUN);
    }
    for w in ["his", "her", "their", "its"] {
        add(w, class::POSSESSIVE);
    }
    for w in entries(include_str!("lexicon/prepositions.txt")) {
        add(w, class::PREPOSITION);
    }
    for line in entries(include_str!("lexicon/grammar_words.txt")) {
        let mut it = line.split_whitespace();
        let Some(w) = it.next() else { continue };
        for c in it {
            let bit = match c {
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
                _ => 0,
            };
            add(w, bit);
        }
    }
    let speech_verb_table = WordTable::new(
        speech_verbs.iter().map(|(f, l)| (f.to_string(), *l)),
        |a, _| a,
    );
    Lexicon {
        flags: WordTable::new(flags, |a, b| a | b),
        speech_verb_table,
        weak_speech_verbs: entries(include_str!("lexicon/weak_speech_verbs.txt")).collect(),
        speech_nouns: entries(include_str!("lexicon/speech_nouns.txt")).collect(),
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
        titles: entries(include_str!("lexicon/titles.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let t = it.next()?;
                Some((t, it.next().unwrap_or(t)))
            })
            .collect(),
        title_modifiers: entries(include_str!("lexicon/title_modifiers.txt")).collect(),
        nominal_heads,
        pronouns,
        abbreviations,
        function_words: entries(include_str!("lexicon/function_words.txt")).collect(),
        given_names,
        places: entries(include_str!("lexicon/places.txt")).collect(),
        organisation_words: entries(include_str!("lexicon/organisation_words.txt")).collect(),
    }
});

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

    /// The lemma of a speech verb form, case-insensitively.
    #[inline]
    pub fn speech_verb(&self, word: &str) -> Option<&'static str> {
        self.speech_verb_table.get(word)
    }

    /// The full form of a title ("sen." gives "senator"), lower case.
    #[inline]
    pub fn title_form(&self, word: &str) -> Option<&'static str> {
        with_lower(word, |w| self.titles.get(w).copied())
    }

    #[inline]
    pub fn nominal_head(&self, word: &str) -> Option<HeadKind> {
        with_lower(word, |w| self.nominal_heads.get(w).copied())
    }

    #[inline]
    pub fn pronoun(&self, word: &str) -> Option<PronounInfo> {
        with_lower(word, |w| self.pronouns.get(w).copied())
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
    fn lists_load() {
        let l = &*LEXICON;
        assert_eq!(l.speech_verb("Said"), Some("say"));
        assert_eq!(l.speech_verb("tweeted"), Some("tweet"));
        assert!(l.flags("Gen.") & class::TITLE != 0);
        assert!(l.flags("secretary") & class::TITLE != 0);
        assert!(l.flags("the") & class::DETERMINER != 0);
        assert_eq!(l.nominal_head("spokesman"), Some(HeadKind::Person));
        assert_eq!(l.pronoun("He").map(|p| p.gender), Some(Gender::Masculine));
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
    }
}
