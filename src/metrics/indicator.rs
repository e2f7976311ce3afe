//! Indicators: the short noun phrase naming what a figure measures.
//!
//! Chinese states a measured thing in two ways: the noun before the figure
//! (`罚没金额478.7761万元`, `共发生行政诉讼案件8件`, `出庭应诉率100%`) or, with a measure
//! word, after it (`17个行政许可项目`, `7名执法人员参加…`, `75152人的基层应急救援队伍`).
//! The phrase before runs back to the clause boundary or the previous figure; framing
//! words (共, 累计, 全年, 今年以来, 截至目前, 其中, 达到 …) and the verb that introduces the
//! counted thing (发生, 办结, 开展 …) are stripped. A measure word followed by a noun looks
//! right; other figures look left. Glued figures (`50家51次`, `32016户113425人`) share one.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::quantity::Quantity;
use crate::re::{CharIndex, CharSet, WordTable};
use crate::result::MetricKind;
use crate::scan::Starts;
use crate::vocab::{chars, numerals};
use crate::vocab::words::*;

/// Longest indicator, in characters; longer phrases keep their end (the head noun).
const MAX_CHARS: usize = 20;
/// How far back a clause is looked for, in bytes (about 200 characters of Chinese).
const CLAUSE_WINDOW: usize = 600;
/// Lists of rates sharing one value (`报备率、报备合格率、报备及时率达到100%`) may be longer.
const MAX_LIST_CHARS: usize = 28;

/// The clause boundaries as a bit set: the phrase walks test every character they pass.
static BOUNDARIES: LazyLock<Starts> = LazyLock::new(|| Starts::of(CLAUSE_BOUNDARIES.iter().copied()));

/// The clause boundaries and the marks that end the noun after a figure.
static RIGHT_ENDS: LazyLock<Starts> = LazyLock::new(|| Starts::of(CLAUSE_BOUNDARIES.iter().chain(RIGHT_PHRASE_ENDS).copied()));

/// The marks that end a sentence, found by byte search (`re::CharSet`).
static SENTENCE_ENDS: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(SENTENCE_MARKS));

/// One of [`QUOTE_MARKS`]: `"`, `'`, or U+2018, U+2019, U+201C, U+201D (the code points that
/// differ from U+2018 in bits 0 and 2 only).
fn is_quote_mark(c: char) -> bool {
    c == '"' || c == '\'' || (c as u32 & !0b101) == 0x2018
}

fn is_boundary(c: char) -> bool {
    BOUNDARIES.holds(c)
}

/// The digit runs of `phrase` from byte `from` (no digit before it) as byte ranges, in order and
/// not overlapping: `[0-9][0-9.]*` with a date or year suffix ([`DATE_SUFFIXES`], the first that
/// follows in table order). Read by hand, not by a regex: one per figure was a regex search per
/// figure (and, with the wasm's small engine, its hottest search after the label patterns); the
/// regex it was, `[0-9][0-9.]*(?:年度|年|…)?`, is the oracle of the tests.
fn digit_runs(phrase: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = phrase.as_bytes();
    let mut at = from;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(u8::is_ascii_digit)?;
        let mut end = start + 1 + bytes[start + 1..].iter().take_while(|b| b.is_ascii_digit() || **b == b'.').count();
        if let Some(suffix) = DATE_SUFFIXES.split('|').find(|w| phrase[end..].starts_with(w)) {
            end += suffix.len();
        }
        at = end;
        Some((start, end))
    })
}

