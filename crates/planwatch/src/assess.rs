//! Assessment: a target, an outcome, the indicator and a policy give a verdict with its
//! components.
//!
//! # How a verdict is reached
//!
//! Every value is **signed by its direction** (`下降2%` is −2%) and expressed in the target's
//! unit and magnitude (`1244万人` against `1200万人左右` is 1244 in 万人). The target becomes an
//! acceptable band:
//!
//! | comparator | band |
//! |------------|------|
//! | `exact` | the value |
//! | `around` | value ± [`Policy::around_tolerance_pp`] for % and percentage points, ± value × [`Policy::around_tolerance_rel`] for every other unit |
//! | `range` | lower to upper |
//! | `at_least` / `more_than` | from the value up (inclusive / exclusive) |
//! | `at_most` / `less_than` | up to the value (inclusive / exclusive) |
//!
//! For `exact`, `around` and `range`, the indicator's [`Desired`] direction decides what lies
//! outside the band: for a **higher-better** indicator (GDP growth, new jobs) below the band is
//! `missed` and above it `exceeded`; for a **lower-better** indicator (CPI inflation,
//! unemployment, energy intensity change) the band's top is a ceiling: at or under it is `met`,
//! above it `missed`; for **band** and **neutral** indicators both sides are `missed`. One-sided
//! comparators are floors or ceilings whatever the indicator: the wrong side is `missed`.
//!
//! An outcome with a bound (`超过2.2万亿元`, `近3万亿千瓦时`, `94%以上`) is an interval of possible
//! values; it gets a verdict when every value in it gets the same one, else it is
//! `not_assessable` with reason `outcome-bound-inconclusive`. An `around` outcome (`约3%`) is
//! read as its value.
//!
//! The **margin** is how far the outcome is on the good side of the target's reference point
//! (the value; for a range the binding end: the lower end for higher-better, the upper end for
//! lower-better, the middle for band and neutral indicators), in the target's unit and
//! magnitude: positive is better than the target. For band and neutral indicators it is minus
//! the distance from the reference point. An outcome with a bound has no margin.
//!
//! Relational targets (`与经济增长同步`, `高于国内生产总值增长`) are assessed with
//! [`assess_relative`] against the reference indicator's outcome. Qualitative and direction-only
//! targets are `not_assessable` (`qualitative-target`) unless the outcome's direction decides:
//! `继续下降` against an outcome `下降0.5%` is `met`.
//!
//! ```
//! use planwatch::assess::{assess, Policy, Verdict};
//! use planwatch::document::Period;
//! use planwatch::figure::{parse_figure, parse_target};
//! use planwatch::indicator::{Desired, Indicator, Measure};
//! use planwatch::target::{Outcome, OutcomeStatus, Target};
//! use planwatch::units::Unit;
//! let gdp = Indicator {
//!     id: "gdp_growth".into(), name_zh: "国内生产总值增长".into(), name_en: "GDP growth".into(),
//!     aliases: vec![], category: "growth".into(), attribute: None,
//!     desired: Desired::HigherBetter, measure: Measure::GrowthRate, unit: Unit::Percent,
//! };
//! let target = Target { indicator: "gdp_growth".into(), period: Period::year(2023),
//!     figure: parse_target("增长5%左右").unwrap(), provenance: None };
//! let outcome = Outcome { indicator: "gdp_growth".into(), period: Period::year(2023),
//!     figure: parse_figure("增长5.2%").unwrap(), status: OutcomeStatus::Preliminary, provenance: None };
//! let a = assess(&target, &outcome, &gdp, &Policy::default());
//! assert_eq!(a.verdict, Verdict::Met);
//! assert_eq!(a.margin.unwrap().to_string(), "0.2");
//! let band = a.band.unwrap();
//! assert_eq!((band.lower.unwrap().to_string(), band.upper.unwrap().to_string()), ("4.5%".into(), "5.5%".into()));
//! ```

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::QuantityError;
use crate::figure::qualitative_state;
use crate::indicator::{Desired, Indicator, Measure};
use crate::quantity::Quantity;
pub use crate::target::Verdict;
use crate::target::{Comparator, Direction, Figure, Outcome, Relation, Target};
use crate::units::Unit;

