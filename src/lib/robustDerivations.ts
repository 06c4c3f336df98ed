// Where each number of the "How robust is it?" page comes from: deriveRobust(name, context, result,
// data) → Derivation, as derive() (src/lib/derivations.ts) does for the numbers of an analyse()
// result. These numbers are not in the result: the null world's (a seeded simulation,
// src/analysis/nullWorld.ts), time at liberty's (src/analysis/timeAtLiberty.ts) and the
// specification curve's (src/analysis/specificationCurve.ts). Each derivation is built from the
// same objects the page formats its numbers from (RobustnessContext), so its value is the one on
// screen at full precision, and its inputs are what R needs to reproduce it:
// - the null world: every simulated cohort's fall (R cannot rerun the JavaScript simulation, but
//   reproduces the mean, the 95% range and the share from the falls), with the calibration as steps;
// - the closed form (Barnett et al.): the before counts and the simulation's crossing share;
// - time at liberty: each person's arrests before and after (and their months unavailable, when the
//   data have them), the months analysed and the what-if share;
// - the specification curve: one row per specification, with its reduction, p and verdict.
//
// Pure, and loaded only when a panel opens.

import type { AnalysisResult } from '../analysis/analyse.ts';
import type { GapCurveRow } from '../charts/gapCurve.ts';
import { SPECIFICATION_ALPHA, significantAgainst, significantRises, type Specification } from '../analysis/specificationCurve.ts';
import { LEAN_WORDS, UNCHANGED_BELOW } from '../analysis/specificationVerdict.ts';
import type { Dataset } from '../analysis/types.ts';
import { OWN_DATA_NOTE, rNumber, rVector, type Cell, type Derivation } from './derivations.ts';
import { acrossFalls, afterBusyShare, analysedMonths, barnettFall, barnettReason, clearFalls, gapSummary, noIntervalFalls, robustPath, type RobustNumberName, type RobustnessContext } from './robustness.ts';
import { formatNumber, formatPercent } from './format.ts';
import { atLeastWords, fallWords } from './wording.ts';

const ENGINE = {
  nullWorld: 'src/analysis/nullWorld.ts',
  liberty: 'src/analysis/timeAtLiberty.ts',
  curve: 'src/analysis/specificationCurve.ts',
  reduction: 'src/analysis/reduction.ts',
  barnett: 'src/lib/robustness.ts',
} as const;

/** Whose data the numbers describe: the dataset when it is on the page (needed for each person's months unavailable), and whether it is the study's synthetic data. */
export interface RobustData {
  dataset: Dataset | null;
  /** The bundled synthetic data (or the same files loaded as the reader's): their manifest says synthetic. */
  synthetic: boolean;
}

type Base = Pick<Derivation, 'path' | 'status' | 'statusNote'>;

const SYNTHETIC_NOTE = 'Computed from the bundled synthetic data (scripts/generate-data.ts), not a published figure: it shows how this check behaves, and is not evidence about real orders.';

function baseOf(name: RobustNumberName, data: RobustData): Base {
  return { path: robustPath(name), status: data.synthetic ? 'generator' : 'data', statusNote: data.synthetic ? SYNTHETIC_NOTE : OWN_DATA_NOTE };
}

const months = (w: number) => `${w} ${w === 1 ? 'month' : 'months'}`;
const percent = (x: number) => `${Math.round(100 * x * 1e6) / 1e6}%`;

/**
 * The derivation of a robustness number for the context the page shows, or null when the page
 * shows no such number (the part has not been computed, or the break-even share beside each
 * person's own months unavailable, which the page hides).
 */
/** "30% of the simulated orders followed one", or nothing known. */
const busyWords = (world: Parameters<typeof afterBusyShare>[0]): string => {
  const share = afterBusyShare(world);
  return share === null ? 'how many followed one is not known' : `${formatPercent(share)} of the simulated orders followed one`;
};

export function deriveRobust(name: RobustNumberName, c: RobustnessContext, result: AnalysisResult, data: RobustData): Derivation | null {
  const base = baseOf(name, data);
  switch (name) {
    case 'nullWorld.mean':
    case 'nullWorld.low':
    case 'nullWorld.high':
    case 'nullWorld.shareAtLeast':
    case 'nullWorld.matched':
    case 'nullWorld.compared':
    case 'nullWorld.cohorts':
    case 'nullWorld.dropped':
      return c.world ? deriveNullWorld(name, c.world, base) : null;
    case 'nullWorld.observed':
      return c.world ? deriveObserved(c.world.observedFall, result, base) : null;
    case 'nullWorld.barnett':
      return c.world ? deriveBarnett(c.world, result, base) : null;
    case 'nullWorld.afterBusy':
      return c.world ? deriveAfterBusy(c.world, base) : null;
    case 'liberty.rateBefore':
    case 'liberty.rateAfter':
    case 'liberty.rateFall':
    case 'liberty.breakEven':
    case 'liberty.share':
      return c.liberty ? deriveLiberty(name, c.liberty, result, data, base) : null;
    case 'curve.share':
    case 'curve.significant':
    case 'curve.total':
    case 'curve.clearFalls':
    case 'curve.rises':
    case 'curve.acrossFalls':
    case 'curve.noInterval':
    case 'curve.clearShare':
    case 'curve.riseShare':
    case 'curve.against':
      return c.curve ? deriveCurve(name, c.curve, base) : null;
    case 'curve.weightsSpread':
      return c.curve ? deriveWeightsSpread(c.curve, base) : null;
    case 'gap.eventsLow':
    case 'gap.eventsHigh':
    case 'gap.eventsClear':
    case 'gap.harmLow':
    case 'gap.harmHigh':
    case 'gap.harmClear':
      return c.gapRows ? deriveGap(name, c.gapRows, result, base) : null;
  }
}

// ---- the months around the order (the gap curve)

/**
 * The lowest or highest change over the gap curve's gaps, or how many gaps' 95% intervals are clear
 * of no change: from the overall rows of one measure, each an analyse() of the view at that gap. R
 * recomputes each gap's reduction from its totals before and after; the intervals are the engine's
 * bootstraps, which R counts.
 */
