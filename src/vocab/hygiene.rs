//! Hygiene of the metric tables: no entry listed twice, none that can never decide, and every
//! measure-word list checked against the one unit table.

use super::categories::CATEGORIES;
use super::consistency::{SCOPE_WORDS, TOTAL_CUES};
use super::phrases::{PLAN_WORDS, SET_PHRASES, TIME_FRAME_BEFORE};
use super::review::{AFTER_NUMBER_OK, COUNTED_NOUNS};
use super::units::{FREQUENT_COUNT_UNITS, PLACEHOLDER_UNITS, UNITS, UNIT_BLOCKERS, UNIT_EQUIVALENTS};
use super::words::*;

fn duplicates<'a>(list: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    list.into_iter().filter(|w| !seen.insert(*w)).collect()
}

fn is_unit(w: &str) -> bool {
    UNITS.iter().any(|(u, _, _)| *u == w)
}

#[test]
fn no_table_lists_an_entry_twice() {
    let tables: &[(&str, &[&str])] = &[
        ("SET_PHRASES", SET_PHRASES),
        ("PLAN_WORDS", PLAN_WORDS),
        ("TIME_FRAME_BEFORE", TIME_FRAME_BEFORE),
        ("LEADING", LEADING),
        ("TRAILING", TRAILING),
        ("LIGHT_VERBS", LIGHT_VERBS),
        ("VERBS", VERBS),
        ("RIGHT_STOPS", RIGHT_STOPS),
        ("STOP_EXCEPTIONS", STOP_EXCEPTIONS),
        ("CHANGE_VERBS", CHANGE_VERBS),
        ("TOTAL_WORDS", TOTAL_WORDS),
        ("TOTAL_CUES", TOTAL_CUES),
        ("SCOPE_WORDS", SCOPE_WORDS),
        ("PLACEHOLDER_UNITS", PLACEHOLDER_UNITS),
        ("FREQUENT_COUNT_UNITS", FREQUENT_COUNT_UNITS),
    ];
    for (name, table) in tables {
        assert_eq!(duplicates(table.iter().copied()), Vec::<&str>::new(), "{name}");
    }
    assert_eq!(duplicates(UNITS.iter().map(|(u, _, _)| *u)), Vec::<&str>::new(), "UNITS");
    assert_eq!(duplicates(UNIT_BLOCKERS.iter().map(|(u, _)| *u)), Vec::<&str>::new(), "UNIT_BLOCKERS");
    assert_eq!(duplicates(CATEGORIES.iter().flat_map(|(_, ws)| ws.iter().copied())), Vec::<&str>::new(), "CATEGORIES");
    let chars: String = AFTER_NUMBER_OK.iter().collect();
    assert_eq!(duplicates(chars.split("").filter(|c| !c.is_empty())), Vec::<&str>::new(), "AFTER_NUMBER_OK");
}

#[test]
fn no_entry_is_unreachable() {
    // A light verb splits a phrase only as one of VERBS.
    for v in LIGHT_VERBS {
        assert!(VERBS.contains(v), "LIGHT_VERBS {v} is not in VERBS: never reached");
    }
    // A category keyword containing an earlier keyword (of its own or an earlier area) never decides.
    let mut earlier: Vec<&str> = Vec::new();
    for (area, words) in CATEGORIES {
        for w in *words {
            if let Some(e) = earlier.iter().chain(words.iter().filter(|x| *x != w)).find(|e| w.contains(**e)) {
                panic!("category keyword {w} ({area}) is shadowed by {e}");
            }
        }
        earlier.extend(words.iter().copied());
    }
    // A unit's blockers apply only to a unit of the table.
    for (u, _) in UNIT_BLOCKERS {
        assert!(is_unit(u), "UNIT_BLOCKERS {u} is no unit");
    }
    // A character of AFTER_NUMBER_OK that is a unit itself is read as the unit first.
    for c in AFTER_NUMBER_OK {
        assert!(!is_unit(&c.to_string()), "AFTER_NUMBER_OK {c} is a unit of UNITS");
    }
}

#[test]
fn every_measure_word_list_draws_on_the_unit_table() {
    for u in FREQUENT_COUNT_UNITS {
        assert!(UNITS.iter().any(|(w, _, k)| w == u && *k == crate::result::MetricKind::Count), "{u}");
    }
    for (_, word) in COUNTED_NOUNS {
        assert!(is_unit(word), "COUNTED_NOUNS suggests {word}, no unit");
    }
    for (a, b) in UNIT_EQUIVALENTS {
        assert!(is_unit(a) && is_unit(b), "{a} ~ {b}");
    }
    // Placeholders stand before units, or before a date part or a multiplied unit (`X月`, `X万元`).
    const PLACEHOLDER_ONLY: &[&str] = &["万元", "亿元", "月", "号", "届"];
    for u in PLACEHOLDER_UNITS {
        assert!(is_unit(u) || PLACEHOLDER_ONLY.contains(u), "PLACEHOLDER_UNITS {u}");
    }
}

/// The other word tables (page chrome, headings, the regulation, review rules): no entry twice.
#[test]
fn no_structure_or_review_table_lists_an_entry_twice() {
    use super::{headings, page, regulation, review};
    let tables: &[(&str, &[&str])] = &[
        ("page::MENU_WORDS", page::MENU_WORDS),
        ("page::MENU_PREFIXES", page::MENU_PREFIXES),
        ("page::META_LABELS", page::META_LABELS),
        ("page::DATE_FIELDS", page::DATE_FIELDS),
        ("page::PLAN_HEADING_WORDS", page::PLAN_HEADING_WORDS),
        ("page::REVIEW_HEADING_WORDS", page::REVIEW_HEADING_WORDS),
        ("page::ANNUAL_REPORT_WORDS", page::ANNUAL_REPORT_WORDS),
        ("page::ISSUER_FIELDS", page::ISSUER_FIELDS),
        ("page::TITLE_FIELDS", page::TITLE_FIELDS),
        ("page::FOOTER_TOKENS", page::FOOTER_TOKENS),
        ("page::FOOTER_LABELS", page::FOOTER_LABELS),
        ("page::TITLE_WORDS", page::TITLE_WORDS),
        ("page::ORG_SUFFIXES", page::ORG_SUFFIXES),
        ("page::CLOSINGS", page::CLOSINGS),
        ("page::RECIPIENT_SUFFIXES", page::RECIPIENT_SUFFIXES),
        ("headings::BODY_START_WORDS", headings::BODY_START_WORDS),
        ("headings::TITLE_FINAL_WORDS", headings::TITLE_FINAL_WORDS),
        ("headings::ORDINAL_WORDS", headings::ORDINAL_WORDS),
        ("headings::MEASURE_AFTER_PAREN", headings::MEASURE_AFTER_PAREN),
        ("headings::WORDS_NOT_MEASURES", headings::WORDS_NOT_MEASURES),
        ("regulation::DUTY_WORDS", regulation::DUTY_WORDS),
        ("regulation::PLANS_AFTER_PROBLEMS", regulation::PLANS_AFTER_PROBLEMS),
        ("review::DANGLING_ENDINGS", review::DANGLING_ENDINGS),
        ("review::COMPLETE_BEFORE_JINXING", review::COMPLETE_BEFORE_JINXING),
        ("review::LIST_INTRO", review::LIST_INTRO),
    ];
    for (name, table) in tables {
        assert_eq!(duplicates(table.iter().copied()), Vec::<&str>::new(), "{name}");
    }
    for part in regulation::PARTS {
        assert_eq!(duplicates(part.keywords.iter().copied()), Vec::<&str>::new(), "regulation::PARTS {:?}", part.role);
    }
}
