//! Text and offsets: the normalised view every stage reads, and the one place
//! where byte offsets become UTF-16 code units.
//!
//! Normalisation folds characters one-for-one (full-width ASCII → ASCII, ideographic
//! and no-break spaces → space, Traditional → Simplified). Every folded character is
//! in the BMP on both sides, so each character keeps its UTF-16 length: a UTF-16
//! offset computed on the normalised text *is* the offset in the text as given.

use std::borrow::Cow;
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

/// The normalised view of a text, from which the text as given can be rebuilt.
///
/// The text as given is not kept beside `norm` (issue 12: one copy of the text, not two):
/// folding changes few characters (full-width punctuation, ideographic spaces, Traditional
/// characters), and [`Folds`] keeps just those, so any span as written is `norm` with them put
/// back.
#[derive(Debug)]
pub struct Text {
    norm: String,
    folds: Folds,
    utf16: Utf16Index,
    /// Pasted artifacts (watermarks, injected URLs, pinyin), blanked in `norm`: see `crate::artifacts`.
    artifacts: Vec<(Artifact, Span)>,
    /// Where the characters a heading marker starts with stand in `norm`, noted by the folding
    /// walk (of each run of ASCII digits its first): the outline reads its markers from them
    /// instead of walking the text again (`vocab::markers::scan_at`). Taken by the analysis
    /// (held until the outline is read, not to the end); not noted when artifacts were blanked.
    marker_starts: Option<Vec<u32>>,
    /// Where the characters the review's walk of a paragraph acts on stand in `norm`
    /// (`review::ACTED_ON`: paired marks, placeholders' marks, digits; of each run of ASCII
    /// digits its first), noted by the folding walk; not noted when artifacts were blanked.
    acted_on: Option<Vec<u32>>,
}

impl Text {
    pub fn new(original: &str) -> Text {
        let (norm, shifts, folds, Notes { marker_starts, anchors, acted_on }) = fold_unblanked(original);
        let found = crate::artifacts::find(&norm, anchors.as_deref());
        drop(anchors);
        if found.is_empty() {
            let utf16 = Utf16Index::new(&norm);
            return Text { norm, folds, utf16, artifacts: Vec::new(), marker_starts, acted_on };
        }
        // Fold again with the artifacts blanked, and find their spans in the new `norm`.
        let in_original: Vec<Range<usize>> =
            found.iter().map(|(_, span)| to_original(&shifts, span.start)..to_original(&shifts, span.end)).collect();
        drop((norm, folds, marker_starts, acted_on));
        let (norm, _, folds, spans) = fold(original, &in_original);
        let utf16 = Utf16Index::new(&norm);
        let artifacts = found.into_iter().zip(spans).map(|((kind, _), span)| (kind, span)).collect();
        Text { norm, folds, utf16, artifacts, marker_starts: None, acted_on: None }
    }

    /// Where the characters a heading marker starts with stand in [`Self::norm`] (sorted; of
    /// each run of ASCII digits at least its first), when the folding walk noted them; given up
    /// to the caller, so they are not held for the whole analysis.
    pub fn take_marker_starts(&mut self) -> Option<Vec<u32>> {
        self.marker_starts.take()
    }

    /// Where the characters of `review::ACTED_ON` stand in [`Self::norm`] (sorted; of each run
    /// of ASCII digits at least its first), when the folding walk noted them.
    pub(crate) fn acted_on(&self) -> Option<&[u32]> {
        self.acted_on.as_deref()
    }

    /// Pasted artifacts found in the text (blanked in [`Self::norm`]), in order.
    pub fn artifacts(&self) -> &[(Artifact, Span)] {
        &self.artifacts
    }

    /// The normalised text all stages match against.
    pub fn norm(&self) -> &str {
        &self.norm
    }

    /// The normalised slice of a span.
    pub fn get(&self, span: Span) -> &str {
        &self.norm[span.range()]
    }

