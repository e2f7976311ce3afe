// The analysis worker: runs the core off the main thread, so the page never freezes.
// Protocol: in {id, text, testHook?}; out {ready} once the core is loaded, then {id, result} or
// {id, error, trap} — `trap` when WebAssembly trapped (RuntimeError: unreachable, memory out of
// bounds): this instance may be broken for every later call, so the client replaces the worker.
import { analyze, load } from './fazhi-analyzer.js';

// A short report analysed once at load compiles the core's patterns and warms the engine, so the
// first real analysis runs at full speed (docs/performance.md: first-call figures).
const WARM_UP = '某某县2023年法治政府建设工作报告\n一、主要工作\n(一)办理行政复议案件12件,办结11件,办结率91.7%。\n二、存在问题\n三、下一步工作计划\n';

load().then(
  async () => {
    await analyze(WARM_UP).catch(() => {});
    self.postMessage({ ready: true });
  },
  (err) => self.postMessage({ failed: String(err?.message ?? err) }),
);

// A module whose one function executes `unreachable`: (module (func (export "trap") unreachable)).
const TRAP_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 116, 114, 97, 112, 0, 0, 10, 5, 1, 3, 0, 0, 11,
]);

// Test hooks (tests/browser/worker-recovery.spec.mjs, through analyzer-client.js): a real wasm
// trap, or an analysis that never ends.
function runTestHook(hook) {
  if (hook === 'trap') new WebAssembly.Instance(new WebAssembly.Module(TRAP_MODULE)).exports.trap();
  if (hook === 'hang') for (;;);
}

self.onmessage = async (event) => {
  const { id, text, testHook } = event.data ?? {};
  try {
    if (testHook) runTestHook(testHook);
    const result = await analyze(text);
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err), trap: err instanceof WebAssembly.RuntimeError });
  }
};
