// Text + result → DOM with marks. Free of page globals: the page and the embeddable widget
// (inside its shadow root) both call renderReport(); styling is left to class names.
//
// The user's text is data: it only ever enters the DOM through text nodes.


/**
 * Render `text` with the analysis `result` as a DocumentFragment of line blocks.
 *
 *   renderReport(document, text, result) → DocumentFragment
 *
 * - `<div class="fz-block">` groups of up to 200 lines, each line a `<div class="fz-line">` (the line's "\n" included, so the
 *   fragment's textContent is exactly `text`); whitespace-only lines get `fz-blank`, lines that
 *   open with a heading get `fz-line--heading fz-level-N`;
 * - one `<mark class="fz-metric fz-kind-KIND" data-metric-id="N" data-kind="KIND" tabindex>`
 *   per metric (metrics that overlap an earlier one are skipped — the core never produces them);
 * - headings: `<span class="fz-heading fz-level-N fz-style-STYLE" data-heading-anchor="ID">`
 *   (a heading cut by a line break or a finding continues in `data-heading-part="ID"` spans);
 * - findings with evidence: `<span class="fz-finding fz-sev-SEVERITY" data-finding-ref="ID">`,
 *   the first piece also `data-finding-anchor="ID"`. Heading and finding spans are widened
 *   rather than cut a metric, so every metric stays one mark;
 * - page chrome the core set aside (`result.boilerplate`): `<span class="fz-boilerplate fz-bp-KIND">`.
 *
 * Offsets are UTF-16 code units, as the result gives them. Options: `{ tabbable: true }`: the
 * first mark has tabindex="0", the others "-1" (one tab stop; false: all "-1").
 */
export function renderReport(doc, text, result, options = {}) {
  const all = doc.createDocumentFragment();
  for (const chunk of build(doc, text, result, options)) all.appendChild(chunk);
  return all;
}

/**
 * The same rendering, appended to `container` in chunks of about `chunkMs` of work, yielding to the
 * event loop between chunks so that a page stays responsive while a 10 MB text is laid out.
 * Resolves true when complete, false when `signal` aborted it first.
 */
export async function renderReportInto(container, text, result, { signal, chunkMs = 40, tabbable = true } = {}) {
  container.replaceChildren();
  const doc = container.ownerDocument;
  const nextTask = () => new Promise((ok) => setTimeout(ok, 0));
  // The first chunk sorts every span of the text: it gets a task of its own, apart from the
  // panels drawn with the same result.
  await nextTask();
  if (signal?.aborted) return false;
  for (const chunk of build(doc, text, result, { tabbable, chunkMs })) {
    if (signal?.aborted) return false;
    container.appendChild(chunk);
    await nextTask();
  }
  return !signal?.aborted;
}

// Lines are grouped in blocks (`fz-block`) of this many, so that a page can skip laying out
// blocks off screen (content-visibility) and a 10 MB text stays a few hundred block boxes.
const BLOCK_LINES = 200;

// Characters that change how text reads without showing themselves: bidi controls (a U+202E can
// make 12 read as 21) and zero-width characters. Each is wrapped in `span.fz-invisible` with its
// code point in `data-char`; the stylesheet shows it as a marked token and isolates it, so the
// override cannot reach the text around it. The character itself stays: textContent is the text.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

function appendText(doc, parent, s) {
  INVISIBLE.lastIndex = 0;
  let at = 0;
  for (let m; (m = INVISIBLE.exec(s));) {
    if (m.index > at) parent.appendChild(doc.createTextNode(s.slice(at, m.index)));
    const span = doc.createElement('span');
    span.className = 'fz-invisible';
    span.dataset.char = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    span.title = span.dataset.char;
    span.textContent = m[0];
    parent.appendChild(span);
    at = m.index + 1;
  }
  if (at < s.length) parent.appendChild(doc.createTextNode(at ? s.slice(at) : s));
}

