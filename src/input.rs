//! Untrusted input: rejecting what is not a report, with a clear reason (decoding files: `decode`).

use std::fmt;

/// Larger texts are refused rather than left to freeze a page.
pub const MAX_INPUT_BYTES: usize = 48 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    TooLarge { bytes: usize },
    /// A ZIP container: .docx, .xlsx, .zip.
    Zip,
    Pdf,
    /// Bytes that are not UTF-8 text (GBK/GB18030 is the usual case).
    NotUtf8 { offset: usize },
    /// Control characters or NULs: not text at all.
    Binary,
    /// The file ends in the middle of a character (`encoding`: `UTF-8`, `UTF-16`): cut short.
    Truncated { encoding: &'static str },
}

/// `n` with thousands separators: `50,331,649`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "输入为空 (the input is empty)"),
            // Exact figures: rounding made 48 MiB + 1 byte read "48.0 MB, 上限 48 MB".
            InputError::TooLarge { bytes } => write!(
                f,
                "文本过大:{} 字节,上限 {} 字节(48 MiB) (text too large: {} bytes, the limit is {} bytes)",
                grouped(*bytes),
                grouped(MAX_INPUT_BYTES),
                grouped(*bytes),
                grouped(MAX_INPUT_BYTES)
            ),
            InputError::Zip => write!(f, "这是 ZIP 压缩文件,但不是可读的 Word 文档(.docx) (a ZIP file that is not a readable .docx)"),
            InputError::Pdf => write!(f, "这是 PDF 文件,请先复制其中的文字 (a PDF file, not plain text)"),
            InputError::NotUtf8 { offset } => write!(
                f,
                "不是 UTF-8 文本(第 {offset} 字节起),可能是 GBK/GB18030 编码;请先转换:iconv -f GB18030 -t UTF-8 文件名 (not UTF-8 text; convert it first)"
            ),
            InputError::Binary => write!(f, "内容不是文本(含大量控制字符) (binary data, not text)"),
            InputError::Truncated { encoding } => write!(
                f,
                "文件不完整:末尾的字符被截断({encoding}),请检查文件是否完整 (the file ends in the middle of a {encoding} character: cut short?)"
            ),
        }
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// A stable key for tables and JSON lines: `empty`, `too-large`, `zip`, `pdf`, `not-utf8`, `binary`, `truncated`.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Empty => "empty",
            InputError::TooLarge { .. } => "too-large",
            InputError::Zip => "zip",
            InputError::Pdf => "pdf",
            InputError::NotUtf8 { .. } => "not-utf8",
            InputError::Binary => "binary",
            InputError::Truncated { .. } => "truncated",
        }
    }
}

/// Characters that show nothing: a text of only these and white space is empty (a BOM-only
/// file, refused by the CLI after decoding, must be refused the same way when pasted).
fn blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{00AD}')
}

/// Too large, empty, or a PDF's text.
fn refuse_by_size_and_shape(text: &str) -> Result<(), InputError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { bytes: text.len() });
    }
    if text.chars().all(blank) {
        return Err(InputError::Empty);
    }
    if text.trim_start_matches('\u{FEFF}').starts_with("%PDF-") {
        return Err(InputError::Pdf);
    }
    Ok(())
}

/// Refuse text that is empty, too large, or evidently binary. The whole text is read (one
/// pass over its bytes): a NUL anywhere, or control characters and U+FFFD making more than
/// one character in twenty of the whole text or of its first 65,536 characters, is binary.
pub fn validate(text: &str) -> Result<(), InputError> {
    refuse_by_size_and_shape(text)?;
    // Nearly every text holds no byte a junk character can begin with: then none is junk, and
    // nothing needs counting (one branch-free pass over the bytes instead of three).
    if !may_hold_junk(text.as_bytes()) {
        return Ok(());
    }
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(InputError::Binary);
    }
    // Counted on the bytes (the text is valid UTF-8): a character per byte that does not
    // continue one; vectorised, where decoding each character took 60 instructions per
    // character of a report.
    // The head and the rest each once (a character never straddles the head's end).
    let head = head_end(text.as_bytes(), HEAD_CHARS);
    let (head_total, head_junk) = tally(&text[..head]);
    let (rest_total, rest_junk) = tally(&text[head..]);
    let (total, junk) = (head_total + rest_total, head_junk + rest_junk);
    if junk * 20 > total || head_junk * 20 > head_total {
        return Err(InputError::Binary);
    }
    Ok(())
}

/// The text's head that [`validate`] judges on its own: its first 65,536 characters.
const HEAD_CHARS: usize = 65536;

