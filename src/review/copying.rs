//! `suspected-missing-char`: characters evidently lost when the report was copied into the
//! page — a year glued to its month (20198月), a date whose 年月日 vanished (2020414), a
//! document number without its 〔〕, a quotation mark or bracket never closed, a number glued
//! to the next word without its measure word (备案6规范性文件, 共减少14二是, 予以废止17;).
//!
//! Each rule fires only on a shape that correct text does not take; where correct text can
//! take the shape (hotlines 12345, campaign names 整治2024行动, scores 得分92,) it stays silent.

use std::sync::LazyLock;

use regex::Regex;

use crate::result::{FindingCode, Severity};
use crate::text::{Span, Text};
use crate::vocab::messages::Message;
use crate::vocab::review::{
    document_number, is_word_char, with_year_month, year_before, AFTER_BARE_YEAR_OK, AFTER_NUMBER_OK, BARE_DOCUMENT_NUMBER_PATTERN,
    BARE_NUMBER_OK_AFTER, BRACKETED_DOCUMENT_NUMBER_PATTERN, CLAUSE_ENDS_AFTER_COUNT, CLAUSE_STARTS_AFTER, COUNTED_NOUNS,
    GLUED_NUMERALS, LIST_MARKER_END, ORDINAL_PREFIX, PAIRED_MARKS, QUOTE_CLOSERS, RANGE_JOINERS, RIGHT_SINGLE_QUOTE,
    YEAR_MONTH_PATTERN,
};
use crate::vocab::units::FREQUENT_COUNT_UNITS;
use crate::vocab::UNITS;

use super::{Capped, ReviewFinding, Taken};

