//! The heading-marker grammar: how reports number their headings and list items
//! (一、 (一) 1. 1、 (1) ① 一是 第一 首先 …). One grammar for every stage that asks "does a
//! heading start here?": `outline` (which markers are headings), `chrome` (where a page's
//! head ends, headings naming a year) and `review::truncation` (a heading line is not a
//! cut-off sentence). Which *context* makes a marker a heading is outline's business and
//! its words are in `vocab::headings`.

use std::ops::Range;
use std::sync::LazyLock;

use crate::scan::{run, Starts};

use crate::result::HeadingStyle;
#[cfg(test)]
use crate::vocab::dates::cn_small;

/// Chinese numerals of a marker, 一 … 九十九.
const CN_NUMBER: &str = "[一二三四五六七八九十]{1,3}";
/// What follows the numeral of a 一、 heading (`一.` too).
const DUN: &str = "[、.]";

/// `首先 其次 再次 最后` with their order (最后 closes a list and carries no number).
pub const SEQUENCE_WORDS: &[(&str, Option<u32>)] = &[("首先", Some(1)), ("其次", Some(2)), ("再次", Some(3)), ("最后", None)];

/// The marker family: the numbering scheme a heading belongs to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// 一、
    CnDun,
    /// (一)
    CnParen,
    /// 1. 1、
    NumDot,
    /// (1)
    NumParen,
    /// ①
    Circled,
    /// 一是
    Shi,
    /// 第一 第一, 第一、
    Di,
    /// 首先 其次 再次 最后
    Sequence,
    /// An unnumbered short sentence acting as a heading.
    RunIn,
}

impl Family {
    pub fn style(self) -> HeadingStyle {
        match self {
            Family::CnDun => HeadingStyle::CnDun,
            Family::CnParen => HeadingStyle::CnParen,
            Family::NumDot => HeadingStyle::NumDot,
            Family::NumParen => HeadingStyle::NumParen,
            Family::Circled => HeadingStyle::Circled,
            Family::Shi | Family::Di | Family::Sequence => HeadingStyle::Inline,
            Family::RunIn => HeadingStyle::RunIn,
        }
    }

    /// Families that open levels (inline enumerations do not).
    pub fn structural(self) -> bool {
        matches!(self, Family::CnDun | Family::CnParen | Family::NumDot | Family::NumParen | Family::Circled)
    }

    /// The usual order of levels 一、 > (一) > 1. > (1) > ①, used only for a family the
    /// document has not placed yet.
    pub fn rank(self) -> u8 {
        match self {
            Family::CnDun => 0,
            Family::CnParen => 1,
            Family::NumDot => 2,
            Family::NumParen => 3,
            Family::Circled => 4,
            _ => 5,
        }
    }

    /// How this family writes the number `n` (for messages): `三是`, `(三)`, `3.` …
    pub fn render(self, n: u32) -> String {
        let cn = cn_numeral(n);
        match self {
            Family::CnDun => format!("{cn}、"),
            Family::CnParen => format!("({cn})"),
            Family::NumDot => format!("{n}."),
            Family::NumParen => format!("({n})"),
            Family::Circled => char::from_u32('①' as u32 + n.saturating_sub(1)).map_or(format!("({n})"), String::from),
            Family::Shi => format!("{cn}是"),
            Family::Di => format!("第{cn}"),
            Family::Sequence => SEQUENCE_WORDS
                .iter()
                .find(|(_, k)| *k == Some(n))
                .map_or_else(|| format!("第{cn}"), |(w, _)| (*w).to_owned()),
            Family::RunIn => String::new(),
        }
    }
}

/// 1 → 一, 11 → 十一, 23 → 二十三 (1–99): the writer beside the one reader in `vocab::numerals`.
pub fn cn_numeral(n: u32) -> String {
    super::numerals::write_small(n)
}

/// Chinese numerals of a marker (`CN_NUMBER`'s class).
const CN_DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/// Circled numbers ① … ⑳.
const CIRCLED: std::ops::RangeInclusive<char> = '①'..='⑳';

/// A Chinese numeral of a marker (`CN_NUMBER`'s class).
pub fn is_cn_digit(c: char) -> bool {
    CN_DIGITS.contains(&c)
}

/// The structural markers (一、 (一) 1. (1)) as one non-capturing pattern, for patterns that
/// read what follows a heading's marker (`一、2021年主要工作情况`).
pub fn structural_pattern() -> String {
    format!(r"(?:{CN_NUMBER}{DUN}|\({CN_NUMBER}\)|[0-9]{{1,2}}[.、]|\([0-9]{{1,2}}\))")
}