/// What each quantity measures; `quantities` are the kept metrics in text order. (Not inlined
/// into its one caller: its share of a profile stays readable, at the cost of one call.)
#[inline(never)]
pub fn indicators(s: &str, quantities: &[Quantity]) -> Vec<String> {
    let n = quantities.len();
    // The phrases before and after each figure are read when a rule asks for them (once each),
    // not for every figure: a count followed by its noun (`17个行政许可项目`) never reads the
    // phrase before it, and a figure labelled from before it reads the noun after it only when
    // nothing else names it. The phrases are slices of the text (or, rarely, of a copy without
    // quote marks): a label is copied once, when it is chosen. Only the figure's own phrase
    // before it and its group's noun after it are asked for, so one of each is kept, not a
    // list per figure (their lists, allocated and cleared per text, were 0.2 M instructions of
    // the 1 MiB mix).
    // Two kept: the group's end's, asked for at each member, and a figure's own, asked for when
    // nothing else names it. One slot for both made a long group re-read its end's phrase at
    // every member (a text of nothing but `1件1件…` never finished at 1 MiB).
    let mut right: Option<(usize, (&str, &str))> = None;
    let mut own_right: Option<(usize, (&str, &str))> = None;
    // Glued groups (`50家51次`): the group's last member, found when the group's first is
    // reached, so that a text of nothing but glued figures stays linear. (A later member's
    // phrase before it is empty: nothing stands between it and the member before.)
    let glued = |i: usize| quantities.get(i + 1).is_some_and(|m| m.span.start == quantities[i].span.end);
    let mut group_end = 0;
    let mut out: Vec<String> = Vec::with_capacity(n);
    // The previous label's subject: the subject a bare verb borrowed, or (None) the label itself.
    let mut prev_subject: Option<String> = None;
    for (i, q) in quantities.iter().enumerate() {
        if i == 0 || i > group_end {
            group_end = i;
            while glued(group_end) {
                group_end += 1;
            }
        }
        let glued_prev = i > 0 && quantities[i - 1].span.end == q.span.start;
        let after = &s[q.span.end..];
        let mut left: Option<(Cow<str>, Stop)> = None;
        let mut bare_verb = || {
            left_of(s, quantities, &mut left, i);
            left.as_ref().is_some_and(|(left, _)| left.is_empty() || is_verb(left))
        };
        let looks_right = (q.kind == MetricKind::Count || after.starts_with(ATTRIBUTIVE) || (q.kind == MetricKind::Percent && bare_verb()))
            && !right_of(s, quantities, &mut right, group_end).0.is_empty();
        // No later figure reads this one's phrase before it (a glued group reads only later
        // members' phrases after them).
        let mut ind = if looks_right {
            right_of(s, quantities, &mut right, group_end).0.to_owned()
        } else if glued_prev {
            out[i - 1].clone()
        } else {
            left_of(s, quantities, &mut left, i);
            left.as_mut().map_or_else(String::new, |(left, _)| std::mem::take(left).into_owned())
        };
        // Where the walk of the phrase before stopped, if it was read: what it passed is not
        // searched again. Else the whole stretch from the previous figure is searched (when a
        // rule asks).
        let stop = match &left {
            Some((_, stop)) => *stop,
            None if i > 0 && quantities[i - 1].span.end < q.span.start => Stop::Before(q.span.start),
            None => Stop::Start,
        };
        // The rest is searched only when a rule below asks (once), as most figures ask none.
        let same_sentence = std::cell::OnceCell::new();
        let same_sentence_prev = || {
            *same_sentence.get_or_init(|| {
                i > 0
                    && match stop {
                        Stop::SentenceEnd => false,
                        Stop::Start => true,
                        Stop::Before(at) => !SENTENCE_ENDS.in_text(&s[quantities[i - 1].span.end..at]),
                    }
            })
        };
        // (Labels are joined by `concat`, not `format!`: its machinery was 0.4 % of the wasm's
        // warm 30 KB call.)
        // A share or change takes the previous figure's subject (`…3件、占4%`); only a plain
        // subject, so that a run of shares cannot grow one label per figure.
        let prev_is_plain = |out: &[String]| i > 0 && out[i - 1].chars().count() <= MAX_LIST_CHARS;
        if q.kind == MetricKind::Percent && same_sentence_prev() && prev_is_plain(&out) {
            let pre = &s[prev_clause_start(s, q.span.start)..q.span.start];
            if (ind.is_empty() || ind == SHARE_VERB_WORD) && pre.contains(SHARE_VERB) {
                ind = [out[i - 1].as_str(), SHARE_SUFFIX].concat();
            } else if CHANGE_VERBS.contains(&ind.as_str()) {
                ind = [out[i - 1].as_str(), &ind].concat();
            }
        }
        // A bare verb or relation (`办结`, `同比增长`) takes the subject of the figure before it
        // in its sentence (`受理行政复议案件15件,办结12件` → 行政复议案件办结); a subject of three
        // characters at least, as two are mostly a verb themselves (`2个调整,9个撤销`).
        let mut subject = None;
        if i > 0 && is_bare(&ind) && same_sentence_prev() && prev_is_plain(&out) {
            let prev_subject = prev_subject.as_deref().unwrap_or(&out[i - 1]);
            if prev_subject.chars().nth(2).is_some() && !is_bare(prev_subject) {
                subject = Some(prev_subject.to_owned());
                ind = [prev_subject, &ind].concat();
            }
        }
        if ind.is_empty() {
            ind = shorten_head(right_of(s, quantities, &mut own_right, i).1, 8).to_owned();
        }
        if ind.is_empty() && same_sentence_prev() {
            ind = out[i - 1].clone();
        }
        prev_subject = subject;
        out.push(tidy(ind));
    }
    out
}

