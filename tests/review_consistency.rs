//! inconsistent-figure end to end: tests/data/review/consistency.toml gives each case's text
//! and every finding it must give (the later figure as highlighted, the earlier one in
//! `related`); an empty list means silence. The seeds, unedited, give none.

mod common;

use fazhi_analyzer::{analyze, FindingCode};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    evidence: String,
    related: String,
    #[serde(default)]
    message: Vec<String>,
}

use common::utf16_slice as slice;

#[test]
fn inconsistent_figures_table() {
    let raw = common::read("tests/data/review/consistency.toml");
    let cases = toml::from_str::<Cases>(&raw).unwrap().case;
    assert!(cases.len() >= 12);
    let mut failures = Vec::new();
    for case in &cases {
        let result = analyze(&case.text);
        let got: Vec<_> = result.findings.iter().filter(|f| f.code == FindingCode::InconsistentFigure).collect();
        let ok = got.len() == case.expect.len()
            && got.iter().zip(&case.expect).all(|(f, e)| {
                f.related.len() == 1
                    && slice(&case.text, f.start.unwrap(), f.end.unwrap()) == e.evidence
                    && slice(&case.text, f.related[0].start, f.related[0].end) == e.related
                    && e.message.iter().all(|w| f.message.contains(w.as_str()))
            });
        if !ok {
            let got: Vec<String> = got
                .iter()
                .map(|f| {
                    let related = f.related.first().map(|r| slice(&case.text, r.start, r.end)).unwrap_or_default();
                    format!("{} ← {} ({})", slice(&case.text, f.start.unwrap(), f.end.unwrap()), related, f.message)
                })
                .collect();
            failures.push(format!("{}: got {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_unedited_seeds_contradict_themselves_nowhere() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let result = analyze(&common::seed(prefix));
        let got: Vec<_> = result.findings.iter().filter(|f| f.code == FindingCode::InconsistentFigure).collect();
        assert!(got.is_empty(), "seed {prefix}: {got:#?}");
    }
}

/// A figure planted into a real report: its second statement of 人大建议 contradicts the first.
#[test]
fn a_planted_contradiction_in_a_seed_is_found() {
    let seed = common::seed("003");
    let planted = seed.replacen("所有建议均已办结", "全年共承办人大建议71件,所有建议均已办结", 1);
    let first = planted.replacen("2019县政府共承办人大建议69件", "2019年县政府全年共承办人大建议69件", 1);
    let result = analyze(&first);
    let got: Vec<_> = result.findings.iter().filter(|f| f.code == FindingCode::InconsistentFigure).collect();
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(slice(&first, got[0].start.unwrap(), got[0].end.unwrap()), "71件");
    assert_eq!(slice(&first, got[0].related[0].start, got[0].related[0].end), "69件");
}