function deriveGap(name: 'gap.eventsLow' | 'gap.eventsHigh' | 'gap.eventsClear' | 'gap.harmLow' | 'gap.harmHigh' | 'gap.harmClear', rows: readonly GapCurveRow[], result: AnalysisResult, base: Base): Derivation {
  const measure = name.startsWith('gap.events') ? 'events' : 'harm';
  const which = name.endsWith('Low') ? 'low' : name.endsWith('High') ? 'high' : 'clear';
  const noun = measure === 'events' ? 'arrests' : 'harm';
  const all = rows.filter((r) => r.measure === measure && r.group === 'overall');
  const summary = gapSummary(rows, measure);
  const value = summary === null ? null : summary[which];
  const total = measure === 'events' ? 'Arrests' : 'Harm';
  const inputs: Derivation['inputs'] = {
    caption: `The view at each gap of the curve (${all.length}): the months nearest the order left out either side, the ${noun} before and after over the months still compared, the reduction and its 95% interval`,
    columns: ['Gap (months)', `${total} before`, `${total} after`, 'Reduction', '95% interval, lower', '95% interval, upper'],
    rows: all.map((r): Cell[] => [r.gap, r.pre, r.post, r.reduction, r.ci?.[0] ?? null, r.ci?.[1] ?? null]),
  };
  const setup = `gap <- ${rVector(all.map((r) => r.gap))}\npre <- ${rVector(all.map((r) => r.pre))}\npost <- ${rVector(all.map((r) => r.post))}`;
  const at = (x: number | null) => (x === null ? null : all.find((r) => r.reduction === x)?.gap ?? null);
  const steps: Derivation['steps'] = [
    { label: 'Window (months either side of the order)', value: result.window },
    { label: 'Gaps tried', value: all.map((r) => r.gap).join(', ') || 'none' },
    { label: 'Categories counted', value: result.categories.join(', ') || 'none' },
    ...(measure === 'harm' ? [{ label: 'Harm weights', value: result.weights }] : []),
    { label: 'The view\'s own gap', value: result.gap },
    { label: 'Gaps with a reduction (something before)', value: summary?.gaps ?? 0 },
    ...(which === 'clear' ? [] : [{ label: `Gap where it is ${which === 'low' ? 'lowest' : 'highest'}`, value: at(value) }]),
    { label: 'Why there is no value', value: summary === null ? `no gap has ${noun} before the orders` : null },
  ];
  const common = { ...base, inputs, steps, engine: 'src/lib/robustness.ts' };
  const rNote = 'Each row is the engine\'s analysis of the view with that many months either side of the order left out (gapCurveRows, src/lib/robustness.ts, calling src/analysis/analyse.ts); R recomputes each reduction 1 − after ÷ before from the row\'s totals.';
  if (which === 'clear') {
    return {
      ...common, value,
      meaning: `At how many of the gaps with a reduction in ${noun} the 95% interval for the reduction is clear of no change (wholly above 0, or wholly below).`,
      formula: { words: 'Count the gaps whose interval has its lower end above 0 or its upper end below 0; a gap with no interval does not count.', symbols: '#{g : lower_g > 0 or upper_g < 0}' },
      r: summary === null ? null : {
        setup: `${setup}\nlower <- ${rVector(all.map((r) => r.ci?.[0] ?? NaN))}\nupper <- ${rVector(all.map((r) => r.ci?.[1] ?? NaN))}`,
        call: 'sum(pre > 0 & !is.na(lower) & (lower > 0 | upper < 0))',
        note: `${rNote} The intervals are the engine's person-level bootstraps (src/analysis/reduction.ts), which R does not rerun: it counts them.`,
      },
    };
  }
  return {
    ...common, value,
    meaning: `The ${which === 'low' ? 'lowest' : 'highest'} reduction in ${noun} (1 − after ÷ before; below zero, a rise) as 0 to ${all.at(-1)?.gap ?? 0} months either side of the order are left out: ${which === 'low' ? 'the smallest fall, or the largest rise' : 'the largest fall, or the smallest rise'}.`,
    formula: { words: `Recompute the reduction at each gap with something before, and take the ${which === 'low' ? 'smallest' : 'largest'}.`, symbols: `${which === 'low' ? 'min' : 'max'}_g (1 − after_g ÷ before_g),  before_g > 0` },
    r: summary === null ? null : { setup, call: `${which === 'low' ? 'min' : 'max'}((1 - post / pre)[pre > 0])`, note: rNote },
  };
}

// ---- the null world

type World = NonNullable<RobustnessContext['world']>;

/** The simulation's settings and calibration, as the panel's steps. */
function worldSteps(world: World): Derivation['steps'] {
  const p = world.parameters;
  return [
    { label: 'People per cohort (as in the view)', value: p?.cohortSize ?? null },
    { label: 'Months either side of the order (W)', value: p?.window ?? null },
    { label: 'Months nearest the order left out either side (g)', value: p?.gap ?? null },
    { label: 'Mean arrests before per person (m)', value: p?.beforeMean ?? null },
    { label: 'Variance of arrests before (v, n − 1)', value: p?.beforeVariance ?? null },
    { label: 'Negative binomial size m² ÷ (v − m)', value: p ? p.size ?? 'none: no more spread than Poisson, so everyone has the rate m ÷ (W − g)' : null },
    { label: 'Correlation of before and after, ρ = (v − m) ÷ v', value: p?.correlation ?? null },
    { label: 'Mean monthly rate m ÷ (W − g)', value: p?.monthlyRate ?? null },
    { label: 'Selection strength (0 at random … 1 only after crossing)', value: p?.selection ?? null },
    { label: 'Months of recent arrests looked at (look-back)', value: p?.lookback ?? null },
    { label: 'Threshold: recent arrests at or above', value: p?.threshold ?? null },
    { label: 'Share of candidate months crossing it', value: p?.crossingShare ?? null },
    { label: 'Simulated people', value: p?.population ?? null },
    { label: 'Months of history each', value: p?.history ?? null },
    { label: 'Cohorts simulated', value: p?.cohorts ?? null },
    { label: 'Cohorts left out (no arrests before)', value: p ? world.dropped : null },
    { label: 'Seed', value: p?.seed ?? null },
    { label: 'Why there is no result', value: world.reason ?? null },
  ];
}

