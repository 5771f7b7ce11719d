//! The words of the report grammar, once: comparators before and after an amount, verbs and
//! nouns of change, range joins, bases of shares, relation words, linking words, time words,
//! the cues that tell a target from an outcome, and the words of figure-less statements.
//!
//! Both grammars read these lists: the phrase parser ([`crate::figure`]) and the extractor
//! ([`crate::extract`]), so a word either accepts the other accepts too. An entry that is not
//! that word everywhere carries its own exclusions: `约` is no bound after `节` (`节约`), `预期`
//! no target cue after `符合` or `好于`.
//!
//! Every list is matched at a known position (just before or after a figure, at the start or
//! end of a phrase), never searched for across a text. The lists matched at every figure are
//! compiled once into tries ([`crate::trie`]): a look-up costs the length of the word found.
//!
//! The lexicon is part of the grammar layer: its entries name the comparators, directions and
//! relations of the figure model ([`crate::target`]).

use std::sync::LazyLock;

use crate::target::{Comparator, Direction, Relation};
use crate::trie::Trie;

/// A word with its meaning, and where it is not that word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word<T: 'static> {
    pub text: &'static str,
    pub value: T,
    /// Words it is part of when one of these ends the text before it (`节约`, `符合预期`).
    pub not_after: &'static [&'static str],
    /// Words it is part of when the text after it starts with one of these.
    pub not_before: &'static [&'static str],
}

/// A word meaning `value`, with no exclusions.
const fn w<T>(text: &'static str, value: T) -> Word<T> {
    Word {
        text,
        value,
        not_after: &[],
        not_before: &[],
    }
}

impl<T> Word<T> {
    /// Whether the word is this word between `before` and `after`.
    pub(crate) fn applies(&self, before: &str, after: &str) -> bool {
        !self.not_after.iter().any(|x| before.ends_with(x))
            && !self.not_before.iter().any(|x| after.starts_with(x))
    }
}

/// A list of words compiled for longest-match look-up at either end of a text.
pub(crate) struct Table<T: 'static> {
    pub words: &'static [Word<T>],
    tries: LazyLock<[Trie<u16>; 2]>,
}

impl<T> Table<T> {
    /// The longest word `s` ends with.
    pub(crate) fn ending(&self, s: &str) -> Option<&'static Word<T>> {
        let (k, _) = self.tries[1].longest(s)?;
        self.words.get(usize::from(k))
    }

    /// The longest word `s` starts with.
    pub(crate) fn starting(&self, s: &str) -> Option<&'static Word<T>> {
        let (k, _) = self.tries[0].longest(s)?;
        self.words.get(usize::from(k))
    }
}

/// A forward and a backward trie of `words`, naming their indexes.
fn tries<T>(words: &[Word<T>]) -> [Trie<u16>; 2] {
    let indexed = || words.iter().enumerate().map(|(k, w)| (w.text, k as u16));
    [Trie::of(indexed(), false), Trie::of(indexed(), true)]
}

