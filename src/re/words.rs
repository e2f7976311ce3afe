//! Word lists found by their first character, and sets of punctuation found by a byte search:
//! the matching the figures' stages do per figure, on short phrases, or once over the text.
//!
//! A phrase before or after a figure is a few dozen bytes, and the stages look in it for words
//! of a table (verbs, totals, stop words, category keywords, units). An Aho-Corasick automaton
//! per search (overlapping, to keep "first in table order") cost ~500 instructions a phrase,
//! mostly in setting up the search; here each character of the phrase is looked up in a bit set
//! of the words' first characters, and only the words that start with it are compared. The
//! automata are the oracles of the tests below.

/// Indices of a list grouped by a character of each item (a word's first or last): a bit set of
/// the characters (a character without items is told by one bit test) and, per block of 64 code
/// points that holds some of them, a row giving where each character's items lie, so that a
/// character's items are found by two table reads, not a search. (Their place was counted from
/// the bit set, a population count per look-up: in software on the baseline x86-64 the native
/// build targets, ~15 instructions, on some 80,000 look-ups of the 1 MiB mix.)
pub struct CharIndex {
    bits: Box<[u64; BLOCKS]>,
    /// Per block of 64 code points: the index of its row in `rows` (0, a row of zeros, for a block
    /// without any of the characters).
    blocks: Box<[u16; BLOCKS]>,
    /// Per row, per code point of its block: where the character's items lie in `order`, as
    /// `start << 16 | end` (0 for a character without items).
    rows: Vec<[u32; 64]>,
    /// The items' indices, grouped by character, in list order within a group.
    order: Vec<u16>,
}

const BLOCKS: usize = 0x10000 / 64;

/// The index of the row of each block that holds some of the characters `bits` has, as `blocks`
/// and `rows` of [`CharIndex`] and [`CharFlags`] keep them (row 0 is the row of zeros of the
/// blocks without any), and how many rows that makes.
fn rows_of(bits: &[u64; BLOCKS]) -> (Box<[u16; BLOCKS]>, usize) {
    let mut blocks = Box::new([0u16; BLOCKS]);
    let mut rows = 1;
    for (row, &word) in blocks.iter_mut().zip(bits.iter()) {
        if word != 0 {
            *row = u16::try_from(rows).expect("at most 1,024 rows");
            rows += 1;
        }
    }
    (blocks, rows)
}

impl CharIndex {
    /// `keys[i]` is the character of item `i` (None: the item is in no group); all in the BMP.
    pub fn new(keys: &[Option<char>]) -> CharIndex {
        assert!(keys.len() < usize::from(u16::MAX), "at most 65,534 items");
        let mut bits = Box::new([0u64; BLOCKS]);
        for &c in keys.iter().flatten() {
            assert!((c as usize) < 0x10000, "a character outside the BMP");
            bits[c as usize >> 6] |= 1 << (c as usize & 63);
        }
        let (blocks, rows) = rows_of(&bits);
        // The items grouped by a counting sort, in the rows: each character's count, then where
        // its items start (their running sums, the characters in code point order), then each
        // item put at its character's next place, in list order, which leaves each character's
        // end. (A list per character was a heap allocation each: most of a table's build, 1.1 M
        // instructions of the seventeen tables' on the 1 MiB mix.)
        let mut rows = vec![[0u32; 64]; rows];
        let place = |c: char| (usize::from(blocks[c as usize >> 6]), c as usize & 63);
        for &c in keys.iter().flatten() {
            let (row, k) = place(c);
            rows[row][k] += 1;
        }
        let mut start = 0u32;
        for (&word, &row) in bits.iter().zip(blocks.iter()) {
            // The set bits, lowest first.
            let mut rest = word;
            while rest != 0 {
                let span = &mut rows[usize::from(row)][rest.trailing_zeros() as usize];
                let count = *span;
                *span = start << 16 | start;
                start += count;
                rest &= rest - 1;
            }
        }
        let mut order = vec![0u16; start as usize];
        for (i, c) in keys.iter().enumerate() {
            if let &Some(c) = c {
                let (row, k) = place(c);
                let span = &mut rows[row][k];
                order[(*span & 0xFFFF) as usize] = i as u16;
                *span += 1;
            }
        }
        CharIndex { bits, blocks, rows, order }
    }