/// Whether `line` starts with a marker of any family (spaces and tabs before it allowed).
pub fn starts_with_marker(line: &str) -> bool {
    let rest = line.trim_start_matches([' ', '\t']);
    rest.chars().next().is_some_and(|c| marker_at(rest, 0, c).is_some())
}

/// One marker-shaped string as [`scan`] finds it (byte ranges in the scanned text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub whole: Range<usize>,
    pub family: Family,
    /// The marker's numeral (`三` of `(三)`) or sequence word (`其次`).
    pub numeral: Range<usize>,
    /// A `,` or `、` follows `第一` or a sequence word.
    pub separated: bool,
}

/// Every marker-shaped string of `s`, in order and not overlapping: at each character the
/// families are tried in the order of the grammar (a heading's numbering, see the module
/// head); the text is folded, so `（一）` reads `(一)`.
///
/// The grammar, as the regular expression it once was (kept as the oracle of the tests below):
/// `CN{1,3}[、.] | \(CN{1,3}\) | [0-9]{1,2}[.、] | \([0-9]{1,2}\) | [①-⑳] | CN{1,3}是 |
/// 第CN{1,3}[,、]? | (首先|其次|再次|最后)[,、]?` with CN = `[一二三四五六七八九十]`, leftmost-first.
/// Scanned by hand: in the wasm's small regex engine (no DFA) this alternation over the whole
/// body was the hottest search of the analysis.
#[cfg(test)]
pub fn scan(s: &str) -> impl Iterator<Item = Found> + '_ {
    let mut starts = starts_in(s);
    scan_from(s, move || starts.next())
}

/// The characters a marker starts with: the walk of [`scan`] stops at them, and
/// [`crate::Text::new`]'s folding walk notes where they stand ([`starts_noted`]).
pub(crate) static STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(start_chars()));

/// The characters of [`STARTS`], one by one (the folding walk's set holds them).
pub(crate) fn start_chars() -> impl Iterator<Item = char> {
    let sequence = SEQUENCE_WORDS.iter().filter_map(|(w, _)| w.chars().next());
    CN_DIGITS.iter().copied().chain(['(', '第']).chain('0'..='9').chain(CIRCLED).chain(sequence)
}

/// Where the characters of [`STARTS`] stand in `s`, found by a walk of it.
pub fn starts_in(s: &str) -> impl Iterator<Item = usize> + '_ {
    STARTS.within(s, 0, s.len()).map(|(k, _)| k)
}

/// Where they stand in `s`, the slice of a text from byte `base`, from where the folding walk
/// noted them in that text (sorted; of each run of ASCII digits at least its first): no walk of
/// `s`. A run of digits that begins before `s` begins again at its first byte.
pub fn starts_noted<'s>(s: &'s str, base: usize, noted: &'s [u32]) -> impl Iterator<Item = usize> + 's {
    let position = |p: &u32| *p as usize;
    let from = noted.partition_point(|p| position(p) < base);
    let to = noted.partition_point(|p| position(p) < base + s.len());
    let cut_run = s.as_bytes().first().is_some_and(u8::is_ascii_digit) && noted.get(from).map(position) != Some(base);
    cut_run.then_some(0).into_iter().chain(noted[from..to].iter().map(move |p| position(p) - base))
}

/// [`scan`] of `s`, the markers tried where its start characters stand (`next_start` gives
/// them in order): leftmost-first, as the walk of the grammar reads them.
pub fn scan_from<'s>(s: &'s str, mut next_start: impl FnMut() -> Option<usize> + 's) -> impl Iterator<Item = Found> + 's {
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(k) = next_start() {
            let Some(c) = s.get(k..).and_then(|rest| rest.chars().next()).filter(|_| k >= i) else { continue };
            let (end, found) = try_at(s, k, c).unwrap_or((k + c.len_utf8(), None));
            i = end;
            if found.is_some() {
                return found;
            }
        }
        None
    })
}

