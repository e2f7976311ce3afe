//! `placeholder`: template placeholders left in the text (XX县, ××局, 开展*次, x名, 【】).
//! Latin words (XXL, Xbox) and products (7×24小时) are not placeholders.

use std::ops::Range;
use std::sync::LazyLock;

use crate::result::{FindingCode, Severity};
use crate::scan::Starts;
use crate::text::{Span, Text};
use crate::vocab::messages::Message;
use crate::vocab::review::{PLACEHOLDER_EMPTY_BRACKETS, PLACEHOLDER_MARKS, PLACEHOLDER_RUN_SETS};
use crate::vocab::review::PLACEHOLDER_UNITS;

use super::{Capped, ReviewFinding};

/// The units longest first: after a mark the longest one that follows is read (`X万元`, not `X万`).
static UNITS_LONGEST_FIRST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut units: Vec<&str> = PLACEHOLDER_UNITS.to_vec();
    crate::sort::stable_by_key(&mut units, |u| std::cmp::Reverse(u.len()));
    units
});

/// Blanks inside an empty bracket pair (ASCII white space with the vertical tab).
fn blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// Matches of `at` over `s` (it reads the match at a character, giving its end) at the
/// characters `first` allows: each list alone, as the tests' oracles read it.
#[cfg(test)]
fn scan<'s>(s: &'s str, starts: &'s Starts, at: fn(&str, usize, char) -> Option<usize>) -> impl Iterator<Item = Range<usize>> + 's {
    crate::scan::leftmost(s, starts, move |s, i, c| at(s, i, c).map(|end| (end, ()))).map(|(m, ())| m)
}

/// Where runs and single marks can start.
static RUN_STARTS: LazyLock<Starts> =
    LazyLock::new(|| Starts::of(PLACEHOLDER_RUN_SETS.iter().flat_map(|set| set.iter().copied()).chain(PLACEHOLDER_EMPTY_BRACKETS.iter().map(|b| b.0))));
static SINGLE_STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(PLACEHOLDER_MARKS.iter().copied()));

/// The end of a placeholder run starting at `i`: two or more of one set (`XX`, `○□`), or an
/// empty bracket pair.
fn run_at(s: &str, i: usize, c: char) -> Option<usize> {
    if let Some(set) = PLACEHOLDER_RUN_SETS.iter().find(|set| set.contains(&c)) {
        let len: usize = s[i..].chars().take_while(|c| set.contains(c)).map(char::len_utf8).sum();
        return (len > c.len_utf8()).then_some(i + len);
    }
    let &(_, close) = PLACEHOLDER_EMPTY_BRACKETS.iter().find(|(open, _)| *open == c)?;
    let inside = &s[i + c.len_utf8()..];
    let rest = inside.trim_start_matches(blank);
    rest.starts_with(close).then(|| s.len() - rest.len() + close.len_utf8())
}

/// The end of a mark and the unit after it starting at `i` (`X件`, `*次`).
fn single_at(s: &str, i: usize, c: char) -> Option<usize> {
    if !PLACEHOLDER_MARKS.contains(&c) {
        return None;
    }
    let after = i + c.len_utf8();
    UNITS_LONGEST_FIRST.iter().find(|u| s[after..].starts_with(**u)).map(|u| after + u.len())
}

/// The runs' and the marks' start characters together, for the one walk of a paragraph.
static ANY_STARTS: LazyLock<Starts> = LazyLock::new(|| {
    Starts::of(
        PLACEHOLDER_RUN_SETS
            .iter()
            .flat_map(|set| set.iter().copied())
            .chain(PLACEHOLDER_EMPTY_BRACKETS.iter().map(|b| b.0))
            .chain(PLACEHOLDER_MARKS.iter().copied()),
    )
});

/// A run (`XX`, `○□`, `【】`) or a single mark and its unit (`X件`).
#[derive(Debug, Clone, PartialEq)]
enum Found {
    Run(Range<usize>),
    Single(Range<usize>),
}

/// The runs and the single marks of `s`, each list exactly what its own leftmost scan
/// ([`scan`] with `run_at`, with `single_at`) finds, merged by start (a run before a mark at
/// the same start), from one walk over both lists' start characters instead of one walk each.
fn runs_and_singles(s: &str) -> impl Iterator<Item = Found> + '_ {
    let (mut run_from, mut single_from) = (0, 0);
    let mut waiting: Option<Found> = None;
    let mut walk = ANY_STARTS.within(s, 0, s.len());
    std::iter::from_fn(move || {
        if let Some(single) = waiting.take() {
            return Some(single);
        }
        for (i, c) in walk.by_ref() {
            let run = (i >= run_from && RUN_STARTS.holds(c)).then(|| run_at(s, i, c)).flatten();
            let single = (i >= single_from && SINGLE_STARTS.holds(c)).then(|| single_at(s, i, c)).flatten();
            if let Some(end) = single {
                single_from = end;
                waiting = Some(Found::Single(i..end));
            }
            if let Some(end) = run {
                run_from = end;
                return Some(Found::Run(i..end));
            }
            if let Some(single) = waiting.take() {
                return Some(single);
            }
        }
        None
    })
}

