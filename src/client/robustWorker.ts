// The Web Worker of the "How robust is it?" page for the study's data: the gap curve (one analysis
// per gap), the null world (1,000 simulated cohorts) and the specification curve (60 analyses) run
// here, so that moving a slider never freezes the page. A reader's own data are answered by their
// data worker instead (src/client/dataWorker.ts), with the same function.
//
//   → { id, request }   ← { id, reply } or { id, error }
import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { dataset } from '../lib/bundled.ts';
import { answerRobustness, type RobustnessReply, type RobustnessRequest } from '../lib/robustness.ts';
import type { ViewState } from '../lib/urlState.ts';

export type RobustWorkerRequest = { id: number; request: RobustnessRequest };
export type RobustWorkerReply = { id: number; reply: RobustnessReply } | { id: number; error: string };

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

self.addEventListener('message', (e: MessageEvent<RobustWorkerRequest>) => {
  const { id, request } = e.data;
  let message: RobustWorkerReply;
  try {
    message = { id, reply: answerRobustness(dataset, request, analysed) };
  } catch (error) {
    message = { id, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(message);
});