macro_rules! table {
    ($(#[$m:meta])* $name:ident: $t:ty = $words:ident) => {
        $(#[$m])*
        pub(crate) static $name: Table<$t> = Table {
            words: $words,
            tries: LazyLock::new(|| tries($words)),
        };
    };
}

// ---------------------------------------------------------------------------------------------
// Comparators

const PRE_COMPARATOR_WORDS: &[Word<Comparator>] = &[
    w("不低于", Comparator::AtLeast),
    w("不少于", Comparator::AtLeast),
    w("至少", Comparator::AtLeast),
    w("最少", Comparator::AtLeast),
    w("不超过", Comparator::AtMost),
    w("不超過", Comparator::AtMost),
    w("不高于", Comparator::AtMost),
    w("不多于", Comparator::AtMost),
    w("最多", Comparator::AtMost),
    w("至多", Comparator::AtMost),
    w("控制在", Comparator::AtMost),
    // 跃上1.4万亿斤新台阶: the level reached or passed.
    w("跃上", Comparator::AtLeast),
    w("迈上", Comparator::AtLeast),
    w("跨上", Comparator::AtLeast),
    w("登上", Comparator::AtLeast),
    w("站上", Comparator::AtLeast),
    w("大约", Comparator::Around),
    w("大概", Comparator::Around),
    Word {
        not_after: &[
            "节", "制", "签", "合", "公", "条", "预", "邀", "规", "契", "履", "违", "盟", "集",
        ],
        ..w("约", Comparator::Around)
    },
    w("超过", Comparator::MoreThan),
    w("超過", Comparator::MoreThan),
    w("高于", Comparator::MoreThan),
    w("多于", Comparator::MoreThan),
    w("快于", Comparator::MoreThan),
    w("突破", Comparator::MoreThan),
    w("逾", Comparator::MoreThan),
    Word {
        not_after: &["赶"],
        ..w("超", Comparator::MoreThan)
    },
    w("接近", Comparator::LessThan),
    w("不到", Comparator::LessThan),
    w("不足", Comparator::LessThan),
    w("低于", Comparator::LessThan),
    w("少于", Comparator::LessThan),
    w("慢于", Comparator::LessThan),
    Word {
        not_after: &["最", "将", "临", "靠", "附", "就", "亲", "贴", "逼", "邻"],
        ..w("近", Comparator::LessThan)
    },
];

table! {
    /// Comparators written before an amount: `超过2.2万亿元`, `近3万亿千瓦时`, `不低于3%`,
    /// `突破5000亿元`, `至多3%`.
    PRE_COMPARATORS: Comparator = PRE_COMPARATOR_WORDS
}

/// Verbs that bound the amount after them only when no comparator follows it (`控制在3%` is at
/// most 3%, `控制在3%左右` around 3%; `跃上1.4万亿斤新台阶` at least); they are no part of a
/// figure's span. Said of a year gone, `控制在2.6%` is the figure reached.
pub(crate) const BOUNDING_VERBS: &[&str] = &["控制在", "跃上", "迈上", "跨上", "登上", "站上"];

/// Verbs that keep a level (`保持在`, `稳定在`): the amount is exact unless a comparator
/// follows it; as a change they are stability.
pub(crate) const KEEP_VERBS: &[&str] = &["保持在", "稳定在", "维持在"];

/// The word that opens an arranged amount (`按3%安排`), and the word that closes it.
pub(crate) const ARRANGE: (&str, &str) = ("按", "安排");

const POST_COMPARATOR_WORDS: &[Word<Comparator>] = &[
    w("左右", Comparator::Around),
    w("上下", Comparator::Around),
    w("及以上", Comparator::AtLeast),
    w("以上", Comparator::AtLeast),
    w("之上", Comparator::AtLeast),
    w("及以下", Comparator::AtMost),
    w("以下", Comparator::AtMost),
    w("以内", Comparator::AtMost),
    w("之内", Comparator::AtMost),
    w("有余", Comparator::MoreThan),
];

table! {
    /// Comparators written after an amount: `5%左右`, `1200万人以上`, `5%及以上`, `5.5%以内`.
    POST_COMPARATORS: Comparator = POST_COMPARATOR_WORDS
}

/// Dashes and words that join the two ends of a range (`5%－6%`, `5%〜6%`, `6至6.5%`) or of a
/// span of years (`2021—2023年`).
pub(crate) const RANGE_JOINS: &[&str] = &["-", "－", "～", "~", "〜", "–", "—", "‐", "至", "到"];

// ---------------------------------------------------------------------------------------------
// Change

const DIRECTION_VERB_WORDS: &[Word<Direction>] = &[
    w("多增", Direction::Increase),
    w("增长", Direction::Increase),
    w("增長", Direction::Increase),
    w("增加", Direction::Increase),
    w("上涨", Direction::Increase),
    w("提高", Direction::Increase),
    w("提升", Direction::Increase),
    w("上升", Direction::Increase),
    w("扩大", Direction::Increase),
    w("上调", Direction::Increase),
    w("上浮", Direction::Increase),
    w("回升", Direction::Increase),
    w("攀升", Direction::Increase),
    w("增", Direction::Increase),
    w("涨", Direction::Increase),
    w("少增", Direction::Decrease),
    w("下降", Direction::Decrease),
    w("降低", Direction::Decrease),
    w("减少", Direction::Decrease),
    w("減少", Direction::Decrease),
    w("回落", Direction::Decrease),
    w("下调", Direction::Decrease),
    w("下浮", Direction::Decrease),
    w("下跌", Direction::Decrease),
    w("收窄", Direction::Decrease),
    w("收缩", Direction::Decrease),
    w("缩小", Direction::Decrease),
    w("下滑", Direction::Decrease),
    w("压减", Direction::Decrease),
    w("压降", Direction::Decrease),
    w("降", Direction::Decrease),
    w("减", Direction::Decrease),
    w("改善", Direction::Improve),
    w("好转", Direction::Improve),
    w("向好", Direction::Improve),
    w("持平", Direction::Stable),
    w("稳定在", Direction::Stable),
    w("保持在", Direction::Stable),
    w("维持在", Direction::Stable),
    w("稳定", Direction::Stable),
];

table! {
    /// Verbs of change written before an amount (`增长5.2%`, `下降0.29个百分点`) or ending a
    /// statement (`持续好转`).
    DIRECTION_VERBS: Direction = DIRECTION_VERB_WORDS
}

const DIRECTION_NOUN_WORDS: &[Word<Direction>] = &[
    w("涨幅", Direction::Increase),
    w("增速", Direction::Increase),
    w("增幅", Direction::Increase),
    w("增长率", Direction::Increase),
    w("增长", Direction::Increase),
    w("降幅", Direction::Decrease),
    w("下降率", Direction::Decrease),
    w("下降", Direction::Decrease),
    w("降低", Direction::Decrease),
];

table! {
    /// Nouns of change that end a subject and give the figure its direction
    /// (`居民消费价格涨幅3%`); the phrase parser reads them as lead-ins (`增速5%`).
    DIRECTION_NOUNS: Direction = DIRECTION_NOUN_WORDS
}

/// Nouns of a rate of change ending a subject (`居民收入增速`, `居民消费价格涨幅`): the subject is
/// the change, measured in percent, not the level it changes.
pub(crate) const RATE_NOUNS: &[&str] = &[
    "增速",
    "增幅",
    "涨幅",
    "降幅",
    "增长率",
    "下降率",
    "增长速度",
];

/// Words of a stretch beyond a target just set (`增长7%以上、力争达到8%`).
pub(crate) const STRETCH: &[&str] = &["力争", "争取", "努力"];

/// What a quota met ends with (`完成国家下达目标`, `…任务`, `…约束性指标`).
pub(crate) const QUOTA_ENDS: &[&str] = &["目标", "任务", "指标"];

/// Words of a quota set from above (`国家下达`, `“十四五”考核目标`, `约束性指标`).
pub(crate) const QUOTA_SETTERS: &[&str] = &["下达", "考核", "约束性"];

/// Adverbs before the 完成 of a quota (`均完成`, `确保完成`).
pub(crate) const QUOTA_ADVERBS: &[&str] = &["均", "全面", "确保", "坚决", "如期", "圆满", "都"];

/// Predicates that state a rate of change's sign (`进出口总额保持正增长`).
pub(crate) const SIGNED_GROWTH: &[&str] = &["正增长", "负增长"];

/// Suffixes that turn a level's name into its increase: 国内生产总值 → 国内生产总值增长.
pub(crate) const INCREASE_SUFFIXES: &[&str] = &[
    "增长",
    "增速",
    "增长率",
    "涨幅",
    "上涨",
    "增幅",
    "增加",
    "提高",
    "比上年增加",
];

/// Suffixes that turn a level's name into its decrease: 能耗 → 能耗下降.
pub(crate) const DECREASE_SUFFIXES: &[&str] =
    &["下降", "降幅", "降低", "下降率", "减少", "比上年减少"];

/// Verbs of change that end a figure-less clause as its predicate (`出口增速回落`,
/// `国际收支状况持续好转`).
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "下降", "回落", "降低", "减少", "收窄", "缩小", "改善", "好转", "提高", "提升", "上升", "增长",
    "扩大", "回升",
];

/// Manner adverbs before a verb of change (`稳中改善`, `持续好转`): the statement is the change.
pub(crate) const MANNERS: &[&str] = &[
    "稳中",
    "稳步",
    "持续",
    "继续",
    "进一步",
    "不断",
    "明显",
    "逐步",
    "保持",
    "有所",
];

/// Words that change nothing in a figure phrase (`达到`, `比上年`, `继续`, `持续` …).
pub(crate) const FILLERS: &[&str] = &[
    "达到",
    "达",
    "为",
    "是",
    "实现",
    "比上年",
    "同比",
    "年均",
    "平均",
    "继续",
    "持续",
    "进一步",
    "稳步",
    "逐步",
    "明显",
    "显著",
    "有所",
    "大幅",
    "不断",
    "较快",
    "力争",
    "确保",
    "争取",
    "努力",
    "完成",
    "在",
    "保持",
];

// ---------------------------------------------------------------------------------------------
// Relations, shares, comparison bases

const RELATION_WORDS: &[Word<Relation>] = &[
    w("高于", Relation::Above),
    w("快于", Relation::Above),
    w("超过", Relation::Above),
    w("低于", Relation::Below),
    w("慢于", Relation::Below),
];

/// Words that set a figure or a change against a named base: points above or below it
/// (`增速高于全省0.7个百分点`), or a relation (`增长高于国内生产总值增长`).
pub(crate) static RELATIONS: &[Word<Relation>] = RELATION_WORDS;

/// Words before a year or plan name that make it a comparison base (`比2023年`, `高于“十三五”`).
pub(crate) const COMPARISON_OPENERS: &[&str] = &[
    "比", "较", "与", "同", "和", "相比", "对比", "超过", "低于", "高于", "快于", "慢于",
];

/// Words closing a comparison base phrase (`与2000年相比，`): the base holds for the clauses
/// after it.
pub(crate) const COMPARED: &[&str] = &["相比", "比较"];

/// Words before a relative year word that make it a comparison base (`比上年`, `高于去年`).
pub(crate) const RELATIVE_YEAR_BASES: &[&str] = &["比", "较", "同", "与", "于", "和", "超过"];

/// Characters after `比` or `较` that make a word, not a comparison (`比重`, `较快`).
pub(crate) const NOT_COMPARISONS: &[char] = &['重', '例', '率', '值', '快', '慢', '大', '高', '低'];

/// Bases a share is written against, before `的`: `完成年度计划的102.5%`, `为上年的1.2倍`,
/// `增长到原来的1.5倍`.
pub(crate) const SHARE_BASES: &[&str] = &[
    "年度计划",
    "全年计划",
    "计划",
    "年初预算",
    "年度预算",
    "预算",
    "全年目标",
    "年度目标",
    "目标任务",
    "原来",
    "上年同期",
    "上年",
    "去年同期",
    "去年",
];

/// Verbs that measure a figure against a year's level: `恢复到2019年的112%`.
pub(crate) const SHARE_VERBS: &[&str] = &["恢复到", "恢复至", "相当于", "回升到", "回升至"];

/// The word closing the name of a product's output (`钢产量`): what comes before it is the
/// product, whose bare name in a list of outputs stands for its output.
pub(crate) const OUTPUT: &str = "产量";

/// Output words standing without their product (`粮食连续五年增产，总产量10570亿斤`, `粮食播种面积
/// 4157万亩、产量1146.1万吨`): the product is the last one the sentence names before them.
pub(crate) const BARE_OUTPUTS: &[&str] = &["总产量", "年产量", "产量", "总产"];

/// Words of a sentence about another measure of products than their output, in which a bare
/// product name does not count its output (`新增石油地质储量3000万吨、天然气200亿立方米`,
/// `钢：全部建成后增加的年产能力将为六百一十万吨`).
pub(crate) const NOT_OUTPUT_WORDS: &[&str] = &[
    "储量", "能力", "产能", "进口", "出口", "消费", "库存", "储备", "价格", "销售", "收购", "调入",
    "调出",
];

/// Heads that make a phrase a share or ratio of what it names.
pub(crate) const SHARE_HEADS: &[&str] = &["比重", "占比", "比例", "率", "之比", "贡献"];

/// Words joining a part to the whole it is a share of (`服务业增加值占国内生产总值比重`, `服务业在
/// 国内生产总值中的比重`, `研发经费与国内生产总值之比`, `…相当于全市生产总值的比例`).
pub(crate) const SHARE_OF: &[&str] = &["占", "在", "与", "相当于"];

/// Words that end an in-step phrase, after the reference (`与经济增长同步`).
pub(crate) const IN_STEP_ENDS: &[&str] = &["同步", "相适应", "相协调", "相匹配"];

/// Adverbs allowed before an in-step ending (`与经济增长基本同步`).
pub(crate) const IN_STEP_ADVERBS: &[&str] = &["基本", "保持", "实现", "大体", "总体"];

/// The words of growth a subject in step with another may end with (`居民收入实际增长与经济增长
/// 同步`), longest first; the last is the one a level takes (`居民可支配收入` + `增长`).
pub(crate) const IN_STEP_GROWTH_WORDS: &[&str] = &["实际增长", "名义增长", "增速", "增幅", "增长"];

/// Words that open a reference (`与经济增长同步`).
pub(crate) const REFERENCE_OPENERS: &[&str] = &["与", "同", "和", "跟"];

/// Qualitative states and the direction they imply.
pub(crate) const QUALITATIVE: &[(&str, Option<Direction>)] = &[
    ("基本平衡", None),
    ("总体平衡", None),
    ("收支平衡", None),
    ("平衡", None),
    ("基本稳定", Some(Direction::Stable)),
    ("总体稳定", Some(Direction::Stable)),
    ("保持稳定", Some(Direction::Stable)),
    ("稳定", Some(Direction::Stable)),
    ("基本持平", Some(Direction::Stable)),
    ("持平", Some(Direction::Stable)),
    ("在合理均衡水平上基本稳定", Some(Direction::Stable)),
    ("稳中有升", Some(Direction::Increase)),
    ("稳中有增", Some(Direction::Increase)),
    ("合理增长", Some(Direction::Increase)),
    ("稳定增长", Some(Direction::Increase)),
    ("平稳增长", Some(Direction::Increase)),
    ("较快增长", Some(Direction::Increase)),
    ("稳中有降", Some(Direction::Decrease)),
    ("稳中向好", Some(Direction::Improve)),
    ("稳中改善", Some(Direction::Improve)),
    ("稳中求进", Some(Direction::Improve)),
    ("合理充裕", None),
    ("合理均衡", None),
    ("合理区间", None),
    ("合理水平", None),
    ("基本匹配", None),
];

/// Lead-ins dropped before matching a qualitative state.
pub(crate) const QUALITATIVE_LEADS: &[&str] =
    &["继续保持", "保持在", "保持", "实现", "总体上", "力争"];

/// An aspiration after a figure that leaves it as stated (`，在实际工作中争取更好结果`).
pub(crate) const ASPIRATION_ENDS: &[&str] = &["更好结果", "更好成绩", "更好水平"];

// ---------------------------------------------------------------------------------------------
// Links and subjects

/// Words that link a subject to its figure without meaning of their own (达到, 为, 分别, 同比,
/// 比上年 …). Skipped when looking back from a figure for its subject.
pub(crate) const LINK_WORDS: &[&str] = &[
    // Price adjustments (社会商品零售总额扣除价格因素增长…, 考虑价格下降因素比上年实际增长…).
    "扣除价格因素后",
    "扣除价格因素",
    "扣除物价因素",
    "剔除价格因素",
    "考虑价格下降因素",
    "考虑价格因素",
    "执行结果为",
    "执行结果",
    "实际执行",
    "实际完成",
    "比上年同期",
    "较上年同期",
    "比上年末",
    "较上年末",
    "比去年末",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "比年初",
    "上年末",
    "同比",
    "环比",
    "达到",
    "分别",
    "累计",
    "合计",
    "总计",
    "共计",
    "实际",
    "名义",
    "平均",
    "年均",
    "全年",
    "已经",
    "连续",
    "设定为",
    "调整为",
    "确定为",
    "安排",
    "保持",
    "实现",
    "完成",
    "力争",
    "预计",
    "预期",
    "目标",
    "均",
    "共",
    "已",
    "达",
    "为",
    "是",
    "至",
    "到",
    "在",
    "了",
    "按",
    "由",
    "的",
    "将",
    "拟",
    "要",
    "再",
    "仍",
    "总",
];

/// Every link: [`LINK_WORDS`] and the [`TARGET_LINKS`] it does not list.
static ALL_LINKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all = LINK_WORDS.to_vec();
    all.extend(TARGET_LINKS.iter().filter(|w| !LINK_WORDS.contains(w)));
    all
});

