// The "How robust is it?" page's numbers and figure data, from the data and a view: pure functions
// of (dataset, view) or of an analyse() result, so the build, the page's workers and the tests
// all compute them the same way. The heavy ones (the gap curve: one analysis per gap; the null
// world: 1,000 simulated cohorts; the specification curve: 60 analyses) run in a Web Worker in the
// browser (src/client/robustWorker.ts for the study's data, src/client/dataWorker.ts for a
// reader's); the rest are quick and run on the page.

import { analyse, type AnalysisResult } from '../analysis/analyse.ts';
import { nullWorld, NULL_WORLD_LOOKBACK, type NullWorld } from '../analysis/nullWorld.ts';
import { significantAgainst, significantRises, specificationCurve, type SpecificationCurve } from '../analysis/specificationCurve.ts';
import { specificationVerdict, totalDirection } from '../analysis/specificationVerdict.ts';
import { regressionToMean, inverseMillsRatio } from '../analysis/stats/regressionToMean.ts';
import { normalUpper } from '../analysis/stats/distributions.ts';
import { givesMonthsAway, timeAtLiberty, timeAtLibertyByPerson, type LibertyByPerson, type LibertyWhatIf } from '../analysis/timeAtLiberty.ts';
import type { Dataset } from '../analysis/types.ts';
import type { GapCurveRow } from '../charts/gapCurve.ts';
import type { LeaveOneOutRow } from '../charts/leaveOneOut.ts';
import type { ItsMonth } from '../charts/its.ts';
import type { RobustnessFigureData } from './robustnessFigures.ts';
import { formatChangeSize, formatEstimate, formatNumber, formatPercent, formatPercentTenths, formatSpreadPoints, NOT_AVAILABLE } from './format.ts';
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
      const row = (group: string, groupName: string, m: AnalysisResult['events']): GapCurveRow => ({ gap, measure, group, groupName, pre: m.pre, post: m.post, reduction: m.reduction, ci: m.ci });
      rows.push(row('overall', 'All selected categories', r[measure]));
      for (const c of r.categories) rows.push(row(c, r.categoryNames[c], r.byCategory[c][measure]));
    }
  }
  return rows;
}

/** The months W − gap either side that the view compares (time at liberty's window, and the null world's counts). */
export const analysedMonths = (result: Pick<AnalysisResult, 'window' | 'gap'>) => result.window - result.gap;

/** Why nothing is simulated in a view with no category: there is nothing counted, not "nobody was arrested". */
export const NULL_WORLD_NO_CATEGORY = 'no offence category is selected, so there are no arrests to model';

/**
 * The null world for a view: calibrated to the view's arrests before, each person, beside the view's
 * observed fall. With no category selected every count is 0, and the reason says why.
 */
export function nullWorldFor(result: AnalysisResult, selection: number, lookback: number): NullWorld {
  // The months the view compares: with a gap, those left out nearest the order are left out in the
  // simulated cohorts too (a reviewer: comparing the W − gap months next to the order instead, the
  // very months a gap removes, made regression to the mean look several times larger).
  const world = nullWorld(result.perOrder.map((o) => o.eventsPre), { window: result.window, gap: result.gap, selection, lookback, observedFall: result.events.reduction });
  return result.categories.length === 0 && world.falls.length === 0 ? { ...world, reason: NULL_WORLD_NO_CATEGORY } : world;
}

/**
 * Barnett, van der Pols & Dobson (2005)'s closed form, as a share of the selected people's mean:
 * for normal before and after counts with the null world's mean, variance and correlation, and a
 * sharp cutoff that selects the same share of people as the null world's threshold does, the
 * expected fall is (1 − ρ) σ φ(z) / (1 − Φ(z)), out of a selected mean of μ + σ φ(z) / (1 − Φ(z)).
 * It applies only where the simulation's selection is a sharp cutoff (selection 1) and the counts
 * are overdispersed (ρ > 0); otherwise null.
 */
/** Why barnettFall gives no fall for this simulation (the page's sentence and the derivation both say it), or null when it gives one. */
export function barnettReason(world: NullWorld & { reason?: string }): string | null {
  const p = world.parameters;
  if (!p) return world.reason ? `there is no simulation to compare with: ${world.reason}` : 'there is no simulation to compare with';
  if (p.selection !== 1) return `it assumes a sharp cutoff (everyone above a threshold, and nobody below it, gets an order: selection 1), and the simulation's selection is ${p.selection}`;
  // With a gap the months an order is sought on are partly or wholly left out of the counts compared,
  // which a cutoff on the before counts themselves cannot describe.
  if (p.gap > 0) return `it assumes orders are given on the very arrests compared, and the view leaves out the ${p.gap === 1 ? 'month' : `${p.gap} months`} nearest the order, where ${p.gap >= p.lookback ? 'all' : 'some'} of the recent arrests an order is sought on fall`;
  // At selection 1 it is most often this (?w=3&c=drugs: variance 0.145 against a mean of 0.171), not the selection.
  if (p.size === null || p.beforeVariance === null || !(p.beforeVariance > 0)) return 'the arrests before are no more spread than Poisson noise (variance ≤ mean), so people do not differ in their rates and there is nothing to regress to';
  if (!(p.crossingShare > 0 && p.crossingShare < 1)) return `the share of candidate months crossing the threshold is ${p.crossingShare}, so there is no cutoff with people on both sides`;
  return null;
}

export function barnettFall(world: NullWorld): number | null {
  const p = world.parameters;
  if (!p || p.selection !== 1 || p.gap > 0 || p.size === null || p.beforeVariance === null || !(p.beforeVariance > 0)) return null;
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
  return givesMonthsAway(dataset.orders) && result.window === dataset.span && result.gap === 0;
}

/**
 * The what-if, or each person's own months away. `recordedUnused` says why the what-if stands in
 * although the orders do give each person's months away: those months describe the full design
 * window with none left out, and this view analyses other months.
 */
export type Liberty = { kind: 'whatIf'; value: LibertyWhatIf; recordedUnused?: string } | { kind: 'byPerson'; value: LibertyByPerson };

/**
 * Why the orders' own months in custody or abroad cannot be used for this view ("this view has a
 * 12-month window and leaves out 3 months either side"), or null when the orders give none or the
 * view can use them.
 */
