//! Column buffers for DataFrames: the extension hands the core's typed table columns
//! (`planwatch::table::Columns`) over column by column (see `planwatch._frames`), so that a
//! million rows cost a few Python objects, not millions. Nothing here decides what a column
//! holds: the core's table does.

use std::collections::HashMap;

use planwatch::table::{Cell, Column, ColumnData, Columns, TableRow};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::convert::decimal_to_py;

/// Dictionary-encodes a string column: codes (`-1` for missing) and the distinct values, so
/// that a column of a million rows costs a few Python strings and one buffer.
#[derive(Default)]
pub struct DictColumn {
    index: HashMap<String, i32>,
    values: Vec<String>,
    codes: Vec<i32>,
}

impl DictColumn {
    pub fn push(&mut self, s: Option<&str>) {
        let code = match s {
            None => -1,
            Some(s) => match self.index.get(s) {
                Some(&c) => c,
                None => {
                    let c = i32::try_from(self.values.len()).unwrap_or(i32::MAX);
                    self.index.insert(s.to_string(), c);
                    self.values.push(s.to_string());
                    c
                }
            },
        };
        self.codes.push(code);
    }

    /// `("dict", codes as native-endian int32 bytes, [values])`.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
        let mut bytes = Vec::with_capacity(self.codes.len() * 4);
        for c in &self.codes {
            bytes.extend_from_slice(&c.to_ne_bytes());
        }
        PyTuple::new(
            py,
            [
                PyString::new(py, "dict").into_any(),
                PyBytes::new(py, &bytes).into_any(),
                PyList::new(py, self.values)?.into_any(),
            ],
        )
    }
}

/// The core's columns as the dict `planwatch._frames` reads: text columns dictionary-encoded,
/// whole numbers as `i64` buffers, decimals as `("decimal", [Decimal | None])` when `decimal`,
/// else as `f64` buffers (NaN for missing).
pub fn columns_to_py<'py>(
    py: Python<'py>,
    columns: &Columns,
    decimal: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for Column { name, data } in &columns.columns {
        let col = match data {
            ColumnData::Text(values) => {
                let mut dict = DictColumn::default();
                for v in values {
                    dict.push(v.as_deref());
                }
                dict.into_py(py)?
            }
            ColumnData::Integer(values) => i64_column(py, values)?,
            ColumnData::Decimal(values) if decimal => {
                let none = py.None().into_bound(py);
                let items = values
                    .iter()
                    .map(|v| match v {
                        Some(d) => decimal_to_py(py, d),
                        None => Ok(none.clone()),
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                PyTuple::new(
                    py,
                    [
                        PyString::new(py, "decimal").into_any(),
                        PyList::new(py, items)?.into_any(),
                    ],
                )?
            }
            ColumnData::Decimal(values) => {
                let floats: Vec<f64> = values
                    .iter()
                    .map(|v| {
                        // Through the decimal text: the nearest float, as Python's float(Decimal).
                        v.and_then(|d| d.to_string().parse::<f64>().ok())
                            .unwrap_or(f64::NAN)
                    })
                    .collect();
                f64_column(py, &floats)?
            }
        };
        out.set_item(*name, col)?;
    }
    Ok(out)
}

/// One row of a core table as a dict: text and whole numbers as Python values, decimals as
/// `Decimal` (as written).
pub fn row_to_py<'py, R: TableRow>(py: Python<'py>, row: &R) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for ((name, _), cell) in R::SCHEMA.iter().zip(row.cells()) {
        match cell {
            Cell::Text(s) => d.set_item(*name, s)?,
            Cell::Integer(n) => d.set_item(*name, n)?,
            Cell::Decimal(s) => {
                let v = match s.and_then(|s| rust_decimal::Decimal::from_str_exact(s).ok()) {
                    Some(v) => Some(decimal_to_py(py, &v)?),
                    None => None,
                };
                d.set_item(*name, v)?;
            }
        }
    }
    Ok(d)
}

/// The core table rows of an iterable of `T` items (`ScoreRow`s, `PanelRow`s), each through
/// `row`; a `TypeError` naming `what` for an item of another type.
pub fn table_rows_of<T, R>(
    rows: &Bound<'_, PyAny>,
    what: &str,
    row: impl Fn(&T) -> R,
) -> PyResult<Vec<R>>
where
    T: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    let mut out = Vec::new();
    for item in rows.try_iter()? {
        let item = item?;
        let r = item.cast::<T>().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "rows: expected {what} items, not {}",
                item.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        out.push(row(r.get()));
    }
    Ok(out)
}

pub fn f64_column<'py>(py: Python<'py>, values: &[f64]) -> PyResult<Bound<'py, PyTuple>> {
    let mut bytes = Vec::with_capacity(values.len() * 8);
    for v in values {
        bytes.extend_from_slice(&v.to_ne_bytes());
    }
    PyTuple::new(
        py,
        [
            PyString::new(py, "f64").into_any(),
            PyBytes::new(py, &bytes).into_any(),
        ],
    )
}

pub fn i64_column<'py>(py: Python<'py>, values: &[Option<i64>]) -> PyResult<Bound<'py, PyTuple>> {
    let mut bytes = Vec::with_capacity(values.len() * 8);
    let mut mask = Vec::with_capacity(values.len());
    for v in values {
        bytes.extend_from_slice(&v.unwrap_or(0).to_ne_bytes());
        mask.push(u8::from(v.is_none()));
    }
    let mask_ob = if mask.contains(&1) {
        PyBytes::new(py, &mask).into_any()
    } else {
        py.None().into_bound(py)
    };
    PyTuple::new(
        py,
        [
            PyString::new(py, "i64").into_any(),
            PyBytes::new(py, &bytes).into_any(),
            mask_ob,
        ],
    )
}
