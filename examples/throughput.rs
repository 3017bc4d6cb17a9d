//! `throughput`: how fast `whosaid::attribute` runs, single-threaded, against
//! merely counting `str::split_whitespace` over the same text in the same
//! process.
//!
//! ```text
//! cargo run --release --example throughput -- [FILE.jsonl] [OPTIONS]
//! ```
//!
//! FILE is JSON Lines with a `"text"` field per line (other fields are
//! ignored). Without FILE, a generated news-like corpus of about 5 MB is used
//! (`benches/common/mod.rs`).
//!
//! Modes (default: news):
//!
//! * news: every text attributed on its own, several rounds; best and
//!   median MB/s of `attribute` and of `split_whitespace().count()`, their
//!   ratio, and the share of each pipeline stage.
//! * `--concat N[,M...]`: the texts joined (cycling through them as needed)
//!   into one document of the largest size, and that document cut (after a
//!   blank line) into documents of about each size; ns per byte of each
//!   size, best and median, and the per-byte cost of each size relative to
//!   the first; the user and system CPU time and the page faults (Linux);
//!   the median time of each stage. Every timed run attributes all of the
//!   text, as one document or as many, so that every size is timed over
//!   the same bytes;
//!   the sizes take turns, `--rounds` times in alternating order (no new
//!   round after two minutes), in the same spells of a noisy machine.
//! * `--hostile`: hostile inputs of `--hostile-mb` MB (default 4) built in
//!   memory, each timed at growing sizes (1/1024, 1/256, ... and all of it), with
//!   MB/s, per-byte cost relative to news text, and the growth exponent
//!   between the last two sizes (1 is linear, 2 quadratic). A size predicted
//!   to take longer than `--budget` seconds is not run; its cost is
//!   extrapolated with the measured exponent and marked `~`. Each input runs
//!   in a child process (`--hostile-one NAME`), so that a stack overflow or a
//!   timeout ends only its row; `--only NAME,...` picks inputs. Every input
//!   ends with a paragraph holding one quotation (`"x," he said.`), so that
//!   no stage is skipped: `attribute` stops after the quote detector on a
//!   text without quotations.
//! * `--rss N`: attributes one document of about N MB once and prints the
//!   peak resident memory (VmHWM) before and after, for a peak-memory
//!   constant; `--rss-baseline` builds the document without attributing it.
//!   With `--rss-keep`, about N MB of texts are attributed one by one and
//!   every result is kept alive instead: the memory the results hold per
//!   input byte, at sizes where one document would take too long.
//!   Run under `/usr/bin/time -v` for a second opinion.
//! * `--floor`: what bounds the speed. Beside `split_whitespace` and
//!   `attribute`, times `Tokenizer::tokenize` alone and a bare scan that
//!   cuts the text into words, punctuation and spaces and writes one record
//!   per token as large as the tokenizer's `Token` but looks nothing up:
//!   the floor of any pipeline that first turns the text into a token
//!   vector. Same rounds, alternating, each row's ratio to
//!   `split_whitespace`.
//!
//! Options: `--rounds R` (default 9), `--limit N` (only the first N texts,
//! for profiling), `--budget SECS` (default 30): any one
//! call to `attribute` that runs longer than 4 x budget ends the process with
//! a lower bound on its cost.
//!
//! MB here is 10^6 bytes.

use std::fs;
use std::hint::black_box;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use whosaid::entities::cluster;
use whosaid::{MentionFinder, QuoteDetector, SpeakerResolver, Tokenizer};

#[path = "../benches/common/mod.rs"]
mod common;

const MB: f64 = 1_000_000.0;

const USAGE: &str = "\
usage: throughput [FILE.jsonl] [--rounds R] [--limit N] [--budget SECS]
                  [--concat N[,M...]] [--hostile [--hostile-mb N] [--only NAME,...]]
                  [--rss N [--rss-baseline] [--rss-keep]] [--floor]";