export function libertyMonthsUnused(dataset: Dataset | null | undefined, result: Pick<AnalysisResult, 'window' | 'gap'>): string | null {
  if (!dataset || !givesMonthsAway(dataset.orders)) return null;
  const changed = [
    ...(result.window !== dataset.span ? [`has ${indefinite(String(result.window))} ${result.window}-month window`] : []),
    ...(result.gap > 0 ? [`leaves out ${result.gap} ${result.gap === 1 ? 'month' : 'months'} either side of the order`] : []),
  ];
  if (changed.length === 0) return null;
  return `the orders give each person's months in custody or abroad for the full ${dataset.span}-month windows with no months left out, and this view ${changed.join(' and ')}`;
}

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
  const unused = libertyMonthsUnused(dataset, result);
  return { kind: 'whatIf', value: timeAtLiberty({ pre: result.events.pre, post: result.events.post, people: result.orders, window: analysedMonths(result), unavailableShare: share }), ...(unused ? { recordedUnused: unused } : {}) };
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

/** The significant falls whose 95% interval for the reduction is clear of no change as well. */
export const clearFalls = (curve: Pick<SpecificationCurve, 'specifications'>): number =>
  curve.specifications.filter((s) => s.significant && s.ci !== null && s.ci[0] > 0).length;

/** The significant falls whose 95% interval for the reduction takes in no change (its lower end at or below 0). */
export const acrossFalls = (curve: Pick<SpecificationCurve, 'specifications'>): number =>
  curve.specifications.filter((s) => s.significant && s.ci !== null && s.ci[0] <= 0).length;
/** The significant falls with no interval (too few arrests, or none after the orders). */
export const noIntervalFalls = (curve: Pick<SpecificationCurve, 'specifications'>): number =>
  curve.specifications.filter((s) => s.significant && s.ci === null).length;
/** A share of the curve's specifications, or null for an empty curve. */
const ofTotal = (n: number, curve: Pick<SpecificationCurve, 'total'>): number | null => (curve.total > 0 ? n / curve.total : null);

/** "Read the share with care"'s words after the curve's share, as plain text (the command line's). */
export function curveIntervalWords(curve: Pick<SpecificationCurve, 'specifications' | 'total' | 'significant'> | null): string {
  return textOf(curveIntervalSegments(curve));
}

/**
 * What the curve's share of significant falls does not say: how many of them have a 95% interval for
 * the reduction that takes in no change (or none). The tests are sign and rank tests of each person's
 * change; the reduction is of the totals; in a thin view a few large rises can leave the total's
 * interval across no change while most people fell (a statistician: 9 of the study's 180, 26 of 152
 * at ?w=12&c=violence,drugs). Then the share counting only falls clear on both, and any significant
 * rises. Nothing before the curve is computed, or when nothing is significant either way. Each count
 * and share is a handle to its derivation (a peer reviewer: "171 of 180" could not be opened where the
 * counts in "In short" could).
 */
export function curveIntervalSegments(curve: Pick<SpecificationCurve, 'specifications' | 'total' | 'significant'> | null): RobustSegment[] {
  if (!curve) return [];
  // A significant rise is no fall, and the curve counts only falls: said, where there are any, so that
  // "0 find a significant fall" does not hide an analyst's data whose arrests rose in most of them.
  const rises = significantRises(curve);
  const riseWords: RobustSegment[] = rises === 0 ? [] : [curveHandle('curve.rises', formatNumber(rises)), ' of the ', curveHandle('curve.total', formatNumber(curve.total)), ` ${rises === 1 ? 'finds' : 'find'} a significant rise instead (`, curveHandle('curve.riseShare', formatPercent(ofTotal(rises, curve))), ').'];
  // A significant test beside a total that moved the other way is neither (a re-check: one heavy arrest
  // after an order turned harm up while most people's harm fell, and was counted a significant rise).
  // Said of all the specifications (not "of those" falls before it), and of a total that did not move where there is one (a re-check).
  const against = significantAgainst(curve);
  const still = curve.specifications.some((s) => specificationVerdict(s) === 'against' && totalDirection(s.reduction) === 0);
  const one = against === 1;
  const againstWords: RobustSegment[] = against === 0 ? [] : [
    curveHandle('curve.against', formatNumber(against)), ' of the ', curveHandle('curve.total', formatNumber(curve.total)),
    ` ${one ? 'has a significant test that points' : 'have a significant test that points'} the other way from ${one ? 'its' : 'their'} total${still ? ', or either way beside a total that did not move,' : ','} and ${one ? 'counts' : 'count'} as neither a fall nor a rise: the tests weigh each person's change by its sign or rank, the total by its size, so a few large changes can turn the total against most people's.`,
  ];
  const falls = curve.significant === 0 ? [] : fallIntervalSegments(curve);
  return [falls, riseWords, againstWords].filter((x) => x.length > 0).flatMap((x, k) => (k > 0 ? [' ', ...x] : x));
}

const curveHandle = (name: RobustNumberName, text: string): RobustSegment => ({ text, path: robustPath(name) });

function fallIntervalSegments(curve: Pick<SpecificationCurve, 'specifications' | 'total' | 'significant'>): RobustSegment[] {
  const significant = curve.specifications.filter((s) => s.significant).length;
  const across = acrossFalls(curve);
  const none = noIntervalFalls(curve);
  const one = significant === 1;
  const those = curveHandle('curve.significant', formatNumber(significant));
  if (across + none === 0) return one ? ['It also has a 95% interval for the reduction clear of no change.'] : ['Each of those ', those, ' also has a 95% interval for the reduction clear of no change.'];
  const has = (n: number, name: RobustNumberName): RobustSegment[] => (one ? ['It has'] : [curveHandle(name, formatNumber(n)), n === 1 ? ' has' : ' have']);
  const parts: RobustSegment[][] = [
    ...(across > 0 ? [[...has(across, 'curve.acrossFalls'), ' a 95% interval for the reduction that takes in no change']] : []),
    ...(none > 0 ? [[...has(none, 'curve.noInterval'), ` no interval, ${one ? 'its' : 'their'} arrests being too few, or none after the orders, for one to mean much`]] : []),
  ];
  const clear = clearFalls(curve);
  // Why an interval can take in no change beside a significant test; not said of specifications with none.
  const why = across > 0 ? ': the tests ask whether people\'s arrests or harm typically fell, the interval whether the total did, and in a thin view the two can part' : '';
  return [
    ...(one ? [] : ['Of those ', those, ', ']), ...parts.flatMap((p, k) => (k > 0 ? [', and ', ...p] : p)), why,
    '. Counting only falls whose interval is clear of no change as well, the share is ', curveHandle('curve.clearFalls', formatNumber(clear)), ' of ', curveHandle('curve.total', formatNumber(curve.total)),
    ' (', curveHandle('curve.clearShare', formatPercent(ofTotal(clear, curve))), ').',
  ];
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
  /** The gap curve's rows (gapCurveRows), once computed: "In short"'s months around the order. */
  gapRows?: GapCurveRow[] | null;
}

