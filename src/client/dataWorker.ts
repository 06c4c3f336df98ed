// The Web Worker that holds a reader's own data: it reads and checks their files, and runs every
// analysis of them, so the page never freezes however large the files are. The page talks to it
// through src/client/localEngine.ts. Nothing here touches the network: the files arrive as bytes
// or text from the page, and results go back as plain objects.
//
//   → { id, type: 'load', files, store? }  ← progress…, then { id, ok, problems, texts? or stored?, summary?, result?, dataset? or compact? }
//   → { id, type: 'keep', load, version }  ← { id, key, text? or stored? } (what is kept beside the files of that load)
//   → { id, type: 'open', ref, version }   ← { id, ok, problems, summary, result, compact?, fromCache, stored? } or { id, type: 'missing' } (a tab's copy in IndexedDB, or the remembered one made this tab's)
//   → { id, type: 'remember', ref }        ← { id, type: 'remembered' or 'missing' } (a tab's copy in IndexedDB kept on this device)
//   → { id, type: 'restore', orders, harmIndex?, dataset, result }  ← { id } (files checked and analysed before: nothing to redo)
//   → { id, type: 'compute', state }       ← { id, result }
//   → { id, type: 'derive', state, path }  ← { id, derivation }
//   → { id, type: 'ruleFlips', state }     ← { id, words } (the verdicts that differ under the other version of R's paired test)
//   → { id, type: 'rInputs' }              ← { id, ordersCsv, eventsCsv, harmIndexCsv? }
//   → { id, type: 'robustness', request }  ← { id, reply } (the robustness page's gap curve, null world, specification curve)