/// The byte length of the first `limit` ([`HEAD_CHARS`]) characters of valid UTF-8: whole
/// chunks of 255 bytes counted at a time (vectorised) while they stay within it, then byte by byte.
fn head_end(bytes: &[u8], limit: usize) -> usize {
    if bytes.len() <= limit {
        return bytes.len();
    }
    let (mut chars, mut at) = (0, 0);
    for chunk in bytes.chunks(255) {
        let n = usize::from(chunk.iter().map(|&b| u8::from(starts_char(b))).sum::<u8>());
        if chars + n > limit {
            break;
        }
        chars += n;
        at += chunk.len();
    }
    for (i, &b) in bytes[at..].iter().enumerate() {
        if starts_char(b) {
            if chars == limit {
                return at + i;
            }
            chars += 1;
        }
    }
    bytes.len()
}

/// Whether a byte of valid UTF-8 starts a character (is not a continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The characters of a text and how many of them are junk: control characters
/// (`char::is_control`: U+0000–U+001F, U+007F–U+009F) other than line breaks, tab and form
/// feed, and U+FFFD.
fn tally(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let Some((&last, _)) = bytes.split_last() else { return (0, 0) };
    // Each byte beside the next (U+0080–U+009F are C2 80 … C2 9F), and the characters (the
    // bytes that do not continue one), counted 255 at a time in byte-wide sums in one pass:
    // branch-free, so it vectorises.
    let (this, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    let (mut chars, mut junk_pairs) = (usize::from(starts_char(last)), 0);
    for (this, next) in this.chunks(255).zip(next.chunks(255)) {
        let (mut c, mut j) = (0u8, 0u8);
        for (&b, &n) in this.iter().zip(next) {
            c += u8::from(starts_char(b));
            j += u8::from(ascii_junk(b) | (b == 0xC2) & (n < 0xA0));
        }
        chars += usize::from(c);
        junk_pairs += usize::from(j);
    }
    // By memmem: `matches('\u{FFFD}')` stops at every 0xBD, a byte of many Chinese characters.
    let replacement = memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes()).count();
    (chars, junk_pairs + ascii_junk(last) as usize + replacement)
}

/// Whether `bytes` may hold a junk character (see [`tally`]): a NUL or another ASCII control
/// character that is not a line break, tab or form feed; `C2` before a byte below `A0` (the C1
/// controls); `EF BF`, the start of U+FFFD (and of the other half-width and full-width forms
/// from U+FFC0, ￥ among them, rare in a report: then the exact count decides; `BF BD` alone is
/// the end of 追 too). 256 byte pairs at a time, each block one branch-free OR (vectorised).
fn may_hold_junk(bytes: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above).
        return unsafe { may_hold_junk_avx2(bytes) };
    }
    may_hold_junk_bytewise(bytes)
}

/// [`may_hold_junk`] 32 byte pairs a step (the byte-wise loop vectorises to 16 with the
/// baseline x86-64's SSE2, about 2 instructions a byte: 2 % of a whole analysis), the last
/// few bytes by the byte-wise loop. The same tests, on lanes: a control character is a byte
/// below 0x20 outside 9..=13 (tab, line feed, VT, form feed, carriage return), or VT, or 0x7F.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn may_hold_junk_avx2(bytes: &[u8]) -> bool {
    use std::arch::x86_64::*;
    let splat = |b: u8| _mm256_set1_epi8(b as i8);
    // Unsigned `x <= max`, lane by lane (AVX2 compares bytes as signed).
    let at_most = |x: __m256i, max: u8| _mm256_cmpeq_epi8(_mm256_min_epu8(x, splat(max)), x);
    let mut any = _mm256_setzero_si256();
    let mut at = 0;
    // Each step reads bytes at..at + 33: the 32 bytes and each one's next.
    while at + 33 <= bytes.len() {
        // SAFETY: both loads are within `bytes` (at + 33 <= len); loadu needs no alignment.
        let (b, next) = unsafe {
            let p = bytes.as_ptr().add(at);
            (_mm256_loadu_si256(p.cast()), _mm256_loadu_si256(p.add(1).cast()))
        };
        let below_space = at_most(b, 0x1F);
        let line_breaks_and_tab = at_most(_mm256_sub_epi8(b, splat(9)), 4);
        let vt = _mm256_cmpeq_epi8(b, splat(0x0B));
        let control = _mm256_andnot_si256(_mm256_andnot_si256(vt, line_breaks_and_tab), below_space);
        let delete = _mm256_cmpeq_epi8(b, splat(0x7F));
        let c1 = _mm256_and_si256(_mm256_cmpeq_epi8(b, splat(0xC2)), at_most(next, 0x9F));
        let specials = _mm256_and_si256(_mm256_cmpeq_epi8(b, splat(0xEF)), _mm256_cmpeq_epi8(next, splat(0xBF)));
        any = _mm256_or_si256(any, _mm256_or_si256(_mm256_or_si256(control, delete), _mm256_or_si256(c1, specials)));
        at += 32;
    }
    // The pairs from `at` on and the last byte (the pairs before `at` were all tested above).
    _mm256_testz_si256(any, any) == 0 || may_hold_junk_bytewise(&bytes[at..])
}

