//! Indicators: the short noun phrase naming what a figure measures.
//!
//! Chinese states a measured thing in two ways: the noun before the figure
//! (`罚没金额478.7761万元`, `共发生行政诉讼案件8件`, `出庭应诉率100%`) or, with a measure
//! word, after it (`17个行政许可项目`, `7名执法人员参加…`, `75152人的基层应急救援队伍`).
//! The phrase before runs back to the clause boundary or the previous figure; framing
//! words (共, 累计, 全年, 今年以来, 截至目前, 其中, 达到 …) and the verb that introduces the
//! counted thing (发生, 办结, 开展 …) are stripped. A measure word followed by a noun looks
//! right; other figures look left. Glued figures (`50家51次`, `32016户113425人`) share one.

use std::sync::LazyLock;

use regex::Regex;

use crate::quantity::Quantity;
use crate::result::MetricKind;
use crate::vocab::words::*;

/// Longest indicator, in characters; longer phrases keep their end (the head noun).
const MAX_CHARS: usize = 20;
/// How far back a clause is looked for, in bytes (about 200 characters of Chinese).
const CLAUSE_WINDOW: usize = 600;
/// Lists of rates sharing one value (`报备率、报备合格率、报备及时率达到100%`) may be longer.
const MAX_LIST_CHARS: usize = 28;

fn is_boundary(c: char) -> bool {
    CLAUSE_BOUNDARIES.contains(&c)
}

/// Digits that are not part of a name (`PM10` keeps its digits), with a date or year suffix.
static DIGIT_RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"[0-9][0-9.]*(?:{DATE_SUFFIXES})?")).expect("digit run"));

/// What each quantity measures; `quantities` are the kept metrics in text order.
pub fn indicators(s: &str, quantities: &[Quantity]) -> Vec<String> {
    let n = quantities.len();
    let mut lefts = Vec::with_capacity(n);
    let mut rights = Vec::with_capacity(n);
    let mut raw_rights = Vec::with_capacity(n);
    for (i, q) in quantities.iter().enumerate() {
        let prev_end = if i > 0 { quantities[i - 1].span.end } else { 0 };
        let next_start = quantities.get(i + 1).map_or(s.len(), |m| m.span.start);
        let list = q.kind == MetricKind::Percent;
        lefts.push(left_phrase(s, prev_end, q.span.start, list));
        let (noun, raw) = right_phrase(s, q.span.end, next_start);
        rights.push(noun);
        raw_rights.push(raw);
    }
    // Glued groups (`50家51次`), in one backward pass so that a text of nothing but glued
    // figures stays linear: the group's last member, and the next member with a left phrase.
    let glued = |i: usize| quantities.get(i + 1).is_some_and(|m| m.span.start == quantities[i].span.end);
    let mut group_end = vec![0; n];
    let mut next_left: Vec<Option<usize>> = vec![None; n];
    for i in (0..n).rev() {
        group_end[i] = if glued(i) { group_end[i + 1] } else { i };
        next_left[i] = if !glued(i) {
            None
        } else if !lefts[i + 1].is_empty() {
            Some(i + 1)
        } else {
            next_left[i + 1]
        };
    }
    let mut out: Vec<String> = Vec::with_capacity(n);
    for (i, q) in quantities.iter().enumerate() {
        let glued_next = glued(i);
        let glued_prev = i > 0 && quantities[i - 1].span.end == q.span.start;
        let right_of_group = rights[group_end[i]].clone();
        let after = &s[q.span.end..];
        let bare_verb = VERBS.contains(&lefts[i].as_str()) || lefts[i].is_empty();
        let looks_right = (q.kind == MetricKind::Count || after.starts_with(ATTRIBUTIVE) || (q.kind == MetricKind::Percent && bare_verb))
            && !right_of_group.is_empty();
        let mut ind = if looks_right {
            right_of_group
        } else if glued_prev && lefts[i].is_empty() {
            out[i - 1].clone()
        } else {
            lefts[i].clone()
        };
        let same_sentence_prev = i > 0 && !s[quantities[i - 1].span.end..q.span.start].contains(SENTENCE_MARKS);
        // A share or change takes the previous figure's subject (`…3件、占4%`); only a plain
        // subject, so that a run of shares cannot grow one label per figure.
        let prev_is_plain = i > 0 && out[i - 1].chars().count() <= MAX_LIST_CHARS;
        if q.kind == MetricKind::Percent && same_sentence_prev && prev_is_plain {
            let pre = &s[prev_clause_start(s, q.span.start)..q.span.start];
            if (ind.is_empty() || ind == SHARE_VERB_WORD) && pre.contains(SHARE_VERB) {
                ind = format!("{}{SHARE_SUFFIX}", out[i - 1]);
            } else if CHANGE_VERBS.contains(&ind.as_str()) {
                ind = format!("{}{}", out[i - 1], ind);
            }
        }
        if ind.is_empty() && glued_next {
            ind = next_left[i].map_or_else(String::new, |j| lefts[j].clone());
        }
        if ind.is_empty() {
            ind = raw_rights[i].clone();
        }
        if ind.is_empty() && same_sentence_prev {
            ind = out[i - 1].clone();
        }
        out.push(ind);
    }
    out
}

