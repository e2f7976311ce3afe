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
    /// Whether the CPU has AVX2: the table walk then tests eight three-byte characters at a time
    /// ([`Starts::eight`]).
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
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
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::is_x86_feature_detected!("avx2");
        Starts {
            bits,
            skip,
            few,
            #[cfg(target_arch = "x86_64")]
            avx2,
        }
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
                _ => self.candidate(b, i)?,
            };
            let (code, len) = decode(b, i);
            if self.has(code) {
                return Some((i, code, len));
            }
            i += len;
        }
    }

    /// The table walk from byte `i` (see `next_candidate`), eight characters at a time where the
    /// CPU can.
    #[inline(always)]
    fn candidate(&self, b: &[u8], i: usize) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the CPU has AVX2 (detected when the table was built).
            return unsafe { self.next_candidate_avx2(b, i) };
        }
        self.next_candidate(b, i, |_, _| None)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn next_candidate_avx2(&self, b: &[u8], i: usize) -> Option<usize> {
        self.next_candidate(b, i, |s, i| s.eight(b, i))
    }

    /// The table walk from byte `i`: the next character whose first byte a start character
    /// has (three-byte characters tested whole, returned only when they are start characters).
    /// `wide(self, i)`, at a three-byte character, may test the run of them there at once: the
    /// start characters among them as bits (the first character the lowest) and how many it read.
    #[inline(always)]
    fn next_candidate(&self, b: &[u8], mut i: usize, wide: impl Fn(&Self, usize) -> Option<(u32, u32)>) -> Option<usize> {
        loop {
            let lead = *b.get(i)?;
            if lead & 0xF0 == 0xE0 {
                if let Some((hits, read)) = wide(self, i) {
                    if hits != 0 {
                        return Some(i + 3 * hits.trailing_zeros() as usize);
                    }
                    i += 3 * read as usize;
                    continue;
                }
            }
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

    /// The run of three-byte characters from byte `i` (one, whose first byte is at `i`), up to
    /// eight of them, tested at once: the start characters among them as bits, and how many were
    /// read (1 to 8). None when fewer than 28 bytes are left (the two loads of 16 bytes).
    ///
    /// Each character's bytes are moved into a 32-bit lane; the lanes up to the first one that
    /// does not begin with a three-byte lead are the run (the others are not at character
    /// boundaries: their bits are dropped); each lane's code point picks its 32-bit word of the
    /// bit set by one gather, and its bit is shifted out of it. About 30 instructions for eight
    /// characters, against about 12 a character for the scalar walk.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    #[inline]
    fn eight(&self, b: &[u8], i: usize) -> Option<(u32, u32)> {
        use std::arch::x86_64::*;
        let w = b.get(i..i + 28)?;
        // SAFETY: `w` holds 28 bytes: the loads read bytes 0..16 and 12..28 of it.
        let x = unsafe { _mm256_loadu2_m128i(w.as_ptr().add(12).cast(), w.as_ptr().cast()) };
        // Lane k of each half: bytes 3k, 3k + 1, 3k + 2 of its twelve, then a zero byte.
        let lanes = _mm256_setr_epi8(
            0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1, 0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1,
        );
        let x = _mm256_shuffle_epi8(x, lanes);
        let k = _mm256_set1_epi32;
        let leads = _mm256_cmpeq_epi32(_mm256_and_si256(x, k(0xF0)), k(0xE0));
        let leads = _mm256_movemask_ps(_mm256_castsi256_ps(leads)) as u32;
        // The first lane is a lead (the caller's): 1 to 8 lanes in the run.
        let read = (!leads).trailing_zeros();
        let code = _mm256_or_si256(
            _mm256_or_si256(_mm256_slli_epi32(_mm256_and_si256(x, k(0x0F)), 12), _mm256_and_si256(_mm256_srli_epi32(x, 2), k(0xFC0))),
            _mm256_and_si256(_mm256_srli_epi32(x, 16), k(0x3F)),
        );
        // The bit set's 32-bit words (little-endian: word j holds code points 32j to 32j + 31);
        // every lane's code point is below 0x10000, its word within the set.
        // SAFETY: indices below 2048, the set's 1024 u64s.
        let words = unsafe { _mm256_i32gather_epi32::<4>(self.bits.as_ptr().cast(), _mm256_srli_epi32(code, 5)) };
        let bits = _mm256_srlv_epi32(words, _mm256_and_si256(code, k(31)));
        let hits = _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(bits, 31))) as u32;
        Some((hits & ((1 << read) - 1), read))
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

        /// The walk eight characters at a time (where the CPU has AVX2) and the scalar walk find
        /// what filtering every character finds, on long runs of three-byte characters broken by
        /// others, for sets of start characters of every kind (chosen from the pieces).
        #[test]
        fn both_walks_find_the_start_characters(
            text in super::oracle::texts(vec!["一", "二", "中", "国", "。", "，", "“", "十", "百", "亿", "〇", "零", "a", "5", "\n", "é", "𠀀", "年", "\u{FFFF}", "\u{800}"], 120),
            chosen in proptest::collection::vec(proptest::prelude::any::<bool>(), 20),
        ) {
            let all = ['一', '二', '中', '国', '。', '，', '“', '十', '百', '亿', '〇', '零', 'a', '5', '\n', 'é', '年', '\u{FFFF}', '\u{800}', '三'];
            let set: Vec<char> = all.iter().zip(&chosen).filter(|(_, &on)| on).map(|(&c, _)| c).collect();
            let starts = super::Starts::of(set.iter().copied());
            let want: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| set.contains(c)).collect();
            proptest::prop_assert_eq!(starts.within(&text, 0, text.len()).collect::<Vec<_>>(), want.clone());
            // The scalar walk alone.
            let b = text.as_bytes();
            let mut scalar = Vec::new();
            let mut i = 0;
            while let Some(k) = starts.next_candidate(b, i, |_, _| None) {
                let (code, len) = super::decode(b, k);
                if starts.has(code) {
                    scalar.push((k, char::from_u32(code).unwrap()));
                }
                i = k + len;
            }
            proptest::prop_assert_eq!(scalar, want);
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
