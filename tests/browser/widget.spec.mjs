// The embeddable widget (issue 7): <fazhi-analyzer> in a host page the tests write themselves.
// Host pages are served through page.route() at a path of the test server's own origin, so the
// widget loads its module, renderer and wasm from the real server exactly as a portal would.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, host, hostPage, coreResult as core, openPage, pasteText } from './helpers.mjs';

const SHORT = `某县2021年法治政府建设工作报告
一、主要举措
全年共受理行政复议案件12件,办结率达到95%。
二、存在的问题
部分执法人员业务能力不足。
三、下一步工作安排
组织培训3次。
`;

/** Marks inside a widget's shadow root as [id, text]. */
const marksOf = (locator) =>
  locator.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('mark[data-metric-id]')].map((m) => [Number(m.dataset.metricId), m.textContent]),
  );

test('two widgets on one page analyse independently, sharing one wasm instance', async ({ page }) => {
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  const long = seed(SEED_003);
  await host(page, '/two.html', hostPage('<fazhi-analyzer id="a"></fazhi-analyzer><fazhi-analyzer id="b" view="compact"></fazhi-analyzer>'));
  const [ra, rb] = await page.evaluate(
    ([ta, tb]) => Promise.all([document.querySelector('#a').analyze(ta), document.querySelector('#b').analyze(tb)]),
    [long, SHORT],
  );
  const expectA = await core(page, long);
  const expectB = await core(page, SHORT);
  expect(ra).toEqual(expectA);
  expect(rb).toEqual(expectB);
  expect(expectA.metrics.length).not.toBe(expectB.metrics.length);
  // Each keeps its own text and result.
  expect(await page.locator('#a').evaluate((el) => [el.text.length, el.result.metrics.length])).toEqual([long.length, expectA.metrics.length]);
  expect(await page.locator('#b').evaluate((el) => [el.text.length, el.result.metrics.length])).toEqual([SHORT.length, expectB.metrics.length]);

  // The full view shows the page's highlights: one mark per metric covering exactly its text.
  const marks = await marksOf(page.locator('#a'));
  expect(marks.length).toBe(expectA.metrics.length);
  for (const [id, t] of marks) expect(t).toBe(long.slice(expectA.metrics[id].start, expectA.metrics[id].end));
  expect(await page.locator('#a').evaluate((el) => el.shadowRoot.querySelector('[part~="report"]').textContent)).toBe(long);
  // Compact view: counts only, no reading view.
  expect(await marksOf(page.locator('#b'))).toEqual([]);
  await expect(page.locator('#b [data-stat="metrics"] .stat-value')).toHaveText(String(expectB.metrics.length));

  // Changing one widget's text leaves the other alone.
  await page.locator('#b').evaluate((el) => el.analyze('全年办理案件7件。'));
  expect(await page.locator('#a').evaluate((el) => el.result.metrics.length)).toBe(expectA.metrics.length);
  expect(await page.locator('#b').evaluate((el) => el.result.metrics.length)).toBe(1);
  expect(wasm.length).toBe(1);
  await page.locator('#a').screenshot({ path: 'test-results/widget-full.png' });
});

test('typing in the widget analyses after a pause; the view switches between full, outline and metrics', async ({ page }) => {
  await host(page, '/typing.html', hostPage('<fazhi-analyzer></fazhi-analyzer>'));
  const w = page.locator('fazhi-analyzer');
  const events = page.evaluate(() => new Promise((ok) => document.addEventListener('fazhi-analyzer-result', (e) => ok(e.detail.metrics.length), { once: true })));
  await w.locator('textarea').fill(SHORT);
  const expected = await core(page, SHORT);
  expect(await events).toBe(expected.metrics.length);
  await expect(w.locator('mark[data-metric-id]')).toHaveCount(expected.metrics.length);
  expect(await w.evaluate((el) => el.text)).toBe(SHORT);

  await w.evaluate((el) => { el.view = 'outline'; });
  await expect(w.locator('mark[data-metric-id]')).toHaveCount(0);
  await expect(w.locator('.tree [data-heading-id]')).toHaveCount(expected.outline.length);
  await w.evaluate((el) => el.setAttribute('view', 'metrics'));
  await expect(w.locator('tr[data-metric-row]')).toHaveCount(expected.metrics.length);
  await w.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(w.locator('th').first()).toHaveText('As written');
});

