//! Any UTF-8 text through `analyze`: the result keeps its invariants (src/invariants.rs,
//! JSON round trip included) and a second run gives the same result and the same JSON.
#![no_main]

use fazhi_analyzer::{analyze, invariants};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let first = analyze(text);
    if let Err(e) = invariants::check(text, &first) {
        panic!("invariant broken: {e}");
    }
    let second = analyze(text);
    assert_eq!(first, second, "two runs differ");
    assert_eq!(serde_json::to_string(&first).unwrap(), serde_json::to_string(&second).unwrap(), "two runs give different JSON");
});
