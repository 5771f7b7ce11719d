//! Extraction: mentions, distributive and elliptical forms, non-quantities, targets and outcomes
//! of documents, recall on the built-in report, and robustness on adversarial input.

use planwatch::builtin;
use planwatch::document::Basis;
use planwatch::extract;
use planwatch::extract::{
    Extraction, Extractor, Mention, MentionKind, extract_document, extract_for, extract_with,
};
use planwatch::indicator::Catalogue;
use planwatch::quantity::Quantity;
use planwatch::target::{Comparator, Direction, Figure};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures_extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (text, value as string, exponent, unit code, comparator code)
fn summary(m: &Mention) -> (String, String, i32, String, &'static str) {
    let q = m
        .figure
        .value
        .as_ref()
        .or(m.figure.lower.as_ref())
        .expect("a quantity");
    (
        m.text.clone(),
        q.value().to_string(),
        q.exponent(),
        q.unit().code().to_string(),
        m.figure.comparator.code(),
    )
}

fn texts(ms: &[Mention]) -> Vec<&str> {
    ms.iter().map(|m| m.text.as_str()).collect()
}

fn q(s: &str) -> Quantity {
    s.parse().expect("a quantity")
}

// ---------------------------------------------------------------- mentions

#[test]
fn a_whole_mention() {
    let text = "全年国内生产总值（GDP）126.06万亿元，增长5.2%；";
    let ms = extract(text);
    assert_eq!(ms.len(), 2);
    let gdp = &ms[0];
    assert_eq!(gdp.span, 33..48);
    assert_eq!(&text[gdp.span.clone()], "126.06万亿元");
    assert_eq!(gdp.char_span(text), Some((13, 22)));
    assert_eq!(
        gdp.figure,
        Figure::point(Comparator::Exact, q("126.06万亿元"), "126.06万亿元")
    );
    assert_eq!(gdp.subject.as_deref(), Some("国内生产总值（GDP）"));
    assert_eq!(gdp.subject_span, Some(6..33));
    assert_eq!(gdp.indicator.as_deref(), Some("gdp"));
    assert_eq!(
        (gdp.year, gdp.basis, gdp.kind),
        (None, Some(Basis::Year), MentionKind::Outcome)
    );
    let growth = &ms[1];
    assert_eq!(growth.text, "5.2%");
    assert_eq!(growth.figure.direction, Some(Direction::Increase));
    assert_eq!(growth.subject.as_deref(), Some("国内生产总值（GDP）"));
    assert_eq!(growth.indicator.as_deref(), Some("gdp_growth"));
}

#[test]
fn bounds_before_and_after() {
    let ms = extract(
        "全年新增税费优惠超过2.2万亿元，发电量近3万亿千瓦时，户均年收入增长约2000元，推介170余项举措，城镇调查失业率控制在5.5%以内，比例稳定在99%以上，不低于3%。",
    );
    let got: Vec<_> = ms.iter().map(summary).collect();
    let want = [
        ("超过2.2万亿元", "2.2", 12, "CNY", "more_than"),
        ("近3万亿千瓦时", "3", 12, "kwh", "less_than"),
        ("约2000元", "2000", 0, "CNY", "around"),
        ("170余项", "170", 0, "item", "more_than"),
        ("5.5%以内", "5.5", 0, "percent", "at_most"),
        ("99%以上", "99", 0, "percent", "at_least"),
        ("不低于3%", "3", 0, "percent", "at_least"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|w| (w.0.to_string(), w.1.to_string(), w.2, w.3.to_string(), w.4))
        .collect();
    assert_eq!(got, want);
    // 控制在 bounds the figure but is not part of it.
    assert_eq!(ms[4].subject.as_deref(), Some("城镇调查失业率"));
}

#[test]
fn ranges_in_every_spelling() {
    for (text, lower, upper) in [
        ("国内生产总值增长6%－6.5%", "6%", "6.5%"),
        ("国内生产总值增长6.5%-7%", "6.5%", "7%"),
        ("国内生产总值增长6％－6.5％", "6%", "6.5%"),
        ("国内生产总值增长6至6.5%", "6%", "6.5%"),
    ] {
        let ms = extract(text);
        assert_eq!(ms.len(), 1, "{text}");
        let f = &ms[0].figure;
        assert_eq!(
            (f.comparator, f.value.as_ref()),
            (Comparator::Range, None),
            "{text}"
        );
        assert_eq!(
            f.lower.as_ref().map(|q| q.cmp_amount(&self::q(lower)).ok()),
            Some(Some(std::cmp::Ordering::Equal)),
            "{text}"
        );
        assert_eq!(
            f.upper.as_ref().map(|q| q.cmp_amount(&self::q(upper)).ok()),
            Some(Some(std::cmp::Ordering::Equal)),
            "{text}"
        );
        assert_eq!(f.direction, Some(Direction::Increase), "{text}");
        assert_eq!(ms[0].indicator.as_deref(), Some("gdp_growth"), "{text}");
    }
}

#[test]
fn directions_and_levels() {
    let ms = extract(
        "居民消费价格上涨0.2%，企业贷款利率下降0.29个百分点，占外贸进出口比重提高至46.6%，居民消费价格涨幅3%左右，退休人员基本养老金平均上调3.8%。",
    );
    let dirs: Vec<_> = ms.iter().map(|m| m.figure.direction).collect();
    assert_eq!(
        dirs,
        [
            Some(Direction::Increase),
            Some(Direction::Decrease),
            None,
            Some(Direction::Increase),
            Some(Direction::Increase)
        ]
    );
    assert_eq!(
        ms[1].figure.value.as_ref().map(|q| q.unit().code()),
        Some("percentage_point")
    );
    assert_eq!(ms[3].subject.as_deref(), Some("居民消费价格涨幅"));
    assert_eq!(ms[4].basis, Some(Basis::Average));
}

#[test]
fn distributive_subjects() {
    let text = "2023年末，广义货币供应量（M 2 ）余额和社会融资规模存量分别增长9.7%和9.5%。";
    let ms = extract(text);
    assert_eq!(texts(&ms), ["9.7%", "9.5%"]);
    assert_eq!(ms[0].subject.as_deref(), Some("广义货币供应量（M 2 ）余额"));
    assert_eq!(ms[1].subject.as_deref(), Some("社会融资规模存量"));
    assert!(
        ms.iter()
            .all(|m| m.year == Some(2023) && m.basis == Some(Basis::YearEnd))
    );
    assert!(
        ms.iter()
            .all(|m| m.figure.direction == Some(Direction::Increase))
    );

    let ms = extract("基础设施、制造业投资分别增长5.9%、6.5%");
    assert_eq!(texts(&ms), ["5.9%", "6.5%"]);
    assert_eq!(ms[0].subject.as_deref(), Some("基础设施投资"));
    assert_eq!(ms[1].subject.as_deref(), Some("制造业投资"));

    let ms = extract("全国基本养老、失业、工伤保险参保人数分别达到10.66亿人、2.44亿人、3.02亿人");
    assert_eq!(texts(&ms), ["10.66亿人", "2.44亿人", "3.02亿人"]);
    let subjects: Vec<_> = ms
        .iter()
        .map(|m| m.subject.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        subjects,
        [
            "基本养老保险参保人数",
            "失业保险参保人数",
            "工伤保险参保人数"
        ]
    );
}

#[test]
fn shared_units_backward() {
    let ms = extract("1年期和5年期贷款市场报价利率（LPR）分别下降0.2个和0.1个百分点");
    assert_eq!(texts(&ms), ["0.2个", "0.1个百分点"]);
    for m in &ms {
        assert_eq!(
            m.figure.value.as_ref().map(|q| q.unit().code()),
            Some("percentage_point")
        );
        assert_eq!(m.figure.direction, Some(Direction::Decrease));
    }
    assert_eq!(
        ms[0].figure.value.as_ref().map(|q| q.value().to_string()),
        Some("0.2".into())
    );
    assert_eq!(ms[0].indicator.as_deref(), Some("lpr_1y_change_pp"));
    assert_eq!(ms[1].indicator.as_deref(), Some("lpr_5y_change_pp"));
}

#[test]
fn group_after_the_things_it_measures() {
    let ms = extract("全年累计开行1.7万列、运送货物190万标箱，分别增长6%和18%。");
    assert_eq!(texts(&ms), ["1.7万列", "190万标箱", "6%", "18%"]);
    assert_eq!(ms[2].subject, ms[0].subject);
    assert_eq!(ms[3].subject, ms[1].subject);
    assert_eq!(ms[3].subject.as_deref(), Some("运送货物"));
}

#[test]
fn restated_targets_with_their_years() {
    let text = "城镇新增就业目标由2023年的“1200万人左右”调整为2024年的“1200万人以上”。";
    let ms = extract(text);
    assert_eq!(texts(&ms), ["1200万人左右", "1200万人以上"]);
    assert_eq!(
        (ms[0].year, ms[0].figure.comparator),
        (Some(2023), Comparator::Around)
    );
    assert_eq!(
        (ms[1].year, ms[1].figure.comparator),
        (Some(2024), Comparator::AtLeast)
    );
    for m in &ms {
        assert_eq!(m.kind, MentionKind::Target);
        assert_eq!(m.subject.as_deref(), Some("城镇新增就业"));
        assert_eq!(m.indicator.as_deref(), Some("urban_new_jobs"));
    }
}

#[test]
fn comparison_years_are_not_context() {
    let text = "2024年赤字率按3%安排，与2023年年初预算持平；赤字规模4.06万亿元，比2023年年初预算增加1800亿元。";
    let ms = extract(text);
    assert_eq!(texts(&ms), ["3%", "4.06万亿元", "1800亿元"]);
    assert!(ms.iter().all(|m| m.year == Some(2024)), "{ms:?}");
    assert_eq!(ms[2].subject.as_deref(), Some("赤字规模"));
    assert_eq!(ms[2].figure.direction, Some(Direction::Increase));
    assert_eq!(ms[0].kind, MentionKind::Target);
}

#[test]
fn durations_are_not_years() {
    let ms = extract("2023年粮食总产量达到1.39万亿斤，连续9年保持在1.3万亿斤以上。");
    assert_eq!(texts(&ms), ["1.39万亿斤", "9年", "1.3万亿斤以上"]);
    assert_eq!((ms[1].kind, ms[1].year), (MentionKind::Other, Some(2023)));
    assert_eq!(
        ms[1].figure.value.as_ref().map(|q| q.unit().code()),
        Some("year")
    );
    assert_eq!(ms[2].year, Some(2023));
    assert_eq!(ms[2].subject.as_deref(), Some("粮食总产量"));
}

#[test]
fn non_quantities_are_not_reported() {
    let ms = extract(&fixture("non-quantities.txt"));
    assert_eq!(texts(&ms), Vec::<&str>::new());
}

#[test]
fn full_width_and_chinese_numerals() {
    let ms = extract("居民消费价格涨幅３％左右，增长百分之五，发行一万亿元");
    let got: Vec<_> = ms.iter().map(summary).collect();
    assert_eq!(
        got[0],
        ("３％左右".into(), "3".into(), 0, "percent".into(), "around")
    );
    assert_eq!(
        got[1],
        ("百分之五".into(), "5".into(), 0, "percent".into(), "exact")
    );
    assert_eq!(
        got[2],
        ("一万亿元".into(), "1".into(), 12, "CNY".into(), "exact")
    );
    assert_eq!(ms[0].char_span("居民消费价格涨幅３％左右"), Some((8, 12)));
}

#[test]
fn objects_after_governing_verbs() {
    let ms =
        extract("增发1万亿元国债，支持建设21个国家产教融合试点城市、45个国家产教融合创新平台。");
    let subjects: Vec<_> = ms
        .iter()
        .map(|m| m.subject.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        subjects,
        ["国债", "国家产教融合试点城市", "国家产教融合创新平台"]
    );
}

#[test]
fn a_custom_catalogue() {
    let cat = Catalogue::from_json(
        r#"[{"id":"grain_output","name_zh":"粮食产量","name_en":"Grain output","aliases":["粮食总产量"],
             "category":"agriculture","desired":"higher_better","measure":"level","unit":"jin"}]"#,
    )
    .expect("catalogue");
    let ms = extract_with("粮食总产量达到1.39万亿斤，国内生产总值增长5.2%", &cat);
    let ids: Vec<_> = ms.iter().map(|m| m.indicator.as_deref()).collect();
    assert_eq!(ids, [Some("grain_output"), None]);
}

// ---------------------------------------------------------------- sections, kinds, years

#[test]
fn sections_decide_kind_and_year() {
    let text = fixture("ndrc-2023-style.txt");
    let ms = extract(&text);
    let gdp = ms
        .iter()
        .find(|m| m.text == "121.02万亿元")
        .expect("gdp level");
    assert_eq!(
        (gdp.kind, gdp.year, gdp.indicator.as_deref()),
        (MentionKind::Outcome, Some(2022), Some("gdp"))
    );
    let reserves = ms
        .iter()
        .find(|m| m.text == "31277亿美元")
        .expect("reserves");
    assert_eq!(
        (reserves.year, reserves.basis),
        (Some(2022), Some(Basis::YearEnd))
    );
    let target = ms.iter().find(|m| m.text == "5%左右").expect("gdp target");
    assert_eq!(
        (target.kind, target.year, target.indicator.as_deref()),
        (MentionKind::Target, Some(2023), Some("gdp_growth"))
    );
    let deficit = ms.iter().find(|m| m.text == "3％").expect("deficit ratio");
    assert_eq!(
        (deficit.kind, deficit.year),
        (MentionKind::Target, Some(2023))
    );
    let dist: Vec<_> = ms
        .iter()
        .filter(|m| m.subject.as_deref().is_some_and(|s| s.contains("参保人数")))
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(dist, ["10.53亿人", "2.38亿人", "2.91亿人"]);
    let pp: Vec<_> = ms
        .iter()
        .filter(|m| m.figure.direction == Some(Direction::Decrease))
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(pp, ["0.15个", "0.35个百分点"]);
    let bounds: Vec<_> = ms
        .iter()
        .filter(|m| m.text.starts_with(['超', '近', '约']))
        .map(summary)
        .collect();
    assert_eq!(
        bounds.iter().map(|b| b.4).collect::<Vec<_>>(),
        ["more_than", "less_than", "around"]
    );
}

