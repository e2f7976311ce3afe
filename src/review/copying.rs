//! `suspected-missing-char`: characters evidently lost when the report was copied into the
//! page — a year glued to its month (20198月), a date whose 年月日 vanished (2020414), a
//! document number without its 〔〕, a quotation mark or bracket never closed, a number glued
//! to the next word without its measure word (备案6规范性文件, 共减少14二是, 予以废止17;).
//!
//! Each rule fires only on a shape that correct text does not take; where correct text can
//! take the shape (hotlines 12345, campaign names 整治2024行动, scores 得分92,) it stays silent.

use std::ops::Range;
use std::sync::LazyLock;


use crate::re::WordTable;
use crate::result::{FindingCode, Severity};
use crate::scan::{run, Starts};
use crate::text::{Span, Text};
use crate::vocab::messages::Message;
use crate::vocab::review::{
    document_number, is_word_char, with_year_month, year_before, AFTER_BARE_YEAR_OK, AFTER_NUMBER_OK, BARE_NUMBER_OK_AFTER,
    CLAUSE_ENDS_AFTER_COUNT, CLAUSE_STARTS_AFTER, COUNTED_NOUNS, DOCUMENT_NUMBER_END, DOCUMENT_NUMBER_ISSUER_ENDS,
    DOCUMENT_NUMBER_OPENERS, GLUED_NUMERALS, LIST_MARKER_END, MONTH_MARK, ORDINAL_PREFIX, PAIRED_MARKS, PLACEHOLDER_EMPTY_BRACKETS,
    PLACEHOLDER_MARKS, PLACEHOLDER_RUN_SETS, QUOTE_CLOSERS, RANGE_JOINERS, RIGHT_SINGLE_QUOTE, YEAR_CENTURIES,
};
use crate::vocab::units::FREQUENT_COUNT_UNITS;
use crate::vocab::UNITS;

use super::{placeholder, Capped, ReviewFinding, Taken};

/// The findings (into `found`), and the numbers that lost their measure word (figures all the same).
/// The placeholders (`super::placeholder`) are reported into `found` too: one walk of each
/// paragraph ([`walk`]) serves both checks.
pub fn check(text: &Text, paragraphs: &[Span], wrapped: bool, found: &mut Capped) -> Vec<Span> {
    check_in(text.norm(), text.acted_on(), paragraphs, wrapped, found)
}

/// [`check`] of the text `s`, its characters of [`ACTED_ON`] read from `noted` when the folding
/// walk noted them (sorted positions; of each run of ASCII digits at least its first), else
/// found by a walk of each paragraph.
fn check_in(s: &str, noted: Option<&[u32]>, paragraphs: &[Span], wrapped: bool, found: &mut Capped) -> Vec<Span> {
    let mut out = Findings { s, found, unitless: Vec::new(), taken: Taken::default() };
    // A paragraph's findings are made in the order of the rules (dated shapes, marks, bare
    // numbers: the first to claim a character keeps it), but its marks only once the next
    // paragraph is walked (a quotation may run on into it): the paragraph before waits, walked.
    // The order between paragraphs does not matter, as no finding reaches across a line.
    let mut previous: Option<MarkScan> = None;
    let mut waiting: Option<Walked> = None;
    // What a paragraph's walk fills, kept for the next one's (not allocated anew per line).
    let (mut dated, mut pairing) = (DatedShapes::default(), MarkPairing::default());
    let (mut spare_runs, mut spare_scan) = (Vec::new(), None);
    // The next noted position not before the paragraph (the paragraphs come in order).
    let mut next_noted = 0;
    for &p in paragraphs {
        let (runs, scan) = (std::mem::take(&mut spare_runs), spare_scan.take());
        let walked = match noted {
            Some(noted) => {
                next_noted += noted[next_noted..].partition_point(|&at| (at as usize) < p.start);
                let chars = Noted::new(s, p, noted, next_noted);
                walk(&mut out, p, chars, &mut dated, &mut pairing, runs, scan)
            }
            #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
            None => walk(&mut out, p, ActedOn::new(s, p.start, p.end), &mut dated, &mut pairing, runs, scan),
            #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
            None => walk(&mut out, p, Table { s: &s[..p.end], next: p.start }, &mut dated, &mut pairing, runs, scan),
        };
        let slice = &s[p.range()];
        let [months, bracketed, bare] = &dated.found;
        year_month(&mut out, p, read(slice, year_month_at, months));
        signature_date(&mut out, p);
        document_numbers(&mut out, p, read(slice, bracketed_number_at, bracketed), read(slice, bare_number_at, bare));
        if let Some(before) = waiting.replace(walked) {
            let (scan, runs) = marks_and_numbers(&mut out, before, previous.as_ref(), waiting.as_ref().map(|w| &w.scan), wrapped);
            spare_runs = runs;
            spare_scan = previous.replace(scan);
        }
    }
    if let Some(last) = waiting {
        marks_and_numbers(&mut out, last, previous.as_ref(), None, wrapped);
    }
    out.unitless
}

/// The matches of a dated shape read again at its years.
fn read<'a>(slice: &'a str, at: fn(&str, usize) -> Option<Dated>, years: &'a [u32]) -> impl Iterator<Item = Dated> + 'a {
    years.iter().filter_map(move |&i| at(slice, i as usize))
}

/// The marks' findings of a walked paragraph, then its bare numbers'; its marks' scan, for
/// the paragraph after it, and its runs' buffer, for reuse.
fn marks_and_numbers(
    out: &mut Findings,
    walked: Walked,
    previous: Option<&MarkScan>,
    next: Option<&MarkScan>,
    wrapped: bool,
) -> (MarkScan, Vec<(u32, u32)>) {
    marks(out, &walked.scan, previous, next, wrapped);
    if walked.all_runs {
        glued_numbers(out, walked.p, walked.runs.iter().map(|&(start, end)| start as usize..end as usize));
    } else {
        glued_numbers(out, walked.p, digit_runs(out.s[walked.p.range()].as_bytes()));
    }
    (walked.scan, walked.runs)
}

/// At most this many runs of digits of a paragraph are kept from its walk for its bare
/// numbers (8 bytes each, two paragraphs' at a time); a paragraph with more has them found
/// again ([`digit_runs`]), so that what is held stays bounded (issue 15).
const MAX_HELD_RUNS: usize = 4096;

/// What the walk of a paragraph found for the rules read once the next one is walked.
struct Walked {
    p: Span,
    scan: MarkScan,
    /// Its runs of digits (byte ranges in the paragraph): all of them, unless `all_runs` is
    /// false (more than [`MAX_HELD_RUNS`]).
    runs: Vec<(u32, u32)>,
    all_runs: bool,
}

/// Every character a check of a paragraph acts on: the paired marks, the placeholders' start
/// characters and the digits. `Text::new`'s folding walk notes where they stand
/// (`Text::acted_on`), so that the paragraphs need no walk of their own.
pub(crate) fn acted_on_chars() -> impl Iterator<Item = char> {
    mark_chars()
        .chain(PLACEHOLDER_RUN_SETS.iter().flat_map(|set| set.iter().copied()))
        .chain(PLACEHOLDER_EMPTY_BRACKETS.iter().map(|b| b.0))
        .chain(PLACEHOLDER_MARKS.iter().copied())
        .chain('0'..='9')
}

