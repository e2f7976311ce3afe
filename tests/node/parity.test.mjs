// The CLI and the WebAssembly build must return identical JSON for the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;
const core = require(join(root, 'target/pkg-node/fazhi_analyzer.js'));
const cli = join(root, 'target/debug/fazhi-analyzer');

const fixtures = readdirSync(join(root, 'tests/fixtures'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(root, 'tests/fixtures', name), 'utf8') }));

// Texts that stress the boundary: astral characters, full-width forms, Traditional, one line.
const scratch = mkdtempSync(join(tmpdir(), 'fazhi-parity-'));
const synthetic = {
  'astral-and-fullwidth': '一、工作情况\n𠀀共办理案件１２件,其中𠀀行政复议案件３件。\n（一）培训\n组织培训２场次,参训430余人次。',
  'traditional': '一、主要舉措和成效\n全年辦理行政複議案件15件,辦結率100%。',
  'one-line': fixtures[0].text.replace(/\n/g, ''),
};
for (const [name, text] of Object.entries(synthetic)) {
  writeFileSync(join(scratch, `${name}.txt`), text);
  fixtures.push({ name: `${name}.txt`, text, path: join(scratch, `${name}.txt`) });
}

for (const { name, text, path } of fixtures) {
  test(`wasm and CLI agree on ${name}`, () => {
    const cliJson = execFileSync(cli, [path ?? join(root, 'tests/fixtures', name)], { encoding: 'utf8' }).trim();
    assert.equal(core.analyzeJson(text), cliJson, 'analyzeJson is byte-identical to the CLI');
    const fromWasm = core.analyze(text);
    assert.deepStrictEqual(fromWasm, JSON.parse(cliJson), 'analyze() is deep-equal to the CLI JSON');
    assert.ok(fromWasm.metrics.length > 0 || name === 'traditional', 'the text has figures');
  });
}

test('offsets are UTF-16 code units: every metric text is text.slice(start, end)', () => {
  for (const { text } of fixtures) {
    for (const m of core.analyze(text).metrics) assert.equal(text.slice(m.start, m.end), m.text);
  }
});

test('bad input throws a clear Error, not a panic', () => {
  assert.throws(() => core.analyze(''), { message: /输入为空/ });
  assert.throws(() => core.analyze('\u0001\u0002\u0003\u0004\u0005abc'), { message: /不是文本|binary/ });
  // The core is still usable afterwards.
  assert.ok(core.analyze(fixtures[0].text).metrics.length > 0);
});
