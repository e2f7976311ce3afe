// Gathering a batch: files from the picker, a drop (several files, folders through
// DataTransferItem.webkitGetAsEntry) and .zip archives (their .txt/.docx/.html entries, read with
// fflate). Each file becomes {file, text, encoding} or {file, error: {code, message}} — nothing
// is left out silently.
import { unzipSync } from './vendor/fflate.js';
import { readFileText } from './import-file.js';

const REPORT = /\.(txt|text|docx|html?|xhtml)$/i;
const isZipName = (name) => /\.zip$/i.test(name);

/** The files of a drop, folders walked recursively, as [{name, file}] in a stable order. */
export async function droppedFiles(dataTransfer) {
  const items = [...(dataTransfer.items ?? [])].filter((i) => i.kind === 'file');
  const entries = items.map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return [...(dataTransfer.files ?? [])].map((file) => ({ name: file.name, file }));
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail)).catch((err) => ({ failed: err }));
      out.push({ name: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      const children = [];
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail)).catch(() => []);
        if (!batch.length) break;
        children.push(...batch);
      }
      children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of children) await walk(c);
    }
  };
  for (const e of entries) await walk(e);
  return out;
}

/** The files of an <input type=file multiple>. */
export function pickedFiles(fileList) {
  return [...fileList].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** True when these picked/dropped files make a batch (more than one, or an archive). */
export function isBatch(files) {
  return files.length > 1 || files.some((f) => isZipName(f.name));
}

const refused = (file, code, message) => ({ file, error: { code, message } });

/** Read every file (archives expanded) → [{file, text, encoding} | {file, error}]. */
export async function readBatch(files) {
  const out = [];
  for (const { name, file } of files) {
    if (!file || file.failed) { out.push(refused(name, 'unreadable', `无法读取 (${file?.failed?.message ?? 'unreadable'})`)); continue; }
    if (isZipName(name)) {
      let entries;
      try {
        entries = unzipSync(new Uint8Array(await file.arrayBuffer()), { filter: (f) => !f.name.endsWith('/') && !/^__MACOSX\//.test(f.name) });
      } catch (err) {
        out.push(refused(name, 'zip', `压缩包无法打开 (${err?.message ?? err})`));
        continue;
      }
      const names = Object.keys(entries).sort();
      if (!names.length) out.push(refused(name, 'empty', '压缩包中没有文件 (empty archive)'));
      for (const n of names) {
        const label = `${name}/${n}`;
        if (!REPORT.test(n)) { out.push(refused(label, 'unsupported', '不是 .txt/.docx/.html 文件 (unsupported file type)')); continue; }
        const base = n.split('/').pop();
        out.push(await readOne(label, new File([entries[n]], base)));
      }
      continue;
    }
    out.push(await readOne(name, file));
  }
  return out;
}

async function readOne(name, file) {
  try {
    const { text, encoding } = await readFileText(file);
    // As the single-file open gives it: \n line ends, offsets refer to that text.
    return { file: name, text: text.replace(/\r\n?/g, '\n'), encoding };
  } catch (err) {
    const msg = String(err?.message ?? err);
    return refused(name, msg === 'PDF' ? 'pdf' : 'unreadable', msg === 'PDF' ? '是 PDF,请先另存为文本 (PDF)' : `无法读取 (${msg})`);
  }
}
