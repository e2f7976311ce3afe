//! Text review rules end to end (suspected-missing-char, truncated-sentence, placeholder,
//! section-missing, unquantified-section): tests/data/review/text_rules.toml gives each
//! case's text, the rule, and every finding that rule must give — its evidence exactly as
//! highlighted and words its message must contain. An empty list means the rule must stay
//! silent. tests/data/review/pasted.toml does the same for pasted damage (issues 11, 15:
//! injected-text, pinyin-annotation, invisible-characters, a text cut off at its end), and
//! adds `absent` (strings no heading title, indicator or metric text may hold) and
//! `not_codes` (codes that must stay silent).

use fazhi_analyzer::{analyze, Finding, FindingCode, Severity};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    code: FindingCode,
    expect: Vec<Expected>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    not_codes: Vec<FindingCode>,
}

#[derive(Deserialize)]
struct Expected {
    /// The highlighted text; absent for a whole-document finding.
    evidence: Option<String>,
    #[serde(default)]
    message: Vec<String>,
    severity: Option<Severity>,
}

fn load(file: &str) -> Vec<Case> {
    let raw = common::read(&format!("tests/data/review/{file}"));
    toml::from_str::<Cases>(&raw).unwrap().case
}

fn cases() -> Vec<Case> {
    load("text_rules.toml")
}

#[test]
fn arithmetic_cases() {
    let cases = load("arithmetic_text.toml");
    assert!(cases.len() >= 8);
    check(&cases);
}

#[test]
fn pasted_damage_cases() {
    let cases = load("pasted.toml");
    assert!(cases.len() >= 15);
    check(&cases);
}

mod common;

/// The text a finding highlights (UTF-16 offsets into the text as given).
fn evidence(text: &str, f: &Finding) -> Option<String> {
    Some(common::utf16_slice(text, f.start?, f.end?))
}

#[test]
fn text_rule_cases() {
    check(&cases());
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let result = analyze(&c.text);
        if let Err(e) = fazhi_analyzer::invariants::check(&c.text, &result) {
            failures.push(format!("{}: {e}", c.name));
        }
        for word in &c.absent {
            let titles = result.outline.iter().map(|h| h.title.as_str());
            let metrics = result.metrics.iter().flat_map(|m| [m.indicator.as_str(), m.text.as_str()]);
            if let Some(s) = titles.chain(metrics).find(|s| s.contains(word.as_str())) {
                failures.push(format!("{}: {word:?} stands in {s:?}", c.name));
            }
        }
        for code in &c.not_codes {
            if result.findings.iter().any(|f| f.code == *code) {
                failures.push(format!("{}: {code:?} raised", c.name));
            }
        }
        let got: Vec<&Finding> = result.findings.iter().filter(|f| f.code == c.code).collect();
        let shown: Vec<(Option<String>, &str)> = got.iter().map(|f| (evidence(&c.text, f), f.message.as_str())).collect();
        if got.len() != c.expect.len() {
            failures.push(format!("{}: expected {} finding(s), got {shown:?}", c.name, c.expect.len()));
            continue;
        }
        for (f, e) in got.iter().zip(&c.expect) {
            let ev = evidence(&c.text, f);
            if ev != e.evidence {
                failures.push(format!("{}: evidence {ev:?}, expected {:?}", c.name, e.evidence));
            }
            for m in &e.message {
                if !f.message.contains(m.as_str()) {
                    failures.push(format!("{}: message {:?} lacks {m:?}", c.name, f.message));
                }
            }
            if let Some(sev) = e.severity {
                if f.severity != sev {
                    failures.push(format!("{}: severity {:?}, expected {sev:?}", c.name, f.severity));
                }
            }
            if f.message_en.is_empty() {
                failures.push(format!("{}: no English message", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn enough_cases_per_rule() {
    let cases = cases();
    for code in [FindingCode::SuspectedMissingChar, FindingCode::TruncatedSentence, FindingCode::Placeholder] {
        let positive = cases.iter().filter(|c| c.code == code && !c.expect.is_empty()).count();
        let negative = cases.iter().filter(|c| c.code == code && c.expect.is_empty()).count();
        assert!(positive >= 8 && negative >= 8, "{code:?}: {positive} positive, {negative} negative cases");
    }
}
