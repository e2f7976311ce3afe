//! Which quantities state a fact. Each rule below names a kind of number that looks like a
//! quantity but is not a figure a reader would count; a quantity is kept when no rule
//! rejects it. Rules read the normalised text around the quantity.
//!
//! Some non-metrics need no rule because they carry no unit and so never become a
//! quantity: document numbers (`〔2019〕23号`, the mangled `〔201923号`), index numbers
//! (`510626-2022-009854`), phones (`0716-5227196`), `ICP备11002588号-1`, hotlines (`12345`
//! — while `建立12345支…队伍` is a real count of 支), day names (`“5.12”防灾减灾日`),
//! clock times (`16:52`), dotted dates (`2024.3`, `2024-12-23`), `PM2.5`, placeholders
//! (`XX件`, `*次`, `x名`) and heading markers (`一、`, `1.`, `(1)`, `一是`). The tests
//! prove each of them anyway.

use std::cell::{Cell, RefCell};
use std::sync::LazyLock;

use crate::outline::Outline;
use crate::quantity::Quantity;
use crate::re::WordTable;
use crate::result::MetricKind;
use crate::scan::Starts;
use crate::text::{Span, Text};
use crate::vocab::numerals::{is_digit_run, Flavor, RANGE_SEPARATORS};
use crate::vocab::phrases::*;
use crate::vocab::{DAY_UNIT, PERCENT_UNIT, YEAR_UNIT};

/// Why a quantity is not a figure: one rule each, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// Glued to Latin letters, digits or code punctuation, or written with a leading zero.
    Code,
    /// Inside a document number's brackets (`〔2019〕`).
    DocumentNumber,
    /// A four-digit year or a range of them (`2022年`, `2021—2025年`).
    Year,
    /// A time frame, not a length (`近3年`, `过去五年`).
    TimeFrame,
    /// A day of the month (`9月14日`, `23日`).
    Date,
    /// An ordinal or rank (`第八次`, `前10名`).
    Ordinal,
    /// Inside 《》.
    Name,
    /// Inside a short quotation (`“一件事”`).
    QuotedSlogan,
    /// Overlaps a set phrase of the table (三重一大, 两个100% …).
    SetPhrase,
    /// The number is a heading marker.
    HeadingMarker,
    /// The unit starts another word (`5部门`, `一次性`, `10周年`).
    UnitStartsWord,
    /// A duration naming a plan or campaign (`三年行动`).
    PlanName,
    /// A Chinese numeral inside a word (统一, 唯一, 之一).
    NumeralInWord,
    /// A lone 一 as the article "a" (`一批`, `一个平台`).
    IndefiniteOne,
    /// A count of 个 glued to a full percentage: a slogan (`3个100%`).
    SloganPair,
    /// What is left of a redacted figure (`(略)5万元`).
    Redacted,
}

impl Rejection {
    /// The label the test tables use (`tests/data/metrics/negatives.toml`).
    #[cfg(test)]
    pub fn label(self) -> &'static str {
        match self {
            Rejection::Code => "code",
            Rejection::DocumentNumber => "document number",
            Rejection::Year => "year",
            Rejection::TimeFrame => "time frame",
            Rejection::Date => "date",
            Rejection::Ordinal => "ordinal",
            Rejection::Name => "name",
            Rejection::QuotedSlogan => "quoted slogan",
            Rejection::SetPhrase => "set phrase",
            Rejection::HeadingMarker => "heading marker",
            Rejection::UnitStartsWord => "unit starts a word",
            Rejection::PlanName => "plan name",
            Rejection::NumeralInWord => "numeral in a word",
            Rejection::IndefiniteOne => "indefinite one",
            Rejection::SloganPair => "slogan pair",
            Rejection::Redacted => "redacted",
        }
    }
}

/// Spans of the body that protect what they hold: names, short quotations, set phrases,
/// heading markers. Each list is sorted by start.
pub struct Context<'t> {
    s: &'t str,
    names: Enclosing,
    quotes: Enclosing,
    phrases: RefCell<NearPhrases>,
    markers: Vec<Span>,
    /// How many markers end at or before the number last asked about (the markers do not overlap).
    markers_passed: Cursor,
}

/// The set phrases of the body, read only around the quantities asked about (`set_phrase`), as
/// they come in text order: what the leftmost-first walk over the whole body (`set_phrases`)
/// finds there, at a fraction of its cost (the walk over every phrase's first character, 一 and
/// 法 among them, was 21 M instructions on the 1 MiB mix).
///
/// Where the character before a position is in no phrase, no phrase found by the whole walk
/// runs across that position, so the whole walk reads on from it as a walk started there would:
/// each quantity's neighbourhood is walked from such a position (or from where the last walk
/// stopped), and no stretch of the body is walked twice.
#[derive(Default)]
struct NearPhrases {
    body: Span,
    /// The phrases found so far, in order.
    found: Vec<Span>,
    /// The whole walk would be between phrases here: every phrase before it is found, or lies
    /// before a stretch passed over.
    walked_to: usize,
    last_asked: usize,
}