    /// The text exactly as the user wrote it: borrowed from `norm` where nothing in the span
    /// was folded.
    pub fn as_written(&self, span: Span) -> Cow<'_, str> {
        let slice = &self.norm[span.range()];
        // Most spans hold no folded character: told by their words of the bitmap, before the
        // count of the marks ahead of the span that `within` starts with.
        if !self.folds.any_within(span) {
            return Cow::Borrowed(slice);
        }
        let written = self.folds.within(span);
        let mut out = String::with_capacity(slice.len() * 3);
        let mut copied = span.start;
        for (at, as_written) in written {
            out.push_str(&self.norm[copied..at]);
            out.push(as_written);
            copied = at + self.norm[at..].chars().next().map_or(0, char::len_utf8);
        }
        out.push_str(&self.norm[copied..span.end]);
        out.shrink_to_fit();
        Cow::Owned(out)
    }

    /// The characters that folding changed, as written, each with its byte offset in `norm`.
    pub fn folded(&self) -> impl Iterator<Item = (usize, char)> + '_ {
        self.folds.within(Span::new(0, self.norm.len()))
    }

    /// The characters that folding changed, as written, in order, without their offsets (a
    /// walk of a list: for a question about the characters alone).
    pub fn folded_chars(&self) -> impl Iterator<Item = char> + '_ {
        self.folds.chars.iter().map(|&c| char::from_u32(u32::from(c)).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Every character of the text as written, with its byte offset and its folded form in `norm`.
    pub fn chars_as_written(&self) -> impl Iterator<Item = (usize, char, char)> + '_ {
        let mut written = self.folds.within(Span::new(0, self.norm.len())).peekable();
        self.norm.char_indices().map(move |(pos, folded)| {
            let c = written.next_if(|&(at, _)| at == pos).map_or(folded, |(_, c)| c);
            (pos, folded, c)
        })
    }

    /// UTF-16 offset (in the original and the normalised text alike) of a byte offset in `norm`.
    pub fn utf16(&self, norm_pos: usize) -> usize {
        self.utf16.offset(&self.norm, norm_pos)
    }

    /// The UTF-16 offsets of a span's two ends. The end of a span shorter than a checkpoint
    /// stride is counted on from the start (the bytes between them), not again from its
    /// checkpoint.
    pub fn utf16_span(&self, span: Span) -> (usize, usize) {
        let start = self.utf16(span.start);
        let end = match span.end.checked_sub(span.start) {
            Some(len) if len < Utf16Index::STRIDE => start + self.utf16.units(self.norm.as_bytes(), span.start, span.end),
            _ => self.utf16(span.end),
        };
        (start, end)
    }

    /// [`Self::utf16_span`], counted on from `mark` (a byte offset and its UTF-16 offset) when
    /// the span starts less than a checkpoint stride after it: converting spans in order, as the
    /// result's lists are, then walks the text about once instead of a stride per span.
    pub fn utf16_span_after(&self, mark: (usize, usize), span: Span) -> (usize, usize) {
        match span.start.checked_sub(mark.0) {
            Some(gap) if gap < Utf16Index::STRIDE && span.len() < Utf16Index::STRIDE => {
                let b = self.norm.as_bytes();
                let start = mark.1 + self.utf16.units(b, mark.0, span.start);
                (start, start + self.utf16.units(b, span.start, span.end))
            }
            _ => self.utf16_span(span),
        }
    }

    pub fn utf16_len(&self) -> usize {
        self.utf16(self.norm.len())
    }
}

/// Byte offset in the text as given of a character boundary in the folded text, from the
/// checkpoints where byte lengths changed (between them the two advance together).
fn to_original(shifts: &[(usize, usize)], norm_pos: usize) -> usize {
    match shifts.partition_point(|&(n, _)| n <= norm_pos) {
        0 => norm_pos,
        i => {
            let (n, o) = shifts[i - 1];
            o + (norm_pos - n)
        }
    }
}

/// The characters folding changed, as written: one bit per byte of `norm` marks where each
/// starts, and the characters themselves follow in order (every one is in the BMP, so a
/// `u16` each). A running count per block of the bitmap finds the first at or after any offset.
/// About a fifth of the text's size for a typical report; at most about its size.
#[derive(Debug, Default)]
struct Folds {
    starts: Vec<u64>,
    /// Marks before each block of [`Self::BLOCK`] words (u32: texts are at most 48 MiB,
    /// `input::MAX_INPUT_BYTES`; blocks of four words, not eight of a usize: the same memory,
    /// half the words to count from a block's start, each a population count without the
    /// instruction on the baseline x86-64).
    before_block: Vec<u32>,
    chars: Vec<u16>,
}

impl Folds {
    const BLOCK: usize = 4;

    fn with_capacity(norm_len_at_most: usize) -> Folds {
        Folds { starts: vec![0; norm_len_at_most / 64 + 1], before_block: Vec::new(), chars: Vec::new() }
    }

    fn push(&mut self, norm_pos: usize, written: char) {
        self.starts[norm_pos / 64] |= 1 << (norm_pos % 64);
        // Folding maps BMP characters only (see `FOLD`; blanking keeps astral ones).
        self.chars.push(written as u16);
    }

    fn finish(mut self, norm_len: usize) -> Folds {
        self.starts.truncate(norm_len / 64 + 1);
        self.starts.shrink_to_fit();
        self.chars.shrink_to_fit();
        let mut count = 0;
        self.before_block = self
            .starts
            .chunks(Self::BLOCK)
            .map(|block| {
                let before = count;
                count += block.iter().map(|w| w.count_ones()).sum::<u32>();
                before
            })
            .collect();
        self
    }

    /// Whether any folded character starts inside `span`: its words of the bitmap, masked.
    fn any_within(&self, span: Span) -> bool {
        if span.is_empty() {
            return false;
        }
        let (first, last) = (span.start / 64, (span.end - 1) / 64);
        let Some(words) = self.starts.get(first..=last) else { return false };
        let above_start = !((1u64 << (span.start % 64)) - 1);
        let below_end = u64::MAX >> (63 - (span.end - 1) % 64);
        match words {
            [one] => one & above_start & below_end != 0,
            [head, middle @ .., tail] => head & above_start != 0 || middle.iter().any(|&w| w != 0) || tail & below_end != 0,
            [] => false,
        }
    }

