// Reduction = 1 − after / before, with a person-level percentile bootstrap interval.
//
// The 41 analysed people are the unit of resampling: drawing people (not events) with replacement
// keeps each person's before and after together, so the interval reflects how much the headline
// could move with a different 41 people like these. This is the nonparametric percentile interval
// (Efron & Tibshirani 1993, ch. 13); with R's boot package the equivalent is
//   boot(d, function(d, i) 1 - sum(d$post[i]) / sum(d$pre[i]), R = 2000) |> boot.ci(type = "perc")
// up to the random draws (boot.ci interpolates quantiles slightly differently; we use type 7).
// Resamples whose before-total is 0 have no reduction and are left out (counted in `dropped`);
// where a percentile interval would mislead there is none, with the reason (reductionIntervals).

import { mulberry32, randomInt } from './stats/random.ts';
import { quantileSelect } from './stats/quantileSelect.ts';

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 20150731; // the day Part 2 of the Modern Slavery Act 2015 came into force
export const BOOTSTRAP_LEVEL = 0.95;

/** 1 − post / pre, or null when there was nothing before to reduce. */
export function reduction(pre: number, post: number): number | null {
  return pre > 0 ? 1 - post / pre : null;
}

const drawCache = new Map<number, Uint32Array>();

/**
 * The resampled person indices, B × n, drawn once per sample size from a fixed seed: every
 * measure, category and window then uses the same resamples, so the same state always gives
 * the same interval, and intervals for different measures are comparable.
 */
export function bootstrapDraws(n: number, resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): Uint32Array {
  const key = n * 1e6 + resamples;
  let draws = seed === BOOTSTRAP_SEED ? drawCache.get(key) : undefined;
  if (!draws) {
    const rng = mulberry32(seed);
    draws = new Uint32Array(n * resamples);
    for (let k = 0; k < draws.length; k++) draws[k] = randomInt(rng, n);
    if (seed === BOOTSTRAP_SEED) drawCache.set(key, draws);
  }
  return draws;
}

/** What the bootstrap did for one measure: how many resamples it dropped and, if it gives no interval, why. */
export interface IntervalOutcome {
  interval: { lower: number; upper: number } | null;
  level: number;
  resamples: number;
  /** Resamples left out because their before-total was 0 (they have no reduction). */
  dropped: number;
  /** Why there is no interval, in plain words. */
  reason?: string;
}

/** Fewer people than this with any arrest in a measure make a percentile interval meaningless. */
export const MIN_CONTRIBUTORS = 10;
/** An interval built from fewer than this share of the resamples answers a different question. */
export const MAX_DROPPED_SHARE = 0.1;

/**
 * How many times each person appears in each resample, stored person by person (n × B), from
 * the draws. A resample's total is then Σ count × value over the people with a non-zero value:
 * this skips the many people with nothing in a given category, and the inner loop runs along
 * one person's counts in memory order, which keeps a full recomputation well inside a frame.
 */
const countCache = new WeakMap<Uint32Array, Uint16Array>();
function resampleCounts(draws: Uint32Array, n: number): Uint16Array {
  let counts = countCache.get(draws);
  if (!counts) {
    const resamples = draws.length / n;
    counts = new Uint16Array(draws.length);
    for (let k = 0; k < draws.length; k++) counts[draws[k] * resamples + Math.floor(k / n)]++;
    countCache.set(draws, counts);
  }
  return counts;
}

/**
 * The resampled reductions 1 − Σpost / Σpre, one per resample, in resample order; NaN where a
 * resample's before-total is 0. Exposed so that tests can hand them to R's quantile().
 */
export function resampleReductions(pre: readonly number[], post: readonly number[], draws: Uint32Array): Float64Array {
  const n = pre.length;
  const resamples = draws.length / n;
  const counts = resampleCounts(draws, n);
  const sumPre = new Float64Array(resamples);
  const sumPost = new Float64Array(resamples);
  // People are added in the same order for every resample, so totals are exactly reproducible.
  for (let i = 0; i < n; i++) {
    const x = pre[i];
    const y = post[i];
    if (x === 0 && y === 0) continue;
    const base = i * resamples;
    for (let b = 0; b < resamples; b++) {
      const c = counts[base + b];
      sumPre[b] += c * x;
      sumPost[b] += c * y;
    }
  }
  const values = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) values[b] = sumPre[b] > 0 ? 1 - sumPost[b] / sumPre[b] : NaN;
  return values;
}

/**
 * Percentile intervals for several measures at once; all share the same resampled people. A
 * measure gets no interval, with a reason, where a percentile interval would mislead: nothing
 * before to reduce, nothing after (every resample says 100%), too few people with any arrest,
 * or too many resamples with nothing before.
 */
export function reductionIntervals(
  measures: readonly { pre: readonly number[]; post: readonly number[] }[],
  draws: Uint32Array,
  level = BOOTSTRAP_LEVEL,
): IntervalOutcome[] {
  const alpha = (1 - level) / 2;
  return measures.map(({ pre, post }) => {
    const n = pre.length;
    const resamples = n === 0 ? 0 : draws.length / n;
    const none = (reason: string, dropped = 0): IntervalOutcome => ({ interval: null, level, resamples, dropped, reason });
    if (n === 0) return none('there are no people in the analysis');
    const contributors = pre.reduce((c, x, i) => (x !== 0 || post[i] !== 0 ? c + 1 : c), 0);
    if (pre.every((x) => x === 0)) return none('there was nothing before the orders to reduce');
    if (post.every((y) => y === 0)) return none('there was nothing after the orders, so every resample shows a 100% fall and an interval adds nothing');
    if (contributors < MIN_CONTRIBUTORS) {
      return none(`only ${contributors} ${contributors === 1 ? 'person has' : 'people have'} any arrest in this view, too few for a bootstrap interval to mean much`);
    }
    const values = resampleReductions(pre, post, draws);
    const usable = values.filter((v) => !Number.isNaN(v));
    const dropped = resamples - usable.length;
    if (dropped > MAX_DROPPED_SHARE * resamples) {
      return none(`${dropped} of ${resamples} resamples had nothing before the orders, so the interval would describe only the rest`, dropped);
    }
    return { interval: { lower: quantileSelect(usable, alpha), upper: quantileSelect(usable, 1 - alpha) }, level, resamples, dropped };
  });
}

/** The interval for one measure (see reductionIntervals). */
export function reductionInterval(
  pre: readonly number[],
  post: readonly number[],
  draws: Uint32Array = bootstrapDraws(pre.length),
  level = BOOTSTRAP_LEVEL,
): IntervalOutcome {
  return reductionIntervals([{ pre, post }], draws, level)[0];
}