/// Every link compiled for looking back from a figure.
pub(crate) static LINKS: LazyLock<Trie<u16>> = LazyLock::new(|| {
    Trie::of(
        ALL_LINKS.iter().enumerate().map(|(k, w)| (*w, k as u16)),
        true,
    )
});

/// The longest link word `s` ends with.
pub(crate) fn link_ending(s: &str) -> Option<&'static str> {
    let (k, _) = LINKS.longest(s)?;
    ALL_LINKS.get(usize::from(k)).copied()
}

/// Links after which an amount is a level, not a change (`提高到46.6%`).
pub(crate) const LEVEL_LINKS: &[&str] = &["至", "到", "为"];

/// Links that make a figure a target (`目标`, `力争`, `拟` before it); the plan verbs of the older
/// reports among them (`拟定为`, `指标为`, `计划安排`). Links too: see [`link_ending`].
pub(crate) const TARGET_LINKS: &[&str] = &[
    "目标",
    "力争",
    "预期",
    "拟",
    "要",
    "设定为",
    "确定为",
    "拟定为",
    "规定为",
    "计划为",
    "指标为",
    "安排为",
    "预定为",
    "计划安排",
    "拟定",
];

/// The link of the future (`钢产量…将比一九五七年增长百分之十九点二`): a target, unless the
/// clause estimates (`预计全年将增长5%`: an estimate of what happened).
pub(crate) const FUTURE: &str = "将";

