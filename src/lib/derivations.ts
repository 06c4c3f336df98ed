// Where each number on the page comes from: derive(result, dataset, path) → Derivation.
//
// A derivation is what a reviewer needs to check one number by hand or in R: its plain meaning,
// its value at full precision, the inputs that enter it (the people, months or arrests) as a small
// table, the intermediate quantities (for a Wilcoxon test: pairs, zeros, ties, V, exact or normal,
// z, R's method string and which R it follows), the formula in words and symbols, one R call that
// reproduces it from vectors built from those inputs, the engine file that computes it, and
// whether the number was calibrated to the published article or is simply what the generator made.
//
// Pure: the inputs are recomputed from the dataset with the engine's own table steps
// (src/analysis/tables.ts), never read back from the page. Loaded only when a panel opens.

import { HAC_SHORT_SERIES } from '../analysis/stats/hacShortSeries.ts';
import type { AnalysisResult, Measure } from '../analysis/analyse.ts';
import { eventHarms, inWindow, perOrderTotals, windowedEvents } from '../analysis/tables.ts';
import { rank } from '../analysis/stats/rank.ts';
import { leaveOneOutReductions } from '../analysis/reduction.ts';
import { NEWEY_WEST_SE_R } from '../analysis/neweyWestR.ts';
import type { Dataset } from '../analysis/types.ts';
import published from '../../data/published.json' with { type: 'json' };
import { valueAt, type ResultPath } from './resultPaths.ts';
import { harmUnitFor } from './harmUnit.ts';
import type { RobustPath } from './robustness.ts';
import { formatNumber, formatPercent } from './format.ts';

export type Cell = string | number | null;

export interface Derivation {
  /** A path into the analyse() result, or a number of the robustness page (src/lib/robustDerivations.ts). */
  path: ResultPath | RobustPath;
  /** What the number means, in a sentence. */
  meaning: string;
  /** The engine's value at full precision (an interval is [lower, upper]); null where the data give none. */
  value: number | [number, number] | null;
  /** The values that enter the number, one row per person, month or arrest. */
  inputs: { caption: string; columns: string[]; rows: Cell[][] } | null;
  /** Quantities on the way from the inputs to the number. */
  steps: { label: string; value: string | number | boolean | null }[];
  formula: { words: string; symbols: string };
  /** R that reproduces the value: `setup` builds the vectors from the inputs, `call` is the one call. */
  r: { setup: string; call: string; note?: string } | null;
  /** The engine file that computes it, relative to the repository root. */
  engine: string;
  /**
   * 'calibrated': the synthetic data were built to reproduce this published figure (study view only);
   * 'generator': computed from the generator's synthetic data, not a published figure, and not evidence of anything;
   * 'setting': a choice of the analysis (window, resamples, seed), not a result;
   * 'data': computed from the reader's own files (anything not declared synthetic by its manifest).
   */
  status: 'calibrated' | 'generator' | 'setting' | 'data';
  statusNote: string;
}

/** A number as R reads it back exactly (JavaScript's shortest round-trip form). */
export const rNumber = (x: number): string => (Number.isFinite(x) ? String(x) : 'NA');
export const rVector = (xs: readonly number[]): string => `c(${xs.map(rNumber).join(', ')})`;
const rStrings = (xs: readonly string[]): string => `c(${xs.map((s) => JSON.stringify(s)).join(', ')})`;

const ENGINE = {
  analyse: 'src/analysis/analyse.ts',
  tables: 'src/analysis/tables.ts',
  reduction: 'src/analysis/reduction.ts',
  wilcoxon: 'src/analysis/stats/wilcoxonSignedRank.ts',
  holm: 'src/analysis/stats/holm.ts',
  ols: 'src/analysis/stats/linearRegression.ts',
  kendall: 'src/analysis/stats/kendallTau.ts',
  pearson: 'src/analysis/stats/pearson.ts',
  spearman: 'src/analysis/stats/spearman.ts',
  neumaier: 'src/analysis/stats/neumaier.ts',
  sign: 'src/analysis/stats/signTest.ts',
  its: 'src/analysis/stats/segmentedRegression.ts',
  itsCount: 'src/analysis/stats/countSegmentedRegression.ts',
  busiest: 'src/analysis/stats/busiestTenth.ts',
} as const;

// ---- calibration: which paths reproduce a published figure, in the study's view only

interface PublishedFigure { id: string; value: number; measure: string; kind: string; category?: string }

/** The published figure a path was calibrated to, or null. Only in the study's view: 24 months, all categories, no gap, harm as recorded. */
export function publishedFigureFor(result: AnalysisResult, path: string): PublishedFigure | null {
  const studyView = result.window === published.window && result.categories.length === result.domain.categories.length && result.gap === 0 && result.weights === 'data';
  if (!studyView) return null;
  for (const f of published.figures as PublishedFigure[]) {
    const target =
      f.measure === 'sample'
        ? ({ issued: ['sample.register'], followup: ['sample.withFollowup'], analysed: ['sample.analysed', 'orders'] } as Record<string, string[]>)[f.kind] ?? []
        : [f.category && f.category !== 'overall' ? `byCategory.${f.category}.${f.measure}.${f.kind}` : `${f.measure}.${f.kind}`];
    if (target.includes(path)) return f;
  }
  return null;
}

function statusOf(result: AnalysisResult, path: string): Pick<Derivation, 'status' | 'statusNote'> {
  const f = publishedFigureFor(result, path);
  if (f) {
    return {
      status: 'calibrated',
      statusNote: `Calibrated: the synthetic data were built to reproduce the article's figure (${f.value}${f.measure === 'sample' ? '' : f.kind === 'reduction' ? '%' : ''}, data/published.json; checked by tests/calibration.test.ts). The match is by construction: it is not new evidence, and not a test of the calculation, which is checked against R.`,
    };
  }
  return {
    status: 'generator',
    statusNote: 'Computed by the analysis from the bundled synthetic data (made by scripts/generate-data.ts), not a published figure: it shows how the method behaves, and is not evidence about real orders.',
  };
}

// ---- the per-person inputs of a measure

type Which = 'events' | 'harm';
interface MeasureRef { base: string; which: Which; category: string | null; measure: Measure }

function measureRef(result: AnalysisResult, path: string): MeasureRef | null {
  const m = /^(?:byCategory\.([^.]+)\.)?(events|harm)\./.exec(path);
  if (!m) return null;
  const [, category, which] = m as unknown as [string, string | undefined, Which];
  const measure = category ? result.byCategory[category]?.[which] : result[which];
  if (!measure) return null;
  return { base: category ? `byCategory.${category}.${which}` : which, which, category: category ?? null, measure };
}

/** Each analysed person's before and after for a measure, recomputed from the events by the engine's steps (window, gap, categories and harm weights as the result's). */
export function personTotals(result: AnalysisResult, dataset: Dataset, which: Which, category: string | null): { ids: string[]; pre: number[]; post: number[] } {
  const windowed = windowedEvents(dataset, result.window, result.categories, { gap: result.gap, weights: result.weights });
  const t = perOrderTotals(dataset, windowed, result.categories);
  const block = category ? t.byCategory[category] : t.overall;
  return which === 'events'
    ? { ids: t.ids, pre: block.eventsPre, post: block.eventsPost }
    : { ids: t.ids, pre: block.harmPre, post: block.harmPost };
}

