//! One input read, decoded and extracted into its rows; a whole list of inputs on a pool of
//! threads; the files of `--out-dir`. The `planwatch` command streams through
//! [`Settings::rows`]; Python's `planwatch.extract_files` collects [`extract_all`].

use std::io::Write;
use std::path::{Path, PathBuf};

use planwatch::extract::{Extractor, Unwrapped};
use planwatch::indicator::Catalogue;
use rayon::prelude::*;

use crate::decode::{self, Encoding};
use crate::inputs::Input;
use crate::rows::{self, Format, Rows};

/// What to extract from every input, and with what.
#[derive(Clone, Copy)]
pub struct Settings<'a> {
    /// The extractor (compiled from `catalogue`).
    pub extractor: &'a Extractor,
    /// The catalogue that names the indicators in the rows.
    pub catalogue: &'a Catalogue,
    /// Targets and outcomes (records) instead of every mention.
    pub targets: bool,
    /// The inputs' encoding.
    pub encoding: Encoding,
}

/// An input that could not be processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Why, in words (the file is not named: the caller names it).
    pub why: String,
    /// The bytes read before it failed (0 when it could not be read).
    pub bytes: u64,
}

impl Settings<'_> {
    /// The fields of the rows after `file`.
    pub fn fields(&self) -> &'static [&'static str] {
        Rows::fields(self.targets)
    }

    /// Reads, decodes and extracts `input`: its rows and its size in bytes. A panic in the
    /// extractor fails this input only.
    ///
    /// # Errors
    /// The input cannot be read or decoded (or the extractor panicked on it).
    pub fn rows(&self, input: &Input) -> Result<(Rows, u64), Failure> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.rows_of(input)))
            .unwrap_or_else(|_| {
                Err(Failure {
                    why: "internal error: the extractor panicked on this input".into(),
                    bytes: input.size.unwrap_or(0),
                })
            })
    }

    fn rows_of(&self, input: &Input) -> Result<(Rows, u64), Failure> {
        let (text, size) = self.text_of(input)?;
        let rows = if self.targets {
            // The rows' dataset keeps the text: it is copied into its shared form (and the
            // String freed) before the extraction, when nothing else is held, not after it,
            // beside the extraction and the rows.
            let text: std::sync::Arc<str> = std::sync::Arc::from(text);
            let x = self.extractor.document(&text, &input.doc_id);
            rows::record_rows_of(text, x, &input.doc_id, self.catalogue)
        } else {
            rows::mention_rows(&text, &self.extractor.mentions(&text), self.catalogue)
        };
        Ok((rows, size))
    }

    /// Reads and decodes `input`: its text and its size in bytes.
    fn text_of(&self, input: &Input) -> Result<(String, u64), Failure> {
        decode::read_text(&input.source, self.encoding)
            .map_err(|(why, bytes)| Failure { why, bytes })
    }

    /// Reads, decodes and extracts `input`, and writes its rows in `format` (each naming
    /// `input.name`) as they are formed: `emit` gets them in pieces of about [`rows::CHUNK`]
    /// bytes, once the extraction is done, so an input that cannot be read, decoded or
    /// extracted emits nothing. Its size in bytes. The rows of a file are never all held at
    /// once: the same bytes as [`Settings::rows`] written with [`Rows::write`], in less memory.
    ///
    /// # Errors
    /// The input cannot be read or decoded (or the extractor panicked on it).
    pub fn stream(
        &self,
        input: &Input,
        format: Format,
        emit: &mut dyn FnMut(String),
    ) -> Result<u64, Failure> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.stream_of(input, format, emit)
        }))
        .unwrap_or_else(|_| {
            Err(Failure {
                why: "internal error: the extractor panicked on this input".into(),
                bytes: input.size.unwrap_or(0),
            })
        })
    }

    fn stream_of(
        &self,
        input: &Input,
        format: Format,
        emit: &mut dyn FnMut(String),
    ) -> Result<u64, Failure> {
        let (text, size) = self.text_of(input)?;
        let (name, doc_id, catalogue) = (&input.name, &input.doc_id, self.catalogue);
        // The text as given is read for its jurisdiction and then held only as the extractor
        // reads it (its soft wraps removed, the only copy during the extraction).
        if self.targets {
            let jurisdiction = rows::jurisdiction(&text);
            let text = Unwrapped::new(text);
            let x = self.extractor.document_unwrapped(&text, doc_id);
            rows::write_record_rows(&text, jurisdiction, x, catalogue, name, format, emit);
        } else {
            let text = Unwrapped::new(text);
            let mentions = self.extractor.mentions_unwrapped(&text);
            rows::write_mention_rows(&text, &mentions, catalogue, name, format, emit);
        }
        Ok(size)
    }
}