/// [`acted_on_chars`] as a table: the walk of a paragraph when the folding walk's notes were
/// given up, and the folding walk's test of what to note.
pub(crate) static ACTED_ON: LazyLock<Starts> = LazyLock::new(|| Starts::of(acted_on_chars()));

/// The characters of [`ACTED_ON`] in a paragraph, in order, and a walk resumed further on
/// (after a run of digits).
trait ActedOnWalk: Iterator<Item = (usize, char)> {
    /// Go on from byte `at` (a character boundary), past what was found before it.
    fn resume(&mut self, at: usize);
}

/// The table walk of `s[..to]` from byte `next`, as `ACTED_ON.within` walks it.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
struct Table<'s> {
    /// The text up to the paragraph's end.
    s: &'s str,
    next: usize,
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
impl Iterator for Table<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let (at, c) = ACTED_ON.next_at(self.s, self.next)?;
        self.next = at + c.len_utf8();
        Some((at, c))
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
impl ActedOnWalk for Table<'_> {
    fn resume(&mut self, at: usize) {
        self.next = at;
    }
}

/// The characters of [`ACTED_ON`] in paragraph `p`, read from where the folding walk noted
/// them (`noted[from..]`, the first not before `p`): no walk of the paragraph. Of a run of
/// ASCII digits only its first is noted, and the walk of the paragraph resumes after a run: the
/// same characters. A run cut by the paragraph's start (a body that starts inside one) begins
/// again at its first byte, as the table walk from there finds it.
struct Noted<'s> {
    s: &'s str,
    noted: &'s [u32],
    /// The next position in `noted`.
    k: usize,
    /// The paragraph's end.
    to: usize,
    /// The paragraph's start, when a run of digits cut by it is read first.
    cut_run: Option<usize>,
}

impl<'s> Noted<'s> {
    fn new(s: &'s str, p: Span, noted: &'s [u32], from: usize) -> Self {
        let cut_run = s.as_bytes()[p.start..p.end].first().is_some_and(u8::is_ascii_digit) && noted.get(from).map(|&at| at as usize) != Some(p.start);
        Noted { s, noted, k: from, to: p.end, cut_run: cut_run.then_some(p.start) }
    }
}

impl Iterator for Noted<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let at = match self.cut_run.take() {
            Some(at) => at,
            None => {
                let at = *self.noted.get(self.k)? as usize;
                if at >= self.to {
                    return None;
                }
                self.k += 1;
                at
            }
        };
        let (code, _) = crate::scan::decode(self.s.as_bytes(), at);
        Some((at, char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)))
    }
}

impl ActedOnWalk for Noted<'_> {
    fn resume(&mut self, at: usize) {
        while self.noted.get(self.k).is_some_and(|&n| (n as usize) < at) {
            self.k += 1;
        }
    }
}

/// The one walk of a paragraph: its placeholders reported, its marks paired, the years of its
/// dated shapes found and its runs of digits kept, fed the characters it acts on by `chars`. A
/// run of digits is passed in one step (the walk resumes after it).
fn walk(
    out: &mut Findings,
    p: Span,
    mut chars: impl ActedOnWalk,
    dated: &mut DatedShapes,
    pairing: &mut MarkPairing,
    mut runs: Vec<(u32, u32)>,
    scan: Option<MarkScan>,
) -> Walked {
    let s = out.s;
    let bytes = s[p.range()].as_bytes();
    pairing.reset(scan);
    dated.reset();
    runs.clear();
    let mut all_runs = true;
    let mut placeholders = placeholder::InParagraph::new(s, p);
    while let Some((at, c)) = chars.next() {
        if c.is_ascii_digit() {
            let run = at - p.start..digit_run_end(bytes, at - p.start);
            dated.feed(&s[p.range()], run.clone());
            if runs.len() < MAX_HELD_RUNS {
                runs.push((run.start as u32, run.end as u32));
            } else {
                all_runs = false;
            }
            chars.resume(p.start + run.end);
            continue;
        }
        pairing.feed(s, at, c);
        if placeholder::starts(c) {
            placeholders.feed(at, c, out.found);
        }
    }
    placeholders.finish(out.found);
    Walked { p, scan: pairing.finish(), runs, all_runs }
}

/// The characters of [`ACTED_ON`] in `s[from..to]`, in order: what `ACTED_ON.within` gives.
/// In the wasm built with SIMD the bytes that may start one are found sixteen at a time
/// ([`candidates`], one mask of them) and only those decoded: there the table walk's step per
/// character was over a quarter of the review's time (the node profile; most of it over
/// Chinese text with nothing to act on). Natively the table walk stays: the same filter with
/// SSE2 took more instructions than it (228 against 196 K a warm 30 KB call). The table walk
/// also does the text's last bytes.
#[cfg(any(test, all(target_arch = "wasm32", target_feature = "simd128")))]
struct ActedOn<'s> {
    s: &'s str,
    to: usize,
    /// Where the next sixteen bytes are read from.
    next: usize,
    /// The candidates among the sixteen bytes from `base`, one bit each.
    base: usize,
    mask: u32,
}

#[cfg(any(test, all(target_arch = "wasm32", target_feature = "simd128")))]
impl<'s> ActedOn<'s> {
    fn new(s: &'s str, from: usize, to: usize) -> Self {
        ActedOn { s, to, next: from, base: from, mask: 0 }
    }
}

#[cfg(any(test, all(target_arch = "wasm32", target_feature = "simd128")))]
impl ActedOnWalk for ActedOn<'_> {
    fn resume(&mut self, at: usize) {
        (self.next, self.mask) = (at, 0);
    }
}

#[cfg(any(test, all(target_arch = "wasm32", target_feature = "simd128")))]
impl Iterator for ActedOn<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let b = self.s.as_bytes();
        loop {
            while self.mask != 0 {
                let at = self.base + self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                // A candidate is a character's first byte (ASCII or a lead byte), inside the span.
                let (code, _) = crate::scan::decode(b, at);
                let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                if ACTED_ON.holds(c) {
                    return Some((at, c));
                }
            }
            if self.next >= self.to {
                return None;
            }
            match candidates(b, self.next) {
                Some(mask) => {
                    // Bits past the span's end left out (the bytes there are read, not taken).
                    let inside = (self.to - self.next).min(16);
                    (self.base, self.mask) = (self.next, mask & ((1u32 << inside) - 1));
                    self.next += 16;
                }
                None => {
                    let found = ACTED_ON.within(self.s, self.next, self.to).next();
                    self.next = found.map_or(self.to, |(at, c)| at + c.len_utf8());
                    return found;
                }
            }
        }
    }
}

/// The predicate of [`candidates`] for one byte `x` and the two after it: a superset of the
/// first bytes of [`ACTED_ON`]'s characters (the tests hold it to that): the ASCII ones by
/// value; ×'s lead byte C3; E2 before 80, 96 or 97 (“ ” ’ ○ □, and a few others); E3 80
/// before 8A–95 (《 》 〔 〕 【 】, and 「 」 『 』).
#[cfg(test)]
fn may_start(x: u8, y: u8, z: u8) -> bool {
    let ascii = (x | 0x20) == b'x' || x == b'"' || x.wrapping_sub(b'(') < 3 || x.wrapping_sub(b'0') < 10;
    ascii || x == 0xC3 || (x == 0xE2 && (y == 0x80 || y.wrapping_sub(0x96) < 2)) || (x == 0xE3 && y == 0x80 && z.wrapping_sub(0x8A) < 12)
}

