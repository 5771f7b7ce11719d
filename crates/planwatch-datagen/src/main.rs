//! Builds the corpus datasets: every text of `planwatch-corpus` read with the extractor and the
//! built-in catalogue, the reviewed corrections applied, each dataset validated.
//!
//! ```text
//! cargo run -p planwatch-datagen            # write crates/planwatch-corpus/datasets/*.json and src/datasets.rs
//! cargo run -p planwatch-datagen -- --check # fail if they are not what the texts, extractor and corrections give
//! cargo run -p planwatch-datagen -- --propose # print the corrections the hand-checked headline cases call for
//! ```
//!
//! `--propose` holds each dataset (corrections applied) against the hand-checked headline cases
//! of `tests/fixtures/headline/`: for a case no record states, it prints an `add` of the case's
//! record (its quote located in the text) and a `drop` of every record of the same kind,
//! indicator and period whose figure contradicts it. The reviewer appends what they accept to
//! the corrections file.
//!
//! The corrections (`crates/planwatch-corpus/corrections.jsonl`, one JSON object a line) are the
//! hand review of the extractor's output: `drop` an extracted record, `replace` it, or `add` one
//! it missed. A record is named by its document, kind (`target`/`outcome`), indicator, first
//! year and provenance quote, so a correction survives spans moving; a correction that names no
//! record is an error (the extractor changed: review it again). Their number is what the
//! extractor still gets wrong on these texts, and the README quotes it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use planwatch::dataset::Dataset;
use planwatch::target::{Outcome, Target};
use planwatch::validate::validate;
use serde::Deserialize;

/// One reviewed correction of the extractor's output.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Correction {
    document: String,
    action: Action,
    /// `target` or `outcome`.
    kind: String,
    /// For `drop` and `replace`: the record's indicator, first year and provenance quote.
    #[serde(default)]
    indicator: Option<String>,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    quote: Option<String>,
    /// For `drop` and `replace`, optionally: the record's figure as written, when two records
    /// share a quote.
    #[serde(default)]
    figure: Option<String>,
    /// For `replace` and `add`: the record as it should be.
    #[serde(default)]
    record: Option<serde_json::Value>,
    /// Why the extractor's record is wrong (for the reviewer).
    why: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Action {
    Drop,
    Replace,
    Add,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("planwatch-corpus")
}

/// The key a correction names a record by.
fn key_of(kind: &str, indicator: &str, year: i32, quote: Option<&str>) -> String {
    format!("{kind}|{indicator}|{year}|{}", quote.unwrap_or(""))
}

fn target_key(t: &Target) -> String {
    key_of(
        "target",
        &t.indicator,
        t.period.year,
        t.provenance.as_ref().map(|p| p.quote.as_str()),
    )
}

fn outcome_key(o: &Outcome) -> String {
    key_of(
        "outcome",
        &o.indicator,
        o.period.year,
        o.provenance.as_ref().map(|p| p.quote.as_str()),
    )
}

struct Built {
    datasets: Vec<(String, String, String)>, // (id, text path, json)
    corrections: usize,
    records: usize,
    problems: Vec<String>,
}

fn build(corrections: Vec<Correction>) -> Built {
    let catalogue = planwatch::builtin::catalogue();
    let extractor = planwatch::builtin::extractor();
    let mut by_doc: BTreeMap<String, Vec<(usize, Correction)>> = BTreeMap::new();
    let n_corrections = corrections.len();
    for (line, c) in corrections.into_iter().enumerate() {
        by_doc
            .entry(c.document.clone())
            .or_default()
            .push((line + 1, c));
    }
    let mut problems = Vec::new();
    let mut datasets = Vec::new();
    let mut records = 0;
    for t in planwatch_corpus::texts() {
        let doc = planwatch::builtin::corpus_document(t);
        let x = extractor
            .clone()
            .for_document(&doc)
            .document(t.text, &doc.id);
        let mut ds = x.into_dataset(doc.clone(), catalogue, Some(Arc::from(t.text)));
        for (line, c) in by_doc.remove(&doc.id).unwrap_or_default() {
            if let Err(e) = apply(&mut ds, &c) {
                problems.push(format!("corrections.jsonl:{line}: {e} ({})", c.why));
            }
        }
        let cat = ds.catalogue_over(catalogue);
        let report = validate(&ds, &cat);
        for issue in report.errors() {
            problems.push(format!("{}: {issue}", doc.id));
        }
        records += ds.targets.len() + ds.outcomes.len();
        ds.text = None;
        datasets.push((doc.id.clone(), t.path.to_string(), ds.to_json() + "\n"));
    }
    for (doc, list) in by_doc {
        for (line, _) in list {
            problems.push(format!("corrections.jsonl:{line}: no document {doc:?}"));
        }
    }
    Built {
        datasets,
        corrections: n_corrections,
        records,
        problems,
    }
}

