//! Document level: the headline target list and typed target and outcome records.

use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem;

use serde::{Deserialize, Serialize};

use super::context::mentions;
use super::distribute::{Shared, shared_indicators};
use super::matcher::Matcher;
use super::mention::Found;
use super::structure::{Doc, SectionKind, Sections};
use super::years::{self, Years};
use super::{Mention, MentionKind};
use crate::dataset::Dataset;
use crate::document::{Document, Period, Provenance};
use crate::indicator::Catalogue;
use crate::lexicon::plan_periods;
use crate::lexicon::{
    ADVERBS, CAUSATIVES, CHANGE_VERBS, IN_STEP_ADVERBS, IN_STEP_ENDS, IN_STEP_GROWTH_WORDS,
    LEAD_VERBS, LIST_COPULAS, LIST_INTROS, MANNERS, NEGATIONS, NOT_STATED, PREDICATES, PREVENTIONS,
    QUOTA_ADVERBS, QUOTA_ENDS, QUOTA_SETTERS, RATE_NOUNS, REFERENCE_OPENERS, RELATIONS,
    SIGNED_GROWTH, STRETCH, is_clause_break, is_sentence_break,
};
use crate::target::{
    Comparator, Direction, Figure, Outcome, OutcomeStatus, Reference, Relation, Target,
};

/// A document's targets and outcomes, with the mentions they were read from.
///
/// ```
/// use planwatch::extract::extract_document;
/// use planwatch::indicator::Catalogue;
/// let text = "二、2024年经济社会发展主要目标 今年发展主要预期目标是：国内生产总值增长5%左右；\
///             居民收入增长与经济增长同步；国际收支保持基本平衡。";
/// let x = extract_document(text, "gwr-2024", planwatch::builtin::catalogue());
/// let headline: Vec<&str> = x.headline().map(|t| t.indicator.as_str()).collect();
/// assert_eq!(headline, ["gdp_growth", "disposable_income_growth", "balance_of_payments"]);
/// assert_eq!(x.targets[1].figure.comparator.code(), "in_step_with");
/// assert_eq!(x.targets[0].period.year, 2024);
/// let p = x.targets[0].provenance.as_ref().unwrap();
/// assert_eq!((p.document.as_str(), &text[p.start..p.end]), ("gwr-2024", "国内生产总值增长5%左右"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The document id given to the extractor (used in every provenance).
    pub document: String,
    /// Every target with a known indicator and year, headline targets first, then the others
    /// in text order.
    pub targets: Vec<Target>,
    /// How many of `targets` (from the start) form the headline list (主要预期目标).
    pub headline_len: usize,
    /// Every outcome with a known indicator and year, in text order.
    pub outcomes: Vec<Outcome>,
    /// Every mention of the text.
    pub mentions: Vec<Mention>,
    /// Target and outcome mentions that could not become records (no indicator or no year).
    pub unresolved: Vec<Mention>,
}

impl Extraction {
    /// The headline targets (the document's 主要预期目标 list).
    ///
    /// ```
    /// use planwatch::extract::extract_document;
    /// use planwatch::indicator::Catalogue;
    /// let text = "2024年主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。";
    /// let x = extract_document(text, "demo", planwatch::builtin::catalogue());
    /// let ids: Vec<&str> = x.headline().map(|t| t.indicator.as_str()).collect();
    /// assert_eq!(ids, ["gdp_growth", "urban_new_jobs"]);
    /// assert_eq!(x.headline_len, 2);
    /// ```
    pub fn headline(&self) -> impl Iterator<Item = &Target> {
        self.targets.iter().take(self.headline_len)
    }

    /// The records as a dataset of `document`, with `text` attached for provenance checks and,
    /// as its own indicators, every indicator of `catalogue` that a record uses, so that the
    /// dataset is self-describing: validation, scorecards and tables read a custom catalogue's
    /// indicators from the dataset itself.
    ///
    /// ```
    /// use planwatch::document::{Document, DocumentKind};
    /// use planwatch::extract::Extractor;
    /// use planwatch::indicator::{Catalogue, Desired, Indicator, Measure};
    /// use planwatch::units::Unit;
    /// let tea = Indicator {
    ///     id: "tea_output".into(), name_zh: "茶叶产量".into(), name_en: "Tea output".into(),
    ///     aliases: vec![], category: "agriculture".into(), attribute: None,
    ///     desired: Desired::HigherBetter, measure: Measure::Level, unit: Unit::Ton,
    /// };
    /// let text = "2023年，茶叶产量达到333万吨。";
    /// let cat = Catalogue::new(vec![tea]);
    /// let x = Extractor::new(&cat).document(text, "tea-2024");
    /// let doc = Document {
    ///     id: "tea-2024".into(), title: "茶叶报告".into(), issuer: "".into(),
    ///     kind: DocumentKind::Other, jurisdiction: "CN".into(), delivered: None,
    ///     outcome_year: Some(2023), plan_year: Some(2024), source: None,
    /// };
    /// let ds = x.into_dataset(doc, &cat, Some(text.into()));
    /// assert_eq!(ds.outcomes[0].indicator, "tea_output");
    /// assert_eq!(ds.outcomes[0].figure.text, "333万吨");
    /// assert_eq!(ds.indicators, cat.iter().cloned().collect::<Vec<_>>());
    /// assert_eq!(ds.text.as_deref(), Some(text));
    /// ```
    pub fn into_dataset(
        self,
        document: Document,
        catalogue: &Catalogue,
        text: Option<std::sync::Arc<str>>,
    ) -> Dataset {
        let mut used: Vec<&str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for id in self
            .targets
            .iter()
            .map(|t| t.indicator.as_str())
            .chain(self.outcomes.iter().map(|o| o.indicator.as_str()))
        {
            if seen.insert(id) {
                used.push(id);
            }
        }
        let indicators = used
            .into_iter()
            .filter_map(|id| catalogue.get(id).cloned())
            .collect();
        Dataset {
            document,
            indicators,
            targets: self.targets,
            outcomes: self.outcomes,
            verdicts: Vec::new(),
            text,
        }
    }
}

