//! Criterion benches of the whole pipeline on the bundled sample article.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../tests/fixtures/mattis-islamabad.txt");

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("sample");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    g.bench_function("split_whitespace", |b| {
        b.iter(|| black_box(SAMPLE).split_whitespace().count())
    });
    g.bench_function("attribute", |b| {
        b.iter(|| whosaid::attribute(black_box(SAMPLE)).speech().count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
