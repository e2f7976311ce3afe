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
    /// A byte filter over 32 positions at a time ([`Nibbles`]), for a set made with
    /// [`Starts::filtered`] when the CPU has AVX2.
    #[cfg(target_arch = "x86_64")]
    nibbles: Option<Box<Nibbles>>,
}

/// The positions of a block of 32 bytes (from `start`; `len` 0: none kept) that passed the byte
/// filter, as bits: what a walk resumed within the block reads.
#[derive(Debug, Default, Clone, Copy)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub struct Block {
    start: usize,
    len: usize,
    passed: u32,
}

/// A filter of the positions where a start character may begin, read from the nibbles of the
/// bytes there and at the next two positions (the "Teddy" filter of multi-pattern searches):
/// the characters of two and three bytes are grouped by their first two bytes (two-byte ones by
/// their first), at most sixteen groups, one bit each in two bytes of bits; per offset 0, 1, 2
/// and per low and high nibble, a table (one `pshufb`) gives the groups whose characters may have
/// that nibble there; a position passes when a group passes all six. ASCII start characters are
/// tested exactly, by their low and high nibbles. No start character is missed; what passes
/// without being one (a character whose last byte has a low nibble of one of its group's and a
/// high nibble of another's) is sent back by the caller's test. Only lead bytes and ASCII pass at
/// offset 0: a position that passes is a character boundary. Groups are not merged to fit eight
/// bits: a merge lets through the pairs of the other group (merged with 十, 〇 let every 、 pass).
#[cfg(target_arch = "x86_64")]
struct Nibbles {
    /// `[half][offset][0 low nibble, 1 high nibble][nibble]`: the groups 8 × half to 8 × half + 7.
    tables: [[[[u8; 16]; 2]; 3]; 2],
    /// Per low nibble, the high nibbles (as bits 0–7) of the ASCII start characters with it.
    ascii_lo: [u8; 16],
    /// Per high nibble, its bit (0 for the high nibbles 8–F: no ASCII).
    ascii_hi: [u8; 16],
}

