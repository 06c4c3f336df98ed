// Loaded on demand, the first time the page needs a result other than the one built into it:
// the bundled data and the analysis engine (the same analyse() the CLI runs), on the page itself.
import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { dataset, ordersCsv, eventsCsv, harmIndexCsv } from '../lib/bundled.ts';
import { domainOf, neighbours, type ViewState } from '../lib/urlState.ts';
import type { Engine } from './engineTypes.ts';
import type { WarmReply, WarmRequest } from './robustWorker.ts';

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
 * Analyse the view on screen (the build's HTML shows it without computing it, and every change of
 * view needs it for the figures' trace of the study's view) and the views one step from it in a
 * Web Worker (robustWorker.ts), and remember their results as they arrive, so that the reader's
 * next change finds its result (with its bootstrap intervals, the costly part) already computed
 * without the page ever waiting for it.
 * A newer call replaces the worker's queue. If the worker cannot start, nothing is warmed: every
 * view is still computed on the page when it is chosen.
 */
let warmer: Worker | null | undefined;
export function warm(state: ViewState): void {
  if (warmer === undefined) {
    try {
      warmer = new Worker(new URL('./robustWorker.ts', import.meta.url), { type: 'module', name: 'stro-warm' });
      warmer.addEventListener('message', (e: MessageEvent<WarmReply>) => {
        if (!cache.has(e.data.key)) remember(e.data.key, e.data.result);
      });
      warmer.addEventListener('error', (e) => {
        e.preventDefault();
        warmer?.terminate();
        warmer = null;
      });
    } catch {
      warmer = null;
    }
  }
  const states = [state, ...neighbours(state, studyEngine.domain)].map((s) => ({ key: keyOf(s), state: s })).filter((s) => !cache.has(s.key));
  warmer?.postMessage({ warm: states } satisfies WarmRequest);
}

export const studyEngine: Engine = {
  kind: 'study',
  domain: domainOf(dataset),
  categoryNames: dataset.categoryNames ?? {},
  dataset,
  compute: async (state) => compute(state),
  warm,
  derive: async (state, path) => (await import('../lib/derivations.ts')).derive(compute(state), dataset, path),
  rInputs: async () => ({ ordersCsv, eventsCsv, harmIndexCsv }),
};
