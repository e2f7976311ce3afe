//! The CLI: JSON on stdout, clear errors and exit code 2 for what is not a report.

mod common;

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
    // A usage error exits before reading: a closed pipe is not a failure of the test.
    let _ = child.stdin.take().unwrap().write_all(stdin);
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
fn bad_input_is_refused_with_a_reason_and_exit_code_1() {
    let docx = scratch("report.docx", b"PK\x03\x04\x14\x00\x06\x00rest-of-zip");
    let binary = scratch("junk.bin", &[0u8, 159, 146, 150, 1, 2, 3, 255]);
    let empty = scratch("empty.txt", b"");
    for (path, expect) in [
        (docx.as_str(), "docx"),
        (binary.as_str(), "binary"),
        (empty.as_str(), "empty"),
        ("tests/fixtures/does-not-exist.txt", "cannot read"),
        ("/dev/null", "not a regular file"),
    ] {
        let out = cli(&[path], b"");
        assert_eq!(out.status.code(), Some(1), "{path}");
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
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn usage_errors_exit_2_in_clap_conventions() {
    for args in [&[][..], &["--frobnicate", SEED], &["--format", "xml", SEED], &["--format", "jsonl", "--table", "figures", SEED], &["--pretty", "--format", "csv", SEED], &["-", "-"]] {
        let out = cli(args, b"x");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8(out.stderr).unwrap().starts_with("error:"), "{args:?}");
    }
    let help = cli(&["--help"], b"");
    assert!(help.status.success());
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("Usage: fazhi-analyzer [OPTIONS] <PATH>..."), "{help}");
    assert!(help.contains("--format") && help.contains("--table"), "{help}");
    let version = cli(&["--version"], b"");
    assert!(String::from_utf8(version.stdout).unwrap().contains(fazhi_analyzer::FORMAT));
}

/// A fresh directory of reports: `tree/b.txt`, `tree/a/…`, with files the recursion must skip.
fn tree(name: &str, files: &[(&str, &[u8])]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("fazhi-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, bytes) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn seed_bytes(prefix: &str) -> Vec<u8> {
    common::seed(prefix).into_bytes()
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn directories_are_recursed_in_sorted_order() {
    let (s0, s1, s2) = (seed_bytes("000"), seed_bytes("001"), seed_bytes("002"));
    let dir = tree(
        "recurse",
        &[("b.txt", &s0), ("a/z.TXT", &s1), ("a/m/x.txt", &s2), ("a/notes.md", b"skip me"), ("c.pdf", b"%PDF-1.7"), ("d/.keep", b"")],
    );
    let dir_arg = dir.to_str().unwrap();
    let out = cli(&["--format", "jsonl", dir_arg, SEED], b"");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = jsonl(&out);
    let files: Vec<&str> = lines.iter().map(|l| l["file"].as_str().unwrap()).collect();
    let expect: Vec<String> = ["a/m/x.txt", "a/z.TXT", "b.txt"].iter().map(|p| dir.join(p).to_string_lossy().into_owned()).collect();
    assert_eq!(files[..3], expect);
    assert_eq!(files[3], SEED);
    // Each line is its file's result with "file" in front.
    let mut first = lines[0].clone();
    first.as_object_mut().unwrap().remove("file");
    assert_eq!(first.as_object_mut().unwrap().remove("encoding").unwrap(), "UTF-8");
    assert_eq!(first, serde_json::to_value(fazhi_analyzer::analyze(&common::seed("002"))).unwrap());
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("{\"file\":"));
}

#[test]
fn a_refused_file_keeps_its_place_in_every_format() {
    let (s0, s1) = (seed_bytes("000"), seed_bytes("003"));
    let dir = tree("align", &[("1.txt", &s0), ("2.txt", &[0u8, 1, 2, 3, 4, 5]), ("3.txt", &s1)]);
    let arg = dir.to_str().unwrap();

    let out = cli(&["--format", "jsonl", "--quiet", arg], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty(), "--quiet: the lines carry the error");
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1], serde_json::json!({"file": dir.join("2.txt").to_str().unwrap(), "error": {"code": "binary", "message": fazhi_analyzer::InputError::Binary.to_string()}}));
    assert_eq!(lines[2]["meta"]["title"], "公安县2019年法治政府建设工作报告");

    let out = cli(&["--format", "csv", arg], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("2.txt"), "without --quiet the refusal is noted on stderr");
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.strip_prefix('\u{FEFF}').unwrap().split_terminator("\r\n").count(), 4);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&csv.as_bytes()[3..]).records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[1][0], dir.join("2.txt").to_str().unwrap());
    assert!(rows[1].iter().skip(1).take(17).all(str::is_empty), "{:?}", rows[1]);
    assert_eq!(&rows[1][18], fazhi_analyzer::InputError::Binary.to_string());
    let rows: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert!(rows[3].contains(",公安县2019年法治政府建设工作报告,公安县人民政府办公室,2019,年度,2020-04-20,2020-04-01,逾期 19 天,是,否,是,是,"), "{}", rows[3]);
}

