// Where a reader's own files live between pages: in this tab only, unless they ask otherwise.
//
// - By default, in the tab's sessionStorage: they survive moving between pages and reloading, and
//   the browser deletes them when the tab closes. Files too large for sessionStorage go to
//   IndexedDB under a key that only this tab holds (in its sessionStorage); entries no tab has
//   used for 12 hours are deleted the next time the report opens.
// - "Remember on this device" (an explicit choice) keeps a copy in IndexedDB until **Forget**.
//
// Stored are the texts of the files and the reader's two choices, and, once the worker has
// checked and analysed them, what it found (src/client/ownCache.ts: the full view's result and the
// checked dataset, under the key of those files): in sessionStorage beside the files, in
// IndexedDB in a record beside the files' own (so that adding it never rewrites the files). It
// lives as long as the files do, in the same place, and Forget removes it with them. A cache is
// only ever used under its own key, so one found beside other files is ignored. Nothing is sent
// anywhere.
import type { OwnTexts } from '../lib/ownData.ts';
import { decodeCache, encodeCache, isCache, SESSION_LIMIT, type OwnCache } from './ownCache.ts';

const SESSION_KEY = 'stro-own-data';
/** The cache of the files under SESSION_KEY, as exact text (src/lib/exactJson.ts). */
const SESSION_CACHE = 'stro-own-data-cache';
const SESSION_REF = 'stro-own-data-idb';
/** The key of the copy remembered on this device (in IndexedDB), which the worker may open for a new tab (src/client/dataWorker.ts). */
export const REMEMBERED = 'remembered';
const STALE_MS = 12 * 60 * 60 * 1000;
/** Beside each tab copy, under this prefix and its key: when a tab last used it (a number). */
const TOUCHED = 'touched:';
const DATABASE = 'stro-own-data';
/** Beside each copy in IndexedDB (a tab's or the remembered one), under this prefix and its key: the files' cache. */
const CACHED = 'cache:';

/** A record: the files (and, as an earlier version kept it, their cache; structured clone keeps every value as it is). */
interface Stored { texts: OwnTexts; savedAt: number; cache?: OwnCache }

/** The files and, when there is one that reads back whole, their cache (whose key the reader of it checks). */
export interface Held { texts: OwnTexts; cache?: OwnCache }

const held = (stored: Stored, cache: unknown = stored.cache): Held => ({ texts: stored.texts, ...(isCache(cache) ? { cache } : {}) });

/** A copy in IndexedDB and its cache, read in one transaction; undefined if there is none. */
async function readCopy(key: string): Promise<Held | undefined> {
  let files: IDBRequest<Stored | undefined> | undefined;
  const cache = await idb<unknown>('readonly', (s) => {
    files = s.get(key);
    return s.get(CACHED + key);
  });
  const stored = files?.result;
  return stored ? held(stored, cache ?? stored.cache) : undefined;
}

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE, 1);
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

/** The size of a set of files in characters, as the choice between sessionStorage and IndexedDB counts it. */
export const textSize = (t: OwnTexts): number => t.orders.text.length + t.events.text.length + (t.harmIndex?.text.length ?? 0);

/** The cache beside files in sessionStorage, if it fits; if not, the files stay without one. */
function setSessionCache(cache: OwnCache, text = encodeCache(cache)): void {
  if (text === undefined) return;
  try {
    sessionStorage.setItem(SESSION_CACHE, text);
  } catch {
    // over the browser's quota: the next page checks the files again
  }
}

/**
 * Keep the files for this tab, with their cache when there is one (replacing any earlier ones).
 * `cacheText` is the cache as exact text, when the worker has made it (else it is made here).
 */
export async function saveForTab(texts: OwnTexts, cache?: OwnCache, cacheText?: string): Promise<void> {
  await clearTab();
  const savedAt = Date.now();
  if (textSize(texts) <= SESSION_LIMIT) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify({ texts, savedAt } satisfies Stored));
      if (cache) setSessionCache(cache, cacheText ?? encodeCache(cache));
      return;
    } catch {
      // over the browser's quota: fall through to IndexedDB
    }
  }
  const ref = `tab-${crypto.randomUUID()}`;
  await idb('readwrite', (s) => {
    s.put({ texts, savedAt } satisfies Stored, ref);
    if (cache) s.put(cache, CACHED + ref);
    return s.put(Date.now(), TOUCHED + ref);
  });
  sessionStorage.setItem(SESSION_REF, ref);
}

