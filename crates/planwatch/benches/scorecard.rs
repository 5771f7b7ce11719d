//! Scorecard cost in the number of records: 10⁵ records (half targets, half outcomes) and
//! 10⁴, so that ten times the records must cost about ten times the time.
//!
//! `cargo bench -p planwatch --bench scorecard` runs two shapes:
//! - `distinct_keys`: every target has its own indicator and year, with an outcome of the same
//!   key (the ordinary case, at the size of a panel of many reports);
//! - `one_key`: every record has the same indicator and year, the targets on one basis and the
//!   outcomes on another, so that no outcome has a target's exact period and each look-up
//!   falls back to the first outcome of the same years (adversarial).
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use planwatch::assess::Policy;
use planwatch::builtin;
use planwatch::dataset::Dataset;
use planwatch::document::Basis;
use planwatch::scorecard::scorecard;
use std::hint::black_box;

/// A dataset of `records` records: targets and outcomes of the built-in report's first
/// target and outcome of `gdp_growth`, renumbered.
fn dataset(records: usize, one_key: bool) -> Dataset {
    let base = builtin::dataset();
    let target = base
        .targets
        .iter()
        .find(|t| t.indicator == "gdp_growth")
        .cloned()
        .unwrap_or_else(|| base.targets[0].clone());
    let outcome = base
        .outcomes
        .iter()
        .find(|o| o.indicator == "gdp_growth")
        .cloned()
        .unwrap_or_else(|| base.outcomes[0].clone());
    let indicators: Vec<String> = builtin::catalogue().iter().map(|i| i.id.clone()).collect();
    let mut ds = base.clone();
    ds.targets.clear();
    ds.outcomes.clear();
    ds.verdicts.clear();
    for i in 0..records / 2 {
        let (indicator, year) = if one_key {
            ("gdp_growth".to_string(), 2024)
        } else {
            (
                indicators[i % indicators.len()].clone(),
                1000 + (i / indicators.len()) as i32,
            )
        };
        let mut t = target.clone();
        t.indicator = indicator.clone();
        t.period.year = year;
        t.period.basis = Basis::Year;
        let mut o = outcome.clone();
        o.indicator = indicator;
        o.period.year = year;
        o.period.basis = if one_key { Basis::YearEnd } else { Basis::Year };
        ds.targets.push(t);
        ds.outcomes.push(o);
    }
    ds
}

fn bench(c: &mut Criterion) {
    let cat = builtin::catalogue();
    let policy = Policy::default();
    let mut g = c.benchmark_group("scorecard");
    g.sample_size(10);
    for (shape, one_key) in [("distinct_keys", false), ("one_key", true)] {
        for records in [10_000, 100_000] {
            let ds = dataset(records, one_key);
            g.throughput(Throughput::Elements(records as u64));
            g.bench_function(format!("{shape}_{records}"), |b| {
                b.iter(|| black_box(scorecard(black_box(&ds), cat, &policy)).len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
