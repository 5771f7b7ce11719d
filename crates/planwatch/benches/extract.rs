//! Extraction throughput: the built-in report text repeated to at least 10 MB, single-threaded.
//!
//! `cargo bench -p planwatch --bench extract` reports MB/s for mentions (`extract`) and for the
//! document-level call (`extract_document`).
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use planwatch::builtin;
use planwatch::extract::Extractor;
use std::hint::black_box;

fn corpus() -> String {
    let mut s = String::with_capacity(10_500_000);
    while s.len() < 10_000_000 {
        s.push_str(builtin::TEXT);
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let ex = Extractor::new(planwatch::builtin::catalogue());
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("mentions_10MB", |b| {
        b.iter(|| black_box(ex.mentions(black_box(&text))).len())
    });
    g.bench_function("document_10MB", |b| {
        b.iter(|| {
            black_box(ex.document(black_box(&text), "bench"))
                .targets
                .len()
        })
    });
    let report = builtin::TEXT;
    g.throughput(Throughput::Bytes(report.len() as u64));
    g.sample_size(50);
    g.bench_function("mentions_report", |b| {
        b.iter(|| black_box(ex.mentions(black_box(report))).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
