//! The context pass: turn scanned numbers into mentions — ranges, bound qualifiers, direction,
//! subject, indicator, year and kind — walking the scan events once, in order.

use std::ops::Range;

use super::matcher::Matcher;
use super::scan::{Event, Heading, Num, PlanMark, Pos, YearMark, scan};
use super::years::{self, Years};
use super::{Mention, MentionKind};
use crate::document::Basis;
use crate::lexicon::{
    ABOUT, ADVERBS_ONLY, AS_OF, AVERAGE, BOUNDING_VERBS, COMPARISON_OPENERS, CONJUNCTIONS,
    DIRECTION_NOUNS, DIRECTION_VERBS, FLOORS, GENERIC_HEADS, HEADING_OUTCOME, HEADING_TARGET,
    LEADING_TIME, LEADING_VERBS, LEVEL_LINKS, LIST_COPULAS, LIST_INTROS, NOT_COMPARISONS,
    OBJECT_ENDS, OBJECT_PREDICATES, OBJECT_VERBS, OBJECT_VERBS_KEPT, OUTCOME_CUES, OUTCOME_LINKS,
    PAST, PEOPLE, POST_COMPARATORS, PRE_COMPARATORS, RANGE_JOINS, RATIO_OF, RELATIONS,
    RELATIVE_YEAR_BASES, REVIEW_OPENERS, SHARE_BASES, SHARE_CLAUSE_HEADS, SHARE_VERBS,
    SHARED_HEADS, SPAN_ENDS, SPAN_FOLLOWERS, SUBJECT_OPENERS, TARGET_AFTER, TARGET_ENDS, TARGET_IS,
    TARGET_LINKS, TARGET_OBJECTS, THIS_YEAR, TOWN_AND_COUNTRY, WHOLE_YEAR, YEAR_END, YEAR_OPENERS,
    contains_any, has_target_cue, is_cjk_numeral, is_clause_break, is_close_quote, is_open_quote,
    link_ending, longest_prefix_word, longest_suffix_word,
};
use crate::numerals::Approx;
use crate::quantity::Quantity;
use crate::target::{Comparator, Direction, Figure, Reference, Relation};
use crate::units::Unit;

/// Year contexts kept per sentence (the nearest ones matter).
const MAX_YEARS: usize = 16;

/// Subjects are looked for at most this many bytes before a figure (about 40 characters).
const SUBJECT_WINDOW: usize = 120;

/// What part of a report the text is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum SectionKind {
    #[default]
    Unknown,
    Outcome,
    Target,
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Section {
    pub kind: SectionKind,
    pub year: Option<i32>,
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

/// A year context candidate in the current sentence.
#[derive(Clone, Copy, Debug)]
struct YearCtx {
    start: usize,
    end: usize,
    year: i32,
    end_year: Option<i32>,
    basis: Option<Basis>,
    clause: u32,
    comparative: bool,
    consumed: bool,
}

/// Sentence-level cues gathered between figures.
#[derive(Clone, Copy, Debug, Default)]
struct Cues {
    sentence: u32,
    scanned_to: usize,
    target: bool,
    outcome: bool,
    whole_year: bool,
    this_year: bool,
    /// The last relative year word of the sentence so far: `Some(true)` for 今年, `Some(false)`
    /// for 去年, 上年 and 过去一年 (not after 比, 较: those are comparison bases).
    relative: Option<bool>,
}

/// The section a paragraph sets by its opening time phrase when no heading says: `过去一年，…`
/// and `去年…` review the outcome year, `今年…` speaks of the plan year.
pub(crate) fn paragraph_section(text: &str, start: usize, years: Years) -> Section {
    let rest = text.get(start..).unwrap_or("");
    let rest = rest.trim_start_matches(years::is_blank);
    if REVIEW_OPENERS.iter().any(|w| rest.starts_with(w)) {
        Section {
            kind: SectionKind::Outcome,
            year: years.outcome,
        }
    } else if past_years(rest) {
        // 过去五年，…: a review of a span, not of one year.
        Section {
            kind: SectionKind::Outcome,
            year: None,
        }
    } else {
        // A paragraph that opens a list of targets (`今年…主要预期目标是：`) is targets to its end.
        let head = &rest[..floor_boundary(rest, 300)];
        // Its first sentence ends at the paragraph's end at the latest.
        let first = head.split(['。', '\n', '\r']).next().unwrap_or("");
        let lists = LIST_INTROS.iter().any(|w| {
            first.match_indices(w).any(|(k, _)| {
                let r = &first[k + w.len()..];
                let r = r.strip_prefix(LIST_COPULAS).unwrap_or(r);
                r.starts_with(['：', ':'])
            })
        });
        Section {
            kind: if lists {
                SectionKind::Target
            } else {
                SectionKind::Unknown
            },
            year: rest.starts_with(THIS_YEAR).then_some(years.plan).flatten(),
        }
    }
}

/// Whether `s` opens with a span of past years: `过去五年`, `过去5年`, `过去的五年`.
fn past_years(s: &str) -> bool {
    let Some(r) = s.strip_prefix(PAST) else {
        return false;
    };
    let r = r.strip_prefix('的').unwrap_or(r);
    let n: usize = r
        .chars()
        .take_while(|&c| c.is_ascii_digit() || is_cjk_numeral(c))
        .map(char::len_utf8)
        .sum();
    n > 0 && !r.starts_with('一') && r[n..].starts_with('年')
}

/// Reads every mention of `text`.
pub(crate) fn mentions(text: &str, matcher: &Matcher, years_given: Years) -> Vec<Found> {
    let front = years::front(text);
    let doc_years = years::resolve(&front, years_given);
    let events = scan(text);
    let mut out: Vec<Found> = Vec::new();
    // A statistical communiqué reviews its year throughout.
    let communique = front.communique.map(|y| Section {
        kind: SectionKind::Outcome,
        year: Some(y),
    });
    let mut heading_section = Section::default();
    let mut para_start = 0usize;
    let mut para_section = paragraph_section(text, 0, doc_years);
    let mut years: Vec<YearCtx> = Vec::new();
    let mut cues = Cues::default();
    // The last figure that is not a bare number, and the last that is not a duration either.
    let mut last_nonbare: Option<usize> = None;
    let mut last_real: Option<usize> = None;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Heading(h) => {
                if h.level == 1 {
                    heading_section = classify_heading(text, h);
                } else if heading_section.kind == SectionKind::Unknown {
                    // （二）“十四五”时期…主要目标 outside any numbered part: a target section.
                    let title = text.get(h.start..h.end).unwrap_or("");
                    if contains_any(title, LIST_INTROS) {
                        heading_section = classify_heading(text, h);
                    }
                }
            }
            Event::Year(y) => push_year_ctx(text, &mut years, y),
            Event::Plan(p) => push_plan_ctx(text, &mut years, p),
            Event::Item(_) => {}
            Event::Num(n) => {
                let (fig, used) = figure_at(text, &events, i);
                i += used;
                if let Some(fig) = fig {
                    // A new paragraph: its opening time phrase may set the section.
                    if n.pos.paragraph_start != para_start {
                        para_start = n.pos.paragraph_start;
                        para_section = paragraph_section(text, para_start, doc_years);
                    }
                    let section = if heading_section.kind == SectionKind::Unknown {
                        match communique {
                            Some(c) if para_section.kind == SectionKind::Unknown => Section {
                                kind: c.kind,
                                year: heading_section.year.or(para_section.year).or(c.year),
                            },
                            _ => Section {
                                kind: para_section.kind,
                                year: heading_section.year.or(para_section.year),
                            },
                        }
                    } else {
                        heading_section
                    };
                    if cues.sentence != n.pos.sentence || cues.scanned_to < n.pos.sentence_start {
                        cues = Cues {
                            sentence: n.pos.sentence,
                            scanned_to: n.pos.sentence_start,
                            ..Cues::default()
                        };
                    }
                    years.retain(|y| y.start >= n.pos.sentence_start);
                    if years.len() > MAX_YEARS {
                        years.drain(..years.len() - MAX_YEARS);
                    }
                    let pl = last_nonbare.and_then(|k| out.get(k));
                    let pr = last_real.and_then(|k| out.get(k));
                    let found = contextualize(
                        text, matcher, fig, n.pos, section, doc_years, &mut years, &mut cues, pl,
                        pr,
                    );
                    if !found.bare {
                        last_nonbare = Some(out.len());
                        if !is_duration(&found) {
                            last_real = Some(out.len());
                        }
                    }
                    out.push(found);
                }
                continue;
            }
        }
        i += 1;
    }
    distribute(text, matcher, &mut out);
    out
}

