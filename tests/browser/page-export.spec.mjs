// Issue 6 — export: CSV (BOM, one row per metric with its section path), JSON, Markdown, clipboard.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, openPage, pasteText, coreResult, parseCsv, sectionPathOf, exportText } from './helpers.mjs';

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page);
  await pasteText(page, seed(SEED_003));
});

test('CSV starts with a BOM and has one row per metric with its section path', async ({ page }) => {
  const result = await coreResult(page, seed(SEED_003));
  const { name, text } = await exportText(page, '#export-csv');
  expect(name).toMatch(/\.csv$/);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual(['序号', '原文', '数值', '上限', '单位', '类型', '约数', '指标', '领域', '章节路径', '起', '止', '文件']);
  expect(rows.length - 1).toBe(result.metrics.length);
  rows.slice(1).forEach((row, i) => {
    const m = result.metrics[i];
    expect(Number(row[0])).toBe(m.id);
    expect(row[1]).toBe(m.text);
    expect(Number(row[2])).toBe(m.value);
    expect(row[4]).toBe(m.unit);
    expect(row[7].replace(/^'/, '')).toBe(m.indicator);
    expect(row[8]).toBe(m.category);
    expect(row[9]).toBe(m.heading == null ? '' : sectionPathOf(result, m.heading));
    expect([Number(row[10]), Number(row[11])]).toEqual([m.start, m.end]);
  });
});

test('JSON export is the result; Markdown export is the outline', async ({ page }) => {
  const result = await coreResult(page, seed(SEED_003));
  const json = await exportText(page, '#export-json');
  expect(JSON.parse(json.text)).toEqual(result);
  const md = await exportText(page, '#export-md');
  const items = md.text.split('\n').filter((l) => /^\s*- /.test(l));
  expect(items.length).toBe(result.outline.length);
  result.outline.forEach((h, i) => {
    expect(items[i].startsWith(`${'  '.repeat(h.level - 1)}- ${h.marker}`)).toBe(true);
    expect(items[i]).toContain(h.title.replace(/\s+/g, ' '));
  });
});

test('copy outline and figures to the clipboard', async ({ page }) => {
  const result = await coreResult(page, seed(SEED_003));
  await page.locator('#export-menu > summary').click();
  await page.locator('#copy-metrics').click();
  await expect(page.locator('#toast')).toContainText('已复制');
  const tsv = await page.evaluate(() => navigator.clipboard.readText());
  const lines = tsv.trimEnd().split('\n');
  expect(lines.length).toBe(result.metrics.length + 1);
  expect(lines[1].split('\t')[1]).toBe(result.metrics[0].text);
  await page.locator('#export-menu > summary').click();
  await page.locator('#copy-outline').click();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md.split('\n').filter((l) => /^\s*- /.test(l)).length).toBe(result.outline.length);
});

test('exports follow the current filter', async ({ page }) => {
  const result = await coreResult(page, seed(SEED_003));
  await page.locator('#tab-metrics').click();
  await page.locator('#filter-kind').selectOption('percent');
  const expected = result.metrics.filter((m) => m.kind === 'percent');
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.locator('#metrics-table tbody tr')).toHaveCount(expected.length);
  const { text } = await exportText(page, '#export-csv');
  const rows = parseCsv(text.slice(1)).slice(1);
  expect(rows.map((r) => Number(r[0]))).toEqual(expected.map((m) => m.id));
});

test('the print stylesheet yields a review sheet: summary, findings, figures; no toolbar or text', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('#reading')).toBeHidden();
  await expect(page.locator('.print-header')).toBeVisible();
  await expect(page.locator('#panel-summary')).toBeVisible();
  await expect(page.locator('#panel-metrics')).toBeVisible();
  await expect(page.locator('#panel-findings')).toBeVisible();
  await page.pdf({ path: 'test-results/review-sheet.pdf' });
});
