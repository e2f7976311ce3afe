//! The review on the seeds: every real defect reported (hand-checked list in
//! tests/data/review/seeds.toml), nothing else from the text rules, and no arithmetic alarm on
//! the unedited seeds (they are consistent — checked by hand, see the arithmetic cases).

use std::collections::BTreeMap;

use fazhi_analyzer::{analyze, Analysis, Finding, FindingCode, Role, Severity, TimelinessStatus};
use serde::Deserialize;

#[derive(Deserialize)]
struct Seeds {
    seed: Vec<Seed>,
}

#[derive(Deserialize)]
struct Seed {
    file: String,
    missing_char: Vec<String>,
    truncated: Vec<String>,
    unquantified: Vec<String>,
    quantified_share: f64,
    missing_parts: Vec<MissingPart>,
    /// The problems part lists shortcomings without their causes.
    #[serde(default)]
    causes_missing: bool,
    present_parts: BTreeMap<String, String>,
    timeliness: Timeliness,
    late: Option<Late>,
}

#[derive(Deserialize)]
struct MissingPart {
    part: Role,
    severity: Severity,
}

#[derive(Deserialize)]
struct Timeliness {
    status: TimelinessStatus,
    deadline: Option<String>,
    published: Option<String>,
}

#[derive(Deserialize)]
struct Late {
    evidence: String,
    message: Vec<String>,
}

fn seeds() -> Vec<(Seed, String, Analysis)> {
    let raw = common::read("tests/data/review/seeds.toml");
    let seeds: Seeds = toml::from_str(&raw).unwrap();
    assert_eq!(seeds.seed.len(), 5, "every seed is covered");
    seeds
        .seed
        .into_iter()
        .map(|s| {
            let text = common::read(&format!("tests/fixtures/{}", s.file));
            let analysis = analyze(&text);
            (s, text, analysis)
        })
        .collect()
}

mod common;
use common::utf16_slice as slice;

fn evidence(text: &str, f: &Finding) -> String {
    match (f.start, f.end) {
        (Some(s), Some(e)) => slice(text, s, e),
        _ => String::new(),
    }
}

fn evidence_of(text: &str, a: &Analysis, code: FindingCode) -> Vec<String> {
    a.findings.iter().filter(|f| f.code == code).map(|f| evidence(text, f)).collect()
}

#[test]
fn seeds_copying_defects_are_reported_each_once_and_nothing_else() {
    for (seed, text, a) in seeds() {
        assert_eq!(evidence_of(&text, &a, FindingCode::SuspectedMissingChar), seed.missing_char, "{}", seed.file);
    }
}

#[test]
fn seed_003_defects_named_in_the_issue_come_with_their_correction() {
    let (_, text, a) = seeds().into_iter().find(|(s, _, _)| s.file.starts_with("003")).unwrap();
    let message = |ev: &str| {
        a.findings
            .iter()
            .find(|f| f.code == FindingCode::SuspectedMissingChar && evidence(&text, f) == ev)
            .map(|f| f.message.clone())
            .unwrap_or_else(|| panic!("no finding on {ev}"))
    };
    assert!(message("20198月").contains("2019年8月"));
    assert!(message("公编〔201923号").contains("公编〔2019〕23号"));
    assert!(message("〔20198号").contains("〔2019〕8号"));
    assert!(message("公政办发201923").contains("公政办发〔2019〕23号"));
    assert!(message("20151月至201812月").contains("2015年1月至2018年12月"));
    assert!(message("2020414").contains("2020年4月14日"));
    assert!(message("予以废止17").contains("17件"));
}

#[test]
fn seeds_truncated_sentences() {
    for (seed, text, a) in seeds() {
        assert_eq!(evidence_of(&text, &a, FindingCode::TruncatedSentence), seed.truncated, "{}", seed.file);
    }
}

#[test]
fn seeds_have_no_placeholders() {
    for (seed, text, a) in seeds() {
        assert_eq!(evidence_of(&text, &a, FindingCode::Placeholder), Vec::<String>::new(), "{}", seed.file);
    }
}

#[test]
fn unedited_seeds_raise_no_arithmetic_alarm() {
    let seeds = seeds();
    // Not vacuous: the metrics stage relates the seeds' figures (breakdowns, rates, 分别).
    let relations: usize = seeds.iter().map(|(_, _, a)| a.relations.len()).sum();
    assert!(relations >= 10, "only {relations} relations on the seeds");
    for (seed, _, a) in seeds {
        let alarms: Vec<&Finding> = a
            .findings
            .iter()
            .filter(|f| matches!(f.code, FindingCode::RateMismatch | FindingCode::SumMismatch | FindingCode::RespectivelyMismatch))
            .collect();
        assert!(alarms.is_empty(), "{}: {alarms:?}", seed.file);
    }
}

