//! Tables of records: one flat row per target or outcome, written and read back losslessly as
//! JSON lines or RFC 4180 CSV.
//!
//! ```
//! use planwatch::{builtin, table};
//! let rows = table::rows(&builtin::dataset(), builtin::catalogue());
//! let csv = table::to_csv(&rows);
//! assert!(csv.starts_with("indicator,name_zh,name_en,year,"));
//! assert_eq!(table::from_csv(&csv).unwrap(), rows);
//! assert_eq!(table::from_jsonl(&table::to_jsonl(&rows)).unwrap(), rows);
//! ```
//!
//! # Fields
//!
//! Every row has these fields, in this order (the CSV header; the keys of each JSON line):
//!
//! | field | meaning |
//! |-------|---------|
//! | `indicator` | catalogue id (`gdp_growth`) |
//! | `name_zh`, `name_en` | the indicator's names |
//! | `year` | the year (the first year of a plan period) |
//! | `end_year` | the last year of a plan period; empty for a single year |
//! | `basis` | `year`, `year_end`, `average` or `cumulative` |
//! | `kind` | `target` or `outcome` |
//! | `comparator` | `exact`, `around`, `at_least`, `at_most`, `more_than`, `less_than`, `range`, `in_step_with`, `relative`, `direction_only`, `qualitative` |
//! | `value` | the published mantissa, a decimal string (`126.06`); empty for ranges and non-quantitative figures |
//! | `exponent` | the magnitude word as a power of ten (万 4, 亿 8, 万亿 12) of `value`, or of the range's bounds |
//! | `unit` | unit code (`CNY`, `percent`, `percentage_point`, `person` …) |
//! | `unit_text` | the unit as written (`元`, `%`, `个百分点`) |
//! | `lower`, `upper` | a range's bounds: mantissas in `exponent`/`unit` when both bounds share them, else each bound written in full (`8000万人`) |
//! | `direction` | `increase`, `decrease`, `stable`, `improve`; empty when none is written |
//! | `reference` | the reference of a relational figure as written (`经济增长`) |
//! | `text` | the figure as written (`增长5%左右`) |
//! | `quote` | the clause of the report the record was read from |
//! | `start`, `end` | the quote's span in **Unicode code points** of the report text (Python: `text[start:end] == quote`) |
//! | `reference_indicator` | the catalogue id of the reference, when known (`gdp_growth`) |
//! | `relation` | how a relational figure relates to its reference: `same`, `above`, `below` |
//! | `status` | an outcome's status (`preliminary`, `final`, `revised`); empty for targets |
//!
//! Decimals are strings, so the export is lossless: `32379.77` stays `32379.77` and `50.30` keeps
//! its trailing zero. In JSON lines an absent value is `null` and numbers (`year`, `end_year`,
//! `exponent`, `start`, `end`) are JSON numbers; in CSV an absent value is an empty cell. The CSV
//! follows RFC 4180 (comma-separated, CRLF line ends, fields with a comma, quote or line break in
//! double quotes, quotes doubled).

use crate::dataset::Dataset;
use crate::document::{CharIndex, Provenance};
use crate::error::LoadError;
use crate::indicator::Catalogue;
use crate::quantity::Quantity;
use crate::target::Figure;
use serde::{Deserialize, Serialize};

