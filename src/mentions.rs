//! Stage 3: mentions of people, organisations and things that can speak.
//!
//! A mention is a name with whatever titles stand before it ("U.S. Defense
//! Secretary Jim Mattis"), a description ("the prime minister", "a senior
//! administration official", "the Trump campaign"), or a pronoun ("he",
//! "they", "who"). Mentions are only looked for outside quotations: the words
//! inside a quotation belong to its speaker.

use std::ops::Range;

use crate::lexicon::{
    ascii_word_key, class, is_preposition, with_lower, FastMap, Gender, HeadKind, Number,
    PronounRole, LEXICON,
};
use crate::quotes::Quote;
use crate::span::Span;
use crate::speech::speech_verb_at;
use crate::tokenizer::{Document, Token, TokenKind};
use crate::transcript::speaker_labels;

/// What form a mention takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MentionKind {
    /// A proper name, possibly with titles: "Prime Minister Shahid Khaqan
    /// Abbasi", "the Pentagon".
    Name,
    /// A common noun phrase: "the prime minister", "a spokesman", "the Trump
    /// campaign".
    Description,
    /// A pronoun: "he", "they", "who".
    Pronoun,
}

/// What sort of thing a mention or entity denotes, as far as the words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EntityKind {
    /// One person.
    Person,
    /// Several people ("officials", "critics").
    Group,
    /// A company, party, agency, newspaper, campaign, government.
    Organisation,
    /// A country, state or city (which speaks for its government:
    /// "Washington says").
    Place,
    /// A statement, report, letter, tweet.
    Document,
    /// The words do not tell.
    Unknown,
}

/// A mention of something that can be a speaker.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The byte span.
    span_start: u32,
    span_end: u32,
    /// The token range. Byte offsets and token indexes fit in 32 bits, as
    /// a text has at most [`crate::tokenizer::MAX_TEXT_LEN`] bytes; this
    /// keeps a mention at 32 bytes.
    first: u32,
    end: u32,
    head: u32,
    /// The sentence of the head token, which entity clustering compares
    /// for every mention it looks back over: kept here, it costs no read
    /// of a token far back in a long text.
    sentence: u32,
    /// Where the name starts, counted from `first` ([`NO_NAME`] for none):
    /// a name always ends with its mention, which has at most
    /// `MAX_MENTION_TOKENS` tokens.
    name_offset: u16,
    kind: MentionKind,
    entity_kind: EntityKind,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    possessive: bool,
}

/// [`Mention::name_offset`] of a mention without a name.
const NO_NAME: u16 = u16::MAX;

/// The parts of a [`Mention`], as the finder works them out.
struct Parts {
    span: Span,
    tokens: Range<usize>,
    name: Option<Range<usize>>,
    head: usize,
    /// The sentence of the head token.
    sentence: usize,
    kind: MentionKind,
    entity_kind: EntityKind,
    gender: Gender,
    number: Number,
    possessive: bool,
}

impl From<Parts> for Mention {
    fn from(p: Parts) -> Mention {
        debug_assert!(p.name.as_ref().is_none_or(|n| n.end == p.tokens.end));
        Mention {
            span_start: p.span.start as u32,
            span_end: p.span.end as u32,
            first: p.tokens.start as u32,
            end: p.tokens.end as u32,
            name_offset: p.name.map_or(NO_NAME, |n| {
                debug_assert!(
                    n.start >= p.tokens.start && n.start - p.tokens.start < NO_NAME as usize
                );
                (n.start - p.tokens.start) as u16
            }),
            sentence: p.sentence as u32,
            head: p.head as u32,
            kind: p.kind,
            entity_kind: p.entity_kind,
            gender: p.gender,
            number: p.number,
            possessive: p.possessive,
        }
    }
}

impl Mention {
    /// The mention's byte span.
    pub fn span(&self) -> Span {
        Span::new(self.span_start as usize, self.span_end as usize)
    }

    /// The mention's text in `text`, the text it was found in.
    ///
    /// # Panics
    ///
    /// When `text` is another text, whose length or character boundaries
    /// do not hold the mention's span.
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span()]
    }

    /// Indexes of its tokens in [`Document::tokens`].
    pub fn token_range(&self) -> Range<usize> {
        self.first as usize..self.end as usize
    }

    /// The tokens of the name without its titles ("Jim Mattis" in "U.S.
    /// Defense Secretary Jim Mattis"); `None` for descriptions and pronouns.
    pub fn name_tokens(&self) -> Option<Range<usize>> {
        (self.name_offset != NO_NAME)
            .then_some(self.first as usize + self.name_offset as usize..self.end as usize)
    }

    /// The index of the head token: the last word of the name, the head noun
    /// of a description, or the pronoun.
    pub fn head(&self) -> usize {
        self.head as usize
    }

    /// The index of the sentence of the head token in
    /// [`Document::sentences`].
    pub(crate) fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// The form of the mention.
    pub fn kind(&self) -> MentionKind {
        self.kind
    }

    /// What the mention denotes, as far as its words tell.
    pub fn entity_kind(&self) -> EntityKind {
        self.entity_kind
    }

    /// Whether a possessive `'s` follows the mention ("Abbasi's office").
    pub fn is_possessive(&self) -> bool {
        self.possessive
    }

    /// Whether this mention is the possessor of the phrase starting at
    /// token `start`: a possessive pronoun right before it ("his
    /// spokesman"), or a name or description with its "'s" or plural
    /// apostrophe between them ("Obama's former strategist", "the
    /// Democrats' leader"): the finder marks those possessive only when
    /// that token follows.
    pub(crate) fn owns_from(&self, start: usize) -> bool {
        let end = self.end as usize;
        self.possessive && (start == end || (start == end + 1 && self.kind != MentionKind::Pronoun))
    }
}

/// Finds mentions in a tokenized document.
///
/// ```
/// use whosaid::{MentionFinder, MentionKind, QuoteDetector, Tokenizer};
///
/// let text = "U.S. Defense Secretary Jim Mattis met the prime minister. He said \"yes.\"";
/// let doc = Tokenizer::new().tokenize(text);
/// let quotes = QuoteDetector::new().detect(&doc);
/// let mentions = MentionFinder::new().find(&doc, &quotes);
/// let found: Vec<(&str, MentionKind)> =
///     mentions.iter().map(|m| (m.as_str(text), m.kind())).collect();
/// assert_eq!(
///     found,
///     [
///         ("U.S. Defense Secretary Jim Mattis", MentionKind::Name),
///         ("the prime minister", MentionKind::Description),
///         ("He", MentionKind::Pronoun),
///     ]
/// );
/// ```
#[derive(Clone, Debug, Default)]
pub struct MentionFinder {
    _private: (),
}

pub(crate) fn is_determiner(w: &str) -> bool {
    LEXICON.flags(w) & class::DETERMINER != 0
}

/// An age written as a modifier: "34-year-old".
pub(crate) fn is_age(w: &str) -> bool {
    // Most words start with a letter: one byte says no.
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    w.split_once('-').is_some_and(|(n, rest)| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && rest.eq_ignore_ascii_case("year-old")
    })
}

