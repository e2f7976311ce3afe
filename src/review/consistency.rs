//! One report contradicting itself: the same indicator and unit stated twice with
//! different values (`inconsistent-figure`): `共受理行政复议案件15件` … `全年受理行政复议案件17件`.
//!
//! Precision first. Two statements are compared only when each is plainly the whole of the
//! reporting period: no word of another year, period, place, part or change before the figure
//! in its sentence (`vocab::consistency::SCOPE_WORDS`), no other year named, neither
//! approximate nor part of a breakdown or 分别 list; counts and sums must also carry a word
//! of totality (`共`, `全年` …); the indicator must name a specific thing (four characters or
//! more). One finding per indicator, on its first contradiction.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::chrome::Page;
use crate::metrics::{ExtractedMetric, Metrics, ExtractedRelation};
use crate::result::{FindingCode, MetricKind, Severity};
use crate::text::{Span, Text};
use crate::vocab::consistency::{SCOPE_WORDS, SENTENCE_ENDS, TOTAL_CUES};
use crate::vocab::words::RATE_SUFFIX;

use super::ReviewFinding;
use crate::vocab::messages::Message;

/// The scope words and totality cues, each as one automaton: one scan of a sentence instead of
/// a `contains` per word.
static SCOPE: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(SCOPE_WORDS).expect("scope words"));
static TOTAL: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(TOTAL_CUES).expect("total cues"));

/// Indicators shorter than this (in characters) are too generic to pair (`企业`, `办结`).
const MIN_INDICATOR_CHARS: usize = 4;

pub fn check(text: &Text, page: &Page, metrics: &Metrics) -> Vec<ReviewFinding> {
    let in_relation = members_of_lists(metrics);
    let mut first: HashMap<(&str, &str, &str), &ExtractedMetric> = HashMap::new();
    let mut reported: Vec<&str> = Vec::new();
    let mut findings = Vec::new();
    for (i, m) in metrics.metrics.iter().enumerate() {
        if in_relation[i] || !comparable(text, page.meta.report_year, m) {
            continue;
        }
        let key = (m.indicator.as_str(), m.unit, m.category);
        let Some(&earlier) = first.get(&key) else {
            first.insert(key, m);
            continue;
        };
        if earlier.value == m.value || earlier.value_max != m.value_max || reported.contains(&key.0) {
            continue;
        }
        reported.push(key.0);
        let message = Message::InconsistentFigure {
            indicator: m.indicator.clone(),
            first: text.as_written(earlier.span).into_owned(),
            second: text.as_written(m.span).into_owned(),
        };
        let mut finding = ReviewFinding::new(FindingCode::InconsistentFigure, Severity::Warning, message, Some(m.span));
        finding.related.push(earlier.span);
        findings.push(finding);
    }
    findings
}

/// Whether metric `m` is a plain statement of the whole period that another can contradict.
fn comparable(text: &Text, report_year: Option<i32>, m: &ExtractedMetric) -> bool {
    let percent = m.kind == MetricKind::Percent;
    if m.approx.is_some()
        || !matches!(m.kind, MetricKind::Count | MetricKind::Money | MetricKind::Percent)
        || m.indicator.chars().count() < MIN_INDICATOR_CHARS
        || (percent && !m.indicator.ends_with(RATE_SUFFIX))
    {
        return false;
    }
    let before = sentence_before(text.norm(), m.span);
    if SCOPE.is_match(before) || names_other_year(before, report_year) {
        return false;
    }
    percent || TOTAL.is_match(before)
}

/// The text of the sentence before the figure (from the last sentence end, or line start).
fn sentence_before(s: &str, span: Span) -> &str {
    let head = &s[..span.start];
    let from = head.rfind(SENTENCE_ENDS).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    &head[from..]
}

/// Whether a four-digit year other than the report's stands in `s` (any year when the
/// report's is unknown).
fn names_other_year(s: &str, report_year: Option<i32>) -> bool {
    let bytes = s.as_bytes();
    (0..bytes.len().saturating_sub(3)).any(|i| {
        let window = &bytes[i..i + 4];
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if !(boundary && after && window.iter().all(u8::is_ascii_digit)) {
            return false;
        }
        let year: i32 = std::str::from_utf8(window).unwrap().parse().unwrap();
        crate::vocab::dates::plausible_year(year) && Some(year) != report_year
    })
}

/// Metrics that are parts of a breakdown or values of a 分别 list: they count a part.
fn members_of_lists(metrics: &Metrics) -> Vec<bool> {
    let mut member = vec![false; metrics.metrics.len()];
    for rel in &metrics.relations {
        let (ids, total): (&[usize], Option<usize>) = match rel {
            // A breakdown's parts may list its total too: the total is not a part.
            ExtractedRelation::Breakdown { parts, total, .. } => (parts, Some(*total)),
            ExtractedRelation::Respectively { values, .. } => (values, None),
            ExtractedRelation::Rate { .. } => (&[], None),
        };
        for &id in ids.iter().filter(|&&id| Some(id) != total) {
            if let Some(m) = member.get_mut(id) {
                *m = true;
            }
        }
    }
    member
}
