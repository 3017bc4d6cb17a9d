//! A deterministic generator of news-like text for benchmarks.
//!
//! The vocabulary is invented (names, places and organisations are built from
//! syllables) around a core of common English function words and the speech
//! verbs the resolver looks for, so that every stage of the pipeline has work
//! to do: people introduced with their titles and later referred to by
//! surname, pronoun or description; quotations in every mark style the
//! tokenizer knows (curly, straight, guillemets, low, LaTeX, corner
//! brackets, two apostrophes), nested ones, multi-paragraph ones, titles and
//! scare quotes; attributions after, before and around the quotation,
//! "according to" and "quoted X as saying"; abbreviations, numbers and
//! narrative sentences without any quotation.
//!
//! Shared by the benches (`mod common;`) and by the `throughput` example
//! (`#[path = "../benches/common/mod.rs"] mod common;`).
#![allow(dead_code)]

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../tests/fixtures/mattis-islamabad.txt");

/// SplitMix64: small, fast, and the same sequence on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "vel", "mor", "tan", "shi", "bru", "den", "lo", "ra", "nix", "por", "gal", "zu", "fen",
    "thar", "bel", "dra", "qui", "sol", "mak", "ver", "ost", "lin", "dag", "emi", "rus", "tov",
    "han", "ira", "bex", "cor", "ul",
];

/// An invented capitalised word of `syllables` syllables.
pub fn invented_word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(rng.pick(SYLLABLES));
    }
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

/// A glyph set: double open/close, single open/close.
#[derive(Clone, Copy, Debug)]
pub struct Marks {
    pub od: &'static str,
    pub cd: &'static str,
    pub os: &'static str,
    pub cs: &'static str,
}

/// Every mark style, with a weight (percent) for how often an article uses it.
pub const STYLES: &[(Marks, usize)] = &[
    (
        Marks {
            od: "\u{201C}",
            cd: "\u{201D}",
            os: "\u{2018}",
            cs: "\u{2019}",
        },
        45,
    ),
    (
        Marks {
            od: "\"",
            cd: "\"",
            os: "'",
            cs: "'",
        },
        33,
    ),
    (
        Marks {
            od: "\u{AB}",
            cd: "\u{BB}",
            os: "\u{2039}",
            cs: "\u{203A}",
        },
        5,
    ),
    (
        Marks {
            od: "\u{201E}",
            cd: "\u{201C}",
            os: "\u{201A}",
            cs: "\u{2018}",
        },
        5,
    ),
    (
        Marks {
            od: "``",
            cd: "''",
            os: "`",
            cs: "'",
        },
        4,
    ),
    (
        Marks {
            od: "''",
            cd: "''",
            os: "'",
            cs: "'",
        },
        4,
    ),
    (
        Marks {
            od: "\u{300C}",
            cd: "\u{300D}",
            os: "\u{300E}",
            cs: "\u{300F}",
        },
        4,
    ),
];

fn pick_style(rng: &mut Rng) -> Marks {
    let mut r = rng.below(100);
    for &(m, w) in STYLES {
        if r < w {
            return m;
        }
        r -= w;
    }
    STYLES[0].0
}

const TITLES: &[(&str, &str)] = &[
    ("Sen.", "senator"),
    ("Gov.", "governor"),
    ("Rep.", "congressman"),
    ("Dr.", "doctor"),
    ("Gen.", "general"),
    ("Prime Minister", "prime minister"),
    ("Defense Secretary", "secretary"),
    ("Foreign Minister", "minister"),
    ("President", "president"),
    ("Mayor", "mayor"),
    ("Ambassador", "ambassador"),
    ("Judge", "judge"),
];

const ORG_KINDS: &[&str] = &[
    "Ministry of Finance",
    "Party",
    "Corp.",
    "Institute",
    "Department",
    "Council",
    "Bank",
    "Agency",
    "University",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Dec. 4",
    "Jan. 12",
    "last week",
];

const AFTER_VERBS: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "added",
    "wrote",
    "explained",
    "insisted",
    "warned",
    "argued",
    "tweeted",
    "said in a statement",
    "told the Velmor Times",
];

const BEFORE_VERBS: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "wrote on Twitter",
    "declared",
    "added",
    "responded",
];

