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
    let (jsonl, csv): (fn() -> String, fn() -> String) = if panel {
        fn rows() -> Vec<table::PanelRecordRow> {
            let p = builtin::panel();
            table::panel_rows(
                p,
                &p.catalogue_over(builtin::catalogue()),
                &Policy::default(),
            )
        }
        (|| table::to_jsonl(&rows()), || table::to_csv(&rows()))
    } else {
        fn rows() -> Vec<table::Row> {
            let ds = builtin::dataset();
            table::rows(&ds, &builtin::catalogue_for(&ds))
        }
        (|| table::to_jsonl(&rows()), || table::to_csv(&rows()))
    };
    let out = match format.as_str() {
        "jsonl" => jsonl(),
        "csv" => csv(),
        other => {
            eprintln!("unknown format {other:?}: use jsonl or csv");
            std::process::exit(2);
        }
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
