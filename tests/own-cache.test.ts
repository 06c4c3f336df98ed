// What is kept beside a reader's files (src/client/ownCache.ts) so that the next page can show their
// numbers at once. Two promises are tested here, along the worker's own route (validateOwn, the full
// view, packResult, packDataset, the exact text sessionStorage holds, and back):
// - the kept result is the command-line tool's for the same files, byte for byte, and so is every
//   other view analysed from the kept dataset;
// - a changed file, name, choice or engine gives another key, so a kept result is never reused for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../src/analysis/analyse.ts';
import { validateOwn, type OwnFiles, type OwnTexts } from '../src/lib/ownData.ts';
import { packDataset, unpackDataset } from '../src/lib/compactDataset.ts';
import { cacheKey, decodeCache, encodeCache, isCache, type OwnCache } from '../src/client/ownCache.ts';
import { packResult, unpackResult } from '../src/client/workerProtocol.ts';
import { makeCohort } from './helpers/cohort.ts';
import { readData } from './helpers/bundled.ts';

const cohort = makeCohort({ seed: 29, orders: 90, designWindow: 12 });
const dir = mkdtempSync(join(tmpdir(), 'stro-own-cache-'));
writeFileSync(join(dir, 'orders.csv'), cohort.ordersCsv);
writeFileSync(join(dir, 'events.csv'), cohort.eventsCsv);
const bundledIndex = { name: 'harm-index.csv (bundled)', text: readData('harm-index.csv') };
const VERSION = '/_astro/dataWorker-TEST.js';

/** The command-line tool on the same files: an independent route to the numbers. */
const cli = (...view: string[]) => execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--design-window', '12', ...view, '--json'], { encoding: 'utf8' }).trimEnd();

/** The worker's load (src/client/dataWorker.ts), up to the cache it hands the page, then kept as text and read back. */
async function keptAndReadBack(files: OwnFiles): Promise<{ cache: OwnCache; texts: OwnTexts }> {
  const checked = validateOwn(files, bundledIndex);
  assert.ok(checked.dataset && checked.texts && checked.summary, checked.problems.map((p) => p.message).join('\n'));
  const result = analyse(checked.dataset, { window: checked.dataset.span, categories: [...checked.dataset.categories] });
  const { packed, transfer } = packResult(result);
  const compact = packDataset(checked.dataset);
  assert.ok(compact);
  const key = await cacheKey(checked.texts, VERSION);
  assert.ok(key);
  const text = encodeCache({ key, summary: checked.summary, result: packed, dataset: compact });
  assert.ok(text, 'the cache can be kept as exact text');
  // Across the worker boundary as the page receives it, then the text back from storage.
  structuredClone(packed, { transfer });
  const cache = decodeCache(text);
  assert.ok(cache && isCache(cache));
  return { cache, texts: checked.texts };
}

