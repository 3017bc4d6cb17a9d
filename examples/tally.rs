//! `tally`: who is quoted, how often, across a corpus.
//!
//! ```text
//! cargo run --release --example tally -- [--json] [--top N] [--threads N] [FILE]
//! ```
//!
//! Reads JSON Lines (one object a line with a string `"text"`, from FILE or
//! standard input), attributes every document in parallel, and counts the
//! quotations of reported speech of each entity. Entities are joined across
//! documents by canonical name and kind ("Donald Trump", person); a
//! quotation whose speaker has no named entity ("a spokesman", an
//! unresolved "he") is counted apart. The table lists name, kind, gender,
//! quotations and documents, most quoted first; `--json` prints
//! `{"entities": [{"name", "kind", "gender", "quotations", "documents"}, ...],
//! "unnamed": N, "documents": N, "errors": N}` instead. A gender is given
//! when the documents that tell it agree.
//!
//! Exit status: 0 on success, 1 when some line could not be read as a
//! document (it is skipped and counted), 2 on a usage error or unreadable
//! input.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::Value;
use whosaid::{Attributor, EntityCategory, Gender};

const USAGE: &str = "usage: tally [--json] [--top N] [--threads N] [FILE]";

const HELP: &str = "\
usage: tally [--json] [--top N] [--threads N] [FILE]

Counts who is quoted, how often, in a corpus of JSON Lines
({\"text\": \"...\"} per line; FILE, or standard input without one).

options:
  --json         print JSON instead of a table
  --top N        list only the N most quoted entities (table: 50 by default)
  --threads N    worker threads (default: all cores)
  -h, --help     print this help
";

/// Documents are attributed in batches of this many lines.
const BATCH: usize = 2048;

/// The counts of one entity, joined across documents.
#[derive(Default)]
struct Count {
    quotations: usize,
    documents: usize,
    female: usize,
    male: usize,
}

impl Count {
    fn gender(&self) -> Option<Gender> {
        match (self.female, self.male) {
            (f, 0) if f > 0 => Some(Gender::Female),
            (0, m) if m > 0 => Some(Gender::Male),
            _ => None,
        }
    }
}

/// What one document adds: for each named entity with quotations, its key,
/// its quotations and its gender; and its quotations without a named
/// entity.
struct DocumentTally {
    entities: Vec<((String, EntityCategory), usize, Option<Gender>)>,
    unnamed: usize,
}

fn tally_document(attributor: &Attributor, text: &str) -> DocumentTally {
    let result = attributor.attribute(text);
    let mut unnamed = 0;
    for q in result.speech() {
        if q.speaker()
            .and_then(|s| s.entity())
            .and_then(|e| e.name())
            .is_none()
        {
            unnamed += 1;
        }
    }
    let entities = result
        .entities()
        .filter_map(|e| {
            let n = e.quotes().filter(|q| q.quote().is_speech()).count();
            let name = e.name()?;
            (n > 0).then(|| ((name.to_string(), e.kind().category()), n, e.gender()))
        })
        .collect();
    DocumentTally { entities, unnamed }
}

struct Options {
    json: bool,
    top: Option<usize>,
    threads: Option<usize>,
    file: Option<String>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        json: false,
        top: None,
        threads: None,
        file: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{name} needs a positive number"))
        };
        match a.as_str() {
            "--json" => o.json = true,
            "--top" => o.top = Some(number("--top")?),
            "--threads" => o.threads = Some(number("--threads")?),
            "-h" | "--help" => return Ok(None),
            _ if a.starts_with('-') && a != "-" => return Err(format!("unknown option {a}")),
            _ if o.file.is_none() => o.file = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    Ok(Some(o))
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("tally: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(n) = opts.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("tally: cannot start {n} threads: {e}");
            return ExitCode::from(2);
        }
    }
    let input: Box<dyn Read> = match opts.file.as_deref() {
        None | Some("-") => Box::new(io::stdin()),
        Some(path) => match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("tally: cannot open {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    match run(&opts, BufReader::new(input)) {
        Ok(errors) if errors > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tally: {e}");
            ExitCode::from(2)
        }
    }
}

/// The text of one JSON Lines line, or why there is none.
fn text_of(line: &str) -> Result<String, String> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(mut map)) => match map.remove("text") {
            Some(Value::String(t)) => Ok(t),
            _ => Err("missing string field \"text\"".to_string()),
        },
        Ok(_) => Err("not a JSON object".to_string()),
        Err(e) => Err(format!("invalid JSON: {e}")),
    }
}

