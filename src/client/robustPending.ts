// While a part of "How robust is it?" is recomputed for a new view (those the background worker
// computes: the gap curves, the null world, the specification curve; and those the page's code
// draws itself, at once once it has loaded: time at liberty, the time series, leave-one-out), its old numbers and words are
// set aside: not shown and not read out, so that the page never shows one view's simulation beside
// another view's observed change. Each number reads "…" (to a screen reader "being recomputed"),
// each figure's caption "Recomputing for this view…" (RobustFigure.astro), and its chart and table
// are hidden.
// They come back as they were, to be struck through as out of date, only if the part cannot be
// recomputed. Shared by the page's start-up script (robustnessEntry.ts), which sets them aside as
// soon as the reader's view differs from the build's, and its code (robustness.ts), which writes
// the new ones. Small on purpose: it loads with the page.
import type { PageFigureName } from '../lib/robustness.ts';
import { defaultState, type StateDomain, type ViewState } from '../lib/urlState.ts';

export type Part = 'drawn' | 'gap' | 'world' | 'curve';
/** Each part's figures, and the names its numbers start with. */
export const PARTS: Record<Part, { figures: readonly PageFigureName[]; numbers: readonly string[] }> = {
  drawn: { figures: ['itsEvents', 'itsHarm', 'leaveOneOut'], numbers: ['liberty.'] },
  gap: { figures: ['gapCurve', 'gapCurveHarm'], numbers: ['gap.'] },
  world: { figures: ['nullWorld'], numbers: ['nullWorld.'] },
  curve: { figures: ['specificationCurve'], numbers: ['curve.'] },
};
const ALL = Object.keys(PARTS) as Part[];

/** Whose data and which view a part is computed for. */
export interface PartFor {
  engine: { kind: string; domain: StateDomain };
  state: ViewState;
  /** The null world's own controls (the page's form). */
  selection: number;
  lookback: number;
}

const dataIds = new WeakMap<object, string>();
let readerData = 0;
/** Whose data: the study's, or one reader's engine (each new one its own). */
function dataKey(engine: PartFor['engine']): string {
  if (engine.kind === 'study') return 'study';
  let id = dataIds.get(engine);
  if (!id) dataIds.set(engine, (id = `local${++readerData}`));
  return id;
}

/** What a part's numbers depend on: the curve on the categories, the gap curves on all but the gap, the simulation on its own controls too (time at liberty's slider is applied at once). */
export function partKey(part: Part, at: PartFor): string {
  const { state: s } = at;
  const data = dataKey(at.engine);
  const categories = s.categories.join(',');
  if (part === 'curve') return `${data}|${categories}`;
  if (part === 'gap') return `${data}|${s.window}|${categories}|${s.weights ?? ''}|${s.wilcoxon ?? ''}`;
  if (part === 'drawn') return `${data}|${s.window}|${s.gap ?? 0}|${categories}|${s.weights ?? ''}|${s.wilcoxon ?? ''}`;
  return `${data}|${s.window}|${s.gap ?? 0}|${categories}|${at.selection}|${at.lookback}`;
}

/** What each part on screen was computed for: at first the build's, the study's default view with the form's defaults. */
const onScreen = new Map<Part, string>();
const setAside = new Map<HTMLElement, Node[]>();

const hosts = (part: Part) => PARTS[part].figures.flatMap((name) => [...document.querySelectorAll<HTMLElement>(`[data-robust-figure="${name}"]`)]);
const numbers = (part: Part) => PARTS[part].numbers.flatMap((prefix) => [...document.querySelectorAll<HTMLElement>(`[data-robust^="${prefix}"]`)]);

/**
 * Before a part is recomputed: if what is on screen was computed for another view, set it aside;
 * if for this one (a change and back), put back what was set aside. Returns the part's key, for
 * `shownFor` once its new numbers are written.
 */
export function prepare(part: Part, at: PartFor): string {
  if (onScreen.size === 0) {
    const built = { ...at, engine: { kind: 'study', domain: at.engine.domain }, state: defaultState(at.engine.domain) };
    for (const p of ALL) onScreen.set(p, partKey(p, built));
  }
  const key = partKey(part, at);
  if (onScreen.get(part) === key) restore(part);
  else hide(part);
  return key;
}

/**
 * The curve's R-script link ("How robust is it?"): usable only while the curve on screen is the
 * view's, so that it never gives one view's script beside another's numbers. Off, it has no address
 * (kept aside in data-href, its file name in data-name) and says it is unavailable; on again, it takes back the address it had,
 * which is the script of the curve on screen (robustness.ts writes a new one with each curve).
 */
export function curveScriptUsable(on: boolean): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-curve-script]')) {
    if (on && link.dataset.href !== undefined) {
      link.setAttribute('href', link.dataset.href);
      link.download = link.dataset.name ?? '';
      delete link.dataset.href;
      delete link.dataset.name;
      link.removeAttribute('aria-disabled');
      link.removeAttribute('role');
    } else if (!on && link.dataset.href === undefined) {
      link.dataset.href = link.getAttribute('href') ?? '';
      link.dataset.name = link.download;
      link.removeAttribute('href');
      link.removeAttribute('download'); // HTML allows download only beside an href
      link.setAttribute('aria-disabled', 'true');
      link.setAttribute('role', 'link'); // an <a> without href is not a link to assistive technology
    }
  }
}

function hide(part: Part): void {
  if (part === 'curve') curveScriptUsable(false);
  for (const host of hosts(part)) host.dataset.updating = '';
  for (const el of numbers(part)) {
    if (!setAside.has(el)) setAside.set(el, [...el.childNodes]);
    el.dataset.updating = '';
    if (el.textContent === '') continue; // a clause the view has not got (no cohorts left out): nothing to stand in for
    // Clauses that follow one another with nothing between (the null world's sentence, the rates
    // at liberty) stand in as one: a single "…", read once as being recomputed.
    const before = el.previousSibling;
    if (before instanceof HTMLElement && setAside.has(before) && before.dataset.updating !== undefined) {
      el.replaceChildren();
      continue;
    }
    const dots = document.createElement('span');
    dots.setAttribute('aria-hidden', 'true');
    dots.textContent = '…';
    const words = document.createElement('span');
    words.className = 'visually-hidden';
    words.textContent = '(being recomputed)';
    el.replaceChildren(dots, words);
  }
}

/** Put back what was set aside (every part when none is named): the numbers and words of the view they were computed for. */
export function restore(part?: Part): void {
  for (const p of part ? [part] : ALL) {
    if (p === 'curve') curveScriptUsable(true);
    for (const host of hosts(p)) delete host.dataset.updating;
    for (const el of numbers(p)) {
      const nodes = setAside.get(el);
      if (!nodes) continue;
      el.replaceChildren(...nodes);
      delete el.dataset.updating;
      setAside.delete(el);
    }
  }
}

/** After a part was recomputed for `key` and its figures and numbers were written anew: what was set aside is let go. */
export function shownFor(part: Part, key: string): void {
  onScreen.set(part, key);
  for (const host of hosts(part)) delete host.dataset.updating;
  for (const el of numbers(part)) {
    delete el.dataset.updating;
    setAside.delete(el);
  }
}