/// One bit per byte of `b[i..i + 16]` that may start a character of [`ACTED_ON`] ([`may_start`]
/// sixteen at a time). None where the target has no SIMD, or fewer than 18 bytes (two read
/// after the sixteen) are left in `b`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn candidates(b: &[u8], i: usize) -> Option<u32> {
    use std::arch::wasm32::*;
    let w = b.get(i..i + 18)?;
    // SAFETY: `w` holds 18 bytes, and each load reads 16 of them from offset 0, 1 or 2 (wasm
    // loads need no alignment).
    let load = |k: usize| unsafe { v128_load(w.as_ptr().add(k).cast()) };
    let (x, y, z) = (load(0), load(1), load(2));
    let is = |v: v128, byte: u8| u8x16_eq(v, u8x16_splat(byte));
    // `low <= v < low + n`: `v - low` wraps above `n - 1` otherwise.
    let within = |v: v128, low: u8, n: u8| u8x16_lt(u8x16_sub(v, u8x16_splat(low)), u8x16_splat(n));
    let letters = is(v128_or(x, u8x16_splat(0x20)), b'x');
    let ascii = v128_or(v128_or(letters, is(x, b'"')), v128_or(within(x, b'(', 3), within(x, b'0', 10)));
    let e2 = v128_and(is(x, 0xE2), v128_or(is(y, 0x80), within(y, 0x96, 2)));
    let e3 = v128_and(v128_and(is(x, 0xE3), is(y, 0x80)), within(z, 0x8A, 12));
    Some(u32::from(u8x16_bitmask(v128_or(v128_or(ascii, is(x, 0xC3)), v128_or(e2, e3)))))
}

/// Natively (and in the wasm without SIMD) the walk is the table walk; the tests read
/// [`may_start`] a byte at a time, so that the SIMD walk's logic is tested too.
#[cfg(all(test, not(all(target_arch = "wasm32", target_feature = "simd128"))))]
fn candidates(b: &[u8], i: usize) -> Option<u32> {
    let w = b.get(i..i + 18)?;
    Some((0..16).fold(0, |mask, k| mask | u32::from(may_start(w[k], w[k + 1], w[k + 2])) << k))
}

struct Findings<'s, 'f> {
    s: &'s str,
    found: &'f mut Capped,
    unitless: Vec<Span>,
    taken: Taken,
}

impl Findings<'_, '_> {
    /// Record a finding unless an earlier one already covers this evidence: each defect once.
    fn add(&mut self, span: Span, message: Message) {
        if !self.taken.take(span) {
            return;
        }
        self.found.push_copying(ReviewFinding::new(FindingCode::SuspectedMissingChar, Severity::Warning, message, Some(span)));
    }
}

fn prev_char(s: &str, pos: usize) -> Option<char> {
    s[..pos].chars().next_back()
}

fn next_char(s: &str, pos: usize) -> Option<char> {
    s[pos..].chars().next()
}

/// Four digits that read as a year (`vocab::dates::PLAUSIBLE_YEARS`, the one range for years).
fn year_like(digits: &str) -> bool {
    digits.len() == 4 && digits.parse().is_ok_and(crate::vocab::dates::plausible_year)
}

/// A year and what follows it, as the scanners below find them (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dated {
    whole: Range<usize>,
    year: Range<usize>,
    /// The month (`year_months`) or the document's number.
    number: Range<usize>,
    /// `号` closes a bare document number.
    closed: bool,
}

/// A year of `YEAR_CENTURIES` at byte `i`: its end.
fn year_at(s: &str, i: usize) -> Option<usize> {
    let digits = s.as_bytes().get(i..i + 4)?;
    (YEAR_CENTURIES.iter().any(|c| digits.starts_with(c.as_bytes())) && digits[2..].iter().all(u8::is_ascii_digit)).then_some(i + 4)
}

/// The digits of a document's number after its year (one to four: a fifth digit leaves no
/// `号` right after them) and the end of `号` after them, if there.
fn number_after(s: &str, from: usize) -> Option<(usize, Option<usize>)> {
    let (end, n) = run(s, from, 4, |c| c.is_ascii_digit());
    let closed = s[end..].starts_with(DOCUMENT_NUMBER_END).then_some(end + DOCUMENT_NUMBER_END.len_utf8());
    (n > 0).then_some((end, closed))
}

/// A year glued to a month at byte `i` (`20198月`, `201912月`): a year, then `1[0-2]`, `0[1-9]`
/// or `[1-9]`, then 月 (`vocab::review::YEAR_MONTH_PATTERN`, the tests' oracle).
fn year_month_at(s: &str, i: usize) -> Option<Dated> {
    let j = year_at(s, i)?;
    let b = s.as_bytes();
    let digit = |k: usize, range: std::ops::RangeInclusive<u8>| b.get(k).is_some_and(|d| range.contains(d));
    let month = |len: usize| s[j + len..].starts_with(MONTH_MARK).then_some(j..j + len);
    let m = (digit(j, b'1'..=b'1') && digit(j + 1, b'0'..=b'2')).then(|| month(2)).flatten()
        .or_else(|| (digit(j, b'0'..=b'0') && digit(j + 1, b'1'..=b'9')).then(|| month(2)).flatten())
        .or_else(|| digit(j, b'1'..=b'9').then(|| month(1)).flatten())?;
    let end = m.end + MONTH_MARK.len_utf8();
    Some(Dated { whole: i..end, year: i..j, number: m, closed: false })
}

/// A year and a document's number after the character at `i` when it is one of `before`
/// (an opening bracket, an issuer's last character): the year, the digits' end and the end
/// of `号` after them, if there.
fn dated_number(s: &str, i: usize, c: char, before: &[char]) -> Option<(Range<usize>, usize, Option<usize>)> {
    if !before.contains(&c) {
        return None;
    }
    let year = i + c.len_utf8()..year_at(s, i + c.len_utf8())?;
    let (digits_end, closed) = number_after(s, year.end)?;
    Some((year, digits_end, closed))
}

/// A document number that lost its closing bracket, its year at byte `year` (`〔201923号`): an
/// opening bracket, a year, one to four digits and 号 (`BRACKETED_DOCUMENT_NUMBER_PATTERN`, the
/// tests' oracle). Found from the year (an opening bracket shares its first byte with every
/// Chinese punctuation mark; a year's first digits are rarer). The matches are the same: a
/// match holds only digits after its bracket, so no year inside one has a bracket before it.
fn bracketed_number_at(s: &str, year: usize) -> Option<Dated> {
    let c = s[..year].chars().next_back()?;
    let i = year - c.len_utf8();
    let (year, digits_end, closed) = dated_number(s, i, c, DOCUMENT_NUMBER_OPENERS)?;
    let end = closed?;
    Some(Dated { whole: i..end, number: year.end..digits_end, year, closed: true })
}

/// A document number without brackets after an issuer's abbreviation, its year at byte `year`
/// (`公政办发201923`, `字20195号`): the issuer's last character, a year, one to four digits, 号
/// if there (`BARE_DOCUMENT_NUMBER_PATTERN`, the tests' oracle). Found from the year (its
/// digits are rare, the issuers' characters are not; two matches never overlap, so each year
/// after one is the next one's).
fn bare_number_at(s: &str, year: usize) -> Option<Dated> {
    let c = s[..year].chars().next_back()?;
    let i = year - c.len_utf8();
    let (year, digits_end, closed) = dated_number(s, i, c, DOCUMENT_NUMBER_ISSUER_ENDS)?;
    let end = closed.unwrap_or(digits_end);
    Some(Dated { whole: i..end, number: year.end..digits_end, year, closed: closed.is_some() })
}

