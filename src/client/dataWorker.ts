// The Web Worker that holds a reader's own data: it reads and checks their files, and runs every
// analysis of them, so the page never freezes however large the files are. The page talks to it
// through src/client/localEngine.ts. Nothing here touches the network: the files arrive as bytes
// or text from the page, and results go back as plain objects.
//
//   → { id, type: 'load', files, version } ← progress…, then { id, ok, problems, texts?, summary?, result?, dataset? or compact?, cache? }
//   → { id, type: 'restore', orders, harmIndex?, dataset, result }  ← { id } (files checked and analysed before: nothing to redo)
//   → { id, type: 'compute', state }       ← { id, result }
//   → { id, type: 'derive', state, path }  ← { id, derivation }
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
import { answerRobustness } from '../lib/robustness.ts';
import { validateOwn, type OwnFiles, type OwnTexts } from '../lib/ownData.ts';
import { packDataset, unpackDataset, type CompactDataset } from '../lib/compactDataset.ts';
import { cacheKey, encodeCache, SESSION_LIMIT, type OwnCache } from './ownCache.ts';
import type { ViewState } from '../lib/urlState.ts';
import { MAIN_THREAD_EVENTS, packResult, unpackResult, type PackedResult, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';

let dataset: Dataset | undefined;
let ordersText = '';
/** The harm index attached to the dataset (the reader's, or the bundled one), for the R script's weights. */
let harmIndexCsv: string | undefined;
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

async function load(id: number, files: OwnFiles, version: string | undefined): Promise<void> {
  const size = (f?: { text?: string; bytes?: Uint8Array }) => f?.text?.length ?? f?.bytes?.byteLength ?? 0;
  post({ id, type: 'progress', stage: 'checking', detail: `Checking ${files.orders.name} and ${files.events.name} (${Math.round((size(files.orders) + size(files.events) + size(files.harmIndex)) / 1024).toLocaleString('en-GB')} KB)…` });
  // Marks and measures in the worker's own timeline, read by `npm run bench:browser`.
  performance.mark('stro:load');
  // The study's own files (from "Try it with the study's data", or downloaded and chosen) are recognised as the study's.
  const checked = validateOwn(files, { name: 'harm-index.csv (bundled)', text: harmIndexText }, { orders: studyOrders, events: studyEvents, manifest: studyManifest });
  performance.measure('stro:validate', 'stro:load');
  if (!checked.dataset || !checked.texts || !checked.summary) {
    post({ id, type: 'loaded', ok: false, problems: checked.problems });
    return;
  }
  dataset = checked.dataset;
  ordersText = checked.texts.orders.text;
  harmIndexCsv = dataset.harmIndex ? checked.texts.harmIndex?.text ?? harmIndexText : undefined;
  cache.clear();
  post({ id, type: 'progress', stage: 'analysing', detail: `Analysing ${checked.summary.analysed.toLocaleString('en-GB')} orders and ${dataset.events.length.toLocaleString('en-GB')} arrests (2,000 bootstrap resamples)…` });
  // The full view is what every page shows first: computed here, once, while the page waits.
  performance.mark('stro:analyse-start');
  const result = compute({ window: dataset.span, categories: [...dataset.categories] });
  performance.measure('stro:analyse-full', 'stro:analyse-start');
  const { packed, transfer } = packResult(result);
  // What the page keeps beside the files (src/client/ownCache.ts): the checked dataset in columns
  // and the full view under the key of these files, choices and engine; for files small enough
  // for sessionStorage, also as exact text, made and checked here rather than on the page.
  performance.mark('stro:cache-start');
  const compact = packDataset(dataset);
  const cacheKeyText = compact ? await cacheKey(checked.texts, version) : null;
  const kept: OwnCache | undefined = compact && cacheKeyText !== null ? { key: cacheKeyText, summary: checked.summary, result: packed, dataset: compact } : undefined;
  const keptText = kept && checked.summary.size <= SESSION_LIMIT ? encodeCache(kept) : undefined;
  performance.measure('stro:cache', 'stro:cache-start');
  // Small data also live on the page, for the arrest-by-arrest figure and instant derivations (as
  // columns, unpacked there, when they have them); large data stay here, so that copying them
  // never blocks the page.
  const small = dataset.events.length <= MAIN_THREAD_EVENTS;
  post({
    id, type: 'loaded', ok: true, problems: checked.problems, texts: checked.texts, summary: checked.summary, result: packed,
    dataset: small && !compact ? dataset : undefined,
    ...(compact ? { compact } : {}),
    ...(kept ? { cache: { key: kept.key, ...(keptText === undefined ? {} : { text: keptText }) } } : {}),
  }, [...transfer, ...(compact ? columnBuffers(compact) : [])]);
  performance.measure('stro:worker-load', 'stro:load');
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
  dataset = unpackDataset(compact);
  ordersText = orders.text;
  harmIndexCsv = dataset.harmIndex ? harmIndex?.text ?? harmIndexText : undefined;
  cache.clear();
  cache.set(key({ window: dataset.span, categories: [...dataset.categories] }), unpackResult(full));
  performance.measure('stro:worker-restore', 'stro:restore');
  post({ id, type: 'restored' });
}

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    if (msg.type === 'load') {
      load(msg.id, msg.files, msg.version).catch((error: unknown) => post({ id: msg.id, type: 'error', message: error instanceof Error ? error.message : String(error) }));
    }
    else if (msg.type === 'restore') restore(msg.id, msg.orders, msg.harmIndex, msg.dataset, msg.result);
    else if (!dataset) post({ id: msg.id, type: 'error', message: 'No data have been loaded into the worker.' });
    else if (msg.type === 'compute') {
      const { packed, transfer } = packResult(compute(msg.state));
      post({ id: msg.id, type: 'result', result: packed }, transfer);
    }
    else if (msg.type === 'derive') post({ id: msg.id, type: 'derivation', derivation: derive(compute(msg.state), dataset, msg.path) });
    else if (msg.type === 'robustness') post({ id: msg.id, type: 'robustness', reply: answerRobustness(dataset, msg.request, compute) });
    else if (msg.type === 'rInputs') post({ id: msg.id, type: 'rInputs', ordersCsv: ordersText, eventsCsv: eventsCsv(dataset.events), ...(harmIndexCsv === undefined ? {} : { harmIndexCsv }) });
  } catch (error) {
    post({ id: msg.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
