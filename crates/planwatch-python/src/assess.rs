//! `Policy`, `Assessment`, `assess`, `ScoreRow` and `scorecard`.

use std::sync::Arc;

use planwatch::assess::{Assessment, Policy, assess as core_assess, assess_relative};
use planwatch::document::CharIndex;
use planwatch::indicator::Catalogue;
use planwatch::scorecard::{ScoreRow, scorecard as core_scorecard};
use planwatch::table::ScorecardRow;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyType};

use crate::columns::{columns_to_py, row_to_py};
use crate::convert::{decimal_arg, decimal_to_py, from_json};
use crate::dataset::{PyDataset, PyStatedVerdict};
use crate::document::{PyPeriod, py_str_repr};
use crate::errors;
use crate::indicator::{PyCatalogue, PyIndicator, catalogue_arg};
use crate::quantity::PyQuantity;
use crate::target::{PyOutcome, PyTarget};

/// How qualifiers are read when assessing: the half-width of 左右 and the closeness of 同步,
/// in percentage points (for % and pp targets) and as a fraction of the value (other units).
#[pyclass(name = "Policy", module = "planwatch._planwatch", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct PyPolicy(pub Policy);

#[pymethods]
impl PyPolicy {
    #[new]
    #[pyo3(signature = (*, around_tolerance_pp = None, around_tolerance_rel = None, in_step_tolerance_pp = None, in_step_tolerance_rel = None))]
    fn new(
        py: Python<'_>,
        around_tolerance_pp: Option<&Bound<'_, PyAny>>,
        around_tolerance_rel: Option<&Bound<'_, PyAny>>,
        in_step_tolerance_pp: Option<&Bound<'_, PyAny>>,
        in_step_tolerance_rel: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let d = Policy::default();
        let arg = |v: Option<&Bound<'_, PyAny>>, default: rust_decimal::Decimal, name: &str| {
            v.map_or(Ok(default), |v| decimal_arg(v, name))
        };
        Policy::new(
            arg(
                around_tolerance_pp,
                d.around_tolerance_pp,
                "around_tolerance_pp",
            )?,
            arg(
                around_tolerance_rel,
                d.around_tolerance_rel,
                "around_tolerance_rel",
            )?,
            arg(
                in_step_tolerance_pp,
                d.in_step_tolerance_pp,
                "in_step_tolerance_pp",
            )?,
            arg(
                in_step_tolerance_rel,
                d.in_step_tolerance_rel,
                "in_step_tolerance_rel",
            )?,
        )
        .map(PyPolicy)
        .map_err(|e| errors::invalid(py, &e.to_string()))
    }

    /// Half-width of 左右 in percentage points, for targets in % or pp (default 0.5).
    #[getter]
    fn around_tolerance_pp<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, &self.0.around_tolerance_pp)
    }
    /// Half-width of 左右 as a fraction of the value, for other units (default 0.02).
    #[getter]
    fn around_tolerance_rel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, &self.0.around_tolerance_rel)
    }
    /// How far from the reference an in-step (同步) outcome may be, in pp (default 0.5).
    #[getter]
    fn in_step_tolerance_pp<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, &self.0.in_step_tolerance_pp)
    }
    /// The same as a fraction of the reference, for other units (default 0.02).
    #[getter]
    fn in_step_tolerance_rel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, &self.0.in_step_tolerance_rel)
    }

    fn __repr__(&self) -> String {
        let p = &self.0;
        format!(
            "Policy(around_tolerance_pp=Decimal('{}'), around_tolerance_rel=Decimal('{}'), in_step_tolerance_pp=Decimal('{}'), in_step_tolerance_rel=Decimal('{}'))",
            p.around_tolerance_pp,
            p.around_tolerance_rel,
            p.in_step_tolerance_pp,
            p.in_step_tolerance_rel
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json(),)))
    }

    /// Reads the JSON form (missing fields take their defaults); raises `LoadError`.
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        from_json!(py, json).map(PyPolicy)
    }

    /// The JSON form (decimals as strings).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// The four tolerances as `Decimal`s.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("around_tolerance_pp", self.around_tolerance_pp(py)?)?;
        d.set_item("around_tolerance_rel", self.around_tolerance_rel(py)?)?;
        d.set_item("in_step_tolerance_pp", self.in_step_tolerance_pp(py)?)?;
        d.set_item("in_step_tolerance_rel", self.in_step_tolerance_rel(py)?)?;
        Ok(d)
    }
}