/// The targets and outcomes of a document read with `catalogue`; `doc_id` labels provenance.
///
/// Headline targets come from the target section: a `主要预期目标` (or `主要目标`, `预期目标`)
/// heading followed by `——` items, or a sentence `…主要预期目标是：A；B，C；…`. Each clause of
/// the list becomes a target: numeric ones from their mentions, relational and qualitative ones
/// (`与经济增长同步`, `保持基本平衡`, `持续改善`) from [`crate::figure::parse_target`]. A clause
/// saying no target was set (`没有提出…具体目标`) gives none. Other targets and the outcomes are
/// the target and outcome mentions with a known indicator and year.
///
/// ```
/// use planwatch::extract::extract_document;
/// use planwatch::indicator::Catalogue;
/// let text = "一、2023年计划执行情况 全年国内生产总值126.06万亿元，增长5.2%。";
/// let x = extract_document(text, "doc", planwatch::builtin::catalogue());
/// let ids: Vec<&str> = x.outcomes.iter().map(|o| o.indicator.as_str()).collect();
/// assert_eq!(ids, ["gdp", "gdp_growth"]);
/// assert_eq!(x.outcomes[1].period.year, 2023);
/// ```
pub fn extract_document(text: &str, doc_id: &str, catalogue: &Catalogue) -> Extraction {
    super::Extractor::new(catalogue).document(text, doc_id)
}

/// The targets and outcomes of `text`, the text of `doc`: `doc.id` labels provenance, and the
/// document's plan and outcome years resolve `今年` and `去年`/`过去一年` where the text does
/// not name its years.
///
/// ```
/// use planwatch::extract::extract_for;
/// use planwatch::indicator::Catalogue;
/// let doc = planwatch::builtin::document();
/// let text = "过去一年，国内生产总值增长5.2%。今年发展主要预期目标是：国内生产总值增长5%左右；\
///             居民收入增长和经济增长同步。";
/// let x = extract_for(text, &doc, planwatch::builtin::catalogue());
/// assert_eq!((x.outcomes[0].indicator.as_str(), x.outcomes[0].period.year), ("gdp_growth", 2023));
/// assert_eq!(x.headline().map(|t| t.period.year).collect::<Vec<_>>(), [2024, 2024]);
/// assert_eq!(x.document, doc.id);
/// ```
pub fn extract_for(text: &str, doc: &Document, catalogue: &Catalogue) -> Extraction {
    super::Extractor::new(catalogue)
        .for_document(doc)
        .document(text, &doc.id)
}