/** "total harm (CCHI days)", with the weight set when harm is taken from the harm index. */
const harmWords = (result: AnalysisResult) => (result.weights === 'data' ? 'total harm (CCHI days)' : `total harm (CCHI days, the harm index's ${result.weights} weights)`);
const whatOf = (ref: MeasureRef, result: AnalysisResult) =>
  `${ref.which === 'events' ? 'arrests' : harmWords(result)}${ref.category ? ` for ${result.categoryNames[ref.category].toLowerCase()}` : ''}`;
const months = (w: number) => `${w} ${w === 1 ? 'month' : 'months'}`;
/** The analysed months either side, in words: "24 months", or "24 months (less the 3 nearest the order)". */
const windowWords = (result: AnalysisResult) => (result.gap > 0 ? `${months(result.window)} (less the ${result.gap === 1 ? 'month' : `${result.gap} months`} nearest the order)` : months(result.window));

function prePostInputs(ids: string[], pre: number[], post: number[], caption: string): Derivation['inputs'] {
  return { caption, columns: ['Person (order)', 'Before', 'After'], rows: ids.map((id, k) => [id, pre[k], post[k]]) };
}
const prePostSetup = (pre: number[], post: number[]) => `pre <- ${rVector(pre)}\npost <- ${rVector(post)}`;

function deriveMeasure(result: AnalysisResult, dataset: Dataset, path: ResultPath, ref: MeasureRef): Derivation | null {
  const rest = path.slice(ref.base.length + 1);
  const { ids, pre, post } = personTotals(result, dataset, ref.which, ref.category);
  const what = whatOf(ref, result);
  const win = windowWords(result);
  const base = { path, value: valueAt(result, path) as Derivation['value'], ...statusOf(result, path) };
  const inputs = prePostInputs(ids, pre, post, `${what}, each person, ${win} before and after`);
  const setup = prePostSetup(pre, post);
  const m = ref.measure;
  switch (rest) {
    case 'pre':
    case 'post':
      return {
        ...base, meaning: `${what.startsWith('total ') ? `The ${what}` : `The total of ${what}`} over ${ids.length === 1 ? 'the 1 analysed person' : `all ${ids.length} analysed people`} in the ${win} ${rest === 'pre' ? 'before' : 'after'} their order.`,
        inputs, steps: [{ label: 'People', value: ids.length }],
        formula: { words: `Add up each person's ${rest === 'pre' ? 'before' : 'after'} value (compensated summation, so that totals of fractional harm are exact to the last digit).`, symbols: rest === 'pre' ? 'Σᵢ preᵢ' : 'Σᵢ postᵢ' },
        r: { setup, call: `sum(${rest})` }, engine: ref.which === 'harm' ? ENGINE.neumaier : ENGINE.tables,
      };
    case 'reduction':
      return {
        ...base, meaning: `The proportional fall in ${what}: 1 − after ÷ before, over ${ids.length === 1 ? 'the 1 person' : `all ${ids.length} people`} (negative is a rise).`,
        inputs, steps: [{ label: 'Total before', value: m.pre }, { label: 'Total after', value: m.post }],
        formula: { words: 'One minus the total after divided by the total before; none when nothing was recorded before.', symbols: '1 − Σpost ÷ Σpre' },
        r: { setup, call: '1 - sum(post) / sum(pre)' }, engine: ENGINE.reduction,
      };
    case 'ci':
    case 'bootstrap.dropped':
      return {
        ...base,
        meaning: rest === 'ci'
          ? `The ${Math.round(100 * result.bootstrap.level)}% percentile bootstrap interval for the reduction in ${what}: how far the reduction moves when the ${ids.length} people are resampled with replacement.`
          : `Bootstrap resamples left out of the interval for ${what} because their before-total was 0 (they have no reduction).`,
        inputs,
        steps: [
          { label: 'Reduction (point estimate)', value: m.reduction },
          { label: 'Resamples', value: result.bootstrap.resamples },
          { label: 'Seed', value: result.bootstrap.seed },
          { label: 'Level', value: result.bootstrap.level },
          { label: 'Resamples dropped (before-total 0)', value: m.bootstrap.dropped },
          { label: 'Why there is no interval', value: m.bootstrap.reason ?? null },
        ],
        formula: {
          words: 'Draw the people with replacement, recompute 1 − Σpost ÷ Σpre for each resample, and take the 2.5th and 97.5th percentiles (R type 7) of those that have a before-total.',
          symbols: 'quantile({1 − Σpost*ᵇ ÷ Σpre*ᵇ : b = 1…B, Σpre*ᵇ > 0}, (0.025, 0.975))',
        },
        r: {
          setup,
          call: `{ set.seed(${result.bootstrap.seed}); r <- replicate(${result.bootstrap.resamples}, { i <- sample(length(pre), replace = TRUE); 1 - sum(post[i]) / sum(pre[i]) }); ${rest === 'ci' ? 'quantile(r[is.finite(r)], c(0.025, 0.975), type = 7)' : 'sum(!is.finite(r))'} }`,
          note: `Same method, different random draws: the engine uses its own seeded generator (mulberry32), so R gives a different interval. With ${formatNumber(result.bootstrap.resamples)} resamples an interval's ends move from one seed to another, the more so where few people carry the measure, so an end near 0 may fall on the other side of it in R.`,
        },
        engine: ENGINE.reduction,
      };
    case 'test.pAdjusted':
      return deriveHolm(result, ref, base);
    case 'sign.n':
    case 'sign.fewer':
    case 'sign.p': {
      const meaning = {
        'sign.n': `People whose ${what} differ between before and after (the sign test counts only them).`,
        'sign.fewer': `People with lower ${what} after their order than before.`,
        'sign.p': `The p-value of the two-sided sign test: how surprising ${m.sign.fewer} of ${m.sign.n} people lower after would be if each were equally likely to be higher or lower.`,
      }[rest];
      return {
        ...base, meaning, inputs,
        steps: [{ label: 'People who differ (n)', value: m.sign.n }, { label: 'Lower after', value: m.sign.fewer }, { label: 'Why there is no p', value: m.sign.reason ?? null }],
        formula: { words: 'Count the people whose value differs, and those lower after; the p-value is the exact two-sided binomial test of that count against a half.', symbols: 'n = #{preᵢ ≠ postᵢ};  k = #{postᵢ < preᵢ};  p = binom.test(k, n, 1/2)' },
        r: { setup, call: rest === 'sign.n' ? 'sum(pre != post)' : rest === 'sign.fewer' ? 'sum(post < pre)' : 'binom.test(sum(post < pre), sum(pre != post))$p.value' },
        engine: ENGINE.sign,
      };
    }
  }
  if (rest.startsWith('test.')) return deriveWilcoxon(result, path, ref, base, ids, pre, post, what);
  return null;
}

