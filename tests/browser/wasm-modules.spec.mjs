// Issue 12 — the core ships as two wasm modules (scripts/build-wasm.sh): the analysis, built for
// speed with wasm SIMD, and one with the batch calls as well, size-optimised. The data-only API
// (www/fazhi-analyzer.js) fetches the second only at the first batch call, and analyses with it
// where the browser has no wasm SIMD. Both must give the same result.
import { test, expect } from '@playwright/test';

const TEXT = '一、工作情况\n全年共受理行政复议案件15件,其中维持9件,办结率100%。\n二、存在问题\n';

/** A blank page of the site (no app, no worker), recording the wasm files it fetches. */
async function blankPage(page) {
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.route('**/blank-for-test.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>t</title>' }));
  await page.goto('/blank-for-test.html');
  return wasm;
}

test('with wasm SIMD: analysis from the analysis module; the batch module fetched at the first batch call', async ({ page }) => {
  const wasm = await blankPage(page);
  const result = await page.evaluate(async (text) => (await import('./fazhi-analyzer.js')).analyze(text), TEXT);
  expect(result.metrics.map((m) => m.text)).toEqual(['15件', '9件', '100%']);
  expect(wasm).toEqual(['/pkg/fazhi_analyzer_bg.wasm']);
  const comparison = await page.evaluate(async (result) => {
    const core = await import('./fazhi-analyzer.js');
    return core.compare({ file: 'a.txt', result }, { file: 'b.txt', result });
  }, result);
  expect(comparison.format).toBe('fazhi-analyzer-compare/1');
  expect(wasm).toEqual(['/pkg/fazhi_analyzer_bg.wasm', '/pkg/fazhi_analyzer_batch_bg.wasm']);
});

test('without wasm SIMD: the batch module analyses, with the same result', async ({ page }) => {
  const wasm = await blankPage(page);
  const withSimd = await page.evaluate(async (text) => (await import('./fazhi-analyzer.js')).analyzeJson(text), TEXT);
  // A fresh page whose WebAssembly rejects the SIMD probe, as a browser without SIMD does.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => (bytes.includes(253) ? false : validate(bytes));
  });
  wasm.length = 0;
  await page.goto('/blank-for-test.html');
  const withoutSimd = await page.evaluate(async (text) => (await import('./fazhi-analyzer.js')).analyzeJson(text), TEXT);
  expect(wasm).toEqual(['/pkg/fazhi_analyzer_batch_bg.wasm']);
  expect(withoutSimd).toBe(withSimd);
});
