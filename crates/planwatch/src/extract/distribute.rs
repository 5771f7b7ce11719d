//! The distribute phase: distributive lists (`A、B和C分别增长x、y和z`), elided units and
//! numerators, shared heads and modifiers of conjuncts.

use std::ops::Range;

use super::MentionKind;
use super::matcher::Matcher;
use super::mention::{Found, is_duration};
use crate::lexicon::{
    CONJUNCTIONS, DIRECTION_NOUNS, DIRECTION_VERBS, LIST_TOTALS, PART_OPENER, POST_COMPARATORS,
    SHARE_CLAUSE_HEADS, SHARED_HEADS, TOWN_AND_COUNTRY, is_close_quote, is_open_quote,
};
use crate::quantity::Quantity;
use crate::target::{Comparator, Direction};
use crate::units::Unit;

/// Distributive lists: `A、B和C分别增长x、y和z` gives each figure its own subject; elided units
/// are shared backward (`分别下降0.2个和0.1个百分点`), and the group shares direction and year.
pub(crate) fn distribute(text: &str, matcher: &Matcher, found: &mut Vec<Found>) {
    implicit_respectively(text, matcher, found);
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
    parts_of_the_whole(text, found);
    level_before_its_change(found);
}

/// The figures of a sentence opened by `其中` that no cue of their own made a target or outcome
/// are parts of the last target or outcome before the sentence in its paragraph, the whole
/// (`今年拟安排财政赤字2.18万亿元。其中，中央财政赤字1.4万亿元，地方财政赤字7800亿元`): of its
/// kind and year. Parts of a span's figure (`第六个五年计划规定，一九八五年工农业总产值达到
/// 八千七百一十亿元。其中，农业总产值由二千一百八十七亿元增加到二千六百六十亿元`) are of the span,
/// and the level a part starts from (`由…`) is the year's before the span.
pub(crate) fn parts_of_the_whole(text: &str, found: &mut [Found]) {
    let mut whole: Option<usize> = None;
    let mut part_sentence = None;
    for k in 0..found.len() {
        let pos = found[k].pos;
        if part_sentence != Some(pos.sentence) {
            let opening = text.get(pos.sentence_start..found[k].mention.span.start);
            let opens = opening.is_some_and(|o| {
                o.trim_start_matches(super::years::is_blank)
                    .starts_with(PART_OPENER)
            });
            part_sentence = opens.then_some(pos.sentence);
        }
        let Some(w) = whole.filter(|&w| {
            part_sentence.is_some()
                && found[w].pos.paragraph_start == pos.paragraph_start
                && found[w].pos.sentence != pos.sentence
        }) else {
            if found[k].mention.kind != MentionKind::Other && !is_duration(&found[k]) {
                whole = Some(k);
            }
            continue;
        };
        let (wk, wy, we, wb) = {
            let m = &found[w].mention;
            (m.kind, m.year, m.end_year, m.basis)
        };
        let f = &mut found[k];
        if f.mention.kind != MentionKind::Other || is_duration(f) {
            continue;
        }
        let before = text.get(f.region.start..f.mention.span.start).unwrap_or("");
        match (wy, we) {
            (Some(first), Some(_)) if f.mention.end_year.is_none() => {
                if super::classify::opens_from(before.trim_end()) {
                    f.mention.kind = MentionKind::Outcome;
                    f.mention.year = first.checked_sub(1);
                    f.mention.basis = Some(crate::document::Basis::Year);
                } else {
                    f.mention.kind = wk;
                    (f.mention.year, f.mention.end_year) = (wy, we);
                    // A level at the span's end; a change over it as the whole's.
                    f.mention.basis = if f.mention.figure.direction.is_none() {
                        Some(crate::document::Basis::YearEnd)
                    } else {
                        wb
                    };
                }
            }
            _ => {
                f.mention.kind = wk;
                if f.mention.year.is_none() {
                    f.mention.year = wy;
                }
            }
        }
    }
}

