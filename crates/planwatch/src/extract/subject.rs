//! The subject phase: the noun phrase a figure measures, found by walking back from the figure
//! over its direction, links, qualifiers and attached years, or after it (`增发1万亿元国债`), or
//! in the sentence's topic (`城镇新增就业：…`).

use std::ops::Range;

use super::bounds::pre_comparator;
use super::matcher::Matcher;
use super::mention::{Reading, is_duration};
use super::structure::{Doc, floor_boundary};
use super::years::{self, YearCtx};
use crate::lexicon::{
    ABOUT, ADVERBS_ONLY, AS_OF, BARE_OUTPUTS, DIRECTION_NOUNS, DIRECTION_VERBS, ESTIMATE, FUTURE,
    GENERIC_HEADS, LEADING_TIME, LEADING_VERBS, LEVEL_FROM_ENDS, LEVEL_LINKS, NOT_COMPARISONS,
    NOT_OUTPUT_WORDS, OBJECT_ENDS, OBJECT_PREDICATES, OBJECT_VERBS, OBJECT_VERBS_KEPT,
    OUTCOME_LINKS, PART_OPENER, RATIO_OF, RELATIONS, SPAN_ENDS, SPAN_FOLLOWERS, SUBJECT_OPENERS,
    TARGET_ENDS, TARGET_IS, TARGET_LINKS, TARGET_OBJECTS, VERB_LED_NOUNS, YEAR_OPENERS,
    contains_any, is_cjk_numeral, is_clause_break, is_close_quote, is_open_quote, link_ending,
    longest_prefix_word, longest_suffix_word,
};
use crate::target::{Direction, Reference, Relation};
use crate::units::Unit;

/// How far before a bare product name its sentence is read for another measure (about 100
/// characters).
const PRODUCT_LOOK_BACK: usize = 300;

/// Subjects are looked for at most this many bytes before a figure (about 40 characters).
pub(crate) const SUBJECT_WINDOW: usize = 120;

