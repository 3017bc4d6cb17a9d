//! One case per class of attribution error fixed while measuring on the
//! PolNeAR train and dev splits. Every text is invented; each case is named
//! for the error it guards against.

#[path = "support/speakers.rs"]
mod speakers;

use speakers::{check, want, Case};
use whosaid::{attribute, QuoteKind, Rule};

const SENTENCES_AND_VERBS: &[Case] = &[
    Case {
        name: "quotation_ending_in_a_terminal_keeps_its_attribution",
        text: "\"We will not do that. It is wrong.\" Okafor said.",
        want: &[want("\"We will not", "Okafor", Some("Okafor"), Rule::CueAfter)],
    },
    Case {
        name: "exclamation_then_name_and_verb_is_one_sentence",
        text: "\"Get out!\" Mayor Ellen Hart shouted at the crowd.",
        want: &[want(
            "\"Get out!",
            "Mayor Ellen Hart",
            Some("Ellen Hart"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "verb_right_before_the_quotation_beats_an_earlier_verb",
        text: "A voter asked for a photo and Hart said, \"As long as we keep it short.\"",
        want: &[want("\"As long as", "Hart", Some("Hart"), Rule::CueBefore)],
    },
    Case {
        name: "phrasal_cue_after_the_quotation",
        text: "\"The numbers do not add up,\" he pointed out.",
        want: &[want("\"The numbers", "he", None, Rule::CueAfter)],
    },
    Case {
        name: "phrasal_cue_before_the_quotation",
        text: "Lena Brook shot back, \"That is simply false.\"",
        want: &[want("\"That is simply", "Lena Brook", Some("Lena Brook"), Rule::CueBefore)],
    },
    Case {
        name: "unknown_past_tense_verb_after_quotation_and_speaker",
        text: "\"The river will always be ours,\" an angry Tomas Reyes retaliated.",
        want: &[want(
            "\"The river",
            "an angry Tomas Reyes",
            Some("Tomas Reyes"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "put_it_takes_its_subject_not_the_it",
        text: "As Ms. Dorn put it in a statement, the network is \"providing a view you won't get elsewhere.\"",
        want: &[want("\"providing a view", "Ms. Dorn", Some("Dorn"), Rule::EmbeddedCue)],
    },
    Case {
        name: "noun_form_of_a_speech_verb_is_no_verb",
        text: "Ann Vale posted a video comment of her own, saying, \"We are so excited.\"",
        want: &[want("\"We are so", "Ann Vale", Some("Ann Vale"), Rule::CueBefore)],
    },
    Case {
        name: "noun_after_a_verb_is_no_speech_verb",
        text: "It also wants to stop state policies that have a \"dramatic and lasting impact\" on voters, the lawsuit says.",
        want: &[want("\"dramatic and lasting", "the lawsuit", None, Rule::CueAfter)],
    },
    Case {
        name: "weak_verb_inside_the_sentence_introduces_nothing",
        text: "Vale told the audience that we must continue to push, saying that \"fairness still matters.\"",
        want: &[want("\"fairness", "Vale", Some("Vale"), Rule::CueBefore)],
    },
];

const SUBJECTS: &[Case] = &[
    Case {
        name: "appositive_with_a_place_between_name_and_verb",
        text: "\"Golf is dying here,\" Mr. Hedley, of Port Alba, Fla., said.",
        want: &[want("\"Golf is dying", "Mr. Hedley", Some("Hedley"), Rule::CueAfter)],
    },
    Case {
        name: "participle_takes_the_speaker_of_the_verb_it_follows",
        text: "Vale and Hart will meet next week, Dunmore said, adding, \"They need to talk.\"",
        want: &[want("\"They need", "Dunmore", Some("Dunmore"), Rule::CueBefore)],
    },
    Case {
        name: "participle_after_with_takes_the_mention_before_it",
        text: "Senators were irritated by the plan, with Sen. Ruth Calder calling it a \"wish list.\"",
        want: &[want("\"wish list", "Sen. Ruth Calder", Some("Ruth Calder"), Rule::EmbeddedCue)],
    },
    Case {
        name: "participle_after_footage_of_takes_the_filmed_speaker",
        text: "The ad uses footage of Lena Brook asking, \"Why am I not ahead?\"",
        want: &[want("\"Why am I", "Lena Brook", Some("Lena Brook"), Rule::CueBefore)],
    },
    Case {
        name: "coordinated_verbs_take_the_first_subject",
        text: "He then put on a fake accent and joked, \"I will make it easy for them.\"",
        want: &[want("\"I will make", "He", None, Rule::CueBefore)],
    },
    Case {
        name: "clause_after_but_has_its_own_speaker",
        text: "Chief Ross said the video was unclear, but he said that the footage \"supports what we have heard.\"",
        want: &[want("\"supports what", "he", Some("Ross"), Rule::EmbeddedCue)],
    },
    Case {
        name: "fronted_subordinate_clause_ends_at_its_comma",
        text: "While not everything Vale says is true, Dr. Jamison said Vale is \"telling people what they want.\"",
        want: &[want("\"telling people", "Dr. Jamison", Some("Jamison"), Rule::EmbeddedCue)],
    },
    Case {
        name: "relative_clause_subject_found_through_the_clause",
        text: "Although the teams differ, a senior aide who spoke anonymously said Friday, \"We talk every day.\"",
        want: &[want("\"We talk", "a senior aide", None, Rule::CueBefore)],
    },
    Case {
        name: "city_and_state_are_no_subject",
        text: "Speaking in Salem, New Hampshire, Vale went after Hart, calling him \"a total stiff.\"",
        want: &[want("\"a total stiff", "Vale", Some("Vale"), Rule::CueBefore)],
    },
    Case {
        name: "possessive_speech_noun_names_the_speaker",
        text: "The fact checkers looked at Vale's claim that there were \"thousands of shootings\" last year.",
        want: &[want("\"thousands", "Vale", Some("Vale"), Rule::SpeechNoun)],
    },
];

const MENTIONS: &[Case] = &[
    Case {
        name: "description_with_a_number_after_an_inverted_verb",
        text: "\"He is an amazing leader,\" said the 46-year-old.",
        want: &[want("\"He is", "the 46-year-old", None, Rule::CueAfter)],
    },
    Case {
        name: "unknown_noun_before_a_speech_verb_heads_a_description",
        text: "\"It was very nice,\" the tycoon told reporters.",
        want: &[want("\"It was very", "the tycoon", None, Rule::CueAfter)],
    },
    Case {
        name: "noun_after_a_name_before_a_speech_verb",
        text: "The GOP front-runner said his rival \"caused tremendous harm\" abroad.",
        want: &[want("\"caused", "The GOP front-runner", None, Rule::EmbeddedCue)],
    },
    Case {
        name: "sentence_initial_common_word_is_no_name",
        text: "Hours later, Ruth Calder told reporters, \"We have been friends for years.\"",
        want: &[want("\"We have been", "Ruth Calder", Some("Ruth Calder"), Rule::CueBefore)],
    },
    Case {
        name: "dateline_is_no_speaker",
        text: "PORTVILLE (AP) — The governor released a statement on Monday, offering \"a deep and sincere apology\" to the families.",
        want: &[want("\"a deep", "The governor", None, Rule::ClauseSubject)],
    },
    Case {
        name: "relative_which_speaks_for_its_report",
        text: "The release linked to the report, which notes, \"More than half of the visitors were donors.\"",
        want: &[want("\"More than half", "which", None, Rule::CueBefore)],
    },
    Case {
        name: "that_after_said_is_no_determiner",
        text: "Dunmore said that Calder would \"never win a fair fight.\"",
        want: &[want("\"never win", "Dunmore", Some("Dunmore"), Rule::EmbeddedCue)],
    },
    Case {
        name: "day_name_inside_a_description",
        text: "\"There are rocks with more spine,\" reads a Wednesday editorial in the Valley Ledger.",
        want: &[want("\"There are rocks", "a Wednesday editorial", None, Rule::CueAfter)],
    },
];

const LATER_FIXES: &[Case] = &[
    Case {
        name: "fronted_participial_phrase_ends_at_its_comma",
        text: "Led by Mayor Ann Vale, the rally denounced the plan as \"a disgrace.\"",
        want: &[want("\"a disgrace", "the rally", None, Rule::EmbeddedCue)],
    },
    Case {
        name: "dateline_with_an_agency_in_parentheses",
        text: "Portville (AFP) – Senator Ruth Calder has taken a swipe at her rival, saying that \"bombastic comments\" hurt the state.",
        want: &[want("\"bombastic", "Senator Ruth Calder", Some("Ruth Calder"), Rule::CueBefore)],
    },
    Case {
        name: "name_after_a_dash_before_a_colon",
        text: "Polls were not wrong, just early - Carla Benz: \"We missed the late deciders, and they decided everything.\"",
        want: &[want("\"We missed", "Carla Benz", Some("Carla Benz"), Rule::ColonIntroduction)],
    },
    Case {
        name: "capitalised_pronoun_after_a_closed_quotation_starts_a_new_sentence",
        text: "\"We won,\" Calder said. \"It was close.\" He said the count was over.",
        want: &[want("\"It was close", "Calder", Some("Calder"), Rule::Continuation)],
    },
    Case {
        name: "name_and_verb_before_a_colon_introduce_the_next_quotation",
        text: "\"We are refugees,\" Ms. Vale said. \"We are not criminals.\" Mr. Ross said: \"Nobody is safe.\"",
        want: &[
            want("\"We are not", "Ms. Vale", Some("Vale"), Rule::Continuation),
            want("\"Nobody", "Mr. Ross", Some("Ross"), Rule::CueBefore),
        ],
    },
    Case {
        name: "plural_people_name_takes_a_base_form_verb",
        text: "\"We share the same enemies,\" the Saudis state in the paper.",
        want: &[want("\"We share", "the Saudis", Some("Saudis"), Rule::CueAfter)],
    },
];

#[test]
fn later_fixes() {
    check(LATER_FIXES);
}

#[test]
fn sentences_and_verbs() {
    check(SENTENCES_AND_VERBS);
}

#[test]
fn subjects() {
    check(SUBJECTS);
}

#[test]
fn mentions() {
    check(MENTIONS);
}

/// Cases where the right answer is that nobody is quoted.
#[test]
fn short_phrases_nobody_says_are_scare_quotes() {
    let cases = [
        // No speaker anywhere near: a term held at a distance.
        (
            "term_with_no_speaker",
            "The \"sex tape\" reference was a mistake.",
            "\"sex tape\"",
        ),
        // The only speaker comes from an earlier quotation: a bare phrase
        // does not continue a speech.
        (
            "carried_over_speaker_for_a_bare_phrase",
            "\"It is over,\" Calder said. The \"deal\" is dead anyway.",
            "\"deal\"",
        ),
    ];
    for (name, text, quote) in cases {
        let result = attribute(text);
        let q = result
            .quotes()
            .find(|q| q.quote().as_str() == quote)
            .unwrap_or_else(|| panic!("{name}: {quote} not found"));
        assert_eq!(q.quote().kind(), QuoteKind::ScareQuote, "{name}");
        assert!(
            q.speaker().is_none(),
            "{name}: a scare quote has no speaker"
        );
        assert!(
            result.speech().all(|s| s.quote().as_str() != quote),
            "{name}"
        );
    }
}

/// A cue at the end of a paragraph finds no speaker in the next one: every
/// step of the resolver keeps to the quotation's paragraph.
#[test]
fn no_speaker_from_the_next_paragraph() {
    let cases = [
        (
            "according_to_at_the_end_of_a_paragraph",
            "\"We won the vote,\" according to\nSmith Jones arrived later.",
        ),
        (
            "inverted_verb_at_the_end_of_a_paragraph",
            "\"We won the vote,\" said\nSmith Jones, who arrived later.",
        ),
        (
            "past_tense_at_the_end_of_a_paragraph",
            "\"We won the vote!\" beamed\nSmith Jones, who arrived later.",
        ),
    ];
    for (name, text) in cases {
        let result = attribute(text);
        for q in result.speech() {
            let speaker = q.speaker().map(|s| s.mention_text());
            assert!(
                speaker.is_none_or(|s| !s.contains("Jones")),
                "{name}: {:?} went to {speaker:?}",
                q.quote().as_str()
            );
        }
    }
}
