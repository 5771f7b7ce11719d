//! The numeral forms that reports and other parsers write, family by family, from the data
//! files `tests/fixtures/numerals/*.json` at the repository root.
//!
//! Each case names the function it exercises (`numeral`, `quantity`, `figure`, `scan`,
//! `extract`) and what it must give: the exact mantissa (a decimal string, scale kept), the
//! exponent, the exactness, the unit code and the unit as written, or the error code and byte
//! span of a refusal; for `extract`, also the mention's year and byte span. A case marked `gap` states a form the parser does not read yet and why:
//! the test checks that it is still not read (so the mark is removed when it is) and counts it
//! against the share read, which it prints per family and holds at 95% or more for numbers,
//! percentages and money.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failing unwrap is a failing test

use std::collections::BTreeMap;

use planwatch::error::ParseError;
use planwatch::numerals::{Approx, Numeral, parse_numeral, scan_numeral};
use planwatch::quantity::{Quantity, parse_quantity};
use planwatch::target::Figure;
use planwatch::{extract, parse_figure};
use serde_json::Value;

/// The families, or `None` outside the repository (the shared fixtures are not packaged).
fn families() -> Option<Vec<(String, Value)>> {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    if !std::path::Path::new(&format!("{root}/crates/planwatch/Cargo.toml")).exists() {
        eprintln!("numeral forms: not in the repository; the shared fixtures are not packaged");
        return None;
    }
    let dir = format!("{root}/tests/fixtures/numerals");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    Some(
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap();
                let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p:?}: {e}"));
                (p.file_stem().unwrap().to_string_lossy().into_owned(), v)
            })
            .collect(),
    )
}

fn field<'a>(case: &'a Value, key: &str) -> Option<&'a str> {
    case.get(key).and_then(Value::as_str)
}

/// Compares one expected field, if the case gives it.
fn want(case: &Value, key: &str, got: &str, errs: &mut Vec<String>) {
    if let Some(w) = case.get(key) {
        let w = match w {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if w != got {
            errs.push(format!("{key}: want {w}, got {got}"));
        }
    }
}

fn approx_fields(a: &Approx) -> (&'static str, Option<String>) {
    match a {
        Approx::Exact => ("exact", None),
        Approx::MoreThan => ("more_than", None),
        Approx::Between { high } => ("between", Some(high.to_string())),
    }
}

fn check_numeral(case: &Value, n: &Numeral, errs: &mut Vec<String>) {
    want(case, "value", &n.value.to_string(), errs);
    want(case, "exponent", &n.exponent.to_string(), errs);
    let (approx, high) = approx_fields(&n.approx);
    want(case, "approx", approx, errs);
    want(case, "high", high.as_deref().unwrap_or("-"), errs);
}

fn check_quantity(case: &Value, q: &Quantity, errs: &mut Vec<String>) {
    want(case, "value", &q.value().to_string(), errs);
    want(case, "exponent", &q.exponent().to_string(), errs);
    want(case, "unit", q.unit().code(), errs);
    want(case, "unit_text", q.unit_text(), errs);
    want(case, "display", &q.to_string(), errs);
    if case.get("display").is_some() {
        // The canonical text reads back to the same quantity.
        match parse_quantity(&q.to_string()) {
            Ok(back) if &back == q => {}
            other => errs.push(format!("display {q} reads back as {other:?}")),
        }
    }
}

fn shown(q: Option<&Quantity>) -> String {
    q.map_or_else(|| "-".to_string(), Quantity::to_string)
}

fn check_figure(case: &Value, f: &Figure, errs: &mut Vec<String>) {
    want(case, "comparator", f.comparator.code(), errs);
    want(case, "figure", &shown(f.value.as_ref()), errs);
    want(case, "lower", &shown(f.lower.as_ref()), errs);
    want(case, "upper", &shown(f.upper.as_ref()), errs);
    want(
        case,
        "direction",
        f.direction.map_or("-", |d| d.code()),
        errs,
    );
    want(case, "signed", &shown(f.signed_value().as_ref()), errs);
    want(case, "text", &f.text, errs);
    if let Some(v) = &f.value {
        check_quantity(case, v, errs);
    }
}

fn check_error(case: &Value, e: &ParseError, errs: &mut Vec<String>) {
    want(case, "error", e.code(), errs);
    let span = e.span();
    want(
        case,
        "span",
        &format!("[{},{}]", span.start, span.end),
        errs,
    );
}

/// Checks one case: `Ok` when the parser gives everything the case expects.
fn check(case: &Value) -> Result<(), String> {
    let input = field(case, "input").expect("input");
    let mut errs = Vec::new();
    let refusal = case.get("error").is_some();
    match field(case, "fn").expect("fn") {
        "numeral" => match (parse_numeral(input), refusal) {
            (Ok(n), false) => check_numeral(case, &n, &mut errs),
            (Err(e), true) => check_error(case, &e, &mut errs),
            (got, _) => errs.push(format!("got {got:?}")),
        },
        "quantity" => match (parse_quantity(input), refusal) {
            (Ok(q), false) => check_quantity(case, &q, &mut errs),
            (Err(e), true) => check_error(case, &e, &mut errs),
            (got, _) => errs.push(format!("got {got:?}")),
        },
        "figure" => match (parse_figure(input), refusal) {
            (Ok(f), false) => check_figure(case, &f, &mut errs),
            (Err(e), true) => check_error(case, &e, &mut errs),
            (got, _) => errs.push(format!("got {got:?}")),
        },
        "scan" => match (scan_numeral(input), case.get("none").is_some()) {
            (Some((n, len)), false) => {
                check_numeral(case, &n, &mut errs);
                want(case, "text", input.get(..len).unwrap_or("?"), &mut errs);
            }
            (None, true) => {}
            (got, _) => errs.push(format!("got {got:?}")),
        },
        "extract" => {
            let ms = extract(input);
            let text = field(case, "text");
            let hit = ms.iter().find(|m| text.is_none_or(|t| m.text == t));
            match (hit, case.get("none").is_some()) {
                (Some(m), false) => {
                    check_figure(case, &m.figure, &mut errs);
                    want(
                        case,
                        "year",
                        &m.year.map_or("-".into(), |y| y.to_string()),
                        &mut errs,
                    );
                    want(
                        case,
                        "span",
                        &format!("[{},{}]", m.span.start, m.span.end),
                        &mut errs,
                    );
                }
                (None, true) => {}
                (Some(m), true) => errs.push(format!("want no mention, got {:?}", m.text)),
                (None, false) => errs.push(format!(
                    "no mention {text:?} among {:?}",
                    ms.iter().map(|m| &m.text).collect::<Vec<_>>()
                )),
            }
        }
        other => panic!("unknown fn {other}"),
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join("; "))
    }
}

