//! Input limits from the CLI (issue 15): exact size figures and files cut short.

use std::process::Command;

fn run(path: &std::path::Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fazhi-analyzer")).arg(path).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_file_over_the_cap_is_refused_with_its_exact_size() {
    let dir = std::env::temp_dir().join(format!("fazhi-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // 100 MiB, sparse: more than twice the cap, so refused before reading.
    let big = dir.join("big.txt");
    std::fs::File::create(&big).unwrap().set_len(100 * 1048576).unwrap();
    let (code, err) = run(&big);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("104,857,600 字节,上限 50,331,648 字节"), "{err}");
    // 48 MiB + 1 byte of UTF-8 text: read, then refused with the exact count.
    let over = dir.join("over.txt");
    std::fs::write(&over, "a".repeat(50_331_649)).unwrap();
    let (code, err) = run(&over);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("50,331,649 字节"), "{err}");
    // A UTF-8 file cut in the middle of its last character.
    let cut = dir.join("cut.txt");
    let text = "全年办理行政复议案件15件。".as_bytes();
    std::fs::write(&cut, &text[..text.len() - 1]).unwrap();
    let (code, err) = run(&cut);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("截断") && !err.contains("GBK"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn findings_of_one_code_are_capped_with_a_count() {
    let placeholders = "XX××*次x名【】".repeat(20_000);
    let a = fazhi_analyzer::analyze(&placeholders);
    let mut counts = std::collections::BTreeMap::new();
    for f in &a.findings {
        *counts.entry(format!("{:?}", f.code)).or_insert(0usize) += 1;
    }
    assert!(!counts.is_empty());
    for (code, n) in &counts {
        assert!(*n <= 201, "{code}: {n} findings");
    }
    let summary: Vec<_> = a.findings.iter().filter(|f| f.message.contains("未逐一列出")).collect();
    assert!(!summary.is_empty(), "the cap says how many are not listed");
    assert!(summary[0].start.is_some());
    // Output stays proportionate to the input.
    let json = fazhi_analyzer::analyze_to_json(&placeholders);
    assert!(json.len() < placeholders.len() * 16, "{} bytes of JSON for {}", json.len(), placeholders.len());
}
