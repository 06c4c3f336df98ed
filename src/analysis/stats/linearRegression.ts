/**
 * Ordinary least-squares trend line y = intercept + slope * x, with a t-test
 * of "no trend" (slope = 0).
 *
 * The slope is Sxy / Sxx (centred cross-products over centred squares of x).
 * Its standard error is sqrt(s^2 / Sxx), where s^2 = RSS / (n - 2) is the
 * residual variance, and t = slope / se is compared with Student's t on
 * n - 2 degrees of freedom, two-sided.
 *
 * Matches the slope row of R's `summary(lm(y ~ x))$coefficients`
 * (Estimate, Std. Error, t value, Pr(>|t|)). Where R has no number we give
 * null with a reason: fewer than 3 points (no residual degrees of freedom),
 * constant x (R drops the aliased slope), and constant y, where R reports
 * slope 0 and se 0 so t = 0/0 is NaN. (For some constant y R's QR leaves
 * ~1e-17 rounding noise instead; we always report the clean answer.)
 *
 * A line through points that lie on it exactly (three months of 4, 3, 2
 * arrests) has no residual variation: R's se is ~1e-16 rounding noise, so
 * its t and p (3e-16: "significant") are noise too, and R warns "essentially
 * perfect fit". We give the line with se 0 and no t or p, by R's own rule
 * with the looser threshold that segmentedRegression.ts uses: residual
 * variance below 1e-20 × (mean(fitted)² + var(fitted)).
 *
 * @example
 * linearTrend([1, 2, 3, 4], [2, 4, 5, 8]).slope; // => 1.9
 */
import { studentTCdf } from './distributions.ts';

export interface TrendResult {
  slope: number | null;
  intercept: number | null;
  se: number | null; // standard error of the slope
  t: number | null;
  df: number; // residual degrees of freedom, n - 2
  p: number | null; // two-sided p for slope = 0
  reason?: string;
}

const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;

export function linearTrend(x: readonly number[], y: readonly number[]): TrendResult {
  const n = x.length;
  const df = Math.max(n - 2, 0);
  const none = { slope: null, intercept: null, se: null, t: null, df, p: null };
  if (n !== y.length) return { ...none, df: 0, reason: 'x and y have different lengths' };
  if (n < 2) return { ...none, reason: 'a line needs at least two points' };
  if (x.every((v) => v === x[0])) {
    return { ...none, reason: 'every x is the same, so no slope can be estimated' };
  }
  if (y.every((v) => v === y[0])) {
    return { slope: 0, intercept: y[0], se: 0, t: null, df, p: null, reason: 'y never changes, so the flat line fits perfectly and there is no variation to test' };
  }

  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  if (n === 2) {
    return { slope, intercept, se: null, t: null, df, p: null, reason: 'two points fit a line exactly, leaving no degrees of freedom to estimate the error' };
  }

  let rss = 0;
  // Residuals from centred data avoid cancellation when x is e.g. a calendar year.
  for (let i = 0; i < n; i++) rss += (y[i] - my - slope * (x[i] - mx)) ** 2;
  // The fitted values' mean is my and their variance slope² Sxx / (n − 1).
  if (rss / df < (my ** 2 + (slope ** 2 * sxx) / (n - 1)) * 1e-20) {
    return { slope, intercept, se: 0, t: null, df, p: null, reason: 'the points lie on the line exactly, so there is no variation left to test' };
  }
  const se = Math.sqrt(rss / df / sxx);
  const t = slope / se;
  const p = 2 * studentTCdf(-Math.abs(t), df);
  return { slope, intercept, se, t, df, p };
}
