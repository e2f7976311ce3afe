// Pure helpers over an analysis result: section paths, counts, filtering, totals and the
// export formats (CSV, TSV, Markdown). No DOM, no page state: tests and the widget can use them.

import { headingPath, headingLabel, formatValue } from './render.js';
import { translator } from './i18n.js';

/** For each heading id: the number of metrics under it (its own and its descendants'). */
export function figuresPerHeading(result) {
  const outline = result?.outline ?? [];
  const counts = new Array(outline.length).fill(0);
  for (const m of result?.metrics ?? []) {
    const seen = new Set();
    for (let id = m.heading; id != null && outline[id] && !seen.has(id); id = outline[id].parent) {
      seen.add(id);
      counts[id]++;
    }
  }
  return counts;
}

/** `一、… > (二)…` — the section path of a metric (or '' when it stands under no heading). */
export function sectionPath(result, headingId, sep = ' > ') {
  return headingPath(result, headingId).map(headingLabel).join(sep);
}

/** Does heading `id` lie in the subtree of heading `root`? */
export function underHeading(result, id, root) {
  const outline = result?.outline ?? [];
  const seen = new Set();
  for (; id != null && outline[id] && !seen.has(id); id = outline[id].parent) {
    if (id === root) return true;
    seen.add(id);
  }
  return false;
}

/**
 * Filter metrics: `{ kind, category, section, query }` (empty = any). `section` is a heading id:
 * metrics in its subtree. `query` matches (case-insensitive) the text as written, indicator,
 * category, unit or section path.
 */
export function filterMetrics(result, { kind = '', category = '', section = '', query = '' } = {}) {
  const q = query.trim().toLowerCase();
  const sectionId = section === '' || section == null ? null : Number(section);
  const paths = new Map();
  const pathOf = (h) => {
    if (!paths.has(h)) paths.set(h, sectionPath(result, h).toLowerCase());
    return paths.get(h);
  };
  return (result?.metrics ?? []).filter((m) => {
    if (kind && m.kind !== kind) return false;
    if (category && m.category !== category) return false;
    if (sectionId != null && !underHeading(result, m.heading, sectionId)) return false;
    if (q) {
      const hay = `${m.text}\n${m.indicator}\n${m.category}\n${m.unit}`.toLowerCase();
      if (!hay.includes(q) && !pathOf(m.heading).includes(q)) return false;
    }
    return true;
  });
}

/** Categories present, most figures first. */
export function categories(result) {
  const counts = new Map();
  for (const m of result?.metrics ?? []) counts.set(m.category, (counts.get(m.category) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
}

/**
 * Totals by category: [{ category, count, sums: [[unit, total]] }], most figures first.
 * Sums add counts and money by unit; rates and durations are not summed.
 */
export function totalsByCategory(metrics) {
  const by = new Map();
  for (const m of metrics) {
    let e = by.get(m.category);
    if (!e) by.set(m.category, (e = { category: m.category, count: 0, sums: new Map() }));
    e.count++;
    if ((m.kind === 'count' || m.kind === 'money') && Number.isFinite(m.value)) {
      e.sums.set(m.unit, (e.sums.get(m.unit) ?? 0) + m.value);
    }
  }
  return [...by.values()]
    .map((e) => ({ ...e, sums: [...e.sums.entries()].sort((a, b) => b[1] - a[1]) }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'zh'));
}

/** Figures per top-level section: [{ id, label, count }] plus a final "no section" entry when any. */
export function figuresByTopSection(result) {
  const outline = result?.outline ?? [];
  const counts = new Map();
  let none = 0;
  for (const m of result?.metrics ?? []) {
    const path = headingPath(result, m.heading);
    if (!path.length) { none++; continue; }
    counts.set(path[0].id, (counts.get(path[0].id) ?? 0) + 1);
  }
  const out = outline
    .filter((h) => h.parent == null && counts.has(h.id))
    .map((h) => ({ id: h.id, label: headingLabel(h), count: counts.get(h.id) }));
  if (none) out.push({ id: null, label: '—', count: none });
  return out;
}

const CSV_INJECTION = /^[=+@\t\r]|^-(?![0-9.])/;

function csvCell(v) {
  let s = v == null ? '' : String(v);
  if (typeof v === 'string' && CSV_INJECTION.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function metricRow(result, m, t, file) {
  return [
    m.id, m.text, m.value, m.valueMax ?? '', m.unit, t.label('kind', m.kind), m.approx ? t.label('approx', m.approx) : '',
    m.indicator, m.category, sectionPath(result, m.heading), m.start, m.end, file,
  ];
}

function header(t) {
  return t.lang === 'en'
    ? ['id', 'text', 'value', 'valueMax', 'unit', 'kind', 'approx', 'indicator', 'category', 'section', 'start', 'end', 'file']
    : ['序号', '原文', '数值', '上限', '单位', '类型', '约数', '指标', '领域', '章节路径', '起', '止', '文件'];
}

/** CSV for Excel: UTF-8 BOM, CRLF, a header row, then one row per metric with its section path. */
export function metricsCsv(result, metrics = result?.metrics ?? [], lang = 'zh', file = '') {
  const t = translator(lang);
  const rows = [header(t), ...metrics.map((m) => metricRow(result, m, t, file))];
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Tab-separated (pastes into a spreadsheet): header + one line per metric. */
export function metricsTsv(result, metrics = result?.metrics ?? [], lang = 'zh', file = '') {
  const t = translator(lang);
  const clean = (v) => String(v ?? '').replace(/[\t\r\n]+/g, ' ');
  return [header(t), ...metrics.map((m) => metricRow(result, m, t, file))].map((r) => r.map(clean).join('\t')).join('\n') + '\n';
}

/** The outline as Markdown: a title line, then a nested list with figure counts and role badges. */
export function outlineMarkdown(result, lang = 'zh') {
  const t = translator(lang);
  const counts = figuresPerHeading(result);
  const title = result?.meta?.title || t('outlineMdTitle');
  const lines = [`# ${title}`, ''];
  for (const h of result?.outline ?? []) {
    const indent = '  '.repeat(Math.max(0, (h.level ?? 1) - 1));
    const badges = (h.sections?.length ? h.sections : h.role ? [h.role] : []).map((r) => ` [${t.label('role', r)}]`).join('');
    const n = counts[h.id] ? ` (${counts[h.id]} ${t('figures')})` : '';
    lines.push(`${indent}- ${headingLabel(h).replace(/\s+/g, ' ')}${badges}${n}`);
  }
  return lines.join('\n') + '\n';
}

/** The metric's value for display, re-exported for the page. */
export { formatValue };