/// The phrase before figure `i` and where its walk stopped, read once (into `left`).
fn left_of<'s>(s: &'s str, quantities: &[Quantity], left: &mut Option<(Cow<'s, str>, Stop)>, i: usize) {
    if left.is_none() {
        let q = &quantities[i];
        let prev_end = if i > 0 { quantities[i - 1].span.end } else { 0 };
        *left = Some(left_phrase(s, prev_end, q.span.start, q.kind == MetricKind::Percent));
    }
}

/// The noun after figure `j` and the raw text after it ([`right_phrase`]), read once while `j`
/// is the one asked for (`right` keeps the last read).
fn right_of<'s>(s: &'s str, quantities: &[Quantity], right: &mut Option<(usize, (&'s str, &'s str))>, j: usize) -> (&'s str, &'s str) {
    match *right {
        Some((k, phrases)) if k == j => phrases,
        _ => {
            let phrases = right_phrase(s, quantities[j].span.end, quantities.get(j + 1).map_or(s.len(), |m| m.span.start));
            *right = Some((j, phrases));
            phrases
        }
    }
}

/// Whether a label names only a verb or a relation, no subject.
fn is_bare(label: &str) -> bool {
    BARE_WORDS.holds(label)
}

/// The introducing verbs, the change verbs and the bare relations, one table: a label is looked
/// up once, not compared with each of the fifty words of the two lists.
static BARE_WORDS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(VERBS.iter().chain(CHANGE_VERBS).chain(BARE_RELATIONS).copied()));

/// A label without a leading list marker (`二是`) or a dangling particle at its end (`…事项及`),
/// when at least two characters remain.
fn tidy(label: String) -> String {
    let mut l = label.as_str();
    let numerals = l.trim_start_matches(|c: char| numerals::chinese_digit(c).is_some() || c == numerals::TEN);
    if numerals.len() < l.len() {
        if let Some(rest) = numerals.strip_prefix(LIST_MARKER_END).filter(|r| two_chars(r)) {
            l = rest;
        }
    }
    while let Some(rest) = DANGLING_INDEX.with_last(l).find_map(|w| l.strip_suffix(w)).filter(|r| two_chars(r)) {
        l = rest;
    }
    if l.len() == label.len() && !has_space(l.as_bytes()) {
        // Most labels: nothing to tidy, and no copy.
        return label;
    }
    without_blanks_inside_words(l)
}

/// Whether `b` holds a space, read eight bytes at a time (`str::contains(' ')` read a label
/// byte by byte: 0.35 M instructions of the 1 MiB mix's labels).
fn has_space(b: &[u8]) -> bool {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ SPACES;
        // A byte of `x` is zero (a space in `b`) exactly when this is not zero.
        if x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080 != 0 {
            return true;
        }
    }
    chunks.remainder().contains(&b' ')
}

