//! `Jurisdiction`, `Panel`, `PanelRow`, `jurisdictions()` and `panel()`: wrappers of the core's
//! jurisdictions and panels.

use std::sync::Arc;

use planwatch::dataset::Dataset;
use planwatch::document::{CharIndex, Period};
use planwatch::jurisdiction::Jurisdiction;
use planwatch::panel::{Panel, PanelRow, Sourced};
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::assess::{PyPolicy, PyScoreRow};
use crate::dataset::PyDataset;
use crate::document::PyPeriod;
use crate::errors;
use crate::indicator::{PyCatalogue, catalogue_arg};
use crate::target::{PyOutcome, PyTarget};

/// A jurisdiction: the nation (`CN`) or one of the 31 provincial-level divisions, by GB/T 2260
/// code, with its names and level.
#[pyclass(
    name = "Jurisdiction",
    module = "planwatch._planwatch",
    frozen,
    eq,
    hash
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyJurisdiction(pub &'static Jurisdiction);

#[pymethods]
impl PyJurisdiction {
    /// The jurisdiction with this code (`CN`, `440000`) or name (`广东省`, `广东`, `Guangdong`);
    /// `ValueError` if there is none.
    #[new]
    #[pyo3(signature = (code_or_name, /))]
    fn new(code_or_name: &str) -> PyResult<Self> {
        Jurisdiction::from_code(code_or_name)
            .or_else(|| Jurisdiction::from_name(code_or_name))
            .map(PyJurisdiction)
            .ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "no jurisdiction with the code or name {code_or_name:?}"
                ))
            })
    }

    /// The provincial-level division a title, byline or opening line names, if any.
    #[staticmethod]
    fn named_in(text: &str) -> Option<Self> {
        Jurisdiction::named_in(text).map(PyJurisdiction)
    }

    /// `CN` or the six-digit GB/T 2260 code.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code
    }
    /// The full Chinese name (`广东省`).
    #[getter]
    fn name_zh(&self) -> &'static str {
        self.0.name_zh
    }
    /// The name without its suffix (`广东`).
    #[getter]
    fn short_zh(&self) -> &'static str {
        self.0.short_zh
    }
    /// The one-character abbreviation (`粤`); empty for the nation.
    #[getter]
    fn abbreviation(&self) -> &'static str {
        self.0.abbreviation
    }
    /// The English name.
    #[getter]
    fn name_en(&self) -> &'static str {
        self.0.name_en
    }
    /// `national`, `province`, `municipality` or `autonomous_region`.
    #[getter]
    fn level(&self) -> &'static str {
        self.0.level.code()
    }
    /// Whether the jurisdiction is provincial.
    #[getter]
    fn is_provincial(&self) -> bool {
        self.0.level.is_provincial()
    }
    /// How its reports speak of it (`全省`, `全市`, `全区`).
    #[getter]
    fn self_references(&self) -> Vec<&'static str> {
        self.0.level.self_references().to_vec()
    }

    fn __repr__(&self) -> String {
        format!("Jurisdiction('{}')", self.0.code)
    }
}

/// The nation and the 31 provincial-level divisions, the nation first, then by code.
#[pyfunction]
pub fn jurisdictions() -> Vec<PyJurisdiction> {
    Jurisdiction::all().iter().map(PyJurisdiction).collect()
}

/// A scorecard row of a panel: its jurisdiction, the `ScoreRow`, and the ids of the documents its
/// target, outcome and stated verdict come from.
#[pyclass(name = "PanelRow", module = "planwatch._planwatch", frozen)]
pub struct PyPanelRow {
    inner: PanelRow,
    row: Py<PyScoreRow>,
}

#[pymethods]
impl PyPanelRow {
    /// `CN` or the GB/T 2260 code.
    #[getter]
    fn jurisdiction(&self) -> &str {
        &self.inner.jurisdiction
    }
    /// The target, outcome, assessment and stated verdict (offsets are not set: the records
    /// come from different documents; find them with `Panel.targets_for`).
    #[getter]
    fn row(&self, py: Python<'_>) -> Py<PyScoreRow> {
        self.row.clone_ref(py)
    }
    /// The id of the document the target comes from.
    #[getter]
    fn target_document(&self) -> Option<&str> {
        self.inner.target_document.as_deref()
    }
    /// The id of the document the outcome comes from.
    #[getter]
    fn outcome_document(&self) -> Option<&str> {
        self.inner.outcome_document.as_deref()
    }
    /// The id of the document the stated verdict comes from.
    #[getter]
    fn stated_document(&self) -> Option<&str> {
        self.inner.stated_document.as_deref()
    }

    fn __repr__(&self) -> String {
        format!(
            "<PanelRow {} {} {}: {}>",
            self.inner.jurisdiction,
            self.inner.row.indicator,
            self.inner.row.period,
            self.inner.row.label()
        )
    }
}

/// Many documents' datasets joined across documents: the target for a year from the report of
/// that year, the outcome from the next year's report, every value kept with its document and a
/// documented precedence choosing the one a scorecard uses.
#[pyclass(name = "Panel", module = "planwatch._planwatch", frozen)]
pub struct PyPanel {
    pub inner: Arc<Panel>,
}

fn doc_text<'a>(panel: &'a Panel, document: &str) -> Option<&'a str> {
    panel.dataset(document).and_then(|d| d.text.as_deref())
}

fn sourced_target(panel: &Panel, s: Sourced<'_, planwatch::target::Target>) -> (String, PyTarget) {
    let index = doc_text(panel, &s.document.id).map(CharIndex::new);
    (
        s.document.id.clone(),
        PyTarget::wrap(s.record.clone(), index.as_ref()),
    )
}

