//! The WebAssembly binding: a thin shell over [`crate::analyze`].
//!
//! Results leave as JSON text (serde_json, which `analyzeJson` needs anyway) and become objects
//! by `JSON.parse`: one serializer in the wasm instead of two. Inputs (results handed back for
//! a comparison or a register) are read by serde-wasm-bindgen: serde_json's deserializer with
//! its exact float parsing would add more than that saves (docs/performance.md).
//!
//! The batch calls (registerTables, compareReports, linkBatch) only with the `wasm-batch`
//! feature: built as a second module, fetched when one is first called, so that the analysis
//! module is without their input types' deserialisers and fits the size target at opt-level 3
//! (scripts/build-wasm.sh).

use std::io;

use js_sys::JsString;
#[cfg(feature = "wasm-batch")]
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;

/// Talc in place of the standard library's dlmalloc: smaller, and faster at the analysis's many
/// small allocations (docs/performance.md, "wasm allocator"). The modules are single-threaded.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsString) -> Result<JsValue, JsValue>;

    /// The platform's UTF-8 decoder: the JSON's pieces become JS strings straight from the
    /// wasm's memory, without validating them in Rust first (`str::from_utf8` was 2.5 % of a
    /// 30 KB report's analysis; serde_json writes UTF-8 and a piece ends on a whole character).
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new(label: &str, options: &js_sys::Object) -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &[u8]) -> JsString;
}

fn error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// A Rust value as a plain JS object (maps as objects, missing values as null).
#[cfg(feature = "wasm-batch")]
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(error)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("internal error: the result is not JSON"))
}

/// A plain JS value (objects, arrays, strings, numbers) as a Rust value.
#[cfg(feature = "wasm-batch")]
fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value.clone()).map_err(error)
}

/// Analyse `text`; the result as a plain object (maps as objects, missing values as null),
/// deep-equal to the CLI's JSON. Empty, oversized or binary text throws an `Error`.
#[wasm_bindgen]
pub fn analyze(text: String) -> Result<JsValue, JsError> {
    let json = analyze_json(text)?;
    parse_json(&json).map_err(|_| JsError::new("internal error: the result is not JSON"))
}

/// The result as a JSON string, byte-identical to the CLI's output. The text's copy in the
/// wasm's memory is freed once folded (one copy of the text during the analysis, not two).
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: String) -> Result<JsString, JsError> {
    crate::validate(&text).map_err(error)?;
    let analysis = crate::analyze_owned(text);
    UTF8.with(|decoder| {
        let mut out = ToJs { pending: Vec::with_capacity(PIECE + PIECE / 4), joined: JsString::from(""), decoder };
        crate::write_json(&analysis, &mut out).map_err(error)?;
        out.send(out.pending.len());
        Ok(out.joined)
    })
}

thread_local! {
    /// One decoder for every call: making one (its options object, two strings passed in) was
    /// 2 % of a 30 KB report's `analyzeJson` in Chromium.
    static UTF8: TextDecoder = utf8_decoder();
}

/// A UTF-8 decoder that keeps a U+FEFF at the start of a piece (by default `decode` drops it as
/// a byte-order mark, and a piece may start with one inside a string of the result).
fn utf8_decoder() -> TextDecoder {
    let options = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("ignoreBOM"), &JsValue::TRUE);
    TextDecoder::new("utf-8", &options)
}

/// Bytes of JSON handed to JS at a time.
const PIECE: usize = 1 << 16;

/// The JSON leaves the wasm in pieces as it is written and JS joins them (a rope, not a
/// copy), so the wasm never holds the whole JSON beside the result: its memory never
/// shrinks, and a text of little but figures has ~6 × its size in JSON (issue 15).
struct ToJs<'a> {
    pending: Vec<u8>,
    joined: JsString,
    decoder: &'a TextDecoder,
}

impl ToJs<'_> {
    /// Hands the first `end` bytes of `pending` (whole characters) to JS.
    fn send(&mut self, end: usize) {
        self.joined = self.joined.concat(&self.decoder.decode(&self.pending[..end]));
        self.pending.drain(..end);
    }
}

impl ToJs<'_> {
    /// Hands the JSON written so far to JS, up to the start of its last character (a piece is a
    /// string of its own). Out of line: the writes' fast path stays small enough to inline.
    #[inline(never)]
    fn send_whole_characters(&mut self) {
        let end = self.pending.iter().rposition(|&b| b & 0xC0 != 0x80).unwrap_or(0);
        self.send(end);
    }
}

impl io::Write for ToJs<'_> {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    /// serde_json writes every token with `write_all`, whose default loops over `write`.
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        // A whole piece of the JSON writer (`json::write` hands over 64 KiB or more at a time,
        // ending after a value) goes to JS as it is, not copied here first.
        if self.pending.is_empty() && buf.len() >= PIECE && buf.last().is_some_and(u8::is_ascii) {
            self.joined = self.joined.concat(&self.decoder.decode(buf));
            return Ok(());
        }
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= PIECE {
            self.send_whole_characters();
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The register's three tables for a batch: `entries` is `[{file, text, result} | {file, error}]`
/// (`result` as `analyze()` returned it; without it the text is analysed). Returns
/// `{register, findings, figures}`, each `{columns: [{key, header, type}], rows: [[cell…]…]}`
/// (docs/register.md).
#[cfg(feature = "wasm-batch")]
#[wasm_bindgen(js_name = registerTables)]
pub fn register_tables(entries: JsValue) -> Result<JsValue, JsError> {
    let batch: Vec<crate::register::BatchEntry> = from_js(&entries)?;
    to_js(&crate::register::batch_tables(&batch))
}

#[cfg(feature = "wasm-batch")]
#[derive(serde::Deserialize)]
struct Report {
    file: String,
    #[serde(default)]
    text: String,
    result: crate::Analysis,
}

/// Two reports side by side: `old` and `new` are `{file, result}`; returns the comparison
/// (format `fazhi-analyzer-compare/1`, docs/result-format.md).
#[cfg(feature = "wasm-batch")]
#[wasm_bindgen(js_name = compareReports)]
pub fn compare_reports(old: JsValue, new: JsValue) -> Result<JsValue, JsError> {
    let old: Report = from_js(&old)?;
    let new: Report = from_js(&new)?;
    to_js(&crate::compare(&old.file, &old.result, &new.file, &new.result))
}

/// A batch's results with their cross-report findings (`recycled-text`): `entries` is
/// `[{file, text, result}]`; returns the results in the same order.
#[cfg(feature = "wasm-batch")]
#[wasm_bindgen(js_name = linkBatch)]
pub fn link_batch(entries: JsValue) -> Result<JsValue, JsError> {
    let reports: Vec<Report> = from_js(&entries)?;
    let files: Vec<&str> = reports.iter().map(|r| r.file.as_str()).collect();
    let texts: Vec<&str> = reports.iter().map(|r| r.text.as_str()).collect();
    let mut results: Vec<crate::Analysis> = reports.iter().map(|r| r.result.clone()).collect();
    crate::batch::link(&files, &texts, &mut results);
    to_js(&results)
}

/// The result format this build produces.
#[wasm_bindgen(js_name = formatVersion)]
pub fn format_version() -> String {
    crate::FORMAT.to_owned()
}
