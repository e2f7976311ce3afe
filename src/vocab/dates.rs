//! Dates and years: the one date reader and the one range of plausible years.
//!
//! Dates as reports and pages write them: `2020-04-20 16:52:29`, `2024年12月23日`,
//! `二〇二四年十二月二十三日`, `2024.12.23`, `2022/03/25`, and — only as a fallback — a compact
//! run of digits that lost its separators (`2020414` → 2020-04-14 when only one reading is valid).

use std::fmt;
use std::ops::RangeInclusive;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::text::Span;
use crate::vocab::numerals::{self, Flavor};

/// Years a report, a date or a year-like figure can plausibly name. One range for every
/// stage: a report year, a publication date, a figure read as a year (`1921年`), a year
/// glued to its month (`20198月`).
pub const PLAUSIBLE_YEARS: RangeInclusive<i32> = 1900..=2100;

/// Whether `year` lies in [`PLAUSIBLE_YEARS`].
pub fn plausible_year(year: i32) -> bool {
    PLAUSIBLE_YEARS.contains(&year)
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`, as the result writes dates.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days(self) -> i64 {
        let (y, m) = if self.month <= 2 { (self.year as i64 - 1, self.month as i64 + 9) } else { (self.year as i64, self.month as i64 - 3) };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }
}

static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})[ \t\n\x0B\x0C\r]*(?:年[ \t\n\x0B\x0C\r]*([0-9]{1,2})[ \t\n\x0B\x0C\r]*月[ \t\n\x0B\x0C\r]*([0-9]{1,2})[ \t\n\x0B\x0C\r]*日|[-/.]([0-9]{1,2})[-/.]([0-9]{1,2}))").unwrap()
});
static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇零○OoО0一二三四五六七八九]{4})[ \t\n\x0B\x0C\r]*年[ \t\n\x0B\x0C\r]*([一二三四五六七八九十]{1,3})[ \t\n\x0B\x0C\r]*月[ \t\n\x0B\x0C\r]*([一二三四五六七八九十]{1,4})[ \t\n\x0B\x0C\r]*日").unwrap()
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[^0-9])([0-9]{7,8})(?:$|[^0-9])").unwrap());

/// A valid calendar date, or None.
pub fn make(year: i32, month: u32, day: u32) -> Option<Date> {
    if !plausible_year(year) || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (day <= days).then_some(Date { year, month, day })
}

/// The first written date in `s` (Arabic or Chinese numerals), with its byte range in `s`.
pub fn find(s: &str) -> Option<(Date, Span)> {
    // Each pattern's search is skipped where what it must match is absent (four ASCII digits in
    // a row; 年): most of the fields and lines asked hold neither, and a search costs thousands of
    // instructions where these tests cost tens.
    let mut digits_in_a_row = 0;
    let has_year_digits = s.bytes().any(|b| {
        digits_in_a_row = if b.is_ascii_digit() { digits_in_a_row + 1 } else { 0 };
        digits_in_a_row == 4
    });
    let arabic = has_year_digits.then(|| ARABIC.captures_iter(s).find_map(|c| {
        let year = c[1].parse().ok()?;
        let (m, d) = match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => (m, d),
            _ => (c.get(4)?, c.get(5)?),
        };
        let date = make(year, m.as_str().parse().ok()?, d.as_str().parse().ok()?)?;
        Some((date, Span::from(c.get(0)?)))
    })).flatten();
    let has_year_mark = memchr::memmem::find(s.as_bytes(), "年".as_bytes()).is_some();
    let chinese = has_year_mark.then(|| CHINESE.captures_iter(s).find_map(|c| {
        // Dates are often typed with a look-alike for 〇 (○, O).
        let year = numerals::read(&c[1], Flavor::Date)? as i32;
        let date = make(year, cn_small(&c[2])?, cn_small(&c[3])?)?;
        Some((date, Span::from(c.get(0)?)))
    })).flatten();
    match (arabic, chinese) {
        (Some(a), Some(c)) => Some(if a.1.start <= c.1.start { a } else { c }),
        (a, c) => a.or(c),
    }
}

/// A date whose separators were lost (`2020414`, `20200414`): only when exactly one
/// reading is a valid date.
pub fn find_compact(s: &str) -> Option<(Date, Span)> {
    let c = COMPACT.captures(s)?;
    let m = c.get(1)?;
    match compact_readings(m.as_str())[..] {
        [only] => Some((only, Span::from(m))),
        _ => None,
    }
}

/// Every valid date a run of 6–8 digits can be read as, year first (`2020414` → 2020-04-14;
/// `2020112` → 2020-01-12 and 2020-11-02). A zero-padded month or day only in the full
/// eight-digit form (`20201101`): `2020101` is 2020-10-01, not 2020-01-01.
pub fn compact_readings(digits: &str) -> Vec<Date> {
    if !(6..=8).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let Ok(year) = digits[..4].parse::<i32>() else { return Vec::new() };
    let rest = &digits[4..];
    let padded = rest.len() == 4;
    let mut readings: Vec<Date> = (1..rest.len())
        .map(|cut| rest.split_at(cut))
        .filter(|(mm, dd)| mm.len() <= 2 && dd.len() <= 2 && (padded || !(mm.starts_with('0') || dd.starts_with('0'))))
        .filter_map(|(mm, dd)| make(year, mm.parse().ok()?, dd.parse().ok()?))
        .collect();
    readings.dedup();
    readings
}

/// 一 … 九十九 (`十二`, `二十三`, `三十一`): the shared reader of `vocab::numerals`.
pub fn cn_small(s: &str) -> Option<u32> {
    numerals::read_small(s, Flavor::Strict)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date { year: y, month: m, day }
    }

    #[test]
    fn written_dates() {
        assert_eq!(find("发布时间:2020-04-20 16:52").map(|x| x.0), Some(d(2020, 4, 20)));
        assert_eq!(find("2024年12月23日").map(|x| x.0), Some(d(2024, 12, 23)));
        assert_eq!(find("二〇二四年十二月二十三日").map(|x| x.0), Some(d(2024, 12, 23)));
        assert_eq!(find("二零二三年一月三十一日").map(|x| x.0), Some(d(2023, 1, 31)));
        assert_eq!(find("2023.3.5").map(|x| x.0), Some(d(2023, 3, 5)));
        assert_eq!(find("2023年2月30日"), None);
        assert_eq!(find("二〇二四年十三月一日"), None);
    }

    #[test]
    fn days_between_dates() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2020, 4, 20).days() - d(2020, 4, 1).days(), 19);
        assert_eq!(d(2025, 3, 1).days() - d(2024, 2, 28).days(), 367);
    }

    #[test]
    fn compact_dates_only_when_unambiguous() {
        assert_eq!(find_compact("2020414").map(|x| x.0), Some(d(2020, 4, 14)));
        assert_eq!(find_compact("20200414").map(|x| x.0), Some(d(2020, 4, 14)));
        assert_eq!(find_compact("2020112"), None); // 1-12 or 11-2
        assert_eq!(find_compact("12345678"), None);
        // No zero-padded part in seven digits; both readings in eight.
        assert_eq!(find_compact("2020101").map(|x| x.0), Some(d(2020, 10, 1)));
        assert_eq!(find_compact("20201101").map(|x| x.0), Some(d(2020, 11, 1)));
        // A calendar date: 2021-2-31 is none, 23 is no month.
        assert_eq!(compact_readings("2021231"), Vec::<Date>::new());
        assert_eq!(compact_readings("2020112"), [d(2020, 1, 12), d(2020, 11, 2)]);
    }

    #[test]
    fn small_numerals() {
        assert_eq!(cn_small("十"), Some(10));
        assert_eq!(cn_small("十一"), Some(11));
        assert_eq!(cn_small("二十三"), Some(23));
        assert_eq!(cn_small("九"), Some(9));
        assert_eq!(cn_small("二二"), None);
    }
}
