//! Every flat view of the crate's data: the record table (one row per target or outcome), the
//! mention table (one row per figure found in a text), the scorecard table (one row per
//! [`ScoreRow`]) and their panel forms — the panel record table ([`panel_rows`]: every record of
//! every document of a [`Panel`], with its jurisdiction, precedence and verdict) and the panel
//! scorecard table ([`panel_scorecard_rows`]). Each is a row type written as JSON lines ([`to_jsonl`]) or RFC 4180 CSV
//! ([`to_csv`]), and as typed [`Columns`] for data frames and Arrow. The Python bindings, the
//! command lines and the examples all write these rows; none builds a table of its own.
//!
//! ```
//! use planwatch::{builtin, table};
//! let rows = table::rows(&builtin::dataset(), builtin::catalogue());
//! let csv = table::to_csv(&rows);
//! assert!(csv.starts_with("document,indicator,name_zh,name_en,year,"));
//! assert_eq!(table::from_csv(&csv).unwrap(), rows);
//! assert_eq!(table::from_jsonl(&table::to_jsonl(&rows)).unwrap(), rows);
//! ```
//!
//! # Record fields
//!
//! Every [`Row`] has these fields, in this order (the CSV header; the keys of each JSON line;
//! the columns of [`Columns`]):
//!
//! | field | meaning |
//! |-------|---------|
//! | `document` | the dataset's document id |
//! | `indicator` | catalogue id (`gdp_growth`) |
//! | `name_zh`, `name_en` | the indicator's names in the catalogue the table was made with; empty when it does not know the id |
//! | `year` | the year (the first year of a plan period) |
//! | `end_year` | the last year of a plan period; empty for a single year |
//! | `basis` | `year`, `year_end`, `average` or `cumulative` |
//! | `kind` | `target` or `outcome` |
//! | `comparator` | `exact`, `around`, `at_least`, `at_most`, `more_than`, `less_than`, `range`, `in_step_with`, `relative`, `direction_only`, `qualitative` |
//! | figure fields | `value` … `relation`, see [`FigureColumns`] |
//! | `text` | the figure as written (`增长5%左右`) |
//! | `quote` | the clause of the report the record was read from |
//! | `start`, `end` | the quote's span in **Unicode code points** of the report text (Python: `text[start:end] == quote`) |
//! | `status` | an outcome's status (`preliminary`, `final`, `revised`); empty for targets |
//!
//! # Figure fields (every table)
//!
//! **Each quantity has its own exponent**: `value` is a mantissa in `exponent`, `lower` in
//! `lower_exponent`, `upper` in `upper_exponent` (万 4, 亿 8, 万亿 12), so `5000万-1亿元` is
//! `lower` 5000 at 4 and `upper` 1 at 8 — never read one bound in the other's exponent. The
//! `*_base` fields are the same quantities exactly in the base unit (`1亿元` is `100000000`,
//! `5%` is `5`), and `signed_value` is the value's mantissa signed by the direction (a `下降2%`
//! is `-2`). `unit` and `unit_text` are those of the first quantity; a bound in another unit
//! or unit as written is written in full in its text cell (`6万人`) with empty exponent and
//! base, and is missing from the typed columns.
//!
//! # Formats
//!
//! Decimals are strings, so the export is lossless: `32379.77` stays `32379.77` and `50.30`
//! keeps its trailing zero. In JSON lines an absent value is `null` and whole numbers are JSON
//! numbers. The CSV follows RFC 4180 (comma-separated, CRLF line ends, fields with a comma,
//! quote or line break in double quotes, quotes doubled) with one convention on top: **a bare
//! empty cell is a missing value, a quoted empty cell (`""`) is an empty string**, so an empty
//! quote or unit text reads back as written.
//!
//! ```
//! use planwatch::table::{from_csv, rows, to_csv};
//! let mut data = planwatch::builtin::dataset();
//! data.targets.truncate(1);
//! data.outcomes.clear();
//! data.targets[0].provenance.as_mut().unwrap().quote = String::new();
//! let rows = rows(&data, planwatch::builtin::catalogue());
//! assert_eq!(rows[0].quote.as_deref(), Some(""));
//! assert_eq!(rows[0].status, None);
//! let csv = to_csv(&rows);
//! assert!(csv.contains(",\"\","));
//! assert_eq!(from_csv(&csv).unwrap(), rows);
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::assess::Policy;
use crate::dataset::Dataset;
use crate::document::{CharIndex, Provenance};
use crate::error::LoadError;
use crate::extract::Mention;
use crate::indicator::{Catalogue, Indicator};
use crate::jurisdiction::Jurisdiction;
use crate::panel::{Panel, PanelRow};
use crate::quantity::Quantity;
use crate::scorecard::ScoreRow;
use crate::target::{Direction, Figure, Outcome, Target};
use crate::units::Unit;

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text; CSV cells and JSON strings.
    Text,
    /// A whole number; JSON numbers.
    Integer,
    /// An exact decimal, written as a string (`126.06`).
    Decimal,
}

/// One cell of a row, as the writers and [`Columns`] read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    /// A text cell.
    Text(Option<&'a str>),
    /// A whole number.
    Integer(Option<i64>),
    /// A decimal string (or a bound written in full, which is not a decimal).
    Decimal(Option<&'a str>),
}

/// A row of one of the tables: its schema and its cells.
pub trait TableRow {
    /// The column names and types, in order.
    const SCHEMA: &'static [(&'static str, Kind)];
    /// The cells, in the order of [`TableRow::SCHEMA`].
    fn cells(&self) -> Vec<Cell<'_>>;
}

/// The values of one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnData {
    /// Text values.
    Text(Vec<Option<String>>),
    /// Whole numbers.
    Integer(Vec<Option<i64>>),
    /// Exact decimals.
    Decimal(Vec<Option<Decimal>>),
}

/// A named column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The column name (a field of the table).
    pub name: &'static str,
    /// The values, one per row.
    pub data: ColumnData,
}

/// A table column by column, typed: what data frames and Arrow are built from. A decimal
/// column holds exact [`Decimal`]s; a bound written in full (another unit) is `None` there.
///
/// ```
/// use planwatch::table::{Columns, ColumnData, rows};
/// let cols = Columns::new(&rows(&planwatch::builtin::dataset(), planwatch::builtin::catalogue()));
/// assert_eq!(cols.columns[0].name, "document");
/// let Some(ColumnData::Decimal(values)) = cols.get("value") else { panic!() };
/// assert_eq!(values.len(), cols.len());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// The columns, in the order of the row type's schema.
    pub columns: Vec<Column>,
    rows: usize,
}

impl Columns {
    /// The columns of `rows` (every column of the schema, even for no rows).
    ///
    /// ```
    /// use planwatch::table::{Columns, Row, FIELDS};
    /// let empty = Columns::new::<Row>(&[]);
    /// assert_eq!((empty.len(), empty.columns.len()), (0, FIELDS.len()));
    /// ```
    pub fn new<R: TableRow>(rows: &[R]) -> Self {
        let mut data: Vec<ColumnData> = R::SCHEMA
            .iter()
            .map(|(_, kind)| match kind {
                Kind::Text => ColumnData::Text(Vec::with_capacity(rows.len())),
                Kind::Integer => ColumnData::Integer(Vec::with_capacity(rows.len())),
                Kind::Decimal => ColumnData::Decimal(Vec::with_capacity(rows.len())),
            })
            .collect();
        for r in rows {
            for (col, cell) in data.iter_mut().zip(r.cells()) {
                match (col, cell) {
                    (ColumnData::Text(v), Cell::Text(s)) => v.push(s.map(str::to_string)),
                    (ColumnData::Integer(v), Cell::Integer(i)) => v.push(i),
                    (ColumnData::Decimal(v), Cell::Decimal(d)) => {
                        v.push(d.and_then(|d| Decimal::from_str_exact(d).ok()));
                    }
                    (ColumnData::Text(v), _) => v.push(None),
                    (ColumnData::Integer(v), _) => v.push(None),
                    (ColumnData::Decimal(v), _) => v.push(None),
                }
            }
        }
        Columns {
            columns: R::SCHEMA
                .iter()
                .zip(data)
                .map(|((name, _), data)| Column { name, data })
                .collect(),
            rows: rows.len(),
        }
    }

    /// The column called `name`.
    ///
    /// ```
    /// use planwatch::table::{Columns, MentionRow};
    /// assert!(Columns::new::<MentionRow>(&[]).get("subject_start").is_some());
    /// assert!(Columns::new::<MentionRow>(&[]).get("quote").is_none());
    /// ```
    pub fn get(&self, name: &str) -> Option<&ColumnData> {
        self.columns
            .iter()
            .find(|c| c.name == name)
            .map(|c| &c.data)
    }

    /// The number of rows.
    ///
    /// ```
    /// assert_eq!(planwatch::table::Columns::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether there are no rows.
    ///
    /// ```
    /// assert!(planwatch::table::Columns::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }
}

macro_rules! schema {
    ($($name:literal: $kind:ident),* $(,)?) => {
        &[$(($name, Kind::$kind)),*]
    };
}

/// The names of a schema, as a fixed array.
const fn names<const N: usize>(schema: &'static [(&'static str, Kind)]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = schema[i].0;
        i += 1;
    }
    out
}

const RECORD_SCHEMA: &[(&str, Kind)] = schema! {
    "document": Text, "indicator": Text, "name_zh": Text, "name_en": Text, "year": Integer,
    "end_year": Integer, "basis": Text, "kind": Text, "comparator": Text, "value": Decimal,
    "exponent": Integer, "unit": Text, "unit_text": Text, "lower": Decimal,
    "lower_exponent": Integer, "upper": Decimal, "upper_exponent": Integer,
    "value_base": Decimal, "lower_base": Decimal, "upper_base": Decimal,
    "signed_value": Decimal, "direction": Text, "reference": Text,
    "reference_indicator": Text, "relation": Text, "text": Text, "quote": Text,
    "start": Integer, "end": Integer, "status": Text,
};

