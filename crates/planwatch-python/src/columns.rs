//! Column buffers for DataFrames: the extension hands records over column by column (see
//! `planwatch._frames`), so that a million rows cost a few Python objects, not millions.

use std::collections::HashMap;

use planwatch::quantity::Quantity;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

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

/// A float for a quantity's mantissa (NaN when absent); the exact value is its `Decimal`.
pub fn mantissa_f64(q: Option<&Quantity>) -> f64 {
    q.and_then(|q| q.value().to_string().parse::<f64>().ok())
        .unwrap_or(f64::NAN)
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
