//! `Document`, `Period` and `Provenance`.

use planwatch::document::{Basis, Document, DocumentKind, Period, Provenance};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyType};

use crate::convert::{date_arg, date_to_py};
use crate::errors;

const BASES: [&str; 4] = ["year", "year_end", "average", "cumulative"];
const KINDS: [&str; 5] = [
    "ndrc_plan_report",
    "government_work_report",
    "five_year_plan",
    "provincial_report",
    "other",
];

/// A Python string literal (`'…'`) for an eval-style repr.
pub fn py_str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// The time a figure measures: a year with a basis, or a span of years (plan periods).
#[pyclass(
    name = "Period",
    module = "planwatch._planwatch",
    frozen,
    eq,
    ord,
    hash,
    str
)]
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyPeriod(pub Period);

impl std::fmt::Display for PyPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The basis for a code, or an `InvalidInputError`.
fn basis_from_code(py: Python<'_>, code: &str) -> PyResult<Basis> {
    Basis::from_code(code).ok_or_else(|| errors::unknown_code(py, "basis", code, &BASES))
}

#[pymethods]
impl PyPeriod {
    #[new]
    #[pyo3(signature = (year, end_year = None, basis = None))]
    fn new(
        py: Python<'_>,
        year: i32,
        end_year: Option<i32>,
        basis: Option<String>,
    ) -> PyResult<Self> {
        let basis = match basis {
            Some(code) => basis_from_code(py, &code)?,
            None if end_year.is_some() => Basis::Cumulative,
            None => Basis::Year,
        };
        if end_year.is_some_and(|e| e < year) {
            return Err(errors::invalid(py, "a period cannot end before it starts"));
        }
        Ok(PyPeriod(Period {
            year,
            end_year,
            basis,
        }))
    }

    /// The (first) year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }

    /// The last year of a plan period, or None.
    #[getter]
    fn end_year(&self) -> Option<i32> {
        self.0.end_year
    }

    /// The last year the period covers.
    #[getter]
    fn last_year(&self) -> i32 {
        self.0.last_year()
    }

    /// `year`, `year_end`, `average` or `cumulative`.
    #[getter]
    fn basis(&self) -> &'static str {
        self.0.basis.code()
    }

    /// Whether the period covers `year`.
    #[pyo3(signature = (year, /))]
    fn contains_year(&self, year: i32) -> bool {
        self.0.contains_year(year)
    }

    fn __repr__(&self) -> String {
        let p = &self.0;
        match (p.end_year, p.basis) {
            (None, Basis::Year) => format!("Period({})", p.year),
            (None, b) => format!("Period({}, basis='{}')", p.year, b.code()),
            (Some(e), Basis::Cumulative) => format!("Period({}, {})", p.year, e),
            (Some(e), b) => format!("Period({}, {}, basis='{}')", p.year, e, b.code()),
        }
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (Bound<'py, PyType>, (i32, Option<i32>, &'static str)) {
        let p = slf.get().0;
        (slf.get_type(), (p.year, p.end_year, p.basis.code()))
    }

    /// `{'year': …, 'end_year': …, 'basis': …}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("year", self.0.year)?;
        d.set_item("end_year", self.0.end_year)?;
        d.set_item("basis", self.0.basis.code())?;
        Ok(d)
    }
}

/// Where a record was read: document id, span and quote.
///
/// `start`/`end` are code-point offsets into the document text (so `text[p.start:p.end] ==
/// p.quote`) when the text is known, else None; `byte_start`/`byte_end` are the core's UTF-8
/// byte offsets.
#[pyclass(name = "Provenance", module = "planwatch._planwatch", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyProvenance {
    pub inner: Provenance,
    pub chars: Option<(usize, usize)>,
}

impl PyProvenance {
    /// Wraps a provenance, computing code-point offsets when the document text is known.
    pub fn wrap(inner: Provenance, text: Option<&str>) -> Self {
        let chars = text.and_then(|t| inner.char_span(t));
        PyProvenance { inner, chars }
    }
}

#[pymethods]
impl PyProvenance {
    #[new]
    #[pyo3(signature = (document, byte_start, byte_end, quote, start = None, end = None))]
    fn new(
        py: Python<'_>,
        document: String,
        byte_start: usize,
        byte_end: usize,
        quote: String,
        start: Option<usize>,
        end: Option<usize>,
    ) -> PyResult<Self> {
        if byte_end < byte_start || byte_end - byte_start != quote.len() {
            return Err(errors::invalid(
                py,
                "byte_end - byte_start must be the UTF-8 length of the quote",
            ));
        }
        let chars = match (start, end) {
            (Some(s), Some(e)) if e >= s && e - s == quote.chars().count() => Some((s, e)),
            (None, None) => None,
            _ => {
                return Err(errors::invalid(
                    py,
                    "end - start must be the length of the quote in code points",
                ));
            }
        };
        Ok(PyProvenance {
            inner: Provenance {
                document,
                start: byte_start,
                end: byte_end,
                quote,
            },
            chars,
        })
    }

    /// Id of the document the quote is from.
    #[getter]
    fn document(&self) -> &str {
        &self.inner.document
    }

    /// Code-point offset of the quote in the document text (None when the text is unknown).
    #[getter]
    fn start(&self) -> Option<usize> {
        self.chars.map(|c| c.0)
    }

    /// Code-point offset one past the quote (None when the text is unknown).
    #[getter]
    fn end(&self) -> Option<usize> {
        self.chars.map(|c| c.1)
    }

    /// UTF-8 byte offset of the quote in the document text.
    #[getter]
    fn byte_start(&self) -> usize {
        self.inner.start
    }

    /// UTF-8 byte offset one past the quote.
    #[getter]
    fn byte_end(&self) -> usize {
        self.inner.end
    }