/// A pool of `jobs` threads (at least one) named `planwatch-N`.
///
/// # Errors
/// The threads could not be started.
pub fn pool(jobs: usize) -> std::io::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .thread_name(|i| format!("planwatch-{i}"))
        .build()
        .map_err(std::io::Error::other)
}

/// The rows of every input, extracted on `jobs` threads, in input order (the same whatever
/// `jobs`).
///
/// # Errors
/// The threads could not be started.
pub fn extract_all(
    settings: &Settings<'_>,
    inputs: &[Input],
    jobs: usize,
) -> std::io::Result<Vec<Result<Rows, Failure>>> {
    let pool = pool(jobs)?;
    Ok(pool.install(|| {
        inputs
            .par_iter()
            .map(|input| settings.rows(input).map(|(rows, _)| rows))
            .collect()
    }))
}

/// The output file under `dir` of an input whose out stem is `out_stem`.
pub fn out_path(dir: &Path, out_stem: &Path, format: Format) -> PathBuf {
    let mut p = dir.join(out_stem).into_os_string();
    p.push(".");
    p.push(format.extension());
    PathBuf::from(p)
}

/// Two inputs that `--out-dir` would write to one file: the message that says which.
pub fn out_collision(dir: &Path, inputs: &[Input], format: Format) -> Option<String> {
    let mut seen: std::collections::HashMap<PathBuf, &str> = std::collections::HashMap::new();
    for input in inputs {
        let path = out_path(dir, &input.out_stem, format);
        if let Some(first) = seen.insert(path.clone(), &input.name) {
            return Some(format!(
                "{} and {} would both be written to {}",
                first,
                input.name,
                path.display()
            ));
        }
    }
    None
}

/// Writes one output file: the CSV header (for CSV) and `body`, creating its folders.
///
/// # Errors
/// The folder or the file cannot be created or written: which, and why.
pub fn write_file(path: &Path, format: Format, fields: &[&str], body: &str) -> Result<(), String> {
    let mut f = create_file(path, format, fields)?;
    let write = |f: &mut std::io::BufWriter<std::fs::File>| -> std::io::Result<()> {
        f.write_all(body.as_bytes())?;
        f.flush()
    };
    write(&mut f).map_err(|e| write_error(path, &e))
}

/// Creates one output file, and its folders, with the CSV header (for CSV) written: the rows
/// are written after it (and the writer flushed) by the caller.
///
/// # Errors
/// The folder or the file cannot be created or written: which, and why.
pub fn create_file(
    path: &Path,
    format: Format,
    fields: &[&str],
) -> Result<std::io::BufWriter<std::fs::File>, String> {
    let mut head = String::new();
    if format == Format::Csv {
        rows::write_csv_header(&mut head, fields);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let create = || -> std::io::Result<std::io::BufWriter<std::fs::File>> {
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        f.write_all(head.as_bytes())?;
        Ok(f)
    };
    create().map_err(|e| write_error(path, &e))
}

/// Why output file `path` could not be written.
pub fn write_error(path: &Path, e: &std::io::Error) -> String {
    format!("cannot write {}: {e}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::Source;

    #[test]
    fn out_paths_keep_the_folder_layout() {
        assert_eq!(
            out_path(Path::new("out"), Path::new("2024/a.b"), Format::Csv),
            PathBuf::from("out/2024/a.b.csv")
        );
    }

    #[test]
    fn every_input_in_order_with_failures_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("a.txt");
        std::fs::write(&ok, "城镇新增就业1244万人").unwrap();
        let bad = dir.path().join("b.txt");
        std::fs::write(&bad, b"\xff").unwrap();
        let (inputs, missing) = crate::inputs::expand(&[dir.path().to_string_lossy().into()]);
        assert!(missing.is_empty());
        let settings = Settings {
            extractor: planwatch::builtin::extractor(),
            catalogue: planwatch::builtin::catalogue(),
            targets: false,
            encoding: Encoding::Utf8,
        };
        let out = extract_all(&settings, &inputs, 2).unwrap();
        assert_eq!(out[0].as_ref().map(Rows::len), Ok(1));
        let failure = out[1].as_ref().unwrap_err();
        assert!(
            failure.why.starts_with("not valid UTF-8 at byte 0"),
            "{failure:?}"
        );
        let gone = Input {
            source: Source::File(dir.path().join("gone.txt")),
            name: "gone.txt".into(),
            doc_id: "gone".into(),
            out_stem: "gone".into(),
            size: None,
        };
        let out = extract_all(&settings, &[gone], 1).unwrap();
        assert!(
            out[0]
                .as_ref()
                .unwrap_err()
                .why
                .starts_with("cannot read: ")
        );
    }
}