pub(crate) fn classify_heading(text: &str, h: &Heading) -> Section {
    let title = text.get(h.start..h.end).unwrap_or("");
    let mut years = Vec::new();
    let mut rest = title;
    while let Some(k) = rest.find('年') {
        let head = &rest[..k];
        let digits: String = head
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        if digits.len() == 4 {
            if let Ok(y) = digits.chars().rev().collect::<String>().parse::<i32>() {
                years.push(y);
            }
        }
        rest = &rest[k + '年'.len_utf8()..];
    }
    let kind = if contains_any(title, HEADING_OUTCOME) {
        SectionKind::Outcome
    } else if contains_any(title, HEADING_TARGET) {
        SectionKind::Target
    } else {
        SectionKind::Unknown
    };
    let year = match kind {
        SectionKind::Outcome => years.first().copied(),
        _ => years.last().copied(),
    };
    Section { kind, year }
}

/// Whether a year or plan name at `start` is a comparison base (`比2023年`, `高于“十三五”`).
fn is_comparative(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let before = before.trim_end_matches(is_open_quote);
    COMPARISON_OPENERS.iter().any(|w| before.ends_with(w))
}

fn push_year_ctx(text: &str, years: &mut Vec<YearCtx>, y: &YearMark) {
    // A span of years (2021—2023年): one context from its first year to its last.
    if let Some(last) = years.last_mut() {
        let dash = text.get(last.end..y.start).unwrap_or("");
        if last.end < y.start
            && last.end_year.is_none()
            && dash.chars().count() == 1
            && RANGE_JOINS.iter().any(|j| dash == *j)
            && last.year < y.year
        {
            last.end = y.end;
            last.end_year = Some(y.year);
            last.basis = y.basis;
            return;
        }
    }
    let comparative = is_comparative(text, y.start);
    years.push(YearCtx {
        start: y.start,
        end: y.end,
        year: y.year,
        end_year: None,
        basis: y.basis,
        clause: y.pos.clause,
        comparative,
        consumed: false,
    });
}

fn push_plan_ctx(text: &str, years: &mut Vec<YearCtx>, p: &PlanMark) {
    let (year, end_year, basis) = if p.at_end {
        (p.last, None, Some(Basis::YearEnd))
    } else {
        (p.first, Some(p.last), Some(Basis::Cumulative))
    };
    years.push(YearCtx {
        start: p.start,
        end: p.end,
        year,
        end_year,
        basis,
        clause: p.pos.clause,
        comparative: is_comparative(text, p.start),
        consumed: false,
    });
}

/// A figure before context: span, comparator, quantities.
#[derive(Clone, Debug)]
pub(crate) struct RawFigure {
    start: usize,
    end: usize,
    /// Where the unit-bearing part ends (before any post-qualifier).
    comparator: Comparator,
    value: Option<Quantity>,
    lower: Option<Quantity>,
    upper: Option<Quantity>,
    unit: Option<Unit>,
    bare: bool,
}

fn quantity(text: &str, n: &Num, unit: &Unit) -> Quantity {
    let unit_text = if n.end > n.num_end {
        text.get(n.num_end..n.end).unwrap_or("").to_string()
    } else if n.cjk && text.get(n.start..).is_some_and(|s| s.starts_with("百分之")) {
        "百分之".to_string()
    } else {
        String::new()
    };
    Quantity::new(n.value, n.exponent, unit.clone()).with_unit_text(unit_text)
}

/// The figure starting at event `i` (merging a range), and how many events it used.
fn figure_at(text: &str, events: &[Event], i: usize) -> (Option<RawFigure>, usize) {
    let Some(Event::Num(a)) = events.get(i) else {
        return (None, 1);
    };
    // A range: a, dash, b in one clause with compatible units.
    if let Some(Event::Num(b)) = events.get(i + 1) {
        let between = text.get(a.end..b.start).unwrap_or("x");
        if b.pos.clause == a.pos.clause && RANGE_JOINS.contains(&between) {
            if let Some(ub) = &b.unit {
                let ok = match &a.unit {
                    None => true,
                    Some(ua) => ua == ub,
                };
                if ok {
                    let mut a2 = a.clone();
                    if a2.unit.is_none() && a2.exponent == 0 && b.exponent != 0 {
                        a2.exponent = b.exponent;
                    }
                    let lower = quantity(text, &a2, ub);
                    let upper = quantity(text, b, ub);
                    let fig = RawFigure {
                        start: a.start,
                        end: b.end,
                        comparator: Comparator::Range,
                        value: None,
                        lower: Some(lower),
                        upper: Some(upper),
                        unit: Some(ub.clone()),
                        bare: false,
                    };
                    return (Some(fig), 2);
                }
            }
        }
    }
    let (unit, bare) = match &a.unit {
        Some(u) => (u.clone(), false),
        None if a.exponent != 0 => (Unit::Number, false),
        None => (Unit::Number, true),
    };
    let q = quantity(text, a, &unit);
    let mut fig = RawFigure {
        start: a.start,
        end: a.end,
        comparator: Comparator::Exact,
        value: Some(q.clone()),
        lower: None,
        upper: None,
        unit: Some(unit),
        bare,
    };
    match &a.approx {
        Approx::Exact => {}
        Approx::MoreThan => fig.comparator = Comparator::MoreThan,
        Approx::Between { high } => {
            fig.comparator = Comparator::Range;
            fig.value = None;
            fig.upper = Some(
                Quantity::new(*high, a.exponent, q.unit().clone())
                    .with_unit_text(q.unit_text().to_string()),
            );
            fig.lower = Some(q);
        }
    }
    (Some(fig), 1)
}

