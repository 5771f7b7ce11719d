//! Numerals as published: Arabic (half- and full-width digits, `.` and `．` decimal points),
//! Chinese (零〇一二两三四五六七八九十百千万亿), financial (壹贰叁肆伍陆柒捌玖拾佰仟), traditional
//! (萬 億 點 兩 貳 參 陸 負 幾 餘 數) and old (廿 卅 卌, ○ for zero), mixed (`3万4000`, `1.3万亿`,
//! `3千5百万`), negative (`负0.2`), fractional (`三分之一`, `1/4`, `一半`) and approximate
//! (`250余万`, `1600多`, `十几`, `数十亿`, `几百`, `一百零几万`).
//!
//! Every Chinese character the reader knows is listed once, in one table of this module; the
//! extractor's scanner builds its stop set from the same table, so it stops at every character
//! a numeral can start with (`貳拾億元`, `负0.3%`, `廿二`).
//!
//! A [`Numeral`] keeps the published mantissa and the magnitude word as a power-of-ten exponent:
//!
//! * An Arabic mantissa followed by a magnitude word keeps the mantissa as written:
//!   `1.3万亿` → (1.3, 12), `5千万` → (5, 7), `126.06万亿` → (126.06, 12). Magnitude words are
//!   万 (4), 亿 (8), 万亿 (12), the older texts' 万万 (8: `四万万` is 4亿, `10万万` is 10亿) and
//!   the compounds 十万 (5), 百万 (6), 千万 (7), 十亿 (9), 百亿 (10), 千亿 (11). A lone 十/百/千
//!   after Arabic digits is not read (it starts 千瓦, 千克, 千米).
//! * A numeral ending in 万/亿/万亿 otherwise takes everything before the last magnitude word as
//!   the mantissa: `三十万` → (30, 4), `两千万` → (2000, 4), `1亿2000万` → (12000, 4),
//!   `四十五億零四百零四萬` → (450404, 4). Magnitude words come in any order: one above all those
//!   before it multiplies them, `一万五千亿` → (15000, 8), the same amount as 1.5万亿. Digits
//!   after 点 that follow a magnitude word belong to its mantissa: `两千万点五五四四` →
//!   (2000.5544, 4).
//! * Any other numeral has exponent 0: `三万四千` → 34000, `3万4000` → 34000, `十二` → 12,
//!   `一万五` → 15000 (a trailing digit after a unit takes the next lower place; so do the old
//!   forms `百三` → 130 and `千一` → 1100), `一点五` → 1.5, `一百点123` → 100.123, `廿二` → 22.
//! * A run of Chinese digits without units is read positionally only when it contains a zero
//!   (`二〇二四` → 2024, `一九五○` → 1950); other runs (`一二`, `十四五`) are not numerals.
//!
//! Signs: 负 (負) before a numeral makes it negative (`负十一` → -11, `负零点一` → -0.1, bounds of an
//! approximate numeral negated too); [`parse_numeral`] also reads a written sign (`-0.2`, `－1.5`,
//! `+3`), which [`scan_numeral`] leaves to its caller (in running text a dash joins ranges).
//! [`minus_is_word`] tells a sign from the end of a word (税负5700多亿元 is no negative amount).
//!
//! Fractions are exact rationals. `X分之Y` is Y/X (`五分之一` → 0.2, `千分之二点四` → 0.0024,
//! `百分之百` → 1, a bare unit as denominator or numerator), and so are `1/4` (small integers
//! only: `2024/3/5` is a date) and `一半` (0.5). When the quotient has at most 28 decimal places
//! it is exact; otherwise ([`Decimal`] cannot hold `三分之一`) the numeral is the quotient
//! truncated to 28 places with [`Approx::Between`] whose `high` is one unit of the 28th place
//! above: the true value lies strictly between, and [`Numeral::is_exact`] is false, so exact
//! parsers ([`crate::quantity::parse_quantity`]) refuse it as approximate and
//! [`crate::figure::parse_figure`] reads it as a range of those bounds. (The quantity layer reads
//! 百分之, 千分之 and 万分之 as percent and per mille, not as fractions of one.)
//!
//! Separators: `,` groups of three digits, and the full-width `，` when the digits are full-width
//! (`２７，２０３，３１９，０００`), the number has another `，` group, a decimal point follows
//! (`82，225.00`) or a magnitude word (`33，212万吨`); a lone `，` between half-width digits is a
//! clause break. The middle dots `·` and `・` are decimal points between digits (`14·1`).
//! Spaces: a number printed with a space after every digit is one number (`1 9 9 7`,
//! `7 4 7 7 2 亿`, `8 ．8 ％`, taking the space before a unit or magnitude word but not before
//! 年/月/日); spaces may stand before a magnitude word (`1000  万`) and after 点 (`四点 五`).
//!
//! Names that only look like numbers: [`scan_numeral`] returns `None` for a Chinese numeral
//! directly followed by another Chinese digit it cannot absorb (`十四五`, the 14th Five-Year Plan,
//! is not 145 nor 14; `一二三产业`). Context rules that need the surrounding text (`第三`,
//! `二十大`, `十四届`, `一是`) are in [`is_ordinal_or_name`], which callers apply around a scanned
//! numeral.
//!
//! Limits: mantissas have at most 28 significant digits and 28 decimal places (the range of
//! [`Decimal`]). [`scan_numeral`] returns `None` for a longer number after looking at no more than
//! about 38 digits, so scanning is linear in the input even on pathological digit runs;
//! [`parse_numeral`] reports [`ParseErrorKind::Overflow`] with the span of the whole digit run.
//!
//! ```
//! use planwatch::numerals::{parse_numeral, scan_numeral, Approx};
//! let (n, len) = scan_numeral("126.06万亿元").unwrap();
//! assert_eq!((n.value.to_string(), n.exponent, n.approx, len), ("126.06".into(), 12, Approx::Exact, 12));
//! let (n, _) = scan_numeral("250余万农村").unwrap();
//! assert_eq!((n.value.to_string(), n.exponent, n.approx), ("250".into(), 4, Approx::MoreThan));
//! assert!(scan_numeral("十四五”规划").is_none());
//!
//! let show = |s: &str| {
//!     let n = parse_numeral(s).unwrap();
//!     (n.value.to_string(), n.exponent)
//! };
//! assert_eq!(show("一万五千亿"), ("15000".into(), 8));
//! assert_eq!(show("四万万"), ("4".into(), 8));
//! assert_eq!(show("四十五億零四百零四萬"), ("450404".into(), 4));
//! assert_eq!(show("两千万点五五四四"), ("2000.5544".into(), 4));
//! assert_eq!(show("一百点123"), ("100.123".into(), 0));
//! assert_eq!(show("貳拾億"), ("20".into(), 8));
//! assert_eq!(show("廿二"), ("22".into(), 0));
//! assert_eq!(show("百三"), ("130".into(), 0));
//! assert_eq!(show("负零点一"), ("-0.1".into(), 0));
//! assert_eq!(show("-0.2"), ("-0.2".into(), 0));
//! assert_eq!(show("五分之一"), ("0.2".into(), 0));
//! assert_eq!(show("千分之二点四"), ("0.0024".into(), 0));
//! assert_eq!(show("1/4"), ("0.25".into(), 0));
//! assert_eq!(show("一半"), ("0.5".into(), 0));
//! assert_eq!(show("２７，２０３，３１９，０００"), ("27203319000".into(), 0));
//! assert_eq!(show("82，225.00"), ("82225.00".into(), 0));
//! assert_eq!(show("33，212万"), ("33212".into(), 4));
//! assert_eq!(show("14·1"), ("14.1".into(), 0));
//! assert_eq!(show("7 4 7 7 2 亿"), ("74772".into(), 8));
//! assert_eq!(show("1000  万"), ("1000".into(), 4));
//! assert_eq!(show("四点 五"), ("4.5".into(), 0));
//!
//! // 三分之一 has no finite decimal: its 28-place bounds, flagged inexact.
//! let third = parse_numeral("三分之一").unwrap();
//! assert!(!third.is_exact());
//! assert_eq!(third.value.to_string(), "0.3333333333333333333333333333");
//! assert_eq!(third.approx, Approx::Between { high: "0.3333333333333333333333333334".parse().unwrap() });
//! // 一百零几万: between 100万 and 110万.
//! let n = parse_numeral("一百零几万").unwrap();
//! assert_eq!((n.value.to_string(), n.exponent, n.approx), ("100".into(), 4, Approx::Between { high: 110.into() }));
//!
//! // Not numbers: plan names, digit-by-digit readings, ordinals.
//! for s in ["十四五", "一二三产业"] {
//!     assert_eq!(parse_numeral(s).unwrap_err().code(), "unexpected-character");
//! }
//! assert_eq!(parse_numeral("第十四").unwrap_err().code(), "missing-number");
//! ```

