/**
 * Exact binomial test, two-sided, of the hypothesis that each trial succeeds with probability ½.
 *
 * Of n independent yes/no trials, x came out "yes". If yes and no were equally likely, the number
 * of yeses would follow the binomial distribution P(k) = C(n, k) / 2ⁿ. The two-sided p-value is
 * the probability, under that distribution, of an outcome at least as unlikely as the one seen:
 * the sum of P(k) over every k with P(k) ≤ P(x). There is no approximation and no continuity
 * correction; it is a count of equally likely sign patterns.
 *
 * Matches R's `binom.test(x, n)$p.value` (p = 0.5, alternative "two.sided"), including R's rule
 * for "at least as unlikely": an outcome on the far side counts when P(k) ≤ P(x) × (1 + 1e-7), so
 * that outcomes equal to P(x) up to rounding are included. With p = ½ the distribution is
 * symmetric, so this gives twice the shorter tail, capped at 1, and exactly 1 when x = n/2.
 *
 * The probabilities are built by the recurrence C(n, k+1) = C(n, k)(n − k)/(k + 1) outward from
 * the middle, scaled so the middle term is 1 and normalised by their sum: nothing overflows for
 * any n, far-tail terms merely underflow to 0, and each tail is summed term by term (not as
 * 1 − the rest), so a small p keeps its relative accuracy.
 *
 * Where R stops with an error (n not a positive integer, or x not an integer in 0..n), the result
 * has a null p and a reason.
 *
 * @example
 * binomialTest(1, 10).p; // => 0.021484375  (22 of the 1024 patterns are as lopsided: 0, 1, 9 or 10 yeses)
 */

export interface BinomialTestResult {
  /** Successes. */
  x: number;
  /** Trials. */
  n: number;
  /** Two-sided p-value; null where R gives an error. */
  p: number | null;
  reason?: string;
}

/** R's tolerance for "as unlikely as the observed outcome". */
const REL_ERR = 1 + 1e-7;

export function binomialTest(x: number, n: number): BinomialTestResult {
  if (!Number.isInteger(n) || n < 1) {
    return { x, n, p: null, reason: 'there are no trials to test (R needs at least one)' };
  }
  if (!Number.isInteger(x) || x < 0 || x > n) {
    return { x, n, p: null, reason: 'the count of successes must be a whole number from 0 to the number of trials' };
  }
  const pmf = binomialHalfProbabilities(n);
  const d = pmf[x];
  const m = n / 2;
  if (x === m) return { x, n, p: 1 };
  let p = 0;
  if (x < m) {
    // The lower tail up to x, plus every k on the upper side at least as unlikely as x.
    for (let k = 0; k <= x; k++) p += pmf[k];
    for (let k = n; k >= Math.ceil(m) && pmf[k] <= d * REL_ERR; k--) p += pmf[k];
  } else {
    for (let k = n; k >= x; k--) p += pmf[k];
    for (let k = 0; k <= Math.floor(m) && pmf[k] <= d * REL_ERR; k++) p += pmf[k];
  }
  return { x, n, p: Math.min(1, p) };
}

/**
 * P(k) = C(n, k) / 2ⁿ for k = 0..n.
 *
 * Up to n = 1022, 2⁻ⁿ is an ordinary double, so the recurrence starts there and climbs to the
 * middle: while C(n, k) stays below 2⁵³ (every n up to 56) each P(k) is exact, so a p that is a
 * whole number of patterns over 2ⁿ (6 people all lower: 2/64) comes out exactly, 0.03125, as the
 * signed-rank test's exact p does, and prints the same. Beyond that the scaled form below, whose
 * terms cannot underflow at the middle, is used. The upper half mirrors the lower, so both tails
 * compare equal terms.
 */
function binomialHalfProbabilities(n: number): number[] {
  const w = new Array<number>(n + 1).fill(0);
  const mid = Math.floor(n / 2);
  if (n <= 1022) {
    w[0] = 2 ** -n;
    for (let k = 0; k < mid; k++) w[k + 1] = (w[k] * (n - k)) / (k + 1);
    for (let k = mid + 1; k <= n; k++) w[k] = w[n - k];
    return w;
  }
  w[mid] = 1;
  for (let k = mid; k < n; k++) w[k + 1] = (w[k] * (n - k)) / (k + 1);
  for (let k = mid; k > 0; k--) w[k - 1] = (w[k] * k) / (n - k + 1);
  // Sum smallest first to keep the rounding down.
  const total = [...w].sort((a, b) => a - b).reduce((s, v) => s + v, 0);
  return w.map((v) => v / total);
}
