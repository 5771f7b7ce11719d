//! The classify phase: the sentence cues gathered up to a figure, and from them, its section
//! and its words, the figure's year, basis and kind (target, outcome or other).

use super::mention::{MentionKind, Reading};
use super::scan::Pos;
use super::structure::{Doc, Section, SectionKind, floor_boundary};
use super::subject::SUBJECT_WINDOW;
use super::years::{YearCtx, Years};
use crate::document::Basis;
use crate::lexicon::{
    AVERAGE, COMPARED, FLOW_WORDS, LEVEL_FROM_ENDS, LEVEL_TO_ENDS, OUTCOME_CUES, PART_OF_YEAR_GONE,
    PAST_YEAR_WORDS, PER_WORDS, RELATIVE_YEAR_BASES, SPAN_LEADS, TARGET_AFTER, TARGET_CUES,
    THIS_YEAR, WHOLE_YEAR, YEAR_END, contains_any, is_close_quote, longest_prefix_word,
};
use crate::target::Comparator;
use crate::units::Unit;

use std::sync::OnceLock;

/// Sentence-level cues gathered between figures.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Cues {
    pub(crate) sentence: u32,
    pub(crate) scanned_to: usize,
    pub(crate) target: bool,
    pub(crate) outcome: bool,
    pub(crate) whole_year: bool,
    pub(crate) this_year: bool,
    /// The last relative year word of the sentence so far: `Some(true)` for 今年, `Some(false)`
    /// for 去年, 上年 and 过去一年 (not after 比, 较: those are comparison bases).
    pub(crate) relative: Option<bool>,
}

/// Whether the figure's clause, or a short time phrase opening its sentence (`截至年末，`),
/// says year end.
pub(crate) fn year_end_context(text: &str, pos: Pos, at: usize) -> bool {
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

/// The last relative year word of `s`: `true` for 今年, `false` for 去年, 上年, 上一年 and 过去一年
/// (not after 比, 较 and the like: those are comparison bases). One pass over the 年 of `s`.
pub(crate) fn last_relative_year(s: &str) -> Option<bool> {
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

/// The characters the sentence cue words start with, as a set of the low 12 bits of their
/// code points (a character that shares them with one is tried and fails).
fn cue_firsts() -> &'static [u64; 64] {
    static FIRSTS: OnceLock<[u64; 64]> = OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut set = [0u64; 64];
        let words = TARGET_CUES.iter().map(|w| w.text);
        for w in words
            .chain(OUTCOME_CUES.iter().copied())
            .chain([WHOLE_YEAR, THIS_YEAR])
        {
            if let Some(c) = w.chars().next() {
                let low = c as usize & 0xFFF;
                set[low >> 6] |= 1 << (low & 63);
            }
        }
        set
    })
}

pub(crate) fn gather_cues(text: &str, cues: &mut Cues, upto: usize) {
    if upto <= cues.scanned_to {
        return;
    }
    let Some(s) = text.get(cues.scanned_to..upto) else {
        cues.scanned_to = upto;
        return;
    };
    // One pass over the characters of `s`: the cue words are tried only where a character
    // one of them starts with stands (the words do not overlap themselves, so every place
    // is every match `has_target_cue` tries).
    let firsts = cue_firsts();
    for (k, c) in s.char_indices() {
        let low = c as usize & 0xFFF;
        if firsts[low >> 6] >> (low & 63) & 1 == 0 {
            continue;
        }
        let rest = &s[k..];
        if !cues.target {
            cues.target = TARGET_CUES.iter().any(|cue| {
                rest.starts_with(cue.text) && cue.applies(&s[..k], &rest[cue.text.len()..])
            });
        }
        if !cues.outcome {
            cues.outcome = OUTCOME_CUES.iter().any(|w| rest.starts_with(w));
        }
        cues.whole_year |= rest.starts_with(WHOLE_YEAR);
        cues.this_year |= rest.starts_with(THIS_YEAR);
    }
    if let Some(r) = last_relative_year(s) {
        cues.relative = Some(r);
    }
    // Keep the last few bytes: a cue word may straddle the boundary.
    cues.scanned_to = floor_boundary(text, upto.saturating_sub(9)).max(cues.scanned_to);
}

/// What a sentence has said up to the figure being read: its year contexts and its cues.
#[derive(Debug, Default)]
pub(crate) struct Sentence {
    pub(crate) years: Vec<YearCtx>,
    pub(crate) cues: Cues,
}