/// The gender of a family compound with a count: "mother-of-two",
/// "grandfather-of-four" (a gendered noun of `gendered_words.txt`, "of"
/// and a number), which stands for a person as an age does.
pub(crate) fn family_compound(w: &str) -> Option<Gender> {
    // Most words have no hyphen: a byte scan, not a substring search.
    let b = w.as_bytes();
    let at = (1..b.len().saturating_sub(4)).find(|&i| &b[i..i + 4] == b"-of-")?;
    let (noun, count) = (&w[..at], &w[at + 4..]);
    let counted = count.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            count.to_ascii_lowercase().as_str(),
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        );
    if !counted || count.is_empty() {
        return None;
    }
    with_lower(noun, |n| LEXICON.gendered_words.get(n).copied())
}

/// The ages a noun for a person of an age stands for: "teenager" 13 to
/// 19, "octogenarian" 80 to 89.
pub(crate) fn age_noun(w: &str) -> Option<(u8, u8)> {
    with_lower(w, |l| match l.trim_end_matches('s') {
        "teenager" | "teen" => Some((13, 19)),
        "sexagenarian" => Some((60, 69)),
        "septuagenarian" => Some((70, 79)),
        "octogenarian" => Some((80, 89)),
        "nonagenarian" => Some((90, 99)),
        "centenarian" => Some((100, 119)),
        _ => None,
    })
}

/// Whether word token `k` is a word of an organisation's name
/// ("Commission", "Foundation"), as written.
#[inline]
pub(crate) fn is_organisation_word(doc: &Document<'_>, k: usize) -> bool {
    doc.tokens()[k].lex() & class::ORGANISATION_WORD != 0
        && LEXICON.organisation_words.contains(doc.str_at(k))
}

/// A noun for a person of a nation: "Spaniard", "Australian".
pub(crate) fn is_demonym(w: &str) -> bool {
    LEXICON.demonyms.contains(w)
}

/// The longest mention, in tokens.
const MAX_MENTION_TOKENS: usize = 12;
// A name's start is kept as a 16-bit offset into its mention.
const _: () = assert!(MAX_MENTION_TOKENS < NO_NAME as usize);

/// Subject pronouns, and "who" as a relative pronoun.
fn pronoun_of(tok: &Token, w: &str) -> Option<(Gender, Number)> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    // "US" is a country, not "us"; "It" is a pronoun only at a sentence start.
    let lower_ok = !tok.is_capitalized()
        || tok.starts_sentence()
        || w == "I"
        || w.len() > 1 && w.chars().skip(1).all(|c| c.is_lowercase());
    if !lower_ok {
        return None;
    }
    let p = LEXICON.pronoun(w)?;
    match p.role {
        PronounRole::Subject if p.person != 2 => Some((p.gender, p.number)),
        // "which" is a mention only after a comma (see `pronoun_mention`).
        PronounRole::Relative if w.eq_ignore_ascii_case("who") => Some((p.gender, p.number)),
        _ => None,
    }
}

impl MentionFinder {
    /// A mention finder.
    pub fn new() -> MentionFinder {
        MentionFinder::default()
    }

    /// Finds the mentions outside `quotes`, in text order.
    pub fn find(&self, doc: &Document<'_>, quotes: &[Quote<'_>]) -> Vec<Mention> {
        let tokens = doc.tokens();
        // About one mention per eight tokens in news.
        let mut mentions = Vec::with_capacity(tokens.len() / 6);
        let mut parts = Vec::with_capacity(16);
        // The previous word token and whether it is a possessive pronoun.
        let mut prev = (usize::MAX, false);
        let mut qi = 0usize;
        let mut i = 0usize;
        // The token range of quotation `qi`, kept at hand.
        let bounds = |qi: usize| {
            quotes.get(qi).map_or((usize::MAX, usize::MAX), |q| {
                let r = q.token_range();
                (r.start, r.end)
            })
        };
        let (mut q_start, mut q_end) = bounds(0);
        while i < tokens.len() {
            // Skip quotations.
            while q_end <= i {
                qi += 1;
                (q_start, q_end) = bounds(qi);
            }
            if q_start <= i {
                i = q_end;
                continue;
            }
            let t = &tokens[i];
            if t.kind() != TokenKind::Word {
                i += 1;
                continue;
            }
            // The word's classes, looked up by the tokenizer, tell what it
            // can open; most lower-case words open nothing and cost no
            // more. The previous word's classes say whether a possessive
            // pronoun stands before this one.
            let flags = t.lex();
            let after_possessive_pronoun = prev == (i.wrapping_sub(1), true);
            prev = (i, flags & class::POSSESSIVE != 0);
            let opener = flags
                & (class::DETERMINER
                    | class::TITLE
                    | class::HEAD
                    | class::MODIFIER
                    | class::PRONOUN)
                != 0;
            // "the Democrats' leader": an apostrophe that closes no
            // quotation.
            let after_apostrophe = i > 0
                && tokens[i - 1].mark().is_some()
                && is_plural_possessive_mark(doc, i - 1)
                && !(qi > 0 && quotes[qi - 1].token_range().end == i);
            let after_possessive = after_possessive_pronoun
                || (i > 0 && tokens[i - 1].is_possessive())
                || after_apostrophe;
            if !(t.is_capitalized()
                || opener
                || after_possessive
                || (flags == 0 && before_inverted_title(doc, i))
                || (flags & class::JOINER != 0 && opens_name_with_particle(doc, i)))
            {
                // "quoted him as saying": an object pronoun that a speech
                // verb quotes is the speaker's mention.
                if flags == class::FUNCTION && quoted_object_at(doc, i) {
                    if let Some(m) = pronoun_mention(doc, i, tokens.len()) {
                        mentions.push(m);
                    }
                }
                i += 1;
                continue;
            }
            // A nickname between the words of a name ("Robert C. "Bobby"
            // Scott") belongs to the name: the phrase may run through it.
            let mut next = qi;
            while quotes.get(next).is_some_and(|q| is_name_nickname(doc, q)) {
                next += 1;
            }
            let nicknames = &quotes[qi..next];
            let limit = quotes
                .get(next)
                .map_or(tokens.len(), |q| q.token_range().start);
            // A dateline ("WASHINGTON —", "PHILADELPHIA (UPI) —") names no
            // speaker.
            if t.starts_paragraph() && is_dateline(doc, i) {
                i += 1;
                while i < limit && tokens[i].is_capitalized() && tokens[i].is_word() {
                    i += 1;
                }
                // ", Dec. 8 (UPI) —", ", Dec 3 (Reuters) -", "(AP) -": the
                // date and the agency in parentheses too.
                if doc.str_at(i) == "," {
                    let date = (i + 1..limit.min(i + 6))
                        .take_while(|&k| {
                            tokens[k].kind() == TokenKind::Number
                                || (tokens[k].is_word()
                                    && (tokens[k].lex() & class::CALENDAR != 0
                                        || tokens[k].is_abbreviation()
                                        || tokens
                                            .get(k + 1)
                                            .is_some_and(|n| n.kind() == TokenKind::Number)))
                        })
                        .last();
                    let paren =
                        |k: usize| tokens.get(k + 1).is_some_and(|n| doc.token_str(n) == "(");
                    if let Some(k) = date.filter(|&k| paren(k)) {
                        i = k + 1;
                    }
                }
                if i + 2 < limit && doc.str_at(i) == "(" && doc.str_at(i + 2) == ")" {
                    i += 3;
                }
                continue;
            }
            if flags & class::PRONOUN != 0 {
                if let Some(m) = pronoun_mention(doc, i, limit) {
                    mentions.push(m);
                    i += 1;
                    continue;
                }
            }
            // A word that is a question or an exclamation of its own
            // ("Harsh?", "Really!") names nobody.
            if t.starts_sentence()
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| matches!(doc.token_str(n), "?" | "!"))
            {
                i += 1;
                continue;
            }
            // A capitalised function word ("But", "In") opens no phrase:
            // `chunk` would stop at it at once.
            if t.is_capitalized()
                && flags & class::DETERMINER == 0
                && flags & class::FUNCTION != 0
                && !is_acronym(doc.str_at(i))
            {
                i += 1;
                continue;
            }
            match chunk(doc, i, limit, nicknames, after_apostrophe, &mut parts) {
                Some(m) => {
                    i = m.end as usize;
                    mentions.push(m);
                }
                None => i += 1,
            }
        }
        drop_common_words(doc, &mut mentions);
        add_label_mentions(doc, &mut mentions);
        mentions
    }
}

