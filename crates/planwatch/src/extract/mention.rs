//! A figure of the text with its meaning ([`Mention`]), and what the later phases need to know
//! about it while the document is read ([`Found`]).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::bounds::RawFigure;
use super::scan::Pos;
use super::structure::Section;
use crate::document::Basis;
use crate::target::{Direction, Figure, Reference};
use crate::units::Unit;

/// Whether a mention is a target, an outcome or neither.
///
/// ```
/// use planwatch::extract;
/// use planwatch::extract::MentionKind;
/// let text = "过去一年，国内生产总值增长5.2%，粮食产量连续9年稳定在1.3万亿斤以上。\n\
///             今年发展主要预期目标是：国内生产总值增长5%左右。";
/// let mentions = extract(text);
/// let kinds: Vec<(&str, MentionKind)> = mentions.iter().map(|m| (m.text.as_str(), m.kind)).collect();
/// assert_eq!(kinds, [
///     ("5.2%", MentionKind::Outcome),
///     ("9年", MentionKind::Other),
///     ("1.3万亿斤以上", MentionKind::Outcome),
///     ("5%左右", MentionKind::Target),
/// ]);
/// assert_eq!(MentionKind::Other.code(), "other");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A figure the plan sets.
    Target,
    /// A figure the report states was achieved.
    Outcome,
    /// Anything else: durations (`连续9年`), figures outside a review or plan context.
    Other,
}

crate::codes::stable_codes! {
    MentionKind, "planwatch::extract::MentionKind";
    Target => "target",
    Outcome => "outcome",
    Other => "other",
}

/// One figure in running text, with its meaning.
///
/// ```
/// use planwatch::extract;
/// use planwatch::extract::MentionKind;
/// use planwatch::document::Basis;
/// let text = "2023年末，广义货币供应量余额和社会融资规模存量分别增长9.7%和9.5%。";
/// let ms = extract(text);
/// assert_eq!(ms.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(), ["9.7%", "9.5%"]);
/// assert_eq!(ms[1].subject.as_deref(), Some("社会融资规模存量"));
/// assert_eq!((ms[1].year, ms[1].basis), (Some(2023), Some(Basis::YearEnd)));
/// assert_eq!(&text[ms[0].span.clone()], "9.7%");
/// assert_eq!(ms[0].char_span(text), Some((29, 33)));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span of the figure as written (qualifiers included, verb of change excluded).
    pub span: Range<usize>,
    /// The text at the span.
    pub text: String,
    /// Comparator or bound, quantity or range, direction of change; `figure.text` is `text`.
    pub figure: Figure,
    /// The subject phrase the figure measures (for a distributed head, the composed phrase).
    pub subject: Option<String>,
    /// Byte span of the subject phrase (of its own conjunct in a distributive list).
    pub subject_span: Option<Range<usize>>,
    /// Catalogue id of the indicator, when the catalogue knows the subject.
    pub indicator: Option<String>,
    /// The year the figure speaks of (the first year of a plan period).
    pub year: Option<i32>,
    /// The last year, when the figure covers a plan period (`十四五` → 2025).
    pub end_year: Option<i32>,
    /// The basis within the year (year end, average, cumulative), where the text gives one.
    pub basis: Option<Basis>,
    /// Target, outcome or other.
    pub kind: MentionKind,
}

impl Mention {
    /// The span in Unicode code points (as Python indexes strings), or `None` if the span does
    /// not fall on character boundaries of `text`.
    ///
    /// ```
    /// let text = "增长５．２％";
    /// let m = &planwatch::extract(text)[0];
    /// assert_eq!((m.span.clone(), m.char_span(text)), (6..18, Some((2, 6))));
    /// ```
    pub fn char_span(&self, text: &str) -> Option<(usize, usize)> {
        let head = text.get(..self.span.start)?;
        let body = text.get(self.span.clone())?;
        let start = head.chars().count();
        Some((start, start + body.chars().count()))
    }
}

/// A mention with what later steps need to know about it.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub mention: Mention,
    pub pos: Pos,
    /// Start of the words that belong to the figure (direction, qualifiers), for ellipsis.
    pub lead_start: usize,
    /// Whether `分别` governs the figure.
    pub distributive: bool,
    /// The subject region (before stripping), for distribution over conjuncts.
    pub region: Range<usize>,
    /// A number without a unit: kept only while a range or list may claim it.
    pub bare: bool,
}

