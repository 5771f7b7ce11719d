//! The bounds phase: a scanned number becomes a figure — a range of two numbers, a comparator
//! before or after it (`超过`, `左右`), a share of a base (`完成年度计划的102.5%`).

use super::mention::Reading;
use super::scan::{Event, Num};
use super::structure::{Doc, floor_boundary};
use super::subject::object_after;
use super::years::YearCtx;
use crate::lexicon::{
    BOUNDING_VERBS, FLOORS, PEOPLE, POST_COMPARATORS, PRE_COMPARATORS, RANGE_JOINS, SHARE_BASES,
    SHARE_VERBS, is_clause_break, is_open_quote, longest_suffix_word,
};
use crate::numerals::Approx;
use crate::quantity::Quantity;
use crate::target::Comparator;
use crate::units::Unit;

/// A figure before context: span, comparator, quantities.
#[derive(Clone, Debug)]
pub(crate) struct RawFigure {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Where the unit-bearing part ends (before any post-qualifier).
    pub(crate) comparator: Comparator,
    pub(crate) value: Option<Quantity>,
    pub(crate) lower: Option<Quantity>,
    pub(crate) upper: Option<Quantity>,
    pub(crate) unit: Option<Unit>,
    pub(crate) bare: bool,
}

pub(crate) fn quantity(text: &str, n: &Num, unit: &Unit) -> Quantity {
    let unit_text = if n.unit_canonical {
        unit.canonical_text().to_string()
    } else if n.unit_end > n.num_end {
        text.get(n.num_end..n.unit_end).unwrap_or("").to_string()
    } else if n.cjk && text.get(n.start..).is_some_and(|s| s.starts_with("百分之")) {
        "百分之".to_string()
    } else {
        String::new()
    };
    Quantity::new(n.value, n.exponent, unit.clone()).with_unit_text(unit_text)
}

/// The figure starting at event `i` (merging a range), and how many events it used.
pub(crate) fn figure_at(text: &str, events: &[Event], i: usize) -> (Option<RawFigure>, usize) {
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
pub(crate) fn pre_comparator(before: &str) -> Option<(&'static str, Comparator)> {
    let w = PRE_COMPARATORS.ending(before)?;
    w.applies(&before[..before.len() - w.text.len()], "")
        .then_some((w.text, w.value))
}

/// Where the words of a share's base begin, when the text before `at` (within the clause from
/// `lo`) ends with `<base>的`; the base's year, if any, is marked comparative.
pub(crate) fn share_base(text: &str, years: &mut [YearCtx], lo: usize, at: usize) -> Option<usize> {
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
    pub(crate) fn set_unit(&mut self, unit: Unit) {
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

/// The bounds phase: comparators after and before the figure (`5%左右`, `超过2.2万亿元`, `控制在`
/// outside the span), a share of something (`超过总装机的50%`), a floor (`守住…红线`), a count of
/// people (`250余万农村低收入群众`), and a share of a base (`完成年度计划的102.5%`), whose base
/// words the later phases skip.
pub(crate) fn read_bounds(doc: &Doc, years: &mut [YearCtx], rd: &mut Reading) {
    let text = doc.text;
    // Bound qualifiers after the figure: 左右, 以上, 以内 …
    let after = text.get(rd.fig.end..).unwrap_or("");
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
        if rd.fig.comparator == Comparator::Exact || rd.fig.comparator == Comparator::MoreThan {
            rd.fig.comparator = c;
        }
        rd.fig.end += gap + w.len();
        post = true;
    }
    // Bound qualifiers before it: 超过, 近, 约, 不低于 … (控制在 is a verb: not in the span).
    // The previous figure that is not a bare number or a duration (连续9年 does not hold the
    // subject of what follows it).
    let prev_end = rd
        .prior_last
        .filter(|p| p.pos.clause == rd.pos.clause)
        .map_or(rd.pos.clause_start, |p| p.mention.span.end);
    rd.clause_lo = prev_end.max(rd.pos.clause_start).min(rd.fig.start);
    let before = text.get(rd.clause_lo..rd.fig.start).unwrap_or("");
    rd.cursor = rd.fig.start;
    if let Some((w, c)) = pre_comparator(before) {
        {
            if !post && rd.fig.comparator == Comparator::Exact {
                rd.fig.comparator = c;
                rd.verb_bound = BOUNDING_VERBS.contains(&w) && c == Comparator::AtMost;
            }
            rd.cursor -= w.len();
            if !BOUNDING_VERBS.contains(&w) && !post {
                rd.fig.start = rd.cursor;
            }
        }
    }
    // A share of something: 超过总装机的50%, 不到全国的三成.
    if rd.fig.comparator == Comparator::Exact
        && before.ends_with('的')
        && rd.fig.unit.as_ref().is_some_and(Unit::is_ratio)
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
                rd.fig.comparator = c;
                rd.cursor = rd.clause_lo + tail_lo + k;
            }
        }
    }
    // A red line or bottom line is a floor: 守住18亿亩耕地红线.
    if rd.fig.comparator == Comparator::Exact {
        if let Some(obj) = object_after(text, rd.fig.end).and_then(|r| text.get(r)) {
            if FLOORS.iter().any(|f| obj.ends_with(f)) {
                rd.fig.comparator = Comparator::AtLeast;
            }
        }
    }

    // 250余万农村低收入群众, 农村贫困人口减少1000万: a count of people without 人.
    if rd.fig.unit == Some(Unit::Number) {
        let obj = object_after(text, rd.fig.end)
            .and_then(|r| text.get(r))
            .unwrap_or("");
        let subj = text.get(rd.clause_lo..rd.fig.start).unwrap_or("");
        if PEOPLE.iter().any(|w| obj.contains(w) || subj.contains(w)) {
            rd.fig.set_unit(Unit::Person);
        }
    }

    // A share of a base (完成年度计划的102.5%, 为预算的99.8%, 恢复到2019年的112%, 增长到原来的
    // 1.5倍): the base is neither subject nor year, and the figure is no value of the indicator.
    rd.base_share = rd
        .fig
        .unit
        .as_ref()
        .is_some_and(|u| u.is_ratio() || *u == Unit::Multiple)
        && rd.fig.comparator == Comparator::Exact;
    rd.base_share = rd.base_share
        && match share_base(text, years, rd.clause_lo, rd.cursor) {
            Some(at) => {
                rd.cursor = at;
                true
            }
            None => false,
        };
}
