//! `Jurisdiction`, `Panel`, `PanelRow`, `jurisdictions()` and `panel()`: wrappers of the core's
//! jurisdictions and panels.

use std::sync::Arc;

use planwatch::assess::Policy;
use planwatch::dataset::Dataset;
use planwatch::document::{CharIndex, Period};
use planwatch::indicator::Catalogue;
use planwatch::jurisdiction::{Jurisdiction, Level};
use planwatch::panel::{Panel, PanelRow, Sourced};
use planwatch::table;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyType};

use crate::assess::{PyPolicy, PyScoreRow};
use crate::columns::{columns_to_py, row_to_py, table_rows_of};
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

    /// The provincial-level division a report is of, read from its opening lines (title,
    /// byline); `None` for a national report or a text that names none.
    #[staticmethod]
    fn of_report(text: &str) -> Option<Self> {
        planwatch::extract::jurisdiction_of(text).map(PyJurisdiction)
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
    /// `national` or `provincial`: the `level` of the panel frames.
    #[getter]
    fn tier(&self) -> &'static str {
        self.0.level.tier()
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
    catalogue: Arc<Catalogue>,
}

impl PyPanelRow {
    /// The row of the core's panel scorecard table.
    fn table_row(&self) -> table::PanelScorecardRow {
        table::PanelScorecardRow::new(&self.inner, &self.catalogue)
    }
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

    /// One flat dict: the columns of `table_fields("panel_scorecard")` (decimals as `Decimal`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_to_py(py, &self.table_row())
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

/// The panel record table under a catalogue and a policy.
fn panel_rows(panel: &Panel, catalogue: &Catalogue, policy: &Policy) -> Vec<table::PanelRecordRow> {
    table::panel_rows(panel, catalogue, policy)
}

impl PyPanel {
    /// The panel, the catalogue (the given one or the built-in one, extended with every
    /// dataset's own indicators) and the policy (default `Policy()`) of a table.
    fn args(
        &self,
        catalogue: Option<&Bound<'_, PyCatalogue>>,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> (Arc<Panel>, Arc<Catalogue>, Policy) {
        let base = catalogue_arg(catalogue);
        let cat = Arc::new(self.inner.catalogue_over(&base));
        let policy = policy.map(|p| p.get().0.clone()).unwrap_or_default();
        (Arc::clone(&self.inner), cat, policy)
    }

    /// A frame of the panel record table, built by `planwatch._frames.<builder>`.
    fn frame<'py>(
        &self,
        py: Python<'py>,
        builder: &str,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal, catalogue, policy)?;
        py.import("planwatch._frames")?
            .call_method1(builder, (cols,))
    }
}

