//! Exact quantities as published: a decimal mantissa, a magnitude exponent (万 = 4, 亿 = 8,
//! 万亿 = 12) and a unit, with exact unit-safe arithmetic, comparison and conversion.
//!
//! ```
//! use planwatch::quantity::{parse_quantity, Quantity};
//! use planwatch::units::Unit;
//! let gdp = parse_quantity("126.06万亿元").unwrap();
//! assert_eq!(gdp, Quantity::new("126.06".parse().unwrap(), 12, Unit::CNY));
//! assert_eq!(gdp.to_base().unwrap().to_string(), "126060000000000");
//! assert_eq!(gdp.to_string(), "126.06万亿元");
//!
//! // % − % = percentage points.
//! let a = parse_quantity("5.2%").unwrap();
//! let b = parse_quantity("3%").unwrap();
//! assert_eq!(a.checked_sub(&b).unwrap().to_string(), "2.2个百分点");
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{ParseError, ParseErrorKind, QuantityError};
use crate::numerals::{
    self, Approx, Numeral, Scan, numeral_run, scan_detailed, scan_numeral, starts_numeral_char,
};
use crate::units::{DimKey, Unit, is_spelling_of, scan_unit};

/// Longest input [`parse_quantity`] accepts, in bytes; longer inputs are
/// [`ParseErrorKind::TooLong`].
///
/// ```
/// use planwatch::{ParseErrorKind, parse_quantity, quantity::MAX_QUANTITY_LEN};
/// let long = format!("{}%", "1".repeat(MAX_QUANTITY_LEN));
/// assert_eq!(parse_quantity(&long).unwrap_err().kind(), ParseErrorKind::TooLong);
/// assert_eq!(parse_quantity("5.2%").unwrap().to_string(), "5.2%");
/// ```
pub const MAX_QUANTITY_LEN: usize = 1024;

/// An exact quantity: the published mantissa, the exponent of its magnitude word, its unit and the
/// unit as written.
///
/// Equality is structural: numerically equal mantissas compare equal (`5.2 == 5.20`), but
/// `1.3万亿` and `13000亿` differ in exponent and are not `==`, nor are `12%` and `12％`; `Hash`
/// agrees with `==`. Use [`Quantity::cmp_amount`] to compare amounts. The order (`<`, `<=` …)
/// compares amounts but stays consistent with `==`: two quantities of the same amount written
/// differently (`1万元`, `10000元`) are neither equal nor ordered (`partial_cmp` is `None`, so
/// `<=` and `>=` are both false), and so are quantities of different dimensions.
///
/// ```
/// use std::cmp::Ordering;
/// use planwatch::quantity::parse_quantity;
/// let (a, b) = (parse_quantity("1万元").unwrap(), parse_quantity("10000元").unwrap());
/// assert!(a != b);
/// assert_eq!((a <= b, a >= b), (false, false));
/// assert_eq!(a.partial_cmp(&b), None);
/// assert_eq!(a.cmp_amount(&b).unwrap(), Ordering::Equal);
/// assert!(parse_quantity("1万元").unwrap() < parse_quantity("10001元").unwrap());
/// assert!(parse_quantity("5.2%").unwrap() <= parse_quantity("5.20%").unwrap());
/// assert_eq!(parse_quantity("1人").unwrap().partial_cmp(&parse_quantity("1台").unwrap()), None);
/// ```
///
/// Serializes as
/// `{"value": "126.06", "exponent": 12, "unit": "CNY", "unit_text": "元"}` (the decimal as a
/// string, so JSON is lossless and keeps the published scale).
///
/// ```
/// use planwatch::quantity::Quantity;
/// use planwatch::units::Unit;
/// let q = Quantity::new("32379.77".parse().unwrap(), 8, Unit::USD);
/// let json = serde_json::to_string(&q).unwrap();
/// assert_eq!(json, r#"{"value":"32379.77","exponent":8,"unit":"USD","unit_text":"美元"}"#);
/// assert_eq!(serde_json::from_str::<Quantity>(&json).unwrap(), q);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "QuantityRepr")]
pub struct Quantity {
    value: Decimal,
    exponent: i32,
    unit: Unit,
    unit_text: String,
}

/// Unvalidated serde form of [`Quantity`].
#[derive(Deserialize)]
struct QuantityRepr {
    value: Decimal,
    #[serde(default)]
    exponent: i32,
    unit: Unit,
    #[serde(default)]
    unit_text: Option<String>,
}

impl TryFrom<QuantityRepr> for Quantity {
    type Error = String;

    fn try_from(r: QuantityRepr) -> Result<Self, Self::Error> {
        let q = Quantity::new(r.value, r.exponent, r.unit);
        match r.unit_text {
            Some(t) if t != q.unit_text => {
                if is_spelling_of(&t, &q.unit) {
                    Ok(Quantity { unit_text: t, ..q })
                } else {
                    Err(format!(
                        "unit_text {t:?} is not a spelling of unit {}",
                        q.unit.code()
                    ))
                }
            }
            _ => Ok(q),
        }
    }
}

/// The magnitude word of an exponent, or `""` for 0 and for exponents without one.
fn magnitude_word(exponent: i32) -> &'static str {
    match exponent {
        4 => "万",
        5 => "十万",
        6 => "百万",
        7 => "千万",
        8 => "亿",
        9 => "十亿",
        10 => "百亿",
        11 => "千亿",
        12 => "万亿",
        _ => "",
    }
}

impl Quantity {
    /// A quantity `value × 10^exponent` in `unit`, written with the unit's canonical text.
    ///
    /// ```
    /// use planwatch::quantity::Quantity;
    /// use planwatch::units::Unit;
    /// let q = Quantity::new("1244".parse().unwrap(), 4, Unit::Person);
    /// assert_eq!(q.to_string(), "1244万人");
    /// ```
    pub fn new(value: Decimal, exponent: i32, unit: Unit) -> Quantity {
        let unit_text = unit.canonical_text().to_string();
        Quantity {
            value,
            exponent,
            unit,
            unit_text,
        }
    }

