//! Extract figures (or targets) from a report text, one per line or row.
//!
//! ```text
//! cargo run -q --example extract -- FILE [--targets] [--doc-id ID] [--format jsonl|csv]
//! ```
//!
//! Without `--targets`, the mention table of [`planwatch::table`] (one row per figure, fields
//! [`planwatch::table::MENTION_FIELDS`]); with it, the record table of the document's targets
//! and outcomes (headline targets first; fields [`planwatch::table::FIELDS`], the document id
//! `ID`, by default `document`). Offsets are Unicode code points of FILE's text; decimals are
//! strings. For a corpus, `planwatch extract` (`crates/planwatch-cli`, and
//! `python -m planwatch extract`) writes these rows with a `file` field first. Errors go to
//! stderr; misuse and unreadable files exit with status 2.

use std::io::Write;
use std::process::ExitCode;

use planwatch::document::Document;
use planwatch::{builtin, table};

const USAGE: &str = "usage: extract FILE [--targets] [--doc-id ID] [--format jsonl|csv]";

fn main() -> ExitCode {
    let mut file = None;
    let mut targets = false;
    let mut csv = false;
    let mut doc_id = "document".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--targets" => targets = true,
            "--doc-id" => match args.next() {
                Some(id) => doc_id = id,
                None => {
                    eprintln!("--doc-id needs a value\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
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
            s if s.starts_with('-') && s != "-" => {
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
    let read = if file == "-" {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(&file)
    };
    let text = match read {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let catalogue = builtin::catalogue();
    let out = if targets {
        let document = Document::untitled(doc_id.clone());
        let ds = builtin::extract_document(&text, &doc_id).into_dataset(
            document,
            catalogue,
            Some(text.as_str().into()),
        );
        let rows = table::rows(&ds, catalogue);
        if csv {
            table::to_csv(&rows)
        } else {
            table::to_jsonl(&rows)
        }
    } else {
        let rows = table::mention_rows(&text, &builtin::extract(&text), catalogue);
        if csv {
            table::to_csv(&rows)
        } else {
            table::to_jsonl(&rows)
        }
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`| head`) is not an error worth a message.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("extract: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
