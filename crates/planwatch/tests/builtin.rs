//! The built-in 2024 report: the text, the catalogue and every record proven against the text.

use std::collections::BTreeMap;

use planwatch::assess::{Policy, Verdict, assess, assess_relative};
use planwatch::builtin;
use planwatch::dataset::{Dataset, StatedVerdict};
use planwatch::document::{Basis, Period, Provenance};
use planwatch::figure::parse_figure;
use planwatch::indicator::{Desired, Measure};
use planwatch::quantity::Quantity;
use planwatch::target::{
    Comparator, Direction, Figure, Outcome, OutcomeStatus, Reference, Relation, Target,
};
use planwatch::units::Unit;
use planwatch::validate::{IssueCode, Severity, validate_with};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use planwatch::table as export;

const DOC: &str = "cn-ndrc-plan-report-2024";

fn ds() -> &'static Dataset {
    builtin::try_dataset().expect("the embedded dataset parses")
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("decimal literal")
}

fn q(value: &str, exponent: i32, unit: Unit, unit_text: &str) -> Quantity {
    Quantity::new(dec(value), exponent, unit).with_unit_text(unit_text.to_string())
}

fn prov(start: usize, end: usize, quote: &str) -> Option<Provenance> {
    Some(Provenance {
        document: DOC.into(),
        start,
        end,
        quote: quote.into(),
    })
}

fn figure(
    comparator: Comparator,
    value: Option<Quantity>,
    direction: Option<Direction>,
    text: &str,
) -> Figure {
    Figure {
        comparator,
        value,
        lower: None,
        upper: None,
        direction,
        reference: None,
        text: text.into(),
    }
}

/// Every target and outcome as (path, indicator, period, figure, provenance).
fn records(ds: &Dataset) -> Vec<(String, &str, Period, &Figure, &Provenance)> {
    let t = ds.targets.iter().enumerate().map(|(i, t)| {
        (
            format!("targets[{i}]"),
            t.indicator.as_str(),
            t.period,
            &t.figure,
            t.provenance.as_ref().expect("provenance"),
        )
    });
    let o = ds.outcomes.iter().enumerate().map(|(i, o)| {
        (
            format!("outcomes[{i}]"),
            o.indicator.as_str(),
            o.period,
            &o.figure,
            o.provenance.as_ref().expect("provenance"),
        )
    });
    t.chain(o).collect()
}

// ---------------------------------------------------------------------------------------------
// The text

#[test]
fn embedded_text_has_the_published_sha256() {
    let digest = Sha256::digest(builtin::TEXT.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "d82d0a588579e5526d6458650252f7558dc3c5bf9d17fbb97f52ad19b10a34ca"
    );
    assert_eq!(hex, builtin::SHA256);
    assert_eq!(builtin::TEXT.len(), 103_822);
    assert_eq!(builtin::TEXT.chars().count(), 35_301);
}

#[test]
fn embedded_data_parses_and_carries_the_text() {
    let cat = builtin::try_catalogue().expect("catalogue parses");
    assert_eq!(cat.len(), 279);
    assert_eq!(builtin::catalogue().len(), 279);
    let ds = ds();
    assert_eq!(ds.text.as_deref(), Some(builtin::TEXT));
    assert_eq!(ds.document, builtin::document());
    assert_eq!(
        ds.document.source.as_deref(),
        Some("ndrc-plan-report-2024.txt")
    );
    assert!(ds.indicators.is_empty());
}

#[test]
fn json_files_round_trip_byte_for_byte() {
    // The dataset file is exactly what the model writes back: nothing is lost or reformatted.
    assert_eq!(ds().to_json(), builtin::DATASET_JSON.trim_end());
    let cat: Vec<_> = builtin::catalogue().iter().cloned().collect();
    let json = serde_json::to_string_pretty(&cat).expect("serialize catalogue");
    assert_eq!(json, builtin::CATALOGUE_JSON.trim_end());
}

// ---------------------------------------------------------------------------------------------
// Counts

