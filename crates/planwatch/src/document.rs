//! Documents, periods and provenance: where a figure comes from and which time it speaks of.
//!
//! A [`Document`] is one published text (an NDRC plan report, a government work report, a
//! five-year plan, a provincial report). A [`Period`] is the time a figure measures: a year
//! with its basis (whole year 全年, year end 年末, annual average 平均) or a plan period
//! (十四五 = 2021–2025). A [`Provenance`] ties a record to the exact span of the document text
//! it was read from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of document a text is.
///
/// ```
/// use planwatch::document::DocumentKind;
/// assert_eq!(planwatch::builtin::dataset().document.kind, DocumentKind::NdrcPlanReport);
/// let k: DocumentKind = serde_json::from_str(r#""government_work_report""#).unwrap();
/// assert_eq!(k, DocumentKind::GovernmentWorkReport);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The NDRC report on the execution of last year's plan and the draft of this year's
    /// (国民经济和社会发展计划执行情况与…计划草案的报告).
    NdrcPlanReport,
    /// The State Council's government work report (政府工作报告).
    GovernmentWorkReport,
    /// A five-year plan or its outline (五年规划纲要).
    FiveYearPlan,
    /// A provincial or municipal plan report.
    ProvincialReport,
    /// Any other document.
    Other,
}

crate::codes::stable_codes! {
    DocumentKind, "planwatch::document::DocumentKind";
    NdrcPlanReport => "ndrc_plan_report",
    GovernmentWorkReport => "government_work_report",
    FiveYearPlan => "five_year_plan",
    ProvincialReport => "provincial_report",
    Other => "other",
}

/// One published document.
///
/// ```
/// use chrono::NaiveDate;
/// use planwatch::document::{Document, DocumentKind};
/// let doc = Document {
///     id: "cn-ndrc-plan-report-2024".into(),
///     title: "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告".into(),
///     issuer: "国家发展和改革委员会".into(),
///     kind: DocumentKind::NdrcPlanReport,
///     jurisdiction: "CN".into(),
///     delivered: NaiveDate::from_ymd_opt(2024, 3, 5),
///     outcome_year: Some(2023),
///     plan_year: Some(2024),
///     source: None,
/// };
/// assert_eq!(doc.years(), vec![2023, 2024]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id, e.g. `cn-ndrc-plan-report-2024`.
    pub id: String,
    /// Title as published.
    pub title: String,
    /// Issuing body as published, e.g. 国家发展和改革委员会.
    pub issuer: String,
    /// What kind of document this is.
    pub kind: DocumentKind,
    /// `CN` for national documents, or a six-digit GB/T 2260 region code (e.g. `440000`).
    pub jurisdiction: String,
    /// The date the document was delivered or published.
    #[serde(default)]
    pub delivered: Option<NaiveDate>,
    /// The year whose outcomes the document reports (2023 for the 2024 report).
    #[serde(default)]
    pub outcome_year: Option<i32>,
    /// The year whose plan the document sets (2024 for the 2024 report).
    #[serde(default)]
    pub plan_year: Option<i32>,
    /// Where the document's text lives, relative to the data file (a file name), if anywhere.
    #[serde(default)]
    pub source: Option<String>,
}

impl Document {
    /// A document known only by its id (kind `other`, no title, issuer, jurisdiction, date or
    /// years): what an extraction of a bare text becomes a dataset of.
    ///
    /// ```
    /// use planwatch::document::{Document, DocumentKind};
    /// let doc = Document::untitled("report-17");
    /// assert_eq!((doc.id.as_str(), doc.kind, doc.title.as_str(), doc.plan_year), ("report-17", DocumentKind::Other, "", None));
    /// ```
    pub fn untitled(id: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            title: String::new(),
            issuer: String::new(),
            kind: DocumentKind::Other,
            jurisdiction: String::new(),
            delivered: None,
            outcome_year: None,
            plan_year: None,
            source: None,
        }
    }

    /// The years the document covers: its outcome year and its plan year, in order.
    ///
    /// ```
    /// # use planwatch::document::{Document, DocumentKind};
    /// let mut doc = planwatch::builtin::document();
    /// assert_eq!(doc.years(), vec![2023, 2024]);
    /// doc.outcome_year = None;
    /// assert_eq!(doc.years(), vec![2024]);
    /// ```
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .outcome_year
            .into_iter()
            .chain(self.plan_year)
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