use std::ops::Range;

use rust_decimal::Decimal;

use crate::error::{ParseError, ParseErrorKind};
use crate::numeral_chars::{
    Form, NUMERAL_CHARS, NumeralChar, Tok, classify, numeral_char, numeral_char_at_cp,
};

/// How exact a numeral is.
///
/// ```
/// use planwatch::numerals::{scan_numeral, Approx};
/// let (n, _) = scan_numeral("数十亿").unwrap();
/// assert_eq!(n.approx, Approx::Between { high: 100.into() });
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Approx {
    /// The value as written.
    Exact,
    /// A bit more than the value (余, 多): `250余万` is a bit more than 250万.
    MoreThan,
    /// Between the value and `high` (same exponent): `十几` is between 10 and 20, `数十亿` between
    /// 10亿 and 100亿, `几百` between 100 and 1000, `一百零几万` between 100万 and 110万. A
    /// fraction without a finite decimal form is between its 28-place bounds: `三分之一` is
    /// between 0.3333333333333333333333333333 and 0.3333333333333333333333333334.
    Between {
        /// The upper bound of the mantissa (exclusive in spirit: `十几` < 20).
        high: Decimal,
    },
}

/// A numeral: the published mantissa, the exponent of its magnitude word, and its exactness.
/// The number it denotes is `value × 10^exponent`.
///
/// ```
/// use planwatch::numerals::{Approx, Numeral};
/// let n: Numeral = "1.3万亿".parse().unwrap();
/// assert_eq!(n, Numeral { value: "1.3".parse().unwrap(), exponent: 12, approx: Approx::Exact });
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Numeral {
    /// The mantissa as published (scale preserved for Arabic numerals).
    pub value: Decimal,
    /// The power of ten of the magnitude word (万 = 4, 亿 = 8, 万亿 = 12; 0 without one).
    pub exponent: i32,
    /// Exactness of the numeral.
    pub approx: Approx,
}

impl Numeral {
    /// Whether the numeral is exact.
    ///
    /// ```
    /// use planwatch::numerals::parse_numeral;
    /// assert!(parse_numeral("三万四千").unwrap().is_exact());
    /// assert!(!parse_numeral("1600多").unwrap().is_exact());
    /// ```
    pub fn is_exact(&self) -> bool {
        self.approx == Approx::Exact
    }
}

impl std::str::FromStr for Numeral {
    type Err = ParseError;

    /// Same as [`parse_numeral`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_numeral(s)
    }
}

/// Reads the longest numeral at the start of `s`; returns it with the number of bytes consumed.
///
/// Returns `None` when `s` does not start with a numeral, when the numeral is a name such as
/// `十四五`, or when it exceeds the range of [`Decimal`] (see the module docs). Does not allocate;
/// ASCII digits take a byte-level fast path. Of signs only the word 负 is read (a dash is left to
/// the caller: see [`crate::quantity::parse_quantity`]).
///
/// ```
/// use planwatch::numerals::scan_numeral;
/// let (n, len) = scan_numeral("1,100.9亿元").unwrap();
/// assert_eq!((n.value.to_string(), n.exponent, len), ("1100.9".to_string(), 8, 10));
/// let (n, len) = scan_numeral("3100万千瓦").unwrap();
/// assert_eq!((n.value.to_string(), n.exponent, len), ("3100".to_string(), 4, 7));
/// let (n, _) = scan_numeral("三十万").unwrap();
/// assert_eq!((n.value.to_string(), n.exponent), ("30".to_string(), 4));
/// assert!(scan_numeral("数字经济").is_none());
/// ```
pub fn scan_numeral(s: &str) -> Option<(Numeral, usize)> {
    match scan_detailed(s) {
        Scan::Found(n, len) => Some((n, len)),
        Scan::NotNumeral | Scan::Error(..) => None,
    }
}

/// Parses a whole string (surrounding whitespace trimmed) as one numeral, exact or approximate,
/// with an optional leading sign (`-`, `－`, `−`, `+`, `＋`, or 负).
///
/// ```
/// use planwatch::numerals::{parse_numeral, Approx};
/// use planwatch::error::ParseErrorKind;
/// let n = parse_numeral("一点五").unwrap();
/// assert_eq!((n.value.to_string(), n.exponent), ("1.5".to_string(), 0));
/// assert_eq!(parse_numeral("十几").unwrap().approx, Approx::Between { high: 20.into() });
/// assert_eq!(parse_numeral(&"9".repeat(10_000)).unwrap_err().kind(), ParseErrorKind::Overflow);
/// assert_eq!(parse_numeral("").unwrap_err().kind(), ParseErrorKind::Empty);
/// ```
pub fn parse_numeral(s: &str) -> Result<Numeral, ParseError> {
    let mut lead = s.len() - s.trim_start().len();
    let mut t = s.trim();
    if t.is_empty() {
        return Err(ParseError::new(ParseErrorKind::Empty, 0..s.len(), s));
    }
    // A written sign: -0.2, －0.2, −0.2, +3 (负 is read by the scanner).
    let (sign, negative) = match t.chars().next() {
        Some(c @ ('-' | '－' | '−')) => (c.len_utf8(), true),
        Some(c @ ('+' | '＋')) => (c.len_utf8(), false),
        _ => (0, false),
    };
    if sign > 0 {
        t = &t[sign..];
        lead += sign;
        if t.is_empty() || t.starts_with(char::is_whitespace) {
            return Err(ParseError::new(
                ParseErrorKind::MissingNumber,
                lead..lead + t.len(),
                s,
            ));
        }
    }
    // 负 is a sign only right before its number, as a written sign is (`负 5`, like `- 5`, has
    // no number after its sign): in running text 负 before a space ends a word (抱负 ，自负 ).
    if sign == 0
        && let Some(c) = t.chars().next().filter(|&c| is_minus_word(c))
        && t[c.len_utf8()..].starts_with(char::is_whitespace)
    {
        let at = lead + c.len_utf8();
        return Err(ParseError::new(
            ParseErrorKind::MissingNumber,
            at..lead + t.len(),
            s,
        ));
    }
    match scan_detailed(t) {
        Scan::Found(n, len) if len == t.len() && negative => Ok(negated(n)),
        Scan::Found(n, len) if len == t.len() => Ok(n),
        Scan::Found(_, len) => {
            let rest = &t[len..];
            // Mixed scripts: the numeral read and the rest are of different scripts (`1二3`,
            // `3万4千5百.2`); anything else is an unexpected character (`廿十`, `1,10`).
            let arabic = |c: char| arabic_digit(c).is_some() || matches!(c, '.' | '．' | ',');
            let read_arabic = t[..len].chars().next_back().is_some_and(arabic);
            let rest_arabic = rest.chars().next().is_some_and(arabic);
            let kind = if starts_numeral_char(rest) && read_arabic != rest_arabic {
                ParseErrorKind::MixedScripts
            } else {
                ParseErrorKind::UnexpectedCharacter
            };
            Err(ParseError::new(kind, lead + len..lead + t.len(), s))
        }
        Scan::NotNumeral => {
            // Text that starts with numeral characters but makes no number (`十四五`, `几乎`) is
            // unexpected; text that starts otherwise (`元`, `第十四`) has no number to read.
            let numeric = t.chars().next().is_some_and(|c| {
                arabic_digit(c).is_some() || classify(c).is_some_and(|k| k != Tok::Minus)
            });
            let kind = if numeric {
                ParseErrorKind::UnexpectedCharacter
            } else {
                ParseErrorKind::MissingNumber
            };
            Err(ParseError::new(kind, lead..lead + t.len(), s))
        }
        Scan::Error(kind, span) => {
            let end = span.end.max(numeral_run(t));
            Err(ParseError::new(kind, lead + span.start..lead + end, s))
        }
    }
}

