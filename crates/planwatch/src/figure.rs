//! Reading figures as plans write them: `增长5%左右`, `1200万人以上`, `6%－6.5%`,
//! `与经济增长同步`, `基本平衡`, `继续下降`, `超过2.2万亿元`.
//!
//! [`parse_target`] reads the phrase of a target; [`parse_figure`] reads the phrase of an outcome.
//! Both share one grammar, built from the phrasing of plan reports and government work reports,
//! not from any one document; its words are those of the crate's lexicon, which the extractor
//! ([`mod@crate::extract`]) reads too:
//!
//! ```text
//! figure   := qualitative
//!           | lead* relation
//!           | lead* amount [sep amount] suffix* ["安排"]
//!           | lead* direction            (direction-only)
//! lead     := comparator word | direction word | adverb | 控制在 | 保持在 | 按 | 达到 | 为 | 比上年 | 同比
//!           | 在 | 确保 | 争取 | 完成 | base 的 …
//! tail     := ，… 争取更好结果           (an aspiration: ignored)
//! amount   := ["-"] numeral [unit]       (numeral and unit as in crate::numerals, crate::units)
//! sep      := - | － | ～ | ~ | 〜 | – | — | ‐ | 至 | 到
//! suffix   := 左右 | 上下 | 以上 | 之上 | 及以上 | 以内 | 之内 | 以下 | 及以下 | 有余
//! ```
//!
//! # Comparators
//!
//! | written | comparator |
//! |---------|------------|
//! | `5%左右`, `约3%`, `大约3%`, `控制在3%左右`, `保持在5.5%左右` | `around` |
//! | `1200万人以上`, `5%及以上`, `不低于3%`, `不少于`, `至少`, `最少` | `at_least` |
//! | `5.5%以内`, `3%以下`, `不超过4.6%`, `不高于`, `至多`, `最多`, `控制在3%`, `控制在3%以内` | `at_most` |
//! | `超过2.2万亿元`, `突破5000亿元`, `高于5%`, `快于`, `逾`, `250余万`, `1600多个`, `5%有余` | `more_than` |
//! | `近3万亿千瓦时`, `接近`, `不到`, `不足`, `低于5%`, `少于`, `慢于` | `less_than` |
//! | `6%－6.5%`, `6%-6.5%`, `6%至6.5%`, `6-6.5%`, `6%～6.5%`, `十几个` | `range` |
//! | `与经济增长同步`, `基本同步`, `与…相适应` | `in_step_with` |
//! | `高于国内生产总值增长`, `快于…`, `低于…`, `慢于…` | `relative` |
//! | `持续改善`, `继续下降`, `稳步提高` | `direction_only` |
//! | `基本平衡`, `保持稳定`, `稳中有升` … (see below) | `qualitative` |
//! | `按3%安排`, `达到3%`, `为3%`, a bare amount | `exact` |
//!
//! A share of a base is its percent (`完成年度计划的102.5%`, `为预算的99.8%`: `exact` 102.5%,
//! no direction); points above or below a named base are the difference in that direction with
//! the base as [`crate::target::Reference`] (`高于全国0.3个百分点`: `exact` 0.3 points,
//! `increase`, reference `全国` `above`). An aspiration after the figure leaves it as stated
//! (`6.5%左右，在实际工作中争取更好结果` is around 6.5%); `在`, `确保`, `争取`, `力争达到` add
//! nothing (`确保3%以上` is at least 3%).
//!
//! A suffix decides over a lead-in that leaves the bound open (`控制在3%左右` is `around`), and a
//! strict lead-in keeps its strictness (`超过5%以上` is `more_than`); contradictory qualifiers
//! (`不超过5%以上`) are an error. Approximate numerals are bounds: `250余万` and `1600多个` are
//! `more_than` the stated number; a numeral with a range of values (`十几个` = 10 to 20, ends
//! excluded in meaning; `数十亿元`) is a `range` between its low and high values. In a range
//! written with one unit (`6-6.5%`, `6-8万人`), the lower end takes the upper end's unit and,
//! if it has none of its own, its magnitude word (`6-8万人` is 6万 to 8万 people).
//!
//! # Directions
//!
//! Increase: 增长, 上涨, 提高, 增加, 多增, 扩大, 上升, 提升, 上调, 上浮, 回升, 攀升, 增, 涨, and the
//! nouns 增速, 增幅, 涨幅, 增长率 (they name an increase amount). Decrease: 下降, 降低, 减少, 回落, 下调,
//! 下浮, 收窄, 收缩, 下跌, 缩小, 下滑, 压减, 压降, 少增, 降, 减, and the nouns 降幅, 下降率. Improve: 改善,
//! 好转, 向好. Stable: 持平, 稳定 (稳定在, 保持在, 维持在 keep a level: the amount is exact). The amount stays positive and the
//! direction says its sign ([`crate::target::Figure::signed_value`]).
//!
//! # Qualitative vocabulary
//!
//! Matched as the whole phrase, after an optional 保持/实现/继续保持/总体/力争 lead-in:
//! 基本平衡, 总体平衡, 收支平衡, 平衡 (no direction); 基本稳定, 总体稳定, 保持稳定, 稳定,
//! 基本持平, 持平, 在合理均衡水平上基本稳定 (stable); 稳中有升, 稳中有增, 合理增长, 稳定增长,
//! 平稳增长, 较快增长 (increase); 稳中有降 (decrease); 稳中向好, 稳中求进 (improve);
//! 合理充裕, 合理均衡, 合理区间, 合理水平, 基本匹配 (no direction).
//!
//! # Errors
//!
//! Every failure is a [`ParseError`] whose span points at the offending text: `empty` for
//! blank input, `too-long` beyond [`MAX_FIGURE_LEN`] bytes, `unexpected-character` for text
//! that is no qualifier or unit (the span covers the unknown text), and the numeral errors of
//! [`crate::numerals`]. An inverted range (`6.5%-6%`) is not a parse error: it parses, and
//! validation reports it (`inverted-range`).
//!
//! ```
//! use planwatch::figure::parse_target;
//! use planwatch::target::{Comparator, Direction};
//! let f = parse_target("增长5%左右").unwrap();
//! assert_eq!((f.comparator, f.direction), (Comparator::Around, Some(Direction::Increase)));
//! assert_eq!(f.value.unwrap().to_string(), "5%");
//! ```

