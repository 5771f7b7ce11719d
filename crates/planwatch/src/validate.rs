//! Validation: every problem of a dataset, each with a stable code, a severity, a location
//! path and a message. Validation never stops at the first problem; raising is opt-in
//! ([`ValidationReport::into_result`]).
//!
//! # Codes
//!
//! | code | severity | what |
//! |------|----------|------|
//! | `unknown-indicator` | error | a record, reference or rule names an indicator the catalogue (and the dataset's own `indicators`) does not have |
//! | `unit-mismatch` | error | a quantity's unit has another dimension than its indicator's unit (元 for a count of people), or a range's ends differ in dimension |
//! | `percent-vs-point` | error | percent where the indicator is in percentage points, or the reverse |
//! | `negative-count` | error | a negative count (people, units, households …) |
//! | `share-over-100` | error | a share above 100% |
//! | `impossible-value` | error | a negative amount of a physical quantity, money level or share, or a fall of more than 100% |
//! | `duplicate-record` | error / warning | the same record twice (warning when only the provenance differs: the document states it twice) |
//! | `contradictory-records` | error | same indicator, period and kind with incompatible figures (outcomes of different status may differ) |
//! | `year-outside-document` | warning | a period that covers none of the document's years |
//! | `provenance-mismatch` | error | the document text at the span is not the quote |
//! | `figure-not-in-quote` | error | the quote does not contain the figure as written |
//! | `provenance-document-mismatch` | error | the provenance names another document |
//! | `inverted-range` | error | a range whose lower end is above its upper end, or a period whose `end_year` is before its `year` |
//! | `missing-quantity` | error | a quantitative comparator without its quantity (a range without both ends) |
//! | `share-identity` | error | a share differs from part / whole beyond the rounding of the published figures ([`Identity`]) |
//! | `level-ordering` | error | a level that must not exceed another does ([`LevelOrdering`]) |
//! | `missing-text` | warning | records have provenance but the dataset has no document text to check it against |
//! | `invalid-jurisdiction` | error | the document's jurisdiction is neither `CN` nor a six-digit GB/T 2260 code (a provincial-level one must be one of the 31), or a provincial report names the nation |
//!
//! Paths name the place of the problem in the dataset's JSON: `targets[3].figure.value.unit`,
//! `outcomes[0].provenance.quote`, `verdicts[1].indicator`, `rules[0].share`.
//!
//! ```
//! use planwatch::validate::{validate, IssueCode};
//! let mut ds = planwatch::dataset::Dataset::from_json(r#"{
//!   "document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN", "plan_year": 2024},
//!   "targets": [{"indicator": "no_such_indicator", "period": {"year": 2024},
//!                "figure": {"comparator": "around", "text": "5%左右"}}]
//! }"#, None).unwrap();
//! let report = validate(&ds, &planwatch::indicator::Catalogue::default());
//! let codes: Vec<_> = report.issues.iter().map(|i| (i.code.code(), i.path.as_str())).collect();
//! assert_eq!(codes, vec![("unknown-indicator", "targets[0].indicator"), ("missing-quantity", "targets[0].figure.value")]);
//! assert!(!report.is_ok());
//! ```

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::document::{DocumentKind, Period, Provenance};
use crate::indicator::{Catalogue, Indicator, Measure};
use crate::jurisdiction::Jurisdiction;
use crate::quantity::Quantity;
use crate::target::{Comparator, Direction, Figure};
use crate::units::{Dimension, Unit};

/// How serious an issue is: errors make [`ValidationReport::is_ok`] false.
///
/// ```
/// assert_eq!(planwatch::validate::Severity::Warning.code(), "warning");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The data is wrong.
    Error,
    /// The data is suspicious.
    Warning,
}

crate::codes::stable_codes! {
    Severity, "planwatch::validate::Severity";
    Error => "error",
    Warning => "warning",
}

/// The kind of an issue; serialized as its stable kebab-case code (see the module docs).
///
/// ```
/// use planwatch::validate::IssueCode;
/// assert_eq!(IssueCode::PercentVsPoint.code(), "percent-vs-point");
/// assert_eq!(IssueCode::from_code("share-over-100"), Some(IssueCode::ShareOver100));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IssueCode {
    /// `unknown-indicator`.
    UnknownIndicator,
    /// `unit-mismatch`.
    UnitMismatch,
    /// `percent-vs-point`.
    PercentVsPoint,
    /// `negative-count`.
    NegativeCount,
    /// `share-over-100`.
    #[serde(rename = "share-over-100")]
    ShareOver100,
    /// `impossible-value`.
    ImpossibleValue,
    /// `duplicate-record`.
    DuplicateRecord,
    /// `contradictory-records`.
    ContradictoryRecords,
    /// `year-outside-document`.
    YearOutsideDocument,
    /// `provenance-mismatch`.
    ProvenanceMismatch,
    /// `figure-not-in-quote`.
    FigureNotInQuote,
    /// `provenance-document-mismatch`.
    ProvenanceDocumentMismatch,
    /// `inverted-range`.
    InvertedRange,
    /// `missing-quantity`.
    MissingQuantity,
    /// `share-identity`.
    ShareIdentity,
    /// `level-ordering`.
    LevelOrdering,
    /// `missing-text`.
    MissingText,
    /// `invalid-jurisdiction`.
    InvalidJurisdiction,
}

