// Two reports side by side (issue 14): the core's comparison (compareReports, format
// `fazhi-analyzer-compare/1`, docs/result-format.md) as four tables — 概况 (each report's counts,
// density, timeliness), 数字 (figures matched by indicator, unit and area with old, new, change
// and relative change; then figures only in one), 必备部分, 发现 (the findings side by side) —
// drawn in the page and exported as an .xlsx workbook (the register's style) or a CSV.
// Tables have the register's shape, {columns: [{key, header, type}], rows: [[cell…]…]}, so the
// register's exporters serve them. Every cell is a text node.

import { el } from './dom.js';
import { formatNumber } from './report-model.js';

const PART_NAMES = { measures: '主要举措和成效', duty: '第一责任人职责', problems: '存在的不足', plans: '下一年度安排' };
const TIMELINESS = { 'on-time': '按时', late: '逾期', unknown: '未知', 'not-applicable': '不适用' };
const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

const column = (key, header, type = 'text') => ({ key, header, type });

/** The comparison's tables: {summary, figures, parts, findings}. */
export function comparisonTables(comparison, older, newer) {
  const { old: a, new: b } = comparison;
  const side = (label, f) => [label, f(a), f(b)];
  const summary = {
    columns: [column('field', '项目'), column('old', '旧报告'), column('new', '新报告')],
    rows: [
      side('文件', (s) => s.file),
      side('标题', (s) => s.title),
      side('发文单位', (s) => s.issuer),
      side('报告年度', (s) => (s.reportYear == null ? null : String(s.reportYear))),
      side('公开时效', (s) => TIMELINESS[s.timeliness] ?? s.timeliness),
      side('数字', (s) => s.figures),
      side('每千字数字', (s) => s.figuresPer1000Chars),
      side('举措部分含数字的比例', (s) => (s.quantifiedMeasuresShare == null ? null : `${Math.round(s.quantifiedMeasuresShare * 100)}%`)),
      side('错误', (s) => s.errors),
      side('警告', (s) => s.warnings),
      side('提示', (s) => s.infos),
    ],
  };
  summary.columns[1].type = summary.columns[2].type = 'mixed';
  const figures = {
    columns: [
      column('indicator', '指标'), column('unit', '单位'), column('category', '领域'),
      column('oldText', '旧报告原文'), column('old', '旧值', 'number'),
      column('newText', '新报告原文'), column('new', '新值', 'number'),
      column('change', '变化', 'number'), column('relativeChange', '变化率', 'percent'), column('status', '对照'),
    ],
    rows: comparison.figures.map((f) => [
      f.indicator, f.unit, f.category,
      f.old?.text ?? null, f.old?.value ?? null, f.new?.text ?? null, f.new?.value ?? null,
      f.change, f.relativeChange,
      f.old && f.new ? (f.change === 0 ? '相同' : '有变化') : f.new ? '仅新报告' : '仅旧报告',
    ]),
  };
  const parts = {
    columns: [column('part', '必备部分'), column('old', '旧报告', 'bool'), column('new', '新报告', 'bool')],
    rows: comparison.parts.map((p) => [PART_NAMES[p.part] ?? p.part, p.old, p.new]),
  };
  const findingRows = (result, which) => (result?.findings ?? []).map((f) => [which, SEVERITY[f.severity] ?? f.severity, f.code, f.message]);
  const findings = {
    columns: [column('report', '报告'), column('severity', '级别'), column('code', '类别'), column('message', '说明')],
    rows: [...findingRows(older, '旧报告'), ...findingRows(newer, '新报告')],
  };
  return { summary, figures, parts, findings };
}

/** The sheets of the workbook, in order. */
export const COMPARE_SHEETS = [['summary', '概况'], ['figures', '数字'], ['parts', '必备部分'], ['findings', '发现']];

function cellText(v, type) {
  if (v == null) return '—';
  if (type === 'bool') return v ? '✓ 有' : '✗ 缺';
  if (type === 'percent') return `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

// The figures table's last column (对照) → the row's class: what "only what changed" keeps.
const ROW_CLASS = { 有变化: 'changed', 仅新报告: 'changed only-new', 仅旧报告: 'changed only-old' };

/** One table of the comparison as a <table>; `data-col` on each cell, a class for the change's sign. */
function dataTable(table, id) {
  return el('div', { class: 'table-wrap compare-wrap' }, el('table', { class: 'compare', id },
    el('thead', {}, el('tr', {}, ...table.columns.map((c) => el('th', { scope: 'col', 'data-col': c.key, class: c.type === 'number' || c.type === 'percent' ? 'num' : null, text: c.header })))),
    el('tbody', {}, ...table.rows.map((row) => el('tr', { class: ROW_CLASS[row[row.length - 1]] ?? null },
      ...row.map((v, k) => {
        const c = table.columns[k];
        const sign = (c.key === 'change' || c.key === 'relativeChange') && typeof v === 'number' ? (v > 0 ? ' up' : v < 0 ? ' down' : '') : '';
        const text = c.key === 'change' && typeof v === 'number' && v > 0 ? `+${formatNumber(v)}` : cellText(v, c.type);
        return el('td', { 'data-col': c.key, class: `${c.type === 'number' || c.type === 'percent' ? 'num' : ''}${sign}`.trim() || null, text });
      }))))));
}

/** Draw the comparison into `root` (the #compare-view section's body). */
export function renderComparison(root, tables, comparison) {
  const paired = comparison.figures.filter((f) => f.old && f.new);
  const changed = paired.filter((f) => f.change !== 0).length;
  const onlyNew = comparison.figures.filter((f) => !f.old).length;
  const onlyOld = comparison.figures.filter((f) => !f.new).length;
  root.replaceChildren(
    el('div', { class: 'compare-sides' },
      ...[['旧报告', comparison.old], ['新报告', comparison.new]].map(([label, s]) => el('div', { class: 'compare-side' },
        el('span', { class: 'muted', text: label }),
        el('strong', { class: 'compare-file', text: s.file }),
        el('span', { class: 'muted', text: [s.title, s.reportYear ? `${s.reportYear}年度` : null].filter(Boolean).join(' · ') })))),
    el('p', { class: 'compare-counts', id: 'compare-counts', text: `对应的数字 ${paired.length} 项,其中有变化 ${changed} 项;仅新报告 ${onlyNew} 项,仅旧报告 ${onlyOld} 项。` }),
    el('h3', { class: 'sub' }, '数字对照 ', el('label', { class: 'compare-filter' },
      el('input', { type: 'checkbox', id: 'compare-only-changed', onchange: (e) => root.classList.toggle('only-changed', e.target.checked) }), ' 只看有变化的')),
    dataTable(tables.figures, 'compare-figures'),
    el('h3', { class: 'sub', text: '概况' }), dataTable(tables.summary, 'compare-summary'),
    el('h3', { class: 'sub', text: '必备部分' }), dataTable(tables.parts, 'compare-parts'),
    el('h3', { class: 'sub', text: '发现' }),
    el('div', { class: 'compare-findings' }, ...['旧报告', '新报告'].map((which) => {
      const rows = tables.findings.rows.filter((r) => r[0] === which);
      return el('section', { 'data-side': which === '旧报告' ? 'old' : 'new' },
        el('h4', { text: `${which}(${rows.length})` }),
        el('ul', { class: 'findings' }, ...rows.map((r) => el('li', { class: 'finding', 'data-code': r[2] },
          el('span', { class: 'finding-code', text: `${r[1]} · ${r[2]}` }), ' ', el('span', { class: 'finding-message', text: r[3] })))));
    })),
  );
}
