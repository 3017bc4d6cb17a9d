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

#[test]
fn a_place_stays_apart_from_the_war_named_after_it() {
    let found = entities(
        "Troops left Korvania in 2011. The Korvania War cost billions. \
         Korvania held elections.",
    );
    assert_eq!(entity_of(&found, "The Korvania War"), ["Korvania War"]);
    assert!(
        !entity_of(&found, "Korvania").contains(&"Korvania War"),
        "{found:?}"
    );
}

#[test]
fn a_surname_with_its_particles_joins_the_full_name() {
    let found = entities(
        "Ilse van der Molen arrived on Monday. Later, van der Molen left. \
         Rafael de Arcos waved, and de Arcos sat down.",
    );
    assert_eq!(entity_of(&found, "van der Molen"), ["Ilse van der Molen"]);
    assert_eq!(entity_of(&found, "de Arcos"), ["Rafael de Arcos"]);
}

#[test]
fn a_quantifier_after_a_name_before_a_speech_verb_is_not_its_head() {
    // "both" is no noun heading a description ("the GOP front-runner
    // said"): the name stays a name.
    let found = entities("Tom Kell and Jane Roe both spoke. Later, Roe left.");
    assert_eq!(entity_of(&found, "Roe"), ["Jane Roe"]);
    assert_eq!(entity_of(&found, "Jane Roe"), ["Jane Roe"]);
}

#[test]
fn a_place_based_modifier_is_not_part_of_the_name() {
    let found = entities("The Texas-based strategist Ana Petrov spoke. Ohio-born Tomas Kell left.");
    assert_eq!(
        entity_of(&found, "The Texas-based strategist Ana Petrov"),
        ["Ana Petrov"]
    );
    assert_eq!(entity_of(&found, "Ohio-born Tomas Kell"), ["Tomas Kell"]);
    // A hyphenated given name stays a name.
    let found = entities("Secretary General Ban Ki-moon spoke.");
    assert_eq!(
        entity_of(&found, "Secretary General Ban Ki-moon"),
        ["Ban Ki-moon"]
    );
}

#[test]
fn a_title_opening_an_organisations_name_is_part_of_it() {
    let found = entities(
        "The State Department declined to comment. The Justice Department said \
         nothing. Queen Mary University of London did not reply.",
    );
    assert_eq!(
        entity_of(&found, "The State Department"),
        ["State Department"]
    );
    assert_eq!(
        entity_of(&found, "The Justice Department"),
        ["Justice Department"]
    );
    assert_eq!(
        entity_of(&found, "Queen Mary University of London"),
        ["Queen Mary University of London"]
    );
    // A person's title is still not the name.
    let found = entities("Justice Ana Petrov wrote the opinion.");
    assert_eq!(entity_of(&found, "Justice Ana Petrov"), ["Ana Petrov"]);
}

#[test]
fn a_datelines_date_and_agency_name_no_entity() {
    for text in [
        "LAKEPORT, Dec 3 (Reuters) - Ana Petrov resigned.",
        "LAKEPORT, Dec. 3 (UPI) -- Ana Petrov resigned.",
        "LAKEPORT, March 3 (AFP) - Ana Petrov resigned.",
    ] {
        let found = entities(text);
        let names: Vec<&str> = found.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["Ana Petrov"], "{text}");
    }
    // A dateline's date that ends the text reads no token past it.
    let result = whosaid::attribute("\"We won,\" he said.\n\nLAKEPORT, Dec 3");
    let speakers: Vec<&str> = result
        .speech()
        .filter_map(|q| q.speaker().map(|s| s.mention_text()))
        .collect();
    assert_eq!(speakers, ["he"]);
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

/// One case of the entity behind a quotation: the text, how the quotation
/// begins, and the canonical name its speaker's entity should have (`None`
/// for an entity only ever described).
struct SpeakerEntity {
    name: &'static str,
    text: &'static str,
    quote: &'static str,
    entity: Option<&'static str>,
}

