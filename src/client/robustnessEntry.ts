// The "How robust is it?" page's start-up script: tiny, so that no figure or engine code loads before
// the page does. It keeps the last view main.ts rendered ('stro:rendered') and loads the page's
// code (robustness.ts, with Plot and the workers) when the browser is idle after the load event, or at once on the first use
// of one of the page's own controls, the specification curve, or one of its numbers; that code then takes over.
import { setRobustLoader } from './robustRegistry.ts';
import { idleAfterLoad } from './idle.ts';

const seen: { last?: Event } = {};
window.addEventListener('stro:rendered', (e) => (seen.last = e));
let loading: Promise<unknown> | undefined;
const load = () => (loading ??= import('./robustness.ts').then((m) => m.start(seen.last)).catch(() => (loading = undefined)));
// A number of the page opened before its code has loaded loads it (its derivation needs the page's context).
setRobustLoader(load);
for (const form of document.querySelectorAll('[data-robust-controls], .plot[data-spec-keys]')) {
  for (const type of ['focusin', 'pointerdown']) form.addEventListener(type, () => void load(), { once: true });
}
// As main.ts preloads the engine: when the browser is idle after the load event, so nothing heavy competes with the first paint.
idleAfterLoad(() => void load());
