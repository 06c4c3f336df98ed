// The `analyze` command: JSON shape, agreement with analyse(), readable tables, and a one-line
// error naming file, row and column (exit status 1, nothing on stdout, no stack trace) for each
// kind of bad input the issue lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analysis/analyse.ts';
import { emitR } from '../src/analysis/emitR.ts';
import { bundled, readData } from './helpers/bundled.ts';

const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'stro-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const orders = readData('orders.csv');
const events = readData('events.csv');
const [eventsHeader, firstEvent, ...restEvents] = events.split('\n');
const [ordersHeader, firstOrder, ...restOrders] = orders.split('\n');

test('--json prints exactly one JSON object with the documented shape, equal to analyse()', () => {
  const out = run('--json');
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout.trim().split('\n').length, 1);
  const json = JSON.parse(out.stdout);
  for (const key of ['window', 'categories', 'orders', 'events', 'harm', 'byCategory', 'trend', 'correlation']) assert.ok(key in json, key);
  for (const m of ['events', 'harm']) {
    for (const key of ['pre', 'post', 'reduction', 'ci']) assert.ok(key in json[m], `${m}.${key}`);
    assert.ok('V' in json[m].test && 'p' in json[m].test);
    for (const c of json.categories) assert.ok('pAdjusted' in json.byCategory[c][m].test, `${c} ${m} pAdjusted`);
  }
  for (const key of ['slope', 'p', 'tau', 'tauP']) assert.ok(key in json.trend.events && key in json.trend.harm, key);
  assert.ok('r' in json.correlation.pearson && 'p' in json.correlation.pearson);
  assert.ok('rho' in json.correlation.spearman && 'p' in json.correlation.spearman);
  assert.deepEqual(json, JSON.parse(JSON.stringify(analyse(bundled))));
});

test('--window and --categories reach the engine', () => {
  const out = run('--json', '--window', '12', '--categories', 'drugs,violence');
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), JSON.parse(JSON.stringify(analyse(bundled, { window: 12, categories: ['violence', 'drugs'] }))));
});

test('readable tables show the headline figures as the engine computes them', () => {
  const out = run();
  assert.equal(out.status, 0, out.stderr);
  const r = analyse(bundled);
  assert.match(out.stdout, new RegExp(`Overall\\s+${r.events.pre}\\s+${r.events.post}\\s+${Math.round(100 * r.events.reduction!)}%`));
  for (const c of r.categories) assert.match(out.stdout, new RegExp(r.categoryNames[c]));
  assert.match(out.stdout, /Synthetic data/);
  assert.doesNotMatch(out.stdout, /NaN|undefined/);
});

test('--wilcoxon legacy reaches the engine; the tables name the rule and R\'s method for the overall tests', () => {
  const out = run('--json', '--wilcoxon', 'legacy');
  assert.equal(out.status, 0, out.stderr);
  const legacy = analyse(bundled, { wilcoxon: 'legacy' });
  assert.deepEqual(JSON.parse(out.stdout), JSON.parse(JSON.stringify(legacy)));
  assert.notEqual(legacy.events.test.p, analyse(bundled).events.test.p, 'the two rules differ on these data');

  const tables = run('--wilcoxon', 'legacy');
  assert.equal(tables.status, 0, tables.stderr);
  assert.match(tables.stdout, /Paired Wilcoxon signed-rank tests per order \(two-sided\), as R ≤ 4\.5 computed wilcox\.test/);
  assert.match(tables.stdout, new RegExp(`overall tests: events "${legacy.events.test.method}" \\(${legacy.events.test.n} non-zero differences, ${legacy.events.test.zeros} zeros`));
  const current = analyse(bundled);
  const byDefault = run();
  assert.match(byDefault.stdout, /as current R \(≥ 4\.6\.0\) computes wilcox\.test\(pre, post, paired = TRUE\)/);
  assert.match(byDefault.stdout, new RegExp(`harm "${current.harm.test.method}"`));
});

