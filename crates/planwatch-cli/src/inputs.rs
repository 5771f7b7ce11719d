//! The inputs named on the command line: files, folders (walked for `*.txt`), globs and `-`.

use std::path::{Path, PathBuf};

/// One text to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

/// One input, in the order it is processed and written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Where the text is.
    pub source: Source,
    /// The name every row carries in its `file` field: the path as found (`-` for stdin).
    pub name: String,
    /// The document id: the file stem (`stdin` for standard input).
    pub doc_id: String,
    /// The output file's path under `--out-dir`, without extension: the path below the folder
    /// argument it was found in, or the file name for a file or glob argument.
    pub out_stem: PathBuf,
    /// The size in bytes, when known before reading (for the progress bar).
    pub size: Option<u64>,
}

/// An argument that names nothing to read.
#[derive(Debug)]
pub struct Missing {
    /// The argument as given.
    pub arg: String,
    /// Why.
    pub why: String,
}

fn file_input(path: PathBuf, out_stem: PathBuf) -> Input {
    let size = std::fs::metadata(&path).ok().map(|m| m.len());
    Input {
        name: path.to_string_lossy().into_owned(),
        doc_id: path
            .file_stem()
            .map_or_else(|| "doc".into(), |s| s.to_string_lossy().into_owned()),
        out_stem,
        source: Source::File(path),
        size,
    }
}

fn stem_of(path: &Path) -> PathBuf {
    path.file_name()
        .map_or_else(|| PathBuf::from("doc"), PathBuf::from)
        .with_extension("")
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

/// Every `*.txt` file below `dir`, in sorted path order.
fn walk(dir: &Path, inputs: &mut Vec<Input>, missing: &mut Vec<Missing>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && is_txt(e.path()) => {
                let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
                inputs.push(file_input(e.path().to_path_buf(), rel.with_extension("")));
            }
            Ok(_) => {}
            Err(err) => missing.push(Missing {
                arg: err.path().unwrap_or(dir).to_string_lossy().into_owned(),
                why: err.to_string(),
            }),
        }
    }
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

/// Expands the arguments, in order: `-` is standard input, a folder is walked for `*.txt`
/// files (sorted), a file is itself, and an argument that names no file but holds `*`, `?`
/// or `[` is a glob pattern (matches sorted; a matched folder is walked). Arguments that name
/// nothing are returned apart, to be reported as failed inputs.
pub fn expand(args: &[String]) -> (Vec<Input>, Vec<Missing>) {
    let mut inputs = Vec::new();
    let mut missing = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input {
                source: Source::Stdin,
                name: "-".into(),
                doc_id: "stdin".into(),
                out_stem: PathBuf::from("stdin"),
                size: None,
            });
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, &mut inputs, &mut missing);
        } else if path.exists() {
            inputs.push(file_input(path.to_path_buf(), stem_of(path)));
        } else if is_glob(arg) {
            match glob::glob(arg) {
                Ok(paths) => {
                    let mut matched: Vec<PathBuf> = Vec::new();
                    for p in paths {
                        match p {
                            Ok(p) => matched.push(p),
                            Err(e) => missing.push(Missing {
                                arg: e.path().to_string_lossy().into_owned(),
                                why: e.error().to_string(),
                            }),
                        }
                    }
                    matched.sort();
                    if matched.is_empty() {
                        missing.push(Missing {
                            arg: arg.clone(),
                            why: "the pattern matches no file".into(),
                        });
                    }
                    for p in matched {
                        if p.is_dir() {
                            walk(&p, &mut inputs, &mut missing);
                        } else {
                            let stem = stem_of(&p);
                            inputs.push(file_input(p, stem));
                        }
                    }
                }
                Err(e) => missing.push(Missing {
                    arg: arg.clone(),
                    why: format!("not a valid pattern: {e}"),
                }),
            }
        } else {
            missing.push(Missing {
                arg: arg.clone(),
                why: "no such file or folder".into(),
            });
        }
    }
    (inputs, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_sorted_order_for_txt_only() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b")).unwrap();
        for f in ["b/z.txt", "b/a.txt", "c.txt", "a.txt", "notes.md"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let (inputs, missing) = expand(&[d.to_string_lossy().into_owned()]);
        assert!(missing.is_empty());
        let stems: Vec<_> = inputs
            .iter()
            .map(|i| i.out_stem.to_string_lossy().into_owned())
            .collect();
        assert_eq!(stems, ["a", "b/a", "b/z", "c"]);
        assert_eq!(inputs[1].doc_id, "a");
    }

    #[test]
    fn globs_and_missing_paths() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in ["y.txt", "x.txt", "x.csv"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let pattern = d.join("*.txt").to_string_lossy().into_owned();
        let absent = d.join("absent.txt").to_string_lossy().into_owned();
        let none = d.join("*.json").to_string_lossy().into_owned();
        let (inputs, missing) = expand(&[pattern, absent.clone(), none, "-".into()]);
        let names: Vec<_> = inputs.iter().map(|i| i.doc_id.as_str()).collect();
        assert_eq!(names, ["x", "y", "stdin"]);
        assert_eq!(missing.len(), 2);
        assert_eq!(missing[0].arg, absent);
    }
}
