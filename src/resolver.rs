//! Stage 5: who said each quotation.
//!
//! Rules run in order, from the most to the least precise; the first that
//! finds a speaker wins and is recorded with the quotation as its [`Rule`]:
//!
//! 1. [`Rule::AccordingTo`]: "according to X" in the quotation's sentence.
//! 2. [`Rule::CueAfter`]: a cue right after the quotation: `"…," X said`,
//!    `"…," said X`, `"…," X, the Y of Z, said`, `"…" — X`.
//! 3. [`Rule::CueBefore`] and [`Rule::EmbeddedCue`]: the leftmost speech verb
//!    before the quotation in its sentence, and its subject: `X said: "…"`,
//!    `X said that "…"`, `X called it "…"`, `X has accused Y of "…"`. A
//!    participle takes the clause's subject (`X issued a statement, saying
//!    "…"`); a passive takes its agent (`… was declared "…" by X`).
//! 4. [`Rule::QuotedAs`]: whenever the cue is "quoted Y as" or "cited Y as",
//!    the speaker is Y, not the one who quotes.
//! 5. [`Rule::SpeechNoun`]: with no speech verb, a speech noun after a
//!    possessive: `Trump's claim that "…"`, `his call for "…"`.
//!    [`Rule::ColonIntroduction`]: `X on the deal: "…"` with no verb.
//! 6. [`Rule::CueAfter`] again, for a speech verb further along the sentence.
//! 7. [`Rule::ClauseSubject`]: a partial quotation inside a clause with no
//!    speech verb takes the clause's subject (`X blamed it on "…"`).
//! 8. [`Rule::Continuation`]: a quotation with no cue in its sentence takes
//!    the speaker of the previous quotation of its paragraph, or of a speech
//!    verb in the sentence before it ([`Rule::ColonIntroduction`] when that
//!    sentence ends in a colon), or of the quotation in the paragraph before.
//! 9. [`Rule::AlternatingTurns`]: before the sentence before is consulted, a
//!    paragraph that is nothing but a quotation, after a question by one
//!    speaker and an answer by another in the two paragraphs before it,
//!    continues the turns: a question goes to the one who asked, an answer
//!    to the one who answered.
//!
//! A quotation of one to three words, not a sentence of its own, for which
//! no rule finds a speaker, or only [`Rule::Continuation`], is no reported
//! speech but a scare quote; the [`crate::Attributor`] marks it so.
//!
//! A pronoun speaker is reported as the pronoun ("he") with its entity
//! resolved by the entity stage.

use std::fmt;

use crate::entities::{EntityId, EntityTable, MentionId};
use crate::lexicon::{class, with_lower, LEXICON};
use crate::mentions::{Mention, MentionKind};
use crate::quotes::Quote;
use crate::span::Span;
use crate::tokenizer::{Document, TokenKind};

/// The rule that found a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Rule {
    /// "according to X".
    AccordingTo,
    /// A cue after the quotation: `"…," X said`, `"…," said X`.
    CueAfter,
    /// A cue right before the quotation: `X said: "…"`, `X said that "…"`.
    CueBefore,
    /// "X quoted Y as saying", "Y was quoted as saying".
    QuotedAs,
    /// A speech verb earlier in the sentence, with text between it and a
    /// partial quotation: `X called it a "…"`.
    EmbeddedCue,
    /// A colon introduces the quotation: `X on the deal: "…"` with no verb,
    /// or a sentence ending in a colon before the quotation's paragraph
    /// (`X said:` ¶ `"…"`).
    ColonIntroduction,
    /// The subject of the clause around a partial quotation, with no speech
    /// verb.
    ClauseSubject,
    /// A speech noun after a possessive: `Trump's claim that "…"`, `his call
    /// for "…"`.
    SpeechNoun,
    /// The speaker of the previous quotation or sentence carries over.
    Continuation,
    /// Two speakers taking turns, paragraph by paragraph.
    AlternatingTurns,
}

