//! Assessment of targets against outcomes: verdict, band, value and margin for each case.
#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use planwatch::assess::{
    Assessment, Band, NotAssessableReason, Policy, Verdict, assess, assess_relative,
};
use planwatch::document::Period;
use planwatch::figure::{parse_figure, parse_target};
use planwatch::indicator::{Desired, Indicator, Measure};
use planwatch::quantity::Quantity;
use planwatch::target::{Comparator, Outcome, OutcomeStatus, Target};
use planwatch::units::Unit;
use rust_decimal::Decimal;

fn ind(id: &str, desired: Desired, measure: Measure, unit: Unit) -> Indicator {
    Indicator {
        id: id.into(),
        name_zh: id.into(),
        name_en: id.into(),
        aliases: vec![],
        category: "test".into(),
        attribute: None,
        desired,
        measure,
        unit,
    }
}

fn target(id: &str, s: &str) -> Target {
    Target {
        indicator: id.into(),
        period: Period::year(2023),
        figure: parse_target(s).unwrap(),
        provenance: None,
    }
}

fn outcome(id: &str, s: &str) -> Outcome {
    Outcome {
        indicator: id.into(),
        period: Period::year(2023),
        figure: parse_figure(s).unwrap(),
        status: OutcomeStatus::Preliminary,
        provenance: None,
    }
}

fn q(v: &str, exp: i32, unit: Unit) -> Quantity {
    Quantity::new(v.parse().unwrap(), exp, unit)
}

fn d(v: &str) -> Decimal {
    v.parse().unwrap()
}

fn pct(v: &str) -> Quantity {
    q(v, 0, Unit::Percent)
}

fn assessed(
    verdict: Verdict,
    band: (Option<Quantity>, Option<Quantity>),
    value: Quantity,
    margin: &str,
    desired: Desired,
    comparator: Comparator,
) -> Assessment {
    Assessment {
        verdict,
        reason: None,
        band: Some(Band {
            lower: band.0,
            upper: band.1,
        }),
        value: Some(value),
        margin: Some(d(margin)),
        desired,
        comparator,
        policy: Policy::default(),
    }
}

fn gdp() -> Indicator {
    ind(
        "gdp_growth",
        Desired::HigherBetter,
        Measure::GrowthRate,
        Unit::Percent,
    )
}

fn check(t: &str, o: &str, indicator: &Indicator) -> Assessment {
    assess(
        &target(&indicator.id, t),
        &outcome(&indicator.id, o),
        indicator,
        &Policy::default(),
    )
}

#[test]
fn gdp_around_floor_is_met() {
    assert_eq!(
        check("增长5%左右", "增长5.2%", &gdp()),
        assessed(
            Verdict::Met,
            (Some(pct("4.5")), Some(pct("5.5"))),
            pct("5.2"),
            "0.2",
            Desired::HigherBetter,
            Comparator::Around
        )
    );
}

#[test]
fn cpi_ceiling_is_met_far_below() {
    let cpi = ind(
        "cpi_change",
        Desired::LowerBetter,
        Measure::GrowthRate,
        Unit::Percent,
    );
    assert_eq!(
        check("涨幅3%左右", "上涨0.2%", &cpi),
        assessed(
            Verdict::Met,
            (Some(pct("2.5")), Some(pct("3.5"))),
            pct("0.2"),
            "2.8",
            Desired::LowerBetter,
            Comparator::Around
        )
    );
    // Above the ceiling's band: missed.
    assert_eq!(
        check("涨幅3%左右", "上涨3.6%", &cpi).verdict,
        Verdict::Missed
    );
    // A fall in prices is under the ceiling too.
    let a = check("涨幅3%左右", "下降0.3%", &cpi);
    assert_eq!((a.verdict, a.margin), (Verdict::Met, Some(d("3.3"))));
}

#[test]
fn unemployment_ceiling() {
    let u = ind(
        "urban_unemployment",
        Desired::LowerBetter,
        Measure::Rate,
        Unit::Percent,
    );
    assert_eq!(
        check("5.5%左右", "5.2%", &u),
        assessed(
            Verdict::Met,
            (Some(pct("5")), Some(pct("6"))),
            pct("5.2"),
            "0.3",
            Desired::LowerBetter,
            Comparator::Around
        )
    );
    let a = check("5.5%左右", "6.1%", &u);
    assert_eq!((a.verdict, a.margin), (Verdict::Missed, Some(d("-0.6"))));
}

