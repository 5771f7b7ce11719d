//! Every flat row the command writes, and nothing else: the one place that knows fields, their
//! order and their formatting.
//!
//! The rows are the core's tables ([`planwatch::table::mention_rows`] and
//! [`planwatch::table::rows`], in the order of [`planwatch::table::MENTION_FIELDS`] and
//! [`planwatch::table::FIELDS`]), with `file` first. The `planwatch` command and Python's
//! `planwatch.extract_files` (and so `python -m planwatch extract`) write them through this
//! module. CSV follows the core's convention: an empty cell is a missing value, a quoted `""`
//! an empty string.

use std::ops::Range;
use std::sync::Arc;

use planwatch::document::{Document, Provenance};
use planwatch::extract::{Extraction, Mention, Unwrapped};
use planwatch::indicator::Catalogue;
use planwatch::table::{self, Cell, Kind, MentionRow, TableRow, csv_record};

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON lines: one object per row, `\n` after each.
    Jsonl,
    /// RFC 4180 CSV with a header line (CRLF line ends).
    Csv,
}

impl Format {
    /// The format called `name` (`jsonl` or `csv`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The file extension of the format's files under `--out-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
        }
    }
}

/// The field every row starts with: the source file, as given on the command line (`-` for
/// standard input).
pub const FILE_FIELD: &str = "file";

/// The fields of a mention row (after `file`): the core's mention table.
pub const MENTION_FIELDS: &[&str] = &table::MENTION_FIELDS;

/// The fields of a record row (after `file`): the core's table of targets and outcomes, with
/// `jurisdiction` after `document`.
pub const RECORD_FIELDS: &[&str] = &RECORD_NAMES;

const RECORD_LEN: usize = table::FIELDS.len() + 1;

/// The record table's schema with `jurisdiction` (text) after `document`.
const fn record_schema() -> [(&'static str, Kind); RECORD_LEN] {
    let base = <table::Row as TableRow>::SCHEMA;
    let mut out = [("", Kind::Text); RECORD_LEN];
    out[0] = base[0];
    out[1] = ("jurisdiction", Kind::Text);
    let mut i = 1;
    while i < base.len() && i + 1 < RECORD_LEN {
        out[i + 1] = base[i];
        i += 1;
    }
    out
}

const RECORD_SCHEMA: [(&str, Kind); RECORD_LEN] = record_schema();

const RECORD_NAMES: [&str; RECORD_LEN] = {
    let mut out = [""; RECORD_LEN];
    let mut i = 0;
    while i < RECORD_LEN {
        out[i] = RECORD_SCHEMA[i].0;
        i += 1;
    }
    out
};

/// A record row: the core's record table row, with the jurisdiction the text names in its
/// opening lines ([`planwatch::extract::jurisdiction_of`], a GB/T 2260 code; none for a national
/// report) after `document`: rows of many files' reports say whose they are.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecordRow {
    /// The jurisdiction's code, if the text names one.
    pub jurisdiction: Option<String>,
    /// The core's record row.
    pub row: table::Row,
}

impl TableRow for RecordRow {
    const SCHEMA: &'static [(&'static str, Kind)] = &RECORD_SCHEMA;
    fn cells(&self) -> Vec<Cell<'_>> {
        let mut cells = self.row.cells();
        cells.insert(1, Cell::Text(self.jurisdiction.as_deref()));
        cells
    }
}

/// The rows of one input, or of several one after the other: mentions, or records (targets
/// and outcomes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rows {
    /// One row per mention, in text order.
    Mentions(Vec<MentionRow>),
    /// One row per target (headline targets first) and then per outcome.
    Records(Vec<RecordRow>),
}

impl Rows {
    /// No rows, of the records table when `targets`, else of the mention table.
    pub fn empty(targets: bool) -> Self {
        if targets {
            Rows::Records(Vec::new())
        } else {
            Rows::Mentions(Vec::new())
        }
    }

    /// The fields after `file`, in order.
    pub fn fields(targets: bool) -> &'static [&'static str] {
        if targets {
            RECORD_FIELDS
        } else {
            MENTION_FIELDS
        }
    }

    /// Whether these are records (targets and outcomes) rather than mentions.
    pub fn is_records(&self) -> bool {
        matches!(self, Rows::Records(_))
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        match self {
            Rows::Mentions(r) => r.len(),
            Rows::Records(r) => r.len(),
        }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends `other`'s rows; `false` (and nothing appended) when it is of the other table.
    pub fn append(&mut self, other: Rows) -> bool {
        match (self, other) {
            (Rows::Mentions(a), Rows::Mentions(b)) => a.extend(b),
            (Rows::Records(a), Rows::Records(b)) => a.extend(b),
            _ => return false,
        }
        true
    }

    /// Appends rows `range` (clamped to the rows there are) in `format`, each naming `file`.
    pub fn write(&self, range: Range<usize>, file: &str, format: Format, out: &mut String) {
        fn each<R: TableRow>(rows: &[R], range: Range<usize>, f: impl FnMut(&R)) {
            let end = range.end.min(rows.len());
            rows[range.start.min(end)..end].iter().for_each(f);
        }
        match (self, format) {
            (Rows::Mentions(r), Format::Jsonl) => each(r, range, |r| write_jsonl(out, file, r)),
            (Rows::Mentions(r), Format::Csv) => each(r, range, |r| write_csv(out, file, r)),
            (Rows::Records(r), Format::Jsonl) => each(r, range, |r| write_jsonl(out, file, r)),
            (Rows::Records(r), Format::Csv) => each(r, range, |r| write_csv(out, file, r)),
        }
    }
}

