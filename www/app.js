// The page: input (paste, files, samples), the reading view, outline, figure table, findings,
// summary, exports, the local draft. Analysis goes through ./analyzer-client.js (a worker);
// rendering of the text through ./render.js; the panels are the components of ./views.js (shared
// with the <fazhi-analyzer> widget). One store of signals (@preact/signals-core) holds what the
// panels show; each panel is an effect that redraws when what it reads changes, so handlers only
// set the store. User text only ever becomes text nodes.

import { signal, computed, effect, batch as together, untracked } from './vendor/signals-core.js';
import { analyze, cancel as cancelAnalysis } from './analyzer-client.js';
import { renderReportInto } from './render.js';
import {
  figuresPerHeading, sectionPath, filterMetrics, categories, figuresByTopSection, categoryName, findingMessage,
  metricsCsv, metricsTsv, outlineMarkdown, describeMetric, formatNumber, headingLabel,
} from './report-model.js';
import {
  SEVERITIES, truncate, statsView, notAReport, partsChecklist, barChart, categoryChart, legendItems, fillOutline, markCurrentHeading,
  treeBehaviour, fillFiguresTable, fillTotals, findingsView, rovingFigures, flash,
} from './views.js';
import { readFileText } from './import-file.js';
import { translator, KINDS } from './i18n.js';
import { saveDraft as storeDraft, loadDraft, clearDraft as forgetDraft } from './draft-store.js';
import { initBatch } from './batch.js';
import { el } from './dom.js';
import { adoptComponentStyles } from './views-style.js';
import { droppedFiles, pickedFiles, isBatch } from './batch-files.js';

const MAX_INPUT_BYTES = 48 * 1024 * 1024; // the core's limit (src/input.rs)
// Texts above this many characters are not put into the editor: a textarea holding 10 MB
// takes seconds to lay out. They are shown in the reading view only.
const LARGE_TEXT = 1_000_000;
const LANG_KEY = 'fazhi-analyzer.lang';
const THEME_KEY = 'fazhi-analyzer.theme';
const THEMES = ['auto', 'light', 'dark'];
const TABLE_PAGE = 300;
const OUTLINE_PAGE = 500;
// A large text's panels are drawn in this many tasks, one group each (see showResult).
const PANEL_STAGES = 4;
const NO_FILTERS = Object.freeze({ kind: '', category: '', section: '', query: '' });

const $ = (id) => document.getElementById(id);

// The shared components' look (the widget's too), under this page's rules in style.css.
adoptComponentStyles(document);

/** What the panels show. Set these; the views (effects below) follow. */
const store = {
  lang: signal('zh'),
  theme: signal('auto'), // 'auto' follows prefers-color-scheme
  result: signal(null), // the last result …
  resultText: signal(''), // … and the text it describes
  filters: signal(NO_FILTERS),
  sort: signal({ key: 'id', dir: 1 }),
  tableLimit: signal(TABLE_PAGE),
  outlineLimit: signal(OUTLINE_PAGE),
  selected: signal(null), // selected metric id
  readingVersion: signal(0), // bumped when the reading view has been laid out
  panelsShown: signal(PANEL_STAGES), // the panel groups drawn so far for this result (showResult)
};
const tr = computed(() => translator(store.lang.value));
const perHeading = computed(() => (store.result.value ? figuresPerHeading(store.result.value) : []));
const visibleMetrics = computed(() => sortedMetrics(store.result.value, store.filters.value, store.sort.value));

/** The page's own state that no panel draws from. */
const state = {
  get t() { return tr.value; },
  get lang() { return store.lang.value; },
  get result() { return store.result.value; },
  get resultText() { return store.resultText.value; },
  mode: 'edit', // 'edit' | 'read'
  text: '', // the text being analysed (the editor's, unless it is a large text)
  large: false, // the text is too large for the editor
  anchors: [], // heading anchor elements in document order
  anchorBlocks: [], // for each anchor, its block of lines (.fz-block), or itself
  currentHeading: null,
  file: null, // the batch file shown in the single-report view (null: pasted or opened alone)
};

const phone = window.matchMedia('(max-width: 760px)');
const roving = rovingFigures($('reading'));

