// The "How robust is it?" page's numbers and figure data, from the data and a view: pure functions
// of (dataset, view) or of an analyse() result, so the build, the page's workers and the tests
// all compute them the same way. The heavy ones (the gap curve: one analysis per gap; the null
// world: 1,000 simulated cohorts; the specification curve: 60 analyses) run in a Web Worker in the
// browser (src/client/robustWorker.ts for the study's data, src/client/dataWorker.ts for a
// reader's); the rest are quick and run on the page.

import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { nullWorld, NULL_WORLD_LOOKBACK, type NullWorld } from '../analysis/nullWorld.ts';
import { specificationCurve, type SpecificationCurve } from '../analysis/specificationCurve.ts';
import { regressionToMean, inverseMillsRatio } from '../analysis/stats/regressionToMean.ts';
import { normalUpper } from '../analysis/stats/distributions.ts';
import { timeAtLiberty, timeAtLibertyByPerson, type LibertyByPerson, type LibertyWhatIf } from '../analysis/timeAtLiberty.ts';
import type { Dataset } from '../analysis/types.ts';
import type { GapCurveRow } from '../charts/gapCurve.ts';
import type { LeaveOneOutRow } from '../charts/leaveOneOut.ts';
import type { ItsMonth } from '../charts/its.ts';
import type { RobustnessFigureData } from './robustnessFigures.ts';
import { formatEstimate, formatNumber, formatPercent, NOT_AVAILABLE } from './format.ts';
import { atLeastWords, droppedTail, fallPieces, indefinite, listWords } from './wording.ts';
import type { ViewState } from './urlState.ts';

/** The largest gap the curve of the order's own months goes to. */
export const GAP_CURVE_MAX = 6;
/** The null world's selection strength and the liberty slider's share, as the page first shows them. */
export const DEFAULT_SELECTION = 0.5;
export const DEFAULT_LOOKBACK = NULL_WORLD_LOOKBACK;
export const DEFAULT_UNAVAILABLE = 0.2;

/** The gaps of the curve for a window: 0 … min(6, window − 1). */
export function gapCurveGaps(window: number): number[] {
  return Array.from({ length: Math.min(GAP_CURVE_MAX, window - 1) + 1 }, (_, k) => k);
}

/**
 * The reduction in arrests and in harm (with the view's harm weights), overall and in each category
 * of the view, as the gap grows (one analyse() per gap): for each gap, the arrests rows, then the
 * harm rows, each overall first.
 */
export function gapCurveRows(dataset: Dataset, state: ViewState): GapCurveRow[] {
  const rows: GapCurveRow[] = [];
  for (const gap of gapCurveGaps(state.window)) {
    const r = analyse(dataset, { window: state.window, categories: state.categories, weights: state.weights, wilcoxon: state.wilcoxon, gap });
    for (const measure of ['events', 'harm'] as const) {
      rows.push({ gap, measure, group: 'overall', groupName: 'All selected categories', reduction: r[measure].reduction, ci: r[measure].ci });
      for (const c of r.categories) rows.push({ gap, measure, group: c, groupName: r.categoryNames[c], reduction: r.byCategory[c][measure].reduction, ci: r.byCategory[c][measure].ci });
    }
  }
  return rows;
}

/** The months W − gap either side that the view compares (the null world's and time at liberty's window). */
export const analysedMonths = (result: Pick<AnalysisResult, 'window' | 'gap'>) => result.window - result.gap;

/** The null world for a view: calibrated to the view's arrests before, each person, beside the view's observed fall. */
export function nullWorldFor(result: AnalysisResult, selection: number, lookback: number): NullWorld {
  return nullWorld(result.perOrder.map((o) => o.eventsPre), { window: analysedMonths(result), selection, lookback, observedFall: result.events.reduction });
}

/**
 * Barnett, van der Pols & Dobson (2005)'s closed form, as a share of the selected people's mean:
 * for normal before and after counts with the null world's mean, variance and correlation, and a
 * sharp cutoff that selects the same share of people as the null world's threshold does, the
 * expected fall is (1 − ρ) σ φ(z) / (1 − Φ(z)), out of a selected mean of μ + σ φ(z) / (1 − Φ(z)).
 * It applies only where the simulation's selection is a sharp cutoff (selection 1) and the counts
 * are overdispersed (ρ > 0); otherwise null.
 */
