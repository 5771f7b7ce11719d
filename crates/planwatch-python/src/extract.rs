//! `Mention`, `Extraction`, `extract` and `extract_document`.

use std::sync::{Arc, OnceLock};

use planwatch::builtin::extract as core_extract;
use planwatch::document::{CharIndex, Document};
use planwatch::extract::{Extraction, Extractor, Mention};
use planwatch::indicator::Catalogue;
use planwatch::quantity::Quantity;
use planwatch::table::{self, MentionRow};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyType};

use crate::columns::{columns_to_py, row_to_py};
use crate::convert::{clamped_offset, from_json};
use crate::dataset::PyDataset;
use crate::document::{PyDocument, py_str_repr};
use crate::errors;
use crate::indicator::PyCatalogue;
use crate::quantity::PyQuantity;
use crate::target::{PyFigure, PyOutcome, PyTarget};

/// One figure in running text with its meaning. `start`/`end` are code-point offsets, so
/// `text[m.start:m.end] == m.text`. `planwatch.extract(text)` returns a `MentionList` of them.
#[pyclass(name = "Mention", module = "planwatch._planwatch", frozen, eq)]
#[derive(Clone)]
pub struct PyMention {
    pub inner: Mention,
    pub start: usize,
    pub end: usize,
    pub subject_chars: Option<(usize, usize)>,
    /// The catalogue the mention was read with (names in tables); `None`: the built-in one.
    pub catalogue: Option<Arc<Catalogue>>,
}

impl PartialEq for PyMention {
    /// The same mention at the same place (whatever catalogue named it).
    fn eq(&self, other: &Self) -> bool {
        (&self.inner, self.start, self.end, self.subject_chars)
            == (&other.inner, other.start, other.end, other.subject_chars)
    }
}

impl PyMention {
    /// The quantity that fixes the mention's unit and magnitude: the value, else a bound.
    fn anchor(&self) -> Option<&Quantity> {
        let f = &self.inner.figure;
        f.value.as_ref().or(f.lower.as_ref()).or(f.upper.as_ref())
    }

    /// The mention's row of the core's mention table.
    fn row(&self) -> MentionRow {
        let cat = self
            .catalogue
            .as_deref()
            .unwrap_or_else(|| planwatch::builtin::catalogue());
        MentionRow::new(&self.inner, (self.start, self.end), self.subject_chars, cat)
    }
}

/// The rows of the core's mention table for a sequence of `Mention`s.
fn mention_table_rows(mentions: &Bound<'_, PyAny>) -> PyResult<Vec<MentionRow>> {
    let mut rows = Vec::new();
    for item in mentions.try_iter()? {
        let item = item?;
        let m = item.cast::<PyMention>().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "mentions: expected Mention items, not {}",
                item.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        rows.push(m.get().row());
    }
    Ok(rows)
}

/// Wraps core mentions of `text`, converting byte spans to code points through one index.
fn wrap_mentions(
    text: &str,
    mentions: Vec<Mention>,
    catalogue: Option<Arc<Catalogue>>,
) -> Vec<PyMention> {
    let index = CharIndex::new(text);
    let at = |b: usize| clamped_offset(text, &index, b);
    mentions
        .into_iter()
        .map(|m| {
            let start = at(m.span.start);
            let end = at(m.span.end);
            let subject_chars = m.subject_span.as_ref().map(|s| (at(s.start), at(s.end)));
            PyMention {
                inner: m,
                start,
                end,
                subject_chars,
                catalogue: catalogue.clone(),
            }
        })
        .collect()
}

/// A `MentionList` (a list with `to_pandas()`/`to_polars()`) of the mentions.
fn mention_list<'py>(py: Python<'py>, mentions: Vec<PyMention>) -> PyResult<Bound<'py, PyAny>> {
    let list = PyList::new(py, mentions)?;
    py.import("planwatch._collections")?
        .getattr("MentionList")?
        .call1((list,))
}

fn quantity_py<'py>(
    py: Python<'py>,
    q: Option<&Quantity>,
) -> PyResult<Option<Bound<'py, PyQuantity>>> {
    q.map(|q| Bound::new(py, PyQuantity(q.clone()))).transpose()
}

