//! Units of measurement as published in Chinese plan reports, with their dimensions and exact
//! conversion factors.
//!
//! Every [`Unit`] has a stable machine code (used in JSON, Python and datasets), the Chinese text it
//! is published as, an English name and a [`Dimension`]. Units of the same dimension convert exactly
//! (the factors are rationals); units of different dimensions never convert. In particular each
//! currency is its own dimension, each count classifier is its own dimension (people and cars are
//! not added), electricity (千瓦时) is not converted to coal equivalent (吨标准煤), and percent is
//! kept apart from percentage points.
//!
//! | code | variant | published as | dimension | factor to base |
//! |------|---------|--------------|-----------|----------------|
//! | `CNY` | `Currency(Currency::Cny)` | 元, 圆, 圓, 人民币, 人民幣, 元人民币, 元整, 元正 | currency CNY | 1 |
//! | `USD` | `Currency(Currency::Usd)` | 美元 | currency USD | 1 |
//! | `EUR` | `Currency(Currency::Eur)` | 欧元 | currency EUR | 1 |
//! | `HKD` | `Currency(Currency::Hkd)` | 港元, 港币 | currency HKD | 1 |
//! | `JPY` | `Currency(Currency::Jpy)` | 日元 | currency JPY | 1 |
//! | `person` | `Person` | 人 | count 人 | 1 |
//! | `person_time` | `PersonTime` | 人次 | count 人次 | 1 |
//! | `household` | `Household` | 户, 戶 | count 户 | 1 |
//! | `enterprise` | `Enterprise` | 家 | count 家 | 1 |
//! | `unit` | `Generic` | 个, 個 | count 个 | 1 |
//! | `set` | `Set` | 台, 臺 | count 台 | 1 |
//! | `vehicle` | `Vehicle` | 辆, 輛 | count 辆 | 1 |
//! | `piece` | `Piece` | 件 | count 件 | 1 |
//! | `item` | `Item` | 项, 項 | count 项 | 1 |
//! | `train` | `Train` | 列 | count 列 | 1 |
//! | `teu` | `Teu` | 标箱, 标准箱 | count 标箱 | 1 |
//! | `room` | `Room` | 间 | count 间 | 1 |
//! | `school` | `School` | 所 | count 所 | 1 |
//! | `seat` | `Seat` | 座 | count 座 | 1 |
//! | `bed` | `Bed` | 张 | count 张 | 1 |
//! | `time` | `Times` | 次 | count 次 | 1 |
//! | `kind` | `Kind` | 种, 種 | count 种 | 1 |
//! | `count:<c>` | `Count(Classifier)` | `<c>`: 条 艘 架 头 只 套 名 位 批 处 部 篇 款 宗 座… | count `<c>` | 1 |
//! | `jin` | `Jin` | 斤, 市斤 | mass (kg) | 1/2 |
//! | `dan` | `Dan` | 担, 市担 (100 斤: cotton and grain in the 1950s reports) | mass (kg) | 50 |
//! | `kg` | `Kilogram` | 公斤, 千克 | mass (kg) | 1 |
//! | `ton` | `Ton` | 吨, 噸 | mass (kg) | 1000 |
//! | `m` | `Metre` | 米 | length (m) | 1 |
//! | `km` | `Kilometre` | 公里, 千米 | length (m) | 1000 |
//! | `m2` | `SquareMetre` | 平方米 | area (m²) | 1 |
//! | `km2` | `SquareKilometre` | 平方公里, 平方千米 | area (m²) | 1000000 |
//! | `mu` | `Mu` | 亩, 畝 | area (m²) | 2000/3 |
//! | `hectare` | `Hectare` | 公顷 | area (m²) | 10000 |
//! | `m3` | `CubicMetre` | 立方米 | volume (m³) | 1 |
//! | `kwh` | `KilowattHour` | 千瓦时, 度 | electric energy (kWh) | 1 |
//! | `tce` | `TonCoalEquivalent` | 吨标准煤, 吨标煤 | coal equivalent (tce) | 1 |
//! | `kw` | `Kilowatt` | 千瓦 | power (kW) | 1 |
//! | `ug_per_m3` | `MicrogramPerCubicMetre` | 微克/立方米, 微克每立方米 | concentration | 1 |
//! | `year` | `Year` | 年 | years | 1 |
//! | `age` | `Age` | 岁, 歲 | years | 1 |
//! | `day` | `Day` | 天, 日 | duration (hour) | 24 |
//! | `hour` | `Hour` | 小时 | duration (hour) | 1 |
//! | `percent` | `Percent` | %, ％ | ratio (%) | 1 |
//! | `per_mille` | `PerMille` | ‰ | ratio (%) | 1/10 |
//! | `tenth` | `Tenth` | 成 | ratio (%) | 10 |
//! | `percentage_point` | `PercentagePoint` | 个百分点, 百分点, 個百分點, 百分點 | percentage point | 1 |
//! | `multiple` | `Multiple` | 倍 | multiple | 1 |
//! | `number` | `Number` | (nothing) | number | 1 |
//!
//! 整 and 正 close an amount of yuan (`100元整`) only where no word goes on (`100元正在` is 100元
//! followed by 正在). Amounts in yuan, jiao and fen (`123元1角1分`) and a currency written before
//! the amount (`人民币100亿元`) are read by [`crate::quantity`].
//!
//! ```
//! use planwatch::units::{scan_unit, Dimension, Unit};
//! assert_eq!(scan_unit("个百分点，"), Some((Unit::PercentagePoint, "个百分点".len())));
//! assert_eq!(scan_unit("個百分點"), Some((Unit::PercentagePoint, "個百分點".len())));
//! assert_eq!(scan_unit("元人民币，"), Some((Unit::CNY, "元人民币".len())));
//! assert_eq!(scan_unit("元整"), Some((Unit::CNY, "元整".len())));
//! assert_eq!(scan_unit("元正在"), Some((Unit::CNY, "元".len())));
//! assert_eq!(scan_unit("圓"), Some((Unit::CNY, "圓".len())));
//! assert_eq!(scan_unit("萬噸"), None);
//! assert_eq!(scan_unit("噸"), Some((Unit::Ton, "噸".len())));
//! assert_eq!(Unit::from_code("km2"), Some(Unit::SquareKilometre));
//! assert_eq!(Unit::Mu.dimension(), Dimension::Area);
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A currency. Each currency is its own [`Dimension`]: amounts in different currencies never add.
///
/// ```
/// use planwatch::units::{Currency, Unit};
/// assert_eq!(Unit::Currency(Currency::Usd).code(), "USD");
/// assert_eq!(Currency::Usd.iso_code(), "USD");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Currency {
    /// Chinese yuan renminbi, 元.
    Cny,
    /// US dollar, 美元.
    Usd,
    /// Euro, 欧元.
    Eur,
    /// Hong Kong dollar, 港元.
    Hkd,
    /// Japanese yen, 日元.
    Jpy,
}

