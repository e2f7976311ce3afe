//! Golden results: every fixture's whole JSON against a checked-in expectation, so that a
//! restructuring or a speed change that alters any output fails until the new output is
//! reviewed and accepted on purpose.
//!
//! Inputs: the real reports in `tests/fixtures/` (the page's samples are two of them) and
//! invented texts in `tests/golden/inputs/`. Expectations: `tests/golden/expected/<name>.json`
//! (pretty-printed, so a diff reads line by line).
//!
//! Accept a deliberate change with `UPDATE_GOLDEN=1 cargo test --test golden`, then review
//! `git diff tests/golden/` before committing.

use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["tests/fixtures", "tests/golden/inputs"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}

fn expected_path(input: &Path) -> PathBuf {
    let name = input.file_stem().unwrap().to_str().unwrap();
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/expected").join(format!("{name}.json"))
}

#[test]
fn every_fixture_matches_its_golden_result() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let inputs = inputs();
    assert!(inputs.len() >= 10, "the golden set lost its inputs: {inputs:?}");
    let mut failures = Vec::new();
    for input in &inputs {
        let text = std::fs::read_to_string(input).unwrap();
        let actual = serde_json::to_string_pretty(&fazhi_analyzer::analyze(&text)).unwrap() + "\n";
        let expected_path = expected_path(input);
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!("no golden result {}; create it with UPDATE_GOLDEN=1", expected_path.display())
        });
        if actual != expected {
            let line = actual.lines().zip(expected.lines()).position(|(a, e)| a != e);
            let line = line.unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
            failures.push(format!(
                "{}: differs from line {}\n  expected: {}\n  actual:   {}",
                input.display(),
                line + 1,
                expected.lines().nth(line).unwrap_or("<end>"),
                actual.lines().nth(line).unwrap_or("<end>"),
            ));
        }
    }
    // Expectations without an input are stale: they would hide a deleted fixture.
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/expected")).unwrap() {
        let path = entry.unwrap().path();
        if !inputs.iter().any(|i| expected_path(i) == path) {
            failures.push(format!("{}: a golden result with no input", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden result(s) changed (review, then accept with UPDATE_GOLDEN=1 cargo test --test golden):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
