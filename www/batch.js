// The batch: files in (picker, drop, folders, .zip) → a pool of workers → the register view,
// kept in IndexedDB (www/workspace-store.js) so that it survives a reload. The page's
// single-report view shows one of its files when a row is opened (app.js gives `openReport`).
import { readBatch } from './batch-files.js';
import { analyzeBatch, linkInWorker } from './batch-pool.js';
import { createRegister, batchTables, tableCsv, tablesXlsx, sheetsXlsx } from './register-view.js';
import { loadWorkspace, saveFiles, clearWorkspace } from './workspace-store.js';
import { comparisonTables, renderComparison, COMPARE_SHEETS } from './compare-view.js';

// The core on this thread, for what needs the whole batch at once (cross-report findings, a
// comparison); loaded on first use.
const core = () => import('./fazhi-analyzer.js');

const $ = (id) => document.getElementById(id);

/**
 * `openReport(entry, {heading})` shows one analysed file; `toast(msg)` tells; `download(name, blob)`;
 * `language()` the UI's translator. Returns {open(files), show(), hasBatch(), restore(), relabel()}.
 */
export function initBatch({ openReport, toast, download, language }) {
  const entries = []; // [{index, file, text, encoding, result, error, tables}]
  let run = null;
  const register = createRegister($('register-view'), {
    language,
    onOpen(index, opts) {
      const e = entries[index];
      if (!e) return;
      if (!e.result) { toast(`${e.file}:${refusal(e)}`); return; }
      openReport(e, opts);
    },
    onSelect(chosen) {
      $('register-chosen').textContent = String(chosen.length);
      $('register-compare').disabled = chosen.length !== 2;
    },
  });

  function refusal(e) {
    const at = e.tables?.register.columns.findIndex((c) => c.key === 'error') ?? -1;
    return (at >= 0 ? e.tables.register.rows[0][at] : null) ?? e.error?.message ?? '';
  }

  function show() {
    document.body.dataset.view = 'register';
    $('register-view').hidden = false;
    $('compare-view').hidden = true;
    register.render(entries);
    $('back-register').hidden = true;
    $('current-file').hidden = true;
  }

  function storageError(err) {
    const box = $('workspace-error');
    box.hidden = !err;
    box.textContent = err ? `工作区未能保存 (${err.name === 'QuotaExceededError' ? '存储空间不足' : err.message ?? err}):刷新后这些文件需重新打开。` : '';
  }

  async function persist(records) {
    try {
      // A few records per transaction: each is cloned on this thread, so small steps keep it free.
      for (let k = 0; k < records.length; k += 4) {
        await saveFiles(records.slice(k, k + 4).map(({ index, file, text, encoding, result, error, tables }) => ({ index, file, text, encoding, result, error, tables })));
        await new Promise((ok) => setTimeout(ok, 0));
      }
      storageError(null);
    } catch (err) {
      storageError(err);
    }
  }

  function progress(done, total, current) {
    const box = $('batch-progress');
    box.hidden = done >= total;
    $('batch-bar').max = total;
    $('batch-bar').value = done;
    $('batch-progress-text').textContent = `${done} / ${total}${current ? ` · ${current}` : ''}`;
    // `done` only at the end of open(): after the last file come the cross-report findings.
    // (Set only when it changes: each write restyles the whole page, once per file.)
    if (done < total && document.body.dataset.batch !== 'busy') document.body.dataset.batch = 'busy';
  }

  async function open(files) {
    run?.cancel();
    show();
    document.body.dataset.batch = 'busy';
    $('batch-progress').hidden = false;
    $('batch-progress-text').textContent = `读取 ${files.length} 个文件…`;
    let stopped = false;
    let mine = null;
    let done = 0;
    let total = files.length;
    $('batch-cancel').onclick = () => {
      stopped = true;
      mine?.cancel();
      progress(total, total);
      toast(`已取消:${done} / ${total} 份已分析`);
    };
    const read = await readBatch(files);
    if (stopped) { document.body.dataset.batch = 'cancelled'; return; }
    const start = entries.length;
    const fresh = read.map((r, k) => ({ index: start + k, ...r, result: null, tables: null }));
    total = fresh.length;
    progress(0, total, fresh[0]?.file);
    const current = new Set();
    let pending = [];
    let renderTimer = null;
    let renderCost = 0;
    const flush = () => {
      renderTimer = null;
      const t0 = performance.now();
      register.render(entries);
      renderCost = performance.now() - t0;
      const batch = pending;
      pending = [];
      persist(batch);
    };
    run = analyzeBatch(fresh, {
      onStart(i) { current.add(fresh[i].file); progress(done, total, fresh[i].file); },
      onDone(i, out) {
        Object.assign(fresh[i], { result: out.result, error: out.error, tables: out.tables });
        entries[fresh[i].index] = fresh[i];
        current.delete(fresh[i].file);
        done++;
        progress(done, total, [...current][0]);
        pending.push(fresh[i]);
        // Redraw at most a few times a second: the main thread stays free for the user.
        // (a large register redraws less often: the main thread is busy at most a fifth of the time).
        renderTimer ??= setTimeout(flush, done === total ? 0 : Math.max(250, 4 * renderCost));
      },
    });
    mine = run;
    await mine.done;
    if (renderTimer) { clearTimeout(renderTimer); flush(); }
    if (!stopped) await link();
    if (run === mine) run = null;
    progress(total, total);
    // `cancelled` only now that the run has wound up: the tests wait for it, then no row can follow.
    document.body.dataset.batch = stopped ? 'cancelled' : 'done';
  }

  /**
   * Cross-report findings (recycled-text) over the whole batch, from the core's linkBatch: each
   * result gains its findings, and its register row is recomputed when they changed.
   */
  async function link() {
    const analysed = entries.filter((e) => e?.result);
    if (analysed.length < 2) return;
    try {
      // Findings from an earlier link are dropped first: the batch is linked afresh as a whole.
      const plain = (r) => ({ ...r, findings: r.findings.filter((f) => !f.sources).map((f, id) => ({ ...f, id })) });
      const changed = [];
      for (const { at, findings, stats, tables } of await linkInWorker(analysed.map((e) => ({ file: e.file, text: e.text, result: plain(e.result) })))) {
        const e = analysed[at];
        e.result = { ...e.result, findings, stats };
        e.tables = tables;
        changed.push(e);
      }
      if (changed.length) {
        register.render(entries);
        await persist(changed);
      }
    } catch (err) {
      toast(`跨报告比对失败:${err?.message ?? err}`);
    }
  }

  /** The two chosen rows side by side (older first: report year, then publication date, then batch order). */
  let comparing = null;
  async function compare(pair = register.state.selected) {
    const [a, b] = pair.map((i) => entries[i]);
    if (!a?.result || !b?.result) return;
    const key = (e) => [e.result.meta?.reportYear ?? -Infinity, e.result.review?.timeliness?.published ?? e.result.meta?.published ?? '', e.index];
    const before = (x, y) => { const p = key(x), q = key(y); return p[0] !== q[0] ? p[0] < q[0] : p[1] !== q[1] ? p[1] < q[1] : p[2] < q[2]; };
    const [older, newer] = pair === register.state.selected && !before(a, b) ? [b, a] : [a, b];
    try {
      const comparison = await (await core()).compare({ file: older.file, result: older.result }, { file: newer.file, result: newer.result });
      const tables = comparisonTables(comparison, older.result, newer.result);
      comparing = { older, newer, comparison, tables };
      document.body.dataset.view = 'compare';
      $('register-view').hidden = true;
      $('compare-view').hidden = false;
      drawComparison();
      $('compare-heading').focus?.();
    } catch (err) {
      toast(`无法比较:${err?.message ?? err}`);
    }
  }
  function drawComparison() {
    const { older, newer, comparison, tables } = comparing;
    renderComparison($('compare-body'), tables, comparison, language(), { older: older.result, newer: newer.result });
  }
  /** The register and the comparison redrawn in the UI's (new) language. */
  function relabel() {
    register.relabel();
    if (comparing && !$('compare-view').hidden) drawComparison();
  }
  const stemOf = (name) => name.split('/').pop().replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  $('register-compare').addEventListener('click', () => compare());
  $('compare-swap').addEventListener('click', () => comparing && compare([comparing.newer.index, comparing.older.index]));
  $('compare-back').addEventListener('click', () => { show(); register.focusRow(register.state.focus); });
  for (const b of document.querySelectorAll('[data-compare-export]')) {
    b.addEventListener('click', async () => {
      if (!comparing) return;
      const { older, newer, tables } = comparing;
      const name = `fazhi-对比-${stemOf(older.file)}-${stemOf(newer.file)}`;
      try {
        if (b.dataset.compareExport === 'xlsx') download(`${name}.xlsx`, await sheetsXlsx(COMPARE_SHEETS.map(([k, sheet]) => [tables[k], sheet])));
        else download(`${name}-数字.csv`, new Blob([tableCsv(tables.figures)], { type: 'text/csv;charset=utf-8' }));
      } catch (err) {
        toast(`导出失败:${err?.message ?? err}`);
      }
    });
  }

  /** The register row of `file` (a cross-report finding's source) in the reading view, at `range`. */
  function openFile(file, range) {
    const e = entries.find((x) => x?.file === file);
    if (!e?.result) { toast(`工作区中没有 ${file}`); return; }
    register.state.focus = e.index;
    openReport(e, { range });
  }

  async function restore() {
    const saved = await loadWorkspace();
    if (!saved.length) return false;
    saved.sort((a, b) => a.index - b.index).forEach((r, k) => { entries[k] = { ...r, index: k }; });
    show();
    document.body.dataset.batch = 'done';
    return true;
  }

  async function clear() {
    if (entries.length && !window.confirm('清空工作区中的全部文件?')) return;
    run?.cancel();
    entries.length = 0;
    try { await clearWorkspace(); storageError(null); } catch (err) { storageError(err); }
    show();
  }

  const stem = 'fazhi-汇总';
  for (const b of document.querySelectorAll('#register-view [data-export]')) {
    b.addEventListener('click', async () => {
      const tables = batchTables(entries);
      const kind = b.dataset.export;
      try {
        if (kind === 'xlsx') download(`${stem}.xlsx`, await tablesXlsx(tables));
        else {
          const name = { register: '汇总', findings: '发现', figures: '数字' }[kind];
          download(`${stem}-${name}.csv`, new Blob([tableCsv(tables[kind])], { type: 'text/csv;charset=utf-8' }));
        }
      } catch (err) {
        toast(`导出失败:${err?.message ?? err}`);
      }
    });
  }
  $('workspace-clear').addEventListener('click', clear);
  $('back-register').addEventListener('click', () => {
    const i = register.state.focus;
    show();
    register.focusRow(i);
  });

  return { open, show, restore, openFile, compare, hasBatch: () => entries.length > 0, register, relabel };
}
