// The study engine's idle warm-up (src/client/engine.ts) analyses neighbours() (src/lib/urlState.ts): the views one step from the view on
// screen, which it analyses while the browser is idle so that the reader's next change is quick.
// The expected lists are built here from the controls' rules, not read from the function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neighbours } from '../src/lib/urlState.ts';
import { bundled } from './helpers/bundled.ts';
import { domainOf } from '../src/lib/urlState.ts';
import type { ViewState } from '../src/lib/urlState.ts';

const domain = domainOf(bundled);
const all = domain.categories;
const key = (s: ViewState) => `${s.window}|${[...s.categories].sort().join(',')}|${s.gap ?? 0}`;
const keys = (xs: ViewState[]) => xs.map(key).sort();

test('from the study view: each category unticked, and the window one month shorter (it is already the longest)', () => {
  const got = neighbours({ window: domain.span, categories: [...all] }, domain);
  const want = [...all.map((c) => ({ window: domain.span, categories: all.filter((x) => x !== c) })), { window: domain.span - 1, categories: [...all] }];
  assert.deepEqual(keys(got), keys(want));
});

test('with one category: the others ticked, never the last one off; the window either way', () => {
  const got = neighbours({ window: 12, categories: ['drugs'] }, domain);
  const want = [
    ...all.filter((c) => c !== 'drugs').map((c) => ({ window: 12, categories: ['drugs', c] })),
    { window: 11, categories: ['drugs'] }, { window: 13, categories: ['drugs'] },
  ];
  assert.deepEqual(keys(got), keys(want));
  for (const s of got) assert.deepEqual(s.categories, all.filter((c) => s.categories.includes(c)), 'categories kept in the domain order, as the controls give them');
});

test('the window never goes below the gap plus one, nor to 0', () => {
  assert.deepEqual(neighbours({ window: 1, categories: [...all] }, domain).filter((s) => s.window !== 1).map((s) => s.window), [2]);
  const gapped = neighbours({ window: 4, categories: [...all], gap: 3 }, domain);
  assert.deepEqual(gapped.filter((s) => s.window !== 4).map((s) => s.window), [5]);
  assert.ok(gapped.every((s) => s.gap === 3), 'the gap and other settings stay');
});

// ---- WarmQueue (src/client/warmQueue.ts): when the page waits for the worker's answer instead of analysing a view itself
import { WarmQueue } from '../src/client/warmQueue.ts';

test('the page waits only for the view the worker is on (first on its list), and gets its answer', async () => {
  const q = new WarmQueue<string>();
  assert.equal(q.next('a'), undefined, 'nothing asked yet: analyse on the page');
  q.ask(['a', 'b', 'c']);
  assert.equal(q.next('b'), undefined, 'b waits behind a: analyse on the page');
  const a = q.next('a');
  const again = q.next('a');
  assert.ok(a && again);
  q.answer('a', 'result a');
  assert.equal(await a, 'result a');
  assert.equal(await again, 'result a', 'every waiter hears the answer');
  const b = q.next('b');
  assert.ok(b, 'with a answered, the worker is on b');
  q.answer('b', undefined);
  assert.equal(await b, undefined, 'a view the worker could not analyse: the page analyses it');
});

test('a newer list replaces the rest, and a worker that stops releases everyone waiting', async () => {
  const q = new WarmQueue<string>();
  q.ask(['a', 'b']);
  q.ask(['c', 'd']);
  assert.equal(q.next('a'), undefined, 'a is no longer asked for');
  const c = q.next('c');
  assert.ok(c);
  q.answer('a', 'late a'); // the old list's view the worker was on still arrives; nobody waits for it
  assert.ok(q.next('c'), 'c is still first');
  q.fail();
  assert.equal(await c, undefined);
  assert.equal(q.next('d'), undefined, 'a stopped worker is never waited for');
});
