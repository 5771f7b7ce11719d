//! `Issue`, `ValidationReport`, `Rule`, `validate` and `builtin_rules`.

use std::sync::Arc;

use planwatch::validate::{
    Identity, Issue, IssueCode, LevelOrdering, RecordKind, Rule, Severity, ValidationReport,
    validate_with,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyType};

use crate::convert::{decimal_arg, decimal_to_py, from_json, from_serde_code, serde_code};
use crate::dataset::PyDataset;
use crate::document::py_str_repr;
use crate::errors;
use crate::indicator::{PyCatalogue, catalogue_arg};

const KINDS: [&str; 2] = ["outcome", "target"];

/// One problem found by validation: stable kebab-case code, severity, path and message.
#[pyclass(
    name = "Issue",
    module = "planwatch._planwatch",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyIssue(pub Issue);

#[pymethods]
impl PyIssue {
    #[new]
    #[pyo3(signature = (code, severity, path, message))]
    fn new(
        py: Python<'_>,
        code: String,
        severity: String,
        path: String,
        message: String,
    ) -> PyResult<Self> {
        let known: Vec<&str> = IssueCode::ALL.iter().map(|c| c.code()).collect();
        let code = IssueCode::from_code(&code)
            .ok_or_else(|| errors::unknown_code(py, "issue", &code, &known))?;
        let severity: Severity = from_serde_code!(severity).ok_or_else(|| {
            errors::unknown_code(py, "severity", &severity, &["error", "warning"])
        })?;
        Ok(PyIssue(Issue {
            code,
            severity,
            path,
            message,
        }))
    }

    /// Stable kebab-case code (`unit-mismatch`, `provenance-mismatch` …).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.code()
    }
    /// `error` or `warning`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.code()
    }
    /// Where, as a path into the dataset's JSON (`targets[3].figure.value.unit`).
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }
    /// A sentence for people.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Issue({}, {}, {}, {})",
            py_str_repr(self.code()),
            py_str_repr(self.severity()),
            py_str_repr(&self.0.path),
            py_str_repr(&self.0.message)
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (
        Bound<'py, PyType>,
        (&'static str, &'static str, String, String),
    ) {
        let i = slf.get();
        (
            slf.get_type(),
            (
                i.code(),
                i.severity(),
                i.0.path.clone(),
                i.0.message.clone(),
            ),
        )
    }

    /// `{'code', 'severity', 'path', 'message'}`.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code())?;
        d.set_item("severity", self.severity())?;
        d.set_item("path", &self.0.path)?;
        d.set_item("message", &self.0.message)?;
        Ok(d)
    }
}

/// Every issue of a dataset, in dataset order. Raising is opt-in: `raise_for_errors()`.
#[pyclass(name = "ValidationReport", module = "planwatch._planwatch", frozen, eq)]
#[derive(Clone, PartialEq, Default)]
pub struct PyValidationReport(pub ValidationReport);

impl PyValidationReport {
    fn dicts<'py>(
        &self,
        py: Python<'py>,
        severity: Option<Severity>,
    ) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for i in &self.0.issues {
            if severity.is_none_or(|s| s == i.severity) {
                list.append(PyIssue(i.clone()).to_dict(py)?)?;
            }
        }
        Ok(list)
    }
}

#[pymethods]
impl PyValidationReport {
    #[new]
    #[pyo3(signature = (issues = Vec::new()))]
    fn new(issues: Vec<PyIssue>) -> Self {
        PyValidationReport(ValidationReport {
            issues: issues.into_iter().map(|i| i.0).collect(),
        })
    }

