//! `evaluate`: score whosaid against gold quotations and speakers.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl [--errors N] [--min-words K]
//!                                           [--predictions OUT.jsonl] [--rules]
//!                                           [--entities ENTITIES.jsonl]
//! ```
//!
//! GOLD is JSON Lines in the format of the PolNeAR conversion: one object a
//! line with `"id"`, `"text"` and `"quotes"` (`start`, `end`, `speaker`,
//! `speaker_start`, `speaker_end`, offsets in code points, quote spans
//! including their marks). The figures follow the rules of the reference
//! scorer `score.py` exactly: detection precision, recall and F1 under exact,
//! exact-without-marks and one-to-one overlap matching; speaker accuracy over
//! matched gold quotes; end-to-end precision, recall and F1.
//!
//! `--entities` also scores the canonical entity of each quotation against
//! entity gold (one line per gold quotation with a speaker: `"id"`,
//! `"start"`, `"end"`, `"speaker"`, `"entity"`, `"confident"`), by the
//! reference scorer's rule: over confident, named gold entities whose
//! quotation was detected with its exact span, the share whose predicted
//! entity is the same one ("lenient": a surname for a full name; "strict":
//! the full name), overall and where the gold speaker is a pronoun. With
//! `--errors N`, the first N wrong entities are listed.
//!
//! `--predictions` also writes the predictions, so that the reference scorer
//! can check these figures.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;

use serde_json::{json, Value};
use unicode_normalization::UnicodeNormalization;
use whosaid::{Attributor, OffsetIndex, OffsetUnit, Rule};

const USAGE: &str = "usage: evaluate GOLD.jsonl [--errors N] [--min-words K] \
[--predictions OUT.jsonl] [--rules] [--entities ENTITIES.jsonl]";

const QUOTE_CHARS: &str = "\"\u{201c}\u{201d}\u{201e}\u{201f}\u{ab}\u{bb}'\u{2018}\u{2019}\u{201a}\u{201b}\u{2039}\u{203a}";

// The title and pronoun lists of the reference scorer's speaker rule.
const TITLES: &str =
    "mr mrs ms miss mx messrs dr doctor prof professor sir dame lord lady rev reverend fr father
president presidentelect vice prime minister pm premier secretary sen senator rep representative
congressman congresswoman gov governor lt gen general col colonel maj major capt captain adm
admiral sgt cmdr judge justice chief mayor chancellor king queen prince princess pope sheikh
ambassador attorney speaker house chairman chairwoman chair ceo spokesman spokeswoman
spokesperson commissioner deputy director leader candidate nominee
the a an former late then us u s uk";
const PRONOUNS: &str =
    "i me my we us our you your he him his she her they them their it its one someone somebody
himself herself themselves itself who";
const STOP_EXTRA: &str = "of and for in at on to by";

#[derive(Clone, Debug)]
struct Q {
    start: usize,
    end: usize,
    speaker: Option<String>,
    speaker_span: Option<(usize, usize)>,
    rule: Option<String>,
    /// The canonical name of the speaker's entity (predictions only).
    entity: Option<String>,
}

/// One line of entity gold.
struct GoldEntity {
    speaker: Option<String>,
    entity: Option<String>,
    confident: bool,
}

struct Doc {
    id: String,
    chars: Vec<char>,
    gold: Vec<Q>,
    pred: Vec<Q>,
}

struct Lists {
    titles: Vec<&'static str>,
    pronouns: Vec<&'static str>,
    stop: Vec<&'static str>,
}

impl Lists {
    fn new() -> Lists {
        let titles: Vec<&str> = TITLES.split_whitespace().collect();
        let pronouns: Vec<&str> = PRONOUNS.split_whitespace().collect();
        let mut stop = titles.clone();
        stop.extend(pronouns.iter());
        stop.extend(STOP_EXTRA.split_whitespace());
        Lists {
            titles,
            pronouns,
            stop,
        }
    }

