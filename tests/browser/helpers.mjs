// Shared helpers for the browser tests: seeds and fixtures, the page's analysis, the core's own
// result, host pages for the widget, accessibility audits, CSV parsing, exports.
//
// Tests that take tens of seconds (large texts, 200-report batches, full accessibility audits,
// the build's offline and single-file editions) carry the tag `@slow`:
//   npx playwright test --grep-invert @slow     # the quick suite while developing
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { unzipSync, strFromU8 } from 'fflate';

export const seedPath = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
export const seed = (name) => readFileSync(seedPath(name), 'utf8');
export const SEED_003 = '003_3bbaca17e2977359.txt';
export const SEEDS = ['000_aa33b05144184fb9.txt', '001_67e2a9c3643c72a9.txt', '002_204dd670dded85b4.txt', SEED_003, '004_3dd393c9aa136697.txt'];
export const SLOW = { tag: '@slow' };

/** A fresh page with no stored draft. */
export async function openPage(page, path = '/') {
  await page.goto(path);
  await page.evaluate(() => localStorage.clear());
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-analysis', 'idle');
}

/** Count the workers the page starts (`workersStarted`): a trap or a cancel starts a fresh one, the page's load one. */
export async function countWorkers(page) {
  await page.addInitScript(() => {
    const Original = window.Worker;
    window.__workersStarted = 0;
    window.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        window.__workersStarted++;
      }
    };
  });
}
export const workersStarted = (page) => page.evaluate(() => window.__workersStarted);

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

/** Serve `body` as an HTML page at `path` on the test server's origin (with `headers`), and open it. */
export async function host(page, path, body, headers = {}) {
  await page.route(`**${path}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body }),
  );
  await page.goto(path);
}

/** A host page that loads the widget, with `widgets` as its body. */
export const hostPage = (widgets, { head = '', css = '' } = {}) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
${css ? `<style>${css}</style>` : ''}${head}
<script type="module" src="/fazhi-analyzer-element-define.js"></script>
</head><body>${widgets}</body></html>`;

/** axe-core, WCAG 2 A/AA (colour contrast included), over the page or inside `include`: no violation. */
export async function audit(page, label, include = null) {
  let axe = new AxeBuilder({ page });
  if (include) axe = axe.include(include);
  const { violations } = await axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary).toEqual([]);
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

/** An .xlsx → {sheetName: {A1: value, …}, frozen: {sheetName: bool}} (shared and inline strings, numbers, booleans). */
export function readXlsx(bytes) {
  const zip = unzipSync(bytes);
  const text = (p) => strFromU8(zip[p]);
  const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
  const shared = zip['xl/sharedStrings.xml']
    ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unesc([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')))
    : [];
  const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const rels = Object.fromEntries([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]));
  const sheets = {}, frozen = {};
  for (const [tag] of text('xl/workbook.xml').matchAll(/<sheet [^>]*>/g)) {
    const name = attr(tag, 'name');
    const xml = text(`xl/${rels[attr(tag, 'r:id')].replace(/^\/?(xl\/)?/, '')}`);
    const pane = /<pane [^>]*>/.exec(xml)?.[0] ?? '';
    frozen[name] = attr(pane, 'ySplit') === '1' && attr(pane, 'state') === 'frozen';
    const cells = {};
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="([^"]+)"/.exec(c[2])?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
      if (type === 's') cells[c[1]] = shared[Number(v)];
      else if (type === 'inlineStr' || type === 'str') cells[c[1]] = unesc(/<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? '')?.[1] ?? v ?? '');
      else if (type === 'b') cells[c[1]] = v === '1';
      else if (v != null) cells[c[1]] = Number(v);
    }
    sheets[name] = cells;
  }
  return { sheets, frozen };
}

/** What clicking `locator` downloads: {name, bytes}. */
export async function downloadOf(page, locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}