/// The year phase: the year attached to the figure, else the nearest one of its clause, then of
/// its sentence, else the relative year words of the sentence, else the section's year; and the
/// basis (year end, average, whole year).
pub(crate) fn read_year(doc: &Doc, sentence: &mut Sentence, rd: &mut Reading) {
    let (text, doc_years) = (doc.text, doc.years);
    let Sentence { years, cues } = sentence;
    // Sentence cues up to this figure.
    gather_cues(text, cues, rd.fig.start);

    // Year and basis.
    let pick = rd.attached.or_else(|| {
        years
            .iter()
            .rposition(|y| {
                y.end <= rd.fig.start
                    && !y.comparative
                    && !y.consumed
                    && y.clause == rd.pos.clause
                    && y.start >= rd.pos.sentence_start
            })
            .or_else(|| {
                years.iter().rposition(|y| {
                    y.end <= rd.fig.start
                        && !y.comparative
                        && !y.consumed
                        && y.start >= rd.pos.sentence_start
                })
            })
    });
    if let Some(k) = pick {
        rd.year = Some(years[k].year);
        rd.end_year = years[k].end_year;
        rd.basis = years[k].basis;
        if rd.attached.is_some() {
            years[k].consumed = true;
        }
    } else if let Some(y) = cues
        .relative
        .filter(|_| !to_level_of_a_dated_from(text, rd))
        .and_then(|this| {
            if this {
                doc_years.plan
            } else {
                doc_years.outcome
            }
        })
    {
        rd.year = Some(y);
    } else if let Some((first, last)) =
        span_opening(text, rd).and_then(|n| span_years(rd, doc_years, n))
    {
        // 五年年均增长5.2%, 十年增加近70万亿元, 两年平均增长5.1%: a span of years.
        rd.year = Some(first);
        rd.end_year = Some(last);
        rd.basis = Some(Basis::Cumulative);
    } else if rd.section.year.is_some() {
        rd.year = rd.section.year;
        if rd.section.end_year.is_some() {
            rd.end_year = rd.section.end_year;
            rd.basis = Some(Basis::Cumulative);
        }
    }
    // 比1995年增长67%: a change over the years since the base, not over one year.
    if let (Some(y), None, Some(_)) = (rd.year, rd.end_year, rd.direction) {
        let base = years
            .iter()
            .rev()
            .find(|b| {
                // 2005年与2000年相比，国内生产总值增长57.3%: a base the sentence opens with
                // holds for its clauses.
                let compared = || {
                    text.get(b.end..)
                        .is_some_and(|t| COMPARED.iter().any(|w| t.starts_with(w)))
                };
                b.comparative && b.end <= rd.fig.start && (b.clause == rd.pos.clause || compared())
            })
            .map(|b| b.end_year.unwrap_or(b.year));
        if let Some(b) = base.filter(|&b| b.checked_add(1).is_some_and(|n| n < y)) {
            rd.year = Some(b + 1);
            rd.end_year = Some(y);
            rd.basis = Some(Basis::Cumulative);
        }
    }
    let averaged = text
        .get(rd.region.start..rd.fig.start)
        .is_some_and(|s| contains_any(s, AVERAGE));
    if averaged
        && rd.end_year.is_none()
        && rd.section.end_year.is_some()
        && rd.section.kind == SectionKind::Outcome
    {
        // 1997年…年均增长5.4% in a review of five years: the average is over the span the
        // review covers, not over the year the level is of.
        rd.year = rd.section.year;
        rd.end_year = rd.section.end_year;
        rd.basis = Some(Basis::Cumulative);
    }
    if averaged
        && rd.end_year.is_none()
        && let Some(p) = rd.prior_real.filter(|p| {
            p.pos.sentence == rd.pos.sentence
                && p.mention.end_year.is_some()
                && p.mention.end_year == rd.year
                && p.mention.figure.direction.is_some()
        })
    {
        // 比2002年增长65.5%，年均增长10.6%: the average over the span of the change before it.
        rd.year = p.mention.year;
        rd.end_year = p.mention.end_year;
        rd.basis = Some(Basis::Cumulative);
    }
    if averaged && rd.end_year.is_some() && rd.basis == Some(Basis::Cumulative) {
        // 十四五时期年均增长7%: an average over the period.
        rd.basis = Some(Basis::Average);
    }
    if let (Some(first), Some(last)) = (rd.year, rd.end_year)
        && rd.direction.is_none()
        && rd.attached.is_none()
    {
        // A level over a span of years reviewed is a level of one of its years: `由A增加到B`
        // gives A for the year before the span and B for its last; cumulative and average
        // figures keep the span, and so do the levels a plan sets for its period.
        let before = text
            .get(rd.region.start..rd.fig.start)
            .unwrap_or("")
            .trim_end();
        let plan = rd.section.kind == SectionKind::Target;
        let year = if LEVEL_TO_ENDS.iter().any(|w| before.ends_with(w)) {
            if plan {
                // 提高到12万元以上 in a plan: the level of the period's end.
                rd.basis = Some(Basis::YearEnd);
            }
            (!plan).then_some(last)
        } else if opens_from(before) {
            // The level the span starts from is that of the year before it.
            first.checked_sub(1)
        } else if !plan
            && rd.fig.unit.as_ref().is_some_and(is_a_state)
            && span_opening(text, rd).is_none()
            && !text
                .get(rd.pos.clause_start..rd.fig.start)
                .is_some_and(|s| contains_any(s, AVERAGE))
            && !flow_before(text, rd)
        {
            // 基本养老保险覆盖率超过80%, 高速铁路超过1.9万公里 in a review of five years: a rate
            // or a network is not summed over years; it is what was reached, at the span's end
            // (not 新建高速铁路1.2万公里, a flow).
            Some(last)
        } else {
            None
        };
        if let Some(y) = year {
            rd.year = Some(y);
            rd.end_year = None;
            rd.basis = Some(Basis::Year);
        }
    } else if let (Some(y), None, None, None) = (rd.year, rd.end_year, rd.direction, rd.attached) {
        // 从每月70元提高到88元 in a review of a year: 88元 is the year's level, 70元 the year
        // before's.
        let before = text
            .get(rd.region.start..rd.fig.start)
            .unwrap_or("")
            .trim_end();
        let after = text.get(rd.fig.end..).unwrap_or("");
        let after = &after[..floor_boundary(after, 12)];
        let changes_to = LEVEL_TO_ENDS.iter().any(|w| after.contains(w));
        if opens_from(before) && changes_to {
            // Against a base year the sentence names (1986年同1978年相比，…由3480亿元增加到…),
            // the earlier level is the base year's.
            let base = years
                .iter()
                .rev()
                .find(|b| b.comparative && b.end <= rd.fig.start)
                .map(|b| b.end_year.unwrap_or(b.year));
            rd.year = base.or(y.checked_sub(1));
        }
    }
    if rd.basis.is_none() {
        if year_end_context(text, rd.pos, rd.fig.start) {
            rd.basis = Some(Basis::YearEnd);
        } else if text
            .get(rd.region.start..rd.fig.start)
            .is_some_and(|s| contains_any(s, AVERAGE))
        {
            rd.basis = Some(Basis::Average);
        } else if cues.whole_year {
            rd.basis = Some(Basis::Year);
        }
    }
}

