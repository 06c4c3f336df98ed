// The reader's own data, analysed in a Web Worker (src/client/dataWorker.ts): loadLocal(files)
// checks them there and, if they are valid, gives an Engine whose every computation runs in the
// worker, so that the page stays responsive whatever their size. Nothing leaves the browser.
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Problem } from '../analysis/errors.ts';
import type { OwnFiles } from '../lib/ownData.ts';
import type { Derivation } from '../lib/derivations.ts';
import type { Engine } from './engineTypes.ts';
import { unpackResult, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';
import type { ViewState } from '../lib/urlState.ts';

export type LoadOutcome =
  | { ok: true; engine: Engine; problems: Problem[]; result: AnalysisResult }
  | { ok: false; problems: Problem[] };

type Pending = { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void; progress?: (detail: string) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./dataWorker.ts', import.meta.url), { type: 'module', name: 'stro-data' });
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

function ask(request: Request, progress?: (detail: string) => void, transfer: Transferable[] = []): Promise<WorkerReply> {
  const w = start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    w.postMessage({ ...request, id } as WorkerRequest, transfer);
  });
}

/** The same key as the worker's cache: every setting of a view (window, categories, rule, gap, weights). */
const viewKey = (s: ViewState) => JSON.stringify([s.window, s.categories, s.wilcoxon ?? 'current', s.gap ?? 0, s.weights ?? 'data']);
/** Results kept on the page: each one for 41,000 people takes ~100 ms to copy from the worker. */
const RESULTS_KEPT = 6;

/** Check the reader's files in the worker; if valid, the engine for them and the full view's result. */
export async function loadLocal(files: OwnFiles, progress?: (detail: string) => void): Promise<LoadOutcome> {
  // The files' bytes move to the worker rather than being copied: the page does not need them again.
  const transfer = [files.orders, files.events, files.harmIndex].flatMap((f) => (f?.bytes ? [f.bytes.buffer as ArrayBuffer] : []));
  const reply = await ask({ type: 'load', files }, progress, transfer);
  if (reply.type !== 'loaded') throw new Error(`unexpected reply ${reply.type}`);
  if (!reply.ok) return { ok: false, problems: reply.problems };
  const { summary, texts, dataset } = reply;
  const result = unpackResult(reply.result);
  const domain = { span: summary.designWindow, categories: summary.categories, weights: summary.weights };
  const results = new Map<string, Promise<AnalysisResult>>([[viewKey({ window: domain.span, categories: domain.categories }), Promise.resolve(result)]]);
  const engine: Engine = {
    kind: 'local',
    domain,
    categoryNames: summary.categoryNames,
    dataset: dataset ?? null,
    // The page asks for the full view first (it came with the load), and asks again for a view it
    // showed recently (a page's render, then its derivation panel): both are answered here.
    compute: (state) => {
      const key = viewKey(state);
      let answer = results.get(key);
      if (answer) {
        results.delete(key); // most recently used last
      } else {
        answer = ask({ type: 'compute', state }).then((r) => {
          if (r.type !== 'result') throw new Error(`unexpected reply ${r.type}`);
          return unpackResult(r.result);
        });
        answer.catch(() => results.delete(key));
        if (results.size >= RESULTS_KEPT) results.delete(results.keys().next().value!);
      }
      results.set(key, answer);
      return answer;
    },
    derive: async (state, path): Promise<Derivation | null> => {
      const r = await ask({ type: 'derive', state, path });
      if (r.type !== 'derivation') throw new Error(`unexpected reply ${r.type}`);
      return r.derivation;
    },
    rInputs: async () => {
      const r = await ask({ type: 'rInputs' });
      if (r.type !== 'rInputs') throw new Error(`unexpected reply ${r.type}`);
      return { ordersCsv: r.ordersCsv, eventsCsv: r.eventsCsv, ...(r.harmIndexCsv === undefined ? {} : { harmIndexCsv: r.harmIndexCsv }) };
    },
    local: { summary, texts },
    robustness: async (request) => {
      const r = await ask({ type: 'robustness', request });
      if (r.type !== 'robustness') throw new Error(`unexpected reply ${r.type}`);
      return r.reply;
    },
  };
  return { ok: true, engine, problems: reply.problems, result };
}
