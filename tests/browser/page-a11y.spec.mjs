// Accessibility: axe-core (WCAG 2 A/AA, including colour contrast) over every view of the page,
// in both languages, and keyboard reachability of every control.
import { test, expect } from '@playwright/test';
import { openPage, waitAnalysed, audit, SLOW } from './helpers.mjs';

test('no WCAG A/AA violations in the empty page, reading view and each tab', SLOW, async ({ page }) => {
  test.setTimeout(240_000); // six full audits; slow when the 10 MB test runs beside it
  await openPage(page);
  await audit(page, 'empty');
  await page.locator('#sample-btn').click();
  await waitAnalysed(page);
  await audit(page, 'summary');
  await page.locator('#tab-metrics').click();
  await audit(page, 'metrics');
  await page.locator('#tab-findings').click();
  await audit(page, 'findings');
  await page.locator('mark[data-metric-id]').first().focus();
  await audit(page, 'tooltip');
  await page.locator('#lang-btn').click();
  await audit(page, 'english');
});

test('every control is reachable with the keyboard', async ({ page }) => {
  await openPage(page);
  await page.locator('#sample-btn').click();
  await waitAnalysed(page);
  const reached = new Set();
  await page.locator('.skip-link').first().focus(); // the top of the page
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const e = document.activeElement;
      if (e?.matches('summary')) return `${e.parentElement.id}-summary`;
      return e?.id || e?.closest('[role=treeitem]')?.getAttribute('role') || e?.tagName.toLowerCase();
    });
    reached.add(id);
    if (id === 'tab-summary') break;
  }
  for (const id of ['sample-btn', 'sample-menu-summary', 'export-menu-summary', 'open-btn', 'mode-edit', 'mode-read', 'clear-btn', 'lang-btn', 'treeitem', 'mark', 'tab-summary']) {
    expect(reached, `Tab reaches ${id}`).toContain(id);
  }
  // Focus is visible: an outline or box-shadow on the focused tab.
  const style = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; });
  expect(style[0]).not.toBe('none');
});
