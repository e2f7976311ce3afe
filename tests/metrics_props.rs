//! Properties every metric must have, checked against a naive oracle: its `text` is the
//! original text sliced by its UTF-16 offsets, its values are finite, ids are indices,
//! metrics are in text order without overlap, and relations point at existing metrics.
//! Run on the seeds, on texts with astral characters and full-width forms, and on
//! pseudo-random mixtures of report fragments (which must never panic).

use fazhi_analyzer::{analyze, Analysis, Relation};

mod common;
use common::random::Rng;
use common::utf16_slice;

fn check(input: &str, named: bool) -> Analysis {
    let a = analyze(input);
    let n = a.metrics.len();
    let mut last_end = 0;
    for (i, m) in a.metrics.iter().enumerate() {
        assert_eq!(m.id, i);
        assert!(m.start < m.end && m.end <= input.encode_utf16().count(), "{m:?}");
        assert_eq!(utf16_slice(input, m.start, m.end), m.text, "span text of {m:?}");
        assert!(m.value.is_finite(), "{m:?}");
        assert!(m.value_max.map_or(true, |v| v.is_finite() && v >= m.value), "{m:?}");
        assert!(!m.unit.is_empty());
        assert!(m.start >= last_end, "metrics overlap or are out of order at {m:?}");
        last_end = m.end;
        assert!(!named || !m.indicator.is_empty(), "empty indicator for {m:?} in {input:?}");
        assert!(!m.category.is_empty());
    }
    for r in &a.relations {
        let ids: Vec<usize> = match r {
            Relation::Breakdown { total, parts, .. } => std::iter::once(*total).chain(parts.iter().copied()).collect(),
            Relation::Respectively { items, values, .. } => values.iter().copied().chain(items.iter().filter_map(|i| i.metric)).collect(),
            Relation::Rate { numerator, denominator, rate, .. } => vec![*numerator, *denominator, *rate],
        };
        assert!(ids.iter().all(|&id| id < n), "relation points outside metrics: {r:?}");
        if let Relation::Respectively { items, .. } = r {
            for item in items {
                assert_eq!(utf16_slice(input, item.start, item.end), item.text);
            }
        }
    }
    a
}

#[test]
fn seeds_satisfy_the_oracle() {
    let mut total = 0;
    for (_, text) in common::fixtures() {
        total += check(&text, true).metrics.len();
    }
    assert!(total > 300, "only {total} metrics in the seeds");
}

#[test]
fn astral_and_full_width_text_keeps_offsets() {
    let input = "𠀀共受理案件１２件，𠀀𠀀涉案金额３．５万元，办结率１００％。";
    let a = check(input, true);
    let texts: Vec<&str> = a.metrics.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["１２件", "３．５万元", "１００％"]);
    assert_eq!(a.metrics[0].start, 2 + 5);
    assert_eq!(a.metrics[1].value, 35000.0);
}

#[test]
fn random_mixtures_never_panic_and_satisfy_the_oracle() {
    let pieces = [
        "共", "受理", "案件", "12", "1,234", "3.5", "万", "亿", "余", "多", "件", "人次", "%", "百分之", "九十五",
        "点", "五", "一", "两", "十", "百", "千", "〇", "第", "届", "年", "月", "日", "至", "-", "—", "~", "约",
        "近", "以上", "左右", "不足", "超过", ",", "。", "、", ";", ":", "(", ")", "(", ")", "“", "”", "《", "》",
        "〔", "〕", "\n", " ", "𠀀", "１２", "％", "其中", "包括", "分别", "为", "率", "应报", "已报", "户",
        "台(套)", "ug/m3", "PM2.5", "12345", "支", "个", "个工作日", "一是", "一、", "(一)", "1.", "XX", "×",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let s = rng.text(&pieces, 40);
        // Random text need not name anything: indicators may be empty here.
        check(&s, false);
    }
}
