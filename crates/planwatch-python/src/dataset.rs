//! `Dataset`: one document's targets, outcomes and stated verdicts, with column export for
//! DataFrames.

use std::sync::Arc;

use planwatch::dataset::{Dataset, StatedVerdict};
use planwatch::document::CharIndex;
use planwatch::indicator::Catalogue;
use planwatch::table;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyType};

use crate::assess::PyPolicy;
use crate::columns::columns_to_py;
use crate::convert::from_json;
use crate::document::PyDocument;
use crate::document::{PyPeriod, PyProvenance, py_str_repr};
use crate::errors;
use crate::indicator::{PyCatalogue, PyIndicator};
use crate::target::{PyOutcome, PyTarget};
use crate::validate::{PyRule, PyValidationReport};

/// One document's data: targets, outcomes and stated verdicts, plus the document text when
/// known (provenance offsets are then code points into it).
///
/// Get one from `planwatch.builtin()`, `planwatch.load(path)`, `Dataset.from_json(json, text)`
/// or `Extraction.to_dataset()`; then `assess()`, `validate()`, `to_pandas()`, `to_arrow()`.
#[pyclass(name = "Dataset", module = "planwatch._planwatch", frozen)]
pub struct PyDataset {
    pub inner: Arc<Dataset>,
}

/// The record rows of `ds`, names from `catalogue` (by default the dataset's own catalogue).
fn records(ds: &Dataset, catalogue: Option<&Catalogue>) -> Vec<table::Row> {
    match catalogue {
        Some(c) => table::rows(ds, c),
        None => table::rows(ds, &planwatch::builtin::catalogue_for(ds)),
    }
}

