//! planwatch: typed, validated, traceable data from China's national economic and social development plans.
#![forbid(unsafe_code)]

pub mod assess;
pub mod builtin;
pub mod dataset;
pub mod document;
pub mod error;
pub mod extract;
pub mod indicator;
pub mod numerals;
pub mod quantity;
pub mod target;
pub mod units;
pub mod validate;