    /// The folded characters inside `span`, in order: a walk of the span's words only.
    fn within(&self, span: Span) -> impl Iterator<Item = (usize, char)> + '_ {
        let pos = span.start;
        let word = (pos / 64).min(self.starts.len());
        let block = word / Self::BLOCK;
        let below = (1u64 << (pos % 64)) - 1;
        let skipped = self.before_block.get(block).map_or(self.chars.len(), |&n| n as usize)
            + self.starts[block * Self::BLOCK..word].iter().map(|w| w.count_ones() as usize).sum::<usize>()
            + self.starts.get(word).map_or(0, |w| (w & below).count_ones() as usize);
        let first = self.starts.get(word).map_or(0, |w| w & !below);
        let last_word = span.end.div_ceil(64).min(self.starts.len());
        let words = std::iter::once((word, first))
            .chain(self.starts.iter().copied().enumerate().take(last_word).skip(word + 1));
        let starts = words.flat_map(|(i, mut bits)| {
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    i * 64 + bit
                })
            })
        });
        starts
            .zip(self.chars[skipped..].iter().map(|&c| char::from_u32(u32::from(c)).unwrap_or(char::REPLACEMENT_CHARACTER)))
            .take_while(move |&(at, _)| at < span.end)
    }
}

/// `original` folded, with the characters inside `blanked` (sorted, disjoint byte ranges of
/// `original`) as spaces when that keeps their UTF-16 length; the checkpoints where byte
/// lengths change; the characters changed; and each blanked range as a span of the folded text.
fn fold(original: &str, blanked: &[Range<usize>]) -> (String, Vec<(usize, usize)>, Folds, Vec<Span>) {
    if blanked.is_empty() {
        let (norm, shifts, folds, _) = fold_unblanked(original);
        return (norm, shifts, folds, Vec::new());
    }
    let fold_table = &*FOLD;
    let mut norm = String::with_capacity(original.len());
    let mut shifts = Vec::new();
    let mut folds = Folds::with_capacity(original.len());
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
        if folded != c {
            folds.push(norm.len(), c);
        }
        if folded.len_utf8() != c.len_utf8() {
            shifts.push((norm.len() + folded.len_utf8(), orig_pos + c.len_utf8()));
        }
        norm.push(folded);
    }
    while k < blanked.len() {
        spans[k].end = norm.len();
        k += 1;
    }
    let folds = folds.finish(norm.len());
    (norm, shifts, folds, spans)
}

/// Where the folding walk saw characters that later stages look for, as positions in the folded
/// text (sorted; u32: texts are at most 48 MiB, `input::MAX_INPUT_BYTES`). Each list is kept
/// while it has at most one position per [`NOTE_SPACING`] bytes of the text (or a thousand), and
/// given up (None) beyond: a report has about one per 70 bytes; a text of tiny headings or of
/// digits, one per 2–5, is walked again instead (issue 15).
struct Notes {
    /// The characters a heading marker starts with (`vocab::markers::STARTS`); of each run of
    /// ASCII digits only its first.
    marker_starts: Option<Vec<u32>>,
    /// The watermarks' anchors (`artifacts::ANCHORS`).
    anchors: Option<Vec<u32>>,
    /// The characters the review's walk of a paragraph acts on (`review::ACTED_ON`).
    acted_on: Option<Vec<u32>>,
}

/// Appends `at` to `list` while it stays within `most` positions, else gives it up.
fn note(list: &mut Option<Vec<u32>>, most: usize, at: usize) {
    if let Some(positions) = list {
        if positions.len() < most {
            positions.push(at as u32);
        } else {
            *list = None;
        }
    }
}

/// [`fold`] of a text with nothing blanked (nearly every text): the characters that fold to
/// themselves are copied a run at a time, not pushed one by one, and passed over by the
/// start-character walk of the scanners (two bytes looked at per Chinese character, none
/// decoded), which stops only at the characters folding changes and at those later stages look
/// for (after folding: [`Notes`]), whose positions in the folded text it notes as well: the
/// outline's marker scan and the watermarks' search then need no walk of their own.
fn fold_unblanked(original: &str) -> (String, Vec<(usize, usize)>, Folds, Notes) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { fold_unblanked_avx2(original) };
    }
    fold_unblanked_in(original)
}

/// [`fold_unblanked_in`] in an AVX2 function: the walk's AVX2 table walk (`scan::Starts`, which
/// takes it where the CPU has AVX2) is inlined into the loop, not called at every stop (one in
/// about 40 bytes of a report: a quarter of the walk's instructions were the calls').
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn fold_unblanked_avx2(original: &str) -> (String, Vec<(usize, usize)>, Folds, Notes) {
    fold_unblanked_in(original)
}

