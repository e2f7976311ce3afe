//! Structure never panics and keeps its invariants on arbitrary text: prefixes of the
//! seeds, marker-heavy random strings, degenerate inputs.

use fazhi_analyzer::{analyze, Analysis};

mod common;
use common::random::Rng;

fn invariants(text: &str, a: &Analysis) {
    let len = text.encode_utf16().count();
    assert!(a.body.start <= a.body.end && a.body.end <= len);
    for (i, h) in a.outline.iter().enumerate() {
        assert_eq!(h.id, i);
        assert!(h.start <= h.end && h.end <= len, "{h:?}");
        if let Some(p) = h.parent {
            assert!(p < i);
            assert_eq!(a.outline[p].level + 1, h.level);
        } else {
            assert_eq!(h.level, 1);
        }
        if i > 0 {
            assert!(a.outline[i - 1].start <= h.start, "outline out of order");
        }
        assert!(!h.title.is_empty() || h.marker.is_empty(), "{h:?}");
        assert!(h.title.chars().count() <= 160);
    }
    for b in &a.boilerplate {
        assert!(b.start <= b.end && b.end <= len);
    }
    for f in &a.meta.fields {
        assert!(f.start <= f.end && f.end <= len);
    }
}

#[test]
fn degenerate_inputs() {
    for t in [
        "", "\n", "一、", "(", "(一)", "第一", "一是", "首先,", "1.", "①", "市人民政府:", "特此报告。", "索引号:", "2020414",
        "二〇二四年十二月二十三日", "一、\n二、\n三、", "(一)(二)(三)", "一是二是三是", "第一第二第三", "1.2.3.", "((((((一)", "》》》“”",
        "发布时间:\n\n", "• 登录\n• 注册", "打印|关闭", "- 2 -", "一、𠀀标题\n(一)𠀀内容。", "（一）　标题", "一、标题\r\n(一)内容。\r\n(二)内容。",
    ] {
        let a = analyze(t);
        invariants(t, &a);
    }
}

#[test]
fn every_prefix_of_the_seeds() {
    for (_, text) in common::fixtures() {
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(211).collect();
        for cut in cuts {
            let t = &text[..cut];
            invariants(t, &analyze(t));
            let tail = &text[cut..];
            invariants(tail, &analyze(tail));
        }
    }
}

#[test]
fn marker_heavy_random_text() {
    let alphabet: Vec<&str> = vec![
        "一", "二", "三", "十", "、", "是", "第", "(", ")", "（", "）", "1", "2", ".", "。", ",", ":", ";", "\n", " ", "首先", "其次", "最后",
        "①", "②", "“", "”", "《", "》", "工作", "情况", "原因", "严格", "我局", "年", "月", "日", "特此报告", "登录", "索引号", "发布时间",
        "打印", "关闭", "ICP备", "𠀀", "．", "\r\n", "问题", "下一步",
    ];
    let mut rng = Rng(0x2545F4914F6CDD1D);
    for _ in 0..3000 {
        let t = rng.text(&alphabet, 60);
        let a = analyze(&t);
        invariants(&t, &a);
    }
}
