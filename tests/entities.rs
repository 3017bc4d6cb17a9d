//! Names clustered into entities through the public stages: which names
//! corefer (a surname, a given name, a prefix, the same name) and which do
//! not, and that a long text of distinct names keeps every pair apart that
//! should be apart and joins every one that should join.

use whosaid::entities::cluster;
use whosaid::{MentionFinder, MentionKind, QuoteDetector, Tokenizer};

/// The entities of `text`: for each, its canonical name and the texts of its
/// name mentions, in text order.
fn entities(text: &str) -> Vec<(String, Vec<String>)> {
    let doc = Tokenizer::new().tokenize(text);
    let quotes = QuoteDetector::new().detect(&doc);
    let mentions = MentionFinder::new().find(&doc, &quotes);
    let found = cluster(&doc, &mentions);
    found
        .entities()
        .iter()
        .map(|e| {
            let names = e
                .mentions()
                .iter()
                .filter(|&&m| mentions[m.index()].kind() == MentionKind::Name)
                .map(|&m| mentions[m.index()].as_str(text).to_string())
                .collect();
            (e.name().unwrap_or_default().to_string(), names)
        })
        .collect()
}

/// The canonical name of the entity that the name mention `mention` joined.
fn entity_of<'a>(found: &'a [(String, Vec<String>)], mention: &str) -> Vec<&'a str> {
    found
        .iter()
        .filter(|(_, names)| names.iter().any(|n| n == mention))
        .map(|(name, _)| name.as_str())
        .collect()
}

#[test]
fn a_surname_joins_the_full_name() {
    let found = entities("Jim Okafor arrived on Monday. Later, Okafor left the hall.");
    assert_eq!(entity_of(&found, "Okafor"), ["Jim Okafor"]);
}

#[test]
fn a_given_name_joins_a_short_full_name() {
    let found = entities("Jim Okafor arrived on Monday. Later, Jim left the hall.");
    assert_eq!(entity_of(&found, "Jim"), ["Jim Okafor"]);
}

#[test]
fn a_prefix_of_two_words_joins_the_longer_name() {
    let found = entities("Ana Lucia Ferreira arrived on Monday. Later, Ana Lucia left the hall.");
    assert_eq!(entity_of(&found, "Ana Lucia"), ["Ana Lucia Ferreira"]);
}

#[test]
fn a_longer_name_renames_the_entity_and_later_mentions_still_join_it() {
    let found = entities(
        "Later, Okafor arrived. Then Jim Okafor spoke at length. Later, Okafor left the hall.",
    );
    let joined = entity_of(&found, "Okafor");
    assert_eq!(joined, ["Jim Okafor"]);
    let (_, names) = found.iter().find(|(n, _)| n == "Jim Okafor").unwrap();
    assert_eq!(names, &["Okafor", "Jim Okafor", "Okafor"]);
}

#[test]
fn names_sharing_a_word_in_other_places_stay_apart() {
    // The same two words in the other order; the same given name with
    // another surname; a surname that is another name's given name.
    let found = entities(
        "Later, Kaven Morta arrived. Then Morta Kaven spoke. Then Kaven Dagul \
         waved. Then Shi Kaven sat down.",
    );
    for name in ["Kaven Morta", "Morta Kaven", "Kaven Dagul", "Shi Kaven"] {
        assert_eq!(entity_of(&found, name), [name], "{found:?}");
    }
}

/// Invented names, distinct, made of a few syllables.
fn invented(i: usize) -> String {
    const SYLLABLES: [&str; 12] = [
        "ka", "ve", "mor", "ta", "shi", "da", "gul", "ren", "lo", "bi", "nu", "zet",
    ];
    let mut s = String::new();
    let mut k = i;
    loop {
        s.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
        if k == 0 {
            break;
        }
    }
    let mut c = s.chars();
    let first = c.next().unwrap().to_ascii_uppercase();
    format!("{first}{}", c.as_str())
}

#[test]
fn many_names_that_share_a_given_name_each_keep_their_own_surname() {
    // Far more names under one given name than any candidate window: every
    // surname still finds its own full name, however far back.
    let n = 300;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!("Then Jim {}zo arrived. ", invented(i)));
    }
    for i in (0..n).step_by(37) {
        text.push_str(&format!("Later, {}zo left. ", invented(i)));
    }
    let found = entities(&text);
    for i in (0..n).step_by(37) {
        let surname = format!("{}zo", invented(i));
        assert_eq!(
            entity_of(&found, &surname),
            [format!("Jim {surname}").as_str()],
            "{surname}"
        );
    }
}
