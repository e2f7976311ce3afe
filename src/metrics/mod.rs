//! Metrics: the quantities that state facts, with what they measure (indicator), the
//! domain area (category), the heading they stand under, and how they relate.
//!
//! - `filter`: which quantities are figures (not years, dates, ordinals, slogans …);
//! - `indicator`: the noun phrase a figure measures;
//! - `category`: its domain area;
//! - `relations`: breakdowns, 分别 distributions and rate triples.

mod category;
mod filter;
mod indicator;
mod relations;

use crate::chrome::Page;
use crate::freeing::convert_freeing;
use crate::outline::Outline;
use crate::quantity;
use crate::result::{Approx, MetricKind};
use crate::text::{Span, Text};

/// A figure as the metrics stage finds it (the result's `Metric` is built from it in `encode`).
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedMetric {
    pub span: Span,
    pub value: f64,
    pub value_max: Option<f64>,
    /// From the units table, like the category: no string of its own per figure.
    pub unit: &'static str,
    pub kind: MetricKind,
    pub approx: Option<Approx>,
    pub indicator: String,
    pub category: &'static str,
    pub heading: Option<usize>,
}

/// How metrics relate; indices into `Metrics::metrics` (the result's `Relation` is built from it in `encode`).
#[derive(Debug, Clone, PartialEq)]
pub enum ExtractedRelation {
    Breakdown { total: usize, parts: Vec<usize>, exhaustive: bool, span: Span },
    /// Items before 分别, each a span and the metric it is (if any); values after it.
    Respectively { items: Vec<(Span, Option<usize>)>, values: Vec<usize>, span: Span },
    Rate { numerator: usize, denominator: usize, rate: usize, span: Span },
}

#[derive(Debug, Clone, Default)]
pub struct Metrics {
    pub metrics: Vec<ExtractedMetric>,
    pub relations: Vec<ExtractedRelation>,
    /// The figures beyond the budget ([`figure_budget`]), when the text has more.
    pub omitted: Option<Omitted>,
}

/// Figures found but not listed: how many, and where the first of them stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Omitted {
    pub first: Span,
    pub count: usize,
}

/// At most one figure is listed per this many bytes of the body (plus [`FIGURES_ALWAYS`]).
/// A figure is ~170–340 bytes of JSON and ~350–600 bytes of memory while the result is built
/// (more with a relation), so a text of nothing but figures (`1件1件…`, one per 4 bytes) would
/// otherwise give 43 × its size in JSON and 80 × in memory (issue 15); one per 64 bytes is at
/// most ~5 × and ~9 ×, and leaves room in wasm for the input's copy. Real reports state one figure per 150–850
/// bytes (the seeds; the densest golden fixture one per 65), far from this.
pub const BYTES_PER_FIGURE: usize = 64;

/// Figures always listed, whatever the text's size: a short table of figures is whole.
pub const FIGURES_ALWAYS: usize = 1000;

/// How many figures a body of `bytes` lists at most.
pub fn figure_budget(bytes: usize) -> usize {
    FIGURES_ALWAYS + bytes / BYTES_PER_FIGURE
}

pub fn extract(text: &Text, page: &Page, outline: &Outline) -> Metrics {
    let ctx = filter::Context::new(text, page.body, outline);
    // The budget applies while the figures are found: the first ones in reading order are
    // kept, the rest only counted, so no stage ever holds more (issue 15).
    let budget = figure_budget(page.body.len());
    let mut figures = filter::keep(&ctx, quantity::iter(text, page.body));
    let mut kept: Vec<quantity::Quantity> = figures.by_ref().take(budget).collect();
    kept.shrink_to_fit();
    let omitted = figures.next().map(|first| Omitted { first: first.span, count: 1 + figures.count() });
    let mut indicators = indicator::indicators(text.norm(), &kept);
    let relations = relations::find(text.norm(), &kept, &mut indicators);
    let mut categories = category::HeadingCategories::new(text, outline);
    // Converted as they are freed: the figures, their labels and the metrics together would
    // be the analysis's peak of memory (issue 12).
    let metrics = convert_freeing(kept, |i, q| {
        let indicator = std::mem::take(&mut indicators[i]);
        let heading = outline.heading_at(q.span.start);
        ExtractedMetric {
            category: categories.category(&indicator, heading),
            indicator,
            heading,
            span: q.span,
            value: q.value,
            value_max: q.value_max,
            unit: q.unit,
            kind: q.kind,
            approx: q.approx,
        }
    });
    drop(indicators);
    Metrics { metrics, relations, omitted }
}
