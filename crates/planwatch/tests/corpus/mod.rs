//! What the corpus tests share: the extraction of a corpus text as the built-in data reads it
//! (with its document's years and jurisdiction), the cases' quantities and amount comparison.
#![allow(dead_code)] // each test uses its part

use std::collections::HashMap;

use planwatch::builtin::{self, corpus};
use planwatch::extract::Extraction;
use planwatch::quantity::Quantity;
use planwatch::units::Unit;
use rust_decimal::Decimal;

/// The extractions of corpus texts, each read once.
#[derive(Default)]
pub struct Extractions(HashMap<String, Extraction>);

impl Extractions {
    /// The extraction of the corpus text at `source` (`gwr/gwr-2015.txt`).
    pub fn of(&mut self, source: &str) -> &Extraction {
        self.0.entry(source.to_string()).or_insert_with(|| {
            let t = corpus::text(source).unwrap_or_else(|| panic!("no corpus text {source}"));
            let doc = builtin::corpus_document(t);
            builtin::extractor()
                .clone()
                .for_document(&doc)
                .document(t.text, &doc.id)
        })
    }
}

/// A quantity written as a case writes it: a decimal string, its exponent and unit code.
pub fn quantity(
    value: Option<&str>,
    exponent: Option<i32>,
    unit: Option<&str>,
) -> Option<Quantity> {
    let value: Decimal = value?.parse().ok()?;
    let unit = Unit::from_code(unit?)?;
    Some(Quantity::new(value, exponent.unwrap_or(0), unit))
}

/// Whether two optional quantities are the same amount (1.2万亿 and 12000亿 are).
pub fn same_amount(a: Option<&Quantity>, b: Option<Quantity>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.cmp_amount(&b).ok() == Some(std::cmp::Ordering::Equal),
        _ => false,
    }
}

/// A share in per cent.
pub fn pct(h: usize, a: usize) -> f64 {
    if a == 0 {
        0.0
    } else {
        100.0 * h as f64 / a as f64
    }
}