/// The column names, in order.
///
/// ```
/// use planwatch::table::{FIELDS, to_csv};
/// assert_eq!((FIELDS.len(), FIELDS[0], FIELDS[22]), (23, "indicator", "status"));
/// assert_eq!(to_csv(&[]), format!("{}\r\n", FIELDS.join(",")));
/// ```
pub const FIELDS: [&str; 23] = [
    "indicator",
    "name_zh",
    "name_en",
    "year",
    "end_year",
    "basis",
    "kind",
    "comparator",
    "value",
    "exponent",
    "unit",
    "unit_text",
    "lower",
    "upper",
    "direction",
    "reference",
    "text",
    "quote",
    "start",
    "end",
    "reference_indicator",
    "relation",
    "status",
];

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
    /// Catalogue id.
    pub indicator: String,
    /// The indicator's Chinese name.
    pub name_zh: String,
    /// The indicator's English name.
    pub name_en: String,
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
    /// The published mantissa.
    pub value: Option<String>,
    /// Power of ten of the magnitude word.
    pub exponent: Option<i32>,
    /// Unit code.
    pub unit: Option<String>,
    /// The unit as written.
    pub unit_text: Option<String>,
    /// A range's lower bound.
    pub lower: Option<String>,
    /// A range's upper bound.
    pub upper: Option<String>,
    /// Direction code.
    pub direction: Option<String>,
    /// The reference of a relational figure, as written.
    pub reference: Option<String>,
    /// The figure as written.
    pub text: String,
    /// The quote of the report.
    pub quote: Option<String>,
    /// The quote's start, in code points.
    pub start: Option<usize>,
    /// The quote's end, in code points.
    pub end: Option<usize>,
    /// The reference's catalogue id.
    pub reference_indicator: Option<String>,
    /// `same`, `above` or `below`.
    pub relation: Option<String>,
    /// An outcome's status.
    pub status: Option<String>,
}

fn same_scale(a: &Quantity, b: &Quantity) -> bool {
    a.exponent() == b.exponent() && a.unit() == b.unit() && a.unit_text() == b.unit_text()
}