impl Currency {
    /// The ISO 4217 code, which is also the unit code.
    ///
    /// ```
    /// assert_eq!(planwatch::units::Currency::Cny.iso_code(), "CNY");
    /// ```
    pub fn iso_code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Hkd => "HKD",
            Currency::Jpy => "JPY",
        }
    }
}

/// A count classifier (量词) outside the named ones of [`Unit`], e.g. 条 or 艘.
///
/// Its unit code is `count:<classifier>`. Build one with [`Unit::count`] or [`Classifier::new`].
///
/// ```
/// use planwatch::units::{Classifier, Unit};
/// let c = Classifier::new("条").unwrap();
/// assert_eq!(c.text(), "条");
/// assert_eq!(Unit::Count(c).code(), "count:条");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Classifier {
    /// The full code, `count:<classifier>`; the classifier text follows the prefix.
    code: String,
}

const COUNT_PREFIX: &str = "count:";

impl Classifier {
    /// A classifier from its text: 1 to 4 characters, none of them ASCII, whitespace, a digit or
    /// a Chinese numeral (any character of the numeral table of [`crate::numerals`]). Returns
    /// `None` otherwise.
    ///
    /// ```
    /// use planwatch::units::Classifier;
    /// assert!(Classifier::new("艘").is_some());
    /// assert!(Classifier::new("").is_none());
    /// assert!(Classifier::new("a b").is_none());
    /// assert!(Classifier::new("萬").is_none());
    /// ```
    pub fn new(text: &str) -> Option<Classifier> {
        let n = text.chars().count();
        if n == 0 || n > 4 {
            return None;
        }
        let ok = text.chars().all(|c| {
            !c.is_ascii()
                && !c.is_whitespace()
                && !c.is_numeric()
                && !crate::numeral_chars::is_number_char(c)
                && !matches!(c, '％' | '‰')
        });
        ok.then(|| Classifier {
            code: format!("{COUNT_PREFIX}{text}"),
        })
    }

    /// The classifier as written, e.g. `条`.
    ///
    /// ```
    /// assert_eq!(planwatch::units::Classifier::new("艘").unwrap().text(), "艘");
    /// ```
    pub fn text(&self) -> &str {
        self.code.get(COUNT_PREFIX.len()..).unwrap_or("")
    }
}