const WORLD_NOTE = 'The falls come from the seeded simulation in src/analysis/nullWorld.ts (the same seed every time, so the same settings give the same falls); R reproduces the number from them, not the simulation itself.';

function deriveNullWorld(name: 'nullWorld.mean' | 'nullWorld.low' | 'nullWorld.high' | 'nullWorld.shareAtLeast' | 'nullWorld.matched' | 'nullWorld.compared' | 'nullWorld.cohorts' | 'nullWorld.dropped', world: World, base: Base): Derivation {
  const n = world.falls.length;
  // the cohorts with a fall: all of them, unless some had no arrests before
  const cohorts = `${formatNumber(n)} simulated ${n === 1 ? 'cohort' : 'cohorts'}${world.dropped > 0 ? ' with arrests before' : ''}`;
  const inputs: Derivation['inputs'] = {
    caption: `The fall 1 − after ÷ before of each of the ${cohorts}, smallest first`,
    columns: ['Cohort (by fall)', 'Fall'],
    rows: world.falls.map((f, k) => [k + 1, f]),
  };
  const setup = `falls <- ${rVector(world.falls)}`;
  const steps = worldSteps(world);
  const common = { ...base, inputs, engine: ENGINE.nullWorld };
  // Without a simulated fall there is nothing for R to summarise (only the count, 0).
  const counting = name === 'nullWorld.cohorts' || name === 'nullWorld.dropped' || name === 'nullWorld.compared';
  const r = (call: string, extra = ''): Derivation['r'] => (n === 0 && !counting ? null : { setup: setup + extra, call, note: WORLD_NOTE });
  switch (name) {
    case 'nullWorld.mean':
      return {
        ...common, value: world.mean,
        meaning: `The average fall in arrests (1 − after ÷ before; below zero, a rise) across ${cohorts} in a world where orders do nothing, and are ${world.parameters?.selection === 0 ? 'given at random moments: the change that chance alone produces' : `sought after busy spells with the strength set (${busyWords(world)}): the change that this much selection alone produces, in people whose offending never changes`}${world.mean === null ? '' : `, here ${fallWords(world.mean)}`}.`,
        steps: [...steps, { label: 'Standard deviation of the falls', value: world.sd }, { label: 'Monte-Carlo standard error of the mean', value: world.se }],
        formula: { words: 'Add up the falls of the simulated cohorts (compensated summation) and divide by how many there are.', symbols: 'f̄ = Σ_b f_b ÷ B,  f_b = 1 − after_b ÷ before_b' },
        r: r('mean(falls)'),
      };
    case 'nullWorld.low':
    case 'nullWorld.high': {
      const low = name === 'nullWorld.low';
      const q = low ? 0.025 : 0.975;
      return {
        ...common, value: world.interval?.[low ? 0 : 1] ?? null,
        meaning: `The ${low ? 'lower' : 'upper'} end of the range that holds the middle 95% of the simulated falls: ${low ? '2.5% of' : '97.5% of'} the ${cohorts} fell by less than this.`,
        steps: [...steps, { label: 'Probability', value: q }, { label: 'Quantile rule', value: "Hyndman and Fan's type 7, R's default" }],
        formula: {
          words: `Sort the falls; the ${low ? '2.5%' : '97.5%'} quantile sits at position h = 1 + (B − 1)·${q} (counting from 1); between the two neighbouring falls it is interpolated linearly.`,
          symbols: `Q(${q}) = f₍⌊h⌋₎ + (h − ⌊h⌋)·(f₍⌈h⌉₎ − f₍⌊h⌋₎),  h = 1 + (B − 1)·${q}`,
        },
        r: r(`unname(quantile(falls, ${q}, type = 7))`),
      };
    }
    case 'nullWorld.shareAtLeast':
      return {
        ...common, value: world.shareAtLeastObserved,
        meaning: `The share of simulated cohorts, in a world where orders do nothing, whose arrests fell at least as much as the view's observed fall${world.observedFall !== null && world.observedFall < 0 ? ` (here the view shows ${fallWords(world.observedFall)}, so: those that ${atLeastWords(world.observedFall)})` : ''}: how often orders that do nothing do as well as the orders seem to, through selection and chance together (chance alone at a selection of 0, or where the simulated cohorts do not fall on average).`,
        steps: [...steps, { label: 'Observed fall', value: world.observedFall }, { label: 'Cohorts falling at least as much', value: world.atLeastObserved }],
        formula: { words: 'Count the simulated falls at or above the observed fall, and divide by the number of simulated cohorts.', symbols: '#{b : f_b ≥ f_observed} ÷ B' },
        r: world.observedFall === null ? null : r('mean(falls >= observed)', `\nobserved <- ${rNumber(world.observedFall)}`),
      };
    case 'nullWorld.matched':
      return {
        ...common, value: world.atLeastObserved,
        meaning: `How many of the ${cohorts}, in a world where orders do nothing, ${world.observedFall === null ? 'matched the observed fall (there is none in this view)' : `changed at least as far towards a fall as the view's observed change (${fallWords(world.observedFall)})`}: the count behind the share that matched it.`,
        steps: [...steps, { label: 'Observed fall', value: world.observedFall }, { label: 'Share of the cohorts', value: world.shareAtLeastObserved }],
        formula: { words: 'Count the simulated falls at or above the observed fall (a fall of at least as much; after a rise, a rise no larger, or a fall).', symbols: '#{b : f_b ≥ f_observed}' },
        r: world.observedFall === null ? null : r('sum(falls >= observed)', `\nobserved <- ${rNumber(world.observedFall)}`),
      };
    case 'nullWorld.compared':
      return {
        ...common, value: n,
        meaning: `The simulated cohorts that the share and the count of those that went at least as far towards a fall as the view are taken from: every cohort with at least one arrest before its orders, so that its change (1 − after ÷ before) can be computed${world.dropped > 0 ? ` (here ${formatNumber(n)} of the ${formatNumber(n + world.dropped)}; the ${world.dropped === 1 ? '1 with none is' : `${formatNumber(world.dropped)} with none are`} left out)` : ` (here all ${formatNumber(n)})`}.`,
        steps,
        formula: { words: 'Count the simulated cohorts with a fall: those with at least one arrest before their orders.', symbols: 'B = #{b : before_b > 0}' },
        r: r('length(falls)'),
      };
    case 'nullWorld.cohorts':
      return {
        ...common, value: n + world.dropped,
        meaning: 'Every simulated cohort: those with a fall, which the mean, the 95% range and the share summarise, and any with no arrests before (they have no fall, and are left out of those).',
        steps,
        formula: { words: 'Count the simulated cohorts with a fall, and add those with no arrests before their orders.', symbols: 'B + #{b : before_b = 0}' },
        r: r('length(falls) + dropped', `\ndropped <- ${world.dropped}`),
      };
    case 'nullWorld.dropped':
      return {
        ...common, value: world.dropped,
        meaning: 'The simulated cohorts with no arrests before their orders: with nothing before, they have no fall, so the mean, the 95% range and the share leave them out.',
        steps,
        formula: { words: 'Count the simulated cohorts, less those with a fall (at least one arrest before their orders).', symbols: '#{b : before_b = 0} = cohorts − B' },
        r: r('cohorts - length(falls)', `\ncohorts <- ${n + world.dropped}`),
      };
  }
}

