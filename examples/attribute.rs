//! `attribute`: find the quotations in text and tell who said them.
//!
//! ```text
//! attribute [OPTIONS] [FILE...]          text files ('-' or piped stdin: standard input)
//! attribute --jsonl [OPTIONS] [FILE]     JSON Lines in, JSON Lines out
//! ```
//!
//! With no file and nothing piped in, attributes a bundled sample article.
//! See the README for the output contract.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use whosaid::jsonl::{process_line, JsonlOptions, LineOutput};
use whosaid::{Attributor, OffsetUnit, SingleQuotes, SpanSelection};

const SAMPLE: &str = include_str!("../tests/fixtures/mattis-islamabad.txt");

const USAGE: &str = "\
usage: attribute [OPTIONS] [FILE...]
       attribute --jsonl [OPTIONS] [FILE]

Finds the quotations in news text and tells who said them.

With no FILE and nothing piped in, attributes a bundled sample article.
FILE '-' (or piped input with no FILE) reads standard input.

input: English news text, as plain text. Paragraphs are lines, or, in
hard-wrapped text (lines of some 72 columns), blocks between blank lines;
each document is judged for itself. Strip HTML or XML tags first: a mark
after a tag opens as after a space, character references of quotation
marks (&quot; &ldquo; &#8220;) are read as marks, other text is read as it
is. A byte order mark is skipped. Single marks delimit quotations in a
document that quotes in them (see --single-quotes).

options:
  --json                 print one JSON document instead of a table
  --jsonl                read JSON Lines ({\"id\": ..., \"text\": \"...\"} per line),
                         write one JSON line per non-blank input line, in order
  --offsets UNIT         offsets in JSON output: chars (code points, default),
                         bytes or utf16
  --all-spans            list every top-level quoted span with its kind, not
                         only reported speech
  --single-quotes WHEN   whether single marks delimit top-level quotations:
                         auto (default: when the document quotes in them,
                         as British papers do), always, never; the bare
                         flag means always
  --threads N            worker threads for --jsonl (default: all cores)
  -h, --help             print this help

exit status: 0 on success, 1 when some input line or file failed,
2 on a usage error or when input cannot be read.
";

struct Options {
    json: bool,
    jsonl: bool,
    offsets: OffsetUnit,
    spans: SpanSelection,
    single_quotes: SingleQuotes,
    threads: Option<usize>,
    files: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        json: false,
        jsonl: false,
        offsets: OffsetUnit::Chars,
        spans: SpanSelection::Speech,
        single_quotes: SingleQuotes::Auto,
        threads: None,
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1).peekable();
    let mut only_files = false;
    while let Some(a) = args.next() {
        if only_files || a == "-" || !a.starts_with('-') {
            o.files.push(a);
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (a.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{what} needs a value"))
        };
        match name.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Err(String::new()),
            "--json" => o.json = true,
            "--jsonl" => o.jsonl = true,
            "--all-spans" => o.spans = SpanSelection::All,
            "--single-quotes" => {
                // The bare flag (an older form) means always.
                let when = match inline.clone() {
                    Some(v) => v,
                    None if args
                        .peek()
                        .is_some_and(|v| matches!(v.as_str(), "auto" | "always" | "never")) =>
                    {
                        args.next().unwrap_or_default()
                    }
                    None => "always".to_string(),
                };
                o.single_quotes = match when.as_str() {
                    "auto" => SingleQuotes::Auto,
                    "always" => SingleQuotes::TopLevel,
                    "never" => SingleQuotes::NestedOnly,
                    _ => {
                        return Err(format!(
                            "--single-quotes takes auto, always or never, not {when:?}"
                        ))
                    }
                };
            }
            "--offsets" => {
                o.offsets = value("--offsets")?
                    .parse()
                    .map_err(|e: whosaid::Error| e.to_string())?
            }
            "--threads" => {
                let v = value("--threads")?;
                let n: usize = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--threads needs a positive number, not {v:?}"))?;
                o.threads = Some(n);
            }
            _ => return Err(format!("unknown option {a}")),
        }
    }
    if o.jsonl && o.json {
        return Err("--json and --jsonl exclude each other".into());
    }
    if o.jsonl && o.files.len() > 1 {
        return Err("--jsonl reads one file (or standard input)".into());
    }
    Ok(o)
}

/// Ends the program quietly when the reader of our output has gone away.
fn check_write(r: io::Result<()>) -> Result<(), ExitCode> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("attribute: cannot write output: {e}");
            Err(ExitCode::from(2))
        }
    }
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(msg) if msg.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("attribute: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let attributor = match Attributor::builder()
        .single_quotes(opts.single_quotes)
        .build()
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("attribute: {e}");
            return ExitCode::from(2);
        }
    };
    let result = if opts.jsonl {
        run_jsonl(&attributor, &opts)
    } else {
        run_texts(&attributor, &opts)
    };
    result.unwrap_or_else(|code| code)
}