/// The word of an estimate.
pub(crate) const ESTIMATE: &str = "预计";

/// Links that make a figure an outcome (`执行结果为`).
pub(crate) const OUTCOME_LINKS: &[&str] =
    &["执行结果", "执行结果为", "实际执行", "实际完成", "完成情况"];

/// Words before a year that keep it attached to the figure (`截至2023年末`).
pub(crate) const AS_OF: &[&str] = &["截至", "截止"];

/// Time words that open a subject phrase and belong to the year context, not the subject.
/// The word that opens a part of the figure before it (`其中用于项目建设1542亿元`).
pub(crate) const PART_OPENER: &str = "其中";

pub(crate) const LEADING_TIME: &[&str] = &[
    "过去一年",
    // 平均每年增长8.3％: how the figure is counted, not what it counts.
    "平均每年",
    "每年平均",
    "年均",
    "截至目前",
    "截至年末",
    "截至年底",
    "全年",
    "今年",
    "去年",
    "上年",
    "年末",
    "年底",
    "年初",
    "其中",
    "同时",
    "此外",
    "目前",
    "当年",
    "期末",
    "全国",
    "全省",
    "全市",
    "全区",
    "我国",
    "前三季度",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "上半年",
    "下半年",
];

/// Words opening a subject phrase that are no part of it (`在`, `将`, and target cues such as
/// `目标是` in `目标是地区生产总值增长6%`).
pub(crate) const SUBJECT_OPENERS: &[&str] = &[
    "截至",
    "截止",
    "在",
    "对",
    "将",
    "使",
    "把",
    "让",
    "由",
    "拟",
    "要",
    "目标是",
    "目标为",
    "预期目标是",
    "预期目标为",
    "主要预期目标是",
    "主要目标是",
];

/// A target cue inside a subject phrase: the subject follows it (`今年的发展目标是地区生产总值…`).
pub(crate) const TARGET_IS: &[&str] = &["目标是", "目标为"];