const MENTION_SCHEMA: &[(&str, Kind)] = schema! {
    "text": Text, "start": Integer, "end": Integer, "kind": Text, "indicator": Text,
    "name_zh": Text, "name_en": Text, "subject": Text, "subject_start": Integer,
    "subject_end": Integer, "year": Integer, "end_year": Integer, "basis": Text,
    "comparator": Text, "value": Decimal, "exponent": Integer, "unit": Text, "unit_text": Text,
    "lower": Decimal, "lower_exponent": Integer, "upper": Decimal, "upper_exponent": Integer,
    "value_base": Decimal, "lower_base": Decimal, "upper_base": Decimal,
    "signed_value": Decimal, "direction": Text, "reference": Text,
    "reference_indicator": Text, "relation": Text,
};

const SCORECARD_SCHEMA: &[(&str, Kind)] = schema! {
    "indicator": Text, "name_zh": Text, "name_en": Text, "category": Text, "desired": Text,
    "year": Integer, "end_year": Integer, "basis": Text, "target": Text, "comparator": Text,
    "target_value": Decimal, "target_exponent": Integer, "target_lower": Decimal,
    "target_lower_exponent": Integer, "target_upper": Decimal, "target_upper_exponent": Integer,
    "target_unit": Text, "outcome": Text, "outcome_value": Decimal, "outcome_exponent": Integer,
    "outcome_unit": Text, "reference": Text, "reference_outcome": Text, "verdict": Text,
    "verdict_source": Text, "stated": Text, "reason": Text, "margin": Decimal,
    "margin_exponent": Integer, "margin_unit": Text, "label": Text,
};

/// The columns every panel table starts with: the record's jurisdiction.
const JURISDICTION_SCHEMA: &[(&str, Kind)] = schema! {
    "jurisdiction": Text, "jurisdiction_name": Text, "jurisdiction_name_en": Text, "level": Text,
};

/// The panel record table's columns after the record table's.
const PANEL_EXTRA_SCHEMA: &[(&str, Kind)] = schema! {
    "desired": Text, "point": Decimal, "point_lower": Decimal, "point_upper": Decimal,
    "rank": Integer, "verdict": Text, "margin": Decimal, "margin_exponent": Integer,
    "margin_unit": Text,
};

/// The panel scorecard table's columns after the scorecard table's.
const PANEL_DOCUMENTS_SCHEMA: &[(&str, Kind)] = schema! {
    "target_document": Text, "outcome_document": Text, "stated_document": Text,
};

/// Schemas one after the other, as one fixed array of `N` columns (`N` must be their total).
const fn concat<const N: usize>(parts: &[&[(&'static str, Kind)]]) -> [(&'static str, Kind); N] {
    let mut out = [("", Kind::Text); N];
    let (mut p, mut n) = (0, 0);
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            i += 1;
            n += 1;
        }
        p += 1;
    }
    assert!(n == N, "concat: N is not the number of columns");
    out
}

const PANEL_LEN: usize = JURISDICTION_SCHEMA.len() + RECORD_SCHEMA.len() + PANEL_EXTRA_SCHEMA.len();
const PANEL_SCHEMA: &[(&str, Kind)] =
    &concat::<PANEL_LEN>(&[JURISDICTION_SCHEMA, RECORD_SCHEMA, PANEL_EXTRA_SCHEMA]);

const PANEL_SCORECARD_LEN: usize =
    JURISDICTION_SCHEMA.len() + SCORECARD_SCHEMA.len() + PANEL_DOCUMENTS_SCHEMA.len();
const PANEL_SCORECARD_SCHEMA: &[(&str, Kind)] = &concat::<PANEL_SCORECARD_LEN>(&[
    JURISDICTION_SCHEMA,
    SCORECARD_SCHEMA,
    PANEL_DOCUMENTS_SCHEMA,
]);

/// The panel record table's column names, in order: the jurisdiction's four, the record
/// table's [`FIELDS`], then `desired`, `point`, `point_lower`, `point_upper`, `rank`, `verdict`,
/// `margin`, `margin_exponent`, `margin_unit` (see [`PanelRecordRow`]).
///
/// ```
/// use planwatch::table::{FIELDS, PANEL_FIELDS};
/// assert_eq!(PANEL_FIELDS[..5], ["jurisdiction", "jurisdiction_name", "jurisdiction_name_en", "level", "document"]);
/// assert_eq!(PANEL_FIELDS[4..34], FIELDS);
/// assert_eq!(PANEL_FIELDS[PANEL_FIELDS.len() - 1], "margin_unit");
/// ```
pub const PANEL_FIELDS: [&str; PANEL_LEN] = names(PANEL_SCHEMA);

/// The panel scorecard table's column names, in order: the jurisdiction's four, the scorecard
/// table's [`SCORECARD_FIELDS`], then `target_document`, `outcome_document`, `stated_document`.
///
/// ```
/// use planwatch::table::{PANEL_SCORECARD_FIELDS, SCORECARD_FIELDS};
/// assert_eq!(PANEL_SCORECARD_FIELDS[4..35], SCORECARD_FIELDS);
/// assert_eq!(PANEL_SCORECARD_FIELDS[35..], ["target_document", "outcome_document", "stated_document"]);
/// ```
pub const PANEL_SCORECARD_FIELDS: [&str; PANEL_SCORECARD_LEN] = names(PANEL_SCORECARD_SCHEMA);

/// The record table's column names, in order.
///
/// ```
/// use planwatch::table::{FIELDS, Row, to_csv};
/// assert_eq!((FIELDS.len(), FIELDS[0], FIELDS[29]), (30, "document", "status"));
/// assert_eq!(to_csv::<Row>(&[]), format!("{}\r\n", FIELDS.join(",")));
/// ```
pub const FIELDS: [&str; 30] = names(RECORD_SCHEMA);

/// The mention table's column names, in order.
///
/// ```
/// assert_eq!(planwatch::table::MENTION_FIELDS[..3], ["text", "start", "end"]);
/// ```
pub const MENTION_FIELDS: [&str; 30] = names(MENTION_SCHEMA);

/// The scorecard table's column names, in order.
///
/// ```
/// assert_eq!(planwatch::table::SCORECARD_FIELDS[30], "label");
/// ```
pub const SCORECARD_FIELDS: [&str; 31] = names(SCORECARD_SCHEMA);

/// One exported record.
///
/// ```
/// let json = r#"{
///   "document": {"id": "demo-2024", "title": "示例计划报告", "issuer": "示例发展改革委",
///                "kind": "provincial_report", "jurisdiction": "440000"},
///   "targets": [{"indicator": "gdp_growth", "period": {"year": 2024},
///                "figure": {"comparator": "around", "value": {"value": "5", "unit": "percent"},
///                           "direction": "increase", "text": "增长5%左右"}}],
///   "outcomes": [{"indicator": "gdp_growth", "period": {"year": 2023},
///                 "figure": {"comparator": "exact", "value": {"value": "5.20", "unit": "percent"},
///                            "direction": "increase", "text": "增长5.20%"}}]
/// }"#;
/// let ds = planwatch::dataset::Dataset::from_json(json, None).unwrap();
/// let rows = planwatch::table::rows(&ds, &planwatch::builtin::catalogue_for(&ds));
/// let r = &rows[1];
/// assert_eq!((r.indicator.as_str(), r.year, r.kind.as_str()), ("gdp_growth", 2023, "outcome"));
/// assert_eq!((r.value.as_deref(), r.exponent, r.unit.as_deref()), (Some("5.20"), Some(0), Some("percent")));
/// assert_eq!((r.status.as_deref(), r.quote.as_deref()), (Some("preliminary"), None));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// The document id.
    pub document: String,
    /// Catalogue id.
    pub indicator: String,
    /// The indicator's Chinese name.
    pub name_zh: Option<String>,
    /// The indicator's English name.
    pub name_en: Option<String>,
    /// The year (first year of a plan period).
    pub year: i32,
    /// Last year of a plan period.
    pub end_year: Option<i32>,
    /// `year`, `year_end`, `average` or `cumulative`.
    pub basis: String,
    /// `target` or `outcome`.
    pub kind: String,
    /// The comparator code.
    pub comparator: String,
    /// The published mantissa of the value.
    pub value: Option<String>,
    /// Power of ten of the value.
    pub exponent: Option<i32>,
    /// Unit code.
    pub unit: Option<String>,
    /// The unit as written.
    pub unit_text: Option<String>,
    /// A range's lower bound.
    pub lower: Option<String>,
    /// Power of ten of the lower bound.
    pub lower_exponent: Option<i32>,
    /// A range's upper bound.
    pub upper: Option<String>,
    /// Power of ten of the upper bound.
    pub upper_exponent: Option<i32>,
    /// The value in the base unit.
    pub value_base: Option<String>,
    /// The lower bound in the base unit.
    pub lower_base: Option<String>,
    /// The upper bound in the base unit.
    pub upper_base: Option<String>,
    /// The value's mantissa signed by the direction.
    pub signed_value: Option<String>,
    /// Direction code.
    pub direction: Option<String>,
    /// The reference of a relational figure, as written.
    pub reference: Option<String>,
    /// The reference's catalogue id.
    pub reference_indicator: Option<String>,
    /// `same`, `above` or `below`.
    pub relation: Option<String>,
    /// The figure as written.
    pub text: String,
    /// The quote of the report.
    pub quote: Option<String>,
    /// The quote's start, in code points.
    pub start: Option<usize>,
    /// The quote's end, in code points.
    pub end: Option<usize>,
    /// An outcome's status.
    pub status: Option<String>,
}

fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    a.unit() == b.unit() && a.unit_text() == b.unit_text()
}