#[test]
fn record_counts_by_kind_period_and_comparator() {
    let ds = ds();
    assert_eq!(
        (ds.targets.len(), ds.outcomes.len(), ds.verdicts.len()),
        (39, 130, 6)
    );

    let by_period = |ps: Vec<Period>| {
        let mut m: BTreeMap<(i32, &'static str), usize> = BTreeMap::new();
        for p in ps {
            *m.entry((p.year, p.basis.code())).or_default() += 1;
        }
        m.into_iter().collect::<Vec<_>>()
    };
    assert_eq!(
        by_period(ds.targets.iter().map(|t| t.period).collect()),
        vec![
            ((2023, "year"), 5),
            ((2024, "year"), 32),
            ((2024, "year_end"), 2)
        ]
    );
    assert_eq!(
        by_period(ds.outcomes.iter().map(|o| o.period).collect()),
        vec![
            ((2020, "year_end"), 1),
            ((2023, "average"), 2),
            ((2023, "year"), 105),
            ((2023, "year_end"), 22)
        ]
    );

    let by_comparator = |fs: Vec<&Figure>| {
        let mut m: BTreeMap<&'static str, usize> = BTreeMap::new();
        for f in fs {
            *m.entry(f.comparator.code()).or_default() += 1;
        }
        m.into_iter().collect::<Vec<_>>()
    };
    assert_eq!(
        by_comparator(ds.targets.iter().map(|t| &t.figure).collect()),
        vec![
            ("around", 7),
            ("at_least", 4),
            ("direction_only", 11),
            ("exact", 9),
            ("in_step_with", 4),
            ("qualitative", 4)
        ]
    );
    assert_eq!(
        by_comparator(ds.outcomes.iter().map(|o| &o.figure).collect()),
        vec![
            ("around", 1),
            ("at_least", 3),
            ("direction_only", 9),
            ("exact", 100),
            ("less_than", 2),
            ("more_than", 12),
            ("qualitative", 3)
        ]
    );
    assert!(
        ds.outcomes
            .iter()
            .all(|o| o.status == OutcomeStatus::Preliminary)
    );

    let mut verdicts: Vec<(&str, &str)> = ds
        .verdicts
        .iter()
        .map(|v| (v.indicator.as_str(), v.verdict.code()))
        .collect();
    verdicts.sort_unstable();
    assert_eq!(
        verdicts,
        vec![
            ("affordable_housing_construction", "exceeded"),
            ("carbon_intensity_change", "missed"),
            ("disposable_income_growth", "met"),
            ("energy_intensity_change", "missed"),
            ("industrial_value_added_growth", "missed"),
            ("urban_new_jobs", "exceeded"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Provenance: every record proven against the text

/// Quotes that must cross a sentence break to reach the words restating a 2023 target.
const CROSS_SENTENCE: [(&str, &str, i32); 2] = [
    ("targets", "cpi_change", 2023),
    ("targets", "disposable_income_growth", 2023),
];

#[test]
fn every_span_is_its_quote_and_every_quote_holds_its_figure() {
    let ds = ds();
    let text = builtin::TEXT;
    let mut checked = 0;
    for (path, ind, period, fig, p) in records(ds) {
        assert_eq!(p.document, DOC, "{path}");
        assert_eq!(text.get(p.start..p.end), Some(p.quote.as_str()), "{path}");
        assert!(p.check(text), "{path}");
        assert!(
            p.quote.contains(fig.text.as_str()),
            "{path}: {:?} not in {:?}",
            fig.text,
            p.quote
        );
        let (cs, ce) = p.char_span(text).expect("span on char boundaries");
        let by_chars: String = text.chars().skip(cs).take(ce - cs).collect();
        assert_eq!(by_chars, p.quote, "{path}");
        let crosses = p.quote.contains('。');
        let list = path.split('[').next().unwrap_or_default();
        assert_eq!(
            crosses,
            CROSS_SENTENCE.contains(&(list, ind, period.year)),
            "{path}: {:?}",
            p.quote
        );
        checked += 1;
    }
    for (i, v) in ds.verdicts.iter().enumerate() {
        let p = v.provenance.as_ref().expect("verdict provenance");
        assert_eq!(
            text.get(p.start..p.end),
            Some(p.quote.as_str()),
            "verdicts[{i}]"
        );
        checked += 1;
    }
    assert_eq!(checked, 175);
}

/// Direction words that a distributive clause (`分别增长…和…`) or the word before a figure
/// (`平均上调3.8%`) shares with a figure written without its own.
const DIRECTION_WORDS: [(&str, Direction); 6] = [
    ("增长", Direction::Increase),
    ("上调", Direction::Increase),
    ("提高", Direction::Increase),
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
    ("减少", Direction::Decrease),
];

fn direction_from_clause(quote: &str, text: &str) -> Option<Direction> {
    let before = &quote[..quote.find(text)?];
    DIRECTION_WORDS.iter().find_map(|(w, d)| {
        (before.ends_with(w) || quote.contains(&format!("分别{w}"))).then_some(*d)
    })
}

/// Records whose comparator or reference is carried by words outside the figure, and why.
fn context_comparator(ind: &str, year: i32) -> Option<Comparator> {
    match (ind, year) {
        // 守住18亿亩耕地红线: a red line is a floor.
        ("arable_land", 2024) => Some(Comparator::AtLeast),
        // 首次超过总装机的50%: 超过 governs the share across 总装机的.
        ("renewable_capacity_share", 2023) => Some(Comparator::MoreThan),
        _ => None,
    }
}

#[test]
fn every_figure_parses_to_its_record() {
    let ds = ds();
    let mut from_context = Vec::new();
    for (path, ind, period, fig, p) in records(ds) {
        let distributive = p.quote.contains("分别");
        let mut parsed =
            parse_figure(&fig.text).unwrap_or_else(|e| panic!("{path}: {:?}: {e}", fig.text));
        // A unit shared by a distributive clause (`0.2个和0.1个百分点`): complete it.
        if let (Some(v), Some(pv)) = (&fig.value, &parsed.value)
            && distributive
            && pv.unit() != v.unit()
        {
            let unit_text = v.unit_text();
            let cut = (1..unit_text.len())
                .filter(|&k| unit_text.is_char_boundary(k))
                .find(|&k| fig.text.ends_with(&unit_text[..k]))
                .expect("figure ends with the start of the shared unit");
            let completed = format!("{}{}", fig.text, &unit_text[cut..]);
            parsed = parse_figure(&completed).expect("completed figure parses");
            from_context.push(format!("{path} unit {unit_text}"));
        }
        // A count of people written without a classifier (`250余万农村低收入群众`).
        if ind == "work_relief_employment" {
            let pv = parsed.value.as_ref().expect("value");
            assert_eq!(pv.unit(), &Unit::Number);
            parsed.value = Some(Quantity::new(pv.value(), pv.exponent(), Unit::Person));
            from_context.push(format!("{path} unit 人"));
        }
        assert_eq!(parsed.value, fig.value, "{path}: {:?}", fig.text);
        assert_eq!(
            (&parsed.lower, &parsed.upper),
            (&fig.lower, &fig.upper),
            "{path}"
        );
        match context_comparator(ind, period.year) {
            Some(c) => {
                assert_eq!(
                    (parsed.comparator, fig.comparator),
                    (Comparator::Exact, c),
                    "{path}"
                );
                from_context.push(format!("{path} comparator {}", c.code()));
            }
            None => assert_eq!(parsed.comparator, fig.comparator, "{path}: {:?}", fig.text),
        }
        if parsed.direction.is_none() && fig.direction.is_some() {
            assert_eq!(
                direction_from_clause(&p.quote, &fig.text),
                fig.direction,
                "{path}"
            );
            from_context.push(format!("{path} direction"));
        } else {
            assert_eq!(parsed.direction, fig.direction, "{path}: {:?}", fig.text);
        }
        match (&parsed.reference, &fig.reference) {
            (Some(a), Some(b)) => {
                assert_eq!((&a.text, a.relation), (&b.text, b.relation), "{path}")
            }
            (None, Some(b)) => {
                // `基本同步` relates to 经济增长 named in the clause before.
                assert!(p.quote.contains(&b.text), "{path}");
                from_context.push(format!("{path} reference {}", b.text));
            }
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{path}"),
        }
    }
    assert_eq!(from_context.len(), 10, "{from_context:#?}");
}

#[test]
fn every_record_names_a_catalogue_indicator_of_its_unit() {
    let cat = builtin::catalogue();
    let ds = ds();
    for (path, ind, _, fig, _) in records(ds) {
        let indicator = cat
            .get(ind)
            .unwrap_or_else(|| panic!("{path}: unknown indicator {ind}"));
        for q in fig.quantities() {
            assert!(
                q.unit().same_dimension(&indicator.unit),
                "{path}: {} vs {}",
                q.unit().code(),
                indicator.unit.code()
            );
        }
        if let Some(r) = fig.reference.as_ref().and_then(|r| r.indicator.as_deref()) {
            assert!(cat.get(r).is_some(), "{path}: reference {r}");
        }
    }
    for v in &ds.verdicts {
        assert!(cat.get(&v.indicator).is_some(), "{}", v.indicator);
    }
}

// ---------------------------------------------------------------------------------------------
// Specific records, compared as whole values

fn outcome(ind: &str) -> &'static Outcome {
    ds().outcomes
        .iter()
        .find(|o| o.indicator == ind)
        .unwrap_or_else(|| panic!("no outcome {ind}"))
}

fn target(ind: &str, year: i32) -> &'static Target {
    ds().targets
        .iter()
        .find(|t| t.indicator == ind && t.period.year == year)
        .unwrap_or_else(|| panic!("no target {ind} {year}"))
}

#[test]
fn headline_outcomes_are_exact() {
    let preliminary = |indicator: &str, period: Period, figure: Figure, provenance| Outcome {
        indicator: indicator.into(),
        period,
        figure,
        status: OutcomeStatus::Preliminary,
        provenance,
    };
    assert_eq!(
        outcome("gdp"),
        &preliminary(
            "gdp",
            Period::year(2023),
            figure(
                Comparator::Exact,
                Some(q("126.06", 12, Unit::CNY, "元")),
                None,
                "126.06万亿元"
            ),
            prov(1892, 1934, "国内生产总值（GDP）126.06万亿元"),
        )
    );
    assert_eq!(
        outcome("gdp_growth"),
        &preliminary(
            "gdp_growth",
            Period::year(2023),
            figure(
                Comparator::Exact,
                Some(q("5.2", 0, Unit::Percent, "%")),
                Some(Direction::Increase),
                "增长5.2%"
            ),
            prov(1892, 1947, "国内生产总值（GDP）126.06万亿元，增长5.2%"),
        )
    );
    let fx = outcome("fx_reserves");
    assert_eq!(
        fx,
        &preliminary(
            "fx_reserves",
            Period::year(2023).with_basis(Basis::YearEnd),
            figure(
                Comparator::Exact,
                Some(q("32379.77", 8, Unit::USD, "美元")),
                None,
                "32379.77亿美元"
            ),
            prov(2106, 2144, "外汇储备规模为32379.77亿美元"),
        )
    );
    assert_eq!(
        fx.figure.value.as_ref().map(|v| v.value().to_string()),
        Some("32379.77".to_string())
    );
    let lpr = "1年期和5年期贷款市场报价利率（LPR）分别下降0.2个和0.1个百分点";
    assert_eq!(
        outcome("lpr_1y_change_pp"),
        &preliminary(
            "lpr_1y_change_pp",
            Period::year(2023),
            figure(
                Comparator::Exact,
                Some(q("0.2", 0, Unit::PercentagePoint, "个百分点")),
                Some(Direction::Decrease),
                "下降0.2个"
            ),
            prov(3289, 3375, lpr),
        )
    );
    assert_eq!(
        outcome("lpr_5y_change_pp"),
        &preliminary(
            "lpr_5y_change_pp",
            Period::year(2023),
            figure(
                Comparator::Exact,
                Some(q("0.1", 0, Unit::PercentagePoint, "个百分点")),
                Some(Direction::Decrease),
                "0.1个百分点"
            ),
            prov(3289, 3375, lpr),
        )
    );
    let insured = "全国基本养老、失业、工伤保险参保人数分别达到10.66亿人、2.44亿人、3.02亿人";
    for (ind, v) in [
        ("pension_insured", "10.66"),
        ("unemployment_insured", "2.44"),
        ("work_injury_insured", "3.02"),
    ] {
        assert_eq!(
            outcome(ind),
            &preliminary(
                ind,
                Period::year(2023).with_basis(Basis::YearEnd),
                figure(
                    Comparator::Exact,
                    Some(q(v, 8, Unit::Person, "人")),
                    None,
                    &format!("{v}亿人")
                ),
                prov(38043, 38146, insured),
            )
        );
    }
    assert_eq!(
        outcome("work_relief_employment").figure,
        figure(
            Comparator::MoreThan,
            Some(q("250", 4, Unit::Person, "人")),
            None,
            "250余万"
        )
    );
    assert_eq!(
        outcome("fixed_asset_investment").figure.value,
        Some(q("50.30", 12, Unit::CNY, "元"))
    );
    assert_eq!(
        outcome("service_retail_sales_growth").figure.value,
        Some(q("20.0", 0, Unit::Percent, "%"))
    );
    assert_eq!(
        outcome("pm25_concentration").figure.value,
        Some(q("30", 0, Unit::MicrogramPerCubicMetre, "微克/立方米"))
    );
    assert_eq!(
        outcome("grain_output").figure.value,
        Some(q("1.39", 12, Unit::Jin, "斤"))
    );
    assert_eq!(
        outcome("charging_infrastructure").figure.value,
        Some(q("859.6", 4, Unit::Set, "台"))
    );
    assert_eq!(
        outcome("railway_length").figure.value,
        Some(q("15.9", 4, Unit::Kilometre, "公里"))
    );
    assert_eq!(
        outcome("corporate_loan_rate_change_pp").figure,
        figure(
            Comparator::Exact,
            Some(q("0.29", 0, Unit::PercentagePoint, "个百分点")),
            Some(Direction::Decrease),
            "下降0.29个百分点"
        )
    );
    assert_eq!(
        outcome("renewable_generation").figure,
        figure(
            Comparator::LessThan,
            Some(q("3", 12, Unit::KilowattHour, "千瓦时")),
            None,
            "近3万亿千瓦时"
        )
    );
}

#[test]
fn headline_targets_are_exact() {
    let plain = |indicator: &str, year: i32, figure: Figure, provenance| Target {
        indicator: indicator.into(),
        period: Period::year(year),
        figure,
        provenance,
    };
    assert_eq!(
        target("gdp_growth", 2024),
        &plain(
            "gdp_growth",
            2024,
            figure(
                Comparator::Around,
                Some(q("5", 0, Unit::Percent, "%")),
                Some(Direction::Increase),
                "增长5%左右"
            ),
            prov(47252, 47284, "国内生产总值增长5%左右"),
        )
    );
    assert_eq!(
        target("urban_new_jobs", 2024),
        &plain(
            "urban_new_jobs",
            2024,
            figure(
                Comparator::AtLeast,
                Some(q("1200", 4, Unit::Person, "人")),
                None,
                "1200万人以上"
            ),
            prov(48165, 48199, "城镇新增就业1200万人以上"),
        )
    );
    assert_eq!(
        target("urban_new_jobs", 2023),
        &plain(
            "urban_new_jobs",
            2023,
            figure(
                Comparator::Around,
                Some(q("1200", 4, Unit::Person, "人")),
                None,
                "1200万人左右"
            ),
            prov(48405, 48461, "城镇新增就业目标由2023年的“1200万人左右"),
        )
    );
    // 将预期目标稳定在5.5%左右: the target is kept at its 2023 level.
    assert_eq!(
        target("urban_surveyed_unemployment", 2023),
        &plain(
            "urban_surveyed_unemployment",
            2023,
            figure(
                Comparator::Around,
                Some(q("5.5", 0, Unit::Percent, "%")),
                None,
                "5.5%左右"
            ),
            prov(
                48613,
                48783,
                "关于城镇调查失业率：主要考虑是，在2024年经济运行风险挑战增多、重点人群就业压力较大的情况下，将预期目标稳定在5.5%左右"
            ),
        )
    );
    let in_step = |text: &str| Figure {
        comparator: Comparator::InStepWith,
        value: None,
        lower: None,
        upper: None,
        direction: None,
        reference: Some(Reference {
            text: "经济增长".into(),
            indicator: Some("gdp_growth".into()),
            relation: Relation::Same,
        }),
        text: text.into(),
    };
    assert_eq!(
        target("disposable_income_growth", 2024),
        &plain(
            "disposable_income_growth",
            2024,
            in_step("与经济增长同步"),
            prov(49196, 49250, "居民人均可支配收入增长与经济增长同步"),
        )
    );
    assert_eq!(
        target("disposable_income_growth", 2023),
        &plain(
            "disposable_income_growth",
            2023,
            in_step("基本同步"),
            prov(
                49196,
                49311,
                "居民人均可支配收入增长与经济增长同步。主要考虑：这一预期目标比2023年“基本同步"
            ),
        )
    );
    assert_eq!(
        target("energy_intensity_change", 2024),
        &plain(
            "energy_intensity_change",
            2024,
            figure(
                Comparator::Around,
                Some(q("2.5", 0, Unit::Percent, "%")),
                Some(Direction::Decrease),
                "下降2.5%左右"
            ),
            prov(50514, 50560, "单位国内生产总值能耗下降2.5%左右"),
        )
    );
    assert_eq!(
        target("fiscal_deficit", 2024),
        &plain(
            "fiscal_deficit",
            2024,
            figure(
                Comparator::Exact,
                Some(q("4.06", 12, Unit::CNY, "元")),
                None,
                "4.06万亿元"
            ),
            prov(52031, 52056, "赤字规模4.06万亿元"),
        )
    );
    assert_eq!(
        target("arable_land", 2024),
        &plain(
            "arable_land",
            2024,
            figure(
                Comparator::AtLeast,
                Some(q("18", 8, Unit::Mu, "亩")),
                None,
                "18亿亩"
            ),
            prov(91487, 91513, "守住18亿亩耕地红线"),
        )
    );
    let cpi_2023 = target("cpi_change", 2023);
    assert_eq!(
        cpi_2023.figure,
        figure(
            Comparator::Around,
            Some(q("3", 0, Unit::Percent, "%")),
            None,
            "3%左右"
        )
    );
    assert!(
        cpi_2023
            .provenance
            .as_ref()
            .expect("provenance")
            .quote
            .ends_with("这一预期目标与2023年预期目标保持一致")
    );
    for (ind, c) in [
        ("balance_of_payments", Comparator::Qualitative),
        ("eco_environment_quality", Comparator::DirectionOnly),
    ] {
        assert_eq!(target(ind, 2024).figure.comparator, c, "{ind}");
    }
    for (ind, v, e) in [
        ("fiscal_deficit_ratio", "3", 0),
        ("local_special_bonds", "3.9", 12),
        ("ultra_long_special_bonds", "1", 12),
        ("central_budget_investment", "7000", 8),
    ] {
        let unit = if e == 0 {
            (Unit::Percent, "%")
        } else {
            (Unit::CNY, "元")
        };
        assert_eq!(
            target(ind, 2024).figure.value,
            Some(q(v, e, unit.0, unit.1)),
            "{ind}"
        );
    }
    // Verb-first task statements, one record per subject of a distributive clause.
    let raise = || {
        figure(
            Comparator::DirectionOnly,
            None,
            Some(Direction::Increase),
            "提高",
        )
    };
    for ind in [
        "private_enterprise_loan_share",
        "private_enterprise_bond_financing",
    ] {
        assert_eq!(
            target(ind, 2024),
            &plain(
                ind,
                2024,
                raise(),
                prov(66084, 66135, "提高民营企业贷款占比和发债融资规模"),
            ),
            "{ind}"
        );
    }
    for ind in ["resident_basic_pension_minimum", "basic_pension"] {
        assert_eq!(
            target(ind, 2024),
            &plain(
                ind,
                2024,
                raise(),
                prov(
                    97764,
                    97851,
                    "适度提高城乡居民基础养老金最低标准、退休人员基本养老金标准"
                ),
            ),
            "{ind}"
        );
    }
    assert_eq!(
        target("grain_sown_area", 2024),
        &plain(
            "grain_sown_area",
            2024,
            figure(
                Comparator::Qualitative,
                None,
                Some(Direction::Stable),
                "稳定"
            ),
            prov(73734, 73758, "稳定粮食播种面积"),
        )
    );
    assert_eq!(
        target("poverty_alleviated_labor_employment", 2024).figure,
        figure(
            Comparator::AtLeast,
            Some(q("3000", 4, Unit::Person, "人")),
            None,
            "稳定在3000万人以上"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// The catalogue

#[test]
fn no_name_names_two_indicators_and_ids_follow_the_naming_rule() {
    let cat = builtin::catalogue();
    for ind in cat.iter() {
        for name in ind.names() {
            assert_eq!(
                cat.lookup(name).map(|i| i.id.as_str()),
                Some(ind.id.as_str()),
                "{name}"
            );
        }
        let is_snake = ind
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        assert!(is_snake, "{}", ind.id);
        if let Some(base) = ind.id.strip_suffix("_change_pp") {
            assert_eq!(
                (ind.measure, &ind.unit),
                (Measure::Change, &Unit::PercentagePoint),
                "{}",
                ind.id
            );
            let b = cat
                .get(base)
                .unwrap_or_else(|| panic!("no base of {}", ind.id));
            // A rate, a share or a growth rate (`出口增速回落` changes a growth rate).
            assert!(
                matches!(
                    b.measure,
                    Measure::Rate | Measure::Share | Measure::GrowthRate
                ),
                "{}",
                ind.id
            );
        } else if ind.id.ends_with("_growth") {
            assert_eq!(
                (ind.measure, &ind.unit),
                (Measure::GrowthRate, &Unit::Percent),
                "{}",
                ind.id
            );
        }
    }
    assert_eq!(
        cat.iter()
            .filter(|i| i.attribute == Some(planwatch::indicator::Attribute::Binding))
            .count(),
        14
    );
    // 劳动年龄人口平均受教育年限 is binding in the 14th Five-Year Plan's table.
    assert_eq!(
        cat.get("education_years").and_then(|i| i.attribute),
        Some(planwatch::indicator::Attribute::Binding)
    );
    assert_eq!(
        cat.get("goods_exports_growth_change_pp")
            .and_then(|i| cat.get(i.id.strip_suffix("_change_pp")?))
            .map(|b| b.measure),
        Some(Measure::GrowthRate)
    );
}

#[test]
fn headline_targets_are_named_by_the_catalogue() {
    let cat = builtin::catalogue();
    for (ind, year) in [
        ("gdp_growth", 2024),
        ("urban_new_jobs", 2024),
        ("urban_surveyed_unemployment", 2024),
        ("cpi_change", 2024),
        ("disposable_income_growth", 2024),
        ("balance_of_payments", 2024),
        ("grain_output", 2024),
        ("energy_intensity_change", 2024),
        ("eco_environment_quality", 2024),
    ] {
        let quote = &target(ind, year)
            .provenance
            .as_ref()
            .expect("provenance")
            .quote;
        let (found, span) = cat.find_in(quote).expect("a name");
        assert_eq!((found.id.as_str(), span.start), (ind, 0), "{quote}");
    }
    for (name, id) in [
        ("地区生产总值", "gdp"),
        ("经济增速", "gdp_growth"),
        ("居民消费价格", "cpi_change"),
        ("CPI", "cpi_change"),
        ("单位GDP能耗", "energy_intensity_change"),
        ("能耗强度", "energy_intensity_change"),
        ("城镇调查失业率平均值", "urban_surveyed_unemployment"),
        ("研发经费投入强度", "rd_intensity"),
        ("城镇化率", "urbanization_rate"),
        ("户籍人口城镇化率", "hukou_urbanization_rate"),
        ("耕地红线", "arable_land"),
    ] {
        assert_eq!(cat.lookup(name).map(|i| i.id.as_str()), Some(id), "{name}");
    }
    let cpi = cat.get("cpi_change").expect("cpi");
    assert_eq!(
        (cpi.desired, cpi.measure, &cpi.unit),
        (Desired::LowerBetter, Measure::GrowthRate, &Unit::Percent)
    );
    // The deficit is an authorised limit (a ceiling); amounts arranged to be used in full are
    // neutral; see data/README.md.
    let desired = |id: &str| cat.get(id).map(|i| i.desired);
    for (id, d) in [
        ("fiscal_deficit_ratio", Desired::LowerBetter),
        ("fiscal_deficit", Desired::LowerBetter),
        ("urban_surveyed_unemployment", Desired::LowerBetter),
        ("energy_intensity_change", Desired::LowerBetter),
        ("local_special_bonds", Desired::Neutral),
        ("ultra_long_special_bonds", Desired::Neutral),
        ("central_budget_investment", Desired::Neutral),
        ("balance_of_payments", Desired::Band),
        ("rmb_exchange_rate", Desired::Band),
    ] {
        assert_eq!(desired(id), Some(d), "{id}");
    }
    // 退休人员基本养老金标准 is the benefit level, not its yearly increase.
    assert_eq!(
        cat.lookup("退休人员基本养老金标准").map(|i| i.id.as_str()),
        Some("basic_pension")
    );
}

// ---------------------------------------------------------------------------------------------
// Verdicts

#[test]
fn every_2023_target_is_assessed_and_agrees_with_the_report() {
    let ds = ds();
    let cat = builtin::catalogue();
    let policy = Policy::default();
    let outcome_of = |ind: &str, year: i32| {
        ds.outcomes
            .iter()
            .find(|o| o.indicator == ind && o.period.year == year)
    };
    let mut verdicts = Vec::new();
    for t in ds.targets.iter().filter(|t| t.period.year == 2023) {
        let ind = cat.get(&t.indicator).expect("indicator");
        let reference = t
            .figure
            .reference
            .as_ref()
            .and_then(|r| r.indicator.as_deref());
        let a = outcome_of(&t.indicator, 2023).map(|o| match reference {
            Some(r) => {
                let ro = outcome_of(r, 2023).expect("reference outcome");
                assess_relative(t, o, ro, ind, &policy)
            }
            None => assess(t, o, ind, &policy),
        });
        verdicts.push((
            t.indicator.as_str(),
            a.map(|a| (a.verdict, a.margin.map(|m| m.to_string()))),
        ));
    }
    assert_eq!(
        verdicts,
        vec![
            // 将预期目标稳定在5.5%左右 keeps 2023's target: the 5.2% average is under that ceiling.
            (
                "urban_surveyed_unemployment",
                Some((Verdict::Met, Some("0.3".to_string())))
            ),
            // 城镇新增就业超额完成任务: 1244万人 against 1200万人左右 (band 1176万–1224万).
            (
                "urban_new_jobs",
                Some((Verdict::Exceeded, Some("44".to_string())))
            ),
            // CPI 上涨0.2% under the 3%左右 ceiling.
            ("cpi_change", Some((Verdict::Met, Some("2.8".to_string())))),
            // 居民收入增长快于经济增长: 6.1% against GDP growth 5.2%.
            (
                "disposable_income_growth",
                Some((Verdict::Met, Some("0.9".to_string())))
            ),
            // The deficit ratio was budgeted at 3%; the report gives no 2023 outcome.
            ("fiscal_deficit_ratio", None),
        ]
    );
    // 主要发展目标任务圆满完成: no restated target is missed, and no computed verdict
    // contradicts a verdict the report states.
    assert!(
        verdicts
            .iter()
            .all(|(_, v)| !matches!(v, Some((Verdict::Missed, _))))
    );
    for StatedVerdict {
        indicator,
        period,
        verdict,
        ..
    } in &ds.verdicts
    {
        if let Some((_, Some((computed, _)))) = verdicts.iter().find(|(i, _)| i == indicator) {
            assert_eq!((period.year, computed), (2023, verdict), "{indicator}");
        }
    }
}

#[test]
fn stated_verdicts_keep_their_words() {
    let ds = ds();
    let words: Vec<(&str, &str, &str)> = ds
        .verdicts
        .iter()
        .map(|v| {
            (
                v.indicator.as_str(),
                v.verdict.code(),
                v.provenance.as_ref().expect("provenance").quote.as_str(),
            )
        })
        .collect();
    assert_eq!(
        words,
        vec![
            ("urban_new_jobs", "exceeded", "城镇新增就业超额完成任务"),
            (
                "disposable_income_growth",
                "met",
                "居民收入增长快于经济增长"
            ),
            (
                "affordable_housing_construction",
                "exceeded",
                "保障性租赁住房、公租房和棚改安置房等建设，超额完成年度任务"
            ),
            (
                "industrial_value_added_growth",
                "missed",
                "工业增长与预期目标有一定差距"
            ),
            (
                "energy_intensity_change",
                "missed",
                "能耗强度下降和碳强度下降不及预期"
            ),
            (
                "carbon_intensity_change",
                "missed",
                "能耗强度下降和碳强度下降不及预期"
            ),
        ]
    );
    assert!(ds.verdicts.iter().all(|v| v.period == Period::year(2023)));
}

// ---------------------------------------------------------------------------------------------
// Consistency the report implies

fn base(ind: &str, kind: &str) -> Decimal {
    let f = if kind == "target" {
        &target(ind, 2024).figure
    } else {
        &outcome(ind).figure
    };
    f.value.as_ref().expect("value").to_base().expect("base")
}

#[test]
fn implied_arithmetic_holds() {
    // R&D 33278.2亿元 / GDP 126.06万亿元 = 2.6399…% ≈ 2.64%.
    let rd = base("rd_expenditure", "outcome") / base("gdp", "outcome") * Decimal::ONE_HUNDRED;
    assert_eq!(rd.round_dp(2), dec("2.64"));
    // Trade with Belt and Road partners 19.47万亿元 / 41.76万亿元 ≈ 46.6%.
    let bri =
        base("bri_goods_trade", "outcome") / base("goods_trade", "outcome") * Decimal::ONE_HUNDRED;
    assert_eq!(bri.round_dp(1), dec("46.6"));
    // New special bonds: 3.9万亿元 in 2024 = 3.8万亿元 in 2023 + 1000亿元.
    assert_eq!(
        base("local_special_bonds", "target"),
        base("local_special_bonds", "outcome") + base("local_special_bonds_change", "target")
    );
    // The 2024 deficit 4.06万亿元 is 1800亿元 above the 2023 budget: 3.88万亿元 in 2023.
    assert_eq!(
        base("fiscal_deficit", "target") - base("fiscal_deficit_change", "target"),
        dec("3880000000000")
    );
    // The 2024 central budgetary investment 7000亿元 is 200亿元 above 2023's: 6800亿元.
    assert_eq!(
        base("central_budget_investment", "target")
            - base("central_budget_investment_change", "target"),
        dec("680000000000")
    );
    // Online retail sales are part of total retail sales.
    assert!(base("online_retail_sales", "outcome") < base("retail_sales", "outcome"));
    // Urbanization 66.16% is 0.94 points above the end of 2022 (65.22%).
    assert_eq!(
        base("urbanization_rate", "outcome") - base("urbanization_rate_change_pp", "outcome"),
        dec("65.22")
    );
}

// ---------------------------------------------------------------------------------------------
// Validation

fn report(ds: &Dataset) -> Vec<(&'static str, &'static str, String)> {
    validate_with(ds, builtin::catalogue(), &builtin::rules())
        .issues
        .into_iter()
        .map(|i| (i.severity.code(), i.code.code(), i.path))
        .collect()
}

fn index(list: &str, ind: &str) -> usize {
    let ds = ds();
    let pos = match list {
        "targets" => ds.targets.iter().position(|t| t.indicator == ind),
        _ => ds.outcomes.iter().position(|o| o.indicator == ind),
    };
    pos.unwrap_or_else(|| panic!("no {list} {ind}"))
}

#[test]
fn builtin_validates_without_errors() {
    let green_2020 = ds()
        .outcomes
        .iter()
        .position(|o| o.period.year == 2020)
        .expect("2020 baseline");
    // One warning: the green-building baseline 77.7% is for the end of 2020 (“十三五”末), a year
    // the report compares with but does not cover.
    assert_eq!(
        report(ds()),
        vec![(
            "warning",
            "year-outside-document",
            format!("outcomes[{green_2020}].period")
        )]
    );
    let r = validate_with(ds(), builtin::catalogue(), &builtin::rules());
    assert!(r.is_ok());
    assert_eq!(r.errors().count(), 0);
}

fn issues_beyond_baseline(ds: &Dataset) -> Vec<(&'static str, &'static str, String)> {
    report(ds)
        .into_iter()
        .filter(|i| i.1 != "year-outside-document" || !i.2.starts_with("outcomes["))
        .collect()
}

#[test]
fn broken_copies_raise_the_right_codes() {
    let gdp = index("outcomes", "gdp");
    let set_value = |ds: &mut Dataset, i: usize, v: Quantity| ds.outcomes[i].figure.value = Some(v);

    // Wrong unit: GDP in people. The R&D identity, which divides by GDP, fails with it.
    let rd = index("outcomes", "rd_intensity");
    let mut bad = ds().clone();
    set_value(
        &mut bad,
        gdp,
        Quantity::new(dec("126.06"), 12, Unit::Person),
    );
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![
            (
                "error",
                "unit-mismatch",
                format!("outcomes[{gdp}].figure.value.unit")
            ),
            (
                "error",
                "share-identity",
                format!("outcomes[{rd}].figure.value")
            ),
        ]
    );

    // Percent for percentage points: the LPR change in %.
    let lpr = index("outcomes", "lpr_1y_change_pp");
    let mut bad = ds().clone();
    set_value(&mut bad, lpr, Quantity::new(dec("0.2"), 0, Unit::Percent));
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "percent-vs-point",
            format!("outcomes[{lpr}].figure.value.unit")
        )]
    );

    // Shifted span: one character later.
    let mut bad = ds().clone();
    let p = bad.outcomes[gdp].provenance.as_mut().expect("provenance");
    p.start += "国".len();
    p.end += "国".len();
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "provenance-mismatch",
            format!("outcomes[{gdp}].provenance.quote")
        )]
    );

    // A figure the quote does not hold.
    let mut bad = ds().clone();
    bad.outcomes[gdp].figure.text = "126.6万亿元".into();
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "figure-not-in-quote",
            format!("outcomes[{gdp}].figure.text")
        )]
    );

    // Duplicate record: the same outcome twice.
    let mut bad = ds().clone();
    bad.outcomes.push(bad.outcomes[gdp].clone());
    let last = bad.outcomes.len() - 1;
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![("error", "duplicate-record", format!("outcomes[{last}]"))]
    );

    // Contradiction: GDP stated again with another value.
    let mut bad = ds().clone();
    let mut other = bad.outcomes[gdp].clone();
    other.figure.value = Some(q("120.06", 12, Unit::CNY, "元"));
    other.provenance = None;
    bad.outcomes.push(other);
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "contradictory-records",
            format!("outcomes[{last}]")
        )]
    );

    // Year outside the document: the 2024 GDP target moved to 2019.
    let g = index("targets", "gdp_growth");
    let mut bad = ds().clone();
    bad.targets[g].period = Period::year(2019);
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "warning",
            "year-outside-document",
            format!("targets[{g}].period")
        )]
    );

    // Unknown indicator.
    let mut bad = ds().clone();
    bad.targets[g].indicator = "gdp_grwth".into();
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "unknown-indicator",
            format!("targets[{g}].indicator")
        )]
    );

    // A share above 100%.
    let u = index("outcomes", "urbanization_rate");
    let mut bad = ds().clone();
    set_value(&mut bad, u, q("166.16", 0, Unit::Percent, "%"));
    let mut got = issues_beyond_baseline(&bad);
    got.sort();
    assert_eq!(
        got,
        vec![(
            "error",
            "share-over-100",
            format!("outcomes[{u}].figure.value")
        )]
    );

    // The R&D identity broken: 2.74% is not 33278.2亿元 / 126.06万亿元.
    let mut bad = ds().clone();
    set_value(&mut bad, rd, q("2.74", 0, Unit::Percent, "%"));
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "share-identity",
            format!("outcomes[{rd}].figure.value")
        )]
    );

    // Online retail sales above total retail sales.
    let online = index("outcomes", "online_retail_sales");
    let mut bad = ds().clone();
    set_value(&mut bad, online, q("55.43", 12, Unit::CNY, "元"));
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "level-ordering",
            format!("outcomes[{online}].figure.value")
        )]
    );

    // The provenance of another document.
    let mut bad = ds().clone();
    bad.outcomes[gdp]
        .provenance
        .as_mut()
        .expect("provenance")
        .document = "cn-gwr-2024".into();
    assert_eq!(
        issues_beyond_baseline(&bad),
        vec![(
            "error",
            "provenance-document-mismatch",
            format!("outcomes[{gdp}].provenance.document")
        )]
    );

    // Without its text the dataset cannot prove provenance: a warning, not an error.
    let mut bare = ds().clone();
    bare.text = None;
    let codes: Vec<_> = issues_beyond_baseline(&bare);
    assert_eq!(codes, vec![("warning", "missing-text", "text".to_string())]);
    assert_eq!(
        IssueCode::from_code("missing-text").map(|c| c.code()),
        Some("missing-text")
    );
    assert_eq!(Severity::Warning.code(), "warning");
}