// ---------------------------------------------------------------- documents

fn headline(x: &Extraction) -> Vec<(String, &'static str, Option<String>)> {
    x.headline()
        .map(|t| {
            let v = t
                .figure
                .value
                .as_ref()
                .or(t.figure.lower.as_ref())
                .map(|q| q.to_string());
            (t.indicator.clone(), t.figure.comparator.code(), v)
        })
        .collect()
}

fn h(id: &str, cmp: &'static str, v: Option<&str>) -> (String, &'static str, Option<String>) {
    (id.to_string(), cmp, v.map(str::to_string))
}

#[test]
fn builtin_report_headline_targets() {
    let x = extract_document(
        builtin::TEXT,
        builtin::DOCUMENT_ID,
        planwatch::builtin::catalogue(),
    );
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("5%")),
            h("urban_new_jobs", "at_least", Some("1200万人")),
            h("urban_surveyed_unemployment", "around", Some("5.5%")),
            h("cpi_change", "around", Some("3%")),
            h("disposable_income_growth", "in_step_with", None),
            h("balance_of_payments", "qualitative", None),
            h("grain_output", "at_least", Some("1.3万亿斤")),
            h("energy_intensity_change", "around", Some("2.5%")),
            h("eco_environment_quality", "direction_only", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2024));
    for t in x.headline() {
        let p = t.provenance.as_ref().expect("provenance");
        assert!(p.check(builtin::TEXT), "{p:?}");
        assert_eq!(p.document, builtin::DOCUMENT_ID);
    }
    let gdp = x
        .outcomes
        .iter()
        .find(|o| o.indicator == "gdp_growth")
        .expect("gdp growth outcome");
    assert_eq!(
        (
            gdp.period.year,
            gdp.figure.value.as_ref().map(|q| q.to_string())
        ),
        (2023, Some("5.2%".into()))
    );
}

#[test]
fn work_report_lists() {
    let x = extract_document(
        &fixture("gwr-2022-targets.txt"),
        "gwr-2022",
        planwatch::builtin::catalogue(),
    );
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("5.5%")),
            h("urban_new_jobs", "at_least", Some("1100万人")),
            h("urban_surveyed_unemployment", "at_most", Some("5.5%")),
            h("cpi_change", "around", Some("3%")),
            h("disposable_income_growth", "in_step_with", None),
            h("goods_trade", "qualitative", None),
            h("balance_of_payments", "qualitative", None),
            h("grain_output", "at_least", Some("1.3万亿斤")),
            h("eco_environment_quality", "direction_only", None),
            h("major_pollutant_emissions", "direction_only", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2022));

    let x = extract_document(
        &fixture("gwr-2019-targets.txt"),
        "gwr-2019",
        planwatch::builtin::catalogue(),
    );
    let hl = headline(&x);
    assert_eq!(hl[0], h("gdp_growth", "range", Some("6％")));
    let gdp = x.headline().next().expect("gdp");
    assert_eq!(
        gdp.figure.upper.as_ref().map(|q| q.to_string()),
        Some("6.5％".into())
    );
}

#[test]
fn a_year_without_a_growth_target() {
    let text = fixture("gwr-2020-targets.txt");
    let ms = extract(&text);
    assert_eq!(
        texts(&ms),
        ["900万人以上", "6%左右", "5.5%左右", "3.5%左右"]
    );
    assert!(ms.iter().all(|m| m.kind == MentionKind::Target));
    assert!(
        ms.iter()
            .all(|m| m.indicator.as_deref() != Some("gdp_growth"))
    );
    let x = extract_document(&text, "gwr-2020", planwatch::builtin::catalogue());
    assert!(x.targets.iter().all(|t| t.indicator != "gdp_growth"));
}

#[test]
fn provincial_report() {
    let text = fixture("provincial-2024.txt");
    let ms = extract(&text);
    let growth = ms.iter().find(|m| m.text == "6%以上").expect("floor");
    assert_eq!(
        (growth.kind, growth.year, growth.figure.comparator),
        (MentionKind::Target, Some(2024), Comparator::AtLeast)
    );
    assert_eq!(growth.subject.as_deref(), Some("地区生产总值"));
    let aim = ms.iter().find(|m| m.text == "6.5%-7%").expect("range");
    assert_eq!(
        (aim.figure.comparator, aim.subject.as_deref()),
        (Comparator::Range, Some("地区生产总值"))
    );
    let past = ms.iter().find(|m| m.text == "6.0％").expect("outcome");
    assert_eq!(
        (past.kind, past.year, past.figure.direction),
        (MentionKind::Outcome, Some(2023), Some(Direction::Increase))
    );
    assert_eq!(past.subject.as_deref(), Some("地区生产总值"));
    let split: Vec<_> = ms
        .iter()
        .filter(|m| m.text == "4.8%" || m.text == "7.2%")
        .map(|m| m.subject.clone().unwrap_or_default())
        .collect();
    assert_eq!(split, ["城镇居民人均可支配收入", "农村居民人均可支配收入"]);
}

#[test]
fn gwr_2023_targets_are_targets() {
    let ms = extract(&fixture("gwr-2023-targets.txt"));
    let got: Vec<_> = ms
        .iter()
        .map(|m| (m.text.as_str(), m.kind, m.indicator.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("5%左右", MentionKind::Target, Some("gdp_growth")),
            ("1200万人左右", MentionKind::Target, Some("urban_new_jobs")),
            (
                "5.5%左右",
                MentionKind::Target,
                Some("urban_surveyed_unemployment")
            ),
            ("3%左右", MentionKind::Target, Some("cpi_change")),
            ("1.3万亿斤以上", MentionKind::Target, Some("grain_output")),
        ]
    );
}

// ---------------------------------------------------------------- recall on the built-in report

fn same_quantity(a: Option<&Quantity>, b: Option<&Quantity>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.value() == b.value() && a.exponent() == b.exponent() && a.unit() == b.unit()
        }
        _ => false,
    }
}

fn same_figure(a: &Figure, b: &Figure) -> bool {
    a.comparator == b.comparator
        && same_quantity(a.value.as_ref(), b.value.as_ref())
        && same_quantity(a.lower.as_ref(), b.lower.as_ref())
        && same_quantity(a.upper.as_ref(), b.upper.as_ref())
}

#[test]
fn recall_on_the_builtin_report() {
    let ds = builtin::dataset();
    let text = builtin::TEXT;
    let ms = extract(text);
    let x = extract_document(text, builtin::DOCUMENT_ID, planwatch::builtin::catalogue());
    let records: Vec<(&str, &Figure, &planwatch::document::Provenance)> = ds
        .targets
        .iter()
        .filter_map(|t| Some(("target", &t.figure, t.provenance.as_ref()?)))
        .chain(
            ds.outcomes
                .iter()
                .filter_map(|o| Some(("outcome", &o.figure, o.provenance.as_ref()?))),
        )
        .collect();
    let mut misses = Vec::new();
    for (kind, fig, p) in &records {
        let inside = |s: usize, e: usize| p.start <= s && e <= p.end;
        let found = if fig.comparator.is_quantitative() {
            ms.iter()
                .any(|m| inside(m.span.start, m.span.end) && same_figure(&m.figure, fig))
        } else {
            let near = |f: &Figure, tp: Option<&planwatch::document::Provenance>| {
                f.comparator == fig.comparator
                    && tp.is_some_and(|tp| {
                        inside(tp.start, tp.end) || (tp.start <= p.start && p.end <= tp.end)
                    })
            };
            x.targets
                .iter()
                .any(|t| near(&t.figure, t.provenance.as_ref()))
                || x.outcomes
                    .iter()
                    .any(|o| near(&o.figure, o.provenance.as_ref()))
        };
        if !found {
            misses.push(format!(
                "{kind} {} {:?} {}",
                fig.comparator.code(),
                fig.text,
                p.quote
            ));
        }
    }
    let recall = 1.0 - misses.len() as f64 / records.len() as f64;
    println!(
        "recall {:.4} ({} of {} records); misses:",
        recall,
        records.len() - misses.len(),
        records.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    assert_eq!(records.len(), 169);
    assert!(recall >= 0.98, "recall {recall:.4}; misses: {misses:#?}");
}

// ---------------------------------------------------------------- robustness

#[test]
fn adversarial_inputs_complete() {
    let digits = "9".repeat(100_000);
    let ms = extract(&format!("增长{digits}%"));
    assert!(ms.iter().all(|m| m.span.end <= digits.len() + 10));
    let no_digits = "经济社会发展，坚持稳中求进工作总基调。".repeat(60_000);
    assert!(no_digits.len() > 3_000_000);
    assert_eq!(extract(&no_digits).len(), 0);
    let one_clause = "增长1%".repeat(50_000);
    assert_eq!(extract(&one_clause).len(), 50_000);
    assert_eq!(extract("亿元％个百分点万人以上左右").len(), 0);
    assert_eq!(extract("").len(), 0);
    let ms = extract("GDP增长5%, up 5.2% yoy; 增长５．２％ and ５%");
    assert_eq!(texts(&ms), ["5%", "5.2%", "５．２％", "５%"]);
}

#[test]
fn long_sentences_stay_linear() {
    // Each of these is one sentence of about a megabyte: every per-figure look-back must stay
    // local for them to complete.
    let cases = [
        "——国内生产总值增长5%左右".repeat(30_000),
        "主要目标是：增长1%".repeat(30_000),
        "2023年末增长1%".repeat(40_000),
        "1，".repeat(200_000),
        format!("关于{}", "增长1%".repeat(100_000)),
        "（一）主要预期目标".repeat(40_000),
        "分别增长1%和".repeat(50_000),
    ];
    let counts: Vec<usize> = cases.iter().map(|c| extract(c).len()).collect();
    assert_eq!(counts, [30_000, 30_000, 40_000, 0, 100_000, 0, 50_000]);
    for c in &cases {
        let x = extract_document(c, "long", planwatch::builtin::catalogue());
        assert!(x.targets.len() + x.outcomes.len() + x.unresolved.len() <= x.mentions.len() + 1);
    }
}

#[test]
fn cut_at_every_boundary() {
    let s = "全年国内生产总值（GDP）126.06万亿元，增长5.2%；城镇新增就业1200万人以上，分别下降0.2个和0.1个百分点，6%－6.5%，由2023年的“1200万人左右”";
    for (k, _) in s.char_indices() {
        for part in [&s[..k], &s[k..]] {
            for m in extract(part) {
                assert_eq!(part.get(m.span.clone()), Some(m.text.as_str()));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,200}") {
        for m in extract(&s) {
            prop_assert_eq!(s.get(m.span.clone()), Some(m.text.as_str()));
        }
    }

    #[test]
    fn spaced_and_tailed_text_never_panics(s in "[0-9０-９ ．.年月日末元块角毛分钱半成形之以上提高到，。－\\-一二三五十百万亿负]{0,80}") {
        for m in extract(&s) {
            prop_assert_eq!(s.get(m.span.clone()), Some(m.text.as_str()));
            prop_assert!(m.span.start < m.span.end);
        }
    }

    #[test]
    fn money_with_jiao_and_fen_reads_whole(y in 0u32..100_000, j in 0u32..10, f in 1u32..10, jiao in any::<bool>()) {
        let amount = if jiao { format!("{y}元{j}角{f}分") } else { format!("{y}元{f}分") };
        let text = format!("每户补助{amount}，");
        let ms = extract(&text);
        prop_assert_eq!(ms.len(), 1, "{:?}", ms);
        let m = &ms[0];
        prop_assert_eq!(m.text.as_str(), amount.as_str());
        let q = m.figure.value.as_ref().expect("value");
        let fen = u64::from(y) * 100 + if jiao { u64::from(j) * 10 } else { 0 } + u64::from(f);
        prop_assert_eq!(q.value(), rust_decimal::Decimal::new(i64::try_from(fen).unwrap_or(0), 2).normalize());
        prop_assert_eq!(q.unit_text(), "元");
    }

    #[test]
    fn spaced_years_mark_their_figures(y in 1950i32..2030, v in 1u32..100) {
        let spaced = |n: String| n.chars().map(|c| format!("{c} ")).collect::<String>();
        let text = format!("{}年国内生产总值增长{}％。", spaced(y.to_string()), spaced(v.to_string()));
        let ms = extract(&text);
        prop_assert_eq!(ms.len(), 1, "{:?}", ms);
        prop_assert_eq!(ms[0].year, Some(y));
        prop_assert_eq!(ms[0].figure.value.as_ref().map(Quantity::value), Some(v.into()));
    }

    #[test]
    fn report_alphabet_never_panics(s in "[0-9０-９.．,%％－\\-~至到年月日末底第个百分点万亿元人斤以上左右内超过近约余多增长下降分别和、，；。“”（）一二三四五六七八九十百千两〇是届大国内生产总值]{0,120}") {
        for m in extract(&s) {
            prop_assert_eq!(s.get(m.span.clone()), Some(m.text.as_str()));
            prop_assert!(m.span.start < m.span.end);
        }
        let x = extract_document(&s, "p", planwatch::builtin::catalogue());
        for t in &x.targets {
            let p = t.provenance.as_ref().expect("provenance");
            prop_assert!(p.check(&s));
        }
    }
}

// ---------------------------------------------------------------- texts of other years and issuers

/// One line per mention: text|value|exponent|unit|comparator|direction|subject|indicator|year|kind.
fn row(m: &Mention) -> String {
    let q = m.figure.value.as_ref().or(m.figure.lower.as_ref());
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        m.text,
        q.map_or(String::new(), |q| q.value().to_string()),
        q.map_or(0, |q| q.exponent()),
        q.map_or("", |q| q.unit().code().to_string().leak()),
        m.figure.comparator.code(),
        m.figure.direction.map_or("", |d| d.code()),
        m.subject.as_deref().unwrap_or(""),
        m.indicator.as_deref().unwrap_or(""),
        m.year.map_or(String::new(), |y| y.to_string()),
        m.kind.code(),
    )
}

fn rows(ms: &[Mention]) -> Vec<String> {
    ms.iter().map(row).collect()
}

fn with_plan_year(year: i32) -> Extractor {
    Extractor::new(planwatch::builtin::catalogue()).with_plan_year(year)
}

#[test]
fn work_report_without_headings_resolves_this_year_from_the_plan_year() {
    let text = fixture("gwr-2024-review-and-targets.txt");
    let ex = with_plan_year(2024);
    let ms = ex.mentions(&text);
    assert_eq!(
        rows(&ms),
        [
            "超过126万亿元|126|12|CNY|more_than||国内生产总值|gdp|2023|outcome",
            "5.2%|5.2|0|percent|exact|increase|国内生产总值|gdp_growth|2023|outcome",
            "1244万人|1244|4|person|exact||城镇新增就业|urban_new_jobs|2023|outcome",
            "5.2%|5.2|0|percent|exact||城镇调查失业率|urban_surveyed_unemployment|2023|outcome",
            "0.2%|0.2|0|percent|exact|increase|居民消费价格|cpi_change|2023|outcome",
            "1.39万亿斤|1.39|12|jin|exact||粮食产量|grain_output|2023|outcome",
            "6.1%|6.1|0|percent|exact|increase|居民人均可支配收入|disposable_income_growth|2023|outcome",
            "5%左右|5|0|percent|around|increase|国内生产总值|gdp_growth|2024|target",
            "1200万人以上|1200|4|person|at_least||城镇新增就业|urban_new_jobs|2024|target",
            "5.5%左右|5.5|0|percent|around||城镇调查失业率|urban_surveyed_unemployment|2024|target",
            "3%左右|3|0|percent|around|increase|居民消费价格涨幅|cpi_change|2024|target",
            "1.3万亿斤以上|1.3|12|jin|at_least||粮食产量|grain_output|2024|target",
            "2.5%左右|2.5|0|percent|around|decrease|单位国内生产总值能耗|energy_intensity_change|2024|target",
        ]
    );
    assert_eq!(ms[3].basis, Some(Basis::Average));
    let x = ex.document(&text, "gwr-2024");
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("5%")),
            h("urban_new_jobs", "at_least", Some("1200万人")),
            h("urban_surveyed_unemployment", "around", Some("5.5%")),
            h("cpi_change", "around", Some("3%")),
            h("disposable_income_growth", "in_step_with", None),
            h("balance_of_payments", "qualitative", None),
            h("grain_output", "at_least", Some("1.3万亿斤")),
            h("energy_intensity_change", "around", Some("2.5%")),
            h("eco_environment_quality", "direction_only", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2024));
    let outcomes: Vec<(&str, i32)> = x
        .outcomes
        .iter()
        .map(|o| (o.indicator.as_str(), o.period.year))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("gdp", 2023),
            ("gdp_growth", 2023),
            ("urban_new_jobs", 2023),
            ("urban_surveyed_unemployment", 2023),
            ("cpi_change", 2023),
            ("balance_of_payments", 2023),
            ("grain_output", 2023),
            ("disposable_income_growth", 2023),
        ]
    );

    // The same text with the document's years, and with the year named in a title.
    let mut doc = builtin::document();
    doc.id = "gwr-2024".into();
    let y = extract_for(&text, &doc, planwatch::builtin::catalogue());
    assert_eq!(headline(&y), headline(&x));
    assert_eq!(y.outcomes.len(), x.outcomes.len());
    for title in [
        "2024年政府工作报告\n",
        "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n",
    ] {
        let titled = format!("{title}{text}");
        let z = extract_document(&titled, "titled", planwatch::builtin::catalogue());
        assert_eq!(headline(&z), headline(&x), "{title}");
        assert_eq!(z.outcomes.len(), x.outcomes.len(), "{title}");
        assert!(z.outcomes.iter().all(|o| o.period.year == 2023), "{title}");
    }
    // Without any year, 今年 and 过去一年 stay unresolved rather than guessed.
    let plain = extract_document(&text, "plain", planwatch::builtin::catalogue());
    assert!(plain.targets.is_empty() && plain.outcomes.is_empty());
    assert!(extract(&text).iter().all(|m| m.year.is_none()));
}

