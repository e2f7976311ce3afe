//! Chinese numerals: the one reader every stage uses (quantities, dates, heading markers).
//!
//! [`read`] reads positional numerals (`一百二十三`, `两千零五`, `三万四千`, `一亿二千万`) and
//! runs of plain digits read digit by digit (`二〇一九`). The flavour says which look-alikes a
//! context allows: 两 counts as 2 in counts (`两千`), ○/O stand for 〇 in typed dates.

/// The digit characters 〇 … 九, by value (零 is also 0).
pub const DIGITS: &str = "〇一二三四五六七八九";

use std::sync::LazyLock;

use crate::result::Approx;

/// One number with its multipliers and 余/多/几, no unit (a regular expression): Arabic with
/// decimals and thousands separators, or Chinese numerals with a decimal 点. `quantity`'s
/// scanner reads this grammar by hand; the expression is its tests' oracle.
#[cfg(test)]
pub const NUMBER_PATTERN: &str = r"(?:[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*(?:点[〇零一二三四五六七八九]+)?)(?:余|多|几)?(?:(?:万亿|万|亿)(?:余|多)?(?:[0-9]+)?|千(?:余|多)?)?";

/// The characters a number in Chinese numerals starts with (`一百`, `十五`, `两千`, `〇`), and
/// those that may follow them too: the powers and multipliers (`三百`, `五千`, `两万`, `一亿`).
pub const NUMERAL_STARTS: &[char] = &['〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
pub const NUMERAL_POWERS: &[char] = &['百', '千', '万', '亿'];

/// The multipliers a number may end with, as the quantity grammar tries them, each with whether
/// digits may follow it (`3万4000`); `余`/`多` may stand between ([`MULTIPLIER_APPROX`]).
pub const MULTIPLIER_WORDS: &[(&str, bool)] = &[("万亿", true), ("万", true), ("亿", true), ("千", false)];
pub const MULTIPLIER_APPROX: &[char] = &['余', '多'];

/// A percentage in words: `百分之九十五点五`, and `百分之百` (all).
pub const PERCENT_WORDS: &str = "百分之";
pub const HUNDRED: &str = "百";

/// The decimal point of Chinese numerals (`九十五点五`).
pub const DECIMAL_POINT: char = '点';

/// Marks after a number that make it approximate from above (`十余`, `30多`, `十几`).
pub const APPROX_MARKS: &[char] = &['余', '多', '几'];

/// Multipliers folded into the value (`2万`, `1.39万亿`, `3千`), and whether digits may
/// follow them as the rest of the number (`3万4000`).
pub const MULTIPLIERS: &[(&str, f64, bool)] = &[("万亿", 1e12, false), ("亿", 1e8, true), ("万", 1e4, true), ("千", 1e3, false)];

/// The scale words a rounded figure is written with (`339.04万元`), largest first.
pub const SCALE_WORDS: &[(&str, f64)] = &[("亿", 1e8), ("万", 1e4), ("千", 1e3)];

/// Approximation words before a number, in the order they are tried, and what they make it.
pub const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("不少于", Approx::Over), ("不低于", Approx::Over), ("不超过", Approx::Under), ("不足", Approx::Under),
    ("不到", Approx::Under), ("超过", Approx::Over), ("大约", Approx::About), ("约", Approx::About),
    ("近", Approx::Under), ("逾", Approx::Over),
];

/// Approximation words after a quantity (`100人以上`, `3天左右`).
pub const APPROX_AFTER: &[(&str, Approx)] =
    &[("以上", Approx::Over), ("以下", Approx::Under), ("以内", Approx::Under), ("左右", Approx::About), ("余", Approx::Over)];

/// Characters between the two ends of a range (`3至5天`, `3-5天`, `2021—2025年`).
pub const RANGE_SEPARATORS: &[char] = &['至', '到', '~', '-', '—', '–'];

/// Ten, the power a small numeral (`十二`, `二十三`) is written with.
pub const TEN: char = '十';

