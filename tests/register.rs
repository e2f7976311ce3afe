//! The register's three tables on the seeds: cells checked by hand against the texts.

mod common;

use fazhi_analyzer::register::{self, BatchEntry, Cell, CellType, Entry, RowError, Source, Table, Tables};

fn cell<'t>(table: &'t Table, row: usize, key: &str) -> &'t Cell {
    let col = table.columns.iter().position(|c| c.key == key).unwrap_or_else(|| panic!("no column {key}"));
    &table.rows[row][col]
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn seed_tables(seeds: &[&str]) -> Tables {
    let texts: Vec<(String, String)> = seeds.iter().map(|s| (format!("{s}.txt"), common::seed(s))).collect();
    tables_of(&texts)
}

/// The tables of (file, text) pairs, each analysed.
fn tables_of(texts: &[(String, String)]) -> Tables {
    let results: Vec<_> = texts.iter().map(|(_, t)| fazhi_analyzer::analyze(t)).collect();
    let entries: Vec<Entry> = texts
        .iter()
        .zip(&results)
        .map(|((file, text), analysis)| Entry { file, source: Source::Analysed { text, analysis } })
        .collect();
    register::tables(&entries)
}

#[test]
fn register_columns_are_the_page_hooks_in_order() {
    let t = seed_tables(&[]);
    let keys: Vec<&str> = t.register.columns.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "file", "title", "issuer", "year", "period", "published", "deadline", "timeliness", "measures", "duty", "problems",
            "plans", "figures", "density", "quantified", "errors", "warnings", "infos", "error", "documentKind"
        ]
    );
    assert!(t.register.rows.is_empty() && t.findings.rows.is_empty() && t.figures.rows.is_empty());
    let kind = |key: &str| t.register.columns.iter().find(|c| c.key == key).unwrap().kind;
    assert_eq!((kind("year"), kind("published"), kind("duty"), kind("title")), (CellType::Number, CellType::Date, CellType::Bool, CellType::Text));
}

#[test]
fn register_rows_of_the_seeds() {
    let t = seed_tables(&["000", "001", "002", "003", "004"]);
    let r = &t.register;
    assert_eq!(r.rows.len(), 5);
    // 003: 公安县 2019, published 2020-04-20 (page metadata), due 2020-04-01: 19 days late;
    // it has no 第一责任人 part.
    assert_eq!(cell(r, 3, "file"), &text("003.txt"));
    assert_eq!(cell(r, 3, "title"), &text("公安县2019年法治政府建设工作报告"));
    assert_eq!(cell(r, 3, "issuer"), &text("公安县人民政府办公室"));
    assert_eq!(cell(r, 3, "year"), &Cell::Number(2019.0));
    assert_eq!(cell(r, 3, "period"), &text("年度"));
    assert_eq!(cell(r, 3, "published"), &Cell::Date("2020-04-20".into()));
    assert_eq!(cell(r, 3, "deadline"), &Cell::Date("2020-04-01".into()));
    assert_eq!(cell(r, 3, "timeliness"), &text("逾期 19 天"));
    let parts: Vec<&Cell> = ["measures", "duty", "problems", "plans"].iter().map(|k| cell(r, 3, k)).collect();
    assert_eq!(parts, [&Cell::Bool(true), &Cell::Bool(false), &Cell::Bool(true), &Cell::Bool(true)]);
    assert_eq!(cell(r, 3, "errors"), &Cell::Number(1.0), "the missing duty part is the one error");
    assert_eq!(cell(r, 3, "error"), &Cell::Empty);
    // 002: 临沧市应急管理局 2024, published 2024-12-23: on time.
    assert_eq!(cell(r, 2, "issuer"), &text("临沧市应急管理局"));
    assert_eq!(cell(r, 2, "published"), &Cell::Date("2024-12-23".into()));
    assert_eq!(cell(r, 2, "timeliness"), &text("按时"));
    // 000: an annual report for 2022 without a publication date.
    assert_eq!(cell(r, 0, "deadline"), &Cell::Date("2023-04-01".into()));
    assert_eq!((cell(r, 0, "published"), cell(r, 0, "timeliness")), (&Cell::Empty, &text("未知")));
    // 001: 罗江区 上半年 — no deadline applies; no issuer line in the text.
    assert_eq!(cell(r, 1, "period"), &text("半年"));
    assert_eq!((cell(r, 1, "deadline"), cell(r, 1, "timeliness")), (&Cell::Empty, &text("不适用")));
    assert_eq!(cell(r, 1, "issuer"), &Cell::Empty);
    // 004: a mid-term evaluation.
    assert_eq!((cell(r, 4, "period"), cell(r, 4, "timeliness")), (&text("中期"), &text("不适用")));
    // Counts agree with the tables of findings and figures.
    for (row, seed) in ["000", "001", "002", "003", "004"].iter().enumerate() {
        let file = text(&format!("{seed}.txt"));
        let figures = t.figures.rows.iter().filter(|f| f[0] == file).count();
        assert_eq!(cell(r, row, "figures"), &Cell::Number(figures as f64), "{seed}");
        for (key, label) in [("errors", "错误"), ("warnings", "警告"), ("infos", "提示")] {
            let n = t.findings.rows.iter().filter(|f| f[0] == file && f[1] == text(label)).count();
            assert_eq!(cell(r, row, key), &Cell::Number(n as f64), "{seed} {key}");
        }
    }
}