/// The topic of a sentence opened by `关于X：`.
/// The topic of a sentence opened by `关于X：`, or by a label `X：` naming an indicator (the rows
/// of an indicator table: `城镇新增就业：预期目标…，执行结果…`).
pub(crate) fn topic_of(
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

/// The subject phrase within `region`: leading time words, years and clause openers stripped,
/// a trailing direction noun (涨幅, 增速) read as the figure's direction.
pub(crate) fn subject_of(
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
    let lead = lead.filter(|_| longest_prefix_word(s_trim, VERB_LED_NOUNS).is_none());
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
pub(crate) fn duration_prefix(t: &str) -> Option<usize> {
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
pub(crate) fn object_verb_end(text: &str, region: Range<usize>) -> Option<usize> {
    let s = text.get(region.clone())?.trim_end();
    let w = longest_suffix_word(s, OBJECT_VERBS)?;
    Some(region.start + s.len() - w.len())
}

/// The noun after a figure: `增发1万亿元国债` → 国债.
pub(crate) fn object_after(text: &str, from: usize) -> Option<Range<usize>> {
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
    let t = first_occurrence_from(t, OBJECT_PREDICATES, 6).map_or(t, |k| &t[..k]);
    if t.is_empty() {
        return None;
    }
    let start = end - s.len();
    Some(start..start + t.len())
}

/// The least of the first occurrences in `t` of the words of `words` that are at `from` or
/// after (a word whose first occurrence is before `from` is not looked for further), read in
/// one pass over `t`'s characters rather than searched for word by word. At most 64 words.
fn first_occurrence_from(t: &str, words: &[&str], from: usize) -> Option<usize> {
    // The words found before `from`, by index.
    let mut seen = 0u64;
    for (k, c) in t.char_indices() {
        for (i, w) in words.iter().enumerate().take(64) {
            if seen >> i & 1 == 0 && w.starts_with(c) && t[k..].starts_with(w) {
                if k >= from {
                    return Some(k);
                }
                seen |= 1 << i;
            }
        }
    }
    None
}

const _: () = assert!(OBJECT_PREDICATES.len() <= 64);

/// The lead phase: walks back from the figure over its verb of change, comparators, links and
/// attached years, a named base of points (`高于全省0.7个百分点`) and a comparison base
/// (`比2023年年初预算`), noting the direction and the cues these words give.
pub(crate) fn read_lead(doc: &Doc, years: &mut [YearCtx], rd: &mut Reading) {
    let text = doc.text;
    // Walk back over direction, links and attached years.
    rd.window_lo = rd.clause_lo.max(rd.cursor.saturating_sub(SUBJECT_WINDOW));
    rd.window_lo = floor_boundary(text, rd.window_lo);
    let mut to_level = false;
    let mut first_link: Option<&str> = None;
    rd.lead_start = rd.cursor;
    loop {
        let s = text.get(rd.window_lo..rd.cursor).unwrap_or("");
        let trimmed = s.trim_end_matches(|c: char| c.is_whitespace() || is_open_quote(c));
        if trimmed.len() != s.len() {
            rd.cursor = rd.window_lo + trimmed.len();
            continue;
        }
        if s.is_empty() {
            break;
        }
        if let Some(y) = years
            .iter()
            .position(|y| y.end == rd.cursor && y.start >= rd.window_lo && !y.consumed)
        {
            if rd.attached.is_none() && rd.direction.is_none() {
                rd.attached = Some(y);
            }
            rd.cursor = years[y].start;
            if let Some(w) = longest_suffix_word(&s[..rd.cursor - rd.window_lo], AS_OF) {
                rd.cursor -= w.len();
            }
            continue;
        }
        if let Some((w, d)) = DIRECTION_VERBS.ending(s).map(|w| (w.text, w.value)) {
            // 下降 inside 下降率 is handled as a noun by the subject; here verbs only.
            if rd.direction.is_none() {
                rd.direction = Some(d);
                if first_link.is_some_and(|l| LEVEL_LINKS.contains(&l)) {
                    to_level = true;
                }
            }
            rd.cursor -= w.len();
            rd.lead_start = rd.cursor;
            continue;
        }
        if let Some((w, _)) = pre_comparator(s) {
            rd.cursor -= w.len();
            rd.lead_start = rd.cursor;
            continue;
        }
        if let Some(w) = link_ending(s) {
            // 提高到2023年的66.2%: 的 only attaches the year; 到 makes the figure a level.
            if first_link.is_none() && rd.direction.is_none() && w != "的" {
                first_link = Some(w);
            }
            if w == "分别" {
                rd.distributive = true;
            } else if TARGET_LINKS.contains(&w) || (w == FUTURE && !s.contains(ESTIMATE)) {
                rd.target_cue = true;
            } else if OUTCOME_LINKS.contains(&w) {
                rd.outcome_cue = true;
            }
            rd.cursor -= w.len();
            rd.lead_start = rd.cursor;
            continue;
        }
        // A difference from a named base: 增速高于全省0.7个百分点 (points above the province).
        if rd.direction.is_none() && rd.fig.unit == Some(Unit::PercentagePoint) {
            let base = RELATIONS
                .iter()
                .filter_map(|w| s.rfind(w.text).map(|k| (k, w)))
                .max_by_key(|&(k, _)| k);
            if let Some((k, word)) = base {
                let w = word.text;
                let between = &s[k + w.len()..];
                // At the clause start (`，高于全国0.6个百分点`) the subject is the previous one.
                if (k > 0
                    || rd
                        .prior_real
                        .is_some_and(|p| p.pos.sentence == rd.pos.sentence))
                    && !between.trim().is_empty()
                    && between.len() <= 30
                    && !between
                        .chars()
                        .any(|c| c.is_ascii_digit() || is_clause_break(c))
                {
                    let below = word.value == Relation::Below;
                    rd.direction = Some(if below {
                        Direction::Decrease
                    } else {
                        Direction::Increase
                    });
                    rd.reference = Some(Reference {
                        text: between.trim().to_string(),
                        indicator: None,
                        relation: if below {
                            Relation::Below
                        } else {
                            Relation::Above
                        },
                    });
                    rd.cursor = rd.window_lo + k;
                    rd.lead_start = rd.cursor;
                    continue;
                }
            }
        }
        // A comparison base before a change: 比2023年年初预算增加, 较上年同期下降.
        if rd.direction.is_some() {
            // 比重, 比例 and 较快 are no comparison.
            let base = s.char_indices().rev().find(|&(k, c)| {
                matches!(c, '比' | '较') && !s[k + c.len_utf8()..].starts_with(NOT_COMPARISONS)
            });
            if let Some((k, _)) = base {
                if s.len() - k <= 45 && k > 0 || k == 0 {
                    rd.cursor = rd.window_lo + k;
                    rd.lead_start = rd.cursor;
                    continue;
                }
            }
        }
        break;
    }
    if to_level {
        rd.direction = None;
    }
}

/// The subject phase: the noun phrase before the figure, else the object after a governing verb,
/// the subject of the previous figure of the sentence, or the sentence's topic; then the
/// indicator it names (none for a share of a base or points above a base).
pub(crate) fn read_subject(doc: &Doc, years: &[YearCtx], rd: &mut Reading) {
    let (text, matcher) = (doc.text, doc.matcher);
    // Subject.
    rd.region = rd.window_lo..rd.cursor;
    let raw = text.get(rd.region.clone()).unwrap_or("");
    let after_prior = rd
        .prior_real
        .is_some_and(|p| p.pos.clause == rd.pos.clause && p.mention.span.end == rd.clause_lo);
    let in_object_list = after_prior && raw.trim_end().ends_with(['、', '和', '及']);
    // 纲要确定的20个主要指标: a count after a relative clause counts the noun after it.
    let counted = rd.fig.unit.as_ref().is_some_and(|u| {
        u.is_count() && !matches!(u, Unit::Person | Unit::PersonTime | Unit::Household)
    }) && text
        .get(rd.region.end..rd.fig.start)
        .is_some_and(|s| s.starts_with('的'));
    let in_object_list = in_object_list || counted;
    let (subj_range, noun_dir) = if in_object_list {
        (None, None)
    } else {
        subject_of(text, rd.region.clone(), years, rd.distributive)
    };
    // 钢：从一百三十五万吨增加到四百十二万吨: a bare 从 or 由 opens the level, it names nothing;
    // the topic before the colon does.
    let subj_range = subj_range.filter(|r| {
        text.get(r.clone())
            .is_none_or(|w| !LEVEL_FROM_ENDS.contains(&w))
    });
    rd.subj_range = subj_range;
    if rd.direction.is_none() {
        rd.direction = noun_dir;
    }
    if TARGET_ENDS.iter().any(|w| raw.ends_with(w)) {
        rd.target_cue = true;
    }
    rd.subject = rd
        .subj_range
        .clone()
        .and_then(|r| text.get(r))
        .map(str::to_string);
    let prior_in_sentence = rd.prior_real.filter(|p| p.pos.sentence == rd.pos.sentence);
    let mut inherited = false;
    if rd.subject.is_none() {
        let governed = in_object_list
            || object_verb_end(text, rd.region.clone()).is_some()
            || (prior_in_sentence.is_none()
                && raw.trim().is_empty()
                && rd.lead_start < rd.fig.start);
        if governed {
            // 增发1万亿元国债, 支持建设21个国家产教融合试点城市、45个…: the object after the figure.
            // 未完成3%左右的预期目标: the target is no object.
            if let Some(r) = object_after(text, rd.fig.end).filter(|r| {
                text.get(r.clone())
                    .is_some_and(|o| !TARGET_OBJECTS.iter().any(|w| o.ends_with(w)))
            }) {
                rd.subject = text.get(r.clone()).map(str::to_string);
                rd.subj_range = Some(r);
            }
        }
        // 粮食产量连续9年稳定在1.3万亿斤以上: a duration just before in the clause carries the
        // subject of the figure it qualifies.
        let duration_before = rd.prior_last.filter(|p| {
            p.pos.clause == rd.pos.clause && is_duration(p) && p.mention.subject.is_some()
        });
        // 其中用于项目建设1542亿元: a part of the previous figure, told by its own words; it
        // takes no subject from before.
        let part_told = raw.trim_start().strip_prefix(PART_OPENER).is_some_and(|r| {
            r.chars()
                .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                .count()
                >= 2
        });
        if rd.subject.is_none() && !part_told && (!rd.distributive || raw.trim().is_empty()) {
            if let Some(p) = duration_before.or(prior_in_sentence) {
                // Ellipsis: the subject of the previous figure of the sentence.
                rd.subject = p.mention.subject.clone();
                rd.subj_range = p.mention.subject_span.clone();
                inherited = true;
                // 国内生产总值增长：预期目标…，执行结果6.1%: the subject's noun of change.
                if rd.direction.is_none() {
                    rd.direction = noun_direction(rd.subject.as_deref());
                }
            } else if let Some(r) = topic_of(text, matcher, rd.pos.sentence_start, rd.fig.start) {
                // 关于城镇调查失业率：…将预期目标稳定在5.5%左右; 城镇新增就业：预期目标….
                rd.subject = text.get(r.clone()).map(str::to_string);
                if rd.direction.is_none() {
                    rd.direction = noun_direction(rd.subject.as_deref());
                }
                rd.subj_range = Some(r);
            }
        }
    }
    if let (Some(s), Some(p)) = (rd.subject.clone(), prior_in_sentence) {
        let ps = p.mention.subject.as_deref().unwrap_or("");
        if !inherited && !ps.is_empty() {
            if s.starts_with(RATIO_OF.0) && s.ends_with(RATIO_OF.1) {
                // 与国内生产总值之比: a ratio of the previous subject.
                rd.subject = Some(format!("{ps}{s}"));
            } else if GENERIC_HEADS.contains(&s.as_str()) {
                // 规模比2023年增加1000亿元: the scale of the previous subject.
                rd.subject = Some(format!("{ps}{s}"));
            }
        }
    }

    // Indicator: none for a share of a base or points above a base.
    rd.indicator = rd
        .subject
        .as_deref()
        .filter(|_| !rd.base_share && rd.reference.is_none())
        .and_then(|s| {
            matcher
                .resolve(s, rd.fig.unit.as_ref(), rd.direction)
                .or_else(|| {
                    // 原煤增长１７％, 粮食增加了五十亿斤，达到三千七百亿斤: a bare product name
                    // counts its output, unless its sentence speaks of another measure (新增石油地质
                    // 储量3000万吨、天然气200亿立方米).
                    // The look back is bounded, so that a long sentence stays linear.
                    let back = rd.fig.start.saturating_sub(PRODUCT_LOOK_BACK);
                    let lo = rd.pos.sentence_start.max(floor_boundary(text, back));
                    let sentence = text.get(lo..rd.fig.start).unwrap_or("");
                    // 粮食连续五年增产，总产量10570亿斤: output without its product is the
                    // output of the product the sentence named last.
                    let product = if BARE_OUTPUTS.contains(&s) {
                        let named = rd.subj_range.as_ref().map_or(rd.fig.start, |r| r.start);
                        matcher.last_product_in(text.get(lo..named.max(lo)).unwrap_or(""))?
                    } else {
                        s
                    };
                    let found =
                        matcher.product_output(product, rd.fig.unit.as_ref(), rd.direction)?;
                    (!contains_any(sentence, NOT_OUTPUT_WORDS)).then_some(found)
                })
        })
        .map(|idx| matcher.info(idx).id.clone());
}

/// The direction a subject's noun of change gives (`居民消费价格涨幅` → increase).
fn noun_direction(subject: Option<&str>) -> Option<Direction> {
    subject
        .and_then(|t| DIRECTION_NOUNS.ending(t))
        .map(|w| w.value)
}
