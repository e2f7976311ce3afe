#!/usr/bin/env node
// Screenshots of the page's main views with seed 003, for docs/screenshots/ (and the README).
// Needs www/pkg (bash scripts/build-wasm.sh). Run: node scripts/screenshots.mjs
import { chromium } from '@playwright/test';
import { mkdirSync, statSync } from 'node:fs';
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
