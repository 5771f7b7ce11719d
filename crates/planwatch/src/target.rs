//! Figures as a plan states them: comparators (左右, 以上, 以内, ranges, 同步 …), directions of
//! change (增长, 下降 …), and the target and outcome records built on them.
//!
//! A [`Figure`] is one stated value with its qualifier: `增长5%左右` is an `around` figure of
//! 5% with direction `increase`; `1200万人以上` is `at_least` 1200万人; `6%－6.5%` is a `range`;
//! `与经济增长同步` is `in_step_with` a reference; `基本平衡` is `qualitative`. On a target the
//! comparator is what the plan asks for; on an outcome it bounds the value (`超过2.2万亿元` is
//! `more_than`).

use crate::document::{Period, Provenance};
use crate::quantity::Quantity;
use serde::{Deserialize, Serialize};

/// How a figure relates its quantity to the true value: the stable comparator vocabulary.
///
/// ```
/// use planwatch::target::Comparator;
/// assert_eq!(planwatch::parse_target("5%左右").unwrap().comparator, Comparator::Around);
/// assert_eq!(serde_json::to_string(&Comparator::InStepWith).unwrap(), r#""in_step_with""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// Exactly the value (no qualifier): `赤字率3%`.
    Exact,
    /// Around the value (左右, 约, 大约): `5%左右`.
    Around,
    /// At least the value (以上, 不低于, 至少, 不少于): `1200万人以上`.
    AtLeast,
    /// At most the value (以内, 以下, 不超过, 不高于, 控制在): `5.5%以内`.
    AtMost,
    /// More than the value (超过, 高于, 逾, 余, 多): `超过2.2万亿元`, `250余万`.
    MoreThan,
    /// Less than the value (近, 接近, 不到, 低于): `近3万亿千瓦时`.
    LessThan,
    /// Between two values: `6%－6.5%`, `6%至6.5%`.
    Range,
    /// In step with another indicator: `与经济增长同步`, `基本同步`.
    InStepWith,
    /// Above or below another indicator: `高于国内生产总值增长`.
    Relative,
    /// Only a direction of change: `继续下降`, `持续改善`.
    DirectionOnly,
    /// A qualitative state: `基本平衡`, `基本稳定`.
    Qualitative,
}

crate::codes::stable_codes! {
    Comparator, "planwatch::target::Comparator";
    Exact => "exact",
    Around => "around",
    AtLeast => "at_least",
    AtMost => "at_most",
    MoreThan => "more_than",
    LessThan => "less_than",
    Range => "range",
    InStepWith => "in_step_with",
    Relative => "relative",
    DirectionOnly => "direction_only",
    Qualitative => "qualitative",
}

impl Comparator {
    /// Whether this comparator carries a quantity (or two, for a range).
    ///
    /// ```
    /// use planwatch::target::Comparator;
    /// assert!(Comparator::Range.is_quantitative());
    /// assert!(Comparator::MoreThan.is_quantitative());
    /// assert!(!Comparator::InStepWith.is_quantitative());
    /// assert!(!Comparator::Qualitative.is_quantitative());
    /// ```
    pub fn is_quantitative(self) -> bool {
        !matches!(
            self,
            Comparator::InStepWith
                | Comparator::Relative
                | Comparator::DirectionOnly
                | Comparator::Qualitative
        )
    }
}

/// The direction of a change as written: 增长/上涨/提高/增加 vs 下降/降低/减少/回落.
///
/// ```
/// use planwatch::target::Direction;
/// assert_eq!(planwatch::parse_target("下降2.5%左右").unwrap().direction, Some(Direction::Decrease));
/// assert_eq!(planwatch::parse_target("增长5%左右").unwrap().direction, Some(Direction::Increase));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增长, 上涨, 提高, 增加, 多增, 扩大, 上升.
    Increase,
    /// 下降, 降低, 减少, 回落, 下调, 收窄.
    Decrease,
    /// 保持稳定, 稳定在, 持平.
    Stable,
    /// 改善, 好转: better, in whatever direction is better for the indicator.
    Improve,
}

crate::codes::stable_codes! {
    Direction, "planwatch::target::Direction";
    Increase => "increase",
    Decrease => "decrease",
    Stable => "stable",
    Improve => "improve",
}

/// How a relational figure relates to its reference.
///
/// ```
/// use planwatch::target::Relation;
/// let f = planwatch::parse_target("与经济增长同步").unwrap();
/// assert_eq!(f.reference.unwrap().relation, Relation::Same);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// In step with (同步).
    Same,
    /// Above or faster than (高于, 快于).
    Above,
    /// Below or slower than (低于, 慢于).
    Below,
}

