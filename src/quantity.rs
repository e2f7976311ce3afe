//! Quantities: a number as written followed by a unit.
//!
//! Numbers: Arabic with decimals and thousands separators (`1,234.5`; full-width digits
//! are folded by `text`), Chinese numerals (`一百二十三`, `两`, `十余`, `十几`, `〇`/`零`,
//! `二〇一九`), percentages in words (`百分之九十五点五`, `百分之百`), multipliers folded
//! into the value (`2万余`, `1.39万亿`, `3万4000`, `65余万`), ranges (`3至5天`, `3-5天`,
//! `20—30人` → `value_max`) and approximations (`余 多 几 以上 超过 逾 不少于` → over,
//! `近 不足 不到 以下 以内` → under, `约 左右` → about).
//!
//! This stage only reads numbers; whether a quantity states a fact (not a year, a date, an
//! ordinal, a slogan …) is `metrics`' call, which also sees the context.

use std::sync::LazyLock;

use regex::Regex;

use crate::result::{Approx, MetricKind};
use crate::text::{Span, Text};
use crate::vocab::numerals::{
    self, Flavor, APPROX_AFTER, APPROX_BEFORE, APPROX_MARKS, DECIMAL_POINT, HUNDRED, MULTIPLIERS, NUMBER_PATTERN, PERCENT_WORDS,
    RANGE_SEPARATORS,
};
use crate::vocab::{unit_info, UNITS};

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Approximation words, number, multiplier and unit as written.
    pub span: Span,
    /// The number alone (first number of a range), without approximation words.
    pub number: Span,
    /// The unit as written.
    pub unit_span: Span,
    pub value: f64,
    pub value_max: Option<f64>,
    /// The reported unit (base unit without multipliers).
    pub unit: &'static str,
    pub kind: MetricKind,
    pub approx: Option<Approx>,
    /// Written in Chinese numerals (一, 三百, 十余 …) rather than digits.
    pub chinese: bool,
    /// A range (`3至5天`).
    pub range: bool,
}

fn alternatives<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.map(regex::escape).collect::<Vec<_>>().join("|")
}

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let mut units: Vec<&str> = UNITS.iter().map(|(u, _, _)| *u).collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
    units.dedup();
    let units = alternatives(units.into_iter());
    let pre = alternatives(APPROX_BEFORE.iter().map(|(w, _)| *w));
    let post = alternatives(APPROX_AFTER.iter().map(|(w, _)| *w));
    let range = RANGE_SEPARATORS.iter().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join("|");
    let part = NUMBER_PATTERN;
    Regex::new(&format!(
        r"(?<pre>{pre})?(?:{PERCENT_WORDS}(?<pct>{HUNDRED}|{part})|(?<n1>{part})(?:(?:{range})(?<n2>{part}))?(?<unit>{units}))(?<post>{post})?"
    ))
    .expect("quantity pattern")
});

/// Every quantity in `span`, in text order.
#[cfg(test)]
pub fn find(text: &Text, span: Span) -> Vec<Quantity> {
    iter(text, span).collect()
}

/// Every quantity in `span`, in text order, one at a time (`metrics` keeps a bounded number
/// of them; issue 15).
pub fn iter<'t>(text: &'t Text, span: Span) -> impl Iterator<Item = Quantity> + 't {
    QUANTITY.captures_iter(text.get(span)).filter_map(move |c| quantity(&c, span.start))
}

