//! Benchmarks for quantity parsing and the scanning primitives used by extraction.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use planwatch::numerals::scan_numeral;
use planwatch::quantity::{parse_quantity, scan_quantity};

/// Varied published forms: Arabic with magnitude words, Chinese numerals, full-width, units of
/// every kind.
const FORMS: &[&str] = &[
    "126.06万亿元",
    "32379.77亿美元",
    "1244万人",
    "859.6万台",
    "1.3万亿斤",
    "389.7公斤",
    "30微克/立方米",
    "6.3万平方公里",
    "1.26亿亩",
    "3万亿千瓦时",
    "3100万千瓦",
    "0.29个百分点",
    "5.2%",
    "111.4%",
    "百分之五",
    "一点五",
    "三万四千",
    "两千",
    "1,100.9亿元",
    "１２％",
    "－0.3%",
    "2.3亿吨标准煤",
];

fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_quantity");
    group.throughput(Throughput::Elements(FORMS.len() as u64));
    group.bench_function("22 forms", |b| {
        b.iter(|| {
            for s in FORMS {
                let _ = black_box(parse_quantity(black_box(s)));
            }
        })
    });
    group.finish();
}

fn bench_scan(c: &mut Criterion) {
    // A report-like text: scan a quantity at every position that starts a digit run.
    let text = include_str!("../data/ndrc-plan-report-2024.txt");
    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("scan_quantity over the 2024 report", |b| {
        b.iter(|| {
            let bytes = text.as_bytes();
            let mut found = 0usize;
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_digit()
                    && let Some((_, _, _, end)) = scan_quantity(&text[i..])
                {
                    found += 1;
                    i += end.max(1);
                    continue;
                }
                i += 1;
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
            }
            black_box(found)
        })
    });
    group.bench_function("scan_numeral on a 10,000-digit run", |b| {
        let long = "9".repeat(10_000);
        b.iter(|| black_box(scan_numeral(black_box(&long))))
    });
    group.finish();
}

criterion_group!(benches, bench_parse, bench_scan);
criterion_main!(benches);
