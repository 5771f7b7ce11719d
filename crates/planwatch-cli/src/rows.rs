//! Every flat row the command writes, and nothing else: the one place that knows fields, their
//! order and their formatting.
//!
//! The rows are the core's tables ([`planwatch::table::mention_rows`] and
//! [`planwatch::table::rows`], in the order of [`planwatch::table::MENTION_FIELDS`] and
//! [`planwatch::table::FIELDS`]), so the command writes the fields the Rust examples and
//! `python -m planwatch extract` write, with `file` first. CSV follows the core's convention: an
//! empty cell is a missing value, a quoted `""` an empty string.

use std::fmt::Write as _;

use planwatch::document::Document;
use planwatch::extract::{Extraction, Mention};
use planwatch::indicator::Catalogue;
use std::sync::Arc;

use planwatch::table::{Cell, TableRow, csv_record};
use serde_json::Value;

/// One row: its cells, in the order of the fields of its kind (the `file` field comes first in
/// the output and is not among them).
pub type Row = Vec<Value>;

/// The field every row starts with: the source file, as given on the command line (`-` for
/// standard input).
pub const FILE_FIELD: &str = "file";

/// The fields of a mention row (after `file`): the core's mention table.
pub const MENTION_FIELDS: &[&str] = &planwatch::table::MENTION_FIELDS;

/// The fields of a record row (after `file`): the core's table of targets and outcomes.
pub fn record_fields() -> &'static [&'static str] {
    &planwatch::table::FIELDS
}

/// The cells of a core table row as JSON values (decimals as strings, absent values null).
fn cells<R: TableRow>(row: &R) -> Row {
    row.cells()
        .into_iter()
        .map(|c| match c {
            Cell::Text(Some(s)) | Cell::Decimal(Some(s)) => Value::from(s),
            Cell::Integer(Some(n)) => Value::from(n),
            _ => Value::Null,
        })
        .collect()
}

/// One row per mention, in text order, named from `catalogue`.
pub fn mention_rows(text: &str, mentions: &[Mention], catalogue: &Catalogue) -> Vec<Row> {
    planwatch::table::mention_rows(text, mentions, catalogue)
        .iter()
        .map(cells)
        .collect()
}

/// One row per target (headline targets first) and then per outcome of the extraction of
/// `text` as document `doc_id`, named from `catalogue`.
pub fn record_rows(text: &str, x: Extraction, doc_id: &str, catalogue: &Catalogue) -> Vec<Row> {
    let document = Document::untitled(doc_id.to_string());
    let ds = x.into_dataset(document, catalogue, Some(Arc::from(text)));
    planwatch::table::rows(&ds, catalogue)
        .iter()
        .map(cells)
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
            Value::String(s) if s.is_empty() => "\"\"".to_string(),
            Value::String(s) => csv_record([s.as_str()]),
            other => other.to_string(),
        })
        .collect();
    out.push_str(&csv_record([file]));
    for c in &cells {
        out.push(',');
        out.push_str(c);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_offsets_match_char_span() {
        let text = "过去一年，国内生产总值增长5.2%。今年国内生产总值预期增长5%左右。";
        let cat = planwatch::builtin::catalogue();
        let ms = planwatch::builtin::extractor().mentions(text);
        let rows = mention_rows(text, &ms, cat);
        let start = MENTION_FIELDS.iter().position(|f| *f == "start").unwrap();
        for (m, r) in ms.iter().zip(&rows) {
            let (s, e) = m.char_span(text).unwrap();
            assert_eq!(
                (r[start].as_u64(), r[start + 1].as_u64()),
                (Some(s as u64), Some(e as u64))
            );
        }
    }

    #[test]
    fn csv_keeps_empty_strings_apart_from_missing_values() {
        let mut out = String::new();
        write_csv(
            &mut out,
            "a,b.txt",
            &vec![
                Value::Null,
                Value::from(""),
                Value::from("x\"y"),
                Value::from(3),
            ],
        );
        assert_eq!(out, "\"a,b.txt\",,\"\",\"x\"\"y\",3\r\n");
    }
}