/// Words ending a subject phrase that make it a target (`…目标`, `…目标是`).
pub(crate) const TARGET_ENDS: &[&str] = &["目标", "目标是"];

/// Objects that are targets, not the thing counted (`未完成3%左右的预期目标`).
pub(crate) const TARGET_OBJECTS: &[&str] = &["目标", "目标任务"];

/// Verbs that open a clause before its subject.
pub(crate) const LEADING_VERBS: &[&str] = &[
    "安排", "增发", "实现", "完成", "推动", "累计", "力争", "确保", "保持", "接待", "引进", "吸引",
    "招引", "拉动",
];

/// Verbs that open a clause and govern the figure as an object (`增发1万亿元国债`,
/// `新建48个托育中心`): the subject is then the noun after the figure.
pub(crate) const OBJECT_VERBS: &[&str] = &[
    "增发", "发行", "安排", "新建", "建成", "建设", "培育", "形成", "推出", "出台", "制定", "启动",
    "支持", "认定", "布局", "吸纳", "带动", "惠及", "减少", "增加", "完成", "新增", "实施", "开展",
    "建立", "设立", "组织", "举办", "打造", "创建", "提供", "发放", "下达", "筹集", "落实", "来自",
    "守住", "守牢", "保障", "覆盖", "帮扶", "服务",
];

/// Nouns that open with an object verb (`服务业增加值比重`): no verb opens them.
pub(crate) const VERB_LED_NOUNS: &[&str] = &["服务业", "服务贸易", "服务消费", "服务外包"];

/// An object verb that stays in the subject it opens (`新增就业`).
pub(crate) const OBJECT_VERBS_KEPT: &[&str] = &["新增"];

/// Words that open a predicate after a counted noun (`12项重点任务全面推进`).
pub(crate) const OBJECT_PREDICATES: &[&str] = &[
    "全面", "基本", "顺利", "稳步", "有序", "进展", "取得", "已经", "全部", "如期", "提前", "开展",
];

/// Objects that are a floor: `守住18亿亩耕地红线`.
pub(crate) const FLOORS: &[&str] = &["红线", "底线"];

/// Words that are no subject on their own (`未完成3%左右的预期目标` leaves `未`).
pub(crate) const ADVERBS_ONLY: &[&str] = &[
    "未", "尚未", "没有", "也", "并", "都", "还", "仍", "均", "亦", "又", "已", "已经", "共", "较",
];

/// Nouns of people: a bare 万 before or after them counts persons.
pub(crate) const PEOPLE: &[&str] = &[
    "群众",
    "人口",
    "劳动力",
    "农民工",
    "农民",
    "居民",
    "毕业生",
    "学生",
    "职工",
    "人员",
    "人才",
    "儿童",
    "老人",
    "游客",
    "员工",
    "就业",
];

/// Head nouns that name an aspect of the previous subject: `规模`, `总额`.
pub(crate) const GENERIC_HEADS: &[&str] = &[
    "规模", "总额", "总量", "数量", "比重", "占比", "余额", "增速", "增幅",
];

/// The ratio of a previous subject: `与国内生产总值之比`.
pub(crate) const RATIO_OF: (&str, &str) = ("与", "之比");

/// Marks and words that join conjuncts of a list (`A、B和C`).
pub(crate) const CONJUNCTIONS: &[&str] = &["、", "和", "及", "与", "以及"];

/// Characters that end the noun after a figure (`增发1万亿元国债，`).
pub(crate) const OBJECT_ENDS: &[char] = &['、', '和', '及', '与', '（', '(', '“', '”'];

/// Shared heads of distributive lists the catalogue composes with each conjunct
/// (`基本养老、失业、工伤保险参保人数`).
pub(crate) const SHARED_HEADS: &[&str] = &[
    "投资",
    "人数",
    "收入",
    "增加值",
    "利率",
    "价格",
    "产量",
    "面积",
    "比重",
    "规模",
    "总额",
    "余额",
    "装机容量",
    "发电量",
    "产值",
    "销量",
    "吞吐量",
];

/// A subject over town and country (`城乡X`), and the two it distributes to.
pub(crate) const TOWN_AND_COUNTRY: (&str, [&str; 2]) = ("城乡", ["城镇", "农村"]);

/// Heads of a share clause that measures amounts stated before it (`…占规模以上工业增加值比重`).
pub(crate) const SHARE_CLAUSE_HEADS: &[&str] = &["比重", "比例", "份额"];

// ---------------------------------------------------------------------------------------------
// Time

/// Words opening a paragraph that review the outcome year (`过去一年，…`, `去年…`).
pub(crate) const REVIEW_OPENERS: &[&str] = &[
    "过去一年",
    "过去的一年",
    "在过去的一年",
    "在过去一年",
    "去年",
    "上年",
    "上一年",
];

/// The word of the plan year (`今年`).
pub(crate) const THIS_YEAR: &str = "今年";

/// The year before the plan year, as a heading says it (`去年工作回顾`).
pub(crate) const LAST_YEAR: &str = "去年";

/// The words of the year before (`从去年的2.1%提高到2.3%`).
pub(crate) const PAST_YEAR_WORDS: &[&str] = &["去年", "上年", "上一年"];

/// Words that may come before an indicator's name in its subject phrase without making it a
/// part of the total (`全省地区生产总值`, `我国粮食产量`, `地方一般公共预算收入`); any other
/// words joined to the name do (`海洋生产总值`, `中央财政赤字`). Jurisdictions' names are scopes
/// too.
pub(crate) const SUBJECT_SCOPES: &[&str] = &[
    "全国",
    "全省",
    "全市",
    "全区",
    "全州",
    "全县",
    "全疆",
    "全岛",
    "全域",
    "全社会",
    "全体",
    "全口径",
    "我国",
    "我省",
    "我市",
    "我区",
    "本省",
    "本市",
    "本区",
    "中国",
    "地方",
    "全年",
    "当年",
    "年度",
    "同期",
    "实际",
    "累计",
    "城乡",
    "整体",
    "总体",
    "地区",
    "国内",
    "国家",
    "决算",
    "预算",
    "省",
    "市",
    "区",
];