/// A quotation this short (in characters, without the marks) is a slogan or a day name:
/// `“一件事”`, `“5.12”`, `“两个100%”`.
const SHORT_QUOTE: usize = 10;

/// The set phrases, longest first, as a word table (`re::WordTable`), tried only where a
/// phrase's first character stands (`scan::leftmost`): the first that stands there is the
/// longest, the match of the alternation `longest|…|shortest` a regex would find (its proptest
/// oracle). An unanchored automaton run over every byte of the body (a DFA, as no prefilter can
/// skip Chinese text: every phrase starts with a common lead byte) took 20 M instructions on
/// the 1 MiB mix and 5.4 M to build; an anchored automaton's search at each start character
/// (mostly the digits of the quantities themselves) ~200 instructions, most of it its setup.
static PHRASES: LazyLock<(WordTable, Starts)> =
    LazyLock::new(|| (WordTable::new(phrases_longest_first()), Starts::of(SET_PHRASES.iter().filter_map(|p| p.chars().next()))));

/// The end of the longest set phrase at `k` in `s`, if one stands there.
fn phrase_at(s: &str, k: usize) -> Option<usize> {
    let table = &PHRASES.0;
    table.at(s, k).next().map(|i| k + table.word(i).len())
}

/// The set phrases of `s`, in order, not overlapping (byte ranges): the whole walk, the oracle
/// of [`NearPhrases`].
#[cfg(test)]
fn set_phrases(s: &str) -> impl Iterator<Item = Span> + '_ {
    crate::scan::leftmost(s, &PHRASES.1, |s, i, _| phrase_at(s, i).map(|end| (end, ())))
        .map(|(found, ())| Span::new(found.start, found.end))
}

/// Every character some set phrase holds.
static PHRASE_CHARS: LazyLock<Starts> = LazyLock::new(|| Starts::of(SET_PHRASES.iter().flat_map(|p| p.chars())));

impl NearPhrases {
    fn new(body: Span) -> NearPhrases {
        NearPhrases { body, found: Vec::new(), walked_to: body.start, last_asked: body.start }
    }

    /// Whether a set phrase of the body overlaps `span` (within the body; asked in text order).
    fn overlap(&mut self, s: &str, span: Span) -> bool {
        // When no phrase can overlap the span, wherever the walk would find it, nothing is walked
        // (the walk of the next question starts from what it needs, see above).
        PHRASE_PAIRS.may_overlap(s, span) && self.walk_near(s, span)
    }

    /// The walk of `overlap`, out of line: one quantity in twenty gets here, and inlined in
    /// `keep` with the rules its registers slowed every quantity's.
    #[inline(never)]
    fn walk_near(&mut self, s: &str, span: Span) -> bool {
        if span.start < self.last_asked {
            // Asked out of order (tests): start again.
            *self = NearPhrases::new(self.body);
        }
        self.last_asked = span.start;
        let end = span.end.min(self.body.end);
        if self.walked_to < end {
            let starts = &PHRASES.1;
            let body = &s[..self.body.end];
            // Back from the span to a character no phrase holds (not before the last walk's end).
            let from = if span.start > self.walked_to {
                let head = &s[self.walked_to..span.start];
                self.walked_to + head.char_indices().rev().find(|&(_, c)| !PHRASE_CHARS.holds(c)).map_or(0, |(i, c)| i + c.len_utf8())
            } else {
                self.walked_to
            };
            let mut i = from;
            'walk: loop {
                for (k, _) in starts.within(s, i, self.body.end) {
                    if k >= end {
                        break;
                    }
                    if let Some(phrase_end) = phrase_at(body, k) {
                        self.found.push(Span::new(k, phrase_end));
                        i = phrase_end;
                        continue 'walk;
                    }
                }
                break;
            }
            self.walked_to = i.max(end);
        }
        overlaps(&self.found, span)
    }
}

/// Every pair of neighbouring characters of a set phrase, as a set of bits indexed by a hash
/// of the pair (a Bloom filter with one hash): a phrase overlapping a quantity holds a pair of
/// the text with a character of the quantity in it (every phrase has two characters at least),
/// so when none of the quantity's pairs is in the set, no phrase overlaps it. Most quantities
/// are told so in ~60 instructions; the walk of their neighbourhood ([`NearPhrases`]) cost
/// ~1,000 (5.7 M on the 1 MiB mix). A pair the hash confuses with a phrase's only sends the
/// question on to the walk.
struct PhrasePairs {
    bits: Box<[u64; PAIR_WORDS]>,
    /// Per word of `bits`: how many bits are set in the words before it (a set bit's rank finds
    /// its pairs in `phrases_of` without a search).
    ranks: Box<[u16; PAIR_WORDS]>,
    /// Per set bit, in order: where its pairs start in `phrases_of` (one more entry at the end).
    slots: Vec<u16>,
    /// Each pair with the phrases holding it and where (the byte offset of the pair's first
    /// character): a pair the bits let through is looked up here, and each such phrase compared
    /// with the text around the pair. Only a phrase that stands there sends the question on to
    /// the walk (the pairs of digits, `100` of `两个100%`, `15` of `15分钟…`, are in most figures).
    /// Grouped by bit. (A bisection over the pairs sorted was ~300 instructions a pair let through.)
    phrases_of: Vec<PairEntry>,
}