#[pymethods]
impl PyMention {
    /// Reads the JSON form (byte spans) with the code-point spans of the figure and subject.
    #[classmethod]
    #[pyo3(signature = (json, /, start, end, subject_start = None, subject_end = None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: PyBackedStr,
        start: usize,
        end: usize,
        subject_start: Option<usize>,
        subject_end: Option<usize>,
    ) -> PyResult<Self> {
        let inner = from_json!(py, json)?;
        Ok(PyMention {
            inner,
            start,
            end,
            subject_chars: subject_start.zip(subject_end),
            catalogue: None,
        })
    }

    /// The JSON form (byte spans, decimals as strings).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    /// The figure as written (qualifiers included, verb of change excluded).
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// Code-point offset of the figure.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }
    /// Code-point offset one past the figure.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }
    /// UTF-8 byte offset of the figure.
    #[getter]
    fn byte_start(&self) -> usize {
        self.inner.span.start
    }
    /// UTF-8 byte offset one past the figure.
    #[getter]
    fn byte_end(&self) -> usize {
        self.inner.span.end
    }
    /// The whole figure: comparator, quantities, direction, reference.
    #[getter]
    fn figure(&self) -> PyFigure {
        PyFigure(self.inner.figure.clone())
    }
    /// `exact`, `around`, `at_least`, `at_most`, `more_than`, `less_than`, `range` …
    #[getter]
    fn comparator(&self) -> &'static str {
        self.inner.figure.comparator.code()
    }
    /// The quantity (None for ranges).
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.inner.figure.value.as_ref())
    }
    /// The lower bound of a range.
    #[getter]
    fn lower<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.inner.figure.lower.as_ref())
    }
    /// The upper bound of a range.
    #[getter]
    fn upper<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.inner.figure.upper.as_ref())
    }
    /// The magnitude exponent of the value (or of the range's first bound).
    #[getter]
    fn exponent(&self) -> Option<i32> {
        self.anchor().map(Quantity::exponent)
    }
    /// The unit code of the value (or of the range's first bound).
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.anchor().map(|q| q.unit().code())
    }
    /// The unit as written.
    #[getter]
    fn unit_text(&self) -> Option<&str> {
        self.anchor().map(Quantity::unit_text)
    }
    /// `increase`, `decrease`, `stable`, `improve`, or None.
    #[getter]
    fn direction(&self) -> Option<&'static str> {
        self.inner.figure.direction.map(|d| d.code())
    }
    /// The subject phrase the figure measures.
    #[getter]
    fn subject(&self) -> Option<&str> {
        self.inner.subject.as_deref()
    }
    /// Code-point offset of the subject phrase.
    #[getter]
    fn subject_start(&self) -> Option<usize> {
        self.subject_chars.map(|s| s.0)
    }
    /// Code-point offset one past the subject phrase.
    #[getter]
    fn subject_end(&self) -> Option<usize> {
        self.subject_chars.map(|s| s.1)
    }
    /// Catalogue id of the indicator, when the catalogue knows the subject.
    #[getter]
    fn indicator(&self) -> Option<&str> {
        self.inner.indicator.as_deref()
    }
    /// The year the figure speaks of (first year of a plan period).
    #[getter]
    fn year(&self) -> Option<i32> {
        self.inner.year
    }
    /// The last year of a plan period.
    #[getter]
    fn end_year(&self) -> Option<i32> {
        self.inner.end_year
    }
    /// `year_end`, `average`, `cumulative` where the text gives one, else None.
    #[getter]
    fn basis(&self) -> Option<&'static str> {
        self.inner.basis.map(|b| b.code())
    }
    /// `target`, `outcome` or `other`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.code()
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.span.hash(&mut h);
        self.inner.text.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        let subject = match self.subject_chars {
            Some((s, e)) => format!(", subject_start={s}, subject_end={e}"),
            None => String::new(),
        };
        format!(
            "Mention.from_json({}, start={}, end={}{subject})",
            py_str_repr(&self.to_json()),
            self.start,
            self.end
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (String, usize, usize, Option<usize>, Option<usize>),
    )> {
        let me = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (
                me.to_json(),
                me.start,
                me.end,
                me.subject_start(),
                me.subject_end(),
            ),
        ))
    }

    /// The mention's row of the mention table as a dict (the fields of
    /// `planwatch.table_fields("mentions")`; decimals as `Decimal`, names from the catalogue
    /// the mention was read with).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_to_py(py, &self.row())
    }
}

/// The mention table column by column (see `planwatch._frames`): the core's
/// `planwatch::table` columns, one row per mention.
#[pyfunction]
#[pyo3(signature = (mentions, decimal = false))]
pub fn _mention_columns<'py>(
    py: Python<'py>,
    mentions: &Bound<'py, PyAny>,
    decimal: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let rows = mention_table_rows(mentions)?;
    let cols = py.detach(|| table::Columns::new(&rows));
    columns_to_py(py, &cols, decimal)
}