test('attributes and properties reflect both ways; result is read-only', async ({ page }) => {
  await host(page, '/reflect.html', hostPage('<fazhi-analyzer view="outline" lang="en" no-input text="全年受理案件12件。"></fazhi-analyzer>'));
  const w = page.locator('fazhi-analyzer');
  await expect(w.locator('[part~="outline"], .muted').first()).toBeVisible();
  const state = await w.evaluate(async (el) => {
    await customElements.whenDefined('fazhi-analyzer');
    const out = { initial: [el.text, el.view, el.lang, el.noInput] };
    el.view = 'metrics';
    el.lang = 'zh';
    el.text = '办结率98%。';
    el.noInput = false;
    out.attrs = ['view', 'lang', 'text', 'no-input'].map((a) => el.getAttribute(a));
    el.setAttribute('view', 'compact');
    el.setAttribute('lang', 'en-GB');
    el.setAttribute('text', '共3人。');
    el.setAttribute('no-input', '');
    out.props = [el.view, el.lang, el.text, el.noInput];
    el.setAttribute('view', 'bogus');
    el.removeAttribute('lang');
    out.fallbacks = [el.view, el.lang];
    const before = await el.analyze();
    try { el.result = { fake: true }; } catch { /* strict mode throws */ }
    out.readOnly = el.result === before && !('fake' in el.result);
    out.metricsText = el.result.metrics.map((m) => m.text);
    out.resultIsNotAttribute = !el.hasAttribute('result');
    return out;
  });
  expect(state.initial).toEqual(['全年受理案件12件。', 'outline', 'en', true]);
  // The text is a property: a report is never copied into an attribute (the attribute only sets
  // it, and one that no longer tells the text is dropped).
  expect(state.attrs).toEqual(['metrics', 'zh', null, null]);
  expect(state.props).toEqual(['compact', 'en', '共3人。', true]);
  expect(state.fallbacks).toEqual(['full', 'zh']);
  expect(state.readOnly).toBe(true);
  expect(state.metricsText).toEqual(['3人']);
  expect(state.resultIsNotAttribute).toBe(true);
  // A property set before the element is defined is kept once it upgrades.
  const early = await page.evaluate(async () => {
    const el = document.createElement('fazhi-analyzer-late');
    el.view = 'metrics';
    el.text = '受理案件5件。';
    document.body.append(el);
    const { FazhiAnalyzerElement } = await import('/fazhi-analyzer-element.js');
    FazhiAnalyzerElement.define('fazhi-analyzer-late');
    const r = await el.analyze();
    return [el.getAttribute('view'), el.getAttribute('text'), el.text, r.metrics.length, el.constructor !== HTMLElement];
  });
  expect(early).toEqual(['metrics', null, '受理案件5件。', 1, true]);
});

test('result and error events carry their payload, bubble and cross the shadow boundary', async ({ page }) => {
  await host(page, '/events.html', hostPage('<div id="outer"><fazhi-analyzer id="w"></fazhi-analyzer></div>'));
  const got = await page.evaluate(async (text) => {
    const el = document.querySelector('#w');
    const seen = [];
    const rec = (where) => (e) =>
      seen.push({ where, type: e.type, bubbles: e.bubbles, composed: e.composed, target: e.target.id, same: e.detail === el.result, ...(e.detail?.metrics ? { metrics: e.detail.metrics.length } : { message: e.detail?.message }) });
    for (const type of ['fazhi-analyzer-result', 'fazhi-analyzer-error']) {
      document.querySelector('#outer').addEventListener(type, rec('outer'));
      window.addEventListener(type, rec('window'));
    }
    const r = await el.analyze(text);
    let rejected = null;
    try { await el.analyze('\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007'.repeat(64)); } catch (e) { rejected = e.message; }
    return { seen, resultMetrics: r.metrics.length, rejected, status: el.shadowRoot.querySelector('[part~="status"]').textContent };
  }, SHORT);
  const expected = await core(page, SHORT);
  const results = got.seen.filter((e) => e.type === 'fazhi-analyzer-result');
  expect(results).toEqual([
    { where: 'outer', type: 'fazhi-analyzer-result', bubbles: true, composed: true, target: 'w', same: true, metrics: expected.metrics.length },
    { where: 'window', type: 'fazhi-analyzer-result', bubbles: true, composed: true, target: 'w', same: true, metrics: expected.metrics.length },
  ]);
  expect(got.resultMetrics).toBe(expected.metrics.length);
  const errors = got.seen.filter((e) => e.type === 'fazhi-analyzer-error');
  expect(got.rejected).toBeTruthy();
  expect(errors.map((e) => [e.where, e.bubbles, e.composed, e.message])).toEqual([
    ['outer', true, true, got.rejected],
    ['window', true, true, got.rejected],
  ]);
  expect(got.status).toContain(got.rejected);
});