/// Whether the words before a figure open the level a change starts from: `由`, `从`, also
/// before a word of measure (`从人均8.7万元`, `从每月70元`).
pub(crate) fn opens_from(before: &str) -> bool {
    let before = PER_WORDS
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    LEVEL_FROM_ENDS.iter().any(|w| before.ends_with(w))
}

/// Whether the figure speaks of years before the report's plan year: what a report says of
/// them, it says as fact.
/// Whether the figure is the level a change reaches from a level the sentence dates by a
/// relative year (`赤字率从去年的2.1%提高到2.3%`): that year is the first level's, not this one's.
fn to_level_of_a_dated_from(text: &str, rd: &Reading) -> bool {
    let Some(p) = rd.prior_real.filter(|p| p.pos.clause == rd.pos.clause) else {
        return false;
    };
    let between = text.get(p.mention.span.end..rd.fig.start).unwrap_or("");
    if between.len() > 12 || !LEVEL_TO_ENDS.iter().any(|w| between.ends_with(w)) {
        return false;
    }
    let before = text.get(..p.mention.span.start).unwrap_or("");
    let before = before.strip_suffix('的').unwrap_or(before);
    PAST_YEAR_WORDS
        .iter()
        .filter_map(|w| before.strip_suffix(w))
        .any(|b| LEVEL_FROM_ENDS.iter().any(|f| b.ends_with(f)))
}

fn in_the_past(rd: &Reading, years: Years) -> bool {
    match (rd.year, years.plan) {
        (Some(y), Some(p)) => rd.end_year.unwrap_or(y) < p,
        _ => false,
    }
}

