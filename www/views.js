// The components the page and the <fazhi-analyzer> widget share: the summary (document heading,
// counts, required parts, charts), the outline tree, the figures table and its totals, the
// findings list, the legend, and the keyboard behaviour of the tree and of the figures in the
// reading view. Each builds DOM from a result and a translator (i18n.js) and nothing else: no
// page globals, no store; the page and the widget call them from their own effects.
// Text from the report only ever enters the DOM as text nodes (dom.js).

import { el, svg } from './dom.js';
import { KINDS } from './i18n.js';
import {
  formatNumber, formatValue, headingLabel, sectionPath, categories, categoryName, findingMessage,
  totalsByCategory, kindCounts,
} from './report-model.js';

export const SEVERITIES = ['error', 'warning', 'info'];
export const PARTS = ['measures', 'duty', 'problems', 'plans'];

export function truncate(s, n) {
  s = String(s ?? '');
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Summary

/** The report's title (nothing when it has none) and a line of issuer · year · publication. */
export function docHeading(result, t) {
  const meta = result?.meta ?? {};
  const bits = [
    meta.issuer,
    meta.reportYear != null ? t('yearOf', { year: meta.reportYear }) : null,
    meta.published ? t('publishedOn', { date: meta.published }) : null,
  ].filter(Boolean);
  if (!meta.title && !bits.length) return null;
  return el('div', { class: 'doc-heading' },
    meta.title ? el('div', { class: 'doc-title', text: meta.title }) : null,
    bits.length ? el('div', { class: 'doc-meta', text: bits.join(' · ') }) : null);
}

const STAT_LABELS = { metrics: 'metricsCount', headings: 'headingsCount', findings: 'findingsCount', chars: 'charsCount', per1000: 'per1000' };

/** Big numbers: `keys` among metrics, headings, findings, chars, per1000; `[data-stat=KEY] .stat-value`. */
export function statsView(result, t, keys = ['metrics', 'headings', 'findings', 'per1000']) {
  const value = {
    metrics: () => result.stats?.metrics ?? result.metrics.length,
    headings: () => result.stats?.headings ?? result.outline.length,
    findings: () => result.stats?.findings ?? result.findings.length,
    chars: () => result.stats?.chars ?? 0,
    per1000: () => Math.round((result.review?.figuresPer1000Chars ?? 0) * 10) / 10,
  };
  return el('div', { class: 'stats', part: 'stats' }, ...keys.map((k) => el('div', { class: 'stat', 'data-stat': k },
    el('b', { class: 'stat-value', text: formatNumber(value[k](), t.lang) }),
    el('span', { class: 'stat-label', text: t(STAT_LABELS[k]) }))));
}

/** A document that is not a 法治政府建设 report (meta.documentKind): a note saying what is not checked, else null. */
export function notAReport(result, t) {
  const kind = result?.meta?.documentKind;
  if (!kind || kind === 'rule-of-law-report') return null;
  return el('p', { class: 'not-a-report', 'data-document-kind': kind, text: t('notAReport', { kind: t.label('documentKind', kind) }) });
}

/** The required parts: ✓/✗, each present one a button to its heading (`[data-goto-heading]`) unless `links` is false. */
export function partsChecklist(result, t, { links = true } = {}) {
  const review = result.review ?? {};
  const parts = review.requiredParts?.length
    ? review.requiredParts
    : PARTS.map((p) => ({ part: p, present: Boolean(result.sections?.[p]), heading: null }));
  return el('ul', { class: 'checklist', part: 'parts', 'aria-label': t('requiredParts') },
    ...parts.map((p) => el('li', { class: p.present ? 'present' : 'absent', 'data-part': p.part, 'data-present': String(p.present) },
      el('span', { class: 'check', 'aria-hidden': 'true', text: p.present ? '✓' : '✗' }),
      el('span', { class: 'visually-hidden', text: p.present ? t('present') : t('absent') }),
      links && p.heading != null
        ? el('button', { type: 'button', class: 'cell-link', 'data-goto-heading': p.heading, text: t.label('roleLong', p.part) })
        : el('span', { text: t.label('roleLong', p.part) }))));
}

/**
 * A horizontal bar chart as inline SVG (text via textContent; sizes via attributes). Rows with a
 * `filter` ({section} or {category}) are buttons (`.chart-row[data-filter]`) the caller handles.
 */
export function barChart(items, id, title, { max: limit = 16 } = {}) {
  items = items.slice(0, limit);
  if (!items.length) return el('p', { class: 'muted', text: '—' });
  const rowH = 22, labelW = 170, barW = 200, width = labelW + barW + 48;
  const max = Math.max(...items.map((i) => i.count));
  const chart = svg('svg', { class: 'chart', id, viewBox: `0 0 ${width} ${items.length * rowH + 4}`, role: 'group', 'aria-label': title, width: '100%' });
  items.forEach((item, i) => {
    const y = i * rowH + 2;
    const row = svg('g', { class: `chart-row${item.filter ? ' is-link' : ''}` });
    if (item.filter) {
      row.setAttribute('role', 'button');
      row.setAttribute('tabindex', '0');
      row.dataset.filter = JSON.stringify(item.filter);
    } else {
      row.setAttribute('role', 'img');
    }
    const shown = truncate(item.label, 13);
    row.setAttribute('aria-label', `${shown} ${item.count}`);
    const full = svg('title');
    full.textContent = `${item.label}: ${item.count}`;
    const hit = svg('rect', { x: 0, y, width, height: rowH, class: 'chart-hit' });
    const label = svg('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', class: 'chart-label' });
    label.textContent = shown;
    const barLength = Math.max(2, (item.count / max) * barW);
    const bar = svg('rect', { x: labelW, y: y + 3, height: rowH - 8, width: barLength, rx: 2, class: 'chart-bar' });
    const value = svg('text', { x: labelW + barLength + 5, y: y + 15, class: 'chart-value' });
    value.textContent = String(item.count);
    row.append(full, hit, label, bar, value);
    chart.append(row);
  });
  return chart;
}

