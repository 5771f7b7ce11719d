//! Python bindings for planwatch: thin wrappers over the core crate's types, conversions to
//! native Python values (`decimal.Decimal`, `datetime.date`, code-point offsets) and the
//! mapping of core errors to the `planwatch` exception hierarchy. No domain logic lives here.

#[allow(dead_code)] // helpers for the wrappers still to come (quantities, datasets, extraction)
mod convert;
mod dataset;
mod document;
#[allow(dead_code)]
mod errors;
mod numerals;
mod quantity;
mod target;
mod units;

/// The Rust extension of planwatch. Import `planwatch`, not this module.
#[pyo3::pymodule]
mod _planwatch {
    #[pymodule_export]
    use crate::dataset::{PyDataset, load};
    #[pymodule_export]
    use crate::document::{PyDocument, PyPeriod, PyProvenance};
    #[pymodule_export]
    use crate::numerals::{PyNumeral, parse_numeral};
    #[pymodule_export]
    use crate::quantity::{PyQuantity, parse_quantity};
    #[pymodule_export]
    use crate::target::{PyFigure, PyOutcome, PyTarget, parse_figure, parse_target};
    #[pymodule_export]
    use crate::units::PyUnit;
}
