// Issue 12 — the first analysis does not wait for the core: the page starts its analysis
// worker when it loads, and the worker compiles the core and analyses two short texts of its
// own (www/worker.js) before the reader pastes anything. The warm-up must leave no trace on the
// page, and the reader's first text must be analysed by that same worker, correctly.
import { test, expect } from '@playwright/test';
import { countWorkers, openPage, pasteText, workersStarted } from './helpers.mjs';

const REPORT = '一、工作情况\n全年共受理行政复议案件15件,其中维持9件,办结率100%。';

test('the worker starts with the page, warms up unseen, and analyses the first text', async ({ page }) => {
  await countWorkers(page);
  await openPage(page);
  // Started at load, before any text: one worker.
  await expect.poll(() => workersStarted(page)).toBe(1);
  // Its warm-up texts show nowhere: the page stays idle, empty, without figures.
  await page.waitForTimeout(1500);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
  await expect(page.locator('#source')).toHaveValue('');
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(0);
  // The first text is analysed by the warm worker (none replaced), with the core's figures.
  await pasteText(page, REPORT);
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(3);
  expect(await workersStarted(page)).toBe(1);
});