/// A unit of measurement. Serialized as its stable [`code`](Unit::code); see the module docs for
/// the table of codes.
///
/// ```
/// use planwatch::units::Unit;
/// assert_eq!(Unit::CNY.canonical_text(), "元");
/// assert_eq!(serde_json::to_string(&Unit::PercentagePoint).unwrap(), "\"percentage_point\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// An amount of money in a currency (元, 美元, …).
    Currency(Currency),
    /// People, 人 (`person`).
    Person,
    /// Person-times (visits, trips), 人次 (`person_time`).
    PersonTime,
    /// Households, 户 (`household`).
    Household,
    /// Enterprises or institutions, 家 (`enterprise`).
    Enterprise,
    /// The generic classifier 个 (`unit`).
    Generic,
    /// Machines, appliances, sets, 台 (`set`).
    Set,
    /// Vehicles, 辆 (`vehicle`).
    Vehicle,
    /// Pieces, cases, patents, 件 (`piece`).
    Piece,
    /// Items, measures, projects, 项 (`item`).
    Item,
    /// Trains, 列 (`train`).
    Train,
    /// Twenty-foot equivalent units, 标箱 (`teu`).
    Teu,
    /// Rooms, 间 (`room`).
    Room,
    /// Schools, hospitals, institutions, 所 (`school`).
    School,
    /// Buildings, bridges, cities, 座 (`seat`).
    Seat,
    /// Beds, sheets, cards, 张 (`bed`).
    Bed,
    /// Occurrences, 次 (`time`).
    Times,
    /// Kinds, varieties, 种 (`kind`).
    Kind,
    /// Any other count classifier (`count:<classifier>`).
    Count(Classifier),
    /// 斤 (`jin`), half a kilogram.
    Jin,
    /// 担 (市担), 100 斤 = 50 kg, as the reports of the 1950s count cotton and grain.
    Dan,
    /// 公斤 / 千克 (`kg`).
    Kilogram,
    /// 吨 (`ton`), 1000 kg.
    Ton,
    /// 米 (`m`).
    Metre,
    /// 公里 / 千米 (`km`).
    Kilometre,
    /// 平方米 (`m2`).
    SquareMetre,
    /// 平方公里 / 平方千米 (`km2`).
    SquareKilometre,
    /// 亩 (`mu`), 2000/3 m².
    Mu,
    /// 公顷 (`hectare`), 10000 m².
    Hectare,
    /// 立方米 (`m3`).
    CubicMetre,
    /// 千瓦时 / 度 (`kwh`), electric energy.
    KilowattHour,
    /// 吨标准煤 (`tce`), energy as coal equivalent; never converted to or from kWh.
    TonCoalEquivalent,
    /// 千瓦 (`kw`), power.
    Kilowatt,
    /// 微克/立方米 (`ug_per_m3`), e.g. PM2.5 concentration.
    MicrogramPerCubicMetre,
    /// 年 (`year`).
    Year,
    /// 岁 (`age`), years of age.
    Age,
    /// 天 / 日 (`day`).
    Day,
    /// 小时 (`hour`).
    Hour,
    /// Percent, % (`percent`).
    Percent,
    /// Per mille, ‰ (`per_mille`); 1‰ = 0.1%.
    PerMille,
    /// Tenths, 成 (`tenth`): 四成 = 40%. [`scan_unit`] reads any 成 after a number; telling the
    /// unit from words that start with 成 (成为, 成本, 一成不变) is left to the reader of running
    /// text (see `planwatch::extract`).
    Tenth,
    /// Percentage points, 个百分点 (`percentage_point`); never mixed with percent.
    PercentagePoint,
    /// Multiples, 倍 (`multiple`).
    Multiple,
    /// A bare number without a unit (`number`).
    Number,
}

/// The dimension of a unit: only units of the same dimension compare, add or convert.
///
/// ```
/// use planwatch::units::{Dimension, Unit};
/// assert_eq!(Unit::Jin.dimension(), Unit::Ton.dimension());
/// assert_ne!(Unit::Person.dimension(), Unit::Set.dimension());
/// assert_eq!(Unit::Person.dimension(), Dimension::Count("人".to_string()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Money in one currency; each currency is its own dimension.
    Currency(Currency),
    /// A count with its classifier (人, 台, 条 …); each classifier is its own dimension.
    Count(String),
    /// Mass; base unit kilogram.
    Mass,
    /// Length; base unit metre.
    Length,
    /// Area; base unit square metre.
    Area,
    /// Volume; base unit cubic metre.
    Volume,
    /// Electric energy; base unit kilowatt-hour.
    ElectricEnergy,
    /// Energy as standard coal equivalent; base unit ton of coal equivalent.
    CoalEquivalent,
    /// Power; base unit kilowatt.
    Power,
    /// Mass concentration in air; base unit µg/m³.
    Concentration,
    /// Years (years and years of age); base unit year.
    Years,
    /// Durations below a year; base unit hour.
    Duration,
    /// Ratios; base unit percent (per mille converts).
    Ratio,
    /// Percentage points: differences of percentages.
    PercentagePoint,
    /// Multiples (倍).
    Multiple,
    /// Bare numbers.
    Number,
}

impl Dimension {
    /// A stable code for the dimension: `currency:CNY`, `count:person`-style codes for counts
    /// (the classifier as written, e.g. `count:人`), and snake_case names for the others.
    ///
    /// ```
    /// use planwatch::Unit;
    /// assert_eq!(Unit::CNY.dimension().code(), "currency:CNY");
    /// assert_eq!(Unit::Percent.dimension().code(), "ratio");
    /// assert_eq!(Unit::PercentagePoint.dimension().code(), "percentage_point");
    /// ```
    pub fn code(&self) -> String {
        match self {
            Dimension::Currency(c) => format!("currency:{}", c.iso_code()),
            Dimension::Count(c) => format!("count:{c}"),
            Dimension::Mass => "mass".into(),
            Dimension::Length => "length".into(),
            Dimension::Area => "area".into(),
            Dimension::Volume => "volume".into(),
            Dimension::ElectricEnergy => "electric_energy".into(),
            Dimension::CoalEquivalent => "coal_equivalent".into(),
            Dimension::Power => "power".into(),
            Dimension::Concentration => "concentration".into(),
            Dimension::Years => "years".into(),
            Dimension::Duration => "duration".into(),
            Dimension::Ratio => "ratio".into(),
            Dimension::PercentagePoint => "percentage_point".into(),
            Dimension::Multiple => "multiple".into(),
            Dimension::Number => "number".into(),
        }
    }
}

