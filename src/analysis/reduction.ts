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

import { mulberry32, randomInt, uniformStream } from './stats/random.ts';
import { quantileSelect } from './stats/quantileSelect.ts';
import { neumaierSum } from './stats/neumaier.ts';

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 20150731; // the day Part 2 of the Modern Slavery Act 2015 came into force
export const BOOTSTRAP_LEVEL = 0.95;

/** 1 − post / pre, or null when there was nothing before to reduce. */
export function reduction(pre: number, post: number): number | null {
  return pre > 0 ? 1 - post / pre : null;
}

/**
 * Leave-one-out: the overall reduction 1 − Σpost / Σpre with each person left out in turn, in
 * person order; null where the others had nothing before. In R, for person i:
 *   if (sum(pre[-i]) > 0) 1 - sum(post[-i]) / sum(pre[-i]) else NA
 * Each total is the compensated sum of everyone less the person's own value, so a person with
 * nothing in either period leaves the reduction exactly as it was.
 */
export function leaveOneOutReductions(pre: readonly number[], post: readonly number[]): (number | null)[] {
  const sumPre = neumaierSum(pre);
  const sumPost = neumaierSum(post);
  return pre.map((x, i) => reduction(sumPre - x, sumPost - post[i]));
}

/**
 * The resampled person indices, B × n (resample b is draws[b·n … b·n + n − 1]), from a fixed seed.
 * This is the reference for what the bootstrap draws, kept for tests and fixtures: analyse() never
 * holds it, because B × n grows with the data (2,000 × 1M orders would be 8 GB). It streams the
 * same draws instead (resampleReductionsMany).
 */
export function bootstrapDraws(n: number, resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): Uint32Array {
  const rng = mulberry32(seed);
  const draws = new Uint32Array(n * resamples);
  for (let k = 0; k < draws.length; k++) draws[k] = randomInt(rng, n);
  return draws;
}

/**
 * Up to this many person-resample counts (n × B) are kept between calls, so that moving a
 * slider does not redraw them (16.7M two-byte counts, 32 MB: about 8,000 people). Above it, the
 * counts are drawn afresh on every call, a block of resamples at a time, in memory proportional to n.
 */
export const CACHED_COUNTS_LIMIT = 1 << 24;

/** Resamples counted together when the counts are kept: a block's counts are gathered in a small buffer first. */
const BLOCK = 16;

const countCache = new Map<string, Uint16Array>();

/**
 * Every person's counts in every resample, person by person (counts[i·B + b]), for data small
 * enough to keep (n × B ≤ cacheLimit): computed once per size and reused, so that moving a slider
 * costs one pass along each person's counts in memory order.
 */
function personCounts(n: number, resamples: number, seed: number): Uint16Array {
  const key = `${n}:${resamples}:${seed}`;
  let counts = countCache.get(key);
  if (!counts) {
    const rng = uniformStream(seed);
    const u = new Float64Array(n);
    counts = new Uint16Array(n * resamples);
    // The same draws as bootstrapDraws, in order. A block of resamples is counted into a small
    // buffer and then written out person by person: scattering each draw straight into the n × B
    // array would touch a new cache line for nearly every draw.
    const block = new Uint16Array(n * BLOCK);
    for (let b0 = 0; b0 < resamples; b0 += BLOCK) {
      const width = Math.min(BLOCK, resamples - b0);
      block.fill(0);
      for (let k = 0; k < width; k++) {
        rng.fill(u); // resample b0 + k's n draws; Math.floor(u · n) is randomInt's person
        for (let j = 0; j < n; j++) block[Math.floor(u[j] * n) * BLOCK + k]++;
      }
      for (let i = 0; i < n; i++) {
        for (let k = 0, to = i * resamples + b0, from = i * BLOCK; k < width; k++) counts[to + k] = block[from + k];
      }
    }
    countCache.set(key, counts);
  }
  return counts;
}

/** Where the draws come from: explicit draws (B × n, resample by resample), or the seed (the default). */
export type DrawSource = Uint32Array | { resamples?: number; seed?: number; cacheLimit?: number };

/**
 * Each person's values in the measures they have anything in (people with nothing in a measure
 * add nothing to it): person i's entries are start[i] … start[i + 1] − 1, naming the measure and
 * the person's before and after values. Listing them person by person means a person drawn 0
 * times in a resample is skipped with one test however many measures there are.
 */
interface Contributions { start: Int32Array; measureOf: Int32Array; preOf: Float64Array; postOf: Float64Array }