/// A pair of neighbouring characters of a set phrase: the phrase, where the pair stands in it (the
/// byte offset of its first character), and the phrase's first bytes (up to eight, as
/// `vocab::categories::eight_bytes` reads them, with their mask).
struct PairEntry {
    pair: (u32, u32),
    phrase: &'static str,
    offset: usize,
    head: u64,
    mask: u64,
}

/// 16,384 bits for the ~500 pairs of the table: about one pair in thirty is a false alarm.
const PAIR_WORDS: usize = 256;

static PHRASE_PAIRS: LazyLock<PhrasePairs> = LazyLock::new(|| {
    let mut bits = Box::new([0u64; PAIR_WORDS]);
    let mut phrases_of = Vec::new();
    for &phrase in SET_PHRASES {
        let chars: Vec<(usize, char)> = phrase.char_indices().collect();
        assert!(chars.len() >= 2, "a set phrase of one character: {phrase}");
        for w in chars.windows(2) {
            let (a, b) = (w[0].1 as u32, w[1].1 as u32);
            let bit = PhrasePairs::bit(a, b);
            bits[bit >> 6] |= 1 << (bit & 63);
            let (head, mask) = crate::vocab::categories::head_and_mask(phrase.as_bytes());
            phrases_of.push(PairEntry { pair: (a, b), phrase, offset: w[0].0, head, mask });
        }
    }
    crate::sort::stable_by_key(&mut phrases_of, |e| PhrasePairs::bit(e.pair.0, e.pair.1));
    let mut ranks = Box::new([0u16; PAIR_WORDS]);
    let mut total = 0u16;
    for (rank, word) in ranks.iter_mut().zip(bits.iter()) {
        *rank = total;
        if *word != 0 {
            total += word.count_ones() as u16;
        }
    }
    // The pairs of each set bit, in the order of the bits.
    let mut slots = Vec::new();
    let mut k = 0;
    // The set bits, word by word (not a test of each of the 16,384 bits).
    let set_bits = bits.iter().enumerate().flat_map(|(w, &word)| {
        let mut word = word;
        std::iter::from_fn(move || {
            let bit = (word != 0).then(|| w * 64 + word.trailing_zeros() as usize)?;
            word &= word - 1;
            Some(bit)
        })
    });
    for bit in set_bits {
        slots.push(k as u16);
        while phrases_of.get(k).is_some_and(|e| PhrasePairs::bit(e.pair.0, e.pair.1) == bit) {
            k += 1;
        }
    }
    slots.push(k as u16);
    PhrasePairs { bits, ranks, slots, phrases_of }
});

impl PhrasePairs {
    fn bit(a: u32, b: u32) -> usize {
        let h = (a.wrapping_mul(0x9E37_79B1) ^ b).wrapping_mul(0x85EB_CA6B);
        (h >> 18) as usize % (PAIR_WORDS * 64)
    }

    /// Whether `bit` is set: whether some pair of the phrases has it.
    #[inline]
    fn is_set(&self, bit: usize) -> bool {
        self.bits[bit >> 6] >> (bit & 63) & 1 != 0
    }

    /// The phrases' pairs that have `bit` (a set bit).
    fn sharing_the_bit(&self, bit: usize) -> &[PairEntry] {
        let word = self.bits[bit >> 6];
        let mask = 1u64 << (bit & 63);
        let rank = usize::from(self.ranks[bit >> 6]) + (word & (mask - 1)).count_ones() as usize;
        &self.phrases_of[usize::from(self.slots[rank])..usize::from(self.slots[rank + 1])]
    }

    /// Whether a set phrase stands (anywhere, found by the walk or not) over a pair of
    /// neighbouring characters with one of `span`'s in it (the characters right before and after
    /// the span included): when none does, no phrase the walk finds overlaps the span. Out of line,
    /// with the pairs whose bit is set looked at out of line again (one in ten): the loop over
    /// the pairs keeps its values in registers (inlined in `keep`'s loop, it was ~42 instructions
    /// a pair, 1 M on the 1 MiB mix).
    #[inline(never)]
    fn may_overlap(&self, s: &str, span: Span) -> bool {
        let b = s.as_bytes();
        let from = s[..span.start].char_indices().next_back().map_or(span.start, |(i, _)| i);
        let to = span.end.min(b.len());
        let (mut prev, len) = crate::scan::decode(b, from);
        let mut prev_at = from;
        let mut i = from + len;
        // Every character up to the span's end, and the one after it.
        while i < b.len() {
            let (c, len) = crate::scan::decode(b, i);
            let bit = PhrasePairs::bit(prev, c);
            if self.is_set(bit) && self.stands_over(s, prev_at, (prev, c), bit) {
                return true;
            }
            if i >= to {
                break;
            }
            (prev, prev_at) = (c, i);
            i += len;
        }
        false
    }