impl Rule {
    /// The rule's name as written in JSON output (`"cue_after"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::AccordingTo => "according_to",
            Rule::CueAfter => "cue_after",
            Rule::CueBefore => "cue_before",
            Rule::QuotedAs => "quoted_as",
            Rule::EmbeddedCue => "embedded_cue",
            Rule::ColonIntroduction => "colon_introduction",
            Rule::ClauseSubject => "clause_subject",
            Rule::SpeechNoun => "speech_noun",
            Rule::Continuation => "continuation",
            Rule::AlternatingTurns => "alternating_turns",
        }
    }

    /// How often the rule is right, as a starting confidence.
    fn base_confidence(self) -> f32 {
        match self {
            Rule::AccordingTo => 0.95,
            Rule::CueAfter => 0.95,
            Rule::CueBefore => 0.9,
            Rule::QuotedAs => 0.9,
            Rule::EmbeddedCue => 0.8,
            Rule::ColonIntroduction => 0.7,
            Rule::ClauseSubject => 0.6,
            Rule::SpeechNoun => 0.75,
            Rule::Continuation => 0.75,
            Rule::AlternatingTurns => 0.4,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The words that signal the attribution: "said", "according to", "quoted
/// … as … saying". A cue may be discontinuous, hence several spans.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cue {
    parts: Vec<Span>,
}

impl Cue {
    fn new(parts: Vec<Span>) -> Cue {
        Cue { parts }
    }

    /// The spans of the cue's words, in text order.
    pub fn spans(&self) -> &[Span] {
        &self.parts
    }

    /// Whether the cue has no words (a continuation with no cue of its own).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The cue as text, gaps written " ... ": `"quoted ... as ... saying"`.
    pub fn to_text(&self, text: &str) -> String {
        let mut out = String::new();
        let mut prev_end = None;
        for s in &self.parts {
            if let Some(e) = prev_end {
                out.push_str(
                    if s.start == e || text.get(e..s.start).is_some_and(|g| g.trim().is_empty()) {
                        " "
                    } else {
                        " ... "
                    },
                );
            }
            out.push_str(&text[*s]);
            prev_end = Some(s.end);
        }
        out
    }
}

/// A quoted phrase of one to three words, not a sentence of its own, that
/// nobody in its context is reported to have said is held at a distance,
/// not reported: a scare quote ("the "sex tape" reference", "a
/// "philanthropub""). That holds too when its only speaker is carried over
/// from an earlier quotation: a bare phrase does not continue a speech.
/// Corner brackets, which quote speech in Chinese and Japanese, where words
/// are not spaced, are left alone. A demoted quotation loses its speaker.
pub(crate) fn demote_unattributed(
    doc: &Document<'_>,
    quotes: &mut [Quote<'_>],
    speakers: &mut [Option<Resolution>],
) {
    for (q, s) in quotes.iter_mut().zip(speakers) {
        let sentence = q
            .content()
            .trim_end_matches(crate::tokenizer::is_mark_char)
            .ends_with(['.', '!', '?', '…']);
        let corner = q.opening_mark().family() == crate::tokenizer::MarkFamily::Corner;
        let carried = s
            .as_ref()
            .is_some_and(|r| matches!(r.rule, Rule::Continuation | Rule::AlternatingTurns));
        if (s.is_some() && !carried) || !q.is_speech() || sentence || corner {
            continue;
        }
        let r = q.token_range();
        let words = doc.tokens()[r]
            .iter()
            .filter(|t| t.is_word() || t.kind() == TokenKind::Number)
            .count();
        if words <= 3 {
            q.set_kind(crate::quotes::QuoteKind::ScareQuote);
            *s = None;
        }
    }
}

/// The speaker found for one quotation, by index into the mention and
/// entity lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    mention: MentionId,
    entity: Option<EntityId>,
    cue: Cue,
    rule: Rule,
    confidence: f32,
}

impl Resolution {
    /// The speaker mention, in the document's mention list.
    pub fn mention(&self) -> MentionId {
        self.mention
    }

    /// The speaker's entity, if resolved.
    pub fn entity(&self) -> Option<EntityId> {
        self.entity
    }

    /// The cue.
    pub fn cue(&self) -> &Cue {
        &self.cue
    }

    /// The rule that fired.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Confidence between 0 and 1.
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
}

/// Finds the speaker of each quotation.
#[derive(Clone, Debug, Default)]
pub struct SpeakerResolver {
    _private: (),
}

/// What being the speaker of the quotation before, in the same paragraph,
/// adds to the salience of a pronoun speaker's antecedent: as much as a
/// named subject of the sentence before.
const SAME_SPEAKER_BONUS: f32 = 3.0;

/// How many tokens before and after a quotation its cues are looked for in,
/// at most; this keeps the work per quotation bounded.
const WINDOW: usize = 60;

struct Ctx<'a, 't> {
    doc: &'a Document<'t>,
    quotes: &'a [Quote<'t>],
    mentions: &'a [Mention],
    entities: &'a EntityTable<'t>,
    /// One bit for each token: set when a top-level quotation contains it
    /// (a bit, not a quotation index, keeps this small for a long text).
    quoted: Vec<u64>,
}

#[derive(Clone, Debug)]
struct Found {
    mention: usize,
    cue: Vec<Span>,
    rule: Rule,
}

impl SpeakerResolver {
    /// A resolver.
    pub fn new() -> SpeakerResolver {
        SpeakerResolver::default()
    }

    /// Resolves the speaker of each top-level quotation of reported speech;
    /// other kinds get `None`. The result is parallel to `quotes`.
    pub fn resolve<'t>(
        &self,
        doc: &Document<'t>,
        quotes: &[Quote<'t>],
        mentions: &[Mention],
        entities: &EntityTable<'t>,
    ) -> Vec<Option<Resolution>> {
        let mut quoted = vec![0u64; doc.tokens().len().div_ceil(64)];
        for q in quotes {
            for k in q.token_range() {
                quoted[k / 64] |= 1 << (k % 64);
            }
        }
        let cx = Ctx {
            doc,
            quotes,
            mentions,
            entities,
            quoted,
        };
        let mut out: Vec<Option<Resolution>> = Vec::with_capacity(quotes.len());
        for (qi, q) in quotes.iter().enumerate() {
            if !q.is_speech() {
                out.push(None);
                continue;
            }
            let found = cx.resolve_own(qi).or_else(|| cx.continuation(qi, &out));
            let resolution = found
                .map(|f| cx.finish(f))
                .map(|r| cx.same_speaker(qi, r, &out));
            out.push(resolution);
        }
        out
    }
}

/// Verbs after which the mention that follows is the speaker (`"…," said X`)
/// rather than the one spoken to.
fn inverts(lemma: &str) -> bool {
    !LEXICON.object_verbs.contains(lemma)
}