struct Args {
    path: Option<String>,
    rounds: usize,
    budget: f64,
    concat: Vec<f64>,
    hostile: bool,
    hostile_mb: f64,
    rss: Option<f64>,
    rss_baseline: bool,
    rss_keep: bool,
    floor: bool,
    limit: Option<usize>,
    only: Vec<String>,
    hostile_one: Option<String>,
    news_ns: f64,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        path: None,
        rounds: 9,
        budget: 30.0,
        concat: Vec::new(),
        hostile: false,
        hostile_mb: 4.0,
        rss: None,
        rss_baseline: false,
        rss_keep: false,
        floor: false,
        limit: None,
        only: Vec::new(),
        hostile_one: None,
        news_ns: 100.0,
    };
    let mut it = std::env::args().skip(1);
    let num = |v: Option<String>, name: &str| -> Result<f64, String> {
        v.ok_or(format!("{name} needs a value"))?
            .parse::<f64>()
            .map_err(|e| format!("{name}: {e}"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--rounds" => a.rounds = (num(it.next(), "--rounds")? as usize).max(1),
            "--budget" => a.budget = num(it.next(), "--budget")?,
            "--concat" => {
                let v = it.next().ok_or("--concat needs a value")?;
                for part in v.split(',') {
                    a.concat.push(
                        part.trim()
                            .parse::<f64>()
                            .map_err(|e| format!("--concat: {e}"))?,
                    );
                }
            }
            "--hostile" => a.hostile = true,
            "--hostile-mb" => a.hostile_mb = num(it.next(), "--hostile-mb")?,
            "--rss" => a.rss = Some(num(it.next(), "--rss")?),
            "--rss-baseline" => a.rss_baseline = true,
            "--rss-keep" => a.rss_keep = true,
            "--floor" => a.floor = true,
            "--only" => {
                let v = it.next().ok_or("--only needs a value")?;
                a.only = v.split(',').map(|x| x.trim().to_string()).collect();
            }
            "--hostile-one" => {
                a.hostile_one = Some(it.next().ok_or("--hostile-one needs a value")?)
            }
            "--news-ns" => a.news_ns = num(it.next(), "--news-ns")?,
            "--limit" => a.limit = Some(num(it.next(), "--limit")? as usize),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => a.path = Some(arg),
        }
    }
    Ok(a)
}

fn load_texts(path: Option<&str>) -> Result<Vec<String>, String> {
    let Some(path) = path else {
        eprintln!("no FILE given: using a generated news-like corpus of about 5 MB");
        return Ok(common::news_corpus(5_000_000, 0x5EED));
    };
    let raw = fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut texts = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        }
    }
    if texts.is_empty() {
        return Err(format!("{path}: no line with a \"text\" field"));
    }
    Ok(texts)
}

/// Ends the process when a guarded call runs past its limit: a quadratic
/// case must not hang the measurement.
struct Watchdog {
    done: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Watchdog {
    fn new(limit: Duration, message: String) -> Watchdog {
        let done = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&done);
        let thread = thread::spawn(move || {
            let start = Instant::now();
            while !flag.load(Ordering::Acquire) {
                let elapsed = start.elapsed();
                if elapsed >= limit {
                    println!("TIMEOUT after {:.0} s: {message}", elapsed.as_secs_f64());
                    std::process::exit(3);
                }
                thread::park_timeout(limit - elapsed);
            }
        });
        Watchdog {
            done,
            thread: Some(thread),
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Release);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
    }
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / MB / d.as_secs_f64().max(1e-12)
}

fn ns_per_byte(bytes: usize, d: Duration) -> f64 {
    d.as_secs_f64() * 1e9 / bytes.max(1) as f64
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The highest of speeds (MB/s): the best run.
fn best(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(0.0, f64::max)
}

/// The lowest of costs (ns per byte): the best run.
fn least(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::INFINITY, f64::min)
}

fn attribute_all(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| whosaid::attribute(black_box(t.as_str())).speech().count())
        .sum()
}

fn split_all(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| black_box(t.as_str()).split_whitespace().count())
        .sum()
}

fn timed<R>(f: impl FnOnce() -> R) -> (Duration, R) {
    let start = Instant::now();
    let r = black_box(f());
    (start.elapsed(), r)
}

/// Time spent in each stage, and the number of speech quotations.
#[derive(Clone, Copy, Debug, Default)]
struct Stages {
    tokenize: Duration,
    quotes: Duration,
    mentions: Duration,
    entities: Duration,
    resolve: Duration,
    speech: usize,
}

impl Stages {
    fn total(&self) -> Duration {
        self.tokenize + self.quotes + self.mentions + self.entities + self.resolve
    }

    fn add(&mut self, o: Stages) {
        self.tokenize += o.tokenize;
        self.quotes += o.quotes;
        self.mentions += o.mentions;
        self.entities += o.entities;
        self.resolve += o.resolve;
        self.speech += o.speech;
    }

    fn shares(&self) -> String {
        let t = self.total().as_secs_f64().max(1e-12);
        let pct = |d: Duration| 100.0 * d.as_secs_f64() / t;
        format!(
            "tokenize {:4.1}%  quotes {:4.1}%  mentions {:4.1}%  entities {:4.1}%  resolve {:4.1}%",
            pct(self.tokenize),
            pct(self.quotes),
            pct(self.mentions),
            pct(self.entities),
            pct(self.resolve)
        )
    }
}

