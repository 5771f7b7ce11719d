//! The library part of the `planwatch` command: what the command and Python's
//! `planwatch.extract_files` (with `python -m planwatch extract`) share, so that each rule has
//! one home — which inputs a list of paths names ([`inputs`]), how a file is read and decoded
//! ([`decode`]), the rows of an input and how they are written ([`rows`]), and the run over many
//! inputs on a pool of threads ([`files`]).
//!
//! ```
//! use planwatch_cli::{decode::Encoding, files, inputs, rows::{Format, Rows}};
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.txt"), "城镇新增就业1244万人").unwrap();
//! let (found, missing) = inputs::expand(&[dir.path().to_string_lossy().into_owned()]);
//! assert!(missing.is_empty());
//! let settings = files::Settings {
//!     extractor: planwatch::builtin::extractor(),
//!     catalogue: planwatch::builtin::catalogue(),
//!     targets: false,
//!     encoding: Encoding::Utf8,
//! };
//! let rows: Rows = files::extract_all(&settings, &found, 2).unwrap().remove(0).unwrap();
//! let mut out = String::new();
//! rows.write(0..rows.len(), "a.txt", Format::Jsonl, &mut out);
//! assert!(out.starts_with(r#"{"file":"a.txt","text":"1244万人","start":6,"end":12,"#));
//! ```

pub mod decode;
pub mod files;
pub mod inputs;
pub mod rows;
