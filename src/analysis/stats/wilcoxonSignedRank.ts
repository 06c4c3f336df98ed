/**
 * Wilcoxon signed-rank test for paired data, as current R computes it or as R did before 4.6.
 *
 * Asks whether the paired differences d = x − y are centred on zero. The |d| are ranked (ties
 * share the average rank) and V is the sum of the ranks of the positive differences. With no
 * true shift each difference is as likely to be positive as negative, which fixes V's null
 * distribution.
 *
 * rule 'current' matches R 4.6's `wilcox.test(x, y, paired = TRUE)` with its defaults (checked in R 4.6.0):
 * - fewer than 50 pairs (zeros counted): the exact test. Zeros are ranked with the rest and then
 *   left out of V (Pratt's treatment), and the p-value comes from the distribution conditional on
 *   the observed ranks (signedRankConditional.ts), so ties and zeros no longer force an
 *   approximation. Two-sided: twice the tail on V's side of the centre Σ ranks / 2.
 * - 50 or more pairs: zeros are dropped (Wilcoxon's treatment), the remaining |d| ranked, and a
 *   normal approximation is used with variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 for tie groups of
 *   size t and a continuity correction of ½ towards the centre.
 * R's development version (to become 4.7; r-svn trunk r90094, June 2026) changes the approximate case
 * again: zeros are kept, each ranked (k+1)/2, and the mean and variance reduced by k(k+1)/4 and
 * k(k+1)²/16 for k zeros (Pratt). Neither rule here follows it yet: it is not released.
 * rule 'legacy' matches R ≤ 4.5 (and R 4.6 given `exact` and `correct` explicitly): zeros are
 * dropped first; the exact test only when there are fewer than 50 non-zero differences with no
 * ties and no zeros, the same normal approximation otherwise.
 *
 * Where R stops with an error (unequal lengths, no pairs) the result is null with a reason. Where
 * every difference is zero, current R returns V = 0 and p = 1 (an exact test over no ranks), and
 * so does this; legacy R returns NaN, reported as a null p with a reason.
 *
 * @example
 * wilcoxonSignedRank([5, 7, 9, 4], [3, 4, 5, 5]).p; // => 0.25
 */
import { rank } from './rank.ts';
import { psignrank } from './signedRankDistribution.ts';
import { psignrankConditional } from './signedRankConditional.ts';
import { normalCdf, normalUpper } from './distributions.ts';
import { EXACT_BELOW } from './wilcoxonLean.ts';

export type WilcoxonRule = 'current' | 'legacy';
export const WILCOXON_RULES: readonly WilcoxonRule[] = ['current', 'legacy'];

/** R's own `method` strings. */
export const WILCOXON_EXACT = 'Wilcoxon signed rank exact test';
export const WILCOXON_NORMAL = 'Wilcoxon signed rank test with continuity correction';

export interface WilcoxonResult {
  /** R's statistic V: the sum of the ranks of the positive differences. */
  V: number | null;
  /** Two-sided p-value; null where R has none. */
  p: number | null;
  /** R's `method` string, or null where R has no result. */
  method: string | null;
  /** Whether the p-value is exact (true) or from the normal approximation (false). */
  exact: boolean | null;
  /** The standardised statistic of the normal approximation (continuity-corrected); null when exact. */
  z: number | null;
  /** Pairs compared. */
  pairs: number;
  /** Non-zero differences: the people whose before and after differ. */
  n: number;
  /** Zero differences. */
  zeros: number;
  /** Non-zero differences whose |d| equals another's (0 when no ranks are shared). */
  ties: number;
  rule: WilcoxonRule;
  reason?: string;
}

export function wilcoxonSignedRank(x: readonly number[], y: readonly number[], rule: WilcoxonRule = 'current'): WilcoxonResult {
  const none = { V: null, p: null, method: null, exact: null, z: null, pairs: x.length, n: 0, zeros: 0, ties: 0, rule };
  if (x.length !== y.length) {
    return { ...none, reason: 'the two series have different lengths, so they cannot be paired' };
  }
  if (x.length === 0) return { ...none, reason: 'there are no pairs to compare' };

  const d = x.map((xi, i) => xi - y[i]);
  const nonZero = d.filter((v) => v !== 0);
  const zeros = d.length - nonZero.length;
  const n = nonZero.length;
  const ties = tiedCount(nonZero.map(Math.abs));
  const base = { pairs: d.length, n, zeros, ties, rule };
  if (n === 0) {
    // Current R: an exact test over an empty set of ranks, V = 0 and p = 1. Legacy R: NaN.
    if (rule === 'current' && d.length < EXACT_BELOW) return { ...base, V: 0, p: 1, method: WILCOXON_EXACT, exact: true, z: null };
    return { ...base, V: 0, p: null, method: WILCOXON_NORMAL, exact: false, z: null, reason: 'every difference is zero, so there is nothing to rank' };
  }

  if (rule === 'current' && d.length < EXACT_BELOW) {
    // Rank all |d|, zeros included (they take the lowest ranks), then keep the non-zero ones.
    const all = rank(d.map(Math.abs));
    const ranks = all.filter((_, i) => d[i] !== 0);
    const V = all.reduce((s, r, i) => (d[i] > 0 ? s + r : s), 0);
    const plain = zeros === 0 && ties === 0;
    const centre = plain ? (n * (n + 1)) / 4 : ranks.reduce((s, r) => s + r, 0) / 2;
    // R: the upper tail as P(V ≥ q) = 1 − P(V ≤ q − ¼) on the grid of half-integers.
    const tail = plain
      ? (V > centre ? psignrank(V - 1, n, false) : psignrank(V, n))
      : (V > centre ? psignrankConditional(V - 0.25, ranks, false) : psignrankConditional(V, ranks));
    return { ...base, V, p: Math.min(2 * tail, 1), method: WILCOXON_EXACT, exact: true, z: null };
  }

  const ranks = rank(nonZero.map(Math.abs));
  const V = ranks.reduce((s, r, i) => (nonZero[i] > 0 ? s + r : s), 0);
  if (rule === 'legacy' && n < EXACT_BELOW && ties === 0 && zeros === 0) {
    const tail = V > (n * (n + 1)) / 4 ? psignrank(V - 1, n, false) : psignrank(V, n);
    return { ...base, V, p: Math.min(2 * tail, 1), method: WILCOXON_EXACT, exact: true, z: null };
  }

  const groups = new Map<number, number>();
  for (const r of ranks) groups.set(r, (groups.get(r) ?? 0) + 1);
  let tieAdjustment = 0;
  for (const t of groups.values()) tieAdjustment += t ** 3 - t;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieAdjustment / 48);
  const centred = V - (n * (n + 1)) / 4;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  if (!Number.isFinite(z)) {
    return { ...base, V, p: null, method: WILCOXON_NORMAL, exact: false, z: null, reason: 'the differences do not vary enough to rank' };
  }
  return { ...base, V, p: 2 * Math.min(normalCdf(z), normalUpper(z)), method: WILCOXON_NORMAL, exact: false, z };
}

/** How many values equal at least one other value. */
function tiedCount(values: readonly number[]): number {
  const seen = new Map<number, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  let tied = 0;
  for (const c of seen.values()) if (c > 1) tied += c;
  return tied;
}

