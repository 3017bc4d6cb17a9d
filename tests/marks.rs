//! Quote detection, one case per mark style and per way marks go wrong.
//!
//! Each case names the reason it exists, gives a short text, and lists the
//! top-level quoted spans a careful reader would mark, with their marks, the
//! quotations nested directly inside them, whether they are unclosed, how
//! many paragraphs they run over and what kind of span they are.

use whosaid::{Attributor, MarkFamilies, MarkFamily, QuoteKind, SingleQuotes, UnclosedQuotes};

/// The settings a case runs with.
#[derive(Clone, Copy, Debug)]
enum Settings {
    Default,
    SingleQuotesTopLevel,
    SingleQuotesNestedOnly,
    DropUnclosed,
    Without(MarkFamily),
}

impl Settings {
    fn attributor(self) -> Attributor {
        let builder = Attributor::builder();
        let builder = match self {
            Settings::Default => builder,
            Settings::SingleQuotesTopLevel => builder.single_quotes(SingleQuotes::TopLevel),
            Settings::SingleQuotesNestedOnly => builder.single_quotes(SingleQuotes::NestedOnly),
            Settings::DropUnclosed => builder.unclosed_quotes(UnclosedQuotes::Drop),
            Settings::Without(family) => builder.mark_families(MarkFamilies::all().without(family)),
        };
        builder.build().expect("a valid configuration")
    }
}

struct Case {
    name: &'static str,
    settings: Settings,
    text: &'static str,
    quotes: &'static [Want],
}

/// One expected top-level quoted span.
#[derive(Clone, Copy)]
struct Want {
    /// The span with its marks.
    text: &'static str,
    /// The quotations directly inside it, with their marks.
    nested: &'static [&'static str],
    unclosed: bool,
    paragraphs: usize,
    kind: QuoteKind,
}

/// Reported speech in one paragraph, closed, with nothing nested.
const fn speech(text: &'static str) -> Want {
    Want {
        text,
        nested: &[],
        unclosed: false,
        paragraphs: 1,
        kind: QuoteKind::ReportedSpeech,
    }
}

impl Want {
    const fn nested(self, nested: &'static [&'static str]) -> Want {
        Want { nested, ..self }
    }

    const fn unclosed(self) -> Want {
        Want {
            unclosed: true,
            ..self
        }
    }

    const fn paragraphs(self, paragraphs: usize) -> Want {
        Want { paragraphs, ..self }
    }

    const fn kind(self, kind: QuoteKind) -> Want {
        Want { kind, ..self }
    }
}

/// What was found, in a form that compares and prints well.
#[derive(Debug, PartialEq)]
struct Found {
    text: String,
    nested: Vec<String>,
    unclosed: bool,
    paragraphs: usize,
    kind: QuoteKind,
}

impl From<&Want> for Found {
    fn from(w: &Want) -> Found {
        Found {
            text: w.text.to_string(),
            nested: w.nested.iter().map(|n| n.to_string()).collect(),
            unclosed: w.unclosed,
            paragraphs: w.paragraphs,
            kind: w.kind,
        }
    }
}

fn found(case: &Case) -> Vec<Found> {
    let result = case.settings.attributor().attribute(case.text);
    result
        .quotes()
        .map(|aq| {
            let q = aq.quote();
            assert_eq!(
                &case.text[q.span()],
                q.as_str(),
                "{}: span and text disagree",
                case.name
            );
            Found {
                text: q.as_str().to_string(),
                nested: q.nested().iter().map(|n| n.as_str().to_string()).collect(),
                unclosed: q.is_unclosed(),
                paragraphs: q.paragraph_count(),
                kind: q.kind(),
            }
        })
        .collect()
}