/// The shapes read from a year, in the order [`dated_shapes`] gives them.
const DATED_SHAPES: [fn(&str, usize) -> Option<Dated>; 3] = [year_month_at, bracketed_number_at, bare_number_at];

/// Where each shape of [`DATED_SHAPES`] matches in a paragraph: the years (byte positions in
/// `s`) it is read from again when reported. Each list is exactly what the shape's own leftmost
/// scan found (every match in order, the next one sought after the end of the last; its regular
/// expression is the tests' oracle), from one walk over the paragraph's runs of digits
/// ([`digit_runs`]: a year is four digits, so a run holds every one) instead of a walk of every
/// 1 and 2 per shape. Only a position is held per match (4 bytes; issue 15), not the match.
#[cfg(test)]
fn dated_shapes(s: &str) -> [Vec<u32>; 3] {
    let mut shapes = DatedShapes::default();
    for run in digit_runs(s.as_bytes()) {
        shapes.feed(s, run);
    }
    shapes.found
}

/// [`dated_shapes`] fed a paragraph's runs of digits in order.
#[derive(Default)]
struct DatedShapes {
    found: [Vec<u32>; 3],
    /// Each shape's resume point: the end of its last match.
    from: [usize; 3],
}

impl DatedShapes {
    fn reset(&mut self) {
        self.found.iter_mut().for_each(Vec::clear);
        self.from = [0; 3];
    }

    fn feed(&mut self, s: &str, run: Range<usize>) {
        // A year is four digits, and the byte after a run is never a digit: only a position
        // four bytes or more before the run's end can start one (most runs are shorter).
        for i in (run.start..run.end.saturating_sub(3)).filter(|&i| year_at(s, i).is_some()) {
            for (k, at) in DATED_SHAPES.iter().enumerate() {
                if i >= self.from[k] {
                    if let Some(d) = at(s, i) {
                        self.from[k] = d.whole.end;
                        self.found[k].push(i as u32);
                    }
                }
            }
        }
    }
}

