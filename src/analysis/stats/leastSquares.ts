/**
 * Least squares by Householder QR, as R's lm and glm fit their models (LINPACK's dqrdc2, whose
 * column pivoting only moves columns that are linearly dependent, so a design of full rank is
 * reduced in its own order). Shared by the straight-line segmented regression and the count model's
 * iteratively reweighted fits (segmentedRegression.ts, countSegmentedRegression.ts).
 *
 * @example
 * leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 4]).beta; // => [1.166666666666667, 1.5] (R: coef(lm(c(1, 3, 4) ~ c(0, 1, 2))))
 *
 * It returns (full column rank assumed) the coefficients, the residual sum
 * of squares, R⁻¹ (whose products give (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, for the standard errors) and the fitted values.
 */
export function leastSquares(X: readonly number[][], y: readonly number[]) {
  const n = X.length;
  const p = X[0].length;
  const A = X.map((row) => [...row]);
  const b = [...y];
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += A[i][k] ** 2;
    norm = Math.sqrt(norm);
    const alpha = A[k][k] > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    for (let i = k; i < n; i++) v[i] = A[i][k];
    v[k] -= alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += v[i] ** 2;
    if (vv === 0) continue;
    const reflect = (get: (i: number) => number, set: (i: number, x: number) => void) => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i] * get(i);
      const f = (2 * dot) / vv;
      for (let i = k; i < n; i++) set(i, get(i) - f * v[i]);
    };
    for (let j = k; j < p; j++) reflect((i) => A[i][j], (i, x) => (A[i][j] = x));
    reflect((i) => b[i], (i, x) => (b[i] = x));
  }
  // Back-substitution R β = Qᵀy (first p rows); the rest of Qᵀy is the residual vector.
  const beta = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let s = b[k];
    for (let j = k + 1; j < p; j++) s -= A[k][j] * beta[j];
    beta[k] = s / A[k][k];
  }
  let rss = 0;
  for (let i = p; i < n; i++) rss += b[i] ** 2;
  // R⁻¹ (upper triangular), then the row sums of squares give diag(R⁻¹R⁻ᵀ).
  const Rinv = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    Rinv[j][j] = 1 / A[j][j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += A[i][k] * Rinv[k][j];
      Rinv[i][j] = -s / A[i][i];
    }
  }
  const fitted = X.map((row) => row.reduce((s, x, j) => s + x * beta[j], 0));
  return { beta, rss, rInverse: Rinv, fitted };
}
