//! Parse quantities and figures from the command line, one JSON object per argument.
//!
//! ```text
//! cargo run -q --example parse -- '126.06万亿元' '5%左右' '6%－6.5%' '与经济增长同步' '5英里'
//! ```
//!
//! Output, one line per argument:
//!
//! * a plain quantity (`126.06万亿元`, `5.2%`):
//!   `{"input","kind":"quantity","value":"126.06","exponent":12,"unit":"CNY","unit_text":"元"}`;
//! * a figure with a qualifier, range, direction, relation or quality (`5%左右`, `增长5%`,
//!   `6%－6.5%`, `250余万`, `与经济增长同步`, `基本平衡`):
//!   `{"input","kind":"figure","comparator","value","lower","upper","direction","reference"}`,
//!   where `value`, `lower` and `upper` are quantity objects
//!   `{"value":"5","exponent":0,"unit":"percent","unit_text":"%"}` (decimal strings, lossless)
//!   or `null`, `direction` is `increase`/`decrease`/`stable`/`improve` or `null`, and
//!   `reference` is `{"text","relation"}` or `null`;
//! * an error: `{"input","error","code","span":[start,end]}` with the span in Unicode code
//!   points of the input.
//!
//! Exits with status 2 only on misuse (no arguments); a bad argument is an error object.

use planwatch::error::ParseError;
use planwatch::figure::parse_target;
use planwatch::quantity::{Quantity, parse_quantity};
use serde_json::{Value, json};

fn quantity(q: &Quantity) -> Value {
    json!({
        "value": q.value().to_string(),
        "exponent": q.exponent(),
        "unit": q.unit().code(),
        "unit_text": q.unit_text(),
    })
}

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

fn describe(input: &str) -> Value {
    if let Ok(q) = parse_quantity(input) {
        let mut v = quantity(&q);
        if let Value::Object(map) = &mut v {
            map.insert("input".into(), json!(input));
            map.insert("kind".into(), json!("quantity"));
        }
        return v;
    }
    match parse_target(input) {
        Ok(f) => json!({
            "input": input,
            "kind": "figure",
            "comparator": f.comparator.code(),
            "value": f.value.as_ref().map(quantity),
            "lower": f.lower.as_ref().map(quantity),
            "upper": f.upper.as_ref().map(quantity),
            "direction": f.direction.map(|d| d.code()),
            "reference": f.reference.as_ref().map(|r| json!({"text": r.text, "relation": r.relation})),
        }),
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