function deriveWilcoxon(result: AnalysisResult, path: ResultPath, ref: MeasureRef, base: Pick<Derivation, 'path' | 'value' | 'status' | 'statusNote'>, ids: string[], pre: number[], post: number[], what: string): Derivation {
  const stat = path.slice(ref.base.length + 'test.'.length + 1);
  const t = ref.measure.test;
  const d = pre.map((x, k) => x - post[k]);
  // Which ranks R uses: current R with < 50 pairs ranks every |d|, zeros included, and leaves the zeros out of V (Pratt);
  // otherwise the zeros are dropped first (Wilcoxon's treatment).
  const pratt = result.wilcoxon === 'current' && d.length < 50;
  const ranks = pratt ? rank(d.map(Math.abs)) : (() => {
    const nz = rank(d.filter((v) => v !== 0).map(Math.abs));
    let j = 0;
    return d.map((v) => (v === 0 ? null : nz[j++]));
  })();
  const rows: Cell[][] = ids.map((id, k) => [id, pre[k], post[k], d[k], d[k] === 0 ? (pratt ? `${ranks[k]} (zero: not in V)` : '—') : ranks[k], d[k] > 0 ? '+' : d[k] < 0 ? '−' : '0']);
  const rLabel = result.wilcoxon === 'current' ? 'current R (4.6) with its defaults' : 'R 4.5 and earlier (legacy rule; in R 4.6, pass exact and correct explicitly)';
  const args = result.wilcoxon === 'current' ? 'paired = TRUE' : `paired = TRUE, exact = ${t.exact ? 'TRUE' : 'FALSE'}, correct = TRUE`;
  const test = `wilcox.test(pre, post, ${args})`;
  const calls: Record<string, string> = {
    V: `unname(${test}$statistic)`,
    p: `${test}$p.value`,
    n: 'sum(pre != post)',
    zeros: 'sum(pre == post)',
    ties: '{ a <- abs(pre - post); a <- a[a != 0]; sum(a %in% a[duplicated(a)]) }',
    z: '{ d <- pre - post; d <- d[d != 0]; n <- length(d); r <- rank(abs(d)); t <- table(r); c <- sum(r[d > 0]) - n * (n + 1) / 4; (c - sign(c) * 0.5) / sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(t^3 - t) / 48) }',
  };
  const meanings: Record<string, string> = {
    V: `Wilcoxon's V for ${what}: the sum of the ranks of the people whose value fell (before − after > 0).`,
    p: `The two-sided p-value of the paired Wilcoxon signed-rank test of before against after, for ${what}.`,
    n: `People whose ${what} differ before and after: the pairs that carry information about the direction of change.`,
    zeros: `People whose ${what} are the same before and after (including people with none in either period).`,
    ties: `People whose absolute change in ${what} equals someone else's, so they share a rank.`,
    z: `The continuity-corrected normal deviate of V, used when the test is not exact (${what}).`,
  };
  return {
    ...base,
    meaning: meanings[stat] ?? `A quantity of the paired Wilcoxon test for ${what}.`,
    inputs: { caption: `${what}, each person: before, after, difference and rank of |difference|`, columns: ['Person (order)', 'Before', 'After', 'Difference', 'Rank of |difference|', 'Sign'], rows },
    steps: [
      { label: 'Pairs', value: d.length },
      { label: 'Non-zero differences (n)', value: t.n },
      { label: 'Zeros', value: t.zeros },
      { label: 'Tied |differences|', value: t.ties },
      { label: 'Zeros ranked then left out (Pratt)', value: pratt },
      { label: 'V (sum of ranks of positive differences)', value: t.V },
      { label: 'Exact p-value', value: t.exact },
      { label: 'z (normal approximation)', value: t.z },
      { label: "R's method", value: t.method },
      { label: 'Follows', value: rLabel },
      { label: 'Why there is no result', value: t.reason ?? null },
    ],
    formula: {
      words: result.wilcoxon === 'current'
        ? 'Take each person\'s difference before − after and rank the absolute differences, ties sharing the average rank (below 50 pairs current R ranks the zeros too, then leaves them out of V: Pratt\'s method); V adds up the ranks of the positive ones. The p-value compares V with its distribution when the changes are symmetric about no change (each person\'s change as likely to be a rise as a fall of the same size, so each rank as likely to carry either sign): exact (conditional on the ranks) below 50 pairs, otherwise a normal approximation with a continuity correction.'
        : 'Take each person\'s difference before − after, set the zeros aside, and rank the absolute values of the rest, ties sharing the average rank; V adds up the ranks of the positive ones. The p-value compares V with its distribution when the changes are symmetric about no change (each person\'s change as likely to be a rise as a fall of the same size, so each rank as likely to carry either sign): exact below 50 pairs when no difference is zero and none tie, otherwise a normal approximation with a continuity correction (as R 4.5 and earlier computed it).',
      symbols: 'dᵢ = preᵢ − postᵢ;  V = Σ_{dᵢ>0} rank(|dᵢ|);  z = (V − n(n+1)/4 ∓ ½) ÷ √(n(n+1)(2n+1)/24 − Σ(t³−t)/48)',
    },
    r: {
      setup: prePostSetup(pre, post),
      call: calls[stat] ?? `${test}`,
      ...(result.wilcoxon === 'current' && (stat === 'V' || stat === 'p' || stat === 'exact') ? { note: 'Needs R 4.6. In R 4.5 and earlier the same call follows the older rule (zeros set aside before ranking, the normal approximation whenever differences tie) and gives another V and p; set "Paired test computed as" to "R 4.5 and earlier" to compare with an older R. R\'s development version (to become R 4.7) keeps the unchanged counts in its normal approximation, so with 50 people or more it may give another p.' } : {}),
    },
    engine: ENGINE.wilcoxon,
  };
}

function deriveHolm(result: AnalysisResult, ref: MeasureRef, base: Pick<Derivation, 'path' | 'value' | 'status' | 'statusNote'>): Derivation {
  const family = result.categories.map((c) => ({ c, p: result.byCategory[c][ref.which].test.p }));
  const present = family.filter((f): f is { c: string; p: number } => f.p !== null);
  const sorted = [...present].sort((a, b) => a.p - b.p);
  const m = present.length;
  const position = sorted.findIndex((f) => f.c === ref.category);
  const multiplier = position < 0 ? null : m - position;
  const k = present.findIndex((f) => f.c === ref.category);
  return {
    ...base,
    meaning: `The p-value for ${whatOf(ref, result)} adjusted by Holm's method for testing ${m} categories at once.`,
    inputs: { caption: `Raw p-values of the family (${ref.which === 'events' ? 'arrests' : 'harm'}, the categories in view)`, columns: ['Category', 'Raw p', 'Holm multiplier', 'Holm p'], rows: family.map((f) => {
      const i = sorted.findIndex((s) => s.c === f.c);
      return [result.categoryNames[f.c], f.p, i < 0 ? null : m - i, result.byCategory[f.c][ref.which].test.pAdjusted ?? null];
    }) },
    steps: [
      { label: 'Tests in the family (m)', value: m },
      { label: 'Rank of this p among them', value: position < 0 ? null : position + 1 },
      { label: 'Multiplier (m + 1 − rank)', value: multiplier },
      { label: 'Raw p', value: ref.measure.test.p },
    ],
    formula: {
      words: 'Sort the family\'s p-values; multiply the i-th smallest by m + 1 − i, keep a running maximum so the order is preserved, and cap at 1.',
      symbols: 'p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m + 1 − j) p₍ⱼ₎)',
    },
    r: k < 0 ? null : { setup: `p <- ${rVector(present.map((f) => f.p))}`, call: `p.adjust(p, method = "holm")[${k + 1}]` },
    engine: ENGINE.holm,
  };
}