#[test]
fn csv_tables_have_a_bom_crlf_and_the_register_columns() {
    let out = cli(&["--format", "csv", SEED], b"");
    assert!(out.status.success());
    let csv = out.stdout;
    assert!(csv.starts_with("\u{FEFF}".as_bytes()));
    assert!(!csv.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r'), "every line ends in CRLF");
    let mut reader = csv::ReaderBuilder::new().from_reader(&csv[3..]);
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let expect: Vec<&str> = fazhi_analyzer::register::REGISTER_COLUMNS.iter().map(|c| c.1).collect();
    assert_eq!(headers, expect);
    assert_eq!(headers[..8], ["文件", "标题", "发文单位", "报告年度", "报告期", "发布日期", "公开期限", "时效"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], SEED);

    // findings and figures: one row per finding / figure, columns as documented.
    let analysis = fazhi_analyzer::analyze(&common::seed("003"));
    for (table, n, first) in [("findings", analysis.findings.len(), "级别"), ("figures", analysis.metrics.len(), "原文数字")] {
        let out = cli(&["--table", table, "tests/fixtures/003_3bbaca17e2977359.txt"], b"");
        assert!(out.status.success());
        let mut reader = csv::ReaderBuilder::new().from_reader(&out.stdout[3..]);
        assert_eq!(&reader.headers().unwrap()[1], first);
        assert_eq!(reader.records().count(), n, "{table}");
    }
}

#[test]
fn stdin_is_named_dash_and_pipes_are_refused_by_name() {
    let out = cli(&["--format", "jsonl", "-"], common::seed("000").as_bytes());
    assert!(out.status.success());
    assert_eq!(jsonl(&out)[0]["file"], "-");
    let fifo = std::env::temp_dir().join(format!("fazhi-cli-{}-fifo", std::process::id()));
    let _ = std::fs::remove_file(&fifo);
    if Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        // Nobody writes to it: opening it would block forever, so refusing it must not open it.
        let out = cli(&["--format", "jsonl", fifo.to_str().unwrap(), SEED], b"");
        assert_eq!(out.status.code(), Some(1));
        let lines = jsonl(&out);
        assert_eq!(lines[0]["error"]["code"], "not-a-file");
        assert_eq!(lines[1]["file"], SEED);
        std::fs::remove_file(&fifo).unwrap();
    }
}

