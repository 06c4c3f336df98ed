// The words follow the numbers: for every window and a set of category choices, sentences say
// "fell" only over a fall, "significant" only when p < 0.05, and never show NaN or undefined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type AnalysisResult, type Measure } from '../src/analysis/analyse.ts';
import { describeEventsByCategory } from '../src/charts/index.ts';
import { headline, significance, trendSentence, correlationSentence, announcement, harmVersusVolume, changeWords, claimChecks, EMPTY_VIEW } from '../src/lib/wording.ts';
import { SENTENCES, liveText } from '../src/lib/live.ts';
import { resultsTable, publishedTable } from '../src/lib/tables.ts';
import { bundled } from './helpers/bundled.ts';

const subsets = [['modern_slavery'], ['violence'], ['drugs'], ['other'], ['violence', 'drugs'], bundled.categories];
const states: AnalysisResult[] = [];
for (let window = 1; window <= bundled.span; window++) for (const categories of subsets) states.push(analyse(bundled, { window, categories }));

const fake = (pre: number, post: number, p: number | null): Measure => ({
  pre, post, reduction: pre > 0 ? 1 - post / pre : null, ci: null, bootstrap: { dropped: 0 },
  test: { V: 10, p, method: 'Wilcoxon signed rank test with continuity correction', exact: false, z: 1.5, n: 5, zeros: 0, ties: 0 },
  sign: { n: 5, fewer: 4, p: 0.375 },
});

test('a fall is never called a rise and a rise never a fall', () => {
  assert.equal(changeWords(fake(10, 4, 0.01)), 'a 60% fall');
  assert.equal(changeWords(fake(10, 13, 0.01)), 'a 30% rise');
  assert.equal(changeWords(fake(10, 10, 1)), 'no change');
  assert.equal(changeWords(fake(0, 3, null)), 'a rise from none to 3');
  for (const r of states) {
    const text = headline(r);
    if (r.events.post < r.events.pre) assert.match(text, / fell from /);
    if (r.events.post > r.events.pre) assert.match(text, / rose from /);
    if (r.events.post === r.events.pre) assert.doesNotMatch(text, / fell | rose from /);
  }
});

test('the words follow signs and articles: an 83% fall, a −28% is never a fall', () => {
  assert.equal(changeWords(fake(100, 17, 0.01)), 'an 83% fall');
  assert.equal(changeWords(fake(100, 89, 0.01)), 'an 11% fall');
  assert.equal(changeWords(fake(100, 44, 0.01)), 'a 56% fall');
  for (const r of states) {
    const text = harmVersusVolume(r);
    const e = r.events.reduction;
    const h = r.harm.reduction;
    if (e !== null && h !== null && (e <= 0 || h <= 0)) assert.doesNotMatch(text, /The fall in/, text);
    if (r.harm.post > r.harm.pre) assert.doesNotMatch(SENTENCES.harmChange(r), /fell/);
    // The sentence and the Conclusions verdict on "the fall is greater in harm than in volume" agree.
    const holds = claimChecks(r).find((c) => c.id === 'harm.greater')!.holds;
    if (holds === true) assert.doesNotMatch(text, /does not hold|does not apply|smaller than/, text);
    if (holds === false) assert.match(text, /does not hold|smaller than|about the same/, text);
    assert.doesNotMatch(text, /-\d/, 'negative numbers use the minus sign');
  }
});

test('a correlation is described as a tendency only when it is significant', () => {
  for (const r of states) {
    const { r: rr, p } = r.correlation.pearson;
    const text = correlationSentence(r);
    if (rr !== null && p !== null) assert.equal(/tend to have/.test(text), p < 0.05 && rr !== 0, text);
  }
});

test('"significant" appears only when p < 0.05', () => {
  assert.match(significance(fake(10, 4, 0.049)), /is statistically significant/);
  assert.match(significance(fake(10, 4, 0.05)), /is not statistically significant/);
  assert.match(significance(fake(0, 0, null)), /cannot be tested/);
  for (const r of states) {
    const s = significance(r.events);
    if (r.events.test.p !== null && r.events.test.p < 0.05) assert.match(s, /is statistically significant/);
    else assert.doesNotMatch(s, /is statistically significant/);
    for (const which of ['events', 'harm'] as const) {
      const t = trendSentence(r, which);
      const sig = r.trend[which].p !== null && r.trend[which].p! < 0.05 && r.trend[which].slope !== 0;
      assert.equal(/a statistically significant (downward|upward) trend/.test(t), sig, t);
    }
  }
});

