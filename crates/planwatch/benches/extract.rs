//! Extraction throughput: the built-in report text repeated to at least 10 MB, single-threaded.
//!
//! `cargo bench -p planwatch --bench extract` reports MB/s for mentions (`extract`) and for the
//! document-level call (`extract_document`), and for an adversarial document: one small headline
//! block (`一、…执行情况` and a `主要预期目标是：` list) repeated to 1 MB and 10 MB, which must
//! take ten times as long at ten times the size.
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

/// The headline block repeated to at least `bytes`.
fn headline_blocks(bytes: usize) -> String {
    const BLOCK: &str = "一、2023年计划执行情况\n2024年主要预期目标是：国内生产总值增长5%左右；\n";
    let mut s = String::with_capacity(bytes + BLOCK.len());
    while s.len() < bytes {
        s.push_str(BLOCK);
    }
    s
}

fn adversarial(c: &mut Criterion) {
    let ex = Extractor::new(planwatch::builtin::catalogue());
    let mut g = c.benchmark_group("extract_adversarial");
    g.sample_size(10);
    for (name, bytes) in [
        ("headline_blocks_1MB", 1_000_000),
        ("headline_blocks_10MB", 10_000_000),
    ] {
        let text = headline_blocks(bytes);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                black_box(ex.document(black_box(&text), "bench"))
                    .targets
                    .len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench, adversarial);
criterion_main!(benches);
