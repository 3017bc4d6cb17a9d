//! Stage 5: who said each quotation.
//!
//! The resolver tries a fixed sequence of steps on each quotation of
//! reported speech, from the most to the least precise; the first that
//! finds a speaker wins, and the quotation records the [`Rule`] it applied
//! and that rule's confidence. The sequence is one table,
//! [`SpeakerResolver::steps`]: a transcript's speaker label first, then the
//! steps that read the quotation's own sentence ("according to X", a cue after the quotation, "quoted Y as", a
//! speech verb before it and its subject, a speech noun, a colon, a verb
//! further along, the clause subject), a credit line under it, then those
//! that carry a speaker over from the text before it (the quotation before in its paragraph,
//! question-and-answer turns, the sentence before, the quotation in the
//! paragraph before). [`Rule::ALL`] lists the rules in the order the steps
//! first record them.
//!
//! ```
//! use whosaid::SpeakerResolver;
//!
//! let names: Vec<&str> = SpeakerResolver::steps().iter().map(|s| s.name()).collect();
//! assert_eq!(names[..3], ["speaker_label", "according_to", "cue_after"]);
//! ```
//!
//! A quotation of one to three words, not a sentence of its own, for which
//! no rule finds a speaker, or only [`Rule::Continuation`], is no reported
//! speech but a scare quote; the [`crate::Attributor`] marks it so.
//!
//! A pronoun speaker is reported as the pronoun ("he") with its entity
//! resolved by the entity stage; the resolver settles it with the speaker
//! of the quotation before it in its paragraph, when that speaker is a
//! likely antecedent (see [`Resolution::entity`]).
//!
//! The module is split by concern: `cues` (which words are speech verbs
//! here), `clause` (windows, clauses and subjects), `rules` (the steps that
//! read the quotation's own sentence) and `carry` (the steps that carry a
//! speaker over).

mod carry;
mod clause;
mod cues;
mod rules;

use std::fmt;
use std::ops::Range;

use crate::entities::{EntityId, EntityTable, MentionId};
use crate::lexicon::LEXICON;
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
    /// The speaker label of a transcript's turn: `PENCE: …`, `"WALLACE: …`.
    SpeakerLabel,
    /// A credit line under the quotation: `— Jane Doe, spokeswoman`.
    CreditLine,
}

impl Rule {
    /// Every rule, in the order the steps of [`SpeakerResolver::steps`]
    /// first record them.
    pub const ALL: [Rule; 12] = [
        Rule::SpeakerLabel,
        Rule::AccordingTo,
        Rule::CueAfter,
        Rule::QuotedAs,
        Rule::CueBefore,
        Rule::EmbeddedCue,
        Rule::SpeechNoun,
        Rule::ColonIntroduction,
        Rule::ClauseSubject,
        Rule::CreditLine,
        Rule::Continuation,
        Rule::AlternatingTurns,
    ];

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
            Rule::SpeakerLabel => "speaker_label",
            Rule::CreditLine => "credit_line",
        }
    }

    /// How often the rule is right: the confidence of a speaker it finds,
    /// before a pronoun speaker lowers it.
    pub fn confidence(self) -> f32 {
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
            Rule::SpeakerLabel => 0.95,
            Rule::CreditLine => 0.9,
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
        let corner = q
            .opening_mark()
            .is_some_and(|g| g.family() == crate::tokenizer::MarkFamily::Corner);
        let carried = s
            .as_ref()
            .is_some_and(|r| matches!(r.rule, Rule::Continuation | Rule::AlternatingTurns));
        let turn = q.kind() == crate::quotes::QuoteKind::Turn;
        if (s.is_some() && !carried) || !q.is_speech() || sentence || corner || turn {
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
    /// The speaker label of each paragraph, when the text is a transcript
    /// (empty otherwise).
    labels: Vec<Option<crate::transcript::SpeakerLabel>>,
    /// In a transcript, the mentions the text introduces its interview
    /// with: the one who asks (`Q:`) and the one who answers (`A:`).
    interview: (Option<usize>, Option<usize>),
}

/// One step of the resolver: a way of finding a quotation's speaker, in
/// the order [`SpeakerResolver::steps`] gives.
#[derive(Clone, Copy)]
pub struct Step {
    name: &'static str,
    summary: &'static str,
    rules: &'static [Rule],
    find: fn(&Ctx<'_, '_>, &Query<'_>) -> Option<Found>,
}

impl Step {
    /// A short name ("cue_after").
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// What the step looks for.
    pub fn summary(&self) -> &'static str {
        self.summary
    }

    /// The rules a speaker it finds may record.
    pub fn rules(&self) -> &'static [Rule] {
        self.rules
    }
}

impl fmt::Debug for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Step")
            .field("name", &self.name)
            .field("rules", &self.rules)
            .finish()
    }
}

