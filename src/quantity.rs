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

use std::ops::Range;
use std::sync::LazyLock;

use crate::result::{Approx, MetricKind};
use crate::re::CharFlags;
use crate::scan::Starts;
use crate::text::{Span, Text};
use crate::vocab::numerals::{
    self, Flavor, APPROX_AFTER, APPROX_BEFORE, APPROX_MARKS, DECIMAL_POINT, HUNDRED, MULTIPLIERS, MULTIPLIER_APPROX, MULTIPLIER_WORDS,
    NUMERAL_POWERS, NUMERAL_STARTS, PERCENT_WORDS, RANGE_SEPARATORS,
};
use crate::vocab::units::UNIT_WORDS;
use crate::vocab::UNITS;

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Approximation words, number, multiplier and unit as written.
    pub span: Span,
    /// The number alone (first number of a range), without approximation words.
    pub number: Span,
    /// The unit as written.
    pub unit_span: Span,
    /// The words that, right after the unit, make it part of another word (`5部门`:
    /// `vocab::units::UNIT_BLOCKERS`), from the unit's entry.
    pub unit_blockers: &'static [&'static str],
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

/// Where the parts of one quantity stand in the searched text (byte ranges): the groups of
/// the grammar below.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Parts {
    whole: Range<usize>,
    /// Approximation word before the number (`约`, `超过`).
    pre: Option<Range<usize>>,
    /// The number of a percentage in words, after `百分之`.
    pct: Option<Range<usize>>,
    /// The number (the first of a range) and the second end of a range.
    n1: Option<Range<usize>>,
    n2: Option<Range<usize>>,
    unit: Option<Range<usize>>,
    /// The unit's entry in [`UNITS`] (the first one written so), found with the unit: not
    /// looked up again from its text.
    unit_entry: usize,
    /// Approximation word after the quantity (`以上`, `左右`).
    post: Option<Range<usize>>,
}

/// Every quantity in `span`, in text order.
///
/// The grammar, as the regular expression it once was (kept as the oracle of the tests below):
/// `PRE? (百分之 (百|NUM) | NUM (RANGE NUM)? UNIT) POST?` with
/// NUM = `([0-9]+(,[0-9]{3})*(\.[0-9]+)? | [〇零一二两三四五六七八九十][〇…十百千万亿]*(点[〇…九]+)?) (余|多|几)? ((万亿|万|亿)(余|多)?[0-9]* | 千(余|多)?)?`,
/// leftmost-first. The scanner reads it by hand: with a regex engine this was the second
/// hottest search of the whole analysis, and the wasm's small engine (no DFA) was slow at it.
#[cfg(test)]
pub fn find(text: &Text, span: Span) -> Vec<Quantity> {
    iter(text, span).collect()
}

/// Every quantity in `span`, in text order, one at a time (`metrics` keeps a bounded number
/// of them; issue 15).
pub fn iter<'t>(text: &'t Text, span: Span) -> impl Iterator<Item = Quantity> + 't {
    let s = text.get(span);
    Scanner::new(s).filter_map(move |parts| quantity(s, &parts, span.start))
}

/// The leftmost-first, non-overlapping matches of the grammar in a text, in order.
struct Scanner<'s> {
    s: &'s str,
    i: usize,
    /// Attempts at a digit, or at a numeral start, before these positions are known to fail
    /// (see `equivalent_digit_starts_end` and `numeral_run_end`).
    digits_dead_until: usize,
    numerals_dead_until: usize,
    /// The walk's byte filter's last block (`scan::Block`).
    block: crate::scan::Block,
}

impl<'s> Scanner<'s> {
    fn new(s: &'s str) -> Scanner<'s> {
        Scanner { s, i: 0, digits_dead_until: 0, numerals_dead_until: 0, block: crate::scan::Block::default() }
    }
}

impl Iterator for Scanner<'_> {
    type Item = Parts;