/// Whether a numeral between `text_before` and `text_after` is an ordinal or part of a name
/// rather than a figure.
///
/// The rule: the numeral is preceded by 第 (ordinal: 第三, 第14), or followed by
/// * another Chinese digit (`十四五`, `十三五`: plan names; `一二` lists),
/// * 大, 届, 中全会, 次会议, 次全会, 号, 代, 是, 型 (`二十大`, `十四届`, `二中全会`, `二次会议`,
///   `神舟十六号`, `四代核电`, `一是`, `C919型`),
/// * an enumeration mark `、` `）` `)` (`一、`, `（一）`),
/// * or, for 一, a word it forms: 步 些 般 致 体 起 切 直 定 旦 带 线 流 系列 方面 同 道 样 批.
///
/// ```
/// use planwatch::numerals::is_ordinal_or_name;
/// assert!(is_ordinal_or_name("", "五”规划"));
/// assert!(is_ordinal_or_name("党的", "大精神"));
/// assert!(is_ordinal_or_name("第", "届"));
/// assert!(is_ordinal_or_name("进", "步"));
/// assert!(!is_ordinal_or_name("增长", "%"));
/// ```
pub fn is_ordinal_or_name(text_before: &str, text_after: &str) -> bool {
    if text_before.ends_with('第') {
        return true;
    }
    let Some(c) = text_after.chars().next() else {
        return false;
    };
    if matches!(classify(c), Some(Tok::Digit(_) | Tok::Zero)) {
        return true;
    }
    const AFTER: &[&str] = &[
        "大",
        "届",
        "中全会",
        "次会议",
        "次全会",
        "号",
        "代",
        "是",
        "型",
        "、",
        "）",
        ")",
        "步",
        "些",
        "般",
        "致",
        "体",
        "起",
        "切",
        "直",
        "定",
        "旦",
        "带",
        "线",
        "流",
        "系列",
        "方面",
        "同",
        "道",
        "样",
        "批",
    ];
    AFTER.iter().any(|w| text_after.starts_with(w))
}

/// Whether `s` starts with a character that belongs to numerals (digit, decimal point, Chinese
/// numeral or unit character).
pub(crate) fn starts_numeral_char(s: &str) -> bool {
    match s.chars().next() {
        Some(c) => {
            arabic_digit(c).is_some()
                || matches!(c, '.' | '．' | ',')
                || matches!(
                    classify(c),
                    Some(
                        Tok::Digit(_)
                            | Tok::Zero
                            | Tok::Small(_)
                            | Tok::Big(_)
                            | Tok::Tens(_)
                            | Tok::Point
                    )
                )
        }
        None => false,
    }
}

/// Byte length of the run of digits and separators at the start of `s` (for error spans).
pub(crate) fn numeral_run(s: &str) -> usize {
    s.chars()
        .take_while(|&c| {
            arabic_digit(c).is_some()
                || matches!(c, '.' | '．' | ',' | '，')
                || chinese_digit(c).is_some()
        })
        .map(char::len_utf8)
        .sum()
}

/// Outcome of a detailed scan.
pub(crate) enum Scan {
    /// A numeral and the bytes consumed.
    Found(Numeral, usize),
    /// No numeral at the start (or a name such as 十四五).
    NotNumeral,
    /// A numeral that cannot be represented or is malformed.
    Error(ParseErrorKind, Range<usize>),
}

/// Largest mantissa of a [`Decimal`]: 2^96 - 1.
const MAX_MANTISSA: u128 = (1u128 << 96) - 1;
/// Largest scale of a [`Decimal`].
const MAX_SCALE: u32 = 28;
/// Digits read before giving up on a run (beyond any representable mantissa).
const MAX_DIGITS: u32 = 38;

/// The value of a Chinese digit (零〇○ to 九, 两, financial and traditional forms).
///
/// ```
/// assert_eq!(planwatch::numerals::chinese_digit('貳'), Some(2));
/// assert_eq!(planwatch::numerals::chinese_digit('〇'), Some(0));
/// assert_eq!(planwatch::numerals::chinese_digit('十'), None);
/// ```
pub fn chinese_digit(c: char) -> Option<u32> {
    match classify(c)? {
        Tok::Digit(d) => Some(u32::from(d)),
        Tok::Zero => Some(0),
        _ => None,
    }
}

/// Whether `c` is a Chinese numeral character that makes up a number: a digit, a unit
/// (十 百 千 and their financial forms), a magnitude word (万 亿 萬 億) or an old tens character
/// (廿 卅). Decimal points, signs and approximation words are not counted.
///
/// ```
/// use planwatch::numerals::is_chinese_numeral;
/// assert!(is_chinese_numeral('億') && is_chinese_numeral('拾') && is_chinese_numeral('廿'));
/// assert!(!is_chinese_numeral('点') && !is_chinese_numeral('多') && !is_chinese_numeral('元'));
/// ```
pub fn is_chinese_numeral(c: char) -> bool {
    crate::numeral_chars::is_number_char(c)
}

/// Whether `c` is a magnitude word (万 亿 萬 億).
pub(crate) fn is_magnitude_char(c: char) -> bool {
    matches!(classify(c), Some(Tok::Big(_)))
}

/// Whether the code point of a Chinese character can start a numeral (see
/// [`Tok::starts_numeral`]).
#[inline]
pub(crate) fn starts_chinese_numeral(cp: u32) -> bool {
    numeral_char_at_cp(cp).is_some_and(|e| e.tok.starts_numeral())
}

/// Whether `c` is a place word above ten (百 千 万 亿 in every form): a numeral may start with
/// one alone (`百万`), but in running text such a character mostly starts a word (百姓, 千方百计,
/// 万万不可), and a share (`百分之五`) is read before it.
#[inline]
pub(crate) fn is_place_word(c: char) -> bool {
    matches!(classify(c), Some(Tok::Small(2..) | Tok::Big(_)))
}

/// Whether `c` continues a run of Chinese numeral text: a numeral character ([`is_chinese_numeral`]),
/// a decimal point, or a word of approximation (余 多 几 数).
pub(crate) fn in_numeral_run(c: char) -> bool {
    classify(c).is_some_and(|t| t != Tok::Minus)
}

/// Whether `c` is a minus sign written as a word (负, 負).
pub(crate) fn is_minus_word(c: char) -> bool {
    classify(c) == Some(Tok::Minus)
}

/// Every code point at which a numeral can start outside ASCII: the full-width digits and the
/// starting characters of [`NUMERAL_CHARS`]. Built at compile time; the extractor's scanner
/// builds its stop set from it.
pub(crate) const NUMERAL_START_POINTS: ([u32; 80], usize) = {
    let mut out = [0u32; 80];
    let mut n = 0;
    let mut d = 0;
    while d < 10 {
        out[n] = '０' as u32 + d;
        n += 1;
        d += 1;
    }
    let mut k = 0;
    while k < NUMERAL_CHARS.len() {
        if NUMERAL_CHARS[k].tok.starts_numeral() {
            out[n] = NUMERAL_CHARS[k].c as u32;
            n += 1;
        }
        k += 1;
    }
    (out, n)
};

