// Issue 13, what users asked for in the page: the figures of the reading view are one tab stop
// with arrow keys; Esc on a menu gives the focus back to its button; a dark theme that follows
// the system, with a toggle; findings, areas and labels in English; characters that would
// reorder the text are shown.
import { test, expect } from '@playwright/test';
import { openPage, pasteText, seed, SEED_003, coreResult, audit, SLOW, host, hostPage } from './helpers.mjs';

test('the figures are one tab stop; arrows, Home and End move between them; Tab leaves them', async ({ page }) => {
  await openPage(page);
  const text = seed(SEED_003);
  await pasteText(page, text);
  const result = await coreResult(page, text);
  const marks = page.locator('#reading mark[data-metric-id]');
  await expect(marks).toHaveCount(result.metrics.length);
  expect(result.metrics.length).toBeGreaterThan(100);
  // One tab stop among all figures (there were one per figure, 201 on this report).
  await expect(page.locator('#reading mark[tabindex="0"]')).toHaveCount(1);
  await expect(page.locator('#reading [tabindex="0"]')).toHaveCount(1);
  const order = [...result.metrics].sort((a, b) => a.start - b.start).map((m) => m.id);
  const focusedId = () => page.evaluate(() => document.activeElement?.closest?.('mark')?.dataset.metricId ?? null);

  await marks.first().focus();
  expect(await focusedId()).toBe(String(order[0]));
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  expect(await focusedId()).toBe(String(order[3]));
  await page.keyboard.press('ArrowLeft');
  expect(await focusedId()).toBe(String(order[2]));
  await page.keyboard.press('End');
  expect(await focusedId()).toBe(String(order[order.length - 1]));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  expect(await focusedId()).toBe(String(order[1]));
  // Still one tab stop: the figure last visited.
  await expect(page.locator('#reading mark[tabindex="0"]')).toHaveCount(1);
  await expect(page.locator(`#reading mark[data-metric-id="${order[1]}"]`)).toHaveAttribute('tabindex', '0');
  // Tab leaves the figures at once; Shift+Tab comes back to the one last visited.
  await page.keyboard.press('Tab');
  expect(await focusedId()).toBeNull();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId()).toBe(String(order[1]));
});

test('Esc closes a menu and returns the focus to its button', async ({ page }) => {
  await openPage(page);
  for (const id of ['export-menu', 'sample-menu']) {
    const summary = page.locator(`#${id} > summary`);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`#${id}`)).toHaveAttribute('open', '');
    await page.locator(`#${id} .menu-item`).first().focus();
    await page.keyboard.press('Escape');
    await expect(page.locator(`#${id}`)).not.toHaveAttribute('open', '');
    await expect(summary).toBeFocused();
  }
});

/** The relative luminance (0–1) of a computed CSS colour `rgb(r, g, b)`. */
const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('dark theme: follows the system, a toggle overrides it and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page);
  await pasteText(page, seed(SEED_003));
  const colours = () => page.evaluate(() => {
    const cs = (sel) => getComputedStyle(document.querySelector(sel));
    return { theme: document.documentElement.dataset.theme, bg: cs('#doc-pane').backgroundColor, ink: cs('#reading').color, mark: cs('mark[data-metric-id]').color, markBg: cs('mark[data-metric-id]').backgroundColor };
  });
  const dark = await colours();
  expect(dark.theme).toBe('dark');
  expect(luminance(dark.bg)).toBeLessThan(0.05);
  expect(luminance(dark.ink)).toBeGreaterThan(0.6);
  // Figures stay dark text on a light highlight: readable in both themes.
  expect(luminance(dark.markBg) - luminance(dark.mark)).toBeGreaterThan(0.5);
  await page.screenshot({ path: 'test-results/page-dark.png' });

  // The toggle: system → light → dark → system.
  const toggle = page.locator('#theme-btn');
  await toggle.click();
  expect((await colours()).theme).toBe('light');
  expect(luminance((await colours()).bg)).toBeGreaterThan(0.9);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.locator('#theme-btn').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('#theme-btn').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'auto');
  // Following the system again: the system turning light turns the page light.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('dark theme: no WCAG A/AA violation (colour contrast included) in the reading view and each tab', SLOW, async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page);
  await pasteText(page, seed(SEED_003));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await audit(page, 'dark reading view, summary');
  for (const tab of ['metrics', 'findings']) {
    await page.locator(`#tab-${tab}`).click();
    await audit(page, `dark ${tab}`);
  }
});

test('bidi controls and zero-width characters are shown, isolated, and the text stays exact', async ({ page }) => {
  await openPage(page);
  const text = '某县2021年法治政府建设工作报告\n一、主要举措\n全年共受理行政复议案件\u202E21\u202C件,另有\u200B一处。\n';
  await pasteText(page, text);
  await page.locator('#mode-read').click();
  const shown = await page.evaluate(() => [...document.querySelectorAll('#reading .fz-invisible')].map((e) => [e.dataset.char, getComputedStyle(e).unicodeBidi, getComputedStyle(e, '::before').content]));
  expect(shown).toEqual([
    ['U+202E', 'isolate', '"⟨U+202E⟩"'],
    ['U+202C', 'isolate', '"⟨U+202C⟩"'],
    ['U+200B', 'isolate', '"⟨U+200B⟩"'],
  ]);
  expect(await page.locator('#reading').evaluate((e) => e.textContent)).toBe(text);
});

