//! Panels: many documents' datasets joined across documents, so that every year's targets
//! stand next to every year's outcomes, for the nation and for each province.
//!
//! A report delivered in year *t* sets the targets of *t* and reports the outcomes of *t − 1*;
//! the target for a year and its outcome therefore come from different documents. A [`Panel`]
//! holds the datasets of any number of documents (national government work reports, NDRC plan
//! reports, provincial reports, files of your own) and answers, for a jurisdiction, an indicator
//! and a period, which targets and which outcomes the documents state — all of them, each with
//! its document, and the one a scorecard uses.
//!
//! # Precedence
//!
//! When several documents state a figure for the same jurisdiction, indicator and period, every
//! value is kept ([`Panel::targets_for`], [`Panel::outcomes_for`]) and the first in this order
//! is the one [`Panel::target`], [`Panel::outcome`] and [`Panel::scorecard`] use:
//!
//! * **Targets**: the document that sets the year's plan (its `plan_year` is the year) before a
//!   document that restates it (the next year's report reviewing it); then a figure before a
//!   statement in words (`7.5%左右` before `稳中求进`); then by kind — government
//!   work report, five-year plan, NDRC plan report, provincial report, other; then the earlier
//!   delivery; then the document id.
//! * **Outcomes**: a figure before a statement in words (`增长2.3%` before `实现正增长`); then a
//!   `revised` figure before a `final` one before a `preliminary` one; then the
//!   document that reports the year's outcomes (its `outcome_year` is the year: the first report,
//!   a year later) before any other (a five-year review restating it); then by kind as for
//!   targets; then the **later** delivery (newer information); then the document id.
//! * Within a document, the same period (basis included) before the same years on another basis,
//!   then text order.
//!
//! A plan period (`十四五`, 2021–2025) is its own period: cumulative and average figures of a
//! plan are never a year's figure.
//!
//! ```
//! use planwatch::assess::Policy;
//! use planwatch::dataset::Dataset;
//! use planwatch::panel::Panel;
//! use planwatch::target::Verdict;
//! let doc = |id: &str, year: i32| format!(
//!     r#""document": {{"id": "{id}", "title": "政府工作报告", "issuer": "国务院",
//!         "kind": "government_work_report", "jurisdiction": "CN",
//!         "outcome_year": {}, "plan_year": {year}}}"#, year - 1);
//! let gdp = |year: i32, comparator: &str, value: &str, text: &str| format!(
//!     r#"{{"indicator": "gdp_growth", "period": {{"year": {year}}}, "figure": {{"comparator":
//!         "{comparator}", "value": {{"value": "{value}", "unit": "percent"}},
//!         "direction": "increase", "text": "{text}"}}}}"#);
//! let r2023 = format!(r#"{{{}, "targets": [{}]}}"#, doc("gwr-2023", 2023), gdp(2023, "around", "5", "增长5%左右"));
//! let r2024 = format!(r#"{{{}, "targets": [{}], "outcomes": [{}]}}"#, doc("gwr-2024", 2024),
//!     gdp(2024, "around", "5", "增长5%左右"), gdp(2023, "exact", "5.2", "增长5.2%"));
//! let panel = Panel::new(vec![
//!     Dataset::from_json(&r2023, None).unwrap(),
//!     Dataset::from_json(&r2024, None).unwrap(),
//! ]).unwrap();
//! let rows = panel.scorecard(planwatch::builtin::catalogue(), &Policy::default());
//! // The 2023 target (from the 2023 report) meets the 2023 outcome (from the 2024 report).
//! let y2023 = rows.iter().find(|r| r.row.period.year == 2023).unwrap();
//! assert_eq!((y2023.target_document.as_deref(), y2023.outcome_document.as_deref()),
//!            (Some("gwr-2023"), Some("gwr-2024")));
//! assert_eq!(y2023.row.verdict(), Some(Verdict::Met));
//! // The 2024 target has no outcome in the panel yet.
//! let y2024 = rows.iter().find(|r| r.row.period.year == 2024).unwrap();
//! assert_eq!((y2024.row.outcome.as_ref(), y2024.row.verdict()), (None, None));
//! ```

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::assess::Policy;
use crate::dataset::{Dataset, StatedVerdict};
use crate::document::{Document, DocumentKind, Period};
use crate::error::LoadError;
use crate::indicator::Catalogue;
use crate::scorecard::{ScoreRow, reference_indicator, score};
use crate::target::{Outcome, OutcomeStatus, Target};

