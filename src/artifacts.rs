//! Pasted artifacts (issue 11): text that came along with the report but is not its own — a
//! document site's watermark and URL injected mid-text, pinyin annotations after characters.
//! Found once, on the folded text, before any stage reads it: [`crate::Text`] blanks them
//! (one space per character, offsets unchanged) so headings, indicators and the outline never
//! carry them, and the review reports each one. Words and patterns: `vocab::artifacts`.
//!
//! Precision first: a URL counts only beside a watermark or glued into a sentence with no word
//! that cites it (`登录www.gov.cn查询` is the report's own); pinyin only with a tone mark.

use std::ops::Range;
use std::sync::LazyLock;

use crate::scan::Starts;
use crate::text::Span;
use crate::vocab::artifacts::{
    is_pinyin_letter, JOINING_PUNCTUATION, PINYIN_SYLLABLES, PINYIN_SYLLABLE_LETTERS, TONE_VOWELS, URL_CUES, URL_PUNCTUATION, WATERMARKS,
    WATERMARK_ANCHORS,
};
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

/// The watermarks' anchors (`vocab::artifacts::WATERMARK_ANCHORS`): the folding walk notes where
/// they stand (`crate::Text::new`), and only there is a watermark compared.
pub(crate) static ANCHORS: LazyLock<Starts> = LazyLock::new(|| Starts::of(WATERMARK_ANCHORS.iter().copied()));

/// For each anchor of `WATERMARK_ANCHORS` (in its order), the watermarks it anchors: their index
/// and the anchor's byte offset in them.
static ANCHORED: LazyLock<Vec<Vec<(usize, usize)>>> = LazyLock::new(|| {
    let mut by_anchor: Vec<Vec<(usize, usize)>> = vec![Vec::new(); WATERMARK_ANCHORS.len()];
    for (word, w) in WATERMARKS.iter().enumerate() {
        if let Some((k, offset)) = WATERMARK_ANCHORS.iter().enumerate().find_map(|(k, &a)| w.find(a).map(|at| (k, at))) {
            by_anchor[k].push((word, offset));
        }
    }
    by_anchor
});

/// The watermarks of `s`, leftmost-first in the table's order (the matches the alternation of
/// them gives), compared where their anchors stand: `anchors`, noted by the folding walk (sorted
/// positions in `s`), or a walk of `s` when it gave them up. (An Aho-Corasick automaton of them
/// walked every byte in the wasm, ~5 % of its warm call: docs/performance.md.)
fn watermarks(s: &str, anchors: Option<&[u32]>) -> Vec<Span> {
    let mut occurrences = Vec::new();
    match anchors {
        Some(noted) => occurrences_at(s, noted.iter().map(|&at| at as usize), &mut occurrences),
        None => occurrences_at(s, ANCHORS.within(s, 0, s.len()).map(|(at, _)| at), &mut occurrences),
    }
    // The leftmost occurrence, of a start the first watermark in table order, then the leftmost
    // after its end …
    let mut found: Vec<Span> = Vec::new();
    for (start, word) in occurrences {
        if found.last().is_none_or(|last| start >= last.end) {
            found.push(Span::new(start, start + WATERMARKS[word].len()));
        }
    }
    found
}

/// Adds the watermarks standing at the anchors `at` (sorted positions) to `occurrences`, kept
/// sorted by start and table order (an occurrence starts at most a watermark's length before its
/// anchor, so each is placed among the last few).
fn occurrences_at(s: &str, at: impl Iterator<Item = usize>, occurrences: &mut Vec<(usize, usize)>) {
    let b = s.as_bytes();
    let table = &*ANCHORED;
    for anchor in at {
        let (code, _) = crate::scan::decode(b, anchor);
        let Some(k) = WATERMARK_ANCHORS.iter().position(|&a| a as u32 == code) else { continue };
        for &(word, offset) in &table[k] {
            if let Some(start) = anchor.checked_sub(offset).filter(|&start| b[start..].starts_with(WATERMARKS[word].as_bytes())) {
                let place = occurrences.iter().rposition(|&o| o < (start, word)).map_or(0, |k| k + 1);
                occurrences.insert(place, (start, word));
            }
        }
    }
}

