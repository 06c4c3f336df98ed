// How a result crosses from the data worker to the page (src/client/workerProtocol.ts): packed as
// the rest plus the per-person rows as ids and one array of numbers, then unpacked. What arrives
// must be the result itself, to the last bit and in the same key order (downloads are the JSON of
// it, byte for byte the CLI's), nulls included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { packResult, unpackResult } from '../src/client/workerProtocol.ts';
import { bundled } from './helpers/bundled.ts';
import { makeCohort } from './helpers/cohort.ts';

const cohort = makeCohort({ seed: 5, orders: 30, designWindow: 12 });
const own = parseDataset({ name: 'orders.csv', text: cohort.ordersCsv }, { name: 'events.csv', text: cohort.eventsCsv }, { designWindow: 12 });

for (const [name, result] of [
  ['the study, full view', analyse(bundled)],
  ['the study, 1 month of drugs', analyse(bundled, { window: 1, categories: ['drugs'] })],
  ['a cohort with dates', analyse(own)],
  ['no category (every influence null)', analyse(bundled, { categories: [] })],
] as const) {
  test(`packResult → structuredClone → unpackResult gives the same result: ${name}`, () => {
    const { packed, transfer } = packResult(result);
    assert.deepEqual(packed.rest.window, result.window);
    const arrived = structuredClone(packed, { transfer });
    const back = unpackResult(arrived);
    assert.deepEqual(back, result);
    assert.equal(JSON.stringify(back), JSON.stringify(result));
    assert.equal(result.perOrder.length > 0, true);
  });
}

test('a null influence really occurs in one of the results above (so the NaN ↔ null step is tested)', () => {
  const r = analyse(bundled, { categories: [] });
  assert.ok(r.perOrder.every((p) => p.influenceEvents === null && p.influenceHarm === null));
});
