// Issue 6 — the page answers while 10 MB are analysed; pasted markup stays text; the draft
// survives a reload; strict CSP and a sub-path; the English toggle; a phone.
import { test, expect } from '@playwright/test';
import { serve } from '../../scripts/serve.mjs';
import { seed, SEED_003, openPage, pasteText, waitAnalysed, coreResult, SLOW } from './helpers.mjs';

test('the page answers input while a 10 MB analysis runs', SLOW, async ({ page }) => {
  test.setTimeout(180_000);
  await openPage(page);
  await page.locator('#tab-metrics').click();
  const s = seed(SEED_003);
  const copies = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(s));
  // The longest main-thread task from the paste on: logged, like the batch test's, not asserted
  // (a timing); the keystrokes below are the check.
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.evaluate(([s, n]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', s.repeat(n));
    document.getElementById('source').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [s, copies]);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'busy');
  await expect(page.locator('#progress')).toBeVisible();
  await expect(page.locator('#status')).toContainText('正在');
  // While the worker analyses, the page takes keystrokes and paints frames promptly.
  const search = page.locator('#filter-query');
  let answered = 0;
  for (let i = 0; i < 5; i++) {
    if ((await page.locator('body').getAttribute('data-analysis')) !== 'busy') break;
    const t0 = Date.now();
    await search.press('a');
    const frame = await page.evaluate(() => new Promise((ok) => {
      const t = performance.now();
      requestAnimationFrame(() => ok(performance.now() - t));
    }));
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(frame).toBeLessThan(500);
    answered++;
  }
  expect(answered).toBeGreaterThan(0);
  await waitAnalysed(page, 150_000);
  const longest = Math.round(await page.evaluate(() => window.__longest));
  console.log(`10 MB paste: longest main-thread task ${longest} ms`);
  test.info().annotations.push({ type: 'longest-task-ms', description: String(longest) });
  await search.fill('');
  const count = Number((await page.locator('#count-metrics').textContent()).replace(/,/g, ''));
  expect(count).toBeGreaterThan(1000);
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(count);
  // A large text is not put into the editor (it would freeze it); it is read-only there.
  await expect(page.locator('#source')).toHaveJSProperty('readOnly', true);
});

test('pasted markup renders as text: no element created, no script run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await openPage(page);
  const text = '共受理行政复议案件15件<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script>,办结12件。\n<b onmouseover="window.__xss=3">加粗</b>';
  await pasteText(page, text);
  await page.locator('#mode-read').click(); // a short text: typing stays in the editor until asked
  await expect(page.locator('#reading')).toBeVisible();
  expect(await page.locator('#reading').evaluate((r) => r.textContent)).toBe(text);
  await expect(page.locator('mark[data-metric-id]')).toHaveCount((await coreResult(page, text)).metrics.length);
  await expect(page.locator('#reading')).toContainText('<img src=x onerror=');
  expect(await page.locator('#reading img, #reading script, #reading b').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
  await page.locator('#reading').hover();
  // A frame and a task after the hover: any handler a stray element could carry has had its turn.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
  // The exports carry it as data too.
  await page.locator('#tab-metrics').click();
  expect(await page.locator('#metrics-table img').count()).toBe(0);
});

test('the draft is restored after a reload, and the button clears it', async ({ page }) => {
  await openPage(page);
  const text = seed(SEED_003).slice(0, 4000);
  await pasteText(page, text);
  await page.locator('#source').press('End');
  // The draft is saved 400 ms after the last change: wait until it is there.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('fazhi-analyzer.draft'))).toBe(text);
  await page.reload();
  await waitAnalysed(page);
  await expect(page.locator('#source')).toHaveValue(text);
  await expect(page.locator('#toast')).toContainText('已恢复');
  const result = await coreResult(page, text);
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(result.metrics.length);
  // Nothing was sent anywhere: only the page's own files were requested.
  page.once('dialog', (d) => d.accept());
  await page.locator('#mode-edit').click();
  await page.locator('#clear-btn').click();
  await expect(page.locator('#source')).toHaveValue('');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('fazhi-analyzer.draft'))).toBeNull();
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
  await expect(page.locator('#source')).toHaveValue('');
  await expect(page.locator('#empty')).toBeVisible();
});

test('works under the strict CSP from a sub-path, analysing in a worker, requesting nothing else', async ({ page }) => {
  const server = await serve({ root: 'www', port: 0, base: '/portal/tools/fazhi/', csp: true });
  const { port } = server.address();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${port}/portal/tools/fazhi/`)) foreign.push(r.url()); });
  try {
    await page.goto(`http://127.0.0.1:${port}/portal/tools/fazhi/`);
    await page.locator('#sample-btn').click();
    await waitAnalysed(page);
    const result = await coreResult(page, seed(SEED_003));
    await expect(page.locator('mark[data-metric-id]')).toHaveCount(result.metrics.length);
    expect(await page.evaluate(async () => (await import('./analyzer-client.js')).analysisMode())).toBe('worker');
    await page.locator('mark[data-metric-id]').first().hover();
    await expect(page.locator('#tooltip')).toBeVisible();
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
  } finally {
    server.close();
  }
});

test('the English toggle translates the interface and is remembered', async ({ page }) => {
  await openPage(page);
  await pasteText(page, seed(SEED_003));
  await page.locator('#lang-btn').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#tab-summary')).toHaveText('Summary');
  await expect(page.locator('#tab-metrics')).toContainText('Figures');
  await expect(page.locator('#outline-heading')).toHaveText('Outline');
  await page.locator('mark[data-metric-id]').first().hover();
  await expect(page.locator('#tooltip')).toContainText('Indicator');
  await page.reload();
  await waitAnalysed(page);
  await expect(page.locator('#tab-summary')).toHaveText('Summary');
  await page.locator('#lang-btn').click();
  await expect(page.locator('#tab-summary')).toHaveText('概要');
});

test('on a phone: stacked and read-only', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage(page);
  await expect(page.locator('#source')).toBeHidden();
  await expect(page.locator('#mode-edit')).toBeHidden();
  await page.locator('#sample-btn').click();
  await waitAnalysed(page);
  await expect(page.locator('#reading')).toBeVisible();
  const box = (sel) => page.locator(sel).boundingBox();
  const [doc, outline, side] = [await box('#doc-pane'), await box('.outline-pane'), await box('#panels')];
  expect(outline.y).toBeGreaterThanOrEqual(doc.y + doc.height - 1);
  expect(side.y).toBeGreaterThanOrEqual(outline.y + outline.height - 1);
  expect(doc.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('without Web Workers the analysis runs on the main thread', async ({ page }) => {
  await page.addInitScript(() => { window.Worker = undefined; });
  await openPage(page);
  await pasteText(page, seed(SEED_003));
  expect(await page.evaluate(async () => (await import('./analyzer-client.js')).analysisMode())).toBe('main');
  const result = await coreResult(page, seed(SEED_003));
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(result.metrics.length);
});
