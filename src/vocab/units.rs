//! Units a figure can carry, and the kind of figure each one makes.
//!
//! One table: the unit as written, the unit reported (`unit` in the result: the base unit
//! without multipliers — 万/亿/千 are folded into the value by the number parser, so `万元`
//! is written `万` + `元` and needs no row of its own), and the kind.

use std::sync::LazyLock;

use crate::re::WordTable;
use crate::result::MetricKind;
use MetricKind::*;

/// `(as written, reported unit, kind)`. The matcher tries longer spellings first.
pub const UNITS: &[(&str, &str, MetricKind)] = &[
    // counts: measure words
    ("件", "件", Count), ("项", "项", Count), ("个", "个", Count), ("人", "人", Count),
    ("人次", "人次", Count), ("名", "名", Count), ("次", "次", Count), ("家", "家", Count),
    ("家次", "家次", Count), ("户", "户", Count), ("户次", "户次", Count), ("份", "份", Count),
    ("场", "场", Count), ("场次", "场次", Count), ("场(次)", "场(次)", Count), ("期", "期", Count),
    ("批", "批", Count), ("批次", "批次", Count), ("条", "条", Count), ("篇", "篇", Count),
    ("支", "支", Count), ("台", "台", Count), ("套", "套", Count), ("台(套)", "台(套)", Count),
    ("台套", "台套", Count), ("台次", "台次", Count), ("卷", "卷", Count), ("起", "起", Count),
    ("笔", "笔", Count), ("块", "块", Count), ("册", "册", Count), ("张", "张", Count),
    ("所", "所", Count), ("座", "座", Count), ("处", "处", Count), ("辆", "辆", Count),
    ("部", "部", Count), ("本", "本", Count), ("门", "门", Count), ("类", "类", Count),
    ("宗", "宗", Count), ("单", "单", Count), ("例", "例", Count), ("轮", "轮", Count),
    ("间", "间", Count), ("种", "种", Count), ("位", "位", Count), ("队", "队", Count),
    ("组", "组", Count), ("株", "株", Count), ("棵", "棵", Count),
    ("头", "头", Count), ("只", "只", Count), ("艘", "艘", Count), ("架", "架", Count),
    ("课时", "课时", Duration), ("学时", "学时", Duration), ("幅", "幅", Count), ("面", "面", Count),
    ("盏", "盏", Count), ("枚", "枚", Count), ("封", "封", Count), ("栋", "栋", Count),
    // money
    ("元", "元", Money), ("美元", "美元", Money), ("欧元", "欧元", Money),
    // percent
    ("%", "%", Percent), ("‰", "‰", Percent), ("个百分点", "个百分点", Percent),
    ("百分点", "个百分点", Percent),
    // durations (a 4-digit year before 年 is a year, not a duration: see metrics' filter)
    ("天", "天", Duration), ("日", "日", Duration), ("小时", "小时", Duration),
    ("分钟", "分钟", Duration), ("秒", "秒", Duration), ("个工作日", "个工作日", Duration),
    ("工作日", "工作日", Duration), ("个月", "个月", Duration), ("周", "周", Duration),
    ("年", "年", Duration), ("个小时", "小时", Duration),
    // measures
    ("吨", "吨", Measure), ("万吨", "吨", Measure), ("公斤", "千克", Measure), ("千克", "千克", Measure),
    ("克", "克", Measure), ("公里", "公里", Measure), ("千米", "公里", Measure), ("米", "米", Measure),
    ("平方米", "平方米", Measure), ("平方公里", "平方公里", Measure), ("立方米", "立方米", Measure),
    ("亩", "亩", Measure), ("公顷", "公顷", Measure), ("千瓦时", "千瓦时", Measure),
    ("千瓦", "千瓦", Measure), ("兆瓦", "兆瓦", Measure), ("微克/立方米", "μg/m³", Measure),
    ("ug/m3", "μg/m³", Measure), ("μg/m3", "μg/m³", Measure), ("μg/m³", "μg/m³", Measure),
    ("ug/m³", "μg/m³", Measure), ("毫克/立方米", "mg/m³", Measure), ("mg/m3", "mg/m³", Measure),
    ("mg/m³", "mg/m³", Measure), ("毫克/升", "mg/L", Measure), ("mg/L", "mg/L", Measure),
    ("蒸吨/小时", "蒸吨/小时", Measure), ("蒸吨", "蒸吨", Measure), ("升", "升", Measure),
    ("立方", "立方米", Measure), ("倍", "倍", Measure), ("分贝", "分贝", Measure),
];

