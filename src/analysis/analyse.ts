// analyse(dataset, options) → the whole study for one state of the controls.
//
// Steps: choose window, gap, categories and harm weights → per-order before/after totals → for events and harm,
// overall and per category: totals, reduction with its bootstrap interval, the paired Wilcoxon
// signed-rank test (as current R, or as R ≤ 4.5 on request), the sign test and (across the categories shown) Holm-adjusted p → the post-order monthly
// trend (OLS slope, Kendall's tau) → the interrupted time series (segmented regression, as straight lines and
// as a quasi-Poisson model of the log count) → the monthly events–harm correlation (Pearson, Spearman).
// A gap K leaves months −K … −1 and 1 … K out of every figure (the "donut" around the order); the
// trend then runs over months K+1 … W and the interrupted time series over −W … −(K+1), K+1 … W.
// Weights take each event's harm from the dataset's harm index by offence (low, central or high).
// The result is plain JSON: the CLI prints it, the pages render it, the tests check it.

import { categoryName } from './categories.ts';
import { DataError, OptionError } from './errors.ts';
import { BOOTSTRAP_LEVEL, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, leaveOneOutReductions, reduction, reductionIntervals, type IntervalOutcome } from './reduction.ts';
import { holm } from './stats/holm.ts';
import { signTest } from './stats/signTest.ts';
import { busiestTenth } from './stats/busiestTenth.ts';
import { kendallTest } from './stats/kendallTau.ts';
import { linearTrend } from './stats/linearRegression.ts';
import { segmentedRegression } from './stats/segmentedRegression.ts';
import { countSegmentedRegression } from './stats/countSegmentedRegression.ts';
import { pearsonTest } from './stats/pearson.ts';
import { spearmanTest } from './stats/spearman.ts';
import { neumaierSum } from './stats/neumaier.ts';
import { WILCOXON_RULES, wilcoxonSignedRank, type WilcoxonRule } from './stats/wilcoxonSignedRank.ts';
import { monthlyTotals, perOrderTotals, windowedEvents, type HarmSource, type MonthTotal, type PeriodTotals } from './tables.ts';
import { WEIGHT_COLUMNS, WEIGHT_SETS, type AnalysisOptions, type Dataset } from './types.ts';

/** The paired Wilcoxon signed-rank test of before against after (stats/wilcoxonSignedRank.ts). */
export interface PairedTest {
  /** R's V: the sum of the ranks of the positive before − after differences. */
  V: number | null;
  p: number | null;
  /** Holm-adjusted p across the categories shown (per-category results only). */
  pAdjusted?: number | null;
  /** R's own method string, e.g. "Wilcoxon signed rank exact test"; null where R has no result. */
  method: string | null;
  /** Exact p-value (true) or normal approximation (false); null where there is no test. */
  exact: boolean | null;
  /** The continuity-corrected normal deviate, when the approximation is used. */
  z: number | null;
  /** People whose before and after differ (the others carry no information about direction). */
  n: number;
  /** People whose before and after are equal. */
  zeros: number;
  /** People whose absolute change equals someone else's (they share a rank). */
  ties: number;
  reason?: string;
}

export interface Measure {
  pre: number;
  post: number;
  /** 1 − post / pre; null when pre is 0. */
  reduction: number | null;
  /** 95% person-level bootstrap interval for the reduction, [lower, upper]; null when it cannot be formed. */
  ci: [number, number] | null;
  /** What the bootstrap did for this measure: resamples dropped, and why there is no interval if there is none. */
  bootstrap: { dropped: number; reason?: string };
  test: PairedTest;
  /** The sign test (stats/signTest.ts): of the n people whose before and after differ, `fewer` are lower after; p as R's binom.test(fewer, n), null when n = 0. */
  sign: { n: number; fewer: number; p: number | null; reason?: string };
}

export interface Trend {
  /** Change per month in the monthly total, months gap+1 … W after the order. */
  slope: number | null;
  /** The fitted line's value at month 0, so that the line is intercept + slope × month. */
  intercept: number | null;
  p: number | null;
  tau: number | null;
  tauP: number | null;
  tauMethod: 'exact' | 'normal' | null;
  reason?: string;
}