/// Why a target could not be assessed. Serialized as its stable kebab-case code.
///
/// ```
/// use planwatch::assess::NotAssessableReason;
/// assert_eq!(NotAssessableReason::UnitMismatch.code(), "unit-mismatch");
/// assert_eq!(serde_json::to_string(&NotAssessableReason::QualitativeTarget).unwrap(), "\"qualitative-target\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotAssessableReason {
    /// Target and outcome units have different dimensions, or one is in percent and the other
    /// in percentage points.
    UnitMismatch,
    /// The outcome's bound admits values with different verdicts.
    OutcomeBoundInconclusive,
    /// The target is qualitative or direction-only and the outcome's direction does not decide.
    QualitativeTarget,
    /// The target is quantitative but the outcome states no value.
    QualitativeOutcome,
    /// A quantitative comparator without its quantity (or a range without both ends).
    MissingQuantity,
    /// A relational target (`in_step_with`, `relative`) needs the reference indicator's
    /// outcome: use [`assess_relative`].
    NeedsReference,
    /// Target, outcome and indicator (or the reference) are about different indicators.
    IndicatorMismatch,
    /// Target and outcome are for different periods.
    PeriodMismatch,
    /// The target's range has its lower end above its upper end.
    InvertedRange,
    /// Exact arithmetic failed (overflow, or a conversion with no exact decimal).
    Arithmetic,
}

crate::codes::stable_codes! {
    NotAssessableReason, "planwatch::assess::NotAssessableReason";
    UnitMismatch => "unit-mismatch",
    OutcomeBoundInconclusive => "outcome-bound-inconclusive",
    QualitativeTarget => "qualitative-target",
    QualitativeOutcome => "qualitative-outcome",
    MissingQuantity => "missing-quantity",
    NeedsReference => "needs-reference",
    IndicatorMismatch => "indicator-mismatch",
    PeriodMismatch => "period-mismatch",
    InvertedRange => "inverted-range",
    Arithmetic => "arithmetic",
}

/// The reading of qualifiers that assessment needs: how wide 左右 is, how close 同步 is.
///
/// [`Policy::default()`] is **the documented default**: 左右 is ±0.5 percentage points for
/// targets in % or percentage points and ±2% of the value for every other unit (so
/// `1200万人左右` is 1176万 to 1224万); 同步 is within 0.5 percentage points (or 2% of the
/// reference for other units). Every [`Assessment`] records the policy it used.
///
/// ```
/// use planwatch::assess::Policy;
/// let p = Policy::default();
/// assert_eq!(p.around_tolerance_pp.to_string(), "0.5");
/// assert_eq!(p.around_tolerance_rel.to_string(), "0.02");
/// let strict: Policy = serde_json::from_str(r#"{"around_tolerance_pp": "0.2"}"#).unwrap();
/// assert_eq!(strict.around_tolerance_pp.to_string(), "0.2");
/// assert_eq!(strict.in_step_tolerance_pp, p.in_step_tolerance_pp);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PolicyFields")]
pub struct Policy {
    /// Half-width of the 左右 band, in percentage points, for targets in % or percentage
    /// points. Default 0.5.
    pub around_tolerance_pp: Decimal,
    /// Half-width of the 左右 band as a fraction of the value, for every other unit (levels,
    /// counts, per mille, multiples). Default 0.02.
    pub around_tolerance_rel: Decimal,
    /// How far below (higher-better) or above (lower-better) the reference an in-step outcome
    /// may be, in percentage points, for % and percentage points. Default 0.5.
    pub in_step_tolerance_pp: Decimal,
    /// The same as a fraction of the reference, for every other unit. Default 0.02.
    pub in_step_tolerance_rel: Decimal,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            around_tolerance_pp: Decimal::new(5, 1),
            around_tolerance_rel: Decimal::new(2, 2),
            in_step_tolerance_pp: Decimal::new(5, 1),
            in_step_tolerance_rel: Decimal::new(2, 2),
        }
    }
}

/// A tolerance of a [`Policy`] that cannot be one: negative.
///
/// ```
/// use rust_decimal::Decimal;
/// let err = planwatch::assess::Policy::new(Decimal::new(-1, 1), Decimal::ONE, Decimal::ONE, Decimal::ONE).unwrap_err();
/// assert_eq!(err.to_string(), "around_tolerance_pp cannot be negative: -0.1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError {
    /// The field.
    pub field: &'static str,
    /// The value given.
    pub value: Decimal,
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} cannot be negative: {}", self.field, self.value)
    }
}

impl std::error::Error for PolicyError {}

