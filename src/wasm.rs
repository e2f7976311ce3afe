//! The WebAssembly binding: a thin shell over [`crate::analyze`].

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Analyse `text`; the result as a plain object (maps as objects, missing values as null),
/// deep-equal to the CLI's JSON. Empty, oversized or binary text throws an `Error`.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    crate::validate(text).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    crate::analyze(text).serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// The result as a JSON string, byte-identical to the CLI's output.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str) -> Result<String, JsError> {
    crate::validate(text).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(crate::analyze_to_json(text))
}

/// The register's three tables for a batch: `entries` is `[{file, text, result} | {file, error}]`
/// (`result` as `analyze()` returned it; without it the text is analysed). Returns
/// `{register, findings, figures}`, each `{columns: [{key, header, type}], rows: [[cell…]…]}`
/// (docs/register.md).
#[wasm_bindgen(js_name = registerTables)]
pub fn register_tables(entries: JsValue) -> Result<JsValue, JsError> {
    let batch: Vec<crate::register::BatchEntry> =
        serde_wasm_bindgen::from_value(entries).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    crate::register::batch_tables(&batch).serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

#[derive(serde::Deserialize)]
struct Report {
    file: String,
    #[serde(default)]
    text: String,
    result: crate::Analysis,
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// Two reports side by side: `old` and `new` are `{file, result}`; returns the comparison
/// (format `fazhi-analyzer-compare/1`, docs/result-format.md).
#[wasm_bindgen(js_name = compareReports)]
pub fn compare_reports(old: JsValue, new: JsValue) -> Result<JsValue, JsError> {
    let old: Report = serde_wasm_bindgen::from_value(old).map_err(|e| JsError::new(&e.to_string()))?;
    let new: Report = serde_wasm_bindgen::from_value(new).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&crate::compare(&old.file, &old.result, &new.file, &new.result))
}

/// A batch's results with their cross-report findings (`recycled-text`): `entries` is
/// `[{file, text, result}]`; returns the results in the same order.
#[wasm_bindgen(js_name = linkBatch)]
pub fn link_batch(entries: JsValue) -> Result<JsValue, JsError> {
    let reports: Vec<Report> = serde_wasm_bindgen::from_value(entries).map_err(|e| JsError::new(&e.to_string()))?;
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
