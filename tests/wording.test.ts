// The words follow the numbers: for every window and a set of category choices, sentences say
// "fell" only over a fall, "significant" only when p < 0.05, and never show NaN or undefined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse, type AnalysisResult, type Measure } from '../src/analysis/analyse.ts';
import { describeEventsByCategory, describeMonthlyEvents } from '../src/charts/index.ts';
import { headline, significance, trendSentence, correlationSentence, announcement, harmVersusVolume, changeWords, claimChecks, fallPieces, fallWords, viewWords, EMPTY_VIEW, FEW_ARRESTS, claimWord, plain, SAME_FALL } from '../src/lib/wording.ts';
import { SENTENCES, liveText, sentence, sentenceParts } from '../src/lib/live.ts';
import { resultsTable, publishedTable } from '../src/lib/tables.ts';
import { bundled } from './helpers/bundled.ts';
import { derive } from '../src/lib/derivations.ts';
import { formatEstimate, formatP } from '../src/lib/format.ts';

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

test('a change too small to round to 1%, or a fall that leaves too little to round, is said as such, never "0%" or "100%"', () => {
  assert.equal(changeWords(fake(1000, 997, 0.5)), 'a fall of less than 1%');
  assert.equal(changeWords(fake(1000, 1003, 0.5)), 'a rise of less than 1%');
  assert.equal(changeWords(fake(1000, 3, 0.01)), 'a fall of more than 99%');
  assert.equal(changeWords(fake(1000, 0, 0.01)), 'a 100% fall');
  const r = analyse(bundled);
  const tiny: AnalysisResult = { ...r, events: fake(1000, 997, 0.5), harm: { ...fake(500, 499, 0.5), reduction: 1 - 499 / 500 }, busiestTenth: { ...r.busiestTenth, othersReduction: 0.003 } };
  assert.match(headline(tiny), /from 1,000 .* to 997 .*, a fall of less than 1%.*; total harm fell by less than 1%/);
  assert.match(SENTENCES.harmChange(tiny), /^Total harm fell by less than 1%, from 500 to 499 harm days\.$/);
  assert.match(sentence(tiny, 'sample'), / Without them, the others' arrests fell by less than 1%\.$/);
  assert.equal(sentence(tiny, 'change:events'), 'less than 1% fewer');
  assert.equal(sentence(tiny, 'change:harm'), 'less than 1% lower'); // not "less than 1% less" (a police leader)
  assert.equal(sentence({ ...tiny, events: fake(1000, 3, 0.01) }, 'change:events'), 'more than 99% fewer');
  // The short answer says it the same way.
  assert.match(sentence(tiny, 'answer:what'), /\(less than 1% fewer\)\.$/);
  assert.match(sentence(tiny, 'answer:harm'), /fell by less than 1%/);
  for (const text of [headline(tiny), SENTENCES.harmChange(tiny), sentence(tiny, 'sample'), sentence(tiny, 'answer:what'), sentence(tiny, 'answer:harm')]) assert.doesNotMatch(text, /\b0%|100%/, text);
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

test('a significant test whose interval takes in no change is called a weak signal, on Results and in the claim that arrests fell, as the Overview calls it', () => {
  const drugs = analyse(bundled, { window: 12, categories: ['drugs'] });
  assert.ok(drugs.events.test.p! < 0.05 && drugs.events.ci![0] < 0 && drugs.events.ci![1] > 0, 'the reviewer\'s view: p below 0.05, interval across 0');
  assert.match(significance(drugs.events), /is statistically significant \(.*\)\. But the 95% interval for the reduction, −(\d+)% to (\d+)%, that is from a rise of \1% to a fall of \2%, takes in no change, so it is a weak signal at best\.$/);
  assert.match(claimChecks(drugs).find((c) => c.id === 'events.fell')!.detail, /paired test p = 0\.0\d+, though the 95% interval for the reduction, −(\d+)% to (\d+)%, that is from a rise of \1% to a fall of \2%, takes in no change$/);
  // Across every view: the words follow the interval, and only when the test passes.
  for (const r of states) {
    for (const [m, measure] of [[r.events, 'events'], [r.harm, 'harm']] as const) {
      // an interval across no change, or none where there was something after the orders to bound, or
      // (arrests) fewer than 20 before the orders
      const thin = (m.ci !== null && m.ci[0] <= 0 && m.ci[1] >= 0) || (m.ci === null && m.reduction !== null && m.post !== m.pre && m.post !== 0) || (measure === 'events' && m.pre < 20);
      const text = significance(m, 'the change', measure);
      const weak = m.test.p !== null && m.test.p < 0.05 && thin && !/while the total/.test(text);
      assert.equal(/weak signal at best/.test(text), weak, text);
    }
  }
});

test('"greater in harm than in volume" is reproduced only where the sentences do not call the falls about the same', () => {
  const same = analyse(bundled, { window: 4, categories: ['drugs', 'other'] });
  const check = claimChecks(same).find((c) => c.id === 'harm.greater')!;
  assert.equal(check.holds, false);
  assert.match(check.detail, /: about the same$/);
  for (const r of states) {
    const c = claimChecks(r).find((k) => k.id === 'harm.greater')!;
    if (c.holds) assert.doesNotMatch(harmVersusVolume(r), /about the same/, harmVersusVolume(r));
    if (/about the same/.test(harmVersusVolume(r))) assert.notEqual(c.holds, true);
  }
});

test('no sentence, live value or table ever shows NaN, undefined, Infinity or null', () => {
  const empty = analyse(bundled, { categories: [] });
  for (const r of [...states, empty]) {
    const texts = [headline(r), significance(r.harm), trendSentence(r, 'events'), trendSentence(r, 'harm'), correlationSentence(r), announcement(r), harmVersusVolume(r)];
    for (const [name, f] of Object.entries(SENTENCES)) texts.push(f(r, name === 'trend' || name === 'categoriesAgainst' ? 'harm' : name === 'significance' ? 'events.drugs' : undefined));
    for (const path of ['events.pre', 'events.reduction', 'harm.ci', 'byCategory.drugs.events.test.p', 'trend.harm.slope', 'correlation.pearson.r']) texts.push(liveText(r, path, 'number'));
    for (const t of [resultsTable(r, 'events'), resultsTable(r, 'harm'), publishedTable(r)]) texts.push(t.caption, ...t.rows.flat());
    for (const t of texts) assert.doesNotMatch(t, /NaN|undefined|Infinity|null|\[object/, t);
  }
  assert.equal(headline(empty), EMPTY_VIEW);
  // said once, by the headline, not again by the test's sentence under it
  assert.equal(SENTENCES.significance(empty, 'events'), '');
});

test('the headline carries the engine\'s numbers', () => {
  const r = analyse(bundled);
  assert.match(headline(r), new RegExp(`from ${r.events.pre} in the 24 months before the order to ${r.events.post} in the 24 months after, a ${Math.round(100 * r.events.reduction!)}% fall`));
});

test('with a gap, the headline and the results tables say which months are left out; without one, nothing', () => {
  const gapped = analyse(bundled, { gap: 3 });
  assert.match(headline(gapped), /from \d+ in the 21 months analysed before the order to \d+ in the 21 months analysed after \(months 4 to 24 either side, leaving out the 3 months nearest the order\), a \d+% fall/);
  // Which months are counted, said beside the window (a police leader read "24 months … leaving out 4" as 24 counted).
  assert.match(resultsTable(gapped, 'events').caption, /before and after each order, leaving out the 3 months either side of it \(months 4 to 24 either side analysed\), /);
  assert.match(describeEventsByCategory(gapped), /each order, leaving out the 3 months either side of it \(months 4 to 24 either side analysed\), by category/);
  assert.match(describeEventsByCategory(analyse(bundled, { window: 4, gap: 3 })), /leaving out the 3 months either side of it \(month 4 either side analysed\), by category/);
  const plain = analyse(bundled);
  assert.doesNotMatch(headline(plain) + resultsTable(plain, 'harm').caption + describeEventsByCategory(plain), /leaving out/);
});

test('the interrupted time series in words never reads "n/a": a view too short to fit says why', () => {
  for (const r of states) {
    const text = SENTENCES.its(r);
    assert.doesNotMatch(text, /n\/a|NaN|undefined/, text);
    if (r.categories.length > 0 && r.its.events.level === null) assert.match(text, /cannot be fitted in this view: /, text);
  }
  assert.match(SENTENCES.its(analyse(bundled)), /^Before the order, arrests rose by 0\.258 a month \(p = 0\.00204; allowing for autocorrelation, p = 0\.011\)\. At the order, the fitted line of monthly arrests stepped down by 4\.02 arrests \(p = 0\.0152; allowing for autocorrelation, p = 0\.0486\), and its slope changed by −0\.585 a month/);
});

test('the claims checked, the pre-order slope and the step at the order never read "n/a": where a statistic cannot be computed, the engine\'s reason', () => {
  const empty = analyse(bundled, { window: 24, categories: [] });
  for (const r of [...states, empty]) {
    const texts = [SENTENCES.preTrend(r), SENTENCES.itsStep(r, 'events'), ...claimChecks(r).map((c) => c.detail)];
    for (const t of texts) assert.doesNotMatch(t, /n\/a|NaN|undefined|not available/, t);
  }
  const short = analyse(bundled, { window: 1, categories: bundled.categories });
  assert.equal(claimChecks(short).find((c) => c.id === 'trend.harm')!.detail, short.trend.harm.reason);
  assert.match(SENTENCES.preTrend(short), /^In this view, no line can be fitted to the months before the orders: /);
  assert.match(SENTENCES.itsStep(short, 'events'), /^In this view the time series cannot be fitted: /);
  const r = analyse(bundled);
  assert.equal(SENTENCES.preTrend(r), 'In this view, the line fitted to the months before the orders rises by 0.258 arrests a month (p = 0.00204; allowing for autocorrelation, p = 0.011).');
  // A slope its test cannot tell from flat is said so (a statistician: ?w=8&c=drugs, p = 0.91 for harm).
  const drugs = analyse(bundled, { window: 8, categories: ['drugs'] });
  assert.ok(drugs.its.events.preSlopeP! >= 0.05);
  assert.match(SENTENCES.preTrend(drugs), /, but not clearly \(p\s=\s[\d.]+; allowing for autocorrelation, p\s=\s[\d.]+\): the months show no clear trend before the orders\.$/);
  // and the time series' own sentence gives the same slope its p (a sweep: "rose by 0.0595 a month" alone)
  assert.match(SENTENCES.its(drugs), /^Before the order, arrests rose by 0\.0595 a month \(p = 0\.819; allowing for autocorrelation, p = 0\.742, not a clear trend\)\./);
  assert.match(SENTENCES.its(drugs), /a pre-order slope of −6\.02 a month \(p = 0\.908; allowing for autocorrelation, p = 0\.909, not a clear trend\)/);
  // two months a side: no p, no trend, and not "flat" either
  const two = analyse(bundled, { window: 2, categories: ['modern_slavery'] });
  assert.match(SENTENCES.preTrend(two), /but it cannot be tested, so it shows no clear trend before the orders\.$/);
  assert.doesNotMatch(sentence(two, 'itsNotes'), /is flat/);
  assert.match(SENTENCES.itsStep(r, 'events'), /^In this view the time series finds a drop of 4\.02 in monthly arrests at the order \(p = 0\.0152 treating the months as independent; p = 0\.0486 allowing for /);
  assert.equal(SENTENCES.preTrend(empty), '');
});

test('the direction in words and the noun after the size as printed: "falls by 1.00 arrests a month" (an estimate keeps three digits), "a drop of 1.50"', () => {
  const r = analyse(bundled);
  const slope = (preSlope: number, level: number): AnalysisResult => ({ ...r, its: { ...r.its, events: { ...r.its.events, preSlope, level } } });
  assert.equal(SENTENCES.preTrend(slope(-1.0004, -1)), 'In this view, the line fitted to the months before the orders falls by 1.00 arrests a month (p = 0.00204; allowing for autocorrelation, p = 0.011).');
  assert.equal(SENTENCES.preTrend(slope(1, 1)), 'In this view, the line fitted to the months before the orders rises by 1.00 arrests a month (p = 0.00204; allowing for autocorrelation, p = 0.011).');
  assert.equal(SENTENCES.preTrend(slope(0, 1)), 'In this view, the line fitted to the months before the orders is flat.');
  assert.match(SENTENCES.itsStep(slope(-1, -1), 'events'), /finds a drop of 1\.00 in monthly arrests at the order \(/);
  // A rise at the order says so, and a rising line before it makes a rise look smaller, not larger.
  assert.match(SENTENCES.itsStep(slope(1, 2.8), 'events'), /finds a rise of 2\.80 in monthly arrests at the order \(.*which makes the rise look smaller than it would without that spell\.$/);
  assert.match(SENTENCES.itsStep(slope(1, -2.8), 'events'), /which makes the drop look larger than it would without that spell\.$/);
  assert.doesNotMatch(SENTENCES.itsStep(slope(1, 2.8), 'events'), /own effect/);
  assert.match(SENTENCES.itsStep(slope(-1, -1.5), 'events'), /a drop of 1\.50 in monthly arrests/);
  // For harm (Conclusions, beside the article's "gradual rather than stepped"): the harm series' own step and p-values.
  const study = analyse(bundled);
  assert.ok(study.its.harm.level! < 0 && study.its.harm.levelP! < 0.001);
  const harmStep = SENTENCES.itsStep(study, 'harm').replace(/\s/g, ' ');
  const begins = `In this view the time series finds a drop of ${formatEstimate(-study.its.harm.level!)} in monthly harm (harm days) at the order (p < 0.001 treating the months as independent; p = ${formatP(study.its.harm.levelPHac!)} allowing for`;
  assert.ok(harmStep.startsWith(begins), `${harmStep}\n${begins}`);
  assert.match(SENTENCES.preTrend(slope(-2, -2)), /falls by 2\.00 arrests a month \(p = 0\.00204; allowing for autocorrelation, p = 0\.011\)\.$/);
});

test('a fall in words: an 8%, 11%, 18% or 80–89% fall, a rise called a rise, a change that rounds to nothing or to everything said as less than 1% or more than 99%', () => {
  assert.deepEqual([0.08, 0.11, 0.18, 0.8, 0.85, -0.08, 0.07, -0.07, 0.5, 8].map(fallWords), ['an 8% fall', 'an 11% fall', 'an 18% fall', 'an 80% fall', 'an 85% fall', 'an 8% rise', 'a 7% fall', 'a 7% rise', 'a 50% fall', 'an 800% fall']);
  assert.equal(fallWords(0), 'a 0% change');
  assert.equal(fallWords(-0.001), 'a rise of less than 1%');
  assert.equal(fallWords(0.004), 'a fall of less than 1%');
  assert.equal(fallWords(0.996), 'a fall of more than 99%');
  assert.equal(fallWords(1), 'a 100% fall');
  assert.deepEqual(fallPieces(0.004), ['a fall of ', 'less than 1%', '']);
  assert.deepEqual(fallPieces(-0.18), ['an ', '18%', ' rise']);
});

test('the line under the headline names the people, the window and, with a gap, the months left out', () => {
  assert.equal(SENTENCES.headlineContext(analyse(bundled)), 'Arrests of the 41 people in the analysis in the 24 months before and after their order.');
  assert.equal(SENTENCES.headlineContext(analyse(bundled, { window: 1, categories: bundled.categories })), 'Arrests of the 41 people in the analysis in the 1 month before and after their order.');
  assert.equal(SENTENCES.headlineContext(analyse(bundled, { window: 12, categories: bundled.categories, gap: 3 })), 'Arrests of the 41 people in the analysis in the 12 months before and after their order, leaving out the 3 months either side of it (months 4 to 12 either side analysed).');
  // Not all categories: which, beside the headline's numbers (and its "(study's view: 210)").
  assert.equal(SENTENCES.headlineContext(analyse(bundled, { categories: ['violence'] })), 'Arrests of the 41 people in the analysis, for violence only, in the 24 months before and after their order.');
  assert.equal(SENTENCES.headlineContext(analyse(bundled, { window: 6, categories: ['drugs', 'other'] })), 'Arrests of the 41 people in the analysis, for drugs and other offences only, in the 6 months before and after their order.');
});

test('the harm-versus-volume check names what is missing: no harm before the orders is not "no arrests"', () => {
  const noHarm = analyse({ ...bundled, events: bundled.events.map((e) => ({ ...e, harm: 0 })) });
  assert.notEqual(noHarm.events.reduction, null);
  assert.equal(noHarm.harm.reduction, null);
  assert.equal(claimChecks(noHarm).find((c) => c.id === 'harm.greater')!.detail, 'no harm before the orders to measure a fall from');
  const empty = analyse(bundled, { window: 24, categories: [] });
  assert.equal(claimChecks(empty).find((c) => c.id === 'harm.greater')!.detail, 'no category selected');
});

test('with a gap, the trend sentence names the months it was fitted to, not the whole window', () => {
  const six = analyse(bundled, { window: 6, gap: 2 });
  assert.equal(six.trend.harm.tau !== null && Math.round(100 * six.trend.harm.tau) / 100, 0.67, 'fitted to months 3 to 6');
  const harm = trendSentence(six, 'harm');
  assert.match(harm, /^Over months 3 to 6 after the order \(months 1 and 2 left out\), monthly harm rose by /);
  assert.match(harm, / With only 4 months analysed after the order, these tests say little\.$/);
  assert.doesNotMatch(harm, /6 months/);
  const high = analyse(bundled, { gap: 12, weights: 'high' });
  for (const which of ['events', 'harm'] as const) {
    const t = trendSentence(high, which);
    assert.match(t, /^Over months 13 to 24 after the order \(months 1 to 12 left out\), monthly /, t);
    assert.doesNotMatch(t, /24 months|say little/, t);
  }
  assert.match(trendSentence(analyse(bundled, { window: 4, gap: 1 }), 'events'), /^Over months 2 to 4 after the order \(month 1 left out\), /);
  // without a gap, unchanged
  assert.match(trendSentence(analyse(bundled), 'harm'), /^Over the 24 months after the order, monthly harm declined/);
});

test('the claims of significance in every category say which p they read, and the Holm-adjusted verdict beside it', () => {
  // the reviewer's view: every unadjusted p below 0.05, Holm's above it for violence and drugs
  const r = analyse(bundled, { window: 9, categories: ['violence', 'drugs', 'other'], weights: 'high', wilcoxon: 'legacy' });
  const harm = claimChecks(r).find((c) => c.id === 'harm.significant')!;
  const above = r.categories.filter((c) => r.byCategory[c].harm.test.pAdjusted! >= 0.05);
  assert.equal(harm.holds, true);
  assert.ok(above.length > 0, 'the view has a category above 0.05 after adjustment');
  assert.match(harm.detail, new RegExp(`^all 4 tests p < 0\\.05, unadjusted, since the article names no adjustment; after Holm's adjustment across the 3 categories, ${above.length} of them ha(s|ve) no significant fall; in violence the 95% interval for the reduction takes in no change$`));
  // Graded as such: with a category out of the view, "every category" is only weakly reproduced (a statistician).
  assert.equal(harm.weak, true);
  // the study's view: adjusted p below 0.05 in every category too
  const study = claimChecks(analyse(bundled)).find((c) => c.id === 'events.significant')!;
  assert.equal(study.detail, "all 5 tests p < 0.05, unadjusted, since the article names no adjustment; every category's Holm-adjusted p is below 0.05 too");
  // A category with nothing to test (?gap=23, legacy: modern slavery 0 → 0) does not make the claim
  // uncheckable where the tests that run already fail it; it is said apart, not counted as failing.
  const gap = analyse(bundled, { gap: 23, wilcoxon: 'legacy' });
  assert.equal(gap.byCategory.modern_slavery.events.test.p, null);
  const sig = claimChecks(gap).find((c) => c.id === 'events.significant')!;
  assert.equal(sig.holds, false);
  assert.match(sig.detail, /^\d of the 4 tests find no significant fall; 1 cannot be run/);
  // A significant rise is no significant fall, adjusted or not.
  // (The study's view with drugs made a significant rise, as a reader's own data gave: 0 → 62.)
  const base = analyse(bundled);
  const drugs = base.byCategory.drugs.events;
  const rise = { ...base, byCategory: { ...base.byCategory, drugs: { ...base.byCategory.drugs, events: { ...drugs, pre: 0, post: 62, test: { ...drugs.test, p: 0.001, pAdjusted: 0.003 } } } } };
  assert.match(claimChecks(rise).find((c) => c.id === 'events.significant')!.detail, /^1 of the 5 tests finds no significant fall, unadjusted, since the article names no adjustment; after Holm's adjustment across the 4 categories, 1 of them has no significant fall$/);
  // Nor is a test significant by rank for rises beside a total that fell (a few large falls, many small rises): its
  // V below its centre (here 0, every changed person's rank on the rises' side) points to rises, as the curve counts it.
  const pointsUp = { ...base, byCategory: { ...base.byCategory, drugs: { ...base.byCategory.drugs, events: { ...drugs, test: { ...drugs.test, V: 0, p: 0.001, pAdjusted: 0.003 } } } } };
  assert.ok(pointsUp.byCategory.drugs.events.post < pointsUp.byCategory.drugs.events.pre);
  assert.equal(claimChecks(pointsUp).find((c) => c.id === 'events.significant')!.holds, false);
  assert.match(claimChecks(pointsUp).find((c) => c.id === 'events.significant')!.detail, /^1 of the 5 tests finds no significant fall, unadjusted, since the article names no adjustment; after Holm's adjustment across the 4 categories, 1 of them has no significant fall/);
  // All of the categories without a significant fall after adjusting are "neither" or "none", not "4 of them"; and where no
  // test finds a fall before adjusting, the adjustment is not said at all (a copy-editor at ?w=1 and ?w=2&c=modern_slavery,other).
  const detail = (view: Parameters<typeof analyse>[1], id: string) => claimChecks(analyse(bundled, view)).find((c) => c.id === id)!.detail;
  assert.match(detail({ window: 2, categories: ['modern_slavery', 'other'] }, 'harm.significant'), /after Holm's adjustment across the 2 categories, neither has a significant fall$/);
  assert.match(detail({ window: 6, gap: 2 }, 'harm.significant'), /after Holm's adjustment across the 4 categories, none of them has a significant fall$/);
  // Where only the overall test finds a fall, Holm's adjustment (across the categories) has nothing to remove (a re-check at ?w=6&gap=2).
  assert.match(detail({ window: 6, gap: 2 }, 'events.significant'), /^4 of the 5 tests find no significant fall, unadjusted, since the article names no adjustment; no category's own test finds one, so adjusting across them changes nothing$/);
  assert.equal(detail({ window: 1 }, 'events.significant'), 'none of the 5 tests finds a significant fall');
  // one category: the overall test is that category's, so one test (not "all 2 tests"), and nothing to adjust
  for (const [view, words] of [[{ categories: ['violence'] }, 'one test, p < 0.05'], [{ window: 3, categories: ['modern_slavery'] }, 'one test, not a significant fall']] as const) {
    const r1 = analyse(bundled, view);
    assert.equal(r1.events.test.p, r1.byCategory[r1.categories[0]].events.test.p, 'the same test');
    // where the claim holds, the categories out of the view are said to be unchecked
    assert.equal(claimChecks(r1).find((c) => c.id === 'events.significant')!.detail, `${words}: with one category, the overall test is that category's${words === 'one test, p < 0.05' ? '; the 3 categories not in this view are not checked' : ''}`);
  }
});

test('the view in words names every part of the view: window, categories, gap, harm weights and paired test', () => {
  assert.equal(viewWords(analyse(bundled, {})), '24 months before and after, modern slavery, violence, drugs and other offences, with the paired test as current R');
  assert.equal(
    viewWords(analyse(bundled, { window: 6, gap: 1, weights: 'low', wilcoxon: 'legacy', categories: ['violence', 'drugs'] })),
    "6 months before and after, violence and drugs, leaving out the 1 month either side of the order, harm from the harm index's low weights, with the paired test as R 4.5 and earlier",
  );
  assert.equal(viewWords(analyse(bundled, { window: 12, gap: 3, categories: [] })), '12 months before and after, no categories, leaving out the 3 months either side of the order, with the paired test as current R');
});

test('the announcement of a change of view names a gap, weights and the legacy test, so a change of those alone is heard', () => {
  assert.equal(announcement(analyse(bundled, {})), "24 months, modern slavery, violence, drugs and other offences: 210 arrests before, 93 after, a 56% fall; harm: an 83% fall.");
  const legacy = announcement(analyse(bundled, { wilcoxon: 'legacy' }));
  assert.notEqual(legacy, announcement(analyse(bundled, {})));
  assert.match(legacy, /^24 months, Wilcoxon as R 4\.5 and earlier, modern slavery/);
  assert.match(announcement(analyse(bundled, { window: 3, gap: 1, weights: 'low' })), /^3 months, leaving out 1 month either side, low harm weights, modern slavery/);
  assert.equal(announcement(analyse(bundled, { window: 12, categories: [] })), '12 months: no category selected.');
});

test('a significant paired test that leans against the change in the total says which way it points', () => {
  // Which way the test leans is worked out here from each person's before and after, ranked as R
  // ranks them (average ranks; under current R with fewer than 50 pairs the zeros take the lowest
  // ranks and count in neither sum, otherwise they are dropped), not from the engine's V.
  const averageRanks = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const ranks = new Array<number>(xs.length);
    for (let k = 0; k < order.length;) {
      let j = k;
      while (j + 1 < order.length && order[j + 1][0] === order[k][0]) j++;
      for (let t = k; t <= j; t++) ranks[order[t][1]] = (k + j + 2) / 2;
      k = j + 1;
    }
    return ranks;
  };
  let against = 0;
  let checked = 0;
  for (const wilcoxon of ['current', 'legacy'] as const) {
    for (const weights of [undefined, 'low'] as const) {
      for (let window = 3; window <= bundled.span; window += 3) {
        for (const gap of [0, Math.floor(window / 2)]) {
          for (const categories of subsets) {
            const r = analyse(bundled, { window, gap, categories, weights, wilcoxon });
            for (const measure of ['events', 'harm'] as const) {
              const m = r[measure];
              if (m.test.p === null || m.test.p >= 0.05) continue;
              const d = r.perOrder.map((o) => (measure === 'events' ? o.eventsPre - o.eventsPost : o.harmPre - o.harmPost));
              const kept = wilcoxon === 'current' && d.length < 50 ? d : d.filter((x) => x !== 0);
              const ranks = averageRanks(kept.map(Math.abs));
              const up = kept.reduce((s, x, i) => (x > 0 ? s + ranks[i] : s), 0);
              const down = kept.reduce((s, x, i) => (x < 0 ? s + ranks[i] : s), 0);
              assert.equal(up, m.test.V, 'V is the ranks of the falls');
              const lean = Math.sign(up - down);
              const total = Math.sign(m.pre - m.post);
              const text = sentence(r, `significance:${measure}`);
              checked++;
              if (lean !== 0 && lean !== total) {
                against++;
                assert.match(text, new RegExp(`but it points to ${lean > 0 ? 'falls' : 'rises'} while the total ${total > 0 ? 'fell' : 'rose'}|although the total did not change`), text);
                assert.ok(text.includes(`${m.sign.fewer} of the ${m.sign.n} people whose`), text);
              } else {
                assert.doesNotMatch(text, /points to|although the total/, text);
              }
            }
          }
        }
      }
    }
  }
  assert.ok(against >= 5, `only ${against} views where the test leans against the total (of ${checked})`);
  // A reviewer's case: total harm rose 14% while 21 of the 28 people whose harm changed had less.
  const r = analyse(bundled, { window: 21, gap: 3, categories: ['violence'] });
  assert.equal(sentence(r, 'significance:harm'), 'The change in harm is statistically significant (Wilcoxon signed-rank V = 547.5, p = 0.031), but it points to falls while the total rose: '
    + "the test ranks each person's change by size, and by rank the falls outweigh the rises (21 of the 28 people whose harm changed had less after); the 7 rises were large enough to carry the total up.");
});

// ---- views with little or nothing to count, and the words that follow the view's own rule and sample

test('with a gap of 23, the headline counts the one month analysed either side, not "the 24 months"', () => {
  const r = analyse(bundled, { categories: ['modern_slavery'], gap: 23 });
  assert.equal(headline(r), 'Across the 41 analysed orders, arrests for modern slavery were 0 in the 1 month analysed before the order and 0 in the 1 month analysed after (month 24 either side, leaving out the 23 months nearest the order), no change (none before or after); with no arrests before the orders, there is no harm before them to compare with either.');
  assert.doesNotMatch(headline(r), /24 months (before|after)/);
  // the handles are the window and the gap, as without a gap
  const paths = sentencePaths(r, 'headline');
  assert.ok(paths.includes('window') && paths.includes('gap'), paths.join());
});

test('the headline in large type, with no category chosen, says nothing was counted, and with no arrests, none before or after, not "no change"', () => {
  const r = analyse(bundled, { categories: [] });
  assert.equal(sentence(r, 'change:events'), 'none counted');
  assert.equal(sentence(r, 'change:harm'), 'none counted');
  assert.equal(sentence(r, 'headlineContext'), EMPTY_VIEW);
  // a view with categories but no arrests says there was none to compare, for arrests and harm alike
  // (a reviewer: "harm no change" beside "harm cannot be compared")
  const none = analyse(bundled, { categories: ['modern_slavery'], gap: 23 });
  assert.equal(none.events.pre + none.events.post, 0);
  assert.equal(sentence(none, 'change:events'), 'none before or after');
  assert.equal(sentence(none, 'change:harm'), 'none before or after');
});

test('a missing interval has one reason in the headline: the engine\'s, and the few-arrests warning does not add another', () => {
  const r = analyse(bundled, { window: 2, categories: ['violence'], gap: 1 });
  assert.equal(r.events.ci, null);
  const text = headline(r);
  assert.ok(text.includes(`(no 95% interval: ${r.events.bootstrap.reason})`), text);
  assert.ok(text.endsWith(' Only 8 arrests before the orders in this view, so read the change as a rough indication at best.'), text);
  assert.doesNotMatch(text, /too few to put an interval/);
});

test('person by person: the zeros are said as the view\'s rule treats them (Pratt under current R below 50 people, set aside otherwise)', () => {
  const current = analyse(bundled);
  assert.equal(current.events.test.zeros, 7);
  const now = sentence(current, 'pairedPeople');
  assert.match(now, /ranks them with the others and then leaves them out of V \(Pratt's treatment\)/);
  assert.match(now, /the test for arrests ranks all 41 people, and the 7 whose count did not change add nothing to V\.$/);
  assert.doesNotMatch(now, /uses 34 of/);
  const legacy = analyse(bundled, { wilcoxon: 'legacy' });
  assert.match(sentence(legacy, 'pairedPeople'), /The test as R 4\.5 and earlier computes it sets them aside before ranking: in this view the test for arrests uses 34 of the 41 people, those whose count changed\.$/);
  // with nobody's count changed, the test has nothing to weigh
  assert.match(sentence(analyse(bundled, { categories: ['modern_slavery'], gap: 23 }), 'pairedPeople'), /none of the 41 people has a different count of arrests before and after, so the test has no change to weigh\.$/);
  // the numbers are handles
  assert.deepEqual(sentencePaths(current, 'pairedPeople'), ['orders', 'events.test.zeros']);
});

test('a selected sample: the words follow the counts (no "Only" when all were analysed, no group of 0), and the busiest tenth\'s share is the data\'s', () => {
  const r = analyse(bundled);
  const text = sentence(r, 'sample');
  assert.ok(text.startsWith('Only 41 of 114 orders could be analysed. The 65 orders too recent for the follow-up and the 8 with unusable data might differ from the rest. '), text);
  // the 4 people (about a tenth) with the most arrests before: their share, counted here from perOrder
  const top = r.perOrder.map((o) => o.eventsPre).sort((a, b) => b - a).slice(0, 4).reduce((a, b) => a + b, 0);
  // and the others' change without them, counted here from perOrder too (ties at the cut: the earlier person is the busier)
  const ranked = r.perOrder.map((o, k) => ({ o, k })).sort((a, b) => b.o.eventsPre - a.o.eventsPre || a.k - b.k);
  const rest = ranked.slice(4).map(({ o }) => o);
  const restFall = 1 - rest.reduce((a, o) => a + o.eventsPost, 0) / rest.reduce((a, o) => a + o.eventsPre, 0);
  assert.ok(restFall > 0);
  assert.ok(text.endsWith(`Of the 41 people in this view, the 4 (about a tenth) with the most arrests before their orders account for ${Math.round((100 * top) / r.events.pre)}% of the 210 arrests before the orders. Without them, the others' arrests fell by ${Math.round(100 * restFall)}%.`), text);
  // Fewer people arrested before than make a tenth (2 of the 4 here, so two of "the busiest" would have
  // had no arrest at all, picked arbitrarily; a reviewer): said as it is, with no tenth and no change.
  const few = analyse(bundled, { window: 1, categories: ['modern_slavery'] });
  assert.equal(few.perOrder.filter((o) => o.eventsPre > 0).length, 2);
  assert.match(sentence(few, 'sample'), / Of the 41 people in this view, only 2 people were arrested before the order \(3 arrests in all\), fewer than the 4 who make a tenth of them, so the busiest tenth cannot be set apart from the rest\.$/);
  // No arrests before: said, not a share of none.
  assert.match(sentence(analyse(bundled, { categories: ['modern_slavery'], gap: 23 }), 'sample'), / In this view none of the 41 people was arrested before the order\.$/);
});

test('leave-one-out: "at" when the two ends read the same, and in words (never "n/a") when there is nothing to move', () => {
  // (a view where 10 or more people have an arrest, so the range is said: see the thin-view test for fewer)
  const r = analyse(bundled, { window: 21, categories: ['modern_slavery'], gap: 10 });
  assert.equal(r.leaveOneOut.events.min, r.leaveOneOut.events.max);
  assert.equal(sentence(r, 'leaveOneOutRange'), 'keeps the reduction in arrests at 100%');
  assert.equal(sentence(r, 'leaveOneOut'), 'Leaving each analysed person out in turn, the overall reduction in arrests stays at 100% (with everyone: 100%); for harm, at 100%.');
  const study = analyse(bundled);
  assert.equal(sentence(study, 'leaveOneOut'), 'Leaving each analysed person out in turn, the overall reduction in arrests stays between 54% and 59% (with everyone: 56%); for harm, between 81% and 85%.');
  const none = analyse(bundled, { categories: ['modern_slavery'], gap: 23 });
  assert.equal(sentence(none, 'leaveOneOut'), 'Leaving each person out in turn has nothing to move in this view: there were no arrests before the orders, so there is no reduction in arrests to begin with.');
  assert.equal(sentence(none, 'leaveOneOutRange'), 'has nothing to move in this view, as there were no arrests before the orders');
  for (const s of states) for (const name of ['leaveOneOut', 'leaveOneOutRange']) assert.doesNotMatch(sentence(s, name), /n\/a|between (\S+) and \1\b/, `${name}: ${sentence(s, name)}`);
});

test('the time series\' caveats about its p-values and its dashed line are said only where a line was fitted', () => {
  const none = analyse(bundled, { categories: ['modern_slavery'], gap: 23 });
  assert.match(sentence(none, 'its'), /^The two lines cannot be fitted in this view/);
  assert.equal(sentence(none, 'itsNotes'), '');
  assert.match(sentence(analyse(bundled), 'itsNotes'), /^Monthly counts of the same people can be autocorrelated, .* The first p-value of each pair assumes the months are independent; the second, from Newey–West standard errors, lets each month's error be correlated with those of the 3 months before it\. It is meant for long series, and in one of this length it still tends to come out too small .* so it is a second opinion, not the answer, and a step is clear only when both p-values are below 0\.01 \(between 0\.01 and 0\.05 it is only just below, too near for tests that find steps where there are none this often; in a series of fewer than 30 months, not even then\)\./);
  // Not said as a fact of every view: a reviewer found no autocorrelation at ?w=12&c=violence,drugs.
  assert.doesNotMatch(sentence(analyse(bundled), 'itsNotes'), /are autocorrelated|one to read/);
});

test('the Newey–West p-value is never called the one to read, and never makes a step clear on its own, in a short series or a long one', () => {
  // ?w=3&c=other: 6 months, 4 coefficients, lag 2. The adjusted p (0.031) is below the plain one (0.070).
  const r = analyse(bundled, { window: 3, categories: ['other'] });
  assert.ok(r.its.events.levelP! >= 0.05 && r.its.events.levelPHac! < 0.05);
  assert.doesNotMatch(sentence(r, 'itsNotes'), /one to read/);
  assert.match(sentence(r, 'itsNotes'), /With only 6 months in the series, Newey–West standard errors are themselves too small \(they are meant for long series\), so neither p-value can be relied on here\./);
  assert.match(sentence(r, 'itsStep:events'), /: not clear when the months are treated as independent; the Newey–West p-value is below 0\.05, but with only 6 months it cannot be relied on[;.]/);
  // The derivation of the adjusted p says so too.
  assert.match(derive(r, bundled, 'its.events.levelPHac')?.meaning ?? '', /With only 6 months, Newey–West standard errors are themselves too small .* so this p-value cannot be relied on either\./);
  assert.doesNotMatch(derive(analyse(bundled), bundled, 'its.events.levelPHac')?.meaning ?? '', /relied on/);
  // 30 months and more (?w=15): a second opinion, not the one to read.
  assert.match(sentence(analyse(bundled, { window: 15 }), 'itsNotes'), /so it is a second opinion, not the answer, and a step is clear only when both p-values are below 0\.01 \(between 0\.01 and 0\.05 it is only just below, too near for tests that find steps where there are none this often; in a series of fewer than 30 months, not even then\)\./);
  assert.doesNotMatch(sentence(analyse(bundled, { window: 14 }), 'itsNotes'), /one to read/);
  // A long series whose step is clear only by Newey–West (a reviewer's ?w=21&c=other, harm: 0.264 and 0.00589) is not a clear step.
  const long = analyse(bundled, { window: 21, categories: ['other'] });
  assert.ok(long.its.harm.levelP! >= 0.05 && long.its.harm.levelPHac! < 0.05);
  assert.match(sentence(long, 'itsStep:harm'), /: not clear when the months are treated as independent; the Newey–West p-value is below 0\.05, but in a series of 42 months it tends to come out too small, so not a clear step[;.]/);
  assert.doesNotMatch(sentence(long, 'itsStep:harm'), /clear once their correlation is allowed for/);
});

test('with months left out around the order, the time series says which months its Newey–West p-values take as neighbours', () => {
  assert.doesNotMatch(sentence(analyse(bundled), 'itsNotes'), /neighbours/);
  assert.match(sentence(analyse(bundled, { gap: 6 }), 'itsNotes'), /The months left out around the order are skipped: month −7 and month 7 count as neighbours\. /);
  const d = derive(analyse(bundled, { gap: 6 }), bundled, 'its.events.levelPHac');
  assert.match(d?.meaning ?? '', /month −7 next to month 7: the months left out around the order are skipped/);
  assert.match(derive(analyse(bundled), bundled, 'its.harm.slopeChangePHac')?.meaning ?? '', /month −1 next to month 1\.$/);
});

/** The result paths of a named sentence's handles, in order. */
function sentencePaths(r: AnalysisResult, name: string): string[] {
  return sentenceParts(r, name).flatMap((s) => (typeof s === 'string' ? [] : [s.path]));
}

test('harm against volume on Results says a shift in seriousness as the point estimates only, where the change in harm is uncertain', () => {
  // The study's view: harm p < 0.05 and an interval of falls only, so the firm words stand.
  assert.equal(SENTENCES.harmVersusVolume(analyse(bundled)), 'The fall in harm (83%) is larger than the fall in arrests (56%): the arrests that remained after the orders were, on average, for less harmful offences.');
  // Two months of violence: harm p = 0.422, interval from a rise to a fall.
  assert.equal(SENTENCES.harmVersusVolume(analyse(bundled, { window: 2, categories: ['violence'] })), 'The fall in harm (70%) is larger than the fall in arrests (44%): the point estimates suggest that the arrests that remained after the orders were, on average, for less harmful offences, but the change in harm is uncertain (95% interval for the reduction −243% to 98%, that is from a rise of 243% to a fall of 98%, p = 0.422).');
  // One month (?w=1): harm fell with p = 0.812 while arrests rose.
  assert.match(SENTENCES.harmVersusVolume(analyse(bundled, { window: 1 })), /^Harm fell by 91% while arrests show a 10% rise: the point estimates put the fall in harm alone, .* but the change in harm is uncertain \(the two checks disagree: the paired test cannot tell it from chance, p = 0\.812, although the 95% interval for the reduction, 18% to 98%, is clear of no change\)\.$/);
});

test('a claim is "reproduced" in a view, never "holds": the synthetic data match the study by construction', () => {
  assert.equal(sentence(analyse(bundled), 'verdict:events.fell'), 'Reproduced in this view (210 → 93, paired test p\u00a0<\u00a00.001).');
  // A fall the paired test cannot tell from chance is only weakly reproduced, in the verdict's first
  // words (a reader reads the bold claim and its first word, not the brackets), and says why beside
  // its totals (?w=4&c=other: 12 → 3; the leader's ?w=3: 37 → 23, p = 0.12).
  for (const thin of [analyse(bundled, { window: 4, categories: ['other'] }), analyse(bundled, { window: 3 })]) {
    assert.ok(thin.events.post < thin.events.pre && thin.events.test.p! >= 0.05);
    assert.match(sentence(thin, 'verdict:events.fell'), /^Only weakly reproduced in this view \(\d+ → \d+, paired test p = 0\.\d+, not a significant fall\)\.$/);
    assert.match(publishedTable(thin).rows.find((row) => row[0] === 'Arrests fell after the orders')![2], /^Only weakly reproduced in the synthetic data for this view \(/);
  }
  // So is one whose test passes but whose interval takes in no change (?w=12&c=drugs).
  assert.match(sentence(analyse(bundled, { window: 12, categories: ['drugs'] }), 'verdict:events.fell'), /^Only weakly reproduced in this view \(.*takes in no change\)\.$/);
  const rise = analyse(bundled, { window: 2, categories: ['modern_slavery'] });
  for (const id of ['events.fell', 'events.significant', 'harm.significant', 'trend.harm', 'trend.events', 'harm.greater', 'correlation']) {
    for (const r of [analyse(bundled), rise]) assert.match(sentence(r, `verdict:${id}`), /^(Reproduced|Only weakly reproduced|Not reproduced|Cannot be checked) in this view/, id);
  }
});

test('Conclusions\' brief trend and correlation are the full sentences without their second test', () => {
  for (const r of [analyse(bundled), analyse(bundled, { window: 12, categories: ['violence'] }), analyse(bundled, { window: 2 })]) {
    for (const which of ['events', 'harm'] as const) {
      const brief = sentence(r, `trendBrief:${which}`);
      // the full sentence less its Kendall's τ (a short window's "these tests say little" follows τ in both)
      // (where the line cannot be tested, the brief one quotes no test, so it leaves out that "these tests say little" too)
      const full = sentence(r, `trend:${which}`).replace(/ Kendall's τ = .*?later months[^.]*\./, '');
      assert.equal(r.trend[which].p === null ? full.replace(/ With only .* these tests say little\.$/, '') : full, brief, which);
      if (r.trend[which].p === null) assert.doesNotMatch(brief, /these tests/);
      assert.doesNotMatch(brief, /Kendall|τ/);
    }
    const brief = sentence(r, 'correlationBrief');
    assert.ok(sentence(r, 'correlation').startsWith(brief));
    assert.doesNotMatch(brief, /Spearman|ρ/);
  }
  const conclusions = readFileSync(new URL('../src/pages/conclusions.mdx', import.meta.url), 'utf8');
  assert.doesNotMatch(conclusions, /<Say what="(significance:|trend:|correlation")/, 'the tests themselves are on Results and Trends');
});

test('Method says "leaves no gap", never "leaves out 0 months"', () => {
  assert.equal(sentence(analyse(bundled), 'windowGap'), 'The current view uses 24 months and leaves no gap around the order.');
  assert.equal(sentence(analyse(bundled, { window: 12, gap: 1 }), 'windowGap'), 'The current view uses 12 months and leaves out 1 month either side of the order.');
  const parts = sentenceParts(analyse(bundled, { window: 12, gap: 3 }), 'windowGap').filter((s) => typeof s !== 'string');
  assert.deepEqual(parts.map((s) => typeof s === 'string' ? s : [s.text, s.path]), [['12', 'window'], ['3', 'gap']]);
});

test('the Results harm table names the harm weights of the view, not only the view bar', () => {
  assert.match(resultsTable(analyse(bundled), 'harm').caption, /^Total harm \(CCHI days, illustrative weights\): 24 months/);
  assert.match(resultsTable(analyse(bundled, { weights: 'low' }), 'harm').caption, /^Total harm \(CCHI days; the illustrative index's low weights\): /);
  assert.match(resultsTable(analyse(bundled, { weights: 'high' }), 'harm').caption, /^Total harm \(CCHI days; the illustrative index's high weights\): /);
  // A reader's own source of harm, with the weights of their index.
  assert.match(resultsTable(analyse(bundled, { weights: 'central' }), 'harm', 'days, from your harm index mine.csv, by offence').caption, /^Total harm \(days, from your harm index mine\.csv, by offence; its central weights\): /);
});

test('the busiest tenth: where people tied at the cut make the others\' change depend on who counts as busiest, the sentence says so, with the range', () => {
  // ?w=3&c=other: 2 people tied at the cut are left out; the others' reduction is 0% as computed, but 0% to 50% over the choice.
  const r = analyse(bundled, { window: 3, categories: ['other'] });
  assert.equal(r.busiestTenth.tiedOut, 2);
  assert.match(sentence(r, 'sample'), /Without them, the others' arrests did not change\. Which of the people tied at the cut count as busiest matters here: 2 people had as many arrests before as the last person in the tenth but were left out of it, and over every choice the others' arrests did not change, or fell by up to 50%\.$/);
  // A rise is said as a rise: ?w=1, the others' arrests rose by 200%, or by 133% with another choice.
  assert.match(sentence(analyse(bundled, { window: 1 }), 'sample'), /the others' arrests rose by 200%\. .* over every choice the others' arrests rose by 133% to 200%\.$/);
  // The study's view has no tie at the cut: nothing added.
  assert.doesNotMatch(sentence(analyse(bundled), 'sample'), /tied/);
});

test('harm against arrests on Conclusions says each change with its direction, never a rise as "−33%" beside a fall', () => {
  const r = analyse(bundled, { window: 1, categories: ['modern_slavery'] });
  assert.ok(r.events.reduction! < 0 && r.harm.reduction! > 0);
  const detail = claimChecks(r).find((c) => c.id === 'harm.greater')!.detail;
  assert.match(detail, /^harm fell \d+%, arrests rose \d+%; the change in harm is uncertain: /);
  assert.doesNotMatch(detail, /−/);
  assert.match(claimChecks(analyse(bundled)).find((c) => c.id === 'harm.greater')!.detail, /^harm fell 83%, arrests fell 56%$/);
});

test('Method\'s example of the two Wilcoxon rules parting ways holds: 8 months of drug arrests, current R below 0.05 and the older rule above 0.1', () => {
  const method = readFileSync(new URL('../src/pages/method.mdx', import.meta.url), 'utf8');
  assert.ok(method.includes("with 8 months of drug arrests, current R's *p* is below 0.05 and the older rule's above 0.1"));
  const view = { window: 8, categories: ['drugs'] };
  assert.ok(analyse(bundled, { ...view, wilcoxon: 'current' }).events.test.p! < 0.05);
  assert.ok(analyse(bundled, { ...view, wilcoxon: 'legacy' }).events.test.p! > 0.1);
});

test('a significant rank correlation beside a linear one that is not is reconciled in words, and only then', () => {
  const drugs = analyse(bundled, { window: 12, categories: ['drugs'] });
  assert.ok(drugs.correlation.pearson.p! >= 0.05 && drugs.correlation.spearman.p! < 0.05 && drugs.correlation.spearman.rho! > 0);
  assert.match(correlationSentence(drugs), /by rank, months with more arrests do have more harm, though not along a straight line\.$/);
  for (const r of states) {
    const { pearson, spearman } = r.correlation;
    const reconciled = /by rank, months with more arrests/.test(correlationSentence(r));
    assert.equal(reconciled, pearson.p !== null && pearson.p >= 0.05 && spearman.p !== null && spearman.p < 0.05 && spearman.rho !== 0, correlationSentence(r));
  }
});

test('Results names each category whose significant test points against its total, under the table (a police leader found violence harm rising 14% beside "statistically significant" at ?gap=4)', () => {
  const gap4 = analyse(bundled, { gap: 4 });
  const v = gap4.byCategory.violence.harm;
  assert.ok(v.post > v.pre && v.test.p! < 0.05, 'the leader\'s case: a rise with p below 0.05');
  const text = sentence(gap4, 'categoriesAgainst:harm');
  assert.ok(text.includes(sentence(gap4, 'significance:harm.violence')), text);
  assert.match(text, /^The change in harm for violence is statistically significant .*, but it points to falls while the total rose: /);
  // Only such categories: none in the study's view, and none where a category's test agrees with its total.
  assert.equal(sentence(analyse(bundled), 'categoriesAgainst:harm'), '');
  assert.equal(sentence(analyse(bundled), 'categoriesAgainst:events'), '');
  for (const c of gap4.categories) {
    const said = text.includes(`for ${gap4.categoryNames[c].toLowerCase()} is statistically significant`);
    const m = gap4.byCategory[c].harm;
    assert.equal(said, m.test.p !== null && m.test.p < 0.05 && sentence(gap4, `significance:harm.${c}`).includes('while the total'), c);
  }
  // With one category the overall sentence above the table is that category's: not said twice.
  assert.equal(sentence(analyse(bundled, { gap: 4, categories: ['violence'] }), 'categoriesAgainst:harm'), '');
});

test('a verdict is only weakly reproduced where the words beside it call the evidence thin: few arrests, no interval, or too few months (a sweep of 6,750 views)', () => {
  // 17 → 8, p = 0.0469: the headline beside it says 17 arrests are too few to read much into.
  const few = analyse(bundled, { window: 9, gap: 6 });
  assert.equal(sentence(few, 'verdict:events.fell'), 'Only weakly reproduced in this view (17 → 8, paired test p = 0.0469, on only 17 arrests before the orders).');
  // 5 months after the order: the trend's brief says these tests say little.
  const short = analyse(bundled, { window: 5, categories: ['modern_slavery', 'drugs'] });
  assert.match(sentence(short, 'trendBrief:events'), /these tests say little/);
  assert.equal(sentence(short, 'verdict:trend.events'), 'Only weakly reproduced in this view (slope −0.700, p = 0.0354, on only 5 months after the order).');
  // A correlation over 4 months.
  assert.match(sentence(analyse(bundled, { window: 2, categories: ['violence', 'other'] }), 'verdict:correlation'), /^Only weakly reproduced in this view \(r = 0\.95, p = 0\.046, on only 4 months\)\.$/);
  // The study's view stays firm.
  for (const id of ['events.fell', 'trend.harm', 'trend.events', 'correlation']) assert.match(sentence(analyse(bundled), `verdict:${id}`), /^Reproduced in this view/, id);
});

test('a fitted slope that is floating-point noise is flat in every sentence, not a rise or a fall of 0', () => {
  const flat = analyse(bundled, { window: 9, gap: 6 });
  assert.ok(Math.abs(flat.its.events.preSlope!) < 1e-9 && flat.its.events.preSlope !== 0, 'the sweep\'s case: −8.5e-15');
  assert.doesNotMatch(sentence(flat, 'itsNotes'), /(rises|falls) for arrests/);
  assert.equal(sentence(flat, 'preTrend'), 'In this view, the line fitted to the months before the orders is flat.');
  assert.match(sentence(flat, 'its'), /Before the order, arrests did not change\./);
  const harm = analyse(bundled, { window: 3, categories: ['drugs'] });
  assert.ok(Math.abs(harm.its.harm.preSlope!) < 1e-9);
  assert.doesNotMatch(sentence(harm, 'itsStep:harm'), /line before the order rises/);
  assert.doesNotMatch(sentence(harm, 'itsNotes'), /rises for harm/);
  // The trend after the order too, in its sentence and the figure's text (an analyst read "rose by 0 arrests a month").
  const level = analyse(bundled, { window: 10, categories: ['other'] });
  assert.ok(level.trend.events.slope !== 0 && Math.abs(level.trend.events.slope!) < 1e-9, 'a slope of noise: −1.3e-18');
  assert.match(trendSentence(level, 'events'), /monthly arrests stayed level/);
  assert.doesNotMatch(trendSentence(level, 'events'), /declined|rose|downward|upward/);
  assert.match(describeMonthlyEvents(level), /After the order the fitted line is flat \(p = 1\)/);
});

test('a line that falls before the order is not followed by "the fall after them" where that measure did not fall', () => {
  const rose = analyse(bundled, { window: 24, categories: ['violence'], gap: 4 });
  assert.ok(rose.its.harm.preSlope! < 0 && rose.harm.post > rose.harm.pre);
  const text = sentence(rose, 'itsNotes');
  // Its harm slope's test cannot tell it from flat (p = 0.957): no clear trend, not a decline.
  assert.ok(rose.its.harm.preSlopeP! >= 0.05);
  assert.match(text, /In this view the line before the order slopes, but not clearly, for arrests \(p = [\d.]+; allowing for autocorrelation, p = [\d.]+\) and harm \(p = 0\.957; allowing for autocorrelation, p = 0\.932\): the months show no clear trend before the orders\.$/);
  assert.doesNotMatch(text, /falls for harm/);
  assert.doesNotMatch(text, /the fall after them/);
});

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

test('Conclusions says the significance verdict once when arrests and harm have the same one, and apart when they differ', () => {
  const study = analyse(bundled);
  assert.equal(sentence(study, 'verdict:events.significant'), sentence(study, 'verdict:harm.significant'));
  assert.equal(sentence(study, 'significantVerdicts'), `For arrests and for harm alike, ${lowerFirst(sentence(study, 'verdict:events.significant'))}`);
  assert.match(sentence(study, 'significantVerdicts'), /^For arrests and for harm alike, reproduced in this view \(all 5 tests p < 0\.05/);
  const apart = analyse(bundled, { gap: 4 });
  assert.notEqual(sentence(apart, 'verdict:events.significant'), sentence(apart, 'verdict:harm.significant'));
  assert.equal(sentence(apart, 'significantVerdicts'), `For arrests, ${lowerFirst(sentence(apart, 'verdict:events.significant'))} For harm, ${lowerFirst(sentence(apart, 'verdict:harm.significant'))}`);
});

test('a claim\'s detail never nests brackets: the harm uncertainty inside it is a clause (a reviewer read "(… uncertain (95% interval …))")', () => {
  const r = analyse(bundled, { window: 9, gap: 6 });
  const text = sentence(r, 'verdict:harm.greater');
  assert.match(text, /the change in harm is uncertain: /, text);
  for (const s of states) {
    for (const id of ['events.fell', 'events.significant', 'harm.significant', 'trend.harm', 'trend.events', 'harm.greater', 'correlation']) {
      const v = sentence(s, `verdict:${id}`);
      let depth = 0, deepest = 0;
      for (const ch of v) { depth += ch === '(' ? 1 : ch === ')' ? -1 : 0; deepest = Math.max(deepest, depth); }
      assert.ok(deepest <= 1 && depth === 0, `${id}: ${v}`);
    }
  }
});

test('the sign test\'s note does not say the specifications all agree where they need not (152 of 180 for violence and drugs)', () => {
  const text = sentence(analyse(bundled, { categories: ['violence', 'drugs'] }), 'signs');
  assert.match(text, /so where the specifications agree, that says more about these data than about the choice of method\.$/);
  assert.doesNotMatch(text, /all agree/);
});

test('a trend or correlation over few arrests is only weakly reproduced, however many months it spans (an analyst: 3 arrests, "Reproduced, r 0.90")', () => {
  // Modern slavery over 9 months, 2 left out: 12 and 6 arrests, 14 months analysed.
  const thin = analyse(bundled, { window: 9, categories: ['modern_slavery'], gap: 2 });
  assert.ok(thin.events.pre + thin.events.post < FEW_ARRESTS && thin.window - thin.gap >= 6, `${thin.events.pre} + ${thin.events.post}`);
  const check = claimChecks(thin).find((c) => c.id === 'correlation')!;
  assert.ok(check.holds);
  assert.match(sentence(thin, 'verdict:correlation'), new RegExp(`^Only weakly reproduced in this view \\(r = [\\d.]+, p\\s[=<]\\s[\\d.]+, on only ${thin.events.pre + thin.events.post} arrests in 14 months\\)\\.$`));
  // Over many views, a trend or correlation that holds on fewer than 20 arrests is never firmly reproduced.
  const codes = analyse(bundled).domain.categories;
  const subsets = Array.from({ length: 2 ** codes.length - 1 }, (_, k) => codes.filter((_, i) => (k + 1) & (1 << i)));
  const views = [3, 6, 12, 24].flatMap((window) => subsets.flatMap((categories) => [0, 2].map((gap) => analyse(bundled, { window, categories, gap }))));
  let seen = 0;
  for (const r of views) {
    for (const c of claimChecks(r)) {
      const few = c.id === 'correlation' ? r.events.pre + r.events.post < FEW_ARRESTS : c.id.startsWith('trend.') ? r.events.post < FEW_ARRESTS : false;
      if (!few || !c.holds) continue;
      seen++;
      assert.equal(claimWord(c), 'Only weakly reproduced', `${c.id} ${JSON.stringify(r.window)} ${r.categories}`);
      assert.match(plain(c.detailParts), /on only /, c.id);
    }
  }
  assert.ok(seen > 0, 'some views hold a trend or correlation on few arrests');
});

test('the claims are graded alike (a statistician): significance in every category is weak where the fall is, and a trend the two tests disagree on is mixed', () => {
  // ?w=8&c=drugs: 19 arrests, an interval across no change; "Arrests fell" and "significant in every category" both weak.
  const drugs = analyse(bundled, { window: 8, categories: ['drugs'] });
  for (const id of ['events.fell', 'events.significant']) assert.match(sentence(drugs, `verdict:${id}`), /^Only weakly reproduced in this view/, id);
  // ?gap=3&weights=low: harm's straight line p = 0.119, Kendall's τ p = 0.00478: mixed, said so.
  const low = analyse(bundled, { gap: 3, weights: 'low' });
  assert.ok(low.trend.harm.p! >= 0.05 && low.trend.harm.tauP! < 0.05 && low.trend.harm.tau! < 0);
  assert.match(sentence(low, 'verdict:trend.harm'), /^Only weakly reproduced in this view \(slope −[\d.]+, p = 0\.119; Kendall's rank test, τ = −0\.\d+ and p = 0\.00478, finds one: the two tests disagree\)\.$/);
  // The study's view: both tests agree, firm.
  assert.match(sentence(analyse(bundled), 'verdict:trend.harm'), /^Reproduced in this view \(slope −[\d.]+, p = [\d.]+\)\.$/);
});

test('a sweep of 36,000 views: the claims, Results and the Overview agree where the evidence is thin', () => {
  // A category whose own interval takes in no change weakens "significant in every category".
  const nine = analyse(bundled, { window: 9, gap: 2 });
  assert.match(sentence(nine, 'verdict:harm.significant'), /^Only weakly reproduced in this view \(.*; in violence the 95% interval for the reduction takes in no change\)\.$/);
  // Results on few arrests, as the Overview says it.
  const two = analyse(bundled, { window: 2, categories: ['drugs', 'other'] });
  assert.ok(two.events.pre < 20 && two.events.test.p! < 0.05);
  assert.match(sentence(two, 'significance:events'), /But it rests on only 12 arrests before the orders, so it is a weak signal at best\.$/);
  // Harm "fell alone" by 1% beside unchanged arrests is about the same, as the verdict says.
  const same = analyse(bundled, { window: 17, gap: 15, categories: ['violence'], weights: 'high' });
  assert.match(harmVersusVolume(same), /^Harm and arrests changed by about the same proportion/);
  assert.match(sentence(same, 'verdict:harm.greater'), /about the same/);
});

test('a category\'s missing interval is said of the category, not of the whole view (a re-check at ?w=1)', () => {
  const r = analyse(bundled, { window: 1 });
  assert.match(r.byCategory.modern_slavery.events.bootstrap.reason!, /^only \d+ people have any arrest in this category, too few/);
  const row = resultsTable(r, 'events').rows.find((cells) => cells[0] === r.categoryNames.modern_slavery)!;
  assert.ok(row.some((cell) => /^none: only \d+ people have any arrest in this category/.test(cell)), row.join(' | '));
  // the overall measure's reason, where it has one, stays the view's
  const thin = analyse(bundled, { window: 4, categories: ['other'] });
  assert.match(thin.harm.bootstrap.reason ?? '', /in this view/);
});

test('"In short"\'s time series line says what the sections say: the trend before the order by its own test, and a clear step by the same rule (How robust is it?)', () => {
  let seen = 0;
  for (const window of [2, 3, 6, 9, 12, 15, 18, 21, 24]) {
    for (const categories of [bundled.categories, ['violence'], ['drugs'], ['other'], ['violence', 'drugs']]) {
      for (const gap of [0, 1, 3]) {
        if (gap >= window) continue;
        const r = analyse(bundled, { window, categories, gap });
        const short = sentence(r, 'trendInShort');
        const step = sentence(r, 'itsStep:events');
        const pre = sentence(r, 'preTrend');
        if (r.its.events.level === null) { assert.match(short, /^The time series cannot be fitted in this view/); continue; }
        if (r.its.events.levelP === null) { assert.match(short, /the step cannot be tested(\.$|; with .* left out, the step is the two lines carried across months with no data)/); continue; }
        seen++;
        const clearThere = /: a clear step either way/.test(step);
        assert.equal(/, a clear step[;.]/.test(short), clearThere, `?w=${window}&c=${categories}&gap=${gap}: ${short} | ${step}`);
        assert.equal(/, not a clear step[;.:( ]/.test(short), !clearThere);
        // and why not, beside the verdict: a series too short to rely on two p-values below 0.05, or the larger p
        const e = r.its.events;
        if (!clearThere && e.levelPHac !== null && e.levelP !== null) {
          const months = 2 * (r.window - r.gap);
          const larger = Math.max(e.levelP, e.levelPHac);
          if (e.levelP < 0.05 && e.levelPHac < 0.05 && months < 30) assert.ok(short.includes(`, not a clear step: its p-values are below 0.05, but ${months} months are too few to rely on them`), short);
          // long enough, both below 0.05, but the larger only just (0.01 or more): not called clear, and why
          else if (e.levelP < 0.05 && e.levelPHac < 0.05) {
            assert.ok(larger >= 0.01, short);
            assert.ok(short.includes(`, not a clear step: its p-values are below 0.05, but only just (`) && short.includes(`, and in ${months} autocorrelated months such tests find a step that is not there more often than 1 time in 20`), short);
          }
          else assert.ok(short.includes(`, not a clear step (${e.levelPHac >= e.levelP ? `allowing for autocorrelation, p = ${formatP(e.levelPHac)}` : `p = ${formatP(e.levelP)}`})`.replace(/= (<|>)/, '$1')), short);
        }
        // the trend before: rising or falling only where preTrend gives the slope without "not clearly"
        const trend = /line fitted to the months before the orders (rises|falls) by .* \(p\s[=<]\s[^)]*\)\.$/.exec(pre);
        assert.equal(/already (rising|falling)/.test(short), trend !== null, `${short} | ${pre}`);
        if (trend) assert.ok(short.includes(`already ${trend[1] === 'rises' ? 'rising' : 'falling'}`));
      }
    }
  }
  assert.ok(seen > 100);
});

test('a fall said "more than 99%" in one sentence is not "99.8%" in the next (a re-check at ?c=modern_slavery&gap=6)', () => {
  const r = analyse(bundled, { categories: ['modern_slavery'], gap: 6 });
  assert.ok(r.harm.reduction! > 0.995 && r.harm.reduction! < 1);
  assert.match(SENTENCES.harmChange(r), /fell by more than 99%/);
  assert.match(sentence(r, 'harmVersusVolume'), /^The fall in harm \(more than 99%\)/);
});

test('a trend line through two months is said with its slope and Kendall\'s τ, and why it cannot be tested (a reviewer: ?w=2 gave neither, though the other windows do)', () => {
  for (const categories of [bundled.categories, ['violence']]) {
    const r = analyse(bundled, { window: 2, categories });
    for (const which of ['events', 'harm'] as const) {
      const t = r.trend[which];
      assert.ok(t.slope !== null && t.p === null && t.tau !== null, JSON.stringify(t));
      const text = trendSentence(r, which);
      const unit = which === 'events' ? 'arrests?' : 'harm days?';
      const moved = t.slope! < 0 ? 'declined' : t.slope! > 0 ? 'rose' : 'stayed level';
      assert.match(text, new RegExp(`^Over the 2 months after the order, monthly ${which === 'events' ? 'arrests' : 'harm'} ${moved}${t.slope === 0 ? '' : ` by ${formatEstimate(Math.abs(t.slope!)).replace('.', '\\.')} ${unit} a month on average`}, but the trend cannot be tested: ${t.reason}\\. Kendall's τ = ${formatEstimate(t.tau!, 2)} \\(p = 1\\): no significant tendency`), text);
      assert.doesNotMatch(text, /statistically significant/);
    }
  }
  // One month has no line at all.
  assert.equal(trendSentence(analyse(bundled, { window: 1 }), 'events'), 'The trend in monthly arrests after the order cannot be estimated: a line needs at least two points.');
});

test('an interval for the reduction said in words beside its numbers: a rise throughout, from a rise to a fall, and from a rise to no change exactly (a re-check, on own data)', async () => {
  const { intervalParts } = await import('../src/lib/wording.ts');
  assert.equal(plain(intervalParts([-1.55, -0.67])), '−155% to −67%, that is a rise of 67% to 155%');
  assert.equal(plain(intervalParts([-0.22, 0.88])), '−22% to 88%, that is from a rise of 22% to a fall of 88%');
  assert.equal(plain(intervalParts([-0.2, 0])), '−20% to 0%, that is from a rise of 20% to no change');
  assert.equal(plain(intervalParts([0.47, 0.67])), '47% to 67%');
  assert.equal(plain(intervalParts([0, 0.3])), '0% to 30%');
});

test('Conclusions: outside the study\'s view each verdict on the synthetic data says it says nothing about the real orders there; in the study\'s view, that its match is by construction (a police leader read "Not reproduced" at 12 months as the study failing, and six "Reproduced" as six confirmations)', () => {
  assert.equal(sentence(analyse(bundled), 'builtFor'), 'That is by construction: the synthetic data were built to match the article here, so it confirms nothing about the real orders.');
  // which is only true if every claim is reproduced there, as the page says
  assert.ok(claimChecks(analyse(bundled)).every((c) => c.holds === true), JSON.stringify(claimChecks(analyse(bundled)).map((c) => [c.id, c.holds])));
  for (const options of [{ window: 12 }, { categories: ['drugs'] }, { gap: 2 }, { weights: 'low' as const }]) {
    assert.equal(sentence(analyse(bundled, options), 'builtFor'), "The synthetic data were built to match only the study's view (24 months, all categories, no months left out, harm as recorded), so this says nothing about the real orders in this view.", JSON.stringify(options));
  }
  const conclusions = readFileSync(new URL('../src/pages/conclusions.mdx', import.meta.url), 'utf8');
  for (const verdict of ['verdict:events.fell', 'significantVerdicts', 'verdict:trend.harm', 'verdict:trend.events', 'verdict:harm.greater', 'verdict:correlation']) {
    assert.ok(conclusions.includes(`<Say what="${verdict}" /> <StudyOnly inline><Say what="builtFor" /></StudyOnly>`), verdict);
  }
});

test('a view where no one\'s count changed says the test cannot be run, under both rules, never "not significant (p = 1)" (a reviewer)', () => {
  for (const wilcoxon of ['current', 'legacy'] as const) {
    const r = analyse(bundled, { gap: 23, categories: ['modern_slavery'], wilcoxon });
    assert.equal(r.events.test.n, 0, 'every difference is zero in this view');
    assert.equal(r.events.test.p, wilcoxon === 'current' ? 1 : null, "R's own answer stays in the numbers");
    const s = sentence(r, 'significance:events');
    assert.match(s, /^The change in arrests cannot be tested: /, wilcoxon);
    assert.doesNotMatch(s, /not statistically significant/);
  }
});

test('harm fell more than arrests is only weakly reproduced, and said to be unclear, where harm\'s 95% interval takes in the fall in arrests (a statistician: the gap\'s own bootstrap interval took in zero in these views)', () => {
  for (const options of [{ window: 6, categories: ['violence'] }, { window: 18, gap: 6, wilcoxon: 'legacy' as const }, { categories: ['drugs', 'other'] }]) {
    const r = analyse(bundled, options);
    // The truth from the numbers themselves: harm fell more, and its interval's lower end is at or below the arrests' fall.
    assert.ok(r.harm.reduction! > r.events.reduction! && r.harm.ci![0] <= r.events.reduction!, JSON.stringify(options));
    const c = claimChecks(r).find((k) => k.id === 'harm.greater')!;
    assert.equal(claimWord(c), 'Only weakly reproduced', JSON.stringify(options));
    assert.match(c.detail, /takes in the fall in arrests$/);
    assert.match(sentence(r, 'harmVersusVolume'), /takes in the fall in arrests, so .* is not clear\.$/);
    assert.match(sentence(r, 'answer:harm'), /is not clear\.$/);
  }
  // The other way round: the arrests' interval takes in harm's fall (a re-check at ?gap=2&c=violence,drugs,other).
  const other = analyse(bundled, { gap: 2, categories: ['violence', 'drugs', 'other'] });
  assert.ok(other.harm.reduction! > other.events.reduction! && other.harm.ci![0] > other.events.reduction! && other.events.ci![1] >= other.harm.reduction!);
  assert.equal(claimWord(claimChecks(other).find((k) => k.id === 'harm.greater')!), 'Only weakly reproduced');
  assert.match(sentence(other, 'harmVersusVolume'), /the 95% interval for the fall in arrests, .* takes in the fall in harm, so .* is not clear\.$/);
  // Harm falling less than arrests is read with the same care (a copy-editor at ?c=violence&weights=high:
  // harm 44% with an interval of 18% to 66%, arrests 50%, said as certain on the Overview and Results).
  const less = analyse(bundled, { categories: ['violence'], weights: 'high' });
  assert.ok(less.harm.reduction! < less.events.reduction! - SAME_FALL && less.harm.ci![1] >= less.events.reduction!);
  assert.match(sentence(less, 'harmVersusVolume'), /^The fall in harm \(44%\) is smaller than the fall in arrests \(50%\), but the 95% interval for the fall in harm, 18% to 66%, takes in the fall in arrests, so .* is not clear\.$/);
  assert.match(sentence(less, 'answer:harm'), /less than their number by the point estimates; but .*takes in the fall in arrests, so whether .* is not clear\.$/);
  // The study's view: harm's interval is clear of the arrests' fall, and the finding is reproduced.
  const study = analyse(bundled);
  assert.ok(study.harm.ci![0] > study.events.reduction!);
  assert.equal(claimWord(claimChecks(study).find((k) => k.id === 'harm.greater')!), 'Reproduced');
});

test('the Newey–West lag the time series\' notes name is a number with its derivation: Newey and West\'s rule from the series\' own length', () => {
  for (const [view, months] of [[{}, 48], [{ window: 3 }, 6], [{ window: 12, gap: 3 }, 18], [{ window: 24, gap: 6, categories: ['drugs'] }, 36]] as const) {
    const r = analyse(bundled, view as Parameters<typeof analyse>[1]);
    const lag = Math.floor(4 * (months / 100) ** (2 / 9)); // counted here from the months either side, less those left out
    const handles = sentenceParts(r, 'itsNotes').filter((s) => typeof s !== 'string' && s.path?.endsWith('.hacLag'));
    assert.deepEqual(handles, [{ text: String(lag), path: 'its.events.hacLag' }], JSON.stringify(view));
    assert.ok(sentence(r, 'itsNotes').includes(`with those of the ${lag} months before it`), JSON.stringify(view));
    assert.equal(derive(r, bundled, 'its.events.hacLag')?.value, lag);
  }
});
