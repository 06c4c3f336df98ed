// The paired test's two rules, by name: R 4.6's and R 4.5's (src/analysis/stats/wilcoxonSignedRank.ts).
// Free of the engine, so the page's own script can name them without loading the tests.
import type { WilcoxonRule } from '../analysis/stats/wilcoxonSignedRank.ts';

/** How the sentences name each rule: "as current R (4.6) computes it". */
export const RULE_NAME: Record<WilcoxonRule, string> = { current: 'current R (4.6)', legacy: 'R 4.5 and earlier' };

/** The rule the view does not use. */
export const otherRuleOf = (rule: WilcoxonRule): WilcoxonRule => (rule === 'current' ? 'legacy' : 'current');
