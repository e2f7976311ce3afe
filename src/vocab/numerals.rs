//! Chinese numeral digits, shared by every stage that reads numbers written in characters.

/// The value of a Chinese digit character (〇/零 … 九). Callers add the look-alikes their
/// context allows (两 in counts, ○/O in dates).
pub fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or((c == '零').then_some(0))
        .map(|d| d as u32)
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits() {
        let got: Vec<Option<u32>> = "〇零一五九十两".chars().map(super::chinese_digit).collect();
        assert_eq!(
            got,
            [Some(0), Some(0), Some(1), Some(5), Some(9), None, None]
        );
    }
}
