//! The context pass: turn scanned numbers into mentions, walking the scan events once, in order.

use super::bounds::{RawFigure, figure_at, pre_comparator, share_base};
use super::classify::{Cues, gather_cues, year_end_context};
use super::distribute::distribute;
use super::matcher::Matcher;
use super::mention::{Found, is_duration};
use super::scan::{Event, Pos};
use super::structure::{
    Doc, Section, SectionKind, classify_heading, floor_boundary, paragraph_section,
};
use super::subject::{SUBJECT_WINDOW, object_after, object_verb_end, subject_of, topic_of};
use super::years::{YearCtx, Years, push_plan_ctx, push_year_ctx};
use super::{Mention, MentionKind};
use crate::document::Basis;
use crate::lexicon::{
    AS_OF, AVERAGE, BOUNDING_VERBS, DIRECTION_NOUNS, DIRECTION_VERBS, FLOORS, GENERIC_HEADS,
    LEVEL_LINKS, LIST_INTROS, NOT_COMPARISONS, OUTCOME_LINKS, PEOPLE, POST_COMPARATORS,
    PRE_COMPARATORS, RATIO_OF, RELATIONS, TARGET_AFTER, TARGET_ENDS, TARGET_LINKS, TARGET_OBJECTS,
    contains_any, is_clause_break, is_close_quote, is_open_quote, link_ending, longest_prefix_word,
    longest_suffix_word,
};
use crate::target::{Comparator, Direction, Figure, Reference, Relation};
use crate::units::Unit;

/// Year contexts kept per sentence (the nearest ones matter).
pub(crate) const MAX_YEARS: usize = 16;

/// Reads every mention of a document, walking its events once, in order.
pub(crate) fn mentions(doc: &Doc) -> Vec<Found> {
    let text = doc.text;
    let matcher = doc.matcher;
    let doc_years = doc.years;
    let events = &doc.events;
    let communique = doc.communique;
    let mut out: Vec<Found> = Vec::new();
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
                let (fig, used) = figure_at(text, events, i);
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

#[allow(clippy::too_many_arguments)]
pub(crate) fn contextualize(
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
