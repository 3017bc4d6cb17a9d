//! The rules that read a quotation's own sentence: "according to", a cue
//! after it, "quoted Y as", a speech verb before it and its subject, a
//! speech noun, a colon.

use super::{inverts, Ctx, Found, Query, Rule, NOBODY};
use crate::lexicon::{class, with_lower, LEXICON};
use crate::mentions::MentionKind;

impl<'t> Ctx<'_, 't> {
    /// "quoted Y as assuring …, saying that "…"": the participle that
    /// introduces the quotation ends the cue.
    pub(super) fn extend_quoted_as_cue(&self, mut f: Found, k: usize, open: usize) -> Found {
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

    /// "Trump's claim that "…"", "his call for "…"": a speech noun after a
    /// possessive, with no speech verb between it and the quotation.
    pub(super) fn speech_noun(&self, before: std::ops::Range<usize>) -> Option<Found> {
        for n in before.clone().rev() {
            if self.strong_verb(n) {
                return None;
            }
            let t = &self.doc.tokens()[n];
            if !t.is_word() || !self.outside(n) {
                continue;
            }
            let w = self.word(n);
            if LEXICON.speech_nouns.get(w).is_none() {
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
                // "Trump's claim", and "Forbes' words": a name before "'s"
                // or before a plural possessive's apostrophe.
                let apostrophe = self.doc.tokens()[p].mark().is_some()
                    && p > before.start
                    && self
                        .mention_ending(p - 1)
                        .is_some_and(|m| self.mentions[m].is_possessive());
                if (self.doc.tokens()[p].is_possessive() || apostrophe) && p > before.start {
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

    pub(super) fn according_to(&self, w: std::ops::Range<usize>) -> Option<Found> {
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
    pub(super) fn cue_after(&self, qi: usize, after: std::ops::Range<usize>) -> Option<Found> {
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
                    // A verb of a relative clause is the appositive's own
                    // ("one witness, who asked not to be named, told").
                    let relative = with_lower(self.word(c - 1), |l| matches!(l, "who" | "which"));
                    if self.speech_verb(c).is_some() && !relative {
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
                let s = self.past_unlisted_label(s, after.end);
                if let Some(m) = self.inverted_subject(s).filter(|_| s < after.end) {
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
    pub(super) fn unknown_past_verb(&self, e: usize, end: usize) -> bool {
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

    /// The object of "quoted"/"cited" at `v` when "as" follows it, and
    /// where that "as" is: the mention right after the verb ("quoted Oleg
    /// Petrov as saying"), or a name in apposition to the words after it
    /// ("quoted a Russian seismologist, Oleg Petrov, as saying"), which
    /// names the speaker when those words are no mention.
    fn quoted_object(&self, v: usize, hi: usize) -> Option<(usize, usize)> {
        let mut direct = self.mention_starting(v + 1);
        let mut k = direct.map_or(v + 1, |m| self.mentions[m].token_range().end);
        if k < hi && self.is_word(k, "as") {
            return direct.map(|m| (m, k));
        }
        // Up to the comma that opens the apposition, a few words on.
        if k >= hi || !self.is_word(k, ",") {
            direct = None;
            let limit = (v + 6).min(hi);
            k = (v + 1..limit).find(|&j| self.is_word(j, ","))?;
        }
        let a = self.mention_starting(k + 1)?;
        let end = self.mentions[a].token_range().end;
        if end + 1 >= hi || !self.is_word(end, ",") || !self.is_word(end + 1, "as") {
            return None;
        }
        if self.mentions[a].kind() != MentionKind::Name {
            return None;
        }
        Some((direct.unwrap_or(a), end + 1))
    }

    /// The speaker of the speech verb at `v`, looking no further than
    /// `lo..hi` (its sentence, outside quotations).
    pub(super) fn speaker_of_verb(&self, v: usize, lo: usize, hi: usize) -> Option<Found> {
        let lemma = self.speech_verb(v)?;
        let w = self.word(v);
        let cue = vec![self.span(v)];
        // "quoted Y as (saying)", "cited Y as".
        if matches!(lemma, "quote" | "cite") {
            if let Some((m, after)) = self.quoted_object(v, hi) {
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
            if let Some(m) = self.inverted_subject(self.past_unlisted_label(v + 1, hi)) {
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
}

/// "according to X" in the quotation's sentence, before it or after it.
pub(super) fn according_to(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    cx.according_to(q.before.clone())
        .or_else(|| cx.according_to(q.after.clone()))
}

/// A cue right after the quotation: `"…," X said`, `"…," said X`.
pub(super) fn cue_after(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    cx.cue_after(q.qi, q.after.clone())
}

/// "quoted Y as (saying)" anywhere before the quotation: the speaker is Y.
pub(super) fn quoted_as(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let before = &q.before;
    for k in before.clone() {
        if matches!(cx.speech_verb(k), Some("quote" | "cite")) {
            if let Some(f) = cx
                .speaker_of_verb(k, before.start, before.end)
                .filter(|f| f.rule == Rule::QuotedAs)
            {
                return Some(cx.extend_quoted_as_cue(f, k, before.end));
            }
        }
    }
    None
}

/// A verb right before the quotation introduces it (`X said, "…"`, `X told
/// reporters: "…"`, `and X said that "…"`), whatever verbs come earlier in
/// the sentence.
pub(super) fn verb_before(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let before = &q.before;
    if before.end <= before.start {
        return None;
    }
    let last = cx.word(before.end - 1);
    let lead = matches!(last, "," | ":" | "that" | "—" | "–");
    let from = before.end.saturating_sub(4).max(before.start);
    for k in (from..before.end).rev() {
        let weak_ok = lead || cx.strong_verb(k);
        if cx.speech_verb(k).is_some() && weak_ok && (lead || k + 1 == before.end) {
            return cx.speaker_of_verb(k, before.start, before.end);
        }
    }
    None
}

/// The leftmost speech verb of the quotation's clause: "X said A, but he
/// said that "…"" goes to "he"; with words between the verb and a partial
/// quotation, an embedded cue (`X called it a "…"`).
pub(super) fn clause_verb(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let (before, after) = (&q.before, &q.after);
    let clause_start = cx.clause_start(before.clone());
    for k in clause_start..before.end {
        if cx.strong_verb(k) {
            if let Some(mut f) = cx.speaker_of_verb(k, before.start, before.end.max(after.end)) {
                if f.rule == Rule::CueBefore && !cx.adjacent_before(k, before.end) {
                    f.rule = Rule::EmbeddedCue;
                }
                if f.rule == Rule::QuotedAs {
                    f = cx.extend_quoted_as_cue(f, k, before.end);
                }
                return Some(f);
            }
        }
    }
    None
}

/// With no speech verb, a speech noun after a possessive: `Trump's claim
/// that "…"`, `his call for "…"`.
pub(super) fn speech_noun(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    cx.speech_noun(q.before.clone())
}

/// A colon introduction without a verb: `X on the deal: "…"`; "More from
/// Jones:", "HEADLINE - Carl Bialik:" take the name right before the
/// colon, after a dash or "from".
pub(super) fn colon(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let before = &q.before;
    if before.end <= before.start || cx.word(before.end - 1) != ":" {
        return None;
    }
    let colon = before.end - 1;
    let named = colon
        .checked_sub(1)
        .and_then(|p| cx.mention_ending(p))
        .filter(|&m| {
            let s = cx.mentions[m].token_range().start;
            s > before.start
                && (matches!(cx.word(s - 1), "-" | "—" | "–" | "--") || cx.is_word(s - 1, "from"))
        });
    let m = named.or_else(|| cx.clause_subject(before.start, colon))?;
    Some(Found {
        mention: m,
        cue: vec![cx.span(colon)],
        rule: Rule::ColonIntroduction,
    })
}

/// A speech verb further along the sentence after the quotation.
pub(super) fn verb_after(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let after = &q.after;
    for k in after.clone() {
        if cx.strong_verb(k) {
            if let Some(mut f) = cx.speaker_of_verb(k, after.start, after.end) {
                if f.rule == Rule::CueBefore || f.rule == Rule::EmbeddedCue {
                    f.rule = Rule::CueAfter;
                }
                return Some(f);
            }
        }
    }
    None
}

/// A partial quotation inside a clause with no speech verb: the clause's
/// subject (`X blamed it on "…"`).
pub(super) fn clause_subject(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let before = &q.before;
    if before.end <= before.start {
        return None;
    }
    // "Unless rivals quit, "it is over"": a subordinate clause and its
    // comma before the quotation; its subject is not the main clause's.
    let opens_subordinate = cx.has_class(before.start, class::SUBORDINATOR)
        || with_lower(cx.word(before.start), |w| matches!(w, "if" | "unless"));
    let after_subordinate =
        opens_subordinate && before.end >= before.start + 3 && cx.word(before.end - 1) == ",";
    if after_subordinate {
        return None;
    }
    let m = cx.clause_subject(before.start, before.end)?;
    Some(Found {
        mention: m,
        cue: Vec::new(),
        rule: Rule::ClauseSubject,
    })
}

impl Ctx<'_, '_> {
    /// Who asks and who answers in a transcript's interview, from the first
    /// phrase of `interview_phrases.txt` before the first labelled
    /// paragraph: the mention before it asks and the one after it answers
    /// ("Mara Quist interviewed Gov. Omar Diallo"), but a first-person side
    /// is the publication, which names nobody ("Omar Diallo spoke with us":
    /// he answers), and a passive swaps them ("X was interviewed by Y").
    pub(super) fn interview_parties(&self) -> (Option<usize>, Option<usize>) {
        let Some(first) = self.labels.iter().position(Option::is_some) else {
            return (None, None);
        };
        let end = self.doc.paragraphs()[first].token_range().start;
        let tokens = self.doc.tokens();
        for (k, t) in tokens[..end].iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            let Some(len) = LEXICON
                .interview_phrases
                .iter()
                .filter(|p| k + p.len() <= end)
                .find(|p| {
                    p.iter()
                        .enumerate()
                        .all(|(j, w)| self.word(k + j).eq_ignore_ascii_case(w))
                })
                .map(Vec::len)
            else {
                continue;
            };
            let sentence = self.doc.sentences()[self.doc.sentence_of(k)].token_range();
            // The first person of `pronouns.txt`: "we", "us", "I", "me".
            let first_person_at =
                |k: usize| LEXICON.pronoun(self.word(k)).is_some_and(|p| p.person == 1);
            let first_person = |m: &usize| {
                let r = self.mentions[*m].token_range();
                r.len() == 1 && first_person_at(r.start)
            };
            let passive = self.is_word(k, "interviewed")
                && k > sentence.start
                && self.has_class(k - 1, class::BE);
            let mut after = k + len;
            if passive && after < end && self.is_word(after, "by") {
                after += 1;
            }
            let before = self
                .subject_before(k - usize::from(passive), sentence.start)
                .filter(|&m| !self.mentions[m].is_possessive());
            let object_first_person = after < end && first_person_at(after);
            let after = (after < end)
                .then(|| self.mention_starting(after))
                .flatten();
            let (mut asks, mut answers) = (before, after);
            if passive {
                std::mem::swap(&mut asks, &mut answers);
            }
            // "Omar Diallo spoke with us": the publication asks, and so does
            // one the text names ("Tom Hale spoke to The Herald").
            let publication = |m: &usize| {
                let r = self.mentions[*m].token_range();
                self.mentions[*m].kind() == MentionKind::Name
                    && r.clone()
                        .any(|j| LEXICON.media_words.contains(self.word(j)))
            };
            if object_first_person || answers.as_ref().is_some_and(first_person) {
                answers = asks.take();
            } else if !passive && answers.as_ref().is_some_and(publication) {
                std::mem::swap(&mut asks, &mut answers);
            }
            return (asks.filter(|m| !first_person(m)), answers);
        }
        (None, None)
    }
}

/// In a transcript, the label opening the quotation's paragraph, for a
/// quotation after it or one that holds it (a quoted turn); a `Q:` or `A:`
/// goes to the side of the interview the text names
/// (`Ctx::interview_parties`), and with none named settles that there is
/// no speaker to name.
pub(super) fn speaker_label(cx: &Ctx<'_, '_>, q: &Query<'_>) -> Option<Found> {
    let open = cx.quotes[q.qi].token_range().start;
    let label = cx.labels.get(cx.doc.paragraph_of(open))?.as_ref()?;
    let holds = open < label.words.start;
    if !(holds || open > label.colon) {
        return None;
    }
    if label.interview {
        // The one the text says asks, or answers; nobody when it names
        // neither.
        let (asks, answers) = cx.interview;
        let side = if cx.word(label.words.start) == "Q" {
            asks
        } else {
            answers
        };
        return Some(Found {
            mention: side.unwrap_or(NOBODY),
            cue: vec![cx.span(label.colon)],
            rule: Rule::SpeakerLabel,
        });
    }
    let m = cx
        .mention_starting(label.words.start)
        .filter(|&m| cx.mentions[m].token_range() == label.words)?;
    Some(Found {
        mention: m,
        cue: vec![cx.span(label.colon)],
        rule: Rule::SpeakerLabel,
    })
}
