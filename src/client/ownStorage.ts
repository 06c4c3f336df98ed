// Where a reader's own files live between pages: in this tab only, unless they are large or the
// reader asks otherwise.
//
// - By default, in the tab's sessionStorage: they survive moving between pages and reloading, and
//   the browser deletes them when the tab closes.
// - Files too large for sessionStorage go to IndexedDB under a key that only this tab holds (in its
//   sessionStorage). Closing the tab does not delete them: Forget does, and otherwise a copy that no
//   tab has used for 12 hours is deleted the next time a page of the report looks (a page opening
//   the reader's data, or "Use your own data", which also offers to delete what a closed tab left).
// - "Remember on this device" (an explicit choice) keeps a copy in IndexedDB until **Forget**.
// The page says which of these holds for the files just loaded (keptWords), never more or less.
// The files are kept whole, columns the report does not read included: they are never shown or
// sent, and go when the files go.
//
// Stored are the texts of the files and the reader's two choices, and, once the worker has
// checked and analysed them, what it found (src/client/ownCache.ts: the full view's result and the
// checked dataset, under the key of those files): in sessionStorage beside the files, in
// IndexedDB in a record beside the files' own (so that adding it never rewrites the files). It
// lives as long as the files do, in the same place, and Forget removes it with them. A cache is
// only ever used under its own key, so one found beside other files is ignored. Nothing is sent
// anywhere.
//
// Only keeping files makes the database: looking in it (is a copy remembered? is anything left?)
// never does, so a browser that never kept large or remembered files has none.
import type { OwnTexts } from '../lib/ownData.ts';
import { decodeCache, encodeCache, isCache, SESSION_LIMIT, type OwnCache } from './ownCache.ts';

const SESSION_KEY = 'stro-own-data';
/** The cache of the files under SESSION_KEY, as exact text (src/lib/exactJson.ts). */
const SESSION_CACHE = 'stro-own-data-cache';
const SESSION_REF = 'stro-own-data-idb';
/** The key of the copy remembered on this device (in IndexedDB), which the worker may open for a new tab (src/client/dataWorker.ts). */
export const REMEMBERED = 'remembered';
/** A tab's copy in IndexedDB that no tab has used for this many hours is deleted (sweep). */
export const STALE_HOURS = 12;
const STALE_MS = STALE_HOURS * 60 * 60 * 1000;
/** Beside each tab copy, under this prefix and its key: when a tab last used it (a number). */
const TOUCHED = 'touched:';
const DATABASE = 'stro-own-data';
/** Beside each copy in IndexedDB (a tab's or the remembered one), under this prefix and its key: the files' cache. */
const CACHED = 'cache:';
/** A tab's own copy is kept under this prefix and a random id. */
const TAB = 'tab-';
/**
 * Set in a tab whose files were forgotten (Forget, here or in another tab) until it loads others,
 * so that a page of it at ?data=local says they were removed rather than that they are elsewhere.
 * (Not under "stro-own-data": nothing of the reader's is kept under it.)
 */
const FORGOTTEN = 'stro-forgotten';

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

/**
 * The database. Only a call that keeps files (create) makes it when it is not there yet; any other
 * finds none (and rejects), and the browser drops the empty database its open began: looking
 * leaves nothing behind on the device.
 */
function db(create = false): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE, 1);
    open.onupgradeneeded = () => {
      if (create) open.result.createObjectStore('files');
      else open.transaction?.abort(); // (the open then fails, and the new database is not kept)
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not open'));
  });
}

async function idb<T>(mode: IDBTransactionMode, f: (store: IDBObjectStore) => IDBRequest<T> | void, create = false): Promise<T | undefined> {
  const d = await db(create);
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
  sessionStorage.removeItem(FORGOTTEN);
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
  const ref = `${TAB}${crypto.randomUUID()}`;
  await idb('readwrite', (s) => {
    s.put({ texts, savedAt } satisfies Stored, ref);
    if (cache) s.put(cache, CACHED + ref);
    return s.put(Date.now(), TOUCHED + ref);
  }, true);
  sessionStorage.setItem(SESSION_REF, ref);
}

