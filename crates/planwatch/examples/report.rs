//! The main job: the built-in panel's headline indicators year by year, then the 2024 NDRC plan
//! report's scorecard.
//!
//! ```text
//! cargo run --example report
//! ```
//!
//! First the panel ([`planwatch::builtin::panel`]): for the national headline indicators (GDP
//! growth, CPI, new urban jobs, surveyed and registered unemployment, the deficit ratio) one line
//! per year with each indicator's target, outcome and verdict as the panel scorecard joins them
//! across documents (the target from the report of the year, the outcome from the next), then
//! the years the panel holds, national and provincial. It prints whatever the panel holds, so
//! the table grows as documents join it.
//!
//! Then the 2024 NDRC report: for every indicator the report sets a target for (the 主要预期目标 first, as the
//! extractor reads them from the report's own text) or states a verdict on: the target of the
//! outcome year the report restates, the outcome, the verdict, and the plan year's target, each
//! figure as published (units and qualifiers as written). Then the verdicts the report states in
//! words, with their quotes, and the validation summary of the built-in data.
//!
//! Verdicts come from [`planwatch::scorecard`] under the default policy: computed where the report
//! restates the target, else the verdict the report states, marked `stated`.

use std::collections::BTreeSet;

use planwatch::assess::Policy;
use planwatch::builtin;
use planwatch::document::Period;
use planwatch::extract::extract_document;
use planwatch::indicator::Catalogue;
use planwatch::panel::{Panel, PanelRow};
use planwatch::scorecard::{ScoreRow, scorecard};
use planwatch::validate::validate_with;

/// Display width in a terminal: East Asian wide and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// `s` cut to at most `max` columns (with `…` when cut) and padded to exactly `max`.
fn cell(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    if width(s) > max {
        for c in s.chars() {
            let cw = width(c.encode_utf8(&mut [0; 4]));
            if w + cw + 1 > max {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.push('…');
        w += 1;
    } else {
        out.push_str(s);
        w = width(s);
    }
    out.push_str(&" ".repeat(max.saturating_sub(w)));
    out
}

/// The verdict cell: the row's label, or `—` without a row.
fn verdict_cell(row: Option<&ScoreRow>) -> String {
    row.map_or_else(|| "—".into(), ScoreRow::label)
}

/// The national headline indicators the panel section shows, in this order.
const HEADLINE: &[&str] = &[
    "gdp_growth",
    "cpi_change",
    "urban_new_jobs",
    "urban_surveyed_unemployment",
    "urban_registered_unemployment",
    "fiscal_deficit_ratio",
];

/// Years as ranges: `1954–1960, 1964, 1978–2025`.
fn year_ranges(years: &BTreeSet<i32>) -> String {
    let mut parts: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match parts.last_mut() {
            Some((_, end)) if *end + 1 == y => *end = y,
            _ => parts.push((y, y)),
        }
    }
    if parts.is_empty() {
        return "none".into();
    }
    parts
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The panel section: the national headline indicators year by year, then the years held.
fn panel_section(panel: &Panel, cat: &Catalogue, policy: &Policy) {
    let card = panel.scorecard(cat, policy);
    let shown: Vec<&str> = HEADLINE
        .iter()
        .copied()
        .filter(|ind| {
            panel.records().any(|(d, r)| {
                d.jurisdiction == "CN" && r.indicator() == *ind && r.period().end_year.is_none()
            })
        })
        .collect();
    let national: BTreeSet<i32> = panel
        .records()
        .filter(|(d, r)| {
            d.jurisdiction == "CN"
                && r.period().end_year.is_none()
                && shown.contains(&r.indicator())
        })
        .map(|(_, r)| r.period().year)
        .collect();
    let scored = |ind: &str, year: i32| -> Option<&PanelRow> {
        card.iter().find(|r| {
            r.jurisdiction == "CN" && r.row.indicator == ind && r.row.period == Period::year(year)
        })
    };
    let cell_of = |ind: &str, year: i32| -> String {
        let row = scored(ind, year);
        let target = row
            .and_then(|r| r.row.target.as_ref())
            .map(|t| t.figure.text.as_str());
        let outcome = panel.outcome("CN", ind, &Period::year(year));
        let outcome = outcome.map(|o| o.record.figure.text.as_str());
        if target.is_none() && outcome.is_none() {
            return String::new();
        }
        let verdict = match row.and_then(|r| r.row.verdict()) {
            Some(planwatch::Verdict::NotAssessable) => " n/a".to_string(),
            Some(v) => format!(" {}", v.code()),
            None => String::new(),
        };
        format!(
            "{} → {}{verdict}",
            target.unwrap_or("—"),
            outcome.unwrap_or("—")
        )
    };
    let documents = panel.datasets().len();
    println!(
        "The panel: {documents} document{} · {} jurisdiction{} · national headline indicators: target → outcome, verdict",
        if documents == 1 { "" } else { "s" },
        panel.jurisdictions().len(),
        if panel.jurisdictions().len() == 1 {
            ""
        } else {
            "s"
        },
    );
    let cells: Vec<(i32, Vec<String>)> = national
        .iter()
        .map(|&y| (y, shown.iter().map(|ind| cell_of(ind, y)).collect()))
        .collect();
    let widths: Vec<usize> = shown
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let name = cat.get(ind).map_or(*ind, |x| x.name_zh.as_str());
            cells
                .iter()
                .map(|(_, c)| width(&c[i]))
                .chain([width(name)])
                .max()
                .unwrap_or(0)
                .min(34)
        })
        .collect();
    let line = |first: &str, rest: Vec<String>| {
        let parts: Vec<String> = rest.iter().zip(&widths).map(|(c, &w)| cell(c, w)).collect();
        println!("{} {}", cell(first, 4), parts.join("  ").trim_end());
    };
    line(
        "year",
        shown
            .iter()
            .map(|ind| cat.get(ind).map_or(ind.to_string(), |x| x.name_zh.clone()))
            .collect(),
    );
    for (y, row) in cells {
        line(&y.to_string(), row);
    }
    let years_of = |national: bool| -> BTreeSet<i32> {
        panel
            .records()
            .filter(|(d, _)| (d.jurisdiction == "CN") == national)
            .map(|(_, r)| r.period().year)
            .collect()
    };
    let provinces = panel.jurisdictions().iter().filter(|j| **j != "CN").count();
    println!(
        "Years in the panel: national {}; provincial {}",
        year_ranges(&years_of(true)),
        if provinces == 0 {
            "none yet".to_string()
        } else {
            format!(
                "{} ({provinces} jurisdictions)",
                year_ranges(&years_of(false))
            )
        }
    );
}