pub(crate) fn build(text: &str, doc_id: &str, matcher: &Matcher, years: Years) -> Extraction {
    let mut doc = Doc::new(text, matcher, years);
    let years = doc.years;
    let found = mentions(&doc);
    // The records need the document's structure, not its events: free them before building.
    doc.events = Vec::new();
    let mut blocks = headline_blocks(&doc, &found);
    for b in &mut blocks {
        if b.year.is_none() {
            b.year = years.plan;
        }
    }
    // The indicators of figures that a list of names shares (`A和B均增长5%`), by figure.
    let shared: Vec<Shared> = found
        .iter()
        .map(|f| shared_indicators(text, matcher, f))
        .collect();
    let mut targets = Vec::new();
    let mut in_headline = vec![false; found.len()];
    for block in &blocks {
        for clause in clauses(text, block.range.clone()) {
            let first = found.partition_point(|f| f.mention.span.start < clause.start);
            let inside: Vec<usize> = (first..found.len())
                .take_while(|&k| found[k].mention.span.start < clause.end)
                .filter(|&k| found[k].mention.span.end <= clause.end)
                .collect();
            if inside.is_empty() {
                if let Some(y) = block.year {
                    for (id, figure, quote) in statements(text, clause.clone(), matcher) {
                        targets.push(Target {
                            indicator: id,
                            period: block.period(y, None),
                            figure,
                            provenance: Some(provenance(doc_id, text, quote)),
                        });
                    }
                }
                continue;
            }
            let clause_targets = targets.len();
            let mut before = clause.start;
            for k in inside {
                let m = &found[k].mention;
                let year = block.year.or(m.year);
                let lead = text.get(before..m.span.start).unwrap_or("");
                before = m.span.end;
                let Some(y) = year else { continue };
                let (ids, list_start) = match &shared[k] {
                    Shared::One => (m.indicator.as_slice(), m.span.start),
                    Shared::Each(ids, at) => (ids.as_slice(), *at),
                    Shared::Sum => (&[][..], m.span.start),
                };
                for ind in ids {
                    // 地区生产总值增长7%以上、力争达到8%: the stretch of the target just set is
                    // no target of its own.
                    let period = block.period(y, Some(m));
                    if STRETCH.iter().any(|w| lead.contains(w))
                        && targets[clause_targets..]
                            .iter()
                            .any(|t| &t.indicator == ind && t.period == period)
                    {
                        in_headline[k] = true;
                        continue;
                    }
                    let mut quote = clause_quote(text, &clause, m);
                    quote.start = quote.start.min(list_start.max(clause.start));
                    targets.push(Target {
                        indicator: ind.clone(),
                        period,
                        figure: m.figure.clone(),
                        provenance: Some(provenance(doc_id, text, quote)),
                    });
                    in_headline[k] = true;
                }
            }
        }
    }
    let headline_len = targets.len();
    let mut outcomes = Vec::new();
    statements_in_text(&doc, doc_id, &found, &blocks, &mut targets, &mut outcomes);
    // The records the figures give, counted first: the lists are reserved once, exactly, not
    // grown to up to twice their length (they are most of the extraction's memory).
    let (mut to_targets, mut to_outcomes, mut to_unresolved) = (0, 0, 0);
    for (k, f) in found.iter().enumerate() {
        let m = &f.mention;
        if in_headline[k] || m.kind == MentionKind::Other {
            continue;
        }
        let n = match &shared[k] {
            Shared::One => usize::from(m.indicator.is_some()),
            Shared::Each(ids, _) => ids.len(),
            Shared::Sum => 0,
        };
        match (n > 0 && m.year.is_some(), m.kind) {
            (false, _) => to_unresolved += 1,
            (true, MentionKind::Target) => to_targets += n,
            (true, MentionKind::Outcome) => to_outcomes += n,
            (true, MentionKind::Other) => {}
        }
    }
    targets.reserve_exact(to_targets);
    outcomes.reserve_exact(to_outcomes);
    let mut unresolved = Vec::with_capacity(to_unresolved);
    for (k, f) in found.iter().enumerate() {
        let m = &f.mention;
        if in_headline[k] || m.kind == MentionKind::Other {
            continue;
        }
        let (ids, list_start) = match &shared[k] {
            Shared::One => (m.indicator.as_slice(), m.span.start),
            Shared::Each(ids, at) => (ids.as_slice(), *at),
            Shared::Sum => (&[][..], m.span.start),
        };
        let (false, Some(y)) = (ids.is_empty(), m.year) else {
            unresolved.push(m.clone());
            continue;
        };
        let mut quote = lead_span(f);
        if list_start >= f.pos.sentence_start {
            quote.start = quote.start.min(list_start);
        }
        for ind in ids {
            let prov = Some(provenance(doc_id, text, quote.clone()));
            match m.kind {
                MentionKind::Target => targets.push(Target {
                    indicator: ind.clone(),
                    period: period(y, m),
                    figure: m.figure.clone(),
                    provenance: prov,
                }),
                MentionKind::Outcome => outcomes.push(Outcome {
                    indicator: ind.clone(),
                    period: period(y, m),
                    figure: m.figure.clone(),
                    status: OutcomeStatus::Preliminary,
                    provenance: prov,
                }),
                MentionKind::Other => {}
            }
        }
    }
    // Text order (statements and figures were gathered in two passes).
    let at = |p: &Option<Provenance>| p.as_ref().map_or(usize::MAX, |p| p.start);
    targets[headline_len..].sort_by_key(|t| at(&t.provenance));
    outcomes.sort_by_key(|o| at(&o.provenance));
    Extraction {
        document: doc_id.to_string(),
        targets,
        headline_len,
        outcomes,
        mentions: found.into_iter().map(|f| f.mention).collect(),
        unresolved,
    }
}

/// Relational, qualitative and direction-only statements of the running text (`国际收支保持基本
/// 平衡`, `主要污染物排放量继续下降`, `提高民营企业贷款占比`): targets in a plan section, outcomes
/// in a review section; clauses with figures or in the headline list are left to those.
fn statements_in_text(
    doc: &Doc,
    doc_id: &str,
    found: &[Found],
    blocks: &[Block],
    targets: &mut Vec<Target>,
    outcomes: &mut Vec<Outcome>,
) {
    let (text, matcher) = (doc.text, doc.matcher);
    let mut sections = Sections::new(doc);
    // The blocks' ranges merged into disjoint, sorted spans: the clauses come in text order,
    // so one cursor walks them (each block is looked at once, not once per clause).
    let mut covered: Vec<Range<usize>> = Vec::with_capacity(blocks.len());
    for b in blocks {
        match covered.last_mut() {
            Some(last) if b.range.start <= last.end => last.end = last.end.max(b.range.end),
            _ => covered.push(b.range.clone()),
        }
    }
    let mut fi = 0;
    let mut bi = 0;
    let mut lo = 0;
    let mut para = 0;
    let mut handle = |r: Range<usize>, para: usize, fi: &mut usize| {
        let section = sections.at(r.start, para);
        let Some(year) = section.year else { return };
        let period = match section.end_year {
            Some(end) => Period::plan(year, end),
            None => Period::year(year),
        };
        while *fi < found.len() && found[*fi].mention.span.end <= r.start {
            *fi += 1;
        }
        if found.get(*fi).is_some_and(|f| f.mention.span.start < r.end) {
            return;
        }
        while covered.get(bi).is_some_and(|b| b.end <= r.start) {
            bi += 1;
        }
        if covered.get(bi).is_some_and(|b| b.start < r.end) {
            return;
        }
        let r = trim_start(text, r.start, r.end)..r.end;
        for (id, figure, quote) in statements(text, r, matcher) {
            let prov = Some(provenance(doc_id, text, quote));
            match section.kind {
                SectionKind::Target => targets.push(Target {
                    indicator: id,
                    period,
                    figure,
                    provenance: prov,
                }),
                SectionKind::Outcome => outcomes.push(Outcome {
                    indicator: id,
                    period,
                    figure,
                    status: OutcomeStatus::Preliminary,
                    provenance: prov,
                }),
                SectionKind::Unknown => {}
            }
        }
    };
    for (k, c) in text.char_indices() {
        if is_clause_break(c) {
            if k > lo {
                handle(lo..k, para, &mut fi);
            }
            lo = k + c.len_utf8();
            if c == '\n' {
                para = lo;
            }
        }
    }
    if lo < text.len() {
        handle(lo..text.len(), para, &mut fi);
    }
}

