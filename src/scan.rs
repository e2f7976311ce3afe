//! The walk the hand-written scanners share: a grammar tried at each character that can start
//! a match, the first match taken and the walk resumed after it. That is the leftmost-first
//! reading a regular expression's `find_iter` gives, so each scanner's tests keep the regex it
//! replaced as their oracle (the wasm's small regex engine has no DFA, and a whole-text search
//! with it was slow: docs/performance.md).

/// The characters a match can start with, as a bit set over the Basic Multilingual Plane, and
/// their first bytes: the walk passes over a character whose first byte none of them has
/// with one table look-up, jumps with memchr when they have at most three first bytes, and
/// decodes and tests the rest, so the grammar is tried only where it can match.
pub struct Starts {
    bits: Box<[u64; 1024]>,
    /// Per byte: 0 when a start character begins with it, else the length of the character it
    /// begins (what to skip).
    skip: [u8; 256],
    /// The first bytes, when there are at most three of them (memchr's reach).
    few: Option<Vec<u8>>,
}

impl Starts {
    /// `chars` must lie in the Basic Multilingual Plane (every grammar's first characters do).
    pub fn of(chars: impl IntoIterator<Item = char>) -> Starts {
        let mut bits = Box::new([0u64; 1024]);
        let mut skip: [u8; 256] = std::array::from_fn(|b| utf8_len(b as u8) as u8);
        for c in chars {
            let mut buf = [0; 4];
            skip[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = 0;
            let c = c as usize;
            assert!(c < 0x10000, "a start character outside the BMP");
            bits[c >> 6] |= 1 << (c & 63);
        }
        let firsts: Vec<u8> = (0..=255u8).filter(|&b| skip[usize::from(b)] == 0).collect();
        let few = (firsts.len() <= 3).then_some(firsts);
        Starts { bits, skip, few }
    }

    /// Whether `c` is one of the start characters.
    pub fn holds(&self, c: char) -> bool {
        self.has(c as u32)
    }

    #[inline(always)]
    fn has(&self, c: u32) -> bool {
        let c = c as usize;
        c < 0x10000 && self.bits[c >> 6] & (1 << (c & 63)) != 0
    }

    /// 1 when the three-byte character of these bytes is a start character, else 0.
    #[inline(always)]
    fn bit(&self, lead: u8, b1: u8, b2: u8) -> u64 {
        self.bits[usize::from(lead & 0x0F) << 6 | usize::from(b1 & 0x3F)] >> (b2 & 0x3F) & 1
    }

    /// The next start character from byte `i`: its position, code point and length.
    fn next_start(&self, b: &[u8], mut i: usize) -> Option<(usize, u32, usize)> {
        loop {
            i = match self.few.as_deref() {
                Some(&[x]) => i + memchr::memchr(x, &b[i..])?,
                Some(&[x, y]) => i + memchr::memchr2(x, y, &b[i..])?,
                Some(&[x, y, z]) => i + memchr::memchr3(x, y, z, &b[i..])?,
                _ => self.next_candidate(b, i)?,
            };
            let (code, len) = decode(b, i);
            if self.has(code) {
                return Some((i, code, len));
            }
            i += len;
        }
    }

    /// The table walk from byte `i`: the next character whose first byte a start character
    /// has (three-byte characters tested whole, returned only when they are start characters).
    #[inline(always)]
    fn next_candidate(&self, b: &[u8], mut i: usize) -> Option<usize> {
        loop {
            let lead = *b.get(i)?;
            match self.skip[usize::from(lead)] {
                // A three-byte character (most Chinese characters) is tested here, from its
                // bytes: its block of 64 code points, then its bit in the block (a block
                // without start characters is empty). Two at a time when two follow, as in
                // Chinese text: half the loop's bounds checks and branches.
                0 if lead & 0xF0 == 0xE0 => match b[i..] {
                    [_, b1, b2, c0 @ 0xE0..=0xEF, c1, c2, ..] => {
                        let first = self.bit(lead, b1, b2);
                        let second = self.bit(c0, c1, c2);
                        if first | second == 0 {
                            i += 6;
                        } else if first != 0 {
                            return Some(i);
                        } else {
                            return Some(i + 3);
                        }
                    }
                    [_, b1, b2, ..] => {
                        if self.bit(lead, b1, b2) != 0 {
                            return Some(i);
                        }
                        i += 3;
                    }
                    _ => return Some(i),
                },
                0 => return Some(i),
                len => i += usize::from(len),
            }
        }
    }
}

impl Starts {
    /// The first start character of `s` at or after byte `from` (a char boundary): its position
    /// and character. For a walk that resumes further on than after the last one.
    pub fn next_at(&self, s: &str, from: usize) -> Option<(usize, char)> {
        let (k, code, _) = self.next_start(s.as_bytes(), from)?;
        Some((k, char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)))
    }

