// The view state (window, categories, gap, harm weights and the paired test's rule) in the URL query, as a pure
// parse/serialise pair. Only values that differ from the defaults are written, so the default
// view has a clean URL. The parser never throws: anything malformed, unknown or hostile is
// dropped, the default used instead, and what was dropped is reported (parseStateReport) so
// the page can say so and make the address canonical.
//
//   ?w=12                 window of 12 months, all categories
//   ?c=violence,drugs     24 months, two categories
//   ?c=none               no category selected (an explicit, empty view)
//   ?gap=3                months −3 … −1 and 1 … 3 left out (default 0; must be below the window)
//   ?weights=low          harm from the harm index's low weights (low, central or high; default:
//                         the harm as recorded)
//   ?wilcoxon=legacy      paired tests as R ≤ 4.5 computed them (default: as current R)
//   ?data=local           the reader's own data, kept in their browser (default: the study's data);
//                         read by dataOf(), and written first by serialiseState(state, domain, 'local')

import type { Dataset } from '../analysis/types.ts';

export type WilcoxonRule = 'current' | 'legacy';
/** A weight set of the harm index (analyse()'s `weights`). */
export type Weights = 'central' | 'low' | 'high';
const WEIGHTS: readonly Weights[] = ['low', 'central', 'high'];

export interface ViewState {
  window: number;
  categories: string[];
  /** Months left out either side of the order; absent (or 0) means none, the default. Always below the window. */
  gap?: number;
  /** Harm from the harm index with this weight set; absent means the harm as recorded, the default. */
  weights?: Weights;
  /** Absent means 'current' (R 4.6), the default. */
  wilcoxon?: WilcoxonRule;
}

/** A view asked for by a part of a page ('stro:set-view'); saysItself when that part announces the change, so the page does not. */
export type SetView = ViewState & { saysItself?: boolean };

/** What the parser needs to know about the data: the widest window, the known categories and (optionally) the weight sets on offer. */
export interface StateDomain {
  span: number;
  categories: readonly string[];
  /** The weight sets the data's harm index has; absent means all three (the bundled index). Empty: no index, so no weights. */
  weights?: readonly Weights[];
}

/** A query parameter the parser could not use, with what it would have accepted. */
export interface IgnoredParameter {
  name: string;
  value: string;
  allowed: string;
}

/** The domain of a dataset: its span, its categories, and the weight sets of its harm index that can weight every arrest (none without one). */
export function domainOf(dataset: Pick<Dataset, 'span' | 'categories' | 'harmIndex'>): StateDomain & { categories: string[]; weights: Weights[] } {
  const index = dataset.harmIndex;
  return { span: dataset.span, categories: dataset.categories, weights: index && index.unmatched.length === 0 ? [...index.sets] : [] };
}

export function defaultState(domain: StateDomain): ViewState {
  return { window: domain.span, categories: [...domain.categories] };
}

/**
 * The views one step from a view: each category box ticked or unticked (never the last one
 * off), and the window one month shorter or longer. These are what a reader's next change is
 * most likely to be.
 */
export function neighbours(state: ViewState, domain: StateDomain): ViewState[] {
  const out: ViewState[] = [];
  for (const c of domain.categories) {
    const on = state.categories.includes(c);
    if (on && state.categories.length === 1) continue;
    const categories = on ? state.categories.filter((x) => x !== c) : domain.categories.filter((x) => x === c || state.categories.includes(x));
    out.push({ ...state, categories });
  }
  for (const w of [state.window - 1, state.window + 1]) if (w >= 1 && w <= domain.span && w > (state.gap ?? 0)) out.push({ ...state, window: w });
  return out;
}

export function parseState(search: string, domain: StateDomain): ViewState {
  return parseStateReport(search, domain).state;
}

/** The state a query asks for, and every parameter (or part of one) that was ignored. */
/**
 * The tags that sites add to a shared link to follow who clicked it (Facebook's fbclid, Google's
 * gclid, campaign utm_… tags and the like): not settings a reader chose, so they are dropped from
 * the address without a notice about them.
 */
