//! The main job: the 2024 NDRC plan report's headline indicators from the built-in data.
//!
//! ```text
//! cargo run --example report
//! ```
//!
//! Prints, for every indicator the report sets a target for (the 主要预期目标 first, as the
//! extractor reads them from the report's own text) or states a verdict on: the target of the
//! outcome year the report restates, the outcome, the verdict, and the plan year's target, each
//! figure as published (units and qualifiers as written). Then the verdicts the report states in
//! words, with their quotes, and the validation summary of the built-in data.
//!
//! Verdicts come from [`planwatch::scorecard`] under the default policy: computed where the report
//! restates the target, else the verdict the report states, marked `stated`.

use planwatch::assess::Policy;
use planwatch::builtin;
use planwatch::extract::extract_document;
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

fn main() {
    let ds = builtin::dataset();
    let cat = builtin::catalogue();
    let doc = &ds.document;
    let policy = Policy::default();
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