    /// The start characters of `s[from..to]` (char boundaries), in order: position and
    /// character. For a walk that only acts on a few characters (brackets, quotation marks,
    /// sentence ends): the others are passed over by the start-byte table, not decoded.
    pub fn within<'s>(&'s self, s: &'s str, from: usize, to: usize) -> impl Iterator<Item = (usize, char)> + 's {
        let bytes = &s.as_bytes()[..to];
        let mut i = from;
        std::iter::from_fn(move || {
            let (k, code, len) = self.next_start(bytes, i)?;
            i = k + len;
            Some((k, char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)))
        })
    }
}

/// The length of the character a byte starts (1 for a continuation byte: never met at a
/// character boundary).
#[inline(always)]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// The code point starting at byte `i` of valid UTF-8 and its length (astral characters as
/// 0x10000: no grammar starts with one).
// Inlined by hand: the wasm is built for size (opt-level "z"), which would call each of these
// tiny functions once per character.
#[inline(always)]
pub(crate) fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let lead = u32::from(b[i]);
    let cont = |k: usize| u32::from(b[i + k] & 0x3F);
    match b[i] {
        0x00..=0x7F => (lead, 1),
        0xC0..=0xDF => ((lead & 0x1F) << 6 | cont(1), 2),
        0xE0..=0xEF => ((lead & 0x0F) << 12 | cont(1) << 6 | cont(2), 3),
        _ => (0x10000, 4),
    }
}

/// Every match of `at` in `s`, in order and not overlapping. `at(s, i, c)` reads the match
/// starting at byte `i`, whose character `c` is one of `starts`: its end and what it found.
/// (The scanners' tests read their oracles' texts with it; the markers read theirs from noted
/// positions: `vocab::markers::scan_from`.)
#[cfg(test)]
pub fn leftmost<'s, T>(
    s: &'s str,
    starts: &'s Starts,
    mut at: impl FnMut(&'s str, usize, char) -> Option<(usize, T)> + 's,
) -> impl Iterator<Item = (std::ops::Range<usize>, T)> + 's {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some((k, code, len)) = starts.next_start(bytes, i) {
            if let Some((end, found)) = char::from_u32(code).and_then(|c| at(s, k, c)) {
                i = end;
                return Some((k..end, found));
            }
            i = k + len;
        }
        i = bytes.len();
        None
    })
}

/// The end of the run of at most `limit` characters of `class` from byte `from`, and its length.
pub fn run(s: &str, from: usize, limit: usize, class: impl Fn(char) -> bool) -> (usize, usize) {
    let mut end = from;
    let mut n = 0;
    for c in s[from..].chars().take(limit) {
        if !class(c) {
            break;
        }
        end += c.len_utf8();
        n += 1;
    }
    (end, n)
}

/// What the scanners' tests share: texts to compare a scanner with the regex it replaced.
#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// `within` yields what filtering every character of the range yields.
        #[test]
        fn within_finds_the_start_characters_of_the_range(
            text in super::oracle::texts(vec!["(", "。", "a", "中", "“", "”", "𠀀", "é", "\n", ";", "一", "】"], 30),
            cut in 0usize..40,
        ) {
            let set = ['(', '。', '”', ';', '\n'];
            let starts = super::Starts::of(set);
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (from, to) = (bounds[cut.min(bounds.len() - 1) / 2], bounds[(bounds.len() - 1).min(cut)]);
            let want: Vec<(usize, char)> = text[from..to].char_indices().map(|(i, c)| (from + i, c)).filter(|(_, c)| set.contains(c)).collect();
            proptest::prop_assert_eq!(starts.within(&text, from, to).collect::<Vec<_>>(), want);
        }
    }
}

#[cfg(test)]
pub mod oracle {
    use proptest::prelude::Strategy;

    /// Texts of up to `max` of `pieces` one after another.
    pub fn texts(pieces: Vec<&'static str>, max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(pieces), 0..max).prop_map(|parts| parts.concat())
    }

    /// Asserts that each scanner's matches in `text` equal its oracle's (pairs of scanned, wanted).
    pub fn assert_agree<T: PartialEq + std::fmt::Debug>(pairs: impl IntoIterator<Item = (Vec<T>, Vec<T>)>, text: &str) {
        for (scanned, want) in pairs {
            assert_eq!(scanned, want, "{:?}", text.chars().take(40).collect::<String>());
        }
    }

    /// The property test of a module's scanners: on texts of up to `max` of `pieces`, `both(text)`
    /// (pairs of a scanner's matches and its oracle's) agree.
    macro_rules! scanners_agree_on_generated_texts {
        ($pieces:expr, $max:expr, $both:path) => {
            proptest::proptest! {
                #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
                #[test]
                fn the_scanners_find_what_the_regexes_found(text in $crate::scan::oracle::texts($pieces, $max)) {
                    $crate::scan::oracle::assert_agree($both(&text), &text);
                }
            }
        };
    }
    pub(crate) use scanners_agree_on_generated_texts;

    /// Every seed report of `tests/fixtures`, normalised as the pipeline reads it.
    pub fn seeds() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                out.push(crate::Text::new(&std::fs::read_to_string(&path).unwrap()).norm().to_owned());
            }
        }
        assert!(!out.is_empty());
        out
    }
}