/// 20198月 → 2019年8月; 20151月至201812月 as one finding.
fn year_month(out: &mut Findings, p: Span, months: impl Iterator<Item = Dated>) {
    let s = out.s;
    let mut hits: Vec<(Span, String)> = Vec::new();
    let slice = &s[p.range()];
    for d in months {
        let span = Span::new(d.whole.start, d.whole.end).offset(p.start);
        if prev_char(s, span.start).is_some_and(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let fixed = with_year_month(&slice[d.year], &slice[d.number]);
        // Joined to the previous one by 至/到/-: one range, one finding.
        if let Some((last, last_fixed)) = hits.last_mut() {
            let between = &s[last.end..span.start];
            if RANGE_JOINERS.contains(&between) {
                *last = last.cover(span);
                *last_fixed = format!("{last_fixed}{between}{fixed}");
                continue;
            }
        }
        hits.push((span, fixed));
    }
    for (span, fixed) in hits {
        out.add(span, Message::MissingCharsShouldRead { found: s[span.range()].to_owned(), fixed });
    }
}

/// A line that is only digits and reads as a date (the signature date 2020414); the
/// readings are `vocab::dates`'.
fn signature_date(out: &mut Findings, p: Span) {
    let line = &out.s[p.range()];
    let readings = crate::vocab::dates::compact_readings(line);
    let message = match readings.as_slice() {
        [] => return,
        &[date] => Message::DateMissingChars { found: line.to_owned(), year: date.year, month: date.month, day: date.day },
        _ => Message::DateMissingMarks { found: line.to_owned() },
    };
    out.add(p, message);
}

/// The issuer's abbreviation before a document number (公编, 公政办发): a short run of Han
/// characters after punctuation. None when the run is long (then it is running text).
fn issuer_prefix(s: &str, pos: usize, lo: usize) -> Option<usize> {
    let mut start = pos;
    let mut n = 0;
    for (i, c) in s[lo..pos].char_indices().rev() {
        if !is_word_char(c) {
            break;
        }
        start = lo + i;
        n += 1;
        if n > 5 {
            return None;
        }
    }
    (n > 0 && (start == lo || prev_char(s, start).is_some_and(|c| !is_word_char(c)))).then_some(start)
}

/// A document number that lost its 〔〕: 公编〔201923号, 公政办发201923.
fn document_numbers(out: &mut Findings, p: Span, bracketed: impl Iterator<Item = Dated>, bare: impl Iterator<Item = Dated>) {
    let s = out.s;
    let slice = &s[p.range()];
    for d in bracketed {
        let at = p.start + d.whole.start;
        let start = issuer_prefix(s, at, p.start).unwrap_or(at);
        let span = Span::new(start, p.start + d.whole.end);
        let fixed = document_number(&s[start..at], &slice[d.year], &slice[d.number]);
        out.add(span, Message::DocumentNumberMissingChars { found: s[span.range()].to_owned(), fixed });
    }
    for d in bare {
        let end = p.start + d.whole.end;
        if next_char(s, end).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let closed = d.closed || next_char(s, end) == Some(')');
        let Some(start) = issuer_prefix(s, p.start + d.whole.start, p.start) else { continue };
        if !closed || (!d.closed && prev_char(s, start) != Some('(')) {
            continue;
        }
        let span = Span::new(start, end);
        let head = &s[start..p.start + d.year.start];
        let fixed = document_number(head, &slice[d.year], &slice[d.number]);
        out.add(span, Message::DocumentNumberMissingChars { found: s[span.range()].to_owned(), fixed });
    }
}

/// Up to `n` characters after `pos`, stopping at punctuation or a quotation mark.
fn snippet_after(s: &str, pos: usize, n: usize) -> usize {
    let mut end = pos;
    for (i, c) in s[pos..].char_indices().take(n) {
        if !(is_word_char(c) || c.is_ascii_alphanumeric() || c == '+' || c == '%') {
            break;
        }
        end = pos + i + c.len_utf8();
    }
    end
}

fn snippet_before(s: &str, pos: usize, n: usize) -> usize {
    let mut start = pos;
    for (i, c) in s[..pos].char_indices().rev().take(n) {
        if !(is_word_char(c) || c.is_ascii_alphanumeric() || c == '+' || c == '%') {
            break;
        }
        start = i;
    }
    start
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Quote,
    Book,
    Paren,
    Tortoise,
    Lenticular,
}

impl Mark {
    const ALL: [Mark; 5] = [Mark::Quote, Mark::Book, Mark::Paren, Mark::Tortoise, Mark::Lenticular];

    /// (opening, closing) — `vocab::review::PAIRED_MARKS`, in this enum's order.
    fn pair(self) -> (char, char) {
        PAIRED_MARKS[self as usize]
    }
}

#[derive(Default, Debug)]
struct MarkScan {
    /// Openers left open at the end of the paragraph: (mark, byte position, char length).
    open: Vec<(Mark, usize, usize)>,
    /// Closing quotation marks without an opener.
    stray: Vec<(usize, usize)>,
    /// Per kind of mark: whether the paragraph's first one is a closer without an opener (a
    /// quotation or bracket running on from the previous line).
    starts_closing: [bool; 5],
}

/// How deep the open marks of one kind are followed in one paragraph. No text nests quotations
/// this deep; deeper openers are only counted, so that a paragraph of nothing but “ holds no
/// more than this (issue 15). Their closers still pair with them, so the ones held pair
/// exactly; deeper ones left open are not reported (they come after 256 of the same kind in
/// the paragraph, beyond the 200 findings of a code that are listed).
const MAX_OPEN_MARKS: usize = 256;

/// Openers of one kind not yet closed: (position, length, reversed: a ” standing in for “).
#[derive(Default)]
struct OpenMarks {
    held: Vec<(usize, usize, bool)>,
    /// Opened beyond [`MAX_OPEN_MARKS`], not closed yet.
    deeper: usize,
}

impl OpenMarks {
    fn push(&mut self, mark: (usize, usize, bool)) {
        if self.held.len() < MAX_OPEN_MARKS {
            self.held.push(mark);
        } else {
            self.deeper += 1;
        }
    }

    /// Close the latest opener; false when none is open.
    fn pop(&mut self) -> bool {
        if self.deeper > 0 {
            self.deeper -= 1;
            true
        } else {
            self.held.pop().is_some()
        }
    }

    fn is_empty(&self) -> bool {
        self.held.is_empty()
    }
}

/// One stack per kind of mark.
type MarkStacks = [OpenMarks; 5];

/// The paired marks' characters, and the closers that stand in for ”.
fn mark_chars() -> impl Iterator<Item = char> {
    PAIRED_MARKS.iter().flat_map(|&(open, close)| [open, close]).chain(QUOTE_CLOSERS.iter().copied()).chain(['"'])
}

/// The marks of one paragraph, paired by a walk over its marks alone (the tests' check of the
/// walk that feeds [`MarkPairing`] other characters too).
#[cfg(test)]
fn scan_marks(s: &str, p: Span) -> MarkScan {
    static MARKS: LazyLock<Starts> = LazyLock::new(|| Starts::of(mark_chars()));
    scan_marks_of(s, MARKS.within(s, p.start, p.end))
}

/// [`MarkPairing`] fed `chars` (positions in `s`): the paragraph's marks, or, in the tests'
/// oracle, every character of it.
#[cfg(test)]
fn scan_marks_of(s: &str, chars: impl Iterator<Item = (usize, char)>) -> MarkScan {
    let mut pairing = MarkPairing::default();
    chars.for_each(|(at, c)| pairing.feed(s, at, c));
    pairing.finish()
}

/// Pair the marks of one paragraph, fed its characters in order (any others are passed over).
/// In hard-wrapped text a quotation may run on to the next line, so an opener left open there
/// and a stray closer opening the next line pair up. A closing ” that finds no opener may be a
/// wrongly turned opener (全面推行”双随机、一公开”监管): the next ” then closes it.
#[derive(Default)]
struct MarkPairing {
    stacks: MarkStacks,
    scan: MarkScan,
    /// Per kind of mark: whether one has been met.
    seen: [bool; 5],
    /// The second ’ of a ’’ read as ”, passed over when fed.
    skip: Option<usize>,
}

impl MarkPairing {
    /// The character `c` at byte `at` of `s`.
    fn feed(&mut self, s: &str, at: usize, c: char) {
        let index = |m: Mark| m as usize;
        if self.skip.take() == Some(at) {
            return;
        }
        let (stacks, scan, seen) = (&mut self.stacks, &mut self.scan, &mut self.seen);
        if let Some(mark) = Mark::ALL.into_iter().find(|&m| m.pair().0 == c) {
            stacks[index(mark)].push((at, c.len_utf8(), false));
            seen[index(mark)] = true;
            return;
        }
        let quotes = &mut stacks[index(Mark::Quote)];
        let closes = Mark::ALL[1..].iter().find(|m| m.pair().1 == c);
        match c {
            '"' if quotes.is_empty() => {
                quotes.push((at, 1, false));
                seen[index(Mark::Quote)] = true;
            }
            _ if QUOTE_CLOSERS.contains(&c) => {
                let mut len = c.len_utf8();
                if c == RIGHT_SINGLE_QUOTE {
                    // ’’ written for ”; a lone ’ closes a single quotation mark. (The second
                    // ’ is the next character fed: every walk that feeds marks stops at it.)
                    if !s[at + len..].starts_with(RIGHT_SINGLE_QUOTE) {
                        return;
                    }
                    self.skip = Some(at + len);
                    len *= 2;
                }
                if !quotes.pop() {
                    if !seen[index(Mark::Quote)] {
                        scan.starts_closing[index(Mark::Quote)] = true;
                    }
                    quotes.push((at, len, true));
                }
                seen[index(Mark::Quote)] = true;
            }
            _ if closes.is_some() => {
                let mark = *closes.unwrap();
                if !stacks[index(mark)].pop() && !seen[index(mark)] {
                    scan.starts_closing[index(mark)] = true;
                }
                seen[index(mark)] = true;
            }
            _ => {}
        }
    }

    /// Ready for another paragraph, its scan's lists (emptied) from `scan` if given.
    fn reset(&mut self, scan: Option<MarkScan>) {
        for stack in &mut self.stacks {
            stack.held.clear();
            stack.deeper = 0;
        }
        self.scan = scan.unwrap_or_default();
        self.scan.open.clear();
        self.scan.stray.clear();
        self.scan.starts_closing = [false; 5];
        (self.seen, self.skip) = ([false; 5], None);
    }

    fn finish(&mut self) -> MarkScan {
        left_on_stacks(&self.stacks, &mut self.scan);
        std::mem::take(&mut self.scan)
    }
}

/// What the stacks hold at the paragraph's end: the openers left open, in text order, and
/// the closing quotation marks that found no opener.
fn left_on_stacks(stacks: &MarkStacks, scan: &mut MarkScan) {
    let MarkScan { open, stray, .. } = scan;
    for mark in Mark::ALL {
        for &(at, len, reversed) in &stacks[mark as usize].held {
            if reversed {
                stray.push((at, len));
            } else {
                open.push((mark, at, len));
            }
        }
    }
    crate::sort::stable_by_key(open, |&(_, at, _)| at);
}

/// The unclosed and unopened marks of a paragraph, from its scan and its neighbours'.
fn marks(out: &mut Findings, scan: &MarkScan, previous: Option<&MarkScan>, next: Option<&MarkScan>, wrapped: bool) {
    let s = out.s;
    for &(mark, at, len) in &scan.open {
        // A quotation running on into the next paragraph is not lost.
        if wrapped && next.is_some_and(|n| n.starts_closing[mark as usize]) {
            continue;
        }
        let end = snippet_after(s, at + len, 12);
        if end == at + len {
            continue;
        }
        let span = Span::new(at, end);
        let quoted = s[at + len..end].to_owned();
        let (open, close) = mark.pair();
        let message = match mark {
            Mark::Quote => Message::UnclosedQuote { quoted },
            Mark::Book => Message::UnclosedBookTitle { quoted },
            _ => Message::UnclosedBracket { open: open.to_string(), quoted, close: close.to_string() },
        };
        out.add(span, message);
    }
    for (n, &(at, len)) in scan.stray.iter().enumerate() {
        if wrapped && n == 0 && scan.starts_closing[Mark::Quote as usize] && previous.is_some_and(|p| p.open.iter().any(|o| o.0 == Mark::Quote)) {
            continue;
        }
        let start = snippet_before(s, at, 16);
        if start == at {
            continue;
        }
        let span = Span::new(start, at + len);
        out.add(span, Message::UnopenedQuote { quoted: s[start..at].to_owned() });
    }
}

fn unit_at(rest: &str) -> bool {
    UNITS.iter().any(|(u, _, _)| rest.starts_with(u)) || rest.chars().next().is_some_and(|c| AFTER_NUMBER_OK.contains(&c))
}

/// The measure word the paragraph uses for its other bare counts: 继续适用60件;予以废止17 → 件.
/// The nearest count before the number in a window of the clause list around it (not the whole
/// paragraph: linear time), else the first after it; a count is a digit and a unit of
/// `FREQUENT_COUNT_UNITS` (the regular expression `[0-9](件|项|…)` it once was, in the tests).
fn neighbour_unit(s: &str, p: Span, at: usize) -> Option<&'static str> {
    let lo = crate::text::floor_char_boundary(s, at.saturating_sub(240)).max(p.start);
    let hi = crate::text::floor_char_boundary(s, at + 240).min(p.end);
    let (before, after) = (&s[lo..at], &s[at..hi]);
    (0..before.len()).rev().find_map(|i| count_unit_at(before, i)).or_else(|| (0..after.len()).find_map(|i| count_unit_at(after, i)))
}

