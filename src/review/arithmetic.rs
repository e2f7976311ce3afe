//! Arithmetic: a rate against its own numerator and denominator (`rate-mismatch`), parts
//! against their total (`sum-mismatch`), and 分别 lists of different lengths
//! (`respectively-mismatch`). The relations come from `metrics`; this module only judges them.
//!
//! No false alarms: approximate figures (余/多/近/约/左右) are never added up exactly, only
//! figures in the same unit are compared, and every comparison allows for the precision the
//! figures are written with (98% is anything from 97.5% to 98.99…%: rounded or truncated).

use std::sync::LazyLock;

use crate::metrics::{ExtractedMetric, Metrics, ExtractedRelation};
use crate::re::WordTable;
use crate::result::{Approx, FindingCode, MetricKind, Severity};
use crate::text::{Span, Text};
use crate::vocab::part_kinds::{part_kind, PartKind};
use crate::vocab::review::RATE_QUALIFIERS;
use crate::vocab::numerals::{chinese_digit, DECIMAL_POINT, SCALE_WORDS};
use crate::vocab::units::UNIT_EQUIVALENTS;
use crate::vocab::words::{BREAKDOWN_TRIGGERS, CLAUSE_BOUNDARIES, TOTAL_CHAR, TOTAL_WORDS, WORDS_WITH_TOTAL_CHAR, RELATION_SENTENCE_ENDS as SENTENCE_ENDS, RATE_NAME_GENERIC, RATE_NAME_TRAILING, RATE_SUFFIX, SHARE_VERB};

use super::ReviewFinding;
use crate::vocab::messages::Message;

pub fn check(text: &Text, metrics: &Metrics) -> Vec<ReviewFinding> {
    let ms = &metrics.metrics;
    let get = |i: usize| ms.get(i);
    metrics
        .relations
        .iter()
        .filter_map(|rel| match rel {
            ExtractedRelation::Rate { numerator, denominator, rate, span } => {
                let finding = rate_mismatch(text, get(*numerator)?, get(*denominator)?, get(*rate)?, *span)?;
                // Several totals before the rate (收到 820, 受理 760, 审结 700 …): the rate may be
                // over any of them; silence when any pair of the sentence's counts gives it.
                (!other_pair_fits(text, ms, *rate)).then_some(finding)
            }
            ExtractedRelation::Breakdown { total, parts, exhaustive, span } => {
                let parts: Option<Vec<&ExtractedMetric>> = parts.iter().filter(|&&p| p != *total).map(|&p| get(p)).collect();
                let parts = parts?;
                let groups = by_kind(&parts);
                if groups.len() < 2 {
                    return sum_mismatch(text, get(*total)?, &parts, *exhaustive, *span);
                }
                // Case types and outcomes each divide the total on their own: each kind is
                // checked alone, and only for exceeding it (which of them is complete, none says).
                groups.iter().find_map(|group| sum_mismatch(text, get(*total)?, group, false, *span))
            }
            ExtractedRelation::Respectively { items, values, span } => {
                let values: Option<Vec<&ExtractedMetric>> = values.iter().map(|&v| get(v)).collect();
                respectively_mismatch(items.len(), &values?, *span)
            }
        })
        .collect()
}