/// A record of a panel with the document it comes from.
#[derive(Debug, PartialEq)]
pub struct Sourced<'a, T> {
    /// The record.
    pub record: &'a T,
    /// The document that states it.
    pub document: &'a Document,
}

/// Whether a panel record is a target or an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A target the document sets or restates.
    Target,
    /// An outcome the document reports.
    Outcome,
}

crate::codes::stable_codes! {
    RecordKind, "planwatch::panel::RecordKind";
    Target => "target",
    Outcome => "outcome",
}

/// A scorecard row of a panel: the row, its jurisdiction, and the documents its target,
/// outcome and stated verdict come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelRow {
    /// `CN` or the GB/T 2260 code of the jurisdiction.
    pub jurisdiction: String,
    /// The target, outcome, reference, assessment and stated verdict.
    pub row: ScoreRow,
    /// The id of the document the target comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_document: Option<String>,
    /// The id of the document the outcome comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_document: Option<String>,
    /// The id of the document the stated verdict comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_document: Option<String>,
}

/// Why datasets do not make a panel.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PanelError {
    /// Two datasets have the same document id.
    #[error("two datasets have the document id {0:?}")]
    DuplicateDocument(String),
}

impl<T> Clone for Sourced<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Sourced<'_, T> {}

type Key<'a> = (&'a str, &'a str, i32, Option<i32>);

/// Jurisdiction, indicator, first year, last year of a plan period.
type OwnedKey = (String, String, i32, Option<i32>);

/// (dataset, record) positions.
type Hits = Vec<(usize, usize)>;

/// Records of one kind across the panel, indexed by jurisdiction, indicator and years.
#[derive(Debug, Default)]
struct Index {
    /// (dataset, record) positions per key, in precedence order.
    by_key: HashMap<OwnedKey, Hits>,
}

