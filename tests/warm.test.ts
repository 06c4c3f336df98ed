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