    /// Whether `c` (a code point) is one of the characters.
    #[inline]
    fn has(&self, c: u32) -> bool {
        let c = c as usize;
        self.bits.get(c >> 6).is_some_and(|&word| word >> (c & 63) & 1 != 0)
    }

    /// The first character from byte `i` of valid UTF-8 that has items: its position, code point
    /// and length. A character without items is passed over by a bit test on its bytes (a Chinese
    /// character's three bytes index its bit directly, as in `scan::Starts`), not decoded: most
    /// characters of a phrase start no word of a table.
    #[inline]
    pub fn next_key(&self, b: &[u8], mut i: usize) -> Option<(usize, u32, usize)> {
        loop {
            let lead = *b.get(i)?;
            if let [0xE0..=0xEF, b1, b2, ..] = b[i..] {
                let block = usize::from(lead & 0x0F) << 6 | usize::from(b1 & 0x3F);
                if self.bits[block] >> (b2 & 0x3F) & 1 != 0 {
                    return Some((i, (block as u32) << 6 | u32::from(b2 & 0x3F), 3));
                }
                i += 3;
            } else {
                let (c, len) = crate::scan::decode(b, i);
                if self.has(c) {
                    return Some((i, c, len));
                }
                i += len;
            }
        }
    }

    /// The indices of the items of character `c` (a code point), in list order. The bit set is
    /// asked first: most characters asked about have no items.
    #[inline]
    pub fn of(&self, c: u32) -> &[u16] {
        if !self.has(c) {
            return &[];
        }
        let c = c as usize;
        let span = self.rows[usize::from(self.blocks[c >> 6])][c & 63];
        self.order.get((span >> 16) as usize..(span & 0xFFFF) as usize).unwrap_or(&[])
    }
}

/// Flags per character (a few dozen characters of the Basic Multilingual Plane): which of several
/// lists a character is in, read from a row per block of 64 code points (two table reads), not
/// found by a comparison with each character of each list in turn.
pub struct CharFlags {
    /// Per block of 64 code points: the index of its row in `rows` (0, a row of zeros).
    blocks: Box<[u16; BLOCKS]>,
    /// Per row, per code point of its block: its flags.
    rows: Vec<[u16; 64]>,
}

impl CharFlags {
    /// `entries` pairs a character with flags; a character given more than once has them all.
    pub fn new(entries: Vec<(char, u16)>) -> CharFlags {
        let mut bits = Box::new([0u64; BLOCKS]);
        for &(c, _) in &entries {
            assert!((c as usize) < 0x10000, "a character outside the BMP");
            bits[c as usize >> 6] |= 1 << (c as usize & 63);
        }
        let (blocks, rows) = rows_of(&bits);
        let mut rows = vec![[0u16; 64]; rows];
        for (c, flags) in entries {
            rows[usize::from(blocks[c as usize >> 6])][c as usize & 63] |= flags;
        }
        CharFlags { blocks, rows }
    }

    /// The flags of the character `c` (a code point; 0 for one in no list).
    #[inline]
    pub fn of(&self, c: u32) -> u16 {
        let c = c as usize;
        self.blocks.get(c >> 6).map_or(0, |&row| self.rows[usize::from(row)][c & 63])
    }
}

/// A table of words (in the Basic Multilingual Plane, none empty), indexed by first character
/// ([`CharIndex`]), each word compared only past its first character.
pub struct WordTable {
    words: Vec<&'static str>,
    by_first: CharIndex,
    longest: usize,
}

