// Regression to the mean: a "null world" in which the orders do nothing.
//
// People are not given orders at random moments: an order is sought when someone has just been
// arrested a lot. Arrests are noisy, so a busy spell is partly bad luck that would not have lasted,
// and the months after it are quieter on average even if the order changes nothing. This
// simulation shows how big a fall that selection alone produces in cohorts like this one.
//
// The model, step by step (every step seeded, so the same inputs and seed give the same numbers):
// 1. Calibrate. From the cohort's arrests per person in the W months before the orders, take the
//    mean m and the variance v (R's var, n − 1). Arrests are a negative binomial count, fitted by
//    the method of moments: size = m² / (v − m), so that v = m + m²/size. If v ≤ m there is no
//    spread between people beyond Poisson noise, and everyone gets the same rate (size = null).
//    The between-person share of the variance, ρ = (v − m) / v, is the correlation between a
//    person's before and after counts in this world (0 for Poisson): the ρ of regressionToMean().
// 2. A population. `population` people each get an underlying monthly rate λ drawn from a gamma
//    distribution with shape = size and mean m / W (for Poisson, λ = m / W for all), and a history
//    of `history` months of arrests from a Poisson process with that rate (exponential gaps
//    between arrests). Rates never change: nothing in this world reduces offending.
// 3. Candidates. Every person at every month t with room for the windows (the last
//    max(W, k) months before it and W after) is a candidate order date. Their "recent arrests"
//    are the arrests in the k months before t; they "cross the threshold" when that is at least
//    `threshold` (by default the smallest count of 1 or more reached by no more than a quarter of
//    the candidates: the busiest quarter of recent histories, or as near as whole counts allow).
// 4. Selection. A candidate is given an order with probability 1 if they cross the threshold and
//    1 − selection if they do not. Selection 0: orders are given at random moments, whatever
//    happened recently. Selection 1: only to people who have just crossed the threshold. Between,
//    a mixture. Cohorts are drawn with these weights, `cohortSize` different people each.
// 5. The fall. For each of `cohorts` cohorts, 1 − (arrests in the W months after) / (arrests in
//    the W months before), as the report computes the real one. A cohort with no arrests before
//    has no fall and is left out (counted in `dropped`). With a gap g, the g months nearest the
//    order are left out on each side, as the view leaves them out: the months compared are months
//    g + 1 … W either side (the before counts, and so the rate m, are over W − g months). The
//    recent arrests an order is sought on are still the k months just before it, gap or not: a
//    gap as long as the look-back leaves out the very months the busy spell was in.
//
// The result is the sorted falls, their mean (with its Monte-Carlo standard error), the 2.5% and
// 97.5% quantiles (R's quantile type 7) and the share of simulated cohorts whose fall is at least
// the observed one: how often a world with useless orders does as well as the orders seem to.
//
// The calibration takes the before counts at face value, though they are themselves the busy
// spells that led to orders; the population is therefore, if anything, busier than the one orders
// are drawn from, and in a busier population the same noise is a smaller share of each count, so
// the simulated regression to the mean is if anything too small. The simulation needs no normal
// assumption and no sharp cutoff, unlike the closed form (stats/regressionToMean.ts).
//
// Cost: about population × history months plus cohorts × cohortSize draws; 1,000 cohorts of 41
// from 2,000 people take about 25 ms in Node (npm run bench). No Node API, so it runs in a Worker.

import { neumaierSum } from './stats/neumaier.ts';
import { quantileSorted } from './stats/quantile.ts';
import { mulberry32 } from './stats/random.ts';
import { drawer } from './stats/randomDraws.ts';

/** 26 March 2015: the Modern Slavery Act received Royal Assent. */
export const NULL_WORLD_SEED = 20150326;
export const NULL_WORLD_COHORTS = 1000;
export const NULL_WORLD_POPULATION = 2000;
/** Months of recent history an order is sought on, by default. */
export const NULL_WORLD_LOOKBACK = 6;
/** Candidate order months per person, by default, beyond the room the windows need: ten years. */
export const NULL_WORLD_EXTRA_MONTHS = 120;
/** The default threshold is the smallest count reached by no more than this share of candidates. */
export const NULL_WORLD_CROSSING_SHARE = 0.25;

