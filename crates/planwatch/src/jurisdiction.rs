//! Jurisdictions: the nation (`CN`) and the 31 provincial-level divisions of the mainland, by
//! their GB/T 2260 codes, with the names reports write them by.
//!
//! Every document and so every record has a jurisdiction, so one panel holds the nation and the
//! provinces and one indicator id (`gdp_growth`) serves both levels: a province's 地区生产总值增长
//! is the nation's 国内生产总值增长 measured for the province.
//!
//! ```
//! use planwatch::jurisdiction::{Jurisdiction, Level};
//! let gd = Jurisdiction::from_code("440000").unwrap();
//! assert_eq!((gd.name_zh, gd.name_en, gd.level), ("广东省", "Guangdong", Level::Province));
//! assert_eq!(Jurisdiction::from_code("CN").unwrap().name_zh, "中华人民共和国");
//! assert_eq!(Jurisdiction::all().len(), 32);
//! assert_eq!(Jurisdiction::provinces().count(), 31);
//! // A title or byline names its jurisdiction.
//! let j = Jurisdiction::named_in("政府工作报告——2025年1月14日在内蒙古自治区第十四届人民代表大会第三次会议上").unwrap();
//! assert_eq!(j.code, "150000");
//! ```

use serde::{Deserialize, Serialize};

/// The level of a jurisdiction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The People's Republic as a whole (`CN`).
    National,
    /// A province (省).
    Province,
    /// A municipality directly under the central government (直辖市).
    Municipality,
    /// An autonomous region (自治区).
    AutonomousRegion,
}

crate::codes::stable_codes! {
    Level, "planwatch::jurisdiction::Level";
    National => "national",
    Province => "province",
    Municipality => "municipality",
    AutonomousRegion => "autonomous_region",
}

impl Level {
    /// Whether the level is provincial (a province, municipality or autonomous region).
    ///
    /// ```
    /// use planwatch::jurisdiction::Level;
    /// assert!(Level::Municipality.is_provincial());
    /// assert!(!Level::National.is_provincial());
    /// ```
    pub fn is_provincial(self) -> bool {
        self != Level::National
    }

    /// The tier of government: `national` or `provincial` (a province, municipality or
    /// autonomous region) — the `level` of the panel tables.
    ///
    /// ```
    /// use planwatch::jurisdiction::Level;
    /// assert_eq!((Level::National.tier(), Level::AutonomousRegion.tier()), ("national", "provincial"));
    /// ```
    pub fn tier(self) -> &'static str {
        if self.is_provincial() {
            "provincial"
        } else {
            "national"
        }
    }

    /// How reports of this level speak of their own jurisdiction (`全省`, `全市`, `全区`).
    ///
    /// ```
    /// use planwatch::jurisdiction::Level;
    /// assert!(Level::AutonomousRegion.self_references().contains(&"全区"));
    /// assert!(Level::National.self_references().contains(&"全国"));
    /// ```
    pub fn self_references(self) -> &'static [&'static str] {
        match self {
            Level::National => &["全国", "我国"],
            Level::Province => &["全省", "本省", "我省"],
            Level::Municipality => &["全市", "本市", "我市"],
            Level::AutonomousRegion => &["全区", "全自治区", "本区", "我区", "自治区"],
        }
    }
}

/// A jurisdiction: its code, names and level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Jurisdiction {
    /// `CN`, or the six-digit GB/T 2260 code (`440000`).
    pub code: &'static str,
    /// The full Chinese name (`广东省`, `广西壮族自治区`).
    pub name_zh: &'static str,
    /// The name without its suffix, as running text writes it (`广东`, `广西`).
    pub short_zh: &'static str,
    /// The one-character abbreviation (`粤`); empty for the nation.
    pub abbreviation: &'static str,
    /// The English name (`Guangdong`).
    pub name_en: &'static str,
    /// National, province, municipality or autonomous region.
    pub level: Level,
}