/// Tallies the input; returns the number of lines that were no document.
fn run(opts: &Options, input: impl BufRead) -> Result<usize, String> {
    let attributor = Attributor::new();
    let mut counts: HashMap<(String, EntityCategory), Count> = HashMap::new();
    let (mut documents, mut unnamed, mut errors) = (0usize, 0usize, 0usize);
    let mut lines = input.lines().enumerate();
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for (n, line) in lines.by_ref().take(BATCH) {
            let line = line.map_err(|e| format!("reading line {}: {e}", n + 1))?;
            if !line.trim().is_empty() {
                batch.push((n + 1, line));
            }
        }
        if batch.is_empty() {
            break;
        }
        let tallies: Vec<Result<DocumentTally, (usize, String)>> = batch
            .par_iter()
            .map(|(n, line)| {
                text_of(line)
                    .map(|t| tally_document(&attributor, &t))
                    .map_err(|e| (*n, e))
            })
            .collect();
        for t in tallies {
            match t {
                Ok(t) => {
                    documents += 1;
                    unnamed += t.unnamed;
                    for (key, n, gender) in t.entities {
                        let c = counts.entry(key).or_default();
                        c.quotations += n;
                        c.documents += 1;
                        match gender {
                            Some(Gender::Female) => c.female += 1,
                            Some(Gender::Male) => c.male += 1,
                            _ => {}
                        }
                    }
                }
                Err((n, e)) => {
                    if errors == 0 {
                        eprintln!("tally: line {n}: {e} (skipped)");
                    }
                    errors += 1;
                }
            }
        }
    }
    if errors > 1 {
        eprintln!("tally: {errors} lines skipped in all");
    }
    let mut rows: Vec<((String, EntityCategory), Count)> = counts.into_iter().collect();
    rows.sort_by(|a, b| {
        (b.1.quotations, b.1.documents)
            .cmp(&(a.1.quotations, a.1.documents))
            .then_with(|| a.0.cmp(&b.0))
    });
    let top = opts.top.or((!opts.json).then_some(50));
    if let Some(n) = top {
        rows.truncate(n);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if opts.json {
        write_json(&mut out, &rows, unnamed, documents, errors)
    } else {
        write_table(&mut out, &rows, unnamed, documents)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(errors),
        // A closed pipe (`tally | head`) is the reader's choice.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(errors),
        Err(e) => Err(format!("writing output: {e}")),
    }
}

fn write_json(
    out: &mut impl Write,
    rows: &[((String, EntityCategory), Count)],
    unnamed: usize,
    documents: usize,
    errors: usize,
) -> io::Result<()> {
    let entities: Vec<Value> = rows
        .iter()
        .map(|((name, kind), c)| {
            serde_json::json!({
                "name": name,
                "kind": kind.as_str(),
                "gender": c.gender().map(Gender::as_str),
                "quotations": c.quotations,
                "documents": c.documents,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "entities": entities,
        "unnamed": unnamed,
        "documents": documents,
        "errors": errors,
    });
    writeln!(out, "{doc}")
}

fn write_table(
    out: &mut impl Write,
    rows: &[((String, EntityCategory), Count)],
    unnamed: usize,
    documents: usize,
) -> io::Result<()> {
    writeln!(
        out,
        "{:<36} {:<13} {:<7} {:>10} {:>9}",
        "entity", "kind", "gender", "quotations", "documents"
    )?;
    for ((name, kind), c) in rows {
        let name: String = if name.chars().count() > 36 {
            name.chars().take(35).chain(['…']).collect()
        } else {
            name.clone()
        };
        writeln!(
            out,
            "{:<36} {:<13} {:<7} {:>10} {:>9}",
            name,
            kind.as_str(),
            c.gender().map_or("-", Gender::as_str),
            c.quotations,
            c.documents
        )?;
    }
    writeln!(
        out,
        "\n{documents} documents; {unnamed} quotations without a named speaker"
    )
}
