// The data-only API: `import { analyze } from './fazhi-analyzer.js'` for pages that render
// their own UI. The wasm is fetched relative to this module, so it works from any path, and
// it is instantiated once however many callers share it.
//
// Two wasm modules (scripts/build-wasm.sh): the analysis, built for speed with wasm SIMD, and
// one with the batch calls as well (compare, linkBatch, registerTables), size-optimised and
// fetched only when one of those is first called, or in place of the first where the browser
// has no wasm SIMD (Safari before 16.4). Both give the same results.

import initAnalysis, { analyze as analyzeFast, analyzeJson as analyzeJsonFast, formatVersion as formatFast } from './pkg/fazhi_analyzer.js';

// A module of one function using a SIMD instruction (i8x16.popcnt): valid only where the
// browser compiles wasm SIMD.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

let analysis;
let batch;

/** The module with the batch calls, loaded and instantiated once. */
function loadBatch() {
  batch ??= import('./pkg/fazhi_analyzer_batch.js').then(async (core) => {
    await core.default({ module_or_path: new URL('./pkg/fazhi_analyzer_batch_bg.wasm', import.meta.url) });
    return core;
  });
  return batch;
}

/** Load and instantiate the analysis once; later calls share the same promise. */
export function load() {
  analysis ??= WebAssembly.validate(SIMD_PROBE)
    ? initAnalysis({ module_or_path: new URL('./pkg/fazhi_analyzer_bg.wasm', import.meta.url) }).then(() => ({
        analyze: analyzeFast,
        analyzeJson: analyzeJsonFast,
        formatVersion: formatFast,
      }))
    : loadBatch();
  return analysis;
}

/**
 * Analyse a report. Resolves to the result object (format `fazhi-analyzer/1`);
 * rejects with an Error whose message explains empty, oversized or binary input.
 */
export async function analyze(text) {
  return (await load()).analyze(String(text));
}

/** The same result as a JSON string, identical to the CLI's output. */
export async function analyzeJson(text) {
  return (await load()).analyzeJson(String(text));
}

/** The result format this build produces, e.g. `fazhi-analyzer/1`. */
export async function format() {
  return (await load()).formatVersion();
}

/**
 * Two reports side by side (format `fazhi-analyzer-compare/1`): `older` and `newer` are
 * `{file, result}` with `result` as `analyze()` gave it.
 */
export async function compare(older, newer) {
  return (await loadBatch()).compareReports(older, newer);
}

/**
 * A batch's results with their cross-report findings (`recycled-text`): `entries` is
 * `[{file, text, result}]`; resolves to the results in the same order.
 */
export async function linkBatch(entries) {
  return (await loadBatch()).linkBatch(entries);
}

/**
 * The register's three tables (汇总, 发现, 数字) for a batch — docs/register.md: `entries` is
 * `[{file, text, result?} | {file, error}]`; resolves to `{register, findings, figures}`, each
 * `{columns: [{key, header, type}], rows}`. The page's register view and exports use it.
 */
export async function registerTables(entries) {
  return (await loadBatch()).registerTables(entries);
}
