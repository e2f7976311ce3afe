//! Every fixture's output validates against docs/result.schema.json, and the output's
//! cross-references (ids, parents, spans) are consistent with the text.

use std::fs;
use std::path::Path;

mod common;
use common::utf16_slice;

fn fixtures() -> Vec<(String, String)> {
    let mut out = common::fixtures();
    // Synthetic stress texts: astral characters, full-width forms, one line, Traditional.
    out.push(("astral".into(), "一、工作情况\n𠀀共办理案件１２件,其中𠀀行政复议案件３件。".into()));
    out.push(("one-line".into(), out[0].1.replace('\n', "")));
    out.push(("traditional".into(), "一、主要舉措和成效\n全年辦理行政複議案件15件。".into()));
    out
}


#[test]
fn every_fixture_validates_against_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(Path::new("docs/result.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema itself is valid");
    for (name, text) in fixtures() {
        let value = serde_json::to_value(fazhi_analyzer::analyze(&text)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let schema: serde_json::Value = serde_json::from_str(&fs::read_to_string("docs/result.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let good = serde_json::to_value(fazhi_analyzer::analyze(&fixtures()[0].1)).unwrap();
    assert!(validator.is_valid(&good));
    for (pointer, bad) in [
        ("/format", serde_json::json!("fazhi-analyzer/2")),
        ("/metrics/0/kind", serde_json::json!("weight")),
        ("/metrics/0/start", serde_json::json!(-1)),
        ("/meta/published", serde_json::json!("2020/04/20")),
    ] {
        let mut v = good.clone();
        *v.pointer_mut(pointer).unwrap() = bad;
        assert!(!validator.is_valid(&v), "{pointer} should be rejected");
    }
    let mut dropped = good.clone();
    dropped.as_object_mut().unwrap().remove("findings");
    assert!(!validator.is_valid(&dropped), "every top-level field is required");
}

#[test]
fn ids_parents_and_spans_are_consistent() {
    for (name, text) in fixtures() {
        let a = fazhi_analyzer::analyze(&text);
        let len = text.encode_utf16().count();
        assert_eq!(a.stats.chars, len, "{name}");
        assert_eq!(a.stats.metrics, a.metrics.len());
        assert_eq!(a.stats.headings, a.outline.len());
        assert_eq!(a.stats.findings, a.findings.len());
        assert!(a.body.start <= a.body.end && a.body.end <= len);
        for (i, h) in a.outline.iter().enumerate() {
            assert_eq!(h.id, i);
            assert!(h.parent.is_none_or(|p| p < i && a.outline[p].level < h.level), "{name}: heading {i} parent");
            assert!(utf16_slice(&text, h.start, h.end).contains(&h.title), "{name}: heading {i} span holds its title");
        }
        for (i, m) in a.metrics.iter().enumerate() {
            assert_eq!(m.id, i);
            assert_eq!(utf16_slice(&text, m.start, m.end), m.text, "{name}: metric {i}");
            assert!(m.value.is_finite());
            assert!(m.heading.is_none_or(|h| h < a.outline.len()));
            if i > 0 {
                assert!(a.metrics[i - 1].end <= m.start, "{name}: metrics {} and {i} overlap", i - 1);
            }
        }
        for f in &a.findings {
            assert_eq!(f.start.is_some(), f.end.is_some());
            if let (Some(s), Some(e)) = (f.start, f.end) {
                assert!(s <= e && e <= len, "{name}: finding span");
            }
        }
        for field in &a.meta.fields {
            assert!(field.start <= field.end && field.end <= len);
        }
    }
}
