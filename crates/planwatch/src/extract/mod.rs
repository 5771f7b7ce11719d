//! Figures, targets and outcomes read from report text.
//!
//! [`crate::extract()`] finds every number-with-unit of running Chinese text and returns it as a
//! [`Mention`]: its exact span, the figure (comparator or bound, quantity or range, direction of
//! change), the subject phrase it measures, the catalogue indicator, the year it speaks of and
//! whether it is a target, an outcome or neither. [`extract_document`] builds on the mentions
//! and returns a document's targets (including the relational and qualitative headline targets
//! such as `居民收入增长与经济增长同步` and `国际收支基本平衡`) and outcomes as typed records with
//! provenance.
//!
//! ```
//! use planwatch::extract;
//! use planwatch::extract::MentionKind;
//! use planwatch::target::{Comparator, Direction};
//! let text = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。";
//! let ms = extract(text);
//! assert_eq!(ms.len(), 2);
//! assert_eq!(ms[0].text, "5%左右");
//! assert_eq!(ms[0].figure.comparator, Comparator::Around);
//! assert_eq!(ms[0].figure.direction, Some(Direction::Increase));
//! assert_eq!(ms[0].subject.as_deref(), Some("国内生产总值"));
//! assert_eq!(ms[0].indicator.as_deref(), Some("gdp_growth"));
//! assert_eq!(ms[1].figure.value.as_ref().unwrap().to_string(), "1200万人");
//! assert_eq!(ms[1].kind, MentionKind::Target);
//! ```
//!
//! # The phases
//!
//! A document is read in phases, each over what the earlier ones found; the text is scanned
//! once, and every phase is linear in it.
//!
//! 1. **Scan** (`scan`): one byte-level pass finds the numbers with their units, the years and
//!    plan names, the headings and the `——` items, each with its clause and sentence.
//! 2. **Structure** (`structure`, `years`): computed once per document and shared — the
//!    headings and the sections the numbered parts open, the items, the document's years (given,
//!    or read from its opening lines), whether it is a communiqué; a paragraph's opening words
//!    set its section as the walk reaches it.
//! 3. **Bounds** (`bounds`): a number becomes a figure — a range, comparators before and after
//!    it, a share of a base.
//! 4. **Subject** (`subject`): walking back from the figure over its verb of change, links and
//!    attached years to the noun phrase it measures, and the catalogue indicator that phrase names.
//! 5. **Classify** (`classify`): the figure's year and basis, and its kind, from its own cues, its
//!    section and its sentence.
//! 6. **Distribute** (`distribute`): over the mentions of the text, distributive lists, shared
//!    units, heads and modifiers, elided numerators.
//! 7. **Records** (`records`): for a document, the headline lists and the statements without
//!    figures, and the typed targets and outcomes with provenance.
//!
//! The words of every phase are those of the crate's lexicon, which the phrase parser
//! ([`crate::figure`]) reads too.
//!
//! # The grammar
//!
//! * **Triggers.** A byte-level pass stops only at ASCII and full-width digits, Chinese numeral
//!   characters (`一` … `十`, `〇`, `两`, the financial forms) and `百分之`; everything else is
//!   skipped without decoding more than a lead byte. Each number is read with
//!   [`crate::numerals::scan_numeral`] and its unit with [`crate::units::scan_unit`].
//! * **Not figures.** Years used as dates (`2023年`, `2023年末`, `2021－2035年`, `二〇二三年`),
//!   months and days (`3月5日`), tenors (`1年期`), plan names (`十四五`), ordinals (`第三届`,
//!   `第14`), names (`二十大`, `二十届二中全会`, `C919`, `5G`), list markers (`一是`, `一、`,
//!   `（一）`, `1.`), article counts in a clause naming a law (`《…法》共7编1260条`), and Chinese
//!   numerals with a bare classifier (`两个确立`, `八项行动`, `三年`): official prose uses them as
//!   wording. `成` counts tenths (`七成以上` = 70% or more) only after a number up to ten and
//!   before a word boundary: `一成不变`, `统一成本`, `成为`, `八成新` are words. Durations are figures of kind [`MentionKind::Other`]: `连续9年` is nine years, not
//!   a year.
//! * **Figure.** Ranges (`6%－6.5%`, `6.5%-7%`, `6.5%—7%`, `5.5%~6%`, `6至6.5%`); bounds after
//!   (`左右`, `以上`, `以内`, `以下`; one space may precede them: `5% 左右`) and before (`超过`, `近`, `约`, `不低于`, `不超过`, `控制在` …) the number; `余`/`多`
//!   from the numeral. The span covers the qualifiers, not the verb: `超过2.2万亿元`, `5%左右`.
//! * **Direction.** The verb of change before the amount (`增长`, `下降`, `回落`, `上调` …) or the
//!   noun ending the subject (`涨幅`, `增速`, `降幅`). A change to a level (`提高至46.6%`) has no
//!   direction: the figure is the level.
//! * **Subject.** The noun phrase before the figure within its clause, after skipping linking
//!   words (`达到`, `为`, `分别`, `比上年`, `同比` …), qualifiers, attached years and comparison
//!   bases (`比2023年年初预算`); leading time words (`全年`, `2023年末`, `截至`, `其中`) are
//!   context, not subject, and so is a span of years (`两年平均增长`). A clause with no subject
//!   of its own (`，增长5.2%`) continues the previous figure's. A governing verb
//!   (`增发1万亿元国债`) takes the noun after the figure (never a `目标`). A sentence opened by a
//!   label naming an indicator (`城镇新增就业：预期目标…，执行结果…`) or by `关于X：` has it as
//!   topic. Points above or below a named base (`增速高于全省0.7个百分点`) are a difference in
//!   that direction, with the base as the figure's reference; at a clause start
//!   (`，高于全国0.6个百分点`) the subject is the previous figure's, and such a difference is no
//!   value of the subject's indicator. A share of a base (`完成年度计划的102.5%`, `为预算的99.8%`,
//!   `恢复到2019年的112%`, `增长到原来的1.5倍`) keeps the subject of its clause or sentence, its
//!   base is neither subject nor year, and it has no indicator. Leading verbs and modals
//!   (`拟安排`, `接待`) and list markers (`（1）`, `2.`, `3、`) are not part of the subject. A
//!   count after a relative clause counts the noun after it (`纲要确定的20个主要指标中` →
//!   `主要指标`): counts with a classifier are figures, never list markers or ordinals.
//! * **Distribution.** `A、B和C分别增长x、y和z` gives each figure its conjunct (sharing the head
//!   noun where the catalogue knows the composed name: `基本养老、失业、工伤保险参保人数`);
//!   elided units are shared backward (`分别下降0.2个和0.1个百分点`); a group opening its clause
//!   (`，分别增长6%和18%`) takes the subjects of the previous figures. `城乡X` over two figures is
//!   `城镇X` then `农村X`; a later conjunct shares the first one's modifier where the catalogue
//!   knows the result (`单位国内生产总值能源消耗和二氧化碳排放`).
//! * **Year.** A year attached to the figure (`由2023年的“1200万人左右”`), else the nearest
//!   non-comparative year before it in its clause, then its sentence, else the year of the
//!   report section (`一、2023年…执行情况`, `二、2024年…`). Relative years resolve against the
//!   document's years ([`Extractor::with_plan_year`], [`Extractor::for_document`], or the
//!   opening lines before the first sentence, wherever a source line, date or menu puts them:
//!   a title such as `2025年政府工作报告`, else a byline such as
//!   `——2024年3月5日在第十四届全国人民代表大会第二次会议上`, whose year is the plan year): `今年` is the plan year, `去年`, `上年`, `过去一年` the
//!   outcome year (not after `比`, `较`), and a paragraph opened by `过去一年，` reviews the
//!   outcome year. Without document years they stay unresolved. `年末`/`年底` give a year-end basis,
//!   `平均` an average; `十四五` a plan period; `十三五末` its last year; a span of years
//!   (`2021—2023年`) its first and last year (`年均` over it an average). `过去五年，` opens a
//!   review of a span: outcomes with no single year.
//! * **Kind.** Target cues (`目标`, `预期目标`, `力争`, `拟`, `的预期目标` after the figure) make a
//!   target, result cues (`执行结果`, `实际完成`) an outcome; otherwise the section decides
//!   (review → outcome, plan → target, with figures of an earlier year in the plan section as
//!   outcomes; a `（二）…主要目标` heading outside numbered parts opens a plan section); outside
//!   sections, a paragraph whose first sentence introduces a list (`主要预期目标是：`) is
//!   targets to its end, and target cues (not `预期` as a comparison: `符合预期`, `好于预期`;
//!   `的年度目标` after the figure is one) or outcome cues (`全年`, `年末`, `比上年`, `实现`, `累计` …) in the
//!   sentence, else other. Durations are other unless they measure an indicator
//!   (`平均受教育年限提高到11.3年`) or change (`人均预期寿命提高1岁`).
//! * **Indicator.** The catalogue name ending nearest the figure that fits its unit; a change
//!   of a level (`增长5.2%`, `比上年增加1.6万亿元`) is the indicator's growth or change
//!   (`…增长`, `…比上年增加`), the whole phrase taking the suffix before a shorter name inside it
//!   (`规模以上工业增加值` → `规模以上工业增加值增长`), never a name followed by a share head
//!   (`工业增加值占…比重`).
//! * **Statements.** Clauses without figures state targets and outcomes too: a predicate at the
//!   end (`与经济增长同步`, `和经济增长同步`, `保持基本平衡`, `持续改善`), a relation
//!   (`全员劳动生产率增长高于国内生产总值增长`), a verb of change after a subject naming an
//!   indicator (`推动社会综合融资成本下降`, `受出口增速回落、…等影响`), or a verb before objects
//!   that all name indicators (`稳定粮食播种面积`, `适度提高…最低标准、…标准`). A `——` item
//!   whose first sentence states nothing is a title (`——经济发展取得新成效。`): its list is the
//!   rest of its paragraph, and a plan period in the heading (`十四五`) is the targets' period.
//!   The headline list is the one a sentence introduces (`主要预期目标是：`, continued by later
//!   sentences of its paragraph that open with an indicator), else the items or first sentence
//!   under a heading naming it (`（二）主要预期目标`, `二、2018年…主要目标`); numbered lines
//!   (`（1）`, `2.`) are items.
//!
//! * **Line breaks.** A line break ends a paragraph (nothing after it decides the kind of a
//!   figure before it), unless it is a soft wrap of text copied
//!   from a PDF (`城镇新增就\n业1244万人`): a single break between a Chinese character or digit
//!   and another, ending a line of at least 16 characters that holds clause punctuation, where
//!   neither line opens with a heading or list marker. Soft wraps are read as if absent; spans
//!   are in the text as given (a subject's span covers the break, its phrase does not).
//! * **Communiqués.** A document whose title (among its opening lines) names a statistical communiqué
//!   (`2024年国民经济和社会发展统计公报`) reports that year's outcomes throughout, `其中`
//!   breakdowns included.
//! * **Elided numerators.** A share clause with no numerator of its own
//!   (`…分别增长7.7%、8.9%，占规模以上工业增加值比重分别为34.6%和16.3%`) measures the amounts
//!   just before it in its sentence (`装备制造业增加值占规模以上工业增加值比重`); a level stated
//!   before its change (`比重为56.7%，比上年提高0.4个百分点`) is an outcome with it. A change
//!   that meets a task set elsewhere (`能耗下降完成国家下达任务`) is a qualitative target: a quota set from above.
//!
//! Limits: a wrap after a short line or inside a heading still ends the paragraph; a per-person
//! amount (`21.6万元/人`) is read as its currency; an amount in dollars does not take an
//! indicator kept in yuan.