export function barnettFall(world: NullWorld): number | null {
  const p = world.parameters;
  if (!p || p.selection !== 1 || p.size === null || p.beforeVariance === null || !(p.beforeVariance > 0)) return null;
  const share = p.crossingShare;
  if (!(share > 0 && share < 1)) return null;
  // z with upper-tail probability `share`, by bisection (the normal quantile to 1e-12).
  let lo = -40;
  let hi = 40;
  for (let k = 0; k < 200 && hi - lo > 1e-12; k++) {
    const mid = (lo + hi) / 2;
    if (normalUpper(mid) > share) lo = mid;
    else hi = mid;
  }
  const z = (lo + hi) / 2;
  const sd = Math.sqrt(p.beforeVariance);
  const fall = regressionToMean({ mean: p.beforeMean, sd, correlation: p.correlation, cutoff: p.beforeMean + z * sd });
  const selectedMean = p.beforeMean + sd * inverseMillsRatio(z);
  return selectedMean > 0 ? fall / selectedMean : null;
}

/** Whether the orders carry each person's months in custody or abroad, usable for this view (the design window, no gap). */
export function hasLibertyMonths(dataset: Dataset, result: AnalysisResult): boolean {
  const analysed = dataset.orders.filter((o) => o.sample === 'analysed');
  return analysed.length > 0 && analysed.every((o) => o.monthsUnavailableBefore !== undefined && o.monthsUnavailableAfter !== undefined)
    && result.window === dataset.span && result.gap === 0;
}

export type Liberty = { kind: 'whatIf'; value: LibertyWhatIf } | { kind: 'byPerson'; value: LibertyByPerson };

/** Time at liberty for a view: from each person's months unavailable when the data have them for this view, else the what-if share. */
export function libertyFor(result: AnalysisResult, share: number, dataset?: Dataset | null): Liberty {
  if (dataset && hasLibertyMonths(dataset, result)) {
    const byId = new Map(dataset.orders.map((o) => [o.id, o]));
    const rows = result.perOrder.map((o) => byId.get(o.order)!);
    return {
      kind: 'byPerson',
      value: timeAtLibertyByPerson({
        pre: result.perOrder.map((o) => o.eventsPre), post: result.perOrder.map((o) => o.eventsPost),
        unavailableBefore: rows.map((o) => o.monthsUnavailableBefore!), unavailableAfter: rows.map((o) => o.monthsUnavailableAfter!), window: result.window,
      }),
    };
  }
  return { kind: 'whatIf', value: timeAtLiberty({ pre: result.events.pre, post: result.events.post, people: result.orders, window: analysedMonths(result), unavailableShare: share }) };
}

/** Each person's influence on the reduction, pseudonymised: sorted by influence, labelled "Person 1" … by that rank (never by order id). */
export function leaveOneOutRows(result: AnalysisResult, which: 'events' | 'harm' = 'events'): LeaveOneOutRow[] {
  const key = which === 'events' ? 'influenceEvents' : 'influenceHarm';
  const values = result.perOrder.map((o) => o[key]);
  values.sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return values.map((influence, k) => ({ label: `Person ${k + 1}`, influence }));
}

/** The interrupted time series' figure data for one measure. */
export function itsData(result: AnalysisResult, measure: 'events' | 'harm'): RobustnessFigureData['its'] {
  const monthly: ItsMonth[] = result.monthly.map((m) => ({ month: m.month, value: m[measure] }));
  return { monthly, its: result.its[measure], gap: result.gap, measure };
}

/** The specification that is the view: the arrests specification with its window, gap and Wilcoxon rule (harm is weighted in the curve, arrests are not). */
export function currentSpecification(curve: Pick<SpecificationCurve, 'specifications'>, state: ViewState): number {
  return curve.specifications.findIndex((s) => s.measure === 'events' && s.window === state.window && s.gap === (state.gap ?? 0) && s.test === (state.wilcoxon ?? 'current'));
}

/**
 * The sentence under the specification curve that says where the view is in it: its arrests
 * specification is highlighted, or (a window or gap the curve does not try: 1 month, gap 12) it is
 * none of them, and which windows and gaps the curve does try. Nothing before the curve is computed.
 */
