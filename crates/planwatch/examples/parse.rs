//! Parse quantities and figures from the command line, one JSON object per argument.
//!
//! ```text
//! cargo run -q --example parse -- '126.06万亿元' '5%左右' '6%－6.5%' '与经济增长同步' '5英里'
//! ```
//!
//! Output, one flat line per argument (keys in alphabetical order), in the columns of
//! [`planwatch::table`] (the same values the export writes):
//!
//! ```text
//! {"comparator":"exact","direction":null,"exponent":12,"input":"126.06万亿元","kind":"quantity","lower":null,"reference":null,"reference_indicator":null,"relation":null,"text":"126.06万亿元","unit":"CNY","unit_text":"元","upper":null,"value":"126.06"}
//! {"comparator":"range","direction":null,"exponent":0,"input":"6%－6.5%","kind":"figure","lower":"6","reference":null,"reference_indicator":null,"relation":null,"text":"6%－6.5%","unit":"percent","unit_text":"%","upper":"6.5","value":null}
//! {"code":"unknown-unit","error":"unknown unit at bytes 1..7 of \"5英里\"","input":"5英里","span":[1,3]}
//! ```
//!
//! * `kind` is `quantity` when the whole argument is a quantity (`126.06万亿元`, `5.2%`; its
//!   comparator is `exact`), `figure` when it is a target or outcome phrase (`5%左右`, `增长5%`,
//!   `6%－6.5%`, `250余万`, `与经济增长同步`, `基本平衡`).
//! * `value`, `lower` and `upper` are decimal strings (lossless): mantissas in the shared
//!   `exponent` (万 4, 亿 8, 万亿 12), `unit` (stable code) and `unit_text` (as written); a bound
//!   in another scale is written in full (`8000万人`). Absent fields are `null`.
//! * `direction` is `increase`, `decrease`, `stable` or `improve`; `reference`,
//!   `reference_indicator` and `relation` describe a relational figure (`与经济增长同步`).
//! * An argument that does not parse gives `{"input","error","code","span"}`, with the error's
//!   stable code and its span in Unicode code points of the input.
//!
//! Exits with status 2 only on misuse (no arguments); a bad argument is an error object.

use planwatch::error::ParseError;
use planwatch::figure::parse_target;
use planwatch::quantity::parse_quantity;
use planwatch::table::FigureColumns;
use planwatch::target::{Comparator, Figure};
use serde_json::{Value, json};

fn char_offset(s: &str, byte: usize) -> usize {
    s.char_indices().take_while(|(i, _)| *i < byte).count()
}

fn error(input: &str, e: &ParseError) -> Value {
    let span = e.span();
    json!({
        "input": input,
        "error": e.to_string(),
        "code": e.code(),
        "span": [char_offset(input, span.start), char_offset(input, span.end)],
    })
}

/// `{"input", "kind", ...the figure's table columns}`.
fn columns(input: &str, kind: &str, figure: &Figure) -> Value {
    let mut out = serde_json::Map::new();
    out.insert("input".into(), json!(input));
    out.insert("kind".into(), json!(kind));
    if let Ok(Value::Object(cols)) = serde_json::to_value(FigureColumns::new(figure)) {
        out.extend(cols);
    }
    Value::Object(out)
}

fn describe(input: &str) -> Value {
    if let Ok(q) = parse_quantity(input) {
        return columns(
            input,
            "quantity",
            &Figure::point(Comparator::Exact, q, input.trim()),
        );
    }
    match parse_target(input) {
        Ok(f) => columns(input, "figure", &f),
        Err(e) => error(input, &e),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: cargo run -q --example parse -- TEXT [TEXT ...]");
        eprintln!("  prints one JSON object per TEXT: a quantity, a figure, or an error");
        std::process::exit(2);
    }
    for arg in &args {
        println!("{}", describe(arg));
    }
}
