// The golden results hold for the WebAssembly build too: the wasm is built with fewer of regex's
// optimisations than the native core and turns its result into objects its own way, so every
// golden input is run through the wasm and compared with the checked-in expectation that
// `cargo test --test golden` holds natively. Both modules (scripts/build-wasm.sh): the analysis
// (opt-level 3, wasm SIMD) and the one with the batch calls ("z", no SIMD), which also analyses
// where a browser lacks wasm SIMD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;
const modules = {
  analysis: require(join(root, 'target/pkg-node/fazhi_analyzer.js')),
  'batch module': require(join(root, 'target/pkg-node/fazhi_analyzer_batch.js')),
};

const inputs = ['tests/fixtures', 'tests/golden/inputs'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(root, dir, name)),
);

test('the golden set is there', () => assert.ok(inputs.length >= 10, `only ${inputs.length} golden inputs`));

for (const input of inputs) {
  const name = basename(input, '.txt');
  for (const [which, core] of Object.entries(modules)) {
    test(`wasm (${which}) matches the golden result of ${name}`, () => {
      const expected = JSON.parse(readFileSync(join(root, 'tests/golden/expected', `${name}.json`), 'utf8'));
      assert.deepStrictEqual(JSON.parse(core.analyzeJson(readFileSync(input, 'utf8'))), expected);
    });
  }
}