/// Internal cheap dimension key (no allocation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DimKey<'a> {
    Currency(Currency),
    Count(&'a str),
    Mass,
    Length,
    Area,
    Volume,
    ElectricEnergy,
    CoalEquivalent,
    Power,
    Concentration,
    Years,
    Duration,
    Ratio,
    PercentagePoint,
    Multiple,
    Number,
}

impl Unit {
    /// 元, Chinese yuan (`CNY`).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::CNY.code(), "CNY");
    /// assert_eq!(Unit::from_code("CNY"), Some(Unit::CNY));
    /// let q = planwatch::parse_quantity("126.06万亿元").unwrap();
    /// assert_eq!((q.unit(), q.exponent(), q.unit_text()), (&Unit::CNY, 12, "元"));
    /// ```
    pub const CNY: Unit = Unit::Currency(Currency::Cny);
    /// 美元, US dollar (`USD`).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::USD.code(), "USD");
    /// assert_eq!(Unit::from_code("USD"), Some(Unit::USD));
    /// let q = planwatch::parse_quantity("32379.77亿美元").unwrap();
    /// assert_eq!((q.unit(), q.exponent(), q.unit_text()), (&Unit::USD, 8, "美元"));
    /// ```
    pub const USD: Unit = Unit::Currency(Currency::Usd);
    /// 欧元, euro (`EUR`).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::EUR.code(), "EUR");
    /// assert_eq!(Unit::from_code("EUR"), Some(Unit::EUR));
    /// let q = planwatch::parse_quantity("100亿欧元").unwrap();
    /// assert_eq!((q.unit(), q.exponent(), q.unit_text()), (&Unit::EUR, 8, "欧元"));
    /// ```
    pub const EUR: Unit = Unit::Currency(Currency::Eur);
    /// 港元, Hong Kong dollar (`HKD`).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::HKD.code(), "HKD");
    /// assert_eq!(Unit::from_code("HKD"), Some(Unit::HKD));
    /// let q = planwatch::parse_quantity("50亿港元").unwrap();
    /// assert_eq!((q.unit(), q.exponent(), q.unit_text()), (&Unit::HKD, 8, "港元"));
    /// ```
    pub const HKD: Unit = Unit::Currency(Currency::Hkd);
    /// 日元, Japanese yen (`JPY`).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::JPY.code(), "JPY");
    /// assert_eq!(Unit::from_code("JPY"), Some(Unit::JPY));
    /// let q = planwatch::parse_quantity("3000亿日元").unwrap();
    /// assert_eq!((q.unit(), q.exponent(), q.unit_text()), (&Unit::JPY, 8, "日元"));
    /// ```
    pub const JPY: Unit = Unit::Currency(Currency::Jpy);