#[inline(always)]
fn fold_unblanked_in(original: &str) -> (String, Vec<(usize, usize)>, Folds, Notes) {
    let fold_table = &*FOLD;
    let marker_chars = &*crate::vocab::markers::STARTS;
    let anchor_chars = &*crate::artifacts::ANCHORS;
    let acted_on_chars = &*crate::review::ACTED_ON;
    let bytes = original.as_bytes();
    let mut norm = String::with_capacity(original.len());
    let mut shifts = Vec::new();
    let mut folds = Folds::with_capacity(original.len());
    let most = if original.len() <= u32::MAX as usize { (original.len() / NOTE_SPACING).max(1024) } else { 0 };
    let mut notes = Notes { marker_starts: Some(Vec::new()), anchors: Some(Vec::new()), acted_on: Some(Vec::new()) };
    let mut run_start = 0;
    // One walk, kept (its position and its byte filter's block), resumed anew only past a run
    // of digits.
    let walk = |from| FOLDED_OR_NOTED.within(original, from, original.len());
    let mut stops = walk(0);
    while let Some((orig_pos, c)) = stops.next() {
        let folded = fold_with(fold_table, c);
        // Its place in `norm`: what is written so far and the unfolded run before it.
        let at = norm.len() + (orig_pos - run_start);
        if marker_chars.holds(folded) {
            note(&mut notes.marker_starts, most, at);
            if folded == c && c.is_ascii_digit() {
                // The rest of a run of ASCII digits (never folded; no marker starts inside it).
                let from = orig_pos + 1;
                let digits = bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
                if digits > 0 {
                    stops = walk(from + digits);
                }
            }
        }
        if anchor_chars.holds(folded) {
            note(&mut notes.anchors, most, at);
        }
        if acted_on_chars.holds(folded) {
            note(&mut notes.acted_on, most, at);
        }
        if folded == c {
            continue;
        }
        norm.push_str(&original[run_start..orig_pos]);
        folds.push(norm.len(), c);
        norm.push(folded);
        run_start = orig_pos + c.len_utf8();
        if folded.len_utf8() != c.len_utf8() {
            shifts.push((norm.len(), run_start));
        }
    }
    norm.push_str(&original[run_start..]);
    let folds = folds.finish(norm.len());
    for list in [&mut notes.marker_starts, &mut notes.anchors, &mut notes.acted_on].into_iter().flatten() {
        list.shrink_to_fit();
    }
    (norm, shifts, folds, notes)
}

/// The folding walk keeps each list of [`Notes`] while it has at most one position per this many
/// bytes of the text (or a thousand).
const NOTE_SPACING: usize = 16;

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
    for (from, to) in fold_pairs() {
        table[usize::from(from)] = to;
    }
    table
});

/// What [`FOLD`] maps, pair by pair (a later pair of a character overrides an earlier one).
fn fold_pairs() -> impl Iterator<Item = (u16, u16)> {
    let full_width = (0xFF01..=0xFF5E_u16).map(|c| (c, c - 0xFEE0));
    let spaces = [0x3000, 0x00A0, 0xFEFF].into_iter().chain(0x2002..=0x200B).map(|c| (c, u16::from(b' ')));
    // Both are in the BMP (a test in vocab::chars holds the table to that).
    let traditional = crate::vocab::traditional_to_simplified().map(|(t, s)| (t as u16, s as u16));
    full_width.chain(spaces).chain([(0x2236, u16::from(b':'))]).chain(traditional)
}

/// The characters [`FOLD`] changes (all in the BMP; no ASCII one), and those the folding walk
/// notes ([`Notes`]: a heading marker's start, a watermark's anchor, a character the review's
/// walk of a paragraph acts on) or folds to (the folded ones are among the former).
// Built from the lists, not by asking every character of the BMP whether either set holds it.
static FOLDED_OR_NOTED: LazyLock<crate::scan::Starts> = LazyLock::new(|| {
    let table = &*FOLD;
    let folded = fold_pairs().map(|(from, _)| from).filter(|&c| table[usize::from(c)] != c).filter_map(|c| char::from_u32(u32::from(c)));
    let anchors = crate::vocab::artifacts::WATERMARK_ANCHORS.iter().copied();
    let acted_on = crate::review::acted_on_chars();
    crate::scan::Starts::of(folded.chain(crate::vocab::markers::start_chars()).chain(anchors).chain(acted_on))
});

/// Converts byte offsets to UTF-16 offsets with checkpoints every [`Self::STRIDE`] bytes,
/// so a lookup walks at most one stride of characters.
#[derive(Debug)]
struct Utf16Index {
    /// Per stride: the first char boundary at or after its start, and the UTF-16 offset there
    /// (u32: texts are at most 48 MiB, `input::MAX_INPUT_BYTES`; strides of 128 bytes in the
    /// memory 256 took with usize pairs, half the walk a lookup makes).
    marks: Vec<(u32, u32)>,
    /// Whether the bytes are counted 32 at a time ([`units_avx2`]: the CPU has AVX2 and
    /// POPCNT), detected once per text.
    #[cfg(target_arch = "x86_64")]
    wide: bool,
}

impl Utf16Index {
    const STRIDE: usize = 128;