/**
 * The page's text of each number: the number alone, or (the names in WORDED) the words around it
 * that follow its sign or its size ("a 7% rise", "an 8% fall"), whose handle is the number. The
 * null world's paragraph and time at liberty's sentence are made of such spans, with the words
 * between them, so that where there is nothing to compute (no arrests before the orders, no month
 * at liberty) the page says so in one plain sentence instead of a row of "n/a".
 */
export const ROBUST_NUMBERS = {
  // the null world: "In 1,000 simulated cohorts where orders do nothing, the average change in
  // arrests was an 8% fall (95% of cohorts between a 20% rise and a 30% fall; 3 had no arrests
  // before, …). The observed change in this view is a 56% fall. 40 of the 997 simulated cohorts
  // with arrests before fell at least as much (4%). The closed form … does not apply …."
  'nullWorld.mean': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.mean', c)),
  'nullWorld.low': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.low', c)),
  'nullWorld.high': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.high', c)),
  'nullWorld.observed': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.observed', c)),
  'nullWorld.shareAtLeast': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.shareAtLeast', c)),
  // how many simulated cohorts fell at least as much: "40" of "40 of the 1,000 simulated cohorts …" (the sentence says "None" and "All" in words, beside the share)
  'nullWorld.matched': (c: RobustnessContext) => (c.world?.atLeastObserved == null ? NOT_AVAILABLE : formatNumber(c.world.atLeastObserved)),
  // the simulated cohorts the share and that count are taken from: those with arrests before (all of them, unless some had none)
  'nullWorld.compared': (c: RobustnessContext) => (c.world ? formatNumber(c.world.falls.length) : NOT_AVAILABLE),
  // every simulated cohort, and (in words, only when there are any) those with no arrests before, which have no fall
  'nullWorld.cohorts': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.cohorts', c)),
  'nullWorld.dropped': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.dropped', c)),
  'nullWorld.barnett': (c: RobustnessContext): string => textOf(robustSegments('nullWorld.barnett', c)),
  // the share of simulated orders that follow a busy spell at the strength set ("In short")
  'nullWorld.afterBusy': (c: RobustnessContext) => formatPercent(afterBusyShare(c.world)),
  // time at liberty, after "Arrests per month at liberty": "… were 0.213 per person before the order and 0.118 after, a fall of 45%."
  'liberty.rateBefore': (c: RobustnessContext): string => textOf(robustSegments('liberty.rateBefore', c)),
  'liberty.rateAfter': (c: RobustnessContext): string => textOf(robustSegments('liberty.rateAfter', c)),
  'liberty.rateFall': (c: RobustnessContext): string => textOf(robustSegments('liberty.rateFall', c)),
  'liberty.breakEven': (c: RobustnessContext) => (c.liberty?.kind === 'whatIf' ? formatPercent(c.liberty.value.breakEven) : NOT_AVAILABLE),
  'liberty.share': (c: RobustnessContext) => formatPercent(c.liberty === null ? null : c.liberty.kind === 'whatIf' ? c.liberty.value.unavailableShare : c.liberty.value.unavailableShareAfter),
  'curve.share': (c: RobustnessContext) => formatPercent(c.curve?.share ?? null),
  'curve.significant': (c: RobustnessContext) => (c.curve ? formatNumber(c.curve.significant) : NOT_AVAILABLE),
  'curve.total': (c: RobustnessContext) => (c.curve ? formatNumber(c.curve.total) : NOT_AVAILABLE),
  // in "In short", the months around the order: the lowest and highest change over the gap curve's gaps, and at how many gaps the 95% interval is clear of no change
  'gap.eventsLow': (c: RobustnessContext) => gapChangeText(gapSummary(c.gapRows, 'events')?.low),
  'gap.eventsHigh': (c: RobustnessContext) => gapChangeText(gapSummary(c.gapRows, 'events')?.high),
  'gap.eventsClear': (c: RobustnessContext) => formatNumber(gapSummary(c.gapRows, 'events')?.clear ?? null),
  'gap.harmLow': (c: RobustnessContext) => gapChangeText(gapSummary(c.gapRows, 'harm')?.low),
  'gap.harmHigh': (c: RobustnessContext) => gapChangeText(gapSummary(c.gapRows, 'harm')?.high),
  'gap.harmClear': (c: RobustnessContext) => formatNumber(gapSummary(c.gapRows, 'harm')?.clear ?? null),
  // in "In short": the significant falls with a 95% interval clear of no change too, and the significant rises
  'curve.clearFalls': (c: RobustnessContext) => (c.curve ? formatNumber(clearFalls(c.curve)) : NOT_AVAILABLE),
  'curve.rises': (c: RobustnessContext) => (c.curve ? formatNumber(significantRises(c.curve)) : NOT_AVAILABLE),
  // "Read the share with care": the significant falls whose interval takes in no change, those with
  // none, the share clear of no change on both, and the share of significant rises
  'curve.acrossFalls': (c: RobustnessContext) => (c.curve ? formatNumber(acrossFalls(c.curve)) : NOT_AVAILABLE),
  'curve.noInterval': (c: RobustnessContext) => (c.curve ? formatNumber(noIntervalFalls(c.curve)) : NOT_AVAILABLE),
  'curve.clearShare': (c: RobustnessContext) => formatPercent(c.curve ? ofTotal(clearFalls(c.curve), c.curve) : null),
  'curve.riseShare': (c: RobustnessContext) => formatPercent(c.curve ? ofTotal(significantRises(c.curve), c.curve) : null),
  // the significant tests that point the other way from their total, counted as neither
  'curve.against': (c: RobustnessContext) => (c.curve ? formatNumber(significantAgainst(c.curve)) : NOT_AVAILABLE),
  // after the share's caveats: "The harm weight sets are another matter: at one window and gap they
  // alone move the change in harm by 24.7 percentage points (…)."
  'curve.weightsSpread': (c: RobustnessContext): string => textOf(robustSegments('curve.weightsSpread', c)),
} as const satisfies Record<string, (c: RobustnessContext) => string>;
export type RobustNumberName = keyof typeof ROBUST_NUMBERS;