crate::codes::stable_codes! {
    IssueCode, "planwatch::validate::IssueCode";
    UnknownIndicator => "unknown-indicator",
    UnitMismatch => "unit-mismatch",
    PercentVsPoint => "percent-vs-point",
    NegativeCount => "negative-count",
    ShareOver100 => "share-over-100",
    ImpossibleValue => "impossible-value",
    DuplicateRecord => "duplicate-record",
    ContradictoryRecords => "contradictory-records",
    YearOutsideDocument => "year-outside-document",
    ProvenanceMismatch => "provenance-mismatch",
    FigureNotInQuote => "figure-not-in-quote",
    ProvenanceDocumentMismatch => "provenance-document-mismatch",
    InvertedRange => "inverted-range",
    MissingQuantity => "missing-quantity",
    ShareIdentity => "share-identity",
    LevelOrdering => "level-ordering",
    MissingText => "missing-text",
    InvalidJurisdiction => "invalid-jurisdiction",
}

impl IssueCode {}

/// One problem: code, severity, where (a path into the dataset's JSON) and a message.
///
/// ```
/// use planwatch::validate::{Issue, IssueCode, Severity};
/// let i = Issue { code: IssueCode::InvertedRange, severity: Severity::Error,
///     path: "targets[0].figure".into(), message: "6.5% is above 6%".into() };
/// assert_eq!(i.to_string(), "error[inverted-range] targets[0].figure: 6.5% is above 6%");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// What kind of problem.
    pub code: IssueCode,
    /// How serious.
    pub severity: Severity,
    /// Where: `targets[3].figure.value.unit`.
    pub path: String,
    /// A sentence for people.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity.code(),
            self.code,
            self.path,
            self.message
        )
    }
}

/// Every issue found, in dataset order.
///
/// ```
/// use planwatch::validate::ValidationReport;
/// let r = ValidationReport::default();
/// assert!(r.is_ok());
/// assert_eq!(r.to_string(), "0 errors, 0 warnings");
/// assert!(r.into_result().is_ok());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidationReport {
    /// The issues.
    pub issues: Vec<Issue>,
}

impl ValidationReport {
    /// Whether there is no error (warnings allowed).
    ///
    /// ```
    /// use planwatch::validate::{Issue, IssueCode, Severity, ValidationReport};
    /// let r = ValidationReport { issues: vec![Issue { code: IssueCode::MissingText,
    ///     severity: Severity::Warning, path: "text".into(), message: "no text".into() }] };
    /// assert!(r.is_ok());
    /// assert_eq!((r.errors().count(), r.warnings().count()), (0, 1));
    /// ```
    pub fn is_ok(&self) -> bool {
        self.errors().next().is_none()
    }

    /// The errors (see also [`ValidationReport::is_ok`]).
    ///
    /// ```
    /// use planwatch::validate::{Issue, IssueCode, Severity, ValidationReport};
    /// let issue = |code, severity| Issue { code, severity, path: "targets[0]".into(), message: String::new() };
    /// let r = ValidationReport { issues: vec![
    ///     issue(IssueCode::MissingText, Severity::Warning),
    ///     issue(IssueCode::UnitMismatch, Severity::Error),
    /// ] };
    /// assert_eq!(r.errors().map(|i| i.code).collect::<Vec<_>>(), [IssueCode::UnitMismatch]);
    /// assert!(!r.is_ok());
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The warnings (see also [`ValidationReport::is_ok`]).
    ///
    /// ```
    /// use planwatch::validate::{Issue, IssueCode, Severity, ValidationReport};
    /// let issue = |code, severity| Issue { code, severity, path: "targets[0]".into(), message: String::new() };
    /// let r = ValidationReport { issues: vec![
    ///     issue(IssueCode::MissingText, Severity::Warning),
    ///     issue(IssueCode::UnitMismatch, Severity::Error),
    /// ] };
    /// assert_eq!(r.warnings().map(|i| i.code).collect::<Vec<_>>(), [IssueCode::MissingText]);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    /// The issues with this code.
    ///
    /// ```
    /// use planwatch::validate::{IssueCode, ValidationReport};
    /// assert_eq!(ValidationReport::default().with_code(IssueCode::MissingText).count(), 0);
    /// ```
    pub fn with_code(&self, code: IssueCode) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(move |i| i.code == code)
    }

    /// Opt-in raising: the report itself (warnings kept) when there is no error, else a
    /// [`ValidationError`] holding the whole report.
    ///
    /// # Errors
    /// [`ValidationError`] when the report has at least one error.
    ///
    /// ```
    /// use planwatch::validate::{Issue, IssueCode, Severity, ValidationReport};
    /// let r = ValidationReport { issues: vec![Issue { code: IssueCode::NegativeCount,
    ///     severity: Severity::Error, path: "outcomes[0].figure.value".into(), message: "-3人".into() }] };
    /// let e = r.into_result().unwrap_err();
    /// assert_eq!(e.report.errors().count(), 1);
    /// assert!(e.to_string().starts_with("1 error, 0 warnings"));
    /// ```
    pub fn into_result(self) -> Result<ValidationReport, ValidationError> {
        if self.is_ok() {
            Ok(self)
        } else {
            Err(ValidationError { report: self })
        }
    }

    fn push(
        &mut self,
        code: IssueCode,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.issues.push(Issue {
            code,
            severity,
            path: path.into(),
            message: message.into(),
        });
    }

    fn error(&mut self, code: IssueCode, path: impl Into<String>, message: impl Into<String>) {
        self.push(code, Severity::Error, path, message);
    }
}

