// Issue 6 — outline, table and findings navigation; tooltips; tabs; filters and totals.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, openPage, pasteText, coreResult, sectionPathOf } from './helpers.mjs';

const text = seed(SEED_003);
let result;

test.beforeEach(async ({ page }) => {
  await openPage(page);
  await pasteText(page, text);
  result ??= await coreResult(page, text);
});

test('outline: nested tree with figure counts; keyboard and click scroll to the heading', async ({ page }) => {
  const tree = page.locator('#outline');
  await expect(tree).toHaveAttribute('role', 'tree');
  // Nesting follows `parent`, counts are the figures in each subtree.
  for (const h of result.outline) {
    const item = page.locator(`#outline [data-heading-id="${h.id}"]`);
    await expect(item).toHaveAttribute('aria-level', String(h.level));
    const parentId = await item.evaluate((li) => li.parentElement.closest('[role=treeitem]')?.dataset.headingId ?? null);
    expect(parentId == null ? null : Number(parentId)).toBe(h.parent);
  }
  const under = (id) => result.metrics.filter((m) => {
    for (let h = m.heading; h != null; h = result.outline[h].parent) if (h === id) return true;
    return false;
  }).length;
  for (const h of result.outline.filter((x) => x.parent == null)) {
    const n = under(h.id);
    const badge = page.locator(`#outline [data-heading-id="${h.id}"] > .tree-row .fig-count`);
    if (n) await expect(badge).toHaveText(String(n)); else await expect(badge).toHaveCount(0);
  }
  // Role badges.
  for (const h of result.outline.filter((x) => x.role)) {
    await expect(page.locator(`#outline [data-heading-id="${h.id}"] > .tree-row .badge`).first()).toHaveText({ measures: '举措', duty: '职责', problems: '问题', plans: '安排' }[h.role]);
  }
  // Keyboard: the first entry, down three, Enter.
  const first = tree.locator('[role=treeitem]').first();
  await first.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => Number(document.activeElement.dataset.headingId));
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-heading-anchor="${focused}"]`)).toBeInViewport();
  // Click.
  const target = result.outline[Math.floor(result.outline.length * 0.7)];
  await page.locator(`#outline [data-heading-id="${target.id}"] > .tree-row`).click();
  await expect(page.locator(`[data-heading-anchor="${target.id}"]`)).toBeInViewport();
});

test('the current section is tracked while scrolling', async ({ page }) => {
  const tops = result.outline.filter((h) => h.parent == null);
  for (const h of [tops[2], tops[4], tops[1]]) {
    await page.locator(`[data-heading-anchor="${h.id}"]`).evaluate((a) => a.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, 1); // a user scroll
    await expect(page.locator(`#outline [data-heading-id="${h.id}"]`)).toHaveAttribute('aria-current', 'location');
    await expect(page.locator('#outline [aria-current]')).toHaveCount(1);
  }
});