impl WordTable {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> WordTable {
        let words: Vec<&'static str> = words.into_iter().collect();
        let firsts: Vec<Option<char>> = words.iter().map(|w| w.chars().next()).collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        WordTable { by_first: CharIndex::new(&firsts), words, longest }
    }

    /// The word with index `i`.
    pub fn word(&self, i: usize) -> &'static str {
        self.words[i]
    }

    /// The indices of the words starting with the character `c`, in table order.
    #[inline]
    fn starting_with(&self, c: u32) -> &[u16] {
        self.by_first.of(c)
    }

    /// Whether word `i` stands at `rest` (whose first character, `first` bytes long, is known
    /// to be the word's).
    #[inline]
    fn stands_at(&self, i: usize, rest: &[u8], first: usize) -> bool {
        let w = self.words[i].as_bytes();
        rest.len() >= w.len() && w[first..].iter().zip(&rest[first..]).all(|(a, b)| a == b)
    }

    /// The words `s[at..]` starts with, as indices in table order (none when `at` is no
    /// character boundary of `s`).
    pub fn at<'a>(&'a self, s: &'a str, at: usize) -> impl Iterator<Item = usize> + 'a {
        let rest = s.get(at..).unwrap_or("").as_bytes();
        let (candidates, first) = match decode(rest, 0) {
            Some((c, len)) => (self.starting_with(c), len),
            None => (&[][..], 0),
        };
        candidates.iter().map(|&i| usize::from(i)).filter(move |&i| self.stands_at(i, rest, first))
    }

    /// The longest word `b[at..]` starts with (the first in table order of the longest), as its
    /// length in bytes and index, given the character there (`c`, `len` bytes long, from
    /// `scan::decode`): one loop over the words starting with it.
    #[inline]
    pub fn longest_at(&self, b: &[u8], at: usize, c: u32, len: usize) -> Option<(usize, usize)> {
        let rest = &b[at..];
        let mut best: Option<(usize, usize)> = None;
        for &i in self.starting_with(c) {
            let i = usize::from(i);
            let w = self.words[i].len();
            if best.is_none_or(|(best_len, _)| w > best_len) && self.stands_at(i, rest, len) {
                best = Some((w, i));
            }
        }
        best
    }

    /// Every occurrence of every word in `s`, overlapping: `(start, end, index)`, by start, and
    /// at one start in table order.
    pub fn occurrences<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let b = s.as_bytes();
        let mut next = 0;
        let (mut at, mut first) = (0, 0);
        let mut pending: &[u16] = &[];
        std::iter::from_fn(move || loop {
            while let Some((&i, rest)) = pending.split_first() {
                pending = rest;
                let i = usize::from(i);
                if self.stands_at(i, &b[at..], first) {
                    return Some((at, at + self.words[i].len(), i));
                }
            }
            let (k, c, len) = self.by_first.next_key(b, next)?;
            (at, first) = (k, len);
            next = k + len;
            pending = self.starting_with(c);
        })
    }

    /// Whether `w` is one of the words.
    pub fn holds(&self, w: &str) -> bool {
        w.len() <= self.longest && decode(w.as_bytes(), 0).is_some_and(|(c, _)| self.starting_with(c).iter().any(|&i| self.words[usize::from(i)] == w))
    }
}

/// The character starting at byte `i` of valid UTF-8 and its length (`scan::decode`); None at the end.
#[inline(always)]
fn decode(b: &[u8], i: usize) -> Option<(u32, usize)> {
    (i < b.len()).then(|| crate::scan::decode(b, i))
}

/// A set of characters found by a vectorised byte search (memchr, three bytes at a time) for
/// their first bytes, each hit compared whole, not by a decoding of every character as
/// `str::find(&[char])` does. Meant for punctuation, whose first bytes (ASCII, or the lead bytes
/// E2/E3 of general and CJK punctuation) are rare in Chinese text.
pub struct CharSet {
    /// Each character's UTF-8 bytes and their count.
    chars: Vec<([u8; 4], usize)>,
    /// The distinct first bytes, three at a time (memchr3's reach).
    firsts: Vec<Vec<u8>>,
}

