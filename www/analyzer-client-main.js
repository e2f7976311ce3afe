// The page's analysis client, main-thread edition: the same interface as ./analyzer-client.js
//
//   analyze(text) → Promise<result>     (rejects with Error; name 'AbortError' when superseded)
//   analysisMode() → 'main'
//   cancel()       → false: the core holds this thread until it is done
//
// used where a Worker cannot be started from a file — the single-file edition
// (dist/fazhi-analyzer.html, opened from disk) is built with this module in place of
// ./analyzer-client.js. The core runs in this thread; a newer request makes an older
// one's result stale, and the stale caller gets an AbortError rather than an old result.

import { analyze as analyzeCore } from './fazhi-analyzer.js';

let seq = 0;

function abortError() {
  const e = new Error('superseded by a newer request');
  e.name = 'AbortError';
  return e;
}

/** Where analysis runs: always 'main' here. */
export function analysisMode() {
  return 'main';
}

/** Nothing to stop: on the main thread an analysis cannot be interrupted. */
export function cancel() {
  return false;
}

/** Tests only (the worker edition's hook); the main thread has no worker to trap or hang. */
export function testHookForNextAnalysis() {}

/** Analyse `text` on the main thread. */
export async function analyze(text) {
  const id = ++seq;
  // Let the page paint its busy state before the core takes the thread.
  await new Promise((ok) => setTimeout(ok, 0));
  if (id !== seq) throw abortError();
  const result = await analyzeCore(String(text));
  if (id !== seq) throw abortError();
  return result;
}
