//! The regular-expression engine, one name for the whole core: `regex-lite` (the default
//! `lite` feature), natively as in the wasm; `regex` with `--no-default-features`. regex-lite
//! is a fraction of the size, has no Unicode tables, and compiles a pattern in a tenth of
//! regex's instructions (the 19 patterns an analysis forces: 3 M instructions, against 42 M
//! for regex, whose meta engine builds a reverse NFA and literal prefilters for each); its
//! backtracking-free PikeVM is slow only on whole-text searches, which is why the hot ones are
//! hand-written scanners (`crate::scan`, `chrome::labels`). Every pattern is ASCII-classed
//! (`[0-9]`, `[ \t]`), so both engines read it alike; `cargo test --no-default-features` runs the
//! whole suite, the golden results included, on regex.

#[cfg(feature = "lite")]
pub use regex_lite::{escape, Match, Regex};
#[cfg(not(feature = "lite"))]
pub use regex::{escape, Match, Regex};

mod words;
pub use words::{merge, positions_of, CharFlags, CharIndex, CharSet, WordTable};