/// The comparator word `before` ends with, where it is one (`约` in `节约` is not).
fn pre_comparator(before: &str) -> Option<(&'static str, Comparator)> {
    let w = PRE_COMPARATORS.ending(before)?;
    w.applies(&before[..before.len() - w.text.len()], "")
        .then_some((w.text, w.value))
}

#[allow(clippy::too_many_arguments)]
fn contextualize(
    text: &str,
    matcher: &Matcher,
    mut fig: RawFigure,
    pos: Pos,
    section: Section,
    doc_years: Years,
    years: &mut [YearCtx],
    cues: &mut Cues,
    prior_last: Option<&Found>,
    prior_real: Option<&Found>,
) -> Found {
    // Bound qualifiers after the figure: 左右, 以上, 以内 …
    let after = text.get(fig.end..).unwrap_or("");
    // One space may stand between them (`5% 左右`, as text taken from PDF often has).
    let gap = [' ', '\u{3000}']
        .into_iter()
        .find(|c| after.starts_with(*c))
        .map_or(0, char::len_utf8);
    let mut post = false;
    if let Some((w, c)) = POST_COMPARATORS
        .starting(&after[gap..])
        .map(|w| (w.text, w.value))
    {
        if fig.comparator == Comparator::Exact || fig.comparator == Comparator::MoreThan {
            fig.comparator = c;
        }
        fig.end += gap + w.len();
        post = true;
    }
    // Bound qualifiers before it: 超过, 近, 约, 不低于 … (控制在 is a verb: not in the span).
    // The previous figure that is not a bare number or a duration (连续9年 does not hold the
    // subject of what follows it).
    let prev_end = prior_last
        .filter(|p| p.pos.clause == pos.clause)
        .map_or(pos.clause_start, |p| p.mention.span.end);
    let clause_lo = prev_end.max(pos.clause_start).min(fig.start);
    let before = text.get(clause_lo..fig.start).unwrap_or("");
    let mut cursor = fig.start;
    if let Some((w, c)) = pre_comparator(before) {
        {
            if !post && fig.comparator == Comparator::Exact {
                fig.comparator = c;
            }
            cursor -= w.len();
            if !BOUNDING_VERBS.contains(&w) && !post {
                fig.start = cursor;
            }
        }
    }
    // A share of something: 超过总装机的50%, 不到全国的三成.
    if fig.comparator == Comparator::Exact
        && before.ends_with('的')
        && fig.unit.as_ref().is_some_and(Unit::is_ratio)
    {
        let tail_lo = floor_boundary(before, before.len().saturating_sub(45));
        let tail = &before[tail_lo..];
        let found = PRE_COMPARATORS
            .words
            .iter()
            .filter(|w| !BOUNDING_VERBS.contains(&w.text) && w.text.chars().count() >= 2)
            .filter_map(|w| tail.rfind(w.text).map(|k| (k, w.text, w.value)))
            .max_by_key(|&(k, w, _)| (k, w.len()));
        if let Some((k, _, c)) = found {
            let between = &tail[k..];
            if !between
                .chars()
                .any(|ch| is_clause_break(ch) || ch.is_ascii_digit())
            {
                fig.comparator = c;
                cursor = clause_lo + tail_lo + k;
            }
        }
    }
    // A red line or bottom line is a floor: 守住18亿亩耕地红线.
    if fig.comparator == Comparator::Exact {
        if let Some(obj) = object_after(text, fig.end).and_then(|r| text.get(r)) {
            if FLOORS.iter().any(|f| obj.ends_with(f)) {
                fig.comparator = Comparator::AtLeast;
            }
        }
    }

    // 250余万农村低收入群众, 农村贫困人口减少1000万: a count of people without 人.
    if fig.unit == Some(Unit::Number) {
        let obj = object_after(text, fig.end)
            .and_then(|r| text.get(r))
            .unwrap_or("");
        let subj = text.get(clause_lo..fig.start).unwrap_or("");
        if PEOPLE.iter().any(|w| obj.contains(w) || subj.contains(w)) {
            fig.set_unit(Unit::Person);
        }
    }

    // A share of a base (完成年度计划的102.5%, 为预算的99.8%, 恢复到2019年的112%, 增长到原来的
    // 1.5倍): the base is neither subject nor year, and the figure is no value of the indicator.
    let base_share = fig
        .unit
        .as_ref()
        .is_some_and(|u| u.is_ratio() || *u == Unit::Multiple)
        && fig.comparator == Comparator::Exact;
    let base_share = base_share
        && match share_base(text, years, clause_lo, cursor) {
            Some(at) => {
                cursor = at;
                true
            }
            None => false,
        };

    // Walk back over direction, links and attached years.
    let window_lo = clause_lo.max(cursor.saturating_sub(SUBJECT_WINDOW));
    let window_lo = floor_boundary(text, window_lo);
    let mut direction: Option<Direction> = None;
    let mut to_level = false;
    let mut first_link: Option<&str> = None;
    let mut target_cue = false;
    let mut outcome_cue = false;
    let mut distributive = false;
    let mut attached: Option<usize> = None;
    let mut lead_start = cursor;
    let mut reference: Option<Reference> = None;
    loop {
        let s = text.get(window_lo..cursor).unwrap_or("");
        let trimmed = s.trim_end_matches(|c: char| c.is_whitespace() || is_open_quote(c));
        if trimmed.len() != s.len() {
            cursor = window_lo + trimmed.len();
            continue;
        }
        if s.is_empty() {
            break;
        }
        if let Some(y) = years
            .iter()
            .position(|y| y.end == cursor && y.start >= window_lo && !y.consumed)
        {
            if attached.is_none() && direction.is_none() {
                attached = Some(y);
            }
            cursor = years[y].start;
            if let Some(w) = longest_suffix_word(&s[..cursor - window_lo], AS_OF) {
                cursor -= w.len();
            }
            continue;
        }
        if let Some((w, d)) = DIRECTION_VERBS.ending(s).map(|w| (w.text, w.value)) {
            // 下降 inside 下降率 is handled as a noun by the subject; here verbs only.
            if direction.is_none() {
                direction = Some(d);
                if first_link.is_some_and(|l| LEVEL_LINKS.contains(&l)) {
                    to_level = true;
                }
            }
            cursor -= w.len();
            lead_start = cursor;
            continue;
        }
        if let Some((w, _)) = pre_comparator(s) {
            cursor -= w.len();
            lead_start = cursor;
            continue;
        }
        if let Some(w) = link_ending(s) {
            // 提高到2023年的66.2%: 的 only attaches the year; 到 makes the figure a level.
            if first_link.is_none() && direction.is_none() && w != "的" {
                first_link = Some(w);
            }
            if w == "分别" {
                distributive = true;
            } else if TARGET_LINKS.contains(&w) {
                target_cue = true;
            } else if OUTCOME_LINKS.contains(&w) {
                outcome_cue = true;
            }
            cursor -= w.len();
            lead_start = cursor;
            continue;
        }
        // A difference from a named base: 增速高于全省0.7个百分点 (points above the province).
        if direction.is_none() && fig.unit == Some(Unit::PercentagePoint) {
            let base = RELATIONS
                .iter()
                .filter_map(|w| s.rfind(w.text).map(|k| (k, w)))
                .max_by_key(|&(k, _)| k);
            if let Some((k, word)) = base {
                let w = word.text;
                let between = &s[k + w.len()..];
                // At the clause start (`，高于全国0.6个百分点`) the subject is the previous one.
                if (k > 0 || prior_real.is_some_and(|p| p.pos.sentence == pos.sentence))
                    && !between.trim().is_empty()
                    && between.len() <= 30
                    && !between
                        .chars()
                        .any(|c| c.is_ascii_digit() || is_clause_break(c))
                {
                    let below = word.value == Relation::Below;
                    direction = Some(if below {
                        Direction::Decrease
                    } else {
                        Direction::Increase
                    });
                    reference = Some(Reference {
                        text: between.trim().to_string(),
                        indicator: None,
                        relation: if below {
                            Relation::Below
                        } else {
                            Relation::Above
                        },
                    });
                    cursor = window_lo + k;
                    lead_start = cursor;
                    continue;
                }
            }
        }
        // A comparison base before a change: 比2023年年初预算增加, 较上年同期下降.
        if direction.is_some() {
            // 比重, 比例 and 较快 are no comparison.
            let base = s.char_indices().rev().find(|&(k, c)| {
                matches!(c, '比' | '较') && !s[k + c.len_utf8()..].starts_with(NOT_COMPARISONS)
            });
            if let Some((k, _)) = base {
                if s.len() - k <= 45 && k > 0 || k == 0 {
                    cursor = window_lo + k;
                    lead_start = cursor;
                    continue;
                }
            }
        }
        break;
    }
    if to_level {
        direction = None;
    }

    // Subject.
    let region = window_lo..cursor;
    let raw = text.get(region.clone()).unwrap_or("");
    let after_prior =
        prior_real.is_some_and(|p| p.pos.clause == pos.clause && p.mention.span.end == clause_lo);
    let in_object_list = after_prior && raw.trim_end().ends_with(['、', '和', '及']);
    // 纲要确定的20个主要指标: a count after a relative clause counts the noun after it.
    let counted = fig.unit.as_ref().is_some_and(|u| {
        u.is_count() && !matches!(u, Unit::Person | Unit::PersonTime | Unit::Household)
    }) && text
        .get(region.end..fig.start)
        .is_some_and(|s| s.starts_with('的'));
    let in_object_list = in_object_list || counted;
    let (mut subj_range, noun_dir) = if in_object_list {
        (None, None)
    } else {
        subject_of(text, region.clone(), years, distributive)
    };
    if direction.is_none() {
        direction = noun_dir;
    }
    if TARGET_ENDS.iter().any(|w| raw.ends_with(w)) {
        target_cue = true;
    }
    let mut subject = subj_range
        .clone()
        .and_then(|r| text.get(r))
        .map(str::to_string);
    let prior_in_sentence = prior_real.filter(|p| p.pos.sentence == pos.sentence);
    let mut inherited = false;
    if subject.is_none() {
        let governed = in_object_list
            || object_verb_end(text, region.clone()).is_some()
            || (prior_in_sentence.is_none() && raw.trim().is_empty() && lead_start < fig.start);
        if governed {
            // 增发1万亿元国债, 支持建设21个国家产教融合试点城市、45个…: the object after the figure.
            // 未完成3%左右的预期目标: the target is no object.
            if let Some(r) = object_after(text, fig.end).filter(|r| {
                text.get(r.clone())
                    .is_some_and(|o| !TARGET_OBJECTS.iter().any(|w| o.ends_with(w)))
            }) {
                subject = text.get(r.clone()).map(str::to_string);
                subj_range = Some(r);
            }
        }
        // 粮食产量连续9年稳定在1.3万亿斤以上: a duration just before in the clause carries the
        // subject of the figure it qualifies.
        let duration_before = prior_last.filter(|p| {
            p.pos.clause == pos.clause && is_duration(p) && p.mention.subject.is_some()
        });
        if subject.is_none() && (!distributive || raw.trim().is_empty()) {
            if let Some(p) = duration_before.or(prior_in_sentence) {
                // Ellipsis: the subject of the previous figure of the sentence.
                subject = p.mention.subject.clone();
                subj_range = p.mention.subject_span.clone();
                inherited = true;
                // 国内生产总值增长：预期目标…，执行结果6.1%: the subject's noun of change.
                if direction.is_none() {
                    direction = subject
                        .as_deref()
                        .and_then(|t| DIRECTION_NOUNS.ending(t))
                        .map(|w| w.value);
                }
            } else if let Some(r) = topic_of(text, matcher, pos.sentence_start, fig.start) {
                // 关于城镇调查失业率：…将预期目标稳定在5.5%左右; 城镇新增就业：预期目标….
                subject = text.get(r.clone()).map(str::to_string);
                if direction.is_none() {
                    direction = subject
                        .as_deref()
                        .and_then(|t| DIRECTION_NOUNS.ending(t))
                        .map(|w| w.value);
                }
                subj_range = Some(r);
            }
        }
    }
    if let (Some(s), Some(p)) = (subject.clone(), prior_in_sentence) {
        let ps = p.mention.subject.as_deref().unwrap_or("");
        if !inherited && !ps.is_empty() {
            if s.starts_with(RATIO_OF.0) && s.ends_with(RATIO_OF.1) {
                // 与国内生产总值之比: a ratio of the previous subject.
                subject = Some(format!("{ps}{s}"));
            } else if GENERIC_HEADS.contains(&s.as_str()) {
                // 规模比2023年增加1000亿元: the scale of the previous subject.
                subject = Some(format!("{ps}{s}"));
            }
        }
    }

    // Indicator: none for a share of a base or points above a base.
    let indicator = subject
        .as_deref()
        .filter(|_| !base_share && reference.is_none())
        .and_then(|s| matcher.resolve(s, fig.unit.as_ref(), direction))
        .map(|idx| matcher.info(idx).id.clone());

    // Sentence cues up to this figure.
    gather_cues(text, cues, fig.start);

    // Year and basis.
    let mut year = None;
    let mut end_year = None;
    let mut basis = None;
    let pick = attached.or_else(|| {
        years
            .iter()
            .rposition(|y| {
                y.end <= fig.start
                    && !y.comparative
                    && !y.consumed
                    && y.clause == pos.clause
                    && y.start >= pos.sentence_start
            })
            .or_else(|| {
                years.iter().rposition(|y| {
                    y.end <= fig.start
                        && !y.comparative
                        && !y.consumed
                        && y.start >= pos.sentence_start
                })
            })
    });
    if let Some(k) = pick {
        year = Some(years[k].year);
        end_year = years[k].end_year;
        basis = years[k].basis;
        if attached.is_some() {
            years[k].consumed = true;
        }
    } else if let Some(y) = cues.relative.and_then(|this| {
        if this {
            doc_years.plan
        } else {
            doc_years.outcome
        }
    }) {
        year = Some(y);
    } else if section.year.is_some() {
        year = section.year;
    }
    let averaged = text
        .get(region.start..fig.start)
        .is_some_and(|s| contains_any(s, AVERAGE));
    if averaged && end_year.is_some() && basis == Some(Basis::Cumulative) {
        // 十四五时期年均增长7%: an average over the period.
        basis = Some(Basis::Average);
    }
    if basis.is_none() {
        if year_end_context(text, pos, fig.start) {
            basis = Some(Basis::YearEnd);
        } else if text
            .get(region.start..fig.start)
            .is_some_and(|s| contains_any(s, AVERAGE))
        {
            basis = Some(Basis::Average);
        } else if cues.whole_year {
            basis = Some(Basis::Year);
        }
    }

    // Kind.
    let after_fig = text.get(fig.end..).unwrap_or("");
    let after_fig = after_fig.trim_start_matches(is_close_quote);
    if longest_prefix_word(after_fig, TARGET_AFTER).is_some() {
        target_cue = true;
    }
    let unit = fig.unit.clone().unwrap_or(Unit::Number);
    // A span of time is no target or outcome (连续9年), unless it measures an indicator
    // (平均受教育年限11.3年) or changes (人均预期寿命提高1岁).
    let kind = if matches!(unit, Unit::Year | Unit::Age | Unit::Day | Unit::Hour)
        && indicator.is_none()
        && direction.is_none()
    {
        MentionKind::Other
    } else if target_cue {
        MentionKind::Target
    } else if outcome_cue {
        MentionKind::Outcome
    } else {
        match section.kind {
            // A review paragraph that goes on to this year's targets (`过去一年，…。今年发展主要
            // 预期目标是：…`): the sentence's own cues win over the paragraph's opening.
            SectionKind::Outcome if cues.target && cues.this_year => MentionKind::Target,
            SectionKind::Outcome => MentionKind::Outcome,
            SectionKind::Target => match (year, section.year) {
                (Some(y), Some(sy)) if y < sy => MentionKind::Outcome,
                _ => MentionKind::Target,
            },
            SectionKind::Unknown => {
                if cues.target {
                    MentionKind::Target
                } else if cues.outcome {
                    MentionKind::Outcome
                } else {
                    MentionKind::Other
                }
            }
        }
    };
    if kind == MentionKind::Target && year.is_none() && cues.this_year {
        // 今年 is the plan year.
        year = if section.kind == SectionKind::Outcome {
            doc_years.plan
        } else {
            section.year.or(doc_years.plan)
        };
    }

    let span = fig.start..fig.end;
    let mtext = text.get(span.clone()).unwrap_or("").to_string();
    let figure = Figure {
        comparator: fig.comparator,
        value: fig.value.clone(),
        lower: fig.lower.clone(),
        upper: fig.upper.clone(),
        direction,
        reference,
        text: mtext.clone(),
    };
    Found {
        mention: Mention {
            span,
            text: mtext,
            figure,
            subject,
            subject_span: subj_range,
            indicator,
            year,
            end_year,
            basis,
            kind,
        },
        pos,
        lead_start,
        distributive,
        region,
        bare: fig.bare,
    }
}