/// The findings (into `found`), and the numbers that lost their measure word (figures all the same).
pub fn check(text: &Text, paragraphs: &[Span], wrapped: bool, found: &mut Capped) -> Vec<Span> {
    let s = text.norm();
    let mut out = Findings { s, found, unitless: Vec::new(), taken: Taken::default() };
    for &p in paragraphs {
        year_month(&mut out, p);
        signature_date(&mut out, p);
        document_numbers(&mut out, p);
    }
    marks(&mut out, paragraphs, wrapped);
    for &p in paragraphs {
        glued_numbers(&mut out, p);
    }
    out.unitless
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

static YEAR_MONTH: LazyLock<Regex> = LazyLock::new(|| Regex::new(YEAR_MONTH_PATTERN).unwrap());

/// 20198月 → 2019年8月; 20151月至201812月 as one finding.
fn year_month(out: &mut Findings, p: Span) {
    let s = out.s;
    let mut hits: Vec<(Span, String)> = Vec::new();
    for c in YEAR_MONTH.captures_iter(&s[p.range()]) {
        let m = c.get(0).unwrap();
        let span = Span::from(m).offset(p.start);
        if prev_char(s, span.start).is_some_and(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let fixed = with_year_month(&c[1], &c[2]);
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

static BRACKETED_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(BRACKETED_DOCUMENT_NUMBER_PATTERN).unwrap());
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(BARE_DOCUMENT_NUMBER_PATTERN).unwrap());

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
fn document_numbers(out: &mut Findings, p: Span) {
    let s = out.s;
    let slice = &s[p.range()];
    for c in BRACKETED_NUMBER.captures_iter(slice) {
        let m = c.get(0).unwrap();
        let at = p.start + m.start();
        let start = issuer_prefix(s, at, p.start).unwrap_or(at);
        let span = Span::new(start, p.start + m.end());
        let fixed = document_number(&s[start..at], &c[1], &c[2]);
        out.add(span, Message::DocumentNumberMissingChars { found: s[span.range()].to_owned(), fixed });
    }
    for c in BARE_NUMBER.captures_iter(slice) {
        let m = c.get(0).unwrap();
        let end = p.start + m.end();
        if next_char(s, end).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let closed = c.get(3).is_some() || next_char(s, end) == Some(')');
        let Some(start) = issuer_prefix(s, p.start + m.start(), p.start) else { continue };
        if !closed || (c.get(3).is_none() && prev_char(s, start) != Some('(')) {
            continue;
        }
        let span = Span::new(start, end);
        let head = &s[start..p.start + c.get(1).unwrap().start()];
        let fixed = document_number(head, &c[1], &c[2]);
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

/// Pair the marks of one paragraph. In hard-wrapped text a quotation may run on to the next
/// line, so an opener left open there and a stray closer opening the next line pair up.
/// A closing ” that finds no opener may be a wrongly turned
/// opener (全面推行”双随机、一公开”监管): the next ” then closes it.
fn scan_marks(s: &str, p: Span) -> MarkScan {
    let mut stacks: MarkStacks = Default::default();
    let index = |m: Mark| m as usize;
    let mut scan = MarkScan::default();
    let mut seen = [false; 5];
    let slice = &s[p.range()];
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = p.start + i;
        if let Some(mark) = Mark::ALL.into_iter().find(|&m| m.pair().0 == c) {
            stacks[index(mark)].push((at, c.len_utf8(), false));
            seen[index(mark)] = true;
            continue;
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
                    // ’’ written for ”; a lone ’ closes a single quotation mark.
                    if chars.peek().map(|&(_, n)| n) != Some(RIGHT_SINGLE_QUOTE) {
                        continue;
                    }
                    chars.next();
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
    left_on_stacks(&stacks, &mut scan);
    scan
}

/// What the stacks hold at the paragraph's end: the openers left open, in text order, and
/// the closing quotation marks that found no opener.
fn left_on_stacks(stacks: &MarkStacks, scan: &mut MarkScan) {
    let mut open = Vec::new();
    for mark in Mark::ALL {
        for &(at, len, reversed) in &stacks[mark as usize].held {
            if reversed {
                scan.stray.push((at, len));
            } else {
                open.push((mark, at, len));
            }
        }
    }
    open.sort_by_key(|&(_, at, _)| at);
    scan.open = open;
}

fn marks(out: &mut Findings, paragraphs: &[Span], wrapped: bool) {
    let s = out.s;
    // Each paragraph's scan beside its neighbours' only: three held at a time, not one per line.
    let mut scans = paragraphs.iter().map(|&p| scan_marks(s, p));
    let mut previous: Option<MarkScan> = None;
    let mut current = scans.next();
    while let Some(scan) = current {
        let next = scans.next();
        let (next_ref, previous_ref) = (next.as_ref(), previous.as_ref());
        for &(mark, at, len) in &scan.open {
            // A quotation running on into the next paragraph is not lost.
            if wrapped && next_ref.is_some_and(|n| n.starts_closing[mark as usize]) {
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
            if wrapped && n == 0 && scan.starts_closing[Mark::Quote as usize] && previous_ref.is_some_and(|p| p.open.iter().any(|o| o.0 == Mark::Quote)) {
                continue;
            }
            let start = snippet_before(s, at, 16);
            if start == at {
                continue;
            }
            let span = Span::new(start, at + len);
            out.add(span, Message::UnopenedQuote { quoted: s[start..at].to_owned() });
        }
        previous = Some(scan);
        current = next;
    }
}

fn unit_at(rest: &str) -> bool {
    UNITS.iter().any(|(u, _, _)| rest.starts_with(u)) || rest.chars().next().is_some_and(|c| AFTER_NUMBER_OK.contains(&c))
}

/// The measure word the paragraph uses for its other bare counts: 继续适用60件;予以废止17 → 件.
fn neighbour_unit(s: &str, p: Span, at: usize) -> Option<&'static str> {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"[0-9]({})", FREQUENT_COUNT_UNITS.join("|"))).unwrap());
    // A window of the clause list around the number, not the whole paragraph: linear time.
    let lo = crate::text::floor_char_boundary(s, at.saturating_sub(240)).max(p.start);
    let hi = crate::text::floor_char_boundary(s, at + 240).min(p.end);
    let before = COUNT.captures_iter(&s[lo..at]).last().map(|c| c.get(1).unwrap().as_str());
    let unit = before.or_else(|| COUNT.captures(&s[at..hi]).map(|c| c.get(1).unwrap().as_str()))?;
    FREQUENT_COUNT_UNITS.iter().copied().find(|u| *u == unit)
}

/// A number glued to what follows without its measure word: each run of digits in the
/// paragraph, unless it is a decimal, code or ordinal, tried against the four shapes in turn.
fn glued_numbers(out: &mut Findings, p: Span) {
    let s = out.s;
    let bytes = s[p.range()].as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run_start = i;
        i = digit_run_end(bytes, i);
        let Some(number) = BareNumber::at(s, p, p.start + run_start, p.start + i) else { continue };
        if year_like(number.digits) {
            bare_year(out, &number);
        } else if number.next.is_some_and(|c| GLUED_NUMERALS.contains(&c)) {
            glued_to_numeral(out, &number);
        } else if !glued_to_counted_noun(out, &number) {
            bare_count_ending_clause(out, p, &number);
        }
    }
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
        let prev = prev_char(&s[p.start..start], start - p.start);
        let next = next_char(&s[..p.end], end);
        let code_mark = |c: char| c.is_ascii_alphanumeric() || ".+-/×*#:~—_%".contains(c);
        if prev.is_some_and(|c| code_mark(c) || c == ORDINAL_PREFIX) || next.is_some_and(code_mark) {
            return None;
        }
        let value: u64 = digits.parse().unwrap_or(0);
        if digits.len() > 4 || value == 0 || digits.contains(',') {
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

/// Glued to a counted noun: 备案6规范性文件, 由4律师事务所. False when no counted noun follows.
fn glued_to_counted_noun(out: &mut Findings, n: &BareNumber) -> bool {
    let s = out.s;
    let Some((noun, word)) = COUNTED_NOUNS.iter().find(|(noun, _)| n.rest.starts_with(noun)) else { return false };
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
    let ends_clause = n.next.is_none_or(|c| CLAUSE_ENDS_AFTER_COUNT.contains(&c));
    let prev_han = n.prev.is_some_and(is_word_char);
    if !ends_clause || !prev_han || n.prev.is_some_and(|c| BARE_NUMBER_OK_AFTER.contains(&c)) {
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