/// A label without the blanks that invisible characters pasted inside a word became when the
/// text was folded (`行政复\u{200B}议案件` → 行政复议案件): a space between two Han characters.
fn without_blanks_inside_words(label: &str) -> String {
    if !label.contains(' ') {
        return label.to_owned();
    }
    let chars: Vec<char> = label.chars().collect();
    let mut out = String::with_capacity(label.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = chars[..i].iter().rev().find(|&&b| b != ' ');
            let after = chars[i + 1..].iter().find(|&&a| a != ' ');
            if before.is_some_and(|&b| chars::is_han(b)) && after.is_some_and(|&a| chars::is_han(a)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
/// What is wrong with an indicator label, if anything (the rules of issue 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelProblem {
    Empty,
    /// Opens with an inline list marker (`二是…`).
    ListMarker,
    /// Only a verb or a relation (`办结`, `占比`, `增长了`).
    BareVerb,
    /// Ends on a particle or a word cut off (`…事项及`, `企业因涉嫌`).
    Dangling,
    /// Longer than a short noun phrase.
    TooLong,
}

#[cfg(test)]
pub fn label_problem(label: &str) -> Option<LabelProblem> {
    let after_numerals = label.trim_start_matches(|c: char| numerals::chinese_digit(c).is_some() || c == numerals::TEN);
    if label.trim().is_empty() {
        Some(LabelProblem::Empty)
    } else if after_numerals.len() < label.len() && after_numerals.starts_with(LIST_MARKER_END) {
        Some(LabelProblem::ListMarker)
    } else if is_bare(label) {
        Some(LabelProblem::BareVerb)
    } else if DANGLING_LABEL_ENDS.iter().any(|w| label.ends_with(w)) {
        Some(LabelProblem::Dangling)
    } else if label.chars().count() > MAX_LIST_CHARS {
        Some(LabelProblem::TooLong)
    } else {
        None
    }
}

/// Start of the clause before `pos`, looking back at most [`CLAUSE_WINDOW`] bytes (text without
/// punctuation for pages would otherwise make this a rescan per figure).
fn prev_clause_start(s: &str, pos: usize) -> usize {
    let from = crate::text::floor_char_boundary(s, pos.saturating_sub(CLAUSE_WINDOW));
    s[from..pos].char_indices().rev().find(|&(_, c)| is_boundary(c)).map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// The phrase before a figure, back to the clause boundary (or, for rates, the sentence
/// boundary, to keep `A率、B率均为100%` whole) or the previous figure, stripped.
fn left_phrase(s: &str, prev_end: usize, pos: usize, list: bool) -> (Cow<'_, str>, Stop) {
    let from = prev_end.min(pos);
    let head = &s[from..pos];
    let Walk { start, stop, last_quote, first_digit } = walk_back(head, from, list);
    let phrase = &head[start..];
    // Drop everything up to the last digit run (a year, a date, an unmeasured number) that
    // is not part of a name like PM10.
    let mut cut = 0;
    for (start, end) in first_digit.map(|d| digit_runs(phrase, d - start)).into_iter().flatten() {
        let glued_to_latin = phrase[..start].chars().next_back().is_some_and(|c| c.is_ascii_alphabetic());
        if !glued_to_latin {
            cut = end;
        }
    }
    let quoted = last_quote.is_some_and(|q| q >= start + cut);
    let stripped: Cow<str> = if quoted {
        let unquoted: String = phrase[cut..].chars().filter(|c| !QUOTE_MARKS.contains(c)).collect();
        let mut stripped = strip(&unquoted, !list).to_owned();
        keep_quoted_frequency(&mut stripped, &phrase[cut..]);
        Cow::Owned(stripped)
    } else {
        // Without a closing quote mark no quoted frequency is kept (`keep_quoted_frequency`).
        Cow::Borrowed(strip(&phrase[cut..], !list))
    };
    // Only a rate's phrase runs across a list mark (the walk above stops at one otherwise): the
    // search (a searcher built per phrase, ~190 instructions) is made only there.
    let max = if list && stripped.contains(LIST_MARK) { MAX_LIST_CHARS } else { MAX_CHARS };
    (shorten(stripped, max), stop)
}

/// What the walk back over the text before a figure found: where the phrase starts in `head`
/// (after the clause boundary, or 40 characters back), where the walk stopped, and where the
/// phrase's last quote mark and first digit stand (seen on the way, not searched for again).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Walk {
    start: usize,
    stop: Stop,
    last_quote: Option<usize>,
    first_digit: Option<usize>,
}

/// The walk back over `head` (the text from byte `from` to the figure) to the clause boundary
/// (for a rate, past list marks).
fn walk_back(head: &str, from: usize, list: bool) -> Walk {
    let mut start = 0;
    let mut chars = 0;
    let mut stop = Stop::Start;
    let mut last_quote = None;
    let mut first_digit = None;
    let boundaries = &*BOUNDARIES;
    let mut end = head.len();
    let bytes = head.as_bytes();
    while end > 0 {
        chars += 1;
        if chars > 40 {
            start = end;
            stop = Stop::Before(from + start);
            break;
        }
        // A three-byte character whose lead byte starts no boundary and no quote mark (most
        // Chinese characters) is passed over without being read.
        if let Some(&lead @ 0xE0..=0xEF) = end.checked_sub(3).and_then(|k| bytes.get(k)) {
            if MARK_LEADS >> (lead & 0x0F) & 1 == 0 {
                end -= 3;
                continue;
            }
        }
        let Some((i, c)) = char_before(head, end) else { break };
        if boundaries.holds(c) && !(list && c == LIST_MARK) {
            start = end;
            // A sentence mark is a boundary: none stands after this character.
            stop = if SENTENCE_MARKS.contains(&c) { Stop::SentenceEnd } else { Stop::Before(from + start) };
            break;
        }
        if c.is_ascii_digit() {
            first_digit = Some(i);
        } else if last_quote.is_none() && is_quote_mark(c) {
            last_quote = Some(i);
        }
        end = i;
    }
    Walk { start, stop, last_quote, first_digit }
}

/// The lead bytes E0–EF (as bits 0–15) of the three-byte characters a left phrase's walk stops
/// at or notes: the clause boundaries and the curly quote marks (U+2018–U+201D). Only the
/// characters of these lead bytes are read (E0–EF is never a character's last byte, so one three
/// bytes back from a character's end starts that character).
const MARK_LEADS: u16 = {
    let mut leads = 1 << (0x2018 >> 12);
    let mut k = 0;
    while k < CLAUSE_BOUNDARIES.len() {
        let c = CLAUSE_BOUNDARIES[k] as u32;
        if c >= 0x800 && c < 0x10000 {
            leads |= 1 << (c >> 12);
        }
        k += 1;
    }
    leads
};

/// The character of `s` that ends at byte `end` (a character boundary) and where it starts; None
/// at the start. A Chinese character (three bytes) and ASCII are read from their bytes: the walk
/// back over a phrase reads every character.
#[inline(always)]
fn char_before(s: &str, end: usize) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let last = *b.get(end.checked_sub(1)?)?;
    if last < 0x80 {
        return Some((end - 1, char::from(last)));
    }
    if let Some(&[lead @ 0xE0..=0xEF, b1, b2]) = end.checked_sub(3).and_then(|i| b.get(i..end)) {
        let code = u32::from(lead & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
        return char::from_u32(code).map(|c| (end - 3, c));
    }
    s[..end].chars().next_back().map(|c| (end - c.len_utf8(), c))
}

/// Where the backward walk of a left phrase stopped, for the question whether the figure shares
/// its sentence with the one before: at a sentence mark, at the start of what it walked (the
/// previous figure's end: nothing between holds a sentence mark), or with the text before `at`
/// not read (past the last character it read, none is a sentence mark).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stop {
    SentenceEnd,
    Start,
    Before(usize),
}

/// A name quoted right before the figure (推送“学法每日”186期) is what is counted: a frequency
/// word closing it is part of the name, not framing, and goes back onto the stripped label.
fn keep_quoted_frequency(stripped: &mut String, phrase: &str) {
    let t = phrase.trim_end();
    let Some(close) = t.chars().next_back().filter(|c| QUOTE_MARKS.contains(c)) else { return };
    let inner = &t[..t.len() - close.len_utf8()];
    let name = inner.rfind(QUOTE_MARKS).map_or(inner, |i| inner[i..].trim_start_matches(QUOTE_MARKS));
    let Some(word) = FREQUENCY_WORDS.iter().find(|w| name.ends_with(**w)) else { return };
    let base = &name[..name.len() - word.len()];
    if !base.is_empty() && stripped.ends_with(base) && !stripped.ends_with(name) {
        stripped.push_str(word);
    }
}

// The word tables a phrase is searched for, by first character (`re::WordTable`; an
// Aho-Corasick automaton's overlapping search per phrase cost more in its setup than the
// search: docs/performance.md, 7 Dec).
/// The total words then the introducing verbs, one table: `strip` finds both in one walk of a
/// phrase (an index below `TOTAL_WORDS.len()` is a total word).
static INTRODUCERS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(TOTAL_WORDS.iter().chain(VERBS).copied()));
/// The total words then the light verbs among [`VERBS`] (in their order there), for a phrase
/// after its first character; [`LIGHT_VERB_INDEX`] maps them back to [`VERBS`].
static SPLITTERS: LazyLock<WordTable> =
    LazyLock::new(|| WordTable::new(TOTAL_WORDS.iter().chain(VERBS.iter().filter(|v| LIGHT_VERBS.contains(v))).copied()));