/// Words ending a time phrase of a span (`五年来`, `2012年以来`, `十三五时期`).
pub(crate) const SPAN_SINCE: &[&str] = &["年来", "年间", "年内", "以来", "期间", "时期", "期内"];

/// Function words that may stand just before an indicator's name (`国家预算内和预算外的基本建设
/// 投资`, `今年再减少农村贫困人口`).
pub(crate) const NAME_JOINS: &[char] = &[
    '的', '和', '与', '及', '了', '再', '均', '为', '是', '将', '在', '使', '对', '把', '由', '从',
    '并', '也', '又', '还', '仍', '已', '要', '拟', '即', '但', '而', '且', '则', '就', '都',
];

/// Verbs and adverbs that may lead to an indicator's name (`预计地区生产总值`, `提出钢产量`).
pub(crate) const NAME_LEADS: &[&str] = &[
    "预计",
    "初步",
    "提出",
    "达到",
    "争取",
    "稳定",
    "提高",
    "扩大",
    "继续",
    "进一步",
    "全面",
    "预期",
    "确定",
    "规定",
    "要求",
    "计划",
    "新开工",
    "开工",
    "续建",
    "改造",
    "环境",
];

/// Words that may come before the count of a span of years opening a clause (`这五年`, `近十年`).
pub(crate) const SPAN_LEADS: &[&str] = &["过去的", "过去", "这", "近"];

/// The word opening a span of past years (`过去五年`, `过去的五年`).
pub(crate) const PAST: &str = "过去";

/// Words after a span of years that keep it a span (`3年来`, `五年间`).
pub(crate) const SPAN_ENDS: &[&str] = &["来", "间", "内", "里"];

/// Words after a span of years that keep it time (`两年平均增长`).
pub(crate) const SPAN_FOLLOWERS: &[&str] = &["平均", "累计"];

/// Words saying a year end: `年末`, `年底`.
pub(crate) const YEAR_END: &[&str] = &["年末", "年底"];

/// Words saying an average: `平均`, `年均`.
pub(crate) const AVERAGE: &[&str] = &["平均", "年均"];

/// Words of a clause that count what a span of years added, not where it ended
/// (`新建高速铁路1.2万公里`, `累计建成…`).
pub(crate) const FLOW_WORDS: &[&str] = &[
    "新增",
    "新建",
    "累计",
    "建成",
    "改造",
    "新开工",
    "合计",
    "共计",
    "总计",
    "减少",
    "增加",
];

/// Endings of the words before the later level of a change over a span of years
/// (`从一九八○年至一九八五年，原煤产量由六亿二千万吨增加到八亿五千万吨`: 增加到, 提高至).
pub(crate) const LEVEL_TO_ENDS: &[&str] = &["到", "至"];

/// Words before the earlier level of such a change (`由六亿二千万吨`, `从54万亿元`).
pub(crate) const LEVEL_FROM_ENDS: &[&str] = &["由", "从"];

/// Words of measure between `从` and the level it opens (`从人均8.7万元`, `从每月70元`).
pub(crate) const PER_WORDS: &[&str] = &["人均", "每人", "每月", "每年", "平均"];

/// The word saying a whole year: `全年`.
pub(crate) const WHOLE_YEAR: &str = "全年";

/// Words before a year that make it a date of the figure (`截至2023年`, `到2025年`).
pub(crate) const YEAR_OPENERS: &[&str] = &["截至", "截止", "到"];

/// The topic opener of a sentence: `关于X：`.
pub(crate) const ABOUT: &str = "关于";

/// Words naming what a report is (`关于…第六个五年计划的报告`, `…的议案`).
pub(crate) const REPORTS: &[&str] = &["报告", "议案"];

// ---------------------------------------------------------------------------------------------
// Targets and outcomes

const TARGET_CUE_WORDS: &[Word<()>] = &[
    w("预期目标", ()),
    w("主要目标", ()),
    w("目标", ()),
    w("力争", ()),
    w("争取", ()),
    w("确保", ()),
    w("拟", ()),
    w("计划", ()),
    w("安排", ()),
    // 符合预期, 好于预期, 超预期: an assessment of the plan, not the plan.
    Word {
        not_after: &["于", "合", "超", "及"],
        ..w("预期", ())
    },
    w("要求", ()),
];

/// Words in the clause or sentence of a figure that make it a target: the plan sets it.
pub(crate) static TARGET_CUES: &[Word<()>] = TARGET_CUE_WORDS;

/// Whether `s` holds a target cue where it is one (the sentence walk reads the cues in one
/// pass, `classify::gather_cues`, which its tests hold to this).
#[cfg(test)]
pub(crate) fn has_target_cue(s: &str) -> bool {
    TARGET_CUES.iter().any(|cue| {
        s.match_indices(cue.text)
            .any(|(k, m)| cue.applies(&s[..k], &s[k + m.len()..]))
    })
}

/// Words that make a figure an outcome: the report states what happened.
pub(crate) const OUTCOME_CUES: &[&str] = &[
    "全年",
    "年末",
    "年底",
    "上年",
    "去年",
    "同比",
    "过去一年",
    "已",
    "累计",
    "实现",
    "完成",
    "达到",
    "截至",
];

/// Words between a list of names and a figure that make the figure the list's total
/// (`保障性住房、棚户区改造住房共1000万套`).
pub(crate) const LIST_TOTALS: &[&str] = &["共", "合计", "总计", "总共"];

/// Words that speak of a part of the year already gone (`今年以来`, `今年一季度`, `1至2月份`):
/// what they count is no plan.
pub(crate) const PART_OF_YEAR_GONE: &[&str] = &["以来", "季度", "月份", "上半年", "前两个月"];

/// Words after a figure that make it a target: `高于5%左右的预期目标`.
pub(crate) const TARGET_AFTER: &[&str] = &[
    "的预期目标",
    "的年度目标",
    "的年度预期目标",
    "的全年目标",
    "的规划目标",
    "的目标",
    "预期目标",
    "目标",
    "安排",
];