impl Policy {
    /// A policy with these tolerances; a negative one is an error (a band cannot be narrower
    /// than its target). JSON goes through the same check.
    ///
    /// # Errors
    /// A [`PolicyError`] naming the first negative tolerance.
    ///
    /// ```
    /// use planwatch::assess::Policy;
    /// use rust_decimal::Decimal;
    /// let p = Policy::new(Decimal::new(2, 1), Decimal::new(2, 2), Decimal::new(5, 1), Decimal::ZERO).unwrap();
    /// assert_eq!(p.around_tolerance_pp.to_string(), "0.2");
    /// let err = serde_json::from_str::<Policy>(r#"{"in_step_tolerance_rel": "-0.01"}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("in_step_tolerance_rel cannot be negative"), "{err}");
    /// ```
    pub fn new(
        around_tolerance_pp: Decimal,
        around_tolerance_rel: Decimal,
        in_step_tolerance_pp: Decimal,
        in_step_tolerance_rel: Decimal,
    ) -> Result<Policy, PolicyError> {
        for (field, value) in [
            ("around_tolerance_pp", around_tolerance_pp),
            ("around_tolerance_rel", around_tolerance_rel),
            ("in_step_tolerance_pp", in_step_tolerance_pp),
            ("in_step_tolerance_rel", in_step_tolerance_rel),
        ] {
            if value.is_sign_negative() && !value.is_zero() {
                return Err(PolicyError { field, value });
            }
        }
        Ok(Policy {
            around_tolerance_pp,
            around_tolerance_rel,
            in_step_tolerance_pp,
            in_step_tolerance_rel,
        })
    }
}

/// The JSON form of a [`Policy`], checked by [`Policy::new`] on the way in.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PolicyFields {
    around_tolerance_pp: Decimal,
    around_tolerance_rel: Decimal,
    in_step_tolerance_pp: Decimal,
    in_step_tolerance_rel: Decimal,
}

impl Default for PolicyFields {
    fn default() -> Self {
        let p = Policy::default();
        PolicyFields {
            around_tolerance_pp: p.around_tolerance_pp,
            around_tolerance_rel: p.around_tolerance_rel,
            in_step_tolerance_pp: p.in_step_tolerance_pp,
            in_step_tolerance_rel: p.in_step_tolerance_rel,
        }
    }
}

impl TryFrom<PolicyFields> for Policy {
    type Error = PolicyError;
    fn try_from(f: PolicyFields) -> Result<Self, Self::Error> {
        Policy::new(
            f.around_tolerance_pp,
            f.around_tolerance_rel,
            f.in_step_tolerance_pp,
            f.in_step_tolerance_rel,
        )
    }
}

/// The band an outcome was held against, signed and in the target's unit and magnitude; an
/// open side is `None`.
///
/// ```
/// use planwatch::assess::Band;
/// let b = Band { lower: Some("4.5%".parse().unwrap()), upper: None };
/// assert_eq!(b.lower.unwrap().to_string(), "4.5%");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest acceptable value, if bounded below.
    pub lower: Option<Quantity>,
    /// The highest acceptable value, if bounded above.
    pub upper: Option<Quantity>,
}

/// A verdict with its components: the band used, the outcome as compared, the signed margin,
/// the direction, the comparator and the policy.
///
/// ```
/// use planwatch::assess::{Assessment, Policy, Verdict};
/// use planwatch::indicator::Desired;
/// use planwatch::target::Comparator;
/// let a = Assessment::not_assessable(
///     planwatch::assess::NotAssessableReason::QualitativeTarget, Desired::Band, Comparator::Qualitative, &Policy::default());
/// assert_eq!(a.verdict, Verdict::NotAssessable);
/// assert_eq!(serde_json::to_value(&a).unwrap()["reason"], "qualitative-target");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The verdict.
    pub verdict: Verdict,
    /// Why the verdict is `not_assessable`.
    pub reason: Option<NotAssessableReason>,
    /// The band the outcome was held against (signed, in the target's unit and magnitude; for
    /// relational targets, in the outcome's).
    pub band: Option<Band>,
    /// The outcome's value as compared (signed, in the band's unit and magnitude), when it is
    /// a single value.
    pub value: Option<Quantity>,
    /// How far the outcome is on the good side of the target, in the band's unit and magnitude
    /// (positive = better than the target); `None` when the outcome is a bound.
    pub margin: Option<Decimal>,
    /// The indicator's desired direction.
    pub desired: Desired,
    /// The target's comparator.
    pub comparator: Comparator,
    /// The policy used.
    pub policy: Policy,
}

