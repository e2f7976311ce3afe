//! Review: what a careful reviewer would flag, and the summary figures.

mod numbering;

use crate::chrome::Page;
use crate::metrics::Metrics;
use crate::outline::Outline;
use crate::result::{self, FindingCode, RequiredPart, Role, Sections, Severity};
use crate::text::{Span, Text};

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Default)]
pub struct Review {
    pub findings: Vec<Finding>,
    pub sections: Sections,
    /// Carries no offsets, so it is already in its public form.
    pub summary: result::Review,
}

pub fn review(text: &Text, page: &Page, outline: &Outline, metrics: &Metrics) -> Review {
    let part_heading = |role: Role| outline.headings.iter().position(|h| h.sections.contains(&role));
    let sections = Sections {
        measures: part_heading(Role::Measures).is_some(),
        duty: part_heading(Role::Duty).is_some(),
        problems: part_heading(Role::Problems).is_some(),
        plans: part_heading(Role::Plans).is_some(),
    };
    let body_units = text.utf16(page.body.end) - text.utf16(page.body.start);
    let summary = result::Review {
        figures_per_1000_chars: if body_units == 0 {
            0.0
        } else {
            (metrics.metrics.len() as f64 * 1000.0 / body_units as f64 * 100.0).round() / 100.0
        },
        quantified_measures_share: None,
        required_parts: Role::ALL
            .iter()
            .map(|&part| RequiredPart { part, present: part_heading(part).is_some(), heading: part_heading(part) })
            .collect(),
        timeliness: result::Timeliness::default(),
    };
    Review { findings: numbering::check(text, outline), sections, summary }
}
