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

test('a reader\'s change waits only for the view the worker is analysing now, and gets its answer', async () => {
  const q = new WarmQueue<string>();
  assert.equal(q.next('a'), undefined, 'nothing asked yet: analyse on the page');
  q.ask(['a', 'b', 'c']);
  assert.equal(q.next('a'), undefined, 'a is asked for but not started (the worker may still be starting): analyse on the page');
  q.start('a');
  assert.equal(q.next('b'), undefined, 'b waits behind a: analyse on the page');
  const a = q.next('a');
  const again = q.next('a');
  assert.ok(a && again);
  q.answer('a', 'result a');
  assert.equal(await a, 'result a');
  assert.equal(await again, 'result a', 'every waiter hears the answer');
  q.start('b');
  const b = q.next('b');
  assert.ok(b);
  q.answer('b', undefined);
  assert.equal(await b, undefined, 'a view the worker could not analyse: the page analyses it');
});

test('work done while idle may wait for the view the worker will start next, and only while nothing else is under way', async () => {
  const q = new WarmQueue<string>();
  q.ask(['a', 'b']);
  const a = q.next('a', true);
  assert.ok(a, 'a is next and the worker is free (or starting)');
  assert.equal(q.next('b', true), undefined, 'b is not next');
  q.start('a');
  q.answer('a', 'result a');
  assert.equal(await a, 'result a');
  q.start('b');
  q.ask(['c']);
  assert.equal(q.next('c', true), undefined, 'b is under way: c would wait behind it');
});

test('a newer list releases whoever waits for a view the worker will no longer start; a stopped worker releases everyone', async () => {
  const q = new WarmQueue<string>();
  q.ask(['a', 'b']);
  const a = q.next('a', true)!;
  q.ask(['c', 'd']); // a was not started: it may never be
  assert.equal(await a, undefined, 'released at once, to analyse on the page');
  q.start('c');
  const c = q.next('c')!;
  q.ask(['e']); // c is under way: its answer still comes
  q.answer('c', 'result c');
  assert.equal(await c, 'result c');
  q.start('e');
  const e = q.next('e')!;
  q.fail();
  assert.equal(await e, undefined);
  assert.equal(q.next('e'), undefined, 'a stopped worker is never waited for');
});
