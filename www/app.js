// The page: input (paste, files, samples), the reading view, outline, figure table, findings,
// summary, exports, the local draft. Analysis goes through ./analyzer-client.js (a worker);
// rendering of the text through ./render.js. User text only ever becomes text nodes.

import { analyze } from './analyzer-client.js';
import { renderReportInto, describeMetric, formatNumber, formatValue, headingLabel } from './render.js';
import {
  figuresPerHeading, sectionPath, filterMetrics, categories, totalsByCategory, figuresByTopSection,
  metricsCsv, metricsTsv, outlineMarkdown,
} from './report-model.js';
import { readFileText } from './import-file.js';
import { translator, KINDS } from './i18n.js';
import { saveDraft as storeDraft, loadDraft, clearDraft as forgetDraft } from './draft-store.js';
import { initBatch } from './batch.js';
import { el, svg } from './dom.js';
import { droppedFiles, pickedFiles, isBatch } from './batch-files.js';

const MAX_INPUT_BYTES = 48 * 1024 * 1024; // the core's limit (src/input.rs)
// Texts above this many characters are not put into the editor: a textarea holding 10 MB
// takes seconds to lay out. They are shown in the reading view only.
const LARGE_TEXT = 1_000_000;
const LANG_KEY = 'fazhi-analyzer.lang';
const TABLE_PAGE = 300;
const OUTLINE_PAGE = 1500;

const $ = (id) => document.getElementById(id);
const state = {
  lang: 'zh',
  t: translator('zh'),
  mode: 'edit', // 'edit' | 'read'
  text: '', // the text being analysed (the editor's, unless it is a large text)
  large: false, // the text is too large for the editor
  result: null, // the last result …
  resultText: '', // … and the text it describes
  filters: { kind: '', category: '', section: '', query: '' },
  sort: { key: 'id', dir: 1 },
  tableLimit: TABLE_PAGE,
  outlineLimit: OUTLINE_PAGE,
  selected: null, // selected metric id
  anchors: [], // heading anchor elements in document order
  currentHeading: null,
  perHeading: [],
  file: null, // the batch file shown in the single-report view (null: pasted or opened alone)
};

const phone = window.matchMedia('(max-width: 760px)');

// ---------------------------------------------------------------------------------------------
// Language

function applyLanguage() {
  const { t } = state;
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
  for (const e of document.querySelectorAll('[data-i18n-aria-label]')) e.setAttribute('aria-label', t(e.dataset.i18nAriaLabel));
  $('lang-btn').lang = state.lang === 'en' ? 'zh-CN' : 'en';
  if (state.large) $('source').placeholder = t('largeText', { size: sizeLabel(state.text.length) });
  document.title = t('appTitle');
}

function setLanguage(lang) {
  state.lang = lang === 'en' ? 'en' : 'zh';
  state.t = translator(state.lang);
  try { localStorage.setItem(LANG_KEY, state.lang); } catch { /* private mode */ }
  applyLanguage();
  renderPanels();
  refreshStatus();
}

// ---------------------------------------------------------------------------------------------
// Status

let status = { kind: 'idle', key: 'statusIdle', vars: {}, detail: '' };
let busyTimer = null;

function setStatus(kind, key, vars = {}, detail = '') {
  status = { kind, key, vars, detail };
  document.body.dataset.analysis = kind;
  refreshStatus();
}

function refreshStatus() {
  const { t } = state;
  const box = $('status');
  box.dataset.kind = status.kind;
  let text = status.key ? t(status.key, status.vars) : '';
  if (status.detail) text += (text ? ' — ' : '') + status.detail;
  if (status.kind === 'busy' && status.vars.started) {
    text += ` · ${status.vars.size} · ${((performance.now() - status.vars.started) / 1000).toFixed(1)} s`;
  }
  $('status-text').textContent = text;
  $('progress').hidden = status.kind !== 'busy';
}

/** A text's size for the status line: characters for short texts, MB (UTF-8, about 3 bytes a Chinese character) beyond. */
function sizeLabel(chars) {
  if (chars < 10000) return `${formatNumber(chars, state.lang)} ${state.lang === 'en' ? 'chars' : '字'}`;
  return `≈${((chars * 3) / 1048576).toFixed(1)} MB`;
}

let toastTimer = null;
function toast(message) {
  const box = $('toast');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 2600);
}

// ---------------------------------------------------------------------------------------------
// Input, draft, analysis

let analyseTimer = null;
let draftTimer = null;

function setText(text, { switchToRead = false, save = true } = {}) {
  state.text = text;
  if (save) showFile(null);
  state.large = text.length > LARGE_TEXT;
  const area = $('source');
  area.readOnly = state.large;
  if (state.large) {
    area.value = '';
    area.placeholder = state.t('largeText', { size: sizeLabel(text.length) });
  } else {
    area.placeholder = state.t('placeholder');
    if (area.value !== text) area.value = text;
  }
  if (save) scheduleDraft();
  scheduleAnalysis(0, switchToRead);
}

function scheduleDraft() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDraft, 400);
}

async function saveDraft() {
  const ok = await storeDraft(state.text);
  if (!ok) toast(state.t('statusDraftTooLarge'));
}

// A paste or an opened file switches to the reading view once analysed; typing does not.
let switchPending = false;
function scheduleAnalysis(delay, switchToRead = false) {
  clearTimeout(analyseTimer);
  switchPending ||= switchToRead;
  analyseTimer = setTimeout(() => {
    const sw = switchPending;
    switchPending = false;
    runAnalysis(sw);
  }, delay);
}

