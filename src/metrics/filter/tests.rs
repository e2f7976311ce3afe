//! The negative cases of `tests/data/metrics/negatives.toml` name the rule that rejects
//! them (`rule`); this proves each one is rejected by exactly that rule, not by luck.

use serde::Deserialize;

use super::{judge, Context, Rejection};
use crate::text::{Span, Text};

#[derive(Deserialize)]
struct File {
    negative: Vec<Negative>,
}

#[derive(Deserialize)]
struct Negative {
    sentence: String,
    #[serde(default)]
    not: Vec<String>,
    rule: String,
}

/// The label of cases whose numbers carry no unit and so never become a quantity at all
/// (placeholders, day names, heading markers without a unit, phone numbers …).
const NO_UNIT: &str = "no unit";

const ALL: &[Rejection] = &[
    Rejection::Code,
    Rejection::DocumentNumber,
    Rejection::Year,
    Rejection::TimeFrame,
    Rejection::Date,
    Rejection::Ordinal,
    Rejection::Name,
    Rejection::QuotedSlogan,
    Rejection::SetPhrase,
    Rejection::HeadingMarker,
    Rejection::UnitStartsWord,
    Rejection::PlanName,
    Rejection::NumeralInWord,
    Rejection::IndefiniteOne,
    Rejection::SloganPair,
    Rejection::Redacted,
];

/// Every quantity of `sentence` as written, with its verdict.
fn verdicts(sentence: &str) -> Vec<(String, Option<Rejection>)> {
    let text = Text::new(sentence);
    let page = crate::chrome::read_page(&text);
    let outline = crate::outline::parse(&text, &page, None);
    let ctx = Context::new(&text, page.body, &outline);
    let quantities = crate::quantity::find(&text, page.body);
    let judged = judge(&ctx, &quantities);
    quantities.iter().zip(judged).map(|(q, v)| (text.get(q.span).to_owned(), v)).collect()
}

/// What the case's `rule` says: the rules that reject the quantities it is about (those
/// matching `not`, else all of them), joined by ` + ` in any order; `kept` for a quantity
/// that stays a figure; `no unit` when the numbers never become quantities (placeholders,
/// day names, heading markers and phone numbers without a unit …).
fn observed(case: &Negative, all: &[(String, Option<Rejection>)]) -> Vec<&'static str> {
    let about = all.iter().filter(|(t, _)| case.not.is_empty() || case.not.iter().any(|n| t.contains(n.as_str()) || n.contains(t.as_str())));
    let mut labels: Vec<&'static str> = about.map(|(_, v)| v.map_or(KEPT, Rejection::label)).collect();
    labels.sort_unstable();
    labels.dedup();
    if labels.is_empty() {
        labels.push(NO_UNIT);
    }
    labels
}

const KEPT: &str = "kept";

#[test]
fn every_negative_case_is_rejected_by_its_named_rule() {
    let file: File = toml::from_str(include_str!("../../../tests/data/metrics/negatives.toml")).expect("negatives.toml");
    let mut failures = Vec::new();
    let mut used: Vec<&str> = Vec::new();
    for case in &file.negative {
        let mut named: Vec<&str> = case.rule.split(" + ").collect();
        named.sort_unstable();
        for label in &named {
            if !(*label == NO_UNIT || *label == KEPT || ALL.iter().any(|r| r.label() == *label)) {
                failures.push(format!("unknown rule label {label:?}"));
            }
        }
        used.extend(named.iter().copied());
        let all = verdicts(&case.sentence);
        let got = observed(case, &all);
        if got != named {
            let each: Vec<String> = all.iter().map(|(t, v)| format!("{t}→{}", v.map_or(KEPT, Rejection::label))).collect();
            failures.push(format!("{:?} rule {:?} but {:?} ({})", case.sentence, case.rule, got.join(" + "), each.join(", ")));
        }
    }
    assert!(failures.is_empty(), "{} cases rejected by another rule:\n{}", failures.len(), failures.join("\n"));
    // Each rule has at least one case that proves it.
    for r in ALL.iter().filter(|r| **r != Rejection::HeadingMarker) {
        assert!(used.contains(&r.label()), "no negative case for rule {:?}", r.label());
    }
}

