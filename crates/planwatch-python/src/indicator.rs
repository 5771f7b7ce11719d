//! `Indicator`, `Catalogue` and `catalogue()`.

use std::sync::{Arc, OnceLock};

use planwatch::extract::Extractor;
use planwatch::indicator::{Attribute, Catalogue, Desired, Indicator, Measure};
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyType};

use crate::convert::{clamped_offset, from_json, from_serde_code, serde_code};
use crate::document::py_str_repr;
use crate::errors;
use crate::units::unit_arg;
use planwatch::document::CharIndex;

const DESIRED: [&str; 4] = ["higher_better", "lower_better", "band", "neutral"];
const MEASURES: [&str; 5] = ["level", "growth_rate", "share", "rate", "change"];
const ATTRIBUTES: [&str; 2] = ["indicative", "binding"];

/// One indicator: stable id, names, aliases, category, attribute, desired direction, measure,
/// unit.
#[pyclass(
    name = "Indicator",
    module = "planwatch._planwatch",
    frozen,
    eq,
    from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyIndicator(pub Indicator);

#[pymethods]
impl PyIndicator {
    #[new]
    #[pyo3(signature = (id, name_zh, name_en, category, desired, measure, unit, aliases = Vec::new(), attribute = None))]
    #[pyo3(
        text_signature = "(id, name_zh, name_en, category, desired, measure, unit, aliases=[], attribute=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        id: String,
        name_zh: String,
        name_en: String,
        category: String,
        desired: String,
        measure: String,
        unit: &Bound<'_, PyAny>,
        aliases: Vec<String>,
        attribute: Option<String>,
    ) -> PyResult<Self> {
        let desired: Desired = from_serde_code!(desired)
            .ok_or_else(|| errors::unknown_code(py, "desired direction", &desired, &DESIRED))?;
        let measure: Measure = from_serde_code!(measure)
            .ok_or_else(|| errors::unknown_code(py, "measure", &measure, &MEASURES))?;
        let attribute: Option<Attribute> = match attribute {
            Some(a) => Some(
                from_serde_code!(a)
                    .ok_or_else(|| errors::unknown_code(py, "attribute", &a, &ATTRIBUTES))?,
            ),
            None => None,
        };
        Ok(PyIndicator(Indicator {
            id,
            name_zh,
            name_en,
            aliases,
            category,
            attribute,
            desired,
            measure,
            unit: unit_arg(py, unit)?,
        }))
    }

    /// Reads the JSON form; raises `LoadError`.
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        from_json!(py, json).map(PyIndicator)
    }

    /// The JSON form.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// Stable snake_case id (`gdp_growth`).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// Chinese name.
    #[getter]
    fn name_zh(&self) -> &str {
        &self.0.name_zh
    }
    /// English name.
    #[getter]
    fn name_en(&self) -> &str {
        &self.0.name_en
    }
    /// Other names under which reports write the indicator.
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.0.aliases.clone()
    }
    /// Category code (`growth`, `employment`, `prices` …).
    #[getter]
    fn category(&self) -> &str {
        &self.0.category
    }
    /// `indicative` (预期性), `binding` (约束性), or None.
    #[getter]
    fn attribute(&self) -> Option<String> {
        self.0.attribute.map(|a| serde_code!(&a))
    }
    /// `higher_better`, `lower_better`, `band` or `neutral`.
    #[getter]
    fn desired(&self) -> &'static str {
        self.0.desired.code()
    }
    /// `level`, `growth_rate`, `share`, `rate` or `change`.
    #[getter]
    fn measure(&self) -> String {
        serde_code!(&self.0.measure)
    }
    /// The unit code its values are stated in.
    #[getter]
    fn unit(&self) -> &str {
        self.0.unit.code()
    }
    /// The Chinese name, then the aliases.
    fn names(&self) -> Vec<String> {
        self.0.names().map(str::to_string).collect()
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.0.id.hash(&mut h);
        self.0.name_zh.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        let i = &self.0;
        let mut s = format!(
            "Indicator({}, {}, {}, {}, {}, {}, {}",
            py_str_repr(&i.id),
            py_str_repr(&i.name_zh),
            py_str_repr(&i.name_en),
            py_str_repr(&i.category),
            py_str_repr(i.desired.code()),
            py_str_repr(&self.measure()),
            py_str_repr(i.unit.code()),
        );
        if !i.aliases.is_empty() {
            let aliases: Vec<String> = i.aliases.iter().map(|a| py_str_repr(a)).collect();
            s.push_str(&format!(", aliases=[{}]", aliases.join(", ")));
        }
        if let Some(a) = self.attribute() {
            s.push_str(&format!(", attribute={}", py_str_repr(&a)));
        }
        s.push(')');
        s
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json(),)))
    }

    /// The fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.0.id)?;
        d.set_item("name_zh", &self.0.name_zh)?;
        d.set_item("name_en", &self.0.name_en)?;
        d.set_item("aliases", self.aliases())?;
        d.set_item("category", &self.0.category)?;
        d.set_item("attribute", self.attribute())?;
        d.set_item("desired", self.desired())?;
        d.set_item("measure", self.measure())?;
        d.set_item("unit", self.unit())?;
        Ok(d)
    }
}

