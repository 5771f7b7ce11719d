//! Writes every record of the built-in dataset (targets and outcomes), one per line or row; with
//! `--panel`, every record of every document of the built-in panel.
//!
//! ```text
//! cargo run -q --example export -- --format jsonl > records.jsonl
//! cargo run -q --example export -- --format csv   > records.csv
//! cargo run -q --example export -- --panel --format csv > panel.csv
//! ```
//!
//! The fields, their order and their meaning are those of [`planwatch::table`]: the record
//! table, or with `--panel` the panel record table (`table::PANEL_FIELDS`: the jurisdiction, the
//! record fields with `document`, points, precedence rank and verdict). Decimals are strings,
//! offsets are Unicode code points of the report text, and the record table reads back to the
//! same rows (`planwatch::table::from_jsonl`, `planwatch::table::from_csv`).

use std::io::Write;

use planwatch::assess::Policy;
use planwatch::{builtin, table};

fn usage() -> ! {
    eprintln!("usage: export [--panel] [--format jsonl|csv]");
    std::process::exit(2);
}

/// The rows as JSON lines or CSV; exits with status 2 for another format.
fn table_in<R: table::TableRow>(rows: &[R], format: &str) -> String {
    match format {
        "jsonl" => table::to_jsonl(rows),
        "csv" => table::to_csv(rows),
        other => {
            eprintln!("unknown format {other:?}: use jsonl or csv");
            std::process::exit(2);
        }
    }
}

fn main() {
    let mut panel = false;
    let mut format = "jsonl".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--panel" => panel = true,
            "--format" => format = args.next().unwrap_or_else(|| usage()),
            f if f.starts_with("--format=") => format = f["--format=".len()..].to_string(),
            _ => usage(),
        }
    }
    let out = if panel {
        let p = builtin::panel();
        let cat = p.catalogue_over(builtin::catalogue());
        table_in(&table::panel_rows(p, &cat, &Policy::default()), &format)
    } else {
        let ds = builtin::dataset();
        table_in(&table::rows(&ds, &builtin::catalogue_for(&ds)), &format)
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`| head`) is not an error worth a message.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("export: {e}");
            std::process::exit(1);
        }
    }
}