/// The unit of a count (a digit, then a unit of `FREQUENT_COUNT_UNITS`) starting at byte `i`.
fn count_unit_at(window: &str, i: usize) -> Option<&'static str> {
    if !window.as_bytes()[i].is_ascii_digit() {
        return None;
    }
    FREQUENT_COUNT_UNITS.iter().copied().find(|u| window[i + 1..].starts_with(u))
}

/// A number glued to what follows without its measure word: each run of digits in the
/// paragraph, unless it is a decimal, code or ordinal, tried against the four shapes in turn.
fn glued_numbers(out: &mut Findings, p: Span, runs: impl Iterator<Item = Range<usize>>) {
    let s = out.s;
    for run in runs {
        let Some(number) = BareNumber::at(s, p, p.start + run.start, p.start + run.end) else { continue };
        if year_like(number.digits) {
            bare_year(out, &number);
        } else if number.next.is_some_and(|c| GLUED_NUMERALS.contains(&c)) {
            glued_to_numeral(out, &number);
        } else if !glued_to_counted_noun(out, &number) {
            bare_count_ending_clause(out, p, &number);
        }
    }
}

/// The runs of digits of a paragraph's bytes, thousands separators inside ([`digit_run_end`]),
/// in order: each run that may be a bare number, and where every year starts.
fn digit_runs(bytes: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = next_digit(bytes, i);
        (start < bytes.len()).then(|| {
            i = digit_run_end(bytes, start);
            start..i
        })
    })
}

/// The first ASCII digit from byte `i`, or the end: 32 bytes at a time (one test the compiler
/// vectorises) through the text between numbers, then a word at a time to the digit.
fn next_digit(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 32) {
        if chunk.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
            break;
        }
        i += 32;
    }
    while let Some(word) = bytes.get(i..i + 8) {
        let digits = digit_bits(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        if digits != 0 {
            return i + (digits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes.get(i..).and_then(|rest| rest.iter().position(u8::is_ascii_digit)).map_or(bytes.len(), |k| i + k)
}

/// The high bit of each byte of `w` that is an ASCII digit, exactly (no sum below carries out
/// of its byte: each stays under 0x100).
fn digit_bits(w: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = w & LOW;
    // A byte's high bit is set by adding 0x50 from 0x30 up, by adding 0x46 from 0x3A up.
    let from_zero = low + 0x5050_5050_5050_5050;
    let past_nine = low + 0x4646_4646_4646_4646;
    from_zero & !past_nine & !w & HIGH
}

/// The end of the digit run starting at `i`, thousands separators included (2,345人 is one
/// number).
fn digit_run_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let group = bytes.get(i + 1..i + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit));
        if bytes.get(i) == Some(&b',') && group && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit) {
            i += 4;
        } else {
            return i;
        }
    }
}

/// A run of digits that may have lost its measure word, with the characters around it.
struct BareNumber<'s> {
    start: usize,
    end: usize,
    digits: &'s str,
    prev: Option<char>,
    next: Option<char>,
    /// The paragraph after the number.
    rest: &'s str,
}

impl<'s> BareNumber<'s> {
    /// None for what is not a bare count: decimals, codes, Latin (PM2.5, 5G, 1+4+N),
    /// ordinals (第3), separated thousands, zero, more than four digits.
    fn at(s: &'s str, p: Span, start: usize, end: usize) -> Option<Self> {
        let digits = &s[start..end];
        // The number's own shape first (no character decoded): at most four digits, no
        // separator, not zero (the digits alone then read as their value).
        let bytes = digits.as_bytes();
        if bytes.len() > 4 || bytes.iter().any(|&d| d == b',') || bytes.iter().all(|&d| d == b'0') {
            return None;
        }
        // The neighbours inside the paragraph; an ASCII one read from its byte, not decoded.
        let b = s.as_bytes();
        let prev = (start > p.start).then(|| match b[start - 1] {
            ascii @ 0..0x80 => char::from(ascii),
            _ => prev_char(s, start).expect("a character before"),
        });
        let next = (end < p.end).then(|| match b[end] {
            ascii @ 0..0x80 => char::from(ascii),
            _ => next_char(s, end).expect("a character after"),
        });
        // (Chinese characters, most neighbours, are told apart by one test.)
        let code_mark = |c: char| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '/' | '*' | '#' | ':' | '~' | '_' | '%' | '×' | '—')
        };
        if prev.is_some_and(|c| code_mark(c) || c == ORDINAL_PREFIX) || next.is_some_and(code_mark) {
            return None;
        }
        Some(BareNumber { start, end, digits, prev, next, rest: &s[end..p.end] })
    }
}

/// A year without 年 opening a sentence: 。2019县政府.
fn bare_year(out: &mut Findings, n: &BareNumber) {
    let s = out.s;
    let opens = n.prev.is_none_or(|c| CLAUSE_STARTS_AFTER.contains(&c));
    let Some(after) = n.next.filter(|&c| is_word_char(c)) else { return };
    if !opens || AFTER_BARE_YEAR_OK.contains(&after) || unit_at(n.rest) || COUNTED_NOUNS.iter().any(|(noun, _)| n.rest.starts_with(noun)) {
        return;
    }
    let tail = snippet_after(s, n.end, 3);
    let span = Span::new(n.start, tail);
    let fixed = year_before(n.digits, &s[n.end..tail]);
    out.add(span, Message::MissingCharsShouldRead { found: s[span.range()].to_owned(), fixed });
}

/// Glued to a Chinese numeral: 共减少14二是, 出台28三定规定文件. Silent when a digit follows
/// the numeral (a mixed number, not a lost measure word).
fn glued_to_numeral(out: &mut Findings, n: &BareNumber) {
    let s = out.s;
    let Some(numeral) = n.next else { return };
    let after = n.rest[numeral.len_utf8()..].chars().next();
    if after.is_some_and(|a| a.is_ascii_digit()) {
        return;
    }
    let tail = snippet_after(s, n.end, 4);
    let span = Span::new(snippet_before(s, n.start, 2).min(n.start), tail);
    let (found, digits) = (s[span.range()].to_owned(), n.digits.to_owned());
    let message = if after == Some(LIST_MARKER_END) {
        Message::MissingMeasureWordAndStop { found, digits }
    } else {
        Message::MissingMeasureWord { found, digits }
    };
    out.unitless.push(Span::new(n.start, n.end));
    out.add(span, message);
}