    /// A quantity from a scanned numeral (its approximation, if any, is dropped: check
    /// [`Numeral::is_exact`] first).
    ///
    /// ```
    /// use planwatch::numerals::scan_numeral;
    /// use planwatch::quantity::Quantity;
    /// use planwatch::units::Unit;
    /// let (n, _) = scan_numeral("1.26亿").unwrap();
    /// assert_eq!(Quantity::from_numeral(&n, Unit::Mu).to_string(), "1.26亿亩");
    /// ```
    pub fn from_numeral(numeral: &Numeral, unit: Unit) -> Quantity {
        Quantity::new(numeral.value, numeral.exponent, unit)
    }

    /// The same quantity with the unit written as `unit_text` (e.g. `千克` for kg, `％`,
    /// `百分点`). A text that is not a spelling of the unit is ignored and the canonical text kept.
    ///
    /// ```
    /// use planwatch::quantity::Quantity;
    /// use planwatch::units::Unit;
    /// let q = Quantity::new("389.7".parse().unwrap(), 0, Unit::Kilogram).with_unit_text("千克".into());
    /// assert_eq!(q.to_string(), "389.7千克");
    /// let q = q.with_unit_text("斤".into());
    /// assert_eq!(q.unit_text(), "千克");
    /// ```
    pub fn with_unit_text(self, unit_text: String) -> Self {
        if is_spelling_of(&unit_text, &self.unit) {
            Quantity { unit_text, ..self }
        } else {
            self
        }
    }

    /// The published mantissa (scale preserved).
    ///
    /// ```
    /// let q = planwatch::quantity::parse_quantity("5.20%").unwrap();
    /// assert_eq!(q.value().to_string(), "5.20");
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The power of ten of the magnitude word (万 = 4, 亿 = 8, 万亿 = 12).
    ///
    /// ```
    /// assert_eq!(planwatch::quantity::parse_quantity("1.3万亿斤").unwrap().exponent(), 12);
    /// ```
    pub fn exponent(&self) -> i32 {
        self.exponent
    }

    /// The unit.
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(planwatch::quantity::parse_quantity("859.6万台").unwrap().unit(), &Unit::Set);
    /// ```
    pub fn unit(&self) -> &Unit {
        &self.unit
    }

    /// The unit as written, without the magnitude word (`元`, `公斤`, `％`; empty for numbers).
    ///
    /// ```
    /// assert_eq!(planwatch::quantity::parse_quantity("389.7公斤").unwrap().unit_text(), "公斤");
    /// ```
    pub fn unit_text(&self) -> &str {
        &self.unit_text
    }