/// The artifacts of `s` (folded text), in order, not overlapping; `anchors`: where the
/// watermarks' anchors stand, when the folding walk noted them.
pub fn find(s: &str, anchors: Option<&[u32]>) -> Vec<(Artifact, Span)> {
    let watermarks = watermarks(s, anchors);
    let mut found: Vec<(Artifact, Span)> = watermarks.iter().map(|&w| (Artifact::Watermark, w)).collect();
    for m in urls(s) {
        let url = Span::new(m.start, m.end);
        // The watermarks just before and just after it (matches are sorted and disjoint).
        let i = watermarks.partition_point(|w| w.end <= url.start);
        let before = i.checked_sub(1).is_some_and(|k| only_spaces(s, watermarks[k].end, url.start));
        let after = watermarks.get(i).is_some_and(|w| only_spaces(s, url.end, w.start));
        if before || after || glued_into_sentence(s, url) {
            found.push((Artifact::Url, url));
        }
    }
    for m in pinyin(s) {
        let after_han = s[..m.start].chars().next_back().is_some_and(is_han);
        if after_han && s[m.clone()].contains(TONE_VOWELS) {
            found.push((Artifact::Pinyin, Span::new(m.start, m.end)));
        }
    }
    merge(s, found)
}

/// Every URL-shaped string of `s`, in order, not overlapping: `http://` or `https://` (any
/// case) and a letter or digit, or `www.` (any case) and a host of two labels or more; then
/// every URL character that follows (`vocab::artifacts::URL_PATTERN`, the grammar, is the
/// oracle of the tests).
fn urls(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    let mut ahead = [None; 2];
    std::iter::from_fn(move || {
        while i < b.len() {
            i = next_h_or_w(b, i, &mut ahead);
            if i == b.len() {
                break;
            }
            let start = i;
            i += 1;
            let lower = b[start] | 0x20;
            let body = match lower {
                b'h' => scheme_end(b, start).filter(|&j| b.get(j).is_some_and(u8::is_ascii_alphanumeric)),
                b'w' => host_start(b, start),
                _ => None,
            };
            if let Some(from) = body {
                i = from + b[from..].iter().take_while(|&&c| url_char(c)).count();
                return Some(start..i);
            }
        }
        None
    })
}

/// The first byte from `i` that is `h` or `w` in either case (where a URL can start), or the
/// end. Each letter is searched for by memchr (vectorised) and its next place kept in `ahead`
/// until the walk passes it: both are rare in Chinese text, so the walk costs about two searches
/// of it, not a test of every byte.
fn next_h_or_w(b: &[u8], i: usize, ahead: &mut [Option<usize>; 2]) -> usize {
    let mut next = b.len();
    for (hit, (lower, upper)) in ahead.iter_mut().zip([(b'h', b'H'), (b'w', b'W')]) {
        let at = match *hit {
            Some(at) if at >= i => at,
            _ => {
                let at = memchr::memchr2(lower, upper, &b[i..]).map_or(b.len(), |k| i + k);
                *hit = Some(at);
                at
            }
        };
        next = next.min(at);
    }
    next
}

fn url_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || URL_PUNCTUATION.contains(&c)
}

fn host_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// After `http://` or `https://` (any case) at `at`.
fn scheme_end(b: &[u8], at: usize) -> Option<usize> {
    let rest = &b[at..];
    if !rest.get(..4)?.eq_ignore_ascii_case(b"http") {
        return None;
    }
    let j = 4 + usize::from(rest.get(4).is_some_and(|c| c | 0x20 == b's'));
    rest[j..].starts_with(b"://").then_some(at + j + 3)
}

/// After `www.` (any case) at `at`, when a host of two labels follows (`www.a.b`).
fn host_start(b: &[u8], at: usize) -> Option<usize> {
    let rest = &b[at..];
    if !rest.get(..4)?.eq_ignore_ascii_case(b"www.") {
        return None;
    }
    let label = rest[4..].iter().take_while(|&&c| host_char(c)).count();
    let dot = 4 + label;
    (label > 0 && rest.get(dot) == Some(&b'.') && rest.get(dot + 1).is_some_and(|&c| host_char(c))).then_some(at + 4)
}