    /// Whether a phrase holding `pair` (whose bit, set, is `bit`) stands in `s` with the pair at
    /// byte `at`. The text's eight bytes where the phrase would start are compared with the
    /// phrase's first eight in one step (the whole phrase when it is no longer), the rest byte by
    /// byte only when they match. Bytes, not characters: a phrase (starting with a character's
    /// first byte) that stands at a byte stands at a character. Out of line: one pair in ten.
    #[inline(never)]
    fn stands_over(&self, s: &str, at: usize, pair: (u32, u32), bit: usize) -> bool {
        let b = s.as_bytes();
        self.sharing_the_bit(bit).iter().any(|entry| {
            entry.pair == pair
                && at.checked_sub(entry.offset).is_some_and(|start| {
                    crate::vocab::categories::eight_bytes(b, start) & entry.mask == entry.head
                        && (entry.phrase.len() <= 8 || b[start..].starts_with(entry.phrase.as_bytes()))
                })
        })
    }
}

fn phrases_longest_first() -> Vec<&'static str> {
    let mut phrases: Vec<&str> = SET_PHRASES.to_vec();
    crate::sort::stable_by_key(&mut phrases, |p| std::cmp::Reverse(p.len()));
    phrases
}

/// The places of two marks in `body` (each a character of three bytes), in order, each with
/// whether it is the first (`open`): a vectorised search for each mark's bytes, the two merged.
/// Chinese punctuation shares the marks' first byte (E2 / E3: every 。 and 、), and a search for
/// first bytes stopped about every forty bytes.
/// With the folding walk's notes of the characters the review acts on (`Text::acted_on`: the
/// paired marks among them, every one), the marks are read from those positions instead: the
/// four searches of the text were 1.9 M instructions of the 1 MiB mix.
fn marks_within<'s>(
    s: &'s str,
    body: Span,
    noted: Option<&'s [u32]>,
    open: &'static [u8; 3],
    close: &'static [u8; 3],
) -> impl Iterator<Item = (usize, bool)> + 's {
    match noted {
        Some(noted) => Marks::Noted(marks_noted(s, body, noted, open, close)),
        None => Marks::Searched(marks_searched(s, body, open, close)),
    }
}

/// One of two iterators of the same items.
enum Marks<A, B> {
    Noted(A),
    Searched(B),
}

impl<T, A: Iterator<Item = T>, B: Iterator<Item = T>> Iterator for Marks<A, B> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        match self {
            Marks::Noted(a) => a.next(),
            Marks::Searched(b) => b.next(),
        }
    }
}

fn marks_noted<'s>(s: &'s str, body: Span, noted: &'s [u32], open: &'static [u8; 3], close: &'static [u8; 3]) -> impl Iterator<Item = (usize, bool)> + 's {
    let first = noted.partition_point(|&at| (at as usize) < body.start);
    noted[first..].iter().map(|&at| at as usize).take_while(move |&at| at < body.end).filter_map(move |at| {
        let c = s.as_bytes().get(at..at + 3).filter(|_| at + 3 <= body.end)?;
        if c == open {
            Some((at, true))
        } else if c == close {
            Some((at, false))
        } else {
            None
        }
    })
}

fn marks_searched<'s>(s: &'s str, body: Span, open: &'static [u8; 3], close: &'static [u8; 3]) -> impl Iterator<Item = (usize, bool)> + 's {
    let b = &s.as_bytes()[body.start..body.end];
    let (mut opens, mut closes) = (memchr::memmem::find_iter(b, open).peekable(), memchr::memmem::find_iter(b, close).peekable());
    std::iter::from_fn(move || match (opens.peek(), closes.peek()) {
        (Some(&o), Some(&c)) if o < c => opens.next().map(|k| (body.start + k, true)),
        (Some(_), None) => opens.next().map(|k| (body.start + k, true)),
        _ => closes.next().map(|k| (body.start + k, false)),
    })
}

