/**
 * Exact null distribution of Kendall's T, the number of concordant pairs.
 *
 * If x and y are independent and untied, every one of the n! orderings of y
 * against x is equally likely. The number of orderings with exactly k
 * discordant pairs (inversions) is the Mahonian number M(n, k), and by
 * symmetry the same count has k concordant pairs. Inserting the n-th item
 * adds 0..n-1 inversions, giving M(n, k) = sum_{i=0}^{n-1} M(n-1, k-i).
 * P(T <= q) = sum_{k<=q} M(n, k) / n!.
 *
 * Matches R's internal `pkendall` (src/library/stats/src/kendall.c, used by
 * `cor.test(method = "kendall")`): q is floored after adding 1e-7, q < 0
 * gives 0 and q above n(n-1)/2 gives 1.
 *
 * @example
 * pkendall(1, 4); // => 0.16666666666666666  (4 of 24 orderings)
 */

/** Mahonian numbers M(n, 0..n(n-1)/2), built row by row. */
function mahonian(n: number): number[] {
  let row = [1];
  for (let m = 2; m <= n; m++) {
    const next = new Array<number>((m * (m - 1)) / 2 + 1).fill(0);
    for (let k = 0; k < next.length; k++) {
      for (let i = 0; i < m; i++) if (k - i >= 0 && k - i < row.length) next[k] += row[k - i];
    }
    row = next;
  }
  return row;
}

export function pkendall(q: number, n: number): number {
  const k = Math.floor(q + 1e-7);
  if (k < 0) return 0;
  if (k > (n * (n - 1)) / 2) return 1;
  const counts = mahonian(n);
  let cumulative = 0;
  for (let j = 0; j <= k; j++) cumulative += counts[j];
  let factorial = 1;
  for (let i = 2; i <= n; i++) factorial *= i;
  return cumulative / factorial;
}