let runSeq = 0;
async function runAnalysis(switchToRead) {
  const text = state.text;
  const run = ++runSeq;
  clearInterval(busyTimer);
  if (!text) {
    state.result = null;
    state.resultText = '';
    setStatus('idle', 'statusIdle');
    setMode('edit');
    renderAll();
    return;
  }
  if (text.length > MAX_INPUT_BYTES) {
    setStatus('error', 'statusTooLarge', { size: `${(text.length / 1048576).toFixed(1)} M`, max: '48 MiB' });
    return;
  }
  setStatus('busy', 'statusBusy', { started: performance.now(), size: sizeLabel(text.length) });
  busyTimer = setInterval(refreshStatus, 200);
  let result;
  try {
    result = await analyze(text);
  } catch (err) {
    if (run !== runSeq || err?.name === 'AbortError') return;
    clearInterval(busyTimer);
    setStatus('error', 'statusError', {}, coreMessage(err));
    return;
  }
  if (run !== runSeq) return;
  state.result = result;
  state.resultText = text;
  if (switchToRead) setMode('read');
  const started = performance.now();
  setStatus('busy', 'statusRendering', { started, size: sizeLabel(text.length) });
  if (!(await renderAll())) return;
  if (run !== runSeq) return;
  clearInterval(busyTimer);
  document.body.dataset.rendered = String(performance.now() - started | 0);
  setStatus('done', 'statusDone', {}, `${formatNumber(result.stats.metrics, state.lang)} ${state.t('figures')}`);
}

/** The core's messages read "中文 (English)": show the half that matches the UI language. */
function coreMessage(err) {
  const msg = String(err?.message ?? err);
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(msg);
  if (!m) return msg;
  return state.lang === 'en' ? m[2] : m[1];
}

/** A large paste bypasses the editor (see LARGE_TEXT). */
function onSourcePaste(event) {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (text.length <= LARGE_TEXT) return;
  event.preventDefault();
  setText(text, { switchToRead: true });
}

function onSourceInput(event) {
  showFile(null);
  const before = state.text.length;
  state.text = event.target.value;
  scheduleDraft();
  const big = Math.abs(state.text.length - before) > 400 || event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
  const delay = big ? 0 : Math.min(1500, 250 + state.text.length / 4000);
  scheduleAnalysis(delay, big);
}

async function openFile(file) {
  if (!file) return;
  showView('report');
  const { t } = state;
  if (!/\.(txt|text|docx|html?|xhtml)$/i.test(file.name) && file.type && !/^text\//.test(file.type)) {
    setStatus('error', null, {}, t('fileUnsupported', { name: file.name }));
    return;
  }
  if (file.size > MAX_INPUT_BYTES * 2) {
    setStatus('error', 'statusTooLarge', { size: `${(file.size / 1048576).toFixed(1)} MB`, max: '48 MiB' });
    return;
  }
  setStatus('busy', 'statusReading');
  try {
    const { text, encoding } = await readFileText(file);
    // As a paste would give it: the editor holds \n line ends, and offsets refer to what it holds.
    setText(text.replace(/\r\n?/g, '\n'), { switchToRead: true });
    showFile(file.name);
    toast(t('fileLoaded', { name: file.name, encoding }));
  } catch (err) {
    setStatus('error', null, {}, t('fileFailed', { name: file.name, reason: err?.message ?? err }));
  }
}

async function loadSample(path) {
  $('sample-menu').open = false;
  showView('report');
  setStatus('busy', 'statusReading');
  try {
    const res = await fetch(new URL(path, import.meta.url));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    setText(await res.text(), { switchToRead: true });
  } catch (err) {
    setStatus('error', null, {}, String(err?.message ?? err));
  }
}

function clearDraft() {
  if (state.text && !window.confirm(state.t('clearConfirm'))) return;
  forgetDraft();
  state.filters = { kind: '', category: '', section: '', query: '' };
  setText('', { save: false });
  $('source').focus();
}

// ---------------------------------------------------------------------------------------------
// Batch: several files, a folder or a .zip become the register (www/batch.js); one file alone
// opens in the single-report view as before.

function openFiles(files) {
  if (!files.length) return;
  if (isBatch(files)) batch.open(files);
  else openFile(files[0].file);
}

/** The file name in the header (a batch file shown in the single-report view), or none. */
function showFile(name) {
  state.file = name;
  $('current-file').hidden = !name;
  $('current-file').textContent = name ?? '';
  $('back-register').hidden = !name || !batch?.hasBatch();
}

/** 'register' (the batch) or 'report' (the single-report view). */
function showView(view) {
  if (view === 'register') batch.show();
  else {
    document.body.dataset.view = 'report';
    $('register-view').hidden = true;
  }
}

/** A register row: its report in the single-report view, the file name in the header. */
async function openReport(entry, { heading } = {}) {
  showView('report');
  clearTimeout(analyseTimer);
  runSeq++;
  state.text = entry.text;
  state.large = entry.text.length > LARGE_TEXT;
  const area = $('source');
  area.readOnly = state.large;
  area.value = state.large ? '' : entry.text;
  state.result = entry.result;
  state.resultText = entry.text;
  showFile(entry.file);
  setMode('read');
  window.scrollTo(0, 0);
  $('doc-pane').scrollTop = 0;
  await renderAll();
  setStatus('done', 'statusDone', {}, `${formatNumber(entry.result.stats.metrics, state.lang)} ${state.t('figures')}`);
  if (heading != null) goToHeading(heading);
  $('back-register').focus();
}

const batch = initBatch({
  openReport,
  toast,
  download: (name, blob) => download(name, blob, blob.type),
});

// ---------------------------------------------------------------------------------------------
// Mode (edit / read)

function setMode(mode) {
  const hasText = Boolean(state.resultText);
  if (phone.matches && hasText) mode = 'read';
  if (!hasText && !phone.matches) mode = 'edit';
  state.mode = mode;
  document.body.dataset.mode = mode;
  $('mode-edit').setAttribute('aria-pressed', String(mode === 'edit'));
  $('mode-read').setAttribute('aria-pressed', String(mode === 'read'));
  $('mode-read').disabled = !hasText;
  $('reading').hidden = mode !== 'read' || !hasText;
  $('editor').hidden = mode !== 'edit';
  $('empty').hidden = hasText || Boolean(state.text);
}

// ---------------------------------------------------------------------------------------------
// Rendering

let renderAbort = null;

