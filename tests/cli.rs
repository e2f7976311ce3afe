//! The CLI: JSON on stdout, clear errors and exit code 2 for what is not a report.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fazhi-analyzer"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn scratch(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("fazhi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

const SEED: &str = "tests/fixtures/000_aa33b05144184fb9.txt";

#[test]
fn prints_the_same_json_as_the_library() {
    let out = cli(&[SEED], b"");
    assert!(out.status.success());
    let text = std::fs::read_to_string(SEED).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim_end(), fazhi_analyzer::analyze_to_json(&text));
}

#[test]
fn reads_stdin_and_pretty_prints() {
    let text = std::fs::read(SEED).unwrap();
    let out = cli(&["--pretty", "-"], &text);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("{\n  \"format\": \"fazhi-analyzer/1\""), "{}", &stdout[..40]);
    let parsed: fazhi_analyzer::Analysis = serde_json::from_str(&stdout).unwrap();
    assert_eq!(parsed, fazhi_analyzer::analyze(std::str::from_utf8(&text).unwrap()));
}

#[test]
fn batch_prints_one_document_per_line_in_order() {
    let out = cli(&[SEED, "tests/fixtures/002_204dd670dded85b4.txt"], b"");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    let second: fazhi_analyzer::Analysis = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second.stats.chars, std::fs::read_to_string("tests/fixtures/002_204dd670dded85b4.txt").unwrap().encode_utf16().count());
}

#[test]
fn bad_input_is_refused_with_a_reason_and_exit_code_2() {
    let gbk = scratch("gbk.txt", &[0xB1, 0xA8, 0xB8, 0xE6, 0xC8, 0xE7, 0xCF, 0xC2]); // 报告如下
    let docx = scratch("report.docx", b"PK\x03\x04\x14\x00\x06\x00rest-of-zip");
    let binary = scratch("junk.bin", &[0u8, 159, 146, 150, 1, 2, 3, 255]);
    let empty = scratch("empty.txt", b"");
    let dir = std::env::temp_dir().to_string_lossy().into_owned();
    for (path, expect) in [
        (gbk.as_str(), "GB18030"),
        (docx.as_str(), ".docx"),
        (binary.as_str(), "binary"),
        (empty.as_str(), "empty"),
        ("tests/fixtures/does-not-exist.txt", "cannot read"),
        (dir.as_str(), "directory"),
    ] {
        let out = cli(&[path], b"");
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(out.stdout.is_empty(), "{path}: nothing on stdout");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(expect), "{path}: {stderr}");
        assert!(!stderr.contains("panicked"), "{path}: {stderr}");
    }
}

#[test]
fn one_bad_file_in_a_batch_does_not_lose_the_others() {
    let empty = scratch("empty2.txt", b"");
    let out = cli(&[SEED, &empty], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn usage_errors() {
    assert_eq!(cli(&[], b"").status.code(), Some(2));
    assert_eq!(cli(&["--frobnicate", SEED], b"").status.code(), Some(2));
    let help = cli(&["--help"], b"");
    assert!(help.status.success() && String::from_utf8(help.stdout).unwrap().contains("usage"));
}
