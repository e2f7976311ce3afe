// Offline after the first load (issue 7): the built page (dist/) served from a sub-path, its
// service worker precaches every asset; the server is then stopped and the context set offline.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { seed, SEED_003, SLOW } from './helpers.mjs';
import { DIST, requireDist, buildInfo, nodeAnalyze, stop } from './dist.mjs';

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => requireDist());

const BASE = '/intranet/fazhi/';

/** Wait until a service worker controls the page; returns the cache names. */
async function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return caches.keys();
  });
}

test('after one load, the page reloads and analyses with the server stopped and the network off', SLOW, async ({ browser }) => {
  const PORT = 8383;
  const origin = `http://127.0.0.1:${PORT}`;
  const server = await serve({ root: DIST, port: PORT, base: BASE, csp: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(`${origin}${BASE}`);
    await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
    const { version, files } = buildInfo();
    expect(await controlled(page)).toEqual([`fazhi-analyzer-${version}`]);
    // Every asset of the page is in the cache: HTML, JS, CSS, wasm, samples, manifest.
    const cached = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    }, `fazhi-analyzer-${version}`);
    for (const f of ['', 'index.html', 'app.js', 'worker.js', 'style.css', 'pkg/fazhi_analyzer_bg.wasm', 'pkg/fazhi_analyzer.js', 'pkg/fazhi_analyzer_batch_bg.wasm', 'pkg/fazhi_analyzer_batch.js',
      'samples/gongan-2019.txt', 'samples/luojiang-2022h1.txt', 'manifest.webmanifest', 'icon.svg', 'fazhi-analyzer-element.js']) {
      expect(cached, f).toContain(`${BASE}${f}`);
    }
    expect(cached.length).toBe(files.length);

    await stop(server);
    await context.setOffline(true);
    // Really gone: a request that misses the cache fails.
    expect(await page.evaluate(async () => fetch('not-cached.txt').then(() => 'answered', () => 'failed'))).toBe('failed');

    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
    const text = seed(SEED_003);
    await page.locator('#source').fill(text);
    await expect(page.locator('body')).toHaveAttribute('data-analysis', 'done', { timeout: 30_000 });
    await expect(page.locator('mark[data-metric-id]')).toHaveCount(nodeAnalyze(text).metrics.length);
    // The bundled samples come from the cache too.
    await page.locator('#sample-btn').click();
    await expect(page.locator('#source')).toHaveValue(readFileSync(`${DIST}samples/gongan-2019.txt`, 'utf8').replace(/\r\n?/g, '\n'));
    await expect(page.locator('body')).toHaveAttribute('data-analysis', 'done');
    for (const url of requests) expect(new URL(url).origin, url).toBe(origin);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('a new build installs beside the old one, shows a quiet notice, and replaces the old cache on reload', SLOW, async ({ browser }) => {
  const PORT = 8384;
  const origin = `http://127.0.0.1:${PORT}`;
  // A second build: a copy of dist/ with one file changed, its content hash recomputed by the
  // build script's own rule (any changed byte gives a new cache name).
  const next = mkdtempSync(join(tmpdir(), 'fazhi-next-'));
  cpSync(DIST, next, { recursive: true });
  writeFileSync(join(next, 'style.css'), `${readFileSync(join(next, 'style.css'), 'utf8')}\n/* next build */\n`);
  const old = buildInfo();
  const sw = readFileSync(join(next, 'sw.js'), 'utf8');
  writeFileSync(join(next, 'sw.js'), sw.replace(`"version":"${old.version}"`, '"version":"nextbuild0000000"'));

  let server = await serve({ root: DIST, port: PORT, base: BASE });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${BASE}`);
    expect(await controlled(page)).toEqual([`fazhi-analyzer-${old.version}`]);
    await expect(page.locator('.sw-notice')).toHaveCount(0);

    await stop(server);
    server = await serve({ root: next, port: PORT, base: BASE });
    await page.reload();
    const notice = page.locator('.sw-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('新版本已就绪');
    await page.screenshot({ path: 'test-results/update-notice.png' });
    // Until accepted, the old build still serves the page.
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([`fazhi-analyzer-${old.version}`, 'fazhi-analyzer-nextbuild0000000']));
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '刷新' }).click()]);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['fazhi-analyzer-nextbuild0000000']);
    const css = await page.evaluate(async () => (await fetch('style.css')).text());
    expect(css).toContain('/* next build */');
  } finally {
    await context.close();
    await stop(server);
    rmSync(next, { recursive: true, force: true });
  }
});
