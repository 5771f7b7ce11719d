//! The year context of a document: the plan and outcome years, given by the caller or read from
//! the document's opening lines (title, byline, communiqué title).
//!
//! A document's opening lines are the lines before its first sentence of running text (one
//! ending in `。`), within its first few kilobytes: web pages put a source line, a date or a menu
//! before the title, and a byline after it. Text is read as given: a leading byte-order mark or
//! blank line is skipped.

use super::scan::{PlanMark, YearMark};
use crate::document::Basis;
use crate::lexicon::{ABOUT, COMPARISON_OPENERS, RANGE_JOINS, REPORTS, is_open_quote, plan_period};

/// How far into a text its opening lines are looked for.
const OPENING_BYTES: usize = 2000;

/// How many lines at most are opening lines.
const OPENING_LINES: usize = 16;

/// The years a document speaks of: `今年` is the plan year, `去年`, `上年` and `过去一年` the
/// outcome year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Years {
    pub plan: Option<i32>,
    pub outcome: Option<i32>,
}

/// What a document's opening lines say about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Front {
    /// The years of the title line (`2025年政府工作报告`, `关于2024年…执行情况与2025年…计划草案的
    /// 报告`: outcome year first, plan year last), resolved.
    pub title: Option<Years>,
    /// The year a byline says the report was delivered in
    /// (`——2023年3月5日在第十四届全国人民代表大会第一次会议上`): the plan year.
    pub delivered: Option<i32>,
    /// The year of a statistical communiqué named by its title
    /// (`2024年国民经济和社会发展统计公报`): the document reports that year's outcomes only.
    pub communique: Option<i32>,
    /// The five-year plan the report is on, as its opening says (`作关于…第六个五年计划的报告`,
    /// `关于发展国民经济第一个五年计划的议案`): its first and last years.
    pub plan: Option<(i32, i32)>,
}

/// Whether `c` is blank at a line's edge: whitespace or a byte-order mark.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The first [`OPENING_BYTES`] of `text` (to a character boundary).
fn opening(text: &str) -> &str {
    let mut at = OPENING_BYTES.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

/// The opening lines of `text`, trimmed: those before its first line of running text.
pub(crate) fn opening_lines(text: &str) -> impl Iterator<Item = &str> {
    let head = opening(text);
    // A line cut short is no opening line.
    let head = if head.len() < text.len() {
        &head[..head.rfind('\n').unwrap_or(0)]
    } else {
        head
    };
    head.lines()
        .map(|l| l.trim_matches(is_blank))
        .filter(|l| !l.is_empty())
        .take(OPENING_LINES)
        .take_while(|l| !l.contains('。'))
}

/// The four-digit years `line` names (`2024年`), in order.
fn years_named(line: &str) -> impl Iterator<Item = i32> + '_ {
    let b = line.as_bytes();
    let mut k = 0;
    std::iter::from_fn(move || {
        while k + 4 <= b.len() {
            let at = k;
            if b[at..at + 4].iter().all(u8::is_ascii_digit)
                && (at == 0 || !b[at - 1].is_ascii_digit())
                && line.get(at + 4..).is_some_and(|s| s.starts_with('年'))
            {
                k += 4;
                if let Some(y) = line.get(at..at + 4).and_then(|s| s.parse::<i32>().ok()) {
                    if (1900..=2100).contains(&y) {
                        return Some(y);
                    }
                }
            } else {
                k += 1;
            }
        }
        None
    })
}

