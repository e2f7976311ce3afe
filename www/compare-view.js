// Two reports side by side (issue 14): the core's comparison (compareReports, format
// `fazhi-analyzer-compare/1`, docs/result-format.md) as four tables — 概况 (each report's counts,
// density, timeliness), 数字 (figures matched by indicator, unit and area with old, new, change
// and relative change; then figures only in one), 必备部分, 发现 (the findings side by side) —
// drawn in the page and exported as an .xlsx workbook (the register's style) or a CSV.
// Tables have the register's shape, {columns: [{key, header, type}], rows: [[cell…]…]}, so the
// register's exporters serve them. Every cell is a text node.

import { el } from './dom.js';
import { formatNumber, findingMessage } from './report-model.js';
import { LABELS, translator } from './i18n.js';

const PART_NAMES = { measures: '主要举措和成效', duty: '第一责任人职责', problems: '存在的不足', plans: '下一年度安排' };
const TIMELINESS = { 'on-time': '按时', late: '逾期', unknown: '未知', 'not-applicable': '不适用' };
const SEVERITY = { error: '错误', warning: '警告', info: '提示' };
const STATUS = { same: '相同', changed: '有变化', onlyNew: '仅新报告', onlyOld: '仅旧报告' };
const SUMMARY_FIELDS = {
  file: '文件', title: '标题', issuer: '发文单位', reportYear: '报告年度', timeliness: '公开时效', figures: '数字',
  density: '每千字数字', quantified: '举措部分含数字的比例', errors: '错误', warnings: '警告', infos: '提示',
};

const column = (key, header, type = 'text') => ({ key, header, type });

