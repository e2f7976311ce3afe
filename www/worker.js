// The analysis worker: runs the core off the main thread, so the page never freezes.
// Protocol: in {id, text, testHook?}; out {ready} once the core is loaded, then {id, json} (the
// result as JSON text, which the client parses: a string crosses to the page as one flat copy,
// where a result object was cloned field by field on both sides — a 30 KB report 5.1 -> 3.1 ms
// in Chromium, docs/performance.md), or {id, split} for a large result (its JSON cut into pieces
// that the page parses one per task: www/json-pieces.js), or {id, error, trap} — `trap` when WebAssembly trapped (RuntimeError: unreachable, memory out of
// bounds): this instance may be broken for every later call, so the client replaces the worker.
import { analyzeJson, load } from './fazhi-analyzer.js';
import { splitJson } from './json-pieces.js';

// Two short texts analysed at load compile the core's patterns and warm the engine, so the
// first real analysis runs at full speed (docs/performance.md, "The first analysis"). Between
// them they take every path that compiles a pattern in the seed reports (measured with
// callgrind, natively): a report without a title whose opening names its year and announces
// it (现将…报告如下), a document number, and a news page with its metadata, a dateline, a
// site's date of today and a page number. Both invented.
const WARM_UP = [
  '某某县司法局工作情况\n现将2023年度法治政府建设工作情况报告如下:\n一、主要工作\n(一)办理行政复议案件12件,办结11件,办结率91.7%;继续适用60件,予以废止17。印发《某某县法治政府建设实施方案》(某府办发〔2023〕5号)。\n二、存在问题\n三、下一步工作计划\n',
  '县司法局召开法治政府建设推进会\n发布时间:2024-04-01 09:00  来源:县司法局\n2024年1月5日 星期五\n本报讯 3月30日电 县司法局召开推进会,通报2023年办理行政复议案件12件。\n- 2 -\n',
];

// Then, after the worker says it is ready, the two together repeated to the length of a report, a
// few times: V8 first runs the wasm in its baseline tier and optimises a function only once it has
// run hot, so the first real report would otherwise pay for the optimisation of the stages' inner
// loops (60 ms instead of 25 for a 30 KB report in Chromium; docs/performance.md). A text that
// comes in meanwhile goes first: it waits for one round at most, and the rest are skipped.
const WARM_UP_REPORT = WARM_UP.join('').repeat(40);
const WARM_UP_ROUNDS = 3;
let asked = false;

load().then(
  async () => {
    for (const text of WARM_UP) await analyzeJson(text).catch(() => {});
    self.postMessage({ ready: true });
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // lets a waiting text in
      if (asked) break;
      await analyzeJson(WARM_UP_REPORT).catch(() => {});
    }
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
  asked = true;
  try {
    if (testHook) runTestHook(testHook);
    const json = await analyzeJson(text);
    const split = splitJson(json);
    self.postMessage(split ? { id, split } : { id, json });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err), trap: err instanceof WebAssembly.RuntimeError });
  }
};
