//! Domain areas of a figure and the keywords that name them. The first category whose
//! keyword occurs wins, so more specific areas come first (a keyword that contains an
//! earlier one of its own area would never decide, so none does) (行政复议 before 行政执法,
//! 规范性文件 before 政务公开 …). Metrics read the indicator first, then the enclosing
//! headings from the innermost outwards; nothing matched → `其他`.

use std::sync::LazyLock;

use crate::re::CharIndex;

pub const OTHER: &str = "其他";

pub const CATEGORIES: &[(&str, &[&str])] = &[
    ("行政复议", &["复议"]),
    ("行政应诉", &["行政诉讼", "应诉", "出庭", "诉讼案件", "胜诉", "败诉"]),
    ("规范性文件", &["规范性文件", "报备率", "报备合格率", "报备及时率"]),
    ("重大行政决策", &["行政决策", "决策事项", "重大决策", "合法性审查", "重大合同"]),
    ("法律顾问", &["法律顾问", "律师", "法律服务", "法律援助", "公共法律"]),
    ("矛盾纠纷化解", &["纠纷", "调解", "调处", "信访", "矛盾", "诉求", "仲裁", "维权"]),
    ("普法宣传", &["普法", "宣传", "法治文化", "宪法", "以案释法", "警示教育", "受益群众", "法治讲座", "法治体检"]),
    ("学法培训", &["学法", "培训", "学习", "学时", "考试", "轮训", "授课", "讲座"]),
    ("行政执法", &[
        "执法", "处罚", "罚款", "罚没", "行政强制", "案卷", "检查", "隐患", "立案", "查处",
        "整改", "责令", "吊销", "暂扣", "移送", "取缔", "监管", "双随机", "抽查",
    ]),
    ("政务服务", &[
        "政务服务", "审批", "许可", "办结率", "通办", "窗口", "登记", "营商", "便民服务",
        "市场主体", "年报", "营业执照", "一网", "网办", "涉企", "事项", "放管服", "证照", "经营异常",
    ]),
    ("应急管理", &[
        "应急", "救援", "救灾", "救助", "演练", "值班", "预案", "安全生产", "消防", "防灾", "减灾",
        "灾害", "突发事件", "防汛", "森林防火", "事故", "危险化学品", "烟花爆竹", "非煤矿山",
    ]),
    ("政务公开", &["公开", "公示", "政策解读", "网站", "信息"]),
];

/// Every keyword, with the index of its category, grouped by first character (`re::CharIndex`)
/// in table order, which is category order: a phrase's characters are looked up one by one
/// (not a `contains` per keyword, nor an automaton's overlapping search per phrase, whose setup
/// was most of its cost on a short label), and at each only the keywords of a category before
/// the best found so far are compared.
struct Keywords {
    by_first: CharIndex,
    /// In table order.
    keywords: Vec<Keyword>,
}

/// A keyword's first bytes (up to eight, as a little-endian number, with the mask of those bytes):
/// compared with the phrase's next eight bytes in one step, and only a longer keyword's rest byte
/// by byte.
struct Keyword {
    head: u64,
    mask: u64,
    category: usize,
    word: &'static str,
}

/// The (up to) eight bytes of `b` from `at`, as a little-endian number, zeros past the end. A
/// keyword (UTF-8 of characters other than NUL) has no zero byte, so none matches past the end.
#[inline]
fn eight_bytes(b: &[u8], at: usize) -> u64 {
    let rest = &b[at.min(b.len())..];
    match rest.get(..8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => rest.iter().rev().fold(0, |n, &x| n << 8 | u64::from(x)),
    }
}

static KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| {
    let keywords: Vec<Keyword> = CATEGORIES
        .iter()
        .enumerate()
        .flat_map(|(category, (_, words))| {
            words.iter().map(move |&word| {
                let n = word.len().min(8);
                let mask = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
                Keyword { head: eight_bytes(word.as_bytes(), 0) & mask, mask, category, word }
            })
        })
        .collect();
    let firsts: Vec<Option<char>> = keywords.iter().map(|k| k.word.chars().next()).collect();
    Keywords { by_first: CharIndex::new(&firsts), keywords }
});

/// The category a phrase names, if any: the first in table order with a keyword in it.
pub fn category_of(phrase: &str) -> Option<&'static str> {
    let Keywords { by_first, keywords } = &*KEYWORDS;
    let b = phrase.as_bytes();
    let mut best = CATEGORIES.len();
    let mut at = 0;
    // The first category is the best there is: no need to read on.
    while best > 0 {
        let Some((start, c, len)) = by_first.next_key(b, at) else { break };
        let text = eight_bytes(b, start);
        for &k in by_first.of(c) {
            let keyword = &keywords[usize::from(k)];
            // The rest of the group is of this category or a later one.
            if keyword.category >= best {
                break;
            }
            if text & keyword.mask == keyword.head && (keyword.word.len() <= 8 || b[start..].starts_with(keyword.word.as_bytes())) {
                best = keyword.category;
                break;
            }
        }
        at = start + len;
    }
    CATEGORIES.get(best).map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The automaton the table replaced (all keywords, overlapping), as it was written.
    fn category_by_automaton(phrase: &str) -> Option<&'static str> {
        use aho_corasick::{AhoCorasick, MatchKind};
        static AUTOMATON: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
            let pairs: Vec<(usize, &str)> = CATEGORIES.iter().enumerate().flat_map(|(i, (_, ws))| ws.iter().map(move |w| (i, *w))).collect();
            let automaton = AhoCorasick::builder().match_kind(MatchKind::Standard).build(pairs.iter().map(|(_, w)| w)).unwrap();
            (automaton, pairs.into_iter().map(|(i, _)| i).collect())
        });
        let (automaton, category) = &*AUTOMATON;
        let first = automaton.find_overlapping_iter(phrase).map(|m| category[m.pattern().as_usize()]).min()?;
        Some(CATEGORIES[first].0)
    }

    #[test]
    fn every_keyword_pair_is_categorised_as_the_automaton_did() {
        let words: Vec<&str> = CATEGORIES.iter().flat_map(|(_, ws)| ws.iter().copied()).collect();
        for a in &words {
            for b in &words {
                for phrase in [format!("{a}{b}"), format!("本{a}及{b}数"), a.chars().skip(1).chain(b.chars()).collect()] {
                    assert_eq!(category_of(&phrase), category_by_automaton(&phrase), "{phrase}");
                }
            }
        }
        assert_eq!(category_of(""), None);
    }

    /// Pieces of keywords, whole keywords and other characters, so that a phrase holds several
    /// keywords of several categories, overlapping or cut: the walk's pruning by category order
    /// must find what the automaton's every-occurrence search found.
    fn pieces() -> Vec<String> {
        let mut pieces: Vec<String> = CATEGORIES.iter().flat_map(|(_, ws)| ws.iter().map(|w| w.to_string())).collect();
        let cut: Vec<String> = pieces.iter().flat_map(|w| w.chars().map(String::from)).collect();
        pieces.extend(cut);
        pieces.extend(["案件", "数", "a", "1", "、", " ", "\u{1F600}"].map(String::from));
        pieces
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn random_phrases_are_categorised_as_the_automaton_did(parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..12)) {
            let phrase = parts.concat();
            proptest::prop_assert_eq!(category_of(&phrase), category_by_automaton(&phrase), "{}", phrase);
        }
    }
}