/// A pronoun mention at token `i`: a subject pronoun, "who", "which" after
/// a comma, or a possessive pronoun before a word ("his claim").
fn pronoun_mention(doc: &Document<'_>, i: usize, limit: usize) -> Option<Mention> {
    let tokens = doc.tokens();
    let t = &tokens[i];
    let w = doc.token_str(t);
    let mention = |gender, number, entity_kind, possessive| {
        Mention::from(Parts {
            span: t.span(),
            tokens: i..i + 1,
            name: None,
            head: i,
            sentence: doc.sentence_of(i),
            kind: MentionKind::Pronoun,
            entity_kind,
            gender,
            number,
            possessive,
        })
    };
    // "quoted her as saying": "her" the object.
    if let Some((gender, number)) = quoted_object_pronoun(doc, i, w) {
        let kind = match number {
            Number::Plural => EntityKind::Group,
            _ => EntityKind::Person,
        };
        return Some(mention(gender, number, kind, false));
    }
    let possessive = t.lex() & class::POSSESSIVE != 0
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.is_word() && i + 1 < limit);
    if possessive {
        let p = LEXICON.pronoun(w)?;
        let kind = match (p.gender, p.number) {
            (Gender::Masculine | Gender::Feminine, _) => EntityKind::Person,
            (_, Number::Plural) => EntityKind::Group,
            _ => EntityKind::Unknown,
        };
        return Some(mention(p.gender, p.number, kind, true));
    }
    if w == "which" && i > 0 && doc.str_at(i - 1) == "," {
        return Some(mention(
            Gender::Neuter,
            Number::Singular,
            EntityKind::Unknown,
            false,
        ));
    }
    let (gender, number) = pronoun_of(t, w)?;
    let kind = if w.eq_ignore_ascii_case("it") {
        EntityKind::Unknown
    } else if number == Number::Plural {
        EntityKind::Group
    } else {
        EntityKind::Person
    };
    Some(mention(gender, number, kind, false))
}

/// An object pronoun of the third person that a speech verb quotes: "quoted
/// him as saying", "cited them as". The agencies' way of naming a speaker.
pub(crate) fn quoted_object_pronoun(
    doc: &Document<'_>,
    i: usize,
    w: &str,
) -> Option<(Gender, Number)> {
    if !quoted_object_at(doc, i) {
        return None;
    }
    let p = LEXICON.pronoun(w)?;
    let object = p.role == PronounRole::Object || w.eq_ignore_ascii_case("her");
    (object && p.person == 3).then_some((p.gender, p.number))
}

/// Whether token `i` stands between "quoted" or "cited" and "as".
fn quoted_object_at(doc: &Document<'_>, i: usize) -> bool {
    let tokens = doc.tokens();
    i > 0
        && tokens[i - 1].lex() & class::SPEECH_VERB != 0
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.is_word() && t.span().len() == 2)
        && doc.str_at(i + 1) == "as"
        && speech_verb_at(doc, i - 1).is_some_and(|v| matches!(v.lemma, "quote" | "cite"))
}

/// An all-capitals word opening a paragraph and followed by a dash or a
/// parenthesis: a dateline.
fn is_dateline(doc: &Document<'_>, i: usize) -> bool {
    let tokens = doc.tokens();
    let mut j = i;
    let mut all_caps = true;
    while j < tokens.len() && j < i + 4 && tokens[j].is_word() && tokens[j].is_capitalized() {
        all_caps &= !doc.str_at(j).bytes().any(|b| b.is_ascii_lowercase());
        j += 1;
    }
    if j == i || j >= tokens.len() {
        return false;
    }
    // "WASHINGTON —", "WASHINGTON, Dec. 8 (UPI) —"; or any place name
    // followed by an agency in parentheses and a dash: "Washington (AFP) –".
    let agency = doc.str_at(j) == "("
        && j + 3 < tokens.len()
        && doc.str_at(j + 2) == ")"
        && matches!(doc.str_at(j + 3), "—" | "–" | "-" | "--" | "―");
    agency || (all_caps && matches!(doc.str_at(j), "(" | "—" | "–" | "-" | "--" | "―" | ","))
}

/// Drops one-word names that only stand at sentence starts while the same
/// word appears in lower case elsewhere in the text ("Hours later, …",
/// "Ask yourself …"): they are common words, not names.
fn drop_common_words(doc: &Document<'_>, mentions: &mut Vec<Mention>) {
    let tokens = doc.tokens();
    let suspect = |m: &Mention| {
        m.kind == MentionKind::Name
            && m.end - m.first == 1
            && tokens[m.head()].starts_sentence()
            && m.entity_kind == EntityKind::Unknown
    };
    // Each suspect word, lower-cased, with its index; a hash lookup per
    // token keeps the cost per byte flat however many suspects a long
    // document has. Short ASCII words, nearly all of them, are keyed by
    // their packed case-folded bytes, read straight from the text; others
    // by their lower-cased copy.
    let mut packed: FastMap<(u64, u64), usize> = FastMap::default();
    let mut others: FastMap<String, usize> = FastMap::default();
    // The candidate of each suspect mention, in mention order.
    let mut suspects: Vec<usize> = Vec::new();
    // A filter by first letter and length keeps the per-token cost to two
    // loads for the words that cannot match.
    let mut filter = [0u64; 256];
    let text = doc.text().as_bytes();
    for m in mentions.iter().filter(|m| suspect(m)) {
        let span = tokens[m.head()].span();
        let n = packed.len() + others.len();
        let k = match ascii_word_key(text, span.start, span.end) {
            Some(key) => {
                filter[text[span.start].to_ascii_lowercase() as usize] |= 1 << span.len().min(63);
                *packed.entry(key).or_insert(n)
            }
            None => {
                let w = &doc.text()[span];
                match with_lower(w, |l| others.get(l).copied()) {
                    Some(k) => k,
                    None => {
                        let l = w.to_lowercase();
                        filter[l.as_bytes()[0] as usize] |= 1 << l.len().min(63);
                        *others.entry(l).or_insert(n)
                    }
                }
            }
        };
        suspects.push(k);
    }
    let count = packed.len() + others.len();
    if count == 0 {
        return;
    }
    // Lower-case occurrences mark a common word; capitalised ones inside a
    // sentence mark a name.
    let mut common = vec![false; count];
    let mut named = vec![false; count];
    for t in tokens {
        let span = t.span();
        let first = text[span.start].to_ascii_lowercase();
        if filter[first as usize] & (1 << span.len().min(63)) == 0 || !t.is_word() {
            continue;
        }
        let capital_mid = t.is_capitalized() && !t.starts_sentence();
        if t.is_capitalized() && !capital_mid {
            continue;
        }
        let found = match ascii_word_key(text, span.start, span.end) {
            Some(key) => packed.get(&key).copied(),
            None if others.is_empty() => None,
            None => with_lower(doc.token_str(t), |l| others.get(l).copied()),
        };
        if let Some(k) = found {
            if capital_mid {
                named[k] = true;
            } else {
                common[k] = true;
            }
        }
    }
    let mut suspects = suspects.into_iter();
    mentions.retain(|m| {
        if !suspect(m) {
            return true;
        }
        match suspects.next() {
            Some(k) => named[k] || !common[k],
            None => true,
        }
    });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Determiner,
    Cap,
    Joiner,
    Title,
    Head,
    Modifier,
}