use std::str::FromStr;
use std::sync::LazyLock;

use rust_decimal::Decimal;

use crate::error::{ParseError, ParseErrorKind};
use crate::indicator::Catalogue;
use crate::lexicon::{
    ARRANGE, ASPIRATION_ENDS, BOUNDING_VERBS, DIRECTION_NOUNS, DIRECTION_VERBS, FILLERS,
    IN_STEP_ADVERBS, IN_STEP_ENDS, KEEP_VERBS, POST_COMPARATORS, PRE_COMPARATORS, QUALITATIVE,
    QUALITATIVE_LEADS, RANGE_JOINS, REFERENCE_OPENERS, RELATIONS, SHARE_BASES,
};
use crate::numerals::Approx;
use crate::quantity::Quantity;
use crate::target::{Comparator, Direction, Figure, Reference, Relation};
use crate::trie::Trie;
use crate::units::Unit;

/// Inputs longer than this many bytes are rejected with `too-long` (a figure is a phrase).
///
/// ```
/// use planwatch::figure::{parse_target, MAX_FIGURE_LEN};
/// let long = "5".repeat(MAX_FIGURE_LEN + 1);
/// assert_eq!(parse_target(&long).unwrap_err().code(), "too-long");
/// ```
pub const MAX_FIGURE_LEN: usize = 4096;

/// Reads the phrase of a target: its comparator, quantity or bounds, and direction.
///
/// # Errors
/// A [`ParseError`] with the span of the offending text (see the module docs).
///
/// ```
/// use planwatch::figure::parse_target;
/// use planwatch::target::Comparator;
/// let f = parse_target("1200万人以上").unwrap();
/// assert_eq!(f.comparator, Comparator::AtLeast);
/// assert_eq!(f.value.unwrap().to_string(), "1200万人");
/// assert_eq!(parse_target("控制在3%左右").unwrap().comparator, Comparator::Around);
/// assert_eq!(parse_target("控制在3%").unwrap().comparator, Comparator::AtMost);
/// assert_eq!(parse_target("基本平衡").unwrap().comparator, Comparator::Qualitative);
/// assert_eq!(parse_target("5%左右吧").unwrap_err().span(), 8..11);
/// ```
pub fn parse_target(s: &str) -> Result<Figure, ParseError> {
    parse(s)
}

