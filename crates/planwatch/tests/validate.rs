//! Validation: each code has a case that triggers it and one that must not.
#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use planwatch::dataset::Dataset;
use planwatch::document::{Document, DocumentKind, Period, Provenance};
use planwatch::figure::{parse_figure, parse_target};
use planwatch::indicator::{Catalogue, Desired, Indicator, Measure};
use planwatch::quantity::Quantity;
use planwatch::target::{Outcome, OutcomeStatus, Target};
use planwatch::units::Unit;
use planwatch::validate::{
    Identity, IssueCode, LevelOrdering, Rule, Severity, ValidationReport, validate, validate_with,
};

const DOC: &str = "test-plan-report-2024";
const TEXT: &str = "2023年国内生产总值126.06万亿元，增长5.2%；城镇新增就业1244万人；研究与试验发展经费投入33278.2亿元，\
与国内生产总值之比为2.64%；社会消费品零售总额47.1万亿元，其中实物商品网上零售额13万亿元；1年期贷款市场报价利率下降0.2个百分点；\
粮食产量1.39万亿斤。2024年国内生产总值增长5%左右，城镇新增就业1200万人以上。";

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

fn catalogue() -> Catalogue {
    use Desired::*;
    use Measure::*;
    Catalogue::new(vec![
        ind("gdp", HigherBetter, Level, Unit::CNY),
        ind("gdp_growth", HigherBetter, GrowthRate, Unit::Percent),
        ind("urban_new_jobs", HigherBetter, Level, Unit::Person),
        ind("rd_spending", HigherBetter, Level, Unit::CNY),
        ind("rd_intensity", HigherBetter, Share, Unit::Percent),
        ind("retail_sales", HigherBetter, Level, Unit::CNY),
        ind("online_retail_sales", HigherBetter, Level, Unit::CNY),
        ind("lpr_1y_change", Neutral, Change, Unit::PercentagePoint),
        ind("grain_output", HigherBetter, Level, Unit::Jin),
    ])
}

fn rules() -> Vec<Rule> {
    vec![
        Rule::ShareIdentity(Identity {
            share: "rd_intensity".into(),
            part: "rd_spending".into(),
            whole: "gdp".into(),
            tolerance_pp: Default::default(),
            kind: Default::default(),
        }),
        Rule::LevelOrdering(LevelOrdering {
            lower: "online_retail_sales".into(),
            higher: "retail_sales".into(),
            kind: Default::default(),
        }),
    ]
}

fn prov(quote: &str) -> Provenance {
    Provenance::locate(DOC, TEXT, quote, 0).unwrap()
}

fn outcome(id: &str, figure: &str, quote: &str) -> Outcome {
    Outcome {
        indicator: id.into(),
        period: Period::year(2023),
        figure: parse_figure(figure).unwrap(),
        status: OutcomeStatus::Preliminary,
        provenance: Some(prov(quote)),
    }
}

fn target(id: &str, figure: &str, quote: &str) -> Target {
    Target {
        indicator: id.into(),
        period: Period::year(2024),
        figure: parse_target(figure).unwrap(),
        provenance: Some(prov(quote)),
    }
}

fn base() -> Dataset {
    Dataset {
        document: Document {
            id: DOC.into(),
            title: "test".into(),
            issuer: "test".into(),
            kind: DocumentKind::NdrcPlanReport,
            jurisdiction: "CN".into(),
            delivered: None,
            outcome_year: Some(2023),
            plan_year: Some(2024),
            source: None,
        },
        indicators: vec![],
        targets: vec![
            target("gdp_growth", "增长5%左右", "国内生产总值增长5%左右"),
            target("urban_new_jobs", "1200万人以上", "城镇新增就业1200万人以上"),
        ],
        outcomes: vec![
            outcome("gdp", "126.06万亿元", "国内生产总值126.06万亿元"),
            outcome("gdp_growth", "增长5.2%", "增长5.2%"),
            outcome("urban_new_jobs", "1244万人", "城镇新增就业1244万人"),
            outcome(
                "rd_spending",
                "33278.2亿元",
                "研究与试验发展经费投入33278.2亿元",
            ),
            outcome("rd_intensity", "2.64%", "与国内生产总值之比为2.64%"),
            outcome("retail_sales", "47.1万亿元", "社会消费品零售总额47.1万亿元"),
            outcome(
                "online_retail_sales",
                "13万亿元",
                "实物商品网上零售额13万亿元",
            ),
            outcome(
                "lpr_1y_change",
                "下降0.2个百分点",
                "1年期贷款市场报价利率下降0.2个百分点",
            ),
            outcome("grain_output", "1.39万亿斤", "粮食产量1.39万亿斤"),
        ],
        verdicts: vec![],
        text: None,
    }
    .with_text(TEXT)
}