test('host styles do not leak in, widget styles do not leak out, no globals are added', async ({ page }) => {
  const css = `
    * { font-family: "Courier New", monospace !important; letter-spacing: 3px; }
    body { color: rgb(255, 0, 0); font-size: 30px; line-height: 3; }
    mark { background: rgb(0, 255, 0); color: rgb(0, 0, 255); }
    textarea, div, section, table, td { border: 5px dotted rgb(255, 0, 255); padding: 40px; }
    .fz-line, .root, .report, .summary { display: none; }
    fazhi-analyzer { --fazhi-accent: rgb(1, 2, 3); }`;
  await host(page, '/leak.html', `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head>
    <body><p id="host-p">门户正文 <mark id="host-mark">门户标记</mark></p><div class="root" id="host-root">x</div>
    <fazhi-analyzer id="w"></fazhi-analyzer></body></html>`);
  const hostBefore = await page.evaluate(() => {
    const cs = (el) => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.fontFamily, s.display]; };
    return { mark: cs(document.querySelector('#host-mark')), root: cs(document.querySelector('#host-root')), keys: Object.keys(window).sort(), sheets: document.styleSheets.length };
  });
  const after = await page.evaluate(async (text) => {
    const { FazhiAnalyzerElement } = await import('/fazhi-analyzer-element.js');
    FazhiAnalyzerElement.define();
    const el = document.querySelector('#w');
    await el.analyze(text);
    const cs = (n) => { const s = getComputedStyle(n); return [s.backgroundColor, s.color, s.fontFamily, s.display]; };
    const sr = el.shadowRoot;
    const inner = sr.querySelector('mark[data-metric-id]');
    const line = sr.querySelector('.fz-line');
    const ta = getComputedStyle(sr.querySelector('textarea'));
    return {
      mark: cs(document.querySelector('#host-mark')),
      root: cs(document.querySelector('#host-root')),
      keys: Object.keys(window).sort(),
      sheets: document.styleSheets.length,
      docAdopted: document.adoptedStyleSheets.length,
      innerMark: cs(inner),
      innerLine: cs(line),
      innerRoot: cs(sr.querySelector('.root')),
      taBorder: ta.borderTopStyle,
      taPadding: ta.paddingTop,
      letterSpacing: getComputedStyle(inner).letterSpacing,
      hostFontSize: getComputedStyle(el).fontSize,
      accent: getComputedStyle(sr.querySelector('[data-stat="metrics"] .stat-value')).color,
      inlineStyles: sr.querySelectorAll('style, [style]').length,
      adopted: sr.adoptedStyleSheets.length,
    };
  }, SHORT);
  // Out: the host's own mark and .root keep the host's styles; nothing added to the document.
  expect(after.mark).toEqual(hostBefore.mark);
  expect(after.mark.slice(0, 2)).toEqual(['rgb(0, 255, 0)', 'rgb(0, 0, 255)']);
  expect(after.root).toEqual(hostBefore.root);
  expect(after.sheets).toBe(hostBefore.sheets);
  expect(after.docAdopted).toBe(0);
  expect(after.keys).toEqual(hostBefore.keys);
  // In: none of the host's rules reach inside (only custom properties, by design).
  expect(after.innerMark[0]).not.toBe('rgb(0, 255, 0)');
  expect(after.innerMark[1]).not.toBe('rgb(0, 0, 255)');
  expect(after.innerMark[2]).not.toContain('Courier');
  expect(after.innerLine[3]).toBe('block');
  expect(after.innerRoot[3]).toBe('block');
  expect(after.innerLine[1]).not.toBe('rgb(255, 0, 0)');
  expect(after.taBorder).not.toBe('dotted');
  expect(after.taPadding).not.toBe('40px');
  expect(after.letterSpacing).toBe('normal');
  expect(after.hostFontSize).not.toBe('30px');
  expect(after.accent).toBe('rgb(1, 2, 3)');
  expect(after.inlineStyles).toBe(0);
  // Its frame's sheet and the components' sheet it shares with the page (views-style.js).
  expect(after.adopted).toBe(2);
});

