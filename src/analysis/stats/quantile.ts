/**
 * Sample quantile by linear interpolation between order statistics.
 *
 * For probability p and n sorted values, the quantile sits at 1-based
 * position h = 1 + (n - 1) p; between the neighbouring order statistics the
 * value is interpolated linearly. This is Hyndman and Fan's type 7, the
 * default of R's `quantile(x, p)` (and of `type = 7`), reproduced including
 * R's form (1 - h) * lower + h * upper. The input must already be sorted
 * ascending; an empty input gives NaN (R's NA).
 *
 * @example
 * quantileSorted([1, 2, 4, 8], 0.5); // => 3
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const eps = 100 * Number.EPSILON;
  if (!(p >= -eps && p <= 1 + eps)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const prob = Math.max(0, Math.min(1, p));
  const index = 1 + (n - 1) * prob; // 1-based position
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const lower = sorted[lo - 1];
  const upper = sorted[hi - 1];
  if (!(index > lo && upper !== lower)) return lower;
  const h = index - lo;
  return (1 - h) * lower + h * upper;
}