impl fmt::Display for ValidationReport {
    /// A summary line (`2 errors, 1 warning`), then one line per issue.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (e, w) = (self.errors().count(), self.warnings().count());
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        write!(f, "{e} error{}, {w} warning{}", plural(e), plural(w))?;
        for issue in &self.issues {
            write!(f, "\n{issue}")?;
        }
        Ok(())
    }
}

/// A report with errors, as an error value ([`ValidationReport::into_result`]); displays as
/// the report's summary.
///
/// ```
/// use planwatch::validate::{Issue, IssueCode, Severity, ValidationError, ValidationReport};
/// let report = ValidationReport { issues: vec![Issue { code: IssueCode::InvertedRange,
///     severity: Severity::Error, path: "targets[0].figure".into(), message: "6.5% > 6%".into() }] };
/// let e = ValidationError { report };
/// assert_eq!(e.to_string(), "1 error, 0 warnings\nerror[inverted-range] targets[0].figure: 6.5% > 6%");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{report}")]
pub struct ValidationError {
    /// The whole report, warnings included.
    pub report: ValidationReport,
}

/// Which records a rule reads; `outcome` by default.
///
/// ```
/// use planwatch::validate::RecordKind;
/// assert_eq!(RecordKind::default(), RecordKind::Outcome);
/// assert_eq!(serde_json::to_string(&RecordKind::Target).unwrap(), "\"target\"");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Outcomes (the default).
    #[default]
    Outcome,
    /// Targets.
    Target,
}

crate::codes::stable_codes! {
    RecordKind, "planwatch::validate::RecordKind";
    Outcome => "outcome",
    Target => "target",
}

/// An arithmetic identity the data implies: `share = part / whole` (in percent), checked for
/// every period in which all three indicators have a value, within the rounding of the
/// published figures plus `tolerance_pp`.
///
/// ```
/// use planwatch::validate::Identity;
/// let rd: Identity = serde_json::from_str(
///     r#"{"share": "rd_intensity", "part": "rd_spending", "whole": "gdp"}"#).unwrap();
/// assert_eq!(rd.tolerance_pp, rust_decimal::Decimal::ZERO);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// The share indicator (in % or ‰).
    pub share: String,
    /// The part indicator.
    pub part: String,
    /// The whole indicator (same dimension as the part).
    pub whole: String,
    /// Slack beyond rounding, in percentage points. Default 0.
    #[serde(default)]
    pub tolerance_pp: Decimal,
    /// Which records the identity holds between. Default outcomes.
    #[serde(default)]
    pub kind: RecordKind,
}

/// An ordering the data implies: in every period where both have a value, `lower` does not
/// exceed `higher` (网上零售额 ≤ 社会消费品零售总额), beyond the rounding of the figures.
///
/// ```
/// use planwatch::validate::LevelOrdering;
/// let o = LevelOrdering { lower: "online_retail_sales".into(), higher: "retail_sales".into(), kind: Default::default() };
/// assert_eq!(o.lower, "online_retail_sales");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelOrdering {
    /// The indicator that must be the smaller.
    pub lower: String,
    /// The indicator that must be the larger.
    pub higher: String,
    /// Which records. Default outcomes.
    #[serde(default)]
    pub kind: RecordKind,
}

/// A consistency rule declared with the data (see [`validate_with`]). JSON:
/// `{"share_identity": {...}}` or `{"level_ordering": {...}}`.
///
/// ```
/// use planwatch::validate::Rule;
/// let rules: Vec<Rule> = serde_json::from_str(r#"[
///   {"share_identity": {"share": "rd_intensity", "part": "rd_spending", "whole": "gdp"}},
///   {"level_ordering": {"lower": "online_retail_sales", "higher": "retail_sales"}}
/// ]"#).unwrap();
/// assert_eq!(rules.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `share = part / whole`.
    ShareIdentity(Identity),
    /// `lower ≤ higher`.
    LevelOrdering(LevelOrdering),
}

/// Validates a dataset against a catalogue (extended by the dataset's own `indicators`).
///
/// Same as [`validate_with`] with no rules.
///
/// ```
/// use planwatch::validate::validate;
/// let ds = planwatch::dataset::Dataset::from_json(r#"{"document": {"id": "d", "title": "t",
///     "issuer": "i", "kind": "other", "jurisdiction": "CN"}}"#, None).unwrap();
/// assert!(validate(&ds, &planwatch::indicator::Catalogue::default()).issues.is_empty());
/// ```
pub fn validate(dataset: &Dataset, catalogue: &Catalogue) -> ValidationReport {
    validate_with(dataset, catalogue, &[])
}