/// Units a template placeholder stands before (`x名`, `*次`, `X月`).
pub const PLACEHOLDER_UNITS: &[&str] = &[
    "人次", "场次", "个", "件", "项", "人", "名", "次", "家", "户", "份", "场", "期", "批", "条", "篇", "支",
    "台", "套", "卷", "起", "笔", "块", "元", "万元", "亿元", "%", "天", "年", "月", "日", "号", "届", "小时",
];

/// Units that count the same thing (`75批次` broken down into `26批`, `49批`).
pub const UNIT_EQUIVALENTS: &[(&str, &str)] = &[("批", "批次"), ("场", "场次"), ("台", "台(套)"), ("套", "台(套)")];

/// The count units a paragraph most often uses for its bare counts: a number that lost its
/// measure word is told to use the one its neighbours use (`review::copying`).
pub const FREQUENT_COUNT_UNITS: &[&str] = &["件", "项", "个", "户", "人", "名", "次", "家", "份", "条", "篇", "起"];

/// Units some rules name: a year (`2022年` is a date, not a length), a day of the month, a percentage.
pub const YEAR_UNIT: &str = "年";
pub const DAY_UNIT: &str = "日";
pub const PERCENT_UNIT: &str = "%";

/// Characters right after a unit that make the unit the first character of another word
/// (`5部门` is not 5 部; `一次性` is not once; `10周年` is an anniversary). A quantity whose
/// unit is followed by one of these is not a figure.
pub const UNIT_BLOCKERS: &[(&str, &[&str])] = &[
    ("部", &["门", "署", "分", "队", "长", "委"]),
    ("所", &["有", "属", "在", "得", "以", "谓", "长"]),
    ("处", &["理", "置", "罚", "分", "室", "长", "于", "级"]),
    ("本", &["级", "单位", "部门", "年", "次", "辖区", "地", "身", "着"]),
    ("单", &["位", "独", "一", "元"]),
    ("类", &["型", "别", "似", "案件"]),
    ("座", &["谈"]),
    ("门", &["户", "槛", "类", "诊", "面"]),
    ("次", &["性", "办", "采集", "告知", "生"]),
    ("起", &["草", "诉", "来", "到", "点", "步", "始"]),
    ("期", &["间", "限", "刊", "工程", "项目", "满"]),
    ("支", &["持", "付", "出", "部", "援", "撑"]),
    ("条", &["例", "款", "件", "线", "龙"]),
    ("名", &["单", "称", "义", "录", "额"]),
    ("家", &["庭", "属", "长", "族", "乡"]),
    ("户", &["籍", "口", "外", "主"]),
    ("台", &["账", "阶", "风", "湾"]),
    ("场", &["所", "景", "地", "馆"]),
    ("天", &["气", "然", "下", "津", "空"]),
    ("周", &["年", "岁", "边", "期", "末"]),
    ("宗", &["教", "旨"]),
    ("笔", &["录", "试", "者"]),
    ("批", &["准", "复", "评", "示", "办"]),
    ("篇", &["章"]),
    ("例", &["如", "会", "行", "外"]),
    ("轮", &["训", "换", "流"]),
    ("间", &["隔", "断"]),
    ("人", &["民", "大", "员", "社"]),
    ("位", &["于", "置", "列"]),
    ("个", &["体", "性", "别"]),
    ("头", &["脑", "衔"]),
    ("面", &["对", "向", "积", "临"]),
    ("组", &["织", "建", "成", "长"]),
    ("队", &["伍", "长"]),
    ("张", &["贴"]),
    ("年", &["级"]),
    ("米", &["粮"]),
    ("封", &["闭", "存"]),
    ("只", &["有", "是", "要", "能"]),
    ("架", &["构"]),
    ("升", &["级", "格"]),
];

/// The reported unit and kind of a unit as written (the scanner reads them from the entry it
/// found: `quantity::unit_at`; the tests compare the two).
#[cfg(test)]
pub fn unit_info(written: &str) -> Option<(&'static str, MetricKind)> {
    UNIT_WORDS.at(written, 0).find(|&i| UNITS[i].0 == written).map(|i| (UNITS[i].1, UNITS[i].2))
}