    /// A count with the given classifier: the named variant when the classifier has one
    /// (`人` gives [`Unit::Person`]), otherwise [`Unit::Count`]. `None` for an invalid classifier.
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::count("人"), Some(Unit::Person));
    /// assert_eq!(Unit::count("艘").unwrap().code(), "count:艘");
    /// ```
    pub fn count(classifier: &str) -> Option<Unit> {
        if let Some((u, n)) = scan_unit(classifier)
            && n == classifier.len()
            && u.is_count()
        {
            return Some(u);
        }
        Classifier::new(classifier).map(Unit::Count)
    }

    /// Whether this is a count unit (a classifier).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert!(Unit::Vehicle.is_count());
    /// assert!(!Unit::Ton.is_count());
    /// ```
    pub fn is_count(&self) -> bool {
        matches!(self.dim_key(), DimKey::Count(_))
    }

    /// The stable machine code of the unit (see the module docs).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::PercentagePoint.code(), "percentage_point");
    /// assert_eq!(Unit::CNY.code(), "CNY");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Unit::Currency(c) => c.iso_code(),
            Unit::Count(c) => &c.code,
            other => other.static_info().0,
        }
    }

    /// The unit for a code; `None` for an unknown code. `count:<classifier>` gives the named
    /// variant when the classifier has one.
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::from_code("ug_per_m3"), Some(Unit::MicrogramPerCubicMetre));
    /// assert_eq!(Unit::from_code("count:人"), Some(Unit::Person));
    /// assert_eq!(Unit::from_code("furlong"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Unit> {
        if let Some(c) = code.strip_prefix(COUNT_PREFIX) {
            return Unit::count(c);
        }
        Some(match code {
            "CNY" => Unit::CNY,
            "USD" => Unit::USD,
            "EUR" => Unit::EUR,
            "HKD" => Unit::HKD,
            "JPY" => Unit::JPY,
            _ => ALL_SIMPLE
                .iter()
                .find(|u| u.static_info().0 == code)?
                .clone(),
        })
    }

    /// The Chinese text the unit is canonically published as (元, 美元, 人, %, 个百分点 …);
    /// empty for [`Unit::Number`].
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::PercentagePoint.canonical_text(), "个百分点");
    /// assert_eq!(Unit::Kilogram.canonical_text(), "公斤");
    /// ```
    pub fn canonical_text(&self) -> &str {
        match self {
            Unit::Currency(Currency::Cny) => "元",
            Unit::Currency(Currency::Usd) => "美元",
            Unit::Currency(Currency::Eur) => "欧元",
            Unit::Currency(Currency::Hkd) => "港元",
            Unit::Currency(Currency::Jpy) => "日元",
            Unit::Count(c) => c.text(),
            other => other.static_info().1,
        }
    }

    /// An English name for the unit.
    ///
    /// ```
    /// assert_eq!(planwatch::units::Unit::Mu.name_en(), "mu");
    /// ```
    pub fn name_en(&self) -> &'static str {
        match self {
            Unit::Currency(Currency::Cny) => "yuan",
            Unit::Currency(Currency::Usd) => "US dollar",
            Unit::Currency(Currency::Eur) => "euro",
            Unit::Currency(Currency::Hkd) => "Hong Kong dollar",
            Unit::Currency(Currency::Jpy) => "yen",
            Unit::Count(_) => "count",
            other => other.static_info().2,
        }
    }

    /// The dimension of the unit.
    ///
    /// ```
    /// use planwatch::units::{Dimension, Unit};
    /// assert_eq!(Unit::PerMille.dimension(), Dimension::Ratio);
    /// assert_ne!(Unit::KilowattHour.dimension(), Unit::TonCoalEquivalent.dimension());
    /// ```
    pub fn dimension(&self) -> Dimension {
        match self.dim_key() {
            DimKey::Currency(c) => Dimension::Currency(c),
            DimKey::Count(c) => Dimension::Count(c.to_string()),
            DimKey::Mass => Dimension::Mass,
            DimKey::Length => Dimension::Length,
            DimKey::Area => Dimension::Area,
            DimKey::Volume => Dimension::Volume,
            DimKey::ElectricEnergy => Dimension::ElectricEnergy,
            DimKey::CoalEquivalent => Dimension::CoalEquivalent,
            DimKey::Power => Dimension::Power,
            DimKey::Concentration => Dimension::Concentration,
            DimKey::Years => Dimension::Years,
            DimKey::Duration => Dimension::Duration,
            DimKey::Ratio => Dimension::Ratio,
            DimKey::PercentagePoint => Dimension::PercentagePoint,
            DimKey::Multiple => Dimension::Multiple,
            DimKey::Number => Dimension::Number,
        }
    }

    /// Whether two units share a dimension (and so compare, add and convert).
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert!(Unit::Mu.same_dimension(&Unit::SquareKilometre));
    /// assert!(!Unit::CNY.same_dimension(&Unit::USD));
    /// ```
    pub fn same_dimension(&self, other: &Unit) -> bool {
        self.dim_key() == other.dim_key()
    }

    /// The exact factor to the dimension's base unit as a reduced fraction
    /// `(numerator, denominator)`: one of this unit is `numerator / denominator` base units.
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert_eq!(Unit::Jin.factor(), (1, 2));
    /// assert_eq!(Unit::Mu.factor(), (2000, 3));
    /// assert_eq!(Unit::SquareKilometre.factor(), (1_000_000, 1));
    /// assert_eq!(Unit::PerMille.factor(), (1, 10));
    /// ```
    pub fn factor(&self) -> (u64, u64) {
        match self {
            Unit::Jin => (1, 2),
            Unit::Dan => (50, 1),
            Unit::Ton => (1000, 1),
            Unit::Kilometre => (1000, 1),
            Unit::SquareKilometre => (1_000_000, 1),
            Unit::Mu => (2000, 3),
            Unit::Hectare => (10_000, 1),
            Unit::Day => (24, 1),
            Unit::PerMille => (1, 10),
            Unit::Tenth => (10, 1),
            _ => (1, 1),
        }
    }

    /// Whether the unit is a ratio unit: percent, per mille, percentage point or multiple.
    ///
    /// ```
    /// use planwatch::units::Unit;
    /// assert!(Unit::PercentagePoint.is_ratio());
    /// assert!(!Unit::CNY.is_ratio());
    /// ```
    pub fn is_ratio(&self) -> bool {
        matches!(
            self,
            Unit::Percent | Unit::PerMille | Unit::Tenth | Unit::PercentagePoint | Unit::Multiple
        )
    }

    pub(crate) fn dim_key(&self) -> DimKey<'_> {
        match self {
            Unit::Currency(c) => DimKey::Currency(*c),
            Unit::Count(c) => DimKey::Count(c.text()),
            Unit::Person
            | Unit::PersonTime
            | Unit::Household
            | Unit::Enterprise
            | Unit::Generic
            | Unit::Set
            | Unit::Vehicle
            | Unit::Piece
            | Unit::Item
            | Unit::Train
            | Unit::Teu
            | Unit::Room
            | Unit::School
            | Unit::Seat
            | Unit::Bed
            | Unit::Times
            | Unit::Kind => DimKey::Count(self.static_info().1),
            Unit::Jin | Unit::Dan | Unit::Kilogram | Unit::Ton => DimKey::Mass,
            Unit::Metre | Unit::Kilometre => DimKey::Length,
            Unit::SquareMetre | Unit::SquareKilometre | Unit::Mu | Unit::Hectare => DimKey::Area,
            Unit::CubicMetre => DimKey::Volume,
            Unit::KilowattHour => DimKey::ElectricEnergy,
            Unit::TonCoalEquivalent => DimKey::CoalEquivalent,
            Unit::Kilowatt => DimKey::Power,
            Unit::MicrogramPerCubicMetre => DimKey::Concentration,
            Unit::Year | Unit::Age => DimKey::Years,
            Unit::Day | Unit::Hour => DimKey::Duration,
            Unit::Percent | Unit::PerMille | Unit::Tenth => DimKey::Ratio,
            Unit::PercentagePoint => DimKey::PercentagePoint,
            Unit::Multiple => DimKey::Multiple,
            Unit::Number => DimKey::Number,
        }
    }

    /// (code, canonical text, English name) for the field-less variants.
    fn static_info(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            Unit::Currency(_) | Unit::Count(_) => ("", "", ""),
            Unit::Person => ("person", "人", "person"),
            Unit::PersonTime => ("person_time", "人次", "person-time"),
            Unit::Household => ("household", "户", "household"),
            Unit::Enterprise => ("enterprise", "家", "enterprise"),
            Unit::Generic => ("unit", "个", "unit"),
            Unit::Set => ("set", "台", "set"),
            Unit::Vehicle => ("vehicle", "辆", "vehicle"),
            Unit::Piece => ("piece", "件", "piece"),
            Unit::Item => ("item", "项", "item"),
            Unit::Train => ("train", "列", "train"),
            Unit::Teu => ("teu", "标箱", "twenty-foot equivalent unit"),
            Unit::Room => ("room", "间", "room"),
            Unit::School => ("school", "所", "institution"),
            Unit::Seat => ("seat", "座", "seat"),
            Unit::Bed => ("bed", "张", "bed"),
            Unit::Times => ("time", "次", "time"),
            Unit::Kind => ("kind", "种", "kind"),
            Unit::Jin => ("jin", "斤", "jin"),
            Unit::Dan => ("dan", "担", "dan (50 kg)"),
            Unit::Kilogram => ("kg", "公斤", "kilogram"),
            Unit::Ton => ("ton", "吨", "tonne"),
            Unit::Metre => ("m", "米", "metre"),
            Unit::Kilometre => ("km", "公里", "kilometre"),
            Unit::SquareMetre => ("m2", "平方米", "square metre"),
            Unit::SquareKilometre => ("km2", "平方公里", "square kilometre"),
            Unit::Mu => ("mu", "亩", "mu"),
            Unit::Hectare => ("hectare", "公顷", "hectare"),
            Unit::CubicMetre => ("m3", "立方米", "cubic metre"),
            Unit::KilowattHour => ("kwh", "千瓦时", "kilowatt-hour"),
            Unit::TonCoalEquivalent => ("tce", "吨标准煤", "tonne of coal equivalent"),
            Unit::Kilowatt => ("kw", "千瓦", "kilowatt"),
            Unit::MicrogramPerCubicMetre => {
                ("ug_per_m3", "微克/立方米", "microgram per cubic metre")
            }
            Unit::Year => ("year", "年", "year"),
            Unit::Age => ("age", "岁", "year of age"),
            Unit::Day => ("day", "天", "day"),
            Unit::Hour => ("hour", "小时", "hour"),
            Unit::Percent => ("percent", "%", "percent"),
            Unit::PerMille => ("per_mille", "‰", "per mille"),
            Unit::Tenth => ("tenth", "成", "tenth"),
            Unit::PercentagePoint => ("percentage_point", "个百分点", "percentage point"),
            Unit::Multiple => ("multiple", "倍", "multiple"),
            Unit::Number => ("number", "", "number"),
        }
    }
}