/// The panel scorecard table of `PanelRow`s column by column (see `planwatch._frames`).
#[pyfunction]
pub fn _panel_scorecard_columns<'py>(
    py: Python<'py>,
    rows: &Bound<'py, PyAny>,
    decimal: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let table_rows = table_rows_of(rows, "PanelRow", PyPanelRow::table_row)?;
    let cols = py.detach(|| table::Columns::new(&table_rows));
    columns_to_py(py, &cols, decimal)
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
    fn scorecard<'py>(
        &self,
        py: Python<'py>,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let base = catalogue_arg(catalogue);
        let policy = policy.map(|p| p.get().0.clone()).unwrap_or_default();
        let panel = Arc::clone(&self.inner);
        let (rows, cat) = py.detach(move || {
            let cat = Arc::new(panel.catalogue_over(&base));
            (panel.scorecard(&cat, &policy), cat)
        });
        let list = PyList::empty(py);
        for inner in rows {
            let row = Py::new(
                py,
                PyScoreRow::new(inner.row.clone(), None, None, Some(Arc::clone(&cat))),
            )?;
            list.append(PyPanelRow {
                inner,
                row,
                catalogue: Arc::clone(&cat),
            })?;
        }
        py.import("planwatch._collections")?
            .getattr("PanelScorecard")?
            .call1((list,))
    }

    /// The panel of the documents of a level (`national`, `provincial`, or a level code:
    /// `province`, `municipality`, `autonomous_region`) and of the jurisdictions given (codes or
    /// names, one or a list); `InvalidInputError` for an unknown level or jurisdiction.
    #[pyo3(signature = (level = None, jurisdiction = None))]
    fn filter(
        &self,
        py: Python<'_>,
        level: Option<&str>,
        jurisdiction: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        const LEVELS: &[&str] = &[
            "national",
            "provincial",
            "province",
            "municipality",
            "autonomous_region",
        ];
        if let Some(l) = level
            && !LEVELS.contains(&l)
        {
            return Err(errors::unknown_code(py, "level", l, LEVELS));
        }
        let codes: Option<Vec<&'static str>> = match jurisdiction {
            None => None,
            Some(j) => {
                let names: Vec<String> = match j.extract::<String>() {
                    Ok(one) => vec![one],
                    Err(_) => j.extract()?,
                };
                let mut codes = Vec::new();
                for n in &names {
                    let found = Jurisdiction::from_code(n).or_else(|| Jurisdiction::from_name(n));
                    match found {
                        Some(j) => codes.push(j.code),
                        None => {
                            let known: Vec<&str> =
                                Jurisdiction::all().iter().map(|j| j.code).collect();
                            return Err(errors::unknown_code(py, "jurisdiction", n, &known));
                        }
                    }
                }
                Some(codes)
            }
        };
        let keep = |d: &Dataset| {
            let j = Jurisdiction::from_code(&d.document.jurisdiction);
            let level_ok = match level {
                None => true,
                Some(l) => {
                    j.is_some_and(|j| j.level.tier() == l || Level::from_code(l) == Some(j.level))
                }
            };
            let code_ok = codes
                .as_ref()
                .is_none_or(|c| c.contains(&d.document.jurisdiction.as_str()));
            level_ok && code_ok
        };
        Ok(PyPanel {
            inner: Arc::new(self.inner.filter(keep)),
        })
    }

    /// Every record of every document as JSON lines: the core's panel record table
    /// (`table_fields("panel")`: jurisdiction, the record fields with `document`, points,
    /// precedence rank and the panel scorecard's verdict). What `python -m planwatch export
    /// --panel` writes.
    #[pyo3(signature = (catalogue = None, policy = None))]
    fn to_jsonl(
        &self,
        py: Python<'_>,
        catalogue: Option<&Bound<'_, PyCatalogue>>,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> String {
        let (panel, cat, policy) = self.args(catalogue, policy);
        py.detach(move || table::to_jsonl(&panel_rows(&panel, &cat, &policy)))
    }

    /// The panel record table as RFC 4180 CSV with a header line (see `to_jsonl`).
    #[pyo3(signature = (catalogue = None, policy = None))]
    fn to_csv(
        &self,
        py: Python<'_>,
        catalogue: Option<&Bound<'_, PyCatalogue>>,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> String {
        let (panel, cat, policy) = self.args(catalogue, policy);
        py.detach(move || table::to_csv(&panel_rows(&panel, &cat, &policy)))
    }

    /// One flat dict per record (the columns of `table_fields("panel")`); decimals as `Decimal`.
    #[pyo3(signature = (catalogue = None, policy = None))]
    fn to_dicts<'py>(
        &self,
        py: Python<'py>,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let (panel, cat, policy) = self.args(catalogue, policy);
        let rows = py.detach(move || panel_rows(&panel, &cat, &policy));
        let list = PyList::empty(py);
        for r in &rows {
            list.append(row_to_py(py, r)?)?;
        }
        Ok(list)
    }

    /// A long pandas DataFrame, one row per record (columns `table_fields("panel")`); decimals
    /// as floats, or `Decimal` when `decimal`.
    #[pyo3(signature = (decimal = false, catalogue = None, policy = None))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, "to_pandas", decimal, catalogue, policy)
    }

    /// The long frame as polars (see `to_pandas`).
    #[pyo3(signature = (decimal = false, catalogue = None, policy = None))]
    fn to_polars<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, "to_polars", decimal, catalogue, policy)
    }

    /// The long table as a `pyarrow.Table`; exact Arrow decimals, floats when not `decimal`.
    #[pyo3(signature = (decimal = true, catalogue = None, policy = None))]
    fn to_arrow<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, "to_arrow", decimal, catalogue, policy)
    }

    /// The Arrow PyCapsule stream interface: the rows of `to_arrow()`, exact decimals.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table = self.to_arrow(py, true, None, None)?;
        py.import("planwatch._frames")?
            .call_method1("arrow_stream", (table, requested_schema))
    }

    /// A wide pandas frame for regressions: one row per jurisdiction and year, one column per
    /// indicator (`kind="target"` or `"outcome"`) or two (`kind="both"`: `<indicator>_target`,
    /// `<indicator>_outcome`), holding the `point` of the record a scorecard uses (rank 0) for
    /// single years. See `planwatch._panel.to_wide`.
    #[pyo3(signature = (kind = "both", indicators = None, decimal = false, catalogue = None, policy = None))]
    fn to_wide<'py>(
        slf: &Bound<'py, Self>,
        kind: &str,
        indicators: Option<Vec<String>>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let long = slf.get().to_pandas(py, decimal, catalogue, policy)?;
        py.import("planwatch._panel")?
            .call_method1("to_wide", (long, kind, indicators))
    }

    /// The panel record table column by column (see `planwatch._frames`).
    #[pyo3(signature = (decimal = false, catalogue = None, policy = None))]
    fn _columns<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
        policy: Option<&Bound<'py, PyPolicy>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let (panel, cat, policy) = self.args(catalogue, policy);
        let cols = py.detach(move || table::Columns::new(&panel_rows(&panel, &cat, &policy)));
        columns_to_py(py, &cols, decimal)
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
