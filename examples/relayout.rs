//! `relayout`: write a gold corpus again in another layout or mark style,
//! with its offsets mapped, to check that whosaid reads text as it comes.
//!
//! ```text
//! cargo run --release --example relayout -- --wrap 72 GOLD.jsonl OUT.jsonl
//! cargo run --release --example relayout -- --single-marks curly GOLD.jsonl OUT.jsonl
//! cargo run --release --example relayout -- --single-marks straight GOLD.jsonl OUT.jsonl
//! ```
//!
//! GOLD is JSON Lines as `evaluate` reads it (`"id"`, `"text"`, `"quotes"`
//! with `start`, `end`, `speaker_start`, `speaker_end` in code points).
//! Every other field is copied unchanged.
//!
//! * `--wrap N`: each line of the text is a paragraph; the output separates
//!   paragraphs with one blank line and breaks each at spaces into lines of
//!   at most N columns (a word longer than that keeps a line of its own), as
//!   plain-text exports and wire feeds do.
//! * `--single-marks curly|straight`: quotations in single marks, British
//!   style. The marks that delimit a gold quotation, and every double mark
//!   outside the gold quotations, become single ones (`‘` or `’` by their
//!   role when curly, `'` when straight); inside a gold quotation, double
//!   marks of nested quotations stay double and the single marks of nested
//!   quotations become double. Apostrophes, and single marks outside the
//!   gold quotations, stay as they are.
//!
//! The converted corpus is for measuring only: write it outside the
//! repository.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use serde_json::Value;

const USAGE: &str =
    "usage: relayout (--wrap N | --single-marks curly|straight) GOLD.jsonl OUT.jsonl";

#[derive(Clone, Copy, Debug)]
enum Mode {
    Wrap(usize),
    SingleMarks { curly: bool },
}

/// A text rewritten character by character: each input character becomes
/// a replacement string (possibly empty), so that offsets map both ways.
struct Rewrite {
    out: String,
    /// For each input character, where its replacement starts, in output
    /// code points; one more entry for the end of the text.
    starts: Vec<usize>,
    /// For each input character, the code points of its replacement.
    lens: Vec<usize>,
}

impl Rewrite {
    fn new(chars: &[char], replacement: impl Fn(usize) -> Option<String>) -> Rewrite {
        let mut out = String::new();
        let mut starts = Vec::with_capacity(chars.len() + 1);
        let mut lens = Vec::with_capacity(chars.len());
        let mut at = 0;
        for (i, &c) in chars.iter().enumerate() {
            starts.push(at);
            let n = match replacement(i) {
                Some(r) => {
                    out.push_str(&r);
                    r.chars().count()
                }
                None => {
                    out.push(c);
                    1
                }
            };
            lens.push(n);
            at += n;
        }
        starts.push(at);
        Rewrite { out, starts, lens }
    }

    fn start(&self, i: usize) -> usize {
        self.starts[i]
    }

    /// The output offset of an exclusive end `e`: just after the
    /// replacement of character `e - 1`.
    fn end(&self, e: usize) -> usize {
        match e {
            0 => 0,
            _ => self.starts[e - 1] + self.lens[e - 1],
        }
    }
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// Paragraphs one a line become paragraphs separated by a blank line, each
/// broken at spaces into lines of at most `width` columns.
fn wrap(chars: &[char], width: usize) -> Vec<Option<String>> {
    let mut repl: Vec<Option<String>> = vec![None; chars.len()];
    let n = chars.len();
    let mut i = 0;
    let mut seen_text = false;
    while i < n {
        // A run of line breaks and the blank space between them: one blank
        // line between paragraphs, nothing before the first or after the
        // last.
        if is_break(chars[i]) || (chars[i].is_whitespace() && line_is_blank(chars, i)) {
            let start = i;
            while i < n
                && (is_break(chars[i]) || (chars[i].is_whitespace() && line_is_blank(chars, i)))
            {
                i += 1;
            }
            let sep = if seen_text && i < n { "\n\n" } else { "" };
            repl[start] = Some(sep.to_string());
            for r in &mut repl[start + 1..i] {
                *r = Some(String::new());
            }
            continue;
        }
        // One paragraph: greedy filling, breaking at the last space that
        // keeps the line within the width.
        seen_text = true;
        let mut col = 0;
        let mut last_space: Option<(usize, usize)> = None; // (index, column)
        while i < n && !is_break(chars[i]) {
            if chars[i] == ' ' && col > 0 {
                last_space = Some((i, col));
            }
            col += 1;
            if col > width {
                if let Some((s, scol)) = last_space.take() {
                    repl[s] = Some("\n".to_string());
                    col -= scol + 1;
                }
            }
            i += 1;
        }
    }
    repl
}

/// Whether the line holding character `i` is blank (only whitespace).
fn line_is_blank(chars: &[char], i: usize) -> bool {
    let mut a = i;
    while a > 0 && !is_break(chars[a - 1]) {
        a -= 1;
    }
    let mut b = i;
    while b < chars.len() && !is_break(chars[b]) {
        b += 1;
    }
    chars[a..b].iter().all(|c| c.is_whitespace())
}

/// A double mark at `i`: its length in characters (two for `''` and two
/// backticks), or 0.
fn double_mark(chars: &[char], i: usize) -> usize {
    match chars[i] {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => 1,
        '\'' if chars.get(i + 1) == Some(&'\'') => 2,
        '`' if chars.get(i + 1) == Some(&'`') => 2,
        _ => 0,
    }
}

/// An opening-shaped double mark after a space.
fn opens_double(chars: &[char], i: usize) -> bool {
    let shaped = matches!(chars[i], '\u{201C}' | '\u{201E}' | '\u{AB}')
        || (chars[i] == '`' && chars.get(i + 1) == Some(&'`'));
    shaped && i > 0 && (chars[i - 1].is_whitespace() || matches!(chars[i - 1], '(' | '['))
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '`')
}