    fn new(s: &str) -> Utf16Index {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU has AVX2 and POPCNT.
            return unsafe { Self::new_avx2(s) };
        }
        Self::build::<false>(s)
    }

    /// [`Self::build`] in an AVX2 function: the byte count's lanes twice as wide.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    fn new_avx2(s: &str) -> Utf16Index {
        Self::build::<true>(s)
    }

    #[inline(always)]
    fn build<const WIDE: bool>(s: &str) -> Utf16Index {
        let b = s.as_bytes();
        let mut marks = Vec::with_capacity(s.len() / Self::STRIDE + 1);
        let mut units = 0u32;
        // Counted stride by stride, whole strides (no character cut at their edges): the bytes
        // from a stride's start to the first char boundary at or after it (`mark`, at most three
        // of them) are continuation bytes, which add no unit.
        let lead = |stride: &[u8]| stride.iter().take_while(|&&x| x & 0xC0 == 0x80).count();
        let mut strides = b.chunks_exact(Self::STRIDE);
        // Extended, not pushed one by one: no capacity test per stride. (Inlined in `new_avx2`:
        // the count's lanes are 32 bytes there.)
        marks.extend(strides.by_ref().enumerate().map(|(k, stride)| {
            let mark = ((k * Self::STRIDE + lead(stride)) as u32, units);
            units += u32::from(lane_units(stride));
            mark
        }));
        let rest = strides.remainder();
        let mark = b.len() - rest.len() + lead(rest);
        if mark < b.len() {
            marks.push((mark as u32, units));
        }
        Utf16Index {
            marks,
            #[cfg(target_arch = "x86_64")]
            wide: WIDE,
        }
    }

    /// The UTF-16 units of `b[from..to]` (`b` the text indexed).
    #[inline]
    fn units(&self, b: &[u8], from: usize, to: usize) -> usize {
        #[cfg(target_arch = "x86_64")]
        if self.wide {
            // SAFETY: `wide` is set only where the CPU has AVX2 and POPCNT.
            return unsafe { units_avx2(b, from, to) };
        }
        utf16_units(&b[from..to])
    }

    fn offset(&self, s: &str, pos: usize) -> usize {
        // The last checkpoint at or before `pos`: its stride's, or the one before when `pos`
        // is among the continuation bytes a stride starts with (marks lie within 3 bytes of
        // their stride's start: read by index, not searched).
        let b = s.as_bytes();
        let Some(last) = self.marks.len().checked_sub(1) else { return self.units(b, 0, pos) };
        let mut k = (pos / Self::STRIDE).min(last);
        if self.marks[k].0 as usize > pos {
            let Some(before) = k.checked_sub(1) else { return self.units(b, 0, pos) };
            k = before;
        }
        let (base, units) = self.marks[k];
        units as usize + self.units(b, base as usize, pos)
    }
}

/// The UTF-16 length of UTF-8: one unit per character (each has one byte that is not a
/// continuation byte), two for a four-byte one. Byte counts in chunks of 128 (u8 lanes the
/// compiler vectorises) instead of decoding every character, in one pass: a byte adds 1 (a
/// character's first) or 2 (a four-byte one's first), at most 129 over 128 bytes of UTF-8.
/// (Inlined: in an AVX2 function the lanes are twice as wide.)
#[inline(always)]
fn utf16_units(utf8: &[u8]) -> usize {
    let mut chunks = utf8.chunks_exact(Utf16Index::STRIDE);
    let whole: usize = chunks.by_ref().map(|chunk| usize::from(lane_units(chunk))).sum();
    whole + usize::from(lane_units(chunks.remainder()))
}

/// [`utf16_units`] of at most 128 bytes, in u8 lanes.
#[inline(always)]
fn lane_units(chunk: &[u8]) -> u8 {
    chunk.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0)))
}

/// [`utf16_units`] of `b[from..to]`: 128 bytes at a time in u8 lanes, then 32 at a time,
/// each byte's two tests as bit masks (a character's first: not 0x80–0xBF, as i8 above -65; a
/// four-byte one's: 0xF0–0xFF, as i8 negative and above -17), counted. The last bytes short of
/// 32 are counted in the 32 that end at `to` (or start at `from`), the bytes outside masked
/// off: a span of a few dozen bytes is one or two loads, not a byte loop (the spans converted
/// one by one mostly are that short).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
#[inline]
fn units_avx2(b: &[u8], from: usize, to: usize) -> usize {
    assert!(from <= to && to <= b.len());
    let count = |p: *const u8, keep: u32| {
        // SAFETY: the 32 bytes from `p` lie within `b` (below).
        let (firsts, astral) = unsafe { char_masks(p) };
        ((firsts & keep).count_ones() + (astral & keep).count_ones()) as usize
    };
    let whole = (to - from) / 128 * 128;
    let mut n = utf16_units(&b[from..from + whole]);
    let mut i = from + whole;
    let p = b.as_ptr();
    // Every block counted lies within `b` (`to` is at most its length).
    while to - i >= 32 {
        n += count(p.wrapping_add(i), u32::MAX);
        i += 32;
    }
    match to - i {
        0 => n,
        // The block ending at `to`: its last `rest` bytes.
        rest if to >= 32 => n + count(p.wrapping_add(to - 32), u32::MAX << (32 - rest)),
        rest if b.len() - i >= 32 => n + count(p.wrapping_add(i), u32::MAX >> (32 - rest)),
        _ => n + utf16_units(&b[i..to]),
    }
}