#[test]
fn new_jobs_above_band_are_exceeded() {
    let jobs = ind(
        "urban_new_jobs",
        Desired::HigherBetter,
        Measure::Level,
        Unit::Person,
    );
    let man = |v| q(v, 4, Unit::Person);
    assert_eq!(
        check("1200万人左右", "1244万人", &jobs),
        assessed(
            Verdict::Exceeded,
            (Some(man("1176")), Some(man("1224"))),
            man("1244"),
            "44",
            Desired::HigherBetter,
            Comparator::Around
        )
    );
    assert_eq!(
        check("1200万人左右", "1210万人", &jobs).verdict,
        Verdict::Met
    );
    assert_eq!(
        check("1200万人左右", "1150万人", &jobs).verdict,
        Verdict::Missed
    );
    // A floor is met however far above it.
    let a = check("1200万人以上", "1244万人", &jobs);
    assert_eq!((a.verdict, a.margin), (Verdict::Met, Some(d("44"))));
    // Same dimension, other magnitude: 12440000人 is 1244万人.
    assert_eq!(
        check("1200万人左右", "12440000人", &jobs).value,
        Some(man("1244"))
    );
}

#[test]
fn grain_floor_with_unit_conversion() {
    let grain = ind(
        "grain_output",
        Desired::HigherBetter,
        Measure::Level,
        Unit::Jin,
    );
    let wyj = |v| q(v, 12, Unit::Jin);
    let want = Assessment {
        verdict: Verdict::Met,
        reason: None,
        band: Some(Band {
            lower: Some(wyj("1.3")),
            upper: None,
        }),
        value: Some(wyj("1.39")),
        margin: Some(d("0.09")),
        desired: Desired::HigherBetter,
        comparator: Comparator::AtLeast,
        policy: Policy::default(),
    };
    assert_eq!(check("1.3万亿斤以上", "1.39万亿斤", &grain), want);
    // 6.95亿吨 = 1.39万亿斤, exactly.
    assert_eq!(check("1.3万亿斤以上", "6.95亿吨", &grain), want);
    assert_eq!(
        check("1.3万亿斤以上", "1.29万亿斤", &grain).verdict,
        Verdict::Missed
    );
}

#[test]
fn energy_intensity_signed_by_direction() {
    let ei = ind(
        "energy_intensity_change",
        Desired::LowerBetter,
        Measure::Change,
        Unit::Percent,
    );
    assert_eq!(
        check("下降2%左右", "下降0.5%", &ei),
        assessed(
            Verdict::Missed,
            (Some(pct("-2.5")), Some(pct("-1.5"))),
            pct("-0.5"),
            "-1.5",
            Desired::LowerBetter,
            Comparator::Around
        )
    );
    assert_eq!(check("下降2%左右", "下降2.2%", &ei).verdict, Verdict::Met);
    assert_eq!(check("下降2%左右", "下降3%", &ei).verdict, Verdict::Met);
}

#[test]
fn unit_mismatch_is_not_assessable() {
    let a = check("增长5%左右", "0.3个百分点", &gdp());
    assert_eq!(
        a,
        Assessment::not_assessable(
            NotAssessableReason::UnitMismatch,
            Desired::HigherBetter,
            Comparator::Around,
            &Policy::default()
        )
    );
    let jobs = ind(
        "urban_new_jobs",
        Desired::HigherBetter,
        Measure::Level,
        Unit::Person,
    );
    assert_eq!(
        check("1200万人左右", "1244万元", &jobs).reason,
        Some(NotAssessableReason::UnitMismatch)
    );
}

