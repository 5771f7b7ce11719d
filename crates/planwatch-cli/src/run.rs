//! The run: inputs read and extracted in parallel, written in input order.
//!
//! Files are handed to a pool of `--jobs` threads, at most `window` of them at a time counted
//! from the next one to be written; finished files wait in a reorder buffer until every file
//! before them is written. So at most `window` files (their text and their rows) are in memory
//! at once, whatever the size of the corpus, and the output is the same bytes whatever the
//! number of threads.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use planwatch::extract::Extractor;
use planwatch::indicator::Catalogue;

use crate::cli::{Extract, Format};
use crate::decode;
use crate::inputs::Input;
use crate::rows;

/// Everything a worker needs, shared by all of them.
struct Job<'a> {
    extractor: &'a Extractor,
    catalogue: &'a Catalogue,
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
    fn fields(&self) -> &'static [&'static str] {
        if self.config.targets {
            rows::record_fields()
        } else {
            rows::MENTION_FIELDS
        }
    }

    /// Reads, decodes and extracts one input; its formatted rows.
    fn rows(&self, input: &Input) -> Result<(String, u64), (String, u64)> {
        let bytes = decode::read(&input.source).map_err(|e| (e, 0))?;
        let size = bytes.len() as u64;
        let text = decode::decode(bytes, self.config.encoding).map_err(|e| (e, size))?;
        let rows = if self.config.targets {
            let x = self.extractor.document(&text, &input.doc_id);
            rows::record_rows(&text, x, &input.doc_id, self.catalogue)
        } else {
            rows::mention_rows(&text, &self.extractor.mentions(&text), self.catalogue)
        };
        drop(text);
        let fields = self.fields();
        let mut out = String::new();
        for row in &rows {
            match self.config.format {
                Format::Jsonl => rows::write_jsonl(&mut out, &input.name, fields, row),
                Format::Csv => rows::write_csv(&mut out, &input.name, row),
            }
        }
        Ok((out, size))
    }

    fn run(&self, input: &Input) -> Done {
        match (self.rows(input), &self.config.out_dir) {
            (Err((why, bytes)), _) => Done::Failed { why, bytes },
            (Ok((output, bytes)), None) => Done::Ok { output, bytes },
            (Ok((body, bytes)), Some(dir)) => match self.write_file(dir, input, &body) {
                Ok(()) => Done::Ok {
                    output: String::new(),
                    bytes,
                },
                Err(why) => Done::Failed { why, bytes },
            },
        }
    }

    fn write_file(&self, dir: &Path, input: &Input, body: &str) -> Result<(), String> {
        let path = out_path(dir, input, self.config.format);
        let mut head = String::new();
        if self.config.format == Format::Csv {
            rows::write_csv_header(&mut head, self.fields());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let write = |path: &Path| -> std::io::Result<()> {
            let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
            f.write_all(head.as_bytes())?;
            f.write_all(body.as_bytes())?;
            f.flush()
        };
        write(&path).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

/// The output file of `input` under `dir`.
pub fn out_path(dir: &Path, input: &Input, format: Format) -> PathBuf {
    let mut p = dir.join(&input.out_stem).into_os_string();
    p.push(".");
    p.push(format.extension());
    PathBuf::from(p)
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
        extractor,
        catalogue,
        config,
    };
    if config.out_dir.is_none() && config.format == Format::Csv {
        let mut head = String::new();
        rows::write_csv_header(&mut head, job.fields());
        out.write_all(head.as_bytes())?;
    }
    let bar = progress(inputs, config.quiet);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .thread_name(|i| format!("planwatch-{i}"))
        .build()
        .map_err(std::io::Error::other)?;
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
                    // A panic in the extractor fails this input only (the writer waits for
                    // every file, so each must answer).
                    let done =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run(input)))
                            .unwrap_or_else(|_| Done::Failed {
                                why: "internal error: the extractor panicked on this input".into(),
                                bytes: input.size.unwrap_or(0),
                            });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::Source;

    #[test]
    fn out_paths_keep_the_folder_layout() {
        let input = Input {
            source: Source::File("corpus/2024/a.b.txt".into()),
            name: "corpus/2024/a.b.txt".into(),
            doc_id: "a.b".into(),
            out_stem: PathBuf::from("2024/a.b"),
            size: None,
        };
        assert_eq!(
            out_path(Path::new("out"), &input, Format::Csv),
            PathBuf::from("out/2024/a.b.csv")
        );
    }
}
