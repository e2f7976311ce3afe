// Issue 15 — the analysis worker survives a WebAssembly trap and can be cancelled. The hooks of
// www/analyzer-client.js make the worker's next analysis execute a real `unreachable` trap or
// loop for ever; the client must replace the worker (a fresh instance), the page must say what
// happened, and the next analysis must work.
import { test, expect } from '@playwright/test';
import { countWorkers, openPage, pasteText, waitAnalysed, workersStarted } from './helpers.mjs';

const REPORT = '一、工作情况\n全年共受理行政复议案件15件,其中维持9件,办结率100%。';

function hook(page, kind) {
  return page.evaluate(async (k) => (await import('./analyzer-client.js')).testHookForNextAnalysis(k), kind);
}

test('a wasm trap: the page says the analyzer crashed and restarted, and the next analysis works', async ({ page }) => {
  await countWorkers(page);
  await openPage(page);
  await pasteText(page, REPORT);
  const before = await workersStarted(page);
  await hook(page, 'trap');
  await page.locator('#source').fill(REPORT + '\n二、存在的问题');
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'error');
  await expect(page.locator('#status')).toContainText('崩溃');
  await expect(page.locator('#status')).toContainText('重新启动');
  expect(await workersStarted(page)).toBe(before + 1); // a fresh instance, never the trapped one
  // The next analysis runs in a fresh worker and gives the core's result.
  await page.locator('#source').fill(REPORT + '\n二、存在的问题\n三、下一步打算');
  await waitAnalysed(page);
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(3);
});

test('a long analysis shows its elapsed time, and cancel stops it and frees the worker', async ({ page }) => {
  await countWorkers(page);
  await openPage(page);
  await hook(page, 'hang');
  await page.locator('#source').fill(REPORT);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'busy');
  await expect(page.locator('#status')).toContainText(/\d\.\d s/); // the elapsed time, counting
  const first = await page.locator('#status-text').textContent();
  await expect(page.locator('#status-text')).not.toHaveText(first); // it keeps counting
  const before = await workersStarted(page);
  await page.locator('#cancel-analysis').click();
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
  await expect(page.locator('#status')).toContainText('已取消');
  await expect(page.locator('#cancel-analysis')).toBeHidden();
  expect(await workersStarted(page)).toBe(before + 1);
  // The worker that looped for ever was terminated: the next text is analysed.
  await page.locator('#source').fill(REPORT + '\n');
  await waitAnalysed(page);
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(3);
});
