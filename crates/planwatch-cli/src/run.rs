//! The run: inputs read and extracted in parallel, written in input order.
//!
//! Files are handed to a pool of `--jobs` threads, at most `window` of them at a time counted
//! from the next one to be written; finished files wait in a reorder buffer until every file
//! before them is written. So at most `window` files (their text and their rows) are in memory
//! at once, whatever the size of the corpus, and the output is the same bytes whatever the
//! number of threads.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use planwatch::extract::Extractor;
use planwatch::indicator::Catalogue;
use planwatch_cli::files::{self, Failure, Settings};
use planwatch_cli::inputs::Input;
use planwatch_cli::rows;

use crate::cli::{Extract, Format};

/// Everything a worker needs, shared by all of them.
struct Job<'a> {
    settings: Settings<'a>,
    config: &'a Extract,
}

/// What became of one input.
enum Done {
    /// The rows, formatted (stream output), or empty (written to its own file).
    Ok { output: String, bytes: u64 },
    /// The input failed: why.
    Failed { why: String, bytes: u64 },
}

impl Job<'_> {
    /// Reads, decodes and extracts one input; its formatted rows.
    fn rows(&self, input: &Input) -> Result<(String, u64), Failure> {
        let (rows, size) = self.settings.rows(input)?;
        let mut out = String::new();
        rows.write(0..rows.len(), &input.name, self.config.format, &mut out);
        Ok((out, size))
    }

    fn run(&self, input: &Input) -> Done {
        match (self.rows(input), &self.config.out_dir) {
            (Err(Failure { why, bytes }), _) => Done::Failed { why, bytes },
            (Ok((output, bytes)), None) => Done::Ok { output, bytes },
            (Ok((body, bytes)), Some(dir)) => {
                let path = files::out_path(dir, &input.out_stem, self.config.format);
                match files::write_file(&path, self.config.format, self.settings.fields(), &body) {
                    Ok(()) => Done::Ok {
                        output: String::new(),
                        bytes,
                    },
                    Err(why) => Done::Failed { why, bytes },
                }
            }
        }
    }
}

fn progress(inputs: &[Input], quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = inputs.iter().filter_map(|i| i.size).sum();
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{bar:30} {msg} files  {decimal_bytes}/{decimal_total_bytes}  {decimal_bytes_per_sec}  ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(format!("0/{}", inputs.len()));
    bar
}

/// Runs the extraction of `inputs`, writing to `out` (stream output) or to files under
/// `--out-dir`, and reporting failed inputs on stderr; the number of inputs that failed.
///
/// # Errors
/// Writing to `out` failed (a closed pipe, a full disk): the run stops there.
pub fn run(
    config: &Extract,
    extractor: &Extractor,
    catalogue: &Catalogue,
    inputs: &[Input],
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let job = Job {
        settings: Settings {
            extractor,
            catalogue,
            targets: config.targets,
            encoding: config.encoding,
        },
        config,
    };
    if config.out_dir.is_none() && config.format == Format::Csv {
        let mut head = String::new();
        rows::write_csv_header(&mut head, job.settings.fields());
        out.write_all(head.as_bytes())?;
    }
    let bar = progress(inputs, config.quiet);
    let pool = files::pool(config.jobs)?;
    // Files in flight or waiting to be written, at most: enough to keep every thread busy
    // while one slow file holds up the writer.
    let window = config.jobs.saturating_mul(2).max(2);
    let mut failed = 0;
    let mut result = Ok(());
    pool.in_place_scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Done)>();
        let (mut next_submit, mut next_write) = (0, 0);
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        while next_write < inputs.len() {
            while next_submit < inputs.len() && next_submit < next_write + window {
                let (i, tx, job) = (next_submit, tx.clone(), &job);
                let input = &inputs[i];
                scope.spawn(move |_| {
                    // A panic in the extractor fails this input only (`Settings::rows`), so
                    // every file answers the writer, which waits for each.
                    let done = job.run(input);
                    // A failed send means the writer stopped (an output error): nothing to do.
                    let _ = tx.send((i, done));
                });
                next_submit += 1;
            }
            let Ok((i, done)) = rx.recv() else { break };
            waiting.insert(i, done);
            while let Some(done) = waiting.remove(&next_write) {
                let input = &inputs[next_write];
                next_write += 1;
                match done {
                    Done::Ok { output, bytes } => {
                        if result.is_ok() {
                            result = out.write_all(output.as_bytes());
                        }
                        bar.inc(input.size.unwrap_or(bytes));
                    }
                    Done::Failed { why, bytes } => {
                        failed += 1;
                        bar.suspend(|| eprintln!("planwatch: {}: {why}", input.name));
                        bar.inc(input.size.unwrap_or(bytes));
                    }
                }
                bar.set_message(format!("{next_write}/{}", inputs.len()));
            }
            if result.is_err() {
                // Stop handing out files; those in flight finish and are dropped.
                break;
            }
        }
    });
    bar.finish_and_clear();
    result?;
    out.flush()?;
    Ok(failed)
}
