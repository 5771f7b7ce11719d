//! Soft line wraps of text copied from a PDF (`城镇新增就\n业1244万人`).
//!
//! A single line break is a soft wrap when the line it ends is a full line of prose cut
//! mid-sentence: the line is at least [`MIN_LINE_CHARS`] characters long, holds clause
//! punctuation (`，；：。`), opens with no heading or list marker, and ends in a Chinese character
//! or digit (no sentence or clause punctuation before the break); and the next line opens with
//! a Chinese character or digit, not with a list marker or `——`. A blank line, a break after
//! punctuation, a short line (titles, table rows) and a heading are paragraph breaks. Soft wraps
//! are removed before reading, and every span is mapped back to the text as given.

use std::borrow::Cow;
use std::ops::Range;

use crate::document::{CharIndex, Provenance};

use super::Mention;
use super::records::Extraction;

/// Lines shorter than this are titles, headings or table rows, never wrapped prose.
const MIN_LINE_CHARS: usize = 16;

/// A text as the extractor reads it: with its soft wraps removed, and where each removed break
/// stood, so that every span is mapped back to the text as given — without holding that text,
/// whose slices it rebuilds (a removed break is `\n` or `\r\n`). Made from an owned text,
/// which it keeps as it is when it has no soft wraps, it lets a caller extract a large text
/// holding one copy of it, not two ([`super::Extractor::mentions_unwrapped`],
/// [`super::Extractor::document_unwrapped`]).
///
/// ```
/// use planwatch::extract::Unwrapped;
/// let given = "今年，我们要坚持稳中求进工作总基调，全年城镇新增就\n业1200万人以上。";
/// let u = Unwrapped::new(given.to_string());
/// assert_eq!(u.text(), given.replace('\n', ""));
/// assert_eq!(u.given(72..83).as_deref(), Some("就\n业1200"));
/// assert_eq!(u.given(0..given.len()).as_deref(), Some(given));
/// assert_eq!(u.given(73..83), None); // inside a character
/// let chars = u.chars();
/// assert_eq!((chars.char_offset(75), chars.char_offset(76)), (Some(25), Some(26)));
/// assert_eq!(chars.char_offset(74), None);
/// ```
#[derive(Clone, Debug)]
pub struct Unwrapped {
    text: String,
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
pub(crate) fn join(text: &str) -> Option<Unwrapped> {
    let cuts = cuts(text);
    (!cuts.is_empty()).then(|| joined(text, &cuts))
}

/// The soft wraps of `text`: the byte ranges of their breaks (`\n` or `\r\n`), ascending.
fn cuts(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0usize;
    // Each line's end is found once: the end of the line after a break is the next break.
    let mut at = memchr::memchr(b'\n', b);
    while let Some(nl) = at {
        let cut_start = if nl > 0 && b.get(nl - 1) == Some(&b'\r') {
            nl - 1
        } else {
            nl
        };
        let line = text.get(line_start..cut_start).unwrap_or("");
        let next_start = nl + 1;
        at = b
            .get(next_start..)
            .and_then(|r| memchr::memchr(b'\n', r))
            .map(|k| next_start + k);
        let next_end = at.unwrap_or(b.len());
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
    }
    cuts
}

/// `text` without `cuts`.
fn joined(text: &str, cuts: &[Range<usize>]) -> Unwrapped {
    let mut joined = String::with_capacity(text.len());
    let mut breaks = Vec::with_capacity(cuts.len());
    let mut from = 0usize;
    let mut removed = 0usize;
    for c in cuts {
        joined.push_str(text.get(from..c.start).unwrap_or(""));
        removed += c.end - c.start;
        breaks.push((joined.len(), removed));
        from = c.end;
    }
    joined.push_str(text.get(from..).unwrap_or(""));
    Unwrapped {
        text: joined,
        breaks,
    }
}

impl Unwrapped {
    /// `text` with its soft wraps removed (see the [module docs](super#the-grammar), *Line
    /// breaks*); `text` itself, not a copy, when it has none.
    pub fn new(text: String) -> Self {
        let cuts = cuts(&text);
        if cuts.is_empty() {
            return Unwrapped {
                text,
                breaks: Vec::new(),
            };
        }
        joined(&text, &cuts)
    }

    /// The text the extractor reads: the text as given without its soft wraps.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The length in bytes of the text as given.
    pub fn given_len(&self) -> usize {
        self.text.len() + self.breaks.last().map_or(0, |b| b.1)
    }

