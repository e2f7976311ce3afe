//! The kinds of part a breakdown of cases can list: what the cases are (case types: 强制类,
//! 处罚类 …) and how they ended (outcomes: 撤销, 维持, 确认违法 …). One statement often gives
//! both — `审结60件,其中维持40件、确认违法12件,行政处罚类25件、行政强制类20件` — and each
//! kind divides the same total on its own: parts of different kinds are never added together.

use std::sync::LazyLock;

use crate::re::WordTable;

/// What a part of a breakdown is, by the words naming it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// The type of case: the kind of act contested or handled.
    CaseType,
    /// How the case ended: the decision of review, the judgment, the settlement.
    Outcome,
}

/// Outcomes of 行政复议 / 行政应诉 cases (looked for first: `确认违法` is an outcome even where
/// a case type's word such as 确认 would also match).
pub const OUTCOMES: &[&str] = &[
    "确认违法", "确认无效", "撤销", "维持", "驳回", "变更", "责令履行", "责令履职", "责令限期履行", "纠错",
    "调解", "和解", "终止", "撤诉", "胜诉", "败诉", "不予受理", "自行纠正", "中止", "结案",
];

/// Types of case: the kind of administrative act (行政处罚 …) or the matter (信息公开 …).
pub const CASE_TYPES: &[&str] = &[
    "处罚", "强制", "许可", "征收", "征用", "行政确认", "确认类", "登记", "给付", "裁决", "行政协议", "协议类",
    "信息公开", "不作为", "不履行法定职责", "履职类", "举报投诉", "投诉举报", "工伤认定", "行政赔偿", "赔偿类",
    "补偿", "拆迁", "土地", "房屋", "社会保障", "社保", "公安", "治安", "交通", "市场监管", "自然资源",
];

/// Both lists in one table, the outcomes first: a label's words found in one walk of its
/// characters (`re::WordTable`) instead of a `contains` per word (52 of them per part: 7 M
/// instructions on the 1 MiB mix).
static KIND_WORDS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(OUTCOMES.iter().chain(CASE_TYPES).copied()));

/// The kind of a part named `label` (its indicator), or `None` when its words say neither
/// (`其他`: it belongs to the list it stands in). An outcome's word anywhere wins over a case
/// type's.
pub fn part_kind(label: &str) -> Option<PartKind> {
    let mut kind = None;
    for (_, _, i) in KIND_WORDS.occurrences(label) {
        if i < OUTCOMES.len() {
            return Some(PartKind::Outcome);
        }
        kind = Some(PartKind::CaseType);
    }
    kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_labels() {
        let cases = [
            ("强制类", Some(PartKind::CaseType)),
            ("行政处罚类", Some(PartKind::CaseType)),
            ("行政许可案件", Some(PartKind::CaseType)),
            ("政府信息公开类", Some(PartKind::CaseType)),
            ("行政确认类", Some(PartKind::CaseType)),
            ("维持", Some(PartKind::Outcome)),
            ("确认违法", Some(PartKind::Outcome)),
            ("责令履行", Some(PartKind::Outcome)),
            ("行政复议案件撤销", Some(PartKind::Outcome)),
            ("驳回申请", Some(PartKind::Outcome)),
            ("其他", None),
            ("简易程序", None),
            ("普通程序", None),
        ];
        for (label, kind) in cases {
            assert_eq!(part_kind(label), kind, "{label}");
        }
    }

    /// The `contains` per word it replaced: the oracle.
    fn part_kind_by_contains(label: &str) -> Option<PartKind> {
        if OUTCOMES.iter().any(|w| label.contains(w)) {
            Some(PartKind::Outcome)
        } else if CASE_TYPES.iter().any(|w| label.contains(w)) {
            Some(PartKind::CaseType)
        } else {
            None
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_table_walk_finds_the_kind_the_contains_found(label in crate::scan::oracle::texts(
            OUTCOMES.iter().chain(CASE_TYPES).copied().chain(["确认", "行政", "类", "案件", "违法", "其他", "撤", "销"]).collect(), 6,
        )) {
            proptest::prop_assert_eq!(part_kind(&label), part_kind_by_contains(&label));
        }
    }

    #[test]
    fn no_word_of_one_kind_names_the_other() {
        for w in OUTCOMES {
            assert!(!CASE_TYPES.iter().any(|c| w.contains(c)), "outcome {w} holds a case type's word");
        }
    }
}
