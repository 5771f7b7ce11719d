//! Targets and outcome figures as written: every case compares the whole parsed value.
#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use planwatch::error::ParseErrorKind;
use planwatch::figure::{parse_figure, parse_target};
use planwatch::quantity::Quantity;
use planwatch::target::{Comparator, Direction, Figure, Reference, Relation};
use planwatch::units::Unit;
use proptest::prelude::*;

fn q(v: &str, exp: i32, unit: Unit) -> Quantity {
    Quantity::new(v.parse().unwrap(), exp, unit)
}

fn qt(v: &str, exp: i32, unit: Unit, text: &str) -> Quantity {
    q(v, exp, unit).with_unit_text(text.to_string())
}

fn point(c: Comparator, v: Quantity, dir: Option<Direction>, text: &str) -> Figure {
    Figure {
        comparator: c,
        value: Some(v),
        lower: None,
        upper: None,
        direction: dir,
        reference: None,
        text: text.into(),
    }
}

fn range(lo: Quantity, hi: Quantity, dir: Option<Direction>, text: &str) -> Figure {
    Figure {
        comparator: Comparator::Range,
        value: None,
        lower: Some(lo),
        upper: Some(hi),
        direction: dir,
        reference: None,
        text: text.into(),
    }
}

fn bare(c: Comparator, dir: Option<Direction>, reference: Option<Reference>, text: &str) -> Figure {
    Figure {
        comparator: c,
        value: None,
        lower: None,
        upper: None,
        direction: dir,
        reference,
        text: text.into(),
    }
}

use Comparator::*;
use Direction::{Decrease, Improve, Increase, Stable};

#[test]
fn point_targets() {
    let pct = |v| q(v, 0, Unit::Percent);
    let cases = vec![
        ("5%左右", point(Around, pct("5"), None, "5%左右")),
        (
            "1200万人以上",
            point(AtLeast, q("1200", 4, Unit::Person), None, "1200万人以上"),
        ),
        ("5.5%以内", point(AtMost, pct("5.5"), None, "5.5%以内")),
        ("不低于3%", point(AtLeast, pct("3"), None, "不低于3%")),
        (
            "控制在3%左右",
            point(Around, pct("3"), None, "控制在3%左右"),
        ),
        (
            "控制在3%以内",
            point(AtMost, pct("3"), None, "控制在3%以内"),
        ),
        ("控制在3%", point(AtMost, pct("3"), None, "控制在3%")),
        (
            "增长5%左右",
            point(Around, pct("5"), Some(Increase), "增长5%左右"),
        ),
        (
            "下降2.5%左右",
            point(Around, pct("2.5"), Some(Decrease), "下降2.5%左右"),
        ),
        (
            "降低3%左右",
            point(Around, pct("3"), Some(Decrease), "降低3%左右"),
        ),
        (
            "1.3万亿斤以上",
            point(AtLeast, q("1.3", 12, Unit::Jin), None, "1.3万亿斤以上"),
        ),
        ("按3%安排", point(Exact, pct("3"), None, "按3%安排")),
        (
            "涨幅3%左右",
            point(Around, pct("3"), Some(Increase), "涨幅3%左右"),
        ),
        (
            "提高0.2个百分点以上",
            point(
                AtLeast,
                q("0.2", 0, Unit::PercentagePoint),
                Some(Increase),
                "提高0.2个百分点以上",
            ),
        ),
        (
            "增长5%以上",
            point(AtLeast, pct("5"), Some(Increase), "增长5%以上"),
        ),
        (
            "保持在5.5%左右",
            point(Around, pct("5.5"), None, "保持在5.5%左右"),
        ),
        (
            "达到1.3万亿斤",
            point(Exact, q("1.3", 12, Unit::Jin), None, "达到1.3万亿斤"),
        ),
        ("为3%", point(Exact, pct("3"), None, "为3%")),
        ("不超过4.6%", point(AtMost, pct("4.6"), None, "不超过4.6%")),
        ("4.6%以内", point(AtMost, pct("4.6"), None, "4.6%以内")),
        ("约3%", point(Around, pct("3"), None, "约3%")),
        ("3%以下", point(AtMost, pct("3"), None, "3%以下")),
        (
            "下降0.29个百分点",
            point(
                Exact,
                q("0.29", 0, Unit::PercentagePoint),
                Some(Decrease),
                "下降0.29个百分点",
            ),
        ),
        (
            "4.06万亿元",
            point(Exact, q("4.06", 12, Unit::CNY), None, "4.06万亿元"),
        ),
        (
            "３％左右",
            point(Around, qt("3", 0, Unit::Percent, "％"), None, "３％左右"),
        ),
        (
            "比上年增长5.2%",
            point(Exact, pct("5.2"), Some(Increase), "比上年增长5.2%"),
        ),
        (
            "3000万人以上。",
            point(AtLeast, q("3000", 4, Unit::Person), None, "3000万人以上"),
        ),
        (" 约 3% ", point(Around, pct("3"), None, "约 3%")),
        ("-0.2%", point(Exact, pct("-0.2"), None, "-0.2%")),
        ("超过5%以上", point(MoreThan, pct("5"), None, "超过5%以上")),
    ];
    for (input, want) in cases {
        assert_eq!(parse_target(input), Ok(want), "{input}");
    }
}