impl CharSet {
    pub fn new(set: &[char]) -> CharSet {
        let chars: Vec<([u8; 4], usize)> = set
            .iter()
            .map(|c| {
                let mut buf = [0; 4];
                let len = c.encode_utf8(&mut buf).len();
                (buf, len)
            })
            .collect();
        let mut distinct: Vec<u8> = Vec::new();
        for (bytes, _) in &chars {
            if !distinct.contains(&bytes[0]) {
                distinct.push(bytes[0]);
            }
        }
        CharSet { chars, firsts: distinct.chunks(3).map(<[u8]>::to_vec).collect() }
    }

    /// The first position in `hay` of a character of the set.
    pub fn find(&self, hay: &str) -> Option<usize> {
        let b = hay.as_bytes();
        let mut best: Option<usize> = None;
        for firsts in &self.firsts {
            // Only what lies before the best hit so far can be better.
            let within = &b[..best.unwrap_or(b.len())];
            let found_at = |&i: &usize| self.chars.iter().any(|(bytes, len)| within[i..].starts_with(&bytes[..*len]));
            let hit = match firsts[..] {
                [x] => memchr::memchr_iter(x, within).find(found_at),
                [x, y] => memchr::memchr2_iter(x, y, within).find(found_at),
                [x, y, z] => memchr::memchr3_iter(x, y, z, within).find(found_at),
                _ => None,
            };
            best = hit.or(best);
        }
        best
    }

    /// Whether `hay` holds a character of the set.
    pub fn in_text(&self, hay: &str) -> bool {
        self.find(hay).is_some()
    }
}

/// The byte positions of the characters of `set` in `s`, in order (u32: none past 4 GiB,
/// which input validation never lets in): a vectorised search per character (memchr for the
/// ASCII ones, three at a time; memmem for the others), the lists merged.
pub fn positions_of(s: &str, set: &[char]) -> Vec<u32> {
    let b = s.as_bytes();
    let to_u32 = |i: usize| u32::try_from(i).ok();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    let ascii: Vec<u8> = set.iter().filter(|c| c.is_ascii()).map(|&c| c as u8).collect();
    for chunk in ascii.chunks(3) {
        let found: Vec<u32> = match *chunk {
            [x] => memchr::memchr_iter(x, b).map_while(to_u32).collect(),
            [x, y] => memchr::memchr2_iter(x, y, b).map_while(to_u32).collect(),
            [x, y, z] => memchr::memchr3_iter(x, y, z, b).map_while(to_u32).collect(),
            _ => Vec::new(),
        };
        lists.push(found);
    }
    for c in set.iter().filter(|c| !c.is_ascii()) {
        let mut buf = [0; 4];
        lists.push(memchr::memmem::find_iter(b, c.encode_utf8(&mut buf).as_bytes()).map_while(to_u32).collect());
    }
    let mut merged = lists.pop().unwrap_or_default();
    for list in lists {
        merged = merge(&merged, &list);
    }
    merged
}

