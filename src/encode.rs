//! The boundary: internal byte spans become the public result's UTF-16 offsets.

use crate::chrome::published::DateSource;
use crate::chrome::Page;
use crate::metrics::{self, Metrics};
use crate::outline::Outline;
use crate::result::*;
use crate::review;
use crate::text::{Span, Text};

pub fn analysis(text: &Text, page: &Page, outline: &Outline, metrics: &Metrics, review: &review::Review) -> Analysis {
    let range = |span: Span| Range { start: text.utf16(span.start), end: text.utf16(span.end) };
    let item = |span: Span, metric: Option<usize>| {
        let r = range(span);
        Item { text: text.as_written(span).to_owned(), start: r.start, end: r.end, metric }
    };
    let meta = &page.meta;
    let analysis = Analysis {
        format: FORMAT.to_owned(),
        meta: Meta {
            title: meta.title.clone(),
            issuer: meta.issuer.clone(),
            report_year: meta.report_year,
            period: meta.period,
            published: meta.published.map(|d| d.to_string()),
            fields: meta
                .fields
                .iter()
                .map(|f| {
                    let r = range(f.span);
                    MetaField { name: f.name.clone(), value: f.value.clone(), start: r.start, end: r.end }
                })
                .collect(),
            document_kind: meta.kind,
            date_candidates: meta
                .date_candidates
                .iter()
                .map(|c| {
                    let (source, label) = match &c.source {
                        DateSource::Field(label) => (DateSourceKind::Metadata, Some(label.clone())),
                        DateSource::Signature => (DateSourceKind::Signature, None),
                        DateSource::Dateline => (DateSourceKind::Dateline, None),
                    };
                    let r = c.span.map(range);
                    DateCandidate { date: c.date.to_string(), source, label, start: r.map(|r| r.start), end: r.map(|r| r.end) }
                })
                .collect(),
        },
        body: range(page.body),
        boilerplate: page
            .boilerplate
            .iter()
            .map(|&(kind, span)| {
                let r = range(span);
                Boilerplate { kind, start: r.start, end: r.end }
            })
            .collect(),
        outline: outline
            .headings
            .iter()
            .enumerate()
            .map(|(id, h)| {
                let r = range(h.span);
                Heading {
                    id,
                    parent: h.parent,
                    level: h.level,
                    marker: text.as_written(h.marker).to_owned(),
                    style: h.family.style(),
                    number: h.number,
                    title: text.as_written(h.title).to_owned(),
                    start: r.start,
                    end: r.end,
                    role: h.parts.first().copied(),
                    sections: h.parts.clone(),
                }
            })
            .collect(),
        metrics: metrics
            .metrics
            .iter()
            .enumerate()
            .map(|(id, m)| {
                let r = range(m.span);
                Metric {
                    id,
                    start: r.start,
                    end: r.end,
                    text: text.as_written(m.span).to_owned(),
                    value: m.value,
                    value_max: m.value_max,
                    unit: m.unit.clone(),
                    kind: m.kind,
                    approx: m.approx,
                    indicator: m.indicator.clone(),
                    category: m.category.clone(),
                    heading: m.heading,
                }
            })
            .collect(),
        relations: metrics
            .relations
            .iter()
            .map(|rel| match rel {
                metrics::Relation::Breakdown { total, parts, exhaustive, span } => {
                    let r = range(*span);
                    Relation::Breakdown { total: *total, parts: parts.clone(), exhaustive: *exhaustive, start: r.start, end: r.end }
                }
                metrics::Relation::Respectively { items, values, span } => {
                    let r = range(*span);
                    Relation::Respectively {
                        items: items.iter().map(|&(s, m)| item(s, m)).collect(),
                        values: values.clone(),
                        start: r.start,
                        end: r.end,
                    }
                }
                metrics::Relation::Rate { numerator, denominator, rate, span } => {
                    let r = range(*span);
                    Relation::Rate { numerator: *numerator, denominator: *denominator, rate: *rate, start: r.start, end: r.end }
                }
            })
            .collect(),
        findings: review
            .findings
            .iter()
            .enumerate()
            .map(|(id, f)| Finding {
                id,
                code: f.code,
                severity: f.severity,
                message: f.message.zh(),
                message_en: f.message.en(),
                params: f.message.param_values(),
                start: f.span.map(|s| text.utf16(s.start)),
                end: f.span.map(|s| text.utf16(s.end)),
                related: f.related.iter().map(|&s| range(s)).collect(),
                sources: Vec::new(),
            })
            .collect(),
        sections: review.sections,
        review: review.summary.clone(),
        stats: Stats {
            chars: text.utf16_len(),
            headings: outline.headings.len(),
            metrics: metrics.metrics.len(),
            findings: review.findings.len(),
        },
    };
    analysis
}
