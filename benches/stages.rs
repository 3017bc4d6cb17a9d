//! Criterion benches of each pipeline stage, each beside a
//! `split_whitespace` baseline over the same text: on the bundled sample
//! article and on a generated news-like corpus of about 4 MB (see
//! `common/mod.rs`).
//!
//! ```text
//! cargo bench --bench stages
//! cargo bench --bench stages -- corpus/attribute
//! ```
//!
//! Each stage is timed on its own, its input prepared outside the timed
//! loop: `tokenize` (text to tokens, sentences, paragraphs), `quotes`
//! (`QuoteDetector::detect` on a tokenized document), `mentions+entities`
//! (`MentionFinder::find` and `entities::cluster`), `resolve`
//! (`SpeakerResolver::resolve`), and `attribute` (all of them).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use whosaid::entities::{cluster, EntityTable};
use whosaid::{Document, Mention, MentionFinder, Quote, QuoteDetector, SpeakerResolver, Tokenizer};

mod common;

/// Everything the later stages need, computed once.
struct Prepared<'t> {
    docs: Vec<Document<'t>>,
    quotes: Vec<Vec<Quote<'t>>>,
    mentions: Vec<Vec<Mention>>,
    entities: Vec<EntityTable<'t>>,
}

fn prepare<'t>(texts: &[&'t str]) -> Prepared<'t> {
    let docs: Vec<Document<'t>> = texts.iter().map(|t| Tokenizer::new().tokenize(t)).collect();
    let quotes: Vec<Vec<Quote<'t>>> = docs
        .iter()
        .map(|d| QuoteDetector::new().detect(d))
        .collect();
    let mentions: Vec<Vec<Mention>> = docs
        .iter()
        .zip(&quotes)
        .map(|(d, q)| MentionFinder::new().find(d, q))
        .collect();
    let entities = docs
        .iter()
        .zip(&mentions)
        .map(|(d, m)| cluster(d, m))
        .collect();
    Prepared {
        docs,
        quotes,
        mentions,
        entities,
    }
}

fn bench_texts(g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, texts: &[&str]) {
    let bytes = texts.iter().map(|t| t.len()).sum::<usize>();
    g.throughput(Throughput::Bytes(bytes as u64));
    let p = prepare(texts);
    let tokenizer = Tokenizer::new();
    let detector = QuoteDetector::new();
    let finder = MentionFinder::new();
    let resolver = SpeakerResolver::new();

    g.bench_function("split_whitespace", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(*t).split_whitespace().count())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokenizer.tokenize(black_box(t)).tokens().len())
                .sum::<usize>()
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            p.docs
                .iter()
                .map(|d| detector.detect(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("mentions+entities", |b| {
        b.iter(|| {
            p.docs
                .iter()
                .zip(&p.quotes)
                .map(|(d, q)| {
                    let m = finder.find(black_box(d), q);
                    cluster(d, &m).entities().len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("resolve", |b| {
        b.iter(|| {
            (0..p.docs.len())
                .map(|i| {
                    resolver
                        .resolve(
                            black_box(&p.docs[i]),
                            &p.quotes[i],
                            &p.mentions[i],
                            &p.entities[i],
                        )
                        .iter()
                        .flatten()
                        .count()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("attribute", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| whosaid::attribute(black_box(t)).speech().count())
                .sum::<usize>()
        })
    });
}

fn stages(c: &mut Criterion) {
    let mut g = c.benchmark_group("sample");
    bench_texts(&mut g, &[common::SAMPLE]);
    g.finish();

    let corpus = common::default_corpus();
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let mut g = c.benchmark_group("corpus");
    bench_texts(&mut g, &texts);
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
