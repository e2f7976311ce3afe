//! Quantities: a number as written (Arabic, Chinese numerals, 万/亿 multipliers,
//! approximations) followed by a unit. Whether a quantity states a fact is `metrics`' call.

use std::sync::LazyLock;

use regex::Regex;

use crate::result::{Approx, MetricKind};
use crate::text::{Span, Text};
use crate::vocab::{unit_kind, UNITS};

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Number, multiplier, approximation and unit as written.
    pub span: Span,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub kind: MetricKind,
    pub approx: Option<Approx>,
}

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let mut units: Vec<&str> = UNITS.iter().map(|(u, _)| *u).collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.len()));
    let units = units.iter().map(|u| regex::escape(u)).collect::<Vec<_>>().join("|");
    Regex::new(&format!(
        r"(?<approx_pre>近|约)?(?<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?<mult>万亿|万|亿)?(?<over>余|多)?(?<mult2>万|亿)?(?<unit>(?:万|亿)?(?:{units}))(?<post>以上|左右)?"
    ))
    .unwrap()
});

/// Every quantity in `span`.
pub fn find(text: &Text, span: Span) -> Vec<Quantity> {
    let s = text.get(span);
    QUANTITY
        .captures_iter(s)
        .filter_map(|c| {
            let mut value: f64 = c["num"].replace(',', "").parse().ok()?;
            let mut unit = &c["unit"];
            for m in [c.name("mult"), c.name("mult2")].into_iter().flatten() {
                value *= multiplier(m.as_str());
            }
            for prefix in ["万", "亿"] {
                if let Some(rest) = unit.strip_prefix(prefix) {
                    value *= multiplier(prefix);
                    unit = rest;
                }
            }
            let approx = match (c.name("approx_pre").map(|m| m.as_str()), c.name("over"), c.name("post").map(|m| m.as_str())) {
                (Some("近"), _, _) => Some(Approx::Under),
                (Some(_), _, _) | (_, _, Some("左右")) => Some(Approx::About),
                (_, Some(_), _) | (_, _, Some(_)) => Some(Approx::Over),
                _ => None,
            };
            Some(Quantity {
                span: Span::from(c.get(0).unwrap()).offset(span.start),
                value,
                value_max: None,
                unit: unit.to_owned(),
                kind: unit_kind(unit)?,
                approx,
            })
        })
        .collect()
}

fn multiplier(word: &str) -> f64 {
    match word {
        "万" => 1e4,
        "亿" => 1e8,
        "万亿" => 1e12,
        _ => 1.0,
    }
}

/// The value of a number written in Arabic digits or Chinese numerals (一百二十三, 十五).
pub fn parse_number(s: &str) -> Option<f64> {
    if let Ok(v) = s.replace(',', "").parse::<f64>() {
        return Some(v);
    }
    let mut total = 0u64;
    let mut current = 0u64;
    for c in s.chars() {
        match c {
            '零' | '〇' => current = 0,
            '一' => current = 1,
            '二' | '两' => current = 2,
            '三' => current = 3,
            '四' => current = 4,
            '五' => current = 5,
            '六' => current = 6,
            '七' => current = 7,
            '八' => current = 8,
            '九' => current = 9,
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            _ => return None,
        }
    }
    Some((total + current) as f64)
}
