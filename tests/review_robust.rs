//! The review never panics and every finding points inside the text, whatever is pasted:
//! random texts built from the characters the rules look at (digits, quotes, brackets,
//! markers, placeholders, units, line breaks, characters outside the BMP).

use fazhi_analyzer::analyze;

mod common;
use common::random::Rng;

const PIECES: &[&str] = &[
    "1", "2019", "20198月", "2020414", "〔", "〕", "“", "”", "’’", "\"", "《", "》", "(", ")", "(", ")", "【", "】",
    "X", "XX", "x名", "*次", "×", "○○", "件", "万元", "%", "余", ",", "。", ";", "、", ":", "\n", "\n\n", " ", "一、",
    "(一)", "1.", "一是", "二是", "进行", "按照", "公政办发", "号", "规范性文件", "分别", "其中", "共", "率", "𠀀", "é",
    "年", "月", "日", "存在的问题", "下一步打算", "第一责任人", "主要举措和成效", "2,345", "·", "占", "办结",
];

#[test]
fn random_texts_never_break_the_review() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..1500 {
        let text = rng.text(PIECES, 80);
        let units = text.encode_utf16().count();
        let a = analyze(&text);
        for f in &a.findings {
            match (f.start, f.end) {
                (Some(s), Some(e)) => assert!(s <= e && e <= units, "round {round}: {f:?} in {text:?}"),
                (None, None) => {}
                _ => panic!("round {round}: half a span {f:?}"),
            }
            assert!(!f.message.is_empty());
        }
        if let Some(share) = a.review.quantified_measures_share {
            assert!((0.0..=1.0).contains(&share));
        }
        assert!(a.review.figures_per_1000_chars.is_finite());
    }
}
