//! Two reports side by side — typically one issuer's two years: figures matched by
//! indicator, unit and category, the required parts, figure density and findings.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};

use crate::result::{Analysis, Metric, Role, Severity, TimelinessStatus};

pub const COMPARE_FORMAT: &str = "fazhi-analyzer-compare/1";

/// The comparison of an older and a newer report (format `fazhi-analyzer-compare/1`).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub format: String,
    pub old: Side,
    pub new: Side,
    /// Every figure of either report: matched pairs first in the newer report's order
    /// (figures only in the older one after them, in its order).
    pub figures: Vec<FigureChange>,
    /// The four required parts, in the order of the 督察工作规定.
    pub parts: Vec<PartChange>,
}

/// What a comparison shows of one report.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Side {
    pub file: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub report_year: Option<i32>,
    pub timeliness: TimelinessStatus,
    pub figures: usize,
    pub figures_per_1000_chars: f64,
    pub quantified_measures_share: Option<f64>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// One indicator's figure in the two reports; `old` or `new` is null when only one states it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FigureChange {
    pub indicator: String,
    pub unit: String,
    pub category: String,
    pub old: Option<Figure>,
    pub new: Option<Figure>,
    /// new − old (percentage points for rates); null unless both are stated.
    pub change: Option<f64>,
    /// (new − old) / old, four decimals; null unless both are stated and old ≠ 0.
    pub relative_change: Option<f64>,
}

/// A figure as one report states it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// Its id in that report's `metrics`.
    pub metric: usize,
    pub text: String,
    pub value: f64,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PartChange {
    pub part: Role,
    pub old: bool,
    pub new: bool,
}

/// The columns of the matched-figures table (CSV / workbook): `(key, header)`.
pub use crate::vocab::register::COMPARE_FIGURE_COLUMNS as FIGURE_COLUMNS;

impl Comparison {
    /// The figures as table rows under [`FIGURE_COLUMNS`]: values as plain numbers, empty
    /// where a report does not state the figure.
    pub fn figure_rows(&self) -> Vec<[String; 7]> {
        let number = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
        self.figures
            .iter()
            .map(|f| {
                [
                    f.indicator.clone(),
                    f.unit.clone(),
                    f.category.clone(),
                    number(f.old.as_ref().map(|o| o.value)),
                    number(f.new.as_ref().map(|n| n.value)),
                    number(f.change),
                    number(f.relative_change),
                ]
            })
            .collect()
    }
}

/// Compare `old` with `new`. Figures of one indicator, unit and category are paired in the
/// order the reports state them (the first 受理行政复议案件 of one with the first of the other).
pub fn compare(old_file: &str, old: &Analysis, new_file: &str, new: &Analysis) -> Comparison {
    let figure = |m: &Metric| Figure { metric: m.id, text: m.text.clone(), value: m.value, start: m.start, end: m.end };

    // The older report's figures, queued per key in reading order.
    let mut queued: HashMap<(&str, &str, &str), VecDeque<usize>> = HashMap::new();
    for m in &old.metrics {
        queued.entry(key(m)).or_default().push_back(m.id);
    }
    let mut paired = vec![false; old.metrics.len()];
    let mut figures = Vec::with_capacity(old.metrics.len().max(new.metrics.len()));
    for m in &new.metrics {
        let matched = queued.get_mut(&key(m)).and_then(|q| q.pop_front());
        let old_figure = matched.map(|id| {
            paired[id] = true;
            figure(&old.metrics[id])
        });
        figures.push(change(m.indicator.clone(), m.unit.to_string(), m.category.to_string(), old_figure, Some(figure(m))));
    }
    for m in old.metrics.iter().filter(|m| !paired[m.id]) {
        figures.push(change(m.indicator.clone(), m.unit.to_string(), m.category.to_string(), Some(figure(m)), None));
    }

    let present = |a: &Analysis, part: Role| a.review.required_parts.iter().any(|p| p.part == part && p.present);
    Comparison {
        format: COMPARE_FORMAT.to_owned(),
        old: side(old_file, old),
        new: side(new_file, new),
        figures,
        parts: Role::ALL.iter().map(|&part| PartChange { part, old: present(old, part), new: present(new, part) }).collect(),
    }
}

/// What pairs two figures: the same indicator, unit and category.
fn key(m: &Metric) -> (&str, &str, &str) {
    (m.indicator.as_str(), &m.unit, &m.category)
}

fn change(indicator: String, unit: String, category: String, old: Option<Figure>, new: Option<Figure>) -> FigureChange {
    let (change, relative_change) = match (&old, &new) {
        (Some(o), Some(n)) => {
            let change = round(n.value - o.value, 4);
            let relative = (o.value != 0.0).then(|| round((n.value - o.value) / o.value, 4));
            (Some(change), relative)
        }
        _ => (None, None),
    };
    FigureChange { indicator, unit, category, old, new, change, relative_change }
}

fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

fn side(file: &str, a: &Analysis) -> Side {
    let count = |s: Severity| a.findings.iter().filter(|f| f.severity == s).count();
    Side {
        file: file.to_owned(),
        title: a.meta.title.clone(),
        issuer: a.meta.issuer.clone(),
        report_year: a.meta.report_year,
        timeliness: a.review.timeliness.status,
        figures: a.metrics.len(),
        figures_per_1000_chars: a.review.figures_per_1000_chars,
        quantified_measures_share: a.review.quantified_measures_share,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
    }
}
