/**
 * Spearman's rank correlation rho and its test of independence.
 *
 * rho is Pearson's r computed on the ranks (ties averaged). The test
 * statistic is S = (n^3 - n)(1 - rho) / 6, which without ties equals the sum
 * of squared rank differences.
 *
 * Matches R's `cor.test(x, y, method = "spearman")` with defaults:
 * - no ties, n <= 1290: algorithm AS 89 as ported in R's prho.c, i.e. exact
 *   enumeration of all n! permutations for n <= 9 and an Edgeworth series
 *   beyond; R passes round(S) + 2 for the lower tail (P[S < is] there means
 *   P[S <= round(S)], S being even) and round(S) for the upper tail;
 * - with ties (or n > 1290): rho / sqrt((1 - rho^2) / (n - 2)) on Student's t
 *   with n - 2 df, rho recomputed from S as R does.
 * Two-sided p doubles the tail on S's side of (n^3 - n) / 6, capped at 1.
 * Null where R gives NA (a constant series) or stops (n < 2).
 *
 * @example
 * spearmanTest([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).p; // => 0.13333333333333333
 */
import { normalCdf, normalUpper, studentTCdf } from './distributions.ts';
import { pearsonR } from './pearson.ts';
import { rank } from './rank.ts';

export interface SpearmanResult {
  rho: number | null;
  S: number | null;
  p: number | null;
  method: 'exact' | 't-approximation' | null;
  reason?: string;
}

/** Round half to even, like R's round(x). */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * AS 89 (R's prho): P(S >= is), or P(S < is) when lowerTail, for the sum of
 * squared rank differences under independence.
 */
export function prho(n: number, is: number, lowerTail: boolean): number {
  let pv = lowerTail ? 0 : 1;
  if (n <= 1 || is <= 0) return pv;
  const n3 = (n * (n * n - 1)) / 3; // largest possible S
  if (is > n3) return 1 - pv;

  if (n <= 9) {
    // Exact: walk through all n! permutations, counting those with S >= is.
    const l = Array.from({ length: n }, (_, i) => i + 1);
    let nfac = 1;
    for (let i = 1; i <= n; i++) nfac *= i;
    let ifr = 0;
    if (is === n3) ifr = 1;
    else {
      for (let m = 0; m < nfac; m++) {
        let ise = 0;
        for (let i = 0; i < n; i++) ise += (i + 1 - l[i]) ** 2;
        if (is <= ise) ifr++;
        // AS 89's next-permutation step: rotate the leading block.
        let n1 = n;
        let mt: number;
        do {
          mt = l[0];
          for (let i = 1; i < n1; i++) l[i - 1] = l[i];
          n1--;
          l[n1] = mt;
        } while (mt === n1 + 1 && n1 > 1);
      }
    }
    return (lowerTail ? nfac - ifr : ifr) / nfac;
  }

  // Edgeworth series about the normal approximation rho * sqrt(n - 1).
  const [c1, c2, c3, c4, c5, c6] = [0.2274, 0.2531, 0.1745, 0.0758, 0.1033, 0.3932];
  const [c7, c8, c9, c10, c11, c12] = [0.0879, 0.0151, 0.0072, 0.0831, 0.0131, 4.6e-4];
  const b = 1 / n;
  const x = ((6 * (is - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  let y = x * x;
  const u = x * b * (c1 + b * (c2 + c3 * b) +
    y * (-c4 + b * (c5 + c6 * b) - y * b * (c7 + c8 * b - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
  y = u / Math.exp(y / 2);
  pv = (lowerTail ? -y : y) + (lowerTail ? normalCdf(x) : normalUpper(x));
  return Math.min(1, Math.max(0, pv));
}

export function spearmanTest(x: readonly number[], y: readonly number[]): SpearmanResult {
  const n = x.length;
  const none = { rho: null, S: null, p: null, method: null };
  if (n !== y.length) return { ...none, reason: 'x and y have different lengths' };
  if (n < 2) return { ...none, reason: 'a correlation needs at least two pairs' };
  const rho = pearsonR(rank(x), rank(y));
  if (Number.isNaN(rho)) return { ...none, reason: 'one series never changes, so there is no ordering to correlate' };

  const ties = new Set(x).size < n || new Set(y).size < n;
  const exact = !ties && n <= 1290;
  const S = ((n ** 3 - n) * (1 - rho)) / 6;
  const pspearman = (q: number, lowerTail: boolean): number => {
    if (exact) return prho(n, roundHalfEven(q) + (lowerTail ? 2 : 0), lowerTail);
    const r = 1 - q / ((n * (n * n - 1)) / 6);
    const t = r / Math.sqrt((1 - r * r) / (n - 2));
    return lowerTail ? studentTCdf(-t, n - 2) : studentTCdf(t, n - 2);
  };
  const tail = S > (n ** 3 - n) / 6 ? pspearman(S, false) : pspearman(S, true);
  return { rho, S, p: Math.min(2 * tail, 1), method: exact ? 'exact' : 't-approximation' };
}
