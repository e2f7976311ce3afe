//! `placeholder`: template placeholders left in the text (XX县, ××局, 开展*次, x名, 【】).
//! Latin words (XXL, Xbox) and products (7×24小时) are not placeholders.

use std::ops::Range;
use std::sync::LazyLock;

use crate::result::{FindingCode, Severity};
use crate::scan::Starts;
use crate::text::Span;
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
/// Both: the walk asks one table per character, not two.
static STARTS: LazyLock<Starts> = LazyLock::new(|| {
    Starts::of(
        PLACEHOLDER_RUN_SETS.iter().flat_map(|set| set.iter().copied()).chain(PLACEHOLDER_EMPTY_BRACKETS.iter().map(|b| b.0)).chain(PLACEHOLDER_MARKS.iter().copied()),
    )
});

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

/// Whether `c` can start a run or a mark: the characters a walk over a paragraph feeds to
/// [`InParagraph::feed`] (others are passed over there too).
pub(crate) fn starts(c: char) -> bool {
    STARTS.holds(c)
}

/// The placeholders of one paragraph, reported into `out` as the walk over the paragraph
/// ([`super::copying`]'s, which every check of a paragraph's characters shares) feeds it the
/// characters that can start one, in order.
pub(crate) struct InParagraph<'s> {
    s: &'s str,
    p: Span,
    walk: Placeholders,
}

impl<'s> InParagraph<'s> {
    pub(crate) fn new(s: &'s str, p: Span) -> Self {
        InParagraph { s, p, walk: Placeholders::default() }
    }

    /// The character `c` at byte `at` of the text (inside the paragraph).
    pub(crate) fn feed(&mut self, at: usize, c: char, out: &mut Capped) {
        let (s, p) = (self.s, self.p);
        self.walk.feed(&s[p.range()], at - p.start, c, |m| real(s, p, m), |m| report(s, p, m, out));
    }

    pub(crate) fn finish(self, out: &mut Capped) {
        let (s, p) = (self.s, self.p);
        self.walk.finish(|m| report(s, p, m, out));
    }
}

/// Latin words (XXL, Xbox) and products (7×24小时) are not placeholders: `m` (in paragraph `p`).
fn real(s: &str, p: Span, m: &Range<usize>) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '*' || c == '.');
    let span = Span::new(m.start, m.end).offset(p.start);
    !(latin(s[..span.start].chars().next_back()) || (s[span.range()].ends_with(['X', 'x']) && latin(s[span.end..].chars().next())))
}

fn report(s: &str, p: Span, m: Range<usize>, out: &mut Capped) {
    let span = Span::new(m.start, m.end).offset(p.start);
    let found = s[span.range()].to_owned();
    out.push(ReviewFinding::new(FindingCode::Placeholder, Severity::Error, Message::Placeholder { found }, Some(span)));
}

/// The runs (`XX`, `○□`, `【】`) and the single marks with their unit (`X件`) of a paragraph,
/// each list exactly what its own leftmost scan ([`scan`] with `run_at`, with `single_at`)
/// finds, from one walk over both lists' start characters; reported in the order the two
/// separate scans gave (the tests keep them as the oracle): the runs win over the single marks
/// they overlap (`X件` inside `XX件`), and a mark waits only until the walk passes its end, so
/// nothing is held per finding (issue 15).
#[derive(Default)]
struct Placeholders {
    /// Where the next run, the next single mark may start (each scan's resume point).
    run_from: usize,
    single_from: usize,
    /// The end of the last run reported.
    run_end: usize,
    /// A mark waiting until every run starting before its end has been reported.
    pending: Option<Range<usize>>,
}

impl Placeholders {
    /// The character `c` at byte `i` of the paragraph `slice`; `real` tells a placeholder from
    /// a Latin word.
    fn feed(&mut self, slice: &str, i: usize, c: char, real: impl Fn(&Range<usize>) -> bool, mut report: impl FnMut(Range<usize>)) {
        let run = (i >= self.run_from && RUN_STARTS.holds(c)).then(|| run_at(slice, i, c)).flatten();
        let single = (i >= self.single_from && SINGLE_STARTS.holds(c)).then(|| single_at(slice, i, c)).flatten();
        if let Some(end) = run {
            self.run_from = end;
            let run = i..end;
            if real(&run) {
                if let Some(single) = self.pending.take_if(|single| run.start >= single.end).and_then(|single| self.kept(single)) {
                    report(single);
                }
                self.run_end = run.end;
                report(run);
            }
        }
        if let Some(end) = single {
            self.single_from = end;
            let single = i..end;
            if real(&single) {
                if let Some(before) = self.pending.replace(single).and_then(|before| self.kept(before)) {
                    report(before);
                }
            }
        }
    }

    /// A waiting mark, once every run starting before its end has been reported: kept unless
    /// one of them reached into it.
    fn kept(&self, single: Range<usize>) -> Option<Range<usize>> {
        (self.run_end <= single.start).then_some(single)
    }

    fn finish(self, report: impl FnOnce(Range<usize>)) {
        if let Some(single) = self.pending.clone().and_then(|single| self.kept(single)) {
            report(single);
        }
    }
}

/// The placeholders of a paragraph, in the order they are reported, through `report`, from a
/// walk of their start characters alone ([`InParagraph`] is fed the shared walk's).
#[cfg(test)]
fn each_placeholder(slice: &str, real: impl Fn(&Range<usize>) -> bool, mut report: impl FnMut(Range<usize>)) {
    static ANY_STARTS: LazyLock<Starts> = LazyLock::new(|| {
        Starts::of(
            PLACEHOLDER_RUN_SETS
                .iter()
                .flat_map(|set| set.iter().copied())
                .chain(PLACEHOLDER_EMPTY_BRACKETS.iter().map(|b| b.0))
                .chain(PLACEHOLDER_MARKS.iter().copied()),
        )
    });
    let mut walk = Placeholders::default();
    for (i, c) in ANY_STARTS.within(slice, 0, slice.len()) {
        walk.feed(slice, i, c, &real, &mut report);
    }
    walk.finish(report);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::scan::oracle::{assert_agree, scanners_agree_on_generated_texts};
    use crate::vocab::review::PLACEHOLDER_RUNS_PATTERN;

    /// The walk's one table holds what the two do, and no other character.
    #[test]
    fn the_one_table_is_both() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            assert_eq!(STARTS.holds(c), RUN_STARTS.holds(c) || SINGLE_STARTS.holds(c), "{c:?}");
        }
    }

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

    /// The placeholders of paragraph `p` of `s` as a walk of their start characters alone
    /// reports them (the shared walk's oracle in `copying`).
    pub(crate) fn each_placeholder_of(s: &str, p: Span, mut report: impl FnMut(Span)) {
        each_placeholder(&s[p.range()], |m| real(s, p, m), |m| report(Span::new(m.start, m.end).offset(p.start)));
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
