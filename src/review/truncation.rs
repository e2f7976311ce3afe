//! `truncated-sentence`: a paragraph that ends mid-sentence (`…及时在政府网站进行` and then the
//! next chapter). Headings, titles, signature and date lines, recipient lines and list labels
//! are not sentences; a paragraph that merely lacks its 。 (`…谁执法谁普法责任清单`) is
//! complete and not flagged. Only endings that cannot close a clause count: a comma or 、, an
//! opening mark, or a word that needs what follows (进行, 按照, 以及 …) — and the text must
//! move on to a heading, a list item or its end: followed by ordinary text, the line more
//! likely broke at a stray line end and goes on.

use std::collections::HashSet;

use crate::chrome::Page;
use crate::outline::Outline;
use crate::result::{FindingCode, Severity};
use crate::text::{Span, Text};
use crate::vocab::markers;
use crate::vocab::review::{CLAUSE_BREAKS, COMPLETE_BEFORE_JINXING, JINXING, SENTENCE_BREAKS, DANGLING_ENDINGS, DANGLING_PUNCT, LIST_INTRO, SENTENCE_END};

use super::ReviewFinding;
use crate::vocab::messages::Message;

fn starts_heading(text: &Text, heading_starts: &HashSet<usize>, p: Span) -> bool {
    markers::starts_with_marker(text.get(p)) || heading_starts.contains(&p.start)
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

pub fn check(text: &Text, _page: &Page, outline: &Outline, paragraphs: &[Span]) -> Vec<ReviewFinding> {
    let s = text.norm();
    let heading_starts: HashSet<usize> = outline.headings.iter().map(|h| h.span.start).collect();
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
        // The evidence: the last clause, back to the previous punctuation.
        let body = &s[p.start..p.end - last.len_utf8()];
        let clause_start = body
            .char_indices()
            .rev()
            .find(|&(_, c)| CLAUSE_BREAKS.contains(&c))
            .map_or(p.start, |(i, c)| p.start + i + c.len_utf8());
        let span = Span::new(clause_start, p.end);
        out.push(ReviewFinding::new(
            FindingCode::TruncatedSentence,
            Severity::Warning,
            Message::TruncatedSentence { clause: s[span.range()].to_owned() },
            Some(span),
        ));
    }
    out
}