fn run(ds: &Dataset) -> ValidationReport {
    validate_with(ds, &catalogue(), &rules())
}

/// (code, path, severity) of every issue.
fn issues(ds: &Dataset) -> Vec<(&'static str, String, Severity)> {
    run(ds)
        .issues
        .iter()
        .map(|i| (i.code.code(), i.path.clone(), i.severity))
        .collect()
}

fn q(v: &str, exp: i32, unit: Unit) -> Quantity {
    Quantity::new(v.parse().unwrap(), exp, unit)
}

use Severity::{Error, Warning};

#[test]
fn the_base_dataset_is_clean() {
    assert_eq!(issues(&base()), vec![]);
    assert!(run(&base()).into_result().is_ok());
}

#[test]
fn unknown_indicator() {
    let mut ds = base();
    ds.outcomes[2].indicator = "urban_new_jobz".into();
    assert_eq!(
        issues(&ds),
        vec![("unknown-indicator", "outcomes[2].indicator".into(), Error)]
    );
    // An indicator the dataset declares itself is known.
    ds.indicators.push(ind(
        "urban_new_jobz",
        Desired::HigherBetter,
        Measure::Level,
        Unit::Person,
    ));
    assert_eq!(issues(&ds), vec![]);
    // Rules naming unknown indicators are reported too.
    let bad = [Rule::LevelOrdering(LevelOrdering {
        lower: "x".into(),
        higher: "gdp".into(),
        kind: Default::default(),
    })];
    let r = validate_with(&base(), &catalogue(), &bad);
    assert_eq!(
        r.issues.iter().map(|i| i.path.as_str()).collect::<Vec<_>>(),
        vec!["rules[0].lower"]
    );
}

#[test]
fn unit_mismatch() {
    let mut ds = base();
    ds.outcomes[2].figure.value = Some(q("1244", 4, Unit::CNY));
    assert_eq!(
        issues(&ds),
        vec![(
            "unit-mismatch",
            "outcomes[2].figure.value.unit".into(),
            Error
        )]
    );
    // Another unit of the same dimension is fine: 6.95亿吨 of grain.
    let mut ds = base();
    ds.outcomes[8].figure.value = Some(q("6.95", 8, Unit::Ton));
    assert_eq!(issues(&ds), vec![]);
    // A range whose ends cannot be compared.
    let mut ds = base();
    ds.targets[0].figure = parse_target("5%-6个百分点").unwrap();
    ds.targets[0].provenance = None;
    assert_eq!(
        issues(&ds),
        vec![
            (
                "unit-mismatch",
                "targets[0].figure.upper.unit".into(),
                Error
            ),
            (
                "percent-vs-point",
                "targets[0].figure.upper.unit".into(),
                Error
            )
        ]
    );
}

#[test]
fn percent_vs_point() {
    let mut ds = base();
    ds.outcomes[1].figure.value = Some(q("5.2", 0, Unit::PercentagePoint));
    assert_eq!(
        issues(&ds),
        vec![(
            "percent-vs-point",
            "outcomes[1].figure.value.unit".into(),
            Error
        )]
    );
    let mut ds = base();
    ds.outcomes[7].figure.value = Some(q("0.2", 0, Unit::Percent));
    assert_eq!(
        issues(&ds),
        vec![(
            "percent-vs-point",
            "outcomes[7].figure.value.unit".into(),
            Error
        )]
    );
    // Points for a change in points are right (the base dataset has one).
    assert_eq!(run(&base()).with_code(IssueCode::PercentVsPoint).count(), 0);
}