fn apply(ds: &mut Dataset, c: &Correction) -> Result<(), String> {
    let record = || c.record.clone().ok_or("the correction gives no record");
    if c.action == Action::Add {
        // An add the extractor has caught up with is stale: review and remove it.
        const STALE: &str = "the extractor now produces this record: remove the correction";
        match c.kind.as_str() {
            "target" => {
                let t: Target = serde_json::from_value(record()?).map_err(|e| e.to_string())?;
                if ds.targets.iter().any(|x| {
                    x.indicator == t.indicator
                        && x.period == t.period
                        && same_figure(&x.figure, &t.figure)
                }) {
                    return Err(STALE.into());
                }
                ds.targets.push(t);
            }
            "outcome" => {
                let o: Outcome = serde_json::from_value(record()?).map_err(|e| e.to_string())?;
                if ds.outcomes.iter().any(|x| {
                    x.indicator == o.indicator
                        && x.period == o.period
                        && same_figure(&x.figure, &o.figure)
                }) {
                    return Err(STALE.into());
                }
                ds.outcomes.push(o);
            }
            other => return Err(format!("kind {other:?}")),
        }
        return Ok(());
    }
    let (Some(indicator), Some(year)) = (c.indicator.as_deref(), c.year) else {
        return Err("drop and replace name the record's indicator and year".into());
    };
    let key = key_of(&c.kind, indicator, year, c.quote.as_deref());
    match c.kind.as_str() {
        "target" => {
            let i = ds
                .targets
                .iter()
                .position(|t| {
                    target_key(t) == key && c.figure.as_ref().is_none_or(|f| *f == t.figure.text)
                })
                .ok_or_else(|| format!("no extracted record {key}"))?;
            if c.action == Action::Drop {
                ds.targets.remove(i);
            } else {
                ds.targets[i] = serde_json::from_value(record()?).map_err(|e| e.to_string())?;
            }
        }
        "outcome" => {
            let i = ds
                .outcomes
                .iter()
                .position(|o| {
                    outcome_key(o) == key && c.figure.as_ref().is_none_or(|f| *f == o.figure.text)
                })
                .ok_or_else(|| format!("no extracted record {key}"))?;
            if c.action == Action::Drop {
                ds.outcomes.remove(i);
            } else {
                ds.outcomes[i] = serde_json::from_value(record()?).map_err(|e| e.to_string())?;
            }
        }
        other => return Err(format!("kind {other:?}")),
    }
    Ok(())
}

fn read_corrections(path: &Path) -> Result<Vec<Correction>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

fn datasets_rs(datasets: &[(String, String, String)]) -> String {
    let mut out = String::from(
        "// Generated by planwatch-datagen: do not edit.\n\nuse crate::DatasetFile;\n\n\
         /// The datasets, national by year, then provincial by code.\npub const DATASETS: &[DatasetFile] = &[\n",
    );
    for (id, path, _) in datasets {
        out.push_str(&format!(
            "    DatasetFile {{\n        id: \"{id}\",\n        path: \"{path}\",\n        json: include_str!(\"../datasets/{id}.json\"),\n    }},\n"
        ));
    }
    out.push_str("];\n");
    out
}

/// A hand-checked headline case (`tests/fixtures/headline/README.md`).
#[derive(Debug, Deserialize)]
struct Case {
    source: String,
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
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    status: Option<String>,
    figure: String,
    quote: String,
}

impl Case {
    fn amount(&self, v: &Option<String>) -> serde_json::Value {
        match (v, &self.unit) {
            (Some(v), Some(u)) => serde_json::json!({
                "value": v, "exponent": self.exponent.unwrap_or(0), "unit": u
            }),
            _ => serde_json::Value::Null,
        }
    }

    /// The case as a record of `document`, its quote located in `text`.
    fn record(&self, document: &str, text: &str) -> Result<serde_json::Value, String> {
        let prov = planwatch::document::Provenance::locate(document, text, &self.quote, 0)
            .ok_or_else(|| format!("{}: quote not in the text: {}", self.source, self.quote))?;
        let mut period = serde_json::json!({"year": self.year});
        if let Some(e) = self.end_year {
            period["end_year"] = e.into();
        }
        period["basis"] = self.basis.clone().unwrap_or_else(|| "year".into()).into();
        let mut figure = serde_json::json!({"comparator": self.comparator, "text": self.figure});
        for (k, v) in [
            ("value", &self.value),
            ("lower", &self.lower),
            ("upper", &self.upper),
        ] {
            let a = self.amount(v);
            if !a.is_null() {
                figure[k] = a;
            }
        }
        if let Some(d) = &self.direction {
            figure["direction"] = d.clone().into();
        }
        let mut r = serde_json::json!({
            "indicator": self.indicator,
            "period": period,
            "figure": figure,
            "provenance": serde_json::to_value(&prov).map_err(|e| e.to_string())?,
        });
        if self.kind == "outcome" {
            r["status"] = self.status.clone().unwrap_or_else(|| "final".into()).into();
        }
        Ok(r)
    }
}