fn quantity_py<'py>(
    py: Python<'py>,
    q: Option<&planwatch::quantity::Quantity>,
) -> PyResult<Option<Bound<'py, PyQuantity>>> {
    q.map(|q| Bound::new(py, PyQuantity(q.clone()))).transpose()
}

/// A verdict with its components: reason, band, outcome value, margin, desired direction,
/// comparator and the policy used. Made by `planwatch.assess(target, outcome)`; found on
/// `ScoreRow.assessment`.
#[pyclass(name = "Assessment", module = "planwatch._planwatch", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyAssessment(pub Assessment);

#[pymethods]
impl PyAssessment {
    /// Reads the JSON form; raises `LoadError`.
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        from_json!(py, json).map(PyAssessment)
    }

    /// The JSON form (decimals as strings).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// `met`, `exceeded`, `missed` or `not_assessable`.
    #[getter]
    fn verdict(&self) -> &'static str {
        self.0.verdict.code()
    }
    /// Why the verdict is `not_assessable` (`unit-mismatch`, `needs-reference` …), else None.
    #[getter]
    fn reason(&self) -> Option<&'static str> {
        self.0.reason.map(|r| r.code())
    }
    /// The band the outcome was held against as `(lower, upper)` (an open side is None).
    #[getter]
    #[allow(clippy::type_complexity)]
    fn band<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<
        Option<(
            Option<Bound<'py, PyQuantity>>,
            Option<Bound<'py, PyQuantity>>,
        )>,
    > {
        match &self.0.band {
            Some(b) => Ok(Some((
                quantity_py(py, b.lower.as_ref())?,
                quantity_py(py, b.upper.as_ref())?,
            ))),
            None => Ok(None),
        }
    }
    /// The outcome's value as compared (signed, in the band's unit and magnitude).
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.0.value.as_ref())
    }
    /// How far the outcome is on the good side of the target (positive = better), in the
    /// band's unit and magnitude; None when the outcome is a bound.
    #[getter]
    fn margin<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .margin
            .as_ref()
            .map(|m| decimal_to_py(py, m))
            .transpose()
    }
    /// The indicator's desired direction: `higher_better`, `lower_better`, `band`, `neutral`.
    #[getter]
    fn desired(&self) -> &'static str {
        self.0.desired.code()
    }
    /// The target's comparator.
    #[getter]
    fn comparator(&self) -> &'static str {
        self.0.comparator.code()
    }
    /// The policy used.
    #[getter]
    fn policy(&self) -> PyPolicy {
        PyPolicy(self.0.policy.clone())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.0.verdict.hash(&mut h);
        self.0.margin.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        format!("Assessment.from_json({})", py_str_repr(&self.to_json()))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json(),)))
    }

    /// The fields as a dict (band as `{'lower', 'upper'}` of quantity dicts).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let q =
            |q: Option<&planwatch::quantity::Quantity>| -> PyResult<Option<Bound<'py, PyDict>>> {
                q.map(|q| PyQuantity(q.clone()).to_dict(py)).transpose()
            };
        let d = PyDict::new(py);
        d.set_item("verdict", self.verdict())?;
        d.set_item("reason", self.reason())?;
        let band = match &self.0.band {
            Some(b) => {
                let bd = PyDict::new(py);
                bd.set_item("lower", q(b.lower.as_ref())?)?;
                bd.set_item("upper", q(b.upper.as_ref())?)?;
                Some(bd)
            }
            None => None,
        };
        d.set_item("band", band)?;
        d.set_item("value", q(self.0.value.as_ref())?)?;
        d.set_item("margin", self.margin(py)?)?;
        d.set_item("desired", self.desired())?;
        d.set_item("comparator", self.comparator())?;
        d.set_item("policy", self.policy().to_dict(py)?)?;
        Ok(d)
    }

    /// An HTML summary for notebooks.
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._html")?
            .call_method1("assessment_html", (slf,))
    }
}

