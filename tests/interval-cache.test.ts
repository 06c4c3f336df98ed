// analyse() remembers bootstrap intervals per dataset (src/analysis/analyse.ts, cachedIntervals), so
// that ticking a category resamples only the overall measure. The numbers must be exactly those of
// a fresh computation, whatever views came before: checked against a copy of the dataset that has
// never been analysed (a cold cache), view by view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { bundled } from './helpers/bundled.ts';

const views = [
  {},
  { categories: ['violence', 'drugs'] },
  { categories: ['drugs', 'violence', 'other'] },
  { window: 12, categories: ['violence'] },
  { window: 12 },
  { categories: [] },
  { gap: 2 },
  { gap: 2, categories: ['other'] },
  { weights: 'low' as const, categories: ['modern_slavery', 'other'] },
  { wilcoxon: 'legacy' as const, categories: ['violence', 'drugs'] },
  {},
];

test('remembered intervals equal a cold computation for every view, in any order', () => {
  for (const view of views) {
    const warm = analyse(bundled, view);
    const cold = analyse({ ...bundled }, view); // a new object: a cache of its own, empty
    assert.deepStrictEqual(warm, cold, JSON.stringify(view));
  }
});

test('a category keeps its interval whichever other categories are shown', () => {
  const a = analyse(bundled, { categories: ['violence', 'drugs'] });
  const b = analyse({ ...bundled }, { categories: ['violence'] });
  assert.deepStrictEqual(a.byCategory.violence.events.ci, b.byCategory.violence.events.ci);
  assert.deepStrictEqual(a.byCategory.violence.harm.ci, b.byCategory.violence.harm.ci);
  assert.notDeepStrictEqual(a.events.ci, b.events.ci);
});
