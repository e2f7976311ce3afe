// render.js and report-model.js on hand-made results: marks never split, text exact, offsets in
// UTF-16 units, overlapping spans nested or widened, bad offsets ignored; CSV cells made safe.
import { test, expect } from '@playwright/test';

test.beforeEach(async ({ page }) => { await page.goto('/'); });

const metric = (id, start, end, kind = 'count') => ({ id, start, end, text: '', value: 1, valueMax: null, unit: '件', kind, approx: null, indicator: '', category: '其他', heading: null });
const heading = (id, start, end, level = 1, parent = null) => ({ id, parent, level, marker: '一、', style: 'cn-dun', number: 1, title: 't', start, end, role: null, sections: [] });
const finding = (id, start, end, severity = 'warning') => ({ id, code: 'sum-mismatch', severity, message: 'm', start, end });
const empty = { outline: [], metrics: [], findings: [], boilerplate: [] };

function render(page, text, result) {
  return page.evaluate(async ([text, result]) => {
    const { renderReport } = await import('./render.js');
    const box = document.createElement('div');
    box.append(renderReport(document, text, result));
    const marks = [...box.querySelectorAll('mark[data-metric-id]')].map((m) => [Number(m.dataset.metricId), m.textContent, m.closest('[data-heading-anchor]')?.dataset.headingAnchor ?? null]);
    const pieces = (attr) => [...box.querySelectorAll(`[${attr}]`)].map((e) => [e.getAttribute(attr), e.textContent]);
    return {
      text: box.textContent, marks, lines: box.querySelectorAll('.fz-line').length,
      anchors: pieces('data-heading-anchor'), parts: pieces('data-heading-part'),
      findingAnchors: pieces('data-finding-anchor'), findingRefs: pieces('data-finding-ref'),
      headingLines: box.querySelectorAll('.fz-line--heading').length,
      elements: box.querySelectorAll('*').length,
    };
  }, [text, result]);
}

test('offsets are UTF-16 units: an astral character before a figure', async ({ page }) => {
  const text = '𠀀共15件,𠀀𠀀办结12件。';
  const r = await render(page, text, { ...empty, metrics: [metric(0, 3, 6), metric(1, 13, 16)] });
  expect(r.text).toBe(text);
  expect(r.marks).toEqual([[0, '15件', null], [1, '12件', null]]);
});

test('a heading holds its figures; each line is a block; blank lines kept', async ({ page }) => {
  const text = '一、办理15件的情况\n\n正文共3人。\n';
  const r = await render(page, text, { ...empty, outline: [heading(0, 0, 10)], metrics: [metric(0, 4, 7), metric(1, 15, 17)] });
  expect(r.text).toBe(text);
  expect(r.lines).toBe(3);
  expect(r.anchors).toEqual([['0', '一、办理15件的情况']]);
  expect(r.headingLines).toBe(1);
  expect(r.marks).toEqual([[0, '15件', '0'], [1, '3人', null]]);
});

test('a finding that cuts figures is widened; one across a line break is split with one anchor', async ({ page }) => {
  const text = '受理15件,办结12件。\n下一段20人。';
  const result = { ...empty, metrics: [metric(0, 2, 5), metric(1, 8, 11), metric(2, 16, 19)], findings: [finding(0, 3, 9), finding(1, 9, 15, 'error')] };
  const r = await render(page, text, result);
  expect(r.text).toBe(text);
  expect(r.marks.map((m) => m[1])).toEqual(['15件', '12件', '20人']);
  // Finding 1 starts inside 12件 (widened to its start), nests in finding 0 while both run, and
  // continues on the next line: three pieces, the first the anchor.
  expect(r.findingAnchors).toEqual([['0', '15件,办结12件'], ['1', '12件']]);
  expect(r.findingRefs.filter(([id]) => id === '1').map(([, t]) => t)).toEqual(['12件', '。\n', '下一']);
});

test('overlapping metrics and bad offsets are skipped, never thrown', async ({ page }) => {
  const text = '共15件';
  const r = await render(page, text, {
    ...empty,
    metrics: [metric(0, 1, 4), metric(1, 2, 4), metric(2, 5, 9), metric(3, -1, 2), metric(4, 2, 2)],
    outline: [heading(0, 3, 99)], findings: [finding(0, null, null)],
  });
  expect(r.text).toBe(text);
  expect(r.marks).toEqual([[0, '15件', null]]);
  expect(r.anchors).toEqual([]);
});

test('markup in the text stays text', async ({ page }) => {
  const text = '<img src=x onerror=alert(1)>共15件<script>alert(2)</script>';
  const r = await render(page, text, { ...empty, metrics: [metric(0, 29, 32)] });
  expect(r.text).toBe(text);
  expect(r.marks).toEqual([[0, '15件', null]]);
  expect(r.elements).toBe(3); // block, line, mark
});

test('CSV cells that a spreadsheet would run as formulas are neutralised', async ({ page }) => {
  const csv = await page.evaluate(async () => {
    const { metricsCsv } = await import('./report-model.js');
    const m = { id: 0, start: 0, end: 3, text: '15件', value: 15, valueMax: null, unit: '件', kind: 'count', approx: null, indicator: '=HYPERLINK("x")', category: '+其他', heading: null };
    return metricsCsv({ outline: [], metrics: [m] });
  });
  const row = csv.split('\r\n')[1];
  expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  expect(row).toContain(`'+其他`);
  expect(row.startsWith('0,15件,15,,件,数量,,')).toBe(true);
});