/// Whether a cell is a bare mantissa as `Decimal` writes it (digits, `.`, `-`).
fn is_mantissa(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// The columns of a figure: the flat form every table shares (see the [module
/// docs](self#figure-fields-every-table)).
///
/// ```
/// use planwatch::{parse_target, table::FigureColumns};
/// let c = FigureColumns::new(&parse_target("增长6%－6.5%").unwrap());
/// assert_eq!((c.comparator.as_str(), c.value, c.exponent), ("range", None, None));
/// assert_eq!((c.lower.as_deref(), c.upper.as_deref()), (Some("6"), Some("6.5")));
/// assert_eq!((c.lower_exponent, c.upper_exponent), (Some(0), Some(0)));
/// assert_eq!((c.unit.as_deref(), c.unit_text.as_deref()), (Some("percent"), Some("%")));
/// assert_eq!(c.direction.as_deref(), Some("increase"));
/// let c = FigureColumns::new(&parse_target("5000万-1亿元").unwrap());
/// assert_eq!((c.lower.as_deref(), c.lower_exponent, c.upper.as_deref(), c.upper_exponent),
///            (Some("5000"), Some(4), Some("1"), Some(8)));
/// assert_eq!((c.lower_base.as_deref(), c.upper_base.as_deref()), (Some("50000000"), Some("100000000")));
/// let c = FigureColumns::new(&parse_target("下降2%").unwrap());
/// assert_eq!((c.value.as_deref(), c.signed_value.as_deref()), (Some("2"), Some("-2")));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureColumns {
    /// The comparator code.
    pub comparator: String,
    /// The published mantissa of the value.
    pub value: Option<String>,
    /// Power of ten of the value's magnitude word.
    pub exponent: Option<i32>,
    /// Unit code of the first quantity.
    pub unit: Option<String>,
    /// The unit as written.
    pub unit_text: Option<String>,
    /// A range's lower bound: its mantissa, or the bound in full when in another unit.
    pub lower: Option<String>,
    /// Power of ten of the lower bound.
    pub lower_exponent: Option<i32>,
    /// A range's upper bound: its mantissa, or the bound in full when in another unit.
    pub upper: Option<String>,
    /// Power of ten of the upper bound.
    pub upper_exponent: Option<i32>,
    /// The value in the base unit, exactly.
    pub value_base: Option<String>,
    /// The lower bound in the base unit, exactly.
    pub lower_base: Option<String>,
    /// The upper bound in the base unit, exactly.
    pub upper_base: Option<String>,
    /// The value's mantissa signed by the direction (`下降2%`: `-2`).
    pub signed_value: Option<String>,
    /// Direction code.
    pub direction: Option<String>,
    /// The reference of a relational figure, as written.
    pub reference: Option<String>,
    /// The reference's catalogue id.
    pub reference_indicator: Option<String>,
    /// `same`, `above` or `below`.
    pub relation: Option<String>,
    /// The figure as written.
    pub text: String,
}

/// A quantity's mantissa, exponent and base value; a quantity in another unit than `anchor` is
/// written in full, without exponent or base.
fn quantity_cells(
    q: Option<&Quantity>,
    anchor: Option<&Quantity>,
) -> (Option<String>, Option<i32>, Option<String>) {
    match (q, anchor) {
        (None, _) => (None, None, None),
        (Some(q), Some(a)) if !same_unit(a, q) => (Some(q.to_string()), None, None),
        (Some(q), _) => (
            Some(q.value().to_string()),
            Some(q.exponent()),
            q.to_base().ok().map(|d| d.to_string()),
        ),
    }
}

impl FigureColumns {
    /// The columns of a figure.
    ///
    /// ```
    /// use planwatch::{parse_target, table::FigureColumns};
    /// let c = FigureColumns::new(&parse_target("1200万人以上").unwrap());
    /// assert_eq!((c.comparator.as_str(), c.value.as_deref(), c.exponent), ("at_least", Some("1200"), Some(4)));
    /// assert_eq!((c.unit.as_deref(), c.unit_text.as_deref()), (Some("person"), Some("人")));
    /// assert_eq!(c.value_base.as_deref(), Some("12000000"));
    /// ```
    pub fn new(figure: &Figure) -> Self {
        let anchor = figure
            .value
            .as_ref()
            .or(figure.lower.as_ref())
            .or(figure.upper.as_ref());
        let (value, exponent, value_base) = quantity_cells(figure.value.as_ref(), anchor);
        let (lower, lower_exponent, lower_base) = quantity_cells(figure.lower.as_ref(), anchor);
        let (upper, upper_exponent, upper_base) = quantity_cells(figure.upper.as_ref(), anchor);
        FigureColumns {
            comparator: figure.comparator.code().to_string(),
            value,
            exponent,
            unit: anchor.map(|q| q.unit().code().to_string()),
            unit_text: anchor.map(|q| q.unit_text().to_string()),
            lower,
            lower_exponent,
            upper,
            upper_exponent,
            value_base,
            lower_base,
            upper_base,
            signed_value: figure.signed_value().map(|q| q.value().to_string()),
            direction: figure.direction.map(|d| d.code().to_string()),
            reference: figure.reference.as_ref().map(|r| r.text.clone()),
            reference_indicator: figure.reference.as_ref().and_then(|r| r.indicator.clone()),
            relation: figure
                .reference
                .as_ref()
                .map(|r| r.relation.code().to_string()),
            text: figure.text.clone(),
        }
    }

    /// The figure cells in schema order: `comparator` … `relation` (without `text`).
    fn cells(&self) -> [Cell<'_>; 17] {
        [
            Cell::Text(Some(&self.comparator)),
            d(&self.value),
            int(self.exponent),
            t(&self.unit),
            t(&self.unit_text),
            d(&self.lower),
            int(self.lower_exponent),
            d(&self.upper),
            int(self.upper_exponent),
            d(&self.value_base),
            d(&self.lower_base),
            d(&self.upper_base),
            d(&self.signed_value),
            t(&self.direction),
            t(&self.reference),
            t(&self.reference_indicator),
            t(&self.relation),
        ]
    }
}

fn int<T: TryInto<i64>>(n: Option<T>) -> Cell<'static> {
    Cell::Integer(n.and_then(|n| n.try_into().ok()))
}

fn t(s: &Option<String>) -> Cell<'_> {
    Cell::Text(s.as_deref())
}

fn d(s: &Option<String>) -> Cell<'_> {
    Cell::Decimal(s.as_deref())
}

impl TableRow for Row {
    const SCHEMA: &'static [(&'static str, Kind)] = RECORD_SCHEMA;
    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(Some(&self.document)),
            Cell::Text(Some(&self.indicator)),
            t(&self.name_zh),
            t(&self.name_en),
            int(Some(self.year)),
            int(self.end_year),
            Cell::Text(Some(&self.basis)),
            Cell::Text(Some(&self.kind)),
            Cell::Text(Some(&self.comparator)),
            d(&self.value),
            int(self.exponent),
            t(&self.unit),
            t(&self.unit_text),
            d(&self.lower),
            int(self.lower_exponent),
            d(&self.upper),
            int(self.upper_exponent),
            d(&self.value_base),
            d(&self.lower_base),
            d(&self.upper_base),
            d(&self.signed_value),
            t(&self.direction),
            t(&self.reference),
            t(&self.reference_indicator),
            t(&self.relation),
            Cell::Text(Some(&self.text)),
            t(&self.quote),
            int(self.start),
            int(self.end),
            t(&self.status),
        ]
    }
}

/// One target or outcome, seen uniformly.
struct Record<'a> {
    kind: &'a str,
    indicator: &'a str,
    period: &'a crate::document::Period,
    figure: &'a Figure,
    status: Option<String>,
    provenance: Option<&'a Provenance>,
}

fn names_of(ind: Option<&Indicator>) -> (Option<String>, Option<String>) {
    (
        ind.map(|i| i.name_zh.clone()),
        ind.map(|i| i.name_en.clone()),
    )
}

fn row(
    rec: Record<'_>,
    document: &str,
    catalogue: &Catalogue,
    span: Option<(usize, usize)>,
) -> Row {
    let Record {
        kind,
        indicator,
        period,
        figure,
        status,
        provenance,
    } = rec;
    let (name_zh, name_en) = names_of(catalogue.get(indicator));
    let FigureColumns {
        comparator,
        value,
        exponent,
        unit,
        unit_text,
        lower,
        lower_exponent,
        upper,
        upper_exponent,
        value_base,
        lower_base,
        upper_base,
        signed_value,
        direction,
        reference,
        reference_indicator,
        relation,
        text,
    } = FigureColumns::new(figure);
    Row {
        document: document.to_string(),
        indicator: indicator.to_string(),
        name_zh,
        name_en,
        year: period.year,
        end_year: period.end_year,
        basis: period.basis.code().to_string(),
        kind: kind.to_string(),
        comparator,
        value,
        exponent,
        unit,
        unit_text,
        lower,
        lower_exponent,
        upper,
        upper_exponent,
        value_base,
        lower_base,
        upper_base,
        signed_value,
        direction,
        reference,
        reference_indicator,
        relation,
        text,
        quote: provenance.map(|p| p.quote.clone()),
        start: span.map(|s| s.0),
        end: span.map(|s| s.1),
        status,
    }
}

/// Every target and outcome of `ds` as rows, targets first, each in dataset order, with names
/// from `catalogue`. Offsets are code points of `ds.text` (absent when the dataset has no text),
/// converted through one [`CharIndex`]: linear in the text and the records.
///
/// ```
/// let json = r#"{
///   "document": {"id": "demo-2024", "title": "示例计划报告", "issuer": "示例发展改革委",
///                "kind": "provincial_report", "jurisdiction": "440000"},
///   "targets": [{"indicator": "gdp_growth", "period": {"year": 2024},
///                "figure": {"comparator": "around", "value": {"value": "5", "unit": "percent"},
///                           "direction": "increase", "text": "增长5%左右"}}],
///   "outcomes": [{"indicator": "gdp_growth", "period": {"year": 2023},
///                 "figure": {"comparator": "exact", "value": {"value": "5.20", "unit": "percent"},
///                            "direction": "increase", "text": "增长5.20%"}}]
/// }"#;
/// let ds = planwatch::dataset::Dataset::from_json(json, None).unwrap();
/// let rows = planwatch::table::rows(&ds, &planwatch::builtin::catalogue_for(&ds));
/// let kinds: Vec<(&str, i32, &str)> =
///     rows.iter().map(|r| (r.kind.as_str(), r.year, r.text.as_str())).collect();
/// assert_eq!(kinds, [("target", 2024, "增长5%左右"), ("outcome", 2023, "增长5.20%")]);
/// assert_eq!(rows[0].name_en.as_deref(), Some("GDP growth"));
/// assert_eq!((rows[0].document.as_str(), rows[0].status.as_deref()), ("demo-2024", None));
/// ```
pub fn rows(ds: &Dataset, catalogue: &Catalogue) -> Vec<Row> {
    let chars = CharIndex::new(ds.text.as_deref().unwrap_or(""));
    iter_record_rows(
        &ds.targets,
        &ds.outcomes,
        &ds.document.id,
        catalogue,
        |p: &Provenance| chars.span(p),
    )
    .collect()
}

