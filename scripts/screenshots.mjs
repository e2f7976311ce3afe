#!/usr/bin/env node
// Screenshots of the page's main views with seed 003, for docs/screenshots/ (and the README).
// Needs www/pkg (bash scripts/build-wasm.sh). Run: node scripts/screenshots.mjs
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { serve } from './serve.mjs';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await serve({ root: new URL('../www', import.meta.url).pathname, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function fresh(viewport, lang = 'zh') {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await page.goto(base);
  await page.evaluate((l) => { localStorage.clear(); localStorage.setItem('fazhi-analyzer.lang', l); }, lang);
  await page.goto(base);
  await page.locator('#sample-btn').click();
  await page.waitForSelector('body[data-analysis=done]');
  return page;
}
const shot = async (page, name) => {
  const path = `${out}${name}.png`;
  await page.screenshot({ path });
  console.log(`${name}.png ${(statSync(path).size / 1024) | 0} KiB`);
};
// 1280 × 800 keeps each file under 400 KB (Chinese text compresses poorly).
const desktop = { width: 1280, height: 800 };

// `node scripts/screenshots.mjs compare`: only the comparison view (compare.png) and the dark theme (dark.png).
const only = process.argv[2];

// 0. Two years of one issuer side by side: seed 003 and the same report a year on, figures edited.
if (!only || only === 'compare') {
  const seed003 = readFileSync(new URL('../tests/fixtures/003_3bbaca17e2977359.txt', import.meta.url), 'utf8');
  const edits = [['180534件', '192310件'], ['办结176923件', '办结190002件'], ['165名窗口工作人员', '158名窗口工作人员'], ['压减为28个常设窗口', '压减为26个常设窗口'], ['办结率98%', '办结率98.8%']];
  let next = seed003.replaceAll('2020-04-20', '2021-03-26').replaceAll('2019年', '2020年');
  for (const [a, b] of edits) next = next.replace(a, b);
  const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  await page.locator('#file-input').setInputFiles([
    { name: '公安县-2019年度报告.txt', mimeType: 'text/plain', buffer: Buffer.from(seed003) },
    { name: '公安县-2020年度报告.txt', mimeType: 'text/plain', buffer: Buffer.from(next) },
  ]);
  await page.waitForSelector('body[data-batch=done]');
  for (const box of await page.locator('input[data-select]').all()) await box.check();
  await page.locator('#register-compare').click();
  await page.locator('#compare-only-changed').check();
  await page.locator('#compare-heading').scrollIntoViewIfNeeded();
  await shot(page, 'compare');
  // The dark theme, on the later report's reading view (its recycled passages marked).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('#compare-back').click();
  await page.locator('[data-file="公安县-2020年度报告.txt"] [data-open]').click();
  await page.waitForSelector('body[data-analysis=done]');
  await shot(page, 'dark');
  await page.close();
}
if (only) { await browser.close(); server.close(); process.exit(0); }

// 1. Reading view: marks, outline with the current section, summary; a tooltip.
let page = await fresh(desktop);
const result = await page.evaluate(async () => (await import('./fazhi-analyzer.js')).analyze(document.getElementById('source').value));
const h = result.outline.find((x) => x.title.includes('行政复议')) ?? result.outline[Math.floor(result.outline.length / 2)];
await page.locator(`#outline [data-heading-id="${h.id}"] > .tree-row`).click();
const inSection = (x) => { for (let k = x.heading; k != null; k = result.outline[k].parent) if (k === h.id) return true; return false; };
const m = result.metrics.find((x) => inSection(x) && x.value >= 10) ?? result.metrics.find(inSection);
await page.waitForTimeout(1700); // let the flash fade
if (m) await page.locator(`mark[data-metric-id="${m.id}"]`).hover();
await page.waitForTimeout(200);
await shot(page, 'reading');

// 2. Figures: filtered to 行政复议, a row selected.
await page.mouse.move(0, 0);
await page.locator('#tab-metrics').click();
const hasCategory = await page.locator('#filter-category option[value="行政复议"]').count();
if (hasCategory) await page.locator('#filter-category').selectOption('行政复议');
else await page.locator('#filter-query').fill('行政复议');
await page.waitForTimeout(300);
const firstRow = page.locator('#metrics-table tbody tr').first();
if (await firstRow.count()) await firstRow.locator('td').nth(4).click();
await page.waitForTimeout(1700);
await shot(page, 'metrics');

// 3. Findings.
await page.locator('#filter-reset').click();
await page.locator('#tab-findings').click();
const f = page.locator('#panel-findings [data-goto-finding]').first();
if (await f.count()) await f.click();
await page.waitForTimeout(1700);
await shot(page, 'findings');

// 4. Print: the review sheet.
await page.emulateMedia({ media: 'print' });
await page.setViewportSize({ width: 800, height: 1130 });
await shot(page, 'print');
await page.close();

// 5. English.
page = await fresh(desktop, 'en');
await page.locator('#tab-metrics').click();
await shot(page, 'english');
await page.close();

// 6. A phone.
page = await fresh({ width: 390, height: 844 });
await shot(page, 'phone');
await page.close();

await browser.close();
server.close();
