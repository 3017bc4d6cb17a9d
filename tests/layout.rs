//! Paragraphs from the text's own layout, one case per way text is laid out.
//!
//! Each case names the reason it exists, gives a short invented text, and
//! lists the layout the tokenizer should judge it to have and the
//! paragraphs it should find (each paragraph's text from its first token to
//! its last).

use whosaid::{Layout, Tokenizer};

struct Case {
    name: &'static str,
    text: &'static str,
    layout: Layout,
    paragraphs: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "one_paragraph_a_line_without_blank_lines",
        text: "The council met on Monday.\nThe vote was close.\nThe mayor left early.",
        layout: Layout::ParagraphPerLine,
        paragraphs: &[
            "The council met on Monday.",
            "The vote was close.",
            "The mayor left early.",
        ],
    },
    Case {
        name: "one_paragraph_a_line_with_blank_lines_between",
        text: "The council met on Monday.\n\nThe vote was close.\n\nThe mayor left early.",
        layout: Layout::ParagraphPerLine,
        paragraphs: &[
            "The council met on Monday.",
            "The vote was close.",
            "The mayor left early.",
        ],
    },
    Case {
        name: "headline_byline_and_dateline_lines_stay_paragraphs",
        text:
            "Council Approves the New Bridge\nBy Jane Roe\nRIVERTON — The council voted on Monday.",
        layout: Layout::ParagraphPerLine,
        paragraphs: &[
            "Council Approves the New Bridge",
            "By Jane Roe",
            "RIVERTON — The council voted on Monday.",
        ],
    },
    Case {
        name: "a_list_of_short_capitalised_lines_stays_a_list",
        text: "What the mayor must do:\nFix the bridge\nHire more drivers\nLower the fares.",
        layout: Layout::ParagraphPerLine,
        paragraphs: &[
            "What the mayor must do:",
            "Fix the bridge",
            "Hire more drivers",
            "Lower the fares.",
        ],
    },
    Case {
        name: "wrapped_paragraphs_separated_by_a_blank_line",
        text: "The council met on Monday to decide the future of the old bridge, which\n\
               has been closed since the spring floods damaged its piers.\n\
               \n\
               The vote was close, and the mayor left before the count was\n\
               announced.",
        layout: Layout::Wrapped,
        paragraphs: &[
            "The council met on Monday to decide the future of the old bridge, which\n\
             has been closed since the spring floods damaged its piers.",
            "The vote was close, and the mayor left before the count was\n\
             announced.",
        ],
    },
    Case {
        name: "wrapped_text_without_blank_lines_is_one_paragraph",
        text: "The council met on Monday to decide the future of the old\n\
               bridge, which has been closed since the spring.",
        layout: Layout::Wrapped,
        paragraphs: &[
            "The council met on Monday to decide the future of the old\n\
                       bridge, which has been closed since the spring.",
        ],
    },
    Case {
        name: "a_line_ending_in_a_comma_and_a_closing_mark_continues_the_sentence",
        text: "\"We will win,\"\nSenator Jane Roe said.",
        layout: Layout::Wrapped,
        paragraphs: &["\"We will win,\"\nSenator Jane Roe said."],
    },
    Case {
        name: "a_third_of_the_single_breaks_inside_sentences_makes_the_text_wrapped",
        text: "Fix the bridge\nHire more drivers\nLower the fares for\nstudents.",
        layout: Layout::Wrapped,
        paragraphs: &["Fix the bridge\nHire more drivers\nLower the fares for\nstudents."],
    },
    Case {
        name: "fewer_than_a_third_of_the_single_breaks_inside_sentences_keeps_lines",
        text: "Fix the bridge\nHire more drivers\nCut the fares\nLower the fares for\nstudents.",
        layout: Layout::ParagraphPerLine,
        paragraphs: &[
            "Fix the bridge",
            "Hire more drivers",
            "Cut the fares",
            "Lower the fares for",
            "students.",
        ],
    },
    Case {
        name: "carriage_return_and_line_feed_are_one_line_break",
        text:
            "The vote was close, and the mayor left\r\nbefore the count.\r\n\r\nShe said nothing.",
        layout: Layout::Wrapped,
        paragraphs: &[
            "The vote was close, and the mayor left\r\nbefore the count.",
            "She said nothing.",
        ],
    },
    Case {
        name: "a_line_of_spaces_is_a_blank_line",
        text: "The vote was close, and the mayor left\nbefore the count.\n   \t\nShe said nothing.",
        layout: Layout::Wrapped,
        paragraphs: &[
            "The vote was close, and the mayor left\nbefore the count.",
            "She said nothing.",
        ],
    },
    Case {
        name: "a_paragraph_separator_ends_a_paragraph_of_wrapped_text",
        text: "The vote was close, and the mayor left\nbefore the count.\u{2029}She said nothing.",
        layout: Layout::Wrapped,
        paragraphs: &[
            "The vote was close, and the mayor left\nbefore the count.",
            "She said nothing.",
        ],
    },
    Case {
        name: "a_form_feed_ends_a_paragraph_of_wrapped_text",
        text: "The vote was close, and the mayor left\nbefore the count.\u{c}She said nothing.",
        layout: Layout::Wrapped,
        paragraphs: &[
            "The vote was close, and the mayor left\nbefore the count.",
            "She said nothing.",
        ],
    },
    Case {
        name: "a_line_separator_is_a_single_line_break",
        text: "The vote was close, and the mayor left\u{2028}before the count.",
        layout: Layout::Wrapped,
        paragraphs: &["The vote was close, and the mayor left\u{2028}before the count."],
    },
    Case {
        name: "blank_lines_alone_do_not_make_a_wrapped_text",
        text: "The council met.\n\n\n\nThe vote was close.",
        layout: Layout::ParagraphPerLine,
        paragraphs: &["The council met.", "The vote was close."],
    },
    Case {
        name: "line_breaks_before_the_first_and_after_the_last_word_count_for_nothing",
        text: "\n\nThe vote was close, and the mayor left\nbefore the count.\n\n",
        layout: Layout::Wrapped,
        paragraphs: &["The vote was close, and the mayor left\nbefore the count."],
    },
];

#[test]
fn paragraphs_follow_the_layout() {
    let mut failures = Vec::new();
    for case in CASES {
        let doc = Tokenizer::new().tokenize(case.text);
        let paragraphs: Vec<&str> = doc
            .paragraphs()
            .iter()
            .map(|p| &case.text[p.span()])
            .collect();
        if doc.layout() != case.layout || paragraphs != case.paragraphs {
            failures.push(format!(
                "case {}\n  text: {:?}\n  want: {:?} {:?}\n  got:  {:?} {:?}",
                case.name,
                case.text,
                case.layout,
                case.paragraphs,
                doc.layout(),
                paragraphs
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n\n")
    );
}

#[test]
fn a_sentence_runs_across_a_line_break_of_wrapped_text() {
    let text = "The council met on Monday to decide the future of the old\n\
                bridge. The vote was close, and the mayor left before the\n\
                count.";
    let doc = Tokenizer::new().tokenize(text);
    let sentences: Vec<&str> = doc.sentences().iter().map(|s| &text[s.span()]).collect();
    assert_eq!(
        sentences,
        [
            "The council met on Monday to decide the future of the old\nbridge.",
            "The vote was close, and the mayor left before the\ncount."
        ]
    );
}
