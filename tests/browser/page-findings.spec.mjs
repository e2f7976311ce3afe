// Issue 6 — findings: grouped by severity, counts in the tab label, each jumps to its evidence,
// underlined in the text in its severity colour. The analysis client is pluggable, so this test
// swaps in one that adds known findings to the core's result: it holds whatever the review
// engine reports today.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, openPage, pasteText, coreResult } from './helpers.mjs';

const FAKE_CLIENT = `
import { analyze as core } from './fazhi-analyzer.js';
export function analysisMode() { return 'main'; }
export function cancel() {}
export async function analyze(text) {
  const r = await core(text);
  const span = (s, from = 0) => { const i = text.indexOf(s, from); return i < 0 ? [null, null] : [i, i + s.length]; };
  const add = (code, severity, message, [start, end]) =>
    r.findings.push({ id: r.findings.length, code, severity, message, start, end });
  add('suspected-missing-char', 'error', '“20198月”疑似缺字。', span('20198月'));
  // Overlaps figures partly on both sides: the figures must stay whole marks.
  add('rate-mismatch', 'warning', '应诉率与案件数核对。', span('0%3'));
  add('numbering-gap', 'info', '序号核对。', span('特此报告'));
  add('section-missing', 'error', '缺少第一责任人职责部分。', [null, null]);
  r.stats.findings = r.findings.length;
  return r;
}`;

test('findings grouped by severity jump to their evidence', async ({ page }) => {
  await page.route('**/analyzer-client.js', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_CLIENT }));
  const text = seed(SEED_003);
  await openPage(page);
  await pasteText(page, text);
  const core = await coreResult(page, text);
  const n = core.findings.length + 4;
  await expect(page.locator('#count-findings')).toHaveText(String(n));
  await expect(page.locator('#tab-findings')).toHaveAttribute('aria-label', /错误 \d+, 警告 \d+, 提示 \d+/);
  // Every metric is still one whole mark.
  await expect(page.locator('mark[data-metric-id]')).toHaveCount(core.metrics.length);
  expect(await page.locator('#reading').evaluate((r) => r.textContent)).toBe(text);

  await page.locator('#tab-findings').click();
  const panel = page.locator('#panel-findings');
  await expect(panel.locator('[data-finding-id]')).toHaveCount(n);
  // Groups in severity order, each entry in the group of its severity.
  const groups = await panel.locator('.finding-group').evaluateAll((gs) => gs.map((g) => g.className.match(/fz-sev-(\w+)/)[1]));
  expect(groups).toEqual(['error', 'warning', 'info'].filter((s) => groups.includes(s)));
  for (const sev of ['error', 'warning', 'info']) {
    await expect(panel.locator(`.finding-group.fz-sev-${sev} [data-finding-id]`)).toHaveCount(
      core.findings.filter((f) => f.severity === sev).length + { error: 2, warning: 1, info: 1 }[sev]);
  }
  // The added ones: jump, underline in their colour, whole-document one not clickable.
  const base = core.findings.length;
  for (const [k, sev] of [[0, 'error'], [1, 'warning'], [2, 'info']]) {
    const id = base + k;
    await panel.locator(`[data-finding-id="${id}"] button`).click();
    const evidence = page.locator(`[data-finding-anchor="${id}"]`);
    await expect(evidence).toBeInViewport();
    await expect(evidence).toHaveClass(new RegExp(`fz-sev-${sev}`));
    const decoration = await evidence.evaluate((e) => getComputedStyle(e).textDecorationLine);
    expect(decoration).toContain('underline');
    await expect(panel.locator(`[data-finding-id="${id}"]`)).toHaveClass(/is-selected/);
  }
  await expect(panel.locator(`[data-finding-id="${base + 3}"] button`)).toHaveCount(0);
  await expect(panel.locator(`[data-finding-id="${base + 3}"]`)).toContainText('全文');
  // The partly overlapping evidence covers both figures whole.
  const wide = await page.locator(`[data-finding-ref="${base + 1}"]`).evaluateAll((es) => es.map((e) => e.textContent).join(''));
  expect(wide).toContain('100%');
  expect(wide).toContain('3个');
});

test('the real review engine’s findings each jump to their evidence', async ({ page }) => {
  const text = seed(SEED_003);
  await openPage(page);
  await pasteText(page, text);
  const result = await coreResult(page, text);
  await page.locator('#tab-findings').click();
  await expect(page.locator('#panel-findings [data-finding-id]')).toHaveCount(result.findings.length);
  if (!result.findings.length) await expect(page.locator('#panel-findings')).toContainText('未发现问题');
  for (const f of result.findings.filter((x) => x.start != null)) {
    await page.locator(`#panel-findings [data-finding-id="${f.id}"] button`).click();
    await expect(page.locator(`[data-finding-anchor="${f.id}"]`)).toBeInViewport();
  }
});

test('no panel ever shows “null” or “undefined”, whichever severities are present', async ({ page }) => {
  await page.route('**/analyzer-client.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import { analyze as core } from './fazhi-analyzer.js';
      export function cancel() {}
      export async function analyze(text) {
        const r = await core(text);
        r.findings = [{ id: 0, code: 'truncated-sentence', severity: 'warning', message: '句子不完整。', start: 0, end: 4 }];
        r.stats.findings = 1;
        return r;
      }`,
  }));
  await openPage(page);
  await pasteText(page, seed(SEED_003));
  for (const tab of ['summary', 'metrics', 'findings']) {
    await page.locator(`#tab-${tab}`).click();
    await expect(page.locator(`#panel-${tab}`)).not.toContainText(/null|undefined|NaN/);
  }
  await expect(page.locator('#panel-findings .finding-group')).toHaveCount(1);
  await expect(page.locator('#outline')).not.toContainText(/null|undefined|NaN/);
});

test('an inconsistent figure shows both statements: in the list, and marked in the text when visited', async ({ page }) => {
  const text = '某县2021年法治政府建设工作报告\n一、主要举措\n全县共受理行政复议案件15件,办结14件。\n加强执法监督。\n二、行政复议工作\n全年共受理行政复议案件17件。\n三、存在的问题\n人员不足。\n四、下一步工作安排\n加强培训。\n';
  await openPage(page);
  await pasteText(page, text);
  const result = await coreResult(page, text);
  const f = result.findings.find((x) => x.code === 'inconsistent-figure');
  expect(f.related).toEqual([{ start: text.indexOf('15件'), end: text.indexOf('15件') + 3 }]);
  await page.locator('#tab-findings').click();
  const entry = page.locator(`#panel-findings [data-finding-id="${f.id}"]`);
  await expect(entry.locator('.finding-evidence')).toHaveText('“15件” … “17件”');
  await entry.locator('button').click();
  const r = f.related[0];
  await expect(page.locator('body')).toHaveAttribute('data-related', `${r.start}-${r.end}`);
  expect(await page.evaluate(() => [...CSS.highlights.get('fz-related')].map((x) => x.toString()))).toEqual(['15件']);
  // Another text clears the mark.
  await page.locator('#mode-edit').click();
  await pasteText(page, seed(SEED_003));
  await expect(page.locator('body')).not.toHaveAttribute('data-related', /./);
  expect(await page.evaluate(() => CSS.highlights.has('fz-related'))).toBe(false);
});
