//! Indicators and the catalogue that names them.
//!
//! An [`Indicator`] is what a figure measures: `gdp_growth` (国内生产总值增长), `cpi_change`
//! (居民消费价格涨幅), `urban_new_jobs` (城镇新增就业). Each has a stable snake_case id for panel
//! data, names in Chinese and English, the aliases under which reports write it, a category,
//! its attribute (预期性 indicative or 约束性 binding), the direction in which it is better, the
//! kind of measure, and its unit. A [`Catalogue`] finds indicators by id or by an alias in text.

use crate::trie::Trie;
use crate::units::Unit;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// 预期性 (indicative) or 约束性 (binding).
///
/// ```
/// use planwatch::indicator::{Attribute, Catalogue};
/// let cat = planwatch::builtin::catalogue();
/// assert_eq!(cat.get("gdp_growth").unwrap().attribute, Some(Attribute::Indicative));
/// assert_eq!(serde_json::to_string(&Attribute::Binding).unwrap(), r#""binding""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// 预期性: an expectation the plan steers toward.
    Indicative,
    /// 约束性: a binding obligation of government.
    Binding,
}

crate::codes::stable_codes! {
    Attribute, "planwatch::indicator::Attribute";
    Indicative => "indicative",
    Binding => "binding",
}

/// Which way an indicator is better.
///
/// ```
/// use planwatch::indicator::{Catalogue, Desired};
/// let cat = planwatch::builtin::catalogue();
/// assert_eq!(cat.get("urban_new_jobs").unwrap().desired, Desired::HigherBetter);
/// assert_eq!(cat.get("cpi_change").unwrap().desired, Desired::LowerBetter);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Desired {
    /// More is better (GDP growth, new jobs, grain output): targets are floors.
    HigherBetter,
    /// Less is better (unemployment, CPI inflation, energy intensity, deficits as limits):
    /// targets are ceilings.
    LowerBetter,
    /// Closeness to the target is what counts (a balance, an exchange rate).
    Band,
    /// No direction is better; targets describe, they do not aim.
    Neutral,
}

crate::codes::stable_codes! {
    Desired, "planwatch::indicator::Desired";
    HigherBetter => "higher_better",
    LowerBetter => "lower_better",
    Band => "band",
    Neutral => "neutral",
}

/// What kind of quantity an indicator is.
///
/// ```
/// use planwatch::indicator::{Catalogue, Measure};
/// let cat = planwatch::builtin::catalogue();
/// assert_eq!(cat.get("gdp_growth").unwrap().measure, Measure::GrowthRate);
/// assert_eq!(cat.get("urban_new_jobs").unwrap().measure, Measure::Level);
/// assert_eq!(serde_json::to_string(&Measure::GrowthRate).unwrap(), r#""growth_rate""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A level or stock (126.06万亿元, 32379.77亿美元, 1244万人).
    Level,
    /// A growth rate in percent (增长5.2%).
    GrowthRate,
    /// A share of a whole in percent (占比, 比重).
    Share,
    /// A rate that is not a share (unemployment rate, deficit ratio).
    Rate,
    /// A change in percentage points or in a level (下降0.29个百分点, 增加1800亿元).
    Change,
}

crate::codes::stable_codes! {
    Measure, "planwatch::indicator::Measure";
    Level => "level",
    GrowthRate => "growth_rate",
    Share => "share",
    Rate => "rate",
    Change => "change",
}

/// One indicator of the catalogue.
///
/// ```
/// let cat = planwatch::builtin::catalogue();
/// let gdp = cat.get("gdp_growth").unwrap();
/// assert_eq!(gdp.name_en, "GDP growth");
/// assert_eq!(gdp.desired, planwatch::indicator::Desired::HigherBetter);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable snake_case id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Other names under which reports write the indicator, as they appear in text.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Category code (`growth`, `employment`, `prices`, `external`, `fiscal`, `monetary`,
    /// `innovation`, `energy_environment`, `agriculture`, `industry`, `investment`,
    /// `consumption`, `infrastructure`, `social`, `finance`, `population`, …).
    pub category: String,
    /// 预期性 or 约束性, where the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<Attribute>,
    /// Which way the indicator is better.
    pub desired: Desired,
    /// What kind of quantity it is.
    pub measure: Measure,
    /// The unit its values are stated in.
    pub unit: Unit,
}

