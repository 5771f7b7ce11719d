//! The language-neutral cases in the repository's `tests/fixtures/*.json`, which the Python suite
//! reads too: Rust and Python must agree on every one of them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failing unwrap is a failing test

use std::cmp::Ordering;

use planwatch::assess::{Policy, Verdict, assess, assess_relative};
use planwatch::document::Period;
use planwatch::numerals::{Approx, parse_numeral};
use planwatch::quantity::{Quantity, parse_quantity};
use planwatch::target::{Outcome, OutcomeStatus, Target};
use planwatch::units::Unit;
use planwatch::{builtin, parse_figure, parse_target};
use rust_decimal::Decimal;
use serde_json::Value;

/// The fixture, or `None` when the crate is built outside its repository (from the published
/// package, which does not hold the repository's shared fixtures). Inside the repository a
/// missing or broken fixture fails the test.
fn fixture(name: &str) -> Option<Value> {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    if !std::path::Path::new(&format!("{root}/crates/planwatch/Cargo.toml")).exists() {
        eprintln!("{name}: not in the repository; the shared fixtures are not packaged");
        return None;
    }
    let path = format!("{root}/tests/fixtures/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn s<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {case}"))
}

fn dec(v: &str) -> Decimal {
    v.parse().unwrap_or_else(|e| panic!("{v}: {e}"))
}

fn quantity(v: &str) -> Quantity {
    parse_quantity(v).unwrap_or_else(|e| panic!("{v}: {e}"))
}

