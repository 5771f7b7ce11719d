//! Datasets: one document's targets, outcomes and stated verdicts, in the file format users
//! write for their own plans.
//!
//! A dataset file is JSON (see the README's "Data files" section): a `document`, optional
//! extra `indicators`, and lists of `targets`, `outcomes` and `verdicts`. Quantities are
//! objects whose `value` is a decimal **string** (`"32379.77"`), so nothing is lost to floats.
//! Loading reports problems with file, line and column.

use crate::assess::Verdict;
use crate::document::{Document, Period, Provenance};
use crate::error::LoadError;
use crate::indicator::{Catalogue, Indicator};
use crate::target::{Outcome, Target};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A verdict the document states in words, without a number to assess
/// (`能耗强度下降和碳强度下降不及预期`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedVerdict {
    /// Catalogue id of the indicator the verdict is about.
    pub indicator: String,
    /// The period whose target the verdict judges.
    pub period: Period,
    /// The verdict as stated.
    pub verdict: Verdict,
    /// Where the verdict was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// One document's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The document the data is read from.
    pub document: Document,
    /// Indicators beyond the built-in catalogue that this dataset uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Targets the document sets or restates.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Outcomes the document reports.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Verdicts the document states in words.
    #[serde(default)]
    pub verdicts: Vec<StatedVerdict>,
    /// The document's text, when known: provenance is checked against it.
    #[serde(skip)]
    pub text: Option<Arc<str>>,
}

impl Dataset {
    /// Reads a dataset from JSON. `path` only labels errors.
    ///
    /// # Errors
    /// A [`LoadError`] with line and column for malformed JSON, unknown fields, bad unit codes
    /// or decimals.
    ///
    /// ```
    /// let err = planwatch::dataset::Dataset::from_json("{\n  \"document\": 3\n}", Some("mine.json")).unwrap_err();
    /// assert_eq!((err.path.as_deref(), err.line, err.column), (Some("mine.json"), 2, 15));
    /// ```
    pub fn from_json(json: &str, path: Option<&str>) -> Result<Self, LoadError> {
        from_json_located(json, path)
    }

    /// Reads a dataset file and, when its document names a `source` file, that text too
    /// (relative to the data file).
    ///
    /// # Errors
    /// A [`LoadError`] when a file cannot be read or does not parse.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Self, LoadError> {
        let path = path.as_ref();
        let label = path.display().to_string();
        let json = std::fs::read_to_string(path).map_err(|e| LoadError {
            path: Some(label.clone()),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        let mut ds = Self::from_json(&json, Some(&label))?;
        if let Some(source) = ds.document.source.clone() {
            let src = path
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .join(&source);
            let text = std::fs::read_to_string(&src).map_err(|e| LoadError {
                path: Some(src.display().to_string()),
                line: 0,
                column: 0,
                message: format!("cannot read the document text named by `source`: {e}"),
            })?;
            ds.text = Some(Arc::from(text));
        }
        Ok(ds)
    }

    /// Writes the dataset as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The same dataset with its document text attached.
    pub fn with_text(mut self, text: impl Into<Arc<str>>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// The built-in catalogue extended with this dataset's own indicators.
    pub fn catalogue(&self) -> Catalogue {
        let mut cat = Catalogue::builtin();
        for ind in &self.indicators {
            cat.insert(ind.clone());
        }
        cat
    }
}

/// Deserializes JSON, mapping errors to a [`LoadError`] with line and column.
pub(crate) fn from_json_located<T: DeserializeOwned>(
    json: &str,
    path: Option<&str>,
) -> Result<T, LoadError> {
    serde_json::from_str(json).map_err(|e| LoadError {
        path: path.map(str::to_string),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}
