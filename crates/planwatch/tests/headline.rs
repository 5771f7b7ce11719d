//! Headline recall: the hand-checked headline targets and outcomes of `tests/fixtures/headline/`
//! (read by people from the corpus texts) held against what the extractor finds in the same
//! texts. A case is found when a record of the same kind, indicator, period and comparator has
//! the same value (or bounds) and unit. The test prints recall per file and per era, and fails
//! when recall falls below the floor it last reached: the floors only ever go up.
#![cfg(feature = "corpus")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failing unwrap is a failing test

mod corpus;

use std::collections::BTreeMap;

use corpus::{Extractions, pct, same_amount};
use planwatch::document::{Basis, Period};
use planwatch::extract::Extraction;
use planwatch::quantity::Quantity;
use planwatch::target::{Comparator, Figure};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    source: String,
    jurisdiction: String,
    kind: String,
    indicator: String,
    year: i32,
    #[serde(default)]
    end_year: Option<i32>,
    #[serde(default)]
    basis: Option<String>,
    comparator: String,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    lower: Option<String>,
    #[serde(default)]
    upper: Option<String>,
    #[serde(default)]
    exponent: Option<i32>,
    #[serde(default)]
    unit: Option<String>,
    figure: String,
    quote: String,
    #[serde(default)]
    #[allow(dead_code)]
    direction: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    status: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

impl Case {
    fn period(&self) -> Period {
        let basis = self
            .basis
            .as_deref()
            .and_then(Basis::from_code)
            .unwrap_or_default();
        Period {
            year: self.year,
            end_year: self.end_year,
            basis,
        }
    }

    fn quantity(&self, v: &Option<String>) -> Option<Quantity> {
        corpus::quantity(v.as_deref(), self.exponent, self.unit.as_deref())
    }
}

/// The cases of every `*.jsonl` file, by file name; `None` outside the repository.
fn cases() -> Option<BTreeMap<String, Vec<Case>>> {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let dir = std::path::Path::new(&root).join("tests/fixtures/headline");
    if !dir.join("README.md").exists() {
        eprintln!("headline cases: not in the repository; they are not packaged");
        return None;
    }
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let list: Vec<Case> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
            })
            .collect();
        out.insert(
            path.file_name().unwrap().to_string_lossy().to_string(),
            list,
        );
    }
    Some(out)
}

/// Whether `figure` states the case's comparator and value.
fn matches(case: &Case, figure: &Figure) -> bool {
    let Some(comparator) = Comparator::from_code(&case.comparator) else {
        return false;
    };
    if figure.comparator != comparator {
        return false;
    }
    match comparator {
        Comparator::Range => {
            same_amount(figure.lower.as_ref(), case.quantity(&case.lower))
                && same_amount(figure.upper.as_ref(), case.quantity(&case.upper))
        }
        c if c.is_quantitative() => same_amount(figure.value.as_ref(), case.quantity(&case.value)),
        _ => true,
    }
}

fn found(case: &Case, x: &Extraction) -> bool {
    stated(case, &x.targets, &x.outcomes)
}

/// Whether a record of `targets` or `outcomes` states the case.
fn stated(
    case: &Case,
    targets: &[planwatch::target::Target],
    outcomes: &[planwatch::target::Outcome],
) -> bool {
    let period = case.period();
    let same_years = |p: &Period| p.year == period.year && p.end_year == period.end_year;
    match case.kind.as_str() {
        "target" => targets.iter().any(|t| {
            t.indicator == case.indicator && same_years(&t.period) && matches(case, &t.figure)
        }),
        _ => outcomes.iter().any(|o| {
            o.indicator == case.indicator && same_years(&o.period) && matches(case, &o.figure)
        }),
    }
}

/// What the extractor read where a missed case's figure is written: the records whose quote
/// holds the case's figure (or lies inside the case's quote), to tell a wrong indicator, year
/// or value from a figure not read at all.
fn near(case: &Case, x: &Extraction) -> String {
    let holds =
        |q: &str| q.contains(case.figure.as_str()) || (!q.is_empty() && case.quote.contains(q));
    let mut out = Vec::new();
    for t in &x.targets {
        if t.provenance.as_ref().is_some_and(|p| holds(&p.quote)) {
            out.push(format!(
                "target {} {} {} {:?}",
                t.indicator, t.period.year, t.figure.text, t.figure.comparator
            ));
        }
    }
    for o in &x.outcomes {
        if o.provenance.as_ref().is_some_and(|p| holds(&p.quote)) {
            out.push(format!(
                "outcome {} {} {} {:?}",
                o.indicator, o.period.year, o.figure.text, o.figure.comparator
            ));
        }
    }
    if out.is_empty() {
        " [nothing read]".to_string()
    } else {
        format!(" [read: {}]", out.join("; "))
    }
}

fn era(case: &Case) -> &'static str {
    match (case.jurisdiction.as_str(), case.year) {
        ("CN", ..=1977) => "national 1954–1977",
        ("CN", ..=1992) => "national 1978–1992",
        ("CN", ..=2013) => "national 1993–2013",
        ("CN", _) => "national 2014–2025",
        _ => "provincial 2025",
    }
}