const files: OwnFiles = { orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' };

test('the kept full view, read back, is the command-line tool\'s result for the same files, byte for byte', async () => {
  const { cache } = await keptAndReadBack(files);
  const kept = unpackResult(cache.result);
  assert.equal(JSON.stringify(kept), cli());
  assert.ok(kept.perOrder.length > 0 && kept.bootstrap !== undefined);
});

test('other views analysed from the kept dataset are the command-line tool\'s too (the worker restores it and skips the checks)', async () => {
  const { cache } = await keptAndReadBack(files);
  const dataset = unpackDataset(cache.dataset);
  const categories = dataset.categories.slice(1);
  assert.equal(JSON.stringify(analyse(dataset, { window: 6, categories })), cli('--window', '6', '--categories', categories.join(',')));
  assert.equal(JSON.stringify(analyse(dataset, { window: 12, gap: 2 })), cli('--gap', '2'));
});

test('the key: the same for the same files, choices and engine; different if any one of them changes', async () => {
  const { texts } = await keptAndReadBack(files);
  const key = await cacheKey(texts, VERSION);
  assert.match(key!, /^[0-9a-f]{64}$/);
  assert.equal(await cacheKey(structuredClone(texts), VERSION), key);
  const flip = (s: string) => s.replace(/,(\d)(\r?\n)/, (_m, d: string, nl: string) => `,${(Number(d) + 1) % 10}${nl}`);
  assert.notEqual(flip(texts.events.text), texts.events.text);
  const changed: [string, OwnTexts, string][] = [
    ['one digit of the events', { ...texts, events: { ...texts.events, text: flip(texts.events.text) } }, VERSION],
    ['one character of the orders', { ...texts, orders: { ...texts.orders, text: texts.orders.text + '\n' } }, VERSION],
    ['a file\'s name', { ...texts, orders: { ...texts.orders, name: 'orders (2).csv' } }, VERSION],
    ['a harm index added', { ...texts, harmIndex: { name: 'harm-index.csv', text: readData('harm-index.csv') } }, VERSION],
    ['the design window', { ...texts, designWindow: 13 }, VERSION],
    ['arrests outside the window', { ...texts, outsideWindow: 'exclude' }, VERSION],
    ['the engine', texts, '/_astro/dataWorker-OTHER.js'],
    // Parts run together must not give the same text: the name and the text of a file swapped at their border.
    ['a name and its text run together differently', { ...texts, orders: { name: texts.orders.name + texts.orders.text.slice(0, 5), text: texts.orders.text.slice(5) } }, VERSION],
  ];
  const keys = new Set([key]);
  for (const [what, t, version] of changed) {
    const other = await cacheKey(t, version);
    assert.ok(other, what);
    assert.ok(!keys.has(other), `${what} gives a new key`);
    keys.add(other);
  }
  // No engine version (development) or no Web Crypto: no key, so nothing is ever reused.
  assert.equal(await cacheKey(texts, undefined), null);
});

test('a changed file gives the numbers of the changed file: the key a page computes no longer matches the kept one', async () => {
  const { cache, texts } = await keptAndReadBack(files);
  // The page's check (src/client/localPage.ts): the key of the files it holds against the kept key.
  assert.equal(await cacheKey(texts, VERSION), cache.key);
  const fewer = cohort.eventsCsv.trimEnd().split('\n').slice(0, -5).join('\n') + '\n';
  const changed = await keptAndReadBack({ ...files, events: { name: 'events.csv', text: fewer } });
  assert.notEqual(changed.cache.key, cache.key);
  assert.notDeepEqual(unpackResult(changed.cache.result).events, unpackResult(cache.result).events);
  const window = await keptAndReadBack({ ...files, designWindow: 13 });
  assert.notEqual(window.cache.key, cache.key);
  // An extraction date given (it can make the same files fail) is part of the key too.
  const dated = await keptAndReadBack({ ...files, extracted: '2099-01-01' });
  assert.notEqual(dated.cache.key, cache.key);
  assert.equal(dated.texts.extracted, '2099-01-01');
});

test('a damaged or foreign text is not taken for a cache', () => {
  assert.equal(decodeCache('not json'), undefined);
  assert.equal(decodeCache('{"key":"x"}'), undefined);
  assert.equal(decodeCache(JSON.stringify({ key: 'x', summary: {}, result: { rest: {}, ids: [], values: [] }, dataset: { events: { month: [] } } })), undefined);
});

test('the key of files with characters outside ASCII (a byte each is not enough): stable, and not that of their ASCII look-alikes', async () => {
  const texts: OwnTexts = { orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'événements.csv', text: cohort.eventsCsv.replace('Common assault', 'Common assault – “café” 𝄞') }, designWindow: 12, outsideWindow: 'error' };
  const key = await cacheKey(texts, VERSION);
  assert.equal(await cacheKey(structuredClone(texts), VERSION), key);
  const ascii = { ...texts, events: { ...texts.events, text: cohort.eventsCsv.replace('Common assault', 'Common assault - "cafe" ?') } };
  assert.notEqual(await cacheKey(ascii, VERSION), key);
  // The same digest as the whole text encoded at once would give (the fast path and the other agree).
  const whole = async (text: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const byHand = await whole(JSON.stringify([VERSION, texts.orders.name, await whole(texts.orders.text), texts.events.name, await whole(texts.events.text), null, 12, 'error']));
  assert.equal(key, byHand);
});
