//! The scorecard of a dataset: every target with the outcome it is held against, the
//! assessment, and the verdicts the document states in words.
//!
//! [`scorecard`] pairs each target with the outcome of the same indicator and period (the same
//! period exactly if there is one, else the same years: a year-end outcome answers a whole-year
//! target), a relational target (`与经济增长同步`) also with the outcome of its reference
//! indicator, and assesses the pair under a [`Policy`]. Verdicts the document states
//! (`城镇新增就业超额完成任务`) are attached to the row of their indicator and period; those with
//! no target get a row of their own.
//!
//! ```
//! use planwatch::assess::{Policy, Verdict};
//! use planwatch::builtin;
//! use planwatch::scorecard::scorecard;
//! let ds = builtin::dataset();
//! let rows = scorecard(&ds, builtin::catalogue(), &Policy::default());
//! let jobs = rows
//!     .iter()
//!     .find(|r| r.indicator == "urban_new_jobs" && r.period.year == 2023)
//!     .unwrap();
//! assert_eq!(jobs.target.as_ref().unwrap().figure.text, "1200万人左右");
//! assert_eq!(jobs.outcome.as_ref().unwrap().figure.text, "1244万人");
//! assert_eq!(jobs.verdict(), Some(Verdict::Exceeded));
//! assert_eq!(jobs.assessment.as_ref().unwrap().margin.unwrap().to_string(), "44");
//! assert_eq!(jobs.stated.as_ref().unwrap().verdict, Verdict::Exceeded);
//! ```

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Policy, assess, assess_relative};
use std::collections::HashMap;

use crate::dataset::{Dataset, StatedVerdict};
use crate::document::Period;
use crate::indicator::Catalogue;
use crate::target::{Outcome, Target, Verdict};
use crate::units::Unit;

/// One line of a scorecard: an indicator and period with its target, the outcome it is held
/// against, the reference outcome of a relational target, the assessment and the stated
/// verdict.
///
/// ```
/// use planwatch::assess::Verdict;
/// use planwatch::document::Period;
/// use planwatch::scorecard::ScoreRow;
/// let row = ScoreRow { indicator: "gdp_growth".into(), period: Period::year(2023), target: None,
///     outcome: None, reference: None, assessment: None, stated: None };
/// assert_eq!(row.verdict(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRow {
    /// Catalogue id of the indicator.
    pub indicator: String,
    /// The period of the target (or of the stated verdict, for a row without a target).
    pub period: Period,
    /// The target; `None` for a row that only carries a stated verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The outcome of the same indicator and period, when the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// For a relational target, the outcome of the reference indicator in the same period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Outcome>,
    /// The assessment of the target against the outcome; `None` when there is no target, no
    /// outcome, or the catalogue does not know the indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// The verdict the document states in words about this indicator and period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<StatedVerdict>,
}

impl ScoreRow {
    /// The verdict of the row: the assessment's when there is one, else the stated one.
    ///
    /// ```
    /// use planwatch::assess::{Policy, Verdict};
    /// use planwatch::builtin;
    /// let rows = planwatch::scorecard::scorecard(&builtin::dataset(), builtin::catalogue(), &Policy::default());
    /// let jobs = rows.iter().find(|r| r.indicator == "urban_new_jobs" && r.period.year == 2023).unwrap();
    /// assert_eq!(jobs.verdict(), Some(Verdict::Exceeded));
    /// ```
    pub fn verdict(&self) -> Option<Verdict> {
        self.assessment
            .as_ref()
            .map(|a| a.verdict)
            .or_else(|| self.stated.as_ref().map(|s| s.verdict))
    }