/// The rows of [`rows`], one at a time, of `targets` and then `outcomes` of document
/// `document`: a caller that writes each row as it comes holds one row, not the table. `span`
/// gives a provenance's code-point offsets (absent when it gives none), such as
/// [`CharIndex::span`] over the text.
///
/// ```
/// use planwatch::document::{CharIndex, Provenance};
/// let text = "二、2024年主要预期目标 国内生产总值增长5%左右。";
/// let x = planwatch::builtin::extractor().document(text, "doc");
/// let chars = CharIndex::new(text);
/// let cat = planwatch::builtin::catalogue();
/// let mut rows =
///     planwatch::table::iter_record_rows(&x.targets, &x.outcomes, "doc", cat, |p: &Provenance| chars.span(p));
/// let r = rows.next().unwrap();
/// assert_eq!((r.indicator.as_str(), r.quote.as_deref(), r.start, r.end),
///            ("gdp_growth", Some("主要预期目标 国内生产总值增长5%左右"), Some(7), Some(26)));
/// assert!(rows.next().is_none());
/// ```
pub fn iter_record_rows<'a>(
    targets: &'a [Target],
    outcomes: &'a [Outcome],
    document: &'a str,
    catalogue: &'a Catalogue,
    span: impl Fn(&Provenance) -> Option<(usize, usize)> + 'a,
) -> impl Iterator<Item = Row> + 'a {
    let targets = targets.iter().map(|t| Record {
        kind: "target",
        indicator: &t.indicator,
        period: &t.period,
        figure: &t.figure,
        status: None,
        provenance: t.provenance.as_ref(),
    });
    let outcomes = outcomes.iter().map(|o| Record {
        kind: "outcome",
        indicator: &o.indicator,
        period: &o.period,
        figure: &o.figure,
        status: Some(o.status.code().to_string()),
        provenance: o.provenance.as_ref(),
    });
    targets.chain(outcomes).map(move |r| {
        let at = r.provenance.and_then(&span);
        row(r, document, catalogue, at)
    })
}

/// One row of the mention table: a figure found in a text, where it is (code points) and what
/// it means.
///
/// ```
/// use planwatch::table::mention_rows;
/// let text = "投资规模5000万-1亿元，国内生产总值增长5%左右";
/// let rows = mention_rows(text, &planwatch::builtin::extract(text), planwatch::builtin::catalogue());
/// let r = &rows[0];
/// assert_eq!((r.text.as_str(), r.start, r.end), ("5000万-1亿元", 4, 13));
/// let f = &r.figure;
/// assert_eq!((f.lower.as_deref(), f.lower_exponent, f.upper.as_deref(), f.upper_exponent),
///            (Some("5000"), Some(4), Some("1"), Some(8)));
/// assert_eq!(rows[1].name_en.as_deref(), Some("GDP growth"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRow {
    /// The figure as written.
    pub text: String,
    /// Code-point offset of the figure.
    pub start: usize,
    /// Code-point offset one past the figure.
    pub end: usize,
    /// `target`, `outcome` or `other`.
    pub kind: String,
    /// Catalogue id of the indicator, when known.
    pub indicator: Option<String>,
    /// The indicator's Chinese name in the catalogue used.
    pub name_zh: Option<String>,
    /// The indicator's English name in the catalogue used.
    pub name_en: Option<String>,
    /// The subject phrase.
    pub subject: Option<String>,
    /// Code-point span of the subject phrase.
    pub subject_span: Option<(usize, usize)>,
    /// The year the figure speaks of.
    pub year: Option<i32>,
    /// The last year of a plan period.
    pub end_year: Option<i32>,
    /// The basis, where the text gives one.
    pub basis: Option<String>,
    /// The figure's columns (its `text` is the parsed figure's).
    pub figure: FigureColumns,
}

impl MentionRow {
    /// The row of a mention whose code-point spans are known (`span` of the figure,
    /// `subject_span` of the subject), with names from `catalogue`.
    ///
    /// ```
    /// use planwatch::table::MentionRow;
    /// let m = &planwatch::builtin::extract("城镇新增就业1200万人以上")[0];
    /// let r = MentionRow::new(m, (6, 14), None, &planwatch::indicator::Catalogue::default());
    /// assert_eq!((r.indicator.as_deref(), r.name_en), (Some("urban_new_jobs"), None));
    /// ```
    pub fn new(
        mention: &Mention,
        span: (usize, usize),
        subject_span: Option<(usize, usize)>,
        catalogue: &Catalogue,
    ) -> Self {
        let (name_zh, name_en) =
            names_of(mention.indicator.as_deref().and_then(|i| catalogue.get(i)));
        MentionRow {
            text: mention.text.clone(),
            start: span.0,
            end: span.1,
            kind: mention.kind.code().to_string(),
            indicator: mention.indicator.clone(),
            name_zh,
            name_en,
            subject: mention.subject.clone(),
            subject_span,
            year: mention.year,
            end_year: mention.end_year,
            basis: mention.basis.map(|b| b.code().to_string()),
            figure: FigureColumns::new(&mention.figure),
        }
    }
}

impl TableRow for MentionRow {
    const SCHEMA: &'static [(&'static str, Kind)] = MENTION_SCHEMA;
    fn cells(&self) -> Vec<Cell<'_>> {
        let mut out = vec![
            Cell::Text(Some(&self.text)),
            int(Some(self.start)),
            int(Some(self.end)),
            Cell::Text(Some(&self.kind)),
            Cell::Text(self.indicator.as_deref()),
            Cell::Text(self.name_zh.as_deref()),
            Cell::Text(self.name_en.as_deref()),
            Cell::Text(self.subject.as_deref()),
            int(self.subject_span.map(|s| s.0)),
            int(self.subject_span.map(|s| s.1)),
            int(self.year),
            int(self.end_year),
            Cell::Text(self.basis.as_deref()),
        ];
        out.extend(self.figure.cells());
        out
    }
}

/// The mentions of `text` as rows, in order, with names from `catalogue`; byte spans become
/// code points through one [`CharIndex`] (a span off the text's character boundaries, which
/// the extractor never gives, becomes 0).
///
/// ```
/// let text = "城镇新增就业1244万人";
/// let rows = planwatch::table::mention_rows(text, &planwatch::builtin::extract(text), planwatch::builtin::catalogue());
/// assert_eq!((rows[0].start, rows[0].end, rows[0].figure.value_base.as_deref()), (6, 12, Some("12440000")));
/// ```
pub fn mention_rows(text: &str, mentions: &[Mention], catalogue: &Catalogue) -> Vec<MentionRow> {
    let chars = CharIndex::new(text);
    iter_mention_rows(mentions, catalogue, |b: usize| {
        chars.char_offset(b).unwrap_or(0)
    })
    .collect()
}

/// The rows of [`mention_rows`], one at a time: a caller that writes each row as it comes
/// holds one row, not the table. `at` gives the code-point offset of a byte offset of the text,
/// such as [`CharIndex::char_offset`] over it.
///
/// ```
/// use planwatch::document::CharIndex;
/// let text = "城镇新增就业1244万人";
/// let ms = planwatch::builtin::extract(text);
/// let chars = CharIndex::new(text);
/// let cat = planwatch::builtin::catalogue();
/// let mut rows = planwatch::table::iter_mention_rows(&ms, cat, |b| chars.char_offset(b).unwrap_or(0));
/// let r = rows.next().unwrap();
/// assert_eq!((r.start, r.end, r.subject_span), (6, 12, Some((0, 6))));
/// assert!(rows.next().is_none());
/// ```
pub fn iter_mention_rows<'a>(
    mentions: &'a [Mention],
    catalogue: &'a Catalogue,
    at: impl Fn(usize) -> usize + 'a,
) -> impl Iterator<Item = MentionRow> + 'a {
    mentions.iter().map(move |m| {
        let subject = m.subject_span.as_ref().map(|s| (at(s.start), at(s.end)));
        MentionRow::new(m, (at(m.span.start), at(m.span.end)), subject, catalogue)
    })
}

/// One row of the scorecard table: the [`ScoreRow`] flattened, with numbers a frame can
/// compute with. Target and outcome mantissas are each on their own exponent (see the
/// [module docs](self#figure-fields-every-table)); `target_value` and `outcome_value` are
/// signed by the direction (a `下降2%` is `-2`). `margin` is in `margin_unit` at
/// `margin_exponent` (`percentage_point` for % targets, else the target's unit and magnitude),
/// positive on the good side; `label` is [`ScoreRow::label`].
///
/// ```
/// use planwatch::assess::Policy;
/// use planwatch::{builtin, scorecard::scorecard, table::scorecard_rows};
/// let card = scorecard(&builtin::dataset(), builtin::catalogue(), &Policy::default());
/// let rows = scorecard_rows(&card, builtin::catalogue());
/// let jobs = rows.iter().find(|r| r.indicator == "urban_new_jobs" && r.year == 2023).unwrap();
/// assert_eq!((jobs.target_value.as_deref(), jobs.target_exponent, jobs.outcome_value.as_deref()),
///            (Some("1200"), Some(4), Some("1244")));
/// assert_eq!((jobs.margin.as_deref(), jobs.margin_exponent, jobs.margin_unit.as_deref()),
///            (Some("44"), Some(4), Some("person")));
/// assert_eq!((jobs.desired.as_deref(), jobs.label.as_str()), (Some("higher_better"), "exceeded (+44万人) = stated"));
/// let cpi = rows.iter().find(|r| r.indicator == "cpi_change" && r.year == 2023).unwrap();
/// assert_eq!((cpi.margin_unit.as_deref(), cpi.desired.as_deref()), (Some("percentage_point"), Some("lower_better")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScorecardRow {
    /// Catalogue id.
    pub indicator: String,
    /// The indicator's Chinese name.
    pub name_zh: Option<String>,
    /// The indicator's English name.
    pub name_en: Option<String>,
    /// The indicator's category.
    pub category: Option<String>,
    /// `higher_better`, `lower_better`, `band` or `neutral`.
    pub desired: Option<String>,
    /// The year.
    pub year: i32,
    /// The last year of a plan period.
    pub end_year: Option<i32>,
    /// The basis.
    pub basis: String,
    /// The target as written.
    pub target: Option<String>,
    /// The target's comparator.
    pub comparator: Option<String>,
    /// The target's value, signed.
    pub target_value: Option<String>,
    /// Power of ten of `target_value`.
    pub target_exponent: Option<i32>,
    /// The target's lower bound.
    pub target_lower: Option<String>,
    /// Power of ten of `target_lower`.
    pub target_lower_exponent: Option<i32>,
    /// The target's upper bound.
    pub target_upper: Option<String>,
    /// Power of ten of `target_upper`.
    pub target_upper_exponent: Option<i32>,
    /// The target's unit code.
    pub target_unit: Option<String>,
    /// The outcome as written.
    pub outcome: Option<String>,
    /// The outcome's value, signed.
    pub outcome_value: Option<String>,
    /// Power of ten of `outcome_value`.
    pub outcome_exponent: Option<i32>,
    /// The outcome's unit code.
    pub outcome_unit: Option<String>,
    /// The reference outcome's indicator (relational targets).
    pub reference: Option<String>,
    /// The reference outcome as written.
    pub reference_outcome: Option<String>,
    /// The row's verdict ([`ScoreRow::verdict`]).
    pub verdict: Option<String>,
    /// `assessed` or `stated`.
    pub verdict_source: Option<String>,
    /// The stated verdict.
    pub stated: Option<String>,
    /// Why the verdict is `not_assessable`.
    pub reason: Option<String>,
    /// The margin.
    pub margin: Option<String>,
    /// Power of ten of the margin.
    pub margin_exponent: Option<i32>,
    /// The margin's unit code.
    pub margin_unit: Option<String>,
    /// The verdict as reports print it.
    pub label: String,
}