static LIGHT_VERB_INDEX: LazyLock<Vec<usize>> =
    LazyLock::new(|| VERBS.iter().enumerate().filter(|(_, v)| LIGHT_VERBS.contains(v)).map(|(i, _)| i).collect());
static RIGHT_STOP_WORDS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(RIGHT_STOPS.iter().copied()));
static STOP_EXCEPTION_WORDS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(STOP_EXCEPTIONS.iter().copied()));

/// The noun after a figure (up to the first verb or function word) and the raw text
/// after it (up to the clause boundary), both without a leading 的. The raw text is shortened
/// (its first 8 characters) where it is used, for the rare figure that has no other label.
fn right_phrase(s: &str, pos: usize, next_start: usize) -> (&str, &str) {
    let tail = &s[pos..next_start.max(pos)];
    let end = RIGHT_ENDS.within(tail, 0, tail.len()).next().map_or(tail.len(), |(i, _)| i);
    let raw = tail[..end].trim_start_matches(ATTRIBUTIVE).trim();
    // Where a stop word starts (all of them, overlapping, in text order); the first that is not
    // inside a word like 公共 or 对象 ends the noun.
    let in_word = |i: usize| {
        let from = raw[..i].char_indices().next_back().map_or(i, |(j, _)| j);
        STOP_EXCEPTION_WORDS.at(raw, from).next().is_some() || STOP_EXCEPTION_WORDS.at(raw, i).next().is_some()
    };
    let noun_end = RIGHT_STOP_WORDS.occurrences(raw).map(|(i, _, _)| i).find(|&i| !in_word(i)).unwrap_or(raw.len());
    let noun = raw[..noun_end].trim();
    // A noun must start with a CJK character, not a digit or a symbol, nor with a joining word
    // (`5个和法律服务站3个`: the next item of a list, not what 5个 counts).
    // (A Han character is alphanumeric: asked first, the Unicode table is read only for others.)
    let noun = if noun.starts_with(|c: char| (chars::is_han(c) || c.is_alphanumeric()) && !c.is_ascii_digit() && !EDGE_JOINERS.contains(&c)) { noun } else { "" };
    (shorten_head(noun, MAX_CHARS), raw)
}

