// A large result crosses from the worker in pieces (www/json-pieces.js): what the page rebuilds
// equals JSON.parse of the whole, for the core's own result and for strings built to confuse a
// scanner (quotes, backslashes, brackets and commas inside strings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitJson, parsePieces } from '../../www/json-pieces.js';

const root = new URL('../../', import.meta.url);
const now = () => Promise.resolve();

test('a short result is not split', () => {
  assert.equal(splitJson('{"metrics":[1,2,3]}', { pieceChars: 100, splitAbove: 0 }), null);
  assert.equal(splitJson('{"metrics":[1,2,3]}', { pieceChars: 4 }), null, 'below the default size');
  assert.equal(splitJson('[1,2,3]', { pieceChars: 2, splitAbove: 0 }), null, 'not an object');
});

test('strings that look like structure stay inside their element', async () => {
  const nasty = ['"', '\\', '\\"', '],[', '},{', '{"metrics":[', ',', '\u2028', '"]}', '法治\n政府'];
  const obj = {
    format: 'x',
    'we"ird': nasty.map((s, i) => ({ id: i, text: s.repeat(i + 1), nested: [[s], { s }] })),
    metrics: Array.from({ length: 500 }, (_, i) => ({ id: i, text: nasty[i % nasty.length], start: i, tags: [i, [i]] })),
    small: [1, 2],
    after: { metrics: [9] },
  };
  const json = JSON.stringify(obj);
  const split = splitJson(json, { pieceChars: 300, splitAbove: 0 });
  assert.ok(split, 'split');
  assert.deepEqual(split.arrays.map((a) => a.key), ['we"ird', 'metrics']);
  const pieces = split.arrays.find((a) => a.key === 'metrics').pieces;
  assert.ok(pieces.length > 10, `${pieces.length} pieces`);
  for (const p of pieces) assert.ok(Array.isArray(JSON.parse(p)));
  assert.match(split.head, /"metrics":\[\],"small":\[1,2\]/);
  let tasks = 0;
  const back = await parsePieces(split, () => { tasks++; return now(); });
  assert.equal(tasks, split.arrays.reduce((n, a) => n + a.pieces.length, 0), 'one task per piece');
  assert.deepEqual(back, obj);
});

test("the core's result of a long report, rebuilt from pieces, equals the whole", async () => {
  const core = await import(new URL('www/pkg/fazhi_analyzer.js', root));
  core.initSync({ module: readFileSync(new URL('www/pkg/fazhi_analyzer_bg.wasm', root)) });
  const text = readFileSync(new URL('tests/fixtures/003_3bbaca17e2977359.txt', root), 'utf8').repeat(8);
  const json = core.analyzeJson(text);
  const split = splitJson(json, { pieceChars: 64 * 1024, splitAbove: 0 });
  assert.ok(split);
  assert.ok(split.arrays.some((a) => a.key === 'metrics' && a.pieces.length > 2));
  assert.deepEqual(await parsePieces(split, now), JSON.parse(json));
});
