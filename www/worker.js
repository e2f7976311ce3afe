// The analysis worker: runs the core off the main thread, so the page never freezes.
// Protocol: in {id, text}; out {ready} once the core is loaded, then {id, result} or {id, error}.
import { analyze, load } from './fazhi-analyzer.js';

load().then(
  () => self.postMessage({ ready: true }),
  (err) => self.postMessage({ failed: String(err?.message ?? err) }),
);

self.onmessage = async (event) => {
  const { id, text } = event.data ?? {};
  try {
    const result = await analyze(text);
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
