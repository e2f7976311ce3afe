//! Table-driven cases: tests/data/review/arithmetic.toml, each a sentence with hand-built
//! metrics and the relation between them, and whether a careful reviewer would flag it.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::*;
use crate::metrics::{ExtractedMetric, Metrics, ExtractedRelation};
use crate::quantity::parse_number;

#[derive(Deserialize)]
struct Cases {
    rate: Vec<RateCase>,
    sum: Vec<SumCase>,
    respectively: Vec<RespCase>,
}

#[derive(Deserialize)]
struct RateCase {
    name: String,
    text: String,
    numerator: String,
    denominator: String,
    rate: String,
    finding: bool,
    #[serde(default)]
    message: Vec<String>,
}

#[derive(Deserialize)]
struct SumCase {
    name: String,
    text: String,
    total: String,
    parts: Vec<String>,
    exhaustive: bool,
    finding: bool,
    #[serde(default)]
    message: Vec<String>,
}

#[derive(Deserialize)]
struct RespCase {
    name: String,
    text: String,
    items: Vec<String>,
    values: Vec<String>,
    finding: bool,
    #[serde(default)]
    message: Vec<String>,
}

static CASES: LazyLock<Cases> = LazyLock::new(|| {
    toml::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/review/arithmetic.toml"))).expect("arithmetic.toml parses")
});

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?<pre>近|约)?(?<num>[0-9.,]+|[零〇一二三四五六七八九十百]+)(?<mult>万|亿)?(?<over>余|多)?(?<unit>.+?)(?<post>以上|左右)?$").unwrap()
});

/// The span of `locator` in `s`: `context|figure` finds `contextfigure` and keeps `figure`.
fn locate(s: &str, locator: &str) -> Span {
    let (context, figure) = locator.split_once('|').unwrap_or(("", locator));
    let at = s.find(&format!("{context}{figure}")).unwrap_or_else(|| panic!("{locator} not in {s}")) + context.len();
    Span::new(at, at + figure.len())
}

/// A metric as the metrics stage would give it for the figure `locator` points at.
fn metric(s: &str, locator: &str) -> ExtractedMetric {
    let span = locate(s, locator);
    if let Some(rest) = s[span.range()].strip_prefix("百分之") {
        let value = parse_number(rest).expect("Chinese numeral");
        return ExtractedMetric { span, value, value_max: None, unit: "%".into(), kind: MetricKind::Percent, approx: None, indicator: String::new(), category: "其他".into(), heading: None };
    }
    let c = FIGURE.captures(&s[span.range()]).unwrap_or_else(|| panic!("cannot read figure {locator}"));
    let mut value = parse_number(&c["num"]).expect("number");
    match c.name("mult").map(|m| m.as_str()) {
        Some("万") => value *= 1e4,
        Some("亿") => value *= 1e8,
        _ => {}
    }
    // The metrics stage takes units from its table (`&'static str`); a test's are its own, kept
    // for the run.
    let unit: &'static str = Box::leak(c["unit"].to_owned().into_boxed_str());
    let kind = match unit {
        "%" | "‰" => MetricKind::Percent,
        "元" => MetricKind::Money,
        "天" | "小时" | "个月" => MetricKind::Duration,
        _ => MetricKind::Count,
    };
    let approx = match (c.name("pre").map(|m| m.as_str()), c.name("over"), c.name("post").map(|m| m.as_str())) {
        (Some("近"), _, _) => Some(Approx::Under),
        (Some(_), _, _) | (_, _, Some("左右")) => Some(Approx::About),
        (_, Some(_), _) | (_, _, Some(_)) => Some(Approx::Over),
        _ => None,
    };
    ExtractedMetric {
        span,
        value,
        value_max: None,
        unit,
        kind,
        approx,
        indicator: String::new(),
        category: "其他".into(),
        heading: None,
    }
}

fn run(text: &Text, metrics: Vec<ExtractedMetric>, relation: ExtractedRelation) -> Vec<ReviewFinding> {
    check(text, &Metrics { metrics, relations: vec![relation], omitted: None })
}

fn verdict(name: &str, findings: &[ReviewFinding], code: FindingCode, expected: bool, message: &[String]) {
    assert!(findings.iter().all(|f| f.code == code && f.severity == Severity::Warning), "{name}: {findings:?}");
    assert_eq!(findings.len(), usize::from(expected), "{name}: {findings:?}");
    for part in message {
        assert!(findings[0].message.zh().contains(part.as_str()), "{name}: message {:?} lacks {part:?}", findings[0].message.zh());
    }
}

