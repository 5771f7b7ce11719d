//! `Unit`: the information the core keeps about a unit code.

use planwatch::units::Unit;
use pyo3::prelude::*;

use crate::errors;

/// A unit of measurement, named by its stable code (`CNY`, `percent`, `count:艘` …).
#[pyclass(name = "Unit", module = "planwatch._planwatch", frozen, eq, hash, str)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyUnit(pub Unit);

impl std::fmt::Display for PyUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.code())
    }
}

/// The core unit for a code, or a `UnitError`.
pub fn unit_from_code(py: Python<'_>, code: &str) -> PyResult<Unit> {
    Unit::from_code(code).ok_or_else(|| errors::unknown_unit(py, code))
}

#[pymethods]
impl PyUnit {
    #[new]
    #[pyo3(signature = (code, /))]
    fn new(py: Python<'_>, code: String) -> PyResult<Self> {
        unit_from_code(py, &code).map(PyUnit)
    }

    /// The unit for a classifier written in text (`人` gives `person`, `艘` gives `count:艘`).
    #[staticmethod]
    #[pyo3(signature = (classifier, /))]
    fn count(py: Python<'_>, classifier: String) -> PyResult<Self> {
        Unit::count(&classifier)
            .map(PyUnit)
            .ok_or_else(|| errors::unknown_unit(py, &format!("count:{classifier}")))
    }

    /// The stable code.
    #[getter]
    fn code(&self) -> &str {
        self.0.code()
    }

    /// The Chinese text the unit is published as ('' for plain numbers).
    #[getter]
    fn canonical_text(&self) -> &str {
        self.0.canonical_text()
    }

    /// An English name.
    #[getter]
    fn name_en(&self) -> &'static str {
        self.0.name_en()
    }

    /// The dimension as a string: `currency:CNY`, `count:人`, `mass`, `area`, `ratio`, …
    #[getter]
    fn dimension(&self) -> String {
        self.0.dimension().code()
    }

    /// The exact factor to the dimension's base unit as `(numerator, denominator)`.
    #[getter]
    fn factor(&self) -> (u64, u64) {
        self.0.factor()
    }

    /// Whether this is a count (classifier) unit.
    #[getter]
    fn is_count(&self) -> bool {
        self.0.is_count()
    }

    /// Whether this is a ratio unit: percent, per mille, percentage point or multiple.
    #[getter]
    fn is_ratio(&self) -> bool {
        self.0.is_ratio()
    }

    /// Whether the two units share a dimension (and so compare, add and convert).
    #[pyo3(signature = (other, /))]
    fn same_dimension(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let other = unit_arg(py, other)?;
        Ok(self.0.same_dimension(&other))
    }

    fn __repr__(&self) -> String {
        format!("Unit({})", crate::document::py_str_repr(self.0.code()))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, pyo3::types::PyType>, (String,))> {
        Ok((slf.get_type(), (slf.get().0.code().to_string(),)))
    }
}

/// A unit from a `Unit` or a unit code string.
pub fn unit_arg(py: Python<'_>, ob: &Bound<'_, PyAny>) -> PyResult<Unit> {
    if let Ok(u) = ob.cast::<PyUnit>() {
        return Ok(u.get().0.clone());
    }
    let code: std::borrow::Cow<'_, str> = ob.extract()?;
    unit_from_code(py, &code)
}
