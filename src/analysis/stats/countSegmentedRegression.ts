/**
 * Segmented regression for counts: the interrupted time series of segmentedRegression.ts, with the
 * same four terms, fitted to the logarithm of the expected monthly count instead of the count itself
 * (a Poisson regression with a log link, allowing for overdispersion: quasi-Poisson).
 *
 * The model is log E[y] = b0 + b1·month + b2·post + b3·tPost. On this scale a straight line is a
 * constant proportional change, so each coefficient reads as a ratio once exponentiated:
 * - exp(b2), the level ratio, is the step at the order as a proportion: the expected count at month 0
 *   on the line after the order, over the line before it, extended. 0.6 is a step down of 40%.
 * - exp(b3), the slope ratio, is how much the month-on-month ratio changes at the order: 0.97 means
 *   that each month after the order is 3% lower, relative to the month before, than before the order.
 * - exp(b1) is the month-on-month ratio before the order.
 * Counts usually vary more than a Poisson count would (people are arrested together, some months are
 * busier), so the standard errors are scaled by the dispersion φ = Σ (y − μ)² / μ ÷ (n − 4), the
 * Pearson statistic over its degrees of freedom, and each coefficient gets a t-test on n − 4 degrees
 * of freedom. The same holds for a measure that is not a count, such as harm in days: a quasi-Poisson
 * fit needs only a variance proportional to the mean, and its ratios and p-values do not change when
 * the measure is rescaled. (Lopez Bernal, Cummins and Gasparrini 2017, "Interrupted time series
 * regression for the evaluation of public health interventions: a tutorial", Int J Epidemiol 46:
 * 348–355, fit such a model to monthly counts.)
 *
 * The fit is R's: `glm(y ~ month + post + tPost, family = quasipoisson)`, by iteratively reweighted
 * least squares from R's start (μ = y + 0.1), stopping as R's glm.fit does, when the deviance changes by
 * less than 1e-8 of itself (+ 0.1), after at most 25 iterations. The dispersion and the standard
 * errors are summary.glm's: the working weights and the QR of the last iteration, the working
 * residuals of the final fit. So the numbers match R's `summary(fit)$coefficients` and
 * `summary(fit)$dispersion`. Each ratio's 95% interval is exp(b ± t · se), with t the 0.975 quantile
 * of Student's t on n − 4 degrees of freedom (a Wald interval; R's own confint() profiles the
 * likelihood instead, and gives somewhat different ends).
 *
 * Where R gives no finite fit, or only noise, the result is null with a reason:
 * - fewer than two months on either side, as in the straight-line model;
 * - a side of the order with no count in any month: its line would have to fall to zero, so its
 *   log has no finite value (R's glm warns "fitted rates numerically 0 occurred" and prints a
 *   coefficient of about −20 or −30, whatever the data);
 * - a side whose counts all fall in its first or its last month: the log line would have to be
 *   infinitely steep to fit the empty months beside them, and R's fit again runs off;
 * - no convergence in 25 iterations (R's warning "algorithm did not converge");
 * - no degrees of freedom (two months each side), or a fit so close that the dispersion is rounding
 *   noise (below 1e-20 of the mean count): ratios, but no p.
 *
 * @example
 * countSegmentedRegression([-3, -2, -1, 1, 2, 3], [5, 6, 8, 3, 3, 2]).levelRatio; // => 0.38334483546351034 (R: 0.38334483546350984)
 */
// exp and log in JavaScript, not the engine's Math.exp and Math.log, whose last bit differs between Node's
// V8 and the browser's: the page's numbers must be the command line's to the last digit.
import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';
import { studentTCdf, studentTQuantile } from './distributions.ts';
import { leastSquares } from './leastSquares.ts';

export interface CountSegmentedResult {
  /** exp(b1): the month-on-month ratio of the expected count before the order, with its t-test. */
  preSlopeRatio: number | null;
  preSlopeRatioP: number | null;
  /** exp(b2): the step at the order, as a ratio of the line after to the line before at month 0. */
  levelRatio: number | null;
  levelRatioP: number | null;
  /** exp(b3): the month-on-month ratio after the order over the one before. */
  slopeChangeRatio: number | null;
  slopeChangeRatioP: number | null;
  /** exp(b1 + b3): the month-on-month ratio after the order. */
  postSlopeRatio: number | null;
  /**
   * 95% intervals of the two ratios, exp(b ± t₀.₉₇₅,ₙ₋₄ · se) (Wald, on the t distribution); null where
   * there is no p, and an end null where it is beyond a double (R's 0 or Inf).
   */
  levelRatioLow: number | null;
  levelRatioHigh: number | null;
  slopeChangeRatioLow: number | null;
  slopeChangeRatioHigh: number | null;
  /** The estimated dispersion φ (1 for counts exactly as variable as Poisson counts). */
  dispersion: number | null;
  /** Residual degrees of freedom, n − 4. */
  df: number;
  /** IRLS iterations taken (R's fit$iter). */
  iterations: number;
  reason?: string;
}

const EPSILON = 1e-8;
/** R's poisson()$linkinv: pmax(exp(η), .Machine$double.eps), so that no fitted value underflows to 0. */
const linkInverse = (eta: number) => Math.max(exp(eta), 2.220446049250313e-16);
const MAX_ITERATIONS = 25;

/** The Poisson deviance Σ 2 (y log(y/μ) − (y − μ)), with 2μ for y = 0 (R's poisson()$dev.resids). */
function deviance(y: readonly number[], mu: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += y[i] > 0 ? 2 * (y[i] * ln(y[i] / mu[i]) - (y[i] - mu[i])) : 2 * mu[i];
  return d;
}