    /// The verdict as reports print it: the computed verdict with its signed margin (in
    /// percentage points for % targets, else in the target's magnitude and unit as written), and
    /// `= stated` when the document says the same in words; else the stated verdict marked
    /// `(stated)`, else `no outcome` for a target without one, else `—`. The Rust and Python
    /// report commands both print this.
    ///
    /// ```
    /// use planwatch::assess::Policy;
    /// use planwatch::builtin;
    /// let rows = planwatch::scorecard::scorecard(&builtin::dataset(), builtin::catalogue(), &Policy::default());
    /// let label = |id: &str| rows.iter().find(|r| r.indicator == id && r.period.year == 2023).unwrap().label();
    /// assert_eq!(label("urban_new_jobs"), "exceeded (+44万人) = stated");
    /// assert_eq!(label("cpi_change"), "met (+2.8 pp)");
    /// ```
    pub fn label(&self) -> String {
        let stated = self.stated.as_ref().map(|s| s.verdict);
        match (&self.assessment, &self.target) {
            (Some(a), Some(t)) => {
                let text = match (a.verdict, a.margin) {
                    (Verdict::NotAssessable, _) => format!(
                        "not assessable ({})",
                        a.reason.map(|r| r.code()).unwrap_or("unknown")
                    ),
                    (v, Some(m)) => {
                        let sign = if m.is_sign_negative() { "" } else { "+" };
                        format!("{} ({sign}{}{})", v.code(), m.normalize(), margin_unit(t))
                    }
                    (v, None) => v.code().to_string(),
                };
                let agrees = if stated == Some(a.verdict) {
                    " = stated"
                } else {
                    ""
                };
                format!("{text}{agrees}")
            }
            _ => match stated {
                Some(v) => format!("{} (stated)", v.code()),
                None if self.target.is_some() => "no outcome".into(),
                None => "—".into(),
            },
        }
    }
}

/// The unit a margin is counted in: percentage points for % targets, else the target's
/// magnitude and unit as written (万人).
fn margin_unit(t: &Target) -> String {
    match t.figure.value.as_ref().or(t.figure.lower.as_ref()) {
        Some(q) if q.unit() == &Unit::Percent || q.unit() == &Unit::PercentagePoint => " pp".into(),
        Some(q) => format!("{}{}", q.magnitude_text(), q.unit_text()),
        None => " pp".into(),
    }
}