/// Validates a dataset and checks the given consistency rules.
///
/// ```
/// use planwatch::validate::{validate_with, Identity, Rule};
/// use planwatch::indicator::{Catalogue, Desired, Indicator, Measure};
/// use planwatch::units::Unit;
/// let ind = |id: &str, measure, unit| Indicator { id: id.into(), name_zh: id.into(), name_en: id.into(),
///     aliases: vec![], category: "innovation".into(), attribute: None, desired: Desired::HigherBetter, measure, unit };
/// let cat = Catalogue::new(vec![ind("gdp", Measure::Level, Unit::CNY), ind("rd_spending", Measure::Level, Unit::CNY),
///     ind("rd_intensity", Measure::Share, Unit::Percent)]);
/// let ds = planwatch::dataset::Dataset::from_json(r#"{
///   "document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN", "outcome_year": 2023},
///   "outcomes": [
///     {"indicator": "gdp", "period": {"year": 2023}, "figure": {"comparator": "exact", "text": "126.06万亿元",
///        "value": {"value": "126.06", "exponent": 12, "unit": "CNY"}}},
///     {"indicator": "rd_spending", "period": {"year": 2023}, "figure": {"comparator": "exact", "text": "33278.2亿元",
///        "value": {"value": "33278.2", "exponent": 8, "unit": "CNY"}}},
///     {"indicator": "rd_intensity", "period": {"year": 2023}, "figure": {"comparator": "exact", "text": "2.64%",
///        "value": {"value": "2.64", "exponent": 0, "unit": "percent"}}}
///   ]}"#, None).unwrap();
/// let rule = Rule::ShareIdentity(Identity { share: "rd_intensity".into(), part: "rd_spending".into(),
///     whole: "gdp".into(), tolerance_pp: Default::default(), kind: Default::default() });
/// assert!(validate_with(&ds, &cat, &[rule]).issues.is_empty());
/// ```
pub fn validate_with(dataset: &Dataset, catalogue: &Catalogue, rules: &[Rule]) -> ValidationReport {
    let mut v = Validator {
        dataset,
        catalogue,
        report: ValidationReport::default(),
    };
    v.document();
    v.records();
    v.duplicates();
    v.rules(rules);
    v.report
}

// ---------------------------------------------------------------------------------------------

struct Validator<'a> {
    dataset: &'a Dataset,
    catalogue: &'a Catalogue,
    report: ValidationReport,
}

/// One record seen uniformly.
struct Record<'a> {
    path: String,
    indicator: &'a str,
    period: &'a Period,
    figure: Option<&'a Figure>,
    provenance: Option<&'a Provenance>,
}