/** Render everything for the current result; resolves false when a newer render took over. */
async function renderAll() {
  const r = state.result;
  state.perHeading = r ? figuresPerHeading(r) : [];
  state.selected = null;
  state.tableLimit = TABLE_PAGE;
  state.outlineLimit = OUTLINE_PAGE;
  // Filters that no longer apply (another text) are dropped.
  if (r) {
    const f = state.filters;
    if (f.category && !r.metrics.some((m) => m.category === f.category)) f.category = '';
    if (f.section !== '' && !r.outline[Number(f.section)]) f.section = '';
  }
  const t0 = performance.now();
  renderPanels();
  setMode(state.mode);
  document.body.dataset.panelsMs = String(performance.now() - t0 | 0);
  return renderReading();
}

async function renderReading() {
  const box = $('reading');
  hideTooltip();
  renderAbort?.abort();
  state.anchors = [];
  if (!state.result) {
    box.replaceChildren();
    return true;
  }
  const abort = (renderAbort = new AbortController());
  const done = await renderReportInto(box, state.resultText, state.result, { signal: abort.signal });
  if (!done) return false;
  // Underlined evidence tells its finding on hover (the findings panel lists them for keyboards).
  const findings = state.result.findings ?? [];
  for (const piece of box.querySelectorAll('[data-finding-ref]')) {
    const f = findings[Number(piece.dataset.findingRef)];
    if (f) piece.title = `${state.t.label('severity', f.severity)} · ${state.t.label('code', f.code)}:${f.message}`;
  }
  state.anchors = [...box.querySelectorAll('[data-heading-anchor]')];
  state.currentHeading = null;
  requestAnimationFrame(trackCurrentSection);
  return true;
}

/** Everything that depends on the language as well as on the result. */
function renderPanels() {
  const tabs = document.querySelector('.tabs');
  if (tabs) document.documentElement.style.setProperty('--tabs-h', `${tabs.offsetHeight}px`);
  renderLegend();
  renderOutline();
  renderFilters();
  renderTable();
  renderFindings();
  renderSummary();
  renderCounts();
  renderPrintHeader();
}

function renderLegend() {
  const { t } = state;
  const r = state.result;
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const m of r?.metrics ?? []) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  $('legend').replaceChildren(
    ...KINDS.map((k) => el('li', { class: `legend-item fz-kind-${k}` },
      el('button', {
        type: 'button', class: 'legend-btn', 'data-legend-kind': k, disabled: !counts[k],
        'aria-pressed': String(state.filters.kind === k), title: t('filterKind'),
      },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      `${t.label('kind', k)} `,
      el('span', { class: 'legend-count', text: formatNumber(counts[k], state.lang) })))),
    el('li', { class: 'legend-item legend-finding fz-sev-error' }, el('span', { class: 'underline-sample', text: t.label('severity', 'error') })),
    el('li', { class: 'legend-item legend-finding fz-sev-warning' }, el('span', { class: 'underline-sample', text: t.label('severity', 'warning') })),
    el('li', { class: 'legend-item legend-finding fz-sev-info' }, el('span', { class: 'underline-sample', text: t.label('severity', 'info') })),
  );
}

function roleBadges(h) {
  const roles = h.sections?.length ? h.sections : h.role ? [h.role] : [];
  return roles.map((role) => el('span', { class: `badge role-${role}`, text: state.t.label('role', role), title: state.t.label('roleLong', role) }));
}

function renderOutline() {
  const { t } = state;
  const r = state.result;
  const tree = $('outline');
  const outline = r?.outline ?? [];
  $('outline-empty').hidden = !r || outline.length > 0;
  if (!outline.length) { tree.replaceChildren(); return; }
  const children = new Map();
  const shown = outline.slice(0, state.outlineLimit);
  for (const h of shown) {
    const p = h.parent != null && h.parent < shown.length ? h.parent : -1;
    if (!children.has(p)) children.set(p, []);
    children.get(p).push(h);
  }
  const build = (h, setSize, pos) => {
    const kids = children.get(h.id) ?? [];
    const count = state.perHeading[h.id] ?? 0;
    const li = el('li', {
      role: 'treeitem', 'data-heading-id': h.id, 'aria-level': h.level ?? 1, 'aria-setsize': setSize, 'aria-posinset': pos,
      'aria-expanded': kids.length ? 'true' : null, tabindex: '-1', class: `tree-item style-${h.style}`,
    });
    const row = el('div', { class: 'tree-row' },
      kids.length ? el('span', { class: 'twisty', 'aria-hidden': 'true' }) : el('span', { class: 'twisty-space', 'aria-hidden': 'true' }),
      el('span', { class: 'tree-label' }, el('span', { class: 'marker', text: h.marker }), el('span', { class: 'title', text: h.title || t('noTitle') })),
      ...roleBadges(h),
      count ? el('span', { class: 'fig-count', title: `${count} ${t('figures')}`, text: formatNumber(count, state.lang) }) : null,
    );
    li.append(row);
    if (kids.length) {
      li.append(el('ul', { role: 'group' }, ...kids.map((k, i) => build(k, kids.length, i + 1))));
    }
    return li;
  };
  const roots = children.get(-1) ?? [];
  const items = roots.map((h, i) => build(h, roots.length, i + 1));
  tree.replaceChildren(...items);
  $('outline-tools').hidden = !outline.some((h) => h.parent != null);
  if (outline.length > shown.length) {
    tree.append(el('li', { role: 'none', class: 'tree-more' },
      el('button', { type: 'button', class: 'btn btn-small', text: t('showAll', { n: formatNumber(outline.length, state.lang) }),
        onclick: () => { state.outlineLimit = Infinity; renderOutline(); } })));
  }
  const first = tree.querySelector('[role=treeitem]');
  if (first) first.tabIndex = 0;
  markCurrentInTree();
}

