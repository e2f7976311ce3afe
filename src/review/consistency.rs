//! One report contradicting itself: the same indicator and unit stated twice with
//! different values (`inconsistent-figure`): `共受理行政复议案件15件` … `全年受理行政复议案件17件`.
//!
//! Precision first. Two statements are compared only when each is plainly the whole of the
//! reporting period: no word of another year, period, place, part or change before the figure
//! in its sentence (`vocab::consistency::SCOPE_WORDS`), no other year named, neither
//! approximate nor part of a breakdown or 分别 list; counts and sums must also carry a word
//! of totality (`共`, `全年` …); the indicator must name a specific thing (four characters or
//! more). One finding per indicator, on its first contradiction.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::chrome::Page;
use crate::re::WordTable;
use crate::metrics::{ExtractedMetric, Metrics, ExtractedRelation};
use crate::result::{FindingCode, MetricKind, Severity};
use crate::text::Text;
use crate::vocab::consistency::{SCOPE_WORDS, SENTENCE_ENDS, TOTAL_CUES};
use crate::vocab::words::RATE_SUFFIX;

use super::ReviewFinding;
use crate::vocab::messages::Message;

/// The scope words and totality cues, each as one table by first character (`re::WordTable`):
/// one scan of a sentence instead of a `contains` per word, and built in a fraction of an
/// Aho-Corasick automaton's instructions (0.7 M a process for the two, as contiguous NFAs).
static SCOPE: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(SCOPE_WORDS.iter().copied()));
static TOTAL: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(TOTAL_CUES.iter().copied()));

/// Indicators shorter than this (in characters) are too generic to pair (`企业`, `办结`).
const MIN_INDICATOR_CHARS: usize = 4;

pub fn check(text: &Text, page: &Page, metrics: &Metrics) -> Vec<ReviewFinding> {
    let in_relation = members_of_lists(metrics);
    // The figures that could be compared, grouped by what they state (indicator, unit,
    // category). Only a group whose values differ can hold a contradiction, so only its
    // figures are read in their sentences, the costly part (a figure stated once, or stated
    // again alike, contradicts nothing, whether comparable or not).
    let candidate: Vec<bool> = metrics.metrics.iter().zip(&in_relation).map(|(m, &member)| !member && plain(m)).collect();
    // Keyed by the indicator alone (one string hashed, not three; sized at once: growing it
    // rehashed every key), each indicator's groups chained by unit and category.
    let mut by_indicator: HashMap<&str, usize> = HashMap::with_capacity(candidate.iter().filter(|&&c| c).count());
    let mut groups: Vec<Group> = Vec::new();
    let group: Vec<Option<usize>> = metrics
        .metrics
        .iter()
        .zip(candidate)
        .map(|(m, candidate)| {
            candidate.then(|| {
                let fresh = groups.len();
                let mut g = *by_indicator.entry(m.indicator.as_str()).or_insert(fresh);
                while g != fresh && (groups[g].unit, groups[g].category) != (m.unit, m.category) {
                    match groups[g].next {
                        Some(next) => g = next,
                        None => {
                            groups[g].next = Some(fresh);
                            g = fresh;
                        }
                    }
                }
                if g == fresh {
                    groups.push(Group { unit: m.unit, category: m.category, first_value: m.value, varies: false, next: None });
                } else if m.value != groups[g].first_value {
                    groups[g].varies = true;
                }
                g
            })
        })
        .collect();
    let varies: Vec<bool> = groups.iter().map(|g| g.varies).collect();
    let mut first: Vec<Option<&ExtractedMetric>> = vec![None; varies.len()];
    let mut reported: Vec<&str> = Vec::new();
    let mut findings = Vec::new();
    let mut cues = Cues {
        sentence: SentenceStarts::default(),
        scope: Occurs::new(&SCOPE, SCOPE_WORDS),
        total: Occurs::new(&TOTAL, TOTAL_CUES),
        years: YearsNamed::new(page.meta.report_year),
    };
    for (m, g) in metrics.metrics.iter().zip(group) {
        let Some(g) = g.filter(|&g| varies[g]) else { continue };
        if !whole_period(text, m, &mut cues) {
            continue;
        }
        let Some(earlier) = first[g] else {
            first[g] = Some(m);
            continue;
        };
        if earlier.value == m.value || earlier.value_max != m.value_max || reported.contains(&m.indicator.as_str()) {
            continue;
        }
        reported.push(&m.indicator);
        let message = Message::InconsistentFigure {
            indicator: m.indicator.clone(),
            first: text.as_written(earlier.span).into_owned(),
            second: text.as_written(m.span).into_owned(),
        };
        let mut finding = ReviewFinding::new(FindingCode::InconsistentFigure, Severity::Warning, message, Some(m.span));
        finding.related.push(earlier.span);
        findings.push(finding);
    }
    findings
}

