// analyse() on the bundled data against base R, which aggregates the CSVs itself and runs
// wilcox.test, p.adjust, lm and cor.test (tests/fixtures/r/make-analysis-fixtures.R wrote the
// expected values) in both R versions: R 4.2.2's results are compared with the engine's 'legacy'
// Wilcoxon rule and R 4.6.0's (webR) with 'current'; everything else must match both. Tolerance: relative 1e-9, as in stats.test.ts; counts and sums exactly.
// One exception, as in stats.test.ts: where the monthly series is a perfect straight line
// (window 3, modern slavery: 3, 2, 1 events), R's p for the slope is QR rounding noise (~3e-16)
// and ours is 0; both must then be below 1e-12.
import { BOOTSTRAP_COLUMNS } from './fixtures/r/bootstrapColumns.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../src/analysis/analyse.ts';
import { bundled, near } from './helpers/bundled.ts';

interface RTest { pre: number; post: number; V: number; p: number; pAdjusted?: number }
interface RState {
  window: number;
  categories: string[];
  events: RTest & { byCategory: Record<string, RTest> };
  harm: RTest & { byCategory: Record<string, RTest> };
  trend: Record<'events' | 'harm', { slope: number; p: number | null; tau: number | null; tauP: number | null }>;
  correlation: { pearson: { r: number | null; p: number | null }; spearman: { rho: number | null; p: number | null } };
}
const fixture: { statesByR: Record<string, RState[]> } = JSON.parse(readFileSync(new URL('./fixtures/r/analysis.json', import.meta.url), 'utf8'));

function closeTo(actual: number | null | undefined, expected: number | null, what: string) {
  assert.ok(near(actual ?? null, expected), `${what}: engine ${actual}, R ${expected}`);
}

const RULE_FOR_R = { '4.2.2': 'legacy', '4.6.0': 'current' } as const;
test('the analysis fixtures come from both R versions', () => {
  assert.deepEqual(Object.keys(fixture.statesByR), Object.keys(RULE_FOR_R));
});
for (const [version, rule] of Object.entries(RULE_FOR_R)) for (const s of fixture.statesByR[version] ?? []) {
  test(`R ${version} vs rule '${rule}': window ${s.window}, ${s.categories.join(' + ')}: same numbers as R`, () => {
    const r = analyse(bundled, { window: s.window, categories: s.categories, wilcoxon: rule });
    assert.deepEqual(r.categories, s.categories);
    for (const m of ['events', 'harm'] as const) {
      assert.equal(r[m].pre, s[m].pre, `${m} before`);
      assert.equal(r[m].post, s[m].post, `${m} after`);
      closeTo(r[m].test.V, s[m].V, `${m} V`);
      closeTo(r[m].test.p, s[m].p, `${m} p`);
      for (const c of s.categories) {
        const e = s[m].byCategory[c];
        const a = r.byCategory[c][m];
        assert.equal(a.pre, e.pre, `${m} ${c} before`);
        assert.equal(a.post, e.post, `${m} ${c} after`);
        closeTo(a.test.V, e.V, `${m} ${c} V`);
        closeTo(a.test.p, e.p, `${m} ${c} p`);
        closeTo(a.test.pAdjusted, e.pAdjusted ?? null, `${m} ${c} Holm p`);
      }
      const t = s.trend[m];
      closeTo(r.trend[m].slope, t.slope, `${m} slope`);
      if (t.p !== null && t.p < 1e-12) assert.ok((r.trend[m].p ?? 1) < 1e-12, `${m} slope p: perfect fit`);
      else closeTo(r.trend[m].p, t.p, `${m} slope p`);
      closeTo(r.trend[m].tau, t.tau, `${m} tau`);
      closeTo(r.trend[m].tauP, t.tauP, `${m} tau p`);
    }
    closeTo(r.correlation.pearson.r, s.correlation.pearson.r, 'Pearson r');
    closeTo(r.correlation.pearson.p, s.correlation.pearson.p, 'Pearson p');
    closeTo(r.correlation.spearman.rho, s.correlation.spearman.rho, 'Spearman rho');
    closeTo(r.correlation.spearman.p, s.correlation.spearman.p, 'Spearman p');
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