impl Index {
    fn get(&self, key: Key<'_>) -> &[(usize, usize)] {
        // The key owns its strings; look up with a borrowed tuple through a temporary.
        self.by_key
            .get(&(key.0.to_string(), key.1.to_string(), key.2, key.3))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// Many documents' datasets, joined across documents (see the [module docs](self)).
#[derive(Debug, Default)]
pub struct Panel {
    datasets: Vec<Dataset>,
    targets: Index,
    outcomes: Index,
    verdicts: Index,
}

impl Clone for Panel {
    fn clone(&self) -> Self {
        // The indices are derived: rebuild them (the ids were unique when first built).
        Panel::build(self.datasets.clone())
    }
}

impl PartialEq for Panel {
    fn eq(&self, other: &Self) -> bool {
        self.datasets == other.datasets
    }
}

/// The rank of a document kind in the precedence of the [module docs](self).
fn kind_rank(kind: DocumentKind) -> u8 {
    match kind {
        DocumentKind::GovernmentWorkReport => 0,
        DocumentKind::FiveYearPlan => 1,
        DocumentKind::NdrcPlanReport => 2,
        DocumentKind::ProvincialReport => 3,
        DocumentKind::Other => 4,
    }
}

fn status_rank(status: OutcomeStatus) -> u8 {
    match status {
        OutcomeStatus::Revised => 0,
        OutcomeStatus::Final => 1,
        OutcomeStatus::Preliminary => 2,
    }
}

impl Panel {
    /// A panel of `datasets`, in the order given (which is the order of [`Panel::datasets`]).
    ///
    /// # Errors
    /// [`PanelError::DuplicateDocument`] when two datasets have the same document id.
    ///
    /// ```
    /// use planwatch::panel::{Panel, PanelError};
    /// let ds = planwatch::builtin::dataset();
    /// assert_eq!(Panel::new(vec![ds.clone()]).unwrap().datasets().len(), 1);
    /// assert_eq!(Panel::new(vec![ds.clone(), ds]).unwrap_err(),
    ///            PanelError::DuplicateDocument("cn-ndrc-plan-report-2024".into()));
    /// ```
    pub fn new(datasets: Vec<Dataset>) -> Result<Panel, PanelError> {
        let mut seen = HashSet::new();
        for ds in &datasets {
            if !seen.insert(ds.document.id.as_str()) {
                return Err(PanelError::DuplicateDocument(ds.document.id.clone()));
            }
        }
        Ok(Panel::build(datasets))
    }

    /// Reads every dataset file (`*.json`) of `dir`, in file-name order, each with the text its
    /// document names as `source` (see [`Dataset::from_path`]).
    ///
    /// # Errors
    /// The [`LoadError`] of the first file that cannot be read or parsed, or a `LoadError` naming
    /// the directory when two files hold the same document id.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("planwatch-panel-dir-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("a.json"), planwatch::builtin::DATASET_JSON).unwrap();
    /// std::fs::write(dir.join("ndrc-plan-report-2024.txt"), planwatch::builtin::TEXT).unwrap();
    /// std::fs::write(dir.join("notes.txt"), "not a dataset").unwrap();
    /// let panel = planwatch::panel::Panel::from_dir(&dir).unwrap();
    /// assert_eq!(panel.datasets()[0].document.id, "cn-ndrc-plan-report-2024");
    /// std::fs::write(dir.join("b.json"), planwatch::builtin::DATASET_JSON).unwrap();
    /// let err = planwatch::panel::Panel::from_dir(&dir).unwrap_err();
    /// assert!(err.message.contains("cn-ndrc-plan-report-2024"));
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Panel, LoadError> {
        let dir = dir.as_ref();
        let io = |e: std::io::Error| LoadError {
            path: Some(dir.display().to_string()),
            line: 0,
            column: 0,
            message: e.to_string(),
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
            .collect();
        files.sort();
        let datasets = files
            .iter()
            .map(Dataset::from_path)
            .collect::<Result<Vec<_>, _>>()?;
        Panel::new(datasets).map_err(|e| LoadError {
            path: Some(dir.display().to_string()),
            line: 0,
            column: 0,
            message: e.to_string(),
        })
    }

    fn build(datasets: Vec<Dataset>) -> Panel {
        let mut targets: HashMap<_, Vec<(usize, usize)>> = HashMap::new();
        let mut outcomes: HashMap<_, Vec<(usize, usize)>> = HashMap::new();
        let mut verdicts: HashMap<_, Vec<(usize, usize)>> = HashMap::new();
        for (d, ds) in datasets.iter().enumerate() {
            let j = &ds.document.jurisdiction;
            let key = |indicator: &str, p: &Period| {
                (j.clone(), indicator.to_string(), p.year, p.end_year)
            };
            for (i, t) in ds.targets.iter().enumerate() {
                targets
                    .entry(key(&t.indicator, &t.period))
                    .or_default()
                    .push((d, i));
            }
            for (i, o) in ds.outcomes.iter().enumerate() {
                outcomes
                    .entry(key(&o.indicator, &o.period))
                    .or_default()
                    .push((d, i));
            }
            for (i, v) in ds.verdicts.iter().enumerate() {
                verdicts
                    .entry(key(&v.indicator, &v.period))
                    .or_default()
                    .push((d, i));
            }
        }
        let doc = |d: usize| &datasets[d].document;
        let common = |d: usize| {
            let doc = doc(d);
            (kind_rank(doc.kind), doc.id.clone())
        };
        for ((_, _, year, _), list) in targets.iter_mut() {
            list.sort_by_cached_key(|&(d, i)| {
                let (kind, id) = common(d);
                let sets = doc(d).plan_year != Some(*year);
                let words = !datasets[d].targets[i].figure.comparator.is_quantitative();
                (sets, words, kind, doc(d).delivered, id, i)
            });
        }
        for ((_, _, year, _), list) in outcomes.iter_mut() {
            list.sort_by_cached_key(|&(d, i)| {
                let o = &datasets[d].outcomes[i];
                let (kind, id) = common(d);
                let first = doc(d).outcome_year != Some(*year);
                let later = std::cmp::Reverse(doc(d).delivered);
                let words = !o.figure.comparator.is_quantitative();
                (words, status_rank(o.status), first, kind, later, id, i)
            });
        }
        for ((_, _, year, _), list) in verdicts.iter_mut() {
            list.sort_by_cached_key(|&(d, i)| {
                let (kind, id) = common(d);
                let reviews = doc(d).outcome_year != Some(*year);
                (reviews, kind, doc(d).delivered, id, i)
            });
        }
        Panel {
            targets: Index { by_key: targets },
            outcomes: Index { by_key: outcomes },
            verdicts: Index { by_key: verdicts },
            datasets,
        }
    }

    /// The datasets, in the order given.
    pub fn datasets(&self) -> &[Dataset] {
        &self.datasets
    }

    /// The panel of the datasets `keep` accepts, in the same order (a province's documents, the
    /// national ones, a span of years).
    ///
    /// ```
    /// let panel = planwatch::builtin::panel();
    /// let provincial = panel.filter(|d| d.document.jurisdiction != "CN");
    /// assert!(provincial.jurisdictions().iter().all(|j| *j != "CN"));
    /// assert_eq!(panel.filter(|_| true), *panel);
    /// ```
    pub fn filter(&self, mut keep: impl FnMut(&Dataset) -> bool) -> Panel {
        // The ids are unique in `self`, so they are in any subset.
        Panel::build(self.datasets.iter().filter(|d| keep(d)).cloned().collect())
    }

    /// The dataset of the document with this id.
    ///
    /// ```
    /// let panel = planwatch::builtin::panel();
    /// assert!(panel.dataset("cn-ndrc-plan-report-2024").is_some());
    /// assert!(panel.dataset("no-such-document").is_none());
    /// ```
    pub fn dataset(&self, document_id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.document.id == document_id)
    }

    /// The jurisdictions of the panel's documents, sorted (`CN` first).
    ///
    /// ```
    /// assert_eq!(planwatch::builtin::panel().jurisdictions()[0], "CN");
    /// ```
    pub fn jurisdictions(&self) -> Vec<&str> {
        let set: BTreeSet<(bool, &str)> = self
            .datasets
            .iter()
            .map(|d| {
                (
                    d.document.jurisdiction != "CN",
                    d.document.jurisdiction.as_str(),
                )
            })
            .collect();
        set.into_iter().map(|(_, j)| j).collect()
    }

    /// The indicators that have a target or an outcome in the panel, sorted.
    ///
    /// ```
    /// assert!(planwatch::builtin::panel().indicators().contains(&"gdp_growth"));
    /// ```
    pub fn indicators(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self
            .records()
            .map(|(_, kind_record)| kind_record.indicator())
            .collect();
        set.into_iter().collect()
    }

    /// The first years of every target's and outcome's period, sorted.
    ///
    /// ```
    /// let years = planwatch::builtin::panel().years();
    /// assert!(years.contains(&2023) && years.contains(&2024));
    /// ```
    pub fn years(&self) -> Vec<i32> {
        let set: BTreeSet<i32> = self.records().map(|(_, r)| r.period().year).collect();
        set.into_iter().collect()
    }

    /// Every target and outcome of every document, document by document (targets, then
    /// outcomes, each in dataset order), with its document.
    ///
    /// ```
    /// let panel = planwatch::builtin::panel();
    /// let n = panel.records().count();
    /// let ds = planwatch::builtin::dataset();
    /// assert!(n >= ds.targets.len() + ds.outcomes.len());
    /// ```
    pub fn records(&self) -> impl Iterator<Item = (&Document, PanelRecord<'_>)> {
        self.datasets.iter().flat_map(|ds| {
            let doc = &ds.document;
            ds.targets
                .iter()
                .map(move |t| (doc, PanelRecord::Target(t)))
                .chain(
                    ds.outcomes
                        .iter()
                        .map(move |o| (doc, PanelRecord::Outcome(o))),
                )
        })
    }

    /// Every target the panel's documents state for `indicator` in `jurisdiction` over the
    /// years of `period`, in precedence order.
    ///
    /// ```
    /// use planwatch::document::Period;
    /// let panel = planwatch::builtin::panel();
    /// let all = panel.targets_for("CN", "gdp_growth", &Period::year(2024));
    /// assert_eq!(all[0].record.figure.text, "5%左右"); // the 2024 government work report
    /// assert!(all.iter().any(|t| t.document.id == "cn-ndrc-plan-report-2024"));
    /// ```
    pub fn targets_for(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: &Period,
    ) -> Vec<Sourced<'_, Target>> {
        let hits = self
            .targets
            .get((jurisdiction, indicator, period.year, period.end_year));
        self.sourced(hits, period, |ds, i| ds.targets.get(i), |t| &t.period)
    }

    /// Every outcome the panel's documents state for `indicator` in `jurisdiction` over the
    /// years of `period`, in precedence order.
    ///
    /// ```
    /// use planwatch::document::Period;
    /// let panel = planwatch::builtin::panel();
    /// let all = panel.outcomes_for("CN", "gdp_growth", &Period::year(2023));
    /// assert_eq!(all[0].record.figure.value.as_ref().unwrap().to_string(), "5.2%");
    /// ```
    pub fn outcomes_for(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: &Period,
    ) -> Vec<Sourced<'_, Outcome>> {
        let hits = self
            .outcomes
            .get((jurisdiction, indicator, period.year, period.end_year));
        self.sourced(hits, period, |ds, i| ds.outcomes.get(i), |o| &o.period)
    }