/// One row per mention, in text order, named from `catalogue`.
pub fn mention_rows(text: &str, mentions: &[Mention], catalogue: &Catalogue) -> Rows {
    Rows::Mentions(table::mention_rows(text, mentions, catalogue))
}

/// One row per target (headline targets first) and then per outcome of the extraction of
/// `text` as document `doc_id`, named from `catalogue`.
pub fn record_rows(text: &str, x: Extraction, doc_id: &str, catalogue: &Catalogue) -> Rows {
    record_rows_of(Arc::from(text), x, doc_id, catalogue)
}

/// [`record_rows`] of a text already shared: the rows' dataset keeps it as it is, with no copy
/// of its own.
pub fn record_rows_of(text: Arc<str>, x: Extraction, doc_id: &str, catalogue: &Catalogue) -> Rows {
    let jurisdiction = jurisdiction(&text);
    let document = Document::untitled(doc_id.to_string());
    let ds = x.into_dataset(document, catalogue, Some(text));
    Rows::Records(
        table::rows(&ds, catalogue)
            .into_iter()
            .map(|row| RecordRow {
                jurisdiction: jurisdiction.clone(),
                row,
            })
            .collect(),
    )
}

/// About how many bytes of formatted rows are gathered before they are handed on: the rows of
/// a file are written as they are formed, in pieces of this size, never all at once.
pub const CHUNK: usize = 1 << 18;

/// Rows formatted into a piece of output, handed to `emit` each time it holds [`CHUNK`] bytes.
struct Chunks<'e> {
    out: String,
    format: Format,
    emit: &'e mut dyn FnMut(String),
}

impl<'e> Chunks<'e> {
    fn new(format: Format, emit: &'e mut dyn FnMut(String)) -> Self {
        Chunks {
            out: String::new(),
            format,
            emit,
        }
    }

    fn push<R: TableRow>(&mut self, file: &str, row: &R) {
        match self.format {
            Format::Jsonl => write_jsonl(&mut self.out, file, row),
            Format::Csv => write_csv(&mut self.out, file, row),
        }
        if self.out.len() >= CHUNK {
            // A piece is a chunk and less than a row more: reserved once, not grown to twice that.
            let next = String::with_capacity(CHUNK + CHUNK / 16);
            (self.emit)(std::mem::replace(&mut self.out, next));
        }
    }

    fn finish(self) {
        if !self.out.is_empty() {
            (self.emit)(self.out);
        }
    }
}

/// Writes the rows of [`mention_rows`] in `format`, each naming `file`, as they are formed:
/// `emit` gets them in pieces of about [`CHUNK`] bytes, the same bytes as [`Rows::write`] of
/// all of them.
/// `text` is the text the mentions were read from, as [`Unwrapped`]: their offsets are in the
/// text as given.
pub fn write_mention_rows(
    text: &Unwrapped,
    mentions: &[Mention],
    catalogue: &Catalogue,
    file: &str,
    format: Format,
    emit: &mut dyn FnMut(String),
) {
    let chars = text.chars();
    let at = |b: usize| chars.char_offset(b).unwrap_or(0);
    let mut chunks = Chunks::new(format, emit);
    for row in table::iter_mention_rows(mentions, catalogue, at) {
        chunks.push(file, &row);
    }
    chunks.finish();
}