/// The UTF-8 bytes of a character of three bytes (the marks), for the searches of `marks_within`.
const fn three_bytes(c: char) -> [u8; 3] {
    assert!(c.len_utf8() == 3);
    let c = c as u32;
    [0xE0 | (c >> 12) as u8, 0x80 | (c >> 6 & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]
}

static NAME_MARKS: [[u8; 3]; 2] = [three_bytes(NAME_OPEN), three_bytes(NAME_CLOSE)];
static QUOTE_MARKS: [[u8; 3]; 2] = [three_bytes(QUOTE_OPEN), three_bytes(QUOTE_CLOSE)];

/// Whether a line ends in `s[from..to]`.
fn crosses_line(s: &str, from: usize, to: usize) -> bool {
    memchr::memchr(b'\n', &s.as_bytes()[from..to]).is_some()
}

/// The names (《…》, nested) and the short quotations (“…”, at most [`SHORT_QUOTE`] characters
/// inside, not counting 《》) of the body, each list sorted by start; neither runs across a line.
/// Only the marks are looked at, a line's end only looked for between two marks while a name or
/// quotation is open, the characters inside a quotation counted when it closes: a
/// character-by-character walk of the body cost 5 M instructions on the 1 MiB mix.
fn names_and_quotes(s: &str, body: Span, noted: Option<&[u32]>) -> (Vec<Span>, Vec<Span>) {
    let mut names = Vec::new();
    let mut open_name: Vec<usize> = Vec::new();
    let mut last = body.start;
    for (at, open) in marks_within(s, body, noted, &NAME_MARKS[0], &NAME_MARKS[1]) {
        if !open_name.is_empty() && crosses_line(s, last, at) {
            open_name.clear();
        }
        last = at;
        if open {
            open_name.push(at);
        } else if let Some(start) = open_name.pop() {
            names.push(Span::new(start, at + NAME_CLOSE.len_utf8()));
        }
    }
    crate::sort::stable(&mut names);
    let mut quotes = Vec::new();
    let mut open_quote: Option<usize> = None;
    let mut last = body.start;
    for (at, open) in marks_within(s, body, noted, &QUOTE_MARKS[0], &QUOTE_MARKS[1]) {
        if open_quote.is_some() && crosses_line(s, last, at) {
            open_quote = None;
        }
        last = at;
        if open {
            open_quote = Some(at);
        } else if let Some(start) = open_quote.take() {
            // The characters inside but the name marks, counted up to one too many.
            let inside = s[start + QUOTE_OPEN.len_utf8()..at].chars().filter(|&c| c != NAME_OPEN && c != NAME_CLOSE);
            if inside.take(SHORT_QUOTE + 1).count() <= SHORT_QUOTE {
                quotes.push(Span::new(start, at + QUOTE_CLOSE.len_utf8()));
            }
        }
    }
    (names, quotes)
}

impl<'t> Context<'t> {
    pub fn new(text: &'t Text, body: Span, outline: &Outline) -> Context<'t> {
        let s = text.norm();
        let (names, quotes) = names_and_quotes(s, body, text.acted_on());
        let phrases = RefCell::new(NearPhrases::new(body));
        let mut markers: Vec<Span> = outline.headings.iter().map(|h| h.marker).collect();
        crate::sort::stable(&mut markers);
        Context {
            s,
            names: Enclosing::new(names),
            quotes: Enclosing::new(quotes),
            phrases,
            markers,
            markers_passed: Cursor::default(),
        }
    }

    /// The text before `pos`, at most `n` characters.
    fn before(&self, pos: usize, n: usize) -> &'t str {
        let mut start = pos;
        for _ in 0..n.max(1) {
            if start == 0 {
                break;
            }
            start = crate::text::floor_char_boundary(self.s, start - 1);
        }
        &self.s[start..pos]
    }

    /// The text after `pos`, at most `n` characters.
    fn after(&self, pos: usize, n: usize) -> &'t str {
        let mut end = pos;
        for _ in 0..n {
            if end == self.s.len() {
                break;
            }
            end += 1;
            while !self.s.is_char_boundary(end) {
                end += 1;
            }
        }
        &self.s[pos..end]
    }
}

/// Whether any span of a sorted list overlaps `span`.
fn overlaps(list: &[Span], span: Span) -> bool {
    let i = list.partition_point(|p| p.end <= span.start);
    list[i..].iter().take_while(|p| p.start < span.end).any(|p| p.overlaps(span))
}

/// A list of spans sorted by start, possibly nested (names, quotations), asked in text order
/// whether one of the last eight spans starting at or before a quantity contains it: the spans
/// starting before it are counted by a cursor that moves on with the questions, not by a binary
/// search per question (two per quantity were ~450 instructions).
#[derive(Default)]
struct Enclosing {
    list: Vec<Span>,
    /// Per span: the furthest end of it and the seven spans before it. Those spans all start at or
    /// before the quantity, so one of them contains it exactly when this end reaches the
    /// quantity's end: one comparison, not eight (~250 instructions a quantity).
    reach: Vec<usize>,
    /// How many spans start at or before the start last asked about.
    passed: Cursor,
}

/// How far back `Enclosing` looks among the spans starting before a quantity: names nest a few
/// deep at most.
const ENCLOSING_LOOK_BACK: usize = 8;

/// How many spans of a sorted list are behind the position last asked about (`behind` must
/// hold for a prefix of the list), counted on from the last answer while the questions come in
/// text order (a quantity at a time), instead of a binary search per question.
#[derive(Default)]
struct Cursor {
    passed: Cell<usize>,
    asked: Cell<usize>,
}

impl Cursor {
    fn passed(&self, list: &[Span], at: usize, behind: impl Fn(&Span) -> bool) -> usize {
        // Asked out of order (tests): counted afresh.
        let mut i = if at >= self.asked.get() { self.passed.get() } else { list.partition_point(&behind) };
        while list.get(i).is_some_and(&behind) {
            i += 1;
        }
        self.passed.set(i);
        self.asked.set(at);
        i
    }
}

