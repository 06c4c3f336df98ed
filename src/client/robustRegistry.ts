// Where the derivation panel and the "How robust is it?" page's own numbers meet, so that neither
// loads the other's code. The page's numbers (a simulation's, the time-at-liberty what-if's, the
// specification curve's) are not in an analyse() result: the page's code (robustness.ts) holds
// the context they were formatted from, and offers their derivations here; main.ts, which opens
// the panel for every number, asks here for a path 'robust:…' and registers the panel once it has
// loaded it, so that the page's code can make an open panel follow its numbers when they change.
import type { Derivation } from '../lib/derivations.ts';

type Derive = (path: string) => Promise<Derivation | null>;
type Panel = typeof import('./panel.ts');

let derive: Derive | undefined;
let load: (() => Promise<unknown>) | undefined;
let panel: Panel | undefined;

/** A handle's path that names a number of the robustness page rather than of the result. */
export const isRobustPath = (path: string): boolean => path.startsWith('robust:');

/** robustness.ts: where the numbers on screen come from. */
export function provideRobustDerivations(f: Derive): void {
  derive = f;
}

/** robustnessEntry.ts: how to load the page's code, if a number is opened before it has loaded. */
export function setRobustLoader(f: () => Promise<unknown>): void {
  load = f;
}

/** The derivation of a robustness number on screen (loading the page's code first if need be). */
export async function deriveRobustPath(path: string): Promise<Derivation | null> {
  if (!derive) await load?.().catch(() => undefined); // says why below, in the report's words
  if (!derive) throw new Error('the code of this page\'s checks did not load');
  return derive(path);
}

/** main.ts: the panel, once loaded. */
export function setPanel(p: Panel): void {
  panel = p;
}

/** The panel if it has loaded and is open on a robustness number whose name starts with `prefix` ('' for any). */
export function panelOnRobust(prefix = ''): Panel | undefined {
  const path = panel?.openPath();
  return path !== undefined && path !== null && path.startsWith(`robust:${prefix}`) ? panel : undefined;
}
