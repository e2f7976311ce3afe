// The batch: files in (picker, drop, folders, .zip) → a pool of workers → the register view,
// kept in IndexedDB (www/workspace-store.js) so that it survives a reload. The page's
// single-report view shows one of its files when a row is opened (app.js gives `openReport`).
import { readBatch } from './batch-files.js';
import { analyzeBatch } from './batch-pool.js';
import { createRegister, batchTables, tableCsv, tablesXlsx } from './register-view.js';
import { loadWorkspace, saveFiles, clearWorkspace } from './workspace-store.js';

const $ = (id) => document.getElementById(id);

/**
 * `openReport(entry, {heading})` shows one analysed file; `toast(msg)` tells; `download(name, blob)`.
 * Returns {open(files), show(), hasBatch(), restore()}.
 */
export function initBatch({ openReport, toast, download }) {
  const entries = []; // [{index, file, text, encoding, result, error, tables}]
  let run = null;
  const register = createRegister($('register-view'), {
    onOpen(index, opts) {
      const e = entries[index];
      if (!e) return;
      if (!e.result) { toast(`${e.file}:${refusal(e)}`); return; }
      openReport(e, opts);
    },
  });

  function refusal(e) {
    const at = e.tables?.register.columns.findIndex((c) => c.key === 'error') ?? -1;
    return (at >= 0 ? e.tables.register.rows[0][at] : null) ?? e.error?.message ?? '';
  }

  function show() {
    document.body.dataset.view = 'register';
    $('register-view').hidden = false;
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
    document.body.dataset.batch = done >= total ? 'done' : 'busy';
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
    if (stopped) return;
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
    if (run === mine) run = null;
    progress(total, total);
    document.body.dataset.batch = 'done';
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

  return { open, show, restore, hasBatch: () => entries.length > 0, register };
}