import harmIndexText from '../../data/harm-index.csv?raw';
import studyOrders from '../../data/orders.csv?raw';
import studyEvents from '../../data/events.csv?raw';
import studyManifest from '../../data/study.json' with { type: 'json' };
import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { eventsCsv } from '../analysis/validate.ts';
import type { Dataset } from '../analysis/types.ts';
import { derive } from '../lib/derivations.ts';
import { ruleFlips, ruleFlipWords } from '../lib/ruleFlips.ts';
import { answerRobustness } from '../lib/robustness.ts';
import { shownName, validateOwn, type OwnFiles, type OwnSummary, type OwnTexts } from '../lib/ownData.ts';
import { compactEventCount, packDataset, unpackDataset, type CompactDataset } from '../lib/compactDataset.ts';
import { cacheKey, encodeCache, SESSION_LIMIT } from './ownCache.ts';
import { openCopy, REMEMBERED, rememberCopy, storeCache, storeCopy, textSize } from './ownStorage.ts';
import type { ViewState } from '../lib/urlState.ts';
import { MAIN_THREAD_EVENTS, packResult, unpackResult, type PackedResult, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';
import { formatNumber } from '../lib/format.ts';

let dataset: Dataset | undefined;
let ordersText = '';
/** The harm index attached to the dataset (the reader's, or the bundled one), for the R script's weights. */
let harmIndexCsv: string | undefined;
/** The files last loaded, their summary and full view, for their cache (keep); ref: their copy in IndexedDB, when this worker keeps them there. */
let loaded: { id: number; texts: OwnTexts; summary: OwnSummary; full: AnalysisResult; ref?: string } | undefined;
const cache = new Map<string, AnalysisResult>();

const key = (s: ViewState) => JSON.stringify([s.window, s.categories, s.gap ?? 0, s.weights ?? 'data', s.wilcoxon ?? 'current']);

function compute(state: ViewState): AnalysisResult {
  let result = cache.get(key(state));
  if (!result) {
    result = analyse(dataset!, state);
    if (cache.size > 20) cache.delete(cache.keys().next().value!);
    cache.set(key(state), result);
  }
  return result;
}

const post = (reply: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

/**
 * Check and analyse the files. store: keep them in IndexedDB here if they are too large for
 * sessionStorage (the page then holds only the copy's key); ref: they came from such a copy
 * (an open), so they stay in it; adopted: that copy was made just now, for the page to hold.
 */
async function load(id: number, files: OwnFiles, store?: { remembered: boolean }, ref?: string, adopted?: string): Promise<void> {
  const size = (f?: { text?: string; bytes?: Uint8Array }) => f?.text?.length ?? f?.bytes?.byteLength ?? 0;
  post({ id, type: 'progress', stage: 'checking', detail: `Checking ${shownName(files.orders.name)} and ${shownName(files.events.name)} (${formatNumber(Math.round((size(files.orders) + size(files.events) + size(files.harmIndex)) / 1024))} KB)…` });
  // Marks and measures in the worker's own timeline, read by `npm run bench:browser`.
  performance.mark('stro:load');
  // The study's own files (from "Try it with the study's data", or downloaded and chosen) are recognised as the study's.
  const checked = validateOwn(files, { name: 'harm-index.csv (bundled)', text: harmIndexText }, { orders: studyOrders, events: studyEvents, manifest: studyManifest });
  performance.measure('stro:validate', 'stro:load');
  const tidied = checked.tidied ? { tidied: checked.tidied } : {};
  if (!checked.dataset || !checked.texts || !checked.summary) {
    post({ id, type: 'loaded', ok: false, problems: checked.problems, ...tidied });
    return;
  }
  dataset = checked.dataset;
  loaded = undefined;
  ordersText = checked.texts.orders.text;
  harmIndexCsv = dataset.harmIndex ? checked.texts.harmIndex?.text ?? harmIndexText : undefined;
  cache.clear();
  post({ id, type: 'progress', stage: 'analysing', detail: `Analysing ${formatNumber(checked.summary.analysed)} orders and ${formatNumber(dataset.events.length)} arrests (2,000 bootstrap resamples)…` });
  // The full view is what every page shows first: computed here, once, while the page waits.
  performance.mark('stro:analyse-start');
  const result = compute({ window: dataset.span, categories: [...dataset.categories] });
  performance.measure('stro:analyse-full', 'stro:analyse-start');
  loaded = { id, texts: checked.texts, summary: checked.summary, full: result, ...(ref ? { ref } : {}) };
  // Large files stay here: the page would spend long tasks copying and storing 11 MB of text.
  const stored = store && !ref && checked.summary.size > SESSION_LIMIT ? await storeCopy(checked.texts, store.remembered).catch(() => undefined) : adopted;
  if (stored) loaded.ref = stored;
  const { packed, transfer } = packResult(result);
  // Small data also live on the page, for the arrest-by-arrest figure and instant derivations (as
  // columns, unpacked there); large data stay here, so that copying them never blocks the page.
  // The page also needs the columns to keep the cache itself, when this worker does not keep the
  // files; the cache is made afterwards (keep), so the page switches without waiting for it.
  const small = dataset.events.length <= MAIN_THREAD_EVENTS;
  const compact = small || !loaded.ref ? packDataset(dataset) : undefined;
  post({
    id, type: 'loaded', ok: true, problems: checked.problems, ...tidied, summary: checked.summary, result: packed,
    ...(loaded.ref ? {} : { texts: checked.texts }), ...(stored ? { stored } : {}),
    dataset: small && !compact ? dataset : undefined,
    ...(compact ? { compact } : {}),
  }, [...transfer, ...(compact ? columnBuffers(compact) : [])]);
  performance.measure('stro:worker-load', 'stro:load');
}

/**
 * What the page keeps beside the files just loaded (src/client/ownCache.ts): the checked dataset
 * in columns and the full view, under the key of these files, choices and engine; for files small
 * enough for sessionStorage, also as exact text, made here rather than on the page. The page has
 * both already (their buffers moved to it), so only the key and the text go back.
 */
async function keep(id: number, load: number, version: string | undefined): Promise<void> {
  performance.mark('stro:cache-start');
  // Only for the load it was asked about: a cache must never pair one file's key with another's numbers.
  const files = loaded?.id === load ? loaded : undefined;
  const compact = files && dataset ? packDataset(dataset) : undefined;
  const keyText = files && compact ? await cacheKey(files.texts, version) : null;
  const kept = files && compact && keyText !== null ? { key: keyText, summary: files.summary, result: packResult(files.full).packed, dataset: compact } : undefined;
  // Beside a copy this worker keeps in IndexedDB, the cache goes there from here; otherwise the page keeps it.
  const stored = kept && files?.ref ? await storeCache(files.ref, kept).then(() => true, () => false) : false;
  const text = kept && !stored && files!.summary.size <= SESSION_LIMIT ? encodeCache(kept) : undefined;
  performance.measure('stro:cache', 'stro:cache-start');
  post({ id, type: 'kept', key: keyText, ...(text === undefined ? {} : { text }), ...(stored ? { stored } : {}) });
}

/**
 * This tab's copy of large files, in IndexedDB: if the cache beside it was made for these files,
 * choices and engine, its checked dataset and full view are taken as they were (nothing checked
 * or analysed again); otherwise the files are checked and analysed again (and keep, asked next,
 * puts the new cache beside them). Only the summary and results cross to the page.
 */
async function open(id: number, from: string, version: string | undefined): Promise<void> {
  performance.mark('stro:open');
  const copy = await openCopy(from).catch(() => undefined);
  // The remembered copy, for a new tab: large files become this tab's copy here (the page then
  // holds its key); small ones the page puts in its sessionStorage itself, so they are 'missing' here.
  if (!copy || (from === REMEMBERED && textSize(copy.texts) <= SESSION_LIMIT)) {
    post({ id, type: 'missing' });
    return;
  }
  let ref = from;
  let stored: string | undefined;
  if (from === REMEMBERED) {
    ref = stored = await storeCopy(copy.texts, false);
    if (copy.cache) await storeCache(ref, copy.cache, false);
  }
  const key = await cacheKey(copy.texts, version).catch(() => null);
  const kept = key !== null && copy.cache?.key === key ? copy.cache : undefined;
  if (!kept) {
    await load(id, { orders: copy.texts.orders, events: copy.texts.events, ...(copy.texts.harmIndex ? { harmIndex: copy.texts.harmIndex } : {}), designWindow: copy.texts.designWindow, outsideWindow: copy.texts.outsideWindow, ...(copy.texts.extracted ? { extracted: copy.texts.extracted } : {}) }, undefined, ref, stored);
    return;
  }
  restoreFrom(copy.texts.orders, copy.texts.harmIndex, kept.dataset, kept.result);
  const small = compactEventCount(kept.dataset) <= MAIN_THREAD_EVENTS;
  performance.measure('stro:worker-open', 'stro:open');
  post({ id, type: 'loaded', ok: true, fromCache: true, problems: [], summary: kept.summary, result: kept.result, ...(small ? { compact: kept.dataset } : {}), ...(stored ? { stored } : {}) });
}

/** The typed arrays of a compact dataset, moved to the page rather than copied: this worker keeps its rows. */
function columnBuffers({ orders: o, events: e }: CompactDataset): ArrayBuffer[] {
  return [e.orderId.index, e.month, e.category.index, e.offence.index, e.harm, o.issued.index, o.sample.index, o.durationMonths, o.conditions.index, o.monthsUnavailableBefore, o.monthsUnavailableAfter]
    .map((a) => a.buffer as ArrayBuffer);
}

/**
 * Files this worker's engine checked and analysed on an earlier page (the page has matched their
 * key): their checked dataset and full view are taken as they were, so nothing is checked or
 * analysed again; every other view is analysed from that dataset, as after a load.
 */
function restore(id: number, orders: OwnTexts['orders'], harmIndex: OwnTexts['harmIndex'], compact: CompactDataset, full: PackedResult): void {
  performance.mark('stro:restore');
  restoreFrom(orders, harmIndex, compact, full);
  performance.measure('stro:worker-restore', 'stro:restore');
  post({ id, type: 'restored' });
}

function restoreFrom(orders: OwnTexts['orders'], harmIndex: OwnTexts['harmIndex'], compact: CompactDataset, full: PackedResult): void {
  dataset = unpackDataset(compact);
  ordersText = orders.text;
  harmIndexCsv = dataset.harmIndex ? harmIndex?.text ?? harmIndexText : undefined;
  cache.clear();
  loaded = undefined;
  cache.set(key({ window: dataset.span, categories: [...dataset.categories] }), unpackResult(full));
}

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    const fail = (error: unknown) => post({ id: msg.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    if (msg.type === 'load') load(msg.id, msg.files, msg.store).catch(fail);
    else if (msg.type === 'open') open(msg.id, msg.ref, msg.version).catch(fail);
    else if (msg.type === 'remember') rememberCopy(msg.ref).then((found) => post({ id: msg.id, type: found ? 'remembered' : 'missing' }), fail);
    else if (msg.type === 'keep') keep(msg.id, msg.load, msg.version).catch(fail);
    else if (msg.type === 'restore') restore(msg.id, msg.orders, msg.harmIndex, msg.dataset, msg.result);
    else if (!dataset) post({ id: msg.id, type: 'error', message: 'No data have been loaded into the worker.' });
    else if (msg.type === 'compute') {
      const { packed, transfer } = packResult(compute(msg.state));
      post({ id: msg.id, type: 'result', result: packed }, transfer);
    }
    else if (msg.type === 'ruleFlips') {
      const r = compute(msg.state);
      post({ id: msg.id, type: 'ruleFlips', words: ruleFlipWords(ruleFlips(dataset, r), r.categoryNames) });
    }
    else if (msg.type === 'derive') post({ id: msg.id, type: 'derivation', derivation: derive(compute(msg.state), dataset, msg.path) });
    else if (msg.type === 'robustness') post({ id: msg.id, type: 'robustness', reply: answerRobustness(dataset, msg.request, compute) });
    // The orders in Unicode's composed form (NFC), as the engine compares ids and as eventsCsv writes
    // them: R compares ids as written, and an id typed "José" two ways would otherwise match nothing there.
    // The harm index too: the engine looks offences up in NFC (a re-check: an index spelling "Café" decomposed stopped R).
    else if (msg.type === 'rInputs') post({ id: msg.id, type: 'rInputs', ordersCsv: ordersText.normalize('NFC'), eventsCsv: eventsCsv(dataset.events), ...(harmIndexCsv === undefined ? {} : { harmIndexCsv: harmIndexCsv.normalize('NFC') }) });
  } catch (error) {
    post({ id: msg.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
