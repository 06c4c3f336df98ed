/**
 * Exact conditional distribution of the signed-rank statistic for given scores.
 *
 * With no true shift, every non-zero difference is equally likely to be positive or negative,
 * whatever the size of its rank. So V (the sum of the ranks of the positive differences) is the
 * sum of a random subset of the observed ranks z, each subset having probability 1/2^m for m
 * ranks. When the ranks are 1..m this is the classical signed-rank distribution; with ties (mid-
 * ranks such as 2.5) or with zeros ranked first and then dropped (Pratt), it is the distribution
 * conditional on the ranks actually observed. Counting the subsets with each sum is the shift
 * algorithm of Streitberg & Röhmel (1987), which R runs in C as `dpermdist1`.
 *
 * Matches R 4.6's `stats:::.psignrank(q, n, z, lower.tail)`: half-integer ranks are doubled
 * to integers, the support is 0, ½, 1, … and P(V ≤ q) sums the support points below q + 1e-8.
 * Counts are exact integers (below 2^53 for the sizes R uses this for, m < 50), so each
 * probability is an exact multiple of 1/2^m and every partial sum is exact: no rounding can
 * make this differ from R, including the upper tail R forms as 1 − P(V ≤ q − ¼).
 *
 * @example
 * psignrankConditional(3.5, [1, 2.5, 2.5], true); // => 0.5  (4 of the 8 sign patterns give V ≤ 3.5)
 */

/** Number of subsets of the (integer) scores with each sum 0 … Σ scores. */
function subsetSumCounts(scores: readonly number[]): Float64Array {
  const total = scores.reduce((s, v) => s + v, 0);
  const counts = new Float64Array(total + 1);
  counts[0] = 1;
  let reach = 0;
  for (const s of scores) {
    reach += s;
    // Either this score is among the positives (the sum shifts by s) or it is not.
    for (let k = reach; k >= s; k--) counts[k] += counts[k - s];
  }
  return counts;
}

const countCache = new Map<string, { counts: Float64Array; scale: number; m: number }>();

function distribution(ranks: readonly number[]) {
  const integer = ranks.every((r) => r === Math.floor(r));
  const scale = integer ? 1 : 2;
  const scores = ranks.map((r) => Math.round(scale * r)).sort((a, b) => a - b);
  const key = scores.join(',');
  let d = countCache.get(key);
  if (!d) {
    d = { counts: subsetSumCounts(scores), scale, m: scores.length };
    if (countCache.size > 200) countCache.delete(countCache.keys().next().value!);
    countCache.set(key, d);
  }
  return d;
}

/** P(V ≤ q) (or P(V > q) with lowerTail false, formed as R does: 1 − P(V ≤ q)). */
export function psignrankConditional(q: number, ranks: readonly number[], lowerTail = true): number {
  const { counts, scale, m } = distribution(ranks);
  // Support points are k / scale; keep those below q + 1e-8, as R's `s < q + 1e-8`.
  let below = 0;
  for (let k = 0; k < counts.length && k / scale < q + 1e-8; k++) below += counts[k];
  const p = below / 2 ** m;
  return lowerTail ? p : 1 - p;
}
