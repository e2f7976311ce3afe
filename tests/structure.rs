//! Table-driven structure cases: tests/data/structure/*.toml.
//!
//! Each `[[case]]` gives an `input` and any of:
//! - `outline`: the complete expected outline, `{level, marker, title}` plus optional
//!   `style`, `number`, `sections`, `parent` (the parent's title);
//! - `findings`: the complete list of numbering findings, `{code, at}` with `at` the
//!   text the finding points at;
//! - `meta` (`title`, `issuer`, `reportYear`, `period`, `published`, as in the JSON
//!   result) and `meta_null` (fields that must be null);
//! - `boilerplate` (the kinds in order), `body` (the body text exactly), `fields`
//!   (`{name, value}` that must be present);
//! - `candidates`: the complete `meta.dateCandidates`, `{date, source, label, at}` (`at` the
//!   date as written, optional);
//! - `timeliness`: the expected `review.timeliness.status`; `section_missing`: how many
//!   `section-missing` findings (0 for a document that owes no required parts);
//! - `parts`: `{part = {present, heading}}` per required part (`heading` the title of the
//!   heading that carries it, or absent for none); `causes_missing`: whether one
//!   `causes-missing` finding is raised;
//! - `flat = false` to skip the check that the input with its line breaks removed
//!   yields the same headings (on by default whenever `outline` is given).

use std::collections::BTreeMap;

