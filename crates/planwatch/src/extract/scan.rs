//! The byte-level pass: find numeral triggers, read each number and its unit locally, and tell
//! figures from dates, years, plan names, ordinals, list markers and identifiers.
//!
//! The loop looks at one lead byte at a time: ASCII bytes are classified directly, three-byte
//! sequences are decoded only to compare against the few characters that matter (full-width
//! digits, Chinese numerals, clause and sentence punctuation, `——`, `》`). Everything else is
//! skipped without allocation. Each trigger is parsed locally and the loop resumes after it, so
//! the pass is linear in the text.

use rust_decimal::Decimal;

use super::lexicon::{cjk_digit, is_cjk_numeral};
use crate::document::Basis;
use crate::lexicon::{DIRECTION_VERBS, POST_COMPARATORS, RANGE_JOINS, plan_name_at};
use crate::numerals::{Approx, scan_numeral};
use crate::units::{Unit, scan_unit};

/// A number read from the text, with its unit if one follows.
#[derive(Clone, Debug)]
pub(crate) struct Num {
    /// Byte offset of the first character of the numeral.
    pub start: usize,
    /// Byte offset one past the numeral (where the unit starts).
    pub num_end: usize,
    /// Byte offset one past the unit as written (`num_end` for a bare number); before `end`
    /// when a tail follows the unit (the `1角1分` of `123元1角1分`, the 半 of `三成半`).
    pub unit_end: usize,
    /// Byte offset one past the whole amount, unit and tail.
    pub end: usize,
    /// The unit as written is not the unit read (`十块三毛`: 块 counts pieces alone; with jiao it
    /// is money, written as [`Unit::CNY`]'s own text).
    pub unit_canonical: bool,
    pub value: Decimal,
    pub exponent: i32,
    pub approx: Approx,
    /// `None` for a bare number (kept only to complete ranges and lists).
    pub unit: Option<Unit>,
    /// Whether the number is written in Chinese numerals (or as 百分之…).
    pub cjk: bool,
    pub pos: Pos,
}

/// A year used as a date: `2023年`, `2023年末`, `二〇二三年`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct YearMark {
    pub start: usize,
    pub end: usize,
    pub year: i32,
    pub basis: Option<Basis>,
    pub pos: Pos,
}

/// A plan-period name: `十四五` (2021–2025).
#[derive(Clone, Copy, Debug)]
pub(crate) struct PlanMark {
    pub start: usize,
    pub end: usize,
    pub first: i32,
    pub last: i32,
    /// `十三五末`: the end of the period.
    pub at_end: bool,
    pub pos: Pos,
}

/// A heading: `一、2023年…执行情况` (level 1) or `（二）主要预期目标` (level 2).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Heading {
    pub start: usize,
    /// End of the heading's title.
    pub end: usize,
    pub level: u8,
}

/// Where an event sits: its clause and sentence, by ordinal and start offset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Pos {
    pub clause: u32,
    pub clause_start: usize,
    pub sentence: u32,
    pub sentence_start: usize,
    /// Start of the line (paragraph) the event is on.
    pub paragraph_start: usize,
}

/// One thing the scan found, in text order.
#[derive(Clone, Debug)]
pub(crate) enum Event {
    Num(Num),
    Year(YearMark),
    Plan(PlanMark),
    Heading(Heading),
    /// A `——` list item opening a sentence.
    Item(usize),
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: Pos,
    /// Offset of the last `》` seen (law titles make `N条` an article count).
    last_title_close: Option<usize>,
    events: Vec<Event>,
}

/// The three-byte punctuation the scan stops at: sentence and clause breaks, 》, and the dash of
/// `——` items (kept in step with the match in [`Scanner::run`]).
const PUNCTUATION_STOPS: &[u32] = &[
    0x3002, 0xFF01, 0xFF1F, 0xFF0C, 0xFF1B, 0xFF1A, 0x300B, 0x2014,
];

/// A bit per code point of the Basic Multilingual Plane: set for [`PUNCTUATION_STOPS`] and for
/// every character a numeral can start with, taken from the numeral table itself
/// ([`crate::numerals::NUMERAL_START_POINTS`]: full-width digits, Chinese digits in every form,
/// units, 廿/卅, 几/数, 负), so the scan stops wherever the numeral reader could read.
static STOP_BITS: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut k = 0;
    while k < PUNCTUATION_STOPS.len() {
        let cp = PUNCTUATION_STOPS[k] as usize;
        bits[cp >> 6] |= 1 << (cp & 63);
        k += 1;
    }
    let (starts, n) = crate::numerals::NUMERAL_START_POINTS;
    let mut k = 0;
    while k < n {
        let cp = starts[k] as usize;
        bits[cp >> 6] |= 1 << (cp & 63);
        k += 1;
    }
    bits
};

/// Whether the scan stops at this three-byte code point.
#[inline]
fn interesting(cp: u32) -> bool {
    let cp = cp as usize & 0xFFFF;
    STOP_BITS[cp >> 6] & (1 << (cp & 63)) != 0
}

pub(crate) fn scan(text: &str) -> Vec<Event> {
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: Pos::default(),
        last_title_close: None,
        events: Vec::new(),
    };
    s.run();
    s.events
}