    /// The magnitude word of the exponent (万, 亿, 万亿, 十万 … 千亿), or `""` for exponent 0 and
    /// for exponents without a word (written in scientific notation, `5e3`, by `Display`).
    ///
    /// ```
    /// assert_eq!(planwatch::quantity::parse_quantity("126.06万亿元").unwrap().magnitude_text(), "万亿");
    /// ```
    pub fn magnitude_text(&self) -> &'static str {
        magnitude_word(self.exponent)
    }

    /// Whether the unit is a ratio unit (%, ‰, percentage point, multiple).
    ///
    /// ```
    /// use planwatch::quantity::parse_quantity;
    /// assert!(parse_quantity("0.29个百分点").unwrap().is_ratio());
    /// assert!(!parse_quantity("1244万人").unwrap().is_ratio());
    /// ```
    pub fn is_ratio(&self) -> bool {
        self.unit.is_ratio()
    }

    /// The exact value `value × 10^exponent` in the same unit.
    ///
    /// Errors: [`QuantityError::Overflow`] beyond the decimal range, [`QuantityError::Inexact`]
    /// beyond 28 decimal places.
    ///
    /// ```
    /// use planwatch::quantity::parse_quantity;
    /// assert_eq!(parse_quantity("32379.77亿美元").unwrap().to_base().unwrap().to_string(), "3237977000000");
    /// ```
    pub fn to_base(&self) -> Result<Decimal, QuantityError> {
        let (m, k) = self.scaled();
        to_decimal(m, k)
    }

    /// Converts exactly to `unit` (same dimension), with exponent 0.
    ///
    /// Errors: [`QuantityError::IncompatibleUnits`] across dimensions,
    /// [`QuantityError::PercentVsPoint`] between percent and percentage points,
    /// [`QuantityError::Inexact`] when the result has no exact decimal form (1 亩 in km²),
    /// [`QuantityError::Overflow`] beyond the decimal range.
    ///
    /// ```
    /// use planwatch::error::QuantityError;
    /// use planwatch::quantity::parse_quantity;
    /// use planwatch::units::Unit;
    /// let grain = parse_quantity("1.39万亿斤").unwrap();
    /// assert_eq!(grain.convert_to(&Unit::Ton).unwrap().to_string(), "695000000吨");
    /// let mu = parse_quantity("1亩").unwrap();
    /// assert_eq!(mu.convert_to(&Unit::SquareKilometre), Err(QuantityError::Inexact));
    /// assert_eq!(mu.convert_to(&Unit::CNY).unwrap_err().code(), "incompatible-units");
    /// ```
    pub fn convert_to(&self, unit: &Unit) -> Result<Quantity, QuantityError> {
        check_dims(&self.unit, unit)?;
        let (m, k) = self.scaled();
        let (num, den) = ratio(&self.unit, unit);
        let (m, k) = mul_rational(m, k, num, den)?;
        Ok(Quantity::new(to_decimal(m, k)?, 0, unit.clone()))
    }

    /// Compares amounts exactly, across exponents and units of one dimension.
    ///
    /// ```
    /// use std::cmp::Ordering;
    /// use planwatch::quantity::parse_quantity;
    /// let a = parse_quantity("1.3万亿斤").unwrap();
    /// let b = parse_quantity("6.5亿吨").unwrap();
    /// assert_eq!(a.cmp_amount(&b).unwrap(), Ordering::Equal);
    /// let c = parse_quantity("1亩").unwrap();
    /// let d = parse_quantity("666平方米").unwrap();
    /// assert_eq!(c.cmp_amount(&d).unwrap(), Ordering::Greater);
    /// ```
    pub fn cmp_amount(&self, other: &Quantity) -> Result<Ordering, QuantityError> {
        check_dims(&self.unit, &other.unit)?;
        let (m1, k1) = self.scaled();
        let (m2, k2) = other.scaled();
        let (n1, d1) = self.unit.factor();
        let (n2, d2) = other.unit.factor();
        // Compare m1·n1/d1·10^k1 with m2·n2/d2·10^k2, multiplied through by d1·d2 > 0.
        let a = m1
            .checked_mul(i128::from(n1) * i128::from(d2))
            .ok_or(QuantityError::Overflow)?;
        let b = m2
            .checked_mul(i128::from(n2) * i128::from(d1))
            .ok_or(QuantityError::Overflow)?;
        Ok(cmp_scaled(a, k1, b, k2))
    }

    /// Adds exactly; the result is in `self`'s unit, unit text and exponent.
    ///
    /// Errors: [`QuantityError::IncompatibleUnits`] (元 + 美元, 人 + 台),
    /// [`QuantityError::PercentVsPoint`] (% + pp), [`QuantityError::Inexact`],
    /// [`QuantityError::Overflow`].
    ///
    /// ```
    /// use planwatch::quantity::parse_quantity;
    /// let a = parse_quantity("1.3万亿元").unwrap();
    /// let b = parse_quantity("2000亿元").unwrap();
    /// assert_eq!(a.checked_add(&b).unwrap().to_string(), "1.5万亿元");
    /// assert!(a.checked_add(&parse_quantity("1亿美元").unwrap()).is_err());
    /// ```
    pub fn checked_add(&self, other: &Quantity) -> Result<Quantity, QuantityError> {
        self.combine(other, false)
    }

    /// Subtracts exactly; the result is in `self`'s unit and exponent, except that
    /// percent − percent (or ‰) is in percentage points.
    ///
    /// ```
    /// use planwatch::quantity::parse_quantity;
    /// let a = parse_quantity("5.2%").unwrap();
    /// let b = parse_quantity("5.5%").unwrap();
    /// assert_eq!(a.checked_sub(&b).unwrap().to_string(), "-0.3个百分点");
    /// let c = parse_quantity("1244万人").unwrap();
    /// let d = parse_quantity("1206万人").unwrap();
    /// assert_eq!(c.checked_sub(&d).unwrap().to_string(), "38万人");
    /// ```
    pub fn checked_sub(&self, other: &Quantity) -> Result<Quantity, QuantityError> {
        self.combine(other, true)
    }

    /// Negates (never fails; a `Result` for symmetry with the other checked operations).
    ///
    /// ```
    /// let q = planwatch::quantity::parse_quantity("0.3%").unwrap();
    /// assert_eq!(q.checked_neg().unwrap().to_string(), "-0.3%");
    /// ```
    pub fn checked_neg(&self) -> Result<Quantity, QuantityError> {
        Ok(Quantity {
            value: -self.value,
            ..self.clone()
        })
    }

    /// Mantissa and power of ten of the full amount in this unit. The power is an `i64`: an
    /// exponent near `i32::MIN` less a scale of up to 28 does not fit an `i32`, and saturating
    /// would change the amount.
    fn scaled(&self) -> (i128, i64) {
        (
            self.value.mantissa(),
            i64::from(self.exponent) - i64::from(self.value.scale()),
        )
    }

    fn combine(&self, other: &Quantity, subtract: bool) -> Result<Quantity, QuantityError> {
        let self_ratio = self.unit.dim_key() == DimKey::Ratio;
        let other_ratio = other.unit.dim_key() == DimKey::Ratio;
        check_dims(&self.unit, &other.unit)?;
        let (m1, k1) = self.scaled();
        let (m2, k2) = other.scaled();
        let (num, den) = ratio(&other.unit, &self.unit);
        let (m2, k2) = mul_rational(m2, k2, num, den)?;
        let m2 = if subtract { -m2 } else { m2 };
        let k = k1.min(k2);
        let a = shift(m1, k1 - k)?;
        let b = shift(m2, k2 - k)?;
        let sum = a.checked_add(b).ok_or(QuantityError::Overflow)?;
        let mut value = to_decimal(sum, k - i64::from(self.exponent))?;
        // Keep the published precision: self's scale, or other's when in the same frame, and no
        // more trailing zeros than that.
        let mut target = self.value.scale();
        if other.exponent == self.exponent && other.unit == self.unit {
            target = target.max(other.value.scale());
        }
        if value.scale() > target {
            value = value.normalize();
            if value.scale() < target {
                value.rescale(target);
            }
        }
        if subtract && self_ratio && other_ratio {
            // Differences of percentages are percentage points (‰ measured in percent).
            let q = Quantity::new(value, self.exponent, self.unit.clone());
            let pct = q.convert_to(&Unit::Percent)?;
            return Ok(Quantity::new(pct.value, 0, Unit::PercentagePoint));
        }
        Ok(Quantity {
            value,
            exponent: self.exponent,
            unit: self.unit.clone(),
            unit_text: self.unit_text.clone(),
        })
    }
}