/// The basis on which a figure covers its period.
///
/// ```
/// use planwatch::document::{Basis, Period};
/// assert_eq!(Basis::default(), Basis::Year);
/// assert_eq!(Period::plan(2021, 2025).basis, Basis::Cumulative);
/// assert_eq!(Period::year(2023).with_basis(Basis::YearEnd).to_string(), "2023 (year_end)");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The whole year (全年), or no basis stated.
    #[default]
    Year,
    /// The end of the year (年末, 年底): stocks such as reserves or balances.
    YearEnd,
    /// The annual average (平均), e.g. the surveyed unemployment rate.
    Average,
    /// Cumulative over a multi-year plan period (十四五 = 2021–2025).
    Cumulative,
}

crate::codes::stable_codes! {
    Basis, "planwatch::document::Basis";
    Year => "year",
    YearEnd => "year_end",
    Average => "average",
    Cumulative => "cumulative",
}

/// The time a figure measures: a year (with a basis), or a span of years for plan periods.
///
/// ```
/// use planwatch::document::{Basis, Period};
/// let p = Period::year(2023).with_basis(Basis::YearEnd);
/// assert_eq!(p.to_string(), "2023 (year_end)");
/// let plan = Period::plan(2021, 2025);
/// assert_eq!(plan.to_string(), "2021-2025 (cumulative)");
/// assert!(plan.contains_year(2023));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The year (the first year of a plan period).
    pub year: i32,
    /// The last year of a plan period; `None` for a single year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_year: Option<i32>,
    /// What the figure covers within the period.
    #[serde(default)]
    pub basis: Basis,
}

impl Period {
    /// A whole year.
    ///
    /// ```
    /// let p = planwatch::document::Period::year(2024);
    /// assert_eq!((p.year, p.end_year, p.to_string()), (2024, None, "2024 (year)".to_string()));
    /// ```
    pub fn year(year: i32) -> Self {
        Period {
            year,
            end_year: None,
            basis: Basis::Year,
        }
    }

    /// A multi-year plan period, cumulative basis.
    ///
    /// ```
    /// let p = planwatch::document::Period::plan(2021, 2025);
    /// assert_eq!((p.year, p.last_year(), p.to_string()), (2021, 2025, "2021-2025 (cumulative)".to_string()));
    /// ```
    pub fn plan(start: i32, end: i32) -> Self {
        Period {
            year: start,
            end_year: Some(end),
            basis: Basis::Cumulative,
        }
    }

    /// The same period with another basis.
    ///
    /// ```
    /// use planwatch::document::{Basis, Period};
    /// assert_eq!(Period::year(2023).with_basis(Basis::Average).basis, Basis::Average);
    /// ```
    pub fn with_basis(self, basis: Basis) -> Self {
        Period { basis, ..self }
    }

    /// The last year the period covers.
    ///
    /// ```
    /// use planwatch::document::Period;
    /// assert_eq!(Period::year(2023).last_year(), 2023);
    /// assert_eq!(Period::plan(2021, 2025).last_year(), 2025);
    /// ```
    pub fn last_year(&self) -> i32 {
        self.end_year.unwrap_or(self.year)
    }

    /// Whether the period covers `year`.
    ///
    /// ```
    /// use planwatch::document::Period;
    /// assert!(Period::plan(2021, 2025).contains_year(2024));
    /// assert!(!Period::year(2023).contains_year(2024));
    /// // A period that ends before it starts contains no year (validation reports it as inverted).
    /// assert!(!Period::plan(2025, 2021).contains_year(2023));
    /// ```
    pub fn contains_year(&self, year: i32) -> bool {
        self.year <= year && year <= self.last_year()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end_year {
            Some(end) => write!(f, "{}-{} ({})", self.year, end, self.basis.code()),
            None => write!(f, "{} ({})", self.year, self.basis.code()),
        }
    }
}

