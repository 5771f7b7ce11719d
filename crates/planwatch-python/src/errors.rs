//! Mapping of core errors to the Python exception hierarchy of `planwatch._errors`.
//!
//! Each core error variant maps to one exception class explicitly; there is no catch-all. The
//! classes are defined in Python (they have several bases and pickle); they are looked up once
//! and cached.

use planwatch::error::{LoadError, ParseError, QuantityError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::convert::char_offset;

const MODULE: &str = "planwatch._errors";

static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static QUANTITY_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNIT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static LOAD_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Instantiates `class(*args)` as a `PyErr`; a failure to do so is itself the error.
fn raise<'py, A>(py: Python<'py>, cell: &PyOnceLock<Py<PyType>>, name: &str, args: A) -> PyErr
where
    A: pyo3::call::PyCallArgs<'py>,
{
    match cell
        .import(py, MODULE, name)
        .and_then(|cls| cls.call1(args))
    {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// A `ParseError` for `input`, with the core's byte span turned into code points of `input`;
/// the message speaks in code points too (`unknown unit at 1..2 of "5英"`) and quotes the
/// input, or for a long input the part around the span.
pub fn parse(py: Python<'_>, e: &ParseError, input: &str) -> PyErr {
    let span = e.span();
    let start = char_offset(input, span.start);
    let end = char_offset(input, span.end).max(start);
    let message = format!(
        "{} at {}..{} of {}",
        e.kind(),
        start,
        end,
        excerpt(input, start, end)
    );
    raise(
        py,
        &PARSE_ERROR,
        "ParseError",
        (message, e.code(), input, start, end),
    )
}

/// A `UnitError` (incompatible units, percent vs points) or `QuantityError` (inexact,
/// overflow).
pub fn quantity(py: Python<'_>, e: &QuantityError) -> PyErr {
    let message = e.to_string();
    match e {
        QuantityError::IncompatibleUnits { .. } | QuantityError::PercentVsPoint => {
            raise(py, &UNIT_ERROR, "UnitError", (message, e.code()))
        }
        QuantityError::Inexact | QuantityError::Overflow => {
            raise(py, &QUANTITY_ERROR, "QuantityError", (message, e.code()))
        }
        // The core enum is non-exhaustive: a variant added later is still a quantity error.
        _ => raise(py, &QUANTITY_ERROR, "QuantityError", (message, e.code())),
    }
}

/// A `LoadError` with path, line and column. The position is said once, by the exception:
/// a JSON reader's own `" at line L column C"` suffix is dropped from the message.
pub fn load(py: Python<'_>, e: &LoadError) -> PyErr {
    let suffix = format!(" at line {} column {}", e.line, e.column);
    let message = e.message.strip_suffix(&suffix).unwrap_or(&e.message);
    raise(
        py,
        &LOAD_ERROR,
        "LoadError",
        (message, e.path.as_deref(), e.line, e.column),
    )
}

/// Longest code quoted whole in a message, in code points.
const CODE_QUOTED: usize = 40;

/// `code` quoted, cut to `CODE_QUOTED` code points (`"abc…"…`) so that a message stays short
/// whatever was passed.
fn quoted_code(code: &str) -> String {
    let len = code.chars().count();
    if len <= CODE_QUOTED {
        return format!("{code:?}");
    }
    let head: String = code.chars().take(CODE_QUOTED).collect();
    format!("{head:?}… ({len} characters)")
}

/// Longest input quoted whole in a parse error message, in code points.
const QUOTE_WHOLE: usize = 80;
/// Code points quoted on each side of the span of a longer input.
const QUOTE_CONTEXT: usize = 20;

/// `input` quoted (`"5英"`), or for a long input the span with some context around it and `…`
/// where text is left out; the span itself is cut to `QUOTE_WHOLE` code points.
fn excerpt(input: &str, start: usize, end: usize) -> String {
    let len = input.chars().count();
    if len <= QUOTE_WHOLE {
        return format!("{input:?}");
    }
    let from = start.saturating_sub(QUOTE_CONTEXT);
    let to = end
        .saturating_add(QUOTE_CONTEXT)
        .min(from.saturating_add(QUOTE_WHOLE))
        .min(len);
    let part: String = input
        .chars()
        .skip(from)
        .take(to.saturating_sub(from))
        .collect();
    let head = if from > 0 { "…" } else { "" };
    let tail = if to < len { "…" } else { "" };
    format!("{head}{part:?}{tail} ({len} characters)")
}

/// An `InvalidInputError` with code `invalid`.
pub fn invalid(py: Python<'_>, message: &str) -> PyErr {
    raise(
        py,
        &INVALID_ERROR,
        "InvalidInputError",
        (message, "invalid"),
    )
}

/// A `UnitError` for a unit code the core does not know.
pub fn unknown_unit(py: Python<'_>, code: &str) -> PyErr {
    let message = format!("unknown unit code {}", quoted_code(code));
    raise(py, &UNIT_ERROR, "UnitError", (message, "unknown-unit"))
}

/// An `InvalidInputError` for a code outside a vocabulary (`comparator`, `basis`, …).
pub fn unknown_code(py: Python<'_>, what: &str, code: &str, known: &[&str]) -> PyErr {
    let message = format!(
        "unknown {what} code {}; expected one of: {}",
        quoted_code(code),
        known.join(", ")
    );
    raise(
        py,
        &INVALID_ERROR,
        "InvalidInputError",
        (message, "invalid"),
    )
}

/// A `ValidationError` carrying error dicts.
pub fn validation<'py>(py: Python<'py>, message: &str, errors: Bound<'py, PyAny>) -> PyErr {
    raise(py, &VALIDATION_ERROR, "ValidationError", (message, errors))
}