#[test]
fn gwr_2021_floor_and_direction_only_targets() {
    let x = extract_document(
        &fixture("gwr-2021-targets.txt"),
        "gwr-2021",
        planwatch::builtin::catalogue(),
    );
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "at_least", Some("6%")),
            h("urban_new_jobs", "at_least", Some("1100万人")),
            h("urban_surveyed_unemployment", "around", Some("5.5%")),
            h("cpi_change", "around", Some("3%")),
            h("goods_trade", "qualitative", None),
            h("balance_of_payments", "qualitative", None),
            h("disposable_income_growth", "direction_only", None),
            h("eco_environment_quality", "direction_only", None),
            h("energy_intensity_change", "around", Some("3%")),
            h("major_pollutant_emissions", "direction_only", None),
            h("grain_output", "at_least", Some("1.3万亿斤")),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2021));
    let energy = x.headline().nth(8).expect("energy");
    assert_eq!(energy.figure.direction, Some(Direction::Decrease));
}

#[test]
fn gwr_2025_titled_with_budget_figures() {
    let text = fixture("gwr-2025-titled.txt");
    let x = extract_document(&text, "gwr-2025", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("5%")),
            h("urban_surveyed_unemployment", "around", Some("5.5%")),
            h("urban_new_jobs", "at_least", Some("1200万人")),
            h("cpi_change", "around", Some("2%")),
            h("disposable_income_growth", "in_step_with", None),
            h("balance_of_payments", "qualitative", None),
            h("grain_output", "around", Some("1.4万亿斤")),
            h("energy_intensity_change", "around", Some("3%")),
            h("eco_environment_quality", "direction_only", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2025));
    let budget: Vec<String> = x.mentions[6..].iter().map(row).collect();
    assert_eq!(
        budget,
        [
            "4%左右|4|0|percent|around||赤字率|fiscal_deficit_ratio|2025|target",
            "5.66万亿元|5.66|12|CNY|exact||赤字规模|fiscal_deficit|2025|target",
            "1.6万亿元|1.6|12|CNY|exact|increase|赤字规模|fiscal_deficit_change|2025|target",
            "1.3万亿元|1.3|12|CNY|exact||超长期特别国债|ultra_long_special_bonds|2025|target",
            "3000亿元|3000|8|CNY|exact|increase|超长期特别国债||2025|target",
            "4.4万亿元|4.4|12|CNY|exact||地方政府专项债券|local_special_bonds|2025|target",
            "5000亿元|5000|8|CNY|exact|increase|地方政府专项债券|local_special_bonds_change|2025|target",
        ]
    );
}

#[test]
fn indicator_table_of_targets_and_results() {
    let ms = extract(&fixture("ndrc-2020-indicator-table.txt"));
    assert_eq!(
        rows(&ms),
        [
            "6%－6.5%|6|0|percent|range|increase|国内生产总值增长|gdp_growth|2019|target",
            "6.1%|6.1|0|percent|exact|increase|国内生产总值增长|gdp_growth|2019|outcome",
            "1100万人以上|1100|4|person|at_least||城镇新增就业|urban_new_jobs|2019|target",
            "1352万人|1352|4|person|exact||城镇新增就业|urban_new_jobs|2019|outcome",
            "5.5%左右|5.5|0|percent|around||城镇调查失业率|urban_surveyed_unemployment|2019|target",
            "5.2%|5.2|0|percent|exact||城镇调查失业率|urban_surveyed_unemployment|2019|outcome",
            "4.5%以内|4.5|0|percent|at_most||城镇登记失业率|urban_registered_unemployment|2019|target",
            "3.62%|3.62|0|percent|exact||城镇登记失业率|urban_registered_unemployment|2019|outcome",
            "3%左右|3|0|percent|around|increase|居民消费价格涨幅|cpi_change|2019|target",
            "2.9%|2.9|0|percent|exact|increase|居民消费价格涨幅|cpi_change|2019|outcome",
            "3%左右|3|0|percent|around|decrease|单位国内生产总值能耗下降|energy_intensity_change|2019|target",
            "2.6%|2.6|0|percent|exact|decrease|单位国内生产总值能耗下降|energy_intensity_change|2019|outcome",
            "1.2万亿斤以上|1.2|12|jin|at_least|stable|粮食产量|grain_output|2019|target",
            "1.33万亿斤|1.33|12|jin|exact||粮食产量|grain_output|2019|outcome",
        ]
    );
}

#[test]
fn review_against_the_stated_targets() {
    let ms = extract(&fixture("ndrc-2022-review.txt"));
    assert_eq!(
        rows(&ms),
        [
            "8.1%|8.1|0|percent|exact|increase|国内生产总值|gdp_growth|2021|outcome",
            "6%以上|6|0|percent|at_least||国内生产总值|gdp_growth|2021|target",
            "5.1%|5.1|0|percent|exact|increase|国内生产总值|gdp_growth|2020|outcome",
            "1269万人|1269|4|person|exact||城镇新增就业|urban_new_jobs|2021|outcome",
            "1100万人以上|1100|4|person|at_least||城镇新增就业|urban_new_jobs|2021|target",
            "5.1%|5.1|0|percent|exact||城镇调查失业率|urban_surveyed_unemployment|2021|outcome",
            "5.5%左右|5.5|0|percent|around||城镇调查失业率|urban_surveyed_unemployment|2021|target",
            "0.9%|0.9|0|percent|exact|increase|居民消费价格|cpi_change|2021|outcome",
            "3%左右|3|0|percent|around||居民消费价格|cpi_change|2021|target",
            "2.7%|2.7|0|percent|exact|decrease|单位国内生产总值能耗|energy_intensity_change|2021|outcome",
            "3%左右|3|0|percent|around||单位国内生产总值能耗|energy_intensity_change|2021|target",
        ]
    );
    assert_eq!(ms[2].basis, Some(Basis::Average));
    // 两年平均增长5.1%: the average of 2020 and 2021, not a figure of 2021.
    let avg = &ms[2];
    assert_eq!(
        (avg.year, avg.end_year, avg.basis),
        (
            Some(2020),
            Some(2021),
            Some(planwatch::document::Basis::Average)
        )
    );
}

#[test]
fn provincial_report_with_full_width_signs() {
    let text = fixture("provincial-2024-fullwidth.txt");
    let ms = extract(&text);
    let review: Vec<String> = ms
        .iter()
        .take_while(|m| m.year == Some(2023))
        .map(row)
        .collect();
    assert_eq!(
        review,
        [
            "4.81万亿元|4.81|12|CNY|exact||地区生产总值|gdp|2023|outcome",
            "5.3％|5.3|0|percent|exact|increase|地区生产总值|gdp_growth|2023|outcome",
            "3247.6亿元|3247.6|8|CNY|exact||一般公共预算收入|general_budget_revenue|2023|outcome",
            "6.1％|6.1|0|percent|exact|increase|一般公共预算收入|general_budget_revenue_growth|2023|outcome",
            "72.4％|72.4|0|percent|exact||税收收入占比||2023|outcome",
            "6.5％|6.5|0|percent|exact|increase|规模以上工业增加值|above_scale_industry_growth|2023|outcome",
            "4.2％|4.2|0|percent|exact|increase|固定资产投资|fixed_asset_investment_growth|2023|outcome",
            "7.4％|7.4|0|percent|exact|increase|社会消费品零售总额|retail_sales_growth|2023|outcome",
            "68.3万人|68.3|4|person|exact||城镇新增就业|urban_new_jobs|2023|outcome",
            "5.3％以内|5.3|0|percent|at_most||城镇调查失业率|urban_surveyed_unemployment|2023|outcome",
            "0.3％|0.3|0|percent|exact|increase|居民消费价格|cpi_change|2023|outcome",
            "5.1％|5.1|0|percent|exact|increase|城镇居民人均可支配收入|urban_disposable_income_growth|2023|outcome",
            "7.3％|7.3|0|percent|exact|increase|农村居民人均可支配收入|rural_disposable_income_growth|2023|outcome",
        ]
    );
    let x = extract_document(&text, "prov-2024", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("5.5％")),
            h("general_budget_revenue_growth", "exact", Some("5％")),
            h("above_scale_industry_growth", "exact", Some("6％")),
            h("fixed_asset_investment_growth", "range", Some("5％")),
            h("retail_sales_growth", "at_least", Some("6％")),
            h("urban_new_jobs", "at_least", Some("65万人")),
            h("urban_surveyed_unemployment", "at_most", Some("5.5％")),
            h("cpi_change", "around", Some("3％")),
            h("disposable_income_growth", "in_step_with", None),
            // 单位地区生产总值能耗完成国家下达的目标任务: a quota set by the state, no figure.
            h("energy_intensity_change", "qualitative", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2024));
}