test('no sentence, live value or table ever shows NaN, undefined, Infinity or null', () => {
  const empty = analyse(bundled, { categories: [] });
  for (const r of [...states, empty]) {
    const texts = [headline(r), significance(r.harm), trendSentence(r, 'events'), trendSentence(r, 'harm'), correlationSentence(r), announcement(r), harmVersusVolume(r)];
    for (const [name, f] of Object.entries(SENTENCES)) texts.push(f(r, name === 'trend' ? 'harm' : name === 'significance' ? 'events.drugs' : undefined));
    for (const path of ['events.pre', 'events.reduction', 'harm.ci', 'byCategory.drugs.events.test.p', 'trend.harm.slope', 'correlation.pearson.r']) texts.push(liveText(r, path, 'number'));
    for (const t of [resultsTable(r, 'events'), resultsTable(r, 'harm'), publishedTable(r)]) texts.push(t.caption, ...t.rows.flat());
    for (const t of texts) assert.doesNotMatch(t, /NaN|undefined|Infinity|null|\[object/, t);
  }
  assert.equal(headline(empty), EMPTY_VIEW);
});

test('the headline carries the engine\'s numbers', () => {
  const r = analyse(bundled);
  assert.match(headline(r), new RegExp(`from ${r.events.pre} in the 24 months before the order to ${r.events.post} in the 24 months after, a ${Math.round(100 * r.events.reduction!)}% fall`));
});

test('with a gap, the headline and the results tables say which months are left out; without one, nothing', () => {
  const gapped = analyse(bundled, { gap: 3 });
  assert.match(headline(gapped), /in the 24 months after \(leaving out the 3 months either side of the order\), a \d+% fall/);
  assert.match(resultsTable(gapped, 'events').caption, /before and after each order, leaving out the 3 months either side of it, /);
  assert.match(describeEventsByCategory(gapped), /each order, leaving out the 3 months either side of it, by category/);
  const plain = analyse(bundled);
  assert.doesNotMatch(headline(plain) + resultsTable(plain, 'harm').caption + describeEventsByCategory(plain), /leaving out/);
});

test('the interrupted time series in words never reads "n/a": a view too short to fit says why', () => {
  for (const r of states) {
    const text = SENTENCES.its(r);
    assert.doesNotMatch(text, /n\/a|NaN|undefined/, text);
    if (r.categories.length > 0 && r.its.events.level === null) assert.match(text, /cannot be fitted in this view: /, text);
  }
  assert.match(SENTENCES.its(analyse(bundled)), /^Before the order, arrests changed by 0\.258 a month\. At the order, the fitted line stepped by −4\.02 arrests a month \(p = 0\.0152\)/);
});

test('the claims checked, the pre-order slope and the step at the order never read "n/a": where a statistic cannot be computed, the engine\'s reason', () => {
  const empty = analyse(bundled, { window: 24, categories: [] });
  for (const r of [...states, empty]) {
    const texts = [SENTENCES.preTrend(r), SENTENCES.itsStep(r), ...claimChecks(r).map((c) => c.detail)];
    for (const t of texts) assert.doesNotMatch(t, /n\/a|NaN|undefined|not available/, t);
  }
  const short = analyse(bundled, { window: 1, categories: bundled.categories });
  assert.equal(claimChecks(short).find((c) => c.id === 'trend.harm')!.detail, short.trend.harm.reason);
  assert.match(SENTENCES.preTrend(short), /^Over the window on screen, no line can be fitted to the months before the orders: /);
  assert.match(SENTENCES.itsStep(short), /^In this view the time series cannot be fitted: /);
  const r = analyse(bundled);
  assert.equal(SENTENCES.preTrend(r), 'Over the window on screen, the line fitted to the months before the orders changes by 0.258 arrests a month.');
  assert.equal(SENTENCES.itsStep(r), 'In this view the time series puts the step at the order at −4.02 arrests a month (p = 0.0152).');
  assert.equal(SENTENCES.preTrend(empty), '');
});

test('the line under the headline names the people, the window and, with a gap, the months left out', () => {
  assert.equal(SENTENCES.headlineContext(analyse(bundled)), 'Arrests of the 41 people in the analysis in the 24 months before and after their order.');
  assert.equal(SENTENCES.headlineContext(analyse(bundled, { window: 1, categories: bundled.categories })), 'Arrests of the 41 people in the analysis in the 1 month before and after their order.');
  assert.equal(SENTENCES.headlineContext(analyse(bundled, { window: 12, categories: bundled.categories, gap: 3 })), 'Arrests of the 41 people in the analysis in the 12 months before and after their order, leaving out the 3 months either side of it.');
});

test('the harm-versus-volume check names what is missing: no harm before the orders is not "no arrests"', () => {
  const noHarm = analyse({ ...bundled, events: bundled.events.map((e) => ({ ...e, harm: 0 })) });
  assert.notEqual(noHarm.events.reduction, null);
  assert.equal(noHarm.harm.reduction, null);
  assert.equal(claimChecks(noHarm).find((c) => c.id === 'harm.greater')!.detail, 'no harm before the orders to measure a fall from');
  const empty = analyse(bundled, { window: 24, categories: [] });
  assert.equal(claimChecks(empty).find((c) => c.id === 'harm.greater')!.detail, 'no category selected');
});
