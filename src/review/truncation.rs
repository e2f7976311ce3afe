//! `truncated-sentence`: a paragraph that ends mid-sentence (`…及时在政府网站进行` and then the
//! next chapter). Headings, titles, signature and date lines, recipient lines and list labels
//! are not sentences; a paragraph that merely lacks its 。 (`…谁执法谁普法责任清单`) is
//! complete and not flagged. Only endings that cannot close a clause count: a comma or 、, an
//! opening mark, or a word that needs what follows (进行, 按照, 以及 …) — and the text must
//! move on to a heading, a list item or its end: followed by ordinary text, the line more
//! likely broke at a stray line end and goes on.

use crate::chrome::Page;
use crate::outline::Outline;
use crate::result::{FindingCode, Severity};
use crate::text::{Span, Text};
use crate::vocab::markers;
use crate::vocab::review::{BARE_NUMBER_OK_AFTER, CLAUSE_BREAKS, COMPLETE_BEFORE_JINXING, JINXING, SENTENCE_BREAKS, DANGLING_ENDINGS, DANGLING_PUNCT, LIST_INTRO, SENTENCE_END};

use super::ReviewFinding;
use crate::vocab::messages::Message;

/// `heading_starts`: where each heading starts, sorted.
fn starts_heading(text: &Text, heading_starts: &[usize], p: Span) -> bool {
    markers::starts_with_marker(text.get(p)) || heading_starts.binary_search(&p.start).is_ok()
}

fn sentence_break(c: char) -> bool {
    SENTENCE_BREAKS.contains(&c)
}

/// Why the paragraph cannot end where it does, if it cannot.
fn dangling(t: &str) -> bool {
    let Some(last) = t.chars().last() else { return false };
    if DANGLING_PUNCT.contains(&last) {
        return true;
    }
    DANGLING_ENDINGS.iter().any(|w| {
        t.ends_with(w) && (*w != JINXING || !COMPLETE_BEFORE_JINXING.iter().any(|adv| t[..t.len() - w.len()].ends_with(adv)))
    })
}

/// How much of a cut-off clause a message quotes, at most (in characters).
const QUOTED_CHARS: usize = 40;

pub fn check(text: &Text, _page: &Page, outline: &Outline, paragraphs: &[Span]) -> Vec<ReviewFinding> {
    let s = text.norm();
    // Sorted for a binary search (a hash set hashed each with SipHash).
    let mut heading_starts: Vec<usize> = outline.headings.iter().map(|h| h.span.start).collect();
    if !heading_starts.is_sorted() {
        crate::sort::stable(&mut heading_starts);
    }
    let mut out = Vec::new();
    for (k, &p) in paragraphs.iter().enumerate() {
        let t = text.get(p);
        let Some(last) = t.chars().last() else { continue };
        if SENTENCE_END.contains(&last) || last == ':' {
            continue;
        }
        let has_sentence = t.chars().any(sentence_break);
        // Headings, titles, signatures, dates, recipient lines: no sentence to cut off.
        if !has_sentence && (starts_heading(text, &heading_starts, p) || t.chars().count() < 30) {
            continue;
        }
        if !dangling(t) {
            continue;
        }
        // Cut off means the text moves on to something new: a heading or list item, or the
        // end. Followed by ordinary text, the paragraph more likely broke at a stray line end
        // (or the text is hard-wrapped) and goes on.
        if paragraphs.get(k + 1).is_some_and(|n| !starts_heading(text, &heading_starts, *n)) {
            continue;
        }
        // `主要表现在以下几个方面,` before `一是…`: a comma standing for a colon.
        let tail = &t[t.char_indices().rev().nth(12).map_or(0, |(i, _)| i)..];
        if last == ',' && LIST_INTRO.iter().any(|w| tail.contains(w)) {
            continue;
        }
        let span = last_clause(s, p, last.len_utf8());
        out.push(ReviewFinding::new(
            FindingCode::TruncatedSentence,
            Severity::Warning,
            Message::TruncatedSentence { clause: quoted_tail(s, span) },
            Some(span),
        ));
    }
    if let Some(finding) = paragraphs.last().and_then(|&p| cut_off_at_end(text, p)) {
        if out.last().is_none_or(|f| f.span.is_none_or(|s| !s.overlaps(finding.span.unwrap_or_default()))) {
            out.push(finding);
        }
    }
    out
}

/// What a message quotes of a clause: at most its last [`QUOTED_CHARS`] characters. A text
/// with no punctuation is one clause, and all of it would be copied three times into the JSON
/// (message, messageEn, params; issue 15). The finding's span still covers the clause.
fn quoted_tail(s: &str, span: Span) -> String {
    let start = s[span.range()].char_indices().rev().nth(QUOTED_CHARS - 1).map_or(span.start, |(i, _)| span.start + i);
    s[start..span.end].to_owned()
}

/// The evidence: the paragraph's last clause, back to the punctuation before it (the last
/// `skip` bytes — the dangling mark or figure — never end the search).
fn last_clause(s: &str, p: Span, skip: usize) -> Span {
    let body = &s[p.start..p.end - skip];
    let clause_start = body
        .char_indices()
        .rev()
        .find(|&(_, c)| CLAUSE_BREAKS.contains(&c))
        .map_or(p.start, |(i, c)| p.start + i + c.len_utf8());
    Span::new(clause_start, p.end)
}

/// A text that stops mid-figure (`…全年组织培训12` and nothing after): it was cut off when
/// copied. One finding for the whole text, in place of a missing measure word on its last
/// number. Not a short label (`附件1`) and not a number a word before makes whole (`第12`).
fn cut_off_at_end(text: &Text, p: Span) -> Option<ReviewFinding> {
    let s = text.norm();
    let t = text.get(p);
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let before = t[..t.len() - digits].chars().next_back()?;
    if !crate::vocab::chars::is_han(before) || BARE_NUMBER_OK_AFTER.contains(&before) {
        return None;
    }
    if !t.chars().any(sentence_break) && t.chars().count() < 8 {
        return None;
    }
    let span = last_clause(s, p, digits);
    Some(ReviewFinding::new(
        FindingCode::TruncatedSentence,
        Severity::Warning,
        Message::TextCutOff { clause: quoted_tail(s, span) },
        Some(span),
    ))
}
