// A worker of the batch pool (www/batch-pool.js). In {id, file, text | error}; out {ready} once
// the core is loaded, then {id, result, error, tables} or {id, failed}. Linking a batch: in
// {id, link: {add: entry}} for each report, then {id, link: {run: true}}; out {id, item} for each
// report that gained findings (batch-analyze.js linkEntries), then {id, end: true}.
import { load } from './fazhi-analyzer.js';
import { analyzeEntry, linkEntries } from './batch-analyze.js';

load().then(
  () => self.postMessage({ ready: true }),
  (err) => self.postMessage({ failed: String(err?.message ?? err) }),
);

// The batch being gathered for linking, one report a message (see batch-pool.js linkInWorker).
let linking = [];

self.onmessage = async (event) => {
  const { id, link, ...entry } = event.data ?? {};
  try {
    if (link?.add) linking.push(link.add);
    else if (link?.run) {
      const entries = linking;
      linking = [];
      // One message per changed report: each is cloned in its own task on the page's side.
      for (const item of await linkEntries(entries)) self.postMessage({ id, item });
      self.postMessage({ id, end: true });
    } else self.postMessage({ id, ...(await analyzeEntry(entry)) });
  } catch (err) {
    self.postMessage({ id, failed: String(err?.message ?? err) });
  }
};