#[test]
fn rate_cases() {
    let cases = &CASES.rate;
    assert!(cases.iter().filter(|c| c.finding).count() >= 15 && cases.iter().filter(|c| !c.finding).count() >= 15);
    for c in cases {
        let text = Text::new(&c.text);
        let s = text.norm();
        let ms = vec![metric(s, &c.numerator), metric(s, &c.denominator), metric(s, &c.rate)];
        let span = ms[0].span.cover(ms[1].span).cover(ms[2].span);
        let f = run(&text, ms, ExtractedRelation::Rate { numerator: 0, denominator: 1, rate: 2, span });
        verdict(&c.name, &f, FindingCode::RateMismatch, c.finding, &c.message);
        if let Some(f) = f.first() {
            assert_eq!(f.span, Some(span), "{}", c.name);
        }
    }
}

#[test]
fn sum_cases() {
    let cases = &CASES.sum;
    assert!(cases.iter().filter(|c| c.finding).count() >= 15 && cases.iter().filter(|c| !c.finding).count() >= 15);
    for c in cases {
        let text = Text::new(&c.text);
        let s = text.norm();
        let mut ms = vec![metric(s, &c.total)];
        ms.extend(c.parts.iter().map(|p| metric(s, p)));
        let span = ms.iter().map(|m| m.span).reduce(Span::cover).unwrap();
        let relation = ExtractedRelation::Breakdown { total: 0, parts: (1..ms.len()).collect(), exhaustive: c.exhaustive, span };
        let f = run(&text, ms, relation);
        verdict(&c.name, &f, FindingCode::SumMismatch, c.finding, &c.message);
    }
}

#[test]
fn respectively_cases() {
    let cases = &CASES.respectively;
    assert!(cases.iter().filter(|c| c.finding).count() >= 15 && cases.iter().filter(|c| !c.finding).count() >= 15);
    for c in cases {
        let text = Text::new(&c.text);
        let s = text.norm();
        let ms: Vec<ExtractedMetric> = c.values.iter().map(|v| metric(s, v)).collect();
        let items = c.items.iter().map(|i| (locate(s, i), None)).collect();
        let span = Span::new(0, s.len());
        let f = run(&text, ms, ExtractedRelation::Respectively { items, values: (0..c.values.len()).collect(), span });
        verdict(&c.name, &f, FindingCode::RespectivelyMismatch, c.finding, &c.message);
    }
}

#[test]
fn relations_with_dangling_ids_are_ignored() {
    let text = Text::new("共10件,其中3件。");
    let m = metric(text.norm(), "10件");
    let f = check(&text, &Metrics { metrics: vec![m], relations: vec![
        ExtractedRelation::Breakdown { total: 0, parts: vec![7], exhaustive: true, span: Span::new(0, 3) },
        ExtractedRelation::Rate { numerator: 3, denominator: 0, rate: 9, span: Span::new(0, 3) },
    ], omitted: None });
    assert!(f.is_empty());
}

/// How `written` read a figure before it read it in place: the digits collected into a string.
fn written_by_collect(s: &str) -> Written {
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let scale = SCALE_WORDS.iter().find(|(w, _)| s.contains(w)).map_or(1.0, |(_, m)| *m);
    let decimals = match digits.split_once('.') {
        Some((_, frac)) => frac.len(),
        None => s.split_once(DECIMAL_POINT).map_or(0, |(_, frac)| frac.chars().take_while(|c| chinese_digit(*c).is_some()).count()),
    };
    Written { step: scale * 10f64.powi(-(decimals as i32)), scale }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    #[test]
    fn a_figure_reads_as_it_did_collected(s in crate::scan::oracle::texts(vec!["1", "05", ".", ",", "万", "亿", "千", "点", "五", "元", "%", "约", "a"], 12)) {
        proptest::prop_assert_eq!(written_in(&s), written_by_collect(&s));
    }

    /// The qualifiers found by the table are those a `contains` per qualifier found.
    #[test]
    fn a_rate_names_the_qualifiers_contains_found(
        full in crate::scan::oracle::texts(RATE_QUALIFIERS.iter().copied().chain(["按", "时", "一", "次", "办结", "率"]).collect(), 5),
        context in crate::scan::oracle::texts(RATE_QUALIFIERS.iter().copied().chain(["按", "时", "一", "次", "办结", "件"]).collect(), 4),
    ) {
        let by_contains = RATE_QUALIFIERS.iter().any(|q| full.contains(q) && !context.contains(q));
        let by_table = QUALIFIERS.occurrences(&full).any(|(_, _, q)| !holds(&context, QUALIFIERS.word(q)));
        proptest::prop_assert_eq!(by_table, by_contains);
    }
}
