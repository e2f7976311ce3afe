//! The regular-expression engine, one name for the whole core. By default `regex` (its lazy
//! DFA: the fastest natively); with the `lite` feature `regex-lite`, which the wasm build
//! selects (scripts/build-wasm.sh): a fraction of the size, no Unicode tables, and a
//! backtracking-free PikeVM that is slow only on whole-text searches — which is why the hot ones
//! are hand-written scanners (`crate::scan`). Every pattern is ASCII-classed (`[0-9]`, `[ \t]`),
//! so both engines read it alike; `cargo test --features lite` runs the whole suite, the golden
//! results included, on regex-lite.

#[cfg(feature = "lite")]
pub use regex_lite::{escape, Match, Regex};
#[cfg(not(feature = "lite"))]
pub use regex::{escape, Match, Regex};
