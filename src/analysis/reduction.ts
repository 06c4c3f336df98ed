// Reduction = 1 − after / before, with a person-level percentile bootstrap interval.
//
// The 41 analysed people are the unit of resampling: drawing people (not events) with replacement
// keeps each person's before and after together, so the interval reflects how much the headline
// could move with a different 41 people like these. This is the nonparametric percentile interval
// (Efron & Tibshirani 1993, ch. 13); with R's boot package the equivalent is
//   boot(d, function(d, i) 1 - sum(d$post[i]) / sum(d$pre[i]), R = 2000) |> boot.ci(type = "perc")
// up to the random draws (boot.ci interpolates quantiles slightly differently; we use type 7).
// Resamples whose before-total is 0 have no reduction and are left out (counted in `dropped`).

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

export interface ReductionInterval {
  lower: number;
  upper: number;
  level: number;
  resamples: number;
  /** Resamples left out because their before-total was 0. */
  dropped: number;
}

/**
 * How many times each person appears in each resample (B × n), from the draws. A resample's
 * total is then Σ count × value over the people with a non-zero value, which skips the many
 * people with nothing in a given category and keeps a full recomputation well inside a frame.
 */
const countCache = new WeakMap<Uint32Array, Uint16Array>();
function resampleCounts(draws: Uint32Array, n: number): Uint16Array {
  let counts = countCache.get(draws);
  if (!counts) {
    counts = new Uint16Array(draws.length);
    for (let k = 0; k < draws.length; k++) counts[k - (k % n) + draws[k]]++;
    countCache.set(draws, counts);
  }
  return counts;
}

/** Intervals for several measures at once; all share the same resampled people. */
export function reductionIntervals(
  measures: readonly { pre: readonly number[]; post: readonly number[] }[],
  draws: Uint32Array,
  level = BOOTSTRAP_LEVEL,
): (ReductionInterval | null)[] {
  const alpha = (1 - level) / 2;
  return measures.map(({ pre, post }) => {
    const n = pre.length;
    if (n === 0) return null;
    const counts = resampleCounts(draws, n);
    const resamples = draws.length / n;
    // Only people with something before or after contribute to a resample's totals.
    const people: number[] = [];
    for (let i = 0; i < n; i++) if (pre[i] !== 0 || post[i] !== 0) people.push(i);
    const m = people.length;
    const who = Int32Array.from(people);
    const x = Float64Array.from(people, (i) => pre[i]);
    const y = Float64Array.from(people, (i) => post[i]);
    const values = new Float64Array(resamples);
    let kept = 0;
    for (let b = 0, row = 0; b < resamples; b++, row += n) {
      let sumPre = 0;
      let sumPost = 0;
      for (let t = 0; t < m; t++) {
        const c = counts[row + who[t]];
        sumPre += c * x[t];
        sumPost += c * y[t];
      }
      if (sumPre > 0) values[kept++] = 1 - sumPost / sumPre;
    }
    // With fewer than half the resamples usable the interval would describe a different question.
    if (kept < resamples / 2) return null;
    const usable = values.subarray(0, kept);
    return {
      lower: quantileSelect(usable, alpha),
      upper: quantileSelect(usable, 1 - alpha),
      level,
      resamples,
      dropped: resamples - kept,
    };
  });
}

/** The interval for one measure (see reductionIntervals). */
export function reductionInterval(
  pre: readonly number[],
  post: readonly number[],
  draws: Uint32Array = bootstrapDraws(pre.length),
  level = BOOTSTRAP_LEVEL,
): ReductionInterval | null {
  return reductionIntervals([{ pre, post }], draws, level)[0];
}