impl Enclosing {
    fn new(list: Vec<Span>) -> Enclosing {
        let reach = (0..list.len()).map(|i| list[i.saturating_sub(ENCLOSING_LOOK_BACK - 1)..=i].iter().map(|p| p.end).max().unwrap_or(0)).collect();
        Enclosing { list, reach, ..Enclosing::default() }
    }

    /// Whether one of the last [`ENCLOSING_LOOK_BACK`] spans starting at or before `span` contains it.
    fn contains(&self, span: Span) -> bool {
        let i = self.passed.passed(&self.list, span.start, |p| p.start <= span.start);
        i > 0 && self.reach[i - 1] >= span.end
    }
}

/// The quantities that state facts, in text order.
pub fn keep<'c>(ctx: &'c Context, quantities: impl Iterator<Item = Quantity> + 'c) -> impl Iterator<Item = Quantity> + 'c {
    // One quantity of look-ahead: a slogan pair is two neighbours (issue 15: no list of every
    // quantity of the text is held). The quantity and the next one lie in two slots that swap
    // roles, judged where they lie: a quantity is moved once more, when it is returned (through
    // `Peekable` it was moved three times, ~100 instructions a quantity).
    let mut quantities = quantities;
    let mut slots: [Option<Quantity>; 2] = [None, None];
    let mut started = false;
    let mut here_first = true;
    let mut paired_with_previous = false;
    std::iter::from_fn(move || loop {
        let [first, second] = &mut slots;
        if !started {
            *first = quantities.next();
            started = true;
        }
        let (here, ahead) = if here_first { (first, second) } else { (second, first) };
        let q = here.as_ref()?;
        *ahead = quantities.next();
        here_first = !here_first;
        let paired_with_next = ahead.as_ref().is_some_and(|next| slogan_pair(q, next));
        let slogan = paired_with_previous || paired_with_next;
        paired_with_previous = paired_with_next;
        if verdict(ctx, q, slogan).is_none() {
            return here.take();
        }
    })
}

/// Every quantity with the reason it is not a figure (`None`: it is one), in text order.
#[cfg(test)]
pub fn judge(ctx: &Context, quantities: &[Quantity]) -> Vec<Option<Rejection>> {
    let slogans = slogan_pairs(quantities);
    quantities.iter().zip(slogans).map(|(q, slogan)| verdict(ctx, q, slogan)).collect()
}

fn verdict(ctx: &Context, q: &Quantity, slogan: bool) -> Option<Rejection> {
    if slogan {
        Some(Rejection::SloganPair)
    } else {
        reject(ctx, q)
    }
}

#[cfg(test)]
fn slogan_pairs(quantities: &[Quantity]) -> Vec<bool> {
    let mut slogan = vec![false; quantities.len()];
    for i in 1..quantities.len() {
        if slogan_pair(&quantities[i - 1], &quantities[i]) {
            slogan[i - 1] = true;
            slogan[i] = true;
        }
    }
    slogan
}

/// `3个100%`, `两个100%`: a count of 个 glued to a full percentage is a slogan; both go.
fn slogan_pair(a: &Quantity, b: &Quantity) -> bool {
    a.unit == SLOGAN_COUNT_UNIT && a.span.end == b.span.start && b.kind == MetricKind::Percent && b.value == 100.0
}

/// The text around one quantity that the rules read, as bytes: the quantity's positions are at
/// characters' boundaries, and a slice of the `str` checked both its ends (~20 instructions a
/// slice, four a quantity, for rules that mostly compare bytes or read nothing); the rules that
/// read characters slice `s` where they need to.
struct Around<'t> {
    /// The whole text.
    s: &'t str,
    /// The number alone.
    number: &'t [u8],
    /// Approximation words before the number (`近`, `超过`).
    pre: &'t [u8],
    /// The text before the number and after the quantity, whole: the rules compare words of at
    /// most [`AROUND_CHARS`] characters with its end and start (the test `rule_words_fit_the_window`),
    /// which is what they would find in that many characters, without counting the characters.
    head: &'t [u8],
    rest: &'t [u8],
    prev_char: Option<char>,
}

/// How many characters around a quantity the rules read.
const AROUND_CHARS: usize = 6;

impl<'t> Around<'t> {
    /// The character right before the number: the one before the quantity, unless approximation
    /// words stand between.
    fn char_before_number(&self) -> Option<char> {
        if self.pre.is_empty() {
            self.prev_char
        } else {
            self.s[..self.head.len()].chars().next_back()
        }
    }

    /// The text after the quantity, as a `str`.
    fn rest_str(&self) -> &'t str {
        &self.s[self.s.len() - self.rest.len()..]
    }
}