#[test]
fn outcome_bounds_decide_when_they_can() {
    let sales = ind(
        "online_sales",
        Desired::HigherBetter,
        Measure::Level,
        Unit::CNY,
    );
    let a = check("2万亿元以上", "超过2.2万亿元", &sales);
    assert_eq!(
        (a.verdict, a.reason, a.value, a.margin),
        (Verdict::Met, None, None, None)
    );
    let a = check("2.5万亿元以上", "超过2.2万亿元", &sales);
    assert_eq!(
        (a.verdict, a.reason),
        (
            Verdict::NotAssessable,
            Some(NotAssessableReason::OutcomeBoundInconclusive)
        )
    );
    let a = check("2.2万亿元以上", "超过2.2万亿元", &sales);
    assert_eq!(a.verdict, Verdict::Met);
    let power = ind(
        "power_use",
        Desired::HigherBetter,
        Measure::Level,
        Unit::KilowattHour,
    );
    assert_eq!(
        check("3万亿千瓦时以上", "近3万亿千瓦时", &power).verdict,
        Verdict::Missed
    );
    // An around target with an open-ended outcome above its lower edge could be met or exceeded.
    assert_eq!(
        check("2.2万亿元左右", "超过2.2万亿元", &sales).reason,
        Some(NotAssessableReason::OutcomeBoundInconclusive)
    );
    // Entirely above a higher-better band: exceeded.
    assert_eq!(
        check("2万亿元左右", "超过2.2万亿元", &sales).verdict,
        Verdict::Exceeded
    );
    // 94%以上 against a floor of 90%.
    let share = ind(
        "coverage",
        Desired::HigherBetter,
        Measure::Share,
        Unit::Percent,
    );
    assert_eq!(check("90%以上", "94%以上", &share).verdict, Verdict::Met);
}

#[test]
fn band_indicators_miss_on_both_sides() {
    let fx = ind("balance", Desired::Band, Measure::Rate, Unit::Percent);
    let a = check("6%-7%", "6.5%", &fx);
    assert_eq!((a.verdict, a.margin), (Verdict::Met, Some(d("0"))));
    let a = check("6%-7%", "7.5%", &fx);
    assert_eq!((a.verdict, a.margin), (Verdict::Missed, Some(d("-1"))));
    assert_eq!(check("6%-7%", "5.9%", &fx).verdict, Verdict::Missed);
    assert_eq!(
        check("7%-6%", "6.5%", &fx).reason,
        Some(NotAssessableReason::InvertedRange)
    );
}

#[test]
fn exact_targets() {
    let deficit = ind(
        "deficit_ratio",
        Desired::LowerBetter,
        Measure::Rate,
        Unit::Percent,
    );
    let a = check("按3%安排", "3%", &deficit);
    assert_eq!(
        (a.verdict, a.band.clone(), a.margin),
        (
            Verdict::Met,
            Some(Band {
                lower: Some(pct("3")),
                upper: Some(pct("3"))
            }),
            Some(d("0"))
        )
    );
    assert_eq!(check("按3%安排", "3.1%", &deficit).verdict, Verdict::Missed);
}

#[test]
fn policy_is_overridable_and_recorded() {
    let p = Policy {
        around_tolerance_pp: d("0.1"),
        ..Policy::default()
    };
    let a = assess(
        &target("gdp_growth", "增长5%左右"),
        &outcome("gdp_growth", "增长5.2%"),
        &gdp(),
        &p,
    );
    assert_eq!((a.verdict, a.policy.clone()), (Verdict::Exceeded, p));
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["policy"]["around_tolerance_pp"], "0.1");
    assert_eq!(json["verdict"], "exceeded");
    assert_eq!(json["band"]["lower"]["value"], "4.9");
    assert_eq!(json["margin"], "0.2");
    assert_eq!(serde_json::from_value::<Assessment>(json).unwrap(), a);
}