impl Indicator {
    /// Every name under which the indicator can appear: the Chinese name, then the aliases.
    ///
    /// ```
    /// let cat = planwatch::builtin::catalogue();
    /// let names: Vec<&str> = cat.get("gdp_growth").unwrap().names().take(2).collect();
    /// assert_eq!(names, ["国内生产总值增长", "经济增长"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name_zh.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A set of indicators, found by id or by name.
///
/// ```
/// use planwatch::indicator::Catalogue;
/// let cat = planwatch::builtin::catalogue();
/// assert_eq!(cat.lookup("城镇新增就业").map(|i| i.id.as_str()), Some("urban_new_jobs"));
/// let (ind, span) = cat.find_in("全年城镇新增就业1244万人").unwrap();
/// assert_eq!(ind.id, "urban_new_jobs");
/// assert_eq!(span, 6..24);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    indicators: Vec<Indicator>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Every name and alias, naming its indicator's index.
    names: Trie<u32>,
}

impl Catalogue {
    /// A catalogue of these indicators; later entries with a repeated id are ignored.
    ///
    /// ```
    /// use planwatch::indicator::Catalogue;
    /// let builtin = planwatch::builtin::catalogue();
    /// let gdp = builtin.get("gdp_growth").unwrap().clone();
    /// let mut renamed = gdp.clone();
    /// renamed.name_en = "Economic growth".into();
    /// let cat = Catalogue::new(vec![gdp, renamed]);
    /// assert_eq!(cat.len(), 1);
    /// assert_eq!(cat.get("gdp_growth").unwrap().name_en, "GDP growth");
    /// ```
    pub fn new(indicators: Vec<Indicator>) -> Self {
        let mut cat = Catalogue::default();
        for ind in indicators {
            cat.insert(ind);
        }
        cat
    }