function renderFilters() {
  const { t } = state;
  const r = state.result;
  const f = state.filters;
  const opt = (value, label, selected) => el('option', { value, selected: selected ? true : null, text: label });
  const kindsPresent = KINDS.filter((k) => r?.metrics.some((m) => m.kind === k));
  $('filter-kind').replaceChildren(opt('', t('all'), !f.kind), ...kindsPresent.map((k) => opt(k, t.label('kind', k), f.kind === k)));
  $('filter-category').replaceChildren(opt('', t('all'), !f.category),
    ...categories(r).map(([c, n]) => opt(c, `${c} (${n})`, f.category === c)));
  const sections = (r?.outline ?? []).filter((h) => (h.level ?? 1) <= 2 && state.perHeading[h.id]);
  $('filter-section').replaceChildren(opt('', t('all'), f.section === ''),
    ...sections.slice(0, 400).map((h) => opt(String(h.id), `${(h.level ?? 1) > 1 ? '\u3000' : ''}${truncate(headingLabel(h), 28)} (${state.perHeading[h.id]})`, String(h.id) === String(f.section))));
  $('filter-query').value = f.query;
}

function truncate(s, n) {
  s = String(s ?? '');
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

const COLUMNS = [
  { key: 'id', label: '#', cls: 'num' },
  { key: 'text', label: 'colText' },
  { key: 'value', label: 'colValue', cls: 'num' },
  { key: 'unit', label: 'colUnit' },
  { key: 'indicator', label: 'colIndicator' },
  { key: 'category', label: 'colCategory' },
  { key: 'section', label: 'colSection' },
];

function currentMetrics() {
  const r = state.result;
  if (!r) return [];
  const rows = filterMetrics(r, state.filters);
  const { key, dir } = state.sort;
  if (key === 'id') return dir === 1 ? rows : rows.reverse();
  const val = (m) => (key === 'section' ? sectionPath(r, m.heading) : m[key]);
  const cmp = key === 'value' ? (a, b) => a - b : (a, b) => String(a ?? '').localeCompare(String(b ?? ''), 'zh');
  return rows.map((m) => [val(m), m]).sort((a, b) => dir * cmp(a[0], b[0]) || a[1].id - b[1].id).map((p) => p[1]);
}

function renderTable() {
  const { t } = state;
  const r = state.result;
  const table = $('metrics-table');
  const headRow = table.tHead.rows[0];
  headRow.replaceChildren(...COLUMNS.map((c) => {
    const sorted = state.sort.key === c.key;
    return el('th', { scope: 'col', class: c.cls, 'aria-sort': sorted ? (state.sort.dir === 1 ? 'ascending' : 'descending') : 'none' },
      el('button', { type: 'button', class: 'sort', 'data-sort': c.key },
        c.label === '#' ? '#' : t(c.label),
        el('span', { class: 'sort-mark', 'aria-hidden': 'true', text: sorted ? (state.sort.dir === 1 ? '▲' : '▼') : '' })));
  }));
  const rows = currentMetrics();
  state.visibleMetrics = rows;
  const shown = rows.slice(0, state.tableLimit);
  const pathCache = new Map();
  const path = (h) => {
    if (!pathCache.has(h)) pathCache.set(h, sectionPath(r, h, ' › '));
    return pathCache.get(h);
  };
  table.tBodies[0].replaceChildren(...shown.map((m) => el('tr', {
    'data-metric-row': m.id, class: `fz-kind-${m.kind}${state.selected === m.id ? ' is-selected' : ''}`,
    'aria-selected': state.selected === m.id ? 'true' : 'false',
  },
  el('td', { class: 'num muted', text: m.id }),
  el('td', {}, el('button', { type: 'button', class: 'cell-link', 'data-goto-metric': m.id }, el('span', { class: 'chip', text: m.text }))),
  el('td', { class: 'num', text: `${m.approx ? '≈' : ''}${formatValue(m, state.lang)}` }),
  el('td', { text: m.unit }),
  el('td', { text: m.indicator }),
  el('td', { text: m.category }),
  el('td', { class: 'section-cell', title: path(m.heading), text: headingLabel(r.outline[m.heading]) }))));
  const total = r?.metrics.length ?? 0;
  $('metrics-shown').textContent = r ? t('shown', { n: formatNumber(rows.length, state.lang), total: formatNumber(total, state.lang) }) : '';
  $('metrics-none').hidden = !r || rows.length > 0;
  const more = $('show-all');
  more.hidden = rows.length <= shown.length;
  more.textContent = t('showAll', { n: formatNumber(rows.length, state.lang) });
  renderTotals(rows);
}

function renderTotals(rows) {
  const { t } = state;
  const table = $('totals');
  const totals = totalsByCategory(rows);
  table.tHead.replaceChildren(totals.length ? el('tr', {},
    el('th', { scope: 'col', text: t('colCategory') }), el('th', { scope: 'col', class: 'num', text: t('totalsCount') }),
    el('th', { scope: 'col', text: t('totalsSums') })) : '');
  table.tBodies[0].replaceChildren(...totals.map((e) => el('tr', {},
    el('th', { scope: 'row', text: e.category }),
    el('td', { class: 'num', text: formatNumber(e.count, state.lang) }),
    el('td', { class: 'sums', text: e.sums.slice(0, 8).map(([u, v]) => `${formatNumber(v, state.lang)} ${u}`).join(' · ') || '—' }))));
}

const SEVERITIES = ['error', 'warning', 'info'];

function renderFindings() {
  const { t } = state;
  const r = state.result;
  const panel = $('panel-findings');
  const findings = r?.findings ?? [];
  if (!r) { panel.replaceChildren(); return; }
  if (!findings.length) {
    panel.replaceChildren(el('p', { class: 'muted ok', text: `✓ ${t('noFindings')}` }));
    return;
  }
  panel.replaceChildren(...SEVERITIES.filter((sev) => findings.some((f) => f.severity === sev)).map((sev) => {
    const group = findings.filter((f) => f.severity === sev);
    return el('section', { class: `finding-group fz-sev-${sev}`, 'aria-label': t.label('severity', sev) },
      el('h3', { class: 'sub' }, el('span', { class: `sev-dot sev-${sev}`, 'aria-hidden': 'true' }), `${t.label('severity', sev)} `,
        el('span', { class: 'count', text: group.length })),
      el('ul', { class: 'findings' }, ...group.map((f) => {
        const located = f.start != null && f.end != null;
        const body = [
          el('span', { class: 'finding-code', text: t.label('code', f.code) }),
          el('span', { class: 'finding-message', text: f.message }),
          located
            ? el('span', { class: 'finding-evidence', text: `“${truncate(state.resultText.slice(f.start, f.end).replace(/\s+/g, ' '), 36)}”` })
            : el('span', { class: 'finding-evidence muted', text: t('wholeDocument') }),
        ];
        return el('li', { 'data-finding-id': f.id, class: `finding sev-${sev}` },
          located
            ? el('button', { type: 'button', class: 'finding-btn', 'data-goto-finding': f.id }, ...body)
            : el('div', { class: 'finding-btn is-static' }, ...body));
      })));
  }));
}

function renderCounts() {
  const r = state.result;
  $('count-metrics').textContent = formatNumber(r?.stats.metrics ?? 0, state.lang);
  const n = r?.findings.length ?? 0;
  const f = $('count-findings');
  f.textContent = formatNumber(n, state.lang);
  const worst = SEVERITIES.find((s) => r?.findings.some((x) => x.severity === s));
  f.className = `count${worst ? ` sev-${worst}` : ''}`;
  const sevCounts = SEVERITIES.map((s) => `${state.t.label('severity', s)} ${r?.findings.filter((x) => x.severity === s).length ?? 0}`).join(', ');
  $('tab-findings').setAttribute('aria-label', `${state.t('tabFindings')} ${n}: ${sevCounts}`);
  $('tab-metrics').setAttribute('aria-label', `${state.t('tabMetrics')} ${r?.stats.metrics ?? 0}`);
}

function renderSummary() {
  const { t } = state;
  const r = state.result;
  const panel = $('panel-summary');
  if (!r) {
    panel.replaceChildren(el('p', { class: 'muted', text: t('emptyBody') }));
    return;
  }
  const meta = r.meta ?? {};
  const dl = (pairs) => el('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v ?? t('unknown') })]));
  const stat = (label, value, id) => el('div', { class: 'stat', 'data-stat': id }, el('span', { class: 'stat-value', text: value }), el('span', { class: 'stat-label', text: label }));
  const review = r.review ?? {};
  const parts = review.requiredParts?.length
    ? review.requiredParts
    : ['measures', 'duty', 'problems', 'plans'].map((p) => ({ part: p, present: Boolean(r.sections?.[p]), heading: null }));
  const tl = review.timeliness ?? { status: 'unknown' };
  panel.replaceChildren(
    el('div', { class: 'stats' },
      stat(t('metricsCount'), formatNumber(r.stats.metrics, state.lang), 'metrics'),
      stat(t('headingsCount'), formatNumber(r.stats.headings, state.lang), 'headings'),
      stat(t('findingsCount'), formatNumber(r.stats.findings, state.lang), 'findings'),
      stat(t('per1000'), formatNumber(Math.round((review.figuresPer1000Chars ?? 0) * 10) / 10, state.lang), 'per1000'),
    ),
    el('h3', { class: 'sub', text: t('requiredParts') }),
    el('ul', { class: 'checklist' }, ...parts.map((p) => el('li', { class: p.present ? 'present' : 'absent', 'data-part': p.part },
      el('span', { class: 'check', 'aria-hidden': 'true', text: p.present ? '✓' : '✗' }),
      el('span', { class: 'visually-hidden', text: p.present ? t('present') : t('absent') }),
      p.heading != null
        ? el('button', { type: 'button', class: 'cell-link', 'data-goto-heading': p.heading, text: t.label('roleLong', p.part) })
        : el('span', { text: t.label('roleLong', p.part) })))),
    el('h3', { class: 'sub', text: t('timeliness') }),
    // `unknown` with a date found means the year could not be read: never say the date is missing.
    el('p', { class: `timeliness tl-${tl.status}` }, el('strong', {
      text: t.label('timeliness', tl.status === 'unknown' && (tl.published ?? meta.published) ? 'unknown-year' : tl.status),
    })),
    dl([
      [t('docTitle'), meta.title],
      [t('issuer'), meta.issuer],
      [t('reportYear'), meta.reportYear != null ? `${meta.reportYear}${meta.period ? ` (${t.label('period', meta.period)})` : ''}` : null],
      [t('published'), tl.published ?? meta.published],
      [t('deadline'), tl.deadline],
      ...(review.quantifiedMeasuresShare != null ? [[t('quantifiedShare'), `${Math.round(review.quantifiedMeasuresShare * 100)}%`]] : []),
    ]),
    el('h3', { class: 'sub', text: t('chartBySection') }),
    barChart(figuresByTopSection(r).map((s) => ({ label: s.label, count: s.count, filter: s.id != null ? { section: s.id } : null })), 'chart-sections', t('chartBySection')),
    el('h3', { class: 'sub', text: t('chartByCategory') }),
    barChart(categories(r).map(([c, n]) => ({ label: c, count: n, filter: { category: c } })), 'chart-categories', t('chartByCategory')),
  );
}

/** A horizontal bar chart as inline SVG (text via textContent; sizes via attributes). */
/**
 * A horizontal bar chart as inline SVG (text via textContent; sizes via attributes). Rows with a
 * `filter` ({section} or {category}) are buttons that show those figures in the table.
 */
function barChart(items, id, title) {
  items = items.slice(0, 16);
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
    const bar = svg('rect', { x: labelW, y: y + 3, height: rowH - 8, width: Math.max(2, (item.count / max) * barW), rx: 2, class: 'chart-bar' });
    const value = svg('text', { x: labelW + Math.max(2, (item.count / max) * barW) + 5, y: y + 15, class: 'chart-value' });
    value.textContent = String(item.count);
    row.append(full, hit, label, bar, value);
    chart.append(row);
  });
  return chart;
}

