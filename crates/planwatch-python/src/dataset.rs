//! `Dataset`: one document's targets, outcomes and stated verdicts, with column export for
//! DataFrames.

use std::collections::HashMap;
use std::sync::Arc;

use planwatch::dataset::Dataset;
use planwatch::indicator::Catalogue;
use planwatch::quantity::Quantity;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple, PyType};

use crate::convert::{CharCounter, decimal_to_py};
use crate::document::PyDocument;
use crate::errors;
use crate::target::{PyOutcome, PyTarget, outcome_status_code};

/// One document's data: targets, outcomes and stated verdicts, plus the document text when
/// known (provenance offsets are then code points into it).
#[pyclass(name = "Dataset", module = "planwatch._planwatch", frozen)]
pub struct PyDataset {
    pub inner: Arc<Dataset>,
}

/// Dictionary-encodes a string column: codes (`-1` for missing) and the distinct values, so
/// that a column of a million rows costs a few Python strings and one buffer.
#[derive(Default)]
struct DictColumn {
    index: HashMap<String, i32>,
    values: Vec<String>,
    codes: Vec<i32>,
}

impl DictColumn {
    fn push(&mut self, s: Option<&str>) {
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
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
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

/// One tidy row of the record table (targets then outcomes).
struct Row<'a> {
    indicator: &'a str,
    period: planwatch::document::Period,
    kind: &'static str,
    figure: &'a planwatch::target::Figure,
    status: Option<&'static str>,
    provenance: Option<&'a planwatch::document::Provenance>,
}

fn rows(ds: &Dataset) -> Vec<Row<'_>> {
    let targets = ds.targets.iter().map(|t| Row {
        indicator: &t.indicator,
        period: t.period,
        kind: "target",
        figure: &t.figure,
        status: None,
        provenance: t.provenance.as_ref(),
    });
    let outcomes = ds.outcomes.iter().map(|o| Row {
        indicator: &o.indicator,
        period: o.period,
        kind: "outcome",
        figure: &o.figure,
        status: Some(outcome_status_code(o.status)),
        provenance: o.provenance.as_ref(),
    });
    targets.chain(outcomes).collect()
}

/// A float for a quantity's mantissa (NaN when absent); the exact value is its `Decimal`.
fn mantissa_f64(q: Option<&Quantity>) -> f64 {
    q.and_then(|q| q.value().to_string().parse::<f64>().ok())
        .unwrap_or(f64::NAN)
}

fn f64_column<'py>(py: Python<'py>, values: &[f64]) -> PyResult<Bound<'py, PyTuple>> {
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

fn i64_column<'py>(py: Python<'py>, values: &[Option<i64>]) -> PyResult<Bound<'py, PyTuple>> {
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