mod bounds;
mod classify;
mod context;
mod distribute;
mod matcher;
mod mention;
mod records;
mod scan;
mod structure;
mod subject;
mod wrap;
mod years;

use crate::document::Document;
use crate::indicator::Catalogue;
use crate::lexicon;
use structure::Doc;
use years::Years;

pub use mention::{Mention, MentionKind};
pub use records::{Extraction, extract_document, extract_for};
pub use wrap::{GivenChars, Unwrapped};

use std::borrow::Cow;

/// A reusable extractor: a catalogue compiled for matching subjects.
///
/// ```
/// use planwatch::extract::Extractor;
/// use planwatch::indicator::Catalogue;
/// let ex = Extractor::new(planwatch::builtin::catalogue());
/// let ms = ex.mentions("年末外汇储备规模为32379.77亿美元。");
/// assert_eq!(ms[0].indicator.as_deref(), Some("fx_reserves"));
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    matcher: matcher::Matcher,
    years: Years,
}

impl Extractor {
    /// Compiles `catalogue` for extraction.
    ///
    /// ```
    /// use planwatch::extract::Extractor;
    /// use planwatch::indicator::Catalogue;
    /// let builtin = planwatch::builtin::catalogue();
    /// let only_grain = Catalogue::new(vec![builtin.get("grain_output").unwrap().clone()]);
    /// let text = "粮食产量1.3万亿斤以上，城镇新增就业1200万人以上。";
    /// let ids = |ex: &Extractor| -> Vec<Option<String>> {
    ///     ex.mentions(text).into_iter().map(|m| m.indicator).collect()
    /// };
    /// assert_eq!(ids(&Extractor::new(&only_grain)), [Some("grain_output".to_string()), None]);
    /// assert_eq!(
    ///     ids(&Extractor::new(&builtin)),
    ///     [Some("grain_output".to_string()), Some("urban_new_jobs".to_string())]
    /// );
    /// ```
    pub fn new(catalogue: &Catalogue) -> Self {
        Extractor {
            matcher: matcher::Matcher::new(catalogue),
            years: Years::default(),
        }
    }