/// The default pipeline stage by stage (what `attribute` does).
fn staged(text: &str) -> Stages {
    let t0 = Instant::now();
    let doc = Tokenizer::new().tokenize(black_box(text));
    let t1 = Instant::now();
    let quotes = QuoteDetector::new().detect(&doc);
    let t2 = Instant::now();
    let mentions = MentionFinder::new().find(&doc, &quotes);
    let t3 = Instant::now();
    let entities = cluster(&doc, &mentions);
    let t4 = Instant::now();
    let speakers = SpeakerResolver::new().resolve(&doc, &quotes, &mentions, &entities);
    let t5 = Instant::now();
    let speech = quotes.iter().filter(|q| q.is_speech()).count();
    black_box(&speakers);
    Stages {
        tokenize: t1 - t0,
        quotes: t2 - t1,
        mentions: t3 - t2,
        entities: t4 - t3,
        resolve: t5 - t4,
        speech,
    }
}

/// News mode; returns the best ns per byte of `attribute`.
fn news(texts: &[String], rounds: usize) -> f64 {
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "news: {} texts, {:.2} MB, {rounds} rounds (after one warm-up round)",
        texts.len(),
        bytes as f64 / MB
    );
    // Warm-up: the word lists are built on first use.
    black_box(attribute_all(texts));
    black_box(split_all(texts));
    let mut attr = Vec::new();
    let mut split = Vec::new();
    let mut speech = 0;
    for r in 0..rounds {
        for j in 0..2 {
            if in_turn(r, j, 2) == 0 {
                let (d, n) = timed(|| attribute_all(texts));
                speech = n;
                attr.push(mbps(bytes, d));
            } else {
                split.push(mbps(bytes, timed(|| split_all(texts)).0));
            }
        }
    }
    let mut st = Stages::default();
    for t in texts {
        st.add(staged(t));
    }
    println!("  speech quotations found: {speech}");
    println!(
        "  attribute         best {:8.2} MB/s   median {:8.2} MB/s",
        best(&attr),
        median(&attr)
    );
    println!(
        "  split_whitespace  best {:8.2} MB/s   median {:8.2} MB/s",
        best(&split),
        median(&split)
    );
    println!(
        "  ratio attribute/split_whitespace: best {:.3}   median {:.3}",
        best(&attr) / best(&split),
        median(&attr) / median(&split)
    );
    println!("  stages: {}", st.shares());
    // ns per byte = 1e9 / (MB/s x 1e6).
    1e3 / best(&attr)
}

/// The `j`-th of `n` contenders to time in round `round`: forwards in even
/// rounds, backwards in odd ones, so that none always runs first or on a
/// cache the one before it warmed.
fn in_turn(round: usize, j: usize, n: usize) -> usize {
    if round % 2 == 0 {
        j
    } else {
        n - 1 - j
    }
}

/// One record per token, as large as `whosaid::Token` (12 bytes).
#[derive(Clone, Copy)]
struct BareToken {
    _start: u32,
    _len: u16,
    _kind: u8,
    _classes: [u8; 5],
}

// The floor is only fair while the bare record is as large as the real one.
const _: () = assert!(std::mem::size_of::<BareToken>() == std::mem::size_of::<whosaid::Token>());

/// The bare scan of `--floor`: runs of ASCII letters and digits and of
/// non-ASCII bytes are words, each other byte but whitespace a token of its
/// own. Returns the number of tokens.
fn bare_scan(text: &str, out: &mut Vec<BareToken>) -> usize {
    // 0: word byte, 1: whitespace, 2: anything else.
    static CLASS: [u8; 256] = {
        let mut t = [2u8; 256];
        let mut i = 0;
        while i < 256 {
            let c = i as u8;
            if c.is_ascii_alphanumeric() || c >= 0x80 {
                t[i] = 0;
            } else if c.is_ascii_whitespace() {
                t[i] = 1;
            }
            i += 1;
        }
        t
    };
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = CLASS[b[i] as usize];
        let start = i;
        i += 1;
        if c == 1 {
            continue;
        }
        if c == 0 {
            while i < b.len() && CLASS[b[i] as usize] == 0 {
                i += 1;
            }
        }
        out.push(BareToken {
            _start: start as u32,
            _len: (i - start) as u16,
            _kind: c,
            _classes: [0; 5],
        });
    }
    out.len()
}