/// Of the 32 bytes at `p` (bit k: byte k), those that start a character (not 0x80–0xBF: as
/// i8, above -65) and those that start a four-byte one (0xF0–0xFF: as i8, negative and above
/// -17). Safety: the 32 bytes are readable.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
#[inline]
unsafe fn char_masks(p: *const u8) -> (u32, u32) {
    use std::arch::x86_64::*;
    // SAFETY: the caller's.
    let x = unsafe { _mm256_loadu_si256(p.cast()) };
    let firsts = _mm256_movemask_epi8(_mm256_cmpgt_epi8(x, _mm256_set1_epi8(-65))) as u32;
    let astral = _mm256_movemask_epi8(x) as u32 & _mm256_movemask_epi8(_mm256_cmpgt_epi8(x, _mm256_set1_epi8(-17))) as u32;
    (firsts, astral)
}

/// `s.chars().count()`: where the CPU has AVX2 and POPCNT, the bytes of `s` that start a
/// character, 32 at a time (the last ones in the 32 that end the text, the others masked off).
/// For the line and title lengths the page and the outline ask (a few hundred bytes: about a
/// third of std's count, a machine word at a time).
pub fn char_count(s: &str) -> usize {
    #[cfg(target_arch = "x86_64")]
    if s.len() >= 32 && std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt") {
        // SAFETY: the CPU has AVX2 and POPCNT.
        return unsafe { char_count_avx2(s.as_bytes()) };
    }
    s.chars().count()
}

/// [`char_count`] of at least 32 bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
fn char_count_avx2(b: &[u8]) -> usize {
    assert!(b.len() >= 32);
    let p = b.as_ptr();
    // SAFETY (both loads): the 32 bytes lie within `b`.
    let firsts = |at: usize| unsafe { char_masks(p.wrapping_add(at)) }.0;
    let mut n = 0;
    let mut i = 0;
    while b.len() - i >= 32 {
        n += firsts(i).count_ones() as usize;
        i += 32;
    }
    match b.len() - i {
        0 => n,
        rest => n + (firsts(b.len() - 32) & u32::MAX << (32 - rest)).count_ones() as usize,
    }
}

/// Lines of `s` with their spans, without the line terminator (`\n`, `\r\n`).
pub fn lines(s: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    split_inclusive_lines(s).map(move |line| {
        let span_start = start;
        start += line.len();
        let trimmed = line.trim_end_matches(['\n', '\r']);
        Span::new(span_start, span_start + trimmed.len())
    })
}