crate::codes::stable_codes! {
    Relation, "planwatch::target::Relation";
    Same => "same",
    Above => "above",
    Below => "below",
}

/// The other side of a relational figure: `与经济增长同步` refers to 经济增长.
///
/// ```
/// use planwatch::target::{Comparator, Relation};
/// let f = planwatch::parse_target("与经济增长同步").unwrap();
/// assert_eq!(f.comparator, Comparator::InStepWith);
/// let r = f.reference.unwrap();
/// assert_eq!((r.text.as_str(), r.relation), ("经济增长", Relation::Same));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The reference as written (经济增长, 国内生产总值增长).
    pub text: String,
    /// The catalogue id of the reference indicator, when known (`gdp_growth`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// How the figure relates to the reference.
    pub relation: Relation,
}

/// One stated figure: comparator, quantity or bounds, direction of change, and the phrase as
/// written.
///
/// For `exact`, `around`, `at_least`, `at_most`, `more_than` and `less_than`, `value` holds the
/// quantity; for `range`, `lower` and `upper` hold the bounds and `value` is `None`; relational,
/// direction-only and qualitative figures have no quantity. An amount written with a direction
/// (`下降2.5%`) keeps the amount positive and the sign in `direction`; [`Figure::signed_value`]
/// folds them.
///
/// ```
/// use planwatch::target::Comparator;
/// let f = planwatch::parse_target("6%－6.5%").unwrap();
/// assert_eq!(f.comparator, Comparator::Range);
/// assert_eq!(f.value, None);
/// assert_eq!(f.lower.unwrap().to_string(), "6%");
/// assert_eq!(f.upper.unwrap().to_string(), "6.5%");
/// assert_eq!(f.text, "6%－6.5%");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The comparator (on an outcome: the bound qualifier).
    pub comparator: Comparator,
    /// The quantity, for every comparator but `range` and the non-quantitative ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Quantity>,
    /// The lower bound of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<Quantity>,
    /// The upper bound of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<Quantity>,
    /// The direction of change as written, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The reference of a relational figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// The phrase as written (`增长5%左右`).
    pub text: String,
}

impl Figure {
    /// A figure with a single quantity.
    ///
    /// ```
    /// use planwatch::target::{Comparator, Figure};
    /// let f = Figure::point(Comparator::AtLeast, "1200万人".parse().unwrap(), "1200万人以上");
    /// assert_eq!(f, planwatch::parse_target("1200万人以上").unwrap());
    /// ```
    pub fn point(comparator: Comparator, value: Quantity, text: impl Into<String>) -> Self {
        Figure {
            comparator,
            value: Some(value),
            lower: None,
            upper: None,
            direction: None,
            reference: None,
            text: text.into(),
        }
    }

    /// The same figure with a direction of change.
    ///
    /// ```
    /// use planwatch::target::{Comparator, Direction, Figure};
    /// let f = Figure::point(Comparator::Around, "2.5%".parse().unwrap(), "下降2.5%左右").with_direction(Direction::Decrease);
    /// assert_eq!(f, planwatch::parse_target("下降2.5%左右").unwrap());
    /// ```
    pub fn with_direction(mut self, direction: Direction) -> Self {
        self.direction = Some(direction);
        self
    }

    /// The lowest value the figure admits, if it states one (`at_least`, `more_than`, the lower
    /// end of a `range`, the value of `exact`).
    ///
    /// ```
    /// let f = planwatch::parse_target("6%－6.5%").unwrap();
    /// assert_eq!(f.lower_bound().unwrap().to_string(), "6%");
    /// assert_eq!(planwatch::parse_target("5.5%以内").unwrap().lower_bound(), None);
    /// ```
    pub fn lower_bound(&self) -> Option<&Quantity> {
        match self.comparator {
            Comparator::Range => self.lower.as_ref(),
            Comparator::Exact | Comparator::AtLeast | Comparator::MoreThan => self.value.as_ref(),
            _ => None,
        }
    }

    /// The highest value the figure admits, if it states one (`at_most`, `less_than`, the upper
    /// end of a `range`, the value of `exact`).
    ///
    /// ```
    /// let f = planwatch::parse_target("5.5%以内").unwrap();
    /// assert_eq!(f.upper_bound().unwrap().to_string(), "5.5%");
    /// assert_eq!(planwatch::parse_target("1200万人以上").unwrap().upper_bound(), None);
    /// ```
    pub fn upper_bound(&self) -> Option<&Quantity> {
        match self.comparator {
            Comparator::Range => self.upper.as_ref(),
            Comparator::Exact | Comparator::AtMost | Comparator::LessThan => self.value.as_ref(),
            _ => None,
        }
    }