/// `--floor` mode.
fn floor_mode(texts: &[String], rounds: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "floor: {} texts, {:.2} MB, {rounds} rounds (after one warm-up round)",
        texts.len(),
        bytes as f64 / MB
    );
    let tokenizer = Tokenizer::new();
    let mut buf = Vec::new();
    let mut run = |k: usize| -> usize {
        texts
            .iter()
            .map(|t| {
                let t = black_box(t.as_str());
                match k {
                    0 => t.split_whitespace().count(),
                    1 => bare_scan(t, &mut buf),
                    2 => tokenizer.tokenize(t).tokens().len(),
                    _ => whosaid::attribute(t).speech().count(),
                }
            })
            .sum()
    };
    let names = [
        "split_whitespace",
        "bare scan, Token-sized",
        "Tokenizer::tokenize",
        "attribute",
    ];
    let mut speeds = vec![Vec::new(); names.len()];
    for k in 0..names.len() {
        black_box(run(k));
    }
    for r in 0..rounds {
        for j in 0..names.len() {
            let k = in_turn(r, j, names.len());
            let (d, n) = timed(|| run(k));
            black_box(n);
            speeds[k].push(mbps(bytes, d));
        }
    }
    for (name, s) in names.iter().zip(&speeds) {
        println!(
            "  {name:26} best {:8.2} MB/s   median {:8.2} MB/s   ratio to split_whitespace best {:.3}   median {:.3}",
            best(s),
            median(s),
            best(s) / best(&speeds[0]),
            median(s) / median(&speeds[0])
        );
    }
}

/// The texts joined by blank lines, cycling, into about `bytes` bytes.
fn concat(texts: &[String], bytes: usize) -> String {
    let longest = texts.iter().map(String::len).max().unwrap_or(0);
    let mut doc = String::with_capacity(bytes + longest + 2);
    if longest == 0 {
        return doc;
    }
    for t in texts.iter().cycle() {
        if doc.len() >= bytes {
            break;
        }
        doc.push_str(t);
        doc.push_str("\n\n");
    }
    doc
}

/// Times `attribute` on one document: one staged run (for the breakdown),
/// then plain runs while they are cheap. Returns the best time.
fn measure_doc(label: &str, doc: &str, rounds: usize, limit: Duration) -> (Duration, Stages) {
    let dog = Watchdog::new(
        limit,
        format!(
            "{label} ({:.2} MB): slower than {:.4} MB/s",
            doc.len() as f64 / MB,
            mbps(doc.len(), limit)
        ),
    );
    let st = staged(doc);
    let mut best_t = st.total();
    let mut spent = best_t;
    let mut n = 1;
    while n < rounds && spent < Duration::from_secs(3) {
        let (d, _) = timed(|| whosaid::attribute(black_box(doc)).speech().count());
        best_t = best_t.min(d);
        spent += d;
        n += 1;
    }
    drop(dog);
    (best_t, st)
}

/// `doc` cut after the first blank line at or past every `bytes` bytes; a
/// last piece shorter than half of that goes with the one before.
fn pieces(doc: &str, bytes: usize) -> Vec<&str> {
    let bytes = bytes.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while start < doc.len() {
        let from = (start + bytes).min(doc.len());
        // Searched as bytes: `from` need not be a character boundary, and
        // the end, after two line feeds, always is.
        let mut end = doc.as_bytes()[from..]
            .windows(2)
            .position(|w| w == b"\n\n")
            .map_or(doc.len(), |k| from + k + 2);
        if doc.len() - end < bytes / 2 {
            end = doc.len();
        }
        out.push(&doc[start..end]);
        start = end;
    }
    out
}

/// What this thread has used so far, where Linux's `/proc` tells it.
#[derive(Clone, Copy, Default)]
struct Usage {
    /// User and system CPU time, in seconds (ticks of 10 ms).
    user: f64,
    system: f64,
    /// Minor page faults: pages the kernel mapped in.
    faults: f64,
}

impl Usage {
    fn now() -> Option<Usage> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        // The fields after the command name, which ends with the last ')':
        // the 10th of the file is minflt, the 14th and 15th utime, stime.
        let fields: Vec<&str> = stat.get(stat.rfind(')')? + 2..)?.split(' ').collect();
        let field = |n: usize| fields.get(n - 3)?.parse::<f64>().ok();
        Some(Usage {
            user: field(14)? / 100.0,
            system: field(15)? / 100.0,
            faults: field(10)?,
        })
    }

    fn add_since(&mut self, before: Usage, after: Usage) {
        self.user += after.user - before.user;
        self.system += after.system - before.system;
        self.faults += after.faults - before.faults;
    }
}

