//! The structure phase: a document's parts (headings and the sections they open, paragraphs
//! and the sections their opening words set), computed once from the scan and shared by the
//! mention and record phases.

use super::matcher::Matcher;
use super::scan::{Event, Heading, scan};
use super::years::{self, Years};
use crate::lexicon::{
    HEADING_OUTCOME, HEADING_TARGET, LIST_COPULAS, LIST_INTROS, PAST, REVIEW_OPENERS, THIS_YEAR,
    contains_any, is_cjk_numeral,
};

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

/// A document being read: its text, the catalogue it is read with, and its structure, computed
/// once and shared by every later phase (the text is scanned once).
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub matcher: &'a Matcher,
    /// The document's years: given, or read from its opening lines.
    pub years: Years,
    /// A statistical communiqué reviews its year throughout.
    pub communique: Option<Section>,
    /// Numbers, years, plan names, headings and items, in text order.
    pub events: Vec<Event>,
    /// Every heading, in text order.
    pub headings: Vec<Heading>,
    /// Where each `——` item starts, in text order.
    pub items: Vec<usize>,
    /// The sections that numbered parts open: where each part's title ends, and its section.
    pub parts: Vec<(usize, Section)>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str, matcher: &'a Matcher, given: Years) -> Self {
        let front = years::front(text);
        let events = scan(text);
        let mut headings = Vec::new();
        let mut items = Vec::new();
        let mut parts = Vec::new();
        for e in &events {
            match e {
                Event::Heading(h) => {
                    headings.push(*h);
                    if h.level == 1 {
                        parts.push((h.end, classify_heading(text, h)));
                    }
                }
                Event::Item(at) => items.push(*at),
                _ => {}
            }
        }
        Doc {
            text,
            matcher,
            years: years::resolve(&front, given),
            communique: front.communique.map(|y| Section {
                kind: SectionKind::Outcome,
                year: Some(y),
            }),
            events,
            headings,
            items,
            parts,
        }
    }
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
pub(crate) fn past_years(s: &str) -> bool {
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

/// The largest char boundary of `text` at or below `at`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
