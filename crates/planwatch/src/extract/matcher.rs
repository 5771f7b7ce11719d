//! Indicator names compiled for matching inside short subject phrases.

use std::collections::HashMap;

use crate::indicator::{Catalogue, Measure};
use crate::lexicon::{
    DECREASE_SUFFIXES, INCREASE_SUFFIXES, LEADING_TIME, LEADING_VERBS, NAME_JOINS, NAME_LEADS,
    OBJECT_VERBS, OUTPUT, SHARE_HEADS, SHARE_OF, SPAN_SINCE, SUBJECT_OPENERS, SUBJECT_SCOPES,
};
use crate::target::Direction;
use crate::trie::{Node, Trie};
use crate::units::Unit;

/// What the matcher keeps of an indicator.
#[derive(Clone, Debug)]
pub(crate) struct Info {
    pub id: String,
    /// Every name and alias.
    pub names: Vec<String>,
    pub unit: Unit,
    pub measure: Measure,
}

/// A character trie of every indicator name and alias (each with the first indicator that
/// has it), which is also the exact-name table.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    trie: Trie<u32>,
    infos: Vec<Info>,
    ids: HashMap<String, u32>,
    /// The products whose output an indicator counts, by the name before `产量` (钢 of 钢产量):
    /// a subject that is just the product names its output (`钢三千九百万吨`, `原煤增长１７％`).
    products: HashMap<String, u32>,
    /// The indicators of a share of GDP, by the indicator of what they measure the share of
    /// (`rd_expenditure` → `rd_intensity`, read from `研发经费与国内生产总值之比`), however the
    /// text writes the share (`研究与试验发展经费支出占国内生产总值比重`, `…与国内生产总值之比`,
    /// `服务业在国内生产总值中的比重`, `…相当于全市生产总值的比例`).
    gdp_shares: HashMap<u32, u32>,
}

/// The change suffixes to try for a figure's direction, in order, each with whether only signed
/// indicators (growth rates, changes) may answer: the suffixes of the figure's own direction
/// first, then those of the opposite one, whose indicators take the figure as a negative value.
fn suffix_lists(direction: Option<Direction>) -> [(&'static [&'static str], bool); 2] {
    match direction {
        Some(Direction::Decrease) => [(DECREASE_SUFFIXES, false), (INCREASE_SUFFIXES, true)],
        Some(Direction::Increase) => [(INCREASE_SUFFIXES, false), (DECREASE_SUFFIXES, true)],
        None => [(INCREASE_SUFFIXES, false), (&[], false)],
        _ => [(&[], false), (&[], false)],
    }
}

/// Words after a name that make it one example of a larger whole (`超长期特别国债等各类资金`).
const AGGREGATES: &[char] = &['等'];

/// Whether the name at `start..end` of `subject` is a whole term there: a name written in Latin
/// letters or digits (`M2`) does not continue a longer one (`PM2.5`).
fn whole_term(subject: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '.';
    let name = &subject[start..end];
    let before = subject[..start].chars().next_back();
    let after = subject[end..].chars().next();
    let edge_ok = |edge: Option<char>, inner: Option<char>| {
        !(edge.is_some_and(word) && inner.is_some_and(|c| c.is_ascii_alphanumeric()))
    };
    edge_ok(before, name.chars().next()) && edge_ok(after, name.chars().next_back())
}