/// Tries to read a noun phrase starting at token `start`.
fn chunk(
    doc: &Document<'_>,
    start: usize,
    limit: usize,
    nicknames: &[Quote<'_>],
    after_apostrophe: bool,
    parts: &mut Vec<(usize, Part)>,
) -> Option<Mention> {
    let poss_start = after_possessive(doc, start) || after_apostrophe;
    // "said lead author Jane Roe": after an inverted speech verb, words the
    // lists do not know may open the title before a name.
    let inverted_start = before_inverted_title(doc, start);
    let tokens = doc.tokens();
    parts.clear();
    let mut j = start;
    // A mention is a few words; a longer run (a line of capitalised words,
    // "the senior senior senior …") is cut, so that no token is scanned
    // over and over.
    let limit = limit.min(start + MAX_MENTION_TOKENS);
    let mut possessive = false;
    let mut generic = 0usize;
    while j < limit {
        let t = &tokens[j];
        // A nickname after a name word: its marks join, its words are
        // name words.
        if let Some(q) = nicknames.iter().find(|q| q.token_range().start == j) {
            let r = q.token_range();
            let after_name = parts.last().is_some_and(|&(_, p)| p == Part::Cap);
            if after_name && r.end < limit {
                parts.push((r.start, Part::Joiner));
                parts.extend((r.start + 1..r.end - 1).map(|k| (k, Part::Cap)));
                parts.push((r.end - 1, Part::Joiner));
                j = r.end;
                continue;
            }
            break;
        }
        // "the National Farmers' Union": a plural possessive inside an
        // organisation's name joins it.
        if plural_possessive_in_name(doc, j, limit, parts) {
            parts.push((j, Part::Joiner));
            j += 1;
            continue;
        }
        let generic_number =
            t.kind() == TokenKind::Number && parts.len() == 1 && parts[0].1 == Part::Determiner;
        // "a Channel 4 presenter", "a No 10 spokesman": a short number
        // after a capitalised modifier, before a lower-case word.
        let numbered = t.kind() == TokenKind::Number
            && t.span().len() <= 3
            && !t.starts_sentence()
            && parts.last().is_some_and(|&(k, p)| {
                matches!(p, Part::Cap | Part::Modifier) && tokens[k].is_capitalized()
            })
            && parts.first().is_some_and(|&(_, p)| p == Part::Determiner)
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.is_word() && !n.is_capitalized() && j + 1 < limit);
        if numbered {
            parts.push((j, Part::Modifier));
            j += 1;
            continue;
        }
        // A sentence start ends the phrase (the loop steps one token at
        // a time, so the first token of another sentence is one).
        if (j > start && t.starts_sentence())
            || (t.kind() != TokenKind::Word && !generic_number)
            || t.is_possessive()
        {
            break;
        }
        let w = doc.token_str(t);
        let flags = t.lex();
        let first = parts.is_empty();
        let part = if first && flags & class::JOINER != 0 && opens_name_with_particle(doc, j) {
            // "von der Leyen said", "de Blasio added".
            Part::Joiner
        } else if first
            && flags & class::DETERMINER != 0
            && (!t.is_capitalized() || t.starts_sentence() || w == "The")
            && !(w.eq_ignore_ascii_case("that") && is_complementizer(doc, j))
        {
            Part::Determiner
        } else if t.is_capitalized() {
            let dated = parts.first().is_some_and(|&(_, p)| p == Part::Determiner)
                && flags & class::CALENDAR != 0;
            // "No" before a number ("a No 10 spokesman", "the No. 2
            // official") is a word of the modifier, not a determiner.
            let number_sign = !first
                && matches!(w, "No" | "No.")
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| n.kind() == TokenKind::Number);
            if dated || number_sign || is_compound_modifier(w) {
                Part::Modifier
            } else if (flags & class::FUNCTION != 0
                && !is_acronym(w)
                && !function_word_in_organisation(doc, j, parts))
                || is_contraction(w)
                || (t.starts_sentence() && first && is_sentence_initial_verb(doc, j, w))
            {
                break;
            } else if flags & class::TITLE != 0
                && !parts
                    .iter()
                    .any(|&(k, p)| p == Part::Joiner && is_organisation_joiner(doc.str_at(k)))
            {
                // A title after a joiner names a department or a cause, not
                // a person ("Department of Justice", "Citizens for Tax
                // Justice").
                Part::Title
            } else if first && t.starts_sentence() && flags & class::HEAD != 0 && !is_acronym(w) {
                // "Protesters chanted", "Officials said": a head noun that
                // is capitalised only because it opens the sentence.
                Part::Head
            } else {
                Part::Cap
            }
        } else if flags & class::JOINER != 0 || is_organisation_joiner(w) {
            // Only between capitalised words; "of" only after a title or in
            // an organisation's name ("Secretary of State", "Bank of
            // America"), not in "assuring Mattis of Pakistan's
            // cooperation"; "for", "on", "to" and "and" only in an
            // organisation's name ("Citizens for Tax Justice", "Commission
            // on Presidential Debates").
            let organisation = || organisation_phrase(doc, parts, w == "for");
            // "and" joins within a name ("Health and Human Services"),
            // never two names ("the Fund and Citizens for Tax Justice").
            let prev_cap = parts.last().is_some_and(|&(k, p)| match p {
                // "von der Leyen", "de la Cruz": name particles in a row.
                Part::Joiner => is_name_particle(doc, j) && is_name_particle(doc, k),
                Part::Title => w == "of" || (w != "and" && organisation()),
                Part::Cap => {
                    (flags & class::JOINER != 0 && w != "of")
                        || (organisation() && !(w == "and" && is_organisation_word(doc, k)))
                }
                _ => false,
            });
            let cap_at = |k: usize| {
                tokens
                    .get(k)
                    .is_some_and(|n| n.is_capitalized() && n.kind() == TokenKind::Word && k < limit)
            };
            let next_cap = cap_at(j + 1)
                || (is_name_particle(doc, j)
                    && j + 1 < limit
                    && is_name_particle(doc, j + 1)
                    && cap_at(j + 2));
            // "the Supreme Court on Tuesday": a day or a month after the
            // joiner is the sentence's, not the name's.
            let dated = w != "of"
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| n.lex() & class::CALENDAR != 0);
            // "the Office of the Director of National Intelligence", "Bank
            // of the West": "of the" inside an organisation's name.
            let of_the = w == "of"
                && j + 2 < limit
                && doc.str_at(j + 1) == "the"
                && cap_at(j + 2)
                && parts
                    .last()
                    .is_some_and(|&(_, p)| p == Part::Cap && organisation());
            if of_the {
                parts.push((j, Part::Joiner));
                parts.push((j + 1, Part::Joiner));
                j += 2;
                continue;
            }
            if prev_cap && next_cap && !dated {
                Part::Joiner
            } else {
                break;
            }
        } else if flags & class::TITLE != 0 {
            Part::Title
        } else if flags & class::HEAD != 0 {
            Part::Head
        } else if flags & class::MODIFIER != 0 {
            Part::Modifier
        } else if (parts.first().is_some_and(|&(_, p)| p == Part::Determiner)
            || poss_start
            || inverted_start)
            && parts
                .iter()
                .all(|&(_, p)| matches!(p, Part::Determiner | Part::Modifier))
            && generic < 2
            && flags & (class::DETERMINER | class::SPEECH_VERB) == 0
            && !(w.ends_with("ly") && flags & class::NOT_ADVERB == 0)
            && flags & class::CLOSED == 0
        {
            generic += 1;
            Part::Modifier
        } else if parts.first().is_some_and(|&(_, p)| p == Part::Determiner)
            && parts.iter().any(|&(_, p)| p == Part::Cap)
            && generic < 2
            // Not a verb after the name ("the Cubs signed players", "the
            // GOP needs voters").
            && (w == "news" || !(w.ends_with("ed") || w.ends_with('s')))
            // An organisation's name stays a mention of its own ("former
            // Republican National Committee staffers").
            && !parts
                .iter()
                .any(|&(k, p)| p == Part::Cap && is_organisation_word(doc, k))
            && flags
                & (class::SPEECH_VERB
                    | class::CLOSED
                    | class::AUXILIARY
                    | class::DETERMINER
                    | class::PRONOUN
                    | class::FUNCTION)
                == 0
            && !w.contains(['\'', '’'])
            && !(w.ends_with("ly") && flags & class::NOT_ADVERB == 0)
            && tokens.get(j + 1).is_some_and(|n| {
                j + 1 < limit && n.is_word() && !n.is_capitalized() && n.lex() & class::HEAD != 0
            })
        {
            // "a Gold Coast surf club", "a Boston tech company": a word the
            // lists do not know between a name and a head noun modifies
            // the head.
            generic += 1;
            Part::Modifier
        } else if parts.iter().any(|&(_, p)| p == Part::Cap)
            && flags & (class::SPEECH_VERB | class::CLOSED | class::AUXILIARY | class::DETERMINER)
                == 0
            && !w.contains(['\'', '’'])
            && !(w.ends_with("ly") && flags & class::NOT_ADVERB == 0)
            && next_is_speech_verb(doc, j + 1)
        {
            // "the GOP front-runner said": a noun after a name, right before
            // a speech verb, heads the description.
            Part::Head
        } else {
            break;
        };
        parts.push((j, part));
        j += 1;
        if tokens.get(j).is_some_and(|n| n.is_possessive()) {
            // "the Attorney General's Office", "the Mayor's Office": a
            // title's possessive before a capitalised word of an
            // organisation's name is inside that name.
            let office = part == Part::Title
                && t.is_capitalized()
                && j + 1 < limit
                && tokens[j + 1].is_capitalized()
                && is_organisation_word(doc, j + 1);
            if office {
                parts.push((j, Part::Joiner));
                j += 1;
                continue;
            }
            possessive = true;
            break;
        }
    }
    // "the Liberal Democrats' leader": the name before a plural
    // possessive's apostrophe is a possessor (the phrase stops at the mark,
    // which opens no quotation before `limit`).
    if !possessive && j < limit && is_plural_possessive_mark(doc, j) {
        possessive = true;
    }
    // A determiner and unknown words right next to a speech verb make a
    // description all the same: "said the 46-year-old", "the tycoon told".
    let generic_head = (parts.len() >= 2 && parts[0].1 == Part::Determiner
        || poss_start && !parts.is_empty())
        && parts
            .last()
            .is_some_and(|&(k, _)| !doc.str_at(k).ends_with("ed"))
        && parts.last().is_some_and(|&(_, p)| p == Part::Modifier)
        && (next_is_speech_verb(doc, j) || (start > 0 && prev_is_speech_verb(doc, start)))
        && !(start > 0 && is_preposition(doc.str_at(start - 1)));
    if generic_head {
        if let Some(last) = parts.last_mut() {
            last.1 = Part::Head;
        }
    }
    // A title word after a given name or an honorific is a surname:
    // "Larry King", "Mr. King", "Ms. Bishop".
    if let [.., (pk, pp), (lk, Part::Title)] = parts.as_slice() {
        let (pk, pp, lk) = (*pk, *pp, *lk);
        let honorific = pp == Part::Title
            && matches!(
                LEXICON.title_form_in(doc.text(), tokens[pk].span()),
                Some("mr" | "mrs" | "ms" | "miss" | "mx" | "doctor")
            );
        let given = pp == Part::Cap
            && tokens[pk].lex() & class::GIVEN_NAME != 0
            && LEXICON.given_names.contains_key(doc.str_at(pk));
        if tokens[lk].is_capitalized() && (honorific || given) {
            if let Some(last) = parts.last_mut() {
                last.1 = Part::Cap;
            }
        }
    }
    // Trim to the last token that can end a mention: a name word, a title
    // or a head noun.
    while let Some(&(_, p)) = parts.last() {
        if matches!(p, Part::Cap | Part::Title | Part::Head) {
            break;
        }
        parts.pop();
        possessive = false;
    }
    let (&(first_idx, first_part), &(last_idx, last_part)) = (parts.first()?, parts.last()?);
    // A possessive before the phrase determines it: "Okafor's spokeswoman",
    // "his spokesman".
    let has_det = first_part == Part::Determiner || poss_start;
    // The name: the capitalised run after the last title.
    let mut name_start = None;
    for &(k, p) in parts.iter().rev() {
        match p {
            Part::Cap | Part::Joiner => name_start = Some(k),
            _ => break,
        }
    }
    let text = doc.text();
    let span = Span::new(tokens[first_idx].span().start, tokens[last_idx].span().end);
    // "the Spaniard said": a nationality noun alone after an article
    // describes a person; not an adjective before a noun ("the Syrian civil
    // war"), which a word of no class after it most often is.
    let demonym = last_part == Part::Cap
        && parts.len() == 2
        && first_part == Part::Determiner
        && is_demonym(doc.str_at(last_idx))
        && with_lower(doc.str_at(first_idx), |w| matches!(w, "the" | "a"))
        && !tokens.get(last_idx + 1).is_some_and(|n| {
            n.is_word()
                && n.lex()
                    & (class::SPEECH_VERB
                        | class::AUXILIARY
                        | class::BE
                        | class::MODAL
                        | class::FUNCTION
                        | class::PREPOSITION
                        | class::SUBORDINATOR)
                    == 0
        });
    if last_part == Part::Cap && !demonym {
        let ns = name_start.unwrap_or(last_idx);
        // A joiner cannot start a name, but for a name's own particle ("de
        // Blasio").
        let ns = if parts.iter().any(|&(k, p)| k == ns && p == Part::Joiner)
            && !opens_name_with_particle(doc, ns)
        {
            ns + 1
        } else {
            ns
        };
        // "Secretary of State", "Secretary of Defense" with no name after:
        // a title phrase, describing a person.
        let of_title = ns >= 2
            && last_idx + 1 - ns <= 2
            && parts.iter().any(|&(k, p)| k == ns - 1 && p == Part::Joiner)
            && !tokens[ns - 1].is_possessive()
            && parts.iter().any(|&(k, p)| k == ns - 2 && p == Part::Title);
        if of_title {
            return Some(Mention::from(Parts {
                span,
                tokens: first_idx..last_idx + 1,
                name: None,
                head: ns - 2,
                sentence: doc.sentence_of(start),
                kind: MentionKind::Description,
                entity_kind: EntityKind::Person,
                gender: Gender::Any,
                number: Number::Singular,
                possessive,
            }));
        }
        let name = ns..last_idx + 1;
        let titled = parts.iter().any(|&(k, p)| k < ns && p == Part::Title);
        let name_str = &text[Span::new(tokens[ns].span().start, tokens[last_idx].span().end)];
        let (mut kind, gender) = name_kind(doc, name.clone(), name_str, titled, parts);
        // "Queen Mary University of London", "King Abdullah University",
        // "the County Sheriff's Office": capitalised titles right before an
        // organisation's name, and the words before them, are part of it.
        let name = if kind == EntityKind::Organisation {
            let mut at = ns;
            let mut titled = false;
            while let Some(&(_, p)) = parts.iter().find(|&&(k, _)| k + 1 == at) {
                let joins = match p {
                    Part::Title => tokens[at - 1].is_capitalized(),
                    // The possessive of "the Mayor's Office"; the words
                    // before a title ("the Clark County Coroner's Office").
                    Part::Joiner => tokens[at - 1].is_possessive(),
                    Part::Cap => titled,
                    _ => false,
                };
                if !joins {
                    break;
                }
                titled |= p != Part::Cap;
                at -= 1;
            }
            at..name.end
        } else {
            name
        };
        // "the Saudis", "the Democrats": a people or a party, plural.
        let plural = has_det
            && name.len() == 1
            && doc.str_at(first_idx).eq_ignore_ascii_case("the")
            && name_str.ends_with('s')
            && !name_str.ends_with("ss")
            && kind == EntityKind::Unknown;
        if plural {
            kind = EntityKind::Group;
        }
        let number = if plural {
            Number::Plural
        } else {
            Number::Singular
        };
        return Some(Mention::from(Parts {
            span,
            tokens: first_idx..last_idx + 1,
            name: Some(name),
            head: last_idx,
            sentence: doc.sentence_of(start),
            kind: MentionKind::Name,
            entity_kind: kind,
            gender,
            number,
            possessive,
        }));
    }
    // A description: its head is the last word.
    let (entity_kind, number) = if last_part == Part::Title {
        (EntityKind::Person, Number::Singular)
    } else {
        match LEXICON.nominal_head_in(text, tokens[last_idx].span()) {
            Some(HeadKind::Person) => (EntityKind::Person, Number::Singular),
            Some(HeadKind::Group) => (EntityKind::Group, Number::Plural),
            Some(HeadKind::Organisation) => (EntityKind::Organisation, Number::Singular),
            Some(HeadKind::Document) => (EntityKind::Document, Number::Singular),
            // "the 21-year-old": an age stands for a person.
            None if is_age(doc.str_at(last_idx)) => (EntityKind::Person, Number::Singular),
            None if family_compound(doc.str_at(last_idx)).is_some()
                || age_noun(doc.str_at(last_idx)).is_some() =>
            {
                (EntityKind::Person, Number::Singular)
            }
            None if demonym => (EntityKind::Person, Number::Singular),
            None => (EntityKind::Unknown, Number::Singular),
        }
    };
    // A lone capitalised title at a sentence start ("President" alone) or a
    // bare singular head without determiner ("official") is too vague.
    if !has_det && parts.len() == 1 && number == Number::Singular && last_part != Part::Title {
        return None;
    }
    if !has_det
        && parts.len() == 1
        && last_part == Part::Title
        && !tokens[last_idx].is_capitalized()
    {
        return None;
    }
    let gender = LEXICON
        .gender_of_word_in(text, tokens[last_idx].span())
        .or_else(|| family_compound(doc.str_at(last_idx)))
        .unwrap_or(Gender::Any);
    Some(Mention::from(Parts {
        span,
        tokens: first_idx..last_idx + 1,
        name: None,
        head: last_idx,
        sentence: doc.sentence_of(start),
        kind: MentionKind::Description,
        entity_kind,
        gender,
        number,
        possessive,
    }))
}