/// The figures of a list joined by `和` or `、` (`实际增长8.4%和8%`) that all read one subject are
/// respective without `分别` when that subject cannot hold them all: when it is a list of as
/// many names, each an indicator (`城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4%和11.4%`),
/// or when it was only inherited from the figure before and the sentence's figures before the
/// list name as many different subjects (`城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，
/// 实际增长8.4%和8%`). Such a list is marked distributive, for the pass that distributes.
fn implicit_respectively(text: &str, matcher: &Matcher, found: &mut [Found]) {
    let mut i = 0;
    while i < found.len() {
        let mut j = i + 1;
        while j < found.len()
            && found[j].pos.sentence == found[i].pos.sentence
            && !found[j].distributive
            && !found[j].bare
            && found[j].mention.subject.is_some()
            && found[j].mention.subject == found[i].mention.subject
            && text
                .get(found[j - 1].mention.span.end..found[j].mention.span.start)
                .is_some_and(|gap| matches!(gap, "和" | "、"))
        {
            j += 1;
        }
        let n = j - i;
        if n < 2 || found[i].distributive || found[i].bare {
            i = j;
            continue;
        }
        let head = &found[i];
        let unit = head.mention.figure.value.as_ref().map(|q| q.unit().clone());
        let direction = head.mention.figure.direction;
        let own_list = head.region.clone();
        let names: Vec<Range<usize>> = split_conjuncts(text, own_list)
            .into_iter()
            .filter(|r| {
                text.get(r.clone())
                    .is_some_and(|c| matcher.resolve(c, unit.as_ref(), direction).is_some())
            })
            .collect();
        let sentence = head.pos.sentence;
        let before: Vec<&Found> = found[..i]
            .iter()
            .rev()
            .take_while(|f| f.pos.sentence == sentence)
            .take(n)
            .collect();
        let inherited = before.len() == n
            && before[0].mention.subject_span == head.mention.subject_span
            && before[0].mention.subject == head.mention.subject
            && (1..n).all(|k| {
                before[k].mention.subject.is_some()
                    && (0..k).all(|m| before[m].mention.subject != before[k].mention.subject)
            });
        if names.len() == n {
            found[i].distributive = true;
            let span = names[0].start..names[n - 1].end;
            found[i].mention.subject = text.get(span.clone()).map(str::to_string);
            found[i].mention.subject_span = Some(span);
        } else if inherited {
            found[i].distributive = true;
            found[i].mention.subject = None;
            found[i].mention.subject_span = None;
            found[i].region = found[i].region.start..found[i].region.start;
        }
        i = j;
    }
}