fn check_dims(left: &Unit, right: &Unit) -> Result<(), QuantityError> {
    let (a, b) = (left.dim_key(), right.dim_key());
    if a == b {
        return Ok(());
    }
    let pct_pp = |x: DimKey<'_>, y: DimKey<'_>| x == DimKey::Ratio && y == DimKey::PercentagePoint;
    if pct_pp(a, b) || pct_pp(b, a) {
        return Err(QuantityError::PercentVsPoint);
    }
    Err(QuantityError::IncompatibleUnits {
        left: left.clone(),
        right: right.clone(),
    })
}

/// The factor from `from` to `to` (same dimension) as a fraction.
fn ratio(from: &Unit, to: &Unit) -> (u64, u64) {
    let (n1, d1) = from.factor();
    let (n2, d2) = to.factor();
    (n1 * d2, d1 * n2)
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `m·10^k · num/den` as an exact `(mantissa, power)`, or `Inexact` when it has no finite decimal
/// form.
fn mul_rational(m: i128, k: i64, num: u64, den: u64) -> Result<(i128, i64), QuantityError> {
    let g = gcd(num, den).max(1);
    let (num, mut den) = (num / g, den / g);
    let (mut twos, mut fives) = (0u32, 0u32);
    while den % 2 == 0 {
        den /= 2;
        twos += 1;
    }
    while den % 5 == 0 {
        den /= 5;
        fives += 1;
    }
    let mut m = m
        .checked_mul(i128::from(num))
        .ok_or(QuantityError::Overflow)?;
    if den != 1 {
        let r = i128::from(den);
        if m % r != 0 {
            return Err(QuantityError::Inexact);
        }
        m /= r;
    }
    let c = twos.max(fives);
    m = m
        .checked_mul(2i128.pow(c - twos))
        .and_then(|m| m.checked_mul(5i128.pow(c - fives)))
        .ok_or(QuantityError::Overflow)?;
    Ok((m, k - i64::from(c)))
}

/// `m · 10^by` for `by >= 0`.
fn shift(m: i128, by: i64) -> Result<i128, QuantityError> {
    if m == 0 {
        return Ok(0);
    }
    let p = u32::try_from(by).map_err(|_| QuantityError::Overflow)?;
    10i128
        .checked_pow(p)
        .and_then(|f| m.checked_mul(f))
        .ok_or(QuantityError::Overflow)
}

const MAX_MANTISSA: i128 = (1i128 << 96) - 1;

/// `m · 10^k` as a decimal, keeping the scale `-k` where possible.
fn to_decimal(m: i128, k: i64) -> Result<Decimal, QuantityError> {
    if k >= 0 {
        let v = shift(m, k)?;
        if v.abs() > MAX_MANTISSA {
            return Err(QuantityError::Overflow);
        }
        return Decimal::try_from_i128_with_scale(v, 0).map_err(|_| QuantityError::Overflow);
    }
    let (mut m, mut scale) = (m, k.unsigned_abs());
    if m == 0 {
        // Zero at any power: keep as much of the scale as a decimal holds (and do not strip
        // billions of zeros one by one).
        return Ok(Decimal::new(0, scale.min(28) as u32));
    }
    while (scale > 28 || m.abs() > MAX_MANTISSA) && m % 10 == 0 && scale > 0 {
        m /= 10;
        scale -= 1;
    }
    let Ok(scale @ 0..=28) = u32::try_from(scale) else {
        return Err(QuantityError::Inexact);
    };
    if m.abs() > MAX_MANTISSA {
        return Err(if scale > 0 {
            QuantityError::Inexact
        } else {
            QuantityError::Overflow
        });
    }
    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| QuantityError::Overflow)
}

fn digits(x: u128) -> u32 {
    if x == 0 { 0 } else { x.ilog10() + 1 }
}

/// Compares `a·10^ka` with `b·10^kb` exactly.
fn cmp_scaled(a: i128, ka: i64, b: i128, kb: i64) -> Ordering {
    let (sa, sb) = (a.signum(), b.signum());
    if sa != sb || sa == 0 {
        return sa.cmp(&sb);
    }
    let (x, y) = (a.unsigned_abs(), b.unsigned_abs());
    let (lx, ly) = (i64::from(digits(x)) + ka, i64::from(digits(y)) + kb);
    let mag = if lx != ly {
        lx.cmp(&ly)
    } else {
        // Same order of magnitude: align to the same number of digits (at most 39).
        let (dx, dy) = (digits(x), digits(y));
        let (x, y) = if dx < dy {
            (x * 10u128.pow(dy - dx), y)
        } else {
            (x, y * 10u128.pow(dx - dy))
        };
        x.cmp(&y)
    };
    if sa < 0 { mag.reverse() } else { mag }
}

impl PartialOrd for Quantity {
    /// The order of amounts where it is consistent with structural `==`: `Some(Equal)` only for
    /// equal quantities, `None` for equal amounts written differently, for different dimensions
    /// and when the amounts cannot be compared (see the type's docs).
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self == other {
            return Some(Ordering::Equal);
        }
        match self.cmp_amount(other) {
            Ok(Ordering::Equal) | Err(_) => None,
            Ok(order) => Some(order),
        }
    }
}

impl fmt::Display for Quantity {
    /// The canonical text, which [`parse_quantity`] reads back to an equal quantity:
    /// mantissa, magnitude word (or `e<exponent>` when there is none), unit text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = magnitude_word(self.exponent);
        if word.is_empty() && self.exponent != 0 {
            write!(f, "{}e{}{}", self.value, self.exponent, self.unit_text)
        } else {
            write!(f, "{}{}{}", self.value, word, self.unit_text)
        }
    }
}

impl FromStr for Quantity {
    type Err = ParseError;

    /// Same as [`parse_quantity`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_quantity(s)
    }
}