/** The interrupted time series over the analysed months' totals (stats/segmentedRegression.ts). */
export interface InterruptedSeries {
  /** The line before the order, at month 0. */
  intercept: number | null;
  /** Change per month before the order, with its t-test p (is there a trend before the order at all?). */
  preSlope: number | null;
  preSlopeP: number | null;
  /** The jump at the order between the two fitted lines at month 0, with its t-test p. */
  level: number | null;
  levelP: number | null;
  /** Slope after minus slope before, with its t-test p. */
  slopeChange: number | null;
  slopeChangeP: number | null;
  /**
   * The same two tests allowing for autocorrelated months (Newey–West standard errors over
   * `hacLag` months; stats/segmentedRegression.ts); null where there is no ordinary p.
   */
  hacLag: number | null;
  preSlopePHac: number | null;
  levelPHac: number | null;
  slopeChangePHac: number | null;
  reason?: string;
  /**
   * The same two lines fitted to the logarithm of the expected monthly value, a quasi-Poisson
   * regression (stats/countSegmentedRegression.ts; R's glm(y ~ month + post + tPost, family =
   * quasipoisson)): the step at the order as a ratio (the line after over the line before at month 0),
   * the change in slope as a ratio of month-on-month ratios, each with its t-test p, and the dispersion
   * the p-values allow for. Null, with countReason, where the log lines have no finite fit.
   */
  levelRatio: number | null;
  levelRatioP: number | null;
  /** The step's 95% interval, exp(b ± t · se); an end is null where it is beyond a double. */
  levelRatioLow: number | null;
  levelRatioHigh: number | null;
  slopeChangeRatio: number | null;
  slopeChangeRatioP: number | null;
  slopeChangeRatioLow: number | null;
  slopeChangeRatioHigh: number | null;
  /** The month-on-month ratio before the order (with its p: is there a trend before it?) and after it. */
  preSlopeRatio: number | null;
  preSlopeRatioP: number | null;
  postSlopeRatio: number | null;
  dispersion: number | null;
  countReason?: string;
}

export interface PerOrderRow {
  order: string;
  eventsPre: number;
  eventsPost: number;
  harmPre: number;
  harmPost: number;
  /** The overall reduction in arrests without this person, minus the reduction with everyone; null where either is undefined. */
  influenceEvents: number | null;
  /** The same for harm. */
  influenceHarm: number | null;
}

export interface AnalysisResult {
  window: number;
  /** Months left out either side of the order: −gap … −1 and 1 … gap (0: none). */
  gap: number;
  /** Which R the paired tests follow: 'current' (R 4.6) or 'legacy' (R ≤ 4.5). */
  wilcoxon: WilcoxonRule;
  /**
   * Where each event's harm comes from: 'data', the harm the dataset carries (events.csv's harm
   * column, or the index's harm_days where the file had none); or a weight set of the harm index by
   * offence: 'central' (harm_days), 'low' (sens_low), 'high' (sens_high).
   */
  weights: HarmSource;
  categories: string[];
  categoryNames: Record<string, string>;
  /** What the data allow: the widest window and every category present. */
  domain: { span: number; categories: string[] };
  /** Number of analysed orders (people), including those with no events. */
  orders: number;
  /** The register and why orders are in or out of the analysis (the 114 → 49 → 41 flow). */
  sample: { register: number; withFollowup: number; analysed: number; excludedData: number; excludedFollowup: number };
  events: Measure;
  harm: Measure;
  byCategory: Record<string, { events: Measure; harm: Measure }>;
  trend: { events: Trend; harm: Trend };
  /** lm(y ~ month + post + tPost) over the analysed months' totals; p-values assume independent months. */
  its: { events: InterruptedSeries; harm: InterruptedSeries };
  correlation: {
    pearson: { r: number | null; p: number | null; reason?: string };
    spearman: { rho: number | null; p: number | null; method: string | null; reason?: string };
  };
  /** Totals per analysed month, −W … −(gap+1) then gap+1 … W. */
  monthly: MonthTotal[];
  perOrder: PerOrderRow[];
  /** The range of the overall reduction when each analysed person is left out in turn (null when no such reduction exists). */
  leaveOneOut: { events: { min: number | null; max: number | null }; harm: { min: number | null; max: number | null } };
  /**
   * The busiest tenth of the analysed people by arrests before their orders (n ÷ 10 rounded half
   * up, at least one; none with nobody analysed), the arrests before that they carry, and their
   * share of all the arrests before (null with none): how far a few people carry the totals; and
   * the reduction in arrests of everyone else (null when they had none before), which regression
   * to the mean among the busiest does not drive.
   */
  busiestTenth: {
    people: number; events: number; share: number | null; othersReduction: number | null;
    /**
     * People tied with the last of the tenth but left out of it (the earlier of equals counts as
     * busier), and the lowest and highest the others' reduction can be over every choice among the
     * tied: null when no one tied is left out, or the others had no arrests before.
     */
    tiedOut: number; othersReductionLow: number | null; othersReductionHigh: number | null;
  };
  bootstrap: { resamples: number; seed: number; level: number };
}

