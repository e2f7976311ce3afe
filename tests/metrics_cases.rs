//! Table-driven metric cases: tests/data/metrics/*.toml.
//!
//! `[[case]]`: a sentence and one expected metric, found by its `text` (exactly as
//! written); every other given field must match (`value`, `valueMax`, `unit`, `kind`,
//! `approx` — "none" for no approximation —, `indicator`, `category`). `count` asserts the
//! number of metrics in the sentence.
//!
//! `[[negative]]`: a sentence with no metric at all, or, with `not`, whose metrics include
//! none of the listed texts (and, with `count`, exactly that many metrics).

use std::fs;

use fazhi_analyzer::{analyze, Approx, Metric, MetricKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    case: Vec<Case>,
    #[serde(default)]
    negative: Vec<Negative>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    sentence: String,
    text: String,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: Option<String>,
    kind: Option<String>,
    approx: Option<String>,
    indicator: Option<String>,
    category: Option<String>,
    count: Option<usize>,
}

#[derive(Deserialize)]
struct Negative {
    sentence: String,
    #[serde(default)]
    not: Vec<String>,
    count: Option<usize>,
    rule: Option<String>,
}

fn files() -> Vec<(String, File)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = fs::read_dir("tests/data/metrics").expect("tests/data/metrics").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let text = fs::read_to_string(&path).expect("read case file");
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((path.display().to_string(), file));
    }
    out
}

fn kind_name(k: MetricKind) -> &'static str {
    match k {
        MetricKind::Count => "count",
        MetricKind::Money => "money",
        MetricKind::Percent => "percent",
        MetricKind::Duration => "duration",
        MetricKind::Measure => "measure",
    }
}

fn approx_name(a: Option<Approx>) -> &'static str {
    match a {
        None => "none",
        Some(Approx::Over) => "over",
        Some(Approx::Under) => "under",
        Some(Approx::About) => "about",
    }
}

fn describe(ms: &[Metric]) -> String {
    ms.iter().map(|m| format!("{}={}{}[{}]", m.text, m.value, m.unit, m.indicator)).collect::<Vec<_>>().join(" ")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn positive_cases() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (path, file) in files() {
        for c in &file.case {
            n += 1;
            let a = analyze(&c.sentence);
            let Some(m) = a.metrics.iter().find(|m| m.text == c.text) else {
                failures.push(format!("{path}: {:?}: no metric {:?}; got {}", c.sentence, c.text, describe(&a.metrics)));
                continue;
            };
            let mut bad = Vec::new();
            if let Some(v) = c.value {
                if !close(m.value, v) {
                    bad.push(format!("value {} ≠ {v}", m.value));
                }
            }
            if let Some(v) = c.value_max {
                if !m.value_max.is_some_and(|x| close(x, v)) {
                    bad.push(format!("valueMax {:?} ≠ {v}", m.value_max));
                }
            }
            if let Some(u) = &c.unit {
                if &m.unit != u {
                    bad.push(format!("unit {} ≠ {u}", m.unit));
                }
            }
            if let Some(k) = &c.kind {
                if kind_name(m.kind) != k {
                    bad.push(format!("kind {} ≠ {k}", kind_name(m.kind)));
                }
            }
            if let Some(ap) = &c.approx {
                if approx_name(m.approx) != ap {
                    bad.push(format!("approx {} ≠ {ap}", approx_name(m.approx)));
                }
            }
            if let Some(i) = &c.indicator {
                if &m.indicator != i {
                    bad.push(format!("indicator {} ≠ {i}", m.indicator));
                }
            }
            if let Some(cat) = &c.category {
                if &m.category != cat {
                    bad.push(format!("category {} ≠ {cat}", m.category));
                }
            }
            if let Some(count) = c.count {
                if a.metrics.len() != count {
                    bad.push(format!("count {} ≠ {count} ({})", a.metrics.len(), describe(&a.metrics)));
                }
            }
            if !bad.is_empty() {
                failures.push(format!("{path}: {:?} {:?}: {}", c.sentence, c.text, bad.join("; ")));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {n} positive cases fail:\n{}", failures.len(), failures.join("\n"));
    assert!(n >= 200, "only {n} positive cases");
}

#[test]
fn negative_cases() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (path, file) in files() {
        for c in &file.negative {
            n += 1;
            let a = analyze(&c.sentence);
            let rule = c.rule.as_deref().unwrap_or("");
            if c.not.is_empty() && c.count.is_none() {
                if !a.metrics.is_empty() {
                    failures.push(format!("{path}: [{rule}] {:?}: expected no metric, got {}", c.sentence, describe(&a.metrics)));
                }
                continue;
            }
            for t in &c.not {
                if a.metrics.iter().any(|m| m.text.contains(t.as_str()) || t.contains(m.text.as_str())) {
                    failures.push(format!("{path}: [{rule}] {:?}: {t:?} must not be a metric; got {}", c.sentence, describe(&a.metrics)));
                }
            }
            if let Some(count) = c.count {
                if a.metrics.len() != count {
                    failures.push(format!("{path}: [{rule}] {:?}: count {} ≠ {count} ({})", c.sentence, a.metrics.len(), describe(&a.metrics)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {n} negative cases fail:\n{}", failures.len(), failures.join("\n"));
    assert!(n >= 100, "only {n} negative cases");
}
