//! Word lists of the report grammar: bound qualifiers, directions of change, linking verbs,
//! time words and the cue words that tell a target from an outcome.
//!
//! Every list is matched at a known position (just before or just after a figure, or at the
//! start of a subject phrase), never searched for across the text, so the lists cost nothing on
//! text without figures.

use crate::target::{Comparator, Direction};

/// Qualifiers written after a figure: `5%左右`, `1200万人以上`, `5.5%以内`.
pub(crate) const POST_QUALIFIERS: &[(&str, Comparator)] = &[
    ("左右", Comparator::Around),
    ("上下", Comparator::Around),
    ("以上", Comparator::AtLeast),
    ("之上", Comparator::AtLeast),
    ("以内", Comparator::AtMost),
    ("之内", Comparator::AtMost),
    ("以下", Comparator::AtMost),
    ("有余", Comparator::MoreThan),
];

/// Qualifiers written before a figure, longest first within a shared ending: `超过2.2万亿元`,
/// `近3万亿千瓦时`, `不低于3%`. `控制在` and the like are verbs that bound the figure only when no
/// qualifier follows it (`控制在3%左右` is around 3%).
pub(crate) const PRE_QUALIFIERS: &[(&str, Comparator)] = &[
    ("不低于", Comparator::AtLeast),
    ("不少于", Comparator::AtLeast),
    ("至少", Comparator::AtLeast),
    ("不超过", Comparator::AtMost),
    ("不高于", Comparator::AtMost),
    ("不多于", Comparator::AtMost),
    ("控制在", Comparator::AtMost),
    ("大约", Comparator::Around),
    ("大概", Comparator::Around),
    ("约", Comparator::Around),
    ("超过", Comparator::MoreThan),
    ("高于", Comparator::MoreThan),
    ("多于", Comparator::MoreThan),
    ("突破", Comparator::MoreThan),
    ("逾", Comparator::MoreThan),
    ("超", Comparator::MoreThan),
    ("接近", Comparator::LessThan),
    ("不到", Comparator::LessThan),
    ("不足", Comparator::LessThan),
    ("低于", Comparator::LessThan),
    ("近", Comparator::LessThan),
];

/// Pre-qualifiers that are verbs rather than bounds: they are not part of the figure's span.
pub(crate) fn is_verbal_qualifier(word: &str) -> bool {
    matches!(word, "控制在")
}

/// Verbs of change written before an amount (`增长5.2%`, `下降0.29个百分点`), longest first
/// within a shared ending.
pub(crate) const DIRECTIONS: &[(&str, Direction)] = &[
    ("多增", Direction::Increase),
    ("增长", Direction::Increase),
    ("增加", Direction::Increase),
    ("上涨", Direction::Increase),
    ("提高", Direction::Increase),
    ("提升", Direction::Increase),
    ("上升", Direction::Increase),
    ("扩大", Direction::Increase),
    ("上调", Direction::Increase),
    ("回升", Direction::Increase),
    ("攀升", Direction::Increase),
    ("增", Direction::Increase),
    ("涨", Direction::Increase),
    ("少增", Direction::Decrease),
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
    ("减少", Direction::Decrease),
    ("回落", Direction::Decrease),
    ("下调", Direction::Decrease),
    ("收窄", Direction::Decrease),
    ("缩小", Direction::Decrease),
    ("下滑", Direction::Decrease),
    ("压减", Direction::Decrease),
    ("压降", Direction::Decrease),
    ("降", Direction::Decrease),
    ("减", Direction::Decrease),
    ("持平", Direction::Stable),
    ("稳定在", Direction::Stable),
    ("保持在", Direction::Stable),
    ("维持在", Direction::Stable),
    ("稳定", Direction::Stable),
];

/// Nouns of change that end a subject and give the figure its direction: `居民消费价格涨幅3%`.
pub(crate) const DIRECTION_NOUNS: &[(&str, Direction)] = &[
    ("涨幅", Direction::Increase),
    ("增速", Direction::Increase),
    ("增幅", Direction::Increase),
    ("增长率", Direction::Increase),
    ("增长", Direction::Increase),
    ("降幅", Direction::Decrease),
    ("下降率", Direction::Decrease),
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
];

/// Words that link a subject to its figure without meaning of their own (达到, 为, 分别, 同比,
/// 比上年 …). Skipped when looking back from a figure for its subject.
pub(crate) const LINKS: &[&str] = &[
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

/// Opening quotes and brackets between a link word and a figure: `由2023年的“1200万人左右”`.
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '「' | '『')
}

/// Closing quotes after a figure.
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '」' | '』')
}

/// Time words that open a subject phrase and belong to the year context, not the subject.
pub(crate) const LEADING_TIME: &[&str] = &[
    "过去一年",
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

/// Verbs that open a clause and govern the figure as an object (`增发1万亿元国债`,
/// `新建48个托育中心`): the subject is then the noun after the figure.
pub(crate) const OBJECT_VERBS: &[&str] = &[
    "增发", "发行", "安排", "新建", "建成", "建设", "培育", "形成", "推出", "出台", "制定", "启动",
    "支持", "认定", "布局", "吸纳", "带动", "惠及", "减少", "增加", "完成", "新增", "实施", "开展",
    "建立", "设立", "组织", "举办", "打造", "创建", "提供", "发放", "下达", "筹集", "落实", "来自",
    "守住", "守牢", "保障", "覆盖", "帮扶", "服务",
];

/// Words in the clause or sentence of a figure that make it a target: the plan sets it.
pub(crate) const TARGET_CUES: &[&str] = &[
    "预期目标",
    "主要目标",
    "目标",
    "力争",
    "争取",
    "确保",
    "拟",
    "计划",
    "安排",
    "预期",
    "要求",
];

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

/// The longest entry of `list` that `s` ends with.
pub(crate) fn longest_suffix<'a, T: Copy>(
    s: &str,
    list: &'a [(&'a str, T)],
) -> Option<(&'a str, T)> {
    let mut best: Option<(&str, T)> = None;
    for &(w, v) in list {
        if s.ends_with(w) && best.is_none_or(|(b, _)| w.len() > b.len()) {
            best = Some((w, v));
        }
    }
    best
}

/// The longest entry of `list` that `s` starts with.
pub(crate) fn longest_prefix<'a, T: Copy>(
    s: &str,
    list: &'a [(&'a str, T)],
) -> Option<(&'a str, T)> {
    let mut best: Option<(&str, T)> = None;
    for &(w, v) in list {
        if s.starts_with(w) && best.is_none_or(|(b, _)| w.len() > b.len()) {
            best = Some((w, v));
        }
    }
    best
}

/// The longest word of `list` that `s` ends with.
pub(crate) fn longest_suffix_word<'a>(s: &str, list: &'a [&'a str]) -> Option<&'a str> {
    list.iter()
        .copied()
        .filter(|w| s.ends_with(w))
        .max_by_key(|w| w.len())
}

/// The longest word of `list` that `s` starts with.
pub(crate) fn longest_prefix_word<'a>(s: &str, list: &'a [&'a str]) -> Option<&'a str> {
    list.iter()
        .copied()
        .filter(|w| s.starts_with(w))
        .max_by_key(|w| w.len())
}

/// Whether any word of `list` occurs in `s`.
pub(crate) fn contains_any(s: &str, list: &[&str]) -> bool {
    list.iter().any(|w| s.contains(w))
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