    /// Every quantity the figure holds (value, lower, upper).
    ///
    /// ```
    /// let f = planwatch::parse_target("6%－6.5%").unwrap();
    /// let all: Vec<String> = f.quantities().map(|q| q.to_string()).collect();
    /// assert_eq!(all, ["6%", "6.5%"]);
    /// ```
    pub fn quantities(&self) -> impl Iterator<Item = &Quantity> {
        self.value
            .iter()
            .chain(self.lower.iter())
            .chain(self.upper.iter())
    }

    /// The point value with the direction folded into its sign: `下降2.5%` gives −2.5%.
    ///
    /// ```
    /// let f = planwatch::parse_target("下降2.5%左右").unwrap();
    /// assert_eq!(f.signed_value().unwrap().to_string(), "-2.5%");
    /// assert_eq!(planwatch::parse_target("基本平衡").unwrap().signed_value(), None);
    /// ```
    pub fn signed_value(&self) -> Option<Quantity> {
        let v = self.value.as_ref()?;
        match self.direction {
            Some(Direction::Decrease) => v.checked_neg().ok(),
            _ => Some(v.clone()),
        }
    }
}

/// The status of a reported outcome.
///
/// ```
/// use planwatch::target::OutcomeStatus;
/// assert_eq!(OutcomeStatus::default(), OutcomeStatus::Preliminary);
/// assert_eq!(serde_json::to_string(&OutcomeStatus::Revised).unwrap(), r#""revised""#);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeStatus {
    /// As first reported (the March reports give preliminary annual figures).
    #[default]
    Preliminary,
    /// Final statistics.
    Final,
    /// A revision of an earlier figure.
    Revised,
}

crate::codes::stable_codes! {
    OutcomeStatus, "planwatch::target::OutcomeStatus";
    Preliminary => "preliminary",
    Final => "final",
    Revised => "revised",
}

/// What a plan sets: indicator + period + figure + provenance.
///
/// ```
/// use planwatch::document::Period;
/// use planwatch::target::Target;
/// let t = Target {
///     indicator: "gdp_growth".into(),
///     period: Period::year(2024),
///     figure: planwatch::parse_target("增长5%左右").unwrap(),
///     provenance: None,
/// };
/// let json = serde_json::to_value(&t).unwrap();
/// assert_eq!(json["indicator"], "gdp_growth");
/// assert_eq!(json["figure"]["comparator"], "around");
/// assert_eq!(serde_json::from_value::<Target>(json).unwrap(), t);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Catalogue id of the indicator (`gdp_growth`).
    pub indicator: String,
    /// The period the target is for.
    pub period: Period,
    /// The figure as set.
    pub figure: Figure,
    /// Where the target was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// What a report says was achieved: indicator + period + figure (its comparator a bound) +
/// status + provenance.
///
/// ```
/// use planwatch::document::Period;
/// use planwatch::target::{Comparator, Outcome, OutcomeStatus};
/// let json = r#"{"indicator": "gdp_growth", "period": {"year": 2023},
///     "figure": {"comparator": "exact", "value": {"value": "5.2", "exponent": 0, "unit": "percent"}, "text": "5.2%"}}"#;
/// let o: Outcome = serde_json::from_str(json).unwrap();
/// assert_eq!(o.period, Period::year(2023));
/// assert_eq!(o.figure.comparator, Comparator::Exact);
/// assert_eq!(o.figure.value.unwrap().to_string(), "5.2%");
/// assert_eq!(o.status, OutcomeStatus::Preliminary);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Catalogue id of the indicator.
    pub indicator: String,
    /// The period the value measures.
    pub period: Period,
    /// The value with its bound (`exact` when the report gives the figure itself).
    pub figure: Figure,
    /// Preliminary, final or revised.
    #[serde(default)]
    pub status: OutcomeStatus,
    /// Where the outcome was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// The verdict on a target; serialized as its snake_case code.
///
/// ```
/// use planwatch::target::Verdict;
/// assert_eq!(serde_json::to_string(&Verdict::Exceeded).unwrap(), "\"exceeded\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The outcome is within the target's band or on the right side of its bound.
    Met,
    /// The outcome is beyond the band in the desired direction.
    Exceeded,
    /// The outcome falls short.
    Missed,
    /// No verdict can be reached; the assessment says why.
    NotAssessable,
}

crate::codes::stable_codes! {
    Verdict, "planwatch::target::Verdict";
    Met => "met",
    Exceeded => "exceeded",
    Missed => "missed",
    NotAssessable => "not_assessable",
}
