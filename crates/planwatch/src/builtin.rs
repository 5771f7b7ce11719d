//! The 2024 NDRC plan report as built-in data, usable with no file or network access.
//!
//! The crate embeds, at compile time:
//!
//! * [`TEXT`], a byte-identical copy of the report (关于2023年国民经济和社会发展计划执行情况与2024年
//!   国民经济和社会发展计划草案的报告, delivered on 5 March 2024), whose SHA-256 is [`SHA256`];
//! * the indicator catalogue, `data/indicators.json` ([`catalogue`]);
//! * the report's dataset, `data/cn-ndrc-plan-report-2024.json` ([`dataset`]): every quantitative
//!   statement of the report that measures the economy or society, as targets (2024, and the 2023
//!   targets the report restates), outcomes (2023) and the verdicts the report states in words, each
//!   with the byte span and quote of the text it was read from.
//!
//! The two JSON files are in the same format users write for their own plans (see
//! [`crate::dataset`]); they are parsed once, on first use, and shared afterwards.
//!
//! # Failure
//!
//! The embedded files are checked by the crate's tests, so parsing them does not fail in a
//! released build. The functions here still never panic: [`try_catalogue`] and [`try_dataset`]
//! return the [`LoadError`] if the embedded JSON could not be read, and the infallible
//! [`catalogue`], [`dataset`] and [`document`] fall back to an empty catalogue, a dataset with
//! no records, and the document's metadata written in the code.
//!
//! ```
//! use planwatch::builtin;
//! let ds = builtin::dataset();
//! assert_eq!(ds.document.id, "cn-ndrc-plan-report-2024");
//! let gdp = ds.outcomes.iter().find(|o| o.indicator == "gdp").unwrap();
//! assert_eq!(gdp.figure.text, "126.06万亿元");
//! let p = gdp.provenance.as_ref().unwrap();
//! assert_eq!(&builtin::TEXT[p.start..p.end], "国内生产总值（GDP）126.06万亿元");
//! ```

use crate::dataset::Dataset;
use crate::document::{Document, DocumentKind};
use crate::error::LoadError;
use crate::extract::{Extraction, Extractor, Mention};
use crate::indicator::Catalogue;
#[cfg(feature = "corpus")]
use crate::jurisdiction::Jurisdiction;
use crate::panel::Panel;
use crate::validate::{Identity, LevelOrdering, RecordKind, Rule};
/// The corpus: the national government work reports 1954–2025 and the 31 provincial reports of
/// 2025, byte-identical (the `planwatch-corpus` crate, with the default feature `corpus`).
///
/// ```
/// let t = planwatch::builtin::corpus::text("gwr/gwr-2024.txt").unwrap();
/// assert!(t.text.contains("国内生产总值增长5%左右"));
/// ```
#[cfg(feature = "corpus")]
pub use planwatch_corpus as corpus;
use std::sync::{Arc, OnceLock};

/// The report's text, byte-identical to the published copy (`data/ndrc-plan-report-2024.txt`).
///
/// ```
/// assert!(planwatch::builtin::TEXT.contains("全年国内生产总值（GDP）126.06万亿元，增长5.2%"));
/// assert_eq!(planwatch::builtin::TEXT.chars().count(), 35_301);
/// ```
pub const TEXT: &str = include_str!("../data/ndrc-plan-report-2024.txt");

/// The SHA-256 of [`TEXT`] (its UTF-8 bytes), lowercase hex.
///
/// ```
/// assert_eq!(planwatch::builtin::SHA256.len(), 64);
/// ```
pub const SHA256: &str = "d82d0a588579e5526d6458650252f7558dc3c5bf9d17fbb97f52ad19b10a34ca";

/// The id of the built-in document.
///
/// ```
/// assert_eq!(planwatch::builtin::DOCUMENT_ID, planwatch::builtin::document().id);
/// ```
pub const DOCUMENT_ID: &str = "cn-ndrc-plan-report-2024";

/// The embedded catalogue file, `data/indicators.json`.
///
/// ```
/// assert!(planwatch::builtin::CATALOGUE_JSON.trim_start().starts_with('['));
/// ```
pub const CATALOGUE_JSON: &str = include_str!("../data/indicators.json");

