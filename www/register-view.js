// The register (汇总): one row per report of the batch, with the core's columns (docs/register.md,
// computed by registerTables in the workers), charts above it that filter it, sort, filters,
// search, keyboard (↑/↓ between rows, Enter opens) and the exports (.xlsx, three CSVs).
// Every cell is a text node; file names and report text never become markup.

import { el, svg } from './dom.js';
import { LABELS, translator } from './i18n.js';
import { CATALOGUE } from './catalogue.js';

const PARTS = ['measures', 'duty', 'problems', 'plans'];
const SEVS = [['errors', 'error'], ['warnings', 'warning'], ['infos', 'info']];
const TL = ['ontime', 'late', 'unknown', 'na'];
const TL_ZH = { ontime: '按时', late: '逾期', unknown: '未知', na: '不适用' };

/** The timeliness cell → one of TL's keys. */
export function timelinessKey(cell) {
  const s = String(cell ?? '');
  if (s === '按时') return 'ontime';
  if (s.startsWith('逾期')) return 'late';
  if (s === '未知') return 'unknown';
  if (s === '不适用') return 'na';
  return '';
}

/**
 * A register column's header in the UI language: the core's (Chinese) header, or in English the
 * short role name of a required part (the catalogue's full name is its title) or the column's label.
 */
export function columnHeader(c, t) {
  if (t.lang !== 'en') return c.header;
  if (PARTS.includes(c.key)) return t.label('role', c.key);
  return LABELS.en.registerColumn[c.key] ?? c.header;
}

/** A required part's full name (the core's catalogue in English) for a header's or a cell's title. */
function partTitle(c, t) {
  return t.lang === 'en' ? t.label('roleLong', c.key) : c.header;
}

/** A register cell's words in the UI language (timeliness, period); other cells as they are. */
export function cellWords(key, v, t) {
  if (t.lang !== 'en' || v == null) return cellText(v);
  if (key === 'timeliness') {
    const k = timelinessKey(v);
    const days = /(\d+)/.exec(String(v))?.[1];
    if (k === 'late' && days) return `${t.label('timelinessShort', k)} by ${days} day${days === '1' ? '' : 's'}`;
    return k ? t.label('timelinessShort', k) : cellText(v);
  }
  if (key === 'period') {
    const period = Object.entries(LABELS.zh.period).find(([, zh]) => zh === v)?.[0];
    return period ? t.label('period', period) : cellText(v);
  }
  if (key === 'documentKind') {
    const kind = Object.values(CATALOGUE.documentKinds ?? {}).find((k) => k.zh === v);
    return kind ? kind.en : cellText(v);
  }
  return cellText(v);
}

/** Whether an analysed file owes the required parts: only a rule-of-law report does (meta.documentKind). */
export function owesParts(e) {
  return Boolean(e.result) && (e.result.meta?.documentKind ?? 'rule-of-law-report') === 'rule-of-law-report';
}

/** The batch's three tables, concatenated from the per-file tables. */
export function batchTables(entries) {
  const out = {};
  for (const name of ['register', 'findings', 'figures']) {
    const first = entries.find((e) => e.tables)?.tables[name];
    out[name] = { columns: first?.columns ?? [], rows: entries.flatMap((e) => e.tables?.[name].rows ?? []) };
  }
  return out;
}

/** A cell as CSV prints it (as the CLI's Cell::to_text): 是/否, shortest numbers, empty for null. */
export function cellText(v) {
  if (v == null) return '';
  if (v === true) return '是';
  if (v === false) return '否';
  return String(v);
}

