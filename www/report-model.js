// Pure helpers over an analysis result: section paths, counts, filtering, totals, the labels a
// reader sees (numbers, findings, categories in the interface language) and the export formats
// (CSV, TSV, Markdown). No DOM, no page state: the page, the widget and tests use them, and
// render.js builds on them (never the other way round).

import { translator } from './i18n.js';

/** `1234567.5` → `1,234,567.5` (zh-CN grouping; up to 4 decimals). */
const formatters = new Map();
export function formatNumber(value, lang = 'zh') {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value ?? '');
  const locale = lang === 'en' ? 'en-US' : 'zh-CN';
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })));
  return f.format(value);
}

/** The value as a reader says it: `4,787,761`, `3–5`, with the unit. */
export function formatValue(metric, lang = 'zh') {
  const v = formatNumber(metric.value, lang);
  return metric.valueMax != null ? `${v}–${formatNumber(metric.valueMax, lang)}` : v;
}

/** Titles of the heading `id` and its ancestors, outermost first. */
export function headingPath(result, id) {
  const out = [];
  const seen = new Set();
  const outline = result?.outline ?? [];
  while (id != null && outline[id] && !seen.has(id)) {
    seen.add(id);
    out.unshift(outline[id]);
    id = outline[id].parent;
  }
  return out;
}

/** `marker + title` of a heading, e.g. `(二)依法参与行政复议…`. */
export function headingLabel(h) {
  return h ? `${h.marker ?? ''}${h.title ?? ''}` : '';
}

/**
 * The tooltip content of a metric as [label, value] rows, in `lang`:
 * value with thousands separators (and range), unit, indicator, category, approx, kind, section.
 */
export function describeMetric(metric, result, lang = 'zh') {
  const t = translator(lang);
  const rows = [
    [t('tooltipValue'), formatValue(metric, lang)],
    [t('tooltipUnit'), metric.unit || '—'],
    [t('tooltipIndicator'), metric.indicator || '—'],
    [t('tooltipCategory'), metric.category ? t.label('category', metric.category) : '—'],
  ];
  if (metric.approx) rows.push([t('tooltipApprox'), t.label('approx', metric.approx)]);
  rows.push([t('tooltipKind'), t.label('kind', metric.kind)]);
  const path = headingPath(result, metric.heading);
  if (path.length) {
    const label = headingLabel(path[path.length - 1]);
    rows.push([t('tooltipSection'), label.length > 32 ? `${label.slice(0, 31)}…` : label]);
  }
  return rows;
}


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
 * `count(result)` made once per result object: a result is never changed once made, and the
 * panels ask again at every filter change (a 10 MB report's 68,000 metrics: 15–50 ms a count).
 */
function perResult(count) {
  const cache = new WeakMap();
  return (result) => {
    if (!result) return count(result);
    if (!cache.has(result)) cache.set(result, count(result));
    return cache.get(result);
  };
}

// What a query is matched against, lower-cased, made once per result and kept while it is shown:
// a 10 MB report's 68,000 metrics took 150 ms to lower-case, and a query is typed a key at a time.
const searchable = perResult((result) => {
  const metrics = [];
  const sections = new Map();
  return {
    metric: (i) => {
      if (metrics[i] === undefined) {
        const m = result.metrics[i];
        metrics[i] = `${m.text}\n${m.indicator}\n${m.category}\n${m.unit}`.toLowerCase();
      }
      return metrics[i];
    },
    section: (h) => {
      if (!sections.has(h)) sections.set(h, sectionPath(result, h).toLowerCase());
      return sections.get(h);
    },
  };
});

/**
 * Filter metrics: `{ kind, category, section, query }` (empty = any). `section` is a heading id:
 * metrics in its subtree. `query` matches (case-insensitive) the text as written, indicator,
 * category, unit or section path.
 */
export function filterMetrics(result, { kind = '', category = '', section = '', query = '' } = {}) {
  const q = query.trim().toLowerCase();
  const sectionId = section === '' || section == null ? null : Number(section);
  const search = q && result ? searchable(result) : null;
  return (result?.metrics ?? []).filter((m, i) => {
    if (kind && m.kind !== kind) return false;
    if (category && m.category !== category) return false;
    if (sectionId != null && !underHeading(result, m.heading, sectionId)) return false;
    if (q && !search.metric(i).includes(q) && !search.section(m.heading).includes(q)) return false;
    return true;
  });
}

/**
 * A finding's message in `lang`: English from the core's catalogue (`messageEn`) when the result
 * carries it, else the Chinese `message` (the contract's field).
 */
export function findingMessage(finding, lang = 'zh') {
  return lang === 'en' && finding?.messageEn ? finding.messageEn : finding?.message ?? '';
}

/** A category (领域) in `lang`: in English, the core's name for it (catalogue.js). */
export function categoryName(result, category, lang = 'zh') {
  if (lang !== 'en' || !category) return category ?? '';
  return translator('en').label('category', category);
}

/** Categories present, most figures first. */
export const categories = perResult((result) => {
  const counts = new Map();
  for (const m of result?.metrics ?? []) counts.set(m.category, (counts.get(m.category) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
});

/** How many metrics of each kind: { kind: n }. */
export const kindCounts = perResult((result) => {
  const counts = {};
  for (const m of result?.metrics ?? []) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  return counts;
});

/**
 * Totals by category: [{ category, count, sums: [{indicator, unit, total, n}] }], most figures first.
 * Only figures of one indicator and one unit are added up (counts and money, two or more of them):
 * 80 行政应诉 cases and the 19 in which the head appeared in court are not one total.
 */
export function totalsByCategory(metrics) {
  const by = new Map();
  for (const m of metrics) {
    let e = by.get(m.category);
    if (!e) by.set(m.category, (e = { category: m.category, count: 0, groups: new Map() }));
    e.count++;
    if ((m.kind === 'count' || m.kind === 'money') && m.indicator && Number.isFinite(m.value)) {
      const key = `${m.indicator}\u0000${m.unit}`;
      const g = e.groups.get(key) ?? { indicator: m.indicator, unit: m.unit, total: 0, n: 0 };
      g.total += m.value;
      g.n++;
      e.groups.set(key, g);
    }
  }
  return [...by.values()]
    .map(({ category, count, groups }) => ({
      category, count, sums: [...groups.values()].filter((g) => g.n > 1).sort((a, b) => b.n - a.n || b.total - a.total),
    }))
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
