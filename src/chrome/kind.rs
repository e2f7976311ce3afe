//! The kind of document (`meta.documentKind`): a 法治政府建设 report, or evidently something
//! else — a 行政复议 statistics report, a news article, a 政府工作报告, a speech, a plan or
//! notice. Only a 法治政府建设 report is asked for the required parts and judged for
//! timeliness.
//!
//! Precision first, and the costly mistake is calling a report something else: evidence of
//! a report (its title, its announcing sentence, a 第一责任人 part) wins over any other, and
//! a text with no evidence either way is read as a report, as before this field existed.

use crate::outline::Outline;
use crate::result::{DocumentKind, Role};
use crate::text::{self, Text};
use crate::vocab::kinds as vocab;
use crate::vocab::regulation;

use super::Page;

pub fn classify(text: &Text, page: &Page, outline: &Outline) -> DocumentKind {
    let s = text.norm();
    let body = &s[page.body.range()];
    // Without a recognised title, a short first line may still be one (`…工作要点`, `…上的讲话`).
    let first_line = body.lines().next().map(str::trim).filter(|l| l.chars().count() <= 80 && !l.ends_with(vocab::PARAGRAPH_END));
    let title = page.title.map(|sp| &s[sp.range()]).or(page.meta.title.as_deref()).or_else(|| head_line(s, page)).or(first_line).unwrap_or("");
    let head = &body[..text::floor_char_boundary(body, vocab::NEWS_HEAD_BYTES)];
    let recipient = page.recipient.map_or("", |sp| &s[sp.range()]);
    let has = |t: &str, words: &[&str]| words.iter().any(|w| t.contains(w));

    // A title names its own kind last: `关于报送…法治政府建设情况报告的通知` is a notice, whatever
    // the report it asks for (and the outline of required parts it may prescribe).
    let statistics = has(title, vocab::RECONSIDERATION_SUBJECTS) && has(title, vocab::STATISTICS_WORDS);
    if ends_as_other(title) {
        // `…行政复议和行政应诉工作情况通报` reports case statistics, as a 通报.
        if statistics { DocumentKind::ReconsiderationStatistics } else { DocumentKind::Other }
    } else if is_report(text, title, head, outline) {
        DocumentKind::RuleOfLawReport
    } else if has(title, vocab::GOVERNMENT_WORK_REPORT) {
        DocumentKind::GovernmentWorkReport
    } else if has(title, vocab::SPEECH_TITLE_WORDS) || vocab::SPEECH_OPENINGS.iter().any(|w| recipient.starts_with(w) || head.starts_with(w)) {
        DocumentKind::Speech
    } else if statistics {
        DocumentKind::ReconsiderationStatistics
    } else if vocab::NEWS_DATELINE.is_match(head) || (has(title, vocab::NEWS_TITLE_EVENTS) && !has(title, vocab::REPORT_TITLE_WORDS)) {
        DocumentKind::News
    } else if has(title, vocab::NOT_REPORT_TITLE_WORDS) && !has(title, vocab::REPORT_TITLE_WORDS) {
        DocumentKind::Other
    } else {
        DocumentKind::RuleOfLawReport
    }
}

/// A short line above the body that is not page chrome: a title the page reader did not take
/// for a report's (`县司法局召开…推进会` above its metadata line).
fn head_line<'s>(s: &'s str, page: &Page) -> Option<&'s str> {
    let mut at = 0;
    let mut found = None;
    for line in crate::text::split_inclusive_lines(&s[..page.body.start]) {
        let start = at + (line.len() - line.trim_start().len());
        at += line.len();
        let t = line.trim();
        if !t.is_empty() && !page.is_boilerplate(start) && t.chars().count() <= 80 && !t.ends_with(vocab::PARAGRAPH_END) {
            found = Some(t);
        }
    }
    found
}

/// Whether a title ends with the name of a document that is not a report (通知, 方案, 意见 …),
/// past closing punctuation and a bracketed note (`(征求意见稿)`).
fn ends_as_other(title: &str) -> bool {
    let mut t = title.trim_end_matches(|c: char| c.is_whitespace() || vocab::TITLE_TRAILING_MARKS.contains(&c));
    if t.ends_with(')') {
        t = t.rfind('(').map_or(t, |i| &t[..i]).trim_end();
    }
    vocab::NOT_REPORT_TITLE_WORDS.iter().any(|w| t.ends_with(w))
}

/// Evidence of a 法治政府建设 report: a title naming 法治/依法行政 as a report does, the
/// announcing sentence `现将…法治政府建设…报告如下`, or a part on the 第一责任人 duty.
fn is_report(text: &Text, title: &str, head: &str, outline: &Outline) -> bool {
    let titled = vocab::REPORT_SUBJECTS.iter().any(|w| title.contains(w)) && vocab::REPORT_TITLE_WORDS.iter().any(|w| title.contains(w));
    titled
        || vocab::REPORT_ANNOUNCEMENT.is_match(head)
        || outline.headings.iter().any(|h| h.parts.contains(&Role::Duty) || (h.family.structural() && regulation::names_duty(text.get(h.title))))
}
