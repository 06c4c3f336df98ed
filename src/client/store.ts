// One small store for the page's view state. Controls write to it; the renderer subscribes.
// It knows nothing about the DOM or the analysis: input → store → analyse() → DOM.

import type { ViewState } from '../lib/urlState.ts';

export type Source = 'control' | 'history' | 'load';
type Listener = (state: ViewState, source: Source) => void;

export interface Store {
  get(): ViewState;
  set(next: ViewState, source: Source): void;
  /** Put the state back without telling anyone (after a change that could not be shown). */
  revert(to: ViewState): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: ViewState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(next, source) {
      state = copy(next);
      for (const listener of listeners) listener(state, source);
    },
    revert(to) {
      state = copy(to);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function copy(s: ViewState): ViewState {
  return {
    window: s.window,
    categories: [...s.categories],
    ...(s.gap ? { gap: s.gap } : {}),
    ...(s.weights ? { weights: s.weights } : {}),
    ...(s.wilcoxon === 'legacy' ? { wilcoxon: 'legacy' as const } : {}),
  };
}
