//! Clause geometry: a quotation's windows in its sentence, where the clause
//! holding it starts, and the subject of a verb or a clause.

use super::{Ctx, WINDOW};
use crate::lexicon::{class, with_lower};
use crate::tokenizer::TokenKind;

impl<'t> Ctx<'_, 't> {
    /// The sentence window around quotation `qi`: tokens before its opening
    /// mark and after its closing mark, within its sentence and paragraph.
    pub(super) fn windows(&self, qi: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
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

    /// Where the clause holding the quotation begins within `before`: after
    /// the last ", but", ", and", ";" or subordinating conjunction, if a
    /// speech verb follows it; else the start of the sentence.
    pub(super) fn clause_start(&self, before: std::ops::Range<usize>) -> usize {
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

    /// Whether only the verb's complements ("on Monday", "reporters",
    /// "that") stand between the verb at `k` and the quotation at `open`.
    pub(super) fn adjacent_before(&self, k: usize, open: usize) -> bool {
        if open <= k + 1 {
            return true;
        }
        let last = self.word(open - 1);
        matches!(last, ":" | "," | "that" | "—" | "–" | "-" | "--") || open - k <= 2
    }

    /// The mention ending right before token `k` (skipping an appositive or
    /// a parenthesis), as the subject of a verb at `k`.
    pub(super) fn subject_before(&self, k: usize, lo: usize) -> Option<usize> {
        if k <= lo {
            return None;
        }
        let p = k - 1;
        if let Some(m) = self.mention_ending(p) {
            if !self.mentions[m].is_possessive() {
                return Some(self.described_by_phrase(m, lo).unwrap_or(m));
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
        if w == "," {
            // "A spokeswoman, who asked not to be named because she was not
            // authorised to speak, said": the mention before a relative
            // clause set off by commas, whatever verbs the clause holds.
            let floor = lo.max(p.saturating_sub(40));
            let relative = (floor + 1..p).rev().find(|&c| {
                self.word(c) == ","
                    && self.outside(c)
                    && with_lower(self.word(c + 1), |r| matches!(r, "who" | "which" | "whose"))
            });
            if let Some(c) = relative {
                if let Some(m) = self.mention_ending(c - 1) {
                    if !self.mentions[m].is_possessive() && !self.inside_apposition(m, floor) {
                        return Some(self.described_by_phrase(m, lo).unwrap_or(m));
                    }
                }
            }
        }
        if w == "," || w == ")" {
            let open = if w == "," { "," } else { "(" };
            let mut c = p;
            let floor = lo.max(p.saturating_sub(40));
            let mut first = true;
            while c > floor {
                c -= 1;
                if self.word(c) == open && self.outside(c) {
                    if first && open == "," {
                        if let Some(a) = self.name_set_off(c, p, lo) {
                            return Some(a);
                        }
                    }
                    first = false;
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

    /// "A spokesman for Bernie Sanders said", "an adviser to the campaign
    /// told": the description of people that mention `m` completes after
    /// "for", "to", "with", "at", "of" or "from" is the head of the noun
    /// phrase, and the speaker, not the name in its prepositional phrase.
    /// So is a person's name before "of", "from" or "at" ("Paul Hendry of
    /// Cleveland Police said", "Ann Lee at Capital Economics said").
    fn described_by_phrase(&self, m: usize, lo: usize) -> Option<usize> {
        use crate::mentions::{EntityKind, MentionKind};
        let mut start = self.mentions[m].token_range().start;
        // "a spokesman for the mayor's office": the phrase opens at the
        // possessor.
        if let Some(p) = m
            .checked_sub(1)
            .filter(|&p| self.mentions[p].owns_from(start))
        {
            start = self.mentions[p].token_range().start;
        }
        if start < lo + 2 {
            return None;
        }
        let (joined, after_name) = with_lower(self.word(start - 1), |w| {
            (
                matches!(w, "for" | "to" | "with" | "at" | "of" | "from"),
                matches!(w, "at" | "of" | "from"),
            )
        });
        if !joined {
            return None;
        }
        // "a source close to the minister", "people familiar with the
        // talks": an adjective may stand before the preposition.
        let adjective = start >= lo + 3
            && with_lower(self.word(start - 2), |w| {
                matches!(w, "close" | "closest" | "familiar" | "loyal" | "near")
            });
        let d = self.mention_ending(start - 2 - usize::from(adjective))?;
        let head = &self.mentions[d];
        let people = matches!(head.entity_kind(), EntityKind::Person | EntityKind::Group);
        let person_named = after_name
            && !adjective
            && head.kind() == MentionKind::Name
            && head.entity_kind() == EntityKind::Person;
        let described = head.kind() == MentionKind::Description && people;
        ((described || person_named) && !head.is_possessive()).then_some(d)
    }

    /// "A spokesman for Acme, John Smith, said": the person's name that
    /// stands alone between the comma at `c` and the one at `p`, when a
    /// description or a prepositional phrase ends before `c`: the
    /// appositive names the head.
    fn name_set_off(&self, c: usize, p: usize, lo: usize) -> Option<usize> {
        use crate::mentions::{EntityKind, MentionKind};
        let a = self.mention_starting(c + 1)?;
        let n = &self.mentions[a];
        let alone = n.token_range().end == p
            && n.kind() == MentionKind::Name
            && n.entity_kind() == EntityKind::Person;
        let head = (c > lo)
            .then(|| self.mention_ending(c - 1))
            .flatten()
            .is_some_and(|h| {
                let hs = self.mentions[h].token_range().start;
                self.mentions[h].kind() == MentionKind::Description
                    || (hs > lo && self.has_class(hs - 1, class::PREPOSITION))
            });
        (alone && head).then_some(a)
    }

    /// Whether mention `m`, found before a comma while walking back to a
    /// verb's subject, is part of an appositive of an earlier mention: it
    /// follows a preposition ("of Springfield", "of the union"), or it is a
    /// place after a comma ("Springfield, Va."), and an earlier mention
    /// followed by a comma stands before it.
    pub(super) fn inside_apposition(&self, m: usize, floor: usize) -> bool {
        let start = self.mentions[m].token_range().start;
        if start <= floor + 1 {
            return false;
        }
        let after_preposition = self.has_class(start - 1, class::PREPOSITION);
        let place_after_comma = self.mentions[m].entity_kind()
            == crate::mentions::EntityKind::Place
            && self.word(start - 1) == ",";
        // "of Ashton, Md.": what follows a comma after an appositive's name
        // continues that appositive.
        let continues_apposition = !after_preposition
            && !place_after_comma
            && self.word(start - 1) == ","
            && start >= 2
            && self
                .mention_ending(start - 2)
                .is_some_and(|p| p < m && self.inside_apposition(p, floor));
        if !(after_preposition || place_after_comma || continues_apposition) {
            return false;
        }
        // An earlier mention closed by a comma: the head of the phrase.
        (floor..start)
            .any(|c| self.word(c) == "," && c > floor && self.mention_ending(c - 1).is_some())
    }

    /// The first mention of `lo..hi` that is not inside a prepositional
    /// phrase and not a possessive: the subject of the clause.
    pub(super) fn clause_subject(&self, lo: usize, hi: usize) -> Option<usize> {
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
}