/** Figures per area as a chart (areas in the interface language), rows filter by category. */
export function categoryChart(result, t, options) {
  return barChart(categories(result).map(([c, n]) => ({ label: categoryName(result, c, t.lang), count: n, filter: { category: c } })),
    'chart-categories', t('chartByCategory'), options);
}

// ---------------------------------------------------------------------------------------------
// Legend

/** The kinds of figure (buttons `[data-legend-kind]`, pressed = the table's kind filter) and the underline samples. */
export function legendItems(result, t, { kind = '' } = {}) {
  const counts = kindCounts(result);
  return [
    ...KINDS.map((k) => el('li', { class: `legend-item fz-kind-${k}`, part: 'legend-item' },
      el('button', {
        type: 'button', class: 'legend-btn', 'data-legend-kind': k, disabled: !counts[k],
        'aria-pressed': String(kind === k), title: t('filterKind'),
      },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      `${t.label('kind', k)} `,
      el('span', { class: 'legend-count', text: formatNumber(counts[k] ?? 0, t.lang) })))),
    ...SEVERITIES.map((sev) => el('li', { class: `legend-item legend-finding fz-sev-${sev}` },
      el('span', { class: 'underline-sample', text: t.label('severity', sev) }))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Outline

function roleBadges(h, t) {
  const roles = h.sections?.length ? h.sections : h.role ? [h.role] : [];
  return roles.map((role) => el('span', { class: `badge role-${role}`, 'data-role': role, text: t.label('role', role), title: t.label('roleLong', role) }));
}

/**
 * Fill `tree` (a `ul[role=tree]`) with the outline: `li[role=treeitem][data-heading-id]`, nested
 * groups, role badges and figure counts. At most `limit` headings, then a "show all" button
 * (`onShowAll`). The first item is the tree's one tab stop.
 */
export function fillOutline(tree, result, t, { perHeading = [], limit = Infinity, onShowAll } = {}) {
  const outline = result?.outline ?? [];
  if (!outline.length) { tree.replaceChildren(); return; }
  const children = new Map();
  const shown = outline.slice(0, limit);
  for (const h of shown) {
    const p = h.parent != null && h.parent < shown.length ? h.parent : -1;
    if (!children.has(p)) children.set(p, []);
    children.get(p).push(h);
  }
  const build = (h, setSize, pos) => {
    const kids = children.get(h.id) ?? [];
    const count = perHeading[h.id] ?? 0;
    const li = el('li', {
      role: 'treeitem', 'data-heading-id': h.id, 'aria-level': h.level ?? 1, 'aria-setsize': setSize, 'aria-posinset': pos,
      'aria-expanded': kids.length ? 'true' : null, tabindex: '-1', class: `tree-item style-${h.style}`, part: 'heading',
    });
    li.append(el('div', { class: 'tree-row' },
      kids.length ? el('span', { class: 'twisty', 'aria-hidden': 'true' }) : el('span', { class: 'twisty-space', 'aria-hidden': 'true' }),
      el('span', { class: 'tree-label' }, el('span', { class: 'marker', text: h.marker }), el('span', { class: 'title', text: h.title || t('noTitle') })),
      ...roleBadges(h, t),
      count ? el('span', { class: 'fig-count', title: t('figuresIn', { n: count }), text: formatNumber(count, t.lang) }) : null));
    if (kids.length) li.append(el('ul', { role: 'group' }, ...kids.map((k, i) => build(k, kids.length, i + 1))));
    return li;
  };
  const roots = children.get(-1) ?? [];
  tree.replaceChildren(...roots.map((h, i) => build(h, roots.length, i + 1)));
  if (outline.length > shown.length) {
    tree.append(el('li', { role: 'none', class: 'tree-more' },
      el('button', { type: 'button', class: 'btn btn-small', text: t('showAll', { n: formatNumber(outline.length, t.lang) }), onclick: onShowAll })));
  }
  const first = tree.querySelector('[role=treeitem]');
  if (first) first.tabIndex = 0;
}

/** Mark heading `id` as the current one (`aria-current`) in `tree`; returns its item. */
export function markCurrentHeading(tree, id) {
  for (const e of tree.querySelectorAll('.is-current')) { e.classList.remove('is-current'); e.removeAttribute('aria-current'); }
  if (id == null) return null;
  const item = tree.querySelector(`[data-heading-id="${id}"]`);
  item?.classList.add('is-current');
  item?.setAttribute('aria-current', 'location');
  return item;
}

/** The tree's mouse and keyboard (ARIA tree pattern); `onActivate(headingId)` goes to the heading. */
export function treeBehaviour(tree, onActivate) {
  const visible = () => [...tree.querySelectorAll('[role=treeitem]')].filter((li) => !li.parentElement.closest('[aria-expanded=false]'));
  const focusItem = (li) => {
    if (!li) return;
    for (const e of tree.querySelectorAll('[role=treeitem][tabindex="0"]')) e.tabIndex = -1;
    li.tabIndex = 0;
    li.focus();
  };
  tree.addEventListener('click', (e) => {
    const li = e.target.closest('[role=treeitem]');
    if (!li) return;
    if (e.target.closest('.twisty')) {
      li.setAttribute('aria-expanded', li.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
      return;
    }
    focusItem(li);
    onActivate(Number(li.dataset.headingId));
  });
  tree.addEventListener('keydown', (event) => {
    const li = event.target.closest('[role=treeitem]');
    if (!li) return;
    const items = visible();
    const i = items.indexOf(li);
    const expanded = li.getAttribute('aria-expanded');
    switch (event.key) {
      case 'ArrowDown': focusItem(items[i + 1]); break;
      case 'ArrowUp': focusItem(items[i - 1]); break;
      case 'Home': focusItem(items[0]); break;
      case 'End': focusItem(items[items.length - 1]); break;
      case 'ArrowRight':
        if (expanded === 'false') li.setAttribute('aria-expanded', 'true');
        else if (expanded === 'true') focusItem(li.querySelector('[role=treeitem]'));
        break;
      case 'ArrowLeft':
        if (expanded === 'true') li.setAttribute('aria-expanded', 'false');
        else focusItem(li.parentElement.closest('[role=treeitem]'));
        break;
      case 'Enter': case ' ': onActivate(Number(li.dataset.headingId)); break;
      default: return;
    }
    event.preventDefault();
  });
}

// ---------------------------------------------------------------------------------------------
// Figures table

const COLUMNS = {
  id: { label: '#', cls: 'num' },
  text: { label: 'colText' },
  value: { label: 'colValue', cls: 'num' },
  unit: { label: 'colUnit' },
  indicator: { label: 'colIndicator' },
  category: { label: 'colCategory' },
  section: { label: 'colSection' },
};
export const TABLE_COLUMNS = Object.keys(COLUMNS);

/**
 * Fill `table` (with a thead row and a tbody) with `rows` (metrics): `tr[data-metric-row]`, the
 * text as a button `[data-goto-metric]`. `sort` ({key, dir}) marks the sorted column; with
 * `sortable` the headers are buttons `[data-sort]`.
 */
export function fillFiguresTable(table, result, rows, t, { columns = TABLE_COLUMNS, sort = null, sortable = false, selected = null } = {}) {
  const headRow = table.tHead.rows[0];
  headRow.replaceChildren(...columns.map((key) => {
    const c = COLUMNS[key];
    const label = c.label === '#' ? '#' : t(c.label);
    const sorted = sort?.key === key;
    const th = el('th', { scope: 'col', class: c.cls, 'aria-sort': sortable ? (sorted ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none') : null });
    if (!sortable) th.textContent = label;
    else th.append(el('button', { type: 'button', class: 'sort', 'data-sort': key }, label,
      el('span', { class: 'sort-mark', 'aria-hidden': 'true', text: sorted ? (sort.dir === 1 ? '▲' : '▼') : '' })));
    return th;
  }));
  const paths = new Map();
  const path = (h) => {
    if (!paths.has(h)) paths.set(h, sectionPath(result, h, ' › '));
    return paths.get(h);
  };
  const cell = {
    id: (m) => el('td', { class: 'num muted', text: m.id }),
    text: (m) => el('td', {}, el('button', { type: 'button', class: 'cell-link', 'data-goto-metric': m.id }, el('span', { class: 'chip', text: m.text }))),
    value: (m) => el('td', { class: 'num', text: `${m.approx ? '≈' : ''}${formatValue(m, t.lang)}` }),
    unit: (m) => el('td', { text: m.unit }),
    indicator: (m) => el('td', { text: m.indicator }),
    category: (m) => el('td', { text: categoryName(result, m.category, t.lang) }),
    section: (m) => el('td', { class: 'section-cell', title: path(m.heading), text: headingLabel(result.outline[m.heading]) }),
  };
  table.tBodies[0].replaceChildren(...rows.map((m) => el('tr', {
    'data-metric-row': m.id, 'data-kind': m.kind, class: `fz-kind-${m.kind}${selected === m.id ? ' is-selected' : ''}`,
    'aria-selected': selected === m.id ? 'true' : 'false',
  }, ...columns.map((key) => cell[key](m)))));
}

/** Totals by area: the count of figures, and sums only of figures with one indicator and unit. */
export function fillTotals(table, result, rows, t) {
  const totals = totalsByCategory(rows);
  table.tHead.replaceChildren(totals.length ? el('tr', {},
    el('th', { scope: 'col', text: t('colCategory') }), el('th', { scope: 'col', class: 'num', text: t('totalsCount') }),
    el('th', { scope: 'col', text: t('totalsSums') })) : '');
  table.tBodies[0].replaceChildren(...totals.map((e) => el('tr', { 'data-category': e.category },
    el('th', { scope: 'row', text: categoryName(result, e.category, t.lang) }),
    el('td', { class: 'num', text: formatNumber(e.count, t.lang) }),
    el('td', { class: 'sums' }, ...(e.sums.length
      ? e.sums.slice(0, 6).map((g) => el('span', { class: 'sum', text: t('totalsOf', { indicator: g.indicator, total: formatNumber(g.total, t.lang), unit: g.unit, n: g.n }) }))
      : ['—'])))));
}

// ---------------------------------------------------------------------------------------------
// Findings

/**
 * Findings grouped by severity: `li[data-finding-id]`, a button `[data-goto-finding]` when it has
 * evidence in `text`; the message in the interface language; a cross-report finding's sources as
 * buttons `[data-open-source]` (file name), folded when there are many.
 */
export function findingsView(result, text, t, { sourceList = true } = {}) {
  const findings = result?.findings ?? [];
  if (!findings.length) return [el('p', { class: 'muted ok', text: `✓ ${t('noFindings')}` })];
  return SEVERITIES.filter((sev) => findings.some((f) => f.severity === sev)).map((sev) => {
    const group = findings.filter((f) => f.severity === sev);
    return el('section', { class: `finding-group fz-sev-${sev}`, 'aria-label': t.label('severity', sev) },
      el('h3', { class: 'sub' }, el('span', { class: `sev-dot sev-${sev}`, 'aria-hidden': 'true' }), `${t.label('severity', sev)} `,
        el('span', { class: 'count', text: group.length })),
      el('ul', { class: 'findings', part: 'findings' }, ...group.map((f) => {
        const located = f.start != null && f.end != null;
        const body = [
          el('span', { class: 'finding-code', text: t.label('code', f.code) }),
          el('span', { class: 'finding-message', text: findingMessage(f, t.lang) }),
          located
            ? el('span', { class: 'finding-evidence', text: evidence(f, text) })
            : el('span', { class: 'finding-evidence muted', text: t('wholeDocument') }),
        ];
        return el('li', { 'data-finding-id': f.id, 'data-code': f.code, class: `finding sev-${sev}`, part: 'finding' },
          located
            ? el('button', { type: 'button', class: 'finding-btn', 'data-goto-finding': f.id }, ...body)
            : el('div', { class: 'finding-btn is-static' }, ...body),
          sourceList && f.sources?.length ? sourcesView(f, t) : null);
      })));
  });
}

/** “the evidence”, and before it the statements the finding relates it to (“15件” … “17件”). */
function evidence(f, text) {
  const quote = (s, e) => `“${truncate(text.slice(s, e).replace(/\s+/g, ' '), 36)}”`;
  return [...(f.related ?? []).map((r) => quote(r.start, r.end)), quote(f.start, f.end)].join(' … ');
}

/** The other reports a passage stands in: one line each; more than three are folded. */
function sourcesView(finding, t) {
  const first = new Map();
  for (const s of finding.sources) if (!first.has(s.file)) first.set(s.file, s);
  const files = [...first.keys()];
  const items = el('ul', { class: 'sources' }, ...[...first.values()].map((s) => el('li', {},
    el('button', {
      type: 'button', class: 'cell-link source-link', 'data-open-source': s.file, 'data-source-start': s.start, 'data-source-end': s.end,
      title: t('openSource'), text: s.file,
    }))));
  if (files.length <= 3) return items;
  return el('details', { class: 'sources-fold' }, el('summary', { text: `${t('sources')} · ${t('sharedBy', { n: files.length + 1 })}` }), items);
}

// ---------------------------------------------------------------------------------------------
// The reading view's figures: one tab stop, arrows between them

/**
 * The figures (`mark[data-metric-id]`) in `container` become one tab stop: the first (or the
 * last one focused) has tabindex 0, the others -1; ←/→ (and ↑/↓) move to the previous or next
 * figure, Home/End to the first or last. Call `reset()` after the container's content changed.
 */
export function rovingFigures(container) {
  const marks = () => container.querySelectorAll('mark[data-metric-id]');
  const moveTo = (from, to) => {
    if (!to) return;
    if (from) from.tabIndex = -1;
    to.tabIndex = 0;
    to.focus();
  };
  container.addEventListener('keydown', (e) => {
    const mark = e.target.closest?.('mark[data-metric-id]');
    if (!mark || e.altKey || e.ctrlKey || e.metaKey) return;
    const all = marks();
    let to = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') to = nextMark(all, mark, 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') to = nextMark(all, mark, -1);
    else if (e.key === 'Home') to = all[0];
    else if (e.key === 'End') to = all[all.length - 1];
    else return;
    e.preventDefault();
    moveTo(mark, to);
  });
  container.addEventListener('focusin', (e) => {
    const mark = e.target.closest?.('mark[data-metric-id]');
    if (!mark || mark.tabIndex === 0) return;
    for (const m of container.querySelectorAll('mark[data-metric-id][tabindex="0"]')) m.tabIndex = -1;
    mark.tabIndex = 0;
  });
  return {
    reset() {
      const first = container.querySelector('mark[data-metric-id]');
      if (first) first.tabIndex = 0;
    },
  };
}

/** The mark `step` places from `mark` in document order (the static NodeList `all`). */
function nextMark(all, mark, step) {
  const list = [...all];
  return list[list.indexOf(mark) + step] ?? null;
}

/** A short highlight of `node` (class `flash`, removed after a moment). */
export function flash(node, ms = 1600) {
  node.classList.remove('flash');
  void node.offsetWidth;
  node.classList.add('flash');
  setTimeout(() => node.classList.remove('flash'), ms);
}
