//! A structured generator of report-like and hostile text (issue 15), as a property test:
//! report fragments, numbers, units, heading markers, punctuation and hostile characters
//! (bidi controls, zero-width, astral, Traditional, full-width, placeholders, a lone `“`),
//! mixed freely, in lines, and as runs of one repeated unit (the hostile shapes). Every case
//! goes through `analyze`: the result keeps its invariants (`invariants::check`, JSON round
//! trip included) and a second run gives the same result.
//!
//! The case count keeps this test near a minute on the 2-core development machine
//! (`PROPTEST_CASES=… cargo test --test props` runs more). The fuzz targets (fuzz/) search
//! the same space without structure; docs/reliability.md.

use fazhi_analyzer::{analyze, invariants};
use proptest::prelude::*;
use proptest::sample::select;

mod common;
use common::random::{HOSTILE, MARKERS, NUMBERS, PUNCTUATION, REPORT_WORDS, UNITS};

/// A figure written in one of the ways reports write them (or fail to).
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        select(NUMBERS).prop_map(str::to_owned),
        (0u64..10_000_000).prop_map(|n| n.to_string()),
        (0u32..100_000, 0u32..1000).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        // Full-width digits (folded to ASCII by the core, offsets kept).
        (0u32..100_000).prop_map(|n| n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()).collect()),
    ]
}

/// One piece of text: the alphabets of tests/common/random.rs, a number, or any character.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(REPORT_WORDS).prop_map(str::to_owned),
        4 => number(),
        3 => select(UNITS).prop_map(str::to_owned),
        1 => select(MARKERS).prop_map(str::to_owned),
        3 => select(PUNCTUATION).prop_map(str::to_owned),
        2 => select(HOSTILE).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn pieces(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|v| v.concat())
}

/// A report-like text: a free mixture, lines under heading markers, or a run of one unit
/// repeated (no sentence end for pages, as hostile pastes are), optionally between lines.
fn text() -> impl Strategy<Value = String> {
    let line = (select(MARKERS), pieces(30)).prop_map(|(marker, body)| format!("{marker}{body}\n"));
    prop_oneof![
        3 => pieces(160),
        2 => prop::collection::vec(line, 0..16).prop_map(|v| v.concat()),
        2 => (pieces(8), 1usize..300, pieces(20)).prop_map(|(unit, n, tail)| unit.repeat(n) + &tail),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(6000)
    ))]

    #[test]
    fn any_report_like_text_keeps_the_invariants(text in text()) {
        let first = analyze(&text);
        if let Err(e) = invariants::check(&text, &first) {
            prop_assert!(false, "{}", e);
        }
        prop_assert_eq!(&first, &analyze(&text), "two runs differ");
    }
}