/// Why a quantity is not a metric, or `None` when it is one. The rules, in the order they are
/// tried (the first that applies names the reason), are called one after the other, not
/// through a table of function pointers: the small ones are inlined.
pub fn reject(ctx: &Context, q: &Quantity) -> Option<Rejection> {
    let s = ctx.s;
    let b = s.as_bytes();
    let a = &Around {
        s,
        number: &b[q.number.range()],
        pre: &b[q.span.start..q.number.start],
        head: &b[..q.number.start],
        rest: &b[q.span.end..],
        prev_char: s[..q.span.start].chars().next_back(),
    };
    redacted(ctx, q, a)
        .or_else(|| code(ctx, q, a))
        .or_else(|| document_number(ctx, q, a))
        .or_else(|| year(ctx, q, a))
        .or_else(|| time_frame(ctx, q, a))
        .or_else(|| day_of_month(ctx, q, a))
        .or_else(|| ordinal(ctx, q, a))
        .or_else(|| enclosed(ctx, q, a))
        .or_else(|| set_phrase(ctx, q, a))
        .or_else(|| heading_marker(ctx, q, a))
        .or_else(|| unit_starts_word(ctx, q, a))
        .or_else(|| plan_name(ctx, q, a))
        .or_else(|| numeral_in_word(ctx, q, a))
}

/// A figure blanked out in a published copy: `罚没款(略)5万元`, `(略)3件`.
fn redacted(_: &Context, _: &Quantity, a: &Around) -> Option<Rejection> {
    a.head.ends_with(REDACTION.as_bytes()).then_some(Rejection::Redacted)
}

/// Codes, identifiers and formulas: a number glued to Latin letters, digits or code
/// punctuation (`PM2.5`, `ICP备…`, `7×24小时`, `*次`), or written with a leading zero (`0716`).
fn code(_: &Context, _: &Quantity, a: &Around) -> Option<Rejection> {
    // Every mark is below U+0100 (a test says so): a Chinese character before the number is told
    // by one comparison, not one per mark.
    let glued = a.prev_char.is_some_and(|c| u32::from(c) < 0x100 && (c.is_ascii_alphanumeric() || CODE_MARKS_BEFORE.contains(&c)));
    let leading_zero = a.number.len() > 1 && a.number[0] == b'0' && !a.number.starts_with(b"0.");
    // The marks after are ASCII (a test says so): compared as bytes.
    let continued = matches!(a.rest, [mark, digit, ..] if CODE_MARKS_AFTER.contains(&char::from(*mark)) && digit.is_ascii_digit());
    (glued || leading_zero || continued).then_some(Rejection::Code)
}

/// Document numbers: `〔2019〕…`, `[2019]`.
fn document_number(_: &Context, _: &Quantity, a: &Around) -> Option<Rejection> {
    a.prev_char.is_some_and(|c| DOCUMENT_NUMBER_BRACKETS.contains(&c)).then_some(Rejection::DocumentNumber)
}

/// Years, in digits or 〇-numerals, alone or as a range: `2022年`, `2022年度`, `2021—2025年`, `二〇一九年`.
fn year(_: &Context, q: &Quantity, a: &Around) -> Option<Rejection> {
    (q.unit == YEAR_UNIT && is_year(&a.s[q.number.range()], q.value)).then_some(Rejection::Year)
}

/// A time frame, not a length: `近3年`, `最近三年`, `过去五年`, `未来5年`.
fn time_frame(_: &Context, q: &Quantity, a: &Around) -> Option<Rejection> {
    // The kind first: the words are looked for only before a duration.
    if q.kind != MetricKind::Duration {
        return None;
    }
    let framed = a.pre == TIME_FRAME_APPROX.as_bytes() || TIME_FRAME_BEFORE.iter().any(|w| a.head.ends_with(w.as_bytes()));
    (framed && !a.rest_str().starts_with(TIME_FRAME_STAYS_LENGTH_AFTER)).then_some(Rejection::TimeFrame)
}

/// Dates: `9月14日`, `每月1至15日`, `23日`. 日 is a length only when the text says so
/// (`3日内`, `为期5日`, `压缩至15日`).
fn day_of_month(_: &Context, q: &Quantity, a: &Around) -> Option<Rejection> {
    if q.unit != DAY_UNIT {
        return None;
    }
    let date = a.char_before_number() == Some(MONTH) || !day_is_duration(a.head, a.rest, q.value);
    date.then_some(Rejection::Date)
}

/// Ordinals and ranks: `第八次`, `第二批`, `第10名`, `十七届三次`, `前10名`.
fn ordinal(_: &Context, q: &Quantity, a: &Around) -> Option<Rejection> {
    let before = a.char_before_number()?;
    let rank = RANK_BEFORE.contains(&before) && RANK_UNITS.contains(&q.unit);
    (ORDINAL_BEFORE.contains(&before) || rank).then_some(Rejection::Ordinal)
}

/// Names of laws, plans and documents (anything inside 《》), and slogans and day names in
/// short quotations (`“一件事”`, `“5.12”`).
fn enclosed(ctx: &Context, q: &Quantity, _: &Around) -> Option<Rejection> {
    if ctx.names.contains(q.span) {
        Some(Rejection::Name)
    } else if ctx.quotes.contains(q.span) {
        Some(Rejection::QuotedSlogan)
    } else {
        None
    }
}