/** A chart row: the table, filtered to that section or category. */
function onChartActivate(row) {
  let f;
  try { f = JSON.parse(row.dataset.filter); } catch { return; }
  state.filters = { kind: '', category: f.category ?? '', section: f.section != null ? String(f.section) : '', query: '' };
  state.tableLimit = TABLE_PAGE;
  selectTab('metrics');
  renderFilters();
  renderTable();
  renderLegend();
}

function renderPrintHeader() {
  const r = state.result;
  $('print-title').textContent = r?.meta?.title || state.t('appTitle');
  $('print-meta').textContent = r ? `${state.t('appTitle')} · ${new Date().toLocaleDateString(state.lang === 'en' ? 'en-CA' : 'zh-CN')}` : '';
}

// ---------------------------------------------------------------------------------------------
// Navigation

function flash(node) {
  node.classList.remove('flash');
  void node.offsetWidth;
  node.classList.add('flash');
  setTimeout(() => node.classList.remove('flash'), 1600);
}

function ensureReading() {
  if (state.mode !== 'read') setMode('read');
}

function goToHeading(id) {
  ensureReading();
  const anchor = $('reading').querySelector(`[data-heading-anchor="${Number(id)}"]`);
  if (!anchor) return;
  anchor.scrollIntoView({ block: 'start', behavior: 'instant' });
  flash(anchor);
  state.jumpTarget = anchor; // stays current while in view, even near the end of the text
  setCurrentHeading(Number(id));
}

