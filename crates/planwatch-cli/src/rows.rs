//! Every flat row the command writes, and nothing else: the one place that knows fields, their
//! order and their formatting.
//!
//! # The seam
//!
//! The rows come from the core's current public API: mentions are laid out as
//! `crates/planwatch/examples/extract.rs` lays them out, with the figure columns of
//! [`planwatch::table::FigureColumns`]; records are [`planwatch::table::rows`] in the order of
//! [`planwatch::table::FIELDS`], CSV fields are quoted by [`planwatch::table::csv_record`]. The
//! only thing computed here is the code-point offsets, with a [`CharIndex`] (one forward pass
//! over the text per file) because the core's current `table::rows` and `Mention::char_span`
//! count from the start of the text for every span, which is quadratic on a large file.
//!
//! When the core's `table` module owns the flat views of mentions and records (rows with
//! code-point offsets from a linear byte→char index), [`mention_rows`], [`record_rows`],
//! [`MENTION_FIELDS`] and [`record_fields`] become calls to it, and [`CharIndex`] goes away;
//! the writers ([`write_jsonl`], [`write_csv`], [`write_csv_header`]) and the rest of the
//! command stay as they are.

use std::fmt::Write as _;

use planwatch::document::{Document, DocumentKind};
use planwatch::extract::{Extraction, Mention};
use planwatch::indicator::Catalogue;
use planwatch::table::{FigureColumns, csv_record};
use serde_json::{Value, json};

/// One row: its cells, in the order of the fields of its kind (the `file` field comes first in
/// the output and is not among them).
pub type Row = Vec<Value>;

/// The field every row starts with: the source file, as given on the command line (`-` for
/// standard input).
pub const FILE_FIELD: &str = "file";

/// The fields of a mention row (after `file`), as `examples/extract.rs` writes them.
pub const MENTION_FIELDS: [&str; 16] = [
    "text",
    "start",
    "end",
    "value",
    "exponent",
    "unit",
    "unit_text",
    "comparator",
    "lower",
    "upper",
    "direction",
    "subject",
    "indicator",
    "year",
    "kind",
    "basis",
];

/// The fields of a record row (after `file`): the core's table of targets and outcomes.
pub fn record_fields() -> &'static [&'static str] {
    &planwatch::table::FIELDS
}

/// Code-point offsets of a set of byte offsets of one text, computed in one forward pass.
///
/// Offsets that are not on a character boundary (or lie past the end) have no code-point
/// offset.
pub struct CharIndex {
    /// `(byte, char)` for every known byte offset, sorted by byte.
    table: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Indexes `offsets` (in any order, repeats allowed) of `text`.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut bytes: Vec<usize> = offsets.into_iter().collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut table = Vec::with_capacity(bytes.len());
        let (mut at_byte, mut at_char) = (0, 0);
        for b in bytes {
            if !text.is_char_boundary(b) {
                continue;
            }
            // `at_byte <= b`, both on boundaries: each byte of the text is counted once.
            at_char += text[at_byte..b].chars().count();
            at_byte = b;
            table.push((b, at_char));
        }
        CharIndex { table }
    }

    /// The code-point offset of byte offset `byte`, if it was indexed and is a boundary.
    pub fn get(&self, byte: usize) -> Option<usize> {
        self.table
            .binary_search_by_key(&byte, |&(b, _)| b)
            .ok()
            .map(|i| self.table[i].1)
    }
}

fn offset(index: &CharIndex, byte: usize) -> Value {
    index.get(byte).map_or(Value::Null, |c| json!(c))
}

/// One row per mention, in text order.
pub fn mention_rows(text: &str, mentions: &[Mention]) -> Vec<Row> {
    let index = CharIndex::new(
        text,
        mentions.iter().flat_map(|m| [m.span.start, m.span.end]),
    );
    mentions
        .iter()
        .map(|m| {
            let c = FigureColumns::new(&m.figure);
            vec![
                json!(m.text),
                offset(&index, m.span.start),
                offset(&index, m.span.end),
                json!(c.value),
                json!(c.exponent),
                json!(c.unit),
                json!(c.unit_text),
                json!(c.comparator),
                json!(c.lower),
                json!(c.upper),
                json!(c.direction),
                json!(m.subject),
                json!(m.indicator),
                json!(m.year),
                json!(m.kind.code()),
                m.basis.map_or(Value::Null, |b| json!(b.code())),
            ]
        })
        .collect()
}