    fn norm_tokens(&self, s: &str) -> Vec<String> {
        let s: String = s
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect();
        let s = s.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
        // Drop possessive 's (followed by a non-word character or the end).
        let chars: Vec<char> = s.chars().collect();
        let mut t = String::new();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '\''
                && chars.get(i + 1) == Some(&'s')
                && !chars
                    .get(i + 2)
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_')
            {
                t.push(' ');
                i += 2;
                continue;
            }
            let c = chars[i];
            t.push(if c.is_alphanumeric() { c } else { ' ' });
            i += 1;
        }
        let mut toks: Vec<String> = t.split_whitespace().map(str::to_string).collect();
        while toks.len() > 1 && self.titles.contains(&toks[0].as_str()) {
            toks.remove(0);
        }
        toks
    }

    fn variants(s: &str) -> Vec<String> {
        let mut out = vec![s.to_string()];
        // Cut at the first comma, parenthesis, spaced dash or em dash.
        let chars: Vec<char> = s.chars().collect();
        let mut cut = None;
        for (i, &c) in chars.iter().enumerate() {
            if c == ',' || c == '(' || c == '\u{2014}' {
                cut = Some(i);
                break;
            }
            if matches!(c, '\u{2014}' | '\u{2013}' | '-')
                && i > 0
                && chars[i - 1].is_whitespace()
                && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            {
                cut = Some(i - 1);
                break;
            }
        }
        if let Some(c) = cut {
            let head: String = chars[..c].iter().collect();
            if !head.trim().is_empty() && head.trim() != s.trim() {
                out.push(head);
            }
        }
        out
    }

    fn names_match(&self, gold: &str, pred: &str) -> bool {
        for g in Self::variants(gold) {
            let tg = self.norm_tokens(&g);
            for p in Self::variants(pred) {
                let tp = self.norm_tokens(&p);
                if tg.is_empty() || tp.is_empty() {
                    continue;
                }
                if tg == tp {
                    return true;
                }
                let (short, long) = if tg.len() < tp.len() {
                    (&tg, &tp)
                } else {
                    (&tp, &tg)
                };
                if short.len() == long.len() {
                    continue;
                }
                if !short.iter().any(|t| !self.stop.contains(&t.as_str())) {
                    continue;
                }
                if long[..short.len()] == short[..] || long[long.len() - short.len()..] == short[..]
                {
                    return true;
                }
            }
        }
        false
    }

    fn speaker_correct(&self, g: &Q, p: &Q) -> bool {
        let Some(gs) = &g.speaker else {
            return p.speaker.is_none();
        };
        let Some(ps) = &p.speaker else {
            return false;
        };
        if let (Some((a, b)), Some((c, d))) = (g.speaker_span, p.speaker_span) {
            if b.min(d) > a.max(c) {
                return true;
            }
        }
        self.names_match(gs, ps)
    }

    fn is_pronoun(&self, s: &str) -> bool {
        let t = self.norm_tokens(s);
        t.len() == 1 && self.pronouns.contains(&t[0].as_str())
    }
}

fn core(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    let is_q = |c: char| c.is_whitespace() || QUOTE_CHARS.contains(c);
    while s < e && is_q(chars[s]) {
        s += 1;
    }
    while e > s && is_q(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Exact,
    NoMarks,
    Overlap,
}

fn matching(doc: &Doc, gold: &[&Q], pred: &[&Q], mode: Mode) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    match mode {
        Mode::Exact | Mode::NoMarks => {
            let key = |q: &Q| {
                if mode == Mode::Exact {
                    (q.start, q.end)
                } else {
                    core(&doc.chars, q.start, q.end)
                }
            };
            let mut index: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
            for (gi, g) in gold.iter().enumerate() {
                index.entry(key(g)).or_default().push(gi);
            }
            for (pi, p) in pred.iter().enumerate() {
                if let Some(l) = index.get_mut(&key(p)) {
                    if !l.is_empty() {
                        pairs.push((l.remove(0), pi));
                    }
                }
            }
        }
        Mode::Overlap => {
            let mut cands = Vec::new();
            for (gi, g) in gold.iter().enumerate() {
                for (pi, p) in pred.iter().enumerate() {
                    let ov = g.end.min(p.end) as i64 - g.start.max(p.start) as i64;
                    if ov > 0 {
                        cands.push((-ov, (g.start as i64 - p.start as i64).abs(), gi, pi));
                    }
                }
            }
            cands.sort();
            let mut ug = vec![false; gold.len()];
            let mut up = vec![false; pred.len()];
            for (_, _, gi, pi) in cands {
                if !ug[gi] && !up[pi] {
                    ug[gi] = true;
                    up[pi] = true;
                    pairs.push((gi, pi));
                }
            }
        }
    }
    pairs
}

