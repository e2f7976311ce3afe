//! The context that makes a marker a heading, and where a heading run into its paragraph
//! ends (the markers themselves are the grammar in `vocab::markers`).
//!
//! A heading is often run into its paragraph with no 。 between them
//! (`(一)优化公平竞争环境严格按照…`, `四、提升…法治化水平严格落实…`). The title then ends
//! where the body starts: before a word that opens a clause (`严格` `按照` `根据` …), or
//! after a word that closes a heading title (`原因` `打算` …) when run-in text follows.
//! Both only count at least [`MIN_TITLE_CHARS`] characters in, before any comma, and when
//! a real clause (at least [`MIN_BODY_CHARS`]) follows.

/// Words that open the body of a paragraph (adverbs, prepositions, subjects).
pub const BODY_START_WORDS: &[&str] = &[
    "严格", "按照", "根据", "依据", "全面", "深入", "持续", "实施", "围绕", "认真", "进一步", "结合",
    "积极", "虽然", "通过", "对照", "针对", "为进一步", "我县", "我局", "我区", "我市", "我委", "我院", "我们",
    "今年", "全年", "截至", "截止",
];

/// Words that close a heading title (`…存在的不足和原因` `…下一步工作打算`).
pub const TITLE_FINAL_WORDS: &[&str] = &[
    "原因", "成效", "情况", "打算", "计划", "安排", "举措", "建议", "思路", "有待加强", "有待提高", "有待提升", "有待完善",
];

/// After a title-final word, these continue the title (`举措和成效`, `情况的…`).
pub const CONTINUATION: &[char] = &['和', '及', '与', '、', '的', '并', '暨', '或', '、'];

/// A run-in title is at least this many characters long …
pub const MIN_TITLE_CHARS: usize = 4;
/// … at most this many …
pub const MAX_RUN_IN_CHARS: usize = 30;
/// … and is followed by at least this many characters of body.
pub const MIN_BODY_CHARS: usize = 12;

/// After `第一`/`第二` these make an ordinal phrase, not an enumeration (`第一责任人`, `第二批`).
pub const ORDINAL_WORDS: &[&str] = &[
    "次", "批", "届", "个", "名", "位", "年", "季度", "季", "责任", "书记", "梯队", "阶段", "部分", "章", "节",
    "条", "款", "项", "时间", "线", "方", "步", "轮", "期", "种", "类", "号", "天", "周", "月", "道", "家", "人",
    "课", "站", "把手", "层", "档", "版", "卷", "排", "单位", "组", "场", "套", "件", "例", "起", "点",
    "大", "小", "中", "句", "段", "页", "篇", "份", "支", "片", "区", "县", "市", "省", "产业", "生产力",
];

/// After `一、` these make a list of numerals or a grade (`一、二级`, `一、二类`), not a heading.
pub const NOT_AFTER_DUN: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '是', '级', '类', '等', '批', '个', '项', '次', '年', '届', '期',
];

/// Before `一是` these make a word ending in 一 (`之一是`, `统一是`), not a marker.
pub const NOT_BEFORE_SHI: &[char] = &['之', '统', '唯', '专', '单', '万', '同', '划', '归', '合', '逐', '第', '如', '无', '不', '其', '任'];

/// After `(1)`/`(二)` in mid-sentence these make a reference (`第(1)项`, `(二)类标准`), not a heading.
pub const MEASURE_AFTER_PAREN: &[&str] = &["项规定", "项要求", "项", "类", "号", "条", "款", "级", "批", "期", "种"];

/// … unless they start a word (`项目`, `类型`).
pub const WORDS_NOT_MEASURES: &[&str] = &["项目", "类型", "类别", "号召", "条例", "条件", "级别", "期间", "种类"];

/// Whether `after` (the text after a parenthesised number) starts with a measure word.
pub fn measure_after_paren(after: &str) -> bool {
    MEASURE_AFTER_PAREN.iter().any(|w| after.starts_with(w)) && !WORDS_NOT_MEASURES.iter().any(|w| after.starts_with(w))
}

/// A line starting with this (`附件:1.…`) lists attachments; its numbers are not headings.
pub const ATTACHMENT: &str = "附件";

/// What stands before a marker that opens a heading or a list: a line start or a strong stop.
pub const STRONG_STOPS: &[char] = &['\n', '。', ';', '!', '?', ':'];

/// The separator of `一、` and `1、`.
pub const DUN: char = '、';

/// Before `一、` these make it part of a list or an ordinal (`一、二、`, `第一、`), not a heading.
pub const NOT_BEFORE_DUN: &[char] = &['、', '第'];

/// `第` before a marker makes an ordinal (`第(1)项`, `第(二)类`).
pub const ORDINAL_PREFIX: char = '第';

/// Before `1.`/`1、` these glue it into a number, a date or a list (`2.1.`, `第1、`, `3-1.`).
pub const NOT_BEFORE_NUMBER: &[char] = &['.', '、', '第', '-', '/', '·'];

/// `2023年…` right after `1.` is a title starting with a year, not a decimal.
pub const YEAR: char = '年';

/// Besides characters, digits and letters, a title may start with these quotes and brackets.
pub const TITLE_OPENERS: &[char] = &['“', '《', '"', '‘', '【', '「'];

/// The full stop that closes an unnumbered run-in heading (`坚持民主决策。严格落实…`).
pub const FULL_STOP: char = '。';

/// A run-in heading's sentence holds none of these (a list, a quotation, a citation).
pub const NOT_IN_RUN_IN: &[char] = &[':', ';', '“', '《', '('];

/// A number (2 or more) at a line start after a line of prose at least this long that ends
/// mid-sentence is glued into the sentence (a document site's chunk number: `推\n3、进依法`),
/// not a heading — unless it continues its list. Sites cut their chunks anywhere, so a short
/// line (`(三)规范执法。全面推`) counts too; the stop inside and the list check keep headings.
pub const GLUED_AFTER_CHARS: usize = 8;
/// A line holding one of these is prose, not a heading title.
pub const PROSE_STOPS: &[char] = &['。', ',', ';'];
