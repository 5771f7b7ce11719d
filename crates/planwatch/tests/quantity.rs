//! Integration tests for numerals, units and quantities: the forms of the 2024 NDRC report,
//! error values, arithmetic, serde, and property tests (round trips, no panics).

use std::cmp::Ordering;

use planwatch::error::{ParseError, ParseErrorKind, QuantityError};
use planwatch::numerals::{Approx, Numeral, is_ordinal_or_name, parse_numeral, scan_numeral};
use planwatch::quantity::{Quantity, parse_quantity, scan_quantity};
use planwatch::units::{Dimension, Unit, scan_unit};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).expect("valid decimal literal")
}

fn q(v: &str, e: i32, u: Unit) -> Quantity {
    Quantity::new(d(v), e, u)
}

fn p(s: &str) -> Quantity {
    parse_quantity(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn report_forms_parse_to_exact_values() {
    let cases = [
        ("126.06万亿元", q("126.06", 12, Unit::CNY)),
        ("32379.77亿美元", q("32379.77", 8, Unit::USD)),
        ("1244万人", q("1244", 4, Unit::Person)),
        ("859.6万台", q("859.6", 4, Unit::Set)),
        ("1.3万亿斤", q("1.3", 12, Unit::Jin)),
        ("389.7公斤", q("389.7", 0, Unit::Kilogram)),
        ("30微克/立方米", q("30", 0, Unit::MicrogramPerCubicMetre)),
        ("6.3万平方公里", q("6.3", 4, Unit::SquareKilometre)),
        ("1.26亿亩", q("1.26", 8, Unit::Mu)),
        ("3万亿千瓦时", q("3", 12, Unit::KilowattHour)),
        ("3100万千瓦", q("3100", 4, Unit::Kilowatt)),
        ("0.29个百分点", q("0.29", 0, Unit::PercentagePoint)),
        ("5.2%", q("5.2", 0, Unit::Percent)),
        ("111.4%", q("111.4", 0, Unit::Percent)),
        ("百分之五", q("5", 0, Unit::Percent)),
        ("一点五", q("1.5", 0, Unit::Number)),
        ("三万四千", q("34000", 0, Unit::Number)),
        ("两千", q("2000", 0, Unit::Number)),
        ("1,100.9亿元", q("1100.9", 8, Unit::CNY)),
        ("－0.3%", q("-0.3", 0, Unit::Percent)),
        ("-0.3%", q("-0.3", 0, Unit::Percent)),
        ("5千万", q("5", 7, Unit::Number)),
        ("三十万", q("30", 4, Unit::Number)),
        ("3万4000", q("34000", 0, Unit::Number)),
        ("1.5万亿元", q("1.5", 12, Unit::CNY)),
        ("2.3亿吨标准煤", q("2.3", 8, Unit::TonCoalEquivalent)),
        ("78.6岁", q("78.6", 0, Unit::Age)),
        ("1.2万标箱", q("1.2", 4, Unit::Teu)),
    ];
    for (text, expected) in cases {
        assert_eq!(p(text), expected, "{text}");
    }
    assert_eq!(
        p("１２％"),
        q("12", 0, Unit::Percent).with_unit_text("％".into())
    );
    assert_eq!(p("１２％").unit_text(), "％");
    assert_eq!(p("100千克").unit_text(), "千克");
    assert_eq!(p("3百分点").unit_text(), "百分点");
}

#[test]
fn display_is_canonical_and_round_trips() {
    for text in [
        "126.06万亿元",
        "5.2%",
        "0.29个百分点",
        "1244万人",
        "32379.77亿美元",
        "-0.3%",
        "5.20%",
        "3100万千瓦",
        "5千万",
        "5e3元",
        "5e-3",
        "1e40元",
        "389.7千克",
    ] {
        let parsed = p(text);
        assert_eq!(parsed.to_string(), text);
        assert_eq!(p(&parsed.to_string()), parsed);
    }
    assert_eq!(p("百分之五").to_string(), "5%");
    assert_eq!(p(" 1,100.9亿元 ").to_string(), "1100.9亿元");
}

#[test]
fn parse_errors_are_typed_with_spans() {
    let err = |s: &str| parse_quantity(s).expect_err(s);
    assert_eq!(err(""), ParseError::new(ParseErrorKind::Empty, 0..0, ""));
    assert_eq!(
        err("5.2英里"),
        ParseError::new(ParseErrorKind::UnknownUnit, 3..9, "5.2英里")
    );
    assert_eq!(
        err("250余万人"),
        ParseError::new(ParseErrorKind::Approximate, 0..9, "250余万人")
    );
    assert_eq!(
        err("1600多个"),
        ParseError::new(ParseErrorKind::Approximate, 0..7, "1600多个")
    );
    assert_eq!(
        err("元"),
        ParseError::new(ParseErrorKind::MissingNumber, 0..3, "元")
    );
    assert_eq!(err("garbage").kind(), ParseErrorKind::UnexpectedCharacter);
    assert_eq!(err("十四五").kind(), ParseErrorKind::UnexpectedCharacter);
    assert_eq!(err("3万4千5百.2").kind(), ParseErrorKind::MixedScripts);
    assert_eq!(err("1二3").kind(), ParseErrorKind::MixedScripts);
    let big = "99999999999999999999999999999999万亿元";
    assert_eq!(
        err(big),
        ParseError::new(ParseErrorKind::Overflow, 0..32, big)
    );
    assert_eq!(err(big).code(), "overflow");
    let long = "1".repeat(10_000);
    assert_eq!(err(&long).kind(), ParseErrorKind::TooLong);
    assert_eq!(err(&long).code(), "too-long");
    assert_eq!(
        parse_numeral(&long).expect_err("overflow").kind(),
        ParseErrorKind::Overflow
    );
    assert_eq!(
        parse_numeral(&long).expect_err("overflow").span(),
        0..10_000
    );
    assert_eq!(err("1e99999999999").kind(), ParseErrorKind::Overflow);
}

#[test]
fn numerals_keep_magnitudes_and_bounds() {
    let n = |v: &str, e: i32, approx: Approx| Numeral {
        value: d(v),
        exponent: e,
        approx,
    };
    assert_eq!(parse_numeral("1.3万亿"), Ok(n("1.3", 12, Approx::Exact)));
    assert_eq!(
        parse_numeral("126.06万亿"),
        Ok(n("126.06", 12, Approx::Exact))
    );
    assert_eq!(parse_numeral("两千万"), Ok(n("2000", 4, Approx::Exact)));
    assert_eq!(parse_numeral("十二"), Ok(n("12", 0, Approx::Exact)));
    assert_eq!(parse_numeral("250余万"), Ok(n("250", 4, Approx::MoreThan)));
    assert_eq!(parse_numeral("1600多"), Ok(n("1600", 0, Approx::MoreThan)));
    assert_eq!(
        parse_numeral("十几"),
        Ok(n("10", 0, Approx::Between { high: d("20") }))
    );
    assert_eq!(
        parse_numeral("数十亿"),
        Ok(n("10", 8, Approx::Between { high: d("100") }))
    );
    assert_eq!(
        parse_numeral("几百"),
        Ok(n("100", 0, Approx::Between { high: d("1000") }))
    );
    assert_eq!(scan_numeral("十四五”规划"), None);
    assert!(is_ordinal_or_name("党的", "大精神"));
    assert!(is_ordinal_or_name("", "届全国人大"));
    assert!(!is_ordinal_or_name("增长", "%左右"));
}

#[test]
fn scan_quantity_reads_report_text() {
    let text = "全年国内生产总值（GDP）126.06万亿元，增长5.2%；城镇新增就业1244万人";
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if rest.as_bytes()[0].is_ascii_digit()
            && let Some((n, unit, _, end)) = scan_quantity(rest)
        {
            found.push((
                n.value.to_string(),
                n.exponent,
                unit,
                rest[..end].to_string(),
            ));
            i += end;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    assert_eq!(
        found,
        vec![
            ("126.06".into(), 12, Unit::CNY, "126.06万亿元".into()),
            ("5.2".into(), 0, Unit::Percent, "5.2%".into()),
            ("1244".into(), 4, Unit::Person, "1244万人".into()),
        ]
    );
}

#[test]
fn conversions_are_exact() {
    assert_eq!(
        p("1.39万亿斤").convert_to(&Unit::Ton),
        Ok(q("695000000", 0, Unit::Ton))
    );
    assert_eq!(p("126.06万亿元").to_base(), Ok(d("126060000000000")));
    assert_eq!(
        p("1亩").convert_to(&Unit::SquareKilometre),
        Err(QuantityError::Inexact)
    );
    assert_eq!(
        p("1.5亩").convert_to(&Unit::SquareMetre),
        Ok(q("1000", 0, Unit::SquareMetre))
    );
    assert_eq!(p("1公顷").convert_to(&Unit::Mu), Ok(q("15", 0, Unit::Mu)));
    assert_eq!(
        p("5%").convert_to(&Unit::PercentagePoint),
        Err(QuantityError::PercentVsPoint)
    );
    assert_eq!(
        p("1千瓦时").convert_to(&Unit::TonCoalEquivalent),
        Err(QuantityError::IncompatibleUnits {
            left: Unit::KilowattHour,
            right: Unit::TonCoalEquivalent
        })
    );
    assert_eq!(
        p("3‰").convert_to(&Unit::Percent),
        Ok(q("0.3", 0, Unit::Percent))
    );
    assert_eq!(Unit::Mu.dimension(), Dimension::Area);
}

#[test]
fn arithmetic_keeps_units_apart() {
    assert_eq!(
        p("5.2%").checked_sub(&p("5%")),
        Ok(q("0.2", 0, Unit::PercentagePoint))
    );
    assert_eq!(
        p("5.2%").checked_add(&p("0.3个百分点")),
        Err(QuantityError::PercentVsPoint)
    );
    assert_eq!(
        p("0.2个百分点").checked_add(&p("0.09个百分点")),
        Ok(q("0.29", 0, Unit::PercentagePoint))
    );
    assert_eq!(
        p("1元").checked_add(&p("1美元")),
        Err(QuantityError::IncompatibleUnits {
            left: Unit::CNY,
            right: Unit::USD
        })
    );
    assert_eq!(
        p("1.3万亿元").checked_add(&p("2000亿元")),
        Ok(q("1.5", 12, Unit::CNY))
    );
    assert_eq!(
        p("1244万人").checked_sub(&p("1206万人")),
        Ok(q("38", 4, Unit::Person))
    );
    assert_eq!(
        p("1.3万亿斤").cmp_amount(&p("6.5亿吨")),
        Ok(Ordering::Equal)
    );
    assert_eq!(p("1.3万亿斤").cmp_amount(&p("6.6亿吨")), Ok(Ordering::Less));
    assert_eq!(p("5.2%").checked_neg(), Ok(q("-5.2", 0, Unit::Percent)));
    assert!(p("5.2%").is_ratio());
}

#[test]
fn serde_is_lossless_and_validating() {
    let q1 = p("32379.77亿美元");
    let json = serde_json::to_string(&q1).expect("serialize");
    assert_eq!(
        json,
        r#"{"value":"32379.77","exponent":8,"unit":"USD","unit_text":"美元"}"#
    );
    let back: Quantity = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, q1);
    assert_eq!(back.value().to_string(), "32379.77");
    let scale_kept: Quantity =
        serde_json::from_str(r#"{"value":"5.20","exponent":0,"unit":"percent","unit_text":"%"}"#)
            .expect("deserialize");
    assert_eq!(scale_kept.to_string(), "5.20%");
    assert!(
        serde_json::from_str::<Quantity>(r#"{"value":"1","exponent":0,"unit":"furlong"}"#).is_err()
    );
    assert!(
        serde_json::from_str::<Quantity>(
            r#"{"value":"1","exponent":0,"unit":"CNY","unit_text":"美元"}"#
        )
        .is_err()
    );
}

/// A quantity as user JSON may give it: any `i32` exponent.
fn from_json(value: &str, exponent: i64, unit: &str) -> Quantity {
    serde_json::from_str(&format!(
        r#"{{"value":"{value}","exponent":{exponent},"unit":"{unit}"}}"#
    ))
    .expect("deserialize")
}

#[test]
fn extreme_exponents_from_json_are_exact_or_typed_errors() {
    let (max, min) = (i64::from(i32::MAX), i64::from(i32::MIN));
    let big = from_json("1", max, "CNY");
    let tiny = from_json("1", min, "CNY");
    let tinier = from_json("0.1", min, "CNY");
    // Display writes the exponent; both ends of i32 read back (e-2147483648 used to overflow).
    assert_eq!(big.to_string(), "1e2147483647元");
    assert_eq!(tiny.to_string(), "1e-2147483648元");
    for x in [&big, &tiny, &tinier] {
        assert_eq!(parse_quantity(&x.to_string()).as_ref(), Ok(x));
    }
    assert_eq!(
        parse_quantity("1e-2147483649元").map_err(|e| (e.kind(), e.span())),
        Err((ParseErrorKind::Overflow, 1..13))
    );
    assert_eq!(big.to_base(), Err(QuantityError::Overflow));
    assert_eq!(tiny.to_base(), Err(QuantityError::Inexact));
    assert_eq!(big.convert_to(&Unit::CNY), Err(QuantityError::Overflow));
    assert_eq!(
        from_json("0", min, "CNY").to_base(),
        Ok(d("0.0000000000000000000000000000"))
    );
    // 0.1e−2147483648 is a tenth of 1e−2147483648: the power must not saturate at i32::MIN.
    assert_eq!(tinier.cmp_amount(&tiny), Ok(Ordering::Less));
    assert_eq!(tiny.cmp_amount(&tinier), Ok(Ordering::Greater));
    assert_eq!(big.cmp_amount(&tiny), Ok(Ordering::Greater));
    assert_eq!(
        tinier.checked_add(&tinier),
        Ok(Quantity::new(d("0.2"), i32::MIN, Unit::CNY))
    );
    assert_eq!(
        tiny.checked_sub(&tinier),
        Ok(Quantity::new(d("0.9"), i32::MIN, Unit::CNY))
    );
    // Aligning 10^2147483647 with 10^−2147483648 needs a shift beyond i32: typed, no panic.
    assert_eq!(big.checked_add(&tiny), Err(QuantityError::Overflow));
    assert_eq!(tiny.checked_sub(&p("5元")), Err(QuantityError::Overflow));
    assert_eq!(
        from_json("1", min, "percent").checked_sub(&from_json("0.1", min, "percent")),
        Err(QuantityError::Inexact)
    );
}

fn any_unit() -> impl Strategy<Value = (Unit, &'static str)> {
    prop::sample::select(vec![
        (Unit::CNY, "元"),
        (Unit::USD, "美元"),
        (Unit::EUR, "欧元"),
        (Unit::HKD, "港币"),
        (Unit::JPY, "日元"),
        (Unit::Person, "人"),
        (Unit::PersonTime, "人次"),
        (Unit::Household, "户"),
        (Unit::Generic, "个"),
        (Unit::Set, "台"),
        (Unit::Teu, "标箱"),
        (Unit::Jin, "斤"),
        (Unit::Kilogram, "千克"),
        (Unit::Ton, "吨"),
        (Unit::Kilometre, "千米"),
        (Unit::SquareKilometre, "平方公里"),
        (Unit::Mu, "亩"),
        (Unit::KilowattHour, "千瓦时"),
        (Unit::KilowattHour, "度"),
        (Unit::TonCoalEquivalent, "吨标准煤"),
        (Unit::Kilowatt, "千瓦"),
        (Unit::MicrogramPerCubicMetre, "微克/立方米"),
        (Unit::Year, "年"),
        (Unit::Day, "日"),
        (Unit::Percent, "%"),
        (Unit::Percent, "％"),
        (Unit::PerMille, "‰"),
        (Unit::PercentagePoint, "个百分点"),
        (Unit::PercentagePoint, "百分点"),
        (Unit::Multiple, "倍"),
        (Unit::Number, ""),
    ])
}

fn any_quantity() -> impl Strategy<Value = Quantity> {
    (
        any::<i64>(),
        0u32..=10,
        prop_oneof![Just(0), Just(4), Just(8), Just(12), -30i32..30],
        any_unit(),
    )
        .prop_map(|(m, scale, e, (unit, text))| {
            Quantity::new(Decimal::new(m, scale), e, unit).with_unit_text(text.to_string())
        })
}

/// Any representable mantissa and scale with any `i32` exponent, as user JSON may hold.
fn extreme_quantity() -> impl Strategy<Value = Quantity> {
    (
        -((1i128 << 96) - 1)..(1i128 << 96),
        0u32..=28,
        prop_oneof![Just(i32::MIN), Just(i32::MAX), any::<i32>(), -40i32..40],
        any_unit(),
    )
        .prop_map(|(m, scale, e, (unit, text))| {
            let value = Decimal::try_from_i128_with_scale(m, scale).expect("in range");
            Quantity::new(value, e, unit).with_unit_text(text.to_string())
        })
}

proptest! {
    #[test]
    fn extreme_quantities_round_trip_and_never_panic(a in extreme_quantity(), b in extreme_quantity()) {
        let text = a.to_string();
        let parsed = parse_quantity(&text);
        prop_assert_eq!(parsed.as_ref(), Ok(&a));
        let json = serde_json::to_string(&a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: Quantity = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &a);
        let _ = (a.to_base(), a.convert_to(b.unit()), a.checked_add(&b));
        let b = Quantity::new(b.value(), b.exponent(), a.unit().clone());
        if let (Ok(ord), Ok(diff)) = (a.cmp_amount(&b), a.checked_sub(&b)) {
            prop_assert_eq!(ord, diff.value().cmp(&Decimal::ZERO));
        }
        prop_assert_eq!(a.cmp_amount(&a), Ok(Ordering::Equal));
    }

    #[test]
    fn display_parse_round_trip(qty in any_quantity()) {
        let text = qty.to_string();
        let back = parse_quantity(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &qty);
        prop_assert_eq!(back.to_string(), text);
        let json = serde_json::to_string(&qty).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let from_json: Quantity = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(from_json.to_string(), qty.to_string());
    }

    #[test]
    fn cmp_amount_agrees_with_subtraction(a in any_quantity(), b in any_quantity()) {
        let b = Quantity::new(b.value(), b.exponent(), a.unit().clone());
        if let (Ok(ord), Ok(diff)) = (a.cmp_amount(&b), a.checked_sub(&b)) {
            prop_assert_eq!(ord, diff.value().cmp(&Decimal::ZERO));
        }
    }

    #[test]
    fn no_panics_on_numeral_like_text(s in "[0-9０-９.,．%％‰元人亿万千百十零〇一二两三四五六七八九几数余多点个百分之e\\-－ ]{0,40}") {
        let _ = parse_quantity(&s);
        let _ = parse_numeral(&s);
        let _ = scan_numeral(&s);
        let _ = scan_unit(&s);
        let _ = scan_quantity(&s);
    }

    #[test]
    fn no_panics_on_any_text(s in "\\PC{0,60}") {
        let _ = parse_quantity(&s);
        let _ = parse_numeral(&s);
        for (i, _) in s.char_indices() {
            if let Some((_, len)) = scan_numeral(&s[i..]) {
                prop_assert!(len > 0 && s.is_char_boundary(i + len));
            }
            if let Some((_, len)) = scan_unit(&s[i..]) {
                prop_assert!(len > 0 && s.is_char_boundary(i + len));
            }
            if let Some((_, _, us, end)) = scan_quantity(&s[i..]) {
                prop_assert!(us <= end && s.is_char_boundary(i + end));
            }
        }
    }

    #[test]
    fn scanned_exact_numerals_parse_back(s in "[0-9一二三四五六七八九十百千万亿.]{1,12}") {
        if let Some((n, len)) = scan_numeral(&s)
            && n.approx == Approx::Exact
        {
            prop_assert_eq!(parse_numeral(&s[..len]), Ok(n));
        }
    }
}

#[test]
fn order_agrees_with_equality() {
    use std::collections::HashSet;
    let (a, b) = (p("1万元"), p("10000元"));
    // Same amount, other form: not equal, so not ordered either way.
    assert_ne!(a, b);
    assert_eq!(a.partial_cmp(&b), None);
    assert_eq!([a <= b, a >= b, a < b, a > b], [false; 4]);
    assert_eq!(a.cmp_amount(&b), Ok(Ordering::Equal));
    // Equal quantities are Equal, and hash alike.
    assert_eq!(p("5.2%").partial_cmp(&p("5.20%")), Some(Ordering::Equal));
    let set: HashSet<Quantity> = [p("5.2%"), p("5.20%"), p("5.2％")].into_iter().collect();
    assert_eq!(set.len(), 2);
    // Different amounts order by amount, across exponents and units of one dimension.
    assert!(p("1万元") < p("10001元"));
    assert!(p("1.3万亿斤") < p("6.6亿吨"));
    assert!(p("-0.3%") < p("0.1‰"));
    // Different dimensions are not ordered.
    assert_eq!(p("1人").partial_cmp(&p("1台")), None);
    assert_eq!(p("5%").partial_cmp(&p("5个百分点")), None);
}

proptest! {
    #[test]
    fn order_is_consistent_with_equality(a in any_quantity(), b in any_quantity()) {
        let b = Quantity::new(b.value(), b.exponent(), a.unit().clone());
        match a.partial_cmp(&b) {
            Some(Ordering::Equal) => prop_assert_eq!(&a, &b),
            Some(o) => {
                prop_assert_ne!(&a, &b);
                prop_assert_eq!(b.partial_cmp(&a), Some(o.reverse()));
                prop_assert_eq!(a.cmp_amount(&b), Ok(o));
            }
            None => {
                prop_assert_ne!(&a, &b);
                prop_assert_eq!([a <= b, a >= b], [false; 2]);
            }
        }
    }
}

/// `n` written in Chinese numerals the way reports write them: sections of 万 and 亿, 零 for
/// the gaps (`一亿零五百万`), and above 亿 a 万 section of its own (`一千二百三十四万五千亿`).
fn chinese(n: u64, digits: &[&str; 10], units: &[&str; 3], big: (&str, &str)) -> String {
    fn group(g: u64, out: &mut String, digits: &[&str; 10], units: &[&str; 3]) {
        let ds = [g / 1000, g / 100 % 10, g / 10 % 10, g % 10];
        let (mut started, mut zero) = (false, false);
        for (i, &d) in ds.iter().enumerate() {
            if d == 0 {
                zero |= started;
                continue;
            }
            if zero {
                out.push_str(digits[0]);
                zero = false;
            }
            out.push_str(digits[d as usize]);
            if i < 3 {
                out.push_str(units[i]);
            }
            started = true;
        }
    }
    fn section(s: u64, out: &mut String, digits: &[&str; 10], units: &[&str; 3], wan: &str) {
        let (hi, lo) = (s / 10_000, s % 10_000);
        if hi > 0 {
            group(hi, out, digits, units);
            out.push_str(wan);
            if lo > 0 {
                if lo < 1000 {
                    out.push_str(digits[0]);
                }
                group(lo, out, digits, units);
            }
        } else {
            group(lo, out, digits, units);
        }
    }
    if n == 0 {
        return digits[0].to_string();
    }
    let mut out = String::new();
    let (yi, rest) = (n / 100_000_000, n % 100_000_000);
    if yi > 0 {
        section(yi, &mut out, digits, units, big.0);
        out.push_str(big.1);
        if rest > 0 {
            if rest < 10_000_000 {
                out.push_str(digits[0]);
            }
            section(rest, &mut out, digits, units, big.0);
        }
    } else {
        section(rest, &mut out, digits, units, big.0);
    }
    out
}

const PLAIN: ([&str; 10], [&str; 3], (&str, &str)) = (
    ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
    ["千", "百", "十"],
    ("万", "亿"),
);
const TRADITIONAL: ([&str; 10], [&str; 3], (&str, &str)) = (
    ["零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"],
    ["仟", "佰", "拾"],
    ("萬", "億"),
);

/// The amount `value × 10^exponent` of a numeral, as an integer.
fn amount(n: &Numeral) -> Option<i128> {
    let scale = 10i128.checked_pow(u32::try_from(n.exponent).ok()?)?;
    let v = n
        .value
        .checked_mul(Decimal::from_i128_with_scale(scale, 0))?;
    v.fract()
        .is_zero()
        .then(|| v.mantissa() / 10i128.pow(v.scale()))
}

proptest! {
    #[test]
    fn chinese_numerals_in_every_script_read_their_amount(
        n in prop_oneof![0u64..10_000, 0u64..100_000_000, 0u64..10_000_000_000_000_000],
        traditional in any::<bool>(),
        negative in any::<bool>(),
    ) {
        let (digits, units, big) = if traditional { TRADITIONAL } else { PLAIN };
        let text = format!("{}{}", if negative { "负" } else { "" }, chinese(n, &digits, &units, big));
        let got = parse_numeral(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert!(got.is_exact(), "{}", text);
        let want = if negative { -i128::from(n) } else { i128::from(n) };
        prop_assert_eq!(amount(&got), Some(want), "{}", text);
    }

    #[test]
    fn spaced_out_digits_read_as_one_number(n in 0u64..1_000_000_000, frac in 0u32..100) {
        let spaced = |s: String| s.chars().map(String::from).collect::<Vec<_>>().join(" ");
        let text = format!("{} ．{} ％", spaced(n.to_string()), spaced(format!("{frac:02}")));
        let q = parse_quantity(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(q.value(), Decimal::new(i64::try_from(n).unwrap_or(0) * 100 + i64::from(frac), 2));
        prop_assert_eq!(q.unit(), &Unit::Percent);
    }

    #[test]
    fn new_forms_never_panic(s in "[0-9０-９.,，．·・%％‰元圆圓块角毛分整正人民币幣亿億万萬千百十拾佰仟零〇○一二两兩贰貳三參四五六陆陸七八九廿卅卌几幾数數余餘多点點负負半成之/ 　e\\-－]{0,40}") {
        let _ = parse_quantity(&s);
        let _ = parse_numeral(&s);
        let _ = planwatch::parse_figure(&s);
        let _ = planwatch::extract(&s);
        for (i, _) in s.char_indices() {
            if let Some((_, len)) = scan_numeral(&s[i..]) {
                prop_assert!(len > 0 && s.is_char_boundary(i + len));
            }
            if let Some((_, _, us, end)) = scan_quantity(&s[i..]) {
                prop_assert!(us <= end && s.is_char_boundary(i + end));
            }
        }
    }

    #[test]
    fn quantities_of_new_forms_read_back_from_display(s in "负?[一二三四五六七八九十百千万萬亿億廿零点點]{1,8}(分之[一二三五八]|成半|元[一二三]角[四五]分|[元圆%‰倍人]|个百分点|個百分點)?") {
        if let Ok(q) = parse_quantity(&s) {
            let text = q.to_string();
            let back = parse_quantity(&text);
            prop_assert_eq!(back.as_ref(), Ok(&q), "{} shown as {}", s, text);
        }
        if let Ok(n) = parse_numeral(&s)
            && let Some(word) = match n.exponent { 0 => Some(""), 4 => Some("万"), 8 => Some("亿"), 12 => Some("万亿"), _ => None }
        {
            let text = format!("{}{word}", n.value);
            if n.is_exact() {
                prop_assert_eq!(parse_numeral(&text), Ok(n), "{} shown as {}", s, text);
            }
        }
    }
}