impl<'a> Validator<'a> {
    fn indicator(&self, id: &str) -> Option<&'a Indicator> {
        self.catalogue
            .get(id)
            .or_else(|| self.dataset.indicators.iter().find(|i| i.id == id))
    }

    fn all_records(&self) -> Vec<Record<'a>> {
        let ds = self.dataset;
        let mut out = Vec::with_capacity(ds.targets.len() + ds.outcomes.len() + ds.verdicts.len());
        for (i, t) in ds.targets.iter().enumerate() {
            out.push(Record {
                path: format!("targets[{i}]"),
                indicator: &t.indicator,
                period: &t.period,
                figure: Some(&t.figure),
                provenance: t.provenance.as_ref(),
            });
        }
        for (i, o) in ds.outcomes.iter().enumerate() {
            out.push(Record {
                path: format!("outcomes[{i}]"),
                indicator: &o.indicator,
                period: &o.period,
                figure: Some(&o.figure),
                provenance: o.provenance.as_ref(),
            });
        }
        for (i, s) in ds.verdicts.iter().enumerate() {
            out.push(Record {
                path: format!("verdicts[{i}]"),
                indicator: &s.indicator,
                period: &s.period,
                figure: None,
                provenance: s.provenance.as_ref(),
            });
        }
        out
    }

    fn document(&mut self) {
        let doc = &self.dataset.document;
        let code = doc.jurisdiction.as_str();
        let six_digits = code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit());
        let problem = if code == "CN" {
            (doc.kind == DocumentKind::ProvincialReport).then(|| {
                "a provincial report names the nation (CN) as its jurisdiction".to_string()
            })
        } else if !six_digits {
            Some(format!(
                "jurisdiction {code:?} is neither CN nor a six-digit GB/T 2260 code"
            ))
        } else if code.ends_with("0000") && Jurisdiction::from_code(code).is_none() {
            Some(format!(
                "{code} is not the code of a provincial-level division"
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            self.report.error(
                IssueCode::InvalidJurisdiction,
                "document.jurisdiction",
                message,
            );
        }
    }

    fn records(&mut self) {
        let years = self.dataset.document.years();
        let mut provenance_seen = false;
        for rec in self.all_records() {
            let indicator = self.indicator(rec.indicator);
            if indicator.is_none() {
                self.report.error(
                    IssueCode::UnknownIndicator,
                    format!("{}.indicator", rec.path),
                    format!("no indicator with id {:?}", rec.indicator),
                );
            }
            // An inverted period covers no year: it is reported once, as inverted.
            if let Some(end) = rec.period.end_year
                && end < rec.period.year
            {
                self.report.error(
                    IssueCode::InvertedRange,
                    format!("{}.period.end_year", rec.path),
                    format!(
                        "the period ends in {end}, before it starts in {}",
                        rec.period.year
                    ),
                );
            } else if !years.is_empty() && !years.iter().any(|y| rec.period.contains_year(*y)) {
                self.report.push(
                    IssueCode::YearOutsideDocument,
                    Severity::Warning,
                    format!("{}.period", rec.path),
                    format!(
                        "period {} covers none of the document's years {years:?}",
                        rec.period
                    ),
                );
            }
            if let Some(f) = rec.figure {
                self.figure(&format!("{}.figure", rec.path), f, indicator);
            }
            if let Some(p) = rec.provenance {
                provenance_seen = true;
                self.provenance(&rec.path, p, rec.figure);
            }
        }
        if provenance_seen && self.dataset.text.is_none() {
            self.report.push(
                IssueCode::MissingText,
                Severity::Warning,
                "text",
                "records have provenance but the dataset has no document text to check it against",
            );
        }
    }

    fn figure(&mut self, path: &str, f: &Figure, indicator: Option<&Indicator>) {
        let c = f.comparator;
        if c == Comparator::Range {
            for (name, q) in [("lower", &f.lower), ("upper", &f.upper)] {
                if q.is_none() {
                    self.report.error(
                        IssueCode::MissingQuantity,
                        format!("{path}.{name}"),
                        "a range needs both ends",
                    );
                }
            }
            if let (Some(lo), Some(hi)) = (&f.lower, &f.upper) {
                match lo.cmp_amount(hi) {
                    Ok(Ordering::Greater) => self.report.error(
                        IssueCode::InvertedRange,
                        path.to_string(),
                        format!("the lower end {lo} is above the upper end {hi}"),
                    ),
                    Ok(_) => {}
                    Err(_) => self.report.error(
                        IssueCode::UnitMismatch,
                        format!("{path}.upper.unit"),
                        format!("the range's ends are in incompatible units: {lo} and {hi}"),
                    ),
                }
            }
        } else if c.is_quantitative() && f.value.is_none() {
            self.report.error(
                IssueCode::MissingQuantity,
                format!("{path}.value"),
                format!("comparator {} needs a quantity", c.code()),
            );
        }
        if let Some(Some(id)) = f.reference.as_ref().map(|r| r.indicator.as_deref())
            && self.indicator(id).is_none()
        {
            self.report.error(
                IssueCode::UnknownIndicator,
                format!("{path}.reference.indicator"),
                format!("no indicator with id {id:?}"),
            );
        }
        for (name, q) in [
            ("value", &f.value),
            ("lower", &f.lower),
            ("upper", &f.upper),
        ] {
            if let Some(q) = q {
                self.quantity(&format!("{path}.{name}"), q, f.direction, indicator);
            }
        }
    }

    fn quantity(
        &mut self,
        path: &str,
        q: &Quantity,
        direction: Option<Direction>,
        indicator: Option<&Indicator>,
    ) {
        let unit = q.unit();
        let negative = q.value().is_sign_negative() && !q.value().is_zero();
        if let Some(ind) = indicator {
            let want = &ind.unit;
            let pct_pp = matches!(
                (unit.dimension(), want.dimension()),
                (Dimension::Ratio, Dimension::PercentagePoint)
                    | (Dimension::PercentagePoint, Dimension::Ratio)
            );
            if pct_pp {
                self.report.error(
                    IssueCode::PercentVsPoint,
                    format!("{path}.unit"),
                    format!(
                        "{q} is in {} but indicator {} is in {}",
                        unit.code(),
                        ind.id,
                        want.code()
                    ),
                );
                return;
            }
            if !unit.same_dimension(want) {
                self.report.error(
                    IssueCode::UnitMismatch,
                    format!("{path}.unit"),
                    format!(
                        "{q} is in {} but indicator {} is in {} (another dimension)",
                        unit.code(),
                        ind.id,
                        want.code()
                    ),
                );
                return;
            }
            // Compared as amounts, exact at any exponent (a conversion to percent would
            // overflow on `1e30%` and let it pass).
            let hundred = Quantity::new(Decimal::ONE_HUNDRED, 0, Unit::Percent);
            if ind.measure == Measure::Share && q.cmp_amount(&hundred) == Ok(Ordering::Greater) {
                self.report.error(
                    IssueCode::ShareOver100,
                    path.to_string(),
                    format!("share {q} is above 100%"),
                );
            }
            if ind.measure == Measure::Change {
                return; // changes may be negative
            }
            if ind.measure == Measure::GrowthRate {
                let signed = if direction == Some(Direction::Decrease) {
                    q.checked_neg().ok()
                } else {
                    Some(q.clone())
                };
                let minus_hundred = Quantity::new(-Decimal::ONE_HUNDRED, 0, Unit::Percent);
                if signed.is_some_and(|s| s.cmp_amount(&minus_hundred) == Ok(Ordering::Less)) {
                    self.report.error(
                        IssueCode::ImpossibleValue,
                        path.to_string(),
                        format!("a fall of {q} is more than 100%"),
                    );
                }
                return;
            }
        }
        if negative {
            if unit.is_count() {
                self.report.error(
                    IssueCode::NegativeCount,
                    path.to_string(),
                    format!("negative count {q}"),
                );
            } else if indicator
                .is_some_and(|i| matches!(i.measure, Measure::Level | Measure::Share))
                || !matches!(
                    unit.dimension(),
                    Dimension::Ratio
                        | Dimension::PercentagePoint
                        | Dimension::Number
                        | Dimension::Currency(_)
                )
            {
                self.report.error(
                    IssueCode::ImpossibleValue,
                    path.to_string(),
                    format!("negative amount {q}"),
                );
            }
        }
    }

    fn provenance(&mut self, path: &str, p: &Provenance, figure: Option<&Figure>) {
        if p.document != self.dataset.document.id {
            self.report.error(
                IssueCode::ProvenanceDocumentMismatch,
                format!("{path}.provenance.document"),
                format!(
                    "provenance names document {:?}, the dataset's is {:?}",
                    p.document, self.dataset.document.id
                ),
            );
        }
        if let Some(text) = self.dataset.text.as_deref()
            && !p.check(text)
        {
            let found = match text.get(p.start..p.end) {
                Some(s) => format!("the text there is {:?}", abbreviate(s)),
                None => format!(
                    "the span {}..{} is not on character boundaries of the text",
                    p.start, p.end
                ),
            };
            self.report.error(
                IssueCode::ProvenanceMismatch,
                format!("{path}.provenance.quote"),
                format!(
                    "quote {:?} is not the text at {}..{}: {found}",
                    abbreviate(&p.quote),
                    p.start,
                    p.end
                ),
            );
        }
        if let Some(f) = figure
            && !figure_in_quote(f, &p.quote)
        {
            self.report.error(
                IssueCode::FigureNotInQuote,
                format!("{path}.figure.text"),
                format!(
                    "the quote {:?} does not contain the figure {:?}",
                    abbreviate(&p.quote),
                    f.text
                ),
            );
        }
    }

    fn duplicates(&mut self) {
        let ds = self.dataset;
        // Targets: same indicator, period and kind; same meaning is a duplicate, another is a
        // contradiction.
        let mut groups: HashMap<(&str, &Period), Vec<usize>> = HashMap::new();
        for (i, t) in ds.targets.iter().enumerate() {
            groups
                .entry((t.indicator.as_str(), &t.period))
                .or_default()
                .push(i);
        }
        let mut found = Vec::new();
        for idx in groups.values() {
            for (n, &j) in idx.iter().enumerate() {
                let earlier = idx.get(..n).unwrap_or_default();
                let b = &ds.targets[j];
                if let Some(&i) = earlier
                    .iter()
                    .find(|&&i| same_meaning(&ds.targets[i].figure, &b.figure))
                {
                    found.push((j, i, ds.targets[i].provenance == b.provenance, true));
                } else if let Some(&i) = earlier.first() {
                    found.push((j, i, false, false));
                }
            }
        }
        found.sort_unstable();
        for (j, i, same_prov, same) in found {
            self.dup_issue("targets", i, j, same_prov, same);
        }

        let mut groups: HashMap<(&str, &Period), Vec<usize>> = HashMap::new();
        for (i, o) in ds.outcomes.iter().enumerate() {
            groups
                .entry((o.indicator.as_str(), &o.period))
                .or_default()
                .push(i);
        }
        let mut found = Vec::new();
        for idx in groups.values() {
            for (n, &j) in idx.iter().enumerate() {
                for &i in &idx[..n] {
                    let (a, b) = (&ds.outcomes[i], &ds.outcomes[j]);
                    if same_meaning(&a.figure, &b.figure) && a.status == b.status {
                        found.push((j, i, a.provenance == b.provenance, true));
                        break;
                    }
                    if a.status == b.status && disjoint(&a.figure, &b.figure) {
                        found.push((j, i, false, false));
                        break;
                    }
                }
            }
        }
        found.sort_unstable();
        for (j, i, same_prov, same) in found {
            self.dup_issue("outcomes", i, j, same_prov, same);
        }
    }

    fn dup_issue(&mut self, list: &str, first: usize, second: usize, same_prov: bool, same: bool) {
        if same {
            let severity = if same_prov {
                Severity::Error
            } else {
                Severity::Warning
            };
            let why = if same_prov {
                ""
            } else {
                " (stated again elsewhere in the document)"
            };
            self.report.push(
                IssueCode::DuplicateRecord,
                severity,
                format!("{list}[{second}]"),
                format!("repeats {list}[{first}]{why}"),
            );
        } else {
            self.report.error(
                IssueCode::ContradictoryRecords,
                format!("{list}[{second}]"),
                format!("contradicts {list}[{first}]: same indicator, period and kind, incompatible figures"),
            );
        }
    }

    fn rules(&mut self, rules: &[Rule]) {
        for (r, rule) in rules.iter().enumerate() {
            let ids: Vec<(&str, &str)> = match rule {
                Rule::ShareIdentity(i) => {
                    vec![("share", &i.share), ("part", &i.part), ("whole", &i.whole)]
                }
                Rule::LevelOrdering(o) => vec![("lower", &o.lower), ("higher", &o.higher)],
            };
            let mut known = true;
            for (field, id) in ids {
                if self.indicator(id).is_none() {
                    known = false;
                    self.report.error(
                        IssueCode::UnknownIndicator,
                        format!("rules[{r}].{field}"),
                        format!("no indicator with id {id:?}"),
                    );
                }
            }
            if !known {
                continue;
            }
            match rule {
                Rule::ShareIdentity(i) => self.share_identity(i),
                Rule::LevelOrdering(o) => self.level_ordering(o),
            }
        }
    }

    /// Records of a kind for an indicator with a single published value: (path, period, value
    /// signed by direction).
    fn values(&self, kind: RecordKind, id: &str) -> Vec<(String, Period, Quantity)> {
        let ds = self.dataset;
        let list: Vec<(&str, &Period, &Figure)> = match kind {
            RecordKind::Outcome => ds
                .outcomes
                .iter()
                .map(|o| (o.indicator.as_str(), &o.period, &o.figure))
                .collect(),
            RecordKind::Target => ds
                .targets
                .iter()
                .map(|t| (t.indicator.as_str(), &t.period, &t.figure))
                .collect(),
        };
        let name = match kind {
            RecordKind::Outcome => "outcomes",
            RecordKind::Target => "targets",
        };
        list.into_iter()
            .enumerate()
            .filter(|(_, (ind, _, f))| {
                *ind == id && matches!(f.comparator, Comparator::Exact | Comparator::Around)
            })
            .filter_map(|(i, (_, p, f))| Some((format!("{name}[{i}]"), *p, f.signed_value()?)))
            .collect()
    }

    fn share_identity(&mut self, rule: &Identity) {
        let shares = self.values(rule.kind, &rule.share);
        let parts = self.values(rule.kind, &rule.part);
        let wholes = self.values(rule.kind, &rule.whole);
        for (path, period, share) in shares {
            let same = |p: &Period| p.year == period.year && p.end_year == period.end_year;
            let (Some((_, _, part)), Some((_, _, whole))) = (
                parts.iter().find(|x| same(&x.1)),
                wholes.iter().find(|x| same(&x.1)),
            ) else {
                continue;
            };
            match share_consistent(&share, part, whole, rule.tolerance_pp) {
                Ok(None) => {}
                Ok(Some(ratio)) => self.report.error(
                    IssueCode::ShareIdentity,
                    format!("{path}.figure.value"),
                    format!(
                        "{} is {share} but {} / {} = {part} / {whole} = {ratio}%",
                        rule.share, rule.part, rule.whole
                    ),
                ),
                Err(msg) => self.report.error(
                    IssueCode::ShareIdentity,
                    format!("{path}.figure.value"),
                    msg,
                ),
            }
        }
    }

    fn level_ordering(&mut self, rule: &LevelOrdering) {
        let lows = self.values(rule.kind, &rule.lower);
        let highs = self.values(rule.kind, &rule.higher);
        for (path, period, low) in lows {
            let Some((_, _, high)) = highs
                .iter()
                .find(|x| x.1.year == period.year && x.1.end_year == period.end_year)
            else {
                continue;
            };
            // Violated only if even the smallest reading of `low` exceeds the largest of `high`.
            let (Ok((low_min, _)), Ok((_, high_max))) =
                (rounding_interval(&low), rounding_interval(high))
            else {
                continue;
            };
            match low_min.cmp_amount(&high_max) {
                Ok(Ordering::Greater) => self.report.error(
                    IssueCode::LevelOrdering,
                    format!("{path}.figure.value"),
                    format!("{} ({low}) is above {} ({high})", rule.lower, rule.higher),
                ),
                Ok(_) => {}
                Err(e) => self.report.error(
                    IssueCode::LevelOrdering,
                    format!("{path}.figure.value"),
                    format!(
                        "{} ({low}) and {} ({high}) cannot be compared: {e}",
                        rule.lower, rule.higher
                    ),
                ),
            }
        }
    }
}