#[test]
fn findings_carry_their_sentence_and_heading() {
    let t = seed_tables(&["003", "001"]);
    let f = &t.findings;
    let row = |code: &str, needle: &str| {
        (0..f.rows.len())
            .find(|&i| cell(f, i, "code") == &text(code) && matches!(cell(f, i, "message"), Cell::Text(m) if m.contains(needle)))
            .unwrap_or_else(|| panic!("no {code} finding with {needle}"))
    };
    let late = row("late-publication", "晚了19天");
    assert_eq!(cell(f, late, "file"), &text("003.txt"));
    assert_eq!(cell(f, late, "severity"), &text("警告"));
    assert_eq!(cell(f, late, "evidence"), &text("信息来源:公安县人民政府办公室 | 发布时间:2020-04-20 16:52"));
    assert_eq!(cell(f, late, "heading"), &Cell::Empty, "the page metadata stands before every heading");
    // A whole-document finding has no sentence.
    let missing = row("section-missing", "第一责任人");
    assert_eq!((cell(f, missing, "severity"), cell(f, missing, "evidence")), (&text("错误"), &Cell::Empty));
    // 001: “共审查行政决策事项40。” lacks its measure word.
    let glued = row("suspected-missing-char", "决策事项40");
    assert_eq!(cell(f, glued, "file"), &text("001.txt"));
    assert_eq!(cell(f, glued, "evidence"), &text("2022年截至目前,共审查行政决策事项40。"));
    assert_eq!(cell(f, glued, "heading"), &text("四、提升重大行政决策法治化水平"));
}

#[test]
fn figures_carry_their_sentence_and_heading_path() {
    let t = seed_tables(&["001"]);
    let g = &t.figures;
    let i = (0..g.rows.len()).find(|&i| cell(g, i, "text") == &text("8件")).unwrap();
    assert_eq!(cell(g, i, "value"), &Cell::Number(8.0));
    assert_eq!(cell(g, i, "unit"), &text("件"));
    assert_eq!(cell(g, i, "kind"), &text("数量"));
    assert_eq!(cell(g, i, "indicator"), &text("行政诉讼案件"));
    assert_eq!(cell(g, i, "heading"), &text("一、实法治政府建设主体责任 › (二)统筹推动法治政府建设"));
    // The paragraph ends at the line break, without a full stop.
    assert_eq!(cell(g, i, "sentence"), &text("落实行政机关负责人出庭应诉制度,2022年上半年,共发生行政诉讼案件8件,行政机关负责人出庭应诉率100%"));
    assert_eq!(cell(g, i + 1, "text"), &text("100%"));
    assert_eq!(cell(g, i + 1, "kind"), &text("比例"));
}

