//! Metrics of the seed reports, hand-checked: tests/data/seeds/NNN.toml.
//!
//! - `exhaustive = true`: `[[metric]]` lists every figure of the seed, in order.
//! - `[[sample]]`: one figure, located by a `context` snippet of the seed that contains
//!   its `text` (the first occurrence of `text` inside the first occurrence of `context`).
//! - `[[absent]]`: a number located the same way that must not be (part of) any metric.
//! - `[[breakdown]]`, `[[rate]]`, `[[respectively]]`: relations, by their metrics' texts
//!   located by context; `relations = {breakdown = N, rate = N, respectively = N}` counts
//!   every relation of the seed (each one hand-checked, so no false alarm can arise).

use std::fs;

use fazhi_analyzer::{analyze, Analysis, Approx, Metric, Relation};
use serde::Deserialize;

#[derive(Deserialize)]
struct Seed {
    seed: String,
    #[serde(default)]
    exhaustive: bool,
    #[serde(default)]
    metric: Vec<Expected>,
    #[serde(default)]
    sample: Vec<Expected>,
    #[serde(default)]
    absent: Vec<Located>,
    #[serde(default)]
    breakdown: Vec<Breakdown>,
    #[serde(default)]
    rate: Vec<Rate>,
    #[serde(default)]
    respectively: Vec<Respectively>,
    relations: Option<Counts>,
}

#[derive(Deserialize)]
struct Expected {
    context: Option<String>,
    text: String,
    value: f64,
    unit: String,
    indicator: Option<String>,
    approx: Option<String>,
}

#[derive(Deserialize)]
struct Located {
    context: String,
    text: String,
}

#[derive(Deserialize)]
struct Breakdown {
    total: Located,
    parts: Vec<f64>,
    exhaustive: bool,
}

#[derive(Deserialize)]
struct Rate {
    numerator: Located,
    denominator: Located,
    rate: Located,
}

#[derive(Deserialize)]
struct Respectively {
    items: Vec<String>,
    values: Vec<Located>,
}

#[derive(Deserialize)]
struct Counts {
    breakdown: usize,
    rate: usize,
    respectively: usize,
}

mod common;
use common::{seed as seed_text, utf16_at};

/// UTF-16 range of `text` inside `context` in `s`.
fn locate(s: &str, l: &Located) -> (usize, usize) {
    let c = s.find(&l.context).unwrap_or_else(|| panic!("context {:?} not in seed", l.context));
    let t = c + s[c..c + l.context.len()].find(&l.text).unwrap_or_else(|| panic!("{:?} not in {:?}", l.text, l.context));
    (utf16_at(s, t), utf16_at(s, t + l.text.len()))
}

fn metric_at<'a>(a: &'a Analysis, s: &str, l: &Located) -> &'a Metric {
    let (start, end) = locate(s, l);
    a.metrics
        .iter()
        .find(|m| m.start == start && m.end == end)
        .unwrap_or_else(|| panic!("no metric {:?} at {:?}", l.text, l.context))
}

fn approx_name(a: Option<Approx>) -> Option<&'static str> {
    a.map(|a| match a {
        Approx::Over => "over",
        Approx::Under => "under",
        Approx::About => "about",
    })
}

fn check_metric(m: &Metric, e: &Expected, errors: &mut Vec<String>) {
    let close = (m.value - e.value).abs() <= 1e-9 * e.value.abs().max(1.0);
    if m.text != e.text || !close || m.unit != e.unit {
        errors.push(format!("{}: got {} = {} {}", e.text, m.text, m.value, m.unit));
    }
    if let Some(i) = &e.indicator {
        if &m.indicator != i {
            errors.push(format!("{}: indicator {} ≠ {i}", e.text, m.indicator));
        }
    }
    if approx_name(m.approx) != e.approx.as_deref() {
        errors.push(format!("{}: approx {:?} ≠ {:?}", e.text, approx_name(m.approx), e.approx));
    }
}

