//! `extract_files` and `ExtractedFiles`: a corpus read, decoded and extracted on a pool of
//! threads with the GIL released, by the library part of the `planwatch` command (its inputs,
//! decoding and rows), so the rows are the command's rows. Nothing here decides what a row
//! holds or how it is written.

use std::path::PathBuf;

use planwatch::indicator::Catalogue;
use planwatch::table::{ColumnData, Columns, MentionRow};
use planwatch_cli::decode::Encoding;
use planwatch_cli::files::{self, Settings};
use planwatch_cli::inputs::{self, Input};
use planwatch_cli::rows::{self, FILE_FIELD, Format, Rows};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyType};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::columns::{DictColumn, columns_to_py, row_to_py};
use crate::errors;
use crate::indicator::PyCatalogue;

/// `(file, why)`: an input that failed, or a path that named nothing.
type FileError = (String, String);

/// One input that was extracted: its name (the `file` of its rows), the path of its output
/// file below an `out_dir`, and how many rows it has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    name: String,
    out_stem: PathBuf,
    rows: usize,
}

/// The pickled form.
#[derive(Serialize, Deserialize)]
struct State {
    targets: bool,
    files: Vec<Entry>,
    mentions: Vec<MentionRow>,
    records: Vec<rows::RecordRow>,
    errors: Vec<(String, String)>,
}

/// The rows of many text files, one table for all of them: every mention (or, with
/// `targets=True`, every target and outcome) of each file, in input order, each row naming its
/// file first — the rows of `planwatch extract`. Made by `planwatch.extract_files`; frames
/// are built column by column (`to_arrow`, `to_pandas`, `to_polars`).
#[pyclass(name = "ExtractedFiles", module = "planwatch._planwatch", frozen)]
pub struct PyExtractedFiles {
    targets: bool,
    files: Vec<Entry>,
    rows: Rows,
    errors: Vec<(String, String)>,
}

impl PyExtractedFiles {
    /// Each file's name and the range of its rows, in order.
    fn ranges(&self) -> impl Iterator<Item = (&Entry, std::ops::Range<usize>)> {
        self.files.iter().scan(0, |at, e| {
            let start = *at;
            *at += e.rows;
            Some((e, start..*at))
        })
    }

    fn table(&self, format: Format) -> String {
        let mut out = String::new();
        if format == Format::Csv {
            rows::write_csv_header(&mut out, Rows::fields(self.targets));
        }
        for (e, range) in self.ranges() {
            self.rows.write(range, &e.name, format, &mut out);
        }
        out
    }

    /// The `file` column and the core's columns of the rows.
    fn columns(&self) -> (DictColumn, Columns) {
        let mut file = DictColumn::default();
        for (e, range) in self.ranges() {
            for _ in range {
                file.push(Some(&e.name));
            }
        }
        let cols = match &self.rows {
            Rows::Mentions(r) => Columns::new(r),
            Rows::Records(r) => Columns::new(r),
        };
        (file, cols)
    }

    fn state(&self) -> State {
        let (mentions, records) = match &self.rows {
            Rows::Mentions(m) => (m.clone(), Vec::new()),
            Rows::Records(r) => (Vec::new(), r.clone()),
        };
        State {
            targets: self.targets,
            files: self.files.clone(),
            mentions,
            records,
            errors: self.errors.clone(),
        }
    }
}

/// Arrow `decimal128(38, s)` buffers of a column, `s` its largest scale: the scale, the values
/// (16-byte little-endian two's complement) and the validity bitmap (`None`: no value missing);
/// `None` when a value needs more than 38 digits at that scale.
fn decimal128(values: &[Option<Decimal>]) -> Option<(u32, Vec<u8>, Option<Vec<u8>>)> {
    let scale = values
        .iter()
        .flatten()
        .map(Decimal::scale)
        .max()
        .unwrap_or(0);
    let limit = 10u128.pow(38);
    let mut data = Vec::with_capacity(values.len() * 16);
    let mut valid = vec![0u8; values.len().div_ceil(8)];
    let mut missing = false;
    for (i, v) in values.iter().enumerate() {
        let m = match v {
            Some(d) => {
                let m = 10i128
                    .checked_pow(scale - d.scale())?
                    .checked_mul(d.mantissa())?;
                if m.unsigned_abs() >= limit {
                    return None;
                }
                valid[i / 8] |= 1 << (i % 8);
                m
            }
            None => {
                missing = true;
                0
            }
        };
        data.extend_from_slice(&m.to_le_bytes());
    }
    Some((scale, data, missing.then_some(valid)))
}