    fn next(&mut self) -> Option<Parts> {
        let s = self.s;
        let flags = &*FLAGS;
        let walk_from = self.i;
        let mut next = walk_from;
        while let Some((i, c)) = STARTS.next_at_in(s, next, &mut self.block) {
            next = i + c.len_utf8();
            let c = c as u32;
            let digit = is_digit(c);
            let numeral = flags.of(c) & NUMERAL_START != 0;
            if (digit && i < self.digits_dead_until) || (numeral && i < self.numerals_dead_until) {
                continue;
            }
            let mut numeral_run = i;
            if let Some(mut parts) = attempt(s, i, &mut numeral_run) {
                // An approximation word right before the number, not before where the walk
                // started: the walk's stop at its first character would have found this very
                // quantity after it (what follows the word is read alike with or without it).
                if let Some(word) = pre_before(s, walk_from, i) {
                    parts.pre = Some(i - word.len()..i);
                    parts.whole.start = i - word.len();
                }
                self.i = parts.whole.end;
                return Some(parts);
            }
            if digit {
                self.digits_dead_until = self.digits_dead_until.max(equivalent_digit_starts_end(s, i));
                // Only digits and `,` stand before it: no start of another kind is passed over.
                next = next.max(self.digits_dead_until);
            } else if numeral {
                // The attempt read the run of numeral characters from `i` (a numeral start is one).
                self.numerals_dead_until = self.numerals_dead_until.max(numeral_run);
            }
        }
        self.i = s.len();
        None
    }
}

/// What the number of a quantity may start with (a digit, a numeral, `百分之`): the shared walk
/// (`scan::Starts`) passes over the other characters, most of them on their first two bytes,
/// without decoding them. An approximation word before the number is looked for only behind a
/// quantity found (`pre_before`): the walk stopped at every 不, 大 and 近 of the text for it.
/// With the byte filter (`Starts::filtered`): the walk over the whole body was 3.9 M
/// instructions of the 1 MiB mix with the shared gather walk.
static STARTS: LazyLock<Starts> =
    LazyLock::new(|| Starts::filtered(('0'..='9').chain(NUMERAL_STARTS.iter().copied()).chain(PERCENT_WORDS.chars().take(1))));

const PERCENT_PREFIX_LEN: usize = PERCENT_WORDS.len();

/// The lists of the grammar's characters a character is in (`FLAGS`): one look-up each time the
/// scanner asks, not a comparison with each character of a list (`[char]::contains` was ~40
/// instructions a question, asked several times an attempt).
const NUMERAL_START: u16 = 1;
const NUMERAL_CONTINUES: u16 = 1 << 1;
const DECIMAL_NUMERAL: u16 = 1 << 2;
const PERCENT_FIRST: u16 = 1 << 3;
const APPROX_MARK: u16 = 1 << 5;
const MULTIPLIER_FIRST: u16 = 1 << 6;
const MULTIPLIER_MARK: u16 = 1 << 7;
const RANGE_SEPARATOR: u16 = 1 << 8;
const POST_FIRST: u16 = 1 << 9;
/// What may stand right after a number's digits or numerals: an approximation mark, a
/// multiplier, a range separator or a unit (their first characters).
const FOLLOWER: u16 = 1 << 10;

static FLAGS: LazyLock<CharFlags> = LazyLock::new(|| {
    // Plain loops: a chain of iterator adapters over the lists was 4 KB of wasm.
    let mut entries: Vec<(char, u16)> = Vec::new();
    for &c in NUMERAL_STARTS {
        entries.push((c, NUMERAL_START | NUMERAL_CONTINUES));
        // Every digit character (〇/零 … 九) starts a numeral.
        if is_decimal_numeral(c) {
            entries.push((c, DECIMAL_NUMERAL));
        }
    }
    for (chars, flags) in [
        (NUMERAL_POWERS, NUMERAL_CONTINUES),
        (APPROX_MARKS, APPROX_MARK | FOLLOWER),
        (MULTIPLIER_APPROX, MULTIPLIER_MARK),
        (RANGE_SEPARATORS, RANGE_SEPARATOR | FOLLOWER),
    ] {
        for &c in chars {
            entries.push((c, flags));
        }
    }
    let words = [PERCENT_WORDS].into_iter().map(|w| (w, PERCENT_FIRST));
    let words = words.chain(MULTIPLIER_WORDS.iter().map(|(w, _)| (*w, MULTIPLIER_FIRST | FOLLOWER)));
    let words = words.chain(APPROX_AFTER.iter().map(|(w, _)| (*w, POST_FIRST)));
    for (word, flags) in words.chain(UNITS.iter().map(|(u, _, _)| (*u, FOLLOWER))) {
        if let Some(c) = word.chars().next() {
            entries.push((c, flags));
        }
    }
    CharFlags::new(entries)
});

