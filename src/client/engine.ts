// Loaded on demand, the first time the page needs a result other than the one built into it:
// the bundled data and the analysis engine (the same analyse() the CLI runs), on the page itself.
import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { dataset } from '../lib/bundled.ts';
import { ruleFlips, ruleFlipWords } from '../lib/ruleFlips.ts';
import { domainOf, neighbours, type ViewState } from '../lib/urlState.ts';
import type { Engine } from './engineTypes.ts';
import type { WarmReply, WarmRequest } from './robustWorker.ts';
import { WarmQueue } from './warmQueue.ts';

export { dataset };

const cache = new Map<string, AnalysisResult>();
const keyOf = (state: ViewState) => `${state.window}|${state.categories.join(',')}|${state.gap ?? 0}|${state.weights ?? 'data'}|${state.wilcoxon ?? 'current'}`;

/** analyse() for a view state, remembering recent states so back/forward is instant. */
export function compute(state: ViewState): AnalysisResult {
  const key = keyOf(state);
  const result = cache.get(key) ?? analyse(dataset, state);
  remember(key, result); // most recently used last, so the oldest is the one let go
  return result;
}

function remember(key: string, result: AnalysisResult): void {
  cache.delete(key);
  cache.set(key, result);
  if (cache.size > 50) cache.delete(cache.keys().next().value!);
}

/**
 * analyse() for a view state, as compute(), but when the warm-up worker is analysing that very view
 * (or, for work the page does while idle, will start on it next), its answer is awaited instead of
 * analysing the view again on the page: the same function on the same data, so the same numbers.
 * This spares the main thread a full analysis (bootstrap included) while the page loads, when the
 * view on screen is needed for the figures' trace or the robustness page's numbers just as the
 * worker starts on it.
 */
async function computeSoon(state: ViewState, options?: { idle?: boolean }): Promise<AnalysisResult> {
  const key = keyOf(state);
  const answer = cache.has(key) ? undefined : queue.next(key, options?.idle);
  if (answer) {
    const result = await answer;
    if (result && !cache.has(key)) remember(key, result);
  }
  return compute(state);
}

/**
 * Analyse the view on screen (the build's HTML shows it without computing it, and every change of
 * view needs it for the figures' trace of the study's view) and the views one step from it in a
 * Web Worker (robustWorker.ts), and remember their results as they arrive, so that the reader's
 * next change finds its result (with its bootstrap intervals, the costly part) already computed
 * without the page ever waiting for it.
 * A newer call replaces the worker's queue. If the worker cannot start, nothing is warmed: every
 * view is still computed on the page when it is chosen.
 */
let warmer: Worker | null | undefined;
const queue = new WarmQueue<AnalysisResult>();
export function warm(state: ViewState): void {
  if (warmer === undefined) {
    try {
      warmer = new Worker(new URL('./robustWorker.ts', import.meta.url), { type: 'module', name: 'stro-warm' });
      warmer.addEventListener('message', (e: MessageEvent<WarmReply>) => {
        if ('started' in e.data) {
          queue.start(e.data.key);
          return;
        }
        const result = 'result' in e.data ? e.data.result : undefined;
        if (result && !cache.has(e.data.key)) remember(e.data.key, result);
        queue.answer(e.data.key, result);
      });
      warmer.addEventListener('error', (e) => {
        e.preventDefault();
        warmer?.terminate();
        warmer = null;
        queue.fail();
      });
    } catch {
      warmer = null;
    }
  }
  const states = [state, ...neighbours(state, studyEngine.domain)].map((s) => ({ key: keyOf(s), state: s })).filter((s) => !cache.has(s.key));
  if (!warmer) return;
  warmer.postMessage({ warm: states } satisfies WarmRequest);
  queue.ask(states.map((s) => s.key));
}

export const studyEngine: Engine = {
  kind: 'study',
  domain: domainOf(dataset),
  categoryNames: dataset.categoryNames ?? {},
  dataset,
  compute: computeSoon,
  warm,
  ruleFlips: async (state) => {
    const r = compute(state);
    return ruleFlipWords(ruleFlips(dataset, r), r.categoryNames);
  },
  derive: async (state, path) => (await import('../lib/derivations.ts')).derive(compute(state), dataset, path),
  rInputs: async () => {
    const { ordersCsv, eventsCsv, harmIndexCsv } = await import('../lib/bundledFiles.ts');
    return { ordersCsv, eventsCsv, harmIndexCsv };
  },
};