    /// The document text at the span.
    #[getter]
    fn quote(&self) -> &str {
        &self.inner.quote
    }

    /// Whether `text` holds the quote at the span.
    #[pyo3(signature = (text, /))]
    fn check(&self, text: PyBackedStr) -> bool {
        self.inner.check(&text)
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        let chars = match self.chars {
            Some((s, e)) => format!(", start={s}, end={e}"),
            None => String::new(),
        };
        format!(
            "Provenance({}, {}, {}, {}{chars})",
            py_str_repr(&p.document),
            p.start,
            p.end,
            py_str_repr(&p.quote)
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (
        Bound<'py, PyType>,
        (String, usize, usize, String, Option<usize>, Option<usize>),
    ) {
        let me = slf.get();
        let p = &me.inner;
        (
            slf.get_type(),
            (
                p.document.clone(),
                p.start,
                p.end,
                p.quote.clone(),
                me.start(),
                me.end(),
            ),
        )
    }

    /// `{'document', 'start', 'end', 'byte_start', 'byte_end', 'quote'}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("document", &self.inner.document)?;
        d.set_item("start", self.start())?;
        d.set_item("end", self.end())?;
        d.set_item("byte_start", self.inner.start)?;
        d.set_item("byte_end", self.inner.end)?;
        d.set_item("quote", &self.inner.quote)?;
        Ok(d)
    }
}

/// One published document.
#[pyclass(name = "Document", module = "planwatch._planwatch", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyDocument(pub Document);

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (id, title, issuer, kind, jurisdiction, delivered = None, outcome_year = None, plan_year = None, source = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        id: String,
        title: String,
        issuer: String,
        kind: String,
        jurisdiction: String,
        delivered: Option<&Bound<'_, PyAny>>,
        outcome_year: Option<i32>,
        plan_year: Option<i32>,
        source: Option<String>,
    ) -> PyResult<Self> {
        let kind = DocumentKind::from_code(&kind)
            .ok_or_else(|| errors::unknown_code(py, "document kind", &kind, &KINDS))?;
        let delivered = delivered
            .filter(|d| !d.is_none())
            .map(|d| date_arg(d, "delivered"))
            .transpose()?;
        Ok(PyDocument(Document {
            id,
            title,
            issuer,
            kind,
            jurisdiction,
            delivered,
            outcome_year,
            plan_year,
            source,
        }))
    }

    /// Stable id (`cn-ndrc-plan-report-2024`).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// Title as published.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// Issuing body as published.
    #[getter]
    fn issuer(&self) -> &str {
        &self.0.issuer
    }
    /// `ndrc_plan_report`, `government_work_report`, `five_year_plan`, `provincial_report`, `other`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.code()
    }
    /// `CN` or a GB/T 2260 region code.
    #[getter]
    fn jurisdiction(&self) -> &str {
        &self.0.jurisdiction
    }
    /// The delivery date as a `datetime.date`, or None.
    #[getter]
    fn delivered<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .delivered
            .as_ref()
            .map(|d| date_to_py(py, d))
            .transpose()
    }
    /// The year whose outcomes the document reports.
    #[getter]
    fn outcome_year(&self) -> Option<i32> {
        self.0.outcome_year
    }
    /// The year whose plan the document sets.
    #[getter]
    fn plan_year(&self) -> Option<i32> {
        self.0.plan_year
    }
    /// The file holding the document's text, relative to the data file.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.0.source.as_deref()
    }
    /// The outcome and plan years, in order.
    fn years(&self) -> Vec<i32> {
        self.0.years()
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.0.id.hash(&mut h);
        self.0.title.hash(&mut h);
        self.0.delivered.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        let d = &self.0;
        let mut s = format!(
            "Document({}, {}, {}, {}, {}",
            py_str_repr(&d.id),
            py_str_repr(&d.title),
            py_str_repr(&d.issuer),
            py_str_repr(d.kind.code()),
            py_str_repr(&d.jurisdiction)
        );
        if let Some(date) = d.delivered {
            s.push_str(&format!(
                ", delivered=datetime.date({}, {}, {})",
                date.format("%Y"),
                chrono::Datelike::month(&date),
                chrono::Datelike::day(&date)
            ));
        }
        if let Some(y) = d.outcome_year {
            s.push_str(&format!(", outcome_year={y}"));
        }
        if let Some(y) = d.plan_year {
            s.push_str(&format!(", plan_year={y}"));
        }
        if let Some(src) = &d.source {
            s.push_str(&format!(", source={}", py_str_repr(src)));
        }
        s.push(')');
        s
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, pyo3::types::PyTuple>)> {
        let d = &slf.get().0;
        let delivered = d
            .delivered
            .as_ref()
            .map(|x| date_to_py(py, x))
            .transpose()?;
        let args = (
            d.id.as_str(),
            d.title.as_str(),
            d.issuer.as_str(),
            d.kind.code(),
            d.jurisdiction.as_str(),
            delivered,
            d.outcome_year,
            d.plan_year,
            d.source.as_deref(),
        )
            .into_pyobject(py)?;
        Ok((slf.get_type(), args))
    }

    /// A dict of the fields (`delivered` as `datetime.date`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.0.id)?;
        d.set_item("title", &self.0.title)?;
        d.set_item("issuer", &self.0.issuer)?;
        d.set_item("kind", self.0.kind.code())?;
        d.set_item("jurisdiction", &self.0.jurisdiction)?;
        d.set_item("delivered", self.delivered(py)?)?;
        d.set_item("outcome_year", self.0.outcome_year)?;
        d.set_item("plan_year", self.0.plan_year)?;
        d.set_item("source", self.0.source.as_deref())?;
        Ok(d)
    }
}