impl<'t> Ctx<'_, 't> {
    fn word(&self, k: usize) -> &'t str {
        self.doc.str_at(k)
    }

    /// Whether the word at `k` has a word class of `c` (read from the
    /// token, which the tokenizer looked up: the same as looking up its
    /// text).
    fn has_class(&self, k: usize, c: u32) -> bool {
        self.doc.tokens()[k].lex() & c != 0
    }

    /// An auxiliary or an adverb (a word in -ly that is no adverb aside).
    fn aux_or_adverb(&self, k: usize) -> bool {
        let lex = self.doc.tokens()[k].lex();
        lex & class::AUXILIARY != 0 || {
            let w = self.word(k);
            w.len() > 4 && w.ends_with("ly") && lex & class::NOT_ADVERB == 0
        }
    }

    /// A modal ("will", "to").
    fn modal(&self, k: usize) -> bool {
        self.has_class(k, class::MODAL)
    }

    /// A form of "be".
    fn be(&self, k: usize) -> bool {
        self.has_class(k, class::BE)
    }

    fn is_word(&self, k: usize, w: &str) -> bool {
        let t = &self.doc.tokens()[k];
        t.span().len() == w.len() && t.mark().is_none() && self.word(k).eq_ignore_ascii_case(w)
    }

    fn outside(&self, k: usize) -> bool {
        self.quoted[k / 64] & 1 << (k % 64) == 0
    }

    /// The lemma of a speech verb at token `k` (outside quotations),
    /// including the phrasal ones ("pointed out", "shot back", "chimed in").
    #[inline]
    fn speech_verb(&self, k: usize) -> Option<&'static str> {
        // Cue windows ask this of every token near a quotation: most are
        // answered by the token's word classes alone (only words carry
        // them), without a call.
        let t = &self.doc.tokens()[k];
        if t.lex() & (class::SPEECH_VERB | class::PHRASAL) == 0 {
            return None;
        }
        self.listed_speech_verb(k)
    }

    /// [`Ctx::speech_verb`] for a token listed as a speech verb form.
    #[inline(never)]
    fn listed_speech_verb(&self, k: usize) -> Option<&'static str> {
        let t = &self.doc.tokens()[k];
        if t.kind() != TokenKind::Word || !self.outside(k) {
            return None;
        }
        // Verbs are lower case, except at a sentence start ("Said Smith: …").
        if t.is_capitalized() && !t.starts_sentence() {
            return None;
        }
        let w = self.word(k);
        let lemma = LEXICON.speech_verb(w).or_else(|| self.phrasal_verb(k, w))?;
        if self.noun_like(k, w, lemma) {
            return None;
        }
        Some(lemma)
    }

    /// Whether a speech verb form stands where a noun would: base and -s
    /// forms ("a call on leaders", "stop state policies", "his claims")
    /// count as verbs only after a subject, an auxiliary, "to", or a comma
    /// or quotation (inverted: `…, says X`); an -ing form after a
    /// determiner is a noun ("a warning").
    fn noun_like(&self, k: usize, w: &str, lemma: &str) -> bool {
        let base_or_s = with_lower(w, |l| {
            l == lemma
                || l.strip_suffix('s')
                    .is_some_and(|s| s == lemma || s.strip_suffix('e') == Some(lemma))
                || l.strip_suffix("ies")
                    .is_some_and(|s| lemma.strip_suffix('y') == Some(s))
        });
        let ing = w.ends_with("ing");
        if !base_or_s && !ing {
            return false;
        }
        // Looking back stops at the sentence start: a verb opening a
        // sentence ("Says O'Brien's aide …") is a verb, whatever ended the
        // sentence before.
        let lo = self.doc.sentences()[self.doc.sentence_of(k)]
            .token_range()
            .start;
        let mut j = k;
        while j > lo && self.aux_or_adverb(j - 1) && !self.modal(j - 1) {
            j -= 1;
        }
        if j == lo {
            return false;
        }
        let p = j - 1;
        let prev = self.word(p);
        if ing {
            return crate::mentions::is_determiner(prev) && prev != "that";
        }
        // "read" is its own past tense: "…," the article read.
        let base = with_lower(w, |l| l == lemma && l != "read");
        if base {
            // A bare base form needs "to", a modal or a plural subject:
            // "a Twitter comment" is a noun, "they comment" a verb.
            let plural_subject = with_lower(prev, |l| matches!(l, "i" | "we" | "you" | "they"))
                || self
                    .mention_ending(p)
                    .is_some_and(|m| self.mentions[m].number == crate::lexicon::Number::Plural);
            return !(self.modal(p)
                || plural_subject
                || matches!(prev, "," | ";" | ":" | "—" | "–")
                || self.doc.tokens()[p].mark().is_some()
                || !self.outside(p));
        }
        let verbal = self.modal(p)
            || prev.eq_ignore_ascii_case("to")
            || matches!(prev, "," | ";" | ":" | "—" | "–" | "(" | ")")
            || self.doc.tokens()[p].mark().is_some()
            || !self.outside(p)
            || self.mention_ending(p).is_some()
            || with_lower(prev, |l| {
                matches!(
                    l,
                    "who"
                        | "which"
                        | "that"
                        | "and"
                        | "or"
                        | "also"
                        | "then"
                        | "often"
                        | "still"
                        | "now"
                )
            });
        !verbal
    }

    /// A speech verb that can introduce a quotation from a distance: not one
    /// of the weak ones ("continue", "agree") that do so only next to it.
    fn strong_verb(&self, k: usize) -> bool {
        self.speech_verb(k)
            .is_some_and(|l| !LEXICON.weak_speech_verbs.contains(l))
    }

    fn phrasal_verb(&self, k: usize, w: &str) -> Option<&'static str> {
        let next = self.doc.tokens().get(k + 1)?;
        if !next.is_word() {
            return None;
        }
        let particle = self.word(k + 1);
        let lemma = with_lower(w, |w| LEXICON.phrasal_verbs.get(&(w, particle)).copied())?;
        // "went on to win" is not speech.
        if lemma == "go on" && self.doc.tokens().get(k + 2).is_some_and(|t| t.is_word()) {
            return None;
        }
        Some(lemma)
    }

    /// The mention whose first token is `k`.
    fn mention_starting(&self, k: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.token_range().start < k);
        (i < self.mentions.len() && self.mentions[i].token_range().start == k).then_some(i)
    }

    /// The mention whose last token is `k`.
    fn mention_ending(&self, k: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.token_range().end <= k);
        (i < self.mentions.len() && self.mentions[i].token_range().end == k + 1).then_some(i)
    }

    /// The sentence window around quotation `qi`: tokens before its opening
    /// mark and after its closing mark, within its sentence and paragraph.
    fn windows(&self, qi: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let q = &self.quotes[qi];
        let open = q.token_range().start;
        let close = q.token_range().end - 1;
        let sents = self.doc.sentences();
        let paras = self.doc.paragraphs();
        let s_open = sents[self.doc.sentence_of(open)].token_range();
        let p_open = paras[self.doc.paragraph_of(open)].token_range();
        let s_close = sents[self.doc.sentence_of(close)].token_range();
        let p_close = paras[self.doc.paragraph_of(close)].token_range();
        // A sentence can be a whole document of marks; the cue is near.
        let before = s_open
            .start
            .max(p_open.start)
            .max(open.saturating_sub(WINDOW))..open;
        let after_end = s_close.end.min(p_close.end).min(close + 1 + WINDOW);
        let after = close + 1..after_end.max(close + 1);
        (before, after)
    }

    fn span(&self, k: usize) -> Span {
        self.doc.tokens()[k].span()
    }

    fn resolve_own(&self, qi: usize) -> Option<Found> {
        let (before, after) = self.windows(qi);
        if let Some(f) = self
            .according_to(before.clone())
            .or_else(|| self.according_to(after.clone()))
        {
            return Some(f);
        }
        if let Some(f) = self.cue_after(qi, after.clone()) {
            return Some(f);
        }
        // "quoted Y as (saying)" anywhere before: the speaker is Y.
        for k in before.clone() {
            if matches!(self.speech_verb(k), Some("quote" | "cite")) {
                if let Some(f) = self
                    .speaker_of_verb(k, before.start, before.end)
                    .filter(|f| f.rule == Rule::QuotedAs)
                {
                    return Some(self.extend_quoted_as_cue(f, k, before.end));
                }
            }
        }
        // A verb right before the quotation introduces it (`X said, "…"`,
        // `X told reporters: "…"`, `and X said that "…"`), whatever verbs
        // come earlier in the sentence.
        if before.end > before.start {
            let last = self.word(before.end - 1);
            let lead = matches!(last, "," | ":" | "that" | "—" | "–");
            let from = before.end.saturating_sub(4).max(before.start);
            for k in (from..before.end).rev() {
                let weak_ok = lead || self.strong_verb(k);
                if self.speech_verb(k).is_some() && weak_ok && (lead || k + 1 == before.end) {
                    if let Some(f) = self.speaker_of_verb(k, before.start, before.end) {
                        return Some(f);
                    }
                    break;
                }
            }
        }
        // The leftmost speech verb of the quotation's clause: "X said A, but
        // he said that "…"" goes to "he".
        let clause_start = self.clause_start(before.clone());
        for k in clause_start..before.end {
            if self.strong_verb(k) {
                if let Some(mut f) =
                    self.speaker_of_verb(k, before.start, before.end.max(after.end))
                {
                    if f.rule == Rule::CueBefore && !self.adjacent_before(k, before.end) {
                        f.rule = Rule::EmbeddedCue;
                    }
                    if f.rule == Rule::QuotedAs {
                        f = self.extend_quoted_as_cue(f, k, before.end);
                    }
                    return Some(f);
                }
            }
        }
        if let Some(f) = self.speech_noun(before.clone()) {
            return Some(f);
        }
        // A colon introduction without a verb.
        if before.end > before.start && self.word(before.end - 1) == ":" {
            // "More from Jones:", "HEADLINE - Carl Bialik:": the name right
            // before the colon, after a dash or "from"; else the subject.
            let colon = before.end - 1;
            let named = colon
                .checked_sub(1)
                .and_then(|p| self.mention_ending(p))
                .filter(|&m| {
                    let s = self.mentions[m].token_range().start;
                    s > before.start
                        && (matches!(self.word(s - 1), "-" | "—" | "–" | "--")
                            || self.is_word(s - 1, "from"))
                });
            if let Some(m) = named.or_else(|| self.clause_subject(before.start, colon)) {
                return Some(Found {
                    mention: m,
                    cue: vec![self.span(before.end - 1)],
                    rule: Rule::ColonIntroduction,
                });
            }
        }
        // A speech verb further along the sentence.
        for k in after.clone() {
            if self.strong_verb(k) {
                if let Some(mut f) = self.speaker_of_verb(k, after.start, after.end) {
                    if f.rule == Rule::CueBefore || f.rule == Rule::EmbeddedCue {
                        f.rule = Rule::CueAfter;
                    }
                    return Some(f);
                }
            }
        }
        // A partial quotation inside a clause: the clause's subject.
        if before.end > before.start {
            if let Some(m) = self.clause_subject(before.start, before.end) {
                return Some(Found {
                    mention: m,
                    cue: Vec::new(),
                    rule: Rule::ClauseSubject,
                });
            }
        }
        None
    }

    /// Where the clause holding the quotation begins within `before`: after
    /// the last ", but", ", and", ";" or subordinating conjunction, if a
    /// speech verb follows it; else the start of the sentence.
    fn clause_start(&self, before: std::ops::Range<usize>) -> usize {
        let mut start = before.start;
        // Inside a subordinate clause opened at `start - 1`: its comma ends
        // it ("Although …, X said").
        let mut subordinate = false;
        // Whether a strong speech verb follows token `j` in `before`: the
        // last one, found once, answers for every `j`.
        let mut last_strong: Option<Option<usize>> = None;
        let mut verb_after = |j: usize| {
            let last = *last_strong
                .get_or_insert_with(|| (j + 1..before.end).rev().find(|&k| self.strong_verb(k)));
            last.is_some_and(|k| k > j)
        };
        for j in before.clone() {
            if !self.outside(j) {
                continue;
            }
            let w = self.word(j);
            if subordinate && w == "," && verb_after(j) {
                start = j + 1;
                subordinate = false;
                continue;
            }
            let after_comma = j > before.start && matches!(self.word(j - 1), "," | ";");
            // A sentence opening with a prepositional phrase ("In a
            // statement posted Friday, Cruz said") opens no clause of its own
            // but ends at its comma, like a subordinate clause.
            // A participial phrase does the same ("Led by X, the rally …").
            let fronted_pp = j == before.start
                && ((self.has_class(j, class::PREPOSITION) && !w.eq_ignore_ascii_case("as"))
                    || (self.doc.tokens()[j].is_capitalized()
                        && (w.ends_with("ed") || w.ends_with("ing"))
                        && !self.strong_verb(j)));
            let subordinator = self.has_class(j, class::SUBORDINATOR);
            let coordinator =
                after_comma && with_lower(w, |l| matches!(l, "but" | "and" | "yet" | "so"));
            if fronted_pp {
                subordinate = true;
            } else if (w == ";" || subordinator || coordinator) && verb_after(j) {
                start = j + 1;
                // A subordinate clause ends at its comma, wherever it starts.
                subordinate = subordinator;
            }
        }
        start
    }

    /// "quoted Y as assuring …, saying that "…"": the participle that
    /// introduces the quotation ends the cue.
    fn extend_quoted_as_cue(&self, mut f: Found, k: usize, open: usize) -> Found {
        let as_end = f.cue.get(1).map_or(0, |s| s.end);
        let intro = (k + 1..open).rev().find(|&j| {
            self.span(j).start > as_end
                && self.speech_verb(j).is_some()
                && self.word(j).ends_with("ing")
        });
        if let Some(j) = intro {
            f.cue.truncate(2);
            f.cue.push(self.span(j));
        }
        f
    }

    /// Whether only the verb's complements ("on Monday", "reporters",
    /// "that") stand between the verb at `k` and the quotation at `open`.
    fn adjacent_before(&self, k: usize, open: usize) -> bool {
        if open <= k + 1 {
            return true;
        }
        let last = self.word(open - 1);
        matches!(last, ":" | "," | "that" | "—" | "–" | "-" | "--") || open - k <= 2
    }

    /// "Trump's claim that "…"", "his call for "…"": a speech noun after a
    /// possessive, with no speech verb between it and the quotation.
    fn speech_noun(&self, before: std::ops::Range<usize>) -> Option<Found> {
        for n in before.clone().rev() {
            if self.strong_verb(n) {
                return None;
            }
            let t = &self.doc.tokens()[n];
            if !t.is_word() || !self.outside(n) {
                continue;
            }
            let w = self.word(n);
            if !with_lower(w, |l| LEXICON.speech_nouns.contains(l)) {
                continue;
            }
            // Up to two modifiers between the possessive and the noun.
            let mut j = n;
            while j > before.start && n - j < 3 {
                let p = j - 1;
                if let Some(m) = self.mention_ending(p).filter(|&m| {
                    self.mentions[m].is_possessive()
                        && self.mentions[m].kind() == MentionKind::Pronoun
                }) {
                    return Some(Found {
                        mention: m,
                        cue: vec![self.span(n)],
                        rule: Rule::SpeechNoun,
                    });
                }
                if self.doc.tokens()[p].is_possessive() && p > before.start {
                    let m = self.mention_ending(p - 1)?;
                    return Some(Found {
                        mention: m,
                        cue: vec![self.span(n)],
                        rule: Rule::SpeechNoun,
                    });
                }
                let pw = self.doc.tokens()[p];
                if !pw.is_word() || pw.is_capitalized() {
                    break;
                }
                j -= 1;
            }
        }
        None
    }

    fn according_to(&self, w: std::ops::Range<usize>) -> Option<Found> {
        // "according to" and the mention after it, all inside the window: a
        // mention past its end stands in another sentence or paragraph.
        let mut k = w.start;
        while k + 2 < w.end {
            if self.outside(k) && self.is_word(k, "according") && self.is_word(k + 1, "to") {
                if let Some(m) = self.mention_starting(k + 2) {
                    return Some(Found {
                        mention: m,
                        cue: vec![self.span(k).cover(self.span(k + 1))],
                        rule: Rule::AccordingTo,
                    });
                }
            }
            k += 1;
        }
        None
    }

    /// `"…," X said`, `"…," said X`, `"…" — X`.
    fn cue_after(&self, qi: usize, after: std::ops::Range<usize>) -> Option<Found> {
        let mut k = after.start;
        if k >= after.end {
            return None;
        }
        let mut dash = false;
        let w = self.word(k);
        if matches!(w, "," | "—" | "–" | "--" | "-" | "―") {
            dash = w != ",";
            k += 1;
        } else if self.quotes[qi].is_unclosed() {
            return None;
        }
        if k >= after.end {
            return None;
        }
        if let Some(m) = self.mention_starting(k) {
            let mut e = self.mentions[m].token_range().end;
            // Skip an appositive: "X, the Y of Z, said".
            if e < after.end && self.word(e) == "," {
                let mut c = e + 1;
                while c < after.end && c < e + 30 {
                    if self.word(c) == "," && c + 1 < after.end && self.speech_verb(c + 1).is_some()
                    {
                        break;
                    }
                    if self.speech_verb(c).is_some() {
                        break;
                    }
                    c += 1;
                }
                if c < after.end && self.word(c) == "," {
                    e = c + 1;
                }
            }
            // Skip an affiliation: "X of Brightline said", "X of the U.S.
            // Army said".
            if e + 1 < after.end
                && matches!(self.word(e), "of" | "from" | "at" | "with" | "for" | "in")
            {
                if let Some(a) = self.mention_starting(e + 1) {
                    e = self.mentions[a].token_range().end;
                }
            }
            // Skip "(R-Wis.)".
            if e < after.end && self.word(e) == "(" {
                if let Some(c) = (e + 1..after.end.min(e + 12)).find(|&c| self.word(c) == ")") {
                    e = c + 1;
                }
            }
            while e < after.end && self.aux_or_adverb(e) {
                e += 1;
            }
            if e < after.end && self.speech_verb(e).is_some() {
                // The mention is the verb's subject, unless the verb quotes
                // someone else ("…," a statement quoted Y as saying).
                return match self.speaker_of_verb(e, after.start, after.end) {
                    Some(f) if f.rule == Rule::QuotedAs => Some(f),
                    _ => Some(Found {
                        mention: m,
                        cue: vec![self.span(e)],
                        rule: Rule::CueAfter,
                    }),
                };
            }
            if dash {
                let end = self.mentions[m].token_range().end;
                if end >= after.end || matches!(self.word(end), "," | "." | "(") {
                    return Some(Found {
                        mention: m,
                        cue: vec![self.span(k - 1)],
                        rule: Rule::CueAfter,
                    });
                }
            }
            // `"…," an angry Hollande retaliated.`: right after the
            // quotation, a past-tense verb that ends the clause is its cue
            // whatever the verb.
            if e < after.end && self.unknown_past_verb(e, after.end) {
                return Some(Found {
                    mention: m,
                    cue: vec![self.span(e)],
                    rule: Rule::CueAfter,
                });
            }
            return None;
        }
        if let Some(lemma) = self.speech_verb(k) {
            if inverts(lemma) {
                // `…," said 9/11 widow Terry Strada`: numbers and symbols may
                // come before the mention.
                let mut s = k + 1;
                while s < after.end.min(k + 4)
                    && !self.doc.tokens()[s].is_word()
                    && !matches!(self.word(s), "," | "." | "(")
                {
                    s += 1;
                }
                if let Some(m) = self.mention_starting(s).filter(|_| s < after.end) {
                    return Some(Found {
                        mention: m,
                        cue: vec![self.span(k)],
                        rule: Rule::CueAfter,
                    });
                }
            }
        }
        // `"…!" beamed Donald Hartley of Madison`.
        if k + 1 < after.end
            && self.doc.tokens()[k].is_word()
            && !self.doc.tokens()[k].is_capitalized()
            && self.word(k).ends_with("ed")
        {
            if let Some(m) = self.mention_starting(k + 1) {
                if self.mentions[m].kind() == MentionKind::Name {
                    return Some(Found {
                        mention: m,
                        cue: vec![self.span(k)],
                        rule: Rule::CueAfter,
                    });
                }
            }
        }
        None
    }

    /// A lower-case past-tense verb at `e` followed by the end of the clause
    /// or a preposition: `Trump went on, …`, `she beamed.`
    fn unknown_past_verb(&self, e: usize, end: usize) -> bool {
        let t = &self.doc.tokens()[e];
        if !t.is_word() || t.is_capitalized() {
            return false;
        }
        let w = self.word(e);
        let (past, next) = if w == "went" && e + 1 < end && self.is_word(e + 1, "on") {
            (true, e + 2)
        } else {
            (w.len() > 3 && w.ends_with("ed"), e + 1)
        };
        // "went on to endorse" is no cue.
        past && (next >= end
            || matches!(self.word(next), "," | "." | ";" | "—" | "–")
            || (self.has_class(next, class::PREPOSITION) && !self.is_word(next, "to")))
    }

    /// The speaker of the speech verb at `v`, looking no further than
    /// `lo..hi` (its sentence, outside quotations).
    fn speaker_of_verb(&self, v: usize, lo: usize, hi: usize) -> Option<Found> {
        let lemma = self.speech_verb(v)?;
        let w = self.word(v);
        let cue = vec![self.span(v)];
        // "quoted Y as (saying)", "cited Y as".
        if matches!(lemma, "quote" | "cite") {
            if let Some(m) = self.mention_starting(v + 1) {
                let after = self.mentions[m].token_range().end;
                if after < hi && self.is_word(after, "as") {
                    let mut parts = vec![self.span(v), self.span(after)];
                    if after + 1 < hi && self.speech_verb(after + 1).is_some() {
                        parts.push(self.span(after + 1));
                    }
                    return Some(Found {
                        mention: m,
                        cue: parts,
                        rule: Rule::QuotedAs,
                    });
                }
            }
        }
        // Skip back over auxiliaries and adverbs to see a passive.
        let mut k = v;
        let mut passive = false;
        while k > lo {
            let be = self.be(k - 1);
            if be && w.ends_with("ed") {
                passive = true;
            }
            if be || self.aux_or_adverb(k - 1) {
                k -= 1;
            } else {
                break;
            }
        }
        if passive {
            if lemma == "quote" && v + 1 < hi && self.is_word(v + 1, "as") {
                // "X was quoted as saying".
                let mut parts = vec![self.span(v), self.span(v + 1)];
                if v + 2 < hi && self.speech_verb(v + 2).is_some() {
                    parts.push(self.span(v + 2));
                }
                if let Some(m) = self.subject_before(k, lo) {
                    return Some(Found {
                        mention: m,
                        cue: parts,
                        rule: Rule::QuotedAs,
                    });
                }
            }
            // The agent: "… by X".
            let agent = (v + 1..hi.saturating_sub(1)).find(|&b| {
                self.outside(b) && self.is_word(b, "by") && self.mention_starting(b + 1).is_some()
            });
            return agent.and_then(|b| {
                let m = self.mention_starting(b + 1)?;
                Some(Found {
                    mention: m,
                    cue: vec![self.span(v), self.span(b)],
                    rule: Rule::CueBefore,
                })
            });
        }
        if w.ends_with("ing") {
            // A participle: "with McCain calling it" takes the mention
            // before it; "…, Spicer said, adding" the speaker of the verb it
            // follows; "X issued a statement saying" the subject of the
            // clause it hangs from.
            if let Some(m) = k.checked_sub(1).and_then(|p| self.mention_ending(p)) {
                let start = self.mentions[m].token_range().start;
                if start > lo && (self.is_word(start - 1, "with") || self.is_word(start - 1, "of"))
                {
                    return Some(Found {
                        mention: m,
                        cue,
                        rule: Rule::CueBefore,
                    });
                }
            }
            let m = (lo..k).rev().find_map(|j| {
                let w = self.word(j);
                if self.strong_verb(j) && !w.ends_with("ing") {
                    self.speaker_of_verb(j, lo, j + 1).map(|f| f.mention)
                } else {
                    None
                }
            });
            let m = m
                .or_else(|| self.clause_subject(self.clause_start(lo..v), v))
                .or_else(|| self.subject_before(k, lo))?;
            return Some(Found {
                mention: m,
                cue,
                rule: Rule::CueBefore,
            });
        }
        if let Some(m) = self.subject_before(k, lo) {
            return Some(Found {
                mention: m,
                cue,
                rule: Rule::CueBefore,
            });
        }
        // Inverted: `…, said X`.
        if inverts(lemma) && v + 1 < hi {
            if let Some(m) = self.mention_starting(v + 1) {
                let prev = if v > lo { self.word(v - 1) } else { "" };
                if v == lo || matches!(prev, "," | "—" | "–" | "--") || !self.outside(v - 1) {
                    return Some(Found {
                        mention: m,
                        cue,
                        rule: Rule::CueBefore,
                    });
                }
            }
        }
        // The subject stands further back: "X in the past has complained",
        // "a White House official who spoke anonymously … said".
        let m = self.clause_subject(self.clause_start(lo..k), k)?;
        Some(Found {
            mention: m,
            cue,
            rule: Rule::CueBefore,
        })
    }

    /// The mention ending right before token `k` (skipping an appositive or
    /// a parenthesis), as the subject of a verb at `k`.
    fn subject_before(&self, k: usize, lo: usize) -> Option<usize> {
        if k <= lo {
            return None;
        }
        let p = k - 1;
        if let Some(m) = self.mention_ending(p) {
            if !self.mentions[m].is_possessive() {
                return Some(m);
            }
        }
        // "the 34-year-old mother of three replied": skip a short "of" phrase.
        if let Some(o) = (p.saturating_sub(3).max(lo)..p)
            .rev()
            .find(|&o| self.is_word(o, "of"))
        {
            if o > lo
                && (o + 1..k).all(|j| {
                    self.doc.tokens()[j].is_word()
                        || self.doc.tokens()[j].kind() == TokenKind::Number
                })
            {
                if let Some(h) = self.mention_ending(o - 1) {
                    return Some(h);
                }
            }
        }
        let w = self.word(p);
        // "Ms. Sherry smiled and said", "He adopted an accent and joked":
        // the subject of the clause's first verb.
        if p > lo && with_lower(w, |l| matches!(l, "and" | "but" | "then")) {
            if let Some(m) = self.clause_subject(self.clause_start(lo..p), p) {
                return Some(m);
            }
        }
        if w == "," || w == ")" {
            let open = if w == "," { "," } else { "(" };
            let mut c = p;
            let floor = lo.max(p.saturating_sub(40));
            while c > floor {
                c -= 1;
                if self.word(c) == open && self.outside(c) {
                    if c > lo {
                        if let Some(m) = self.mention_ending(c - 1) {
                            // The head of the noun phrase, not a name inside
                            // its appositives: "X, of Springfield, Va.,
                            // said", "X, president of the union, which …,
                            // said".
                            if !(open == "," && self.inside_apposition(m, floor)) {
                                return Some(m);
                            }
                        }
                    }
                    if open == "(" {
                        break;
                    }
                }
                if self.speech_verb(c).is_some() {
                    break;
                }
            }
        }
        None
    }

    /// Whether mention `m`, found before a comma while walking back to a
    /// verb's subject, is part of an appositive of an earlier mention: it
    /// follows a preposition ("of Springfield", "of the union"), or it is a
    /// place after a comma ("Springfield, Va."), and an earlier mention
    /// followed by a comma stands before it.
    fn inside_apposition(&self, m: usize, floor: usize) -> bool {
        let start = self.mentions[m].token_range().start;
        if start <= floor + 1 {
            return false;
        }
        let after_preposition = self.has_class(start - 1, class::PREPOSITION);
        let place_after_comma = self.mentions[m].entity_kind()
            == crate::mentions::EntityKind::Place
            && self.word(start - 1) == ",";
        if !(after_preposition || place_after_comma) {
            return false;
        }
        // An earlier mention closed by a comma: the head of the phrase.
        (floor..start)
            .any(|c| self.word(c) == "," && c > floor && self.mention_ending(c - 1).is_some())
    }

    /// The first mention of `lo..hi` that is not inside a prepositional
    /// phrase and not a possessive: the subject of the clause.
    fn clause_subject(&self, lo: usize, hi: usize) -> Option<usize> {
        let first = self
            .mentions
            .partition_point(|m| m.token_range().start < lo);
        for (i, m) in self.mentions[first..].iter().enumerate() {
            let r = m.token_range();
            if r.end > hi {
                break;
            }
            // "in Salem, New Hampshire, Trump said": the state after a
            // city is part of a place phrase.
            let city_state = m.entity_kind() == crate::mentions::EntityKind::Place
                && r.start >= lo + 2
                && self.word(r.start - 1) == ","
                && self.doc.tokens()[r.start - 2].is_capitalized();
            // A mention in parentheses ("(UPI)", "(R-Wis.)") is an aside.
            let parenthetical = r.start > lo
                && self.word(r.start - 1) == "("
                && self
                    .doc
                    .tokens()
                    .get(r.end)
                    .is_some_and(|t| self.doc.token_str(t) == ")");
            if m.is_possessive()
                || city_state
                || parenthetical
                || (r.start > lo && self.has_class(r.start - 1, class::PREPOSITION))
            {
                continue;
            }
            return Some(first + i);
        }
        None
    }

    /// No cue of its own: carry over from the quotation or sentence before.
    fn continuation(&self, qi: usize, done: &[Option<Resolution>]) -> Option<Found> {
        let q = &self.quotes[qi];
        let open = q.token_range().start;
        let para = self.doc.paragraph_of(open);
        // The previous quotation of reported speech, if any.
        let prev = (0..qi).rev().find(|&p| self.quotes[p].is_speech());
        if let Some(p) = prev {
            let pq = &self.quotes[p];
            let same_para = self.doc.paragraph_of(pq.token_range().end - 1) == para;
            if same_para {
                if let Some(r) = &done[p] {
                    return Some(Found {
                        mention: r.mention.index(),
                        cue: r.cue.parts.clone(),
                        rule: Rule::Continuation,
                    });
                }
            }
        }
        if let Some(f) = self.alternating_turns(qi, done) {
            return Some(f);
        }
        // The sentence before: a colon introduction or a speech verb.
        let sent = self.doc.sentence_of(open);
        if sent > 0 {
            let prev_sent = self.doc.sentences()[sent - 1].token_range();
            let prev_sent =
                prev_sent.start.max(prev_sent.end.saturating_sub(WINDOW))..prev_sent.end;
            let prev_para = self.doc.paragraph_of(prev_sent.start);
            if prev_para + 1 >= para {
                let ends_colon =
                    prev_sent.end > prev_sent.start && self.word(prev_sent.end - 1) == ":";
                for k in prev_sent.clone() {
                    if self.speech_verb(k).is_some() {
                        if let Some(mut f) = self.speaker_of_verb(k, prev_sent.start, prev_sent.end)
                        {
                            f.rule = if ends_colon {
                                Rule::ColonIntroduction
                            } else {
                                Rule::Continuation
                            };
                            return Some(f);
                        }
                    }
                }
                if ends_colon {
                    if let Some(m) = self.clause_subject(prev_sent.start, prev_sent.end) {
                        return Some(Found {
                            mention: m,
                            cue: vec![self.span(prev_sent.end - 1)],
                            rule: Rule::ColonIntroduction,
                        });
                    }
                }
            }
        }
        // The previous quotation in the paragraph before.
        if let Some(p) = prev {
            let pq = &self.quotes[p];
            if self.doc.paragraph_of(pq.token_range().end - 1) + 1 == para {
                if let Some(r) = &done[p] {
                    return Some(Found {
                        mention: r.mention.index(),
                        cue: r.cue.parts.clone(),
                        rule: Rule::Continuation,
                    });
                }
            }
        }
        None
    }

    /// Question and answer: quotation `qi` stands alone in its paragraph
    /// after two quotations in the two paragraphs before it, by two
    /// different speakers, one asking and one answering. Then the speaker
    /// who asked asks again, and the one who answered answers again.
    fn alternating_turns(&self, qi: usize, done: &[Option<Resolution>]) -> Option<Found> {
        let tokens = self.doc.tokens();
        let paras = self.doc.paragraphs();
        let para_of = |i: usize| self.doc.paragraph_of(self.quotes[i].token_range().start);
        let alone = |i: usize| {
            let r = self.quotes[i].token_range();
            let pr = paras[para_of(i)].token_range();
            pr.start == r.start
                && (pr.end == r.end
                    || pr.end == r.end + 1 && tokens[r.end].kind() == TokenKind::Punctuation)
        };
        let question = |i: usize| {
            self.quotes[i]
                .content()
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?')
                .ends_with('?')
        };
        let mut prev = (0..qi).rev().filter(|&p| self.quotes[p].is_speech());
        let (b, a) = (prev.next()?, prev.next()?);
        let p = para_of(qi);
        if !alone(qi) || para_of(b) + 1 != p || para_of(a) + 2 != p {
            return None;
        }
        let (ra, rb) = (done[a].as_ref()?, done[b].as_ref()?);
        let differ = match (ra.entity, rb.entity) {
            (Some(x), Some(y)) => x != y,
            _ => ra.mention != rb.mention,
        };
        let turns = question(qi) == question(a) && question(a) != question(b);
        (differ && turns).then(|| Found {
            mention: ra.mention.index(),
            cue: Vec::new(),
            rule: Rule::AlternatingTurns,
        })
    }

    /// A pronoun speaker that could refer to the named speaker of the
    /// quotation before it in its paragraph refers to that speaker unless
    /// another antecedent is clearly more salient: a paragraph goes on
    /// quoting the one it quoted.
    fn same_speaker(
        &self,
        qi: usize,
        mut r: Resolution,
        done: &[Option<Resolution>],
    ) -> Resolution {
        if self.mentions[r.mention.index()].kind() != MentionKind::Pronoun {
            return r;
        }
        let para = self.doc.paragraph_of(self.quotes[qi].token_range().start);
        let prev = (0..qi).rev().find_map(|p| {
            let e = done[p].as_ref()?.entity?;
            Some((p, e))
        });
        let Some((p, prev_entity)) = prev else {
            return r;
        };
        let prev_para = self.doc.paragraph_of(self.quotes[p].token_range().end - 1);
        if prev_para != para
            || self
                .entities
                .get(prev_entity)
                .is_none_or(|e| e.name().is_none())
        {
            return r;
        }
        let bonus = SAME_SPEAKER_BONUS;
        let mut ranked = self.entities.antecedents(r.mention);
        let Some((_, best)) = ranked.next() else {
            return r;
        };
        let prev_score = std::iter::once((r.entity.unwrap_or(prev_entity), best))
            .chain(self.entities.antecedents(r.mention))
            .find(|&(e, _)| e == prev_entity)
            .map(|(_, s)| s);
        if prev_score.is_some_and(|s| s + bonus >= best) {
            r.entity = Some(prev_entity);
        }
        r
    }

    fn finish(&self, f: Found) -> Resolution {
        let entity = self.entities.entity_of(MentionId::new(f.mention));
        let m = &self.mentions[f.mention];
        let mut confidence = f.rule.base_confidence();
        if m.kind() == MentionKind::Pronoun {
            confidence *= if entity.is_some() { 0.95 } else { 0.8 };
        }
        Resolution {
            mention: MentionId::new(f.mention),
            entity,
            cue: Cue::new(f.cue),
            rule: f.rule,
            confidence,
        }
    }
}