/// Whether a cell is a bare mantissa as `Decimal` writes it (digits, `.`, `-`).
fn is_mantissa(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// A bound written in full, never mistakable for a mantissa: a bare number at exponent 0 is
/// written `6e0` (which [`crate::quantity::parse_quantity`] reads back), not `6`.
fn full_text(q: &Quantity) -> String {
    let t = q.to_string();
    if is_mantissa(&t) { format!("{t}e0") } else { t }
}

/// The figure columns of a [`Row`]: the flat form of a [`Figure`] that every export shares.
///
/// `value`, `lower` and `upper` are decimal strings: mantissas in the shared `exponent`, `unit`
/// and `unit_text` (taken from the value, or from the range's first bound), except a bound in
/// another scale, which is written in full (`8000万人`, `6e0`).
///
/// ```
/// use planwatch::{parse_target, table::FigureColumns};
/// let c = FigureColumns::new(&parse_target("增长6%－6.5%").unwrap());
/// assert_eq!((c.comparator.as_str(), c.value), ("range", None));
/// assert_eq!((c.lower.as_deref(), c.upper.as_deref()), (Some("6"), Some("6.5")));
/// assert_eq!((c.exponent, c.unit.as_deref(), c.unit_text.as_deref()), (Some(0), Some("percent"), Some("%")));
/// assert_eq!(c.direction.as_deref(), Some("increase"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FigureColumns {
    /// The comparator code.
    pub comparator: String,
    /// The published mantissa of the value.
    pub value: Option<String>,
    /// Power of ten of the magnitude word.
    pub exponent: Option<i32>,
    /// Unit code.
    pub unit: Option<String>,
    /// The unit as written.
    pub unit_text: Option<String>,
    /// A range's lower bound.
    pub lower: Option<String>,
    /// A range's upper bound.
    pub upper: Option<String>,
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

impl FigureColumns {
    /// The columns of a figure.
    ///
    /// ```
    /// use planwatch::{parse_target, table::FigureColumns};
    /// let c = FigureColumns::new(&parse_target("1200万人以上").unwrap());
    /// assert_eq!((c.comparator.as_str(), c.value.as_deref(), c.exponent), ("at_least", Some("1200"), Some(4)));
    /// assert_eq!((c.unit.as_deref(), c.unit_text.as_deref()), (Some("person"), Some("人")));
    /// ```
    pub fn new(figure: &Figure) -> Self {
        let anchor = figure
            .value
            .as_ref()
            .or(figure.lower.as_ref())
            .or(figure.upper.as_ref());
        let bound = |b: &Option<Quantity>| {
            b.as_ref().map(|q| match anchor {
                Some(a) if same_scale(a, q) => q.value().to_string(),
                _ => full_text(q),
            })
        };
        FigureColumns {
            comparator: figure.comparator.code().to_string(),
            value: figure.value.as_ref().map(|q| q.value().to_string()),
            exponent: anchor.map(Quantity::exponent),
            unit: anchor.map(|q| q.unit().code().to_string()),
            unit_text: anchor.map(|q| q.unit_text().to_string()),
            lower: bound(&figure.lower),
            upper: bound(&figure.upper),
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

fn row(rec: Record<'_>, catalogue: &Catalogue, chars: &CharIndex<'_>) -> Row {
    let Record {
        kind,
        indicator,
        period,
        figure,
        status,
        provenance,
    } = rec;
    let ind = catalogue.get(indicator);
    let FigureColumns {
        comparator,
        value,
        exponent,
        unit,
        unit_text,
        lower,
        upper,
        direction,
        reference,
        reference_indicator,
        relation,
        text: figure_text,
    } = FigureColumns::new(figure);
    let mut r = Row {
        indicator: indicator.to_string(),
        name_zh: ind.map(|i| i.name_zh.clone()).unwrap_or_default(),
        name_en: ind.map(|i| i.name_en.clone()).unwrap_or_default(),
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
        upper,
        direction,
        reference,
        text: figure_text,
        quote: provenance.map(|p| p.quote.clone()),
        start: None,
        end: None,
        reference_indicator,
        relation,
        status,
    };
    if let Some((s, e)) = provenance.and_then(|p| chars.span(p)) {
        r.start = Some(s);
        r.end = Some(e);
    }
    r
}

/// Every target and outcome of `ds` as rows, targets first, each in dataset order. Offsets are
/// code points of `ds.text` (absent when the dataset has no text).
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
/// assert_eq!(rows[0].name_en, "GDP growth");
/// assert_eq!(rows[0].status, None);
/// ```
pub fn rows(ds: &Dataset, catalogue: &Catalogue) -> Vec<Row> {
    let chars = CharIndex::new(ds.text.as_deref().unwrap_or(""));
    let targets = ds.targets.iter().map(|t| Record {
        kind: "target",
        indicator: &t.indicator,
        period: &t.period,
        figure: &t.figure,
        status: None,
        provenance: t.provenance.as_ref(),
    });
    let outcomes = ds.outcomes.iter().map(|o| Record {
        kind: "outcome",
        indicator: &o.indicator,
        period: &o.period,
        figure: &o.figure,
        status: Some(o.status.code().to_string()),
        provenance: o.provenance.as_ref(),
    });
    targets
        .chain(outcomes)
        .map(|r| row(r, catalogue, &chars))
        .collect()
}

/// The rows as JSON lines (one object per line, `\n` after each).
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
pub fn to_jsonl(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        // A struct of strings and integers always serializes.
        out.push_str(&serde_json::to_string(r).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Reads JSON lines written by [`to_jsonl`]; blank lines are skipped.
///
/// # Errors
/// A [`LoadError`] with the line and column of the first line that is not a row.
///
/// ```
/// let err = planwatch::table::from_jsonl("\n{\"indicator\": 1}").unwrap_err();
/// assert_eq!((err.line, err.column), (2, 15));
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

fn cells(r: &Row) -> [String; 23] {
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    fn n(o: Option<impl ToString>) -> String {
        o.map(|v| v.to_string()).unwrap_or_default()
    }
    [
        r.indicator.clone(),
        r.name_zh.clone(),
        r.name_en.clone(),
        r.year.to_string(),
        n(r.end_year),
        r.basis.clone(),
        r.kind.clone(),
        r.comparator.clone(),
        s(&r.value),
        n(r.exponent),
        s(&r.unit),
        s(&r.unit_text),
        s(&r.lower),
        s(&r.upper),
        s(&r.direction),
        s(&r.reference),
        r.text.clone(),
        s(&r.quote),
        n(r.start),
        n(r.end),
        s(&r.reference_indicator),
        s(&r.relation),
        s(&r.status),
    ]
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

/// The rows as RFC 4180 CSV with a header line.
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
///     "gdp_growth,国内生产总值增长,GDP growth,2024,,year,target,around,5,0,percent,%,,,increase,,增长5%左右,,,,,,"
/// );
/// ```
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = FIELDS.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&csv_record(cells(r).iter().map(String::as_str)));
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

/// Splits RFC 4180 CSV into records of fields, each with the line it starts on.
fn split_csv(s: &str) -> Result<Vec<(usize, Vec<String>)>, LoadError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
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
                at_field_start = false;
            }
            '"' => return Err(csv_error(line, column, "a quote inside an unquoted field")),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut field));
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
        record.push(field);
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
    Ok(split_csv(s)?.into_iter().map(|(_, r)| r).collect())
}

/// A whole-number cell (empty: `None`); a number out of the column's range is an error, not an
/// empty cell.
fn int<T>(line: usize, column: &str, s: &str) -> Result<Option<T>, LoadError>
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

/// Reads CSV written by [`to_csv`].
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
    if header != FIELDS {
        return Err(csv_error(
            1,
            1,
            format!("unexpected header {header:?}; expected {FIELDS:?}"),
        ));
    }
    it.map(|(line, rec)| {
        let [
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
            upper,
            direction,
            reference,
            text,
            quote,
            start,
            end,
            reference_indicator,
            relation,
            status,
        ]: [String; 23] = rec.try_into().map_err(|r: Vec<String>| {
            csv_error(
                line,
                1,
                format!("{} fields, expected {}", r.len(), FIELDS.len()),
            )
        })?;
        let opt = |s: String| if s.is_empty() { None } else { Some(s) };
        let has_quantity = !value.is_empty() || !lower.is_empty() || !upper.is_empty();
        Ok(Row {
            indicator,
            name_zh,
            name_en,
            year: int(line, "year", &year)?.ok_or_else(|| csv_error(line, 1, "year is empty"))?,
            end_year: int(line, "end_year", &end_year)?,
            basis,
            kind,
            comparator,
            value: opt(value),
            exponent: int(line, "exponent", &exponent)?,
            unit: opt(unit),
            // An empty cell is an empty unit text (a bare number) when the row has a quantity.
            unit_text: if has_quantity {
                Some(unit_text)
            } else {
                opt(unit_text)
            },
            lower: opt(lower),
            upper: opt(upper),
            direction: opt(direction),
            reference: opt(reference),
            text,
            quote: opt(quote),
            start: int(line, "start", &start)?,
            end: int(line, "end", &end)?,
            reference_indicator: opt(reference_indicator),
            relation: opt(relation),
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
            Some(code) => {
                Some(crate::units::Unit::from_code(code).ok_or_else(|| bad("unit", code))?)
            }
            None => None,
        };
        let quantity = |mantissa: &str| -> Result<Quantity, LoadError> {
            // A bare mantissa is in the row's scale; anything else (`8000万人`, `6e0`) is a
            // quantity written in full (`Decimal` alone would read `6e3` as 6000).
            if let (true, Ok(v), Some(unit), Some(exp)) = (
                is_mantissa(mantissa),
                mantissa.parse::<rust_decimal::Decimal>(),
                unit.as_ref(),
                self.exponent,
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
        Ok(Figure {
            comparator,
            value: self.value.as_deref().map(quantity).transpose()?,
            lower: self.lower.as_deref().map(quantity).transpose()?,
            upper: self.upper.as_deref().map(quantity).transpose()?,
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

    /// Bounds in another scale than the anchor are written in full, and a bare number is
    /// written so that it cannot be read as a mantissa in the anchor's scale.
    #[test]
    fn bounds_in_another_scale_round_trip() {
        let figures = vec![
            range(q(5, 4, Unit::Number), q(6, 0, Unit::Number)),
            range(q(5, 4, Unit::Number), q(6, 3, Unit::Number)),
            range(q(8000, 4, Unit::Person), q(1, 8, Unit::Person)),
        ];
        let rows = rows(&dataset(figures.clone()), &Catalogue::default());
        let cells: Vec<_> = rows
            .iter()
            .map(|r| (r.lower.clone(), r.upper.clone(), r.exponent))
            .collect();
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            cells,
            vec![
                (some("5"), some("6e0"), Some(4)),
                (some("5"), some("6e3"), Some(4)),
                (some("8000"), some("1亿人"), Some(4)),
            ]
        );
        let back = from_csv(&to_csv(&rows)).expect("csv");
        assert_eq!(back, rows);
        let figures_back: Vec<Figure> = back.iter().map(|r| r.figure().expect("figure")).collect();
        assert_eq!(figures_back, figures);
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
