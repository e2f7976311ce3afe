//! The result's invariants, checked by the property test, the fuzz targets and the
//! hostile-input tests (docs/reliability.md): one definition so they cannot drift apart.

use crate::{Analysis, Relation};

/// `Err` names the first invariant `a` breaks for `text`.
pub fn check(text: &str, a: &Analysis) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    // A UTF-16 offset inside `text` that does not split a surrogate pair.
    let boundary = |i: usize| i <= len && (i == 0 || i == len || !(0xDC00..0xE000).contains(&units[i]));
    let span = |what: &str, s: usize, e: usize| -> Result<(), String> {
        if s <= e && boundary(s) && boundary(e) {
            Ok(())
        } else {
            Err(format!("{what}: span {s}..{e} not inside the text ({len} units) on UTF-16 boundaries"))
        }
    };
    let slice = |s: usize, e: usize| String::from_utf16_lossy(&units[s..e]);
    span("body", a.body.start, a.body.end)?;
    for b in &a.boilerplate {
        span("boilerplate", b.start, b.end)?;
    }
    for f in &a.meta.fields {
        span("meta field", f.start, f.end)?;
    }
    for (i, h) in a.outline.iter().enumerate() {
        span("heading", h.start, h.end)?;
        if h.id != i {
            return Err(format!("heading {i} has id {}", h.id));
        }
        match h.parent {
            Some(p) if p >= i => return Err(format!("heading {i}: parent {p} is not earlier")),
            Some(p) if a.outline[p].level + 1 != h.level => return Err(format!("heading {i}: level {} under level {}", h.level, a.outline[p].level)),
            None if h.level != 1 => return Err(format!("heading {i}: level {} without a parent", h.level)),
            _ => {}
        }
        if i > 0 && a.outline[i - 1].start > h.start {
            return Err(format!("heading {i} out of order"));
        }
    }
    for (i, m) in a.metrics.iter().enumerate() {
        span("metric", m.start, m.end)?;
        if m.id != i {
            return Err(format!("metric {i} has id {}", m.id));
        }
        if slice(m.start, m.end) != m.text {
            return Err(format!("metric {i}: text {:?} is not the slice {:?}", m.text, slice(m.start, m.end)));
        }
        if !m.value.is_finite() || m.value_max.is_some_and(|v| !v.is_finite()) {
            return Err(format!("metric {i}: value not finite"));
        }
        if i > 0 && a.metrics[i - 1].end > m.start {
            return Err(format!("metric {i} overlaps or precedes metric {}", i - 1));
        }
        if m.heading.is_some_and(|h| h >= a.outline.len()) {
            return Err(format!("metric {i}: heading out of range"));
        }
    }
    let metric = |k: usize| if k < a.metrics.len() { Ok(()) } else { Err(format!("relation names metric {k}")) };
    for r in &a.relations {
        match r {
            Relation::Breakdown { total, parts, start, end, .. } => {
                span("relation", *start, *end)?;
                metric(*total)?;
                parts.iter().try_for_each(|&p| metric(p))?;
            }
            Relation::Respectively { items, values, start, end } => {
                span("relation", *start, *end)?;
                values.iter().try_for_each(|&p| metric(p))?;
                for it in items {
                    span("item", it.start, it.end)?;
                    it.metric.map_or(Ok(()), metric)?;
                }
            }
            Relation::Rate { numerator, denominator, rate, start, end } => {
                span("relation", *start, *end)?;
                [numerator, denominator, rate].into_iter().try_for_each(|&p| metric(p))?;
            }
        }
    }
    for (i, f) in a.findings.iter().enumerate() {
        if f.id != i {
            return Err(format!("finding {i} has id {}", f.id));
        }
        match (f.start, f.end) {
            (Some(s), Some(e)) => span("finding", s, e)?,
            (None, None) => {}
            _ => return Err(format!("finding {i}: only one end of its span")),
        }
        for r in &f.related {
            span("finding related", r.start, r.end)?;
        }
    }
    if a.stats.headings != a.outline.len() || a.stats.metrics != a.metrics.len() || a.stats.findings != a.findings.len() {
        return Err("stats disagree with the lists".into());
    }
    if !a.review.figures_per_1000_chars.is_finite() || a.review.quantified_measures_share.is_some_and(|v| !v.is_finite()) {
        return Err("review figure not finite".into());
    }
    let json = serde_json::to_string(a).map_err(|e| format!("serialise: {e}"))?;
    // The CLI and the wasm write with the faster writer; the derive is its definition.
    let mut written = Vec::new();
    crate::write_json(a, &mut written).map_err(|e| format!("write_json: {e}"))?;
    if written != json.as_bytes() {
        let at = written.iter().zip(json.as_bytes()).position(|(w, j)| w != j).unwrap_or(written.len().min(json.len()));
        return Err(format!("write_json differs from serde_json from byte {at}"));
    }
    let back: Analysis = serde_json::from_str(&json).map_err(|e| format!("deserialise: {e}"))?;
    if &back != a {
        return Err("JSON round trip changed the result".into());
    }
    Ok(())
}
