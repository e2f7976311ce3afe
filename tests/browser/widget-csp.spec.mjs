// The widget in a locked-down intranet: strict CSP, served from a sub-path, host page at another
// path, and not one request leaving the origin.
import { test, expect } from '@playwright/test';
import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import { seed, SEED_003 } from './helpers.mjs';

const PORT = 8381;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BASE = '/apps/tools/fazhi/';
let server;

// One server for the file: its tests run in one worker, one after another.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await serve({ root: 'www', port: PORT, base: BASE, csp: true });
});
test.afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

/** Record every request, CSP violation and console error of the page. */
function watch(page) {
  const seen = { requests: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && seen.errors.push(`${r.status()} ${r.url()}`));
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return seen;
}

test('the demo host page works under the strict CSP from a sub-path, with no request off the origin', async ({ page }) => {
  const seen = watch(page);
  const res = await page.goto(`${ORIGIN}${BASE}embed.html`);
  expect(res.headers()['content-security-policy']).toBe(STRICT_CSP);
  const compact = page.locator('fazhi-analyzer#compact');
  await expect(compact.locator('[data-stat="metrics"] .stat-value')).not.toHaveText('0');
  const full = page.locator('fazhi-analyzer#full');
  const text = seed(SEED_003);
  const result = await full.evaluate((el, t) => el.analyze(t), text);
  await expect(full.locator('mark[data-metric-id]')).toHaveCount(result.metrics.length);
  expect(result.metrics.length).toBeGreaterThan(20);
  // Themed differently: the two roots do not share a background.
  const bg = (loc) => loc.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.root')).backgroundColor);
  expect(await bg(full)).not.toBe(await bg(compact));
  expect(seen.errors).toEqual([]);
  expect(seen.requests.length).toBeGreaterThan(4);
  for (const url of seen.requests) expect(url.startsWith(`${ORIGIN}${BASE}`), url).toBe(true);
  await page.screenshot({ path: 'test-results/widget-embed.png', fullPage: true });
});

test('a portal page elsewhere on the origin embeds the widget with two lines, under the CSP', async ({ page }) => {
  const seen = watch(page);
  const portal = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title></head><body>
<h1>门户</h1>
<script type="module" src="${BASE}fazhi-analyzer-element-define.js"></script>
<fazhi-analyzer text="全年共受理行政复议案件12件,办结率达到95%。"></fazhi-analyzer>
</body></html>`;
  // The portal page itself lives outside the widget's directory, with the same strict policy.
  await page.route(`${ORIGIN}/portal/index.html`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': STRICT_CSP }, body: portal }),
  );
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(`${ORIGIN}/portal/index.html`);
  const w = page.locator('fazhi-analyzer');
  await expect(w.locator('mark[data-metric-id]')).toHaveText(['12件', '95%']);
  expect(violations).toEqual([]);
  expect(seen.errors).toEqual([]);
  const wasm = seen.requests.filter((u) => u.endsWith('.wasm'));
  expect(wasm).toEqual([`${ORIGIN}${BASE}pkg/fazhi_analyzer_bg.wasm`]);
  for (const url of seen.requests) expect(new URL(url).origin).toBe(ORIGIN);
});

test('an inline style would be refused by this CSP (the test can see a violation)', async ({ page }) => {
  // Guards the test above: under this server, a widget that injected <style> would be caught.
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective)));
  await page.goto(`${ORIGIN}${BASE}embed.html`);
  await page.evaluate(() => {
    const s = document.createElement('style');
    s.textContent = 'body { color: red }';
    document.head.append(s);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations[0]).toMatch(/^style-src/);
});