function goToMetric(id, { focus = true } = {}) {
  ensureReading();
  const mark = $('reading').querySelector(`mark[data-metric-id="${Number(id)}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'instant' });
  flash(mark);
  if (focus) mark.focus({ preventScroll: true });
}

function goToFinding(id) {
  ensureReading();
  const anchor = $('reading').querySelector(`[data-finding-anchor="${Number(id)}"]`);
  if (!anchor) return;
  anchor.scrollIntoView({ block: 'center', behavior: 'instant' });
  for (const piece of $('reading').querySelectorAll(`[data-finding-ref="${Number(id)}"]`)) flash(piece);
  for (const li of document.querySelectorAll('[data-finding-id].is-selected')) li.classList.remove('is-selected');
  document.querySelector(`[data-finding-id="${Number(id)}"]`)?.classList.add('is-selected');
}

/** Select a metric's row in the table (clearing filters that hide it). */
function selectMetric(id) {
  const r = state.result;
  const m = r?.metrics[id];
  if (!m) return;
  state.selected = id;
  selectTab('metrics');
  if (!filterMetrics(r, state.filters).some((x) => x.id === id)) {
    state.filters = { kind: '', category: '', section: '', query: '' };
    renderFilters();
  }
  const rows = currentMetrics();
  const index = rows.findIndex((x) => x.id === id);
  if (index >= state.tableLimit) state.tableLimit = index + TABLE_PAGE;
  renderTable();
  const row = $('metrics-table').querySelector(`tr[data-metric-row="${id}"]`);
  if (row) {
    const wrap = $('panel-metrics');
    scrollWithin(wrap.closest('.side-pane'), row);
  }
}

/** Scroll `child` into view inside `container` only (not the window). */
function scrollWithin(container, child) {
  if (!container || container.scrollHeight <= container.clientHeight) {
    child.scrollIntoView({ block: 'nearest' });
    return;
  }
  const c = container.getBoundingClientRect();
  const r = child.getBoundingClientRect();
  if (r.top < c.top + 60 || r.bottom > c.bottom) container.scrollTop += r.top - c.top - c.height / 3;
}

// The current section: the last heading anchor above the reading area's upper edge.
let trackPending = false;
function onReadingScroll() {
  if (trackPending) return;
  trackPending = true;
  requestAnimationFrame(() => { trackPending = false; trackCurrentSection(); });
}

function trackCurrentSection() {
  const anchors = state.anchors;
  if (!anchors.length || $('reading').hidden) return;
  const pane = $('doc-pane');
  const paneBox = pane.scrollHeight > pane.clientHeight ? pane.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  const top = paneBox.top + 48;
  const jump = state.jumpTarget;
  if (jump?.isConnected) {
    const b = jump.getBoundingClientRect();
    if (b.bottom > paneBox.top && b.top < paneBox.bottom) return;
  }
  state.jumpTarget = null;
  let lo = 0, hi = anchors.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid].getBoundingClientRect().top <= top) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const id = found >= 0 ? Number(anchors[found].dataset.headingAnchor) : null;
  if (id !== state.currentHeading) setCurrentHeading(id);
}

function setCurrentHeading(id) {
  state.currentHeading = id;
  markCurrentInTree();
}

function markCurrentInTree() {
  const tree = $('outline');
  for (const e of tree.querySelectorAll('.is-current')) { e.classList.remove('is-current'); e.removeAttribute('aria-current'); }
  if (state.currentHeading == null) return;
  const item = tree.querySelector(`[data-heading-id="${state.currentHeading}"]`);
  if (!item) return;
  item.classList.add('is-current');
  item.setAttribute('aria-current', 'location');
  const row = item.querySelector('.tree-row');
  const pane = tree.closest('.outline-pane');
  if (row && pane.scrollHeight > pane.clientHeight) {
    const p = pane.getBoundingClientRect(), r = row.getBoundingClientRect();
    if (r.top < p.top + 40 || r.bottom > p.bottom - 10) pane.scrollTop += r.top - p.top - p.height / 3;
  }
}

// ---------------------------------------------------------------------------------------------
// Tooltip

function showTooltip(mark) {
  const r = state.result;
  const m = r?.metrics[Number(mark.dataset.metricId)];
  if (!m) return;
  const tip = $('tooltip');
  tip.replaceChildren(
    el('div', { class: `tip-head fz-kind-${m.kind}`, text: m.text }),
    el('dl', {}, ...describeMetric(m, r, state.lang).flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])),
  );
  tip.hidden = false;
  mark.setAttribute('aria-describedby', 'tooltip');
  const b = mark.getBoundingClientRect();
  const w = tip.offsetWidth, h = tip.offsetHeight;
  let x = Math.min(Math.max(8, b.left + b.width / 2 - w / 2), window.innerWidth - w - 8);
  let y = b.bottom + 8;
  if (y + h > window.innerHeight - 8) y = Math.max(8, b.top - h - 8);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}

function hideTooltip(mark) {
  $('tooltip').hidden = true;
  mark?.removeAttribute('aria-describedby');
}

// ---------------------------------------------------------------------------------------------
// Tabs and tree keyboard

const TABS = ['summary', 'metrics', 'findings'];

function selectTab(name, focus = false) {
  for (const n of TABS) {
    const tab = $(`tab-${n}`);
    const on = n === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${n}`).hidden = !on;
    if (on && focus) tab.focus();
  }
}