#[test]
fn city_report_with_yuan_and_points() {
    let ms = extract(&fixture("city-2024-review.txt"));
    let got: Vec<String> = ms.iter().map(row).collect();
    let want = [
        "3256.8亿元|3256.8|8|CNY|exact||地区生产总值|gdp|2023|outcome",
        "6.1％|6.1|0|percent|exact|increase|地区生产总值|gdp_growth|2023|outcome",
        "0.7个百分点|0.7|0|percentage_point|exact|increase|地区生产总值增速||2023|outcome",
        "突破10万元|10|4|CNY|more_than||人均地区生产总值|per_capita_gdp|2023|outcome",
        "268.4亿元|268.4|8|CNY|exact||一般公共预算收入|general_budget_revenue|2023|outcome",
        "9.2％|9.2|0|percent|exact|increase|一般公共预算收入|general_budget_revenue_growth|2023|outcome",
        "8.3％|8.3|0|percent|exact|increase|规模以上工业增加值|above_scale_industry_growth|2023|outcome",
        "47.6％|47.6|0|percent|exact||高新技术产业增加值占规模以上工业增加值比重||2023|outcome",
        "2.1个百分点|2.1|0|percentage_point|exact|increase|高新技术产业增加值占规模以上工业增加值比重||2023|outcome",
        "1402.6亿元|1402.6|8|CNY|exact||社会消费品零售总额|retail_sales|2023|outcome",
        "7.8％|7.8|0|percent|exact|increase|社会消费品零售总额|retail_sales_growth|2023|outcome",
        "4.6亿美元|4.6|8|USD|exact||实际使用外资|fdi_utilized|2023|outcome",
        "52136元|52136|0|CNY|exact||城镇居民人均可支配收入|urban_disposable_income|2023|outcome",
        "26480元|26480|0|CNY|exact||农村居民人均可支配收入|rural_disposable_income|2023|outcome",
        "5.3％|5.3|0|percent|exact|increase|城镇居民人均可支配收入|urban_disposable_income_growth|2023|outcome",
        "7.1％|7.1|0|percent|exact|increase|农村居民人均可支配收入|rural_disposable_income_growth|2023|outcome",
        "6.2万人|6.2|4|person|exact||新增城镇就业|urban_new_jobs|2023|outcome",
        "5680万人次|5680|4|person_time|exact||游客||2023|outcome",
        "620亿元|620|8|CNY|exact||旅游总收入||2023|outcome",
        "12.6件|12.6|0|piece|exact||每万人口高价值发明专利拥有量|high_value_patents_per_10k|2023|outcome",
    ];
    assert_eq!(got, want);
}

#[test]
fn five_year_plan_outline_targets() {
    let text = fixture("fyp-outline-targets.txt");
    let x = extract_document(&text, "fyp-14", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("labor_productivity_growth", "relative", None),
            h("urbanization_rate", "exact", Some("65%")),
            h("rd_expenditure_growth", "at_least", Some("7%")),
            h("digital_economy_core_share", "exact", Some("10%")),
            h("urban_surveyed_unemployment", "at_most", Some("5.5%")),
            h("disposable_income_growth", "in_step_with", None),
            h("education_years", "exact", Some("11.3年")),
            h("energy_intensity_change", "exact", Some("13.5%")),
            h("carbon_intensity_change", "exact", Some("18%")),
            h("forest_coverage", "exact", Some("24.1%")),
            h("grain_capacity", "at_least", Some("6.5亿吨")),
            h(
                "energy_production_capacity",
                "at_least",
                Some("46亿吨标准煤")
            ),
        ]
    );
    for t in x.headline() {
        assert_eq!(
            (t.period.year, t.period.end_year),
            (2021, Some(2025)),
            "{t:?}"
        );
    }
    let ms = &x.mentions;
    assert!(ms.iter().all(|m| m.kind == MentionKind::Target), "{ms:#?}");
    let carbon = ms.iter().find(|m| m.text == "18%").expect("carbon");
    assert_eq!(
        carbon.subject.as_deref(),
        Some("单位国内生产总值二氧化碳排放")
    );
    assert_eq!(carbon.figure.direction, Some(Direction::Decrease));
}

#[test]
fn ndrc_2020_list_without_a_growth_target() {
    let x = extract_document(
        &fixture("ndrc-2020-no-growth-target.txt"),
        "ndrc-2020",
        planwatch::builtin::catalogue(),
    );
    assert_eq!(
        headline(&x),
        [
            h("urban_new_jobs", "at_least", Some("900万人")),
            h("urban_surveyed_unemployment", "around", Some("6%")),
            h("urban_registered_unemployment", "around", Some("5.5%")),
            h("cpi_change", "around", Some("3.5%")),
            h("goods_trade", "qualitative", None),
            h("balance_of_payments", "qualitative", None),
            h("disposable_income_growth", "in_step_with", None),
            h("grain_output", "at_least", Some("1.3万亿斤")),
            h("energy_intensity_change", "direction_only", None),
            h("major_pollutant_emissions", "direction_only", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2020));
    assert!(x.targets.iter().all(|t| t.indicator != "gdp_growth"));
}

#[test]
fn tenths_and_the_idioms_they_are_not() {
    let ms = extract(&fixture("tenths.txt"));
    let got: Vec<_> = ms.iter().map(summary).collect();
    let want = [
        ("五成以上", "5", 0, "tenth", "at_least"),
        ("六成以上", "6", 0, "tenth", "at_least"),
        ("七成以上", "7", 0, "tenth", "at_least"),
        ("八成以上", "8", 0, "tenth", "at_least"),
        ("九成以上", "9", 0, "tenth", "at_least"),
        ("接近六成", "6", 0, "tenth", "less_than"),
        ("三成", "3", 0, "tenth", "exact"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|w| (w.0.to_string(), w.1.to_string(), w.2, w.3.to_string(), w.4))
        .collect();
    assert_eq!(got, want);
    assert_eq!(ms[6].figure.direction, Some(Direction::Increase));
    let q = ms[0].figure.value.as_ref().expect("value");
    assert_eq!(
        q.convert_to(&planwatch::units::Unit::Percent)
            .map(|p| p.value().normalize().to_string())
            .ok(),
        Some("50".to_string())
    );
    for idiom in [
        "政策一成不变",
        "统一成本核算",
        "唯一成员",
        "八成新的设备",
        "三成为骨干",
        "两成倍增长",
    ] {
        assert_eq!(texts(&extract(idiom)), Vec::<&str>::new(), "{idiom}");
    }
    // A number that is no small count of tenths keeps no 成: 人口突破1亿成为….
    let ms = extract("人口突破1亿成为人口大省");
    assert!(
        ms.iter()
            .all(|m| m.figure.quantities().all(|q| q.unit().code() != "tenth")),
        "{ms:?}"
    );
}

// ---------------------------------------------------------------- round two: other registers

#[test]
fn ndrc_2018_plan_report_review_and_targets() {
    let text = fixture("ndrc-2018-plan.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "6.9%|6.9|0|percent|exact|increase|国内生产总值|gdp_growth|2017|outcome",
            "6.5%左右|6.5|0|percent|around||国内生产总值|gdp_growth|2017|target",
            "1351万人|1351|4|person|exact||城镇新增就业|urban_new_jobs|2017|outcome",
            "3.9%|3.9|0|percent|exact||城镇登记失业率|urban_registered_unemployment|2017|outcome",
            "4.5%以内|4.5|0|percent|at_most||城镇登记失业率|urban_registered_unemployment|2017|target",
            "1.6%|1.6|0|percent|exact|increase|居民消费价格|cpi_change|2017|outcome",
            "3%左右|3|0|percent|around||居民消费价格|cpi_change|2017|target",
            "3.7%|3.7|0|percent|exact|decrease|单位国内生产总值能耗|energy_intensity_change|2017|outcome",
            "3.4%以上|3.4|0|percent|at_least||单位国内生产总值能耗|energy_intensity_change|2017|target",
            "6.5%左右|6.5|0|percent|around|increase|国内生产总值|gdp_growth|2018|target",
            "3%左右|3|0|percent|around|increase|居民消费价格涨幅|cpi_change|2018|target",
            "1100万人以上|1100|4|person|at_least||城镇新增就业|urban_new_jobs|2018|target",
            "5.5%以内|5.5|0|percent|at_most||城镇调查失业率|urban_surveyed_unemployment|2018|target",
            "4.5%以内|4.5|0|percent|at_most||城镇登记失业率|urban_registered_unemployment|2018|target",
            "3%以上|3|0|percent|at_least|decrease|单位国内生产总值能耗|energy_intensity_change|2018|target",
        ]
    );
    let x = extract_document(&text, "ndrc-2018", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("6.5%")),
            h("cpi_change", "around", Some("3%")),
            h("urban_new_jobs", "at_least", Some("1100万人")),
            h("urban_surveyed_unemployment", "at_most", Some("5.5%")),
            h("urban_registered_unemployment", "at_most", Some("4.5%")),
            h("disposable_income_growth", "in_step_with", None),
            h("goods_trade", "qualitative", None),
            h("balance_of_payments", "qualitative", None),
            h("energy_intensity_change", "at_least", Some("3%")),
            h("major_pollutant_emissions", "direction_only", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2018));
}

#[test]
fn gwr_2016_em_dash_range_and_a_second_sentence_of_targets() {
    let text = fixture("gwr-2016-targets.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "6.5%—7%|6.5|0|percent|range|increase|国内生产总值|gdp_growth|2016|target",
            "3%左右|3|0|percent|around|increase|居民消费价格涨幅|cpi_change|2016|target",
            "1000万人以上|1000|4|person|at_least||城镇新增就业|urban_new_jobs|2016|target",
            "4.5%以内|4.5|0|percent|at_most||城镇登记失业率|urban_registered_unemployment|2016|target",
            "3.4%以上|3.4|0|percent|at_least|decrease|单位国内生产总值能耗|energy_intensity_change|2016|target",
        ]
    );
    let upper = ms[0].figure.upper.as_ref().map(|q| q.to_string());
    assert_eq!(upper.as_deref(), Some("7%"));
    let x = extract_document(&text, "gwr-2016", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "range", Some("6.5%")),
            h("cpi_change", "around", Some("3%")),
            h("urban_new_jobs", "at_least", Some("1000万人")),
            h("urban_registered_unemployment", "at_most", Some("4.5%")),
            h("goods_trade", "qualitative", None),
            h("balance_of_payments", "qualitative", None),
            h("disposable_income_growth", "in_step_with", None),
            h("energy_intensity_change", "at_least", Some("3.4%")),
            h("major_pollutant_emissions", "direction_only", None),
        ]
    );
    assert!(x.headline().all(|t| t.period.year == 2016));
}

#[test]
fn provincial_plan_execution_with_shares_of_plan_and_points_above_the_nation() {
    let text = fixture("provincial-2023-plan-execution.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "13021.5亿元|13021.5|8|CNY|exact||生产总值|gdp|2023|outcome",
            "5.8%|5.8|0|percent|exact|increase|生产总值|gdp_growth|2023|outcome",
            "0.6个百分点|0.6|0|percentage_point|exact|increase|生产总值||2023|outcome",
            "6.9%|6.9|0|percent|exact|increase|规模以上工业增加值|above_scale_industry_growth|2023|outcome",
            "98.6%|98.6|0|percent|exact||规模以上工业增加值||2023|outcome",
            "4.1%|4.1|0|percent|exact|increase|固定资产投资|fixed_asset_investment_growth|2023|outcome",
            "102.5%|102.5|0|percent|exact||固定资产投资||2023|outcome",
            "1085.3亿元|1085.3|8|CNY|exact||一般公共预算收入|general_budget_revenue|2023|outcome",
            "10.2%|10.2|0|percent|exact|increase|一般公共预算收入|general_budget_revenue_growth|2023|outcome",
            "101.3%|101.3|0|percent|exact||一般公共预算收入||2023|outcome",
            "5368.7亿元|5368.7|8|CNY|exact||社会消费品零售总额|retail_sales|2023|outcome",
            "7.2%|7.2|0|percent|exact|increase|社会消费品零售总额|retail_sales_growth|2023|outcome",
            "45210元|45210|0|CNY|exact||城镇居民人均可支配收入|urban_disposable_income|2023|outcome",
            "19875元|19875|0|CNY|exact||农村居民人均可支配收入|rural_disposable_income|2023|outcome",
            "4.9%|4.9|0|percent|exact|increase|城镇居民人均可支配收入|urban_disposable_income_growth|2023|outcome",
            "7.6%|7.6|0|percent|exact|increase|农村居民人均可支配收入|rural_disposable_income_growth|2023|outcome",
            "52.6万人|52.6|4|person|exact||城镇新增就业|urban_new_jobs|2023|outcome",
            "116.9%|116.9|0|percent|exact||城镇新增就业||2023|outcome",
            "3.1%|3.1|0|percent|exact||城镇登记失业率|urban_registered_unemployment|2023|outcome",
            "4.5%以内|4.5|0|percent|at_most||城镇登记失业率|urban_registered_unemployment|2023|outcome",
            "12项|12|0|item|exact||重点任务||2023|outcome",
        ]
    );
    // 高于全国 names the base of the difference.
    let above = &ms[2].figure;
    let base = above
        .reference
        .as_ref()
        .map(|r| (r.text.as_str(), r.relation));
    assert_eq!(base, Some(("全国", planwatch::target::Relation::Above)));
}