    /// The same extractor for a document whose plan year is `year`: `今年` resolves to it, and
    /// `去年`, `上年` and `过去一年` to the year before (unless [`Extractor::with_outcome_year`]
    /// says otherwise). Without it, the year is read from an opening title line naming it
    /// (`2025年政府工作报告`, `关于2024年…执行情况与2025年…计划草案的报告`), else left unresolved.
    ///
    /// ```
    /// let ex = planwatch::extract::Extractor::new(planwatch::builtin::catalogue())
    ///     .with_plan_year(2024);
    /// let ms = ex.mentions("过去一年，国内生产总值增长5.2%。今年国内生产总值预期增长5%左右。");
    /// assert_eq!((ms[0].year, ms[1].year), (Some(2023), Some(2024)));
    /// ```
    pub fn with_plan_year(mut self, year: i32) -> Self {
        self.years.plan = Some(year);
        if self.years.outcome.is_none() {
            self.years.outcome = year.checked_sub(1);
        }
        self
    }

    /// The same extractor for a document whose outcome year (`去年`, `过去一年`) is `year`.
    ///
    /// ```
    /// let ex = planwatch::extract::Extractor::new(planwatch::builtin::catalogue())
    ///     .with_outcome_year(2019);
    /// assert_eq!(ex.mentions("去年城镇新增就业1352万人。")[0].year, Some(2019));
    /// ```
    pub fn with_outcome_year(mut self, year: i32) -> Self {
        self.years.outcome = Some(year);
        self
    }