/// Reads the phrase of an outcome: the same grammar as [`parse_target`], with its qualifiers
/// read as bounds on the achieved value (`超过2.2万亿元` is more than 2.2万亿元, `近3万亿千瓦时`
/// less than 3万亿千瓦时, `250余万` more than 250万).
///
/// # Errors
/// A [`ParseError`] with the span of the offending text.
///
/// ```
/// use planwatch::figure::parse_figure;
/// use planwatch::target::Comparator;
/// let f = parse_figure("近3万亿千瓦时").unwrap();
/// assert_eq!(f.comparator, Comparator::LessThan);
/// assert_eq!(f.value.unwrap().to_string(), "3万亿千瓦时");
/// assert_eq!(parse_figure("250余万").unwrap().comparator, Comparator::MoreThan);
/// ```
pub fn parse_figure(s: &str) -> Result<Figure, ParseError> {
    parse(s)
}

impl FromStr for Figure {
    type Err = ParseError;

    /// Parses with [`parse_figure`].
    ///
    /// ```
    /// use planwatch::target::{Comparator, Figure};
    /// let f: Figure = "6%－6.5%".parse().unwrap();
    /// assert_eq!(f.comparator, Comparator::Range);
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_figure(s)
    }
}

impl Figure {
    /// Fills in the catalogue id of a relational figure's reference when the catalogue knows
    /// its text (by name or alias); returns whether an id is now set.
    ///
    /// ```
    /// use planwatch::figure::parse_target;
    /// use planwatch::indicator::{Catalogue, Desired, Indicator, Measure};
    /// use planwatch::units::Unit;
    /// let cat = Catalogue::new(vec![Indicator {
    ///     id: "gdp_growth".into(), name_zh: "国内生产总值增长".into(), name_en: "GDP growth".into(),
    ///     aliases: vec!["经济增长".into()], category: "growth".into(), attribute: None,
    ///     desired: Desired::HigherBetter, measure: Measure::GrowthRate, unit: Unit::Percent,
    /// }]);
    /// let mut f = parse_target("与经济增长同步").unwrap();
    /// assert!(f.resolve_reference(&cat));
    /// assert_eq!(f.reference.unwrap().indicator.as_deref(), Some("gdp_growth"));
    /// ```
    pub fn resolve_reference(&mut self, catalogue: &Catalogue) -> bool {
        match self.reference.as_mut() {
            Some(r) => {
                if r.indicator.is_none()
                    && let Some(ind) = catalogue.lookup(&r.text)
                {
                    r.indicator = Some(ind.id.clone());
                }
                r.indicator.is_some()
            }
            None => false,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lexicon

/// What a lead-in word contributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// A comparator word (不低于, 超过 …).
    Cmp(Comparator),
    /// 控制在: at most, unless a suffix says otherwise.
    ControlIn,
    /// 保持在 / 稳定在 / 维持在: exact unless a suffix says otherwise.
    KeepAt,
    /// 按 … (安排): exact.
    Arrange,
    /// A direction word.
    Dir(Direction),
    /// Words that change nothing (达到, 为, 比上年, 继续, 持续 …).
    Filler,
}

/// The lead-in words of the lexicon, each with what it contributes, matched longest first:
/// bounding and keeping verbs, comparators, directions (verbs and nouns of change), fillers.
static LEADS: LazyLock<Trie<Lead>> = LazyLock::new(|| {
    let mut t = Trie::forward();
    // A word in two lists keeps its first meaning: 控制在 bounds, 稳定在 keeps a level.
    for w in BOUNDING_VERBS {
        t.insert(w, Lead::ControlIn);
    }
    for w in KEEP_VERBS {
        t.insert(w, Lead::KeepAt);
    }
    t.insert(ARRANGE.0, Lead::Arrange);
    for w in PRE_COMPARATORS.words {
        t.insert(w.text, Lead::Cmp(w.value));
    }
    for w in DIRECTION_VERBS.words.iter().chain(DIRECTION_NOUNS.words) {
        t.insert(w.text, Lead::Dir(w.value));
    }
    for w in FILLERS {
        t.insert(w, Lead::Filler);
    }
    t
});

/// The longest lead-in `s` starts with.
fn lead(s: &str) -> Option<(&str, Lead)> {
    let (lead, len) = LEADS.longest(s)?;
    Some((&s[..len], lead))
}

// ---------------------------------------------------------------------------------------------
// Parser

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '；' | '、' | ',' | ';' | '.' | '”' | '"' | '）' | ')'
    ) || is_space(c)
}