#[cfg(target_arch = "x86_64")]
impl Nibbles {
    /// The filter of `chars` (all in the BMP), or None when they are in more than sixteen groups.
    fn new(chars: &[char]) -> Option<Nibbles> {
        let mut keys: Vec<u16> = Vec::new();
        let mut tables = [[[[0u8; 16]; 2]; 3]; 2];
        let mut ascii_lo = [0u8; 16];
        for &c in chars {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if let [a] = bytes {
                ascii_lo[usize::from(a & 0x0F)] |= 1 << (a >> 4);
                continue;
            }
            let key = if bytes.len() == 2 { u16::from(bytes[0]) } else { u16::from(bytes[0]) << 8 | u16::from(bytes[1]) };
            let group = keys.iter().position(|&k| k == key).unwrap_or_else(|| {
                keys.push(key);
                keys.len() - 1
            });
            if group >= 16 {
                return None;
            }
            let (half, bit) = (group / 8, 1u8 << (group % 8));
            for (offset, table) in tables[half].iter_mut().enumerate() {
                match bytes.get(offset) {
                    Some(&x) => {
                        table[0][usize::from(x & 0x0F)] |= bit;
                        table[1][usize::from(x >> 4)] |= bit;
                    }
                    // A two-byte character: any byte after it.
                    None => table.iter_mut().flatten().for_each(|groups| *groups |= bit),
                }
            }
        }
        let ascii_hi = std::array::from_fn(|n| if n < 8 { 1 << n } else { 0 });
        Some(Nibbles { tables, ascii_lo, ascii_hi })
    }
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
            #[cfg(target_arch = "x86_64")]
            nibbles: None,
        }
    }

    /// [`Starts::of`], walked with the byte filter of [`Nibbles`] where the CPU has AVX2 and the
    /// set suits it (a few groups of characters, as the quantities' digits and numerals): for a
    /// walk over a whole text whose start characters are rare.
    pub fn filtered(chars: impl IntoIterator<Item = char>) -> Starts {
        let chars: Vec<char> = chars.into_iter().collect();
        #[allow(unused_mut)]
        let mut starts = Starts::of(chars.iter().copied());
        #[cfg(target_arch = "x86_64")]
        if starts.avx2 && starts.few.is_none() {
            starts.nibbles = Nibbles::new(&chars).map(Box::new);
        }
        starts
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
    #[cfg(test)]
    fn next_start(&self, b: &[u8], i: usize) -> Option<(usize, u32, usize)> {
        self.next_start_in(b, i, &mut Block::default())
    }

    /// The next start character from byte `i` (its position, code point and length), for a walk that keeps the byte filter's last block.
    #[inline(always)]
    fn next_start_in(&self, b: &[u8], mut i: usize, block: &mut Block) -> Option<(usize, u32, usize)> {
        loop {
            i = match self.few.as_deref() {
                Some(&[x]) => i + memchr::memchr(x, &b[i..])?,
                Some(&[x, y]) => i + memchr::memchr2(x, y, &b[i..])?,
                Some(&[x, y, z]) => i + memchr::memchr3(x, y, z, &b[i..])?,
                _ => self.candidate(b, i, block)?,
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
    fn candidate(&self, b: &[u8], i: usize, block: &mut Block) -> Option<usize> {
        // Only the byte filter (x86-64) keeps a block.
        #[cfg(not(target_arch = "x86_64"))]
        let _ = block;
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            if let Some(nibbles) = self.nibbles.as_deref() {
                // SAFETY: as below.
                return unsafe { self.next_candidate_nibbles(nibbles, b, i, block) };
            }
            // SAFETY: the CPU has AVX2 (detected when the table was built).
            return unsafe { self.next_candidate_avx2(b, i) };
        }
        self.next_candidate(b, i, |_, _| None)
    }

    /// The walk with the byte filter: 32 positions at a time while 34 bytes are left, then the
    /// gather walk from the next character boundary. The positions of the last block filtered
    /// are kept in `block`: a walk resumed within it reads them, not the block again (each stop
    /// of the quantities' walk, one in 80 bytes, filtered a block anew).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn next_candidate_nibbles(&self, nibbles: &Nibbles, b: &[u8], mut i: usize, block: &mut Block) -> Option<usize> {
        use std::arch::x86_64::*;
        if block.len == 32 && (block.start..block.start + 32).contains(&i) {
            let passed = block.passed & u32::MAX << (i - block.start);
            if passed != 0 {
                return Some(block.start + passed.trailing_zeros() as usize);
            }
            i = block.start + 32;
        }
        let table = |t: &[u8; 16]| {
            // SAFETY: 16 bytes, read unaligned.
            let t = unsafe { _mm_loadu_si128(t.as_ptr().cast()) };
            _mm256_broadcastsi128_si256(t)
        };
        let t = |half: usize, offset: usize| (table(&nibbles.tables[half][offset][0]), table(&nibbles.tables[half][offset][1]));
        let (a0, a1, a2, b0, b1, b2) = (t(0, 0), t(0, 1), t(0, 2), t(1, 0), t(1, 1), t(1, 2));
        let ascii = (table(&nibbles.ascii_lo), table(&nibbles.ascii_hi));
        let low = _mm256_set1_epi8(0x0F);
        let zero = _mm256_setzero_si256();
        while let Some(w) = b.get(i..i + 34) {
            // SAFETY: `w` holds 34 bytes: the loads read bytes 0..32, 1..33 and 2..34 of it.
            let x = unsafe {
                let p = w.as_ptr();
                [_mm256_loadu_si256(p.cast()), _mm256_loadu_si256(p.add(1).cast()), _mm256_loadu_si256(p.add(2).cast())]
            };
            let lo = x.map(|x| _mm256_and_si256(x, low));
            let hi = x.map(|x| _mm256_and_si256(_mm256_srli_epi16(x, 4), low));
            let look = |k: usize, (l, h): (__m256i, __m256i)| _mm256_and_si256(_mm256_shuffle_epi8(l, lo[k]), _mm256_shuffle_epi8(h, hi[k]));
            let first = _mm256_and_si256(_mm256_and_si256(look(0, a0), look(1, a1)), look(2, a2));
            let second = _mm256_and_si256(_mm256_and_si256(look(0, b0), look(1, b1)), look(2, b2));
            let any = _mm256_or_si256(_mm256_or_si256(first, second), look(0, ascii));
            let passed = !(_mm256_movemask_epi8(_mm256_cmpeq_epi8(any, zero)) as u32);
            if passed != 0 {
                *block = Block { start: i, len: 32, passed };
                return Some(i + passed.trailing_zeros() as usize);
            }
            i += 32;
        }
        *block = Block::default();
        // The gather walk reads from a character boundary.
        while b.get(i).is_some_and(|&x| x & 0xC0 == 0x80) {
            i += 1;
        }
        self.next_candidate(b, i, |s, i| s.eight(b, i))
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
        self.next_at_in(s, from, &mut Block::default())
    }

    /// [`Starts::next_at`] for a walk over one text that keeps the byte filter's last block
    /// (`Block::default()` at first).
    pub fn next_at_in(&self, s: &str, from: usize, block: &mut Block) -> Option<(usize, char)> {
        let (k, code, _) = self.next_start_in(s.as_bytes(), from, block)?;
        Some((k, char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)))
    }

    /// The start characters of `s[from..to]` (char boundaries), in order: position and
    /// character. For a walk that only acts on a few characters (brackets, quotation marks,
    /// sentence ends): the others are passed over by the start-byte table, not decoded.
    pub fn within<'s>(&'s self, s: &'s str, from: usize, to: usize) -> impl Iterator<Item = (usize, char)> + 's {
        let bytes = &s.as_bytes()[..to];
        let mut i = from;
        let mut block = Block::default();
        std::iter::from_fn(move || {
            let (k, code, len) = self.next_start_in(bytes, i, &mut block)?;
            i = k + len;
            Some((k, char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)))
        })
    }
}