#[test]
fn gbk_and_docx_are_analysed_as_their_utf8_text() {
    let dir = "tests/browser/fixtures";
    let files: Vec<String> =
        ["excerpt.txt", "report-gbk.txt", "report-utf16.txt", "report.docx", "report.html"].iter().map(|f| format!("{dir}/{f}")).collect();
    let args: Vec<&str> = ["--format", "jsonl"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let out = cli(&args, b"");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = jsonl(&out);
    let by_name = |name: &str| {
        let mut line = lines.iter().find(|l| l["file"].as_str().unwrap().ends_with(&format!("/{name}"))).unwrap().clone();
        let obj = line.as_object_mut().unwrap();
        obj.remove("file");
        let encoding = obj.remove("encoding").unwrap();
        (encoding, line)
    };
    let utf8 = std::fs::read_to_string(format!("{dir}/excerpt.txt")).unwrap();
    let expect = serde_json::to_value(fazhi_analyzer::analyze(&utf8)).unwrap();
    assert_eq!(by_name("excerpt.txt"), (serde_json::json!("UTF-8"), expect.clone()));
    assert_eq!(by_name("report-gbk.txt"), (serde_json::json!("GB18030"), expect.clone()));
    assert_eq!(by_name("report-utf16.txt"), (serde_json::json!("UTF-16LE"), expect));
    let docx = serde_json::to_value(fazhi_analyzer::analyze(utf8.trim_end())).unwrap();
    assert_eq!(by_name("report.docx"), (serde_json::json!("docx"), docx));
    assert_eq!(by_name("report.html").0, "html, UTF-8");
    assert_eq!(lines.len(), 5);
}

#[test]
fn xlsx_workbook_reads_back_with_the_three_sheets() {
    use calamine::{Data, Reader};
    let (s3, s1) = (seed_bytes("003"), seed_bytes("001"));
    let dir = tree("xlsx", &[("a.txt", &s3), ("b.bin.txt", &[0u8, 1, 2, 3, 4, 5]), ("c.txt", &s1)]);
    let book = dir.join("register.xlsx");
    let out = cli(&["--quiet", "--xlsx", book.to_str().unwrap(), dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1), "one refused file");
    assert!(out.stdout.is_empty(), "only --xlsx: nothing on stdout");
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(xlsx.sheet_names(), ["汇总", "发现", "数字"]);

    let register = xlsx.worksheet_range("汇总").unwrap();
    let header: Vec<String> = register.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let expect: Vec<&str> = fazhi_analyzer::register::REGISTER_COLUMNS.iter().map(|c| c.1).collect();
    assert_eq!(header, expect);
    assert_eq!(register.height(), 4);
    let a = register.rows().nth(1).unwrap();
    assert_eq!(a[0], Data::String(dir.join("a.txt").to_string_lossy().into_owned()));
    assert_eq!(a[1], Data::String("公安县2019年法治政府建设工作报告".into()));
    assert_eq!(a[3], Data::Float(2019.0), "numbers as numbers");
    match &a[5] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), 43941.0, "2020-04-20 as an Excel serial date"),
        other => panic!("dates as dates: {other:?}"),
    }
    assert_eq!(a[7], Data::String("逾期 19 天".into()));
    assert_eq!((&a[8], &a[9]), (&Data::String("是".into()), &Data::String("否".into())));
    let junk = register.rows().nth(2).unwrap();
    assert_eq!(junk[1], Data::Empty);
    assert_eq!(junk[18], Data::String(fazhi_analyzer::InputError::Binary.to_string()));

    let findings = xlsx.worksheet_range("发现").unwrap();
    let late = findings.rows().find(|r| r[2] == Data::String("late-publication".into())).expect("the late finding");
    assert_eq!(late[1], Data::String("警告".into()));
    assert_eq!(late[4], Data::String("信息来源:公安县人民政府办公室 | 发布时间:2020-04-20 16:52".into()));

    let figures = xlsx.worksheet_range("数字").unwrap();
    let n3 = fazhi_analyzer::analyze(&common::seed("003")).metrics.len();
    let n1 = fazhi_analyzer::analyze(&common::seed("001")).metrics.len();
    assert_eq!(figures.height(), 1 + n3 + 1 + n1, "header, a's figures, the refused file's row, c's figures");
    let c = Data::String(dir.join("c.txt").to_string_lossy().into_owned());
    let eight = figures.rows().find(|r| r[0] == c && r[1] == Data::String("8件".into())).unwrap();
    assert_eq!(eight[2], Data::Float(8.0));
    assert_eq!(eight[5], Data::String("行政诉讼案件".into()));

    // With a format, stdout carries it as well, and the workbook is the same.
    let out = cli(&["--format", "jsonl", "--quiet", "--xlsx", book.to_str().unwrap(), dir.to_str().unwrap()], b"");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
    let mut again: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(again.worksheet_range("数字").unwrap().height(), figures.height());
}
