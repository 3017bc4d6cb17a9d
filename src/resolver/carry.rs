//! Carry-over: a quotation with no cue of its own takes the speaker of the
//! quotation or sentence before it, or continues two speakers' turns; a
//! pronoun speaker goes on with the speaker before it.

use super::{Ctx, Found, Query, Resolution, Rule, SAME_SPEAKER_BONUS, WINDOW};
use crate::mentions::MentionKind;
use crate::tokenizer::TokenKind;

impl<'t> Ctx<'_, 't> {
    /// Question and answer: quotation `qi` stands alone in its paragraph
    /// after two quotations in the two paragraphs before it, by two
    /// different speakers, one asking and one answering. Then the speaker
    /// who asked asks again, and the one who answered answers again.
    pub(super) fn alternating_turns(
        &self,
        qi: usize,
        done: &[Option<Resolution>],
    ) -> Option<Found> {
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
    pub(super) fn same_speaker(
        &self,
        qi: usize,
        mut r: Resolution,
        done: &[Option<Resolution>],
    ) -> Resolution {
        if self.mentions[r.mention.index()].kind() != MentionKind::Pronoun {
            return r;
        }
        let para = self.doc.paragraph_of(self.quotes[qi].token_range().start);
        // The quotation of reported speech right before, whatever its
        // speaker: a walk back to the last one with an entity would make a
        // text of unresolved pronouns quadratic.
        let prev = (0..qi)
            .rev()
            .find(|&p| self.quotes[p].is_speech())
            .and_then(|p| Some((p, done[p].as_ref()?.entity?)));
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
}

/// The previous quotation of reported speech, if any.
fn previous_speech(cx: &Ctx<'_, '_>, qi: usize) -> Option<usize> {
    (0..qi).rev().find(|&p| cx.quotes[p].is_speech())
}

/// The paragraph of quotation `qi`'s opening mark, and of quotation `p`'s
/// closing mark.
fn paragraphs(cx: &Ctx<'_, '_>, qi: usize, p: usize) -> (usize, usize) {
    let para = cx.doc.paragraph_of(cx.quotes[qi].token_range().start);
    let prev = cx.doc.paragraph_of(cx.quotes[p].token_range().end - 1);
    (para, prev)
}

/// The speaker of the previous quotation carried over, as a continuation.
fn carried(r: &Resolution) -> Found {
    Found {
        mention: r.mention.index(),
        cue: r.cue.parts.clone(),
        rule: Rule::Continuation,
    }
}

/// No cue of its own: the speaker of the previous quotation of its
/// paragraph.
pub(super) fn same_paragraph(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let p = previous_speech(cx, q.qi)?;
    let (para, prev) = paragraphs(cx, q.qi, p);
    (prev == para)
        .then(|| q.done[p].as_ref().map(carried))
        .flatten()
}

/// Question and answer: a paragraph that is nothing but a quotation, after
/// a question by one speaker and an answer by another in the two
/// paragraphs before it, continues the turns.
pub(super) fn alternating_turns(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    cx.alternating_turns(q.qi, q.done)
}

/// The sentence before, in this paragraph or the one before: the speaker
/// of its speech verb, or, when it ends in a colon, of that colon (`X
/// said:` ¶ `"…"`).
pub(super) fn sentence_before(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let open = cx.quotes[q.qi].token_range().start;
    let para = cx.doc.paragraph_of(open);
    let sent = cx.doc.sentence_of(open);
    if sent == 0 {
        return None;
    }
    let prev_sent = cx.doc.sentences()[sent - 1].token_range();
    let prev_sent = prev_sent.start.max(prev_sent.end.saturating_sub(WINDOW))..prev_sent.end;
    let prev_para = cx.doc.paragraph_of(prev_sent.start);
    if prev_para + 1 < para {
        return None;
    }
    let ends_colon = prev_sent.end > prev_sent.start && cx.word(prev_sent.end - 1) == ":";
    for k in prev_sent.clone() {
        if cx.speech_verb(k).is_some() {
            if let Some(mut f) = cx.speaker_of_verb(k, prev_sent.start, prev_sent.end) {
                f.rule = if ends_colon {
                    Rule::ColonIntroduction
                } else {
                    Rule::Continuation
                };
                return Some(f);
            }
        }
    }
    if !ends_colon {
        return None;
    }
    let m = cx.clause_subject(prev_sent.start, prev_sent.end)?;
    Some(Found {
        mention: m,
        cue: vec![cx.span(prev_sent.end - 1)],
        rule: Rule::ColonIntroduction,
    })
}

/// The speaker of the previous quotation, in the paragraph before.
pub(super) fn paragraph_before(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let p = previous_speech(cx, q.qi)?;
    let (para, prev) = paragraphs(cx, q.qi, p);
    (prev + 1 == para)
        .then(|| q.done[p].as_ref().map(carried))
        .flatten()
}

/// A credit line under the last quotation of its paragraph: the next
/// paragraph opens with a dash and a name, and the quotation has no cue of
/// its own (`"We will appeal."` ¶ `— Jane Doe, spokeswoman`).
pub(super) fn credit_line(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let quote = &cx.quotes[q.qi];
    let para = cx.doc.paragraph_of(quote.token_range().end - 1);
    let next_quote_here = cx
        .quotes
        .get(q.qi + 1)
        .is_some_and(|n| cx.doc.paragraph_of(n.token_range().start) == para);
    let paras = cx.doc.paragraphs();
    if next_quote_here || para + 1 >= paras.len() {
        return None;
    }
    let r = paras[para + 1].token_range();
    if r.len() < 2 || !matches!(cx.word(r.start), "—" | "–" | "--" | "―" | "-") {
        return None;
    }
    let m = cx
        .mention_starting(r.start + 1)
        .filter(|&m| cx.mentions[m].kind() == MentionKind::Name)?;
    // The credit is the whole line: a name, perhaps a description after a
    // comma, nothing that reads as a sentence of its own.
    let after = cx.mentions[m].token_range().end;
    let credit = after == r.end || matches!(cx.word(after), "," | "." | "(");
    credit.then(|| Found {
        mention: m,
        cue: vec![cx.span(r.start)],
        rule: Rule::CreditLine,
    })
}