export function currentSpecificationWords(curve: Pick<SpecificationCurve, 'specifications' | 'choices'> | null, state: ViewState): string {
  if (!curve) return '';
  if (currentSpecification(curve, state) >= 0) return 'The current view\'s arrests specification is highlighted.';
  const window = formatNumber(state.window);
  const { windows, gaps } = curve.choices;
  return `The current view (${indefinite(window)} ${window}-month window, gap ${formatNumber(state.gap ?? 0)}) is not one of these specifications, so none is highlighted: they have windows of ${listWords(windows.map(formatNumber))} months, and gaps of ${listWords(gaps.map(formatNumber), 'or')} months, each shorter than the window.`;
}

/** The view a specification sets: its window, gap, Wilcoxon rule and (for a weighted harm one) weights, keeping the view's categories. */
export function viewOfSpecification(spec: SpecificationCurve['specifications'][number], state: ViewState): ViewState {
  const next: ViewState = { window: spec.window, categories: [...state.categories] };
  if (spec.gap > 0) next.gap = spec.gap;
  const weights = spec.measure === 'harm' && spec.weights !== null && spec.weights !== 'data' ? spec.weights : state.weights;
  if (weights) next.weights = weights;
  const rule = spec.test === 'sign' ? state.wilcoxon : spec.test;
  if (rule === 'legacy') next.wilcoxon = 'legacy';
  return next;
}

// ---- the requests a worker answers

export type RobustnessRequest =
  | { kind: 'gapCurve'; state: ViewState }
  | { kind: 'nullWorld'; state: ViewState; selection: number; lookback: number }
  | { kind: 'specificationCurve'; categories: string[] };

export type RobustnessReply =
  | { kind: 'gapCurve'; rows: GapCurveRow[] }
  | { kind: 'nullWorld'; world: NullWorld }
  | { kind: 'specificationCurve'; curve: SpecificationCurve };

/** Answer a request for these data (in a worker; `analysed` gives the view's result where it is cached). */
export function answerRobustness(dataset: Dataset, request: RobustnessRequest, analysed: (state: ViewState) => AnalysisResult = (s) => analyse(dataset, s)): RobustnessReply {
  if (request.kind === 'gapCurve') return { kind: 'gapCurve', rows: gapCurveRows(dataset, request.state) };
  if (request.kind === 'nullWorld') return { kind: 'nullWorld', world: nullWorldFor(analysed(request.state), request.selection, request.lookback) };
  return { kind: 'specificationCurve', curve: specificationCurve(dataset, { categories: request.categories }) };
}

// ---- the page's numbers that are not in an analyse() result, by name

/** What the robustness numbers are computed from. */
export interface RobustnessContext {
  world: NullWorld | null;
  liberty: Liberty | null;
  curve: SpecificationCurve | null;
}

/**
 * The page's text of each number: the number alone, or (the names in WORDED) the words around it
 * that follow its sign or its size ("a 7% rise", "an 8% fall"), whose handle is the number.
 */
export const ROBUST_NUMBERS = {
  // the falls: their size, in words that say whether it is a fall or a rise
  'nullWorld.mean': (c: RobustnessContext) => textOf(fallSegments(c.world?.mean ?? null, 'nullWorld.mean')),
  'nullWorld.low': (c: RobustnessContext) => textOf(fallSegments(c.world?.interval?.[0] ?? null, 'nullWorld.low')),
  'nullWorld.high': (c: RobustnessContext) => textOf(fallSegments(c.world?.interval?.[1] ?? null, 'nullWorld.high')),
  'nullWorld.observed': (c: RobustnessContext) => textOf(fallSegments(c.world?.observedFall ?? null, 'nullWorld.observed')),
  'nullWorld.shareAtLeast': (c: RobustnessContext) => textOf(shareAtLeastSegments(c)),
  // every simulated cohort, and (in words, only when there are any) those with no arrests before, which have no fall
  'nullWorld.cohorts': (c: RobustnessContext) => (c.world ? formatNumber(c.world.falls.length + c.world.dropped) : NOT_AVAILABLE),
  'nullWorld.dropped': (c: RobustnessContext) => textOf(droppedSegments(c)),
  'nullWorld.barnett': (c: RobustnessContext) => textOf(barnettSegments(c)),
  'liberty.rateBefore': (c: RobustnessContext) => formatEstimate(c.liberty?.value.rateBefore ?? null),
  'liberty.rateAfter': (c: RobustnessContext) => formatEstimate(c.liberty?.value.rateAfter ?? null),
  // its size: the words before it say whether the rate fell or rose (data-liberty-direction)
  'liberty.rateFall': (c: RobustnessContext) => formatPercent(c.liberty?.value.rateFall == null ? null : Math.abs(c.liberty.value.rateFall)),
  'liberty.breakEven': (c: RobustnessContext) => (c.liberty?.kind === 'whatIf' ? formatPercent(c.liberty.value.breakEven) : NOT_AVAILABLE),
  'liberty.share': (c: RobustnessContext) => formatPercent(c.liberty === null ? null : c.liberty.kind === 'whatIf' ? c.liberty.value.unavailableShare : c.liberty.value.unavailableShareAfter),
  'curve.share': (c: RobustnessContext) => formatPercent(c.curve?.share ?? null),
  'curve.significant': (c: RobustnessContext) => (c.curve ? formatNumber(c.curve.significant) : NOT_AVAILABLE),
  'curve.total': (c: RobustnessContext) => (c.curve ? formatNumber(c.curve.total) : NOT_AVAILABLE),
} as const satisfies Record<string, (c: RobustnessContext) => string>;
export type RobustNumberName = keyof typeof ROBUST_NUMBERS;

