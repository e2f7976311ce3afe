//! Hostile shapes (issue 15): text with no sentence end for pages, repeated figures and
//! relation triggers. Each shape must give output that grows linearly with the text — the
//! `其中1件` and `分别占10%、20%,` shapes grew quadratically (27 MB of JSON for 32 KB, every
//! breakdown taking every later figure, every share label the previous one plus 占比). Time
//! is measured in `docs/performance.md`, not here; output growth is deterministic.

use fazhi_analyzer::{analyze, Relation};

const SHAPES: &[&str] = &[
    "其中1件",
    "分别占10%、20%,",
    "1件",
    "(包括办理事项17项",
    "办结率100%",
    "应报100户,已报90户,年报率90%",
    "受理12件办结11件",
    "“",
    "XX××*次x名【】",
    "一、工作\n",
    "共办理案件15件,其中行政复议案件3件、行政诉讼案件2件,",
];

fn repeated(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn json_len(text: &str) -> usize {
    serde_json::to_string(&analyze(text)).unwrap().len()
}

#[test]
fn output_grows_linearly_for_every_shape() {
    for unit in SHAPES {
        let (small, large) = (repeated(unit, 16 * 1024), repeated(unit, 32 * 1024));
        let (a, b) = (json_len(&small), json_len(&large));
        assert!(b as f64 <= a as f64 * 2.2 + 2048.0, "{unit:?}: {a} → {b} bytes of JSON for twice the text");
    }
}

#[test]
fn no_relation_or_label_grows_with_the_text() {
    for unit in SHAPES {
        let text = repeated(unit, 32 * 1024);
        let result = analyze(&text);
        for m in &result.metrics {
            assert!(m.indicator.chars().count() <= 40, "{unit:?}: indicator of {} chars", m.indicator.chars().count());
        }
        for r in &result.relations {
            let members = match r {
                Relation::Breakdown { parts, .. } => parts.len(),
                Relation::Respectively { items, values, .. } => items.len().max(values.len()),
                Relation::Rate { .. } => 3,
            };
            assert!(members <= 41, "{unit:?}: a relation of {members} members");
        }
    }
}
