//! Extract figures (or targets) from a report text, one per line.
//!
//! ```text
//! cargo run -q --example extract -- FILE [--targets] [--format jsonl|csv]
//! ```
//!
//! Without `--targets`, one line per mention; with it, one line per target and outcome of the
//! document (headline targets first). Fields: `text`, `start`, `end` (Unicode code points of
//! FILE's text, so that `text[start:end]` is the figure), `value`, `exponent`, `unit`,
//! `unit_text`, `comparator`, `lower`, `upper`, `direction`, `subject`, `indicator`, `year`,
//! `kind` (target, outcome, other), plus `basis`; decimals are strings, missing values empty
//! (CSV) or null (JSON). Errors go to stderr; misuse and unreadable files exit with status 2.

use std::io::Write;
use std::process::ExitCode;

use planwatch::extract::{Extractor, Mention};
use planwatch::table::{FigureColumns, csv_record};
use planwatch::target::Figure;
use serde_json::{Map, Value, json};

const FIELDS: [&str; 16] = [
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

const USAGE: &str = "usage: extract FILE [--targets] [--format jsonl|csv]";

fn main() -> ExitCode {
    let mut file = None;
    let mut targets = false;
    let mut csv = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--targets" => targets = true,
            "--format" => match args.next().as_deref() {
                Some("jsonl") => csv = false,
                Some("csv") => csv = true,
                other => {
                    eprintln!("unknown format {other:?}\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => {
                eprintln!("unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            s if file.is_none() => file = Some(s.to_string()),
            s => {
                eprintln!("unexpected argument {s}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let ex = Extractor::new(planwatch::builtin::catalogue());
    let rows: Vec<Map<String, Value>> = if targets {
        let doc = std::path::Path::new(&file)
            .file_stem()
            .map_or("doc".into(), |s| s.to_string_lossy().into_owned());
        let x = ex.document(&text, &doc);
        let t = x.targets.iter().map(|t| {
            record(
                &text,
                &t.figure,
                t.provenance.as_ref().map(|p| p.start..p.end),
                &t.indicator,
                t.period.year,
                "target",
                t.period.basis.code(),
            )
        });
        let o = x.outcomes.iter().map(|o| {
            record(
                &text,
                &o.figure,
                o.provenance.as_ref().map(|p| p.start..p.end),
                &o.indicator,
                o.period.year,
                "outcome",
                o.period.basis.code(),
            )
        });
        t.chain(o).collect()
    } else {
        ex.mentions(&text)
            .iter()
            .map(|m| mention(&text, m))
            .collect()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if csv {
        let _ = writeln!(out, "{}", FIELDS.join(","));
    }
    for row in rows {
        let line = if csv {
            let cells: Vec<String> = FIELDS
                .iter()
                .map(|f| match row.get(*f) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                })
                .collect();
            csv_record(cells.iter().map(String::as_str))
        } else {
            Value::Object(row).to_string()
        };
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

/// The figure's columns, shared with every table of the crate: `lower` and `upper` are
/// mantissas in the shared `exponent` and `unit`, or written in full when their scale differs.
fn figure_fields(map: &mut Map<String, Value>, f: &Figure) {
    let c = FigureColumns::new(f);
    map.insert("value".into(), json!(c.value));
    map.insert("exponent".into(), json!(c.exponent));
    map.insert("unit".into(), json!(c.unit));
    map.insert("unit_text".into(), json!(c.unit_text));
    map.insert("comparator".into(), json!(c.comparator));
    map.insert("lower".into(), json!(c.lower));
    map.insert("upper".into(), json!(c.upper));
    map.insert("direction".into(), json!(c.direction));
}

fn mention(text: &str, m: &Mention) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("text".into(), json!(m.text));
    map.insert("start".into(), json!(char_offset(text, m.span.start)));
    map.insert("end".into(), json!(char_offset(text, m.span.end)));
    figure_fields(&mut map, &m.figure);
    map.insert("subject".into(), json!(m.subject));
    map.insert("indicator".into(), json!(m.indicator));
    map.insert("year".into(), json!(m.year));
    map.insert("kind".into(), json!(m.kind.code()));
    map.insert(
        "basis".into(),
        m.basis.map_or(Value::Null, |b| json!(b.code())),
    );
    map
}

fn record(
    text: &str,
    f: &Figure,
    span: Option<std::ops::Range<usize>>,
    indicator: &str,
    year: i32,
    kind: &str,
    basis: &str,
) -> Map<String, Value> {
    let mut map = Map::new();
    let span = span.unwrap_or(0..0);
    map.insert("text".into(), json!(text.get(span.clone()).unwrap_or("")));
    map.insert("start".into(), json!(char_offset(text, span.start)));
    map.insert("end".into(), json!(char_offset(text, span.end)));
    figure_fields(&mut map, f);
    map.insert("subject".into(), Value::Null);
    map.insert("indicator".into(), json!(indicator));
    map.insert("year".into(), json!(year));
    map.insert("kind".into(), json!(kind));
    map.insert("basis".into(), json!(basis));
    map
}
