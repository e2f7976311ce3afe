// The look of the shared components (views.js and render.js), one source for the page and the
// <fazhi-analyzer> widget: the summary, the reading view's highlights, the outline tree, the
// figures table's cells, the findings list and the legend.
//
// Written against the widget's public custom properties (--fazhi-*, docs/embedding.md), each
// with the widget's default as fallback; the page sets them from its own theme (style.css), so
// its dark theme reaches the components too. A constructable stylesheet (no <style> element:
// it works under `style-src 'self'`), in the cascade layer `components`, so that what the page
// or the widget writes outside any layer wins whatever the order (adopted sheets come after the
// document's own).

const CSS = `
@layer components {
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.muted { color: var(--fazhi-muted, #52606d); }

/* Summary */
.doc-heading { flex: 1 1 100%; }
.doc-title { font-weight: 600; font-size: 1.05em; }
.doc-meta { color: var(--fazhi-muted, #52606d); font-size: .9em; }
.stats { display: flex; flex-wrap: wrap; gap: 8px 20px; }
.stat { display: inline-flex; flex-direction: column; min-width: 4.5em; }
.stat-value { font-size: 1.4em; font-weight: 650; color: var(--fazhi-accent, #1d4ed8); font-variant-numeric: tabular-nums; }
.stat-label { font-size: .85em; color: var(--fazhi-muted, #52606d); }
.not-a-report { flex: 1 1 100%; margin: 0; font-size: .9em; color: var(--fazhi-muted, #52606d); }
.checklist { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: .9em; }
.checklist .check { font-weight: 700; margin-inline-end: 4px; }
.checklist .present .check { color: var(--fazhi-ok, #117a43); }
.checklist .absent .check { color: var(--fazhi-error, #b42318); }
.cell-link {
  background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: start;
  text-decoration: underline; text-underline-offset: 2px;
}
.chart { max-width: 36em; }
.chart-label, .chart-value { font-size: 11.5px; fill: currentColor; }
.chart-bar { fill: var(--fazhi-accent, #1d4ed8); opacity: .75; }
.chart-hit { fill: transparent; }

/* Severities and kinds of figure */
.sev-warning, .fz-sev-warning, .legend-finding { --sev: var(--fazhi-warning, #a35200); }
.sev-error, .fz-sev-error { --sev: var(--fazhi-error, #b91c1c); }
.sev-info, .fz-sev-info { --sev: var(--fazhi-info, #1d4ed8); }
.fz-kind-count { --kind-bg: var(--fazhi-count-bg, #dbeafe); --kind-fg: var(--fazhi-count-fg, #1d4ed8); }
.fz-kind-money { --kind-bg: var(--fazhi-money-bg, #dcfce7); --kind-fg: var(--fazhi-money-fg, #15803d); }
.fz-kind-percent { --kind-bg: var(--fazhi-percent-bg, #f3e8ff); --kind-fg: var(--fazhi-percent-fg, #7e22ce); }
.fz-kind-duration { --kind-bg: var(--fazhi-duration-bg, #ffedd5); --kind-fg: var(--fazhi-duration-fg, #c2410c); }
.fz-kind-measure { --kind-bg: var(--fazhi-measure-bg, #ccfbf1); --kind-fg: var(--fazhi-measure-fg, #0f766e); }

/* Legend */
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: .85em; margin: 0 0 8px; padding: 0; list-style: none; color: var(--fazhi-muted, #52606d); }
.legend-btn { display: inline-flex; align-items: center; gap: 4px; background: none; border: 0; padding: 0; cursor: default; }
.legend-count { font-variant-numeric: tabular-nums; }
.underline-sample { text-decoration: underline wavy var(--sev); text-underline-offset: 3px; text-decoration-thickness: 1.5px; }

/* The reading view (render.js) */
.fz-block { content-visibility: auto; contain-intrinsic-size: auto 60em; }
.fz-blank { line-height: 0.6; font-size: 8px; }
.fz-line--heading { margin-top: 0.6em; }
.fz-heading { color: var(--fazhi-heading, var(--fazhi-accent, #1f3a5f)); font-weight: 700; border-radius: 3px; }
.fz-heading.fz-level-1 { font-size: 1.1em; }
.fz-heading.fz-style-inline, .fz-heading.fz-style-run-in { color: inherit; font-weight: inherit; }
.flash { background: var(--fazhi-flash, #fff3b0); }
.fz-boilerplate { color: var(--fazhi-muted, #52606d); font-size: .88em; }
/* Characters that would reorder or hide text: shown as a marked token, isolated. */
.fz-invisible { unicode-bidi: isolate; }
.fz-invisible::before { content: "⟨" attr(data-char) "⟩"; font-size: .75em; color: var(--fazhi-error, #b42318); unicode-bidi: isolate; direction: ltr; }
mark, .swatch, .chip {
  /* Dark text on the light kind colours, whatever the theme's text colour. */
  color: var(--fazhi-mark-fg, #1b1f24); border-radius: 3px; padding: 0 1px;
  background: var(--kind-bg); border-bottom: 2px solid var(--kind-fg);
}
mark { unicode-bidi: isolate; }
mark:focus-visible { outline: 2px solid var(--fazhi-accent, #1d4ed8); outline-offset: 1px; }
.swatch { width: 12px; height: 12px; padding: 0; border-bottom-width: 3px; }
.fz-finding {
  text-decoration: underline wavy var(--sev, var(--fazhi-warning, #a35200)); text-decoration-thickness: 1.5px;
  text-underline-offset: 4px; text-decoration-skip-ink: none;
}
.fz-finding.fz-sev-info { text-decoration-style: dotted; }

/* The outline tree */
.tree, .tree ul { list-style: none; margin: 0; padding: 0; }
.tree ul { padding-inline-start: 1.1em; border-inline-start: 1px solid var(--fazhi-border, #d5dbe3); }
.tree-item[aria-expanded="false"] > ul { display: none; }
.tree-row { display: flex; gap: 6px; align-items: baseline; padding: 2px 4px; border-radius: 4px; cursor: pointer; }
.tree-row:hover { background: var(--fazhi-hover, #eef2f7); }
.twisty, .twisty-space { width: .8em; flex: none; color: var(--fazhi-muted, #52606d); }
.twisty::before { content: "▾"; }
.tree-item[aria-expanded="false"] > .tree-row .twisty::before { content: "▸"; }
.tree-label { flex: 1; }
.tree-label .marker { color: var(--fazhi-muted, #52606d); white-space: nowrap; }
.fig-count { font-size: .8em; color: var(--fazhi-muted, #52606d); white-space: nowrap; font-variant-numeric: tabular-nums; }
.badge {
  font-size: .75em; padding: 0 .45em; border-radius: 999px; white-space: nowrap;
  background: var(--fazhi-badge-bg, #e0e7ff); color: var(--fazhi-badge-fg, #1e3a8a);
}

/* The figures table's cells */
.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }

/* The findings list */
.finding-group .sub { display: flex; gap: 6px; align-items: center; }
.sev-dot { display: inline-block; width: .6em; height: .6em; border-radius: 50%; background: var(--sev); }
.findings { list-style: none; margin: 0 0 8px; padding: 0; display: grid; gap: 6px; }
.finding-btn { display: grid; gap: 2px; width: 100%; text-align: start; background: none; border: 0; padding: 2px 4px; border-radius: 4px; cursor: pointer; }
.finding-btn.is-static { cursor: default; }
.finding-btn:hover:not(.is-static), .finding.is-selected .finding-btn { background: var(--fazhi-hover, #eef2f7); }
.finding-code { font-size: .8em; font-weight: 600; color: var(--fazhi-muted, #52606d); }
.finding-evidence { font-size: .85em; color: var(--fazhi-muted, #52606d); }
.sources, .sources-fold { font-size: .85em; margin: 0 0 4px 1em; padding: 0; list-style: none; }
}
`;

let sheet;

/** The components' stylesheet, made once and shared by the document and every widget. */
export function componentSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** Adopt the components' stylesheet into a document or shadow root (once), after its own. */
export function adoptComponentStyles(root) {
  const shared = componentSheet();
  if (!root.adoptedStyleSheets.includes(shared)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
}