/// Records of one kind indexed by indicator and period, built once: finding the record of a
/// period costs two hash look-ups, not a scan of every record (nor of every record of the same
/// indicator and years), so a scorecard is linear in the records.
pub(crate) struct PeriodIndex<'a> {
    /// The first record of each indicator and exact period (basis included).
    exact: HashMap<(&'a str, Period), usize>,
    /// The first record of each indicator and years, whatever its basis.
    by_years: HashMap<(&'a str, i32, Option<i32>), usize>,
}

impl<'a> PeriodIndex<'a> {
    /// Indexes `records` (indicator, period), remembering the first of each key.
    pub(crate) fn new(records: impl Iterator<Item = (&'a str, &'a Period)>) -> Self {
        let mut exact = HashMap::new();
        let mut by_years = HashMap::new();
        for (i, (indicator, period)) in records.enumerate() {
            exact.entry((indicator, *period)).or_insert(i);
            by_years
                .entry((indicator, period.year, period.end_year))
                .or_insert(i);
        }
        PeriodIndex { exact, by_years }
    }

    /// The index of `indicator`'s record for the years of `period`: the first with the same
    /// period (basis included), else the first of the same years on another basis.
    pub(crate) fn first(&self, indicator: &'a str, period: &Period) -> Option<usize> {
        self.exact
            .get(&(indicator, *period))
            .or_else(|| {
                self.by_years
                    .get(&(indicator, period.year, period.end_year))
            })
            .copied()
    }
}

/// One row: `target` held against `outcome` (and, for a relational target, the reference
/// indicator's outcome) under `policy`.
pub(crate) fn score(
    target: &Target,
    outcome: Option<&Outcome>,
    reference: Option<&Outcome>,
    stated: Option<StatedVerdict>,
    catalogue: &Catalogue,
    policy: &Policy,
) -> ScoreRow {
    let assessment = match (catalogue.get(&target.indicator), outcome) {
        (Some(ind), Some(o)) => Some(match reference {
            Some(r) => assess_relative(target, o, r, ind, policy),
            None => assess(target, o, ind, policy),
        }),
        _ => None,
    };
    ScoreRow {
        indicator: target.indicator.clone(),
        period: target.period,
        target: Some(target.clone()),
        outcome: outcome.cloned(),
        reference: reference.cloned(),
        assessment,
        stated,
    }
}

/// The indicator a relational target refers to (`与经济增长同步` → `gdp_growth`).
pub(crate) fn reference_indicator(target: &Target) -> Option<&str> {
    target
        .figure
        .reference
        .as_ref()
        .and_then(|r| r.indicator.as_deref())
}

/// Assesses every target of `dataset` against its outcomes (see the [module docs](self)).
///
/// Rows come in dataset order: one per target, then one per stated verdict that no target's
/// row took. A target's assessment uses [`assess_relative`] when its figure names a reference
/// indicator with an outcome in the period, else [`assess`]; it is `None` when there is no
/// outcome or `catalogue` lacks the indicator. Pass `planwatch::builtin::catalogue_for(&dataset)` (or
/// [`Dataset::catalogue_over`] another catalogue) to include the dataset's own indicators.
///
/// ```
/// use planwatch::assess::{Policy, Verdict};
/// use planwatch::builtin;
/// let ds = builtin::dataset();
/// let rows = planwatch::scorecard::scorecard(&ds, builtin::catalogue(), &Policy::default());
/// assert_eq!(rows.iter().filter(|r| r.target.is_some()).count(), ds.targets.len());
/// let income = rows.iter().find(|r| r.indicator == "disposable_income_growth" && r.period.year == 2023).unwrap();
/// assert_eq!(income.reference.as_ref().unwrap().indicator, "gdp_growth");
/// assert_eq!(income.verdict(), Some(Verdict::Met));
/// ```
pub fn scorecard(dataset: &Dataset, catalogue: &Catalogue, policy: &Policy) -> Vec<ScoreRow> {
    let outcomes = PeriodIndex::new(
        dataset
            .outcomes
            .iter()
            .map(|o| (o.indicator.as_str(), &o.period)),
    );
    let verdicts = PeriodIndex::new(
        dataset
            .verdicts
            .iter()
            .map(|v| (v.indicator.as_str(), &v.period)),
    );
    let outcome_for = |indicator: &str, period: &Period| {
        outcomes
            .first(indicator, period)
            .and_then(|i| dataset.outcomes.get(i))
    };
    let mut taken = vec![false; dataset.verdicts.len()];
    let mut rows = Vec::with_capacity(dataset.targets.len() + dataset.verdicts.len());
    for t in &dataset.targets {
        let outcome = outcome_for(&t.indicator, &t.period);
        let reference = reference_indicator(t).and_then(|id| outcome_for(id, &t.period));
        let stated = verdicts.first(&t.indicator, &t.period).and_then(|i| {
            if let Some(flag) = taken.get_mut(i) {
                *flag = true;
            }
            dataset.verdicts.get(i).cloned()
        });
        rows.push(score(t, outcome, reference, stated, catalogue, policy));
    }
    for (v, taken) in dataset.verdicts.iter().zip(taken) {
        if taken {
            continue;
        }
        rows.push(ScoreRow {
            indicator: v.indicator.clone(),
            period: v.period,
            target: None,
            outcome: outcome_for(&v.indicator, &v.period).cloned(),
            reference: None,
            assessment: None,
            stated: Some(v.clone()),
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::NotAssessableReason;
    use crate::builtin;

    fn ds(json: &str) -> Dataset {
        match Dataset::from_json(json, None) {
            Ok(ds) => ds,
            Err(e) => panic!("test dataset does not load: {e}"),
        }
    }

    const DOC: &str = r#""document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN", "outcome_year": 2023, "plan_year": 2024}"#;

    fn fig(comparator: &str, value: &str, unit: &str, text: &str) -> String {
        format!(
            r#"{{"comparator": "{comparator}", "text": "{text}", "value": {{"value": "{value}", "exponent": 0, "unit": "{unit}"}}, "direction": "increase"}}"#
        )
    }

    #[test]
    fn pairs_targets_with_outcomes_of_the_same_indicator_and_year() {
        let json = format!(
            r#"{{{DOC},
            "targets": [
              {{"indicator": "gdp_growth", "period": {{"year": 2023}}, "figure": {t23}}},
              {{"indicator": "gdp_growth", "period": {{"year": 2024}}, "figure": {t24}}}
            ],
            "outcomes": [
              {{"indicator": "gdp_growth", "period": {{"year": 2022}}, "figure": {o22}}},
              {{"indicator": "gdp_growth", "period": {{"year": 2023}}, "figure": {o23}}}
            ]}}"#,
            t23 = fig("around", "5", "percent", "增长5%左右"),
            t24 = fig("around", "5", "percent", "增长5%左右"),
            o22 = fig("exact", "3", "percent", "增长3%"),
            o23 = fig("exact", "4.2", "percent", "增长4.2%"),
        );
        let rows = scorecard(&ds(&json), builtin::catalogue(), &Policy::default());
        assert_eq!(rows.len(), 2);
        let r23 = &rows[0];
        assert_eq!(
            r23.outcome.as_ref().map(|o| o.figure.text.as_str()),
            Some("增长4.2%")
        );
        let a = r23
            .assessment
            .as_ref()
            .map(|a| (a.verdict, a.margin.map(|m| m.to_string())));
        assert_eq!(a, Some((Verdict::Missed, Some("-0.8".to_string()))));
        assert_eq!(r23.verdict(), Some(Verdict::Missed));
        // No 2024 outcome: no assessment, no verdict.
        assert_eq!(
            (rows[1].outcome.is_none(), rows[1].assessment.is_none()),
            (true, true)
        );
        assert_eq!(rows[1].verdict(), None);
    }

    #[test]
    fn a_stricter_policy_changes_the_verdict_and_is_recorded() {
        let json = format!(
            r#"{{{DOC},
            "targets": [{{"indicator": "gdp_growth", "period": {{"year": 2023}}, "figure": {t}}}],
            "outcomes": [{{"indicator": "gdp_growth", "period": {{"year": 2023}}, "figure": {o}}}]}}"#,
            t = fig("around", "5", "percent", "增长5%左右"),
            o = fig("exact", "4.7", "percent", "增长4.7%"),
        );
        let data = ds(&json);
        let default = scorecard(&data, builtin::catalogue(), &Policy::default());
        assert_eq!(default[0].verdict(), Some(Verdict::Met));
        let strict = Policy {
            around_tolerance_pp: rust_decimal::Decimal::new(2, 1),
            ..Policy::default()
        };
        let rows = scorecard(&data, builtin::catalogue(), &strict);
        assert_eq!(rows[0].verdict(), Some(Verdict::Missed));
        assert_eq!(
            rows[0].assessment.as_ref().map(|a| &a.policy),
            Some(&strict)
        );
    }

    #[test]
    fn year_end_outcomes_answer_whole_year_targets_but_exact_periods_win() {
        let json = format!(
            r#"{{{DOC},
            "targets": [{{"indicator": "urban_surveyed_unemployment", "period": {{"year": 2023}}, "figure": {t}}}],
            "outcomes": [
              {{"indicator": "urban_surveyed_unemployment", "period": {{"year": 2023, "basis": "year_end"}}, "figure": {oe}}},
              {{"indicator": "urban_surveyed_unemployment", "period": {{"year": 2023, "basis": "average"}}, "figure": {oa}}},
              {{"indicator": "urban_surveyed_unemployment", "period": {{"year": 2023}}, "figure": {oy}}}
            ]}}"#,
            t = fig("around", "5.5", "percent", "5.5%左右"),
            oe = fig("exact", "5.1", "percent", "5.1%"),
            oa = fig("exact", "5.2", "percent", "5.2%"),
            oy = fig("exact", "5.3", "percent", "5.3%"),
        );
        let rows = scorecard(&ds(&json), builtin::catalogue(), &Policy::default());
        assert_eq!(
            rows[0].outcome.as_ref().map(|o| o.figure.text.as_str()),
            Some("5.3%")
        );
        let json2 = json.replace(
            r#"{"year": 2023}, "figure": {"comparator": "exact", "text": "5.3%""#,
            r#"{"year": 2022}, "figure": {"comparator": "exact", "text": "5.3%""#,
        );
        let rows = scorecard(&ds(&json2), builtin::catalogue(), &Policy::default());
        assert_eq!(
            rows[0].outcome.as_ref().map(|o| o.figure.text.as_str()),
            Some("5.1%")
        );
    }

    #[test]
    fn unknown_indicators_are_paired_but_not_assessed() {
        let json = format!(
            r#"{{{DOC},
            "targets": [{{"indicator": "no_such", "period": {{"year": 2023}}, "figure": {t}}}],
            "outcomes": [{{"indicator": "no_such", "period": {{"year": 2023}}, "figure": {o}}}]}}"#,
            t = fig("around", "5", "percent", "5%左右"),
            o = fig("exact", "5", "percent", "5%"),
        );
        let rows = scorecard(&ds(&json), builtin::catalogue(), &Policy::default());
        assert_eq!(rows.len(), 1);
        assert!(rows[0].outcome.is_some());
        assert_eq!(rows[0].assessment, None);
    }

    #[test]
    fn builtin_rows_targets_then_unmatched_stated_verdicts() {
        let ds = builtin::dataset();
        let rows = scorecard(&ds, builtin::catalogue(), &Policy::default());
        let with_target = rows.iter().filter(|r| r.target.is_some()).count();
        assert_eq!(with_target, ds.targets.len());
        // Rows with a target come first.
        assert!(
            rows.iter()
                .skip(with_target)
                .all(|r| r.target.is_none() && r.stated.is_some())
        );
        // Every stated verdict appears exactly once.
        let stated = rows.iter().filter(|r| r.stated.is_some()).count();
        assert_eq!(stated, ds.verdicts.len());
        // The 2023 headline targets the report restates.
        let verdict = |id: &str| {
            rows.iter()
                .find(|r| r.indicator == id && r.period.year == 2023 && r.target.is_some())
                .and_then(ScoreRow::verdict)
        };
        assert_eq!(verdict("cpi_change"), Some(Verdict::Met));
        assert_eq!(verdict("urban_new_jobs"), Some(Verdict::Exceeded));
        assert_eq!(verdict("disposable_income_growth"), Some(Verdict::Met));
        let income = rows
            .iter()
            .find(|r| r.indicator == "disposable_income_growth" && r.period.year == 2023)
            .and_then(|r| r.reference.as_ref())
            .map(|o| o.figure.text.as_str());
        assert_eq!(income, Some("增长5.2%"));
        // A stated verdict with no restated target has a row of its own, with the outcome.
        let energy = rows
            .iter()
            .find(|r| r.indicator == "energy_intensity_change" && r.period.year == 2023)
            .map(|r| (r.target.is_none(), r.verdict()));
        assert_eq!(energy, Some((true, Some(Verdict::Missed))));
        // A 2023 target with no 2023 outcome is not assessed.
        let deficit = rows
            .iter()
            .find(|r| r.indicator == "fiscal_deficit_ratio" && r.period.year == 2023)
            .map(|r| (r.outcome.is_none(), r.verdict()));
        assert_eq!(deficit, Some((true, None)));
    }

    #[test]
    fn relational_target_without_reference_outcome_needs_reference() {
        let json = format!(
            r#"{{{DOC},
            "targets": [{{"indicator": "disposable_income_growth", "period": {{"year": 2023}},
               "figure": {{"comparator": "in_step_with", "text": "与经济增长同步",
                           "reference": {{"text": "经济增长", "indicator": "gdp_growth", "relation": "same"}}}}}}],
            "outcomes": [{{"indicator": "disposable_income_growth", "period": {{"year": 2023}}, "figure": {o}}}]}}"#,
            o = fig("exact", "6.1", "percent", "增长6.1%"),
        );
        let rows = scorecard(&ds(&json), builtin::catalogue(), &Policy::default());
        assert_eq!(rows[0].reference, None);
        let a = rows[0].assessment.as_ref().map(|a| (a.verdict, a.reason));
        assert_eq!(
            a,
            Some((
                Verdict::NotAssessable,
                Some(NotAssessableReason::NeedsReference)
            ))
        );
    }

    #[test]
    fn rows_round_trip_through_json() {
        let rows = scorecard(
            &builtin::dataset(),
            builtin::catalogue(),
            &Policy::default(),
        );
        let json = serde_json::to_string(&rows).unwrap_or_default();
        let back: Vec<ScoreRow> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, rows);
    }
}