fn format_arg(py: Python<'_>, format: &str) -> PyResult<Format> {
    Format::from_name(format)
        .ok_or_else(|| errors::unknown_code(py, "table format", format, &["jsonl", "csv"]))
}

#[pymethods]
impl PyExtractedFiles {
    /// Whether the rows are targets and outcomes (records) rather than mentions.
    #[getter]
    fn targets(&self) -> bool {
        self.targets
    }

    /// The files extracted, in order (those that failed are in `errors`).
    #[getter]
    fn files(&self) -> Vec<&str> {
        self.files.iter().map(|e| e.name.as_str()).collect()
    }

    /// `(file, why)` of every input that could not be read or decoded, and of every path that
    /// named nothing, in the order they were found.
    #[getter]
    fn errors(&self) -> Vec<(String, String)> {
        self.errors.clone()
    }

    /// The column names: `file`, then the mention table's fields (or the record table's).
    #[getter]
    fn fields(&self) -> Vec<&'static str> {
        std::iter::once(FILE_FIELD)
            .chain(Rows::fields(self.targets).iter().copied())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.rows.len()
    }

    /// The same rows of the same files, and the same errors (where `write_dir` would put each
    /// file is not compared: it depends on the folder argument a file was found under).
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        let files = |r: &Self| -> Vec<(String, usize)> {
            r.files.iter().map(|e| (e.name.clone(), e.rows)).collect()
        };
        other.cast::<PyExtractedFiles>().is_ok_and(|o| {
            let o = o.get();
            (o.targets, files(o), &o.rows, &o.errors)
                == (self.targets, files(self), &self.rows, &self.errors)
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<ExtractedFiles: {} {} from {} files, {} errors>",
            self.rows.len(),
            if self.targets { "records" } else { "mentions" },
            self.files.len(),
            self.errors.len()
        )
    }

    /// The rows as JSON lines: the bytes `planwatch extract` writes on stdout.
    fn to_jsonl(&self, py: Python<'_>) -> String {
        py.detach(|| self.table(Format::Jsonl))
    }

    /// The rows as CSV with a header line: the bytes of `planwatch extract --format csv`.
    fn to_csv(&self, py: Python<'_>) -> String {
        py.detach(|| self.table(Format::Csv))
    }

    /// Writes the rows to `file`, a binary file object (`sys.stdout.buffer`, `open(p, "wb")`),
    /// as UTF-8 in `format` (`jsonl` or `csv`): the bytes of `to_jsonl()`/`to_csv()` without
    /// making a Python string of them. Returns the number of bytes written.
    #[pyo3(signature = (file, format = "jsonl"))]
    fn write(&self, py: Python<'_>, file: &Bound<'_, PyAny>, format: &str) -> PyResult<usize> {
        let format = format_arg(py, format)?;
        let text = py.detach(|| self.table(format));
        for chunk in text.as_bytes().chunks(1 << 20) {
            file.call_method1("write", (PyBytes::new(py, chunk),))?;
        }
        Ok(text.len())
    }

    /// Writes one file per input into `out_dir`, as `planwatch extract --out-dir`: its path
    /// below the folder it was found in, `.jsonl` or `.csv`. Returns `(file, why)` for every
    /// input whose output could not be written (the others are written all the same); raises
    /// `InvalidInputError` when two inputs would be written to one file.
    #[pyo3(signature = (out_dir, format = "jsonl"))]
    fn write_dir(
        &self,
        py: Python<'_>,
        out_dir: PathBuf,
        format: &str,
    ) -> PyResult<Vec<(String, String)>> {
        let format = format_arg(py, format)?;
        let mut seen = std::collections::HashMap::new();
        for e in &self.files {
            let path = files::out_path(&out_dir, &e.out_stem, format);
            if let Some(first) = seen.insert(path.clone(), &e.name) {
                return Err(errors::invalid(
                    py,
                    &format!(
                        "{first} and {} would both be written to {}",
                        e.name,
                        path.display()
                    ),
                ));
            }
        }
        Ok(py.detach(|| {
            let fields = Rows::fields(self.targets);
            let mut failed = Vec::new();
            for (e, range) in self.ranges() {
                let mut body = String::new();
                self.rows.write(range, &e.name, format, &mut body);
                let path = files::out_path(&out_dir, &e.out_stem, format);
                if let Err(why) = files::write_file(&path, format, fields, &body) {
                    failed.push((e.name.clone(), why));
                }
            }
            failed
        }))
    }

    /// The rows as dicts (`file` first, then the table's fields; decimals as `Decimal`).
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for (e, range) in self.ranges() {
            let name = PyString::new(py, &e.name);
            for i in range {
                let d = PyDict::new(py);
                d.set_item(FILE_FIELD, &name)?;
                let cells = match &self.rows {
                    Rows::Mentions(r) => row_to_py(py, &r[i])?,
                    Rows::Records(r) => row_to_py(py, &r[i])?,
                };
                d.update(cells.as_mapping())?;
                out.append(d)?;
            }
        }
        Ok(out)
    }

    /// The table column by column (see `planwatch._frames`): `file`, then the core's
    /// `planwatch::table` columns; decimals as float buffers, or `Decimal`s when `decimal`.
    #[pyo3(signature = (decimal = false))]
    fn _columns<'py>(&self, py: Python<'py>, decimal: bool) -> PyResult<Bound<'py, PyDict>> {
        let (file, cols) = py.detach(|| self.columns());
        let out = PyDict::new(py);
        out.set_item(FILE_FIELD, file.into_py(py)?)?;
        out.update(columns_to_py(py, &cols, decimal)?.as_mapping())?;
        Ok(out)
    }

    /// A pandas DataFrame, one row per mention or record (pandas imported on first use);
    /// values are floats, or `Decimal` objects when `decimal` is true.
    #[pyo3(signature = (decimal = false))]
    fn to_pandas<'py>(&self, py: Python<'py>, decimal: bool) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal)?;
        py.import("planwatch._frames")?
            .call_method1("to_pandas", (cols,))
    }

    /// A polars DataFrame (polars imported on first use); `Decimal` columns on request.
    #[pyo3(signature = (decimal = false))]
    fn to_polars<'py>(&self, py: Python<'py>, decimal: bool) -> PyResult<Bound<'py, PyAny>> {
        let cols = self._columns(py, decimal)?;
        py.import("planwatch._frames")?
            .call_method1("to_polars", (cols,))
    }

    /// A `pyarrow.Table` (pyarrow imported on first use): exact Arrow decimals by default,
    /// floats when `decimal` is false. Exact columns are `decimal128(38, s)`, `s` the largest
    /// scale in the column, built from buffers (no Python object per value); a column with a
    /// value of more than 38 digits at that scale is `decimal256(76, s)`, as `planwatch._frames`
    /// makes it.
    #[pyo3(signature = (decimal = true))]
    fn to_arrow<'py>(&self, py: Python<'py>, decimal: bool) -> PyResult<Bound<'py, PyAny>> {
        let frames = py.import("planwatch._frames")?;
        if !decimal {
            return frames.call_method1("to_arrow", (self._columns(py, false)?,));
        }
        let (file, cols) = py.detach(|| self.columns());
        let dict = PyDict::new(py);
        dict.set_item(FILE_FIELD, file.into_py(py)?)?;
        let floats = columns_to_py(py, &cols, false)?;
        let mut buffers = Vec::new();
        for (i, col) in cols.columns.iter().enumerate() {
            match &col.data {
                ColumnData::Decimal(values) => match py.detach(|| decimal128(values)) {
                    // After `file`: the column's place in the table.
                    Some(b) => buffers.push((i + 1, col.name, b)),
                    None => {
                        let mut one = Columns::default();
                        one.columns.push(col.clone());
                        dict.update(columns_to_py(py, &one, true)?.as_mapping())?;
                    }
                },
                _ => dict.set_item(col.name, floats.get_item(col.name)?)?,
            }
        }
        let mut table = frames.call_method1("to_arrow", (dict,))?;
        let pa = py.import("pyarrow")?;
        let rows = self.rows.len();
        for (at, name, (scale, data, valid)) in buffers {
            let kind = pa.call_method1("decimal128", (38, scale))?;
            let validity = match valid {
                Some(v) => pa.call_method1("py_buffer", (PyBytes::new(py, &v),))?,
                None => py.None().into_bound(py),
            };
            let values = pa.call_method1("py_buffer", (PyBytes::new(py, &data),))?;
            let array = pa
                .getattr("Array")?
                .call_method1("from_buffers", (kind, rows, (validity, values)))?;
            table = table.call_method1("add_column", (at, name, array))?;
        }
        Ok(table)
    }

    /// The Arrow PyCapsule stream interface: the table of `to_arrow()`.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table = self.to_arrow(py, true)?;
        py.import("planwatch._frames")?
            .call_method1("arrow_stream", (table, requested_schema))
    }

    /// One result of several, their files and errors in order (for results of parts of a
    /// corpus, as `planwatch.dask` makes them); all mentions or all records.
    #[staticmethod]
    fn concat(py: Python<'_>, results: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut out: Option<PyExtractedFiles> = None;
        for item in results.try_iter()? {
            let item = item?;
            let part = item.cast::<PyExtractedFiles>().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err("concat: expected ExtractedFiles items")
            })?;
            let part = part.get();
            match &mut out {
                None => {
                    out = Some(PyExtractedFiles {
                        targets: part.targets,
                        files: part.files.clone(),
                        rows: part.rows.clone(),
                        errors: part.errors.clone(),
                    });
                }
                Some(acc) => {
                    if !acc.rows.append(part.rows.clone()) {
                        return Err(errors::invalid(
                            py,
                            "concat: results of mentions and of records cannot be joined",
                        ));
                    }
                    acc.files.extend(part.files.iter().cloned());
                    acc.errors.extend(part.errors.iter().cloned());
                }
            }
        }
        out.ok_or_else(|| errors::invalid(py, "concat: no results to join"))
    }

    #[classmethod]
    fn _from_state(_cls: &Bound<'_, PyType>, py: Python<'_>, state: &str) -> PyResult<Self> {
        let s: State = serde_json::from_str(state)
            .map_err(|e| errors::invalid(py, &format!("not an ExtractedFiles state: {e}")))?;
        Ok(PyExtractedFiles {
            targets: s.targets,
            files: s.files,
            rows: if s.targets {
                Rows::Records(s.records)
            } else {
                Rows::Mentions(s.mentions)
            },
            errors: s.errors,
        })
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let me = slf.get();
        let state = py.detach(|| serde_json::to_string(&me.state()).unwrap_or_default());
        Ok((slf.get_type().getattr("_from_state")?, (state,)))
    }
}