impl<'a> Scanner<'a> {
    fn clause_break(&mut self, next: usize) {
        self.pos.clause += 1;
        self.pos.clause_start = next;
    }

    fn sentence_break(&mut self, next: usize) {
        self.clause_break(next);
        self.pos.sentence += 1;
        self.pos.sentence_start = next;
    }

    fn run(&mut self) {
        let b = self.bytes;
        let n = b.len();
        let mut i = 0;
        while i < n {
            let c = b[i];
            if c < 0x80 {
                match c {
                    b'0'..=b'9' => {
                        i = self.hit(i);
                        continue;
                    }
                    b'\n' => {
                        self.sentence_break(i + 1);
                        self.pos.paragraph_start = i + 1;
                    }
                    b'\r' | b'!' | b'?' => self.sentence_break(i + 1),
                    b',' | b';' | b':' => self.clause_break(i + 1),
                    _ => {}
                }
                i += 1;
                continue;
            }
            if c < 0xE0 {
                // Continuation bytes cannot start a character of valid UTF-8; two-byte
                // characters (Latin, Greek…) never matter.
                i += if c < 0xC0 { 1 } else { 2 };
                continue;
            }
            if c >= 0xF0 {
                i += 4;
                continue;
            }
            if i + 2 >= n {
                break;
            }
            let cp = ((u32::from(c) & 0x0F) << 12)
                | ((u32::from(b[i + 1]) & 0x3F) << 6)
                | (u32::from(b[i + 2]) & 0x3F);
            // Nearly every character of running text is none of the few below: one table
            // look-up skips it without walking the match.
            if !interesting(cp) {
                i += 3;
                continue;
            }
            match cp {
                // 。！？
                0x3002 | 0xFF01 | 0xFF1F => self.sentence_break(i + 3),
                // ，；：
                0xFF0C | 0xFF1B | 0xFF1A => self.clause_break(i + 3),
                // full-width digits
                0xFF10..=0xFF19 => {
                    i = self.hit(i);
                    continue;
                }
                // 》
                0x300B => self.last_title_close = Some(i),
                // —— at the start of a sentence
                0x2014 if b.get(i + 3..i + 6) == Some("—".as_bytes()) => {
                    if self.at_line_start(i) {
                        self.events.push(Event::Item(i));
                    }
                    i += 6;
                    continue;
                }
                // A character a Chinese numeral starts with (the numeral table's).
                _ if crate::numerals::starts_chinese_numeral(cp) => {
                    i = self.cjk_hit(i);
                    continue;
                }
                _ => {}
            }
            i += 3;
        }
    }

    fn prev_char(&self, at: usize) -> Option<char> {
        self.text.get(..at).and_then(|s| s.chars().next_back())
    }