/**
 * The share of simulated orders drawn at a crossing moment: each candidate month is drawn with weight
 * 1 if the person's recent arrests cross the threshold and 1 − selection if not, so with a share c of
 * candidates crossing, c ÷ (c + (1 − s)(1 − c)).
 */
function deriveAfterBusy(world: World, base: Base): Derivation {
  const p = world.parameters;
  const value = p?.afterBusyShare ?? null;
  return {
    ...base, value,
    meaning: 'The share of the simulated orders that follow a busy spell (recent arrests at or above the threshold) at the selection strength set: the rest are drawn at quieter moments. Stronger selection raises it, and with it the simulated fall.',
    inputs: null,
    steps: [
      { label: 'Months of recent arrests looked at (look-back)', value: p?.lookback ?? null },
      { label: 'Threshold: recent arrests at or above', value: p?.threshold ?? null },
      { label: 'Share of candidate months crossing it (c)', value: p?.crossingShare ?? null },
      { label: 'Selection strength (s)', value: p?.selection ?? null },
      { label: 'Weight of a crossing month', value: p ? 1 : null },
      { label: 'Weight of a quieter month (1 − s)', value: p ? 1 - p.selection : null },
      { label: 'Why there is no result', value: p ? (value === null ? world.reason ?? null : null) : world.reason ?? null },
    ],
    formula: {
      words: 'Each candidate month is drawn with weight 1 if it follows a busy spell and 1 − s if not; the share of orders after a busy spell is the crossing months\' weight over all the weight.',
      symbols: 'c ÷ (c + (1 − s)·(1 − c))',
    },
    r: value === null || !p ? null : {
      setup: `c <- ${rNumber(p.crossingShare)}\ns <- ${rNumber(p.selection)}`,
      call: 'c / (c + (1 - s) * (1 - c))',
      note: 'The crossing share c comes from the seeded simulation in src/analysis/nullWorld.ts; R reproduces the share from it, not the simulation itself.',
    },
    engine: ENGINE.nullWorld,
  };
}

/** The view's observed fall beside the simulation: 1 − after ÷ before over the analysed people. */
function deriveObserved(observed: number | null, result: AnalysisResult, base: Base): Derivation {
  const pre = result.perOrder.map((o) => o.eventsPre);
  const post = result.perOrder.map((o) => o.eventsPost);
  return {
    ...base, value: observed,
    meaning: `The fall in arrests the view observed (over the ${months(analysedMonths(result))} analysed either side), which the simulated falls are compared with.`,
    inputs: { caption: 'Arrests of each analysed person, before and after', columns: ['Person (order)', 'Before', 'After'], rows: result.perOrder.map((o) => [o.order, o.eventsPre, o.eventsPost]) },
    steps: [{ label: 'People', value: pre.length }, { label: 'Arrests before', value: result.events.pre }, { label: 'Arrests after', value: result.events.post }],
    formula: { words: 'One minus the arrests after divided by the arrests before, over everyone analysed.', symbols: '1 − Σᵢ postᵢ ÷ Σᵢ preᵢ' },
    r: { setup: `pre <- ${rVector(pre)}\npost <- ${rVector(post)}`, call: '1 - sum(post) / sum(pre)' },
    engine: ENGINE.reduction,
  };
}