    /// Reads the JSON form; raises `LoadError`.
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        from_json!(py, json).map(PyValidationReport)
    }

    /// The JSON form: `{"issues": [{"code", "severity", "path", "message"}, …]}`.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// Every issue, errors and warnings, in dataset order.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        self.0.issues.iter().cloned().map(PyIssue).collect()
    }

    /// Whether there is no error (warnings allowed).
    #[getter]
    fn is_ok(&self) -> bool {
        self.0.is_ok()
    }

    /// The errors as dicts `{'code', 'severity', 'path', 'message'}`.
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.dicts(py, Some(Severity::Error))
    }

    /// The warnings as dicts `{'code', 'severity', 'path', 'message'}`.
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.dicts(py, Some(Severity::Warning))
    }

    /// Every issue as a dict.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.dicts(py, None)
    }

    /// `{'is_ok': bool, 'issues': [dict, …]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("is_ok", self.0.is_ok())?;
        d.set_item("issues", self.dicts(py, None)?)?;
        Ok(d)
    }

    /// Raises `ValidationError` (with `.errors()`) when the report has an error; else returns
    /// the report itself.
    fn raise_for_errors<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, Self>> {
        let me = slf.get();
        if me.0.is_ok() {
            return Ok(slf.clone());
        }
        let py = slf.py();
        let message = me.0.to_string();
        Err(errors::validation(py, &message, me.errors(py)?.into_any()))
    }

    /// A pandas DataFrame, one row per issue: code, severity, path, message (pandas imported
    /// on first use).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, "dicts_to_pandas")
    }

    /// A polars DataFrame, one row per issue (polars imported on first use).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.frame(py, "dicts_to_polars")
    }

    /// A `pyarrow.Table`, one row per issue, every column a string (pyarrow imported on first
    /// use).
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("planwatch._frames")?.call_method1(
            "dicts_to_arrow",
            (self.dicts(py, None)?, ISSUE_COLUMNS, ISSUE_COLUMNS),
        )
    }

    /// The Arrow PyCapsule stream interface: the rows of `to_arrow()`.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table = self.to_arrow(py)?;
        py.import("planwatch._frames")?
            .call_method1("arrow_stream", (table, requested_schema))
    }

    fn __len__(&self) -> usize {
        self.0.issues.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyList::new(py, self.issues())?
            .try_iter()
            .map(Bound::into_any)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        let issues: Vec<String> = self
            .0
            .issues
            .iter()
            .map(|i| PyIssue(i.clone()).__repr__())
            .collect();
        format!("ValidationReport([{}])", issues.join(", "))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json(),)))
    }

    /// An HTML table for notebooks (rows capped, the number hidden stated).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._html")?
            .call_method1("report_html", (slf,))
    }
}

/// A consistency rule the data implies: a share identity (`share = part / whole`) or a level
/// ordering (`lower ≤ higher`). `planwatch.builtin_rules()` lists the built-in report's; pass
/// rules to `validate(ds, rules=…)`; read back with `Rule.from_json`.
#[pyclass(
    name = "Rule",
    module = "planwatch._planwatch",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyRule(pub Rule);

fn record_kind(py: Python<'_>, kind: &str) -> PyResult<RecordKind> {
    from_serde_code!(kind).ok_or_else(|| errors::unknown_code(py, "record kind", kind, &KINDS))
}

#[pymethods]
impl PyRule {
    /// `share = part / whole` (in percent) within rounding plus `tolerance_pp`, for every
    /// period where all three have a value of `kind` (`outcome` or `target`).
    #[staticmethod]
    #[pyo3(signature = (share, part, whole, tolerance_pp = None, kind = "outcome"))]
    fn share_identity(
        py: Python<'_>,
        share: String,
        part: String,
        whole: String,
        tolerance_pp: Option<&Bound<'_, PyAny>>,
        kind: &str,
    ) -> PyResult<Self> {
        let tolerance_pp = match tolerance_pp {
            Some(t) => decimal_arg(t, "tolerance_pp")?,
            None => rust_decimal::Decimal::ZERO,
        };
        Ok(PyRule(Rule::ShareIdentity(Identity {
            share,
            part,
            whole,
            tolerance_pp,
            kind: record_kind(py, kind)?,
        })))
    }

    /// `lower ≤ higher` in every period where both have a value of `kind`.
    #[staticmethod]
    #[pyo3(signature = (lower, higher, kind = "outcome"))]
    fn level_ordering(py: Python<'_>, lower: String, higher: String, kind: &str) -> PyResult<Self> {
        Ok(PyRule(Rule::LevelOrdering(LevelOrdering {
            lower,
            higher,
            kind: record_kind(py, kind)?,
        })))
    }