/// A share clause with its numerator elided (`…分别增长7.7%、8.9%，占规模以上工业增加值比重分别为
/// 34.6%和16.3%`) takes as numerators the subjects of as many figures just before it in the
/// same sentence, when those measure amounts (not rates or points).
pub(crate) fn share_numerators(matcher: &Matcher, found: &mut [Found]) {
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
pub(crate) fn level_before_its_change(found: &mut [Found]) {
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

pub(crate) fn apply_group(text: &str, matcher: &Matcher, found: &mut [Found], i: usize, j: usize) {
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
    share_trailing_comparator(text, found, i, j);
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
    // 城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内: a direction that only the last
    // conjunct's noun of change gives (no verb of change before the figures) is that conjunct's.
    let noun_only = conjuncts.len() == n
        && direction.is_some()
        && subj_span.as_ref().is_some_and(|r| {
            let lead = text.get(r.end..found[i].mention.span.start).unwrap_or("x");
            let noun = text
                .get(r.clone())
                .and_then(|s| DIRECTION_NOUNS.ending(s))
                .map(|w| w.value);
            noun == direction && !DIRECTION_VERBS.words.iter().any(|w| lead.contains(w.text))
        });
    for (k, (s, r)) in subjects.into_iter().enumerate() {
        let f = &mut found[i + k];
        let own = if noun_only {
            s.as_deref()
                .and_then(|s| DIRECTION_NOUNS.ending(s))
                .map(|w| w.value)
        } else {
            direction
        };
        f.mention.subject = s;
        f.mention.subject_span = r;
        f.mention.figure.direction = own;
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
            .and_then(|s| matcher.resolve(s, unit.as_ref(), own))
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

/// A comparator written after the last figure of a list joined by 和, 、 or 及 (`分别增长5%和7%
/// 左右`, `分别为30%、40%以上`) is the list's: the bare figures before it take it.
fn share_trailing_comparator(text: &str, found: &mut [Found], i: usize, j: usize) {
    let last = &found[j - 1].mention.figure;
    let Some(word) = POST_COMPARATORS.ending(&last.text) else {
        return;
    };
    let comparator = last.comparator;
    if comparator != word.value {
        return;
    }
    let joined = (i + 1..j).all(|k| {
        text.get(found[k - 1].mention.span.end..found[k].mention.span.start)
            .is_some_and(|gap| CONJUNCTIONS.contains(&gap.trim()))
    });
    let bare = found[i..j - 1].iter().all(|f| {
        let fig = &f.mention.figure;
        fig.comparator == Comparator::Exact
            && fig.value.is_some()
            && POST_COMPARATORS.ending(&fig.text).is_none()
            && fig.text == text.get(f.mention.span.clone()).unwrap_or("")
    });
    if joined && bare {
        for f in &mut found[i..j - 1] {
            f.mention.figure.comparator = comparator;
        }
    }
}

/// What a figure whose subject is a list of names (`A和B…`) states of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) enum Shared {
    /// One indicator, or no list: the figure's own reading holds.
    #[default]
    One,
    /// Each name's indicator has the figure (`城镇居民人均可支配收入和农村居民人均纯收入年均实际
    /// 增长超过7%`, `单位国内生产总值能耗、水耗均下降20%以上`), in text order; with where the
    /// list starts.
    Each(Vec<String>, usize),
    /// The figure is the names' total (`中央和地方财政赤字8000亿元`, `保障性住房、棚户区改造住房共
    /// 1000万套`): of no one indicator.
    Sum,
}

/// What a figure states of the names its subject lists. A rate or a change cannot be a sum, so
/// a list before one shares it; an amount after a list is its total unless `均` or `都` says
/// each. Every name must be an indicator of its own (with `均`, those that are take the figure),
/// and the list no name as a whole.
pub(crate) fn shared_indicators(text: &str, matcher: &Matcher, f: &Found) -> Shared {
    let m = &f.mention;
    if f.distributive || m.kind == MentionKind::Other {
        return Shared::One;
    }
    let Some(span) = m.subject_span.clone() else {
        return Shared::One;
    };
    let lead = text.get(span.end..m.span.start).unwrap_or("");
    let each = lead.char_indices().any(|(k, c)| {
        c == '都' || (c == '均' && !lead[..k].ends_with(['年', '平', '人', '户', '亩', '日', '月']))
    });
    // `保障性住房、棚户区改造住房共1000万套`: the list's total.
    let total = !each
        && LIST_TOTALS.iter().any(|w| {
            lead.match_indices(w).any(|(k, _)| {
                // Not the 共 of 公共, 共同, 共享.
                *w != "共"
                    || !lead[..k].ends_with('公')
                        && !lead[k + w.len()..].starts_with(['同', '享', '建', '识', '有', '赢'])
            })
        });
    if m.indicator.is_none() && !each {
        return Shared::One;
    }
    // With `均` or `共`, the subject may have stopped at the list's last name (`能耗、水耗`): the
    // region holds the list.
    let span = if (each || total) && f.region.start < span.start && f.region.end >= span.end {
        f.region.start..span.end
    } else {
        span
    };
    let Some(whole) = text.get(span.clone()) else {
        return Shared::One;
    };
    if total {
        // A total of names the catalogue knows, at least two (not `经济和文化部门的基本建设投资
        // 总额共为…`, one name with a list in its modifier).
        let unit = m.figure.value.as_ref().map(Quantity::unit);
        let named = |r: &Range<usize>| {
            text.get(r.clone())
                .and_then(|c| matcher.resolve(c, unit, m.figure.direction))
        };
        let conjuncts = split_conjuncts(text, span.clone());
        let mut known: Vec<u32> = conjuncts.iter().filter_map(named).collect();
        known.dedup();
        let whole_named = matcher.exact(whole, unit, m.figure.direction).is_some();
        return if known.len() > 1 && !whole_named {
            Shared::Sum
        } else {
            Shared::One
        };
    }
    let unit = m.figure.value.as_ref().map(|q| q.unit().clone());
    let rate = m.figure.direction.is_some()
        || m.figure.value.is_none()
        || matches!(unit, Some(Unit::Percent | Unit::PercentagePoint));
    let direction = m.figure.direction;
    let list_start = span.start;
    let conjuncts = split_conjuncts(text, span);
    let n = conjuncts.len();
    if !(2..=8).contains(&n) || matcher.exact(whole, unit.as_ref(), direction).is_some() {
        return Shared::One;
    }
    let first = text.get(conjuncts[0].clone()).unwrap_or("");
    let last = text.get(conjuncts[n - 1].clone()).unwrap_or("");
    let mut ids: Vec<String> = Vec::with_capacity(n);
    for (k, r) in conjuncts.iter().enumerate() {
        let own = text.get(r.clone()).unwrap_or("");
        let full = if k + 1 < n {
            with_shared_head(matcher, own, last, unit.as_ref(), direction)
        } else if k > 0 {
            with_shared_modifier(matcher, own, first, unit.as_ref(), direction)
        } else {
            own.to_string()
        };
        let Some(idx) = matcher.resolve(&full, unit.as_ref(), direction) else {
            // With `均` each name has the figure: those the catalogue knows take it.
            if each {
                continue;
            }
            return Shared::One;
        };
        let id = &matcher.info(idx).id;
        if ids.contains(id) {
            return Shared::One;
        }
        ids.push(id.clone());
    }
    if ids.len() < 2 && m.indicator.is_some()
        || m.indicator.as_ref().is_some_and(|own| !ids.contains(own)) && !each
    {
        return Shared::One;
    }
    if rate || each {
        Shared::Each(ids, list_start)
    } else {
        Shared::Sum
    }
}
