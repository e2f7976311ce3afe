//! Units a figure can carry, and the kind of figure each one makes.

use crate::result::MetricKind;

/// Longest first within each kind is not needed: the matcher sorts by length.
pub const UNITS: &[(&str, MetricKind)] = &[
    // counts
    ("人次", MetricKind::Count), ("场次", MetricKind::Count), ("台(套)", MetricKind::Count),
    ("件", MetricKind::Count), ("项", MetricKind::Count), ("个", MetricKind::Count),
    ("人", MetricKind::Count), ("名", MetricKind::Count), ("次", MetricKind::Count),
    ("家", MetricKind::Count), ("户", MetricKind::Count), ("份", MetricKind::Count),
    ("场", MetricKind::Count), ("期", MetricKind::Count), ("批", MetricKind::Count),
    ("条", MetricKind::Count), ("篇", MetricKind::Count), ("支", MetricKind::Count),
    ("台", MetricKind::Count), ("套", MetricKind::Count), ("卷", MetricKind::Count),
    ("起", MetricKind::Count), ("笔", MetricKind::Count), ("块", MetricKind::Count),
    // money
    ("元", MetricKind::Money),
    // percent
    ("%", MetricKind::Percent),
    // durations
    ("个工作日", MetricKind::Duration), ("个月", MetricKind::Duration),
    ("小时", MetricKind::Duration), ("天", MetricKind::Duration),
    // measures
    ("吨", MetricKind::Measure),
];

pub fn unit_kind(unit: &str) -> Option<MetricKind> {
    UNITS.iter().find(|(u, _)| *u == unit).map(|(_, k)| *k)
}
