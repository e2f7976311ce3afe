// The bounds of issue 15 hold in wasm too (docs/reliability.md, "Bounds"): on every hostile
// shape of tests/common/shapes.rs at 4 MiB the shipped wasm (www/pkg, the page's build) gives
// JSON of at most 16 × the input and grows its memory (after a first call has compiled the
// patterns) by at most 12 × the input plus 16 MiB — the wasm's memory never shrinks, so this
// is its peak, the input's copy included; and a text over the input limit is the documented
// Error, not a trap, after which the same instance still analyses a report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const wasmBytes = readFileSync(new URL('www/pkg/fazhi_analyzer_bg.wasm', root));
const shapesSource = readFileSync(new URL('tests/common/shapes.rs', root), 'utf8');
// ("name", "unit") pairs; the units' escapes (\n) read the same in JSON.
const SHAPES = [...shapesSource.matchAll(/\("([a-z-]+)", (".*?")\),/g)].map((m) => [m[1], JSON.parse(m[2])]);
const SIZE = 4 << 20;
const JSON_BOUND = 16;
const MEMORY_BOUND = 12;
const FIXED_MEMORY = 16 << 20;
const REPORT = '一、工作情况\n共受理行政复议案件12件,其中3件已办结,办结率25%。';

/** A fresh instance of the page's wasm (a module URL of its own, so its own memory). */
async function instance(tag) {
  const core = await import(new URL(`www/pkg/fazhi_analyzer.js?${tag}`, root));
  const exports = core.initSync({ module: wasmBytes });
  return { core, memory: exports.memory };
}

test('the shapes are read from tests/common/shapes.rs', () => {
  assert.ok(SHAPES.length >= 13, `${SHAPES.length} shapes`);
  assert.deepStrictEqual(SHAPES.find(([name]) => name === 'tiny-headings'), ['tiny-headings', '一、工作\n']);
});

for (const [name, unit] of SHAPES) {
  test(`${name}: JSON and memory in proportion to the input`, async (t) => {
    const { core, memory } = await instance(name);
    core.analyzeJson(REPORT); // the patterns compiled: a fixed cost
    const before = memory.buffer.byteLength;
    const text = unit.repeat(Math.ceil(SIZE / Buffer.byteLength(unit)));
    const bytes = Buffer.byteLength(text);
    const started = performance.now();
    const json = core.analyzeJson(text);
    const seconds = (performance.now() - started) / 1000;
    const growth = memory.buffer.byteLength - before;
    t.diagnostic(`JSON ${(Buffer.byteLength(json) / bytes).toFixed(1)} ×, memory ${(growth / bytes).toFixed(1)} ×, ${(bytes / 2 ** 20 / seconds).toFixed(1)} MiB/s`);
    assert.ok(Buffer.byteLength(json) <= JSON_BOUND * bytes, `JSON ${(Buffer.byteLength(json) / bytes).toFixed(1)} × the input`);
    assert.ok(growth <= MEMORY_BOUND * bytes + FIXED_MEMORY, `memory grew by ${(growth / 2 ** 20).toFixed(0)} MiB for ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    // The result is whole: it parses, and states its own size.
    assert.equal(JSON.parse(json).stats.chars, text.length);
  });
}

test('a text over the limit is the documented Error, and the instance lives on', async () => {
  const { core } = await instance('limit');
  const over = 'a'.repeat(48 * 1024 * 1024 + 1);
  assert.throws(
    () => core.analyzeJson(over),
    (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && e.message.includes('50,331,649') && e.message.includes('50,331,648'),
  );
  const result = JSON.parse(core.analyzeJson(REPORT));
  assert.equal(result.metrics.find((m) => m.text === '12件').value, 12);
});
