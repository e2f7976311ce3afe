//! A page's labels (`索引号:`, `主办单位:`) found by hand: a label whose characters may be spaced
//! out (`索  引  号`), then blanks and `:`. It was the regex `(索[ \t]*引[ \t]*号|…)[ \t]*:`, the
//! labels longest first, leftmost-first (kept as the oracle of the tests below): three such
//! alternations cost 11 M instructions to compile natively (a quarter of all the core's regex
//! compilation), and in the wasm's small regex engine the unanchored one was its costliest
//! search on a page's metadata lines.

use std::ops::Range;

use crate::scan::Starts;

/// The labels of one table, grouped by their first character; within a group longest (in
/// characters) first, equal lengths in table order: the alternation's order, so that the first
/// label that fits at a position is the one the regex took (only the group of the character
/// there can fit).
pub struct Labels {
    labels: Vec<&'static str>,
    /// Each first character (sorted) and its group of `labels`.
    by_first: Vec<(char, Range<usize>)>,
    /// The first characters, for `find`'s walk (`scan::Starts`): a label is tried only where
    /// one of them stands.
    firsts: Starts,
}

/// One label and its colon: `whole` from the label's first character to after the `:`,
/// `label` the label as written (blanks inside included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMatch {
    pub whole: Range<usize>,
    pub label: Range<usize>,
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

impl Labels {
    pub fn new(table: &[&'static str]) -> Labels {
        let mut labels: Vec<&'static str> = table.iter().copied().filter(|l| !l.is_empty()).collect();
        crate::sort::stable_by_key(&mut labels, |l| std::cmp::Reverse(l.chars().count()));
        // Grouped by first character, each group keeping the longest-first order (a stable sort).
        crate::sort::stable_by_key(&mut labels, |l| l.chars().next());
        let mut by_first: Vec<(char, Range<usize>)> = Vec::new();
        for (k, first) in labels.iter().filter_map(|l| l.chars().next()).enumerate() {
            match by_first.last_mut() {
                Some((c, group)) if *c == first => group.end = k + 1,
                _ => by_first.push((first, k..k + 1)),
            }
        }
        let firsts = Starts::of(by_first.iter().map(|(c, _)| *c));
        Labels { labels, by_first, firsts }
    }

    /// The first label (in the table's order) written at byte `at` of `t` and followed by
    /// blanks and `:`.
    fn at(&self, t: &str, at: usize) -> Option<LabelMatch> {
        let first = t[at..].chars().next()?;
        let k = self.by_first.binary_search_by_key(&first, |(c, _)| *c).ok()?;
        self.labels[self.by_first[k].1.clone()].iter().find_map(|l| {
            let label_end = spaced_out(t, at, l)?;
            let colon = label_end + t[label_end..].len() - t[label_end..].trim_start_matches(is_blank).len();
            t[colon..].starts_with(':').then(|| LabelMatch { whole: at..colon + 1, label: at..label_end })
        })
    }

    /// Whether `t` opens with a label and its colon (the anchored pattern `^(?:…)[ \t]*:`).
    pub fn starts(&self, t: &str) -> bool {
        self.at(t, 0).is_some()
    }

    /// The first label and colon of `t`.
    pub fn find(&self, t: &str) -> Option<LabelMatch> {
        self.find_from(t, 0)
    }

    fn find_from(&self, t: &str, from: usize) -> Option<LabelMatch> {
        self.firsts.within(t, from, t.len()).find_map(|(i, _)| self.at(t, i))
    }

    /// Every label and colon of `t`, in order, not overlapping.
    pub fn find_iter<'a>(&'a self, t: &'a str) -> impl Iterator<Item = LabelMatch> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find_from(t, from)?;
            from = m.whole.end;
            Some(m)
        })
    }
}

/// Where `label` ends when it is written at byte `at` of `t`, blanks allowed between its
/// characters.
fn spaced_out(t: &str, at: usize, label: &str) -> Option<usize> {
    let mut pos = at;
    for (k, c) in label.chars().enumerate() {
        if k > 0 {
            pos = t.len() - t[pos..].trim_start_matches(is_blank).len();
        }
        if !t[pos..].starts_with(c) {
            return None;
        }
        pos += c.len_utf8();
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::page as vocab;

    /// The regex the matcher replaced: each label's characters joined by `[ \t]*`, longest first.
    fn alternation(labels: &[&str]) -> String {
        let mut labels: Vec<&str> = labels.to_vec();
        labels.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
        labels
            .iter()
            .map(|l| l.chars().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join(r"[ \t]*"))
            .collect::<Vec<_>>()
            .join("|")
    }

    fn pieces() -> Vec<String> {
        let mut out: Vec<String> = vocab::META_LABELS.iter().chain(vocab::FOOTER_LABELS).map(|l| l.to_string()).collect();
        // Labels cut apart, so that spaced-out and partial labels turn up.
        for l in vocab::META_LABELS.iter().chain(vocab::FOOTER_LABELS).take(40) {
            out.extend(l.chars().map(|c| c.to_string()));
        }
        out.extend([":", ":", " ", "\t", "  ", "\n", "|", "2023-03-30", "某某县司法局", "【", "】", "a"].map(String::from));
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn the_matcher_finds_what_the_regex_found(parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..14)) {
            let t = parts.concat();
            for table in [vocab::META_LABELS, vocab::FOOTER_LABELS] {
                let labels = Labels::new(table);
                let anchored = regex::Regex::new(&format!(r"^(?:{})[ \t]*:", alternation(table))).unwrap();
                let any = regex::Regex::new(&format!(r"({})[ \t]*:", alternation(table))).unwrap();
                proptest::prop_assert_eq!(labels.starts(&t), anchored.is_match(&t), "{:?}", t);
                let expected: Vec<LabelMatch> = any
                    .captures_iter(&t)
                    .map(|c| LabelMatch { whole: c.get(0).unwrap().range(), label: c.get(1).unwrap().range() })
                    .collect();
                proptest::prop_assert_eq!(labels.find(&t), expected.first().cloned(), "{:?}", t);
                proptest::prop_assert_eq!(labels.find_iter(&t).collect::<Vec<_>>(), expected, "{:?}", t);
            }
        }
    }

    #[test]
    fn spaced_out_labels_and_their_colons() {
        let meta = Labels::new(vocab::META_LABELS);
        assert!(meta.starts("索  引  号:123"));
        assert!(meta.starts("发布时间 :2023-03-30"));
        assert!(!meta.starts("一、发布时间:"));
        assert!(!meta.starts("发布时间2023"));
        let found: Vec<LabelMatch> = meta.find_iter("某某县司法局 更新时间:2022 来源:本站").collect();
        assert_eq!(found.len(), 2);
        assert_eq!(&"某某县司法局 更新时间:2022 来源:本站"[found[0].label.clone()], "更新时间");
    }
}
