//! Error types: parse errors with byte spans, quantity arithmetic errors, load errors, and the
//! crate-level [`Error`] that wraps them.
//!
//! Every error has a stable kebab-case `code()` for programs (and the Python bindings) to match on.
//! All errors are `Clone + PartialEq` so tests can compare whole values.
//!
//! ```
//! use planwatch::error::{Error, ParseErrorKind};
//! use planwatch::quantity::parse_quantity;
//! let err = parse_quantity("5.2英里").unwrap_err();
//! assert_eq!(err.kind(), ParseErrorKind::UnknownUnit);
//! assert_eq!(err.span(), 3..9);
//! assert_eq!(Error::from(err).code(), "unknown-unit");
//! ```

use std::fmt;
use std::ops::Range;

use crate::units::Unit;

/// What went wrong while parsing a numeral or a quantity.
///
/// ```
/// use planwatch::error::ParseErrorKind;
/// assert_eq!(ParseErrorKind::Approximate.code(), "approximate");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input is empty or only whitespace.
    Empty,
    /// A character that cannot start or continue a quantity here.
    UnexpectedCharacter,
    /// The number does not fit an exact decimal (more than 28 significant digits, or an
    /// exponent beyond `i32`).
    Overflow,
    /// The input is longer than [`crate::quantity::MAX_QUANTITY_LEN`] bytes.
    TooLong,
    /// The numeral is approximate (`250余万`, `1600多`, `十几`); exact parsing rejects it. Use
    /// [`crate::numerals::scan_numeral`] to read it as bounds.
    Approximate,
    /// A unit or sign without a number (`元`, `-%`).
    MissingNumber,
    /// Text after the number is not a known unit.
    UnknownUnit,
    /// Arabic and Chinese numerals mixed in an unrecognised way (`3万4千5百.2`, `1二3`).
    MixedScripts,
}

impl ParseErrorKind {
    /// The stable kebab-case code of the kind.
    ///
    /// ```
    /// use planwatch::error::ParseErrorKind;
    /// assert_eq!(ParseErrorKind::UnknownUnit.code(), "unknown-unit");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ParseErrorKind::Empty => "empty",
            ParseErrorKind::UnexpectedCharacter => "unexpected-character",
            ParseErrorKind::Overflow => "overflow",
            ParseErrorKind::TooLong => "too-long",
            ParseErrorKind::Approximate => "approximate",
            ParseErrorKind::MissingNumber => "missing-number",
            ParseErrorKind::UnknownUnit => "unknown-unit",
            ParseErrorKind::MixedScripts => "mixed-scripts",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            ParseErrorKind::Empty => "empty input",
            ParseErrorKind::UnexpectedCharacter => "unexpected character",
            ParseErrorKind::Overflow => "number too large or too precise for an exact decimal",
            ParseErrorKind::TooLong => "input too long",
            ParseErrorKind::Approximate => "approximate numeral where an exact one is required",
            ParseErrorKind::MissingNumber => "missing number",
            ParseErrorKind::UnknownUnit => "unknown unit",
            ParseErrorKind::MixedScripts => "unrecognised mix of Arabic and Chinese numerals",
        }
    }
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// A parse failure: its kind, the byte span of the offending text in the input, and the input.
///
/// ```
/// use planwatch::error::{ParseError, ParseErrorKind};
/// let e = ParseError::new(ParseErrorKind::UnknownUnit, 1..4, "5英");
/// assert_eq!(e.code(), "unknown-unit");
/// assert_eq!(e.to_string(), "unknown unit at bytes 1..4 of \"5英\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at bytes {}..{} of {input:?}", span.start, span.end)]
pub struct ParseError {
    kind: ParseErrorKind,
    span: Range<usize>,
    input: String,
}

/// Inputs longer than this are abbreviated in [`ParseError::input`].
const MAX_KEPT_INPUT: usize = 256;

impl ParseError {
    /// A parse error. Inputs longer than 256 bytes are kept truncated (at a character boundary)
    /// so that errors on huge inputs stay small; the span still refers to the full input.
    ///
    /// ```
    /// use planwatch::error::{ParseError, ParseErrorKind};
    /// let e = ParseError::new(ParseErrorKind::Empty, 0..0, "");
    /// assert_eq!(e.kind(), ParseErrorKind::Empty);
    /// ```
    pub fn new(kind: ParseErrorKind, span: Range<usize>, input: &str) -> ParseError {
        let mut end = input.len().min(MAX_KEPT_INPUT);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        ParseError {
            kind,
            span,
            input: input[..end].to_string(),
        }
    }

