// A worker of the batch pool (www/batch-pool.js). In {id, file, text | error}; out {ready} once
// the core is loaded, then {id, result, error, tables} or {id, failed}.
import { load } from './fazhi-analyzer.js';
import { analyzeEntry } from './batch-analyze.js';

load().then(
  () => self.postMessage({ ready: true }),
  (err) => self.postMessage({ failed: String(err?.message ?? err) }),
);

self.onmessage = async (event) => {
  const { id, ...entry } = event.data ?? {};
  try {
    self.postMessage({ id, ...(await analyzeEntry(entry)) });
  } catch (err) {
    self.postMessage({ id, failed: String(err?.message ?? err) });
  }
};