/// Whether the words just before a name in its subject phrase make it a part or a kind of what
/// the name says (`海洋`生产总值, `能源`工业增加值, `中央`财政赤字, `项目`民间投资): a word
/// joined to the name that is not a scope (全省, 我国, 地方, a jurisdiction's name), a time
/// (`2024年`, `今年`), a verb or adverb leading to it (预计, 提出了, 再), a function word (的,
/// 和) or a word of all (`各部门`).
fn names_a_part(before: &str) -> bool {
    let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    // A blank between words ends the phrase before the name (`主要预期目标 国内生产总值`).
    if before.ends_with(crate::extract::years::is_blank) {
        return false;
    }
    let mut r = before;
    loop {
        let Some(last) = r.chars().next_back() else {
            return false;
        };
        if !cjk(last) || last == '年' || NAME_JOINS.contains(&last) {
            return false;
        }
        if ends_with_any(r, SPAN_SINCE).is_some() {
            return false;
        }
        if let Some(w) = ends_with_any(r, SUBJECT_SCOPES).or_else(|| {
            crate::jurisdiction::Jurisdiction::all()
                .iter()
                .flat_map(|j| [j.name_zh, j.short_zh])
                .filter(|n| r.ends_with(n))
                .max_by_key(|n| n.len())
        }) {
            r = &r[..r.len() - w.len()];
            continue;
        }
        let tail: String = r.chars().rev().take(3).collect();
        let all = tail.contains('各');
        let led = [
            NAME_LEADS,
            LEADING_VERBS,
            OBJECT_VERBS,
            LEADING_TIME,
            SUBJECT_OPENERS,
        ]
        .iter()
        .any(|list| ends_with_any(r, list).is_some());
        return !(all || led);
    }
}