fn concat_mode(texts: &[String], sizes: &[f64], rounds: usize, budget: f64) {
    black_box(attribute_all(&texts[..texts.len().min(20)]));
    println!("concat: the texts joined into one document of the largest size, cut into documents of each size");
    let largest = sizes.iter().copied().fold(0.0, f64::max);
    let whole = concat(texts, (largest * MB) as usize);
    let cuts: Vec<Vec<&str>> = sizes
        .iter()
        .map(|&mb| pieces(&whole, (mb * MB) as usize))
        .collect();
    // The watchdog's check that no size is hopelessly slow.
    let limit = Duration::from_secs_f64(budget * 4.0);
    for (cut, &mb) in cuts.iter().zip(sizes) {
        measure_doc(&format!("concat {mb} MB"), cut[0], 1, limit);
    }
    // The sizes take turns, in alternating order, so that each is timed as
    // often as the others and in the same spells of a machine whose speed
    // drifts. Every timed run attributes the same bytes (all of the text,
    // as one document or as many), so that no size gets more chances at a
    // fast spell than another. Each round also runs each size stage by
    // stage, for the breakdown. No new round starts after two minutes: huge
    // sizes get fewer rounds, but every size as many.
    let started = Instant::now();
    let n = sizes.len();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut stages: Vec<Vec<Stages>> = vec![Vec::new(); n];
    let mut usage = vec![Usage::default(); n];
    let mut speech = vec![0; n];
    for r in 0..rounds.max(1) {
        if r > 0 && started.elapsed() > Duration::from_secs(120) {
            break;
        }
        for j in 0..n {
            let k = in_turn(r, j, n);
            let before = Usage::now();
            let (d, count) = timed(|| {
                cuts[k]
                    .iter()
                    .map(|p| whosaid::attribute(black_box(p)).speech().count())
                    .sum::<usize>()
            });
            if let (Some(b), Some(a)) = (before, Usage::now()) {
                usage[k].add_since(b, a);
            }
            speech[k] = count;
            times[k].push(ns_per_byte(whole.len(), d));
            let mut st = Stages::default();
            for p in &cuts[k] {
                st.add(staged(p));
            }
            stages[k].push(st);
        }
    }
    let split_t = (0..3)
        .map(|_| timed(|| black_box(whole.as_str()).split_whitespace().count()).0)
        .min()
        .unwrap_or_default();
    let split_nspb = ns_per_byte(whole.len(), split_t);
    let runs = times[0].len();
    println!(
        "  {:.2} MB in all, {runs} timed runs of each size; split_whitespace {:.1} MB/s",
        whole.len() as f64 / MB,
        mbps(whole.len(), split_t)
    );
    println!(
        "  {:>8} {:>6} {:>10} {:>10} {:>12} {:>12} {:>8} {:>8} {:>10} {:>8} {:>9}",
        "MB",
        "docs",
        "ns/byte",
        "median",
        "cost/first",
        "median",
        "user",
        "system",
        "faults/MB",
        "ratio",
        "speech"
    );
    let (f_best, f_median) = (least(&times[0]), median(&times[0]));
    // CPU seconds over all the timed runs, per byte of one run; faults per
    // MB of one run.
    let per_byte = |secs: f64| secs * 1e9 / (whole.len() * runs).max(1) as f64;
    let per_mb = |count: f64| count * MB / (whole.len() * runs).max(1) as f64;
    for (k, &mb) in sizes.iter().enumerate() {
        let (b, m) = (least(&times[k]), median(&times[k]));
        println!(
            "  {:>8.2} {:>6} {:>10.2} {:>10.2} {:>12.2} {:>12.2} {:>8.2} {:>8.2} {:>10.0} {:>8.3} {:>9}",
            mb,
            cuts[k].len(),
            b,
            m,
            b / f_best,
            m / f_median,
            per_byte(usage[k].user),
            per_byte(usage[k].system),
            per_mb(usage[k].faults),
            split_nspb / b,
            speech[k]
        );
    }
    println!("  (ns per byte; user and system: CPU time of the timed runs, and faults/MB: their minor page faults per MB of text, from /proc, 0 where unknown; ratio: split_whitespace's time over the best)");
    for (k, &mb) in sizes.iter().enumerate() {
        let stage = |f: fn(&Stages) -> Duration| {
            let v: Vec<f64> = stages[k]
                .iter()
                .map(|s| ns_per_byte(whole.len(), f(s)))
                .collect();
            median(&v)
        };
        println!(
            "  {:>8.2} MB, median ns/byte: tokenize {:.1}  quotes {:.1}  mentions {:.1}  entities {:.1}  resolve {:.1}",
            mb,
            stage(|s| s.tokenize),
            stage(|s| s.quotes),
            stage(|s| s.mentions),
            stage(|s| s.entities),
            stage(|s| s.resolve)
        );
    }
}

/// Repeats `unit` up to `bytes` bytes (on a character boundary).
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() + unit.len() <= bytes {
        s.push_str(unit);
    }
    if s.is_empty() {
        s.push_str(unit);
    }
    s
}

/// Invented capitalised words, one space between them.
fn capitalised_words(bytes: usize, sentence_every: usize) -> String {
    let mut rng = common::Rng::new(7);
    let mut s = String::with_capacity(bytes + 32);
    let mut k = 0;
    while s.len() < bytes {
        let n = rng.range(1, 3);
        s.push_str(&common::invented_word(&mut rng, n));
        k += 1;
        if sentence_every > 0 && k % sentence_every == 0 {
            s.push('.');
        }
        s.push(' ');
    }
    s
}

