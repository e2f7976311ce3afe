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

export const fixture = (name) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** Parse RFC 4180 CSV (quoted fields, CRLF). */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** `一、… > (二)…`, computed here from the result, independently of the page's code. */
export function sectionPathOf(result, id) {
  const parts = [];
  for (let h = id; h != null; h = result.outline[h].parent) parts.unshift(result.outline[h].marker + result.outline[h].title);
  return parts.join(' > ');
}

/** Download what clicking `selector` (in the export menu) produces, as text. */
export async function exportText(page, selector) {
  await page.locator('#export-menu > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}