fn starts_with_any<'t>(s: &str, words: &[&'t str]) -> Option<&'t str> {
    words
        .iter()
        .copied()
        .filter(|w| s.starts_with(w))
        .max_by_key(|w| w.len())
}

fn ends_with_any<'t>(s: &str, words: &[&'t str]) -> Option<&'t str> {
    words
        .iter()
        .copied()
        .filter(|w| s.ends_with(w))
        .max_by_key(|w| w.len())
}

/// One amount read from the input: numeral, unit as written, byte span.
struct Amount {
    value: Decimal,
    exponent: i32,
    approx: Approx,
    /// Whether the numeral carried a magnitude word of its own (万, 亿 …).
    unit: Option<(Unit, String)>,
    len: usize,
}

/// Reads `["-"] numeral [unit]` at the start of `s` (the quantity forms of
/// [`crate::quantity::scan_quantity`]: 百分之五, 人民币100亿元, 123元1角1分 …).
fn scan_amount(s: &str) -> Option<Amount> {
    let (negative, sign_len) = match s.chars().next() {
        Some(c @ ('-' | '－' | '−')) => (true, c.len_utf8()),
        _ => (false, 0),
    };
    let rest = s.get(sign_len..)?;
    let q = crate::quantity::scan_quantity_parts(rest)?;
    if q.end == 0 {
        return None;
    }
    let numeral = q.numeral;
    let unit = match q.unit {
        Unit::Number => None,
        u => Some((u, rest.get(q.unit_text.clone()).unwrap_or("").to_string())),
    };
    let value = if negative {
        -numeral.value
    } else {
        numeral.value
    };
    Some(Amount {
        value,
        exponent: numeral.exponent,
        approx: numeral.approx,
        unit,
        len: sign_len + q.end,
    })
}

fn quantity(value: Decimal, exponent: i32, unit: &Option<(Unit, String)>) -> Quantity {
    match unit {
        Some((u, text)) => Quantity::new(value, exponent, u.clone()).with_unit_text(text.clone()),
        None => Quantity::new(value, exponent, Unit::Number),
    }
}

fn err(kind: ParseErrorKind, span: std::ops::Range<usize>, input: &str) -> ParseError {
    ParseError::new(kind, span, input)
}

/// The parser's state over one input.
struct State<'a> {
    input: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> State<'a> {
    fn rest(&self) -> &'a str {
        self.input.get(self.pos..self.end).unwrap_or("")
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        let trimmed = rest.trim_start_matches(is_space);
        self.pos += rest.len() - trimmed.len();
    }

    fn unexpected(&self) -> ParseError {
        // The unknown text runs to the end of the phrase.
        err(
            ParseErrorKind::UnexpectedCharacter,
            self.pos..self.end,
            self.input,
        )
    }
}

fn figure(comparator: Comparator, text: &str) -> Figure {
    Figure {
        comparator,
        value: None,
        lower: None,
        upper: None,
        direction: None,
        reference: None,
        text: text.to_string(),
    }
}

/// Combines a lead-in comparator with a suffix qualifier.
fn combine(lead: Option<Lead>, suffix: Option<Comparator>) -> Option<Comparator> {
    use Comparator::*;
    Some(match (lead, suffix) {
        (None | Some(Lead::KeepAt | Lead::Arrange), None) => Exact,
        (Some(Lead::ControlIn), None) => AtMost,
        (Some(Lead::Cmp(c)), None) => c,
        (None | Some(Lead::KeepAt | Lead::Arrange | Lead::ControlIn), Some(s)) => s,
        (Some(Lead::Cmp(l)), Some(s)) if l == s => s,
        (Some(Lead::Cmp(Around)), Some(s)) => s,
        (Some(Lead::Cmp(MoreThan)), Some(AtLeast)) => MoreThan,
        (Some(Lead::Cmp(LessThan)), Some(AtMost)) => LessThan,
        (Some(Lead::Cmp(AtLeast | MoreThan | AtMost | LessThan)), Some(Around)) => return None,
        (Some(Lead::Cmp(_)), Some(_)) => return None,
        (Some(Lead::Dir(_) | Lead::Filler), s) => s.unwrap_or(Exact),
    })
}