/// The character at byte `i` of `b` (valid UTF-8, `i` a character boundary) as `scan::decode`
/// reads it, and its length; past the end [`END`], a character in no list.
#[inline]
fn char_at(b: &[u8], i: usize) -> (u32, usize) {
    if i < b.len() {
        crate::scan::decode(b, i)
    } else {
        (END, 0)
    }
}

const END: u32 = u32::MAX;

#[inline(always)]
fn is_digit(c: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&c)
}

/// The approximation word ending at byte `end` of `s` and starting at `from` or later, the
/// longest (the leftmost-first reading starts there); looked for only when the last byte before
/// `end` is one a word ends with ([`PRE_LAST_BYTES`], by its low six bits: one byte in ten passes
/// in Chinese text).
fn pre_before(s: &str, from: usize, end: usize) -> Option<&'static str> {
    let b = &s.as_bytes()[from..end];
    let &last = b.last()?;
    if *PRE_LAST_BYTES >> (last & 0x3F) & 1 == 0 {
        return None;
    }
    APPROX_BEFORE.iter().map(|(w, _)| *w).filter(|w| b.ends_with(w.as_bytes())).max_by_key(|w| w.len())
}

/// The last bytes of the approximation words before a number, as bits by their low six bits.
static PRE_LAST_BYTES: LazyLock<u64> = LazyLock::new(|| APPROX_BEFORE.iter().filter_map(|(w, _)| w.as_bytes().last()).fold(0, |bits, b| bits | 1 << (b & 0x3F)));

/// A quantity whose number starts exactly at `p` (without an approximation word before it), or None.
///
/// `numeral_run` is set to the end of the run of numeral characters at `p` when the number there
/// is written in numerals.
fn attempt(s: &str, p: usize, numeral_run: &mut usize) -> Option<Parts> {
    let b = s.as_bytes();
    let flags = &*FLAGS;
    let mut parts = Parts::default();
    // Each list of words is compared only when the character there starts one of them: a
    // comparison of a word is a call of memcmp (here ~10 a quantity, most of them failing).
    let end = if flags.of(char_at(b, p).0) & PERCENT_FIRST != 0 && s[p..].starts_with(PERCENT_WORDS) {
        // `百分之(百|NUM)`: nothing has to follow, so the first (greediest) reading is the one.
        let q = p + PERCENT_PREFIX_LEN;
        let pct_end = if s[q..].starts_with(HUNDRED) {
            q + HUNDRED.len()
        } else {
            let mut first = None;
            each_number_end(s, q, false, &mut 0, &mut |end| {
                first = Some(end);
                true
            });
            first?
        };
        parts.pct = Some(q..pct_end);
        pct_end
    } else {
        let mut matched = None;
        each_number_end(s, p, true, numeral_run, &mut |n1_end| {
            let (c, len) = char_at(b, n1_end);
            if flags.of(c) & RANGE_SEPARATOR != 0 {
                let n2_start = n1_end + len;
                let mut second = None;
                each_number_end(s, n2_start, true, &mut 0, &mut |n2_end| {
                    second = unit_at(s, n2_end).map(|unit| (n2_end, unit));
                    second.is_some()
                });
                if let Some((n2_end, (unit_len, entry))) = second {
                    matched = Some((n1_end, Some(n2_start..n2_end), n2_end..n2_end + unit_len, entry));
                    return true;
                }
            }
            matched = UNIT_WORDS.longest_at(b, n1_end, c, len).map(|(unit_len, entry)| (n1_end, None, n1_end..n1_end + unit_len, entry));
            matched.is_some()
        });
        let (n1_end, n2, unit, entry) = matched?;
        parts.n1 = Some(p..n1_end);
        parts.n2 = n2;
        let end = unit.end;
        parts.unit = Some(unit);
        parts.unit_entry = entry;
        end
    };
    let post = if flags.of(char_at(b, end).0) & POST_FIRST != 0 { APPROX_AFTER.iter().map(|(w, _)| *w).find(|w| s[end..].starts_with(w)) } else { None };
    parts.post = post.map(|w| end..end + w.len());
    parts.whole = p..end + post.map_or(0, str::len);
    Some(parts)
}

