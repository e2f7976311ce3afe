// <fazhi-analyzer>: the analyzer as one tag for portals.
//
//   <script type="module" src="…/fazhi-analyzer-element-define.js"></script>
//   <fazhi-analyzer view="full"></fazhi-analyzer>
//
// Everything lives in a shadow root styled by two constructable stylesheets, its frame's and the
// components' it shares with the page (no inline <style>, so it works under `style-src 'self'`). The wasm core is loaded by ./fazhi-analyzer.js relative
// to that module's own URL and instantiated once for every widget on the page. Pasted text is
// data: it reaches the DOM only as text nodes. The module sets no globals; the only shared
// state is the custom element registry entry, made by `FazhiAnalyzerElement.define()`.
//
// The panels are the page's components (./views.js) and the labels the page's (./i18n.js). Each
// widget keeps its inputs in signals (@preact/signals-core, as the page does) and draws each
// panel in an effect, so a change redraws what depends on it: a new language relabels the panels
// but leaves the laid-out text alone; switching views shows and hides, and builds a panel the
// first time it is shown.

import { signal, computed, effect, batch, untracked } from './vendor/signals-core.js';
import { analyze as analyzeText } from './fazhi-analyzer.js';
import { renderReport } from './render.js';
import { describeMetric, figuresPerHeading } from './report-model.js';
import { translator } from './i18n.js';
import {
  docHeading, statsView, notAReport, partsChecklist, categoryChart, legendItems, fillOutline, treeBehaviour,
  fillFiguresTable, findingsView, rovingFigures, flash,
} from './views.js';
import { el } from './dom.js';
import { componentSheet } from './views-style.js';

const VIEWS = ['full', 'compact', 'outline', 'metrics'];
const INPUT_DEBOUNCE_MS = 300;
const TABLE_COLUMNS = ['text', 'value', 'unit', 'indicator', 'category', 'section'];

// The widget's frame: the host, the paste box, the status line and the layout of its panels.
// The panels' own look is the page's (./views-style.js, adopted after this sheet). Every custom
// property has a fallback, so the widget looks finished with no theming at all. The frame sits
// in a cascade layer below the components', so a component's rule wins over a frame rule for
// the same element (a figure cell's alignment over the table's).
const FRAME_CSS = `
@layer frame, components;
@layer frame {
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
button { font: inherit; color: inherit; }
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
.block { flex: 1 1 100%; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14em, 32%); gap: 16px; align-items: start; }
.root[data-view="outline"] .layout { grid-template-columns: minmax(0, 1fr); }
@container (max-width: 720px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.report {
  white-space: pre-wrap; overflow-wrap: anywhere;
  max-height: var(--fazhi-max-height, 70vh); overflow: auto;
  padding: 8px 12px; border: 1px solid var(--fazhi-border, #d5dbe3);
  border-radius: calc(var(--fazhi-radius, 8px) / 2); background: var(--fazhi-report-bg, transparent);
}
.side { display: flex; flex-direction: column; gap: 16px; max-height: var(--fazhi-max-height, 70vh); overflow: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: start; padding: 4px 8px; border-bottom: 1px solid var(--fazhi-border, #d5dbe3); vertical-align: top; }
th { font-weight: 600; color: var(--fazhi-muted, #52606d); position: sticky; top: 0; background: var(--fazhi-bg, #ffffff); }
.table-wrap { max-height: var(--fazhi-max-height, 70vh); overflow: auto; }
}
`;

let frameSheet;
function styleSheets() {
  if (!frameSheet) {
    frameSheet = new CSSStyleSheet();
    frameSheet.replaceSync(FRAME_CSS);
  }
  return [frameSheet, componentSheet()];
}

/**
 * Did the page's Content-Security-Policy forbid WebAssembly? (Chromium: "Refused to compile or
 * instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source …".)
 */