/// The introducing verbs as one table.
static VERB_WORDS: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(VERBS.iter().copied()));

fn is_verb(w: &str) -> bool {
    VERB_WORDS.holds(w)
}

/// Whether `clause` starts with one of [`VERBS`].
pub fn starts_with_verb(clause: &str) -> bool {
    VERB_WORDS.at(clause, 0).next().is_some()
}

/// A framing-word table indexed by the character a word must start (or end) with, each list
/// in table order: a stripping pass tries only the words that can match, in the same order
/// as a scan of the whole table would.
struct EdgeIndex {
    words: &'static [&'static str],
    by_char: CharIndex,
    /// The longest word's length in bytes: a longer phrase is none of them.
    longest: usize,
}

impl EdgeIndex {
    fn new(words: &'static [&'static str], edge: fn(&str) -> Option<char>) -> EdgeIndex {
        let keys: Vec<Option<char>> = words.iter().map(|w| edge(w)).collect();
        EdgeIndex { words, by_char: CharIndex::new(&keys), longest: words.iter().map(|w| w.len()).max().unwrap_or(0) }
    }

    /// Indices of the words with edge character `c`, in table order.
    fn with(&self, c: char) -> impl Iterator<Item = usize> + '_ {
        self.by_char.of(c as u32).iter().map(|&i| usize::from(i))
    }

    /// The words that can end `p` (those of its last character), in table order.
    fn with_last<'a>(&'a self, p: &str) -> impl Iterator<Item = &'static str> + 'a {
        let words = self.words;
        p.chars().next_back().into_iter().flat_map(move |c| self.with(c).map(move |i| words[i]))
    }

    /// Whether `p`, whose edge character is `edge(p)`, is one of the words.
    fn contains(&self, p: &str, edge: impl FnOnce(&str) -> Option<char>) -> bool {
        p.len() <= self.longest && edge(p).is_some_and(|c| self.with(c).any(|i| self.words[i] == p))
    }
}

