// The reader's own data, analysed in a Web Worker (src/client/dataWorker.ts): loadLocal(files)
// checks them there and, if they are valid, gives an Engine whose every computation runs in the
// worker, so that the page stays responsive whatever their size. restoreLocal(texts, cache) does
// the same for files checked and analysed on an earlier page (src/client/ownCache.ts): the engine
// is ready at once with their full view, while the worker takes their dataset in the background.
// Nothing leaves the browser.
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Problem } from '../analysis/errors.ts';
import type { Dataset } from '../analysis/types.ts';
import type { OwnFiles, OwnSummary, OwnTexts, OwnTidied } from '../lib/ownData.ts';
import type { Derivation } from '../lib/derivations.ts';
import { compactEventCount, unpackDataset } from '../lib/compactDataset.ts';
import type { Engine } from './engineTypes.ts';
import type { OwnCache } from './ownCache.ts';
import { MAIN_THREAD_EVENTS, unpackResult, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';
import type { ViewState } from '../lib/urlState.ts';
// The worker's address from the bundler (Vite's ?worker&url): this module loads only in a browser
// build, never in Node (keep what Node tests need, such as constants, out of it and its importers).
import dataWorkerUrl from './dataWorker.ts?worker&url';

/**
 * keep(): what to keep beside the files (src/client/ownCache.ts), asked of the worker once the
 * page has switched to them: the cache for the page to store, 'kept' when the worker has put it
 * beside its own copy of the files, or nothing when they cannot be kept (no Web Crypto, no
 * compact form).
 */
export type Keep = () => Promise<{ cache: OwnCache; cacheText?: string } | 'kept' | undefined>;

export type LoadOutcome =
  /** texts: the files, for the page to keep; or stored: the key of the copy the worker has kept in IndexedDB instead. */
  | { ok: true; engine: Engine; problems: Problem[]; result: AnalysisResult; texts?: OwnTexts; stored?: string; keep: Keep; tidied?: OwnTidied }
  | { ok: false; problems: Problem[]; tidied?: OwnTidied };

/**
 * The engine's version, part of every cache key: the address of the worker's code, which the
 * build names after its content (so a deployment with any change to the engine, or to the
 * bundled harm index it carries, has another). None in development, where the address stays the
 * same while the code changes: nothing is reused there.
 */
export const ENGINE_VERSION: string | undefined = import.meta.env.DEV ? undefined : new URL(dataWorkerUrl, location.href).pathname;

type Pending = { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void; progress?: (detail: string) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(dataWorkerUrl, { type: 'module', name: 'stro-data' });
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') {
      p.progress?.(reply.detail);
      return;
    }
    pending.delete(reply.id);
    if (reply.type === 'error') p.reject(new Error(reply.message));
    else p.resolve(reply);
  });
  // A worker that cannot start (its file blocked or missing) fails every request, in words.
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    const error = new Error('the part of the report that analyses your files in the background (a Web Worker) could not start');
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker?.terminate();
    worker = undefined;
  });
  return worker;
}

/**
 * Start the worker ahead of the files (when the upload page is idle, or while a page reads the
 * files back from the tab): loading and compiling its code then overlaps with what comes before.
 */
export function prepare(): void {
  start();
}

type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function ask(request: Request, progress?: (detail: string) => void, transfer: Transferable[] = [], id = nextId++): Promise<WorkerReply> {
  const w = start();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    w.postMessage({ ...request, id } as WorkerRequest, transfer);
  });
}

/** The same key as the worker's cache: every setting of a view (window, categories, rule, gap, weights). */
const viewKey = (s: ViewState) => JSON.stringify([s.window, s.categories, s.wilcoxon ?? 'current', s.gap ?? 0, s.weights ?? 'data']);
/** Results kept on the page: each one for 41,000 people takes ~100 ms to copy from the worker. */
const RESULTS_KEPT = 6;

/**
 * Check the reader's files in the worker; if valid, the engine for them, the full view's result,
 * and what to keep beside the files. store: files too large for sessionStorage are kept in
 * IndexedDB by the worker (replacing the remembered copy too, when the reader keeps theirs).
 */
export async function loadLocal(files: OwnFiles, progress?: (detail: string) => void, store?: { remembered: boolean }): Promise<LoadOutcome> {
  // The files' bytes move to the worker rather than being copied: the page does not need them again.
  const transfer = [files.orders, files.events, files.harmIndex].flatMap((f) => (f?.bytes ? [f.bytes.buffer as ArrayBuffer] : []));
  const load = nextId++;
  const reply = await ask({ type: 'load', files, ...(store ? { store } : {}) }, progress, transfer, load);
  await nextTask();
  return fromWorker(reply, load);
}

/**
 * This tab's copy of large files, opened by the worker from IndexedDB (src/client/ownStorage.ts):
 * only their summary and results come to the page. 'missing' when the copy is not there.
 */
export async function openLocal(ref: string, progress?: (detail: string) => void): Promise<(LoadOutcome & { fromCache?: boolean }) | 'missing'> {
  const load = nextId++;
  const reply = await ask({ type: 'open', ref, version: ENGINE_VERSION }, progress, [], load);
  await nextTask();
  return reply.type === 'missing' ? 'missing' : { ...fromWorker(reply, load), ...(reply.type === 'loaded' && reply.ok && reply.fromCache ? { fromCache: true } : {}) };
}