/// Adds a name mention for each speaker label of a transcript that is not
/// a mention already, inside quotations too: the label names the speaker
/// of its turn.
fn add_label_mentions(doc: &Document<'_>, mentions: &mut Vec<Mention>) {
    let tokens = doc.tokens();
    for label in speaker_labels(doc).into_iter().flatten() {
        if label.interview {
            continue;
        }
        let r = label.words.clone();
        let at = mentions.partition_point(|m| m.token_range().start < r.start);
        if let Some(m) = mentions.get_mut(at).filter(|m| m.token_range() == r) {
            // A label in capitals ("DIALLO:") looks like an acronym; a label
            // names a person who speaks.
            if m.kind == MentionKind::Name
                && m.entity_kind == EntityKind::Organisation
                && r.clone().all(|k| {
                    let w = doc.str_at(k);
                    !w.bytes().any(|b| b.is_ascii_lowercase())
                        && !LEXICON.organisation_words.contains(w)
                })
            {
                m.entity_kind = EntityKind::Person;
            }
            continue;
        }
        let overlaps = |m: &Mention| m.token_range().start < r.end && r.start < m.token_range().end;
        if at > 0 && overlaps(&mentions[at - 1]) || mentions.get(at).is_some_and(overlaps) {
            continue;
        }
        let span = tokens[r.start].span().cover(tokens[r.end - 1].span());
        mentions.insert(
            at,
            Mention::from(Parts {
                span,
                tokens: r.clone(),
                name: Some(r.clone()),
                head: r.end - 1,
                sentence: doc.sentence_of(r.end - 1),
                kind: MentionKind::Name,
                entity_kind: EntityKind::Person,
                gender: Gender::Any,
                number: Number::Singular,
                possessive: false,
            }),
        );
    }
}