use fazhi_analyzer::{analyze, Analysis};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    outline: Option<Vec<H>>,
    findings: Option<Vec<F>>,
    meta: Option<BTreeMap<String, toml::Value>>,
    #[serde(default)]
    meta_null: Vec<String>,
    boilerplate: Option<Vec<String>>,
    body: Option<String>,
    #[serde(default)]
    fields: Vec<Field>,
    flat: Option<bool>,
    timeliness: Option<String>,
    section_missing: Option<usize>,
    candidates: Option<Vec<DateCandidate>>,
    parts: Option<BTreeMap<String, PartExpect>>,
    causes_missing: Option<bool>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct PartExpect {
    present: bool,
    heading: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct DateCandidate {
    date: String,
    source: String,
    label: Option<String>,
    at: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct H {
    level: u32,
    marker: String,
    title: String,
    style: Option<String>,
    number: Option<u32>,
    sections: Option<Vec<String>>,
    parent: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct F {
    code: String,
    at: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Field {
    name: String,
    value: String,
}

mod common;
use common::utf16_slice as slice;

fn headings(a: &Analysis) -> Vec<(u32, String, String)> {
    a.outline.iter().map(|h| (h.level, h.marker.clone(), h.title.clone())).collect()
}

fn check(case: &Case) -> Vec<String> {
    let mut errors = Vec::new();
    let a = analyze(&case.input);
    let json = serde_json::to_value(&a).unwrap();
    if let Some(expected) = &case.outline {
        let got = headings(&a);
        let want: Vec<(u32, String, String)> = expected.iter().map(|h| (h.level, h.marker.clone(), h.title.clone())).collect();
        if got != want {
            errors.push(format!("outline\n  got:  {got:?}\n  want: {want:?}"));
        } else {
            for (i, h) in expected.iter().enumerate() {
                let j = &json["outline"][i];
                if let Some(style) = &h.style {
                    if j["style"] != style.as_str() {
                        errors.push(format!("heading {i} style {} != {style}", j["style"]));
                    }
                }
                if let Some(n) = h.number {
                    if j["number"] != n {
                        errors.push(format!("heading {i} number {} != {n}", j["number"]));
                    }
                }
                if let Some(sections) = &h.sections {
                    let got: Vec<String> = a.outline[i].sections.iter().map(|r| serde_json::to_value(r).unwrap().as_str().unwrap().to_owned()).collect();
                    if &got != sections {
                        errors.push(format!("heading {i} ({}) sections {got:?} != {sections:?}", h.title));
                    }
                    let role = got.first().cloned();
                    if j["role"].as_str().map(str::to_owned) != role {
                        errors.push(format!("heading {i} role {} is not the first of sections", j["role"]));
                    }
                }
                if let Some(parent) = &h.parent {
                    let got = a.outline[i].parent.map(|p| a.outline[p].title.as_str());
                    if got != Some(parent.as_str()) {
                        errors.push(format!("heading {i} parent {got:?} != {parent}"));
                    }
                }
                // The span covers marker and title, as written.
                let span = slice(&case.input, a.outline[i].start, a.outline[i].end);
                if !span.starts_with(&a.outline[i].marker) || !span.ends_with(&a.outline[i].title) {
                    errors.push(format!("heading {i} span {span:?}"));
                }
            }
        }
        if case.flat != Some(false) {
            let flat: String = case.input.chars().filter(|&c| c != '\n' && c != '\r').collect();
            let got_flat: Vec<(String, String)> = headings(&analyze(&flat)).into_iter().map(|(_, m, t)| (m, t)).collect();
            let want_flat: Vec<(String, String)> = want.into_iter().map(|(_, m, t)| (m, t)).collect();
            if got_flat != want_flat {
                errors.push(format!("without line breaks\n  got:  {got_flat:?}\n  want: {want_flat:?}"));
            }
        }
    }
    if let Some(expected) = &case.findings {
        let got: Vec<(String, String)> = a
            .findings
            .iter()
            .filter(|f| matches!(serde_json::to_value(f.code).unwrap().as_str(), Some("numbering-gap" | "numbering-duplicate")))
            .map(|f| {
                let code = serde_json::to_value(f.code).unwrap().as_str().unwrap().to_owned();
                (code, slice(&case.input, f.start.unwrap(), f.end.unwrap()))
            })
            .collect();
        let want: Vec<(String, String)> = expected.iter().map(|f| (f.code.clone(), f.at.clone())).collect();
        if got != want {
            errors.push(format!("findings\n  got:  {got:?}\n  want: {want:?}"));
        }
        for f in &a.findings {
            if f.message.is_empty() || !f.message.ends_with('。') {
                errors.push(format!("finding message not a sentence: {:?}", f.message));
            }
        }
    }
    if let Some(meta) = &case.meta {
        for (k, v) in meta {
            let got = &json["meta"][k];
            let want = serde_json::to_value(v).unwrap();
            if *got != want {
                errors.push(format!("meta.{k}: got {got}, want {want}"));
            }
        }
    }
    if let Some(expected) = &case.candidates {
        let got: Vec<(String, String, Option<String>)> = a
            .meta
            .date_candidates
            .iter()
            .map(|c| (c.date.clone(), serde_json::to_value(c.source).unwrap().as_str().unwrap().to_owned(), c.label.clone()))
            .collect();
        let want: Vec<(String, String, Option<String>)> = expected.iter().map(|c| (c.date.clone(), c.source.clone(), c.label.clone())).collect();
        if got != want {
            errors.push(format!("dateCandidates\n  got:  {got:?}\n  want: {want:?}"));
        }
        for (c, e) in a.meta.date_candidates.iter().zip(expected) {
            if let (Some(at), Some(start), Some(end)) = (&e.at, c.start, c.end) {
                let written = slice(&case.input, start, end);
                if &written != at {
                    errors.push(format!("dateCandidate {} written {written:?}, want {at:?}", c.date));
                }
            }
        }
    }
    if let Some(parts) = &case.parts {
        for (part, want) in parts {
            let Some(rp) = json["review"]["requiredParts"].as_array().unwrap().iter().find(|p| p["part"] == part.as_str()) else {
                errors.push(format!("no required part {part}"));
                continue;
            };
            let heading = rp["heading"].as_u64().map(|h| a.outline[h as usize].title.clone());
            if rp["present"] != want.present || heading != want.heading {
                errors.push(format!("part {part}: got present {} heading {heading:?}, want {} {:?}", rp["present"], want.present, want.heading));
            }
        }
    }
    if let Some(want) = case.causes_missing {
        let got = json["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "causes-missing").count();
        if got != usize::from(want) {
            errors.push(format!("causes-missing findings: got {got}, want {}", usize::from(want)));
        }
    }
    if let Some(status) = &case.timeliness {
        let got = &json["review"]["timeliness"]["status"];
        if got != status.as_str() {
            errors.push(format!("timeliness: got {got}, want {status}"));
        }
    }
    if let Some(n) = case.section_missing {
        let got = json["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "section-missing").count();
        if got != n {
            errors.push(format!("section-missing findings: got {got}, want {n}"));
        }
    }
    for k in &case.meta_null {
        if !json["meta"][k].is_null() {
            errors.push(format!("meta.{k} should be null, got {}", json["meta"][k]));
        }
    }
    if let Some(kinds) = &case.boilerplate {
        let got: Vec<String> = json["boilerplate"].as_array().unwrap().iter().map(|b| b["kind"].as_str().unwrap().to_owned()).collect();
        if &got != kinds {
            errors.push(format!("boilerplate kinds {got:?} != {kinds:?}"));
        }
    }
    if let Some(body) = &case.body {
        let got = slice(&case.input, a.body.start, a.body.end);
        if &got != body {
            errors.push(format!("body {got:?} != {body:?}"));
        }
    }
    for f in &case.fields {
        if !a.meta.fields.iter().any(|g| g.name == f.name && g.value == f.value) {
            errors.push(format!("field {}={} missing in {:?}", f.name, f.value, a.meta.fields));
        }
    }
    errors
}

#[test]
fn structure_cases() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/structure");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    paths.sort();
    let mut total = 0;
    let mut failures = Vec::new();
    for path in paths {
        let file: File = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            total += 1;
            let errors = check(case);
            if !errors.is_empty() {
                failures.push(format!("{} / {}:\n{}", path.file_name().unwrap().to_string_lossy(), case.name, errors.join("\n")));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {total} cases failed:\n\n{}", failures.len(), failures.join("\n\n"));
    assert!(total >= 60, "only {total} cases");
}