/// The parts of a breakdown by their kind (case types, outcomes), in order of first
/// appearance. A part whose words name neither (`其他10件`) belongs to the kind of the part before
/// it, or, first in the list, of the part after it; with no kind named at all, one group.
fn by_kind<'m>(parts: &[&'m ExtractedMetric]) -> Vec<Vec<&'m ExtractedMetric>> {
    let named: Vec<Option<PartKind>> = parts.iter().map(|p| part_kind(&p.indicator)).collect();
    let first = named.iter().flatten().next().copied();
    let mut current = first;
    let mut groups: Vec<(Option<PartKind>, Vec<&ExtractedMetric>)> = Vec::new();
    for (p, kind) in parts.iter().zip(&named) {
        if kind.is_some() {
            current = *kind;
        }
        match groups.iter_mut().find(|(k, _)| *k == current) {
            Some((_, group)) => group.push(p),
            None => groups.push((current, vec![p])),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

fn same_unit(a: &str, b: &str) -> bool {
    a == b || UNIT_EQUIVALENTS.iter().any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
}

/// The figure as written, without its unit: `96.91`, `339.04万`.
#[derive(Debug, PartialEq)]
struct Written {
    /// Value of one step of the last written digit (1 for `96`, 0.01 for `96.91`, 100 for `1.39万`).
    step: f64,
    /// The multiplier the figure is written with (1, 1e4 for 万, 1e8 for 亿).
    scale: f64,
}

fn written(text: &Text, m: &ExtractedMetric) -> Written {
    written_in(text.get(m.span))
}

/// [`written`] of a figure's text.
fn written_in(s: &str) -> Written {
    // The first run of digits, thousands separators left out: its decimals are what follows its
    // first `.` (read in place, not collected into a string).
    let first_digit = s.bytes().position(|b| b.is_ascii_digit()).unwrap_or(s.len());
    let mut after_point: Option<usize> = None;
    for b in s[first_digit..].bytes().take_while(|&b| b.is_ascii_digit() || b == b'.' || b == b',').filter(|&b| b != b',') {
        match after_point {
            Some(n) => after_point = Some(n + 1),
            None if b == b'.' => after_point = Some(0),
            None => {}
        }
    }
    let scale = SCALE_WORDS.iter().find(|(w, _)| holds(s, w)).map_or(1.0, |(_, m)| *m);
    let decimals = match after_point {
        Some(n) => n,
        None => s.split_once(DECIMAL_POINT).map_or(0, |(_, frac)| frac.chars().take_while(|c| chinese_digit(*c).is_some()).count()),
    };
    Written { step: scale * 10f64.powi(-(decimals as i32)), scale }
}

/// Whether `word` stands in the short `hay` (a figure, a name of a few characters): compared in
/// place, without setting up a substring searcher each time.
fn holds(hay: &str, word: &str) -> bool {
    hay.as_bytes().windows(word.len()).any(|w| w == word.as_bytes())
}

/// The imprecision of a figure as written: none for an exact integer count, half a step
/// for anything rounded (decimals, 万/亿).
fn slack(text: &Text, m: &ExtractedMetric) -> f64 {
    let w = written(text, m);
    if w.step >= 1.0 && w.scale == 1.0 {
        0.0
    } else {
        w.step / 2.0
    }
}

fn exact(m: &ExtractedMetric) -> bool {
    m.approx.is_none() && m.value_max.is_none() && m.value.is_finite()
}

/// `3390400` in the total's own terms: `339.04万元`.
fn show(value: f64, scale: f64, unit: &str) -> String {
    let word = SCALE_WORDS.iter().find(|(_, m)| *m == scale).map_or("", |(w, _)| *w);
    let v = value / scale;
    let mut s = crate::decimal::fixed(v, 4);
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    format!("{s}{word}{unit}")
}

fn rate_mismatch(text: &Text, num: &ExtractedMetric, den: &ExtractedMetric, rate: &ExtractedMetric, span: Span) -> Option<ReviewFinding> {
    let per = match rate.unit {
        "%" => 100.0,
        "‰" => 1000.0,
        _ => return None,
    };
    let plain = |m: &ExtractedMetric| exact(m) && m.kind != MetricKind::Percent;
    if !(plain(num) && plain(den) && exact(rate) && same_unit(&num.unit, &den.unit)) {
        return None;
    }
    if !names_its_numerator(text, num, rate) || parallel_items(text, num, den) || states_a_total(text, num) {
        return None;
    }
    let (n, d) = (num.value, den.value);
    // A numerator above its denominator means the relation is not what it seems: no verdict.
    if !(d > 0.0 && n >= 0.0 && n <= d) || fits_rate(text, num, den, rate) {
        return None;
    }
    let step = written(text, rate).step;
    let computed = n / d * per;
    let decimals = ((-step.log10()).round().max(0.0) as usize + 1).clamp(2, 4);
    let stated = text.as_written(rate.span);
    let name = rate_name(text, rate);
    Some(ReviewFinding::new(
        FindingCode::RateMismatch,
        Severity::Warning,
        Message::RateMismatch {
            name,
            stated: stated.to_string(),
            numerator: text.as_written(num.span).into_owned(),
            denominator: text.as_written(den.span).into_owned(),
            computed: crate::decimal::fixed(computed, decimals),
            unit: rate.unit.to_owned(),
        },
        Some(span),
    ))
}

/// How far back, in bytes, the rate's sentence is looked for (as `metrics::relations`).
const SENTENCE_WINDOW: usize = 1200;

/// The most counts before a rate that are paired with each other (a sentence states a few
/// totals; a longer run is a table dump, and pairing it all would be quadratic).
const MAX_COUNTS: usize = 12;

/// The exact counts of the rate's sentence before it.
fn counts_before<'m>(text: &Text, ms: &'m [ExtractedMetric], rate: usize) -> Vec<&'m ExtractedMetric> {
    let s = text.norm();
    let r = &ms[rate];
    // At most a long sentence back, so that text without sentence ends stays linear.
    let from = crate::text::floor_char_boundary(s, r.span.start.saturating_sub(SENTENCE_WINDOW));
    let sentence_start =
        s[from..r.span.start].rfind(SENTENCE_ENDS).map_or(from, |i| from + i + s[from + i..].chars().next().map_or(1, char::len_utf8));
    ms[..rate]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= sentence_start)
        .filter(|m| exact(m) && m.kind == MetricKind::Count)
        .take(MAX_COUNTS)
        .collect()
}