/// Where a record was read: a document, a byte span of its text, and the text at that span.
///
/// The invariant, checked by validation: `text[start..end] == quote`, and the quote contains
/// the figure as written.
///
/// ```
/// use planwatch::document::Provenance;
/// let text = "全年国内生产总值（GDP）126.06万亿元，增长5.2%；";
/// let p = Provenance::locate("doc", text, "增长5.2%", 0).unwrap();
/// assert_eq!(&text[p.start..p.end], "增长5.2%");
/// assert_eq!(p.char_span(text), Some((23, 29)));
/// assert!(p.check(text));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The id of the document the quote is from.
    pub document: String,
    /// Byte offset of the quote's start in the document text.
    pub start: usize,
    /// Byte offset one past the quote's end.
    pub end: usize,
    /// The document text at `start..end`.
    pub quote: String,
}

impl Provenance {
    /// Finds the `nth` (0-based) occurrence of `quote` in `text` and records its span.
    ///
    /// ```
    /// use planwatch::document::Provenance;
    /// let text = "增长5.2%，增长5.2%";
    /// let p = Provenance::locate("doc", text, "增长5.2%", 1).unwrap();
    /// assert_eq!((p.start, p.end), (13, 23));
    /// assert_eq!(Provenance::locate("doc", text, "下降", 0), None);
    /// ```
    pub fn locate(document: &str, text: &str, quote: &str, nth: usize) -> Option<Self> {
        if quote.is_empty() {
            return None;
        }
        let (start, _) = text.match_indices(quote).nth(nth)?;
        Some(Provenance {
            document: document.to_string(),
            start,
            end: start + quote.len(),
            quote: quote.to_string(),
        })
    }

    /// Whether the text at the span is exactly the quote.
    ///
    /// ```
    /// use planwatch::document::Provenance;
    /// let text = "全年增长5.2%";
    /// let mut p = Provenance::locate("doc", text, "增长5.2%", 0).unwrap();
    /// assert!(p.check(text));
    /// // A span inside a character, reversed or past the end is a mismatch, never a panic.
    /// (p.start, p.end) = (1, 2);
    /// assert!(!p.check(text));
    /// (p.start, p.end) = (9, 3);
    /// assert!(!p.check(text));
    /// (p.start, p.end) = (usize::MAX, usize::MAX);
    /// assert!(!p.check(text));
    /// ```
    pub fn check(&self, text: &str) -> bool {
        text.get(self.start..self.end) == Some(self.quote.as_str())
    }

    /// The span in Unicode code points (as Python indexes strings), or `None` if the byte span
    /// does not fall on character boundaries of `text`.
    ///
    /// ```
    /// use planwatch::document::Provenance;
    /// let text = "全年增长5.2%";
    /// let mut p = Provenance::locate("doc", text, "增长5.2%", 0).unwrap();
    /// assert_eq!(p.char_span(text), Some((2, 8)));
    /// p.start = 1;
    /// assert_eq!(p.char_span(text), None);
    /// ```
    pub fn char_span(&self, text: &str) -> Option<(usize, usize)> {
        let head = text.get(..self.start)?;
        text.get(self.start..self.end)?;
        let start = head.chars().count();
        Some((start, start + self.quote.chars().count()))
    }
}

