/**
 * The sign test for paired counts: did more people go down than up?
 *
 * Each person is counted before and after. People whose two counts are equal say nothing about
 * the direction and are set aside; of the n who changed, `fewer` were lower afterwards. If the
 * intervention made no difference, going down and going up would be equally likely, so `fewer`
 * would follow a binomial distribution with n trials and probability ½, and the p-value is the
 * exact two-sided binomial test (binomialTest.ts). Unlike the Wilcoxon test it ignores how large
 * each change was, so it needs no ranks and is untroubled by ties.
 *
 * Matches R's `binom.test(sum(post < pre), sum(post != pre))$p.value`. With nobody changed R
 * stops with an error; here p is null with a reason.
 *
 * @example
 * signTest([3, 2, 5, 1], [1, 2, 2, 0]); // => { n: 3, fewer: 3, p: 0.25 }
 */
import { binomialTest } from './binomialTest.ts';

export interface SignTestResult {
  /** People whose before and after counts differ. */
  n: number;
  /** Of those, how many are lower after. */
  fewer: number;
  /** Two-sided exact p-value; null when nobody changed. */
  p: number | null;
  reason?: string;
}

export function signTest(pre: readonly number[], post: readonly number[]): SignTestResult {
  if (pre.length !== post.length) {
    return { n: 0, fewer: 0, p: null, reason: 'the two series have different lengths, so they cannot be paired' };
  }
  let n = 0;
  let fewer = 0;
  for (let i = 0; i < pre.length; i++) {
    if (post[i] !== pre[i]) n++;
    if (post[i] < pre[i]) fewer++;
  }
  if (n === 0) return { n, fewer, p: null, reason: 'nobody’s count changed, so there is no direction to test' };
  const { p } = binomialTest(fewer, n);
  return { n, fewer, p };
}
