//! The hostile shapes of issue 15: one unit repeated with no sentence end for pages. Shared by
//! tests/hostile_shapes.rs, tests/hostile_bounds.rs and benches/hostile.rs (which includes this
//! file by path).

/// (name, unit): the kinds the issue names — relation triggers in runs, dense figures on one
/// line, rate triples, template placeholders, unclosed quotes, tiny headings.
pub const SHAPES: &[(&str, &str)] = &[
    ("breakdown-run", "其中1件"),
    ("respectively-run", "分别占10%、20%,"),
    ("dense-figures", "1件"),
    ("dense-mixed-figures", "受理12件办结11件"),
    ("inclusion-run", "(包括办理事项17项"),
    ("rate-run", "办结率100%"),
    ("rate-triples", "应报100户,已报90户,年报率90%"),
    ("unclosed-quotes", "“"),
    ("unclosed-quote-words", "“未闭合"),
    ("placeholders", "XX××*次x名【】"),
    ("tiny-headings", "一、工作\n"),
    ("tiny-sub-headings", "(一)\n"),
    ("breakdown-sentences", "共办理案件15件,其中行政复议案件3件、行政诉讼案件2件,"),
    // Copying damage read from each paragraph's runs of digits: a run every two bytes, and
    // document numbers and years glued to months held per paragraph until reported.
    ("digit-runs", "1a"),
    ("document-numbers", "〔201923号公编201923"),
    ("year-months", "20198月至201912月"),
];

/// `unit` repeated until the text reaches `bytes` (at most one unit more).
pub fn repeated(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}
