// Foundation (issue 2, item 7): paste a seed, one mark per metric, the outline navigates.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, openPage, pasteText, coreResult } from './helpers.mjs';

test('a pasted seed shows one mark per metric, the outline and the counts', async ({ page }) => {
  const text = seed(SEED_003);
  await openPage(page);
  await pasteText(page, text);
  const result = await coreResult(page, text);
  expect(result.metrics.length).toBeGreaterThan(0);

  const marks = page.locator('mark[data-metric-id]');
  await expect(marks).toHaveCount(result.metrics.length);
  // Each mark covers exactly its metric's span of the text.
  const marked = await marks.evaluateAll((ms) => ms.map((m) => [Number(m.dataset.metricId), m.textContent]));
  for (const [id, t] of marked) expect(t).toBe(text.slice(result.metrics[id].start, result.metrics[id].end));
  // The reading view holds the text exactly, as text.
  expect(await page.locator('#reading').evaluate((r) => r.textContent)).toBe(text);

  await expect(page.locator('#outline [data-heading-id]')).toHaveCount(result.outline.length);
  await expect(page.locator('[data-finding-id]')).toHaveCount(result.findings.length);
  await expect(page.locator('#count-metrics')).toHaveText(String(result.stats.metrics));
  await expect(page.locator('[data-stat="headings"] .stat-value')).toHaveText(String(result.stats.headings));

  // Hover shows value, unit and indicator.
  const m = result.metrics.find((x) => x.value >= 1000) ?? result.metrics[0];
  await page.locator(`mark[data-metric-id="${m.id}"]`).hover();
  const tip = page.locator('#tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(m.unit);
  await expect(tip).toContainText(m.indicator);
  await expect(tip).toContainText(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(m.value));

  // Clicking an outline entry far down brings its heading into view.
  const target = result.outline[result.outline.length - 1];
  const anchor = page.locator(`[data-heading-anchor="${target.id}"]`);
  await expect(anchor).not.toBeInViewport();
  await page.locator(`#outline [data-heading-id="${target.id}"] > .tree-row`).click();
  await expect(anchor).toBeInViewport();
  await expect(page.locator(`#outline [data-heading-id="${target.id}"]`)).toHaveAttribute('aria-current', 'location');

  await page.screenshot({ path: 'test-results/foundation.png' });
});