/// Whether a figure in this unit, with no change, states where something stands rather than how
/// much of it a span of years added: a rate, a length, an area, a yearly output.
fn is_a_state(unit: &Unit) -> bool {
    matches!(
        unit,
        Unit::Percent
            | Unit::Kilometre
            | Unit::Mu
            | Unit::Hectare
            | Unit::Jin
            | Unit::Dan
            | Unit::Ton
    )
}

/// How far back in its sentence a figure's flow words are looked for, in bytes.
const FLOW_LOOK_BACK: usize = 120;

/// Whether the figure's sentence, shortly before it, counts a flow (`…五年间的实际产量合计，粮食
/// 为一万六千五百八十亿斤`).
fn flow_before(text: &str, rd: &Reading) -> bool {
    let lo = rd.pos.sentence_start.max(floor_boundary(
        text,
        rd.fig.start.saturating_sub(FLOW_LOOK_BACK),
    ));
    text.get(lo..rd.fig.start)
        .is_some_and(|s| contains_any(s, FLOW_WORDS))
}

/// Whether the figure's sentence speaks of this year (`今年再减少农村贫困人口1000万人以上`), the
/// plan year, with no word of a part of it gone (`今年以来`, `今年一季度`): delivered as the
/// year opens, a report says of this year what it plans.
fn of_this_year(text: &str, cues: &Cues, rd: &Reading, years: Years) -> bool {
    cues.this_year
        && !cues.outcome
        && rd.year.is_some()
        && rd.year == years.plan
        && rd.end_year.is_none()
        && !text
            .get(rd.pos.sentence_start..rd.fig.start)
            .is_some_and(|s| contains_any(s, PART_OF_YEAR_GONE))
}

/// Whether the figure speaks of a year after the report's plan year.
fn in_the_future(rd: &Reading, years: Years) -> bool {
    rd.year.zip(years.plan).is_some_and(|(y, p)| y > p)
}

/// The years of a span of `n` years: in a review of a year, the `n` years to it; else, in a
/// plan, the `n` years from the plan year; else the `n` years before it.
fn span_years(rd: &Reading, years: Years, n: i32) -> Option<(i32, i32)> {
    match (rd.section.kind, rd.section.year, years.plan) {
        (SectionKind::Outcome, Some(y), _) if rd.section.end_year.is_none() => {
            Some((y.checked_sub(n - 1)?, y))
        }
        (SectionKind::Target, _, Some(p)) => Some((p, p.checked_add(n - 1)?)),
        (_, _, Some(p)) => Some((p.checked_sub(n)?, p.checked_sub(1)?)),
        _ => None,
    }
}

/// The count of years a figure's clause opens with when they are its span: `五年年均增长`,
/// `十年增加`, `五年累计`, `五年城镇新增就业4500万人` (not `连续五年`: a duration).
fn span_opening(text: &str, rd: &Reading) -> Option<i32> {
    let clause = text.get(rd.pos.clause_start..rd.fig.start)?;
    let clause = clause
        .trim_start_matches(|c: char| super::years::is_blank(c) || matches!(c, '—' | '-' | '、'));
    let clause = SPAN_LEADS
        .iter()
        .find_map(|w| clause.strip_prefix(w))
        .unwrap_or(clause);
    let (n, len) = super::structure::count_of_years(clause)?;
    let rest = clause[len..].strip_prefix('年')?;
    (n > 1 && !rest.starts_with(['前', '后', '内', '底', '末'])).then_some(n)
}

/// Whether the figure stands in brackets opened right after the figure before it
/// (`增长百分之四（包括村办工业为百分之六）`): another measure of that figure, not a record.
fn variant_in_brackets(text: &str, rd: &Reading) -> bool {
    let Some(prior) = rd.prior_real.filter(|p| p.pos.sentence == rd.pos.sentence) else {
        return false;
    };
    let open = prior.mention.span.end;
    text.get(open..rd.fig.start).is_some_and(|between| {
        between.starts_with(['（', '(']) && !between.contains(['）', ')', '，', '。', '；'])
    })
}

