//! Metrics: the quantities that state facts, with what they measure (indicator), the
//! domain area (category), the heading they stand under, and how they relate.

use crate::chrome::Page;
use crate::outline::Outline;
use crate::quantity::{self, Quantity};
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
    let metrics = quantity::find(text, page.body)
        .into_iter()
        .map(|q: Quantity| Metric {
            indicator: indicator_before(text, q.span.start),
            category: "其他".to_owned(),
            heading: outline.heading_at(q.span.start),
            span: q.span,
            value: q.value,
            value_max: q.value_max,
            unit: q.unit,
            kind: q.kind,
            approx: q.approx,
        })
        .collect();
    Metrics { metrics, relations: Vec::new() }
}

/// The run of text before a figure, back to the clause boundary.
fn indicator_before(text: &Text, pos: usize) -> String {
    let before = &text.norm()[..pos];
    let clause_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | '。' | ';' | ':' | '、' | '\n' | '(' | ')'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = before[clause_start..].trim();
    let clause = clause.trim_start_matches(['共', '累', '计']);
    clause.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect()
}