pub(crate) fn is_duration(f: &Found) -> bool {
    f.mention.indicator.is_none()
        && f.mention.figure.direction.is_none()
        && f.mention
            .figure
            .quantities()
            .next()
            .is_some_and(|q| matches!(q.unit(), Unit::Year | Unit::Age | Unit::Day | Unit::Hour))
}

/// What the phases learn about one figure as they read it, in order: its bounds, the words that
/// lead to it, its subject and indicator, its year.
pub(crate) struct Reading<'p> {
    pub(crate) fig: RawFigure,
    pub(crate) pos: Pos,
    pub(crate) section: Section,
    /// The previous figure that is not a bare number.
    pub(crate) prior_last: Option<&'p Found>,
    /// The previous figure that is neither a bare number nor a duration.
    pub(crate) prior_real: Option<&'p Found>,
    /// Where the figure's part of its clause starts (after a previous figure of the clause).
    pub(crate) clause_lo: usize,
    /// How far back the words read so far reach.
    pub(crate) cursor: usize,
    /// A share of a base (`完成年度计划的102.5%`): no value of the subject's indicator.
    pub(crate) base_share: bool,
    /// Whether the comparator is a bounding verb's (`控制在3%`, at most as a target).
    pub(crate) verb_bound: bool,
    /// Where the subject is looked for from.
    pub(crate) window_lo: usize,
    pub(crate) direction: Option<Direction>,
    pub(crate) target_cue: bool,
    pub(crate) outcome_cue: bool,
    /// Whether `分别` governs the figure.
    pub(crate) distributive: bool,
    /// The year context attached to the figure (`由2023年的“1200万人左右”`).
    pub(crate) attached: Option<usize>,
    pub(crate) lead_start: usize,
    pub(crate) reference: Option<Reference>,
    /// The subject region before stripping.
    pub(crate) region: Range<usize>,
    pub(crate) subject: Option<String>,
    pub(crate) subj_range: Option<Range<usize>>,
    pub(crate) indicator: Option<String>,
    pub(crate) year: Option<i32>,
    pub(crate) end_year: Option<i32>,
    pub(crate) basis: Option<Basis>,
}

impl<'p> Reading<'p> {
    /// A figure about to be read, after the previous ones.
    pub(crate) fn new(
        fig: RawFigure,
        pos: Pos,
        section: Section,
        prior_last: Option<&'p Found>,
        prior_real: Option<&'p Found>,
    ) -> Self {
        let at = fig.start;
        Reading {
            fig,
            pos,
            section,
            prior_last,
            prior_real,
            clause_lo: at,
            cursor: at,
            base_share: false,
            verb_bound: false,
            window_lo: at,
            direction: None,
            target_cue: false,
            outcome_cue: false,
            distributive: false,
            attached: None,
            lead_start: at,
            reference: None,
            region: at..at,
            subject: None,
            subj_range: None,
            indicator: None,
            year: None,
            end_year: None,
            basis: None,
        }
    }

    /// The mention read, of `kind`.
    pub(crate) fn into_found(self, text: &str, kind: MentionKind) -> Found {
        let span = self.fig.start..self.fig.end;
        let mtext = text.get(span.clone()).unwrap_or("").to_string();
        // A negative change is a change the other way (`增长-2.1%` is a fall of 2.1%), as the
        // phrase parser reads it; the signed value stays available as `Figure::signed_value`.
        let (mut value, mut direction) = (self.fig.value, self.direction);
        if let (Some(v), Some(d @ (Direction::Increase | Direction::Decrease))) =
            (value.as_ref(), direction)
            && v.value().is_sign_negative()
            && !v.value().is_zero()
            && let Ok(positive) = v.checked_neg()
        {
            value = Some(positive);
            direction = Some(if d == Direction::Increase {
                Direction::Decrease
            } else {
                Direction::Increase
            });
        }
        let figure = Figure {
            comparator: self.fig.comparator,
            value,
            lower: self.fig.lower,
            upper: self.fig.upper,
            direction,
            reference: self.reference,
            text: mtext.clone(),
        };
        Found {
            mention: Mention {
                span,
                text: mtext,
                figure,
                subject: self.subject,
                subject_span: self.subj_range,
                indicator: self.indicator,
                year: self.year,
                end_year: self.end_year,
                basis: self.basis,
                kind,
            },
            pos: self.pos,
            lead_start: self.lead_start,
            distributive: self.distributive,
            region: self.region,
            bare: self.fig.bare,
        }
    }
}