macro_rules! j {
    ($code:literal, $zh:literal, $short:literal, $abbr:literal, $en:literal, $level:ident) => {
        Jurisdiction {
            code: $code,
            name_zh: $zh,
            short_zh: $short,
            abbreviation: $abbr,
            name_en: $en,
            level: Level::$level,
        }
    };
}

/// The nation first, then the provinces in code order.
const ALL: &[Jurisdiction] = &[
    j!("CN", "中华人民共和国", "中国", "", "China", National),
    j!("110000", "北京市", "北京", "京", "Beijing", Municipality),
    j!("120000", "天津市", "天津", "津", "Tianjin", Municipality),
    j!("130000", "河北省", "河北", "冀", "Hebei", Province),
    j!("140000", "山西省", "山西", "晋", "Shanxi", Province),
    j!(
        "150000",
        "内蒙古自治区",
        "内蒙古",
        "蒙",
        "Inner Mongolia",
        AutonomousRegion
    ),
    j!("210000", "辽宁省", "辽宁", "辽", "Liaoning", Province),
    j!("220000", "吉林省", "吉林", "吉", "Jilin", Province),
    j!(
        "230000",
        "黑龙江省",
        "黑龙江",
        "黑",
        "Heilongjiang",
        Province
    ),
    j!("310000", "上海市", "上海", "沪", "Shanghai", Municipality),
    j!("320000", "江苏省", "江苏", "苏", "Jiangsu", Province),
    j!("330000", "浙江省", "浙江", "浙", "Zhejiang", Province),
    j!("340000", "安徽省", "安徽", "皖", "Anhui", Province),
    j!("350000", "福建省", "福建", "闽", "Fujian", Province),
    j!("360000", "江西省", "江西", "赣", "Jiangxi", Province),
    j!("370000", "山东省", "山东", "鲁", "Shandong", Province),
    j!("410000", "河南省", "河南", "豫", "Henan", Province),
    j!("420000", "湖北省", "湖北", "鄂", "Hubei", Province),
    j!("430000", "湖南省", "湖南", "湘", "Hunan", Province),
    j!("440000", "广东省", "广东", "粤", "Guangdong", Province),
    j!(
        "450000",
        "广西壮族自治区",
        "广西",
        "桂",
        "Guangxi",
        AutonomousRegion
    ),
    j!("460000", "海南省", "海南", "琼", "Hainan", Province),
    j!("500000", "重庆市", "重庆", "渝", "Chongqing", Municipality),
    j!("510000", "四川省", "四川", "川", "Sichuan", Province),
    j!("520000", "贵州省", "贵州", "黔", "Guizhou", Province),
    j!("530000", "云南省", "云南", "滇", "Yunnan", Province),
    j!(
        "540000",
        "西藏自治区",
        "西藏",
        "藏",
        "Xizang (Tibet)",
        AutonomousRegion
    ),
    j!("610000", "陕西省", "陕西", "陕", "Shaanxi", Province),
    j!("620000", "甘肃省", "甘肃", "甘", "Gansu", Province),
    j!("630000", "青海省", "青海", "青", "Qinghai", Province),
    j!(
        "640000",
        "宁夏回族自治区",
        "宁夏",
        "宁",
        "Ningxia",
        AutonomousRegion
    ),
    j!(
        "650000",
        "新疆维吾尔自治区",
        "新疆",
        "新",
        "Xinjiang",
        AutonomousRegion
    ),
];

