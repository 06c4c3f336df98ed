// What is kept beside a reader's files once the worker has checked and analysed them, so that the
// next page opened at ?data=local can show their numbers at once: the full view's result, the
// summary the banner and controls are built from, and the checked dataset (compact). It is kept
// with the files, in the same record (src/client/ownStorage.ts), and so lives and is forgotten
// exactly as they are.
//
// A page uses it only when its key matches: a SHA-256 of the files (names and contents), the
// reader's choices (design window, arrests outside it) and the engine's version (the address of
// the worker's code, which the build names after its content). The engine is deterministic (the
// bootstrap is seeded), so the same files, choices and engine give the same result to the last
// bit; any change to any of them gives another key, and the files are checked and analysed again.
import type { OwnSummary, OwnTexts } from '../lib/ownData.ts';
import type { CompactDataset } from '../lib/compactDataset.ts';
import { parseExact, stringifyExact } from '../lib/exactJson.ts';
import type { PackedResult } from './workerProtocol.ts';

/**
 * Files up to this many characters are kept in sessionStorage (about 5 MB per site in current
 * browsers), their cache beside them as exact text if both fit; larger ones in IndexedDB.
 */
export const SESSION_LIMIT = 2_000_000;

export interface OwnCache {
  key: string;
  summary: OwnSummary;
  /** The full view (the design window, every category), as the worker sends it. */
  result: PackedResult;
  dataset: CompactDataset;
}

/**
 * The key of a set of files and choices for one engine; null where it cannot be made (no Web
 * Crypto: a page not served over HTTPS or from this computer; or no engine version, as in
 * development), and then nothing is reused.
 */
export async function cacheKey(texts: OwnTexts, version: string | undefined): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!version || !subtle) return null;
  const hex = (digest: ArrayBuffer) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const sha256 = async (text: string) => hex(await subtle.digest('SHA-256', utf8(text)));
  // Each file's text on its own (11 MB at 1,000× the study: never copied into one string), then
  // one JSON array of those digests with everything else, every part delimited: no two different
  // sets of files and choices give the same array.
  const [orders, events, harmIndex] = await Promise.all([texts.orders.text, texts.events.text, texts.harmIndex?.text ?? ''].map(sha256));
  return sha256(JSON.stringify([
    version,
    texts.orders.name, orders,
    texts.events.name, events,
    texts.harmIndex ? [texts.harmIndex.name, harmIndex] : null,
    texts.designWindow, texts.outsideWindow,
    // Only when given, so that the keys of files without it are as they were.
    ...(texts.extracted ? [texts.extracted] : []),
  ]));
}

const encoder = new TextEncoder();

/**
 * A text's UTF-8 bytes. CSV files are mostly plain ASCII, one byte a character: written straight
 * into a buffer of that size, which in Chromium takes half the time of encode() (50 against 100 ms
 * for 11 MB); any other text is encoded whole. The bytes are the same either way.
 */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  const { read } = encoder.encodeInto(text, bytes);
  return read === text.length ? bytes : encoder.encode(text);
}

/** The cache as text for sessionStorage, or undefined if it would not read back exactly. */
export const encodeCache = (cache: OwnCache): string | undefined => stringifyExact(cache);

/** The cache from its text; undefined if the text is not one (written by another version, or damaged). */
export function decodeCache(text: string): OwnCache | undefined {
  try {
    const cache = parseExact(text) as OwnCache;
    return isCache(cache) ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** The shape of a cache, checked at the edges only (its contents were the worker's). */
export function isCache(value: unknown): value is OwnCache {
  const c = value as Partial<OwnCache> | null;
  return typeof c?.key === 'string' && typeof c.summary === 'object' && c.summary !== null
    && c.result?.values instanceof Float64Array && Array.isArray(c.result.ids) && typeof c.result.rest === 'object'
    && c.dataset?.events?.month instanceof Int32Array;
}