/// No real heading reaches the heading-marker rule today (the outline does not take `1.` before
/// a digit as a marker), so it is proven on a context that marks `1.` by hand.
#[test]
fn a_number_under_a_heading_marker_is_no_figure() {
    let text = Text::new("1.3个工作专班开展督导。");
    let quantities = crate::quantity::find(&text, Span::new(0, text.norm().len()));
    assert_eq!(quantities.len(), 1);
    let mut ctx = Context { s: text.norm(), names: Default::default(), quotes: Default::default(), phrases: Default::default(), markers: vec![], markers_passed: Default::default() };
    assert_eq!(super::reject(&ctx, &quantities[0]), None);
    ctx.markers.push(Span::new(0, 2));
    assert_eq!(super::reject(&ctx, &quantities[0]), Some(Rejection::HeadingMarker));
}

/// The set-phrase scan finds exactly the matches of the regex alternation it replaced
/// (longest phrase first, leftmost-first), on texts made of phrases, their prefixes and
/// suffixes (so that phrases overlap and nest) and other characters.
mod set_phrases_against_the_regex {
    use proptest::prelude::*;
    use proptest::sample::select;

    use super::super::{phrases_longest_first, set_phrases, NearPhrases};
    use crate::text::Span;
    use crate::vocab::phrases::SET_PHRASES;

    fn oracle() -> regex::Regex {
        regex::Regex::new(&phrases_longest_first().iter().map(|p| regex::escape(p)).collect::<Vec<_>>().join("|")).unwrap()
    }

    fn pieces() -> Vec<String> {
        let mut out: Vec<String> = ["件", "年", "工作", "。", "、", "1", "100%", "个", " ", "\n"].iter().map(|s| s.to_string()).collect();
        for p in SET_PHRASES {
            let chars: Vec<char> = p.chars().collect();
            out.push(p.to_string());
            for k in 1..chars.len() {
                out.push(chars[..k].iter().collect());
                out.push(chars[k..].iter().collect());
            }
        }
        out
    }

