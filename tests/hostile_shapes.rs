//! Hostile shapes (issue 15): text with no sentence end for pages, repeated figures and
//! relation triggers. Each shape must give output that grows linearly with the text — the
//! `其中1件` and `分别占10%、20%,` shapes grew quadratically (27 MB of JSON for 32 KB, every
//! breakdown taking every later figure, every share label the previous one plus 占比). Time
//! is measured in `docs/performance.md`, not here; output growth is deterministic.

use fazhi_analyzer::{analyze, Relation};

mod common;
use common::shapes::{repeated, SHAPES};

fn json_len(text: &str) -> usize {
    serde_json::to_string(&analyze(text)).unwrap().len()
}

#[test]
fn output_grows_linearly_for_every_shape() {
    for (_, unit) in SHAPES {
        let (small, large) = (repeated(unit, 16 * 1024), repeated(unit, 32 * 1024));
        let (a, b) = (json_len(&small), json_len(&large));
        assert!(b as f64 <= a as f64 * 2.2 + 2048.0, "{unit:?}: {a} → {b} bytes of JSON for twice the text");
    }
}

#[test]
fn no_relation_or_label_grows_with_the_text() {
    for (_, unit) in SHAPES {
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