/// Writes the rows of [`record_rows`] in `format`, each naming `file`, as they are formed:
/// `emit` gets them in pieces of about [`CHUNK`] bytes, the same bytes as [`Rows::write`] of
/// all of them. `text` is the text of `x`, as [`Unwrapped`], and `jurisdiction` the code
/// [`planwatch::extract::jurisdiction_of`] reads in the text as given (see [`jurisdiction`]).
/// The rows' `document` is the extraction's. The extraction's mentions are freed first: the
/// records do not need them.
pub fn write_record_rows(
    text: &Unwrapped,
    jurisdiction: Option<String>,
    x: Extraction,
    catalogue: &Catalogue,
    file: &str,
    format: Format,
    emit: &mut dyn FnMut(String),
) {
    let Extraction {
        document,
        targets,
        outcomes,
        mentions,
        unresolved,
        ..
    } = x;
    // Fields left in a destructured value are freed only when it goes out of scope.
    drop((mentions, unresolved));
    let chars = text.chars();
    let span = |p: &Provenance| chars.span(p);
    let mut chunks = Chunks::new(format, emit);
    for row in table::iter_record_rows(&targets, &outcomes, &document, catalogue, span) {
        let row = RecordRow {
            jurisdiction: jurisdiction.clone(),
            row,
        };
        chunks.push(file, &row);
    }
    chunks.finish();
}

/// The `jurisdiction` of the record rows of `text` (the text as given): the code
/// [`planwatch::extract::jurisdiction_of`] reads in its opening lines.
pub fn jurisdiction(text: &str) -> Option<String> {
    planwatch::extract::jurisdiction_of(text).map(|j| j.code.to_string())
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it (`"`, `\\`, and the control
/// characters: `\b \t \n \f \r` by name, the others as `\u00xx`), without building a string
/// of its own for each cell: the runs between escapes are copied whole.
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    if !needs_escape(s.as_bytes()) {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut from = 0;
    for (k, &b) in s.as_bytes().iter().enumerate() {
        let named = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            0x0c => "\\f",
            b'\r' => "\\r",
            0..=0x1f => "",
            _ => continue,
        };
        // An escaped byte is ASCII: `k` and `k + 1` are character boundaries.
        out.push_str(s.get(from..k).unwrap_or(""));
        if named.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(named);
        }
        from = k + 1;
    }
    out.push_str(s.get(from..).unwrap_or(""));
    out.push('"');
}

/// Whether `s` holds a byte JSON escapes (`"`, `\\` or a control character), looked for
/// eight bytes at a time: most cells hold none and are copied whole. A byte lane below 0x20, or
/// equal to `"` or `\\`, sets its top bit in the tests (a lane above a true one may too, which
/// changes nothing).
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & TOP;
    let words = s.chunks_exact(8);
    let tail = words.remainder();
    words
        .map(|w| u64::from_le_bytes(w.try_into().unwrap_or([0; 8])))
        .any(|x| {
            (x.wrapping_sub(ONES * 0x20) & !x & TOP)
                | zero(x ^ (ONES * u64::from(b'"')))
                | zero(x ^ (ONES * u64::from(b'\\')))
                != 0
        })
        || tail.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// Appends `n` in decimal, as `{n}` writes it, without the formatting machinery.
fn push_int(out: &mut String, n: i64) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        k -= 1;
        // A digit: `m % 10` is below 10.
        digits[k] = b'0' + u8::try_from(m % 10).unwrap_or(0);
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