// ---- months: trend, correlation and the monthly totals

function deriveTrend(result: AnalysisResult, path: ResultPath, which: Which, stat: string): Derivation | null {
  const after = result.monthly.filter((mo) => mo.month > 0);
  const x = after.map((mo) => mo.month);
  const y = after.map((mo) => mo[which]);
  const t = result.trend[which];
  const what = which === 'events' ? 'monthly arrests' : `monthly ${harmWords(result).replace(/^total /, '')}`;
  const kendall = stat === 'tau' || stat === 'tauP';
  const span = `${result.gap + 1} … ${result.window}`;
  const calls: Record<string, string> = {
    slope: 'unname(coef(lm(y ~ x))[2])',
    intercept: 'unname(coef(lm(y ~ x))[1])',
    p: 'summary(lm(y ~ x))$coefficients[2, 4]',
    tau: 'unname(suppressWarnings(cor.test(x, y, method = "kendall"))$estimate)',
    tauP: 'suppressWarnings(cor.test(x, y, method = "kendall"))$p.value',
  };
  if (!(stat in calls)) return null;
  const meanings: Record<string, string> = {
    slope: `The change per month in ${what} after the order, from a straight line fitted by least squares to months ${span}.`,
    intercept: `The fitted line's value at month 0 for ${what} (the line is intercept + slope × month).`,
    p: `The p-value of the t-test that the straight-line slope of ${what} after the order is zero.`,
    tau: `Kendall's τ between month and ${what} after the order: whether later months tend to be higher or lower.`,
    tauP: `The p-value of Kendall's test of no tendency between month and ${what} after the order.`,
  };
  return {
    path, value: valueAt(result, path) as number | null, ...statusOf(result, path),
    meaning: meanings[stat],
    inputs: { caption: `${what}, months after the order`, columns: ['Month', which === 'events' ? 'Arrests' : 'Harm'], rows: after.map((mo) => [mo.month, mo[which]]) },
    steps: kendall
      ? [{ label: 'Months', value: x.length }, { label: 'τ', value: t.tau }, { label: 'Method', value: t.tauMethod }, { label: 'Why there is no result', value: t.reason ?? null }]
      : [{ label: 'Months', value: x.length }, { label: 'Slope', value: t.slope }, { label: 'Intercept', value: t.intercept }, { label: 'Why there is no result', value: t.reason ?? null }],
    formula: kendall
      ? { words: 'Over all pairs of months, count pairs where the later month is higher minus pairs where it is lower, scaled to −1 … 1 (τ-b, with ties); the test is exact without ties and below 50 months, otherwise normal.', symbols: 'τ_b = Σ sign(Δx)·sign(Δy) ÷ √(n₀ − n₁)(n₀ − n₂)' }
      : { words: 'Least squares: the slope is the centred cross-product of month and value over the centred squares of month; t = slope ÷ its standard error on n − 2 degrees of freedom.', symbols: 'b = Σ(x − x̄)(y − ȳ) ÷ Σ(x − x̄)²;  t = b ÷ √(s² ÷ Σ(x − x̄)²)' },
    r: { setup: `x <- ${rVector(x)}\ny <- ${rVector(y)}`, call: calls[stat] },
    engine: kendall ? ENGINE.kendall : ENGINE.ols,
  };
}

const ITS_COEFFICIENTS: Record<string, [string, string, boolean]> = {
  intercept: ['(Intercept)', 'the fitted line before the order, at month 0', false],
  preSlope: ['month', 'the change per month before the order', false],
  preSlopeP: ['month', 'the p-value of the t-test that the line before the order is flat (no trend before the order)', true],
  level: ['post', 'the step at the order: the gap between the line after and the line before at month 0', false],
  levelP: ['post', 'the p-value of the t-test that there is no step at the order', true],
  slopeChange: ['tPost', 'the slope after the order minus the slope before', false],
  slopeChangeP: ['tPost', 'the p-value of the t-test that the slope does not change at the order', true],
  preSlopePHac: ['month', 'the p-value of the test that the line before the order is flat, allowing for autocorrelated months (Newey–West standard errors)', true],
  levelPHac: ['post', 'the p-value of the test that there is no step at the order, allowing for autocorrelated months (Newey–West standard errors)', true],
  slopeChangePHac: ['tPost', 'the p-value of the test that the slope does not change at the order, allowing for autocorrelated months (Newey–West standard errors)', true],
  hacLag: ['', 'the number of months over which the Newey–West standard errors let errors be correlated: ⌊4 (n/100)^(2/9)⌋ for n months (Newey and West\'s 1994 rule)', false],
};

/** The Newey–West p of one term of `fit`, in base R: the emitted script's own lines (NEWEY_WEST_SE_R), then the t-test. */
const neweyWestCall = (term: string) => [...NEWEY_WEST_SE_R, `unname(2 * pt(-abs(coef(fit)["${term}"] / se["${term}"]), n - 4))`].join('\n');

/** The months and a series as a derivation's inputs, and the same in R with the model's two terms and its fit. */
function itsData(result: AnalysisResult, which: Which, what: string, fit: string): { inputs: Derivation['inputs']; setup: string } {
  const months = result.monthly.map((mo) => mo.month);
  return {
    inputs: { caption: `${what}, every analysed month`, columns: ['Month', which === 'events' ? 'Arrests' : 'Harm'], rows: result.monthly.map((mo) => [mo.month, mo[which]]) },
    setup: `month <- ${rVector(months)}\ny <- ${rVector(result.monthly.map((mo) => mo[which]))}\npost <- as.numeric(month > 0)\ntPost <- ifelse(month > 0, month, 0)\nfit <- ${fit}`,
  };
}

/** One end of a ratio's 95% interval: its meaning and its R line, exp(b ∓ t · se) of the term. */
const intervalEnd = (term: 'post' | 'tPost', what: string, end: 'lower' | 'upper'): [string, string] => [
  `the ${end} end of ${what}'s 95% interval, exp(b ${end === 'lower' ? '−' : '+'} t · se) with t the 0.975 quantile of Student's t on n − 4 degrees of freedom (a Wald interval)`,
  `unname(exp(coef(fit)["${term}"] ${end === 'lower' ? '-' : '+'} qt(0.975, df.residual(fit)) * summary(fit)$coefficients["${term}", "Std. Error"]))`,
];