#[test]
fn negative_count() {
    let mut ds = base();
    ds.outcomes[2].figure.value = Some(q("-1244", 4, Unit::Person));
    assert_eq!(
        issues(&ds),
        vec![("negative-count", "outcomes[2].figure.value".into(), Error)]
    );
    // A decrease is written with a positive amount and a direction.
    let mut ds = base();
    ds.outcomes[2].figure.direction = Some(planwatch::target::Direction::Decrease);
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn share_over_100() {
    let mut ds = base();
    ds.outcomes[4].figure.value = Some(q("102.64", 0, Unit::Percent));
    let got = issues(&ds);
    assert_eq!(
        got[0],
        ("share-over-100", "outcomes[4].figure.value".into(), Error)
    );
    let mut ds = base();
    ds.indicators.push(ind(
        "coverage",
        Desired::HigherBetter,
        Measure::Share,
        Unit::Percent,
    ));
    ds.outcomes.push(Outcome {
        indicator: "coverage".into(),
        provenance: None,
        ..base().outcomes[4].clone()
    });
    ds.outcomes[9].figure.value = Some(q("100", 0, Unit::Percent));
    assert_eq!(issues(&ds), vec![]);
    // 1050‰ is 105%.
    ds.outcomes[9].figure.value = Some(q("1050", 0, Unit::PerMille));
    assert_eq!(
        issues(&ds),
        vec![("share-over-100", "outcomes[9].figure.value".into(), Error)]
    );
    // 1e30% does not fit a decimal in percent, and is still over 100%.
    ds.outcomes[9].figure.value = Some(q("1", 30, Unit::Percent));
    assert_eq!(
        issues(&ds),
        vec![("share-over-100", "outcomes[9].figure.value".into(), Error)]
    );
    // 1e-2147483648 % is a tiny share, not an error.
    ds.outcomes[9].figure.value = Some(q("1", i32::MIN, Unit::Percent));
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn impossible_value() {
    let mut ds = base();
    ds.outcomes[8].figure.value = Some(q("-1.39", 12, Unit::Jin));
    assert_eq!(
        issues(&ds),
        vec![("impossible-value", "outcomes[8].figure.value".into(), Error)]
    );
    let mut ds = base();
    ds.outcomes[1].figure = parse_figure("下降120%").unwrap();
    ds.outcomes[1].provenance = None;
    assert_eq!(
        issues(&ds),
        vec![("impossible-value", "outcomes[1].figure.value".into(), Error)]
    );
    // A fall of 1万% (exponent 4) or 1200‰ is more than 100% too.
    for value in [q("1", 4, Unit::Percent), q("1200", 0, Unit::PerMille)] {
        let mut ds = base();
        ds.outcomes[1].figure = parse_figure("下降120%").unwrap();
        ds.outcomes[1].figure.value = Some(value);
        ds.outcomes[1].provenance = None;
        assert_eq!(
            issues(&ds),
            vec![("impossible-value", "outcomes[1].figure.value".into(), Error)]
        );
    }
    // A fall of exactly 100% is possible.
    let mut ds = base();
    ds.outcomes[1].figure = parse_figure("下降100%").unwrap();
    ds.outcomes[1].provenance = None;
    assert_eq!(issues(&ds), vec![]);
    // A fall in GDP is possible.
    let mut ds = base();
    ds.outcomes[1].figure = parse_figure("-6.8%").unwrap();
    ds.outcomes[1].provenance = None;
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn duplicate_record() {
    let mut ds = base();
    ds.outcomes.push(ds.outcomes[1].clone());
    assert_eq!(
        issues(&ds),
        vec![("duplicate-record", "outcomes[9]".into(), Error)]
    );
    // Stated twice in the document: a warning.
    let mut ds = base();
    let mut again = ds.targets[0].clone();
    again.figure = parse_target("5%左右").unwrap();
    again.provenance = Some(prov("增长5%左右"));
    ds.targets.push(again);
    assert_eq!(
        issues(&ds),
        vec![("duplicate-record", "targets[2]".into(), Warning)]
    );
    // Same value, another year: not a duplicate.
    let mut ds = base();
    let mut other = ds.outcomes[1].clone();
    other.period = Period::year(2024);
    ds.outcomes.push(other);
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn contradictory_records() {
    let mut ds = base();
    let mut other = ds.outcomes[1].clone();
    other.figure = parse_figure("增长5.5%").unwrap();
    other.provenance = None;
    ds.outcomes.push(other);
    assert_eq!(
        issues(&ds),
        vec![("contradictory-records", "outcomes[9]".into(), Error)]
    );
    // Two targets for one indicator and year that differ.
    let mut ds = base();
    let mut t = ds.targets[0].clone();
    t.figure = parse_target("6%左右").unwrap();
    t.provenance = None;
    ds.targets.push(t);
    assert_eq!(
        issues(&ds),
        vec![("contradictory-records", "targets[2]".into(), Error)]
    );
    // Compatible: a bound that admits the value, the same value at coarser precision, a revision.
    for (figure, status) in [
        ("超过5%", OutcomeStatus::Preliminary),
        ("增长5%", OutcomeStatus::Preliminary),
        ("增长5.4%", OutcomeStatus::Revised),
    ] {
        let mut ds = base();
        let mut other = ds.outcomes[1].clone();
        other.figure = parse_figure(figure).unwrap();
        other.status = status;
        other.provenance = None;
        ds.outcomes.push(other);
        assert_eq!(issues(&ds), vec![], "{figure}");
    }
}

#[test]
fn year_outside_document() {
    let mut ds = base();
    ds.outcomes[0].period = Period::year(2019);
    assert_eq!(
        issues(&ds),
        vec![(
            "year-outside-document",
            "outcomes[0].period".into(),
            Warning
        )]
    );
    let mut ds = base();
    ds.outcomes[0].period = Period::plan(2021, 2025);
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn provenance_mismatch() {
    let mut ds = base();
    let p = ds.outcomes[2].provenance.as_mut().unwrap();
    p.start += 3;
    p.end += 3;
    assert_eq!(
        issues(&ds),
        vec![(
            "provenance-mismatch",
            "outcomes[2].provenance.quote".into(),
            Error
        )]
    );
    // A span off character boundaries is a mismatch, not a panic.
    let mut ds = base();
    let p = ds.outcomes[2].provenance.as_mut().unwrap();
    p.start += 1;
    p.end = usize::MAX;
    assert_eq!(
        issues(&ds),
        vec![(
            "provenance-mismatch",
            "outcomes[2].provenance.quote".into(),
            Error
        )]
    );
}

#[test]
fn figure_not_in_quote() {
    let mut ds = base();
    ds.outcomes[1].figure.text = "增长5.3%".into();
    assert_eq!(
        issues(&ds),
        vec![(
            "figure-not-in-quote",
            "outcomes[1].figure.text".into(),
            Error
        )]
    );
    // Without a phrase, the published mantissa must be in the quote.
    let mut ds = base();
    ds.outcomes[1].figure.text = String::new();
    assert_eq!(issues(&ds), vec![]);
    ds.outcomes[1].figure.value = Some(q("5.3", 0, Unit::Percent));
    assert_eq!(
        issues(&ds),
        vec![(
            "figure-not-in-quote",
            "outcomes[1].figure.text".into(),
            Error
        )]
    );
}

#[test]
fn provenance_document_mismatch() {
    let mut ds = base();
    ds.targets[1].provenance.as_mut().unwrap().document = "another-report".into();
    assert_eq!(
        issues(&ds),
        vec![(
            "provenance-document-mismatch",
            "targets[1].provenance.document".into(),
            Error
        )]
    );
}

#[test]
fn inverted_range() {
    let mut ds = base();
    ds.targets[0].figure = parse_target("增长6.5%-6%").unwrap();
    ds.targets[0].provenance = None;
    assert_eq!(
        issues(&ds),
        vec![("inverted-range", "targets[0].figure".into(), Error)]
    );
    ds.targets[0].figure = parse_target("增长6%-6.5%").unwrap();
    assert_eq!(issues(&ds), vec![]);
    // A period that ends before it starts (as user JSON may hold) is an inverted range too.
    let mut ds = base();
    ds.targets[0].period = Period::plan(2025, 2021);
    assert_eq!(
        issues(&ds),
        vec![("inverted-range", "targets[0].period.end_year".into(), Error)]
    );
    ds.targets[0].period = Period::plan(2021, 2025);
    assert_eq!(issues(&ds), vec![]);
    ds.targets[0].period = Period::plan(2024, 2024);
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn missing_quantity() {
    let mut ds = base();
    ds.targets[0].figure.value = None;
    assert_eq!(
        issues(&ds),
        vec![("missing-quantity", "targets[0].figure.value".into(), Error)]
    );
    let mut ds = base();
    ds.targets[0].figure = parse_target("6%-6.5%").unwrap();
    ds.targets[0].figure.upper = None;
    ds.targets[0].provenance = None;
    assert_eq!(
        issues(&ds),
        vec![("missing-quantity", "targets[0].figure.upper".into(), Error)]
    );
    // Qualitative and relational targets carry no quantity.
    let mut ds = base();
    ds.targets[0].figure = parse_target("与经济增长同步").unwrap();
    ds.targets[0].provenance = None;
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn share_identity() {
    let mut ds = base();
    ds.outcomes[4].figure.value = Some(q("2.74", 0, Unit::Percent));
    ds.outcomes[4].figure.text = "2.74%".into();
    ds.outcomes[4].provenance = None;
    let r = run(&ds);
    assert_eq!(
        r.issues
            .iter()
            .map(|i| (i.code.code(), i.path.as_str(), i.severity))
            .collect::<Vec<_>>(),
        vec![("share-identity", "outcomes[4].figure.value", Error)]
    );
    assert_eq!(
        r.issues[0].message,
        "rd_intensity is 2.74% but rd_spending / gdp = 33278.2亿元 / 126.06万亿元 = 2.6399%"
    );
    // Published at coarser precision, 2.6% still agrees (2.55–2.65 holds 2.6399).
    ds.outcomes[4].figure.value = Some(q("2.6", 0, Unit::Percent));
    assert_eq!(issues(&ds), vec![]);
    // Within an explicit tolerance.
    ds.outcomes[4].figure.value = Some(q("2.7", 0, Unit::Percent));
    let loose = [Rule::ShareIdentity(Identity {
        share: "rd_intensity".into(),
        part: "rd_spending".into(),
        whole: "gdp".into(),
        tolerance_pp: "0.1".parse().unwrap(),
        kind: Default::default(),
    })];
    assert!(validate_with(&ds, &catalogue(), &loose).issues.is_empty());
}

#[test]
fn level_ordering() {
    let mut ds = base();
    ds.outcomes[6].figure.value = Some(q("50", 12, Unit::CNY));
    ds.outcomes[6].provenance = None;
    assert_eq!(
        issues(&ds),
        vec![("level-ordering", "outcomes[6].figure.value".into(), Error)]
    );
    // Equal within rounding is not a violation.
    ds.outcomes[6].figure.value = Some(q("47.1", 12, Unit::CNY));
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn missing_text() {
    let mut ds = base();
    ds.text = None;
    assert_eq!(issues(&ds), vec![("missing-text", "text".into(), Warning)]);
    // Without provenance there is nothing to check.
    for o in &mut ds.outcomes {
        o.provenance = None;
    }
    for t in &mut ds.targets {
        t.provenance = None;
    }
    assert_eq!(issues(&ds), vec![]);
}

#[test]
fn every_problem_is_reported_and_raising_is_opt_in() {
    let mut ds = base();
    ds.outcomes[0].indicator = "nope".into();
    ds.outcomes[2].figure.value = Some(q("-1244", 4, Unit::Person));
    ds.outcomes[3].period = Period::year(2000);
    let r = validate(&ds, &catalogue());
    assert_eq!(
        r.issues.iter().map(|i| i.code).collect::<Vec<_>>(),
        vec![
            IssueCode::UnknownIndicator,
            IssueCode::NegativeCount,
            IssueCode::YearOutsideDocument
        ]
    );
    assert_eq!((r.errors().count(), r.warnings().count()), (2, 1));
    let summary = r.to_string();
    assert_eq!(summary.lines().next(), Some("2 errors, 1 warning"));
    assert_eq!(
        summary.lines().nth(1),
        Some("error[unknown-indicator] outcomes[0].indicator: no indicator with id \"nope\"")
    );
    let err = r.clone().into_result().unwrap_err();
    assert_eq!(err.report, r);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["issues"][1]["code"], "negative-count");
    assert_eq!(json["issues"][2]["severity"], "warning");
}

#[test]
fn codes_are_stable() {
    let codes: Vec<&str> = IssueCode::ALL.iter().map(|c| c.code()).collect();
    assert_eq!(
        codes,
        vec![
            "unknown-indicator",
            "unit-mismatch",
            "percent-vs-point",
            "negative-count",
            "share-over-100",
            "impossible-value",
            "duplicate-record",
            "contradictory-records",
            "year-outside-document",
            "provenance-mismatch",
            "figure-not-in-quote",
            "provenance-document-mismatch",
            "inverted-range",
            "missing-quantity",
            "share-identity",
            "level-ordering",
            "missing-text",
            "invalid-jurisdiction",
        ]
    );
    for &c in IssueCode::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), c.code());
        assert_eq!(IssueCode::from_code(c.code()), Some(c));
    }
}

proptest::proptest! {
    /// Any span, value, scale and unit: validation reports, never panics.
    #[test]
    fn never_panics(start in 0usize..2000, len in 0usize..64, mantissa in proptest::num::i64::ANY,
                    scale in 0u32..29, exp in -30i32..30, unit in proptest::sample::select(vec![
                        Unit::Percent, Unit::PercentagePoint, Unit::PerMille, Unit::Person, Unit::CNY, Unit::Jin, Unit::Number])) {
        let mut ds = base();
        let p = ds.outcomes[4].provenance.as_mut().unwrap();
        p.start = start;
        p.end = start.saturating_add(len);
        let value = Quantity::new(rust_decimal::Decimal::new(mantissa, scale), exp, unit);
        ds.outcomes[4].figure.value = Some(value.clone());
        ds.outcomes[3].figure.value = Some(value.clone());
        ds.outcomes[6].figure.value = Some(value);
        let _ = run(&ds);
    }
}

#[test]
fn jurisdictions_are_checked() {
    let issues = |kind: &str, jurisdiction: &str| -> Vec<(String, String, String)> {
        let json = format!(
            r#"{{"document": {{"id": "d", "title": "t", "issuer": "i", "kind": "{kind}", "jurisdiction": "{jurisdiction}"}}}}"#
        );
        let ds = Dataset::from_json(&json, None).unwrap();
        validate(&ds, &Catalogue::default())
            .issues
            .into_iter()
            .map(|i| (i.code.code().to_string(), i.path, i.message))
            .collect()
    };
    assert_eq!(issues("provincial_report", "440000"), []);
    assert_eq!(issues("government_work_report", "CN"), []);
    assert_eq!(issues("other", "440100"), []); // a city: a code below the provinces
    let bad = |m: &str| {
        vec![(
            "invalid-jurisdiction".to_string(),
            "document.jurisdiction".to_string(),
            m.to_string(),
        )]
    };
    assert_eq!(
        issues("provincial_report", "CN"),
        bad("a provincial report names the nation (CN) as its jurisdiction")
    );
    assert_eq!(
        issues("provincial_report", "Guangdong"),
        bad("jurisdiction \"Guangdong\" is neither CN nor a six-digit GB/T 2260 code")
    );
    assert_eq!(
        issues("provincial_report", "990000"),
        bad("990000 is not the code of a provincial-level division")
    );
}