/// Whether some pair of the counts before the rate (numerator no larger than denominator, one
/// unit) gives the stated rate.
fn other_pair_fits(text: &Text, ms: &[ExtractedMetric], rate: usize) -> bool {
    let counts = counts_before(text, ms, rate);
    let r = &ms[rate];
    counts.iter().any(|d| {
        counts.iter().any(|n| !std::ptr::eq(*n, *d) && n.value <= d.value && same_unit(&n.unit, &d.unit) && fits_rate(text, n, d, r))
    })
}

/// Whether `num ÷ den` gives the stated rate, within the precision each is written with (a
/// pair that cannot be judged counts as fitting).
fn fits_rate(text: &Text, num: &ExtractedMetric, den: &ExtractedMetric, rate: &ExtractedMetric) -> bool {
    let per = match rate.unit {
        "%" => 100.0,
        "‰" => 1000.0,
        _ => return true,
    };
    let (n, d, r) = (num.value, den.value, rate.value);
    if !(d > 0.0 && n >= 0.0 && n <= d) {
        return true;
    }
    let (sn, sd) = (slack(text, num), slack(text, den));
    let lo = (n - sn).max(0.0) / (d + sd) * per;
    let hi = (n + sn) / (d - sd).max(f64::MIN_POSITIVE) * per;
    let step = written(text, rate).step;
    // Plus a little: a hundredth of a step, for figures computed from rounded inputs upstream.
    let eps = step / 100.0 + 1e-9 * per;
    // Stated rate r covers [r - step/2, r + step): rounded, or truncated.
    let fits = |c_lo: f64, c_hi: f64| c_hi >= r - step / 2.0 - eps && c_lo < r + step + eps;
    fits(lo, hi) || fits(per - hi, per - lo)
}

/// What the rate is called where it is stated (成功率达85% → 成功率), else its indicator.
fn rate_name(text: &Text, rate: &ExtractedMetric) -> String {
    let s = text.norm();
    let start = s[..rate.span.start].char_indices().rev().take(8).last().map_or(rate.span.start, |(i, _)| i);
    let mut run: Vec<char> = s[start..rate.span.start].chars().rev().take_while(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect();
    run.reverse();
    let run: String = run.into_iter().collect();
    let run = RATE_NAME_TRAILING.iter().fold(run.as_str(), |r, w| r.strip_suffix(w).unwrap_or(r)).to_owned();
    if run.ends_with(RATE_SUFFIX) || run.ends_with(SHARE_VERB) || rate.indicator.trim().is_empty() {
        run
    } else {
        rate.indicator.trim().to_owned()
    }
}

/// The rate qualifiers, found in a rate's name by its characters (`re::WordTable`), not by a
/// `contains` per qualifier.
static QUALIFIERS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(RATE_QUALIFIERS.iter().copied()));

