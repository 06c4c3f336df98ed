/**
 * Pearson's product-moment correlation and its t-test.
 *
 * r is the covariance of x and y divided by the product of their standard
 * deviations. Under independence (bivariate normal data),
 * t = sqrt(n - 2) * r / sqrt(1 - r^2) follows Student's t on n - 2 degrees of
 * freedom; the two-sided p is twice the smaller tail.
 *
 * Matches R's `cor.test(x, y)` (method "pearson", two-sided). Null with a
 * reason where R stops (n < 3, unequal lengths) or gives NA (a constant
 * series has no standard deviation).
 *
 * @example
 * pearsonTest([1, 2, 3, 4], [2, 4, 5, 8]).r; // => 0.9811557810392121
 */
import { studentTCdf } from './distributions.ts';

export interface PearsonResult {
  r: number | null;
  t: number | null;
  df: number;
  p: number | null;
  reason?: string;
}

const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;

/** Pearson r of two equal-length series; NaN if either is constant. */
export function pearsonR(x: readonly number[], y: readonly number[]): number {
  if (x.every((v) => v === x[0]) || y.every((v) => v === y[0])) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  // Like R's cor(), clamp rounding excursions beyond +-1.
  return Math.max(-1, Math.min(1, sxy / (Math.sqrt(sxx) * Math.sqrt(syy))));
}

export function pearsonTest(x: readonly number[], y: readonly number[]): PearsonResult {
  const n = x.length;
  const df = Math.max(n - 2, 0);
  if (n !== y.length) return { r: null, t: null, df: 0, p: null, reason: 'x and y have different lengths' };
  if (n < 3) return { r: null, t: null, df, p: null, reason: 'a correlation test needs at least three pairs' };
  const r = pearsonR(x, y);
  if (Number.isNaN(r)) {
    return { r: null, t: null, df, p: null, reason: 'one series never changes, so it has no variation to correlate' };
  }
  const t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
  const p = 2 * Math.min(studentTCdf(t, df), studentTCdf(-t, df));
  return { r, t, df, p };
}
