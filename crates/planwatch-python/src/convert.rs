//! Conversions between core values and Python values: `rust_decimal::Decimal` ⇄
//! `decimal.Decimal` through the exact string form, `chrono::NaiveDate` ⇄ `datetime.date`, and
//! byte offsets ⇄ code-point offsets.

use chrono::{Datelike, NaiveDate};
use planwatch::document::CharIndex;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};
use rust_decimal::Decimal;

use crate::errors;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The `decimal.Decimal` class.
pub fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// The `datetime.date` class.
fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

/// A `decimal.Decimal` with exactly the digits and scale of `d`.
pub fn decimal_to_py<'py>(py: Python<'py>, d: &Decimal) -> PyResult<Bound<'py, PyAny>> {
    decimal_type(py)?.call1((d.to_string(),))
}

/// A `rust_decimal::Decimal` from a `decimal.Decimal`, an `int` or a decimal string, for the
/// argument called `name` (which errors name).
///
/// Floats are refused: their binary value is not the published figure.
pub fn decimal_arg(ob: &Bound<'_, PyAny>, name: &str) -> PyResult<Decimal> {
    let py = ob.py();
    let text = if ob.is_instance(decimal_type(py)?)? {
        ob.str()?.to_cow()?.into_owned()
    } else if let Ok(s) = ob.cast::<PyString>() {
        s.to_cow()?.trim().to_string()
    } else if ob.is_instance_of::<pyo3::types::PyBool>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{name}: a decimal value cannot be a bool"
        )));
    } else if ob.is_instance_of::<pyo3::types::PyInt>() {
        ob.str()?.to_cow()?.into_owned()
    } else if ob.is_instance_of::<pyo3::types::PyFloat>() {
        let written = ob.repr()?.to_cow()?.into_owned();
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{name}: expected decimal.Decimal, int or str, not float; pass the value as a string, e.g. '{written}', to keep it exact"
        )));
    } else {
        let type_name = ob.get_type().name()?;
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{name}: expected decimal.Decimal, int or str, not {type_name}"
        )));
    };
    parse_decimal(&text).ok_or_else(|| {
        errors::invalid(
            py,
            &format!("{name}: not an exact decimal within 28 significant digits: {text:?}"),
        )
    })
}

/// Parses a plain or scientific decimal string exactly; `None` when it does not fit.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

/// A `datetime.date`.
pub fn date_to_py<'py>(py: Python<'py>, d: &NaiveDate) -> PyResult<Bound<'py, PyAny>> {
    date_type(py)?.call1((d.year(), d.month(), d.day()))
}

/// A `NaiveDate` from a `datetime.date` (or anything with year, month and day) or an ISO
/// `YYYY-MM-DD` string, for the argument called `name` (which errors name).
pub fn date_arg(ob: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    let py = ob.py();
    if let Ok(s) = ob.cast::<PyString>() {
        let s = s.to_cow()?;
        return NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
            errors::invalid(py, &format!("{name}: not an ISO date (YYYY-MM-DD): {s:?}"))
        });
    }
    if !ob.is_instance(date_type(py)?)? {
        let type_name = ob.get_type().name()?;
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{name}: expected datetime.date or an ISO date string, not {type_name}"
        )));
    }
    let y: i32 = ob.getattr("year")?.extract()?;
    let m: u32 = ob.getattr("month")?.extract()?;
    let d: u32 = ob.getattr("day")?.extract()?;
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| errors::invalid(py, &format!("{name}: date out of range")))
}

/// Code-point offset of byte offset `byte` in `text`; clamps to the text and to the previous
/// character boundary so that it never fails.
pub fn char_offset(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text.get(..b).map_or(0, |head| head.chars().count())
}

/// The code-point offset of byte offset `byte` through the text's index, clamped to the text
/// and to the previous character boundary so that it never fails.
pub fn clamped_offset(text: &str, index: &CharIndex<'_>, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    index.char_offset(b).unwrap_or(0)
}

/// The stable code of a core enum whose serde form is a string (`Measure`, `Attribute` …).
macro_rules! serde_code {
    ($value:expr) => {
        match serde_json::to_value($value) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    };
}
pub(crate) use serde_code;

/// The core enum value of a stable code, through its serde form; `None` for an unknown code.
macro_rules! from_serde_code {
    ($code:expr) => {
        serde_json::from_value(serde_json::Value::String($code.to_string())).ok()
    };
}
pub(crate) use from_serde_code;

/// A core value from JSON, or a `LoadError` with line and column.
macro_rules! from_json {
    ($py:expr, $json:expr) => {
        serde_json::from_str(&$json).map_err(|e| crate::convert::json_error($py, &e))
    };
}
pub(crate) use from_json;

/// A `LoadError` for a JSON failure, with line and column.
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