/** Yields DocumentFragments of consecutive whole lines (all at once unless chunkMs is set). */
function* build(doc, text, result, { tabbable = true, chunkMs = Infinity } = {}) {
  text = String(text ?? '');
  const len = text.length;
  let frag = doc.createDocumentFragment();
  let chunkStart = performance.now();
  const valid = (s, e) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= len && s < e;

  // Metrics: sorted, non-overlapping.
  const metrics = [];
  for (const m of [...(result?.metrics ?? [])].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (!valid(m.start, m.end)) continue;
    if (metrics.length && m.start < metrics[metrics.length - 1].end) continue;
    metrics.push(m);
  }
  const metricStarts = metrics.map((m) => m.start);
  // The metric containing position p strictly inside (start < p < end), if any.
  const cutting = (p) => {
    let lo = 0, hi = metrics.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (metricStarts[mid] < p) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found >= 0 && metrics[found].end > p ? metrics[found] : null;
  };
  const widen = (s, e) => [cutting(s)?.start ?? s, cutting(e)?.end ?? e];

  // Wrappers: page chrome outermost, then headings, then findings.
  const wrappers = [];
  for (const [i, b] of (result?.boilerplate ?? []).entries()) {
    if (!valid(b.start, b.end)) continue;
    const [s, e] = widen(b.start, b.end);
    wrappers.push({ type: 'boilerplate', rank: -1, id: i, start: s, end: e, item: b });
  }
  const headings = result?.outline ?? [];
  for (const h of headings) {
    if (!valid(h.start, h.end)) continue;
    const [s, e] = widen(h.start, h.end);
    wrappers.push({ type: 'heading', rank: 0, id: h.id, start: s, end: e, item: h });
  }
  for (const f of result?.findings ?? []) {
    if (!valid(f.start, f.end)) continue;
    const [s, e] = widen(f.start, f.end);
    wrappers.push({ type: 'finding', rank: 1, id: f.id, start: s, end: e, item: f });
  }
  const order = (a, b) => a.rank - b.rank || a.start - b.start || b.end - a.end || a.id - b.id;

  // Boundaries: every span edge and every line start (never inside a metric).
  const points = new Set([0, len]);
  for (const m of metrics) { points.add(m.start); points.add(m.end); }
  for (const w of wrappers) { points.add(w.start); points.add(w.end); }
  const lineStarts = new Set([0]);
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < len; i = text.indexOf('\n', i + 1)) {
    if (!cutting(i + 1)) { points.add(i + 1); lineStarts.add(i + 1); }
  }
  const bounds = [...points].sort((a, b) => a - b);

  const startsAt = new Map();
  for (const w of wrappers) {
    if (!startsAt.has(w.start)) startsAt.set(w.start, []);
    startsAt.get(w.start).push(w);
  }
  const metricAt = new Map(metrics.map((m) => [m.start, m]));
  const opened = new Set(); // wrappers that already have their first piece
  let firstMarkDone = false;
  let active = [];
  let line = null;
  let stack = []; // [{w, el}]

  let block = null;
  let linesInBlock = 0;
  const newLine = (pos) => {
    const end = text.indexOf('\n', pos);
    const lineText = text.slice(pos, end < 0 ? len : end);
    if (!block || linesInBlock >= BLOCK_LINES) {
      block = doc.createElement('div');
      block.className = 'fz-block';
      frag.appendChild(block);
      linesInBlock = 0;
    }
    linesInBlock++;
    line = doc.createElement('div');
    line.className = lineText.trim() ? 'fz-line' : 'fz-line fz-blank';
    block.appendChild(line);
    stack = [];
  };
  const top = () => (stack.length ? stack[stack.length - 1].el : line);
  const openWrapper = (w) => {
    const el = doc.createElement('span');
    const first = !opened.has(w);
    opened.add(w);
    if (w.type === 'boilerplate') {
      el.className = `fz-boilerplate fz-bp-${w.item.kind}`;
      el.dataset.boilerplate = w.item.kind;
    } else if (w.type === 'heading') {
      const h = w.item;
      el.className = `fz-heading fz-level-${Math.min(h.level ?? 1, 6)} fz-style-${h.style ?? 'x'}`;
      el.setAttribute(first ? 'data-heading-anchor' : 'data-heading-part', String(w.id));
      if (h.role) el.dataset.role = h.role;
      if (first && h.style !== 'inline' && h.style !== 'run-in' && !text.slice(lineStartOf(w.start), w.start).trim()) {
        line.classList.add('fz-line--heading', `fz-level-${Math.min(h.level ?? 1, 6)}`);
      }
    } else {
      el.className = `fz-finding fz-sev-${w.item.severity}`;
      el.setAttribute('data-finding-ref', String(w.id));
      if (first) el.setAttribute('data-finding-anchor', String(w.id));
      el.dataset.code = w.item.code;
    }
    top().appendChild(el);
    stack.push({ w, el });
  };
  const lineStartOf = (p) => text.lastIndexOf('\n', p - 1) + 1;

  for (let i = 0; i < bounds.length - 1; i++) {
    const a = bounds[i], b = bounds[i + 1];
    if (startsAt.has(a)) active = active.concat(startsAt.get(a));
    active = active.filter((w) => w.end > a);
    if (lineStarts.has(a) || !line) {
      if (chunkMs !== Infinity && linesInBlock >= BLOCK_LINES && performance.now() - chunkStart > chunkMs) {
        yield frag;
        frag = doc.createDocumentFragment();
        chunkStart = performance.now();
      }
      newLine(a);
    }
    const want = active.slice().sort(order);
    let k = 0;
    while (k < stack.length && k < want.length && stack[k].w === want[k]) k++;
    stack.length = k;
    for (let j = k; j < want.length; j++) openWrapper(want[j]);
    const m = metricAt.get(a);
    if (m && m.end === b) {
      const mark = doc.createElement('mark');
      mark.className = `fz-metric fz-kind-${m.kind}`;
      mark.setAttribute('data-metric-id', String(m.id));
      mark.setAttribute('data-kind', m.kind);
      // One tab stop for all figures (the first); arrows move between them (views.js rovingFigures).
      mark.tabIndex = tabbable && !firstMarkDone ? 0 : -1;
      firstMarkDone = true;
      appendText(doc, mark, text.slice(a, b));
      top().appendChild(mark);
    } else {
      appendText(doc, top(), text.slice(a, b));
    }
  }
  yield frag;
}

// The model's formatting helpers, re-exported: `render.js` is the embedders' documented entry.
export { formatNumber, formatValue, headingPath, headingLabel, describeMetric } from './report-model.js';
