//! Beyond one report: comparison of two reports and recycled text across a batch.
//!
//! The texts are built from a real report (seed 003): a "next year" version with every
//! figure edited, one section copied verbatim and another rewritten by hand.

mod common;

use fazhi_analyzer::{analyze, batch, compare, Analysis, FindingCode};

/// Seed 003 (公安县2019年…) with its sections: measures chapters, problems (存在的困难和问题),
/// plans (加强法治政府建设的建议).
fn old_report() -> String {
    common::seed("003")
}

fn new_report(old: &str) -> String {
    common::next_year_version(old)
}

fn range_of(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle} not in text"));
    let start = text[..byte].encode_utf16().count();
    (start, start + needle.encode_utf16().count())
}

fn linked(files: &[&str], texts: &[&str]) -> Vec<Analysis> {
    let mut results: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    batch::link(files, texts, &mut results);
    results
}

#[test]
fn a_copied_section_is_recycled_text_and_a_reworded_one_is_not() {
    let old = old_report();
    let new = new_report(&old);
    let results = linked(&["公安县2019.txt", "公安县2020.txt"], &[&old, &new]);

    // Nothing on the older report: the newer one repeats it, not the other way round.
    assert!(results[0].findings.iter().all(|f| f.code != FindingCode::RecycledText));

    let recycled: Vec<_> = results[1].findings.iter().filter(|f| f.code == FindingCode::RecycledText).collect();
    let (problems_start, _) = range_of(&new, "八、存在的困难和问题");
    let (plans_start, plans_end) = range_of(&new, "九、下一年度工作打算");
    let plans_end = plans_end.max(new.encode_utf16().count());

    let on_problems: Vec<_> =
        recycled.iter().filter(|f| f.start.unwrap() >= problems_start && f.end.unwrap() <= plans_start).collect();
    assert!(!on_problems.is_empty(), "the verbatim problems section is not reported: {recycled:#?}");
    for f in &on_problems {
        assert_eq!(f.sources.len(), 1);
        assert_eq!(f.sources[0].file, "公安县2019.txt");
        assert!(f.message.contains("公安县2019.txt") && f.message.contains("存在的困难和问题"), "{}", f.message);
        assert!(f.message.contains("100%"), "a verbatim section repeats in full: {}", f.message);
        // The source span is the same passage in the older text.
        let src = &f.sources[0];
        assert_eq!(common::utf16_slice(&old, src.start, src.end), common::utf16_slice(&new, f.start.unwrap(), f.end.unwrap()));
    }
    assert!(
        recycled.iter().all(|f| f.end.unwrap() <= plans_start || f.start.unwrap() >= plans_end),
        "the reworded plans section is reported: {recycled:#?}"
    );
    // The measures chapters with every figure changed are still last year's text.
    let (measures_start, _) = range_of(&new, "一、全面落实法治政府建设的组织领导");
    assert!(recycled.iter().any(|f| f.start.unwrap() >= measures_start && f.end.unwrap() <= problems_start));

    // Ids stay indexes, stats agree, the result still validates as JSON round-trip.
    for (i, f) in results[1].findings.iter().enumerate() {
        assert_eq!(f.id, i);
    }
    assert_eq!(results[1].stats.findings, results[1].findings.len());
    let json = serde_json::to_string(&results[1]).unwrap();
    assert_eq!(serde_json::from_str::<Analysis>(&json).unwrap(), results[1]);
}

/// Ten invented department reports, five of which carry the same template paragraph
/// (with their own figures in it): one finding, on the last of the five, naming the others.
#[test]
fn a_template_in_five_of_ten_reports_is_reported_once_with_its_five_reports() {
    let template = "我单位严格落实重大行政决策程序规定,对涉及群众切身利益的事项全部履行公众参与、专家论证、\
        风险评估、合法性审查和集体讨论决定程序,全年审查重大行政决策{n}件,提出法律意见{m}条,均被采纳。";
    let topics = [
        ("教育局", "组织全县中小学开展宪法晨读活动,覆盖学生一万二千余名,评选法治教育示范校四所。"),
        ("卫健委", "对辖区医疗机构开展依法执业专项检查,督促整改病历书写不规范等问题,约谈负责人三人次。"),
        ("交通局", "推行非现场执法,在国省干线布设超限检测点位,查处违法超限运输车辆并依法处罚。"),
        ("水利局", "开展河道采砂专项整治,拆除违法建筑物,恢复河道行洪断面,建立河长巡查台账。"),
        ("林业局", "严厉打击破坏森林资源违法行为,办理林业行政案件,补植复绿面积逐年扩大。"),
        ("民政局", "规范社会组织登记管理,对长期未开展活动的社会组织依法撤销登记,公开曝光违法组织。"),
        ("财政局", "加强政府采购监督,对代理机构开展执业检查,推动采购意向公开全覆盖。"),
        ("商务局", "开展成品油市场整治,联合多部门检查加油站点,督促落实安全生产主体责任。"),
        ("人社局", "畅通农民工工资维权渠道,开通欠薪举报热线,为农民工追回工资待遇。"),
        ("统计局", "开展统计造假弄虚作假专项治理,严肃查处统计违法案件,确保数据真实准确。"),
    ];
    let with_template = [1, 3, 4, 7, 9];
    let texts: Vec<String> = topics
        .iter()
        .enumerate()
        .map(|(i, (dept, work))| {
            let mut t = format!("某县{dept}2023年法治政府建设工作报告\n一、主要举措和成效\n{work}\n");
            if with_template.contains(&i) {
                t += &template.replace("{n}", &(i + 3).to_string()).replace("{m}", &(i * 7 + 2).to_string());
                t += "\n";
            }
            t += "二、存在的不足和原因\n执法力量与任务不相适应,原因是编制不足。\n";
            t
        })
        .collect();
    let files: Vec<String> = topics.iter().map(|(d, _)| format!("{d}.txt")).collect();
    let file_refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let results = linked(&file_refs, &text_refs);

    let recycled: Vec<(usize, &fazhi_analyzer::Finding)> = results
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.findings.iter().filter(|f| f.code == FindingCode::RecycledText).map(move |f| (i, f)))
        .collect();
    assert_eq!(recycled.len(), 1, "{recycled:#?}");
    let (on, finding) = recycled[0];
    assert_eq!(on, 9, "reported on the last report that shares it");
    let mut named: Vec<&str> = finding.sources.iter().map(|s| s.file.as_str()).collect();
    named.sort();
    let mut expected: Vec<&str> = [1, 3, 4, 7].iter().map(|&i| files[i].as_str()).collect();
    expected.sort();
    assert_eq!(named, expected);
    assert!(finding.message.contains("4 份"), "{}", finding.message);
    let (start, end) = range_of(&texts[9], "我单位严格落实重大行政决策程序规定");
    assert_eq!(finding.start, Some(start));
    assert!(finding.end.unwrap() > end);
}

