//! Precision: a random sample of the records the extractor produced from the corpus texts
//! (`tests/fixtures/precision/`), each judged by hand field by field against its text, held
//! against what the extractor produces at the same place today. A sampled figure the extractor
//! still turns into a record is *fully right* when the record is a record at all and its kind,
//! indicator, period, comparator and value are what the judge says they should be. The test
//! prints the share fully right and each field's share, and fails when the share falls below
//! the floor it last reached (floors only go up). Figures the extractor no longer turns into a
//! record leave the sample (they are counted apart): precision is a share of what it produces.
#![cfg(feature = "corpus")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failing unwrap is a failing test

mod corpus;

use corpus::{Extractions, pct, same_amount};
use planwatch::document::Period;
use planwatch::extract::Extraction;
use planwatch::target::{Comparator, Figure};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Amount {
    value: String,
    #[serde(default)]
    exponent: Option<i32>,
    unit: String,
}

#[derive(Debug, Deserialize)]
struct Truth {
    record: bool,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    indicator: Option<String>,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    end_year: Option<i32>,
    #[serde(default)]
    comparator: Option<String>,
    #[serde(default)]
    value: Option<Amount>,
    #[serde(default)]
    lower: Option<Amount>,
    #[serde(default)]
    upper: Option<Amount>,
}

#[derive(Debug, Deserialize)]
struct Judged {
    source: String,
    /// Byte offset of the figure in the text.
    figure_start: usize,
    figure: String,
    truth: Truth,
    /// The judge's field-by-field verdict on the record as it was drawn.
    right: serde_json::Map<String, serde_json::Value>,
}

impl Judged {
    fn was_right(&self) -> bool {
        ["record", "kind", "indicator", "year", "comparator", "value"]
            .iter()
            .all(|k| self.right.get(*k).and_then(serde_json::Value::as_bool) == Some(true))
    }
}

fn amount(a: &Option<Amount>) -> Option<planwatch::quantity::Quantity> {
    let a = a.as_ref()?;
    corpus::quantity(Some(&a.value), a.exponent, Some(&a.unit))
}

/// The records of `x` whose figure starts at `at`: (kind, indicator, period, figure).
fn records_at<'x>(
    x: &'x Extraction,
    at: usize,
    figure: &str,
) -> Vec<(&'static str, &'x str, Period, &'x Figure)> {
    let starts = |p: &Option<planwatch::document::Provenance>, f: &Figure| {
        p.as_ref().is_some_and(|p| {
            p.quote
                .find(f.text.as_str())
                .is_some_and(|k| p.start + k == at && f.text == figure)
        })
    };
    let mut out = Vec::new();
    for t in &x.targets {
        if starts(&t.provenance, &t.figure) {
            out.push(("target", t.indicator.as_str(), t.period, &t.figure));
        }
    }
    for o in &x.outcomes {
        if starts(&o.provenance, &o.figure) {
            out.push(("outcome", o.indicator.as_str(), o.period, &o.figure));
        }
    }
    out
}

/// Field by field: (kind, indicator, year, comparator, value) right.
fn judge(t: &Truth, kind: &str, indicator: &str, period: Period, figure: &Figure) -> [bool; 5] {
    if !t.record {
        return [false; 5];
    }
    let comparator = t.comparator.as_deref().and_then(Comparator::from_code);
    let value = match comparator {
        Some(Comparator::Range) => {
            same_amount(figure.lower.as_ref(), amount(&t.lower))
                && same_amount(figure.upper.as_ref(), amount(&t.upper))
        }
        Some(c) if c.is_quantitative() => same_amount(figure.value.as_ref(), amount(&t.value)),
        Some(_) => true,
        None => false,
    };
    [
        t.kind.as_deref() == Some(kind),
        t.indicator.as_deref() == Some(indicator),
        t.year == Some(period.year) && t.end_year == period.end_year,
        comparator == Some(figure.comparator),
        value,
    ]
}

/// The share of sampled records fully right (all samples together) may not fall below this.
const FLOOR: f64 = 0.895;

#[test]
fn sampled_records_are_right() {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let dir = std::path::Path::new(&root).join("tests/fixtures/precision");
    if !dir.exists() {
        eprintln!("precision sample: not in the repository; it is not packaged");
        return;
    }
    let mut judged: Vec<(String, Judged)> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("jsonl"))
        .collect();
    files.sort();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (i, l) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let j: Judged = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
            judged.push((name.clone(), j));
        }
    }
    let mut extractions = Extractions::default();
    let (mut present, mut right, mut gone, mut lost) = (0, 0, 0, 0);
    let mut fields = [0usize; 6];
    let mut wrong: Vec<String> = Vec::new();
    let mut by_file: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (file, j) in &judged {
        let x = extractions.of(&j.source);
        let found = records_at(x, j.figure_start, &j.figure);
        // The record of the judged kind if the extractor still makes one there, else any.
        let Some(&(kind, indicator, period, figure)) = found
            .iter()
            .find(|r| Some(r.0) == j.truth.kind.as_deref())
            .or(found.first())
        else {
            gone += 1;
            if j.was_right() {
                lost += 1;
                wrong.push(format!(
                    "lost (was right): {} @{} {}",
                    j.source, j.figure_start, j.figure
                ));
            }
            continue;
        };
        present += 1;
        let per = by_file.entry(file.as_str()).or_default();
        per.1 += 1;
        let f = judge(&j.truth, kind, indicator, period, figure);
        fields[0] += usize::from(j.truth.record);
        for (k, ok) in f.iter().enumerate() {
            fields[k + 1] += usize::from(*ok);
        }
        if j.truth.record && f.iter().all(|b| *b) {
            right += 1;
            per.0 += 1;
        } else {
            wrong.push(format!(
                "{} @{} {}: {kind} {indicator} {} {:?} -> {:?}",
                j.source, j.figure_start, j.figure, period, figure.comparator, j.truth
            ));
        }
    }
    for (file, (r, p)) in &by_file {
        println!("{file}: {r} of {p} fully right ({:.1}%)", pct(*r, *p));
    }
    let names = [
        "record",
        "kind",
        "indicator",
        "period",
        "comparator",
        "value",
    ];
    for (name, n) in names.iter().zip(fields) {
        println!("{name}: {n} of {present} right ({:.1}%)", pct(n, present));
    }
    println!(
        "precision: {right} of {present} sampled records fully right ({:.1}%); {gone} of {} \
         sampled figures no longer make a record ({lost} of them were right)",
        pct(right, present),
        judged.len()
    );
    if std::env::var_os("PLANWATCH_SHOW_WRONG").is_some() {
        for w in &wrong {
            println!("wrong: {w}");
        }
    }
    let share = right as f64 / present.max(1) as f64;
    assert!(
        share >= FLOOR,
        "precision {share:.3} below its floor {FLOOR}"
    );
}