/// Reads the text inputs: files, standard input or the bundled sample.
fn read_inputs(opts: &Options) -> (Vec<(String, String)>, bool) {
    let mut inputs = Vec::new();
    let mut failed = false;
    let files = opts.files.clone();
    if files.is_empty() {
        // No file: piped input if there is any, else the bundled sample (a
        // terminal, or an empty stdin as under an IDE or CI runner).
        let mut piped = String::new();
        let has_input = !io::stdin().is_terminal()
            && io::stdin().lock().read_to_string(&mut piped).is_ok()
            && !piped.trim().is_empty();
        if has_input {
            if fits("<stdin>", &piped) {
                inputs.push(("<stdin>".to_string(), piped));
            } else {
                failed = true;
            }
        } else {
            inputs.push((
                "sample: mattis-islamabad.txt".to_string(),
                SAMPLE.to_string(),
            ));
        }
        return (inputs, failed);
    }
    for f in files {
        let mut bytes = Vec::new();
        let read = if f == "-" {
            io::stdin().lock().read_to_end(&mut bytes)
        } else {
            File::open(&f).and_then(|mut h| h.read_to_end(&mut bytes))
        };
        let name = if f == "-" { "<stdin>".to_string() } else { f };
        match read {
            Err(e) => {
                eprintln!("attribute: cannot read {name}: {e}");
                failed = true;
            }
            Ok(_) => match String::from_utf8(bytes) {
                Ok(text) if fits(&name, &text) => inputs.push((name, text)),
                Ok(_) => failed = true,
                Err(e) => {
                    eprintln!(
                        "attribute: {name}: not valid UTF-8 (at byte {})",
                        e.utf8_error().valid_up_to()
                    );
                    failed = true;
                }
            },
        }
    }
    (inputs, failed)
}

/// Whether `text` is short enough to attribute (at most
/// `tokenizer::MAX_TEXT_LEN`, 4 GiB); says why not on stderr.
fn fits(name: &str, text: &str) -> bool {
    let fits = text.len() <= whosaid::tokenizer::MAX_TEXT_LEN;
    if !fits {
        let e = whosaid::Error::TooLong { len: text.len() };
        eprintln!("attribute: {name}: {e}");
    }
    fits
}

/// The `--json` output: one document per input, in order.
#[derive(serde::Serialize)]
struct JsonOutput<'a> {
    documents: Vec<JsonDocument<'a>>,
}

#[derive(serde::Serialize)]
struct JsonDocument<'a> {
    source: &'a str,
    quotes: Vec<whosaid::QuoteRecord>,
}

fn run_texts(attributor: &Attributor, opts: &Options) -> Result<ExitCode, ExitCode> {
    let (inputs, failed) = read_inputs(opts);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if opts.json {
        let documents: Vec<JsonDocument<'_>> = inputs
            .iter()
            .map(|(name, text)| JsonDocument {
                source: name,
                quotes: attributor
                    .attribute(text)
                    .to_records(opts.offsets, opts.spans),
            })
            .collect();
        let s = serde_json::to_string_pretty(&JsonOutput { documents })
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        check_write(writeln!(out, "{s}"))?;
    } else {
        for (i, (name, text)) in inputs.iter().enumerate() {
            if i > 0 {
                check_write(writeln!(out))?;
            }
            check_write(print_table(&mut out, name, attributor, text, opts.spans))?;
        }
    }
    check_write(out.flush())?;
    Ok(if failed {
        ExitCode::from(if inputs.is_empty() { 2 } else { 1 })
    } else {
        ExitCode::SUCCESS
    })
}

