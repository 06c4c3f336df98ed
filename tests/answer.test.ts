// The answer in three sentences: one sentence each, words that follow the numbers in every view and
// under both Wilcoxon rules, and every number a segment whose text is the result's value at its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type AnalysisResult } from '../src/analysis/analyse.ts';
import { ANSWER, whatForHarm, whatHappened, whatItMeans } from '../src/lib/answer.ts';
import { formatNumber, formatPercent } from '../src/lib/format.ts';
import { valueAt } from '../src/lib/live.ts';
import { EMPTY_VIEW, plain } from '../src/lib/wording.ts';
import { bundled } from './helpers/bundled.ts';

const subsets = [[], ['modern_slavery'], ['violence'], ['drugs'], ['other'], ['violence', 'drugs'], bundled.categories];
const views: AnalysisResult[] = [];
for (let window = 1; window <= bundled.span; window++) {
  for (const categories of subsets) for (const wilcoxon of ['current', 'legacy'] as const) views.push(analyse(bundled, { window, categories, wilcoxon }));
}

test('each part is one sentence, and no view prints NaN, undefined or n/a', () => {
  for (const r of views) {
    for (const [name, part] of Object.entries(ANSWER)) {
      const text = plain(part(r));
      if (r.categories.length === 0) {
        assert.equal(text, name === 'what' ? EMPTY_VIEW : '', `${name} in the empty view`);
        continue;
      }
      assert.match(text, /^[A-Z].*\.$/, `${name}: ${text}`);
      assert.doesNotMatch(text.slice(0, -1), /\.\s+[A-Z]/, `one sentence: ${text}`);
      assert.doesNotMatch(text, /NaN|undefined|n\/a/);
    }
  }
});

test('the words follow the numbers', () => {
  let seen = { fewer: 0, more: 0, harmRose: 0, chance: 0, notChance: 0 };
  for (const r of views.filter((v) => v.categories.length > 0)) {
    const what = plain(whatHappened(r));
    const e = r.events;
    if (e.post < e.pre) { assert.match(what, /less often/); seen.fewer++; }
    if (e.post > e.pre) { assert.match(what, /more often/); seen.more++; }
    if (e.post === e.pre && e.pre > 0) assert.match(what, /as often as before/);
    const harm = plain(whatForHarm(r));
    if (r.harm.reduction !== null && r.harm.post < r.harm.pre) assert.match(harm, /fell by/);
    if (r.harm.reduction !== null && r.harm.post > r.harm.pre) { assert.match(harm, /rose by/); seen.harmRose++; }
    if (r.harm.reduction !== null && r.events.reduction !== null && r.harm.reduction > r.events.reduction && r.events.reduction > 0
      && formatPercent(r.harm.reduction) !== formatPercent(r.events.reduction)) assert.match(harm, /less serious/);
    const meaning = plain(whatItMeans(r));
    const significant = e.test.p !== null && e.test.p < 0.05 && e.post !== e.pre;
    if (significant) { assert.match(meaning, /unlikely to be chance alone/); seen.chance++; }
    else { assert.doesNotMatch(meaning, /unlikely to be chance/); seen.notChance++; }
    assert.match(meaning, /not what they caused/);
  }
  // The views reach each branch, so the checks above are not vacuous.
  assert.ok(seen.fewer > 0 && seen.chance > 0 && seen.notChance > 0, JSON.stringify(seen));
});

test('every number is a segment whose text is its path\'s value in the result', () => {
  const formats: Record<string, (v: number) => string> = {
    orders: formatNumber, window: formatNumber, 'events.pre': formatNumber, 'events.post': formatNumber,
    'events.reduction': (v) => formatPercent(Math.abs(v)), 'harm.reduction': (v) => formatPercent(Math.abs(v)),
  };
  let numbers = 0;
  for (const r of views) {
    for (const part of Object.values(ANSWER)) {
      for (const s of part(r)) {
        if (typeof s === 'string') continue;
        numbers++;
        assert.ok(formats[s.path], `unexpected path ${s.path}`);
        assert.equal(s.text, formats[s.path](valueAt(r, s.path) as number), s.path);
      }
    }
  }
  assert.ok(numbers > views.length);
});

test('the study\'s view reads as the study found, in three sentences', () => {
  const r = analyse(bundled);
  assert.equal(plain(whatHappened(r)), 'After their orders, the 41 people were arrested less often: 93 times in the 24 months after, against 210 in the 24 months before (56% fewer).');
  assert.match(plain(whatForHarm(r)), /fell by 83%, more than their number, so the arrests that remained were for less serious offences\.$/);
});
