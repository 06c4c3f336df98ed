// The derivations of the "How robust is it?" page's numbers (src/lib/robustDerivations.ts), checked
// against independent truth: each value is the number the page formats (read here from the
// context's own objects, never from the derivation), each inputs table is the context's falls,
// people or specifications, and each R call, run in R 4.6 (webR) and, where installed, R 4.2
// (Rscript), reproduces the value to 1e-9. Beside the derivation's own call, R recomputes the key
// numbers from the derivation's vectors with calls written here from the page's words (the middle
// 95% of the falls, R's default quantile; a significant fall is reduction > 0 and p < 0.05), so a
// wrong interval level or significance rule fails even if the engine and its derivation agreed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type AnalysisResult } from '../src/analysis/analyse.ts';
import { specificationCurve, type SpecificationCurve } from '../src/analysis/specificationCurve.ts';
import type { Dataset } from '../src/analysis/types.ts';
import { rScript, type Derivation } from '../src/lib/derivations.ts';
import { formatChangeSize, formatEstimate, formatNumber, formatPercent, formatSpreadPoints } from '../src/lib/format.ts';
import { deriveRobust, type RobustData } from '../src/lib/robustDerivations.ts';
import {
  ROBUST_NUMBERS, barnettFall, gapCurveRows, libertyFor, nullWorldFor, robustNameOf, robustPath, robustSegments,
  type RobustNumberName, type RobustnessContext,
} from '../src/lib/robustness.ts';
import type { ViewState } from '../src/lib/urlState.ts';
import { bundled, near } from './helpers/bundled.ts';
import { heavyDataset } from './helpers/alteredData.ts';
import { hasRscript, runRscript, runWebR, stopWebR } from './helpers/r.ts';

after(() => stopWebR());

const NAMES = Object.keys(ROBUST_NUMBERS) as RobustNumberName[];
const study: RobustData = { dataset: bundled, synthetic: true };