/// A digit after the decimal 点 of a Chinese numeral (〇/零 … 九; 两 is no digit there).
fn is_decimal_numeral(c: char) -> bool {
    numerals::chinese_digit(c).is_some()
}

fn digits_end(s: &str, i: usize) -> usize {
    i + s.as_bytes()[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The end of the run of characters with `flag` from byte `i`.
fn run_end(s: &str, mut i: usize, flag: u16) -> usize {
    let b = s.as_bytes();
    let flags = &*FLAGS;
    while i < b.len() {
        let (c, len) = crate::scan::decode(b, i);
        if flags.of(c) & flag == 0 {
            break;
        }
        i += len;
    }
    i
}

/// The end of the run of characters that may continue a number in Chinese numerals (its powers
/// and multipliers too) from byte `i`.
fn numeral_run_end(s: &str, i: usize) -> usize {
    run_end(s, i, NUMERAL_CONTINUES)
}

/// A numeral run gives back at most this many characters to what follows it: a multiplier
/// (`万亿`, two) and the first character of a unit (`千克`, `百分点`, `万吨`) are all that can
/// start with a numeral character, so giving back more can never lead to a match.
const NUMERAL_GIVE_BACK: usize = 3;

/// Calls `f` with every end of a number starting at `i`, in the order the regular expression
/// tries them (greediest first), until `f` returns true. Returns whether it did.
///
/// Most parts cannot give anything back: what follows a number (an approximation mark, a
/// multiplier, a range separator, a unit) never starts with a digit, `,`, `.`, `点` or
/// `余多几`, so a shorter reading of those parts leaves a character nothing can take. Only a
/// numeral run (before a multiplier or a unit that starts with a numeral character) and the
/// choice of multiplier are real choices.
///
/// With `unit_follows` (`f` accepts an end only where a range separator or a unit follows), an
/// end is not offered where the character after it can continue the number in no way
/// ([`FOLLOWER`]): most attempts (the 一 of 统一, 进一步 …) fail on every reading, and each
/// reading looked for a multiplier, a separator and a unit in turn.
///
/// A number in numerals sets `numeral_run` to the end of its run of numeral characters (what the
/// scanner passes over when the attempt fails).
fn each_number_end(s: &str, i: usize, unit_follows: bool, numeral_run: &mut usize, f: &mut dyn FnMut(usize) -> bool) -> bool {
    let b = s.as_bytes();
    let flags = &*FLAGS;
    let mut bases = [0usize; NUMERAL_GIVE_BACK + 1];
    let count;
    let (first, first_len) = char_at(b, i);
    if is_digit(first) {
        let mut j = digits_end(s, i);
        while b.get(j) == Some(&b',') && b.len() >= j + 4 && b[j + 1..j + 4].iter().all(u8::is_ascii_digit) {
            j += 4;
        }
        if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j = digits_end(s, j + 1);
        }
        bases[0] = j;
        count = 1;
    } else if flags.of(first) & NUMERAL_START != 0 {
        let min = i + first_len;
        let run_end = numeral_run_end(s, min);
        *numeral_run = run_end;
        let mut end = run_end;
        // `(点[〇…九]+)?` after the whole run: taken when a digit follows 点.
        if s[run_end..].starts_with(DECIMAL_POINT) {
            let digits_from = run_end + DECIMAL_POINT.len_utf8();
            let digits_end = self::run_end(s, digits_from, DECIMAL_NUMERAL);
            if digits_end > digits_from {
                end = digits_end;
            }
        }
        bases[0] = end;
        let mut n = 1;
        let mut back = run_end;
        while n <= NUMERAL_GIVE_BACK && back > min {
            back = crate::text::floor_char_boundary(s, back - 1);
            bases[n] = back;
            n += 1;
        }
        count = n;
    } else {
        return false;
    }
    for &base in &bases[..count] {
        let (c, len) = char_at(b, base);
        let mut after = flags.of(c);
        if unit_follows && after & FOLLOWER == 0 {
            continue;
        }
        let mut k = base;
        if after & APPROX_MARK != 0 {
            k += len;
            after = flags.of(char_at(b, k).0);
        }
        // `(万亿|万|亿)(余|多)?[0-9]*`, in that order, then `千(余|多)?`, then no multiplier.
        if after & MULTIPLIER_FIRST != 0 {
            for &(word, digits_follow) in MULTIPLIER_WORDS {
                if s[k..].starts_with(word) {
                    let m = k + word.len();
                    let (c, len) = char_at(b, m);
                    let m = if flags.of(c) & MULTIPLIER_MARK != 0 { m + len } else { m };
                    if f(if digits_follow { digits_end(s, m) } else { m }) {
                        return true;
                    }
                }
            }
        }
        if f(k) {
            return true;
        }
    }
    false
}

/// After a failed attempt at the digit `i`, the attempts at every later digit before the
/// returned position fail too: they read the same digits up to the same point, in the same
/// state (the rest of the run, or a complete thousands group `,ddd`).
fn equivalent_digit_starts_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = digits_end(s, i);
    let mut dead = j;
    while b.get(j) == Some(&b',') && b.len() >= j + 4 && b[j + 1..j + 4].iter().all(u8::is_ascii_digit) {
        if b.get(j + 4).is_some_and(u8::is_ascii_digit) {
            break;
        }
        j += 4;
        dead = j;
    }
    dead
}