/// The embedded dataset file, `data/cn-ndrc-plan-report-2024.json`.
///
/// ```
/// let ds = planwatch::dataset::Dataset::from_json(planwatch::builtin::DATASET_JSON, None).unwrap();
/// assert_eq!(ds.document.plan_year, Some(2024));
/// ```
pub const DATASET_JSON: &str = include_str!("../data/cn-ndrc-plan-report-2024.json");

const CATALOGUE_PATH: &str = "data/indicators.json";
const DATASET_PATH: &str = "data/cn-ndrc-plan-report-2024.json";

static CATALOGUE: OnceLock<Result<Catalogue, LoadError>> = OnceLock::new();
static DATASET: OnceLock<Result<Dataset, LoadError>> = OnceLock::new();
static EMPTY_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fn load_catalogue() -> &'static Result<Catalogue, LoadError> {
    CATALOGUE.get_or_init(|| {
        Catalogue::from_json(CATALOGUE_JSON).map_err(|mut e| {
            e.path = Some(CATALOGUE_PATH.to_string());
            e
        })
    })
}

fn load_dataset() -> &'static Result<Dataset, LoadError> {
    DATASET.get_or_init(|| {
        Dataset::from_json(DATASET_JSON, Some(DATASET_PATH))
            .map(|ds| ds.with_text(Arc::<str>::from(TEXT)))
    })
}

/// The built-in catalogue, or the error met reading the embedded file.
///
/// # Errors
/// A [`LoadError`] (path `data/indicators.json`, line, column) if the embedded catalogue does not
/// parse; the crate's tests make sure it does.
///
/// ```
/// let cat = planwatch::builtin::try_catalogue().unwrap();
/// assert_eq!(cat.get("gdp_growth").unwrap().name_zh, "国内生产总值增长");
/// ```
pub fn try_catalogue() -> Result<&'static Catalogue, LoadError> {
    load_catalogue().as_ref().map_err(Clone::clone)
}

/// The built-in catalogue, shared (no copy): every indicator of the built-in data, and the
/// headline indicators of five-year plans and government work reports besides.
///
/// The embedded file is checked by the crate's tests; were it ever unreadable, this is an empty
/// catalogue and [`try_catalogue`] says why. Code that must not go on with an empty catalogue
/// (the Python bindings, for one) calls [`try_catalogue`].
///
/// ```
/// let cat = planwatch::builtin::catalogue();
/// assert_eq!(cat.lookup("CPI").map(|i| i.id.as_str()), Some("cpi_change"));
/// let gdp = cat.lookup("国内生产总值").unwrap();
/// assert_eq!((gdp.id.as_str(), gdp.unit.code()), ("gdp", "CNY"));
/// ```
pub fn catalogue() -> &'static Catalogue {
    match load_catalogue() {
        Ok(cat) => cat,
        Err(_) => EMPTY_CATALOGUE.get_or_init(Catalogue::default),
    }
}

/// The catalogue a dataset is read with: the built-in catalogue extended with the dataset's own
/// indicators, which replace built-in ones of the same id
/// ([`Dataset::catalogue_over`] the built-in catalogue).
///
/// ```
/// let ds = planwatch::builtin::dataset();
/// let cat = planwatch::builtin::catalogue_for(&ds);
/// assert_eq!(cat.len(), planwatch::builtin::catalogue().len());
/// ```
pub fn catalogue_for(ds: &Dataset) -> Catalogue {
    ds.catalogue_over(catalogue())
}

/// The extractor compiled once for the built-in catalogue (see [`crate::extract::Extractor`]).
///
/// ```
/// let ms = planwatch::builtin::extractor().mentions("年末外汇储备规模为32379.77亿美元。");
/// assert_eq!(ms[0].indicator.as_deref(), Some("fx_reserves"));
/// ```
pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(catalogue()))
}

/// Every mention of `text`, with indicators from the built-in catalogue; re-exported as
/// `planwatch::extract`.
///
/// ```
/// use planwatch::target::Direction;
/// let ms = planwatch::extract("1年期和5年期贷款市场报价利率（LPR）分别下降0.2个和0.1个百分点");
/// assert_eq!(ms.len(), 2);
/// assert_eq!(ms[0].figure.value.as_ref().unwrap().unit().code(), "percentage_point");
/// assert_eq!(ms[0].figure.direction, Some(Direction::Decrease));
/// assert_eq!(ms[0].subject.as_deref(), Some("1年期贷款市场报价利率（LPR）"));
/// assert_eq!(ms[1].subject.as_deref(), Some("5年期贷款市场报价利率（LPR）"));
/// ```
pub fn extract(text: &str) -> Vec<Mention> {
    extractor().mentions(text)
}

