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

/// Output bounded by the input (issue 15): a text of nothing but placeholders or stray quotes
/// would otherwise give a finding per dozen bytes. The first [`MAX_FINDINGS_PER_CODE`] of a
/// code are kept; the first omitted one is replaced by a finding of the same code, at its
/// span, that counts what is not listed.
fn cap_per_code(findings: Vec<ReviewFinding>) -> Vec<ReviewFinding> {
    let mut total = std::collections::HashMap::new();
    for f in &findings {
        *total.entry(f.code).or_insert(0usize) += 1;
    }
    let mut seen = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(findings.len().min(MAX_FINDINGS_PER_CODE * total.len().max(1) + total.len()));
    for f in findings {
        let n = seen.entry(f.code).or_insert(0usize);
        *n += 1;
        if *n <= MAX_FINDINGS_PER_CODE {
            out.push(f);
        } else if *n == MAX_FINDINGS_PER_CODE + 1 {
            let all = total[&f.code];
            let rest = all - MAX_FINDINGS_PER_CODE;
            out.push(ReviewFinding::new(f.code, f.severity, Message::MoreOfTheSame { rest, all }, f.span));
        }
    }
    out
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
    let mut findings = Vec::new();
    findings.extend(sections::check(page, &parts, outline));
    findings.extend(late);
    findings.extend(numbering::check(text, outline));
    findings.extend(arithmetic::check(text, metrics));
    findings.extend(consistency::check(text, page, metrics));
    let (mut copied, unitless) = copying::check(text, &paras, hard_wrapped(text, &paras));
    let truncated = truncation::check(text, page, outline, &paras);
    // A text cut off mid-figure is one truncation, not a lost measure word on its last number.
    let cut_off = truncated.iter().find(|f| matches!(f.message, Message::TextCutOff { .. })).and_then(|f| f.span);
    copied.retain(|f| !cut_off.is_some_and(|cut| f.span.is_some_and(|s| s.overlaps(cut))));
    findings.extend(copied);
    findings.extend(truncated);
    findings.extend(placeholder::check(text, &paras));
    findings.extend(pasted::check(text, page));
    let measures = summary::measures_sections(page, outline, &parts);
    findings.extend(summary::unquantified(text, outline, metrics, &unitless, &measures));
    // Whole-document findings first, then in reading order.
    findings.sort_by_key(|f| (f.span.map(|s| (s.start, s.end)), f.code));
    findings.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    let findings = cap_per_code(findings);
    ReviewOutput {
        findings,
        sections: parts.sections(),
        summary: result::Review {
            figures_per_1000_chars: summary::figures_per_1000(text, page, metrics),
            quantified_measures_share: summary::quantified_share(metrics, &unitless, &measures),
            required_parts: parts.required_parts(),
            timeliness,
        },
    }
}

/// The paragraphs of the body: non-empty lines, trimmed, outside page chrome.
pub(crate) fn paragraphs(text: &Text, page: &Page) -> Vec<Span> {
    let s = text.norm();
    text::lines(s)
        .filter_map(|line| {
            let start = line.start.max(page.body.start);
            let end = line.end.min(page.body.end);
            (start < end).then(|| text::trim(s, Span::new(start, end)))
        })
        .filter(|p| !p.is_empty() && !in_chrome(page, *p))
        .collect()
}

/// Whether the text looks hard-wrapped (lines broken at a fixed width, not at paragraph
/// ends): then a line ending mid-sentence is ordinary.
pub(crate) fn hard_wrapped(text: &Text, paragraphs: &[Span]) -> bool {
    let long: Vec<&str> = paragraphs.iter().map(|p| text.get(*p)).filter(|t| t.chars().count() >= 20).collect();
    let open = long.iter().filter(|t| t.chars().last().is_some_and(|c| !crate::vocab::review::SENTENCE_END.contains(&c) && c != ':')).count();
    open >= 5 && open * 5 >= long.len() * 2
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
