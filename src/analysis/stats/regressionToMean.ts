/**
 * The expected regression-to-the-mean effect for normal data when people are selected because
 * their first measurement was above a cutoff (Barnett, van der Pols & Dobson 2005, "Regression
 * to the mean: what it is and how to deal with it", Int J Epidemiol 34: 215–220, equation 2).
 *
 * Assumptions, all of which matter:
 * - before and after are jointly normal with the same mean μ and standard deviation σ (nothing
 *   changes between the two measurements: no intervention, no trend);
 * - ρ is the correlation between a person's before and after values (1 − ρ is the share of the
 *   variance that is within-person noise: ρ = 1 means no noise, so no regression);
 * - people are selected because their before value is above the cutoff c (truncation), and
 *   everyone above it is selected.
 * Then the mean of the selected people falls from before to after by
 *   RTM = (1 − ρ) · σ · φ(z) / (1 − Φ(z)),   z = (c − μ) / σ,
 * φ and Φ the standard normal density and distribution function. φ(z) / (1 − Φ(z)) is the
 * inverse Mills ratio: how far above μ, in σ, the selected people's mean sits.
 *
 * Counts of arrests are not normal (they are skewed and bounded at 0), and orders are not given
 * by a sharp cutoff, so for this report the formula is a yardstick beside the simulation
 * (nullWorld.ts), which needs neither assumption.
 *
 * In R: (1 - rho) * sigma * dnorm(z) / pnorm(z, lower.tail = FALSE), z <- (c - mu) / sigma.
 * The upper tail is computed directly (normalUpper), so a high cutoff keeps full precision; far
 * beyond (z > 37) both tails underflow to 0 in doubles and R gives NaN, and here the ratio comes
 * from its asymptotic series z + 1/z − 2/z³ + 10/z⁵ instead.
 *
 * @example
 * regressionToMean({ mean: 0, sd: 1, correlation: 0.5, cutoff: 1 }); // => 0.7625676380804906
 */
import { normalUpper } from './distributions.ts';

export interface RegressionToMeanInput {
  /** Population mean μ of the before (and after) values. */
  mean: number;
  /** Population standard deviation σ (> 0). */
  sd: number;
  /** Correlation ρ between before and after, −1 … 1. */
  correlation: number;
  /** People are selected when their before value is above this cutoff c. */
  cutoff: number;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** The expected fall in the selected group's mean, in the units of the data (positive: a fall). */
export function regressionToMean({ mean, sd, correlation, cutoff }: RegressionToMeanInput): number {
  if (!(sd > 0) || !Number.isFinite(sd)) throw new RangeError(`regressionToMean needs a positive, finite sd, got ${sd}`);
  if (!(correlation >= -1 && correlation <= 1)) throw new RangeError(`regressionToMean needs a correlation from −1 to 1, got ${correlation}`);
  if (!Number.isFinite(mean) || !Number.isFinite(cutoff)) throw new RangeError('regressionToMean needs a finite mean and cutoff');
  const z = (cutoff - mean) / sd;
  return (1 - correlation) * sd * inverseMillsRatio(z);
}

/** φ(z) / (1 − Φ(z)): the mean of a standard normal truncated below at z. */
export function inverseMillsRatio(z: number): number {
  const upper = normalUpper(z);
  if (upper > 0 && z <= 37) return (INV_SQRT_2PI * Math.exp(-0.5 * z * z)) / upper;
  const z2 = z * z;
  return z + 1 / z - 2 / (z * z2) + 10 / (z * z2 * z2);
}