// ---------------------------------------------------------------------------------------------
// Language and theme

function applyLanguage() {
  const t = tr.value;
  document.documentElement.lang = t.lang === 'en' ? 'en' : 'zh-CN';
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
  for (const e of document.querySelectorAll('[data-i18n-aria-label]')) e.setAttribute('aria-label', t(e.dataset.i18nAriaLabel));
  for (const e of document.querySelectorAll('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle);
  $('lang-btn').lang = t.lang === 'en' ? 'zh-CN' : 'en';
  if (untracked(() => state.large)) $('source').placeholder = t('largeText', { size: sizeLabel(state.text.length) });
  document.title = t('appTitle');
  untracked(refreshStatus);
  const tabs = document.querySelector('.tabs');
  if (tabs) document.documentElement.style.setProperty('--tabs-h', `${tabs.offsetHeight}px`);
}

function setLanguage(lang) {
  store.lang.value = lang === 'en' ? 'en' : 'zh';
  try { localStorage.setItem(LANG_KEY, store.lang.value); } catch { /* private mode */ }
}

/** `html[data-theme]` is light or dark: the stored choice, or the system's when it is 'auto'. */
const darkSystem = window.matchMedia('(prefers-color-scheme: dark)');
const systemDark = signal(darkSystem.matches);
darkSystem.addEventListener('change', () => { systemDark.value = darkSystem.matches; });

function applyTheme() {
  const choice = store.theme.value;
  const dark = choice === 'dark' || (choice === 'auto' && systemDark.value);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.themeChoice = choice;
  const btn = $('theme-btn');
  const label = tr.value({ auto: 'themeAuto', light: 'themeLight', dark: 'themeDark' }[choice]);
  btn.textContent = tr.value({ auto: 'themeShortAuto', light: 'themeShortLight', dark: 'themeShortDark' }[choice]);
  btn.title = label;
  btn.setAttribute('aria-label', label);
}

function cycleTheme() {
  store.theme.value = THEMES[(THEMES.indexOf(store.theme.value) + 1) % THEMES.length];
  try { localStorage.setItem(THEME_KEY, store.theme.value); } catch { /* private mode */ }
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
  $('cancel-analysis').hidden = !(status.kind === 'busy' && status.key === 'statusBusy');
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

// Cancel (shown while the worker analyses): the running analysis is dropped and its worker
// replaced (analyzer-client.js); the page goes back to idle, never stays busy.
$('cancel-analysis').addEventListener('click', () => {
  if (!cancelAnalysis()) return;
  runSeq++;
  clearInterval(busyTimer);
  setStatus('idle', 'statusCancelled');
});

async function runAnalysis(switchToRead) {
  const text = state.text;
  const run = ++runSeq;
  clearInterval(busyTimer);
  if (!text) {
    showResult(null, '');
    setStatus('idle', 'statusIdle');
    setMode('edit');
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
  // Reading a large result and drawing its panels are separate tasks: input is answered between.
  if (text.length > LARGE_TEXT) await new Promise((ok) => setTimeout(ok, 0));
  if (run !== runSeq) return;
  const started = performance.now();
  const shown = showResult(result, text);
  if (switchToRead) setMode('read');
  setStatus('busy', 'statusRendering', { started, size: sizeLabel(text.length) });
  if (!(await shown)) return;
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
  store.filters.value = NO_FILTERS;
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
    $('compare-view').hidden = true;
  }
}

/** A register row: its report in the single-report view, the file name in the header. */
async function openReport(entry, { heading, range } = {}) {
  showView('report');
  clearTimeout(analyseTimer);
  runSeq++;
  state.text = entry.text;
  state.large = entry.text.length > LARGE_TEXT;
  const area = $('source');
  area.readOnly = state.large;
  area.value = state.large ? '' : entry.text;
  showFile(entry.file);
  const shown = showResult(entry.result, entry.text);
  setMode('read');
  window.scrollTo(0, 0);
  $('doc-pane').scrollTop = 0;
  await shown;
  setStatus('done', 'statusDone', {}, `${formatNumber(entry.result.stats.metrics, state.lang)} ${state.t('figures')}`);
  if (heading != null) goToHeading(heading);
  $('back-register').focus();
  if (range) showPassage(range);
}

const batch = initBatch({
  openReport,
  toast,
  download: (name, blob) => download(name, blob, blob.type),
  language: () => state.t,
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
// Views: each panel is an effect over the store, redrawn when (and only when) what it reads changes.

let renderAbort = null;
let readingDone = Promise.resolve(true);

function views() {
  // The reading view: the text with its highlights (in time slices for a large text).
  effect(() => {
    readingDone = renderReading(store.result.value, store.resultText.value);
  });
  // The register and the comparison follow the language (their exports keep Chinese headers).
  effect(() => {
    tr.value;
    untracked(() => batch.relabel());
  });
  effect(titleEvidence);
  effect(() => {
    $('legend').replaceChildren(...legendItems(store.result.value, tr.value, { kind: store.filters.value.kind }));
  });
  effect(inTurn(1, drawOutline));
  effect(renderFilters);
  effect(inTurn(2, drawTable));
  effect(markSelectedRow);
  effect(inTurn(4, () => {
    const r = store.result.value;
    $('panel-findings').replaceChildren(...(r ? findingsView(r, store.resultText.value, tr.value) : []));
  }));
  effect(inTurn(3, renderSummary));
  effect(renderCounts);
  effect(drawPrintHeader);
}

/** Tooltips of the underlined evidence, in the interface language (the text itself does not change). */
function titleEvidence() {
  const t = tr.value;
  const findings = store.result.value?.findings ?? [];
  if (store.readingVersion.value === 0) return;
  for (const piece of $('reading').querySelectorAll('[data-finding-ref]')) {
    const f = findings[Number(piece.dataset.findingRef)];
    if (f) piece.title = `${t.label('severity', f.severity)} · ${t.label('code', f.code)}:${findingMessage(f, t.lang)}`;
  }
}

function drawOutline() {
  const r = store.result.value;
  const outline = r?.outline ?? [];
  $('outline-empty').hidden = !r || outline.length > 0;
  fillOutline($('outline'), r, tr.value, {
    perHeading: perHeading.value, limit: store.outlineLimit.value, onShowAll: () => { store.outlineLimit.value = Infinity; },
  });
  $('outline-tools').hidden = !outline.some((h) => h.parent != null);
  untracked(markCurrentInTree);
}

/** The figures table (filtered, sorted, up to the limit) and the totals by area under it. */
function drawTable() {
  const r = store.result.value;
  const t = tr.value;
  const rows = visibleMetrics.value;
  const limit = store.tableLimit.value;
  fillFiguresTable($('metrics-table'), r, rows.slice(0, limit), t, { sort: store.sort.value, sortable: true, selected: untracked(() => store.selected.value) });
  $('metrics-shown').textContent = r ? t('shown', { n: formatNumber(rows.length, t.lang), total: formatNumber(r.metrics.length, t.lang) }) : '';
  $('metrics-none').hidden = !r || rows.length > 0;
  const more = $('show-all');
  more.hidden = rows.length <= limit;
  more.textContent = t('showAll', { n: formatNumber(rows.length, t.lang) });
  fillTotals($('totals'), r, rows, t);
  $('totals-note').hidden = !r;
}

/** The selected row follows the selection without redrawing the table. */
function markSelectedRow() {
  const id = store.selected.value;
  for (const row of $('metrics-table').querySelectorAll('tr.is-selected')) { row.classList.remove('is-selected'); row.setAttribute('aria-selected', 'false'); }
  const row = id == null ? null : $('metrics-table').querySelector(`tr[data-metric-row="${id}"]`);
  row?.classList.add('is-selected');
  row?.setAttribute('aria-selected', 'true');
}

/** The printed sheet's title and date line. */
function drawPrintHeader() {
  const r = store.result.value;
  const t = tr.value;
  $('print-title').textContent = r?.meta?.title || t('appTitle');
  $('print-meta').textContent = r ? `${t('appTitle')} · ${new Date().toLocaleDateString(t.lang === 'en' ? 'en-CA' : 'zh-CN')}` : '';
}

/** A new result (or none) for `text`: the views follow; resolves false when a newer one took over. */
// A large result's panels draw one group per task (outline, table, summary, findings), so that the
// page answers keys and paints frames between them; a small result's draw at once. Until its
// turn, a panel keeps what it showed (its effect reads only panelsShown meanwhile).
let panelRun = 0;
function showResult(result, text) {
  const t0 = performance.now();
  const staged = Boolean(result) && text.length > LARGE_TEXT;
  const run = ++panelRun;
  together(() => {
    store.panelsShown.value = staged ? 0 : PANEL_STAGES;
    // Filters that no longer apply (another text) are dropped.
    const f = store.filters.value;
    if (result && ((f.category && !result.metrics.some((m) => m.category === f.category)) || (f.section !== '' && !result.outline[Number(f.section)]))) {
      store.filters.value = { ...f, category: result.metrics.some((m) => m.category === f.category) ? f.category : '', section: result.outline[Number(f.section)] ? f.section : '' };
    }
    store.selected.value = null;
    store.tableLimit.value = TABLE_PAGE;
    store.outlineLimit.value = OUTLINE_PAGE;
    store.result.value = result;
    store.resultText.value = result ? text : '';
  });
  setMode(state.mode);
  document.body.dataset.panelsMs = String(performance.now() - t0 | 0);
  const reading = readingDone;
  if (!staged) return reading;
  return (async () => {
    for (let stage = 1; stage <= PANEL_STAGES; stage++) {
      await new Promise((ok) => setTimeout(ok, 0));
      if (run !== panelRun) return false;
      store.panelsShown.value = stage;
    }
    return reading;
  })();
}

/** An effect's body that waits for panel group `stage` of a large result (showResult). */
function inTurn(stage, draw) {
  return () => {
    if (store.panelsShown.value < stage) return;
    draw();
  };
}

async function renderReading(result, text) {
  const box = $('reading');
  globalThis.CSS?.highlights?.delete('fz-source');
  globalThis.CSS?.highlights?.delete('fz-related');
  delete document.body.dataset.passage;
  delete document.body.dataset.related;
  hideTooltip();
  renderAbort?.abort();
  state.anchors = [];
  state.anchorBlocks = [];
  if (!result) {
    box.replaceChildren();
    return true;
  }
  const abort = (renderAbort = new AbortController());
  const done = await renderReportInto(box, text, result, { signal: abort.signal });
  if (!done) return false;
  roving.reset();
  state.anchors = [...box.querySelectorAll('[data-heading-anchor]')];
  state.anchorBlocks = state.anchors.map((a) => a.closest('.fz-block') ?? a);
  state.currentHeading = null;
  store.readingVersion.value++;
  requestAnimationFrame(trackCurrentSection);
  return true;
}

function renderFilters() {
  const t = tr.value;
  const r = store.result.value;
  const f = store.filters.value;
  const counts = perHeading.value;
  const opt = (value, label, selected) => el('option', { value, selected: selected ? true : null, text: label });
  const kindsPresent = KINDS.filter((k) => r?.metrics.some((m) => m.kind === k));
  $('filter-kind').replaceChildren(opt('', t('all'), !f.kind), ...kindsPresent.map((k) => opt(k, t.label('kind', k), f.kind === k)));
  $('filter-category').replaceChildren(opt('', t('all'), !f.category),
    ...categories(r).map(([c, n]) => opt(c, `${categoryName(r, c, t.lang)} (${n})`, f.category === c)));
  const sections = (r?.outline ?? []).filter((h) => (h.level ?? 1) <= 2 && counts[h.id]);
  $('filter-section').replaceChildren(opt('', t('all'), f.section === ''),
    ...sections.slice(0, 400).map((h) => opt(String(h.id), `${(h.level ?? 1) > 1 ? '\u3000' : ''}${truncate(headingLabel(h), 28)} (${counts[h.id]})`, String(h.id) === String(f.section))));
  if ($('filter-query').value !== f.query) $('filter-query').value = f.query;
}

/** The table's rows: the filtered metrics in the chosen order. */
function sortedMetrics(r, filters, { key, dir }) {
  if (!r) return [];
  const rows = filterMetrics(r, filters);
  if (key === 'id') return dir === 1 ? rows : rows.reverse();
  const val = (m) => (key === 'section' ? sectionPath(r, m.heading) : m[key]);
  const cmp = key === 'value' ? (a, b) => a - b : (a, b) => String(a ?? '').localeCompare(String(b ?? ''), 'zh');
  return rows.map((m) => [val(m), m]).sort((a, b) => dir * cmp(a[0], b[0]) || a[1].id - b[1].id).map((p) => p[1]);
}

function renderCounts() {
  const r = store.result.value;
  const t = tr.value;
  $('count-metrics').textContent = formatNumber(r?.stats.metrics ?? 0, t.lang);
  const n = r?.findings.length ?? 0;
  const f = $('count-findings');
  f.textContent = formatNumber(n, t.lang);
  const worst = SEVERITIES.find((s) => r?.findings.some((x) => x.severity === s));
  f.className = `count${worst ? ` sev-${worst}` : ''}`;
  const sevCounts = SEVERITIES.map((s) => `${t.label('severity', s)} ${r?.findings.filter((x) => x.severity === s).length ?? 0}`).join(', ');
  $('tab-findings').setAttribute('aria-label', `${t('tabFindings')} ${n}: ${sevCounts}`);
  $('tab-metrics').setAttribute('aria-label', `${t('tabMetrics')} ${r?.stats.metrics ?? 0}`);
}

function renderSummary() {
  const t = tr.value;
  const r = store.result.value;
  const panel = $('panel-summary');
  if (!r) {
    panel.replaceChildren(el('p', { class: 'muted', text: t('emptyBody') }));
    return;
  }
  const meta = r.meta ?? {};
  const dl = (pairs) => el('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [el('dt', { text: k }), typeof v === 'object' && v ? v : el('dd', { text: v ?? t('unknown') })]));
  const review = r.review ?? {};
  const tl = review.timeliness ?? { status: 'unknown' };
  const report = !meta.documentKind || meta.documentKind === 'rule-of-law-report';
  // No publication date although the page gives some: they contradict each other (the core
  // lists them, best first); each is a button to where it stands.
  const doubtful = !(tl.published ?? meta.published) && meta.dateCandidates?.length > 0;
  const published = doubtful
    ? el('dd', { class: 'date-candidates' }, t('datesDisagree'), ...meta.dateCandidates.map((c) => el('button', {
      type: 'button', class: 'cell-link', 'data-goto-range': `${c.start ?? ''}-${c.end ?? ''}`, disabled: c.start == null,
      text: `${c.date}(${c.label ?? t.label('dateSource', c.source)})`,
    })))
    : tl.published ?? meta.published;
  panel.replaceChildren(
    statsView(r, t),
    notAReport(r, t) ?? '',
    report ? el('h3', { class: 'sub', text: t('requiredParts') }) : '',
    report ? partsChecklist(r, t) : '',
    el('h3', { class: 'sub', text: t('timeliness') }),
    // `unknown` with a date found means the year could not be read, and with dates that disagree
    // no date could be trusted: never say the date is missing.
    el('p', { class: `timeliness tl-${tl.status}` }, el('strong', {
      text: t.label('timeliness', tl.status !== 'unknown' ? tl.status : (tl.published ?? meta.published) ? 'unknown-year' : doubtful ? 'unknown-dates' : 'unknown'),
    })),
    dl([
      [t('docTitle'), meta.title],
      ...(report ? [] : [[t('docKind'), t.label('documentKind', meta.documentKind)]]),
      [t('issuer'), meta.issuer],
      [t('reportYear'), meta.reportYear != null ? `${meta.reportYear}${meta.period ? ` (${t.label('period', meta.period)})` : ''}` : null],
      [t('published'), published],
      [t('deadline'), tl.deadline],
      ...(review.quantifiedMeasuresShare != null ? [[t('quantifiedShare'), `${Math.round(review.quantifiedMeasuresShare * 100)}%`]] : []),
    ]),
    el('h3', { class: 'sub', text: t('chartBySection') }),
    barChart(figuresByTopSection(r).map((s) => ({ label: s.label, count: s.count, filter: s.id != null ? { section: s.id } : null })), 'chart-sections', t('chartBySection')),
    el('h3', { class: 'sub', text: t('chartByCategory') }),
    categoryChart(r, t),
  );
}

/** A chart row: the table, filtered to that section or category. */
function onChartActivate(row) {
  let f;
  try { f = JSON.parse(row.dataset.filter); } catch { return; }
  together(() => {
    store.filters.value = { kind: '', category: f.category ?? '', section: f.section != null ? String(f.section) : '', query: '' };
    store.tableLimit.value = TABLE_PAGE;
  });
  selectTab('metrics');
}

// ---------------------------------------------------------------------------------------------
// Navigation

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

/** The findings tab at finding `id` (selected, scrolled into view). */
function showFinding(id) {
  selectTab('findings');
  for (const li of document.querySelectorAll('[data-finding-id].is-selected')) li.classList.remove('is-selected');
  const li = $('panel-findings').querySelector(`[data-finding-id="${id}"]`);
  if (!li) return;
  li.classList.add('is-selected');
  scrollWithin(li.closest('.side-pane'), li);
}

function goToFinding(id) {
  ensureReading();
  const anchor = $('reading').querySelector(`[data-finding-anchor="${Number(id)}"]`);
  if (!anchor) return;
  anchor.scrollIntoView({ block: 'center', behavior: 'instant' });
  for (const piece of $('reading').querySelectorAll(`[data-finding-ref="${Number(id)}"]`)) flash(piece);
  // The other statements it points at (inconsistent-figure: the earlier figure) are marked too.
  const related = state.result?.findings[Number(id)]?.related ?? [];
  highlight('fz-related', related.map((r) => textRange(r.start, r.end)).filter(Boolean));
  if (related.length) document.body.dataset.related = related.map((r) => `${r.start}-${r.end}`).join(',');
  else delete document.body.dataset.related;
  for (const li of document.querySelectorAll('[data-finding-id].is-selected')) li.classList.remove('is-selected');
  document.querySelector(`[data-finding-id="${Number(id)}"]`)?.classList.add('is-selected');
}

/**
 * Show the passage `{start, end}` (UTF-16 offsets) of the text in the reading view — a
 * cross-report finding's source — with the CSS Custom Highlight API (no change to the DOM).
 */
function showPassage({ start, end }) {
  ensureReading();
  const range = textRange(start, end);
  if (!range) return;
  highlight('fz-source', [range]);
  document.body.dataset.passage = `${start}-${end}`;
  (range.startContainer.parentElement ?? $('reading')).scrollIntoView({ block: 'center', behavior: 'instant' });
}

/** A DOM Range over UTF-16 offsets `start`–`end` of the text in the reading view (its textContent is the text). */
function textRange(start, end) {
  const walker = document.createTreeWalker($('reading'), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0, started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!started && start < at + len) { range.setStart(node, start - at); started = true; }
    if (started && end <= at + len) { range.setEnd(node, end - at); return range; }
    at += len;
  }
  return null;
}

/** CSS Custom Highlight `name` over `ranges` (none: cleared); the DOM is left as it is. */
function highlight(name, ranges) {
  if (!globalThis.CSS?.highlights || !globalThis.Highlight) return;
  if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
  else CSS.highlights.delete(name);
}

/** Select a metric's row in the table (clearing filters that hide it). */
function selectMetric(id) {
  const r = state.result;
  const m = r?.metrics[id];
  if (!m) return;
  selectTab('metrics');
  together(() => {
    store.selected.value = id;
    if (!filterMetrics(r, store.filters.value).some((x) => x.id === id)) store.filters.value = NO_FILTERS;
    const index = visibleMetrics.value.findIndex((x) => x.id === id);
    if (index >= store.tableLimit.value) store.tableLimit.value = index + TABLE_PAGE;
  });
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
  // First by the blocks of lines the anchors stand in, then by the anchors of one block: a block
  // off screen is measured without laying out its lines (content-visibility), an anchor in it is
  // not, and laying out a 10 MB text's blocks took 150 ms.
  const blocks = state.anchorBlocks;
  const lastAbove = (from, to, box) => {
    let lo = from, hi = to, found = from - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (box(mid).getBoundingClientRect().top <= top) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };
  let found = lastAbove(0, anchors.length - 1, (i) => blocks[i] ?? anchors[i]);
  if (found >= 0) {
    let first = found;
    while (first > 0 && blocks[first - 1] === blocks[found]) first--;
    found = lastAbove(first, found, (i) => anchors[i]);
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
  const item = markCurrentHeading(tree, state.currentHeading);
  if (!item) return;
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
  const metrics = visibleMetrics.value;
  const suffix = state.lang === 'en' ? { csv: 'figures', md: 'outline', json: 'result' } : { csv: '指标', md: '提纲', json: '分析结果' };
  if (kind === 'csv') download(`${baseName()}-${suffix.csv}.csv`, metricsCsv(r, metrics, state.lang, state.file ?? ''), 'text/csv;charset=utf-8');
  else if (kind === 'json') download(`${baseName()}-${suffix.json}.json`, JSON.stringify(r, null, 2), 'application/json');
  else if (kind === 'md') download(`${baseName()}-${suffix.md}.md`, outlineMarkdown(r, state.lang), 'text/markdown;charset=utf-8');
  else if (kind === 'copy-outline') copy(outlineMarkdown(r, state.lang));
  else if (kind === 'copy-metrics') copy(metricsTsv(r, metrics, state.lang, state.file ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Wiring

/** Every event handler of the page, by area. Handlers set the store (or call an action); the
 * panels follow by their effects. */
function wire() {
  wireToolbar();
  wireMenus();
  wireDrop();
  wireReading();
  wireOutline();
  wireTabs();
  wireTable();
  wireSidePane();
  // Print: the whole filtered table.
  window.addEventListener('beforeprint', () => {
    store.tableLimit.value = Infinity;
  });
  phone.addEventListener('change', () => setMode(state.mode));
}

/** The editor and the toolbar's buttons (samples, files, modes, language, theme, exports). */
function wireToolbar() {
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
  $('theme-btn').addEventListener('click', cycleTheme);
  $('export-csv').addEventListener('click', () => exportAction('csv'));
  $('export-json').addEventListener('click', () => exportAction('json'));
  $('export-md').addEventListener('click', () => exportAction('md'));
  $('copy-outline').addEventListener('click', () => exportAction('copy-outline'));
  $('copy-metrics').addEventListener('click', () => exportAction('copy-metrics'));
  $('print-btn').addEventListener('click', () => { closeMenus(); window.print(); });
}

/** Menus close on a click outside; Esc closes one and gives the focus back to its button. */
function wireMenus() {
  document.addEventListener('click', (e) => {
    for (const d of document.querySelectorAll('details.menu[open]')) if (!d.contains(e.target)) d.open = false;
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const d of document.querySelectorAll('details.menu[open]')) {
      const inside = d.contains(document.activeElement) || document.activeElement === document.body;
      d.open = false;
      if (inside) d.querySelector('summary').focus();
    }
    hideTooltip(document.activeElement);
  });
}

/** Files dropped anywhere on the page. */
function wireDrop() {
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
}

/** The reading view: tooltips of the figures, clicks and keys on them, scrolling. */
function wireReading() {
  const reading = $('reading');
  reading.addEventListener('mouseover', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m) showTooltip(m); });
  reading.addEventListener('mouseout', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m && !m.contains(e.relatedTarget) && document.activeElement !== m) hideTooltip(m); });
  reading.addEventListener('focusin', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m) showTooltip(m); });
  reading.addEventListener('focusout', (e) => { const m = e.target.closest('mark[data-metric-id]'); if (m) hideTooltip(m); });
  reading.addEventListener('click', (e) => {
    const m = e.target.closest('mark[data-metric-id]');
    if (m) { selectMetric(Number(m.dataset.metricId)); return; }
    // A passage found in another report of the batch: its finding, with the link to the source.
    const recycled = e.target.closest('.fz-finding[data-code="recycled-text"]');
    if (recycled) showFinding(Number(recycled.dataset.findingRef));
  });
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
}

/** The outline tree's keyboard and clicks, and its expand / collapse buttons. */
function wireOutline() {
  const tree = $('outline');
  treeBehaviour(tree, goToHeading);
  $('outline-expand').addEventListener('click', () => {
    for (const li of tree.querySelectorAll('[aria-expanded]')) li.setAttribute('aria-expanded', 'true');
  });
  $('outline-collapse').addEventListener('click', () => {
    for (const li of tree.querySelectorAll('[aria-expanded]')) li.setAttribute('aria-expanded', String(Number(li.getAttribute('aria-level')) < 2));
  });
}

/** The side pane's tabs (ARIA tabs: click and arrow keys). */
function wireTabs() {
  for (const n of TABS) {
    $(`tab-${n}`).addEventListener('click', () => selectTab(n));
    $(`tab-${n}`).addEventListener('keydown', onTabKey);
  }
}

/** The figures table: sorting, selecting a row, the filters, show all, the legend's kind filter. */
function wireTable() {
  $('metrics-table').addEventListener('click', (e) => {
    const sort = e.target.closest('button[data-sort]');
    if (sort) {
      const key = sort.dataset.sort;
      const sorted = store.sort.value;
      store.sort.value = { key, dir: sorted.key === key ? -sorted.dir : 1 };
      $('metrics-table').querySelector(`button[data-sort="${key}"]`)?.focus();
      return;
    }
    const row = e.target.closest('tr[data-metric-row]');
    if (!row) return;
    const id = Number(row.dataset.metricRow);
    store.selected.value = id;
    goToMetric(id, { focus: Boolean(e.target.closest('button')) && e.detail === 0 });
  });
  const onFilter = () => {
    together(() => {
      store.filters.value = {
        kind: $('filter-kind').value, category: $('filter-category').value,
        section: $('filter-section').value, query: $('filter-query').value,
      };
      store.tableLimit.value = TABLE_PAGE;
    });
  };
  for (const id of ['filter-kind', 'filter-category', 'filter-section']) $(id).addEventListener('change', onFilter);
  let queryTimer = null;
  $('filter-query').addEventListener('input', () => { clearTimeout(queryTimer); queryTimer = setTimeout(onFilter, 150); });
  $('filter-reset').addEventListener('click', () => {
    store.filters.value = NO_FILTERS;
  });
  $('show-all').addEventListener('click', () => { store.tableLimit.value = Infinity; });
  // The legend filters the table by kind (pressed again: all kinds).
  $('legend').addEventListener('click', (e) => {
    const b = e.target.closest('[data-legend-kind]');
    if (!b || !state.result) return;
    const f = store.filters.value;
    together(() => {
      store.filters.value = { ...f, kind: f.kind === b.dataset.legendKind ? '' : b.dataset.legendKind };
      store.tableLimit.value = TABLE_PAGE;
    });
    selectTab('metrics');
  });
}

/** Jumps from the findings, the summary and the charts to the text, and sources in other reports. */
function wireSidePane() {
  document.querySelector('.side-pane').addEventListener('click', (e) => {
    const f = e.target.closest('[data-goto-finding]');
    if (f) goToFinding(f.dataset.gotoFinding);
    const h = e.target.closest('[data-goto-heading]');
    if (h) goToHeading(h.dataset.gotoHeading);
    const range = e.target.closest('[data-goto-range]');
    if (range) {
      const [start, end] = range.dataset.gotoRange.split('-').map(Number);
      showPassage({ start, end });
    }
    const src = e.target.closest('[data-open-source]');
    if (src) batch.openFile(src.dataset.openSource, { start: Number(src.dataset.sourceStart), end: Number(src.dataset.sourceEnd) });
    const c = e.target.closest('.chart-row[data-filter]');
    if (c) onChartActivate(c);
  });
  document.querySelector('.side-pane').addEventListener('keydown', (e) => {
    const c = e.target.closest?.('.chart-row[data-filter]');
    if (c && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); onChartActivate(c); }
  });
}

async function init() {
  let lang = 'zh';
  try { lang = localStorage.getItem(LANG_KEY) || 'zh'; } catch { /* ignore */ }
  store.lang.value = lang === 'en' ? 'en' : 'zh';
  let theme = 'auto';
  try { theme = localStorage.getItem(THEME_KEY) || 'auto'; } catch { /* ignore */ }
  store.theme.value = THEMES.includes(theme) ? theme : 'auto';
  effect(applyLanguage);
  effect(applyTheme);
  views();
  wire();
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