/// The kind a case counts under: a number, a percentage, money, a refusal or another unit.
fn kind(case: &Value) -> &'static str {
    if case.get("error").is_some() || case.get("none").is_some() {
        return "refusal";
    }
    let unit = field(case, "unit").map(str::to_string).or_else(|| {
        field(case, "figure")
            .or_else(|| field(case, "lower"))
            .and_then(|s| parse_quantity(s).ok())
            .map(|q| q.unit().code().to_string())
    });
    let unit = unit.unwrap_or_else(|| "number".to_string());
    match unit.as_str() {
        "number" => "number",
        "percent" | "per_mille" | "percentage_point" | "tenth" => "percent",
        "CNY" | "USD" | "EUR" | "HKD" | "JPY" => "money",
        _ => "other",
    }
}

#[test]
fn every_published_form_reads_exactly() {
    let Some(families) = families() else {
        return;
    };
    let mut failures = Vec::new();
    let mut total = 0;
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (family, data) in &families {
        let cases = data["cases"].as_array().expect("cases");
        let mut read = 0;
        for case in cases {
            let input = field(case, "input").expect("input");
            let outcome = check(case);
            let gap = field(case, "gap");
            match (&outcome, gap) {
                (Ok(()), Some(why)) => failures.push(format!(
                    "{family}: {input:?} is read now; drop its gap ({why})"
                )),
                (Err(e), None) => failures.push(format!("{family}: {input:?}: {e}")),
                _ => {}
            }
            let ok = outcome.is_ok() && gap.is_none();
            read += usize::from(ok);
            let k = by_kind.entry(kind(case)).or_default();
            k.0 += usize::from(ok);
            k.1 += 1;
        }
        total += cases.len();
        println!("{family:>14}: {read:>3} / {:>3} read", cases.len());
    }
    for (k, (read, n)) in &by_kind {
        println!(
            "{k:>14}: {read:>3} / {n:>3} ({:.1}%)",
            100.0 * *read as f64 / *n as f64
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(total >= 300, "{total} cases");
    let (read, n) = ["number", "percent", "money"]
        .iter()
        .filter_map(|k| by_kind.get(k))
        .fold((0, 0), |(r, t), (a, b)| (r + a, t + b));
    assert!(
        read * 100 >= n * 95,
        "{read} of {n} numbers, percentages and money read"
    );
}