/// Length of a leading sign, and whether it is negative: `-`, `－`, `−`, `+`, `＋`, and the word
/// 负 (負).
#[inline]
fn sign_len(s: &str) -> (usize, bool) {
    match s.as_bytes().first() {
        Some(b'-') => return (1, true),
        Some(b'+') => return (1, false),
        Some(&b) if b < 0x80 => return (0, false),
        _ => {}
    }
    match s.chars().next() {
        Some(c @ ('-' | '－' | '−' | '负' | '負')) => (c.len_utf8(), true),
        Some(c @ ('+' | '＋')) => (c.len_utf8(), false),
        _ => (0, false),
    }
}

/// A share prefix at the start of `s`: its length, its unit and the power of ten the numerator
/// is divided by. 百分之五 is 5%, 千分之三 is 3‰, 万分之三 is 0.03% (a ten-thousandth, kept in
/// percent).
#[inline]
pub(crate) fn share_prefix(s: &str) -> Option<(usize, Unit, u32)> {
    if s.as_bytes().first().is_none_or(|&b| b < 0x80) {
        return None;
    }
    let c = s.chars().next()?;
    let (unit, shift) = match c {
        '百' => (Unit::Percent, 0),
        '千' => (Unit::PerMille, 0),
        '万' | '萬' => (Unit::Percent, 2),
        _ => return None,
    };
    s[c.len_utf8()..]
        .starts_with("分之")
        .then(|| (c.len_utf8() + "分之".len(), unit, shift))
}

/// The numeral of a share after its prefix (`百`, `五`, `二点四`), divided by `10^shift`; a
/// magnitude word makes no share (`百分之五万`).
pub(crate) fn scan_share(s: &str, shift: u32) -> Scan {
    match numerals::scan_share_numerator(s) {
        Scan::Found(n, len) if n.exponent == 0 => {
            let v = n.value;
            match Decimal::try_from_i128_with_scale(v.mantissa(), v.scale() + shift) {
                Ok(value) => Scan::Found(Numeral { value, ..n }, len),
                Err(_) => Scan::Error(ParseErrorKind::Overflow, 0..len),
            }
        }
        Scan::Found(..) => Scan::NotNumeral,
        other => other,
    }
}

/// A currency named before the amount: 人民币 (人民幣).
fn currency_prefix(s: &str) -> Option<usize> {
    if s.as_bytes().first().is_none_or(|&b| b < 0x80) {
        return None;
    }
    ["人民币", "人民幣"]
        .into_iter()
        .find(|p| s.starts_with(p))
        .map(str::len)
}

/// One digit, Arabic or Chinese: its value and byte length.
fn one_digit(s: &str) -> Option<(i64, usize)> {
    let c = s.chars().next()?;
    let d = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        _ => numerals::chinese_digit(c)?,
    };
    Some((i64::from(d), c.len_utf8()))
}

/// Jiao and fen after a yuan amount (`1角1分`, `三毛`, `零五分`, then an optional 整 or 正): the
/// amount they add in yuan and their byte length.
pub(crate) fn money_tail(s: &str) -> Option<(Decimal, usize)> {
    let mut i = 0;
    let mut fen = 0i64;
    let mut any = false;
    for (words, place) in [(&["角", "毛"][..], 10), (&["分"][..], 1)] {
        let zero = if s[i..].starts_with('零') {
            '零'.len_utf8()
        } else {
            0
        };
        if let Some((d, n)) = one_digit(&s[i + zero..])
            && let Some(w) = words.iter().find(|w| s[i + zero + n..].starts_with(*w))
        {
            fen += d * place;
            i += zero + n + w.len();
            any = true;
        }
    }
    if !any {
        return None;
    }
    if s[i..].starts_with(['整', '正']) {
        i += '整'.len_utf8();
    }
    Some((Decimal::new(fen, 2).normalize(), i))
}

/// Whether a unit as written is a yuan word that jiao and fen may follow (元, 圆, 圓, and the
/// colloquial 块 of `十块三毛`).
fn takes_jiao(unit_text: &str) -> bool {
    matches!(unit_text, "元" | "圆" | "圓" | "块")
}

/// A quantity read from the start of a text.
pub(crate) struct Scanned {
    /// The numeral (for money with jiao and fen, the whole amount in yuan; for a share, its
    /// value in the share's unit).
    pub(crate) numeral: Numeral,
    pub(crate) unit: Unit,
    /// The unit as written (a prefix such as 百分之 or 人民币, or the unit after the number).
    pub(crate) unit_text: std::ops::Range<usize>,
    pub(crate) end: usize,
}

/// Adds the tails a unit may carry: jiao and fen after a whole yuan amount, 半 after whole tenths
/// (`三成半`); a fraction of a yuan has no jiao after it (`5.5元3角` is no amount). Returns the
/// numeral, unit and the bytes of the tail.
pub(crate) fn unit_tails(
    n: Numeral,
    unit: Unit,
    unit_text: &str,
    after: &str,
) -> (Numeral, Unit, usize) {
    if !after.is_empty()
        && matches!(unit, Unit::Currency(_) | Unit::Tenth | Unit::Count(_))
        && n.exponent == 0
        && n.is_exact()
        && n.value.fract().is_zero()
    {
        if takes_jiao(unit_text)
            && let Some((add, len)) = money_tail(after)
            && let Some(value) = n.value.checked_add(add)
        {
            return (Numeral { value, ..n }, Unit::CNY, len);
        }
        if unit == Unit::Tenth
            && after.starts_with('半')
            && let Some(value) = n.value.checked_add(Decimal::new(5, 1))
        {
            return (Numeral { value, ..n }, unit, '半'.len_utf8());
        }
    }
    (n, unit, 0)
}

