/**
 * Holm's step-down adjustment for multiple comparisons.
 *
 * Sort the m available p-values ascending; the i-th smallest is multiplied by
 * (m + 1 - i), a running maximum keeps the adjusted values in the same order
 * as the raw ones, and results are capped at 1. It controls the family-wise
 * error rate like Bonferroni but is never less powerful.
 *
 * Matches R's `p.adjust(p, method = "holm")`, including missing values:
 * nulls (R's NA) stay null and are not counted in m. With m <= 1 the values
 * are returned unchanged, as R does.
 *
 * @example
 * holm([0.01, 0.04, null, 0.03]); // => [0.03, 0.06, null, 0.06]
 */
export function holm(p: readonly (number | null)[]): (number | null)[] {
  const present = p.flatMap((value, index) => (value === null || Number.isNaN(value) ? [] : [index]));
  const m = present.length;
  const adjusted: (number | null)[] = p.map((value) => (value === null || Number.isNaN(value) ? null : value));
  if (m <= 1) return adjusted;

  // Stable sort, like R's order(): equal p-values keep their input order.
  const ascending = [...present].sort((a, b) => (p[a] as number) - (p[b] as number));
  let runningMax = -Infinity;
  ascending.forEach((index, i) => {
    runningMax = Math.max(runningMax, (m - i) * (p[index] as number));
    adjusted[index] = Math.min(1, runningMax);
  });
  return adjusted;
}
