// Loaded on demand, the first time the page needs a result other than the one built into it:
// the bundled data and the analysis engine (the same analyse() the CLI runs), on the page itself.
import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { dataset, ordersCsv, eventsCsv, harmIndexCsv } from '../lib/bundled.ts';
import { domainOf, neighbours, type ViewState } from '../lib/urlState.ts';
import type { Engine } from './engineTypes.ts';

export { dataset };

const cache = new Map<string, AnalysisResult>();
const keyOf = (state: ViewState) => `${state.window}|${state.categories.join(',')}|${state.gap ?? 0}|${state.weights ?? 'data'}|${state.wilcoxon ?? 'current'}`;

/** analyse() for a view state, remembering recent states so back/forward is instant. */
export function compute(state: ViewState): AnalysisResult {
  const key = keyOf(state);
  let result = cache.get(key);
  if (!result) {
    result = analyse(dataset, state);
    if (cache.size > 50) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  } else {
    cache.delete(key); // most recently used last, so the oldest is the one let go
    cache.set(key, result);
  }
  return result;
}

let warming = 0;
/**
 * While the browser is idle, analyse the views one step from the one on screen, one per idle
 * period, so that the reader's next change finds its result (with its bootstrap intervals, the
 * costly part) already computed. A newer call stops the older one's remaining work; a change of
 * view never waits for this, because each step runs only in an idle period.
 */
export function warm(state: ViewState): void {
  if (!('requestIdleCallback' in window)) return;
  const mine = ++warming;
  const queue = neighbours(state, studyEngine.domain).filter((s) => !cache.has(keyOf(s)));
  const step = (deadline: IdleDeadline) => {
    if (mine !== warming) return;
    // A new view of the bundled data takes up to a few tens of milliseconds (most of it the
    // bootstrap): one per idle period, and only in a long one, so a click is never held long.
    if (deadline.timeRemaining() >= 25) compute(queue.shift()!);
    if (queue.length > 0) requestIdleCallback(step);
  };
  requestIdleCallback(step);
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