/// Scans a quantity at the start of `s` with every published form: share prefixes (with a
/// leading 负), a currency before the amount, jiao and fen, 成半.
pub(crate) fn scan_quantity_parts(s: &str) -> Option<Scanned> {
    let first = *s.as_bytes().first()?;
    if first >= 0x80 {
        let sl = match s.chars().next() {
            Some(c @ ('负' | '負')) => c.len_utf8(),
            _ => 0,
        };
        if let Some((plen, unit, shift)) = share_prefix(&s[sl..]) {
            let at = sl + plen;
            let Scan::Found(n, len) = scan_share(&s[at..], shift) else {
                return None;
            };
            let numeral = if sl > 0 { numerals::negated(n) } else { n };
            return Some(Scanned {
                numeral,
                unit,
                unit_text: sl..at,
                end: at + len,
            });
        }
        if let Some(plen) = currency_prefix(s) {
            let at =
                plen + (s[plen..].len() - s[plen..].trim_start_matches([' ', '\u{3000}']).len());
            let (numeral, len) = scan_numeral(&s[at..])?;
            let after = at + len;
            return match scan_unit(&s[after..]) {
                Some((Unit::CNY, ul)) => Some(Scanned {
                    numeral,
                    unit: Unit::CNY,
                    unit_text: after..after + ul,
                    end: after + ul,
                }),
                Some(_) => None,
                None => Some(Scanned {
                    numeral,
                    unit: Unit::CNY,
                    unit_text: 0..plen,
                    end: after,
                }),
            };
        }
    }
    let (n, len) = scan_numeral(s)?;
    let after = s.get(len..)?;
    Some(match scan_unit(after) {
        Some((unit, ulen)) => {
            let (numeral, unit, tail) = unit_tails(n, unit, &after[..ulen], &after[ulen..]);
            Scanned {
                numeral,
                unit,
                unit_text: len..len + ulen,
                end: len + ulen + tail,
            }
        }
        None => Scanned {
            numeral: n,
            unit: Unit::Number,
            unit_text: len..len,
            end: len,
        },
    })
}