/// The delivery year of a byline line: a date (`2023年3月5日`, after an optional `——`) followed
/// by where it was delivered (`在…会议上`, `在…会上`).
fn byline_year(line: &str) -> Option<i32> {
    let l = line.trim_start_matches(['—', '-', '－', ' ', '\u{3000}']);
    let year: String = l.chars().take(4).collect();
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = l[4..].strip_prefix('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once('日')?;
    let short_number =
        |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !short_number(month) || !short_number(day) {
        return None;
    }
    let delivered = rest.starts_with('在') && (rest.ends_with("会议上") || rest.ends_with("会上"));
    delivered
        .then(|| year.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// What the opening lines of `text` say: title years, delivery year, communiqué year.
pub(crate) fn front(text: &str) -> Front {
    let mut f = Front {
        plan: plan_reported_on(text),
        ..Front::default()
    };
    for line in opening_lines(text) {
        if f.communique.is_none() && f.title.is_none() && line.contains("统计公报") {
            f.communique = years_named(line).next();
            if f.communique.is_some() {
                continue;
            }
        }
        if f.delivered.is_none() {
            if let Some(y) = byline_year(line) {
                f.delivered = Some(y);
                continue;
            }
        }
        if f.title.is_none() && line.contains("报告") {
            let mut found = years_named(line);
            if let Some(first) = found.next() {
                let last = found.last().unwrap_or(first);
                f.title = Some(if first < last && line.contains("执行情况") {
                    Years {
                        plan: Some(last),
                        outcome: Some(first),
                    }
                } else {
                    Years {
                        plan: Some(first),
                        outcome: first.checked_sub(1),
                    }
                });
            }
        }
    }
    f
}

/// The five-year plan named between `关于` and `报告` (or `议案`) in one of the first sentences of
/// `text`.
fn plan_reported_on(text: &str) -> Option<(i32, i32)> {
    opening(text)
        .split(['。', '\n'])
        .filter(|s| !s.trim().is_empty())
        .take(OPENING_LINES)
        .find_map(|s| {
            let k = s.find(ABOUT)?;
            let rest = &s[k..];
            let j = REPORTS.iter().filter_map(|w| rest.find(w)).min()?;
            plan_period(&rest[..j])
        })
}

/// The document's years: those given, else those its opening lines say (a communiqué's year is
/// the outcome year; a title's years; a byline's delivery year is the plan year).
pub(crate) fn resolve(front: &Front, given: Years) -> Years {
    if given.plan.is_some() || given.outcome.is_some() {
        return Years {
            plan: given
                .plan
                .or_else(|| given.outcome.and_then(|y| y.checked_add(1))),
            outcome: given
                .outcome
                .or_else(|| given.plan.and_then(|y| y.checked_sub(1))),
        };
    }
    if let Some(y) = front.communique {
        return Years {
            plan: y.checked_add(1),
            outcome: Some(y),
        };
    }
    if let Some(t) = front.title {
        return t;
    }
    match front.delivered {
        Some(y) => Years {
            plan: Some(y),
            outcome: y.checked_sub(1),
        },
        None => given,
    }
}

/// A year context candidate in the current sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct YearCtx {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) year: i32,
    pub(crate) end_year: Option<i32>,
    pub(crate) basis: Option<Basis>,
    pub(crate) clause: u32,
    pub(crate) comparative: bool,
    pub(crate) consumed: bool,
}

/// Whether a year or plan name at `start` is a comparison base (`比2023年`, `高于“十三五”`).
pub(crate) fn is_comparative(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let before = before.trim_end_matches(is_open_quote);
    COMPARISON_OPENERS.iter().any(|w| before.ends_with(w))
}

pub(crate) fn push_year_ctx(text: &str, years: &mut Vec<YearCtx>, y: &YearMark) {
    // A span of years (2021—2023年): one context from its first year to its last.
    if let Some(last) = years.last_mut() {
        let dash = text.get(last.end..y.start).unwrap_or("");
        if last.end < y.start
            && last.end_year.is_none()
            && dash.chars().count() == 1
            && RANGE_JOINS.contains(&dash)
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

pub(crate) fn push_plan_ctx(text: &str, years: &mut Vec<YearCtx>, p: &PlanMark) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> (Option<i32>, Option<i32>) {
        let y = resolve(&front(text), Years::default());
        (y.plan, y.outcome)
    }

    #[test]
    fn titles_bylines_and_communiques_in_the_opening_lines() {
        assert_eq!(
            years("2025年政府工作报告\n今年5%。"),
            (Some(2025), Some(2024))
        );
        assert_eq!(
            years("来源：新华社\n2025年报告\n今年5%。"),
            (Some(2025), Some(2024))
        );
        assert_eq!(
            years("\u{feff}关于2023年…执行情况与2024年…计划草案的报告\n"),
            (Some(2024), Some(2023))
        );
        assert_eq!(
            years("政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n"),
            (Some(2023), Some(2022))
        );
        assert_eq!(
            years("政府工作报告\n2025年1月14日在省十四届人大三次会议上\n各位代表："),
            (Some(2025), Some(2024))
        );
        assert_eq!(
            years("首页\n2024年国民经济和社会发展统计公报\n"),
            (Some(2025), Some(2024))
        );
        // Years of running text, or after it, are no title.
        assert_eq!(years("今年经济增长。\n2025年政府工作报告"), (None, None));
        assert_eq!(years("2023年3月5日，会议召开。"), (None, None));
    }
}