/// Whether quotation `q` is a nickname standing between the words of a
/// name: one to three capitalised words, after a capitalised word and
/// before one.
fn is_name_nickname(doc: &Document<'_>, q: &Quote<'_>) -> bool {
    let r = q.token_range();
    let tokens = doc.tokens();
    let cap_word = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
    };
    q.kind() == crate::QuoteKind::Nickname
        && !q.is_unclosed()
        && r.len() >= 3
        && r.len() <= 5
        && r.start > 0
        && cap_word(r.start - 1)
        && cap_word(r.end)
        && (r.start + 1..r.end - 1).all(cap_word)
}

/// Lower-case words that join the words of an organisation's name.
fn is_organisation_joiner(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "to" | "and")
}

/// Whether the phrase read so far names an organisation: it has an
/// organisation word ("Commission", "Federation"), or, before "for"
/// (`plural_opens`), opens with a plural capitalised word ("Citizens for",
/// "Americans for").
fn organisation_phrase(doc: &Document<'_>, parts: &[(usize, Part)], plural_opens: bool) -> bool {
    parts.iter().enumerate().any(|(i, &(k, p))| {
        let w = doc.str_at(k);
        (p == Part::Cap || p == Part::Title)
            && (is_organisation_word(doc, k)
                || (plural_opens
                    && i == 0
                    && p == Part::Cap
                    && w.len() > 4
                    && w.ends_with('s')
                    && !w.ends_with("ss")))
    })
}