fn parse(input: &str) -> Result<Figure, ParseError> {
    if input.len() > MAX_FIGURE_LEN {
        return Err(err(ParseErrorKind::TooLong, 0..input.len(), input));
    }
    // The phrase proper: surrounding space and trailing punctuation removed.
    let trimmed_end = input.trim_end_matches(is_trailing_punct).len();
    let start = input.len() - input.trim_start_matches(is_space).len();
    if start >= trimmed_end {
        return Err(err(ParseErrorKind::Empty, 0..input.len(), input));
    }
    let phrase = input.get(start..trimmed_end).unwrap_or("");

    if let Some(f) = qualitative(phrase) {
        return Ok(f);
    }

    // 6.5%左右，在实际工作中争取更好结果: the figure is the part before the aspiration.
    let mut end = trimmed_end;
    if ends_with_any(phrase, ASPIRATION_ENDS).is_some()
        && let Some(k) = phrase.rfind(['，', ','])
        && k > 0
    {
        end = start + k;
    }
    let mut st = State {
        input,
        pos: start,
        end,
    };
    let mut lead_cmp: Option<Lead> = None;
    let mut lead_cmp_word = "";
    let mut direction: Option<Direction> = None;
    let mut arrange = false;

    // Lead-ins, until an amount, a relation or the end.
    loop {
        st.skip_space();
        let rest = st.rest();
        if rest.is_empty() || scan_amount(rest).is_some() {
            break;
        }
        if let Some(f) = in_step(rest, phrase) {
            return Ok(Figure { direction, ..f });
        }
        match lead(rest) {
            Some((word, lead)) => {
                match lead {
                    Lead::Dir(d) => direction = Some(d),
                    Lead::Filler => {}
                    Lead::Arrange => {
                        arrange = true;
                        lead_cmp = Some(lead);
                    }
                    Lead::Cmp(_) | Lead::ControlIn | Lead::KeepAt => {
                        if let Some(prev) = lead_cmp
                            && combine_leads(prev, lead).is_none()
                        {
                            return Err(err(
                                ParseErrorKind::UnexpectedCharacter,
                                st.pos..st.pos + word.len(),
                                input,
                            ));
                        }
                        lead_cmp = Some(
                            lead_cmp
                                .and_then(|p| combine_leads(p, lead))
                                .unwrap_or(lead),
                        );
                        lead_cmp_word = word;
                    }
                }
                st.pos += word.len();
            }
            None => {
                // The base of a share: 完成年度计划的102.5%.
                if let Some(base) = starts_with_any(rest, SHARE_BASES)
                    && rest.get(base.len()..).is_some_and(|r| r.starts_with('的'))
                {
                    st.pos += base.len() + '的'.len_utf8();
                    continue;
                }
                // Points above or below a named base: 高于全国0.3个百分点 is a difference of
                // 0.3 points in that direction, with the base as reference.
                if let Some(Lead::Cmp(c @ (Comparator::MoreThan | Comparator::LessThan))) = lead_cmp
                    && RELATIONS.iter().any(|r| r.text == lead_cmp_word)
                    && let Some(k) = rest.find(|ch: char| ch.is_ascii_digit())
                    && k > 0
                    && let Some(inner) = rest.get(k..).and_then(|r| parse(r).ok())
                    && inner.direction.is_none()
                    && inner
                        .value
                        .as_ref()
                        .is_some_and(|q| q.unit() == &Unit::PercentagePoint)
                {
                    let above = c == Comparator::MoreThan;
                    let mut f = inner;
                    f.direction = Some(if above {
                        Direction::Increase
                    } else {
                        Direction::Decrease
                    });
                    f.reference = Some(Reference {
                        text: rest.get(..k).unwrap_or("").trim().to_string(),
                        indicator: None,
                        relation: if above {
                            Relation::Above
                        } else {
                            Relation::Below
                        },
                    });
                    f.text = phrase.to_string();
                    return Ok(f);
                }
                // A reference after 高于/低于/快于/慢于/超过: a relative figure.
                if let Some(Lead::Cmp(c @ (Comparator::MoreThan | Comparator::LessThan))) = lead_cmp
                    && RELATIONS.iter().any(|r| r.text == lead_cmp_word)
                    && !rest.chars().any(|ch| ch.is_ascii_digit())
                {
                    let relation = if c == Comparator::MoreThan {
                        Relation::Above
                    } else {
                        Relation::Below
                    };
                    let mut f = figure(Comparator::Relative, phrase);
                    f.direction = direction;
                    f.reference = Some(Reference {
                        text: rest.to_string(),
                        indicator: None,
                        relation,
                    });
                    return Ok(f);
                }
                return Err(st.unexpected());
            }
        }
    }

    let rest = st.rest();
    if rest.is_empty() {
        // No amount: a direction-only figure, if a direction was given and nothing bounds it.
        return match (direction, lead_cmp) {
            (Some(d), None) => {
                let mut f = figure(Comparator::DirectionOnly, phrase);
                f.direction = Some(d);
                Ok(f)
            }
            _ => Err(err(ParseErrorKind::MissingNumber, st.pos..st.end, input)),
        };
    }

    // The amount, or two for a range.
    let first = scan_amount(rest).ok_or_else(|| st.unexpected())?;
    st.pos += first.len;
    let mut second: Option<Amount> = None;
    {
        let save = st.pos;
        st.skip_space();
        let r = st.rest();
        if let Some(sep) = starts_with_any(r, RANGE_JOINS) {
            let after_sep = r.get(sep.len()..).unwrap_or("");
            let lead_space = after_sep.len() - after_sep.trim_start_matches(is_space).len();
            if let Some(a) = after_sep.get(lead_space..).and_then(scan_amount) {
                st.pos += sep.len() + lead_space + a.len;
                second = Some(a);
            } else {
                st.pos = save;
            }
        } else {
            st.pos = save;
        }
    }
    let amount_end = st.pos;

    // Suffix qualifiers, then 安排 after 按.
    let mut suffix: Option<Comparator> = None;
    let mut suffix_span = amount_end..amount_end;
    loop {
        st.skip_space();
        let r = st.rest();
        if r.is_empty() {
            break;
        }
        if let Some((word, c)) = POST_COMPARATORS.starting(r).map(|w| (w.text, w.value)) {
            if suffix.is_some_and(|s| s != c) {
                return Err(err(
                    ParseErrorKind::UnexpectedCharacter,
                    st.pos..st.pos + word.len(),
                    input,
                ));
            }
            suffix = Some(c);
            suffix_span = st.pos..st.pos + word.len();
            st.pos += word.len();
            continue;
        }
        if arrange && r.starts_with(ARRANGE.1) {
            st.pos += ARRANGE.1.len();
            continue;
        }
        // Text right after a number without a unit: an unknown unit.
        let unitless = second
            .as_ref()
            .map_or(first.unit.is_none(), |a| a.unit.is_none());
        if unitless && st.pos == amount_end {
            return Err(err(ParseErrorKind::UnknownUnit, st.pos..st.end, input));
        }
        return Err(st.unexpected());
    }

    let mut f = figure(Comparator::Exact, phrase);
    f.direction = direction;
    match second {
        Some(hi) => {
            // A written range; a suffix such as 左右 adds nothing to it.
            let (lo_unit, lo_exp) = match (&first.unit, &hi.unit) {
                (None, Some(_)) if first.exponent == 0 => (hi.unit.clone(), hi.exponent),
                (None, Some(_)) => (hi.unit.clone(), first.exponent),
                _ => (first.unit.clone(), first.exponent),
            };
            f.comparator = Comparator::Range;
            f.lower = Some(quantity(first.value, lo_exp, &lo_unit));
            f.upper = Some(quantity(hi.value, hi.exponent, &hi.unit));
        }
        None => {
            let comparator = combine(lead_cmp, suffix).ok_or_else(|| {
                err(
                    ParseErrorKind::UnexpectedCharacter,
                    suffix_span.clone(),
                    input,
                )
            })?;
            match first.approx {
                Approx::Exact => {
                    f.comparator = comparator;
                    let mut value = first.value;
                    // A negative change is a change the other way: 增长-2.1% is a fall of 2.1%
                    // (signed_value gives back -2.1%).
                    if value.is_sign_negative()
                        && !value.is_zero()
                        && let Some(d @ (Direction::Increase | Direction::Decrease)) = f.direction
                    {
                        value = -value;
                        f.direction = Some(match d {
                            Direction::Increase => Direction::Decrease,
                            _ => Direction::Increase,
                        });
                    }
                    f.value = Some(quantity(value, first.exponent, &first.unit));
                }
                Approx::MoreThan => {
                    f.comparator = match comparator {
                        Comparator::Exact | Comparator::Around | Comparator::AtLeast => {
                            Comparator::MoreThan
                        }
                        other => other,
                    };
                    f.value = Some(quantity(first.value, first.exponent, &first.unit));
                }
                Approx::Between { high } => {
                    if comparator == Comparator::Exact {
                        f.comparator = Comparator::Range;
                        f.lower = Some(quantity(first.value, first.exponent, &first.unit));
                        f.upper = Some(quantity(high, first.exponent, &first.unit));
                    } else {
                        f.comparator = comparator;
                        f.value = Some(quantity(first.value, first.exponent, &first.unit));
                    }
                }
            }
        }
    }
    Ok(f)
}