#[pymethods]
impl PyDataset {
    /// Reads a dataset from JSON; raises `LoadError` with line and column.
    #[classmethod]
    #[pyo3(signature = (json, /, text = None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: PyBackedStr,
        text: Option<PyBackedStr>,
    ) -> PyResult<Self> {
        let result = py.detach(|| Dataset::from_json(&json, None));
        let mut ds = result.map_err(|e| errors::load(py, &e))?;
        if let Some(t) = text {
            ds = ds.with_text(Arc::<str>::from(&*t));
        }
        Ok(PyDataset {
            inner: Arc::new(ds),
        })
    }

    /// The dataset as pretty JSON (decimals as strings).
    fn to_json(&self, py: Python<'_>) -> String {
        let inner = Arc::clone(&self.inner);
        py.detach(move || inner.to_json())
    }

    /// The document.
    #[getter]
    fn document(&self) -> PyDocument {
        PyDocument(self.inner.document.clone())
    }

    /// The document text, when known.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.inner.text.as_deref()
    }

    /// The targets.
    #[getter]
    fn targets(&self) -> Vec<PyTarget> {
        let index = self.inner.text.as_deref().map(CharIndex::new);
        self.inner
            .targets
            .iter()
            .map(|t| PyTarget::wrap(t.clone(), index.as_ref()))
            .collect()
    }

    /// The outcomes.
    #[getter]
    fn outcomes(&self) -> Vec<PyOutcome> {
        let index = self.inner.text.as_deref().map(CharIndex::new);
        self.inner
            .outcomes
            .iter()
            .map(|o| PyOutcome::wrap(o.clone(), index.as_ref()))
            .collect()
    }

    /// Every target and outcome as JSON lines, one flat row per record (the fields of
    /// `planwatch::table`: decimals as strings, `start`/`end` in code points).
    #[pyo3(signature = (catalogue = None))]
    fn to_jsonl(&self, py: Python<'_>, catalogue: Option<&Bound<'_, PyCatalogue>>) -> String {
        let inner = Arc::clone(&self.inner);
        let cat = catalogue.map(|c| Arc::clone(&c.get().inner));
        py.detach(move || table::to_jsonl(&records(&inner, cat.as_deref())))
    }

    /// Every target and outcome as RFC 4180 CSV with a header line (see `to_jsonl`).
    #[pyo3(signature = (catalogue = None))]
    fn to_csv(&self, py: Python<'_>, catalogue: Option<&Bound<'_, PyCatalogue>>) -> String {
        let inner = Arc::clone(&self.inner);
        let cat = catalogue.map(|c| Arc::clone(&c.get().inner));
        py.detach(move || table::to_csv(&records(&inner, cat.as_deref())))
    }

    /// The verdicts the document states in words.
    #[getter]
    fn verdicts(&self) -> Vec<PyStatedVerdict> {
        let index = self.inner.text.as_deref().map(CharIndex::new);
        self.inner
            .verdicts
            .iter()
            .map(|v| PyStatedVerdict::wrap(v.clone(), index.as_ref()))
            .collect()
    }

    /// The indicators this dataset defines beyond the built-in catalogue.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        self.inner
            .indicators
            .iter()
            .cloned()
            .map(PyIndicator)
            .collect()
    }

    /// The built-in catalogue extended with the dataset's own indicators.
    fn catalogue(&self) -> PyCatalogue {
        if self.inner.indicators.is_empty() {
            return PyCatalogue::builtin();
        }
        PyCatalogue::new(
            Arc::new(planwatch::builtin::catalogue_for(&self.inner)),
            false,
        )
    }

    /// The scorecard: every target assessed against its outcome, with stated verdicts (same as
    /// `planwatch.scorecard(self, catalogue, policy)`).
    #[pyo3(signature = (policy = None, catalogue = None))]
    fn assess<'py>(
        slf: &Bound<'py, Self>,
        policy: Option<&Bound<'py, PyPolicy>>,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::assess::scorecard(slf.py(), slf, catalogue, policy)
    }

    /// Validates the dataset (same as `planwatch.validate(self, catalogue, rules)`).
    #[pyo3(signature = (catalogue = None, rules = None))]
    fn validate(
        slf: &Bound<'_, Self>,
        catalogue: Option<&Bound<'_, PyCatalogue>>,
        rules: Option<Vec<PyRule>>,
    ) -> PyValidationReport {
        crate::validate::validate(slf.py(), slf, catalogue, rules)
    }

    /// The number of records (targets and outcomes).
    fn __len__(&self) -> usize {
        self.inner.targets.len() + self.inner.outcomes.len()
    }

    /// Iterates over the records: targets, then outcomes.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::empty(py);
        for t in self.targets() {
            list.append(Bound::new(py, t)?)?;
        }
        for o in self.outcomes() {
            list.append(Bound::new(py, o)?)?;
        }
        list.try_iter().map(Bound::into_any)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyDataset>()
            .is_ok_and(|o| *o.get().inner == *self.inner && o.get().inner.text == self.inner.text)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Dataset {} : {} targets, {} outcomes, {} verdicts>",
            self.inner.document.id,
            self.inner.targets.len(),
            self.inner.outcomes.len(),
            self.inner.verdicts.len()
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Option<String>))> {
        let me = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (me.to_json(py), me.inner.text.as_deref().map(str::to_string)),
        ))
    }

    /// A tidy pandas DataFrame, one row per target or outcome (pandas imported on first use).
    /// Values are floats, or `Decimal` objects when `decimal` is true.
    #[pyo3(signature = (decimal = false, catalogue = None))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal, catalogue)?;
        py.import("planwatch._frames")?
            .call_method1("to_pandas", (cols,))
    }

    /// A tidy polars DataFrame (polars imported on first use); `Decimal` columns on request.
    #[pyo3(signature = (decimal = false, catalogue = None))]
    fn to_polars<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal, catalogue)?;
        py.import("planwatch._frames")?
            .call_method1("to_polars", (cols,))
    }

    /// An HTML table for notebooks (rows capped; the number hidden is stated).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._html")?
            .call_method1("dataset_html", (slf,))
    }

    /// A `pyarrow.Table`, one row per target or outcome (pyarrow imported on first use).
    /// Values are exact Arrow decimals by default, floats when `decimal` is false.
    #[pyo3(signature = (decimal = true, catalogue = None))]
    fn to_arrow<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal, catalogue)?;
        py.import("planwatch._frames")?
            .call_method1("to_arrow", (cols,))
    }

    /// The Arrow PyCapsule stream interface (`pyarrow.table(ds)`, `polars.DataFrame(ds)`):
    /// the records of `to_arrow()`, exact decimals. (`polars.from_arrow(ds)` reads any stream
    /// as one struct Series; `polars.DataFrame(ds)` is the frame.)
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table = self.to_arrow(py, true, None)?;
        py.import("planwatch._frames")?
            .call_method1("arrow_stream", (table, requested_schema))
    }

    /// The record table column by column (see `planwatch._frames`): the core's
    /// `planwatch::table` columns, one row per target or outcome, names from `catalogue` (by
    /// default the dataset's own catalogue); decimals as float buffers, or `Decimal`s when
    /// `decimal` is true.
    #[pyo3(signature = (decimal = false, catalogue = None))]
    fn _columns<'py>(
        &self,
        py: Python<'py>,
        decimal: bool,
        catalogue: Option<&Bound<'py, PyCatalogue>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let ds = Arc::clone(&self.inner);
        let cat = catalogue.map(|c| Arc::clone(&c.get().inner));
        let cols = py.detach(move || {
            let rows = match cat {
                Some(c) => table::rows(&ds, &c),
                None => table::rows(&ds, &planwatch::builtin::catalogue_for(&ds)),
            };
            table::Columns::new(&rows)
        });
        columns_to_py(py, &cols, decimal)
    }
}