// ---------------------------------------------------------------------------------------------
// Export

#[test]
fn export_round_trips_losslessly() {
    let ds = ds();
    let rows = export::rows(ds, planwatch::builtin::catalogue());
    assert_eq!(rows.len(), 169);
    assert_eq!(
        export::from_jsonl(&export::to_jsonl(&rows)).expect("jsonl"),
        rows
    );
    assert_eq!(export::from_csv(&export::to_csv(&rows)).expect("csv"), rows);
    // Each row holds its whole figure: rebuilt from the row, it equals the record's.
    let figures: Vec<_> = ds
        .targets
        .iter()
        .map(|t| &t.figure)
        .chain(ds.outcomes.iter().map(|o| &o.figure))
        .collect();
    assert_eq!(rows.len(), figures.len());
    for (row, figure) in rows.iter().zip(figures) {
        let rebuilt = row.figure().expect("figure");
        assert_eq!(&rebuilt, figure, "{}", row.text);
        for (a, b) in rebuilt.quantities().zip(figure.quantities()) {
            assert_eq!(
                a.value().to_string(),
                b.value().to_string(),
                "scale of {}",
                row.text
            );
        }
    }

    // Every quantity can be rebuilt from its row exactly, and the offsets are code points.
    let chars: Vec<char> = builtin::TEXT.chars().collect();
    let figures = ds
        .targets
        .iter()
        .map(|t| &t.figure)
        .chain(ds.outcomes.iter().map(|o| &o.figure));
    for (row, fig) in rows.iter().zip(figures) {
        let rebuilt = row.value.as_ref().map(|v| {
            let unit = Unit::from_code(row.unit.as_deref().expect("unit")).expect("unit code");
            Quantity::new(dec(v), row.exponent.expect("exponent"), unit)
                .with_unit_text(row.unit_text.clone().expect("unit text"))
        });
        assert_eq!(rebuilt, fig.value, "{}", row.text);
        let (s, e) = (row.start.expect("start"), row.end.expect("end"));
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            row.quote.clone().expect("quote")
        );
    }
    let fx = rows
        .iter()
        .find(|r| r.indicator == "fx_reserves")
        .expect("fx row");
    assert_eq!(
        (
            fx.value.as_deref(),
            fx.exponent,
            fx.unit.as_deref(),
            fx.unit_text.as_deref(),
            fx.start,
            fx.end
        ),
        (
            Some("32379.77"),
            Some(8),
            Some("USD"),
            Some("美元"),
            Some(758),
            Some(776)
        )
    );
}