/// Converts byte offsets of one text to code-point offsets (the offsets Python uses) in
/// constant time: built once in one pass over the text, then each lookup counts at most
/// [`CharIndex::BLOCK`] bytes. Use it wherever many spans of the same text are converted;
/// [`Provenance::char_span`] counts from the start of the text on every call.
///
/// ```
/// use planwatch::document::{CharIndex, Provenance};
/// let text = "全年国内生产总值（GDP）126.06万亿元，增长5.2%；";
/// let index = CharIndex::new(text);
/// assert_eq!(index.char_offset(0), Some(0));
/// assert_eq!(index.char_offset(3), Some(1));
/// assert_eq!(index.char_offset(1), None); // inside 全
/// assert_eq!(index.char_offset(text.len()), Some(text.chars().count()));
/// assert_eq!(index.char_offset(text.len() + 1), None);
/// let p = Provenance::locate("doc", text, "增长5.2%", 0).unwrap();
/// assert_eq!(index.span(&p), p.char_span(text));
/// ```
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Code points that start before byte `i * BLOCK`, for every block.
    blocks: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    /// Bytes per block: a lookup counts the characters of at most this many bytes.
    pub const BLOCK: usize = 64;

    /// The index of `text`, in one pass.
    ///
    /// ```
    /// let index = planwatch::document::CharIndex::new("");
    /// assert_eq!(index.char_offset(0), Some(0));
    /// ```
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        // One entry per block and one for the end: no growth, which would double the index.
        let mut blocks = Vec::with_capacity(bytes.len().div_ceil(Self::BLOCK) + 1);
        let mut chars = 0usize;
        for chunk in bytes.chunks(Self::BLOCK) {
            blocks.push(chars);
            chars += count_chars(chunk);
        }
        blocks.push(chars);
        CharIndex { text, blocks }
    }

    /// The code-point offset of byte offset `byte`, or `None` when it is past the end of the
    /// text or inside a character.
    ///
    /// ```
    /// let index = planwatch::document::CharIndex::new("增长5%");
    /// assert_eq!((index.char_offset(6), index.char_offset(7)), (Some(2), Some(3)));
    /// ```
    pub fn char_offset(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let block = byte / Self::BLOCK;
        let base = self.blocks.get(block).copied()?;
        let from = block * Self::BLOCK;
        Some(base + count_chars(self.text.as_bytes().get(from..byte)?))
    }

    /// The code-point span of a provenance, or `None` when its byte span does not fall on
    /// character boundaries of the text (the same as [`Provenance::char_span`]).
    ///
    /// ```
    /// use planwatch::document::{CharIndex, Provenance};
    /// let text = "全年增长5.2%";
    /// let p = Provenance::locate("doc", text, "增长5.2%", 0).unwrap();
    /// assert_eq!(CharIndex::new(text).span(&p), Some((2, 8)));
    /// ```
    pub fn span(&self, provenance: &Provenance) -> Option<(usize, usize)> {
        self.text.get(provenance.start..provenance.end)?;
        let start = self.char_offset(provenance.start)?;
        Some((start, start + provenance.quote.chars().count()))
    }

    /// The code-point span of a byte range, or `None` when either end is past the text or
    /// inside a character.
    ///
    /// ```
    /// let index = planwatch::document::CharIndex::new("全年增长5.2%");
    /// assert_eq!(index.range(&(6..16)), Some((2, 8)));
    /// assert_eq!(index.range(&(7..16)), None);
    /// ```
    pub fn range(&self, range: &std::ops::Range<usize>) -> Option<(usize, usize)> {
        Some((self.char_offset(range.start)?, self.char_offset(range.end)?))
    }
}

/// The number of characters that start in `bytes` (bytes that are not UTF-8 continuations),
/// eight bytes at a time: a continuation byte has its top bit set and the next one clear. The
/// flags of a piece of 64 bytes are summed per byte lane (at most 8 in a lane) and the lanes
/// added by one multiplication.
fn count_chars(bytes: &[u8]) -> usize {
    const TOP: u64 = 0x8080_8080_8080_8080;
    const LANES: u64 = 0x0101_0101_0101_0101;
    let mut continuations = 0usize;
    for piece in bytes.chunks(64) {
        let words = piece.chunks_exact(8);
        let tail = words.remainder();
        let lanes: u64 = words
            .map(|w| {
                let w = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
                // Bit 6 of each byte shifted onto bit 7 of the same byte; the flag onto bit 0.
                (w & !(w << 1) & TOP) >> 7
            })
            .sum();
        continuations += (lanes.wrapping_mul(LANES) >> 56) as usize;
        continuations += tail.iter().filter(|&&b| (b & 0xC0) == 0x80).count();
    }
    bytes.len() - continuations
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    /// Every byte offset of a mixed text, across many blocks, agrees with counting from the
    /// start.
    #[test]
    fn char_index_agrees_with_counting() {
        let text = "全年GDP增长5.2%，𝄞 ok；".repeat(40);
        let index = CharIndex::new(&text);
        for byte in 0..=text.len() + 2 {
            let naive = text.get(..byte).map(|h| h.chars().count());
            assert_eq!(index.char_offset(byte), naive, "byte {byte}");
        }
        // Counted eight bytes at a time over more than eight words, from every start.
        for start in 0..8 {
            let bytes = &text.as_bytes()[start..];
            let naive = bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
            assert_eq!(super::count_chars(bytes), naive, "from {start}");
        }
    }
}