/// Two comparator lead-ins in a row (`控制在不超过3%`): their combination, or `None` when they
/// contradict each other.
fn combine_leads(prev: Lead, next: Lead) -> Option<Lead> {
    match (prev, next) {
        (a, b) if a == b => Some(a),
        (Lead::ControlIn | Lead::KeepAt, b) => Some(b),
        (a, Lead::ControlIn | Lead::KeepAt) => Some(a),
        (Lead::Cmp(Comparator::Around), b) | (b, Lead::Cmp(Comparator::Around)) => Some(b),
        _ => None,
    }
}

/// The qualitative state a phrase names (its vocabulary entry, lead-ins such as 保持 dropped),
/// with the direction it implies.
fn qualitative_entry(phrase: &str) -> Option<(&'static str, Option<Direction>)> {
    let mut core = phrase.trim_matches(is_trailing_punct);
    while let Some(lead) = starts_with_any(core, QUALITATIVE_LEADS) {
        let rest = core.get(lead.len()..).unwrap_or("");
        if rest.is_empty() {
            break;
        }
        core = rest;
    }
    QUALITATIVE.iter().find(|(w, _)| *w == core).copied()
}

/// The vocabulary entry of a qualitative phrase: `保持基本平衡` and `基本平衡` both give
/// `基本平衡`. Used to match a qualitative outcome with its target.
pub(crate) fn qualitative_state(phrase: &str) -> Option<&'static str> {
    qualitative_entry(phrase).map(|(w, _)| w)
}