/// Characters that make a word with a following 负 instead of a sign: 税负5700多亿元 is a tax
/// burden of 5700多亿元, not minus 5700.
const MINUS_WORDS: &[char] = &[
    '税', '减', '抱', '胜', '正', '担', '肩', '自', '辜', '欺', '重', '背', '身', '费', '让', '稅',
    '擔', '勝', '費',
];

/// Whether a 负 right after `text_before` is part of a word (税负, 减负, 胜负) rather than a sign.
///
/// ```
/// use planwatch::numerals::minus_is_word;
/// assert!(minus_is_word("降低企业税"));
/// assert!(!minus_is_word("增长"));
/// assert!(!minus_is_word(""));
/// ```
pub fn minus_is_word(text_before: &str) -> bool {
    text_before
        .chars()
        .next_back()
        .is_some_and(|c| MINUS_WORDS.contains(&c))
}

#[inline]
fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Decodes the char at byte `i` of `s` (None at the end).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// Digit at byte `i`: (value, byte length). Fast for ASCII.
#[inline]
fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match b.get(i) {
        Some(&c) if c.is_ascii_digit() => Some((c - b'0', 1)),
        // Full-width digits U+FF10..U+FF19 are EF BC 90..99.
        Some(0xEF) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0xBC), Some(&c)) if (0x90..=0x99).contains(&c) => Some((c - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Decimal point at byte `i`: byte length. `.`, full-width `．` (EF BC 8E), and the middle dots
/// `·` (C2 B7) and `・` (E3 83 BB) that older reports print as a decimal point (`14·1％`).
#[inline]
fn point_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i) {
        Some(b'.') => Some(1),
        Some(0xEF) if b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8E) => Some(3),
        Some(0xC2) if b.get(i + 1) == Some(&0xB7) => Some(2),
        Some(0xE3) if b.get(i + 1) == Some(&0x83) && b.get(i + 2) == Some(&0xBB) => Some(3),
        _ => None,
    }
}

/// A decimal point at byte `i` followed by a digit: the point's byte length.
#[inline]
fn point_then_digit(b: &[u8], i: usize) -> Option<usize> {
    point_at(b, i).filter(|&n| digit_at(b, i + n).is_some())
}

/// In a spaced-out number, a decimal point at byte `i` followed by a digit, directly or after
/// one space (`8 ．8`, `3 . 5`): the bytes up to the digit.
#[inline]
fn spaced_point(b: &[u8], i: usize) -> Option<usize> {
    let n = point_at(b, i)?;
    if digit_at(b, i + n).is_some() {
        return Some(n);
    }
    (b.get(i + n) == Some(&b' ') && digit_at(b, i + n + 1).is_some()).then_some(n + 1)
}

/// Whether the byte at `i` is a full-width comma `，` (EF BC 8C).
#[inline]
fn fw_comma_at(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&0xEF) && b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8C)
}

/// Whether a magnitude word (`万`, `亿`) starts at byte `i`: `33，212万吨` is one amount, as a
/// figure's unit does not begin after a lone number and a clause break.
#[inline]
fn magnitude_at(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..i + 3),
        Some([0xE4, 0xB8, 0x87] | [0xE4, 0xBA, 0xBF])
    )
}

/// Exactly three digits (of either width) at `j`, not followed by a fourth: their end, and
/// whether all three are full-width.
fn group3(b: &[u8], j: usize) -> Option<(usize, bool)> {
    let mut k = j;
    let mut full_width = true;
    for _ in 0..3 {
        let (_, n) = digit_at(b, k)?;
        full_width &= n == 3;
        k += n;
    }
    if digit_at(b, k).is_some() {
        return None;
    }
    Some((k, full_width))
}

