// The single-file edition (issue 7): dist/fazhi-analyzer.html opened from disk, with no server.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { seed, SEED_003 } from './helpers.mjs';
import { DIST, requireDist, nodeAnalyze } from './dist.mjs';

const FILE = `file://${DIST}fazhi-analyzer.html`;

test.beforeAll(() => requireDist());

test('the file refers to no other file: scripts, styles, wasm and samples are inlined', () => {
  const html = readFileSync(`${DIST}fazhi-analyzer.html`, 'utf8');
  expect(html).not.toMatch(/<script[^>]+\ssrc=/);
  expect(html).not.toMatch(/<link[^>]+href="(?!data:)/);
  expect(html).not.toMatch(/data-sample="(?!data:)/);
  expect(html).not.toMatch(/src="sw-register|rel="manifest"/);
  // The wasm is inside, base64: its magic number \0asm is "AGFzbQ".
  expect(html).toContain('"type":"application/wasm","b64":"AGFzbQ');
});

test('opened from file://, it analyses a pasted report and a bundled sample, with no request to any server', async ({ page }) => {
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(FILE);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');

  const text = seed(SEED_003);
  const expected = nodeAnalyze(text);
  await page.locator('#source').fill(text);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'done', { timeout: 30_000 });
  const marks = page.locator('mark[data-metric-id]');
  await expect(marks).toHaveCount(expected.metrics.length);
  const marked = await marks.evaluateAll((ms) => ms.map((m) => [Number(m.dataset.metricId), m.textContent]));
  for (const [id, t] of marked) expect(t).toBe(text.slice(expected.metrics[id].start, expected.metrics[id].end));
  await expect(page.locator('#count-metrics')).toHaveText(String(expected.metrics.length));
  await page.screenshot({ path: 'test-results/single-file.png' });

  // The bundled sample (inlined) loads and is analysed.
  const sample = readFileSync(`${DIST}samples/gongan-2019.txt`, 'utf8');
  await page.locator('#sample-btn').click();
  await expect(page.locator('#source')).toHaveValue(sample.replace(/\r\n?/g, '\n'));
  await expect(marks).toHaveCount(nodeAnalyze(await page.locator('#source').inputValue()).metrics.length);

  expect(errors).toEqual([]);
  for (const url of requests) expect(url, url).toMatch(/^(file|blob|data):/);
  expect(requests.some((u) => u.startsWith('blob:'))).toBe(true);
});

test('opened from file://, a batch of files becomes the register and exports a workbook', async ({ page }) => {
  const fx = (n) => new URL(`./fixtures/${n}`, import.meta.url).pathname;
  await page.goto(FILE);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
  await page.locator('#file-input').setInputFiles([fx('excerpt.txt'), fx('report.docx'), fx('batch-empty.txt')]);
  await expect(page.locator('body')).toHaveAttribute('data-batch', 'done', { timeout: 60_000 });
  await expect(page.locator('[data-register-row]')).toHaveCount(3);
  await expect(page.locator('[data-file="report.docx"] [data-col="title"]')).toHaveText('公安县2019年法治政府建设工作报告');
  await expect(page.locator('[data-file="batch-empty.txt"] [data-col="error"]')).toContainText('输入为空');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="xlsx"]').click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});
