/**
 * A specification curve: the overall reduction under every reasonable combination of the choices an
 * analyst could have made, and how many of those analyses find a significant fall.
 *
 * Simonsohn, Simmons & Nelson (2020), "Specification curve analysis", Nature Human Behaviour 4:
 * 1208–1214. Instead of one analysis, run all the defensible ones and report the distribution; a
 * finding that holds in only a few specifications rests on the choices, not the data.
 *
 * The choices (their product, minus the impossible ones, is the set of specifications):
 * - window: 6, 12, 18 and 24 months either side of the order (specificationWindows: the study's
 *   four when the data cover 24 months or more; for shorter data, four evenly spaced windows ending
 *   at the data's span, round(span × k / 4) for k = 1 … 4, each once and at least 1);
 * - gap: 0, 1, 3 and 6 months left out either side of the order, only those below the window;
 * - measure: arrests, or harm;
 * - weights (harm only): the low, central and high weight sets of the harm index; data without a
 *   harm index, or whose index does not list every offence, have one harm specification per window
 *   and gap instead, with the harm as recorded ('data'), and `weightsNote` says why;
 * - test: the paired Wilcoxon signed-rank test as current R computes it, as R ≤ 4.5 did
 *   ('legacy'), and the sign test.
 * For the bundled data (24 months, an index with three weight sets): 15 window–gap pairs (gap 6 is
 * not below a window of 6) × (arrests + harm × 3 weights) × 3 tests = 180 specifications.
 *
 * Each specification reports its overall reduction, the reduction's person-level bootstrap
 * interval, the p-value of its test, which way the test points (its lean), and whether it is a
 * significant fall: a total that fell, p < 0.05 and a test that points to falls
 * (specificationVerdict.ts, which also says when a total rose or did not move). The tests are
 * two-sided and ask about each person's change, not the total: a few large rises can turn the
 * total up while most people fell, and the test is then significant for falls beside a total that
 * rose. Such a specification is neither a significant fall nor a significant rise; it is counted
 * apart (significantAgainst). The lean is, for the Wilcoxon tests, whether V (the ranks of the
 * falls) is above or below its centre, the ranks the falls and rises hold between them halved
 * (wilcoxonLean.ts, under each rule's ranking); for the sign test, whether more people had fewer
 * arrests after than more. The numbers are analyse()'s (one call per window, gap and weight set, shared by both
 * measures and all three tests: the current p and the sign test's p come from its result, and the
 * legacy p from the same per-person totals), so each equals `npm run analyze -- --window W --gap K
 * [--weights S] [--wilcoxon legacy] --json` for the same choices.
 *
 * @example
 * specificationCurve(bundled).specifications.length; // => 180
 */
import { analyse } from './analyse.ts';
import { SPECIFICATION_ALPHA, specificationVerdict } from './specificationVerdict.ts';
import { wilcoxonLean } from './stats/wilcoxonLean.ts';
import { wilcoxonSignedRank } from './stats/wilcoxonSignedRank.ts';
import type { Dataset, HarmSource, WeightSet } from './types.ts';

export const SPECIFICATION_WINDOWS = [6, 12, 18, 24] as const;
export const SPECIFICATION_GAPS = [0, 1, 3, 6] as const;
export const SPECIFICATION_WEIGHTS: readonly WeightSet[] = ['low', 'central', 'high'];
export type SpecificationTest = 'current' | 'legacy' | 'sign';
export const SPECIFICATION_TESTS: readonly SpecificationTest[] = ['current', 'legacy', 'sign'];
export { SPECIFICATION_ALPHA };