/** The number each name formats, read from the context's objects as src/lib/robustness.ts reads them. */
function numberOf(name: RobustNumberName, c: RobustnessContext): number | null {
  const w = c.world;
  const l = c.liberty;
  switch (name) {
    case 'nullWorld.mean': return w?.mean ?? null;
    case 'nullWorld.low': return w?.interval?.[0] ?? null;
    case 'nullWorld.high': return w?.interval?.[1] ?? null;
    case 'nullWorld.observed': return w?.observedFall ?? null;
    case 'nullWorld.shareAtLeast': return w?.shareAtLeastObserved ?? null;
    // Recounted here from the falls and the observed fall, as the page's words say it ("fell at least as much").
    case 'nullWorld.matched': return w && w.observedFall !== null && w.falls.length > 0 ? w.falls.filter((f) => f >= w.observedFall!).length : null;
    case 'nullWorld.cohorts': return w ? w.falls.length + w.dropped : null;
    // The cohorts asked of the simulation, less those it says had no arrests before (none, where nothing could be simulated).
    case 'nullWorld.compared': return w ? (w.parameters === null || (w.falls.length === 0 && w.dropped === 0) ? 0 : w.parameters.cohorts - w.dropped) : null;
    case 'nullWorld.dropped': return w ? w.dropped : null;
    case 'nullWorld.barnett': return w ? barnettFall(w) : null;
    case 'nullWorld.afterBusy': {
      // From the crossing share and the selection strength, by the weights the section describes.
      const p = w?.parameters;
      if (!p) return null;
      const c = p.crossingShare;
      return c + (1 - p.selection) * (1 - c) > 0 ? c / (c + (1 - p.selection) * (1 - c)) : null;
    }
    case 'liberty.rateBefore': return l?.value.rateBefore ?? null;
    case 'liberty.rateAfter': return l?.value.rateAfter ?? null;
    case 'liberty.rateFall': return l?.value.rateFall ?? null;
    case 'liberty.breakEven': return l?.kind === 'whatIf' ? l.value.breakEven : null;
    case 'liberty.share': return l === null ? null : l.kind === 'whatIf' ? l.value.unavailableShare : l.value.unavailableShareAfter;
    case 'curve.share': return c.curve?.share ?? null;
    case 'curve.significant': return c.curve?.significant ?? null;
    case 'curve.total': return c.curve?.total ?? null;
    // Recounted from each specification's reduction, p-value and interval, by the page's words.
    // (a significant fall: the total fell, p < 0.05 and the test points to falls; a rise the reverse).
    case 'curve.clearFalls': return c.curve ? c.curve.specifications.filter((s) => s.reduction !== null && s.reduction > 0 && s.lean === 1 && s.p !== null && s.p < 0.05 && s.ci !== null && s.ci[0] > 0).length : null;
    // (a total with nothing before rose: a test runs only where someone had arrests after)
    case 'curve.rises': return c.curve ? c.curve.specifications.filter((s) => (s.reduction === null || s.reduction < 0) && s.lean === -1 && s.p !== null && s.p < 0.05).length : null;
    // "points the other way from the total": a significant test whose lean is not the way the total moved (none before: a rise).
    case 'curve.against': return c.curve ? c.curve.specifications.filter((s) => s.p !== null && s.p < 0.05 && s.lean !== (s.reduction === null ? -1 : Math.sign(s.reduction))).length : null;
    // "Read the share with care": of the significant falls, those whose interval takes in no change and those with none; the shares of all the specifications.
    case 'curve.acrossFalls': return c.curve ? c.curve.specifications.filter((s) => s.reduction !== null && s.reduction > 0 && s.lean === 1 && s.p !== null && s.p < 0.05 && s.ci !== null && s.ci[0] <= 0).length : null;
    case 'curve.noInterval': return c.curve ? c.curve.specifications.filter((s) => s.reduction !== null && s.reduction > 0 && s.lean === 1 && s.p !== null && s.p < 0.05 && s.ci === null).length : null;
    case 'curve.clearShare': return c.curve ? numberOf('curve.clearFalls', c)! / c.curve.specifications.length : null;
    case 'curve.riseShare': return c.curve ? numberOf('curve.rises', c)! / c.curve.specifications.length : null;
    case 'gap.eventsLow': case 'gap.eventsHigh': case 'gap.eventsClear': case 'gap.harmLow': case 'gap.harmHigh': case 'gap.harmClear': {
      const truth = gapTruth.get(c)?.[name.startsWith('gap.events') ? 'events' : 'harm'];
      if (!truth || truth.length === 0) return null;
      const falls = truth.map((m) => m.reduction!);
      return name.endsWith('Low') ? Math.min(...falls) : name.endsWith('High') ? Math.max(...falls) : truth.filter((m) => m.ci !== null && (m.ci[0] > 0 || m.ci[1] < 0)).length;
    }
    case 'curve.weightsSpread': {
      // Recounted from the rows of another test (a reduction does not depend on the test).
      if (!c.curve) return null;
      let widest: number | null = null;
      for (const window of c.curve.choices.windows) {
        for (const gap of c.curve.choices.gaps) {
          const r = c.curve.specifications.filter((s) => s.measure === 'harm' && s.test === 'sign' && s.window === window && s.gap === gap && s.reduction !== null).map((s) => s.reduction!);
          if (r.length > 1) widest = Math.max(widest ?? -Infinity, Math.max(...r) - Math.min(...r));
        }
      }
      return widest;
    }
  }
}

/**
 * The months around the order, worked out here: the view analysed afresh with 0, 1, … months left
 * out either side (up to 6, below the window), its overall arrests and harm at each gap with
 * something before. Keyed by the context whose gap rows the page computed.
 */
const gapTruth = new WeakMap<RobustnessContext, Record<'events' | 'harm', AnalysisResult['events'][]>>();
function withGapTruth(c: RobustnessContext, state: ViewState, dataset: Dataset = bundled): RobustnessContext {
  const gaps = Array.from({ length: Math.min(6, state.window - 1) + 1 }, (_, g) => analyse(dataset, { ...state, gap: g }));
  gapTruth.set(c, { events: gaps.map((a) => a.events).filter((m) => m.pre > 0), harm: gaps.map((a) => a.harm).filter((m) => m.pre > 0) });
  return c;
}

