// The golden results hold for the WebAssembly build too: the wasm is built with fewer of regex's
// optimisations than the native core and turns its result into objects its own way, so every
// golden input is run through the wasm and compared with the checked-in expectation that
// `cargo test --test golden` holds natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;
const core = require(join(root, 'target/pkg-node/fazhi_analyzer.js'));

const inputs = ['tests/fixtures', 'tests/golden/inputs'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(root, dir, name)),
);

test('the golden set is there', () => assert.ok(inputs.length >= 10, `only ${inputs.length} golden inputs`));

for (const input of inputs) {
  const name = basename(input, '.txt');
  test(`wasm matches the golden result of ${name}`, () => {
    const expected = JSON.parse(readFileSync(join(root, 'tests/golden/expected', `${name}.json`), 'utf8'));
    assert.deepStrictEqual(JSON.parse(core.analyzeJson(readFileSync(input, 'utf8'))), expected);
  });
}