/// The marker found at byte `i`, whose character `c` is one of [`STARTS`]:
/// its end and the marker, `None` with the end of a run of digits that holds none, or `None`.
fn try_at(s: &str, i: usize, c: char) -> Option<(usize, Option<Found>)> {
    if c.is_ascii_digit() {
        // A run of digits (most are a figure's) holds a marker only at its last one or two
        // digits, before `.` or `、`: tried there once, and the walk resumes after the run
        // when there is none, instead of stopping at each of its digits.
        let run_end = i + s.as_bytes()[i..].iter().take_while(|d| d.is_ascii_digit()).count();
        // Only `.` or `、` (its first byte) after the run makes one.
        if !matches!(s.as_bytes().get(run_end), Some(b'.' | 0xE3)) {
            return Some((run_end, None));
        }
        let from = i.max(run_end.saturating_sub(2));
        let found = marker_at(s, from, char::from(s.as_bytes()[from]));
        return Some(found.map_or((run_end, None), |m| (m.whole.end, Some(m))));
    }
    marker_at(s, i, c).map(|m| (m.whole.end, Some(m)))
}

/// A separator `,` or `、` at `at`: its length (0 when there is none).
fn separator_at(s: &str, at: usize) -> usize {
    match s[at..].chars().next() {
        Some(c @ (',' | '、')) => c.len_utf8(),
        _ => 0,
    }
}

/// The marker starting at byte `i`, whose character is `c`, if one does.
fn marker_at(s: &str, i: usize, c: char) -> Option<Found> {
    let found = |whole_end: usize, family: Family, numeral: Range<usize>, separated: bool| {
        Some(Found { whole: i..whole_end, family, numeral, separated })
    };
    match c {
        c if is_cn_digit(c) => {
            // 一、 or 一是: a numeral of at most three characters (a longer run has a numeral
            // after any three) and the character after it.
            let (end, n) = run(s, i, 4, is_cn_digit);
            let next = s[end..].chars().next().filter(|_| n <= 3)?;
            let family = match next {
                '、' | '.' => Family::CnDun,
                '是' => Family::Shi,
                _ => return None,
            };
            found(end + next.len_utf8(), family, i..end, false)
        }
        '(' => {
            let inner = i + 1;
            let (end, n) = run(s, inner, 4, is_cn_digit);
            if (1..=3).contains(&n) && s[end..].starts_with(')') {
                return found(end + 1, Family::CnParen, inner..end, false);
            }
            let (end, n) = run(s, inner, 3, |c| c.is_ascii_digit());
            if (1..=2).contains(&n) && s[end..].starts_with(')') {
                return found(end + 1, Family::NumParen, inner..end, false);
            }
            None
        }
        '0'..='9' => {
            // Read from the bytes (digits are ASCII): most digits are a figure's, not a marker's.
            let digits = s.as_bytes()[i..].iter().take(3).take_while(|d| d.is_ascii_digit()).count();
            let end = i + digits;
            let next = if digits > 2 {
                return None;
            } else if s.as_bytes().get(end) == Some(&b'.') {
                1
            } else if s[end..].starts_with('、') {
                '、'.len_utf8()
            } else {
                return None;
            };
            found(end + next, Family::NumDot, i..end, false)
        }
        '①'..='⑳' => found(i + c.len_utf8(), Family::Circled, i..i + c.len_utf8(), false),
        '第' => {
            // The numeral takes up to three characters; a separator only right after it.
            let inner = i + c.len_utf8();
            let (end, n) = run(s, inner, 3, is_cn_digit);
            if n == 0 {
                return None;
            }
            let sep = separator_at(s, end);
            found(end + sep, Family::Di, inner..end, sep > 0)
        }
        _ if SEQUENCE_WORDS.iter().any(|(w, _)| w.starts_with(c)) => {
            let (word, _) = SEQUENCE_WORDS.iter().find(|(w, _)| s[i..].starts_with(w))?;
            let end = i + word.len();
            let sep = separator_at(s, end);
            found(end + sep, Family::Sequence, i..end, sep > 0)
        }
        _ => None,
    }
}

/// The number of a marker's numeral (one to three of [`CN_DIGITS`]): what `cn_small` reads
/// (一 … 九十九, None for an ill-formed one such as 十十 or 一二), read from the characters
/// without its allocation and general reader (a third of the outline's marker reading).
fn cn_marker_number(numeral: &str) -> Option<u32> {
    let value = |c: char| CN_DIGITS.iter().position(|&d| d == c).map(|k| k as u32 + 1);
    let mut chars = numeral.chars();
    let digit = |c: char| value(c).filter(|&v| v < 10);
    match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some(a), None, None, None) => value(a),
        (Some(TEN), Some(b), None, None) => Some(10 + digit(b)?),
        (Some(a), Some(TEN), None, None) => Some(digit(a)? * 10),
        (Some(a), Some(TEN), Some(c), None) => Some(digit(a)? * 10 + digit(c)?),
        _ => None,
    }
}

