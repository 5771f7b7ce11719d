//! `Numeral` and `parse_numeral`.

use planwatch::numerals::{Approx, Numeral, parse_numeral as core_parse_numeral};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyType};

use crate::convert::{decimal_arg, decimal_to_py};
use crate::errors;

/// A numeral as published: mantissa (`Decimal`), magnitude exponent (万 = 4, 亿 = 8) and
/// exactness (`exact`, `more_than` for 余/多, `between` for 十几/数十 with `high`).
#[pyclass(name = "Numeral", module = "planwatch._planwatch", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyNumeral(pub Numeral);

#[pymethods]
impl PyNumeral {
    #[new]
    #[pyo3(signature = (value, exponent = 0, approx = "exact".to_string(), high = None))]
    #[pyo3(text_signature = "(value, exponent=0, approx='exact', high=None)")]
    fn new(
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        exponent: i32,
        approx: String,
        high: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let value = decimal_arg(value, "value")?;
        let approx = match (approx.as_str(), high) {
            ("exact", None) => Approx::Exact,
            ("more_than", None) => Approx::MoreThan,
            ("between", Some(h)) => Approx::Between {
                high: decimal_arg(h, "high")?,
            },
            ("between", None) => return Err(errors::invalid(py, "approx='between' needs high")),
            ("exact" | "more_than", Some(_)) => {
                return Err(errors::invalid(py, "high is only for approx='between'"));
            }
            (code, _) => {
                return Err(errors::unknown_code(
                    py,
                    "approx",
                    code,
                    &["exact", "more_than", "between"],
                ));
            }
        };
        Ok(PyNumeral(Numeral {
            value,
            exponent,
            approx,
        }))
    }

    /// The mantissa as published.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, &self.0.value)
    }

    /// The power of ten of the magnitude word.
    #[getter]
    fn exponent(&self) -> i32 {
        self.0.exponent
    }

    /// `exact`, `more_than` or `between`.
    #[getter]
    fn approx(&self) -> &'static str {
        approx_code(&self.0.approx)
    }

    /// The upper mantissa of a `between` numeral, else None.
    #[getter]
    fn high<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match &self.0.approx {
            Approx::Between { high } => decimal_to_py(py, high).map(Some),
            _ => Ok(None),
        }
    }

    /// Whether the numeral is exact.
    #[getter]
    fn is_exact(&self) -> bool {
        self.0.is_exact()
    }

    fn __repr__(&self) -> String {
        let n = &self.0;
        let mut s = format!("Numeral(Decimal('{}'), {}", n.value, n.exponent);
        match &n.approx {
            Approx::Exact => {}
            Approx::MoreThan => s.push_str(", approx='more_than'"),
            Approx::Between { high } => {
                s.push_str(&format!(", approx='between', high=Decimal('{high}')"))
            }
        }
        s.push(')');
        s
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(
        Bound<'py, PyType>,
        (
            Bound<'py, PyAny>,
            i32,
            &'static str,
            Option<Bound<'py, PyAny>>,
        ),
    )> {
        let me = slf.get();
        Ok((
            slf.get_type(),
            (me.value(py)?, me.0.exponent, me.approx(), me.high(py)?),
        ))
    }

    /// `{'value': Decimal, 'exponent': int, 'approx': str, 'high': Decimal | None}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("value", self.value(py)?)?;
        d.set_item("exponent", self.0.exponent)?;
        d.set_item("approx", self.approx())?;
        d.set_item("high", self.high(py)?)?;
        Ok(d)
    }
}

/// The stable code of an exactness.
pub fn approx_code(a: &Approx) -> &'static str {
    match a {
        Approx::Exact => "exact",
        Approx::MoreThan => "more_than",
        Approx::Between { .. } => "between",
    }
}

/// Parses a whole string as one numeral (Arabic, Chinese, mixed, approximate).
#[pyfunction]
#[pyo3(signature = (text, /))]
pub fn parse_numeral(py: Python<'_>, text: PyBackedStr) -> PyResult<PyNumeral> {
    core_parse_numeral(&text)
        .map(PyNumeral)
        .map_err(|e| errors::parse(py, &e, &text))
}