/// Parses a whole string (surrounding whitespace trimmed) as an exact quantity.
///
/// Reads a sign (`-`, `－`, `−`, `+`, `负`), a numeral (see [`crate::numerals`]), an optional
/// `e<exponent>` (as written by `Display` for exponents without a magnitude word), optional
/// whitespace and a unit (see [`crate::units`]). Shares: `百分之五` is 5%, `千分之二点四` is
/// 2.4‰, `万分之三` is 0.03%, `百分之百` is 100%. Money: a currency before the amount
/// (`人民币100亿元`, `人民幣3.14`), after it (`100亿元人民币`, `3.14人民币`, `5圆`, `100元整`), and
/// yuan with jiao and fen (`123元1角1分` is 123.11元, `十块三毛` 10.3元; the unit as written is the
/// yuan word, or 元 for 块). Tenths with a half: `三成半` is 3.5成. A bare number has
/// [`Unit::Number`]. Approximate numerals, and fractions without a finite decimal form
/// (`三分之一`), are [`ParseErrorKind::Approximate`].
///
/// ```
/// use planwatch::quantity::{parse_quantity, Quantity};
/// use planwatch::units::Unit;
/// use planwatch::error::ParseErrorKind;
/// let q = parse_quantity("－0.3%").unwrap();
/// assert_eq!(q, Quantity::new("-0.3".parse().unwrap(), 0, Unit::Percent));
/// assert_eq!(parse_quantity("百分之五").unwrap(), Quantity::new(5.into(), 0, Unit::Percent));
/// assert_eq!(parse_quantity("负百分之五").unwrap().to_string(), "-5%");
/// assert_eq!(parse_quantity("万分之三").unwrap().to_string(), "0.03%");
/// assert_eq!(parse_quantity("三万四千").unwrap(), Quantity::new(34000.into(), 0, Unit::Number));
/// assert_eq!(parse_quantity("五分之一").unwrap().to_string(), "0.2");
/// assert_eq!(parse_quantity("人民币100亿元").unwrap().to_string(), "100亿元");
/// assert_eq!(parse_quantity("100亿元人民币").unwrap().unit_text(), "元人民币");
/// assert_eq!(parse_quantity("123元1角1分").unwrap().to_string(), "123.11元");
/// assert_eq!(parse_quantity("三成半").unwrap().to_string(), "3.5成");
/// assert_eq!(parse_quantity("1600多个").unwrap_err().kind(), ParseErrorKind::Approximate);
/// assert_eq!(parse_quantity("三分之一").unwrap_err().kind(), ParseErrorKind::Approximate);
/// assert_eq!(parse_quantity("99999999999999999999999999999999万亿元").unwrap_err().kind(), ParseErrorKind::Overflow);
/// ```
pub fn parse_quantity(s: &str) -> Result<Quantity, ParseError> {
    let err = |kind, start: usize, end: usize| Err(ParseError::new(kind, start..end, s));
    if s.len() > MAX_QUANTITY_LEN {
        return err(ParseErrorKind::TooLong, 0, s.len());
    }
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let t = t.trim_end();
    let end = lead + t.len();
    if t.is_empty() {
        return err(ParseErrorKind::Empty, 0, s.len());
    }
    let (sl, negative) = sign_len(t);
    let mut start = lead + sl;
    let mut body = &t[sl..];
    let fix_sign = |v: Decimal| if negative { -v } else { v };

    // 百分之五, 千分之三, 万分之三.
    if let Some((plen, unit, shift)) = share_prefix(body) {
        let rest = &body[plen..];
        let at = start + plen;
        return match scan_share(rest, shift) {
            Scan::Found(n, len) if len == rest.len() => {
                if n.approx != Approx::Exact {
                    return err(ParseErrorKind::Approximate, at, end);
                }
                Ok(Quantity::new(fix_sign(n.value), 0, unit))
            }
            Scan::Found(_, len) => err(ParseErrorKind::UnexpectedCharacter, at + len, end),
            Scan::NotNumeral if rest.is_empty() => err(ParseErrorKind::MissingNumber, at, end),
            Scan::NotNumeral => err(ParseErrorKind::UnexpectedCharacter, at, end),
            Scan::Error(kind, r) => err(kind, at + r.start, at + r.end.max(numeral_run(rest))),
        };
    }

    // 人民币100亿元, 人民幣3.14: the currency before the amount.
    let mut currency: Option<&str> = None;
    if let Some(plen) = currency_prefix(body) {
        currency = Some(&body[..plen]);
        let rest = body[plen..].trim_start();
        start += body.len() - rest.len();
        body = rest;
        if body.is_empty() {
            return err(ParseErrorKind::MissingNumber, lead, end);
        }
    }

    let (numeral, len) = match scan_detailed(body) {
        Scan::Found(n, len) => (n, len),
        Scan::Error(kind, r) => {
            let run = numeral_run(body).max(r.end);
            return err(kind, start + r.start, start + run);
        }
        Scan::NotNumeral => {
            let kind = if body.is_empty() || scan_unit(body).is_some() {
                ParseErrorKind::MissingNumber
            } else {
                ParseErrorKind::UnexpectedCharacter
            };
            let first = body.chars().next().map_or(0, char::len_utf8);
            return err(kind, start, start + first.max(body.len().min(first)));
        }
    };
    if numeral.approx != Approx::Exact {
        return err(ParseErrorKind::Approximate, start, start + len);
    }
    let mut exponent = numeral.exponent;
    let mut rest = &body[len..];
    let mut at = start + len;

    // e<exponent>
    if exponent == 0
        && let Some(after_e) = rest.strip_prefix(['e', 'E'])
    {
        let (esl, eneg) = sign_len(after_e);
        let digits_len = after_e[esl..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits_len > 0 && after_e[..esl].chars().all(|c| matches!(c, '-' | '+')) {
            let text = &after_e[esl..esl + digits_len];
            let e_end = at + 1 + esl + digits_len;
            // Read in i64 so that `e-2147483648` (i32::MIN, which Display writes) reads back.
            let parsed = text
                .parse::<i64>()
                .ok()
                .and_then(|e| i32::try_from(if eneg { -e } else { e }).ok());
            match parsed {
                Some(e) => exponent = e,
                None => return err(ParseErrorKind::Overflow, at, e_end),
            }
            rest = &after_e[esl + digits_len..];
            at = e_end;
        }
    }

    let unit_part = rest.trim_start();
    let unit_at = at + (rest.len() - unit_part.len());
    if unit_part.is_empty() {
        if rest.is_empty() {
            return Ok(match currency {
                Some(text) => Quantity {
                    value: fix_sign(numeral.value),
                    exponent,
                    unit: Unit::CNY,
                    unit_text: text.to_string(),
                },
                None => Quantity::new(fix_sign(numeral.value), exponent, Unit::Number),
            });
        }
        return err(ParseErrorKind::UnexpectedCharacter, at, end);
    }
    let Some((unit, n)) = scan_unit(unit_part) else {
        if starts_numeral_char(unit_part) && rest.len() == unit_part.len() {
            return err(ParseErrorKind::MixedScripts, start, end);
        }
        return err(ParseErrorKind::UnknownUnit, unit_at, end);
    };
    if currency.is_some() && unit != Unit::CNY {
        return err(ParseErrorKind::UnknownUnit, unit_at, end);
    }
    if n == unit_part.len() {
        return Ok(Quantity {
            value: fix_sign(numeral.value),
            exponent,
            unit,
            unit_text: unit_part.to_string(),
        });
    }
    let n_exact = Numeral {
        exponent,
        ..numeral
    };
    let (tailed, unit, tail) = unit_tails(n_exact, unit, &unit_part[..n], &unit_part[n..]);
    if n + tail != unit_part.len() {
        if starts_numeral_char(unit_part) && rest.len() == unit_part.len() {
            return err(ParseErrorKind::MixedScripts, start, end);
        }
        return err(ParseErrorKind::UnknownUnit, unit_at, end);
    }
    let written = &unit_part[..n];
    let unit_text = if tail > 0 && unit == Unit::CNY && !is_spelling_of(written, &unit) {
        // 十块三毛: 块 alone counts pieces; with jiao it is money, written 元.
        unit.canonical_text().to_string()
    } else {
        written.to_string()
    };
    Ok(Quantity {
        value: fix_sign(tailed.value),
        exponent,
        unit,
        unit_text,
    })
}

/// Scans a quantity at the start of `s` for extraction: a numeral (exact or approximate)
/// followed directly by an optional unit, or a share prefix (`百分之`, `千分之`, `万分之`,
/// after an optional 负) or a currency (`人民币`) followed by a numeral.
///
/// Returns `(numeral, unit, unit_start, end)`: the unit starts at byte `unit_start` and the
/// quantity ends at byte `end`. Without a unit, the unit is [`Unit::Number`] and
/// `unit_start == end`. For `百分之五` and `人民币3.14` the unit text comes first: `unit_start`
/// is where the prefix starts and the numeral follows it. The numeral carries the amount in the
/// unit: `万分之三` gives 0.03 (percent), `123元1角1分` gives 123.11 (yuan), `三成半` 3.5 (tenths).
/// Names such as `十四五` are not read (see [`crate::numerals::is_ordinal_or_name`] for context
/// rules). Does not allocate except for the rare classifiers of [`Unit::Count`].
///
/// ```
/// use planwatch::quantity::scan_quantity;
/// use planwatch::units::Unit;
/// let (n, unit, unit_start, end) = scan_quantity("1244万人以上").unwrap();
/// assert_eq!((n.value.to_string(), n.exponent, unit, unit_start, end), ("1244".to_string(), 4, Unit::Person, 7, 10));
/// let (n, unit, _, end) = scan_quantity("百分之五左右").unwrap();
/// assert_eq!((n.value.to_string(), unit, end), ("5".to_string(), Unit::Percent, 12));
/// let (_, unit, unit_start, end) = scan_quantity("2023年").unwrap();
/// assert_eq!((unit, unit_start, end), (Unit::Year, 4, 7));
/// let (n, unit, _, end) = scan_quantity("5元5角，").unwrap();
/// assert_eq!((n.value.to_string(), unit, end), ("5.5".to_string(), Unit::CNY, 8));
/// ```
pub fn scan_quantity(s: &str) -> Option<(Numeral, Unit, usize, usize)> {
    let q = scan_quantity_parts(s)?;
    Some((q.numeral, q.unit, q.unit_text.start, q.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: &str, e: i32, u: Unit) -> Quantity {
        Quantity::new(Decimal::from_str_exact(v).expect("decimal"), e, u)
    }

    fn p(s: &str) -> Quantity {
        parse_quantity(s).expect(s)
    }

    #[test]
    fn parses_report_forms() {
        assert_eq!(p("126.06万亿元"), q("126.06", 12, Unit::CNY));
        assert_eq!(p("32379.77亿美元"), q("32379.77", 8, Unit::USD));
        assert_eq!(p("1244万人"), q("1244", 4, Unit::Person));
        assert_eq!(p("859.6万台"), q("859.6", 4, Unit::Set));
        assert_eq!(p("1.3万亿斤"), q("1.3", 12, Unit::Jin));
        assert_eq!(p("30微克/立方米"), q("30", 0, Unit::MicrogramPerCubicMetre));
        assert_eq!(p("6.3万平方公里"), q("6.3", 4, Unit::SquareKilometre));
        assert_eq!(p("3100万千瓦"), q("3100", 4, Unit::Kilowatt));
        assert_eq!(p("3万亿千瓦时"), q("3", 12, Unit::KilowattHour));
        assert_eq!(p(" 111.4% "), q("111.4", 0, Unit::Percent));
        assert_eq!(p("1,100.9亿元"), q("1100.9", 8, Unit::CNY));
        assert_eq!(
            p("１２％"),
            q("12", 0, Unit::Percent).with_unit_text("％".into())
        );
        assert_eq!(p("-0.3%"), q("-0.3", 0, Unit::Percent));
        assert_eq!(p("一点五"), q("1.5", 0, Unit::Number));
        assert_eq!(p("两千"), q("2000", 0, Unit::Number));
        assert_eq!(p("5e3元"), q("5", 3, Unit::CNY));
        assert_eq!(p("5 元"), q("5", 0, Unit::CNY));
        assert_eq!(p("千分之三"), q("3", 0, Unit::PerMille));
    }

    #[test]
    fn errors() {
        let k = |s: &str| parse_quantity(s).map_err(|e| (e.kind(), e.span()));
        assert_eq!(k(""), Err((ParseErrorKind::Empty, 0..0)));
        assert_eq!(k("   "), Err((ParseErrorKind::Empty, 0..3)));
        assert_eq!(k("元"), Err((ParseErrorKind::MissingNumber, 0..3)));
        assert_eq!(k("-"), Err((ParseErrorKind::MissingNumber, 1..1)));
        assert_eq!(k("abc"), Err((ParseErrorKind::UnexpectedCharacter, 0..1)));
        assert_eq!(k("5英里"), Err((ParseErrorKind::UnknownUnit, 1..7)));
        assert_eq!(k("250余万人"), Err((ParseErrorKind::Approximate, 0..9)));
        assert_eq!(
            k("3万4千5百.2").map_err(|e| e.0),
            Err(ParseErrorKind::MixedScripts)
        );
        let long = "9".repeat(10_000);
        assert_eq!(k(&long), Err((ParseErrorKind::TooLong, 0..10_000)));
        let big = "99999999999999999999999999999999万亿元";
        assert_eq!(k(big), Err((ParseErrorKind::Overflow, 0..32)));
        assert_eq!(
            k("5e99999999999").map_err(|e| e.0),
            Err(ParseErrorKind::Overflow)
        );
    }

    #[test]
    fn arithmetic() {
        let pp = p("5.2%").checked_sub(&p("3‰")).expect("sub");
        assert_eq!(pp, q("4.9", 0, Unit::PercentagePoint));
        assert_eq!(
            p("5%").checked_add(&p("1个百分点")),
            Err(QuantityError::PercentVsPoint)
        );
        assert_eq!(
            p("1人").checked_add(&p("1台")),
            Err(QuantityError::IncompatibleUnits {
                left: Unit::Person,
                right: Unit::Set
            })
        );
        assert_eq!(
            p("1吨").checked_add(&p("1斤")).expect("add"),
            q("1.0005", 0, Unit::Ton)
        );
        assert_eq!(
            p("1平方公里").checked_add(&p("1亩")),
            Err(QuantityError::Inexact)
        );
        assert_eq!(
            p("1亩").checked_add(&p("1平方公里")).expect("add"),
            q("1501", 0, Unit::Mu)
        );
        assert_eq!(p("1e40元").to_base(), Err(QuantityError::Overflow));
        assert_eq!(p("1e40元").cmp_amount(&p("5元")), Ok(Ordering::Greater));
        assert_eq!(p("-1e40元").cmp_amount(&p("5元")), Ok(Ordering::Less));
        assert_eq!(p("0元").cmp_amount(&p("-0.0元")), Ok(Ordering::Equal));
        assert_eq!(p("1‰").cmp_amount(&p("0.1%")), Ok(Ordering::Equal));
        assert_eq!(
            p("1天").convert_to(&Unit::Hour).expect("h"),
            q("24", 0, Unit::Hour)
        );
    }
}
