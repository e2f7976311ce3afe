//! Any bytes as a file (plain text, .html or .docx, chosen by the first byte): decoding never
//! panics, is deterministic, what it accepts passes `validate`, and its analysis keeps the
//! result's invariants.
#![no_main]

use fazhi_analyzer::{analyze, decode_file, invariants, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let name = match selector % 4 {
        0 => "report.html",
        1 => "report.docx",
        _ => "report.txt",
    };
    let first = decode_file(name, bytes);
    assert_eq!(first, decode_file(name, bytes), "two decodings differ");
    let Ok(decoded) = first else { return };
    if let Err(e) = validate(&decoded.text) {
        panic!("decode_file accepted text that validate refuses: {e:?}");
    }
    let result = analyze(&decoded.text);
    if let Err(e) = invariants::check(&decoded.text, &result) {
        panic!("invariant broken: {e}");
    }
});