fn read_cases() -> Result<Vec<Case>, String> {
    let dir = corpus_dir().join("../../tests/fixtures/headline");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        for (i, l) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            out.push(
                serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", p.display(), i + 1))?,
            );
        }
    }
    Ok(out)
}

/// Whether `figure` states what the case's record `want` states.
fn same_figure(a: &planwatch::target::Figure, b: &planwatch::target::Figure) -> bool {
    let amount = |x: Option<&planwatch::quantity::Quantity>,
                  y: Option<&planwatch::quantity::Quantity>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.cmp_amount(y).ok() == Some(std::cmp::Ordering::Equal),
        _ => false,
    };
    a.comparator == b.comparator
        && amount(a.value.as_ref(), b.value.as_ref())
        && amount(a.lower.as_ref(), b.lower.as_ref())
        && amount(a.upper.as_ref(), b.upper.as_ref())
}

/// The corrections the headline cases call for (see the module documentation).
fn propose(built: &Built, cases: &[Case]) -> Result<Vec<serde_json::Value>, String> {
    let mut out = Vec::new();
    for (id, path, json) in &built.datasets {
        let ds = Dataset::from_json(json, None).map_err(|e| format!("{id}: {e}"))?;
        let text = planwatch_corpus::text(path)
            .ok_or_else(|| format!("no text {path}"))?
            .text;
        for case in cases.iter().filter(|c| &c.source == path) {
            let record = case.record(id, text)?;
            let figure: planwatch::target::Figure =
                serde_json::from_value(record["figure"].clone())
                    .map_err(|e| format!("{path}: {e}"))?;
            let years = |p: &planwatch::document::Period| {
                p.year == case.year && p.end_year == case.end_year
            };
            type Same<'a> = Vec<(&'a planwatch::target::Figure, Option<&'a str>)>;
            let same: Same<'_> = if case.kind == "target" {
                ds.targets
                    .iter()
                    .filter(|t| t.indicator == case.indicator && years(&t.period))
                    .map(|t| (&t.figure, t.provenance.as_ref().map(|p| p.quote.as_str())))
                    .collect()
            } else {
                ds.outcomes
                    .iter()
                    .filter(|o| o.indicator == case.indicator && years(&o.period))
                    .map(|o| (&o.figure, o.provenance.as_ref().map(|p| p.quote.as_str())))
                    .collect()
            };
            if same.iter().any(|(f, _)| same_figure(f, &figure)) {
                continue;
            }
            for (f, quote) in &same {
                out.push(serde_json::json!({
                    "document": id, "action": "drop", "kind": case.kind,
                    "indicator": case.indicator, "year": case.year, "quote": quote,
                    "figure": f.text,
                    "why": format!("contradicts the hand-checked headline case {} ({})", case.figure, case.quote),
                }));
            }
            out.push(serde_json::json!({
                "document": id, "action": "add", "kind": case.kind, "record": record,
                "why": "a hand-checked headline case the extractor does not produce",
            }));
        }
    }
    Ok(out)
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let dir = corpus_dir();
    let corrections = match read_corrections(&dir.join("corrections.jsonl")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("datagen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let built = build(corrections);
    if std::env::args().any(|a| a == "--propose") {
        return match read_cases().and_then(|cases| propose(&built, &cases)) {
            Ok(list) => {
                for c in list {
                    println!("{c}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("datagen: {e}");
                ExitCode::FAILURE
            }
        };
    }
    for p in &built.problems {
        eprintln!("datagen: {p}");
    }
    let mut files: Vec<(PathBuf, String)> = built
        .datasets
        .iter()
        .map(|(id, _, json)| {
            (
                dir.join("datasets").join(format!("{id}.json")),
                json.clone(),
            )
        })
        .collect();
    files.push((
        dir.join("src").join("datasets.rs"),
        datasets_rs(&built.datasets),
    ));
    let mut stale = 0;
    for (path, want) in &files {
        if check {
            if std::fs::read_to_string(path).ok().as_deref() != Some(want.as_str()) {
                eprintln!("datagen: {} is not in step", path.display());
                stale += 1;
            }
        } else if let Err(e) = std::fs::write(path, want) {
            eprintln!("datagen: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "{} datasets, {} records, {} corrections, {} problems{}",
        built.datasets.len(),
        built.records,
        built.corrections,
        built.problems.len(),
        if check {
            format!(", {stale} files out of step")
        } else {
            String::new()
        }
    );
    if built.problems.is_empty() && stale == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
