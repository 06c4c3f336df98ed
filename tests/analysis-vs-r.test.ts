// The CLI's `npm run analyze -- … --json` against base R, which aggregates the CSVs itself (joining
// the harm index on offence for weights) and runs wilcox.test, binom.test, p.adjust, lm and cor.test
// (tests/fixtures/r/make-analysis-fixtures.R wrote the expected values) in both R versions: R 4.2.2's
// results are compared with the engine's 'legacy' Wilcoxon rule and R 4.6.0's (webR) with 'current';
// everything else must match both. The states cover the bundled data and a cohort made for the
// purpose (tests/fixtures/r/cohort.ts, committed in tests/fixtures/r/cohort/), with gaps (--gap) and
// harm weights (--weights low|central|high), e.g. `--gap 3 --weights low`.
// Tolerance: relative 1e-9, as in stats.test.ts; counts and sums exactly. One exception, as in
// stats.test.ts: where a monthly series is a perfect straight line (window 3, modern slavery: 4, 3,
// 2 events), R's p for the slope is QR rounding noise (~3e-16), and the engine gives no p, with a
// reason. Where the engine declines an ITS p (too few months, an exact fit) it gives a reason,
// and R's p for that state is noise or NaN; those are not compared.
import { BOOTSTRAP_COLUMNS } from './fixtures/r/bootstrapColumns.ts';
import { COHORT_DESIGN_WINDOW, cohortFiles } from './fixtures/r/cohort.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyse, type AnalysisResult } from '../src/analysis/analyse.ts';
import { bundled, near } from './helpers/bundled.ts';

type N = number | null;
interface RTest { pre: number; post: number; V: number; p: number; pAdjusted?: number; reduction?: N; sign: { n: number; fewer: number; p: N } }
interface RState {
  data: 'bundled' | 'cohort';
  window: number;
  gap: number;
  weights: 'central' | 'low' | 'high' | null;
  categories: string[];
  events: RTest & { byCategory: Record<string, RTest> };
  harm: RTest & { byCategory: Record<string, RTest> };
  trend: Record<'events' | 'harm', { slope: number; p: N; tau: N; tauP: N }>;
  its: Record<'events' | 'harm', { preSlope: number; preSlopeP: N; level: number; levelP: N; slopeChange: number; slopeChangeP: N; hacLag: number; preSlopePHac: N; levelPHac: N; slopeChangePHac: N;
    countConverged: boolean; countCoefficients: number[]; countMinFittedAtZero: number; levelRatio: number; levelRatioP: N; slopeChangeRatio: number; slopeChangeRatioP: N; dispersion: N;
    preSlopeRatio: number; preSlopeRatioP: N; postSlopeRatio: number; levelRatioLow: N; levelRatioHigh: N; slopeChangeRatioLow: N; slopeChangeRatioHigh: N }>;
  correlation: { pearson: { r: N; p: N }; spearman: { rho: N; p: N } };
  monthly: { month: number[]; events: number[]; harm: number[] };
  leaveOneOut: Record<'events' | 'harm', { min: N; max: N }>;
  busiestTenth: { people: number; events: number; share: N; othersReduction: N };
}
const fixture: { statesByR: Record<string, RState[]> } = JSON.parse(readFileSync(new URL('./fixtures/r/analysis.json', import.meta.url), 'utf8'));

function closeTo(actual: number | null | undefined, expected: number | null, what: string) {
  assert.ok(near(actual ?? null, expected), `${what}: engine ${actual}, R ${expected}`);
}

const cohortPath = (name: string) => fileURLToPath(new URL(`./fixtures/r/cohort/${name}`, import.meta.url));
test('the committed cohort files are what tests/fixtures/r/cohort.ts makes', () => {
  for (const [name, text] of Object.entries(cohortFiles())) assert.equal(readFileSync(cohortPath(name), 'utf8'), text, name);
});