fn period(year: i32, m: &Mention) -> Period {
    match (m.end_year, m.basis) {
        // A span keeps its basis: 年均 over a plan is an average, a plan's level at its end
        // is of the year end.
        (Some(end), Some(b)) => Period::plan(year, end).with_basis(b),
        (Some(end), None) => Period::plan(year, end),
        (None, Some(b)) => Period::year(year).with_basis(b),
        (None, None) => Period::year(year),
    }
}

fn provenance(doc_id: &str, text: &str, span: Range<usize>) -> Provenance {
    Provenance {
        document: doc_id.to_string(),
        start: span.start,
        end: span.end,
        quote: text.get(span).unwrap_or("").to_string(),
    }
}

/// The figure with its verb of change: `增长5.2%`.
/// The quote of a record: from its subject (when written in the same sentence, before the
/// figure) or its verb of change, to the end of the figure.
fn lead_span(f: &Found) -> Range<usize> {
    let m = &f.mention;
    let mut start = if f.lead_start <= m.span.start && f.pos.clause_start <= f.lead_start {
        f.lead_start
    } else {
        m.span.start
    };
    if let Some(s) = &m.subject_span {
        if s.start < start && s.start >= f.pos.sentence_start && m.span.start - s.start <= 600 {
            start = s.start;
        }
    }
    start..m.span.end
}

/// The clause of a headline item from its subject to its figure: `国内生产总值增长5%左右`.
fn clause_quote(text: &str, clause: &Range<usize>, m: &Mention) -> Range<usize> {
    let start = m
        .subject_span
        .as_ref()
        .map_or(m.span.start, |s| s.start)
        .max(clause.start)
        .min(m.span.start);
    let start = trim_start(text, start, m.span.end);
    start..m.span.end
}

fn trim_start(text: &str, mut start: usize, end: usize) -> usize {
    if let Some(s) = text.get(start..end) {
        let t = s.trim_start_matches(|c: char| years::is_blank(c) || matches!(c, '—' | '：' | ':'));
        start += s.len() - t.len();
    }
    start
}

/// A headline list: its text range and the plan year.
struct Block {
    range: Range<usize>,
    year: Option<i32>,
    /// The plan period a heading names (`“十四五”时期…主要目标` → 2021–2025).
    plan: Option<(i32, i32)>,
}

impl Block {
    fn period(&self, year: i32, m: Option<&Mention>) -> Period {
        match (self.plan, m) {
            (Some((a, b)), _) => Period::plan(a, b),
            (None, Some(m)) => period(year, m),
            (None, None) => Period::year(year),
        }
    }
}

/// Finds headline target lists: a heading naming the targets followed by `——` items (or by
/// its first sentence), or a sentence `…主要预期目标是：…`.
fn headline_blocks(doc: &Doc, found: &[Found]) -> Vec<Block> {
    let (text, matcher) = (doc.text, doc.matcher);
    let mut blocks = Vec::new();
    let mut part_blocks = Vec::new();
    let mut section_year: Option<i32> = None;
    let headings: Vec<(usize, usize, u8)> = doc
        .headings
        .iter()
        .map(|h| (h.start, h.end, h.level))
        .collect();
    let all_items = &doc.items;
    for h in &doc.headings {
        let title = text.get(h.start..h.end).unwrap_or("");
        if h.level == 1 {
            section_year = last_year(title);
        }
        if h.level <= 2 && LIST_INTROS.iter().any(|w| title.contains(w)) {
            // A part heading (二、2018年…主要目标) holds the list only when no sentence
            // introduces it (主要预期目标是：): it is read after that fallback.
            let blocks = if h.level == 1 {
                &mut part_blocks
            } else {
                &mut blocks
            };
            let next = headings.partition_point(|&(s, _, _)| s <= h.start);
            let stop = headings.get(next).map_or(text.len(), |&(s, _, _)| s);
            let lo = all_items.partition_point(|&a| a <= h.end);
            let hi = all_items.partition_point(|&a| a < stop);
            let items = all_items.get(lo..hi.max(lo)).unwrap_or(&[]).to_vec();
            // The plan whose targets the heading names (`“十三五”时期发展成就和“十四五”时期主要
            // 目标任务`: the last named before its list words).
            let intro = LIST_INTROS
                .iter()
                .filter_map(|w| title.find(w))
                .min()
                .unwrap_or(title.len());
            let plan = plan_periods(&title[..intro]).last();
            let year = section_year
                .or_else(|| last_year(title))
                .or(plan.map(|p| p.0));
            if items.is_empty() {
                // The first sentence after the heading.
                let lo = sentence_end(text, h.end);
                let hi = sentence_end(text, lo).min(stop);
                if lo < hi {
                    blocks.push(Block {
                        range: lo..hi,
                        year,
                        plan,
                    });
                }
            } else {
                for (k, &at) in items.iter().enumerate() {
                    let mut hi = sentence_end(text, at).min(stop);
                    if is_item_title(text, at..hi, found, matcher) {
                        // ——经济发展取得新成效。…: a titled item; its list is the rest of
                        // its paragraph.
                        let next = items.get(k + 1).copied().unwrap_or(stop).min(stop);
                        let line = text
                            .get(hi..next)
                            .and_then(|s| s.find('\n'))
                            .map_or(next, |j| hi + j);
                        hi = line.min(hi + 4000).max(hi);
                        hi = floor_char(text, hi);
                    }
                    blocks.push(Block {
                        range: at..hi,
                        year,
                        plan,
                    });
                }
            }
        }
    }
    // …主要预期目标是：A；B。 Read beside a section heading's list: a heading naming a plan's
    // targets (（三）“十一五”时期…主要目标) does not hide this year's list in a sentence.
    let heading_blocks = std::mem::take(&mut blocks);
    {
        for intro in LIST_INTROS {
            let mut from = 0;
            while let Some(k) = text.get(from..).and_then(|s| s.find(intro)) {
                let at = from + k + intro.len();
                from = at;
                let rest = text.get(at..).unwrap_or("");
                let lead: usize = rest
                    .chars()
                    .take_while(|c| LIST_COPULAS.contains(c) || matches!(c, '：' | ':'))
                    .map(char::len_utf8)
                    .sum();
                let colon = rest.get(..lead).is_some_and(|s| s.ends_with(['：', ':']));
                if !colon {
                    continue;
                }
                let lo = at + lead;
                let mut hi = sentence_end(text, lo);
                // Later sentences of the paragraph that open with an indicator continue the
                // list (…基本同步。单位国内生产总值能耗下降3.4%以上，…。).
                while let Some(next) = text.get(hi..) {
                    let next = next.trim_start_matches([' ', '\u{3000}']);
                    if next.starts_with(['\n', '\r']) || matcher.prefix_len(next) == 0 {
                        break;
                    }
                    let end = sentence_end(text, hi);
                    if end <= hi || end - lo > 8000 {
                        break;
                    }
                    hi = end;
                }
                // The year: the section's, else one named before the intro in its sentence.
                let year = section_year_before(text, &headings, lo);
                if !blocks
                    .last()
                    .is_some_and(|b: &Block| b.range.start <= lo && lo < b.range.end)
                {
                    blocks.push(Block {
                        range: lo..hi,
                        year,
                        plan: None,
                    });
                }
            }
            if !blocks.is_empty() {
                break;
            }
        }
    }
    let within = |b: &Block| {
        heading_blocks
            .iter()
            .any(|h| h.range.start <= b.range.start && b.range.start < h.range.end)
    };
    blocks.retain(|b| !within(b));
    blocks.extend(heading_blocks);
    if blocks.is_empty() {
        blocks = part_blocks;
    }
    blocks.sort_by_key(|b| b.range.start);
    blocks
}

