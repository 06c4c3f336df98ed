// The study's data in the background. On "How robust is it?", the gap curve (one analysis per gap),
// the null world (1,000 simulated cohorts) and the specification curve (60 analyses) run here, so
// that moving a slider never freezes the page; a reader's own data are answered by their data
// worker instead (src/client/dataWorker.ts), with the same function. On every page with controls,
// the study engine (src/client/engine.ts warm()) has the views a reader is likely to choose next
// analysed here, off the main thread, and remembers the results: they are the page's own analyse()
// on the same bundled data, so a view taken from here shows exactly the numbers the page would
// have computed (the bootstrap is seeded). One file for both, so a reader downloads it once.
//
//   → { id, request }   ← { id, reply } or { id, error }
//   → { warm: [{ key, state }, …] }   ← { key, started }, then { key, result } (or { key, failed }) for each, one per task; a newer list replaces the rest
import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { dataset } from '../lib/bundled.ts';
import { answerRobustness, type RobustnessReply, type RobustnessRequest } from '../lib/robustness.ts';
import type { ViewState } from '../lib/urlState.ts';

export type RobustWorkerRequest = { id: number; request: RobustnessRequest };
export type RobustWorkerReply = { id: number; reply: RobustnessReply } | { id: number; error: string };
export type WarmRequest = { warm: { key: string; state: ViewState }[] };
/** The result for a view, or why the worker could not analyse it (the page then analyses it itself, and explains). */
export type WarmReply = { key: string; started: true } | { key: string; result: AnalysisResult } | { key: string; failed: string };

const cache = new Map<string, AnalysisResult>();
function analysed(state: ViewState): AnalysisResult {
  const key = JSON.stringify([state.window, state.categories, state.gap ?? 0, state.weights ?? 'data', state.wilcoxon ?? 'current']);
  let r = cache.get(key);
  if (!r) {
    r = analyse(dataset, state);
    if (cache.size > 20) cache.delete(cache.keys().next().value!);
    cache.set(key, r);
  }
  return r;
}

let queue: WarmRequest['warm'] = [];
let warming = false;
/** One analysis per task, so that a newer list (the reader moved on) replaces the queue between two. */
function warmNext(): void {
  const item = queue.shift();
  warming = item !== undefined;
  if (!item) return;
  // The page may be waiting for this view rather than analysing it itself (src/client/warmQueue.ts).
  (self as unknown as Worker).postMessage({ key: item.key, started: true } satisfies WarmReply);
  try {
    (self as unknown as Worker).postMessage({ key: item.key, result: analysed(item.state) } satisfies WarmReply);
  } catch (error) {
    // a view the data cannot give: the page computes (and explains) it itself if it is chosen
    (self as unknown as Worker).postMessage({ key: item.key, failed: error instanceof Error ? error.message : String(error) } satisfies WarmReply);
  }
  setTimeout(warmNext, 0);
}

self.addEventListener('message', (e: MessageEvent<RobustWorkerRequest | WarmRequest>) => {
  if ('warm' in e.data) {
    queue = [...e.data.warm];
    if (!warming) warmNext();
    return;
  }
  const { id, request } = e.data;
  let message: RobustWorkerReply;
  try {
    message = { id, reply: answerRobustness(dataset, request, analysed) };
  } catch (error) {
    message = { id, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(message);
});