/// The mention table as JSON lines (`format="jsonl"`) or CSV (`format="csv"`): the bytes of
/// `planwatch::table::to_jsonl`/`to_csv`.
#[pyfunction]
#[pyo3(signature = (mentions, format = "jsonl"))]
pub fn _mention_table(
    py: Python<'_>,
    mentions: &Bound<'_, PyAny>,
    format: &str,
) -> PyResult<String> {
    let rows = mention_table_rows(mentions)?;
    match format {
        "jsonl" => Ok(py.detach(|| table::to_jsonl(&rows))),
        "csv" => Ok(py.detach(|| table::to_csv(&rows))),
        other => Err(errors::unknown_code(
            py,
            "table format",
            other,
            &["jsonl", "csv"],
        )),
    }
}

/// Every figure of `text` as a `MentionList` of `Mention`, in text order, with indicators from
/// `catalogue` (the built-in one by default). Releases the GIL while extracting.
///
/// `plan_year` and `outcome_year` resolve `今年` and `去年`/`过去一年` where the text does not
/// name its years (by default they are read from a title line, else left unresolved).
#[pyfunction]
#[pyo3(signature = (text, /, catalogue = None, *, plan_year = None, outcome_year = None))]
pub fn extract<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    catalogue: Option<&Bound<'py, PyCatalogue>>,
    plan_year: Option<i32>,
    outcome_year: Option<i32>,
) -> PyResult<Bound<'py, PyAny>> {
    let extractor = catalogue.and_then(|c| c.get().extractor());
    let cat = catalogue.map(|c| Arc::clone(&c.get().inner));
    let mentions = py.detach(|| {
        let found = if plan_year.is_none() && outcome_year.is_none() {
            match extractor {
                Some(ex) => ex.mentions(&text),
                None => core_extract(&text),
            }
        } else {
            with_years(extractor, None, plan_year, outcome_year).mentions(&text)
        };
        wrap_mentions(&text, found, cat)
    });
    mention_list(py, mentions)
}

/// A copy of the extractor (the built-in one by default) set to a document's years.
fn with_years(
    extractor: Option<&Extractor>,
    document: Option<&Document>,
    plan_year: Option<i32>,
    outcome_year: Option<i32>,
) -> Extractor {
    let mut ex = extractor.unwrap_or_else(|| builtin_extractor()).clone();
    if let Some(doc) = document {
        ex = ex.for_document(doc);
    }
    if let Some(y) = plan_year {
        ex = ex.with_plan_year(y);
    }
    if let Some(y) = outcome_year {
        ex = ex.with_outcome_year(y);
    }
    ex
}

/// The extractor of the built-in catalogue, compiled once.
fn builtin_extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(planwatch::builtin::catalogue()))
}

/// A document's targets (headline first) and outcomes read from its text. Made by
/// `planwatch.extract_document(text, doc_id=…)`; `to_dataset()` makes a `Dataset` to assess and
/// validate.
#[pyclass(name = "Extraction", module = "planwatch._planwatch", frozen)]
pub struct PyExtraction {
    pub inner: Arc<Extraction>,
    pub text: Arc<str>,
    /// The document given to `extract_document`, if any.
    pub document: Option<Document>,
    /// The catalogue extracted with; `None`: the built-in one.
    pub catalogue: Option<Arc<Catalogue>>,
}