/** The options with defaults filled in, checked against the data: an OptionError (or, for an offence the harm index lacks, a DataError) otherwise. */
export function resolveOptions(dataset: Dataset, options: AnalysisOptions = {}): { window: number; gap: number; categories: string[]; wilcoxon: WilcoxonRule; weights: HarmSource } {
  const wilcoxon = options.wilcoxon ?? 'current';
  if (!WILCOXON_RULES.includes(wilcoxon)) {
    throw new OptionError('wilcoxon', `"${wilcoxon}" is not one of ${WILCOXON_RULES.join(', ')}`);
  }
  const window = options.window ?? dataset.span;
  if (!Number.isInteger(window) || window < 1 || window > dataset.span) {
    throw new OptionError('window', `${window} is outside 1 … ${dataset.span}, the months these data cover`);
  }
  const gap = options.gap ?? 0;
  if (!Number.isInteger(gap) || gap < 0 || gap >= window) {
    throw new OptionError('gap', `${gap} is not a whole number of months from 0 to ${window - 1} (the gap must be less than the window of ${window})`);
  }
  const requested = options.categories ?? dataset.categories;
  const unknown = requested.filter((c) => !dataset.categories.includes(c));
  if (unknown.length > 0) {
    throw new OptionError('categories', `${unknown.join(', ')} not in the data (known: ${dataset.categories.join(', ')})`);
  }
  const weights = resolveWeights(dataset, options.weights);
  // Keep the dataset's display order whatever order the reader listed them in.
  return { window, gap, categories: dataset.categories.filter((c) => requested.includes(c)), wilcoxon, weights };
}