/**
 * What the null world's status (role=status) says once the reader's own controls have re-run the
 * simulation: its average change beside the observed one, in the page's own words for them.
 * @example nullWorldDoneWords(c) // => 'Done: the average change in arrests across the simulated cohorts was a 9% fall (observed: a 56% fall).'
 */
export function nullWorldDoneWords(c: RobustnessContext): string {
  if (c.world?.mean == null) return 'Done: no simulated cohort had arrests before its order in this view, so there is no change to report.';
  return `Done: the average change in arrests across the simulated cohorts was ${ROBUST_NUMBERS['nullWorld.mean'](c)} (observed: ${ROBUST_NUMBERS['nullWorld.observed'](c)}).`;
}

/**
 * A robustness number as the handle of its derivation: 'robust:nullWorld.mean'. The prefix keeps
 * these names apart from the paths into an analyse() result (src/lib/resultPaths.ts), so the
 * derivation panel can tell which of the two a number on the page is.
 */
export type RobustPath = `robust:${RobustNumberName}`;
export const robustPath = (name: RobustNumberName): RobustPath => `robust:${name}`;

/** The robustness number a handle's path names, or null if it names none. */
export function robustNameOf(path: string): RobustNumberName | null {
  const name = path.startsWith('robust:') ? path.slice('robust:'.length) : '';
  return Object.hasOwn(ROBUST_NUMBERS, name) ? (name as RobustNumberName) : null;
}

/** A piece of a robustness number's text: plain words, or the number itself (the handle to its derivation). */
export type RobustSegment = string | { text: string; path: RobustPath };

/**
 * A robustness number as the page prints it, in segments: the number alone (one handle), or for
 * the closed form a sentence whose number is the handle ("does not apply" when it does not, so
 * the reader can still ask why). The segments' text is always ROBUST_NUMBERS[name](c).
 */
export function robustSegments(name: RobustNumberName, c: RobustnessContext): RobustSegment[] {
  switch (name) {
    case 'nullWorld.mean': return fallSegments(c.world?.mean ?? null, name);
    case 'nullWorld.low': return fallSegments(c.world?.interval?.[0] ?? null, name);
    case 'nullWorld.high': return fallSegments(c.world?.interval?.[1] ?? null, name);
    case 'nullWorld.observed': return fallSegments(c.world?.observedFall ?? null, name);
    case 'nullWorld.shareAtLeast': return shareAtLeastSegments(c);
    case 'nullWorld.dropped': return droppedSegments(c);
    case 'nullWorld.barnett': return barnettSegments(c);
    default: return [{ text: ROBUST_NUMBERS[name](c), path: robustPath(name) }];
  }
}

/**
 * The names printed as words around their number (or, for the cohorts with no arrests before when
 * there are none, as nothing): the page holds each in a span, never as the bare handle, since its
 * words come and go with the view.
 */
export const WORDED: ReadonlySet<RobustNumberName> = new Set<RobustNumberName>(['nullWorld.mean', 'nullWorld.low', 'nullWorld.high', 'nullWorld.observed', 'nullWorld.shareAtLeast', 'nullWorld.dropped', 'nullWorld.barnett']);