/// Every parenthesis of pinyin-shaped words in `s`, in order: `(` then one to
/// `PINYIN_SYLLABLES` syllables of one to `PINYIN_SYLLABLE_LETTERS` letters, each followed by
/// at most one space, then `)` (a longer word counts as two syllables, as the grammar
/// `vocab::artifacts::PINYIN_PATTERN`, the tests' oracle, reads it).
fn pinyin(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    memchr::memchr_iter(b'(', s.as_bytes()).filter_map(move |open| {
        let mut syllables = 0;
        let mut letters = 0;
        let mut after_space = true;
        for (k, c) in s[open + 1..].char_indices() {
            if is_pinyin_letter(c) {
                if letters % PINYIN_SYLLABLE_LETTERS == 0 {
                    syllables += 1;
                }
                letters += 1;
                after_space = false;
            } else if c == ' ' && !after_space {
                letters = 0;
                after_space = true;
            } else {
                let close = open + 1 + k;
                return (c == ')' && k > 0 && syllables <= PINYIN_SYLLABLES).then_some(open..close + 1);
            }
            if syllables > PINYIN_SYLLABLES {
                return None;
            }
        }
        None
    })
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
    crate::sort::stable_by_key(&mut found, |&(_, span)| (span.start, span.end));
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
    use crate::scan::oracle::{assert_agree, scanners_agree_on_generated_texts, seeds};
    use crate::vocab::artifacts::{PINYIN_PATTERN, URL_PATTERN};

    /// The regular expressions the scanners replaced: their oracles.
    fn oracles() -> [regex::Regex; 3] {
        let watermarks = WATERMARKS.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
        [watermarks.as_str(), URL_PATTERN, PINYIN_PATTERN].map(|p| regex::Regex::new(p).unwrap())
    }

    /// Each scanner's matches beside its oracle's: watermarks, URLs, pinyin.
    fn both(s: &str) -> [(Vec<Range<usize>>, Vec<Range<usize>>); 3] {
        let [watermark, url, pinyin_re] = oracles();
        let of = |re: &regex::Regex| re.find_iter(s).map(|m| m.range()).collect::<Vec<_>>();
        [
            (watermarks(s, None).into_iter().map(|w| w.range()).collect(), of(&watermark)),
            (urls(s).collect(), of(&url)),
            (pinyin(s).collect(), of(&pinyin_re)),
        ]
    }

    fn pieces() -> Vec<&'static str> {
        vec![
            "http", "HTTP", "s", "S", "://", ":", "/", "www", "WwW", "w", ".", "-", "_", "a", "Z", "0", "9", "?=&", "%", "#~+", "é", "ü",
            "ā", "dū", "jiān", "zhong", " ", "  ", "(", ")", "范文网", "范文", "网", "本文来自", "本文", "每日更新", "侵删", "依法", "。",
            "文档", "原创力", "道客巴巴", "巴", "第一", "更多", "大全", "本文由用户上传", "下载", "后可编辑",
            ",", "\n",
        ]
    }

    scanners_agree_on_generated_texts!(pieces(), 24, both);

    /// Where the regexes backtrack or a later start wins.
    #[test]
    fn the_scanners_agree_on_hand_picked_cases() {
        for text in [
            "https://a", "http://", "https//a.b", "httpss://a", "HTTPS://A-b.c/d?e=f#g", "http://-a", "wwww.a.b", "www.a", "www.a.", "www..a.b",
            "www.-.-", "www.a.b.c.d/e", "WWW.A.B", "ww.a.b", "www.a.b.www.c.d", "(dū)", "(jiān dū)", "(jiān  dū)", "( dū)", "(dū )", "()",
            "(abcdefgh)", "(abcdefghijklmnopqrstuvwx)", "(abcdefghijklmnopqrstuvwxy)", "(a b c d)", "(a b c d e)", "(ab(dū))", "(A)", "(ü)",
            "范文网每日更新", "本文来自本文来源于", "第一范文网", "更多范文",
        ] {
            assert_agree(both(text), text);
        }
    }

    /// Every seed report, normalised as the pipeline reads it.
    #[test]
    fn the_scanners_agree_on_every_seed() {
        for text in seeds() {
            assert_agree(both(&text), &text);
        }
    }

    /// Every watermark holds an anchor, and every anchor anchors one: the anchored search
    /// compares each watermark somewhere.
    #[test]
    fn every_watermark_has_an_anchor() {
        let anchored: usize = ANCHORED.iter().map(Vec::len).sum();
        assert_eq!(anchored, WATERMARKS.len());
        assert!(ANCHORED.iter().all(|words| !words.is_empty()));
    }

    fn found(s: &str) -> Vec<(Artifact, &str)> {
        find(s, None).into_iter().map(|(k, span)| (k, &s[span.range()])).collect()
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
        let found = find(&s, None);
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