const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
/** The arguments of `npm run analyze` for a state, without the rule. */
function argumentsOf(s: RState): string[] {
  const data = s.data === 'cohort'
    ? ['--orders', cohortPath('orders.csv'), '--events', cohortPath('events.csv'), '--design-window', String(COHORT_DESIGN_WINDOW), ...(s.weights ? ['--harm-index', cohortPath('harm-index.csv')] : [])]
    : [];
  return [...data, '--window', String(s.window), '--gap', String(s.gap), '--categories', s.categories.join(','), ...(s.weights ? ['--weights', s.weights] : [])];
}
function runCli(args: string[]): AnalysisResult {
  const out = spawnSync(process.execPath, [cli, ...args, '--json'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout);
}

const RULE_FOR_R = { '4.2.2': 'legacy', '4.6.0': 'current' } as const;
test('the analysis fixtures come from both R versions, and cover gaps and every weight set on both datasets', () => {
  assert.deepEqual(Object.keys(fixture.statesByR), Object.keys(RULE_FOR_R));
  for (const states of Object.values(fixture.statesByR)) {
    for (const data of ['bundled', 'cohort']) {
      const mine = states.filter((s) => s.data === data);
      assert.ok(mine.some((s) => s.gap > 0 && s.weights === 'low'), `${data}: a gap with low weights`);
      for (const w of ['central', 'high']) assert.ok(mine.some((s) => s.weights === w), `${data}: ${w} weights`);
    }
  }
});

test('the bundled states without a gap or weights: analyse() in-process gives what the CLI gives', () => {
  const s = fixture.statesByR['4.6.0'].find((x) => x.data === 'bundled' && x.gap === 0 && x.weights === null)!;
  assert.deepEqual(runCli(argumentsOf(s)), JSON.parse(JSON.stringify(analyse(bundled, { window: s.window, categories: s.categories }))));
});

for (const [version, rule] of Object.entries(RULE_FOR_R)) for (const s of fixture.statesByR[version] ?? []) {
  const name = `${s.data}, window ${s.window}${s.gap ? `, gap ${s.gap}` : ''}${s.weights ? `, ${s.weights} weights` : ''}, ${s.categories.join(' + ')}`;
  test(`R ${version} vs rule '${rule}': npm run analyze -- ${s.data === 'cohort' ? '<cohort> ' : ''}… --json, ${name}: same numbers as R`, () => {
    const r = runCli([...argumentsOf(s), '--wilcoxon', rule]);
    assert.deepEqual(r.categories, s.categories);
    assert.equal(r.gap, s.gap);
    assert.equal(r.weights, s.weights ?? 'data');
    const sameTest = (a: AnalysisResult['events'], e: RTest, what: string) => {
      assert.equal(a.pre, e.pre, `${what} before`);
      assert.equal(a.post, e.post, `${what} after`);
      closeTo(a.test.V, e.V, `${what} V`);
      closeTo(a.test.p, e.p, `${what} p`);
      assert.equal(a.sign.n, e.sign.n, `${what} sign n`);
      assert.equal(a.sign.fewer, e.sign.fewer, `${what} sign fewer`);
      closeTo(a.sign.p, e.sign.p, `${what} sign p`);
    };
    for (const m of ['events', 'harm'] as const) {
      sameTest(r[m], s[m], m);
      closeTo(r[m].reduction, s[m].reduction ?? null, `${m} reduction`);
      for (const c of s.categories) {
        sameTest(r.byCategory[c][m], s[m].byCategory[c], `${m} ${c}`);
        closeTo(r.byCategory[c][m].test.pAdjusted, s[m].byCategory[c].pAdjusted ?? null, `${m} ${c} Holm p`);
      }
      const t = s.trend[m];
      closeTo(r.trend[m].slope, t.slope, `${m} slope`);
      // An exact fit: R's p is noise (and R warns "essentially perfect fit"); the engine gives none, with a reason.
      if (t.p !== null && t.p < 1e-12) assert.ok(r.trend[m].p === null && r.trend[m].reason, `${m} slope p: perfect fit, so no p`);
      else closeTo(r.trend[m].p, t.p, `${m} slope p`);
      closeTo(r.trend[m].tau, t.tau, `${m} tau`);
      closeTo(r.trend[m].tauP, t.tauP, `${m} tau p`);
      const its = s.its[m];
      const scale = Math.max(1, ...s.monthly[m]);
      for (const k of ['preSlope', 'level', 'slopeChange'] as const) {
        assert.ok(Math.abs(r.its[m][k]! - its[k]) <= 1e-9 * Math.abs(its[k]) + 1e-12 * scale, `${m} ITS ${k}: engine ${r.its[m][k]}, R ${its[k]}`);
      }
      if (!r.its[m].reason) {
        closeTo(r.its[m].preSlopeP, its.preSlopeP, `${m} ITS slope before the order, p`);
        closeTo(r.its[m].levelP, its.levelP, `${m} ITS level p`);
        closeTo(r.its[m].slopeChangeP, its.slopeChangeP, `${m} ITS slope change p`);
        assert.equal(r.its[m].hacLag, its.hacLag, `${m} ITS Newey-West lag`);
        closeTo(r.its[m].preSlopePHac, its.preSlopePHac, `${m} ITS slope before the order, p, Newey-West`);
        closeTo(r.its[m].levelPHac, its.levelPHac, `${m} ITS level p, Newey-West`);
        closeTo(r.its[m].slopeChangePHac, its.slopeChangePHac, `${m} ITS slope change p, Newey-West`);
      }
      // The count model: glm(family = quasipoisson). Where R's fit ran off (a side with no arrests, or
      // arrests only in its first or last month), the engine gives none.
      // (R's fit runs off where it drives the fitted value of a month of 0 below 1e-9.)
      if (!its.countConverged || its.countMinFittedAtZero < 1e-9) {
        assert.ok(r.its[m].levelRatio === null && r.its[m].countReason, `${m} count model: R's fit ran off, so none`);
      } else {
        for (const k of ['levelRatio', 'levelRatioP', 'levelRatioLow', 'levelRatioHigh', 'slopeChangeRatio', 'slopeChangeRatioP', 'slopeChangeRatioLow', 'slopeChangeRatioHigh', 'preSlopeRatio', 'preSlopeRatioP', 'postSlopeRatio', 'dispersion'] as const) {
          closeTo(r.its[m][k], its[k], `${m} count model ${k}`);
        }
      }
      assert.deepEqual(r.monthly.map((x) => x[m]).map((v) => Math.round(v * 1e6) / 1e6), s.monthly[m].map((v) => Math.round(v * 1e6) / 1e6), `${m} monthly`);
      closeTo(r.leaveOneOut[m].min, s.leaveOneOut[m].min, `${m} leave-one-out min`);
      closeTo(r.leaveOneOut[m].max, s.leaveOneOut[m].max, `${m} leave-one-out max`);
    }
    assert.deepEqual(r.monthly.map((x) => x.month), s.monthly.month, 'the analysed months');
    closeTo(r.correlation.pearson.r, s.correlation.pearson.r, 'Pearson r');
    closeTo(r.correlation.pearson.p, s.correlation.pearson.p, 'Pearson p');
    closeTo(r.correlation.spearman.rho, s.correlation.spearman.rho, 'Spearman rho');
    closeTo(r.correlation.spearman.p, s.correlation.spearman.p, 'Spearman p');
    assert.equal(r.busiestTenth.people, s.busiestTenth.people, 'the busiest tenth: people');
    closeTo(r.busiestTenth.events, s.busiestTenth.events, 'the busiest tenth: arrests before');
    closeTo(r.busiestTenth.share, s.busiestTenth.share, 'the busiest tenth: share');
    closeTo(r.busiestTenth.othersReduction, s.busiestTenth.othersReduction, 'the busiest tenth: the others\' reduction');
  });
}

// The bootstrap, checked outside the engine. scripts/make-r-fixtures.ts wrote the engine's seeded
// resampled reductions (resampleReductions with bootstrapDraws, on per-person totals from
// windowedEvents + perOrderTotals) to fixtures/r/bootstrap-resamples.csv, 17 significant digits,
// NA where a resample has nothing before; R (fixtures/r/bootstrap-quantiles.R) took
// quantile(x, c(0.025, 0.975), type = 7, na.rm = TRUE) of each column. The engine must still
// produce exactly those resamples, and analyse()'s ci must be R's quantiles to 1e-12 relative
// (the only difference being the order of floating-point operations in the interpolation).
import { windowedEvents, perOrderTotals } from '../src/analysis/tables.ts';
import { bootstrapDraws, resampleReductions } from '../src/analysis/reduction.ts';

const csvLines = readFileSync(new URL('./fixtures/r/bootstrap-resamples.csv', import.meta.url), 'utf8').trim().split('\n');
const csvHeader = csvLines[0].split(',');
const csvRows = csvLines.slice(1).map((l) => l.split(',').map((v) => (v === 'NA' ? NaN : Number(v))));
const rQuantiles: { call: string; quantiles: Record<string, [number, number]> } = JSON.parse(
  readFileSync(new URL('./fixtures/r/bootstrap-quantiles.json', import.meta.url), 'utf8'),
);

test('bootstrap: the fixture covers the listed measures and R used type 7 with na.rm', () => {
  assert.deepEqual(csvHeader, Object.keys(BOOTSTRAP_COLUMNS));
  assert.deepEqual(Object.keys(rQuantiles.quantiles), csvHeader);
  assert.equal(rQuantiles.call, 'quantile(x, c(0.025, 0.975), type = 7, na.rm = TRUE)');
});

for (const [name, [window, group, measure]] of Object.entries(BOOTSTRAP_COLUMNS)) {
  test(`bootstrap ${name}: the engine's resamples equal the CSV and its ci equals R's quantiles`, () => {
    const totals = perOrderTotals(bundled, windowedEvents(bundled, window, bundled.categories), bundled.categories);
    const t = group === '' ? totals.overall : totals.byCategory[group];
    const [pre, post] = measure === 'events' ? [t.eventsPre, t.eventsPost] : [t.harmPre, t.harmPost];
    const column = csvHeader.indexOf(name);
    // The same resamples whether the draws are held (B × n), cached as counts, or streamed one
    // resample at a time from the seed (what analyse() does for large data: cacheLimit 0 forces it).
    for (const [how, source] of [['held draws', bootstrapDraws(totals.ids.length)], ['cached counts', {}], ['streamed', { cacheLimit: 0 }]] as const) {
      const values = resampleReductions(pre, post, source);
      assert.equal(values.length, csvRows.length);
      values.forEach((v, b) => assert.ok(Object.is(v, csvRows[b][column]), `${how}, resample ${b}: engine ${v}, CSV ${csvRows[b][column]}`));
    }

    const r = analyse(bundled, { window });
    const m = group === '' ? r[measure] : r.byCategory[group][measure];
    assert.ok(m.ci, `${name}: no interval (${m.bootstrap.reason})`);
    const [lower, upper] = rQuantiles.quantiles[name];
    assert.ok(near(m.ci[0], lower, 1e-12), `${name} lower: engine ${m.ci[0]}, R ${lower}`);
    assert.ok(near(m.ci[1], upper, 1e-12), `${name} upper: engine ${m.ci[1]}, R ${upper}`);
  });
}
