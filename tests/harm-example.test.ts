// The Results page illustrates harm weights with two rows of the bundled harm index. Its numbers are
// written in the page's prose, so this checks them against the index the engine reads: a change to
// data/harm-index.csv that the sentence no longer matches fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatNumber } from '../src/lib/format.ts';
import { bundled } from './helpers/bundled.ts';

test('the Results page\'s harm example quotes the bundled index\'s central, low and high weights', () => {
  const row = (offence: string) => bundled.harmIndex!.offences.find((o) => o.offence === offence)!;
  const slavery = row('Slavery, servitude, forced labour or human trafficking (MSA s1/s2)');
  const shoplifting = row('Shoplifting');
  const page = readFileSync('src/pages/results.mdx', 'utf8');
  const expected = `one arrest for a slavery offence (${formatNumber(slavery.central)} days; ${formatNumber(slavery.low!)} to ${formatNumber(slavery.high!)} under the low and high weights) outweighs hundreds of arrests for shoplifting (${formatNumber(shoplifting.central)} day each; ${formatNumber(shoplifting.high!)} under the high weights)`;
  assert.ok(page.includes(expected), expected);
  assert.equal(shoplifting.low, shoplifting.central, 'the sentence gives shoplifting no low weight of its own');
  assert.ok(slavery.low! / shoplifting.high! >= 100, '"hundreds" holds under every weight set');
});
