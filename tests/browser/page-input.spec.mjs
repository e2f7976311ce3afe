// Issue 6 — input: files in any common encoding, .docx, .html, drop, samples, size and error messages.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openPage, waitAnalysed, coreResult, fixture, seed, SEED_003 } from './helpers.mjs';

const excerpt = readFileSync(fixture('excerpt.txt'), 'utf8');

async function openFile(page, name) {
  await page.locator('#file-input').setInputFiles(fixture(name));
  await waitAnalysed(page);
}

async function expectAnalysed(page, text) {
  const result = await coreResult(page, text);
  expect(result.metrics.length).toBeGreaterThan(0);
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(result.metrics.length);
  expect(await page.locator('#reading').evaluate((r) => r.textContent)).toBe(text);
}

test('a GBK .txt opens, decoded, and is analysed', async ({ page }) => {
  await openPage(page);
  await openFile(page, 'report-gbk.txt');
  await expect(page.locator('#source')).toHaveValue(excerpt);
  await expect(page.locator('#toast')).toContainText('GB18030');
  await expect(page.locator('#reading')).toBeVisible();
  await expectAnalysed(page, excerpt);
  // The 行政复议 figures of the excerpt are marked: “受理行政复议案件15件”.
  await expect(page.locator('mark[data-metric-id]', { hasText: '15件' })).toHaveCount(1);
});

test('a UTF-16 .txt with a BOM opens', async ({ page }) => {
  await openPage(page);
  await openFile(page, 'report-utf16.txt');
  await expect(page.locator('#source')).toHaveValue(excerpt);
  await expectAnalysed(page, excerpt);
});

test('a .docx opens: paragraphs become lines', async ({ page }) => {
  await openPage(page);
  await openFile(page, 'report.docx');
  const expected = excerpt.replace(/\n$/, '');
  await expect(page.locator('#source')).toHaveValue(expected);
  await expect(page.locator('#toast')).toContainText('docx');
  await expectAnalysed(page, expected);
});

test('an .html page opens as its text only; none of its scripts run', async ({ page }) => {
  await openPage(page);
  await openFile(page, 'report.html');
  const value = await page.locator('#source').inputValue();
  for (const line of excerpt.trim().split('\n')) expect(value).toContain(line);
  expect(value).not.toContain('__fixtureScriptRan');
  expect(value).not.toContain('color: red');
  expect(await page.evaluate(() => window.__fixtureScriptRan)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  await expectAnalysed(page, value);
});

test('a file dropped on the page opens', async ({ page }) => {
  await openPage(page);
  const bytes = [...readFileSync(fixture('report-gbk.txt'))];
  const dt = await page.evaluateHandle((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(b)], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  }, bytes);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await expect(page.locator('#drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await waitAnalysed(page);
  await expect(page.locator('#drop-overlay')).toBeHidden();
  await expect(page.locator('#source')).toHaveValue(excerpt);
});

test('“示例” loads a bundled seed', async ({ page }) => {
  await openPage(page);
  await page.locator('#sample-btn').click();
  await waitAnalysed(page);
  await expect(page.locator('#source')).toHaveValue(seed(SEED_003));
  await expectAnalysed(page, seed(SEED_003));
  await page.locator('#sample-menu > summary').click();
  await page.locator('#sample-menu [data-sample$="luojiang-2022h1.txt"]').click();
  await waitAnalysed(page);
  await expect(page.locator('#source')).toHaveValue(seed('001_67e2a9c3643c72a9.txt'));
});

test('empty and binary input get a clear message, not a crash', async ({ page }) => {
  await openPage(page);
  await page.locator('#source').fill('   \n  ');
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'error');
  await expect(page.locator('#status')).toContainText('输入为空');
  await page.locator('#source').fill('\u0001\u0002\u0003\u0004\u0005\u0006'.repeat(50));
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'error');
  await expect(page.locator('#status')).toContainText('不是文本');
  // An unsupported file type is refused by name.
  await page.locator('#file-input').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(page.locator('#status')).toContainText('scan.pdf');
});

test('text above the size cap gets a clear message', async ({ page }) => {
  await openPage(page);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '年'.repeat(48 * 1024 * 1024 / 3 + 10));
    document.getElementById('source').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'error', { timeout: 30_000 });
  await expect(page.locator('#status')).toContainText('过大');
  // The core's message gives the exact limit: 50,331,648 bytes (48 MiB).
  await expect(page.locator('#status')).toContainText('48 MiB');
});

test('Windows line ends in a file become plain line breaks, as a paste gives them', async ({ page }) => {
  await openPage(page);
  const crlf = excerpt.replace(/\n/g, '\r\n');
  await page.locator('#file-input').setInputFiles({ name: 'crlf.txt', mimeType: 'text/plain', buffer: Buffer.from(crlf, 'utf8') });
  await waitAnalysed(page);
  await expect(page.locator('#source')).toHaveValue(excerpt);
  await expectAnalysed(page, excerpt);
});