    /// The removed break `k`: its offset in the joined text and in the text as given, and its
    /// bytes.
    fn cut(&self, k: usize) -> Option<(usize, usize, &'static str)> {
        let &(at, removed) = self.breaks.get(k)?;
        let before = k
            .checked_sub(1)
            .and_then(|k| self.breaks.get(k))
            .map_or(0, |b| b.1);
        let bytes = if removed - before == 2 { "\r\n" } else { "\n" };
        Some((at, at + before, bytes))
    }

    /// The offset in the joined text of byte `at` of the text as given, and how far `at` is
    /// inside a removed break (0, or 1 between the `\r` and the `\n` of one).
    fn joined_at(&self, at: usize) -> (usize, usize) {
        // The breaks that end at or before `at`, in the text as given.
        let k = self.breaks.partition_point(|&(p, r)| p + r <= at);
        let before = k
            .checked_sub(1)
            .and_then(|k| self.breaks.get(k))
            .map_or(0, |b| b.1);
        match self.cut(k) {
            Some((p, start, _)) if start < at => (p, at - start),
            _ => (at - before, 0),
        }
    }

    /// The text as given from byte `range.start` to `range.end`, as `str::get` of it would give
    /// it (`None` off its character boundaries or past its end); borrowed unless it spans a
    /// removed break.
    pub fn given(&self, range: Range<usize>) -> Option<Cow<'_, str>> {
        if range.start > range.end || range.end > self.given_len() {
            return None;
        }
        if range.is_empty() {
            let (p, inside) = self.joined_at(range.start);
            return (inside > 0 || self.text.is_char_boundary(p)).then_some(Cow::Borrowed(""));
        }
        let mut at = range.start;
        // The first break that ends after `at`, in the text as given.
        let mut k = self.breaks.partition_point(|&(p, r)| p + r <= at);
        let mut out: Option<String> = None;
        while at < range.end {
            let piece = match self.cut(k) {
                // At or inside removed break `k`: its bytes.
                Some((_, start, bytes)) if start <= at => {
                    k += 1;
                    bytes.get(at - start..(range.end - start).min(bytes.len()))?
                }
                // The joined text up to the next break or the end.
                next => {
                    let before = at - self.joined_at(at).0;
                    let stop = next.map_or(range.end, |c| c.1.min(range.end));
                    self.text.get(at - before..stop - before)?
                }
            };
            at += piece.len();
            if at >= range.end && out.is_none() {
                return Some(Cow::Borrowed(piece));
            }
            out.get_or_insert_with(|| String::with_capacity(range.end - range.start))
                .push_str(piece);
        }
        out.map(Cow::Owned)
    }

    /// Code-point offsets in the text as given.
    pub fn chars(&self) -> GivenChars<'_> {
        GivenChars {
            unwrapped: self,
            chars: CharIndex::new(&self.text),
        }
    }
}

/// Code-point offsets of byte offsets of the text as given of an [`Unwrapped`] text, through
/// one [`CharIndex`] of the joined text: a removed break is one character per byte.
#[derive(Clone, Debug)]
pub struct GivenChars<'a> {
    unwrapped: &'a Unwrapped,
    chars: CharIndex<'a>,
}

impl GivenChars<'_> {
    /// The code-point offset of byte `at` of the text as given, or `None` when it is past the
    /// end or inside a character (as [`CharIndex::char_offset`] of the text as given).
    pub fn char_offset(&self, at: usize) -> Option<usize> {
        if at > self.unwrapped.given_len() {
            return None;
        }
        let (p, _) = self.unwrapped.joined_at(at);
        Some(self.chars.char_offset(p)? + (at - p))
    }

    /// The code-point span of a provenance in the text as given (as [`CharIndex::span`] of it).
    pub fn span(&self, provenance: &Provenance) -> Option<(usize, usize)> {
        self.unwrapped.given(provenance.start..provenance.end)?;
        let start = self.char_offset(provenance.start)?;
        Some((start, start + provenance.quote.chars().count()))
    }
}

impl Unwrapped {
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