/// Appends `row` as one JSON line: `file` first, then the row's fields in order (decimals as
/// strings, absent values `null`).
fn write_jsonl<R: TableRow>(out: &mut String, file: &str, row: &R) {
    out.push_str("{\"");
    out.push_str(FILE_FIELD);
    out.push_str("\":");
    push_json_str(out, file);
    for ((name, _), cell) in R::SCHEMA.iter().zip(row.cells()) {
        // Field names are plain ASCII identifiers: no escaping needed.
        out.push_str(",\"");
        out.push_str(name);
        out.push_str("\":");
        match cell {
            Cell::Text(Some(s)) | Cell::Decimal(Some(s)) => push_json_str(out, s),
            Cell::Integer(Some(n)) => push_int(out, n),
            _ => out.push_str("null"),
        }
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
/// absent values are empty cells, an empty string is `""`, decimals and texts are written as
/// they are.
fn write_csv<R: TableRow>(out: &mut String, file: &str, row: &R) {
    out.push_str(&csv_record([file]));
    for cell in row.cells() {
        out.push(',');
        match cell {
            Cell::Text(Some("")) | Cell::Decimal(Some("")) => out.push_str("\"\""),
            Cell::Text(Some(s)) | Cell::Decimal(Some(s)) => out.push_str(&csv_record([s])),
            Cell::Integer(Some(n)) => push_int(out, n),
            _ => {}
        }
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
        let Rows::Mentions(rows) = mention_rows(text, &ms, cat) else {
            panic!("mention rows")
        };
        for (m, r) in ms.iter().zip(&rows) {
            assert_eq!(m.char_span(text), Some((r.start, r.end)));
        }
    }

    #[test]
    fn csv_keeps_empty_strings_apart_from_missing_values() {
        let text = "粮食产量1.3万亿斤以上";
        let mut rows = mention_rows(
            text,
            &planwatch::builtin::extract(text),
            planwatch::builtin::catalogue(),
        );
        if let Rows::Mentions(r) = &mut rows {
            r[0].text = String::new();
            r[0].subject = Some("x\"y".into());
        }
        let mut out = String::new();
        rows.write(0..1, "a,b.txt", Format::Csv, &mut out);
        assert!(
            out.starts_with("\"a,b.txt\",\"\",4,12,other,grain_output,粮食产量,Grain output,\"x\"\"y\",0,4,,,,at_least,"),
            "{out}"
        );
        assert!(out.ends_with(",,,,\r\n"), "{out}");
    }

    #[test]
    fn json_strings_and_integers_are_written_as_serde_json_writes_them() {
        let mut all: String = (0u32..0x80).filter_map(char::from_u32).collect();
        all.push_str("国内“生产”总值\u{2028}\u{7f}é");
        for s in ["", "a", "\"", "\\", all.as_str(), "末尾\n"] {
            let mut out = String::new();
            push_json_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
        // Each ASCII character at each place of strings longer than a word, among multi-byte
        // characters: the eight-byte test finds every escape wherever it falls.
        for c in (0u32..0x80).filter_map(char::from_u32) {
            for at in 0..20 {
                let mut s: String = "a增长5.2%国内总值b".chars().cycle().take(19).collect();
                let k = s.char_indices().nth(at).map_or(s.len(), |(k, _)| k);
                s.insert(k, c);
                let mut out = String::new();
                push_json_str(&mut out, &s);
                assert_eq!(out, serde_json::to_string(&s).unwrap(), "{c:?} at {at}");
            }
        }
        for n in [0, 7, -7, 10, 1244, -1_000_000, i64::MAX, i64::MIN] {
            let mut out = String::new();
            push_int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    /// Rows written as they are formed, in pieces, are the bytes of all the rows written at
    /// once, in both formats and both tables; a text whose rows pass a piece's size is cut
    /// into pieces, each but the last a piece long and less than a row more, each ending with a
    /// row.
    #[test]
    fn rows_written_in_pieces_are_the_rows_written_at_once() {
        let text = planwatch::builtin::TEXT.repeat(10);
        let ex = planwatch::builtin::extractor();
        let cat = planwatch::builtin::catalogue();
        // The copies are joined by a soft wrap: spans after the first copy are mapped back.
        let u = Unwrapped::new(text.clone());
        let mentions = ex.mentions_unwrapped(&u);
        let x = ex.document_unwrapped(&u, "doc");
        for format in [Format::Jsonl, Format::Csv] {
            let all = |rows: Rows| {
                let mut out = String::new();
                rows.write(0..rows.len(), "a.txt", format, &mut out);
                out
            };
            let check = |pieces: &[String], all: String| {
                assert_eq!(pieces.concat(), all);
                assert!(
                    pieces.len() >= 2,
                    "{format:?}: {} pieces of {} bytes",
                    pieces.len(),
                    all.len()
                );
                let eol = if format == Format::Csv { "\r\n" } else { "\n" };
                let (last, full) = pieces.split_last().unwrap();
                for p in full {
                    assert!((CHUNK..CHUNK + 4096).contains(&p.len()), "{}", p.len());
                    assert!(p.ends_with(eol));
                }
                assert!(last.ends_with(eol));
            };
            let mut pieces = Vec::new();
            write_mention_rows(&u, &mentions, cat, "a.txt", format, &mut |p| pieces.push(p));
            check(&pieces, all(mention_rows(&text, &mentions, cat)));

            let mut pieces = Vec::new();
            let records = record_rows(&text, x.clone(), "doc", cat);
            let j = jurisdiction(&text);
            write_record_rows(&u, j, x.clone(), cat, "a.txt", format, &mut |p| {
                pieces.push(p)
            });
            check(&pieces, all(records));
        }
        let mut pieces = Vec::new();
        let empty = Unwrapped::new(String::new());
        write_mention_rows(&empty, &[], cat, "a.txt", Format::Jsonl, &mut |p| {
            pieces.push(p)
        });
        assert!(pieces.is_empty());
    }

    #[test]
    fn write_clamps_the_range_and_append_keeps_tables_apart() {
        let text = "城镇新增就业1244万人";
        let mut rows = mention_rows(
            text,
            &planwatch::builtin::extract(text),
            planwatch::builtin::catalogue(),
        );
        let mut out = String::new();
        rows.write(0..9, "-", Format::Jsonl, &mut out);
        rows.write(5..9, "-", Format::Jsonl, &mut out);
        assert_eq!(out.lines().count(), 1);
        assert!(out.starts_with("{\"file\":\"-\",\"text\":\"1244万人\",\"start\":6,"));
        assert!(!rows.append(Rows::empty(true)));
        assert!(rows.append(rows.clone()));
        assert_eq!(rows.len(), 2);
    }
}