#[test]
fn city_work_report_with_teu_person_times_and_households() {
    let text = fixture("city-2024-work-report.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "2865.4亿元|2865.4|8|CNY|exact||地区生产总值|gdp|2023|outcome",
            "6.3%|6.3|0|percent|exact|increase|地区生产总值|gdp_growth|2023|outcome",
            "13.2万元|13.2|4|CNY|exact||人均地区生产总值|per_capita_gdp|2023|outcome",
            "412万标箱|412|4|teu|exact||港口集装箱吞吐量|port_container_throughput|2023|outcome",
            "8.5%|8.5|0|percent|exact|increase|港口集装箱吞吐量|port_container_throughput_growth|2023|outcome",
            "1268.5万人次|1268.5|4|person_time|exact||机场旅客吞吐量||2023|outcome",
            "112%|112|0|percent|exact||机场旅客吞吐量||2023|outcome",
            "8650万人次|8650|4|person_time|exact||国内外游客||2023|outcome",
            "1020亿元|1020|8|CNY|exact||旅游收入||2023|outcome",
            "356个|356|0|unit|exact||新开工亿元以上项目||2023|outcome",
            "6.8万户|6.8|4|household|exact||新增经营主体||2023|outcome",
            "6%左右|6|0|percent|around|increase|地区生产总值|gdp_growth|2024|target",
            "7%|7|0|percent|exact|increase|规模以上工业增加值|above_scale_industry_growth|2024|target",
            "8%以上|8|0|percent|at_least|increase|固定资产投资|fixed_asset_investment_growth|2024|target",
            "7%左右|7|0|percent|around|increase|社会消费品零售总额|retail_sales_growth|2024|target",
            "5万人以上|5|4|person|at_least||城镇新增就业|urban_new_jobs|2024|target",
        ]
    );
}

#[test]
fn five_year_plan_midterm_review() {
    let text = fixture("fyp-14-midterm.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            // Counts with a classifier are figures: 20 main indicators, 16 and 4 of them.
            "20个|20|0|unit|exact||主要指标||2021|other",
            "16个|16|0|unit|exact||主要指标||2021|other",
            "4个|4|0|unit|exact||主要指标||2021|other",
            // Without document years or a review heading nothing says these happened: other.
            "5.5%|5.5|0|percent|exact|increase|国内生产总值|gdp_growth|2021|other",
            "6.0%|6.0|0|percent|exact|increase|全员劳动生产率|labor_productivity_growth|2021|other",
            "63.9%|63.9|0|percent|exact||常住人口城镇化率|urbanization_rate|2020|other",
            "66.2%|66.2|0|percent|exact||常住人口城镇化率|urbanization_rate|2023|other",
            "2.65%|2.65|0|percent|exact||研发经费投入强度|rd_intensity|2023|outcome",
            "11.8件|11.8|0|piece|exact||每万人口高价值发明专利拥有量|high_value_patents_per_10k|2023|outcome",
        ]
    );
    let spans: Vec<_> = ms[..5].iter().map(|m| (m.year, m.end_year)).collect();
    assert_eq!(
        spans,
        [
            (Some(2021), Some(2025)),
            (Some(2021), Some(2025)),
            (Some(2021), Some(2025)),
            (Some(2021), Some(2023)),
            (Some(2021), Some(2023)),
        ]
    );
    assert_eq!(ms[3].basis, Some(Basis::Average));
}

#[test]
fn budget_report_execution_and_draft() {
    let text = fixture("budget-2024.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "216795.36亿元|216795.36|8|CNY|exact||一般公共预算收入|general_budget_revenue|2023|outcome",
            "99.8%|99.8|0|percent|exact||一般公共预算收入||2023|outcome",
            "6.4%|6.4|0|percent|exact|increase|一般公共预算收入|general_budget_revenue_growth|2023|outcome",
            "274573.81亿元|274573.81|8|CNY|exact||一般公共预算支出|general_budget_expenditure|2023|outcome",
            "99.6%|99.6|0|percent|exact||一般公共预算支出||2023|outcome",
            "5.4%|5.4|0|percent|exact|increase|一般公共预算支出|general_budget_expenditure_growth|2023|outcome",
            "70705.17亿元|70705.17|8|CNY|exact||政府性基金预算收入||2023|outcome",
            "9.2%|9.2|0|percent|exact|decrease|政府性基金预算收入||2023|outcome",
            "223005亿元|223005|8|CNY|exact||一般公共预算收入|general_budget_revenue|2024|target",
            "2.9%|2.9|0|percent|exact|increase|一般公共预算收入|general_budget_revenue_growth|2024|target",
            "285490亿元|285490|8|CNY|exact||一般公共预算支出|general_budget_expenditure|2024|target",
            "4%|4|0|percent|exact|increase|一般公共预算支出|general_budget_expenditure_growth|2024|target",
            "3%|3|0|percent|exact||赤字率|fiscal_deficit_ratio|2024|target",
            "40600亿元|40600|8|CNY|exact||赤字规模|fiscal_deficit|2024|target",
            "1800亿元|1800|8|CNY|exact|increase|赤字规模|fiscal_deficit_change|2024|target",
        ]
    );
}

#[test]
fn chinese_numerals_in_running_text() {
    let text = fixture("chinese-numerals.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "突破一百万亿元|100|12|CNY|more_than||经济总量|gdp||outcome",
            "百分之五点二|5.2|0|percent|exact|increase|经济总量|gdp_growth||outcome",
            "一千三百万人以上|1300|4|person|at_least||城镇新增就业|urban_new_jobs||outcome",
            "三千万人|3000|4|person|exact|decrease|农村贫困人口|rural_poor_reduction||outcome",
            // The catalogue keeps per-capita GDP in yuan: dollars are not its value.
            "一点二万美元|1.2|4|USD|exact||人均国内生产总值|||outcome",
            "一点五倍|1.5|0|multiple|exact||货物进出口总额|||outcome",
        ]
    );
    assert_eq!(ms[1].basis, Some(Basis::Average));
}

#[test]
fn numbered_items_and_ascii_punctuation() {
    let text = fixture("numbered-ascii-punctuation.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "5% 左右|5|0|percent|around|increase|地区生产总值|gdp_growth|2024|target",
            "12万人以上|12|4|person|at_least||城镇新增就业|urban_new_jobs|2024|target",
            "5.5%以内|5.5|0|percent|at_most||城镇调查失业率|urban_surveyed_unemployment|2024|target",
            "3%左右|3|0|percent|around|increase|居民消费价格涨幅|cpi_change|2024|target",
            "5.5%~6%|5.5|0|percent|range|increase|一般公共预算收入|general_budget_revenue_growth|2024|target",
            "2%以上|2|0|percent|at_least|decrease|单位地区生产总值能耗|energy_intensity_change|2024|target",
            "600亿斤以上|600|8|jin|at_least|stable|粮食产量|grain_output|2024|target",
        ]
    );
    let x = extract_document(&text, "numbered", planwatch::builtin::catalogue());
    assert_eq!(x.headline().count(), 7);
}

#[test]
fn round_two_non_quantities() {
    for text in [
        "2018年3月5日在第十三届全国人民代表大会第一次会议上",
        "省第十四次党代会",
        "设立第十九个国家级新区",
        "过去五年",
        "新开工亿元以上项目",
        "4.一般公共预算收入",
        "(6) 粮食产量",
        "3. 居民消费价格",
        "在实际工作中争取更好结果",
    ] {
        assert_eq!(texts(&extract(text)), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn quarters_are_time_not_subject() {
    let ms = extract("前三季度国内生产总值增长5.2%，一季度增长5.3%。支持300多个城市开展试点。");
    assert_eq!(
        rows(&ms),
        [
            "5.2%|5.2|0|percent|exact|increase|国内生产总值|gdp_growth||other",
            "5.3%|5.3|0|percent|exact|increase|国内生产总值|gdp_growth||other",
            "300多个|300|0|unit|more_than||城市|||other",
        ]
    );
    let quiet = "开通12345政务服务便民热线，构建“1+N”政策体系，举办G20峰会，“双11”期间，二〇二四年第一季度，推进“两重”建设和“两新”工作。";
    assert_eq!(texts(&extract(quiet)), Vec::<&str>::new());
}

#[test]
fn this_years_targets_after_a_review_in_the_same_paragraph() {
    // Review and targets run together in one paragraph, as text pasted from a web page often is.
    let text = "过去一年，国内生产总值增长5.2%，粮食产量连续9年稳定在1.3万亿斤以上。\
                今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。";
    let ms = with_plan_year(2024).with_outcome_year(2023).mentions(text);
    assert_eq!(
        rows(&ms),
        [
            "5.2%|5.2|0|percent|exact|increase|国内生产总值|gdp_growth|2023|outcome",
            // A duration is a figure of kind other; it hands its subject to the figure it
            // qualifies.
            "9年|9|0|year|exact||粮食产量||2023|other",
            "1.3万亿斤以上|1.3|12|jin|at_least|stable|粮食产量|grain_output|2023|outcome",
            "5%左右|5|0|percent|around|increase|国内生产总值|gdp_growth|2024|target",
            "1200万人以上|1200|4|person|at_least||城镇新增就业|urban_new_jobs|2024|target",
        ]
    );
}

#[test]
fn provincial_work_report_targets_with_a_task_set_by_the_state() {
    let text = fixture("provincial-2025-gwr-targets.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "6%左右|6|0|percent|around|increase|地区生产总值|gdp_growth|2025|target",
            "5%|5|0|percent|exact|increase|一般公共预算收入|general_budget_revenue_growth|2025|target",
            "7%|7|0|percent|exact|increase|规模以上工业增加值|above_scale_industry_growth|2025|target",
            "8%|8|0|percent|exact|increase|固定资产投资|fixed_asset_investment_growth|2025|target",
            "6%|6|0|percent|exact|increase|社会消费品零售总额|retail_sales_growth|2025|target",
            "3%左右|3|0|percent|around|increase|居民消费价格涨幅|cpi_change|2025|target",
            "60万人|60|4|person|exact||城镇新增就业|urban_new_jobs|2025|target",
            "5.5%以内|5.5|0|percent|at_most||城镇调查失业率|urban_surveyed_unemployment|2025|target",
            "700亿斤以上|700|8|jin|at_least|stable|粮食总产量|grain_output|2025|target",
        ]
    );
    let x = extract_document(&text, "province-2025", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("6%")),
            h("general_budget_revenue_growth", "exact", Some("5%")),
            h("above_scale_industry_growth", "exact", Some("7%")),
            h("fixed_asset_investment_growth", "exact", Some("8%")),
            h("retail_sales_growth", "exact", Some("6%")),
            h("disposable_income_growth", "in_step_with", None),
            h("cpi_change", "around", Some("3%")),
            h("urban_new_jobs", "exact", Some("60万人")),
            h("urban_surveyed_unemployment", "at_most", Some("5.5%")),
            // 能耗下降完成国家下达任务: the quota, not the direction alone, is the target.
            h("energy_intensity_change", "qualitative", None),
            h("grain_output", "at_least", Some("700亿斤")),
        ]
    );
}

#[test]
fn review_with_distributive_lists_in_mixed_units() {
    let text = fixture("ndrc-review-distributive-units.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "13908亿斤|13908|8|jin|exact||粮食总产量|grain_output||outcome",
            "178亿斤|178|8|jin|exact|increase|粮食总产量|||outcome",
            "7.7%|7.7|0|percent|exact|increase|装备制造业增加值|||other",
            "8.9%|8.9|0|percent|exact|increase|高技术制造业增加值|||other",
            "34.6%|34.6|0|percent|exact||装备制造业增加值占规模以上工业增加值比重|||other",
            "16.3%|16.3|0|percent|exact||高技术制造业增加值占规模以上工业增加值比重|||other",
            "38.7%|38.7|0|percent|exact|increase|新能源汽车产量|nev_output_growth||other",
            "22.2%|22.2|0|percent|exact|increase|集成电路产量|||other",
            "15.6%|15.6|0|percent|exact|increase|服务机器人产量|||other",
            "47.6亿吨|47.6|8|ton|exact||原煤产量|raw_coal_output||outcome",
            "2.13亿吨|2.13|8|ton|exact||原油产量|crude_oil_output||outcome",
            "2464亿立方米|2464|8|m3|exact||天然气产量|natural_gas_output||outcome",
            "1.2%|1.2|0|percent|exact|increase|原煤产量|raw_coal_output_growth||outcome",
            "1.8%|1.8|0|percent|exact|increase|原油产量|crude_oil_output_growth||outcome",
            "6.2%|6.2|0|percent|exact|increase|天然气产量|natural_gas_output_growth||outcome",
            "33.5亿千瓦|33.5|8|kw|exact||发电装机容量|generating_capacity||outcome",
            "5.2亿千瓦|5.2|8|kw|exact||风电装机容量|wind_capacity||outcome",
            "8.9亿千瓦|8.9|8|kw|exact||太阳能发电装机容量|solar_capacity||outcome",
            "56.7%|56.7|0|percent|exact||第三产业增加值占国内生产总值比重|tertiary_value_added_share||outcome",
            "0.4个百分点|0.4|0|percentage_point|exact|increase|第三产业增加值占国内生产总值比重|tertiary_value_added_share_change_pp||outcome",
        ]
    );
}