const QUOTE_WORDS: &[&str] = &[
    "we",
    "will",
    "not",
    "the",
    "people",
    "country",
    "plan",
    "deal",
    "economy",
    "time",
    "need",
    "must",
    "this",
    "is",
    "a",
    "very",
    "good",
    "bad",
    "decision",
    "for",
    "our",
    "future",
    "and",
    "to",
    "of",
    "in",
    "it",
    "that",
    "they",
    "have",
    "been",
    "working",
    "on",
    "every",
    "day",
    "there",
    "no",
    "doubt",
    "about",
    "what",
    "happened",
    "here",
    "security",
    "peace",
    "region",
    "believe",
    "strong",
    "support",
    "process",
    "government",
    "should",
    "can",
    "make",
    "sure",
    "families",
    "jobs",
    "taxes",
    "war",
    "border",
    "reform",
    "vote",
    "election",
    "voters",
    "promise",
    "clear",
    "I",
    "you",
    "my",
    "with",
    "from",
    "at",
    "by",
    "more",
    "than",
    "ever",
    "before",
    "zorvek",
    "trundling",
    "malvaric",
    "quenstable",
    "oblivate",
    "drast",
    "pellum",
];

const NARRATIVE_NOUNS: &[&str] = &[
    "agreement",
    "budget",
    "inquiry",
    "proposal",
    "report",
    "strategy",
    "ceasefire",
    "tariff",
    "investigation",
    "bill",
];

#[derive(Clone, Debug)]
struct Person {
    title: &'static str,
    role: &'static str,
    given: String,
    surname: String,
    female: bool,
    introduced: bool,
}

#[derive(Clone, Debug)]
struct Cast {
    people: Vec<Person>,
    org: String,
    place: String,
    last: usize,
}

impl Cast {
    fn new(rng: &mut Rng) -> Cast {
        let n = rng.range(2, 4);
        let people = (0..n)
            .map(|_| {
                let (title, role) = rng.pick(TITLES);
                let s1 = rng.range(1, 2);
                let s2 = rng.range(2, 3);
                Person {
                    title,
                    role,
                    given: invented_word(rng, s1),
                    surname: invented_word(rng, s2),
                    female: rng.chance(40),
                    introduced: false,
                }
            })
            .collect();
        let org = format!("{} {}", invented_word(rng, 2), rng.pick(ORG_KINDS));
        let place = invented_word(rng, 3);
        Cast {
            people,
            org,
            place,
            last: 0,
        }
    }

