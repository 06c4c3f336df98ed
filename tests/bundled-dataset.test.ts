// The site's dataset is read and checked when the site is built (src/integrations/bundledDataset.ts)
// and reaches the page as JSON. It must be the same Dataset the CLI and these tests read from
// data/*.csv (tests/helpers/bundled.ts reads them again, independently): every value, and every
// object's keys in the same order (the JSON downloads and derivations list keys as they come).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bundledDatasetModule, readBundledDataset } from '../src/integrations/bundledDataset.ts';
import { bundled } from './helpers/bundled.ts';

/** What the page's `import dataset from 'virtual:stro-bundled-dataset'` evaluates to. */
function evaluate(code: string): unknown {
  const match = /^export default JSON\.parse\(("(?:[^"\\]|\\.)*")\);\n$/.exec(code);
  assert.ok(match, 'the module is one JSON string literal');
  return JSON.parse(JSON.parse(match[1]));
}

test('the page receives the same dataset the CLI reads, value for value and key for key', () => {
  const onPage = evaluate(bundledDatasetModule(readBundledDataset()));
  assert.deepStrictEqual(onPage, bundled);
  assert.equal(JSON.stringify(onPage), JSON.stringify(bundled), 'keys in the same order');
  const { orders, events } = onPage as typeof bundled;
  assert.equal(orders.length, bundled.orders.length);
  assert.equal(events.length, bundled.events.length);
});

test('data that fail the checks fail the build, naming the file, row and column', () => {
  const broken = (path: string) => {
    const text = readFileSync(path, 'utf8');
    if (!path.endsWith('events.csv')) return text;
    const lines = text.split('\n');
    const header = lines[0].split(',');
    const cells = lines[3].split(',');
    cells[header.indexOf('month')] = 'soon';
    lines[3] = cells.join(',');
    return lines.join('\n');
  };
  assert.throws(() => readBundledDataset(broken), (e: Error) => e.message === `events.csv, row 3, column "month": "soon" is not a whole number of months`);
});
