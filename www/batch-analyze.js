// One file of a batch → its result and its rows of the three register tables. Shared by the
// pool's worker (www/batch-worker.js) and the pool's main-thread fallback (www/batch-pool.js).
import { analyze, registerTables, linkBatch } from './fazhi-analyzer.js';

/** `{file, text}` or `{file, error: {code, message}}` → `{result, error, tables}`. */
export async function analyzeEntry({ file, text, error }) {
  if (error) return { result: null, error, tables: await registerTables([{ file, error }]) };
  let result;
  try {
    result = await analyze(text);
  } catch {
    // The core's refusal, with its code (empty, binary …), comes back as the row's error.
    const tables = await registerTables([{ file, text }]);
    const row = tables.register.rows[0];
    const at = tables.register.columns.findIndex((c) => c.key === 'error');
    return { result: null, error: { code: 'refused', message: String(row[at] ?? '') }, tables };
  }
  return { result, error: null, tables: await registerTables([{ file, text, result }]) };
}

/**
 * The batch's cross-report findings (recycled-text): `entries` is `[{file, text, result}]` with
 * the results as analysed alone. Returns, for each result that gained findings, `{at, findings,
 * stats, tables}` (its new findings list, stats and register rows) — small, to send back.
 */
export async function linkEntries(entries) {
  const linked = await linkBatch(entries);
  const out = [];
  for (const [at, r] of linked.entries()) {
    if (r.findings.length === entries[at].result.findings.length) continue;
    const e = entries[at];
    out.push({ at, findings: r.findings, stats: r.stats, tables: await registerTables([{ file: e.file, text: e.text, result: r }]) });
  }
  return out;
}