/// Start of the clause before `pos`, looking back at most [`CLAUSE_WINDOW`] bytes (text without
/// punctuation for pages would otherwise make this a rescan per figure).
fn prev_clause_start(s: &str, pos: usize) -> usize {
    let from = crate::text::floor_char_boundary(s, pos.saturating_sub(CLAUSE_WINDOW));
    s[from..pos].char_indices().rev().find(|&(_, c)| is_boundary(c)).map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// The phrase before a figure, back to the clause boundary (or, for rates, the sentence
/// boundary, to keep `A率、B率均为100%` whole) or the previous figure, stripped.
fn left_phrase(s: &str, prev_end: usize, pos: usize, list: bool) -> String {
    let head = &s[prev_end.min(pos)..pos];
    let mut start = 0;
    let mut chars = 0;
    for (i, c) in head.char_indices().rev() {
        chars += 1;
        if chars > 40 || (is_boundary(c) && !(list && c == LIST_MARK)) {
            start = i + c.len_utf8();
            break;
        }
    }
    let phrase = &head[start..];
    // Drop everything up to the last digit run (a year, a date, an unmeasured number) that
    // is not part of a name like PM10.
    let mut cut = 0;
    for m in DIGIT_RUN.find_iter(phrase) {
        let glued_to_latin = phrase[..m.start()].chars().next_back().is_some_and(|c| c.is_ascii_alphabetic());
        if !glued_to_latin {
            cut = m.end();
        }
    }
    let phrase: String = phrase[cut..].chars().filter(|c| !QUOTE_MARKS.contains(c)).collect();
    let stripped = strip(&phrase, !list);
    shorten(&stripped, if stripped.contains(LIST_MARK) { MAX_LIST_CHARS } else { MAX_CHARS })
}

/// The noun after a figure (up to the first verb or function word) and the raw text
/// after it (up to the clause boundary), both without a leading 的.
fn right_phrase(s: &str, pos: usize, next_start: usize) -> (String, String) {
    let tail = &s[pos..next_start.max(pos)];
    let end = tail.char_indices().find(|&(_, c)| is_boundary(c) || RIGHT_PHRASE_ENDS.contains(&c)).map_or(tail.len(), |(i, _)| i);
    let raw = tail[..end].trim_start_matches(ATTRIBUTIVE).trim();
    let mut noun_end = raw.len();
    for (i, _) in raw.char_indices() {
        let in_word = || {
            let from = raw[..i].char_indices().next_back().map_or(i, |(j, _)| j);
            STOP_EXCEPTIONS.iter().any(|w| raw[from..].starts_with(w) || raw[i..].starts_with(w))
        };
        if RIGHT_STOPS.iter().any(|w| raw[i..].starts_with(w)) && !in_word() {
            noun_end = i;
            break;
        }
    }
    let noun = raw[..noun_end].trim();
    // A noun must start with a CJK character, not a digit or a symbol.
    let noun = if noun.starts_with(|c: char| c.is_alphanumeric() && !c.is_ascii_digit()) { noun } else { "" };
    (shorten_head(noun, MAX_CHARS), shorten_head(raw, 8))
}

/// For each of [`VERBS`], whether it is one of [`LIGHT_VERBS`] (found anywhere, not only at the
/// start): computed once instead of a scan of `LIGHT_VERBS` per verb per phrase.
static LIGHT: std::sync::LazyLock<Vec<bool>> = std::sync::LazyLock::new(|| VERBS.iter().map(|v| LIGHT_VERBS.contains(v)).collect());

/// Strip framing words at both ends and, when `split_verbs`, keep what follows the last
/// introducing verb (if anything of at least two characters follows it).
pub fn strip(phrase: &str, split_verbs: bool) -> String {
    let mut p = phrase.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || EDGE_JOINERS.contains(&c));
    loop {
        let before = p;
        for w in LEADING {
            if let Some(rest) = p.strip_prefix(w) {
                if rest.chars().count() >= 2 {
                    p = rest.trim_start();
                }
            }
        }
        for w in TRAILING {
            if let Some(rest) = p.strip_suffix(w) {
                if rest.chars().count() >= 2 {
                    p = rest.trim_end();
                }
            }
        }
        if p == before {
            break;
        }
    }
    // Nothing but a framing word is left (`今年共计597人` → `共计`): nothing is named.
    if LEADING.contains(&p) || TRAILING.contains(&p) {
        return String::new();
    }
    if split_verbs {
        // 共/累计/合计 announce the total: the counted thing follows the last of them.
        let mut cut = None;
        for w in TOTAL_WORDS {
            let mut from = 0;
            while let Some(at) = p[from..].find(w) {
                let at = from + at;
                let end = at + w.len();
                let prev = p[..at].chars().next_back().map(String::from).unwrap_or_default();
                let next = p[end..].chars().next().map(String::from).unwrap_or_default();
                let in_word = *w == TOTAL_CHAR
                    && WORDS_WITH_TOTAL_CHAR.iter().any(|x| *x == format!("{prev}{TOTAL_CHAR}") || *x == format!("{TOTAL_CHAR}{next}"));
                if !in_word && p[end..].chars().count() >= 2 && cut.map_or(true, |c| end > c) {
                    cut = Some(end);
                }
                from = end;
            }
        }
        if let Some(c) = cut {
            return strip(&p[c..], true);
        }
        // The first introducing verb: what follows it is the counted thing.
        let mut best: Option<(usize, usize)> = None;
        for (v, &light) in VERBS.iter().zip(LIGHT.iter()) {
            let found = if light { p.find(v) } else { p.starts_with(v).then_some(0) };
            if let Some(at) = found {
                let after = at + v.len();
                let better = best.map_or(true, |(b, e)| at < b || (at == b && after > e));
                if p[after..].chars().count() >= 2 && better {
                    best = Some((at, after));
                }
            }
        }
        if let Some((_, after)) = best {
            let rest = strip(&p[after..], true);
            if rest.chars().count() >= 2 && !OUTCOME_WORDS.iter().any(|w| rest.starts_with(w)) {
                return rest;
            }
        }
    }
    p.to_owned()
}

/// Keep the last `max` characters (the head noun of a Chinese phrase).
fn shorten(p: &str, max: usize) -> String {
    let n = p.chars().count();
    if n <= max {
        return p.to_owned();
    }
    p.chars().skip(n - max).collect()
}

/// Keep the first `max` characters.
fn shorten_head(p: &str, max: usize) -> String {
    p.chars().take(max).collect()
}