/// Set phrases from the table: 三重一大, 两个100%, 1+4+N, 24小时值班 …
fn set_phrase(ctx: &Context, q: &Quantity, _: &Around) -> Option<Rejection> {
    ctx.phrases.borrow_mut().overlap(ctx.s, q.span).then_some(Rejection::SetPhrase)
}

/// Heading markers (`1.3个` at a heading start would read the marker as a number).
fn heading_marker(ctx: &Context, q: &Quantity, _: &Around) -> Option<Rejection> {
    // The markers passed are counted by a cursor that moves on with the questions, not by a
    // binary search over every heading's marker per quantity (the markers do not overlap).
    let span = q.number;
    let markers = &ctx.markers;
    let i = ctx.markers_passed.passed(markers, span.start, |m| m.end <= span.start);
    markers[i..].iter().take_while(|m| m.start < span.end).any(|m| m.overlaps(span)).then_some(Rejection::HeadingMarker)
}

/// The unit starts another word: `5部门`, `一次性`, `10周年`, `18周岁`, `3单位`.
fn unit_starts_word(_: &Context, q: &Quantity, a: &Around) -> Option<Rejection> {
    // Each word's last byte compared first: most words compared fail on it, without a call of
    // memcmp (a unit has up to nine words).
    let rest = a.rest;
    let starts = |w: &&str| rest.get(w.len().wrapping_sub(1)) == w.as_bytes().last() && rest.starts_with(w.as_bytes());
    (q.unit_blockers.iter().any(starts) && q.unit != PERCENT_UNIT).then_some(Rejection::UnitStartsWord)
}

/// A duration that names a plan or campaign (`三年行动`, `五年规划`). (A phase, `一期工程`,
/// is the unit starting a word: `vocab::units::UNIT_BLOCKERS`.)
fn plan_name(ctx: &Context, q: &Quantity, _: &Around) -> Option<Rejection> {
    if q.kind != MetricKind::Duration {
        return None;
    }
    let clause_after = ctx.after(q.span.end, AROUND_CHARS).split(CLAUSE_MARKS).next().unwrap_or("");
    PLAN_WORDS.iter().any(|w| clause_after.contains(w)).then_some(Rejection::PlanName)
}

/// Chinese numerals inside words (统一, 唯一, 之一 …) and the lone 一 that is the article
/// "a" (`一批`, `一个平台`, `一次办`, `成熟一批整合一批`): it counts only when it closes
/// the phrase (`救援队伍一支;`, `宣传片一期。`) and is not one of a repeated pair.
fn numeral_in_word(ctx: &Context, q: &Quantity, a: &Around) -> Option<Rejection> {
    if !q.chinese || q.range {
        return None;
    }
    if a.prev_char.is_some_and(|c| NUMERAL_IN_WORD_BEFORE.contains(c)) && a.pre.is_empty() {
        return Some(Rejection::NumeralInWord);
    }
    if a.number != INDEFINITE_ONE.as_bytes() {
        return None;
    }
    if q.kind != MetricKind::Count {
        return Some(Rejection::IndefiniteOne);
    }
    let unit_written = &ctx.s[q.unit_span.range()];
    let rest = a.rest_str();
    let closes = rest.is_empty() || rest.starts_with(CLOSES_PHRASE);
    // `一` + the unit written again nearby (no copy of the pair: the formatting machinery was
    // half a kilobyte of wasm here).
    let holds_pair = |window: &str| window.match_indices(INDEFINITE_ONE).any(|(i, one)| window[i + one.len()..].starts_with(unit_written));
    let repeated = holds_pair(ctx.after(q.span.end, 8)) || holds_pair(ctx.before(q.span.start, 8));
    (!closes || repeated).then_some(Rejection::IndefiniteOne)
}

/// A four-digit plausible year (`vocab::dates::PLAUSIBLE_YEARS`), in digits or 〇-numerals, or a range of them.
fn is_year(number: &str, value: f64) -> bool {
    // The value first: most lengths in 年 (`3年`) are no plausible year, and their shape is not
    // read. (A whole value in the years' range is the year it converts to.)
    let year = value as i32;
    if !(crate::vocab::dates::plausible_year(year) && f64::from(year) == value) {
        return false;
    }
    // The first number of a range is four digits when they are followed by a separator or nothing
    // (no digit is a separator).
    let b = number.as_bytes();
    if b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) {
        return number[4..].chars().next().is_none_or(|c| RANGE_SEPARATORS.contains(&c));
    }
    let first = number.split(RANGE_SEPARATORS).next().unwrap_or("");
    first.chars().count() == 4 && is_digit_run(first, Flavor::Strict)
}

/// Whether `N日` is a length of time rather than a day of the month.
fn day_is_duration(before: &[u8], after: &[u8], value: f64) -> bool {
    value > 31.0 || DAY_LENGTH_AFTER.iter().any(|w| after.starts_with(w.as_bytes())) || DAY_LENGTH_BEFORE.iter().any(|w| before.ends_with(w.as_bytes()))
}

#[cfg(test)]
mod tests;