function deriveBarnett(world: World, result: AnalysisResult, base: Base): Derivation {
  const value = barnettFall(world);
  const reason = value === null ? barnettReason(world) ?? 'the selected people\'s mean would not be positive' : null;
  const before = result.perOrder.map((o) => o.eventsPre);
  const p = world.parameters;
  const setup = p
    ? [
        `before <- ${rVector(before)}`,
        `s <- ${rNumber(p.crossingShare)}`,
        'm <- mean(before); v <- var(before); rho <- (v - m) / v',
        'z <- qnorm(s, lower.tail = FALSE)',
        'imr <- dnorm(z) / pnorm(z, lower.tail = FALSE)',
      ].join('\n')
    : '';
  return {
    ...base, value,
    meaning: 'The fall that regression to the mean alone would produce, as a share of the selected people\'s mean, if arrests before and after were normal with the simulation\'s mean, variance and correlation, and orders went to everyone above a cutoff that selects the same share of people as the simulation\'s threshold (Barnett, van der Pols and Dobson, 2005).',
    inputs: { caption: 'Arrests of each analysed person before the order (they calibrate m and v)', columns: ['Person (order)', 'Arrests before'], rows: result.perOrder.map((o) => [o.order, o.eventsPre]) },
    steps: [
      { label: 'Mean arrests before (μ = m)', value: p?.beforeMean ?? null },
      { label: 'Variance (σ² = v)', value: p?.beforeVariance ?? null },
      { label: 'Correlation of before and after, ρ = (v − m) ÷ v', value: p?.correlation ?? null },
      { label: 'Share above the cutoff (the simulation\'s crossing share)', value: p?.crossingShare ?? null },
      { label: 'Selection strength', value: p?.selection ?? null },
      { label: 'Why it does not apply', value: reason },
    ],
    formula: {
      words: 'Find z, the standard normal deviate with the crossing share above it; the selected people\'s mean sits σ·φ(z) ÷ (1 − Φ(z)) above μ, and regression to the mean takes back the share 1 − ρ of that excess. The fall is the expected drop divided by the selected mean.',
      symbols: 'λ = φ(z) ÷ (1 − Φ(z)),  1 − Φ(z) = s;   fall = (1 − ρ)·σ·λ ÷ (μ + σ·λ)',
    },
    r: value === null ? null : { setup, call: '(1 - rho) * sqrt(v) * imr / (m + sqrt(v) * imr)', note: 'The closed form is regressionToMean() in src/analysis/stats/regressionToMean.ts; src/lib/robustness.ts (barnettFall) finds z by bisection and divides by the selected mean.' },
    engine: ENGINE.barnett,
  };
}

// ---- time at liberty

type Liberty = NonNullable<RobustnessContext['liberty']>;

