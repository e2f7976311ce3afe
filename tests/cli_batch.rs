//! The CLI beyond one report: `--compare OLD NEW`, and cross-report findings in a batch.

mod common;

use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fazhi-analyzer")).args(args).output().unwrap()
}

/// A fresh directory with seed 003 as `2019.txt` and its next-year version as `2020.txt`.
fn two_years() -> (std::path::PathBuf, String, String) {
    let dir = std::env::temp_dir().join(format!("fazhi-cli-batch-{}-{}", std::process::id(), rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = common::seed("003");
    let new = common::next_year_version(&old);
    std::fs::write(dir.join("2019.txt"), &old).unwrap();
    std::fs::write(dir.join("2020.txt"), &new).unwrap();
    (dir, old, new)
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
}

#[test]
fn compare_prints_every_edited_figure_with_both_values_as_csv() {
    let (dir, old, new) = two_years();
    let (a, b) = (dir.join("2019.txt"), dir.join("2020.txt"));
    let out = cli(&["--compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with('\u{FEFF}'), "UTF-8 BOM for Excel");
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "指标,单位,领域,原值,新值,变化,变化率");

    // Each figure of the old report whose digits the edit changed is on a row with both values.
    let (ra, rb) = (fazhi_analyzer::analyze(&old), fazhi_analyzer::analyze(&new));
    let c = fazhi_analyzer::compare("a", &ra, "b", &rb);
    assert_eq!(lines.len(), 1 + c.figures.len(), "one row per figure of either report");
    let both: Vec<&&str> = lines[1..].iter().filter(|l| { let f: Vec<&str> = l.split(',').collect(); !f[3].is_empty() && !f[4].is_empty() }).collect();
    let edited = c.figures.iter().filter(|f| matches!((&f.old, &f.new), (Some(o), Some(n)) if o.value != n.value)).count();
    assert!(edited > 100 && both.len() >= edited, "{edited} edited, {} rows with both values", both.len());
    // Hand-checked: 承办人大建议 69件 → 92件, +23, +33.33 %.
    assert!(lines.iter().any(|l| l.ends_with(",69,92,23,0.3333")), "{:?}", &lines[..8]);
}

#[test]
fn compare_as_json_is_the_library_comparison() {
    let (dir, old, new) = two_years();
    let (a, b) = (dir.join("2019.txt").to_string_lossy().into_owned(), dir.join("2020.txt").to_string_lossy().into_owned());
    let out = cli(&["--compare", &a, &b, "--format", "json"]);
    assert!(out.status.success());
    let got: fazhi_analyzer::Comparison = serde_json::from_slice(&out.stdout).unwrap();
    let expected = fazhi_analyzer::compare(&a, &fazhi_analyzer::analyze(&old), &b, &fazhi_analyzer::analyze(&new));
    assert_eq!(got, expected);
}

#[test]
fn compare_refuses_what_it_cannot_compare() {
    let (dir, _, _) = two_years();
    let a = dir.join("2019.txt").to_string_lossy().into_owned();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = cli(&["--compare", &a, empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
    assert!(out.stdout.is_empty());
    // Usage errors: one file, a table, jsonl.
    assert_eq!(cli(&["--compare", &a]).status.code(), Some(2));
    assert_eq!(cli(&["--compare", &a, &a, "--table", "findings"]).status.code(), Some(2));
    assert_eq!(cli(&["--compare", &a, &a, "--format", "jsonl"]).status.code(), Some(2));
}

/// In a batch, the later report's line carries recycled-text naming the earlier file; a
/// refused file in between keeps its line and changes nothing.
#[test]
fn a_batch_links_recycled_text_into_the_later_reports_line() {
    let (dir, _, _) = two_years();
    std::fs::write(dir.join("2019b-junk.txt"), [0u8, 1, 2, 3, 0, 0, 7, 8]).unwrap();
    let out = cli(&["--format", "jsonl", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "one file refused");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    let file = |i: usize| lines[i]["file"].as_str().unwrap().to_owned();
    assert!(file(0).ends_with("2019.txt") && file(1).ends_with("2019b-junk.txt") && file(2).ends_with("2020.txt"));
    assert!(lines[1]["error"].is_object());
    let recycled = |i: usize| -> Vec<serde_json::Value> {
        lines[i]["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "recycled-text").cloned().collect()
    };
    assert!(recycled(0).is_empty());
    let later = recycled(2);
    assert!(!later.is_empty());
    assert!(later.iter().all(|f| f["sources"][0]["file"].as_str().unwrap().ends_with("2019.txt")));
    assert_eq!(lines[2]["stats"]["findings"].as_u64().unwrap() as usize, lines[2]["findings"].as_array().unwrap().len());
    // The same file alone has no cross-report findings.
    let alone = cli(&[dir.join("2020.txt").to_str().unwrap()]);
    let alone: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
    assert!(alone["findings"].as_array().unwrap().iter().all(|f| f["code"] != "recycled-text"));
}
