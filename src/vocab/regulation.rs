//! The regulation a 法治政府建设年度报告 answers to, in one place:
//! 《法治政府建设与责任落实督察工作规定》 (中共中央办公厅、国务院办公厅, 2019, 厅字〔2019〕28号).
//!
//! - **第二十五条** lists what the annual report contains: (一) 上一年度推进法治政府建设的主要
//!   举措和成效; (二) 存在的不足和原因; (三) 党政主要负责人履行推进法治建设第一责任人职责、
//!   加强法治政府建设的有关情况; (四) 下一年度推进法治政府建设的主要安排; (五) 其他需要报告的
//!   情况. The first four are the required parts ([`PARTS`]); (五) is open-ended and not checked.
//! - **第二十六条** sets publication: the report is made public by 1 April of the year after
//!   the one it covers ([`deadline`]).
//!
//! How a heading is recognised as a part ([`roles_in`], [`names_duty`], [`unnamed_measures`],
//! [`plans_after_problems`]) lives here too; `outline` and `review::sections` apply it.

use std::sync::LazyLock;

use memchr::memmem;

use crate::result::Role;
use crate::vocab::dates::Date;

/// One required part of 第二十五条.
pub struct Part {
    pub role: Role,
    /// The part's name in the article's words (what a finding calls it; English in
    /// `vocab::messages::part_name`).
    pub name: &'static str,
    /// Keywords that mark the part in a heading's title.
    pub keywords: &'static [&'static str],
}

/// The required parts of 第二十五条 (一)–(四), in the regulation's order of items.
pub const PARTS: &[Part] = &[
    // 第二十五条(一)
    Part {
        role: Role::Measures,
        name: "推进法治政府建设的主要举措和成效",
        keywords: &["主要举措", "举措和成效", "主要工作", "工作情况", "工作开展情况", "主要做法", "工作成效", "取得的成效", "主要成效"],
    },
    // 第二十五条(二)
    Part { role: Role::Problems, name: "存在的不足和原因", keywords: &["不足", "问题", "困难", "短板", "差距", "薄弱"] },
    // 第二十五条(三)
    Part { role: Role::Duty, name: "党政主要负责人履行推进法治建设第一责任人职责情况", keywords: &["第一责任人", "主要负责人履行"] },
    // 第二十五条(四)
    Part {
        role: Role::Plans,
        name: "下一年度推进法治政府建设的主要安排",
        keywords: &["下一步", "下一年度", "明年", "今后", "工作安排", "主要安排", "思路", "计划", "打算", "建议", "展望", "努力方向"],
    },
];

/// The required part a role stands for.
pub fn part(role: Role) -> &'static Part {
    PARTS.iter().find(|p| p.role == role).expect("every role is one of the regulation's parts")
}

/// Words in a heading that name the duty part wherever it stands (deep subsections too).
pub const DUTY_WORDS: &[&str] = &["第一责任人"];

/// Titles of a chapter after the problems part that stands for the next year's plans even
/// though it does not use the regulation's wording (`九、加强法治政府建设的建议`).
pub const PLANS_AFTER_PROBLEMS: &[&str] = &["建议", "努力方向", "工作重点", "展望", "目标", "举措", "措施", "对策"];

/// 第二十五条(二) asks for the shortcomings *and their causes*: words that state a cause.
pub const CAUSE_WORDS: &[&str] = &[
    "原因", "由于", "究其", "根源", "导致", "造成", "之所以", "在于", "归因", "源于", "主观上", "客观上", "因素",
];
/// A clause opening with 因 after one of these states a cause (`…不足,因人员流动较大`) …
pub const BECAUSE: char = '因';
pub const CLAUSE_STARTS: &[char] = &[',', ';', '。', ':', '\n'];
/// … unless 因 starts 因此 / 因而 / 因地制宜 (therefore, accordingly).
pub const NOT_CAUSE_AFTER_BECAUSE: &[char] = &['此', '而', '地', '势'];
/// A heading with this names the causes (`(二)原因分析`).
pub const CAUSES_HEADING: &str = "原因";

/// 第二十六条: the month and day of the year after the report's year by which it is public.
pub const DEADLINE_MONTH_DAY: (u32, u32) = (4, 1);

/// The last day on which the annual report on `report_year` is on time (第二十六条).
pub fn deadline(report_year: i32) -> Date {
    let (month, day) = DEADLINE_MONTH_DAY;
    Date { year: report_year + 1, month, day }
}

/// Every part the title names, in the order they appear in it (first = the heading's role).
pub fn roles_in(title: &str) -> Vec<Role> {
    // One overlapping scan of every part's keywords: a `find` per keyword built a substring
    // searcher 29 times per heading (issue 12).
    let (keywords, roles) = &*PART_KEYWORDS;
    let mut first: Vec<(usize, Role)> = Vec::new();
    for (start, _, word) in keywords.occurrences(title) {
        let role = roles[word];
        match first.iter_mut().find(|(_, r)| *r == role) {
            Some((at, _)) => *at = (*at).min(start),
            None => first.push((start, role)),
        }
    }
    crate::sort::stable(&mut first);
    first.into_iter().map(|(_, role)| role).collect()
}