#[test]
fn a_refused_file_is_a_row_with_its_reason_in_every_table() {
    let good = common::seed("002");
    let analysis = fazhi_analyzer::analyze(&good);
    let error = RowError { code: "binary".into(), message: "内容不是文本".into() };
    let entries = [
        Entry { file: "a.txt", source: Source::Analysed { text: &good, analysis: &analysis } },
        Entry { file: "junk.bin", source: Source::Refused(&error) },
        Entry { file: "c.txt", source: Source::Analysed { text: &good, analysis: &analysis } },
    ];
    let t = register::tables(&entries);
    assert_eq!(t.register.rows.len(), 3);
    let junk = &t.register.rows[1];
    assert_eq!(junk[0], text("junk.bin"));
    assert_eq!(cell(&t.register, 1, "error"), &text("内容不是文本"));
    let error_at = t.register.columns.iter().position(|c| c.key == "error").unwrap();
    assert_eq!(error_at, 18, "columns added later come after error: its position does not move");
    assert!(junk.iter().enumerate().all(|(k, c)| k == 0 || k == error_at || *c == Cell::Empty), "{junk:?}");
    for table in [&t.findings, &t.figures] {
        let rows: Vec<&Vec<Cell>> = table.rows.iter().filter(|r| r[0] == text("junk.bin")).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].last().unwrap(), &text("内容不是文本"));
    }
    // Order is input order: a.txt's figures, junk's row, then c.txt's.
    let files: Vec<&Cell> = t.figures.rows.iter().map(|r| &r[0]).collect();
    let junk_at = files.iter().position(|f| **f == text("junk.bin")).unwrap();
    assert!(files[..junk_at].iter().all(|f| **f == text("a.txt")) && files[junk_at + 1..].iter().all(|f| **f == text("c.txt")));
}

#[test]
fn the_batch_as_the_page_holds_it() {
    let good = common::seed("000");
    let result = serde_json::to_value(fazhi_analyzer::analyze(&good)).unwrap();
    let json = serde_json::json!([
        { "file": "with-result.txt", "text": good, "result": result },
        { "file": "empty.txt", "error": { "code": "empty", "message": "输入为空" } },
        { "file": "text-only.txt", "text": good },
        { "file": "junk.bin", "error": "内容不是文本" },
        { "file": "blank.txt", "text": "   " },
    ]);
    let batch: Vec<BatchEntry> = serde_json::from_value(json).unwrap();
    let t = register::batch_tables(&batch);
    let r = &t.register;
    assert_eq!(r.rows.len(), 5);
    assert_eq!(r.rows[0][1..], r.rows[2][1..], "analysing the text gives the row of its result");
    assert_eq!(cell(r, 1, "error"), &text("输入为空"));
    assert_eq!(cell(r, 3, "error"), &text("内容不是文本"));
    assert!(matches!(cell(r, 4, "error"), Cell::Text(m) if m.contains("输入为空")));
    // JSON: plain values, dates as strings, missing as null.
    let out = serde_json::to_value(&t).unwrap();
    assert_eq!(out["register"]["columns"][5], serde_json::json!({ "key": "published", "header": "发布日期", "type": "date" }));
    assert_eq!(out["register"]["rows"][0][6], serde_json::json!("2023-04-01"));
    assert_eq!(out["register"]["rows"][0][5], serde_json::Value::Null);
    assert_eq!(out["register"]["rows"][0][8], serde_json::json!(true));
}

/// The register row of one invented text.
fn row_of(text: &str) -> (Table, fazhi_analyzer::Analysis) {
    let analysis = fazhi_analyzer::analyze(text);
    let t = register::tables(&[Entry { file: "t.txt", source: Source::Analysed { text, analysis: &analysis } }]);
    (t.register, analysis)
}

/// Invented texts, one of each kind (their kinds are tested in tests/data/structure/kinds.toml).
const KIND_CASES: [(&str, &str); 6] = [
    ("某某县2022年法治政府建设年度报告\n一、主要工作\n全年办理案件20件。\n", "法治建设报告"),
    ("某市2022年行政复议案件统计分析报告\n一、案件基本情况\n全年收到行政复议申请820件,受理760件。\n", "行政复议统计"),
    ("新华社北京3月30日电(记者张三)记者从某省司法厅获悉,2022年该省行政机关负责人出庭应诉率达到98%。\n", "新闻"),
    ("某县2023年政府工作报告\n各位代表:\n一、2022年工作回顾\n全县地区生产总值增长5%。\n", "政府工作报告"),
    ("在全县法治政府建设工作会议上的讲话\n同志们:\n今天召开全县法治政府建设工作会议。\n", "讲话"),
    ("某县2023年法治政府建设工作要点\n一、加强党的领导\n严格落实第一责任人制度。\n", "其他"),
];

const PART_KEYS: [&str; 4] = ["measures", "duty", "problems", "plans"];