/// The figures stating one thing (indicator, unit, category), as `check` groups them.
struct Group<'m> {
    unit: &'m str,
    category: &'m str,
    first_value: f64,
    /// Whether a figure of the group states another value than the first.
    varies: bool,
    /// The next group of the same indicator.
    next: Option<usize>,
}

/// What is asked of the sentence before each figure, each answered from what it read for the
/// figure before (figures come in text order, several to a sentence): only the text since then
/// is read, not the whole sentence again for every figure in it.
struct Cues<'a> {
    sentence: SentenceStarts,
    scope: Occurs<'a>,
    total: Occurs<'a>,
    years: YearsNamed,
}

/// Whether metric `m` can be compared at all: exact, a count, sum or rate, of a specific
/// indicator (its sentence is judged by [`whole_period`]).
fn plain(m: &ExtractedMetric) -> bool {
    let percent = m.kind == MetricKind::Percent;
    !(m.approx.is_some()
        || !matches!(m.kind, MetricKind::Count | MetricKind::Money | MetricKind::Percent)
        || m.indicator.chars().nth(MIN_INDICATOR_CHARS - 1).is_none()
        || (percent && !m.indicator.ends_with(RATE_SUFFIX)))
}

/// What its sentence must say: no scope word nor other year before it, and for a count or a
/// sum a word of totality.
fn whole_period(text: &Text, m: &ExtractedMetric, cues: &mut Cues) -> bool {
    let s = text.norm();
    let from = cues.sentence.before(s, m.span.start);
    // The totality cue first: most sentences have none, and then the scope words need not be
    // sought (each search answers any span, asked in any order).
    if m.kind != MetricKind::Percent && !cues.total.in_text(s, from, m.span.start) {
        return false;
    }
    !(cues.scope.in_text(s, from, m.span.start) || cues.years.in_text(s, from, m.span.start))
}

/// Where the sentence before a position begins (after the last of `SENTENCE_ENDS`, or the
/// text's start), asked in text order: the text since the previous position is searched, and
/// without an end there the previous answer stands.
#[derive(Default)]
struct SentenceStarts {
    /// The previous position and its answer.
    to: usize,
    from: usize,
}

impl SentenceStarts {
    fn before(&mut self, s: &str, to: usize) -> usize {
        let (searched, otherwise) = if to >= self.to { (self.to, self.from) } else { (0, 0) };
        let from = sentence_start(s, searched, to).unwrap_or(otherwise);
        (self.to, self.from) = (to, from);
        from
    }
}

/// Just after the last sentence end in `s[from..to]`, if there is one.
fn sentence_start(s: &str, from: usize, to: usize) -> Option<usize> {
    let head = &s[from..to];
    head.rfind(SENTENCE_ENDS).map(|i| from + i + head[i..].chars().next().map_or(1, char::len_utf8))
}

/// Whether a table's words occur in `s[from..to]`, asked for the figures of a sentence in
/// turn: the text before each figure extends the previous one's when they share the sentence's
/// start, and then only its new part (from a word's length before it) is searched, not the
/// whole sentence again for every figure in it.
struct Occurs<'a> {
    words: &'a WordTable,
    /// The longest word's length in bytes.
    longest: usize,
    from: usize,
    to: usize,
    found: bool,
}

impl<'a> Occurs<'a> {
    fn new(table: &'a WordTable, words: &[&str]) -> Self {
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(1);
        Occurs { words: table, longest, from: usize::MAX, to: 0, found: false }
    }

    /// Whether a word occurs in `s[from..to]` (char boundaries).
    fn in_text(&mut self, s: &str, from: usize, to: usize) -> bool {
        if from != self.from || to < self.to {
            (self.from, self.to, self.found) = (from, from, false);
        }
        if !self.found && to > self.to {
            // A word not inside `from..self.to` ends after it, so starts at most a word's length before.
            let start = crate::text::floor_char_boundary(s, self.to.saturating_sub(self.longest - 1).max(from));
            self.found = self.words.occurrences(&s[start..to]).next().is_some();
        }
        self.to = to;
        self.found
    }
}

/// Whether a four-digit year other than the report's (any year when the report's is unknown)
/// stands in `s[from..to]` as a number of its own there, asked as [`Occurs`] is: while the
/// sentence's start stays, the windows already judged are not read again. A window's verdict
/// is final once the byte after it lies inside (a later `to` does not change it); only the
/// window ending at `to` is judged anew each time.
struct YearsNamed {
    report_year: Option<i32>,
    from: usize,
    to: usize,
    /// Windows starting in `from..judged` have been judged for good.
    judged: usize,
    found: bool,
}

impl YearsNamed {
    fn new(report_year: Option<i32>) -> Self {
        YearsNamed { report_year, from: usize::MAX, to: 0, judged: 0, found: false }
    }