/// Assesses a target against an outcome of the same indicator and period.
///
/// `indicator` is an `Indicator`, an id, or None (the target's indicator in the built-in
/// catalogue). A relational target (`与经济增长同步`) needs `reference`, the outcome of its
/// reference indicator. `policy` defaults to `Policy()`.
#[pyfunction]
#[pyo3(signature = (target, outcome, indicator = None, policy = None, reference = None))]
pub fn assess(
    py: Python<'_>,
    target: &Bound<'_, PyTarget>,
    outcome: &Bound<'_, PyOutcome>,
    indicator: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyPolicy>>,
    reference: Option<&Bound<'_, PyOutcome>>,
) -> PyResult<PyAssessment> {
    let t = &target.get().inner;
    let o = &outcome.get().inner;
    let ind = match indicator {
        Some(i) if !i.is_none() => {
            if let Ok(i) = i.cast::<PyIndicator>() {
                i.get().0.clone()
            } else {
                let id: PyBackedStr = i.extract()?;
                builtin_indicator(py, &id)?
            }
        }
        _ => builtin_indicator(py, &t.indicator)?,
    };
    let policy = policy.map(|p| p.get().0.clone()).unwrap_or_default();
    let a = match reference {
        Some(r) => assess_relative(t, o, &r.get().inner, &ind, &policy),
        None => core_assess(t, o, &ind, &policy),
    };
    Ok(PyAssessment(a))
}

fn builtin_indicator(py: Python<'_>, id: &str) -> PyResult<planwatch::indicator::Indicator> {
    planwatch::builtin::catalogue()
        .get(id)
        .cloned()
        .ok_or_else(|| {
            errors::invalid(
                py,
                &format!(
                    "indicator {id:?} is not in the built-in catalogue; pass indicator=Indicator(…)"
                ),
            )
        })
}

/// One line of a scorecard: indicator and period, target, outcome, reference outcome,
/// assessment and stated verdict. A `Scorecard` (from `Dataset.assess()` or
/// `planwatch.scorecard(ds)`) is a list of them.
#[pyclass(name = "ScoreRow", module = "planwatch._planwatch", frozen)]
#[derive(Clone)]
pub struct PyScoreRow {
    pub inner: ScoreRow,
    pub text: Option<Arc<str>>,
    /// The wrapped target, outcome, reference outcome and stated verdict, their code-point
    /// spans computed once.
    target: Option<PyTarget>,
    outcome: Option<PyOutcome>,
    reference: Option<PyOutcome>,
    stated: Option<PyStatedVerdict>,
    /// The catalogue the row was assessed with (names in tables); `None`: the built-in one.
    catalogue: Option<Arc<Catalogue>>,
}

impl PyScoreRow {
    /// Wraps a row; `index` indexes `text`, the document text, when known.
    pub fn new(
        inner: ScoreRow,
        text: Option<Arc<str>>,
        index: Option<&CharIndex<'_>>,
        catalogue: Option<Arc<Catalogue>>,
    ) -> Self {
        PyScoreRow {
            catalogue,
            target: inner.target.clone().map(|t| PyTarget::wrap(t, index)),
            outcome: inner.outcome.clone().map(|o| PyOutcome::wrap(o, index)),
            reference: inner.reference.clone().map(|o| PyOutcome::wrap(o, index)),
            stated: inner
                .stated
                .clone()
                .map(|v| PyStatedVerdict::wrap(v, index)),
            inner,
            text,
        }
    }
}