test('--emit-r prints the base-R script for the view as the engine resolves it, and no results', () => {
  const out = run('--emit-r', '--window', '12', '--categories', 'drugs,violence', '--wilcoxon', 'legacy');
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^# Written by npm run analyze -- --emit-r --window 12 --categories drugs,violence --wilcoxon legacy\.$/m);
  assert.equal(out.stdout.replace(/^# Written by .*\n/m, ''), emitR({ window: 12, categories: ['violence', 'drugs'], wilcoxon: 'legacy' }));
  const byDefault = run('--emit-r');
  assert.equal(byDefault.stdout.replace(/^# Written by .*\n/m, ''), emitR({ window: 24, categories: ['modern_slavery', 'violence', 'drugs', 'other'], wilcoxon: 'current' }));
});

const bad: { name: string; args: () => string[]; expect: RegExp }[] = [
  { name: 'missing file', args: () => ['--events', join(dir, 'nope.csv')], expect: /nope\.csv: no such file/ },
  { name: 'empty file', args: () => ['--events', write('empty.csv', '')], expect: /empty\.csv: the file is empty/ },
  { name: 'missing column', args: () => ['--events', write('nocol.csv', events.split('\n').map((l) => l.replace(/^([^,]*,[^,]*),[^,]*,/, '$1,')).join('\n'))], expect: /nocol\.csv, row 0, column "category": required column is missing/ },
  { name: 'misspelled column', args: () => ['--events', write('typo.csv', events.replace('order_id,month', 'order_id,mnth'))], expect: /typo\.csv, row 0, column "month": required column is missing \(found "mnth"/ },
  { name: 'non-numeric month', args: () => ['--events', write('month.csv', [eventsHeader, firstEvent.replace(/^([^,]*),[^,]*,/, '$1,soon,'), ...restEvents].join('\n'))], expect: /month\.csv, row 1, column "month": "soon" is not a whole number/ },
  { name: 'zero month', args: () => ['--events', write('zero.csv', [eventsHeader, firstEvent.replace(/^([^,]*),[^,]*,/, '$1,0,'), ...restEvents].join('\n'))], expect: /zero\.csv, row 1, column "month": 0 is not a month/ },
  { name: 'negative harm', args: () => ['--events', write('neg.csv', [eventsHeader, firstEvent.replace(/,[^,]*$/, ',-5'), ...restEvents].join('\n'))], expect: /neg\.csv, row 1, column "harm": -5 is negative/ },
  { name: 'unknown order', args: () => ['--events', write('who.csv', [eventsHeader, firstEvent.replace(/^[^,]*/, 'O-NOBODY'), ...restEvents].join('\n'))], expect: /who\.csv, row 1, column "order_id": "O-NOBODY" is not an order in the orders file/ },
  { name: 'duplicate order id', args: () => ['--orders', write('dup.csv', [ordersHeader, firstOrder, firstOrder, ...restOrders].join('\n'))], expect: /dup\.csv, row 2, column "order_id": ".*" duplicates the id in row 1/ },
  { name: 'wrong delimiter', args: () => ['--events', write('semi.csv', events.replace(/,/g, ';'))], expect: /semi\.csv, row 0: columns are separated by ";"/ },
  { name: 'window above the span', args: () => ['--window', '25'], expect: /window: 25 is outside 1 … 24/ },
  { name: 'window zero', args: () => ['--window', '0'], expect: /window: 0 is outside 1 … 24/ },
  { name: 'window not a number', args: () => ['--window', 'two'], expect: /--window: "two" is not a whole number/ },
  { name: 'unknown category', args: () => ['--categories', 'violence,fraud'], expect: /categories: fraud not in the data/ },
  { name: 'event of an excluded order', args: () => {
    const excluded = orders.split('\n').find((l) => l.includes(',excluded_data,'))!.split(',')[0];
    return ['--events', write('excl.csv', [eventsHeader, firstEvent.replace(/^[^,]*/, excluded), ...restEvents].join('\n'))];
  }, expect: /excl\.csv, row 1, column "order_id": ".*" is marked excluded_data/ },
  { name: 'unknown option', args: () => ['--windw', '3'], expect: /unknown option --windw/ },
  { name: 'month far outside any follow-up', args: () => ['--events', write('far.csv', [eventsHeader, firstEvent.replace(/^([^,]*),[^,]*,/, '$1,100000000,'), ...restEvents].join('\n'))], expect: /far\.csv, row 1, column "month": 100000000 is more than 600 months/ },
  { name: 'harm written in hexadecimal', args: () => ['--events', write('hex.csv', [eventsHeader, firstEvent.replace(/,[^,]*$/, ',0x10'), ...restEvents].join('\n'))], expect: /hex\.csv, row 1, column "harm": "0x10" is not a number of days/ },
  { name: 'implausibly large harm', args: () => ['--events', write('big.csv', [eventsHeader, firstEvent.replace(/,[^,]*$/, ',1e308'), ...restEvents].join('\n'))], expect: /big\.csv, row 1, column "harm": "1e308" is not a number/ },
  { name: 'text after a closing quote', args: () => ['--events', write('quote.csv', [eventsHeader, firstEvent.replace(/,([a-z_]+),/, ',"$1"x,'), ...restEvents].join('\n'))], expect: /quote\.csv, row 1: line 2: text after a closing quote/ },
  { name: 'events file with no events', args: () => ['--events', write('none.csv', eventsHeader + '\n')], expect: /none\.csv: has a header but no events/ },
  { name: 'the same option twice', args: () => ['--window', '3', '--window', '4'], expect: /--window is given twice/ },
  { name: 'an unknown Wilcoxon rule', args: () => ['--wilcoxon', 'newest'], expect: /--wilcoxon: "newest" is not current \(R ≥ 4\.6\.0\) or legacy \(R ≤ 4\.5\)/ },
  { name: 'a Wilcoxon rule in capitals', args: () => ['--wilcoxon', 'Legacy'], expect: /--wilcoxon: "Legacy" is not current/ },
  { name: 'no Wilcoxon rule', args: () => ['--wilcoxon'], expect: /--wilcoxon needs a value/ },
  { name: '--json with --emit-r', args: () => ['--json', '--emit-r'], expect: /--json and --emit-r cannot be combined/ },
  { name: '--emit-r with a bad window', args: () => ['--emit-r', '--window', '30'], expect: /window: 30 is outside 1 … 24/ },
  { name: 'an empty category code', args: () => ['--categories', 'violence,,drugs'], expect: /--categories: "violence,,drugs" has an empty code/ },
];

for (const c of bad) {
  test(`bad input: ${c.name} → one line naming where, exit 1`, () => {
    const out = run(...c.args());
    assert.equal(out.status, 1, `exit status; stderr: ${out.stderr}`);
    assert.equal(out.stdout, '', 'nothing on stdout');
    assert.match(out.stderr, c.expect);
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
    assert.doesNotMatch(out.stderr, /\n\s+at |Error:/, 'no stack trace');
  });
}