impl Jurisdiction {
    /// The nation and the 31 provincial-level divisions, the nation first, then by code.
    ///
    /// ```
    /// let all = planwatch::jurisdiction::Jurisdiction::all();
    /// assert_eq!((all[0].code, all[31].code), ("CN", "650000"));
    /// ```
    pub fn all() -> &'static [Jurisdiction] {
        ALL
    }

    /// The 31 provincial-level divisions, by code.
    ///
    /// ```
    /// let first = planwatch::jurisdiction::Jurisdiction::provinces().next().unwrap();
    /// assert_eq!(first.name_zh, "北京市");
    /// ```
    pub fn provinces() -> impl Iterator<Item = &'static Jurisdiction> {
        ALL.iter().filter(|j| j.level.is_provincial())
    }

    /// The nation, `CN`.
    ///
    /// ```
    /// assert_eq!(planwatch::jurisdiction::Jurisdiction::national().name_en, "China");
    /// ```
    pub fn national() -> &'static Jurisdiction {
        &ALL[0]
    }

    /// The jurisdiction with this code (`CN` or a GB/T 2260 provincial code).
    ///
    /// ```
    /// use planwatch::jurisdiction::Jurisdiction;
    /// assert_eq!(Jurisdiction::from_code("500000").unwrap().name_en, "Chongqing");
    /// assert_eq!(Jurisdiction::from_code("440100"), None); // a city: not a provincial division
    /// ```
    pub fn from_code(code: &str) -> Option<&'static Jurisdiction> {
        ALL.iter().find(|j| j.code == code)
    }

    /// The jurisdiction with this Chinese name, full or short (`广东省`, `广东`), or English name.
    ///
    /// ```
    /// use planwatch::jurisdiction::Jurisdiction;
    /// assert_eq!(Jurisdiction::from_name("宁夏").unwrap().code, "640000");
    /// assert_eq!(Jurisdiction::from_name("Inner Mongolia").unwrap().code, "150000");
    /// assert_eq!(Jurisdiction::from_name("粤"), None); // abbreviations are too short to trust
    /// ```
    pub fn from_name(name: &str) -> Option<&'static Jurisdiction> {
        let name = name.trim();
        ALL.iter()
            .find(|j| j.name_zh == name || j.short_zh == name || j.name_en == name)
    }

    /// The provincial-level division a title, byline or opening line names: the one whose full
    /// name (`广西壮族自治区`, `吉林省`) comes first in `text`; `None` when the text names none.
    /// Short names are not read here: `吉林` is also a city, and `北京` begins many a proper name.
    /// The nation is never returned: a national report names no province.
    ///
    /// ```
    /// use planwatch::jurisdiction::Jurisdiction;
    /// let j = Jurisdiction::named_in("2025年北京市政府工作报告").unwrap();
    /// assert_eq!(j.code, "110000");
    /// assert_eq!(Jurisdiction::named_in("——2025年1月15日在吉林省第十四届人民代表大会第四次会议上").unwrap().code, "220000");
    /// assert_eq!(Jurisdiction::named_in("2025年国务院政府工作报告"), None);
    /// ```
    pub fn named_in(text: &str) -> Option<&'static Jurisdiction> {
        Self::provinces()
            .filter_map(|j| text.find(j.name_zh).map(|at| (at, j)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, j)| j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_ordered() {
        let codes: Vec<&str> = ALL.iter().map(|j| j.code).collect();
        let mut sorted = codes[1..].to_vec();
        sorted.sort_unstable();
        assert_eq!(&codes[1..], &sorted[..]);
        sorted.dedup();
        assert_eq!(sorted.len(), 31);
        for j in Jurisdiction::provinces() {
            assert_eq!(j.code.len(), 6);
            assert!(j.code.ends_with("0000"), "{}", j.code);
            assert!(j.name_zh.starts_with(j.short_zh), "{}", j.name_zh);
            let suffix = &j.name_zh[j.short_zh.len()..];
            let expected = match j.level {
                Level::Province => "省",
                Level::Municipality => "市",
                Level::AutonomousRegion => "自治区",
                Level::National => "",
            };
            assert!(suffix.ends_with(expected), "{}", j.name_zh);
        }
        let levels = |l: Level| ALL.iter().filter(|j| j.level == l).count();
        assert_eq!(
            (
                levels(Level::Province),
                levels(Level::Municipality),
                levels(Level::AutonomousRegion)
            ),
            (22, 4, 5)
        );
    }

    #[test]
    fn the_earliest_full_name_wins() {
        let text = "2025年广东省政府工作报告（在广西壮族自治区考察时提到）";
        assert_eq!(Jurisdiction::named_in(text).map(|j| j.code), Some("440000"));
    }
}