/** A fall's or a rise's size: the words around it say which (src/lib/wording.ts fallPieces). */
const size = (x: number | null) => formatChangeSize(x);
/** A change over the gaps: its size, or "no change" when it is exactly none. */
const gapChange = (x: number | null) => (x === 0 ? 'no change' : formatChangeSize(x));
/** How the page formats each number (the text of its handle). */
const FORMAT: Record<RobustNumberName, (x: number | null) => string> = {
  'nullWorld.mean': size, 'nullWorld.low': size, 'nullWorld.high': size, 'nullWorld.observed': size,
  'nullWorld.shareAtLeast': formatPercent, 'nullWorld.matched': formatNumber, 'nullWorld.compared': formatNumber, 'nullWorld.cohorts': formatNumber, 'nullWorld.dropped': formatNumber, 'nullWorld.barnett': (x) => (x === null ? 'does not apply' : formatPercent(x)), 'nullWorld.afterBusy': formatPercent,
  'liberty.rateBefore': formatEstimate, 'liberty.rateAfter': formatEstimate, 'liberty.rateFall': size, 'liberty.breakEven': formatPercent,
  'liberty.share': formatPercent, 'curve.share': formatPercent, 'curve.significant': formatNumber, 'curve.total': formatNumber, 'curve.clearFalls': formatNumber, 'curve.rises': formatNumber,
  'curve.acrossFalls': formatNumber, 'curve.noInterval': formatNumber, 'curve.clearShare': formatPercent, 'curve.riseShare': formatPercent, 'curve.against': formatNumber,
  'curve.weightsSpread': formatSpreadPoints,
  'gap.eventsLow': gapChange, 'gap.eventsHigh': gapChange, 'gap.eventsClear': formatNumber, 'gap.harmLow': gapChange, 'gap.harmHigh': gapChange, 'gap.harmClear': formatNumber,
};

interface Case { label: string; result: AnalysisResult; c: RobustnessContext; data: RobustData }

const curves = new Map<string, SpecificationCurve>();
const curveFor = (categories: readonly string[]) => {
  const key = categories.join(',');
  if (!curves.has(key)) curves.set(key, specificationCurve(bundled, { categories }));
  return curves.get(key)!;
};

/** Two slider settings: the page's defaults, and a sharp cutoff with a short look-back and more time away. */
const SETTINGS = [{ selection: 0.5, lookback: 6, share: 0.2 }, { selection: 1, lookback: 3, share: 0.45 }] as const;
/**
 * The study view, 12 months with gap 1, and the same for violence alone: its curve has rises and
 * near-misses (128 of 180 significant), and with a sharp cutoff its observed fall sits inside the
 * simulated ones (a share at least as large of about 2%). Two months of drugs: a simulated cohort
 * with no arrests before (no fall), counted among the cohorts and said apart.
 */
const VIEWS: ViewState[] = [{ window: 24, categories: [...bundled.categories] }, { window: 12, gap: 1, categories: [...bundled.categories] }, { window: 12, gap: 1, categories: ['violence'] }, { window: 2, categories: ['drugs'] }];

const cases: Case[] = VIEWS.flatMap((state) => {
  const result = analyse(bundled, state);
  return SETTINGS.map((s) => ({
    label: `w=${state.window} gap=${state.gap ?? 0} ${state.categories.join('+')} selection=${s.selection} lookback=${s.lookback} share=${s.share}`,
    result,
    c: withGapTruth({ world: nullWorldFor(result, s.selection, s.lookback), liberty: libertyFor(result, s.share, bundled), curve: curveFor(state.categories), gapRows: gapCurveRows(bundled, state) }, state),
    data: study,
  }));
});
/** The bundled data as a reader's own files that say how many months each person was in custody or abroad. */
const withMonths: Dataset = {
  ...bundled,
  manifest: { ...bundled.manifest!, synthetic: false, calibrated: false },
  orders: bundled.orders.map((o, k) => ({ ...o, monthsUnavailableBefore: k % 4, monthsUnavailableAfter: (k * 7) % 13 })),
};
const own = (() => {
  const result = analyse(withMonths);
  const state: ViewState = { window: 24, categories: [...withMonths.categories] };
  const c = withGapTruth({ world: nullWorldFor(result, 0.5, 6), liberty: libertyFor(result, 0.2, withMonths), curve: null, gapRows: gapCurveRows(withMonths, state) }, state, withMonths);
  return { label: 'own data with months unavailable', result, c, data: { dataset: withMonths, synthetic: false } } satisfies Case;
})();