/// Loads a dataset file (and the document text its `source` names); raises `LoadError`.
#[pyfunction]
#[pyo3(signature = (path, /))]
pub fn load(py: Python<'_>, path: std::path::PathBuf) -> PyResult<PyDataset> {
    let result = py.detach(|| Dataset::from_path(&path));
    result
        .map(|ds| PyDataset {
            inner: Arc::new(ds),
        })
        .map_err(|e| errors::load(py, &e))
}

/// A verdict the document states in words, without a number to assess
/// (`能耗强度下降和碳强度下降不及预期`). Found in `Dataset.verdicts`.
#[pyclass(name = "StatedVerdict", module = "planwatch._planwatch", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyStatedVerdict {
    pub inner: StatedVerdict,
    /// Code-point span of the provenance, when the document text is known.
    pub chars: Option<(usize, usize)>,
}

impl PyStatedVerdict {
    /// Wraps a stated verdict; `chars` indexes the document text, when known.
    pub fn wrap(inner: StatedVerdict, chars: Option<&CharIndex<'_>>) -> Self {
        let chars = chars.and_then(|c| inner.provenance.as_ref().and_then(|p| c.span(p)));
        PyStatedVerdict { inner, chars }
    }
}

#[pymethods]
impl PyStatedVerdict {
    /// Reads the JSON form (`start`/`end`: code-point span of the provenance); raises
    /// `LoadError`.
    #[classmethod]
    #[pyo3(signature = (json, /, start = None, end = None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: PyBackedStr,
        start: Option<usize>,
        end: Option<usize>,
    ) -> PyResult<Self> {
        let inner: StatedVerdict = from_json!(py, json)?;
        Ok(PyStatedVerdict {
            inner,
            chars: start.zip(end),
        })
    }
    /// The JSON form (byte offsets).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }
    /// Catalogue id of the indicator.
    #[getter]
    fn indicator(&self) -> &str {
        &self.inner.indicator
    }
    /// The period whose target the verdict judges.
    #[getter]
    fn period(&self) -> PyPeriod {
        PyPeriod(self.inner.period)
    }
    /// `met`, `exceeded`, `missed` or `not_assessable`.
    #[getter]
    fn verdict(&self) -> &'static str {
        self.inner.verdict.code()
    }
    /// Where the verdict was read, or None.
    #[getter]
    fn provenance(&self) -> Option<PyProvenance> {
        self.inner.provenance.clone().map(|p| PyProvenance {
            inner: p,
            chars: self.chars,
        })
    }
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.indicator.hash(&mut h);
        self.inner.period.hash(&mut h);
        self.inner.verdict.hash(&mut h);
        h.finish()
    }
    fn __repr__(&self) -> String {
        let span = match self.chars {
            Some((s, e)) => format!(", start={s}, end={e}"),
            None => String::new(),
        };
        format!(
            "StatedVerdict.from_json({}{span})",
            py_str_repr(&self.to_json())
        )
    }
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Option<usize>, Option<usize>))> {
        let me = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (me.to_json(), me.chars.map(|c| c.0), me.chars.map(|c| c.1)),
        ))
    }
    /// `{'indicator', 'period', 'verdict', 'provenance'}` (period and provenance as dicts).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("indicator", &self.inner.indicator)?;
        d.set_item(
            "period",
            Bound::new(py, self.period())?.call_method0("to_dict")?,
        )?;
        d.set_item("verdict", self.verdict())?;
        let prov = match self.provenance() {
            Some(p) => Some(Bound::new(py, p)?.call_method0("to_dict")?),
            None => None,
        };
        d.set_item("provenance", prov)?;
        Ok(d)
    }
}

