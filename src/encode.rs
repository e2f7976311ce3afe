//! The boundary: internal byte spans become the public result's UTF-16 offsets, and each
//! stage's internal types its public form (`crate::result`). One step per part of the result.

use std::borrow::Cow;
use std::cell::Cell;

use crate::chrome::published::DateSource;
use crate::freeing::convert_freeing;
use crate::chrome::Page;
use crate::metrics::{self, Metrics};
use crate::outline::Outline;
use crate::result::*;
use crate::review;
use crate::text::{Span, Text};

/// Takes the text, the outline and the metrics whole: their strings and lists move into the
/// result instead of being copied (a text of little but figures would otherwise hold each
/// label twice; issue 15), each list is freed as it is converted, and the text is freed
/// before the figures, the largest list, are converted (issue 12: peak memory).
pub fn analysis(text: Text, page: &Page, outline: Outline, metrics: Metrics, review: &review::ReviewOutput) -> Analysis {
    let at = Offsets(&text, Cell::new((0, 0)));
    let Metrics { metrics: figures, relations, .. } = metrics;
    let mut analysis = Analysis {
        format: FORMAT.to_owned(),
        meta: at.meta(page),
        body: at.range(page.body),
        boilerplate: at.boilerplate(page),
        stats: Stats {
            chars: text.utf16_len(),
            headings: outline.headings.len(),
            metrics: figures.len(),
            findings: review.findings.len(),
        },
        outline: at.outline(outline),
        metrics: Vec::new(),
        relations: at.relations(relations),
        findings: at.findings(review),
        sections: review.sections,
        review: review.summary.clone(),
    };
    // Each figure's offsets and quote while the text is here, the quotes side by side in one
    // string (a few bytes each: an allocation apiece would cost more than the text); then
    // the text goes, and the figures are converted.
    let places = Places::of(&at, &figures);
    drop(text);
    analysis.metrics = places.metrics(figures);
    analysis
}

/// Where each figure is (UTF-16) and how it is written, for converting the figures without the text.
struct Places {
    ranges: Vec<Range>,
    /// Figure `i`'s quote is `quotes[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<usize>,
    quotes: String,
}

impl Places {
    fn of(at: &Offsets, figures: &[metrics::ExtractedMetric]) -> Places {
        let mut places = Places { ranges: Vec::with_capacity(figures.len()), bounds: Vec::with_capacity(figures.len() + 1), quotes: String::new() };
        places.bounds.push(0);
        for m in figures {
            places.ranges.push(at.range(m.span));
            places.quotes.push_str(&at.0.as_written(m.span));
            places.bounds.push(places.quotes.len());
        }
        places
    }

    /// The figures in their public form (one place per figure, in order).
    fn metrics(self, figures: Vec<metrics::ExtractedMetric>) -> Vec<Metric> {
        convert_freeing(figures, |id, m| {
            let r = self.ranges[id];
            Metric {
                id,
                start: r.start,
                end: r.end,
                text: self.quotes[self.bounds[id]..self.bounds[id + 1]].to_owned(),
                value: m.value,
                value_max: m.value_max,
                unit: Cow::Borrowed(m.unit),
                kind: m.kind,
                approx: m.approx,
                indicator: m.indicator,
                category: Cow::Borrowed(m.category),
                heading: m.heading,
            }
        })
    }
}

/// Converts byte spans of the text to UTF-16 ranges, and quotes spans as written. The last
/// span's end and its UTF-16 offset are kept: each list of the result is in text order, so the
/// next span is counted on from there (`Text::utf16_span_after`).
struct Offsets<'t>(&'t Text, Cell<(usize, usize)>);

impl Offsets<'_> {
    fn range(&self, span: Span) -> Range {
        let (start, end) = self.0.utf16_span_after(self.1.get(), span);
        self.1.set((span.end, end));
        Range { start, end }
    }

    fn written(&self, span: Span) -> String {
        self.0.as_written(span).into_owned()
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

    fn outline(&self, outline: Outline) -> Vec<Heading> {
        convert_freeing(outline.headings, |id, h| {
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
                sections: h.parts,
            }
        })
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
                let (message, message_en, params) = f.message.rendered();
                Finding {
                    id,
                    code: f.code,
                    severity: f.severity,
                    message,
                    message_en,
                    params,
                    start: r.map(|r| r.start),
                    end: r.map(|r| r.end),
                    related: f.related.iter().map(|&s| self.range(s)).collect(),
                    sources: Vec::new(),
                }
            })
            .collect()
    }
}