#[pymethods]
impl PyDataset {
    /// Reads a dataset from JSON; raises `LoadError` with line and column.
    #[classmethod]
    #[pyo3(signature = (json, /, text = None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: PyBackedStr,
        text: Option<PyBackedStr>,
    ) -> PyResult<Self> {
        let result = py.detach(|| Dataset::from_json(&json, None));
        let mut ds = result.map_err(|e| errors::load(py, &e))?;
        if let Some(t) = text {
            ds = ds.with_text(Arc::<str>::from(&*t));
        }
        Ok(PyDataset {
            inner: Arc::new(ds),
        })
    }

    /// The dataset as pretty JSON (decimals as strings).
    fn to_json(&self, py: Python<'_>) -> String {
        let inner = Arc::clone(&self.inner);
        py.detach(move || inner.to_json())
    }

    /// The document.
    #[getter]
    fn document(&self) -> PyDocument {
        PyDocument(self.inner.document.clone())
    }

    /// The document text, when known.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.inner.text.as_deref()
    }

    /// The targets.
    #[getter]
    fn targets(&self) -> Vec<PyTarget> {
        let text = self.inner.text.as_deref();
        self.inner
            .targets
            .iter()
            .map(|t| PyTarget::wrap(t.clone(), text))
            .collect()
    }

    /// The outcomes.
    #[getter]
    fn outcomes(&self) -> Vec<PyOutcome> {
        let text = self.inner.text.as_deref();
        self.inner
            .outcomes
            .iter()
            .map(|o| PyOutcome::wrap(o.clone(), text))
            .collect()
    }

    /// The number of records (targets and outcomes).
    fn __len__(&self) -> usize {
        self.inner.targets.len() + self.inner.outcomes.len()
    }

    /// Iterates over the records: targets, then outcomes.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::empty(py);
        for t in self.targets() {
            list.append(Bound::new(py, t)?)?;
        }
        for o in self.outcomes() {
            list.append(Bound::new(py, o)?)?;
        }
        list.try_iter().map(Bound::into_any)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyDataset>()
            .is_ok_and(|o| *o.get().inner == *self.inner && o.get().inner.text == self.inner.text)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Dataset {} : {} targets, {} outcomes, {} verdicts>",
            self.inner.document.id,
            self.inner.targets.len(),
            self.inner.outcomes.len(),
            self.inner.verdicts.len()
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Option<String>))> {
        let me = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (me.to_json(py), me.inner.text.as_deref().map(str::to_string)),
        ))
    }

    /// A tidy pandas DataFrame, one row per target or outcome (pandas imported on first use).
    /// Values are floats, or `Decimal` objects when `decimal` is true.
    #[pyo3(signature = (decimal = false))]
    fn to_pandas<'py>(&self, py: Python<'py>, decimal: bool) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal)?;
        py.import("planwatch._frames")?
            .call_method1("to_pandas", (cols,))
    }

    /// A tidy polars DataFrame (polars imported on first use); `Decimal` columns on request.
    #[pyo3(signature = (decimal = false))]
    fn to_polars<'py>(&self, py: Python<'py>, decimal: bool) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal)?;
        py.import("planwatch._frames")?
            .call_method1("to_polars", (cols,))
    }

    /// An HTML table for notebooks (rows capped; the number hidden is stated).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("planwatch._html")?
            .call_method1("dataset_html", (slf,))
    }

    /// The tidy record table column by column (see `planwatch._frames`): one row per target
    /// or outcome; `value`/`lower`/`upper` are float buffers, or lists of `Decimal` when
    /// `decimal` is true.
    #[pyo3(signature = (decimal = false))]
    fn _columns<'py>(&self, py: Python<'py>, decimal: bool) -> PyResult<Bound<'py, PyDict>> {
        let ds = &*self.inner;
        let catalogue: Catalogue = ds.catalogue();
        let rows = rows(ds);
        let n = rows.len();
        let text = ds.text.as_deref();
        let mut counter = text.map(CharCounter::new);

        let names = [
            "document",
            "indicator",
            "name_zh",
            "name_en",
            "basis",
            "kind",
            "comparator",
            "direction",
            "unit",
            "status",
            "quote",
        ];
        let mut dict: Vec<DictColumn> = names.iter().map(|_| DictColumn::default()).collect();
        let mut year = Vec::with_capacity(n);
        let mut end_year = Vec::with_capacity(n);
        let mut exponent = Vec::with_capacity(n);
        let mut start = Vec::with_capacity(n);
        let mut end = Vec::with_capacity(n);
        let mut fvalues: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut dvalues: [Vec<Bound<'py, PyAny>>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let none = py.None().into_bound(py);

        for r in &rows {
            let ind = catalogue.get(r.indicator);
            let first = r.figure.quantities().next();
            let provenance_ok = r.provenance.filter(|p| text.is_some_and(|t| p.check(t)));
            let strs = [
                Some(ds.document.id.as_str()),
                Some(r.indicator),
                ind.map(|i| i.name_zh.as_str()),
                ind.map(|i| i.name_en.as_str()),
                Some(r.period.basis.code()),
                Some(r.kind),
                Some(r.figure.comparator.code()),
                r.figure.direction.map(|d| d.code()),
                first.map(|q| q.unit().code()),
                r.status,
                r.provenance.map(|p| p.quote.as_str()),
            ];
            for (col, s) in dict.iter_mut().zip(strs) {
                col.push(s);
            }
            year.push(Some(i64::from(r.period.year)));
            end_year.push(r.period.end_year.map(i64::from));
            exponent.push(first.map(|q| i64::from(q.exponent())));
            let qs = [
                r.figure.value.as_ref(),
                r.figure.lower.as_ref(),
                r.figure.upper.as_ref(),
            ];
            for (i, q) in qs.into_iter().enumerate() {
                if decimal {
                    dvalues[i].push(match q {
                        Some(q) => decimal_to_py(py, &q.value())?,
                        None => none.clone(),
                    });
                } else {
                    fvalues[i].push(mantissa_f64(q));
                }
            }
            match (provenance_ok, counter.as_mut()) {
                (Some(p), Some(c)) => {
                    start.push(i64::try_from(c.at(p.start)).ok());
                    end.push(i64::try_from(c.at(p.end)).ok());
                }
                _ => {
                    start.push(None);
                    end.push(None);
                }
            }
        }

        let mut dict_py = std::collections::HashMap::new();
        for (name, col) in names.iter().zip(dict) {
            dict_py.insert(*name, col.into_py(py)?);
        }
        let out = PyDict::new(py);
        for name in ["document", "indicator", "name_zh", "name_en"] {
            out.set_item(name, dict_py.remove(name))?;
        }
        out.set_item("year", i64_column(py, &year)?)?;
        out.set_item("end_year", i64_column(py, &end_year)?)?;
        for name in ["basis", "kind", "comparator", "direction"] {
            out.set_item(name, dict_py.remove(name))?;
        }
        let [dv, dl, du] = dvalues;
        let [fv, fl, fu] = fvalues;
        for (name, d, f) in [("value", dv, fv), ("lower", dl, fl), ("upper", du, fu)] {
            if decimal {
                out.set_item(name, PyList::new(py, d)?)?;
            } else {
                out.set_item(name, f64_column(py, &f)?)?;
            }
        }
        out.set_item("unit", dict_py.remove("unit"))?;
        out.set_item("exponent", i64_column(py, &exponent)?)?;
        out.set_item("status", dict_py.remove("status"))?;
        out.set_item("quote", dict_py.remove("quote"))?;
        out.set_item("start", i64_column(py, &start)?)?;
        out.set_item("end", i64_column(py, &end)?)?;
        Ok(out)
    }
}

/// Loads a dataset file (and the document text its `source` names); raises `LoadError`.
#[pyfunction]
#[pyo3(signature = (path, /))]
pub fn load(py: Python<'_>, path: std::path::PathBuf) -> PyResult<PyDataset> {
    let result = py.detach(|| Dataset::from_path(&path));
    result
        .map(|ds| PyDataset {
            inner: Arc::new(ds),
        })
        .map_err(|e| errors::load(py, &e))
}