#[test]
fn ranges() {
    let pct = |v| q(v, 0, Unit::Percent);
    for input in [
        "6%－6.5%",
        "6%-6.5%",
        "6%至6.5%",
        "6-6.5%",
        "6%～6.5%",
        "6% - 6.5%",
        "6%到6.5%",
    ] {
        assert_eq!(
            parse_target(input),
            Ok(range(pct("6"), pct("6.5"), None, input)),
            "{input}"
        );
    }
    assert_eq!(
        parse_target("６％－６．５％"),
        Ok(range(
            qt("6", 0, Unit::Percent, "％"),
            qt("6.5", 0, Unit::Percent, "％"),
            None,
            "６％－６．５％"
        ))
    );
    // The lower end takes the upper end's magnitude word when it has none.
    assert_eq!(
        parse_target("6-8万人"),
        Ok(range(
            q("6", 4, Unit::Person),
            q("8", 4, Unit::Person),
            None,
            "6-8万人"
        ))
    );
    assert_eq!(
        parse_target("增长6.5%-7%"),
        Ok(range(pct("6.5"), pct("7"), Some(Increase), "增长6.5%-7%"))
    );
    // An inverted range parses; validation reports it.
    assert_eq!(
        parse_target("6.5%-6%"),
        Ok(range(pct("6.5"), pct("6"), None, "6.5%-6%"))
    );
}