function contributions(measures: readonly { pre: readonly number[]; post: readonly number[] }[], n: number): Contributions {
  const start = new Int32Array(n + 1);
  for (const { pre, post } of measures) for (let i = 0; i < n; i++) if (pre[i] !== 0 || post[i] !== 0) start[i + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const measureOf = new Int32Array(start[n]);
  const preOf = new Float64Array(start[n]);
  const postOf = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  measures.forEach(({ pre, post }, m) => {
    for (let i = 0; i < n; i++) {
      if (pre[i] === 0 && post[i] === 0) continue;
      const at = fill[i]++;
      measureOf[at] = m;
      preOf[at] = pre[i];
      postOf[at] = post[i];
    }
  });
  return { start, measureOf, preOf, postOf };
}

/**
 * Kept counts (counts[i·B + b]): for each person in order, their counts for every resample (read
 * once, as numbers), then for each of their measures one pass adding count × value into that
 * measure's before and after totals (x, y: [measure][resample]). Every pass runs along arrays in
 * memory order, and a count of 0 adds 0, which changes no total.
 */
function accumulateKept(x: Float64Array, y: Float64Array, { start, measureOf, preOf, postOf }: Contributions, counts: Uint16Array, resamples: number): void {
  const n = start.length - 1;
  const row = new Float64Array(resamples);
  for (let i = 0; i < n; i++) {
    const from = start[i];
    const to = start[i + 1];
    if (from === to) continue;
    const base = i * resamples;
    for (let b = 0; b < resamples; b++) row[b] = counts[base + b];
    for (let at = from; at < to; at++) {
      const o = measureOf[at] * resamples;
      const p = preOf[at];
      const q = postOf[at];
      for (let b = 0; b < resamples; b++) {
        const c = row[b];
        x[o + b] += c * p;
        y[o + b] += c * q;
      }
    }
  }
}

/**
 * Streamed: one resample's counts at a time (n of them, never n × B), from the generator or held
 * draws; for each person drawn, count × value into each of their measures' totals (x, y:
 * [measure][resample]).
 */
function accumulateStreamed(x: Float64Array, y: Float64Array, measureCount: number, { start, measureOf, preOf, postOf }: Contributions, next: ReturnType<typeof uniformStream> | Uint32Array, resamples: number): void {
  const n = start.length - 1;
  const counts = new Uint32Array(n);
  const u = next instanceof Uint32Array ? undefined : new Float64Array(n);
  const tx = new Float64Array(measureCount);
  const ty = new Float64Array(measureCount);
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    if (next instanceof Uint32Array) for (let j = b * n; j < (b + 1) * n; j++) counts[next[j]]++;
    else {
      next.fill(u!); // this resample's n draws; Math.floor(u · n) is randomInt's person
      for (let j = 0; j < n; j++) counts[Math.floor(u![j] * n)]++;
    }
    tx.fill(0);
    ty.fill(0);
    for (let i = 0; i < n; i++) {
      const c = counts[i];
      if (c === 0) continue;
      for (let at = start[i]; at < start[i + 1]; at++) {
        tx[measureOf[at]] += c * preOf[at];
        ty[measureOf[at]] += c * postOf[at];
      }
    }
    for (let m = 0; m < measureCount; m++) {
      x[m * resamples + b] = tx[m];
      y[m * resamples + b] = ty[m];
    }
  }
}

/**
 * The resampled reductions 1 − Σpost / Σpre of several measures over the same resamples, one
 * array per measure in resample order; NaN where a resample's before-total is 0.
 *
 * Each resample's total adds count × value over the people with anything in the measure, in
 * person order, whichever way the draws are stored, so the numbers are the same to the last bit:
 * - small data: counts kept person by person (personCounts) and reused between calls;
 * - large data: the draws streamed from the seed one resample at a time, holding n counts, never
 *   n × B (2,000 × 1M orders would be 8 GB of draws);
 * - explicit draws (tests, fixtures): counted one resample at a time, as when streaming.
 * Either way each person is visited once per resample at most, adding into all their measures.
 */