/// The longest unit at `i`, as its length in bytes, and its first entry in [`UNITS`]: the units
/// that start with the character there compared (`re::WordTable`; an anchored leftmost-longest
/// automaton cost ~330 instructions a search, most of it the search's setup).
fn unit_at(s: &str, i: usize) -> Option<(usize, usize)> {
    let (c, len) = char_at(s.as_bytes(), i);
    UNIT_WORDS.longest_at(s.as_bytes(), i, c, len)
}

fn quantity(s: &str, parts: &Parts, base: usize) -> Option<Quantity> {
    let at = |r: &Range<usize>| Span::new(r.start + base, r.end + base);
    let text = |r: &Range<usize>| &s[r.clone()];
    let mut unit_blockers: &'static [&'static str] = &[];
    let (value, value_max, over, number, unit_span, unit, kind, chinese, range) = if let Some(p) = &parts.pct {
        let (v, over) = if text(p) == HUNDRED { (100.0, false) } else { parse_part(text(p))? };
        let number = Span::new(p.start - PERCENT_WORDS.len() + base, p.end + base);
        (v, None, over, number, Span::new(p.end + base, p.end + base), "%", MetricKind::Percent, true, false)
    } else {
        let n1 = parts.n1.as_ref()?;
        let u = parts.unit.as_ref()?;
        let (_, unit, kind) = UNITS[parts.unit_entry];
        unit_blockers = crate::vocab::units::blockers_of_entry(parts.unit_entry);
        let (mut v1, over1) = parse_part(text(n1))?;
        let (v2, over2) = match &parts.n2 {
            Some(n2) => {
                let (v2, o2) = parse_part(text(n2))?;
                // `3至5万元`: the multiplier written once applies to both ends.
                if multiplier_of(text(n1)) == 1.0 {
                    v1 *= multiplier_of(text(n2));
                }
                (Some(v2), o2)
            }
            None => (None, false),
        };
        let chinese = !text(n1).starts_with(|c: char| c.is_ascii_digit());
        let number = Span::new(n1.start + base, parts.n2.as_ref().unwrap_or(n1).end + base);
        (v1, v2, over1 || over2, number, at(u), unit, kind, chinese, v2.is_some())
    };
    // A range must rise (`5-3天` is no range) and every value must be finite.
    if !value.is_finite() || value_max.is_some_and(|v| !v.is_finite() || v < value) {
        return None;
    }
    let approx_of = |part: &Option<Range<usize>>, table: &[(&str, Approx)]| {
        let word = text(part.as_ref()?);
        table.iter().find(|(w, _)| *w == word).map(|(_, a)| *a)
    };
    let approx = approx_of(&parts.pre, APPROX_BEFORE).or(over.then_some(Approx::Over)).or_else(|| approx_of(&parts.post, APPROX_AFTER));
    Some(Quantity {
        span: at(&parts.whole),
        number,
        unit_span,
        unit_blockers,
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
    // Most numbers are digits with a decimal point at most: read as written, without the copies
    // the general reading below makes (what it would read them as, exactly).
    // (A value `exact_decimal` reads is of digits and one point at most: one pass, not two.)
    if let Some(value) = exact_decimal(part) {
        return Some((value, false));
    }
    if part.starts_with(|c: char| c.is_ascii_digit()) && part.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Some((part.parse().ok()?, false));
    }
    read_part(part)
}

