// A pool of Web Workers for a batch: up to navigator.hardwareConcurrency workers (www/batch-worker.js)
// take files from one queue. Where no worker can start (the single-file edition opened from disk),
// the files are analysed on the main thread, one per task, yielding between them.
//
//   const run = analyzeBatch(entries, { onDone(i, out), onStart(i) }); await run.done; run.cancel();

const READY_TIMEOUT = 15_000;

function startWorker() {
  let w;
  try {
    w = new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module', name: 'fazhi-batch' });
  } catch {
    return null;
  }
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('worker did not start')), READY_TIMEOUT);
    w.onmessage = (e) => {
      if (e.data?.ready) { clearTimeout(timer); ok(); } else if (e.data?.failed) { clearTimeout(timer); fail(new Error(e.data.failed)); }
    };
    w.onerror = (e) => { e.preventDefault?.(); clearTimeout(timer); fail(new Error(e.message || 'worker failed')); };
  });
  return { w, ready };
}

/** How many workers for `n` files. */
export function poolSize(n) {
  return Math.max(1, Math.min(n, navigator.hardwareConcurrency || 2, 8));
}

/** Analyse `entries` ([{file, text} | {file, error}]); callbacks get the entry's index. */
export function analyzeBatch(entries, { onStart = () => {}, onDone = () => {} } = {}) {
  let next = 0;
  let cancelled = false;
  // Resolves on cancel: a worker still starting up is not waited for (its start-up timeout is 15 s).
  let stop;
  const stopped = new Promise((ok) => { stop = ok; });
  const workers = [];
  const take = () => (cancelled || next >= entries.length ? -1 : next++);

  async function mainLoop() {
    const { analyzeEntry } = await import('./batch-analyze.js');
    for (let i = take(); i >= 0; i = take()) {
      onStart(i);
      await new Promise((ok) => setTimeout(ok, 0));
      if (cancelled) return;
      onDone(i, await analyzeEntry(entries[i]));
    }
  }

  async function workerLoop(slot) {
    if (!slot) return mainLoop();
    try {
      await Promise.race([slot.ready, stopped]);
      if (cancelled) return;
    } catch {
      slot.w.terminate();
      return mainLoop();
    }
    for (let i = take(); i >= 0; i = take()) {
      onStart(i);
      const out = await new Promise((ok) => {
        slot.w.onmessage = (e) => { if (e.data?.id === i) ok(e.data); };
        slot.w.onerror = (e) => { e.preventDefault?.(); ok({ failed: e.message || 'worker failed' }); };
        slot.cancel = () => ok(null);
        slot.w.postMessage({ id: i, file: entries[i].file, text: entries[i].text, error: entries[i].error });
      });
      if (!out || cancelled) return;
      if (out.failed) {
        // A worker that failed on this file: analyse it on the main thread (its error becomes the row).
        const { analyzeEntry } = await import('./batch-analyze.js');
        onDone(i, await analyzeEntry(entries[i]).catch((err) => ({ result: null, error: { code: 'failed', message: String(err?.message ?? err) }, tables: null })));
        slot.w.terminate();
        const fresh = startWorker();
        workers.push(fresh);
        return workerLoop(fresh);
      }
      onDone(i, out);
    }
  }

  const n = poolSize(entries.length);
  for (let k = 0; k < n; k++) workers.push(startWorker());
  const done = Promise.all(workers.map((s) => workerLoop(s))).finally(() => { for (const s of workers) s?.w.terminate(); });
  return {
    done,
    size: n,
    cancel() {
      cancelled = true;
      stop();
      for (const s of workers) { s?.cancel?.(); s?.w.terminate(); }
    },
  };
}

/**
 * The batch's cross-report findings, computed off the main thread (one worker; the main thread
 * where none starts): `entries` is `[{file, text, result}]`; resolves to batch-analyze.js
 * linkEntries' answer. The reports go over one message a task, so that no single task clones
 * the whole batch (200 results at once held the page for seconds).
 */
export async function linkInWorker(entries) {
  const slot = startWorker();
  try {
    if (!slot) throw new Error('no worker');
    await slot.ready;
  } catch {
    slot?.w.terminate();
    const { linkEntries } = await import('./batch-analyze.js');
    return linkEntries(entries);
  }
  try {
    const answer = new Promise((ok, fail) => {
      const items = [];
      slot.w.onmessage = (e) => {
        if (e.data?.id !== 'link') return;
        if (e.data.failed) fail(new Error(e.data.failed));
        else if (e.data.end) ok(items);
        else items.push(e.data.item);
      };
      slot.w.onerror = (e) => { e.preventDefault?.(); fail(new Error(e.message || 'worker failed')); };
    });
    for (const entry of entries) {
      slot.w.postMessage({ id: 'link', link: { add: entry } });
      await new Promise((ok) => setTimeout(ok, 0));
    }
    slot.w.postMessage({ id: 'link', link: { run: true } });
    return await answer;
  } finally {
    slot.w.terminate();
  }
}