/// A heading about what happened (the review part of a report).
pub(crate) const HEADING_OUTCOME: &[&str] =
    &["执行情况", "工作回顾", "回顾", "完成情况", "进展", "成就"];

/// A heading about what is planned.
pub(crate) const HEADING_TARGET: &[&str] = &[
    "计划草案",
    "草案",
    "总体要求",
    "主要目标",
    "预期目标",
    "目标",
    "任务",
    "政策取向",
    "工作安排",
    "建议",
    "部署",
];

/// Intros of a headline target list.
pub(crate) const LIST_INTROS: &[&str] = &["主要预期目标", "主要目标", "预期目标", "发展目标"];

/// Words between a list intro and its colon (`主要预期目标是：`).
pub(crate) const LIST_COPULAS: &[char] = &['是', '为'];

/// Words that say no target was set.
pub(crate) const NEGATIONS: &[&str] = &["没有", "未", "不再", "不设", "不提"];

// ---------------------------------------------------------------------------------------------
// Statements without figures

/// Predicates of relational, qualitative and direction-only statements, matched at the end of
/// a clause: `…与经济增长同步`, `…保持基本平衡`, `…继续下降`.
pub(crate) const PREDICATES: &[&str] = &[
    "保持基本平衡",
    "保持基本稳定",
    "基本平衡",
    "基本稳定",
    "保持稳定",
    "基本同步",
    "同步",
    "相匹配",
    "相适应",
    "持续改善",
    "稳定改善",
    "稳中改善",
    "进一步改善",
    "明显改善",
    "继续改善",
    "不断改善",
    "继续下降",
    "持续下降",
    "继续减少",
    "持续减少",
    "稳中有升",
    "稳中有降",
    "持续上升",
    "持续增长",
    "继续增长",
    "稳步增长",
    "继续缩小",
    "持续缩小",
    "稳步提高",
    "持续提高",
    "继续提高",
    "不断提高",
    "稳步提升",
    "持续提升",
    // Qualitative targets of the lists (trade, prices, ecology) and of provincial reports
    // bound to the national plan.
    "回稳向好",
    "稳中向好",
    "稳中提质",
    "促稳提质",
    "保稳提质",
    "稳量提质",
    "量稳质升",
    "正增长",
    "完成国家下达目标任务",
    "完成国家下达的目标任务",
    "完成国家下达目标",
    "完成国家下达任务",
    "完成国家下达的任务",
    "达到国家要求",
    "保持合理水平",
    "保持优良",
    "保持优秀水平",
];

/// Verbs that make their object change (`推动社会综合融资成本下降`); a clause opening with one
/// states the change of its object.
pub(crate) const CAUSATIVES: &[&str] = &["推动", "促进", "带动", "促使", "引导", "实现"];

/// Words before a verb of change that say the opposite (`防止…下降`).
pub(crate) const PREVENTIONS: &[&str] = &["防止", "遏制", "避免", "扭转", "防范", "减缓", "延缓"];

/// Characters before a verb of change that make it no statement of fact (`不下降`, `将提高`).
pub(crate) const NOT_STATED: &[char] = &['不', '未', '将', '要', '会', '能'];

/// Verbs that open a direction-only clause with its object: `提高民营企业贷款占比`.
pub(crate) const LEAD_VERBS: &[&str] = &[
    "稳定",
    "稳步提高",
    "稳步提升",
    "持续提高",
    "持续提升",
    "进一步提高",
    "进一步提升",
    "逐步提高",
    "提高",
    "提升",
    "降低",
    "逐步降低",
    "扩大",
    "缩小",
];

/// Adverbs before a lead verb.
pub(crate) const ADVERBS: &[&str] = &[
    "适度",
    "适当",
    "合理",
    "努力",
    "进一步",
    "着力",
    "持续",
    "稳步",
    "逐步",
    "不断",
    "积极",
    "切实",
    "力争",
    "继续",
];

// ---------------------------------------------------------------------------------------------
// Characters

/// Opening quotes and brackets between a link word and a figure: `由2023年的“1200万人左右”`.
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '「' | '『')
}

/// Closing quotes after a figure.
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '」' | '』')
}

/// Clause punctuation: a figure's subject is looked for within its clause.
pub(crate) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '；' | '：' | ',' | ';' | ':' | '。' | '！' | '？' | '!' | '?' | '\n' | '\r'
    )
}

/// Sentence punctuation: year context does not cross it.
pub(crate) fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

/// Words after a plan's short name that make it the plan (`六五计划`, `“十五”时期`).
pub(crate) const PLAN_SPANS: &[&str] = &["计划", "期间", "时期", "规划"];

/// A five-year plan named at the start of `s`, `prev` being the character before it: the plan's
/// first and last years and the name's length in bytes. `十四五` (the 11th to 15th plans by
/// their number), `第六个五年计划` (any plan by its ordinal, with or without 计划), and the short
/// form of the 1st to 10th before 计划, 期间, 时期 or 规划 (`六五计划`, `“十五”时期`; not the 五 of a
/// year, `一九九五年`, nor 十五年). The first two plans ran 1953–1957 and 1958–1962; the third
/// began in 1966.
pub(crate) fn plan_name_at(s: &str, prev: Option<char>) -> Option<(i32, i32, usize)> {
    let years = |n: i32| {
        let first = if n <= 2 {
            1953 + 5 * (n - 1)
        } else {
            1966 + 5 * (n - 3)
        };
        (first, first + 4)
    };
    if prev.is_some_and(|c| one_to_nine(c).is_some() || c == '十' || c == '第') {
        return None;
    }
    if let Some(rest) = s.strip_prefix('第') {
        // 第六个五年计划, 第十一个五年规划.
        let (n, len) = ordinal_up_to_fifteen(rest)?;
        let tail = rest[len..].strip_prefix('个')?.strip_prefix("五年")?;
        let plan = ["计划", "规划"]
            .iter()
            .find(|w| tail.starts_with(*w))
            .map_or(0, |w| w.len());
        let (first, last) = years(n);
        return Some((first, last, s.len() - tail.len() + plan));
    }
    let (mut n, mut len) = ordinal_up_to_fifteen(s)?;
    if n > 10 && !s[len..].starts_with('五') {
        // “十五”计划: the 10th.
        (n, len) = (10, '十'.len_utf8());
    }
    let after = s[len..].strip_prefix('五')?;
    // 十一五 … 十五五 stand alone; the 1st to 10th before 计划, 期间 and the like.
    let spanned = after.trim_start_matches(is_close_quote);
    (n > 10 || PLAN_SPANS.iter().any(|w| spanned.starts_with(w))).then(|| {
        let (first, last) = years(n);
        (first, last, len + '五'.len_utf8())
    })
}

