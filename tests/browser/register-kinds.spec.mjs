// Issue 11 — judgments a register can trust: each row says what kind of document it is (a
// filter shows only what is not a rule-of-law report), and a part found but incomplete (存在的不足
// without causes) is its own state, linking to its heading, not ✗ 缺. Invented texts.
import { test, expect } from '@playwright/test';
import { coreResult } from './helpers.mjs';

const report = (problems) =>
  `某某县2022年法治政府建设年度报告\n一、主要举措和成效\n全年办理行政复议案件20件。\n${problems}三、下一年度主要安排\n继续推进依法行政。\n`;
const FILES = [
  ['no-causes.txt', report('二、存在的不足和原因\n执法人员不足。培训次数偏少。\n')],
  ['with-causes.txt', report('二、存在的不足和原因\n执法人员不足,原因是编制有限。\n')],
  ['no-problems.txt', report('')],
  ['news.txt', '新华社北京3月30日电(记者张三)记者从某省司法厅获悉,2022年该省行政机关负责人出庭应诉率达到98%。\n'],
  ['speech.txt', '在全县法治政府建设工作会议上的讲话\n同志们:\n今天召开全县法治政府建设工作会议。\n'],
];

/** The register of FILES, all five rows drawn. */
async function openRegister(page) {
  await page.goto('/');
  await page.locator('#file-input').setInputFiles(FILES.map(([name, text]) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
  await expect(page.locator('body')).toHaveAttribute('data-batch', 'done');
  const rows = page.locator('[data-register-row]');
  await expect(rows).toHaveCount(5);
  return rows;
}

test('the register shows the kind of document and a part without its causes', async ({ page }) => {
  const rows = await openRegister(page);
  const cellOf = (file, key) => page.locator(`[data-file="${file}"] td[data-col="${key}"]`);

  // The kind of document, in the core's Chinese names.
  const kinds = { 'no-causes.txt': '法治建设报告', 'with-causes.txt': '法治建设报告', 'no-problems.txt': '法治建设报告', 'news.txt': '新闻', 'speech.txt': '讲话' };
  for (const [file, kind] of Object.entries(kinds)) await expect(cellOf(file, 'documentKind')).toHaveText(kind);
  // A document that is not a report owes no parts: the core's 不适用 in every part column, no link.
  for (const file of ['news.txt', 'speech.txt']) {
    for (const key of ['measures', 'duty', 'problems', 'plans']) {
      await expect(cellOf(file, key)).toHaveText('不适用');
      await expect(cellOf(file, key).locator('[data-open-heading]')).toHaveCount(0);
    }
  }

  // The problems part: present (a link), found without causes (its own state, a link), missing (no link).
  await expect(cellOf('with-causes.txt', 'problems')).toHaveText('✓ 有');
  await expect(cellOf('no-problems.txt', 'problems')).toHaveText('✗ 缺');
  await expect(cellOf('no-problems.txt', 'problems').locator('[data-open-heading]')).toHaveCount(0);
  const incomplete = cellOf('no-causes.txt', 'problems').locator('button[data-open-heading]');
  await expect(incomplete).toHaveText('△ 缺原因');
  const result = await coreResult(page, FILES[0][1]);
  const problems = result.review.requiredParts.find((p) => p.part === 'problems');
  expect(problems).toEqual({ part: 'problems', present: false, heading: 1 });
  await expect(incomplete).toHaveAttribute('data-open-heading', '1');
  // The chart of missing parts counts only no-problems.txt: not 缺原因, not the news or the
  // speech, which owe no parts. The filter of missing parts: the three reports (none has the
  // duty part), not the news or the speech.
  await expect(page.locator('#chart-missing [data-chart-filter*="problems"]')).toHaveAttribute('aria-label', '存在的不足 1');
  await expect(page.locator('#chart-missing [data-chart-filter*="duty"]')).toHaveAttribute('aria-label', '第一责任人职责 3');
  await page.locator('[data-only="missing"]').check();
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.file))).toEqual(['no-causes.txt', 'with-causes.txt', 'no-problems.txt']);
  await page.locator('[data-only="missing"]').uncheck();

  // Only what is not a rule-of-law report.
  await page.locator('[data-only="notReport"]').check();
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.file))).toEqual(['news.txt', 'speech.txt']);
  await page.locator('[data-only="notReport"]').uncheck();
  await expect(rows).toHaveCount(5);

  // The 缺原因 link opens the report at the problems heading.
  await cellOf('no-causes.txt', 'problems').locator('button').click();
  await expect(page.locator('#current-file')).toHaveText('no-causes.txt');
  await expect(page.locator('#reading [data-heading-anchor="1"]')).toBeInViewport();
  await expect(page.locator('#reading [data-heading-anchor="1"]')).toContainText('存在的不足和原因');
});

test('a redraw keeps the rows it can: a filter or a sort moves them, a language change rebuilds them', async ({ page }) => {
  const rows = await openRegister(page);
  // Each row element is tagged; a redraw that rebuilt it would drop the tag.
  await page.evaluate(() => { for (const tr of document.querySelectorAll('[data-register-row]')) tr.dataset.probe = tr.dataset.file; });
  const notReport = page.locator('[data-only="notReport"]');
  await notReport.check();
  await expect(rows).toHaveCount(2);
  await notReport.uncheck();
  await expect(rows).toHaveCount(5);
  await page.locator('#register-view button[data-sort="file"]').click();
  await page.locator('#register-view button[data-sort="file"]').click();
  const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.file));
  expect(order).toEqual([...order].sort().reverse());
  expect(await rows.evaluateAll((trs) => trs.filter((tr) => tr.dataset.probe === tr.dataset.file).length)).toBe(5);
  // A row chosen for the comparison is shown chosen on the kept row.
  await page.locator('[data-file="news.txt"] input[data-select]').check();
  await page.locator('[data-only="late"]').check();
  await page.locator('[data-only="late"]').uncheck();
  await expect(page.locator('[data-file="news.txt"]')).toHaveClass(/is-chosen/);
  await expect(page.locator('[data-file="news.txt"] input[data-select]')).toBeChecked();
  // Another language: the rows are built anew, in English.
  await page.locator('#lang-btn').click();
  await expect(page.locator('[data-file="news.txt"] td[data-col="measures"]')).not.toHaveText('不适用');
  expect(await rows.evaluateAll((trs) => trs.filter((tr) => tr.dataset.probe).length)).toBe(0);
});