export interface NullWorldOptions {
  /** W: months before and after the order (the window of the observed analysis). */
  window: number;
  /** g: months nearest the order left out on each side, as the view leaves them out (default 0); the months compared are g + 1 … W. */
  gap?: number;
  /** How strongly orders follow recent arrests: 0 (at random) … 1 (only after crossing the threshold). */
  selection: number;
  /** The observed fall 1 − after/before, for the share of simulated cohorts that fall at least as much. */
  observedFall?: number | null;
  /** k: months of recent arrests an order is sought on (default 6). */
  lookback?: number;
  /** Recent arrests (in the last k months) at or above which a candidate crosses the threshold; default derived (see above). */
  threshold?: number;
  /** Simulated cohorts (default 1,000). */
  cohorts?: number;
  /** People per cohort (default: as many as the observed cohort). */
  cohortSize?: number;
  /** Simulated people the cohorts are drawn from (default 2,000). */
  population?: number;
  /** Months of history per person (default max(W, k) + W + 120). */
  history?: number;
  seed?: number;
}

export interface NullWorldParameters {
  window: number;
  gap: number;
  selection: number;
  lookback: number;
  threshold: number;
  cohorts: number;
  cohortSize: number;
  population: number;
  history: number;
  seed: number;
  /** m and v: the observed before counts' mean and variance (R's var). */
  beforeMean: number;
  beforeVariance: number | null;
  /** Negative binomial size (gamma shape of the rates); null when the counts are no more spread than Poisson. */
  size: number | null;
  /** Mean monthly arrest rate, m / (W − g): the before counts are over the W − g months compared. */
  monthlyRate: number;
  /** ρ = (v − m) / v: the correlation of a person's before and after counts in this world (0 for Poisson). */
  correlation: number;
  /** Share of candidate months at which a person crosses the threshold. */
  crossingShare: number;
  /**
   * The chance that a simulated order follows a busy spell (a candidate crossing the threshold):
   * crossing ÷ (crossing + (1 − selection) · quiet) candidates, or c ÷ (c + (1 − s)(1 − c)) for the
   * crossing share c. Null when no candidate can be given an order (selection 1 and none crossing).
   */
  afterBusyShare: number | null;
}

export interface NullWorld {
  /** The simulated falls, ascending; cohorts with no arrests before are left out. */
  falls: number[];
  mean: number | null;
  /** Standard deviation of the falls (n − 1). */
  sd: number | null;
  /** Monte-Carlo standard error of the mean, sd / √(cohorts kept). */
  se: number | null;
  /** 2.5% and 97.5% quantiles of the falls (type 7). */
  interval: [number, number] | null;
  observedFall: number | null;
  /** How many simulated falls are ≥ the observed fall; null without an observed fall or a simulated one. */
  atLeastObserved: number | null;
  /** That count ÷ the cohorts with a fall: the share of simulated falls ≥ the observed fall. */
  shareAtLeastObserved: number | null;
  /** Cohorts left out because they had no arrests before. */
  dropped: number;
  parameters: NullWorldParameters | null;
  /** Why there is no distribution, in plain words. */
  reason?: string;
}

/**
 * Simulate `cohorts` cohorts in a world where orders do nothing, calibrated to the observed
 * arrests per person in the W months before the orders (`before`), and return the falls.
 */