/// The paths of a `paths` argument: one path (a `str` or an `os.PathLike`) or an iterable of
/// them.
fn path_args(paths: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let one = |p: &Bound<'_, PyAny>| -> PyResult<String> {
        Ok(p.extract::<PathBuf>()?.to_string_lossy().into_owned())
    };
    if paths.is_instance_of::<PyString>() || paths.hasattr("__fspath__")? {
        return Ok(vec![one(paths)?]);
    }
    paths.try_iter()?.map(|p| one(&p?)).collect()
}

fn encoding_arg(py: Python<'_>, encoding: Option<&str>) -> PyResult<Encoding> {
    const KNOWN: [&str; 4] = ["utf-8", "utf8", "gb18030", "gbk"];
    match encoding.map(str::to_ascii_lowercase).as_deref() {
        None | Some("utf-8" | "utf8") => Ok(Encoding::Utf8),
        Some("gb18030" | "gbk") => Ok(Encoding::Gb18030),
        Some(other) => Err(errors::unknown_code(py, "encoding", other, &KNOWN)),
    }
}

/// The files `paths` names, as `planwatch extract` finds them: a file is itself, a folder is
/// walked for `*.txt` files (sorted), a pattern with `*`, `?` or `[` is a glob (sorted), `-` is
/// standard input. Returns the names found and `(path, why)` for each path that names nothing.
#[pyfunction]
pub fn _expand_paths(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
) -> PyResult<(Vec<String>, Vec<FileError>)> {
    let args = path_args(paths)?;
    let (inputs, missing) = py.detach(|| inputs::expand(&args));
    Ok((
        inputs.into_iter().map(|i| i.name).collect(),
        missing.into_iter().map(|m| (m.arg, m.why)).collect(),
    ))
}