fn quantity(c: &regex::Captures, base: usize) -> Option<Quantity> {
    let whole = c.get(0)?;
    let at = |m: regex::Match| Span::from(m).offset(base);
    let (value, value_max, over, number, unit_span, unit, kind, chinese, range) = if let Some(p) = c.name("pct") {
        let (v, over) = if p.as_str() == HUNDRED { (100.0, false) } else { parse_part(p.as_str())? };
        let number = Span::new(p.start() - PERCENT_WORDS.len() + base, p.end() + base);
        (v, None, over, number, Span::new(p.end() + base, p.end() + base), "%", MetricKind::Percent, true, false)
    } else {
        let n1 = c.name("n1")?;
        let u = c.name("unit")?;
        let (unit, kind) = unit_info(u.as_str())?;
        let (mut v1, over1) = parse_part(n1.as_str())?;
        let (v2, over2) = match c.name("n2") {
            Some(n2) => {
                let (v2, o2) = parse_part(n2.as_str())?;
                // `3至5万元`: the multiplier written once applies to both ends.
                if multiplier_of(n1.as_str()) == 1.0 {
                    v1 *= multiplier_of(n2.as_str());
                }
                (Some(v2), o2)
            }
            None => (None, false),
        };
        let chinese = !n1.as_str().starts_with(|c: char| c.is_ascii_digit());
        let number = Span::new(n1.start() + base, c.name("n2").unwrap_or(n1).end() + base);
        (v1, v2, over1 || over2, number, at(u), unit, kind, chinese, v2.is_some())
    };
    // A range must rise (`5-3天` is no range) and every value must be finite.
    if !value.is_finite() || value_max.is_some_and(|v| !v.is_finite() || v < value) {
        return None;
    }
    let approx_of = |name: &str, table: &[(&str, Approx)]| {
        let word = c.name(name)?.as_str();
        table.iter().find(|(w, _)| *w == word).map(|(_, a)| *a)
    };
    let approx = approx_of("pre", APPROX_BEFORE).or(over.then_some(Approx::Over)).or_else(|| approx_of("post", APPROX_AFTER));
    Some(Quantity {
        span: at(whole),
        number,
        unit_span,
        value,
        value_max,
        unit,
        kind,
        approx,
        chinese,
        range,
    })
}

/// The multiplier a number is written with (`5万` → 1e4, `三千余` → 1e3), 1 for none.
fn multiplier_of(part: &str) -> f64 {
    let (thousand, rest) = MULTIPLIERS.split_last().expect("multipliers");
    if let Some((_, m, _)) = rest.iter().find(|(w, _, _)| part.contains(w)) {
        return *m;
    }
    let bare = part.strip_suffix(APPROX_MARKS[0]).or(part.strip_suffix(APPROX_MARKS[1])).unwrap_or(part);
    if bare.ends_with(thousand.0) {
        thousand.1
    } else {
        1.0
    }
}

/// A number with multipliers (`2万余`, `1.39万亿`, `3万4000`, `三百余`) → value and
/// whether 余/多/几 made it approximate.
pub fn parse_part(part: &str) -> Option<(f64, bool)> {
    let over = part.contains(APPROX_MARKS);
    let s: String = part.chars().filter(|c| !APPROX_MARKS.contains(c)).collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let digits_end = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(s.len());
        let base: f64 = s[..digits_end].replace(',', "").parse().ok()?;
        let rest = &s[digits_end..];
        if rest.is_empty() {
            return Some((base, over));
        }
        if let Some((_, m, _)) = MULTIPLIERS.iter().find(|(w, _, _)| *w == rest) {
            return Some((base * m, over));
        }
        // `3万4000`: the digits after 万 are added as written.
        let (m, tail) = MULTIPLIERS.iter().filter(|(_, _, tail)| *tail).find_map(|(w, m, _)| Some((m, rest.strip_prefix(w)?)))?;
        let tail: f64 = if tail.is_empty() { 0.0 } else { tail.parse().ok()? };
        Some((base * m + tail, over))
    } else {
        let (int, frac) = match s.split_once(DECIMAL_POINT) {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        let mut value = parse_chinese(int)?;
        if let Some(f) = frac {
            let digits: Option<String> = f.chars().map(|c| numerals::digit(c, Flavor::Count).map(|d| char::from(b'0' + d as u8))).collect();
            value += format!("0.{}", digits?).parse::<f64>().ok()?;
        }
        Some((value, over))
    }
}

/// Chinese numerals (`一百二十三`, `两千零五`, `二〇一九`): the one reader, with 两 as 2.
pub fn parse_chinese(s: &str) -> Option<f64> {
    numerals::read(s, Flavor::Count)
}

/// The value of a number written in Arabic digits or Chinese numerals (一百二十三, 十五).
/// Only tests that build metrics by hand need a bare number read; the pipeline reads
/// quantities with their units.
#[cfg(test)]
pub fn parse_number(s: &str) -> Option<f64> {
    if let Ok(v) = s.replace(',', "").parse::<f64>() {
        return Some(v);
    }
    parse_chinese(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_with_multipliers() {
        assert_eq!(parse_part("2万余"), Some((20000.0, true)));
        assert_eq!(parse_part("65余万"), Some((650000.0, true)));
        assert_eq!(parse_part("1.39万亿"), Some((1.39e12, false)));
        assert_eq!(parse_part("3万4000"), Some((34000.0, false)));
        assert_eq!(parse_part("1,234"), Some((1234.0, false)));
        assert_eq!(parse_part("九十五点五"), Some((95.5, false)));
        assert_eq!(parse_part("十几"), Some((10.0, true)));
    }
}
