// Which tests change verdict with the version of R (ruleFlips): held to the engine's own two
// analyses, each of whose p-values the R fixtures hold to R (4.6.0 through webR, 4.2.2 for legacy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analysis/analyse.ts';
import { ruleFlips, ruleFlipWords, verdictOf } from '../src/lib/ruleFlips.ts';
import { formatPEquals } from '../src/lib/format.ts';
import { bundled } from './helpers/bundled.ts';

test('ruleFlips lists exactly the tests whose verdict differs between analyse() under the two rules, with both p-values', () => {
  let seen = 0;
  for (const window of [24, 12, 6]) for (const gap of [0, 1]) for (const categories of [bundled.categories, ['drugs'], ['other', 'modern_slavery']]) {
    const both = { current: analyse(bundled, { window, gap, categories, wilcoxon: 'current' }), legacy: analyse(bundled, { window, gap, categories, wilcoxon: 'legacy' }) };
    for (const rule of ['current', 'legacy'] as const) {
      const other = rule === 'current' ? 'legacy' : 'current';
      // With one category, the overall test is that category's: listed once.
      const expected = (['events', 'harm'] as const).flatMap((measure) => [null, ...(categories.length === 1 ? [] : categories)].flatMap((category) => {
        const m = (r: typeof both.current) => (category === null ? r[measure] : r.byCategory[category][measure]);
        const [a, b] = [m(both[rule]), m(both[other])];
        const [va, vb] = [verdictOf(a.test.p, a.test.pAdjusted ?? null, a.test.n), verdictOf(b.test.p, b.test.pAdjusted ?? null, b.test.n)];
        return va === vb ? [] : [{ category, measure, rule, p: a.test.p, pAdjusted: a.test.pAdjusted ?? null, verdict: va, otherRule: other, otherP: b.test.p, otherPAdjusted: b.test.pAdjusted ?? null, otherVerdict: vb }];
      }));
      assert.deepEqual(ruleFlips(bundled, both[rule]), expected, `w=${window} gap=${gap} ${categories.join(',')} ${rule}`);
      seen += expected.length;
    }
  }
  assert.ok(seen > 0, 'some views of the bundled data do flip (e.g. harm for modern slavery at 12 months)');
  // No one's count changed (current R: p = 1; older R: no p): both say it cannot be tested, so no flip.
  const still = analyse(bundled, { gap: 23, categories: ['modern_slavery'] });
  assert.equal(still.events.test.n, 0);
  assert.deepEqual(ruleFlips(bundled, still).filter((f) => f.measure === 'events'), []);
  // The study's view: both rules agree everywhere.
  assert.deepEqual(ruleFlips(bundled, analyse(bundled)), []);
  assert.equal(ruleFlipWords([], {}), null);
  // Never "is cannot be tested"; one verdict or several.
  const untested = { category: null, measure: 'events' as const, rule: 'current' as const, p: 0.04, pAdjusted: null, verdict: 'significant' as const, otherRule: 'legacy' as const, otherP: null, otherPAdjusted: null, otherVerdict: 'untested' as const };
  assert.match(ruleFlipWords([untested], { drugs: 'Drugs' })!, /^The verdict depends .*the change in arrests is significant as current R \(4\.6\) computes it \(p = 0\.04\) and cannot be tested as R 4\.5 and earlier does/);
  assert.match(ruleFlipWords([{ ...untested, verdict: 'untested', otherVerdict: 'significant', p: null, otherP: 0.04 }, untested], { drugs: 'Drugs' })!, /^The verdicts depend .*the change in arrests cannot be tested as current R .* and significant as R 4\.5/);
});

test('the command line says when a verdict turns on the rule, with both p-values, and says nothing when none does', () => {
  const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' }).stdout;
  const r = analyse(bundled, { window: 12, categories: ['other', 'modern_slavery'] });
  const legacy = analyse(bundled, { window: 12, categories: ['other', 'modern_slavery'], wilcoxon: 'legacy' });
  const flips = ruleFlips(bundled, r);
  assert.deepEqual(flips.map((f) => [f.category, f.measure]), [['modern_slavery', 'harm']]);
  const line = `The verdict depends on which version of R computes the paired test: the change in harm for modern slavery is not significant as current R (4.6) computes it (${formatPEquals(r.byCategory.modern_slavery.harm.test.p)}; Holm-adjusted ${formatPEquals(r.byCategory.modern_slavery.harm.test.pAdjusted)}) and significant as R 4.5 and earlier does (${formatPEquals(legacy.byCategory.modern_slavery.harm.test.p)}; Holm-adjusted ${formatPEquals(legacy.byCategory.modern_slavery.harm.test.pAdjusted)}). Neither rule is wrong: they treat tied and unchanged counts differently, and a verdict that turns on that is not firm.`;
  assert.equal(ruleFlipWords(flips, r.categoryNames), line);
  assert.ok(run('--window', '12', '--categories', 'other,modern_slavery').trimEnd().endsWith(line));
  assert.doesNotMatch(run(), /The verdict depends on which version of R/);
});