fn sourced_outcome(
    panel: &Panel,
    s: Sourced<'_, planwatch::target::Outcome>,
) -> (String, PyOutcome) {
    let index = doc_text(panel, &s.document.id).map(CharIndex::new);
    (
        s.document.id.clone(),
        PyOutcome::wrap(s.record.clone(), index.as_ref()),
    )
}

#[pymethods]
impl PyPanel {
    /// A panel of `datasets`; `ValueError` when two have the same document id.
    #[new]
    #[pyo3(signature = (datasets, /))]
    fn new(datasets: Vec<PyRef<'_, PyDataset>>) -> PyResult<Self> {
        let list: Vec<Dataset> = datasets.iter().map(|d| (*d.inner).clone()).collect();
        Panel::new(list)
            .map(|p| PyPanel { inner: Arc::new(p) })
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// Every dataset file (`*.json`) of a folder; raises `LoadError`.
    #[classmethod]
    #[pyo3(signature = (path, /))]
    fn from_dir(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        path: std::path::PathBuf,
    ) -> PyResult<Self> {
        let result = py.detach(|| Panel::from_dir(&path));
        result
            .map(|p| PyPanel { inner: Arc::new(p) })
            .map_err(|e| errors::load(py, &e))
    }

    /// The datasets, in the order given.
    #[getter]
    fn datasets(&self) -> Vec<PyDataset> {
        self.inner
            .datasets()
            .iter()
            .map(|d| PyDataset {
                inner: Arc::new(d.clone()),
            })
            .collect()
    }

    /// The dataset of the document with this id, if any.
    fn dataset(&self, document_id: &str) -> Option<PyDataset> {
        self.inner.dataset(document_id).map(|d| PyDataset {
            inner: Arc::new(d.clone()),
        })
    }

    /// The jurisdictions of the documents (`CN` first).
    fn jurisdictions(&self) -> Vec<String> {
        self.inner
            .jurisdictions()
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    /// The indicators with a target or an outcome, sorted.
    fn indicators(&self) -> Vec<String> {
        self.inner
            .indicators()
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    /// The first years of every record's period, sorted.
    fn years(&self) -> Vec<i32> {
        self.inner.years()
    }

    /// The number of targets and outcomes of all documents.
    fn __len__(&self) -> usize {
        self.inner.records().count()
    }

    /// Every `(document id, Target)` for the indicator in the jurisdiction over the years of
    /// `period`, in precedence order.
    #[pyo3(signature = (jurisdiction, indicator, period))]
    fn targets_for(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: PyRef<'_, PyPeriod>,
    ) -> Vec<(String, PyTarget)> {
        let p: Period = period.0;
        self.inner
            .targets_for(jurisdiction, indicator, &p)
            .into_iter()
            .map(|s| sourced_target(&self.inner, s))
            .collect()
    }

    /// Every `(document id, Outcome)` for the indicator in the jurisdiction over the years of
    /// `period`, in precedence order.
    #[pyo3(signature = (jurisdiction, indicator, period))]
    fn outcomes_for(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: PyRef<'_, PyPeriod>,
    ) -> Vec<(String, PyOutcome)> {
        let p: Period = period.0;
        self.inner
            .outcomes_for(jurisdiction, indicator, &p)
            .into_iter()
            .map(|s| sourced_outcome(&self.inner, s))
            .collect()
    }

    /// The `(document id, Target)` a scorecard uses, or `None`.
    #[pyo3(signature = (jurisdiction, indicator, period))]
    fn target(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: PyRef<'_, PyPeriod>,
    ) -> Option<(String, PyTarget)> {
        self.inner
            .target(jurisdiction, indicator, &period.0)
            .map(|s| sourced_target(&self.inner, s))
    }

    /// The `(document id, Outcome)` a scorecard uses, or `None`.
    #[pyo3(signature = (jurisdiction, indicator, period))]
    fn outcome(
        &self,
        jurisdiction: &str,
        indicator: &str,
        period: PyRef<'_, PyPeriod>,
    ) -> Option<(String, PyOutcome)> {
        self.inner
            .outcome(jurisdiction, indicator, &period.0)
            .map(|s| sourced_outcome(&self.inner, s))
    }

    /// A row for every jurisdiction, indicator and period with a target, across documents, then
    /// one for every stated verdict no target took. The catalogue defaults to the built-in one
    /// extended with every dataset's own indicators.
    #[pyo3(signature = (catalogue = None, policy = None))]
    fn scorecard(
        &self,
        py: Python<'_>,
        catalogue: Option<&Bound<'_, PyCatalogue>>,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> PyResult<Vec<PyPanelRow>> {
        let base = catalogue_arg(catalogue);
        let policy = policy.map(|p| p.get().0.clone()).unwrap_or_default();
        let panel = Arc::clone(&self.inner);
        let (rows, cat) = py.detach(move || {
            let cat = Arc::new(panel.catalogue_over(&base));
            (panel.scorecard(&cat, &policy), cat)
        });
        rows.into_iter()
            .map(|inner| {
                let row = Py::new(
                    py,
                    PyScoreRow::new(inner.row.clone(), None, None, Some(Arc::clone(&cat))),
                )?;
                Ok(PyPanelRow { inner, row })
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Panel: {} documents, {} jurisdictions, {} records>",
            self.inner.datasets().len(),
            self.inner.jurisdictions().len(),
            self.inner.records().count()
        )
    }
}

/// The built-in panel: the 2024 NDRC report and every built-in corpus dataset; raises
/// `LoadError` if an embedded dataset does not load.
#[pyfunction]
pub fn panel(py: Python<'_>) -> PyResult<PyPanel> {
    let p = planwatch::builtin::try_panel().map_err(|e| errors::load(py, &e))?;
    Ok(PyPanel {
        inner: Arc::new(p.clone()),
    })
}
