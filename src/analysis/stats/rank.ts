/**
 * Ranks with ties averaged.
 *
 * Rank-based tests (Wilcoxon, Spearman) replace each value by its position
 * in sorted order. When several values are equal they share the mean of the
 * positions they occupy, so the ranks always sum to n(n + 1) / 2 and tied
 * values are treated symmetrically. Matches R's `rank(x)` with its default
 * `ties.method = "average"`. Inputs are assumed finite (no NaN).
 *
 * @example
 * rank([10, 30, 20, 20]); // => [1, 4, 2.5, 2.5]
 */
export function rank(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    // Find the run of equal values occupying sorted positions start..end.
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    // Positions are 1-based, so the run's average rank is the midpoint of start+1..end+1.
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = averageRank;
    start = end + 1;
  }
  return ranks;
}
