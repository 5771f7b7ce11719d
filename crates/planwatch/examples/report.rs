//! The main job: the 2024 NDRC plan report's headline indicators from the built-in data.
//!
//! ```text
//! cargo run --example report
//! ```
//!
//! Prints, for every indicator the report sets a target for (the 主要预期目标 first) or states a
//! verdict on: the 2023 target the report restates, the 2023 outcome, the verdict, and the 2024
//! target, each figure as published (units and qualifiers as written). Then the verdicts the
//! report states in words, with their quotes, and the validation summary of the built-in data.
//!
//! A verdict is computed (`planwatch::assess`, default policy) where the report restates the 2023
//! target; where it does not, the verdict the report states is shown, marked `stated`.

use planwatch::assess::{Assessment, Policy, Verdict, assess, assess_relative};
use planwatch::builtin;
use planwatch::dataset::Dataset;
use planwatch::indicator::Catalogue;
use planwatch::target::{Figure, Outcome, Target};
use planwatch::units::Unit;
use planwatch::validate::validate_with;

/// The 2024 main targets (主要预期目标), in the order the report gives them.
const MAIN_TARGETS: [&str; 9] = [
    "gdp_growth",
    "urban_new_jobs",
    "urban_surveyed_unemployment",
    "cpi_change",
    "disposable_income_growth",
    "balance_of_payments",
    "grain_output",
    "energy_intensity_change",
    "eco_environment_quality",
];

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

fn target_of<'a>(ds: &'a Dataset, ind: &str, year: i32) -> Option<&'a Target> {
    ds.targets
        .iter()
        .find(|t| t.indicator == ind && t.period.year == year)
}

fn outcome_of<'a>(ds: &'a Dataset, ind: &str, year: i32) -> Option<&'a Outcome> {
    ds.outcomes
        .iter()
        .find(|o| o.indicator == ind && o.period.year == year)
}

/// The figure as published; a relational figure names its reference.
fn shown(f: &Figure) -> String {
    f.text.clone()
}

/// The unit a margin is counted in: percentage points for % targets, else the target's
/// magnitude and unit as written (万人).
fn margin_unit(t: &Target) -> String {
    match t.figure.value.as_ref().or(t.figure.lower.as_ref()) {
        Some(q) if q.unit() == &Unit::Percent || q.unit() == &Unit::PercentagePoint => " pp".into(),
        Some(q) => format!("{}{}", q.magnitude_text(), q.unit_text()),
        None => " pp".into(),
    }
}

fn verdict_text(a: &Assessment, t: &Target) -> String {
    match (a.verdict, a.margin) {
        (Verdict::NotAssessable, _) => {
            format!(
                "not assessable ({})",
                a.reason.map(|r| r.code()).unwrap_or("unknown")
            )
        }
        (v, Some(m)) => {
            let sign = if m.is_sign_negative() { "" } else { "+" };
            format!("{} ({sign}{}{})", v.code(), m.normalize(), margin_unit(t))
        }
        (v, None) => v.code().to_string(),
    }
}

/// The 2023 verdict: computed from the restated target and the outcome, else as stated.
fn verdict_2023(ds: &Dataset, cat: &Catalogue, ind: &str) -> String {
    let policy = Policy::default();
    let stated = ds
        .verdicts
        .iter()
        .find(|v| v.indicator == ind && v.period.year == 2023)
        .map(|v| format!("{} (stated)", v.verdict.code()));
    let stated_code = ds
        .verdicts
        .iter()
        .find(|v| v.indicator == ind && v.period.year == 2023)
        .map(|v| v.verdict);
    let (Some(t), Some(indicator)) = (target_of(ds, ind, 2023), cat.get(ind)) else {
        return stated.unwrap_or_else(|| "—".into());
    };
    let Some(o) = outcome_of(ds, ind, 2023) else {
        return stated.unwrap_or_else(|| "no outcome".into());
    };
    let reference = t
        .figure
        .reference
        .as_ref()
        .and_then(|r| r.indicator.as_deref());
    let a = match reference.and_then(|r| outcome_of(ds, r, 2023)) {
        Some(ro) => assess_relative(t, o, ro, indicator, &policy),
        None => assess(t, o, indicator, &policy),
    };
    let agrees = if stated_code == Some(a.verdict) {
        " = stated"
    } else {
        ""
    };
    format!("{}{agrees}", verdict_text(&a, t))
}

fn main() {
    let ds = builtin::dataset();
    let cat = builtin::catalogue_ref();
    let doc = &ds.document;

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
    let p = Policy::default();
    println!(
        "Verdicts under the default policy: 左右 = ±{} pp for %, ±{}% of the value otherwise; 同步 within {} pp.",
        p.around_tolerance_pp,
        (p.around_tolerance_rel * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
        p.in_step_tolerance_pp
    );

    // Rows: the main targets, then every other indicator with a target or a stated verdict, in
    // the order of the text.
    let mut rows: Vec<&str> = MAIN_TARGETS.to_vec();
    let others = ds
        .targets
        .iter()
        .map(|t| t.indicator.as_str())
        .chain(ds.verdicts.iter().map(|v| v.indicator.as_str()));
    for ind in others {
        if !rows.contains(&ind) {
            rows.push(ind);
        }
    }

    let cols = [30, 40, 14, 14, 28, 34];
    let header = [
        "indicator",
        "",
        "2023 target",
        "2023 outcome",
        "2023 verdict",
        "2024 target",
    ];
    let line = |cells: [&str; 6]| {
        let parts: Vec<String> = cells.iter().zip(cols).map(|(c, w)| cell(c, w)).collect();
        println!("{}", parts.join(" ").trim_end());
    };
    for (i, ind) in rows.iter().enumerate() {
        if i == 0 {
            println!("\nHeadline indicators: 主要预期目标 (main targets)");
            line(header);
        } else if i == MAIN_TARGETS.len() {
            println!("\nOther targets and stated verdicts");
            line(header);
        }
        let (zh, en) = cat
            .get(ind)
            .map(|i| (i.name_zh.as_str(), i.name_en.as_str()))
            .unwrap_or((ind, ""));
        let t23 = target_of(&ds, ind, 2023)
            .map(|t| shown(&t.figure))
            .unwrap_or_else(|| "—".into());
        let o23 = outcome_of(&ds, ind, 2023)
            .map(|o| shown(&o.figure))
            .unwrap_or_else(|| "—".into());
        let t24 = target_of(&ds, ind, 2024)
            .map(|t| shown(&t.figure))
            .unwrap_or_else(|| "—".into());
        let v = verdict_2023(&ds, cat, ind);
        line([zh, en, &t23, &o23, &v, &t24]);
    }

    println!(
        "\n— : not in the report (it restates only some 2023 targets). \"= stated\": the computed verdict is the one the report states in words."
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
