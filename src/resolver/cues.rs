//! Cue words: which tokens are speech verbs here, in a verbal context and
//! outside quotations, and the words that stand between a subject and its
//! verb.

use super::Ctx;
use crate::lexicon::{class, with_lower, LEXICON};
use crate::speech::{speech_verb_at, SpeechVerb, VerbForm};

impl<'t> Ctx<'_, 't> {
    /// An auxiliary or an adverb (a word in -ly that is no adverb aside).
    pub(super) fn aux_or_adverb(&self, k: usize) -> bool {
        let lex = self.doc.tokens()[k].lex();
        lex & class::AUXILIARY != 0 || {
            let w = self.word(k);
            w.len() > 4 && w.ends_with("ly") && lex & class::NOT_ADVERB == 0
        }
    }

    /// A modal ("will", "to").
    pub(super) fn modal(&self, k: usize) -> bool {
        self.has_class(k, class::MODAL)
    }

    /// A form of "be".
    pub(super) fn be(&self, k: usize) -> bool {
        self.has_class(k, class::BE)
    }

    /// The lemma of a speech verb at token `k` (outside quotations),
    /// including the phrasal ones ("pointed out", "shot back", "chimed in"),
    /// when it stands as a verb.
    #[inline]
    pub(super) fn speech_verb(&self, k: usize) -> Option<&'static str> {
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
    pub(super) fn listed_speech_verb(&self, k: usize) -> Option<&'static str> {
        let t = &self.doc.tokens()[k];
        if !self.outside(k) {
            return None;
        }
        // Verbs are lower case, except at a sentence start ("Said Smith: …").
        if t.is_capitalized() && !t.starts_sentence() {
            return None;
        }
        let verb = speech_verb_at(self.doc, k)?;
        if self.noun_like(k, verb) {
            return None;
        }
        Some(verb.lemma)
    }

    /// Whether a speech verb form stands where a noun would: base and -s
    /// forms ("a call on leaders", "stop state policies", "his claims")
    /// count as verbs only after a subject, an auxiliary, "to", or a comma
    /// or quotation (inverted: `…, says X`); an -ing form after a
    /// determiner is a noun ("a warning").
    pub(super) fn noun_like(&self, k: usize, verb: SpeechVerb) -> bool {
        let (base_or_s, ing) = match verb.form {
            VerbForm::Base | VerbForm::S => (true, false),
            VerbForm::Ing => (false, true),
            VerbForm::Past => (false, false),
        };
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
        if verb.form == VerbForm::Base {
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
    pub(super) fn strong_verb(&self, k: usize) -> bool {
        self.speech_verb(k)
            .is_some_and(|l| !LEXICON.weak_speech_verbs.contains(l))
    }
}