    /// `m` with its spans in the given text, whose slices `given` gives.
    pub(crate) fn mention<'g>(
        &self,
        given: &impl Fn(Range<usize>) -> Option<Cow<'g, str>>,
        mut m: Mention,
    ) -> Mention {
        m.span = self.span(&m.span);
        m.subject_span = m.subject_span.as_ref().map(|r| self.span(r));
        if let Some(t) = given(m.span.clone()) {
            if m.figure.text == m.text {
                m.figure.text = t.to_string();
            }
            m.text = t.into_owned();
        }
        m
    }

    fn provenance<'g>(
        &self,
        given: &impl Fn(Range<usize>) -> Option<Cow<'g, str>>,
        p: &mut Provenance,
    ) {
        let r = self.span(&(p.start..p.end));
        if let Some(q) = given(r.clone()) {
            p.start = r.start;
            p.end = r.end;
            p.quote = q.into_owned();
        }
    }

    /// `x` with its spans in the given text, whose slices `given` gives.
    pub(crate) fn extraction<'g>(
        &self,
        given: &impl Fn(Range<usize>) -> Option<Cow<'g, str>>,
        mut x: Extraction,
    ) -> Extraction {
        x.mentions = x
            .mentions
            .into_iter()
            .map(|m| self.mention(given, m))
            .collect();
        x.unresolved = x
            .unresolved
            .into_iter()
            .map(|m| self.mention(given, m))
            .collect();
        for t in &mut x.targets {
            if let Some(p) = t.provenance.as_mut() {
                self.provenance(given, p);
            }
        }
        for o in &mut x.outcomes {
            if let Some(p) = o.provenance.as_mut() {
                self.provenance(given, p);
            }
        }
        x
    }

    /// Whether the text as given had soft wraps (and so spans to map).
    pub(crate) fn joined(&self) -> bool {
        !self.breaks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Soft wraps after `\n` and `\r\n`, one at the very end of a line, a hard break and a
    /// multi-byte character on each side of every break.
    const GIVEN: &str = "今年，我们要坚持稳中求进工作总基调，全年城镇新增就\n业1200万人以上，\
                         居民消费价格涨幅3%左右，粮食产量1.3万亿斤以\r\n上。\n二、主要任务\n\
                         过去一年，国内生产总值增长5.2%，城镇调查失业率平均为5.2\r\n%。";

    #[test]
    fn the_text_as_given_is_rebuilt_slice_by_slice() {
        let u = Unwrapped::new(GIVEN.to_string());
        assert_eq!(u.breaks.len(), 2, "{:?}", u.breaks);
        assert_eq!(
            u.text(),
            GIVEN.replacen('\n', "", 1).replacen("\r\n", "", 1)
        );
        assert_eq!(u.given_len(), GIVEN.len());
        let index = CharIndex::new(GIVEN);
        let chars = u.chars();
        for start in 0..=GIVEN.len() + 1 {
            assert_eq!(
                chars.char_offset(start),
                index.char_offset(start),
                "{start}"
            );
            for end in start..=GIVEN.len() + 1 {
                let want = GIVEN.get(start..end);
                assert_eq!(u.given(start..end).as_deref(), want, "{start}..{end}");
            }
        }
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 5..4;
        assert_eq!(u.given(backwards), None);
        let p = Provenance::locate("doc", GIVEN, "就\n业1200", 0).unwrap();
        assert_eq!(chars.span(&p), index.span(&p));
        assert_eq!(chars.span(&p), Some((24, 31)));
    }

    #[test]
    fn a_text_without_soft_wraps_is_kept_as_it_is() {
        let given = "二、主要任务\n国内生产总值增长5%左右。".to_string();
        let at = given.as_ptr();
        let u = Unwrapped::new(given);
        assert!(!u.joined());
        assert_eq!(u.text().as_ptr(), at);
        assert_eq!(u.given(6..12).as_deref(), Some("主要"));
        assert_eq!(u.chars().char_offset(9), Some(3));
    }

    /// Read from the joined text alone, the mentions and records are those read with the text as
    /// given: the report twice (its title line, after the end of the first copy, is a soft
    /// wrap), the same with `\r\n` line ends, and the wraps above.
    #[test]
    fn unwrapped_reads_are_the_reads_of_the_text_as_given() {
        let ex = crate::builtin::extractor();
        let twice = crate::builtin::TEXT.repeat(2);
        for given in [
            twice.clone(),
            twice.replace('\n', "\r\n"),
            GIVEN.to_string(),
        ] {
            let u = Unwrapped::new(given.clone());
            assert_eq!(u.breaks.len(), if given == GIVEN { 2 } else { 1 });
            assert_eq!(ex.mentions_unwrapped(&u), ex.mentions(&given));
            assert_eq!(ex.document_unwrapped(&u, "doc"), ex.document(&given, "doc"));
        }
    }
}
