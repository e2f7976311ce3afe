//! Review: what a careful reviewer would flag, and the summary figures.
//!
//! One submodule per rule family; each returns its findings with the span of its evidence.
//! Precision first: every rule stays silent when the evidence is not clear.

mod arithmetic;
mod consistency;
mod copying;
mod numbering;
mod pasted;
mod placeholder;
mod sections;
mod summary;
mod timeliness;
mod truncation;

pub(crate) use copying::{acted_on_chars, ACTED_ON};

use crate::chrome::Page;
use crate::metrics::Metrics;
use crate::outline::Outline;
use crate::result::{self, FindingCode, Severity};
use crate::text::{self, Span, Text};
use crate::vocab::messages::Message;

/// A finding as the review stage holds it: byte spans and its message as data; `encode` makes
/// it a public [`result::Finding`].
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewFinding {
    pub code: FindingCode,
    pub severity: Severity,
    /// What it says, as data: the catalogue words it (`vocab::messages`).
    pub message: Message,
    pub span: Option<Span>,
    /// Other statements the finding points at (the earlier of two contradictory figures).
    pub related: Vec<Span>,
}

/// At most this many findings of one code are listed; the rest become one finding.
pub const MAX_FINDINGS_PER_CODE: usize = 200;

/// Findings as the rules make them, at most [`MAX_FINDINGS_PER_CODE`] of one code held at
/// any time (issue 15: a text of nothing but placeholders, stray quotes or tiny headings would
/// otherwise hold a finding, with its message, per dozen bytes until the end of the review).
/// Per code it keeps the first ones in reading order — a bounded heap that drops the latest
/// when a earlier one arrives, so the rules need not make them in order — and counts the
/// rest. [`Capped::into_sorted`] lists them in reading order, the first one left out replaced
/// by a finding of the same code, at its span, that counts what is not listed.
#[derive(Debug, Default)]
pub(crate) struct Capped {
    codes: std::collections::BTreeMap<FindingCode, Held>,
    /// How many findings were offered, to keep the rules' order among equal spans.
    made: usize,
    /// Findings of `copying` whose span overlaps this one are not made (a text cut off
    /// mid-figure is one truncation, not also a lost measure word on its last number).
    pub(crate) cut_off: Option<Span>,
}

#[derive(Debug, Default)]
struct Held {
    /// The first ones in reading order, the latest on top.
    first: std::collections::BinaryHeap<Entry>,
    /// How many were left out, and the earliest of them.
    left_out: usize,
    earliest_left_out: Option<Entry>,
}

/// A finding with its place: (span, order made); whole-document findings (no span) first.
#[derive(Debug)]
struct Entry {
    key: (Option<(usize, usize)>, usize),
    finding: ReviewFinding,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.key == other.key
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl Capped {
    pub(crate) fn push(&mut self, finding: ReviewFinding) {
        let entry = Entry { key: (finding.span.map(|s| (s.start, s.end)), self.made), finding };
        self.made += 1;
        let held = self.codes.entry(entry.finding.code).or_default();
        held.first.push(entry);
        if held.first.len() > MAX_FINDINGS_PER_CODE {
            let out = held.first.pop().expect("more than the cap");
            held.left_out += 1;
            if held.earliest_left_out.as_ref().is_none_or(|e| out < *e) {
                held.earliest_left_out = Some(out);
            }
        }
    }

    /// A finding of `copying`, unless it overlaps the text's cut-off end.
    pub(crate) fn push_copying(&mut self, finding: ReviewFinding) {
        if !self.cut_off.is_some_and(|cut| finding.span.is_some_and(|s| s.overlaps(cut))) {
            self.push(finding);
        }
    }

    /// Whole-document findings first, then in reading order (same span: by code, then in the
    /// order made); exact repeats once; per code over the cap, one finding counting the rest.
    pub(crate) fn into_sorted(self) -> Vec<ReviewFinding> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut more = Vec::new();
        for (_, held) in self.codes {
            entries.extend(held.first);
            if let Some(first) = held.earliest_left_out {
                more.push((first, held.left_out));
            }
        }
        let order = |e: &Entry| (e.key.0, e.finding.code, e.key.1);
        crate::sort::stable_by_key(&mut entries, order);
        let mut findings: Vec<ReviewFinding> = entries.into_iter().map(|e| e.finding).collect();
        findings.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
        if more.is_empty() {
            return findings;
        }
        for (first, rest) in more {
            let listed = findings.iter().filter(|f| f.code == first.finding.code).count();
            let f = first.finding;
            findings.push(ReviewFinding::new(f.code, f.severity, Message::MoreOfTheSame { rest, all: listed + rest }, f.span));
        }
        // Stable: the count follows the listed findings of its code at the same span.
        crate::sort::stable_by_key(&mut findings, |f| (f.span.map(|s| (s.start, s.end)), f.code));
        findings
    }
}