/// One row per target (headline targets first) and then per outcome of the extraction of
/// `text` as document `doc_id`, named from `catalogue`.
pub fn record_rows(text: &str, x: Extraction, doc_id: &str, catalogue: &Catalogue) -> Vec<Row> {
    let document = Document {
        id: doc_id.to_string(),
        title: String::new(),
        issuer: String::new(),
        kind: DocumentKind::Other,
        jurisdiction: String::new(),
        delivered: None,
        outcome_year: None,
        plan_year: None,
        source: None,
    };
    // Without a text, `table::rows` leaves the offsets empty; they are filled in below from
    // the provenances, which come in the same order (targets, then outcomes).
    let ds = x.into_dataset(document, catalogue, None);
    let spans: Vec<Option<(usize, usize)>> = ds
        .targets
        .iter()
        .map(|t| t.provenance.as_ref())
        .chain(ds.outcomes.iter().map(|o| o.provenance.as_ref()))
        .map(|p| p.map(|p| (p.start, p.end)))
        .collect();
    let index = CharIndex::new(text, spans.iter().flatten().flat_map(|&(s, e)| [s, e]));
    let fields = record_fields();
    planwatch::table::rows(&ds, catalogue)
        .into_iter()
        .zip(spans)
        .map(|(mut row, span)| {
            if let Some((s, e)) = span
                && let (Some(s), Some(e)) = (index.get(s), index.get(e))
            {
                (row.start, row.end) = (Some(s), Some(e));
            }
            // A struct of strings and integers always serializes to an object.
            let mut map = match serde_json::to_value(row) {
                Ok(Value::Object(map)) => map,
                _ => serde_json::Map::new(),
            };
            fields
                .iter()
                .map(|f| map.remove(*f).unwrap_or(Value::Null))
                .collect()
        })
        .collect()
}

/// Appends `row` as one JSON line: `file` first, then `fields` in order.
pub fn write_jsonl(out: &mut String, file: &str, fields: &[&str], row: &Row) {
    out.push_str("{\"");
    out.push_str(FILE_FIELD);
    out.push_str("\":");
    out.push_str(&Value::from(file).to_string());
    for (name, cell) in fields.iter().zip(row) {
        // Field names are plain ASCII identifiers: no escaping needed.
        let _ = write!(out, ",\"{name}\":{cell}");
    }
    out.push_str("}\n");
}

/// Appends the CSV header line: `file`, then `fields`.
pub fn write_csv_header(out: &mut String, fields: &[&str]) {
    out.push_str(&csv_record(
        std::iter::once(FILE_FIELD).chain(fields.iter().copied()),
    ));
    out.push_str("\r\n");
}

/// Appends `row` as one RFC 4180 CSV record (CRLF line end, as `planwatch::table::to_csv`);
/// absent values are empty cells, decimals and texts are written as they are.
pub fn write_csv(out: &mut String, file: &str, row: &Row) {
    let cells: Vec<String> = row
        .iter()
        .map(|v| match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    out.push_str(&csv_record(
        std::iter::once(file).chain(cells.iter().map(String::as_str)),
    ));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points_once() {
        let text = "增长５．２％ and 5%";
        let index = CharIndex::new(text, [18, 6, 0, 7, 18, text.len()]);
        assert_eq!(index.get(0), Some(0));
        assert_eq!(index.get(6), Some(2));
        assert_eq!(index.get(7), None); // inside a character
        assert_eq!(index.get(18), Some(6));
        assert_eq!(index.get(text.len()), Some(text.chars().count()));
        assert_eq!(index.get(3), None); // not indexed
    }

    #[test]
    fn mention_offsets_match_char_span() {
        let text = "过去一年，国内生产总值增长5.2%。今年国内生产总值预期增长5%左右。";
        let ms = planwatch::builtin::extractor().mentions(text);
        let rows = mention_rows(text, &ms);
        for (m, r) in ms.iter().zip(&rows) {
            let (s, e) = m.char_span(text).unwrap();
            assert_eq!(
                (r[1].as_u64(), r[2].as_u64()),
                (Some(s as u64), Some(e as u64))
            );
        }
    }
}