/// Every part's keywords as one table by first character, with the role of each word: its
/// overlapping occurrences are the automaton's matches (`re::words`), and it builds in a
/// fraction of the Aho-Corasick DFA's 1.2 M instructions a process.
static PART_KEYWORDS: std::sync::LazyLock<(crate::re::WordTable, Vec<Role>)> = std::sync::LazyLock::new(|| {
    let keywords = PARTS.iter().flat_map(|p| p.keywords.iter().map(move |&w| (w, p.role)));
    let table = crate::re::WordTable::new(keywords.clone().map(|(w, _)| w));
    (table, keywords.map(|(_, role)| role).collect())
});

/// The first way of reading a title's parts, a `find` per keyword: the oracle of [`roles_in`].
#[cfg(test)]
fn roles_in_by_find(title: &str) -> Vec<Role> {
    let mut found: Vec<(usize, Role)> = PARTS
        .iter()
        .filter_map(|p| p.keywords.iter().filter_map(|w| title.find(w)).min().map(|at| (at, p.role)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, role)| role).collect()
}

/// Whether a title names the duty part by its specific words, whatever its depth.
pub fn names_duty(title: &str) -> bool {
    DUTY_FINDERS.iter().any(|w| w.find(title.as_bytes()).is_some())
}

/// [`DUTY_WORDS`]' searchers, built once: `str::contains` built one per title and call (every
/// heading's title is asked, from three stages).
static DUTY_FINDERS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| DUTY_WORDS.iter().map(memmem::Finder::new).collect());

/// The measures part (第二十五条(一)) when no chapter names it: reports often set out their
/// work under topical chapters (`一、深化放管服改革` …) before the chapter naming another part.
/// `chapters` are the top-level chapters in order with whether each names a part; the
/// result is the chapters before the first that does. With `require_named_part`, nothing is
/// inferred from a report that names no part at all.
pub fn unnamed_measures(chapters: &[(usize, bool)], require_named_part: bool) -> Vec<usize> {
    let first_named = chapters.iter().position(|&(_, named)| named);
    if require_named_part && first_named.is_none() {
        return Vec::new();
    }
    chapters[..first_named.unwrap_or(chapters.len())].iter().map(|&(i, _)| i).collect()
}

/// Whether a chapter after the problems part that names no part is the plans part: its
/// title looks forward (`建议`, `努力方向`) or names the year after the report's.
pub fn plans_after_problems(title: &str, report_year: Option<i32>) -> bool {
    PLANS_AFTER_PROBLEMS.iter().any(|w| title.contains(w))
        || report_year.is_some_and(|y| title.contains(&format!("{}年", y + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_required_role_has_one_part() {
        for role in Role::ALL {
            assert_eq!(PARTS.iter().filter(|p| p.role == role).count(), 1, "{role:?}");
            assert_eq!(part(role).role, role);
        }
    }

    #[test]
    fn deadline_is_1_april_of_the_next_year() {
        assert_eq!(deadline(2023), Date { year: 2024, month: 4, day: 1 });
    }

    #[test]
    fn roles_in_title_order() {
        assert_eq!(roles_in("存在的问题及下一步打算"), [Role::Problems, Role::Plans]);
        assert_eq!(roles_in("党政主要负责人履行推进法治建设第一责任人职责情况"), [Role::Duty]);
        assert_eq!(roles_in("主要工作情况和第一责任人履职"), [Role::Measures, Role::Duty]);
        assert_eq!(roles_in("深化放管服改革"), []);
    }

    /// Keywords, their overlapping fragments and filler: titles naming several parts, one part
    /// twice, keywords inside keywords (工作情况 in 工作开展情况, 主要安排 / 工作安排).
    fn title_pieces() -> Vec<&'static str> {
        let mut pieces: Vec<&str> = PARTS.iter().flat_map(|p| p.keywords.iter().copied()).collect();
        pieces.extend(["主要", "工作", "开展", "情况", "下一", "年度", "第一", "责任", "及", "和", "、", "一、", "(二)", "2023年", "法治", "a"]);
        pieces
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn one_scan_reads_the_roles_each_find_read(parts in proptest::collection::vec(proptest::sample::select(title_pieces()), 0..12)) {
            let title = parts.concat();
            proptest::prop_assert_eq!(roles_in(&title), roles_in_by_find(&title), "{:?}", title);
        }
    }

    #[test]
    fn measures_inferred_before_the_first_named_part() {
        let chapters = [(0, false), (3, false), (7, true), (9, false)];
        assert_eq!(unnamed_measures(&chapters, true), [0, 3]);
        assert_eq!(unnamed_measures(&[(0, false), (1, false)], true), Vec::<usize>::new());
        assert_eq!(unnamed_measures(&[(0, false), (1, false)], false), [0, 1]);
    }

    #[test]
    fn plans_after_problems_by_wording_or_next_year() {
        assert!(plans_after_problems("加强法治政府建设的建议", None));
        assert!(plans_after_problems("2023年法治政府建设", Some(2022)));
        assert!(!plans_after_problems("2022年法治政府建设", Some(2022)));
    }
}
