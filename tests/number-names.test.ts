// Every number on the page is a button whose text is the number alone; its accessible description
// (src/lib/numberNames.ts) says what it is. Here: every path the pages can show has a name, and the
// name follows the path's measure and category.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { numberName } from '../src/lib/numberNames.ts';
import { categoryName } from '../src/analysis/categories.ts';
import { analyse } from '../src/analysis/analyse.ts';
import { bundled as dataset } from './helpers/bundled.ts';
import { sentenceParts } from '../src/lib/live.ts';
import { TABLES, type TableName } from '../src/lib/tables.ts';
import { cellPaths } from '../src/lib/cells.ts';
import { FIGURE_PATHS } from '../src/lib/figurePaths.ts';
import { ROBUST_NUMBERS, robustPath, type RobustNumberName } from '../src/lib/robustness.ts';

const pages = readdirSync(new URL('../src/pages/', import.meta.url)).filter((f) => f.endsWith('.mdx'))
  .map((f) => readFileSync(new URL(`../src/pages/${f}`, import.meta.url), 'utf8')).join('\n');
const says = [...new Set([...pages.matchAll(/<Say what="([^"]+)"/g)].map((m) => m[1]))];
const lives = [...new Set([...pages.matchAll(/<Live path="([^"]+)"/g)].map((m) => m[1]))];

function pathsShown(view: Parameters<typeof analyse>[1]): Set<string> {
  const r = analyse(dataset, view);
  const paths = new Set<string>(lives);
  for (const what of says) for (const s of sentenceParts(r, what)) if (typeof s !== 'string') paths.add(s.path);
  for (const name of Object.keys(TABLES) as TableName[]) for (const row of TABLES[name](r).paths ?? []) for (const p of row) for (const q of cellPaths(p)) paths.add(q);
  for (const f of Object.values(FIGURE_PATHS)) for (const row of (f as (r: unknown) => (string | null)[][])(r)) for (const p of row) if (p) paths.add(p);
  return paths;
}

test('every number the pages show, in several views, has a name', () => {
  assert.ok(says.length > 20 && lives.length > 5, 'the pages were read');
  const views = [{}, { window: 12, categories: ['violence', 'drugs'] }, { window: 6, gap: 2, categories: ['modern_slavery'] }, { window: 2, categories: ['other'] }];
  const missing = new Set<string>();
  let seen = 0;
  for (const v of views) for (const p of pathsShown(v)) {
    seen++;
    const name = numberName(p, categoryName);
    if (!name || /undefined|null|NaN/.test(name)) missing.add(p);
  }
  // How robust is it?'s own numbers, each under its one path.
  for (const n of Object.keys(ROBUST_NUMBERS) as RobustNumberName[]) if (!numberName(robustPath(n), categoryName)) missing.add(robustPath(n));
  assert.ok(seen > 200);
  assert.deepEqual([...missing], []);
});

test('a name says the measure and the category, in the reader\'s words for their own categories', () => {
  assert.equal(numberName('byCategory.modern_slavery.events.test.p', categoryName), 'p-value of the signed-rank test, modern slavery arrests');
  assert.equal(numberName('harm.reduction', categoryName), 'reduction in harm, all selected categories (negative for a rise)');
  const own = (c: string) => ({ c2: 'Fraud', c3: 'ASB' })[c] ?? c;
  assert.equal(numberName('byCategory.c2.harm.sign.fewer', own), 'people with less after, fraud harm');
  assert.equal(numberName('byCategory.c3.events.pre', own), 'ASB arrests, before the orders');
  assert.equal(numberName('trend.events.tauP', categoryName), "p-value of Kendall's tau for monthly arrests");
  assert.equal(numberName('no.such.path', categoryName), null);
});

test('numbers printed as a bare size, whose words say which way, have names that do not: the ends of the months-around-the-order ranges are rises too (a re-check heard a 75% rise called "highest reduction")', () => {
  for (const path of ['robust:gap.eventsLow', 'robust:gap.eventsHigh', 'robust:gap.harmLow', 'robust:gap.harmHigh', 'robust:liberty.rateFall', 'robust:nullWorld.mean', 'robust:nullWorld.low', 'robust:nullWorld.high']) {
    const name = numberName(path, categoryName);
    assert.ok(name, path);
    assert.doesNotMatch(name, /\b(reduction|fall|rise|lowest|highest|smallest|largest)\b/, path);
  }
});
