//! Hostile input (issue 15): shapes an attacker or a careless paste would send. Every
//! case keeps the result's invariants (src/invariants.rs). Sizes are small here: this guards
//! against panics and broken invariants; output and memory at size are
//! tests/hostile_bounds.rs, time benches/hostile.rs.

use fazhi_analyzer::{analyze, invariants};

fn ok(text: &str) {
    let a = analyze(text);
    if let Err(e) = invariants::check(text, &a) {
        panic!("{e} on {:?}", text.chars().take(80).collect::<String>());
    }
}

#[test]
fn hostile_shapes_keep_the_invariants() {
    let units = [
        "其中1件", "分别占10%、20%,", "1件", "(包括各类17项", "办结率100%", "应报10户,已报9户,年报率90%,",
        "XX××*次x名【】", "“未闭合", "一、\n", "(一)", "。012𝟡391", "\u{202E}12件", "१२३件", "１２３件,其中４５件。",
    ];
    for u in units {
        for n in [1, 7, 60] {
            ok(&u.repeat(n));
        }
        ok(&format!("{}。\n", u).repeat(40));
    }
}

#[test]
fn the_checker_catches_a_broken_result() {
    // The checker is not vacuous: a metric whose text is not its slice is caught.
    let text = "共受理123件,其中行政复议45件。";
    let mut a = analyze(text);
    assert!(invariants::check(text, &a).is_ok());
    assert!(!a.metrics.is_empty());
    a.metrics[0].text.push('x');
    assert!(invariants::check(text, &a).unwrap_err().contains("not the slice"));
    let mut a = analyze(text);
    a.metrics[0].id = 5;
    assert!(invariants::check(text, &a).is_err());
}

#[test]
fn messages_quote_a_short_snippet_however_long_the_clause() {
    // A text with no punctuation is one clause; a truncated-sentence message quoted all of it
    // (three times in the JSON: message, messageEn, params).
    for unit in ["“", "工作", "1件", "XX××*次x名【】"] {
        let text = unit.repeat(20_000);
        for f in analyze(&text).findings {
            assert!(f.message.chars().count() <= 200, "{unit:?}: a message of {} chars", f.message.chars().count());
            assert!(f.message_en.chars().count() <= 300, "{unit:?}: an English message of {} chars", f.message_en.chars().count());
        }
    }
}
