/**
 * Segmented regression for an interrupted time series: two straight lines, one before the
 * intervention and one after, fitted together by ordinary least squares.
 *
 * The model is y = b0 + b1·month + b2·post + b3·tPost, where month runs through the months
 * observed (negative before the order, positive after; there is no month 0), post is 1 after the
 * order and 0 before, and tPost is the month after the order and 0 before. So:
 * - b1, the pre-slope, is the trend before the order (change per month);
 * - b2, the level change, is the jump at the order: the gap at month 0 between the line after and
 *   the line before, extended;
 * - b3, the slope change, is how much steeper (or flatter) the line is after the order.
 * Each coefficient has a t-test of "no change" on n − 4 degrees of freedom, as in any multiple
 * regression. (Wagner et al. 2002, "Segmented regression analysis of interrupted time series
 * studies in medication use research", J Clin Pharm Ther 27: 299–309.)
 *
 * Those p-values assume independent errors. Monthly counts are usually autocorrelated (a busy
 * month tends to follow a busy month), and then the p-values are too small. So each test is also
 * given with Newey–West standard errors (heteroskedasticity and autocorrelation consistent, HAC):
 * the same coefficients, with a covariance that lets each month's error be correlated with the
 * L months before it, with weights falling linearly to zero (Bartlett), L = ⌊4 (n/100)^(2/9)⌋
 * (Newey & West 1994's rule; 3 for 48 months), times n / (n − 4) for small samples, and the same
 * t-test on n − 4 degrees of freedom. The months are taken in their order, the order's side by side
 * (month −1, then month 1). That is R's
 * `lmtest::coeftest(fit, vcov = sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = TRUE))`
 * (Newey & West 1987, Econometrica 55: 703–708).
 *
 * The fit uses Householder QR on the n × 4 design (as R's lm does), so the numbers match R's
 * `summary(lm(y ~ month + post + tPost))$coefficients` (rows month, post, tPost). Where R gives no
 * number, or only rounding noise, the result is null with a reason:
 * - fewer than two months on either side: the two lines are not both determined (R drops tPost);
 * - exactly two months on each side: four points, four coefficients, no degrees of freedom (R's
 *   standard errors are NaN);
 * - a perfect fit, including a constant series: R's standard errors are ~1e-16 noise, so its t
 *   and p are noise too. The rule is R's own warning "essentially perfect fit", with a looser
 *   threshold: residual variance below 1e-20 × (mean(fitted)² + var(fitted)). For a constant
 *   series the coefficients are given exactly (0, 0, 0 and the constant) where R has ~1e-16 noise.
 *
 * @example
 * segmentedRegression([-3, -2, -1, 1, 2, 3], [5, 6, 8, 3, 3, 2]).level; // => -5.666666666666669 (R: -5.6666666666666634)
 */
import { studentTCdf } from './distributions.ts';
import { leastSquares } from './leastSquares.ts';

export interface SegmentedRegressionResult {
  /** The fitted line before the order at month 0 (R's intercept). */
  intercept: number | null;
  /** Change per month before the order (coefficient of month), with its t-test. */
  preSlope: number | null;
  preSlopeSe: number | null;
  preSlopeP: number | null;
  /** Jump at the order between the two fitted lines at month 0 (coefficient of post). */
  level: number | null;
  levelSe: number | null;
  levelP: number | null;
  /** Slope after minus slope before (coefficient of tPost). */
  slopeChange: number | null;
  slopeChangeSe: number | null;
  slopeChangeP: number | null;
  /** Residual degrees of freedom, n − 4. */
  df: number;
  /** Newey–West: the lag L, and each test's standard error and p (null where there is no p). */
  hacLag: number | null;
  preSlopeSeHac: number | null;
  preSlopePHac: number | null;
  levelSeHac: number | null;
  levelPHac: number | null;
  slopeChangeSeHac: number | null;
  slopeChangePHac: number | null;
  reason?: string;
}

/** Newey & West's (1994) rule for the lag of their estimator: ⌊4 (n/100)^(2/9)⌋ months. */
export const neweyWestLag = (n: number): number => Math.floor(4 * (n / 100) ** (2 / 9));