/** The comparison's tables: {summary, figures, parts, findings}. */
export function comparisonTables(comparison, older, newer) {
  const { old: a, new: b } = comparison;
  const side = (key, f) => [SUMMARY_FIELDS[key], f(a), f(b)];
  const summary = {
    columns: [column('field', '项目'), column('old', '旧报告'), column('new', '新报告')],
    rows: [
      side('file', (s) => s.file),
      side('title', (s) => s.title),
      side('issuer', (s) => s.issuer),
      side('reportYear', (s) => (s.reportYear == null ? null : String(s.reportYear))),
      side('timeliness', (s) => TIMELINESS[s.timeliness] ?? s.timeliness),
      side('figures', (s) => s.figures),
      side('density', (s) => s.figuresPer1000Chars),
      side('quantified', (s) => (s.quantifiedMeasuresShare == null ? null : `${Math.round(s.quantifiedMeasuresShare * 100)}%`)),
      side('errors', (s) => s.errors),
      side('warnings', (s) => s.warnings),
      side('infos', (s) => s.infos),
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
      STATUS[f.old && f.new ? (f.change === 0 ? 'same' : 'changed') : f.new ? 'onlyNew' : 'onlyOld'],
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
const ROW_CLASS = { [STATUS.changed]: 'changed', [STATUS.onlyNew]: 'changed only-new', [STATUS.onlyOld]: 'changed only-old' };

const keyOf = (map, zh) => Object.keys(map).find((k) => map[k] === zh);

/**
 * A cell's words in the UI language: the tables keep the export's Chinese, English is put in
 * here — areas and required parts by the core's catalogue (i18n.js label), the rest by key.
 */
function cellWords(name, key, v, row, t) {
  if (t.lang !== 'en' || typeof v !== 'string') return v;
  const en = LABELS.en;
  if (name === 'summary' && key === 'field') return en.compareField[keyOf(SUMMARY_FIELDS, v)] ?? v;
  if (name === 'summary' && row[0] === SUMMARY_FIELDS.timeliness) {
    const k = keyOf(TIMELINESS, v);
    return k ? t.label('timeliness', k) : v;
  }
  if (name === 'figures' && key === 'category') return t.label('category', v);
  if (name === 'figures' && key === 'status') return en.compareStatus[keyOf(STATUS, v)] ?? v;
  if (name === 'parts' && key === 'part') return t.label('roleLong', keyOf(PART_NAMES, v) ?? v);
  return v;
}

/**
 * One table of the comparison as a <table>; `data-col` on each cell, a class for the change's sign.
 * Its scrolling box is a named region in the tab order, so the keyboard can scroll it (English
 * words widen the tables past the page).
 */
function dataTable(table, id, name, t, label) {
  const header = (c) => (t.lang === 'en' ? LABELS.en.compareColumn[name]?.[c.key] ?? c.header : c.header);
  const words = (type, v) => (type === 'bool' && v != null ? (v ? `✓ ${t('present')}` : `✗ ${t('absent')}`) : cellText(v, type));
  return el('div', { class: 'table-wrap compare-wrap', tabindex: '0', role: 'region', 'aria-label': label }, el('table', { class: 'compare', id },
    el('thead', {}, el('tr', {}, ...table.columns.map((c) => el('th', { scope: 'col', 'data-col': c.key, class: c.type === 'number' || c.type === 'percent' ? 'num' : null, text: header(c) })))),
    el('tbody', {}, ...table.rows.map((row) => el('tr', { class: ROW_CLASS[row[row.length - 1]] ?? null },
      ...row.map((v, k) => {
        const c = table.columns[k];
        const sign = (c.key === 'change' || c.key === 'relativeChange') && typeof v === 'number' ? (v > 0 ? ' up' : v < 0 ? ' down' : '') : '';
        const text = c.key === 'change' && typeof v === 'number' && v > 0 ? `+${formatNumber(v)}` : words(c.type, cellWords(name, c.key, v, row, t));
        return el('td', { 'data-col': c.key, class: `${c.type === 'number' || c.type === 'percent' ? 'num' : ''}${sign}`.trim() || null, text });
      }))))));
}

/**
 * Draw the comparison into `root` (the #compare-view section's body) in the language of `t`
 * (i18n.js translator); `results` ({older, newer}) give the findings' English messages.
 */
export function renderComparison(root, tables, comparison, t = translator('zh'), results = {}) {
  const paired = comparison.figures.filter((f) => f.old && f.new);
  const changed = paired.filter((f) => f.change !== 0).length;
  const onlyNew = comparison.figures.filter((f) => !f.old).length;
  const onlyOld = comparison.figures.filter((f) => !f.new).length;
  const en = t.lang === 'en';
  root.replaceChildren(
    el('div', { class: 'compare-sides' },
      ...[[t('oldReport'), comparison.old], [t('newReport'), comparison.new]].map(([label, s]) => el('div', { class: 'compare-side' },
        el('span', { class: 'muted', text: label }),
        el('strong', { class: 'compare-file', text: s.file }),
        el('span', { class: 'muted', text: [s.title, s.reportYear ? t('yearOf', { year: s.reportYear }) : null].filter(Boolean).join(' · ') })))),
    el('p', { class: 'compare-counts', id: 'compare-counts', text: t('compareCounts', { paired: paired.length, changed, onlyNew, onlyOld }) }),
    el('h3', { class: 'sub' }, `${t('compareFigures')} `, el('label', { class: 'compare-filter' },
      el('input', { type: 'checkbox', id: 'compare-only-changed', checked: root.classList.contains('only-changed'), onchange: (e) => root.classList.toggle('only-changed', e.target.checked) }), ` ${t('compareOnlyChanged')}`)),
    dataTable(tables.figures, 'compare-figures', 'figures', t, t('compareFigures')),
    el('h3', { class: 'sub', text: t('compareSummary') }), dataTable(tables.summary, 'compare-summary', 'summary', t, t('compareSummary')),
    el('h3', { class: 'sub', text: t('compareParts') }), dataTable(tables.parts, 'compare-parts', 'parts', t, t('compareParts')),
    el('h3', { class: 'sub', text: t('compareFindings') }),
    el('div', { class: 'compare-findings' }, ...[['old', '旧报告', results.older], ['new', '新报告', results.newer]].map(([side, which, result]) => {
      const rows = tables.findings.rows.filter((r) => r[0] === which);
      // The rows are the side's findings in order, so the k-th row is result.findings[k].
      const message = (r, k) => (en && result?.findings?.[k] ? findingMessage(result.findings[k], 'en') : r[3]);
      return el('section', { 'data-side': side },
        el('h4', { text: `${t(side === 'old' ? 'oldReport' : 'newReport')}(${rows.length})` }),
        el('ul', { class: 'findings' }, ...rows.map((r, k) => el('li', { class: 'finding', 'data-code': r[2] },
          el('span', { class: 'finding-code', text: `${en ? t.label('severity', keyOf(SEVERITY, r[1])) : r[1]} · ${en ? t.label('code', r[2]) : r[2]}` }), ' ', el('span', { class: 'finding-message', text: message(r, k) })))));
    })),
  );
}