function deriveLiberty(name: 'liberty.rateBefore' | 'liberty.rateAfter' | 'liberty.rateFall' | 'liberty.breakEven' | 'liberty.share', liberty: Liberty, result: AnalysisResult, data: RobustData, base: Base): Derivation | null {
  const before = result.perOrder.map((o) => o.eventsPre);
  const after = result.perOrder.map((o) => o.eventsPost);
  const ids = result.perOrder.map((o) => o.order);
  if (liberty.kind === 'whatIf') {
    const l = liberty.value;
    const W = analysedMonths(result);
    const s = l.unavailableShare;
    if (name === 'liberty.share') {
      return {
        ...base, value: s, status: 'setting', statusNote: 'A what-if of the reader (the slider), not a result: the share of the months after the order assumed spent in custody or abroad.',
        meaning: `The share of the ${months(W)} after each order that people are assumed to have spent in custody or abroad, where they could not be arrested.`,
        inputs: null, steps: [], formula: { words: 'Chosen with the slider, not computed.', symbols: 's' }, r: null, engine: ENGINE.liberty,
      };
    }
    const setup = [
      `before <- ${rVector(before)}`,
      `after <- ${rVector(after)}`,
      'pre <- sum(before); post <- sum(after); people <- length(before)',
      `window <- ${W}`,
      `s <- ${rNumber(s)}`,
    ].join('\n');
    const win = result.gap > 0 ? `${months(W)} (the window of ${months(result.window)} less the ${months(result.gap)} nearest the order)` : months(W);
    const inputs: Derivation['inputs'] = { caption: `Arrests of each analysed person in the ${win} analysed before and after`, columns: ['Person (order)', 'Before', 'After'], rows: ids.map((id, k) => [id, before[k], after[k]]) };
    const steps: Derivation['steps'] = [
      { label: 'Arrests before (pre)', value: result.events.pre },
      { label: 'Arrests after (post)', value: result.events.post },
      { label: 'People (n)', value: result.orders },
      { label: 'Months analysed either side (W)', value: W },
      { label: 'Share of the after-window unavailable (s, the slider)', value: s },
      { label: 'Why there is no result', value: name === 'liberty.breakEven' ? l.breakEvenReason ?? null : l.reason ?? null },
    ];
    const common = { ...base, inputs, steps, engine: ENGINE.liberty };
    switch (name) {
      case 'liberty.rateBefore':
        return {
          ...common, value: l.rateBefore,
          meaning: `Arrests per person per month before the order, over the ${months(W)} analysed (the before-window is taken as fully at liberty).`,
          formula: { words: 'Arrests before divided by the person-months before: people × months.', symbols: 'pre ÷ (n · W)' },
          r: { setup, call: 'pre / (people * window)' },
        };
      case 'liberty.rateAfter':
        return {
          ...common, value: l.rateAfter,
          meaning: `Arrests per person per month at liberty after the order, if people spent ${percent(s)} of the ${months(W)} after it in custody or abroad.`,
          formula: { words: 'Arrests after divided by the person-months at liberty after: people × months × the share not unavailable.', symbols: 'post ÷ (n · W · (1 − s))' },
          r: { setup, call: 'post / (people * window * (1 - s))' },
        };
      case 'liberty.rateFall':
        return {
          ...common, value: l.rateFall,
          meaning: `The fall in arrests per month at liberty from before the order to after, if people spent ${percent(s)} of the months after it unavailable.`,
          formula: { words: 'One minus the rate after divided by the rate before; people and months cancel, leaving the arrests and the share at liberty.', symbols: '1 − rate after ÷ rate before = 1 − post ÷ (pre · (1 − s))' },
          r: { setup, call: '1 - post / (pre * (1 - s))' },
        };
      case 'liberty.breakEven':
        return {
          ...common, value: l.breakEven,
          meaning: 'The share of the months after the order people would have to have spent in custody or abroad for the whole fall in arrests to be explained by their absence (the rate at liberty would then not fall at all).',
          formula: { words: 'Set the fall in the rate to zero and solve for the share: the share at liberty after must be post ÷ pre.', symbols: '1 − post ÷ (pre · (1 − s*)) = 0  ⇒  s* = 1 − post ÷ pre' },
          r: l.breakEven === null ? null : { setup, call: '1 - post / pre' },
        };
    }
  }
  // Each person's own months unavailable (the data's optional columns), over the design window with no gap.
  if (name === 'liberty.breakEven') return null; // the page shows no what-if beside the data's own months
  const l = liberty.value;
  const byId = new Map((data.dataset?.orders ?? []).map((o) => [o.id, o]));
  const rows = ids.map((id) => byId.get(id));
  if (rows.some((o) => o?.monthsUnavailableBefore === undefined || o.monthsUnavailableAfter === undefined)) return null;
  const ub = rows.map((o) => o!.monthsUnavailableBefore!);
  const ua = rows.map((o) => o!.monthsUnavailableAfter!);
  const W = result.window;
  const setup = [`before <- ${rVector(before)}`, `after <- ${rVector(after)}`, `unavailableBefore <- ${rVector(ub)}`, `unavailableAfter <- ${rVector(ua)}`, `window <- ${W}`].join('\n');
  const common = {
    ...base,
    inputs: { caption: `Arrests and months in custody or abroad of each analysed person, ${months(W)} before and after`, columns: ['Person (order)', 'Arrests before', 'Arrests after', 'Months unavailable before', 'Months unavailable after'], rows: ids.map((id, k): Cell[] => [id, before[k], after[k], ub[k], ua[k]]) },
    steps: [
      { label: 'People (n)', value: ids.length },
      { label: 'Months either side (W)', value: W },
      { label: 'Person-months at liberty before', value: l.monthsBefore },
      { label: 'Person-months at liberty after', value: l.monthsAfter },
      { label: 'Arrests before', value: result.events.pre },
      { label: 'Arrests after', value: result.events.post },
      // The sentence's word on conflicting records (awayWords): in R, sum(unavailableBefore == window & before > 0) people and sum(before[unavailableBefore == window]) arrests, and likewise after.
      { label: 'People recorded away for all the months before, yet arrested in them', value: l.arrestedWhileAway.before.people },
      { label: 'Their arrests before (counted against no months of their own)', value: l.arrestedWhileAway.before.arrests },
      { label: 'People recorded away for all the months after, yet arrested in them', value: l.arrestedWhileAway.after.people },
      { label: 'Their arrests after (counted against no months of their own)', value: l.arrestedWhileAway.after.arrests },
      { label: 'Why there is no result', value: l.reason ?? null },
    ],
    engine: ENGINE.liberty,
  };
  const rateBefore = 'sum(before) / sum(window - unavailableBefore)';
  const rateAfter = 'sum(after) / sum(window - unavailableAfter)';
  switch (name) {
    case 'liberty.rateBefore':
      return { ...common, value: l.rateBefore, meaning: 'Arrests per person-month at liberty before the order, from each person\'s own months in custody or abroad.', formula: { words: 'All arrests before divided by all the months people were at liberty before.', symbols: 'Σᵢ preᵢ ÷ Σᵢ (W − uᵢ^before)' }, r: { setup, call: rateBefore } };
    case 'liberty.rateAfter':
      return { ...common, value: l.rateAfter, meaning: 'Arrests per person-month at liberty after the order, from each person\'s own months in custody or abroad.', formula: { words: 'All arrests after divided by all the months people were at liberty after.', symbols: 'Σᵢ postᵢ ÷ Σᵢ (W − uᵢ^after)' }, r: { setup, call: rateAfter } };
    case 'liberty.rateFall':
      return { ...common, value: l.rateFall, meaning: 'The fall in arrests per month at liberty, from each person\'s own months in custody or abroad.', formula: { words: 'One minus the rate after divided by the rate before.', symbols: '1 − rate after ÷ rate before' }, r: l.rateFall === null ? null : { setup, call: `1 - (${rateAfter}) / (${rateBefore})` } };
    case 'liberty.share':
      return { ...common, value: l.unavailableShareAfter, meaning: 'The share of all the person-months after the orders that people spent in custody or abroad, from the data.', formula: { words: 'One minus the person-months at liberty after divided by people × months.', symbols: '1 − Σᵢ (W − uᵢ^after) ÷ (n · W)' }, r: l.unavailableShareAfter === null ? null : { setup, call: '1 - sum(window - unavailableAfter) / (length(unavailableAfter) * window)' } };
  }
}

// ---- the specification curve

type Curve = NonNullable<RobustnessContext['curve']>;

const TEST_NAMES: Record<Specification['test'], string> = { current: 'Wilcoxon (R 4.6)', legacy: 'Wilcoxon (R 4.5 and earlier)', sign: 'sign test' };