/// A whole-phrase qualitative state.
fn qualitative(phrase: &str) -> Option<Figure> {
    let (_, direction) = qualitative_entry(phrase)?;
    let mut f = figure(Comparator::Qualitative, phrase);
    f.direction = direction;
    Some(f)
}

/// An in-step figure: `与经济增长同步`, `与经济增长基本同步`, `基本同步`, `同步`.
fn in_step(rest: &str, phrase: &str) -> Option<Figure> {
    let end = ends_with_any(rest, IN_STEP_ENDS)?;
    let mut head = rest.get(..rest.len() - end.len())?;
    while let Some(adv) = IN_STEP_ADVERBS.iter().find(|a| head.ends_with(*a)) {
        head = head.get(..head.len() - adv.len())?;
    }
    let reference = if head.is_empty() {
        None
    } else {
        let opener = starts_with_any(head, REFERENCE_OPENERS)?;
        let text = head.get(opener.len()..)?.trim_matches(is_space);
        if text.is_empty() || text.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        Some(Reference {
            text: text.to_string(),
            indicator: None,
            relation: Relation::Same,
        })
    };
    let mut f = figure(Comparator::InStepWith, phrase);
    f.reference = reference;
    Some(f)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn combine_table() {
        use Comparator::*;
        assert_eq!(combine(Some(Lead::ControlIn), Some(Around)), Some(Around));
        assert_eq!(combine(Some(Lead::ControlIn), None), Some(AtMost));
        assert_eq!(combine(Some(Lead::Cmp(AtMost)), Some(AtLeast)), None);
        assert_eq!(
            combine(Some(Lead::Cmp(MoreThan)), Some(AtLeast)),
            Some(MoreThan)
        );
        assert_eq!(combine(None, None), Some(Exact));
    }

    #[test]
    fn qualitative_vocabulary() {
        let f = qualitative("保持基本平衡").unwrap();
        assert_eq!((f.comparator, f.direction), (Comparator::Qualitative, None));
        let f = qualitative("稳中有升").unwrap();
        assert_eq!(f.direction, Some(Direction::Increase));
        assert!(qualitative("保持").is_none());
    }
}