/// Spaces (ASCII or ideographic) from byte `i`: the byte after them.
fn skip_spaces(s: &str, i: usize) -> usize {
    if !matches!(s.as_bytes().get(i), Some(b' ' | b'\t' | 0xE3)) {
        return i;
    }
    let rest = s.get(i..).unwrap_or("");
    i + (rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\t']).len())
}

/// Whether a space after a spaced-out number (`1 1 ％`, `7 4 7 7 2 亿`) belongs to it: it does
/// before a magnitude word, a unit or a percent sign, not before a date's 年, 月 or 日 nor before
/// punctuation.
pub(crate) fn spaced_tail(s: &str, i: usize) -> bool {
    match char_at(s, i + 1) {
        Some('年' | '月' | '日') | None => false,
        Some(c) => matches!(c, '%' | '％' | '‰') || ('\u{4E00}'..='\u{9FFF}').contains(&c),
    }
}

/// An Arabic number read from bytes: mantissa, scale, end.
struct Arabic {
    mantissa: u128,
    scale: u32,
    end: usize,
    /// Written with a space after every digit (`1 9 9 7`).
    spaced: bool,
}

/// Reads an Arabic number at `start` (which must be a digit).
///
/// Thousands separators are read only between groups of exactly three digits after a first
/// group of one to three: `,` always, the full-width `，` when the digits are full-width, when
/// the number has another `，` group, when a decimal point follows (`82，225.00`) or a magnitude
/// word (`33，212万吨`); else a lone `，` between half-width digits is a clause break (`增长5，100个
/// 项目` is two numbers).
///
/// With `spaced`, a number printed with a space after every digit (`1 9 9 7`, `8 ．8 ％`, and a
/// space after the point too: `3 . 5`) is read as one; a spaced run that is not spaced
/// throughout (`1 2023`) is read without spaces.
fn scan_arabic(
    s: &str,
    start: usize,
    spaced: bool,
) -> Result<Arabic, (ParseErrorKind, Range<usize>)> {
    let b = s.as_bytes();
    let mut i = start;
    let mut m: u128 = 0;
    let mut sig: u32 = 0; // significant digits (after leading zeros)
    let mut group: u32 = 0; // digits since the start or the last separator
    let mut first_group = true;
    let mut fw_comma = false;
    let mut in_spaced = false;
    let overflow = |end: usize| Err((ParseErrorKind::Overflow, start..end));
    loop {
        // A run of digits: the hot loop, nothing but digits in it.
        let run_start = group;
        while let Some((d, n)) = digit_at(b, i) {
            if sig > 0 || d != 0 {
                sig += 1;
                if sig > MAX_DIGITS {
                    return overflow(i + n);
                }
            }
            m = m * 10 + d as u128;
            group += 1;
            i += n;
        }
        let run = group - run_start;
        if in_spaced && run > 1 {
            // `1 2023`: not spaced throughout.
            return scan_arabic(s, start, false);
        }
        if spaced && run == 1 && first_group && (in_spaced || group == 1) && b.get(i) == Some(&b' ')
        {
            if digit_at(b, i + 1).is_some() {
                in_spaced = true;
                i += 1;
                continue;
            }
            if spaced_point(b, i + 1).is_some() {
                in_spaced = true;
                break;
            }
        }
        if in_spaced || group == 0 || (first_group && group > 3) || (!first_group && group != 3) {
            break;
        }
        let sep = if b.get(i) == Some(&b',') {
            group3(b, i + 1).map(|_| 1)
        } else if fw_comma_at(b, i) {
            group3(b, i + 3)
                .filter(|&(end, full_width)| {
                    full_width
                        || fw_comma
                        || point_then_digit(b, end).is_some()
                        || (fw_comma_at(b, end) && group3(b, end + 3).is_some())
                        || magnitude_at(b, end)
                })
                .map(|_| 3)
        } else {
            None
        };
        let Some(sep) = sep else {
            break;
        };
        fw_comma |= sep == 3;
        first_group = false;
        group = 0;
        i += sep;
    }
    if in_spaced && b.get(i) == Some(&b' ') && spaced_point(b, i + 1).is_some() {
        i += 1;
    }
    let mut scale = 0u32;
    let point = match point_then_digit(b, i) {
        None if in_spaced => spaced_point(b, i),
        p => p,
    };
    if let Some(pn) = point {
        i += pn;
        while let Some((d, n)) = digit_at(b, i) {
            if sig > 0 || d != 0 {
                sig += 1;
            }
            scale += 1;
            if sig > MAX_DIGITS || scale > MAX_DIGITS {
                return overflow(i + n);
            }
            m = m * 10 + d as u128;
            i += n;
            if in_spaced && b.get(i) == Some(&b' ') && digit_at(b, i + 1).is_some() {
                i += 1;
            }
        }
    }
    if in_spaced && b.get(i) == Some(&b' ') && spaced_tail(s, i) {
        i += 1;
    }
    if m > MAX_MANTISSA || scale > MAX_SCALE {
        return overflow(i);
    }
    Ok(Arabic {
        mantissa: m,
        scale,
        end: i,
        spaced: in_spaced,
    })
}

fn decimal(m: u128, scale: u32) -> Option<Decimal> {
    let (mut m, mut scale) = (m, scale);
    while scale > MAX_SCALE && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    if scale > MAX_SCALE || m > MAX_MANTISSA {
        return None;
    }
    i128::try_from(m)
        .ok()
        .and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
}

/// Magnitude suffix after an Arabic mantissa: `[十百千]?(万亿|万万|亿|万)`; (exponent, bytes, big
/// only). 万万 is the older texts' 亿 (`四万万`, `10万万`).
#[inline]
fn magnitude_suffix(s: &str, i: usize) -> Option<(u32, usize, bool)> {
    let e = numeral_at(s, i)?;
    match e.tok {
        Tok::Small(k) if e.form != Form::Financial => {
            let Tok::Big(p) = numeral_at(s, i + 3)?.tok else {
                return None;
            };
            let (p, n) = big_tail(s, i + 3, p);
            Some((k + p, 3 + n, false))
        }
        Tok::Big(p) => {
            let (p, n) = big_tail(s, i, p);
            Some((p, n, true))
        }
        _ => None,
    }
}

/// A magnitude word at byte `i`: 万 (4), 亿 (8), 万亿 (12) or 万万 (8); (exponent, bytes).
#[inline]
fn big_word(s: &str, i: usize) -> Option<(u32, usize)> {
    let Tok::Big(p) = numeral_at(s, i)?.tok else {
        return None;
    };
    Some(big_tail(s, i, p))
}

/// The magnitude word that starts with the magnitude character at byte `i` of power `p`.
#[inline]
fn big_tail(s: &str, i: usize, p: u32) -> (u32, usize) {
    let n = 3;
    if p == 4
        && let Some(e2) = numeral_at(s, i + n)
        && let Tok::Big(p2) = e2.tok
    {
        // 万亿 is 10^12; 万万 is 亿.
        return (if p2 == 8 { 12 } else { 8 }, n + 3);
    }
    (p, n)
}

/// Whether the char at byte `i` is a digit (Arabic or Chinese, including 零).
fn digit_char_at(s: &str, i: usize) -> bool {
    match char_at(s, i) {
        Some(c) => {
            arabic_digit(c).is_some() || matches!(classify(c), Some(Tok::Digit(_) | Tok::Zero))
        }
        None => false,
    }
}

/// The negation of a numeral (bounds negated too; zero stays unsigned).
pub(crate) fn negated(n: Numeral) -> Numeral {
    if n.value.is_zero() && n.approx == Approx::Exact {
        return n;
    }
    let approx = match n.approx {
        Approx::Between { high } => Approx::Between { high: -high },
        a => a,
    };
    Numeral {
        value: -n.value,
        approx,
        ..n
    }
}

pub(crate) fn scan_detailed(s: &str) -> Scan {
    let scan = scan_plain(s);
    match scan {
        // 分 is E5 88 86: one byte tells most numerals apart from a fraction's denominator.
        Scan::Found(_, len) if s.as_bytes().get(len) == Some(&0xE5) => with_fraction(s, scan),
        _ => scan,
    }
}

/// The numeral character at byte `i`, decoded straight from its three bytes (every numeral
/// character is a three-byte code point; `s` is valid UTF-8 and `i` a character boundary).
#[inline]
fn numeral_at(s: &str, i: usize) -> Option<&'static NumeralChar> {
    let b = s.as_bytes();
    match b.get(i..i + 3) {
        Some(&[c0, c1, c2]) if (0xE0..0xF0).contains(&c0) => numeral_char_at_cp(
            ((u32::from(c0) & 0x0F) << 12) | ((u32::from(c1) & 0x3F) << 6) | (u32::from(c2) & 0x3F),
        ),
        _ => None,
    }
}

/// A numeral without a following 分之 (the numerator of a fraction is read with this, so a run
/// of fractions does not recurse).
#[inline(always)]
fn scan_plain(s: &str) -> Scan {
    let Some(c) = s.chars().next() else {
        return Scan::NotNumeral;
    };
    if arabic_digit(c).is_none() {
        return match classify(c) {
            Some(Tok::Minus) => {
                let n = c.len_utf8();
                // One sign only (负负 is no numeral, and a run of them does not recurse).
                if s[n..].starts_with(is_minus_word) {
                    return Scan::NotNumeral;
                }
                match scan_detailed(&s[n..]) {
                    Scan::Found(x, len) => Scan::Found(negated(x), n + len),
                    Scan::NotNumeral => Scan::NotNumeral,
                    Scan::Error(k, r) => Scan::Error(k, r.start + n..r.end + n),
                }
            }
            Some(t) if t.starts_numeral() => scan_chinese(s),
            _ => Scan::NotNumeral,
        };
    }
    scan_arabic_numeral(s)
}

/// An Arabic numeral with its magnitude word, approximation and slash fraction (`1/4`).
fn scan_arabic_numeral(s: &str) -> Scan {
    let a = match scan_arabic(s, 0, true) {
        Ok(a) => a,
        Err((k, r)) => return Scan::Error(k, r),
    };
    let b = s.as_bytes();

    let mut i = a.end;
    // 1/4, 1/3: a fraction of small integers (not a date such as 2024/3/5).
    if a.scale == 0
        && !a.spaced
        && a.end <= 3
        && b.get(i) == Some(&b'/')
        && let k = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count()
        && (1..=3).contains(&k)
        && !matches!(b.get(i + 1 + k), Some(b'/' | b'.'))
        && let Ok(den) = s[i + 1..i + 1 + k].parse::<u128>()
    {
        return match fraction(a.mantissa, 0, den, 0) {
            Some(n) => Scan::Found(n, i + 1 + k),
            None => Scan::Found(exact(a.mantissa, 0), a.end),
        };
    }
    let mut approx = Approx::Exact;
    if let Some(e) = numeral_at(s, i)
        && e.tok == Tok::More
    {
        approx = Approx::MoreThan;
        i += 3;
    }
    let mut exponent = 0;
    // `1000  万`: spaces before a magnitude word.
    let j = skip_spaces(s, i);
    let at = if j > i && magnitude_suffix(s, j).is_some() {
        j
    } else {
        i
    };
    if let Some((e, n, big_only)) = magnitude_suffix(s, at) {
        // `3万4000`, `1亿2000万`: a mixed numeral, read by the general parser.
        if at == a.end
            && !a.spaced
            && big_only
            && e != 12
            && a.scale == 0
            && approx == Approx::Exact
            && digit_char_at(s, at + n)
        {
            return scan_general(s);
        }
        exponent = e;
        i = at + n;
        if approx == Approx::Exact
            && let Some(e) = numeral_at(s, i)
            && e.tok == Tok::More
        {
            approx = Approx::MoreThan;
            i += 3;
        }
    } else if approx == Approx::Exact
        && !a.spaced
        && a.scale == 0
        && a.mantissa < 10
        && let Some(e) = numeral_at(s, i)
        && matches!(e.tok, Tok::Small(_))
        && digit_char_at(s, i + 3)
    {
        // `3千5百`
        return scan_general(s);
    }
    match decimal(a.mantissa, a.scale) {
        Some(value) => Scan::Found(
            Numeral {
                value,
                exponent: exponent as i32,
                approx,
            },
            i,
        ),
        None => Scan::Error(ParseErrorKind::Overflow, 0..a.end),
    }
}

