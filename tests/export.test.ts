// Downloads say which view they hold: the file name, a comment line in the CSV and a `view` object in
// the JSON, whose remainder is exactly what `npm run analyze -- … --json` prints (the CLI, run here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { analyse } from '../src/analysis/analyse.ts';
import { exportView, resultsCsv, resultsFileName, resultsJson } from '../src/lib/export.ts';
import { bundled } from './helpers/bundled.ts';

const cli = (...args: string[]) => execFileSync(process.execPath, ['src/cli/analyze.ts', ...args, '--json'], { encoding: 'utf8' });

test('file names carry the view; the study\'s view keeps the plain name', () => {
  assert.equal(resultsFileName(analyse(bundled, {}), 'csv'), 'stro-results.csv');
  assert.equal(resultsFileName(analyse(bundled, { window: 12, categories: ['violence', 'drugs'] }), 'csv'), 'stro-results-w12-violence-drugs.csv');
  assert.equal(resultsFileName(analyse(bundled, { categories: [] }), 'json'), 'stro-results-w24-none.json');
  assert.equal(resultsFileName(analyse(bundled, { window: 6, wilcoxon: 'legacy' }), 'json'), 'stro-results-w6-all-legacy.json');
  assert.equal(resultsFileName(analyse(bundled, { gap: 3 }), 'csv'), 'stro-results-w24-all-gap3.csv');
  assert.equal(resultsFileName(analyse(bundled, { weights: 'low' }), 'csv'), 'stro-results-w24-all-low.csv');
  assert.equal(resultsFileName(analyse(bundled, { window: 12, gap: 1, categories: ['drugs'], weights: 'high', wilcoxon: 'legacy' }), 'json'), 'stro-results-w12-drugs-gap1-high-legacy.json');
});

test('the JSON is the CLI\'s --json output with a leading view object', () => {
  const r = analyse(bundled, { window: 12, categories: ['violence', 'drugs'] });
  const { view, ...rest } = JSON.parse(resultsJson(r));
  assert.deepEqual(rest, JSON.parse(cli('--window', '12', '--categories', 'violence,drugs')));
  assert.deepEqual(view, {
    window: 12, categories: ['violence', 'drugs'], gap: 0, weights: 'data', wilcoxon: 'current', query: '?w=12&c=violence,drugs',
    description: '12 months before and after; categories: violence, drugs; paired test as current R',
  });
  assert.equal(Object.keys(JSON.parse(resultsJson(r)))[0], 'view');
  // With a gap and weights: the same as the CLI given --gap and --weights, and the view says so.
  const gapped = analyse(bundled, { window: 12, gap: 3, weights: 'low' });
  const parsed = JSON.parse(resultsJson(gapped));
  const { view: v, ...others } = parsed;
  assert.deepEqual(others, JSON.parse(cli('--window', '12', '--gap', '3', '--weights', 'low')));
  assert.deepEqual(v, {
    window: 12, categories: ['modern_slavery', 'violence', 'drugs', 'other'], gap: 3, weights: 'low', wilcoxon: 'current', query: '?w=12&gap=3&weights=low',
    description: '12 months before and after; leaving out the 3 months either side of the order; categories: all; harm from the low weights of the harm index; paired test as current R',
  });
});

test('the CSV opens with a comment line naming the view, then the header', () => {
  const lines = resultsCsv(analyse(bundled, { window: 3 })).split('\n');
  assert.equal(lines[0], '\uFEFF# view: 3 months before and after; categories: all; paired test as current R (?w=3)');
  assert.match(lines[1], /^measure,category,window_months,/);
  assert.equal(resultsCsv(analyse(bundled, {})).split('\n')[0], "\uFEFF# view: 24 months before and after; categories: all; paired test as current R (the study's view)");
  assert.equal(exportView(analyse(bundled, { wilcoxon: 'legacy' })).query, '?wilcoxon=legacy');
});

test('the CSV download starts with a UTF-8 byte-order mark, for Excel on Windows; the JSON does not', () => {
  const csv = new TextEncoder().encode(resultsCsv(analyse(bundled, { window: 12 })));
  assert.deepEqual([...csv.subarray(0, 4)], [0xef, 0xbb, 0xbf, '#'.charCodeAt(0)]);
  assert.equal(new TextDecoder().decode(csv).split('\n')[0], '# view: 12 months before and after; categories: all; paired test as current R (?w=12)', 'a UTF-8 reader drops the mark');
  assert.equal(resultsCsv(analyse(bundled, {}), { kind: 'local', files: 'violência.csv' }).indexOf('\uFEFF', 1), -1, 'one mark, at the start only');
  assert.equal(resultsJson(analyse(bundled, {})).charCodeAt(0), '{'.charCodeAt(0));
});