/**
 * The bundled data as a reader's own, harm as recorded, with one arrest in the month after an order
 * given twice the harm of all the arrests before the orders: harm rises in total wherever that month
 * is counted, while most people's harm fell, so some significant tests point against their total.
 */
const heavy = (() => {
  const dataset: Dataset = { ...heavyDataset(), manifest: { ...bundled.manifest!, synthetic: false, calibrated: false } };
  const result = analyse(dataset);
  const state: ViewState = { window: 24, categories: [...dataset.categories] };
  const c = withGapTruth({ world: nullWorldFor(result, 0.5, 6), liberty: libertyFor(result, 0.2, dataset), curve: specificationCurve(dataset), gapRows: gapCurveRows(dataset, state) }, state, dataset);
  return { label: 'own data with one heavy arrest after an order', result, c, data: { dataset, synthetic: false } } satisfies Case;
})();

const must = (d: Derivation | null, what: string): Derivation => {
  assert.ok(d, `no derivation for ${what}`);
  return d;
};

test('every robustness number has a derivation whose value is the number the page formats, in every view and setting', () => {
  assert.ok(cases.some((k) => k.c.world!.shareAtLeastObserved! > 0 && k.c.world!.shareAtLeastObserved! < 1), 'a share strictly between 0 and 1');
  assert.ok(cases.some((k) => barnettFall(k.c.world!) !== null) && cases.some((k) => barnettFall(k.c.world!) === null), 'the closed form both applies and does not');
  assert.ok(cases.some((k) => k.c.world!.dropped > 0) && cases.some((k) => k.c.world!.dropped === 0), 'cohorts with no arrests before, and none');
  for (const { label, result, c, data } of [...cases, own, heavy]) {
    for (const name of NAMES) {
      if (name.startsWith('curve.') && c.curve === null) {
        assert.equal(deriveRobust(name, c, result, data), null, `${label} ${name}: no curve, no derivation`);
        continue;
      }
      if (name === 'liberty.breakEven' && c.liberty?.kind === 'byPerson') {
        assert.equal(deriveRobust(name, c, result, data), null, `${label}: no what-if beside the data's own months`);
        continue;
      }
      const d = must(deriveRobust(name, c, result, data), `${label} ${name}`);
      const what = `${label} ${name}`;
      assert.equal(d.path, robustPath(name));
      assert.equal(robustNameOf(d.path), name);
      // (the share after a busy spell is the engine's counts' ratio, here the shares': equal to rounding)
      if (name === 'nullWorld.afterBusy' && typeof d.value === 'number') assert.ok(Math.abs(d.value - numberOf(name, c)!) < 1e-12, what);
      else assert.equal(d.value, numberOf(name, c), what);
      // The handle's text is the value formatted, and the whole text is what the page prints.
      const segments = robustSegments(name, c);
      const handle = segments.find((s) => typeof s !== 'string' && s.path === robustPath(name)) as { text: string } | undefined;
      // Only the cohorts with no arrests before go unsaid, when there are none; the weights' spread
      // is said in words alone where the curve has nothing to compare.
      if (handle === undefined) assert.ok((name === 'nullWorld.dropped' && d.value === 0 && segments.length === 0) || (name === 'curve.weightsSpread' && d.value === null), what);
      else assert.equal(handle.text, FORMAT[name](d.value as number | null), what);
      assert.equal(segments.map((s) => (typeof s === 'string' ? s : s.text)).join(''), ROBUST_NUMBERS[name](c), what);
      assert.ok(d.meaning.length > 30 && d.formula.words.length > 10 && d.formula.symbols.length > 0, what);
      assert.match(d.engine, /^src\/(analysis|lib)\/[\w/]+\.ts$/, what);
      assert.doesNotMatch(JSON.stringify(d), /NaN|undefined|Infinity/, what);
      assert.equal(d.status, name === 'liberty.share' && c.liberty?.kind === 'whatIf' ? 'setting' : data.synthetic ? 'generator' : 'data', what);
      if (d.value !== null && d.status !== 'setting') assert.ok(d.r, `${what}: an R call`);
    }
  }
});