/** The files this tab holds (with their cache), or, failing that, the ones remembered on this device; else null. */
export async function loadForTab(): Promise<Held | null> {
  void sweep();
  const inline = sessionStorage.getItem(SESSION_KEY);
  if (inline) {
    try {
      const { texts } = JSON.parse(inline) as Stored;
      const text = sessionStorage.getItem(SESSION_CACHE);
      const cache = text === null ? undefined : decodeCache(text);
      return { texts, ...(cache ? { cache } : {}) };
    } catch {
      sessionStorage.removeItem(SESSION_KEY);
      sessionStorage.removeItem(SESSION_CACHE);
    }
  }
  const ref = sessionStorage.getItem(SESSION_REF);
  if (ref) {
    const copy = await openCopy(ref).catch(() => undefined);
    if (copy) return copy;
  }
  const copy = await readCopy(REMEMBERED).catch(() => undefined);
  if (copy) {
    await saveForTab(copy.texts, copy.cache);
    return copy;
  }
  return null;
}

/**
 * Put a new cache beside the files this tab holds (just loaded, or checked and analysed again
 * because their cache was missing or made by another version of the report), and beside the
 * remembered copy if there is one. Only the cache is written, never the files again; one that
 * lands beside other files is ignored there, as its key does not match them.
 */
export async function saveCache(cache: OwnCache, cacheText?: string): Promise<void> {
  const ref = sessionStorage.getItem(SESSION_REF);
  if (sessionStorage.getItem(SESSION_KEY) !== null) setSessionCache(cache, cacheText ?? encodeCache(cache));
  else if (ref) await idb('readwrite', (s) => s.put(cache, CACHED + ref)).catch(() => undefined);
  if (await isRemembered()) await idb('readwrite', (s) => s.put(cache, CACHED + REMEMBERED)).catch(() => undefined);
}

/**
 * Large files, kept by the worker that checked them (src/client/dataWorker.ts), so that they never
 * cross to the page: a new tab copy in IndexedDB, and the remembered copy replaced by it when the
 * reader keeps theirs on this device. Returns the copy's key, which the page then holds (adoptCopy).
 */
export async function storeCopy(texts: OwnTexts, remembered: boolean): Promise<string> {
  const ref = `tab-${crypto.randomUUID()}`;
  const savedAt = Date.now();
  await idb('readwrite', (s) => {
    s.put({ texts, savedAt } satisfies Stored, ref);
    if (remembered) {
      s.put({ texts, savedAt } satisfies Stored, REMEMBERED);
      s.delete(CACHED + REMEMBERED);
    }
    return s.put(savedAt, TOUCHED + ref);
  });
  return ref;
}

/**
 * A cache beside a copy in IndexedDB (by the worker), and beside the remembered copy if there is
 * one (ignored there unless its key matches those files) unless told not to.
 */
export async function storeCache(ref: string, cache: OwnCache, besideRemembered = true): Promise<void> {
  const remembered = besideRemembered && await isRemembered();
  await idb('readwrite', (s) => {
    if (remembered) s.put(cache, CACHED + REMEMBERED);
    return s.put(cache, CACHED + ref);
  });
}

/** The remembered copy becomes this copy in IndexedDB and its cache, copied where they are (by the worker); false if there is no such copy. */
export async function rememberCopy(ref: string): Promise<boolean> {
  const copy = await readCopy(ref);
  if (!copy) return false;
  await remember(copy);
  return true;
}

/**
 * A tab's copy in IndexedDB and its cache (read by the worker, or by the page), its time of use
 * noted: only that is rewritten, never the files (11 MB for 1,000× the study), and nothing waits
 * for it. Undefined if there is none.
 */
export async function openCopy(ref: string): Promise<Held | undefined> {
  const copy = await readCopy(ref);
  if (copy) void idb('readwrite', (s) => s.put(Date.now(), TOUCHED + ref)).catch(() => undefined);
  return copy;
}