/// Whether the capitalised function word at `j` goes on an organisation's
/// name after one of its joiners ("Alliance to Reclaim Our Schools"):
/// a capitalised word follows it.
fn function_word_in_organisation(doc: &Document<'_>, j: usize, parts: &[(usize, Part)]) -> bool {
    let tokens = doc.tokens();
    let after_joiner = parts
        .iter()
        .rev()
        .take(3)
        .any(|&(k, p)| p == Part::Joiner && is_organisation_joiner(doc.str_at(k)));
    after_joiner
        && tokens
            .get(j + 1)
            .is_some_and(|n| n.is_word() && n.is_capitalized())
        && organisation_phrase(doc, parts, false)
}

/// Whether the mark at token `j` is the apostrophe of a plural possessive
/// inside an organisation's name: glued to a capitalised word ending in
/// `s` that the phrase `parts` has taken as a name word, and followed by
/// capitalised words up to an organisation word ("Farmers' Union",
/// "Veterans’ Affairs Department").
fn plural_possessive_in_name(
    doc: &Document<'_>,
    j: usize,
    limit: usize,
    parts: &[(usize, Part)],
) -> bool {
    let tokens = doc.tokens();
    let after_name = parts
        .last()
        .is_some_and(|&(k, p)| p == Part::Cap && k + 1 == j);
    let glued = after_name && glued_apostrophe_after(doc, j).is_some_and(|w| w.ends_with('s'));
    if !glued {
        return false;
    }
    (j + 1..limit.min(j + 4))
        .take_while(|&k| tokens[k].kind() == TokenKind::Word && tokens[k].is_capitalized())
        .any(|k| is_organisation_word(doc, k))
}

/// Whether token `k` is the apostrophe of a plural possessive ("the
/// Democrats' leader", "Jones’ cow"): a single mark glued to a word ending
/// in "s", before a word. The caller knows it closes no quotation.
fn is_plural_possessive_mark(doc: &Document<'_>, k: usize) -> bool {
    glued_apostrophe_after(doc, k).is_some_and(|w| w.ends_with(['s', 'S']))
        && doc
            .tokens()
            .get(k + 1)
            .is_some_and(|n| n.is_word() && n.space_before())
}

/// The word token `k` is glued to, when `k` is a single mark that may be an
/// apostrophe (`'`, `’`) written right after a word.
fn glued_apostrophe_after<'t>(doc: &Document<'t>, k: usize) -> Option<&'t str> {
    let tokens = doc.tokens();
    let apostrophe = tokens[k].mark().is_some_and(|m| m.glyph().is_apostrophe());
    let glued = apostrophe
        && k > 0
        && tokens[k - 1].is_word()
        && tokens[k - 1].span().end == tokens[k].span().start;
    glued.then(|| doc.str_at(k - 1))
}

/// Whether token `i` follows a possessive: "Okafor's", "his", "their".
fn after_possessive(doc: &Document<'_>, i: usize) -> bool {
    i > 0 && {
        let prev = &doc.tokens()[i - 1];
        prev.is_possessive() || prev.lex() & class::POSSESSIVE != 0
    }
}

/// All capitals, two letters or more: "US" is a country, not "us".
fn is_acronym(w: &str) -> bool {
    w.len() > 1 && !w.bytes().any(|b| b.is_ascii_lowercase())
}

/// "I'm", "It's", "Don't": a contraction is no name.
fn is_contraction(w: &str) -> bool {
    // An apostrophe, or the first byte of a ’ (and of other characters).
    w.bytes().any(|b| b == b'\'' || b == 0xE2)
        && with_lower(w, |l| {
            [
                "'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "n't", "n’t",
                "'s", "’s",
            ]
            .iter()
            .any(|s| l.ends_with(s))
        })
}

/// A capitalised word opening a sentence that is a verb form, not a name:
/// "Adding, …", "Asked about …", "Speaking at …", "Holding signs …".
fn is_sentence_initial_verb(doc: &Document<'_>, j: usize, w: &str) -> bool {
    if doc.tokens()[j].lex() & class::SPEECH_VERB != 0 {
        return true;
    }
    let next_lower = doc.tokens().get(j + 1).is_some_and(|n| {
        (n.is_word() && !n.is_capitalized()) || n.kind() == TokenKind::Punctuation
    });
    if w.ends_with("ly") && w.len() > 4 && next_lower {
        return true; // "Hastily, …", "Specifically, …"
    }
    (w.ends_with("ing") || w.ends_with("ed"))
        && w.len() > 4
        && next_lower
        && !next_is_speech_verb(doc, j + 1)
}

/// "that" after a verb ("said that Trump …") or before a capitalised word
/// introduces a clause; it is not a determiner.
fn is_complementizer(doc: &Document<'_>, j: usize) -> bool {
    let tokens = doc.tokens();
    let next_cap = tokens
        .get(j + 1)
        .is_none_or(|n| n.is_capitalized() || !n.is_word());
    let after_verb = j > 0 && tokens[j - 1].lex() & class::SPEECH_VERB != 0;
    next_cap || after_verb
}

/// Whether a speech verb follows from token `j` on (after auxiliaries and
/// adverbs).
pub(crate) fn next_is_speech_verb(doc: &Document<'_>, mut j: usize) -> bool {
    let tokens = doc.tokens();
    while j < tokens.len() && tokens[j].is_word() {
        if tokens[j].is_capitalized() {
            return false;
        }
        let flags = tokens[j].lex();
        if let Some(verb) = speech_verb_at(doc, j) {
            // Base and plural-like forms are too often nouns ("a few
            // questions", "a controversial comment").
            return !verb.may_be_noun(doc.str_at(j));
        }
        if flags & class::AUXILIARY == 0 {
            return false;
        }
        j += 1;
    }
    false
}

