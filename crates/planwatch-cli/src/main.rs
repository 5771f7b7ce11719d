//! `planwatch`: typed data from China's development plans and government work reports, from
//! the command line.
//!
//! ```text
//! planwatch extract [--targets] [--format jsonl|csv] [--jobs N] [--out-dir DIR]
//!                   [--encoding utf-8|gb18030] [--catalogue FILE.json] PATH...
//! ```
//!
//! See `planwatch extract --help` and the crate's README.

mod cli;
mod run;

use std::process::ExitCode;

use planwatch::extract::Extractor;
use planwatch::indicator::Catalogue;
use planwatch_cli::{files, inputs};

/// Exit status: every input was processed.
const OK: u8 = 0;
/// Exit status: some inputs failed (each was reported on stderr).
const SOME_FAILED: u8 = 1;
/// Exit status: a usage error, or a catalogue or output folder that cannot be used.
const USAGE: u8 = 2;

fn usage(message: &str) -> ExitCode {
    eprintln!("planwatch: {message}");
    ExitCode::from(USAGE)
}

fn main() -> ExitCode {
    let config = cli::parse();

    let custom;
    let (extractor, catalogue): (&Extractor, &Catalogue) = match &config.catalogue {
        None => match planwatch::builtin::try_catalogue() {
            Ok(cat) => (planwatch::builtin::extractor(), cat),
            Err(e) => return usage(&format!("the built-in catalogue does not load: {e}")),
        },
        Some(path) => {
            let json = match std::fs::read_to_string(path) {
                Ok(j) => j,
                Err(e) => return usage(&format!("{}: cannot read: {e}", path.display())),
            };
            match Catalogue::from_json(&json) {
                Ok(cat) => {
                    custom = (Extractor::new(&cat), cat);
                    (&custom.0, &custom.1)
                }
                Err(e) => {
                    return usage(&format!(
                        "{}: {}",
                        path.display(),
                        e.in_file(path.display().to_string())
                    ));
                }
            }
        }
    };

    if config.paths.iter().filter(|p| p.as_str() == "-").count() > 1 {
        return usage("standard input (-) can be given only once");
    }
    let (inputs, missing) = inputs::expand(&config.paths);
    for m in &missing {
        eprintln!("planwatch: {}: {}", m.arg, m.why);
    }

    if let Some(dir) = &config.out_dir {
        if let Some(message) = files::out_collision(dir, &inputs, config.format) {
            return usage(&message);
        }
        if let Err(e) = std::fs::create_dir_all(dir) {
            return usage(&format!("cannot create {}: {e}", dir.display()));
        }
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match run::run(&config, extractor, catalogue, &inputs, &mut out) {
        Ok(0) if missing.is_empty() => ExitCode::from(OK),
        Ok(_) => ExitCode::from(SOME_FAILED),
        // A reader that stopped early (`| head`) is no failure to report.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(SOME_FAILED),
        Err(e) => {
            eprintln!("planwatch: cannot write the output: {e}");
            ExitCode::from(SOME_FAILED)
        }
    }
}