/// Whether a `——` item's first sentence is a title: it has no figure and states nothing.
fn is_item_title(text: &str, r: Range<usize>, found: &[Found], matcher: &Matcher) -> bool {
    let k = found.partition_point(|f| f.mention.span.start < r.start);
    if found.get(k).is_some_and(|f| f.mention.span.start < r.end) {
        return false;
    }
    clauses(text, r)
        .into_iter()
        .all(|c| statements(text, c, matcher).is_empty())
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The year of the last level-1 heading before `at`.
fn section_year_before(text: &str, headings: &[(usize, usize, u8)], at: usize) -> Option<i32> {
    let k = headings.partition_point(|&(s, _, _)| s < at);
    let &(s, e, _) = headings[..k].iter().rev().find(|h| h.2 == 1)?;
    last_year(text.get(s..e).unwrap_or(""))
}

/// The last `YYYY年` in a title.
fn last_year(title: &str) -> Option<i32> {
    let mut found = None;
    let b = title.as_bytes();
    let mut k = 0;
    while k + 4 <= b.len() {
        if b[k..k + 4].iter().all(u8::is_ascii_digit)
            && title.get(k + 4..).is_some_and(|s| s.starts_with('年'))
            && (k == 0 || !b[k - 1].is_ascii_digit())
        {
            found = title.get(k..k + 4).and_then(|s| s.parse().ok());
            k += 4;
        } else {
            k += 1;
        }
    }
    found
}

/// The offset just past the sentence that contains `at` (a list sentence is read at most
/// 4000 bytes far).
fn sentence_end(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        return text.len();
    };
    for (k, c) in rest.char_indices() {
        if is_sentence_break(c) {
            return at + k + c.len_utf8();
        }
        if k > 4000 {
            return at + k;
        }
    }
    text.len()
}

