//! Python bindings for planwatch: thin wrappers over the core crate's types, conversions to
//! native Python values (`decimal.Decimal`, `datetime.date`, code-point offsets) and the
//! mapping of core errors to the `planwatch` exception hierarchy. No domain logic lives here.

mod assess;
mod columns;
mod convert;
mod dataset;
mod document;
mod errors;
mod extract;
mod files;
mod indicator;
mod numerals;
mod panel;
mod quantity;
mod target;
mod units;
mod validate;

/// The Rust extension of planwatch. Import `planwatch`, not this module.
#[pyo3::pymodule]
mod _planwatch {
    use pyo3::prelude::*;

    /// Sets `__version__`, the version of the crates the extension was built from, and makes
    /// the built-in catalogue failing to load an error of the import (a `LoadError`), never an
    /// empty catalogue behind every default.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        planwatch::builtin::try_catalogue().map_err(|e| crate::errors::load(m.py(), &e))?;
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }

    #[pymodule_export]
    use crate::assess::{
        _scorecard_columns, PyAssessment, PyPolicy, PyScoreRow, assess, scorecard,
    };
    #[pymodule_export]
    use crate::dataset::{
        PyDataset, PyStatedVerdict, builtin, builtin_text, load, read_table, table_fields,
    };
    #[pymodule_export]
    use crate::document::{PyDocument, PyPeriod, PyProvenance};
    #[pymodule_export]
    use crate::extract::{
        _mention_columns, _mention_table, PyExtraction, PyMention, extract, extract_document,
    };
    #[pymodule_export]
    use crate::files::{_expand_paths, PyExtractedFiles, extract_files};
    #[pymodule_export]
    use crate::indicator::{PyCatalogue, PyIndicator, catalogue};
    #[pymodule_export]
    use crate::numerals::{PyNumeral, parse_numeral};
    #[pymodule_export]
    use crate::panel::{
        _panel_scorecard_columns, PyJurisdiction, PyPanel, PyPanelRow, jurisdictions, panel,
    };
    #[pymodule_export]
    use crate::quantity::{PyQuantity, parse_quantity};
    #[pymodule_export]
    use crate::target::{PyFigure, PyOutcome, PyTarget, parse_figure, parse_target};
    #[pymodule_export]
    use crate::units::PyUnit;
    #[pymodule_export]
    use crate::validate::{PyIssue, PyRule, PyValidationReport, builtin_rules, validate};
}