#[test]
fn qualitative_and_direction_only_targets() {
    let ei = ind(
        "energy_intensity_change",
        Desired::LowerBetter,
        Measure::Change,
        Unit::Percent,
    );
    let reason = |a: Assessment| (a.verdict, a.reason);
    assert_eq!(
        reason(check("继续下降", "下降0.5%", &ei)),
        (Verdict::Met, None)
    );
    assert_eq!(
        reason(check("继续下降", "上升0.5%", &ei)),
        (Verdict::Missed, None)
    );
    assert_eq!(
        reason(check("持续改善", "下降0.5%", &ei)),
        (Verdict::Met, None)
    );
    // Growth rates and changes show their direction by their sign.
    assert_eq!(
        reason(check("继续下降", "-0.5%", &ei)),
        (Verdict::Met, None)
    );
    let bop = ind(
        "balance_of_payments",
        Desired::Band,
        Measure::Level,
        Unit::USD,
    );
    assert_eq!(
        reason(check("基本平衡", "基本平衡", &bop)),
        (Verdict::Met, None)
    );
    assert_eq!(
        reason(check("保持基本平衡", "基本平衡", &bop)),
        (Verdict::Met, None)
    );
    assert_eq!(
        reason(check("基本平衡", "2529亿美元", &bop)),
        (
            Verdict::NotAssessable,
            Some(NotAssessableReason::QualitativeTarget)
        )
    );
    // A level without a stated direction does not say which way it moved.
    let pm = ind(
        "pm25",
        Desired::LowerBetter,
        Measure::Level,
        Unit::MicrogramPerCubicMetre,
    );
    assert_eq!(
        reason(check("继续下降", "30微克/立方米", &pm)),
        (
            Verdict::NotAssessable,
            Some(NotAssessableReason::QualitativeTarget)
        )
    );
}

#[test]
fn relational_targets() {
    let income = ind(
        "income_growth",
        Desired::HigherBetter,
        Measure::GrowthRate,
        Unit::Percent,
    );
    let rel = |t: &str, o: &str, r: &str| {
        assess_relative(
            &target(&income.id, t),
            &outcome(&income.id, o),
            &outcome("gdp_growth", r),
            &income,
            &Policy::default(),
        )
    };
    assert_eq!(
        rel("与经济增长同步", "增长6.1%", "增长5.2%"),
        assessed(
            Verdict::Met,
            (Some(pct("4.7")), None),
            pct("6.1"),
            "0.9",
            Desired::HigherBetter,
            Comparator::InStepWith
        )
    );
    assert_eq!(
        rel("与经济增长同步", "增长4.5%", "增长5.2%").verdict,
        Verdict::Missed
    );
    assert_eq!(rel("基本同步", "增长5%", "增长5.2%").verdict, Verdict::Met);
    let a = rel("高于国内生产总值增长", "增长6.1%", "增长5.2%");
    assert_eq!((a.verdict, a.margin), (Verdict::Met, Some(d("0.9"))));
    assert_eq!(
        rel("高于国内生产总值增长", "增长5.2%", "增长5.2%").verdict,
        Verdict::Missed
    );
    // Without the reference, assess says what it needs.
    assert_eq!(
        check("与经济增长同步", "增长6.1%", &income).reason,
        Some(NotAssessableReason::NeedsReference)
    );
    // A non-relational target passes through to assess.
    assert_eq!(
        rel("增长5%左右", "增长5.2%", "增长5.2%").verdict,
        Verdict::Met
    );
}

#[test]
fn mismatched_records_are_not_assessable() {
    let t = target("gdp_growth", "增长5%左右");
    let mut o = outcome("gdp_growth", "增长5.2%");
    o.period = Period::year(2024);
    assert_eq!(
        assess(&t, &o, &gdp(), &Policy::default()).reason,
        Some(NotAssessableReason::PeriodMismatch)
    );
    let o = outcome("cpi_change", "增长5.2%");
    assert_eq!(
        assess(&t, &o, &gdp(), &Policy::default()).reason,
        Some(NotAssessableReason::IndicatorMismatch)
    );
    let o = outcome("gdp_growth", "基本平衡");
    assert_eq!(
        assess(&t, &o, &gdp(), &Policy::default()).reason,
        Some(NotAssessableReason::QualitativeOutcome)
    );
}