const ALL_SIMPLE: &[Unit] = &[
    Unit::Person,
    Unit::PersonTime,
    Unit::Household,
    Unit::Enterprise,
    Unit::Generic,
    Unit::Set,
    Unit::Vehicle,
    Unit::Piece,
    Unit::Item,
    Unit::Train,
    Unit::Teu,
    Unit::Room,
    Unit::School,
    Unit::Seat,
    Unit::Bed,
    Unit::Times,
    Unit::Kind,
    Unit::Jin,
    Unit::Dan,
    Unit::Kilogram,
    Unit::Ton,
    Unit::Metre,
    Unit::Kilometre,
    Unit::SquareMetre,
    Unit::SquareKilometre,
    Unit::Mu,
    Unit::Hectare,
    Unit::CubicMetre,
    Unit::KilowattHour,
    Unit::TonCoalEquivalent,
    Unit::Kilowatt,
    Unit::MicrogramPerCubicMetre,
    Unit::Year,
    Unit::Age,
    Unit::Day,
    Unit::Hour,
    Unit::Percent,
    Unit::PerMille,
    Unit::Tenth,
    Unit::PercentagePoint,
    Unit::Multiple,
    Unit::Number,
];

impl fmt::Display for Unit {
    /// Writes the canonical Chinese text (nothing for [`Unit::Number`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.canonical_text())
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Unit::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown unit code {code:?}")))
    }
}