#[test]
fn outcome_bounds() {
    let cases = vec![
        (
            "超过2.2万亿元",
            point(MoreThan, q("2.2", 12, Unit::CNY), None, "超过2.2万亿元"),
        ),
        (
            "近3万亿千瓦时",
            point(
                LessThan,
                q("3", 12, Unit::KilowattHour),
                None,
                "近3万亿千瓦时",
            ),
        ),
        (
            "94%以上",
            point(AtLeast, q("94", 0, Unit::Percent), None, "94%以上"),
        ),
        (
            "250余万",
            point(MoreThan, q("250", 4, Unit::Number), None, "250余万"),
        ),
        (
            "250余万人",
            point(MoreThan, q("250", 4, Unit::Person), None, "250余万人"),
        ),
        (
            "1600多个",
            point(MoreThan, q("1600", 0, Unit::Generic), None, "1600多个"),
        ),
        (
            "逾1000亿元",
            point(MoreThan, q("1000", 8, Unit::CNY), None, "逾1000亿元"),
        ),
        (
            "不到1%",
            point(LessThan, q("1", 0, Unit::Percent), None, "不到1%"),
        ),
        (
            "增长5.2%",
            point(
                Exact,
                q("5.2", 0, Unit::Percent),
                Some(Increase),
                "增长5.2%",
            ),
        ),
        (
            "1244万人",
            point(Exact, q("1244", 4, Unit::Person), None, "1244万人"),
        ),
        (
            "32379.77亿美元",
            point(Exact, q("32379.77", 8, Unit::USD), None, "32379.77亿美元"),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(parse_figure(input), Ok(want), "{input}");
    }
    assert_eq!(
        parse_figure("十几个"),
        Ok(range(
            q("10", 0, Unit::Generic),
            q("20", 0, Unit::Generic),
            None,
            "十几个"
        ))
    );
    assert_eq!(
        parse_figure("数十亿元"),
        Ok(range(
            q("10", 8, Unit::CNY),
            q("100", 8, Unit::CNY),
            None,
            "数十亿元"
        ))
    );
}

#[test]
fn relational_direction_and_qualitative() {
    let same = |t: &str| {
        Some(Reference {
            text: t.into(),
            indicator: None,
            relation: Relation::Same,
        })
    };
    let cases = vec![
        (
            "与经济增长同步",
            bare(InStepWith, None, same("经济增长"), "与经济增长同步"),
        ),
        (
            "与经济增长基本同步",
            bare(InStepWith, None, same("经济增长"), "与经济增长基本同步"),
        ),
        ("基本同步", bare(InStepWith, None, None, "基本同步")),
        (
            "增长与经济增长同步",
            bare(
                InStepWith,
                Some(Increase),
                same("经济增长"),
                "增长与经济增长同步",
            ),
        ),
        (
            "高于国内生产总值增长",
            bare(
                Relative,
                None,
                Some(Reference {
                    text: "国内生产总值增长".into(),
                    indicator: None,
                    relation: Relation::Above,
                }),
                "高于国内生产总值增长",
            ),
        ),
        (
            "慢于经济增长",
            bare(
                Relative,
                None,
                Some(Reference {
                    text: "经济增长".into(),
                    indicator: None,
                    relation: Relation::Below,
                }),
                "慢于经济增长",
            ),
        ),
        ("基本平衡", bare(Qualitative, None, None, "基本平衡")),
        (
            "保持基本平衡",
            bare(Qualitative, None, None, "保持基本平衡"),
        ),
        (
            "基本稳定",
            bare(Qualitative, Some(Stable), None, "基本稳定"),
        ),
        (
            "稳中有升",
            bare(Qualitative, Some(Increase), None, "稳中有升"),
        ),
        (
            "合理增长",
            bare(Qualitative, Some(Increase), None, "合理增长"),
        ),
        (
            "持续改善",
            bare(DirectionOnly, Some(Improve), None, "持续改善"),
        ),
        (
            "继续下降",
            bare(DirectionOnly, Some(Decrease), None, "继续下降"),
        ),
        (
            "稳步提高",
            bare(DirectionOnly, Some(Increase), None, "稳步提高"),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(parse_target(input), Ok(want), "{input}");
    }
}

#[test]
fn errors_carry_spans() {
    let e = |s: &str| {
        parse_target(s)
            .map(|_| ())
            .map_err(|e| (e.kind(), e.span()))
    };
    assert_eq!(e(""), Err((ParseErrorKind::Empty, 0..0)));
    assert_eq!(e("  。"), Err((ParseErrorKind::Empty, 0..5)));
    assert_eq!(
        e("5%左右吧"),
        Err((ParseErrorKind::UnexpectedCharacter, 8..11))
    );
    assert_eq!(
        e("大概率5%"),
        Err((ParseErrorKind::UnexpectedCharacter, 6..11))
    );
    assert_eq!(
        e("不超过5%以上"),
        Err((ParseErrorKind::UnexpectedCharacter, 11..17))
    );
    assert_eq!(e("控制在"), Err((ParseErrorKind::MissingNumber, 9..9)));
    assert_eq!(e("5英里"), Err((ParseErrorKind::UnknownUnit, 1..7)));
    assert_eq!(
        e("增长5英里左右"),
        Err((ParseErrorKind::UnknownUnit, 7..19))
    );
    assert_eq!(
        e("数字经济"),
        Err((ParseErrorKind::UnexpectedCharacter, 0..12))
    );
    assert_eq!(
        e(&"5".repeat(5000)),
        Err((ParseErrorKind::TooLong, 0..5000))
    );
}

#[test]
fn from_str_and_serde_round_trip() {
    let f: Figure = "增长5%左右".parse().unwrap();
    let json = serde_json::to_string(&f).unwrap();
    assert_eq!(
        json,
        r#"{"comparator":"around","value":{"value":"5","exponent":0,"unit":"percent","unit_text":"%"},"direction":"increase","text":"增长5%左右"}"#
    );
    assert_eq!(serde_json::from_str::<Figure>(&json).unwrap(), f);
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,40}") {
        let _ = parse_target(&s);
        let _ = parse_figure(&s);
    }

    #[test]
    fn never_panics_on_figure_alphabet(s in "[0-9.%％－\\-～至万亿左右以上以内下降增长约近超过余多几十数与同步基本平衡控制在按安排个百分点人元 ]{0,30}") {
        let _ = parse_target(&s);
    }

    #[test]
    fn numbers_with_qualifiers_round_trip(int in 0u32..100_000, frac in 0u32..100, suffix in prop::sample::select(vec!["左右", "以上", "以内", ""])) {
        let text = format!("{int}.{frac:02}%{suffix}");
        let f = parse_target(&text).unwrap();
        let want = match suffix { "左右" => Around, "以上" => AtLeast, "以内" => AtMost, _ => Exact };
        prop_assert_eq!(f.comparator, want);
        prop_assert_eq!(f.value.unwrap().value().to_string(), format!("{int}.{frac:02}"));
    }
}