/// Exponents read from user JSON may be anywhere in `i32`: the band arithmetic stays exact and
/// typed (no overflow of `from − to`, no rounding of a rescaled value, no loop over the exponent).
#[test]
fn extreme_exponents_are_not_assessable_not_panics() {
    let gdp = gdp();
    let t = target("gdp_growth", "增长5%左右");
    for exp in [i32::MIN, i32::MAX] {
        let mut o = outcome("gdp_growth", "增长5.2%");
        o.figure.value = Some(q("5.2", exp, Unit::Percent));
        assert_eq!(
            assess(&t, &o, &gdp, &Policy::default()),
            Assessment::not_assessable(
                NotAssessableReason::Arithmetic,
                Desired::HigherBetter,
                Comparator::Around,
                &Policy::default()
            ),
            "outcome exponent {exp}"
        );
        let mut t2 = t.clone();
        t2.figure.value = Some(q("5", exp, Unit::Percent));
        let o = outcome("gdp_growth", "增长5.2%");
        assert_eq!(
            assess(&t2, &o, &gdp, &Policy::default()).reason,
            Some(NotAssessableReason::Arithmetic),
            "target exponent {exp}"
        );
    }
    // Zero at the extreme exponent is still zero: a 0% outcome against 5%左右 is missed.
    let mut o = outcome("gdp_growth", "增长5.2%");
    o.figure.value = Some(q("0", i32::MIN, Unit::Percent));
    assert_eq!(
        assess(&t, &o, &gdp, &Policy::default()).verdict,
        Verdict::Missed
    );
    // A rescaled value needing more than 28 decimal places is not rounded to zero.
    let jobs = ind(
        "urban_new_jobs",
        Desired::HigherBetter,
        Measure::Level,
        Unit::Person,
    );
    let t = target("urban_new_jobs", "1200万人以上");
    let mut o = outcome("urban_new_jobs", "1244万人");
    o.figure.value = Some(q("0.0000000000000000000000000001", 0, Unit::Person));
    assert_eq!(
        assess(&t, &o, &jobs, &Policy::default()).reason,
        Some(NotAssessableReason::Arithmetic)
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn rank(v: Verdict) -> u8 {
        match v {
            Verdict::Missed => 0,
            Verdict::Met => 1,
            Verdict::Exceeded => 2,
            Verdict::NotAssessable => 9,
        }
    }

    fn desired() -> impl Strategy<Value = Desired> {
        prop::sample::select(vec![
            Desired::HigherBetter,
            Desired::LowerBetter,
            Desired::Band,
            Desired::Neutral,
        ])
    }

    proptest! {
        #[test]
        fn never_panics(t in "[0-9.%－\\-左右以上以内下降增长约近超过余多同步基本平衡万亿元人个百分点]{0,16}",
                        o in "[0-9.%－\\-左右以上以内下降增长约近超过余多同步基本平衡万亿元人个百分点]{0,16}",
                        d in desired()) {
            let i = ind("x", d, Measure::GrowthRate, Unit::Percent);
            if let (Ok(tf), Ok(of)) = (parse_target(&t), parse_figure(&o)) {
                let t = Target { indicator: "x".into(), period: Period::year(2023), figure: tf, provenance: None };
                let o = Outcome { indicator: "x".into(), period: Period::year(2023), figure: of,
                    status: OutcomeStatus::Preliminary, provenance: None };
                let a = assess(&t, &o, &i, &Policy::default());
                // A reason is given exactly when no verdict is reached.
                prop_assert_eq!(a.verdict == Verdict::NotAssessable, a.reason.is_some());
                let _ = assess_relative(&t, &o, &o, &i, &Policy::default());
            }
        }

        /// For a higher-better indicator, a larger outcome never gets a worse verdict.
        #[test]
        fn verdicts_are_monotone(target in 0u32..2000, a in 0u32..4000, b in 0u32..4000,
                                 suffix in prop::sample::select(vec!["左右", "以上", "以内", ""])) {
            let i = ind("x", Desired::HigherBetter, Measure::GrowthRate, Unit::Percent);
            let t = Target { indicator: "x".into(), period: Period::year(2023),
                figure: parse_target(&format!("{}.{}%{suffix}", target / 100, target % 100)).unwrap(), provenance: None };
            let (lo, hi) = (a.min(b), a.max(b));
            let verdict = |x: u32| {
                let o = Outcome { indicator: "x".into(), period: Period::year(2023),
                    figure: parse_figure(&format!("{}.{}%", x / 100, x % 100)).unwrap(),
                    status: OutcomeStatus::Preliminary, provenance: None };
                assess(&t, &o, &i, &Policy::default()).verdict
            };
            let (vl, vh) = (verdict(lo), verdict(hi));
            prop_assert_ne!(vl, Verdict::NotAssessable);
            if suffix == "以内" {
                prop_assert!(rank(vl) >= rank(vh));
            } else {
                prop_assert!(rank(vl) <= rank(vh));
            }
        }
    }
}
