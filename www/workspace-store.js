// The batch workspace, kept in this browser only (IndexedDB through `idb`): one record per file
// ({index, file, text, encoding, result, error, tables}) so that the register survives a reload
// and works offline. Quota and other storage errors reject: the page shows them.
import { openDB } from './vendor/idb.js';

const DB = 'fazhi-analyzer-workspace';
const STORE = 'files';

let db = null;
function open() {
  db ??= openDB(DB, 1, {
    upgrade(d) { d.createObjectStore(STORE, { keyPath: 'index' }); },
  }).catch((err) => { db = null; throw err; });
  return db;
}

/** Every stored file, in batch order ([] when there is none or storage is unavailable). */
export async function loadWorkspace() {
  try {
    return await (await open()).getAll(STORE);
  } catch {
    return [];
  }
}

/** Store (or replace) files; rejects with the browser's error (QuotaExceededError …). */
export async function saveFiles(records) {
  const tx = (await open()).transaction(STORE, 'readwrite');
  for (const r of records) tx.store.put(r);
  await tx.done;
}

/** Forget the whole workspace. */
export async function clearWorkspace() {
  await (await open()).clear(STORE);
}