test('English mode: findings, areas and labels in English where the result carries them', async ({ page }) => {
  await openPage(page);
  const text = seed(SEED_003);
  await pasteText(page, text);
  const result = await coreResult(page, text);
  await page.locator('#lang-btn').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('#tab-findings').click();
  const codes = await page.locator('#panel-findings .finding-code').allTextContents();
  expect(codes.length).toBe(result.findings.length);
  // Codes are labelled in English (every code the core can emit has a label).
  for (const c of codes) expect(c).not.toMatch(/[\u4e00-\u9fff]/);
  const messages = await page.locator('#panel-findings .finding-message').allTextContents();
  const byId = Object.fromEntries(result.findings.map((f) => [f.id, f]));
  const ids = await page.locator('#panel-findings [data-finding-id]').evaluateAll((els) => els.map((e) => Number(e.dataset.findingId)));
  // Every message in English, from the core's catalogue (messageEn).
  ids.forEach((id, k) => {
    expect(byId[id].messageEn).toBeTruthy();
    expect(messages[k]).toBe(byId[id].messageEn);
  });
  // Areas in English (the core's names), in the table, its filter and the chart.
  const { CATALOGUE } = await import('../../www/catalogue.js');
  await page.locator('#tab-metrics').click();
  const shownAreas = await page.locator('#metrics-table td:nth-child(6)').allTextContents();
  const sorted = [...result.metrics].sort((a, b) => a.id - b.id);
  expect(shownAreas).toEqual(sorted.slice(0, shownAreas.length).map((m) => CATALOGUE.categories[m.category]));
  for (const a of shownAreas) expect(a).not.toMatch(/[\u4e00-\u9fff]/);
  await expect(page.locator('#filter-category option').nth(1)).not.toHaveText(/[\u4e00-\u9fff]/);
  // The required parts by the core's English names.
  await page.locator('#tab-summary').click();
  await expect(page.locator('#panel-summary [data-part="measures"]')).toContainText(/main measures and results/i);

  // The switch itself, on a result that carries English (the core's catalogue): views.js shows it.
  const shown = await page.evaluate(async () => {
    const { findingsView } = await import('./views.js');
    const { translator } = await import('./i18n.js');
    const r = { findings: [{ id: 0, code: 'placeholder', severity: 'error', message: '文中留有占位内容“XX”。', messageEn: 'A placeholder “XX” was left in the text.', start: 0, end: 2 }] };
    const box = document.createElement('div');
    box.append(...findingsView(r, 'XX年', translator('en')));
    const zh = document.createElement('div');
    zh.append(...findingsView(r, 'XX年', translator('zh')));
    return [box.querySelector('.finding-message').textContent, box.querySelector('.finding-code').textContent, zh.querySelector('.finding-message').textContent];
  });
  expect(shown).toEqual(['A placeholder “XX” was left in the text.', 'Placeholder', '文中留有占位内容“XX”。']);
});

test('totals by area add up only figures of one indicator and unit', async ({ page }) => {
  await openPage(page);
  const text = '某县2021年法治政府建设工作报告\n一、主要举措\n全年办理行政应诉案件80件,其中行政机关负责人出庭应诉19件。\n一季度办理行政复议案件5件,二季度办理行政复议案件7件。\n';
  await pasteText(page, text);
  const result = await coreResult(page, text);
  await page.locator('#tab-metrics').click();
  const sums = await page.locator('#totals .sums').allTextContents();
  // 80 + 19 is never a total; the two 行政复议 figures are, when the core gives them one indicator.
  for (const s of sums) expect(s).not.toContain('99');
  const byIndicator = new Map();
  for (const m of result.metrics) if (m.kind === 'count') byIndicator.set(`${m.indicator}|${m.unit}`, [...(byIndicator.get(`${m.indicator}|${m.unit}`) ?? []), m.value]);
  const expected = [...byIndicator.entries()].filter(([, v]) => v.length > 1).map(([k, v]) => [k.split('|')[0], v.reduce((a, b) => a + b, 0)]);
  for (const [indicator, total] of expected) expect(sums.join(' ')).toContain(`${indicator} ${total}`);
  expect(expected.length).toBeGreaterThan(0);
  // By hand: 行政应诉 has two different indicators (no sum); 行政复议 one indicator twice (5 + 7).
  await expect(page.locator('#totals tr[data-category="行政应诉"] .sums')).toHaveText('—');
  await expect(page.locator('#totals tr[data-category="行政复议"] .sums')).toHaveText('行政复议案件 12 件(2 处)');
  await expect(page.locator('#totals-note')).toBeVisible();
});

test('a text that is not a 法治政府建设 report says so instead of listing missing parts (page and widget)', async ({ page }) => {
  const news = '县政府召开法治政府建设推进会\n本报讯(记者 张明)3月30日,县政府召开法治政府建设推进会。会议通报,2021年全县共受理行政复议案件12件,办结率达到95%。\n会议要求,各部门要进一步提高依法行政水平。\n';
  await openPage(page);
  await pasteText(page, news);
  const result = await coreResult(page, news);
  expect(result.meta.documentKind).toBe('news');
  const summary = page.locator('#panel-summary');
  await expect(summary.locator('.not-a-report[data-document-kind="news"]')).toHaveText('此文不是法治政府建设报告(新闻报道):不检查必备内容和公开时效。');
  await expect(summary.locator('.checklist')).toHaveCount(0);
  await expect(summary.locator('.facts')).toContainText('新闻报道');
  // A report still gets its checklist and no such note.
  await pasteText(page, seed(SEED_003));
  await expect(summary.locator('.checklist li')).toHaveCount(4);
  await expect(summary.locator('.not-a-report')).toHaveCount(0);
  // The widget's compact view: the same note, no checklist.
  await host(page, '/news.html', hostPage('<fazhi-analyzer id="w" view="compact" lang="en"></fazhi-analyzer>'));
  await page.locator('#w').evaluate((el, t) => el.analyze(t), news);
  await expect(page.locator('#w .not-a-report')).toContainText('not a rule-of-law government report (a news article)');
  await expect(page.locator('#w .checklist')).toHaveCount(0);
});