impl Assessment {
    /// A `not_assessable` assessment with its reason.
    ///
    /// ```
    /// use planwatch::assess::{Assessment, NotAssessableReason, Policy};
    /// let a = Assessment::not_assessable(NotAssessableReason::PeriodMismatch,
    ///     planwatch::indicator::Desired::HigherBetter, planwatch::target::Comparator::Around, &Policy::default());
    /// assert_eq!(a.reason, Some(NotAssessableReason::PeriodMismatch));
    /// ```
    pub fn not_assessable(
        reason: NotAssessableReason,
        desired: Desired,
        comparator: Comparator,
        policy: &Policy,
    ) -> Self {
        Assessment {
            verdict: Verdict::NotAssessable,
            reason: Some(reason),
            band: None,
            value: None,
            margin: None,
            desired,
            comparator,
            policy: policy.clone(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Points and intervals on the signed line

/// A point with an infinitesimal offset: `(x, -1)` is just below x, `(x, 1)` just above.
type Point = (Decimal, i8);

/// One end of an interval; `None` is unbounded.
type End = Option<Point>;

/// Where a value lies relative to the acceptable band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Region {
    Below,
    Inside,
    Above,
}

/// The acceptable band: lowest and highest acceptable points, and the verdicts outside.
struct Accept {
    low: End,
    high: End,
    below: Verdict,
    above: Verdict,
}

impl Accept {
    fn region(&self, p: Point) -> Region {
        if let Some(lo) = self.low
            && p < lo
        {
            return Region::Below;
        }
        if let Some(hi) = self.high
            && p > hi
        {
            return Region::Above;
        }
        Region::Inside
    }

    fn verdict(&self, r: Region) -> Verdict {
        match r {
            Region::Below => self.below,
            Region::Inside => Verdict::Met,
            Region::Above => self.above,
        }
    }

    /// The verdict of every value of `[lo, hi]`, if they share one.
    fn judge(&self, lo: End, hi: End) -> Option<Verdict> {
        let r_lo = match lo {
            Some(p) => self.region(p),
            None if self.low.is_some() => Region::Below,
            None => Region::Inside,
        };
        let r_hi = match hi {
            Some(p) => self.region(p),
            None if self.high.is_some() => Region::Above,
            None => Region::Inside,
        };
        // Regions are convex and ordered: both ends in one region means all values are.
        let (v_lo, v_hi) = (self.verdict(r_lo), self.verdict(r_hi));
        if r_lo == r_hi || (v_lo == v_hi && !(r_lo == Region::Below && r_hi == Region::Above)) {
            Some(v_lo)
        } else {
            None
        }
    }
}

/// The amount of `q` in `unit` at magnitude `exponent`, exactly.
fn amount_in(q: &Quantity, unit: &Unit, exponent: i32) -> Result<Decimal, QuantityError> {
    if q.unit() == unit && q.exponent() == exponent {
        return Ok(q.value());
    }
    let converted = q.convert_to(unit)?;
    rescale(converted.value(), converted.exponent(), exponent)
}

/// `value × 10^(from − to)`, exactly: [`QuantityError::Inexact`] when the result needs more
/// than 28 decimal places, [`QuantityError::Overflow`] beyond the decimal range (exponents read
/// from user data may be anywhere in `i32`).
fn rescale(value: Decimal, from: i32, to: i32) -> Result<Decimal, QuantityError> {
    let shift = i64::from(from) - i64::from(to);
    let shift = i32::try_from(shift).map_err(|_| {
        if shift > 0 {
            QuantityError::Overflow
        } else {
            QuantityError::Inexact
        }
    })?;
    Ok(Quantity::new(value, shift, Unit::Number)
        .to_base()?
        .normalize())
}

/// Whether a unit takes the percentage-point tolerance.
fn pp_unit(unit: &Unit) -> bool {
    matches!(unit, Unit::Percent | Unit::PercentagePoint)
}

fn reason_of(e: &QuantityError) -> NotAssessableReason {
    match e {
        QuantityError::IncompatibleUnits { .. } | QuantityError::PercentVsPoint => {
            NotAssessableReason::UnitMismatch
        }
        _ => NotAssessableReason::Arithmetic,
    }
}

/// The anchor of a figure: unit and magnitude of its first quantity.
fn anchor(f: &Figure) -> Option<(Unit, i32)> {
    let q = f.value.as_ref().or(f.lower.as_ref())?;
    Some((q.unit().clone(), q.exponent()))
}

fn sign(direction: Option<Direction>) -> bool {
    direction == Some(Direction::Decrease)
}

/// A figure as an interval of signed amounts in (unit, exponent): `(lo, hi)`.
fn interval(f: &Figure, unit: &Unit, exp: i32) -> Result<Option<(End, End)>, QuantityError> {
    let get = |q: &Option<Quantity>| -> Result<Option<Decimal>, QuantityError> {
        q.as_ref().map(|q| amount_in(q, unit, exp)).transpose()
    };
    let (lo, hi): (End, End) = match f.comparator {
        Comparator::Exact | Comparator::Around => match get(&f.value)? {
            Some(v) => (Some((v, 0)), Some((v, 0))),
            None => return Ok(None),
        },
        Comparator::AtLeast => match get(&f.value)? {
            Some(v) => (Some((v, 0)), None),
            None => return Ok(None),
        },
        Comparator::MoreThan => match get(&f.value)? {
            Some(v) => (Some((v, 1)), None),
            None => return Ok(None),
        },
        Comparator::AtMost => match get(&f.value)? {
            Some(v) => (None, Some((v, 0))),
            None => return Ok(None),
        },
        Comparator::LessThan => match get(&f.value)? {
            Some(v) => (None, Some((v, -1))),
            None => return Ok(None),
        },
        Comparator::Range => match (get(&f.lower)?, get(&f.upper)?) {
            (Some(a), Some(b)) => (Some((a, 0)), Some((b, 0))),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    if sign(f.direction) {
        Ok(Some((neg_end(hi), neg_end(lo))))
    } else {
        Ok(Some((lo, hi)))
    }
}

fn neg_end(e: End) -> End {
    e.map(|(v, o)| (-v, -o))
}

fn quantity_at(v: Decimal, unit: &Unit, exp: i32) -> Quantity {
    Quantity::new(v.normalize(), exp, unit.clone())
}

/// The better side of a target: +1 when higher is better, −1 when lower is, 0 when closeness
/// counts.
fn good_side(comparator: Comparator, desired: Desired) -> i8 {
    match comparator {
        Comparator::AtLeast | Comparator::MoreThan => 1,
        Comparator::AtMost | Comparator::LessThan => -1,
        _ => match desired {
            Desired::HigherBetter => 1,
            Desired::LowerBetter => -1,
            Desired::Band | Desired::Neutral => 0,
        },
    }
}

fn margin(x: Decimal, reference: Decimal, side: i8) -> Option<Decimal> {
    let m = match side {
        1 => x.checked_sub(reference),
        -1 => reference.checked_sub(x),
        _ => x.checked_sub(reference).map(|d| -d.abs()),
    };
    m.map(|m| m.normalize())
}

/// Assesses a target against an outcome of the same indicator and period.
///
/// See the module docs for the rules. Relational targets give `not_assessable` with reason
/// `needs-reference` (use [`assess_relative`]).
///
/// ```
/// use planwatch::assess::{assess, Policy, Verdict};
/// use planwatch::document::Period;
/// use planwatch::figure::{parse_figure, parse_target};
/// use planwatch::indicator::{Desired, Indicator, Measure};
/// use planwatch::target::{Outcome, OutcomeStatus, Target};
/// use planwatch::units::Unit;
/// let jobs = Indicator {
///     id: "urban_new_jobs".into(), name_zh: "城镇新增就业".into(), name_en: "New urban jobs".into(),
///     aliases: vec![], category: "employment".into(), attribute: None,
///     desired: Desired::HigherBetter, measure: Measure::Level, unit: Unit::Person,
/// };
/// let t = Target { indicator: "urban_new_jobs".into(), period: Period::year(2023),
///     figure: parse_target("1200万人左右").unwrap(), provenance: None };
/// let o = Outcome { indicator: "urban_new_jobs".into(), period: Period::year(2023),
///     figure: parse_figure("1244万人").unwrap(), status: OutcomeStatus::Preliminary, provenance: None };
/// let a = assess(&t, &o, &jobs, &Policy::default());
/// assert_eq!(a.verdict, Verdict::Exceeded);
/// assert_eq!(a.margin.unwrap().to_string(), "44");
/// ```
pub fn assess(
    target: &Target,
    outcome: &Outcome,
    indicator: &Indicator,
    policy: &Policy,
) -> Assessment {
    let desired = indicator.desired;
    let comparator = target.figure.comparator;
    let na = |r| Assessment::not_assessable(r, desired, comparator, policy);
    if target.indicator != indicator.id || outcome.indicator != indicator.id {
        return na(NotAssessableReason::IndicatorMismatch);
    }
    if !same_period(target, outcome) {
        return na(NotAssessableReason::PeriodMismatch);
    }
    match comparator {
        Comparator::InStepWith | Comparator::Relative => na(NotAssessableReason::NeedsReference),
        Comparator::DirectionOnly | Comparator::Qualitative => {
            assess_direction(target, outcome, indicator, policy)
        }
        _ => assess_quantitative(target, outcome, indicator, policy),
    }
}

fn same_period(target: &Target, outcome: &Outcome) -> bool {
    target.period.year == outcome.period.year && target.period.end_year == outcome.period.end_year
}

fn assess_quantitative(
    target: &Target,
    outcome: &Outcome,
    indicator: &Indicator,
    policy: &Policy,
) -> Assessment {
    let desired = indicator.desired;
    let f = &target.figure;
    let comparator = f.comparator;
    let na = |r| Assessment::not_assessable(r, desired, comparator, policy);
    let Some((unit, exp)) = anchor(f) else {
        return na(NotAssessableReason::MissingQuantity);
    };
    // The target's band.
    let (t_lo, t_hi) = match interval(f, &unit, exp) {
        Ok(Some(i)) => i,
        Ok(None) => return na(NotAssessableReason::MissingQuantity),
        Err(e) => return na(reason_of(&e)),
    };
    if let (Some(a), Some(b)) = (t_lo, t_hi)
        && a.0 > b.0
    {
        return na(NotAssessableReason::InvertedRange);
    }
    let (low, high) = if comparator == Comparator::Around {
        let (Some((v, _)), Some(_)) = (t_lo, t_hi) else {
            return na(NotAssessableReason::MissingQuantity);
        };
        let tol = if pp_unit(&unit) {
            rescale(policy.around_tolerance_pp, 0, exp)
        } else {
            v.abs()
                .checked_mul(policy.around_tolerance_rel)
                .ok_or(QuantityError::Overflow)
        };
        let Ok(tol) = tol else {
            return na(NotAssessableReason::Arithmetic);
        };
        match (v.checked_sub(tol), v.checked_add(tol)) {
            (Some(a), Some(b)) => (Some((a, 0)), Some((b, 0))),
            _ => return na(NotAssessableReason::Arithmetic),
        }
    } else {
        (t_lo, t_hi)
    };
    let two_sided = matches!(
        comparator,
        Comparator::Exact | Comparator::Around | Comparator::Range
    );
    let accept = if two_sided {
        match desired {
            Desired::HigherBetter => Accept {
                low,
                high,
                below: Verdict::Missed,
                above: Verdict::Exceeded,
            },
            Desired::LowerBetter => Accept {
                low: None,
                high,
                below: Verdict::Met,
                above: Verdict::Missed,
            },
            Desired::Band | Desired::Neutral => Accept {
                low,
                high,
                below: Verdict::Missed,
                above: Verdict::Missed,
            },
        }
    } else {
        Accept {
            low,
            high,
            below: Verdict::Missed,
            above: Verdict::Missed,
        }
    };
    let band = Band {
        lower: low.map(|(v, _)| quantity_at(v, &unit, exp)),
        upper: high.map(|(v, _)| quantity_at(v, &unit, exp)),
    };

    // The outcome as an interval in the same terms.
    if !outcome.figure.comparator.is_quantitative() {
        return na(NotAssessableReason::QualitativeOutcome);
    }
    let (o_lo, o_hi) = match interval(&outcome.figure, &unit, exp) {
        Ok(Some(i)) => i,
        Ok(None) => return na(NotAssessableReason::QualitativeOutcome),
        Err(e) => return na(reason_of(&e)),
    };
    let mut a = Assessment {
        verdict: Verdict::NotAssessable,
        reason: None,
        band: Some(band),
        value: None,
        margin: None,
        desired,
        comparator,
        policy: policy.clone(),
    };
    match accept.judge(o_lo, o_hi) {
        Some(v) => a.verdict = v,
        None => a.reason = Some(NotAssessableReason::OutcomeBoundInconclusive),
    }
    // A single outcome value gets a margin against the target's reference point.
    if let (Some((x, 0)), Some((y, 0))) = (o_lo, o_hi)
        && x == y
    {
        a.value = Some(quantity_at(x, &unit, exp));
        let side = good_side(comparator, desired);
        let reference = match (comparator, t_lo, t_hi) {
            (Comparator::Range, Some((l, _)), Some((h, _))) => match side {
                1 => Some(l),
                -1 => Some(h),
                _ => l.checked_add(h).and_then(|s| s.checked_div(Decimal::TWO)),
            },
            (_, Some((v, _)), _) | (_, None, Some((v, _))) => Some(v),
            _ => None,
        };
        a.margin = reference.and_then(|r| margin(x, r, side));
    }
    a
}

/// The direction an outcome shows, if it shows one: its stated direction, or for growth rates
/// and changes the sign of its value.
fn outcome_direction(outcome: &Outcome, indicator: &Indicator) -> Option<Direction> {
    let f = &outcome.figure;
    let value = f.value.as_ref().map(Quantity::value);
    match (f.direction, value) {
        (Some(Direction::Decrease), Some(v)) if v.is_sign_negative() && !v.is_zero() => {
            Some(Direction::Increase)
        }
        (Some(d), _) => Some(d),
        (None, Some(v)) if matches!(indicator.measure, Measure::GrowthRate | Measure::Change) => {
            Some(match v.cmp(&Decimal::ZERO) {
                Ordering::Greater => Direction::Increase,
                Ordering::Less => Direction::Decrease,
                Ordering::Equal => Direction::Stable,
            })
        }
        _ => None,
    }
}

/// `Improve` read through the indicator's desired direction.
fn resolve_improve(d: Direction, desired: Desired) -> Option<Direction> {
    match (d, desired) {
        (Direction::Improve, Desired::HigherBetter) => Some(Direction::Increase),
        (Direction::Improve, Desired::LowerBetter) => Some(Direction::Decrease),
        (Direction::Improve, _) => None,
        (d, _) => Some(d),
    }
}

fn assess_direction(
    target: &Target,
    outcome: &Outcome,
    indicator: &Indicator,
    policy: &Policy,
) -> Assessment {
    let desired = indicator.desired;
    let comparator = target.figure.comparator;
    let mut a = Assessment::not_assessable(
        NotAssessableReason::QualitativeTarget,
        desired,
        comparator,
        policy,
    );
    // The same qualitative state stated for the outcome.
    if comparator == Comparator::Qualitative
        && outcome.figure.comparator == Comparator::Qualitative
        && let (Some(t), Some(o)) = (
            qualitative_state(&target.figure.text),
            qualitative_state(&outcome.figure.text),
        )
        && t == o
    {
        a.verdict = Verdict::Met;
        a.reason = None;
        return a;
    }
    let Some(want) = target
        .figure
        .direction
        .and_then(|d| resolve_improve(d, desired))
    else {
        return a;
    };
    if want == Direction::Stable {
        return a;
    }
    let Some(got) = outcome_direction(outcome, indicator).and_then(|d| resolve_improve(d, desired))
    else {
        return a;
    };
    a.verdict = if got == want {
        Verdict::Met
    } else {
        Verdict::Missed
    };
    a.reason = None;
    a
}

/// Assesses a relational target (`与经济增长同步`, `高于国内生产总值增长`) against the outcome of
/// its indicator and the outcome of the reference indicator.
///
/// `in_step_with`: for a higher-better indicator the outcome must reach the reference less the
/// in-step tolerance (faster is still in step: 居民收入增长6.1% against GDP 5.2% is `met`); for a
/// lower-better one it must not pass the reference plus the tolerance; for band and neutral
/// indicators it must lie within the tolerance on either side. `relative` (above / below): the
/// outcome must be strictly above / below the reference. The band and margin are in the
/// outcome's unit and magnitude. Other targets are passed to [`assess`].
///
/// ```
/// use planwatch::assess::{assess_relative, Policy, Verdict};
/// use planwatch::document::Period;
/// use planwatch::figure::{parse_figure, parse_target};
/// use planwatch::indicator::{Desired, Indicator, Measure};
/// use planwatch::target::{Outcome, OutcomeStatus, Target};
/// use planwatch::units::Unit;
/// let income = Indicator {
///     id: "disposable_income_growth".into(), name_zh: "居民人均可支配收入实际增长".into(),
///     name_en: "Real per-capita disposable income growth".into(), aliases: vec![], category: "social".into(),
///     attribute: None, desired: Desired::HigherBetter, measure: Measure::GrowthRate, unit: Unit::Percent,
/// };
/// let out = |id: &str, s: &str| Outcome { indicator: id.into(), period: Period::year(2023),
///     figure: parse_figure(s).unwrap(), status: OutcomeStatus::Preliminary, provenance: None };
/// let t = Target { indicator: income.id.clone(), period: Period::year(2023),
///     figure: parse_target("与经济增长同步").unwrap(), provenance: None };
/// let a = assess_relative(&t, &out(&income.id, "增长6.1%"), &out("gdp_growth", "增长5.2%"), &income, &Policy::default());
/// assert_eq!(a.verdict, Verdict::Met);
/// assert_eq!(a.margin.unwrap().to_string(), "0.9");
/// ```
pub fn assess_relative(
    target: &Target,
    outcome: &Outcome,
    reference_outcome: &Outcome,
    indicator: &Indicator,
    policy: &Policy,
) -> Assessment {
    let desired = indicator.desired;
    let f = &target.figure;
    let comparator = f.comparator;
    if !matches!(comparator, Comparator::InStepWith | Comparator::Relative) {
        return assess(target, outcome, indicator, policy);
    }
    let na = |r| Assessment::not_assessable(r, desired, comparator, policy);
    if target.indicator != indicator.id || outcome.indicator != indicator.id {
        return na(NotAssessableReason::IndicatorMismatch);
    }
    if let Some(Some(ref_id)) = f.reference.as_ref().map(|r| r.indicator.as_ref())
        && *ref_id != reference_outcome.indicator
    {
        return na(NotAssessableReason::IndicatorMismatch);
    }
    let ref_period = reference_outcome.period;
    if !same_period(target, outcome)
        || ref_period.year != target.period.year
        || ref_period.end_year != target.period.end_year
    {
        return na(NotAssessableReason::PeriodMismatch);
    }
    let Some((unit, exp)) = anchor(&outcome.figure) else {
        return na(NotAssessableReason::QualitativeOutcome);
    };
    let (r_lo, r_hi) = match interval(&reference_outcome.figure, &unit, exp) {
        Ok(Some(i)) => i,
        Ok(None) => return na(NotAssessableReason::QualitativeOutcome),
        Err(e) => return na(reason_of(&e)),
    };
    let r = match (r_lo, r_hi) {
        (Some((a, 0)), Some((b, 0))) if a == b => a,
        _ => return na(NotAssessableReason::OutcomeBoundInconclusive),
    };
    let (o_lo, o_hi) = match interval(&outcome.figure, &unit, exp) {
        Ok(Some(i)) => i,
        Ok(None) => return na(NotAssessableReason::QualitativeOutcome),
        Err(e) => return na(reason_of(&e)),
    };
    let relation = f.reference.as_ref().map_or(Relation::Same, |r| r.relation);
    let (accept, side) = if comparator == Comparator::InStepWith || relation == Relation::Same {
        let Some((lo, hi)) = in_step_tolerance(policy, &unit, exp, r)
            .ok()
            .and_then(|tol| Some((r.checked_sub(tol)?, r.checked_add(tol)?)))
        else {
            return na(NotAssessableReason::Arithmetic);
        };
        match desired {
            Desired::HigherBetter => (
                Accept {
                    low: Some((lo, 0)),
                    high: None,
                    below: Verdict::Missed,
                    above: Verdict::Met,
                },
                1,
            ),
            Desired::LowerBetter => (
                Accept {
                    low: None,
                    high: Some((hi, 0)),
                    below: Verdict::Met,
                    above: Verdict::Missed,
                },
                -1,
            ),
            Desired::Band | Desired::Neutral => (
                Accept {
                    low: Some((lo, 0)),
                    high: Some((hi, 0)),
                    below: Verdict::Missed,
                    above: Verdict::Missed,
                },
                0,
            ),
        }
    } else if relation == Relation::Above {
        (
            Accept {
                low: Some((r, 1)),
                high: None,
                below: Verdict::Missed,
                above: Verdict::Met,
            },
            1,
        )
    } else {
        (
            Accept {
                low: None,
                high: Some((r, -1)),
                below: Verdict::Met,
                above: Verdict::Missed,
            },
            -1,
        )
    };
    let mut a = Assessment {
        verdict: Verdict::NotAssessable,
        reason: None,
        band: Some(Band {
            lower: accept.low.map(|(v, _)| quantity_at(v, &unit, exp)),
            upper: accept.high.map(|(v, _)| quantity_at(v, &unit, exp)),
        }),
        value: None,
        margin: None,
        desired,
        comparator,
        policy: policy.clone(),
    };
    match accept.judge(o_lo, o_hi) {
        Some(v) => a.verdict = v,
        None => a.reason = Some(NotAssessableReason::OutcomeBoundInconclusive),
    }
    if let (Some((x, 0)), Some((y, 0))) = (o_lo, o_hi)
        && x == y
    {
        a.value = Some(quantity_at(x, &unit, exp));
        a.margin = margin(x, r, side);
    }
    a
}

/// The in-step tolerance in (unit, exponent) around the reference `r`.
fn in_step_tolerance(
    policy: &Policy,
    unit: &Unit,
    exp: i32,
    r: Decimal,
) -> Result<Decimal, QuantityError> {
    if pp_unit(unit) {
        rescale(policy.in_step_tolerance_pp, 0, exp)
    } else {
        r.abs()
            .checked_mul(policy.in_step_tolerance_rel)
            .ok_or(QuantityError::Overflow)
    }
}
