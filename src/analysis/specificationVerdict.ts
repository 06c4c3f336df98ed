// What one specification of the curve finds (specificationCurve.ts), from its reduction, its test's
// p-value and which way its test points: small and free of imports, so that the curve's chart and
// words can say it without loading the engine.

/** The significance level of the curve. */
export const SPECIFICATION_ALPHA = 0.05;

/**
 * 'fall': the total fell and the test, significant at the level, points to falls.
 * 'rise': the total rose and the test, significant, points to rises.
 * 'against': the test is significant but points the other way from the total, or either way beside
 *   an unchanged total. The tests ask about each person's change (its sign, or its signed rank), the
 *   reduction about the sum: a few large rises can turn the total up while most people fell.
 * 'none': no significant test.
 * A total with nothing before rose (a test runs only where someone changed); one whose reduction is
 * within UNCHANGED_BELOW of 0 did not move.
 */
export type SpecificationVerdict = 'fall' | 'rise' | 'against' | 'none';

/** A reduction this close to 0 is an unchanged total: the rounding of floating-point sums, not a change (0.1 + 0.2 against 0.3). */
export const UNCHANGED_BELOW = 1e-9;

/**
 * Which way the total moved: 1 fell, −1 rose, 0 unchanged (within UNCHANGED_BELOW). With nothing
 * before (no reduction) a test can run only if someone had arrests after, so the total rose.
 */
export function totalDirection(reduction: number | null): -1 | 0 | 1 {
  if (reduction === null) return -1;
  return Math.abs(reduction) < UNCHANGED_BELOW ? 0 : reduction > 0 ? 1 : -1;
}

/**
 * @example
 * specificationVerdict({ reduction: -0.2, p: 0.01, lean: 1 }); // => 'against'
 * specificationVerdict({ reduction: null, p: 0.008, lean: -1 }); // => 'rise' (nothing before, 8 people arrested after)
 */
export function specificationVerdict(s: { reduction: number | null; p: number | null; lean: -1 | 0 | 1 }): SpecificationVerdict {
  if (s.p === null || !(s.p < SPECIFICATION_ALPHA)) return 'none';
  const total = totalDirection(s.reduction);
  if (s.lean !== total) return 'against';
  return total > 0 ? 'fall' : total < 0 ? 'rise' : 'none';
}

/** A test's lean in a word: where it points. */
export const LEAN_WORDS: Readonly<Record<-1 | 0 | 1, string>> = { 1: 'falls', [-1]: 'rises', 0: 'neither' };
