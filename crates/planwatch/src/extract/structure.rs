//! The structure phase: a document's parts (headings and the sections they open, paragraphs
//! and the sections their opening words set), computed once from the scan and shared by the
//! mention and record phases.

use super::matcher::Matcher;
use super::scan::{Event, Heading, scan};
use super::years::{self, Years};
use crate::lexicon::{
    HEADING_OUTCOME, HEADING_TARGET, LAST_YEAR, LIST_COPULAS, LIST_INTROS, PAST, REVIEW_OPENERS,
    SPAN_ENDS, THIS_YEAR, contains_any, is_cjk_numeral, plan_period,
};

/// What part of a report the text is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum SectionKind {
    #[default]
    Unknown,
    Outcome,
    Target,
}

/// What a heading or a paragraph's opening words say of the text they open: its kind and its
/// period (a year, or a span of years: `过去五年`, `“十一五”时期…回顾`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Section {
    pub kind: SectionKind,
    pub year: Option<i32>,
    /// The last year of a span; `year` is its first.
    pub end_year: Option<i32>,
}

/// A document being read: its text, the catalogue it is read with, and its structure, computed
/// once and shared by every later phase (the text is scanned once).
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub matcher: &'a Matcher,
    /// The document's years: given, or read from its opening lines.
    pub years: Years,
    /// A statistical communiqué reviews its year throughout.
    pub communique: Option<Section>,
    /// The five-year plan the report is on (its first and last years), as its opening says.
    pub plan: Option<(i32, i32)>,
    /// Numbers, years, plan names, headings and items, in text order.
    pub events: Vec<Event>,
    /// Every heading, in text order.
    pub headings: Vec<Heading>,
    /// Where each `——` item starts, in text order.
    pub items: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str, matcher: &'a Matcher, given: Years) -> Self {
        let front = years::front(text);
        let doc_years = years::resolve(&front, given);
        let events = with_plain_headings(text, scan(text));
        let mut headings = Vec::new();
        let mut items = Vec::new();
        for e in &events {
            match e {
                Event::Heading(h) => headings.push(*h),
                Event::Item(at) => items.push(*at),
                _ => {}
            }
        }
        Doc {
            text,
            matcher,
            years: doc_years,
            communique: front.communique.map(|y| Section {
                kind: SectionKind::Outcome,
                year: Some(y),
                end_year: None,
            }),
            plan: front.plan,
            events,
            headings,
            items,
        }
    }
}

/// The section a paragraph sets by its opening time phrase when no heading says: `过去一年，…`
/// and `去年…` review the outcome year, `过去五年…` and `五年来…` the span of years before the
/// plan year, `2024年…` names its year (a review when it is before the plan year), `今年…`
/// speaks of the plan year.
pub(crate) fn paragraph_section(text: &str, start: usize, years: Years) -> Option<Section> {
    let rest = text.get(start..).unwrap_or("");
    let rest = rest.trim_start_matches(years::is_blank);
    if REVIEW_OPENERS.iter().any(|w| rest.starts_with(w)) {
        return Some(Section {
            kind: SectionKind::Outcome,
            year: years.outcome,
            end_year: None,
        });
    }
    if let Some(n) = past_years(rest).or_else(|| years_since(rest)) {
        // 过去五年，…: a review of a span, not of one year.
        let (year, end_year) = span_before(years, n);
        return Some(Section {
            kind: SectionKind::Outcome,
            year,
            end_year,
        });
    }
    if let Some(n) = after_a_short_sentence(rest).and_then(past_years) {
        // 2015年是“十二五”收官之年。过去五年，…: a short sentence naming the time, then the
        // review of the span.
        let (year, end_year) = span_before(years, n);
        return Some(Section {
            kind: SectionKind::Outcome,
            year,
            end_year,
        });
    }
    if let Some(section) = opening_plan(rest, years) {
        return Some(section);
    }
    if let Some(y) = opening_year(rest) {
        let past = years.plan.is_some_and(|p| y < p);
        return Some(Section {
            kind: if past {
                SectionKind::Outcome
            } else if opens_list(rest) {
                SectionKind::Target
            } else {
                SectionKind::Unknown
            },
            year: Some(y),
            end_year: None,
        });
    }
    let lists = opens_list(rest);
    let this_year = rest.starts_with(THIS_YEAR);
    (lists || this_year).then(|| Section {
        kind: if lists {
            SectionKind::Target
        } else {
            SectionKind::Unknown
        },
        year: this_year.then_some(years.plan).flatten(),
        end_year: None,
    })
}