const ITS_COUNT: Record<string, [string, string]> = {
  levelRatioLow: intervalEnd('post', 'the step', 'lower'),
  levelRatioHigh: intervalEnd('post', 'the step', 'upper'),
  slopeChangeRatioLow: intervalEnd('tPost', 'the change in slope', 'lower'),
  slopeChangeRatioHigh: intervalEnd('tPost', 'the change in slope', 'upper'),
  levelRatio: ['the step at the order as a ratio: the fitted value at month 0 on the line after the order over that on the line before, extended (below 1, a step down)', 'unname(exp(coef(fit))["post"])'],
  levelRatioP: ['the p-value of the t-test that there is no step at the order (a ratio of 1)', 'summary(fit)$coefficients["post", "Pr(>|t|)"]'],
  slopeChangeRatio: ['the change in slope as a ratio: each month\'s ratio to the month before, after the order, over the same ratio before it (below 1, a trend that falls faster, or rises more slowly, after the order)', 'unname(exp(coef(fit))["tPost"])'],
  slopeChangeRatioP: ['the p-value of the t-test that the slope does not change at the order (a ratio of 1)', 'summary(fit)$coefficients["tPost", "Pr(>|t|)"]'],
  preSlopeRatio: ['the month-on-month ratio before the order: each month\'s fitted value over the month before\'s (above 1, a line rising towards the order)', 'unname(exp(coef(fit))["month"])'],
  preSlopeRatioP: ['the p-value of the t-test that the line before the order is flat (a month-on-month ratio of 1)', 'summary(fit)$coefficients["month", "Pr(>|t|)"]'],
  postSlopeRatio: ['the month-on-month ratio after the order: the ratio before it times the change in slope', 'unname(exp(coef(fit)["month"] + coef(fit)["tPost"]))'],
  dispersion: ['the dispersion: the variance of the months about the fitted lines over their mean (for counts as variable as Poisson counts, 1); the p-values and intervals allow for it', 'summary(fit)$dispersion'],
};

/** The interrupted time series as counts: glm(y ~ month + post + tPost, family = quasipoisson) over the analysed months' totals. */
function deriveItsCount(result: AnalysisResult, path: ResultPath, which: Which, stat: string): Derivation | null {
  const c = ITS_COUNT[stat];
  if (!c) return null;
  const [meaning, call] = c;
  const what = which === 'events' ? 'monthly arrests' : `monthly ${harmWords(result)}`;
  const its = result.its[which];
  const data = itsData(result, which, what, 'glm(y ~ month + post + tPost, family = quasipoisson)');
  return {
    path, value: valueAt(result, path) as number | null, ...statusOf(result, path),
    meaning: `For ${what}, in a model of the logarithm of the expected monthly value (a quasi-Poisson regression, usual for counts), ${meaning}. On this scale a straight line is a steady proportional change, so the step and the change in slope are ratios, not differences${which === 'harm' ? `; harm is not a count, but the model assumes only a variance proportional to the mean, and its ratios and p-values are the same in any unit of harm, though its p-values are approximate where the variance grows faster than that${stat === 'dispersion' ? '. For harm the dispersion is in harm\'s own units, so it is not to be compared with 1' : ''}` : ''}. Its p-values treat the months as independent.`,
    inputs: data.inputs,
    steps: [
      { label: 'Months', value: result.monthly.length },
      { label: 'Month-on-month ratio before', value: its.preSlopeRatio },
      { label: 'Step at the order (ratio)', value: its.levelRatio },
      { label: 'Change in slope (ratio)', value: its.slopeChangeRatio },
      { label: 'Month-on-month ratio after', value: its.postSlopeRatio },
      { label: 'Dispersion', value: its.dispersion },
      // An interval's end can be missing with a fit and a p: exp of it is beyond a double.
      { label: 'Why there is no result', value: its.countReason ?? (/(Low|High)$/.test(stat) && valueAt(result, path) === null ? 'this end of the interval is beyond what a double holds (R gives 0 or Inf)' : null) },
    ],
    formula: {
      words: 'The logarithm of the expected monthly value is a straight line before the order and another after it, on the same three terms as the straight-line model (month; post, 1 after the order; tPost, the month after the order). Fitted by iteratively reweighted least squares, as R\'s glm does; the step is exp of the coefficient of post, the change in slope exp of that of tPost. The dispersion is the Pearson statistic Σ (y − μ)²/μ over n − 4, and each p is the t-test of its coefficient, with standard errors scaled by the dispersion, on n − 4 degrees of freedom.',
      symbols: 'log μₘ = a + b·m + c·postₘ + d·tPostₘ;  step = e^c, change in slope = e^d;  φ = Σ (yₘ − μₘ)²/μₘ ÷ (n − 4)',
    },
    r: { setup: data.setup, call },
    engine: ENGINE.itsCount,
  };
}

/** The interrupted time series: lm(y ~ month + post + tPost) over the analysed months' totals. */
function deriveIts(result: AnalysisResult, path: ResultPath, which: Which, stat: string): Derivation | null {
  const c = ITS_COEFFICIENTS[stat];
  if (!c) return null;
  const [term, meaning, isP] = c;
  const months = result.monthly.map((mo) => mo.month);
  const what = which === 'events' ? 'monthly arrests' : `monthly ${harmWords(result)}`;
  const its = result.its[which];
  const data = itsData(result, which, what, 'lm(y ~ month + post + tPost)');
  // The estimator takes the months as a sequence (as sandwich::NeweyWest takes the rows of lm's data).
  const first = months.find((m) => m > 0);
  const last = months.filter((m) => m < 0).at(-1);
  const signed = (m: number) => (m < 0 ? `−${-m}` : `${m}`);
  const adjacency = first === undefined || last === undefined ? ''
    : `The months are taken in their order, month ${signed(last)} next to month ${signed(first)}${result.gap > 0 ? ': the months left out around the order are skipped, not treated as missing' : ''}.`;
  return {
    path, value: valueAt(result, path) as number | null, ...statusOf(result, path),
    meaning: stat === 'hacLag' || stat.endsWith('Hac')
      ? `For ${what}, ${meaning}. The ordinary t-tests assume that months are independent, which monthly counts of the same people may not be; these weigh the correlation of each month's error with the ${its.hacLag ?? 'few'} months before it. ${months.length < HAC_SHORT_SERIES ? `With only ${months.length} months, Newey–West standard errors are themselves too small (they are meant for long series), so this p-value cannot be relied on either. ` : `Newey–West standard errors are meant for long series: with ${months.length} months they still tend to be too small, so the page reads this p-value beside the ordinary one: a step at the order is called clear only when both are below 0.01, and a trend before the order is mentioned where both are below 0.05. `}${adjacency}`
      : `For ${what}, ${meaning} (an interrupted time series; these p-values assume that months are independent, which monthly counts of the same people may not be: the Newey–West p-values beside them do not).`,
    inputs: data.inputs,
    steps: [
      { label: 'Months', value: months.length },
      { label: 'Slope before', value: its.preSlope },
      { label: 'Step at the order', value: its.level },
      { label: 'Change in slope', value: its.slopeChange },
      { label: 'Newey–West lag (months)', value: its.hacLag },
      { label: 'Why there is no result', value: its.reason ?? null },
    ],
    formula: {
      words: 'Least squares on three terms: month; post, 1 after the order and 0 before; and tPost, the month after the order (0 before). The step is the coefficient of post, the change in slope that of tPost; each p is the t-test of its coefficient on n − 4 degrees of freedom. The Newey–West p uses the same coefficients with a covariance that lets each month\'s error be correlated with the L months before it (Bartlett weights 1 − l/(L + 1)), times n/(n − 4).',
      symbols: 'yₘ = a + b·m + c·postₘ + d·tPostₘ + εₘ;  V_NW = n/(n − 4) · (XᵀX)⁻¹ [Σ uₜuₜᵀ + Σₗ (1 − l/(L+1)) Σₜ (uₜuₜ₋ₗᵀ + uₜ₋ₗuₜᵀ)] (XᵀX)⁻¹, uₜ = eₜxₜ',
    },
    r: {
      setup: data.setup,
      call: stat === 'hacLag' ? 'floor(4 * (length(y) / 100)^(2 / 9))'
        : stat.endsWith('Hac') ? neweyWestCall(term)
        : isP ? `summary(fit)$coefficients["${term}", "Pr(>|t|)"]` : `unname(coef(fit)["${term}"])`,
    },
    engine: ENGINE.its,
  };
}

