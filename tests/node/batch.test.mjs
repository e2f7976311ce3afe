// Beyond one report, wasm and CLI agree: compareReports() is the CLI's --compare --format json,
// linkBatch() gives the CLI's --format jsonl lines (less their "file") for the same batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;
const core = require(join(root, 'target/pkg-node/fazhi_analyzer_batch.js'));
const cli = join(root, 'target/debug/fazhi-analyzer');

// Seed 003 and a next-year version: figures changed, the problems section kept verbatim.
const old = readFileSync(join(root, 'tests/fixtures/003_3bbaca17e2977359.txt'), 'utf8');
const cut = old.indexOf('八、存在的困难和问题');
const edited = old.slice(0, cut).replace(/2019年/g, '2020年').replace(/[13-9]/g, (d) => String((Number(d) + 3) % 10));
const newer = edited + old.slice(cut);
const dir = mkdtempSync(join(tmpdir(), 'fazhi-batch-'));
const [a, b] = [join(dir, 'a-2019.txt'), join(dir, 'b-2020.txt')];
writeFileSync(a, old);
writeFileSync(b, newer);

test('compareReports equals the CLI --compare --format json', () => {
  const fromCli = JSON.parse(execFileSync(cli, ['--compare', a, b, '--format', 'json'], { encoding: 'utf8' }));
  const fromWasm = core.compareReports({ file: a, result: core.analyze(old) }, { file: b, result: core.analyze(newer) });
  assert.deepStrictEqual(fromWasm, fromCli);
  assert.ok(fromWasm.figures.some((f) => f.old && f.new && f.old.value !== f.new.value), 'edited figures are paired');
});

test('linkBatch gives the CLI batch lines, recycled-text on the later report', () => {
  const lines = execFileSync(cli, ['--format', 'jsonl', a, b], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l));
  const linked = core.linkBatch([
    { file: a, text: old, result: core.analyze(old) },
    { file: b, text: newer, result: core.analyze(newer) },
  ]);
  for (const [i, line] of lines.entries()) {
    const { file, encoding, ...result } = line;
    assert.equal(file, [a, b][i]);
    assert.equal(encoding, 'UTF-8');
    assert.deepStrictEqual(linked[i], result);
  }
  const recycled = linked[1].findings.filter((f) => f.code === 'recycled-text');
  assert.ok(recycled.length > 0);
  assert.ok(recycled.every((f) => f.sources[0].file === a));
  assert.ok(linked[0].findings.every((f) => f.code !== 'recycled-text'));
});