/// `COUNTED_NOUNS` by their first character (`re::WordTable`): after a number only those
/// starting with the next character are compared, the first in the table's order taken.
static NOUNS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(COUNTED_NOUNS.iter().map(|(noun, _)| *noun)));

/// Glued to a counted noun: 备案6规范性文件, 由4律师事务所. False when no counted noun follows.
fn glued_to_counted_noun(out: &mut Findings, n: &BareNumber) -> bool {
    let s = out.s;
    let Some((noun, word)) = NOUNS.at(n.rest, 0).next().map(|k| COUNTED_NOUNS[k]) else { return false };
    let span = Span::new(n.start, n.end + noun.len());
    out.unitless.push(Span::new(n.start, n.end));
    let example = format!("{}{word}{noun}", n.digits);
    out.add(span, Message::MissingMeasureWordLike { found: s[span.range()].to_owned(), digits: n.digits.to_owned(), example });
    true
}

/// A bare count ending a clause: 予以废止17; 进行修订14 (paragraph end). Not before 、 or ):
/// `有1、加强学习` and `1)` are list markers.
fn bare_count_ending_clause(out: &mut Findings, p: Span, n: &BareNumber) {
    let s = out.s;
    // Asked in turn (most numbers are followed by their unit: the first test ends it).
    let ends_clause = || n.next.is_none_or(|c| CLAUSE_ENDS_AFTER_COUNT.contains(&c));
    let prev_han = || n.prev.is_some_and(is_word_char);
    if !ends_clause() || !prev_han() || n.prev.is_some_and(|c| BARE_NUMBER_OK_AFTER.contains(&c)) {
        return;
    }
    let before = snippet_before(s, n.start, 4);
    let span = Span::new(before, n.end);
    out.unitless.push(Span::new(n.start, n.end));
    let (found, digits) = (s[span.range()].to_owned(), n.digits.to_owned());
    let message = match neighbour_unit(s, p, n.start) {
        Some(unit) => Message::MissingMeasureWordLike { example: format!("{digits}{unit}"), found, digits },
        None => Message::MissingMeasureWord { found, digits },
    };
    out.add(span, message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::oracle::{assert_agree, scanners_agree_on_generated_texts};
    use crate::vocab::review::{BARE_DOCUMENT_NUMBER_PATTERN, BRACKETED_DOCUMENT_NUMBER_PATTERN, YEAR_MONTH_PATTERN};

    /// The regular expression the count search replaced: the last count before `at` in the
    /// window, else the first after it.
    fn neighbour_unit_by_regex(s: &str, p: Span, at: usize) -> Option<&'static str> {
        let count = regex::Regex::new(&format!(r"[0-9]({})", FREQUENT_COUNT_UNITS.join("|"))).unwrap();
        let lo = crate::text::floor_char_boundary(s, at.saturating_sub(240)).max(p.start);
        let hi = crate::text::floor_char_boundary(s, at + 240).min(p.end);
        let before = count.captures_iter(&s[lo..at]).last().map(|c| c.get(1).unwrap().as_str());
        let unit = before.or_else(|| count.captures(&s[at..hi]).map(|c| c.get(1).unwrap().as_str()))?;
        FREQUENT_COUNT_UNITS.iter().copied().find(|u| *u == unit)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The count search finds the unit the regular expression found, for any number in any
        /// paragraph of a text (windows cut inside long texts included).
        #[test]
        fn neighbour_units_are_the_regex_ones(
            text in crate::scan::oracle::texts(vec!["1", "23", "件", "项", "起", "人次", "年", "中", "a", ",", "。", "件件", "9名", "0次"], 120),
            at in 0usize..400,
            cut in 0usize..3,
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let at = bounds[at % bounds.len()];
            let p = Span::new(bounds[cut.min(bounds.len() - 1)].min(at), text.len());
            proptest::prop_assert_eq!(neighbour_unit(&text, p, at), neighbour_unit_by_regex(&text, p, at));
        }
    }

    /// What the regex each scanner replaced found: the oracle (group 3 is bare numbers' 号).
    fn oracle(pattern: &str, s: &str) -> Vec<Dated> {
        let re = regex::Regex::new(pattern).unwrap();
        re.captures_iter(s)
            .map(|c| Dated { whole: c.get(0).unwrap().range(), year: c.get(1).unwrap().range(), number: c.get(2).unwrap().range(), closed: c.get(3).is_some() })
            .collect()
    }

    /// Each scanner beside its oracle (brackets always close: `号` is part of their grammar).
    fn both(s: &str) -> [(Vec<Dated>, Vec<Dated>); 3] {
        let bracketed = |mut d: Dated| {
            d.closed = false;
            d
        };
        let [months, brackets, bare] = dated_shapes(s).map(|years| years.into_iter().map(|i| i as usize).collect::<Vec<_>>());
        let read = |at: fn(&str, usize) -> Option<Dated>, years: Vec<usize>| years.into_iter().filter_map(|i| at(s, i)).collect::<Vec<_>>();
        [
            (read(year_month_at, months), oracle(YEAR_MONTH_PATTERN, s)),
            (read(bracketed_number_at, brackets).into_iter().map(bracketed).collect(), oracle(BRACKETED_DOCUMENT_NUMBER_PATTERN, s)),
            (read(bare_number_at, bare), oracle(BARE_DOCUMENT_NUMBER_PATTERN, s)),
        ]
    }

    fn pieces() -> Vec<&'static str> {
        vec![
            "19", "20", "2019", "0", "1", "2", "9", "12", "01", "月", "号", "〔", "[", "【", "(", "〕", "发", "字", "函", "编", "公", "年", ".",
            " ", "至",
        ]
    }

    scanners_agree_on_generated_texts!(pieces(), 20, both);

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The marks' walk, which passes over the other characters, pairs them as the walk over
        /// every character (the oracle) does.
        #[test]
        fn the_next_digit_is_the_first_digit_from_there(text in crate::scan::oracle::texts(vec!["中", "a", "7", "0", ",", " ", "。"], 80), from in 0usize..300) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let want = bytes[from..].iter().position(u8::is_ascii_digit).map_or(bytes.len(), |k| from + k);
            proptest::prop_assert_eq!(next_digit(bytes, from), want);
        }

        /// The runs of digits are what the walk over every byte found: from a digit, to
        /// `digit_run_end`.
        #[test]
        fn the_digit_runs_are_the_byte_walks(text in crate::scan::oracle::texts(vec!["中", "a", "7", "0", "19", ",", ",000", " ", "。", "\u{80}", "ÿ"], 80)) {
            let bytes = text.as_bytes();
            let mut want = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_digit() {
                    let end = digit_run_end(bytes, i);
                    want.push(i..end);
                    i = end;
                } else {
                    i += 1;
                }
            }
            proptest::prop_assert_eq!(digit_runs(bytes).collect::<Vec<_>>(), want);
        }

        #[test]
        fn the_marks_pair_as_in_the_walk_over_every_character(text in crate::scan::oracle::texts(vec![
            "“", "”", "\"", "’", "‘", "《", "》", "(", ")", "〔", "〕", "【", "】", "中", "a", "。", "’’", " ",
        ], 24)) {
            let p = Span::new(0, text.len());
            let every = text.char_indices();
            let (fast, slow) = (scan_marks(&text, p), scan_marks_of(&text, every));
            proptest::prop_assert_eq!((fast.open, fast.stray, fast.starts_closing), (slow.open, slow.stray, slow.starts_closing));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The noun read after a number is the first of the table it starts with, as the
        /// `starts_with` per noun read it.
        #[test]
        fn the_counted_noun_is_the_first_in_the_table(rest in crate::scan::oracle::texts(
            COUNTED_NOUNS.iter().map(|(noun, _)| *noun).chain(["事", "务", "律", "工作", "人", "中", "。"]).collect(), 4,
        )) {
            let by_table = NOUNS.at(&rest, 0).next().map(|k| COUNTED_NOUNS[k]);
            let by_starts_with = COUNTED_NOUNS.iter().find(|(noun, _)| rest.starts_with(noun)).copied();
            proptest::prop_assert_eq!(by_table, by_starts_with);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The one walk of a paragraph finds what the separate walks did: the dated shapes'
        /// years, the marks' pairing, the runs of digits and the placeholders.
        #[test]
        fn the_one_walk_finds_what_the_separate_walks_did(text in crate::scan::oracle::texts(vec![
            "“", "”", "\"", "’", "’’", "《", "》", "(", ")", "〔", "〕", "【", "】", "X", "x", "×", "*", "○", "□", "件", "万元", "次",
            "2019", "20", "19", "1", "8", "12", "月", "号", "发", ",", ",000", "中", "a", "。", " ",
        ], 40)) {
            let p = Span::new(0, text.len());
            let mut found = Capped::default();
            let mut out = Findings { s: &text, found: &mut found, unitless: Vec::new(), taken: Taken::default() };
            let mut dated = DatedShapes::default();
            let walked = walk(&mut out, p, Table { s: &text, next: 0 }, &mut dated, &mut MarkPairing::default(), vec![(1, 2)], None);
            let placeholders: Vec<Option<Span>> = found.into_sorted().into_iter().map(|f| f.span).collect();
            let mut want_placeholders = Vec::new();
            placeholder::tests::each_placeholder_of(&text, p, |m| want_placeholders.push(Some(m)));
            crate::sort::stable_by_key(&mut want_placeholders, |s| s.map(|s| (s.start, s.end)));
            let want_runs: Vec<(u32, u32)> = digit_runs(text.as_bytes()).map(|r| (r.start as u32, r.end as u32)).collect();
            let (scan, want_scan) = (walked.scan, scan_marks(&text, p));
            proptest::prop_assert_eq!(dated.found, dated_shapes(&text));
            proptest::prop_assert_eq!((scan.open, scan.stray, scan.starts_closing), (want_scan.open, want_scan.stray, want_scan.starts_closing));
            proptest::prop_assert_eq!((walked.runs, walked.all_runs), (want_runs, true));
            proptest::prop_assert_eq!(placeholders, want_placeholders);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The paragraphs' characters read from the folding walk's notes are the ones the walk of
        /// each paragraph finds: the same findings and the same unitless numbers, whatever the
        /// body (one starting inside a run of digits too). Full-width and Traditional pieces are
        /// folded (their positions shift in `norm`).
        #[test]
        fn the_noted_characters_are_the_walked_ones(
            text in crate::scan::oracle::texts(vec![
                "“", "”", "\"", "’", "’’", "《", "》", "(", ")", "（", "）", "＂", "１", "２０", "〔", "〕", "【", "】", "【 】", "X", "x", "×", "*", "○", "□",
                "件", "万元", "次", "2019", "20", "19", "1", "8", "12", "3", "月", "号", "发", ",", ",000", "中", "國", "a", "。", " ",
                "\n", "\u{3000}", "第", "二是", "规范性文件", ";", "、",
            ], 60),
            a in 0usize..80,
            wrapped in proptest::bool::ANY,
        ) {
            let t = Text::new(&text);
            let s = t.norm();
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let body = Span::new(bounds[a % bounds.len()], s.len());
            let paragraphs = super::super::paragraphs_in(s, body, |_| false);
            let noted = t.acted_on().expect("a short text's are noted");
            let run = |noted: Option<&[u32]>| {
                let mut found = Capped::default();
                let unitless = check_in(s, noted, &paragraphs, wrapped, &mut found);
                (found.into_sorted(), unitless)
            };
            proptest::prop_assert_eq!(run(Some(noted)), run(None));
        }
    }

    /// Every character of `ACTED_ON` may start where it stands, whatever follows it.
    #[test]
    fn every_acted_on_character_may_start() {
        for c in (0..0x10000).filter_map(char::from_u32).filter(|&c| ACTED_ON.holds(c)) {
            let mut bytes = [0u8; 6];
            let len = c.encode_utf8(&mut bytes).len();
            for after in [0u8, b'a', 0xE4, 0xFF] {
                bytes[len..].fill(after);
                assert!(may_start(bytes[0], bytes[1], bytes[2]), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The sixteen-byte walk finds what the table walk finds, from any start to any end,
        /// resumed anywhere.
        #[test]
        fn the_wide_walk_is_the_table_walk(
            text in crate::scan::oracle::texts(vec![
                "“", "”", "\"", "’", "‘", "《", "》", "(", ")", "〔", "〕", "【", "】", "「", "」", "X", "x", "×", "÷", "*", "+", "○", "□",
                "■", "—", "…", "、", "。", ",", "中", "国", "a", "7", "0", " ", "\n", "é",
            ], 60),
            a in 0usize..80,
            b in 0usize..80,
            resume in 0usize..80,
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let at = |k: usize| bounds[k % bounds.len()];
            let (from, to) = (at(a).min(at(b)), at(a).max(at(b)));
            let want: Vec<(usize, char)> = ACTED_ON.within(&text, from, to).collect();
            proptest::prop_assert_eq!(ActedOn::new(&text, from, to).collect::<Vec<_>>(), want.clone());
            // Resumed after its first character at a later boundary: the table walk from there.
            let mut wide = ActedOn::new(&text, from, to);
            if wide.next().is_some() {
                let later = at(resume).clamp(from, to);
                wide.resume(later);
                let want: Vec<(usize, char)> = ACTED_ON.within(&text, later, to).collect();
                proptest::prop_assert_eq!(wide.collect::<Vec<_>>(), want);
            }
        }
    }

    #[test]
    fn digit_bits_marks_every_digit_byte_and_no_other() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [0u8, b'5', 0x80, 0xFF, b'/', b':'] {
                    let mut word = [fill; 8];
                    word[at] = b;
                    let bits = digit_bits(u64::from_le_bytes(word));
                    let want = word.iter().enumerate().fold(0u64, |m, (k, c)| m | u64::from(c.is_ascii_digit()) << (8 * k + 7));
                    assert_eq!(bits, want, "{word:?}");
                }
            }
        }
    }

    /// Where the regexes backtrack or a later start wins.
    #[test]
    fn the_scanners_agree_on_hand_picked_cases() {
        for text in [
            "20198月", "201912月", "201913月", "201901月", "201900月", "2019001月", "20191月", "201910", "2019201910月", "18998月", "2120198月",
            "20151月至201812月", "〔201923号", "〔2019123456号", "〔20191234号", "【2019号", "[20191号", "公政办发201923", "发2019123456",
            "字20195号", "函201912345号", "编2019号", "发发20191", "(公编201923)",
        ] {
            assert_agree(both(text), text);
        }
    }
}