/// Recall floors: each era's share found may not fall below these (they are raised as the
/// extractor improves, never lowered).
const FLOORS: &[(&str, f64)] = &[
    ("national 1954–1977", 0.465),
    ("national 1978–1992", 0.605),
    ("national 1993–2013", 0.9),
    ("national 2014–2025", 0.964),
    ("provincial 2025", 0.963),
];

#[test]
fn headline_recall() {
    let Some(files) = cases() else { return };
    let mut extractions = Extractions::default();
    let mut by_era: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed: Vec<String> = Vec::new();
    for (file, list) in &files {
        let (mut hit, mut all) = (0, 0);
        for case in list {
            let x = extractions.of(&case.source);
            let ok = found(case, x);
            let e = by_era.entry(era(case)).or_default();
            e.1 += 1;
            all += 1;
            if ok {
                e.0 += 1;
                hit += 1;
            } else {
                missed.push(format!(
                    "{} {} {} {} {}: {}{}",
                    case.source,
                    case.kind,
                    case.indicator,
                    case.year,
                    case.figure,
                    case.quote,
                    near(case, x)
                ));
            }
        }
        println!("{file}: {hit} of {all} found ({:.1}%)", pct(hit, all));
    }
    let (hit, all) = by_era.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    for (era, (h, a)) in &by_era {
        println!("{era}: {h} of {a} found ({:.1}%)", pct(*h, *a));
    }
    println!("headline recall: {hit} of {all} ({:.1}%)", pct(hit, all));
    if std::env::var_os("PLANWATCH_SHOW_MISSED").is_some() {
        for m in &missed {
            println!("missed: {m}");
        }
    }
    for (era, floor) in FLOORS {
        if let Some((h, a)) = by_era.get(era) {
            let recall = *h as f64 / *a as f64;
            assert!(
                recall >= *floor,
                "{era}: recall {recall:.3} below its floor {floor}"
            );
        }
    }
}

/// The built-in panel's scorecard covers every headline indicator-year where both sides exist:
/// for each hand-checked headline target whose year (or plan period) also has a hand-checked
/// outcome of the same indicator and jurisdiction, the scorecard has a row with a target and an
/// outcome (the records the precedence picks, which may come from other documents).
#[test]
fn the_panel_scorecard_covers_every_headline_pair() {
    use std::collections::HashSet;
    let Some(files) = cases() else { return };
    let all: Vec<&Case> = files.values().flatten().collect();
    let key = |c: &Case| {
        (
            c.jurisdiction.clone(),
            c.indicator.clone(),
            c.year,
            c.end_year,
        )
    };
    let outcomes: HashSet<_> = all
        .iter()
        .filter(|c| c.kind == "outcome")
        .map(|c| key(c))
        .collect();
    let panel = planwatch::builtin::panel();
    let cat = panel.catalogue_over(planwatch::builtin::catalogue());
    let card = panel.scorecard(&cat, &planwatch::assess::Policy::default());
    let rows: HashSet<_> = card
        .iter()
        .filter(|r| r.row.target.is_some() && r.row.outcome.is_some())
        .map(|r| {
            (
                r.jurisdiction.clone(),
                r.row.indicator.clone(),
                r.row.period.year,
                r.row.period.end_year,
            )
        })
        .collect();
    let pairs: Vec<_> = all
        .iter()
        .filter(|c| c.kind == "target" && outcomes.contains(&key(c)))
        .map(|c| key(c))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let missing: Vec<_> = pairs.iter().filter(|k| !rows.contains(*k)).collect();
    println!(
        "headline indicator-years with both sides: {}, in the panel scorecard: {}",
        pairs.len(),
        pairs.len() - missing.len()
    );
    assert!(
        missing.is_empty(),
        "not in the panel scorecard: {missing:?}"
    );
}

/// The built-in data holds every hand-checked headline case (the extractor's records and the
/// reviewed corrections together), but for the four it cannot yet type: exports and GDP per head
/// in US dollars, which have no indicator of their own.
#[test]
fn the_builtin_data_holds_every_headline_case() {
    let Some(files) = cases() else { return };
    let panel = planwatch::builtin::panel();
    let mut missing = Vec::new();
    let mut all = 0;
    for case in files.values().flatten() {
        all += 1;
        let id = match planwatch::builtin::corpus::text(&case.source) {
            Some(t) => planwatch::builtin::corpus_document(t).id,
            None => panic!("no corpus text {}", case.source),
        };
        let ds = panel
            .dataset(&id)
            .unwrap_or_else(|| panic!("no built-in dataset {id}"));
        if !stated(case, &ds.targets, &ds.outcomes) {
            missing.push(format!(
                "{} {} {} {}",
                case.source, case.indicator, case.year, case.figure
            ));
        }
    }
    println!(
        "headline cases in the built-in data: {} of {all}",
        all - missing.len()
    );
    assert!(missing.iter().all(|m| m.contains("美元")), "{missing:#?}");
    assert_eq!(missing.len(), 4, "{missing:#?}");
}
