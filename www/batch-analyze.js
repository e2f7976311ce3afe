// One file of a batch → its result and its rows of the three register tables. Shared by the
// pool's worker (www/batch-worker.js) and the pool's main-thread fallback (www/batch-pool.js).
import { analyze, registerTables } from './fazhi-analyzer.js';

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