static DANGLING_INDEX: LazyLock<EdgeIndex> = LazyLock::new(|| EdgeIndex::new(DANGLING_LABEL_ENDS, |w| w.chars().next_back()));
static LEADING_INDEX: LazyLock<EdgeIndex> = LazyLock::new(|| EdgeIndex::new(LEADING, |w| w.chars().next()));
static TRAILING_INDEX: LazyLock<EdgeIndex> = LazyLock::new(|| EdgeIndex::new(TRAILING, |w| w.chars().next_back()));

/// One pass of a framing table over one end of `p` (the start when `AT_START`, else the end):
/// each word in table order strips itself if at least two characters remain. (A constant, not
/// a table of function pointers: the edge, strip and trim steps are inlined.)
fn strip_pass<const AT_START: bool>(mut p: &str) -> &str {
    let index: &EdgeIndex = if AT_START { &LEADING_INDEX } else { &TRAILING_INDEX };
    let mut next = 0;
    while let Some(c) = if AT_START { p.chars().next() } else { p.chars().next_back() } {
        let found = index.with(c).filter(|&i| i >= next).find_map(|i| {
            let w = index.words[i];
            let rest = if AT_START { p.strip_prefix(w)? } else { p.strip_suffix(w)? };
            two_chars(rest).then_some((i, rest))
        });
        let Some((i, rest)) = found else { break };
        p = if AT_START { rest.trim_start() } else { rest.trim_end() };
        next = i + 1;
    }
    p
}

/// The framing words' passes by turns, at the start and at the end, until neither strips
/// anything. A pass that stripped nothing is not made again: the other only shortens the phrase
/// at its other end, which gives no word a match it did not have (nor more characters after it).
/// The passes only shorten `p`: the same length is the same phrase.
fn strip_framing(mut p: &str) -> &str {
    let (mut leading, mut trailing) = (true, true);
    while leading || trailing {
        if leading {
            let q = strip_pass::<true>(p);
            leading = q.len() < p.len();
            p = q;
        }
        if trailing {
            let q = strip_pass::<false>(p);
            trailing = q.len() < p.len();
            p = q;
        }
    }
    p
}

/// Whether `s` has two characters at least: more bytes than its first character's (read from its
/// first byte; `chars().nth(1)` decoded both).
#[inline]
fn two_chars(s: &str) -> bool {
    s.as_bytes().first().is_some_and(|&lead| s.len() > crate::scan::utf8_len(lead))
}

/// The characters trimmed from a phrase's ends before its framing words: whitespace, ASCII
/// punctuation and the joining words, as a bit set (`char::is_whitespace` read a Unicode table
/// for every Chinese character at an end). The whitespace is Unicode's `White_Space`, listed (a
/// test compares it with `char::is_whitespace` over every character).
static EDGE_FILLERS: LazyLock<Starts> = LazyLock::new(|| {
    let whitespace = ['\u{85}', '\u{A0}', '\u{1680}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}'].into_iter().chain('\u{2000}'..='\u{200A}');
    let ascii = (0..0x80u8).map(char::from).filter(|c| c.is_ascii_whitespace() || *c == '\u{0B}' || c.is_ascii_punctuation());
    Starts::of(ascii.chain(whitespace).chain(EDGE_JOINERS.iter().copied()))
});

/// Strip framing words at both ends and, when `split_verbs`, keep what follows the last
/// introducing verb (if anything of at least two characters follows it).
pub fn strip(phrase: &str, split_verbs: bool) -> &str {
    strip_from(phrase, split_verbs, true)
}