export function resampleReductionsMany(measures: readonly { pre: readonly number[]; post: readonly number[] }[], source: DrawSource = {}): Float64Array[] {
  if (measures.length === 0) return [];
  const n = measures[0].pre.length;
  const held = source instanceof Uint32Array ? source : undefined;
  const resamples = held ? held.length / Math.max(n, 1) : (source as { resamples?: number }).resamples ?? BOOTSTRAP_RESAMPLES;
  const seed = held ? BOOTSTRAP_SEED : (source as { seed?: number }).seed ?? BOOTSTRAP_SEED;
  const cacheLimit = held ? -1 : (source as { cacheLimit?: number }).cacheLimit ?? CACHED_COUNTS_LIMIT;
  const M = measures.length;
  const x = new Float64Array(resamples * M);
  const y = new Float64Array(resamples * M);
  if (n > 0) {
    const who = contributions(measures, n);
    if (n * resamples <= cacheLimit) accumulateKept(x, y, who, personCounts(n, resamples, seed), resamples);
    else accumulateStreamed(x, y, M, who, held ?? uniformStream(seed), resamples);
  }
  return measures.map((_, m) => {
    const values = new Float64Array(resamples);
    for (let b = 0, o = m * resamples; b < resamples; b++) {
      const before = x[o + b];
      values[b] = before > 0 ? 1 - y[o + b] / before : NaN;
    }
    return values;
  });
}

/** The resampled reductions of one measure (see resampleReductionsMany). Exposed so that tests can hand them to R's quantile(). */
export function resampleReductions(pre: readonly number[], post: readonly number[], source: DrawSource = {}): Float64Array {
  return resampleReductionsMany([{ pre, post }], source)[0];
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
 * Percentile intervals for several measures at once; all share the same resampled people. A
 * measure gets no interval, with a reason, where a percentile interval would mislead: nothing
 * before to reduce, nothing after (every resample says 100%), too few people with any arrest,
 * or too many resamples with nothing before.
 */
export function reductionIntervals(
  measures: readonly { pre: readonly number[]; post: readonly number[]; harm?: boolean }[],
  source: DrawSource = {},
  level = BOOTSTRAP_LEVEL,
): IntervalOutcome[] {
  const alpha = (1 - level) / 2;
  const all = source instanceof Uint32Array ? source.length / Math.max(measures[0]?.pre.length ?? 1, 1) : source.resamples ?? BOOTSTRAP_RESAMPLES;
  // Only the measures that get an interval are resampled, all in one pass over the resamples.
  const outcomes: (IntervalOutcome | { pre: readonly number[]; post: readonly number[] })[] = measures.map(({ pre, post, harm }) => {
    const n = pre.length;
    const resamples = n === 0 ? 0 : all;
    const none = (reason: string, dropped = 0): IntervalOutcome => ({ interval: null, level, resamples, dropped, reason });
    if (n === 0) return none('there are no people in the analysis');
    const contributors = pre.reduce((c, x, i) => (x !== 0 || post[i] !== 0 ? c + 1 : c), 0);
    if (pre.every((x) => x === 0)) return none('there was nothing before the orders to reduce');
    if (post.every((y) => y === 0)) return none('there was nothing after the orders, so every resample shows a 100% fall and an interval adds nothing');
    if (contributors < MIN_CONTRIBUTORS) {
      // Harm counts the people with any harm (an arrest may carry none): "any arrest" there contradicted the arrests' own count (an analyst).
      return none(`only ${contributors} ${contributors === 1 ? 'person has' : 'people have'} any ${harm ? 'recorded harm' : 'arrest'} in this view, too few for a bootstrap interval to mean much`);
    }
    return { pre, post };
  });
  const pending = outcomes.filter((o): o is { pre: readonly number[]; post: readonly number[] } => !('level' in o));
  const values = resampleReductionsMany(pending, source);
  return outcomes.map((o) => {
    if ('level' in o) return o;
    const resamples = all;
    const usable = values[pending.indexOf(o)].filter((v) => !Number.isNaN(v));
    const dropped = resamples - usable.length;
    if (dropped > MAX_DROPPED_SHARE * resamples) {
      return { interval: null, level, resamples, dropped, reason: `${dropped} of ${resamples} resamples had nothing before the orders, so the interval would describe only the rest` };
    }
    return { interval: { lower: quantileSelect(usable, alpha), upper: quantileSelect(usable, 1 - alpha) }, level, resamples, dropped };
  });
}

/** The interval for one measure (see reductionIntervals). */
export function reductionInterval(
  pre: readonly number[],
  post: readonly number[],
  source: DrawSource = {},
  level = BOOTSTRAP_LEVEL,
): IntervalOutcome {
  return reductionIntervals([{ pre, post }], source, level)[0];
}
