// The bundled synthetic data must reproduce every figure and claim the article publishes
// (data/published.json), computed through analyse() — never from constants — plus the shape a
// realistic cohort has. If one of these fails after `npm run data`, the data no longer stand in
// for the study.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { parseCsv } from '../src/analysis/csv.ts';
import { bundled, readData } from './helpers/bundled.ts';
import type { Published } from '../scripts/calibration.ts';

const published: Published = JSON.parse(readData('published.json'));
const result = analyse(bundled, { window: published.window });
const alpha = published.alpha;
const measureOf = (measure: 'events' | 'harm', category = 'overall') =>
  category === 'overall' ? result[measure] : result.byCategory[category][measure];

test('sample flow: 114 in the register, 49 with two full years, 41 analysed', () => {
  const value = (kind: string) => published.figures.find((f) => f.kind === kind && f.measure === 'sample')!.value;
  assert.equal(result.sample.register, value('issued'));
  assert.equal(result.sample.register - result.sample.excludedFollowup, value('followup'));
  assert.equal(result.sample.analysed, value('analysed'));
  assert.equal(result.orders, value('analysed'));
});

for (const f of published.figures.filter((f) => f.measure !== 'sample')) {
  test(`${f.id}: ${f.label} is ${f.value}${f.unit === 'percent' ? '%' : ''}`, () => {
    const m = measureOf(f.measure as 'events' | 'harm', f.category);
    if (f.kind === 'pre') assert.equal(m.pre, f.value);
    else if (f.kind === 'post') assert.equal(m.post, f.value);
    else {
      assert.notEqual(m.reduction, null);
      assert.equal(Math.round(100 * m.reduction!), f.value);
      // "statistically significant … across all categories": the paired test, unadjusted, as published.
      assert.ok(m.test.p !== null && m.test.p < alpha, `p = ${m.test.p}`);
      // The bootstrap interval must contain the point estimate.
      assert.ok(m.ci && m.ci[0] <= m.reduction! && m.reduction! <= m.ci[1], `interval ${m.ci}`);
    }
  });
}

test('post-order trends are downward and significant by OLS and by Kendall tau', () => {
  for (const which of ['events', 'harm'] as const) {
    const t = result.trend[which];
    assert.ok(t.slope! < 0 && t.p! < alpha, `${which} OLS slope ${t.slope}, p ${t.p}`);
    assert.ok(t.tau! < 0 && t.tauP! < alpha, `${which} Kendall tau ${t.tau}, p ${t.tauP}`);
  }
});

test('gradual, not stepped: the first month after is not a cliff', () => {
  const before = result.monthly.filter((m) => m.month < 0);
  const first = result.monthly.find((m) => m.month === 1)!;
  const last6 = result.monthly.filter((m) => m.month > 18);
  const meanBefore = before.reduce((s, m) => s + m.events, 0) / before.length;
  const meanLast = last6.reduce((s, m) => s + m.events, 0) / last6.length;
  // Month 1 is nearer the pre-order level than the late post-order level.
  assert.ok(Math.abs(first.events - meanBefore) < Math.abs(first.events - meanLast), `month 1: ${first.events}`);
});

test('monthly events and harm are positively correlated (Pearson, p < 0.05)', () => {
  const { r, p } = result.correlation.pearson;
  assert.ok(r! > 0 && p! < alpha, `r = ${r}, p = ${p}`);
});

test('the effect is larger on harm than on volume, overall and in every category', () => {
  for (const c of ['overall', ...result.categories]) {
    assert.ok(measureOf('harm', c).reduction! > measureOf('events', c).reduction!, c);
  }
});

test('realistic shape: heavy-tailed counts, many with none after, harm dominated by few events', () => {
  const totals = result.perOrder.map((o) => o.eventsPre + o.eventsPost).sort((a, b) => a - b);
  const median = totals[Math.floor(totals.length / 2)];
  assert.ok(totals.at(-1)! >= 4 * median, `max ${totals.at(-1)}, median ${median}`);
  assert.ok(result.perOrder.filter((o) => o.eventsPost === 0).length >= 10, 'several with no events after');
  const harms = bundled.events.map((e) => e.harm).sort((a, b) => b - a);
  const top = harms.slice(0, Math.ceil(harms.length / 10)).reduce((s, h) => s + h, 0);
  assert.ok(top / harms.reduce((s, h) => s + h, 0) > 0.5, 'the most harmful 10% of events carry more than half the harm');
});

test('every event uses an offence, category and harm value from data/harm-index.csv', () => {
  const table = parseCsv('harm-index.csv', readData('harm-index.csv'));
  const col = (name: string) => table.header.indexOf(name);
  const index = new Map(table.records.map((r) => [r.fields[col('offence')], { category: r.fields[col('category')], harm: Number(r.fields[col('harm_days')]) }]));
  for (const e of bundled.events) {
    const row = index.get(e.offence);
    assert.ok(row, `offence not in the harm index: ${e.offence}`);
    assert.equal(e.category, row.category, e.offence);
    assert.equal(e.harm, row.harm, e.offence);
  }
});

test('breaches of the order itself can only happen after it', () => {
  const breaches = bundled.events.filter((e) => e.offence.startsWith('Breach of a slavery and trafficking order'));
  assert.ok(breaches.length > 0);
  assert.ok(breaches.every((e) => e.month > 0));
});