/// The steps, in the order they are tried.
static STEPS: [Step; 15] = [
    Step {
        name: "speaker_label",
        summary: "in a transcript, the label opening the quotation's paragraph \
                  (`PENCE: …`, `\"WALLACE: …`); a `Q:` or `A:` goes to the one the \
                  text says asks or answers (`X interviewed Y`), else to nobody",
        rules: &[Rule::SpeakerLabel],
        find: rules::speaker_label,
    },
    Step {
        name: "according_to",
        summary: "\"according to X\" in the quotation's sentence",
        rules: &[Rule::AccordingTo],
        find: rules::according_to,
    },
    Step {
        name: "cue_after",
        summary: "a cue right after the quotation: `\"…,\" X said`, `\"…,\" said X`,                   `\"…,\" X, the Y of Z, said`, `\"…\" — X`",
        rules: &[Rule::CueAfter, Rule::QuotedAs],
        find: rules::cue_after,
    },
    Step {
        name: "quoted_as",
        summary: "\"X quoted Y as (saying)\", \"cited Y as\" before the quotation: Y",
        rules: &[Rule::QuotedAs],
        find: rules::quoted_as,
    },
    Step {
        name: "verb_before",
        summary: "a speech verb right before the quotation and its subject:                   `X said: \"…\"`, `X said that \"…\"`, passives with \"by X\"",
        rules: &[Rule::CueBefore, Rule::QuotedAs],
        find: rules::verb_before,
    },
    Step {
        name: "clause_verb",
        summary: "the leftmost speech verb of the quotation's clause and its subject;                   with words between them, an embedded cue (`X called it a \"…\"`);                   a participle takes the clause's subject",
        rules: &[Rule::CueBefore, Rule::EmbeddedCue, Rule::QuotedAs],
        find: rules::clause_verb,
    },
    Step {
        name: "speech_noun",
        summary: "a speech noun after a possessive: `Trump's claim that \"…\"`",
        rules: &[Rule::SpeechNoun],
        find: rules::speech_noun,
    },
    Step {
        name: "colon",
        summary: "a colon introduction with no verb: `X on the deal: \"…\"`",
        rules: &[Rule::ColonIntroduction],
        find: rules::colon,
    },
    Step {
        name: "verb_after",
        summary: "a speech verb further along the sentence after the quotation",
        rules: &[Rule::CueAfter, Rule::QuotedAs],
        find: rules::verb_after,
    },
    Step {
        name: "clause_subject",
        summary: "the subject of the clause around a partial quotation with no                   speech verb (`X blamed it on \"…\"`)",
        rules: &[Rule::ClauseSubject],
        find: rules::clause_subject,
    },
    Step {
        name: "credit_line",
        summary: "a credit line opening the next paragraph under the last quotation \
                  of its own: `— Jane Doe, spokeswoman`",
        rules: &[Rule::CreditLine],
        find: carry::credit_line,
    },
    Step {
        name: "same_paragraph",
        summary: "the speaker of the previous quotation of its paragraph",
        rules: &[Rule::Continuation],
        find: carry::same_paragraph,
    },
    Step {
        name: "alternating_turns",
        summary: "a paragraph that is only a quotation, after a question and an answer                   by two speakers: the one who asked asks again, the one who answered                   answers",
        rules: &[Rule::AlternatingTurns],
        find: carry::alternating_turns,
    },
    Step {
        name: "sentence_before",
        summary: "the speaker of a speech verb in the sentence before, or of its                   closing colon (`X said:` ¶ `\"…\"`)",
        rules: &[Rule::Continuation, Rule::ColonIntroduction],
        find: carry::sentence_before,
    },
    Step {
        name: "paragraph_before",
        summary: "the speaker of the previous quotation, in the paragraph before",
        rules: &[Rule::Continuation],
        find: carry::paragraph_before,
    },
];

/// What a step sees of one quotation: its index, its windows before and
/// after it in its sentence, and the speakers found so far.
struct Query<'r> {
    qi: usize,
    before: Range<usize>,
    after: Range<usize>,
    done: &'r [Option<Resolution>],
}

