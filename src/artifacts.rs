//! Pasted artifacts (issue 11): text that came along with the report but is not its own — a
//! document site's watermark and URL injected mid-text, pinyin annotations after characters.
//! Found once, on the folded text, before any stage reads it: [`crate::Text`] blanks them
//! (one space per character, offsets unchanged) so headings, indicators and the outline never
//! carry them, and the review reports each one. Words and patterns: `vocab::artifacts`.
//!
//! Precision first: a URL counts only beside a watermark or glued into a sentence with no word
//! that cites it (`登录www.gov.cn查询` is the report's own); pinyin only with a tone mark.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::Span;
use crate::vocab::artifacts::{JOINING_PUNCTUATION, PINYIN_PATTERN, TONE_VOWELS, URL_CUES, URL_PATTERN, WATERMARKS};
use crate::vocab::chars::is_han;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Artifact {
    /// A site's watermark, with any URL beside it.
    Watermark,
    /// A URL glued into a sentence.
    Url,
    /// `(dū)` after a character.
    Pinyin,
}

static WATERMARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&WATERMARKS.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")).unwrap());
static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(URL_PATTERN).unwrap());
static PINYIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(PINYIN_PATTERN).unwrap());

/// The artifacts of `s` (folded text), in order, not overlapping.
pub fn find(s: &str) -> Vec<(Artifact, Span)> {
    let watermarks: Vec<Span> = WATERMARK.find_iter(s).map(Span::from).collect();
    let mut found: Vec<(Artifact, Span)> = watermarks.iter().map(|&w| (Artifact::Watermark, w)).collect();
    for m in URL.find_iter(s) {
        let url = Span::from(m);
        // The watermarks just before and just after it (matches are sorted and disjoint).
        let i = watermarks.partition_point(|w| w.end <= url.start);
        let before = i.checked_sub(1).is_some_and(|k| only_spaces(s, watermarks[k].end, url.start));
        let after = watermarks.get(i).is_some_and(|w| only_spaces(s, url.end, w.start));
        if before || after || glued_into_sentence(s, url) {
            found.push((Artifact::Url, url));
        }
    }
    for m in PINYIN.find_iter(s) {
        let after_han = s[..m.start()].chars().next_back().is_some_and(is_han);
        if after_han && m.as_str().contains(TONE_VOWELS) {
            found.push((Artifact::Pinyin, Span::from(m)));
        }
    }
    merge(s, found)
}

fn only_spaces(s: &str, from: usize, to: usize) -> bool {
    from <= to && to - from <= 8 && s.get(from..to).is_some_and(|g| g.chars().all(|c| c == ' ' || c == '\t'))
}

/// A URL standing between two parts of one sentence, with no word before it that cites it.
fn glued_into_sentence(s: &str, url: Span) -> bool {
    let before = s[..url.start].trim_end_matches([' ', '\t']);
    let after = s[url.end..].trim_start_matches([' ', '\t']);
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| is_han(c) || JOINING_PUNCTUATION.contains(&c));
    if !(joins(prev) && next.is_some_and(is_han)) {
        return false;
    }
    let tail_start = before.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
    let tail = &before[tail_start..];
    !URL_CUES.iter().any(|cue| tail.contains(cue))
}

/// Sorted, overlapping or space-separated neighbours joined (a watermark and its URL are one).
fn merge(s: &str, mut found: Vec<(Artifact, Span)>) -> Vec<(Artifact, Span)> {
    found.sort_by_key(|&(_, span)| (span.start, span.end));
    let mut out: Vec<(Artifact, Span)> = Vec::with_capacity(found.len());
    for (kind, span) in found {
        if let Some((last_kind, last)) = out.last_mut() {
            let joined = span.start <= last.end || (*last_kind != Artifact::Pinyin && kind != Artifact::Pinyin && only_spaces(s, last.end, span.start));
            if joined {
                *last = last.cover(span);
                if kind == Artifact::Watermark {
                    *last_kind = Artifact::Watermark;
                }
                continue;
            }
        }
        out.push((kind, span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(Artifact, &str)> {
        find(s).into_iter().map(|(k, span)| (k, &s[span.range()])).collect()
    }

    #[test]
    fn watermarks_urls_and_pinyin_are_found() {
        let cases: &[(&str, &[(Artifact, &str)])] = &[
            ("全年受理案件15件,范文网每日更新 www.fanwen-example.com 办结14件。", &[(Artifact::Watermark, "范文网每日更新 www.fanwen-example.com")]),
            ("依法行政www.example.net工作扎实推进。", &[(Artifact::Url, "www.example.net")]),
            ("加强执法监督(dū)工作。", &[(Artifact::Pinyin, "(dū)")]),
            ("推进监督(jiān dū)检查。", &[(Artifact::Pinyin, "(jiān dū)")]),
            ("本文来自 http://example.org/a/1.html 。", &[(Artifact::Watermark, "本文来自 http://example.org/a/1.html")]),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn each_url_is_paired_with_its_neighbouring_watermark_only() {
        // Each URL looks only at the watermarks either side of it (a binary search), not at all of
        // them: 20,000 of each are 20,000 artifacts, found in linear time.
        let s = "范文网 www.a-example.com 。".repeat(20_000);
        let found = find(&s);
        assert_eq!(found.len(), 20_000);
        assert!(found.iter().all(|&(k, span)| k == Artifact::Watermark && &s[span.range()] == "范文网 www.a-example.com"));
    }

    #[test]
    fn the_reports_own_urls_and_parentheses_are_not_artifacts() {
        let cases = [
            "登录www.gov.cn查询办事指南。",
            "在中国政府网www.gov.cn公开。",
            "通过门户网站(www.example.gov.cn)公开信息1200条。",
            "[1] 国务院. 法治政府建设实施纲要. http://www.gov.cn/zhengce/2021.htm",
            "网址:www.example.gov.cn",
            "版权所有 www.example.gov.cn",
            "详见www.example.gov.cn公告。",
            "推行(ISO)标准化管理(试行)。",
            "实施方案(2021-2025年)。",
            "采用A(a)类标准。",
        ];
        for text in cases {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
