// The changelog's old-against-new Wilcoxon table is computed by the engine. Golden values: the
// overall arrests test in the study's view, V = 595, p = 3.3e-7 under R <= 4.5's rule (what
// version 0.1.0 published), V = 833, p = 1.2e-10 under R 4.6.0's (tests/stats.test.ts and
// tests/analysis-vs-r.test.ts check both rules against R itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { formatPSci, wilcoxonChanges, wilcoxonChangeTable } from '../src/lib/changelog.ts';
import { bundled } from './helpers/bundled.ts';

test('the overall arrests test moves from V = 595, p = 3.3e-7 to V = 833, p = 1.2e-10', () => {
  const rows = wilcoxonChanges(bundled, { window: 24 });
  const overall = rows.find((r) => r.measure === 'events' && r.category === '')!;
  assert.equal(overall.old.V, 595);
  assert.equal(Number(overall.old.p!.toPrecision(2)), 3.3e-7);
  assert.equal(overall.new.V, 833);
  assert.equal(Number(overall.new.p!.toPrecision(2)), 1.2e-10);
  const first = wilcoxonChangeTable(rows).rows[0];
  assert.deepEqual(first, ['Arrests', 'All categories', '595', '3.3 × 10⁻⁷', '833', '1.2 × 10⁻¹⁰']);
});

test('one row per measure and category, each the engine\'s own numbers under each rule', () => {
  const rows = wilcoxonChanges(bundled, { window: 24 });
  assert.equal(rows.length, 2 * (bundled.categories.length + 1));
  const legacy = analyse(bundled, { wilcoxon: 'legacy' });
  const current = analyse(bundled);
  for (const r of rows) {
    const pick = (x: typeof legacy) => (r.category === '' ? x[r.measure] : x.byCategory[r.category][r.measure]).test;
    assert.deepEqual(r.old, { V: pick(legacy).V, p: pick(legacy).p });
    assert.deepEqual(r.new, { V: pick(current).V, p: pick(current).p });
    assert.notEqual(r.old.V, r.new.V, `${r.measure} ${r.category}: every Wilcoxon figure changed`);
  }
});

test('p-values in powers of ten', () => {
  assert.equal(formatPSci(3.3e-7), '3.3 × 10⁻⁷');
  assert.equal(formatPSci(0.0123), '0.012');
  assert.equal(formatPSci(0.001953125), '0.0020', 'two significant digits, as the page says: not "0.002"');
  assert.equal(formatPSci(0.5), '0.50');
  assert.equal(formatPSci(null), 'n/a');
});