export function nullWorld(before: readonly number[], options: NullWorldOptions): NullWorld {
  const W = options.window;
  const gap = options.gap ?? 0;
  const k = options.lookback ?? NULL_WORLD_LOOKBACK;
  const cohorts = options.cohorts ?? NULL_WORLD_COHORTS;
  const cohortSize = options.cohortSize ?? before.length;
  const population = options.population ?? NULL_WORLD_POPULATION;
  const history = options.history ?? Math.max(W, k) + W + NULL_WORLD_EXTRA_MONTHS;
  const seed = options.seed ?? NULL_WORLD_SEED;
  const selection = options.selection;
  const observedFall = options.observedFall ?? null;
  const whole = (x: number, min: number) => Number.isInteger(x) && x >= min;
  if (!whole(W, 1)) throw new RangeError(`nullWorld: window must be a whole number of months ≥ 1, got ${W}`);
  if (!whole(gap, 0) || gap >= W) throw new RangeError(`nullWorld: gap must be a whole number of months from 0 to window − 1 = ${W - 1}, got ${gap}`);
  if (!whole(k, 1)) throw new RangeError(`nullWorld: lookback must be a whole number of months ≥ 1, got ${k}`);
  if (!(selection >= 0 && selection <= 1)) throw new RangeError(`nullWorld: selection must be from 0 to 1, got ${selection}`);
  if (!whole(cohorts, 1)) throw new RangeError(`nullWorld: cohorts must be a whole number ≥ 1, got ${cohorts}`);
  if (!whole(population, 1)) throw new RangeError(`nullWorld: population must be a whole number ≥ 1, got ${population}`);
  if (!whole(history, Math.max(W, k) + W + 1)) throw new RangeError(`nullWorld: history must be at least max(window, lookback) + window + 1 = ${Math.max(W, k) + W + 1} months, got ${history}`);
  if (options.threshold !== undefined && !whole(options.threshold, 1)) throw new RangeError(`nullWorld: threshold must be a whole number ≥ 1, got ${options.threshold}`);
  if (before.some((x) => !(x >= 0) || !Number.isFinite(x))) throw new RangeError('nullWorld: arrests before must be counts, 0 or more');

  const none = (reason: string, parameters: NullWorldParameters | null = null): NullWorld => ({
    falls: [], mean: null, sd: null, se: null, interval: null, observedFall, atLeastObserved: null, shareAtLeastObserved: null, dropped: 0, parameters, reason,
  });
  if (before.length === 0) return none('there are no people in the analysis to model');
  if (!whole(cohortSize, 1)) throw new RangeError(`nullWorld: cohortSize must be a whole number ≥ 1, got ${cohortSize}`);
  if (cohortSize > population) return none(`a cohort of ${cohortSize} cannot be drawn from ${population} simulated people`);

  // 1. Calibrate: mean and variance of the before counts, negative binomial by moments.
  const n = before.length;
  const m = neumaierSum(before) / n;
  if (m === 0) return none('nobody was arrested before the orders, so there is no busy spell to regress from');
  const v = n > 1 ? neumaierSum(before.map((x) => (x - m) ** 2)) / (n - 1) : null;
  const size = v !== null && v > m ? (m * m) / (v - m) : null;
  const correlation = v !== null && v > m ? (v - m) / v : 0;
  const monthlyRate = m / (W - gap);

  // 2. A population: rates, then each person's monthly arrests, kept as running totals.
  const rng = mulberry32(seed);
  const draw = drawer(rng);
  const rates = new Float64Array(population);
  for (let i = 0; i < population; i++) rates[i] = size === null ? monthlyRate : draw.gamma(size) * (monthlyRate / size);
  const H = history;
  const cumulative = new Int32Array(population * (H + 1)); // cumulative[i·(H+1) + t] = arrests in months 0 … t − 1
  const monthly = new Int32Array(H);
  for (let i = 0; i < population; i++) {
    monthly.fill(0);
    const rate = rates[i];
    if (rate > 0) for (let at = draw.exponential(rate); at < H; at += draw.exponential(rate)) monthly[Math.floor(at)]++;
    const base = i * (H + 1);
    for (let t = 0; t < H; t++) cumulative[base + t + 1] = cumulative[base + t] + monthly[t];
  }
  const count = (i: number, from: number, to: number) => cumulative[i * (H + 1) + to] - cumulative[i * (H + 1) + from];

  // 3. Candidates: (person, t) with months max(W, k) … H − W as the order date; recent = the k months before.
  const first = Math.max(W, k);
  const perPerson = H - W - first + 1;
  const candidates = population * perPerson;
  const recent = new Int32Array(candidates);
  let most = 0;
  for (let i = 0; i < population; i++) {
    for (let j = 0; j < perPerson; j++) {
      const t = first + j;
      const r = count(i, t - k, t);
      recent[i * perPerson + j] = r;
      if (r > most) most = r;
    }
  }
  const reached = new Float64Array(most + 2); // reached[c] = candidates with recent ≥ c
  for (let c = 0; c < candidates; c++) reached[recent[c]]++;
  for (let c = most - 1; c >= 0; c--) reached[c] += reached[c + 1];
  let threshold = options.threshold ?? 0;
  if (options.threshold === undefined) {
    threshold = 1;
    while (threshold < most && reached[threshold] > NULL_WORLD_CROSSING_SHARE * candidates) threshold++;
  }
  const crossing = new Int32Array(reached[threshold] ?? 0);
  const quiet = new Int32Array(candidates - crossing.length);
  // which kinds of candidate each person has: 1 some crossing, 2 some quiet, 3 both
  const kinds = new Uint8Array(population);
  for (let c = 0, nc = 0, nq = 0; c < candidates; c++) {
    const i = Math.floor(c / perPerson);
    if (recent[c] >= threshold) { crossing[nc++] = c; kinds[i] |= 1; } else { quiet[nq++] = c; kinds[i] |= 2; }
  }

  // 4. Selection: a crossing candidate with weight 1, a quiet one with weight 1 − selection.
  const quietWeight = (1 - selection) * quiet.length;
  const pCrossing = crossing.length / (crossing.length + quietWeight);
  const parameters: NullWorldParameters = {
    window: W, gap, selection, lookback: k, threshold, cohorts, cohortSize, population, history, seed,
    beforeMean: m, beforeVariance: v, size, monthlyRate, correlation, crossingShare: crossing.length / candidates,
    afterBusyShare: pCrossing >= 0 ? pCrossing : null,
  };
  if (!(pCrossing >= 0)) return none('no simulated candidate can be given an order', parameters); // 0 / 0
  const eligible = (pCrossing > 0 ? 1 : 0) | (pCrossing < 1 ? 2 : 0);
  let people = 0;
  for (let i = 0; i < population; i++) if (kinds[i] & eligible) people++;
  if (people < cohortSize) {
    return none(`only ${people} simulated ${people === 1 ? 'person' : 'people'} could be given an order, fewer than a cohort of ${cohortSize}`, parameters);
  }

  // 5. Cohorts and their falls.
  const inCohort = new Int32Array(population); // cohort number + 1 of the last cohort a person joined
  const falls: number[] = [];
  let dropped = 0;
  for (let b = 0; b < cohorts; b++) {
    let pre = 0;
    let post = 0;
    for (let joined = 0; joined < cohortSize;) {
      const list = rng() < pCrossing ? crossing : quiet;
      const c = list[Math.floor(rng() * list.length)];
      const i = Math.floor(c / perPerson);
      if (inCohort[i] === b + 1) continue; // the same person twice: draw again
      inCohort[i] = b + 1;
      joined++;
      const t = first + (c - i * perPerson);
      pre += count(i, t - W, t - gap);
      post += count(i, t + gap, t + W);
    }
    if (pre > 0) falls.push(1 - post / pre);
    else dropped++;
  }
  if (falls.length === 0) return { ...none('no simulated cohort had any arrest before its orders', parameters), dropped };

  falls.sort((a, b) => a - b);
  const mean = neumaierSum(falls) / falls.length;
  const sd = falls.length > 1 ? Math.sqrt(neumaierSum(falls.map((f) => (f - mean) ** 2)) / (falls.length - 1)) : null;
  const atLeast = observedFall === null ? null : falls.length - lowerBound(falls, observedFall);
  return {
    falls,
    mean,
    sd,
    se: sd === null ? null : sd / Math.sqrt(falls.length),
    interval: [quantileSorted(falls, 0.025), quantileSorted(falls, 0.975)],
    observedFall,
    atLeastObserved: atLeast,
    shareAtLeastObserved: atLeast === null ? null : atLeast / falls.length,
    dropped,
    parameters,
  };
}

/** The first index in ascending `sorted` whose value is ≥ x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