/// The section a paragraph opening with a five-year plan's name sets (`“十四五”时期是…`,
/// `“十二五”期间，…`): the plan's years, targets when the plan starts in the plan year or later,
/// a review when it ended before it. It holds to the next heading or paragraph that says
/// otherwise, as a heading does: a part headed `“十三五”时期发展成就和“十四五”时期主要目标任务`
/// reviews one plan and sets the next.
fn opening_plan(rest: &str, years: Years) -> Option<Section> {
    let plan_year = years.plan?;
    let name = rest.trim_start_matches(crate::lexicon::is_open_quote);
    let (first, last, len) = crate::lexicon::plan_name_at(name, None)?;
    let after = name[len..].trim_start_matches(crate::lexicon::is_close_quote);
    if !crate::lexicon::PLAN_SPANS
        .iter()
        .any(|w| after.starts_with(w))
    {
        return None;
    }
    let kind = if first >= plan_year {
        SectionKind::Target
    } else if last < plan_year {
        SectionKind::Outcome
    } else {
        return None;
    };
    Some(Section {
        kind,
        year: Some(first),
        end_year: Some(last),
    })
}

/// Whether the first sentence of a paragraph introduces a list of targets
/// (`今年…主要预期目标是：…`): then the paragraph is targets to its end, and so is the next one
/// when the intro ends its line.
fn opens_list(rest: &str) -> bool {
    let head = &rest[..floor_boundary(rest, 300)];
    // Its first sentence ends at the paragraph's end at the latest.
    let first = head.split(['。', '\n', '\r']).next().unwrap_or("");
    LIST_INTROS.iter().any(|w| {
        first.match_indices(w).any(|(k, _)| {
            let r = &first[k + w.len()..];
            let r = r.strip_prefix(LIST_COPULAS).unwrap_or(r);
            r.starts_with(['：', ':'])
        })
    })
}

/// The first and last year of the `n` years before the plan year.
fn span_before(years: Years, n: i32) -> (Option<i32>, Option<i32>) {
    match years.plan {
        Some(p) => (p.checked_sub(n), p.checked_sub(1)),
        None => (None, None),
    }
}

/// A digit of a year as reports write them: ASCII, full-width (`１９８４年`) or Chinese, digit by
/// digit (`一九五八年`, `一九八○年`).
fn year_digit(c: char) -> Option<u32> {
    c.to_digit(10)
        .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
        .or_else(|| match c {
            '〇' | '○' | '零' => Some(0),
            _ => crate::lexicon::cjk_digit(c).filter(|&d| d <= 9),
        })
}

