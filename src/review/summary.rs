//! Summary figures (figures per 1000 body characters, share of measures sections with a
//! figure) and `unquantified-section`: a measures section that states no figure at all.

use crate::chrome::Page;
use crate::metrics::Metrics;
use crate::outline::Outline;
use crate::result::{FindingCode, Severity};
use crate::text::{Span, Text};

use super::sections::Parts;
use super::{Capped, ReviewFinding};
use crate::vocab::messages::Message;

/// A measures section: its heading and the text it covers (heading to the next heading at
/// its level or above).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Section {
    pub heading: usize,
    pub range: Span,
}

/// The measures sections: the headings directly below the measures part, or the part itself
/// when it has none; when the report spreads its work over several top-level chapters, each
/// chapter.
pub fn measures_sections(page: &Page, outline: &Outline, parts: &Parts) -> Vec<Section> {
    let hs = &outline.headings;
    let heads: Vec<usize> = match parts.measures.as_slice() {
        [] => return Vec::new(),
        [part] => {
            let children: Vec<usize> = (part + 1..hs.len()).filter(|&i| hs[i].parent == Some(*part)).collect();
            if children.is_empty() {
                vec![*part]
            } else {
                children
            }
        }
        several => several.to_vec(),
    };
    heads
        .into_iter()
        .filter_map(|i| {
            let h = hs.get(i)?;
            let end = hs[i + 1..].iter().find(|n| n.level <= h.level).map_or(page.body.end, |n| n.span.start);
            Some(Section { heading: i, range: Span::new(h.span.start, end.max(h.span.end)) })
        })
        .collect()
}

/// Whether the section states a figure: a metric, or a number that lost its measure word
/// in copying (共审查行政决策事项40。 states a figure all the same).
fn quantified(figures: &[Span], section: &Section) -> bool {
    let first = figures.partition_point(|f| f.start < section.range.start);
    figures[first..].iter().take_while(|f| f.start < section.range.end).any(|f| section.range.contains(*f))
}

/// Every figure's span, sorted: metrics and numbers that lost their measure word.
pub fn figures(metrics: &Metrics, unitless: &[Span]) -> Vec<Span> {
    merged(metrics.metrics.iter().map(|m| m.span), unitless)
}

/// `spans` and `unitless` sorted together. Both come in text order: merged (a sort of the two
/// was 3 % of the review), and sorted only should they not be (spans alike are equal, so any
/// order of them is the sort's).
fn merged(spans: impl Iterator<Item = Span>, unitless: &[Span]) -> Vec<Span> {
    let spans: Vec<Span> = spans.collect();
    let mut all = crate::re::merge(&spans, unitless);
    if !all.is_sorted() {
        crate::sort::stable(&mut all);
    }
    all
}

/// The share of measures sections that state a figure (`figures`: [`figures`]).
pub fn quantified_share(figures: &[Span], sections: &[Section]) -> Option<f64> {
    if sections.is_empty() {
        return None;
    }
    let n = sections.iter().filter(|s| quantified(figures, s)).count();
    Some((n as f64 / sections.len() as f64 * 1000.0).round() / 1000.0)
}

/// `unquantified-section` for each measures section without a figure (`figures`: [`figures`]).
pub fn unquantified(text: &Text, outline: &Outline, figures: &[Span], sections: &[Section], out: &mut Capped) {
    for s in sections.iter().filter(|s| !quantified(figures, s)) {
        let Some(h) = outline.headings.get(s.heading) else { continue };
        let title: String = text.as_written(h.title).chars().take(30).collect();
        out.push(ReviewFinding::new(FindingCode::UnquantifiedSection, Severity::Info, Message::UnquantifiedSection { title }, Some(h.span)));
    }
}

pub fn figures_per_1000(text: &Text, page: &Page, metrics: &Metrics) -> f64 {
    let body_units = text.utf16(page.body.end) - text.utf16(page.body.start);
    if body_units == 0 {
        return 0.0;
    }
    (metrics.metrics.len() as f64 * 1000.0 / body_units as f64 * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(list: &[(usize, usize)]) -> Vec<Span> {
        list.iter().map(|&(start, len)| Span::new(start, start + len)).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The merge is the sort of both lists, whether they come sorted or not.
        #[test]
        fn the_merge_is_the_sort(
            a in proptest::collection::vec((0usize..40, 0usize..4), 0..20),
            b in proptest::collection::vec((0usize..40, 0usize..4), 0..20),
            sort_a: bool,
            sort_b: bool,
        ) {
            let (mut a, mut b) = (spans(&a), spans(&b));
            if sort_a {
                a.sort();
            }
            if sort_b {
                b.sort();
            }
            let mut want: Vec<Span> = a.iter().chain(&b).copied().collect();
            want.sort();
            proptest::prop_assert_eq!(merged(a.into_iter(), &b), want);
        }
    }
}