/** The report's own settings in an address. */
const SETTINGS = new Set(['data', 'w', 'c', 'gap', 'weights', 'wilcoxon']);

const TRACKING = /^(?:fbclid|gclid|dclid|gbraid|wbraid|msclkid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|utm_[a-z_]+)$/i;

export function parseStateReport(search: string, domain: StateDomain): { state: ViewState; ignored: IgnoredParameter[] } {
  const state = defaultState(domain);
  const ignored: IgnoredParameter[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state, ignored };
  }
  const windows = `a whole number of months from 1 to ${domain.span}`;
  const categories = `one or more of ${domain.categories.join(', ')} (comma-separated), or none`;
  const offered = WEIGHTS.filter((w) => domain.weights?.includes(w) ?? true);
  // The gap is checked against the window once every parameter is read, whatever their order.
  let gap: { value: string; months: number } | undefined;
  // A setting given twice (?gap=3&gap=30): the first is read, and each later one is named as ignored,
  // never dropped or taken over in silence (a reviewer: ?w=12&w=6 showed 6, ?gap=3&gap=30 no gap, one without a word).
  const first = new Map<string, string>();
  for (const [name, value] of params) {
    if (SETTINGS.has(name)) {
      if (first.has(name)) {
        ignored.push({ name, value, allowed: `set once in an address, and the first, ${quoted(name)}=${quoted(first.get(name)!)}, is the one read` });
        continue;
      }
      first.set(name, value);
    }
    if (name === 'w') {
      const window = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
      if (window >= 1 && window <= domain.span) state.window = window;
      else ignored.push({ name, value, allowed: windows });
    } else if (name === 'c') {
      // An empty item (?c=none, or ?c=violence,,drugs) names nothing and is passed over: the notice
      // had quoted it as "c=", as if the whole setting were ignored, while the rest was read (a peer reviewer).
      const asked = value.split(',').filter((k) => k !== '');
      if (asked.length > 0 && asked.every((k) => k === 'none')) state.categories = [];
      else {
        const known = domain.categories.filter((k) => asked.includes(k));
        const unknown = asked.filter((k) => !domain.categories.includes(k));
        if (known.length > 0) state.categories = known;
        if (unknown.length > 0) ignored.push({ name, value: unknown.join(','), allowed: categories });
        else if (known.length === 0) ignored.push({ name, value, allowed: categories });
      }
    } else if (name === 'gap') {
      gap = { value, months: /^\d{1,3}$/.test(value) ? Number(value) : NaN };
    } else if (name === 'weights') {
      if ((offered as readonly string[]).includes(value)) state.weights = value as Weights;
      else ignored.push({ name, value, allowed: offered.length === 0 ? 'not available, as these data have no harm index' : `${offered.join(', ').replace(/, (?=[^,]*$)/, ' or ')} (the harm index's weight sets)` });
    } else if (name === 'wilcoxon') {
      if (value === 'legacy') state.wilcoxon = 'legacy';
      else if (value !== 'current') ignored.push({ name, value, allowed: 'current or legacy' });
    } else if (name === 'data') {
      if (value !== 'local') ignored.push({ name, value, allowed: "local (your own data, kept in your browser), or absent for the study's data" });
    } else if (!TRACKING.test(name)) {
      ignored.push({ name, value, allowed: 'not a setting of this report, whose settings are data, w, c, gap, weights and wilcoxon' });
    }
  }
  if (gap) {
    if (gap.months >= 0 && gap.months < state.window) {
      if (gap.months > 0) state.gap = gap.months;
    } else {
      ignored.push({ name: 'gap', value: gap.value, allowed: state.window === 1 ? '0: a window of 1 month leaves no month to leave out' : `a whole number of months from 0 to ${state.window - 1}, less than the window of ${state.window}` });
    }
  }
  return { state, ignored };
}

