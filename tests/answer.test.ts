// The answer in three sentences: one sentence each, words that follow the numbers in every view and
// under both Wilcoxon rules, and every number a segment whose text is the result's value at its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type AnalysisResult } from '../src/analysis/analyse.ts';
import { ANSWER, NEAR_ALPHA, whatForHarm, whatHappened, whatItMeans } from '../src/lib/answer.ts';
import { harmUncertain, headline, significance } from '../src/lib/wording.ts';
import { formatInterval, formatNumber, formatP, formatPEquals, formatPercent } from '../src/lib/format.ts';
import { sentence, valueAt } from '../src/lib/live.ts';
import { EMPTY_VIEW, FEW_ARRESTS, SAME_FALL, harmVersusVolume, plain } from '../src/lib/wording.ts';
import { bundled, readData } from './helpers/bundled.ts';
import { makeCohort } from './helpers/cohort.ts';
import { validateOwn } from '../src/lib/ownData.ts';
import { validateDataset } from '../src/analysis/validate.ts';

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
  let seen = { fewer: 0, more: 0, harmRose: 0, chance: 0, notChance: 0, weak: 0 };
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
      && Math.abs(r.harm.reduction - r.events.reduction) >= SAME_FALL) assert.match(harm, /less harmful/);
    const meaning = plain(whatItMeans(r));
    const significant = e.test.p !== null && e.test.p < 0.05 && e.post !== e.pre;
    // Significant on 20 arrests or more with an interval clear of no change: unlikely to be chance;
    // significant but thin: a weak signal (its own test below).
    const firm = e.pre >= 20 && e.ci !== null && !(e.ci[0] <= 0 && e.ci[1] >= 0);
    if (significant && firm) { assert.match(meaning, /unlikely if each person's arrests were as likely to rise as to fall/); seen.chance++; }
    else if (significant) { assert.match(meaning, /passes the paired test .*, so it is a weak signal at best/); seen.weak++; }
    else {
      assert.doesNotMatch(meaning, /unlikely to be chance/);
      seen.notChance++;
      // Just above 0.05 is said as just short of clear, never as easily chance.
      if (e.test.p !== null && e.post !== e.pre) assert.equal(/falls just short of clear/.test(meaning), e.test.p < 0.1, meaning);
    }
    assert.match(meaning, /not what they caused/);
  }
  // The views reach each branch, so the checks above are not vacuous.
  assert.ok(seen.fewer > 0 && seen.chance > 0 && seen.notChance > 0 && seen.weak > 0, JSON.stringify(seen));
});