/// The targets and outcomes of a document read with the built-in catalogue (see
/// [`crate::extract::extract_document`]).
///
/// ```
/// let x = planwatch::builtin::extract_document("二、2024年主要预期目标 国内生产总值增长5%左右。", "doc");
/// assert_eq!(x.targets[0].indicator, "gdp_growth");
/// ```
pub fn extract_document(text: &str, doc_id: &str) -> Extraction {
    extractor().document(text, doc_id)
}

/// The built-in dataset with its text attached, or the error met reading the embedded file.
///
/// # Errors
/// A [`LoadError`] (path `data/cn-ndrc-plan-report-2024.json`, line, column) if the embedded
/// dataset does not parse; the crate's tests make sure it does.
///
/// ```
/// let ds = planwatch::builtin::try_dataset().unwrap();
/// assert_eq!(ds.text.as_deref(), Some(planwatch::builtin::TEXT));
/// ```
pub fn try_dataset() -> Result<&'static Dataset, LoadError> {
    load_dataset().as_ref().map_err(Clone::clone)
}

/// The built-in dataset (a copy, sharing the text): the report's targets, outcomes and stated
/// verdicts, with [`TEXT`] attached so provenance can be checked.
///
/// If the embedded file could not be read (see [`try_dataset`]), a dataset with the document's
/// metadata, the text and no records.
///
/// ```
/// use planwatch::target::Comparator;
/// let ds = planwatch::builtin::dataset();
/// let jobs = ds
///     .targets
///     .iter()
///     .find(|t| t.indicator == "urban_new_jobs" && t.period.year == 2024)
///     .unwrap();
/// assert_eq!(jobs.figure.comparator, Comparator::AtLeast);
/// assert_eq!(jobs.figure.value.as_ref().unwrap().to_string(), "1200万人");
/// ```
pub fn dataset() -> Dataset {
    match load_dataset() {
        Ok(ds) => ds.clone(),
        Err(_) => Dataset {
            document: fallback_document(),
            indicators: Vec::new(),
            targets: Vec::new(),
            outcomes: Vec::new(),
            verdicts: Vec::new(),
            text: Some(Arc::from(TEXT)),
        },
    }
}

/// The built-in panel: every built-in document's dataset, joined across documents (see
/// [`crate::panel`]).
///
/// ```
/// use planwatch::document::Period;
/// let panel = planwatch::builtin::panel();
/// let t = panel.target("CN", "gdp_growth", &Period::year(2024)).unwrap();
/// // The report that sets the year's plan (the government work report of 2024) comes first.
/// assert_eq!((t.record.figure.text.as_str(), t.document.id.as_str()), ("5%左右", "cn-gwr-2024"));
/// ```
pub fn panel() -> &'static Panel {
    match load_panel() {
        Ok(panel) => panel,
        Err(_) => EMPTY_PANEL.get_or_init(Panel::default),
    }
}

/// The built-in panel, or the error met reading one of its embedded datasets.
///
/// # Errors
/// The [`LoadError`] of the first embedded dataset that does not parse (the crate's tests make
/// sure they all do).
///
/// ```
/// assert!(planwatch::builtin::try_panel().unwrap().dataset(planwatch::builtin::DOCUMENT_ID).is_some());
/// ```
pub fn try_panel() -> Result<&'static Panel, LoadError> {
    load_panel().as_ref().map_err(Clone::clone)
}

static PANEL: OnceLock<Result<Panel, LoadError>> = OnceLock::new();
static EMPTY_PANEL: OnceLock<Panel> = OnceLock::new();

fn load_panel() -> &'static Result<Panel, LoadError> {
    PANEL.get_or_init(|| {
        let mut datasets = vec![try_dataset()?.clone()];
        datasets.extend(corpus_datasets()?);
        Panel::new(datasets).map_err(|e| LoadError {
            path: None,
            line: 0,
            column: 0,
            message: e.to_string(),
        })
    })
}

