// The data-only API: `import { analyze } from './fazhi-analyzer.js'` for pages that render
// their own UI. The wasm is fetched relative to this module, so it works from any path, and
// it is instantiated once however many callers share it.

import init, {
  analyze as analyzeCore,
  analyzeJson as analyzeJsonCore,
  compareReports,
  formatVersion,
  linkBatch as linkBatchCore,
  registerTables as registerTablesCore,
} from './pkg/fazhi_analyzer.js';

let instance;

/** Load and instantiate the core once; later calls share the same promise. */
export function load() {
  instance ??= init({ module_or_path: new URL('./pkg/fazhi_analyzer_bg.wasm', import.meta.url) });
  return instance;
}

/**
 * Analyse a report. Resolves to the result object (format `fazhi-analyzer/1`);
 * rejects with an Error whose message explains empty, oversized or binary input.
 */
export async function analyze(text) {
  await load();
  return analyzeCore(String(text));
}

/** The same result as a JSON string, identical to the CLI's output. */
export async function analyzeJson(text) {
  await load();
  return analyzeJsonCore(String(text));
}

/** The result format this build produces, e.g. `fazhi-analyzer/1`. */
export async function format() {
  await load();
  return formatVersion();
}

/**
 * Two reports side by side (format `fazhi-analyzer-compare/1`): `older` and `newer` are
 * `{file, result}` with `result` as `analyze()` gave it.
 */
export async function compare(older, newer) {
  await load();
  return compareReports(older, newer);
}

/**
 * A batch's results with their cross-report findings (`recycled-text`): `entries` is
 * `[{file, text, result}]`; resolves to the results in the same order.
 */
export async function linkBatch(entries) {
  await load();
  return linkBatchCore(entries);
}

/**
 * The register's three tables (汇总, 发现, 数字) for a batch — docs/register.md: `entries` is
 * `[{file, text, result?} | {file, error}]`; resolves to `{register, findings, figures}`, each
 * `{columns: [{key, header, type}], rows}`. The page's register view and exports use it.
 */
export async function registerTables(entries) {
  await load();
  return registerTablesCore(entries);
}