/// The built-in dataset: the 2024 NDRC plan report's targets, outcomes and stated verdicts,
/// with the report's text attached (provenance offsets are code points into it).
#[pyfunction]
pub fn builtin(py: Python<'_>) -> PyResult<PyDataset> {
    static BUILTIN: std::sync::OnceLock<Arc<Dataset>> = std::sync::OnceLock::new();
    // The embedded data not loading is an error, never an empty dataset.
    let ds = planwatch::builtin::try_dataset().map_err(|e| errors::load(py, &e))?;
    Ok(PyDataset {
        inner: Arc::clone(BUILTIN.get_or_init(|| Arc::new(ds.clone()))),
    })
}

/// The built-in report's text (35,301 characters, byte-identical to the published copy).
#[pyfunction]
pub fn builtin_text() -> &'static str {
    planwatch::builtin::TEXT
}

/// The column names of a table, in order: `"records"` (`planwatch::table::FIELDS`, what
/// `Dataset.to_jsonl()`/`to_csv()` and the record frames have), `"mentions"` (`MentionList`
/// tables and frames), `"scorecard"` (`Scorecard` frames), `"panel"` (`Panel` frames and
/// exports) or `"panel_scorecard"` (`PanelScorecard` frames).
#[pyfunction]
#[pyo3(signature = (table = "records"))]
pub fn table_fields(py: Python<'_>, table: &str) -> PyResult<Vec<&'static str>> {
    match table {
        "records" => Ok(table::FIELDS.to_vec()),
        "mentions" => Ok(table::MENTION_FIELDS.to_vec()),
        "scorecard" => Ok(table::SCORECARD_FIELDS.to_vec()),
        "panel" => Ok(table::PANEL_FIELDS.to_vec()),
        "panel_scorecard" => Ok(table::PANEL_SCORECARD_FIELDS.to_vec()),
        other => Err(errors::unknown_code(
            py,
            "table",
            other,
            &[
                "records",
                "mentions",
                "scorecard",
                "panel",
                "panel_scorecard",
            ],
        )),
    }
}

/// Reads a record table written by `Dataset.to_jsonl()` (`format="jsonl"`) or
/// `Dataset.to_csv()` (`format="csv"`) as a list of dicts, one per row (absent values None,
/// decimals as strings); raises `LoadError` with line and column.
#[pyfunction]
#[pyo3(signature = (text, /, format = "jsonl"))]
pub fn read_table<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    format: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let rows = match format {
        "jsonl" => py.detach(|| table::from_jsonl(&text)),
        "csv" => py.detach(|| table::from_csv(&text)),
        other => {
            return Err(errors::unknown_code(
                py,
                "table format",
                other,
                &["jsonl", "csv"],
            ));
        }
    }
    .map_err(|e| errors::load(py, &e))?;
    let json = serde_json::to_string(&rows).unwrap_or_default();
    py.import("json")?.call_method1("loads", (json,))
}