    fn in_text(&mut self, s: &str, from: usize, to: usize) -> bool {
        if from != self.from || to < self.to {
            (self.from, self.judged, self.found) = (from, from, false);
        }
        self.to = to;
        let bytes = s.as_bytes();
        let last = to.saturating_sub(4).max(from);
        // Only where a digit stands can a window be a year: the bytes between are passed by a
        // plain search, not judged one window at a time.
        while !self.found && self.judged < last {
            match bytes[self.judged..last].iter().position(u8::is_ascii_digit) {
                Some(k) => {
                    self.found = self.year_at(bytes, from, self.judged + k, true);
                    self.judged += k + 1;
                }
                None => self.judged = last,
            }
        }
        self.judged = self.judged.max(last);
        self.found || (to >= from + 4 && self.year_at(bytes, from, to - 4, false))
    }

    /// Whether the four bytes at `i` are an other year, standing alone in the text from `from`
    /// (`followed`: a byte follows them there; else the text ends after them).
    fn year_at(&self, bytes: &[u8], from: usize, i: usize, followed: bool) -> bool {
        let window = &bytes[i..i + 4];
        let boundary = i == from || !bytes[i - 1].is_ascii_digit();
        let after = !followed || !bytes[i + 4].is_ascii_digit();
        if !(boundary && after && window.iter().all(u8::is_ascii_digit)) {
            return false;
        }
        let year = window.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0'));
        crate::vocab::dates::plausible_year(year) && Some(year) != self.report_year
    }
}

/// Metrics that are parts of a breakdown or values of a 分别 list: they count a part.
fn members_of_lists(metrics: &Metrics) -> Vec<bool> {
    let mut member = vec![false; metrics.metrics.len()];
    for rel in &metrics.relations {
        let (ids, total): (&[usize], Option<usize>) = match rel {
            // A breakdown's parts may list its total too: the total is not a part.
            ExtractedRelation::Breakdown { parts, total, .. } => (parts, Some(*total)),
            ExtractedRelation::Respectively { values, .. } => (values, None),
            ExtractedRelation::Rate { .. } => (&[], None),
        };
        for &id in ids.iter().filter(|&&id| Some(id) != total) {
            if let Some(m) = member.get_mut(id) {
                *m = true;
            }
        }
    }
    member
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the sentence before the figure (from the last sentence end, or line start):
    /// searched whole for each figure, the oracle of [`SentenceStarts`].
    fn sentence_before(s: &str, at: usize) -> &str {
        let head = &s[..at];
        let from = head.rfind(SENTENCE_ENDS).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        &head[from..]
    }

    /// Whether a four-digit year other than the report's stands in `s`: each window read anew,
    /// the oracle of [`YearsNamed`].
    fn names_other_year(s: &str, report_year: Option<i32>) -> bool {
        let bytes = s.as_bytes();
        (0..bytes.len().saturating_sub(3)).any(|i| {
            let window = &bytes[i..i + 4];
            let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
            let after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
            if !(boundary && after && window.iter().all(u8::is_ascii_digit)) {
                return false;
            }
            let year: i32 = std::str::from_utf8(window).unwrap().parse().unwrap();
            crate::vocab::dates::plausible_year(year) && Some(year) != report_year
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Asked at positions in any order, the sentence's start is the whole search's.
        #[test]
        fn the_sentence_start_is_the_whole_searchs(
            text in crate::scan::oracle::texts(vec!["。", ";", "!", "?", "\n", "中", "a", "1"], 30),
            asks in proptest::collection::vec(0usize..40, 1..12),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut starts = SentenceStarts::default();
            for a in asks {
                let at = bounds[a % bounds.len()];
                proptest::prop_assert_eq!(starts.before(&text, at), at - sentence_before(&text, at).len(), "{}", at);
            }
        }

        /// Asked in any order, with few sentence starts, the years found are those a reading of
        /// every window finds, for a report year or none.
        #[test]
        fn the_years_named_are_the_whole_readings(
            text in crate::scan::oracle::texts(vec!["2019", "2020", "1", "0", "9", "20", "中", "。"], 20),
            asks in proptest::collection::vec((0usize..3, 0usize..40), 1..12),
            report in proptest::sample::select(vec![None, Some(2019), Some(2020)]),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut years = YearsNamed::new(report);
            for (a, b) in asks {
                let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                let (from, to) = (a.min(b), a.max(b));
                proptest::prop_assert_eq!(years.in_text(&text, from, to), names_other_year(&text[from..to], report), "{}..{}", from, to);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Asked in any order, with few sentence starts (so that the text before figures often
        /// grows), the growing search says what a search of the whole text before says.
        #[test]
        fn the_growing_search_finds_what_a_whole_search_finds(
            text in crate::scan::oracle::texts(vec!["共", "全年", "中", "a", "。", "全", "年", "合计"], 30),
            asks in proptest::collection::vec((0usize..3, 0usize..40), 1..12),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut occurs = Occurs::new(&TOTAL, TOTAL_CUES);
            for (a, b) in asks {
                let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                let (from, to) = (a.min(b), a.max(b));
                proptest::prop_assert_eq!(occurs.in_text(&text, from, to), TOTAL_CUES.iter().any(|w| text[from..to].contains(w)), "{}..{}", from, to);
            }
        }
    }
}
