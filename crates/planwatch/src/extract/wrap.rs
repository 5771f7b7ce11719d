//! Soft line wraps of text copied from a PDF (`城镇新增就\n业1244万人`).
//!
//! A single line break is a soft wrap when the line it ends is a full line of prose cut
//! mid-sentence: the line is at least [`MIN_LINE_CHARS`] characters long, holds clause
//! punctuation (`，；：。`), opens with no heading or list marker, and ends in a Chinese character
//! or digit (no sentence or clause punctuation before the break); and the next line opens with
//! a Chinese character or digit, not with a list marker or `——`. A blank line, a break after
//! punctuation, a short line (titles, table rows) and a heading are paragraph breaks. Soft wraps
//! are removed before reading, and every span is mapped back to the text as given.

use std::ops::Range;

use crate::document::Provenance;

use super::Mention;
use super::records::Extraction;

/// Lines shorter than this are titles, headings or table rows, never wrapped prose.
const MIN_LINE_CHARS: usize = 16;

/// The text with its soft wraps removed.
pub(crate) struct Joined {
    pub text: String,
    /// Where each removed break stood in the joined text (ascending) and the bytes removed up to
    /// and including it.
    breaks: Vec<(usize, usize)>,
}

fn wraps_word(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_digit()
}

fn opens_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("——")
        || t.starts_with(['（', '(', '第'])
        || super::subject::list_marker(t).is_some()
}

/// The text with its soft wraps removed, or `None` when it has none.
pub(crate) fn join(text: &str) -> Option<Joined> {
    let b = text.as_bytes();
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0usize;
    let mut i = 0usize;
    while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&x| x == b'\n')) {
        let nl = i + off;
        let cut_start = if nl > 0 && b.get(nl - 1) == Some(&b'\r') {
            nl - 1
        } else {
            nl
        };
        let line = text.get(line_start..cut_start).unwrap_or("");
        let next_start = nl + 1;
        let next_end = b
            .get(next_start..)
            .and_then(|r| r.iter().position(|&x| x == b'\n'))
            .map_or(b.len(), |k| next_start + k);
        let next = text.get(next_start..next_end).unwrap_or("");
        let soft = line.chars().next_back().is_some_and(wraps_word)
            && next.chars().next().is_some_and(wraps_word)
            && line.chars().count() >= MIN_LINE_CHARS
            && line.contains(['，', '；', '：', '。'])
            && !opens_item(line)
            && !opens_item(next);
        if soft {
            cuts.push(cut_start..next_start);
        }
        line_start = next_start;
        i = next_start;
    }
    if cuts.is_empty() {
        return None;
    }
    let mut joined = String::with_capacity(text.len());
    let mut breaks = Vec::with_capacity(cuts.len());
    let mut from = 0usize;
    let mut removed = 0usize;
    for c in &cuts {
        joined.push_str(text.get(from..c.start).unwrap_or(""));
        removed += c.end - c.start;
        breaks.push((joined.len(), removed));
        from = c.end;
    }
    joined.push_str(text.get(from..).unwrap_or(""));
    Some(Joined {
        text: joined,
        breaks,
    })
}

impl Joined {
    /// The offset in the given text of a span start at `at` of the joined text.
    fn start(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&(p, _)| p <= at);
        at + k
            .checked_sub(1)
            .and_then(|k| self.breaks.get(k))
            .map_or(0, |b| b.1)
    }

    /// The offset in the given text of a span end at `at` of the joined text.
    fn end(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&(p, _)| p < at);
        at + k
            .checked_sub(1)
            .and_then(|k| self.breaks.get(k))
            .map_or(0, |b| b.1)
    }

    fn span(&self, r: &Range<usize>) -> Range<usize> {
        let s = self.start(r.start);
        s..self.end(r.end).max(s)
    }

    /// `m` with its spans in the given text.
    pub(crate) fn mention(&self, original: &str, mut m: Mention) -> Mention {
        m.span = self.span(&m.span);
        m.subject_span = m.subject_span.as_ref().map(|r| self.span(r));
        if let Some(t) = original.get(m.span.clone()) {
            if m.figure.text == m.text {
                m.figure.text = t.to_string();
            }
            m.text = t.to_string();
        }
        m
    }

    fn provenance(&self, original: &str, p: &mut Provenance) {
        let r = self.span(&(p.start..p.end));
        if let Some(q) = original.get(r.clone()) {
            p.start = r.start;
            p.end = r.end;
            p.quote = q.to_string();
        }
    }

    /// `x` with its spans in the given text.
    pub(crate) fn extraction(&self, original: &str, mut x: Extraction) -> Extraction {
        x.mentions = x
            .mentions
            .into_iter()
            .map(|m| self.mention(original, m))
            .collect();
        x.unresolved = x
            .unresolved
            .into_iter()
            .map(|m| self.mention(original, m))
            .collect();
        for t in &mut x.targets {
            if let Some(p) = t.provenance.as_mut() {
                self.provenance(original, p);
            }
        }
        for o in &mut x.outcomes {
            if let Some(p) = o.provenance.as_mut() {
                self.provenance(original, p);
            }
        }
        x
    }
}