#[pymethods]
impl PyScoreRow {
    /// Reads the JSON form; `text` is the document text (for code-point spans).
    #[classmethod]
    #[pyo3(signature = (json, /, text = None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: PyBackedStr,
        text: Option<PyBackedStr>,
    ) -> PyResult<Self> {
        let inner = from_json!(py, json)?;
        let text = text.map(|t| Arc::<str>::from(&*t));
        let index = text.as_deref().map(CharIndex::new);
        Ok(PyScoreRow::new(inner, text.clone(), index.as_ref(), None))
    }

    /// The JSON form.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    /// Catalogue id of the indicator.
    #[getter]
    fn indicator(&self) -> &str {
        &self.inner.indicator
    }
    /// The period.
    #[getter]
    fn period(&self) -> PyPeriod {
        PyPeriod(self.inner.period)
    }
    /// The target, or None for a row that only carries a stated verdict.
    #[getter]
    fn target(&self) -> Option<PyTarget> {
        self.target.clone()
    }
    /// The outcome of the same indicator and period.
    #[getter]
    fn outcome(&self) -> Option<PyOutcome> {
        self.outcome.clone()
    }
    /// For a relational target, the reference indicator's outcome.
    #[getter]
    fn reference(&self) -> Option<PyOutcome> {
        self.reference.clone()
    }
    /// The assessment, when there is a target, an outcome and a known indicator.
    #[getter]
    fn assessment(&self) -> Option<PyAssessment> {
        self.inner.assessment.clone().map(PyAssessment)
    }
    /// The verdict the document states in words.
    #[getter]
    fn stated(&self) -> Option<PyStatedVerdict> {
        self.stated.clone()
    }
    /// The assessment's verdict, else the stated one, else None.
    #[getter]
    fn verdict(&self) -> Option<&'static str> {
        self.inner.verdict().map(|v| v.code())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyScoreRow>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!("ScoreRow.from_json({})", py_str_repr(&self.to_json()))
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Option<String>))> {
        let me = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (me.to_json(), me.text.as_deref().map(str::to_string)),
        ))
    }

    /// The verdict as reports print it (`exceeded (+44万人) = stated`, `met (+2.8 pp)`,
    /// `missed (stated)`, `no outcome`, `—`): what `python -m planwatch report` prints.
    #[getter]
    fn label(&self) -> String {
        self.inner.label()
    }

    /// The row of the scorecard table as a dict (the fields of
    /// `planwatch.table_fields("scorecard")`): names, category and desired direction from the
    /// catalogue the row was assessed with; numbers as `Decimal` with their exponents and units.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_to_py(py, &self.table_row())
    }
}

impl PyScoreRow {
    fn table_row(&self) -> ScorecardRow {
        let cat = self
            .catalogue
            .as_deref()
            .unwrap_or_else(|| planwatch::builtin::catalogue());
        ScorecardRow::new(&self.inner, cat)
    }
}

/// The scorecard table column by column (see `planwatch._frames`): the core's
/// `planwatch::table` columns, one row per `ScoreRow`.
#[pyfunction]
#[pyo3(signature = (rows, decimal = false))]
pub fn _scorecard_columns<'py>(
    py: Python<'py>,
    rows: &Bound<'py, PyAny>,
    decimal: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let table_rows = crate::columns::table_rows_of(rows, "ScoreRow", PyScoreRow::table_row)?;
    let cols = py.detach(|| planwatch::table::Columns::new(&table_rows));
    columns_to_py(py, &cols, decimal)
}

/// Every target of a dataset with its outcome, reference outcome, assessment and stated
/// verdict, then the stated verdicts no target took; as a `Scorecard` (a list of `ScoreRow`).
///
/// `catalogue` defaults to the built-in one extended with the dataset's own indicators;
/// `policy` to `Policy()`.
#[pyfunction]
#[pyo3(signature = (dataset, catalogue = None, policy = None))]
pub fn scorecard<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    catalogue: Option<&Bound<'py, PyCatalogue>>,
    policy: Option<&Bound<'py, PyPolicy>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ds = Arc::clone(&dataset.get().inner);
    let cat = catalogue.map(|c| catalogue_arg(Some(c)));
    let policy = policy.map(|p| p.get().0.clone()).unwrap_or_default();
    let (rows, cat) = py.detach(|| {
        let cat = cat.unwrap_or_else(|| Arc::new(planwatch::builtin::catalogue_for(&ds)));
        (core_scorecard(&ds, &cat, &policy), cat)
    });
    let text = ds.text.clone();
    let index = text.as_deref().map(CharIndex::new);
    let list = PyList::empty(py);
    for inner in rows {
        list.append(PyScoreRow::new(
            inner,
            text.clone(),
            index.as_ref(),
            Some(Arc::clone(&cat)),
        ))?;
    }
    py.import("planwatch._collections")?
        .getattr("Scorecard")?
        .call1((list,))
}
