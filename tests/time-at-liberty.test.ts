// Time at liberty (src/analysis/timeAtLiberty.ts): arrests per month in which a person could be
// arrested. The truth here is the codebook's arithmetic done by hand on small numbers, and the
// break-even share checked by what it claims: at s* the rate fall is exactly gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../src/analysis/analyse.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { timeAtLiberty, timeAtLibertyByPerson } from '../src/analysis/timeAtLiberty.ts';
import { bundled } from './helpers/bundled.ts';

const near = (a: number | null, b: number, what: string, tolerance = 1e-14) => assert.ok(a !== null && Math.abs(a - b) <= tolerance, `${what}: ${a} ≠ ${b}`);

test("the study's view: 210 → 93 arrests, 41 people, 24 months; rates per person-month at liberty", () => {
  const r = analyse(bundled);
  const { pre, post } = r.events;
  const none = timeAtLiberty({ pre, post, people: r.orders, window: r.window, unavailableShare: 0 });
  near(none.rateBefore, 210 / (41 * 24), 'rate before');
  near(none.rateAfter, 93 / (41 * 24), 'rate after');
  near(none.rateFall, r.events.reduction!, 'with no time away the rate falls as the count does');
  near(none.breakEven, 1 - 93 / 210, 'break-even');
  const fifth = timeAtLiberty({ pre, post, people: 41, window: 24, unavailableShare: 0.2 });
  near(fifth.rateAfter, 93 / (41 * 24 * 0.8), 'a fifth of the time away');
  near(fifth.rateFall, 1 - 93 / 168, 'fall: 1 − 93 / (210 × 0.8)');
  assert.equal(fifth.breakEven, none.breakEven, 'the break-even does not depend on the slider');
});

test('the break-even share is where the rate fall disappears: a fall below it, a rise above it', () => {
  for (const [pre, post] of [[210, 93], [10, 9], [7, 1], [5, 5]]) {
    const { breakEven } = timeAtLiberty({ pre, post, people: 3, window: 12, unavailableShare: 0 });
    const at = (s: number) => timeAtLiberty({ pre, post, people: 3, window: 12, unavailableShare: s }).rateFall!;
    near(at(breakEven!), 0, `${pre} → ${post}: at s*`, 1e-15);
    if (breakEven! > 0.01) assert.ok(at(breakEven! - 0.01) > 0, `${pre} → ${post}: below s* the rate still falls`);
    if (breakEven! < 0.99) assert.ok(at(breakEven! + 0.01) < 0, `${pre} → ${post}: above s* the rate rises`);
  }
});

test('edge cases: nothing after (null: no share removes the fall), nothing before (null), a rise (null), and shares outside 0 … <1', () => {
  const zeroAfter = [0, 0.5, 0.99].map((s) => timeAtLiberty({ pre: 12, post: 0, people: 4, window: 6, unavailableShare: s }));
  for (const r of zeroAfter) {
    assert.equal(r.breakEven, null, 'no share short of the whole window erases a fall to no arrests, and at the whole window the rate is 0/0');
    assert.match(r.breakEvenReason!, /no arrests after the orders/);
    assert.equal(r.rateFall, 1);
    assert.equal(r.rateAfter, 0);
  }
  const noneBefore = timeAtLiberty({ pre: 0, post: 3, people: 4, window: 6, unavailableShare: 0.3 });
  assert.equal(noneBefore.breakEven, null);
  assert.equal(noneBefore.rateFall, null);
  assert.equal(noneBefore.rateBefore, 0);
  assert.match(noneBefore.breakEvenReason!, /no arrests before/);
  assert.match(noneBefore.reason!, /no arrests before/);
  const rose = timeAtLiberty({ pre: 3, post: 5, people: 4, window: 6, unavailableShare: 0 });
  assert.equal(rose.breakEven, null);
  assert.match(rose.breakEvenReason!, /arrests rose/);
  near(rose.rateFall, 1 - 5 / 3, 'the rate rose');
  const nobody = timeAtLiberty({ pre: 0, post: 0, people: 0, window: 6, unavailableShare: 0 });
  assert.deepEqual([nobody.rateBefore, nobody.rateAfter, nobody.rateFall], [null, null, null]);
  assert.match(nobody.reason!, /no months at liberty/);
  for (const s of [-0.1, 1, 1.5, Number.NaN]) assert.throws(() => timeAtLiberty({ pre: 1, post: 1, people: 1, window: 1, unavailableShare: s }), RangeError, String(s));
  assert.throws(() => timeAtLiberty({ pre: -1, post: 1, people: 1, window: 1, unavailableShare: 0 }), RangeError);
});

