//! Invariants shared by the fuzz targets. Each check panics (a crash for the fuzzer) when an
//! invariant of planwatch's public API does not hold.

use planwatch::error::ParseError;
use planwatch::extract::Mention;
use planwatch::quantity::{Quantity, parse_quantity};
use planwatch::table::{self, Row};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// `value` survives a JSON round trip unchanged.
pub fn json_round_trip<T>(value: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).expect("serializes");
    let back: T =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json} does not read back: {e}"));
    assert_eq!(&back, value, "JSON round trip of {json}");
}

/// `Display` of a quantity is canonical text that `parse_quantity` reads back to it.
pub fn display_round_trip(q: &Quantity) {
    let text = q.to_string();
    let back = parse_quantity(&text).unwrap_or_else(|e| panic!("{q:?} prints {text:?}: {e}"));
    assert_eq!(&back, q, "parse(display) of {text:?}");
    json_round_trip(q);
}

/// A parse error points inside its input, on character boundaries.
pub fn error_in_input(e: &ParseError, input: &str) {
    let span = e.span();
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{e:?} for {input:?}"
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{e:?}"
    );
    assert!(!e.code().is_empty());
}

/// A `(value, length)` scan result consumed a prefix of `s` ending on a character boundary.
pub fn consumed_prefix(s: &str, len: usize) {
    assert!(
        len > 0 && len <= s.len() && s.is_char_boundary(len),
        "{len} of {s:?}"
    );
}

/// Every mention spans text on character boundaries, `&text[span] == mention.text`, mentions
/// come in text order, and each survives a JSON round trip.
pub fn mentions_index_text(text: &str, mentions: &[Mention]) {
    let mut last = 0;
    for m in mentions {
        let span = m.span.clone();
        assert!(span.start <= span.end, "{m:?}");
        assert_eq!(text.get(span.clone()), Some(m.text.as_str()), "{m:?}");
        assert_eq!(m.figure.text, m.text, "{m:?}");
        assert!(span.start >= last, "mentions out of order at {m:?}");
        last = span.start;
        let (s, e) = m.char_span(text).expect("char span");
        assert_eq!(text.chars().skip(s).take(e - s).collect::<String>(), m.text);
        if let Some(ss) = &m.subject_span {
            assert!(
                text.get(ss.clone()).is_some(),
                "subject span {ss:?} of {m:?}"
            );
        }
        for q in m.figure.quantities() {
            display_round_trip(q);
        }
        json_round_trip(m);
    }
}

/// Rows written as CSV and as JSON lines read back to the same rows, and each row's figure
/// rebuilds.
pub fn rows_round_trip(rows: &[Row]) {
    let csv = table::to_csv(rows);
    assert_eq!(
        table::from_csv(&csv).expect("own CSV reads"),
        rows,
        "CSV {csv}"
    );
    let jsonl = table::to_jsonl(rows);
    assert_eq!(
        table::from_jsonl(&jsonl).expect("own JSONL reads"),
        rows,
        "JSONL {jsonl}"
    );
}