/// `ddd` or `ddd.ddd` read without `str::parse` when the digits, point removed, are an integer
/// below 2^53 and at most 22 of them follow the point: both that integer and the power of ten
/// are then exact doubles, so one division is the correctly rounded value, the one `parse`
/// gives (Clinger's fast path, which `parse` takes too, after more checks). None otherwise.
fn exact_decimal(part: &str) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
        1e22,
    ];
    let b = part.as_bytes();
    if b.len() > 17 {
        return None;
    }
    let (int, frac) = match b.iter().position(|&c| c == b'.') {
        Some(dot) => (&b[..dot], &b[dot + 1..]),
        None => (b, &[][..]),
    };
    if int.is_empty() || (frac.is_empty() && int.len() < b.len()) {
        return None;
    }
    let mut mantissa: u64 = 0;
    for &d in int.iter().chain(frac) {
        if !d.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(d - b'0');
    }
    // At most 17 digits: no overflow; exact in a double below 2^53.
    if mantissa >= 1 << 53 {
        return None;
    }
    Some(mantissa as f64 / POWERS[frac.len()])
}

/// [`parse_part`] for any number the grammar reads.
fn read_part(part: &str) -> Option<(f64, bool)> {
    let over = part.contains(APPROX_MARKS);
    // Copied without the marks only when it has some.
    let s: std::borrow::Cow<str> = if over { part.chars().filter(|c| !APPROX_MARKS.contains(c)).collect::<String>().into() } else { part.into() };
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let digits_end = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(s.len());
        let digits = &s[..digits_end];
        let base: f64 = if digits.contains(',') { digits.replace(',', "").parse().ok()? } else { digits.parse().ok()? };
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
            None => (&*s, None),
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

    /// The regular expression the scanner replaced: the oracle of its tests.
    fn oracle() -> regex::Regex {
        let alternatives = |words: &mut dyn Iterator<Item = &str>| words.map(regex::escape).collect::<Vec<_>>().join("|");
        let mut units: Vec<&str> = UNITS.iter().map(|(u, _, _)| *u).collect();
        crate::sort::stable_by_key(&mut units, |u| std::cmp::Reverse(u.chars().count()));
        units.dedup();
        let units = alternatives(&mut units.into_iter());
        let pre = alternatives(&mut APPROX_BEFORE.iter().map(|(w, _)| *w));
        let post = alternatives(&mut APPROX_AFTER.iter().map(|(w, _)| *w));
        let range = RANGE_SEPARATORS.iter().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join("|");
        let part = crate::vocab::numerals::NUMBER_PATTERN;
        regex::Regex::new(&format!(
            r"(?<pre>{pre})?(?:{PERCENT_WORDS}(?<pct>{HUNDRED}|{part})|(?<n1>{part})(?:(?:{range})(?<n2>{part}))?(?<unit>{units}))(?<post>{post})?"
        ))
        .unwrap()
    }

    /// The scanner's parts, with the unit's entry checked against the unit's text and then
    /// cleared (the regex knows no entries).
    fn scanned(s: &str) -> Vec<Parts> {
        Scanner::new(s)
            .map(|mut parts| {
                if let Some(unit) = &parts.unit {
                    assert_eq!(crate::vocab::units::unit_info(&s[unit.clone()]), Some((UNITS[parts.unit_entry].1, UNITS[parts.unit_entry].2)));
                    assert_eq!(UNITS[parts.unit_entry].0, &s[unit.clone()]);
                }
                parts.unit_entry = 0;
                parts
            })
            .collect()
    }

    fn oracle_parts(re: &regex::Regex, s: &str) -> Vec<Parts> {
        re.captures_iter(s)
            .map(|c| {
                let group = |name: &str| c.name(name).map(|m| m.range());
                Parts {
                    whole: c.get(0).unwrap().range(),
                    pre: group("pre"),
                    pct: group("pct"),
                    n1: group("n1"),
                    n2: group("n2"),
                    unit: group("unit"),
                    unit_entry: 0,
                    post: group("post"),
                }
            })
            .collect()
    }

    /// What numbers and units are made of, and what stands around them.
    fn pieces() -> Vec<String> {
        let core = [
            "0", "1", "2", "3", "5", "9", ",", ".", ",000", ",12", "点", "〇", "零", "一", "二", "两", "三", "五", "九", "十", "百",
            "千", "万", "亿", "万亿", "余", "多", "几", "百分之", "百分点", "的", "。", "a", "x", " ", "\n", "(", ")", "/", "分",
        ];
        // The number pieces four times over, so that most texts hold several numbers.
        let mut out: Vec<String> = core.iter().cycle().take(core.len() * 4).map(|s| s.to_string()).collect();
        out.extend(RANGE_SEPARATORS.iter().map(|c| c.to_string()));
        out.extend(UNITS.iter().map(|(u, _, _)| u.to_string()));
        out.extend(APPROX_BEFORE.iter().map(|(w, _)| w.to_string()));
        out.extend(APPROX_AFTER.iter().map(|(w, _)| w.to_string()));
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn the_scanner_reads_what_the_regex_read(parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..28)) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(scanned(&text), oracle_parts(&oracle(), &text), "{:?}", text);
        }
    }

    /// `pre_before` looks behind a number for the approximation words, and the scanner's walk no
    /// longer stops at their first characters: none holds a
    /// character a number starts with, and no word starts another at the same place (the walk
    /// took the first in table order).
    #[test]
    fn approximation_words_are_found_behind_the_number() {
        for (word, _) in APPROX_BEFORE {
            assert!(!word.chars().any(|c| c.is_ascii_digit() || NUMERAL_STARTS.contains(&c) || PERCENT_WORDS.starts_with(c)), "{word}");
            for (other, _) in APPROX_BEFORE {
                assert!(word == other || !other.starts_with(word), "{word} {other}");
            }
        }
        assert_eq!(pre_before("大约5", 0, 6), Some("大约"));
        assert_eq!(pre_before("大约5", 3, 6), Some("约"));
        assert_eq!(pre_before("不超过5", 0, 9), Some("不超过"));
        assert_eq!(pre_before("a约5", 0, 4), Some("约"));
        assert_eq!(pre_before("约5", 3, 3), None);
        assert_eq!(pre_before("a5", 0, 1), None);
    }

    /// The decimal numerals' flag is taken from the numeral starts: every digit character is one.
    #[test]
    fn every_digit_character_starts_a_numeral() {
        let digits = (0..0x10000u32).filter_map(char::from_u32).filter(|&c| is_decimal_numeral(c));
        for c in digits {
            assert!(NUMERAL_STARTS.contains(&c), "{c}");
            assert_ne!(FLAGS.of(c as u32) & DECIMAL_NUMERAL, 0, "{c}");
        }
    }

    /// Hand-picked cases where the regex backtracks (a multiplier given back to a unit, a
    /// numeral run given back to 千克 or 百分点, a range that fails) or where a later start wins.
    #[test]
    fn the_scanner_agrees_on_backtracking_cases() {
        let re = oracle();
        for text in [
            "5千米", "5千瓦", "5千瓦时", "三千瓦时", "三万千克", "十万亿千克", "三百分点", "三百百分点", "五万吨", "5万吨", "3万4000人",
            "3万余4件", "1,2345件", "1,234,5件", "1.5.5件", "12,345.6万元", "3至5万元", "3-5天", "5-3天", "一至二二二件", "约1,234件",
            "百分之百", "百分之九十五点五", "百分之三百分之五", "三百分之五十", "不少于3次以上", "大约5天左右", "逾百分之十", "二〇一九年",
            "一二三四五六七八九十百千万亿件", "十几个", "30多万人", "1.39万亿元", "5万余元", "5千余元", "两千零五名", "3个百分点",
            "1至一件", "一点五倍", "一点件", "5.件", "5,件", "百分之", "百分之点", "约", "十点二二万亿余元以上",
        ] {
            assert_eq!(scanned(text), oracle_parts(&re, text), "{text}");
        }
    }

    /// Every seed report, normalised as the pipeline reads it.
    #[test]
    fn the_scanner_agrees_on_every_seed() {
        let re = oracle();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let raw = std::fs::read_to_string(&path).unwrap();
                let text = Text::new(&raw);
                let want = oracle_parts(&re, text.norm());
                assert!(!want.is_empty());
                assert_eq!(scanned(text.norm()), want, "{}", path.display());
            }
        }
    }

    /// The anchored leftmost-longest automaton `unit_at` replaced, on every unit and its
    /// prefixes and extensions.
    #[test]
    fn units_are_read_as_the_automaton_read_them() {
        use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(UNITS.iter().map(|(u, _, _)| *u))
            .unwrap();
        let texts = UNITS.iter().flat_map(|(u, _, _)| {
            let chars: Vec<char> = u.chars().collect();
            (0..=chars.len()).flat_map(move |k| {
                let prefix: String = chars[..k].iter().collect();
                ["", "件", "小时", "/立方米", "x"].map(|tail| format!("5{prefix}{tail}"))
            })
        });
        for text in texts {
            let want = automaton.find(Input::new(&text).span(1..text.len()).anchored(Anchored::Yes)).map(|m| m.len());
            assert_eq!(unit_at(&text, 1).map(|(len, _)| len), want, "{text}");
            if let Some((len, entry)) = unit_at(&text, 1) {
                assert_eq!(UNITS[entry].0, &text[1..1 + len], "{text}");
                assert_eq!(Some((UNITS[entry].1, UNITS[entry].2)), crate::vocab::units::unit_info(UNITS[entry].0), "{text}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]
        /// The division of the fast path gives the value `str::parse` gives, bit for bit.
        #[test]
        fn exact_decimals_are_read_as_parse_reads_them(int in "[0-9]{1,17}", frac in proptest::option::of("[0-9]{0,16}")) {
            let part = match &frac {
                Some(f) => format!("{int}.{f}"),
                None => int.clone(),
            };
            if let Some(v) = exact_decimal(&part) {
                proptest::prop_assert_eq!(v.to_bits(), part.parse::<f64>().unwrap().to_bits(), "{}", part);
            }
        }
    }

    #[test]
    fn exact_decimals_where_the_fast_path_ends() {
        for part in ["0", "9007199254740991", "9007199254740992", "0.1", "0.3", "478.7761", "1.39", "99.999", "123456789.1234567", "0.0000000000000001"] {
            if let Some(v) = exact_decimal(part) {
                assert_eq!(v.to_bits(), part.parse::<f64>().unwrap().to_bits(), "{part}");
            }
        }
        assert_eq!(exact_decimal("5."), None);
        assert_eq!(exact_decimal("1.2.3"), None);
        assert_eq!(exact_decimal("12345678901234567890"), None);
        assert_eq!(exact_decimal("478.7761"), Some(478.7761));
    }

    /// Plain digits are read as the general reading reads them.
    #[test]
    fn plain_digits_take_the_short_way_to_the_same_value() {
        for part in ["0", "5", "12", "3.5", "0.25", "1.2.3", "007", "5.", "12345678901234567890", "99.999"] {
            assert_eq!(parse_part(part), read_part(part), "{part}");
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