/** The range of the overall reduction when each analysed person is left out in turn. */
function deriveLeaveOneOut(result: AnalysisResult, dataset: Dataset, path: ResultPath, which: Which, end: string): Derivation | null {
  if (end !== 'min' && end !== 'max') return null;
  const { ids, pre, post } = personTotals(result, dataset, which, null);
  const what = which === 'events' ? 'arrests' : harmWords(result);
  const without = leaveOneOutReductions(pre, post);
  const full = result[which].reduction;
  return {
    path, value: valueAt(result, path) as number | null, ...statusOf(result, path),
    // A reduction below zero is a rise, said as the page says it; the percentage as the page prints it (formatPercent's minus sign, not a hyphen).
    meaning: `The ${end === 'min' ? 'smallest' : 'largest'} overall reduction in ${what} when one analysed person at a time is left out, a negative reduction being a rise (with everyone: ${full === null ? 'none' : formatPercent(full)}).`,
    inputs: { caption: `${what}, each person, with the reduction without them`, columns: ['Person (order)', 'Before', 'After', 'Reduction without them'], rows: ids.map((id, k) => [id, pre[k], post[k], without[k]]) },
    steps: [{ label: 'People', value: ids.length }, { label: 'Reduction with everyone', value: full }],
    formula: { words: 'For each person i, recompute 1 − Σpost ÷ Σpre without them; take the smallest or largest of those that exist (a before-total of 0 has no reduction).', symbols: `${end}ᵢ (1 − Σ_{j≠i} postⱼ ÷ Σ_{j≠i} preⱼ)` },
    r: { setup: prePostSetup(pre, post), call: `{ r <- sapply(seq_along(pre), function(i) 1 - sum(post[-i]) / sum(pre[-i])); ${end}(r[is.finite(r)]) }` },
    engine: ENGINE.reduction,
  };
}

function deriveBusiestTenth(result: AnalysisResult, dataset: Dataset, path: ResultPath, field: string): Derivation | null {
  if (field !== 'people' && field !== 'events' && field !== 'share' && field !== 'othersReduction' && field !== 'tiedOut' && field !== 'othersReductionLow' && field !== 'othersReductionHigh') return null;
  const { ids, pre, post } = personTotals(result, dataset, 'events', null);
  // Busiest first, the earlier of equals first (as R's order(-pre)): the first `people` rows are the tenth.
  const order = ids.map((_, k) => k).sort((a, b) => pre[b] - pre[a]);
  const b = result.busiestTenth;
  const meanings = {
    people: 'How many people make up the busiest tenth: the analysed people, divided by 10 and rounded half up, and at least one.',
    events: 'The arrests before their orders of the busiest tenth of the analysed people: those with the most arrests before.',
    share: 'The share of all the arrests before the orders that the busiest tenth of the analysed people account for: how far a few people carry the totals.',
    othersReduction: 'The reduction in arrests of everyone but the busiest tenth: whether the fall holds without the few people who carry most of the arrests before, and who would have fewer after by chance alone.',
    tiedOut: 'People with as many arrests before as the last person in the busiest tenth, but left out of it: the earlier of equals counts as busier, a choice that can move the others\' reduction.',
    othersReductionLow: 'The lowest the others\' reduction can be over every choice of which people tied at the cut count among the busiest: with the tied people who had the most arrests after left among the others.',
    othersReductionHigh: 'The highest the others\' reduction can be over every choice of which people tied at the cut count among the busiest: with the tied people who had the fewest arrests after left among the others.',
  };
  const symbols = {
    people: 'k = max(1, ⌊n ÷ 10 + ½⌋)',
    events: 'Σ of the k largest preᵢ',
    share: '(Σ of the k largest preᵢ) ÷ Σ preᵢ',
    othersReduction: '1 − Σ_{i ∉ busiest} postᵢ ÷ Σ_{i ∉ busiest} preᵢ',
    tiedOut: 'm = #{i : preᵢ = pre₍ₖ₎} − #{i ∈ busiest : preᵢ = pre₍ₖ₎}',
    othersReductionLow: '1 − (Σ_{others, untied} postᵢ + the m largest postᵢ of the tied) ÷ Σ_{i ∉ busiest} preᵢ',
    othersReductionHigh: '1 − (Σ_{others, untied} postᵢ + the m smallest postᵢ of the tied) ÷ Σ_{i ∉ busiest} preᵢ',
  };
  const calls = {
    people: 'k',
    events: 'sum(pre[busiest])',
    share: 'sum(pre[busiest]) / sum(pre)',
    othersReduction: '1 - sum(post[-busiest]) / sum(pre[-busiest])',
    tiedOut: 'length(setdiff(which(pre == pre[busiest[k]]), busiest))',
    othersReductionLow: '{ tied <- which(pre == pre[busiest[k]]); m <- length(setdiff(tied, busiest)); others <- setdiff(seq_along(pre), busiest); 1 - (sum(post[setdiff(others, tied)]) + sum(sort(post[tied], decreasing = TRUE)[seq_len(m)])) / sum(pre[others]) }',
    othersReductionHigh: '{ tied <- which(pre == pre[busiest[k]]); m <- length(setdiff(tied, busiest)); others <- setdiff(seq_along(pre), busiest); 1 - (sum(post[setdiff(others, tied)]) + sum(sort(post[tied])[seq_len(m)])) / sum(pre[others]) }',
  };
  const others = field === 'othersReduction' || field === 'othersReductionLow' || field === 'othersReductionHigh' || field === 'tiedOut';
  return {
    path, value: valueAt(result, path) as number | null, ...statusOf(result, path),
    meaning: meanings[field],
    inputs: {
      caption: `Arrests before${others ? ' and after' : ''} the order, each person, busiest first`,
      columns: ['Rank', 'Person (order)', 'Arrests before', ...(others ? ['Arrests after'] : []), 'In the busiest tenth'],
      rows: order.map((i, r) => [r + 1, ids[i], pre[i], ...(others ? [post[i]] : []), r < b.people ? 'yes' : 'no']),
    },
    steps: [
      { label: 'People', value: ids.length },
      { label: 'In the busiest tenth', value: b.people },
      { label: 'Their arrests before', value: b.events },
      { label: 'Everyone\'s arrests before', value: result.events.pre },
      ...(others ? [{ label: 'Everyone\'s reduction', value: result.events.reduction }] : []),
      ...(field === 'tiedOut' || field === 'othersReductionLow' || field === 'othersReductionHigh'
        ? [{ label: 'Tied at the cut and left out (m)', value: b.tiedOut }, { label: 'The others\' reduction, the earlier of equals counted as busier', value: b.othersReduction }]
        : []),
    ],
    formula: {
      words: 'Sort the people by their arrests before, busiest first (the earlier of equals first); the busiest tenth are the first k, where k is the number of people divided by 10 and rounded half up (at least 1). '
        + (field === 'tiedOut' || field === 'othersReductionLow' || field === 'othersReductionHigh' ? 'People with as many arrests before as the k-th are tied at the cut; m of them are left out. Which m is a choice: their arrests before are the same whichever are left out, but their arrests after are not, so the others\' reduction is lowest with the m tied people with the most arrests after among the others, and highest with the m with the fewest. ' : '')
        + (others ? 'Leave them out and compute the reduction of the rest: one minus their arrests after divided by their arrests before (none when they had none before).' : 'Add up their arrests and divide by everyone\'s. Ties at the cut do not change the sum. With no arrests before there is no share.'),
      symbols: symbols[field],
    },
    r: ids.length === 0 ? null : {
      setup: `pre <- ${rVector(pre)}${others ? `\npost <- ${rVector(post)}` : ''}\nk <- max(1, floor(length(pre) / 10 + 0.5))\nbusiest <- order(-pre)[seq_len(k)]`,
      call: calls[field],
      note: "R's round() rounds half to even (round(4.5) is 4), so half up is written floor(x + 0.5); order() keeps equals in their order.",
    },
    engine: ENGINE.busiest,
  };
}