#[test]
fn text_hard_wrapped_from_a_pdf() {
    let text = fixture("pdf-wrapped-provincial.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "5.4%|5.4|0|percent|exact|increase|地区生产总值|gdp_growth|2024|outcome",
            "68.2万人|68.2|4|person|exact||城镇新增就业|urban_new_jobs|2024|outcome",
            "5.1%|5.1|0|percent|exact||城镇调查失业率|urban_surveyed_unemployment|2024|outcome",
            "4152.6亿元|4152.6|8|CNY|exact||一般公共预算收入|general_budget_revenue|2024|outcome",
            "3.2%|3.2|0|percent|exact|increase|一般公共预算收入|general_budget_revenue_growth|2024|outcome",
            "5.6%|5.6|0|percent|exact|increase|居民人均可支配收入|disposable_income_growth|2024|outcome",
            "6.5%|6.5|0|percent|exact|increase|农村居民人均可支配收入|rural_disposable_income_growth|2024|outcome",
            "5.5%左右|5.5|0|percent|around|increase|地区生产总值|gdp_growth|2025|target",
            "65万人以上|65|4|person|at_least||城镇新增就业|urban_new_jobs|2025|target",
            "5.5%左右|5.5|0|percent|around||城镇调查失业率|urban_surveyed_unemployment|2025|target",
        ]
    );
    // Spans are in the text as given: the subject's span covers the wrap, its phrase does not.
    let jobs = &ms[1];
    assert_eq!(&text[jobs.span.clone()], "68.2万人");
    assert_eq!(
        jobs.subject_span.clone().and_then(|r| text.get(r)),
        Some("城镇新增就\n业")
    );
    let x = extract_document(&text, "pdf", planwatch::builtin::catalogue());
    assert!(
        x.targets
            .iter()
            .all(|t| t.provenance.as_ref().is_some_and(|p| p.check(&text)))
    );
    assert!(
        x.outcomes
            .iter()
            .all(|o| o.provenance.as_ref().is_some_and(|p| p.check(&text)))
    );
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("5.5%")),
            h("urban_new_jobs", "at_least", Some("65万人")),
            h("urban_surveyed_unemployment", "around", Some("5.5%")),
        ]
    );
    // Short lines (titles, table rows), breaks after punctuation and blank lines stay breaks.
    let table = "城镇新增就业：1200万人\n城镇调查失业率：5.5%\n\n居民消费价格涨幅\n3%";
    assert_eq!(
        rows(&extract(table)),
        [
            "1200万人|1200|4|person|exact||城镇新增就业|urban_new_jobs||other",
            "5.5%|5.5|0|percent|exact||城镇调查失业率|urban_surveyed_unemployment||other",
            "3%|3|0|percent|exact|||||other",
        ]
    );
}

#[test]
fn municipal_statistical_communique_with_breakdowns() {
    let text = fixture("city-2024-statistical-communique.txt");
    let ms = extract(&text);
    assert_eq!(
        rows(&ms),
        [
            "8765.43亿元|8765.43|8|CNY|exact||地区生产总值|gdp|2024|outcome",
            "5.6%|5.6|0|percent|exact|increase|地区生产总值|gdp_growth|2024|outcome",
            "312.58亿元|312.58|8|CNY|exact||第一产业增加值|primary_value_added|2024|outcome",
            "3.1%|3.1|0|percent|exact|increase|第一产业增加值|primary_value_added_growth|2024|outcome",
            "3380.12亿元|3380.12|8|CNY|exact||第二产业增加值|secondary_value_added|2024|outcome",
            "6.2%|6.2|0|percent|exact|increase|第二产业增加值|secondary_value_added_growth|2024|outcome",
            "5072.73亿元|5072.73|8|CNY|exact||第三产业增加值|tertiary_value_added|2024|outcome",
            "5.4%|5.4|0|percent|exact|increase|第三产业增加值|tertiary_value_added_growth|2024|outcome",
            "10.2万元|10.2|4|CNY|exact||人均地区生产总值|per_capita_gdp|2024|outcome",
            "5.3%|5.3|0|percent|exact|increase|人均地区生产总值|per_capita_gdp_growth|2024|outcome",
            "859.6万人|859.6|4|person|exact||常住人口|resident_population|2024|outcome",
            "4.2万人|4.2|4|person|exact|increase|常住人口|resident_population_change|2024|outcome",
            "628.1万人|628.1|4|person|exact||城镇人口||2024|outcome",
            "73.07%|73.07|0|percent|exact||常住人口城镇化率|urbanization_rate|2024|outcome",
            "0.81个百分点|0.81|0|percentage_point|exact|increase|常住人口城镇化率|urbanization_rate_change_pp|2024|outcome",
            "14.3万人|14.3|4|person|exact||城镇新增就业|urban_new_jobs|2024|outcome",
            "0.3%|0.3|0|percent|exact|increase|居民消费价格|cpi_change|2024|outcome",
            "1.2%|1.2|0|percent|exact|decrease|食品烟酒类价格||2024|outcome",
        ]
    );
}

#[test]
fn a_fall_is_the_growth_indicator_with_a_negative_value() {
    // Catalogues name growth rates by their rise (一般公共预算收入增长); a fall written with the
    // opposite verb is the same indicator, and a level stays a level.
    let text = "全年一般公共预算收入下降3%，原煤产量增长2.9%，单位国内生产总值能耗上升0.5%。";
    let ms = with_plan_year(2024).with_outcome_year(2023).mentions(text);
    let got: Vec<(&str, Option<&str>, Option<Direction>)> = ms
        .iter()
        .map(|m| (m.text.as_str(), m.indicator.as_deref(), m.figure.direction))
        .collect();
    assert_eq!(
        got,
        [
            (
                "3%",
                Some("general_budget_revenue_growth"),
                Some(Direction::Decrease)
            ),
            (
                "2.9%",
                Some("raw_coal_output_growth"),
                Some(Direction::Increase)
            ),
            (
                "0.5%",
                Some("energy_intensity_change"),
                Some(Direction::Increase)
            ),
        ]
    );
    assert_eq!(
        ms[0].figure.signed_value().map(|q| q.to_string()),
        Some("-3%".to_string())
    );
}

#[test]
fn a_target_cue_opening_the_phrase_is_not_the_subject() {
    let ms = with_plan_year(2025).mentions("全省今年的发展目标是地区生产总值增长6%左右。");
    assert_eq!(
        rows(&ms),
        ["6%左右|6|0|percent|around|increase|地区生产总值|gdp_growth|2025|target"]
    );
}

// ---------------------------------------------------------------- locality

fn year_kind(ms: &[Mention]) -> Vec<(&str, Option<i32>, MentionKind)> {
    ms.iter()
        .map(|m| (m.text.as_str(), m.year, m.kind))
        .collect()
}

#[test]
fn the_title_is_found_wherever_the_opening_lines_put_it() {
    let plain = "2025年报告\n今年国内生产总值增长5%左右。";
    assert_eq!(extract(plain)[0].year, Some(2025));
    for text in [
        "来源：新华社\n2025年报告\n今年国内生产总值增长5%左右。",
        "\u{feff}\n\n首页 > 要闻 > 权威发布\n2025-03-05 09:00\n2025年政府工作报告\n今年国内生产总值增长5%左右。",
    ] {
        assert_eq!(extract(text)[0].year, Some(2025), "{text}");
    }
    // A line of running text ends the opening lines: a report named after it is no title.
    let later = "今年国内生产总值增长5%左右。\n2025年报告\n今年城镇新增就业1200万人左右。";
    assert_eq!(
        extract(later).iter().map(|m| m.year).collect::<Vec<_>>(),
        [None, None]
    );
    // A communiqué's title after a source line still makes the document a review of its year.
    let ms = extract("来源：国家统计局\n2024年国民经济和社会发展统计公报\n国内生产总值增长5%。");
    assert_eq!(year_kind(&ms), [("5%", Some(2024), MentionKind::Outcome)]);
}

#[test]
fn a_byline_gives_the_delivery_year_as_plan_year() {
    let text = "政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n\
                今年国内生产总值增长5%左右。去年城镇新增就业1206万人。";
    // 今年 in a report delivered in 2023, with no word of a part of the year gone, is that year's plan.
    assert_eq!(
        year_kind(&extract(text)),
        [
            ("5%左右", Some(2023), MentionKind::Target),
            ("1206万人", Some(2022), MentionKind::Outcome),
        ]
    );
    let text = "政府工作报告\n2025年1月14日在省十四届人大三次会议上\n今年地区生产总值增长5%左右。";
    assert_eq!(extract(text)[0].year, Some(2025));
    // The byline's date is no figure.
    assert_eq!(
        texts(&extract(
            "——2023年3月5日在第十四届全国人民代表大会第一次会议上"
        )),
        Vec::<&str>::new()
    );
}

#[test]
fn a_kind_never_crosses_a_paragraph_break() {
    for text in [
        "国内生产总值增长5.2%\n\n预期目标：",
        "国内生产总值增长5.2%\n预期目标：国内生产总值增长5%左右",
    ] {
        assert_eq!(extract(text)[0].kind, MentionKind::Other, "{text}");
    }
    // Within its paragraph the list intro still decides.
    let ms = extract("主要预期目标是：国内生产总值增长5%左右。\n国内生产总值增长5.2%");
    assert_eq!(
        ms.iter().map(|m| m.kind).collect::<Vec<_>>(),
        [MentionKind::Target, MentionKind::Other]
    );
}

#[test]
fn a_byte_order_mark_is_no_part_of_a_subject() {
    for text in [
        "\u{feff}国内生产总值增长5.2%。",
        "\u{feff}\n国内生产总值增长5.2%。",
        "前言。\n\u{feff}国内生产总值增长5.2%。",
    ] {
        let m = &extract(text)[0];
        assert_eq!(m.subject.as_deref(), Some("国内生产总值"), "{text:?}");
        assert_eq!(m.indicator.as_deref(), Some("gdp_growth"));
        let span = m.subject_span.clone().expect("a subject span");
        assert_eq!(&text[span], "国内生产总值");
    }
}

// ---------------------------------------------------------------- one lexicon

/// The words either grammar knew are read alike by both: the phrase parser and the extractor.
#[test]
fn both_grammars_read_the_union_of_their_words() {
    // (phrase, the figure's span in it, comparator, direction)
    let cases: &[(&str, &str, Comparator, Option<Direction>)] = &[
        ("突破5000亿元", "突破5000亿元", Comparator::MoreThan, None),
        ("至多3%", "至多3%", Comparator::AtMost, None),
        ("最多3%", "最多3%", Comparator::AtMost, None),
        ("最少3%", "最少3%", Comparator::AtLeast, None),
        ("5%及以上", "5%及以上", Comparator::AtLeast, None),
        ("3%及以下", "3%及以下", Comparator::AtMost, None),
        ("5%〜6%", "5%〜6%", Comparator::Range, None),
        ("5%‐6%", "5%‐6%", Comparator::Range, None),
        ("5%有余", "5%有余", Comparator::MoreThan, None),
        (
            "增长快于5%",
            "快于5%",
            Comparator::MoreThan,
            Some(Direction::Increase),
        ),
        ("上浮5%", "5%", Comparator::Exact, Some(Direction::Increase)),
        ("回升5%", "5%", Comparator::Exact, Some(Direction::Increase)),
        ("下跌5%", "5%", Comparator::Exact, Some(Direction::Decrease)),
        ("压减5%", "5%", Comparator::Exact, Some(Direction::Decrease)),
    ];
    for &(phrase, span, cmp, dir) in cases {
        let f = planwatch::parse_figure(phrase).unwrap_or_else(|e| panic!("{phrase}: {e}"));
        assert_eq!(
            (f.comparator, f.direction),
            (cmp, dir),
            "parse_figure({phrase})"
        );
        let ms = extract(&format!("国内生产总值{phrase}。"));
        assert_eq!(texts(&ms), [span], "{phrase}");
        let got = (ms[0].figure.comparator, ms[0].figure.direction);
        assert_eq!(got, (cmp, dir), "extract({phrase})");
    }
    // Improvement: a direction-only figure, and a statement of a document.
    for phrase in ["持续好转", "持续改善"] {
        let f = planwatch::parse_figure(phrase).expect("a figure");
        assert_eq!(
            (f.comparator, f.direction),
            (Comparator::DirectionOnly, Some(Direction::Improve)),
            "{phrase}"
        );
        let text = format!("二、2024年主要目标\n（一）主要预期目标\n生态环境质量{phrase}。");
        let x = extract_document(&text, "d", builtin::catalogue());
        let t: Vec<(&str, Option<Direction>)> = x
            .targets
            .iter()
            .map(|t| (t.indicator.as_str(), t.figure.direction))
            .collect();
        assert_eq!(
            t,
            [("eco_environment_quality", Some(Direction::Improve))],
            "{phrase}"
        );
    }
    // Points above a base after 超过, as after 高于.
    let f = planwatch::parse_figure("超过全国0.3个百分点").expect("a figure");
    assert_eq!(f.reference.map(|r| r.text), Some("全国".to_string()));
    // 预期 as a comparison is no target cue in either place it is read.
    let ms = extract("国内生产总值增长5.2%，好于预期。");
    assert_eq!(ms[0].kind, MentionKind::Other);
}

