// Links to the project's own files, and the pure half of "Check in R" (agreement, summary, names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repositoryLink, sourceLink } from '../src/lib/source.ts';
import { compareWithR, comparisonSummary, emitRArguments, formatExact, rScriptFileName } from '../src/lib/rCheck.ts';
import { closeEnough, numericLeaves } from '../src/analysis/emitR.ts';
import { analyse } from '../src/analysis/analyse.ts';
import { bundled } from './helpers/bundled.ts';

const offline = { base: '/stro/', repository: '', ref: 'main' };
const online = { base: '/', repository: 'https://github.com/owner/repo', ref: 'v0.2.0' };

test('without a repository URL, links go to the copies the build publishes under source/', () => {
  assert.equal(sourceLink('data/README.md', offline), '/stro/source/data/README.md/');
  assert.equal(sourceLink('tests/fixtures/r/', offline), '/stro/source/tests/fixtures/r/');
  assert.equal(sourceLink('src/analysis/analyse.ts#L40', offline), '/stro/source/src/analysis/analyse.ts/#L40');
  assert.equal(repositoryLink(offline), '/stro/source/');
  assert.equal(sourceLink('data/README.md'), '/source/data/README.md/', 'outside Vite: the root and no repository');
});

test('with a repository URL, links go to the file (blob) or folder (tree) at the ref', () => {
  assert.equal(sourceLink('data/README.md', online), 'https://github.com/owner/repo/blob/v0.2.0/data/README.md');
  assert.equal(sourceLink('tests/fixtures/r/', online), 'https://github.com/owner/repo/tree/v0.2.0/tests/fixtures/r');
  assert.equal(sourceLink('./src/analysis/stats/wilcoxonSignedRank.ts#L9', online), 'https://github.com/owner/repo/blob/v0.2.0/src/analysis/stats/wilcoxonSignedRank.ts#L9');
  assert.equal(repositoryLink(online), 'https://github.com/owner/repo');
  assert.throws(() => sourceLink('../secret', online));
});

test('agreement is closeEnough: relative 1e-9, absolute 1e-15 for p-values, R\'s rounding noise where an estimate is 0', () => {
  const r = analyse(bundled);
  const agrees = (path: string, engine: number | null, rValue: number | null) => closeEnough(r, path, engine, rValue);
  assert.equal(agrees('events.pre', 210, 210), true);
  assert.equal(agrees('events.reduction', 0.5571428571428571, 0.5571428571428572), true);
  assert.equal(agrees('events.reduction', 0.557, 0.5571), false);
  assert.equal(agrees('events.test.p', 1.2e-10, 1.2000000001e-10), true);
  assert.equal(agrees('events.test.p', 1e-17, 5e-17), true);
  assert.equal(agrees('events.test.p', 0.01, 0.0100001), false);
  assert.equal(agrees('trend.harm.slope', 0, 6.3e-16), true);
  assert.equal(agrees('trend.harm.slope', -40, -40.01), false);
  assert.equal(agrees('events.test.V', null, null), true);
  assert.equal(agrees('events.test.V', null, 0), false);
});

test('the comparison uses closeEnough for every number, and a path R did not print differs', () => {
  const r = analyse(bundled, { window: 2, categories: ['drugs'] });
  const printed = new Map(numericLeaves(r));
  assert.equal(compareWithR(r, printed).differing, 0);
  printed.set('trend.events.slope', (printed.get('trend.events.slope') ?? 0) + 1e-3);
  printed.delete('events.pre');
  printed.set('nonsense.path', 1);
  const c = compareWithR(r, printed);
  assert.deepEqual(c.rows.filter((row) => !row.agree).map((row) => row.path), ['events.pre', 'trend.events.slope']);
  assert.deepEqual(c.unexpected, ['nonsense.path']);
});

test('the comparison counts, and the summary reads as the reader needs it', () => {
  const rows = (agree: boolean[]) => agree.map((a, k) => ({ path: `p${k}`, engine: k, r: k, agree: a }));
  const all = { rows: rows([true, true, true]), agreeing: 3, differing: 0, unexpected: [] };
  assert.equal(comparisonSummary(all, '4.6.0'), 'All 3 numbers agree, R 4.6.0');
  const some = { rows: rows([false, true, false]), agreeing: 1, differing: 2, unexpected: ['z'] };
  assert.equal(comparisonSummary(some, '4.6.0'), '2 of 3 numbers differ, R 4.6.0; R also printed 1 path the engine does not have');
  assert.equal(formatExact(undefined), 'not printed');
  assert.equal(formatExact(null), 'NA');
  assert.equal(formatExact(0.1 + 0.2), '0.30000000000000004');
});