fn exact(m: u128, scale: u32) -> Numeral {
    Numeral {
        value: decimal(m, scale).unwrap_or_default(),
        exponent: 0,
        approx: Approx::Exact,
    }
}

/// A Chinese (or mixed) numeral: `一半`, a bare denominator (`百分之五`, `万分之三`), or the
/// general reader.
fn scan_chinese(s: &str) -> Scan {
    if s.starts_with("一半") {
        return Scan::Found(exact(5, 1), "一半".len());
    }
    if let Some(e) = s.chars().next().and_then(numeral_char)
        && let Tok::Small(k) | Tok::Big(k) = e.tok
        && s[e.c.len_utf8()..].starts_with("分之")
    {
        // 十分之一, 百分之五, 千分之三, 万分之三: the unit alone is the denominator.
        let Some(den) = 10u128.checked_pow(k) else {
            return Scan::NotNumeral;
        };
        let at = e.c.len_utf8() + "分之".len();
        return numerator(s, at, den, 0);
    }
    scan_general(s)
}

/// The numerator of a share after 百分之, 千分之 or 万分之: a numeral, or a bare unit word
/// (`百分之百` is 100%).
pub(crate) fn scan_share_numerator(s: &str) -> Scan {
    if let Some(e) = s.chars().next().and_then(numeral_char)
        && let Tok::Small(k) | Tok::Big(k) = e.tok
        && !s[e.c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|c| arabic_digit(c).is_some() || classify(c).is_some())
    {
        return Scan::Found(exact(10u128.pow(k), 0), e.c.len_utf8());
    }
    scan_plain(s)
}

/// Reads the numerator of a fraction at byte `at` over `den × 10^den_exp`.
fn numerator(s: &str, at: usize, den: u128, den_exp: u32) -> Scan {
    let (m, scale, exp, len) = match scan_share_numerator(&s[at..]) {
        Scan::Found(n, len) if n.is_exact() && !n.value.is_sign_negative() => {
            let Ok(e) = u32::try_from(n.exponent) else {
                return Scan::NotNumeral;
            };
            (n.value.mantissa().unsigned_abs(), n.value.scale(), e, len)
        }
        Scan::Error(k, r) => return Scan::Error(k, r.start + at..r.end + at),
        _ => return Scan::NotNumeral,
    };
    let Some(m) = 10u128.checked_pow(exp).and_then(|f| m.checked_mul(f)) else {
        return Scan::Error(ParseErrorKind::Overflow, 0..at + len);
    };
    match fraction(m, scale, den, den_exp) {
        Some(n) => Scan::Found(n, at + len),
        None => Scan::Error(ParseErrorKind::Overflow, 0..at + len),
    }
}

/// A numeral followed by 分之 is the denominator of a fraction (`三分之一`, `五分之二`).
fn with_fraction(s: &str, scan: Scan) -> Scan {
    let Scan::Found(n, len) = scan else {
        return scan;
    };
    if !s[len..].starts_with("分之")
        || !n.is_exact()
        || n.value.is_sign_negative()
        || n.value.is_zero()
        || !n.value.fract().is_zero()
    {
        return Scan::Found(n, len);
    }
    let Ok(exp) = u32::try_from(n.exponent) else {
        return Scan::Found(n, len);
    };
    let den = n.value.mantissa().unsigned_abs() / 10u128.pow(n.value.scale());
    match numerator(s, len + "分之".len(), den, exp) {
        Scan::NotNumeral => Scan::Found(n, len),
        other => other,
    }
}

/// `m / 10^scale` divided by `den × 10^den_exp`, as a numeral: exact when the quotient has at
/// most 28 decimal places, otherwise the quotient truncated to 28 places with `high` one unit
/// in the last place above it (the true value lies strictly between). `None` on overflow or a
/// zero denominator.
fn fraction(m: u128, scale: u32, den: u128, den_exp: u32) -> Option<Numeral> {
    if den == 0 {
        return None;
    }
    let d = 10u128
        .checked_pow(scale.checked_add(den_exp)?)?
        .checked_mul(den)?;
    let mut q = m / d;
    let mut r = m % d;
    if q > MAX_MANTISSA {
        return None;
    }
    let mut places = 0u32;
    while r != 0 && places < MAX_SCALE {
        let r10 = r.checked_mul(10)?;
        let next = q * 10 + r10 / d;
        if next > MAX_MANTISSA {
            break;
        }
        q = next;
        r = r10 % d;
        places += 1;
    }
    let value = decimal(q, places)?;
    let approx = if r == 0 {
        Approx::Exact
    } else {
        Approx::Between {
            high: decimal(q + 1, places)?,
        }
    };
    Some(Numeral {
        value,
        exponent: 0,
        approx,
    })
}