/// Classifiers read by [`scan_unit`] as [`Unit::Count`].
const OTHER_CLASSIFIERS: &[&str] = &[
    "条", "艘", "架", "头", "只", "套", "名", "位", "批", "处", "部", "篇", "款", "宗", "块", "栋",
    "幢", "支", "枚", "颗", "株", "棵", "册", "份", "例", "起",
];

/// Reads the longest unit at the start of `s`; returns the unit and the bytes consumed.
///
/// Magnitude words (万, 亿) are not units: they belong to the numeral (see
/// [`crate::numerals::scan_numeral`]). Known units are matched without allocation by dispatching on
/// the first character; the less common classifiers of [`Unit::Count`] allocate their code.
/// Never reads [`Unit::Number`].
///
/// ```
/// use planwatch::units::{scan_unit, Unit};
/// assert_eq!(scan_unit("元，增长"), Some((Unit::CNY, 3)));
/// assert_eq!(scan_unit("千瓦时"), Some((Unit::KilowattHour, 9)));
/// assert_eq!(scan_unit("千瓦，"), Some((Unit::Kilowatt, 6)));
/// assert_eq!(scan_unit("吨标准煤"), Some((Unit::TonCoalEquivalent, 12)));
/// assert_eq!(scan_unit("％"), Some((Unit::Percent, 3)));
/// assert_eq!(scan_unit("条政策").map(|(u, n)| (u.code().to_string(), n)), Some(("count:条".to_string(), 3)));
/// assert_eq!(scan_unit("万"), None);
/// ```
pub fn scan_unit(s: &str) -> Option<(Unit, usize)> {
    let first = s.chars().next()?;
    let rest = &s[first.len_utf8()..];
    let n1 = first.len_utf8();
    // Helper: if `rest` starts with `tail`, the total length.
    let with = |tail: &str| rest.starts_with(tail).then(|| n1 + tail.len());
    let hit = |u: Unit, n: usize| Some((u, n));
    match first {
        '%' | '％' => hit(Unit::Percent, n1),
        '‰' => hit(Unit::PerMille, n1),
        '成' => hit(Unit::Tenth, n1),
        '元' | '圆' | '圓' => hit(Unit::CNY, n1 + yuan_tail(rest)),
        '美' => with("元").map(|n| (Unit::USD, n)),
        '欧' => with("元").map(|n| (Unit::EUR, n)),
        '港' => with("元").or_else(|| with("币")).map(|n| (Unit::HKD, n)),
        '日' => match with("元") {
            Some(n) => hit(Unit::JPY, n),
            None => hit(Unit::Day, n1),
        },
        '人' => {
            if let Some(n) = with("次") {
                hit(Unit::PersonTime, n)
            } else if let Some(n) = with("民币").or_else(|| with("民幣")) {
                hit(Unit::CNY, n)
            } else {
                hit(Unit::Person, n1)
            }
        }
        '户' | '戶' => hit(Unit::Household, n1),
        '家' => hit(Unit::Enterprise, n1),
        '个' | '個' => match with("百分点").or_else(|| with("百分點")) {
            Some(n) => hit(Unit::PercentagePoint, n),
            None => hit(Unit::Generic, n1),
        },
        '百' => with("分点")
            .or_else(|| with("分點"))
            .map(|n| (Unit::PercentagePoint, n)),
        '台' | '臺' => hit(Unit::Set, n1),
        '辆' | '輛' => hit(Unit::Vehicle, n1),
        '件' => hit(Unit::Piece, n1),
        '项' | '項' => hit(Unit::Item, n1),
        '列' => hit(Unit::Train, n1),
        '标' => with("箱").or_else(|| with("准箱")).map(|n| (Unit::Teu, n)),
        '间' => hit(Unit::Room, n1),
        '所' => hit(Unit::School, n1),
        '座' => hit(Unit::Seat, n1),
        '张' => hit(Unit::Bed, n1),
        '次' => hit(Unit::Times, n1),
        '种' | '種' => hit(Unit::Kind, n1),
        '斤' => hit(Unit::Jin, n1),
        '市' => with("斤")
            .map(|n| (Unit::Jin, n))
            .or_else(|| with("担").map(|n| (Unit::Dan, n))),
        '担' => hit(Unit::Dan, n1),
        '公' => {
            if let Some(n) = with("斤") {
                hit(Unit::Kilogram, n)
            } else if let Some(n) = with("里") {
                hit(Unit::Kilometre, n)
            } else {
                with("顷").map(|n| (Unit::Hectare, n))
            }
        }
        '千' => {
            if let Some(n) = with("瓦时") {
                hit(Unit::KilowattHour, n)
            } else if let Some(n) = with("瓦") {
                hit(Unit::Kilowatt, n)
            } else if let Some(n) = with("克") {
                hit(Unit::Kilogram, n)
            } else {
                with("米").map(|n| (Unit::Kilometre, n))
            }
        }
        '吨' | '噸' => {
            if let Some(n) = with("标准煤").or_else(|| with("标煤")) {
                hit(Unit::TonCoalEquivalent, n)
            } else {
                hit(Unit::Ton, n1)
            }
        }
        '米' => hit(Unit::Metre, n1),
        '平' => {
            if let Some(n) = with("方公里").or_else(|| with("方千米")) {
                hit(Unit::SquareKilometre, n)
            } else {
                with("方米").map(|n| (Unit::SquareMetre, n))
            }
        }
        '立' => with("方米").map(|n| (Unit::CubicMetre, n)),
        '亩' | '畝' => hit(Unit::Mu, n1),
        '度' => hit(Unit::KilowattHour, n1),
        '微' => with("克/立方米")
            .or_else(|| with("克每立方米"))
            .map(|n| (Unit::MicrogramPerCubicMetre, n)),
        '年' => hit(Unit::Year, n1),
        '岁' | '歲' => hit(Unit::Age, n1),
        '天' => hit(Unit::Day, n1),
        '小' => with("时").map(|n| (Unit::Hour, n)),
        '倍' => hit(Unit::Multiple, n1),
        _ => {
            let text = &s[..n1];
            if OTHER_CLASSIFIERS.contains(&text) {
                Classifier::new(text).map(|c| (Unit::Count(c), n1))
            } else {
                None
            }
        }
    }
}