/** The page takes the copy the worker stored as this tab's, in place of any it held. */
export async function adoptCopy(ref: string): Promise<void> {
  await clearTab();
  sessionStorage.setItem(SESSION_REF, ref);
}

/** The key of this tab's copy when it is in IndexedDB (large files, which the worker opens); null when the files are in sessionStorage or there are none. */
export function tabCopyRef(): string | null {
  return sessionStorage.getItem(SESSION_KEY) === null ? sessionStorage.getItem(SESSION_REF) : null;
}

/** Whether this tab holds files (without reading them). */
export function tabHasData(): boolean {
  return sessionStorage.getItem(SESSION_KEY) !== null || sessionStorage.getItem(SESSION_REF) !== null;
}

/** Forget the files in this tab (the remembered copy, if any, stays until forget()). */
export async function clearTab(): Promise<void> {
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.removeItem(SESSION_CACHE);
  const ref = sessionStorage.getItem(SESSION_REF);
  sessionStorage.removeItem(SESSION_REF);
  if (ref) {
    await idb('readwrite', (s) => {
      s.delete(TOUCHED + ref);
      s.delete(CACHED + ref);
      return s.delete(ref);
    }).catch(() => undefined);
  }
}

/** "Remember on this device": a copy (with its cache) that outlives the tab, until Forget. */
export async function remember({ texts, cache }: Held): Promise<void> {
  await idb('readwrite', (s) => {
    if (cache) s.put(cache, CACHED + REMEMBERED);
    else s.delete(CACHED + REMEMBERED);
    return s.put({ texts, savedAt: Date.now() } satisfies Stored, REMEMBERED);
  });
}

export async function isRemembered(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  const n = await idb<number>('readonly', (s) => s.count(REMEMBERED)).catch(() => 0);
  return (n ?? 0) > 0;
}

/** Stop remembering on this device (this tab keeps its copy until it closes). */
export async function unremember(): Promise<void> {
  await idb('readwrite', (s) => {
    s.delete(CACHED + REMEMBERED);
    return s.delete(REMEMBERED);
  });
}

/**
 * Forget everything: this tab's copy and the remembered one, and any time of use or cache left
 * without its files. If no other tab still holds a copy, the database itself goes, so that nothing
 * (not even when the report was last used with files) stays on the device.
 */
export async function forget(): Promise<void> {
  await clearTab();
  await unremember().catch(() => undefined);
  announceForget();
  await tidy();
}

/** Delete any time of use or cache left without its files; with nothing else left, the database itself. */
async function tidy(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const left = await idb<IDBValidKey[]>('readonly', (s) => s.getAllKeys()).catch(() => undefined);
  if (!left) return;
  const keys = new Set(left.map(String));
  const orphans = [...keys].filter((k) => (k.startsWith(TOUCHED) && !keys.has(k.slice(TOUCHED.length))) || (k.startsWith(CACHED) && !keys.has(k.slice(CACHED.length))));
  if (orphans.length > 0) await idb('readwrite', (s) => orphans.forEach((k) => s.delete(k))).catch(() => undefined);
  if (orphans.length === keys.size) {
    // Resolved even when blocked: the deletion then completes as this page's connections close (it navigates away).
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(DATABASE);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }
}

// ---- Forget reaches every tab of the report on this device: the button says "this tab and this
// device", and on a shared computer a copy left in another open tab would still be there.
const CHANNEL = 'stro-own-data';
/** Set while this tab forgets, so that it does not take its own message for another tab's. */
let forgetting = false;

function announceForget(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  forgetting = true;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('forget');
  channel.close();
}

/** Whether this tab listens already (one channel, whatever the number of calls). */
let listening = false;

/**
 * When the reader chooses Forget in another tab: this tab's copy goes too, then `then` runs (the
 * page says what it shows now). Only a tab that holds (or opens) files listens.
 */
export function onForgetElsewhere(then: () => void): void {
  if (listening || typeof BroadcastChannel === 'undefined') return;
  listening = true;
  new BroadcastChannel(CHANNEL).onmessage = (e) => {
    if (e.data !== 'forget' || forgetting) return;
    void clearTab().then(tidy).finally(then);
  };
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
          store.delete(CACHED + key);
        }
      };
    }
  };
  tx.oncomplete = () => d.close();
}
