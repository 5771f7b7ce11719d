//! Numerals as published: Arabic (half- and full-width digits, `,` thousands separators, `.` and
//! `．` decimal points), Chinese (零〇一二两三四五六七八九十百千万亿, financial 壹贰叁肆伍陆柒捌玖拾佰仟,
//! traditional 萬億), mixed (`3万4000`, `1.3万亿`, `3千5百万`) and approximate (`250余万`,
//! `1600多`, `十几`, `数十亿`, `几百`).
//!
//! A [`Numeral`] keeps the published mantissa and the magnitude word as a power-of-ten exponent:
//!
//! * An Arabic mantissa followed by a magnitude word keeps the mantissa as written:
//!   `1.3万亿` → (1.3, 12), `5千万` → (5, 7), `126.06万亿` → (126.06, 12). Magnitude words are
//!   万 (4), 亿 (8), 万亿 (12) and the compounds 十万 (5), 百万 (6), 千万 (7), 十亿 (9), 百亿 (10),
//!   千亿 (11). A lone 十/百/千 after Arabic digits is not read (it starts 千瓦, 千克, 千米).
//! * A numeral ending in 万/亿/万亿 otherwise takes everything before the last magnitude word as
//!   the mantissa: `三十万` → (30, 4), `两千万` → (2000, 4), `1亿2000万` → (12000, 4).
//! * Any other numeral has exponent 0: `三万四千` → 34000, `3万4000` → 34000, `十二` → 12,
//!   `一万五` → 15000 (a trailing digit after a unit takes the next lower place), `一点五` → 1.5.
//! * A run of Chinese digits without units is read positionally only when it contains 〇 or 零
//!   (`二〇二四` → 2024); other runs (`一二`, `十四五`) are not numerals.
//!
//! Names that only look like numbers: [`scan_numeral`] returns `None` for a Chinese numeral
//! directly followed by another Chinese digit it cannot absorb (`十四五`, the 14th Five-Year Plan,
//! is not 145 nor 14). Context rules that need the surrounding text (`第三`, `二十大`, `十四届`,
//! `一是`) are in [`is_ordinal_or_name`], which callers apply around a scanned numeral.
//!
//! Limits: mantissas have at most 28 significant digits and 28 decimal places (the range of
//! [`Decimal`]). [`scan_numeral`] returns `None` for a longer number after looking at no more than
//! about 38 digits, so scanning is linear in the input even on pathological digit runs;
//! [`parse_numeral`] reports [`ParseErrorKind::Overflow`] with the span of the whole digit run.
//!
//! ```
//! use planwatch::numerals::{scan_numeral, Approx};
//! let (n, len) = scan_numeral("126.06万亿元").unwrap();
//! assert_eq!((n.value.to_string(), n.exponent, n.approx, len), ("126.06".into(), 12, Approx::Exact, 12));
//! let (n, _) = scan_numeral("250余万农村").unwrap();
//! assert_eq!((n.value.to_string(), n.exponent, n.approx), ("250".into(), 4, Approx::MoreThan));
//! assert!(scan_numeral("十四五”规划").is_none());
//! ```

use std::ops::Range;

use rust_decimal::Decimal;

use crate::error::{ParseError, ParseErrorKind};

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
    /// 10亿 and 100亿, `几百` between 100 and 1000.
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
/// ASCII digits take a byte-level fast path. Signs are not read (see
/// [`crate::quantity::parse_quantity`]).
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

/// Parses a whole string (surrounding whitespace trimmed) as one numeral, exact or approximate.
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
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        return Err(ParseError::new(ParseErrorKind::Empty, 0..s.len(), s));
    }
    match scan_detailed(t) {
        Scan::Found(n, len) if len == t.len() => Ok(n),
        Scan::Found(_, len) => {
            let rest = &t[len..];
            let kind = if starts_numeral_char(rest) {
                ParseErrorKind::MixedScripts
            } else {
                ParseErrorKind::UnexpectedCharacter
            };
            Err(ParseError::new(kind, lead + len..lead + t.len(), s))
        }
        Scan::NotNumeral => {
            let kind = if starts_numeral_char(t) {
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
                    Some(Tok::Digit(_) | Tok::Zero | Tok::Small(_) | Tok::Big(_) | Tok::Point)
                )
        }
        None => false,
    }
}