/// A transcript of `bytes` bytes whose every turn has a label not seen
/// before, then one that comes back.
fn distinct_labels(bytes: usize) -> String {
    let mut rng = common::Rng::new(11);
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        let n = rng.range(2, 4);
        s.push_str(&common::invented_word(&mut rng, n));
        s.push(' ');
        s.push_str(&common::invented_word(&mut rng, n));
        s.push_str(": we will win it, and soon.\n\n");
    }
    s.push_str("Kaven: we will.\n\nKaven: we will.\n\n");
    s
}

/// `“w ‘w “w ‘w … w’ w” w’ w”`: alternating double and single marks, nested
/// as deep as the size allows, in one paragraph.
fn alternating_nested(bytes: usize) -> String {
    let unit_open = "\u{201C}x \u{2018}x ";
    let unit_close = "x\u{2019} x\u{201D} ";
    let n = bytes / (unit_open.len() + unit_close.len());
    let mut s = String::with_capacity(bytes + 16);
    for _ in 0..n {
        s.push_str(unit_open);
    }
    for _ in 0..n {
        s.push_str(unit_close);
    }
    s
}

type Builder = fn(usize) -> String;

/// The hostile inputs: the eight of the speed issue, then extras that aim at
/// particular loops.
fn hostile_inputs() -> Vec<(&'static str, &'static str, Builder)> {
    vec![
        ("straight-double", "\"\"\"\"… (no space)", |n| {
            repeat_to("\"", n)
        }),
        ("straight-single", "'''''… (no space)", |n| {
            repeat_to("'", n)
        }),
        ("curly-open", "““““… (no space)", |n| {
            repeat_to("\u{201C}", n)
        }),
        (
            "alternating-nested",
            "“x ‘x “x … x’ x” (deep)",
            alternating_nested,
        ),
        ("one-word", "abcdefghij… (no space)", |n| {
            repeat_to("abcdefghij", n)
        }),
        ("capitalised", "Kaven Morta Shi… (one line)", |n| {
            capitalised_words(n, 0)
        }),
        ("said-ab", "\"x\" said Ab. …", |n| {
            repeat_to("\"x\" said Ab. ", n)
        }),
        ("para-open", "\"x\\n\"x\\n…", |n| repeat_to("\"x\n", n)),
        // Extras.
        (
            "x:straight-spaced",
            "\" \" \" … (marks between spaces)",
            |n| repeat_to("\" ", n),
        ),
        (
            "x:curly-glued-alt",
            "“‘“‘“‘… (no space)",
            |n| repeat_to("\u{201C}\u{2018}", n),
        ),
        (
            "x:flat-nested",
            "“‘x’ ‘x’ ‘x’ … (one quote)",
            |n| {
                let mut s = String::from("\u{201C}");
                s.push_str(&repeat_to("\u{2018}x\u{2019} ", n));
                s
            },
        ),
        ("x:distinct-names", "Kaven Morta. Shi Dagul. …", |n| {
            capitalised_words(n, 2)
        }),
        ("x:pronouns", "he he he … (one sentence)", |n| {
            repeat_to("he ", n)
        }),
        ("x:descriptions", "The minister spoke. …", |n| {
            repeat_to("The minister spoke. ", n)
        }),
        ("x:modifiers", "the senior senior senior …", |n| {
            let mut s = String::from("the ");
            s.push_str(&repeat_to("senior ", n));
            s
        }),
        (
            "x:quotes-one-para",
            "\"x,\" he said. … (one paragraph)",
            |n| repeat_to("\"x,\" he said. ", n),
        ),
        ("x:titles", "\"Ab Cd\" … (title quotes)", |n| {
            repeat_to("\"Ab Cd\" ", n)
        }),
        (
            "x:quotes-one-sent",
            "\"x\" and \"x\" and … (one sentence)",
            |n| repeat_to("\"x\" and ", n),
        ),
        (
            "x:deep-singles",
            "“‘a ‘a … a’ a’” (deep nesting)",
            |n| {
                let k = n / 10;
                let mut s = String::with_capacity(n + 8);
                s.push('\u{201C}');
                for _ in 0..k {
                    s.push_str("\u{2018}a ");
                }
                for _ in 0..k {
                    s.push_str("a\u{2019} ");
                }
                s.push('\u{201D}');
                s
            },
        ),
        (
            "x:transcript",
            "ROE: we will win it, and soon. ¶ MARSH: we will not win it. ¶ …",
            |n| {
                repeat_to(
                    "ROE: we will win it, and soon.\n\nMARSH: we will not win it.\n\n",
                    n,
                )
            },
        ),
        (
            "x:transcript-labels",
            "Kaven Morta: we will win it. ¶ Shi Dagul: … (every label new)",
            distinct_labels,
        ),
        ("x:semicolons", "a; a; a; … \"x\" (one sentence)", |n| {
            let mut s = repeat_to("a; ", n.saturating_sub(8));
            s.push_str("\"x y\"");
            s
        }),
    ]
}