export interface Specification {
  window: number;
  gap: number;
  measure: 'events' | 'harm';
  /** The harm weights (harm only; null for arrests): a weight set of the index, or 'data' when the data have no index. */
  weights: HarmSource | null;
  test: SpecificationTest;
  /** The overall reduction, 1 − after ÷ before; null when there was nothing before. */
  reduction: number | null;
  /** Its 95% person-level bootstrap interval; null when there is none. */
  ci: [number, number] | null;
  /** The p-value of the specification's test; null when the test gives none. */
  p: number | null;
  /** Which way the test points: 1 to falls, −1 to rises, 0 to neither (see above). */
  lean: -1 | 0 | 1;
  /** A significant fall: specificationVerdict() is 'fall' (the total fell, p < 0.05, lean 1). */
  significant: boolean;
}

export interface SpecificationCurve {
  /** The categories counted (all of the data's unless asked otherwise). */
  categories: string[];
  /** The values of each choice that the specifications combine. */
  choices: { windows: number[]; gaps: number[]; measures: ('events' | 'harm')[]; weights: HarmSource[]; tests: SpecificationTest[] };
  /** Every specification, in the order window, gap, measure, weights, test. */
  specifications: Specification[];
  total: number;
  /** Why harm is as recorded rather than weighted, when it is. */
  weightsNote?: string;
  /** Specifications with a significant fall. */
  significant: number;
  /** significant ÷ total; null when there are no specifications. */
  share: number | null;
  /** How far the harm weights alone move the fall in harm (weightsSpread); null with one weight set or nothing to compare. */
  weightsSpread: WeightsSpread | null;
}

/** The most the harm weights alone move the fall in harm at one window and gap of the curve. */
export interface WeightsSpread {
  /** The largest reduction in harm minus the smallest, across the weight sets, at `window` and `gap`. */
  spread: number;
  window: number;
  gap: number;
  /** The smallest and largest reduction in harm there, and the weight sets that give them. */
  lowest: number;
  highest: number;
  lowestWeights: HarmSource;
  highestWeights: HarmSource;
}

/**
 * How much the choice of harm weights matters on its own. At each window and gap the curve has one
 * reduction in harm per weight set (the same under every test); their range is what the weights
 * alone change. The largest of those ranges, with where it is (the first window and gap of the
 * curve's order at a tie). Reductions that do not exist (no harm before) are left out; a window and
 * gap needs two reductions to have a range. Null when no window and gap has two.
 *
 * @example
 * // 6 months, gap 0: harm falls 80% (low), 82% (central), 85% (high); 12 months: 70%, 71%, 71%
 * weightsSpread(specs); // => { spread: 0.05, window: 6, gap: 0, lowest: 0.8, highest: 0.85, lowestWeights: 'low', highestWeights: 'high' }
 */
export function weightsSpread(specifications: readonly Specification[]): WeightsSpread | null {
  const byPlace = new Map<string, { window: number; gap: number; harm: Specification[] }>();
  for (const s of specifications) {
    if (s.measure !== 'harm' || s.test !== SPECIFICATION_TESTS[0] || s.reduction === null) continue;
    const key = `${s.window} ${s.gap}`;
    const place = byPlace.get(key) ?? { window: s.window, gap: s.gap, harm: [] };
    place.harm.push(s);
    byPlace.set(key, place);
  }
  let best: WeightsSpread | null = null;
  for (const { window, gap, harm } of byPlace.values()) {
    if (harm.length < 2) continue;
    // the first of equal reductions, in the curve's order of weight sets
    const low = harm.reduce((a, b) => (b.reduction! < a.reduction! ? b : a));
    const high = harm.reduce((a, b) => (b.reduction! > a.reduction! ? b : a));
    const spread = high.reduction! - low.reduction!;
    if (best === null || spread > best.spread) {
      best = { spread, window, gap, lowest: low.reduction!, highest: high.reduction!, lowestWeights: low.weights!, highestWeights: high.weights! };
    }
  }
  return best;
}

/** The windows of the curve for data covering `span` months either side: see the rule above. */
export function specificationWindows(span: number): number[] {
  if (span >= 24) return [...SPECIFICATION_WINDOWS];
  const windows = [1, 2, 3, 4].map((k) => Math.max(1, Math.round((span * k) / 4)));
  return [...new Set(windows)];
}