    /// Reads the JSON form (`{"share_identity": {…}}` or `{"level_ordering": {…}}`).
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        from_json!(py, json).map(PyRule)
    }

    /// The JSON form.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// `share_identity` or `level_ordering`.
    #[getter]
    fn kind(&self) -> &'static str {
        match self.0 {
            Rule::ShareIdentity(_) => "share_identity",
            Rule::LevelOrdering(_) => "level_ordering",
        }
    }

    /// The rule's fields as a dict, with its `kind`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind())?;
        match &self.0 {
            Rule::ShareIdentity(i) => {
                d.set_item("share", &i.share)?;
                d.set_item("part", &i.part)?;
                d.set_item("whole", &i.whole)?;
                d.set_item("tolerance_pp", decimal_to_py(py, &i.tolerance_pp)?)?;
                d.set_item("records", serde_code!(&i.kind))?;
            }
            Rule::LevelOrdering(o) => {
                d.set_item("lower", &o.lower)?;
                d.set_item("higher", &o.higher)?;
                d.set_item("records", serde_code!(&o.kind))?;
            }
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        match &self.0 {
            Rule::ShareIdentity(i) => {
                let mut s = format!(
                    "Rule.share_identity({}, {}, {}",
                    py_str_repr(&i.share),
                    py_str_repr(&i.part),
                    py_str_repr(&i.whole)
                );
                if !i.tolerance_pp.is_zero() {
                    s.push_str(&format!(", tolerance_pp=Decimal('{}')", i.tolerance_pp));
                }
                if i.kind != RecordKind::Outcome {
                    s.push_str(&format!(", kind={}", py_str_repr(&serde_code!(&i.kind))));
                }
                s.push(')');
                s
            }
            Rule::LevelOrdering(o) => {
                let mut s = format!(
                    "Rule.level_ordering({}, {}",
                    py_str_repr(&o.lower),
                    py_str_repr(&o.higher)
                );
                if o.kind != RecordKind::Outcome {
                    s.push_str(&format!(", kind={}", py_str_repr(&serde_code!(&o.kind))));
                }
                s.push(')');
                s
            }
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json(),)))
    }
}

/// The consistency rules the built-in report implies (R&D intensity = R&D spending / GDP, …).
#[pyfunction]
pub fn builtin_rules() -> Vec<PyRule> {
    planwatch::builtin::rules()
        .into_iter()
        .map(PyRule)
        .collect()
}

/// Validates a dataset: every issue with a stable code, severity, path and message.
///
/// `catalogue` defaults to the built-in one (the dataset's own indicators are always added);
/// `rules` are consistency rules to check besides (see `builtin_rules()`). Never raises for
/// bad data: call `raise_for_errors()` on the report to opt in. Releases the GIL.
#[pyfunction]
#[pyo3(signature = (dataset, catalogue = None, rules = None))]
pub fn validate(
    py: Python<'_>,
    dataset: &Bound<'_, PyDataset>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
    rules: Option<Vec<PyRule>>,
) -> PyValidationReport {
    let ds = Arc::clone(&dataset.get().inner);
    let cat = catalogue_arg(catalogue);
    let rules: Vec<Rule> = rules.unwrap_or_default().into_iter().map(|r| r.0).collect();
    PyValidationReport(py.detach(move || validate_with(&ds, &cat, &rules)))
}

/// The columns of an issue table, in order.
const ISSUE_COLUMNS: [&str; 4] = ["code", "severity", "path", "message"];

impl PyValidationReport {
    /// A frame of the issues built by `planwatch._frames.<builder>`.
    fn frame<'py>(&self, py: Python<'py>, builder: &str) -> PyResult<Bound<'py, PyAny>> {
        py.import("planwatch._frames")?
            .call_method1(builder, (self.dicts(py, None)?, ISSUE_COLUMNS))
    }
}
