// The page's analysis client — one small pluggable module. The page only calls
//
//   analyze(text) → Promise<result>     (rejects with Error; name 'AbortError' when superseded)
//
// This edition runs the core in a module Web Worker (www/worker.js); when a worker cannot be
// constructed or fails to start, it falls back to the data-only module on the main thread.
// A newer request supersedes one still running: the busy worker is terminated and replaced,
// so typing during a long analysis never waits for a stale result.

let worker = null;
let mode = null; // 'worker' | 'main'
let seq = 0;
let pending = null; // { id, resolve, reject, text }
let ready = null;

function abortError() {
  const e = new Error('superseded by a newer request');
  e.name = 'AbortError';
  return e;
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
      if (!pending || data.id !== pending.id) return;
      const p = pending;
      pending = null;
      if (data.error) p.reject(new Error(data.error));
      else p.resolve(data.result);
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      fail(new Error(event.message || 'worker failed'));
    };
  });
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
  return new Promise((resolve, reject) => {
    pending = { id, resolve, reject };
    w.postMessage({ id, text });
  });
}
