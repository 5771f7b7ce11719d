//! `Figure`, `Target`, `Outcome`, `parse_target` and `parse_figure`.

use planwatch::document::CharIndex;
use planwatch::figure::{parse_figure as core_parse_figure, parse_target as core_parse_target};
use planwatch::target::{Figure, Outcome, Target};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyType};

use crate::document::{PyPeriod, PyProvenance, py_str_repr};
use crate::errors;
use crate::quantity::PyQuantity;

/// A `LoadError` for a JSON failure.
pub fn json_error(py: Python<'_>, e: &serde_json::Error) -> PyErr {
    errors::load(
        py,
        &planwatch::error::LoadError {
            path: None,
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        },
    )
}

fn quantity_py<'py>(
    py: Python<'py>,
    q: Option<&planwatch::quantity::Quantity>,
) -> PyResult<Option<Bound<'py, PyQuantity>>> {
    q.map(|q| Bound::new(py, PyQuantity(q.clone()))).transpose()
}

/// One stated figure: comparator, quantity or bounds, direction, reference, and the phrase.
///
/// Made by `parse_target("增长5%左右")` and `parse_figure("超过2.2万亿元")`, found on targets,
/// outcomes and mentions, or read back with `Figure.from_json`.
#[pyclass(name = "Figure", module = "planwatch._planwatch", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyFigure(pub Figure);

#[pymethods]
impl PyFigure {
    /// Parses a target phrase (`增长5%左右`, `1200万人以上`, `基本平衡`).
    #[staticmethod]
    #[pyo3(signature = (text, /))]
    fn parse_target(py: Python<'_>, text: PyBackedStr) -> PyResult<Self> {
        parse_target(py, text)
    }

    /// Reads the JSON form; raises `LoadError`.
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        serde_json::from_str(&json)
            .map(PyFigure)
            .map_err(|e| json_error(py, &e))
    }

    /// The JSON form (decimals as strings).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// `exact`, `around`, `at_least`, `at_most`, `more_than`, `less_than`, `range`,
    /// `in_step_with`, `relative`, `direction_only` or `qualitative`.
    #[getter]
    fn comparator(&self) -> &'static str {
        self.0.comparator.code()
    }
    /// The quantity (all comparators but `range` and the non-quantitative ones).
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.0.value.as_ref())
    }
    /// The lower bound of a range.
    #[getter]
    fn lower<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.0.lower.as_ref())
    }
    /// The upper bound of a range.
    #[getter]
    fn upper<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.0.upper.as_ref())
    }
    /// `increase`, `decrease`, `stable`, `improve`, or None.
    #[getter]
    fn direction(&self) -> Option<&'static str> {
        self.0.direction.map(|d| d.code())
    }
    /// The reference of a relational figure as `(text, indicator id or None, relation)`.
    #[getter]
    fn reference(&self) -> Option<(String, Option<String>, &'static str)> {
        self.0
            .reference
            .as_ref()
            .map(|r| (r.text.clone(), r.indicator.clone(), r.relation.code()))
    }
    /// The phrase as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// Whether the comparator carries a quantity.
    #[getter]
    fn is_quantitative(&self) -> bool {
        self.0.comparator.is_quantitative()
    }
    /// The lowest value the figure admits, if it states one.
    fn lower_bound<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.0.lower_bound())
    }
    /// The highest value the figure admits, if it states one.
    fn upper_bound<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.0.upper_bound())
    }
    /// The point value with the direction folded into its sign (`下降2.5%` gives −2.5%).
    fn signed_value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyQuantity>>> {
        quantity_py(py, self.0.signed_value().as_ref())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.0.comparator.hash(&mut h);
        self.0.text.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        format!("Figure.from_json({})", py_str_repr(&self.to_json()))
    }

    /// The figure as written (`增长5%左右`).
    fn __str__(&self) -> &str {
        &self.0.text
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json(),)))
    }

    /// A dict with Quantity dicts for value/lower/upper.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("comparator", self.comparator())?;
        for (key, q) in [
            ("value", &self.0.value),
            ("lower", &self.0.lower),
            ("upper", &self.0.upper),
        ] {
            let v = match q {
                Some(q) => Some(PyQuantity(q.clone()).to_dict(py)?),
                None => None,
            };
            d.set_item(key, v)?;
        }
        d.set_item("direction", self.direction())?;
        d.set_item("reference", self.reference())?;
        d.set_item("text", &self.0.text)?;
        Ok(d)
    }
}