export function segmentedRegression(month: readonly number[], y: readonly number[]): SegmentedRegressionResult {
  const n = month.length;
  const df = Math.max(n - 4, 0);
  const none: SegmentedRegressionResult = {
    intercept: null, preSlope: null, preSlopeSe: null, preSlopeP: null, level: null, levelSe: null, levelP: null, slopeChange: null, slopeChangeSe: null, slopeChangeP: null, df,
    hacLag: null, preSlopeSeHac: null, preSlopePHac: null, levelSeHac: null, levelPHac: null, slopeChangeSeHac: null, slopeChangePHac: null,
  };
  if (n !== y.length) return { ...none, df: 0, reason: 'the months and the values have different lengths' };
  const before = new Set(month.filter((m) => m < 0)).size;
  const after = new Set(month.filter((m) => m > 0)).size;
  if (before < 2 || after < 2) {
    return { ...none, reason: 'two lines need at least two months on each side of the order' };
  }
  if (y.every((v) => v === y[0])) {
    return { ...none, intercept: y[0], preSlope: 0, level: 0, slopeChange: 0, reason: 'the series never changes, so the lines fit perfectly and there is no variation to test' };
  }

  const X = month.map((m) => [1, m, m > 0 ? 1 : 0, m > 0 ? m : 0]);
  const { beta, rss, rInverse, fitted } = leastSquares(X, y);
  const rInverseDiagonal = rInverse.map((row) => row.reduce((s, v) => s + v * v, 0));
  const fit = { ...none, intercept: beta[0], preSlope: beta[1], level: beta[2], slopeChange: beta[3] };
  if (df === 0) return { ...fit, reason: 'four months fit the two lines exactly, leaving no degrees of freedom to estimate the error' };
  const resvar = rss / df;
  const meanF = fitted.reduce((s, v) => s + v, 0) / n;
  const varF = fitted.reduce((s, v) => s + (v - meanF) ** 2, 0) / (n - 1);
  if (resvar < (meanF ** 2 + varF) * 1e-20) {
    return { ...fit, levelSe: 0, slopeChangeSe: 0, reason: 'the two lines fit every month exactly, so there is no variation left to test' };
  }
  const test = (k: number) => {
    const se = Math.sqrt(resvar * rInverseDiagonal[k]);
    return { se, p: 2 * studentTCdf(-Math.abs(beta[k] / se), df) };
  };
  const pre = test(1);
  const lv = test(2);
  const sc = test(3);
  const lag = neweyWestLag(n);
  const hac = neweyWestVariances(X, y.map((v, i) => v - fitted[i]), rInverse, lag);
  // A Newey–West variance that is rounding noise beside the ordinary one (the months before the order
  // on a straight line: −7e-17 here, +2e-16 in sandwich) has no test: its sign, and so R's NaN or a
  // p of 0, would be chance. None, as R's script says too.
  const hacTest = (k: number, ordinary: { se: number }) => {
    if (!(hac[k] > 1e-12 * ordinary.se ** 2)) return { se: null, p: null };
    const se = Math.sqrt(hac[k]);
    return { se, p: 2 * studentTCdf(-Math.abs(beta[k] / se), df) };
  };
  const preHac = hacTest(1, pre);
  const lvHac = hacTest(2, lv);
  const scHac = hacTest(3, sc);
  return {
    ...fit, preSlopeSe: pre.se, preSlopeP: pre.p, levelSe: lv.se, levelP: lv.p, slopeChangeSe: sc.se, slopeChangeP: sc.p,
    hacLag: lag, preSlopeSeHac: preHac.se, preSlopePHac: preHac.p, levelSeHac: lvHac.se, levelPHac: lvHac.p, slopeChangeSeHac: scHac.se, slopeChangePHac: scHac.p,
  };
}

/**
 * The diagonal of the Newey–West covariance of the coefficients, n/(n − p) · B S B with
 * B = (XᵀX)⁻¹ = R⁻¹R⁻ᵀ and S = Σₜ uₜuₜᵀ + Σ_{l=1..L} (1 − l/(L+1)) Σ_{t>l} (uₜuₜ₋ₗᵀ + uₜ₋ₗuₜᵀ),
 * where uₜ = eₜ xₜ is month t's row of the design times its residual.
 */
function neweyWestVariances(X: readonly number[][], e: readonly number[], rInverse: readonly number[][], lag: number): number[] {
  const n = X.length;
  const p = X[0].length;
  const u = X.map((row, t) => row.map((x) => x * e[t]));
  const S = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let l = 0; l <= Math.min(lag, n - 1); l++) {
    const w = l === 0 ? 1 : 1 - l / (lag + 1);
    for (let t = l; t < n; t++) {
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < p; j++) {
          const g = u[t][i] * u[t - l][j];
          S[i][j] += l === 0 ? g : w * g;
          if (l > 0) S[j][i] += w * g;
        }
      }
    }
  }
  // B = R⁻¹R⁻ᵀ (R⁻¹ upper triangular), then diag(B S B).
  const B = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => rInverse[i].reduce((s, v, k) => s + v * rInverse[j][k], 0)));
  const scale = n / (n - p);
  return B.map((bRow) => {
    let d = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) d += bRow[a] * S[a][b] * bRow[b];
    return scale * d;
  });
}
