// Links to the project's own files, and the pure half of "Check in R" (agreement, summary, names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repositoryLink, sourceLink } from '../src/lib/source.ts';
import { agrees, compareWithR, comparisonSummary, emitRArguments, formatExact, rScriptFileName } from '../src/lib/rCheck.ts';

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

test('agreement: relative 1e-9, and absolute 1e-15 for p-values only', () => {
  assert.equal(agrees('events.pre', 210, 210), true);
  assert.equal(agrees('events.reduction', 0.5571428571428571, 0.5571428571428572), true);
  assert.equal(agrees('events.reduction', 0.557, 0.5571), false);
  assert.equal(agrees('events.test.p', 1.2e-10, 1.2000000001e-10), true);
  assert.equal(agrees('events.test.p', 1e-17, 5e-17), true);
  assert.equal(agrees('trend.harm.slope', 1e-17, 5e-17), false);
  assert.equal(agrees('events.test.p', 0.01, 0.0100001), false);
  assert.equal(agrees('events.test.V', null, null), true);
  assert.equal(agrees('events.test.V', null, 0), false);
  assert.equal(agrees('events.test.V', 3, undefined), false);
});

test('the comparison counts, and the summary reads as the reader needs it', () => {
  const leaves: [string, number | null][] = [['a', 1], ['b.p', null], ['c', 2]];
  const all = compareWithR(leaves, new Map<string, number | null>([['a', 1], ['b.p', null], ['c', 2]]));
  assert.equal(all.agreeing, 3);
  assert.equal(comparisonSummary(all, '4.6.0'), 'All 3 numbers agree, R 4.6.0');
  const some = compareWithR(leaves, new Map<string, number | null>([['a', 1.5], ['b.p', null], ['z', 1]]));
  assert.deepEqual(some.rows.map((r) => r.agree), [false, true, false]);
  assert.deepEqual(some.unexpected, ['z']);
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
});