/// A set of indicators found by id or by name (leftmost-longest in text).
#[pyclass(name = "Catalogue", module = "planwatch._planwatch", frozen)]
pub struct PyCatalogue {
    pub inner: Arc<Catalogue>,
    /// Whether this is the built-in catalogue (extraction then uses the core's shared extractor).
    pub builtin: bool,
    extractor: OnceLock<Extractor>,
}

impl PyCatalogue {
    /// Wraps a catalogue.
    pub fn new(inner: Arc<Catalogue>, builtin: bool) -> Self {
        PyCatalogue {
            inner,
            builtin,
            extractor: OnceLock::new(),
        }
    }

    /// The built-in catalogue, shared.
    pub fn builtin() -> Self {
        static BUILTIN: OnceLock<Arc<Catalogue>> = OnceLock::new();
        let cat = BUILTIN.get_or_init(|| Arc::new(planwatch::builtin::catalogue().clone()));
        PyCatalogue::new(Arc::clone(cat), true)
    }

    /// The extractor compiled for this catalogue, built on first use and kept; `None` for the
    /// built-in catalogue (the core keeps that one).
    pub fn extractor(&self) -> Option<&Extractor> {
        if self.builtin {
            return None;
        }
        Some(self.extractor.get_or_init(|| Extractor::new(&self.inner)))
    }
}

/// The catalogue of an optional `Catalogue` argument: the built-in one when None.
pub fn catalogue_arg(catalogue: Option<&Bound<'_, PyCatalogue>>) -> Arc<Catalogue> {
    match catalogue {
        Some(c) => Arc::clone(&c.get().inner),
        None => PyCatalogue::builtin().inner,
    }
}

#[pymethods]
impl PyCatalogue {
    #[new]
    #[pyo3(signature = (indicators = Vec::new()))]
    fn py_new(indicators: Vec<PyIndicator>) -> Self {
        let list = indicators.into_iter().map(|i| i.0).collect();
        PyCatalogue::new(Arc::new(Catalogue::new(list)), false)
    }

