// The draft, kept in this browser only (never sent anywhere). Ordinary texts go to
// localStorage; texts too large for it (over a million characters) to IndexedDB.

const KEY = 'fazhi-analyzer.draft';
const BIG = 1_000_000;
const DB = 'fazhi-analyzer';
const STORE = 'drafts';

function idb() {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

async function idbDo(mode, fn) {
  const db = await idb();
  try {
    return await new Promise((ok, fail) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => ok(req?.result);
      tx.onerror = () => fail(tx.error);
      tx.onabort = () => fail(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Save the draft; resolves false when the browser refused to keep it. */
export async function saveDraft(text) {
  try {
    if (!text) {
      localStorage.removeItem(KEY);
      localStorage.removeItem(`${KEY}.idb`);
      await idbDo('readwrite', (s) => s.delete(KEY)).catch(() => {});
      return true;
    }
    if (text.length <= BIG) {
      localStorage.setItem(KEY, text);
      if (localStorage.getItem(`${KEY}.idb`)) {
        localStorage.removeItem(`${KEY}.idb`);
        await idbDo('readwrite', (s) => s.delete(KEY)).catch(() => {});
      }
      return true;
    }
    await idbDo('readwrite', (s) => s.put(text, KEY));
    localStorage.removeItem(KEY);
    localStorage.setItem(`${KEY}.idb`, '1');
    return true;
  } catch {
    return false;
  }
}

/** The saved draft, or '' when there is none. */
export async function loadDraft() {
  try {
    if (localStorage.getItem(`${KEY}.idb`)) return (await idbDo('readonly', (s) => s.get(KEY))) ?? '';
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function clearDraft() {
  return saveDraft('');
}