fn main() {
    let panel = builtin::panel();
    let policy = Policy::default();
    panel_section(panel, &panel.catalogue_over(builtin::catalogue()), &policy);
    println!();

    let ds = builtin::dataset();
    let cat = builtin::catalogue();
    let doc = &ds.document;
    let card = scorecard(&ds, cat, &policy);
    let (Some(y0), Some(y1)) = (doc.outcome_year, doc.plan_year) else {
        eprintln!("report: the document names no outcome year and plan year");
        std::process::exit(1);
    };

    println!("{}", doc.title);
    println!(
        "{}, {} · {} targets, {} outcomes, {} stated verdicts · text SHA-256 {}",
        doc.issuer,
        doc.delivered.map(|d| d.to_string()).unwrap_or_default(),
        ds.targets.len(),
        ds.outcomes.len(),
        ds.verdicts.len(),
        builtin::SHA256
    );
    println!(
        "Verdicts under the default policy: 左右 = ±{} pp for %, ±{}% of the value otherwise; 同步 within {} pp.",
        policy.around_tolerance_pp,
        (policy.around_tolerance_rel * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
        policy.in_step_tolerance_pp
    );

    // Rows: the headline targets as the report lists them, then every other indicator with a
    // target or a stated verdict, in dataset order.
    let text = ds.text.as_deref().unwrap_or_default();
    let headline: Vec<String> = extract_document(text, &doc.id, cat)
        .headline()
        .map(|t| t.indicator.clone())
        .collect();
    let mut rows: Vec<&str> = Vec::new();
    for ind in headline
        .iter()
        .map(String::as_str)
        .chain(card.iter().map(|r| r.indicator.as_str()))
    {
        if !rows.contains(&ind) {
            rows.push(ind);
        }
    }
    let row_of = |ind: &str, year: i32| {
        card.iter()
            .find(|r| r.indicator == ind && r.period.year == year)
    };
    let target_text = |ind: &str, year: i32| {
        row_of(ind, year)
            .and_then(|r| r.target.as_ref())
            .map(|t| t.figure.text.clone())
            .unwrap_or_else(|| "—".into())
    };

    let cols = [30, 40, 14, 14, 28, 34];
    let (h0, h1, h2, h3) = (
        format!("{y0} target"),
        format!("{y0} outcome"),
        format!("{y0} verdict"),
        format!("{y1} target"),
    );
    let header = [
        "indicator",
        "",
        h0.as_str(),
        h1.as_str(),
        h2.as_str(),
        h3.as_str(),
    ];
    let line = |cells: [&str; 6]| {
        let parts: Vec<String> = cells.iter().zip(cols).map(|(c, w)| cell(c, w)).collect();
        println!("{}", parts.join(" ").trim_end());
    };
    for (i, ind) in rows.iter().enumerate() {
        if i == 0 {
            println!("\nHeadline indicators: 主要预期目标 (main targets)");
            line(header);
        } else if i == headline.len() {
            println!("\nOther targets and stated verdicts");
            line(header);
        }
        let (zh, en) = cat
            .get(ind)
            .map(|i| (i.name_zh.as_str(), i.name_en.as_str()))
            .unwrap_or((ind, ""));
        let outcome = ds
            .outcomes
            .iter()
            .find(|o| o.indicator == *ind && o.period.year == y0)
            .map(|o| o.figure.text.clone())
            .unwrap_or_else(|| "—".into());
        let verdict = verdict_cell(row_of(ind, y0));
        line([
            zh,
            en,
            &target_text(ind, y0),
            &outcome,
            &verdict,
            &target_text(ind, y1),
        ]);
    }

    println!(
        "\n— : not in the report (it restates only some {y0} targets). \"= stated\": the computed verdict is the one the report states in words."
    );

    println!("\nVerdicts the report states in words");
    for v in &ds.verdicts {
        let (zh, en) = cat
            .get(&v.indicator)
            .map(|i| (i.name_zh.as_str(), i.name_en.as_str()))
            .unwrap_or(("", ""));
        let quote = v
            .provenance
            .as_ref()
            .map(|p| p.quote.as_str())
            .unwrap_or("");
        println!(
            "  {} {} · {} {}: {} — “{}”",
            v.period.year,
            v.verdict.code(),
            zh,
            en,
            v.indicator,
            quote
        );
    }

    let report = validate_with(&ds, cat, &builtin::rules());
    println!(
        "\nValidation of the built-in data ({} consistency rules)",
        builtin::rules().len()
    );
    let (errors, warnings) = (report.errors().count(), report.warnings().count());
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    println!(
        "  {errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    );
    for issue in &report.issues {
        println!("  {issue}");
    }
}
