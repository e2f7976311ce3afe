// <fazhi-analyzer>: the analyzer as one tag for portals.
//
//   <script type="module" src="…/fazhi-analyzer-element-define.js"></script>
//   <fazhi-analyzer view="full"></fazhi-analyzer>
//
// Everything lives in a shadow root styled by one constructable stylesheet (no inline <style>,
// so it works under `style-src 'self'`). The wasm core is loaded by ./fazhi-analyzer.js relative
// to that module's own URL and instantiated once for every widget on the page. Pasted text is
// data: it reaches the DOM only as text nodes. The module sets no globals; the only shared
// state is the custom element registry entry, made by `FazhiAnalyzerElement.define()`.

import { analyze as analyzeText } from './fazhi-analyzer.js';
import { renderReport, describeMetric } from './render.js';

const VIEWS = ['full', 'compact', 'outline', 'metrics'];
const KINDS = ['count', 'money', 'percent', 'duration', 'measure'];
const ROLES = ['measures', 'duty', 'problems', 'plans'];
const SEVERITIES = ['error', 'warning', 'info'];
const INPUT_DEBOUNCE_MS = 300;

const LABELS = {
  zh: {
    title: '法治报告分析',
    inputLabel: '粘贴报告全文',
    placeholder: '在此粘贴法治政府建设年度报告全文……',
    empty: '粘贴或传入报告全文后，这里显示其结构、数字和审阅意见。',
    busy: '分析中……',
    error: '无法分析：',
    untitled: '（未识别标题）',
    figures: '数字',
    headings: '标题',
    findings: '审阅意见',
    chars: '字数',
    parts: '必备内容',
    categories: '主要领域',
    outline: '目录',
    metrics: '数字一览',
    noHeadings: '未识别到标题。',
    noMetrics: '未识别到数字。',
    noFindings: '没有审阅意见。',
    report: '报告正文',
    col: { text: '原文', value: '数值', unit: '单位', indicator: '指标', category: '领域', heading: '所在章节' },
    kind: { count: '数量', money: '金额', percent: '比例', duration: '时长', measure: '计量' },
    role: { measures: '举措', duty: '职责', problems: '问题', plans: '安排' },
    severity: { error: '错误', warning: '警告', info: '提示' },
    approx: { over: '以上', under: '不足', about: '约' },
    year: (y) => `${y}年度`,
    published: (d) => `发布于 ${d}`,
    figuresIn: (n) => `${n} 个数字`,
    kindLegend: '图例',
  },
  en: {
    title: 'Rule-of-law report analysis',
    inputLabel: 'Paste the full report',
    placeholder: 'Paste the full text of a 法治政府建设 annual report here…',
    empty: 'Paste or pass a report to see its structure, figures and review findings.',
    busy: 'Analysing…',
    error: 'Cannot analyse: ',
    untitled: '(no title found)',
    figures: 'Figures',
    headings: 'Headings',
    findings: 'Findings',
    chars: 'Characters',
    parts: 'Required parts',
    categories: 'Main areas',
    outline: 'Outline',
    metrics: 'Figures',
    noHeadings: 'No headings found.',
    noMetrics: 'No figures found.',
    noFindings: 'No findings.',
    report: 'Report text',
    col: { text: 'As written', value: 'Value', unit: 'Unit', indicator: 'Indicator', category: 'Area', heading: 'Section' },
    kind: { count: 'count', money: 'money', percent: 'percent', duration: 'duration', measure: 'measure' },
    role: { measures: 'measures', duty: 'duty', problems: 'problems', plans: 'plans' },
    severity: { error: 'error', warning: 'warning', info: 'info' },
    approx: { over: 'over', under: 'under', about: 'about' },
    year: (y) => `year ${y}`,
    published: (d) => `published ${d}`,
    figuresIn: (n) => `${n} figure${n === 1 ? '' : 's'}`,
    kindLegend: 'Legend',
  },
};