#[test]
fn a_negative_change_is_a_change_the_other_way() {
    let ms = extract("2024年，全国一般公共预算收入增长-1.3%，进出口总额下降-0.5%。");
    let got: Vec<(String, String, Option<Direction>, String)> = ms
        .iter()
        .map(|m| {
            (
                m.text.clone(),
                m.figure.value.as_ref().unwrap().to_string(),
                m.figure.direction,
                m.figure.signed_value().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "-1.3%".to_string(),
                "1.3%".to_string(),
                Some(Direction::Decrease),
                "-1.3%".to_string()
            ),
            (
                "-0.5%".to_string(),
                "0.5%".to_string(),
                Some(Direction::Increase),
                "0.5%".to_string()
            ),
        ]
    );
}

// ---------------------------------------------------------------- the older reports' grammar

fn by_indicator<'a>(ms: &'a [Mention], id: &str) -> Option<&'a Mention> {
    ms.iter().find(|m| m.indicator.as_deref() == Some(id))
}

#[test]
fn a_five_year_plan_by_its_ordinal_sets_levels_for_its_period() {
    let ms = extract(
        "关于第六个五年计划的报告\n到一九八五年，全国粮食产量计划达到三亿六千万吨；棉花三百六十万吨。",
    );
    for id in ["grain_output", "cotton_output"] {
        let m = by_indicator(&ms, id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(m.kind, MentionKind::Target, "{id}");
        assert_eq!(
            (m.year, m.end_year, m.basis),
            (Some(1981), Some(1985), Some(Basis::YearEnd))
        );
    }
    // The period's basis is kept in the record.
    let doc = extract_document(
        "关于第六个五年计划的报告\n到一九八五年，全国粮食产量计划达到三亿六千万吨。",
        "d",
        builtin::catalogue(),
    );
    let t = &doc.targets[0];
    assert_eq!((t.period.year, t.period.end_year), (1981, Some(1985)));
    assert_eq!(t.period.basis, Basis::YearEnd);
}

#[test]
fn plans_by_short_name_and_ordinal_but_not_the_five_of_a_year() {
    let ms = extract(
        "2003年政府工作报告\n“十五”期间，国内生产总值年均增长7%左右。一九九五年粮食产量达到4.6亿吨。\
         第十一个五年规划期间，国内生产总值年均增长7.5%。",
    );
    let periods: Vec<_> = ms.iter().map(|m| (m.year, m.end_year, m.basis)).collect();
    assert_eq!(
        periods,
        [
            (Some(2001), Some(2005), Some(Basis::Average)),
            (Some(1995), None, None),
            (Some(2006), Some(2010), Some(Basis::Average)),
        ]
    );
}

#[test]
fn a_bare_product_name_counts_its_output_unless_the_sentence_measures_another_thing() {
    let ms = extract(
        "1956年政府工作报告\n绝大多数产品的产量都有增长：原煤增长１７％，原油增长２２％。原煤完成９９．８％。",
    );
    let ids: Vec<_> = ms.iter().map(|m| m.indicator.as_deref()).collect();
    assert_eq!(
        ids,
        [
            Some("raw_coal_output_growth"),
            Some("crude_oil_output_growth"),
            None
        ]
    );
    let ms = extract("勘探新增石油地质储量3000万吨、天然气200亿立方米。");
    assert!(ms.iter().all(|m| m.indicator.is_none()), "{ms:?}");
}

#[test]
fn plan_verbs_and_the_future_make_targets_an_estimate_does_not() {
    let ms = extract(
        "1958年政府工作报告\n钢产量拟定为六百二十四万八千吨，将比一九五七年增长百分之十九点二。",
    );
    assert_eq!(ms.len(), 2);
    assert!(ms.iter().all(|m| m.kind == MentionKind::Target), "{ms:?}");
    assert_eq!(ms[0].indicator.as_deref(), Some("steel_output"));
    assert_eq!(
        (ms[1].indicator.as_deref(), ms[1].year),
        (Some("steel_output_growth"), Some(1958))
    );
    let ms = extract("2024年政府工作报告\n去年，预计全年国内生产总值将增长5%左右。");
    assert_eq!((ms[0].kind, ms[0].year), (MentionKind::Outcome, Some(2023)));
}

#[test]
fn a_figure_in_brackets_after_a_figure_is_another_measure_of_it() {
    let ms = extract(
        "农业总产值平均每年增长百分之四（包括村办工业为百分之六），工业总产值平均每年增长百分之七点五。",
    );
    assert_eq!(ms.len(), 3);
    assert_eq!(ms[1].kind, MentionKind::Other);
    assert_eq!(
        ms[2].indicator.as_deref(),
        Some("industrial_output_value_growth")
    );
}

#[test]
fn a_base_the_sentence_opens_with_spans_its_clauses() {
    let ms =
        extract("2006年政府工作报告\n2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%。");
    assert_eq!(
        (ms[0].year, ms[0].end_year, ms[0].basis),
        (Some(2001), Some(2005), Some(Basis::Cumulative))
    );
    assert_eq!(
        (ms[1].year, ms[1].end_year, ms[1].basis),
        (Some(2001), Some(2005), Some(Basis::Average))
    );
}

#[test]
fn a_name_inside_a_part_is_that_part_too() {
    let ms = extract("本年１——５月份各工业部工业生产总值计划完成１０２．６％。");
    assert_eq!(ms[0].indicator, None);
}

#[test]
fn a_part_that_reviews_one_plan_and_sets_the_next() {
    let text = "二、“十三五”时期发展成就和“十四五”时期主要目标任务\n\
                过去五年，国内生产总值年均增长5.7%。\n\
                “十四五”时期是开启新征程的第一个五年。\n\
                ——常住人口城镇化率提高到65%，森林覆盖率达到24.1%。";
    let x = with_plan_year(2021).document(text, "gwr-2021");
    let rec = |kind: &str, ind: &str, year: i32, end: Option<i32>| {
        (kind.to_string(), ind.to_string(), year, end)
    };
    let mut got: Vec<_> = x
        .outcomes
        .iter()
        .map(|o| rec("outcome", &o.indicator, o.period.year, o.period.end_year))
        .chain(
            x.targets
                .iter()
                .map(|t| rec("target", &t.indicator, t.period.year, t.period.end_year)),
        )
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            rec("outcome", "gdp_growth", 2016, Some(2020)),
            rec("target", "forest_coverage", 2021, Some(2025)),
            rec("target", "urbanization_rate", 2021, Some(2025)),
        ]
    );
    // A plan that ended before the plan year opens a review of its years.
    let ms = with_plan_year(2016).mentions("“十二五”时期，城镇新增就业6431万人。");
    assert_eq!(
        (ms[0].kind, ms[0].year, ms[0].end_year),
        (MentionKind::Outcome, Some(2011), Some(2015))
    );
}

#[test]
fn outcome_qualifiers_control_and_new_levels() {
    let ex = with_plan_year(2014);
    // 控制在 a figure of the year gone is the figure reached; of this year, a ceiling.
    let ms = ex.mentions("去年居民消费价格涨幅控制在2.6%。\n今年居民消费价格涨幅要控制在3.5%。");
    assert_eq!(
        ms.iter()
            .map(|m| (m.text.as_str(), m.kind, m.figure.comparator))
            .collect::<Vec<_>>(),
        [
            ("2.6%", MentionKind::Outcome, Comparator::Exact),
            ("3.5%", MentionKind::Target, Comparator::AtMost),
        ]
    );
    // 控制在…以内 keeps its bound either way.
    let ms = ex.mentions("去年城镇调查失业率控制在5.5%以内。");
    assert_eq!(ms[0].figure.comparator, Comparator::AtMost);
    // 跃上, 迈上, 跨上 a level: at least that level, the verb outside the span.
    for (text, fig) in [
        ("去年粮食产量首次跃上1.4万亿斤新台阶。", "1.4万亿斤"),
        ("去年国内生产总值迈上14万亿元新台阶。", "14万亿元"),
        ("去年国内生产总值跨上5万亿元台阶。", "5万亿元"),
    ] {
        let ms = ex.mentions(text);
        assert_eq!(
            (ms[0].text.as_str(), ms[0].figure.comparator, ms[0].kind),
            (fig, Comparator::AtLeast, MentionKind::Outcome),
            "{text}"
        );
    }
}

#[test]
fn shares_of_gdp_in_every_wording() {
    let ex = with_plan_year(2015);
    for (text, id) in [
        (
            "去年服务业增加值比重达到46.1%。",
            "tertiary_value_added_share",
        ),
        (
            "去年服务业增加值占国内生产总值比重上升到51.6%。",
            "tertiary_value_added_share",
        ),
        (
            "去年服务业在国内生产总值中的比重上升到50.5%。",
            "tertiary_value_added_share",
        ),
        (
            "去年研究与试验发展经费支出占国内生产总值比重达到2.2%。",
            "rd_intensity",
        ),
        (
            "去年研究与试验发展经费支出与国内生产总值之比超过2%。",
            "rd_intensity",
        ),
        (
            "去年全社会研发经费支出相当于全市生产总值的比例达到4.5%左右。",
            "rd_intensity",
        ),
        (
            "去年财政赤字占国内生产总值的比重降到1.5%左右。",
            "fiscal_deficit_ratio",
        ),
    ] {
        let ms = ex.mentions(text);
        assert_eq!(ms[0].indicator.as_deref(), Some(id), "{text}");
    }
    // The whole must be GDP: a share of something else is no share of GDP.
    let ms = ex.mentions("去年研发经费支出占财政支出比重达到2.2%。");
    assert_ne!(ms[0].indicator.as_deref(), Some("rd_intensity"));
}

#[test]
fn a_rate_of_change_is_the_change_not_the_level() {
    let x = with_plan_year(2025).document(
        "2025年主要预期目标是：城乡居民人均可支配收入增速高于经济增长速度；进出口总额保持正增长。",
        "p-2025",
    );
    let got: Vec<(&str, &str)> = x
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.figure.comparator.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("disposable_income_growth", "relative"),
            ("goods_trade_growth", "direction_only"),
        ]
    );
}

#[test]
fn a_quota_set_by_the_state_is_a_qualitative_target_of_each_indicator_it_names() {
    let text = "二、2025年工作安排\n今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；\
城镇新增就业50万人以上；粮食产量和粮食播种面积、单位地区生产总值能耗降低及生态环境质量指标均完成国家下达任务。\n";
    let x = extract_document(text, "quota", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "around", Some("5.5%")),
            h("urban_new_jobs", "at_least", Some("50万人")),
            h("grain_output", "qualitative", None),
            h("grain_sown_area", "qualitative", None),
            h("energy_intensity_change", "qualitative", None),
            h("eco_environment_quality", "qualitative", None),
        ]
    );
    // The figure quoted is the quota, without the adverb before it.
    let t = x.headline().last().unwrap();
    assert_eq!(t.figure.text, "完成国家下达任务");
    assert!(x.headline().all(|t| t.period.year == 2025));
    // 完成 with no quota set from above is no target.
    let plain = "二、2025年工作安排\n今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；粮食产量完成全年任务。\n";
    let y = extract_document(plain, "no-quota", planwatch::builtin::catalogue());
    assert_eq!(headline(&y), [h("gdp_growth", "around", Some("5.5%"))]);
}

#[test]
fn a_name_with_a_modifier_is_a_part_not_the_total() {
    let text = "2024年工作回顾\n实物商品网上零售额增长11.1%，跨境电商进出口增长180％。\
项目民间投资增长11.9%。规模以上民营工业增加值增长11.5%。能源工业增长8%。对东盟进出口增长13.8%。\
新发行地方政府专项债券2157亿元，其中用于项目建设1542亿元。农畜产品加工业总产值增长10%以上。\
电动汽车、锂电池、光伏产品“新三样”出口增长近30%。五年内全国工农业总产值增长百分之三十八。\n";
    let ms = extract(text);
    let got: Vec<(&str, Option<&str>)> = ms
        .iter()
        .map(|m| (m.text.as_str(), m.indicator.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("11.1%", None),
            ("180％", None),
            ("11.9%", None),
            ("11.5%", None),
            ("8%", None),
            ("13.8%", None),
            ("2157亿元", Some("local_special_bonds")),
            // 其中 with words of its own: a part, which takes no subject from before.
            ("1542亿元", None),
            ("10%以上", None),
            // A quoted name names the list before it.
            ("近30%", Some("new_three_exports_growth")),
            // 五年内 is a time, not a modifier.
            ("百分之三十八", Some("gross_output_agri_industry_growth")),
        ]
    );
}

#[test]
fn a_list_shares_its_last_comparator_and_a_stretch_is_no_target_of_its_own() {
    let text = "2025年工作安排\n经济社会发展主要预期目标是：地区生产总值增长7%以上、力争达到8%，\
全社会固定资产投资增长15%以上、力争达到20%，城乡居民人均可支配收入分别增长5%和7%左右，\
城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内。\n";
    let x = extract_document(text, "stretch", planwatch::builtin::catalogue());
    assert_eq!(
        headline(&x),
        [
            h("gdp_growth", "at_least", Some("7%")),
            h("fixed_asset_investment_growth", "at_least", Some("15%")),
            h("urban_disposable_income_growth", "around", Some("5%")),
            h("rural_disposable_income_growth", "around", Some("7%")),
            h("urban_surveyed_unemployment", "at_most", Some("5%")),
            h("cpi_change", "at_most", Some("3%")),
        ]
    );
    // The stretch figure makes no record anywhere else either.
    assert!(
        x.targets
            .iter()
            .all(|t| t.figure.text != "8%" && t.figure.text != "20%")
    );
}