    /// This catalogue with `own` indicators in front: an indicator of `own` replaces the one with
    /// its id here, and its names win over this catalogue's (the first of `own` wins among
    /// `own`). This is how a dataset's own indicators extend the catalogue it is read with.
    ///
    /// ```
    /// use planwatch::indicator::Catalogue;
    /// let base = planwatch::builtin::catalogue();
    /// let mut mine = base.get("gdp_growth").unwrap().clone();
    /// mine.name_en = "Real GDP growth".into();
    /// let cat = base.extended([&mine]);
    /// assert_eq!((cat.len(), cat.get("gdp_growth").unwrap().name_en.as_str()), (base.len(), "Real GDP growth"));
    /// assert_eq!(base.extended([]).len(), base.len());
    /// ```
    pub fn extended<'a>(&self, own: impl IntoIterator<Item = &'a Indicator>) -> Catalogue {
        let mut own = own.into_iter().peekable();
        if own.peek().is_none() {
            return self.clone();
        }
        // `Catalogue::new` keeps the first indicator of an id and the first owner of a name.
        Catalogue::new(own.cloned().chain(self.iter().cloned()).collect())
    }

    /// Adds an indicator; returns `false` (and changes nothing) if its id is taken.
    ///
    /// ```
    /// use planwatch::indicator::Catalogue;
    /// let builtin = planwatch::builtin::catalogue();
    /// let mut cat = Catalogue::default();
    /// assert!(cat.insert(builtin.get("grain_output").unwrap().clone()));
    /// assert!(!cat.insert(builtin.get("grain_output").unwrap().clone()));
    /// assert_eq!(cat.len(), 1);
    /// assert_eq!(cat.lookup("粮食总产量").unwrap().id, "grain_output");
    /// ```
    pub fn insert(&mut self, indicator: Indicator) -> bool {
        if self.by_id.contains_key(&indicator.id) {
            return false;
        }
        let idx = self.indicators.len();
        self.by_id.insert(indicator.id.clone(), idx);
        for name in indicator.names() {
            if !self.by_name.contains_key(name) {
                self.by_name.insert(name.to_string(), idx);
                self.names.insert(name, idx as u32);
            }
        }
        self.indicators.push(indicator);
        true
    }

    /// Reads a catalogue from JSON (an array of indicators).
    ///
    /// # Errors
    /// A [`crate::error::LoadError`] with line and column when the JSON does not describe
    /// indicators.
    ///
    /// ```
    /// use planwatch::indicator::{Catalogue, Desired};
    /// let json = r#"[{"id": "grain_output", "name_zh": "粮食产量", "name_en": "Grain output",
    ///   "aliases": ["粮食总产量"], "category": "agriculture", "desired": "higher_better",
    ///   "measure": "level", "unit": "jin"}]"#;
    /// let cat = Catalogue::from_json(json).unwrap();
    /// assert_eq!(cat.lookup("粮食总产量").unwrap().desired, Desired::HigherBetter);
    ///
    /// let err = Catalogue::from_json("[{\"id\": 7}]").unwrap_err();
    /// assert_eq!((err.line, err.path), (1, None));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, crate::error::LoadError> {
        let list: Vec<Indicator> = crate::error::from_json_located(json, None)?;
        Ok(Catalogue::new(list))
    }

    /// The indicator with this id.
    ///
    /// ```
    /// let cat = planwatch::builtin::catalogue();
    /// assert_eq!(cat.get("urban_new_jobs").unwrap().name_zh, "城镇新增就业");
    /// assert_eq!(cat.get("城镇新增就业"), None); // a name is not an id: see `lookup`
    /// ```
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.by_id.get(id).map(|&i| &self.indicators[i])
    }

    /// The indicator whose name or alias is exactly `name`.
    ///
    /// ```
    /// let cat = planwatch::builtin::catalogue();
    /// assert_eq!(cat.lookup("经济增速").unwrap().id, "gdp_growth");
    /// assert_eq!(cat.lookup("经济增速高"), None);
    /// ```
    pub fn lookup(&self, name: &str) -> Option<&Indicator> {
        self.by_name.get(name).map(|&i| &self.indicators[i])
    }

    /// The leftmost-longest indicator name occurring in `text`, with its byte span.
    ///
    /// ```
    /// let cat = planwatch::builtin::catalogue();
    /// let text = "预计国内生产总值增长5%左右";
    /// let (ind, span) = cat.find_in(text).unwrap();
    /// assert_eq!(ind.id, "gdp_growth");
    /// assert_eq!(&text[span], "国内生产总值增长");
    /// assert!(cat.find_in("没有指标").is_none());
    /// ```
    pub fn find_in(&self, text: &str) -> Option<(&Indicator, std::ops::Range<usize>)> {
        for (start, _) in text.char_indices() {
            if let Some((ind, len)) = self.match_at(&text[start..]) {
                return Some((ind, start..start + len));
            }
        }
        None
    }

    /// The longest indicator name that `text` starts with, and its length in bytes.
    ///
    /// ```
    /// let cat = planwatch::builtin::catalogue();
    /// let (ind, len) = cat.match_at("粮食产量1.3万亿斤以上").unwrap();
    /// assert_eq!((ind.id.as_str(), len), ("grain_output", "粮食产量".len()));
    /// assert!(cat.match_at("全年粮食产量").is_none());
    /// ```
    pub fn match_at(&self, text: &str) -> Option<(&Indicator, usize)> {
        let (idx, len) = self.names.longest(text)?;
        Some((self.indicators.get(idx as usize)?, len))
    }

    /// Every indicator, in insertion order.
    ///
    /// ```
    /// use planwatch::indicator::Catalogue;
    /// let builtin = planwatch::builtin::catalogue();
    /// let ids = ["grain_output", "gdp_growth"];
    /// let cat = Catalogue::new(ids.iter().map(|id| builtin.get(id).unwrap().clone()).collect());
    /// assert_eq!(cat.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ids);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter()
    }

    /// The number of indicators.
    ///
    /// ```
    /// use planwatch::indicator::Catalogue;
    /// assert_eq!(Catalogue::default().len(), 0);
    /// let cat = planwatch::builtin::catalogue();
    /// assert_eq!(cat.len(), cat.iter().count());
    /// ```
    pub fn len(&self) -> usize {
        self.indicators.len()
    }

    /// Whether the catalogue is empty.
    ///
    /// ```
    /// use planwatch::indicator::Catalogue;
    /// assert!(Catalogue::default().is_empty());
    /// assert!(Catalogue::from_json("[]").unwrap().is_empty());
    /// assert!(!planwatch::builtin::catalogue().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(id: &str, name: &str, aliases: &[&str]) -> Indicator {
        Indicator {
            id: id.into(),
            name_zh: name.into(),
            name_en: id.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            category: "growth".into(),
            attribute: None,
            desired: Desired::HigherBetter,
            measure: Measure::Level,
            unit: Unit::CNY,
        }
    }

    #[test]
    fn longest_name_wins_and_first_owner_keeps_a_name() {
        let cat = Catalogue::new(vec![
            ind("gdp", "国内生产总值", &["GDP"]),
            ind("gdp_growth", "国内生产总值增长", &["经济增长"]),
            ind("other", "其他", &["GDP"]),
        ]);
        let (i, len) = cat.match_at("国内生产总值增长5.2%").unwrap();
        assert_eq!(
            (i.id.as_str(), len),
            ("gdp_growth", "国内生产总值增长".len())
        );
        let (i, len) = cat.match_at("国内生产总值126万亿元").unwrap();
        assert_eq!((i.id.as_str(), len), ("gdp", "国内生产总值".len()));
        assert_eq!(cat.lookup("GDP").unwrap().id, "gdp");
        assert_eq!(cat.match_at("GDP").unwrap().0.id, "gdp");
        assert!(cat.match_at("国内生产").is_none());
        assert!(cat.match_at("").is_none());
        let text = "全年经济增长5.2%，国内生产总值126.06万亿元";
        let (i, span) = cat.find_in(text).unwrap();
        assert_eq!((i.id.as_str(), &text[span]), ("gdp_growth", "经济增长"));
        assert!(cat.find_in(&"9".repeat(10_000)).is_none());
    }
}