fn may_hold_junk_bytewise(bytes: &[u8]) -> bool {
    let Some((&last, _)) = bytes.split_last() else { return false };
    let (this, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    ascii_junk(last)
        || this.chunks(256).zip(next.chunks(256)).any(|(this, next)| {
            let mut any = 0u8;
            for (&b, &n) in this.iter().zip(next) {
                any |= u8::from(ascii_junk(b) | (b == 0xC2) & (n < 0xA0) | (b == 0xEF) & (n == 0xBF));
            }
            any != 0
        })
}

/// An ASCII control character other than a line break, tab or form feed.
fn ascii_junk(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C) | (b == 0x7F)
}

/// The rule as first written, a character at a time: the oracle of `validate`'s byte counts.
#[cfg(test)]
fn validate_by_chars(text: &str) -> Result<(), InputError> {
    refuse_by_size_and_shape(text)?;
    let (mut total, mut junk) = (0usize, 0usize);
    let (mut head_total, mut head_junk) = (0usize, 0usize);
    for c in text.chars() {
        if c == '\0' {
            return Err(InputError::Binary);
        }
        total += 1;
        let bad = (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}';
        junk += bad as usize;
        if total <= HEAD_CHARS {
            head_total = total;
            head_junk = junk;
        }
    }
    if junk * 20 > total || head_junk * 20 > head_total {
        return Err(InputError::Binary);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// The chunked head end is where the first `limit` characters end (the oracle: `char_indices`).
        #[test]
        fn the_head_ends_after_its_characters(text in crate::scan::oracle::texts(vec!["a", "中", "é", "𠀀", "\n"], 400), limit in 0usize..600) {
            let want = text.char_indices().nth(limit).map_or(text.len(), |(i, _)| i);
            proptest::prop_assert_eq!(head_end(text.as_bytes(), limit), want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The quick test before the counts misses no junk character (up to 300 pieces: across its
        /// 256-pair blocks).
        #[test]
        fn a_text_without_junk_bytes_has_no_junk(parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..300)) {
            let text = parts.concat();
            if tally(&text).1 > 0 || text.contains('\0') {
                proptest::prop_assert!(may_hold_junk(text.as_bytes()), "{:?}", text);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The vectorised screen says what the byte-wise one says, on any bytes (a junk byte at
        /// any place of a 32-byte step, across steps, in the tail), with the bytes that matter
        /// most of the time.
        #[test]
        fn the_screen_agrees_with_the_bytewise_loop(bytes in proptest::collection::vec(proptest::prop_oneof![
            proptest::sample::select(vec![b'a', b'\n', 0xE5, 0xAD, 0x97, 0xEF, 0xBC, 0x8C]),
            proptest::sample::select(vec![0u8, 8, 9, 10, 11, 12, 13, 14, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xEF, 0xFF]),
        ], 0..200)) {
            proptest::prop_assert_eq!(may_hold_junk(&bytes), may_hold_junk_bytewise(&bytes), "{:?}", bytes);
        }
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(validate("\u{1}\u{2}\u{3}\u{4}ab"), Err(InputError::Binary));
        assert!(matches!(validate(&"字".repeat(MAX_INPUT_BYTES / 3 + 1)), Err(InputError::TooLarge { .. })));
    }

    #[test]
    fn reads_the_whole_text_for_nuls_and_control_characters() {
        let clean = "全年办理行政复议案件15件。\n".repeat(10_000);
        assert!(clean.chars().count() > 65536);
        assert_eq!(validate(&clean), Ok(()));
        // A NUL after the first 65,536 characters.
        assert_eq!(validate(&format!("{clean}\0")), Err(InputError::Binary));
        // A binary tail longer than a twentieth of the whole.
        let tail = "\u{1}\u{2}\u{3}\u{4}".repeat(clean.chars().count() / 8);
        assert_eq!(validate(&format!("{clean}{tail}")), Err(InputError::Binary));
        // A few stray control characters in a long text are not binary.
        assert_eq!(validate(&format!("{clean}\u{7}\u{1B}")), Ok(()));
    }

    #[test]
    fn bom_only_and_invisible_only_texts_are_empty() {
        for t in ["\u{FEFF}", "\u{FEFF}\n \u{3000}", "\u{200B}\u{200B}", "\u{2060}\u{FEFF}"] {
            assert_eq!(validate(t), Err(InputError::Empty), "{t:?}");
        }
        assert_eq!(validate("\u{FEFF}报告"), Ok(()));
    }

    #[test]
    fn a_pdf_behind_a_bom_is_a_pdf() {
        assert_eq!(validate("\u{FEFF}%PDF-1.7\n1 0 obj"), Err(InputError::Pdf));
        assert_eq!(validate("%PDF-1.4"), Err(InputError::Pdf));
        // A report that merely mentions the format is a report.
        assert_eq!(validate("附件为 %PDF- 格式"), Ok(()));
    }

    #[test]
    fn size_messages_give_exact_figures() {
        let e = InputError::TooLarge { bytes: MAX_INPUT_BYTES + 1 };
        assert_eq!(
            e.to_string(),
            "文本过大:50,331,649 字节,上限 50,331,648 字节(48 MiB) (text too large: 50,331,649 bytes, the limit is 50,331,648 bytes)"
        );
        assert!(InputError::TooLarge { bytes: 100 * 1048576 }.to_string().starts_with("文本过大:104,857,600 字节,"));
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        let text = "a".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(validate(&text), Err(InputError::TooLarge { bytes: MAX_INPUT_BYTES + 1 }));
        assert_eq!(validate(&text[1..]), Ok(()));
    }

    /// Characters around every boundary the byte counts read: each control character class,
    /// U+FFFD and its neighbours, C1 controls and the characters that share their lead byte.
    fn pieces() -> Vec<&'static str> {
        vec![
            "a", "字", "。", ",", "\n", "\r", "\t", "\u{0C}", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
            "\u{BF}", "\u{FFFD}", "\u{FFFC}", "\u{FFFE}", "\u{FEFF}", "\u{200B}", " ", "\u{3000}", "😀", "%PDF-", "\u{EFBF}",
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn byte_counts_judge_as_the_character_loop(parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..60)) {
            let text = parts.concat();
            proptest::prop_assert_eq!(validate(&text), validate_by_chars(&text), "{:?}", text);
        }

        /// The counts themselves (up to 120 pieces: across the 255-byte chunks of the byte sums).
        #[test]
        fn tally_counts_characters_and_junk(parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..120)) {
            let text = parts.concat();
            let junk = text.chars().filter(|&c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}').count();
            proptest::prop_assert_eq!(tally(&text), (text.chars().count(), junk), "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Texts longer than the head, one character in twenty junk (the threshold itself), with
        /// more pieces placed across the head's end: which side of it each lands on decides.
        #[test]
        fn the_head_ends_where_the_character_loop_ends_it(units in 3270usize..3280, wide in proptest::bool::ANY, parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..400)) {
            let filler = if wide { "字" } else { "a" };
            let unit = format!("\u{1}{}", filler.repeat(19));
            let text = format!("{}{}", unit.repeat(units), parts.concat());
            proptest::prop_assert_eq!(validate(&text), validate_by_chars(&text));
        }
    }

    #[test]
    fn the_head_is_exactly_the_first_65536_characters() {
        // 3,276 junk characters in the head are at the threshold (3,276 × 20 ≤ 65,536); one
        // more is binary when it is the 65,536th character, not when it is the 65,537th.
        for filler in ["a", "字", "😀"] {
            for (junk_at, binary) in [(65_535, true), (65_536, false)] {
                let mut chars: Vec<&str> = vec![filler; 300_000];
                chars[..3276].fill("\u{1}");
                chars[junk_at] = "\u{7F}";
                let text = chars.concat();
                let expected = if binary { Err(InputError::Binary) } else { Ok(()) };
                assert_eq!(validate(&text), expected, "{filler} {junk_at}");
                assert_eq!(validate_by_chars(&text), expected, "{filler} {junk_at}");
            }
        }
    }

    #[test]
    fn junk_in_the_head_alone_is_binary() {
        // 4,000 control characters among the first 65,536 characters: binary there, though
        // the whole text has too few of them.
        let text = format!("{}{}", "\u{1}".repeat(4000), "字".repeat(200_000));
        assert_eq!(validate(&text), Err(InputError::Binary));
        assert_eq!(validate_by_chars(&text), Err(InputError::Binary));
    }
}
