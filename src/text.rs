//! Text and offsets: the normalised view every stage reads, and the one place
//! where byte offsets become UTF-16 code units.
//!
//! Normalisation folds characters one-for-one (full-width ASCII → ASCII, ideographic
//! and no-break spaces → space, Traditional → Simplified). Every folded character is
//! in the BMP on both sides, so each character keeps its UTF-16 length: a UTF-16
//! offset computed on the normalised text *is* the offset in the text as given.

use std::ops::Range;
use std::sync::LazyLock;

use crate::artifacts::Artifact;

/// A half-open range of byte offsets into [`Text::norm`].
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub const fn len(self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// Shift a span found in a slice that started at `base`.
    pub const fn offset(self, base: usize) -> Span {
        Span::new(self.start + base, self.end + base)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl<'h> From<crate::re::Match<'h>> for Span {
    fn from(m: crate::re::Match<'h>) -> Span {
        Span::new(m.start(), m.end())
    }
}

/// The text as given plus its normalised view.
#[derive(Debug)]
pub struct Text<'a> {
    original: &'a str,
    norm: String,
    /// `(norm_offset, original_offset)` at every character whose UTF-8 length changed
    /// in folding; between checkpoints the two advance together.
    shifts: Vec<(usize, usize)>,
    utf16: Utf16Index,
    /// Pasted artifacts (watermarks, injected URLs, pinyin), blanked in `norm`: see `crate::artifacts`.
    artifacts: Vec<(Artifact, Span)>,
}

impl<'a> Text<'a> {
    pub fn new(original: &'a str) -> Text<'a> {
        let (norm, shifts, _) = fold(original, &[]);
        let found = crate::artifacts::find(&norm);
        if found.is_empty() {
            let utf16 = Utf16Index::new(&norm);
            return Text { original, norm, shifts, utf16, artifacts: Vec::new() };
        }
        // Fold again with the artifacts blanked, and find their spans in the new `norm`.
        let first = Text { original, utf16: Utf16Index::new(""), norm, shifts, artifacts: Vec::new() };
        let in_original: Vec<Range<usize>> =
            found.iter().map(|(_, span)| first.to_original(span.start)..first.to_original(span.end)).collect();
        let (norm, shifts, spans) = fold(original, &in_original);
        let utf16 = Utf16Index::new(&norm);
        let artifacts = found.into_iter().zip(spans).map(|((kind, _), span)| (kind, span)).collect();
        Text { original, norm, shifts, utf16, artifacts }
    }

    /// Pasted artifacts found in the text (blanked in [`Self::norm`]), in order.
    pub fn artifacts(&self) -> &[(Artifact, Span)] {
        &self.artifacts
    }

    /// The normalised text all stages match against.
    pub fn norm(&self) -> &str {
        &self.norm
    }

    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalised slice of a span.
    pub fn get(&self, span: Span) -> &str {
        &self.norm[span.range()]
    }

    /// The text exactly as the user wrote it.
    pub fn as_written(&self, span: Span) -> &'a str {
        &self.original[self.to_original(span.start)..self.to_original(span.end)]
    }

    /// Byte offset in the original text of a character boundary in `norm`.
    pub fn to_original(&self, norm_pos: usize) -> usize {
        let i = self.shifts.partition_point(|&(n, _)| n <= norm_pos);
        match i {
            0 => norm_pos,
            _ => {
                let (n, o) = self.shifts[i - 1];
                o + (norm_pos - n)
            }
        }
    }

    /// UTF-16 offset (in the original and the normalised text alike) of a byte offset in `norm`.
    pub fn utf16(&self, norm_pos: usize) -> usize {
        self.utf16.offset(&self.norm, norm_pos)
    }

    pub fn utf16_len(&self) -> usize {
        self.utf16(self.norm.len())
    }
}

/// `original` folded, with the characters inside `blanked` (sorted, disjoint byte ranges of
/// `original`) as spaces when that keeps their UTF-16 length; the checkpoints where byte
/// lengths change; and each blanked range as a span of the folded text.
fn fold(original: &str, blanked: &[Range<usize>]) -> (String, Vec<(usize, usize)>, Vec<Span>) {
    if blanked.is_empty() {
        let (norm, shifts) = fold_unblanked(original);
        return (norm, shifts, Vec::new());
    }
    let fold_table = &*FOLD;
    let mut norm = String::with_capacity(original.len());
    let mut shifts = Vec::new();
    let mut spans = vec![Span::default(); blanked.len()];
    let mut k = 0;
    for (orig_pos, c) in original.char_indices() {
        while k < blanked.len() && blanked[k].end <= orig_pos {
            spans[k].end = norm.len();
            k += 1;
        }
        let inside = blanked.get(k).is_some_and(|r| r.start <= orig_pos);
        if blanked.get(k).is_some_and(|r| r.start == orig_pos) {
            spans[k].start = norm.len();
        }
        let folded = if inside && c.len_utf16() == 1 { ' ' } else { fold_with(fold_table, c) };
        if folded.len_utf8() != c.len_utf8() {
            shifts.push((norm.len() + folded.len_utf8(), orig_pos + c.len_utf8()));
        }
        norm.push(folded);
    }
    while k < blanked.len() {
        spans[k].end = norm.len();
        k += 1;
    }
    (norm, shifts, spans)
}

/// [`fold`] of a text with nothing blanked (nearly every text): the characters that fold to
/// themselves are copied a run at a time, not pushed one by one.
fn fold_unblanked(original: &str) -> (String, Vec<(usize, usize)>) {
    let fold_table = &*FOLD;
    let mut norm = String::with_capacity(original.len());
    let mut shifts = Vec::new();
    let mut run_start = 0;
    for (orig_pos, c) in original.char_indices() {
        if c.is_ascii() {
            continue; // ASCII folds to itself
        }
        let folded = fold_with(fold_table, c);
        if folded == c {
            continue;
        }
        norm.push_str(&original[run_start..orig_pos]);
        norm.push(folded);
        run_start = orig_pos + c.len_utf8();
        if folded.len_utf8() != c.len_utf8() {
            shifts.push((norm.len(), run_start));
        }
    }
    norm.push_str(&original[run_start..]);
    (norm, shifts)
}

/// One-for-one folding: same character count, same UTF-16 length per character.
pub fn fold_char(c: char) -> char {
    fold_with(&FOLD, c)
}

fn fold_with(table: &[u16], c: char) -> char {
    match table.get(c as usize) {
        Some(&folded) => char::from_u32(u32::from(folded)).unwrap_or(c),
        None => c,
    }
}

/// What every BMP character folds to (full-width ASCII → ASCII, the spaces → space,
/// Traditional → Simplified, the rest to itself): one index per character instead of a
/// hash lookup per CJK character. 128 KiB, built in microseconds on first use.
static FOLD: LazyLock<Box<[u16]>> = LazyLock::new(|| {
    let mut table: Box<[u16]> = (0..=u16::MAX).collect();
    for c in 0xFF01..=0xFF5E_u16 {
        table[usize::from(c)] = c - 0xFEE0;
    }
    for c in [0x3000, 0x00A0, 0xFEFF].into_iter().chain(0x2002..=0x200B) {
        table[c] = u16::from(b' ');
    }
    table[0x2236] = u16::from(b':');
    for (traditional, simplified) in crate::vocab::traditional_to_simplified() {
        // Both are in the BMP (a test in vocab::chars holds the table to that).
        table[traditional as usize] = simplified as u16;
    }
    table
});

/// Converts byte offsets to UTF-16 offsets with checkpoints every [`Self::STRIDE`] bytes,
/// so a lookup walks at most one stride of characters.
#[derive(Debug)]
struct Utf16Index {
    /// UTF-16 offset at the first char boundary at or after each stride start, with that boundary.
    marks: Vec<(usize, usize)>,
}

impl Utf16Index {
    const STRIDE: usize = 256;

    fn new(s: &str) -> Utf16Index {
        let mut marks = Vec::with_capacity(s.len() / Self::STRIDE + 1);
        let mut units = 0;
        let mut mark = 0; // the first char boundary at or after the stride start
        while mark < s.len() {
            marks.push((mark, units));
            let next = ceil_char_boundary(s, (mark / Self::STRIDE + 1) * Self::STRIDE);
            units += utf16_units(&s.as_bytes()[mark..next]);
            mark = next;
        }
        Utf16Index { marks }
    }

    fn offset(&self, s: &str, pos: usize) -> usize {
        let i = self.marks.partition_point(|&(p, _)| p <= pos);
        let (base, units) = if i == 0 { (0, 0) } else { self.marks[i - 1] };
        units + utf16_units(&s.as_bytes()[base..pos])
    }
}

/// The UTF-16 length of whole characters of UTF-8: one unit per character (each has one byte
/// that is not a continuation byte), two for a four-byte one. Byte counts in chunks of 255
/// (u8 lanes the compiler vectorises) instead of decoding every character.
fn utf16_units(utf8: &[u8]) -> usize {
    utf8.chunks(255)
        .map(|chunk| {
            let starts: u8 = chunk.iter().map(|&b| u8::from(b & 0xC0 != 0x80)).sum();
            let astral: u8 = chunk.iter().map(|&b| u8::from(b >= 0xF0)).sum();
            usize::from(starts) + usize::from(astral)
        })
        .sum()
}

/// The smallest char boundary of `s` at or above `pos` (at most its length).
fn ceil_char_boundary(s: &str, mut pos: usize) -> usize {
    if pos >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// Lines of `s` with their spans, without the line terminator (`\n`, `\r\n`).
pub fn lines(s: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    s.split_inclusive('\n').map(move |line| {
        let span_start = start;
        start += line.len();
        let trimmed = line.trim_end_matches(['\n', '\r']);
        Span::new(span_start, span_start + trimmed.len())
    })
}

/// The largest char boundary of `s` at or below `pos` (std's `floor_char_boundary` is unstable).
pub fn floor_char_boundary(s: &str, mut pos: usize) -> usize {
    pos = pos.min(s.len());
    while !s.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The span with leading and trailing whitespace (any Unicode space) removed.
pub fn trim(s: &str, span: Span) -> Span {
    let slice = &s[span.range()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The naive oracle: count UTF-16 units of the prefix.
    fn naive_utf16(s: &str, pos: usize) -> usize {
        s[..pos].encode_utf16().count()
    }

    #[test]
    fn utf16_matches_naive_oracle_at_every_boundary() {
        let mut s = String::new();
        for i in 0..400 {
            s.push_str(["a", "中", "𠀀", "１", "\u{3000}", "é"][i % 6]);
        }
        let text = Text::new(&s);
        for (pos, _) in text.norm().char_indices().chain([(text.norm().len(), ' ')]) {
            assert_eq!(text.utf16(pos), naive_utf16(text.norm(), pos), "at {pos}");
        }
        // Folding keeps UTF-16 lengths: the normalised and original texts agree.
        assert_eq!(text.utf16_len(), s.encode_utf16().count());
    }

    #[test]
    fn folding_agrees_with_char_by_char_folding_across_strides() {
        // ASCII runs of every length around the stride, between characters that shrink when
        // folded (full-width, ideographic space, no-break space), astral and Traditional ones.
        let pieces = ["１２", "\u{3000}", "\u{A0}", "𠀀", "報告", "中", "é", "\u{FEFF}", "∶"];
        let mut s = String::new();
        for i in 0..60 {
            s.push_str(&"a".repeat((i * 37) % 300));
            s.push_str(pieces[i % pieces.len()]);
        }
        let text = Text::new(&s);
        assert_eq!(text.norm(), s.chars().map(fold_char).collect::<String>());
        // Character k of the normalised text is character k of the original.
        let norm_starts: Vec<usize> = text.norm().char_indices().map(|(p, _)| p).chain([text.norm().len()]).collect();
        let orig_starts: Vec<usize> = s.char_indices().map(|(p, _)| p).chain([s.len()]).collect();
        for (&n, &o) in norm_starts.iter().zip(&orig_starts) {
            assert_eq!(text.to_original(n), o, "at {n}");
            assert_eq!(text.utf16(n), naive_utf16(&s, o), "at {n}");
        }
    }

    /// The run-copying fold of a text with nothing blanked gives what the general fold gives
    /// (an empty blanked range takes the general path).
    #[test]
    fn unblanked_folding_is_the_general_folding() {
        let pieces = ["１２", "\u{3000}", "\u{A0}", "𠀀", "報告", "中", "é", "\u{FEFF}", "∶", "a", "\n", "（一）"];
        for n in 0..40 {
            let s: String = (0..n * 7).map(|i| pieces[(i * 5 + n) % pieces.len()]).collect();
            let (norm, shifts, _) = fold(&s, &[0..0]);
            assert_eq!(fold_unblanked(&s), (norm, shifts), "{s:?}");
        }
    }

    #[test]
    fn folding_maps_back_to_the_text_as_written() {
        let text = Text::new("共（一）１２件，完成");
        assert_eq!(text.norm(), "共(一)12件,完成");
        let start = text.norm().find("12").unwrap();
        let span = Span::new(start, start + "12件".len());
        assert_eq!(text.as_written(span), "１２件");
        assert_eq!(text.get(span), "12件");
        assert_eq!(text.utf16(span.start), 4);
    }

    #[test]
    fn lines_strip_terminators() {
        let s = "甲\r\n乙\n\n丙";
        let got: Vec<&str> = lines(s).map(|l| &s[l.range()]).collect();
        assert_eq!(got, ["甲", "乙", "", "丙"]);
    }
}