/// A year a paragraph opens with (`2024年，`, `2022年是…`, `刚刚过去的2017年，`): four digits
/// and `年` within its first few characters, not a date (`2024年1月`) nor the start of a span
/// (`2012年以来`, `2021—2023年`).
fn opening_year(rest: &str) -> Option<i32> {
    let mut seen = 0;
    let mut year = 0i32;
    let mut rest_after = None;
    for (k, c) in rest.char_indices() {
        if seen == 0 && k >= 24 {
            return None;
        }
        match year_digit(c) {
            Some(d) => {
                if seen == 0 && rest[..k].contains(['，', '。', '：', ',']) {
                    return None;
                }
                seen += 1;
                year = year * 10 + d as i32;
                if seen > 4 {
                    return None;
                }
            }
            None if seen == 4 => {
                rest_after = Some(&rest[k..]);
                break;
            }
            // 一些, 第一: a digit of a word, no year.
            None => {
                seen = 0;
                year = 0;
            }
        }
    }
    if seen != 4 {
        return None;
    }
    let after = rest_after?.strip_prefix('年')?;
    const NOT_ALONE: &[&str] = &[
        "以来", "来", "至", "到", "—", "-", "－", "~", "～", "底", "前",
    ];
    let date = after
        .chars()
        .next()
        .is_some_and(|c| year_digit(c).is_some() || is_cjk_numeral(c));
    if date || NOT_ALONE.iter().any(|w| after.starts_with(w)) {
        return None;
    }
    (1900..=2100).contains(&year).then_some(year)
}

/// Longest first sentence of a paragraph that may stand before its opening time phrase, in
/// characters.
const SHORT_SENTENCE_CHARS: usize = 24;

/// What follows the paragraph's first sentence when that is short and states no figure
/// (`2015年是“十二五”收官之年。`).
fn after_a_short_sentence(rest: &str) -> Option<&str> {
    let head = &rest[..floor_boundary(rest, SHORT_SENTENCE_CHARS * 3 + 3)];
    let end = head.find('。')?;
    let first = &rest[..end];
    if first.chars().count() > SHORT_SENTENCE_CHARS || first.contains(['\n', '%', '％', '，']) {
        return None;
    }
    Some(rest[end + '。'.len_utf8()..].trim_start_matches(years::is_blank))
}

/// The count of a span of years `s` opens with: `过去五年`, `过去5年`, `过去的五年` (not
/// `过去一年`, the outcome year).
pub(crate) fn past_years(s: &str) -> Option<i32> {
    let r = s.strip_prefix(PAST)?;
    let r = r.strip_prefix('的').unwrap_or(r);
    let (n, len) = count_of_years(r)?;
    (n > 1 && r[len..].starts_with('年')).then_some(n)
}

/// The count of `N年来`, `N年间` opening `s` (`五年来，`), a span ending with the outcome year.
fn years_since(s: &str) -> Option<i32> {
    let (n, len) = count_of_years(s)?;
    let r = s[len..].strip_prefix('年')?;
    (n > 1 && SPAN_ENDS.iter().any(|w| r.starts_with(w))).then_some(n)
}

/// A small count of years opening `s` (`五`, `十`, `5`): its value and length in bytes.
pub(crate) fn count_of_years(s: &str) -> Option<(i32, usize)> {
    let len: usize = s
        .chars()
        .take_while(|&c| c.is_ascii_digit() || is_cjk_numeral(c))
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    let n = crate::numerals::parse_numeral(&s[..len]).ok()?;
    if n.exponent != 0 || !n.is_exact() {
        return None;
    }
    let n = i32::try_from(n.value.trunc().mantissa()).ok()?;
    (1..=30).contains(&n).then_some((n, len))
}