    fn next_char(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|s| s.chars().next())
    }

    fn rest(&self, at: usize) -> &'a str {
        self.text.get(at..).unwrap_or("")
    }

    /// Whether `at` opens a line or paragraph: start of text, after whitespace or a sentence
    /// break.
    fn at_line_start(&self, at: usize) -> bool {
        match self.prev_char(at) {
            None => true,
            Some(c) => {
                c.is_whitespace() || matches!(c, '。' | '：' | ':' | '；' | ';' | '\u{3000}')
            }
        }
    }

    /// Skips a run of identifier characters (letters, digits, dots) from `at`.
    fn skip_identifier(&self, at: usize) -> usize {
        let mut end = at;
        for c in self.rest(at).chars() {
            if c.is_ascii_alphanumeric()
                || c == '.'
                || c == '-'
                || c == '_'
                || ('０'..='９').contains(&c)
            {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        end.max(at + 1)
    }

    /// An Arabic digit at `at`.
    fn hit(&mut self, at: usize) -> usize {
        let prev = self.prev_char(at);
        if prev.is_some_and(|c| {
            c.is_ascii_alphabetic() || c == '_' || c == '.' || c == '-' && self.prev_is_ident(at)
        }) {
            return self.skip_identifier(at);
        }
        if prev == Some('第') {
            return self.skip_digits(at);
        }
        if let Some(end) = self.year(at) {
            return end;
        }
        let Some((num, len)) = scan_numeral(self.rest(at)) else {
            return self.skip_digits(at);
        };
        let mut num_end = at + len;
        // 增长6 ％: one digit spaced out before its unit, as texts that print a space after every
        // digit write it (the numeral reader reads `1 1 ％` itself; a lone digit is left to the
        // scan, which reads the unit, so the reader's hot path stays as it was).
        if self.bytes.get(num_end) == Some(&b' ')
            && self.next_char(at).is_some_and(|c| c.len_utf8() == len)
            && crate::numerals::spaced_tail(self.text, num_end)
        {
            num_end += 1;
        }
        let next = self.next_char(num_end);
        if next.is_some_and(|c| c.is_ascii_alphabetic() || c == '_') {
            // 5G, 3D, 4K: identifiers.
            return self.skip_identifier(at);
        }
        let after = self.rest(num_end);
        let integer =
            num.exponent == 0 && num.value.fract().is_zero() && num.approx == Approx::Exact;
        if integer {
            // Dates: 3月5日 (months and days, also spaced: `3 月`), and tenors: 1年期.
            let dated = after.strip_prefix(' ').unwrap_or(after);
            let space = after.len() - dated.len();
            if (dated.starts_with('月') && !dated.starts_with("月份以来"))
                || after.starts_with("年期")
                || after.starts_with("周年")
            {
                return self.skip_date(num_end + space);
            }
            if dated.starts_with('日') && prev == Some('月') || after.starts_with("日电") {
                return num_end + space + '日'.len_utf8();
            }
            // List markers: 1. 2、 （3）, at the start of a line or after an opening bracket.
            let opens = self.at_line_start(at) || matches!(prev, Some('（' | '('));
            if opens
                && (after.starts_with(['.', '．', '、'])
                    && !self
                        .rest(num_end + 1)
                        .starts_with(|c: char| c.is_ascii_digit())
                    || matches!(prev, Some('（' | '(')) && after.starts_with(['）', ')']))
            {
                // An item of a numbered list when it opens a line: （1）…, 2. …
                let bracket = matches!(prev, Some('（' | '('));
                let start = if bracket {
                    at - prev.map_or(0, char::len_utf8)
                } else {
                    at
                };
                if self.at_line_start(start) {
                    self.events.push(Event::Item(start));
                }
                return num_end + after.chars().next().map_or(0, char::len_utf8);
            }
        }
        let unit = tenths_guard(scan_unit(after), after, Some(&num));
        if let Some((u, _)) = &unit {
            if self.is_article_count(u) {
                return num_end + unit.as_ref().map_or(0, |(_, l)| *l);
            }
        }
        let read = with_tail(num, unit, after);
        // 增长-2.1%: a dash after a word is a sign (after a number or a unit it joins a range).
        match self.minus_before(at) {
            Some(len) => {
                let read = Read {
                    num: crate::numerals::negated(read.num),
                    ..read
                };
                self.push_num(at - len, num_end, read, false)
            }
            None => self.push_num(at, num_end, read, false),
        }
    }

    /// The length of a minus sign right before `at`, when the dash is a sign: it follows a word
    /// (a Chinese character that is neither part of a numeral nor the start of a unit), clause
    /// punctuation, or nothing.
    fn minus_before(&self, at: usize) -> Option<usize> {
        let before = self.text.get(..at)?;
        let dash = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '-' | '－' | '−'))?;
        let rest = &before[..before.len() - dash.len_utf8()];
        // Right after an amount (`5元5角-6元2角`) the dash joins a range.
        if matches!(self.events.last(), Some(Event::Num(n)) if n.end == rest.len()) {
            return None;
        }
        let sign = match rest.chars().next_back() {
            None => true,
            Some(p) if ('\u{4E00}'..='\u{9FFF}').contains(&p) => {
                !crate::numerals::in_numeral_run(p)
                    && !matches!(p, '至' | '到' | '第')
                    && scan_unit(&before[rest.len() - p.len_utf8()..]).is_none()
            }
            Some(p) => p.is_whitespace() || matches!(p, '，' | '：' | '；' | '（' | '('),
        };
        sign.then_some(dash.len_utf8())
    }

    fn prev_is_ident(&self, at: usize) -> bool {
        let before = self.text.get(..at).unwrap_or("");
        let mut it = before.chars().rev();
        it.next();
        it.next().is_some_and(|c| c.is_ascii_alphanumeric())
    }

    fn skip_digits(&self, at: usize) -> usize {
        let mut end = at;
        for c in self.rest(at).chars() {
            if c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(c, '.' | ',' | '．')
                || is_cjk_numeral(c)
            {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        end.max(at + 1)
    }

    /// Skips a date's 月 (and a following day).
    fn skip_date(&self, at: usize) -> usize {
        let c = self.next_char(at).map_or(0, char::len_utf8);
        at + c
    }

    /// `N条`, `N款`, `N章`, `N节` in a clause that names a law or document title: article counts.
    fn is_article_count(&self, unit: &Unit) -> bool {
        let counted =
            matches!(unit, Unit::Count(c) if matches!(c.text(), "条" | "款" | "章" | "节" | "编"));
        counted
            && self
                .last_title_close
                .is_some_and(|p| p >= self.pos.clause_start)
    }

    /// A four-digit year used as a date at `at`: `2023年`, `2023年末`, `2021－2035年`.
    fn year(&mut self, at: usize) -> Option<usize> {
        let (y, len) = four_digits(self.rest(at))?;
        let mut end = at + len;
        let after = self.rest(end);
        if let Some(rest) = after.strip_prefix('年') {
            if rest.starts_with("期") || rest.starts_with("周年") || !(1900..=2100).contains(&y)
            {
                return None;
            }
            return Some(self.push_year(at, end, y));
        }
        // A span of years: 2021－2035年, 2023-2025年, 2021至2025年.
        let dash = ['－', '-', '—', '–', '~', '～', '至', '到']
            .into_iter()
            .find(|d| after.starts_with(*d))?;
        end += dash.len_utf8();
        let (y2, len2) = four_digits(self.rest(end))?;
        if !self.rest(end + len2).starts_with('年')
            || !(1900..=2100).contains(&y)
            || !(1900..=2100).contains(&y2)
        {
            return None;
        }
        self.push_year_only(at, at + len, y, None);
        Some(self.push_year(end, end + len2, y2))
    }

    /// Records a year ending at `digits_end` (before 年) and reads its basis suffix.
    fn push_year(&mut self, start: usize, digits_end: usize, year: i32) -> usize {
        let after = self.rest(digits_end + '年'.len_utf8());
        let (basis, extra) = if after.starts_with('末') || after.starts_with('底') {
            (Some(Basis::YearEnd), 3)
        } else if after.starts_with("全年") {
            (Some(Basis::Year), 0)
        } else {
            (None, 0)
        };
        let end = digits_end + '年'.len_utf8() + extra;
        self.push_year_only(start, end, year, basis);
        end
    }

    fn push_year_only(&mut self, start: usize, end: usize, year: i32, basis: Option<Basis>) {
        self.events.push(Event::Year(YearMark {
            start,
            end,
            year,
            basis,
            pos: self.pos,
        }));
    }

    fn push_num(&mut self, at: usize, num_end: usize, read: Read, cjk: bool) -> usize {
        let Read {
            num,
            unit,
            tail,
            canonical,
        } = read;
        let (unit, unit_end) = match unit {
            Some((u, l)) => (Some(u), num_end + l),
            None => (None, num_end),
        };
        let end = unit_end + tail;
        self.events.push(Event::Num(Num {
            start: at,
            num_end,
            unit_end,
            end,
            value: num.value,
            exponent: num.exponent,
            approx: num.approx,
            unit,
            unit_canonical: canonical,
            cjk,
            pos: self.pos,
        }));
        end.max(at + 1)
    }

    /// A Chinese numeral character at `at`.
    fn cjk_hit(&mut self, at: usize) -> usize {
        let rest = self.rest(at);
        let first = rest.chars().next().map_or(3, char::len_utf8);
        let prev = self.prev_char(at);
        // 负0.3%, 负百分之五: a sign, unless it ends a word (税负5700多亿元).
        if rest.starts_with(crate::numerals::is_minus_word) {
            return self.signed_hit(at, first);
        }
        // Run of numeral characters (points and words of approximation included: 十多万吨).
        let run_len: usize = rest
            .chars()
            .take_while(|&c| crate::numerals::in_numeral_run(c))
            .map(char::len_utf8)
            .sum();
        let run_end = at + run_len;
        let after = self.rest(run_end);
        if prev == Some('第') {
            // 第六个五年计划: a plan by its ordinal; else an ordinal.
            let at_di = at - '第'.len_utf8();
            if let Some(end) = self.plan_name(at_di) {
                return end;
            }
            return run_end.max(at + first);
        }
        // Plan names: 十一五 … 十五五, 六五计划 (the Nth five-year plan).
        if let Some(end) = self.plan_name(at) {
            return end;
        }
        // Headings: 一、 at a line start; （一） anywhere.
        let simple = run_len > 0
            && rest[..run_len]
                .chars()
                .all(|c| cjk_digit(c).is_some() || c == '十');
        if simple && after.starts_with('、') && self.at_line_start(at) {
            let end = self.heading_end(run_end + '、'.len_utf8());
            self.events.push(Event::Heading(Heading {
                start: at,
                end,
                level: 1,
            }));
            return run_end;
        }
        if simple && matches!(prev, Some('（' | '(')) && after.starts_with(['）', ')']) {
            let end = self.heading_end(
                run_end
                    + '）'
                        .len_utf8()
                        .min(after.chars().next().map_or(1, char::len_utf8)),
            );
            let start = at - prev.map_or(0, char::len_utf8);
            self.events.push(Event::Heading(Heading {
                start,
                end,
                level: 2,
            }));
            return run_end;
        }
        // 百分之五, 千分之三, 万分之三: a share written in words.
        if let Some((plen, unit, shift)) = crate::quantity::share_prefix(rest) {
            let off = at + plen;
            if let crate::numerals::Scan::Found(num, len) =
                crate::quantity::scan_share(self.rest(off), shift)
            {
                return self.push_num(at, off + len, Read::plain(num, Some((unit, 0))), true);
            }
            return off;
        }
        // 百姓, 千方百计, 万万不可: a place word alone starts words, not figures.
        if rest.starts_with(crate::numerals::is_place_word) {
            return at + first;
        }
        // A year in Chinese digits: 二〇二三年.
        if run_len == 12 && after.starts_with('年') {
            let digits: Option<Vec<u32>> = rest[..run_len].chars().map(cjk_digit).collect();
            if let Some(d) = digits {
                let y = d.iter().fold(0i64, |a, &x| a * 10 + i64::from(x));
                if (1900..=2100).contains(&y) {
                    return self.push_year(at, run_end, y as i32);
                }
            }
        }
        let has_magnitude = rest[..run_len].contains(crate::numerals::is_magnitude_char);
        // Chinese numerals are figures only with a magnitude word or a unit of measure; counted
        // phrases (两个确立, 八项行动, 三年) are wording, not statistics.
        let unit = tenths_guard(scan_unit(after), after, None);
        // 十块三毛: 块 counts pieces alone, but with jiao or fen it is money.
        let measure = unit.as_ref().is_some_and(|(u, l)| {
            is_measure(u) || money_tail_at(after, *l).is_some_and(|t| ends_amount(&after[*l + t..]))
        });
        if !(has_magnitude || measure) {
            return run_end.max(at + first);
        }
        if crate::numerals::is_ordinal_or_name(self.text.get(..at).unwrap_or(""), after) {
            return run_end.max(at + first);
        }
        let Some((num, len)) = scan_numeral(rest) else {
            return run_end.max(at + first);
        };
        let num_end = at + len;
        let after = self.rest(num_end);
        let unit = tenths_guard(scan_unit(after), after, Some(&num));
        self.push_num(at, num_end, with_tail(num, unit, after), true)
    }

    /// A numeral after 负 at `at` (`first` is the sign's length): read with its unit when the
    /// sign does not end a word.
    fn signed_hit(&mut self, at: usize, first: usize) -> usize {
        let before = self.text.get(..at).unwrap_or("");
        if crate::numerals::minus_is_word(before) {
            return at + first;
        }
        let Some((num, len)) = scan_numeral(self.rest(at)) else {
            return at + first;
        };
        let num_end = at + len;
        let after = self.rest(num_end);
        let unit = tenths_guard(scan_unit(after), after, Some(&num));
        let cjk = !self
            .rest(at + first)
            .starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
        self.push_num(at, num_end, with_tail(num, unit, after), cjk)
    }

    /// A five-year plan's name at `at` (`十四五`, `六五计划`, `第六个五年计划`: see
    /// [`plan_name_at`]), and `十四五末`, the end of its period.
    fn plan_name(&mut self, at: usize) -> Option<usize> {
        let (first, last, len) = plan_name_at(self.rest(at), self.prev_char(at))?;
        let end = at + len;
        let tail = self.rest(end).trim_start_matches(['”', '’', '"']);
        let at_end = tail.starts_with('末');
        let mark_end = if at_end {
            self.text.len() - tail.len() + '末'.len_utf8()
        } else {
            end
        };
        self.events.push(Event::Plan(PlanMark {
            start: at,
            end: mark_end,
            first,
            last,
            at_end,
            pos: self.pos,
        }));
        Some(end)
    }

    /// The end of a heading's title: the next whitespace or sentence break, at most 80
    /// characters on.
    fn heading_end(&self, from: usize) -> usize {
        // A title may stand a space or two after its number (`一、 过去五年工作回顾`, as web
        // pages print it); it ends at the next blank.
        let rest = self.rest(from);
        let title = rest.trim_start_matches([' ', '\u{3000}', '\u{a0}', '\t']);
        let mut end = from + (rest.len() - title.len());
        for (k, c) in title.chars().enumerate() {
            if k >= 80 || c.is_whitespace() || matches!(c, '。' | '！' | '？') {
                break;
            }
            end += c.len_utf8();
        }
        end
    }
}

/// Words that may follow 成 when it counts tenths (`七成以上`, `近六成的企业`, `三成来自`); any
/// other character makes a word with 成 (成为, 成本, 成员, 一成不变, 八成新) and the number is not
/// a figure of tenths.
const AFTER_TENTHS: &[char] = &[
    '以', '左', '上', '下', '多', '余', '之', '的', '和', '与', '及', '或', '是', '来', '用', '至',
    '到', '了', '在', '半',
];

/// Keeps a 成 unit only as tenths: after a plain number up to ten (not 1亿成为) and before a
/// word boundary (see [`AFTER_TENTHS`]). Other units pass through.
fn tenths_guard(
    unit: Option<(Unit, usize)>,
    after: &str,
    num: Option<&crate::numerals::Numeral>,
) -> Option<(Unit, usize)> {
    let Some((Unit::Tenth, len)) = unit else {
        return unit;
    };
    let next = after.get(len..).and_then(|s| s.chars().next());
    let boundary = match next {
        None => true,
        Some(c) => !('\u{4E00}'..='\u{9FFF}').contains(&c) || AFTER_TENTHS.contains(&c),
    };
    let small =
        num.is_none_or(|n| n.exponent == 0 && n.value > Decimal::ZERO && n.value <= Decimal::TEN);
    (boundary && small).then_some((Unit::Tenth, len))
}

/// A number as the scan reads it: the numeral, its unit and the unit's length, the length of a
/// tail after the unit, and whether the unit as written is not the unit read.
struct Read {
    num: crate::numerals::Numeral,
    unit: Option<(Unit, usize)>,
    tail: usize,
    canonical: bool,
}

impl Read {
    fn plain(num: crate::numerals::Numeral, unit: Option<(Unit, usize)>) -> Read {
        Read {
            num,
            unit,
            tail: 0,
            canonical: false,
        }
    }
}

/// Jiao and fen right after the unit of length `unit_len` at the start of `after`, when the unit
/// is one they follow (元, 圆, 块): the tail's length.
fn money_tail_at(after: &str, unit_len: usize) -> Option<usize> {
    let unit = after.get(..unit_len)?;
    if !matches!(unit, "元" | "圆" | "圓" | "块") {
        return None;
    }
    crate::quantity::money_tail(after.get(unit_len..)?).map(|(_, len)| len)
}

/// Whether a tail ends its amount at `rest`: the text ends, or what follows is no character of a
/// word the tail's last character would start: punctuation, a word of [`AFTER_TENTHS`], 钱, a
/// comparator, a verb of change or a range join (`1角1分，`, `三成半以上`, `三毛钱`,
/// `2元5角提高到`); not the 角形 of `两块三角形`, the 分之 of `100元三分之一` nor the 分钟 of
/// `2分钟`.
fn ends_amount(rest: &str) -> bool {
    match rest.chars().next() {
        None => true,
        Some('之') => false,
        Some(c) if !('\u{4E00}'..='\u{9FFF}').contains(&c) => true,
        Some(c) => {
            AFTER_TENTHS.contains(&c)
                || c == '钱'
                || POST_COMPARATORS.starting(rest).is_some()
                || DIRECTION_VERBS.starting(rest).is_some()
                || RANGE_JOINS.iter().any(|j| rest.starts_with(j))
        }
    }
}

/// Adds the tail a unit may carry in running text: jiao and fen after a yuan amount
/// (`123元1角1分` is 123.11元, `十块三毛` 10.3元) and 半 after tenths (`三成半` is 3.5成), read
/// by the quantity parser's own rule ([`crate::quantity::unit_tails`]) when the tail ends the
/// amount (see [`ends_amount`]).
#[inline]
fn with_tail(num: crate::numerals::Numeral, unit: Option<(Unit, usize)>, after: &str) -> Read {
    // Nearly every unit is followed by anything but a digit or 半: no tail to try.
    let maybe = unit.as_ref().is_some_and(|(u, len)| {
        matches!(u, Unit::Currency(_) | Unit::Tenth | Unit::Count(_))
            && after.get(*len..).is_some_and(|rest| {
                rest.starts_with(|c: char| {
                    c == '半' || c.is_ascii_digit() || crate::numerals::chinese_digit(c).is_some()
                })
            })
    });
    match unit {
        Some((u, len)) if maybe => tailed(num, u, len, after),
        unit => Read::plain(num, unit),
    }
}

/// [`with_tail`] where a tail may follow the unit `u` of length `len`.
#[inline(never)]
fn tailed(num: crate::numerals::Numeral, u: Unit, len: usize, after: &str) -> Read {
    let (written, rest) = after.split_at(len);
    let (tailed, unit, tail) = crate::quantity::unit_tails(num.clone(), u.clone(), written, rest);
    if tail == 0 || !ends_amount(&rest[tail..]) {
        return Read::plain(num, Some((u, len)));
    }
    let canonical = unit != u;
    Read {
        num: tailed,
        unit: Some((unit, len)),
        tail,
        canonical,
    }
}

/// A digit (ASCII or full-width) at the start of `s`: its value and length.
fn digit(s: &str) -> Option<(i32, usize)> {
    match s.chars().next()? {
        c @ '0'..='9' => Some((c as i32 - '0' as i32, 1)),
        c @ '０'..='９' => Some((c as i32 - '０' as i32, 3)),
        _ => None,
    }
}

/// Four ASCII or full-width digits not followed by a fifth digit or a decimal point: the year
/// and its length. Older texts print a space after every digit (`1 9 9 7 年`): four digits each
/// followed by one space read as a year too, the last space included in the length (so that
/// 年 follows).
fn four_digits(s: &str) -> Option<(i32, usize)> {
    let mut y = 0i32;
    let mut len = 0;
    let mut count = 0;
    while let Some((d, n)) = digit(&s[len..]) {
        count += 1;
        if count > 4 {
            return None;
        }
        y = y * 10 + d;
        len += n;
    }
    if count == 1 && s[len..].starts_with(' ') {
        return spaced_four_digits(s);
    }
    if count != 4 {
        return None;
    }
    let next = s[len..].chars().next();
    if matches!(next, Some('.' | '．' | ',')) {
        return None;
    }
    Some((y, len))
}

/// `1 9 9 7 `: four digits, each followed by one space and nothing more of a number (no fifth
/// digit, no decimal point).
fn spaced_four_digits(s: &str) -> Option<(i32, usize)> {
    let mut y = 0i32;
    let mut len = 0;
    for _ in 0..4 {
        let (d, n) = digit(&s[len..])?;
        y = y * 10 + d;
        len += n;
        if !s[len..].starts_with(' ') {
            return None;
        }
        len += 1;
    }
    let next = &s[len..];
    if digit(next).is_some() || next.starts_with(['.', '．', ',', ' ']) {
        return None;
    }
    Some((y, len))
}

/// Units that measure (money, mass, area, energy, ratios …), as opposed to counted things and
/// durations: with Chinese numerals only these make a figure.
pub(crate) fn is_measure(u: &Unit) -> bool {
    !(u.is_count()
        || matches!(
            u,
            Unit::Year | Unit::Age | Unit::Day | Unit::Hour | Unit::Number
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_table_marks_every_trigger_and_nothing_else() {
        let marked: Vec<char> = ('\u{800}'..='\u{FFFF}')
            .filter(|&c| interesting(u32::from(c)))
            .collect();
        // Every character a numeral can start with, asked of the numeral reader itself: a
        // numeral starting with it must be readable, and no other character starts one.
        let starts = |c: char| {
            ["十万元", "1", "分之一", "百", "五", "十", "万"]
                .iter()
                .any(|tail| crate::numerals::scan_numeral(&format!("{c}{tail}")).is_some())
        };
        let mut expected: Vec<char> = ('\u{800}'..='\u{FFFF}')
            .filter(|&c| {
                starts(c) || matches!(c, '。' | '！' | '？' | '，' | '；' | '：' | '》' | '—')
            })
            .collect();
        expected.sort_unstable();
        assert_eq!(marked, expected);
        for c in [
            '貳', '億', '萬', '廿', '负', '負', '幾', '數', '參', '陸', '兩', '○', '千', '拾',
        ] {
            assert!(marked.contains(&c), "{c}");
        }
    }

    fn nums(text: &str) -> Vec<String> {
        scan(text)
            .into_iter()
            .filter_map(|e| match e {
                Event::Num(n) if n.unit.is_some() => Some(text[n.start..n.end].to_string()),
                _ => None,
            })
            .collect()
    }

    fn years(text: &str) -> Vec<(i32, Option<Basis>)> {
        scan(text)
            .into_iter()
            .filter_map(|e| match e {
                Event::Year(y) => Some((y.year, y.basis)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(
            nums("全年国内生产总值（GDP）126.06万亿元，增长5.2%；"),
            ["126.06万亿元", "5.2%"]
        );
        assert_eq!(nums("涨幅３％左右"), ["３％"]);
        assert_eq!(nums("超过一万亿元，百分之五"), ["一万亿元", "百分之五"]);
    }

    #[test]
    fn not_figures() {
        assert!(nums("2024年3月5日，第十四届全国人民代表大会第二次会议").is_empty());
        assert!(nums("党的二十大和二十届二中全会精神，“十四五”规划").is_empty());
        assert!(nums("一是加强，两个确立，八项行动，三年").is_empty());
        assert!(nums("国产大飞机C919，5G基站").is_empty());
        assert!(nums("1.稳定增长。（2）扩大内需").is_empty());
        assert!(nums("《中华人民共和国民法典》共7编1260条").is_empty());
        assert!(nums("1年期贷款").is_empty());
    }

    #[test]
    fn years_and_bases() {
        assert_eq!(
            years("2023年末，2024年"),
            [(2023, Some(Basis::YearEnd)), (2024, None)]
        );
        assert_eq!(
            years("《纲要（2021－2035年）》"),
            [(2021, None), (2035, None)]
        );
        assert_eq!(years("二〇二三年"), [(2023, None)]);
        assert_eq!(nums("连续9年"), ["9年"]);
    }

    #[test]
    fn headings_and_items() {
        let ev =
            scan(" 一、2023年计划执行情况 正文。（二）主要预期目标。——国内生产总值增长5%左右。");
        let kinds: Vec<&str> = ev
            .iter()
            .map(|e| match e {
                Event::Num(_) => "num",
                Event::Year(_) => "year",
                Event::Plan(_) => "plan",
                Event::Heading(_) => "heading",
                Event::Item(..) => "item",
            })
            .collect();
        assert_eq!(kinds, ["heading", "year", "heading", "item", "num"]);
    }

    /// Every amount with a unit: its text, value, exponent and unit code.
    fn amounts(text: &str) -> Vec<(String, String, i32, String)> {
        scan(text)
            .into_iter()
            .filter_map(|e| match e {
                Event::Num(n) => n.unit.map(|u| {
                    (
                        text[n.start..n.end].to_string(),
                        n.value.to_string(),
                        n.exponent,
                        u.code().to_string(),
                    )
                }),
                _ => None,
            })
            .collect()
    }

    fn amount(text: &str, value: &str, exponent: i32, unit: &str) -> (String, String, i32, String) {
        (text.into(), value.into(), exponent, unit.into())
    }

    #[test]
    fn money_tails_in_running_text() {
        assert_eq!(
            amounts("票价由2元5角提高到3元2角。"),
            [
                amount("2元5角", "2.5", 0, "CNY"),
                amount("3元2角", "3.2", 0, "CNY")
            ]
        );
        assert_eq!(
            amounts("每户补助123元1角1分，"),
            [amount("123元1角1分", "123.11", 0, "CNY")]
        );
        assert_eq!(
            amounts("每斤十块三毛。"),
            [amount("十块三毛", "10.3", 0, "CNY")]
        );
        assert_eq!(
            amounts("折合壹佰元零伍分整"),
            [amount("壹佰元零伍分整", "100.05", 0, "CNY")]
        );
        assert_eq!(amounts("一块三毛钱"), [amount("一块三毛", "1.3", 0, "CNY")]);
        // A minus after a word is a sign, and the tail is read with it.
        assert_eq!(
            amounts("差价-1元5角"),
            [amount("-1元5角", "-1.5", 0, "CNY")]
        );
        // The unit as written is the yuan word, 元 for 块.
        let ev = scan("每斤十块三毛。");
        let Some(Event::Num(n)) = ev.first() else {
            panic!("{ev:?}")
        };
        assert_eq!(
            (n.unit_end - n.num_end, n.end - n.num_end, n.unit_canonical),
            (3, 9, true)
        );
        let ev = scan("2元5角");
        let Some(Event::Num(n)) = ev.first() else {
            panic!("{ev:?}")
        };
        assert_eq!(
            (n.num_end, n.unit_end, n.end, n.unit_canonical),
            (1, 4, 8, false)
        );
    }

    #[test]
    fn tails_that_start_a_word_are_not_read() {
        // 块 counting pieces, and 三角形: no money.
        assert!(amounts("两块三角形的土地").is_empty());
        assert!(amounts("十块").is_empty());
        // 分之 makes a fraction, 分钟 a duration: the yuan amount stands alone.
        assert_eq!(amounts("100元三分之一"), [amount("100元", "100", 0, "CNY")]);
        assert_eq!(
            amounts("到账100元2分钟"),
            [amount("100元", "100", 0, "CNY")]
        );
        // Jiao and fen follow whole yuan only (not 5亿元3角).
        assert_eq!(amounts("5亿元3角"), [amount("5亿元", "5", 8, "CNY")]);
        assert_eq!(amounts("5.5元3角"), [amount("5.5元", "5.5", 0, "CNY")]);
    }

    #[test]
    fn tenths_with_a_half() {
        assert_eq!(
            amounts("占三成半以上"),
            [amount("三成半", "3.5", 0, "tenth")]
        );
        assert_eq!(amounts("增产3成半，"), [amount("3成半", "3.5", 0, "tenth")]);
        assert_eq!(
            amounts("七成半来自东部"),
            [amount("七成半", "7.5", 0, "tenth")]
        );
        // 半数 is a word: only the tenths.
        assert_eq!(amounts("三成半数以上"), [amount("三成", "3", 0, "tenth")]);
    }

    #[test]
    fn spaced_years() {
        assert_eq!(years("1 9 9 7 年国内生产总值"), [(1997, None)]);
        assert_eq!(years("1 9 9 7 年末"), [(1997, Some(Basis::YearEnd))]);
        assert_eq!(years("2 0 1 0 年远景目标"), [(2010, None)]);
        assert_eq!(years("1 9 9 6 －2 0 0 0 年"), [(1996, None), (2000, None)]);
        // The month after a spaced year is a date too.
        assert_eq!(years("从1 9 9 3 年3 月就职"), [(1993, None)]);
        assert!(nums("从1 9 9 3 年3 月就职").is_empty());
        // Spaced numbers that are not years.
        assert!(years("达到5 1 6 0 元").is_empty());
        assert_eq!(nums("达到5 1 6 0 元"), ["5 1 6 0 元"]);
        assert!(years("达到7 4 7 7 2 亿元").is_empty());
        assert_eq!(nums("达到7 4 7 7 2 亿元"), ["7 4 7 7 2 亿元"]);
        assert!(years("1 9 9 7 ．5 年").is_empty());
        assert!(years("1 9 9 7年").is_empty());
        assert!(years("3 0 0 0 年期").is_empty());
        // Not spaced throughout: the year after the lone digit.
        assert_eq!(years("1 2023年"), [(2023, None)]);
        // A single digit before a unit is spaced out too.
        assert_eq!(nums("增长8 ％，达到1 亿吨以上"), ["8 ％", "1 亿吨"]);
    }

    #[test]
    fn the_scan_reads_a_figure_at_every_numeral_start() {
        // The stop set comes from the numeral table: for every character a numeral can start
        // with, the figure the quantity scanner reads from it in running text is the figure the
        // scan reads from that character on. A place word alone (百 千 万 亿, any form) starts a
        // figure only as a share (百分之三); otherwise it starts words (百姓, 万万不可).
        let (starts, n) = crate::numerals::NUMERAL_START_POINTS;
        let tails = ["十万元", "万元", "1万元", "点五万元", "十亿元"];
        let lead = "全年收入";
        let read_at = |figure: &str| {
            let text = format!("{lead}{figure}。");
            scan(&text).into_iter().find_map(|e| match e {
                Event::Num(m) if m.start == lead.len() => Some(text[m.start..m.end].to_string()),
                _ => None,
            })
        };
        let mut wrong = Vec::new();
        let mut shares = 0;
        for &cp in &starts[..n] {
            let c = char::from_u32(cp).unwrap();
            if crate::numerals::is_place_word(c) {
                let share = format!("{c}分之三");
                if crate::quantity::share_prefix(&share).is_some() {
                    shares += 1;
                    if read_at(&share).as_deref() != Some(share.as_str()) {
                        wrong.push(share);
                    }
                }
                let word = format!("{c}万元");
                if read_at(&word).is_some() {
                    wrong.push(word);
                }
                continue;
            }
            let whole = |t: &&&str| {
                let f = format!("{c}{t}");
                crate::quantity::scan_quantity(&f)
                    .is_some_and(|(_, u, _, end)| end == f.len() && u == Unit::CNY)
            };
            let Some(tail) = tails.iter().find(whole) else {
                wrong.push(format!("{c}: no figure starts with it"));
                continue;
            };
            let figure = format!("{c}{tail}");
            if read_at(&figure).as_deref() != Some(figure.as_str()) {
                wrong.push(figure);
            }
        }
        assert!(wrong.is_empty(), "{wrong:?}");
        assert_eq!(shares, 4, "百 千 万 萬");
        assert!(n >= 50, "{n} starting characters");
    }
}