fn signed_mantissa(f: &Figure) -> Option<String> {
    f.signed_value().map(|q| q.value().to_string())
}

impl ScorecardRow {
    /// The row of a scorecard line, with names, category and desired direction from
    /// `catalogue`.
    ///
    /// ```
    /// use planwatch::{document::Period, scorecard::ScoreRow, table::ScorecardRow};
    /// let row = ScoreRow { indicator: "mine".into(), period: Period::year(2023), target: None,
    ///     outcome: None, reference: None, assessment: None, stated: None };
    /// let r = ScorecardRow::new(&row, planwatch::builtin::catalogue());
    /// assert_eq!((r.name_en, r.verdict, r.label.as_str()), (None, None, "—"));
    /// ```
    pub fn new(row: &ScoreRow, catalogue: &Catalogue) -> Self {
        let ind = catalogue.get(&row.indicator);
        let (name_zh, name_en) = names_of(ind);
        let target = row.target.as_ref().map(|t| &t.figure);
        let tc = target.map(FigureColumns::new);
        let outcome = row.outcome.as_ref().map(|o| &o.figure);
        let a = row.assessment.as_ref();
        let margin_scale = a
            .and_then(|a| a.band.as_ref())
            .and_then(|b| b.lower.as_ref().or(b.upper.as_ref()))
            .or_else(|| target.and_then(|f| f.value.as_ref().or(f.lower.as_ref())));
        let margin = a.and_then(|a| a.margin);
        let (margin_exponent, margin_unit) = match (margin, margin_scale) {
            (Some(_), Some(q)) if matches!(q.unit(), Unit::Percent | Unit::PercentagePoint) => {
                (Some(0), Some(Unit::PercentagePoint.code().to_string()))
            }
            (Some(_), Some(q)) => (Some(q.exponent()), Some(q.unit().code().to_string())),
            _ => (None, None),
        };
        let outcome_q =
            outcome.and_then(|f| f.value.as_ref().or(f.lower.as_ref()).or(f.upper.as_ref()));
        ScorecardRow {
            indicator: row.indicator.clone(),
            name_zh,
            name_en,
            category: ind.map(|i| i.category.clone()),
            desired: a
                .map(|a| a.desired)
                .or(ind.map(|i| i.desired))
                .map(|d| d.code().to_string()),
            year: row.period.year,
            end_year: row.period.end_year,
            basis: row.period.basis.code().to_string(),
            target: target.map(|f| f.text.clone()),
            comparator: target.map(|f| f.comparator.code().to_string()),
            target_value: target.and_then(signed_mantissa),
            target_exponent: tc.as_ref().and_then(|c| c.exponent),
            target_lower: tc
                .as_ref()
                .and_then(|c| c.lower_exponent.and(c.lower.clone())),
            target_lower_exponent: tc.as_ref().and_then(|c| c.lower_exponent),
            target_upper: tc
                .as_ref()
                .and_then(|c| c.upper_exponent.and(c.upper.clone())),
            target_upper_exponent: tc.as_ref().and_then(|c| c.upper_exponent),
            target_unit: tc.as_ref().and_then(|c| c.unit.clone()),
            outcome: outcome.map(|f| f.text.clone()),
            outcome_value: outcome.and_then(signed_mantissa),
            outcome_exponent: outcome
                .and_then(|f| f.value.as_ref())
                .map(Quantity::exponent),
            outcome_unit: outcome_q.map(|q| q.unit().code().to_string()),
            reference: row.reference.as_ref().map(|o| o.indicator.clone()),
            reference_outcome: row.reference.as_ref().map(|o| o.figure.text.clone()),
            verdict: row.verdict().map(|v| v.code().to_string()),
            verdict_source: match (&row.assessment, &row.stated) {
                (Some(_), _) => Some("assessed".into()),
                (None, Some(_)) => Some("stated".into()),
                _ => None,
            },
            stated: row.stated.as_ref().map(|s| s.verdict.code().to_string()),
            reason: a.and_then(|a| a.reason).map(|r| r.code().to_string()),
            margin: margin.map(|m| m.to_string()),
            margin_exponent,
            margin_unit,
            label: row.label(),
        }
    }
}

impl TableRow for ScorecardRow {
    const SCHEMA: &'static [(&'static str, Kind)] = SCORECARD_SCHEMA;
    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(Some(&self.indicator)),
            t(&self.name_zh),
            t(&self.name_en),
            t(&self.category),
            t(&self.desired),
            int(Some(self.year)),
            int(self.end_year),
            Cell::Text(Some(&self.basis)),
            t(&self.target),
            t(&self.comparator),
            d(&self.target_value),
            int(self.target_exponent),
            d(&self.target_lower),
            int(self.target_lower_exponent),
            d(&self.target_upper),
            int(self.target_upper_exponent),
            t(&self.target_unit),
            t(&self.outcome),
            d(&self.outcome_value),
            int(self.outcome_exponent),
            t(&self.outcome_unit),
            t(&self.reference),
            t(&self.reference_outcome),
            t(&self.verdict),
            t(&self.verdict_source),
            t(&self.stated),
            t(&self.reason),
            d(&self.margin),
            int(self.margin_exponent),
            t(&self.margin_unit),
            Cell::Text(Some(&self.label)),
        ]
    }
}

/// The scorecard as rows, one per [`ScoreRow`], with names from `catalogue`.
///
/// ```
/// use planwatch::assess::Policy;
/// use planwatch::{builtin, scorecard::scorecard, table};
/// let card = scorecard(&builtin::dataset(), builtin::catalogue(), &Policy::default());
/// let rows = table::scorecard_rows(&card, builtin::catalogue());
/// assert_eq!(rows.len(), card.len());
/// assert!(table::to_csv(&rows).starts_with("indicator,name_zh,name_en,category,desired,"));
/// ```
pub fn scorecard_rows(card: &[ScoreRow], catalogue: &Catalogue) -> Vec<ScorecardRow> {
    card.iter()
        .map(|r| ScorecardRow::new(r, catalogue))
        .collect()
}

/// The jurisdiction columns of a panel row: the code, the Chinese and English names and the
/// tier (`national`, `provincial`) of [`Jurisdiction::from_code`]; names and tier are empty for
/// a code that is neither `CN` nor a province's.
///
/// ```
/// use planwatch::table::JurisdictionColumns;
/// let gx = JurisdictionColumns::new("450000");
/// assert_eq!((gx.name.as_deref(), gx.name_en.as_deref(), gx.level.as_deref()),
///            (Some("广西壮族自治区"), Some("Guangxi"), Some("provincial")));
/// assert_eq!(JurisdictionColumns::new("XX").level, None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JurisdictionColumns {
    /// `CN` or the GB/T 2260 code.
    pub code: String,
    /// The full Chinese name (`广东省`).
    pub name: Option<String>,
    /// The English name.
    pub name_en: Option<String>,
    /// `national` or `provincial` ([`crate::jurisdiction::Level::tier`]).
    pub level: Option<String>,
}

impl JurisdictionColumns {
    /// The columns of the jurisdiction with this code.
    pub fn new(code: &str) -> Self {
        let j = Jurisdiction::from_code(code);
        JurisdictionColumns {
            code: code.to_string(),
            name: j.map(|j| j.name_zh.to_string()),
            name_en: j.map(|j| j.name_en.to_string()),
            level: j.map(|j| j.level.tier().to_string()),
        }
    }

    fn cells(&self) -> [Cell<'_>; 4] {
        [
            Cell::Text(Some(&self.code)),
            t(&self.name),
            t(&self.name_en),
            t(&self.level),
        ]
    }
}

/// A figure as numbers to compute with, in the base unit and signed by its direction (`下降2%`
/// is −2): `(point, lower, upper)`. The point is the value, or the middle of a range, or a
/// range's one bound; `lower` and `upper` are a range's bounds (the smaller first), absent for a
/// single value. A bound in another unit than the other, a relational or qualitative figure,
/// have no point.
///
/// ```
/// use planwatch::{parse_target, table::figure_point};
/// let s = |f: &str| {
///     let (p, l, u) = figure_point(&parse_target(f).unwrap());
///     (p.map(|d| d.to_string()), l.map(|d| d.to_string()), u.map(|d| d.to_string()))
/// };
/// let some = |x: &str| Some(x.to_string());
/// assert_eq!(s("增长5%左右"), (some("5"), None, None));
/// assert_eq!(s("增长6%－6.5%"), (some("6.25"), some("6"), some("6.5")));
/// assert_eq!(s("下降2%"), (some("-2"), None, None));
/// assert_eq!(s("1200万人以上"), (some("12000000"), None, None));
/// assert_eq!(s("5000万-1亿元"), (some("75000000"), some("50000000"), some("100000000")));
/// assert_eq!(s("基本平衡"), (None, None, None));
/// ```
pub fn figure_point(figure: &Figure) -> (Option<Decimal>, Option<Decimal>, Option<Decimal>) {
    let down = figure.direction == Some(Direction::Decrease);
    let base = |q: &Quantity| q.to_base().ok().map(|d| if down { -d } else { d });
    match (&figure.value, &figure.lower, &figure.upper) {
        (Some(v), _, _) => (base(v), None, None),
        (None, Some(l), Some(u)) if same_unit(l, u) => match (base(l), base(u)) {
            (Some(a), Some(b)) => {
                let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
                let mid = lo
                    .checked_add(hi)
                    .and_then(|s| s.checked_div(Decimal::TWO))
                    .map(|m| m.normalize());
                (mid, Some(lo), Some(hi))
            }
            _ => (None, None, None),
        },
        (None, Some(b), None) | (None, None, Some(b)) => (base(b), None, None),
        _ => (None, None, None),
    }
}

