//! Domain areas of a figure and the keywords that name them. The first category whose
//! keyword occurs wins, so more specific areas come first (a keyword that contains an
//! earlier one of its own area would never decide, so none does) (行政复议 before 行政执法,
//! 规范性文件 before 政务公开 …). Metrics read the indicator first, then the enclosing
//! headings from the innermost outwards; nothing matched → `其他`.

use std::sync::LazyLock;

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

/// Every keyword, grouped by first character in table order, which is category order: a phrase's
/// characters are looked up one by one (not a `contains` per keyword, nor an automaton's
/// overlapping search per phrase, whose setup was most of its cost on a short label), and at each
/// only the keywords of a category before the best found so far are compared.
///
/// Every keyword starts with a character of three bytes (a test says so), whose bytes index the
/// tables directly: the block of 64 code points its first two bytes name, then the character in
/// it its third byte names. No character is decoded, no bit counted: the lookup through
/// `re::CharIndex` (its call, a rank counted in a `u64` and the group's indices) was ~540
/// instructions a phrase, 3.2 M on the 1 MiB mix.
struct Keywords {
    /// One bit per code point: whether a keyword starts with it (most characters are told so).
    firsts: Box<[u64; BLOCKS]>,
    /// Per block of 64 code points: 0, or 1 + the index of its row in `rows`.
    blocks: Box<[u8; BLOCKS]>,
    /// Per row, per character of its block: 0, or 1 + the index of the character's group in `groups`.
    rows: Vec<[u8; 64]>,
    /// Per group, where its keywords start in `keywords` (one more entry at the end).
    groups: Vec<u16>,
    /// Grouped by first character, in table order within a group.
    keywords: Vec<Keyword>,
}

/// The blocks of 64 code points of the Basic Multilingual Plane (three bytes in UTF-8 at most).
const BLOCKS: usize = 0x10000 / 64;

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
pub(crate) fn eight_bytes(b: &[u8], at: usize) -> u64 {
    let rest = &b[at.min(b.len())..];
    match rest.get(..8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => rest.iter().rev().fold(0, |n, &x| n << 8 | u64::from(x)),
    }
}

/// The first bytes of `word` (up to eight, as [`eight_bytes`] reads them) and the mask of those bytes.
pub(crate) fn head_and_mask(word: &[u8]) -> (u64, u64) {
    let n = word.len().min(8);
    let mask = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
    (eight_bytes(word, 0) & mask, mask)
}

/// The block (code point / 64) and the place in it (code point % 64) of the character of three
/// bytes starting with `lead`, `b1`, `b2`.
#[inline]
fn block_and_place(lead: u8, b1: u8, b2: u8) -> (usize, usize) {
    (usize::from(lead & 0x0F) << 6 | usize::from(b1 & 0x3F), usize::from(b2 & 0x3F))
}

static KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| {
    let mut keywords: Vec<(char, Keyword)> = CATEGORIES
        .iter()
        .enumerate()
        .flat_map(|(category, (_, words))| {
            words.iter().map(move |&word| {
                let (head, mask) = head_and_mask(word.as_bytes());
                let first = word.chars().next().unwrap_or_default();
                (first, Keyword { head, mask, category, word })
            })
        })
        .collect();
    // By first character, in table order within a character (the sort is stable).
    crate::sort::stable_by_key(&mut keywords, |(first, _)| *first);
    let mut firsts = Box::new([0u64; BLOCKS]);
    let mut blocks = Box::new([0u8; BLOCKS]);
    let mut rows: Vec<[u8; 64]> = Vec::new();
    let mut groups: Vec<u16> = Vec::new();
    let mut last = None;
    for (i, (first, keyword)) in keywords.iter().enumerate() {
        if last == Some(*first) {
            continue;
        }
        last = Some(*first);
        let bytes = keyword.word.as_bytes();
        assert!(first.len_utf8() == 3, "a keyword not starting with a character of three bytes: {}", keyword.word);
        let (block, place) = block_and_place(bytes[0], bytes[1], bytes[2]);
        firsts[block] |= 1 << place;
        if blocks[block] == 0 {
            rows.push([0; 64]);
            blocks[block] = u8::try_from(rows.len()).expect("at most 255 blocks");
        }
        groups.push(i as u16);
        rows[usize::from(blocks[block] - 1)][place] = u8::try_from(groups.len()).expect("at most 255 first characters");
    }
    groups.push(keywords.len() as u16);
    Keywords { firsts, blocks, rows, groups, keywords: keywords.into_iter().map(|(_, k)| k).collect() }
});

/// The category a phrase names, if any: the first in table order with a keyword in it.
pub fn category_of(phrase: &str) -> Option<&'static str> {
    let Keywords { firsts, blocks, rows, groups, keywords } = &*KEYWORDS;
    let b = phrase.as_bytes();
    let mut best = CATEGORIES.len();
    let mut at = 0;
    // The first category is the best there is: no need to read on.
    while best > 0 {
        let Some(&lead) = b.get(at) else { break };
        let [lead @ 0xE0..=0xEF, b1, b2, ..] = b[at..] else {
            // A character of one, two or four bytes starts no keyword.
            at += match lead {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                _ => 4,
            };
            continue;
        };
        let (block, place) = block_and_place(lead, b1, b2);
        if firsts[block] >> place & 1 != 0 {
            // A first character: its block has a row.
            let group = usize::from(rows[usize::from(blocks[block]) - 1][place] - 1);
            let text = eight_bytes(b, at);
            for keyword in &keywords[usize::from(groups[group])..usize::from(groups[group + 1])] {
                // The rest of the group is of this category or a later one.
                if keyword.category >= best {
                    break;
                }
                if text & keyword.mask == keyword.head && (keyword.word.len() <= 8 || b[at..].starts_with(keyword.word.as_bytes())) {
                    best = keyword.category;
                    break;
                }
            }
        }
        at += 3;
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