function onTabKey(event) {
  const i = TABS.findIndex((n) => $(`tab-${n}`) === event.currentTarget);
  let j = null;
  if (event.key === 'ArrowRight') j = (i + 1) % TABS.length;
  else if (event.key === 'ArrowLeft') j = (i + TABS.length - 1) % TABS.length;
  else if (event.key === 'Home') j = 0;
  else if (event.key === 'End') j = TABS.length - 1;
  if (j == null) return;
  event.preventDefault();
  selectTab(TABS[j], true);
}

function visibleTreeItems() {
  return [...$('outline').querySelectorAll('[role=treeitem]')].filter((li) => !li.parentElement.closest('[aria-expanded=false]'));
}

function focusTreeItem(li) {
  if (!li) return;
  for (const e of $('outline').querySelectorAll('[role=treeitem][tabindex="0"]')) e.tabIndex = -1;
  li.tabIndex = 0;
  li.focus();
}

function onTreeKey(event) {
  const li = event.target.closest('[role=treeitem]');
  if (!li) return;
  const items = visibleTreeItems();
  const i = items.indexOf(li);
  const expanded = li.getAttribute('aria-expanded');
  switch (event.key) {
    case 'ArrowDown': focusTreeItem(items[i + 1]); break;
    case 'ArrowUp': focusTreeItem(items[i - 1]); break;
    case 'Home': focusTreeItem(items[0]); break;
    case 'End': focusTreeItem(items[items.length - 1]); break;
    case 'ArrowRight':
      if (expanded === 'false') li.setAttribute('aria-expanded', 'true');
      else if (expanded === 'true') focusTreeItem(li.querySelector('[role=treeitem]'));
      break;
    case 'ArrowLeft':
      if (expanded === 'true') li.setAttribute('aria-expanded', 'false');
      else focusTreeItem(li.parentElement.closest('[role=treeitem]'));
      break;
    case 'Enter': case ' ': goToHeading(li.dataset.headingId); break;
    default: return;
  }
  event.preventDefault();
}

// ---------------------------------------------------------------------------------------------
// Export

function baseName() {
  if (state.file) return state.file.split('/').pop().replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);
  const title = state.result?.meta?.title || (state.lang === 'en' ? 'report' : '报告');
  return title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
}