/// Two sorted lists as one, sorted (both keep their duplicates; of equal items, `a`'s first).
pub fn merge<T: Copy + Ord>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    const WORDS: &[&str] = &["共", "共计", "公共", "计", "办结", "办", "结案", "案", "a", "ab", "b", "共"];

    fn pieces() -> Vec<&'static str> {
        vec!["共", "计", "公", "办", "结", "案", "a", "b", "x", "。", "\n", ";", "、", "等", ",", "é", "𠀀", " "]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The occurrences are the overlapping automaton's matches (each start, end and word), in
        /// the order of their starts; `at` finds those of one start.
        #[test]
        fn occurrences_are_the_automatons_matches(text in crate::scan::oracle::texts(pieces(), 24)) {
            let table = WordTable::new(WORDS.iter().copied());
            let automaton = AhoCorasick::builder().match_kind(MatchKind::Standard).build(WORDS).unwrap();
            let mut want: Vec<(usize, usize, usize)> =
                automaton.find_overlapping_iter(&text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect();
            want.sort();
            let mut got: Vec<(usize, usize, usize)> = table.occurrences(&text).collect();
            let starts: Vec<usize> = got.iter().map(|o| o.0).collect();
            proptest::prop_assert!(starts.windows(2).all(|w| w[0] <= w[1]));
            got.sort();
            proptest::prop_assert_eq!(&got, &want);
            for at in 0..=text.len() {
                let at_here: Vec<usize> = table.at(&text, at).collect();
                let mut want_here: Vec<usize> = want.iter().filter(|o| o.0 == at).map(|o| o.2).collect();
                want_here.sort();
                proptest::prop_assert_eq!(&at_here, &want_here);
                if text.is_char_boundary(at) && at < text.len() {
                    // The longest word there, the first of the longest in table order.
                    let (c, len) = crate::scan::decode(text.as_bytes(), at);
                    let longest = at_here.iter().map(|&i| (WORDS[i].len(), i)).fold(None, |best: Option<(usize, usize)>, (len, i)| match best {
                        Some((best_len, _)) if best_len >= len => best,
                        _ => Some((len, i)),
                    });
                    proptest::prop_assert_eq!(table.longest_at(text.as_bytes(), at, c, len), longest);
                }
            }
            for w in WORDS.iter().chain(&["", "共计划", "公", "abc"]) {
                proptest::prop_assert_eq!(table.holds(w), WORDS.contains(w));
            }
        }

        /// A character's items are the keys naming it, in list order (the counting sort against a
        /// filter of the keys).
        #[test]
        fn a_characters_items_are_its_keys(keys in proptest::collection::vec(proptest::option::of(proptest::sample::select(vec!['a', '共', '计', '%', 'μ', '〇', '\u{FFFF}', '\0'])), 0..40)) {
            let index = CharIndex::new(&keys);
            for c in ['a', 'b', '共', '计', '%', 'μ', '〇', '\u{FFFF}', '\0', '二'] {
                let want: Vec<u16> = keys.iter().enumerate().filter(|(_, k)| **k == Some(c)).map(|(i, _)| i as u16).collect();
                proptest::prop_assert_eq!(index.of(c as u32), &want[..], "{:?}", c);
            }
        }

        /// A character's flags are those of every entry that names it.
        #[test]
        fn flags_are_those_of_the_entries(entries in proptest::collection::vec((proptest::sample::select(vec!['a', '共', '计', '%', 'μ', '〇', '一', '零']), 0u16..16), 0..12)) {
            let flags = CharFlags::new(entries.clone());
            for c in ['a', 'b', '共', '计', '%', 'μ', '〇', '一', '零', '二', '\u{FFFF}'] {
                let want = entries.iter().filter(|(e, _)| *e == c).fold(0, |all, (_, f)| all | f);
                proptest::prop_assert_eq!(flags.of(c as u32), want, "{}", c);
            }
            proptest::prop_assert_eq!(flags.of(0x10000), 0);
            proptest::prop_assert_eq!(flags.of(u32::MAX), 0);
        }

        /// The byte searches answer as the character scans they replace.
        #[test]
        fn punctuation_found_as_a_character_scan_finds_it(text in crate::scan::oracle::texts(pieces(), 30)) {
            for set in [&['。', '\n', ';'][..], &['。', '\n', '!', '?'], &['等', ',', ';', ')'], &['('], &[], &['a', 'b', 'x', '。', ' ']] {
                let chars = CharSet::new(set);
                proptest::prop_assert_eq!(chars.in_text(&text), text.contains(set));
                proptest::prop_assert_eq!(chars.find(&text), text.find(set));
                let want: Vec<u32> = text.char_indices().filter(|(_, c)| set.contains(c)).map(|(i, _)| i as u32).collect();
                proptest::prop_assert_eq!(positions_of(&text, set), want);
            }
        }
    }
}