#[test]
fn seeds_required_parts() {
    for (seed, _, a) in seeds() {
        let missing: Vec<(Role, Severity)> =
            a.findings.iter().filter(|f| f.code == FindingCode::SectionMissing).map(|f| {
                assert_eq!((f.start, f.end), (None, None), "{}: a missing part is a whole-document finding", seed.file);
                let part: Role = serde_json::to_value(&f.params["part"]).and_then(serde_json::from_value).expect("the finding's part is a role");
                (part, f.severity)
            }).collect();
        let expected: Vec<(Role, Severity)> = seed.missing_parts.iter().map(|m| (m.part, m.severity)).collect();
        assert_eq!(missing, expected, "{}", seed.file);
        // The problems part without its causes is found (its heading links to it) but not
        // present in full, and one causes-missing finding says so.
        let causes_missing = a.findings.iter().any(|f| f.code == FindingCode::CausesMissing);
        assert_eq!(causes_missing, seed.causes_missing, "{}: causes-missing", seed.file);
        for rp in &a.review.required_parts {
            let incomplete = rp.part == Role::Problems && causes_missing;
            assert_eq!(rp.present, !expected.iter().any(|(r, _)| *r == rp.part) && !incomplete, "{} {:?}", seed.file, rp.part);
            assert_eq!(rp.present || incomplete, rp.heading.is_some(), "{} {:?}", seed.file, rp.part);
        }
        let sections = [a.sections.measures, a.sections.duty, a.sections.problems, a.sections.plans];
        let present: Vec<bool> = a.review.required_parts.iter().map(|r| r.present).collect();
        assert_eq!(present, sections, "{}: sections and requiredParts agree", seed.file);
        for (part, title) in &seed.present_parts {
            let role: Role = serde_json::from_value(serde_json::Value::String(part.clone())).unwrap();
            let rp = a.review.required_parts.iter().find(|r| r.part == role).unwrap();
            let heading = &a.outline[rp.heading.unwrap_or_else(|| panic!("{}: {part} not found", seed.file))];
            assert_eq!(&heading.title, title, "{} {part}", seed.file);
        }
    }
}

#[test]
fn seeds_timeliness() {
    for (seed, text, a) in seeds() {
        let t = &a.review.timeliness;
        assert_eq!(t.status, seed.timeliness.status, "{}", seed.file);
        assert_eq!(t.deadline, seed.timeliness.deadline, "{}", seed.file);
        assert_eq!(t.published, seed.timeliness.published, "{}", seed.file);
        let late: Vec<&Finding> = a.findings.iter().filter(|f| f.code == FindingCode::LatePublication).collect();
        match &seed.late {
            None => assert!(late.is_empty(), "{}: {late:?}", seed.file),
            Some(expected) => {
                assert_eq!(late.len(), 1, "{}", seed.file);
                assert_eq!(late[0].severity, Severity::Warning);
                assert_eq!(evidence(&text, late[0]), expected.evidence, "{}", seed.file);
                for m in &expected.message {
                    assert!(late[0].message.contains(m.as_str()), "{}: {:?} lacks {m}", seed.file, late[0].message);
                }
            }
        }
    }
}

#[test]
fn seeds_unquantified_measures_sections() {
    for (seed, text, a) in seeds() {
        assert_eq!(evidence_of(&text, &a, FindingCode::UnquantifiedSection), seed.unquantified, "{}", seed.file);
        assert!(a.findings.iter().filter(|f| f.code == FindingCode::UnquantifiedSection).all(|f| f.severity == Severity::Info));
        assert_eq!(a.review.quantified_measures_share, Some(seed.quantified_share), "{}", seed.file);
    }
}

#[test]
fn every_finding_is_one_actionable_sentence_with_evidence() {
    for (seed, text, a) in seeds() {
        for f in &a.findings {
            assert!(f.message.ends_with('。'), "{}: {:?}", seed.file, f.message);
            assert_eq!(f.message.matches('。').count(), 1, "{}: one sentence: {:?}", seed.file, f.message);
            if f.code != FindingCode::SectionMissing {
                let ev = evidence(&text, f);
                assert!(!ev.trim().is_empty(), "{}: {:?} has no evidence", seed.file, f);
            }
        }
        let mut spans: Vec<(usize, usize)> = a.findings.iter().filter_map(|f| Some((f.start?, f.end?))).collect();
        let sorted = spans.clone();
        spans.sort();
        assert_eq!(spans, sorted, "{}: findings in reading order", seed.file);
    }
}

#[test]
fn figures_per_1000_body_characters() {
    for (seed, _, a) in seeds() {
        let body = (a.body.end - a.body.start) as f64;
        let expected = (a.metrics.len() as f64 * 1000.0 / body * 100.0).round() / 100.0;
        assert!(a.metrics.len() > 10, "{}: the seeds state figures", seed.file);
        assert_eq!(a.review.figures_per_1000_chars, expected, "{}", seed.file);
    }
    // By hand: one figure in a body of 9 characters.
    let a = analyze("共办理案件12件。");
    assert_eq!((a.metrics.len(), a.body.end - a.body.start), (1, 9));
    assert_eq!(a.review.figures_per_1000_chars, 111.11);
}
