// analyse() on the bundled data against base R, which aggregates the CSVs itself and runs
// wilcox.test, p.adjust, lm and cor.test (tests/fixtures/r/make-analysis-fixtures.R wrote the
// expected values). Tolerance: relative 1e-9, as in stats.test.ts; counts and sums exactly.
// One exception, as in stats.test.ts: where the monthly series is a perfect straight line
// (window 3, modern slavery: 3, 2, 1 events), R's p for the slope is QR rounding noise (~3e-16)
// and ours is 0; both must then be below 1e-12.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse } from '../src/analysis/analyse.ts';
import { bundled, near } from './helpers/bundled.ts';

interface RTest { pre: number; post: number; V: number; p: number; pAdjusted?: number }
interface RState {
  window: number;
  categories: string[];
  events: RTest & { byCategory: Record<string, RTest> };
  harm: RTest & { byCategory: Record<string, RTest> };
  trend: Record<'events' | 'harm', { slope: number; p: number | null; tau: number | null; tauP: number | null }>;
  correlation: { pearson: { r: number | null; p: number | null }; spearman: { rho: number | null; p: number | null } };
}
const fixture: { states: RState[] } = JSON.parse(readFileSync(new URL('./fixtures/r/analysis.json', import.meta.url), 'utf8'));

function closeTo(actual: number | null | undefined, expected: number | null, what: string) {
  assert.ok(near(actual ?? null, expected), `${what}: engine ${actual}, R ${expected}`);
}

for (const s of fixture.states) {
  test(`window ${s.window}, ${s.categories.join(' + ')}: same numbers as R`, () => {
    const r = analyse(bundled, { window: s.window, categories: s.categories });
    assert.deepEqual(r.categories, s.categories);
    for (const m of ['events', 'harm'] as const) {
      assert.equal(r[m].pre, s[m].pre, `${m} before`);
      assert.equal(r[m].post, s[m].post, `${m} after`);
      closeTo(r[m].test.V, s[m].V, `${m} V`);
      closeTo(r[m].test.p, s[m].p, `${m} p`);
      for (const c of s.categories) {
        const e = s[m].byCategory[c];
        const a = r.byCategory[c][m];
        assert.equal(a.pre, e.pre, `${m} ${c} before`);
        assert.equal(a.post, e.post, `${m} ${c} after`);
        closeTo(a.test.V, e.V, `${m} ${c} V`);
        closeTo(a.test.p, e.p, `${m} ${c} p`);
        closeTo(a.test.pAdjusted, e.pAdjusted ?? null, `${m} ${c} Holm p`);
      }
      const t = s.trend[m];
      closeTo(r.trend[m].slope, t.slope, `${m} slope`);
      if (t.p !== null && t.p < 1e-12) assert.ok((r.trend[m].p ?? 1) < 1e-12, `${m} slope p: perfect fit`);
      else closeTo(r.trend[m].p, t.p, `${m} slope p`);
      closeTo(r.trend[m].tau, t.tau, `${m} tau`);
      closeTo(r.trend[m].tauP, t.tauP, `${m} tau p`);
    }
    closeTo(r.correlation.pearson.r, s.correlation.pearson.r, 'Pearson r');
    closeTo(r.correlation.pearson.p, s.correlation.pearson.p, 'Pearson p');
    closeTo(r.correlation.spearman.rho, s.correlation.spearman.rho, 'Spearman rho');
    closeTo(r.correlation.spearman.p, s.correlation.spearman.p, 'Spearman p');
  });
}
