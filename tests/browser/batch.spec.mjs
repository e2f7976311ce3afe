// Issue 10 — the spring register: many files at once → one row each (refused ones saying why),
// the workspace survives a reload, a row opens its report, the .xlsx holds the three tables.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, seedPath, SEEDS, SLOW, readXlsx } from './helpers.mjs';
const FILES = [
  ...SEEDS.map(seedPath),
  fixture('excerpt.txt'), fixture('report-gbk.txt'), fixture('report.docx'), fixture('report-utf16.txt'), fixture('report.html'),
  fixture('batch-junk.bin'), fixture('batch-empty.txt'),
];
const NAMES = FILES.map((p) => p.split('/').pop());

/** The register's tables as the core computes them from the same texts (independently of the page). */
async function coreTables(page, entries) {
  return page.evaluate(async (es) => (await import('./fazhi-analyzer.js')).registerTables(es), entries);
}

const colName = (i) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
const excelDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000; };

test('twelve files at once: rows, reasons, reload, open, xlsx', SLOW, async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.locator('#file-input').setInputFiles(FILES);
  await expect(page.locator('body')).toHaveAttribute('data-batch', 'done', { timeout: 60_000 });
  const rows = page.locator('[data-register-row]');
  await expect(rows).toHaveCount(12);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.file))).toEqual(NAMES);
  // The refused files say why, in the core's words.
  await expect(page.locator('[data-file="batch-junk.bin"] [data-col="error"]')).toContainText('不是文本');
  await expect(page.locator('[data-file="batch-empty.txt"] [data-col="error"]')).toContainText('输入为空');
  await expect(page.locator('[data-file="excerpt.txt"] [data-col="error"]')).toHaveText('');
  // GBK, .docx, UTF-16 and .html read as the same excerpt: the same cells as its UTF-8 text.
  const cellsOf = (name) => page.locator(`[data-file="${name}"] td:not([data-col="file"])`).allTextContents();
  const utf8 = await cellsOf('excerpt.txt');
  expect(utf8.join('|')).toContain('公安县');
  for (const n of ['report-gbk.txt', 'report.docx', 'report-utf16.txt']) expect(await cellsOf(n)).toEqual(utf8);
  // Every column key the issue names, on every row.
  const keys = await page.locator('[data-file="003_3bbaca17e2977359.txt"] td').evaluateAll((tds) => tds.map((td) => td.dataset.col));
  for (const k of ['file', 'title', 'issuer', 'year', 'period', 'published', 'deadline', 'timeliness', 'measures', 'duty', 'problems', 'plans', 'figures', 'density', 'quantified', 'errors', 'warnings', 'infos', 'documentKind']) expect(keys).toContain(k);

  // Reload: still twelve rows (IndexedDB).
  await page.reload();
  await expect(rows).toHaveCount(12);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.file))).toEqual(NAMES);

  // A row opens its report; the header names the file; back returns to the register on that row.
  const seed3 = readFileSync(seedPath(SEEDS[3]), 'utf8');
  await page.locator('[data-file="003_3bbaca17e2977359.txt"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-file="004_3dd393c9aa136697.txt"]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('#current-file')).toHaveText('003_3bbaca17e2977359.txt');
  await expect(page.locator('#reading')).toBeVisible();
  await expect(page.locator('#register-view')).toBeHidden();
  const result = await page.evaluate(async (t) => (await import('./fazhi-analyzer.js')).analyze(t), seed3);
  await expect(page.locator('#count-metrics')).toHaveText(String(result.stats.metrics));
  await page.locator('#back-register').click();
  await expect(page.locator('[data-file="003_3bbaca17e2977359.txt"]')).toBeFocused();

  // The workbook: three sheets, header frozen, the core's cells (numbers as numbers, dates as dates).
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="xlsx"]').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const { sheets, frozen } = readXlsx(new Uint8Array(Buffer.concat(chunks)));
  expect(Object.keys(sheets)).toEqual(['汇总', '发现', '数字']);
  expect(frozen).toEqual({ 汇总: true, 发现: true, 数字: true });
  const texts = SEEDS.map((n) => readFileSync(seedPath(n), 'utf8'));
  const expected = await coreTables(page, texts.map((text, i) => ({ file: NAMES[i], text })));
  const reg = sheets['汇总'];
  expect(reg.A1).toBe('文件');
  expected.register.columns.forEach((c, k) => expect(reg[`${colName(k)}1`]).toBe(c.header));
  expected.register.rows.forEach((row, i) => row.forEach((v, k) => {
    const c = expected.register.columns[k];
    const got = reg[`${colName(k)}${i + 2}`];
    if (v == null) expect(got).toBeUndefined();
    else if (c.type === 'date') expect(got).toBe(excelDate(v));
    else if (c.type === 'bool') expect(got).toBe(typeof v === 'string' ? v : v ? '是' : '否'); // a string: 缺原因
    else expect(got).toBe(v);
  }));
  // Seed 003: a 2019 annual report (hand-checked): its year is the number 2019.
  expect(reg[`${colName(expected.register.columns.findIndex((c) => c.key === 'year'))}5`]).toBe(2019);
  // Seed 000 states no causes of its shortcomings (checked by hand): 缺原因, not 否; it is an annual report.
  const at = (key) => colName(expected.register.columns.findIndex((c) => c.key === key));
  expect(reg[`${at('problems')}2`]).toBe('缺原因');
  expect(reg[`${at('documentKind')}2`]).toBe('法治建设报告');
  // The junk file's row (row 12) gives its reason in the error column (columns added later follow it).
  const errCol = at('error');
  expect(errCol).toBe(colName(18));
  expect(reg[`A12`]).toBe('batch-junk.bin');
  expect(reg[`${errCol}12`]).toContain('不是文本');
  for (const [sheet, table] of [['发现', expected.findings], ['数字', expected.figures]]) {
    const cells = sheets[sheet];
    expect(table.rows.length).toBeGreaterThan(0);
    table.columns.forEach((c, k) => expect(cells[`${colName(k)}1`]).toBe(c.header));
    table.rows.forEach((row, i) => row.forEach((v, k) => {
      if (v != null) expect(cells[`${colName(k)}${i + 2}`]).toBe(v);
    }));
  }
});