test('per person: Σ arrests / Σ months at liberty, from the template\'s months in custody or abroad', () => {
  const text = (name: string) => readFileSync(new URL(`../data/templates/${name}`, import.meta.url), 'utf8');
  const ds = parseDataset({ name: 'orders.csv', text: text('orders.csv') }, { name: 'events.csv', text: text('events.csv') });
  const r = analyse(ds);
  const orders = r.perOrder.map((p) => ds.orders.find((o) => o.id === p.order)!);
  const result = timeAtLibertyByPerson({
    pre: r.perOrder.map((p) => p.eventsPre),
    post: r.perOrder.map((p) => p.eventsPost),
    unavailableBefore: orders.map((o) => o.monthsUnavailableBefore!),
    unavailableAfter: orders.map((o) => o.monthsUnavailableAfter!),
    window: 24,
  });
  // By hand, from the template's months (tests/contract.test.ts: −23, −1, 2, 17 | −16, −1, 4 | −24, −3, 13):
  // 6 arrests before and 4 after; months at liberty before 24 + 22 + 24 = 70, after 18 + 24 + 20.5 = 62.5.
  assert.equal(r.events.pre, 6);
  assert.equal(r.events.post, 4);
  assert.equal(result.monthsBefore, 70);
  assert.equal(result.monthsAfter, 62.5);
  near(result.rateBefore, 6 / 70, 'rate before');
  near(result.rateAfter, 4 / 62.5, 'rate after');
  near(result.rateFall, 1 - (4 / 62.5) / (6 / 70), 'rate fall');
  assert.ok(result.rateFall! < r.events.reduction!, 'time away explains part of the fall in the count');
  near(result.unavailableShareAfter, 9.5 / 72, 'share of the months after spent unavailable');
});

test('per person: everyone away the same share s of the months after gives the what-if rates', () => {
  const pre = [4, 0, 7, 2];
  const post = [1, 3, 0, 2];
  const s = 0.375;
  const by = timeAtLibertyByPerson({ pre, post, unavailableBefore: [0, 0, 0, 0], unavailableAfter: [9, 9, 9, 9], window: 24 });
  const whatIf = timeAtLiberty({ pre: 13, post: 6, people: 4, window: 24, unavailableShare: s });
  near(by.rateBefore, whatIf.rateBefore!, 'before');
  near(by.rateAfter, whatIf.rateAfter!, 'after');
  near(by.rateFall, whatIf.rateFall!, 'fall');
  near(by.unavailableShareAfter, s, 'share');
});

test('per person: months unavailable outside 0 … W, or arrays of different lengths, are errors; everyone away has no rate', () => {
  const base = { pre: [1, 2], post: [0, 1], unavailableBefore: [0, 0], unavailableAfter: [0, 0], window: 12 };
  assert.throws(() => timeAtLibertyByPerson({ ...base, unavailableAfter: [0, 12.5] }), /person 2 has 12.5 months unavailable after the order, outside 0 … 12/);
  assert.throws(() => timeAtLibertyByPerson({ ...base, unavailableBefore: [-1, 0] }), /person 1 has -1 months unavailable before/);
  assert.throws(() => timeAtLibertyByPerson({ ...base, post: [0] }), /one value per person/);
  const away = timeAtLibertyByPerson({ ...base, unavailableAfter: [12, 12] });
  assert.equal(away.rateAfter, null);
  assert.equal(away.rateFall, null);
  assert.match(away.reason!, /no months at liberty after/);
  assert.equal(away.unavailableShareAfter, 1);
  const empty = timeAtLibertyByPerson({ pre: [], post: [], unavailableBefore: [], unavailableAfter: [], window: 12 });
  assert.equal(empty.unavailableShareAfter, null);
  assert.equal(empty.rateBefore, null);
});