/// The clauses of a list, split at commas and semicolons.
fn clauses(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let Some(s) = text.get(r.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut lo = 0;
    for (k, c) in s.char_indices() {
        if is_clause_break(c) {
            if k > lo {
                out.push(r.start + lo..r.start + k);
            }
            lo = k + c.len_utf8();
        }
    }
    if lo < s.len() {
        out.push(r.start + lo..r.end);
    }
    out.into_iter()
        .map(|c| trim_start(text, c.start, c.end)..c.end)
        .filter(|c| c.start < c.end)
        .collect()
}

/// A verb of change ending `s` after a subject, with the manner adverb before it if any
/// (`国际收支状况持续好转`): (where the predicate starts, the predicate).
fn bare_change(s: &str) -> Option<(usize, &str)> {
    let v = CHANGE_VERBS.iter().find(|v| ends(s, v))?;
    let mut k = s.len() - v.len();
    if let Some(m) = MANNERS.iter().find(|m| ends(&s[..k], m)) {
        k -= m.len();
    }
    let subj = &s[..k];
    // 防止…下降 and the like say the opposite; adverbs before the verb are other predicates.
    if PREVENTIONS.iter().any(|w| find(subj, w).is_some()) || subj.ends_with(NOT_STATED) {
        return None;
    }
    Some((k, &s[k..]))
}

/// Searchers for the words that every figure-less clause is searched for (the negations and
/// the relations), built once: a clause of the running text is looked at for each of them, and
/// the standard searcher would be built anew for each word of each clause.
struct ClauseWords {
    negations: Vec<memmem::Finder<'static>>,
    relations: Vec<(memmem::Finder<'static>, &'static str)>,
    /// `完成`, searched for from the end of a clause that holds `完`.
    done: memmem::FinderRev<'static>,
    /// The characters a negation or relation starts with, by the low 12 bits of their code
    /// points: a clause with none of them is not searched for those words.
    firsts: CharSet,
    /// The characters a predicate or a verb of change ends with: a clause that ends with none
    /// of them has neither at its end.
    lasts: CharSet,
    /// The characters an adverb or a lead verb starts with: a clause that opens with none of
    /// them has no verb and object (shape 2).
    opens: CharSet,
}

/// A set of characters by the low 12 bits of their code points: a character outside it is
/// none of the characters put in (one inside may be another with the same low bits).
struct CharSet([u64; 64]);

impl CharSet {
    fn of(chars: impl Iterator<Item = char>) -> Self {
        let mut set = [0u64; 64];
        for c in chars {
            let low = c as usize & 0xFFF;
            set[low >> 6] |= 1 << (low & 63);
        }
        CharSet(set)
    }

    fn may_hold(&self, c: char) -> bool {
        let low = c as usize & 0xFFF;
        self.0[low >> 6] >> (low & 63) & 1 == 1
    }
}

/// What one pass over a clause's characters tells: whether a negation or a relation may stand
/// in it, and whether `完成` may.
struct ClauseScan {
    may_hold: bool,
    done: bool,
}

impl ClauseWords {
    /// Whether a negation or a relation may stand in `s`, and whether `完` does.
    fn scan(&self, s: &str) -> ClauseScan {
        let mut scan = ClauseScan {
            may_hold: false,
            done: false,
        };
        for c in s.chars() {
            scan.may_hold |= self.firsts.may_hold(c);
            scan.done |= c == '完';
        }
        scan
    }
}

fn clause_words() -> &'static ClauseWords {
    static WORDS: OnceLock<ClauseWords> = OnceLock::new();
    WORDS.get_or_init(|| ClauseWords {
        negations: NEGATIONS
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()))
            .collect(),
        relations: RELATIONS
            .iter()
            .map(|w| (memmem::Finder::new(w.text.as_bytes()), w.text))
            .collect(),
        done: memmem::FinderRev::new("完成".as_bytes()),
        firsts: CharSet::of(
            NEGATIONS
                .iter()
                .copied()
                .chain(RELATIONS.iter().map(|w| w.text))
                .filter_map(|w| w.chars().next()),
        ),
        lasts: CharSet::of(
            PREDICATES
                .iter()
                .chain(CHANGE_VERBS)
                .filter_map(|w| w.chars().next_back()),
        ),
        opens: CharSet::of(
            ADVERBS
                .iter()
                .chain(LEAD_VERBS)
                .filter_map(|w| w.chars().next()),
        ),
    })
}

/// `s.find(w)` and `s.rfind(w)` over bytes (a match of a whole word of UTF-8 text starts on a
/// character boundary, so the offsets are the same).
fn find(s: &str, w: &str) -> Option<usize> {
    memmem::find(s.as_bytes(), w.as_bytes())
}

fn rfind(s: &str, w: &str) -> Option<usize> {
    memmem::rfind(s.as_bytes(), w.as_bytes())
}

/// `s.ends_with(w)` and `s.starts_with(w)` compared byte by byte, from the word's end inward:
/// the clause is tried against each of a few dozen short words, most of which differ in their
/// last byte, where a call to `memcmp` costs more than the comparison.
fn ends(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    s.len() >= w.len() && s.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
}

fn starts(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
}

