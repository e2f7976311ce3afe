//! The CLI's and the wasm's JSON writer (`write_json`, src/json.rs) against its definition,
//! serde_json's output of the derived `Serialize`: byte-identical on every fixture and golden
//! input, and on results whose strings need every kind of escape and whose optional fields
//! take each of their shapes. (Every generated and fuzzed text is checked the same way by
//! `invariants::check`.)

use std::path::Path;

use fazhi_analyzer::{analyze, write_json, Analysis, Approx, ParamValue, Range, Role, Source};

mod common;

fn written(a: &Analysis) -> String {
    let mut out = Vec::new();
    write_json(a, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn assert_same(a: &Analysis, what: &str) {
    let expected = serde_json::to_string(a).unwrap();
    let actual = written(a);
    if actual != expected {
        let at = actual.bytes().zip(expected.bytes()).position(|(x, y)| x != y).unwrap_or(actual.len().min(expected.len()));
        let from = at.saturating_sub(60);
        panic!(
            "{what}: write_json differs from byte {at}\n  serde_json: …{}\n  write_json: …{}",
            String::from_utf8_lossy(&expected.as_bytes()[from..(at + 60).min(expected.len())]),
            String::from_utf8_lossy(&actual.as_bytes()[from..(at + 60).min(actual.len())]),
        );
    }
}

#[test]
fn every_fixture_and_golden_input_is_written_as_serde_json_writes_it() {
    let mut inputs: Vec<(String, String)> = common::fixtures();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/inputs");
    for entry in std::fs::read_dir(golden).unwrap() {
        let path = entry.unwrap().path();
        inputs.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
    }
    assert!(inputs.len() >= 10, "lost the inputs: {}", inputs.len());
    let (mut figures, mut headings) = (0, 0);
    for (name, text) in &inputs {
        let a = analyze(text);
        figures += a.metrics.len();
        headings += a.outline.len();
        assert_same(&a, name);
    }
    // The fast paths were exercised, not only the parts left to serde_json.
    assert!(figures > 300 && headings > 100, "{figures} figures, {headings} headings");
}

/// Strings that need escaping, as serde_json escapes them: quotes, backslashes, each control
/// character (short forms and \u00XX), DEL and non-ASCII (left as they are), at the start,
/// the end, and after eight clean bytes (the word-at-a-time check).
const AWKWARD: &[&str] = &[
    "",
    "\"",
    "\\",
    "a\"b",
    "法治\\政府",
    "\n",
    "\t\r\u{8}\u{c}",
    "\u{0}",
    "\u{1f}",
    "\u{7f}",
    "12345678\"",
    "12345678\u{1}",
    "法治政府建设年度报告\u{1}",
    "“引号”",
    "😀𠀀",
    "\u{2028}\u{2029}",
];

#[test]
fn awkward_strings_and_every_optional_shape_are_written_as_serde_json_writes_them() {
    let (_, text) = common::fixtures().into_iter().max_by_key(|(_, t)| t.len()).unwrap();
    let base = analyze(&text);
    assert!(base.metrics.len() > 3 && base.outline.len() > 3 && !base.findings.is_empty());
    for (i, s) in AWKWARD.iter().enumerate() {
        let mut a = base.clone();
        a.metrics[0].text = (*s).into();
        a.metrics[1].indicator = (*s).into();
        a.metrics[2].unit = s.to_string().into();
        a.metrics[3].category = s.to_string().into();
        a.outline[0].marker = (*s).into();
        a.outline[1].title = (*s).into();
        a.findings[0].message = (*s).into();
        a.findings[0].message_en = (*s).into();
        assert_same(&a, &format!("awkward string {i}: {s:?}"));
    }
    let mut a = base.clone();
    a.metrics[0].value_max = Some(12.5);
    a.metrics[0].approx = Some(Approx::Over);
    a.metrics[0].heading = None;
    a.metrics[1].value = 1e21;
    a.metrics[1].value_max = Some(0.000_001);
    a.metrics[1].approx = Some(Approx::About);
    a.metrics[2].value = -0.0;
    a.metrics[2].approx = Some(Approx::Under);
    a.outline[0].parent = None;
    a.outline[0].number = None;
    a.outline[0].role = None;
    a.outline[0].sections = Vec::new();
    a.outline[1].parent = Some(0);
    a.outline[1].number = Some(u32::MAX);
    a.outline[1].role = Some(Role::Problems);
    a.outline[1].sections = vec![Role::Problems, Role::Plans];
    a.findings[0].start = None;
    a.findings[0].end = None;
    a.findings[0].related = vec![Range { start: 3, end: 9 }, Range { start: 12, end: 12 }];
    a.findings[0].sources = vec![Source { file: "乙\"局\".txt".into(), start: 0, end: 40 }];
    a.findings[0].params.insert("here".into(), ParamValue::List(vec!["“二是”".into(), "\\".into()]));
    assert_same(&a, "optional shapes");
    let mut empty = base;
    empty.metrics.clear();
    empty.outline.clear();
    empty.findings.clear();
    assert_same(&empty, "no figures, no headings, no findings");
}
