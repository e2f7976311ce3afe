//! The publication date and the other dates a page gives (`meta.published`,
//! `meta.dateCandidates`).
//!
//! Candidates: the page's metadata fields (by `DATE_FIELDS`, best first), the signature's
//! date, and a news dateline (`3月30日电`, its year taken from the page's own date). The
//! choice, precision first — a doubtful date must never make a report late:
//!
//! - a dateline well before the page's own date is the original publication of a re-posted
//!   text: it wins;
//! - otherwise the best metadata date, else the signature's;
//! - the date is unknown (null, candidates listed) when they contradict each other: the
//!   page says it was published before the report was signed, or only a site's update
//!   timestamp dates the page and the signature says otherwise.

use crate::text::Span;
use crate::vocab::dates::{self, Date};
use crate::vocab::page as vocab;

use super::Field;

/// Where a candidate date is written.
#[derive(Debug, Clone, PartialEq)]
pub enum DateSource {
    /// A metadata field, by its label (`发布时间`).
    Field(String),
    /// The date under the report's signature.
    Signature,
    /// A news dateline (`3月30日电`).
    Dateline,
    /// A date alone on the line under the page's title, unlabelled.
    PageLine,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub date: Date,
    pub source: DateSource,
    /// The date as written, where it can be located.
    pub span: Option<Span>,
}

/// At most this many candidates are listed (a page repeating its date labels adds nothing).
const MAX_CANDIDATES: usize = 8;
/// A dateline this many days or more before the page's own date marks a re-posted text.
const REPOST_DAYS: i64 = 3;
/// A site's update timestamp this far from the signature's date does not date the report.
const SITE_TIMESTAMP_TOLERANCE_DAYS: i64 = 30;

/// The publication date (None when the candidates contradict each other), and every candidate.
pub fn read(
    s: &str,
    body: Span,
    fields: &[Field],
    page_line: Option<(Date, Span)>,
    signed: Option<(Date, Span)>,
) -> (Option<FoundDate>, Vec<FoundDate>) {
    let mut candidates: Vec<FoundDate> = vocab::DATE_FIELDS
        .iter()
        .flat_map(|name| fields.iter().filter(move |f| f.name == *name))
        .filter_map(|f| field_date(s, f))
        .collect();
    // An unlabelled date under the title comes after every labelled one, before the site's
    // own timestamps.
    if let Some((date, at)) = page_line {
        let site = candidates.iter().position(|c| matches!(&c.source, DateSource::Field(l) if vocab::SITE_DATE_FIELDS.contains(&l.as_str())));
        candidates.insert(site.unwrap_or(candidates.len()), FoundDate { date, source: DateSource::PageLine, span: Some(at) });
    }
    candidates.extend(signed.map(|(date, at)| FoundDate { date, source: DateSource::Signature, span: Some(at) }));
    let page_date = candidates.iter().find(|c| matches!(c.source, DateSource::Field(_) | DateSource::PageLine)).map(|c| c.date);
    let dateline = page_date.and_then(|d| dateline(s, body, d));
    let chosen = match &dateline {
        Some(line) if page_date.is_some_and(|p| p.days() - line.date.days() >= REPOST_DAYS) => Some(line.clone()),
        _ => candidates.first().cloned().filter(|best| !contradicted(best, signed.map(|(d, _)| d))),
    };
    candidates.extend(dateline);
    let mut listed: Vec<FoundDate> = Vec::new();
    for c in candidates {
        if listed.len() < MAX_CANDIDATES && !listed.iter().any(|l| l.date == c.date && l.source == c.source) {
            listed.push(c);
        }
    }
    (chosen, listed)
}

/// A field's date, located inside the field's lines so the evidence is the date as written.
fn field_date(s: &str, f: &Field) -> Option<FoundDate> {
    let (date, at) = dates::find(&f.value)?;
    let value_at = s[f.span.range()].find(f.value.as_str()).map(|i| f.span.start + i);
    Some(FoundDate { date, source: DateSource::Field(f.name.clone()), span: value_at.map(|v| at.offset(v)) })
}

/// Whether the signature's date contradicts the best metadata date.
fn contradicted(best: &FoundDate, signed: Option<Date>) -> bool {
    let label = match &best.source {
        DateSource::Field(label) => label.as_str(),
        DateSource::PageLine => "",
        _ => return false,
    };
    let Some(signed) = signed else { return false };
    let gap = best.date.days() - signed.days();
    if vocab::SITE_DATE_FIELDS.contains(&label) {
        gap.abs() > SITE_TIMESTAMP_TOLERANCE_DAYS
    } else {
        // Published before it was signed.
        gap < -1
    }
}

/// A news dateline near the body's start, its year from the page's own date (the latest
/// year that does not put it after that date).
fn dateline(s: &str, body: Span, page_date: Date) -> Option<FoundDate> {
    let text = &s[body.range()];
    let head = &text[..crate::text::floor_char_boundary(text, vocab::DATELINE_HEAD_BYTES)];
    // Every dateline ends with one of its final characters: a head without any is not searched.
    if !head.contains(vocab::DATELINE_ENDS) {
        return None;
    }
    let c = vocab::DATELINE.captures(head)?;
    let (month, day): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
    let year = if (month, day) <= (page_date.month, page_date.day) { page_date.year } else { page_date.year - 1 };
    let date = dates::make(year, month, day)?;
    let whole = c.get(0)?;
    Some(FoundDate { date, source: DateSource::Dateline, span: Some(Span::new(body.start + whole.start(), body.start + whole.end())) })
}
