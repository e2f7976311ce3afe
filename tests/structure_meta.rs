//! Page chrome and meta on the seeds, checked by hand against each text.

use fazhi_analyzer::{analyze, Analysis, BoilerplateKind, Period};

mod common;
use common::seed;
use common::utf16_slice as slice;

fn field<'a>(a: &'a Analysis, name: &str) -> Option<&'a str> {
    a.meta.fields.iter().find(|f| f.name == name).map(|f| f.value.as_str())
}

#[test]
fn seed_000_meta() {
    let a = analyze(&seed("000"));
    assert_eq!(a.meta.title, None);
    assert_eq!(a.meta.issuer, None);
    assert_eq!(a.meta.report_year, Some(2022));
    assert_eq!(a.meta.period, Some(Period::Year));
    assert_eq!(a.meta.published, None);
    assert!(a.boilerplate.is_empty());
}

#[test]
fn seed_001_meta_and_chrome() {
    let t = seed("001");
    let a = analyze(&t);
    assert_eq!(a.meta.title.as_deref(), Some("德阳市罗江区2022年上半年法治政府建设工作开展情况"));
    assert_eq!(a.meta.report_year, Some(2022));
    assert_eq!(a.meta.period, Some(Period::HalfYear));
    assert_eq!(a.meta.published.as_deref(), Some("2022-08-03"));
    assert_eq!(a.meta.issuer, None, "来源 is empty and there is no signature");
    assert_eq!(field(&a, "索引号"), Some("510626-2022-009854"));
    assert_eq!(field(&a, "公开形式"), Some("主动公开"));
    let body = slice(&t, a.body.start, a.body.end);
    assert!(body.starts_with("2022年上半年,德阳市罗江区政府"), "{body:.40}");
    assert!(body.ends_with("确保各项指标达成。"));
    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::Metadata, BoilerplateKind::Footer]);
    let footer = &a.boilerplate[1];
    assert_eq!(slice(&t, footer.start, footer.end), "相关附件:\n责任编辑:区司法局");
}

#[test]
fn seed_002_signature() {
    let a = analyze(&seed("002"));
    assert_eq!(a.meta.title, None);
    assert_eq!(a.meta.issuer.as_deref(), Some("临沧市应急管理局"));
    assert_eq!(a.meta.report_year, Some(2024));
    assert_eq!(a.meta.period, Some(Period::Year));
    assert_eq!(a.meta.published.as_deref(), Some("2024-12-23"));
}

#[test]
fn seed_003_metadata_block_and_footer_are_boilerplate() {
    let t = seed("003");
    let a = analyze(&t);
    assert_eq!(a.meta.title.as_deref(), Some("公安县2019年法治政府建设工作报告"));
    assert_eq!(a.meta.issuer.as_deref(), Some("公安县人民政府办公室"));
    assert_eq!(a.meta.report_year, Some(2019));
    assert_eq!(a.meta.period, Some(Period::Year));
    assert_eq!(a.meta.published.as_deref(), Some("2020-04-20"), "metadata wins over the mangled signature 2020414");
    assert_eq!(field(&a, "索引号"), Some("201140958/2022-03057"));
    assert_eq!(field(&a, "发文单位"), Some("公安县人民政府办公室"));
    assert_eq!(field(&a, "效力状态"), Some("有效"));
    assert_eq!(field(&a, "主题分类"), Some("政务公开"));
    assert_eq!(field(&a, "发文字号"), Some("无"));
    assert_eq!(field(&a, "信息来源"), Some("公安县人民政府办公室"));
    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    use BoilerplateKind::*;
    assert_eq!(kinds, [Menu, Metadata, Metadata, Footer]);
    let menu = slice(&t, a.boilerplate[0].start, a.boilerplate[0].end);
    assert!(menu.starts_with("登录") && menu.ends_with("今天是:"), "{menu}");
    let meta = slice(&t, a.boilerplate[1].start, a.boilerplate[1].end);
    assert!(meta.starts_with("索引号:") && meta.trim_end().ends_with('无'), "{meta}");
    let footer = slice(&t, a.boilerplate[3].start, a.boilerplate[3].end);
    assert!(footer.starts_with("打印|关闭") && footer.ends_with("网站地图"), "{footer}");
    let body = slice(&t, a.body.start, a.body.end);
    assert!(body.starts_with("市人民政府:"), "{body:.20}");
    assert!(body.ends_with("2020414"));
    for b in &a.boilerplate {
        assert!(b.end <= a.body.start || b.start >= a.body.end, "boilerplate inside the body");
    }
}

#[test]
fn seed_004_mid_term_without_year() {
    let a = analyze(&seed("004"));
    assert_eq!(a.meta.title, None);
    assert_eq!(a.meta.issuer, None);
    assert_eq!(a.meta.report_year, None, "今年 names no year");
    assert_eq!(a.meta.period, Some(Period::MidTerm));
    assert_eq!(a.meta.published, None);
}