impl ReviewFinding {
    pub fn new(code: FindingCode, severity: Severity, message: Message, span: Option<Span>) -> ReviewFinding {
        ReviewFinding { code, severity, message, span, related: Vec::new() }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ReviewOutput {
    pub findings: Vec<ReviewFinding>,
    pub sections: result::Sections,
    /// Carries no offsets, so it is already in its public form.
    pub summary: result::Review,
}

pub fn review(text: &Text, page: &Page, outline: &Outline, metrics: &Metrics) -> ReviewOutput {
    let paras = paragraphs(text, page);
    let parts = sections::find(text, page, outline);
    let (timeliness, late) = timeliness::check(page);
    let mut findings = Capped::default();
    let mut add = |found: Vec<ReviewFinding>| found.into_iter().for_each(|f| findings.push(f));
    add(sections::check(page, &parts, outline));
    add(late);
    add(numbering::check(text, outline));
    add(arithmetic::check(text, metrics));
    add(consistency::check(text, page, metrics));
    let truncated = truncation::check(text, page, outline, &paras);
    // A text cut off mid-figure is one truncation, not a lost measure word on its last number.
    findings.cut_off = truncated.iter().find(|f| matches!(f.message, Message::TextCutOff { .. })).and_then(|f| f.span);
    // The placeholders are found in the same walk of each paragraph.
    let unitless = copying::check(text, &paras, hard_wrapped(text, &paras), &mut findings);
    findings.cut_off = None;
    truncated.into_iter().for_each(|f| findings.push(f));
    pasted::check(text, page).into_iter().for_each(|f| findings.push(f));
    let measures = summary::measures_sections(page, outline, &parts);
    // Sorted once for both the findings and the share.
    let figures = summary::figures(metrics, &unitless);
    summary::unquantified(text, outline, &figures, &measures, &mut findings);
    if let Some(omitted) = &metrics.omitted {
        findings.push(ReviewFinding::new(
            FindingCode::FiguresOmitted,
            Severity::Info,
            Message::FiguresOmitted { listed: metrics.metrics.len(), rest: omitted.count },
            Some(omitted.first),
        ));
    }
    if let Some(omitted) = &outline.omitted {
        findings.push(ReviewFinding::new(
            FindingCode::HeadingsOmitted,
            Severity::Info,
            Message::HeadingsOmitted { listed: outline.headings.len(), rest: omitted.count },
            Some(omitted.first),
        ));
    }
    let findings = findings.into_sorted();
    ReviewOutput {
        findings,
        sections: parts.sections(),
        summary: result::Review {
            figures_per_1000_chars: summary::figures_per_1000(text, page, metrics),
            quantified_measures_share: summary::quantified_share(&figures, &measures),
            required_parts: parts.required_parts(),
            timeliness,
        },
    }
}

/// The paragraphs of the body: non-empty lines, trimmed, outside page chrome.
pub(crate) fn paragraphs(text: &Text, page: &Page) -> Vec<Span> {
    let mut chrome = page.boilerplate.iter().map(|(_, b)| *b).peekable();
    // The paragraphs come in order: the chrome is passed once, not searched for each.
    paragraphs_in(text.norm(), page.body, |p| {
        while chrome.next_if(|b| b.end <= p.start).is_some() {}
        chrome.peek().is_some_and(|b| b.overlaps(p))
    })
}

/// The non-empty lines of `s` inside `body`, trimmed, except those `in_chrome` (asked in text
/// order). The body's line ends found by one search (memchr's iterator), not one per line; a
/// line's `\r` needs no trimming of its own (it is white space).
fn paragraphs_in(s: &str, body: Span, mut in_chrome: impl FnMut(Span) -> bool) -> Vec<Span> {
    let ends = memchr::memchr_iter(b'\n', &s.as_bytes()[body.range()]).map(|k| body.start + k).chain([body.end]);
    let mut start = body.start;
    ends.filter_map(|end| {
        let line = Span::new(start, end);
        start = end + 1;
        let p = text::trim(s, line);
        (!p.is_empty() && !in_chrome(p)).then_some(p)
    })
    .collect()
}

/// Whether the text looks hard-wrapped (lines broken at a fixed width, not at paragraph
/// ends): then a line ending mid-sentence is ordinary.
pub(crate) fn hard_wrapped(text: &Text, paragraphs: &[Span]) -> bool {
    // A paragraph of 20 characters or more (80 bytes are: a character is at most 4): its 20th
    // is read, not all of them counted.
    let long = paragraphs.iter().map(|p| text.get(*p)).filter(|t| t.len() >= 80 || t.chars().nth(19).is_some());
    let (mut all, mut open) = (0, 0);
    for t in long {
        all += 1;
        open += usize::from(t.chars().last().is_some_and(|c| !crate::vocab::review::SENTENCE_END.contains(&c) && c != ':'));
    }
    open >= 5 && open * 5 >= all * 2
}

/// Whether `p` overlaps page chrome (ranges sorted and disjoint: a binary search).
pub(crate) fn in_chrome(page: &Page, p: Span) -> bool {
    let i = page.boilerplate.partition_point(|(_, b)| b.end <= p.start);
    page.boilerplate.get(i).is_some_and(|(_, b)| b.overlaps(p))
}

/// Disjoint spans already reported, for "each defect once" in O(log n) per lookup.
#[derive(Debug, Default)]
pub(crate) struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    /// Take `span` unless it overlaps one already taken.
    pub(crate) fn take(&mut self, span: Span) -> bool {
        let before = self.0.range(..span.end.max(span.start + 1)).next_back();
        if before.is_some_and(|(&start, &end)| end > span.start || start == span.start) {
            return false;
        }
        self.0.insert(span.start, span.end);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paragraphs as they were found before: each line of the whole text, clipped to the
    /// body, trimmed; chrome by a binary search.
    fn paragraphs_by_lines(s: &str, body: Span, chrome: &[Span]) -> Vec<Span> {
        text::lines(s)
            .filter_map(|line| {
                let start = line.start.max(body.start);
                let end = line.end.min(body.end);
                (start < end).then(|| text::trim(s, Span::new(start, end)))
            })
            .filter(|p| !p.is_empty() && !chrome.iter().any(|b| b.overlaps(*p)))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_paragraphs_are_the_clipped_lines(
            text in crate::scan::oracle::texts(vec!["中", "a", " ", "\n", "\r", "\r\n", "\u{3000}", "。", "\n\n"], 40),
            a in 0usize..60,
            b in 0usize..60,
            chrome in proptest::collection::vec((0usize..60, 0usize..8), 0..4),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let at = |k: usize| bounds[k % bounds.len()];
            let body = Span::new(at(a).min(at(b)), at(a).max(at(b)));
            // Disjoint chrome spans in order, as a page holds them.
            let mut spans: Vec<Span> = chrome.iter().map(|&(k, n)| Span::new(at(k), at(k + n))).filter(|c| !c.is_empty()).collect();
            spans.sort();
            spans.dedup_by(|later, earlier| later.start < earlier.end);
            let mut held = spans.iter().copied().peekable();
            let found = paragraphs_in(&text, body, |p| {
                while held.next_if(|c| c.end <= p.start).is_some() {}
                held.peek().is_some_and(|c| c.overlaps(p))
            });
            proptest::prop_assert_eq!(found, paragraphs_by_lines(&text, body, &spans));
        }
    }
}
