//! `attribute`: find the quotations in text and tell who said them.
//!
//! ```text
//! attribute [OPTIONS] [FILE...]              text files ('-' or piped stdin: standard input)
//! attribute --jsonl [OPTIONS] [FILE...]      JSON Lines in, JSON Lines out
//! attribute --jsonl-out [OPTIONS] PATH...    text files (or directories of *.txt) in, JSON Lines out
//! ```
//!
//! With no file, and standard input a terminal or a character device such
//! as `/dev/null`, attributes a bundled sample article. See the README for
//! the output contract.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use whosaid::jsonl::{process_line_with_fields, FieldNames, JsonlOptions, LineOutput};
use whosaid::{Attributor, OffsetUnit, SingleQuotes, SpanSelection};

const SAMPLE: &str = include_str!("../tests/fixtures/mattis-islamabad.txt");

const USAGE: &str = "\
usage: attribute [OPTIONS] [FILE...]
       attribute --jsonl [OPTIONS] [FILE...]
       attribute --jsonl-out [OPTIONS] PATH...

Finds the quotations in news text and tells who said them.

FILE '-', or piped input with no FILE, reads standard input. With no FILE
and standard input a terminal (or /dev/null), attributes a bundled sample
article.

input: English news text, as plain text. Paragraphs are lines, or, in
hard-wrapped text (lines of some 72 columns), blocks between blank lines;
each document is judged for itself. Strip HTML or XML tags first: a mark
after a tag opens as after a space, character references of quotation
marks (&quot; &ldquo; &#8220;) are read as marks, other text is read as it
is. A byte order mark is skipped. Single marks delimit quotations in a
document that quotes in them (see --single-quotes). In a transcript, a
paragraph opening with a speaker label (ROE:, Q:) is that speaker's turn;
a turn without marks is listed as a quotation of kind \"turn\".

options:
  --json                 print one JSON document instead of a table
  --jsonl                read JSON Lines ({\"id\": ..., \"text\": \"...\"} per line)
                         from each FILE in order (standard input with none),
                         write one JSON line per non-blank input line, in order
  --text-field NAME      with --jsonl: the field holding the text (default text)
  --id-field NAME        with --jsonl: the field holding the id (default id)
  --jsonl-out            read text files, and directories recursively for
                         *.txt in sorted order; write one JSON line per file,
                         with the file's path as its id
  --offsets UNIT         offsets in JSON output: chars (code points, default),
                         bytes or utf16
  --all-spans            list every top-level quoted span with its kind, not
                         only reported speech and transcript turns
  --single-quotes WHEN   whether single marks delimit top-level quotations:
                         auto (default: when the document quotes in them,
                         as British papers do), always, never; the bare
                         flag means always
  --threads N            worker threads for --jsonl and --jsonl-out
                         (default: all cores)
  -h, --help             print this help
  -V, --version          print the version

exit status: 0 on success, 1 when some input line or file failed,
2 on a usage error or when input cannot be read.
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A table per text.
    Table,
    /// One JSON document for all texts.
    Json,
    /// JSON Lines in, JSON Lines out.
    Jsonl,
    /// Text files in, JSON Lines out.
    JsonlOut,
}

struct Options {
    mode: Mode,
    offsets: OffsetUnit,
    spans: SpanSelection,
    single_quotes: SingleQuotes,
    threads: Option<usize>,
    fields: FieldNames,
    files: Vec<String>,
}

/// What the command line asks for.
enum Command {
    Run(Options),
    Help,
    Version,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut o = Options {
        mode: Mode::Table,
        offsets: OffsetUnit::Chars,
        spans: SpanSelection::Speech,
        single_quotes: SingleQuotes::Auto,
        threads: None,
        fields: FieldNames::default(),
        files: Vec::new(),
    };
    let mut modes: Vec<&str> = Vec::new();
    let mut field_option: Option<&str> = None;
    let mut args = args.into_iter().peekable();
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
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--json" => {
                o.mode = Mode::Json;
                modes.push("--json");
            }
            "--jsonl" => {
                o.mode = Mode::Jsonl;
                modes.push("--jsonl");
            }
            "--jsonl-out" => {
                o.mode = Mode::JsonlOut;
                modes.push("--jsonl-out");
            }
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
            "--text-field" | "--id-field" => {
                let v = value(&name)?;
                if v.is_empty() {
                    return Err(format!("{name} needs a field name"));
                }
                if name == "--text-field" {
                    o.fields.text = v;
                    field_option.get_or_insert("--text-field");
                } else {
                    o.fields.id = v;
                    field_option.get_or_insert("--id-field");
                }
            }
            _ => return Err(format!("unknown option {a}")),
        }
    }
    modes.dedup();
    if modes.len() > 1 {
        return Err(format!("{} exclude each other", modes.join(" and ")));
    }
    if let Some(f) = field_option {
        if o.mode != Mode::Jsonl {
            return Err(format!("{f} needs --jsonl"));
        }
    }
    if o.mode == Mode::JsonlOut && o.files.is_empty() {
        return Err("--jsonl-out needs a file or directory ('-' for standard input)".into());
    }
    Ok(Command::Run(o))
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
    let opts = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(o)) => o,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("attribute {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("attribute: {msg}; see attribute --help");
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
    let result = match opts.mode {
        Mode::Jsonl => run_jsonl(&attributor, &opts),
        Mode::JsonlOut => run_jsonl_out(&attributor, &opts),
        Mode::Table | Mode::Json => run_texts(&attributor, &opts),
    };
    result.unwrap_or_else(|code| code)
}