/** Which data an address asks for: the reader's own ('local', kept in their browser) or the study's. */
export function dataOf(search: string): 'local' | 'study' {
  try {
    return new URLSearchParams(search).get('data') === 'local' ? 'local' : 'study';
  } catch {
    return 'study';
  }
}

/** The query string for a state ('' for the default view of the study's data), categories in the data's order. */
export function serialiseState(state: ViewState, domain: StateDomain, data: 'local' | 'study' = 'study'): string {
  const params: string[] = data === 'local' ? ['data=local'] : [];
  if (state.window !== domain.span) params.push(`w=${state.window}`);
  const chosen = domain.categories.filter((c) => state.categories.includes(c));
  if (chosen.length === 0) params.push('c=none');
  else if (chosen.length !== domain.categories.length) params.push(`c=${chosen.join(',')}`);
  if (state.gap) params.push(`gap=${state.gap}`);
  if (state.weights) params.push(`weights=${state.weights}`);
  if (state.wilcoxon === 'legacy') params.push('wilcoxon=legacy');
  return params.length > 0 ? `?${params.join('&')}` : '';
}

export function sameState(a: ViewState, b: ViewState): boolean {
  return a.window === b.window && a.categories.length === b.categories.length && a.categories.every((c, k) => c === b.categories[k])
    && (a.gap ?? 0) === (b.gap ?? 0) && a.weights === b.weights
    && (a.wilcoxon ?? 'current') === (b.wilcoxon ?? 'current');
}

/**
 * The view in one short line, for the "Your view" bar: "24 months · all categories · current R",
 * "12 months · violence, drugs · gap 3 months · low weights · R 4.5 and earlier" (the gap and the
 * weights only when set). `name` turns a category code into words.
 */
export function viewSummary(state: ViewState, domain: StateDomain, name: (code: string) => string = (c) => c): string {
  const chosen = domain.categories.filter((c) => state.categories.includes(c));
  const cats = chosen.length === 0 ? 'no categories' : chosen.length === domain.categories.length ? 'all categories' : chosen.map((c) => name(c).toLowerCase()).join(', ');
  // Each part holds together where the bar wraps on a phone (a re-check saw "gap 2 | months"): the
  // spaces inside a part are no-break spaces; the line breaks only between parts, or in a list of categories.
  const months = (n: number) => `${n}\u00a0${n === 1 ? 'month' : 'months'}`;
  const gap = state.gap ? ` · gap\u00a0${months(state.gap)}` : '';
  const weights = state.weights ? ` · ${state.weights}\u00a0weights` : '';
  // The paired test's rule is named only when it is not the default (current R): to most readers
  // "current R" in every bar read as an error. Downloads and the printout name it always (viewWords).
  const test = state.wilcoxon === 'legacy' ? ' · paired test as R 4.5 and earlier' : '';
  return `${months(state.window)} · ${cats}${gap}${weights}${test}`;
}

/** A value from the address as it may be quoted back: control characters dropped, long values cut. */
function quoted(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/**
 * The polite notice for parameters the page could not use, naming each and what it accepts:
 * "This page's address asked for a view it could not show, so part of it was ignored: w=99
 * (the window is a whole number of months from 1 to 24). The address now names the view on screen."
 */
export function ignoredNotice(ignored: readonly IgnoredParameter[]): string {
  if (ignored.length === 0) return '';
  const what: Record<string, string> = { w: 'the window is', c: 'the categories are', gap: 'the gap is', weights: 'the harm weights are', wilcoxon: 'the paired test is', data: 'the data are' };
  const parts = ignored.map((p) => {
    const given = `${quoted(p.name)}=${quoted(p.value)}`;
    return Object.hasOwn(what, p.name) ? `${given} (${what[p.name]} ${p.allowed})` : `${given} (${quoted(p.name)} is ${p.allowed})`;
  });
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')}; and ${parts.at(-1)}`;
  return `Part of this page's address was ignored: ${list}. The address now names the view on screen.`;
}