/// The classify phase: target, outcome or other, from the figure's own cues, then its section,
/// then its sentence's cues; a target of 今年 without a year takes the plan year.
pub(crate) fn read_kind(doc: &Doc, cues: &Cues, rd: &mut Reading) -> MentionKind {
    let (text, doc_years) = (doc.text, doc.years);
    // Kind.
    let after_fig = text.get(rd.fig.end..).unwrap_or("");
    let after_fig = after_fig.trim_start_matches(is_close_quote);
    if longest_prefix_word(after_fig, TARGET_AFTER).is_some() {
        rd.target_cue = true;
    }
    let unit = rd.fig.unit.clone().unwrap_or(Unit::Number);
    // A span of time is no target or outcome (连续9年), unless it measures an indicator
    // (平均受教育年限11.3年) or changes (人均预期寿命提高1岁).
    let kind = if matches!(unit, Unit::Year | Unit::Age | Unit::Day | Unit::Hour)
        && rd.indicator.is_none()
        && rd.direction.is_none()
        || variant_in_brackets(text, rd)
    {
        MentionKind::Other
    } else if rd.target_cue {
        MentionKind::Target
    } else if rd.outcome_cue {
        MentionKind::Outcome
    } else {
        match rd.section.kind {
            // A review paragraph that goes on to this year's targets (`过去一年，…。今年发展主要
            // 预期目标是：…`): the sentence's own cues win over the paragraph's opening.
            // So does a sentence that plans for the plan year or later by name (`一九六五年计划草案
            // 拟定，农业总产值比一九六四年增长百分之五左右` in a review of 1964).
            SectionKind::Outcome
                if cues.target
                    && (cues.this_year
                        || rd.year.zip(doc_years.plan).is_some_and(|(y, p)| y >= p)) =>
            {
                MentionKind::Target
            }
            SectionKind::Outcome => MentionKind::Outcome,
            SectionKind::Target => match (rd.year, rd.section.year) {
                (Some(y), Some(sy)) if y < sy => MentionKind::Outcome,
                _ => MentionKind::Target,
            },
            SectionKind::Unknown => {
                // 到2020年，国内生产总值达到92.7万亿元 in a report of 2016: a year after the plan
                // year has no outcome yet.
                if cues.target
                    || in_the_future(rd, doc_years)
                    || of_this_year(text, cues, rd, doc_years)
                {
                    MentionKind::Target
                } else if cues.outcome || in_the_past(rd, doc_years) {
                    MentionKind::Outcome
                } else {
                    MentionKind::Other
                }
            }
        }
    };
    if kind == MentionKind::Target && rd.direction.is_none() && rd.end_year.is_none() {
        // 到一九八五年，粮食产量计划达到三亿六千万吨 in the sixth five-year plan: the level the
        // plan sets for its last year is a target of the plan's period.
        let plan = match rd.section {
            Section {
                kind: SectionKind::Target,
                year: Some(first),
                end_year: Some(last),
            } => Some((first, last)),
            _ => doc.plan,
        };
        if let (Some((first, last)), Some(y)) = (plan, rd.year)
            && y == last
            && first < last
        {
            rd.year = Some(first);
            rd.end_year = Some(last);
            rd.basis = Some(Basis::YearEnd);
        }
    }
    if kind == MentionKind::Outcome && rd.verb_bound {
        // 居民消费价格涨幅控制在2.6%, said of the year gone: the figure reached, not a bound.
        rd.fig.comparator = Comparator::Exact;
    }
    if kind == MentionKind::Target && rd.year.is_none() && cues.this_year {
        // 今年 is the plan year.
        rd.year = if rd.section.kind == SectionKind::Outcome {
            doc_years.plan
        } else {
            rd.section.year.or(doc_years.plan)
        };
    }
    kind
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::has_target_cue;

    /// The one pass over a sentence finds the cues the word-by-word searches find: every
    /// sentence of the report, each cut at every fifth character, and the words that are no
    /// cue where they stand.
    #[test]
    fn cues_in_one_pass_are_the_cues_searched_word_by_word() {
        let mut texts: Vec<&str> = crate::builtin::TEXT.split_inclusive('。').collect();
        texts.extend([
            "增长好于预期",
            "符合预期",
            "好于预期，力争",
            "今年全年",
            "超预期目标",
            "",
        ]);
        let mut tried = 0;
        for t in texts {
            for (k, _) in t.char_indices().step_by(5).chain([(t.len(), ' ')]) {
                let s = &t[..k];
                let mut cues = Cues::default();
                gather_cues(s, &mut cues, s.len());
                let want = (
                    has_target_cue(s),
                    contains_any(s, OUTCOME_CUES),
                    s.contains(WHOLE_YEAR),
                    s.contains(THIS_YEAR),
                );
                let got = (cues.target, cues.outcome, cues.whole_year, cues.this_year);
                assert_eq!(got, want, "{s}");
                tried += usize::from(want.0 || want.1);
            }
        }
        // Cut places holding a target or outcome cue: 846 with the lexicon of this writing.
        assert!(tried > 800, "{tried}");
    }
}