/** The specifications whose test finds a significant rise (a total that rose, p below the level, a test that points to rises): the curve counts only falls as significant. */
export const significantRises = (curve: Pick<SpecificationCurve, 'specifications'>): number =>
  curve.specifications.filter((s) => specificationVerdict(s) === 'rise').length;

/**
 * The specifications whose test is significant but points the other way from the total (or points
 * either way beside an unchanged total): most people fell while the total rose, or the reverse.
 * They are neither significant falls nor significant rises.
 */
export const significantAgainst = (curve: Pick<SpecificationCurve, 'specifications'>): number =>
  curve.specifications.filter((s) => specificationVerdict(s) === 'against').length;

/** Every specification of the curve for these data (optionally only some categories), with the share significant. */
export function specificationCurve(dataset: Dataset, options: { categories?: readonly string[] } = {}): SpecificationCurve {
  const windows = specificationWindows(dataset.span);
  const { weights, weightsNote } = weightChoices(dataset);
  const specifications: Specification[] = [];
  let categories: string[] = [];
  for (const window of windows) {
    for (const gap of SPECIFICATION_GAPS.filter((g) => g < window)) {
      // One analysis per weight set; arrests do not depend on the weights, so they come from the first.
      const results = weights.map((w) => analyse(dataset, { window, gap, categories: options.categories, weights: w }));
      categories = results[0].categories;
      const add = (measure: 'events' | 'harm', w: HarmSource | null, result: (typeof results)[number]) => {
        const m = result[measure];
        const pre = result.perOrder.map((o) => (measure === 'events' ? o.eventsPre : o.harmPre));
        const post = result.perOrder.map((o) => (measure === 'events' ? o.eventsPost : o.harmPost));
        const legacy = wilcoxonSignedRank(pre, post, 'legacy');
        const p: Record<SpecificationTest, number | null> = { current: m.test.p, legacy: legacy.p, sign: m.sign.p };
        const lean: Record<SpecificationTest, -1 | 0 | 1> = {
          current: wilcoxonLean(m.test, 'current'),
          legacy: wilcoxonLean(legacy, 'legacy'),
          sign: Math.sign(2 * m.sign.fewer - m.sign.n) as -1 | 0 | 1,
        };
        for (const test of SPECIFICATION_TESTS) {
          const spec = { window, gap, measure, weights: w, test, reduction: m.reduction, ci: m.ci, p: p[test], lean: lean[test] };
          specifications.push({ ...spec, significant: specificationVerdict(spec) === 'fall' });
        }
      };
      add('events', null, results[0]);
      weights.forEach((w, k) => add('harm', w, results[k]));
    }
  }
  const significant = specifications.filter((s) => s.significant).length;
  return {
    categories,
    choices: { windows, gaps: [...SPECIFICATION_GAPS], measures: ['events', 'harm'], weights, tests: [...SPECIFICATION_TESTS] },
    ...(weightsNote ? { weightsNote } : {}),
    specifications,
    total: specifications.length,
    significant,
    share: specifications.length === 0 ? null : significant / specifications.length,
    weightsSpread: weightsSpread(specifications),
  };
}

/** The harm index's weight sets when it can weight every event, else the harm as recorded, with the reason. */
export function weightChoices(dataset: Dataset): { weights: HarmSource[]; weightsNote?: string } {
  const index = dataset.harmIndex;
  if (!index) return { weights: ['data'], weightsNote: 'no harm index is used with these data, so harm is as recorded' };
  if (index.unmatched.length > 0) {
    const n = index.unmatched.length;
    return { weights: ['data'], weightsNote: `the harm index ${index.file} does not list the offence of ${n} ${n === 1 ? 'event' : 'events'}, so harm is as recorded` };
  }
  return { weights: SPECIFICATION_WEIGHTS.filter((w) => index.sets.includes(w)) };
}