/// The general (Chinese and mixed) numeral reader.
fn scan_general(s: &str) -> Scan {
    let overflow = |end: usize| Scan::Error(ParseErrorKind::Overflow, 0..end);
    let mut i = 0usize;
    let mut result: u128 = 0; // parts closed by a magnitude word
    let mut group: u128 = 0; // part below the current magnitude word
    let mut pending: Option<u128> = None;
    let mut pending_arabic = false;
    let mut pending_place: u32 = 0; // place of an abbreviated trailing Chinese digit
    let mut prev_unit: Option<u32> = None; // unit directly before the current token
    let mut last_small: u32 = u32::MAX;
    let mut last_big: u32 = u32::MAX;
    let mut max_big: u32 = 0; // the largest magnitude word read
    let mut exp: u32 = 0;
    let mut zero = false;
    let mut saw_unit = false;
    let mut digit_run: u32 = 0; // consecutive Chinese digits without units
    let mut run_has_zero = false;
    let mut more = false;
    let mut delta: Option<u128> = None; // 几/数: high = value + delta
    let mut few_pending = false;
    let mut closed = false; // after 余/多, 几, or a fraction: only a magnitude word may follow
    let mut finished = false; // nothing at all may follow
    let mut frac: Option<(u128, u32)> = None;
    let mut end = 0usize;

    while let Some(c) = char_at(s, i) {
        let len = c.len_utf8();
        if finished {
            break;
        }
        let tok = if arabic_digit(c).is_some() {
            None
        } else {
            match classify(c) {
                Some(t) => Some(t),
                None => break,
            }
        };
        match tok {
            None => {
                // An Arabic integer run inside a mixed numeral.
                if closed || pending.is_some() || (digit_run > 0) {
                    return if pending.is_some() {
                        Scan::Error(ParseErrorKind::MixedScripts, 0..i + len)
                    } else {
                        break;
                    };
                }
                let b = s.as_bytes();
                let mut j = i;
                let mut v: u128 = 0;
                let mut nd = 0;
                while let Some((d, n)) = digit_at(b, j) {
                    nd += 1;
                    if nd > MAX_DIGITS {
                        return overflow(j + n);
                    }
                    v = v * 10 + d as u128;
                    j += n;
                }
                pending = Some(v);
                pending_arabic = true;
                pending_place = 0;
                prev_unit = None;
                i = j;
                end = i;
                continue;
            }
            Some(Tok::Digit(d)) => {
                if closed {
                    break;
                }
                if let Some(p) = pending {
                    if saw_unit || pending_arabic || few_pending {
                        // `十四五`, `1二`: not a numeral.
                        return if pending_arabic {
                            Scan::Error(ParseErrorKind::MixedScripts, 0..i + len)
                        } else {
                            Scan::NotNumeral
                        };
                    }
                    let Some(v) = p.checked_mul(10).and_then(|v| v.checked_add(d as u128)) else {
                        return overflow(i + len);
                    };
                    pending = Some(v);
                    digit_run += 1;
                } else {
                    pending = Some(d as u128);
                    pending_arabic = false;
                    digit_run = if saw_unit { 0 } else { 1 };
                    pending_place = match prev_unit {
                        Some(k) if k >= 2 && !zero => k - 1,
                        _ => 0,
                    };
                }
                prev_unit = None;
            }
            Some(Tok::Zero) => {
                if closed {
                    break;
                }
                if let Some(p) = pending {
                    if saw_unit || pending_arabic {
                        break;
                    }
                    let Some(v) = p.checked_mul(10) else {
                        return overflow(i + len);
                    };
                    pending = Some(v);
                    digit_run += 1;
                    run_has_zero = true;
                    if digit_run > MAX_DIGITS {
                        return overflow(i + len);
                    }
                } else if saw_unit {
                    zero = true;
                    prev_unit = None;
                    // A trailing 零 is not part of the numeral.
                    i += len;
                    continue;
                } else {
                    pending = Some(0);
                    pending_arabic = false;
                    digit_run = 1;
                    run_has_zero = true;
                }
                prev_unit = None;
            }
            Some(Tok::Tens(t)) => {
                // 廿 = 二十, 卅 = 三十.
                if closed || pending.is_some() || digit_run > 0 || 1 >= last_small {
                    break;
                }
                group += u128::from(t) * 10;
                last_small = 1;
                zero = false;
                saw_unit = true;
                prev_unit = Some(1);
            }
            Some(Tok::Small(k)) => {
                if closed || digit_run > 1 || k >= last_small {
                    break;
                }
                let mult = match pending {
                    Some(p) if p < 10 => p,
                    Some(_) => break,
                    None if few_pending => 1,
                    None if k == 1 => 1,
                    // Leading 百/千 only before a magnitude word (百万, 千亿) or a digit of the
                    // next place (百三 = 130, 千一 = 1100).
                    None if end == 0 => match char_at(s, i + len).and_then(classify) {
                        Some(Tok::Big(_) | Tok::Digit(_)) => 1,
                        _ => break,
                    },
                    None => break,
                };
                let place = 10u128.pow(k);
                group += mult * place;
                if few_pending {
                    delta = Some(9 * place);
                    closed = true;
                    few_pending = false;
                }
                last_small = k;
                pending = None;
                pending_arabic = false;
                digit_run = 0;
                zero = false;
                saw_unit = true;
                prev_unit = Some(k);
            }
            Some(Tok::Big(_)) => {
                let Some((p, n)) = big_word(s, i) else {
                    break;
                };
                // A magnitude word above every one before it multiplies them all:
                // 一万五千亿 is (一万五千)亿.
                let absorb = last_big != u32::MAX && p > max_big;
                if (p >= last_big && !absorb) || digit_run > 1 || (end == 0 && !few_pending) {
                    break;
                }
                let d = match pending {
                    Some(v) if few_pending => {
                        delta = Some(9 * v);
                        closed = true;
                        v
                    }
                    Some(v) => v,
                    None => 0,
                };
                if pending.is_none() && group == 0 && delta.is_none() && !more {
                    break;
                }
                let scale = 10u128.pow(p);
                let sum = if absorb {
                    result
                        .checked_add(group)
                        .and_then(|x| x.checked_add(d))
                        .and_then(|x| x.checked_mul(scale))
                } else {
                    group
                        .checked_add(d)
                        .and_then(|x| x.checked_mul(scale))
                        .and_then(|x| x.checked_add(result))
                };
                let Some(sum) = sum else {
                    return overflow(i + n);
                };
                result = sum;
                max_big = max_big.max(p);
                if let Some(dl) = delta {
                    let Some(dl) = dl.checked_mul(scale) else {
                        return overflow(i + n);
                    };
                    delta = Some(dl);
                }
                if let Some((f, fs)) = frac {
                    // The fraction belongs to the mantissa of this magnitude word.
                    frac = Some((f, fs));
                    finished = true;
                }
                if closed {
                    finished = true;
                }
                few_pending = false;
                exp = p;
                last_big = p;
                last_small = u32::MAX;
                group = 0;
                pending = None;
                pending_arabic = false;
                digit_run = 0;
                zero = false;
                saw_unit = true;
                prev_unit = Some(p);
                i += n;
                end = i;
                continue;
            }
            Some(Tok::Point) => {
                // After a magnitude word the digits are the mantissa's: 两千万点五五 is
                // 2000.55万.
                let after_big =
                    pending.is_none() && group == 0 && exp > 0 && prev_unit == Some(exp);
                if closed
                    || pending.is_none() && group == 0 && !after_big
                    || pending_arabic
                    || frac.is_some()
                {
                    break;
                }
                // Fraction digits, Chinese or Arabic (一百点123), after optional spaces.
                let mut j = skip_spaces(s, i + len);
                let mut f: u128 = 0;
                let mut fs: u32 = 0;
                while let Some(c2) = char_at(s, j) {
                    let d = match (arabic_digit(c2), classify(c2)) {
                        (Some(d), _) | (None, Some(Tok::Digit(d))) => d,
                        (None, Some(Tok::Zero)) => 0,
                        _ => break,
                    };
                    fs += 1;
                    if fs > MAX_SCALE {
                        return overflow(j + c2.len_utf8());
                    }
                    f = f * 10 + d as u128;
                    j += c2.len_utf8();
                }
                if fs == 0 {
                    break;
                }
                if digit_run > 1 {
                    break;
                }
                frac = Some((f, fs));
                closed = true;
                finished = after_big;
                i = j;
                end = i;
                continue;
            }
            Some(Tok::More) => {
                if more || delta.is_some() || few_pending || end == 0 || (closed && frac.is_some())
                {
                    break;
                }
                more = true;
                closed = true;
                if exp > 0 && pending.is_none() && group == 0 {
                    // `万余`: after a magnitude word, the numeral ends here.
                    finished = true;
                }
            }
            Some(Tok::Minus) => break,
            Some(Tok::Few) | Some(Tok::Several) => {
                if closed || few_pending || more {
                    break;
                }
                let next = char_at(s, i + len).and_then(classify);
                if pending.is_none() && group == 0 && end == 0 {
                    // Leading 几/数 before 十/百/千/万/亿.
                    if !matches!(next, Some(Tok::Small(_) | Tok::Big(_))) {
                        return Scan::NotNumeral;
                    }
                    few_pending = true;
                    pending = None;
                    if matches!(next, Some(Tok::Big(_))) {
                        pending = Some(1);
                    }
                } else if tok == Some(Tok::Few)
                    && pending.is_none()
                    && saw_unit
                    && let Some(Tok::Small(k)) = next
                    && k < last_small
                {
                    // 一百几十: a few tens after the hundreds.
                    few_pending = true;
                } else if tok == Some(Tok::Few)
                    && pending.is_none()
                    && (prev_unit == Some(1) || zero && saw_unit)
                {
                    // 十几, 二十几, 一百零几: a few ones.
                    delta = Some(10);
                    closed = true;
                } else {
                    break;
                }
            }
        }
        i += len;
        if !few_pending {
            end = i;
        }
    }
    if few_pending || end == 0 {
        return Scan::NotNumeral;
    }
    if digit_run > 1 && !run_has_zero {
        // `一二`, `三五`: lists or ranges, not a positional number.
        return Scan::NotNumeral;
    }
    let d = match pending {
        Some(v) => match 10u128.pow(pending_place).checked_mul(v) {
            Some(x) => x,
            None => return overflow(end),
        },
        None => 0,
    };
    let Some(total) = result.checked_add(group).and_then(|x| x.checked_add(d)) else {
        return overflow(end);
    };
    // A trailing digit or unit after the last magnitude word means exponent 0.
    let ends_with_big = pending.is_none() && group == 0 && exp > 0 && (frac.is_none() || finished);
    let exp = if ends_with_big { exp } else { 0 };
    let scale = 10u128.pow(exp);
    let int_part = total / scale;
    let (f, fs) = frac.unwrap_or((0, 0));
    let Some(m) = int_part
        .checked_mul(10u128.pow(fs))
        .and_then(|x| x.checked_add(f))
    else {
        return overflow(end);
    };
    let Some(value) = decimal(m, fs) else {
        return overflow(end);
    };
    let approx = if let Some(dl) = delta {
        match decimal(int_part + dl / scale, 0) {
            Some(high) => Approx::Between { high },
            None => return overflow(end),
        }
    } else if more {
        Approx::MoreThan
    } else {
        Approx::Exact
    };
    Scan::Found(
        Numeral {
            value,
            exponent: exp as i32,
            approx,
        },
        end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(s: &str) -> Option<(String, i32, Approx, usize)> {
        scan_numeral(s).map(|(n, len)| (n.value.to_string(), n.exponent, n.approx, len))
    }

    fn ex(v: &str, e: i32, len: usize) -> Option<(String, i32, Approx, usize)> {
        Some((v.to_string(), e, Approx::Exact, len))
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(sc("126.06万亿元"), ex("126.06", 12, 12));
        assert_eq!(sc("32379.77亿美元"), ex("32379.77", 8, 11));
        assert_eq!(sc("1244万人"), ex("1244", 4, 7));
        assert_eq!(sc("5千万"), ex("5", 7, 7));
        assert_eq!(sc("5千瓦"), ex("5", 0, 1));
        assert_eq!(sc("3万亿千瓦时"), ex("3", 12, 7));
        assert_eq!(sc("1,100.9亿元"), ex("1100.9", 8, 10));
        assert_eq!(sc("1,10"), ex("1", 0, 1));
        assert_eq!(sc("12345,678"), ex("12345", 0, 5));
        assert_eq!(sc("１２％"), ex("12", 0, 6));
        assert_eq!(sc("5．2"), ex("5.2", 0, 5));
        assert_eq!(sc("2023."), ex("2023", 0, 4));
        assert_eq!(sc("5.20%"), ex("5.20", 0, 4));
        assert_eq!(sc("0.29个"), ex("0.29", 0, 4));
        assert_eq!(sc("3万4000"), ex("34000", 0, 8));
        assert_eq!(sc("1亿2000万"), ex("12000", 4, "1亿2000万".len()));
        assert_eq!(sc("3千5百万"), ex("3500", 4, "3千5百万".len()));
        assert_eq!(sc("3万4千"), ex("34000", 0, "3万4千".len()));
        assert_eq!(sc("2"), ex("2", 0, 1));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(sc("三万四千"), ex("34000", 0, 12));
        assert_eq!(sc("两千"), ex("2000", 0, 6));
        assert_eq!(sc("三十万"), ex("30", 4, 9));
        assert_eq!(sc("两千万"), ex("2000", 4, 9));
        assert_eq!(sc("十二"), ex("12", 0, 6));
        assert_eq!(sc("十"), ex("10", 0, 3));
        assert_eq!(sc("一点五"), ex("1.5", 0, 9));
        assert_eq!(sc("一点五万"), ex("1.5", 4, 12));
        assert_eq!(sc("一百零五"), ex("105", 0, 12));
        assert_eq!(sc("一万五"), ex("15000", 0, 9));
        assert_eq!(sc("三百五"), ex("350", 0, 9));
        assert_eq!(sc("二〇二四年"), ex("2024", 0, 12));
        assert_eq!(sc("壹佰贰拾"), ex("120", 0, 12));
        assert_eq!(sc("一亿二千万"), ex("12000", 4, 15));
        assert_eq!(sc("五万亿"), ex("5", 12, 9));
        assert_eq!(sc("百万"), ex("100", 4, 6));
        assert_eq!(sc("一点"), ex("1", 0, 3));
        assert_eq!(sc("十四五"), None);
        assert_eq!(sc("一二"), None);
        assert_eq!(sc("万人"), None);
        assert_eq!(sc("百姓"), None);
        assert_eq!(sc("数字"), None);
        assert_eq!(sc("几乎"), None);
        assert_eq!(sc("1二"), ex("1", 0, 1));
    }

    #[test]
    fn approximate_forms() {
        let more = |v: &str, e, l| Some((v.to_string(), e, Approx::MoreThan, l));
        let between =
            |v: &str, h: i64, e, l| Some((v.to_string(), e, Approx::Between { high: h.into() }, l));
        assert_eq!(sc("250余万农村"), more("250", 4, 9));
        assert_eq!(sc("1600多个"), more("1600", 0, 7));
        assert_eq!(sc("170余项"), more("170", 0, 6));
        assert_eq!(sc("1万余人"), more("1", 4, 7));
        assert_eq!(sc("十多万"), more("10", 4, 9));
        assert_eq!(sc("十几"), between("10", 20, 0, 6));
        assert_eq!(sc("二十几万"), between("20", 30, 4, 12));
        assert_eq!(sc("数十亿"), between("10", 100, 8, 9));
        assert_eq!(sc("几百"), between("100", 1000, 0, 6));
        assert_eq!(sc("几万"), between("1", 10, 4, 6));
        assert_eq!(sc("几千万"), between("1000", 10000, 4, 9));
    }

    #[test]
    fn limits() {
        let long = "9".repeat(10_000);
        assert_eq!(sc(&long), None);
        let e = parse_numeral(&long).expect_err("overflow");
        assert_eq!(e.kind(), ParseErrorKind::Overflow);
        assert_eq!(
            sc("79228162514264337593543950335"),
            ex("79228162514264337593543950335", 0, 29)
        );
        assert_eq!(sc("79228162514264337593543950336"), None);
        assert_eq!(sc(&"〇".repeat(10_000)), None);
        assert_eq!(sc(&"一〇".repeat(5_000)), None);
        assert_eq!(
            sc("0.0000000000000000000000000001"),
            ex("0.0000000000000000000000000001", 0, 30)
        );
        assert_eq!(
            parse_numeral("3万4千5百.2").expect_err("mixed").kind(),
            ParseErrorKind::MixedScripts
        );
    }

    #[test]
    fn signs() {
        assert_eq!(sc("负0.2%"), ex("-0.2", 0, 6));
        assert_eq!(sc("负负5"), None);
        assert_eq!(sc(&"负".repeat(100_000)), None);
        assert!(parse_numeral(&format!("{}5", "负".repeat(100_000))).is_err());
    }

    #[test]
    fn fractions_do_not_nest() {
        let third = Some((
            "0.3333333333333333333333333333".to_string(),
            0,
            Approx::Between {
                high: "0.3333333333333333333333333334".parse().expect("decimal"),
            },
            12,
        ));
        assert_eq!(sc("三分之一分之二"), third);
        let long = "三分之".repeat(100_000);
        assert_eq!(sc(&long).map(|x| (x.0, x.3)), Some(("1".to_string(), 12)));
        assert!(parse_numeral(&long).is_err());
    }

    #[test]
    fn names() {
        assert!(is_ordinal_or_name("", "五"));
        assert!(is_ordinal_or_name("第", ""));
        assert!(is_ordinal_or_name("", "、"));
        assert!(!is_ordinal_or_name("", "万人"));
    }
}
