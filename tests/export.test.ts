// Downloads say which view they hold, and whose data: the file name, columns of the CSV (a plain
// table that R's read.csv, Excel or pandas opens as it is), and `data` and `view` objects in the
// JSON, whose remainder is exactly what `npm run analyze -- … --json` prints (the CLI, run here).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { analyse } from '../src/analysis/analyse.ts';
import { exportView, resultsCsv, resultsFileName, resultsJson } from '../src/lib/export.ts';
import { bundled } from './helpers/bundled.ts';
import { runWebR, stopWebR } from './helpers/r.ts';

after(stopWebR);

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
  const { data, view, ...rest } = JSON.parse(resultsJson(r));
  assert.deepEqual(rest, JSON.parse(cli('--window', '12', '--categories', 'violence,drugs')));
  assert.deepEqual(data, { kind: 'study', description: "the report's synthetic data, calibrated to the study's published figures: not the study's records" });
  assert.deepEqual(view, {
    window: 12, categories: ['violence', 'drugs'], gap: 0, weights: 'data', wilcoxon: 'current', query: '?w=12&c=violence,drugs',
    description: '12 months before and after; categories: violence, drugs; paired test as current R',
  });
  assert.deepEqual(Object.keys(JSON.parse(resultsJson(r))).slice(0, 2), ['data', 'view']);
  // With a gap and weights: the same as the CLI given --gap and --weights, and the view says so.
  const gapped = analyse(bundled, { window: 12, gap: 3, weights: 'low' });
  const parsed = JSON.parse(resultsJson(gapped));
  const { data: _data, view: v, ...others } = parsed;
  assert.deepEqual(others, JSON.parse(cli('--window', '12', '--gap', '3', '--weights', 'low')));
  assert.deepEqual(v, {
    window: 12, categories: ['modern_slavery', 'violence', 'drugs', 'other'], gap: 3, weights: 'low', wilcoxon: 'current', query: '?w=12&gap=3&weights=low',
    description: '12 months before and after; leaving out the 3 months either side of the order; categories: all; harm from the low weights of the harm index; paired test as current R',
  });
});

/** A CSV's rows as fields (RFC 4180: quoted fields, doubled quotes), without the byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

test('the CSV is one table, header first, that any CSV reader opens as it is: every row names its view and whose data it holds', () => {
  const rows = parseCsv(resultsCsv(analyse(bundled, { window: 3 })));
  const [header, ...body] = rows;
  assert.deepEqual(header, ['measure', 'category', 'window_months', 'gap_months', 'weights', 'paired_test', 'orders', 'before', 'after', 'reduction', 'ci_lower', 'ci_upper', 'wilcoxon_V', 'p', 'p_holm', 'view', 'view_address', 'data']);
  const at = (name: string) => header.indexOf(name);
  assert.equal(body.length, 10, 'arrests and harm, overall and four categories');
  for (const row of body) {
    assert.equal(row.length, header.length, row.join(','));
    assert.deepEqual([row[at('window_months')], row[at('gap_months')], row[at('weights')], row[at('paired_test')]], ['3', '0', 'data', 'current']);
    assert.equal(row[at('view')], '3 months before and after; categories: all; paired test as current R');
    assert.equal(row[at('view_address')], '?w=3');
    assert.match(row[at('data')], /^the report's synthetic data, calibrated to the study's published figures: not the study's records$/);
  }
  const study = parseCsv(resultsCsv(analyse(bundled, {})));
  assert.equal(study[1][at('view')], "24 months before and after; categories: all; paired test as current R (the study's view)");
  assert.equal(study[1][at('view_address')], '');
  // A view with a gap and weights: its own columns say so (window_months alone would not: 12 months
  // with 3 left out either side analyses 9), the words carry every part of it, and the address reopens it.
  const gapped = parseCsv(resultsCsv(analyse(bundled, { window: 12, gap: 3, weights: 'low', categories: ['violence', 'drugs'], wilcoxon: 'legacy' })));
  assert.deepEqual([gapped[1][at('window_months')], gapped[1][at('gap_months')], gapped[1][at('weights')], gapped[1][at('paired_test')]], ['12', '3', 'low', 'legacy']);
  assert.equal(gapped[1][at('view')], exportView(analyse(bundled, { window: 12, gap: 3, weights: 'low', categories: ['violence', 'drugs'], wilcoxon: 'legacy' })).description);
  assert.equal(gapped[1][at('view_address')], '?w=12&c=violence,drugs&gap=3&weights=low&wilcoxon=legacy');
  assert.equal(exportView(analyse(bundled, { wilcoxon: 'legacy' })).query, '?wilcoxon=legacy');
});

test('R reads the CSV download with a plain read.csv, every number as the engine\'s (R 4.6 in webR)', async () => {
  const r = analyse(bundled, { window: 12, categories: ['violence', 'drugs'] });
  const out = await runWebR('x <- read.csv("results.csv")\ncat(nrow(x), ncol(x), "\\n"); cat(names(x), "\\n"); cat(x$view[1], "\\n"); cat(x$view_address[1], "\\n"); cat(format(x$reduction[1], digits = 17), x$before[1], x$after[1], "\\n")', { 'results.csv': resultsCsv(r) });
  const lines = out.trim().split('\n').map((l) => l.trim());
  assert.equal(lines[0], '6 18');
  assert.equal(lines[1], 'measure category window_months gap_months weights paired_test orders before after reduction ci_lower ci_upper wilcoxon_V p p_holm view view_address data');
  assert.equal(lines[2], '12 months before and after; categories: violence, drugs; paired test as current R');
  assert.equal(lines[3], '?w=12&c=violence,drugs');
  const [reduction, before, after] = lines[4].split(' ');
  assert.equal(Number(reduction), r.events.reduction);
  assert.equal(Number(before), r.events.pre);
  assert.equal(Number(after), r.events.post);
});

test('the CSV download starts with a UTF-8 byte-order mark, for Excel on Windows; the JSON does not', () => {
  const csv = new TextEncoder().encode(resultsCsv(analyse(bundled, { window: 12 })));
  assert.deepEqual([...csv.subarray(0, 4)], [0xef, 0xbb, 0xbf, 'm'.charCodeAt(0)]);
  assert.match(new TextDecoder().decode(csv).split('\n')[0], /^measure,category,/, 'a UTF-8 reader drops the mark');
  assert.equal(resultsCsv(analyse(bundled, {}), { kind: 'local', files: 'violência.csv' }).indexOf('\uFEFF', 1), -1, 'one mark, at the start only');
  assert.equal(resultsJson(analyse(bundled, {})).charCodeAt(0), '{'.charCodeAt(0));
});