test('table: a row scrolls to its figure; a figure selects its row', async ({ page }) => {
  await page.locator('#tab-metrics').click();
  const m = result.metrics[Math.floor(result.metrics.length * 0.8)];
  const mark = page.locator(`mark[data-metric-id="${m.id}"]`);
  await expect(mark).not.toBeInViewport();
  await page.locator(`tr[data-metric-row="${m.id}"] td`).nth(3).click();
  await expect(mark).toBeInViewport();
  // Clicking another figure in the text selects its row (switching to the table tab).
  await page.locator('#tab-summary').click();
  const other = result.metrics[Math.floor(result.metrics.length * 0.1)];
  await page.locator(`mark[data-metric-id="${other.id}"]`).scrollIntoViewIfNeeded();
  await page.locator(`mark[data-metric-id="${other.id}"]`).click();
  await expect(page.locator('#tab-metrics')).toHaveAttribute('aria-selected', 'true');
  const row = page.locator(`tr[data-metric-row="${other.id}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(page.locator('tr[aria-selected="true"]')).toHaveCount(1);
});

test('table: sort by value, filter by kind, category, section and text; totals by category', async ({ page }) => {
  await page.locator('#tab-metrics').click();
  const rows = page.locator('#metrics-table tbody tr');
  const ids = () => rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.metricRow)));
  await expect(rows).toHaveCount(result.metrics.length);
  await page.locator('button[data-sort="value"]').click();
  let got = await ids();
  const values = got.map((id) => result.metrics[id].value);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  await expect(page.locator('th:has(button[data-sort="value"])')).toHaveAttribute('aria-sort', 'ascending');
  await page.locator('button[data-sort="value"]').click();
  got = await ids();
  expect(result.metrics[got[0]].value).toBe(Math.max(...result.metrics.map((m) => m.value)));

  // Kind.
  await page.locator('#filter-kind').selectOption('count');
  await expect(rows).toHaveCount(result.metrics.filter((m) => m.kind === 'count').length);
  await page.locator('#filter-kind').selectOption('');
  // Category (whichever the core assigned most).
  const cat = result.metrics[0].category;
  await page.locator('#filter-category').selectOption(cat);
  await expect(rows).toHaveCount(result.metrics.filter((m) => m.category === cat).length);
  await page.locator('#filter-category').selectOption('');
  // Section: the top-level heading with the most figures; its subtree's metrics.
  const top = result.outline.filter((h) => h.parent == null)
    .map((h) => [h, result.metrics.filter((m) => m.heading != null && sectionPathOf(result, m.heading).startsWith(h.marker + h.title)).length])
    .sort((a, b) => b[1] - a[1])[0];
  await page.locator('#filter-section').selectOption(String(top[0].id));
  await expect(rows).toHaveCount(top[1]);
  // Text search within the section: a unit.
  await page.locator('#filter-query').fill('户');
  const expected = result.metrics.filter((m) => m.heading != null && sectionPathOf(result, m.heading).startsWith(top[0].marker + top[0].title)
    && [m.text, m.indicator, m.category, m.unit, sectionPathOf(result, m.heading)].some((s) => s.includes('户')));
  await expect(rows).toHaveCount(expected.length);
  // Totals by category over the shown rows.
  const totals = await page.locator('#totals tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, Number(tr.cells[1].textContent.replace(/,/g, ''))]));
  const want = new Map();
  for (const m of expected) want.set(m.category, (want.get(m.category) ?? 0) + 1);
  expect(new Map(totals)).toEqual(want);
  await page.locator('#filter-reset').click();
  await expect(rows).toHaveCount(result.metrics.length);
});

test('tooltip on hover and on keyboard focus', async ({ page }) => {
  const m = result.metrics.find((x) => x.value >= 10000) ?? result.metrics[0];
  const mark = page.locator(`mark[data-metric-id="${m.id}"]`);
  await mark.scrollIntoViewIfNeeded();
  await mark.focus();
  const tip = page.locator('#tooltip');
  await expect(tip).toBeVisible();
  await expect(mark).toHaveAttribute('aria-describedby', 'tooltip');
  await expect(tip).toContainText(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(m.value));
  await expect(tip).toContainText(m.indicator);
  await expect(tip).toContainText(m.category);
  // → moves to the next figure (the figures are one tab stop), and the tooltip follows.
  await page.keyboard.press('ArrowRight');
  const next = result.metrics.filter((x) => x.start > m.start).sort((a, b) => a.start - b.start)[0];
  await expect(page.locator(`mark[data-metric-id="${next.id}"]`)).toBeFocused();
  await expect(tip).toContainText(next.text);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
});

test('tabs follow the ARIA pattern', async ({ page }) => {
  await page.locator('#tab-summary').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#tab-metrics')).toBeFocused();
  await expect(page.locator('#tab-metrics')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#panel-metrics')).toBeVisible();
  await expect(page.locator('#panel-summary')).toBeHidden();
  await page.keyboard.press('End');
  await expect(page.locator('#panel-findings')).toBeVisible();
  await expect(page.locator('#count-findings')).toHaveText(String(result.findings.length));
  await expect(page.locator('#count-metrics')).toHaveText(String(result.metrics.length));
});

test('summary: counts, required parts, figures per 1000 characters, charts', async ({ page }) => {
  const s = page.locator('#panel-summary');
  await expect(s.locator('[data-stat="metrics"] .stat-value')).toHaveText(String(result.stats.metrics));
  await expect(s.locator('[data-stat="findings"] .stat-value')).toHaveText(String(result.stats.findings));
  await expect(s.locator('[data-stat="per1000"] .stat-value')).toHaveText(String(Math.round(result.review.figuresPer1000Chars * 10) / 10));
  for (const p of result.review.requiredParts) {
    await expect(s.locator(`[data-part="${p.part}"] .check`)).toHaveText(p.present ? '✓' : '✗');
  }
  // Each part named as the regulation (第二十五条) and the core's findings name it.
  const names = {
    measures: '推进法治政府建设的主要举措和成效', duty: '党政主要负责人履行推进法治建设第一责任人职责情况',
    problems: '存在的不足和原因', plans: '下一年度推进法治政府建设的主要安排',
  };
  for (const [part, name] of Object.entries(names)) await expect(s.locator(`[data-part="${part}"]`)).toContainText(name);
  const bars = await s.locator('#chart-categories rect.chart-bar').count();
  expect(bars).toBe(new Set(result.metrics.map((m) => m.category)).size);
  const sectionBars = s.locator('#chart-sections text.chart-value');
  const total = (await sectionBars.allTextContents()).reduce((a, b) => a + Number(b), 0);
  expect(total).toBe(result.metrics.length);
});

test('the legend filters the table by kind', async ({ page }) => {
  const kind = result.metrics.find((m) => m.kind !== 'count')?.kind ?? 'count';
  const button = page.locator(`#legend [data-legend-kind="${kind}"]`);
  await expect(button).toContainText(String(result.metrics.filter((m) => m.kind === kind).length));
  await button.click();
  await expect(page.locator('#panel-metrics')).toBeVisible();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#filter-kind')).toHaveValue(kind);
  await expect(page.locator('#metrics-table tbody tr')).toHaveCount(result.metrics.filter((m) => m.kind === kind).length);
  await button.click();
  await expect(page.locator('#metrics-table tbody tr')).toHaveCount(result.metrics.length);
});

test('outline collapses to two levels and expands again; evidence tells its finding on hover', async ({ page }) => {
  const deep = result.outline.find((h) => h.level >= 3);
  test.skip(!deep, 'no third-level heading in this outline');
  const item = page.locator(`#outline [data-heading-id="${deep.id}"]`);
  await expect(item).toBeVisible();
  await page.locator('#outline-collapse').click();
  await expect(item).toBeHidden();
  await page.locator('#outline-expand').click();
  await expect(item).toBeVisible();
  for (const f of result.findings.filter((x) => x.start != null).slice(0, 3)) {
    await expect(page.locator(`[data-finding-anchor="${f.id}"]`)).toHaveAttribute('title', new RegExp(f.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
});

test('a chart row shows its figures in the table', async ({ page }) => {
  const cat = result.metrics[0].category;
  await page.locator(`#chart-categories .chart-row[aria-label="${cat} ${result.metrics.filter((m) => m.category === cat).length}"]`).click();
  await expect(page.locator('#panel-metrics')).toBeVisible();
  await expect(page.locator('#filter-category')).toHaveValue(cat);
  await expect(page.locator('#metrics-table tbody tr')).toHaveCount(result.metrics.filter((m) => m.category === cat).length);
  // By keyboard: the first section row shows that top-level section's figures.
  await page.locator('#tab-summary').click();
  const sectionRow = page.locator('#chart-sections .chart-row[data-filter]').first();
  const id = JSON.parse(await sectionRow.getAttribute('data-filter')).section;
  await sectionRow.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#filter-section')).toHaveValue(String(id));
  const under = result.metrics.filter((m) => {
    for (let h = m.heading; h != null; h = result.outline[h].parent) if (h === id) return true;
    return false;
  });
  await expect(page.locator('#metrics-table tbody tr')).toHaveCount(under.length);
});