function deriveCurve(name: 'curve.share' | 'curve.significant' | 'curve.total' | 'curve.clearFalls' | 'curve.rises' | 'curve.acrossFalls' | 'curve.noInterval' | 'curve.clearShare' | 'curve.riseShare' | 'curve.against', curve: Curve, base: Base): Derivation {
  const specs = curve.specifications;
  const inputs: Derivation['inputs'] = {
    caption: `Every specification of the curve (${specs.length}), in the order window, gap, measure, weights, test`,
    columns: ['Specification', 'Window (months)', 'Gap (months)', 'Measure', 'Harm weights', 'Test', 'Reduction', 'p', 'Test points to', 'Significant fall', '95% interval, lower', '95% interval, upper'],
    rows: specs.map((s, k): Cell[] => [k + 1, s.window, s.gap, s.measure === 'events' ? 'arrests' : 'harm', s.weights ?? '—', TEST_NAMES[s.test], s.reduction, s.p, LEAN_WORDS[s.lean], s.significant ? 'yes' : 'no', s.ci?.[0] ?? null, s.ci?.[1] ?? null]),
  };
  // Which way each total moved, from its reduction, by the rule of specificationVerdict.ts: with nothing before, a rise; within UNCHANGED_BELOW of 0, unchanged.
  const setup = [
    `reduction <- ${rVector(specs.map((s) => s.reduction ?? NaN))}`, `p <- ${rVector(specs.map((s) => s.p ?? NaN))}`, `lean <- ${rVector(specs.map((s) => s.lean))}`,
    `total <- ifelse(is.na(reduction), -1, ifelse(abs(reduction) < ${UNCHANGED_BELOW}, 0, sign(reduction)))`,
  ].join('\n');
  const rule = `!is.na(p) & p < ${SPECIFICATION_ALPHA} & total == 1 & lean == 1`;
  const riseRule = `!is.na(p) & p < ${SPECIFICATION_ALPHA} & total == -1 & lean == -1`;
  // The intervals are the engine's bootstraps (R cannot rerun them), given here so R can count those clear of no change.
  const ciSetup = `${setup}\nlower <- ${rVector(specs.map((s) => s.ci?.[0] ?? NaN))}`;
  const steps: Derivation['steps'] = [
    { label: 'Windows', value: curve.choices.windows.join(', ') },
    { label: 'Gaps (those below the window)', value: curve.choices.gaps.join(', ') },
    { label: 'Harm weights', value: curve.choices.weights.join(', ') },
    { label: 'Tests', value: curve.choices.tests.map((t) => TEST_NAMES[t]).join(', ') },
    { label: 'Categories counted', value: curve.categories.join(', ') || 'none' },
    { label: 'Why harm is as recorded', value: curve.weightsNote ?? null },
    { label: 'Specifications', value: curve.total },
    { label: 'With a significant fall', value: curve.significant },
    { label: '… and a 95% interval clear of no change', value: clearFalls(curve) },
    { label: '… and a 95% interval that takes in no change', value: acrossFalls(curve) },
    { label: '… and no interval', value: noIntervalFalls(curve) },
    { label: 'With a significant rise', value: significantRises(curve) },
    { label: 'With a significant test that points the other way from the total', value: significantAgainst(curve) },
    { label: 'Significance level', value: SPECIFICATION_ALPHA },
  ];
  const significantWords = `a total that fell, a p-value below ${SPECIFICATION_ALPHA} and a test that points to falls`;
  const riseWords = `a total that rose, a p-value below ${SPECIFICATION_ALPHA} and a test that points to rises`;
  // Why a test's direction is asked as well as its p (specificationVerdict.ts), for the counts that depend on it.
  const direction = ' The tests are two-sided and weigh each person\'s change by its sign (the sign test) or its signed rank (Wilcoxon), so which way a test points is taken from it too: for Wilcoxon, whether V, the ranks held by the falls, is above or below the ranks held by the rises; for the sign test, whether more people had fewer after than more. A total fell or rose as its reduction is above or below 0; one with nothing before rose (a test runs only where someone had arrests after), and one whose reduction is within 10⁻⁹ of 0, the rounding of the sums, did not move.';
  const common = { ...base, inputs, steps, engine: ENGINE.curve };
  const note = "The lines above count the engine's reductions and p-values. To recompute each of them from the CSV files, in base R with wilcox.test and binom.test, use the R script for the curve: its link is beside the curve, and the command printed under the curve writes it with --emit-r in place of --json.";
  switch (name) {
    case 'curve.total':
      return {
        ...common, value: curve.total,
        meaning: 'How many specifications the curve has: every combination of window, gap (below the window), measure, harm weights (harm only) and test.',
        formula: { words: 'Count the specifications.', symbols: '#{specifications}' },
        r: { setup, call: 'length(p)', note },
      };
    case 'curve.significant':
      return {
        ...common, value: curve.significant,
        meaning: `How many specifications find a significant fall: ${significantWords}.${direction}`,
        formula: { words: `Count the specifications with ${significantWords}; one with no reduction or no p-value is not significant.`, symbols: `#{k : totalₖ = 1, pₖ < ${SPECIFICATION_ALPHA} and leanₖ = 1}` },
        r: { setup, call: `sum(${rule})`, note },
      };
    case 'curve.clearFalls':
      return {
        ...common, value: clearFalls(curve),
        meaning: `How many specifications find a significant fall (${significantWords}) whose 95% interval for the reduction is clear of no change as well (its lower end above 0). The tests ask whether people's arrests or harm typically fell, the interval whether the total did; in a thin view the two can part.`,
        formula: { words: `Count the specifications with ${significantWords} and a lower interval end above 0; one with no interval does not count.`, symbols: `#{k : totalₖ = 1, pₖ < ${SPECIFICATION_ALPHA}, leanₖ = 1 and lowerₖ > 0}` },
        r: { setup: ciSetup, call: `sum(${rule} & !is.na(lower) & lower > 0)`, note: `${note} The intervals are the engine's person-level bootstraps (src/analysis/reduction.ts), which R does not rerun: it counts them.` },
      };
    case 'curve.rises':
      return {
        ...common, value: significantRises(curve),
        meaning: `How many specifications find a significant rise: ${riseWords}. The curve counts only falls as significant, so these are said apart.${direction}`,
        formula: { words: `Count the specifications with ${riseWords}.`, symbols: `#{k : totalₖ = −1, pₖ < ${SPECIFICATION_ALPHA} and leanₖ = −1}` },
        r: { setup, call: `sum(${riseRule})`, note },
      };
    case 'curve.acrossFalls':
      return {
        ...common, value: acrossFalls(curve),
        meaning: `How many specifications find a significant fall (${significantWords}) whose 95% interval for the reduction takes in no change (its lower end at or below 0). The tests ask whether people's arrests or harm typically fell, the interval whether the total did; in a thin view the two can part.`,
        formula: { words: `Count the specifications with ${significantWords} and a lower interval end at or below 0; one with no interval is counted apart.`, symbols: `#{k : totalₖ = 1, pₖ < ${SPECIFICATION_ALPHA}, leanₖ = 1 and lowerₖ ≤ 0}` },
        r: { setup: ciSetup, call: `sum(${rule} & !is.na(lower) & lower <= 0)`, note: `${note} The intervals are the engine's person-level bootstraps (src/analysis/reduction.ts), which R does not rerun: it counts them.` },
      };
    case 'curve.noInterval':
      return {
        ...common, value: noIntervalFalls(curve),
        meaning: `How many specifications find a significant fall (${significantWords}) but have no 95% interval for the reduction: too few arrests, or none after the orders, for one to mean much.`,
        formula: { words: `Count the specifications with ${significantWords} and no interval.`, symbols: `#{k : totalₖ = 1, pₖ < ${SPECIFICATION_ALPHA}, leanₖ = 1, no interval}` },
        r: { setup: ciSetup, call: `sum(${rule} & is.na(lower))`, note },
      };
    case 'curve.clearShare':
      return {
        ...common, value: curve.total > 0 ? clearFalls(curve) / curve.total : null,
        meaning: `The share of specifications that find a significant fall (${significantWords}) with a 95% interval for the reduction clear of no change as well: the curve's share, counting only falls that both the test and the interval support.`,
        formula: { words: 'The significant falls whose interval has its lower end above 0, divided by all specifications.', symbols: `#{k : totalₖ = 1, pₖ < ${SPECIFICATION_ALPHA}, leanₖ = 1 and lowerₖ > 0} ÷ #{specifications}` },
        r: { setup: ciSetup, call: `mean(${rule} & !is.na(lower) & lower > 0)`, note: `${note} The intervals are the engine's person-level bootstraps (src/analysis/reduction.ts), which R does not rerun: it counts them.` },
      };
    case 'curve.riseShare':
      return {
        ...common, value: curve.total > 0 ? significantRises(curve) / curve.total : null,
        meaning: `The share of specifications that find a significant rise: ${riseWords}.`,
        formula: { words: `The specifications with ${riseWords}, divided by all specifications.`, symbols: `#{k : totalₖ = −1, pₖ < ${SPECIFICATION_ALPHA} and leanₖ = −1} ÷ #{specifications}` },
        r: { setup, call: `mean(${riseRule})`, note },
      };
    case 'curve.against':
      return {
        ...common, value: significantAgainst(curve),
        meaning: `How many specifications have a test significant at ${SPECIFICATION_ALPHA} that points the other way from their total: to falls where the total rose, to rises where it fell, or either way where it did not move. They count as neither a significant fall nor a significant rise.${direction} A few large changes can turn a total against most people's: one heavy arrest after an order can make harm rise in total while most people's harm fell.`,
        formula: { words: `Count the specifications with a p-value below ${SPECIFICATION_ALPHA} whose lean (1 to falls, −1 to rises) is not the way the total moved (1 fell, −1 rose, 0 did not move).`, symbols: `#{k : pₖ < ${SPECIFICATION_ALPHA} and leanₖ ≠ totalₖ}` },
        r: { setup, call: `sum(!is.na(p) & p < ${SPECIFICATION_ALPHA} & lean != total)`, note },
      };
    case 'curve.share':
      return {
        ...common, value: curve.share,
        meaning: `The share of specifications that find a significant fall (${significantWords}): a description of how much the result depends on the analyst's choices, not a test.`,
        formula: { words: 'The specifications with a significant fall divided by all specifications.', symbols: `#{k : totalₖ = 1, pₖ < ${SPECIFICATION_ALPHA} and leanₖ = 1} ÷ #{specifications}` },
        r: { setup, call: `mean(${rule})`, note },
      };
  }
}