/// Where the words of a share's base begin, when the text before `at` (within the clause from
/// `lo`) ends with `<base>的`; the base's year, if any, is marked comparative.
fn share_base(text: &str, years: &mut [YearCtx], lo: usize, at: usize) -> Option<usize> {
    let s = text.get(lo..at)?;
    let head = s.trim_end_matches(is_open_quote).strip_suffix('的')?;
    let mut start = lo + head.len();
    if let Some(w) = longest_suffix_word(head, SHARE_BASES) {
        start -= w.len();
    } else if let Some(y) = years
        .iter_mut()
        .find(|y| y.end == lo + head.len() && y.start >= lo)
    {
        let verb = text
            .get(lo..y.start)
            .and_then(|h| longest_suffix_word(h, SHARE_VERBS))?;
        y.comparative = true;
        return Some(y.start - verb.len());
    } else {
        return None;
    }
    let h = text.get(lo..start)?;
    if let Some(v) = longest_suffix_word(h, SHARE_VERBS) {
        start -= v.len();
    }
    Some(start)
}

impl RawFigure {
    fn set_unit(&mut self, unit: Unit) {
        for q in [&mut self.value, &mut self.lower, &mut self.upper]
            .into_iter()
            .flatten()
        {
            *q = Quantity::new(q.value(), q.exponent(), unit.clone())
                .with_unit_text(q.unit_text().to_string());
        }
        self.unit = Some(unit);
    }
}

