//! `Quantity` and `parse_quantity`.

use std::cmp::Ordering;

use planwatch::quantity::{Quantity, parse_quantity as core_parse_quantity};
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyType};

use crate::convert::{decimal_arg, decimal_to_py};
use crate::document::py_str_repr;
use crate::errors;
use crate::units::unit_arg;

/// An exact published quantity: mantissa (`Decimal`), magnitude exponent (万 = 4, 亿 = 8,
/// 万亿 = 12), unit code and the unit as written.
///
/// `==` and `hash` compare the published form; `<`, `<=`, `>`, `>=` compare amounts across
/// exponents and units of one dimension and raise `UnitError` across dimensions.
#[pyclass(name = "Quantity", module = "planwatch._planwatch", frozen)]
#[derive(Clone, PartialEq)]
pub struct PyQuantity(pub Quantity);

/// The quantity of a `Quantity` argument.
fn quantity_arg(ob: &Bound<'_, PyAny>) -> Option<Quantity> {
    ob.cast::<PyQuantity>().ok().map(|q| q.get().0.clone())
}

#[pymethods]
impl PyQuantity {
    #[new]
    #[pyo3(signature = (value, exponent = 0, unit = None, *, unit_text = None))]
    fn new(
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        exponent: i32,
        unit: Option<&Bound<'_, PyAny>>,
        unit_text: Option<String>,
    ) -> PyResult<Self> {
        let value = decimal_arg(value, "value")?;
        let unit = match unit {
            Some(u) => unit_arg(py, u)?,
            None => planwatch::units::Unit::Number,
        };
        let q = Quantity::new(value, exponent, unit);
        Ok(PyQuantity(match unit_text {
            Some(t) => q.with_unit_text(t),
            None => q,
        }))
    }

    /// Parses a quantity as published (`126.06万亿元`, `5.2%`, `1244万人`).
    #[staticmethod]
    #[pyo3(signature = (text, /))]
    fn parse(py: Python<'_>, text: PyBackedStr) -> PyResult<Self> {
        parse_quantity(py, text)
    }

    /// The published mantissa.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, &self.0.value())
    }

    /// The power of ten of the magnitude word.
    #[getter]
    fn exponent(&self) -> i32 {
        self.0.exponent()
    }

    /// The unit code (`CNY`, `percent`, `person` …).
    #[getter]
    fn unit(&self) -> &str {
        self.0.unit().code()
    }

    /// The unit as written (`元`, `％`, `万人` is `人`).
    #[getter]
    fn unit_text(&self) -> &str {
        self.0.unit_text()
    }

    /// The exact amount `value × 10**exponent` in the quantity's unit, as a `Decimal`.
    fn to_base<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let base = self.0.to_base().map_err(|e| errors::quantity(py, &e))?;
        decimal_to_py(py, &base)
    }

    /// The magnitude word of the exponent (万, 亿, 万亿 …) or `''`.
    #[getter]
    fn magnitude_text(&self) -> &'static str {
        self.0.magnitude_text()
    }

    /// Whether the unit is a ratio unit (%, ‰, percentage point, multiple).
    #[getter]
    fn is_ratio(&self) -> bool {
        self.0.is_ratio()
    }

    /// The same amount in another unit of the same dimension (exact), or `UnitError`.
    #[pyo3(signature = (unit, /))]
    fn convert_to(&self, py: Python<'_>, unit: &Bound<'_, PyAny>) -> PyResult<Self> {
        let unit = unit_arg(py, unit)?;
        self.0
            .convert_to(&unit)
            .map(PyQuantity)
            .map_err(|e| errors::quantity(py, &e))
    }

    fn __add__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Some(other) = quantity_arg(other) else {
            return Ok(py.NotImplemented());
        };
        let sum = self
            .0
            .checked_add(&other)
            .map_err(|e| errors::quantity(py, &e))?;
        Ok(Py::new(py, PyQuantity(sum))?.into_any())
    }

    fn __sub__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Some(other) = quantity_arg(other) else {
            return Ok(py.NotImplemented());
        };
        let diff = self
            .0
            .checked_sub(&other)
            .map_err(|e| errors::quantity(py, &e))?;
        Ok(Py::new(py, PyQuantity(diff))?.into_any())
    }

    fn __neg__(&self, py: Python<'_>) -> PyResult<Self> {
        self.0
            .checked_neg()
            .map(PyQuantity)
            .map_err(|e| errors::quantity(py, &e))
    }

    fn __richcmp__(
        &self,
        py: Python<'_>,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
    ) -> PyResult<Py<PyAny>> {
        let Some(other) = quantity_arg(other) else {
            return Ok(py.NotImplemented());
        };
        let result = match op {
            CompareOp::Eq => self.0 == other,
            CompareOp::Ne => self.0 != other,
            _ => {
                let ord = self
                    .0
                    .cmp_amount(&other)
                    .map_err(|e| errors::quantity(py, &e))?;
                // As in Rust: the order compares amounts but agrees with `==`, so two
                // quantities of one amount written differently (1万元, 10000元) are neither
                // `<=` nor `>=` each other.
                let same = self.0 == other;
                match op {
                    CompareOp::Lt => ord == Ordering::Less,
                    CompareOp::Le => ord == Ordering::Less || same,
                    CompareOp::Gt => ord == Ordering::Greater,
                    _ => ord == Ordering::Greater || same,
                }
            }
        };
        Ok(pyo3::types::PyBool::new(py, result)
            .to_owned()
            .into_any()
            .unbind())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        let q = &self.0;
        format!(
            "Quantity(Decimal('{}'), {}, {}, unit_text={})",
            q.value(),
            q.exponent(),
            py_str_repr(q.unit().code()),
            py_str_repr(q.unit_text())
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        let _ = py;
        Ok((from_json, (slf.get().to_json(),)))
    }

    /// The quantity as JSON: `{"value": "126.06", "exponent": 12, "unit": "CNY", "unit_text": "元"}`.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// Reads a quantity from its JSON form.
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        serde_json::from_str(&json).map(PyQuantity).map_err(|e| {
            errors::load(
                py,
                &planwatch::error::LoadError {
                    path: None,
                    line: e.line(),
                    column: e.column(),
                    message: e.to_string(),
                },
            )
        })
    }

    /// `{'value': Decimal, 'exponent': int, 'unit': str, 'unit_text': str}`.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("value", self.value(py)?)?;
        d.set_item("exponent", self.0.exponent())?;
        d.set_item("unit", self.0.unit().code())?;
        d.set_item("unit_text", self.0.unit_text())?;
        Ok(d)
    }
}

/// Parses a quantity as published: `126.06万亿元` is `Quantity(Decimal('126.06'), 12, 'CNY')`.
#[pyfunction]
#[pyo3(signature = (text, /))]
pub fn parse_quantity(py: Python<'_>, text: PyBackedStr) -> PyResult<PyQuantity> {
    core_parse_quantity(&text)
        .map(PyQuantity)
        .map_err(|e| errors::parse(py, &e, &text))
}