/// A statement without a figure: the indicators it names (distributed over `A、B产量`), its
/// figure, and the byte span to quote.
pub(crate) fn statements(
    text: &str,
    clause: Range<usize>,
    matcher: &Matcher,
) -> Vec<(String, Figure, Range<usize>)> {
    let mut out = Vec::new();
    let Some(s) = text.get(clause.clone()) else {
        return out;
    };
    let words = clause_words();
    if s.is_empty() || s.len() > 180 {
        return out;
    }
    let ClauseScan { may_hold, done } = words.scan(s);
    // Every statement below is one of: a quota to meet (完成), causes (受…影响), a predicate or
    // a verb of change at the clause's end, a relation, or [adverb] verb + object at its start.
    // A clause that can be none of them states nothing.
    let (first, last) = (s.chars().next(), s.chars().next_back());
    let ends_in_predicate = last.is_some_and(|c| words.lasts.may_hold(c));
    let opens_with_verb = first.is_some_and(|c| words.opens.may_hold(c));
    if !(may_hold || done || ends_in_predicate || opens_with_verb || first == Some('受')) {
        return out;
    }
    if may_hold
        && words
            .negations
            .iter()
            .any(|f| f.find(s.as_bytes()).is_some())
    {
        return out;
    }
    // 单位地区生产总值能耗完成国家下达任务, 确保完成国家下达的“十四五”能耗强度下降目标: a quota
    // set elsewhere and to be met, a qualitative target of each indicator the clause names
    // before 完成 or in its object (粮食产量和粮食播种面积、…及生态环境质量指标完成…).
    if let Some(k) = done.then(|| words.done.rfind(s.as_bytes())).flatten() {
        let object = &s[k + "完成".len()..];
        if QUOTA_ENDS.iter().any(|w| ends(object, w))
            && QUOTA_SETTERS.iter().any(|w| find(object, w).is_some())
        {
            let mut lo = k;
            while let Some(a) = QUOTA_ADVERBS.iter().find(|a| ends(&s[..lo], a)) {
                lo -= a.len();
            }
            let figure = Figure {
                comparator: Comparator::Qualitative,
                value: None,
                lower: None,
                upper: None,
                direction: None,
                reference: None,
                text: s[k..].to_string(),
            };
            let quote = trim_start(text, clause.start, clause.end)..clause.end;
            for idx in matcher
                .names_in(&s[..lo])
                .into_iter()
                .chain(matcher.names_in(object))
            {
                let id = &matcher.info(idx).id;
                if !out.iter().any(|(i, _, _)| i == id) {
                    out.push((id.clone(), figure.clone(), quote.clone()));
                }
            }
            return out;
        }
    }
    // 受A回落、B收缩等影响: each cause is a statement of its own.
    if let Some(inner) = s.strip_prefix('受').and_then(|r| r.strip_suffix("影响")) {
        let inner = inner.strip_suffix('等').unwrap_or(inner);
        let lo = clause.start + '受'.len_utf8();
        for r in super::distribute::split_conjuncts(text, lo..lo + inner.len()) {
            if text.get(r.clone()).is_some_and(|p| !p.contains('、')) {
                out.extend(statements(text, r, matcher));
            }
        }
        return out;
    }
    // Shape 1: subject + predicate at the clause end.
    let marker = PREDICATES
        .iter()
        .filter(|w| ends_in_predicate && ends(s, w))
        .map(|w| (s.len() - w.len(), *w))
        .min_by_key(|&(k, _)| k);
    // Relational: 全员劳动生产率增长高于国内生产总值增长.
    // (Read only when no predicate ends the clause: it is used only then.)
    let relation = || {
        if !may_hold {
            return None;
        }
        words
            .relations
            .iter()
            .filter_map(|(f, w)| f.find(s.as_bytes()).map(|k| (k, *w)))
            .min_by_key(|&(k, _)| k)
            .filter(|&(k, w)| {
                k > 0
                    && !s.chars().any(|c| c.is_ascii_digit())
                    && matcher.resolve(&s[k + w.len()..], None, None).is_some()
            })
    };
    let (subject_rng, predicate): (Range<usize>, &str) = if let Some((mut k, w)) = marker {
        if IN_STEP_ENDS.iter().any(|e| w.ends_with(e)) {
            // The reference opens with 与, 同 or 和: 与经济增长同步, 和经济增长同步.
            if let Some(j) = REFERENCE_OPENERS
                .iter()
                .filter_map(|o| rfind(&s[..k], o))
                .max()
            {
                k = j;
            }
        }
        let subj = s[..k].trim_end();
        let subj = subj.strip_suffix("保持").unwrap_or(subj);
        // 与经济总量扩大和结构升级的要求相适应: a clause opening with its reference has no
        // subject of its own (it justifies what came before).
        if REFERENCE_OPENERS.iter().any(|o| subj.starts_with(o)) {
            return out;
        }
        (clause.start..clause.start + subj.len(), &s[k..])
    } else if let Some((k, _)) = relation() {
        (clause.start..clause.start + k, &s[k..])
    } else if let Some((k, w)) = ends_in_predicate.then(|| bare_change(s)).flatten() {
        // 推动社会综合融资成本下降, 出口增速回落: a subject naming an indicator and a verb of
        // change.
        let mut lo = 0;
        if let Some(v) = CAUSATIVES.iter().find(|v| starts(s, v)) {
            lo = v.len();
        }
        let subj = &s[lo..k];
        if subj.is_empty() || matcher.ending_name(subj).is_none() {
            return out;
        }
        (clause.start + lo..clause.start + k, w)
    } else {
        // Shape 2: [adverb] verb + object: 努力提高居民收入在国民收入分配中的比重,
        // 提高民营企业贷款占比和发债融资规模.
        if !opens_with_verb {
            return out;
        }
        let adv: usize = ADVERBS
            .iter()
            .filter(|a| starts(s, a))
            .map(|a| a.len())
            .max()
            .unwrap_or(0);
        let rest = &s[adv..];
        let Some(v) = LEAD_VERBS
            .iter()
            .filter(|v| starts(rest, v))
            .max_by_key(|v| v.len())
        else {
            return out;
        };
        let obj_lo = clause.start + adv + v.len();
        let conj = super::distribute::split_conjuncts(text, obj_lo..clause.end);
        // Every object names an indicator (its own name or one sharing the first object's
        // modifier: 以工代赈吸纳…数量和劳务报酬发放规模): the verb applies to all of them.
        let first = conj.first().and_then(|r| text.get(r.clone())).unwrap_or("");
        let all_named = !conj.is_empty()
            && conj.iter().enumerate().all(|(k, r)| {
                let o = text.get(r.clone()).unwrap_or("");
                matcher.ending_name(o).is_some()
                    || k > 0
                        && matcher
                            .ending_name(&super::distribute::with_shared_modifier(
                                matcher, o, first, None, None,
                            ))
                            .is_some()
            });
        if all_named {
            (obj_lo..clause.end, &rest[..v.len()])
        } else {
            let Some(r) = conj.into_iter().find(|r| {
                text.get(r.clone()).is_some_and(|o| {
                    o.ends_with("比重") || o.ends_with("占比") || o.ends_with('率')
                })
            }) else {
                return out;
            };
            (r, &rest[..v.len()])
        }
    };
    if predicate.is_empty() || subject_rng.is_empty() {
        return out;
    }
    // A manner adverb before a verb of change leaves the change: 稳中改善, 稳步提高.
    let core = MANNERS
        .iter()
        .find_map(|m| predicate.strip_prefix(m))
        .filter(|v| CHANGE_VERBS.contains(v))
        .unwrap_or(predicate);
    let Some(mut figure) = crate::figure::parse_target(core)
        .ok()
        .filter(|f| !f.comparator.is_quantitative())
        .or_else(|| own_figure(predicate))
    else {
        return out;
    };
    if figure.comparator.is_quantitative() {
        return out;
    }
    figure.text = predicate.to_string();
    let direction = match figure.comparator {
        Comparator::DirectionOnly => figure.direction,
        _ => None,
    };
    let dir_hint = match direction {
        Some(Direction::Decrease) => Some(Direction::Decrease),
        _ => Some(Direction::Increase),
    };
    if let Some(r) = figure.reference.as_mut() {
        if r.indicator.is_none() {
            r.indicator = matcher
                .resolve(&r.text, None, Some(Direction::Increase))
                .map(|i| matcher.info(i).id.clone());
        }
    }
    // Quote from the subject to the end of the predicate.
    let quote_lo = trim_start(text, clause.start, clause.end);
    let quote = quote_lo..clause.end;
    let conjuncts = super::distribute::split_conjuncts(text, subject_rng.clone());
    let subjects: Vec<String> = if conjuncts.len() >= 2 {
        let first = text.get(conjuncts[0].clone()).unwrap_or("").to_string();
        let last = text
            .get(conjuncts[conjuncts.len() - 1].clone())
            .unwrap_or("")
            .to_string();
        conjuncts
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let own = text.get(r.clone()).unwrap_or("");
                if k + 1 < conjuncts.len() {
                    super::distribute::with_shared_head(matcher, own, &last, None, dir_hint)
                } else {
                    super::distribute::with_shared_modifier(matcher, own, &first, None, dir_hint)
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    // Conjuncts only when each names an indicator (研究与试验发展 is one name).
    let subjects = if subjects.len() >= 2
        && subjects
            .iter()
            .all(|s| matcher.resolve(s, None, dir_hint).is_some())
    {
        subjects
    } else {
        vec![text.get(subject_rng).unwrap_or("").to_string()]
    };
    // A rate of change (`居民收入增速高于经济增速`, `进出口总额保持正增长`) is measured in percent:
    // the hint picks the change, not the level.
    let signed = SIGNED_GROWTH.iter().any(|w| find(predicate, w).is_some());
    // In step with a growth (与经济增长同步, 与国内生产总值名义增速相匹配), not with a requirement
    // (与…的要求相适应).
    let in_step = figure.comparator == Comparator::InStepWith
        && figure
            .reference
            .as_ref()
            .is_some_and(|r| IN_STEP_GROWTH_WORDS.iter().any(|w| r.text.ends_with(w)));
    for subj in subjects {
        let rate = signed || RATE_NOUNS.iter().any(|w| ends(&subj, w));
        let unit = rate.then_some(&crate::units::Unit::Percent);
        // In step with growth is growth: 居民可支配收入与经济增长同步 and 居民收入实际增长与…
        // name the growth of income, however the subject says it.
        let growth = in_step
            .then(|| in_step_growth(&subj))
            .and_then(|g| matcher.resolve(&g, Some(&crate::units::Unit::Percent), dir_hint));
        if let Some(idx) = growth.or_else(|| matcher.resolve(&subj, unit, dir_hint)) {
            let id = matcher.info(idx).id.clone();
            if !out
                .iter()
                .any(|(i, _, _): &(String, Figure, Range<usize>)| *i == id)
            {
                out.push((id, figure.clone(), quote.clone()));
            }
        }
    }
    out
}

/// The growth a subject in step with another names: its name with the change word it has
/// (`增长`, `实际增长`, `增速`) or, for a level, `增长` after it.
fn in_step_growth(subject: &str) -> String {
    let base = IN_STEP_GROWTH_WORDS
        .iter()
        .find_map(|w| subject.strip_suffix(w))
        .unwrap_or(subject);
    format!(
        "{base}{}",
        IN_STEP_GROWTH_WORDS.last().copied().unwrap_or_default()
    )
}

/// A fallback reading of relational and qualitative predicates.
fn own_figure(p: &str) -> Option<Figure> {
    let mut f = Figure {
        comparator: Comparator::Qualitative,
        value: None,
        lower: None,
        upper: None,
        direction: None,
        reference: None,
        text: p.to_string(),
    };
    if let Some(end) = IN_STEP_ENDS.iter().find(|e| p.ends_with(**e)) {
        let opener = REFERENCE_OPENERS.iter().find(|o| p.starts_with(**o));
        let r = &p[opener.map_or(0, |o| o.len())..p.len() - end.len()];
        let mut r = r;
        while let Some(rest) = IN_STEP_ADVERBS.iter().find_map(|a| r.strip_suffix(a)) {
            r = rest;
        }
        f.comparator = Comparator::InStepWith;
        if !r.is_empty() {
            f.reference = Some(Reference {
                text: r.to_string(),
                indicator: None,
                relation: Relation::Same,
            });
        }
    } else if ["基本平衡", "基本稳定", "稳中有升", "稳中有降"]
        .iter()
        .any(|w| p.ends_with(w))
    {
        f.comparator = Comparator::Qualitative;
    } else if p.contains("下降") || p.contains("缩小") || p.contains("降低") {
        f.comparator = Comparator::DirectionOnly;
        f.direction = Some(Direction::Decrease);
    } else if p.contains("改善") {
        f.comparator = Comparator::DirectionOnly;
        f.direction = Some(Direction::Improve);
    } else if ["提高", "提升", "上升", "增长", "扩大"]
        .iter()
        .any(|w| p.contains(w))
    {
        f.comparator = Comparator::DirectionOnly;
        f.direction = Some(Direction::Increase);
    }
    Some(f)
}