fn is_duration(f: &Found) -> bool {
    f.mention.indicator.is_none()
        && f.mention.figure.direction.is_none()
        && f.mention
            .figure
            .quantities()
            .next()
            .is_some_and(|q| matches!(q.unit(), Unit::Year | Unit::Age | Unit::Day | Unit::Hour))
}

/// Whether the figure's clause, or a short time phrase opening its sentence (`截至年末，`),
/// says year end.
fn year_end_context(text: &str, pos: Pos, at: usize) -> bool {
    let says = |s: &str| contains_any(s, YEAR_END);
    let lo = floor_boundary(
        text,
        at.saturating_sub(SUBJECT_WINDOW).max(pos.clause_start),
    );
    if text.get(lo..at).is_some_and(says) {
        return true;
    }
    let hi = floor_boundary(text, (pos.sentence_start + 30).min(at));
    text.get(pos.sentence_start..hi.max(pos.sentence_start))
        .is_some_and(|s| {
            let first = s.split(['，', ',']).next().unwrap_or("");
            first.len() < s.len() && says(first)
        })
}

/// The topic of a sentence opened by `关于X：`.
/// The topic of a sentence opened by `关于X：`, or by a label `X：` naming an indicator (the rows
/// of an indicator table: `城镇新增就业：预期目标…，执行结果…`).
fn topic_of(
    text: &str,
    matcher: &Matcher,
    sentence_start: usize,
    upto: usize,
) -> Option<Range<usize>> {
    let hi = floor_boundary(text, upto.min(sentence_start + 240)).max(sentence_start);
    let s = text.get(sentence_start..hi)?;
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '—');
    let lo = sentence_start + s.len() - t.len();
    let (rest, start, named) = match t.strip_prefix(ABOUT) {
        Some(r) => (r, lo + ABOUT.len(), false),
        None => (t, lo, true),
    };
    let k = rest.find(['：', ':'])?;
    if k == 0 || k > 60 {
        return None;
    }
    let label = &rest[..k];
    if named
        && (label
            .chars()
            .any(|c| c.is_ascii_digit() || is_clause_break(c))
            || matcher.resolve(label, None, None).is_none())
    {
        return None;
    }
    Some(start..start + k)
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The subject phrase within `region`: leading time words, years and clause openers stripped,
/// a trailing direction noun (涨幅, 增速) read as the figure's direction.
fn subject_of(
    text: &str,
    region: Range<usize>,
    years: &[YearCtx],
    distributive: bool,
) -> (Option<Range<usize>>, Option<Direction>) {
    let mut lo = region.start;
    let mut hi = region.end;
    // Cut at the last clause break; for a figure that is not distributed, also at the last
    // enumeration mark (`位居全球首位、全年销量占新车销量比重`), unless it ends the region
    // (`粮食总产量再创历史新高、达到`: the mark then joins two predicates).
    if let Some(s) = text.get(lo..hi) {
        if let Some((k, c)) = s.char_indices().rev().find(|&(_, c)| is_clause_break(c)) {
            lo += k + c.len_utf8();
        }
    }
    if let Some(s) = text.get(lo..hi) {
        let t = s.trim_end_matches(['、', ' ']);
        hi = lo + t.len();
        if !distributive {
            if let Some(k) = t.rfind('、') {
                lo += k + '、'.len_utf8();
            }
        }
    }
    loop {
        let Some(s) = text.get(lo..hi) else {
            return (None, None);
        };
        let t = s.trim_start_matches(|c: char| {
            years::is_blank(c)
                || matches!(c, '—' | '、' | '，' | '“' | '”' | '（' | '）' | '(' | ')')
        });
        if t.len() != s.len() {
            lo = hi - t.len();
            continue;
        }
        // A list marker opening the line: （1）, 1）, 2. , 4., 5、.
        if let Some(n) = list_marker(t) {
            lo += n;
            continue;
        }
        if let Some(y) = years.iter().find(|y| {
            y.start == lo
                || (y.start > lo
                    && text
                        .get(lo..y.start)
                        .is_some_and(|p| YEAR_OPENERS.contains(&p)))
        }) {
            if y.end <= hi {
                lo = y.end;
                continue;
            }
        }
        if let Some(w) = longest_prefix_word(t, LEADING_TIME) {
            lo += w.len();
            continue;
        }
        // A span of years is time, not subject: 两年平均增长, 3年来.
        if let Some(n) = duration_prefix(t) {
            lo += n;
            continue;
        }
        if let Some(w) = longest_prefix_word(t, SUBJECT_OPENERS) {
            if t.len() > w.len() {
                lo += w.len();
                continue;
            }
        }
        break;
    }
    // A target cue before the subject (今年的发展目标是地区生产总值增长6%): the subject follows it.
    if let Some(rest_at) = text.get(lo..hi).and_then(|s| {
        TARGET_IS
            .iter()
            .filter_map(|w| s.rfind(w).map(|k| k + w.len()))
            .max()
            .filter(|&k| k < s.trim_end().len())
    }) {
        lo += rest_at;
    }
    let s = text.get(lo..hi).unwrap_or("");
    let s_trim = s.trim_end();
    let hi = lo + s_trim.len();
    if s_trim.is_empty()
        || longest_suffix_word(s_trim, OBJECT_VERBS).is_some()
        || ADVERBS_ONLY.contains(&s_trim)
    {
        return (None, None);
    }
    let dir = DIRECTION_NOUNS.ending(s_trim).map(|w| w.value);
    // A leading clause verb (安排新增地方政府专项债券 → 新增地方政府专项债券, 建成5G基站 → 5G基站).
    let mut hi = hi;
    let lead = longest_prefix_word(s_trim, LEADING_VERBS).or_else(|| {
        longest_prefix_word(s_trim, OBJECT_VERBS).filter(|w| !OBJECT_VERBS_KEPT.contains(w))
    });
    if let Some(w) = lead {
        if s_trim.len() > w.len() {
            lo += w.len();
        }
    }
    let cur = text.get(lo..hi).unwrap_or("");
    if cur.ends_with("目标") && cur.len() > "目标".len() {
        let core = cur.trim_end_matches("目标").trim_end_matches("预期");
        if !core.is_empty() {
            hi = lo + core.len();
        }
    }
    (Some(lo..hi), dir)
}

