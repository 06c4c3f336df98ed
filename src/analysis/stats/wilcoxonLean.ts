// Which way a paired signed-rank test leans (wilcoxonSignedRank.ts), from its V alone: small and
// free of imports, so that the words around a p-value can say which way it points.
import type { WilcoxonRule } from './wilcoxonSignedRank.ts';

/**
 * R's exact signed-rank test applies below this many: pairs (zeros counted) under current R's rule,
 * non-zero differences under R 4.5's. Here, free of imports, so the words can name the rule too.
 */
export const EXACT_BELOW = 50;

/**
 * Which way a signed-rank test leans: +1 when, by rank, the positive differences (before − after
 * > 0: falls) outweigh the negative, −1 when the negative do, 0 when V sits at the centre. The
 * centre is half the ranks held by the non-zero differences: under current R's exact test (fewer
 * than 50 pairs) the zeros take the lowest ranks, 1 … zeros, so the others hold
 * N(N+1)/2 − z(z+1)/2 for N pairs and z zeros; otherwise zeros are dropped and n non-zero
 * differences hold n(n+1)/2.
 *
 * The lean need not match the change in the totals: a few large rises can outweigh many small
 * falls in a sum while the ranks still lean to falls, and a significant p is then evidence of falls.
 *
 * @example
 * wilcoxonLean({ V: 9, n: 4, zeros: 0 }, 'current'); // => 1 (ranks 1–4 hold 10; V = 9 > 5)
 */
export function wilcoxonLean(test: { V: number | null; n: number; zeros: number }, rule: WilcoxonRule): -1 | 0 | 1 {
  if (test.V === null || test.n === 0) return 0;
  const pairs = test.n + test.zeros;
  const held = rule === 'current' && pairs < EXACT_BELOW ? (pairs * (pairs + 1) - test.zeros * (test.zeros + 1)) / 2 : (test.n * (test.n + 1)) / 2;
  const against = held - test.V;
  return test.V > against ? 1 : test.V < against ? -1 : 0;
}
