//! What kind of document a text is: words that make a text a 法治政府建设 report, and words
//! that make it evidently something else (a 行政复议 statistics report, a news article, a
//! 政府工作报告, a speech, a plan or notice). See `chrome::kind` for how they are weighed.

use std::sync::LazyLock;

use crate::re::Regex;

/// What a 法治政府建设 report is about (in its title or announcing sentence).
pub const REPORT_SUBJECTS: &[&str] = &["法治政府", "法治建设", "依法行政", "法治", "依法治"];

/// A report's announcing sentence: `现将…法治政府建设…情况报告如下`.
pub static REPORT_ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"现将[^。;\n]{0,60}?(?:法治|依法行政|依法治)[^。;\n]{0,60}?(?:报告|汇报|总结)[^。;\n]{0,6}如下").unwrap()
});

/// Title words of a 政府工作报告 (the yearly report to the 人民代表大会, not the 法治 report).
pub const GOVERNMENT_WORK_REPORT: &[&str] = &["政府工作报告"];

/// Title words of a speech.
pub const SPEECH_TITLE_WORDS: &[&str] = &["讲话", "致辞", "发言", "讲稿"];
/// How a speech opens (its recipient line).
pub const SPEECH_OPENINGS: &[&str] = &["同志们", "各位代表", "各位领导"];

/// Title subjects of 行政复议 / 行政应诉 statistics or analysis …
pub const RECONSIDERATION_SUBJECTS: &[&str] = &["行政复议", "行政应诉", "行政诉讼", "复议应诉"];
/// … with one of these in the title.
pub const STATISTICS_WORDS: &[&str] = &["统计", "分析", "数据", "白皮书", "案件情况", "工作情况", "报告"];

/// A news dateline (`新华社北京3月30日电`, `本报讯`) or byline at the start of a text.
pub static NEWS_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[0-9]{1,2}月[0-9]{1,2}日电|[0-9]{1,2}月[0-9]{1,2}日讯|本报讯|本网讯|(?:^|[( \t\n])记者[^ \t\n,。]{1,12}[) \t\n]|通讯员[^ \t\n,。]{1,12})").unwrap());
/// A title reporting an event, as a government site's news (工作动态) does without a dateline:
/// `县司法局召开2022年度法治政府建设工作推进会`. Only without a report's title word.
pub const NEWS_TITLE_EVENTS: &[&str] = &["召开", "举行", "举办", "开展", "调研", "督导", "走访", "部署", "赴"];

/// How far into the body a dateline or byline is looked for (bytes).
pub const NEWS_HEAD_BYTES: usize = 600;

/// Title words of documents that are not reports: plans, notices, opinions, rules.
pub const NOT_REPORT_TITLE_WORDS: &[&str] =
    &["实施方案", "工作方案", "工作要点", "工作计划", "规划", "通知", "意见", "办法", "规定", "细则", "指引", "考核", "公告", "通报"];

/// Marks a title may end with, past which its last word names the kind of document.
pub const TITLE_TRAILING_MARKS: &[char] = &['》', '”', '"', ':', '：', '。'];

/// A line ending with this is a paragraph, not a title.
pub const PARAGRAPH_END: char = '。';

/// Title words that make a title a report whatever else it says (`…工作要点落实情况的报告`).
pub const REPORT_TITLE_WORDS: &[&str] = &["报告", "情况", "总结", "汇报", "自查", "述职", "述法"];