test('the script\'s file name and command carry the view', () => {
  const domain = { span: 24, categories: ['modern_slavery', 'violence', 'drugs', 'other'] };
  assert.equal(rScriptFileName({ window: 12, categories: ['violence', 'drugs'], wilcoxon: 'current' }, domain.categories), 'stro-reproduce-w12-violence-drugs.R');
  assert.equal(rScriptFileName({ window: 24, categories: domain.categories, wilcoxon: 'legacy' }, domain.categories), 'stro-reproduce-w24-all-legacy.R');
  assert.equal(rScriptFileName({ window: 3, categories: [], wilcoxon: 'current' }, domain.categories), 'stro-reproduce-w3-none.R');
  assert.deepEqual(emitRArguments({ window: 24, categories: domain.categories, wilcoxon: 'current' }, domain), ['--emit-r']);
  assert.deepEqual(emitRArguments({ window: 12, categories: ['drugs', 'violence'], wilcoxon: 'legacy' }, domain), ['--window', '12', '--categories', 'violence,drugs', '--wilcoxon', 'legacy', '--emit-r']);
  // Gap and weights only when set, in the file name and the command alike.
  assert.equal(rScriptFileName({ window: 24, categories: domain.categories, wilcoxon: 'current', gap: 3, weights: 'low' }, domain.categories), 'stro-reproduce-w24-all-gap3-low.R');
  assert.equal(rScriptFileName({ window: 24, categories: domain.categories, wilcoxon: 'current', gap: 0, weights: 'data' }, domain.categories), 'stro-reproduce-w24-all.R');
  assert.deepEqual(emitRArguments({ window: 12, categories: ['drugs'], wilcoxon: 'legacy', gap: 1, weights: 'high' }, domain), ['--window', '12', '--gap', '1', '--categories', 'drugs', '--weights', 'high', '--wilcoxon', 'legacy', '--emit-r']);
});

test('the README\'s example of Check in R\'s last line counts the numbers the study\'s view compares (an analyst found 566 where the page said 581)', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const said = /"All ([\d,]+) numbers agree, R 4\.6\.0" \(the study's view in this release\)/.exec(readme.replace(/\s+/g, ' '));
  assert.ok(said, 'the README gives the line');
  assert.equal(Number(said[1].replace(/,/g, '')), numericLeaves(analyse(bundled)).length);
});

test('the README\'s example of "Check the curve in R" counts the numbers of the study\'s curve, and its specifications', async () => {
  const { readFileSync } = await import('node:fs');
  const { specificationCurve } = await import('../src/analysis/specificationCurve.ts');
  const { curveLeaves } = await import('../src/analysis/emitCurveR.ts');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const said = /"All ([\d,]+) numbers agree, R 4\.6\.0; R ran the same (\d+) specifications in the same order" for the study's curve/.exec(readme);
  assert.ok(said, 'the README gives the line');
  const curve = specificationCurve(bundled);
  assert.equal(Number(said[1].replace(/,/g, '')), curveLeaves(curve).length);
  assert.equal(Number(said[2]), curve.total);
});

test('Check in R never gives an empty reason: an empty message from R names the likely cause, a server that gzip-encodes R\'s files (an analyst met "…could not be checked: .")', async () => {
  const { failureMessage } = await import('../src/lib/rCheck.ts');
  for (const stage of ['loading', 'running', 'comparing'] as const) {
    const empty = failureMessage(new Error(''), stage);
    assert.doesNotMatch(empty, /: \.|\(\)/, empty);
    assert.match(empty, /Content-Encoding: gzip/, empty);
    assert.match(empty, /Hosting/);
    // A message of its own is given as it is, its first line.
    const own = failureMessage(new Error('object \'x\' not found\nCalls: f'), stage);
    assert.ok(own.includes("object 'x' not found") && !own.includes('Calls') && !own.includes('Content-Encoding'), own);
  }
  // Before R is asked for, the report's own numbers failed: not R's fault, and not said to be.
  const before = failureMessage(new Error('the background worker could not start'), 'preparing');
  assert.equal(before, "The report's numbers to check could not be computed, so R was not run: the background worker could not start. Nothing else on the page is affected.");
  assert.doesNotMatch(failureMessage(new Error(''), 'preparing'), /: \.|R could not|gzip/);
  // Offline, loading R fails because nothing can be fetched: the message says so, not that the site's files are missing.
  const offline = failureMessage(new Error('Failed to fetch'), 'loading', true);
  assert.match(offline, /offline/);
  assert.doesNotMatch(offline, /missing or were blocked/);
  assert.match(failureMessage(new Error('Failed to fetch'), 'loading'), /missing or were blocked/);
  // Offline before R, the numbers' own code not fetched: said as offline, not as a raw import error alone (a re-check).
  const offlineBefore = failureMessage(new Error('Failed to fetch dynamically imported module: /_astro/bundledFiles.js'), 'preparing', true);
  assert.match(offlineBefore, /this browser is offline/);
  assert.match(offlineBefore, /try again once you are back online\.$/);
});