/// Whether the rate names what its numerator counts: 办结率 and 办结176923件, 年报率 and
/// 已报40993户, 成功率 and 调处成功1329件 — or the rate stands right after it (24件、占46%).
/// Otherwise the figures were paired by mistake upstream, and no verdict is given.
fn names_its_numerator(text: &Text, num: &ExtractedMetric, rate: &ExtractedMetric) -> bool {
    let s = text.norm();
    let before = |pos: usize, n: usize| -> &str {
        let start = s[..pos].char_indices().rev().take(n).last().map_or(pos, |(i, _)| i);
        &s[start..pos]
    };
    if num.span.end <= rate.span.start {
        let between = &s[num.span.end..rate.span.start];
        if between.contains(SHARE_VERB) && between.chars().count() <= 3 {
            return true;
        }
    }
    // The rate's own name: the run of Han characters before it, back to punctuation.
    let name: String = before(rate.span.start, 8)
        .chars()
        .rev()
        .take_while(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .filter(|c| !RATE_NAME_GENERIC.contains(*c))
        .collect();
    let context = before(num.span.start, 8);
    let full_name = before(rate.span.start, 8);
    if QUALIFIERS.occurrences(full_name).any(|(_, _, q)| !holds(context, QUALIFIERS.word(q))) {
        return false;
    }
    name.chars().any(|c| context.contains(c))
}

/// Whether the two counts are items of one list rather than a part and its whole:
/// `办理行政复议案件46件,行政诉讼案件32件` — each named in full, the same head noun (案件),
/// different kinds, neither name inside the other, and no 其中/包括 between them. A rate
/// after them (出庭应诉率100%) is over neither, as far as the statement says.
fn parallel_items(text: &Text, num: &ExtractedMetric, den: &ExtractedMetric) -> bool {
    let (a, b) = (num.indicator.trim(), den.indicator.trim());
    fn head(l: &str) -> Option<&str> {
        l.char_indices().rev().nth(PARALLEL_HEAD_CHARS - 1).map(|(i, _)| &l[i..])
    }
    let (Some(ha), Some(hb)) = (head(a), head(b)) else { return false };
    if ha != hb || a.contains(b) || b.contains(a) || a.chars().count() <= PARALLEL_HEAD_CHARS || b.chars().count() <= PARALLEL_HEAD_CHARS {
        return false;
    }
    let (from, to) = (den.span.end.min(num.span.start), num.span.start.max(den.span.end));
    let between = &text.norm()[from..to];
    !BREAKDOWN_TRIGGERS.iter().any(|(w, _)| between.contains(w))
}

/// Whether the numerator's own clause announces a total (`;全市行政机关共发生行政诉讼案件860件`):
/// a new total is not a part of the count before it.
fn states_a_total(text: &Text, num: &ExtractedMetric) -> bool {
    let s = text.norm();
    let from = crate::text::floor_char_boundary(s, num.span.start.saturating_sub(SENTENCE_WINDOW));
    let clause_start = s[from..num.span.start].char_indices().rev().find(|(_, c)| CLAUSE_BOUNDARIES.contains(c)).map_or(from, |(i, c)| from + i + c.len_utf8());
    let clause = &s[clause_start..num.span.start];
    // 共 alone is a total except inside a word (公共, 共同 …).
    let in_word = |at: usize| {
        let prev = clause[..at].chars().next_back().map_or(String::new(), |c| format!("{c}{TOTAL_CHAR}"));
        let next = clause[at..].chars().take(2).collect::<String>();
        WORDS_WITH_TOTAL_CHAR.iter().any(|w| *w == prev || *w == next)
    };
    TOTAL_WORDS.iter().any(|w| clause.match_indices(w).any(|(at, _)| *w != TOTAL_CHAR || !in_word(at)))
}

/// How many characters end a name as its head noun (案件, 企业, 人次 …).
const PARALLEL_HEAD_CHARS: usize = 2;

fn sum_mismatch(text: &Text, total: &ExtractedMetric, parts: &[&ExtractedMetric], exhaustive: bool, span: Span) -> Option<ReviewFinding> {
    if total.kind == MetricKind::Percent && parts.iter().any(|p| p.kind != MetricKind::Percent) {
        return None;
    }
    let same: Vec<&ExtractedMetric> = parts.iter().copied().filter(|p| same_unit(&p.unit, &total.unit) && p.kind == total.kind).collect();
    if same.is_empty() {
        return None;
    }
    // Lower bounds of the parts: 30余件 is at least 30; 近30件 and 约30件 say nothing certain.
    let low = |p: &ExtractedMetric| match p.approx {
        None | Some(Approx::Over) => p.value,
        Some(_) => 0.0,
    };
    let parts_low: f64 = same.iter().map(|p| low(p)).sum();
    let total_high = match total.approx {
        None | Some(Approx::Under) => total.value_max.unwrap_or(total.value),
        Some(_) => f64::INFINITY,
    };
    let all_exact = exact(total) && same.iter().all(|p| exact(p));
    let complete = exhaustive && all_exact && same.len() == parts.len();
    // Parts that do not exceed their total, and (where they must add up to it) add up to it
    // exactly, are right whatever precision the figures are written with (the tolerance is
    // positive): the figures' texts are not read for it (most breakdowns).
    if parts_low <= total_high && !(complete && parts_low != total.value) {
        return None;
    }
    let scale = written(text, total).scale;
    let tol = slack(text, total) + same.iter().map(|p| slack(text, p)).sum::<f64>() + 1e-9 * total.value.abs().max(1.0);
    // Up to six parts are shown one by one, more as a count.
    let shown = || (same.len() <= 6).then(|| same.iter().map(|p| text.as_written(p.span)).collect::<Vec<_>>().join("+"));
    // Written out only for a finding.
    let total_text = || text.as_written(total.span).into_owned();
    let sum = || show(parts_low, scale, &total.unit);
    if parts_low > total_high + tol {
        // A 其中 list that ran on into the next clause: if its first parts already make the
        // total, the rest are not its parts. (An exhaustive list is enumerated on purpose.)
        if !exhaustive {
            let mut prefix = 0.0;
            for p in &same[..same.len() - 1] {
                prefix += low(p);
                if (prefix - total.value).abs() <= tol {
                    return None;
                }
            }
        }
        return Some(ReviewFinding::new(
            FindingCode::SumMismatch,
            Severity::Warning,
            {
                let excess = show(parts_low - total_high, scale, &total.unit);
                match shown() {
                    Some(parts) => Message::SumExceeds { total: total_text(), parts, sum: sum(), excess },
                    None => Message::SumExceedsMany { total: total_text(), count: same.len(), sum: sum(), excess },
                }
            },
            Some(span),
        ));
    }
    if complete && (parts_low - total.value).abs() > tol {
        return Some(ReviewFinding::new(
            FindingCode::SumMismatch,
            Severity::Warning,
            {
                let difference = show((parts_low - total.value).abs(), scale, &total.unit);
                match shown() {
                    Some(parts) => Message::SumDiffers { total: total_text(), parts, sum: sum(), difference },
                    None => Message::SumDiffersMany { total: total_text(), count: same.len(), sum: sum(), difference },
                }
            },
            Some(span),
        ));
    }
    None
}

fn respectively_mismatch(items: usize, values: &[&ExtractedMetric], span: Span) -> Option<ReviewFinding> {
    // `A、B分别增长10%` (one value for all) and `X分别为…` (one item) pair nothing.
    if items < 2 || values.len() < 2 || items == values.len() {
        return None;
    }
    // `A、B分别为3件、5件,6人、8人`: one list per unit, each as long as the items.
    let mut units: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match units.iter_mut().find(|(u, _)| *u == v.unit) {
            Some((_, n)) => *n += 1,
            None => units.push((&v.unit, 1)),
        }
    }
    if units.iter().all(|&(_, n)| n == items) {
        return None;
    }
    Some(ReviewFinding::new(
        FindingCode::RespectivelyMismatch,
        Severity::Warning,
        Message::RespectivelyMismatch { items, values: values.len() },
        Some(span),
    ))
}

#[cfg(test)]
mod tests;