/// Whether standard input holds data to read: a pipe, a socket or a
/// regular file, even an empty one. A terminal, a character device such as
/// `/dev/null`, or a closed standard input holds none.
#[cfg(unix)]
fn stdin_has_data() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;

    let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    match File::from(fd).metadata() {
        Ok(m) => {
            let t = m.file_type();
            t.is_fifo() || t.is_file() || t.is_socket()
        }
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn stdin_has_data() -> bool {
    !io::stdin().is_terminal()
}

/// Reads all of `reader` as UTF-8 text; the error says why not.
fn read_text(mut reader: impl Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()))
}

/// Reads the text inputs: files, standard input or the bundled sample.
fn read_inputs(opts: &Options) -> (Vec<(String, String)>, bool) {
    let mut inputs = Vec::new();
    let mut failed = false;
    if opts.files.is_empty() && !stdin_has_data() {
        inputs.push((
            "sample: mattis-islamabad.txt".to_string(),
            SAMPLE.to_string(),
        ));
        return (inputs, failed);
    }
    let stdin_only = ["-".to_string()];
    let files = if opts.files.is_empty() {
        &stdin_only[..]
    } else {
        &opts.files[..]
    };
    for f in files {
        let (name, read) = if f == "-" {
            ("<stdin>".to_string(), read_text(io::stdin().lock()))
        } else {
            let read = File::open(f)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(read_text);
            (f.clone(), read)
        };
        match read {
            Ok(text) if fits(&name, &text) => inputs.push((name, text)),
            Ok(_) => failed = true,
            Err(e) => {
                eprintln!("attribute: {name}: {e}");
                failed = true;
            }
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
    #[serde(flatten)]
    document: whosaid::DocumentRecord,
}

fn run_texts(attributor: &Attributor, opts: &Options) -> Result<ExitCode, ExitCode> {
    let (inputs, failed) = read_inputs(opts);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if opts.mode == Mode::Json {
        let documents: Vec<JsonDocument<'_>> = inputs
            .iter()
            .map(|(name, text)| JsonDocument {
                source: name,
                document: attributor
                    .attribute(text)
                    .to_document(opts.offsets, opts.spans),
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
        let speaker = s.map_or("-".to_string(), |s| clip(s.text(), 26));
        let entity = s
            .and_then(|s| s.entity())
            .and_then(|e| e.name())
            .map_or("-".to_string(), |n| clip(n, 24));
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

/// One source of JSON Lines: a file, or standard input.
struct Source {
    name: String,
    reader: Box<dyn BufRead>,
}

/// Opens the `--jsonl` inputs in order; says on stderr which cannot be
/// read.
fn open_sources(opts: &Options) -> (Vec<Source>, Option<u64>, bool) {
    let mut sources = Vec::new();
    let mut total = Some(0u64);
    let mut unreadable = false;
    let stdin_only = ["-".to_string()];
    let files = if opts.files.is_empty() {
        &stdin_only[..]
    } else {
        &opts.files[..]
    };
    for f in files {
        if f == "-" {
            total = None;
            sources.push(Source {
                name: "<stdin>".to_string(),
                reader: Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
            });
            continue;
        }
        match File::open(f) {
            Ok(file) => {
                let len = file.metadata().ok().map(|m| m.len());
                total = total.zip(len).map(|(t, l)| t + l);
                sources.push(Source {
                    name: f.clone(),
                    reader: Box::new(BufReader::with_capacity(1 << 20, file)),
                });
            }
            Err(e) => {
                eprintln!("attribute: cannot read {f}: {e}");
                unreadable = true;
            }
        }
    }
    (sources, total, unreadable)
}

/// Whether `reader` starts with the gzip magic bytes (1f 8b); reads
/// nothing away.
fn is_gzip(reader: &mut dyn BufRead) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(buf.starts_with(&[0x1f, 0x8b]))
}

/// Counts the documents and failures of a run, for the closing line on
/// stderr.
#[derive(Default)]
struct Tally {
    documents: u64,
    failed: u64,
    /// Where the first failure was: a line of a source, or a file.
    first: Option<String>,
}

impl Tally {
    fn add(&mut self, out: &LineOutput, place: impl FnOnce() -> String) {
        self.documents += 1;
        if out.failed {
            self.failed += 1;
            if self.first.is_none() {
                self.first = Some(place());
            }
        }
    }

    /// One line on stderr when anything failed.
    fn report(&self, what: &str) {
        if let Some(first) = &self.first {
            eprintln!(
                "attribute: {} of {} {what} failed; the first at {first}",
                self.failed, self.documents
            );
        }
    }
}

fn thread_pool(opts: &Options) -> Result<rayon::ThreadPool, ExitCode> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(|e| {
            eprintln!("attribute: cannot start worker threads: {e}");
            ExitCode::from(2)
        })
}

fn run_jsonl(attributor: &Attributor, opts: &Options) -> Result<ExitCode, ExitCode> {
    let (sources, total, mut unreadable) = open_sources(opts);
    let pool = thread_pool(opts)?;
    let options = JsonlOptions {
        offsets: opts.offsets,
        spans: opts.spans,
    };
    let mut progress = Progress {
        enabled: total.is_some() && io::stderr().is_terminal(),
        total,
        start: Instant::now(),
        last: Instant::now(),
        docs: 0,
        bytes: 0,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut tally = Tally::default();
    for Source { name, mut reader } in sources {
        match is_gzip(&mut *reader) {
            Ok(false) => {}
            Ok(true) => {
                let (what, file) = if name == "<stdin>" {
                    ("standard input", "FILE")
                } else {
                    (name.as_str(), name.as_str())
                };
                eprintln!(
                    "attribute: {what} is gzip-compressed; pipe it through zcat: \
                     zcat {file} | attribute --jsonl"
                );
                unreadable = true;
                continue;
            }
            Err(e) => {
                eprintln!("attribute: cannot read {name}: {e}");
                unreadable = true;
                continue;
            }
        }
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
                        eprintln!("attribute: cannot read {name}: {e}");
                        eof = true;
                        unreadable = true;
                        break;
                    }
                }
            }
            let outputs: Vec<(u64, Option<LineOutput>)> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|(n, line)| {
                        let out =
                            process_line_with_fields(attributor, *n, line, &options, &opts.fields);
                        (*n, out)
                    })
                    .collect()
            });
            for (n, o) in outputs {
                let Some(o) = o else { continue };
                tally.add(&o, || format!("line {n} of {name}"));
                progress.docs += 1;
                check_write(out.write_all(o.json.as_bytes()))?;
                check_write(out.write_all(b"\n"))?;
            }
            progress.bytes += batch_bytes as u64;
            progress.show(false);
        }
    }
    check_write(out.flush())?;
    progress.show(true);
    tally.report("documents");
    Ok(if unreadable {
        ExitCode::from(2)
    } else if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A `--jsonl-out` input: a text file, or standard input.
enum TextSource {
    File(PathBuf),
    Stdin,
}

impl TextSource {
    /// The id of its output line.
    fn id(&self) -> String {
        match self {
            TextSource::File(p) => p.to_string_lossy().into_owned(),
            TextSource::Stdin => "-".to_string(),
        }
    }

    fn read(&self) -> Result<String, String> {
        match self {
            TextSource::File(p) => File::open(p)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(read_text),
            TextSource::Stdin => read_text(io::stdin().lock()),
        }
    }
}

/// The `*.txt` files under `dir`, in sorted order, depth first; symbolic
/// links to directories are not followed. An unreadable directory becomes
/// an entry whose read fails.
fn walk_txt(dir: &Path, found: &mut Vec<TextSource>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(_) => {
            found.push(TextSource::File(dir.to_path_buf()));
            return;
        }
    };
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (e.path(), is_dir)
        })
        .collect();
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk_txt(&path, found);
        } else if path.extension().is_some_and(|x| x == "txt") && path.is_file() {
            found.push(TextSource::File(path));
        }
    }
}