/** Why one side of the order has no finite log line, or null if it has one. */
function sideWithoutFit(months: readonly number[], y: readonly number[], side: 'before' | 'after'): string | null {
  const here = months.map((m, i) => [m, y[i]] as const).filter(([m]) => (side === 'before' ? m < 0 : m > 0));
  const withCounts = new Set(here.filter(([, v]) => v > 0).map(([m]) => m));
  const where = side === 'before' ? 'before the order' : 'after the order';
  if (withCounts.size === 0) return `every month ${where} is zero, so the line there would have to be zero, and its logarithm has no value`;
  if (withCounts.size === 1) {
    const [only] = withCounts;
    const all = here.map(([m]) => m);
    if (only === Math.min(...all) || only === Math.max(...all)) {
      return `only one month ${where} is above zero, and it is the ${only === Math.min(...all) ? 'first' : 'last'} of its side, so the line of the logarithm there would have to be infinitely steep`;
    }
  }
  return null;
}

export function countSegmentedRegression(month: readonly number[], y: readonly number[]): CountSegmentedResult {
  const n = month.length;
  const df = Math.max(n - 4, 0);
  const none: CountSegmentedResult = {
    preSlopeRatio: null, preSlopeRatioP: null, levelRatio: null, levelRatioP: null, slopeChangeRatio: null, slopeChangeRatioP: null, postSlopeRatio: null,
    levelRatioLow: null, levelRatioHigh: null, slopeChangeRatioLow: null, slopeChangeRatioHigh: null, dispersion: null, df, iterations: 0,
  };
  if (n !== y.length) return { ...none, df: 0, reason: 'the months and the values have different lengths' };
  const before = new Set(month.filter((m) => m < 0)).size;
  const after = new Set(month.filter((m) => m > 0)).size;
  if (before < 2 || after < 2) return { ...none, reason: 'two lines need at least two months on each side of the order' };
  if (y.some((v) => !(v >= 0) || !Number.isFinite(v))) return { ...none, reason: 'a model of counts cannot take a negative or missing month' };
  const empty = sideWithoutFit(month, y, 'before') ?? sideWithoutFit(month, y, 'after');
  if (empty) return { ...none, reason: empty };

  const X = month.map((m) => [1, m, m > 0 ? 1 : 0, m > 0 ? m : 0]);
  // R's start: μ = y + 0.1, η = log μ.
  let eta = y.map((v) => ln(v + 0.1));
  let mu = eta.map(linkInverse);
  let devOld = deviance(y, mu);
  let fit: ReturnType<typeof leastSquares> | null = null;
  let weights: number[] = [];
  let converged = false;
  let iterations = 0;
  for (let iter = 1; iter <= MAX_ITERATIONS; iter++) {
    iterations = iter;
    // Working response z = η + (y − μ)/μ and weights w = √μ (for the log link, dμ/dη = μ and var(μ) = μ).
    const w = mu.map(Math.sqrt);
    const z = eta.map((e, i) => e + (y[i] - mu[i]) / mu[i]);
    fit = leastSquares(X.map((row, i) => row.map((x) => x * w[i])), z.map((v, i) => v * w[i]));
    weights = w.map((v) => v * v);
    const beta = fit.beta;
    eta = X.map((row) => row[0] * beta[0] + row[1] * beta[1] + row[2] * beta[2] + row[3] * beta[3]);
    mu = eta.map(linkInverse);
    const dev = deviance(y, mu);
    if (!Number.isFinite(dev) || mu.some((v) => !(v > 0))) break;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
      converged = true;
      break;
    }
    devOld = dev;
  }
  if (!converged || !fit) return { ...none, iterations, reason: `the fit did not settle in ${MAX_ITERATIONS} iterations` };
  const [, b1, b2, b3] = fit.beta;
  const ratios = { ...none, iterations, preSlopeRatio: exp(b1), levelRatio: exp(b2), slopeChangeRatio: exp(b3), postSlopeRatio: exp(b1 + b3) };
  if (df === 0) return { ...ratios, reason: 'four months fit the two lines exactly, leaving no degrees of freedom to estimate the dispersion' };
  // summary.glm: Σ weights × working residuals², the weights of the last iteration, the residuals of the final fit.
  let pearson = 0;
  for (let i = 0; i < n; i++) pearson += weights[i] * ((y[i] - mu[i]) / mu[i]) ** 2;
  const dispersion = pearson / df;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  if (!(dispersion >= 1e-20 * meanY)) {
    return { ...ratios, dispersion: 0, reason: 'the two lines fit every month exactly, so there is no variation left to test' };
  }
  const rInverseDiagonal = fit.rInverse.map((row) => row.reduce((s, v) => s + v * v, 0));
  const se = (k: number) => Math.sqrt(dispersion * rInverseDiagonal[k]);
  const p = (k: number) => 2 * studentTCdf(-Math.abs(fit!.beta[k] / se(k)), df);
  const t = studentTQuantile(0.975, df);
  // An end beyond what a double holds (exp overflows to Infinity, or underflows to 0) is no end: none.
  const end = (k: number, sign: 1 | -1) => {
    const v = exp(fit!.beta[k] + sign * t * se(k));
    return v > 0 && Number.isFinite(v) ? v : null;
  };
  return {
    ...ratios, dispersion, preSlopeRatioP: p(1), levelRatioP: p(2), slopeChangeRatioP: p(3),
    levelRatioLow: end(2, -1), levelRatioHigh: end(2, 1), slopeChangeRatioLow: end(3, -1), slopeChangeRatioHigh: end(3, 1),
  };
}