/** 'data' without weights (or with 'data'); with a weight set, the set if the dataset's harm index has it and lists every event's offence. */
function resolveWeights(dataset: Dataset, weights: AnalysisOptions['weights']): HarmSource {
  if (weights === undefined || weights === 'data') return 'data';
  if (!WEIGHT_SETS.includes(weights)) throw new OptionError('weights', `"${weights}" is not one of ${WEIGHT_SETS.join(', ')} (or data, the harm as recorded)`);
  const index = dataset.harmIndex;
  if (!index) throw new OptionError('weights', 'these data have no harm index to take weights from; give one (a harm-index.csv) with the data');
  if (!index.sets.includes(weights)) throw new OptionError('weights', `the harm index ${index.file} has no ${WEIGHT_COLUMNS[weights]} column, so it has no ${weights} weights`);
  const [first, ...rest] = index.unmatched;
  if (first) {
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'event' : 'events'} whose offence the index does not list)`;
    throw new DataError(first, first.message + more);
  }
  return weights;
}

export function analyse(dataset: Dataset, options: AnalysisOptions = {}): AnalysisResult {
  const { window, gap, categories, wilcoxon, weights } = resolveOptions(dataset, options);
  const windowed = windowedEvents(dataset, window, categories, { gap, weights });
  const totals = perOrderTotals(dataset, windowed, categories);

  // Every (group, measure) pair the result reports, overall and per category; the intervals are
  // computed together so that all of them share the same resampled people.
  // The overall group is keyed '' (no category code can be empty), so a category called 'overall' cannot collide.
  const groups: [string, PeriodTotals][] = [['', totals.overall], ...categories.map((c): [string, PeriodTotals] => [c, totals.byCategory[c]])];
  const series = groups.flatMap(([group, t]) => [
    { group, which: 'events' as const, pre: t.eventsPre, post: t.eventsPost },
    { group, which: 'harm' as const, pre: t.harmPre, post: t.harmPost },
  ]);
  const intervals = cachedIntervals(dataset, series, `${window}|${gap}|${weights}`, categories);
  const measured = series.map(({ group, pre, post }, k): Measure => {
    const sumPre = neumaierSum(pre);
    const sumPost = neumaierSum(post);
    const { interval, dropped, reason } = intervals[k];
    const w = wilcoxonSignedRank(pre, post, wilcoxon);
    const test: PairedTest = withReason({ V: w.V, p: w.p, method: w.method, exact: w.exact, z: w.z, n: w.n, zeros: w.zeros, ties: w.ties }, w.reason);
    const s = signTest(pre, post);
    return {
      pre: sumPre,
      post: sumPost,
      reduction: reduction(sumPre, sumPost),
      ci: interval ? [interval.lower, interval.upper] : null,
      // A category's reason is about the category, not the whole view (a re-check: "only 3 people have
      // any arrest in this view" in a category's row, where the view had many more).
      bootstrap: withReason({ dropped }, group && reason ? reason.replace(' in this view', ' in this category') : reason),
      test,
      sign: withReason({ n: s.n, fewer: s.fewer, p: s.p }, s.reason),
    };
  });

  const measureOf = (group: string, which: 'events' | 'harm') => measured[series.findIndex((s) => s.group === group && s.which === which)];
  const byCategory: AnalysisResult['byCategory'] = {};
  for (const c of categories) byCategory[c] = { events: measureOf(c, 'events'), harm: measureOf(c, 'harm') };
  for (const which of ['events', 'harm'] as const) {
    const adjusted = holm(categories.map((c) => byCategory[c][which].test.p));
    categories.forEach((c, k) => (byCategory[c][which].test.pAdjusted = adjusted[k]));
  }

  const monthly = monthlyTotals(windowed, window, gap);
  const after = monthly.filter((m) => m.month > 0);
  const trend = (values: number[]): Trend => {
    const months = after.map((m) => m.month);
    const ols = linearTrend(months, values);
    const k = kendallTest(months, values);
    const t: Trend = { slope: ols.slope, intercept: ols.intercept, p: ols.p, tau: k.tau, tauP: k.p, tauMethod: k.method };
    const reason = ols.reason ?? k.reason;
    if (reason) t.reason = reason;
    return t;
  };
  const its = (values: number[]): InterruptedSeries => {
    const f = segmentedRegression(monthly.map((m) => m.month), values);
    const c = countSegmentedRegression(monthly.map((m) => m.month), values);
    const series: InterruptedSeries = withReason({
      intercept: f.intercept, preSlope: f.preSlope, preSlopeP: f.preSlopeP, level: f.level, levelP: f.levelP, slopeChange: f.slopeChange, slopeChangeP: f.slopeChangeP,
      hacLag: f.hacLag, preSlopePHac: f.preSlopePHac, levelPHac: f.levelPHac, slopeChangePHac: f.slopeChangePHac,
      levelRatio: c.levelRatio, levelRatioP: c.levelRatioP, levelRatioLow: c.levelRatioLow, levelRatioHigh: c.levelRatioHigh,
      slopeChangeRatio: c.slopeChangeRatio, slopeChangeRatioP: c.slopeChangeRatioP, slopeChangeRatioLow: c.slopeChangeRatioLow, slopeChangeRatioHigh: c.slopeChangeRatioHigh,
      preSlopeRatio: c.preSlopeRatio, preSlopeRatioP: c.preSlopeRatioP, postSlopeRatio: c.postSlopeRatio, dispersion: c.dispersion,
    }, f.reason);
    if (c.reason) series.countReason = c.reason;
    return series;
  };
  const pearson = pearsonTest(monthly.map((m) => m.events), monthly.map((m) => m.harm));
  const spearman = spearmanTest(monthly.map((m) => m.events), monthly.map((m) => m.harm));

  // Leave-one-out: the overall reduction without each person in turn (reduction.ts).
  const without = {
    events: leaveOneOutReductions(totals.overall.eventsPre, totals.overall.eventsPost),
    harm: leaveOneOutReductions(totals.overall.harmPre, totals.overall.harmPost),
  };
  // How far a few people carry the arrests before the orders (stats/busiestTenth.ts).
  const busiest = busiestTenth(totals.overall.eventsPre, totals.overall.eventsPost);

  const full = { events: measureOf('', 'events').reduction, harm: measureOf('', 'harm').reduction };
  const influence = (which: 'events' | 'harm', k: number) => {
    const r = without[which][k];
    return r === null || full[which] === null ? null : r - full[which]!;
  };
  const range = (values: (number | null)[]) => {
    const v = values.filter((x): x is number => x !== null);
    // A loop, not Math.min(...v): spreading 100,000+ people into arguments overflows the call stack.
    let min = Infinity;
    let max = -Infinity;
    for (const x of v) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    return v.length === 0 ? { min: null, max: null } : { min, max };
  };

  return {
    window,
    gap,
    wilcoxon,
    weights,
    categories,
    categoryNames: Object.fromEntries(categories.map((c) => [c, dataset.categoryNames?.[c] ?? categoryName(c)])),
    domain: { span: dataset.span, categories: [...dataset.categories] },
    orders: totals.ids.length,
    sample: {
      register: dataset.orders.length,
      withFollowup: dataset.orders.filter((o) => o.sample !== 'excluded_followup').length,
      analysed: totals.ids.length,
      excludedData: dataset.orders.filter((o) => o.sample === 'excluded_data').length,
      excludedFollowup: dataset.orders.filter((o) => o.sample === 'excluded_followup').length,
    },
    events: measureOf('', 'events'),
    harm: measureOf('', 'harm'),
    byCategory,
    trend: { events: trend(after.map((m) => m.events)), harm: trend(after.map((m) => m.harm)) },
    its: { events: its(monthly.map((m) => m.events)), harm: its(monthly.map((m) => m.harm)) },
    correlation: {
      pearson: withReason({ r: pearson.r, p: pearson.p }, pearson.reason),
      spearman: withReason({ rho: spearman.rho, p: spearman.p, method: spearman.method }, spearman.reason),
    },
    monthly,
    perOrder: totals.ids.map((order, k) => ({
      order,
      eventsPre: totals.overall.eventsPre[k],
      eventsPost: totals.overall.eventsPost[k],
      harmPre: totals.overall.harmPre[k],
      harmPost: totals.overall.harmPost[k],
      influenceEvents: influence('events', k),
      influenceHarm: influence('harm', k),
    })),
    leaveOneOut: { events: range(without.events), harm: range(without.harm) },
    busiestTenth: {
      people: busiest.people, events: busiest.top, share: busiest.share, othersReduction: reduction(busiest.othersBefore, busiest.othersAfter),
      tiedOut: busiest.tiedOut,
      othersReductionLow: busiest.tiedOut === 0 ? null : reduction(busiest.othersBefore, busiest.othersAfterMost),
      othersReductionHigh: busiest.tiedOut === 0 ? null : reduction(busiest.othersBefore, busiest.othersAfterLeast),
    },
    bootstrap: { resamples: totals.ids.length === 0 ? 0 : BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED, level: BOOTSTRAP_LEVEL },
  };
}

/**
 * Bootstrap intervals remembered per dataset, by what each depends on. A category's own measure
 * depends only on the window, the gap, the weights and the category, not on which other categories
 * are shown; and every interval is drawn from the same seeded resamples of the same people, so it
 * is the same whether computed alone or beside others. Ticking a category box then resamples only
 * the overall measures (two series instead of ten): same numbers, a fifth of the work.
 */
const intervalCache = new WeakMap<Dataset, Map<string, IntervalOutcome>>();
const INTERVAL_CACHE_SIZE = 2_000;

function cachedIntervals(dataset: Dataset, series: readonly { group: string; which: string; pre: number[]; post: number[] }[], setting: string, categories: readonly string[]): IntervalOutcome[] {
  let cache = intervalCache.get(dataset);
  if (!cache) intervalCache.set(dataset, (cache = new Map()));
  const keys = series.map((s) => `${setting}|${s.which}|${s.group === '' ? `all:${categories.join(',')}` : `c:${s.group}`}`);
  const known = keys.map((key) => cache.get(key));
  const missing = series.flatMap((_, k) => (known[k] ? [] : [k]));
  if (missing.length > 0) {
    const fresh = reductionIntervals(missing.map((k) => ({ ...series[k], harm: series[k].which === 'harm' })));
    if (cache.size + fresh.length > INTERVAL_CACHE_SIZE) cache.clear();
    missing.forEach((k, j) => {
      known[k] = fresh[j];
      cache.set(keys[k], fresh[j]);
    });
  }
  return known as IntervalOutcome[];
}

function withReason<T extends object>(value: T, reason: string | undefined): T & { reason?: string } {
  return reason ? { ...value, reason } : value;
}
