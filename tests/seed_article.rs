//! The seed article of the project brief: every quotation and its speaker.

use whosaid::{attribute, QuoteKind, Rule};

const ARTICLE: &str = include_str!("fixtures/mattis-islamabad.txt");

/// One row of the table in the issue: how the quotation begins, which
/// entity names (canonical) are acceptable, and the mention when it matters.
struct Row {
    begins: &'static str,
    entities: &'static [&'static str],
    mention: Option<&'static str>,
}

const ROWS: &[Row] = &[
    Row {
        begins: "\"redouble\"",
        entities: &["Jim Mattis"],
        mention: None,
    },
    Row {
        begins: "\"recognized Pakistan's sacrifices",
        entities: &["U.S. Defense Department", "Jim Mattis"],
        mention: None,
    },
    Row {
        begins: "\"emphasized the vital role",
        entities: &["U.S. Defense Department"],
        mention: Some("it"),
    },
    Row {
        begins: "\"no country benefits more",
        entities: &["Shahid Khaqan Abbasi"],
        mention: Some("the prime minister"),
    },
    Row {
        begins: "\"Both Pakistan and the United States",
        entities: &["Shahid Khaqan Abbasi"],
        mention: None,
    },
    Row {
        begins: "\"We have heard from Pakistan leaders",
        entities: &["Jim Mattis"],
        mention: None,
    },
    Row {
        begins: "\"That's not the way I deal with issues",
        entities: &["Jim Mattis"],
        mention: Some("he"),
    },
    Row {
        begins: "\"safe havens\"",
        entities: &["Washington"],
        mention: None,
    },
    Row {
        begins: "\"agents of chaos\"",
        entities: &["Donald Trump"],
        mention: None,
    },
    Row {
        begins: "\"reinforcing President Trump's call",
        entities: &["Jim Mattis"],
        mention: None,
    },
    Row {
        begins: "\"undesirable organization\"",
        entities: &["Russian government"],
        mention: None,
    },
];

#[test]
fn every_quotation_of_the_seed_article_has_the_right_speaker() {
    let result = attribute(ARTICLE);
    let speech: Vec<_> = result.speech().collect();
    let found: Vec<&str> = speech.iter().map(|q| q.quote().as_str()).collect();
    assert_eq!(speech.len(), ROWS.len(), "quotations found: {found:#?}");
    for (row, q) in ROWS.iter().zip(&speech) {
        let quote = q.quote().as_str();
        assert!(
            quote.starts_with(row.begins),
            "expected {:?}, found {quote:?}",
            row.begins
        );
        let speaker = q
            .speaker()
            .unwrap_or_else(|| panic!("no speaker for {quote:?}"));
        let entity = speaker.entity().and_then(|e| e.name());
        assert!(
            entity.is_some_and(|e| row.entities.contains(&e)),
            "{quote:?}: entity {entity:?}, expected one of {:?}",
            row.entities
        );
        if let Some(m) = row.mention {
            assert_eq!(speaker.mention_text(), m, "{quote:?}");
        }
    }
}

#[test]
fn the_prime_minister_is_quoted_as_saying() {
    let result = attribute(ARTICLE);
    let q = result
        .speech()
        .find(|q| q.quote().content().starts_with("no country benefits"))
        .expect("the quotation");
    let s = q.speaker().expect("a speaker");
    assert_eq!(s.rule(), Rule::QuotedAs);
    assert_eq!(s.cue_text(), "quoted ... as ... saying");
    assert_eq!(
        s.entity().and_then(|e| e.name()),
        Some("Shahid Khaqan Abbasi")
    );
}

#[test]
fn no_other_quoted_span_is_reported_speech() {
    let result = attribute(ARTICLE);
    let others: Vec<&str> = result
        .quotes()
        .filter(|q| q.quote().kind() != QuoteKind::ReportedSpeech)
        .map(|q| q.quote().as_str())
        .collect();
    assert!(others.is_empty(), "{others:?}");
}