/// The length of a numbered list marker opening `t` (`1）`, `2)`, `3.`, `4．`, `5、`, `一）`):
/// at most three digits or Chinese numerals and a closing mark, `.` not before a digit
/// (`3.0版` is a number).
pub(crate) fn list_marker(t: &str) -> Option<usize> {
    let mut n = 0;
    let mut ascii = true;
    for c in t.chars().take(3) {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            n += c.len_utf8();
        } else if is_cjk_numeral(c) {
            ascii = false;
            n += c.len_utf8();
        } else {
            break;
        }
    }
    if n == 0 {
        return None;
    }
    let rest = &t[n..];
    let mark = rest.chars().next()?;
    let ok = match mark {
        '）' | ')' => true,
        '.' | '．' | '、' => {
            ascii && !rest[mark.len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    };
    ok.then_some(n + mark.len_utf8())
}

/// The length of a span of years opening `t` (`两年`, `3年来`, `五年间`) when nothing but time
/// words follow it.
fn duration_prefix(t: &str) -> Option<usize> {
    let digits: usize = t
        .chars()
        .take_while(|&c| c.is_ascii_digit() || is_cjk_numeral(c))
        .map(char::len_utf8)
        .sum();
    if digits == 0 {
        return None;
    }
    let rest = t[digits..].strip_prefix('年')?;
    let tail = SPAN_ENDS
        .iter()
        .find(|w| rest.starts_with(**w))
        .map_or(0, |w| w.len());
    let rest = &rest[tail..];
    (rest.is_empty() || SPAN_FOLLOWERS.iter().any(|w| rest.starts_with(w)))
        .then_some(digits + '年'.len_utf8() + tail)
}

/// Whether the region is (or ends with) a verb governing the figure as its object.
fn object_verb_end(text: &str, region: Range<usize>) -> Option<usize> {
    let s = text.get(region.clone())?.trim_end();
    let w = longest_suffix_word(s, OBJECT_VERBS)?;
    Some(region.start + s.len() - w.len())
}

/// The noun after a figure: `增发1万亿元国债` → 国债.
fn object_after(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = text.get(from..)?;
    let rest_trim = rest.trim_start_matches(is_close_quote);
    let lo = from + rest.len() - rest_trim.len();
    let mut end = lo;
    for (k, c) in rest_trim.chars().enumerate() {
        if k >= 16 || is_clause_break(c) || OBJECT_ENDS.contains(&c) || c.is_ascii_digit() {
            break;
        }
        end += c.len_utf8();
    }
    let s = text.get(lo..end)?;
    let s = s.strip_prefix('的').unwrap_or(s);
    // 20个主要指标中: 中 closes the noun.
    let t = s.strip_suffix('中').filter(|t| !t.is_empty()).unwrap_or(s);
    // 12项重点任务全面推进: the predicate after the noun is not part of it.
    let t = OBJECT_PREDICATES
        .iter()
        .filter_map(|w| t.find(w).filter(|&k| k >= 6))
        .min()
        .map_or(t, |k| &t[..k]);
    if t.is_empty() {
        return None;
    }
    let start = end - s.len();
    Some(start..start + t.len())
}

/// The last relative year word of `s`: `true` for 今年, `false` for 去年, 上年, 上一年 and 过去一年
/// (not after 比, 较 and the like: those are comparison bases). One pass over the 年 of `s`.
fn last_relative_year(s: &str) -> Option<bool> {
    let mut best = None;
    for (k, _) in s.match_indices('年') {
        let before = &s[..k];
        let (this, word) = if before.ends_with('今') {
            (true, "今")
        } else if before.ends_with('去') && !before.ends_with("过去") {
            (false, "去")
        } else if before.ends_with("过去一") {
            (false, "过去一")
        } else if before.ends_with("上一") {
            (false, "上一")
        } else if before.ends_with('上') {
            (false, "上")
        } else {
            continue;
        };
        let head = &before[..before.len() - word.len()];
        let comparative = RELATIVE_YEAR_BASES.iter().any(|c| head.ends_with(c));
        if !comparative {
            best = Some(this);
        }
    }
    best
}

fn gather_cues(text: &str, cues: &mut Cues, upto: usize) {
    if upto <= cues.scanned_to {
        return;
    }
    let Some(s) = text.get(cues.scanned_to..upto) else {
        cues.scanned_to = upto;
        return;
    };
    if has_target_cue(s) {
        cues.target = true;
    }
    if contains_any(s, OUTCOME_CUES) {
        cues.outcome = true;
    }
    if s.contains(WHOLE_YEAR) {
        cues.whole_year = true;
    }
    if s.contains(THIS_YEAR) {
        cues.this_year = true;
    }
    if let Some(r) = last_relative_year(s) {
        cues.relative = Some(r);
    }
    // Keep the last few bytes: a cue word may straddle the boundary.
    cues.scanned_to = floor_boundary(text, upto.saturating_sub(9)).max(cues.scanned_to);
}

/// Distributive lists: `A、B和C分别增长x、y和z` gives each figure its own subject; elided units
/// are shared backward (`分别下降0.2个和0.1个百分点`), and the group shares direction and year.
fn distribute(text: &str, matcher: &Matcher, found: &mut Vec<Found>) {
    let mut i = 0;
    while i < found.len() {
        if !found[i].distributive {
            i += 1;
            continue;
        }
        // Members: following figures joined by 、 和 及 与 or a comma, in the same sentence.
        let mut j = i + 1;
        while j < found.len() {
            let prev_end = found[j - 1].mention.span.end;
            let gap = text
                .get(prev_end..found[j].mention.span.start)
                .unwrap_or("x");
            let gap = gap
                .trim_matches(|c: char| c.is_whitespace() || is_close_quote(c) || is_open_quote(c));
            if found[j].pos.sentence == found[i].pos.sentence
                && (CONJUNCTIONS.contains(&gap) || matches!(gap, "，" | ","))
            {
                j += 1;
            } else {
                break;
            }
        }
        let n = j - i;
        if n >= 2 {
            apply_group(text, matcher, found, i, j);
        }
        i = j.max(i + 1);
    }
    found.retain(|f| !f.bare);
    share_numerators(matcher, found);
    level_before_its_change(found);
}

/// A share clause with its numerator elided (`…分别增长7.7%、8.9%，占规模以上工业增加值比重分别为
/// 34.6%和16.3%`) takes as numerators the subjects of as many figures just before it in the
/// same sentence, when those measure amounts (not rates or points).
fn share_numerators(matcher: &Matcher, found: &mut [Found]) {
    let mut i = 0;
    while i < found.len() {
        let own = match found[i].mention.subject.as_deref() {
            Some(s) if s.starts_with('占') && SHARE_CLAUSE_HEADS.iter().any(|h| s.ends_with(h)) => {
                s.to_string()
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let sentence = found[i].pos.sentence;
        let mut j = i + 1;
        while j < found.len()
            && found[j].pos.sentence == sentence
            && found[j].mention.subject.as_deref() == Some(own.as_str())
        {
            j += 1;
        }
        let n = j - i;
        let numerators: Option<Vec<String>> = i.checked_sub(n).and_then(|p| {
            found
                .get(p..i)?
                .iter()
                .map(|f| {
                    let subject = f.mention.subject.as_deref()?;
                    let unit = f.mention.figure.value.as_ref().map(|q| q.unit());
                    let amount = !subject.starts_with('占')
                        && !subject.ends_with('率')
                        && !subject.ends_with("比重")
                        && unit != Some(&Unit::PercentagePoint);
                    (f.pos.sentence == sentence && amount).then(|| subject.to_string())
                })
                .collect()
        });
        if let Some(nums) = numerators {
            for (k, num) in nums.into_iter().enumerate() {
                let f = &mut found[i + k];
                let composed = format!("{num}{own}");
                let unit = f.mention.figure.value.as_ref().map(|q| q.unit().clone());
                f.mention.indicator = matcher
                    .resolve(&composed, unit.as_ref(), f.mention.figure.direction)
                    .map(|idx| matcher.info(idx).id.clone());
                f.mention.subject = Some(composed);
            }
        }
        i = j;
    }
}

/// A level stated before its change in one sentence (`…比重为56.7%，比上年提高0.4个百分点`)
/// is of the change's kind when only the change's words (`比上年`) said it happened.
fn level_before_its_change(found: &mut [Found]) {
    for k in 1..found.len() {
        let (a, b) = found.split_at_mut(k);
        let (Some(level), Some(change)) = (a.last_mut(), b.first()) else {
            continue;
        };
        if level.mention.kind == MentionKind::Other
            && change.mention.kind == MentionKind::Outcome
            && level.pos.sentence == change.pos.sentence
            && level.mention.figure.direction.is_none()
            && change.mention.figure.direction.is_some()
            && level.mention.subject.is_some()
            && level.mention.subject == change.mention.subject
            && !is_duration(level)
        {
            level.mention.kind = MentionKind::Outcome;
            if level.mention.year.is_none() {
                level.mention.year = change.mention.year;
            }
        }
    }
}

fn apply_group(text: &str, matcher: &Matcher, found: &mut [Found], i: usize, j: usize) {
    // Units shared backward.
    for k in (i..j - 1).rev() {
        let next_unit = found[k + 1]
            .mention
            .figure
            .value
            .as_ref()
            .map(|q| q.unit().clone());
        let this = &found[k];
        let elided_pp = this
            .mention
            .figure
            .value
            .as_ref()
            .is_some_and(|q| *q.unit() == Unit::Generic)
            && next_unit == Some(Unit::PercentagePoint);
        if this.bare || elided_pp {
            if let Some(u) = next_unit {
                let f = &mut found[k];
                if let Some(q) = f.mention.figure.value.take() {
                    let ut = q.unit_text().to_string();
                    f.mention.figure.value =
                        Some(Quantity::new(q.value(), q.exponent(), u.clone()).with_unit_text(ut));
                }
                f.bare = false;
            }
        }
    }
    let direction = found[i].mention.figure.direction;
    let year = found[i].mention.year;
    let basis = found[i].mention.basis;
    let kind = found[i].mention.kind;
    let n = j - i;
    // Subjects: conjuncts of the first figure's subject, or the previous figures' subjects.
    let subj_span = found[i].mention.subject_span.clone();
    let conjuncts: Vec<Range<usize>> = match &subj_span {
        Some(r)
            if text.get(r.clone()).is_some()
                && found[i].mention.subject.as_deref() == text.get(r.clone()) =>
        {
            split_conjuncts(text, r.clone())
        }
        _ => Vec::new(),
    };
    let subjects: Vec<(Option<String>, Option<Range<usize>>)> = if n == 2
        && conjuncts.len() == 1
        && text
            .get(conjuncts[0].clone())
            .is_some_and(|c| c.starts_with(TOWN_AND_COUNTRY.0))
    {
        // 城乡居民人均可支配收入分别增长5.1%和7.3%: urban, then rural.
        let rest = text
            .get(conjuncts[0].start + TOWN_AND_COUNTRY.0.len()..conjuncts[0].end)
            .unwrap_or("");
        TOWN_AND_COUNTRY
            .1
            .into_iter()
            .map(|w| (Some(format!("{w}{rest}")), Some(conjuncts[0].clone())))
            .collect()
    } else if conjuncts.len() == n {
        let first = text.get(conjuncts[0].clone()).unwrap_or("").to_string();
        let last = text.get(conjuncts[n - 1].clone()).unwrap_or("").to_string();
        conjuncts
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let own = text.get(r.clone()).unwrap_or("").to_string();
                let unit = found[i + k]
                    .mention
                    .figure
                    .value
                    .as_ref()
                    .map(|q| q.unit().clone());
                let full = if k + 1 < n {
                    with_shared_head(matcher, &own, &last, unit.as_ref(), direction)
                } else if k > 0 {
                    with_shared_modifier(matcher, &own, &first, unit.as_ref(), direction)
                } else {
                    own
                };
                (Some(full), Some(r.clone()))
            })
            .collect()
    } else if found[i].region.is_empty()
        || text
            .get(found[i].region.clone())
            .is_some_and(|s| s.trim().is_empty())
        || conjuncts.len() < 2 && i >= n && found[i].mention.subject.is_none()
    {
        // 分别增长6%和18% after a clause naming the things: the previous n figures.
        let sentence = found[i].pos.sentence;
        let prev: Vec<&Found> = found[..i]
            .iter()
            .rev()
            .take(n)
            .filter(|f| f.pos.sentence == sentence)
            .collect();
        if prev.len() == n {
            prev.iter()
                .rev()
                .map(|f| (f.mention.subject.clone(), f.mention.subject_span.clone()))
                .collect()
        } else {
            vec![(found[i].mention.subject.clone(), subj_span.clone()); n]
        }
    } else {
        vec![(found[i].mention.subject.clone(), subj_span.clone()); n]
    };
    for (k, (s, r)) in subjects.into_iter().enumerate() {
        let f = &mut found[i + k];
        f.mention.subject = s;
        f.mention.subject_span = r;
        f.mention.figure.direction = direction;
        if k > 0 {
            f.mention.year = year;
            f.mention.basis = basis;
            f.mention.kind = kind;
        }
        let unit = f.mention.figure.value.as_ref().map(|q| q.unit().clone());
        f.mention.indicator = f
            .mention
            .subject
            .as_deref()
            .and_then(|s| matcher.resolve(s, unit.as_ref(), direction))
            .map(|idx| matcher.info(idx).id.clone());
    }
}

/// `基本养老` + the head of `工伤保险参保人数` → `基本养老保险参保人数` when the catalogue knows it;
/// otherwise the conjunct itself.
pub(crate) fn with_shared_head(
    matcher: &Matcher,
    own: &str,
    last: &str,
    unit: Option<&Unit>,
    direction: Option<Direction>,
) -> String {
    let mut composed = String::with_capacity(own.len() + last.len());
    for (k, _) in last.char_indices().skip(1) {
        composed.clear();
        composed.push_str(own);
        composed.push_str(&last[k..]);
        if matcher.exact(&composed, unit, direction).is_some()
            || matcher.prefix_len(&composed) > own.len()
        {
            return composed;
        }
    }
    // Parallel modifiers (1年期 / 5年期贷款市场报价利率): when the conjunct ends with the same
    // character as the last conjunct at the same position, the rest of the last is the head.
    let own_chars = own.chars().count();
    if own_chars >= 2 {
        if let (Some(oc), Some((k, lc))) =
            (own.chars().last(), last.char_indices().nth(own_chars - 1))
        {
            let head = &last[k + lc.len_utf8()..];
            if oc == lc && !head.is_empty() {
                return format!("{own}{head}");
            }
        }
    }
    // No catalogue name: share the last conjunct's final noun (投资, 人数) if it has one.
    for head in SHARED_HEADS {
        if last.ends_with(head) && !own.ends_with(head) {
            return format!("{own}{head}");
        }
    }
    own.to_string()
}

/// `二氧化碳排放` + the modifier of `单位国内生产总值能源消耗` → `单位国内生产总值二氧化碳排放`
/// when the conjunct names no indicator itself and the composed phrase starts with a catalogue
/// name; otherwise the conjunct itself.
pub(crate) fn with_shared_modifier(
    matcher: &Matcher,
    own: &str,
    first: &str,
    unit: Option<&Unit>,
    direction: Option<Direction>,
) -> String {
    if matcher.resolve(own, unit, direction).is_some() {
        return own.to_string();
    }
    let mut composed = String::with_capacity(own.len() + first.len());
    for (k, _) in first.char_indices().rev() {
        if k == 0 {
            break;
        }
        composed.clear();
        composed.push_str(&first[..k]);
        composed.push_str(own);
        if matcher.prefix_len(&composed) > k {
            return composed;
        }
    }
    own.to_string()
}

/// Splits `A、B和C` at top-level enumeration marks.
pub(crate) fn split_conjuncts(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let Some(s) = text.get(r.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut lo = 0;
    let mut k = 0;
    let b = s.as_bytes();
    while k < s.len() {
        let rest = &s[k..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '（' | '(' | '“' | '《' => depth += 1,
            '）' | ')' | '”' | '》' => depth -= 1,
            _ => {}
        }
        let sep = if depth == 0 {
            CONJUNCTIONS
                .iter()
                .copied()
                .filter(|w| rest.starts_with(w))
                .max_by_key(|w| w.len())
        } else {
            None
        };
        if let Some(w) = sep {
            // 研究与试验发展: 与 inside a name is not a conjunction when followed by a digit-free
            // long phrase; accept only when both sides are non-empty.
            if k > lo {
                out.push(r.start + lo..r.start + k);
            }
            k += w.len();
            lo = k;
            continue;
        }
        k += c.len_utf8();
        let _ = b;
    }
    if lo < s.len() {
        out.push(r.start + lo..r.start + s.len());
    }
    out
}