/// Words an apostrophe shortens at their start: not quotation marks.
fn is_elision(chars: &[char], i: usize) -> bool {
    let word: String = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let digits = word.len() == 2 && word.chars().all(|c| c.is_ascii_digit())
        || word.len() == 3 && word.ends_with('s') && word.starts_with(|c: char| c.is_ascii_digit());
    digits
        || matches!(
            word.as_str(),
            "tis" | "twas" | "em" | "til" | "n" | "cause" | "bout"
        )
}

fn opens_single(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(i + 1).copied();
    let free_before = before.is_none_or(|c| {
        c.is_whitespace()
            || matches!(c, '(' | '[' | '—' | '–' | '-')
            || double_mark(chars, i - 1) > 0
    });
    chars[i] != '`'
        && free_before
        && after.is_some_and(|c| c.is_alphanumeric())
        && !is_elision(chars, i)
        || chars[i] == '\u{2018}'
}

fn closes_single(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(i + 1).copied();
    matches!(chars[i], '\'' | '\u{2019}')
        && before.is_some_and(|c| !c.is_whitespace())
        && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Double marks become single and the single marks of nested quotations
/// double. The gold quotations say which marks delimit them: their first and
/// last mark, and a double mark opening a paragraph inside them (a
/// quotation of several paragraphs), become single; other double marks
/// inside them are nested quotations and stay double, while their single
/// marks that pair become double. Outside the gold quotations a curly mark
/// keeps its direction, and a toggle over each line's double marks tells
/// straight openers from closers.
fn single_marks(chars: &[char], gold: &[(usize, usize)], curly: bool) -> Vec<Option<String>> {
    let mut repl: Vec<Option<String>> = vec![None; chars.len()];
    let (open1, close1, open2, close2) = if curly {
        ("\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}")
    } else {
        ("'", "'", "\"", "\"")
    };
    let single_for = |c: char, opener: bool| match c {
        '\u{201E}' => "\u{201A}",
        '\u{AB}' => "\u{2039}",
        '\u{BB}' => "\u{203A}",
        _ if opener => open1,
        _ => close1,
    };
    let set = |repl: &mut Vec<Option<String>>, i: usize, w: usize, mark: &str| {
        repl[i] = Some(mark.to_string());
        for r in &mut repl[i + 1..i + w] {
            *r = Some(String::new());
        }
    };
    let mut g = 0; // the first gold quotation not ended before `i`
    let mut inside = false; // the toggle, outside gold quotations
    let mut nested_open: Option<usize> = None;
    let mut line_start = true;
    let mut i = 0;
    while i < chars.len() {
        while g < gold.len() && gold[g].1 <= i {
            g += 1;
        }
        let in_gold = g < gold.len() && gold[g].0 <= i;
        if is_break(chars[i]) {
            inside = false;
            nested_open = None;
            line_start = true;
            i += 1;
            continue;
        }
        let w = double_mark(chars, i);
        if w > 0 {
            if in_gold {
                let (start, end) = gold[g];
                if i == start || line_start {
                    set(&mut repl, i, w, single_for(chars[i], true));
                } else if i + w == end {
                    set(&mut repl, i, w, single_for(chars[i], false));
                }
                nested_open = None;
            } else if inside && opens_double(chars, i) {
                // An opening mark after a space inside a quotation: nested,
                // as the gold toggle reads it; the next closer ends the
                // outer quotation.
            } else {
                // Curly marks show their direction; the toggle tells it for
                // straight ones.
                let opener = match chars[i] {
                    '\u{201C}' | '\u{201E}' | '\u{AB}' => true,
                    '\u{201D}' | '\u{BB}' => false,
                    _ => !inside,
                };
                set(&mut repl, i, w, single_for(chars[i], opener));
                inside = !inside;
            }
            line_start = false;
            i += w;
            continue;
        }
        if !chars[i].is_whitespace() {
            line_start = false;
        }
        if in_gold && is_single(chars[i]) {
            match nested_open {
                None if opens_single(chars, i) => nested_open = Some(i),
                Some(o) if closes_single(chars, i) => {
                    repl[o] = Some(open2.to_string());
                    repl[i] = Some(close2.to_string());
                    nested_open = None;
                }
                _ => {}
            }
        }
        i += 1;
    }
    repl
}

fn convert(doc: &mut Value, mode: Mode) -> Result<(), String> {
    let text = doc
        .get("text")
        .and_then(Value::as_str)
        .ok_or("missing string \"text\"")?;
    let chars: Vec<char> = text.chars().collect();
    let mut gold: Vec<(usize, usize)> = doc
        .get("quotes")
        .and_then(Value::as_array)
        .map(|qs| {
            qs.iter()
                .filter_map(|q| {
                    let at = |k: &str| q.get(k).and_then(Value::as_u64).map(|v| v as usize);
                    Some((at("start")?, at("end")?))
                })
                .filter(|&(s, e)| s < e && e <= chars.len())
                .collect()
        })
        .unwrap_or_default();
    gold.sort_unstable();
    let repl = match mode {
        Mode::Wrap(width) => wrap(&chars, width),
        Mode::SingleMarks { curly } => single_marks(&chars, &gold, curly),
    };
    let rw = Rewrite::new(&chars, |i| repl[i].clone());
    let n = chars.len();
    let new_chars: Vec<char> = rw.out.chars().collect();
    if let Some(quotes) = doc.get_mut("quotes").and_then(Value::as_array_mut) {
        for q in quotes {
            let Some(q) = q.as_object_mut() else {
                return Err("a quote is not an object".into());
            };
            for (key, is_end) in [
                ("start", false),
                ("end", true),
                ("speaker_start", false),
                ("speaker_end", true),
            ] {
                let Some(v) = q.get(key).and_then(Value::as_u64) else {
                    continue;
                };
                let v = v as usize;
                if v > n {
                    return Err(format!("{key} {v} past the end of the text ({n})"));
                }
                let mapped = if is_end { rw.end(v) } else { rw.start(v) };
                q.insert(key.to_string(), Value::from(mapped));
            }
            // The speaker as the new text writes it (its marks may have
            // changed).
            let span = (q.get("speaker_start"), q.get("speaker_end"));
            if let (Some(s), Some(e)) = (
                span.0.and_then(Value::as_u64),
                span.1.and_then(Value::as_u64),
            ) {
                let speaker: String = new_chars[s as usize..e as usize].iter().collect();
                q.insert("speaker".to_string(), Value::String(speaker));
            }
        }
    }
    doc["text"] = Value::String(rw.out);
    Ok(())
}

fn parse_args() -> Result<(Mode, String, String), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut mode = None;
    let mut files = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--wrap" => {
                let v = it.next().ok_or("--wrap needs a width")?;
                let w: usize = v
                    .parse()
                    .ok()
                    .filter(|&w| w > 0)
                    .ok_or_else(|| format!("--wrap needs a positive width, not {v:?}"))?;
                mode = Some(Mode::Wrap(w));
            }
            "--single-marks" => {
                let curly = match it.next().as_deref() {
                    Some("curly") => true,
                    Some("straight") => false,
                    other => {
                        return Err(format!(
                            "--single-marks takes curly or straight, not {other:?}"
                        ))
                    }
                };
                mode = Some(Mode::SingleMarks { curly });
            }
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => files.push(a),
        }
    }
    let mode = mode.ok_or("give --wrap N or --single-marks curly|straight")?;
    match <[String; 2]>::try_from(files) {
        Ok([gold, out]) => Ok((mode, gold, out)),
        Err(_) => Err("give one gold file and one output file".into()),
    }
}

fn main() -> ExitCode {
    let (mode, gold, out) = match parse_args() {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("relayout: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let input = match File::open(&gold) {
        Ok(f) => BufReader::new(f),
        Err(e) => {
            eprintln!("relayout: cannot open {gold}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut output = match File::create(&out) {
        Ok(f) => BufWriter::new(f),
        Err(e) => {
            eprintln!("relayout: cannot create {out}: {e}");
            return ExitCode::from(2);
        }
    };
    for (k, line) in input.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("relayout: {gold}: {e}");
                return ExitCode::from(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let converted = serde_json::from_str::<Value>(&line)
            .map_err(|e| e.to_string())
            .and_then(|mut doc| convert(&mut doc, mode).map(|()| doc));
        match converted {
            Ok(doc) => {
                if let Err(e) = writeln!(output, "{doc}") {
                    eprintln!("relayout: cannot write {out}: {e}");
                    return ExitCode::from(2);
                }
            }
            Err(e) => {
                eprintln!("relayout: {gold} line {}: {e}", k + 1);
                return ExitCode::from(2);
            }
        }
    }
    if let Err(e) = output.flush() {
        eprintln!("relayout: cannot write {out}: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
