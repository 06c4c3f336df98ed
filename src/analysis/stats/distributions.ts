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
