/**
 * Normal and Student t distribution functions.
 *
 * Thin wrappers over stdlib so the rest of the statistics layer has one
 * place to get tail probabilities. `normalCdf(z)` is R's `pnorm(z)`;
 * `normalUpper(z)` is `pnorm(z, lower.tail = FALSE)`, computed as
 * `normalCdf(-z)` by symmetry so that tiny upper tails keep full relative
 * precision instead of vanishing in `1 - normalCdf(z)`. `studentTCdf(t, df)`
 * is R's `pt(t, df)`; its upper tail is `studentTCdf(-t, df)` likewise.
 *
 * @example
 * normalUpper(1.959963984540054); // => 0.025000000000000015
 */
import normalCdfStdlib from '@stdlib/stats-base-dists-normal-cdf';
import tCdfStdlib from '@stdlib/stats-base-dists-t-cdf';

/** P(Z <= z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return normalCdfStdlib(z, 0, 1);
}

/** P(Z > z) for a standard normal Z, accurate far into the upper tail. */
export function normalUpper(z: number): number {
  return normalCdfStdlib(-z, 0, 1);
}

/** P(T <= t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  return tCdfStdlib(t, df);
}

/**
 * The t quantile: R's `qt(prob, df)`, the t with P(T <= t) = prob. Found by bisection on
 * studentTCdf until the bracket closes on neighbouring doubles, so it is as exact as the CDF.
 *
 * @example
 * studentTQuantile(0.975, 44); // => 2.0153675744437622 (R: 2.0153675744437636)
 */
export function studentTQuantile(prob: number, df: number): number {
  if (!(prob > 0 && prob < 1) || !(df > 0)) return Number.NaN;
  let lo = -1;
  let hi = 1;
  while (studentTCdf(hi, df) < prob) [lo, hi] = [hi, hi * 2];
  while (studentTCdf(lo, df) > prob) [lo, hi] = [lo * 2, lo];
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (studentTCdf(mid, df) < prob) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