/// Reads and extracts many text files in parallel in Rust (the GIL released), as
/// `planwatch extract` does: `paths` is one path or a list of files, folders (walked for
/// `*.txt`, sorted), glob patterns and `-` (standard input). Returns one `ExtractedFiles` of
/// every mention (or, with `targets=True`, every target and outcome; a file's document id is
/// its stem), each row naming its file, in input order whatever `jobs` (default: all cores).
/// `encoding` is `utf-8` (default) or `gb18030` (which also reads GBK); `catalogue` names the
/// indicators (default: the built-in one).
///
/// An input that cannot be read or decoded, or a path that names nothing, raises `LoadError`
/// naming it (`errors="raise"`, the default), or is listed in the result's `errors` while the
/// others are extracted (`errors="collect"`).
#[pyfunction]
#[pyo3(signature = (paths, /, jobs = None, targets = false, encoding = None, catalogue = None, *, errors = "raise"))]
pub fn extract_files(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    targets: bool,
    encoding: Option<&str>,
    catalogue: Option<&Bound<'_, PyCatalogue>>,
    errors: &str,
) -> PyResult<PyExtractedFiles> {
    let collect = match errors {
        "raise" => false,
        "collect" => true,
        other => {
            return Err(errors::unknown_code(
                py,
                "errors",
                other,
                &["raise", "collect"],
            ));
        }
    };
    let encoding = encoding_arg(py, encoding)?;
    let jobs = match jobs {
        Some(0) => return Err(errors::invalid(py, "jobs must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let args = path_args(paths)?;
    if args.iter().filter(|p| p.as_str() == "-").count() > 1 {
        return Err(errors::invalid(
            py,
            "standard input (-) can be given only once",
        ));
    }
    let extractor = catalogue
        .and_then(|c| c.get().extractor())
        .unwrap_or_else(|| planwatch::builtin::extractor());
    let cat: &Catalogue = match catalogue {
        Some(c) => &c.get().inner,
        None => planwatch::builtin::catalogue(),
    };
    let settings = Settings {
        extractor,
        catalogue: cat,
        targets,
        encoding,
    };
    let run = py.detach(|| -> std::io::Result<_> {
        let (inputs, missing) = inputs::expand(&args);
        let results = files::extract_all(&settings, &inputs, jobs)?;
        Ok((inputs, missing, results))
    });
    let (inputs, missing, results) =
        run.map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
    let mut errs: Vec<(String, String)> = missing.into_iter().map(|m| (m.arg, m.why)).collect();
    let mut entries = Vec::new();
    let mut rows = Rows::empty(targets);
    for (input, result) in inputs.into_iter().zip(results) {
        let Input { name, out_stem, .. } = input;
        match result {
            Ok(r) => {
                entries.push(Entry {
                    name,
                    out_stem,
                    rows: r.len(),
                });
                rows.append(r);
            }
            Err(f) => errs.push((name, f.why)),
        }
    }
    if let (false, Some((path, why))) = (collect, errs.first()) {
        let message = match errs.len() {
            1 => why.clone(),
            n => format!(
                "{why} (and {} more inputs failed; errors=\"collect\" lists them)",
                n - 1
            ),
        };
        return Err(errors::load(
            py,
            &planwatch::error::LoadError {
                path: Some(path.clone()),
                line: 0,
                column: 0,
                message,
            },
        ));
    }
    Ok(PyExtractedFiles {
        targets,
        files: entries,
        rows,
        errors: errs,
    })
}