// Every custom property has a fallback, so the widget looks finished with no theming at all.
const CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  container-type: inline-size;
}
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: var(--fazhi-font, system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif);
  font-size: var(--fazhi-font-size, 15px);
  line-height: 1.6;
  color: var(--fazhi-fg, #1f2933);
  background: var(--fazhi-bg, #ffffff);
  border: 1px solid var(--fazhi-border, #d5dbe3);
  border-radius: var(--fazhi-radius, 8px);
  padding: var(--fazhi-padding, 16px);
  text-align: start;
}
*, *::before, *::after { box-sizing: inherit; }
[hidden] { display: none !important; }
h2, h3 { margin: 0 0 8px; font-weight: 600; line-height: 1.35; }
h2 { font-size: 1.1em; }
h3 { font-size: 1em; color: var(--fazhi-muted, #52606d); }
.input { margin: 0 0 12px; }
.input label { display: block; font-size: .9em; color: var(--fazhi-muted, #52606d); margin-bottom: 4px; }
textarea {
  display: block; width: 100%; min-height: 6em; resize: vertical;
  font: inherit; color: inherit; background: var(--fazhi-input-bg, #f8fafc);
  border: 1px solid var(--fazhi-border, #d5dbe3); border-radius: calc(var(--fazhi-radius, 8px) / 2);
  padding: 8px;
}
textarea:focus-visible, button:focus-visible, [tabindex]:focus-visible {
  outline: 2px solid var(--fazhi-accent, #1d4ed8); outline-offset: 1px;
}
.status { color: var(--fazhi-muted, #52606d); font-size: .9em; min-height: 1.2em; margin: 0 0 8px; }
.status.error { color: var(--fazhi-error, #b42318); }
.summary { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: baseline; margin: 0 0 12px; }
.summary .doc { flex: 1 1 100%; }
.summary .doc-title { font-weight: 600; font-size: 1.05em; }
.summary .doc-meta { color: var(--fazhi-muted, #52606d); font-size: .9em; }
.count { display: inline-flex; flex-direction: column; min-width: 4.5em; }
.count b { font-size: 1.4em; font-weight: 650; color: var(--fazhi-accent, #1d4ed8); font-variant-numeric: tabular-nums; }
.count span { font-size: .85em; color: var(--fazhi-muted, #52606d); }
.parts { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: .9em; }
.parts .ok::before { content: "✓ "; color: var(--fazhi-ok, #117a43); font-weight: 700; }
.parts .missing::before { content: "✗ "; color: var(--fazhi-error, #b42318); font-weight: 700; }
.cats { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: .9em; }
.cats b { font-weight: 600; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: .85em; margin: 0 0 8px; color: var(--fazhi-muted, #52606d); }
.legend mark { padding: 0 .3em; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14em, 32%); gap: 16px; align-items: start; }
@container (max-width: 720px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.report {
  white-space: pre-wrap; overflow-wrap: anywhere;
  max-height: var(--fazhi-max-height, 70vh); overflow: auto;
  padding: 8px 12px; border: 1px solid var(--fazhi-border, #d5dbe3);
  border-radius: calc(var(--fazhi-radius, 8px) / 2); background: var(--fazhi-report-bg, transparent);
}
.side { display: flex; flex-direction: column; gap: 16px; max-height: var(--fazhi-max-height, 70vh); overflow: auto; }
/* The reading view: class names from render.js (shared with the page). */
.fz-block { content-visibility: auto; contain-intrinsic-size: auto 60em; }
.fz-blank { line-height: 0.6; font-size: 8px; }
.fz-line--heading { margin-top: 0.6em; }
.fz-heading { color: var(--fazhi-heading, var(--fazhi-accent, #1f3a5f)); font-weight: 700; border-radius: 3px; }
.fz-heading.fz-level-1 { font-size: 1.1em; }
.fz-heading.fz-style-inline, .fz-heading.fz-style-run-in { color: inherit; font-weight: inherit; }
.fz-heading.flash, .fz-finding.flash { background: var(--fazhi-flash, #fff3b0); }
.fz-boilerplate { color: var(--fazhi-muted, #52606d); font-size: .88em; }
mark, .legend-swatch {
  /* Dark text on the light kind colours, whatever the theme's text colour. */
  color: var(--fazhi-mark-fg, #1b1f24); border-radius: 3px; padding: 0 1px;
  background: var(--kind-bg); border-bottom: 2px solid var(--kind-fg);
}
mark:focus-visible { outline: 2px solid var(--fazhi-accent, #1d4ed8); outline-offset: 1px; }
.fz-kind-count { --kind-bg: var(--fazhi-count-bg, #dbeafe); --kind-fg: var(--fazhi-count-fg, #1d4ed8); }
.fz-kind-money { --kind-bg: var(--fazhi-money-bg, #dcfce7); --kind-fg: var(--fazhi-money-fg, #15803d); }
.fz-kind-percent { --kind-bg: var(--fazhi-percent-bg, #f3e8ff); --kind-fg: var(--fazhi-percent-fg, #7e22ce); }
.fz-kind-duration { --kind-bg: var(--fazhi-duration-bg, #ffedd5); --kind-fg: var(--fazhi-duration-fg, #c2410c); }
.fz-kind-measure { --kind-bg: var(--fazhi-measure-bg, #ccfbf1); --kind-fg: var(--fazhi-measure-fg, #0f766e); }
.fz-finding {
  text-decoration: underline wavy var(--fazhi-warning, #a35200); text-decoration-thickness: 1.5px;
  text-underline-offset: 4px; text-decoration-skip-ink: none;
}
.fz-finding.fz-sev-error { text-decoration-color: var(--fazhi-error, #b91c1c); }
.fz-finding.fz-sev-info { text-decoration-color: var(--fazhi-info, #1d4ed8); text-decoration-style: dotted; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding: 0; }
ul.tree ul { padding-inline-start: 1.1em; border-inline-start: 1px solid var(--fazhi-border, #d5dbe3); }
ul.tree li { margin: 2px 0; }
.entry {
  display: flex; gap: 6px; align-items: baseline; width: 100%; text-align: start;
  font: inherit; color: inherit; background: none; border: 0; padding: 2px 4px; border-radius: 4px; cursor: pointer;
}
.entry:hover { background: var(--fazhi-hover, #eef2f7); }
.entry .marker { color: var(--fazhi-muted, #52606d); white-space: nowrap; }
.entry .title { flex: 1; }
.entry .n { font-size: .8em; color: var(--fazhi-muted, #52606d); white-space: nowrap; font-variant-numeric: tabular-nums; }
.badge {
  font-size: .75em; padding: 0 .45em; border-radius: 999px; white-space: nowrap;
  background: var(--fazhi-badge-bg, #e0e7ff); color: var(--fazhi-badge-fg, #1e3a8a);
}
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: start; padding: 4px 8px; border-bottom: 1px solid var(--fazhi-border, #d5dbe3); vertical-align: top; }
th { font-weight: 600; color: var(--fazhi-muted, #52606d); position: sticky; top: 0; background: var(--fazhi-bg, #ffffff); }
td.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { max-height: var(--fazhi-max-height, 70vh); overflow: auto; }
ul.findings { list-style: none; margin: 0; padding: 0; }
ul.findings li { margin: 0 0 6px; }
.finding { display: block; width: 100%; text-align: start; font: inherit; color: inherit; background: none; border: 0; padding: 2px 4px; border-radius: 4px; cursor: pointer; }
.finding:hover { background: var(--fazhi-hover, #eef2f7); }
.sev { font-size: .75em; padding: 0 .45em; border-radius: 999px; margin-inline-end: 4px; color: #fff; background: var(--fazhi-warning, #b54708); }
.sev.error { background: var(--fazhi-error, #b42318); }
.sev.info { background: var(--fazhi-info, #2563eb); }
.muted { color: var(--fazhi-muted, #52606d); }
`;

let sharedSheet;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(CSS);
  }
  return sharedSheet;
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

/** Small DOM helper: element with attributes and children (strings become text nodes). */
function h(doc, tag, attrs = {}, ...children) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? doc.createTextNode(String(c)) : c);
  }
  return el;
}

/** Figures per heading, counting those of sub-headings too. */
function figuresPerHeading(result) {
  const counts = new Array(result.outline.length).fill(0);
  for (const m of result.metrics) {
    for (let id = m.heading; id !== null && id !== undefined && counts[id] !== undefined; id = result.outline[id].parent) {
      counts[id] += 1;
    }
  }
  return counts;
}

export class FazhiAnalyzerElement extends HTMLElement {
  static observedAttributes = ['text', 'view', 'lang', 'no-input'];

  /**
   * Register the element (idempotent). A second tag name for the same class gets a subclass,
   * since one constructor can only be registered once per registry.
   */
  static define(tag = 'fazhi-analyzer', registry = customElements) {
    const existing = registry.get(tag);
    if (existing) return existing;
    try {
      registry.define(tag, this);
      return this;
    } catch (err) {
      if (err?.name !== 'NotSupportedError') throw err;
      const Sub = class extends this {};
      registry.define(tag, Sub);
      return Sub;
    }
  }

  #root;
  #els;
  #result = null;
  #error = null;
  #analysedText = null;
  #seq = 0;
  #pending = null;
  #busy = false;
  #inputTimer = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styleSheet()];
    const doc = this.ownerDocument;
    const textarea = h(doc, 'textarea', { part: 'input', id: 'input', spellcheck: 'false' });
    const label = h(doc, 'label', { for: 'input' });
    const inputBox = h(doc, 'div', { class: 'input', part: 'input-area' }, label, textarea);
    const status = h(doc, 'div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    const view = h(doc, 'div', { class: 'view' });
    const root = h(doc, 'div', { class: 'root', part: 'root' }, inputBox, status, view);
    this.#root.append(root);
    this.#els = { root, inputBox, label, textarea, status, view };
    textarea.addEventListener('input', () => {
      clearTimeout(this.#inputTimer);
      this.#inputTimer = setTimeout(() => {
        this.text = textarea.value;
      }, INPUT_DEBOUNCE_MS);
    });
    root.addEventListener('click', (e) => this.#onClick(e));
  }

  connectedCallback() {
    // Properties set before the element was upgraded shadow the accessors: re-apply them.
    for (const prop of ['text', 'view', 'lang', 'noInput']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    this.#paint();
    if (this.#analysedText !== this.text) this.#schedule().catch(() => {});
  }

  disconnectedCallback() {
    clearTimeout(this.#inputTimer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'text') {
      if (this.#els.textarea.value !== (newValue ?? '')) this.#els.textarea.value = newValue ?? '';
      if (this.isConnected) this.#schedule().catch(() => {});
    } else if (oldValue !== newValue) {
      this.#paint();
    }
  }

  /** The report text (attribute `text`). */
  get text() {
    return this.getAttribute('text') ?? '';
  }
  set text(value) {
    if (value === null || value === undefined) this.removeAttribute('text');
    else this.setAttribute('text', String(value));
  }

  /** `full` (default), `compact`, `outline` or `metrics` (attribute `view`). */
  get view() {
    const v = (this.getAttribute('view') ?? '').trim().toLowerCase();
    return VIEWS.includes(v) ? v : 'full';
  }
  set view(value) {
    if (value === null || value === undefined) this.removeAttribute('view');
    else this.setAttribute('view', String(value));
  }

  /** Interface language, `zh` (default) or `en` (attribute `lang`). */
  get lang() {
    return /^en\b/i.test(this.getAttribute('lang') ?? '') ? 'en' : 'zh';
  }
  set lang(value) {
    if (value === null || value === undefined) this.removeAttribute('lang');
    else this.setAttribute('lang', String(value));
  }

  /** Hide the paste box, for portals that pass the text themselves (attribute `no-input`). */
  get noInput() {
    return this.hasAttribute('no-input');
  }
  set noInput(value) {
    this.toggleAttribute('no-input', Boolean(value));
  }

  /** The last result (format `fazhi-analyzer/1`), or null. Read-only. */
  get result() {
    return this.#result;
  }

  /**
   * Analyse `text` (or the current text when omitted): sets `text`, resolves to the result
   * (null for empty text) once it is rendered, rejects when the core refuses the input.
   */
  analyze(text) {
    if (text !== undefined) this.text = text;
    return this.#schedule();
  }

  /** Coalesce changes made in one task into one analysis. */
  #schedule() {
    this.#pending ??= Promise.resolve().then(() => {
      this.#pending = null;
      return this.#run();
    });
    return this.#pending;
  }

  async #run() {
    const seq = ++this.#seq;
    const text = this.text;
    if (!text.trim()) {
      this.#result = null;
      this.#error = null;
      this.#analysedText = text;
      this.#paint();
      return null;
    }
    this.#busy = true;
    this.#paintStatus();
    try {
      const result = await analyzeText(text);
      if (seq !== this.#seq) return result; // a newer text is on its way
      this.#result = result;
      this.#error = null;
      this.#analysedText = text;
      this.#busy = false;
      this.#paint();
      this.dispatchEvent(new CustomEvent('fazhi-analyzer-result', { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (seq === this.#seq) {
        this.#result = null;
        this.#error = error;
        this.#analysedText = text;
        this.#busy = false;
        this.#paint();
        this.dispatchEvent(
          new CustomEvent('fazhi-analyzer-error', { detail: { message: error.message, error }, bubbles: true, composed: true }),
        );
      }
      throw error;
    }
  }

  #t() {
    return LABELS[this.lang];
  }

  #paintStatus() {
    const { status } = this.#els;
    const t = this.#t();
    status.classList.toggle('error', Boolean(this.#error) && !this.#busy);
    status.setAttribute('part', this.#error && !this.#busy ? 'status error' : 'status');
    if (this.#busy) status.textContent = t.busy;
    else if (this.#error) status.textContent = t.error + this.#error.message;
    else if (!this.#result) status.textContent = t.empty;
    else status.textContent = '';
    status.hidden = !status.textContent;
  }

  #paint() {
    const t = this.#t();
    const { root, inputBox, label, textarea, view } = this.#els;
    root.setAttribute('lang', this.lang === 'en' ? 'en' : 'zh-CN');
    root.dataset.view = this.view;
    label.textContent = t.inputLabel;
    textarea.placeholder = t.placeholder;
    inputBox.hidden = this.noInput;
    this.#paintStatus();
    view.replaceChildren();
    const r = this.#result;
    if (!r || this.#busy) return;
    const doc = this.ownerDocument;
    switch (this.view) {
      case 'compact':
        view.append(this.#summary(doc, r, true));
        break;
      case 'outline':
        view.append(this.#summary(doc, r, false), this.#outline(doc, r));
        break;
      case 'metrics':
        view.append(this.#summary(doc, r, false), this.#metrics(doc, r));
        break;
      default:
        view.append(this.#summary(doc, r, false), this.#full(doc, r));
    }
  }

  #summary(doc, r, detailed) {
    const t = this.#t();
    const meta = r.meta ?? {};
    const metaBits = [
      meta.issuer,
      meta.reportYear ? t.year(meta.reportYear) : null,
      meta.published ? t.published(meta.published) : null,
    ].filter(Boolean);
    const count = (n, label, key) => h(doc, 'span', { class: 'count', 'data-count': key }, h(doc, 'b', {}, numberFormat.format(n)), h(doc, 'span', {}, label));
    const box = h(
      doc,
      'section',
      { class: 'summary', part: 'summary' },
      h(
        doc,
        'div',
        { class: 'doc' },
        h(doc, 'div', { class: 'doc-title' }, meta.title || t.untitled),
        metaBits.length ? h(doc, 'div', { class: 'doc-meta' }, metaBits.join(' · ')) : null,
      ),
      count(r.metrics.length, t.figures, 'metrics'),
      count(r.outline.length, t.headings, 'headings'),
      count(r.findings.length, t.findings, 'findings'),
      count(r.stats?.chars ?? 0, t.chars, 'chars'),
    );
    if (detailed) {
      const parts = h(doc, 'ul', { class: 'parts', part: 'parts', 'aria-label': t.parts });
      for (const role of ROLES) {
        const ok = Boolean(r.sections?.[role]);
        parts.append(h(doc, 'li', { class: ok ? 'ok' : 'missing', 'data-role': role, 'data-present': String(ok) }, t.role[role]));
      }
      const byCategory = new Map();
      for (const m of r.metrics) byCategory.set(m.category, (byCategory.get(m.category) ?? 0) + 1);
      const top = [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
      const cats = h(doc, 'ul', { class: 'cats', 'aria-label': t.categories });
      for (const [name, n] of top) cats.append(h(doc, 'li', {}, `${name} `, h(doc, 'b', {}, String(n))));
      box.append(
        h(doc, 'div', { class: 'doc' }, h(doc, 'h3', {}, t.parts), parts),
        top.length ? h(doc, 'div', { class: 'doc' }, h(doc, 'h3', {}, t.categories), cats) : null,
      );
    }
    return box;
  }

  #legend(doc) {
    const t = this.#t();
    const present = new Set(this.#result.metrics.map((m) => m.kind));
    return h(
      doc,
      'div',
      { class: 'legend', 'aria-label': t.kindLegend },
      KINDS.filter((k) => present.has(k)).map((k) => h(doc, 'span', { class: `legend-swatch fz-kind-${k}`, part: 'legend-item' }, t.kind[k])),
    );
  }

  #full(doc, r) {
    const t = this.#t();
    const report = h(doc, 'div', { class: 'report', part: 'report', role: 'document', 'aria-label': t.report, tabindex: '0' });
    report.append(renderReport(doc, this.#analysedText, r));
    for (const mark of report.querySelectorAll('mark[data-metric-id]')) {
      const m = r.metrics[Number(mark.dataset.metricId)];
      if (!m) continue;
      mark.setAttribute('part', `mark mark-${m.kind}`);
      mark.title = describeMetric(m, r, this.lang).map(([k, v]) => `${k}: ${v}`).join('\n');
    }
    const side = h(
      doc,
      'aside',
      { class: 'side' },
      h(doc, 'section', {}, h(doc, 'h2', {}, t.outline), this.#tree(doc, r)),
      h(doc, 'section', {}, h(doc, 'h2', {}, `${t.findings} (${r.findings.length})`), this.#findings(doc, r)),
    );
    return h(doc, 'div', { class: 'full' }, this.#legend(doc), h(doc, 'div', { class: 'layout' }, report, side));
  }

  #tree(doc, r) {
    const t = this.#t();
    if (!r.outline.length) return h(doc, 'p', { class: 'muted' }, t.noHeadings);
    const counts = figuresPerHeading(r);
    const top = h(doc, 'ul', { class: 'tree', part: 'outline', role: 'tree' });
    const lists = new Map();
    for (const hd of r.outline) {
      const parentList = hd.parent === null || hd.parent === undefined ? top : lists.get(hd.parent) ?? top;
      const entry = h(
        doc,
        'button',
        { type: 'button', class: 'entry', part: 'heading', 'data-heading-id': hd.id },
        h(doc, 'span', { class: 'marker' }, hd.marker),
        h(doc, 'span', { class: 'title' }, hd.title),
        hd.role ? h(doc, 'span', { class: 'badge', 'data-role': hd.role }, t.role[hd.role] ?? hd.role) : null,
        counts[hd.id] ? h(doc, 'span', { class: 'n' }, t.figuresIn(counts[hd.id])) : null,
      );
      const li = h(doc, 'li', { role: 'treeitem', 'aria-level': hd.level }, entry);
      parentList.append(li);
      const sub = h(doc, 'ul', { role: 'group' });
      lists.set(hd.id, sub);
      li.append(sub);
    }
    for (const sub of lists.values()) if (!sub.childElementCount) sub.remove();
    return top;
  }

  #outline(doc, r) {
    return h(doc, 'section', {}, h(doc, 'h2', {}, this.#t().outline), this.#tree(doc, r));
  }

  #metrics(doc, r) {
    const t = this.#t();
    if (!r.metrics.length) return h(doc, 'p', { class: 'muted' }, t.noMetrics);
    const head = h(doc, 'tr', {}, ['text', 'value', 'unit', 'indicator', 'category', 'heading'].map((c) => h(doc, 'th', { scope: 'col' }, t.col[c])));
    const body = h(doc, 'tbody');
    for (const m of r.metrics) {
      const heading = m.heading !== null && m.heading !== undefined ? r.outline[m.heading] : null;
      body.append(
        h(
          doc,
          'tr',
          { 'data-metric-id': m.id, 'data-kind': m.kind },
          h(doc, 'td', {}, m.text),
          h(doc, 'td', { class: 'num' }, (m.approx ? `${t.approx[m.approx]} ` : '') + numberFormat.format(m.value)),
          h(doc, 'td', {}, m.unit),
          h(doc, 'td', {}, m.indicator),
          h(doc, 'td', {}, m.category),
          h(doc, 'td', {}, heading ? `${heading.marker}${heading.title}` : ''),
        ),
      );
    }
    return h(
      doc,
      'section',
      {},
      h(doc, 'h2', {}, `${t.metrics} (${r.metrics.length})`),
      h(doc, 'div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t.metrics }, h(doc, 'table', { part: 'metrics' }, h(doc, 'thead', {}, head), body)),
    );
  }

  #findings(doc, r) {
    const t = this.#t();
    if (!r.findings.length) return h(doc, 'p', { class: 'muted' }, t.noFindings);
    const list = h(doc, 'ul', { class: 'findings', part: 'findings' });
    const order = [...r.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id - b.id);
    for (const f of order) {
      list.append(
        h(
          doc,
          'li',
          {},
          h(
            doc,
            'button',
            { type: 'button', class: 'finding', part: 'finding', 'data-finding-id': f.id, 'data-severity': f.severity },
            h(doc, 'span', { class: `sev ${f.severity}` }, t.severity[f.severity] ?? f.severity),
            f.message,
          ),
        ),
      );
    }
    return list;
  }

  #onClick(e) {
    const entry = e.target.closest?.('[data-heading-id]');
    const finding = e.target.closest?.('[data-finding-id]');
    const report = this.#root.querySelector('.report');
    if (!report) return;
    let target = null;
    if (entry && !report.contains(entry)) {
      const id = Number(entry.dataset.headingId);
      target = report.querySelector(`[data-heading-anchor="${id}"]`);
    } else if (finding) {
      const f = this.#result?.findings[Number(finding.dataset.findingId)];
      if (f && f.start !== null && f.start !== undefined) {
        target = report.querySelector(`[data-finding-anchor="${f.id}"]`);
      }
    }
    if (!target) return;
    // Scroll the report pane only, never the host page.
    const top = target.getBoundingClientRect().top - report.getBoundingClientRect().top + report.scrollTop - 8;
    report.scrollTo({ top: Math.max(0, top) });
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1200);
  }
}