test('every number is a segment whose text is its path\'s value in the result', () => {
  const formats: Record<string, (v: number) => string> = {
    orders: formatNumber, window: formatNumber, 'events.pre': formatNumber, 'events.post': formatNumber,
    'events.reduction': (v) => formatPercent(Math.abs(v)), 'harm.reduction': (v) => formatPercent(Math.abs(v)),
    'harm.ci': (v) => formatInterval(v as unknown as [number, number]), 'harm.test.p': (v) => formatPEquals(v).replace(/^p( = |\u00a0)/, ''),
    'events.test.p': (v) => formatPEquals(v).replace(/^p( = |\u00a0)/, ''),
    'events.ci': (v) => formatInterval(v as unknown as [number, number]),
    'events.sign.n': formatNumber,
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
  assert.equal(plain(whatHappened(r)), 'After their orders, the 41 people between them were arrested less often: 93 times in the 24 months after, against 210 in the 24 months before (56% fewer).');
  assert.match(plain(whatForHarm(r)), /fell by 83%, more than their number, so the arrests that remained were, on average, for less harmful offences\.$/);
});

// ---- words that follow the data in hand: a reader's own, and the study's views with nothing to count

const harmIndex = { name: 'harm-index.csv', text: readData('harm-index.csv') };
/** A reader's cohort as the page analyses it (src/lib/ownData.ts): every order analysed, 3,000 of them, with no real change. */
function ownCohort(orders: number, seed: number, options: { maxBefore?: number; maxAfter?: number; allAnalysed?: boolean } = {}): AnalysisResult {
  const c = makeCohort({ seed, orders, designWindow: 12, maxBefore: options.maxBefore, maxAfter: options.maxAfter });
  const ordersCsv = options.allAnalysed ? c.ordersCsv.replace(/excluded_data/g, 'analysed') : c.ordersCsv;
  const own = validateOwn({ orders: { name: 'orders.csv', text: ordersCsv }, events: { name: 'events.csv', text: c.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, harmIndex);
  assert.ok(own.dataset, own.problems.map((p) => p.message).join('\n'));
  return analyse(own.dataset);
}

test('a change that could be chance is put down to "so few people" only where the people are few: not for a reader\'s 3,000', () => {
  const many = ownCohort(3000, 2, { maxBefore: 3, maxAfter: 3, allAnalysed: true });
  assert.equal(many.orders, 3000);
  assert.ok(many.events.test.p! >= 0.05 && many.events.post !== many.events.pre, `p = ${many.events.test.p}`);
  assert.equal(plain(whatItMeans(many)), 'A change in arrests this size could easily arise by chance, even with 3,000 people, and with no comparison group it shows what followed the orders, not what they caused.');
  // The study's 41 people are few: a view whose change could be chance says so, or, where the view's
  // arrests are few (a category of 16), says that instead: the people are the same 41 in every view.
  const chance = views.filter((r) => r.events.test.p !== null && r.events.test.p >= NEAR_ALPHA && r.events.post !== r.events.pre);
  const few = chance.find((r) => r.events.pre >= FEW_ARRESTS)!;
  assert.equal(few.orders, 41);
  // The test reads only the people whose arrests changed, and it is their number that is said (?w=3: not the 41).
  assert.ok(few.events.sign.n < few.orders);
  assert.equal(plain(whatItMeans(few)).match(/^A change in arrests this size could easily arise by chance among the (\d+) people whose arrests changed, /)?.[1], String(few.events.sign.n));
  const w3 = analyse(bundled, { window: 3 });
  assert.match(plain(whatItMeans(w3)), new RegExp(`^A change in arrests this size could easily arise by chance among the ${w3.events.sign.n} people whose arrests changed, `));
  const thin = chance.find((r) => r.events.pre < FEW_ARRESTS)!;
  assert.match(plain(whatItMeans(thin)), /^A change in arrests this size could easily arise by chance with so few arrests, /);
});

test('with no arrests before the orders, harm cannot be compared because there were none, not because they carried no harm', () => {
  for (const view of [{ categories: ['modern_slavery'], gap: 23 }, { window: 19, categories: ['violence'], gap: 18 }]) {
    const r = analyse(bundled, view);
    assert.equal(r.events.pre, 0, JSON.stringify(view));
    assert.equal(plain(whatForHarm(r)), 'There were no arrests before the orders in this view, so harm cannot be compared.');
  }
});

test('with a gap, the first sentence counts the months analysed, and says which they are', () => {
  const none = analyse(bundled, { categories: ['modern_slavery'], gap: 23 });
  assert.equal(plain(whatHappened(none)), 'None of the 41 people was arrested for modern slavery in the 1 month analysed before or after their orders (month 24 either side, leaving out the 23 months nearest the order).');
  const rose = analyse(bundled, { window: 19, categories: ['violence'], gap: 18 });
  assert.equal(plain(whatHappened(rose)), 'After their orders, the 41 people between them were arrested for violence more often: 1 time in the 1 month analysed after (month 19 either side, leaving out the 18 months nearest the order), against 0 in the same month before.');
  const gapped = analyse(bundled, { gap: 3 });
  assert.match(plain(whatHappened(gapped)), /: \d+ times in the 21 months analysed after \(months 4 to 24 either side, leaving out the 3 months nearest the order\), against \d+ in the same months before \(\d+% fewer\)\.$/);
});

test('harm that fell more (or less) than arrests, where its test or interval leaves the change uncertain, is said as the point estimates, with the numbers', () => {
  // Two months of violence: harm 70% down, arrests less, but p = 0.422 and an interval from a rise to a fall.
  const r = analyse(bundled, { window: 2, categories: ['violence'] });
  assert.equal(plain(whatForHarm(r)), 'The harm those arrests represent, weighted by the seriousness of each offence, fell by 70%, more than their number: the point estimates suggest that the arrests that remained were, on average, for less harmful offences, but the change in harm is uncertain (95% interval for the reduction −243% to 98%, that is from a rise of 243% to a fall of 98%, p = 0.422).');
  // A reader's 30 people: harm fell by 38%, within 5 points of arrests, with p = 0.0721 and an interval from −8% to 60%:
  // about as much as their number, and no shift in seriousness read from it.
  const own = ownCohort(30, 4);
  assert.ok(Math.abs(own.harm.reduction! - own.events.reduction!) < SAME_FALL);
  assert.match(plain(whatForHarm(own)), /fell by 38%, about as much as their number, but the change in harm is uncertain \(95% interval for the reduction −8% to 60%, that is from a rise of 8% to a fall of 60%, p = 0\.0721\)\.$/);
  // ?w=12&c=violence,drugs&gap=3&weights=high: 37% and 36% is about the same, not "less serious" offences.
  const close = analyse(bundled, { window: 12, categories: ['violence', 'drugs'], gap: 3, weights: 'high' });
  assert.ok(close.harm.reduction! > close.events.reduction! && close.harm.reduction! - close.events.reduction! < SAME_FALL);
  assert.doesNotMatch(plain(whatForHarm(close)), /(serious|harmful) offences/);
  assert.match(harmVersusVolume(close), /^Harm and arrests fell by about the same proportion/);
  // In every view, the firm words only where the harm test is significant and its interval does not reach a rise.
  let firm = 0;
  let soft = 0;
  for (const v of views) {
    const text = plain(whatForHarm(v));
    if (/so the arrests that remained/.test(text)) {
      firm++;
      assert.ok(v.harm.test.p! < 0.05 && v.harm.ci !== null && v.harm.ci[0] > 0, text);
    }
    if (/point estimates suggest/.test(text)) {
      soft++;
      assert.ok(v.harm.test.p === null || v.harm.test.p >= 0.05 || v.harm.ci === null || v.harm.ci[0] <= 0 || v.events.pre < FEW_ARRESTS, text);
    }
  }
  assert.ok(firm > 0 && soft > 0, `firm ${firm}, soft ${soft}`);
  // Every change in harm that the test cannot tell from chance says so, whatever arrests did (a
  // fall while arrests did not fall, a rise, about as much as arrests): never a bare "fell by 91%".
  let said = 0;
  for (const v of views) {
    const text = plain(whatForHarm(v));
    if (!/(fell|rose) by/.test(text) || !harmUncertain(v.harm)) continue;
    said++;
    assert.match(text, /the change in harm is uncertain/, text);
  }
  assert.ok(said > 0);
  // ?w=1: harm fell by 91% though arrests did not fall, with p = 0.812.
  const one = analyse(bundled, { window: 1 });
  assert.match(plain(whatForHarm(one)), /fell by 91%, although their number did not fall; the change in harm is uncertain \(the two checks disagree: the paired test cannot tell it from chance, p = 0\.812, although the 95% interval for the reduction, 18% to 98%, is clear of no change\)\.$/);
});

test('an uncertain change in harm says which of the test and the interval makes it so, never contradicting a significance said beside it', () => {
  // No interval, a significant test (?w=4&c=other): the missing interval, not the p, is the doubt.
  const none = analyse(bundled, { window: 4, categories: ['other'] });
  assert.ok(none.harm.ci === null && none.harm.test.p! < 0.05);
  assert.match(plain(whatForHarm(none)), new RegExp(`the change in harm is uncertain \\(p = ${formatP(none.harm.test.p).replace('.', '\\.')}, but no 95% interval: only \\d+ people have any recorded harm in this view`));
  // No interval and a test that cannot tell it from chance either (?w=12&gap=11&c=drugs): the two agree, joined by "and" (a reviewer read "p = 0.938, but" as backwards).
  const both = analyse(bundled, { window: 12, gap: 11, categories: ['drugs'] });
  assert.ok(both.harm.ci === null && both.harm.test.p! >= 0.05);
  assert.match(plain(whatForHarm(both)), new RegExp(`the change in harm is uncertain \\(p = ${formatP(both.harm.test.p).replace('.', '\\.')}, and no 95% interval: `));
  // An interval that takes in no change, a significant test (?w=6&gap=1&c=violence).
  const spans = analyse(bundled, { window: 6, gap: 1, categories: ['violence'] });
  assert.ok(spans.harm.ci![0] <= 0 && spans.harm.test.p! < 0.05);
  assert.match(plain(whatForHarm(spans)), /the change in harm is uncertain \(the two checks disagree: the 95% interval for the reduction, −(\d+)% to (\d+)%, that is from a rise of \1% to a fall of \2%, takes in no change, although the paired test gives p = 0\.00\d+\)\.$/);
  // The third sentence is about arrests, and says so after a sentence on harm.
  assert.match(plain(whatItMeans(spans)), /^A change in arrests this (large|size) /);
  // An interval clear of no change, a test that is not significant (?w=3&c=violence).
  const test3 = analyse(bundled, { window: 3, categories: ['violence'] });
  assert.ok(test3.harm.ci![0] > 0 && test3.harm.test.p! >= 0.05);
  assert.match(plain(whatForHarm(test3)), /uncertain \(the two checks disagree: the paired test cannot tell it from chance, p = 0\.\d+, although the 95% interval for the reduction, \d+% to \d+%, is clear of no change\)/);
});

test('a fall just short of significance (?w=4&c=other, p = 0.0547) is not "easily" chance', () => {
  const r = analyse(bundled, { window: 4, categories: ['other'] });
  assert.ok(r.events.test.p! >= 0.05 && r.events.test.p! < 0.1);
  assert.match(plain(whatItMeans(r)), /^A change in arrests this size falls just short of clear \(paired test p = 0\.0547\): it could be chance with so few arrests, and with no comparison group/);
});

test('a significant change on few arrests, or with an interval that takes in no change, is a weak signal, not "unlikely to be chance" (?w=8&c=drugs: p = 0.0349 on 19 arrests)', () => {
  const r = analyse(bundled, { window: 8, categories: ['drugs'] });
  assert.ok(r.events.test.p! < 0.05 && r.events.pre < 20 && r.events.ci![0] < 0);
  assert.equal(plain(whatItMeans(r)), `A change in arrests this size passes the paired test (p = ${formatP(r.events.test.p!)}), but it rests on only ${r.events.pre} arrests before the orders and the 95% interval for the reduction, ${formatInterval(r.events.ci!)}, that is from a rise of ${formatPercent(-r.events.ci![0])} to a fall of ${formatPercent(r.events.ci![1])}, takes in no change, so it is a weak signal at best, and with no comparison group it shows what followed the orders, not what they caused.`);
  // Every view said to be "unlikely to be chance" has its 20 arrests and an interval clear of no change.
  for (const v of views) {
    if (!/unlikely to be chance/.test(plain(whatItMeans(v)))) continue;
    assert.ok(v.events.pre >= 20 && v.events.ci && v.events.ci[0] > 0, `${v.window} ${v.categories.join()}: ${v.events.pre} arrests, ${v.events.ci}`);
  }
});

test('where every person who changed changed the same way and p is still at least 0.05, the sentence says it is the test\'s floor (?gap=23: 5 people, p = 0.0625)', () => {
  const r = analyse(bundled, { gap: 23 });
  assert.equal(r.events.sign.n, 5);
  assert.equal(r.events.sign.fewer, 5);
  assert.equal(r.events.test.p, 0.0625);
  assert.equal(plain(whatItMeans(r)), 'A change in arrests this size cannot be told from chance by the paired test (p = 0.0625): with only 5 people whose arrests changed, all in the same direction, this exact test can give no smaller p-value, so it cannot reach 0.05 with so few, and with no comparison group it shows what followed the orders, not what they caused.');
  // The floor is this exact test's, not every test's: R 4.5's approximation passes 0.05 on the same 5 people (a reviewer).
  assert.ok(analyse(bundled, { gap: 23, wilcoxon: 'legacy' }).events.test.p! < 0.05);
  // Not said where the p is above its floor.
  for (const v of views) {
    if (!/this exact test can give no smaller p-value|no test can tell one person's change/.test(plain(whatItMeans(v)))) continue;
    assert.ok(v.events.test.p === 2 / 2 ** v.events.sign.n && [0, v.events.sign.n].includes(v.events.sign.fewer), `${v.window} ${v.categories.join()}`);
  }
});

test('one person whose arrests changed: said plainly, not as "p = 1, the smallest p-value" (a police leader at ?c=drugs&w=3&gap=2&weights=high)', () => {
  const r = analyse(bundled, { window: 3, gap: 2, categories: ['drugs'], weights: 'high' });
  assert.equal(r.events.sign.n, 1);
  assert.equal(r.events.test.p, 1);
  assert.equal(plain(whatItMeans(r)), "A change in arrests this size cannot be told from chance by the paired test (p = 1): only 1 person had a different number of arrests after the order, and no test can tell one person's change from chance; and with no comparison group it shows what followed the orders, not what they caused.");
});

test('a harm test that leans against the total is not cited as support for the change: at ?w=7&c=violence,other&gap=3 harm rose, and the test points to falls', () => {
  const r = analyse(bundled, { window: 7, gap: 3, categories: ['violence', 'other'] });
  assert.ok(r.harm.post > r.harm.pre && r.harm.test.p! < 0.05 && r.harm.sign.fewer > r.harm.sign.n - r.harm.sign.fewer, 'harm rose, the test passes, more people had less harm after');
  const text = plain(whatForHarm(r));
  assert.match(text, new RegExp(`the paired test, ${formatPEquals(r.harm.test.p).replace(/[.]/g, '\\.')}, points by rank to falls, not to the rise in the total\\)`));
  assert.doesNotMatch(text, /although the paired test gives/);
  // Where the test leans with the total, the sentence is as before.
  for (let window = 1; window <= bundled.span; window++) {
    const v = analyse(bundled, { window, categories: ['drugs'] });
    const t = plain(whatForHarm(v));
    if (/although the paired test gives/.test(t)) assert.ok(Math.sign(v.harm.pre - v.harm.post) !== 0, t);
  }
});

test('an interval clear of no change by less than half a point is said to be only just clear of it, and printed as clear of 0%', () => {
  const r = analyse(bundled, { window: 7, gap: 5 });
  assert.ok(r.harm.ci![0] > 0 && r.harm.ci![0] < 0.005, 'the reviewer\'s view: lower end just above 0');
  assert.equal(formatPercent(r.harm.ci![0]), `${(Math.round(r.harm.ci![0] * 1000) / 10).toFixed(1)}%`, 'printed to the decimal that tells it from 0%');
  const text = plain(whatForHarm(r));
  assert.match(text, new RegExp(`the 95% interval for the reduction, ${formatPercent(r.harm.ci![0]).replace('.', '\\.')} to \\d+%, only just stays clear of no change\\)`));
});

test('a significant rise is doubted for its own reasons (closer watching, breaches), not for regression to the mean, which explains a fall', () => {
  const rise = ownCohort(200, 7, { maxBefore: 1, maxAfter: 4, allAnalysed: true });
  assert.ok(rise.events.post > rise.events.pre && rise.events.test.p! < 0.05 && rise.events.pre >= FEW_ARRESTS, JSON.stringify(rise.events.test));
  const text = plain(whatItMeans(rise));
  assert.doesNotMatch(text, /falls anyway/);
  assert.match(text, /breaching its conditions is an offence of its own, so arrests can rise/);
  assert.match(plain(whatItMeans(analyse(bundled))), /offending at a peak often falls anyway, which the test cannot tell apart from an effect of the order\.$/);
  // The count is the group's: "between them", whichever way it went.
  assert.match(plain(whatHappened(rise)), /^After their orders, the 200 people between them were arrested more often: /);
});

test('an interval for the reduction wholly below zero is said again as the rise it is', () => {
  const rise = ownCohort(200, 7, { maxBefore: 1, maxAfter: 4, allAnalysed: true });
  const [low, high] = rise.events.ci!;
  assert.ok(high < 0);
  const pct = (x: number) => formatPercent(x);
  assert.ok(headline(rise).includes(`(95% interval for the reduction ${pct(low)} to ${pct(high)}, that is a rise of ${pct(-high)} to ${pct(-low)})`), headline(rise));
  // A fall's interval is left as it is.
  assert.doesNotMatch(headline(analyse(bundled)), /that is a rise/);
});

test('on few arrests, a shift in seriousness is the point estimates\' only, in the sentences and the verdict (a statistician at ?w=8&c=drugs)', () => {
  const drugs = analyse(bundled, { window: 8, categories: ['drugs'] });
  assert.ok(drugs.events.pre < FEW_ARRESTS && !harmUncertain(drugs.harm) && drugs.harm.reduction! > drugs.events.reduction!);
  assert.match(plain(whatForHarm(drugs)), /: the point estimates suggest that the arrests that remained were, on average, for less harmful offences, but with only 19 arrests before the orders that rests on very few\.$/);
  assert.match(harmVersusVolume(drugs), /the point estimates suggest .* but with only 19 arrests before the orders that rests on very few\.$/);
  assert.match(sentence(drugs, 'verdict:harm.greater'), /^Only weakly reproduced in this view \(.*, on only 19 arrests before the orders(; the 95% interval for the fall in harm, .* takes in the fall in arrests)?\)\.$/);
  // The study's view keeps the firm words.
  assert.match(plain(whatForHarm(analyse(bundled))), /so the arrests that remained were, on average, for less harmful offences\.$/);
});

test('Results and the Overview agree on a significant change in harm with no interval (a statistician at ?w=2&gap=1&c=violence)', () => {
  // Nothing after the orders: every resample falls by 100%, so no interval is given, and nothing is in doubt.
  const none = analyse(bundled, { window: 2, gap: 1, categories: ['violence'] });
  assert.ok(none.harm.post === 0 && none.harm.ci === null && none.harm.test.p! < 0.05);
  assert.equal(harmUncertain(none.harm), false);
  assert.doesNotMatch(plain(whatForHarm(none)), /uncertain/);
  assert.doesNotMatch(significance(none.harm, 'the change in harm'), /weak/);
  // Too few people for an interval (?w=4&c=other): weak on Results, as uncertain on the Overview.
  const few = analyse(bundled, { window: 4, categories: ['other'] });
  assert.ok(few.harm.ci === null && few.harm.post > 0 && few.harm.test.p! < 0.05);
  assert.match(significance(few.harm, 'the change in harm'), /But there is no 95% interval: only \d+ people have any recorded harm in this view, .*; so it is a weak signal at best\.$/);
  assert.match(plain(whatForHarm(few)), /the change in harm is uncertain/);
});

test('no arrests after the orders is said as none, not "less often: 0 times" (a police leader at ?c=violence&w=2&gap=1)', () => {
  const r = analyse(bundled, { categories: ['violence'], window: 2, gap: 1 });
  assert.equal(r.events.post, 0);
  assert.ok(r.events.pre > 1);
  assert.equal(plain(whatHappened(r)), `After their orders, none of the ${r.orders} people was arrested for violence in the 1 month analysed after (month 2 either side, leaving out the 1 month nearest the order), against ${r.events.pre} arrests in the same month before (100% fewer).`);
});

test('one analysed order: "the 1 person", never "the 1 people" or "between them" (an analyst)', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\n' };
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const cases: [string[], string][] = [
    [['A,-3,violence,X,1', 'A,-2,violence,X,1', 'A,4,violence,X,1'], 'After their order, the 1 person was arrested less often: 1 time in the 24 months after, against 2 in the 24 months before (50% fewer).'],
    [['A,-3,violence,X,1'], 'After their order, the 1 person was not arrested in the 24 months after, against 1 arrest in the 24 months before (100% fewer).'],
    [['A,-3,violence,X,1', 'A,3,violence,X,1'], 'After their order, the 1 person was arrested as often as before: 1 time in the 24 months after and in the 24 months before.'],
  ];
  for (const [lines, words] of cases) {
    const { dataset } = validateDataset({ orders, events: { name: 'events.csv', text: `order_id,month,category,offence,harm\n${lines.join('\n')}\n` } }, { manifest });
    assert.equal(plain(whatHappened(analyse(dataset!))), words);
  }
});

test('one analysed order elsewhere: the sample and paired-test sentences never say "of the 1 person" (a re-check)', async () => {
  const { sampleParts, pairedPeopleParts } = await import('../src/lib/wording.ts');
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\nB,2019-Q1,excluded_followup\n' };
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const one = (lines: string[]) => analyse(validateDataset({ orders, events: { name: 'events.csv', text: `order_id,month,category,offence,harm\n${lines.join('\n')}\n` } }, { manifest }).dataset!);
  const changed = one(['A,-3,violence,X,1', 'A,-2,violence,X,1', 'A,4,violence,X,1']);
  const same = one(['A,-3,violence,X,1', 'A,3,violence,X,1']);
  const quiet = one(['A,3,violence,X,1']);
  for (const r of [changed, same, quiet]) {
    for (const text of [plain(sampleParts(r)), plain(pairedPeopleParts(r))]) assert.doesNotMatch(text, /of the 1 person|1 people/, text);
  }
  assert.match(plain(sampleParts(changed)), /With only the 1 person in this view, there is no busiest tenth to set apart from the rest\.$/);
  assert.match(plain(sampleParts(quiet)), /In this view the 1 person was not arrested before the order\.$/);
  assert.equal(plain(pairedPeopleParts(changed)), 'In this view the 1 person has a different count of arrests before and after, so the test uses that one change.');
  assert.match(plain(pairedPeopleParts(same)), /In this view the 1 person has the same count of arrests before and after, so the test has no change to weigh\.$/);
});

test('a view whose harm is the harm index\'s weights says so in the answer and the headline, and the study\'s view does not (a peer reviewer at ?weights=high: "harm 51% less" beside the study\'s 83%, with no word of the weights)', async () => {
  const { headlineContextParts } = await import('../src/lib/wording.ts');
  for (const weights of ['central', 'low', 'high'] as const) {
    for (const view of [{ window: 12, categories: ['violence', 'other'] }, { window: 24, categories: bundled.categories }, { window: 3, categories: ['drugs'] }]) {
      const r = analyse(bundled, { ...view, weights });
      if (r.harm.reduction === null) continue;
      const harm = plain(whatForHarm(r));
      assert.ok(harm.includes(`in this view, by the harm index's ${weights} weights`), `${weights}: ${harm}`);
      const context = plain(headlineContextParts(r));
      assert.ok(context.endsWith(` In this view each arrest's harm is the harm index's ${weights} weight for its offence.`), `${weights}: ${context}`);
    }
  }
  const study = analyse(bundled);
  assert.doesNotMatch(plain(whatForHarm(study)), /harm index/);
  assert.doesNotMatch(plain(headlineContextParts(study)), /harm index/);
});

test('a significant test that points by rank to rises beside a total that fell does not back the fall: the answer and the claim say so (a reviewer: 60 people up by one arrest, 10 down by 20)', async () => {
  const { claimChecks } = await import('../src/lib/wording.ts');
  // The study's 41 people: 35 with one arrest after and none before, 6 with ten before and none after: 60 → 35.
  const ids = bundled.orders.filter((o) => o.sample === 'analysed').map((o) => o.id);
  assert.equal(ids.length, 41);
  const event = (orderId: string, month: number) => ({ orderId, month, category: 'violence', offence: 'Common assault', harm: 2 });
  const events = ids.flatMap((id, k) => (k < 35 ? [event(id, 3)] : Array.from({ length: 10 }, () => event(id, -3))));
  const r = analyse({ ...bundled, harmIndex: undefined, events });
  assert.deepEqual([r.events.pre, r.events.post], [60, 35]);
  assert.ok(r.events.test.p! < 0.05, `p = ${r.events.test.p}`);
  const meaning = plain(whatItMeans(r));
  assert.match(meaning, /^The paired test \(p\s[=<]\s[\d.]+\) does not back this fall: ranked by size, the rises in people's arrests outweigh the falls, and a few large falls carry the total down; so the change rests on a few people, and with no comparison group/);
  assert.doesNotMatch(meaning, /unlikely if each person/);
  const fell = claimChecks(r).find((c) => c.id === 'events.fell')!;
  assert.equal(fell.holds, true);
  assert.equal(fell.weak, true);
  assert.match(fell.detail, /, though the test points by rank to rises, not to the fall in the total/);
  assert.equal(claimChecks(r).find((c) => c.id === 'events.significant')!.holds, false);
});