/** The files this tab holds (with their cache), or, failing that, the ones remembered on this device; else null. */
export async function loadForTab(): Promise<Held | null> {
  void sweep().catch(() => undefined);
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
  const ref = `${TAB}${crypto.randomUUID()}`;
  const savedAt = Date.now();
  await idb('readwrite', (s) => {
    s.put({ texts, savedAt } satisfies Stored, ref);
    if (remembered) {
      s.put({ texts, savedAt } satisfies Stored, REMEMBERED);
      s.delete(CACHED + REMEMBERED);
    }
    return s.put(savedAt, TOUCHED + ref);
  }, true);
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
  sessionStorage.removeItem(FORGOTTEN);
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

/** Where a tab's files are kept: in its own storage ('tab', gone when it closes) or in the browser's database ('browser', until Forget or 12 hours unused). */
export type Kept = 'tab' | 'browser';

/** Where this tab keeps its files; null if it holds none. */
export function whereKept(): Kept | null {
  if (sessionStorage.getItem(SESSION_KEY) !== null) return 'tab';
  return sessionStorage.getItem(SESSION_REF) !== null ? 'browser' : null;
}

/** Whether this tab's files were removed by Forget (and none loaded since). */
export const wasForgotten = (): boolean => sessionStorage.getItem(FORGOTTEN) !== null;

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
  }, true);
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
 * Forget everything on this device: this tab's files, the remembered copy, and every other tab's
 * copy in IndexedDB (tabs still open are told to forget theirs too, and those of tabs that have
 * closed would otherwise wait out their 12 hours). The database itself goes, so that nothing (not
 * even when the report was last used with files) stays on the device. This tab remembers that its
 * files were forgotten, so that its pages can say so.
 */
export async function forget(): Promise<void> {
  await clearTab();
  sessionStorage.setItem(FORGOTTEN, '1');
  announceForget();
  if (typeof indexedDB === 'undefined') return;
  // Emptied first: the deletion below waits for other connections to close, the emptying does not.
  await idb('readwrite', (s) => s.clear()).catch(() => undefined);
  await deleteDatabase();
}

/**
 * Delete what a look found left behind (leftBehind): those copies of tabs no longer open, with
 * their times of use and caches, and the remembered copy if asked; with nothing else left, the
 * database itself. The copies of tabs still open are not touched.
 */
export async function forgetLeftBehind(copies: readonly string[], remembered = false): Promise<void> {
  const mine = sessionStorage.getItem(SESSION_REF);
  const keys = [...copies.filter((k) => k.startsWith(TAB) && k !== mine), ...(remembered ? [REMEMBERED] : [])];
  await idb('readwrite', (s) => {
    for (const key of keys) {
      s.delete(key);
      s.delete(TOUCHED + key);
      s.delete(CACHED + key);
    }
  }).catch(() => undefined);
  await tidy();
}

/** Resolved even when blocked: the deletion then completes as the connections still open close (this page's, as it navigates away). */
function deleteDatabase(): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Delete any time of use or cache left without its files; with nothing else left, the database itself. */
async function tidy(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const left = await idb<IDBValidKey[]>('readonly', (s) => s.getAllKeys()).catch(() => undefined);
  if (!left) return;
  const keys = new Set(left.map(String));
  const orphans = [...keys].filter((k) => (k.startsWith(TOUCHED) && !keys.has(k.slice(TOUCHED.length))) || (k.startsWith(CACHED) && !keys.has(k.slice(CACHED.length))));
  if (orphans.length > 0) await idb('readwrite', (s) => orphans.forEach((k) => s.delete(k))).catch(() => undefined);
  if (orphans.length === keys.size) await deleteDatabase();
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
/** Asked on the channel by a tab looking for files left behind (leftBehind): each tab holding a copy in IndexedDB answers { held: its key }. */
const HELD_ASKED = 'held?';

/**
 * When the reader chooses Forget in another tab: this tab's copy goes too, then `then` runs (the
 * page says what it shows now). Only a tab that holds (or opens) files listens; it also answers a
 * tab that asks which copies are in use, so that its own is never taken for one left behind.
 */
export function onForgetElsewhere(then: () => void): void {
  if (listening || typeof BroadcastChannel === 'undefined') return;
  listening = true;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e) => {
    if (e.data === HELD_ASKED) {
      const ref = sessionStorage.getItem(SESSION_REF);
      if (ref) channel.postMessage({ held: ref });
      return;
    }
    if (e.data !== 'forget' || forgetting) return;
    if (tabHasData()) sessionStorage.setItem(FORGOTTEN, '1');
    void clearTab().then(tidy).finally(then);
  };
}