/// One row of the panel record table: a target or an outcome of one of the panel's documents,
/// with its jurisdiction, its numbers to compute with, its precedence and — for the target a
/// scorecard uses — its verdict. Columns: [`PANEL_FIELDS`].
///
/// * `jurisdiction`, `jurisdiction_name`, `jurisdiction_name_en`, `level`: see
///   [`JurisdictionColumns`].
/// * the record table's fields ([`Row`]), `document` first.
/// * `desired`: the indicator's desired direction in the catalogue (`higher_better`,
///   `lower_better`, `band`, `neutral`): whether a target is a floor or a ceiling.
/// * `point`, `point_lower`, `point_upper`: [`figure_point`] (base unit, signed).
/// * `rank`: the record's place in the panel's precedence among the records of its
///   jurisdiction, indicator and period (basis included): 0 is the one a scorecard uses (see
///   [`crate::panel`]); 1, 2 … restatements and earlier figures.
/// * `verdict`, `margin`, `margin_exponent`, `margin_unit`: of the [`Panel::scorecard`] row
///   whose target this is (see [`ScorecardRow`]); empty for outcomes and for targets the
///   scorecard does not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelRecordRow {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionColumns,
    /// The record's row of the record table.
    pub record: Row,
    /// The indicator's desired direction.
    pub desired: Option<String>,
    /// The figure as one number, in the base unit, signed.
    pub point: Option<String>,
    /// A range's lower bound, in the base unit, signed.
    pub point_lower: Option<String>,
    /// A range's upper bound, in the base unit, signed.
    pub point_upper: Option<String>,
    /// The place in the panel's precedence (0: the one a scorecard uses).
    pub rank: usize,
    /// The scorecard verdict of the target.
    pub verdict: Option<String>,
    /// The margin of the verdict.
    pub margin: Option<String>,
    /// Power of ten of the margin.
    pub margin_exponent: Option<i32>,
    /// The margin's unit code.
    pub margin_unit: Option<String>,
}

impl TableRow for PanelRecordRow {
    const SCHEMA: &'static [(&'static str, Kind)] = PANEL_SCHEMA;
    fn cells(&self) -> Vec<Cell<'_>> {
        let mut out = Vec::with_capacity(PANEL_LEN);
        out.extend(self.jurisdiction.cells());
        out.extend(self.record.cells());
        out.extend([
            t(&self.desired),
            d(&self.point),
            d(&self.point_lower),
            d(&self.point_upper),
            int(Some(self.rank)),
            t(&self.verdict),
            d(&self.margin),
            int(self.margin_exponent),
            t(&self.margin_unit),
        ]);
        out
    }
}

/// The position of `record` among `list` (precedence order) of those with its period; 0 when
/// it is not found (it always is: the list is the panel's own).
fn rank_in<T>(
    list: &[crate::panel::Sourced<'_, T>],
    record: &T,
    period_of: impl Fn(&T) -> crate::document::Period,
) -> usize {
    list.iter()
        .filter(|s| period_of(s.record) == period_of(record))
        .position(|s| std::ptr::eq(s.record, record))
        .unwrap_or(0)
}

/// Every target and outcome of every document of `panel`, document by document (targets, then
/// outcomes, each in dataset order, as [`rows`]), with jurisdiction, points, precedence rank and
/// the verdicts of the panel scorecard under `policy`; names and desired directions from
/// `catalogue` (usually [`Panel::catalogue_over`] the built-in one). Linear in the records.
///
/// ```
/// use planwatch::{assess::Policy, builtin, table::panel_rows};
/// let panel = builtin::panel();
/// let rows = panel_rows(panel, &panel.catalogue_over(builtin::catalogue()), &Policy::default());
/// // The 2023 target as the scorecard uses it (rank 0: the 2023 government work report's; the
/// // NDRC report's restatement is rank 1).
/// let jobs = rows.iter().find(|r| r.record.indicator == "urban_new_jobs" && r.record.year == 2023
///     && r.record.kind == "target" && r.rank == 0).unwrap();
/// assert_eq!((jobs.jurisdiction.code.as_str(), jobs.jurisdiction.level.as_deref()), ("CN", Some("national")));
/// assert_eq!((jobs.point.as_deref(), jobs.rank, jobs.verdict.as_deref()), (Some("12000000"), 0, Some("exceeded")));
/// assert_eq!((jobs.margin.as_deref(), jobs.margin_exponent, jobs.margin_unit.as_deref()), (Some("44"), Some(4), Some("person")));
/// assert_eq!(jobs.desired.as_deref(), Some("higher_better"));
/// ```
pub fn panel_rows(panel: &Panel, catalogue: &Catalogue, policy: &Policy) -> Vec<PanelRecordRow> {
    let card = panel.scorecard(catalogue, policy);
    // The scorecard rows by the document and key of their target.
    type CardKey<'a> = (&'a str, &'a str, &'a str, crate::document::Period);
    let mut by_target: std::collections::HashMap<CardKey<'_>, Vec<&PanelRow>> =
        std::collections::HashMap::new();
    for r in &card {
        if let (Some(doc), Some(t)) = (&r.target_document, &r.row.target) {
            by_target
                .entry((
                    r.jurisdiction.as_str(),
                    doc.as_str(),
                    t.indicator.as_str(),
                    t.period,
                ))
                .or_default()
                .push(r);
        }
    }
    let mut out = Vec::new();
    for ds in panel.datasets() {
        let doc = &ds.document;
        let j = JurisdictionColumns::new(&doc.jurisdiction);
        let table = rows(ds, catalogue);
        let n = ds.targets.len();
        for (i, record) in table.into_iter().enumerate() {
            let (figure, rank, scored) =
                match (ds.targets.get(i), ds.outcomes.get(i.wrapping_sub(n))) {
                    (Some(t), _) => {
                        let list = panel.targets_for(&doc.jurisdiction, &t.indicator, &t.period);
                        let rank = rank_in(&list, t, |t| t.period);
                        let scored = by_target
                            .get(&(
                                doc.jurisdiction.as_str(),
                                doc.id.as_str(),
                                t.indicator.as_str(),
                                t.period,
                            ))
                            .and_then(|rows| rows.iter().find(|r| r.row.target.as_ref() == Some(t)))
                            .map(|r| ScorecardRow::new(&r.row, catalogue));
                        (&t.figure, rank, scored)
                    }
                    (None, Some(o)) => {
                        let list = panel.outcomes_for(&doc.jurisdiction, &o.indicator, &o.period);
                        (&o.figure, rank_in(&list, o, |o| o.period), None)
                    }
                    (None, None) => continue,
                };
            let (point, lower, upper) = figure_point(figure);
            let desired = catalogue
                .get(&record.indicator)
                .map(|i| i.desired.code().to_string());
            let s = |d: Option<Decimal>| d.map(|d| d.to_string());
            out.push(PanelRecordRow {
                jurisdiction: j.clone(),
                desired,
                point: s(point),
                point_lower: s(lower),
                point_upper: s(upper),
                rank,
                verdict: scored.as_ref().and_then(|r| r.verdict.clone()),
                margin: scored.as_ref().and_then(|r| r.margin.clone()),
                margin_exponent: scored.as_ref().and_then(|r| r.margin_exponent),
                margin_unit: scored.as_ref().and_then(|r| r.margin_unit.clone()),
                record,
            });
        }
    }
    out
}

/// One row of the panel scorecard table: a [`PanelRow`] as the [`ScorecardRow`] of its score
/// row, with its jurisdiction before and the ids of its documents after. Columns:
/// [`PANEL_SCORECARD_FIELDS`].
///
/// ```
/// use planwatch::{assess::Policy, builtin, table::panel_scorecard_rows};
/// let panel = builtin::panel();
/// let cat = panel.catalogue_over(builtin::catalogue());
/// let rows = panel_scorecard_rows(&panel.scorecard(&cat, &Policy::default()), &cat);
/// let gdp = rows.iter().find(|r| r.row.indicator == "gdp_growth" && r.row.year == 2024).unwrap();
/// assert_eq!((gdp.jurisdiction.code.as_str(), gdp.row.target.as_deref()), ("CN", Some("5%左右")));
/// assert_eq!(gdp.target_document.as_deref(), Some("cn-gwr-2024"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelScorecardRow {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionColumns,
    /// The scorecard row.
    pub row: ScorecardRow,
    /// The id of the document the target comes from.
    pub target_document: Option<String>,
    /// The id of the document the outcome comes from.
    pub outcome_document: Option<String>,
    /// The id of the document the stated verdict comes from.
    pub stated_document: Option<String>,
}

impl PanelScorecardRow {
    /// The row of a panel scorecard line, names from `catalogue`.
    pub fn new(row: &PanelRow, catalogue: &Catalogue) -> Self {
        PanelScorecardRow {
            jurisdiction: JurisdictionColumns::new(&row.jurisdiction),
            row: ScorecardRow::new(&row.row, catalogue),
            target_document: row.target_document.clone(),
            outcome_document: row.outcome_document.clone(),
            stated_document: row.stated_document.clone(),
        }
    }
}

impl TableRow for PanelScorecardRow {
    const SCHEMA: &'static [(&'static str, Kind)] = PANEL_SCORECARD_SCHEMA;
    fn cells(&self) -> Vec<Cell<'_>> {
        let mut out = Vec::with_capacity(PANEL_SCORECARD_LEN);
        out.extend(self.jurisdiction.cells());
        out.extend(self.row.cells());
        out.extend([
            t(&self.target_document),
            t(&self.outcome_document),
            t(&self.stated_document),
        ]);
        out
    }
}