const SPEAKER_ENTITIES: &[SpeakerEntity] = &[
    // 1. A person is never merged with a thing named after them, nor with a
    // headline that starts with their surname.
    SpeakerEntity {
        name: "surname_stays_off_a_foundation_and_a_tower",
        text: "Okafor Slams Critics Over Tax Plan\n\
               Mara Okafor opened the Okafor Foundation near Okafor Tower on \
               Monday.\n\"We are proud of it,\" Okafor said.",
        quote: "\"We are proud",
        entity: Some("Mara Okafor"),
    },
    SpeakerEntity {
        name: "he_is_no_war",
        text: "The book is about the Korvanian War, he said. \"It was brutal,\" he added.",
        quote: "\"It was brutal",
        entity: None,
    },
    // 2. Party, role and title words are not the name, nor is the
    // department of a "Secretary of" title.
    SpeakerEntity {
        name: "honours_after_a_name_are_not_the_name",
        text: "Ann Lee KC, for the family, spoke at the inquest. \
               \"They deserve answers,\" Ann Lee KC said.",
        quote: "\"They deserve",
        entity: Some("Ann Lee"),
    },
    SpeakerEntity {
        name: "a_family_compound_before_a_name_is_not_the_name",
        text: "Father-of-two Tom Hale, 45, was left stunned. \"I could not believe it,\" \
               he said.",
        quote: "\"I could not",
        entity: Some("Tom Hale"),
    },
    SpeakerEntity {
        name: "a_job_before_a_name_is_a_title_and_its_description",
        text: "Pensioner Ann Lee, 71, was angry at the plan. \
               \"We will fight on,\" the pensioner said.",
        quote: "\"We will fight",
        entity: Some("Ann Lee"),
    },
    SpeakerEntity {
        name: "an_epithet_before_a_given_name_is_not_the_name",
        text: "Stunned Lacey Moran, 29, was at home. \"I am shocked,\" Lacey said.",
        quote: "\"I am shocked",
        entity: Some("Lacey Moran"),
    },
    SpeakerEntity {
        name: "a_job_label_before_a_name_is_not_the_name",
        text: "Barmaid Jess Tarrant, 34, saw the crash. \"I cried,\" the barmaid said.",
        quote: "\"I cried",
        entity: Some("Jess Tarrant"),
    },
    SpeakerEntity {
        name: "a_keeper_is_the_goalkeeper",
        text: "Keeper Ann Lee saved a penalty. \"I guessed right,\" the goalkeeper said.",
        quote: "\"I guessed",
        entity: Some("Ann Lee"),
    },
    SpeakerEntity {
        name: "sgt_without_a_period_is_a_title",
        text: "\"We will find them,\" said Paul Hendry. Sgt Hendry added: \"Call us.\"",
        quote: "\"Call us",
        entity: Some("Paul Hendry"),
    },
    SpeakerEntity {
        name: "prof_without_a_period_is_a_title",
        text: "Prof Helen Marsh led the study. \"It is new,\" Prof Marsh said.",
        quote: "\"It is new",
        entity: Some("Helen Marsh"),
    },
    SpeakerEntity {
        name: "det_insp_without_periods_are_titles",
        text: "Det Insp Ann Bell led the search. \"Help us,\" she said.",
        quote: "\"Help us",
        entity: Some("Ann Bell"),
    },
    SpeakerEntity {
        name: "a_name_after_a_description_and_its_phrase_is_apposed",
        text: "\"It is unfair,\" said the chairman of the committee, John Smith.",
        quote: "\"It is unfair",
        entity: Some("John Smith"),
    },
    SpeakerEntity {
        name: "australian_and_canadian_council_titles",
        text: "\"I will raise it,\" said Cr Deb Ferreira. \"It is wrong,\" Coun. Tom \
               Hale said. \"Stay away,\" said Const. Amy Reid.",
        quote: "\"Stay away",
        entity: Some("Amy Reid"),
    },
    SpeakerEntity {
        name: "cr_without_a_period_is_a_title",
        text: "\"I will raise it,\" said Cr Deb Ferreira.",
        quote: "\"I will raise",
        entity: Some("Deb Ferreira"),
    },
    SpeakerEntity {
        name: "a_titled_name_ending_in_a_place_word_is_a_person",
        text: "Director Linda Park spoke on Tuesday. \"It is fair,\" she said.",
        quote: "\"It is fair",
        entity: Some("Linda Park"),
    },
    SpeakerEntity {
        name: "a_name_after_a_noun_naming_a_work_is_no_person",
        text: "Jessa Vaughn has split from her husband. Her album Glass Houses topped \
               the charts. \"We are done,\" she said.",
        quote: "\"We are done",
        entity: Some("Jessa Vaughn"),
    },
    SpeakerEntity {
        name: "an_age_before_a_name_tells_the_teenager",
        text: "Ainsworth praised 19-year-old winger Sam Okafor. \"I am just happy,\" \
               the teenager said.",
        quote: "\"I am just happy",
        entity: Some("Sam Okafor"),
    },
    SpeakerEntity {
        name: "a_job_shaped_word_before_a_given_name_is_not_the_name",
        text: "Forecaster Ann Lee said conditions would be bad. \"Stay home,\" Lee said.",
        quote: "\"Stay home",
        entity: Some("Ann Lee"),
    },
    SpeakerEntity {
        name: "party_label_is_not_the_name",
        text: "Republican Mara Okafor spoke first. \"We will win,\" Okafor said.",
        quote: "\"We will win",
        entity: Some("Mara Okafor"),
    },
    SpeakerEntity {
        name: "secretary_of_state_leaves_the_department_out",
        text: "Secretary of State Jane Roe arrived. \"We are ready,\" Roe said.",
        quote: "\"We are ready",
        entity: Some("Jane Roe"),
    },
    SpeakerEntity {
        name: "offices_of_state_and_city_are_titles",
        text: "Treasurer Ilse Brandt spoke first. \"The books balance,\" she said. \
               City Comptroller Raúl Ibáñez disagreed. \"They do not,\" he said.",
        quote: "\"They do not",
        entity: Some("Raúl Ibáñez"),
    },
    SpeakerEntity {
        name: "a_title_opening_a_sentence_is_not_the_name",
        text: "Treasurer Ilse Brandt spoke first. \"The books balance,\" she said.",
        quote: "\"The books",
        entity: Some("Ilse Brandt"),
    },
    // 3. A description joins the entity the text introduced with it; one
    // with no named antecedent has no name.
    SpeakerEntity {
        name: "a_fronted_place_is_not_the_persons_apposition",
        text: "In Lakeport, the UN envoy, Marta Ruiz, urged calm. \"Civilians are paying \
               the price,\" the envoy told reporters.",
        quote: "\"Civilians",
        entity: Some("Marta Ruiz"),
    },
    SpeakerEntity {
        name: "a_description_of_words_of_an_organisations_name_is_it",
        text: "The Parliamentary Budget Office published its forecast. \
               \"Debt will keep rising,\" the budget office said.",
        quote: "\"Debt will",
        entity: Some("Parliamentary Budget Office"),
    },
    SpeakerEntity {
        name: "a_description_with_a_word_outside_the_name_is_not_it",
        text: "The Parliamentary Budget Office published its forecast. \
               \"Debt will keep rising,\" the audit office said.",
        quote: "\"Debt will",
        entity: None,
    },
    SpeakerEntity {
        name: "an_organisations_officer_is_not_the_person_talked_about",
        text: "Senator Amy Lund criticised the ministry on Monday. \
               \"Our review found serious failings,\" the Harbour Ministry's auditor said.",
        quote: "\"Our review",
        entity: None,
    },
    SpeakerEntity {
        name: "a_compound_modifier_names_no_description",
        text: "The Tory-led council approved the budget. \"We will act,\" the council said.",
        quote: "\"We will act",
        entity: None,
    },
    SpeakerEntity {
        name: "the_company_is_a_business_named_without_a_corporate_word",
        text: "Nordwind Robotics cut 200 jobs on Tuesday.\n\
               \"We had no choice,\" the company said in a statement.",
        quote: "\"We had no choice",
        entity: Some("Nordwind Robotics"),
    },
    SpeakerEntity {
        name: "a_one_word_business_that_speaks_is_the_company",
        text: "Zentrix said it would hire 900 workers.\n\
               \"We are growing fast,\" the company said.",
        quote: "\"We are growing",
        entity: Some("Zentrix"),
    },
    SpeakerEntity {
        name: "a_sector_head_names_the_business",
        text: "Shares of Kestrel Motors fell 8% after the recall.\n\
               \"Safety comes first,\" the carmaker said.",
        quote: "\"Safety comes first",
        entity: Some("Kestrel Motors"),
    },
    SpeakerEntity {
        name: "the_company_is_not_a_relative_of_a_person_named",
        text: "Donald Okafor praised his daughter. Amara Okafor runs a fashion \
               brand.\n\"Sales are strong,\" the company said.",
        quote: "\"Sales are strong",
        entity: None,
    },
    SpeakerEntity {
        name: "the_school_is_the_one_whose_name_holds_it",
        text: "A dean of the Halvorsen Graduate School wrote to Exxel Energy. \
               \"We stand by our reporters,\" the school said.",
        quote: "\"We stand by",
        entity: Some("Halvorsen Graduate School"),
    },
    SpeakerEntity {
        name: "an_occupation_is_someone_else_unless_the_text_gave_it",
        text: "Tom Hale was treated at the Northgate clinic. \"He was calm,\" the nurse \
               said. Doctor Ann Lee saw him later. \"He will recover,\" the doctor said.",
        quote: "\"He was calm",
        entity: None,
    },
    SpeakerEntity {
        name: "a_family_compound_describes_the_person_named",
        text: "Margaret Ode, 78, of Northgate, was worried. \"I don't know how I'll \
               manage,\" the grandmother-of-four said.",
        quote: "\"I don't know",
        entity: Some("Margaret Ode"),
    },
    SpeakerEntity {
        name: "a_councillor_abbreviated_is_a_title",
        text: "Cllr Ann Lee defended the rise. \"We had no choice,\" Cllr Lee said.",
        quote: "\"We had no choice",
        entity: Some("Ann Lee"),
    },
    SpeakerEntity {
        name: "the_teenager_is_the_person_whose_age_says_so",
        text: "Coach Dean Marsh sent on Jay Okoro, 19, late on. \"I just wanted to make \
               an impact,\" the teenager said.",
        quote: "\"I just wanted",
        entity: Some("Jay Okoro"),
    },
    SpeakerEntity {
        name: "an_age_picks_the_person_of_that_age",
        text: "Ann Lee, 28, and Tom Hale, 31, were arrested on Friday. The 31-year-old \
               told police: \"I was at home.\"",
        quote: "\"I was at home",
        entity: Some("Tom Hale"),
    },
    SpeakerEntity {
        name: "the_defendant_is_the_person_on_trial",
        text: "Tom Hale, 34, of Leeds, denies murder. The defendant told the jury: \
               \"I never touched him.\"",
        quote: "\"I never touched",
        entity: Some("Tom Hale"),
    },
    SpeakerEntity {
        name: "an_occupation_joins_the_person_the_text_gave_it_to",
        text: "Tom Hale was treated at the Northgate clinic. Doctor Ann Lee saw him \
               later. \"He will recover,\" the doctor said.",
        quote: "\"He will recover",
        entity: Some("Ann Lee"),
    },
    SpeakerEntity {
        name: "description_repeats_the_titles_of_its_entity",
        text: "Vermont Sen. Omar Diallo toured the plant. Workers cheered. \
               \"This is good work,\" the Vermont senator said.",
        quote: "\"This is good work",
        entity: Some("Omar Diallo"),
    },
    SpeakerEntity {
        name: "apposition_introduces_the_description",
        text: "Jane Roe, the mayor, opened the bridge. Crowds gathered. \
               \"It took ten years,\" the mayor said.",
        quote: "\"It took ten years",
        entity: Some("Jane Roe"),
    },
    SpeakerEntity {
        name: "description_without_a_named_antecedent_has_no_name",
        text: "The plant closed on Friday. \"No comment,\" a spokesman said.",
        quote: "\"No comment",
        entity: None,
    },
    SpeakerEntity {
        name: "role_after_a_possessive_names_someone_else",
        text: "Omar Haddad on Monday urged Lena Marsh to resign.\n\n\"That was \
               outrageous,\" Ms. Marsh's former campaign strategist said.",
        quote: "\"That was outrageous",
        entity: Some("Omar Haddad"),
    },
    SpeakerEntity {
        name: "an_age_picks_out_the_named_person",
        text: "Omar Haddad and Lena Marsh spoke at the rally on Monday. \"We \
               will win,\" the 34-year-old mother of three said.",
        quote: "\"We will win",
        entity: Some("Lena Marsh"),
    },
    // 4. The speaker is the head of the noun phrase, not a name inside its
    // appositives.
    SpeakerEntity {
        name: "hometown_apposition_is_not_the_speaker",
        text: "Johnnie Wilson, of Springfield, Va., said he had fought \"for the \
               rights of others.\"",
        quote: "\"for the rights",
        entity: Some("Johnnie Wilson"),
    },
    SpeakerEntity {
        name: "office_apposition_is_not_the_speaker",
        text: "Mara Quist, president of the United Federation of Bakers, which \
               represents city bakers, said that \"bread is a right.\"",
        quote: "\"bread is a right",
        entity: Some("Mara Quist"),
    },
    SpeakerEntity {
        name: "age_hometown_and_relative_clause_are_not_the_speaker",
        text: "Lena Marsh, 61, of Dover, Del., who watched from the stands, said \
               it was \"the best day of the season.\"",
        quote: "\"the best day",
        entity: Some("Lena Marsh"),
    },
    SpeakerEntity {
        name: "name_set_off_after_a_description_is_the_speaker",
        text: "A spokesman for Kestrel Foods, Omar Haddad, said: \"We have \
               recalled every jar.\"",
        quote: "\"We have recalled",
        entity: Some("Omar Haddad"),
    },
    // 5. Organisation names run through their joiners.
    SpeakerEntity {
        name: "organisation_name_runs_through_for",
        text: "Citizens for Fair Taxes criticised the plan. \"It is a giveaway,\" \
               said Citizens for Fair Taxes.",
        quote: "\"It is a giveaway",
        entity: Some("Citizens for Fair Taxes"),
    },
    SpeakerEntity {
        name: "organisation_name_runs_through_a_plural_possessive",
        text: "The Upland Growers’ Union opposed the levy. \"Food prices will rise,\" \
               the union said.",
        quote: "\"Food prices",
        entity: Some("Upland Growers’ Union"),
    },
    SpeakerEntity {
        name: "organisation_name_runs_through_of_the",
        text: "\"We have seen no evidence,\" said the Office of the Inspector General.",
        quote: "\"We have seen",
        entity: Some("Office of the Inspector General"),
    },
    SpeakerEntity {
        name: "organisation_name_runs_through_a_titles_possessive",
        text: "\"The cause of death is not yet known,\" the Lakeport County Coroner's Office \
               said.",
        quote: "\"The cause",
        entity: Some("Lakeport County Coroner's Office"),
    },
    SpeakerEntity {
        name: "organisation_name_stops_before_a_day_after_a_joiner",
        text: "The Commission for Fair Pay on Tuesday said: \"This is unacceptable.\"",
        quote: "\"This is unacceptable",
        entity: Some("Commission for Fair Pay"),
    },
    // 6. People who share a surname: the pronoun after the surname tells
    // which.
    SpeakerEntity {
        name: "a_title_of_the_other_gender_is_another_of_the_family",
        text: "Mr Tom Hale and his wife lost their home in the flood. \
               \"We have nothing,\" Mrs Hale said.",
        quote: "\"We have nothing",
        entity: Some("Hale"),
    },
    SpeakerEntity {
        name: "an_unlisted_given_name_joins_the_whole_name",
        text: "Coach Priya Nair was upbeat after the defeat. \"We will be back,\" \
               Priya said.",
        quote: "\"We will be back",
        entity: Some("Priya Nair"),
    },
    SpeakerEntity {
        name: "a_family_name_first_joins_the_whole_name",
        text: "Foreign Minister Wang Jiyun arrived on Monday. \"We seek calm,\" \
               Wang told reporters.",
        quote: "\"We seek calm",
        entity: Some("Wang Jiyun"),
    },
    SpeakerEntity {
        name: "shared_surname_goes_by_the_pronoun_after_it",
        text: "Mary Okafor spoke first. Her husband, John Okafor, spoke later. \
               \"We are ready,\" Okafor said as she left.",
        quote: "\"We are ready",
        entity: Some("Mary Okafor"),
    },
    SpeakerEntity {
        name: "organisation_of_a_named_owner_is_named_by_it",
        text: "The campaign began in May. Lena Marsh's campaign is defending \
               her remarks. It is denouncing what it calls \"a coordinated \
               attack.\"",
        quote: "\"a coordinated attack",
        entity: Some("Marsh's campaign"),
    },
    // 7. A pronoun's antecedent is a person, never a place.
    SpeakerEntity {
        name: "an_exchange_goes_back_to_the_one_person_of_the_gender",
        text: "Mr Tom Hale spoke first at the hearing. Ann Lee disagreed. \
               \"It will fail,\" she said. \"It will not,\" he said.",
        quote: "\"It will not",
        entity: Some("Tom Hale"),
    },
    SpeakerEntity {
        name: "pronoun_passes_over_a_place",
        text: "Omar Diallo flew to Midway Atoll on Friday. \"It was moving,\" he \
               said.",
        quote: "\"It was moving",
        entity: Some("Omar Diallo"),
    },
    SpeakerEntity {
        name: "surname_that_names_a_place_is_the_person",
        text: "Rep. Tom Jordan (R-Ohio) questioned the witness. Later the \
               hearing went on. \"We got nothing,\" Jordan said.",
        quote: "\"We got nothing",
        entity: Some("Tom Jordan"),
    },
    // 8. The fullest name the text gives, wherever it stands.
    SpeakerEntity {
        name: "fullest_name_even_when_it_comes_later",
        text: "Okafor arrived late. Then Mara Okafor spoke. \"We won,\" Okafor said.",
        quote: "\"We won",
        entity: Some("Mara Okafor"),
    },
    SpeakerEntity {
        name: "given_name_from_a_headline",
        text: "Lena Okafor Takes On The Council Over Taxes\n\nThe vote is \
               on Tuesday.\n\n\"We will win,\" Okafor said.",
        quote: "\"We will win",
        entity: Some("Lena Okafor"),
    },
    SpeakerEntity {
        name: "headline_given_name_of_another_gender_is_someone_else",
        text: "Lena Okafor Takes On The Council Over Taxes\n\nThe vote is \
               on Tuesday.\n\n\"We will win,\" Mr. Okafor said.",
        quote: "\"We will win",
        entity: Some("Okafor"),
    },
    // 9. An article in the first person, signed: "I" is its author.
    SpeakerEntity {
        name: "first_person_of_a_signed_letter",
        text: "The council raised the tax again. I told my neighbors, \"This is a \
               disgrace.\"\n\nMara Quist.",
        quote: "\"This is a disgrace",
        entity: Some("Mara Quist"),
    },
    SpeakerEntity {
        name: "an_age_alone_picks_out_the_person_just_named",
        text: "Tomas Kell scored twice on Saturday.\n\n\"I just went for it,\" the \
               21-year-old said.",
        quote: "\"I just went",
        entity: Some("Tomas Kell"),
    },
];

#[test]
fn speakers_resolve_to_their_entities() {
    let mut failures = Vec::new();
    for case in SPEAKER_ENTITIES {
        let result = whosaid::attribute(case.text);
        let Some(q) = result
            .speech()
            .find(|q| q.quote().as_str().starts_with(case.quote))
        else {
            failures.push(format!(
                "{}: no quotation begins {:?}",
                case.name, case.quote
            ));
            continue;
        };
        let entity = q.speaker().and_then(|s| s.entity()).and_then(|e| e.name());
        if entity != case.entity {
            failures.push(format!(
                "{}: speaker {:?}, entity {entity:?}, want {:?}",
                case.name,
                q.speaker().map(|s| s.mention_text()),
                case.entity
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