/// The longest word of `words` that `s` ends with.
fn ends_with_any(s: &str, words: &[&'static str]) -> Option<&'static str> {
    words
        .iter()
        .copied()
        .filter(|w| s.ends_with(w))
        .max_by_key(|w| w.len())
}

impl Matcher {
    pub fn new(catalogue: &Catalogue) -> Self {
        let mut m = Matcher {
            trie: Trie::forward(),
            infos: Vec::new(),
            ids: HashMap::new(),
            products: HashMap::new(),
            gdp_shares: HashMap::new(),
        };
        for ind in catalogue.iter() {
            let idx = m.infos.len() as u32;
            m.ids.insert(ind.id.clone(), idx);
            m.infos.push(Info {
                id: ind.id.clone(),
                names: ind.names().map(str::to_string).collect(),
                unit: ind.unit.clone(),
                measure: ind.measure,
            });
            for name in ind.names() {
                if name.is_empty() {
                    continue;
                }
                m.trie.insert(name, idx);
            }
            if let Some(product) = ind.name_zh.strip_suffix(OUTPUT).filter(|p| !p.is_empty()) {
                m.products.entry(product.to_string()).or_insert(idx);
            }
        }
        // A product that is itself an indicator's name is that indicator.
        let Matcher { trie, products, .. } = &mut m;
        products.retain(|p, _| {
            trie.follow(trie.root(), p)
                .and_then(|n| trie.value(n))
                .is_none()
        });
        let mut shares = HashMap::new();
        for (idx, info) in m.infos.iter().enumerate() {
            if info.unit != Unit::Percent {
                continue;
            }
            for name in &info.names {
                if let Some(of) = m.share_of_gdp_parts(name).and_then(|whole| m.named(whole)) {
                    shares.entry(of).or_insert(idx as u32);
                }
            }
        }
        m.gdp_shares = shares;
        m
    }

    /// The length of the longest name `s` starts with (0 if none).
    pub fn prefix_len(&self, s: &str) -> usize {
        self.trie.longest(s).map_or(0, |(_, len)| len)
    }

    /// The indicator named exactly `name` (the first to have it), if any.
    fn named(&self, name: &str) -> Option<u32> {
        let node = self.trie.follow(self.trie.root(), name)?;
        self.trie.value(node)
    }

    pub fn info(&self, idx: u32) -> &Info {
        &self.infos[idx as usize]
    }

    /// The indicator a subject phrase names, given the figure's unit and direction: the name
    /// ending nearest the figure that fits, else that name with a change suffix (增长, 下降 …).
    pub fn resolve(
        &self,
        subject: &str,
        unit: Option<&Unit>,
        direction: Option<Direction>,
    ) -> Option<u32> {
        if subject.is_empty() {
            return None;
        }
        if let Some(idx) = self.named(subject) {
            if self.fits(idx, unit, direction) {
                return Some(idx);
            }
        }
        if let Some(idx) = self
            .share_of_gdp(subject)
            .filter(|&i| self.fits(i, unit, direction))
        {
            return Some(idx);
        }
        let mut found: Vec<(usize, usize, u32)> = Vec::new();
        // Tails of the subject that a name continues with a change suffix: 规模以上工业增加值
        // + 增长, ahead of shorter names ending at the same place (工业增加值 + 增长).
        let mut tails: Vec<(usize, u32)> = Vec::new();
        for (start, _) in subject.char_indices() {
            let (best, node) = self.trie.longest_and_node(&subject[start..]);
            if let Some((idx, len)) =
                best.filter(|&(_, len)| whole_term(subject, start, start + len))
            {
                found.push((start, start + len, idx));
            }
            if let Some(node) = node {
                if let Some(idx) = self.suffixed_at(node, unit, direction) {
                    tails.push((start, idx));
                }
            }
        }
        // Nearest to the figure first, then longest.
        found.sort_by(|a, b| b.1.cmp(&a.1).then((b.1 - b.0).cmp(&(a.1 - a.0))));
        // Whether the words before a name make it a part: a quoted name (电动汽车、锂电池、光伏
        // 产品“新三样”出口) names what is before it.
        let modified = |start: usize| {
            !subject[start..].starts_with(['“', '「', '"']) && names_a_part(&subject[..start])
        };
        // A suffixed tail is no name of its own inside a longer name (网上零售额 of
        // 实物商品网上零售额增长), nor when the words before make it a part.
        let tail_is_part = |start: usize| {
            found
                .iter()
                .any(|&(s, e, _)| s < start && e == subject.len())
                || (modified(start) && !found.iter().any(|&(s, e, _)| s < start && e > start))
        };
        // Names read as a part of a whole: a name inside one is that part too (生产总值 inside
        // 各工业部工业生产总值).
        let mut parts: Vec<(usize, usize)> = Vec::new();
        // Names tried and not taken: a name inside one is a word of that term, not a term of its
        // own (网上零售额 inside 实物商品网上零售额).
        let mut tried: Vec<(usize, usize)> = Vec::new();
        for &(start, end, idx) in &found {
            if parts.iter().any(|&(s, e)| s <= start && end <= e)
                || tried.iter().any(|&(s, e)| s <= start && end <= e)
            {
                continue;
            }
            tried.push((start, end));
            // A name overlapped by one starting before it (财政赤字 over 赤字占…比重) continues
            // that term: its words before are no modifier.
            let overlapped = found.iter().any(|&(s, e, _)| s < start && e > start);
            // 科技进步对经济增长的贡献率, 对外贸易占国内生产总值的比重: the figure measures the
            // share or contribution the phrase ends with, not the name inside it.
            let of_a_share = subject[end..].contains('的')
                && SHARE_HEADS.iter().any(|h| subject[end..].contains(h));
            if (!overlapped && modified(start))
                || subject[end..].starts_with(AGGREGATES)
                || of_a_share
            {
                // 海洋生产总值, 能源工业增加值, 中央支持资金: a part or a kind of the total
                // the name says, not the total.
                parts.push((start, end));
                continue;
            }
            if let Some(&(_, t)) = tails
                .first()
                .filter(|t| t.0 < start && end == subject.len() && !tail_is_part(t.0))
            {
                return Some(t);
            }
            if self.fits(idx, unit, direction) {
                return Some(idx);
            }
            if let Some(c) = self.in_currency(idx, unit) {
                return Some(c);
            }
            // A change suffix attaches to the end of the phrase: 工业增加值 inside
            // 工业增加值占…比重 is no 工业增加值增长.
            if SHARE_HEADS.iter().any(|h| subject[end..].contains(h)) {
                continue;
            }
            if let Some(c) = self.with_suffix(&subject[start..end], unit, direction) {
                return Some(c);
            }
            // The same indicator under its other names: 1年期贷款市场报价利率 → 1年期LPR下降.
            for name in &self.info(idx).names {
                if let Some(c) = self.with_suffix(name, unit, direction) {
                    return Some(c);
                }
            }
        }
        // 项目民间投资增长, 对东盟进出口增长: a suffixed name read as a part is that part too.
        tails.first().filter(|t| !tail_is_part(t.0)).map(|t| t.1)
    }

    /// The part of `subject` whose share of GDP it names (`研发经费` of `研发经费与国内生产总值之
    /// 比`, `服务业` of `服务业在国内生产总值中的比重`), scope words (`全社会`) and a trailing
    /// `支出` or `投入` left to the caller's lookup.
    fn share_of_gdp_parts<'s>(&self, subject: &'s str) -> Option<&'s str> {
        let head = SHARE_HEADS
            .iter()
            .filter(|h| h.chars().count() >= 2 && subject.ends_with(*h))
            .max_by_key(|h| h.len())?;
        let r = &subject[..subject.len() - head.len()];
        let r = r.strip_suffix('的').unwrap_or(r);
        let r = r.strip_suffix('中').unwrap_or(r);
        let (k, w) = SHARE_OF
            .iter()
            .filter_map(|w| r.rfind(w).map(|k| (k, *w)))
            .max_by_key(|&(k, _)| k)?;
        let whole = &r[k + w.len()..];
        let gdp = self.ids.get("gdp")?;
        if self.ending_name(whole) != Some(*gdp) || k == 0 {
            return None;
        }
        Some(&r[..k])
    }

    /// The share-of-GDP indicator `subject` names in any of the ways reports write a share
    /// (see [`Matcher::gdp_shares`]), if the catalogue has one.
    fn share_of_gdp(&self, subject: &str) -> Option<u32> {
        let part = self.share_of_gdp_parts(subject)?;
        let mut part = part;
        loop {
            let trimmed = ["支出", "投入"]
                .iter()
                .find_map(|w| part.strip_suffix(w))
                .unwrap_or(part);
            // An industry's share of GDP is its value added's (服务业在国内生产总值中的比重).
            let value_added = format!("{part}增加值");
            for p in [part, trimmed, value_added.as_str()] {
                if let Some(s) = self.named(p).and_then(|i| self.gdp_shares.get(&i)) {
                    return Some(*s);
                }
            }
            // 全社会研发经费支出: the scope before the name.
            let scope = SUBJECT_SCOPES
                .iter()
                .chain(["全社会"].iter())
                .find(|w| part.starts_with(**w) && part.len() > w.len())?;
            part = &part[scope.len()..];
        }
    }

    /// The output indicator of a product a subject is just the name of (`钢`, `原煤`), given the
    /// figure's unit and direction: its output, or the output's growth (`原煤增长１７％`). The
    /// caller says where a bare product name counts its output (a sentence about output).
    pub fn product_output(
        &self,
        subject: &str,
        unit: Option<&Unit>,
        direction: Option<Direction>,
    ) -> Option<u32> {
        let &idx = self.products.get(subject)?;
        if self.fits(idx, unit, direction) {
            return Some(idx);
        }
        // Only a change is a growth: 原煤完成９９．８％ is a share of the plan done.
        direction?;
        self.with_suffix(&self.info(idx).names[0], unit, direction)
    }

    /// The product named last in `s` as a whole term (`粮食播种面积4157万亩、` → 粮食), if any.
    pub fn last_product_in<'s>(&self, s: &'s str) -> Option<&'s str> {
        let mut bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        bounds.push(s.len());
        for k in (0..bounds.len() - 1).rev() {
            let start = bounds[k];
            // Product names are short: at most six characters.
            let ends = &bounds[k + 1..bounds.len().min(k + 7)];
            for &end in ends.iter().rev() {
                let name = &s[start..end];
                if self.products.contains_key(name) && whole_term(s, start, end) {
                    return Some(name);
                }
            }
        }
        None
    }

    /// The same amount counted in the figure's currency, by the catalogue's naming convention
    /// (`goods_trade` in US dollars is `goods_trade_usd`).
    fn in_currency(&self, idx: u32, unit: Option<&Unit>) -> Option<u32> {
        let Some(Unit::Currency(c)) = unit else {
            return None;
        };
        let info = self.info(idx);
        if !matches!(info.unit, Unit::Currency(_)) {
            return None;
        }
        let id = format!("{}_{}", info.id, c.iso_code().to_ascii_lowercase());
        let &other = self.ids.get(&id)?;
        self.fits(other, unit, None).then_some(other)
    }

    /// The catalogue names in `s` as whole terms, longest first from the left, none inside
    /// another: the indicators a list names (`粮食产量和粮食播种面积、单位地区生产总值能耗降低`).
    pub fn names_in(&self, s: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < s.len() {
            if let (Some((idx, len)), _) = self.trie.longest_and_node(&s[at..]) {
                if whole_term(s, at, at + len) {
                    out.push(idx);
                    at += len;
                    continue;
                }
            }
            at += s[at..].chars().next().map_or(1, char::len_utf8);
        }
        out
    }

    /// The longest catalogue name that ends exactly where `s` ends (`稳定粮食播种面积` → 粮食播种
    /// 面积), if any.
    pub fn ending_name(&self, s: &str) -> Option<u32> {
        for (start, _) in s.char_indices() {
            if let (Some((idx, len)), _) = self.trie.longest_and_node(&s[start..]) {
                if start + len == s.len() {
                    return Some(idx);
                }
            }
        }
        None
    }

    /// The indicator reached from `node` by a change suffix, if it fits.
    fn suffixed_at(
        &self,
        node: Node,
        unit: Option<&Unit>,
        direction: Option<Direction>,
    ) -> Option<u32> {
        for (suffixes, signed_only) in suffix_lists(direction) {
            for s in suffixes {
                let Some(idx) = self.trie.follow(node, s).and_then(|n| self.trie.value(n)) else {
                    continue;
                };
                if self.fits(idx, unit, direction) && (!signed_only || self.is_signed(idx)) {
                    return Some(idx);
                }
            }
        }
        None
    }

    /// Whether the indicator is a signed change (a growth rate or a change), so that a figure
    /// written with the opposite verb is the same indicator with a negative value:
    /// 一般公共预算收入下降3% is 一般公共预算收入增长 at −3%.
    fn is_signed(&self, idx: u32) -> bool {
        matches!(
            self.info(idx).measure,
            Measure::GrowthRate | Measure::Change
        )
    }

    /// `name` + a change suffix, if the catalogue knows it and it fits: the suffixes are read
    /// on from where `name` ends in the trie, which holds every name (with its first
    /// indicator, as `names` does), not looked up whole one by one.
    fn with_suffix(
        &self,
        name: &str,
        unit: Option<&Unit>,
        direction: Option<Direction>,
    ) -> Option<u32> {
        let node = self.trie.follow(self.trie.root(), name)?;
        self.suffixed_at(node, unit, direction)
    }

    /// Exact lookup of a composed name (a distributed head: 基本养老 + 保险参保人数).
    pub fn exact(
        &self,
        name: &str,
        unit: Option<&Unit>,
        direction: Option<Direction>,
    ) -> Option<u32> {
        let idx = self.named(name)?;
        self.fits(idx, unit, direction).then_some(idx)
    }

    /// Whether an indicator can be measured by a figure of this unit and direction.
    pub fn fits(&self, idx: u32, unit: Option<&Unit>, direction: Option<Direction>) -> bool {
        let info = self.info(idx);
        let Some(unit) = unit else { return true };
        let changes = matches!(direction, Some(Direction::Increase | Direction::Decrease));
        match unit {
            Unit::Number => info.unit.is_count() || info.unit == Unit::Number,
            Unit::Percent | Unit::PerMille | Unit::Tenth => {
                if !info.unit.same_dimension(unit) {
                    return false;
                }
                // 增长5.2% of a level-like percentage is its growth, not its value.
                !(changes
                    && matches!(
                        info.measure,
                        Measure::Level | Measure::Share | Measure::Rate
                    ))
            }
            // 比上年增加1.6万亿元 of a level is its change, not its value.
            _ => info.unit.same_dimension(unit) && !(changes && info.measure == Measure::Level),
        }
    }
}
