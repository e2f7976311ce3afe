//! The heading-marker grammar: how reports number their headings and list items
//! (一、 (一) 1. 1、 (1) ① 一是 第一 首先 …). One grammar for every stage that asks "does a
//! heading start here?": `outline` (which markers are headings), `chrome` (where a page's
//! head ends, headings naming a year) and `review::truncation` (a heading line is not a
//! cut-off sentence). Which *context* makes a marker a heading is outline's business and
//! its words are in `vocab::headings`.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::result::HeadingStyle;
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

/// The families' patterns, one named group each (the group names are read by [`read`]).
fn alternatives() -> String {
    let sequence = SEQUENCE_WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>().join("|");
    [
        format!(r"(?<dun>{CN_NUMBER}){DUN}"),
        format!(r"\((?<cparen>{CN_NUMBER})\)"),
        r"(?<num>[0-9]{1,2})[.、]".to_owned(),
        r"\((?<nparen>[0-9]{1,2})\)".to_owned(),
        r"(?<circ>[①-⑳])".to_owned(),
        format!(r"(?<shi>{CN_NUMBER})是"),
        format!(r"第(?<di>{CN_NUMBER})(?<disep>[,、])?"),
        format!(r"(?<seq>{sequence})(?<seqsep>[,、])?"),
    ]
    .join("|")
}

/// Every marker-shaped string (unanchored; the text is folded, so `（一）` reads `(一)`).
pub static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(&alternatives()).unwrap());

/// A marker at the start of a line (spaces before it allowed).
static LINE_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"^[ \t]*(?:{})", alternatives())).unwrap());

/// The structural markers (一、 (一) 1. (1)) as one non-capturing pattern, for patterns that
/// read what follows a heading's marker (`一、2021年主要工作情况`).
pub fn structural_pattern() -> String {
    format!(r"(?:{CN_NUMBER}{DUN}|\({CN_NUMBER}\)|[0-9]{{1,2}}[.、]|\([0-9]{{1,2}}\))")
}

/// Whether `line` starts with a marker of any family.
pub fn starts_with_marker(line: &str) -> bool {
    LINE_START.is_match(line)
}

/// A match of [`MARKER`] read: its family, its number (None for 最后) and whether a
/// separator follows it (`第一,`, `首先,`).
pub struct Read {
    pub family: Family,
    pub number: Option<u32>,
    pub separated: bool,
}

/// What a match of [`MARKER`] says; None when its number cannot be read.
pub fn read(c: &Captures) -> Option<Read> {
    let (family, number, separated) = if let Some(m) = c.name("dun") {
        (Family::CnDun, cn_small(m.as_str()), false)
    } else if let Some(m) = c.name("cparen") {
        (Family::CnParen, cn_small(m.as_str()), false)
    } else if let Some(m) = c.name("num") {
        (Family::NumDot, m.as_str().parse().ok(), false)
    } else if let Some(m) = c.name("nparen") {
        (Family::NumParen, m.as_str().parse().ok(), false)
    } else if let Some(m) = c.name("circ") {
        (Family::Circled, m.as_str().chars().next().map(|ch| ch as u32 - '①' as u32 + 1), false)
    } else if let Some(m) = c.name("shi") {
        (Family::Shi, cn_small(m.as_str()), false)
    } else if let Some(m) = c.name("di") {
        (Family::Di, cn_small(m.as_str()), c.name("disep").is_some())
    } else if let Some(m) = c.name("seq") {
        let number = SEQUENCE_WORDS.iter().find(|(w, _)| *w == m.as_str()).and_then(|(_, n)| *n);
        (Family::Sequence, number, c.name("seqsep").is_some())
    } else {
        return None;
    };
    if (number.is_none() && family != Family::Sequence) || number == Some(0) {
        return None;
    }
    Some(Read { family, number, separated })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let c = MARKER.captures(s).unwrap();
            let r = read(&c).unwrap();
            assert_eq!((r.family, r.number), (family, number), "{s}");
            // What a family renders, it reads back.
            if let Some(n) = number {
                let back = family.render(n);
                let c = MARKER.captures(&back).unwrap();
                assert_eq!(read(&c).map(|r| (r.family, r.number)), Some((family, Some(n))), "{back}");
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
