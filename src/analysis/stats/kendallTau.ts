/**
 * Kendall's rank correlation tau-b and its test of independence.
 *
 * Over all pairs of observations, count concordant pairs (x and y move the
 * same way) minus discordant ones: S = sum sign(dx) * sign(dy). Tau-b divides
 * S by sqrt(pairs untied in x * pairs untied in y), so it reaches +-1 even
 * with ties.
 *
 * Matches R's `cor.test(x, y, method = "kendall")` with defaults:
 * - no ties and n < 50: exact p from the distribution of
 *   T = round((tau + 1) n(n - 1) / 4) concordant pairs; two-sided p doubles
 *   the tail on T's side of n(n - 1) / 4, capped at 1;
 * - otherwise z = S / sqrt(var_S), with R's tie-corrected variance
 *   (v0 - vt - vu)/18 + v1/(2n(n-1)) + v2/(9n(n-1)(n-2)), no continuity
 *   correction, p = 2 * min(lower, upper).
 * tau, statistic and p are null where R gives NA (a constant series) or stops
 * (n < 2, unequal lengths).
 *
 * @example
 * kendallTest([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]).p; // => 0.2333333333333334
 */
import { normalCdf, normalUpper } from './distributions.ts';
import { pkendall } from './kendallDistribution.ts';

export interface KendallResult {
  tau: number | null;
  statistic: number | null; // T (exact) or z (normal)
  statisticName: 'T' | 'z';
  p: number | null;
  method: 'exact' | 'normal' | null;
  n: number;
  reason?: string;
}

/** Sizes of groups of equal values (only groups of two or more). */
function tieGroups(values: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((t) => t > 1);
}

const sumOver = (groups: number[], f: (t: number) => number) => groups.reduce((s, t) => s + f(t), 0);

export function kendallTest(x: readonly number[], y: readonly number[]): KendallResult {
  const n = x.length;
  const none = { tau: null, statistic: null, statisticName: 'T', p: null, method: null, n } as const;
  if (n !== y.length) return { ...none, reason: 'x and y have different lengths' };
  if (n < 2) return { ...none, reason: 'a correlation needs at least two pairs' };

  let s = 0;
  let untiedX = 0;
  let untiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sx = Math.sign(x[i] - x[j]);
      const sy = Math.sign(y[i] - y[j]);
      s += sx * sy;
      untiedX += sx * sx;
      untiedY += sy * sy;
    }
  }
  if (untiedX === 0 || untiedY === 0) {
    return { ...none, reason: 'one series never changes, so there is no ordering to correlate' };
  }
  const tau = s / (Math.sqrt(untiedX) * Math.sqrt(untiedY));
  const xTies = tieGroups(x);
  const yTies = tieGroups(y);

  if (n < 50 && xTies.length === 0 && yTies.length === 0) {
    const T = Math.round(((tau + 1) * n * (n - 1)) / 4);
    const tail = T > (n * (n - 1)) / 4 ? 1 - pkendall(T - 1, n) : pkendall(T, n);
    return { tau, statistic: T, statisticName: 'T', p: Math.min(2 * tail, 1), method: 'exact', n };
  }

  // Normal approximation with R's tie-corrected variance of S.
  const pairs = (n * (n - 1)) / 2;
  const t1 = sumOver(xTies, (t) => t * (t - 1)) / 2;
  const t2 = sumOver(yTies, (t) => t * (t - 1)) / 2;
  const S = tau * Math.sqrt((pairs - t1) * (pairs - t2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sumOver(xTies, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sumOver(yTies, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sumOver(xTies, (t) => t * (t - 1)) * sumOver(yTies, (t) => t * (t - 1));
  const v2 = sumOver(xTies, (t) => t * (t - 1) * (t - 2)) * sumOver(yTies, (t) => t * (t - 1) * (t - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const z = S / Math.sqrt(varS);
  return { tau, statistic: z, statisticName: 'z', p: 2 * Math.min(normalCdf(z), normalUpper(z)), method: 'normal', n };
}