/// Runs every case and reports all the failing ones at once.
fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let want: Vec<Found> = case.quotes.iter().map(Found::from).collect();
        let got = found(case);
        if got != want {
            failures.push(format!(
                "case {} ({:?})\n  text: {:?}\n  want: {want:#?}\n  got:  {got:#?}",
                case.name, case.settings, case.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

const MARK_STYLES: &[Case] = &[
    Case {
        name: "straight_double_marks_pair",
        settings: Settings::Default,
        text: r#""We will rebuild the bridge," the mayor said."#,
        quotes: &[speech(r#""We will rebuild the bridge,""#)],
    },
    Case {
        name: "curly_double_marks_pair",
        settings: Settings::Default,
        text: "“We will rebuild the bridge,” the mayor said.",
        quotes: &[speech("“We will rebuild the bridge,”")],
    },
    Case {
        name: "two_apostrophes_pair_as_in_the_new_york_times_archive",
        settings: Settings::Default,
        text: "''We will rebuild the bridge,'' the mayor said.",
        quotes: &[speech("''We will rebuild the bridge,''")],
    },
    Case {
        name: "latex_and_treebank_backticks_close_with_two_apostrophes",
        settings: Settings::Default,
        text: "``We will rebuild the bridge,'' the mayor said.",
        quotes: &[speech("``We will rebuild the bridge,''")],
    },
    Case {
        name: "treebank_marks_pair_with_spaces_around_every_token",
        settings: Settings::Default,
        text: "`` We will rebuild the bridge , '' the mayor said .",
        quotes: &[speech("`` We will rebuild the bridge , ''")],
    },
    Case {
        name: "guillemets_pair",
        settings: Settings::Default,
        text: "«We will rebuild the bridge», the mayor said.",
        quotes: &[speech("«We will rebuild the bridge»")],
    },
    Case {
        name: "guillemets_pair_with_french_spacing_inside",
        settings: Settings::Default,
        text: "« We will rebuild the bridge », the mayor said.",
        quotes: &[speech("« We will rebuild the bridge »")],
    },
    Case {
        name: "guillemets_pointing_inwards_pair_as_in_german",
        settings: Settings::Default,
        text: "»We will rebuild the bridge«, the mayor said.",
        quotes: &[speech("»We will rebuild the bridge«")],
    },
    Case {
        name: "single_guillemets_nest_inside_guillemets",
        settings: Settings::Default,
        text: "«The council told me ‹not this year› again», the mayor said.",
        quotes: &[
            speech("«The council told me ‹not this year› again»").nested(&["‹not this year›"])
        ],
    },
    Case {
        name: "inward_single_guillemets_nest_inside_inward_guillemets",
        settings: Settings::Default,
        text: "»The council told me ›not this year‹ again«, the mayor said.",
        quotes: &[
            speech("»The council told me ›not this year‹ again«").nested(&["›not this year‹"])
        ],
    },
    Case {
        name: "low_double_mark_is_closed_by_a_left_double_mark_as_in_german",
        settings: Settings::Default,
        text: "„We will rebuild the bridge“, the mayor said.",
        quotes: &[speech("„We will rebuild the bridge“")],
    },
    Case {
        name: "low_single_marks_nest_inside_low_double_marks",
        settings: Settings::Default,
        text: "„The council told me ‚not this year‘ again“, the mayor said.",
        quotes: &[
            speech("„The council told me ‚not this year‘ again“").nested(&["‚not this year‘"])
        ],
    },
    Case {
        name: "corner_brackets_pair",
        settings: Settings::Default,
        text: "市長は「橋を必ず再建する」と述べた。",
        quotes: &[speech("「橋を必ず再建する」")],
    },
    Case {
        name: "white_corner_brackets_nest_inside_corner_brackets",
        settings: Settings::Default,
        text: "市長は「住民は『もう待てない』と言った」と述べた。",
        quotes: &[speech("「住民は『もう待てない』と言った」").nested(&["『もう待てない』"])],
    },
    Case {
        name: "quotation_interrupted_by_its_attribution_is_two_quotations",
        settings: Settings::Default,
        text: r#""Yes," she said, "and no.""#,
        quotes: &[speech(r#""Yes,""#), speech(r#""and no.""#)],
    },
    Case {
        name: "straight_opener_right_after_an_unspaced_em_dash",
        settings: Settings::Default,
        text: r#"The answer came quickly—"not now," the mayor said."#,
        quotes: &[speech(r#""not now,""#)],
    },
];

const NESTING: &[Case] = &[
    Case {
        name: "straight_single_marks_nest_inside_straight_doubles",
        settings: Settings::Default,
        text: r#""He called the plan 'a fantasy' twice," the senator said."#,
        quotes: &[speech(r#""He called the plan 'a fantasy' twice,""#).nested(&["'a fantasy'"])],
    },
    Case {
        name: "curly_single_marks_nest_inside_curly_doubles",
        settings: Settings::Default,
        text: "“He called the plan ‘a fantasy’ twice,” the senator said.",
        quotes: &[speech("“He called the plan ‘a fantasy’ twice,”").nested(&["‘a fantasy’"])],
    },
    Case {
        name: "latex_single_marks_nest_inside_latex_doubles",
        settings: Settings::Default,
        text: "``He called the plan `a fantasy' twice,'' the senator said.",
        quotes: &[speech("``He called the plan `a fantasy' twice,''").nested(&["`a fantasy'"])],
    },
    Case {
        name: "two_nested_quotations_in_one",
        settings: Settings::Default,
        text: r#""The plan is 'late' and 'over budget,' and we knew it," the auditor said."#,
        quotes: &[
            speech(r#""The plan is 'late' and 'over budget,' and we knew it,""#)
                .nested(&["'late'", "'over budget,'"]),
        ],
    },
    Case {
        name: "nested_straight_quotation_ending_against_the_outer_closer",
        settings: Settings::Default,
        text: r#""He told me, 'Never again.'" The mayor said nothing more."#,
        quotes: &[speech(r#""He told me, 'Never again.'""#).nested(&["'Never again.'"])],
    },
    Case {
        name: "nested_curly_quotation_ending_against_the_outer_closer",
        settings: Settings::Default,
        text: "“He told me, ‘Never again,’” the mayor said.",
        quotes: &[speech("“He told me, ‘Never again,’”").nested(&["‘Never again,’"])],
    },
    Case {
        name: "same_kind_curly_doubles_nest_when_a_stray_closer_follows",
        settings: Settings::Default,
        text: "“He said “no” to me,” she said.",
        quotes: &[speech("“He said “no” to me,”").nested(&["“no”"])],
    },
    Case {
        name: "nested_quotation_in_the_middle_paragraph_of_a_long_quotation",
        settings: Settings::Default,
        text: "“We tried everything.\n\
               “The council called it ‘a waste of money’ and walked out.\n\
               “So we start again,” the mayor said.",
        quotes: &[speech(
            "“We tried everything.\n\
             “The council called it ‘a waste of money’ and walked out.\n\
             “So we start again,”",
        )
        .nested(&["‘a waste of money’"])
        .paragraphs(3)],
    },
];

const PARAGRAPHS: &[Case] = &[
    Case {
        name: "quotation_reopened_in_each_paragraph_is_one_quotation",
        settings: Settings::Default,
        text: "The mayor spoke for ten minutes.\n\
               \"We will rebuild the bridge.\n\
               \"The money is there, and so is the will.\n\
               \"We will not stop until it is done,\" she said.",
        quotes: &[speech(
            "\"We will rebuild the bridge.\n\
             \"The money is there, and so is the will.\n\
             \"We will not stop until it is done,\"",
        )
        .paragraphs(3)],
    },
    Case {
        name: "curly_quotation_reopened_across_blank_lines_is_one_quotation",
        settings: Settings::Default,
        text: "The mayor spoke for ten minutes.\n\n\
               “We will rebuild the bridge.\n\n\
               “We will not stop until it is done,” she said.",
        quotes: &[speech(
            "“We will rebuild the bridge.\n\n\
             “We will not stop until it is done,”",
        )
        .paragraphs(2)],
    },
    Case {
        name: "closed_quotations_in_consecutive_paragraphs_stay_apart",
        settings: Settings::Default,
        text: "\"We will rebuild,\" the mayor said.\n\
               \"It will take years,\" she added.",
        quotes: &[
            speech("\"We will rebuild,\""),
            speech("\"It will take years,\""),
        ],
    },
    Case {
        name: "unclosed_quotation_ends_with_its_paragraph",
        settings: Settings::Default,
        text: "The mayor said \"we will rebuild the bridge by May.\n\
               The council voted on Tuesday.",
        quotes: &[speech("\"we will rebuild the bridge by May.").unclosed()],
    },
    Case {
        name: "long_quotation_never_closed_ends_with_its_last_paragraph",
        settings: Settings::Default,
        text: "“We will rebuild the bridge.\n\
               “It will take years, the mayor said\n\
               The council voted on Tuesday.",
        quotes: &[speech(
            "“We will rebuild the bridge.\n\
             “It will take years, the mayor said",
        )
        .unclosed()
        .paragraphs(2)],
    },
    Case {
        name: "quotation_runs_across_the_line_breaks_of_wrapped_text",
        settings: Settings::Default,
        text: "The mayor spoke for ten minutes. \"We will rebuild the bridge,\n\
               and we will do it this year,\" she told the council on\n\
               Monday.\n\n\
               The council voted on Tuesday.",
        quotes: &[speech(
            "\"We will rebuild the bridge,\n\
             and we will do it this year,\"",
        )],
    },
    Case {
        name: "line_break_inside_a_quotation_after_a_comma_in_a_text_without_blank_lines",
        settings: Settings::Default,
        text: "The mayor began \"Friends,\nI have news for you.\nThe bridge will open.\" \
               Then she sat down.",
        quotes: &[speech(
            "\"Friends,\nI have news for you.\nThe bridge will open.\"",
        )],
    },
    Case {
        name: "quotation_reopened_after_a_blank_line_of_wrapped_text_is_one_quotation",
        settings: Settings::Default,
        text: "\"We will rebuild the bridge, and we will start\n\
               in May.\n\n\
               \"The money is there,\" she said.",
        quotes: &[speech(
            "\"We will rebuild the bridge, and we will start\n\
             in May.\n\n\
             \"The money is there,\"",
        )
        .paragraphs(2)],
    },
    Case {
        name: "unclosed_quotation_of_wrapped_text_ends_at_the_blank_line",
        settings: Settings::Default,
        text: "The mayor said \"we will rebuild the bridge, and we will\n\
               start in May.\n\n\
               The council voted on Tuesday.",
        quotes: &[speech(
            "\"we will rebuild the bridge, and we will\n\
             start in May.",
        )
        .unclosed()],
    },
];

const APOSTROPHES: &[Case] = &[
    Case {
        name: "a_year_after_a_word_is_an_elision_but_a_number_opening_a_quotation_is_not",
        settings: Settings::SingleQuotesTopLevel,
        text: "She was in the class of '27 at Yale. The report found: '27 towns lost their \
               bridges,' the mayor said.",
        quotes: &[speech("'27 towns lost their bridges,'")],
    },
    Case {
        name: "a_straight_single_mark_before_an_ellipsis_opens",
        settings: Settings::SingleQuotesTopLevel,
        text: "'… and then the bridge fell,' the mayor said.",
        quotes: &[speech("'… and then the bridge fell,'")],
    },
    Case {
        name: "a_straight_double_mark_before_three_periods_opens",
        settings: Settings::Default,
        text: "The mayor went on: \"... and then the bridge fell,\" she said.",
        quotes: &[speech("\"... and then the bridge fell,\"")],
    },
    Case {
        name: "possessive_typed_with_a_space_before_its_s_is_an_apostrophe",
        settings: Settings::SingleQuotesTopLevel,
        text: "‘It is part of America’ s fabric, and we will keep it,’ she said.",
        quotes: &[speech(
            "‘It is part of America’ s fabric, and we will keep it,’",
        )],
    },
    Case {
        name: "elided_tis_is_not_a_mark",
        settings: Settings::Default,
        text: r#""'Tis the season for giving," the pastor said."#,
        quotes: &[speech(r#""'Tis the season for giving,""#)],
    },
    Case {
        name: "plural_possessive_apostrophes_are_not_marks",
        settings: Settings::Default,
        text: r#""Jones' cow broke the farmers' fence," the sheriff said."#,
        quotes: &[speech(r#""Jones' cow broke the farmers' fence,""#)],
    },
    Case {
        name: "rock_n_roll_apostrophes_are_not_marks",
        settings: Settings::Default,
        text: r#""We played rock 'n' roll all night," the drummer said."#,
        quotes: &[speech(r#""We played rock 'n' roll all night,""#)],
    },
    Case {
        name: "possessive_s_apostrophes_are_not_marks",
        settings: Settings::Default,
        text: r#""The dog's bowl and the cat's bed are gone," the owner said."#,
        quotes: &[speech(r#""The dog's bowl and the cat's bed are gone,""#)],
    },
    Case {
        name: "decade_elision_is_not_a_mark",
        settings: Settings::Default,
        text: "“It was the ’90s, and nobody cared,” the singer said.",
        quotes: &[speech("“It was the ’90s, and nobody cared,”")],
    },
    Case {
        name: "apostrophe_inside_an_irish_name_is_not_a_mark",
        settings: Settings::Default,
        text: "“O’Brien never showed up, and O’Neill left,” the coach said.",
        quotes: &[speech("“O’Brien never showed up, and O’Neill left,”")],
    },
    Case {
        name: "dropped_g_apostrophes_are_not_marks",
        settings: Settings::Default,
        text: r#""We're goin' home and stayin' there," the striker said."#,
        quotes: &[speech(r#""We're goin' home and stayin' there,""#)],
    },
    Case {
        name: "possessive_apostrophe_does_not_pair_with_a_nested_quotation",
        settings: Settings::Default,
        text: r#""Jones' cow was 'borrowed,' not stolen," the sheriff said."#,
        quotes: &[speech(r#""Jones' cow was 'borrowed,' not stolen,""#).nested(&["'borrowed,'"])],
    },
    Case {
        name: "elision_does_not_pair_with_a_nested_quotation",
        settings: Settings::Default,
        text: r#""'Tis the 'season' for it," the pastor said."#,
        quotes: &[speech(r#""'Tis the 'season' for it,""#).nested(&["'season'"])],
    },
    Case {
        name: "curly_elision_right_after_the_opening_mark_is_not_a_mark",
        settings: Settings::Default,
        text: "“’Tis the season for giving,” the pastor said.",
        quotes: &[speech("“’Tis the season for giving,”")],
    },
    Case {
        name: "plural_possessive_inside_a_nested_quotation_does_not_close_it",
        settings: Settings::Default,
        text: r#""He called it 'the Smiths' problem' on air," the host said."#,
        quotes: &[speech(r#""He called it 'the Smiths' problem' on air,""#)
            .nested(&["'the Smiths' problem'"])],
    },
    Case {
        name: "apostrophes_make_no_quotations_when_single_marks_are_top_level",
        settings: Settings::SingleQuotesTopLevel,
        text: "'Tis true that Jones' cow liked rock 'n' roll in the ’90s, O’Brien said, \
               and the dog's owner kept goin' on about it.",
        quotes: &[],
    },
    Case {
        name: "possessive_apostrophe_before_a_single_quoted_quotation",
        settings: Settings::SingleQuotesTopLevel,
        text: "The farmers' union said 'we are not done yet' on Monday.",
        quotes: &[speech("'we are not done yet'")],
    },
    Case {
        name: "dropped_g_apostrophe_inside_a_single_quoted_quotation",
        settings: Settings::SingleQuotesTopLevel,
        text: "'We are goin' home now,' the striker said.",
        quotes: &[speech("'We are goin' home now,'")],
    },
    Case {
        name: "decade_elision_inside_a_single_quoted_quotation",
        settings: Settings::SingleQuotesTopLevel,
        text: "‘The ’90s were wild,’ the singer said.",
        quotes: &[speech("‘The ’90s were wild,’")],
    },
];

const TYPING_SLIPS: &[Case] = &[
    Case {
        name: "unclosed_straight_mark_does_not_break_later_paragraphs",
        settings: Settings::Default,
        text: "The mayor said \"we will rebuild the bridge by May.\n\
               Her deputy said: \"It will take years.\"\n\
               Residents were \"furious,\" one shopkeeper said.",
        quotes: &[
            speech("\"we will rebuild the bridge by May.").unclosed(),
            speech("\"It will take years.\""),
            speech("\"furious,\""),
        ],
    },
    Case {
        name: "unclosed_curly_mark_does_not_break_later_paragraphs",
        settings: Settings::Default,
        text: "“We will win this, the coach said after practice.\n\
               A fan said: “It is over.”\n\
               Another called the season “a disaster.”",
        quotes: &[
            speech("“We will win this, the coach said after practice.").unclosed(),
            speech("“It is over.”"),
            speech("“a disaster.”"),
        ],
    },
    Case {
        name: "right_double_marks_on_both_sides_still_pair",
        settings: Settings::Default,
        text: "”We will rebuild the bridge,” the mayor said.",
        quotes: &[speech("”We will rebuild the bridge,”")],
    },
    Case {
        name: "left_double_marks_on_both_sides_still_pair",
        settings: Settings::Default,
        text: "“We will rebuild the bridge,“ the mayor said.",
        quotes: &[speech("“We will rebuild the bridge,“")],
    },
    Case {
        name: "straight_opener_with_curly_closer_still_pairs",
        settings: Settings::Default,
        text: "\"We will rebuild the bridge,” the mayor said.",
        quotes: &[speech("\"We will rebuild the bridge,”")],
    },
    Case {
        name: "stray_curly_closer_glued_to_a_word_is_skipped",
        settings: Settings::Default,
        text: "The plan was final” and the mayor left. Later she said: “We will rebuild.”",
        quotes: &[speech("“We will rebuild.”")],
    },
    Case {
        name: "stray_straight_closer_glued_to_a_word_is_skipped",
        settings: Settings::Default,
        text: "The plan was final\" and the mayor left. Later she said: \"We will rebuild.\"",
        quotes: &[speech("\"We will rebuild.\"")],
    },
    Case {
        name: "straight_opener_glued_to_a_colon",
        settings: Settings::Default,
        text: r#"Her reply:"We will see." Then she left."#,
        quotes: &[speech(r#""We will see.""#)],
    },
];

const SETTINGS: &[Case] = &[
    Case {
        name: "single_marks_at_top_level_are_ignored_when_asked",
        settings: Settings::SingleQuotesNestedOnly,
        text: "'We will rebuild,' the mayor said.",
        quotes: &[],
    },
    Case {
        name: "a_text_quoting_in_single_marks_is_found_by_default",
        settings: Settings::Default,
        text: "'We will rebuild,' the mayor said.",
        quotes: &[speech("'We will rebuild,'")],
    },
    Case {
        name: "curly_single_marks_with_double_ones_nested_are_found_by_default",
        settings: Settings::Default,
        text:
            "‘He told me “not this year” again,’ the mayor said. ‘It will take years,’ she added.",
        quotes: &[
            speech("‘He told me “not this year” again,’").nested(&["“not this year”"]),
            speech("‘It will take years,’"),
        ],
    },
    Case {
        name: "straight_single_marks_with_double_ones_nested_are_found_by_default",
        settings: Settings::Default,
        text: "'He told me \"not this year\" again,' the mayor said. 'We don't know,' she added.",
        quotes: &[
            speech("'He told me \"not this year\" again,'").nested(&["\"not this year\""]),
            speech("'We don't know,'"),
        ],
    },
    Case {
        name: "apostrophes_alone_never_make_a_text_single_quoted",
        settings: Settings::Default,
        text: "In the ’90s Jones’ cow and the players’ union liked rock ’n’ roll; they don’t \
               know what o’clock it is. In the '90s Jones' cow and the players' union liked \
               rock 'n' roll; they don't know what o'clock it is.",
        quotes: &[],
    },
    Case {
        name: "apostrophes_in_a_single_quoted_text_stay_apostrophes",
        settings: Settings::Default,
        text: "‘In the ’90s Jones’ cow and the players’ union liked rock ’n’ roll,’ she said. \
               ‘They don’t know what o’clock it is.’",
        quotes: &[
            speech("‘In the ’90s Jones’ cow and the players’ union liked rock ’n’ roll,’"),
            speech("‘They don’t know what o’clock it is.’"),
        ],
    },
    Case {
        name: "single_quoted_words_in_a_text_quoting_in_double_marks_stay_unquoted",
        settings: Settings::Default,
        text: "Mayor Says Bridge Is 'Doomed'\n\n\"We will rebuild,\" she said. \"It will take \
               years,\" her deputy added.",
        quotes: &[
            speech("\"We will rebuild,\""),
            speech("\"It will take years,\""),
        ],
    },
    Case {
        name: "single_quotation_reopened_in_each_paragraph_is_one_quotation",
        settings: Settings::Default,
        text: "The mayor spoke.\n\n‘We will rebuild the bridge.\n\n‘It will take years,’ she \
               said.",
        quotes: &[speech("‘We will rebuild the bridge.\n\n‘It will take years,’").paragraphs(2)],
    },
    Case {
        name: "single_marks_delimit_top_level_quotations_when_asked",
        settings: Settings::SingleQuotesTopLevel,
        text: "'We will rebuild,' the mayor said. ‘It will take years,’ she added.",
        quotes: &[
            speech("'We will rebuild,'"),
            speech("‘It will take years,’"),
        ],
    },
    Case {
        name: "double_marks_nest_inside_top_level_single_marks",
        settings: Settings::SingleQuotesTopLevel,
        text: r#"'He told me "not this year" again,' the mayor said."#,
        quotes: &[speech(r#"'He told me "not this year" again,'"#).nested(&[r#""not this year""#])],
    },
    Case {
        name: "unclosed_quotations_are_dropped_when_asked",
        settings: Settings::DropUnclosed,
        text: "The mayor said \"we will rebuild the bridge by May.\n\
               Her deputy said: \"It will take years.\"",
        quotes: &[speech("\"It will take years.\"")],
    },
    Case {
        name: "dropping_unclosed_quotations_keeps_multi_paragraph_ones",
        settings: Settings::DropUnclosed,
        text: "\"We will rebuild the bridge.\n\
               \"We will not stop until it is done,\" she said.",
        quotes: &[speech(
            "\"We will rebuild the bridge.\n\
             \"We will not stop until it is done,\"",
        )
        .paragraphs(2)],
    },
    Case {
        name: "without_guillemets_guillemets_are_ignored",
        settings: Settings::Without(MarkFamily::Guillemet),
        text: "«We will rebuild», the mayor said. \"It will take years,\" she added.",
        quotes: &[speech("\"It will take years,\"")],
    },
    Case {
        name: "without_straight_marks_straight_marks_are_ignored",
        settings: Settings::Without(MarkFamily::Straight),
        text: "\"Yes,\" she said. “No,” he said.",
        quotes: &[speech("“No,”")],
    },
    Case {
        name: "without_curly_marks_curly_marks_are_ignored",
        settings: Settings::Without(MarkFamily::Curly),
        text: "\"Yes,\" she said. “No,” he said.",
        quotes: &[speech("\"Yes,\"")],
    },
    Case {
        name: "without_two_apostrophes_they_are_ignored",
        settings: Settings::Without(MarkFamily::TwoApostrophes),
        text: "''We will rebuild,'' the mayor said. \"It will take years,\" she added.",
        quotes: &[speech("\"It will take years,\"")],
    },
    Case {
        name: "without_latex_marks_backticks_are_ignored",
        settings: Settings::Without(MarkFamily::Latex),
        text: "``We will rebuild,'' the mayor said. \"It will take years,\" she added.",
        quotes: &[speech("\"It will take years,\"")],
    },
    Case {
        name: "without_corner_brackets_they_are_ignored",
        settings: Settings::Without(MarkFamily::Corner),
        text: "市長は「橋を必ず再建する」と述べた。",
        quotes: &[],
    },
];

const KINDS: &[Case] = &[
    Case {
        name: "title_case_span_after_a_possessive_is_a_title",
        settings: Settings::Default,
        text: r#"The mayor appeared on ABC's "Good Morning America" and said little."#,
        quotes: &[speech(r#""Good Morning America""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_after_a_possessive_stays_a_title_beside_a_speech_verb",
        settings: Settings::Default,
        text: r#"Hart said she watches NBC's "Meet the Press" every Sunday."#,
        quotes: &[speech(r#""Meet the Press""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_span_with_no_speech_verb_is_a_title",
        settings: Settings::Default,
        text: r#"The band played "Sweet Home Alabama" twice on Friday."#,
        quotes: &[speech(r#""Sweet Home Alabama""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_span_with_a_speech_verb_is_speech",
        settings: Settings::Default,
        text: r#""Never Again," the survivor said."#,
        quotes: &[speech(r#""Never Again,""#)],
    },
    Case {
        name: "title_case_span_between_first_and_last_name_is_a_nickname",
        settings: Settings::Default,
        text: r#"Tony "Big Tuna" Russo arrived late to the hearing."#,
        quotes: &[speech(r#""Big Tuna""#).kind(QuoteKind::Nickname)],
    },
    Case {
        name: "nickname_between_names_stays_a_nickname_beside_a_speech_verb",
        settings: Settings::Default,
        text: r#"Tony "Big Tuna" Russo said nothing at the hearing."#,
        quotes: &[speech(r#""Big Tuna""#).kind(QuoteKind::Nickname)],
    },
    Case {
        name: "title_with_a_comma_inside_its_closing_mark_is_a_title",
        settings: Settings::Default,
        text: r#"She starred in "The Last Harbor," a film about fishermen."#,
        quotes: &[speech(r#""The Last Harbor,""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "span_after_so_called_is_a_scare_quote",
        settings: Settings::Default,
        text: r#"The so-called "experts" were wrong again."#,
        quotes: &[speech(r#""experts""#).kind(QuoteKind::ScareQuote)],
    },
    Case {
        name: "span_after_so_called_is_a_scare_quote_even_beside_a_speech_verb",
        settings: Settings::Default,
        text: r#"The so-called "soft landing" is near, economists said."#,
        quotes: &[speech(r#""soft landing""#).kind(QuoteKind::ScareQuote)],
    },
    Case {
        name: "title_case_span_after_so_called_is_a_title",
        settings: Settings::Default,
        text: r#"The so-called "Gang of Six" met again, senators said."#,
        quotes: &[speech(r#""Gang of Six""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "span_after_known_as_and_a_determiner_is_a_scare_quote",
        settings: Settings::Default,
        text: r#"The plan, known as the "fast track," was dropped, officials said."#,
        quotes: &[speech(r#""fast track,""#).kind(QuoteKind::ScareQuote)],
    },
    Case {
        name: "span_before_as_they_call_it_is_a_scare_quote",
        settings: Settings::Default,
        text: r#"The "soft landing," as they call it, never came, the report said."#,
        quotes: &[speech(r#""soft landing,""#).kind(QuoteKind::ScareQuote)],
    },
    Case {
        name: "span_before_as_it_is_known_is_a_scare_quote",
        settings: Settings::Default,
        text: r#"The "fast track" as it is known was dropped, officials said."#,
        quotes: &[speech(r#""fast track""#).kind(QuoteKind::ScareQuote)],
    },
    Case {
        name: "span_before_which_is_defined_as_is_a_scare_quote",
        settings: Settings::Default,
        text: r#"Loans go to a "distressed district," which is defined as a poor one, officials said."#,
        quotes: &[speech(r#""distressed district,""#).kind(QuoteKind::ScareQuote)],
    },
    Case {
        name: "span_before_as_he_called_it_stays_his_words",
        settings: Settings::Default,
        text: r#"The "soft landing," as he called it, never came."#,
        quotes: &[speech(r#""soft landing,""#)],
    },
    Case {
        name: "title_case_span_after_the_nickname_is_a_title",
        settings: Settings::Default,
        text: r#"He gave his rival the nickname "Sleepy Sam," reporters said."#,
        quotes: &[speech(r#""Sleepy Sam,""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_after_a_noun_naming_a_work_beside_a_speech_verb",
        settings: Settings::Default,
        text: r#"She watched the documentary "Deep Water" on Sunday, she said."#,
        quotes: &[speech(r#""Deep Water""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_after_a_noun_naming_a_work_and_a_comma",
        settings: Settings::Default,
        text: r#"In his new book, "The Long Road," the senator said he regrets nothing."#,
        quotes: &[speech(r#""The Long Road,""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_after_of_and_a_noun_naming_a_work",
        settings: Settings::Default,
        text: r#"On this week's episode of "Town Square," the mayor said the bridge would open."#,
        quotes: &[speech(r#""Town Square,""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_after_of_and_a_role_in_a_work",
        settings: Settings::Default,
        text: r#"Ann Lee, the host of "Town Square," said she was leaving."#,
        quotes: &[speech(r#""Town Square,""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_before_a_noun_naming_a_work",
        settings: Settings::Default,
        text: r#"The "Town Square" broadcast drew a record audience, the station said."#,
        quotes: &[speech(r#""Town Square""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_span_ending_in_a_noun_naming_a_work_is_a_title",
        settings: Settings::Default,
        text: r#"The mayor said she would attend the "Riverton Harbor Forum" next week."#,
        quotes: &[speech(r#""Riverton Harbor Forum""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_span_after_titled_is_a_title",
        settings: Settings::Default,
        text: r#"The campaign released an ad titled "Never Again" on Monday, aides said."#,
        quotes: &[speech(r#""Never Again""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_span_after_starred_in_or_sang_is_a_title",
        settings: Settings::Default,
        text: r#"Ann Lee, who starred in "The Long Night," said she sang "Amazing Grace" twice."#,
        quotes: &[
            speech(r#""The Long Night,""#).kind(QuoteKind::Title),
            speech(r#""Amazing Grace""#).kind(QuoteKind::Title),
        ],
    },
    Case {
        name: "title_case_span_before_by_and_a_name_is_a_work_by_its_author",
        settings: Settings::Default,
        text: r#"One of her reads, "The Long Road," by Tom Hale, is about the war, she said. "It was a witch hunt" by the council, Ann Lee said."#,
        quotes: &[
            speech(r#""The Long Road,""#).kind(QuoteKind::Title),
            speech(r#""It was a witch hunt""#),
        ],
    },
    Case {
        name: "sentence_case_span_after_titled_stays_speech",
        settings: Settings::Default,
        text: r#"The senator wrote a column titled "why the bridge must wait," aides said."#,
        quotes: &[speech(r#""why the bridge must wait,""#)],
    },
    Case {
        name: "title_case_span_after_a_noun_and_called_is_a_title",
        settings: Settings::Default,
        text: r#"She founded a group called "Parents For Bridges," she said."#,
        quotes: &[speech(r#""Parents For Bridges,""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_span_after_a_possessive_determiner_is_a_title",
        settings: Settings::Default,
        text: r#"The senator defended his 2014 "Contract for Riverton" at the debate, aides said."#,
        quotes: &[speech(r#""Contract for Riverton""#).kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_quotation_alone_in_its_paragraph_is_a_heading",
        settings: Settings::Default,
        text: "The mayor spoke for an hour, aides said.\n\n\"All Bets Are Off.\"\n\nThe council voted.",
        quotes: &[speech("\"All Bets Are Off.\"").kind(QuoteKind::Title)],
    },
    Case {
        name: "title_case_quotation_over_two_paragraphs_is_no_heading",
        settings: Settings::Default,
        text: "“Build The Bridge Now\n“And Then Some,” the crowd chanted.",
        quotes: &[speech("“Build The Bridge Now\n“And Then Some,”").paragraphs(2)],
    },
    Case {
        name: "a_short_reply_alone_in_its_paragraph_stays_speech",
        settings: Settings::Default,
        text: "The mayor was asked whether she would run.\n\n\"No.\"\n\nThe council voted.",
        quotes: &[speech("\"No.\"")],
    },
    Case {
        name: "title_case_spans_in_a_list_with_a_title_are_titles",
        settings: Settings::Default,
        text: r#"She starred in the series "Harbor Lights" and "The Long Road," her agent said."#,
        quotes: &[
            speech(r#""Harbor Lights""#).kind(QuoteKind::Title),
            speech(r#""The Long Road,""#).kind(QuoteKind::Title),
        ],
    },
    Case {
        name: "title_case_speech_in_a_list_without_a_title_stays_speech",
        settings: Settings::Default,
        text: r#"The crowd chanted "Build It Now" and "No More Delays," organizers said."#,
        quotes: &[speech(r#""Build It Now""#), speech(r#""No More Delays,""#)],
    },
    Case {
        name: "lower_case_fragment_after_called_is_reported_speech",
        settings: Settings::Default,
        text: r#"The candidate called them "deplorables" at a rally."#,
        quotes: &[speech(r#""deplorables""#)],
    },
    Case {
        name: "lower_case_fragment_without_a_speech_verb_is_reported_speech",
        settings: Settings::Default,
        text: r#"Residents were "furious" about the new tax."#,
        quotes: &[speech(r#""furious""#)],
    },
];

/// Cases of the kinds the quote tests of Stanford CoreNLP and textacy
/// check, in invented sentences.
const PEERS: &[Case] = &[
    Case {
        name: "latex_doubles_nested_three_deep_close_in_one_run_of_apostrophes",
        settings: Settings::Default,
        text: "``Ann heard ``Bo say ``no'''''' and left.",
        quotes: &[speech("``Ann heard ``Bo say ``no''''''").nested(&["``Bo say ``no''''"])],
    },
    Case {
        name: "latex_double_and_single_openers_close_in_one_run_of_apostrophes",
        settings: Settings::Default,
        text: "``Ann heard ``Bo say `go ``now''''''' and left.",
        quotes: &[
            speech("``Ann heard ``Bo say `go ``now'''''''").nested(&["``Bo say `go ``now'''''"])
        ],
    },
    Case {
        name: "latex_quotations_nested_and_closed_one_by_one",
        settings: Settings::Default,
        text: "``Ann heard ``Bo say ``no'' twice'' today,'' she said.",
        quotes: &[speech("``Ann heard ``Bo say ``no'' twice'' today,''")
            .nested(&["``Bo say ``no'' twice''"])],
    },
    Case {
        name: "curly_doubles_nested_three_deep_close_together",
        settings: Settings::Default,
        text: "“Ann heard “Bo say “no””” she said.",
        quotes: &[speech("“Ann heard “Bo say “no”””").nested(&["“Bo say “no””"])],
    },
    Case {
        name: "unicode_marks_of_two_kinds_nested_close_one_by_one",
        settings: Settings::Default,
        text: "“Ann heard «Bo say “no” twice» today,” she said.",
        quotes: &[speech("“Ann heard «Bo say “no” twice» today,”").nested(&["«Bo say “no” twice»"])],
    },
    Case {
        name: "elisions_and_same_kind_nesting_in_a_quotation_over_a_line_break",
        settings: Settings::Default,
        text: "\"'Tis late, “Ann said 'tis “Mr. Bo” Bo”, and 'tis cold and\n wet; can we go?\"",
        quotes: &[speech(
            "\"'Tis late, “Ann said 'tis “Mr. Bo” Bo”, and 'tis cold and\n wet; can we go?\"",
        )
        .nested(&["“Ann said 'tis “Mr. Bo” Bo”"])],
    },
    Case {
        name: "elision_at_the_start_of_a_double_quoted_quotation",
        settings: Settings::Default,
        text: "\"'Tis the season,\" the mayor said.",
        quotes: &[speech("\"'Tis the season,\"")],
    },
    Case {
        name: "elision_at_the_start_of_a_single_quoted_quotation",
        settings: Settings::SingleQuotesTopLevel,
        text: "''Tis the season,' the mayor said. 'We went home early,' she added.",
        quotes: &[
            speech("''Tis the season,'"),
            speech("'We went home early,'"),
        ],
    },
    Case {
        name: "possessive_apostrophe_before_a_closing_double_mark",
        settings: Settings::Default,
        text: "\"The fault is the owners',\" the coach said.",
        quotes: &[speech("\"The fault is the owners',\"")],
    },
    Case {
        name: "possessive_apostrophe_before_a_closing_single_mark",
        settings: Settings::SingleQuotesTopLevel,
        text: "'The fault is the owners',' the coach said.",
        quotes: &[speech("'The fault is the owners','")],
    },
    Case {
        name: "possessive_apostrophe_inside_a_single_quoted_quotation",
        settings: Settings::SingleQuotesTopLevel,
        text: "'We borrowed the Joneses' car,' she said.",
        quotes: &[speech("'We borrowed the Joneses' car,'")],
    },
    Case {
        name: "stray_single_mark_opening_the_text_costs_nothing_after_it",
        settings: Settings::Default,
        text: "'Run, all of you,\" a stunned Ann Lee told the crowd. The mayor promised \
               \"a full inquiry\" on Monday.",
        quotes: &[speech("\"a full inquiry\"")],
    },
    Case {
        name: "free_standing_straight_mark_that_nothing_closes_is_a_stray",
        settings: Settings::Default,
        text: "Well,   \" the mayor said. The vote is on Monday.",
        quotes: &[],
    },
    Case {
        name: "free_standing_straight_mark_costs_nothing_to_the_single_quotation_after_it",
        settings: Settings::SingleQuotesTopLevel,
        text: "Well,   \" the mayor said, 'we will see.'",
        quotes: &[speech("'we will see.'")],
    },
];

/// Characters around the text: byte order marks, markup and HTML character
/// references.
const CHARACTERS: &[Case] = &[
    Case {
        name: "byte_order_mark_before_the_text_is_skipped",
        settings: Settings::Default,
        text: "\u{FEFF}\"We will win,\" Senator Jane Roe said.",
        quotes: &[speech("\"We will win,\"")],
    },
    Case {
        name: "zero_width_space_before_a_straight_mark_counts_as_a_space",
        settings: Settings::Default,
        text: "The mayor said\u{200B}\"we will win\" twice.",
        quotes: &[speech("\"we will win\"")],
    },
    Case {
        name: "straight_mark_after_an_html_tag_opens",
        settings: Settings::Default,
        text: "<p>\"We underestimated it,\" she said.</p>",
        quotes: &[speech("\"We underestimated it,\"")],
    },
    Case {
        name: "straight_mark_after_bracketed_markup_opens",
        settings: Settings::Default,
        text: "[quote]\"We underestimated it,\" she said.[/quote]",
        quotes: &[speech("\"We underestimated it,\"")],
    },
    Case {
        name: "straight_mark_after_an_opening_parenthesis_opens",
        settings: Settings::Default,
        text: "(\"We underestimated it,\" she said.)",
        quotes: &[speech("\"We underestimated it,\"")],
    },
    Case {
        name: "straight_mark_at_the_start_of_a_line_opens",
        settings: Settings::Default,
        text: "The mayor spoke.\n\"We will rebuild,\" she said.",
        quotes: &[speech("\"We will rebuild,\"")],
    },
    Case {
        name: "single_mark_after_an_html_tag_opens",
        settings: Settings::SingleQuotesTopLevel,
        text: "<p>'We underestimated it,' she said.</p>",
        quotes: &[speech("'We underestimated it,'")],
    },
    Case {
        name: "marks_of_a_markup_attribute_are_not_quotations",
        settings: Settings::Default,
        text: "<a title=“Profile” href='x'>\"We underestimated it,\" she said.</a>",
        quotes: &[speech("\"We underestimated it,\"")],
    },
    Case {
        name: "single_marks_of_a_markup_attribute_are_not_quotations",
        settings: Settings::SingleQuotesTopLevel,
        text: "<a title=‘Profile’>‘We underestimated it,’ she said.</a>",
        quotes: &[speech("‘We underestimated it,’")],
    },
    Case {
        name: "quot_references_are_straight_marks",
        settings: Settings::Default,
        text: "&quot;We will win,&quot; Roe said.",
        quotes: &[speech("&quot;We will win,&quot;")],
    },
    Case {
        name: "named_references_of_curly_marks_pair",
        settings: Settings::Default,
        text: "&ldquo;We will win,&rdquo; Roe said.",
        quotes: &[speech("&ldquo;We will win,&rdquo;")],
    },
    Case {
        name: "decimal_and_hexadecimal_references_pair",
        settings: Settings::Default,
        text: "&#8220;We will win,&#x201D; Roe said. &#34;We are ready,&#X22; she added.",
        quotes: &[
            speech("&#8220;We will win,&#x201D;"),
            speech("&#34;We are ready,&#X22;"),
        ],
    },
    Case {
        name: "guillemet_references_pair",
        settings: Settings::Default,
        text: "&laquo;We will win&raquo;, Roe said.",
        quotes: &[speech("&laquo;We will win&raquo;")],
    },
    Case {
        name: "single_mark_references_nest",
        settings: Settings::Default,
        text: "&ldquo;He called it &lsquo;a fantasy&rsquo; twice,&rdquo; she said.",
        quotes: &[speech("&ldquo;He called it &lsquo;a fantasy&rsquo; twice,&rdquo;")
            .nested(&["&lsquo;a fantasy&rsquo;"])],
    },
    Case {
        name: "apostrophe_references_inside_words_are_not_marks",
        settings: Settings::Default,
        text: "&ldquo;We won&rsquo;t lose Clinton&#8217;s lead, it&#39;s ours,&rdquo; she said.",
        quotes: &[speech(
            "&ldquo;We won&rsquo;t lose Clinton&#8217;s lead, it&#39;s ours,&rdquo;",
        )],
    },
    Case {
        name: "two_apostrophe_references_make_a_double_mark",
        settings: Settings::Default,
        text: "&#39;&#39;We will win,&#39;&#39; Roe said.",
        quotes: &[speech("&#39;&#39;We will win,&#39;&#39;")],
    },
    Case {
        name: "references_inside_markup",
        settings: Settings::Default,
        text: "<p>&quot;We underestimated it,&quot; she said.</p>",
        quotes: &[speech("&quot;We underestimated it,&quot;")],
    },
    Case {
        name: "references_of_other_characters_and_broken_ones_are_left_alone",
        settings: Settings::Default,
        text: "Ben &amp; Jerry said &quot;no&quot; twice, AT&T said &quot yes &#; &#x; &#99999999; &bogus;",
        quotes: &[speech("&quot;no&quot;")],
    },
];

/// The quotations nested in `q`, depth first, each with its depth.
fn tree(q: &whosaid::Quote<'_>, depth: usize, out: &mut Vec<(usize, String)>) {
    out.push((depth, q.as_str().to_string()));
    for n in q.nested() {
        tree(n, depth + 1, out);
    }
}

#[test]
fn marks_nested_three_deep_form_a_chain() {
    let cases: &[(&str, &[&str])] = &[
        (
            "``Ann heard ``Bo say ``no'''''' and left.",
            &[
                "``Ann heard ``Bo say ``no''''''",
                "``Bo say ``no''''",
                "``no''",
            ],
        ),
        (
            "``Ann heard ``Bo say `go ``now''''''' and left.",
            &[
                "``Ann heard ``Bo say `go ``now'''''''",
                "``Bo say `go ``now'''''",
                "`go ``now'''",
                "``now''",
            ],
        ),
        (
            "“Ann heard «Bo say “no” twice» today,” she said.",
            &[
                "“Ann heard «Bo say “no” twice» today,”",
                "«Bo say “no” twice»",
                "“no”",
            ],
        ),
        (
            "“Ann heard “Bo say “no””” she said.",
            &["“Ann heard “Bo say “no”””", "“Bo say “no””", "“no”"],
        ),
    ];
    for (text, chain) in cases {
        let result = whosaid::attribute(text);
        let mut found = Vec::new();
        for aq in result.quotes() {
            tree(aq.quote(), 0, &mut found);
        }
        let want: Vec<(usize, String)> = chain
            .iter()
            .enumerate()
            .map(|(d, s)| (d, s.to_string()))
            .collect();
        assert_eq!(found, want, "{text:?}");
    }
}

#[test]
fn every_mark_style_pairs() {
    check(MARK_STYLES);
}

#[test]
fn quotations_nest() {
    check(NESTING);
}

#[test]
fn quotations_follow_paragraphs() {
    check(PARAGRAPHS);
}

#[test]
fn apostrophes_are_never_marks() {
    check(APOSTROPHES);
}

#[test]
fn typing_slips_are_forgiven() {
    check(TYPING_SLIPS);
}

#[test]
fn settings_change_what_counts() {
    check(SETTINGS);
}

#[test]
fn quoted_spans_get_their_kind() {
    check(KINDS);
}

#[test]
fn peers_test_cases_pass() {
    check(PEERS);
}

#[test]
fn characters_around_the_text_are_read_as_they_are_meant() {
    check(CHARACTERS);
}