/// The section a heading opens: its kind from its words (`执行情况`, `回顾` · `主要目标`,
/// `计划草案`), its year from the years it names (the first for a review, the last for a
/// plan), else the plan period it names (`“十一五”时期…的回顾` → 2006–2010), else the span it
/// reviews (`过去五年工作回顾`: the five years before the plan year).
pub(crate) fn classify_heading(text: &str, h: &Heading, doc_years: Years) -> Section {
    let title = text.get(h.start..h.end).unwrap_or("");
    let mut years = Vec::new();
    let mut rest = title;
    while let Some(k) = rest.find('年') {
        let head = &rest[..k];
        let digits: Vec<u32> = head.chars().rev().map_while(year_digit).take(5).collect();
        if digits.len() == 4 {
            years.push(digits.iter().rev().fold(0, |y, &d| y * 10 + d as i32));
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
    if year.is_some() || kind == SectionKind::Unknown {
        return Section {
            kind,
            year,
            end_year: None,
        };
    }
    // 二、对今年政府工作的建议 · 一、去年工作回顾: the plan year, the year before it.
    let relative = match kind {
        SectionKind::Target if title.contains(THIS_YEAR) => doc_years.plan,
        SectionKind::Outcome if title.contains(LAST_YEAR) => {
            doc_years.plan.and_then(|p| p.checked_sub(1))
        }
        _ => None,
    };
    if relative.is_some() {
        return Section {
            kind,
            year: relative,
            end_year: None,
        };
    }
    if let Some((first, last)) = plan_period(title) {
        return Section {
            kind,
            year: Some(first),
            end_year: Some(last),
        };
    }
    // 过去五年工作回顾 (not 过去一年和五年工作回顾: its paragraphs say which).
    let span = title.match_indices(PAST).find_map(|(k, w)| {
        past_years(&title[k..]).filter(|_| !title[k + w.len()..].starts_with('一'))
    });
    let (year, end_year) = match span {
        Some(n) if kind == SectionKind::Outcome && !contains_any(title, REVIEW_OPENERS) => {
            span_before(doc_years, n)
        }
        _ => (None, None),
    };
    Section {
        kind,
        year,
        end_year,
    }
}

/// Longest line read as an unnumbered heading, in characters.
const PLAIN_HEADING_CHARS: usize = 30;

/// Adds the headings written without a number (`2024年工作回顾`, `2025年工作安排` on a line of
/// their own, as web pages print them) to the scan's events, in text order: a short line
/// without sentence punctuation that names a review or a plan in heading words and is not the
/// document's title (`…报告`). They open a part, as `一、…` does.
fn with_plain_headings(text: &str, events: Vec<Event>) -> Vec<Event> {
    let mut found: Vec<Heading> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_matches(years::is_blank);
        if body.is_empty() || body.chars().nth(PLAIN_HEADING_CHARS).is_some() {
            continue;
        }
        let lead = line.len() - line.trim_start_matches(years::is_blank).len();
        let numbered = body.starts_with(|c: char| is_cjk_numeral(c) || c == '（' || c == '(')
            && body.contains(['、', '）', ')']);
        let punctuated = body.contains([
            '。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?', '%', '％',
        ]);
        if numbered
            || punctuated
            || body.contains("报告")
            || !(contains_any(body, HEADING_OUTCOME) || contains_any(body, HEADING_TARGET))
        {
            continue;
        }
        let hs = start + lead;
        found.push(Heading {
            start: hs,
            end: hs + body.len(),
            level: 1,
        });
    }
    if found.is_empty() {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + found.len());
    let mut extra = found.into_iter().peekable();
    for e in events {
        let at = event_start(&e);
        while let Some(h) = extra.next_if(|h| h.start <= at) {
            out.push(Event::Heading(h));
        }
        out.push(e);
    }
    out.extend(extra.map(Event::Heading));
    out
}

fn event_start(e: &Event) -> usize {
    match e {
        Event::Num(n) => n.start,
        Event::Year(y) => y.start,
        Event::Plan(p) => p.start,
        Event::Heading(h) => h.start,
        Event::Item(at) => *at,
    }
}

/// The section of each position of a document, read in text order: the part its last
/// level-1 heading opens (or a level-2 heading naming a target list outside any part), and the
/// paragraphs' opening words, which hold until another paragraph's opening words or a part
/// heading say otherwise (`过去一年，…` reviews its year through the paragraphs after it, the
/// items of `过去五年…` their span). The one reading of sections the mention and record phases
/// share.
pub(crate) struct Sections<'d> {
    doc: &'d Doc<'d>,
    next_heading: usize,
    heading: Section,
    /// The start of the next line not yet read.
    next_line: usize,
    running: Section,
}

