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
    pub unit: String,
    pub kind: MetricKind,
    pub approx: Option<Approx>,
    /// Written in Chinese numerals (一, 三百, 十余 …) rather than digits.
    pub chinese: bool,
    /// A range (`3至5天`).
    pub range: bool,
}

/// One number with its multipliers and 余/多/几 (no unit).
const PART: &str = r"(?:[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*(?:点[〇零一二三四五六七八九]+)?)(?:余|多|几)?(?:(?:万亿|万|亿)(?:余|多)?(?:[0-9]+)?|千(?:余|多)?)?";

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let mut units: Vec<&str> = UNITS.iter().map(|(u, _, _)| *u).collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
    units.dedup();
    let units = units.iter().map(|u| regex::escape(u)).collect::<Vec<_>>().join("|");
    Regex::new(&format!(
        r"(?<pre>不少于|不低于|不超过|不足|不到|超过|大约|约|近|逾)?(?:百分之(?<pct>百|{PART})|(?<n1>{PART})(?:(?:至|到|~|-|—|–)(?<n2>{PART}))?(?<unit>{units}))(?<post>以上|以下|以内|左右|余)?"
    ))
    .expect("quantity pattern")
});

/// Every quantity in `span`, in text order.
pub fn find(text: &Text, span: Span) -> Vec<Quantity> {
    let s = text.get(span);
    QUANTITY.captures_iter(s).filter_map(|c| quantity(&c, span.start)).collect()
}

fn quantity(c: &regex::Captures, base: usize) -> Option<Quantity> {
    let whole = c.get(0)?;
    let at = |m: regex::Match| Span::from(m).offset(base);
    let (value, value_max, over, number, unit_span, unit, kind, chinese, range) = if let Some(p) = c.name("pct") {
        let (v, over) = if p.as_str() == "百" { (100.0, false) } else { parse_part(p.as_str())? };
        let number = Span::new(p.start() - "百分之".len() + base, p.end() + base);
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
    let approx = match c.name("pre").map(|m| m.as_str()) {
        Some("约" | "大约") => Some(Approx::About),
        Some("近" | "不足" | "不到" | "不超过") => Some(Approx::Under),
        Some(_) => Some(Approx::Over),
        None if over => Some(Approx::Over),
        None => match c.name("post").map(|m| m.as_str()) {
            Some("以上" | "余") => Some(Approx::Over),
            Some("以下" | "以内") => Some(Approx::Under),
            Some("左右") => Some(Approx::About),
            _ => None,
        },
    };
    Some(Quantity {
        span: at(whole),
        number,
        unit_span,
        value,
        value_max,
        unit: unit.to_owned(),
        kind,
        approx,
        chinese,
        range,
    })
}

fn multiplier_of(part: &str) -> f64 {
    if part.contains("万亿") {
        1e12
    } else if part.contains('亿') {
        1e8
    } else if part.contains('万') {
        1e4
    } else if part.ends_with('千') || part.ends_with("千余") || part.ends_with("千多") {
        1e3
    } else {
        1.0
    }
}

/// A number with multipliers (`2万余`, `1.39万亿`, `3万4000`, `三百余`) → value and
/// whether 余/多/几 made it approximate.
pub fn parse_part(part: &str) -> Option<(f64, bool)> {
    let over = part.contains(['余', '多', '几']);
    let s: String = part.chars().filter(|c| !matches!(c, '余' | '多' | '几')).collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let digits_end = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(s.len());
        let base: f64 = s[..digits_end].replace(',', "").parse().ok()?;
        let rest = &s[digits_end..];
        let value = match rest {
            "" => base,
            "千" => base * 1e3,
            "万亿" => base * 1e12,
            _ => {
                let (mult, tail) = if let Some(t) = rest.strip_prefix("万") {
                    (1e4, t)
                } else if let Some(t) = rest.strip_prefix("亿") {
                    (1e8, t)
                } else {
                    return None;
                };
                // `3万4000`: the digits after 万 are added as written.
                let tail: f64 = if tail.is_empty() { 0.0 } else { tail.parse().ok()? };
                base * mult + tail
            }
        };
        Some((value, over))
    } else {
        let (int, frac) = match s.split_once('点') {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        let mut value = parse_chinese(int)?;
        if let Some(f) = frac {
            let digits: Option<String> = f.chars().map(|c| chinese_digit(c).map(|d| char::from(b'0' + d as u8))).collect();
            value += format!("0.{}", digits?).parse::<f64>().ok()?;
        }
        Some((value, over))
    }
}

fn chinese_digit(c: char) -> Option<u64> {
    // 两 counts as 2 in quantities (两个, 两千).
    if c == '两' {
        Some(2)
    } else {
        crate::vocab::chinese_digit(c).map(u64::from)
    }
}

/// Chinese numerals: `一百二十三`, `十五`, `两千零五`, `三万四千`, `一亿`; a run of digits
/// without any 十/百/千 is read digit by digit (`二〇一九` → 2019).
pub fn parse_chinese(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    if s.chars().count() > 1 && s.chars().all(|c| chinese_digit(c).is_some()) {
        return s.chars().try_fold(0f64, |acc, c| Some(acc * 10.0 + chinese_digit(c)? as f64));
    }
    let mut total = 0f64; // sections above 亿 and 万 already closed
    let mut section = 0f64; // below 万
    let mut current = 0f64; // the digit waiting for its unit
    let mut seen_digit = false;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            current = d as f64;
            seen_digit = true;
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10.0,
                    '百' => 100.0,
                    _ => 1000.0,
                };
                let n = if seen_digit { current } else { 1.0 };
                section += n * unit;
                current = 0.0;
                seen_digit = false;
            }
            '万' => {
                total += (section + current) * 1e4;
                section = 0.0;
                current = 0.0;
                seen_digit = false;
            }
            '亿' => {
                total = (total + section + current) * 1e8;
                section = 0.0;
                current = 0.0;
                seen_digit = false;
            }
            _ => return None,
        }
    }
    Some(total + section + current)
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
    fn chinese_numerals() {
        for (s, v) in [
            ("一百二十三", 123.0),
            ("十五", 15.0),
            ("十", 10.0),
            ("两", 2.0),
            ("一百零五", 105.0),
            ("两千零五", 2005.0),
            ("三万四千", 34000.0),
            ("二〇一九", 2019.0),
            ("一亿二千万", 120_000_000.0),
            ("二十", 20.0),
        ] {
            assert_eq!(parse_chinese(s), Some(v), "{s}");
        }
    }

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