#[test]
fn the_parts_after_qizhong_are_of_the_wholes_kind_and_period() {
    // The parts take the kind and year of the whole before them (no cue of their own said so).
    let text = "今年拟安排财政赤字2.18万亿元，比去年增加5600亿元。其中，中央财政赤字1.4万亿元，\
地方财政赤字7800亿元。\n";
    let ms = with_plan_year(2016).mentions(text);
    assert_eq!(
        rows(&ms),
        [
            "2.18万亿元|2.18|12|CNY|exact||财政赤字|fiscal_deficit|2016|target",
            "5600亿元|5600|8|CNY|exact|increase|财政赤字|fiscal_deficit_change|2016|target",
            "1.4万亿元|1.4|12|CNY|exact||中央财政赤字|central_fiscal_deficit|2016|target",
            "7800亿元|7800|8|CNY|exact||地方财政赤字|local_fiscal_deficit|2016|target",
        ]
    );
    // Parts of a plan span's figure are of the span; the level a part starts from is the
    // year's before it.
    let text = "2016年政府工作报告\n“十三五”时期主要目标任务\n到2020年，国内生产总值达到92.7万亿元。\
其中，服务业增加值由34.2万亿元增加到52.3万亿元。\n";
    let x = extract_document(text, "plan", planwatch::builtin::catalogue());
    let period = |r: &planwatch::target::Target| (r.period.year, r.period.end_year);
    let targets: Vec<_> = x
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.figure.text.as_str(), period(t)))
        .collect();
    assert!(
        targets.contains(&("tertiary_value_added", "52.3万亿元", (2016, Some(2020)))),
        "{targets:?}"
    );
}

#[test]
fn output_without_its_product_is_the_last_named_products() {
    let text = "2024年工作回顾\n粮食播种面积4157万亩、产量1146.1万吨。粮食连续五年增产，总产量10570亿斤。\
原油增产50万吨，总产达到2.1亿吨。今年全社会总产量要提高。\n";
    let x = extract_document(text, "outputs", planwatch::builtin::catalogue());
    let outcomes: Vec<_> = x
        .outcomes
        .iter()
        .map(|o| (o.indicator.as_str(), o.figure.text.as_str(), o.period.year))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("grain_sown_area", "4157万亩", 2024),
            ("grain_output", "1146.1万吨", 2024),
            ("grain_output", "10570亿斤", 2024),
            ("crude_oil_output", "2.1亿吨", 2024),
        ]
    );
}

#[test]
fn a_list_is_respective_without_fenbie_when_its_subject_cannot_hold_it() {
    let ex = with_plan_year(2010);
    let text = "过去一年，城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。\
城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％。国内生产总值增长9.1%和9.2%。\n";
    let got: Vec<_> = ex
        .mentions(text)
        .iter()
        .map(|m| (m.text.clone(), m.indicator.clone().unwrap_or_default()))
        .collect();
    let want = [
        ("17175元", "urban_disposable_income"),
        ("5153元", "rural_net_income"),
        ("9.8%", "urban_disposable_income_growth"),
        ("8.5%", "rural_net_income_growth"),
        ("8.4％", "urban_disposable_income_growth"),
        ("11.4％", "rural_net_income_growth"),
        // One name for two figures: nothing to distribute over.
        ("9.1%", "gdp_growth"),
        ("9.2%", "gdp_growth"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_review_of_five_years_sums_flows_and_states_where_things_ended() {
    // The paragraph's review of five years follows a short sentence naming the time.
    let text = "2016年政府工作报告\n2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目。\
国内生产总值年均增长7.8%。城镇新增就业人数超过6400万人。基本养老保险覆盖率超过80%。\
高速铁路超过1.9万公里。\n\
国内生产总值2000年达89404亿元，平均每年增长8.3％。\n";
    let x = extract_document(text, "review", planwatch::builtin::catalogue());
    let got: Vec<_> = x
        .outcomes
        .iter()
        .map(|o| {
            (
                o.indicator.as_str(),
                o.figure.text.as_str(),
                o.period.year,
                o.period.end_year,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("gdp_growth", "7.8%", 2011, Some(2015)),
            ("urban_new_jobs", "超过6400万人", 2011, Some(2015)),
            ("pension_coverage_rate", "超过80%", 2015, None),
            ("hsr_length", "超过1.9万公里", 2015, None),
            ("gdp", "89404亿元", 2000, None),
            ("gdp_growth", "8.3％", 2000, None),
        ],
        "{got:#?}"
    );
}

/// (kind, indicator, figure text, year, end year) of every record of `x`, targets first.
fn records_of(x: &Extraction) -> Vec<(&'static str, String, String, i32, Option<i32>)> {
    let t = x.targets.iter().map(|t| {
        let p = t.period;
        (
            "target",
            t.indicator.clone(),
            t.figure.text.clone(),
            p.year,
            p.end_year,
        )
    });
    let o = x.outcomes.iter().map(|o| {
        let p = o.period;
        (
            "outcome",
            o.indicator.clone(),
            o.figure.text.clone(),
            p.year,
            p.end_year,
        )
    });
    t.chain(o).collect()
}

#[test]
fn a_list_of_names_shares_a_rate_and_with_jun_an_amount() {
    let text = "2011年政府工作报告\n一、 过去五年工作回顾\n单位国内生产总值能耗、水耗均下降20%以上。\
农村居民人均纯收入由2476元增加到4140元。\n\
二、“十二五”时期主要目标\n城镇居民人均可支配收入和农村居民人均纯收入年均实际增长超过7%。\
中央和地方财政赤字8000亿元。\n";
    let x = extract_document(text, "shared", planwatch::builtin::catalogue());
    let got = records_of(&x);
    let want = [
        (
            "target",
            "urban_disposable_income_growth",
            "超过7%",
            2011,
            Some(2015),
        ),
        (
            "target",
            "rural_net_income_growth",
            "超过7%",
            2011,
            Some(2015),
        ),
        // An amount after a list without 均 is its total: no record of either part.
        (
            "outcome",
            "energy_intensity_change",
            "20%以上",
            2006,
            Some(2010),
        ),
        // The heading is read with a space after its number: the levels are of the span's ends.
        ("outcome", "rural_net_income", "2476元", 2005, None),
        ("outcome", "rural_net_income", "4140元", 2010, None),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|&(k, i, f, y, e)| (k, i.to_string(), f.to_string(), y, e))
        .collect();
    assert_eq!(got, want, "{got:#?}");
}

#[test]
fn a_figure_of_this_year_is_a_plan() {
    let text = "2014年政府工作报告\n创新扶贫开发方式。今年再减少农村贫困人口1000万人以上。\
今年以来，城镇新增就业300万人。\n";
    let x = extract_document(text, "this-year", planwatch::builtin::catalogue());
    let got = records_of(&x);
    assert_eq!(
        got,
        [(
            "target",
            "rural_poor_reduction".to_string(),
            "1000万人以上".to_string(),
            2014,
            None
        )],
        "{got:#?}"
    );
}

#[test]
fn a_sentence_list_of_the_years_targets_is_read_beside_a_heading_naming_a_plans_targets() {
    // A later section heading names the five-year plan's targets; the year's own list stands in
    // a sentence of an earlier part. Both are read, the qualitative item with the rest.
    let text = "二、2006年工作安排\n综合考虑各种因素，2006年国民经济和社会发展的主要预期目标是：\
国内生产总值增长8%左右；城镇新增就业900万人；国际收支基本平衡。\n\
三、关于“十一五”规划\n（三）“十一五”时期经济社会发展的主要目标\n\
国内生产总值年均增长7.5%。\n";
    let x = extract_document(text, "plan-heading", planwatch::builtin::catalogue());
    let got: Vec<(String, &'static str, Option<String>, i32)> = x
        .headline()
        .map(|t| {
            let v = t.figure.value.as_ref().map(|q| q.to_string());
            (
                t.indicator.clone(),
                t.figure.comparator.code(),
                v,
                t.period.year,
            )
        })
        .collect();
    assert!(
        got.contains(&("balance_of_payments".to_string(), "qualitative", None, 2006)),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "gdp_growth".to_string(),
            "around",
            Some("8%".to_string()),
            2006
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "urban_new_jobs".to_string(),
            "exact",
            Some("900万人".to_string()),
            2006
        )),
        "{got:?}"
    );
}

#[test]
fn a_heading_of_this_year_or_last_year_dates_its_part_by_the_byline() {
    // The report names no year but in its byline: 今年 in a heading of plans is the year it was
    // delivered in, 去年 in a heading of a review the year before.
    let text = "政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n\
一、去年工作回顾\n国内生产总值增长3%。\n\
二、对今年政府工作的建议\n积极的财政政策要加力提效。赤字率拟按3%安排。\n";
    let x = extract_document(text, "bylined", planwatch::builtin::catalogue());
    let got: Vec<(&str, &str, Option<i32>)> = x
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.kind.code(), m.year))
        .collect();
    assert_eq!(
        got,
        [("3%", "outcome", Some(2022)), ("3%", "target", Some(2023))]
    );
    let t = &x.targets[0];
    assert_eq!(
        (
            t.indicator.as_str(),
            t.period.year,
            t.figure.comparator.code()
        ),
        ("fiscal_deficit_ratio", 2023, "exact")
    );
}

#[test]
fn an_amount_arranged_is_its_subjects() {
    // 安排 links a budget line to its amount, with 拟 (a plan) or without.
    let ms = with_plan_year(2007)
        .mentions("今年中央财政赤字拟安排2450亿元。中央预算内投资安排5000亿元。");
    let got: Vec<(&str, Option<&str>, &str)> = ms
        .iter()
        .map(|m| (m.text.as_str(), m.indicator.as_deref(), m.kind.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("2450亿元", Some("central_fiscal_deficit"), "target"),
            ("5000亿元", Some("central_budget_investment"), "target"),
        ]
    );
}

#[test]
fn figure_less_targets_in_the_words_provinces_and_older_lists_use() {
    let text = "二、2025年工作安排\n今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；\
城乡居民人均收入实际增长与经济增长同步；\
单位生产总值能耗、单位生产总值二氧化碳排放量进一步下降；粮食产量保持稳定；国际收支状况有所改善；\
广义货币M2增速与国内生产总值名义增速相匹配；与经济总量扩大和结构升级的要求相适应。\n";
    let x = extract_document(text, "statements", planwatch::builtin::catalogue());
    let got: Vec<(&str, &str, &str)> = x
        .targets
        .iter()
        .map(|t| {
            (
                t.indicator.as_str(),
                t.figure.comparator.code(),
                t.figure.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("gdp_growth", "around", "5.5%左右"),
            // In step with growth is the growth of income; the reference kept.
            ("disposable_income_growth", "in_step_with", "与经济增长同步"),
            ("energy_intensity_change", "direction_only", "进一步下降"),
            ("carbon_intensity_change", "direction_only", "进一步下降"),
            ("grain_output", "qualitative", "保持稳定"),
            ("balance_of_payments", "direction_only", "有所改善"),
            ("m2_growth", "in_step_with", "与国内生产总值名义增速相匹配"),
        ]
    );
    let income = &x.targets[1].figure;
    assert_eq!(
        income.reference.as_ref().map(|r| r.text.as_str()),
        Some("经济增长")
    );
    assert!(x.targets.iter().all(|t| t.period.year == 2025));
    let level = extract_document(
        "二、2025年工作安排\n主要预期目标是：居民可支配收入与经济增长基本同步。\n",
        "level",
        planwatch::builtin::catalogue(),
    );
    assert_eq!(
        level
            .targets
            .iter()
            .map(|t| t.indicator.as_str())
            .collect::<Vec<_>>(),
        ["disposable_income_growth"]
    );
}

#[test]
fn a_price_adjustment_between_subject_and_figure_is_skipped() {
    let ms = with_plan_year(1995).mentions(
        "一、1994年工作回顾\n社会商品零售总额扣除价格因素增长百分之七点八。\
农村居民人均纯收入达到1220元，扣除物价因素比上年增长百分之五。\
城镇新增就业1361万人、调查失业率稳定在5%左右。\n",
    );
    let got: Vec<(&str, Option<&str>)> = ms
        .iter()
        .map(|m| (m.text.as_str(), m.indicator.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("百分之七点八", Some("retail_sales_growth")),
            ("1220元", Some("rural_net_income")),
            ("百分之五", Some("rural_net_income_growth")),
            ("1361万人", Some("urban_new_jobs")),
            // The national surveyed rate is the urban one.
            ("5%左右", Some("urban_surveyed_unemployment")),
        ]
    );
    assert!(ms.iter().all(|m| m.year == Some(1994)));
}

#[test]
fn the_level_a_change_reaches_from_last_years_is_not_last_years() {
    let ex = with_plan_year(2015).with_outcome_year(2014);
    let ms = ex.mentions(
        "二、2015年工作安排\n今年拟安排财政赤字1.62万亿元，赤字率从去年的2.1%提高到2.3%。\n",
    );
    let got: Vec<(&str, Option<i32>, &str)> = ms
        .iter()
        .map(|m| (m.text.as_str(), m.year, m.kind.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("1.62万亿元", Some(2015), "target"),
            ("2.1%", Some(2014), "outcome"),
            ("2.3%", Some(2015), "target"),
        ]
    );
    assert_eq!(ms[2].indicator.as_deref(), Some("fiscal_deficit_ratio"));
}
