// The page's analysis client — one small pluggable module. The page only calls
//
//   analyze(text) → Promise<result>     (rejects with Error; name 'AbortError' when superseded
//                                        or cancelled, 'TrapError' when the core trapped)
//   cancel()      → true when an analysis was running and is stopped
//
// This edition runs the core in a module Web Worker (www/worker.js); when a worker cannot be
// constructed or fails to start, it falls back to the data-only module on the main thread.
// A newer request supersedes one still running: the busy worker is terminated and replaced,
// so typing during a long analysis never waits for a stale result; cancel() does the same
// without a newer request. A worker whose WebAssembly trapped (or that died) is replaced too:
// after a trap an instance can stay broken for every later call, so none is reused.

import { parsePieces } from './json-pieces.js';

let worker = null;
let mode = null; // 'worker' | 'main'
let seq = 0;
let pending = null; // { id, resolve, reject }
let ready = null;
let nextTestHook = null;

function abortError(message = 'superseded by a newer request') {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

// The core's messages read "中文 (English)"; the page shows the half of its language.
function trapError(detail) {
  const e = new Error(`分析器在处理此文本时崩溃,已重新启动,可再次分析 (The analyzer crashed on this text and has been restarted: ${detail.replace(/[()]/g, '')})`);
  e.name = 'TrapError';
  return e;
}

/** Stop the worker (if any) and start a fresh one: a new WebAssembly instance. */
function replaceWorker() {
  worker?.terminate();
  worker = startWorker();
}

function settle(p, data) {
  if (data.trap) {
    replaceWorker();
    p.reject(trapError(data.error));
  } else if (data.error) p.reject(new Error(data.error));
  else p.resolve(data.split ? parsePieces(data.split) : JSON.parse(data.json));
}

function startWorker() {
  let w;
  try {
    w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'fazhi-analyzer' });
  } catch {
    return null;
  }
  ready = new Promise((ok, fail) => {
    w.onmessage = (event) => {
      const data = event.data ?? {};
      if (data.ready) return ok();
      if (data.failed) return fail(new Error(data.failed));
      if (w !== worker || !pending || data.id !== pending.id) return;
      const p = pending;
      pending = null;
      settle(p, data);
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      const err = new Error(event.message || 'worker failed');
      fail(err);
      // A worker that dies mid-analysis never answers: fail the request rather than wait.
      if (w === worker && pending) {
        const p = pending;
        pending = null;
        replaceWorker();
        p.reject(trapError(err.message));
      }
    };
  });
  ready.catch(() => {}); // observed by analyze(); never an unhandled rejection
  return w;
}

async function mainThread(text) {
  const core = await import('./fazhi-analyzer.js');
  return core.analyze(text);
}

/** Where analysis runs: 'worker' or 'main' (null before the first call). */
export function analysisMode() {
  return mode;
}

/** Stop the analysis that is running, if any (its caller gets an AbortError). */
export function cancel() {
  if (!pending) return false;
  const p = pending;
  pending = null;
  replaceWorker();
  p.reject(abortError('cancelled'));
  return true;
}

/** Tests only: the next analysis first traps ('trap') or never ends ('hang'), in the worker. */
export function testHookForNextAnalysis(hook) {
  nextTestHook = hook;
}

/** Analyse `text`; supersedes any request still running. */
export async function analyze(text) {
  text = String(text);
  const id = ++seq;
  if (mode === 'main') return mainThread(text);
  if (pending) {
    // The worker is busy with a stale text: stop it rather than wait.
    pending.reject(abortError());
    pending = null;
    worker?.terminate();
    worker = null;
  }
  worker ??= startWorker();
  if (!worker) {
    mode = 'main';
    return mainThread(text);
  }
  const w = worker;
  try {
    await ready;
  } catch {
    if (w === worker) {
      worker.terminate();
      worker = null;
      mode = 'main';
    }
    return mainThread(text);
  }
  if (w !== worker || id !== seq) throw abortError();
  mode = 'worker';
  const testHook = nextTestHook;
  nextTestHook = null;
  return new Promise((resolve, reject) => {
    pending = { id, resolve, reject };
    w.postMessage({ id, text, testHook });
  });
}

// Started with the page, not at the first analysis: the worker compiles the core and runs its
// warm-up analysis (www/worker.js) while the reader is still choosing a text, so the first
// analysis does not wait for either (docs/performance.md, "The first analysis").
worker = startWorker();
