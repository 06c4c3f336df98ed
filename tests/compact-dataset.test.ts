// The checked dataset in columns (src/lib/compactDataset.ts), as it is kept beside a reader's files:
// unpacked, it must be the dataset itself (every value, the same keys in the same order, so that
// its JSON is the same text), on the study's data, on a reader's cohort with dates, and on the
// template, whose orders have months unavailable for some rows and none for others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDataset } from '../src/analysis/validate.ts';
import type { Dataset } from '../src/analysis/types.ts';
import { compactEventCount, packDataset, unpackDataset } from '../src/lib/compactDataset.ts';
import { bundled } from './helpers/bundled.ts';
import { makeCohort } from './helpers/cohort.ts';

const template = (name: string) => ({ name, text: readFileSync(new URL(`../data/templates/${name}`, import.meta.url), 'utf8') });
const cohort = makeCohort({ seed: 23, orders: 80, designWindow: 12 });

const cases: [string, Dataset][] = [
  ['the study (with its harm index and manifest)', bundled],
  ['a cohort with dates', parseDataset({ name: 'orders.csv', text: cohort.ordersCsv }, { name: 'events.csv', text: cohort.eventsCsv }, { designWindow: 12 })],
  ['the template (months unavailable, present and absent)', parseDataset(template('orders.csv'), template('events.csv'))],
];

for (const [name, dataset] of cases) {
  test(`packDataset → structuredClone → unpackDataset gives the dataset back: ${name}`, () => {
    const compact = packDataset(dataset);
    assert.ok(compact);
    assert.equal(compactEventCount(compact), dataset.events.length);
    const back = unpackDataset(structuredClone(compact));
    assert.deepStrictEqual(back, dataset);
    assert.equal(JSON.stringify(back), JSON.stringify(dataset));
    assert.deepEqual(Object.keys(back), Object.keys(dataset));
    back.orders.forEach((o, k) => assert.deepEqual(Object.keys(o), Object.keys(dataset.orders[k]), o.id));
  });
}

test('the template really has orders with and without months unavailable, and null durations (so each branch is tested)', () => {
  const orders = cases[2][1].orders;
  assert.ok(orders.some((o) => 'monthsUnavailableBefore' in o) && orders.some((o) => !('monthsUnavailableBefore' in o)));
  assert.ok(orders.some((o) => o.durationMonths === null) && orders.some((o) => o.durationMonths !== null));
});

test('a dataset not in the engine\'s shape is not packed (it would not come back exactly)', () => {
  const [, dataset] = cases[1];
  const extra = { ...dataset, events: dataset.events.map((e, k) => (k === 3 ? { ...e, note: 'x' } : e)) };
  assert.equal(packDataset(extra), undefined);
  const reordered = { ...dataset, events: dataset.events.map((e, k) => (k === 3 ? { month: e.month, orderId: e.orderId, category: e.category, offence: e.offence, harm: e.harm } : e)) };
  assert.equal(packDataset(reordered), undefined);
  const fractional = { ...dataset, events: dataset.events.map((e, k) => (k === 3 ? { ...e, month: 2.5 } : e)) };
  assert.equal(packDataset(fractional), undefined);
  const order = { ...dataset, orders: dataset.orders.map((o, k) => (k === 1 ? { ...o, extra: 1 } : o)) };
  assert.equal(packDataset(order), undefined);
});