/** The names whose number is a fall, said as one. */
type FallName = 'nullWorld.mean' | 'nullWorld.low' | 'nullWorld.high' | 'nullWorld.observed';

const textOf = (segments: RobustSegment[]): string => segments.map((s) => (typeof s === 'string' ? s : s.text)).join('');

/** A fall as the page says it: "an 8% fall", "a 7% rise" (src/lib/wording.ts), the size the handle; "n/a" alone when there is none. */
function fallSegments(fall: number | null, name: FallName): RobustSegment[] {
  const path = robustPath(name);
  if (fall === null) return [{ text: NOT_AVAILABLE, path }];
  const [article, size, noun] = fallPieces(fall);
  return [article, { text: size, path }, noun];
}

/**
 * "4% of the simulated cohorts fell at least as much" (after an observed rise: "rose no more than
 * that, or fell"); "… cohorts with arrests before …" when some had none, as the share leaves them out.
 */
function shareAtLeastSegments(c: RobustnessContext): RobustSegment[] {
  const which = c.world && c.world.dropped > 0 ? ' with arrests before' : '';
  return [{ text: formatPercent(c.world?.shareAtLeastObserved ?? null), path: robustPath('nullWorld.shareAtLeast') }, ` of the simulated cohorts${which} ${atLeastWords(c.world?.observedFall ?? 0)}`];
}

/** "; 3 had no arrests before, so no fall, and are left out", as the figure's caption says it; nothing when every cohort had a fall. */
function droppedSegments(c: RobustnessContext): RobustSegment[] {
  const dropped = c.world?.dropped ?? 0;
  return dropped > 0 ? ['; ', { text: formatNumber(dropped), path: robustPath('nullWorld.dropped') }, droppedTail(dropped)] : [];
}

function barnettSegments(c: RobustnessContext): RobustSegment[] {
  const b = c.world ? barnettFall(c.world) : null;
  const path = robustPath('nullWorld.barnett');
  return b === null
    ? [{ text: 'does not apply', path }, ' at this selection strength (it assumes a sharp cutoff, selection 1, and overdispersed counts)']
    : ['predicts a fall of ', { text: formatPercent(b), path }, ' for normal counts'];
}

// ---- the page's figures, by name: which robustness figure each draws, from what

/** Everything the page's figures are drawn from, for one view. */
export interface RobustnessFigureContext extends RobustnessContext {
  result: AnalysisResult;
  state: ViewState;
  gapRows: GapCurveRow[] | null;
}

/** A page figure: which robustness figure it draws, from what, and (where two on the page draw the same figure) a title of its own. */
type PageFigure<K extends keyof RobustnessFigureData> = { figure: K; data: (c: RobustnessFigureContext) => RobustnessFigureData[K] | null; title?: string };
const pageFigure = <K extends keyof RobustnessFigureData>(figure: K, data: PageFigure<K>['data'], title?: string): PageFigure<K> => ({ figure, data, ...(title ? { title } : {}) });

export const PAGE_FIGURES = {
  nullWorld: pageFigure('nullWorld', (c) => (c.world ? { dist: c.world, observed: c.result.events.reduction } : null)),
  gapCurve: pageFigure('gapCurve', (c) => (c.gapRows ? { rows: c.gapRows, measure: 'events' } : null), 'The reduction in arrests as the months around the order are left out'),
  gapCurveHarm: pageFigure('gapCurve', (c) => (c.gapRows ? { rows: c.gapRows, measure: 'harm', weights: c.result.weights } : null), 'The reduction in harm as the months around the order are left out'),
  itsEvents: pageFigure('its', (c) => itsData(c.result, 'events'), 'Monthly arrests with an interrupted time series'),
  itsHarm: pageFigure('its', (c) => itsData(c.result, 'harm'), 'Monthly harm with an interrupted time series'),
  leaveOneOut: pageFigure('leaveOneOut', (c) => ({ rows: leaveOneOutRows(c.result), full: c.result.events.reduction })),
  specificationCurve: pageFigure('specificationCurve', (c) => (c.curve ? { specs: c.curve.specifications, current: currentSpecification(c.curve, c.state) } : null)),
};
export type PageFigureName = keyof typeof PAGE_FIGURES;
