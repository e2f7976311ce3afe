//! Word lists found by their first character, and sets of punctuation found by a byte search:
//! the matching the figures' stages do per figure, on short phrases, or once over the text.
//!
//! A phrase before or after a figure is a few dozen bytes, and the stages look in it for words
//! of a table (verbs, totals, stop words, category keywords, units). An Aho-Corasick automaton
//! per search (overlapping, to keep "first in table order") cost ~500 instructions a phrase
//! mostly in setting up the search; here the phrase's characters are passed over by the shared
//! start-character walk (`scan::Starts`: two bytes looked at per Chinese character) and only
//! the words that start with a character met are compared. The automata are the oracles of the
//! tests below.

use crate::scan::Starts;

/// A table of words (in the Basic Multilingual Plane, none empty), indexed by first character.
pub struct WordTable {
    words: Vec<&'static str>,
    firsts: Starts,
    /// Each first character with the indices of its words, in table order; sorted by character.
    by_first: Vec<(char, Vec<usize>)>,
    longest: usize,
}

impl WordTable {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> WordTable {
        let words: Vec<&'static str> = words.into_iter().collect();
        let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(c) = w.chars().next() else { continue };
            match by_first.iter_mut().find(|(k, _)| *k == c) {
                Some((_, list)) => list.push(i),
                None => by_first.push((c, vec![i])),
            }
        }
        crate::sort::stable_by_key(&mut by_first, |(c, _)| *c);
        let firsts = Starts::of(by_first.iter().map(|(c, _)| *c));
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        WordTable { words, firsts, by_first, longest }
    }

    /// The word with index `i`.
    pub fn word(&self, i: usize) -> &'static str {
        self.words[i]
    }

    /// The indices of the words starting with `c`, in table order.
    fn starting_with(&self, c: char) -> &[usize] {
        if !self.firsts.holds(c) {
            return &[];
        }
        self.by_first.binary_search_by_key(&c, |(k, _)| *k).map_or(&[], |i| &self.by_first[i].1)
    }

    /// The words `s[at..]` starts with, as indices in table order (none when `at` is no
    /// character boundary of `s`).
    pub fn at<'a>(&'a self, s: &'a str, at: usize) -> impl Iterator<Item = usize> + 'a {
        let rest = s.get(at..).unwrap_or("");
        let candidates = rest.chars().next().map_or(&[][..], |c| self.starting_with(c));
        candidates.iter().copied().filter(move |&i| rest.starts_with(self.words[i]))
    }

    /// Every occurrence of every word in `s`, overlapping: `(start, end, index)`, by start, and
    /// at one start in table order.
    pub fn occurrences<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.firsts.within(s, 0, s.len()).flat_map(move |(at, c)| {
            let rest = &s[at..];
            self.starting_with(c).iter().filter(move |&&i| rest.starts_with(self.words[i])).map(move |&i| (at, at + self.words[i].len(), i))
        })
    }

    /// Whether `w` is one of the words.
    pub fn holds(&self, w: &str) -> bool {
        w.len() <= self.longest && w.chars().next().is_some_and(|c| self.starting_with(c).iter().any(|&i| self.words[i] == w))
    }
}

/// Whether `hay` holds any of the characters of `set`: a vectorised byte search (memchr, three
/// bytes at a time) for their first bytes, each hit compared whole, not a decoding of every
/// character as `str::contains(&[char])` does. Meant for punctuation, whose first bytes (ASCII,
/// or the lead bytes E2/E3 of general and CJK punctuation) are rare in Chinese text.
pub fn contains_any(hay: &str, set: &[char]) -> bool {
    let b = hay.as_bytes();
    let mut firsts = [0u8; 3];
    let mut n = 0;
    let found_at = |i: usize| set.iter().any(|&c| {
        let mut buf = [0; 4];
        b[i..].starts_with(c.encode_utf8(&mut buf).as_bytes())
    });
    let mut chars = set.iter().peekable();
    while let Some(&c) = chars.next() {
        let mut buf = [0; 4];
        let first = c.encode_utf8(&mut buf).as_bytes()[0];
        if !firsts[..n].contains(&first) {
            firsts[n] = first;
            n += 1;
        }
        if n == 3 || chars.peek().is_none() {
            let hit = match firsts[..n] {
                [x] => memchr::memchr_iter(x, b).any(found_at),
                [x, y] => memchr::memchr2_iter(x, y, b).any(found_at),
                [x, y, z] => memchr::memchr3_iter(x, y, z, b).any(found_at),
                _ => false,
            };
            if hit {
                return true;
            }
            n = 0;
        }
    }
    false
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

/// Two sorted lists as one, sorted (both keep their duplicates).
fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
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
                proptest::prop_assert_eq!(at_here, want_here);
            }
            for w in WORDS.iter().chain(&["", "共计划", "公", "abc"]) {
                proptest::prop_assert_eq!(table.holds(w), WORDS.contains(w));
            }
        }

        /// The byte searches answer as the character scans they replace.
        #[test]
        fn punctuation_found_as_a_character_scan_finds_it(text in crate::scan::oracle::texts(pieces(), 30)) {
            for set in [&['。', '\n', ';'][..], &['。', '\n', '!', '?'], &['等', ',', ';', ')'], &['('], &[], &['a', 'b', 'x', '。', ' ']] {
                proptest::prop_assert_eq!(contains_any(&text, set), text.contains(set));
                let want: Vec<u32> = text.char_indices().filter(|(_, c)| set.contains(c)).map(|(i, _)| i as u32).collect();
                proptest::prop_assert_eq!(positions_of(&text, set), want);
            }
        }
    }
}