    /// The same extractor with the plan and outcome years of `doc` (those it has).
    ///
    /// ```
    /// let doc = planwatch::builtin::document();
    /// let ex = planwatch::extract::Extractor::new(planwatch::builtin::catalogue())
    ///     .for_document(&doc);
    /// assert_eq!(ex.mentions("今年粮食产量目标1.3万亿斤以上")[0].year, Some(2024));
    /// ```
    pub fn for_document(mut self, doc: &Document) -> Self {
        if let Some(y) = doc.outcome_year {
            self.years.outcome = Some(y);
        }
        if let Some(y) = doc.plan_year {
            self = self.with_plan_year(y);
        }
        self
    }

    /// Every mention of `text`, in text order.
    ///
    /// ```
    /// let ex = planwatch::extract::Extractor::new(planwatch::builtin::catalogue());
    /// assert_eq!(ex.mentions("粮食产量1.3万亿斤以上").len(), 1);
    /// ```
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        if let Some(j) = wrap::join(text) {
            let given = |r: std::ops::Range<usize>| text.get(r).map(Cow::Borrowed);
            return context::mentions(&Doc::new(j.text(), &self.matcher, self.years))
                .into_iter()
                .map(|f| j.mention(&given, f.mention))
                .collect();
        }
        context::mentions(&Doc::new(text, &self.matcher, self.years))
            .into_iter()
            .map(|f| f.mention)
            .collect()
    }

    /// Every mention of the text `u` was made from, in text order: [`Extractor::mentions`] of
    /// it, read from `u` alone, so that the text as given need not be held beside its joined
    /// copy.
    ///
    /// ```
    /// use planwatch::extract::Unwrapped;
    /// let ex = planwatch::builtin::extractor();
    /// let given = "今年，我们要坚持稳中求进工作总基调，全年城镇新增就\n业1200万人以上。";
    /// let ms = ex.mentions_unwrapped(&Unwrapped::new(given.to_string()));
    /// assert_eq!(ms, ex.mentions(given));
    /// assert_eq!((ms[0].subject.as_deref(), ms[0].subject_span.clone()), (Some("城镇新增就业"), Some(60..79)));
    /// ```
    pub fn mentions_unwrapped(&self, u: &Unwrapped) -> Vec<Mention> {
        let found = context::mentions(&Doc::new(u.text(), &self.matcher, self.years));
        if !u.joined() {
            return found.into_iter().map(|f| f.mention).collect();
        }
        let given = |r: std::ops::Range<usize>| u.given(r);
        found
            .into_iter()
            .map(|f| u.mention(&given, f.mention))
            .collect()
    }

    /// The targets and outcomes of a document (see [`extract_document`]).
    ///
    /// ```
    /// let ex = planwatch::extract::Extractor::new(planwatch::builtin::catalogue());
    /// let x = ex.document("二、2024年主要预期目标 国内生产总值增长5%左右。", "doc");
    /// assert_eq!(x.targets[0].indicator, "gdp_growth");
    /// ```
    pub fn document(&self, text: &str, doc_id: &str) -> Extraction {
        if let Some(j) = wrap::join(text) {
            let x = records::build(j.text(), doc_id, &self.matcher, self.years);
            let given = |r: std::ops::Range<usize>| text.get(r).map(Cow::Borrowed);
            return j.extraction(&given, x);
        }
        records::build(text, doc_id, &self.matcher, self.years)
    }

    /// The targets and outcomes of the document `u` was made from: [`Extractor::document`] of
    /// it, read from `u` alone, so that the text as given need not be held beside its joined
    /// copy.
    ///
    /// ```
    /// use planwatch::extract::Unwrapped;
    /// let ex = planwatch::builtin::extractor();
    /// let given = "2024年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就\n业1200万人以上。";
    /// let x = ex.document_unwrapped(&Unwrapped::new(given.to_string()), "doc");
    /// assert_eq!(x, ex.document(given, "doc"));
    /// let quote = &x.targets[1].provenance.as_ref().unwrap().quote;
    /// assert_eq!((x.targets[1].indicator.as_str(), quote.as_str()), ("urban_new_jobs", "城镇新增就\n业1200万人以上"));
    /// ```
    pub fn document_unwrapped(&self, u: &Unwrapped, doc_id: &str) -> Extraction {
        let x = records::build(u.text(), doc_id, &self.matcher, self.years);
        if !u.joined() {
            return x;
        }
        let given = |r: std::ops::Range<usize>| u.given(r);
        u.extraction(&given, x)
    }
}