/** A table as CSV for Excel: UTF-8 BOM, CRLF, a header row. */
export function tableCsv(table) {
  const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [table.columns.map((c) => q(c.header)), ...table.rows.map((r) => r.map((v) => q(cellText(v))))];
  return '\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** The three tables as an .xlsx Blob (write-excel-file): header frozen, numbers and dates typed. */
export function tablesXlsx(tables) {
  return sheetsXlsx([[tables.register, '汇总'], [tables.findings, '发现'], [tables.figures, '数字']]);
}

/** Tables ([[table, sheet name]…]) as an .xlsx Blob in the register's style: bold frozen header, typed cells. */
export async function sheetsXlsx(sheets) {
  await import('./vendor/write-excel-file.js');
  const write = globalThis.writeXlsxFile;
  const sheet = (table, name) => ({
    sheet: name,
    stickyRowsCount: 1,
    columns: table.columns.map((c) => ({ width: c.type === 'text' ? (['message', 'evidence', 'sentence', 'heading', 'title', 'oldText', 'newText'].includes(c.key) ? 40 : 18) : 12 })),
    data: [
      table.columns.map((c) => ({ value: c.header, fontWeight: 'bold' })),
      ...table.rows.map((r) => r.map((v, i) => {
        if (v == null) return null;
        const type = table.columns[i].type;
        if ((type === 'number' || type === 'mixed') && typeof v === 'number') return { value: v, type: Number };
        if (type === 'percent' && typeof v === 'number') return { value: v, type: Number, format: '0.0%' };
        if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
          const [y, m, d] = v.split('-').map(Number);
          return { value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: 'yyyy-mm-dd' };
        }
        return { value: cellText(v), type: String };
      })),
    ],
  });
  return write(sheets.map(([table, name]) => sheet(table, name))).toBlob();
}

/**
 * The register view inside `root` (the #register-view section). `onOpen(index)` opens a report.
 * `language()` gives the UI's translator (i18n.js). Returns {render(entries), focusRow(index)}.
 */
