//! `www/catalogue.js` is the core's message catalogue names (categories, required parts,
//! finding codes in Chinese and English) for the page and the widget: generated from
//! `fazhi_analyzer::catalogue_json()`, so the front end keeps no copy of its own. This test
//! fails when the file and the core disagree; `UPDATE_GOLDEN=1 cargo test --test catalogue`
//! writes it.

use std::path::Path;

fn generated() -> String {
    format!(
        "// Generated from the core's message catalogue (src/vocab/messages.rs) by\n\
         // `UPDATE_GOLDEN=1 cargo test --test catalogue`; do not edit.\n\
         export const CATALOGUE = {};\n",
        fazhi_analyzer::catalogue_json()
    )
}

#[test]
fn www_catalogue_is_the_cores() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/catalogue.js");
    let want = generated();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "www/catalogue.js differs from the core's catalogue: run UPDATE_GOLDEN=1 cargo test --test catalogue");
}

#[test]
fn catalogue_names_every_category_the_core_gives() {
    let names: serde_json::Value = serde_json::from_str(&fazhi_analyzer::catalogue_json()).unwrap();
    let categories = names["categories"].as_object().unwrap();
    assert_eq!(categories.len(), 13);
    assert_eq!(categories["行政复议"], "Administrative reconsideration");
    assert_eq!(names["parts"]["problems"]["zh"], "存在的不足和原因");
    assert_eq!(names["codes"]["placeholder"]["en"], "Placeholder");
    assert_eq!(names["documentKinds"]["reconsideration-statistics"]["zh"], "行政复议统计");
    assert_eq!(names["documentKinds"]["speech"]["en"], "Speech");
    // Every category the fixtures' metrics fall in has its English name.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for m in fazhi_analyzer::analyze(&text).metrics {
            assert!(categories.contains_key(m.category.as_ref()), "{} has no English name", m.category);
            seen += 1;
        }
    }
    assert!(seen > 100, "the fixtures lost their metrics");
}