impl<'d> Sections<'d> {
    pub(crate) fn new(doc: &'d Doc<'d>) -> Self {
        Sections {
            doc,
            next_heading: 0,
            heading: Section::default(),
            next_line: 0,
            running: Section::default(),
        }
    }

    /// Applies the headings that start before `at` (or at it, with `inclusive`).
    fn headings_to(&mut self, at: usize, inclusive: bool) {
        let (text, years) = (self.doc.text, self.doc.years);
        while let Some(h) = self.doc.headings.get(self.next_heading) {
            if h.start > at || (!inclusive && h.start == at) {
                break;
            }
            self.next_heading += 1;
            if h.level == 1 {
                self.heading = classify_heading(text, h, years);
                self.running = Section::default();
            } else if self.heading.kind == SectionKind::Unknown {
                // （二）“十四五”时期…主要目标 outside any numbered part: a target section.
                let title = text.get(h.start..h.end).unwrap_or("");
                if contains_any(title, LIST_INTROS) {
                    self.heading = classify_heading(text, h, years);
                }
            }
        }
    }

    /// Reads the paragraphs (lines) up to the one starting at `paragraph_start`, each once.
    fn lines_to(&mut self, paragraph_start: usize) {
        let (text, years) = (self.doc.text, self.doc.years);
        while self.next_line <= paragraph_start && self.next_line < text.len() {
            let line = self.next_line;
            self.next_line = text
                .get(line..)
                .and_then(|s| s.find('\n'))
                .map_or(text.len(), |k| line + k + 1);
            self.headings_to(line, false);
            if let Some(own) = paragraph_section(text, line, years) {
                self.running = own;
            } else if self.running.kind == SectionKind::Target
                && self.running.end_year.is_none()
                && !ends_with_intro(text, line)
            {
                // A list of targets holds to its paragraph's end, or to the next one's when
                // its intro ends the line (`主要预期目标是：` and the list below).
                self.running = Section::default();
            }
        }
    }

    /// The section at `at`, on the paragraph starting at `paragraph_start`; positions come in
    /// text order.
    pub(crate) fn at(&mut self, at: usize, paragraph_start: usize) -> Section {
        self.lines_to(paragraph_start);
        self.headings_to(at, true);
        let (heading, running) = (self.heading, self.running);
        if heading.kind == SectionKind::Unknown {
            match self.doc.communique {
                Some(c) if running.kind == SectionKind::Unknown => Section {
                    kind: c.kind,
                    year: heading.year.or(running.year).or(c.year),
                    end_year: None,
                },
                _ => Section {
                    kind: running.kind,
                    year: heading.year.or(running.year),
                    end_year: if heading.year.is_some() {
                        heading.end_year
                    } else {
                        running.end_year
                    },
                },
            }
        } else if running.kind == SectionKind::Target && running.end_year.is_some() {
            // `“十四五”时期是…` in a part that reviews the plan before: the paragraph is nearer.
            running
        } else if heading.year.is_some()
            && !(heading.kind == SectionKind::Outcome
                && running.kind == SectionKind::Outcome
                && running.year.is_some()
                && running != heading)
        {
            heading
        } else if heading.year.is_some() {
            // A review part whose paragraph names its own year or span (`刚刚过去的2017年` in a
            // review of five years, `五年来` in a review of 2015): the paragraph is nearer.
            Section {
                kind: heading.kind,
                year: running.year,
                end_year: running.end_year,
            }
        } else {
            // A part that names no year (过去一年和五年工作回顾): its paragraphs say which.
            Section {
                kind: heading.kind,
                year: running.year,
                end_year: running.end_year,
            }
        }
    }
}

/// Whether the line before the paragraph at `start` ends with a colon (it introduces what
/// follows).
fn ends_with_intro(text: &str, start: usize) -> bool {
    text.get(..start)
        .unwrap_or("")
        .trim_end_matches(years::is_blank)
        .ends_with(['：', ':'])
}

/// The largest char boundary of `text` at or below `at`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