/// Byte length of the run of digits and separators at the start of `s` (for error spans).
pub(crate) fn numeral_run(s: &str) -> usize {
    s.chars()
        .take_while(|c| {
            c.is_ascii_digit()
                || matches!(c, '０'..='９' | '.' | '．' | ',' | '〇' | '零')
                || matches!(
                    c,
                    '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
                )
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Digit(u8),
    Zero,
    Small(u32),
    Big(u32),
    Point,
    More,
    Few,
    Several,
}

fn classify(c: char) -> Option<Tok> {
    Some(match c {
        '零' | '〇' => Tok::Zero,
        '一' | '壹' => Tok::Digit(1),
        '二' | '两' | '贰' | '貳' => Tok::Digit(2),
        '三' | '叁' => Tok::Digit(3),
        '四' | '肆' => Tok::Digit(4),
        '五' | '伍' => Tok::Digit(5),
        '六' | '陆' => Tok::Digit(6),
        '七' | '柒' => Tok::Digit(7),
        '八' | '捌' => Tok::Digit(8),
        '九' | '玖' => Tok::Digit(9),
        '十' | '拾' => Tok::Small(1),
        '百' | '佰' => Tok::Small(2),
        '千' | '仟' => Tok::Small(3),
        '万' | '萬' => Tok::Big(4),
        '亿' | '億' => Tok::Big(8),
        '点' => Tok::Point,
        '余' | '多' => Tok::More,
        '几' => Tok::Few,
        '数' => Tok::Several,
        _ => return None,
    })
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

/// Decimal point at byte `i`: byte length ('.' or '．' = EF BC 8E).
#[inline]
fn point_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i) {
        Some(b'.') => Some(1),
        Some(0xEF) if b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8E) => Some(3),
        _ => None,
    }
}

/// An Arabic number read from bytes: mantissa, scale, end.
struct Arabic {
    mantissa: u128,
    scale: u32,
    end: usize,
}