/// The words that, right after the unit of entry `entry` of [`UNITS`], turn it into part of
/// another word (every row of [`UNIT_BLOCKERS`] for the unit as written): looked up by the
/// entry the scanner found, not by comparing the unit's text with the rows (~250 instructions a
/// quantity).
pub fn blockers_of_entry(entry: usize) -> &'static [&'static str] {
    static BY_ENTRY: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
        UNITS
            .iter()
            .map(|(written, _, _)| UNIT_BLOCKERS.iter().filter(|(u, _)| u == written).flat_map(|(_, words)| words.iter().copied()).collect())
            .collect()
    });
    BY_ENTRY.get(entry).map_or(&[], Vec::as_slice)
}

/// Whether `after` (the text right after a unit) turns the unit into part of another word.
#[cfg(test)]
pub fn unit_blocked(unit: &str, after: &str) -> bool {
    BLOCKED_UNITS.at(unit, 0).filter(|&i| UNIT_BLOCKERS[i].0 == unit).any(|i| UNIT_BLOCKERS[i].1.iter().any(|w| after.starts_with(w)))
}

// Looked up once per quantity, by the unit's first character (`re::WordTable`: a bit test and
// the few units that start with it), not by comparing the unit with each of the tables' 113 and
// 44 entries in turn (1,100 instructions per quantity for the blockers alone) nor by hashing it.

/// The units as written, in table order: the longest at a position (`quantity`), or the first
/// entry equal to a unit (the one a scan of the table finds).
pub static UNIT_WORDS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(UNITS.iter().map(|(u, _, _)| *u)));

/// The units of [`UNIT_BLOCKERS`], in table order.
#[cfg(test)]
static BLOCKED_UNITS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(UNIT_BLOCKERS.iter().map(|(u, _)| *u)));

/// The tables read in turn, as first written: the oracles of the indexed lookups.
#[cfg(test)]
fn unit_info_by_scan(written: &str) -> Option<(&'static str, MetricKind)> {
    UNITS.iter().find(|(u, _, _)| *u == written).map(|(_, base, k)| (*base, *k))
}

#[cfg(test)]
fn unit_blocked_by_scan(unit: &str, after: &str) -> bool {
    UNIT_BLOCKERS.iter().filter(|(u, _)| *u == unit).any(|(_, words)| words.iter().any(|w| after.starts_with(w)))
}

#[cfg(test)]
mod lookup_tests {
    use super::*;

    #[test]
    fn every_unit_is_found_as_the_scan_finds_it() {
        for (written, _, _) in UNITS {
            assert_eq!(unit_info(written), unit_info_by_scan(written), "{written}");
        }
        for other in ["", "件件", "x", "万", "亿元元", "%%"] {
            assert_eq!(unit_info(other), unit_info_by_scan(other), "{other}");
        }
    }

    /// Every blocker, alone, followed by more and cut to its first character, and a few others.
    fn texts_after_units() -> Vec<String> {
        UNIT_BLOCKERS
            .iter()
            .flat_map(|(_, words)| words.iter().flat_map(|w| [w.to_string(), format!("{w}工作"), w.chars().take(1).collect()]))
            .chain(["", "工作", "。", "年度"].map(String::from))
            .collect()
    }

    #[test]
    fn the_blockers_of_an_entry_judge_as_the_scan_judges() {
        let afters = texts_after_units();
        for (entry, (written, _, _)) in UNITS.iter().enumerate() {
            for after in &afters {
                let by_entry = blockers_of_entry(entry).iter().any(|w| after.starts_with(w));
                assert_eq!(by_entry, unit_blocked_by_scan(written, after), "{written}{after}");
            }
        }
    }

    #[test]
    fn every_unit_and_blocker_pair_is_judged_as_the_scan_judges_it() {
        let afters = texts_after_units();
        let units = UNITS.iter().map(|(u, _, _)| *u).chain(UNIT_BLOCKERS.iter().map(|(u, _)| *u));
        for unit in units {
            for after in &afters {
                assert_eq!(unit_blocked(unit, after), unit_blocked_by_scan(unit, after), "{unit}{after}");
            }
        }
    }
}