/// The panel scorecard as rows, one per [`PanelRow`], names from `catalogue`.
///
/// ```
/// use planwatch::{assess::Policy, builtin, table};
/// let panel = builtin::panel();
/// let cat = panel.catalogue_over(builtin::catalogue());
/// let card = panel.scorecard(&cat, &Policy::default());
/// let rows = table::panel_scorecard_rows(&card, &cat);
/// assert_eq!(rows.len(), card.len());
/// assert!(table::to_csv(&rows).starts_with("jurisdiction,jurisdiction_name,jurisdiction_name_en,level,indicator,"));
/// ```
pub fn panel_scorecard_rows(rows: &[PanelRow], catalogue: &Catalogue) -> Vec<PanelScorecardRow> {
    rows.iter()
        .map(|r| PanelScorecardRow::new(r, catalogue))
        .collect()
}

/// The rows as JSON lines (one object per line, `\n` after each): keys in schema order, absent
/// values `null`, whole numbers as numbers, decimals as strings.
///
/// ```
/// let json = r#"{
///   "document": {"id": "demo-2024", "title": "示例计划报告", "issuer": "示例发展改革委",
///                "kind": "provincial_report", "jurisdiction": "440000"},
///   "targets": [{"indicator": "gdp_growth", "period": {"year": 2024},
///                "figure": {"comparator": "around", "value": {"value": "5", "unit": "percent"},
///                           "direction": "increase", "text": "增长5%左右"}}],
///   "outcomes": [{"indicator": "gdp_growth", "period": {"year": 2023},
///                 "figure": {"comparator": "exact", "value": {"value": "5.20", "unit": "percent"},
///                            "direction": "increase", "text": "增长5.20%"}}]
/// }"#;
/// let ds = planwatch::dataset::Dataset::from_json(json, None).unwrap();
/// let rows = planwatch::table::rows(&ds, &planwatch::builtin::catalogue_for(&ds));
/// let jsonl = planwatch::table::to_jsonl(&rows);
/// assert_eq!(jsonl.lines().count(), 2);
/// assert!(jsonl.ends_with('\n'));
/// let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
/// assert_eq!((first["value"].as_str(), first["year"].as_i64()), (Some("5"), Some(2024)));
/// assert_eq!(first["end_year"], serde_json::Value::Null);
/// ```
pub fn to_jsonl<R: TableRow>(rows: &[R]) -> String {
    let mut out = String::new();
    for r in rows {
        out.push('{');
        for (i, ((name, _), cell)) in R::SCHEMA.iter().zip(r.cells()).enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(&mut out, name);
            out.push(':');
            match cell {
                Cell::Text(Some(s)) | Cell::Decimal(Some(s)) => push_json_str(&mut out, s),
                Cell::Integer(Some(n)) => out.push_str(&n.to_string()),
                _ => out.push_str("null"),
            }
        }
        out.push_str("}\n");
    }
    out
}

fn push_json_str(out: &mut String, s: &str) {
    // A string always serializes.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// Reads JSON lines written by [`to_jsonl`] for records; blank lines are skipped.
///
/// # Errors
/// A [`LoadError`] with the line and column of the first line that is not a row.
///
/// ```
/// let err = planwatch::table::from_jsonl("\n{\"document\": 1}").unwrap_err();
/// assert_eq!((err.line, err.column), (2, 14));
/// ```
pub fn from_jsonl(s: &str) -> Result<Vec<Row>, LoadError> {
    s.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| LoadError {
                path: None,
                line: i + 1,
                column: e.column(),
                message: e.to_string(),
            })
        })
        .collect()
}