    /// Reads a catalogue from JSON (an array of indicators); raises `LoadError`.
    #[classmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        Catalogue::from_json(&json)
            .map(|c| PyCatalogue::new(Arc::new(c), false))
            .map_err(|e| errors::load(py, &e))
    }

    /// The indicators as a JSON array.
    fn to_json(&self) -> String {
        let list: Vec<&Indicator> = self.inner.iter().collect();
        serde_json::to_string(&list).unwrap_or_default()
    }

    /// The indicator with this id, or None.
    #[pyo3(signature = (id, /))]
    fn get(&self, id: &str) -> Option<PyIndicator> {
        self.inner.get(id).cloned().map(PyIndicator)
    }

    /// The indicator whose name or alias is exactly `name`, or None.
    #[pyo3(signature = (name, /))]
    fn lookup(&self, name: &str) -> Option<PyIndicator> {
        self.inner.lookup(name).cloned().map(PyIndicator)
    }

    /// The leftmost-longest indicator name in `text` as `(indicator, start, end)`, offsets in
    /// code points (`text[start:end]` is the name), or None.
    #[pyo3(signature = (text, /))]
    fn find_in(&self, py: Python<'_>, text: PyBackedStr) -> Option<(PyIndicator, usize, usize)> {
        let inner = Arc::clone(&self.inner);
        let found = py.detach(|| inner.find_in(&text).map(|(ind, span)| (ind.clone(), span)))?;
        let index = CharIndex::new(&text);
        let start = clamped_offset(&text, &index, found.1.start);
        let end = clamped_offset(&text, &index, found.1.end);
        Some((PyIndicator(found.0), start, end))
    }

    /// The longest indicator name `text` starts with, as `(indicator, length in code points)`.
    #[pyo3(signature = (text, /))]
    fn match_at(&self, text: PyBackedStr) -> Option<(PyIndicator, usize)> {
        let (ind, len) = self.inner.match_at(&text)?;
        let chars = text.get(..len).map_or(0, |s| s.chars().count());
        Some((PyIndicator(ind.clone()), chars))
    }

    /// The ids, in catalogue order.
    fn ids(&self) -> Vec<String> {
        self.inner.iter().map(|i| i.id.clone()).collect()
    }

    /// A list of dicts, one per indicator (see `Indicator.to_dict`).
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for ind in self.inner.iter() {
            list.append(PyIndicator(ind.clone()).to_dict(py)?)?;
        }
        Ok(list)
    }

    /// A pandas DataFrame, one row per indicator (pandas imported on first use).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("planwatch._frames")?
            .call_method1("dicts_to_pandas", (self.to_dicts(py)?,))
    }

    /// A polars DataFrame, one row per indicator (polars imported on first use).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("planwatch._frames")?
            .call_method1("dicts_to_polars", (self.to_dicts(py)?,))
    }

    /// A `pyarrow.Table`, one row per indicator (pyarrow imported on first use).
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("planwatch._frames")?
            .call_method1("dicts_to_arrow", (self.to_dicts(py)?,))
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
        self.inner.len()
    }

    fn __contains__(&self, id: &Bound<'_, PyAny>) -> bool {
        id.extract::<PyBackedStr>()
            .is_ok_and(|id| self.inner.get(&id).is_some())
    }

    fn __getitem__(&self, id: &str) -> PyResult<PyIndicator> {
        self.get(id)
            .ok_or_else(|| PyKeyError::new_err(id.to_string()))
    }

    /// Iterates over the indicators in catalogue order.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::empty(py);
        for ind in self.inner.iter() {
            list.append(PyIndicator(ind.clone()))?;
        }
        list.try_iter().map(Bound::into_any)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyCatalogue>()
            .is_ok_and(|o| *o.get().inner == *self.inner)
    }

    fn __repr__(&self) -> String {
        let kind = if self.builtin { "built-in " } else { "" };
        format!("<{kind}Catalogue: {} indicators>", self.inner.len())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json(),)))
    }
}

/// The built-in catalogue: every indicator of the built-in data, and the headline indicators
/// of five-year plans and government work reports besides.
#[pyfunction]
pub fn catalogue(py: Python<'_>) -> PyResult<PyCatalogue> {
    // The embedded catalogue not loading is an error, never an empty catalogue.
    planwatch::builtin::try_catalogue().map_err(|e| crate::errors::load(py, &e))?;
    Ok(PyCatalogue::builtin())
}
