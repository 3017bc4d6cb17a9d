//! The table harness shared by the speaker tests: a case is a text and the
//! speaker expected for some of its quotations.

#![allow(dead_code)]

use whosaid::{attribute, Rule};

pub struct Case {
    pub name: &'static str,
    pub text: &'static str,
    pub want: &'static [Want],
}

/// The expected speaker of one quotation.
pub struct Want {
    /// How the quotation begins, opening mark included.
    quote: &'static str,
    /// The text of the speaker mention.
    speaker: &'static str,
    /// The canonical name of the speaker's entity, or `None` for no entity.
    entity: Option<&'static str>,
    rule: Rule,
}

pub const fn want(
    quote: &'static str,
    speaker: &'static str,
    entity: Option<&'static str>,
    rule: Rule,
) -> Want {
    Want {
        quote,
        speaker,
        entity,
        rule,
    }
}

/// What was found for one quotation, in a form that compares and prints well.
#[derive(Debug, PartialEq)]
struct Found {
    speaker: String,
    entity: Option<String>,
    rule: Rule,
}

pub fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let result = attribute(case.text);
        for w in case.want {
            let quote = result
                .speech()
                .find(|q| q.quote().as_str().starts_with(w.quote));
            let Some(quote) = quote else {
                let speech: Vec<&str> = result.speech().map(|q| q.quote().as_str()).collect();
                failures.push(format!(
                    "case {}: no quotation of reported speech begins with {:?}\n  text: {:?}\n  \
                     speech found: {speech:?}",
                    case.name, w.quote, case.text
                ));
                continue;
            };
            let got = quote.speaker().map(|s| Found {
                speaker: s.mention_text().to_string(),
                entity: s.entity().and_then(|e| e.name()).map(str::to_string),
                rule: s.rule(),
            });
            let expected = Some(Found {
                speaker: w.speaker.to_string(),
                entity: w.entity.map(str::to_string),
                rule: w.rule,
            });
            if got != expected {
                failures.push(format!(
                    "case {}: quotation {:?}\n  text: {:?}\n  want: {expected:?}\n  got:  {got:?}",
                    case.name,
                    quote.quote().as_str(),
                    case.text
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} expectations failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
