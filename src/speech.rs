//! Speech verbs as the text writes them: one answer, for every stage that
//! asks, to "which speech verb is this word a form of, and which form".
//!
//! Whether the form is a verb *here* (and not a noun: "a call on leaders",
//! "his claims") depends on what each stage knows of the sentence; the
//! resolver decides it with the subjects and quotations around the word
//! (`resolver::cues`), the mention finder with the words next to it.

use crate::lexicon::{class, with_lower, LEXICON};
use crate::tokenizer::{Document, TokenKind};

/// Which form of its lemma a speech verb is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerbForm {
    /// The base form ("say", "claim"), also a noun for many verbs.
    Base,
    /// The -s form ("says", "claims"), also a plural noun for many.
    S,
    /// The -ing form ("saying", "warning").
    Ing,
    /// A past form ("said", "claimed", "told").
    Past,
}

/// A speech verb at a token: its lemma ("say", "point out") and its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SpeechVerb {
    pub lemma: &'static str,
    pub form: VerbForm,
}

impl SpeechVerb {
    /// Whether this form is as often a noun as a verb, so that only its
    /// context makes it a verb: base forms, and -s forms but "says".
    pub fn may_be_noun(self, word: &str) -> bool {
        match self.form {
            VerbForm::Base => true,
            VerbForm::S => !word.eq_ignore_ascii_case("says"),
            _ => false,
        }
    }
}

/// The speech verb the word token `k` is a form of, including phrasal ones
/// with their particle after them ("pointed out", "shot back", "chimed
/// in"); `None` for any other token. Most tokens are turned away by their
/// word classes alone.
#[inline]
pub(crate) fn speech_verb_at(doc: &Document<'_>, k: usize) -> Option<SpeechVerb> {
    let (w, lemma) = lemma_at(doc, k)?;
    // A phrasal verb's forms are compared with its whole lemma, so that
    // none of them is a base or -s form, which could be a noun: "as the
    // memo put it".
    Some(SpeechVerb {
        lemma,
        form: form_of(w, lemma),
    })
}

/// Whether the word token `k` is a speech verb: [`speech_verb_at`]
/// without working out the form.
#[inline]
pub(crate) fn is_speech_verb_at(doc: &Document<'_>, k: usize) -> bool {
    lemma_at(doc, k).is_some()
}

/// The word at token `k` and the lemma of the speech verb it is a form of.
#[inline(always)]
fn lemma_at<'t>(doc: &Document<'t>, k: usize) -> Option<(&'t str, &'static str)> {
    let t = doc.tokens().get(k)?;
    if t.lex() & (class::SPEECH_VERB | class::PHRASAL) == 0 || t.kind() != TokenKind::Word {
        return None;
    }
    let w = doc.str_at(k);
    let lemma = LEXICON.speech_verb(w).or_else(|| phrasal_verb(doc, k, w))?;
    Some((w, lemma))
}

/// The lemma of the phrasal speech verb whose verb is `w`, at token `k`,
/// when its particle follows.
fn phrasal_verb(doc: &Document<'_>, k: usize, w: &str) -> Option<&'static str> {
    let next = doc.tokens().get(k + 1)?;
    if !next.is_word() {
        return None;
    }
    let particle = doc.str_at(k + 1);
    let lemma = with_lower(w, |w| LEXICON.phrasal_verbs.get(&(w, particle)).copied())?;
    // "went on to win" is not speech.
    if lemma == "go on" && doc.tokens().get(k + 2).is_some_and(|t| t.is_word()) {
        return None;
    }
    Some(lemma)
}

/// The form of `w`, a form of the verb `lemma`.
fn form_of(w: &str, lemma: &str) -> VerbForm {
    with_lower(w, |l| {
        // "read" is its own past tense: "…," the article read.
        if l == lemma && l != "read" {
            VerbForm::Base
        } else if l
            .strip_suffix('s')
            .is_some_and(|s| s == lemma || s.strip_suffix('e') == Some(lemma))
            || l.strip_suffix("ies")
                .is_some_and(|s| lemma.strip_suffix('y') == Some(s))
        {
            VerbForm::S
        } else if l.ends_with("ing") {
            VerbForm::Ing
        } else {
            VerbForm::Past
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, k: usize) -> Option<(&'static str, VerbForm)> {
        let doc = crate::Tokenizer::new().tokenize(text);
        speech_verb_at(&doc, k).map(|v| (v.lemma, v.form))
    }

    #[test]
    fn forms_and_lemmas() {
        assert_eq!(at("She said so", 1), Some(("say", VerbForm::Past)));
        assert_eq!(at("He says so", 1), Some(("say", VerbForm::S)));
        assert_eq!(at("They claim it", 1), Some(("claim", VerbForm::Base)));
        assert_eq!(at("a warning", 1), Some(("warn", VerbForm::Ing)));
        assert_eq!(
            at("He pointed out the risk", 1),
            Some(("point out", VerbForm::Past))
        );
        assert_eq!(
            at("as the memo put it", 3),
            Some(("put it", VerbForm::Past))
        );
        assert_eq!(at("He went on to win", 1), None);
        assert_eq!(at("the house", 1), None);
        // "read" is its own past.
        assert_eq!(at("the article read", 2), Some(("read", VerbForm::Past)));
    }
}