fn check_seed(file: &str) {
    let seed: Seed = toml::from_str(&fs::read_to_string(file).unwrap()).unwrap_or_else(|e| panic!("{file}: {e}"));
    let s = seed_text(&seed.seed);
    let a = analyze(&s);
    let mut errors = Vec::new();
    if seed.exhaustive {
        let got: Vec<&str> = a.metrics.iter().map(|m| m.text.as_str()).collect();
        let want: Vec<&str> = seed.metric.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(got, want, "seed {}: the metric list", seed.seed);
        for (m, e) in a.metrics.iter().zip(&seed.metric) {
            check_metric(m, e, &mut errors);
        }
    }
    for e in &seed.sample {
        let l = Located { context: e.context.clone().unwrap_or_else(|| e.text.clone()), text: e.text.clone() };
        let (start, end) = locate(&s, &l);
        match a.metrics.iter().find(|m| m.start == start && m.end == end) {
            Some(m) => check_metric(m, e, &mut errors),
            None => errors.push(format!("no metric {:?} in {:?}", e.text, l.context)),
        }
    }
    for l in &seed.absent {
        let (start, end) = locate(&s, l);
        if let Some(m) = a.metrics.iter().find(|m| m.start < end && start < m.end) {
            errors.push(format!("{:?} in {:?} must not be a metric; got {}", l.text, l.context, m.text));
        }
    }
    for b in &seed.breakdown {
        let total = metric_at(&a, &s, &b.total).id;
        let found = a.relations.iter().find_map(|r| match r {
            Relation::Breakdown { total: t, parts, exhaustive, .. } if *t == total => Some((parts, *exhaustive)),
            _ => None,
        });
        match found {
            Some((parts, exhaustive)) => {
                let values: Vec<f64> = parts.iter().map(|&p| a.metrics[p].value).collect();
                if values != b.parts || exhaustive != b.exhaustive {
                    errors.push(format!("breakdown of {}: parts {values:?} exhaustive {exhaustive}", b.total.text));
                }
            }
            None => errors.push(format!("no breakdown of {:?}", b.total.text)),
        }
    }
    for r in &seed.rate {
        let (n, d, q) = (metric_at(&a, &s, &r.numerator).id, metric_at(&a, &s, &r.denominator).id, metric_at(&a, &s, &r.rate).id);
        let ok = a.relations.iter().any(|rel| matches!(rel, Relation::Rate { numerator, denominator, rate, .. } if (*numerator, *denominator, *rate) == (n, d, q)));
        if !ok {
            errors.push(format!("no rate {} / {} = {}", r.numerator.text, r.denominator.text, r.rate.text));
        }
    }
    for r in &seed.respectively {
        let values: Vec<usize> = r.values.iter().map(|l| metric_at(&a, &s, l).id).collect();
        let found = a.relations.iter().find_map(|rel| match rel {
            Relation::Respectively { items, values: v, .. } if *v == values => Some(items),
            _ => None,
        });
        match found {
            Some(items) => {
                let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
                if texts != r.items {
                    errors.push(format!("respectively items {texts:?} ≠ {:?}", r.items));
                }
                for (&v, item) in values.iter().zip(&r.items) {
                    if &a.metrics[v].indicator != item {
                        errors.push(format!("{} takes its item {item} as indicator, not {}", a.metrics[v].text, a.metrics[v].indicator));
                    }
                }
            }
            None => errors.push(format!("no respectively over {:?}", r.items)),
        }
    }
    if let Some(c) = &seed.relations {
        let count = |f: fn(&Relation) -> bool| a.relations.iter().filter(|r| f(r)).count();
        let got = (
            count(|r| matches!(r, Relation::Breakdown { .. })),
            count(|r| matches!(r, Relation::Rate { .. })),
            count(|r| matches!(r, Relation::Respectively { .. })),
        );
        if got != (c.breakdown, c.rate, c.respectively) {
            errors.push(format!("relations (breakdown, rate, respectively) = {got:?}, expected {:?}", (c.breakdown, c.rate, c.respectively)));
        }
    }
    assert!(errors.is_empty(), "seed {}:\n{}", seed.seed, errors.join("\n"));
}

#[test]
fn seed_000_exhaustive() {
    check_seed("tests/data/seeds/000.toml");
}

#[test]
fn seed_001_exhaustive() {
    check_seed("tests/data/seeds/001.toml");
}

#[test]
fn seed_002_sampled() {
    check_seed("tests/data/seeds/002.toml");
}

#[test]
fn seed_003_sampled() {
    check_seed("tests/data/seeds/003.toml");
}

#[test]
fn seed_004_sampled() {
    check_seed("tests/data/seeds/004.toml");
}

/// Every stated rate of the seeds agrees with its own numerator and denominator, and no
/// breakdown's parts exceed their total: the seeds are consistent, so any arithmetic
/// relation that disagrees would be a false alarm in review.
#[test]
fn seed_relations_are_arithmetically_consistent() {
    for id in ["000", "001", "002", "003", "004"] {
        let a = analyze(&seed_text(id));
        for r in &a.relations {
            match r {
                Relation::Rate { numerator, denominator, rate, .. } => {
                    let (n, d, q) = (a.metrics[*numerator].value, a.metrics[*denominator].value, a.metrics[*rate].value);
                    assert!((n / d * 100.0 - q).abs() < 0.6, "seed {id}: {n}/{d} ≠ {q}%");
                }
                Relation::Breakdown { total, parts, exhaustive, .. } => {
                    let sum: f64 = parts.iter().map(|&p| a.metrics[p].value).sum();
                    let t = a.metrics[*total].value;
                    assert!(sum <= t + 1e-6, "seed {id}: parts {sum} > total {t}");
                    if *exhaustive {
                        assert!((sum - t).abs() < 1e-6, "seed {id}: exhaustive parts {sum} ≠ {t}");
                    }
                }
                Relation::Respectively { items, values, .. } => {
                    assert_eq!(items.len(), values.len(), "seed {id}: respectively lists differ");
                }
            }
        }
    }
}