    /// The target a scorecard uses for `indicator` in `jurisdiction` and `period`.
    pub fn target(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: &Period,
    ) -> Option<Sourced<'_, Target>> {
        self.targets_for(jurisdiction, indicator, period)
            .into_iter()
            .next()
    }

    /// The outcome a scorecard uses for `indicator` in `jurisdiction` and `period`.
    ///
    /// ```
    /// use planwatch::document::Period;
    /// let panel = planwatch::builtin::panel();
    /// let o = panel.outcome("CN", "urban_new_jobs", &Period::year(2023)).unwrap();
    /// assert_eq!(o.record.figure.value.as_ref().unwrap().to_string(), "1244万人");
    /// ```
    pub fn outcome(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: &Period,
    ) -> Option<Sourced<'_, Outcome>> {
        self.outcomes_for(jurisdiction, indicator, period)
            .into_iter()
            .next()
    }

    /// The records at `hits`, the same period (basis included) first, then the same years on
    /// another basis; within each group the index's precedence order.
    fn sourced<'s, T>(
        &'s self,
        hits: &[(usize, usize)],
        period: &Period,
        get: impl Fn(&'s Dataset, usize) -> Option<&'s T>,
        period_of: impl Fn(&T) -> &Period,
    ) -> Vec<Sourced<'s, T>> {
        let mut out: Vec<Sourced<'s, T>> = hits
            .iter()
            .filter_map(|&(d, i)| {
                let ds = self.datasets.get(d)?;
                Some(Sourced {
                    record: get(ds, i)?,
                    document: &ds.document,
                })
            })
            .collect();
        out.sort_by_key(|s| period_of(s.record) != period);
        out
    }

    /// Every dataset's own indicators over `base` (see [`Dataset::catalogue_over`]): the
    /// catalogue the panel is read with.
    pub fn catalogue_over(&self, base: &Catalogue) -> Catalogue {
        base.extended(self.datasets.iter().flat_map(|d| &d.indicators))
    }

    /// A row for every jurisdiction, indicator and period that has a target in the panel — the
    /// target of highest precedence held against the outcome of highest precedence, across
    /// documents — then a row for every stated verdict no target's row took. Rows are sorted by
    /// jurisdiction (`CN` first), indicator, year and end year. Linear in the records (one hash
    /// look-up per target).
    ///
    /// ```
    /// use planwatch::assess::Policy;
    /// let panel = planwatch::builtin::panel();
    /// let rows = panel.scorecard(planwatch::builtin::catalogue(), &Policy::default());
    /// let jobs = rows.iter().find(|r| r.row.indicator == "urban_new_jobs" && r.row.period.year == 2023).unwrap();
    /// assert_eq!(jobs.row.label(), "exceeded (+44万人) = stated");
    /// ```
    pub fn scorecard(&self, catalogue: &Catalogue, policy: &Policy) -> Vec<PanelRow> {
        let mut rows = Vec::new();
        let mut stated_taken: HashSet<(usize, usize)> = HashSet::new();
        let mut keys: Vec<&OwnedKey> = self.targets.by_key.keys().collect();
        keys.sort_by(|a, b| order(a).cmp(&order(b)));
        for key in keys {
            let (j, ind, year, end) = key;
            let hits = self.targets.get((j, ind, *year, *end));
            let Some(&(d, i)) = hits.first() else {
                continue;
            };
            let t = &self.datasets[d].targets[i];
            let outcome = self.outcome(j, ind, &t.period);
            let reference = reference_indicator(t).and_then(|r| self.outcome(j, r, &t.period));
            let stated = self.verdicts.get((j, ind, *year, *end)).first().copied();
            if let Some(s) = stated {
                stated_taken.insert(s);
            }
            let stated_verdict: Option<StatedVerdict> =
                stated.and_then(|(d, i)| self.datasets[d].verdicts.get(i).cloned());
            let row = score(
                t,
                outcome.map(|o| o.record),
                reference.map(|o| o.record),
                stated_verdict,
                catalogue,
                policy,
            );
            rows.push(PanelRow {
                jurisdiction: j.clone(),
                row,
                target_document: Some(self.datasets[d].document.id.clone()),
                outcome_document: outcome.map(|o| o.document.id.clone()),
                stated_document: stated.map(|(d, _)| self.datasets[d].document.id.clone()),
            });
        }
        let mut rest: Vec<(&OwnedKey, (usize, usize))> = self
            .verdicts
            .by_key
            .iter()
            .filter_map(|(k, list)| list.first().map(|&first| (k, first)))
            .filter(|(_, first)| !stated_taken.contains(first))
            .filter(|(k, _)| self.targets.get((&k.0, &k.1, k.2, k.3)).is_empty())
            .collect();
        rest.sort_by(|a, b| order(a.0).cmp(&order(b.0)));
        for (key, (d, i)) in rest {
            let v = &self.datasets[d].verdicts[i];
            let outcome = self.outcome(&key.0, &key.1, &v.period);
            rows.push(PanelRow {
                jurisdiction: key.0.clone(),
                row: ScoreRow {
                    indicator: v.indicator.clone(),
                    period: v.period,
                    target: None,
                    outcome: outcome.map(|o| o.record.clone()),
                    reference: None,
                    assessment: None,
                    stated: Some(v.clone()),
                },
                target_document: None,
                outcome_document: outcome.map(|o| o.document.id.clone()),
                stated_document: Some(self.datasets[d].document.id.clone()),
            });
        }
        rows
    }
}

/// Sort order of scorecard keys: `CN` first, then jurisdiction, indicator, year, end year.
fn order(k: &OwnedKey) -> (bool, &str, &str, i32, Option<i32>) {
    (k.0 != "CN", k.0.as_str(), k.1.as_str(), k.2, k.3)
}

/// A target or an outcome of a panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PanelRecord<'a> {
    /// A target.
    Target(&'a Target),
    /// An outcome.
    Outcome(&'a Outcome),
}

impl<'a> PanelRecord<'a> {
    /// Target or outcome.
    pub fn kind(&self) -> RecordKind {
        match self {
            PanelRecord::Target(_) => RecordKind::Target,
            PanelRecord::Outcome(_) => RecordKind::Outcome,
        }
    }

    /// The record's indicator id.
    pub fn indicator(&self) -> &'a str {
        match self {
            PanelRecord::Target(t) => &t.indicator,
            PanelRecord::Outcome(o) => &o.indicator,
        }
    }

    /// The record's period.
    pub fn period(&self) -> &'a Period {
        match self {
            PanelRecord::Target(t) => &t.period,
            PanelRecord::Outcome(o) => &o.period,
        }
    }
}