#[test]
fn the_kind_of_document_in_chinese() {
    for (input, label) in KIND_CASES {
        let (r, _) = row_of(input);
        assert_eq!(cell(&r, 0, "documentKind"), &text(label), "{input}");
    }
    // Seed 003 is an annual report; a refused file has no kind.
    let t = seed_tables(&["003"]);
    assert_eq!(cell(&t.register, 0, "documentKind"), &text("法治建设报告"));
    let error = RowError { code: "empty".into(), message: "输入为空".into() };
    let refused = register::register(&[Entry { file: "e.txt", source: Source::Refused(&error) }]);
    assert_eq!(cell(&refused, 0, "documentKind"), &Cell::Empty);
}

#[test]
fn a_part_found_without_its_causes_is_its_own_state() {
    let report = |problems: &str| {
        format!("某某县2022年法治政府建设年度报告\n一、主要举措和成效\n全年办理行政复议案件20件。\n{problems}三、下一年度主要安排\n继续推进依法行政。\n")
    };
    let cases = [
        ("二、存在的不足和原因\n执法人员不足,原因是编制有限。\n", Cell::Bool(true)),
        ("二、存在的不足和原因\n执法人员不足。培训次数偏少。\n", text("缺原因")),
        ("", Cell::Bool(false)),
    ];
    for (problems, want) in cases {
        let (r, a) = row_of(&report(problems));
        assert_eq!(cell(&r, 0, "problems"), &want, "{problems}");
        let causes_missing = a.findings.iter().filter(|f| f.code == fazhi_analyzer::FindingCode::CausesMissing).count();
        assert_eq!(causes_missing, usize::from(want == text("缺原因")), "the cell agrees with the findings: {problems}");
        // The other parts stay plain booleans.
        assert_eq!(cell(&r, 0, "measures"), &Cell::Bool(true));
        assert_eq!(cell(&r, 0, "plans"), &Cell::Bool(true));
    }
    // Seed 000: 三、推进法治政府建设存在的不足和原因 lists shortcomings and no cause (checked by hand).
    let t = seed_tables(&["000"]);
    assert_eq!(cell(&t.register, 0, "problems"), &text("缺原因"));
    assert_eq!(cell(&t.register, 0, "duty"), &Cell::Bool(true));
}

#[test]
fn required_parts_do_not_apply_to_a_document_that_is_not_a_report() {
    // Every kind but the report: the four part cells say 不适用 (not 否, nor 是 for what a news
    // article happens to mention), in the table, in CSV and in the workbook.
    let mut texts = Vec::new();
    for (input, label) in KIND_CASES {
        let (r, a) = row_of(input);
        let report = label == "法治建设报告";
        assert_eq!(report, a.meta.document_kind == fazhi_analyzer::DocumentKind::RuleOfLawReport, "{input}");
        for key in PART_KEYS {
            let got = cell(&r, 0, key);
            if report {
                assert!(matches!(got, Cell::Bool(_)), "{label} {key}: {got:?}");
            } else {
                assert_eq!(got, &text("不适用"), "{label} {key}");
                assert_eq!(got.to_text(), "不适用", "CSV of {label} {key}");
            }
        }
        texts.push((format!("{label}.txt"), input.to_owned()));
    }
    // A document that is not a report but states all four parts' words: still 不适用.
    let speech = "在全县法治政府建设工作会议上的讲话\n同志们:\n一、主要举措和成效\n全年办理案件20件。\n二、存在的不足和原因\n人员不足,原因是编制有限。\n三、下一年度主要安排\n继续推进。\n";
    let (r, _) = row_of(speech);
    assert_eq!(cell(&r, 0, "documentKind"), &text("讲话"));
    for key in PART_KEYS {
        assert_eq!(cell(&r, 0, key), &text("不适用"), "speech {key}");
    }
    // The workbook prints the same words.
    let tables = tables_of(&texts);
    let bytes = fazhi_analyzer::xlsx::workbook(&tables).unwrap();
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("汇总").unwrap();
    let rows: Vec<_> = sheet.rows().collect();
    let header = &rows[0];
    for (i, (file, _)) in texts.iter().enumerate() {
        let row = &rows[i + 1];
        assert_eq!(row[0].to_string(), *file);
        for key in PART_KEYS {
            let col = tables.register.columns.iter().position(|c| c.key == key).unwrap();
            let got = row[col].to_string();
            if file.starts_with("法治建设报告") {
                assert!(got == "是" || got == "否", "{file} {} ({key}): {got}", header[col]);
            } else {
                assert_eq!(got, "不适用", "{file} {} ({key})", header[col]);
            }
        }
    }
}
