//! # fazhi-analyzer
//!
//! Reads a pasted 法治政府建设 report and returns its structure, every stated figure and
//! what a careful reviewer would flag, as one [`Analysis`] (format `fazhi-analyzer/1`,
//! see `docs/result-format.md`).
//!
//! The pipeline runs one way, one module per stage:
//!
//! 1. [`text`] — the normalised view (full-width and Traditional folded one-for-one) and offsets;
//! 2. `chrome` — page menus, metadata blocks and footers set aside; `meta` read;
//! 3. `outline` — headings and their nesting, roles of the required parts;
//! 4. `quantity` → `metrics` — numbers with units, filtered to the figures that state facts,
//!    with indicator, category and relations;
//! 5. `review` — findings and the summary;
//! 6. `encode` — byte spans become UTF-16 offsets, once, at the boundary;
//! 7. `json` — the result written as compact JSON (serde's derive is its definition; a faster
//!    writer for the figures and headings, checked against it).
//!
//! Beyond one report, [`batch`] reads finished results together: two compared, and
//! passages recycled from another report of the batch.
//! [`register`] turns a batch of results into the register's three tables (汇总, 发现, 数字).
//!
//! The core is plain Rust; `wasm` is a thin binding compiled only for `wasm32`.

pub mod batch;
mod artifacts;
mod chrome;
#[cfg(not(target_arch = "wasm32"))]
mod decode;
mod decimal;
mod encode;
mod freeing;
mod input;
mod json;
#[doc(hidden)]
pub mod invariants;
mod metrics;
mod outline;
mod quantity;
mod re;
pub mod register;
mod result;
mod review;
mod scan;
mod sort;
pub mod text;
mod vocab;
#[cfg(not(target_arch = "wasm32"))]
pub mod xlsx;
#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
pub use decode::{decode, decode_file, decode_file_owned, decode_text, html_text, Decoded};
pub use input::{validate, InputError, MAX_INPUT_BYTES};
pub use batch::compare::{compare, Comparison, COMPARE_FORMAT};
pub use result::*;
pub use text::{Span, Text};

/// Analyse one report. Total: any `&str` gives a result (validate untrusted input first
/// with [`validate`] to reject binary junk and oversized text with a clear error).
pub fn analyze(input: &str) -> Analysis {
    analyze_text(Text::new(input))
}

/// [`analyze`] of a text the caller gives up: freed as soon as it is folded, so the analysis
/// holds one copy of the text (the normalised one), not two.
pub fn analyze_owned(input: String) -> Analysis {
    let text = Text::new(&input);
    drop(input);
    analyze_text(text)
}

fn analyze_text(mut text: Text) -> Analysis {
    let marker_starts = text.take_marker_starts();
    let mut page = chrome::read_page(&text);
    let mut outline = outline::parse(&text, &page, marker_starts);
    // Held to the end; a text of nothing but tiny headings has one per dozen bytes (issue 15).
    outline.headings.shrink_to_fit();
    page.meta.kind = chrome::kind::classify(&text, &page, &outline);
    let metrics = metrics::extract(&text, &page, &outline);
    let review = review::review(&text, &page, &outline, &metrics);
    encode::analysis(text, &page, outline, metrics, &review)
}

/// The result as compact JSON, exactly as the CLI prints it.
pub fn analyze_to_json(input: &str) -> String {
    let analysis = analyze(input);
    // Measured first, then written into a buffer of its exact size: grown by doubling, the
    // buffer held up to twice the JSON (and, in wasm, whose allocator keeps every page it
    // took, the old and new buffers side by side at each step; issue 15).
    let mut size = ByteCount(0);
    write_json(&analysis, &mut size).expect("the result always serialises");
    let mut json = Vec::with_capacity(size.0);
    write_json(&analysis, &mut json).expect("the result always serialises");
    String::from_utf8(json).expect("the JSON writer writes UTF-8")
}

/// A result as compact JSON, byte for byte what `serde_json::to_writer` writes, in about a
/// third of the time (the figures and headings written field by field: `json`).
pub fn write_json<W: std::io::Write>(analysis: &Analysis, out: &mut W) -> std::io::Result<()> {
    json::write(analysis, out)
}

/// A writer that only counts the bytes written to it.
struct ByteCount(usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The message catalogue's names of what the result carries in Chinese — the categories,
/// the required parts, the finding codes — with their English, as pretty JSON:
/// `{categories: {zh: en}, parts: {role: {zh, en}}, codes: {code: {zh, en}}}`. The page and
/// the widget read it as `www/catalogue.js` (generated from this; `tests/catalogue.rs`).
pub fn catalogue_json() -> String {
    serde_json::to_string_pretty(&vocab::messages::names()).expect("the catalogue always serialises")
}