function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast(state.t('copied'));
  } catch {
    const area = el('textarea', { class: 'visually-hidden', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    toast(state.t(ok ? 'copied' : 'copyFailed'));
  }
}

function closeMenus() {
  for (const d of document.querySelectorAll('details.menu[open]')) d.open = false;
}

function exportAction(kind) {
  const r = state.result;
  closeMenus();
  if (!r) return;
  const metrics = currentMetrics();
  const suffix = state.lang === 'en' ? { csv: 'figures', md: 'outline', json: 'result' } : { csv: '指标', md: '提纲', json: '分析结果' };
  if (kind === 'csv') download(`${baseName()}-${suffix.csv}.csv`, metricsCsv(r, metrics, state.lang, state.file ?? ''), 'text/csv;charset=utf-8');
  else if (kind === 'json') download(`${baseName()}-${suffix.json}.json`, JSON.stringify(r, null, 2), 'application/json');
  else if (kind === 'md') download(`${baseName()}-${suffix.md}.md`, outlineMarkdown(r, state.lang), 'text/markdown;charset=utf-8');
  else if (kind === 'copy-outline') copy(outlineMarkdown(r, state.lang));
  else if (kind === 'copy-metrics') copy(metricsTsv(r, metrics, state.lang, state.file ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Wiring

function wire() {
  const source = $('source');
  source.addEventListener('input', onSourceInput);
  source.addEventListener('paste', onSourcePaste);

  for (const b of document.querySelectorAll('[data-sample]')) b.addEventListener('click', () => loadSample(b.dataset.sample));
  $('open-btn').addEventListener('click', () => $('file-input').click());
  $('file-input').addEventListener('change', (e) => { openFiles(pickedFiles(e.target.files)); e.target.value = ''; });
  $('mode-edit').addEventListener('click', () => { setMode('edit'); source.focus(); });
  $('reading').addEventListener('paste', onSourcePaste);
  $('mode-read').addEventListener('click', () => setMode('read'));
  $('clear-btn').addEventListener('click', clearDraft);
  $('lang-btn').addEventListener('click', () => setLanguage(state.lang === 'en' ? 'zh' : 'en'));
  $('export-csv').addEventListener('click', () => exportAction('csv'));
  $('export-json').addEventListener('click', () => exportAction('json'));
  $('export-md').addEventListener('click', () => exportAction('md'));
  $('copy-outline').addEventListener('click', () => exportAction('copy-outline'));
  $('copy-metrics').addEventListener('click', () => exportAction('copy-metrics'));
  $('print-btn').addEventListener('click', () => { closeMenus(); window.print(); });
  document.addEventListener('click', (e) => {
    for (const d of document.querySelectorAll('details.menu[open]')) if (!d.contains(e.target)) d.open = false;
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') { closeMenus(); hideTooltip(document.activeElement); } });

  // Drag and drop anywhere.
  let depth = 0;
  const overlay = $('drop-overlay');
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; overlay.hidden = false; e.preventDefault(); } });
  document.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  document.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; overlay.hidden = true; } });
  document.addEventListener('drop', (e) => {
    depth = 0;
    overlay.hidden = true;
    if (!hasFiles(e)) return;
    e.preventDefault();
    droppedFiles(e.dataTransfer).then(openFiles);
  });

  // Reading view: tooltips, clicks.
  const reading = $('reading');
  reading.addEventListener('mouseover', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m) showTooltip(m); });
  reading.addEventListener('mouseout', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m && !m.contains(e.relatedTarget) && document.activeElement !== m) hideTooltip(m); });
  reading.addEventListener('focusin', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m) showTooltip(m); });
  reading.addEventListener('focusout', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m) hideTooltip(m); });
  reading.addEventListener('click', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m) selectMetric(Number(m.dataset.metricId)); });
  reading.addEventListener('keydown', (e) => {
    const m = e.target.closest('mark[data-metric-id]');
    if (m && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); selectMetric(Number(m.dataset.metricId)); }
  });
  $('doc-pane').addEventListener('scroll', onReadingScroll, { passive: true });
  for (const type of ['wheel', 'touchstart', 'keydown']) {
    $('doc-pane').addEventListener(type, () => { state.jumpTarget = null; }, { passive: true });
  }
  window.addEventListener('scroll', onReadingScroll, { passive: true });
  window.addEventListener('resize', () => { hideTooltip(); onReadingScroll(); });

  // Outline.
  const tree = $('outline');
  tree.addEventListener('click', (e) => {
    const li = e.target.closest('[role=treeitem]');
    if (!li) return;
    if (e.target.closest('.twisty')) {
      li.setAttribute('aria-expanded', li.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
      return;
    }
    focusTreeItem(li);
    goToHeading(li.dataset.headingId);
  });
  tree.addEventListener('keydown', onTreeKey);
  // Expand all / only the top two levels.
  $('outline-expand').addEventListener('click', () => {
    for (const li of tree.querySelectorAll('[aria-expanded]')) li.setAttribute('aria-expanded', 'true');
  });
  $('outline-collapse').addEventListener('click', () => {
    for (const li of tree.querySelectorAll('[aria-expanded]')) li.setAttribute('aria-expanded', String(Number(li.getAttribute('aria-level')) < 2));
  });

  // Tabs.
  for (const n of TABS) {
    $(`tab-${n}`).addEventListener('click', () => selectTab(n));
    $(`tab-${n}`).addEventListener('keydown', onTabKey);
  }

  // Table.
  $('metrics-table').addEventListener('click', (e) => {
    const sort = e.target.closest('button[data-sort]');
    if (sort) {
      const key = sort.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      renderTable();
      $('metrics-table').querySelector(`button[data-sort="${key}"]`)?.focus();
      return;
    }
    const row = e.target.closest('tr[data-metric-row]');
    if (!row) return;
    const id = Number(row.dataset.metricRow);
    state.selected = id;
    for (const r of $('metrics-table').querySelectorAll('tr.is-selected')) { r.classList.remove('is-selected'); r.setAttribute('aria-selected', 'false'); }
    row.classList.add('is-selected');
    row.setAttribute('aria-selected', 'true');
    goToMetric(id, { focus: Boolean(e.target.closest('button')) && e.detail === 0 });
  });
  const onFilter = () => {
    state.filters = {
      kind: $('filter-kind').value, category: $('filter-category').value,
      section: $('filter-section').value, query: $('filter-query').value,
    };
    state.tableLimit = TABLE_PAGE;
    renderTable();
    renderLegend();
  };
  for (const id of ['filter-kind', 'filter-category', 'filter-section']) $(id).addEventListener('change', onFilter);
  let queryTimer = null;
  $('filter-query').addEventListener('input', () => { clearTimeout(queryTimer); queryTimer = setTimeout(onFilter, 150); });
  $('filter-reset').addEventListener('click', () => {
    state.filters = { kind: '', category: '', section: '', query: '' };
    renderFilters();
    renderTable();
    renderLegend();
  });
  $('show-all').addEventListener('click', () => { state.tableLimit = Infinity; renderTable(); });
  // The legend filters the table by kind (pressed again: all kinds).
  $('legend').addEventListener('click', (e) => {
    const b = e.target.closest('[data-legend-kind]');
    if (!b || !state.result) return;
    state.filters.kind = state.filters.kind === b.dataset.legendKind ? '' : b.dataset.legendKind;
    state.tableLimit = TABLE_PAGE;
    selectTab('metrics');
    renderFilters();
    renderTable();
    renderLegend();
  });

  // Findings and summary jumps.
  document.querySelector('.side-pane').addEventListener('click', (e) => {
    const f = e.target.closest('[data-goto-finding]');
    if (f) goToFinding(f.dataset.gotoFinding);
    const h = e.target.closest('[data-goto-heading]');
    if (h) goToHeading(h.dataset.gotoHeading);
    const c = e.target.closest('.chart-row[data-filter]');
    if (c) onChartActivate(c);
  });
  document.querySelector('.side-pane').addEventListener('keydown', (e) => {
    const c = e.target.closest?.('.chart-row[data-filter]');
    if (c && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); onChartActivate(c); }
  });

  // Print: the whole filtered table.
  window.addEventListener('beforeprint', () => {
    if (state.tableLimit !== Infinity) { state.tableLimit = Infinity; renderTable(); }
  });

  phone.addEventListener('change', () => setMode(state.mode));
}

async function init() {
  let lang = 'zh';
  try { lang = localStorage.getItem(LANG_KEY) || 'zh'; } catch { /* ignore */ }
  state.lang = lang === 'en' ? 'en' : 'zh';
  state.t = translator(state.lang);
  applyLanguage();
  wire();
  renderAll();
  if (await batch.restore()) {
    setMode('edit');
    return;
  }
  const draft = await loadDraft();
  if (draft) {
    setText(draft, { switchToRead: true, save: false });
    toast(state.t('restored'));
  } else {
    setMode('edit');
  }
}

init();