/// A capitalised compound ending in a lower-case participle: a modifier,
/// not a name ("Slovenia-born", "Texas-based", "Pulitzer-winning"). A
/// given name such as "Ki-moon" or "Jae-in" ends in no participle.
pub(crate) fn is_compound_modifier(w: &str) -> bool {
    // The last hyphen, by a plain loop: most words are short and have none.
    let b = w.as_bytes();
    let mut at = b.len();
    while at > 0 && b[at - 1] != b'-' {
        at -= 1;
    }
    at.checked_sub(1).is_some_and(|dash| {
        let (head, tail) = (&w[..dash], &w[dash + 1..]);
        !head.is_empty()
            && tail.bytes().all(|b| b.is_ascii_lowercase())
            // "Labour-run", "Tory-led", "state-held": past participles too
            // short or irregular for the rule of endings.
            && (matches!(tail, "run" | "led" | "held" | "made" | "built")
                || (tail.len() >= 4
                    && (tail.ends_with("ed") || tail.ends_with("ing") || tail == "born")))
    })
}

/// Whether token `k` is a particle of a name ("de", "van", "von", "bin"):
/// a joiner of the word lists that joins no organisation's name.
fn is_name_particle(doc: &Document<'_>, k: usize) -> bool {
    let t = &doc.tokens()[k];
    t.is_word() && !t.is_capitalized() && t.lex() & class::JOINER != 0 && {
        let w = doc.str_at(k);
        !is_organisation_joiner(w) && w != "y"
    }
}

/// Whether the name particle at token `i` opens a name: no name word
/// before it, and a capitalised word after it, or after one more particle
/// ("de Blasio", "von der Leyen", "bin Salman").
fn opens_name_with_particle(doc: &Document<'_>, i: usize) -> bool {
    let tokens = doc.tokens();
    let cap = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
    };
    is_name_particle(doc, i)
        && !matches!(doc.str_at(i), "der" | "den")
        && !(i > 0 && (cap(i - 1) || is_name_particle(doc, i - 1)))
        && (cap(i + 1) || (i + 1 < tokens.len() && is_name_particle(doc, i + 1) && cap(i + 2)))
}

/// Whether token `i` is a lower-case word the lists do not know, right
/// after an inverted speech verb, with a title within the next two words:
/// the start of a title phrase before a name ("…," said lead author Jane
/// Roe; "…," said team captain Jane Roe).
#[inline]
fn before_inverted_title(doc: &Document<'_>, i: usize) -> bool {
    let tokens = doc.tokens();
    let t = &tokens[i];
    // The word classes first: nearly every word stops here.
    t.lex() == 0
        && i > 0
        && tokens[i - 1].lex() & class::SPEECH_VERB != 0
        && t.is_word()
        && !t.is_capitalized()
        && prev_is_speech_verb(doc, i)
        && (i + 1..(i + 3).min(tokens.len())).any(|k| {
            let n = &tokens[k];
            n.is_word() && n.lex() & class::TITLE != 0
        })
}

/// Whether an inverted speech verb stands right before token `start`:
/// `…," said the 46-year-old` (the verb after a quotation or comma).
fn prev_is_speech_verb(doc: &Document<'_>, start: usize) -> bool {
    let tokens = doc.tokens();
    let t = &tokens[start - 1];
    if t.lex() & class::SPEECH_VERB == 0 || t.is_capitalized() || start < 2 {
        return false;
    }
    let inverted = tokens[start - 2].mark().is_some() || matches!(doc.str_at(start - 2), "," | "—");
    inverted && !doc.str_at(start - 1).ends_with("ing")
}

/// Guesses what a name denotes, and the gender of a person.
fn name_kind(
    doc: &Document<'_>,
    name: Range<usize>,
    name_str: &str,
    titled: bool,
    parts: &[(usize, Part)],
) -> (EntityKind, Gender) {
    let lex = &*LEXICON;
    let mut words = name.clone().map(|k| doc.str_at(k));
    let single = name.len() == 1;
    let title_gender = parts
        .iter()
        .filter(|&&(k, p)| k < name.start && p == Part::Title)
        .find_map(|&(k, _)| lex.gender_of_word_in(doc.text(), doc.tokens()[k].span()));
    // The word classes rule most names out of the lists before any lookup
    // (the name's words are its tokens, so a listed place has the class on
    // every one).
    let tokens = doc.tokens();
    let has = |k: usize, c: u32| tokens[k].lex() & c != 0;
    if name.clone().all(|k| has(k, class::PLACE_WORD)) && lex.places.contains(name_str) {
        return (EntityKind::Place, Gender::Neuter);
    }
    if name.clone().any(|k| is_organisation_word(doc, k)) {
        return (EntityKind::Organisation, Gender::Neuter);
    }
    let first = words.next().unwrap_or_default();
    let given = if has(name.start, class::GIVEN_NAME) {
        lex.given_names.get(first).copied()
    } else {
        None
    };
    if titled {
        return (
            EntityKind::Person,
            title_gender.or(given).unwrap_or(Gender::Any),
        );
    }
    if let Some(g) = given {
        if !single {
            return (EntityKind::Person, g);
        }
    }
    // Acronyms: FBI, ISI, CNN.
    if single {
        let w = first;
        if w.len() >= 2
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'.' || b == b'&')
        {
            return (EntityKind::Organisation, Gender::Neuter);
        }
        return (EntityKind::Unknown, given.unwrap_or(Gender::Any));
    }
    if name.clone().all(|k| has(k, class::PLACE_WORD))
        && lex.places.contains(first)
        && words.all(|w| lex.places.contains(w))
    {
        return (EntityKind::Place, Gender::Neuter);
    }
    (EntityKind::Person, Gender::Any)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_take_32_bytes_and_keep_their_token_ranges() {
        assert_eq!(std::mem::size_of::<Mention>(), 32);
        let parts = |name| Parts {
            span: Span::new(3, 30),
            tokens: 5..9,
            name,
            head: 8,
            sentence: 0,
            kind: MentionKind::Name,
            entity_kind: EntityKind::Person,
            gender: Gender::Any,
            number: Number::Singular,
            possessive: true,
        };
        let m = Mention::from(parts(Some(7..9)));
        assert_eq!(m.token_range(), 5..9);
        assert_eq!(m.name_tokens(), Some(7..9));
        assert_eq!(
            (m.head(), m.span(), m.is_possessive()),
            (8, Span::new(3, 30), true)
        );
        assert_eq!(Mention::from(parts(None)).name_tokens(), None);
        let far = Span::new(
            crate::tokenizer::MAX_TEXT_LEN - 9,
            crate::tokenizer::MAX_TEXT_LEN,
        );
        let m = Mention::from(Parts {
            span: far,
            ..parts(None)
        });
        assert_eq!(m.span(), far);
        // An empty name is still a name.
        assert_eq!(Mention::from(parts(Some(9..9))).name_tokens(), Some(9..9));
    }
}
