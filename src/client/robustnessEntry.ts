// The "How robust is it?" page's start-up script: tiny, so that no figure or engine code loads before
// the page does. It keeps the last view main.ts rendered ('stro:rendered') and loads the page's
// code (robustness.ts, with Plot and the workers) when the browser is idle after the load event, or at once on the first use
// of one of the page's own controls, the specification curve, or one of its numbers; that code then takes over.
// If that code cannot load (blocked, offline), the page's own numbers and charts still show the
// study's view as built: when the reader's view is another, an alert says so and each of them is
// marked out of date, and every later view tries the load again.
import { setRobustLoader } from './robustRegistry.ts';
import { idleAfterLoad } from './idle.ts';
import { couldNotLoad, markNumbersOutOfDate, markOutOfDate, showError, whyNotLoaded } from './outOfDate.ts';
import { defaultState, sameState, type ViewState } from '../lib/urlState.ts';
import { curveScriptUsable, prepare, restore, type Part } from './robustPending.ts';

type Rendered = CustomEvent<{ state: ViewState; engine: { kind: string; domain: Parameters<typeof defaultState>[0] } }>;
const seen: { last?: Event } = {};
let started = false;
let loading: Promise<unknown> | undefined;
const load = () => (loading ??= import('./robustness.ts').then((m) => {
  started = true;
  markChecks(false);
  m.start(seen.last);
}).catch((e: unknown) => {
  loading = undefined;
  markChecks(!built(seen.last));
  throw e;
}));
/** Load without a caller that waits: a failure has already been said (markChecks). */
const tryLoad = () => void load().catch(() => undefined);
window.addEventListener('stro:rendered', (e) => {
  seen.last = e;
  // A view the page's own parts were not built for needs their code now: it takes this view, or says
  // it cannot. Until then, the build's numbers and words for those parts are set aside.
  if (!started && !built(e)) {
    setAside(e as Rendered);
    tryLoad();
  } else if (!started) restore(); // back to the build's view before the code came: its numbers are right again
});
// A number of the page opened before its code has loaded loads it (its derivation needs the page's context).
setRobustLoader(load);
for (const form of document.querySelectorAll('[data-robust-controls], .plot[data-spec-keys]')) {
  for (const type of ['focusin', 'pointerdown']) form.addEventListener(type, tryLoad, { once: true });
}
// "Check the curve in R": runs in the page's code, loaded by the click if it has not loaded yet. If it
// cannot load, the panel says so (as the view's Check in R does) and nothing else changes.
// Its button is hidden in the build's HTML until this script runs, so that no press is lost before it does.
for (const host of document.querySelectorAll<HTMLElement>('[data-curve-check]')) {
  const button = host.querySelector<HTMLButtonElement>('[data-check]')!;
  button.hidden = false;
  button.addEventListener('click', () => {
    // Any part of the check's own code failing to load (offline, blocked) is said, not left as a silent button.
    void load().then(() => import('./robustness.ts')).then((m) => m.checkCurve(host)).catch(() => {
      showError(host.querySelector<HTMLElement>('[data-error]')!, couldNotLoad('The code for checking the curve in R'), button);
      host.dataset.state = 'failed';
    });
  });
}
// As main.ts preloads the engine: when the browser is idle after the load event, so nothing heavy competes with the first paint.
idleAfterLoad(tryLoad);

/** Set aside the numbers and words of the page's own parts that the build computed for another view than this one. */
function setAside(e: Rendered): void {
  const form = document.querySelector<HTMLFormElement>('[data-robust-controls="nullWorld"]');
  const value = (name: string) => (form?.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const at = { ...e.detail, selection: Number(value('selection')), lookback: Number(value('lookback')) };
  for (const part of ['drawn', 'gap', 'world', 'curve'] satisfies Part[]) prepare(part, at);
}

/** The view on screen is the one the page's own parts were built for: the study's data, in the study's view (or none yet). */
function built(e: Event | undefined): boolean {
  if (!e) return true;
  const { state, engine } = (e as Rendered).detail;
  return engine.kind === 'study' && sameState(state, defaultState(engine.domain));
}

const ALERT = "This page's own checks (the null world, time at liberty, the interrupted time series, leave-one-out and the specification curve) could not be recomputed for your view: the code that computes them did not load";
/** Say, in the alert and on each of the page's own charts and numbers, that they still show the study's view; or take that back. */
function markChecks(stale: boolean): void {
  if (stale) restore(); // the build's numbers, struck through below
  const alert = document.getElementById('view-alert');
  if (stale && alert) {
    alert.textContent = `${ALERT}${whyNotLoaded()}. The rest of the page shows your view; those checks' numbers and charts still show the study's view (24 months, all categories) and are marked out of date. Change the view again to retry.`;
  } else if (alert?.textContent?.startsWith(ALERT)) alert.textContent = '';
  markOutOfDate(document.querySelectorAll<HTMLElement>('[data-robust-figure]'), stale ? "Out of date: this chart and its caption still show the study's view (24 months, all categories), not your view." : null);
  markNumbersOutOfDate(document.querySelectorAll<HTMLElement>('[data-robust]'), stale);
  if (stale) curveScriptUsable(false); // the build's script is the study's view's, not this one's
}