/// One RFC 4180 field: quoted when it holds a comma, a quote, a line break or edge spaces.
fn csv_field(f: &str) -> String {
    let needs = f.contains([',', '"', '\r', '\n']) || f.starts_with(' ') || f.ends_with(' ');
    if needs {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

/// One RFC 4180 record (no line end): fields joined by commas, each quoted when it holds a
/// comma, a quote, a line break or edge spaces — the quoting every table of the crate uses.
/// (The tables also write an empty string as `""`, to tell it from a missing value.)
///
/// ```
/// assert_eq!(planwatch::table::csv_record(["a", "b,c", "say \"hi\"", ""]), "a,\"b,c\",\"say \"\"hi\"\"\",");
/// ```
pub fn csv_record<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    fields
        .into_iter()
        .map(csv_field)
        .collect::<Vec<_>>()
        .join(",")
}

/// The rows as RFC 4180 CSV with a header line: a missing value is a bare empty cell, an empty
/// string a quoted one (`""`).
///
/// ```
/// let json = r#"{
///   "document": {"id": "demo-2024", "title": "示例计划报告", "issuer": "示例发展改革委",
///                "kind": "provincial_report", "jurisdiction": "440000"},
///   "targets": [{"indicator": "gdp_growth", "period": {"year": 2024},
///                "figure": {"comparator": "around", "value": {"value": "5", "unit": "percent"},
///                           "direction": "increase", "text": "增长5%左右"}}],
///   "outcomes": [{"indicator": "gdp_growth", "period": {"year": 2023},
///                 "figure": {"comparator": "exact", "value": {"value": "5.20", "unit": "percent"},
///                            "direction": "increase", "text": "增长5.20%"}}]
/// }"#;
/// let ds = planwatch::dataset::Dataset::from_json(json, None).unwrap();
/// let rows = planwatch::table::rows(&ds, &planwatch::builtin::catalogue_for(&ds));
/// let csv = planwatch::table::to_csv(&rows);
/// let lines: Vec<&str> = csv.split("\r\n").collect();
/// assert_eq!(lines.len(), 4); // header, two rows, and the empty rest after the last CRLF
/// assert_eq!(
///     lines[1],
///     "demo-2024,gdp_growth,国内生产总值增长,GDP growth,2024,,year,target,around,5,0,percent,%,,,,,5,,,5,increase,,,,增长5%左右,,,,"
/// );
/// ```
pub fn to_csv<R: TableRow>(rows: &[R]) -> String {
    let mut out = csv_record(R::SCHEMA.iter().map(|(name, _)| *name));
    out.push_str("\r\n");
    for r in rows {
        let cells: Vec<String> = r
            .cells()
            .into_iter()
            .map(|c| match c {
                Cell::Text(Some("")) | Cell::Decimal(Some("")) => "\"\"".to_string(),
                Cell::Text(Some(s)) | Cell::Decimal(Some(s)) => csv_field(s),
                Cell::Integer(Some(n)) => n.to_string(),
                _ => String::new(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_error(line: usize, column: usize, message: impl Into<String>) -> LoadError {
    LoadError {
        path: None,
        line,
        column,
        message: message.into(),
    }
}

/// One CSV field and whether it was quoted.
type Field = (String, bool);

/// Splits RFC 4180 CSV into records of fields, each with the line it starts on.
fn split_csv(s: &str) -> Result<Vec<(usize, Vec<Field>)>, LoadError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut at_field_start = true;
    let (mut line, mut column, mut record_line) = (1usize, 0usize, 1usize);
    while let Some(c) = chars.next() {
        column += 1;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    column += 1;
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    column = 0;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                was_quoted = true;
                at_field_start = false;
            }
            '"' => return Err(csv_error(line, column, "a quote inside an unquoted field")),
            ',' => {
                record.push((std::mem::take(&mut field), was_quoted));
                was_quoted = false;
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push((std::mem::take(&mut field), was_quoted));
                was_quoted = false;
                records.push((record_line, std::mem::take(&mut record)));
                at_field_start = true;
                line += 1;
                column = 0;
                record_line = line;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(csv_error(line, column, "a quoted field is not closed"));
    }
    if !at_field_start || !field.is_empty() || !record.is_empty() {
        record.push((field, was_quoted));
        records.push((record_line, record));
    }
    Ok(records)
}

/// Splits RFC 4180 CSV into records of fields.
///
/// # Errors
/// A [`LoadError`] with line and column for a stray quote or an unclosed quoted field.
///
/// ```
/// let recs = planwatch::table::parse_csv("a,\"b,\"\"c\"\"\"\r\n1,2\r\n").unwrap();
/// assert_eq!(recs, vec![vec!["a".to_string(), "b,\"c\"".into()], vec!["1".into(), "2".into()]]);
/// assert_eq!(planwatch::table::parse_csv("a\nb\"c").unwrap_err().line, 2);
/// ```
pub fn parse_csv(s: &str) -> Result<Vec<Vec<String>>, LoadError> {
    Ok(split_csv(s)?
        .into_iter()
        .map(|(_, r)| r.into_iter().map(|(f, _)| f).collect())
        .collect())
}

/// A whole-number cell (empty: `None`); a number out of the column's range is an error, not an
/// empty cell.
fn parse_int<T>(line: usize, column: &str, s: &str) -> Result<Option<T>, LoadError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|e| {
        csv_error(
            line,
            1,
            format!("{column} {s:?} is not a whole number: {e}"),
        )
    })
}

/// Reads record CSV written by [`to_csv`]: a bare empty cell is a missing value, a quoted one
/// an empty string.
///
/// # Errors
/// A [`LoadError`] with the line of the first record that is not a row (wrong header, wrong
/// number of fields, a number that does not parse).
///
/// ```
/// let json = r#"{
///   "document": {"id": "demo-2024", "title": "示例计划报告", "issuer": "示例发展改革委",
///                "kind": "provincial_report", "jurisdiction": "440000"},
///   "targets": [{"indicator": "gdp_growth", "period": {"year": 2024},
///                "figure": {"comparator": "around", "value": {"value": "5", "unit": "percent"},
///                           "direction": "increase", "text": "增长5%左右"}}],
///   "outcomes": [{"indicator": "gdp_growth", "period": {"year": 2023},
///                 "figure": {"comparator": "exact", "value": {"value": "5.20", "unit": "percent"},
///                            "direction": "increase", "text": "增长5.20%"}}]
/// }"#;
/// let ds = planwatch::dataset::Dataset::from_json(json, None).unwrap();
/// let rows = planwatch::table::rows(&ds, &planwatch::builtin::catalogue_for(&ds));
/// use planwatch::table::{from_csv, to_csv};
/// assert_eq!(from_csv(&to_csv(&rows)).unwrap(), rows);
/// let err = from_csv("indicator,year\r\ngdp_growth,2024\r\n").unwrap_err();
/// assert_eq!(err.line, 1);
/// ```
pub fn from_csv(s: &str) -> Result<Vec<Row>, LoadError> {
    let records = split_csv(s)?;
    let mut it = records.into_iter();
    let (_, header) = it.next().ok_or_else(|| csv_error(1, 0, "no header"))?;
    let header: Vec<String> = header.into_iter().map(|(f, _)| f).collect();
    if header != FIELDS {
        return Err(csv_error(
            1,
            1,
            format!("unexpected header {header:?}; expected {FIELDS:?}"),
        ));
    }
    it.map(|(line, rec)| {
        let fields: [Field; 30] = rec.try_into().map_err(|r: Vec<Field>| {
            csv_error(
                line,
                1,
                format!("{} fields, expected {}", r.len(), FIELDS.len()),
            )
        })?;
        let [
            document,
            indicator,
            name_zh,
            name_en,
            year,
            end_year,
            basis,
            kind,
            comparator,
            value,
            exponent,
            unit,
            unit_text,
            lower,
            lower_exponent,
            upper,
            upper_exponent,
            value_base,
            lower_base,
            upper_base,
            signed_value,
            direction,
            reference,
            reference_indicator,
            relation,
            text,
            quote,
            start,
            end,
            status,
        ] = fields;
        let opt = |(s, quoted): Field| {
            if s.is_empty() && !quoted {
                None
            } else {
                Some(s)
            }
        };
        Ok(Row {
            document: document.0,
            indicator: indicator.0,
            name_zh: opt(name_zh),
            name_en: opt(name_en),
            year: parse_int(line, "year", &year.0)?
                .ok_or_else(|| csv_error(line, 1, "year is empty"))?,
            end_year: parse_int(line, "end_year", &end_year.0)?,
            basis: basis.0,
            kind: kind.0,
            comparator: comparator.0,
            value: opt(value),
            exponent: parse_int(line, "exponent", &exponent.0)?,
            unit: opt(unit),
            unit_text: opt(unit_text),
            lower: opt(lower),
            lower_exponent: parse_int(line, "lower_exponent", &lower_exponent.0)?,
            upper: opt(upper),
            upper_exponent: parse_int(line, "upper_exponent", &upper_exponent.0)?,
            value_base: opt(value_base),
            lower_base: opt(lower_base),
            upper_base: opt(upper_base),
            signed_value: opt(signed_value),
            direction: opt(direction),
            reference: opt(reference),
            reference_indicator: opt(reference_indicator),
            relation: opt(relation),
            text: text.0,
            quote: opt(quote),
            start: parse_int(line, "start", &start.0)?,
            end: parse_int(line, "end", &end.0)?,
            status: opt(status),
        })
    })
    .collect()
}

impl Row {
    /// Rebuilds the record's figure from the row: comparator, quantities (mantissa, exponent,
    /// unit and unit as written), direction, reference and text. Together with the row's other
    /// fields this is the whole record, so a table loses nothing.
    ///
    /// # Errors
    /// A [`LoadError`] (line 0) when a code or a decimal in the row does not parse.
    ///
    /// ```
    /// use planwatch::{builtin, table};
    /// let data = builtin::dataset();
    /// let rows = table::rows(&data, planwatch::builtin::catalogue());
    /// assert_eq!(rows[0].figure().unwrap(), data.targets[0].figure);
    /// ```
    pub fn figure(&self) -> Result<Figure, LoadError> {
        use crate::target::{Comparator, Direction, Reference, Relation};
        let bad = |what: &str, v: &str| csv_error(0, 0, format!("{what} {v:?} does not parse"));
        let comparator = Comparator::from_code(&self.comparator)
            .ok_or_else(|| bad("comparator", &self.comparator))?;
        let unit = match &self.unit {
            Some(code) => Some(Unit::from_code(code).ok_or_else(|| bad("unit", code))?),
            None => None,
        };
        let quantity = |mantissa: &str, exponent: Option<i32>| -> Result<Quantity, LoadError> {
            // A mantissa with its exponent is in the row's unit; anything else (`8000万人`) is
            // a quantity written in full.
            if let (true, Ok(v), Some(unit), Some(exp)) = (
                is_mantissa(mantissa),
                mantissa.parse::<Decimal>(),
                unit.as_ref(),
                exponent,
            ) {
                let q = Quantity::new(v, exp, unit.clone());
                return Ok(match &self.unit_text {
                    Some(t) => q.with_unit_text(t.clone()),
                    None => q,
                });
            }
            crate::quantity::parse_quantity(mantissa).map_err(|_| bad("quantity", mantissa))
        };
        let direction = match &self.direction {
            Some(d) => Some(Direction::from_code(d).ok_or_else(|| bad("direction", d))?),
            None => None,
        };
        let reference = match &self.reference {
            Some(text) => Some(Reference {
                text: text.clone(),
                indicator: self.reference_indicator.clone(),
                relation: match &self.relation {
                    Some(r) => Relation::from_code(r).ok_or_else(|| bad("relation", r))?,
                    None => Relation::Same,
                },
            }),
            None => None,
        };
        let opt =
            |m: &Option<String>, e: Option<i32>| m.as_deref().map(|m| quantity(m, e)).transpose();
        Ok(Figure {
            comparator,
            value: opt(&self.value, self.exponent)?,
            lower: opt(&self.lower, self.lower_exponent)?,
            upper: opt(&self.upper, self.upper_exponent)?,
            direction,
            reference,
            text: self.text.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, DocumentKind, Period};
    use crate::target::{Comparator, Target};
    use crate::units::Unit;

    fn range(lower: Quantity, upper: Quantity) -> Figure {
        Figure {
            comparator: Comparator::Range,
            value: None,
            lower: Some(lower),
            upper: Some(upper),
            direction: None,
            reference: None,
            text: "x".into(),
        }
    }

    fn dataset(figures: Vec<Figure>) -> Dataset {
        let document = Document {
            id: "d".into(),
            title: "t".into(),
            issuer: "i".into(),
            kind: DocumentKind::Other,
            jurisdiction: "CN".into(),
            delivered: None,
            outcome_year: None,
            plan_year: Some(2024),
            source: None,
        };
        let targets = figures
            .into_iter()
            .map(|figure| Target {
                indicator: "x".into(),
                period: Period::year(2024),
                figure,
                provenance: None,
            })
            .collect();
        Dataset {
            document,
            indicators: vec![],
            targets,
            outcomes: vec![],
            verdicts: vec![],
            text: None,
        }
    }

    fn q(v: i64, exponent: i32, unit: Unit) -> Quantity {
        Quantity::new(v.into(), exponent, unit)
    }

    /// Each bound keeps its own exponent, so bounds at other magnitudes round-trip as
    /// mantissas; a bound in another unit is written in full.
    #[test]
    fn bounds_in_another_scale_round_trip() {
        let figures = vec![
            range(q(5, 4, Unit::Number), q(6, 0, Unit::Number)),
            range(q(5, 4, Unit::Number), q(6, 3, Unit::Number)),
            range(q(8000, 4, Unit::Person), q(1, 8, Unit::Person)),
            range(q(5, 0, Unit::Percent), q(6, 4, Unit::Person)),
        ];
        let rows = rows(&dataset(figures.clone()), &Catalogue::default());
        let cells: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.lower.clone(),
                    r.lower_exponent,
                    r.upper.clone(),
                    r.upper_exponent,
                )
            })
            .collect();
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            cells,
            vec![
                (some("5"), Some(4), some("6"), Some(0)),
                (some("5"), Some(4), some("6"), Some(3)),
                (some("8000"), Some(4), some("1"), Some(8)),
                (some("5"), Some(0), some("6万人"), None),
            ]
        );
        assert_eq!(rows[2].upper_base.as_deref(), Some("100000000"));
        assert_eq!(rows[3].upper_base, None);
        let back = from_csv(&to_csv(&rows)).expect("csv");
        assert_eq!(back, rows);
        assert_eq!(from_jsonl(&to_jsonl(&rows)).expect("jsonl"), rows);
        let figures_back: Vec<Figure> = back.iter().map(|r| r.figure().expect("figure")).collect();
        assert_eq!(figures_back, figures);
        let cols = Columns::new(&rows);
        let Some(ColumnData::Decimal(upper)) = cols.get("upper") else {
            panic!("upper is a decimal column")
        };
        assert_eq!(upper[3], None);
        assert_eq!(upper[2], Some(Decimal::ONE));
    }

    /// An empty string is a quoted empty cell, a missing value a bare one; both read back.
    #[test]
    fn empty_strings_and_missing_values_round_trip_through_csv() {
        let mut ds = dataset(vec![range(q(5, 0, Unit::Number), q(6, 0, Unit::Number))]);
        ds.targets[0].provenance = Some(Provenance {
            document: "d".into(),
            start: 0,
            end: 0,
            quote: String::new(),
        });
        ds.text = Some("".into());
        let rows = rows(&ds, &Catalogue::default());
        assert_eq!(
            (rows[0].quote.as_deref(), rows[0].unit_text.as_deref()),
            (Some(""), Some(""))
        );
        assert_eq!(
            (rows[0].name_zh.as_deref(), rows[0].status.as_deref()),
            (None, None)
        );
        let csv = to_csv(&rows);
        assert!(csv.contains(",number,\"\","), "{csv}");
        assert_eq!(from_csv(&csv).expect("csv"), rows);
        let missing = csv.replace(",number,\"\",", ",number,,");
        let back = from_csv(&missing).expect("csv");
        assert_eq!(back[0].unit_text, None);
    }

    #[test]
    fn numbers_out_of_range_are_errors_not_empty_cells() {
        let rows = rows(
            &dataset(vec![range(q(5, 0, Unit::Percent), q(6, 0, Unit::Percent))]),
            &Catalogue::default(),
        );
        let csv = to_csv(&rows);
        let broken = csv.replacen(",2024,,", ",2024,99999999999,", 1);
        assert_ne!(broken, csv);
        let err = from_csv(&broken).expect_err("end_year out of range");
        assert_eq!(err.line, 2);
        assert!(
            err.message.starts_with("end_year \"99999999999\""),
            "{}",
            err.message
        );
    }
}