test('the inputs are the context\'s own: every simulated fall, every person, every specification', () => {
  for (const { label, result, c, data } of [...cases, heavy]) {
    const world = c.world!;
    for (const name of ['nullWorld.mean', 'nullWorld.low', 'nullWorld.high', 'nullWorld.shareAtLeast', 'nullWorld.cohorts', 'nullWorld.dropped'] as const) {
      const d = must(deriveRobust(name, c, result, study), name);
      assert.deepEqual(d.inputs!.rows.map((r) => r[1]), world.falls, `${label} ${name}`);
      const step = (s: string) => d.steps.find((x) => x.label.startsWith(s))?.value;
      assert.equal(step('Selection'), world.parameters!.selection);
      assert.equal(step('Months of recent'), world.parameters!.lookback);
      assert.equal(step('Seed'), world.parameters!.seed);
      assert.equal(step('Cohorts simulated'), world.parameters!.cohorts);
      assert.equal(step('Months either side of the order'), result.window);
      assert.equal(step('Months nearest the order left out'), result.gap);
    }
    // Time at liberty: the people's arrests add up to the totals the rates divide.
    const rate = must(deriveRobust('liberty.rateFall', c, result, data), 'rateFall');
    const rows = rate.inputs!.rows;
    assert.equal(rows.length, result.orders, label);
    assert.equal(rows.reduce((s, r) => s + (r[1] as number), 0), result.events.pre, label);
    assert.equal(rows.reduce((s, r) => s + (r[2] as number), 0), result.events.post, label);
    // The curve: one row per specification; the verdict recounted here from each row's reduction, p and the way its test points.
    if (!c.curve) continue;
    const curve = must(deriveRobust('curve.significant', c, result, data), 'curve');
    const specs = curve.inputs!.rows;
    assert.equal(specs.length, c.curve.total);
    const fall = (r: (typeof specs)[number]) => r[6] !== null && (r[6] as number) > 0 && r[7] !== null && (r[7] as number) < 0.05 && r[8] === 'falls';
    assert.equal(specs.filter(fall).length, curve.value, label);
    assert.deepEqual(specs.map((r) => r[9] === 'yes'), specs.map(fall));
  }
  // The heavy arrest's curve is a real test of the direction: some significant tests point against their total.
  assert.ok(numberOf('curve.against', heavy.c)! > 0);
  // The violence curve is a real test of the rule: some rises, some p just above 0.05.
  const violence = curveFor(['violence']);
  assert.ok(violence.specifications.some((s) => s.reduction !== null && s.reduction <= 0 && s.p !== null && s.p < 0.05) || violence.specifications.some((s) => s.p !== null && s.p >= 0.05 && s.p < 0.1));
  assert.ok(violence.significant > 0 && violence.significant < violence.total);
});

test('the slider\'s share is a setting; each person\'s own months unavailable are data, with their rows', () => {
  const whatIf = must(deriveRobust('liberty.share', cases[0].c, cases[0].result, study), 'share');
  assert.equal(whatIf.status, 'setting');
  assert.equal(whatIf.r, null);
  assert.equal(own.c.liberty!.kind, 'byPerson');
  const share = must(deriveRobust('liberty.share', own.c, own.result, own.data), 'own share');
  assert.equal(share.status, 'data');
  assert.deepEqual(share.inputs!.rows.map((r) => r[4]), own.result.perOrder.map((o) => withMonths.orders.find((x) => x.id === o.order)!.monthsUnavailableAfter));
  // The page hides the break-even share beside the data's own months: no derivation.
  assert.equal(deriveRobust('liberty.breakEven', own.c, own.result, own.data), null);
  // A part the page has not computed has no derivation (the page completes it first).
  assert.equal(deriveRobust('nullWorld.mean', { world: null, liberty: null, curve: null }, own.result, own.data), null);
});

