//! The run: inputs read and extracted in parallel, written in input order.
//!
//! Files are handed to a pool of `--jobs` threads, at most `window` of them at a time counted
//! from the next one to be written. A worker sends a file's rows in pieces as it formats them:
//! the file being written has its pieces written as they come, and the pieces of the files
//! after it wait in a reorder buffer until every file before them is written. So at most
//! `window` files (their text and their rows) are in memory at once, whatever the size of the
//! corpus, the rows of the file being written are never all held at once, whatever its size,
//! and the output is the same bytes whatever the number of threads.

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

/// What became of one input, once its rows are all written.
enum Done {
    /// Its rows are written (to the stream, in the pieces before this, or to its own file).
    Ok { bytes: u64 },
    /// The input failed: why.
    Failed { why: String, bytes: u64 },
}

/// What a worker tells the writer about an input: a piece of its rows, then what became of it.
enum Message {
    /// Formatted rows (stream output), in order.
    Rows(String),
    /// The input is done: no more pieces follow.
    Done(Done),
}

impl Job<'_> {
    /// Reads, decodes and extracts one input, sending its formatted rows in pieces as they are
    /// formed (stream output) or writing them to its own file; then what became of it.
    fn run(&self, input: &Input, send: &mut dyn FnMut(Message)) -> Done {
        let format = self.config.format;
        let Some(dir) = &self.config.out_dir else {
            let mut emit = |piece: String| send(Message::Rows(piece));
            return match self.settings.stream(input, format, &mut emit) {
                Ok(bytes) => Done::Ok { bytes },
                Err(Failure { why, bytes }) => Done::Failed { why, bytes },
            };
        };
        let path = files::out_path(dir, &input.out_stem, format);
        let fields = self.settings.fields();
        // Created with the first piece of rows, or after the extraction when it has none: an
        // input that fails has no file.
        let mut file = None;
        let mut emit = |piece: String| {
            let f = file.get_or_insert_with(|| files::create_file(&path, format, fields));
            if let Ok(w) = f {
                if let Err(e) = w.write_all(piece.as_bytes()) {
                    *f = Err(files::write_error(&path, &e));
                }
            }
        };
        let bytes = match self.settings.stream(input, format, &mut emit) {
            Ok(bytes) => bytes,
            Err(Failure { why, bytes }) => return Done::Failed { why, bytes },
        };
        let written = file
            .unwrap_or_else(|| files::create_file(&path, format, fields))
            .and_then(|mut w| w.flush().map_err(|e| files::write_error(&path, &e)));
        match written {
            Ok(()) => Done::Ok { bytes },
            Err(why) => Done::Failed { why, bytes },
        }
    }
}

/// An input's pieces of rows that came before it is its turn to be written, and what became
/// of it, once known.
#[derive(Default)]
struct Waiting {
    pieces: Vec<String>,
    done: Option<Done>,
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
        // Bounded: a worker that formats faster than the output takes its rows waits, rather
        // than piling up pieces. The writer takes every message as it comes (writing it or
        // keeping it for its turn), and drops the receiver when it stops, so no send waits for
        // ever.
        let (tx, rx) = mpsc::sync_channel::<(usize, Message)>(window);
        let (mut next_submit, mut next_write) = (0, 0);
        // The inputs after the one being written: their pieces so far, and whether they are done.
        let mut waiting: BTreeMap<usize, Waiting> = BTreeMap::new();
        // Writes a piece of the input being written, unless the output failed already.
        let mut write = |piece: &str, result: &mut std::io::Result<()>| {
            if result.is_ok() {
                *result = out.write_all(piece.as_bytes());
            }
        };
        while next_write < inputs.len() {
            while next_submit < inputs.len() && next_submit < next_write + window {
                let (i, tx, job) = (next_submit, tx.clone(), &job);
                let input = &inputs[i];
                scope.spawn(move |_| {
                    // A failed send means the writer stopped (an output error): nothing to do.
                    let mut send = |m: Message| {
                        let _ = tx.send((i, m));
                    };
                    // A panic in the extractor fails this input only (`Settings::stream`), so
                    // every file answers the writer, which waits for each.
                    let done = job.run(input, &mut send);
                    send(Message::Done(done));
                });
                next_submit += 1;
            }
            let Ok((i, message)) = rx.recv() else { break };
            let mut done = match message {
                Message::Rows(piece) if i == next_write => {
                    write(&piece, &mut result);
                    None
                }
                Message::Rows(piece) => {
                    waiting.entry(i).or_default().pieces.push(piece);
                    None
                }
                Message::Done(done) if i == next_write => Some(done),
                Message::Done(done) => {
                    waiting.entry(i).or_default().done = Some(done);
                    None
                }
            };
            // The input being written is done: on to the next, whose pieces so far are written
            // now, and so on while those are done too.
            while let Some(d) = done.take() {
                let input = &inputs[next_write];
                next_write += 1;
                match d {
                    Done::Ok { bytes } => bar.inc(input.size.unwrap_or(bytes)),
                    Done::Failed { why, bytes } => {
                        failed += 1;
                        bar.suspend(|| eprintln!("planwatch: {}: {why}", input.name));
                        bar.inc(input.size.unwrap_or(bytes));
                    }
                }
                bar.set_message(format!("{next_write}/{}", inputs.len()));
                if let Some(w) = waiting.remove(&next_write) {
                    for piece in &w.pieces {
                        write(piece, &mut result);
                    }
                    done = w.done;
                }
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