function deriveCorrelation(result: AnalysisResult, path: ResultPath): Derivation | null {
  const m = /^correlation\.(pearson|spearman)\.(r|rho|p)$/.exec(path);
  if (!m) return null;
  const [, kind, stat] = m;
  const events = result.monthly.map((mo) => mo.events);
  const harm = result.monthly.map((mo) => mo.harm);
  const test = kind === 'pearson' ? 'cor.test(events, harm)' : 'suppressWarnings(cor.test(events, harm, method = "spearman"))';
  return {
    path, value: valueAt(result, path) as number | null, ...statusOf(result, path),
    meaning: kind === 'pearson'
      ? (stat === 'r' ? `Pearson's correlation between monthly arrests and monthly harm across the ${events.length} months analysed${result.gap > 0 ? ` (the window's months either side, less the ${result.gap * 2} left out around the order)` : ' (every month of the window, either side of the order)'}.` : 'The p-value of the t-test of no linear correlation between monthly arrests and monthly harm.')
      : (stat === 'rho' ? `Spearman's rank correlation between monthly arrests and monthly harm across the ${events.length} months analysed.` : 'The p-value of Spearman\'s test of no rank correlation between monthly arrests and monthly harm.'),
    inputs: { caption: `Arrests and harm in each of the ${events.length} months`, columns: ['Month', 'Arrests', 'Harm'], rows: result.monthly.map((mo) => [mo.month, mo.events, mo.harm]) },
    steps: kind === 'pearson'
      ? [{ label: 'Months', value: events.length }, { label: 'r', value: result.correlation.pearson.r }, { label: 'Why there is no result', value: result.correlation.pearson.reason ?? null }]
      : [{ label: 'Months', value: events.length }, { label: 'ρ', value: result.correlation.spearman.rho }, { label: "R's method", value: result.correlation.spearman.method }, { label: 'Why there is no result', value: result.correlation.spearman.reason ?? null }],
    formula: kind === 'pearson'
      ? { words: 'The covariance of the two series divided by the product of their standard deviations; t = √(n − 2)·r ÷ √(1 − r²) on n − 2 degrees of freedom.', symbols: 'r = Σ(x − x̄)(y − ȳ) ÷ √(Σ(x − x̄)² Σ(y − ȳ)²)' }
      : { words: 'Pearson\'s r computed on the ranks of each series (ties averaged); exact or Edgeworth without ties, t approximation with ties.', symbols: 'ρ = r(rank(x), rank(y))' },
    r: { setup: `events <- ${rVector(events)}\nharm <- ${rVector(harm)}`, call: stat === 'p' ? `${test}$p.value` : `unname(${test}$estimate)` },
    engine: kind === 'pearson' ? ENGINE.pearson : ENGINE.spearman,
  };
}

function deriveMonth(result: AnalysisResult, dataset: Dataset, path: ResultPath, k: number, which: string): Derivation | null {
  const mo = result.monthly[k];
  if (!mo || (which !== 'events' && which !== 'harm')) return null;
  const chosen = new Set(result.categories);
  const analysed = new Set(dataset.orders.filter((o) => o.sample === 'analysed').map((o) => o.id));
  const arrests = weightedEvents(result, dataset).filter((e) => e.month === mo.month && chosen.has(e.category) && analysed.has(e.orderId));
  const when = mo.month < 0 ? `${-mo.month} ${mo.month === -1 ? 'month' : 'months'} before` : `${mo.month} ${mo.month === 1 ? 'month' : 'months'} after`;
  return {
    path, value: valueAt(result, path) as number, ...statusOf(result, path),
    meaning: which === 'events' ? `Arrests of all analysed people in the month ${when} their order.` : `The ${harmWords(result)} of the arrests in the month ${when} the order.`,
    inputs: { caption: `The arrests in month ${mo.month}`, columns: ['Person (order)', 'Category', 'Offence', 'Harm (days)'], rows: arrests.map((e) => [e.orderId, result.categoryNames[e.category] ?? e.category, e.offence, e.harm]) },
    steps: [{ label: 'Month relative to the order', value: mo.month }, { label: 'Arrests', value: arrests.length }],
    formula: which === 'events' ? { words: 'Count the arrests in that month, in the categories shown.', symbols: '#{arrests in month m}' } : { words: 'Add up the harm of the arrests in that month.', symbols: 'Σ harm over arrests in month m' },
    r: { setup: `harm <- ${rVector(arrests.map((e) => e.harm))}`, call: which === 'events' ? 'length(harm)' : 'sum(harm)' },
    engine: ENGINE.tables,
  };
}

function derivePerson(result: AnalysisResult, dataset: Dataset, path: ResultPath, k: number, field: string): Derivation | null {
  const row = result.perOrder[k];
  const m = /^(events|harm)(Pre|Post)$/.exec(field);
  if (!row || !m) return null;
  const [, which, period] = m;
  const chosen = new Set(result.categories);
  const before = period === 'Pre';
  const arrests = weightedEvents(result, dataset).filter((e) => e.orderId === row.order && chosen.has(e.category) && inWindow(e.month, result.window, result.gap) && (before ? e.month < 0 : e.month > 0));
  return {
    path, value: valueAt(result, path) as number, ...statusOf(result, path),
    meaning: `${which === 'events' ? 'Arrests' : `The ${harmWords(result)}`} of the person with order ${row.order} in the ${windowWords(result)} ${before ? 'before' : 'after'} the order.`,
    inputs: { caption: `The arrests of order ${row.order}, ${before ? 'before' : 'after'}`, columns: ['Month', 'Category', 'Offence', 'Harm (days)'], rows: arrests.map((e) => [e.month, result.categoryNames[e.category] ?? e.category, e.offence, e.harm]) },
    steps: [{ label: 'Arrests', value: arrests.length }],
    formula: which === 'events' ? { words: 'Count the person\'s arrests in the period.', symbols: '#{arrests of person i in the period}' } : { words: 'Add up the harm of the person\'s arrests in the period.', symbols: 'Σ harm' },
    r: { setup: `harm <- ${rVector(arrests.map((e) => e.harm))}`, call: which === 'events' ? 'length(harm)' : 'sum(harm)' },
    engine: ENGINE.tables,
  };
}

function deriveSample(result: AnalysisResult, dataset: Dataset, path: ResultPath): Derivation | null {
  const calls: Record<string, [string, string]> = {
    orders: ['sum(sample == "analysed")', 'Orders in the analysis: the people whose before and after are compared.'],
    'sample.analysed': ['sum(sample == "analysed")', 'Orders eligible for analysis.'],
    'sample.register': ['length(sample)', 'Orders in the register (every STRO issued).'],
    'sample.withFollowup': ['sum(sample != "excluded_followup")', 'Orders with two full years before and after the order.'],
    'sample.excludedFollowup': ['sum(sample == "excluded_followup")', 'Orders left out because they lacked two full years before and after.'],
    'sample.excludedData': ['sum(sample == "excluded_data")', 'Orders left out because of data-quality problems.'],
  };
  const c = calls[path];
  if (!c) return null;
  return {
    path, value: valueAt(result, path) as number, ...statusOf(result, path),
    meaning: c[1],
    inputs: { caption: 'The register of orders', columns: ['Order', 'Issued', 'In the analysis?'], rows: dataset.orders.map((o) => [o.id, o.issued, o.sample]) },
    steps: [{ label: 'Register', value: result.sample.register }, { label: 'With follow-up', value: result.sample.withFollowup }, { label: 'Analysed', value: result.sample.analysed }],
    formula: { words: 'Count the orders by their sample status.', symbols: '#{orders with status s}' },
    r: { setup: `sample <- ${rStrings(dataset.orders.map((o) => o.sample))}`, call: c[0] },
    engine: ENGINE.analyse,
  };
}

function deriveSetting(result: AnalysisResult, path: ResultPath): Derivation | null {
  const meanings: Record<string, string> = {
    window: 'The months compared either side of each order: a choice of the reader (the study used 24).',
    gap: 'The months next to the order left out on each side (months −gap … −1 and 1 … gap), to see whether the fall rests on the months around the order: a choice of the reader (the study left none out).',
    'bootstrap.resamples': 'How many times the people are resampled to form each bootstrap interval.',
    'bootstrap.seed': 'The seed of the random generator that draws the resamples, so every view gives the same intervals.',
    'bootstrap.level': 'The confidence level of the bootstrap intervals.',
  };
  if (!(path in meanings)) return null;
  return {
    path, value: valueAt(result, path) as number, status: 'setting', statusNote: 'A setting of the analysis, not a result.',
    meaning: meanings[path], inputs: null, steps: [], formula: { words: 'Chosen, not computed.', symbols: '—' }, r: null,
    engine: path === 'window' || path === 'gap' ? ENGINE.analyse : ENGINE.reduction,
  };
}

/** The status note of every number computed from a reader's own files. */
export const OWN_DATA_NOTE = 'Computed from your own files, in this browser, by the same engine as every number in this report. It describes your data; whether it generalises is for you to judge.';

/** The derivation of the number at `path` in this result, or null if the path names no number here. */
export function derive(result: AnalysisResult, dataset: Dataset, path: ResultPath | string): Derivation | null {
  const d = deriveAny(result, dataset, path);
  // Only the bundled synthetic data were calibrated or generated: a reader's own data are neither.
  if (d && d.status !== 'setting' && dataset.manifest?.synthetic !== true) {
    // Their harm is in days on their own scale, not the study's CCHI days (src/lib/harmUnit.ts).
    const words = (s: string) => harmUnitFor(s, true);
    return {
      ...d,
      meaning: words(d.meaning),
      inputs: d.inputs && { ...d.inputs, caption: words(d.inputs.caption), columns: d.inputs.columns.map(words) },
      steps: d.steps.map((s) => ({ ...s, label: words(s.label) })),
      formula: { words: words(d.formula.words), symbols: d.formula.symbols },
      status: 'data',
      statusNote: OWN_DATA_NOTE,
    };
  }
  return d;
}

function deriveAny(result: AnalysisResult, dataset: Dataset, path: ResultPath | string): Derivation | null {
  const p = path as ResultPath;
  if (valueAt(result, p) === undefined) return null;
  const ref = measureRef(result, p);
  if (ref) return deriveMeasure(result, dataset, p, ref);
  const trend = /^trend\.(events|harm)\.(\w+)$/.exec(p);
  if (trend) return deriveTrend(result, p, trend[1] as Which, trend[2]);
  if (p.startsWith('correlation.')) return deriveCorrelation(result, p);
  const its = /^its\.(events|harm)\.(\w+)$/.exec(p);
  if (its) return its[2] in ITS_COUNT ? deriveItsCount(result, p, its[1] as Which, its[2]) : deriveIts(result, p, its[1] as Which, its[2]);
  const busiest = /^busiestTenth\.(\w+)$/.exec(p);
  if (busiest) return deriveBusiestTenth(result, dataset, p, busiest[1]);
  const loo = /^leaveOneOut\.(events|harm)\.(min|max)$/.exec(p);
  if (loo) return deriveLeaveOneOut(result, dataset, p, loo[1] as Which, loo[2]);
  const month = /^monthly\.(\d+)\.(\w+)$/.exec(p);
  if (month) return deriveMonth(result, dataset, p, Number(month[1]), month[2]);
  const person = /^perOrder\.(\d+)\.(\w+)$/.exec(p);
  if (person) return derivePerson(result, dataset, p, Number(person[1]), person[2]);
  return deriveSample(result, dataset, p) ?? deriveSetting(result, p);
}

/** The dataset's events with the harm the result used (as recorded, or the harm index's weights by offence). */
function weightedEvents(result: AnalysisResult, dataset: Dataset): Dataset['events'] {
  if (result.weights === 'data') return dataset.events;
  const harms = eventHarms(dataset, result.weights);
  return dataset.events.map((e, k) => ({ ...e, harm: harms[k] }));
}

/** The R script of a derivation: its vectors, then the one call. */
export function rScript(d: Derivation): string {
  return d.r ? `${d.r.setup}\n${d.r.call}` : '';
}
