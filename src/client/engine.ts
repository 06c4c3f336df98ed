// Loaded on demand, the first time the page needs a result other than the one built into it:
// the bundled data and the analysis engine (the same analyse() the CLI runs), on the page itself.
import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { dataset, ordersCsv, eventsCsv, harmIndexCsv } from '../lib/bundled.ts';
import { domainOf } from '../lib/urlState.ts';
import type { ViewState } from '../lib/urlState.ts';
import type { Engine } from './engineTypes.ts';

export { dataset };

const cache = new Map<string, AnalysisResult>();

/** analyse() for a view state, remembering recent states so back/forward is instant. */
export function compute(state: ViewState): AnalysisResult {
  const key = `${state.window}|${state.categories.join(',')}|${state.gap ?? 0}|${state.weights ?? 'data'}|${state.wilcoxon ?? 'current'}`;
  let result = cache.get(key);
  if (!result) {
    result = analyse(dataset, state);
    if (cache.size > 50) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result;
}

export const studyEngine: Engine = {
  kind: 'study',
  domain: domainOf(dataset),
  categoryNames: dataset.categoryNames ?? {},
  dataset,
  compute: async (state) => compute(state),
  derive: async (state, path) => (await import('../lib/derivations.ts')).derive(compute(state), dataset, path),
  rInputs: async () => ({ ordersCsv, eventsCsv, harmIndexCsv }),
};