fn hostile_mode(texts: &[String], a: &Args) {
    let news_ns = news(texts, a.rounds.min(5));
    println!();
    println!(
        "hostile: {} MB each; sizes 1/1024, 1/256, ... 1; ~ = extrapolated (budget {} s a size); \
         each input in a child process",
        a.hostile_mb, a.budget
    );
    println!(
        "  {:<20} {:<34} {:>11} {:>11} {:>9} {:>7} {:>7}  stages at the largest size run",
        "input", "pattern", "MB/s", "ns/byte", "x news", "growth", "quotes"
    );
    let exe = std::env::current_exe().ok();
    for (name, pattern, _) in hostile_inputs() {
        if !a.only.is_empty() && !a.only.iter().any(|o| o == name) {
            continue;
        }
        // A child process per input: a stack overflow or a timeout ends
        // only that row.
        let status = exe.as_ref().and_then(|exe| {
            std::process::Command::new(exe)
                .args(["--hostile-one", name])
                .args(["--hostile-mb", &a.hostile_mb.to_string()])
                .args(["--budget", &a.budget.to_string()])
                .args(["--rounds", &a.rounds.to_string()])
                .args(["--news-ns", &news_ns.to_string()])
                .status()
                .ok()
        });
        match status {
            Some(s) if s.success() => {}
            Some(s) => println!("  {name:<20} {pattern:<34} FAILED: {s}"),
            None => println!("  {name:<20} {pattern:<34} could not start a child process"),
        }
    }
    println!(
        "  (! = more than 20x the per-byte cost of news text; growth = exponent between the last two sizes run)"
    );
}

/// One row of the hostile table (run in a child process).
/// The paragraph every hostile input ends with, so that `attribute` runs
/// every stage over the input.
const LAST_PARAGRAPH: &str = "\n\n\"x,\" he said.\n";

