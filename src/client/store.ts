// One small store for the page's view state. Controls write to it; the renderer subscribes.
// It knows nothing about the DOM or the analysis: input → store → analyse() → DOM.

import type { ViewState } from '../lib/urlState.ts';

export type Source = 'control' | 'history' | 'load';
type Listener = (state: ViewState, source: Source) => void;

export interface Store {
  get(): ViewState;
  set(next: ViewState, source: Source): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: ViewState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(next, source) {
      state = { window: next.window, categories: [...next.categories] };
      for (const listener of listeners) listener(state, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
