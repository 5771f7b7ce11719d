//! Datasets: one document's targets, outcomes and stated verdicts, in the file format users
//! write for their own plans.
//!
//! A dataset file is JSON (see the README's "Data files" section): a `document`, optional
//! extra `indicators`, and lists of `targets`, `outcomes` and `verdicts`. Quantities are
//! objects whose `value` is a decimal **string** (`"32379.77"`), so nothing is lost to floats.
//! Loading reports problems with file, line and column.

use crate::document::{Document, Period, Provenance};
use crate::error::LoadError;
use crate::indicator::{Catalogue, Indicator};
use crate::target::Verdict;
use crate::target::{Outcome, Target};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A verdict the document states in words, without a number to assess
/// (`能耗强度下降和碳强度下降不及预期`).
///
/// ```
/// use planwatch::assess::Verdict;
/// use planwatch::dataset::StatedVerdict;
/// use planwatch::document::Period;
/// let json = r#"{"indicator": "energy_intensity", "period": {"year": 2023}, "verdict": "missed"}"#;
/// let v: StatedVerdict = serde_json::from_str(json).unwrap();
/// assert_eq!((v.period, v.verdict, v.provenance), (Period::year(2023), Verdict::Missed, None));
/// ```
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
///
/// ```
/// use planwatch::dataset::Dataset;
/// let json = r#"{
///   "document": {"id": "demo-2024", "title": "示例计划报告", "issuer": "示例发展改革委",
///                "kind": "provincial_report", "jurisdiction": "440000"},
///   "targets": [{"indicator": "gdp_growth", "period": {"year": 2024},
///                "figure": {"comparator": "around", "value": {"value": "5", "unit": "percent"},
///                           "direction": "increase", "text": "增长5%左右"}}],
///   "outcomes": [{"indicator": "gdp_growth", "period": {"year": 2023},
///                 "figure": {"comparator": "exact", "value": {"value": "5.20", "unit": "percent"},
///                            "direction": "increase", "text": "增长5.20%"}}]
/// }"#;
/// let ds = Dataset::from_json(json, None).unwrap();
/// assert_eq!(ds.document.id, "demo-2024");
/// assert_eq!(ds.targets[0].figure.value.as_ref().unwrap().to_string(), "5%");
/// // Decimals keep their published digits, trailing zero included.
/// assert_eq!(ds.outcomes[0].figure.value.as_ref().unwrap().to_string(), "5.20%");
/// assert!(ds.verdicts.is_empty() && ds.indicators.is_empty() && ds.text.is_none());
/// ```
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
        crate::error::from_json_located(json, path)
    }

    /// Reads a dataset file and, when its document names a `source` file, that text too
    /// (relative to the data file).
    ///
    /// # Errors
    /// A [`LoadError`] when a file cannot be read or does not parse.
    ///
    /// ```
    /// use planwatch::dataset::Dataset;
    /// let dir = std::env::temp_dir().join(format!("planwatch-doc-from-path-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("report.txt"), "全年经济增长5.2%。").unwrap();
    /// std::fs::write(dir.join("data.json"), r#"{"document": {"id": "demo", "title": "示例",
    ///     "issuer": "示例", "kind": "other", "jurisdiction": "CN", "source": "report.txt"}}"#).unwrap();
    /// let ds = Dataset::from_path(dir.join("data.json")).unwrap();
    /// assert_eq!(ds.text.as_deref(), Some("全年经济增长5.2%。"));
    ///
    /// let err = Dataset::from_path(dir.join("missing.json")).unwrap_err();
    /// assert_eq!((err.line, err.column), (0, 0));
    /// assert!(err.path.unwrap().ends_with("missing.json"));
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
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
    ///
    /// ```
    /// use planwatch::dataset::Dataset;
    /// let json = r#"{
    ///   "document": {"id": "demo-2024", "title": "示例计划报告", "issuer": "示例发展改革委",
    ///                "kind": "provincial_report", "jurisdiction": "440000"},
    ///   "targets": [{"indicator": "gdp_growth", "period": {"year": 2024},
    ///                "figure": {"comparator": "around", "value": {"value": "5", "unit": "percent"},
    ///                           "direction": "increase", "text": "增长5%左右"}}],
    ///   "outcomes": [{"indicator": "gdp_growth", "period": {"year": 2023},
    ///                 "figure": {"comparator": "exact", "value": {"value": "5.20", "unit": "percent"},
    ///                            "direction": "increase", "text": "增长5.20%"}}]
    /// }"#;
    /// let ds = Dataset::from_json(json, None).unwrap().with_text("全文");
    /// let out = ds.to_json();
    /// assert!(out.contains(r#""value": "5.20""#));
    /// assert!(!out.contains("全文")); // the text is not part of the file
    /// assert_eq!(Dataset::from_json(&out, None).unwrap(), Dataset { text: None, ..ds });
    /// ```
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The same dataset with its document text attached.
    ///
    /// ```
    /// let ds = planwatch::dataset::Dataset::from_json(
    ///     r#"{"document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN"}}"#,
    ///     None,
    /// ).unwrap();
    /// assert_eq!(ds.text, None);
    /// assert_eq!(ds.with_text("全年经济增长5.2%。").text.as_deref(), Some("全年经济增长5.2%。"));
    /// ```
    pub fn with_text(mut self, text: impl Into<Arc<str>>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// `base` extended with this dataset's own indicators (an indicator of the dataset replaces
    /// one of `base` with the same id). With the built-in catalogue as `base`, this is
    /// `planwatch::builtin::catalogue_for(&dataset)`.
    ///
    /// ```
    /// use planwatch::dataset::Dataset;
    /// use planwatch::indicator::Catalogue;
    /// let json = r#"{
    ///   "document": {"id": "d", "title": "t", "issuer": "i", "kind": "other", "jurisdiction": "CN"},
    ///   "indicators": [{"id": "tea_output", "name_zh": "茶叶产量", "name_en": "Tea output",
    ///                   "category": "agriculture", "desired": "higher_better", "measure": "level",
    ///                   "unit": "ton"}]
    /// }"#;
    /// let ds = Dataset::from_json(json, None).unwrap();
    /// let own = ds.catalogue_over(&Catalogue::default());
    /// assert_eq!((own.len(), own.lookup("茶叶产量").unwrap().id.as_str()), (1, "tea_output"));
    /// let builtin = planwatch::builtin::catalogue();
    /// let cat = ds.catalogue_over(builtin);
    /// assert_eq!(cat.get("gdp_growth").unwrap().name_zh, "国内生产总值增长");
    /// assert_eq!(cat.len(), builtin.len() + 1);
    ///
    /// // An indicator of the dataset replaces the base's one with its id.
    /// let mut mine = builtin.get("gdp_growth").unwrap().clone();
    /// mine.name_en = "Real GDP growth".into();
    /// let ds = Dataset { indicators: vec![mine], ..ds };
    /// let cat = ds.catalogue_over(builtin);
    /// assert_eq!((cat.len(), cat.get("gdp_growth").unwrap().name_en.as_str()), (builtin.len(), "Real GDP growth"));
    /// ```
    pub fn catalogue_over(&self, base: &Catalogue) -> Catalogue {
        base.extended(&self.indicators)
    }
}
