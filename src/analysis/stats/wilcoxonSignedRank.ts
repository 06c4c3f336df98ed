/**
 * Wilcoxon signed-rank test for paired data.
 *
 * Asks whether the paired differences d = x - y are centred on zero. Zero
 * differences carry no sign and are dropped; the remaining |d| are ranked
 * (ties averaged) and V is the sum of the ranks belonging to positive d.
 * With no true shift, V is centred on n(n + 1) / 4.
 *
 * Matches R's `wilcox.test(x, y, paired = TRUE)` with all defaults
 * (two-sided, exact = NULL, correct = TRUE):
 * - exact p from the signed-rank distribution when n < 50 and there are
 *   neither ties among |d| nor dropped zeros;
 * - otherwise a normal approximation whose variance is reduced for ties,
 *   n(n+1)(2n+1)/24 - sum(t^3 - t)/48, with a continuity correction of 0.5
 *   towards the centre.
 * Where R stops with an error (unequal lengths, no pairs) or returns NaN
 * (every difference zero: V = 0 and p = NaN) the p-value is null with a reason.
 *
 * @example
 * wilcoxonSignedRank([5, 7, 9, 4], [3, 4, 5, 5]).p; // => 0.25
 */
import { rank } from './rank.ts';
import { psignrank } from './signedRankDistribution.ts';
import { normalCdf, normalUpper } from './distributions.ts';

export interface WilcoxonResult {
  V: number | null; // R's statistic V
  p: number | null; // two-sided p, null where R has none
  method: 'exact' | 'normal' | null;
  n: number; // non-zero differences used
  zeros: number; // zero differences dropped
  ties: boolean; // ties among |d|
  reason?: string; // why p is null, in plain words
}

export function wilcoxonSignedRank(x: readonly number[], y: readonly number[]): WilcoxonResult {
  const none = { V: null, p: null, method: null, n: 0, zeros: 0, ties: false } as const;
  if (x.length !== y.length) {
    return { ...none, reason: 'the two series have different lengths, so they cannot be paired' };
  }
  if (x.length === 0) return { ...none, reason: 'there are no pairs to compare' };

  const differences = x.map((xi, i) => xi - y[i]);
  const nonZero = differences.filter((d) => d !== 0);
  const zeros = differences.length - nonZero.length;
  const n = nonZero.length;
  const ranks = rank(nonZero.map(Math.abs));
  const V = ranks.reduce((sum, r, i) => (nonZero[i] > 0 ? sum + r : sum), 0);

  // Tie groups among |d|: sizes of runs of equal ranks.
  const groupSizes = new Map<number, number>();
  for (const r of ranks) groupSizes.set(r, (groupSizes.get(r) ?? 0) + 1);
  const ties = groupSizes.size !== n;

  if (n < 50 && !ties && zeros === 0) {
    // R's two-sided rule: double the tail on V's side of the centre.
    const tail = V > (n * (n + 1)) / 4 ? psignrank(V - 1, n, false) : psignrank(V, n);
    return { V, p: Math.min(2 * tail, 1), method: 'exact', n, zeros, ties };
  }

  let tieAdjustment = 0;
  for (const t of groupSizes.values()) tieAdjustment += t ** 3 - t;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieAdjustment / 48);
  const centred = V - (n * (n + 1)) / 4;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  if (Number.isNaN(z)) {
    return { V, p: null, method: 'normal', n, zeros, ties, reason: 'every difference is zero, so there is nothing to rank' };
  }
  return { V, p: 2 * Math.min(normalCdf(z), normalUpper(z)), method: 'normal', n, zeros, ties };
}
