// registerTables() in WebAssembly: the register's tables for a batch as the page holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;
const core = require(join(root, 'target/pkg-node/fazhi_analyzer_batch.js'));
const seed = (prefix) => {
  const name = readdirSync(join(root, 'tests/fixtures')).find((n) => n.startsWith(prefix));
  return readFileSync(join(root, 'tests/fixtures', name), 'utf8');
};

test('registerTables: one row per file, refused files included, plain cells', () => {
  const text = seed('003');
  const tables = core.registerTables([
    { file: '公安县.txt', text, result: core.analyze(text) },
    { file: 'junk.bin', error: { code: 'binary', message: '内容不是文本' } },
    { file: 'again.txt', text },
  ]);
  const { columns, rows } = tables.register;
  const col = (key) => columns.findIndex((c) => c.key === key);
  assert.deepEqual(columns[col('published')], { key: 'published', header: '发布日期', type: 'date' });
  assert.equal(rows.length, 3);
  assert.equal(rows[0][col('file')], '公安县.txt');
  assert.equal(rows[0][col('title')], '公安县2019年法治政府建设工作报告');
  assert.equal(rows[0][col('year')], 2019);
  assert.equal(rows[0][col('published')], '2020-04-20');
  assert.equal(rows[0][col('timeliness')], '逾期 19 天');
  assert.equal(rows[0][col('duty')], false);
  assert.equal(rows[0][col('error')], null);
  assert.equal(rows[0][col('documentKind')], '法治建设报告');
  assert.equal(col('error'), 18, 'columns added later come after error');
  assert.deepEqual(rows[2].slice(1), rows[0].slice(1), 'text without result is analysed');
  assert.equal(rows[1][col('file')], 'junk.bin');
  assert.equal(rows[1][col('error')], '内容不是文本');
  assert.equal(rows[1][col('title')], null);
  assert.equal(rows[1][col('documentKind')], null);
  const late = tables.findings.rows.find((r) => r[2] === 'late-publication');
  assert.equal(late[4], '信息来源:公安县人民政府办公室 | 发布时间:2020-04-20 16:52');
  assert.ok(tables.figures.rows.length > 100);
  assert.equal(tables.figures.rows.filter((r) => r[0] === 'junk.bin').length, 1);
});

test('registerTables refuses what is not a batch with an Error', () => {
  assert.throws(() => core.registerTables([{ text: 'no file name' }]), Error);
  assert.throws(() => core.registerTables('nope'), Error);
});
