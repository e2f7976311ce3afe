//! The boundary: internal byte spans become the public result's UTF-16 offsets, and each
//! stage's internal types its public form (`crate::result`). One step per part of the result.

use crate::chrome::published::DateSource;
use crate::chrome::Page;
use crate::metrics::{self, Metrics};
use crate::outline::Outline;
use crate::result::*;
use crate::review;
use crate::text::{Span, Text};

/// Takes the metrics whole: their strings and lists move into the result instead of being
/// copied (a text of little but figures would otherwise hold each label twice; issue 15).
pub fn analysis(text: &Text, page: &Page, outline: &Outline, metrics: Metrics, review: &review::ReviewOutput) -> Analysis {
    let at = Offsets(text);
    let figures = metrics.metrics.len();
    let relations = at.relations(metrics.relations);
    Analysis {
        format: FORMAT.to_owned(),
        meta: at.meta(page),
        body: at.range(page.body),
        boilerplate: at.boilerplate(page),
        outline: at.outline(outline),
        metrics: at.metrics(metrics.metrics),
        relations,
        findings: at.findings(review),
        sections: review.sections,
        review: review.summary.clone(),
        stats: Stats {
            chars: text.utf16_len(),
            headings: outline.headings.len(),
            metrics: figures,
            findings: review.findings.len(),
        },
    }
}

/// Converts byte spans of the text to UTF-16 ranges, and quotes spans as written.
struct Offsets<'t, 'a>(&'t Text<'a>);

impl Offsets<'_, '_> {
    fn range(&self, span: Span) -> Range {
        Range { start: self.0.utf16(span.start), end: self.0.utf16(span.end) }
    }

    fn written(&self, span: Span) -> String {
        self.0.as_written(span).to_owned()
    }

    fn meta(&self, page: &Page) -> Meta {
        let meta = &page.meta;
        Meta {
            title: meta.title.clone(),
            issuer: meta.issuer.clone(),
            report_year: meta.report_year,
            period: meta.period,
            published: meta.published.map(|d| d.to_string()),
            fields: meta
                .fields
                .iter()
                .map(|f| {
                    let r = self.range(f.span);
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
                        DateSource::PageLine => (DateSourceKind::Metadata, None),
                    };
                    let r = c.span.map(|s| self.range(s));
                    DateCandidate { date: c.date.to_string(), source, label, start: r.map(|r| r.start), end: r.map(|r| r.end) }
                })
                .collect(),
        }
    }

    fn boilerplate(&self, page: &Page) -> Vec<Boilerplate> {
        page.boilerplate
            .iter()
            .map(|&(kind, span)| {
                let r = self.range(span);
                Boilerplate { kind, start: r.start, end: r.end }
            })
            .collect()
    }

    fn outline(&self, outline: &Outline) -> Vec<Heading> {
        outline
            .headings
            .iter()
            .enumerate()
            .map(|(id, h)| {
                let r = self.range(h.span);
                Heading {
                    id,
                    parent: h.parent,
                    level: h.level,
                    marker: self.written(h.marker),
                    style: h.family.style(),
                    number: h.number,
                    title: self.written(h.title),
                    start: r.start,
                    end: r.end,
                    role: h.parts.first().copied(),
                    sections: h.parts.clone(),
                }
            })
            .collect()
    }

    fn metrics(&self, metrics: Vec<metrics::ExtractedMetric>) -> Vec<Metric> {
        metrics
            .into_iter()
            .enumerate()
            .map(|(id, m)| {
                let r = self.range(m.span);
                Metric {
                    id,
                    start: r.start,
                    end: r.end,
                    text: self.written(m.span),
                    value: m.value,
                    value_max: m.value_max,
                    unit: m.unit,
                    kind: m.kind,
                    approx: m.approx,
                    indicator: m.indicator,
                    category: m.category,
                    heading: m.heading,
                }
            })
            .collect()
    }

    fn relations(&self, relations: Vec<metrics::ExtractedRelation>) -> Vec<Relation> {
        relations.into_iter().map(|rel| self.relation(rel)).collect()
    }

    fn relation(&self, rel: metrics::ExtractedRelation) -> Relation {
        match rel {
            metrics::ExtractedRelation::Breakdown { total, parts, exhaustive, span } => {
                let r = self.range(span);
                Relation::Breakdown { total, parts, exhaustive, start: r.start, end: r.end }
            }
            metrics::ExtractedRelation::Respectively { items, values, span } => {
                let r = self.range(span);
                let items = items
                    .into_iter()
                    .map(|(span, metric)| {
                        let r = self.range(span);
                        Item { text: self.written(span), start: r.start, end: r.end, metric }
                    })
                    .collect();
                Relation::Respectively { items, values, start: r.start, end: r.end }
            }
            metrics::ExtractedRelation::Rate { numerator, denominator, rate, span } => {
                let r = self.range(span);
                Relation::Rate { numerator, denominator, rate, start: r.start, end: r.end }
            }
        }
    }

    /// Each finding's message in both languages and its parameters, from the catalogue.
    fn findings(&self, review: &review::ReviewOutput) -> Vec<Finding> {
        review
            .findings
            .iter()
            .enumerate()
            .map(|(id, f)| {
                let r = f.span.map(|s| self.range(s));
                Finding {
                    id,
                    code: f.code,
                    severity: f.severity,
                    message: f.message.zh(),
                    message_en: f.message.en(),
                    params: f.message.param_values(),
                    start: r.map(|r| r.start),
                    end: r.map(|r| r.end),
                    related: f.related.iter().map(|&s| self.range(s)).collect(),
                    sources: Vec::new(),
                }
            })
            .collect()
    }
}