/// 十, the last of [`CN_DIGITS`].
const TEN: char = CN_DIGITS[9];

/// What a marker says: its family, its number (None for 最后) and whether a separator follows
/// it (`第一,`, `首先,`).
pub struct Read {
    pub family: Family,
    pub number: Option<u32>,
    pub separated: bool,
}

/// What the marker `m` of `s` says; None when its number cannot be read.
pub fn read(s: &str, m: &Found) -> Option<Read> {
    let numeral = &s[m.numeral.clone()];
    let number = match m.family {
        Family::CnDun | Family::CnParen | Family::Shi | Family::Di => cn_marker_number(numeral),
        Family::NumDot | Family::NumParen => numeral.parse().ok(),
        Family::Circled => numeral.chars().next().map(|ch| ch as u32 - '①' as u32 + 1),
        Family::Sequence => SEQUENCE_WORDS.iter().find(|(w, _)| *w == numeral).and_then(|(_, n)| *n),
        Family::RunIn => None,
    };
    if (number.is_none() && m.family != Family::Sequence) || number == Some(0) {
        return None;
    }
    Some(Read { family: m.family, number, separated: m.separated })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::oracle::{seeds, texts};

    /// The regular expression the scanner replaced, one named group per family: the oracle.
    fn oracle() -> regex::Regex {
        let sequence = SEQUENCE_WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>().join("|");
        let alternatives = [
            format!(r"(?<dun>{CN_NUMBER}){DUN}"),
            format!(r"\((?<cparen>{CN_NUMBER})\)"),
            r"(?<num>[0-9]{1,2})[.、]".to_owned(),
            r"\((?<nparen>[0-9]{1,2})\)".to_owned(),
            r"(?<circ>[①-⑳])".to_owned(),
            format!(r"(?<shi>{CN_NUMBER})是"),
            format!(r"第(?<di>{CN_NUMBER})(?<disep>[,、])?"),
            format!(r"(?<seq>{sequence})(?<seqsep>[,、])?"),
        ];
        regex::Regex::new(&alternatives.join("|")).unwrap()
    }

    fn oracle_found(re: &regex::Regex, s: &str) -> Vec<Found> {
        let groups = [
            ("dun", Family::CnDun),
            ("cparen", Family::CnParen),
            ("num", Family::NumDot),
            ("nparen", Family::NumParen),
            ("circ", Family::Circled),
            ("shi", Family::Shi),
            ("di", Family::Di),
            ("seq", Family::Sequence),
        ];
        re.captures_iter(s)
            .map(|c| {
                let (numeral, family) = groups.iter().find_map(|(g, f)| c.name(g).map(|m| (m.range(), *f))).unwrap();
                let separated = c.name("disep").is_some() || c.name("seqsep").is_some();
                Found { whole: c.get(0).unwrap().range(), family, numeral, separated }
            })
            .collect()
    }

    fn pieces() -> Vec<&'static str> {
        vec![
            "一", "二", "三", "十", "九", "百", "、", ".", "是", "(", ")", "0", "1", "9", "12", "①", "⑳", "⑴", "第", "首先", "其次",
            "再次", "最后", "首", "次", ",", " ", "\n", "年", "a", "。", "(一)", "1.",
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_scanner_finds_what_the_regex_found(text in texts(pieces(), 24)) {
            proptest::prop_assert_eq!(scan(&text).collect::<Vec<_>>(), oracle_found(&oracle(), &text), "{:?}", text);
        }

        /// Read from where the folding walk of `Text::new` noted the start characters (full-width
        /// and Traditional characters among them, digit runs cut by the slice), any slice of
        /// the folded text gives the markers the walk of that slice gives.
        #[test]
        fn markers_read_from_the_folding_walks_notes_are_the_walks(
            parts in proptest::collection::vec(proptest::sample::select(folded_pieces()), 0..30),
            cut in (0usize..40, 0usize..40),
        ) {
            let mut text = crate::Text::new(&parts.concat());
            let starts = text.take_marker_starts().expect("noted (no artifact in these texts)");
            let norm = text.norm();
            let bounds: Vec<usize> = norm.char_indices().map(|(i, _)| i).chain([norm.len()]).collect();
            let (a, b) = (bounds[cut.0.min(bounds.len() - 1)], bounds[cut.1.min(bounds.len() - 1)]);
            let (a, b) = (a.min(b), a.max(b));
            let slice = &norm[a..b];
            let mut positions = starts_noted(slice, a, &starts);
            let noted = scan_from(slice, move || positions.next());
            proptest::prop_assert_eq!(noted.collect::<Vec<_>>(), scan(slice).collect::<Vec<_>>(), "{:?}", slice);
        }
    }

    /// [`pieces`] and what folds to them: full-width digits, brackets and stops, a Traditional
    /// character, an ideographic space.
    fn folded_pieces() -> Vec<&'static str> {
        let mut all = pieces();
        all.extend(["１", "２２", "（", "）", "．", "，", "\u{3000}", "國", "123", "45", "2024"]);
        all
    }

    /// Where the regex backtracks or a later start wins: numeral runs of four, digit runs of
    /// three, 第 before a long numeral, separators after 第一 and 首先 only.
    #[test]
    fn the_scanner_agrees_on_hand_picked_cases() {
        let re = oracle();
        for text in [
            "一二三四、", "一二三、", "十一是", "一二三四是", "(一二三四)", "(十二)", "(123)", "(12)", "123.", "12.5", "1、2、", "第一二三四,",
            "第十二、", "第一,", "第二、三", "首先,其次、再次最后。", "最后", "第", "(", "①②", "⑳、", "第(一)", "一是二是", "2024.3",
            "五一二、", "三十五、", "十十十、", "(0)", "0.", "第一百", "首先是",
        ] {
            assert_eq!(scan(text).collect::<Vec<_>>(), oracle_found(&re, text), "{text}");
        }
    }

    /// Every seed report, normalised as the pipeline reads it.
    #[test]
    fn the_scanner_agrees_on_every_seed() {
        let re = oracle();
        for text in seeds() {
            let want = oracle_found(&re, &text);
            assert!(!want.is_empty());
            assert_eq!(scan(&text).collect::<Vec<_>>(), want);
        }
    }

    /// The marker's reader agrees with the shared one on every numeral of one to three of the
    /// marker's characters.
    #[test]
    fn marker_numerals_read_as_the_shared_reader_reads_them() {
        let one: Vec<String> = CN_DIGITS.iter().map(|c| c.to_string()).collect();
        let mut all = one.clone();
        for a in &one {
            for b in &one {
                all.push(format!("{a}{b}"));
                all.extend(one.iter().map(|c| format!("{a}{b}{c}")));
            }
        }
        for numeral in &all {
            assert_eq!(cn_marker_number(numeral), cn_small(numeral), "{numeral}");
        }
    }

    #[test]
    fn every_family_reads_its_number() {
        let cases = [
            ("三、", Family::CnDun, Some(3)),
            ("(十二)", Family::CnParen, Some(12)),
            ("4.", Family::NumDot, Some(4)),
            ("5、", Family::NumDot, Some(5)),
            ("(6)", Family::NumParen, Some(6)),
            ("⑦", Family::Circled, Some(7)),
            ("二是", Family::Shi, Some(2)),
            ("第三", Family::Di, Some(3)),
            ("其次", Family::Sequence, Some(2)),
            ("最后", Family::Sequence, None),
        ];
        for (s, family, number) in cases {
            let m = scan(s).next().unwrap();
            let r = read(s, &m).unwrap();
            assert_eq!((r.family, r.number), (family, number), "{s}");
            // What a family renders, it reads back.
            if let Some(n) = number {
                let back = family.render(n);
                let m = scan(&back).next().unwrap();
                assert_eq!(read(&back, &m).map(|r| (r.family, r.number)), Some((family, Some(n))), "{back}");
            }
        }
    }

    #[test]
    fn line_starts() {
        assert!(starts_with_marker("一、主要工作"));
        assert!(starts_with_marker("  (二)加强学习"));
        assert!(starts_with_marker("最后,加强宣传"));
        assert!(!starts_with_marker("(2022年)"));
        assert!(!starts_with_marker("我局一是加强学习"));
    }

    #[test]
    fn numerals() {
        assert_eq!(cn_numeral(11), "十一");
        assert_eq!(cn_numeral(20), "二十");
        assert_eq!(cn_numeral(23), "二十三");
        assert_eq!(Family::Shi.render(2), "二是");
        assert_eq!(Family::CnParen.render(3), "(三)");
        assert_eq!(Family::Circled.render(2), "②");
        assert_eq!(Family::Di.render(4), "第四");
        assert_eq!(Family::Sequence.render(2), "其次");
    }
}