/// A [`Found::mention`] for a step that settles that a quotation has no
/// speaker (an interviewer's question with no name).
const NOBODY: usize = usize::MAX;

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

    /// The steps a quotation's speaker is looked for by, in order.
    pub fn steps() -> &'static [Step] {
        &STEPS
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
        let mut cx = Ctx {
            doc,
            quotes,
            mentions,
            entities,
            quoted,
            labels: crate::transcript::speaker_labels(doc),
            interview: (None, None),
        };
        cx.interview = cx.interview_parties();
        let mut out: Vec<Option<Resolution>> = Vec::with_capacity(quotes.len());
        for (qi, q) in quotes.iter().enumerate() {
            if !q.is_speech() {
                out.push(None);
                continue;
            }
            let (before, after) = cx.windows(qi);
            let query = Query {
                qi,
                before,
                after,
                done: &out,
            };
            // A transcript turn is its label's, or nobody's.
            let found = if q.kind() == crate::quotes::QuoteKind::Turn {
                rules::speaker_label(&cx, &query)
            } else {
                STEPS.iter().find_map(|step| (step.find)(&cx, &query))
            }
            .filter(|f| f.mention != NOBODY);
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

    fn is_word(&self, k: usize, w: &str) -> bool {
        let t = &self.doc.tokens()[k];
        t.span().len() == w.len() && t.mark().is_none() && self.word(k).eq_ignore_ascii_case(w)
    }

    fn outside(&self, k: usize) -> bool {
        self.quoted[k / 64] & 1 << (k % 64) == 0
    }

    /// The mention whose first token is `k`.
    fn mention_starting(&self, k: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.token_range().start < k);
        (i < self.mentions.len() && self.mentions[i].token_range().start == k).then_some(i)
    }

    /// Where the subject of an inverted speech verb starts when `k` is the
    /// token after the verb: past at most two lower-case words of no listed
    /// class before a person's whole name (`…," said bookbinder Ann Lee`,
    /// `said part-timer Jo Ruiz`), a description the lexicon does not
    /// hold; else `k`.
    fn past_unlisted_label(&self, k: usize, end: usize) -> usize {
        let tokens = self.doc.tokens();
        let mut s = k;
        while s < end.min(k + 2) {
            let t = &tokens[s];
            let plain = t.is_word()
                && !t.is_capitalized()
                && t.lex() == 0
                && self
                    .word(s)
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-');
            if !plain {
                break;
            }
            s += 1;
        }
        let full_name = s > k
            && s < end
            && self.mention_starting(s).is_some_and(|m| {
                let m = &self.mentions[m];
                m.kind() == MentionKind::Name && m.name_tokens().is_some_and(|r| r.len() >= 2)
            });
        if full_name {
            s
        } else {
            k
        }
    }

    /// The subject of an inverted speech verb, the mention whose first
    /// token is `k`: for a possessive, what it owns, when a mention follows
    /// it ("…," said Smith's lawyer; "…," said his spokeswoman).
    fn inverted_subject(&self, k: usize) -> Option<usize> {
        let m = self.mention_starting(k)?;
        let mention = &self.mentions[m];
        if !mention.is_possessive() {
            return Some(m);
        }
        let mut e = mention.token_range().end;
        if self.doc.tokens().get(e).is_some_and(|t| t.is_possessive()) {
            e += 1;
        }
        Some(
            self.mention_starting(e)
                .filter(|&n| self.mentions[n].kind() != MentionKind::Pronoun)
                .unwrap_or(m),
        )
    }

    /// The mention whose last token is `k`.
    fn mention_ending(&self, k: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.token_range().end <= k);
        (i < self.mentions.len() && self.mentions[i].token_range().end == k + 1).then_some(i)
    }

    fn span(&self, k: usize) -> Span {
        self.doc.tokens()[k].span()
    }

    /// "a statement from the Metropolitan Police", "a report by the
    /// inspector general": the source after a document that speaks, when a
    /// mention of one who can speak stands right after "from" or "by".
    fn document_source(&self, m: usize) -> Option<usize> {
        use crate::mentions::EntityKind;
        let mention = &self.mentions[m];
        if mention.kind() != MentionKind::Description
            || mention.entity_kind() != EntityKind::Document
        {
            return None;
        }
        let end = mention.token_range().end;
        if end + 1 >= self.doc.tokens().len() || !matches!(self.word(end), "from" | "by") {
            return None;
        }
        let mut s = self.mention_starting(end + 1)?;
        // "a report from the State Department's inspector general": the
        // one the possessor owns.
        if self.mentions[s].is_possessive() {
            let owned = self.mentions.get(s + 1)?;
            if !self.mentions[s].owns_from(owned.token_range().start) {
                return None;
            }
            s += 1;
        }
        let source = &self.mentions[s];
        // "a study by an influential Russian sociologist": a nationality
        // alone is nobody's name.
        let demonym = source.kind() == MentionKind::Name
            && crate::mentions::is_demonym(self.word(source.head()));
        let speaks = (source.kind() == MentionKind::Name && !demonym)
            || matches!(
                source.entity_kind(),
                EntityKind::Person | EntityKind::Organisation | EntityKind::Group
            );
        (speaks && source.kind() != MentionKind::Pronoun).then_some(s)
    }

    fn finish(&self, mut f: Found) -> Resolution {
        if let Some(s) = self.document_source(f.mention) {
            f.mention = s;
        }
        let entity = self.entities.entity_of(MentionId::new(f.mention));
        let m = &self.mentions[f.mention];
        let mut confidence = f.rule.confidence();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_listed_in_the_order_the_steps_first_record_them() {
        let mut order: Vec<Rule> = Vec::new();
        for step in SpeakerResolver::steps() {
            for &r in step.rules() {
                if !order.contains(&r) {
                    order.push(r);
                }
            }
        }
        assert_eq!(order, Rule::ALL);
        for r in Rule::ALL {
            assert!((0.0..=1.0).contains(&r.confidence()), "{r}");
        }
    }
}