#[pymethods]
impl PyExtraction {
    /// Reads the JSON form together with the text it was extracted from.
    #[classmethod]
    #[pyo3(signature = (json, /, text))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: PyBackedStr,
        text: PyBackedStr,
    ) -> PyResult<Self> {
        let inner: Extraction = from_json!(py, json)?;
        Ok(PyExtraction {
            inner: Arc::new(inner),
            text: Arc::from(&*text),
            document: None,
            catalogue: None,
        })
    }

    /// The JSON form (byte spans, decimals as strings).
    fn to_json(&self, py: Python<'_>) -> String {
        let inner = Arc::clone(&self.inner);
        py.detach(move || serde_json::to_string(&*inner).unwrap_or_default())
    }

    /// The document id used in every provenance.
    #[getter]
    fn document(&self) -> &str {
        &self.inner.document
    }
    /// The text extracted from.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// Every target with a known indicator and year: headline targets first, then the others.
    #[getter]
    fn targets(&self) -> Vec<PyTarget> {
        let index = CharIndex::new(&self.text);
        self.inner
            .targets
            .iter()
            .map(|t| PyTarget::wrap(t.clone(), Some(&index)))
            .collect()
    }
    /// The headline targets (主要预期目标).
    #[getter]
    fn headline(&self) -> Vec<PyTarget> {
        let index = CharIndex::new(&self.text);
        self.inner
            .headline()
            .map(|t| PyTarget::wrap(t.clone(), Some(&index)))
            .collect()
    }
    /// How many of `targets` form the headline list.
    #[getter]
    fn headline_len(&self) -> usize {
        self.inner.headline_len
    }
    /// Every outcome with a known indicator and year.
    #[getter]
    fn outcomes(&self) -> Vec<PyOutcome> {
        let index = CharIndex::new(&self.text);
        self.inner
            .outcomes
            .iter()
            .map(|o| PyOutcome::wrap(o.clone(), Some(&index)))
            .collect()
    }
    /// Every mention of the text.
    #[getter]
    fn mentions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        mention_list(
            py,
            wrap_mentions(
                &self.text,
                self.inner.mentions.clone(),
                self.catalogue.clone(),
            ),
        )
    }
    /// Target and outcome mentions that could not become records (no indicator or no year).
    #[getter]
    fn unresolved<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        mention_list(
            py,
            wrap_mentions(
                &self.text,
                self.inner.unresolved.clone(),
                self.catalogue.clone(),
            ),
        )
    }

    /// The targets and outcomes as a `Dataset` of `document` (by default the document given to
    /// `extract_document`, else one of kind `other` with the extraction's id), with the text
    /// attached: ready for `validate`, `assess` and the record table.
    #[pyo3(signature = (document = None))]
    fn to_dataset(&self, document: Option<&Bound<'_, PyDocument>>) -> PyDataset {
        let document = match (document, &self.document) {
            (Some(d), _) => d.get().0.clone(),
            (None, Some(d)) => d.clone(),
            (None, None) => Document::untitled(self.inner.document.clone()),
        };
        let catalogue = self
            .catalogue
            .as_deref()
            .unwrap_or_else(|| planwatch::builtin::catalogue());
        let ds = Extraction::clone(&self.inner).into_dataset(
            document,
            catalogue,
            Some(Arc::clone(&self.text)),
        );
        PyDataset {
            inner: Arc::new(ds),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyExtraction>()
            .is_ok_and(|o| o.get().inner == self.inner && o.get().text == self.text)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Extraction {}: {} targets ({} headline), {} outcomes, {} mentions>",
            py_str_repr(&self.inner.document),
            self.inner.targets.len(),
            self.inner.headline_len,
            self.inner.outcomes.len(),
            self.inner.mentions.len()
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, String))> {
        let me = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (me.to_json(py), me.text.to_string()),
        ))
    }

    /// `{'document', 'headline_len', 'targets', 'outcomes'}` with records as JSON-ready dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let json = py.import("json")?;
        let d = PyDict::new(py);
        d.set_item("document", &self.inner.document)?;
        d.set_item("headline_len", self.inner.headline_len)?;
        let targets = json.call_method1(
            "loads",
            (serde_json::to_string(&self.inner.targets).unwrap_or_default(),),
        )?;
        let outcomes = json.call_method1(
            "loads",
            (serde_json::to_string(&self.inner.outcomes).unwrap_or_default(),),
        )?;
        d.set_item("targets", targets)?;
        d.set_item("outcomes", outcomes)?;
        Ok(d)
    }
}

/// The targets and outcomes of a document's text; `doc_id` labels every provenance. Uses the
/// built-in catalogue unless `catalogue` is given. `document` (a `Document`) gives the id and
/// the plan and outcome years that resolve `今年` and `去年`; `plan_year`/`outcome_year` set
/// them directly. Releases the GIL while extracting.
#[pyfunction]
#[pyo3(signature = (text, /, doc_id = None, catalogue = None, *, document = None, plan_year = None, outcome_year = None))]
pub fn extract_document(
    py: Python<'_>,
    text: PyBackedStr,
    doc_id: Option<String>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
    document: Option<&Bound<'_, PyDocument>>,
    plan_year: Option<i32>,
    outcome_year: Option<i32>,
) -> PyExtraction {
    let extractor = catalogue.and_then(|c| c.get().extractor());
    let document = document.map(|d| d.get().0.clone());
    let doc_id = doc_id
        .or_else(|| document.as_ref().map(|d| d.id.clone()))
        .unwrap_or_else(|| "document".to_string());
    let inner = py.detach(|| {
        if document.is_none() && plan_year.is_none() && outcome_year.is_none() {
            extractor
                .unwrap_or_else(|| builtin_extractor())
                .document(&text, &doc_id)
        } else {
            with_years(extractor, document.as_ref(), plan_year, outcome_year)
                .document(&text, &doc_id)
        }
    });
    PyExtraction {
        inner: Arc::new(inner),
        text: Arc::from(&*text),
        document,
        catalogue: catalogue.map(|c| Arc::clone(&c.get().inner)),
    }
}