fn abbreviate(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

/// Whether the quote contains the figure as written: its text, or, when the figure has no
/// text, each quantity's mantissa as published.
fn figure_in_quote(f: &Figure, quote: &str) -> bool {
    if !f.text.is_empty() {
        return quote.contains(f.text.as_str());
    }
    f.quantities()
        .all(|q| quote.contains(&q.value().to_string()))
}

/// Whether two figures say the same (text aside).
fn same_meaning(a: &Figure, b: &Figure) -> bool {
    let norm = |d: Option<Direction>| d.filter(|d| *d != Direction::Increase);
    a.comparator == b.comparator
        && a.value == b.value
        && a.lower == b.lower
        && a.upper == b.upper
        && norm(a.direction) == norm(b.direction)
        && a.reference.as_ref().map(|r| (&r.text, r.relation))
            == b.reference.as_ref().map(|r| (&r.text, r.relation))
}

/// A published value as the interval it was rounded from: ± half a unit of its last digit.
fn rounding_interval(q: &Quantity) -> Result<(Quantity, Quantity), crate::error::QuantityError> {
    let scale = q.value().scale().min(27);
    let half = Decimal::new(5, scale + 1);
    let lo = q
        .value()
        .checked_sub(half)
        .ok_or(crate::error::QuantityError::Overflow)?;
    let hi = q
        .value()
        .checked_add(half)
        .ok_or(crate::error::QuantityError::Overflow)?;
    Ok((
        Quantity::new(lo, q.exponent(), q.unit().clone()),
        Quantity::new(hi, q.exponent(), q.unit().clone()),
    ))
}

/// An outcome figure as the interval of values it admits (ends inclusive when the flag is
/// false): published points widen by their rounding.
type Bound = Option<(Quantity, bool)>;

fn outcome_interval(f: &Figure) -> Option<(Bound, Bound)> {
    let neg = f.direction == Some(Direction::Decrease);
    let sign = |q: &Quantity| {
        if neg {
            q.checked_neg().ok()
        } else {
            Some(q.clone())
        }
    };
    let (lo, hi): (Bound, Bound) = match f.comparator {
        Comparator::Exact | Comparator::Around => {
            let (a, b) = rounding_interval(f.value.as_ref()?).ok()?;
            (Some((a, false)), Some((b, false)))
        }
        Comparator::AtLeast => (Some((f.value.clone()?, false)), None),
        Comparator::MoreThan => (Some((f.value.clone()?, true)), None),
        Comparator::AtMost => (None, Some((f.value.clone()?, false))),
        Comparator::LessThan => (None, Some((f.value.clone()?, true))),
        Comparator::Range => (
            Some((f.lower.clone()?, false)),
            Some((f.upper.clone()?, false)),
        ),
        _ => return None,
    };
    if neg {
        let flip = |b: Bound| -> Option<Bound> {
            match b {
                Some((q, s)) => Some(Some((sign(&q)?, s))),
                None => Some(None),
            }
        };
        Some((flip(hi)?, flip(lo)?))
    } else {
        Some((lo, hi))
    }
}

/// Whether two outcome figures admit no common value.
fn disjoint(a: &Figure, b: &Figure) -> bool {
    let (Some((a_lo, a_hi)), Some((b_lo, b_hi))) = (outcome_interval(a), outcome_interval(b))
    else {
        return false;
    };
    // a entirely below b, or b entirely below a.
    let below = |hi: &Bound, lo: &Bound| -> bool {
        let (Some((h, hs)), Some((l, ls))) = (hi, lo) else {
            return false;
        };
        match h.cmp_amount(l) {
            Ok(Ordering::Less) => true,
            Ok(Ordering::Equal) => *hs || *ls,
            Ok(Ordering::Greater) => false,
            // Incomparable units: not a contradiction of values (validation reports units).
            Err(_) => false,
        }
    };
    below(&a_hi, &b_lo) || below(&b_hi, &a_lo)
}

/// `Ok(None)` when `share` is consistent with `part / whole` within rounding and tolerance;
/// `Ok(Some(ratio))` with the computed ratio in percent when not.
fn share_consistent(
    share: &Quantity,
    part: &Quantity,
    whole: &Quantity,
    tol: Decimal,
) -> Result<Option<Decimal>, String> {
    let err = |e: crate::error::QuantityError| format!("cannot compute the identity: {e}");
    let (p_lo, p_hi) = rounding_interval(part).map_err(err)?;
    let (w_lo, w_hi) = rounding_interval(whole).map_err(err)?;
    let (s_lo, s_hi) = rounding_interval(share).map_err(err)?;
    let unit = whole.unit().clone();
    let base = |q: &Quantity| q.convert_to(&unit).map(|c| c.value()).map_err(err);
    let pct = |q: &Quantity| q.convert_to(&Unit::Percent).map(|c| c.value()).map_err(err);
    let (p_lo, p_hi, w_lo, w_hi, w) = (
        base(&p_lo)?,
        base(&p_hi)?,
        base(&w_lo)?,
        base(&w_hi)?,
        base(whole)?,
    );
    let (s_lo, s_hi, p) = (pct(&s_lo)?, pct(&s_hi)?, base(part)?);
    if w_lo <= Decimal::ZERO {
        return Err(format!("the whole {whole} is not positive"));
    }
    let hundred = Decimal::ONE_HUNDRED;
    let ratio = |n: Decimal, d: Decimal| n.checked_div(d).and_then(|r| r.checked_mul(hundred));
    let (Some(r_lo), Some(r_hi), Some(r)) = (ratio(p_lo, w_hi), ratio(p_hi, w_lo), ratio(p, w))
    else {
        return Err("cannot compute the identity: arithmetic overflow".into());
    };
    let (Some(s_lo), Some(s_hi)) = (s_lo.checked_sub(tol), s_hi.checked_add(tol)) else {
        return Err("cannot compute the identity: arithmetic overflow".into());
    };
    if r_hi < s_lo || r_lo > s_hi {
        Ok(Some(r.round_dp(4)))
    } else {
        Ok(None)
    }
}
