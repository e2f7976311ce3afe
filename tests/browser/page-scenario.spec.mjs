// Issue 6, “done when”: a new user pastes seed 003, finds all figures on 行政复议, exports them
// to Excel and jumps to each finding — using only what the page shows.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, openPage, pasteText, coreResult, parseCsv, sectionPathOf, exportText } from './helpers.mjs';

test('paste seed 003, find the 行政复议 figures, export them, visit each finding', async ({ page }) => {
  const text = seed(SEED_003);
  await openPage(page);
  await expect(page.getByText('粘贴一份法治政府建设报告')).toBeVisible();
  await pasteText(page, text);
  const result = await coreResult(page, text);

  // The figures tab, by its visible label.
  await page.getByRole('tab', { name: /指标/ }).click();
  const hasCategory = await page.locator('#filter-category option[value="行政复议"]').count();
  let expected;
  if (hasCategory) {
    await page.getByRole('combobox', { name: /^领域/ }).selectOption('行政复议');
    expected = result.metrics.filter((m) => m.category === '行政复议');
  } else {
    await page.getByRole('searchbox', { name: /^搜索/ }).fill('行政复议');
    expected = result.metrics.filter((m) => [m.text, m.indicator, m.category, m.unit, m.heading == null ? '' : sectionPathOf(result, m.heading)]
      .some((s) => s.includes('行政复议')));
  }
  const rows = page.locator('#metrics-table tbody tr');
  await expect(rows).toHaveCount(expected.length);
  // Hand-checked in the seed: “共受理行政复议案件15件” and “参与市政府行政复议1件”.
  const at = (s, figure) => result.metrics.find((m) => m.start === text.indexOf(s) + s.indexOf(figure));
  for (const [s, figure] of [['受理行政复议案件15件', '15件'], ['参与市政府行政复议1件', '1件']]) {
    const m = at(s, figure);
    expect(m, `${figure} in “${s}” is a metric`).toBeTruthy();
    await expect(page.locator(`tr[data-metric-row="${m.id}"]`)).toHaveCount(1);
  }
  await page.screenshot({ path: 'test-results/scenario-filtered.png' });

  // To Excel: the CSV holds exactly these rows, with a BOM.
  const csv = await exportText(page, '#export-csv');
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const data = parseCsv(csv.text.slice(1)).slice(1);
  expect(data.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(expected.map((m) => m.id).sort((a, b) => a - b));

  // Each finding, from its list entry to its evidence.
  await page.getByRole('tab', { name: /发现/ }).click();
  await expect(page.locator('#count-findings')).toHaveText(String(result.findings.length));
  await expect(page.locator('#panel-findings [data-finding-id]')).toHaveCount(result.findings.length);
  for (const f of result.findings) {
    const entry = page.locator(`#panel-findings [data-finding-id="${f.id}"]`);
    await expect(entry).toContainText(f.message);
    if (f.start == null) continue;
    await entry.locator('button').click();
    await expect(page.locator(`[data-finding-anchor="${f.id}"]`)).toBeInViewport();
  }
  await page.screenshot({ path: 'test-results/scenario-findings.png' });
});