    /// A way to refer to person `i`: full titled name the first time, then
    /// surname, pronoun or description.
    fn refer(&mut self, rng: &mut Rng, i: usize, subject: bool) -> String {
        let same = i == self.last;
        self.last = i;
        let p = &mut self.people[i];
        if !p.introduced {
            p.introduced = true;
            return match rng.below(3) {
                0 => format!("{} {} {}", p.title, p.given, p.surname),
                1 => format!("{} {}, the {} of {},", p.given, p.surname, p.role, self.org),
                _ => format!("{} {} {}", self.place, p.title, p.surname),
            };
        }
        match rng.below(10) {
            0..=4 => p.surname.clone(),
            5..=7 if same => {
                let pr = if p.female { "she" } else { "he" };
                if subject {
                    let mut c = pr.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                } else {
                    pr.to_string()
                }
            }
            8 => format!("the {}", p.role),
            _ => format!("{} {}", p.given, p.surname),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Quoted words: a clause or two, capitalised, no final punctuation.
fn quote_body(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let n = rng.range(lo, hi);
    let mut s = String::new();
    for k in 0..n {
        if k > 0 {
            if rng.chance(6) {
                s.push(',');
            } else if rng.chance(3) && k + 3 < n {
                s.push('.');
                s.push(' ');
                s.push_str(&capitalise(rng.pick(QUOTE_WORDS)));
                continue;
            }
            s.push(' ');
        }
        s.push_str(rng.pick(QUOTE_WORDS));
    }
    capitalise(&s)
}

fn narrative(rng: &mut Rng, cast: &mut Cast) -> String {
    let a = rng.below(cast.people.len());
    let b = (a + 1) % cast.people.len();
    let ra = cast.refer(rng, a, true);
    let rb = cast.refer(rng, b, false);
    let day = rng.pick(DAYS);
    let noun = rng.pick(NARRATIVE_NOUNS);
    match rng.below(6) {
        0 => format!("{ra} met {rb} in {} on {day}.", cast.place),
        1 => format!(
            "The {} announced a ${} million {noun} on {day}, up {}.{} percent from a year earlier.",
            cast.org,
            rng.range(2, 900),
            rng.range(1, 40),
            rng.below(10)
        ),
        2 => format!(
            "The U.S. and {} officials have been discussing the {noun} for {} months.",
            cast.place,
            rng.range(2, 30)
        ),
        3 => format!(
            "{ra}, who has led the {} since {}, faces a vote in {} next month.",
            cast.org,
            rng.range(1990, 2020),
            cast.place
        ),
        4 => format!(
            "Critics say the {noun} would hurt families in {}.",
            cast.place
        ),
        _ => format!(
            "Earlier, {rb} visited {} to review the {noun} with local leaders.",
            cast.place
        ),
    }
}

/// One paragraph (without its line break).
fn paragraph(rng: &mut Rng, cast: &mut Cast, m: Marks) -> String {
    let (od, cd, os, cs) = (m.od, m.cd, m.os, m.cs);
    let who = if rng.chance(60) {
        cast.last
    } else {
        rng.below(cast.people.len())
    };
    let day = rng.pick(DAYS);
    match rng.below(16) {
        0 | 1 => {
            let q = quote_body(rng, 6, 22);
            let r = cast.refer(rng, who, false);
            let v = rng.pick(AFTER_VERBS);
            format!("{od}{q},{cd} {r} {v}.")
        }
        2 => {
            let q = quote_body(rng, 6, 22);
            let r = cast.refer(rng, who, false);
            format!("{od}{q},{cd} said {r}.")
        }
        3 | 4 => {
            let r = cast.refer(rng, who, true);
            let v = rng.pick(BEFORE_VERBS);
            let q = quote_body(rng, 8, 30);
            format!("{r} {v} on {day}: {od}{q}.{cd}")
        }
        5 => {
            let r = cast.refer(rng, who, true);
            let q = quote_body(rng, 4, 12).to_lowercase();
            format!(
                "{r} said that the {} was {od}{q}{cd} and would not last.",
                cast.org
            )
        }
        6 => {
            let r = cast.refer(rng, who, false);
            let q = quote_body(rng, 8, 20);
            format!("According to {r}, {od}{q}.{cd}")
        }
        7 => {
            let r = cast.refer(rng, who, false);
            let q = quote_body(rng, 8, 20).to_lowercase();
            format!("The {} quoted {r} as saying that {od}{q}.{cd}", cast.org)
        }
        8 => {
            let q1 = quote_body(rng, 4, 10);
            let inner = quote_body(rng, 1, 4).to_lowercase();
            let q2 = quote_body(rng, 3, 10).to_lowercase();
            let r = cast.refer(rng, who, false);
            format!("{od}{q1} {os}{inner}{cs} {q2},{cd} {r} added.")
        }
        9 => {
            // A quotation over two paragraphs: the first is left open.
            let q1 = quote_body(rng, 10, 25);
            let q2 = quote_body(rng, 6, 15);
            let r = cast.refer(rng, who, false);
            format!("{od}{q1}.\n\n{od}{q2},{cd} {r} said.")
        }
        10 => {
            let q = quote_body(rng, 5, 15);
            let r = cast.refer(rng, who, false);
            format!("{od}{q}.{cd} \u{2014} {r}")
        }
        11 => {
            let r = cast.refer(rng, who, true);
            let show = format!(
                "The {} {} Show",
                invented_word(rng, 2),
                invented_word(rng, 2)
            );
            format!("{r} appeared on {od}{show}{cd} on {day}.")
        }
        12 => {
            let w = rng.pick(QUOTE_WORDS);
            format!(
                "Opponents dismissed the so-called {od}{w}{cd} plan as a stunt by the {}.",
                cast.org
            )
        }
        13 => {
            let r = cast.refer(rng, who, true);
            let q = quote_body(rng, 6, 18);
            let r2 = cast.refer(rng, (who + 1) % cast.people.len(), false);
            format!("{r} told {r2}: {od}{q}!{cd} Then {r} left.")
        }
        _ => {
            let n = rng.range(1, 3);
            let mut s = String::new();
            for k in 0..n {
                if k > 0 {
                    s.push(' ');
                }
                s.push_str(&narrative(rng, cast));
            }
            s
        }
    }
}

/// One article of 6 to 14 paragraphs, with a headline.
pub fn article(rng: &mut Rng) -> String {
    let mut cast = Cast::new(rng);
    let marks = pick_style(rng);
    let mut s = format!(
        "{} Leaders Clash Over {} Plan\n\n",
        cast.place,
        invented_word(rng, 2)
    );
    let n = rng.range(6, 14);
    for _ in 0..n {
        // A few articles mix styles from paragraph to paragraph.
        let m = if rng.chance(10) {
            pick_style(rng)
        } else {
            marks
        };
        s.push_str(&paragraph(rng, &mut cast, m));
        s.push_str("\n\n");
    }
    s
}

/// Articles adding up to at least `target_bytes`, the same for the same
/// `seed`.
pub fn news_corpus(target_bytes: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < target_bytes {
        let a = article(&mut rng);
        total += a.len();
        out.push(a);
    }
    out
}

/// The default corpus of the benches: about 4 MB.
pub fn default_corpus() -> Vec<String> {
    news_corpus(4 << 20, 0x5EED)
}

/// Total size in bytes.
pub fn total_bytes<S: AsRef<str>>(texts: &[S]) -> usize {
    texts.iter().map(|t| t.as_ref().len()).sum()
}
