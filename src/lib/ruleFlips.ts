// Does a verdict depend on which R computes the paired test?
//
// R 4.6.0 changed wilcox.test(): with zeros or tied differences (counts of arrests have many) it
// now gives exact conditional p-values, where R 4.5 and earlier set the zeros aside and fell back
// to a normal approximation. The two rules usually agree about significance, but near p = 0.05 they
// can part: an analyst checking their files in an older R (the legacy rule) found drugs significant
// there (p = 0.032) and not under current R (p = 0.084), and nothing said so.
//
// For each test the view reports (overall and per category, arrests and harm), this reruns the
// test under the other rule, with Holm's adjustment across the categories as the view has it, and
// keeps those whose verdict differs: significant, significant only before adjustment (categories),
// or not significant, each at the 5% level as the report's sentences use it (wording.ts).
//
// @example
// ruleFlips(dataset, analyse(dataset, { wilcoxon: 'legacy' })) // => [] when both rules agree everywhere

import type { AnalysisResult, Measure } from '../analysis/analyse.ts';
import { holm } from '../analysis/stats/holm.ts';
import { wilcoxonSignedRank, type WilcoxonRule } from '../analysis/stats/wilcoxonSignedRank.ts';
import { perOrderTotals, windowedEvents } from '../analysis/tables.ts';
import type { Dataset } from '../analysis/types.ts';
import { formatPEquals } from './format.ts';
import { ALPHA } from './wording.ts';
import { RULE_NAME, otherRuleOf } from './ruleNames.ts';

export { otherRuleOf };

/** What a test's sentence calls it: significant, significant before Holm's adjustment only, not significant, or untested. */
export type Verdict = 'significant' | 'unadjusted only' | 'not significant' | 'untested';

export interface RuleFlip {
  /** null for all the view's categories together, else the category's code. */
  category: string | null;
  measure: 'events' | 'harm';
  /** This view's rule, its p (and Holm p for a category) and verdict. */
  rule: WilcoxonRule;
  p: number | null;
  pAdjusted: number | null;
  verdict: Verdict;
  /** The other rule's. */
  otherRule: WilcoxonRule;
  otherP: number | null;
  otherPAdjusted: number | null;
  otherVerdict: Verdict;
}

export function verdictOf(p: number | null, pAdjusted: number | null, nonZero?: number): Verdict {
  // No one's count changed: current R gives p = 1, older R none; the page says "cannot be tested" for both.
  if (p === null || nonZero === 0) return 'untested';
  if (p >= ALPHA) return 'not significant';
  return pAdjusted !== null && pAdjusted >= ALPHA ? 'unadjusted only' : 'significant';
}


/** The tests whose verdict would differ under the other rule, overall first, then the categories in the view's order. */
export function ruleFlips(dataset: Dataset, result: AnalysisResult): RuleFlip[] {
  const other = otherRuleOf(result.wilcoxon);
  const totals = perOrderTotals(dataset, windowedEvents(dataset, result.window, result.categories, { gap: result.gap, weights: result.weights }), result.categories);
  const flips: RuleFlip[] = [];
  for (const measure of ['events', 'harm'] as const) {
    const pre = measure === 'events' ? 'eventsPre' : 'harmPre';
    const post = measure === 'events' ? 'eventsPost' : 'harmPost';
    const otherTest = (t: typeof totals.overall) => wilcoxonSignedRank(t[pre], t[post], other);
    const categoryTests = result.categories.map((c) => otherTest(totals.byCategory[c]));
    const categoryAdjusted = holm(categoryTests.map((t) => t.p));
    const overall = otherTest(totals.overall);
    // With one category the overall test is that category's (the same people, the same arrests): said once.
    const groups: [string | null, Measure, number | null, number | null, number][] = [
      [null, result[measure], overall.p, null, overall.n],
      ...(result.categories.length === 1 ? [] : result.categories).map((c, k): [string, Measure, number | null, number | null, number] => [c, result.byCategory[c][measure], categoryTests[k].p, categoryAdjusted[k], categoryTests[k].n]),
    ];
    for (const [category, m, p, pAdjusted, n] of groups) {
      const verdict = verdictOf(m.test.p, m.test.pAdjusted ?? null, m.test.n);
      const otherVerdict = verdictOf(p, pAdjusted, n);
      if (verdict !== otherVerdict) {
        flips.push({ category, measure, rule: result.wilcoxon, p: m.test.p, pAdjusted: m.test.pAdjusted ?? null, verdict, otherRule: other, otherP: p, otherPAdjusted: pAdjusted, otherVerdict });
      }
    }
  }
  return flips;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  significant: 'is significant',
  'unadjusted only': 'is significant only before adjusting for several categories',
  'not significant': 'is not significant',
  untested: 'cannot be tested',
};

function pWords(p: number | null, pAdjusted: number | null, oneCategory: boolean): string {
  // With one category, Holm's adjustment leaves p as it is: said once.
  return `${formatPEquals(p)}${pAdjusted === null || oneCategory ? '' : `; Holm-adjusted ${formatPEquals(pAdjusted)}`}`;
}

/**
 * The flips in words, one sentence for all of them, or null when both rules agree (categoryNames:
 * the view's categories, whose number says whether Holm's adjustment changed anything): "The verdict
 * depends on which R computes the paired test: the change in arrests for drugs is significant as
 * R 4.5 and earlier computes it (p = 0.032; Holm-adjusted p = 0.032) and not significant as current
 * R (4.6) does (p = 0.084; Holm-adjusted p = 0.084)."
 */
export function ruleFlipWords(flips: readonly RuleFlip[], categoryNames: Readonly<Record<string, string>>): string | null {
  if (flips.length === 0) return null;
  const one = Object.keys(categoryNames).length === 1;
  const each = flips.map((f) => {
    const what = `the change in ${f.measure === 'events' ? 'arrests' : 'harm'}${f.category === null ? '' : ` for ${(categoryNames[f.category] ?? f.category).toLowerCase()}`}`;
    return `${what} ${VERDICT_WORDS[f.verdict]} as ${RULE_NAME[f.rule]} computes it (${pWords(f.p, f.pAdjusted, one)}) and ${VERDICT_WORDS[f.otherVerdict].replace(/^is /, '')} as ${RULE_NAME[f.otherRule]} does (${pWords(f.otherP, f.otherPAdjusted, one)})`;
  });
  const list = each.length === 1 ? each[0] : `${each.slice(0, -1).join('; ')}; and ${each.at(-1)}`;
  return `${flips.length === 1 ? 'The verdict depends' : 'The verdicts depend'} on which version of R computes the paired test: ${list}. Neither rule is wrong: they treat tied and unchanged counts differently, and a verdict that turns on that is not firm.`;
}