/// [`strip`]; `walk` false when the phrase is known to hold none of the [`SPLITTERS`] words
/// (the caller's walk of a longer phrase found none where this one lies), so that the walk for
/// them is not made.
fn strip_from(phrase: &str, split_verbs: bool, walk: bool) -> &str {
    // The tests' oracle: every walk made.
    #[cfg(test)]
    let walk = walk || tests::ALWAYS_WALK.with(std::cell::Cell::get);
    let p = strip_framing(phrase.trim_matches(|c: char| EDGE_FILLERS.holds(c)));
    // Nothing but a framing word is left (`今年共计597人` → `共计`): nothing is named.
    if LEADING_INDEX.contains(p, |p| p.chars().next()) || TRAILING_INDEX.contains(p, |p| p.chars().next_back()) {
        return "";
    }
    if split_verbs {
        // 共/累计/合计 announce the total: the counted thing follows the last of them; else the
        // first introducing verb does (both looked for in one walk).
        let mut cut = None;
        let mut best: Option<(usize, usize)> = None;
        // Any introducing verb counts at the start, only a light one after it: the words at the
        // start from the whole table, those after it from the table of totals and light verbs
        // (a third of the words to compare). Neither choice below depends on the order in which
        // the words come.
        let at_start = INTRODUCERS.at(p, 0).map(|word| (0, INTRODUCERS.word(word).len(), word));
        let first_len = p.chars().next().map_or(0, char::len_utf8);
        let after_start = walk.then(|| SPLITTERS.occurrences(&p[first_len..])).into_iter().flatten().map(|(at, end, word)| {
            // As an index of `INTRODUCERS`: the totals come first in both tables.
            let word = if word < TOTAL_WORDS.len() { word } else { TOTAL_WORDS.len() + LIGHT_VERB_INDEX[word - TOTAL_WORDS.len()] };
            (at + first_len, end + first_len, word)
        });
        // The last start of a word of that walk (past the first character): a phrase cut from
        // `p` further on holds none of its words (its walk's words would be this walk's), and
        // skips its walk.
        let mut last_split = None;
        for (at, end, word) in at_start.chain(after_start) {
            if at > 0 {
                last_split = Some(at);
            }
            if word >= TOTAL_WORDS.len() {
                let better = best.map_or(true, |(b, e)| at < b || (at == b && end > e));
                if better && two_chars(&p[end..]) {
                    best = Some((at, end));
                }
                continue;
            }
            let in_word = &p[at..end] == TOTAL_CHAR && {
                let prev = p[..at].chars().next_back().map(|c| &p[at - c.len_utf8()..end]);
                let next = p[end..].chars().next().map(|c| &p[at..end + c.len_utf8()]);
                WORDS_WITH_TOTAL_CHAR.iter().any(|x| Some(*x) == prev || Some(*x) == next)
            };
            if !in_word && two_chars(&p[end..]) && cut.map_or(true, |c| end > c) {
                cut = Some(end);
            }
        }
        let walk_from = |at: usize| last_split.is_some_and(|last| last >= at);
        if let Some(c) = cut {
            return strip_from(&p[c..], true, walk_from(c));
        }
        if let Some((_, after)) = best {
            let rest = strip_from(&p[after..], true, walk_from(after));
            if rest.chars().count() >= 2 && !OUTCOME_WORDS.iter().any(|w| rest.starts_with(w)) {
                return rest;
            }
        }
    }
    p
}

/// Keep the last `max` characters (the head noun of a Chinese phrase).
fn shorten(p: Cow<str>, max: usize) -> Cow<str> {
    // No more bytes than `max`: no more characters (most labels), nothing counted.
    if p.len() <= max {
        return p;
    }
    let n = p.chars().count();
    if n <= max {
        return p;
    }
    let from = p.char_indices().nth(n - max).map_or(p.len(), |(i, _)| i);
    match p {
        Cow::Borrowed(b) => Cow::Borrowed(&b[from..]),
        Cow::Owned(o) => Cow::Owned(o[from..].to_owned()),
    }
}

/// Keep the first `max` characters.
fn shorten_head(p: &str, max: usize) -> &str {
    if p.len() <= max {
        return p;
    }
    p.char_indices().nth(max).map_or(p, |(i, _)| &p[..i])
}

#[cfg(test)]
mod tests;