test('the empty view: every number that is n/a has a derivation with no value, and no NaN or undefined', () => {
  const result = analyse(bundled, { categories: [] });
  const c: RobustnessContext = withGapTruth({ world: nullWorldFor(result, 0.5, 6), liberty: libertyFor(result, 0.2, bundled), curve: curveFor([]), gapRows: gapCurveRows(bundled, { window: 24, categories: [] }) }, { window: 24, categories: [] });
  for (const name of NAMES) {
    const d = must(deriveRobust(name, c, result, study), name);
    assert.equal(d.value, numberOf(name, c), name);
    assert.doesNotMatch(JSON.stringify(d), /NaN|undefined|Infinity/, name);
    if (ROBUST_NUMBERS[name](c) === 'n/a') assert.equal(d.value, null, name);
  }
  const barnett = must(deriveRobust('nullWorld.barnett', c, result, study), 'barnett');
  assert.equal(barnett.value, null);
  assert.match(String(barnett.steps.find((s) => s.label === 'Why it does not apply')!.value), /no simulation/);
  const selection = must(deriveRobust('nullWorld.barnett', cases[0].c, cases[0].result, study), 'barnett at 0.5');
  assert.equal(selection.value, null);
  assert.match(String(selection.steps.find((s) => s.label === 'Why it does not apply')!.value), /selection is 0\.5/);
});

// ---- R

/** The derivation's vectors, then a call: one number printed at 17 digits, in its own local(). */
const printed = (setup: string, call: string) => `cat(sprintf("%.17g", local({\n${setup}\n${call}\n})), "\\n")`;

/** Calls written from the page's words, not the engine's: the middle 95% of the falls and a significant fall at the 5% level. */
const TRUTH: Partial<Record<RobustNumberName, string>> = {
  'nullWorld.mean': 'sum(falls) / length(falls)',
  'nullWorld.low': 'unname(quantile(falls, (1 - 0.95) / 2))',
  'nullWorld.high': 'unname(quantile(falls, 1 - (1 - 0.95) / 2))',
  'nullWorld.shareAtLeast': 'sum(falls >= observed) / length(falls)',
  'nullWorld.matched': 'length(which(falls >= observed))',
  'nullWorld.compared': 'sum(!is.na(falls))',
  'curve.significant': 'sum(reduction > 0 & p < 0.05 & lean == 1, na.rm = TRUE)',
  'curve.clearFalls': 'sum(reduction > 0 & p < 0.05 & lean == 1 & lower > 0, na.rm = TRUE)',
  'curve.against': 'sum(p < 0.05 & (reduction > 0 & lean != 1 | reduction < 0 & lean != -1 | reduction == 0 & lean != 0 | is.na(reduction) & lean != -1), na.rm = TRUE)',
  'gap.eventsLow': 'min(1 - post[pre > 0] / pre[pre > 0])',
  'gap.eventsHigh': 'max(1 - post[pre > 0] / pre[pre > 0])',
  'gap.eventsClear': 'sum(pre > 0 & ((lower > 0 & upper > 0) | (lower < 0 & upper < 0)), na.rm = TRUE)',
  'gap.harmLow': 'min(1 - post[pre > 0] / pre[pre > 0])',
  'gap.harmHigh': 'max(1 - post[pre > 0] / pre[pre > 0])',
  'gap.harmClear': 'sum(pre > 0 & ((lower > 0 & upper > 0) | (lower < 0 & upper < 0)), na.rm = TRUE)',
  'curve.rises': 'sum((is.na(reduction) | reduction < 0) & p < 0.05 & lean == -1, na.rm = TRUE)',
  'curve.share': 'sum(reduction > 0 & p < 0.05 & lean == 1, na.rm = TRUE) / length(p)',
  'liberty.rateFall': '1 - (post / (people * window * (1 - s))) / (pre / (people * window))',
  'curve.weightsSpread': 'max(sapply(split(reduction, list(window, gap), drop = TRUE), function(r) { r <- r[!is.na(r)]; if (length(r) < 2) -Inf else diff(range(r)) }))',
};