test('a widget finding jumps to its evidence, scrolling the reading pane only', async ({ page }) => {
  await host(page, '/jump.html', hostPage('<p style="height:50px">门户</p><fazhi-analyzer id="w" no-input></fazhi-analyzer>'));
  const w = page.locator('#w');
  const text = seed(SEED_003);
  const result = await w.evaluate((el, t) => el.analyze(t), text);
  const located = result.findings.filter((f) => f.start != null);
  expect(located.length).toBeGreaterThan(3);
  // The last finding with evidence: far down the text, below the pane's first screen.
  const f = located.reduce((a, b) => (b.start > a.start ? b : a));
  const before = await page.evaluate(() => [window.scrollY, document.querySelector('#w').shadowRoot.querySelector('.report').scrollTop]);
  await w.locator(`[data-finding-id="${f.id}"] [data-goto-finding]`).click();
  const anchor = w.locator(`[data-finding-anchor="${f.id}"]`);
  await expect(anchor).toHaveClass(/flash/);
  await expect(anchor).toBeInViewport();
  const after = await page.evaluate(() => {
    const report = document.querySelector('#w').shadowRoot.querySelector('.report');
    const a = report.querySelector('.flash').getBoundingClientRect();
    const r = report.getBoundingClientRect();
    return { scrollY: window.scrollY, top: report.scrollTop, inside: a.top >= r.top && a.bottom <= r.bottom };
  });
  expect(after.top).toBeGreaterThan(before[1]);
  expect(after.inside).toBe(true);
  expect(after.scrollY).toBe(before[0]);
  expect(await anchor.textContent()).toBe(text.slice(f.start, f.end).slice(0, (await anchor.textContent()).length));
  await expect(w.locator(`[data-finding-id="${f.id}"]`)).toHaveClass(/is-selected/);
});

test('no title: the widget shows none (no placeholder), and the figures are one tab stop', async ({ page }) => {
  await host(page, '/notitle.html', hostPage('<fazhi-analyzer id="w" text="全年受理案件12件,办结11件,办结率91.7%。"></fazhi-analyzer>'));
  const w = page.locator('#w');
  await expect(w.locator('mark[data-metric-id]')).toHaveCount(3);
  await expect(w.locator('.doc-title')).toHaveCount(0);
  expect(await w.evaluate((el) => el.shadowRoot.textContent)).not.toContain('未识别标题');
  await expect(w.locator('mark[tabindex="0"]')).toHaveCount(1);
  await w.locator('mark[data-metric-id]').first().focus();
  await page.keyboard.press('ArrowRight');
  expect(await w.evaluate((el) => el.shadowRoot.activeElement?.textContent)).toBe('11件');
});

test('a portal whose CSP forbids WebAssembly gets a Chinese explanation naming wasm-unsafe-eval', async ({ page }) => {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self'";
  await host(page, '/no-wasm.html', hostPage('<fazhi-analyzer id="w" text="全年受理案件12件。"></fazhi-analyzer>'), { 'Content-Security-Policy': policy });
  const status = page.locator('#w [part~="status"]');
  await expect(status).toHaveAttribute('part', 'status error');
  await expect(status).toContainText("'wasm-unsafe-eval'");
  await expect(status).toContainText('内容安全策略');
  await expect(status).toContainText('WebAssembly');
  // The error event and analyze()'s rejection carry the same explanation.
  const message = await page.locator('#w').evaluate((el) => el.analyze('共3人。').then(() => null, (e) => e.message));
  expect(message).toContain("'wasm-unsafe-eval'");
});