    /// The kind of failure.
    ///
    /// ```
    /// use planwatch::error::ParseErrorKind;
    /// let e = planwatch::quantity::parse_quantity("").unwrap_err();
    /// assert_eq!(e.kind(), ParseErrorKind::Empty);
    /// ```
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The byte range of the offending text in the input.
    ///
    /// ```
    /// let e = planwatch::quantity::parse_quantity("250余万人").unwrap_err();
    /// assert_eq!(e.span(), 0..9);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The input that failed to parse (truncated to 256 bytes).
    ///
    /// ```
    /// let e = planwatch::quantity::parse_quantity("5英里").unwrap_err();
    /// assert_eq!(e.input(), "5英里");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The stable kebab-case code of the kind.
    ///
    /// ```
    /// assert_eq!(planwatch::quantity::parse_quantity("元").unwrap_err().code(), "missing-number");
    /// ```
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// An error of quantity arithmetic, comparison or conversion.
///
/// ```
/// use planwatch::error::QuantityError;
/// use planwatch::quantity::parse_quantity;
/// let pct = parse_quantity("5.2%").unwrap();
/// let pp = parse_quantity("0.3个百分点").unwrap();
/// assert_eq!(pct.checked_add(&pp), Err(QuantityError::PercentVsPoint));
/// assert_eq!(QuantityError::PercentVsPoint.code(), "percent-vs-point");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuantityError {
    /// The units have different dimensions (元 and 美元, 人 and 台, 千瓦时 and 吨标准煤).
    #[error("incompatible units: {} ({}) and {} ({})", left.code(), left.canonical_text(), right.code(), right.canonical_text())]
    IncompatibleUnits {
        /// The unit of the left operand.
        left: Unit,
        /// The unit of the right operand (or the conversion target).
        right: Unit,
    },
    /// Percent mixed with percentage points (other than % − % = pp).
    #[error("percent and percentage points do not mix")]
    PercentVsPoint,
    /// The exact result has no finite decimal representation within 28 decimal places
    /// (e.g. 1 亩 in km²).
    #[error("result is not exactly representable as a decimal")]
    Inexact,
    /// The result exceeds the decimal range.
    #[error("result overflows the decimal range")]
    Overflow,
}

impl QuantityError {
    /// The stable kebab-case code.
    ///
    /// ```
    /// assert_eq!(planwatch::error::QuantityError::Inexact.code(), "inexact");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            QuantityError::IncompatibleUnits { .. } => "incompatible-units",
            QuantityError::PercentVsPoint => "percent-vs-point",
            QuantityError::Inexact => "inexact",
            QuantityError::Overflow => "overflow",
        }
    }
}

/// A failure to load data (a dataset file, a fixture), with its position.
///
/// ```
/// use planwatch::error::LoadError;
/// let e = LoadError { path: Some("data/x.json".into()), line: 3, column: 7, message: "expected value".into() };
/// assert_eq!(e.to_string(), "data/x.json:3:7: expected value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file, when loading from a file.
    pub path: Option<String>,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.as_deref().unwrap_or("<input>");
        write!(f, "{path}:{}:{}: {}", self.line, self.column, self.message)
    }
}

impl From<serde_json::Error> for LoadError {
    /// A JSON error with its line and column (no path: see [`LoadError::in_file`]).
    ///
    /// ```
    /// use planwatch::error::LoadError;
    /// let e: LoadError = serde_json::from_str::<Vec<u8>>("[1,\n x]").unwrap_err().into();
    /// assert_eq!((e.path.as_deref(), e.line, e.column), (None, 2, 2));
    /// ```
    fn from(e: serde_json::Error) -> Self {
        LoadError {
            path: None,
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

impl LoadError {
    /// The same error, located in the file `path`.
    ///
    /// ```
    /// use planwatch::error::LoadError;
    /// let e = LoadError { path: None, line: 1, column: 2, message: "x".into() }.in_file("a.json");
    /// assert_eq!(e.to_string(), "a.json:1:2: x");
    /// ```
    pub fn in_file(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}

/// Deserializes JSON, mapping errors to a [`LoadError`] with line and column (and `path`).
pub(crate) fn from_json_located<T: serde::de::DeserializeOwned>(
    json: &str,
    path: Option<&str>,
) -> Result<T, LoadError> {
    serde_json::from_str(json).map_err(|e| {
        let e = LoadError::from(e);
        match path {
            Some(p) => e.in_file(p),
            None => e,
        }
    })
}

/// Any planwatch error.
///
/// ```
/// use planwatch::error::{Error, QuantityError};
/// let e: Error = QuantityError::Inexact.into();
/// assert_eq!(e.code(), "inexact");
/// assert_eq!(Error::Invalid("bad".into()).code(), "invalid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A numeral or quantity failed to parse.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// Quantity arithmetic, comparison or conversion failed.
    #[error(transparent)]
    Quantity(#[from] QuantityError),
    /// Data failed to load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// An invalid value or argument, with a message.
    #[error("invalid: {0}")]
    Invalid(String),
}

impl Error {
    /// The stable kebab-case code: the wrapped error's code, `load` or `invalid`.
    ///
    /// ```
    /// use planwatch::error::Error;
    /// let e = Error::from(planwatch::quantity::parse_quantity("").unwrap_err());
    /// assert_eq!(e.code(), "empty");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::Parse(e) => e.code(),
            Error::Quantity(e) => e.code(),
            Error::Load(_) => "load",
            Error::Invalid(_) => "invalid",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_codes() {
        let e = ParseError::new(ParseErrorKind::Overflow, 0..40, &"9".repeat(400));
        assert_eq!(e.input().len(), 256);
        assert_eq!(e.span(), 0..40);
        assert!(e.to_string().contains("0..40"));
        let q = QuantityError::IncompatibleUnits {
            left: Unit::CNY,
            right: Unit::USD,
        };
        assert_eq!(q.code(), "incompatible-units");
        assert!(q.to_string().contains("CNY"));
        // Truncation respects character boundaries.
        let e = ParseError::new(ParseErrorKind::Empty, 0..0, &"元".repeat(200));
        assert_eq!(e.input().len(), 255);
    }
}