/// Every mention of `text`, with indicators from `catalogue`. To extract many texts with one
/// catalogue, build an [`Extractor`] once.
///
/// ```
/// use planwatch::indicator::Catalogue;
/// let ms = planwatch::extract::extract_with("城镇新增就业1244万人", &Catalogue::default());
/// assert_eq!((ms[0].subject.as_deref(), ms[0].indicator.as_deref()), (Some("城镇新增就业"), None));
/// ```
pub fn extract_with(text: &str, catalogue: &Catalogue) -> Vec<Mention> {
    Extractor::new(catalogue).mentions(text)
}

/// The provincial-level division a report is of, read from its opening lines (title, byline,
/// source line): the first full name one of them gives (`——2025年1月15日在吉林省第十四届人民代表
/// 大会第四次会议上`), else the short name a title puts before `政府工作报告`
/// (`2025年广西政府工作报告`). `None` for a national report or a text that names none.
///
/// ```
/// use planwatch::extract::jurisdiction_of;
/// let text = "2025年广西政府工作报告\n来源：广西日报\n各位代表：\n现在，我代表自治区人民政府。";
/// assert_eq!(jurisdiction_of(text).map(|j| j.code), Some("450000"));
/// let byline = "政府工作报告\n——2025年1月15日在吉林省第十四届人民代表大会第四次会议上\n各位代表：";
/// assert_eq!(jurisdiction_of(byline).map(|j| j.code), Some("220000"));
/// assert_eq!(jurisdiction_of("政府工作报告\n——2025年3月5日在第十四届全国人民代表大会第三次会议上\n"), None);
/// // Running text is no opening line: a province it names is not the report's.
/// assert_eq!(jurisdiction_of("各位代表：今年，吉林省经济增长5%。"), None);
/// ```
pub fn jurisdiction_of(text: &str) -> Option<&'static crate::jurisdiction::Jurisdiction> {
    use crate::jurisdiction::Jurisdiction;
    let lines: Vec<&str> = years::opening_lines(text).collect();
    lines
        .iter()
        .find_map(|l| Jurisdiction::named_in(l))
        .or_else(|| {
            lines.iter().find_map(|l| {
                let head = l
                    .split("政府工作报告")
                    .next()
                    .filter(|h| h.len() < l.len())?;
                let head = head.trim_end_matches(['省', '市']);
                Jurisdiction::provinces()
                    .find(|j| head.ends_with(j.short_zh) || head.ends_with(j.name_zh))
            })
        })
}