/**
 * What the null world's status (role=status) says once the reader's own controls have re-run the
 * simulation: its average change beside the observed one, in the page's own words for them.
 * @example nullWorldDoneWords(c) // => 'Done: the average change in arrests across the simulated cohorts was a 9% fall (observed: a 56% fall).'
 */
export function nullWorldDoneWords(c: RobustnessContext): string {
  if (c.world?.mean == null) return 'Done: no simulated cohort had arrests before its order in this view, so there is no change to report.';
  return `Done: the average change in arrests across the simulated cohorts was ${textOf(fallSegments(c.world.mean, 'nullWorld.mean'))} (observed: ${textOf(fallSegments(c.world.observedFall, 'nullWorld.observed'))}).`;
}

/**
 * What the status says once the time-at-liberty slider settles: the section's own sentence for the
 * share chosen (an accessibility review: the slider recomputed without a word, where the null
 * world's controls say their result). "Done: arrests per month at liberty, if people spent 30% of
 * the months after their order in custody or abroad, were 0.213 per person before the order and
 * 0.104 after, a fall of 51%."
 */
export function libertyDoneWords(c: RobustnessContext): string {
  const share = ROBUST_NUMBERS['liberty.share'](c);
  const parts = (['liberty.rateBefore', 'liberty.rateAfter', 'liberty.rateFall'] as const).map((name) => ROBUST_NUMBERS[name](c)).join('');
  return `Done: arrests per month at liberty, if people spent ${share} of the months after their order in custody or abroad,${parts}`;
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
 * A robustness number as the page prints it, in segments: the number alone (one handle), or (the
 * names in WORDED) the words around it, whose handle is the number; for the closed form a sentence
 * whose number is the handle ("does not apply" when it does not, so the reader can still ask why).
 * The segments' text is always ROBUST_NUMBERS[name](c).
 */
export function robustSegments(name: RobustNumberName, c: RobustnessContext): RobustSegment[] {
  const world = c.world;
  // Nothing was simulated (no arrests before the orders): the cohorts' span says so, and why, in
  // one sentence; the rest of the paragraph says nothing.
  const nothing = world !== null && world.falls.length === 0;
  switch (name) {
    case 'nullWorld.cohorts': {
      const cohorts: RobustSegment = { text: world ? formatNumber(world.falls.length + world.dropped) : NOT_AVAILABLE, path: robustPath(name) };
      if (world && nothing) {
        return world.dropped > 0
          ? ['None of the ', cohorts, ' simulated cohorts where orders do nothing had arrests before its orders, so none has a fall to set beside the observed one.']
          : [`Nothing can be simulated in this view: ${world.reason ?? 'there is nothing to simulate'}${world.observedFall === null ? ', and there is no observed fall to compare with' : ''}.`];
      }
      return ['In ', cohorts, ' simulated cohorts where orders do nothing, the average change in arrests was '];
    }
    case 'nullWorld.mean': return nothing ? [] : fallSegments(world?.mean ?? null, name);
    case 'nullWorld.low': return nothing ? [] : [' (95% of cohorts between ', ...fallSegments(world?.interval?.[0] ?? null, name)];
    case 'nullWorld.high': return nothing ? [] : [' and ', ...fallSegments(world?.interval?.[1] ?? null, name)];
    case 'nullWorld.dropped': return nothing ? [] : droppedSegments(c);
    case 'nullWorld.observed':
      if (nothing) return [];
      if (world && world.observedFall === null) return ['). There is no observed change in this view to compare with, as there were no arrests before the orders.'];
      return ['). The observed change in this view is ', ...fallSegments(world?.observedFall ?? null, name), '.'];
    case 'nullWorld.shareAtLeast': return nothing ? [] : shareAtLeastSegments(c);
    case 'nullWorld.barnett': return nothing ? [] : [' The closed form for normal data (Barnett, van der Pols and Dobson, 2005) ', ...barnettSegments(c), '.'];
    case 'liberty.rateBefore':
    case 'liberty.rateAfter':
    case 'liberty.rateFall':
      return libertySegments(name, c.liberty);
    case 'curve.weightsSpread':
      return weightsSpreadSegments(c.curve);
    default: return [{ text: ROBUST_NUMBERS[name](c), path: robustPath(name) }];
  }
}

/**
 * From each person's months away: people the data record as away for a whole period yet arrested in
 * it (the files' warning on loading) raise that period's rate, their arrests set against no months of
 * their own; said after the rates, with how many and which way it moves the fall (an analyst: 7 arrests
 * of someone away for all 12 months after turned an 18% fall into 14%, with no word on the page).
 */
export function awayWords(liberty: Liberty | null, redo = 'load the files again'): string[] {
  if (liberty?.kind !== 'byPerson') return [];
  const { before, after } = liberty.value.arrestedWhileAway;
  const one = (a: { people: number; arrests: number }, period: 'before' | 'after') =>
    `${a.people === 1 ? '1 person' : `${formatNumber(a.people)} people`} recorded as in custody or abroad for all the months ${period} the order ${a.people === 1 ? 'has' : 'have'} ${a.arrests === 1 ? '1 arrest' : `${formatNumber(a.arrests)} arrests`} in them`;
  const parts = [...(before.people > 0 ? [one(before, 'before')] : []), ...(after.people > 0 ? [one(after, 'after')] : [])];
  if (parts.length === 0) return [];
  const moves = before.people > 0 && after.people > 0 ? 'raise both rates' : before.people > 0 ? 'raise the rate before, and so enlarge the fall' : 'raise the rate after, and so shrink the fall';
  return [` But ${parts.join(', and ')}: one of their records is wrong (the files' check warned of it), and those arrests, set against no months of their own, ${moves}. Correct the records and ${redo}.`];
}

/**
 * Time at liberty's sentence after "Arrests per month at liberty" (and, for the what-if, ", if people
 * spent 20% of the months after their order in custody or abroad,"): the rate before, the rate
 * after and their change, each with the words that follow what the data allow. From each person's
 * own months unavailable, the sentence says it counts them. Where a rate cannot be computed (no
 * month at liberty) or there is no change to measure (no arrests before), it says so and why.
 */
function libertySegments(name: 'liberty.rateBefore' | 'liberty.rateAfter' | 'liberty.rateFall', liberty: Liberty | null): RobustSegment[] {
  const l = liberty?.value;
  const handle = (text: string): RobustSegment => ({ text, path: robustPath(name) });
  const were = liberty?.kind === 'byPerson' ? ", counting each person's own months in custody or abroad from the data, were " : ' were ';
  const before = l?.rateBefore ?? null;
  const after = l?.rateAfter ?? null;
  const noBefore = l !== undefined && before === null;
  const noAfter = l !== undefined && after === null;
  switch (name) {
    case 'liberty.rateBefore':
      if (noBefore) return [' cannot be compared: no one had a month at liberty before their order, so there is no rate before it'];
      return [were, handle(formatEstimate(before)), ' per person before the order'];
    case 'liberty.rateAfter':
      if (noBefore) return [];
      if (noAfter) return [', but the rate after it cannot be computed: no one had a single month at liberty after their order'];
      return [' and ', handle(formatEstimate(after)), ' after'];
    case 'liberty.rateFall': {
      if (noBefore || noAfter) return ['.'];
      if (l && before === 0) {
        return [after === 0
          ? ': no one was arrested in the months analysed, before or after the order, so there is no change to measure.'
          : ': with no arrests before the orders, there is no fall or rise to measure as a share of them.'];
      }
      const fall = l?.rateFall ?? null;
      const direction = fall === null || fall === 0 ? 'a change' : fall > 0 ? 'a fall' : 'a rise';
      return [`, ${direction} of `, handle(formatChangeSize(fall)), '.', ...awayWords(liberty)];
    }
  }
}

/**
 * How much the harm weights alone matter (SpecificationCurve's weightsSpread): the largest range of
 * the fall in harm across the weight sets at one window and gap, with where it is and its two ends;
 * or, with one weight set or nothing to compare, why the curve cannot say.
 */
/** "falls by 3.4%", "rises by 12.0%": the ends of the weights' spread, to the spread's own decimal. */
export function changeTenths(fall: number): string {
  return fall >= 0 ? `falls by ${formatPercentTenths(fall)}` : `rises by ${formatPercentTenths(fall)}`;
}

function weightsSpreadSegments(curve: RobustnessContext['curve']): RobustSegment[] {
  const handle = (text: string): RobustSegment => ({ text, path: robustPath('curve.weightsSpread') });
  if (!curve) return [handle(NOT_AVAILABLE)];
  if (curve.choices.weights.length < 2) return [`These data have one set of harm weights, so the curve cannot show how much the choice of weights matters${curve.weightsNote ? ` (${curve.weightsNote})` : ''}.`];
  const w = curve.weightsSpread;
  if (!w) return ['No window and gap of the curve has a fall in harm under two weight sets to compare.'];
  if (w.spread === 0) return ['The harm weight sets give the same fall in harm at every window and gap (', handle(formatSpreadPoints(0)), ' apart).'];
  return [
    'The harm weight sets are another matter: at one window and gap, the weights alone move the change in harm by ',
    handle(formatSpreadPoints(w.spread)),
    ` (a ${w.window}-month window with a gap of ${w.gap}: harm ${changeTenths(w.lowest)} with the ${w.lowestWeights} weights and ${changeTenths(w.highest)} with the ${w.highestWeights}; each figure is rounded on its own, so the two can differ by 0.1 from the spread).`,
  ];
}

/**
 * The names printed as words around their number (or, for the cohorts with no arrests before when
 * there are none, as nothing): the page holds each in a span, never as the bare handle, since its
 * words come and go with the view.
 */
export const WORDED: ReadonlySet<RobustNumberName> = new Set<RobustNumberName>([
  'nullWorld.cohorts', 'nullWorld.mean', 'nullWorld.low', 'nullWorld.high', 'nullWorld.observed', 'nullWorld.shareAtLeast', 'nullWorld.dropped', 'nullWorld.barnett',
  'liberty.rateBefore', 'liberty.rateAfter', 'liberty.rateFall', 'curve.weightsSpread',
]);

/** The names whose number is a fall, said as one. */
type FallName = 'nullWorld.mean' | 'nullWorld.low' | 'nullWorld.high' | 'nullWorld.observed';

/** A sentence's segments as plain text. */
export const textOf = (segments: RobustSegment[]): string => segments.map((s) => (typeof s === 'string' ? s : s.text)).join('');

/** A fall as the page says it: "an 8% fall", "a 7% rise" (src/lib/wording.ts), the size the handle; "n/a" alone when there is none. */
function fallSegments(fall: number | null, name: FallName): RobustSegment[] {
  const path = robustPath(name);
  if (fall === null) return [{ text: NOT_AVAILABLE, path }];
  const [article, size, noun] = fallPieces(fall);
  return [article, { text: size, path }, noun];
}

/**
 * The simulated cohorts a share counts: "1,000 simulated cohorts", "… with arrests before" when some
 * had none; the count is a handle to its derivation (the 859 of "111 of the 859 simulated cohorts with
 * arrests before" was the one number of the sentence that opened nothing).
 */
function cohortsSegments(world: NullWorld): RobustSegment[] {
  const n = world.falls.length;
  return [{ text: formatNumber(n), path: robustPath('nullWorld.compared') }, ` simulated ${n === 1 ? 'cohort' : 'cohorts'}${world.dropped > 0 ? ' with arrests before' : ''}`];
}

/**
 * How many simulated cohorts did at least as well as the view, counted out of those with a fall:
 * " 40 of the 1,000 simulated cohorts fell at least as much (4%)." and, where none did, " None of
 * the 1,000 simulated cohorts fell at least as much (0%; 1,000 cohorts put the chance below about 3
 * in 1,000)." rather than a bare "0%", which reads as "impossible", or "fewer than 1 in 1,000", which
 * claims more than none in 1,000 can show: the usual 95% bound when none of n is seen is about 3 / n. After an observed rise: "rose no more than that, or fell";
 * "… cohorts with arrests before …" when some had none, as the count leaves them out. The share is
 * the handle (its derivation counts the cohorts); the count is the share times the cohorts, as there.
 */
function shareAtLeastSegments(c: RobustnessContext): RobustSegment[] {
  const world = c.world;
  const share = world?.shareAtLeastObserved ?? null;
  const handle: RobustSegment = { text: formatPercent(share), path: robustPath('nullWorld.shareAtLeast') };
  const k = world?.atLeastObserved ?? null;
  if (!world || share === null || k === null) return [' A share of ', handle, ' of the simulated cohorts ', atLeastWords(world?.observedFall ?? 0), '.'];
  const n = world.falls.length;
  const cohorts = cohortsSegments(world);
  const did = atLeastWords(world.observedFall ?? 0);
  if (k === 0) return [' None of the ', ...cohorts, ` ${did} (`, handle, `; ${formatNumber(n)} ${n === 1 ? 'cohort puts' : 'cohorts put'} the chance below about 3 in ${formatNumber(n)}).`];
  if (k === n) return [` ${n === 1 ? 'The' : 'All'} `, ...cohorts, ` ${did} (`, handle, ').'];
  // A share of some but not all never prints as 0% or 100% (formatPercent: 3 of 1,000 is "0.3%").
  return [' ', matchedHandle(k), ' of the ', ...cohorts, ` ${did} (`, handle, ').'];
}

/** The count of simulated cohorts that fell at least as much as the view, as a handle to its derivation (a peer reviewer could check the share, not the count beside it). */
const matchedHandle = (k: number): RobustSegment => ({ text: formatNumber(k), path: robustPath('nullWorld.matched') });

/** Whether 5% or more of the simulated cohorts matched the fall, judged on the share as printed ("5%" is never both). */
const matchedOften = (share: number): boolean => Number(formatPercent(share).replace('%', '')) >= 5;

/**
 * "In short"'s reading of the simulation, after an observed fall: how many simulated cohorts matched
 * it (the section's share, its handle): ", which none of the 1,000 simulated cohorts matched (0%)".
 * The line gave the simulated mean beside the observed fall and left the reader to judge (a police
 * leader). The simulation is a floor (people's rates never change), so it can show that orders doing
 * nothing could explain a fall (5% of cohorts or more matched it: "through selection and chance
 * together", or "chance alone" at random moments), never that they cannot: below 5%, the floor
 * sentence says it does not rule regression to the mean out. After a rise, or with no fall, nothing is added.
 */
function verdictSegments(world: NullWorld): RobustSegment[] {
  const share = world.shareAtLeastObserved;
  const k = world.atLeastObserved;
  if (share === null || k === null || world.observedFall === null || world.observedFall <= 0 || world.falls.length === 0) return [];
  const n = world.falls.length;
  const handle: RobustSegment = { text: formatPercent(share), path: robustPath('nullWorld.shareAtLeast') };
  const cohorts = cohortsSegments(world);
  const who: RobustSegment[] = k === 0 ? ['none of the ', ...cohorts] : k === n ? [`${n === 1 ? 'the' : 'all'} `, ...cohorts] : [matchedHandle(k), ' of the ', ...cohorts];
  // A match is selection and chance together where selection is at work (a strength above 0) and
  // the cohorts fall on average; at random moments, or where they do not fall, it is chance (a
  // re-check). Never "selection alone": with one month either side (?w=12&gap=11) 40% of cohorts
  // matched at random moments, and selection was credited with chance's share (a peer reviewer).
  // The 5% is the share as printed, so "(5%)" never stands beside both readings.
  const selecting = (world.parameters?.selection ?? 0) > 0 && world.mean !== null && world.mean > 0;
  if (!matchedOften(share)) return [', which ', ...who, ' matched (', handle, ')'];
  return [', which ', ...who, ' matched (', handle, selecting ? '): orders that did nothing could explain it, through selection and chance together, even by this simulation\'s low reckoning' : '): chance alone could explain it, without any effect of the orders'];
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
    ? [{ text: 'does not apply', path }, ` in this view: ${c.world ? barnettReason(c.world) ?? "the selected people's mean would not be positive" : 'there is no simulation to compare with'}`]
    : ['predicts a fall of ', { text: formatPercent(b), path }, ' for normal counts, with orders chosen on the whole period before rather than on the last months, a different rule from the simulation\'s, so the two agree only roughly'];
}

// ---- "In short": one line for each check, at the top of the page

type GapFall = GapCurveRow & { reduction: number };

/** The gap curve's overall rows of one measure that have a fall (something before), in the order of their gaps. */
const gapFalls = (rows: readonly GapCurveRow[] | null | undefined, measure: 'events' | 'harm'): GapFall[] =>
  (rows ?? []).filter((r): r is GapFall => r.measure === measure && r.group === 'overall' && r.reduction !== null);

/** Whether a row's 95% interval is clear of no change (wholly above or wholly below 0). */
const gapIntervalClear = (r: GapCurveRow): boolean => r.ci !== null && (r.ci[0] > 0 || r.ci[1] < 0);

/**
 * One measure's change over the gap curve's gaps, as "In short" says it: the lowest and highest
 * reduction and how many gaps' intervals are clear of no change; null before the curve is computed
 * or where no gap has a fall.
 */
export function gapSummary(rows: readonly GapCurveRow[] | null | undefined, measure: 'events' | 'harm'): { low: number; high: number; clear: number; gaps: number } | null {
  const falls = gapFalls(rows, measure);
  if (falls.length === 0) return null;
  const values = falls.map((r) => r.reduction);
  return { low: Math.min(...values), high: Math.max(...values), clear: falls.filter(gapIntervalClear).length, gaps: falls.length };
}

/** A change's size as "In short" prints it beside words that say which way ("56%"), or "no change". */
const gapChangeText = (x: number | null | undefined): string => (x === 0 ? 'no change' : formatChangeSize(x));

/**
 * One measure's fall as the months around the order are left out, for "In short": its range over
 * the gaps (a change of exactly nothing is "no change"), its value at the view's own gap, and at how
 * many gaps its 95% interval is clear of no change. The range's ends and the count are handles
 * (gap.eventsLow …): their derivations recompute each gap's reduction from its totals.
 */
function gapLine(falls: readonly GapFall[], measure: 'events' | 'harm', viewGap: number): RobustSegment[] {
  const noun = measure === 'events' ? 'arrests' : 'harm';
  const name = (end: 'Low' | 'High' | 'Clear') => robustPath(`gap.${measure}${end}`);
  const change = (x: number) => (x === 0 ? 'no change' : fallPieces(x).join(''));
  // The numbers the handles name (gapSummary), so each reads as its own derivation's value.
  const { low, high, clear } = gapSummary(falls, measure)!;
  const end = (x: number, which: 'Low' | 'High'): RobustSegment => ({ text: gapChangeText(x), path: name(which) });
  // (a change that is a fall or a rise is its size, the words say which way: fallPieces' pieces around it)
  const changeSegments = (x: number, which: 'Low' | 'High'): RobustSegment[] => {
    if (x === 0) return [end(x, which)];
    const [article, , noun] = fallPieces(x);
    return [article, end(x, which), noun];
  };
  // Ends that read the same are said once: "stays at 99%", not "between 99% and 99%" (a peer reviewer at ?gap=23&c=other).
  const same = (low > 0 || high < 0) && gapChangeText(low) === gapChangeText(high);
  const range: RobustSegment[] = same ? [`the ${low > 0 ? 'fall' : 'rise'} in ${noun} stays at `, low > 0 ? end(low, 'Low') : end(high, 'High')]
    : low > 0 ? [`the fall in ${noun} stays between `, end(low, 'Low'), ' and ', end(high, 'High')]
    : high < 0 ? [`the rise in ${noun} stays between `, end(high, 'High'), ' and ', end(low, 'Low')]
      : [`the change in ${noun} runs from `, ...changeSegments(low, 'Low'), ' to ', ...changeSegments(high, 'High')];
  // Beside the view's own gap, where the curve has it: the fall the rest of the page gives.
  const own = falls.find((r) => r.gap === viewGap);
  const months = (n: number) => `${formatNumber(n)} ${n === 1 ? 'month' : 'months'}`;
  const last = falls.at(-1)!.gap;
  // Beyond the curve's gaps (?gap=23), the range is not the view's: said (a re-check).
  const start = own ? ` (${viewGap === 0 ? 'with none left out' : `with the view's ${months(viewGap)} left out`}: ${change(own.reduction)})`
    : viewGap > last ? ` (the view itself leaves out ${months(viewGap)}, more than the curve goes to)` : '';
  const intervals: RobustSegment[] = clear === falls.length ? ['its 95% interval is clear of no change at every gap']
    : clear === 0 ? ['its 95% interval takes in no change, or there is none, at every gap']
      : ['its 95% interval is clear of no change at ', { text: formatNumber(clear), path: name('Clear') }, ` of the ${formatNumber(falls.length)} gaps`];
  return [...range, start, '; ', ...intervals];
}

/**
 * The top of "How robust is it?" in a line for each check whose numbers come from this file's
 * computations (the time series and leave-one-out lines are wording.ts sentences of the analysis),
 * for a reader who will not read the sections (a police leader: the verdicts were spread over twenty
 * phone screens). Each is held in an element named `data-robust="<part>.inShort"`, so it is set
 * aside while its part is recomputed and struck through when it cannot be (robustPending.ts), like
 * the section's own numbers; its numbers are the sections' handles, with their derivations. The
 * months around the order are read from the gap curve's own rows (its chart's table), as plain text.
 */
/**
 * The share of the null world's simulated orders that follow a busy spell, as the simulation drew
 * them (NullWorldParameters.afterBusyShare): at 0.5, with a quarter or fewer of moments crossing,
 * well under half.
 */
export function afterBusyShare(world: Pick<NullWorld, 'parameters'> | null): number | null {
  return world?.parameters?.afterBusyShare ?? null;
}

export const IN_SHORT = {
  'nullWorld.inShort': (c: RobustnessFigureContext): RobustSegment[] => {
    const world = c.world;
    if (!world) return [NOT_AVAILABLE];
    if (world.falls.length === 0) return ['Nothing can be simulated in this view (the section says why).'];
    const observed = world.observedFall === null ? ['; there is no observed change to compare with.'] : ['; the observed change is ', ...fallSegments(world.observedFall, 'nullWorld.observed'), ...verdictSegments(world), '.'];
    // The floor is said only of a simulated fall: where the cohorts show none, there is no floor to speak of.
    // Not where the cohorts already match the fall often enough for selection to explain it (the verdict says so).
    // Not "the least selection could do": at the default strength most simulated orders follow no busy
    // spell, and stronger selection gives a larger fall (a statistician: 2% at 0.5, 9% at 1).
    const floor = world.mean !== null && world.mean > 0 && world.observedFall !== null && world.observedFall > 0 && !matchedOften(world.shareAtLeastObserved ?? 0)
      ? [`${(world.parameters?.selection ?? 0) < 1 ? ' Stronger selection gives a larger simulated fall, and real' : ' Real'} offending, which comes in spells, can give more than any of these: real regression to the mean can be larger, so this does not rule it out.`] : [];
    // At selection 0 the simulated orders come at random moments, not after busy spells (the page's own slider);
    // otherwise, how many of them followed one, at the strength set.
    const busy = afterBusyShare(world);
    const opening = world.parameters?.selection === 0 ? 'If orders came at random moments and did nothing at all'
      : busy === null ? 'If orders followed busy spells and did nothing at all'
        : null;
    // The strength is said as the section's control reads it, apart from the share it gives (a peer
    // reviewer read "30% … (the selection strength set in the section)" as a strength of 30%).
    const start: RobustSegment[] = opening !== null ? [opening]
      : [`At the selection strength set in the section (${world.parameters!.selection} of 1, as its control reads), `, { text: formatPercent(busy), path: robustPath('nullWorld.afterBusy') }, ' of the simulated orders follow a busy spell. If orders did nothing at all'];
    return [...start, `, this model's simulated cohorts would show `, ...fallSegments(world.mean, 'nullWorld.mean'), ' on average', ...observed, ...(world.parameters?.selection === 0 ? [] : floor)];
  },
  'gap.inShort': (c: RobustnessFigureContext): RobustSegment[] => {
    const rows = (c.gapRows ?? []).filter((r) => r.measure === 'events' && r.group === 'overall');
    if (rows.length === 0) return [NOT_AVAILABLE];
    const falls = gapFalls(rows, 'events');
    if (falls.length === 0) return ['There were no arrests before the orders in this view, so there is no fall to follow as months are left out.'];
    if (rows.length === 1) return [`With a window of ${formatNumber(c.result.window)} ${c.result.window === 1 ? 'month' : 'months'}, no months can be left out around the order.`];
    const last = rows.at(-1)!.gap;
    const arrests = gapLine(falls, 'events', c.result.gap);
    // Harm too, and the categories whose fall stops being clear: a reviewer found the line said
    // only arrests, while violence's fall in harm went from 58% (clear) at gap 2 to 2% at gap 3.
    const harmRows = gapFalls(c.gapRows, 'harm');
    const harmLine = harmRows.length > 1 ? gapLine(harmRows, 'harm', c.result.gap) : [];
    // (its first word capitalised: "The fall in harm …")
    const harm: RobustSegment[] = harmLine.length > 0 ? [` ${(harmLine[0] as string).charAt(0).toUpperCase()}${(harmLine[0] as string).slice(1)}`, ...harmLine.slice(1), '.'] : [];
    const clearAt = (r: GapCurveRow) => r.ci !== null && r.ci[0] > 0;
    // (With one category its rows are the overall rows: said once, above.)
    const lost = c.result.categories.length < 2 ? [] : (c.gapRows ?? []).filter((r) => r.group !== 'overall' && r.gap === (c.result.gap <= last ? c.result.gap : 0) && clearAt(r))
      .filter((r) => (c.gapRows ?? []).some((o) => o.group === r.group && o.measure === r.measure && !clearAt(o)))
      .map((r) => `${r.measure === 'harm' ? 'harm' : 'arrests'} for ${r.groupName.toLowerCase()}`);
    // Beyond the curve's gaps the categories are read with none left out, and said so (a peer reviewer
    // at ?w=12&gap=11: "clear of no change at the view's gap", where the view has no interval at all).
    const at = c.result.gap === 0 || c.result.gap > last ? 'with none left out' : "at the view's gap";
    const categories = lost.length === 0 ? '' : lost.length === 1 ? ` The fall in ${lost[0]}, clear of no change ${at}, is not clear at every gap.` : ` The falls in ${listWords(lost)}, clear of no change ${at}, are not clear at every gap.`;
    return [`Leaving out up to ${formatNumber(last)} ${last === 1 ? 'month' : 'months'} either side of the order, `, ...arrests, '.', ...harm, categories];
  },
  'liberty.inShort': (c: RobustnessFigureContext): RobustSegment[] => {
    const l = c.liberty;
    if (!l) return [NOT_AVAILABLE];
    if (l.kind === 'byPerson') {
      const fall = l.value.rateFall;
      if (fall === null) return ["Counting each person's own months in custody or abroad, from the data, there is no change in arrests per month at liberty to measure (the section says why)."];
      const { before, after } = l.value.arrestedWhileAway;
      const conflict = before.people + after.people > 0 ? ' Some of the records of time away conflict with the arrests: the section says how.' : '';
      return ["Counting each person's own months in custody or abroad, from the data, arrests per month at liberty show ", ...fallPieces(fall).map((piece, k): RobustSegment => (k === 1 ? { text: piece, path: robustPath('liberty.rateFall') } : piece)), `.${conflict}`];
    }
    const { pre, post } = c.result.events;
    if (pre === 0) return ['There were no arrests before the orders, so there is no fall for time away to explain.'];
    if (post > pre) return ['Arrests rose, so time in custody or abroad cannot explain a fall: allowing for it would make the rise per month at liberty larger.'];
    if (post === pre) return ['Arrests did not change, so there is no fall for time away to explain.'];
    if (l.value.breakEven === null) return ['No share of time away explains this fall: no one was arrested after the orders.'];
    // Not "only if": the even spread is one assumption. Time away that fell mostly on the busiest people
    // explains the fall with less (a statistician); how much less these data cannot say (timeAtLiberty.ts).
    return [
      'Spread evenly over people, time in custody or abroad would explain the whole fall if it took ', { text: formatPercent(l.value.breakEven), path: robustPath('liberty.breakEven') }, ' of the months after the orders; if it fell mostly on the people who had been busiest, less would do',
      `; ${l.recordedUnused ? `a what-if here, as ${l.recordedUnused}` : 'these data do not record how much time was spent away, or by whom'}.`,
    ];
  },
  'curve.inShort': (c: RobustnessFigureContext): RobustSegment[] => {
    const curve = c.curve;
    if (!curve) return [NOT_AVAILABLE];
    if (curve.total === 0) return ['The specification curve has no specifications in this view.'];
    const rises = significantRises(curve);
    const against = significantAgainst(curve);
    const others: RobustSegment[][] = [
      ...(rises > 0 ? [[{ text: formatNumber(rises), path: robustPath('curve.rises') }, ' a significant rise']] : []),
      ...(against > 0 ? [['in ', { text: formatNumber(against), path: robustPath('curve.against') }, ' the test is significant but points against the total']] : []),
    ];
    return [
      'Of ', { text: formatNumber(curve.total), path: robustPath('curve.total') }, ' combinations of window, gap, measure, harm weights and test, ',
      { text: formatNumber(curve.significant), path: robustPath('curve.significant') }, ` ${curve.significant === 1 ? 'finds' : 'find'} a significant fall`,
      ...(curve.significant > 0 ? [' (', { text: formatNumber(clearFalls(curve)), path: robustPath('curve.clearFalls') }, ' of them with a 95% interval clear of no change too)'] : []),
      ...others.flatMap((o, k) => [k === others.length - 1 ? ' and ' : ', ', ...o]), '; the three tests of each combination share one reduction and the same people, and two of them are the same paired test under two versions of R\'s rule, so they are not independent confirmations.',
      // A view outside the grid (a 1-month window, a gap of 12) is not among them: said here, beside
      // the count, not only in the section (a reviewer at ?w=1: "180 find a significant fall" beside a rise).
      // "Not one of the combinations", not "not one of them", which read as "does not find a significant fall" (a reviewer at ?w=2&gap=1&c=violence, where the view's fall is significant).
      currentSpecification(curve, c.state) < 0 ? ` This view, ${indefinite(String(c.state.window))} ${c.state.window}-month window${(c.state.gap ?? 0) > 0 ? ` with a gap of ${formatNumber(c.state.gap!)}` : ''}, is not among the combinations: the curve's windows are ${listWords(curve.choices.windows.map(String))} months and its gaps ${listWords(curve.choices.gaps.map(String))}.` : '',
    ];
  },
} satisfies Record<string, (c: RobustnessFigureContext) => RobustSegment[]>;
export type InShortName = keyof typeof IN_SHORT;

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