/// The unedited seeds share no passage with one another.
#[test]
fn the_seeds_recycle_nothing_from_each_other() {
    let seeds: Vec<String> = ["000", "001", "002", "003", "004"].iter().map(|p| common::seed(p)).collect();
    let files = ["000", "001", "002", "003", "004"];
    let texts: Vec<&str> = seeds.iter().map(String::as_str).collect();
    for r in linked(&files, &texts) {
        assert!(r.findings.iter().all(|f| f.code != FindingCode::RecycledText), "{:?}", r.findings);
    }
}

#[test]
fn compare_lists_every_edited_figure_with_both_values() {
    let old = old_report();
    let new = new_report(&old);
    let (a, b) = (analyze(&old), analyze(&new));
    let c = compare("2019.txt", &a, "2020.txt", &b);
    assert_eq!(c.format, "fazhi-analyzer-compare/1");
    assert_eq!((c.old.report_year, c.new.report_year), (Some(2019), Some(2020)));

    // Every figure of the old measures chapters whose digits were edited appears with both values.
    let problems16 = range_of(&old, "八、存在的困难和问题").0;
    let edited: Vec<_> =
        a.metrics.iter().filter(|m| m.end <= problems16 && m.text.chars().any(|ch| matches!(ch, '1' | '3'..='9'))).collect();
    assert!(edited.len() > 100, "seed 003 states many figures: {}", edited.len());
    let mut listed = 0;
    for m in &edited {
        let row = c.figures.iter().find(|f| f.old.as_ref().is_some_and(|o| o.metric == m.id));
        let row = row.unwrap_or_else(|| panic!("{} missing from the comparison", m.text));
        if let Some(n) = &row.new {
            assert_ne!(n.text, m.text, "{} was edited", m.text);
            assert_eq!(row.change, Some(((n.value - m.value) * 10000.0).round() / 10000.0));
            listed += 1;
        }
    }
    // Pairing is by indicator, unit and category in order: figures whose indicator changed
    // with the edit fall out as one-sided rows, but they are few.
    assert!(listed * 10 >= edited.len() * 9, "{listed} of {} edited figures paired", edited.len());

    // A hand-checked pair: 承办人大建议69件 → 92件 (6→9, 9→2).
    let row = c.figures.iter().find(|f| f.old.as_ref().is_some_and(|o| o.text == "69件")).unwrap();
    assert_eq!(row.new.as_ref().unwrap().text, "92件");
    assert_eq!(row.change, Some(23.0));
    assert_eq!(row.relative_change, Some(0.3333));
    // Every figure of either report appears exactly once.
    let olds = c.figures.iter().filter(|f| f.old.is_some()).count();
    let news = c.figures.iter().filter(|f| f.new.is_some()).count();
    assert_eq!((olds, news), (a.metrics.len(), b.metrics.len()));
    assert_eq!(c.parts.len(), 4);
}

fn validator(path: &str) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

/// Linked results (with `sources`), results with `related`, and comparisons validate
/// against their schemas.
#[test]
fn batch_results_and_comparisons_validate_against_their_schemas() {
    let old = old_report();
    let new = new_report(&old);
    let results = linked(&["a.txt", "b.txt"], &[&old, &new]);
    assert!(results[1].findings.iter().any(|f| !f.sources.is_empty()));
    let contradiction = analyze("共受理行政复议案件15件,办结13件。全年受理行政复议案件17件。");
    assert!(contradiction.findings.iter().any(|f| !f.related.is_empty()));
    let result_schema = validator("docs/result.schema.json");
    for r in results.iter().chain([&contradiction]) {
        let value = serde_json::to_value(r).unwrap();
        let errors: Vec<String> = result_schema.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let comparison = serde_json::to_value(compare("a.txt", &results[0], "b.txt", &results[1])).unwrap();
    let compare_schema = validator("docs/compare.schema.json");
    let errors: Vec<String> = compare_schema.iter_errors(&comparison).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