test('200 reports through the worker pool: progress, a responsive page (longest main-thread task), cancel', SLOW, async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const texts = SEEDS.map((n) => readFileSync(seedPath(n)));
  const files = Array.from({ length: 200 }, (_, i) => ({ name: `r${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: texts[i % texts.length] }));
  await page.evaluate(() => {
    // Tasks from the moment the page sees the files (Playwright's own injection of 200 files into
    // the input, one task of a few hundred ms before the change event, is not the page's work).
    window.__longest = 0;
    window.__all = 0;
    document.addEventListener('change', () => { window.__changeAt ??= performance.now(); }, true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__all = Math.max(window.__all, e.duration);
        if (window.__changeAt != null && e.startTime >= window.__changeAt) window.__longest = Math.max(window.__longest, e.duration);
      }
    }).observe({ type: 'longtask', buffered: false });
  });
  const started = Date.now();
  await page.locator('#file-input').setInputFiles(files);
  // Progress shows n / N and a file name while the pool works.
  await expect(page.locator('#batch-progress-text')).toContainText(/\d+ \/ 200 · r\d{3}\.txt/);
  await expect(page.locator('body')).toHaveAttribute('data-batch', 'done', { timeout: 150_000 });
  const wall = Date.now() - started;
  await expect(page.locator('[data-register-row]')).toHaveCount(200);
  const { longest, all } = await page.evaluate(() => ({ longest: window.__longest, all: window.__all }));
  const workers = await page.evaluate(() => Math.min(navigator.hardwareConcurrency || 2, 8));
  console.log(`200 reports: ${wall} ms wall, ${workers} workers, longest main-thread task ${Math.round(longest)} ms (${Math.round(all)} ms counting the test's file injection)`);
  test.info().annotations.push({ type: 'longest-task-ms', description: String(Math.round(longest)) });
  // Not a speed measure (the figure is logged and recorded in docs/page.md): a check that no
  // report is analysed on the main thread. 200 reports there would freeze the page for tens of
  // seconds; a working pool stays far under this even on a loaded 2-core machine (1 s flaked there).
  expect(longest).toBeLessThan(5000);
  // Same rows as the seeds give alone: r005 is seed 000 again.
  const cells = (n) => page.locator(`[data-file="${n}"] td:not([data-col="file"])`).allTextContents();
  expect(await cells('r005.txt')).toEqual(await cells('r000.txt'));

  // Cancel: a second batch stops part-way; the rows analysed so far are kept, no more are added.
  await page.locator('#file-input').setInputFiles(files.map((f) => ({ ...f, name: `again-${f.name}` })));
  await expect(page.locator('#batch-progress')).toBeVisible();
  await page.locator('#batch-cancel').click();
  // `cancelled` once the run has wound up (the pool stopped, the last redraw made): nothing after it adds a row.
  await expect(page.locator('body')).toHaveAttribute('data-batch', 'cancelled');
  const after = await page.locator('[data-register-row]').count();
  expect(after).toBeLessThan(400);
  expect(after).toBeGreaterThanOrEqual(200);
  await expect(page.locator('[data-register-row]')).toHaveCount(after);
});

test('a .zip of reports opens its entries; dropping several files opens them all', async ({ page }) => {
  const { zipSync } = await import('fflate');
  await page.goto('/');
  const zip = zipSync({
    'spring/a.txt': readFileSync(fixture('excerpt.txt')),
    'spring/b.docx': readFileSync(fixture('report.docx')),
    'spring/notes.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
  await page.locator('#file-input').setInputFiles({ name: 'reports.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.locator('body')).toHaveAttribute('data-batch', 'done');
  const rows = page.locator('[data-register-row]');
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.file))).toEqual(['reports.zip/spring/a.txt', 'reports.zip/spring/b.docx', 'reports.zip/spring/notes.png']);
  await expect(page.locator('[data-file="reports.zip/spring/notes.png"] [data-col="error"]')).toContainText('不是 .txt/.docx/.html');
  // The same report twice: the same cells, but for the warnings — the later copy repeats the
  // earlier one (recycled-text, a cross-report finding of the batch).
  const cells = (n) => page.locator(`[data-file="${n}"] td:not([data-col="file"]):not([data-col="warnings"])`).allTextContents();
  const warnings = async (n) => Number(await page.locator(`[data-file="${n}"] td[data-col="warnings"]`).textContent());
  expect(await cells('reports.zip/spring/b.docx')).toEqual(await cells('reports.zip/spring/a.txt'));
  expect(await warnings('reports.zip/spring/b.docx')).toBeGreaterThan(await warnings('reports.zip/spring/a.txt'));

  // A drop of two files: both become rows (after the three above).
  const excerpt = readFileSync(fixture('excerpt.txt'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'drop-1.txt', { type: 'text/plain' }));
    dt.items.add(new File([''], 'drop-2.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, excerpt);
  await expect(rows).toHaveCount(5);
  await expect(page.locator('[data-file="drop-2.txt"] [data-col="error"]')).toContainText('输入为空');
  expect(await cells('drop-1.txt')).toEqual(await cells('reports.zip/spring/a.txt'));
});