/// Which look-alike digits a context accepts besides 〇/零 … 九.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// Only the digit characters themselves.
    Strict,
    /// Counts and amounts: 两 is 2 (`两个`, `两千`).
    Count,
    /// Typed dates: ○, O, o, the Cyrillic О and 0 stand for 〇.
    Date,
}

/// The value of a Chinese digit character (〇/零 … 九).
pub fn chinese_digit(c: char) -> Option<u32> {
    // The digits as characters, read from `DIGITS` once: a decoding of the string per call was
    // most of the cost of the many calls (a label's leading numerals, every numeral read).
    static VALUES: LazyLock<Vec<char>> = LazyLock::new(|| DIGITS.chars().collect());
    VALUES.iter().position(|&d| d == c).or((c == '零').then_some(0)).map(|d| d as u32)
}

/// The value of a digit character in a context of `flavor`.
pub fn digit(c: char, flavor: Flavor) -> Option<u32> {
    match (flavor, c) {
        (Flavor::Count, '两') => Some(2),
        (Flavor::Date, '○' | 'O' | 'o' | 'О' | '0') => Some(0),
        _ => chinese_digit(c),
    }
}

/// Whether every character of `s` is a digit of `flavor` (and there is at least one).
pub fn is_digit_run(s: &str, flavor: Flavor) -> bool {
    !s.is_empty() && s.chars().all(|c| digit(c, flavor).is_some())
}

/// A Chinese numeral's value: `一百二十三`, `十五`, `两千零五`, `三万四千`, `一亿`; a run of
/// two or more digits without any 十/百/千 is read digit by digit (`二〇一九` → 2019).
pub fn read(s: &str, flavor: Flavor) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    if s.chars().nth(1).is_some() && is_digit_run(s, flavor) {
        return s.chars().try_fold(0f64, |acc, c| Some(acc * 10.0 + f64::from(digit(c, flavor)?)));
    }
    let mut total = 0f64; // sections above 亿 and 万 already closed
    let mut section = 0f64; // below 万
    let mut current = 0f64; // the digit waiting for its unit
    let mut seen_digit = false;
    for c in s.chars() {
        if let Some(d) = digit(c, flavor) {
            current = f64::from(d);
            seen_digit = true;
            continue;
        }
        let unit = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' => {
                total += (section + current) * 1e4;
                (section, current, seen_digit) = (0.0, 0.0, false);
                continue;
            }
            '亿' => {
                total = (total + section + current) * 1e8;
                (section, current, seen_digit) = (0.0, 0.0, false);
                continue;
            }
            _ => return None,
        };
        section += (if seen_digit { current } else { 1.0 }) * unit;
        current = 0.0;
        seen_digit = false;
    }
    Some(total + section + current)
}

/// 一 … 九十九 in the form of a heading number or a day of the month (`十二`, `二十三`,
/// `三十一`): at most one digit on each side of one 十, no zero, no digit-by-digit run.
pub fn read_small(s: &str, flavor: Flavor) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    let nonzero = |c: &char| digit(*c, flavor).is_some_and(|d| d > 0);
    let well_formed = match chars.iter().position(|&c| c == '十') {
        None => chars.len() == 1 && nonzero(&chars[0]),
        Some(i) => i <= 1 && chars.len() - i <= 2 && chars.iter().enumerate().all(|(j, c)| j == i || nonzero(c)),
    };
    if !well_formed {
        return None;
    }
    read(s, flavor).map(|v| v as u32)
}