/// The plan period named in `title`: `十四五` → (2021, 2025), `第六个五年计划` and `六五计划` →
/// (1981, 1985) (see [`plan_name_at`]), the first a text names.
pub(crate) fn plan_period(title: &str) -> Option<(i32, i32)> {
    plan_periods(title).next()
}

/// The periods of the five-year plans `s` names, in text order.
pub(crate) fn plan_periods(s: &str) -> impl Iterator<Item = (i32, i32)> + '_ {
    let mut prev = None;
    s.char_indices().filter_map(move |(k, c)| {
        let p = prev;
        prev = Some(c);
        (c == '第' || c == '十' || cjk_digit(c).is_some())
            .then(|| plan_name_at(&s[k..], p))
            .flatten()
            .map(|(first, last, _)| (first, last))
    })
}

/// A number from 1 to 15 in Chinese numerals at the start of `s` (`六`, `十`, `十四`) and its
/// length.
fn ordinal_up_to_fifteen(s: &str) -> Option<(i32, usize)> {
    let mut it = s.chars();
    let c = it.next()?;
    if c == '十' {
        return Some(match it.next().and_then(one_to_nine).filter(|&u| u <= 5) {
            Some(u) => (10 + u, 6),
            None => (10, 3),
        });
    }
    one_to_nine(c).map(|n| (n, c.len_utf8()))
}

/// A Chinese digit from 一 to 九.
fn one_to_nine(c: char) -> Option<i32> {
    cjk_digit(c)
        .filter(|d| (1..=9).contains(d))
        .map(|d| d as i32)
}

/// The value of a CJK numeral digit (〇 to 九, 两, financial and traditional forms), for years
/// and list markers: the numeral table of [`crate::numerals`].
pub(crate) fn cjk_digit(c: char) -> Option<u32> {
    crate::numerals::chinese_digit(c)
}

/// Whether `c` can be part of a Chinese numeral (digits, units and magnitude words): the
/// numeral table of [`crate::numerals`].
pub(crate) fn is_cjk_numeral(c: char) -> bool {
    crate::numerals::is_chinese_numeral(c)
}

// ---------------------------------------------------------------------------------------------
// Look-ups of plain lists

/// The longest word of `list` that `s` ends with.
pub(crate) fn longest_suffix_word<'a>(s: &str, list: &'a [&'a str]) -> Option<&'a str> {
    list.iter()
        .copied()
        .filter(|w| ends_with(s, w))
        .max_by_key(|w| w.len())
}

/// The longest word of `list` that `s` starts with.
pub(crate) fn longest_prefix_word<'a>(s: &str, list: &'a [&'a str]) -> Option<&'a str> {
    list.iter()
        .copied()
        .filter(|w| starts_with(s, w))
        .max_by_key(|w| w.len())
}

/// `s.ends_with(w)` and `s.starts_with(w)` compared byte by byte from the end that must match:
/// a text is tried against each of a list of short words, most of which differ from it in the
/// first byte compared, where a call to `memcmp` costs more than the comparison.
fn ends_with(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    s.len() >= w.len() && s.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
}

fn starts_with(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
}

/// Whether any word of `list` occurs in `s`.
pub(crate) fn contains_any(s: &str, list: &[&str]) -> bool {
    list.iter().any(|w| s.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_find_the_longest_word_at_either_end() {
        assert_eq!(
            PRE_COMPARATORS.ending("增长不低于").map(|w| w.text),
            Some("不低于")
        );
        assert_eq!(PRE_COMPARATORS.ending("节约").map(|w| w.text), Some("约"));
        assert!(
            !PRE_COMPARATORS
                .ending("节约")
                .is_some_and(|w| w.applies("节", ""))
        );
        assert_eq!(
            POST_COMPARATORS.starting("及以上。").map(|w| w.value),
            Some(Comparator::AtLeast)
        );
        assert_eq!(
            DIRECTION_VERBS.ending("持续好转").map(|w| w.value),
            Some(Direction::Improve)
        );
        assert_eq!(
            DIRECTION_NOUNS.ending("增长率").map(|w| w.text),
            Some("增长率")
        );
        assert_eq!(link_ending("比上年同期"), Some("比上年同期"));
        assert_eq!(link_ending("国内生产总值"), None);
    }

    #[test]
    fn expectations_are_no_target_cue() {
        assert!(has_target_cue("主要预期目标是"));
        assert!(has_target_cue("预期增长5%"));
        assert!(!has_target_cue("增长好于预期"));
        assert!(!has_target_cue("符合预期"));
        assert!(has_target_cue("好于预期，力争"));
    }

    #[test]
    fn every_word_is_listed_once() {
        for list in [
            LINK_WORDS,
            LEADING_TIME,
            OBJECT_VERBS,
            SHARE_BASES,
            RANGE_JOINS,
            CHANGE_VERBS,
            PREDICATES,
            OUTCOME_CUES,
            TARGET_AFTER,
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for w in list {
                assert!(seen.insert(*w), "{w} twice");
            }
        }
        for table in [&PRE_COMPARATORS, &POST_COMPARATORS] {
            let mut seen = std::collections::BTreeSet::new();
            for w in table.words {
                assert!(seen.insert(w.text), "{} twice", w.text);
            }
        }
        for table in [&DIRECTION_VERBS, &DIRECTION_NOUNS] {
            let mut seen = std::collections::BTreeSet::new();
            for w in table.words {
                assert!(seen.insert(w.text), "{} twice", w.text);
            }
        }
    }
}
