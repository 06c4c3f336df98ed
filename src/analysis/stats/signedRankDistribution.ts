/**
 * Exact null distribution of the Wilcoxon signed-rank statistic V.
 *
 * With n non-zero, untied differences and no true shift, each rank 1..n is
 * equally likely to carry a plus or a minus sign, so V (the sum of the
 * positive ranks) is the sum of a random subset of {1, ..., n}. All 2^n
 * subsets are equally likely; P(V = k) is the number of subsets summing to k
 * divided by 2^n. Those counts come from a subset-sum dynamic programme.
 * Counts stay below 2^49 for n <= 49, so doubles hold them exactly.
 *
 * Matches R 4.2's `psignrank(q, n, lower.tail)` (src/nmath/signrank.c): q is
 * rounded to the nearest integer after adding 1e-7 (so q = 2.5 counts as 3),
 * and the shorter tail is summed with the other obtained by complement,
 * exactly as R does. R 4.6.0 floors a non-integer q instead (q = 2.5 counts
 * as 2; see the psignrank(2.5, 4) fixture). The two agree on integer q, the
 * only q the Wilcoxon test passes here (V is an integer when it is exact).
 *
 * @example
 * psignrank(3, 5); // => 0.15625  (5 of the 32 sign patterns give V <= 3)
 */

/** Number of subsets of {1..n} with each sum 0..n(n+1)/2. */
function subsetSumCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let r = 1; r <= n; r++) {
    // Either rank r is positive (sum shifts by r) or it is not.
    for (let k = (r * (r + 1)) / 2; k >= r; k--) counts[k] += counts[k - r];
  }
  return counts;
}

export function psignrank(q: number, n: number, lowerTail = true): number {
  if (!Number.isFinite(n) || Number.isNaN(q)) return NaN;
  const size = Math.floor(n + 0.5);
  if (size <= 0) return NaN;
  let x = Math.round(q + 1e-7);
  const max = (size * (size + 1)) / 2;
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= max) return lowerTail ? 1 : 0;

  const counts = subsetSumCounts(size);
  const weight = Math.exp(-size * Math.LN2); // 1 / 2^n, as R computes it
  let p = 0;
  let tail = lowerTail;
  if (x <= max / 2) {
    for (let k = 0; k <= x; k++) p += counts[k] * weight;
  } else {
    // By symmetry P(V <= x) = 1 - P(V <= max - x - 1): sum the short side.
    x = max - x;
    for (let k = 0; k < x; k++) p += counts[k] * weight;
    tail = !tail;
  }
  return tail ? p : 0.5 - p + 0.5;
}
