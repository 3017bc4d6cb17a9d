//! Speaker resolution, one case per rule and per way news text attributes a
//! quotation.
//!
//! Every text is invented. Each case lists, for the quotations that matter,
//! how the quotation begins, the speaker mention a careful reader would
//! point at, the canonical name of its entity and the rule that should find
//! it.

use whosaid::Rule;

#[path = "support/speakers.rs"]
mod speakers;

use speakers::{check, want, Case};

const CUE_AFTER: &[Case] = &[
    Case {
        name: "speaker_on_the_line_after_a_quotation_ending_in_a_comma",
        text: "\"We will win,\"\nSenator Jane Roe said.",
        want: &[want(
            "\"We will win",
            "Senator Jane Roe",
            Some("Jane Roe"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "quotation_in_character_references_finds_its_speaker",
        text: "&ldquo;We will win,&rdquo; Senator Jane Roe said.",
        want: &[want(
            "&ldquo;We will win",
            "Senator Jane Roe",
            Some("Jane Roe"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "speaker_on_the_next_line_of_wrapped_text",
        text: "The vote is set for Tuesday, and the council is split. \"We have\n\
               the numbers,\" Senator Jane Roe told reporters outside the\n\
               chamber.\n\n\
               The count begins at noon.",
        want: &[want(
            "\"We have",
            "Senator Jane Roe",
            Some("Jane Roe"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "told_someone_after_the_quotation_takes_the_teller",
        text: r#""We have no choice," Paul Okafor told the Daily Ledger."#,
        want: &[want(
            "\"We have no choice",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "name_then_said_after_the_quotation",
        text: r#""We will rebuild the bridge," Mayor Ellen Hart said on Monday."#,
        want: &[want(
            "\"We will rebuild",
            "Mayor Ellen Hart",
            Some("Ellen Hart"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "said_then_name_after_the_quotation",
        text: r#""The vote was fair," said Rob Tiller, a city councilman."#,
        want: &[want(
            "\"The vote was fair",
            "Rob Tiller",
            Some("Rob Tiller"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "appositive_between_the_name_and_said",
        text: r#""We are not finished," Dana Whitcombe, the director of the Harbor Authority, said."#,
        want: &[want(
            "\"We are not finished",
            "Dana Whitcombe",
            Some("Dana Whitcombe"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "question_mark_then_name_and_asked",
        text: r#""Who will pay for this?" Tom Becker asked."#,
        want: &[want(
            "\"Who will pay",
            "Tom Becker",
            Some("Tom Becker"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "abbreviated_title_and_middle_initial_do_not_end_the_sentence",
        text: r#""The bill is dead on arrival," Sen. John Q. Public said Tuesday."#,
        want: &[want(
            "\"The bill is dead",
            "Sen. John Q. Public",
            Some("John Q. Public"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "stacked_abbreviated_titles_and_an_affiliation_before_said",
        text: r#""We are ready," Lt. Gen. Mark T. Sorensen of the U.S. Army said on Jan. 4."#,
        want: &[want(
            "\"We are ready",
            "Lt. Gen. Mark T. Sorensen",
            Some("Mark T. Sorensen"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "name_with_an_affiliation_before_said",
        text: r#""We will appeal," Paul Okafor of Brightline said."#,
        want: &[want(
            "\"We will appeal",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "description_with_a_prepositional_phrase_before_said",
        text: r#""We will appeal," a spokeswoman for Northwind Corp. said."#,
        want: &[want(
            "\"We will appeal",
            "a spokeswoman",
            None,
            Rule::CueAfter,
        )],
    },
    Case {
        name: "inverted_verb_then_a_title_with_an_unlisted_modifier",
        text: "\"The effect was larger than we thought,\" said lead author Ana Petrov \
               of Tarnow University.",
        want: &[want(
            "\"The effect was larger",
            "lead author Ana Petrov",
            Some("Ana Petrov"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "surname_with_name_particles_before_the_verb",
        text: "Commissioner Ilse van der Molen spoke on Monday. \"The rules stand,\" \
               van der Molen said.",
        want: &[want(
            "\"The rules stand",
            "van der Molen",
            Some("Ilse van der Molen"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "roles_of_sport_and_science_are_titles_before_a_name",
        text: "\"We were unlucky,\" said Rovers striker Tomas Kell. \"The data are \
               clear,\" said epidemiologist Ana Petrov.",
        want: &[
            want(
                "\"We were unlucky",
                "Rovers striker Tomas Kell",
                Some("Tomas Kell"),
                Rule::CueAfter,
            ),
            want(
                "\"The data are",
                "epidemiologist Ana Petrov",
                Some("Ana Petrov"),
                Rule::CueAfter,
            ),
        ],
    },
    Case {
        name: "inverted_verb_then_a_possessive_gives_what_it_owns",
        text: "\"We will appeal,\" said Okafor's lawyer, Tomas Kell. \"It is false,\" \
               said his spokeswoman.",
        want: &[
            want(
                "\"We will appeal",
                "lawyer",
                Some("Tomas Kell"),
                Rule::CueAfter,
            ),
            want("\"It is false", "spokeswoman", None, Rule::CueAfter),
        ],
    },
];

const CUE_BEFORE: &[Case] = &[
    Case {
        name: "told_someone_before_a_colon_takes_the_teller",
        text: r#"Paul Okafor told the Daily Ledger: "We have no choice.""#,
        want: &[want(
            "\"We have no choice",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::CueBefore,
        )],
    },
    Case {
        name: "second_quotation_after_adding_that_in_the_same_sentence",
        text: r#""We will appeal," Paul Okafor said, adding that "the judge got it wrong.""#,
        want: &[
            want(
                "\"We will appeal",
                "Paul Okafor",
                Some("Paul Okafor"),
                Rule::CueAfter,
            ),
            want(
                "\"the judge",
                "Paul Okafor",
                Some("Paul Okafor"),
                Rule::CueBefore,
            ),
        ],
    },
    Case {
        name: "said_and_a_colon_before_the_quotation",
        text: r#"Governor Maria Vance said: "The budget is balanced.""#,
        want: &[want(
            "\"The budget",
            "Governor Maria Vance",
            Some("Maria Vance"),
            Rule::CueBefore,
        )],
    },
    Case {
        name: "said_and_a_comma_before_the_quotation",
        text: r#"Paul Okafor said, "We will appeal the ruling.""#,
        want: &[want(
            "\"We will appeal",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::CueBefore,
        )],
    },
    Case {
        name: "date_with_an_abbreviated_month_between_said_and_the_colon",
        text: "Governor Maria Vance met reporters in the capital.\n\
               Vance said on Dec. 3: \"We will not raise taxes.\"",
        want: &[want(
            "\"We will not raise",
            "Vance",
            Some("Maria Vance"),
            Rule::CueBefore,
        )],
    },
    Case {
        name: "said_that_before_the_quotation",
        text: r#"Paul Okafor said that "the merger is dead.""#,
        want: &[want(
            "\"the merger",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::CueBefore,
        )],
    },
    Case {
        name: "called_it_right_before_the_quotation",
        text: r#"Paul Okafor called it "a sad day for everyone.""#,
        want: &[want(
            "\"a sad day",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::CueBefore,
        )],
    },
    Case {
        name: "participle_takes_the_subject_of_its_clause",
        text: r#"The Harbor Authority issued a statement on Friday, saying "the port will reopen next week.""#,
        want: &[want(
            "\"the port",
            "The Harbor Authority",
            Some("Harbor Authority"),
            Rule::CueBefore,
        )],
    },
    Case {
        name: "passive_takes_its_agent",
        text: r#"The ruling was declared "a victory for common sense" by Attorney General Lena Ortiz."#,
        want: &[want(
            "\"a victory",
            "Attorney General Lena Ortiz",
            Some("Lena Ortiz"),
            Rule::CueBefore,
        )],
    },
];

const EMBEDDED: &[Case] = &[
    Case {
        name: "called_it_a_partial_quotation",
        text: r#"Paul Okafor called it a "sad day" for the company."#,
        want: &[want(
            "\"sad day",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::EmbeddedCue,
        )],
    },
    Case {
        name: "accused_someone_of_a_partial_quotation",
        text: r#"Senator Amy Lund has accused the governor of "playing games with the budget.""#,
        want: &[want(
            "\"playing games",
            "Senator Amy Lund",
            Some("Amy Lund"),
            Rule::EmbeddedCue,
        )],
    },
    Case {
        name: "partial_quotation_after_said_and_its_subject",
        text: r#"Senator Amy Lund said the governor "has lost the trust of voters.""#,
        want: &[want(
            "\"has lost",
            "Senator Amy Lund",
            Some("Amy Lund"),
            Rule::EmbeddedCue,
        )],
    },
    Case {
        name: "initials_inside_a_name_before_a_partial_quotation",
        text: r#"Sen. John Q. Public said the bill "is dead on arrival.""#,
        want: &[want(
            "\"is dead",
            "Sen. John Q. Public",
            Some("John Q. Public"),
            Rule::EmbeddedCue,
        )],
    },
];

const ACCORDING_AND_QUOTED_AS: &[Case] = &[
    Case {
        name: "according_to_after_the_quotation",
        text: r#"The merger is "dead in the water," according to Paul Okafor, the chief executive of Brightline."#,
        want: &[want(
            "\"dead in the water",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::AccordingTo,
        )],
    },
    Case {
        name: "according_to_at_the_start_of_the_sentence",
        text: r#"According to Paul Okafor, the merger is "dead in the water.""#,
        want: &[want(
            "\"dead in the water",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::AccordingTo,
        )],
    },
    Case {
        name: "quoted_someone_as_saying",
        text: r#"The Daily Ledger quoted Senator Amy Lund as saying "the bill will pass easily.""#,
        want: &[want(
            "\"the bill",
            "Senator Amy Lund",
            Some("Amy Lund"),
            Rule::QuotedAs,
        )],
    },
    Case {
        name: "statement_quoted_someone_as_telling_someone_else",
        text: r#""We take every complaint seriously," a statement quoted Ray Dolan as telling officers."#,
        want: &[want(
            "\"We take every",
            "Ray Dolan",
            Some("Ray Dolan"),
            Rule::QuotedAs,
        )],
    },
    Case {
        name: "quoted_a_description_with_a_name_in_apposition",
        text: r#"The Harbour Courier quoted a local geologist, Lena Marsh, as saying the tremor was "nothing unusual.""#,
        want: &[want(
            "\"nothing unusual",
            "Lena Marsh",
            Some("Lena Marsh"),
            Rule::QuotedAs,
        )],
    },
    Case {
        name: "quoted_a_known_description_with_a_name_in_apposition",
        text: r#"The agency quoted the spokesman, Tomas Reyes, as saying: "Talks will resume.""#,
        want: &[want(
            "\"Talks will",
            "the spokesman",
            Some("Tomas Reyes"),
            Rule::QuotedAs,
        )],
    },
    Case {
        name: "quoted_him_as_saying_is_not_the_subject",
        text: "Lena Marsh visited the site on Monday. The Harbour Courier quoted her \
               as saying: \"It is safe.\" Tomas Reyes disagreed. The agency quoted \
               him as saying: \"It is not.\"",
        want: &[
            want("\"It is safe", "her", Some("Lena Marsh"), Rule::QuotedAs),
            want("\"It is not", "him", Some("Tomas Reyes"), Rule::QuotedAs),
        ],
    },
    Case {
        name: "was_quoted_as_saying",
        text: r#"Senator Amy Lund was quoted as saying "the bill will pass easily.""#,
        want: &[want(
            "\"the bill",
            "Senator Amy Lund",
            Some("Amy Lund"),
            Rule::QuotedAs,
        )],
    },
];

const WITHOUT_A_SPEECH_VERB: &[Case] = &[
    Case {
        name: "colon_introduction_without_a_verb",
        text: r#"Paul Okafor on the failed merger: "It is dead, and we move on.""#,
        want: &[want(
            "\"It is dead",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::ColonIntroduction,
        )],
    },
    Case {
        name: "clause_subject_of_pinned_on",
        text: r#"Paul Okafor pinned the collapse on "reckless lenders.""#,
        want: &[want(
            "\"reckless",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::ClauseSubject,
        )],
    },
    Case {
        name: "partial_quotation_as_the_predicate_of_its_clause",
        text: r#"Governor Maria Vance "will not sign this bill" unless it changes."#,
        want: &[want(
            "\"will not sign",
            "Governor Maria Vance",
            Some("Maria Vance"),
            Rule::ClauseSubject,
        )],
    },
];

const CARRYING_OVER: &[Case] = &[
    Case {
        name: "second_quotation_of_a_paragraph_continues_the_first",
        text: r#"Tom Becker spoke after the vote. "We lost," he said. "But we will be back.""#,
        want: &[
            want("\"We lost", "he", Some("Tom Becker"), Rule::CueAfter),
            want(
                "\"But we will",
                "he",
                Some("Tom Becker"),
                Rule::Continuation,
            ),
        ],
    },
    Case {
        name: "speech_verb_and_colon_in_the_paragraph_before",
        text: "Paul Okafor told shareholders on Friday:\n\
               \"The merger is dead. We move on to other things.\"",
        want: &[want(
            "\"The merger is dead",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::ColonIntroduction,
        )],
    },
    Case {
        name: "quote_only_paragraph_after_an_attributed_one_continues_its_speaker",
        text: "\"We will appeal,\" Paul Okafor said.\n\
               \"The ruling ignores the facts.\"",
        want: &[want(
            "\"The ruling",
            "Paul Okafor",
            Some("Paul Okafor"),
            Rule::Continuation,
        )],
    },
    Case {
        name: "interview_turns_alternate_between_two_speakers",
        text: "Sam Ito of the Daily Ledger interviewed Mayor Ellen Hart on Monday.\n\
               \"Why did the bridge fail?\" Ito asked.\n\
               \"Because nobody fixed it,\" Hart said.\n\
               \"Who is to blame?\"\n\
               \"All of us.\"\n\
               \"Even you?\"\n\
               \"Even me.\"",
        want: &[
            want("\"Why did", "Ito", Some("Sam Ito"), Rule::CueAfter),
            want(
                "\"Because nobody",
                "Hart",
                Some("Ellen Hart"),
                Rule::CueAfter,
            ),
            want(
                "\"Who is to blame",
                "Ito",
                Some("Sam Ito"),
                Rule::AlternatingTurns,
            ),
            want(
                "\"All of us",
                "Hart",
                Some("Ellen Hart"),
                Rule::AlternatingTurns,
            ),
            want("\"Even you", "Ito", Some("Sam Ito"), Rule::AlternatingTurns),
            want(
                "\"Even me",
                "Hart",
                Some("Ellen Hart"),
                Rule::AlternatingTurns,
            ),
        ],
    },
];

const PRONOUNS_AND_DESCRIPTIONS: &[Case] = &[
    Case {
        name: "he_resolves_to_the_man_across_sentences",
        text: "Ellen Hart met Tom Becker on Monday. The talks lasted an hour. \
               \"We agreed on nothing,\" he said.",
        want: &[want(
            "\"We agreed",
            "he",
            Some("Tom Becker"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "a_nationality_noun_takes_the_person_just_named",
        text: "Tomas Reyes won the final in four sets. \"I never doubted it,\" the \
               Spaniard said. Ana Kovac lost hers. \"She was better,\" said the Croat.",
        want: &[
            want(
                "\"I never",
                "the Spaniard",
                Some("Tomas Reyes"),
                Rule::CueAfter,
            ),
            want("\"She was", "the Croat", Some("Ana Kovac"), Rule::CueAfter),
        ],
    },
    Case {
        name: "a_nationality_adjective_before_a_noun_names_nobody",
        text: "Lena Marsh wrote about the Syrian civil war. \"It changed everything,\" \
               she said.",
        want: &[want(
            "\"It changed",
            "she",
            Some("Lena Marsh"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "she_skips_a_nearer_man_for_the_woman",
        text: r#"Ellen Hart met Tom Becker on Monday. "We agreed on nothing," she said."#,
        want: &[want(
            "\"We agreed",
            "she",
            Some("Ellen Hart"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "she_resolves_across_a_paragraph_break",
        text: "Mayor Ellen Hart toured the site on Monday.\n\
               \"It will be rebuilt,\" she said.",
        want: &[want(
            "\"It will be rebuilt",
            "she",
            Some("Ellen Hart"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "the_prime_minister_refers_back_to_the_titled_name",
        text: "Prime Minister Jane Roe arrived in Oslo on Sunday. \
               \"We came to listen,\" the prime minister said.",
        want: &[want(
            "\"We came",
            "the prime minister",
            Some("Jane Roe"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "the_senator_refers_back_to_the_titled_name",
        text: "Senator Amy Lund voted against the bill. \
               \"This bill is a mistake,\" the senator said.",
        want: &[want(
            "\"This bill",
            "the senator",
            Some("Amy Lund"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "a_spokesman_for_someone_is_not_that_someone",
        text: "Gov. Dana Whitfield vetoed the bill. A spokesman for Gov. Dana Whitfield said: \
               \"The governor stands by her decision.\" An adviser to the campaign told \
               reporters: \"We expected this.\" A spokeswoman for the mayor's office said: \
               \"We will look again.\" A source close to the governor said: \"She is \
               furious.\"",
        want: &[
            want("\"The governor", "A spokesman", None, Rule::CueBefore),
            want("\"We expected", "An adviser", None, Rule::CueBefore),
            want("\"We will look", "A spokeswoman", None, Rule::CueBefore),
            want("\"She is", "A source", None, Rule::CueBefore),
        ],
    },
    Case {
        name: "the_head_of_an_of_phrase_speaks_not_its_object",
        text: "The Secretary of the Navy said: \"The fleet is ready.\" The leader of the \
               union told reporters: \"We will strike.\"",
        want: &[
            want("\"The fleet", "The Secretary", None, Rule::CueBefore),
            want("\"We will", "The leader", None, Rule::CueBefore),
        ],
    },
    Case {
        name: "a_person_named_before_of_from_or_at_speaks_not_the_body",
        text: "Paul Hendry of Cleveland Police said: \"We will find them.\" Jane Hill \
               from the Wildlife Trust told reporters: \"It is a tragedy.\" Ann Lee at \
               Capital Economics called the figures \"a shock\".",
        want: &[
            want(
                "\"We will",
                "Paul Hendry",
                Some("Paul Hendry"),
                Rule::CueBefore,
            ),
            want("\"It is", "Jane Hill", Some("Jane Hill"), Rule::CueBefore),
            want("\"a shock", "Ann Lee", Some("Ann Lee"), Rule::EmbeddedCue),
        ],
    },
    Case {
        name: "a_friend_or_relative_of_someone_is_not_that_someone",
        text: "The singer Danny Crewe was not at the hearing. A pal of the singer said: \
               \"He is gutted.\" A cousin of the singer told reporters: \"We are all \
               upset.\"",
        want: &[
            want("\"He is", "A pal", None, Rule::CueBefore),
            want("\"We are", "A cousin", None, Rule::CueBefore),
        ],
    },
    Case {
        name: "the_subject_of_a_subordinate_clause_before_a_quotation_is_not_its_speaker",
        text: "\"It is an enormous moment,\" said Steve Harlan, a strategist. Unless \
               the other senators quit the race, \"it is very hard to see how he is stopped.\"",
        want: &[want(
            "\"it is very",
            "Steve Harlan",
            Some("Steve Harlan"),
            Rule::Continuation,
        )],
    },
    Case {
        name: "a_word_between_a_name_and_a_head_noun_modifies_the_head",
        text: "Tom Hale runs the campaign. \"We will lose,\" said a longtime GOP data \
               expert. A Gold Coast surf club has been left \"devastated\" by the theft.",
        want: &[
            want(
                "\"We will lose",
                "a longtime GOP data expert",
                None,
                Rule::CueAfter,
            ),
            want(
                "\"devastated",
                "A Gold Coast surf club",
                None,
                Rule::ClauseSubject,
            ),
        ],
    },
    Case {
        name: "the_mention_before_a_relative_clause_speaks_not_a_pronoun_inside_it",
        text: "A spokeswoman for the ministry, who asked not to be named because she \
               was not authorised to speak, said: \"No decision has been made.\"",
        want: &[want(
            "\"No decision",
            "A spokeswoman",
            None,
            Rule::CueBefore,
        )],
    },
    Case {
        name: "a_plural_possessive_names_a_possessor",
        text: "\"It is a scandal,\" the Harbour Democrats' leader, Ed Mayne, said. The \
               plan was dropped because, in the Greens’ words, \"nobody wanted it.\"",
        want: &[
            want(
                "\"It is a scandal",
                "Ed Mayne",
                Some("Ed Mayne"),
                Rule::CueAfter,
            ),
            want("\"nobody", "the Greens", Some("Greens"), Rule::SpeechNoun),
        ],
    },
    Case {
        name: "a_document_from_a_source_is_the_sources",
        text: "\"We are investigating,\" according to a statement from the Harbour Police. \
               \"Costs rose,\" a report by the council's auditor said.",
        want: &[
            want(
                "\"We are investigating",
                "the Harbour Police",
                Some("Harbour Police"),
                Rule::AccordingTo,
            ),
            want("\"Costs rose", "auditor", None, Rule::CueAfter),
        ],
    },
    Case {
        name: "british_descriptions_with_a_number_or_a_title_of_initials",
        text: "Downing Street defended the plan. A No 10 spokesman said: \"It is working.\" \
               One Tory MP said: \"The mood is grim.\" A Channel 4 presenter said: \"Nobody \
               believes it.\"",
        want: &[
            want("\"It is", "A No 10 spokesman", None, Rule::CueBefore),
            want("\"The mood", "One Tory MP", None, Rule::CueBefore),
            want("\"Nobody", "A Channel 4 presenter", None, Rule::CueBefore),
        ],
    },
    Case {
        name: "an_unlisted_job_word_before_a_whole_name_after_said",
        text: "The market was busy. \"We sell out every day,\" said bookbinder Ann Lee. \
               \"Prices are up,\" said part-timer Jo Ruiz, who works the till. \
               \"It is quiet,\" said Lee.",
        want: &[
            want("\"We sell", "Ann Lee", Some("Ann Lee"), Rule::CueAfter),
            want("\"Prices", "Jo Ruiz", Some("Jo Ruiz"), Rule::CueAfter),
            want("\"It is quiet", "Lee", Some("Ann Lee"), Rule::CueAfter),
        ],
    },
    Case {
        name: "a_relative_clause_in_the_appositive_keeps_its_verb",
        text: "\u{201c}It was chaos,\u{201d} one witness, who asked not to be named, told \
               the BBC.",
        want: &[want(
            "\u{201c}It was chaos",
            "one witness",
            None,
            Rule::CueAfter,
        )],
    },
    Case {
        name: "her_brother_is_the_brother_the_text_named",
        text: "Ada Lindqvist founded the firm with her brother Nils. Her brother left last \
               year. He told a newspaper he had \"no regrets at all.\"",
        want: &[want("\"no regrets", "He", Some("Nils"), Rule::EmbeddedCue)],
    },
    Case {
        name: "description_after_a_possessive_name_speaks",
        text: r#"Paul Okafor's spokeswoman said: "No comment.""#,
        want: &[want("\"No comment", "spokeswoman", None, Rule::CueBefore)],
    },
];

const ORGANISATIONS: &[Case] = &[
    Case {
        name: "the_pentagon_says",
        text: r#""Our forces remain on alert," the Pentagon says."#,
        want: &[want(
            "\"Our forces",
            "the Pentagon",
            Some("Pentagon"),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "the_company_said_in_a_statement",
        text: "Northwind Corp. cut 300 jobs on Tuesday. \
               \"These decisions are never easy,\" the company said in a statement.",
        want: &[want(
            "\"These decisions",
            "the company",
            Some("Northwind Corp."),
            Rule::CueAfter,
        )],
    },
    Case {
        name: "bare_plural_bodies_open_a_sentence_and_speak",
        text: "Police said in a statement: \"Two men were arrested.\" \
               Investigators said: \"The motive is unclear.\"",
        want: &[
            want("\"Two men", "Police", None, Rule::CueBefore),
            want("\"The motive", "Investigators", None, Rule::CueBefore),
        ],
    },
];

#[test]
fn cue_after_the_quotation() {
    check(CUE_AFTER);
}

#[test]
fn cue_right_before_the_quotation() {
    check(CUE_BEFORE);
}

#[test]
fn speech_verb_earlier_in_the_sentence() {
    check(EMBEDDED);
}

#[test]
fn according_to_and_quoted_as() {
    check(ACCORDING_AND_QUOTED_AS);
}

#[test]
fn speaker_without_a_speech_verb() {
    check(WITHOUT_A_SPEECH_VERB);
}

#[test]
fn speaker_carries_over() {
    check(CARRYING_OVER);
}

#[test]
fn pronouns_and_descriptions_resolve_to_names() {
    check(PRONOUNS_AND_DESCRIPTIONS);
}

#[test]
fn organisations_speak() {
    check(ORGANISATIONS);
}

/// Transcripts and credit lines.
const TRANSCRIPTS_AND_CREDITS: &[Case] = &[
    Case {
        name: "quoted_transcript_turns_go_to_their_labels",
        text: "Host Mara Quist spoke with Gov. Omar Diallo.\n\n\
               \"QUIST: Will you run again?\"\n\n\
               \"DIALLO: We will decide in the spring.\"",
        want: &[want(
            "\"DIALLO: We will",
            "DIALLO",
            Some("Omar Diallo"),
            Rule::SpeakerLabel,
        )],
    },
    Case {
        name: "quotation_inside_a_labelled_turn_goes_to_the_label",
        text: "JANE ROE: My answer is \"no deal.\"\n\n\
               OMAR DIALLO: Then we are done.",
        want: &[want(
            "\"no deal",
            "JANE ROE",
            Some("JANE ROE"),
            Rule::SpeakerLabel,
        )],
    },
    Case {
        name: "credit_line_under_a_quotation",
        text: "Jane Roe spoke first.\n\n\"We will appeal the ruling.\"\n\n\
               — Omar Diallo, spokesman",
        want: &[want(
            "\"We will appeal",
            "Omar Diallo",
            Some("Omar Diallo"),
            Rule::CreditLine,
        )],
    },
];

#[test]
fn transcripts_and_credit_lines() {
    check(TRANSCRIPTS_AND_CREDITS);
}

#[test]
fn an_unnamed_interviewer_asks_nobody_s_question() {
    let text = "Omar Diallo spoke to us on Monday.\n\n\"Q: Will you run again?\"\n\n\
                \"A: We will decide in the spring.\"";
    let result = whosaid::attribute(text);
    let question = result
        .speech()
        .find(|q| q.quote().as_str().starts_with("\"Q:"))
        .expect("the question is a quotation");
    assert!(
        question.speaker().is_none(),
        "{:?}",
        question.speaker().map(|s| s.mention_text())
    );
}

/// The kind, words and speaker's entity of each reported quotation.
fn turns_of(text: &str) -> Vec<(whosaid::QuoteKind, String, Option<String>)> {
    whosaid::attribute(text)
        .speech()
        .map(|q| {
            let entity = q
                .speaker()
                .and_then(|s| s.entity())
                .and_then(|e| e.name().map(str::to_string));
            (q.quote().kind(), q.quote().as_str().to_string(), entity)
        })
        .collect()
}

#[test]
fn unquoted_turns_of_a_transcript_are_quotations_of_their_labels() {
    use whosaid::QuoteKind::Turn;
    let text = "Mara Quist spoke with Gov. Omar Diallo on Monday.\n\n\
                QUIST: Thank you for coming in to talk about the budget.\n\n\
                DIALLO: Glad to be here, and I have a lot to say about it.\n\n\
                QUIST: Will the \"rainy day fund\" survive?\n\n\
                DIALLO: It will, and the voters will see that soon.";
    let got = turns_of(text);
    let want = [
        (
            "Thank you for coming in to talk about the budget.",
            "Mara Quist",
        ),
        (
            "Glad to be here, and I have a lot to say about it.",
            "Omar Diallo",
        ),
        ("Will the \"rainy day fund\" survive?", "Mara Quist"),
        ("It will, and the voters will see that soon.", "Omar Diallo"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((kind, words, entity), (w, e)) in got.iter().zip(want) {
        assert_eq!(
            (*kind, words.as_str(), entity.as_deref()),
            (Turn, w, Some(e))
        );
    }
    // A quotation inside a turn nests in it.
    let result = whosaid::attribute(text);
    let third = result.speech().nth(2).expect("four turns");
    assert_eq!(third.quote().nested()[0].as_str(), "\"rainy day fund\"");
    assert_eq!(third.quote().opening_mark(), None);
}

#[test]
fn unnamed_interview_turns_have_no_speaker() {
    let text = "Q: What will you do about the plan next year?\n\n\
                A: We will pass it, and then we will see what happens.\n\n\
                Q: And if it fails?\n\n\
                A: It will not fail, I promise you that much.";
    let got = turns_of(text);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(
        got.iter()
            .all(|(k, _, e)| *k == whosaid::QuoteKind::Turn && e.is_none()),
        "{got:?}"
    );
}

#[test]
fn lists_sections_and_headlines_with_colons_are_not_turns() {
    for text in [
        // Name: figure lines.
        "The count so far.\n\nJane Roe: 1,769.\n\nOmar Diallo: 1,501.\n\nRoe: 547.\n\nDiallo: 46.",
        // Sections headed by places.
        "Who the panel is.\n\nIowa: Tim Ward, Ann Lee, Rob Marsh and Kay Dunn of Des Moines.\n\n\
         Ohio: Sam Ode, Lia Park, Ben Cruz and Amy Holt of the capital.\n\n\
         Iowa: Ida Bell, Max Rowe, Kim Ash and Joe Penn of the county.",
        // One entry a label, none coming back.
        "Their plans.\n\nJane Roe: Student loans would be forgiven after ten years.\n\n\
         Omar Diallo: Credit scores would count rent paid on time.",
    ] {
        let got = turns_of(text);
        assert!(
            got.iter().all(|(k, _, _)| *k != whosaid::QuoteKind::Turn),
            "{text:?}: {got:?}"
        );
    }
}

#[test]
fn interview_turns_go_to_the_sides_the_text_names() {
    let turns = "\n\nQ: What will you do about the plan next year?\n\n\
                 A: We will pass it, and then we will see what happens.\n\n\
                 Q: And if it fails in the end?\n\n\
                 A: It will not fail, I promise you that much.";
    for (intro, asks, answers) in [
        (
            "Mara Quist interviewed Gov. Omar Diallo on Monday.",
            Some("Mara Quist"),
            Some("Omar Diallo"),
        ),
        (
            "Gov. Omar Diallo was interviewed by Mara Quist.",
            Some("Mara Quist"),
            Some("Omar Diallo"),
        ),
        // The publication asks: no name for the questions.
        (
            "Omar Diallo spoke with us on Monday.",
            None,
            Some("Omar Diallo"),
        ),
        (
            "We sat down with Gov. Omar Diallo.",
            None,
            Some("Omar Diallo"),
        ),
        // A publication the text names asks.
        (
            "Omar Diallo spoke to the Riverton Herald on Monday.",
            Some("Riverton Herald"),
            Some("Omar Diallo"),
        ),
        (
            "An interview with Gov. Omar Diallo.",
            None,
            Some("Omar Diallo"),
        ),
        // Nobody named: nobody asks, nobody answers.
        ("The governor took questions.", None, None),
    ] {
        let got = turns_of(&format!("{intro}{turns}"));
        let want: Vec<Option<String>> = [asks, answers, asks, answers]
            .iter()
            .map(|s| s.map(str::to_string))
            .collect();
        let entities: Vec<Option<String>> = got.iter().map(|(_, _, e)| e.clone()).collect();
        assert_eq!(entities, want, "{intro}");
    }
}