    fn spans(found: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
        found.collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_matches(parts in proptest::collection::vec(select(pieces()), 0..24)) {
            let text: String = parts.concat();
            let want = spans(oracle().find_iter(&text).map(|m| (m.start(), m.end())));
            let got = spans(set_phrases(&text).map(|p| (p.start, p.end)));
            prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Asked about spans in text order, the phrases read near each span say what the whole
        /// walk says: whether one of its phrases overlaps the span.
        #[test]
        fn near_phrases_as_the_whole_walk(parts in proptest::collection::vec(select(pieces()), 0..24), cuts in proptest::collection::vec(0usize..6, 1..40)) {
            let text: String = parts.concat();
            let whole: Vec<Span> = set_phrases(&text).collect();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut near = NearPhrases::new(Span::new(0, text.len()));
            let mut at = 0;
            for pair in cuts.chunks(2) {
                let start = at + pair[0];
                let end = start + 1 + pair.get(1).copied().unwrap_or(0);
                if end >= bounds.len() {
                    break;
                }
                let span = Span::new(bounds[start], bounds[end]);
                let want = whole.iter().any(|p| p.overlaps(span));
                prop_assert_eq!(near.overlap(&text, span), want, "{:?} {:?}", text, span);
                at = end;
            }
        }
    }

    #[test]
    fn every_phrase_alone_and_in_a_row() {
        let re = oracle();
        let all: String = SET_PHRASES.concat();
        for text in SET_PHRASES.iter().copied().chain([all.as_str()]) {
            let want: Vec<_> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let got: Vec<_> = set_phrases(text).map(|p| (p.start, p.end)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}

/// `names_and_quotes` reads what the character-by-character walk it replaced read (the oracle).
mod names_and_quotes_against_the_walk {
    use proptest::prelude::*;
    use proptest::sample::select;

    use super::super::{names_and_quotes, SHORT_QUOTE};
    use crate::text::Span;
    use crate::vocab::phrases::{NAME_CLOSE, NAME_OPEN, QUOTE_CLOSE, QUOTE_OPEN};

    fn walk(s: &str, body: Span) -> (Vec<Span>, Vec<Span>) {
        let b = &s[body.range()];
        let mut names = Vec::new();
        let mut quotes = Vec::new();
        let mut open_name: Vec<usize> = Vec::new();
        let mut open_quote: Option<(usize, usize)> = None;
        for (i, c) in b.char_indices() {
            let at = body.start + i;
            match c {
                '\n' => {
                    open_name.clear();
                    open_quote = None;
                }
                NAME_OPEN => open_name.push(at),
                NAME_CLOSE => {
                    if let Some(start) = open_name.pop() {
                        names.push(Span::new(start, at + c.len_utf8()));
                    }
                }
                QUOTE_OPEN => open_quote = Some((at, 0)),
                QUOTE_CLOSE => {
                    if let Some((start, n)) = open_quote.take() {
                        if n <= SHORT_QUOTE {
                            quotes.push(Span::new(start, at + c.len_utf8()));
                        }
                    }
                }
                _ => {
                    if let Some((_, n)) = open_quote.as_mut() {
                        *n += 1;
                    }
                }
            }
        }
        names.sort();
        (names, quotes)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_names_and_quotes(parts in proptest::collection::vec(select(vec![
            "《", "》", "“", "”", "\n", "一件事", "法", "a", "5.12", "条例", "12345678901", "、", " ",
            "(", ")", "【", "〔", "\"", "’", "×",
        ]), 0..30), skip in 0usize..3) {
            // Searched for, and read from the folding walk's notes (which must be there).
            let text = crate::text::Text::new(&parts.concat());
            let s = text.norm();
            let noted = text.acted_on();
            prop_assert!(noted.is_some());
            let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let body = Span::new(starts[skip.min(starts.len() - 1)], s.len());
            let expected = walk(s, body);
            prop_assert_eq!(names_and_quotes(s, body, None), expected.clone(), "{:?}", s);
            prop_assert_eq!(names_and_quotes(s, body, noted), expected, "{:?}", s);
        }
    }
}

proptest::proptest! {
    /// The heading-marker rule's cursor answers as the binary search over the markers it replaced
    /// (`overlaps`), for numbers asked in text order and, now and then, out of it.
    #[test]
    fn heading_markers_by_cursor_as_by_search(
        gaps in proptest::collection::vec((0usize..4, 1usize..4), 0..12),
        asks in proptest::collection::vec((0usize..50, 1usize..5), 1..20),
    ) {
        let text = Text::new(&"一".repeat(60));
        let mut markers = Vec::new();
        let mut at = 0;
        for (gap, len) in gaps {
            markers.push(Span::new(at + gap, at + gap + len));
            at += gap + len;
        }
        let ctx = Context { s: text.norm(), names: Default::default(), quotes: Default::default(), phrases: Default::default(), markers: markers.clone(), markers_passed: Default::default() };
        let mut sorted = asks.clone();
        sorted.sort();
        for (start, len) in sorted.into_iter().chain(asks) {
            let number = Span::new(start, start + len);
            let q = crate::quantity::Quantity { number, ..crate::quantity::find(&Text::new("3件"), Span::new(0, 4))[0].clone() };
            let by_search = super::overlaps(&markers, number);
            proptest::prop_assert_eq!(super::heading_marker(&ctx, &q, &dummy_around()).is_some(), by_search, "{:?} {:?}", markers, number);
        }
    }
}

fn dummy_around() -> super::Around<'static> {
    super::Around { s: "", number: b"", pre: b"", head: b"", rest: b"", prev_char: None }
}

/// The rules compare these words with the whole text before and after a quantity: what they
/// find there is what they would find in the six characters around it only while no word is
/// longer than that.
#[test]
fn rule_words_fit_the_window() {
    use crate::vocab::phrases::*;
    let words = TIME_FRAME_BEFORE.iter().chain(DAY_LENGTH_AFTER).chain(DAY_LENGTH_BEFORE).copied();
    let blockers = crate::vocab::units::UNIT_BLOCKERS.iter().flat_map(|(_, words)| words.iter().copied());
    for w in words.chain(blockers) {
        assert!(w.chars().count() <= super::AROUND_CHARS, "{w}");
    }
}

/// The spans' reach answers as the look at the last eight spans it replaced, on nested and
/// neighbouring spans asked about in text order.
#[test]
fn enclosing_by_reach_as_by_the_last_eight() {
    let mut list: Vec<Span> = Vec::new();
    for i in 0..40usize {
        let start = i * 3;
        list.push(Span::new(start, start + 1 + (i * 7) % 23));
    }
    list.sort();
    let enclosing = super::Enclosing::new(list.clone());
    for start in 0..130 {
        for len in 0..12 {
            let span = Span::new(start, start + len);
            let passed = list.partition_point(|p| p.start <= span.start);
            let want = list[..passed].iter().rev().take(8).any(|p| p.contains(span));
            assert_eq!(enclosing.contains(span), want, "{span:?}");
        }
    }
}

/// The year rule's shortcuts (the value first, four digits by bytes) judge as the reading they
/// replaced: the first number of a range, four digits or four 〇-numerals, a whole plausible year.
#[test]
fn years_are_judged_as_before() {
    use crate::vocab::numerals::{is_digit_run, Flavor, RANGE_SEPARATORS};
    fn oracle(number: &str, value: f64) -> bool {
        let first = number.split(RANGE_SEPARATORS).next().unwrap_or("");
        let four_digits = first.len() == 4 && first.chars().all(|c| c.is_ascii_digit());
        let cn_digits = first.chars().count() == 4 && is_digit_run(first, Flavor::Strict);
        (four_digits || cn_digits) && value.fract() == 0.0 && crate::vocab::dates::plausible_year(value as i32)
    }
    let numbers = [
        "2022", "2021—2025", "2021-2025", "2021至2025", "20222", "202", "2022.5", "二〇一九", "二〇一九至二〇二〇", "二〇一", "1949", "3",
        "三", "2022万", "12345", "0202", "2022–2023", "2022~2023", "2022到2023", "2022年",
    ];
    let values = [2022.0, 2022.5, 3.0, 1949.0, 1800.0, 2019.0, 1e12, f64::NAN, 2100.0, 2200.0, -2022.0, 20222.0, 0.0];
    for number in numbers {
        for value in values {
            assert_eq!(super::is_year(number, value), oracle(number, value), "{number} {value}");
        }
    }
}

/// The windows around a position hold what counting characters with `char_indices` gave.
#[test]
fn windows_around_a_position_as_counted_by_characters() {
    let text = Text::new("a一二é三𠀀四,5件");
    let s = text.norm();
    let ctx = Context { s, names: Default::default(), quotes: Default::default(), phrases: Default::default(), markers: vec![], markers_passed: Default::default() };
    for pos in (0..=s.len()).filter(|&p| s.is_char_boundary(p)) {
        for n in 0usize..12 {
            let head = &s[..pos];
            let start = head.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
            assert_eq!(ctx.before(pos, n), &head[start..], "{pos} {n}");
            let tail = &s[pos..];
            let end = tail.char_indices().nth(n).map_or(tail.len(), |(i, _)| i);
            assert_eq!(ctx.after(pos, n), &tail[..end], "{pos} {n}");
        }
    }
}

/// `code` tells the marks by what it knows of them: those before a number are below U+0100 (a
/// character above is no mark without a comparison), those after it ASCII (compared as bytes).
#[test]
fn code_marks_are_where_the_rule_looks_for_them() {
    use crate::vocab::phrases::{CODE_MARKS_AFTER, CODE_MARKS_BEFORE};
    assert!(CODE_MARKS_BEFORE.iter().all(|&c| u32::from(c) < 0x100), "{CODE_MARKS_BEFORE:?}");
    assert!(CODE_MARKS_AFTER.iter().all(char::is_ascii), "{CODE_MARKS_AFTER:?}");
}