/// Parses a target phrase: comparator, quantity or bounds, direction (`增长5%左右`).
#[pyfunction]
#[pyo3(signature = (text, /))]
pub fn parse_target(py: Python<'_>, text: PyBackedStr) -> PyResult<PyFigure> {
    core_parse_target(&text)
        .map(PyFigure)
        .map_err(|e| errors::parse(py, &e, &text))
}

/// Parses an outcome phrase; qualifiers bound the achieved value (`超过2.2万亿元`).
#[pyfunction]
#[pyo3(signature = (text, /))]
pub fn parse_figure(py: Python<'_>, text: PyBackedStr) -> PyResult<PyFigure> {
    core_parse_figure(&text)
        .map(PyFigure)
        .map_err(|e| errors::parse(py, &e, &text))
}

macro_rules! record_class {
    ($py_name:literal, $rust:ident, $core:ty, $doc:literal, [$($field:literal => $method:ident),*], { $($extra:tt)* }) => {
        #[doc = $doc]
        #[pyclass(name = $py_name, module = "planwatch._planwatch", frozen, eq)]
        #[derive(Clone, PartialEq)]
        pub struct $rust {
            pub inner: $core,
            /// Code-point span of the provenance, when the document text is known.
            pub chars: Option<(usize, usize)>,
        }

        impl $rust {
            /// Wraps a record; `chars` indexes the document text, when known.
            pub fn wrap(inner: $core, chars: Option<&CharIndex<'_>>) -> Self {
                let chars = chars.and_then(|c| inner.provenance.as_ref().and_then(|p| c.span(p)));
                $rust { inner, chars }
            }
        }

        #[pymethods]
        impl $rust {
            /// Reads the JSON form; raises `LoadError`.
            #[classmethod]
            #[pyo3(signature = (json, /, start = None, end = None))]
            fn from_json(
                _cls: &Bound<'_, PyType>,
                py: Python<'_>,
                json: PyBackedStr,
                start: Option<usize>,
                end: Option<usize>,
            ) -> PyResult<Self> {
                let inner: $core = serde_json::from_str(&json).map_err(|e| json_error(py, &e))?;
                Ok($rust { inner, chars: start.zip(end) })
            }
            /// The JSON form (decimals as strings, byte offsets).
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
            /// The figure.
            #[getter]
            fn figure(&self) -> PyFigure {
                PyFigure(self.inner.figure.clone())
            }
            /// Where the record was read, or None.
            #[getter]
            fn provenance(&self) -> Option<PyProvenance> {
                self.inner
                    .provenance
                    .clone()
                    .map(|p| PyProvenance { inner: p, chars: self.chars })
            }
            /// The fields as a dict: `indicator`, then `period`, `figure` and `provenance` as
            /// their own `to_dict()` (provenance None when absent).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                d.set_item("indicator", &self.inner.indicator)?;
                d.set_item("period", Bound::new(py, self.period())?.call_method0("to_dict")?)?;
                d.set_item("figure", Bound::new(py, self.figure())?.call_method0("to_dict")?)?;
                let provenance = match self.provenance() {
                    Some(p) => Bound::new(py, p)?.call_method0("to_dict")?,
                    None => py.None().into_bound(py),
                };
                d.set_item("provenance", provenance)?;
                $(d.set_item($field, self.$method())?;)*
                Ok(d)
            }
            fn __hash__(&self) -> u64 {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                self.inner.indicator.hash(&mut h);
                self.inner.period.hash(&mut h);
                self.inner.figure.text.hash(&mut h);
                h.finish()
            }
            fn __repr__(&self) -> String {
                let span = match self.chars {
                    Some((s, e)) => format!(", start={s}, end={e}"),
                    None => String::new(),
                };
                format!(concat!($py_name, ".from_json({}{})"), py_str_repr(&self.to_json()), span)
            }
            $($extra)*
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
        }
    };
}

record_class!(
    "Target",
    PyTarget,
    Target,
    "What a plan sets: indicator + period + figure + provenance.\n\nFound in `Dataset.targets` and `Extraction.targets`; read back with `Target.from_json`.",
    [],
    {}
);
record_class!(
    "Outcome",
    PyOutcome,
    Outcome,
    "What a report says was achieved: indicator + period + figure (a bound) + status + provenance.\n\nFound in `Dataset.outcomes` and `Extraction.outcomes`; read back with `Outcome.from_json`.",
    ["status" => status],
    {
        /// `preliminary`, `final` or `revised`.
        #[getter]
        fn status(&self) -> &'static str {
            self.inner.status.code()
        }
    }
);
