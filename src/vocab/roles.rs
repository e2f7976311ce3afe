//! Which required part of an annual report a heading names.
//!
//! Only headings that divide the report into its parts carry a role (see `outline::roles`):
//! level-1 headings, and their structural sub-headings restating a part the parent names.

use crate::result::Role;

/// Keywords that mark each required part in a heading's title.
pub const ROLE_KEYWORDS: &[(Role, &[&str])] = &[
    (Role::Duty, &["第一责任人", "主要负责人履行"]),
    (Role::Measures, &["主要举措", "举措和成效", "主要工作", "工作情况", "工作开展情况", "主要做法", "工作成效", "取得的成效", "主要成效"]),
    (Role::Problems, &["不足", "问题", "困难", "短板", "差距", "薄弱"]),
    (Role::Plans, &["下一步", "下一年度", "明年", "今后", "工作安排", "主要安排", "思路", "计划", "打算", "建议", "展望", "努力方向"]),
];

/// Every part the title names, in the order they appear in it.
pub fn roles_in(title: &str) -> Vec<Role> {
    let mut found: Vec<(usize, Role)> = ROLE_KEYWORDS
        .iter()
        .filter_map(|(role, words)| words.iter().filter_map(|w| title.find(w)).min().map(|at| (at, *role)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, role)| role).collect()
}
