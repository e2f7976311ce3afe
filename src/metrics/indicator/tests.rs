//! Indicator labels against the rules of issue 11 ("Indicators a reviewer can read"): the
//! checker on hand-picked labels, and the share of labels that pass on every figure of the
//! seeds and of the invented sentences of `tests/data/metrics/*.toml`.

use super::{label_problem, tidy, LabelProblem};

#[test]
fn the_checker_names_each_problem() {
    for (label, problem) in [
        ("", Some(LabelProblem::Empty)),
        ("二是", Some(LabelProblem::ListMarker)),
        ("二是行政复议案件", Some(LabelProblem::ListMarker)),
        ("占比", Some(LabelProblem::BareVerb)),
        ("增加了", Some(LabelProblem::BareVerb)),
        ("增长了", Some(LabelProblem::BareVerb)),
        ("办结", Some(LabelProblem::BareVerb)),
        ("参加", Some(LabelProblem::BareVerb)),
        ("企业因涉嫌", Some(LabelProblem::Dangling)),
        ("行政审批事项及", Some(LabelProblem::Dangling)),
        ("网上申办率应", Some(LabelProblem::Dangling)),
        ("行政强制类案件占比", None),
        ("行政复议申请同比增长", None),
        ("出庭应诉率", None),
        ("行政复议案件", None),
    ] {
        assert_eq!(label_problem(label), problem, "{label:?}");
    }
}

#[test]
fn tidy_drops_markers_and_dangling_particles() {
    assert_eq!(tidy("二是行政复议案件".to_owned()), "行政复议案件");
    assert_eq!(tidy("行政审批事项及".to_owned()), "行政审批事项");
    assert_eq!(tidy("网上申办率应".to_owned()), "网上申办率");
    assert_eq!(tidy("企业因涉嫌".to_owned()), "企业");
    // Too short to lose anything: left for the checker to name.
    assert_eq!(tidy("和".to_owned()), "和");
    assert_eq!(tidy("二是".to_owned()), "二是");
}

fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/metrics");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("metrics data").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let table: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in table.get("case").and_then(|c| c.as_array()).into_iter().flatten() {
            if let Some(s) = case.get("sentence").and_then(|s| s.as_str()) {
                out.push(s.to_owned());
            }
        }
    }
    out
}

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("fixtures").flatten().map(|e| e.path()).collect();
    paths.sort();
    paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// Share of labels passing, and the failing ones.
fn share(texts: &[String]) -> (usize, Vec<String>) {
    let mut total = 0;
    let mut failing = Vec::new();
    for t in texts {
        for m in crate::analyze(t).metrics {
            total += 1;
            if let Some(p) = label_problem(&m.indicator) {
                failing.push(format!("{p:?} {:?} ({})", m.indicator, m.text));
            }
        }
    }
    (total, failing)
}

/// The share today, as a floor: a change that makes labels worse fails here. Raise the floor
/// when labels improve. (Issue 11 asks for 95 % on held-out reports.)
#[test]
fn labels_of_every_figure_pass_the_rules() {
    for (name, texts, floor) in [("seeds", seeds(), 0.98), ("invented and seed sentences", sentences(), 0.99)] {
        let (total, failing) = share(&texts);
        let passing = (total - failing.len()) as f64 / total.max(1) as f64;
        eprintln!("{name}: {} of {total} labels pass ({:.1} %); failing:\n{}", total - failing.len(), passing * 100.0, failing.join("\n"));
        assert!(total > 100, "{name}: only {total} figures");
        assert!(passing >= floor, "{name}: {:.1} % of labels pass, floor {:.0} %", passing * 100.0, floor * 100.0);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// `digit_runs` finds what the regex it replaced found (leftmost-first, greedy).
    #[test]
    fn digit_runs_are_the_old_regex_matches(parts in proptest::collection::vec(proptest::sample::select(vec![
        "0", "1", "9", "12", ".", "..", "年", "年度", "度", "月", "月份", "份", "日", "号", "号码", "PM", "a", "的", "、", " ", "案件", "〇",
    ]), 0..24)) {
        let text = parts.concat();
        let oracle = regex::Regex::new(&format!(r"[0-9][0-9.]*(?:{})?", crate::vocab::words::DATE_SUFFIXES)).unwrap();
        let expected: Vec<(usize, usize)> = oracle.find_iter(&text).map(|m| (m.start(), m.end())).collect();
        proptest::prop_assert_eq!(super::digit_runs(&text, 0).collect::<Vec<_>>(), expected.clone(), "{:?}", text);
        // From the first digit, as `left_phrase` reads it: the same runs.
        let first_digit = text.find(|c: char| c.is_ascii_digit()).unwrap_or(text.len());
        proptest::prop_assert_eq!(super::digit_runs(&text, first_digit).collect::<Vec<_>>(), expected, "{:?}", text);
    }
}

/// The quote-mark test by bits is the table's membership test, on every character.
#[test]
fn quote_marks_by_their_bits_are_the_table() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        assert_eq!(super::is_quote_mark(c), crate::vocab::words::QUOTE_MARKS.contains(&c), "{c:?}");
    }
}