/** The keys of the copies that tabs still open hold, as they answer within `wait` ms (at once, in practice). */
async function heldElsewhere(wait = 400): Promise<Set<string>> {
  const held = new Set<string>();
  if (typeof BroadcastChannel === 'undefined') return held;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e) => {
    const ref = (e.data as { held?: unknown } | null)?.held;
    if (typeof ref === 'string') held.add(ref);
  };
  channel.postMessage(HELD_ASKED);
  await new Promise((resolve) => setTimeout(resolve, wait));
  channel.close();
  return held;
}

/** Copies in IndexedDB other than this tab's: tabs' copies in use or left behind, and whether one is remembered on this device. */
export interface Found { copies: string[]; remembered: boolean }

/**
 * The keys in IndexedDB sorted for sweep: other tabs' copies whose time of use is more than 12
 * hours before `now` (stale, to delete), those with no time of use (kept by an earlier version:
 * their 12 hours start now), and every other tab's copy that stays (others, the untimed ones
 * included). This tab's copy, the remembered one and the records beside copies are none of them.
 */
export function sortCopies(keys: readonly string[], touched: ReadonlyMap<string, number>, mine: string | null, now: number): { stale: string[]; untimed: string[]; others: string[]; remembered: boolean } {
  const stale: string[] = [];
  const untimed: string[] = [];
  const others: string[] = [];
  for (const key of keys) {
    if (!key.startsWith(TAB) || key === mine) continue;
    const at = touched.get(key);
    if (at === undefined) untimed.push(key);
    if (at !== undefined && now - at > STALE_MS) stale.push(key);
    else others.push(key);
  }
  return { stale, untimed, others, remembered: keys.includes(REMEMBERED) };
}

/**
 * Delete tab copies that no tab has used for 12 hours (their tabs have closed), and say what other
 * copies remain. Only keys and the small times of use are read, never the files themselves; with
 * no database, nothing is made.
 */
export async function sweep(): Promise<Found> {
  const none: Found = { copies: [], remembered: false };
  if (typeof indexedDB === 'undefined') return none;
  const mine = sessionStorage.getItem(SESSION_REF);
  const d = await db().catch(() => undefined);
  if (!d) return none;
  return new Promise((resolve) => {
    let found = none;
    const done = () => {
      d.close();
      resolve(found);
    };
    let tx: IDBTransaction;
    try {
      tx = d.transaction('files', 'readwrite');
    } catch {
      done(); // a database without its store (not this report's making)
      return;
    }
    const store = tx.objectStore('files');
    const keys = store.getAllKeys();
    keys.onsuccess = () => {
      const all = keys.result.map(String);
      const present = new Set(all);
      const touched = new Map<string, number>();
      const timed = all.filter((k) => k.startsWith(TAB) && k !== mine && present.has(TOUCHED + k));
      let pending = timed.length;
      const decide = () => {
        const now = Date.now();
        const sorted = sortCopies(all, touched, mine, now);
        for (const key of sorted.untimed) store.put(now, TOUCHED + key);
        for (const key of sorted.stale) {
          store.delete(key);
          store.delete(TOUCHED + key);
          store.delete(CACHED + key);
        }
        found = { copies: sorted.others, remembered: sorted.remembered };
      };
      if (pending === 0) decide();
      for (const key of timed) {
        const at = store.get(TOUCHED + key);
        at.onsuccess = () => {
          touched.set(key, Number(at.result ?? 0));
          if (--pending === 0) decide();
        };
      }
    };
    tx.oncomplete = done;
    tx.onabort = () => {
      found = none;
      done();
    };
  });
}

