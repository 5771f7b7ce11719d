//! The texts behind planwatch's built-in panel: China's national government work reports
//! (政府工作报告) delivered 1954–2025 and the 31 provincial government work reports of 2025,
//! byte-identical to their public copies, with the datasets read from them.
//!
//! This crate holds data only, so that the `planwatch` crate stays small for users who do not
//! want the corpus (`default-features = false`); `planwatch::builtin::panel()` reads it.
//! Official documents of the state are not protected by copyright (Copyright Law of the PRC,
//! art. 5).
//!
//! ```
//! let t = planwatch_corpus::text("gwr/gwr-2024.txt").unwrap();
//! assert_eq!((t.jurisdiction, t.year), ("CN", 2024));
//! assert!(t.text.contains("国内生产总值增长5%左右"));
//! assert_eq!(planwatch_corpus::texts().iter().filter(|t| t.jurisdiction == "CN").count(), 53);
//! assert_eq!(planwatch_corpus::texts().iter().filter(|t| t.jurisdiction != "CN").count(), 31);
//! ```
#![forbid(unsafe_code)]

mod datasets;
mod texts;

/// What kind of report a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The State Council's government work report to the National People's Congress.
    GovernmentWorkReport,
    /// A provincial-level government's work report to its people's congress.
    ProvincialReport,
}

/// One text of the corpus, as listed in `texts/manifest.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// The path under `texts/` (`gwr/gwr-2024.txt`, `provincial-2025/440000-广东省-2025.txt`).
    pub path: &'static str,
    /// National or provincial report.
    pub kind: Kind,
    /// `CN` or the GB/T 2260 code of the province.
    pub jurisdiction: &'static str,
    /// The year the report was delivered.
    pub year: i32,
    /// The length in Unicode code points.
    pub chars: usize,
    /// The SHA-256 of the text's UTF-8 bytes, lowercase hex.
    pub sha256: &'static str,
    /// The public copy the text was taken from.
    pub source: &'static str,
    /// The text.
    pub text: &'static str,
}

/// Every text: national reports by year, then provincial reports by code.
pub fn texts() -> &'static [Text] {
    texts::TEXTS
}

/// The text at `path` (under `texts/`), if the corpus has it.
///
/// ```
/// assert!(planwatch_corpus::text("gwr/gwr-1996.txt").is_none()); // not in the corpus
/// ```
pub fn text(path: &str) -> Option<&'static Text> {
    texts::TEXTS.iter().find(|t| t.path == path)
}

/// One dataset read from a text: the document id, the text's path and the dataset's JSON (the
/// format of `planwatch::dataset::Dataset`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatasetFile {
    /// The document id (`cn-gwr-2024`).
    pub id: &'static str,
    /// The path of the text under `texts/`.
    pub path: &'static str,
    /// The dataset as JSON.
    pub json: &'static str,
}

/// The datasets read from the texts, national by year, then provincial by code.
pub fn datasets() -> &'static [DatasetFile] {
    datasets::DATASETS
}