fn clip(s: &str, width: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= width {
        flat
    } else {
        let mut t: String = flat.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn print_table(
    out: &mut impl Write,
    name: &str,
    attributor: &Attributor,
    text: &str,
    spans: SpanSelection,
) -> io::Result<()> {
    let result = attributor.attribute(text);
    let quotes: Vec<_> = match spans {
        SpanSelection::Speech => result.speech().collect(),
        SpanSelection::All => result.quotes().collect(),
    };
    writeln!(out, "{name}: {} quotation(s)", quotes.len())?;
    if quotes.is_empty() {
        return Ok(());
    }
    let all = spans == SpanSelection::All;
    let header = [
        format!("{:<4}", "#"),
        format!("{:<46}", "quote"),
        format!("{:<26}", "speaker"),
        format!("{:<24}", "entity"),
        format!("{:<24}", "cue"),
        format!("rule{}", if all { " (kind)" } else { "" }),
    ];
    writeln!(out, "{}", header.join(" "))?;
    for (i, aq) in quotes.iter().enumerate() {
        let q = aq.quote();
        let s = aq.speaker();
        let speaker = s.map_or("-".to_string(), |s| clip(s.mention_text(), 26));
        let entity = s
            .and_then(|s| s.entity())
            .map_or("-".to_string(), |e| clip(e.name(), 24));
        let cue = s
            .map(|s| s.cue_text())
            .filter(|c| !c.is_empty())
            .map_or("-".to_string(), |c| clip(&c, 24));
        let rule = s.map_or("-".to_string(), |s| {
            format!("{} {:.2}", s.rule(), s.confidence())
        });
        let mut quote = clip(q.as_str(), 46);
        if q.is_unclosed() {
            quote = clip(&format!("{quote} [unclosed]"), 46);
        }
        let kind = if all {
            format!(" ({})", q.kind().as_str())
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:<4} {:<46} {:<26} {:<24} {:<24} {}{}",
            i + 1,
            quote,
            speaker,
            entity,
            cue,
            rule,
            kind
        )?;
    }
    Ok(())
}

/// Lines are read in batches of about this many bytes, attributed in
/// parallel, and written in input order: memory stays bounded by the batch
/// (or the largest line), not the file.
const BATCH_BYTES: usize = 8 << 20;
const BATCH_LINES: usize = 4096;

struct Progress {
    enabled: bool,
    total: Option<u64>,
    start: Instant,
    last: Instant,
    docs: u64,
    bytes: u64,
}

impl Progress {
    fn show(&mut self, force: bool) {
        if !self.enabled || (!force && self.last.elapsed() < Duration::from_millis(200)) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let total = self
            .total
            .map(|t| {
                format!(
                    " / {:.1} MB ({:.0}%)",
                    t as f64 / 1e6,
                    100.0 * self.bytes as f64 / t.max(1) as f64
                )
            })
            .unwrap_or_default();
        eprint!(
            "\r{} documents, {mb:.1} MB{total}, {:.1} MB/s   ",
            self.docs,
            mb / secs
        );
        if force {
            eprintln!();
        }
    }
}

fn run_jsonl(attributor: &Attributor, opts: &Options) -> Result<ExitCode, ExitCode> {
    let path = opts.files.first().filter(|f| f.as_str() != "-");
    let (reader, total): (Box<dyn BufRead>, Option<u64>) = match path {
        Some(p) => match File::open(p) {
            Ok(f) => {
                let len = f.metadata().ok().map(|m| m.len());
                (Box::new(BufReader::with_capacity(1 << 20, f)), len)
            }
            Err(e) => {
                eprintln!("attribute: cannot read {p}: {e}");
                return Err(ExitCode::from(2));
            }
        },
        None => (
            Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
            None,
        ),
    };
    let source = path.map_or("<stdin>", |s| s.as_str()).to_string();
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("attribute: cannot start worker threads: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let options = JsonlOptions {
        offsets: opts.offsets,
        spans: opts.spans,
    };
    let mut progress = Progress {
        enabled: path.is_some() && io::stderr().is_terminal(),
        total,
        start: Instant::now(),
        last: Instant::now(),
        docs: 0,
        bytes: 0,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut reader = reader;
    let mut failed = false;
    // The input itself failed (not one line of it): exit status 2.
    let mut unreadable = false;
    let mut line_number = 0u64;
    let mut eof = false;
    while !eof {
        // Read one batch of lines.
        let mut batch: Vec<(u64, Vec<u8>)> = Vec::new();
        let mut batch_bytes = 0usize;
        while batch_bytes < BATCH_BYTES && batch.len() < BATCH_LINES {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(n) => {
                    line_number += 1;
                    batch_bytes += n;
                    batch.push((line_number, line));
                }
                Err(e) => {
                    eprintln!("attribute: cannot read {source}: {e}");
                    eof = true;
                    unreadable = true;
                    break;
                }
            }
        }
        let outputs: Vec<Option<LineOutput>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, line)| process_line(attributor, *n, line, &options))
                .collect()
        });
        for o in outputs.into_iter().flatten() {
            failed |= o.failed;
            progress.docs += 1;
            check_write(out.write_all(o.json.as_bytes()))?;
            check_write(out.write_all(b"\n"))?;
        }
        progress.bytes += batch_bytes as u64;
        progress.show(false);
    }
    check_write(out.flush())?;
    progress.show(true);
    Ok(if unreadable {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