fn hostile_one(name: &str, a: &Args, news_ns: f64) -> ExitCode {
    let Some((_, pattern, build)) = hostile_inputs().into_iter().find(|h| h.0 == name) else {
        eprintln!("throughput: no hostile input named {name}");
        return ExitCode::from(2);
    };
    // The word lists are built on first use.
    black_box(whosaid::attribute(common::SAMPLE).speech().count());
    let full = (a.hostile_mb * MB) as usize;
    let sizes = [
        full / 1024,
        full / 256,
        full / 64,
        full / 16,
        full / 4,
        full,
    ];
    let mut points: Vec<(usize, Duration)> = Vec::new();
    let mut last_st = Stages::default();
    let mut exponent = f64::NAN;
    for &size in &sizes {
        if let Some(&(ps, pt)) = points.last() {
            let e = if exponent.is_nan() {
                2.0
            } else {
                exponent.max(1.0)
            };
            let predicted = pt.as_secs_f64() * (size as f64 / ps as f64).powf(e);
            if predicted > a.budget {
                break;
            }
        }
        let mut text = build(size);
        text.push_str(LAST_PARAGRAPH);
        let (t, st) = measure_doc(
            name,
            &text,
            a.rounds.min(3),
            Duration::from_secs_f64(a.budget * 4.0),
        );
        if let Some(&(ps, pt)) = points.last() {
            exponent =
                (t.as_secs_f64() / pt.as_secs_f64()).ln() / (text.len() as f64 / ps as f64).ln();
        }
        points.push((text.len(), t));
        last_st = st;
    }
    let Some(&(ls, lt)) = points.last() else {
        return ExitCode::SUCCESS;
    };
    let extrapolated = ls * 2 < full;
    let (bytes, secs, mark) = if extrapolated {
        let e = if exponent.is_nan() { 2.0 } else { exponent };
        (
            full,
            lt.as_secs_f64() * (full as f64 / ls as f64).powf(e),
            "~",
        )
    } else {
        (ls, lt.as_secs_f64(), " ")
    };
    let nspb = secs * 1e9 / bytes as f64;
    println!(
        "  {:<20} {:<34} {mark}{:>10.3} {:>11.1} {:>8.1}{} {:>7.2} {:>7}  {}",
        name,
        pattern,
        bytes as f64 / MB / secs,
        nspb,
        nspb / news_ns,
        if nspb / news_ns > 20.0 { "!" } else { " " },
        exponent,
        last_st.speech,
        last_st.shares()
    );
    if extrapolated {
        println!(
            "  {:<20} (largest size run: {:.3} MB in {:.2} s)",
            "",
            ls as f64 / MB,
            lt.as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}

/// Peak and current resident memory, from /proc/self/status (Linux).
fn vm(field: &str) -> Option<usize> {
    let s = fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line
        .trim_start_matches(field)
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

fn rss_mode(texts: Vec<String>, mb: f64, baseline: bool, keep: bool, budget: f64) {
    if keep {
        return rss_keep_mode(texts, mb, baseline);
    }
    let doc = concat(&texts, (mb * MB) as usize);
    drop(texts);
    let before = vm("VmRSS:").unwrap_or(0);
    let hwm_before = vm("VmHWM:").unwrap_or(0);
    let n = if baseline {
        black_box(doc.len());
        0
    } else {
        let _dog = Watchdog::new(
            Duration::from_secs_f64(budget * 20.0),
            format!("rss: attribute on {mb} MB"),
        );
        let (d, n) = timed(|| whosaid::attribute(black_box(&doc)).speech().count());
        println!(
            "rss: attribute took {:.2} s ({:.2} MB/s)",
            d.as_secs_f64(),
            mbps(doc.len(), d)
        );
        n
    };
    let hwm = vm("VmHWM:").unwrap_or(0);
    let len = doc.len() as f64;
    println!(
        "rss: size_of Token {} B, Quote {} B, Mention {} B",
        std::mem::size_of::<whosaid::Token>(),
        std::mem::size_of::<whosaid::Quote<'_>>(),
        std::mem::size_of::<whosaid::Mention>()
    );
    println!(
        "rss: document {:.2} MB, speech {n}, VmRSS before {:.1} MB, VmHWM before {:.1} MB, VmHWM after {:.1} MB",
        len / MB,
        before as f64 / MB,
        hwm_before as f64 / MB,
        hwm as f64 / MB
    );
    println!(
        "rss: peak RSS / input bytes = {:.2}; (peak - RSS before) / input bytes = {:.2}",
        hwm as f64 / len,
        hwm.saturating_sub(before) as f64 / len
    );
}

/// About `mb` MB of texts (cycling), attributed one by one, all results
/// kept.
fn rss_keep_mode(texts: Vec<String>, mb: f64, baseline: bool) {
    let target = (mb * MB) as usize;
    let mut docs: Vec<String> = Vec::new();
    let mut total = 0;
    for t in texts.iter().cycle() {
        if total >= target || t.is_empty() && total == 0 {
            break;
        }
        docs.push(t.clone());
        total += t.len();
    }
    drop(texts);
    let before = vm("VmRSS:").unwrap_or(0);
    let start = Instant::now();
    let results: Vec<whosaid::Attribution<'_>> = if baseline {
        Vec::new()
    } else {
        docs.iter().map(|d| whosaid::attribute(d)).collect()
    };
    let d = start.elapsed().max(Duration::from_nanos(1));
    let speech: usize = results.iter().map(|r| r.speech().count()).sum();
    let hwm = vm("VmHWM:").unwrap_or(0);
    let len = total as f64;
    println!(
        "rss-keep: {} texts, {:.2} MB, speech {speech}, {:.2} s ({:.2} MB/s), VmRSS before {:.1} MB, VmHWM after {:.1} MB",
        docs.len(),
        len / MB,
        d.as_secs_f64(),
        mbps(total, d),
        before as f64 / MB,
        hwm as f64 / MB
    );
    println!(
        "rss-keep: peak RSS / input bytes = {:.2}; (peak - RSS before) / input bytes = {:.2}",
        hwm as f64 / len,
        hwm.saturating_sub(before) as f64 / len
    );
    drop(results);
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("throughput: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(name) = &args.hostile_one {
        return hostile_one(name, &args, args.news_ns);
    }
    let texts = match load_texts(args.path.as_deref()) {
        Ok(mut t) => {
            if let Some(n) = args.limit {
                t.truncate(n.max(1));
            }
            t
        }
        Err(e) => {
            eprintln!("throughput: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(mb) = args.rss {
        rss_mode(texts, mb, args.rss_baseline, args.rss_keep, args.budget);
        return ExitCode::SUCCESS;
    }
    if !args.concat.is_empty() {
        concat_mode(&texts, &args.concat, args.rounds, args.budget);
    }
    if args.hostile {
        hostile_mode(&texts, &args);
    }
    if args.floor {
        floor_mode(&texts, args.rounds);
    }
    if args.concat.is_empty() && !args.hostile && !args.floor {
        news(&texts, args.rounds);
    }
    ExitCode::SUCCESS
}
