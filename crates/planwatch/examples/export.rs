//! Writes every record of the built-in dataset (targets and outcomes), one per line or row.
//!
//! ```text
//! cargo run -q --example export -- --format jsonl > records.jsonl
//! cargo run -q --example export -- --format csv   > records.csv
//! ```
//!
//! The fields, their order and their meaning are those of [`planwatch::table`]; decimals are
//! strings, offsets are Unicode code points of the report text, and both formats read back to the
//! same rows (`planwatch::table::from_jsonl`, `planwatch::table::from_csv`).

use std::io::Write;

use planwatch::{builtin, table};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = match args.as_slice() {
        [flag, f] if flag == "--format" => f.as_str(),
        [f] if f.starts_with("--format=") => &f["--format=".len()..],
        [] => "jsonl",
        _ => {
            eprintln!("usage: export [--format jsonl|csv]");
            std::process::exit(2);
        }
    };
    let ds = builtin::dataset();
    let rows = table::rows(&ds, &builtin::catalogue_for(&ds));
    let out = match format {
        "jsonl" => table::to_jsonl(&rows),
        "csv" => table::to_csv(&rows),
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
