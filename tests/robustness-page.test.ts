// The "How robust is it?" page's pure functions (src/lib/robustness.ts): what they compute is
// checked against analyse() and the engine's own functions run independently here, so a wrong
// gap, label or view would fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { specificationCurve } from '../src/analysis/specificationCurve.ts';
import { nullWorld } from '../src/analysis/nullWorld.ts';
import { answerRobustness, barnettFall, currentSpecification, gapCurveGaps, gapCurveRows, leaveOneOutRows, libertyFor, nullWorldFor, viewOfSpecification, ROBUST_NUMBERS } from '../src/lib/robustness.ts';
import { bundled } from './helpers/bundled.ts';

test('the gap curve: gaps 0 … min(6, window − 1), each row the reduction analyse() gives with that gap', () => {
  assert.deepEqual(gapCurveGaps(24), [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(gapCurveGaps(3), [0, 1, 2]);
  assert.deepEqual(gapCurveGaps(1), [0]);
  const rows = gapCurveRows(bundled, { window: 6, categories: ['violence', 'drugs'] });
  assert.equal(rows.length, 6 * 3);
  const r4 = analyse(bundled, { window: 6, gap: 4, categories: ['violence', 'drugs'] });
  assert.deepEqual(rows.find((r) => r.gap === 4 && r.group === 'overall'), { gap: 4, group: 'overall', groupName: 'All selected categories', reduction: r4.events.reduction, ci: r4.events.ci });
  assert.equal(rows.find((r) => r.gap === 4 && r.group === 'drugs')!.reduction, r4.byCategory.drugs.events.reduction);
  // The empty view: one overall row per gap, with no reduction.
  const empty = gapCurveRows(bundled, { window: 3, categories: [] });
  assert.deepEqual(empty.map((r) => [r.gap, r.reduction]), [[0, null], [1, null], [2, null]]);
});

test('leave-one-out rows: pseudonyms by rank of influence, never an order id, the same influences as perOrder', () => {
  const r = analyse(bundled);
  const rows = leaveOneOutRows(r);
  assert.equal(rows.length, r.perOrder.length);
  assert.deepEqual(rows.map((x) => x.label), r.perOrder.map((_, k) => `Person ${k + 1}`));
  for (const o of r.perOrder) assert.ok(!rows.some((x) => x.label.includes(o.order)));
  const sorted = r.perOrder.map((o) => o.influenceEvents!).sort((a, b) => a - b);
  assert.deepEqual(rows.map((x) => x.influence), sorted);
  assert.equal(r.events.reduction! + rows[0].influence!, r.leaveOneOut.events.min);
});

test('the null world for a view is nullWorld() on its before counts, over the months it analyses', () => {
  const r = analyse(bundled, { window: 12, gap: 2 });
  const w = nullWorldFor(r, 0.7, 3);
  const direct = nullWorld(r.perOrder.map((o) => o.eventsPre), { window: 10, selection: 0.7, lookback: 3, observedFall: r.events.reduction });
  assert.deepEqual(w, direct);
  assert.equal(barnettFall(w), null, 'the closed form applies only to a sharp cutoff');
  const sharp = nullWorldFor(analyse(bundled), 1, 6);
  const b = barnettFall(sharp);
  assert.ok(b !== null && b > 0 && b < 1, String(b));
  // Empty view: no distribution, and every number says n/a rather than NaN.
  const none = nullWorldFor(analyse(bundled, { categories: [] }), 0.5, 6);
  for (const f of Object.values(ROBUST_NUMBERS)) assert.doesNotMatch(f({ world: none, liberty: null, curve: null }), /NaN|undefined|Infinity/);
});

test('time at liberty: the what-if over the months analysed, with its break-even share 1 − post ÷ pre', () => {
  const r = analyse(bundled, { window: 12, gap: 1 });
  const l = libertyFor(r, 0.25, bundled);
  assert.equal(l.kind, 'whatIf');
  assert.equal(l.value.rateBefore, r.events.pre / (r.orders * 11));
  assert.equal(l.value.rateAfter, r.events.post / (r.orders * 11 * 0.75));
  assert.ok(l.kind === 'whatIf' && Math.abs(l.value.breakEven! - (1 - r.events.post / r.events.pre)) < 1e-15);
});

test('a specification and the view: the current one is the arrests spec of the window, gap and rule; activating one keeps the categories', () => {
  const curve = specificationCurve(bundled);
  const k = currentSpecification(curve, { window: 12, categories: ['drugs'], gap: 3, wilcoxon: 'legacy' });
  assert.deepEqual(({ ...curve.specifications[k], reduction: 0, ci: null, p: 0, significant: false }), { window: 12, gap: 3, measure: 'events', weights: null, test: 'legacy', reduction: 0, ci: null, p: 0, significant: false });
  assert.equal(currentSpecification(curve, { window: 7, categories: [] }), -1);
  const harm = curve.specifications.find((s) => s.measure === 'harm' && s.weights === 'high' && s.test === 'sign' && s.window === 6 && s.gap === 1)!;
  assert.deepEqual(viewOfSpecification(harm, { window: 24, categories: ['drugs'], wilcoxon: 'legacy' }), { window: 6, categories: ['drugs'], gap: 1, weights: 'high', wilcoxon: 'legacy' });
  const events = curve.specifications.find((s) => s.measure === 'events' && s.test === 'current' && s.window === 18 && s.gap === 0)!;
  assert.deepEqual(viewOfSpecification(events, { window: 24, categories: [], weights: 'low', wilcoxon: 'legacy' }), { window: 18, categories: [], weights: 'low' });
});

test('the worker\'s answers are the functions\' own', () => {
  const state = { window: 6, categories: ['violence'] };
  assert.deepEqual(answerRobustness(bundled, { kind: 'gapCurve', state }), { kind: 'gapCurve', rows: gapCurveRows(bundled, state) });
  const reply = answerRobustness(bundled, { kind: 'specificationCurve', categories: ['violence'] });
  assert.deepEqual(reply, { kind: 'specificationCurve', curve: specificationCurve(bundled, { categories: ['violence'] }) });
});