/// The bytes after 元 (or 圆, 圓) that still name the currency: 人民币 (`亿元人民币`), and 整 or 正
/// closing an amount (`100元整`) when no word goes on after them (`100元正在` is 100元 and
/// 正在).
fn yuan_tail(rest: &str) -> usize {
    if rest.is_empty() {
        return 0;
    }
    for tail in ["人民币", "人民幣"] {
        if rest.starts_with(tail) {
            return tail.len();
        }
    }
    for tail in ['整', '正'] {
        if let Some(after) = rest.strip_prefix(tail)
            && !after
                .chars()
                .next()
                .is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
        {
            return tail.len_utf8();
        }
    }
    0
}

/// Whether `text` is exactly one spelling of `unit` (canonical or variant, e.g. 千克 for kg).
pub(crate) fn is_spelling_of(text: &str, unit: &Unit) -> bool {
    if matches!(unit, Unit::Number) {
        return text.is_empty();
    }
    matches!(scan_unit(text), Some((u, n)) if n == text.len() && &u == unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        let mut all: Vec<Unit> = ALL_SIMPLE.to_vec();
        all.extend([Unit::CNY, Unit::USD, Unit::EUR, Unit::HKD, Unit::JPY]);
        all.push(Unit::count("艘").expect("valid"));
        for u in all {
            assert_eq!(Unit::from_code(u.code()), Some(u.clone()), "{u:?}");
            let json = serde_json::to_string(&u).expect("serialize");
            let back: Unit = serde_json::from_str(&json).expect("deserialize");
            assert_eq!(back, u);
            if u != Unit::Number {
                assert_eq!(
                    scan_unit(u.canonical_text()),
                    Some((u.clone(), u.canonical_text().len())),
                    "{u:?}"
                );
            }
        }
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(scan_unit("人次"), Some((Unit::PersonTime, 6)));
        assert_eq!(scan_unit("个百分点"), Some((Unit::PercentagePoint, 12)));
        assert_eq!(scan_unit("个城市"), Some((Unit::Generic, 3)));
        assert_eq!(scan_unit("平方公里"), Some((Unit::SquareKilometre, 12)));
        assert_eq!(scan_unit("日元"), Some((Unit::JPY, 6)));
        assert_eq!(scan_unit("日"), Some((Unit::Day, 3)));
        assert_eq!(
            scan_unit("微克/立方米"),
            Some((Unit::MicrogramPerCubicMetre, 16))
        );
        assert_eq!(scan_unit("百分点"), Some((Unit::PercentagePoint, 9)));
        assert_eq!(scan_unit("百"), None);
        assert_eq!(scan_unit(""), None);
        assert_eq!(scan_unit("亿元"), None);
    }

    #[test]
    fn dimensions_keep_apart() {
        assert!(!Unit::CNY.same_dimension(&Unit::USD));
        assert!(!Unit::Person.same_dimension(&Unit::Set));
        assert!(!Unit::KilowattHour.same_dimension(&Unit::TonCoalEquivalent));
        assert!(!Unit::Percent.same_dimension(&Unit::PercentagePoint));
        assert!(Unit::Percent.same_dimension(&Unit::PerMille));
        assert!(Unit::Tenth.same_dimension(&Unit::Percent));
        assert_eq!(Unit::Tenth.factor(), (10, 1));
        assert_eq!(scan_unit("成以上"), Some((Unit::Tenth, 3)));
        assert_eq!(
            Unit::count("条").map(|u| u.dimension()),
            Some(Dimension::Count("条".into()))
        );
        assert_eq!(Unit::from_code("count:"), None);
        assert!(serde_json::from_str::<Unit>("\"furlong\"").is_err());
    }
}