/// The record of one text file: its document, or why it has none.
#[derive(serde::Serialize)]
struct FileRecord<'a> {
    id: &'a str,
    #[serde(flatten)]
    document: whosaid::DocumentRecord,
}

#[derive(serde::Serialize)]
struct FileFailure<'a> {
    id: &'a str,
    error: &'a str,
}

fn file_output(
    attributor: &Attributor,
    options: &JsonlOptions,
    id: &str,
    text: Result<String, String>,
) -> LineOutput {
    let failure = |error: &str| LineOutput {
        json: serde_json::to_string(&FileFailure { id, error })
            .unwrap_or_else(|_| r#"{"id":null,"error":"unprintable error"}"#.to_string()),
        failed: true,
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => return failure(&e),
    };
    let result = match attributor.try_attribute(&text) {
        Ok(result) => result,
        Err(e) => return failure(&e.to_string()),
    };
    let document = result.to_document(options.offsets, options.spans);
    match serde_json::to_string(&FileRecord { id, document }) {
        Ok(json) => LineOutput {
            json,
            failed: false,
        },
        Err(e) => failure(&format!("cannot write output: {e}")),
    }
}

fn run_jsonl_out(attributor: &Attributor, opts: &Options) -> Result<ExitCode, ExitCode> {
    let mut sources = Vec::new();
    for f in &opts.files {
        let path = Path::new(f);
        if f == "-" {
            sources.push(TextSource::Stdin);
        } else if path.is_dir() {
            walk_txt(path, &mut sources);
        } else {
            sources.push(TextSource::File(path.to_path_buf()));
        }
    }
    let pool = thread_pool(opts)?;
    let options = JsonlOptions {
        offsets: opts.offsets,
        spans: opts.spans,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut tally = Tally::default();
    let mut rest = &sources[..];
    while !rest.is_empty() {
        // Read one batch of files, then attribute it in parallel.
        let mut batch: Vec<(String, Result<String, String>)> = Vec::new();
        let mut batch_bytes = 0usize;
        while let Some((source, tail)) = rest.split_first() {
            if batch_bytes >= BATCH_BYTES || batch.len() >= BATCH_LINES {
                break;
            }
            rest = tail;
            let text = source.read();
            batch_bytes += text.as_ref().map_or(0, String::len);
            batch.push((source.id(), text));
        }
        let outputs: Vec<(String, LineOutput)> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|(id, text)| {
                    let out = file_output(attributor, &options, &id, text);
                    (id, out)
                })
                .collect()
        });
        for (id, o) in outputs {
            tally.add(&o, || id.clone());
            check_write(out.write_all(o.json.as_bytes()))?;
            check_write(out.write_all(b"\n"))?;
        }
    }
    check_write(out.flush())?;
    tally.report("files");
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