/// Reads an Arabic number at `start` (which must be a digit). Thousands separators `,` are read
/// only between groups of exactly three ASCII digits after a first group of one to three.
fn scan_arabic(s: &str, start: usize) -> Result<Arabic, (ParseErrorKind, Range<usize>)> {
    let b = s.as_bytes();
    let mut i = start;
    let mut m: u128 = 0;
    let mut sig: u32 = 0; // significant digits (after leading zeros)
    let mut group: u32 = 0; // digits since the start or the last separator
    let mut first_group = true;
    let overflow = |end: usize| Err((ParseErrorKind::Overflow, start..end));
    loop {
        if let Some((d, n)) = digit_at(b, i) {
            if sig > 0 || d != 0 {
                sig += 1;
            }
            if sig > MAX_DIGITS {
                return overflow(i + n);
            }
            m = m * 10 + d as u128;
            group += 1;
            i += n;
            continue;
        }
        if b.get(i) == Some(&b',')
            && group >= 1
            && (!first_group || group <= 3)
            && (first_group || group == 3)
            && (1..=3).all(|k| b.get(i + k).is_some_and(u8::is_ascii_digit))
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
            && digit_at(b, i + 4).is_none()
        {
            first_group = false;
            group = 0;
            i += 1;
            continue;
        }
        break;
    }
    let mut scale = 0u32;
    if let Some(pn) = point_at(b, i)
        && digit_at(b, i + pn).is_some()
    {
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
        }
    }
    if m > MAX_MANTISSA || scale > MAX_SCALE {
        return overflow(i);
    }
    Ok(Arabic {
        mantissa: m,
        scale,
        end: i,
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

/// Magnitude suffix after an Arabic mantissa: `[十百千]?(万亿|亿|万)`; (exponent, bytes, big only).
fn magnitude_suffix(s: &str, i: usize) -> Option<(u32, usize, bool)> {
    let c = char_at(s, i)?;
    let (small, n0) = match classify(c) {
        Some(Tok::Small(k)) if matches!(c, '十' | '百' | '千') => (k, c.len_utf8()),
        Some(Tok::Big(_)) => (0, 0),
        _ => return None,
    };
    let c2 = char_at(s, i + n0)?;
    let Some(Tok::Big(p)) = classify(c2) else {
        return None;
    };
    let mut n = n0 + c2.len_utf8();
    let mut p = p;
    if p == 4
        && let Some(c3) = char_at(s, i + n)
        && classify(c3) == Some(Tok::Big(8))
    {
        p = 12;
        n += c3.len_utf8();
    }
    Some((small + p, n, small == 0))
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

pub(crate) fn scan_detailed(s: &str) -> Scan {
    let Some(c) = s.chars().next() else {
        return Scan::NotNumeral;
    };
    if arabic_digit(c).is_none() {
        return match classify(c) {
            Some(Tok::Digit(_) | Tok::Zero | Tok::Small(_) | Tok::Few | Tok::Several) => {
                scan_general(s)
            }
            _ => Scan::NotNumeral,
        };
    }
    let a = match scan_arabic(s, 0) {
        Ok(a) => a,
        Err((k, r)) => return Scan::Error(k, r),
    };
    let mut i = a.end;
    let mut approx = Approx::Exact;
    if let Some(c) = char_at(s, i)
        && classify(c) == Some(Tok::More)
    {
        approx = Approx::MoreThan;
        i += c.len_utf8();
    }
    let mut exponent = 0;
    if let Some((e, n, big_only)) = magnitude_suffix(s, i) {
        // `3万4000`, `1亿2000万`: a mixed numeral, read by the general parser.
        if big_only && e != 12 && a.scale == 0 && approx == Approx::Exact && digit_char_at(s, i + n)
        {
            return scan_general(s);
        }
        exponent = e;
        i += n;
        if approx == Approx::Exact
            && let Some(c) = char_at(s, i)
            && classify(c) == Some(Tok::More)
        {
            approx = Approx::MoreThan;
            i += c.len_utf8();
        }
    } else if approx == Approx::Exact
        && a.scale == 0
        && a.mantissa < 10
        && let Some(c) = char_at(s, i)
        && matches!(classify(c), Some(Tok::Small(_)))
        && digit_char_at(s, i + c.len_utf8())
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
            Some(Tok::Small(k)) => {
                if closed
                    || digit_run > 1
                    || k >= last_small
                    || !matches!(c, '十' | '百' | '千' | '拾' | '佰' | '仟')
                {
                    break;
                }
                let mult = match pending {
                    Some(p) if p < 10 => p,
                    Some(_) => break,
                    None if few_pending => 1,
                    None if k == 1 => 1,
                    // Leading 百/千 only before a magnitude word (百万, 千亿).
                    None if end == 0 => {
                        if matches!(char_at(s, i + len).and_then(classify), Some(Tok::Big(_))) {
                            1
                        } else {
                            break;
                        }
                    }
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
            Some(Tok::Big(p0)) => {
                let mut p = p0;
                let mut n = len;
                if p == 4
                    && let Some(c2) = char_at(s, i + len)
                    && classify(c2) == Some(Tok::Big(8))
                {
                    p = 12;
                    n += c2.len_utf8();
                }
                if p >= last_big || digit_run > 1 || (end == 0 && !few_pending) {
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
                let part = group.checked_add(d).and_then(|x| x.checked_mul(scale));
                let Some(sum) = part.and_then(|x| x.checked_add(result)) else {
                    return overflow(i + n);
                };
                result = sum;
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
                if closed || pending.is_none() && group == 0 || pending_arabic || frac.is_some() {
                    break;
                }
                // Fraction digits.
                let mut j = i + len;
                let mut f: u128 = 0;
                let mut fs: u32 = 0;
                while let Some(c2) = char_at(s, j) {
                    let d = match classify(c2) {
                        Some(Tok::Digit(d)) => d,
                        Some(Tok::Zero) => 0,
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
                } else if tok == Some(Tok::Few) && prev_unit == Some(1) && pending.is_none() {
                    // 十几, 二十几.
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
    fn names() {
        assert!(is_ordinal_or_name("", "五"));
        assert!(is_ordinal_or_name("第", ""));
        assert!(is_ordinal_or_name("", "、"));
        assert!(!is_ordinal_or_name("", "万人"));
    }
}