/**
 * How far the harm weights alone move the fall in harm: the curve's harm specifications under one
 * test (the reduction does not depend on the test), their range at each window and gap, the largest.
 */
function deriveWeightsSpread(curve: Curve, base: Base): Derivation {
  const harm = curve.specifications.filter((s) => s.measure === 'harm' && s.test === 'current');
  const w = curve.weightsSpread;
  const one = curve.choices.weights.length < 2;
  return {
    ...base,
    value: w?.spread ?? null,
    meaning: 'The most that the choice of harm weights alone changes the fall in harm: at each window and gap of the curve, the largest reduction in harm minus the smallest across the weight sets; the largest of those differences, as a proportion (0.1 is 10 percentage points).',
    inputs: {
      caption: `The fall in harm under each weight set, at each window and gap of the curve (${harm.length})`,
      columns: ['Window (months)', 'Gap (months)', 'Harm weights', 'Reduction in harm'],
      rows: harm.map((s): Cell[] => [s.window, s.gap, s.weights ?? '—', s.reduction]),
    },
    steps: [
      { label: 'Harm weights', value: curve.choices.weights.join(', ') },
      { label: 'Why there is no spread', value: one ? `one set of weights${curve.weightsNote ? `: ${curve.weightsNote}` : ''}` : w ? null : 'no window and gap has a fall in harm under two weight sets' },
      { label: 'Window where the spread is largest', value: w?.window ?? null },
      { label: 'Gap there', value: w?.gap ?? null },
      { label: 'Smallest reduction there', value: w?.lowest ?? null },
      { label: 'Its weights', value: w?.lowestWeights ?? null },
      { label: 'Largest reduction there', value: w?.highest ?? null },
      { label: 'Their weights', value: w?.highestWeights ?? null },
    ],
    formula: { words: 'For each window and gap, take the reductions in harm that exist under the weight sets; where there are two or more, their range is the largest minus the smallest; report the largest range.', symbols: 'max over (W, K) of [ maxₛ reduction(W, K, s) − minₛ reduction(W, K, s) ]' },
    r: w === null ? null : {
      setup: `window <- ${rVector(harm.map((s) => s.window))}\ngap <- ${rVector(harm.map((s) => s.gap))}\nreduction <- ${rVector(harm.map((s) => s.reduction ?? NaN))}`,
      call: '{ ok <- is.finite(reduction); ranges <- tapply(reduction[ok], paste(window[ok], gap[ok]), function(r) if (length(r) > 1) max(r) - min(r) else NA); max(ranges, na.rm = TRUE) }',
    },
    engine: ENGINE.curve,
  };
}