export function createRegister(root, { onOpen, onSelect = () => {}, language = () => translator('zh') }) {
  // `selected`: up to two analysed rows (batch indexes, in the order chosen) for the comparison.
  const state = { entries: [], sort: { key: null, dir: 1 }, only: { late: false, missing: false, errors: false, notReport: false }, query: '', chart: null, focus: 0, selected: [] };
  const table = root.querySelector('#register-table');
  const charts = root.querySelector('#register-charts');
  const shown = root.querySelector('#register-shown');
  const chip = root.querySelector('#register-chart-filter');

  const columns = () => state.entries.find((e) => e.tables)?.tables.register.columns ?? [];
  const colCache = new Map();
  const col = (key) => {
    if (!colCache.has(key)) {
      const at = columns().findIndex((c) => c.key === key);
      if (at < 0) return -1;
      colCache.set(key, at);
    }
    return colCache.get(key);
  };
  const rowOf = (e) => e.tables?.register.rows[0] ?? [];
  const val = (e, key) => rowOf(e)[col(key)];
  /** Columns in display order: a refusal's reason right after the file name, when there is one. */
  const shownColumns = () => {
    const cols = columns().map((c, k) => ({ ...c, k }));
    if (!state.entries.some((e) => !e.result)) return cols.filter((c) => c.key !== 'error');
    const err = cols.find((c) => c.key === 'error');
    return [cols[0], err, ...cols.slice(1).filter((c) => c !== err)].filter(Boolean);
  };

  function matches(e) {
    const q = state.query.trim().toLowerCase();
    if (q && !`${e.file}\n${val(e, 'issuer') ?? ''}`.toLowerCase().includes(q)) return false;
    const analysed = Boolean(e.result);
    if (state.only.late && timelinessKey(val(e, 'timeliness')) !== 'late') return false;
    if (state.only.missing && !(owesParts(e) && PARTS.some((p) => val(e, p) === false))) return false;
    if (state.only.errors && !((val(e, 'errors') ?? 0) > 0 || !analysed)) return false;
    if (state.only.notReport && !(analysed && !owesParts(e))) return false;
    const c = state.chart;
    if (c?.tl && timelinessKey(val(e, 'timeliness')) !== c.tl) return false;
    if (c?.missing && !(owesParts(e) && val(e, c.missing) === false)) return false;
    if (c?.severity && !((val(e, c.severity) ?? 0) > 0)) return false;
    if (c?.file != null && e.file !== c.file) return false;
    return true;
  }

  function visible() {
    const rows = state.entries.map((e, i) => ({ e, i })).filter(({ e }) => matches(e));
    const { key, dir } = state.sort;
    if (!key) return rows;
    const at = col(key);
    const v = (r) => rowOf(r.e)[at];
    return rows.sort((a, b) => {
      const x = v(a), y = v(b);
      if (x == null && y == null) return a.i - b.i;
      if (x == null) return 1; // empty cells last, whichever the direction
      if (y == null) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
      return dir * c || a.i - b.i;
    });
  }

  function cell(e, c, v, t) {
    const td = el('td', { 'data-col': c.key, class: c.type === 'number' ? 'num' : c.type === 'bool' ? 'part' : null });
    if (c.key === 'file') {
      td.append(el('button', { type: 'button', class: 'cell-link', 'data-open': '', text: e.file }));
      if (e.result && e.encoding && e.encoding !== 'UTF-8') td.append(el('span', { class: 'muted enc', text: ` ${e.encoding}` }));
    } else if (c.type === 'bool' && v != null) {
      const heading = e.result?.review?.requiredParts?.find((p) => p.part === c.key)?.heading;
      // A string is the core's state of a part found but incomplete (缺原因): it links to the heading too.
      // 不适用: a document that owes no required parts (not a rule-of-law report); words as the timeliness cell's.
      const na = v === TL_ZH.na;
      const incomplete = typeof v === 'string' && !na;
      const words = na ? cellWords('timeliness', v, t) : incomplete ? `△ ${t.lang === 'en' ? t.label('code', 'causes-missing') : v}` : v ? `✓ ${t('present')}` : `✗ ${t('absent')}`;
      const cls = na ? 'part-na' : incomplete ? 'part-incomplete' : v ? 'part-yes' : 'part-no';
      if (!na && v !== false && heading != null) td.append(el('button', { type: 'button', class: `cell-link ${cls}`, 'data-open-heading': heading, title: partTitle(c, t), text: words }));
      else td.append(el('span', { class: cls, text: words }));
    } else if (c.key === 'density' && typeof v === 'number') td.textContent = v.toFixed(1);
    else if (c.key === 'quantified' && typeof v === 'number') td.textContent = `${Math.round(v * 100)}%`;
    else if (c.key === 'timeliness') {
      td.className = `tl tl-${timelinessKey(v)}`;
      td.textContent = cellWords(c.key, v, t);
    } else if (c.key === 'error') {
      td.className = v ? 'refused' : '';
      td.textContent = cellText(v);
    } else td.textContent = cellWords(c.key, v, t);
    return td;
  }

  /** Make `parent`'s children `nodes`, moving only those out of place (re-inserting 200 kept rows cost 400 ms over a batch). */
  function reconcile(parent, nodes) {
    const keep = new Set(nodes);
    for (const child of [...parent.children]) if (!keep.has(child)) child.remove();
    let at = parent.firstElementChild;
    for (const node of nodes) {
      if (node === at) at = at.nextElementSibling;
      else parent.insertBefore(node, at);
    }
  }

  // A row is built once and kept while what it shows stays the same (the entry's result and
  // tables, its place, the language, the columns): a batch redraws the register as rows come in,
  // and rebuilding 200 rows each time was most of the page's longest task (≈ 250 ms here).
  const rowCache = new WeakMap();
  function builtRow(e, i, { lang, colKeys }, build) {
    const c = rowCache.get(e);
    if (c && c.result === e.result && c.tables === e.tables && c.i === i && c.lang === lang && c.colKeys === colKeys) return c.tr;
    const tr = build();
    rowCache.set(e, { tr, result: e.result, tables: e.tables, i, lang, colKeys });
    return tr;
  }

  function renderTable() {
    const t = language();
    const cols = shownColumns();
    const rows = visible();
    table.tHead.rows[0].replaceChildren(el('th', { scope: 'col', class: 'select-col' }, el('span', { class: 'visually-hidden', text: t('selectColHint') }), t('selectCol')), ...cols.map((c) => {
      const sorted = state.sort.key === c.key;
      return el('th', { scope: 'col', 'data-col': c.key, title: PARTS.includes(c.key) ? partTitle(c, t) : null, 'aria-sort': sorted ? (state.sort.dir === 1 ? 'ascending' : 'descending') : 'none' },
        el('button', { type: 'button', class: 'sort', 'data-sort': c.key }, columnHeader(c, t),
          el('span', { class: 'sort-mark', 'aria-hidden': 'true', text: sorted ? (state.sort.dir === 1 ? '▲' : '▼') : '' })));
    }));
    const colKeys = cols.map((c) => c.key).join();
    reconcile(table.tBodies[0], rows.map(({ e, i }) => {
      const chosen = state.selected.includes(i);
      const tr = builtRow(e, i, { lang: t.lang, colKeys }, () => el('tr', {
        'data-register-row': i, 'data-file': e.file, class: e.result ? null : 'is-refused',
      }, el('td', { class: 'select-col' }, el('input', {
        type: 'checkbox', 'data-select': i, 'aria-label': t('selectRow', { file: e.file }), disabled: !e.result, tabindex: '-1',
      })), ...cols.map((c) => cell(e, c, rowOf(e)[c.k], t))));
      tr.tabIndex = i === state.focus ? 0 : -1;
      if (e.result) tr.classList.toggle('is-chosen', chosen);
      tr.cells[0].firstChild.checked = chosen;
      return tr;
    }));
    if (!table.tBodies[0].querySelector('tr[tabindex="0"]')) table.tBodies[0].rows[0]?.setAttribute('tabindex', '0');
    shown.textContent = t('registerShown', { n: rows.length, total: state.entries.length });
    chip.hidden = !state.chart;
    chip.querySelector('span').textContent = state.chart ? chipLabel(state.chart, t) : '';
  }

  function chart(title, items, id) {
    const box = el('figure', { class: 'reg-chart', id }, el('figcaption', { text: title }));
    if (!items.length) { box.append(el('p', { class: 'muted', text: '—' })); return box; }
    const rowH = 20, labelW = 120, barW = 160, width = labelW + barW + 40;
    const max = Math.max(1, ...items.map((i) => i.count));
    const s = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${items.length * rowH + 4}`, width: '100%', role: 'group', 'aria-label': title });
    items.forEach((item, k) => {
      const y = k * rowH + 2;
      const g = svg('g', { class: `chart-row is-link${item.cls ? ` ${item.cls}` : ''}`, role: 'button', tabindex: 0, 'data-chart-filter': JSON.stringify(item.filter), 'aria-label': `${item.label} ${item.text ?? item.count}` });
      const full = svg('title');
      full.textContent = `${item.label}: ${item.count}`;
      const label = svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', class: 'chart-label' });
      label.textContent = item.label.length > 10 ? `${item.label.slice(0, 9)}…` : item.label;
      const w = Math.max(2, (item.count / max) * barW);
      const value = svg('text', { x: labelW + w + 4, y: y + 14, class: 'chart-value' });
      value.textContent = ` ${item.text ?? item.count}`; // the space: the visible text reads as the name ("label count")
      g.append(full, svg('rect', { x: 0, y, width, height: rowH, class: 'chart-hit' }), label,
        svg('rect', { x: labelW, y: y + 3, height: rowH - 7, width: w, rx: 2, class: 'chart-bar' }), value);
      s.append(g);
    });
    box.append(s);
    return box;
  }

  const tlLabel = (k, t) => (t.lang === 'en' ? t.label('timelinessShort', k) : TL_ZH[k]);
  const partLabel = (p, t) => {
    const c = columns().find((x) => x.key === p);
    return c ? columnHeader(c, t) : p;
  };
  /** A chart filter's chip, in the UI language (the filter keeps only keys, so it follows a switch). */
  function chipLabel(f, t) {
    if (f.tl) return t('chipTimeliness', { label: tlLabel(f.tl, t) });
    if (f.missing) return t('chipMissing', { label: partLabel(f.missing, t) });
    if (f.severity) return t('chipSeverity', { label: t.label('severity', SEVS.find(([k]) => k === f.severity)[1]) });
    return f.file ?? '';
  }

  function renderCharts() {
    const t = language();
    const es = state.entries;
    const analysed = es.filter((e) => e.result);
    const tl = TL.map((k) => ({ label: tlLabel(k, t), count: es.filter((e) => timelinessKey(val(e, 'timeliness')) === k).length, filter: { tl: k }, cls: `tl-${k}` }))
      .filter((x) => x.count || x.filter.tl !== 'na');
    const missing = PARTS.map((p) => ({ label: partLabel(p, t), count: analysed.filter((e) => owesParts(e) && val(e, p) === false).length, filter: { missing: p } }));
    const sev = SEVS.map(([k, severity]) => ({ label: t.label('severity', severity), count: analysed.reduce((n, e) => n + (val(e, k) ?? 0), 0), filter: { severity: k }, cls: `sev-${k}` }));
    const density = analysed.map((e) => ({ label: e.file.split('/').pop(), count: val(e, 'density') ?? 0, text: (val(e, 'density') ?? 0).toFixed(1), filter: { file: e.file } }))
      .sort((a, b) => b.count - a.count).slice(0, 40);
    charts.replaceChildren(
      chart(t('chartTimeliness'), tl, 'chart-timeliness'),
      chart(t('chartMissing'), missing, 'chart-missing'),
      chart(t('chartSeverity'), sev, 'chart-severity'),
      chart(t('chartDensity'), density, 'chart-density'),
    );
  }

  /** Choose or drop row `index` for the comparison (a third choice drops the first). */
  function toggleSelected(index) {
    if (!state.entries[index]?.result) return;
    const at = state.selected.indexOf(index);
    if (at >= 0) state.selected.splice(at, 1);
    else {
      state.selected.push(index);
      if (state.selected.length > 2) state.selected.shift();
    }
    for (const box of table.querySelectorAll('input[data-select]')) {
      const i = Number(box.dataset.select);
      box.checked = state.selected.includes(i);
      box.closest('tr').classList.toggle('is-chosen', box.checked);
    }
    onSelect([...state.selected]);
  }

  function render(entries) {
    state.entries = entries;
    state.selected = state.selected.filter((i) => entries[i]?.result);
    root.querySelector('#register-empty').hidden = entries.length > 0;
    if (state.focus >= entries.length) state.focus = 0;
    renderCharts();
    renderTable();
  }

  function focusRow(index) {
    const tr = table.querySelector(`tr[data-register-row="${index}"]`) ?? table.tBodies[0].rows[0];
    if (!tr) return;
    for (const r of table.querySelectorAll('tr[tabindex="0"]')) r.tabIndex = -1;
    tr.tabIndex = 0;
    state.focus = Number(tr.dataset.registerRow);
    tr.focus();
  }

  // Wiring.
  table.addEventListener('click', (ev) => {
    const sort = ev.target.closest('button[data-sort]');
    if (sort) {
      const key = sort.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      renderTable();
      table.querySelector(`button[data-sort="${key}"]`)?.focus();
      return;
    }
    const tr = ev.target.closest('tr[data-register-row]');
    if (!tr) return;
    state.focus = Number(tr.dataset.registerRow);
    const box = ev.target.closest('input[data-select]');
    if (box) { toggleSelected(Number(box.dataset.select)); return; }
    const h = ev.target.closest('[data-open-heading]');
    if (h) onOpen(state.focus, { heading: Number(h.dataset.openHeading) });
    else if (ev.target.closest('[data-open]')) onOpen(state.focus, {});
  });
  table.addEventListener('keydown', (ev) => {
    const tr = ev.target.closest('tr[data-register-row]');
    if (!tr) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      const next = ev.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      if (next) focusRow(next.dataset.registerRow);
      ev.preventDefault();
    } else if (ev.key === ' ' && ev.target === tr) {
      // Space chooses the row for the comparison (two rows: 比较所选).
      toggleSelected(Number(tr.dataset.registerRow));
      ev.preventDefault();
    } else if (ev.key === 'Enter' && ev.target === tr) {
      state.focus = Number(tr.dataset.registerRow);
      onOpen(state.focus, {});
      ev.preventDefault();
    }
  });
  const activateChart = (g) => {
    const f = JSON.parse(g.dataset.chartFilter);
    const same = JSON.stringify(state.chart) === JSON.stringify(f);
    state.chart = same ? null : f;
    renderTable();
  };
  charts.addEventListener('click', (ev) => { const g = ev.target.closest('[data-chart-filter]'); if (g) activateChart(g); });
  charts.addEventListener('keydown', (ev) => {
    const g = ev.target.closest?.('[data-chart-filter]');
    if (g && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); activateChart(g); }
  });
  chip.querySelector('button').addEventListener('click', () => { state.chart = null; renderTable(); });
  for (const key of Object.keys(state.only)) {
    root.querySelector(`[data-only="${key}"]`).addEventListener('change', (ev) => { state.only[key] = ev.target.checked; renderTable(); });
  }
  let timer = null;
  root.querySelector('#register-query').addEventListener('input', (ev) => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.query = ev.target.value; renderTable(); }, 120);
  });

  /** Redraw in the UI's language (the page's language toggle). */
  const relabel = () => { renderCharts(); renderTable(); };

  return { render, relabel, focusRow, state, toggleSelected };
}