/// The datasets of the corpus (national government work reports, provincial reports), each
/// with its text attached.
#[cfg(feature = "corpus")]
fn corpus_datasets() -> Result<Vec<Dataset>, LoadError> {
    planwatch_corpus::datasets()
        .iter()
        .map(|f| {
            let path = format!("planwatch-corpus/datasets/{}.json", f.id);
            let ds = Dataset::from_json(f.json, Some(&path))?;
            Ok(match planwatch_corpus::text(f.path) {
                Some(t) => ds.with_text(Arc::<str>::from(t.text)),
                None => ds,
            })
        })
        .collect()
}

/// Without the `corpus` feature the panel holds the built-in report only.
#[cfg(not(feature = "corpus"))]
fn corpus_datasets() -> Result<Vec<Dataset>, LoadError> {
    Ok(Vec::new())
}

#[cfg(feature = "corpus")]
/// The document id of a text: `cn-gwr-2024`, `440000-gwr-2025`.
fn corpus_document_id(t: &planwatch_corpus::Text) -> String {
    format!("{}-gwr-{}", t.jurisdiction.to_lowercase(), t.year)
}

#[cfg(feature = "corpus")]
/// The delivery date a byline gives (`——2023年3月5日在第十四届全国人民代表大会第一次会议上`),
/// looked for in the opening lines.
fn byline_date(text: &str) -> Option<chrono::NaiveDate> {
    let head: String = text.chars().take(600).collect();
    let digits = |s: &str| -> Option<(u32, usize)> {
        let n: String = s.chars().take_while(char::is_ascii_digit).collect();
        Some((n.parse().ok()?, n.len()))
    };
    let mut rest = head.as_str();
    while let Some(i) = rest.find('年') {
        let before = &rest[..i];
        let year_text: String = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = &rest[i + '年'.len_utf8()..];
        if year_text.len() == 4
            && let Some((month, m_len)) = digits(after)
            && after[m_len..].starts_with('月')
        {
            let after_month = &after[m_len + '月'.len_utf8()..];
            if let Some((day, d_len)) = digits(after_month)
                && after_month[d_len..].starts_with("日在")
                && let Ok(year) = year_text.parse::<i32>()
            {
                return chrono::NaiveDate::from_ymd_opt(year, month, day);
            }
        }
        rest = after;
    }
    None
}

#[cfg(feature = "corpus")]
/// The years a report covers. A report delivered in spring plans its own year and reviews the
/// one before; those of September 1954, December 1964 and autumn 1980–1982 review their own
/// year and plan the next.
fn corpus_years(t: &planwatch_corpus::Text) -> (i32, i32) {
    match (t.jurisdiction, t.year) {
        ("CN", 1954 | 1964 | 1980 | 1981 | 1982) => (t.year, t.year + 1),
        _ => (t.year - 1, t.year),
    }
}

/// The document of a corpus text: id (`cn-gwr-2024`, `440000-gwr-2025`), title, issuer, kind,
/// jurisdiction, the delivery date its byline gives, and its years: a report delivered in spring
/// plans its own year and reviews the one before; those of September 1954, December 1964 and
/// autumn 1980–1982 review their own year and plan the next.
///
/// ```
/// let t = planwatch::builtin::corpus::text("gwr/gwr-2023.txt").unwrap();
/// let doc = planwatch::builtin::corpus_document(t);
/// assert_eq!((doc.id.as_str(), doc.outcome_year, doc.plan_year), ("cn-gwr-2023", Some(2022), Some(2023)));
/// assert_eq!(doc.delivered.unwrap().to_string(), "2023-03-05");
/// let t = planwatch::builtin::corpus::text("provincial-2025/440000-广东省-2025.txt").unwrap();
/// let doc = planwatch::builtin::corpus_document(t);
/// assert_eq!((doc.id.as_str(), doc.jurisdiction.as_str()), ("440000-gwr-2025", "440000"));
/// assert_eq!(doc.issuer, "广东省人民政府");
/// assert_eq!(doc.delivered.unwrap().to_string(), "2025-01-15");
/// ```
#[cfg(feature = "corpus")]
pub fn corpus_document(t: &planwatch_corpus::Text) -> Document {
    let (outcome_year, plan_year) = corpus_years(t);
    let (kind, issuer) = match t.kind {
        planwatch_corpus::Kind::GovernmentWorkReport => {
            (DocumentKind::GovernmentWorkReport, "国务院".to_string())
        }
        planwatch_corpus::Kind::ProvincialReport => (
            DocumentKind::ProvincialReport,
            Jurisdiction::from_code(t.jurisdiction)
                .map(|j| format!("{}人民政府", j.name_zh))
                .unwrap_or_default(),
        ),
    };
    let title = match Jurisdiction::from_code(t.jurisdiction) {
        Some(j) if j.level.is_provincial() => format!("{}年{}政府工作报告", t.year, j.name_zh),
        _ => format!("{}年政府工作报告", t.year),
    };
    Document {
        id: corpus_document_id(t),
        title,
        issuer,
        kind,
        jurisdiction: t.jurisdiction.to_string(),
        delivered: byline_date(t.text),
        outcome_year: Some(outcome_year),
        plan_year: Some(plan_year),
        source: Some(t.path.to_string()),
    }
}

