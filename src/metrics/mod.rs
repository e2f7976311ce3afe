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
use crate::outline::Outline;
use crate::quantity;
use crate::result::{Approx, MetricKind};
use crate::text::{Span, Text};

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub span: Span,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub kind: MetricKind,
    pub approx: Option<Approx>,
    pub indicator: String,
    pub category: String,
    pub heading: Option<usize>,
}

/// How metrics relate; indices into `Metrics::metrics`.
#[derive(Debug, Clone, PartialEq)]
pub enum Relation {
    Breakdown { total: usize, parts: Vec<usize>, exhaustive: bool, span: Span },
    /// Items before 分别, each a span and the metric it is (if any); values after it.
    Respectively { items: Vec<(Span, Option<usize>)>, values: Vec<usize>, span: Span },
    Rate { numerator: usize, denominator: usize, rate: usize, span: Span },
}

#[derive(Debug, Clone, Default)]
pub struct Metrics {
    pub metrics: Vec<Metric>,
    pub relations: Vec<Relation>,
}

pub fn extract(text: &Text, page: &Page, outline: &Outline) -> Metrics {
    let ctx = filter::Context::new(text, page.body, outline);
    let kept = filter::keep(&ctx, quantity::find(text, page.body));
    let mut indicators = indicator::indicators(text.norm(), &kept);
    let relations = relations::find(text.norm(), &kept, &mut indicators);
    let mut categories = category::HeadingCategories::new(text, outline);
    let metrics = kept
        .into_iter()
        .zip(indicators)
        .map(|(q, indicator)| {
            let heading = outline.heading_at(q.span.start);
            Metric {
                category: categories.category(&indicator, heading),
                indicator,
                heading,
                span: q.span,
                value: q.value,
                value_max: q.value_max,
                unit: q.unit.to_owned(),
                kind: q.kind,
                approx: q.approx,
            }
        })
        .collect();
    Metrics { metrics, relations }
}