#[test]
fn csv_quotes_what_needs_quoting() {
    let mut row = export::rows(ds(), planwatch::builtin::catalogue())[0].clone();
    row.quote = Some("a, \"b\"\r\nc".into());
    row.name_en = Some(" edge ".into());
    let csv = export::to_csv(std::slice::from_ref(&row));
    assert!(csv.contains(",\"a, \"\"b\"\"\r\nc\","), "{csv}");
    assert!(csv.contains(",\" edge \","), "{csv}");
    assert_eq!(export::from_csv(&csv).expect("csv"), vec![row]);
    let header = export::from_csv("indicator\r\n").unwrap_err();
    assert_eq!((header.line, header.column), (1, 1));
    assert!(
        header
            .message
            .starts_with("unexpected header [\"indicator\"]"),
        "{}",
        header.message
    );
    let open = export::parse_csv("\"open").unwrap_err();
    assert_eq!(
        (open.line, open.column, open.message.as_str()),
        (1, 5, "a quoted field is not closed")
    );
    assert_eq!(
        export::parse_csv("a,\"b\"\"c\"\r\n,\r\n").expect("csv"),
        vec![vec!["a", "b\"c"], vec!["", ""]]
    );
}

// ---------------------------------------------------------------------------------------------
// The built-in files are user files

#[test]
fn the_data_file_loads_like_a_users_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/cn-ndrc-plan-report-2024.json"
    );
    let from_file = Dataset::from_path(path).expect("loads with its source text");
    assert_eq!(&from_file, ds());
    assert_eq!(from_file.text.as_deref(), Some(builtin::TEXT));
}

#[test]
fn a_broken_copy_reports_line_and_column() {
    let broken = builtin::DATASET_JSON.replacen("\"unit\": \"percent\"", "\"unit\": \"pct\"", 1);
    let err = Dataset::from_json(&broken, Some("mine.json")).expect_err("unknown unit code");
    let (line, text) = broken
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("\"pct\""))
        .expect("line");
    // serde_json points just past the offending value: `          "unit": "pct"` ends at column 23.
    let column = text.find("\"pct\"").expect("value") + "\"pct\"".len();
    assert_eq!((line + 1, column), (25, 23));
    assert_eq!(
        (err.path.as_deref(), err.line, err.column),
        (Some("mine.json"), line + 1, column)
    );
    assert!(
        err.message.contains("unknown unit code \"pct\""),
        "{}",
        err.message
    );
}