/// The built-in document: the 2024 NDRC report on the 2023 plan's execution and the 2024 draft
/// plan.
///
/// ```
/// use planwatch::document::DocumentKind;
/// let doc = planwatch::builtin::document();
/// assert_eq!(doc.kind, DocumentKind::NdrcPlanReport);
/// assert_eq!(doc.years(), vec![2023, 2024]);
/// assert_eq!(doc.delivered.unwrap().to_string(), "2024-03-05");
/// assert!(doc.title.starts_with("关于2023年国民经济和社会发展计划执行情况"));
/// ```
pub fn document() -> Document {
    match load_dataset() {
        Ok(ds) => ds.document.clone(),
        Err(_) => fallback_document(),
    }
}

/// The consistency rules the report implies, for [`crate::validate::validate_with`]:
///
/// * R&D intensity is R&D expenditure over GDP (`33278.2亿元 / 126.06万亿元 ≈ 2.64%`);
/// * trade with Belt and Road partners is the stated share of all trade in goods
///   (`19.47万亿元 / 41.76万亿元 ≈ 46.6%`);
/// * online retail sales do not exceed total retail sales of consumer goods, trade with Belt and
///   Road partners does not exceed all trade in goods, high-speed railway does not exceed all
///   railway, and final consumption's contribution to growth does not exceed domestic demand's
///   (`其中最终消费支出贡献率为82.5%`).
///
/// Shares within 0–100% need no rule: validation checks every indicator whose measure is a share.
///
/// There is no rule for "level = previous level + stated change": the report states the 2024
/// deficit (4.06万亿元) and its change (1800亿元) but not the 2023 deficit, so such a rule would have
/// nothing to check; `data/README.md` (Consistency checks) says where it would apply.
///
/// ```
/// use planwatch::builtin;
/// use planwatch::validate::{validate_with, Severity};
/// let rules = builtin::rules();
/// assert_eq!(rules.len(), 6);
/// let report = validate_with(&builtin::dataset(), builtin::catalogue(), &rules);
/// assert_eq!(report.errors().count(), 0);
/// ```
pub fn rules() -> Vec<Rule> {
    let share = |share: &str, part: &str, whole: &str| {
        Rule::ShareIdentity(Identity {
            share: share.into(),
            part: part.into(),
            whole: whole.into(),
            tolerance_pp: rust_decimal::Decimal::ZERO,
            kind: RecordKind::Outcome,
        })
    };
    let ordering = |lower: &str, higher: &str| {
        Rule::LevelOrdering(LevelOrdering {
            lower: lower.into(),
            higher: higher.into(),
            kind: RecordKind::Outcome,
        })
    };
    vec![
        share("rd_intensity", "rd_expenditure", "gdp"),
        share("bri_goods_trade_share", "bri_goods_trade", "goods_trade"),
        ordering("online_retail_sales", "retail_sales"),
        ordering("bri_goods_trade", "goods_trade"),
        ordering("hsr_length", "railway_length"),
        ordering(
            "final_consumption_contribution",
            "domestic_demand_contribution",
        ),
    ]
}

/// The document's metadata as written here, used only when the embedded dataset cannot be read.
fn fallback_document() -> Document {
    Document {
        id: DOCUMENT_ID.into(),
        title: "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"
            .into(),
        issuer: "国家发展和改革委员会".into(),
        kind: DocumentKind::NdrcPlanReport,
        jurisdiction: "CN".into(),
        delivered: chrono::NaiveDate::from_ymd_opt(2024, 3, 5),
        outcome_year: Some(2023),
        plan_year: Some(2024),
        source: Some("ndrc-plan-report-2024.txt".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_document_matches_the_embedded_one() {
        assert_eq!(fallback_document(), document());
    }
}