/// `s.split_inclusive('\n')`, each line found by the memchr crate (vectorised; std's search for
/// a `char` goes a machine word at a time).
pub(crate) fn split_inclusive_lines(s: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= s.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &s.as_bytes()[start..]).map_or(s.len(), |k| start + k + 1);
        let line = &s[start..end];
        start = end;
        Some(line)
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
    // Most lines start and end with no space: two characters looked at, not two searches.
    if !slice.chars().next().is_some_and(char::is_whitespace) && !slice.chars().next_back().is_some_and(char::is_whitespace) {
        return span;
    }
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
        // A span's two ends, however long the span (within a stride, across strides).
        let bounds: Vec<usize> = text.norm().char_indices().map(|(p, _)| p).chain([text.norm().len()]).collect();
        for (k, &a) in bounds.iter().enumerate().step_by(7) {
            for &b in bounds[k..].iter().step_by(5) {
                let want = (naive_utf16(text.norm(), a), naive_utf16(text.norm(), b));
                assert_eq!(text.utf16_span(Span::new(a, b)), want, "{a}..{b}");
            }
        }
    }

    proptest::proptest! {
        /// Spans converted one after another from the last one's end (near or far, before or
        /// after it) get the offsets the naive count gives.
        #[test]
        fn spans_after_a_mark_match_the_naive_oracle(
            text in crate::scan::oracle::texts(vec!["a", "中", "𠀀", "１", "é", "\n", "報告"], 400),
            cuts in proptest::collection::vec((0usize..2000, 0usize..600), 1..20),
        ) {
            let text = Text::new(&text);
            let norm = text.norm();
            let bounds: Vec<usize> = norm.char_indices().map(|(p, _)| p).chain([norm.len()]).collect();
            let mut mark = (0, 0);
            for (at, len) in cuts {
                let a = bounds[at % bounds.len()];
                let b = bounds[(at % bounds.len() + len).min(bounds.len() - 1)];
                let got = text.utf16_span_after(mark, Span::new(a, b));
                proptest::prop_assert_eq!(got, (naive_utf16(norm, a), naive_utf16(norm, b)), "{}..{} after {:?}", a, b, mark);
                mark = (b, got.1);
            }
        }
    }

    /// The 32-byte count agrees with the byte loop on every range of a text of one- to
    /// four-byte characters (ranges shorter and longer than a block, near either end).
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn wide_unit_count_is_the_byte_loops() {
        if !(std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt")) {
            return;
        }
        let pieces = ["a", "中", "𠀀", "é", "１", "\n"];
        for len in [0, 1, 5, 31, 32, 33, 40, 70, 130] {
            let s: String = (0..len).map(|i| pieces[(i * 7 + len) % pieces.len()]).collect();
            let b = s.as_bytes();
            for from in 0..=b.len() {
                for to in from..=b.len() {
                    // SAFETY: the CPU has AVX2 and POPCNT.
                    assert_eq!(unsafe { units_avx2(b, from, to) }, utf16_units(&b[from..to]), "{from}..{to} of {s:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// `char_count` is `chars().count()`.
        #[test]
        fn char_count_is_the_std_count(text in crate::scan::oracle::texts(vec!["a", "中", "𠀀", "é", "１", "\n", "，"], 200)) {
            for (k, _) in text.char_indices().step_by(3) {
                proptest::prop_assert_eq!(char_count(&text[k..]), text[k..].chars().count());
                proptest::prop_assert_eq!(char_count(&text[..k]), text[..k].chars().count());
            }
        }
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
        let (_, shifts, _, _) = fold(&s, &[]);
        for (&n, &o) in norm_starts.iter().zip(&orig_starts) {
            assert_eq!(to_original(&shifts, n), o, "at {n}");
            assert_eq!(text.utf16(n), naive_utf16(&s, o), "at {n}");
        }
        assert_eq!(text.as_written(Span::new(0, text.norm().len())), s);
    }

    /// The naive oracle of `as_written`: the original's characters k..l for the normalised
    /// text's characters k..l.
    fn naive_as_written(original: &str, norm: &str, span: Span) -> String {
        let k = norm[..span.start].chars().count();
        let l = norm[span.range()].chars().count();
        original.chars().skip(k).take(l).collect()
    }

    fn check_as_written_everywhere(s: &str) {
        let text = Text::new(s);
        let bounds: Vec<usize> = text.norm().char_indices().map(|(p, _)| p).chain([text.norm().len()]).collect();
        for (i, &a) in bounds.iter().enumerate() {
            // Every start; ends near it and far from it (the bitmap's words and blocks).
            for &b in bounds[i..].iter().take(6).chain(bounds.iter().rev().take(3).filter(|&&b| b >= a)) {
                let span = Span::new(a, b);
                assert_eq!(text.as_written(span), naive_as_written(s, text.norm(), span), "{span:?} of {s:?}");
            }
        }
        let folded: Vec<(usize, char)> = text.folded().collect();
        let naive: Vec<(usize, char)> =
            text.norm().char_indices().zip(s.chars()).filter(|((_, f), c)| f != c).map(|((p, _), c)| (p, c)).collect();
        assert_eq!(folded, naive);
        let all: Vec<(usize, char, char)> = text.chars_as_written().collect();
        let naive: Vec<(usize, char, char)> = text.norm().char_indices().zip(s.chars()).map(|((p, f), c)| (p, f, c)).collect();
        assert_eq!(all, naive);
    }

    #[test]
    fn as_written_rebuilds_every_span_of_the_original() {
        let pieces = ["１２", "\u{3000}", "\u{A0}", "𠀀", "報告", "中", "é", "\u{FEFF}", "∶", "a", "\n", "（一）", "，"];
        for n in 0..24 {
            let s: String = (0..n * 5).map(|i| pieces[(i * 7 + n) % pieces.len()]).collect();
            check_as_written_everywhere(&s);
        }
        // Folded characters across the bitmap's words (64 bytes) and blocks (256 bytes).
        let long: String = (0..700).map(|i| if i % 97 == 0 || i % 131 == 5 { "，" } else { "a" }).collect();
        check_as_written_everywhere(&long);
        check_as_written_everywhere("");
        check_as_written_everywhere("，");
    }

    #[test]
    fn as_written_puts_back_blanked_artifacts() {
        // A watermark and its URL are blanked in `norm` and written as they were; the full-width
        // characters around them are folded in both passes of `Text::new`.
        let s = "全年受理案件１５件，范文网每日更新 www.fanwen-example.com 办结14件。";
        let text = Text::new(s);
        assert_eq!(text.artifacts().len(), 1);
        assert!(text.norm().contains("件,") && !text.norm().contains("www"));
        assert_eq!(text.as_written(Span::new(0, text.norm().len())), s);
        check_as_written_everywhere(s);
    }

    proptest::proptest! {
        #[test]
        fn as_written_is_the_original(s in "[a１，。\u{3000}報告中𠀀\u{200B}\n]{0,80}") {
            check_as_written_everywhere(&s);
        }
    }

    /// The run-copying fold of a text with nothing blanked gives what the general fold gives
    /// (an empty blanked range takes the general path).
    #[test]
    fn unblanked_folding_is_the_general_folding() {
        let pieces = ["１２", "\u{3000}", "\u{A0}", "𠀀", "報告", "中", "é", "\u{FEFF}", "∶", "a", "\n", "（一）"];
        for n in 0..40 {
            let s: String = (0..n * 7).map(|i| pieces[(i * 5 + n) % pieces.len()]).collect();
            let (norm, shifts, folds, _) = fold(&s, &[0..0]);
            let (norm_u, shifts_u, folds_u, _) = fold_unblanked(&s);
            assert_eq!((norm_u, shifts_u), (norm, shifts), "{s:?}");
            assert_eq!((folds_u.starts, folds_u.chars), (folds.starts, folds.chars), "{s:?}");
        }
    }

    /// Every character of the BMP, alone and between others: the walk that passes over the
    /// characters folding keeps stops at every one it changes.
    #[test]
    fn unblanked_folding_folds_every_character() {
        let every: String = (0..=0xFFFFu32).filter_map(char::from_u32).collect();
        let between: String = every.chars().flat_map(|c| [c, '中', 'a']).collect();
        for s in [every, between] {
            let (norm, shifts, folds, _) = fold(&s, &[0..0]);
            let (norm_u, shifts_u, folds_u, _) = fold_unblanked(&s);
            assert_eq!(norm_u, s.chars().map(fold_char).collect::<String>());
            assert!(norm_u == norm && shifts_u == shifts && folds_u.starts == folds.starts && folds_u.chars == folds.chars);
        }
    }

    /// The marker starts are noted up to one per 16 bytes (or a thousand), then given up: a
    /// text of tiny headings walks its body again instead of holding them.
    #[test]
    fn marker_starts_are_noted_only_while_sparse() {
        let mut report = Text::new(&"一、工作情况\n全年受理案件12件,办结率100%。\n".repeat(2000));
        let starts = report.take_marker_starts().expect("a report's are noted");
        assert!(starts.len() >= 2000 && starts.len() <= report.norm().len() / NOTE_SPACING);
        assert_eq!(report.take_marker_starts(), None, "taken once");
        assert_eq!(Text::new(&"(一)\n".repeat(5000)).take_marker_starts(), None);
        assert_eq!(Text::new(&"(一)\n".repeat(200)).take_marker_starts().map(|s| s.len()), Some(400));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The watermarks' anchors the folding walk notes (Traditional and full-width characters
        /// folded into them or around them) are where a walk of the folded text finds them.
        #[test]
        fn anchors_noted_by_the_folding_walk_are_the_walks(text in crate::scan::oracle::texts(vec![
            "文", "文檔", "網", "範文网", "本文來自", "每日更新", "巴巴", "第一", "１２", "，", "\u{3000}", "a", "中", "𠀀", "\n", "侵删",
        ], 40)) {
            let (norm, _, _, notes) = fold_unblanked(&text);
            let walked: Vec<u32> = crate::artifacts::ANCHORS.within(&norm, 0, norm.len()).map(|(at, _)| at as u32).collect();
            proptest::prop_assert_eq!(notes.anchors, Some(walked), "{:?}", text);
        }
    }

    /// Anchors denser than one per 16 bytes are given up (the watermarks' search walks the text).
    #[test]
    fn anchors_are_noted_only_while_sparse() {
        let (_, _, _, notes) = fold_unblanked(&"文件".repeat(2000));
        assert_eq!(notes.anchors, None);
        let (_, _, _, notes) = fold_unblanked(&"文件".repeat(200));
        assert_eq!(notes.anchors.map(|a| a.len()), Some(200));
        let (_, _, _, notes) = fold_unblanked(&"全年受理案件12件,办结率100%。文件\n".repeat(2000));
        assert_eq!(notes.anchors.map(|a| a.len()), Some(2000));
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

    proptest::proptest! {
        #[test]
        fn lines_split_as_split_inclusive_does(text in crate::scan::oracle::texts(vec!["a", "中", "\n", "\r\n", ""], 20)) {
            proptest::prop_assert_eq!(split_inclusive_lines(&text).collect::<Vec<_>>(), text.split_inclusive('\n').collect::<Vec<_>>());
        }
    }

    proptest::proptest! {
        /// `trim` removes what `str::trim` removes.
        #[test]
        fn trim_is_str_trim(text in crate::scan::oracle::texts(vec!["a", "中", " ", "\u{3000}", "\u{A0}", "\t", "\n", "。", "\u{2003}", "𠀀"], 12)) {
            let span = trim(&text, Span::new(0, text.len()));
            let trimmed = text.trim();
            let start = text.len() - text.trim_start().len();
            proptest::prop_assert_eq!(span, Span::new(start, start + trimmed.len()));
        }
    }

    #[test]
    fn lines_strip_terminators() {
        let s = "甲\r\n乙\n\n丙";
        let got: Vec<&str> = lines(s).map(|l| &s[l.range()]).collect();
        assert_eq!(got, ["甲", "乙", "", "丙"]);
    }
}