/**
 * A task of its own for what follows a reply: receiving 41,000 people's results is a task's
 * worth of work on its own, and unpacking them (fromWorker) another.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Keep this tab's copy in IndexedDB on this device, copied by the worker; false if the copy has gone. */
export async function rememberLocal(ref: string): Promise<boolean> {
  const reply = await ask({ type: 'remember', ref });
  return reply.type === 'remembered';
}

function fromWorker(reply: WorkerReply, load: number): LoadOutcome {
  if (reply.type !== 'loaded') throw new Error(`unexpected reply ${reply.type}`);
  const tidied = reply.tidied ? { tidied: reply.tidied } : {};
  if (!reply.ok) return { ok: false, problems: reply.problems, ...tidied };
  const { summary, texts, stored, compact } = reply;
  const packed = reply.result;
  const result = unpackResult(packed);
  const dataset = reply.dataset ?? (compact && compactEventCount(compact) <= MAIN_THREAD_EVENTS ? unpackDataset(compact) : null);
  const engine = localEngine(summary, dataset, result, Promise.resolve());
  const keep: Keep = async () => {
    const kept = await ask({ type: 'keep', load, version: ENGINE_VERSION });
    if (kept.type !== 'kept' || kept.key === null) return undefined;
    if (kept.stored) return 'kept';
    if (!compact) return undefined;
    return { cache: { key: kept.key, summary, result: packed, dataset: compact }, ...(kept.text === undefined ? {} : { cacheText: kept.text }) };
  };
  return { ok: true, engine, problems: reply.problems, result, ...(texts ? { texts } : {}), ...(stored ? { stored } : {}), keep, ...tidied };
}

/**
 * The engine for files whose cache matched (the caller has checked its key): the full view is
 * the cached result, shown at once; the worker takes the checked dataset meanwhile, and anything
 * else (another view, a derivation, the R script's inputs) waits for it. If the worker cannot
 * take it, those fail with the reason, and `ready` says so.
 */
export function restoreLocal(texts: OwnTexts, cache: OwnCache): { engine: Engine; result: AnalysisResult; ready: Promise<void> } {
  const result = unpackResult(cache.result);
  const small = compactEventCount(cache.dataset) <= MAIN_THREAD_EVENTS;
  // The typed arrays are copied to the worker (one block each), not moved: the cache stays whole.
  const ready = ask({ type: 'restore', orders: texts.orders, ...(texts.harmIndex ? { harmIndex: texts.harmIndex } : {}), dataset: cache.dataset, result: cache.result }).then((r) => {
    if (r.type !== 'restored') throw new Error(`unexpected reply ${r.type}`);
  });
  ready.catch(() => undefined); // reported by whoever waits on it
  const engine = localEngine(cache.summary, small ? unpackDataset(cache.dataset) : null, result, ready);
  return { engine, result, ready };
}

/** The engine over the worker: `ready` settles when the worker holds the data (at once after a load). */
function localEngine(summary: OwnSummary, dataset: Dataset | null, full: AnalysisResult, ready: Promise<void>): Engine {
  const domain = { span: summary.designWindow, categories: summary.categories, weights: summary.weights };
  const results = new Map<string, Promise<AnalysisResult>>([[viewKey({ window: domain.span, categories: domain.categories }), Promise.resolve(full)]]);
  const askReady: typeof ask = (request, ...rest) => ready.then(() => ask(request, ...rest));
  return {
    kind: 'local',
    domain,
    categoryNames: summary.categoryNames,
    dataset,
    // The page asks for the full view first (it came with the load), and asks again for a view it
    // showed recently (a page's render, then its derivation panel): both are answered here.
    compute: (state) => {
      const key = viewKey(state);
      let answer = results.get(key);
      if (answer) {
        results.delete(key); // most recently used last
      } else {
        answer = askReady({ type: 'compute', state }).then((r) => {
          if (r.type !== 'result') throw new Error(`unexpected reply ${r.type}`);
          return unpackResult(r.result);
        });
        answer.catch(() => results.delete(key));
        if (results.size >= RESULTS_KEPT) results.delete(results.keys().next().value!);
      }
      results.set(key, answer);
      return answer;
    },
    ruleFlips: async (state) => {
      const r = await askReady({ type: 'ruleFlips', state });
      if (r.type !== 'ruleFlips') throw new Error(`unexpected reply ${r.type}`);
      return r.words;
    },
    derive: async (state, path): Promise<Derivation | null> => {
      const r = await askReady({ type: 'derive', state, path });
      if (r.type !== 'derivation') throw new Error(`unexpected reply ${r.type}`);
      return r.derivation;
    },
    rInputs: async () => {
      const r = await askReady({ type: 'rInputs' });
      if (r.type !== 'rInputs') throw new Error(`unexpected reply ${r.type}`);
      return { ordersCsv: r.ordersCsv, eventsCsv: r.eventsCsv, ...(r.harmIndexCsv === undefined ? {} : { harmIndexCsv: r.harmIndexCsv }) };
    },
    local: { summary },
    robustness: async (request) => {
      const r = await askReady({ type: 'robustness', request });
      if (r.type !== 'robustness') throw new Error(`unexpected reply ${r.type}`);
      return r.reply;
    },
  };
}