/// `left_phrase` tells a sentence mark by the walk's boundary test: each is a clause boundary,
/// and none is the list mark a rate's walk passes.
#[test]
fn sentence_marks_are_clause_boundaries() {
    use crate::vocab::words::{CLAUSE_BOUNDARIES, LIST_MARK, SENTENCE_MARKS};
    for c in SENTENCE_MARKS {
        assert!(CLAUSE_BOUNDARIES.contains(c) && *c != LIST_MARK, "{c:?}");
    }
}

/// A bare label is one of the three lists, looked up in one table.
#[test]
fn bare_labels_are_the_three_lists() {
    use crate::vocab::words::{BARE_RELATIONS, CHANGE_VERBS, VERBS};
    let all: Vec<&str> = VERBS.iter().chain(CHANGE_VERBS).chain(BARE_RELATIONS).copied().collect();
    for w in &all {
        assert!(super::is_bare(w), "{w}");
        for other in [format!("{w}了"), format!("行政{w}"), w.chars().skip(1).collect::<String>()] {
            assert_eq!(super::is_bare(&other), all.contains(&other.as_str()), "{other}");
        }
    }
    assert!(!super::is_bare(""));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The walk back by `char_before` reads the characters `char_indices().rev()` reads.
    #[test]
    fn the_walk_back_reads_every_character(text in "[a-z0-9,。、“”é\u{4e00}-\u{4e10}\u{1F600}]{0,30}") {
        let mut walked = Vec::new();
        let mut end = text.len();
        while let Some((i, c)) = super::char_before(&text, end) {
            walked.push((i, c));
            end = i;
        }
        let expected: Vec<(usize, char)> = text.char_indices().rev().collect();
        proptest::prop_assert_eq!(walked, expected);
    }
}

/// The framing passes as they were made before `strip_framing` skipped a pass that stripped
/// nothing: both by turns until a round strips nothing.
fn framing_by_rounds(mut p: &str) -> &str {
    loop {
        let before = p.len();
        p = super::strip_pass::<false>(super::strip_pass::<true>(p));
        if p.len() == before {
            return p;
        }
    }
}

fn framing_pieces() -> Vec<&'static str> {
    let mut pieces: Vec<&'static str> = crate::vocab::words::LEADING.iter().chain(crate::vocab::words::TRAILING).copied().collect();
    pieces.extend(["案件", "行政", "许", "可", "率", "共", "年", "数", " "]);
    pieces
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

    /// Skipping a pass that stripped nothing strips what the rounds of both passes stripped.
    #[test]
    fn the_framing_passes_strip_as_the_rounds_did(parts in proptest::collection::vec(proptest::sample::select(framing_pieces()), 0..10)) {
        let phrase = parts.concat();
        proptest::prop_assert_eq!(super::strip_framing(&phrase), framing_by_rounds(&phrase), "{:?}", phrase);
    }
}

/// `right_phrase` asks `is_han` before `char::is_alphanumeric`: every Han character must be
/// alphanumeric for the answer to be the same.
#[test]
fn every_han_character_is_alphanumeric() {
    let han = (0x3400..=0x9FFF).filter_map(char::from_u32).filter(|&c| crate::vocab::chars::is_han(c));
    assert!(han.clone().count() > 27_000);
    for c in han {
        assert!(c.is_alphanumeric(), "{c:?}");
    }
}

