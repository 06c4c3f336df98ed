// The data in view, shared by the page's script (main.ts, which sets it) and the parts of the page
// that load on their own (Check in R): the study's engine until a reader's own data are shown.
import type { Engine } from './engineTypes.ts';

let current: Engine | undefined;

export function setActive(engine: Engine): void {
  current = engine;
}

/** The engine of the reader's own data when they are shown; undefined for the study's data. */
export function activeEngine(): Engine | undefined {
  return current;
}