/// The length of the character a byte starts (1 for a continuation byte: never met at a
/// character boundary).
#[inline(always)]
pub(crate) fn utf8_len(lead: u8) -> usize {
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
            // The byte filter's walk, from every character boundary, and resumed with its block
            // kept from each boundary on (as the quantities' walk resumes after a number).
            let filtered = super::Starts::filtered(set.iter().copied());
            let mut block = super::Block::default();
            for (from, _) in text.char_indices() {
                let later: Vec<(usize, char)> = want.iter().copied().filter(|&(k, _)| k >= from).collect();
                if from % 7 == 0 {
                    proptest::prop_assert_eq!(filtered.within(&text, from, text.len()).collect::<Vec<_>>(), later.clone());
                }
                proptest::prop_assert_eq!(filtered.next_at_in(&text, from, &mut block), later.first().copied());
            }
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

    /// The sets that ask for the byte filter get it where the CPU has AVX2, and it passes what the
    /// walk must stop at and little else.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_digits_and_numerals_get_the_byte_filter() {
        let set: Vec<char> = ('0'..='9').chain(crate::vocab::numerals::NUMERAL_STARTS.iter().copied()).chain(['百']).collect();
        let starts = super::Starts::filtered(set.iter().copied());
        if !starts.avx2 {
            return;
        }
        assert!(starts.nibbles.is_some());
        // Every character of the BMP, 40 of them after some padding: each found exactly where it is
        // one of the set.
        let all: String = (0x20..0x10000u32).filter_map(char::from_u32).filter(|c| !c.is_control()).collect();
        let found: Vec<char> = starts.within(&all, 0, all.len()).map(|(_, c)| c).collect();
        let mut want = set.clone();
        want.sort();
        assert_eq!(found, want);
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