function rChecks(): { what: string; value: number; script: string }[] {
  const checks: { what: string; value: number; script: string }[] = [];
  for (const { label, result, c, data } of [...cases, own, heavy]) {
    for (const name of NAMES) {
      const d = deriveRobust(name, c, result, data);
      if (!d || !d.r || typeof d.value !== 'number') continue;
      checks.push({ what: `${label} ${name}`, value: d.value, script: printed(d.r.setup, d.r.call) });
      const truth = TRUTH[name];
      if (truth && !(name === 'liberty.rateFall' && c.liberty?.kind !== 'whatIf')) checks.push({ what: `${label} ${name} (from the page's words)`, value: d.value, script: printed(d.r.setup, truth) });
    }
  }
  return checks;
}

function compare(out: string, checks: ReturnType<typeof rChecks>, which: string): void {
  const values = out.trim().split(/\s+/).map(Number);
  assert.equal(values.length, checks.length, which);
  checks.forEach((k, i) => assert.ok(near(values[i], k.value, 1e-9), `${which}, ${k.what}: R ${values[i]}, page ${k.value}`));
}

test('each R call reproduces its number in R 4.6 (webR), to 1e-9', async () => {
  const checks = rChecks();
  assert.ok(checks.length > 100, `${checks.length} checks`);
  compare(await runWebR(checks.map((k) => k.script).join('\n')), checks, 'R 4.6');
});

test('each R call reproduces its number in R 4.2 (Rscript), to 1e-9', { skip: !hasRscript() && 'Rscript (R 4.2) is not installed; npm run test:unit installs it' }, () => {
  const checks = rChecks();
  compare(runRscript(checks.map((k) => k.script).join('\n')), checks, 'R 4.2');
});

test('the panel\'s R script is the setup then the call', () => {
  const d = must(deriveRobust('nullWorld.low', cases[0].c, cases[0].result, study), 'low');
  assert.equal(rScript(d), `${d.r!.setup}\n${d.r!.call}`);
  assert.match(d.r!.call, /quantile\(falls, 0\.025, type = 7\)/);
});

test("a null world's derivations say a rise is a rise: the mean below zero, and an observed rise", () => {
  const data = { dataset: bundled, synthetic: true };
  // ?w=3&c=other&gap=1: the simulated cohorts rise on average (by 7%)
  const rising = analyse(bundled, { window: 3, categories: ['other'], gap: 1 });
  const world = nullWorldFor(rising, 0.5, 6);
  assert.ok(world.mean! < -0.05, 'a view whose simulated cohorts rise on average');
  const mean = must(deriveRobust('nullWorld.mean', { world, liberty: null, curve: null }, rising, data), 'mean');
  assert.match(mean.meaning, new RegExp(`, here an? ${formatPercent(-world.mean!)} rise\\.$`));
  // ?w=1: the view's arrests rise (by 10%)
  const result = analyse(bundled, { window: 1 });
  const risen = nullWorldFor(result, 0.5, 6);
  assert.ok(risen.observedFall! < 0, 'an observed rise');
  const share = must(deriveRobust('nullWorld.shareAtLeast', { world: risen, liberty: null, curve: null }, result, data), 'share');
  assert.match(share.meaning, new RegExp(`\\(here the view shows an? ${formatPercent(-risen.observedFall!)} rise, so: those that rose no more than that, or fell\\)`));
  // a fall reads as a fall
  const study = analyse(bundled);
  const fell = must(deriveRobust('nullWorld.mean', { world: nullWorldFor(study, 0.5, 6), liberty: null, curve: null }, study, data), 'study mean');
  assert.match(fell.meaning, /, here an? \d+% fall\.$/);
});