#[test]
fn numerals() {
    let Some(cases) = fixture("numerals.json") else {
        return;
    };
    let cases = cases["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 20);
    for case in cases {
        let input = s(case, "input");
        let got = parse_numeral(input);
        if let Some(code) = case["error"].as_str() {
            assert_eq!(got.map_err(|e| e.code()), Err(code), "{input:?}");
            continue;
        }
        let n = got.unwrap_or_else(|e| panic!("{input:?}: {e}"));
        // The mantissa keeps its published scale: compare the strings, not just the numbers.
        assert_eq!(n.value.to_string(), s(case, "value"), "{input:?}");
        assert_eq!(
            i64::from(n.exponent),
            case["exponent"].as_i64().unwrap(),
            "{input:?}"
        );
        let approx = match n.approx {
            Approx::Exact => ("exact", None),
            Approx::MoreThan => ("more_than", None),
            Approx::Between { high } => ("between", Some(high.to_string())),
        };
        assert_eq!(
            approx,
            (s(case, "approx"), case["high"].as_str().map(str::to_string)),
            "{input:?}"
        );
    }
}

#[test]
fn quantities() {
    let Some(fx) = fixture("quantities.json") else {
        return;
    };
    let cases = fx["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 16);
    for case in cases {
        let input = s(case, "input");
        let got = parse_quantity(input);
        if let Some(code) = case["error"].as_str() {
            assert_eq!(got.map_err(|e| e.code()), Err(code), "{input:?}");
            continue;
        }
        let q = got.unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(q.value().to_string(), s(case, "value"), "{input:?}");
        assert_eq!(i64::from(q.exponent()), case["exponent"].as_i64().unwrap());
        assert_eq!(q.unit().code(), s(case, "unit"), "{input:?}");
        assert_eq!(q.unit_text(), s(case, "unit_text"), "{input:?}");
        assert_eq!(
            q.to_base().unwrap().to_string(),
            s(case, "base"),
            "{input:?}"
        );
        if let Some(display) = case["display"].as_str() {
            assert_eq!(q.to_string(), display);
        }
    }
}

#[test]
fn conversions() {
    let Some(fx) = fixture("quantities.json") else {
        return;
    };
    let cases = fx["conversions"].as_array().unwrap();
    assert_eq!(cases.len(), 7);
    for case in cases {
        let (input, to) = (s(case, "input"), s(case, "to"));
        let unit = Unit::from_code(to).unwrap();
        let got = quantity(input).convert_to(&unit);
        match case["error"].as_str() {
            Some(code) => assert_eq!(got.map_err(|e| e.code()), Err(code), "{input} → {to}"),
            None => {
                let q = got.unwrap();
                assert_eq!(
                    (q.value(), q.exponent(), q.unit()),
                    (dec(s(case, "result")), 0, &unit)
                );
            }
        }
    }
}

#[test]
fn comparisons() {
    let Some(fx) = fixture("quantities.json") else {
        return;
    };
    let cases = fx["comparisons"].as_array().unwrap();
    assert_eq!(cases.len(), 6);
    for case in cases {
        let (l, r) = (quantity(s(case, "left")), quantity(s(case, "right")));
        let got = l.cmp_amount(&r);
        match case["error"].as_str() {
            Some(code) => assert_eq!(got.map_err(|e| e.code()), Err(code), "{case}"),
            None => {
                let order = match case["order"].as_i64().unwrap() {
                    -1 => Ordering::Less,
                    0 => Ordering::Equal,
                    _ => Ordering::Greater,
                };
                assert_eq!(got, Ok(order), "{case}");
            }
        }
    }
}

#[test]
fn arithmetic() {
    let Some(fx) = fixture("quantities.json") else {
        return;
    };
    let cases = fx["arithmetic"].as_array().unwrap();
    assert_eq!(cases.len(), 5);
    for case in cases {
        let (l, r) = (quantity(s(case, "left")), quantity(s(case, "right")));
        let got = match s(case, "op") {
            "add" => l.checked_add(&r),
            "sub" => l.checked_sub(&r),
            op => panic!("unknown op {op}"),
        };
        match case["error"].as_str() {
            Some(code) => assert_eq!(got.map_err(|e| e.code()), Err(code), "{case}"),
            None => assert_eq!(got.unwrap(), quantity(s(case, "result")), "{case}"),
        }
    }
}

#[test]
fn assessments() {
    let Some(fx) = fixture("assess.json") else {
        return;
    };
    let cases = fx["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 13);
    let catalogue = builtin::catalogue();
    let outcome = |indicator: &str, text: &str| Outcome {
        indicator: indicator.into(),
        period: Period::year(2023),
        figure: parse_figure(text).unwrap_or_else(|e| panic!("{text}: {e}")),
        status: OutcomeStatus::Preliminary,
        provenance: None,
    };
    for case in cases {
        let id = s(case, "id");
        let indicator = catalogue.get(s(case, "indicator")).unwrap();
        let target = Target {
            indicator: indicator.id.clone(),
            period: Period::year(2023),
            figure: parse_target(s(case, "target")).unwrap(),
            provenance: None,
        };
        let o = outcome(&indicator.id, s(case, "outcome"));
        let policy: Policy = match case.get("policy") {
            Some(p) => serde_json::from_value(p.clone()).unwrap(),
            None => Policy::default(),
        };
        let a = match case.get("reference") {
            Some(r) => {
                let ro = outcome(s(r, "indicator"), s(r, "outcome"));
                assess_relative(&target, &o, &ro, indicator, &policy)
            }
            None => assess(&target, &o, indicator, &policy),
        };
        let verdict: Verdict = serde_json::from_value(case["verdict"].clone()).unwrap();
        assert_eq!(a.verdict, verdict, "{id}");
        assert_eq!(a.reason.map(|r| r.code()), case["reason"].as_str(), "{id}");
        assert_eq!(a.margin, case["margin"].as_str().map(dec), "{id}");
        let band = a.band.as_ref().map(|b| {
            (
                b.lower.as_ref().map(|q| q.value()),
                b.upper.as_ref().map(|q| q.value()),
            )
        });
        let expected = case["band"]
            .as_array()
            .map(|b| (b[0].as_str().map(dec), b[1].as_str().map(dec)));
        assert_eq!(band, expected, "{id}");
    }
}