/**
 * What this browser keeps of the reader's files besides this tab's: copies left by tabs no longer
 * open (after deleting those no tab has used for 12 hours), and whether a copy is remembered on
 * this device. Only keys and times of use are read, never the files. Tabs still open are asked
 * which copies they hold (onForgetElsewhere answers); one between two pages at that moment cannot
 * answer, and its copy would be counted as left behind (deleting it is what Forget does anyway).
 */
export async function leftBehind(): Promise<Found> {
  const found = await sweep();
  if (found.copies.length === 0) return found;
  const held = await heldElsewhere();
  return { copies: found.copies.filter((k) => !held.has(k)), remembered: found.remembered };
}

// ---- What the page says about where the files are kept: the same rules as above, in words.

/** After a load: where the files are kept and for how long, for where they actually went. */
export function keptWords(where: Kept, remembered: boolean): string {
  const remember = 'Because you chose to remember them, a copy also stays in this browser, where any tab of the report can open it, until you choose Forget.';
  if (where === 'tab') {
    return remembered
      ? `This tab keeps them as you move between pages and reload. ${remember}`
      : 'They are kept in this tab only, so moving between pages and reloading keep them, and closing the tab forgets them, unless the browser reopens the closed tab or restores the session, which brings them back with it; “Forget my data” deletes them at once.';
  }
  return `They are too large for this tab's own storage, so they are kept in this browser's database (IndexedDB) for this tab: moving between pages and reloading keep them, but closing the tab does not delete them. “Forget my data” deletes them; otherwise they are deleted once no tab has used them for ${STALE_HOURS} hours, the next time a page with your data or “Use your own data” is opened in this browser.${remembered ? ` ${remember}` : ''}`;
}

/** After unticking "Remember them on this device". */
export function unrememberedWords(where: Kept): string {
  return where === 'tab'
    ? 'Your data are no longer kept on this device; this tab forgets them when it closes.'
    : `Your data are no longer remembered on this device; this tab's copy stays in this browser until you choose Forget, or until no tab has used it for ${STALE_HOURS} hours.`;
}

/** A page at ?data=local in a tab that holds no files: why the study's data are shown. */
export function missingWords(forgotten: boolean, leftCopies = 0): string {
  const left = leftCopies > 0 ? ` Files from an earlier visit are still kept in this browser (they were too large for a tab's own storage): “Use your own data” can delete them now.` : '';
  return (forgotten
    ? "Your data were removed from this browser by Forget, so they are not here. This page shows the study's synthetic data; to analyse your files again, load them on “Use your own data”."
    : "This address is for data loaded on “Use your own data”, which stay in the browser tab they were loaded in (in every tab of that browser only if “Remember them on this device” was ticked) and are never sent anywhere, so they are not in this tab. Go back to the tab where you loaded them, or load them again on “Use your own data”. This page shows the study's synthetic data instead.") + left;
}

/**
 * On "Use your own data": what this browser keeps besides this tab's files. The remembered copy
 * is named only to a tab that holds no files (one that does shows its own, and the box to
 * remember them).
 */
export function keptNoticeWords(copies: number, remembered: boolean): string {
  return [
    remembered ? 'Files you chose to remember on this device (“Remember them on this device”) are kept in this browser until you choose Forget.' : '',
    copies > 0 ? `Files from an earlier visit are ${remembered ? 'also ' : ''}still kept in this browser: they were too large for a tab's own storage, and the tab they were loaded in is no longer open. They are deleted once no tab has used them for ${STALE_HOURS} hours, the next time a page with your data or this page is opened; you can delete them now.` : '',
  ].filter(Boolean).join(' ');
}
