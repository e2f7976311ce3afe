//! Which required part of an annual report a heading names.

use crate::result::Role;

/// Keywords that mark each required part in a heading's title.
pub const ROLE_KEYWORDS: &[(Role, &[&str])] = &[
    (Role::Duty, &["第一责任人", "主要负责人履行"]),
    (Role::Measures, &["主要举措", "举措和成效", "主要工作", "工作情况", "工作开展情况"]),
    (Role::Problems, &["不足", "问题", "困难", "短板"]),
    (Role::Plans, &["下一步", "下一年度", "明年", "工作安排", "主要安排", "思路", "计划", "打算"]),
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
