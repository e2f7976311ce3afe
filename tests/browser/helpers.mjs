// Shared helpers for the browser tests.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

export const seed = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
export const SEED_003 = '003_3bbaca17e2977359.txt';

/** A fresh page with no stored draft. */
export async function openPage(page, path = '/') {
  await page.goto(path);
  await page.evaluate(() => localStorage.clear());
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
}

/** Type (fill) a text into the editor, as a paste would, and wait for its analysis. */
export async function pasteText(page, text) {
  await page.locator('#source').fill(text);
  await waitAnalysed(page);
}

export async function waitAnalysed(page, timeout = 30_000) {
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'done', { timeout });
}

/** The core's result for `text`, computed independently through the data-only module. */
export function coreResult(page, text) {
  return page.evaluate(async (t) => {
    const core = await import('./fazhi-analyzer.js');
    return core.analyze(t);
  }, text);
}