function wasmForbidden(err) {
  const msg = String(err?.message ?? err);
  return /WebAssembly/i.test(msg) && /(unsafe-eval|Content Security Policy|Refused)/i.test(msg);
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
  // Inputs and outcome, as signals: the effects below draw from them.
  #text = signal('');
  #viewAttr = signal(null);
  #langAttr = signal(null);
  #noInput = signal(false);
  #result = signal(null);
  #analysedText = signal(null);
  #error = signal(null);
  #busy = signal(false);
  #reportVersion = signal(0);
  #t = computed(() => translator(/^en\b/i.test(this.#langAttr.value ?? '') ? 'en' : 'zh'));
  #effects = [];
  #reportFor = null;
  #roving = null;
  #seq = 0;
  #pending = null;
  #inputTimer = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = styleSheets();
    const textarea = el('textarea', { part: 'input', id: 'input', spellcheck: 'false' });
    const label = el('label', { for: 'input' });
    const inputBox = el('div', { class: 'input', part: 'input-area' }, label, textarea);
    const status = el('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    const summary = el('section', { class: 'summary', part: 'summary' });
    const legend = el('ul', { class: 'legend' });
    const report = el('div', { class: 'report', part: 'report', role: 'document', tabindex: '0' });
    const outlineTitle = el('h2');
    const tree = el('ul', { class: 'tree', part: 'outline', role: 'tree' });
    const outlineEmpty = el('p', { class: 'muted' });
    const outline = el('section', { class: 'outline' }, outlineTitle, tree);
    const findingsTitle = el('h2');
    const findings = el('section', { class: 'findings-panel' }, findingsTitle, el('div'));
    const side = el('aside', { class: 'side' }, outline, findings);
    const layout = el('div', { class: 'layout' }, report, side);
    const tableTitle = el('h2');
    const table = el('table', { part: 'metrics' }, el('thead', {}, el('tr')), el('tbody'));
    const tableWrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region' }, table);
    const tableEmpty = el('p', { class: 'muted' });
    const metrics = el('section', { class: 'metrics' }, tableTitle, tableWrap, tableEmpty);
    const view = el('div', { class: 'view' }, summary, legend, layout, metrics);
    const root = el('div', { class: 'root', part: 'root' }, inputBox, status, view);
    this.#root.append(root);
    this.#els = {
      root, inputBox, label, textarea, status, view, summary, legend, layout, report, side, outline, outlineTitle, tree,
      outlineEmpty, findings, findingsTitle, metrics, tableTitle, table, tableWrap, tableEmpty,
    };
    this.#roving = rovingFigures(report);
    textarea.addEventListener('input', () => {
      clearTimeout(this.#inputTimer);
      this.#inputTimer = setTimeout(() => {
        this.text = textarea.value;
      }, INPUT_DEBOUNCE_MS);
    });
    treeBehaviour(tree, (id) => this.#jump(report.querySelector(`[data-heading-anchor="${id}"]`), [], 'start'));
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
    if (!this.#effects.length) this.#effects = this.#views();
    if (this.#analysedText.peek() !== this.text) this.#schedule().catch(() => {});
  }

  disconnectedCallback() {
    clearTimeout(this.#inputTimer);
    for (const dispose of this.#effects) dispose();
    this.#effects = [];
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'text') {
      // The attribute is for short inline texts; it sets the property (which does not reflect back).
      if (newValue !== null) this.text = newValue;
    } else if (name === 'view') this.#viewAttr.value = newValue;
    else if (name === 'lang') this.#langAttr.value = newValue;
    else if (name === 'no-input') this.#noInput.value = newValue !== null;
  }

  /**
   * The report text. A property: a long report is never copied into an attribute. The `text`
   * attribute, for short inline use, sets it.
   */
  get text() {
    return this.#text.peek();
  }
  set text(value) {
    const text = value === null || value === undefined ? '' : String(value);
    if (text === this.#text.peek()) return;
    this.#text.value = text;
    // An inline attribute that no longer tells the text is dropped rather than left stale.
    if (this.hasAttribute('text') && this.getAttribute('text') !== text) this.removeAttribute('text');
    if (this.#els.textarea.value !== text) this.#els.textarea.value = text;
    if (this.isConnected) this.#schedule().catch(() => {});
  }

  /** `full` (default), `compact`, `outline` or `metrics` (attribute `view`). */
  get view() {
    const v = (this.#viewAttr.peek() ?? '').trim().toLowerCase();
    return VIEWS.includes(v) ? v : 'full';
  }
  set view(value) {
    if (value === null || value === undefined) this.removeAttribute('view');
    else this.setAttribute('view', String(value));
  }

  /** Interface language, `zh` (default) or `en` (attribute `lang`). */
  get lang() {
    return this.#t.peek().lang;
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
    return this.#result.peek();
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
      batch(() => {
        this.#result.value = null;
        this.#error.value = null;
        this.#analysedText.value = text;
        this.#busy.value = false;
      });
      return null;
    }
    this.#busy.value = true;
    try {
      const result = await analyzeText(text);
      if (seq !== this.#seq) return result; // a newer text is on its way
      batch(() => {
        this.#result.value = result;
        this.#error.value = null;
        this.#analysedText.value = text;
        this.#busy.value = false;
      });
      this.dispatchEvent(new CustomEvent('fazhi-analyzer-result', { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (err) {
      let error = err instanceof Error ? err : new Error(String(err));
      // A portal whose CSP forbids WebAssembly: say so, and name the source expression it needs.
      if (wasmForbidden(error)) error = Object.assign(new Error(this.#t.peek()('wasmBlocked')), { cause: err });
      if (seq === this.#seq) {
        batch(() => {
          this.#result.value = null;
          this.#error.value = error;
          this.#analysedText.value = text;
          this.#busy.value = false;
        });
        this.dispatchEvent(
          new CustomEvent('fazhi-analyzer-error', { detail: { message: error.message, error }, bubbles: true, composed: true }),
        );
      }
      throw error;
    }
  }

  /** The effects that draw the widget, one per panel; returns their disposers. */
  #views() {
    return [
      effect(() => this.#drawLabels()),
      effect(() => { this.#els.inputBox.hidden = this.#noInput.value; }),
      effect(() => this.#drawStatus()),
      effect(() => this.#showPanels()),
      effect(() => this.#drawSummary()),
      effect(() => this.#drawReport()),
      effect(() => this.#drawLegendAndMarks()),
      effect(() => this.#drawOutline()),
      effect(() => this.#drawFindings()),
      effect(() => this.#drawTable()),
    ];
  }

  /** The view asked for (attribute `view`), `full` when it names none. */
  #view = computed(() => {
    const v = (this.#viewAttr.value ?? '').trim().toLowerCase();
    return VIEWS.includes(v) ? v : 'full';
  });

  /** What is shown: nothing while busy or without a result. */
  #shown = computed(() => (this.#busy.value ? null : this.#result.value));

  /** The interface's own words, in the widget's language. */
  #drawLabels() {
    const e = this.#els;
    const t = this.#t.value;
    e.root.setAttribute('lang', t.lang === 'en' ? 'en' : 'zh-CN');
    e.label.textContent = t('widgetInputLabel');
    e.textarea.placeholder = t('widgetPlaceholder');
    e.report.setAttribute('aria-label', t('reportText'));
    e.tableWrap.setAttribute('aria-label', t('figureList'));
    e.legend.setAttribute('aria-label', t('legend'));
  }

  /** Busy, failed (a CSP that forbids WebAssembly said as such), empty, or nothing. */
  #drawStatus() {
    const e = this.#els;
    const t = this.#t.value;
    const busy = this.#busy.value;
    const error = this.#error.value;
    const failed = Boolean(error) && !busy;
    e.status.classList.toggle('error', failed);
    e.status.setAttribute('part', failed ? 'status error' : 'status');
    if (busy) e.status.textContent = t('statusBusy');
    else if (error) e.status.textContent = error.cause && wasmForbidden(error.cause) ? error.message : t('widgetError') + error.message;
    else if (!this.#result.value) e.status.textContent = t('widgetEmpty');
    else e.status.textContent = '';
    e.status.hidden = !e.status.textContent;
  }

  /** Which panels the view shows. */
  #showPanels() {
    const e = this.#els;
    const v = this.#view.value;
    const r = this.#shown.value;
    e.root.dataset.view = v;
    e.view.hidden = !r;
    e.legend.hidden = v !== 'full';
    e.layout.hidden = v !== 'full' && v !== 'outline';
    e.report.hidden = v !== 'full';
    e.findings.hidden = v !== 'full';
    e.metrics.hidden = v !== 'metrics';
  }

  /** Title, counts, and in the compact view the required parts and main areas. */
  #drawSummary() {
    const r = this.#shown.value;
    if (!r) return;
    const t = this.#t.value;
    const compact = this.#view.value === 'compact';
    this.#els.summary.replaceChildren(
      docHeading(r, t) ?? '',
      statsView(r, t, ['metrics', 'headings', 'findings', 'chars']),
      notAReport(r, t) ?? '',
      compact && !notAReport(r, t) ? el('div', { class: 'block' }, el('h3', { text: t('requiredParts') }), partsChecklist(r, t, { links: false })) : '',
      compact && r.metrics.length ? el('div', { class: 'block' }, el('h3', { text: t('mainAreas') }), categoryChart(r, t, { max: 5 })) : '',
    );
  }

  /** The text with its highlights: laid out again only for another result. */
  #drawReport() {
    const e = this.#els;
    const r = this.#shown.value;
    if (!r || this.#view.value !== 'full') {
      // Another view: the text leaves the DOM (a long report is heavy), laid out again on return.
      e.report.replaceChildren();
      this.#reportFor = null;
      return;
    }
    if (this.#reportFor === r) return;
    this.#reportFor = r;
    e.report.replaceChildren(renderReport(this.ownerDocument, untracked(() => this.#analysedText.value), r));
    this.#roving.reset();
    this.#reportVersion.value++;
  }

  /** The legend, and each figure's part name and tooltip, in the widget's language. */
  #drawLegendAndMarks() {
    const e = this.#els;
    const r = this.#shown.value;
    const t = this.#t.value;
    if (!r || !this.#reportVersion.value) return;
    e.legend.replaceChildren(...legendItems(r, t));
    for (const button of e.legend.querySelectorAll('button')) button.replaceWith(el('span', { class: 'legend-btn' }, ...button.childNodes));
    for (const mark of e.report.querySelectorAll('mark[data-metric-id]')) {
      const m = r.metrics[Number(mark.dataset.metricId)];
      if (!m) continue;
      mark.setAttribute('part', `mark mark-${m.kind}`);
      mark.title = describeMetric(m, r, t.lang).map(([k, v]) => `${k}: ${v}`).join('\n');
    }
  }

  /** The result shown, when the view is one of `views`; else null. */
  #shownIn(...views) {
    const r = this.#shown.value;
    return r && views.includes(this.#view.value) ? r : null;
  }

  #drawOutline() {
    const r = this.#shownIn('full', 'outline');
    if (!r) return;
    const e = this.#els;
    const t = this.#t.value;
    e.outlineTitle.textContent = t('outline');
    fillOutline(e.tree, r, t, { perHeading: figuresPerHeading(r) });
    e.outlineEmpty.textContent = t('outlineEmpty');
    e.outline.replaceChildren(e.outlineTitle, r.outline.length ? e.tree : e.outlineEmpty);
  }

  #drawFindings() {
    const r = this.#shownIn('full');
    if (!r) return;
    const e = this.#els;
    const t = this.#t.value;
    e.findingsTitle.textContent = `${t('tabFindings')} (${r.findings.length})`;
    e.findings.lastElementChild.replaceChildren(...findingsView(r, untracked(() => this.#analysedText.value), t, { sourceList: false }));
  }

  #drawTable() {
    const r = this.#shownIn('metrics');
    if (!r) return;
    const e = this.#els;
    const t = this.#t.value;
    e.tableTitle.textContent = `${t('figureList')} (${r.metrics.length})`;
    e.tableWrap.hidden = !r.metrics.length;
    e.tableEmpty.hidden = r.metrics.length > 0;
    e.tableEmpty.textContent = t('noMetrics');
    fillFiguresTable(e.table, r, r.metrics, t, { columns: TABLE_COLUMNS });
  }

  #onClick(e) {
    const report = this.#els.report;
    const part = e.target.closest?.('[data-goto-heading]');
    if (part) this.#jump(report.querySelector(`[data-heading-anchor="${Number(part.dataset.gotoHeading)}"]`), [], 'start');
    const finding = e.target.closest?.('[data-goto-finding]');
    if (finding) {
      const id = Number(finding.dataset.gotoFinding);
      for (const li of this.#root.querySelectorAll('[data-finding-id].is-selected')) li.classList.remove('is-selected');
      finding.closest('[data-finding-id]')?.classList.add('is-selected');
      this.#jump(report.querySelector(`[data-finding-anchor="${id}"]`), report.querySelectorAll(`[data-finding-ref="${id}"]`), 'center');
    }
  }

  /** Scroll the reading pane (never the host page) to `target` and flash it (and `pieces`). */
  #jump(target, pieces, where) {
    const report = this.#els.report;
    if (!target || report.hidden) return;
    const offset = target.getBoundingClientRect().top - report.getBoundingClientRect().top + report.scrollTop;
    const top = where === 'center' ? offset - report.clientHeight / 3 : offset - 8;
    report.scrollTo({ top: Math.max(0, top) });
    for (const node of pieces.length ? pieces : [target]) flash(node, 1200);
  }
}
