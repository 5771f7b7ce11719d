//! The subject phase: the noun phrase a figure measures, found by walking back from the figure
//! over its direction, links, qualifiers and attached years, or after it (`增发1万亿元国债`), or
//! in the sentence's topic (`城镇新增就业：…`).

use std::ops::Range;

use super::matcher::Matcher;
use super::structure::floor_boundary;
use super::years::{self, YearCtx};
use crate::lexicon::{
    ABOUT, ADVERBS_ONLY, DIRECTION_NOUNS, LEADING_TIME, LEADING_VERBS, OBJECT_ENDS,
    OBJECT_PREDICATES, OBJECT_VERBS, OBJECT_VERBS_KEPT, SPAN_ENDS, SPAN_FOLLOWERS, SUBJECT_OPENERS,
    TARGET_IS, YEAR_OPENERS, is_cjk_numeral, is_clause_break, is_close_quote, longest_prefix_word,
    longest_suffix_word,
};
use crate::target::Direction;

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