test('the widget updates what changed: a new language relabels without laying out the text again', async ({ page }) => {
  await host(page, '/update.html', hostPage('<fazhi-analyzer id="w" no-input></fazhi-analyzer>'));
  const w = page.locator('#w');
  await w.evaluate((el, t) => el.analyze(t), seed(SEED_003));
  const kept = await w.evaluate((el) => {
    const sr = el.shadowRoot;
    window.__mark = sr.querySelector('mark[data-metric-id]');
    window.__block = sr.querySelector('.fz-block');
    window.__tree = sr.querySelector('[part~="outline"]');
    el.lang = 'en';
    return sr.querySelector('[data-stat="metrics"] .stat-label').textContent;
  });
  expect(kept).toBe('Figures');
  const after = await w.evaluate((el) => ({
    same: window.__mark.isConnected && window.__block.isConnected && el.shadowRoot.querySelector('mark[data-metric-id]') === window.__mark,
    title: window.__mark.title,
    findings: el.shadowRoot.querySelector('.findings-panel h2').textContent,
  }));
  expect(after.same).toBe(true);
  expect(after.title).toMatch(/^Value: /);
  expect(after.findings).toMatch(/^Findings \(\d+\)$/);
  // A new text does lay it out again; the same text set again does nothing.
  const again = await w.evaluate(async (el) => {
    // The same text again schedules nothing (the setter compares), so nothing can change later.
    const busyBefore = el.shadowRoot.querySelector('[part~="status"]').hidden;
    el.text = el.text;
    const unchanged = busyBefore && el.shadowRoot.querySelector('[part~="status"]').hidden && el.shadowRoot.querySelector('mark[data-metric-id]') === window.__mark;
    await el.analyze('全年受理案件7件。');
    return [unchanged, window.__mark.isConnected, el.shadowRoot.querySelectorAll('mark[data-metric-id]').length];
  });
  expect(again).toEqual([true, false, 1]);
});

test('page and widget draw their components from one stylesheet, themed by the same properties', async ({ page }) => {
  // The page, and a widget added to it: both adopt the same sheet object from views-style.js.
  await openPage(page);
  await pasteText(page, SHORT);
  const shared = await page.evaluate(async (text) => {
    const { FazhiAnalyzerElement } = await import('/fazhi-analyzer-element.js');
    FazhiAnalyzerElement.define();
    const el = document.createElement('fazhi-analyzer');
    document.body.append(el);
    await el.analyze(text);
    const inWidget = el.shadowRoot.adoptedStyleSheets;
    const sheet = document.adoptedStyleSheets.find((s) => inWidget.includes(s));
    const layer = sheet?.cssRules[0];
    // One kind of figure and one severity, as each draws it: the same rule, the page's colours
    // through the --fazhi-* properties it sets, the widget's defaults (or a portal's) inside.
    const look = (root) => {
      const mark = root.querySelector('mark.fz-kind-count');
      const s = getComputedStyle(mark);
      return [s.borderBottomStyle, s.borderBottomWidth, s.borderTopLeftRadius, s.unicodeBidi];
    };
    return {
      sheets: [document.adoptedStyleSheets.length, inWidget.length],
      layer: layer?.name,
      page: look(document.querySelector('#reading')),
      widget: look(el.shadowRoot),
      pageKind: (() => {
        // The page's own theme property reaches the shared rule through --fazhi-count-fg.
        document.documentElement.style.setProperty('--count-fg', 'rgb(1, 2, 3)');
        return getComputedStyle(document.querySelector('#reading mark.fz-kind-count')).borderBottomColor;
      })(),
    };
  }, SHORT);
  expect(shared.sheets).toEqual([1, 2]);
  expect(shared.layer).toBe('components');
  expect(shared.page).toEqual(['solid', '2px', '3px', 'isolate']);
  expect(shared.widget).toEqual(shared.page);
  expect(shared.pageKind).toBe('rgb(1, 2, 3)');
});
