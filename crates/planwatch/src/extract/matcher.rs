//! Indicator names compiled for matching inside short subject phrases.

use std::collections::HashMap;

use crate::indicator::{Catalogue, Measure};
use crate::lexicon::{DECREASE_SUFFIXES, INCREASE_SUFFIXES, SHARE_HEADS};
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

/// A character trie of every indicator name and alias, plus an exact-name table.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    trie: Trie<u32>,
    infos: Vec<Info>,
    names: HashMap<String, u32>,
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

impl Matcher {
    pub fn new(catalogue: &Catalogue) -> Self {
        let mut m = Matcher {
            trie: Trie::forward(),
            infos: Vec::new(),
            names: HashMap::new(),
        };
        for ind in catalogue.iter() {
            let idx = m.infos.len() as u32;
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
                m.names.entry(name.to_string()).or_insert(idx);
                m.trie.insert(name, idx);
            }
        }
        m
    }

    /// The length of the longest name `s` starts with (0 if none).
    pub fn prefix_len(&self, s: &str) -> usize {
        self.trie.longest(s).map_or(0, |(_, len)| len)
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
        if let Some(&idx) = self.names.get(subject) {
            if self.fits(idx, unit, direction) {
                return Some(idx);
            }
        }
        let mut found: Vec<(usize, usize, u32)> = Vec::new();
        // Tails of the subject that a name continues with a change suffix: 规模以上工业增加值
        // + 增长, ahead of shorter names ending at the same place (工业增加值 + 增长).
        let mut tails: Vec<(usize, u32)> = Vec::new();
        for (start, _) in subject.char_indices() {
            let (best, node) = self.trie.longest_and_node(&subject[start..]);
            if let Some((idx, len)) = best {
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
        for &(start, end, idx) in &found {
            if let Some(&(_, t)) = tails
                .first()
                .filter(|t| t.0 < start && end == subject.len())
            {
                return Some(t);
            }
            if self.fits(idx, unit, direction) {
                return Some(idx);
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
        tails.first().map(|t| t.1)
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

    /// `name` + a change suffix, if the catalogue knows it and it fits.
    fn with_suffix(
        &self,
        name: &str,
        unit: Option<&Unit>,
        direction: Option<Direction>,
    ) -> Option<u32> {
        let mut key = String::with_capacity(name.len() + 18);
        for (suffixes, signed_only) in suffix_lists(direction) {
            for s in suffixes {
                key.clear();
                key.push_str(name);
                key.push_str(s);
                if let Some(&idx) = self.names.get(&key) {
                    if self.fits(idx, unit, direction) && (!signed_only || self.is_signed(idx)) {
                        return Some(idx);
                    }
                }
            }
        }
        None
    }

    /// Exact lookup of a composed name (a distributed head: 基本养老 + 保险参保人数).
    pub fn exact(
        &self,
        name: &str,
        unit: Option<&Unit>,
        direction: Option<Direction>,
    ) -> Option<u32> {
        let idx = *self.names.get(name)?;
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