/// The walk back as it was written before its lead-byte skip (every character decoded and
/// tested): the oracle of `walk_back`.
fn walk_back_by_chars(head: &str, from: usize, list: bool) -> super::Walk {
    use crate::vocab::words::{CLAUSE_BOUNDARIES, LIST_MARK, SENTENCE_MARKS};
    let (mut start, mut chars, mut stop) = (0, 0, super::Stop::Start);
    let (mut last_quote, mut first_digit) = (None, None);
    for (i, c) in head.char_indices().rev() {
        chars += 1;
        let end = i + c.len_utf8();
        if chars > 40 || (CLAUSE_BOUNDARIES.contains(&c) && !(list && c == LIST_MARK)) {
            start = end;
            stop = if chars <= 40 && SENTENCE_MARKS.contains(&c) { super::Stop::SentenceEnd } else { super::Stop::Before(from + start) };
            break;
        }
        if c.is_ascii_digit() {
            first_digit = Some(i);
        } else if last_quote.is_none() && super::is_quote_mark(c) {
            last_quote = Some(i);
        }
    }
    super::Walk { start, stop, last_quote, first_digit }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// The walk that passes over Chinese characters by their lead byte finds what a walk that
    /// reads every character finds: boundaries, quote marks and digits of every lead byte, two-
    /// and four-byte characters, runs longer than 40 characters.
    #[test]
    fn the_walk_back_reads_as_every_character_was_read(parts in proptest::collection::vec(proptest::sample::select(vec![
        "案件", "共", "。", "、", ",", ";", "\n", "“", "”", "‘", "’", "\"", "'", "【", "】", "(", ")", "|", "1", "2.5", "é", "𠀀", "〇", "ア",
        "\u{3000}", "\u{2019}", "\u{201E}", "\u{2000}", "\u{FF0C}", "a", " ", "年", "行政复议案件办结",
    ]), 0..40), from in 0usize..100, list in proptest::bool::ANY) {
        let head = parts.concat();
        proptest::prop_assert_eq!(super::walk_back(&head, from, list), walk_back_by_chars(&head, from, list), "{:?}", head);
    }
}

/// The walk passes over no lead byte of a boundary or a quote mark.
#[test]
fn the_walks_skipped_lead_bytes_start_no_mark() {
    use crate::vocab::words::{CLAUSE_BOUNDARIES, QUOTE_MARKS};
    for c in CLAUSE_BOUNDARIES.iter().chain(QUOTE_MARKS) {
        let mut buf = [0; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        if bytes.len() == 3 {
            assert!(super::MARK_LEADS >> (bytes[0] & 0x0F) & 1 == 1, "{c:?}");
        }
    }
}

thread_local! {
    /// Set: `strip` makes every walk for the splitting words, none skipped (the oracle).
    pub(super) static ALWAYS_WALK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn splitting_pieces() -> Vec<&'static str> {
    use crate::vocab::words::{LIGHT_VERBS, OUTCOME_WORDS, TOTAL_WORDS, VERBS};
    let mut pieces: Vec<&'static str> = TOTAL_WORDS.iter().chain(VERBS).chain(LIGHT_VERBS).chain(OUTCOME_WORDS).copied().collect();
    pieces.extend(framing_pieces());
    pieces.extend(["公共", "共享", "案件", "行政", "许", "可", "、", "和", "12", " ", ","]);
    pieces
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
    /// A phrase cut from a longer one past its last splitting word is stripped without the walk
    /// for them: the same as with every walk made.
    #[test]
    fn strip_skips_only_walks_that_find_nothing(parts in proptest::collection::vec(proptest::sample::select(splitting_pieces()), 0..12)) {
        let phrase = parts.concat();
        for split in [true, false] {
            let skipping = super::strip(&phrase, split);
            ALWAYS_WALK.with(|w| w.set(true));
            let walking = super::strip(&phrase, split);
            ALWAYS_WALK.with(|w| w.set(false));
            proptest::prop_assert_eq!(skipping, walking, "{:?}", phrase);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// The eight-byte test finds a space where `contains` finds one.
    #[test]
    fn spaces_are_found_eight_bytes_at_a_time(label in crate::scan::oracle::texts(vec![" ", "a", "中", "é", "\u{2020}", "\u{20}", "!", "𠀀"], 40)) {
        proptest::prop_assert_eq!(super::has_space(label.as_bytes()), label.contains(' '));
    }
}

/// The bit set of the characters trimmed from a phrase's ends holds exactly those the test it
/// replaced names, over every character.
#[test]
fn edge_fillers_are_whitespace_ascii_punctuation_and_joiners() {
    use crate::vocab::words::EDGE_JOINERS;
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let want = c.is_whitespace() || c.is_ascii_punctuation() || EDGE_JOINERS.contains(&c);
        assert_eq!(super::EDGE_FILLERS.holds(c), want, "{:?}", c);
    }
}

/// `two_chars` answers as `chars().nth(1)` does.
#[test]
fn two_chars_counts_as_the_characters_do() {
    for s in ["", "a", "ab", "共", "共计", "a共", "共a", "é", "éa", "𠀀", "𠀀a", " ", "  ", "\u{3000}"] {
        assert_eq!(super::two_chars(s), s.chars().nth(1).is_some(), "{s:?}");
    }
}
