// Where a reader's own files live between pages: in this tab only, unless they ask otherwise.
//
// - By default, in the tab's sessionStorage: they survive moving between pages and reloading, and
//   the browser deletes them when the tab closes. Files too large for sessionStorage go to
//   IndexedDB under a key that only this tab holds (in its sessionStorage); entries no tab has
//   used for 12 hours are deleted the next time the report opens.
// - "Remember on this device" (an explicit choice) keeps a copy in IndexedDB until **Forget**.
//
// Only the texts of the files and the reader's two choices are stored: nothing is sent anywhere.
import type { OwnTexts } from '../lib/ownData.ts';

const SESSION_KEY = 'stro-own-data';
const SESSION_REF = 'stro-own-data-idb';
const REMEMBERED = 'remembered';
/** sessionStorage holds about 5 MB per site in current browsers; larger files go to IndexedDB. */
const SESSION_LIMIT = 2_000_000;
const STALE_MS = 12 * 60 * 60 * 1000;
/** Beside each tab copy, under this prefix and its key: when a tab last used it (a number). */
const TOUCHED = 'touched:';

interface Stored { texts: OwnTexts; savedAt: number }

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('stro-own-data', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not open'));
  });
}

async function idb<T>(mode: IDBTransactionMode, f: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction('files', mode);
    const req = f(tx.objectStore('files'));
    tx.oncomplete = () => {
      d.close();
      resolve(req ? req.result : undefined);
    };
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB failed'));
  });
}

const size = (t: OwnTexts) => t.orders.text.length + t.events.text.length + (t.harmIndex?.text.length ?? 0);

/** Keep the files for this tab (replacing any earlier ones). */
export async function saveForTab(texts: OwnTexts): Promise<void> {
  await clearTab();
  const stored: Stored = { texts, savedAt: Date.now() };
  if (size(texts) <= SESSION_LIMIT) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(stored));
      return;
    } catch {
      // over the browser's quota: fall through to IndexedDB
    }
  }
  const ref = `tab-${crypto.randomUUID()}`;
  await idb('readwrite', (s) => {
    s.put(stored, ref);
    return s.put(Date.now(), TOUCHED + ref);
  });
  sessionStorage.setItem(SESSION_REF, ref);
}

/** The files this tab holds, or, failing that, the ones remembered on this device; else null. */
export async function loadForTab(): Promise<{ texts: OwnTexts; remembered: boolean } | null> {
  void sweep();
  const inline = sessionStorage.getItem(SESSION_KEY);
  if (inline) {
    try {
      return { texts: (JSON.parse(inline) as Stored).texts, remembered: await isRemembered() };
    } catch {
      sessionStorage.removeItem(SESSION_KEY);
    }
  }
  const ref = sessionStorage.getItem(SESSION_REF);
  if (ref) {
    const stored = await idb<Stored>('readonly', (s) => s.get(ref)).catch(() => undefined);
    if (stored) {
      // Only the time of use is rewritten, never the files (11 MB for 1,000× the study).
      await idb('readwrite', (s) => s.put(Date.now(), TOUCHED + ref)).catch(() => undefined);
      return { texts: stored.texts, remembered: await isRemembered() };
    }
  }
  const kept = await idb<Stored>('readonly', (s) => s.get(REMEMBERED)).catch(() => undefined);
  if (kept) {
    await saveForTab(kept.texts);
    return { texts: kept.texts, remembered: true };
  }
  return null;
}

/** Whether this tab holds files (without reading them). */
export function tabHasData(): boolean {
  return sessionStorage.getItem(SESSION_KEY) !== null || sessionStorage.getItem(SESSION_REF) !== null;
}

/** Forget the files in this tab (the remembered copy, if any, stays until forget()). */
export async function clearTab(): Promise<void> {
  sessionStorage.removeItem(SESSION_KEY);
  const ref = sessionStorage.getItem(SESSION_REF);
  sessionStorage.removeItem(SESSION_REF);
  if (ref) {
    await idb('readwrite', (s) => {
      s.delete(TOUCHED + ref);
      return s.delete(ref);
    }).catch(() => undefined);
  }
}

/** "Remember on this device": a copy that outlives the tab, until Forget. */
export async function remember(texts: OwnTexts): Promise<void> {
  await idb('readwrite', (s) => s.put({ texts, savedAt: Date.now() } satisfies Stored, REMEMBERED));
}

export async function isRemembered(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  const n = await idb<number>('readonly', (s) => s.count(REMEMBERED)).catch(() => 0);
  return (n ?? 0) > 0;
}

/** Stop remembering on this device (this tab keeps its copy until it closes). */
export async function unremember(): Promise<void> {
  await idb('readwrite', (s) => s.delete(REMEMBERED));
}

/** Forget everything: this tab's copy and the remembered one. */
export async function forget(): Promise<void> {
  await clearTab();
  await idb('readwrite', (s) => s.delete(REMEMBERED)).catch(() => undefined);
}

/**
 * Delete tab copies that no tab has used for 12 hours (their tabs have closed). Only keys and the
 * small times of use are read, never the files themselves.
 */
async function sweep(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const mine = sessionStorage.getItem(SESSION_REF);
  const d = await db().catch(() => undefined);
  if (!d) return;
  const tx = d.transaction('files', 'readwrite');
  const store = tx.objectStore('files');
  const keys = store.getAllKeys();
  keys.onsuccess = () => {
    const all = new Set(keys.result.map(String));
    for (const key of all) {
      if (!key.startsWith('tab-') || key === mine) continue;
      if (!all.has(TOUCHED + key)) {
        store.put(Date.now(), TOUCHED + key); // kept by an earlier version: its 12 hours start now
        continue;
      }
      const at = store.get(TOUCHED + key);
      at.onsuccess = () => {
        if (Date.now() - Number(at.result ?? 0) > STALE_MS) {
          store.delete(key);
          store.delete(TOUCHED + key);
        }
      };
    }
  };
  tx.oncomplete = () => d.close();
}