fn prf(tp: usize, n_pred: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = if n_pred > 0 {
        tp as f64 / n_pred as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        tp as f64 / n_gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn parse_quotes(v: &Value, n_chars: usize, what: &str) -> Result<Vec<Q>, String> {
    let arr = v
        .get("quotes")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{what}: missing \"quotes\" list"))?;
    let mut out = Vec::new();
    for q in arr {
        let get = |k: &str| q.get(k).and_then(Value::as_u64).map(|x| x as usize);
        let (Some(start), Some(end)) = (get("start"), get("end")) else {
            return Err(format!("{what}: quote without integer start/end"));
        };
        if !(start < end && end <= n_chars) {
            return Err(format!("{what}: span {start}..{end} outside the text"));
        }
        let speaker = q.get("speaker").and_then(Value::as_str).map(str::to_string);
        let speaker_span = match (get("speaker_start"), get("speaker_end")) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        out.push(Q {
            start,
            end,
            speaker,
            speaker_span,
            rule: None,
            entity: None,
        });
    }
    Ok(out)
}

fn snippet(chars: &[char], s: usize, e: usize, width: usize) -> String {
    let t: String = chars[s..e]
        .iter()
        .map(|&c| if c == '\n' { '⏎' } else { c })
        .collect();
    let n = t.chars().count();
    if n <= width {
        t
    } else {
        let head: String = t.chars().take(width / 2 - 2).collect();
        let tail: String = t.chars().skip(n - (width / 2 - 3)).collect();
        format!("{head} ... {tail}")
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut gold_path = None;
    let mut n_err = 0usize;
    let mut min_words = 0usize;
    let mut pred_out: Option<String> = None;
    let mut entities_path: Option<String> = None;
    let mut show_rules = false;
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        let r = match a.as_str() {
            "--errors" => num("--errors").map(|n| n_err = n),
            "--min-words" => num("--min-words").map(|n| min_words = n),
            "--predictions" => args
                .next()
                .map(|p| pred_out = Some(p))
                .ok_or_else(|| "--predictions needs a file".to_string()),
            "--rules" => {
                show_rules = true;
                Ok(())
            }
            "--entities" => args
                .next()
                .map(|p| entities_path = Some(p))
                .ok_or_else(|| "--entities needs a file".to_string()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if !a.starts_with('-') && gold_path.is_none() => {
                gold_path = Some(a);
                Ok(())
            }
            _ => Err(format!("unexpected argument {a}")),
        };
        if let Err(e) = r {
            eprintln!("evaluate: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let Some(gold_path) = gold_path else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let options = RunOptions {
        n_err,
        min_words,
        pred_out,
        show_rules,
        entities_path,
    };
    match run(&gold_path, &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(2)
        }
    }
}

struct RunOptions {
    n_err: usize,
    min_words: usize,
    pred_out: Option<String>,
    show_rules: bool,
    entities_path: Option<String>,
}

fn run(gold_path: &str, o: &RunOptions) -> Result<(), String> {
    let pred_out = o.pred_out.as_deref();
    let file = File::open(gold_path).map_err(|e| format!("cannot open {gold_path}: {e}"))?;
    let attributor = Attributor::new();
    let mut docs = Vec::new();
    let mut pred_writer = match pred_out {
        Some(p) => Some(io::BufWriter::new(
            File::create(p).map_err(|e| format!("cannot create {p}: {e}"))?,
        )),
        None => None,
    };
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{gold_path}: line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let what = format!("{gold_path}: line {}", n + 1);
        let v: Value = serde_json::from_str(&line).map_err(|e| format!("{what}: {e}"))?;
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{what}: no string id"))?
            .to_string();
        let text = v
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{what}: no string text"))?;
        let chars: Vec<char> = text.chars().collect();
        let gold = parse_quotes(&v, chars.len(), &what)?;
        let result = attributor.attribute(text);
        let index = OffsetIndex::new(text);
        let conv = |s: whosaid::Span| index.convert_span(s, OffsetUnit::Chars).unwrap_or((0, 0));
        let pred: Vec<Q> = result
            .speech()
            .map(|aq| {
                let (start, end) = conv(aq.quote().span());
                let sp = aq.speaker();
                Q {
                    start,
                    end,
                    speaker: sp.map(|s| s.text().to_string()),
                    speaker_span: sp.map(|s| conv(s.span())),
                    rule: sp.map(|s| s.rule().to_string()),
                    entity: sp
                        .and_then(|s| s.entity())
                        .and_then(|e| e.name())
                        .map(str::to_string),
                }
            })
            .collect();
        if let Some(w) = pred_writer.as_mut() {
            let quotes: Vec<Value> = pred
                .iter()
                .map(|q| {
                    json!({"start": q.start, "end": q.end, "speaker": q.speaker,
                           "speaker_start": q.speaker_span.map(|s| s.0),
                           "speaker_end": q.speaker_span.map(|s| s.1),
                           "entity": q.entity})
                })
                .collect();
            writeln!(w, "{}", json!({"id": id, "quotes": quotes}))
                .map_err(|e| format!("writing predictions: {e}"))?;
        }
        docs.push(Doc {
            id,
            chars,
            gold,
            pred,
        });
    }
    if let Some(mut w) = pred_writer {
        w.flush().map_err(|e| format!("writing predictions: {e}"))?;
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    report(&docs, o.n_err, o.min_words, o.show_rules);
    if let Some(path) = &o.entities_path {
        let gold = load_entities(path, &docs)?;
        report_entities(&docs, &gold, o.n_err);
    }
    Ok(())
}

/// Reads entity gold, keyed by document id and quotation span.
fn load_entities(
    path: &str,
    docs: &[Doc],
) -> Result<HashMap<(String, usize, usize), GoldEntity>, String> {
    let file = File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    let mut out = HashMap::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let what = format!("{path}: line {}", n + 1);
        let v: Value = serde_json::from_str(&line).map_err(|e| format!("{what}: {e}"))?;
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{what}: no string id"))?;
        if !docs.iter().any(|d| d.id == id) {
            return Err(format!("{what}: id {id:?} not in the gold file"));
        }
        let num = |k: &str| {
            v.get(k)
                .and_then(Value::as_u64)
                .map(|n| n as usize)
                .ok_or_else(|| format!("{what}: no integer {k:?}"))
        };
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let entry = GoldEntity {
            speaker: text("speaker"),
            entity: text("entity"),
            confident: v.get("confident").and_then(Value::as_bool).unwrap_or(true),
        };
        out.insert((id.to_string(), num("start")?, num("end")?), entry);
    }
    Ok(out)
}

/// Whether `pred` names the entity `gold` names, by the reference scorer's
/// rule (see the module documentation).
fn same_entity(lists: &Lists, gold: &str, pred: &str, strict: bool) -> bool {
    let toks = |s: &str| {
        let mut t = lists.norm_tokens(s);
        while t.len() > 1 && matches!(t[t.len() - 1].as_str(), "jr" | "sr" | "ii" | "iii" | "iv") {
            t.pop();
        }
        t
    };
    let (g, p) = (toks(gold), toks(pred));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    if g == p {
        return true;
    }
    if strict && p.len() < g.len() {
        return false;
    }
    if g[g.len() - 1] != p[p.len() - 1] {
        let (gs, ps) = (g.join(" "), p.join(" "));
        return g.len() > 1 && p.len() > 1 && (gs.contains(&ps) || ps.contains(&gs));
    }
    if g.len() == 1 || p.len() == 1 {
        return true;
    }
    let (g0, p0) = (&g[0], &p[0]);
    g0 == p0
        || (g0.chars().count() == 1 && p0.starts_with(g0.as_str()))
        || (p0.chars().count() == 1 && g0.starts_with(p0.as_str()))
}

fn report_entities(docs: &[Doc], gold: &HashMap<(String, usize, usize), GoldEntity>, n_err: usize) {
    let lists = Lists::new();
    // Lenient right, strict right, scored: all, and pronoun speakers.
    let mut counts = [[0usize; 3]; 2];
    let mut not_detected = 0;
    let mut wrong = Vec::new();
    let mut keys: Vec<&(String, usize, usize)> = gold.keys().collect();
    keys.sort();
    for key in keys {
        let g = &gold[key];
        let Some(entity) = g.entity.as_deref().filter(|_| g.confident) else {
            continue;
        };
        let Some(doc) = docs.iter().find(|d| d.id == key.0) else {
            continue;
        };
        let Some(p) = doc.pred.iter().find(|q| q.start == key.1 && q.end == key.2) else {
            not_detected += 1;
            continue;
        };
        let got = p.entity.as_deref();
        let ok = got.is_some_and(|e| same_entity(&lists, entity, e, false));
        let ok_strict = got.is_some_and(|e| same_entity(&lists, entity, e, true));
        let pronoun = g.speaker.as_deref().is_some_and(|s| lists.is_pronoun(s));
        for (k, row) in counts.iter_mut().enumerate() {
            if k == 0 || pronoun {
                row[0] += ok as usize;
                row[1] += ok_strict as usize;
                row[2] += 1;
            }
        }
        if !ok_strict {
            wrong.push((doc, key.1, key.2, g, entity, p));
        }
    }
    let fa = |ok: usize, n: usize| {
        if n == 0 {
            "n/a".to_string()
        } else {
            format!("{:.4} ({ok}/{n})", ok as f64 / n as f64)
        }
    };
    println!(
        "\n{:<28} {:>17} {:>17}",
        "entity accuracy (exact spans)", "lenient", "strict (full name)"
    );
    for (row, label) in counts
        .iter()
        .zip(["gold entity known", "gold mention a pronoun"])
    {
        println!(
            "  {:<26} {:>17} {:>17}",
            label,
            fa(row[0], row[2]),
            fa(row[1], row[2])
        );
    }
    println!("  ({not_detected} gold quotes with a known entity not detected exactly)");
    if n_err > 0 && !wrong.is_empty() {
        println!(
            "\n== wrong entity (first {} of {}, strict) ==",
            n_err.min(wrong.len()),
            wrong.len()
        );
        // Names quoted, or null, as the reference scorer prints them.
        let shown = |s: Option<&str>| s.map_or("null".to_string(), |s| format!("{s:?}"));
        for (d, s, e, g, entity, p) in wrong.iter().take(n_err) {
            println!(
                "- {} [{s}:{e}] gold {entity:?} (mention {}), predicted {} (mention {})",
                d.id,
                shown(g.speaker.as_deref()),
                shown(p.entity.as_deref()),
                shown(p.speaker.as_deref())
            );
        }
    }
}

fn report(docs: &[Doc], n_err: usize, min_words: usize, show_rules: bool) {
    let lists = Lists::new();
    let modes = [
        (Mode::Exact, "exact span"),
        (Mode::NoMarks, "exact, marks ignored"),
        (Mode::Overlap, "overlap (1-to-1)"),
    ];
    let n_words = |d: &Doc, q: &Q| {
        d.chars[q.start..q.end]
            .iter()
            .collect::<String>()
            .split_whitespace()
            .count()
    };
    let mut tp = [0usize; 3];
    let mut e2e = [0usize; 3];
    let mut spk = [[0usize; 2]; 3];
    let mut spk_nn = [[0usize; 2]; 3];
    let mut spk_named = [[0usize; 2]; 3];
    let (mut n_gold, mut n_pred) = (0, 0);
    let mut rules: HashMap<String, [usize; 2]> = HashMap::new();
    let mut missed = Vec::new();
    let mut spurious = Vec::new();
    let mut wrong = Vec::new();
    for d in docs {
        let g: Vec<&Q> = d
            .gold
            .iter()
            .filter(|q| n_words(d, q) >= min_words)
            .collect();
        let p: Vec<&Q> = d
            .pred
            .iter()
            .filter(|q| n_words(d, q) >= min_words)
            .collect();
        n_gold += g.len();
        n_pred += p.len();
        for (mi, &(mode, _)) in modes.iter().enumerate() {
            let pairs = matching(d, &g, &p, mode);
            tp[mi] += pairs.len();
            for &(gi, pi) in &pairs {
                let ok = lists.speaker_correct(g[gi], p[pi]);
                e2e[mi] += ok as usize;
                spk[mi][0] += ok as usize;
                spk[mi][1] += 1;
                if let Some(gs) = &g[gi].speaker {
                    spk_nn[mi][0] += ok as usize;
                    spk_nn[mi][1] += 1;
                    if !lists.is_pronoun(gs) {
                        spk_named[mi][0] += ok as usize;
                        spk_named[mi][1] += 1;
                    }
                }
                if mode == Mode::Overlap {
                    let r = rules
                        .entry(p[pi].rule.clone().unwrap_or_else(|| "(none)".into()))
                        .or_default();
                    r[0] += ok as usize;
                    r[1] += 1;
                    if !ok {
                        wrong.push((d, g[gi].clone(), Some(p[pi].clone())));
                    }
                }
            }
            if mode == Mode::Overlap {
                let mg: Vec<usize> = pairs.iter().map(|x| x.0).collect();
                let mp: Vec<usize> = pairs.iter().map(|x| x.1).collect();
                for (gi, q) in g.iter().enumerate() {
                    if !mg.contains(&gi) {
                        missed.push((d, (*q).clone(), None));
                    }
                }
                for (pi, q) in p.iter().enumerate() {
                    if !mp.contains(&pi) {
                        spurious.push((d, (*q).clone(), None));
                    }
                }
            }
        }
    }
    println!("documents: {}", docs.len());
    println!(
        "quotes:    {n_gold} gold, {n_pred} predicted{}\n",
        if min_words > 0 {
            format!("  (only quotes of >= {min_words} words)")
        } else {
            String::new()
        }
    );
    // A precision/recall/F1 table, one row per matching mode.
    let prf_table = |title: &str, counts: &[usize; 3]| {
        println!(
            "{:<28} {:>9} {:>9} {:>9} {:>7}",
            title, "precision", "recall", "F1", "TP"
        );
        for (mi, (_, name)) in modes.iter().enumerate() {
            let (p, r, f) = prf(counts[mi], n_pred, n_gold);
            println!(
                "  {:<26} {:>9.4} {:>9.4} {:>9.4} {:>7}",
                name, p, r, f, counts[mi]
            );
        }
    };
    prf_table("quote detection", &tp);
    let fa = |a: [usize; 2]| {
        if a[1] == 0 {
            "n/a".to_string()
        } else {
            format!("{:.4} ({}/{})", a[0] as f64 / a[1] as f64, a[0], a[1])
        }
    };
    println!(
        "\n{:<28} {:>17} {:>17} {:>17}",
        "speaker accuracy", "all matched", "gold not null", "gold not pronoun"
    );
    for (mi, (_, name)) in modes.iter().enumerate() {
        println!(
            "  {:<26} {:>17} {:>17} {:>17}",
            name,
            fa(spk[mi]),
            fa(spk_nn[mi]),
            fa(spk_named[mi])
        );
    }
    println!();
    prf_table("end-to-end (quote+speaker)", &e2e);
    if show_rules {
        // The resolver's rules in the order its steps first record them,
        // each with the confidence it reports and how often it is right.
        println!("\nspeaker accuracy by rule (overlap matching), in the resolver's order");
        println!(
            "  {:<26} {:>10} {:>13} {:>8}",
            "rule", "confidence", "right", "accuracy"
        );
        let names = Rule::ALL
            .iter()
            .map(|r| (r.as_str().to_string(), Some(r.confidence())))
            .chain(std::iter::once(("(none)".to_string(), None)));
        for (rule, confidence) in names {
            let Some(&[ok, n]) = rules.get(&rule) else {
                continue;
            };
            println!(
                "  {:<26} {:>10} {:>13} {:>8.3}",
                rule,
                confidence.map_or("-".to_string(), |c| format!("{c:.2}")),
                format!("{ok} / {n}"),
                ok as f64 / n as f64
            );
        }
    }
    let ctx = |d: &Doc, q: &Q| {
        let s = q.start.saturating_sub(120);
        let e = (q.end + 120).min(d.chars.len());
        format!(
            "{}[[{}]]{}",
            snippet(&d.chars, s, q.start, 240),
            snippet(&d.chars, q.start, q.end, 160),
            snippet(&d.chars, q.end, e, 240)
        )
    };
    for (title, items) in [
        ("missed", &missed),
        ("spurious", &spurious),
        ("wrong speaker", &wrong),
    ] {
        if n_err == 0 || items.is_empty() {
            continue;
        }
        println!(
            "\n== {title} (first {} of {}, overlap matching) ==",
            n_err.min(items.len()),
            items.len()
        );
        for (d, q, p) in items.iter().take(n_err) {
            println!("- {} [{}:{}]", d.id, q.start, q.end);
            println!("    {}", ctx(d, q));
            if title != "spurious" {
                println!("    gold speaker: {:?}", q.speaker);
            }
            if let Some(p) = p {
                println!(
                    "    pred speaker: {:?} ({})",
                    p.speaker,
                    p.rule.as_deref().unwrap_or("-")
                );
            } else if title == "spurious" {
                println!(
                    "    pred speaker: {:?} ({})",
                    q.speaker,
                    q.rule.as_deref().unwrap_or("-")
                );
            }
        }
    }
}