/// Placeholders of every paragraph into `out`.
pub fn check(text: &Text, paragraphs: &[Span], out: &mut Capped) {
    let s = text.norm();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '*' || c == '.');
    for &p in paragraphs {
        let slice = &s[p.range()];
        // Latin words (XXL, Xbox) and products (7×24小时) are not placeholders.
        let real = |m: &Range<usize>| {
            let span = Span::new(m.start, m.end).offset(p.start);
            !(latin(s[..span.start].chars().next_back()) || (slice[m.clone()].ends_with(['X', 'x']) && latin(s[span.end..].chars().next())))
        };
        each_placeholder(slice, real, |m| {
            let found = slice[m.clone()].to_owned();
            let span = Span::new(m.start, m.end).offset(p.start);
            out.push(ReviewFinding::new(FindingCode::Placeholder, Severity::Error, Message::Placeholder { found }, Some(span)));
        });
    }
}

/// The placeholders of a paragraph, in the order they are reported, through `report`; `real`
/// tells a placeholder from a Latin word. The runs (`XX`, `××`) win over the single marks they
/// overlap (`X件` inside `XX件`); both come in reading order from one walk, and a mark waits
/// only until the walk passes its end, so nothing is held per finding (issue 15). The order is
/// the one of the two separate scans the tests keep as the oracle: a mark after the runs that
/// start before its end.
fn each_placeholder(slice: &str, real: impl Fn(&Range<usize>) -> bool, mut report: impl FnMut(Range<usize>)) {
    let mut run_end = 0;
    let mut pending: Option<Range<usize>> = None;
    // A waiting mark, once every run starting before its end has been reported: kept unless
    // one of them reached into it.
    let kept = |single: Range<usize>, run_end: usize| (run_end <= single.start).then_some(single);
    for item in runs_and_singles(slice) {
        match item {
            Found::Run(run) if real(&run) => {
                if let Some(single) = pending.take_if(|single| run.start >= single.end).and_then(|single| kept(single, run_end)) {
                    report(single);
                }
                run_end = run.end;
                report(run);
            }
            Found::Single(single) if real(&single) => {
                if let Some(before) = pending.replace(single).and_then(|before| kept(before, run_end)) {
                    report(before);
                }
            }
            _ => {}
        }
    }
    if let Some(single) = pending.and_then(|single| kept(single, run_end)) {
        report(single);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::oracle::{assert_agree, scanners_agree_on_generated_texts};
    use crate::vocab::review::PLACEHOLDER_RUNS_PATTERN;

    /// The regular expressions the scanners replaced (runs, singles): their oracles.
    fn oracles() -> [regex::Regex; 2] {
        let units: Vec<String> = UNITS_LONGEST_FIRST.iter().map(|u| regex::escape(u)).collect();
        [PLACEHOLDER_RUNS_PATTERN.to_owned(), format!(r"[Xx×*](?:{})", units.join("|"))].map(|p| regex::Regex::new(&p).unwrap())
    }

    fn both(s: &str) -> [(Vec<Range<usize>>, Vec<Range<usize>>); 2] {
        let [runs, singles] = oracles();
        let of = |re: &regex::Regex| re.find_iter(s).map(|m| m.range()).collect::<Vec<_>>();
        [(scan(s, &RUN_STARTS, run_at).collect(), of(&runs)), (scan(s, &SINGLE_STARTS, single_at).collect(), of(&singles))]
    }

    fn pieces() -> Vec<&'static str> {
        let mut out = vec!["X", "x", "×", "*", "○", "□", "【", "】", "〔", "〕", " ", "\t", "\n", "\x0B", "\u{3000}", "a", "7", "县", "万", "小"];
        out.extend(PLACEHOLDER_UNITS);
        out
    }

    scanners_agree_on_generated_texts!(pieces(), 24, both);

    /// The placeholders as two separate walks reported them (runs, then marks, paired by
    /// position): the oracle of the one walk.
    fn two_walks(slice: &str, real: impl Fn(&Range<usize>) -> bool) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut runs = scan(slice, &RUN_STARTS, run_at).filter(&real).peekable();
        let mut run_end = 0;
        for single in scan(slice, &SINGLE_STARTS, single_at).filter(&real) {
            while let Some(run) = runs.next_if(|r| r.start < single.end) {
                run_end = run.end;
                out.push(run);
            }
            if run_end <= single.start {
                out.push(single);
            }
        }
        out.extend(runs);
        out
    }

    fn one_walk(slice: &str, real: impl Fn(&Range<usize>) -> bool) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        each_placeholder(slice, real, |m| out.push(m));
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The one walk reports what the two walks reported, in their order, whichever
        /// matches `real` drops (every one, none, those at an odd or even start).
        #[test]
        fn one_walk_reports_what_two_walks_did(text in crate::scan::oracle::texts(pieces(), 24), keep in 0usize..4) {
            let real = |m: &Range<usize>| match keep { 0 => true, 1 => false, k => m.start % 2 == k - 2 };
            proptest::prop_assert_eq!(one_walk(&text, real), two_walks(&text, real));
        }
    }

    #[test]
    fn the_scanners_agree_on_hand_picked_cases() {
        for text in [
            "XX县", "X县", "xX×件", "××局", "○□○", "○", "【】", "【 \n】", "【\u{3000}】", "〔〕", "【〕", "X万元", "X万", "*小时", "X小", "X人次", "X%",
            "XXX件", "7×24小时", "【【】】",
        ] {
            assert_agree(both(text), text);
        }
    }
}
