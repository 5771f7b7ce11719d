#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(rustdoc::broken_intra_doc_links)]

pub mod assess;
pub mod builtin;
mod codes;
pub mod dataset;
pub mod document;
pub mod error;
pub mod extract;
pub mod figure;
pub mod indicator;
pub mod jurisdiction;
mod lexicon;
mod numeral_chars;
pub mod numerals;
pub mod panel;
pub mod quantity;
pub mod scorecard;
pub mod table;
pub mod target;
mod trie;
pub mod units;
pub mod validate;

pub use assess::{Assessment, Band, NotAssessableReason, Policy, assess, assess_relative};
pub use builtin::extract;
pub use error::{Error, ParseError, ParseErrorKind, QuantityError};
pub use figure::{parse_figure, parse_target};
pub use numerals::{Approx, Numeral, parse_numeral, scan_numeral};
pub use quantity::{Quantity, parse_quantity, scan_quantity};
pub use scorecard::{ScoreRow, scorecard};
pub use target::{Comparator, Direction, Figure, Outcome, Reference, Relation, Target, Verdict};
pub use units::{Currency, Dimension, Unit, scan_unit};
pub use validate::{
    Issue, IssueCode, Rule, Severity, ValidationError, ValidationReport, validate, validate_with,
};