#[test]
fn more_direction_words_and_short_qualifiers() {
    use Comparator::*;
    let cases = [
        (
            "平均上调3.8%",
            point(
                Exact,
                q("3.8", 0, Unit::Percent),
                Some(Direction::Increase),
                "平均上调3.8%",
            ),
        ),
        (
            "收缩8.1%",
            point(
                Exact,
                q("8.1", 0, Unit::Percent),
                Some(Direction::Decrease),
                "收缩8.1%",
            ),
        ),
        (
            "下浮10%",
            point(
                Exact,
                q("10", 0, Unit::Percent),
                Some(Direction::Decrease),
                "下浮10%",
            ),
        ),
        (
            "超百亿元",
            point(MoreThan, q("100", 8, Unit::CNY), None, "超百亿元"),
        ),
        (
            "超5000亿元",
            point(MoreThan, q("5000", 8, Unit::CNY), None, "超5000亿元"),
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_target(input).unwrap(), expected, "{input}");
    }
    assert_eq!(
        parse_target("稳中改善").unwrap(),
        bare(Qualitative, Some(Direction::Improve), None, "稳中改善")
    );
}

#[test]
fn qualifiers_of_other_years_and_issuers() {
    let pct = |v| q(v, 0, Unit::Percent);
    let pp = |v| q(v, 0, Unit::PercentagePoint);
    let based = |text: &str, relation| {
        Some(Reference {
            text: text.into(),
            indicator: None,
            relation,
        })
    };
    let cases = vec![
        ("6.5%—7%", range(pct("6.5"), pct("7"), None, "6.5%—7%")),
        ("6.5%~7%", range(pct("6.5"), pct("7"), None, "6.5%~7%")),
        ("6.5-7%", range(pct("6.5"), pct("7"), None, "6.5-7%")),
        ("5%上下", point(Around, pct("5"), None, "5%上下")),
        ("在5.5%以内", point(AtMost, pct("5.5"), None, "在5.5%以内")),
        ("4.5%以内", point(AtMost, pct("4.5"), None, "4.5%以内")),
        ("3%以上", point(AtLeast, pct("3"), None, "3%以上")),
        ("不低于3.5%", point(AtLeast, pct("3.5"), None, "不低于3.5%")),
        ("力争达到7%", point(Exact, pct("7"), None, "力争达到7%")),
        ("确保3%以上", point(AtLeast, pct("3"), None, "确保3%以上")),
        (
            "下降3.4%以上",
            point(AtLeast, pct("3.4"), Some(Decrease), "下降3.4%以上"),
        ),
        // An aspiration after the figure leaves it as stated.
        (
            "增长6.5%左右，在实际工作中争取更好结果",
            point(
                Around,
                pct("6.5"),
                Some(Increase),
                "增长6.5%左右，在实际工作中争取更好结果",
            ),
        ),
        (
            "6.5%左右，努力争取更好结果",
            point(Around, pct("6.5"), None, "6.5%左右，努力争取更好结果"),
        ),
        // A share of the plan or budget is the percent, with no direction.
        (
            "完成年度计划的102.5%",
            point(Exact, pct("102.5"), None, "完成年度计划的102.5%"),
        ),
        (
            "为预算的99.8%",
            point(Exact, pct("99.8"), None, "为预算的99.8%"),
        ),
        // Points above or below a named base: the difference, its sign, and the base.
        (
            "高于全国0.3个百分点",
            Figure {
                reference: based("全国", Relation::Above),
                ..point(Exact, pp("0.3"), Some(Increase), "高于全国0.3个百分点")
            },
        ),
        (
            "低于全省平均水平0.2个百分点",
            Figure {
                reference: based("全省平均水平", Relation::Below),
                ..point(
                    Exact,
                    pp("0.2"),
                    Some(Decrease),
                    "低于全省平均水平0.2个百分点",
                )
            },
        ),
    ];
    for (input, want) in cases {
        assert_eq!(parse_target(input), Ok(want.clone()), "{input}");
        assert_eq!(parse_figure(input), Ok(want), "{input}");
    }
    // 争取更好结果 alone states no figure.
    assert_eq!(
        parse_target("在实际工作中争取更好结果").map_err(|e| e.code()),
        Err("unexpected-character")
    );
}
