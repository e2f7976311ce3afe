//! Digits other than ASCII: `\d` in a Unicode regex matched 𝟡 (four bytes) or ३ (three) and
//! the code then sliced as if each digit were one byte — a panic (issue 15). Patterns now
//! write `[0-9]`; full-width digits are folded to ASCII one-for-one before any stage runs, so
//! they are still read as numbers, and every other script's digits are text.

use std::io::Write;
use std::process::{Command, Stdio};

mod common;
use common::utf16_slice as slice16;

/// (input, the metric texts expected, in order).
const CASES: &[(&str, &[&str])] = &[
    ("。012𝟡391", &[]),
    ("全年共办理案件१२३件,其中行政复议案件३件。", &[]),
    ("全年共办理案件١٢件。", &[]),
    ("共办理案件𝟙𝟚件,其中𝟛件", &[]),
    ("2019年𝟘𝟙月𝟘𝟚日发布。办理行政复议案件𝟡件", &[]),
    // Full-width digits are folded: still figures, highlighted as written.
    ("全年共办理行政复议案件１２件,办结率９８.５%。", &["１２件", "９８.５%"]),
    // Mixed: the ASCII figure is read, the mathematical digits beside it are not.
    ("办理行政复议案件12件,𝟡𝟡件待办", &["12件"]),
];

#[test]
fn non_ascii_digits_never_panic_and_only_ascii_and_full_width_digits_are_figures() {
    for (input, expected) in CASES {
        let result = std::panic::catch_unwind(|| fazhi_analyzer::analyze(input)).unwrap_or_else(|_| panic!("panic on {input:?}"));
        let texts: Vec<String> = result.metrics.iter().map(|m| slice16(input, m.start, m.end)).collect();
        assert_eq!(&texts, expected, "{input:?}");
        for m in &result.metrics {
            assert_eq!(m.text, slice16(input, m.start, m.end));
        }
        for f in &result.findings {
            if let (Some(s), Some(e)) = (f.start, f.end) {
                slice16(input, s, e);
            }
        }
    }
}

/// The reproduction: `printf '。012𝟡391' | fazhi-analyzer -` exited 101.
#[test]
fn the_cli_answers_every_case_with_json() {
    for (input, _) in CASES {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fazhi-analyzer"))
            .arg("-")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{input:?}: {}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["format"], "fazhi-analyzer/1");
    }
}