/// 1 → 一, 11 → 十一, 23 → 二十三 (1–99; other numbers in digits).
pub fn write_small(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".to_owned(),
        1..=9 => D[n as usize].to_owned(),
        10..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        let got: Vec<Option<u32>> = "〇零一五九十两".chars().map(chinese_digit).collect();
        assert_eq!(got, [Some(0), Some(0), Some(1), Some(5), Some(9), None, None]);
        assert_eq!(digit('两', Flavor::Count), Some(2));
        assert_eq!(digit('两', Flavor::Strict), None);
        assert_eq!(digit('○', Flavor::Date), Some(0));
        assert_eq!(digit('○', Flavor::Count), None);
    }

    #[test]
    fn written_forms() {
        for (s, v) in [
            ("一百二十三", 123.0),
            ("十五", 15.0),
            ("十", 10.0),
            ("两", 2.0),
            ("一百零五", 105.0),
            ("两千零五", 2005.0),
            ("三万四千", 34000.0),
            ("二〇一九", 2019.0),
            ("一亿二千万", 120_000_000.0),
            ("二十", 20.0),
        ] {
            assert_eq!(read(s, Flavor::Count), Some(v), "{s}");
        }
        assert_eq!(read("两千", Flavor::Strict), None);
        assert_eq!(read("二○二二", Flavor::Date), Some(2022.0));
        assert_eq!(read("一百元", Flavor::Count), None);
        assert_eq!(read("", Flavor::Count), None);
    }

    #[test]
    fn small_forms() {
        for (s, v) in [("十", Some(10)), ("十一", Some(11)), ("二十三", Some(23)), ("九", Some(9)), ("一十", Some(10))] {
            assert_eq!(read_small(s, Flavor::Strict), v, "{s}");
        }
        for s in ["二二", "十十", "二三十", "十二三", "〇", "零", "二十〇", "一百", "两", ""] {
            assert_eq!(read_small(s, Flavor::Strict), None, "{s}");
        }
    }

    /// A naive writer of positional numerals, independent of the reader: groups of four
    /// digits under 亿 and 万, 零 for each run of missing places inside a number, and the
    /// `十五` short form at the very start.
    fn oracle_write(n: u64) -> String {
        const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        if n == 0 {
            return "零".to_owned();
        }
        let group = |g: u64| -> Vec<Option<char>> {
            // thousands, hundreds, tens, ones: None for a zero place
            [1000, 100, 10, 1].iter().map(|p| Some(D[((g / p) % 10) as usize]).filter(|_| (g / p) % 10 != 0)).collect()
        };
        let mut out = String::new();
        let groups = [(n / 100_000_000, '亿'), ((n / 10_000) % 10_000, '万'), (n % 10_000, ' ')];
        let mut pending_zero = false;
        for (g, name) in groups {
            if g == 0 {
                pending_zero |= !out.is_empty();
                continue;
            }
            for (digit, power) in group(g).into_iter().zip(['千', '百', '十', ' ']) {
                match digit {
                    None => pending_zero |= !out.is_empty(),
                    Some(d) => {
                        if pending_zero {
                            out.push('零');
                            pending_zero = false;
                        }
                        out.push(d);
                        if power != ' ' {
                            out.push(power);
                        }
                    }
                }
            }
            if name != ' ' {
                out.push(name);
            }
        }
        if out.starts_with("一十") && n < 20 {
            out.remove(0);
        }
        out
    }

    #[test]
    fn round_trip_against_a_naive_writer() {
        // Every number up to 100,000 and a deterministic spread of larger ones (LCG).
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let large = (0..20_000).map(|_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 20) % 1_000_000_000_000
        });
        for n in (0..=100_000u64).chain(large) {
            let written = oracle_write(n);
            assert_eq!(read(&written, Flavor::Count), Some(n as f64), "{n} written {written}");
        }
        for n in 1..=99 {
            assert_eq!(read_small(&write_small(n), Flavor::Strict), Some(n), "{n}");
        }
    }

    #[test]
    fn digit_runs_read_digit_by_digit() {
        for n in 10..=9999u32 {
            let run: String = n.to_string().chars().map(|c| DIGITS.chars().nth(c as usize - '0' as usize).unwrap()).collect();
            assert_eq!(read(&run, Flavor::Strict), Some(f64::from(n)), "{run}");
        }
    }
}
