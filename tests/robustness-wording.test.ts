// The wording of "How robust is it?" (and the sentences Conclusions takes from it) after the
// statistician's review (/work/notes/review-robustness.md, findings 1, 2, 4, 6, 7, 8, 9 and 10).
// Each check reads the engine's own result for the view (analyse(), nullWorldFor(), the sign test,
// the bootstrap's MIN_CONTRIBUTORS) and counts for itself what the words must follow, so the words
// are tested against the numbers, not against copies of themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse, type AnalysisResult } from '../src/analysis/analyse.ts';
import { MIN_CONTRIBUTORS } from '../src/analysis/reduction.ts';
import { NULL_WORLD_COHORTS } from '../src/analysis/nullWorld.ts';
import { describeNullWorld } from '../src/charts/index.ts';
import { formatEstimate, formatNumber, formatP, formatPercent } from '../src/lib/format.ts';
import { valueAt } from '../src/lib/resultPaths.ts';
import { sentence, sentenceParts } from '../src/lib/live.ts';
import { DEFAULT_LOOKBACK, DEFAULT_SELECTION, ROBUST_NUMBERS, nullWorldFor, robustSegments, type RobustnessContext } from '../src/lib/robustness.ts';
import { domainOf, parseState } from '../src/lib/urlState.ts';
import { bundled } from './helpers/bundled.ts';
import { ROBUSTNESS_FIGURES } from '../src/lib/robustnessFigures.ts';

const page = (name: string) => readFileSync(new URL(`../src/pages/${name}.mdx`, import.meta.url), 'utf8');
/** A section of an MDX page: from its "## heading" to the next. */
const section = (text: string, heading: string) => {
  // A section by its heading, or by the technical name in brackets at its end: "… (leave-one-out)".
  const at = text.indexOf(`## ${heading}\n`);
  const line = text.split('\n').find((l) => l.startsWith('## ') && l.toLowerCase().endsWith(`(${heading.toLowerCase()})`));
  const from = at >= 0 ? at : line ? text.indexOf(`${line}\n`) : -1;
  assert.ok(from >= 0, heading);
  const to = text.indexOf('\n## ', from + 3);
  return text.slice(from, to < 0 ? undefined : to);
};
/** The text with every <StudyOnly …>…</StudyOnly> taken out: what a reader's own data see. */
const withoutStudyOnly = (text: string) => text.replace(/<StudyOnly[^>]*>[\s\S]*?<\/StudyOnly>/g, '');

const subsets = [['modern_slavery'], ['violence'], ['drugs'], ['other'], ['violence', 'drugs'], bundled.categories];
const states: AnalysisResult[] = [];
for (let window = 1; window <= bundled.span; window += 1) {
  for (const categories of subsets) for (const gap of [0, 1, 5].filter((g) => g < window)) states.push(analyse(bundled, { window, categories, gap }));
}

// ---- 1. regression to the mean

test('the null world counts the cohorts that fell as much, from its own falls: "None of the 1,000 …" rather than "a share of 0%"', () => {
  let none = 0;
  let some = 0;
  const views = [{}, { window: 2, categories: ['other'] }, { window: 2, categories: ['drugs'] }, { window: 1 }, { window: 6, gap: 5, categories: ['other'] }, { categories: ['modern_slavery'] }, { gap: 3 }];
  for (const view of views) {
    for (const selection of [0, 0.5, 1]) {
      const world = nullWorldFor(analyse(bundled, view), selection, DEFAULT_LOOKBACK);
      const c: RobustnessContext = { world, liberty: null, curve: null };
      const text = ROBUST_NUMBERS['nullWorld.shareAtLeast'](c);
      const label = `${JSON.stringify(view)} at ${selection}: ${text}`;
      assert.doesNotMatch(text, /A share of/, label);
      const n = world.falls.length;
      const k = world.falls.filter((f) => f >= world.observedFall!).length; // counted here, not read from the share
      const cohorts = `${formatNumber(n)} simulated cohorts${world.dropped > 0 ? ' with arrests before' : ''}`;
      if (k === 0) {
        none++;
        assert.ok(text.startsWith(` None of the ${cohorts} `), label);
        assert.ok(text.endsWith(`; ${formatNumber(n)} ${n === 1 ? 'cohort puts' : 'cohorts put'} the chance below about 3 in ${formatNumber(n)}).`), label);
      } else {
        some++;
        assert.ok(text.startsWith(k === n ? ` All ${cohorts} ` : ` ${formatNumber(k)} of the ${cohorts} `), label);
      }
      // The share stays the handle to its derivation; a count of some but not all is one too ("None" and "All" are words).
      const handles = robustSegments('nullWorld.shareAtLeast', c).filter((s) => typeof s !== 'string');
      // So is the number of cohorts it counts from, the cohorts with arrests before (those with none are left out).
      const count = k > 0 && k < n ? [{ text: formatNumber(k), path: 'robust:nullWorld.matched' }] : [];
      const from = { text: formatNumber(NULL_WORLD_COHORTS - world.dropped), path: 'robust:nullWorld.compared' };
      assert.deepEqual(handles, [...count, from, { text: formatPercent(world.shareAtLeastObserved), path: 'robust:nullWorld.shareAtLeast' }], label);
    }
  }
  assert.ok(none > 0 && some > 0, `both wordings reached (${none}, ${some})`);
});

test('with no category selected (?c=none), the null world says so, in the paragraph\'s reason and the figure\'s caption; with categories and no arrests before, the old reason stays', () => {
  const empty = nullWorldFor(analyse(bundled, { categories: [] }), DEFAULT_SELECTION, DEFAULT_LOOKBACK);
  assert.match(empty.reason!, /no offence category is selected/);
  const caption = describeNullWorld(empty, null);
  assert.match(caption, /no offence category is selected/);
  assert.doesNotMatch(caption, /nobody was arrested/);
  const noneBefore = nullWorldFor(analyse(bundled, { categories: ['modern_slavery'], gap: 23 }), DEFAULT_SELECTION, DEFAULT_LOOKBACK);
  assert.match(noneBefore.reason!, /^nobody was arrested before the orders/);
});

test('the regression-to-the-mean section says the simulation is a floor (at the selection chosen) with steady rates, and points to the order\'s own months', () => {
  const rtm = section(page('robustness'), 'Regression to the mean');
  assert.match(rtm, /no busy spells/);
  assert.match(rtm, /desistance/);
  assert.match(rtm, /At the selection strength chosen, its fall is a floor for regression to the mean, not a ceiling/);
  // Its reach, and the assumption under the floor (a methods reviewer): selection on arrests, as simulated.
  assert.match(rtm, /<StudyOnly inline>In the study's view of the bundled data \(24 months, every category\), even at full strength the simulated fall stays small/);
  // … as the simulation gives it there, at full strength, at every look-back the section offers (about a tenth at most).
  const study = analyse(bundled);
  for (const lookback of [1, 2, 3, 6, 9, 12]) assert.ok(nullWorldFor(study, 1, lookback).mean! < 0.15, `look-back ${lookback}`);
  assert.match(rtm, /The floor also assumes that orders are sought on a person's recent arrests, as simulated/);
  assert.match(rtm, /\[The months around the order\]\(#the-months-around-the-order\) is the more direct check/);
});

// ---- 2. interrupted time series

test('the time series\' notes follow the fit: the rise of the line before the order is said only where the engine\'s slope rises, and p-values only where there are some', () => {
  let rising = 0;
  let flat = 0;
  for (const r of states) {
    const text = sentence(r, 'itsNotes');
    const { events: e, harm: h } = r.its;
    const fitted = (f: typeof e) => f.preSlope !== null && f.level !== null && f.slopeChange !== null;
    if (!fitted(e) && !fitted(h)) { assert.equal(text, ''); continue; }
    const label = `${r.window}/${r.gap}/${r.categories.join(',')}: ${text}`;
    assert.match(text, /makes the order look better than it is/, label);
    // A slope of floating-point noise (|s| < 1e-9, printed as 0) is flat; one whose t-test is 0.05 or
    // more is no clear trend (a statistician: ?w=8&c=drugs "falls", p = 0.91), said with its p.
    // Clear only when both p-values (ordinary and Newey–West) are below 0.05, as for the step (a peer reviewer).
    const clear = (f: typeof e) => f.preSlopeP !== null && f.preSlopeP < 0.05 && (f.preSlopePHac === null || f.preSlopePHac < 0.05);
    const sloped = (f: typeof e, sign: number) => fitted(f) && Math.sign(f.preSlope!) === sign && Math.abs(f.preSlope!) >= 1e-9 && clear(f);
    const unclear = [['arrests', e], ['harm', h]].filter(([, f]) => fitted(f as typeof e) && Math.abs((f as typeof e).preSlope!) >= 1e-9 && (f as typeof e).preSlopeP !== null && !clear(f as typeof e)).map(([m]) => m);
    assert.equal(/slopes, but not clearly, for/.test(text), unclear.length > 0, label);
    const P = 'p\\s[=<]\\s[\\d.]+(; allowing for autocorrelation, p\\s[=<]\\s[\\d.]+)?';
    if (unclear.length > 0) assert.match(text, new RegExp(`slopes, but not clearly, for ${unclear.length === 2 ? `arrests \\(${P}\\) and harm \\(${P}\\)` : `${unclear[0]} \\(${P}\\)`}: the months show no clear trend before the orders\\.$`), label);
    const rises = [sloped(e, 1) ? 'arrests' : null, sloped(h, 1) ? 'harm' : null].filter((x) => x !== null);
    // A line that falls before the order is said to fall, and what that means (a statistician: at ?gap=6
    // "does not rise" hid a decline under way, which one straight line through both periods fits as well);
    // "the fall after them" only for a measure that fell.
    const fellToo = (m: string) => (m === 'arrests' ? r.events.post < r.events.pre : r.harm.post < r.harm.pre);
    const falls = [sloped(e, -1) ? 'arrests' : null, sloped(h, -1) ? 'harm' : null].filter((x) => x !== null);
    const [fallsFell, fallsNot] = [falls.filter(fellToo), falls.filter((m) => !fellToo(m))];
    if (rises.length > 0) { rising++; assert.ok(text.includes(`the line before the order rises for ${rises.join(' and ')}.`), label); }
    else assert.doesNotMatch(text, /rises for/, label);
    if (fallsFell.length > 0) { flat++; assert.ok(text.includes(`the line before the order falls for ${fallsFell.join(' and ')}: ${fallsFell.length === 1 ? 'it was' : 'both were'} already declining before the orders, so the fall after them may be partly that decline carrying on; the step and the change of slope measure what comes on top of it.`), label); }
    if (fallsNot.length > 0) assert.ok(text.includes(`the line before the order falls for ${fallsNot.join(' and ')}, though ${fallsNot.join(' and ')} did not fall after the orders: the step and the change of slope measure the change against that decline.`), label);
    if (falls.length === 0) assert.doesNotMatch(text, /falls for/, label);
    // A slope that cannot be tested (two months a side) is neither a trend nor flat.
    const untested = [e, h].some((f) => fitted(f) && Math.abs(f.preSlope!) >= 1e-9 && f.preSlopeP === null);
    assert.equal(/but cannot be tested, so it shows no clear trend before the orders\./.test(text), untested, label);
    if (rises.length === 0 && falls.length === 0 && unclear.length === 0 && !untested) assert.match(text, /the line before the order is flat\.$/, label);
    const tested = [e, h].some((f) => fitted(f) && f.levelP !== null);
    assert.equal(/The first p-value of each pair assumes the months are independent; the second, from Newey–West standard errors, lets each month's error be correlated with those of the (month|\d+ months) before it/.test(text), tested, label);
    const lag = [e, h].find((f) => fitted(f) && f.levelP !== null)?.hacLag;
    if (tested) assert.ok(text.includes(lag === 1 ? 'those of the month before it' : `those of the ${lag} months before it`), label);
  }
  assert.ok(rising > 0 && flat > 0, `${rising} rising, ${flat} not`);
  // The study's view rises (the busy spell before orders); with 6 months left out it does not.
  assert.ok(analyse(bundled).its.events.preSlope! > 0 && analyse(bundled, { gap: 6 }).its.events.preSlope! <= 0);
});

test('Conclusions\' step at the order is qualified: its p with and without autocorrelation (Newey–West), and a rising line before the order is said; an untested step says why', () => {
  const verdicts = new Set<string>();
  for (const r of states) {
    const e = r.its.events;
    const text = sentence(r, 'itsStep:events');
    if (e.level === null) continue;
    const label = `${r.window}/${r.gap}/${r.categories.join(',')}: ${text}`;
    if (e.levelP === null) {
      assert.ok(text.includes(`but it cannot be tested: ${e.reason}.`), label);
      continue;
    }
    // Both p-values, and the verdict follows the pair: a step is clear only when both are below 0.01 (only just, between 0.01 and 0.05).
    assert.ok(e.levelPHac !== null, label);
    assert.match(text, /treating the months as independent; p\s[=<].* allowing for a busy month tending to follow a busy month, with Newey–West standard errors\): /, label);
    // In a short series (fewer than 30 months) the Newey–West p is not to be relied on, so it never makes a step clear alone.
    const months = 2 * (r.window - r.gap);
    const short = months < 30;
    const verdict = e.levelP < 0.05 && e.levelPHac! < 0.05 ? (short ? `both p-values are below 0.05, but with only ${months} months neither can be relied on, so not a clear step` : Math.max(e.levelP, e.levelPHac!) >= 0.01 ? `below 0.05 either way, though only just ${e.levelPHac! >= e.levelP ? 'once their correlation is allowed for' : 'when the months are treated as independent'}; in ${months} autocorrelated months such tests find a step that is not there more often than 1 time in 20, so not a clear step` : 'a clear step either way')
      : e.levelP < 0.05 ? 'below 0.05 only when the months are treated as independent, not once their correlation is allowed for, so not a clear step'
        : e.levelPHac! < 0.05 ? (short ? `not clear when the months are treated as independent; the Newey–West p-value is below 0.05, but with only ${months} months it cannot be relied on` : `not clear when the months are treated as independent; the Newey–West p-value is below 0.05, but in a series of ${months} months it tends to come out too small, so not a clear step`)
          : 'not a clear step either way';
    assert.ok(text.includes(`): ${verdict}`), label);
    verdicts.add(verdict);
    const stepped = formatEstimate(Math.abs(e.level)) !== '0';
    assert.equal(/the line before the order rises/.test(text), e.preSlope !== null && e.preSlope > 0 && formatEstimate(e.preSlope) !== '0' && e.preSlopeP !== null && e.preSlopeP < 0.05 && (e.preSlopePHac === null || e.preSlopePHac < 0.05) && stepped, label);
    // The caveat follows the step's sign: a rising line makes a drop look larger, and a rise smaller.
    if (/the line before the order rises/.test(text)) assert.match(text, e.level < 0 ? /a drop .*the drop look larger/ : /a rise .*the rise look smaller/, label);
    // The step is said as a drop or a rise in the monthly count, its size unsigned, never as a rate.
    if (stepped) assert.ok(text.includes(`finds a ${e.level < 0 ? 'drop' : 'rise'} of ${formatEstimate(Math.abs(e.level))} in monthly arrests at the order`), label);
    else assert.ok(text.includes('finds no step (0) in monthly arrests at the order'), label);
  }
  // The views hold steps only just below 0.05 either way, and steps below 0.05 only under independence.
  assert.ok([...verdicts].some((v) => v.startsWith('below 0.05 either way, though only just once their correlation is allowed for; in ')) && verdicts.has('below 0.05 only when the months are treated as independent, not once their correlation is allowed for, so not a clear step'), [...verdicts].join(' | '));
  // Nothing but "a clear step either way" calls a step clear, on the page's rule (a peer reviewer found ?w=23 "clear when the months are treated as independent").
  for (const v of verdicts) if (v !== 'a clear step either way') assert.match(v, /not clear|not a clear step|cannot be relied on/, v);
  // The study's view: p = 0.0152 treating the months as independent, 0.0486 allowing for autocorrelation (only just below 0.05).
  assert.match(sentence(analyse(bundled), 'itsStep'), /^In this view the time series finds a drop of 4\.02 in monthly arrests at the order \(p = 0\.0152 treating the months as independent; p = 0\.0486 allowing for .*\): below 0\.05 either way, though only just once their correlation is allowed for; in 48 autocorrelated months such tests find a step that is not there more often than 1 time in 20, so not a clear step; and the line before the order rises/);
  // ?w=15: allowing for the correlation makes the p smaller (0.031 → 0.0113), so "only just" is the independent reading's.
  assert.match(sentence(analyse(bundled, { window: 15 }), 'itsStep'), /\(p = 0\.031 treating the months as independent; p = 0\.0113 allowing for .*\): below 0\.05 either way, though only just when the months are treated as independent/);
  // ?w=2&c=other: four months for the lines' four numbers. The step is fitted, not "cannot be fitted".
  const four = analyse(bundled, { window: 2, categories: ['other'] });
  assert.ok(four.its.events.level !== null && four.its.events.levelP === null && four.its.events.reason);
  assert.equal(sentence(four, 'itsStep'), `In this view the time series finds a drop of ${sentenceParts(four, 'itsStep').find((s) => typeof s !== 'string')!.text} in monthly arrests at the order, but it cannot be tested: ${four.its.events.reason}.`);
});

test('the time series fitted with no degrees of freedom left (?w=2&c=other) says why there is no p, not "p not available"', () => {
  const r = analyse(bundled, { window: 2, categories: ['other'] });
  const text = sentence(r, 'its');
  assert.doesNotMatch(text, /not available|n\/a/);
  assert.ok(text.includes(`but neither can be tested (no p-value): ${r.its.events.reason}.`), text);
  assert.match(text, /none of which can be tested, for the same reason\.$/);
});

test('the time series and Conclusions point to the fit with 6 months left out, by links whose own address the link rewriting keeps', () => {
  const domain = domainOf(bundled);
  const robust = section(page('robustness'), 'Interrupted time series');
  const conclusions = page('conclusions');
  for (const [text, prefix] of [[robust, ''], [conclusions, '../robustness/']] as const) {
    const study = `<StudyOnly inline><a href="${prefix}?gap=6#a-trend-already-under-way-interrupted-time-series" data-own-address>`;
    const own = `<OwnOnly inline><a href="${prefix}?gap=6&data=local#a-trend-already-under-way-interrupted-time-series" data-own-address>`;
    assert.ok(text.includes(study), study);
    assert.ok(text.includes(own), own);
  }
  // the address sets the gap the words promise
  assert.equal(parseState('?gap=6', domain).gap, 6);
  assert.equal(parseState('?gap=6&data=local', domain).gap, 6);
});

// ---- 3. the specification curve

test('the sign test beside the curve: the counts are the result\'s, and "almost any test" only when every change was a fall and the sign test finds it', () => {
  let all = 0;
  let notAll = 0;
  for (const r of states) {
    const parts = sentenceParts(r, 'signs');
    const text = sentence(r, 'signs');
    const s = r.events.sign;
    const label = `${r.window}/${r.gap}/${r.categories.join(',')}: ${text}`;
    for (const x of parts) {
      if (typeof x === 'string') continue;
      assert.ok(x.path === 'events.sign.n' || x.path === 'events.sign.fewer', label);
      assert.equal(x.text, formatNumber(x.path === 'events.sign.n' ? s.n : s.fewer), label);
    }
    const strong = s.n > 0 && s.fewer === s.n && s.p !== null && s.p < 0.05;
    assert.equal(/almost any test will find a fall/.test(text), strong, label);
    if (strong) all++; else notAll++;
    if (s.n > 1 && s.fewer > 0) assert.ok(text.startsWith(`In this view ${formatNumber(s.fewer)} of the ${formatNumber(s.n)} people whose arrests changed had fewer after`), label);
  }
  assert.ok(all > 0 && notAll > 0);
  assert.equal(sentence(analyse(bundled, { categories: [] }), 'signs'), '');
});

test('the curve\'s section says its specifications are near-copies and carries the sign test; no page calls it "every reasonable analysis"', () => {
  const curve = section(page('robustness'), 'Specification curve');
  assert.match(curve, /same test computed two ways/);
  assert.match(curve, /the share overstates how many different analyses agree/);
  const blocks = [...curve.matchAll(/<NeedsCategories>([\s\S]*?)<\/NeedsCategories>/g)].map((m) => m[1]);
  assert.ok(blocks.some((b) => b.includes('<Say what="signs" />')));
  for (const name of ['robustness', 'conclusions', 'index']) assert.doesNotMatch(page(name), /every reasonable/, name);
  // nor the figure's title or its description
  assert.doesNotMatch(ROBUSTNESS_FIGURES.specificationCurve.title, /reasonable/);
  assert.match(page('conclusions'), /\[specification curve\]\(\.\.\/robustness\/#the-analysts-choices-specification-curve\) repeats the whole analysis for every combination of a few windows and gaps with each measure, set of harm weights and test\./);
});

// ---- 4. the synthetic data, said where the verdicts are drawn, and only for them

test('regression to the mean, leave-one-out and the specification curve each say, for the study\'s data only, how the data were made, over the full two years', () => {
  const text = page('robustness');
  for (const heading of ['Regression to the mean', 'Leave-one-out', 'Specification curve']) {
    const s = section(text, heading);
    // Said of the data over the full two years, not of the view, where arrests can rise (at ?w=1 most people's do).
    assert.match(s, /<StudyOnly inline>The bundled data were made [^<]*over the full two years[^<]*rather than testing real orders\.<\/StudyOnly>/, heading);
  }
  // Nothing a reader's own data see says the data are synthetic or made.
  assert.doesNotMatch(withoutStudyOnly(text), /synthetic|were made|bundled data/);
});

// ---- 5. time at liberty

test('time at liberty states, with the what-if, that the before-period is taken as fully at liberty and that one share cannot say who was away', () => {
  const line = page('robustness').split('\n').find((l) => l.includes('<RobustLive name="liberty.rateBefore" />'))!;
  assert.match(line, /<span data-liberty-whatif>The what-if assumes that everyone spent the whole period before their order at liberty\.[^<]*if anything, makes the change look less favourable than it was: the true fall larger, or the true rise smaller\.[^<]*cannot say who was away[^<]*<\/span>/);
});

// ---- 6. leave-one-out

test('leave-one-out says little, in one sentence, where fewer people than the bootstrap\'s minimum have any arrest; otherwise the range', () => {
  let thin = 0;
  let ranged = 0;
  for (const r of states) {
    if (r.categories.length === 0 || r.leaveOneOut.events.min === null || r.events.reduction === null) continue;
    const people = r.perOrder.filter((o) => o.eventsPre > 0 || o.eventsPost > 0).length;
    const text = sentence(r, 'leaveOneOut');
    const range = sentence(r, 'leaveOneOutRange');
    const label = `${r.window}/${r.gap}/${r.categories.join(',')}: ${text}`;
    if (people < MIN_CONTRIBUTORS) {
      thin++;
      assert.doesNotMatch(text + range, /stays|keeps|between/, label);
      assert.ok(text.startsWith('Leaving each person out in turn says little in this view: '), label);
      assert.ok(text.includes(`only ${formatNumber(people)} ${people === 1 ? 'person has' : 'people have'} any arrest, fewer than ${MIN_CONTRIBUTORS}, the fewest the report reads a bootstrap interval or this range from`), label);
      assert.doesNotMatch(text.slice(0, -1), /\.\s/, `one sentence: ${text}`);
      assert.ok(range.startsWith('says little in this view, as '), range);
    } else {
      ranged++;
      // Named by the range's sign: a fall throughout, a rise throughout, or a range that crosses no change.
      const { min, max } = r.leaveOneOut.events;
      const [noun, verb, keeps] = min! > 0 ? ['reduction', 'stays', 'keeps'] : max! < 0 ? ['rise', 'stays', 'keeps'] : ['change', 'runs', 'moves'];
      assert.ok(text.startsWith(`Leaving each analysed person out in turn, the overall ${noun} in arrests ${verb} `), label);
      assert.ok(range.startsWith(`${keeps} the ${noun} in arrests `), range);
      assert.doesNotMatch(text + range, /−/, label);
    }
  }
  assert.ok(thin > 0 && ranged > 0);
  // ?w=6&gap=5&c=other: one arrest before, one after; never "between 0% and 100%".
  const r = analyse(bundled, { window: 6, gap: 5, categories: ['other'] });
  assert.doesNotMatch(sentence(r, 'leaveOneOut'), /between 0% and 100%/);
});

test('the page no longer promises that no order id is shown: the chart uses pseudonyms, and the panel lists each order\'s id to check against the orders file', () => {
  const loo = section(page('robustness'), 'Leave-one-out');
  assert.doesNotMatch(loo, /never by order/);
  assert.match(loo, /The chart shows people under pseudonyms/);
  assert.match(loo, /lists each person's order id[^.]*checked against the orders file/);
});

test('the closed form is said to answer a different selection rule, so it is a rough check', () => {
  // At selection 1 it applies; it selects on the whole period before, not the simulation's last months.
  const sharp: RobustnessContext = { world: nullWorldFor(analyse(bundled), 1, 6), liberty: null, curve: null };
  const text = robustSegments('nullWorld.barnett', sharp).map((s) => (typeof s === 'string' ? s : s.text)).join('');
  assert.match(text, /predicts a fall of \d+% for normal counts, with orders chosen on the whole period before rather than on the last months, a different rule from the simulation's, so the two agree only roughly\.$/);
});

test('the gap curve warns that many intervals at once will sometimes miss or include zero by chance', () => {
  assert.match(page('robustness'), /read the pattern across gaps, not a single dot/);
});

test('with months left out, the time series says its step is measured at the order, across the months left out', () => {
  const gapped = analyse(bundled, { gap: 3 });
  for (const part of ['its', 'itsStep'] as const) {
    assert.ok(sentence(gapped, part).endsWith(' With the 3 months either side of the order left out, the step is measured at the order itself, where neither line has data: both lines are carried across the months left out, so the step rests on their slopes as well as on the months either side.'), part);
    assert.doesNotMatch(sentence(analyse(bundled), part), /carried across/, part);
  }
});

// ---- a methods reviewer's caveats (2026-12-07)

test('the pages say what a p-value assumes, and that selection after a busy spell breaks it: a small p does not rule out regression to the mean', () => {
  const gloss = page('method').split('<dt id="term-p-value">')[1].split('</dd>')[0];
  assert.doesNotMatch(gloss, /if nothing had really changed/);
  // A general definition (Trends' slopes and correlations have p-values too), then the paired tests' assumption.
  assert.match(gloss, /<dd>How often a result at least this far from the test's starting assumption \(no change, no trend, no correlation\) would turn up if that assumption were true\./);
  assert.match(gloss, /For the paired tests the assumption is that each person's change is as likely to be a rise as a fall\./);
  assert.match(gloss, /does a small one rule out regression to the mean/);
});

test('the month of the order is described as the codebook and months.ts count it: only arrests on the order date are month 0, and no month is left out', () => {
  const codebook = readFileSync(new URL('../data/README.md', import.meta.url), 'utf8');
  assert.match(codebook, /an arrest \*\*on the order date\*\* itself is month 0 and is not counted/);
  for (const name of ['method', 'data']) {
    assert.doesNotMatch(page(name), /The month of the order (itself )?is not counted/, name);
    assert.match(page(name), /arrests on the order date itself/, name);
  }
  // A month column never holds 0: the codebook says so, and so does the Data page.
  assert.match(codebook, /\| `month` \| whole number, not 0 \|/);
  assert.match(page('data'), /a `month` column never holds 0/);
});

test('the months around the order say that leaving out months after it drops breaches and custody too; the time series says its step holds for a straight-line model only', () => {
  const gap = section(page('robustness'), 'The months around the order');
  // Breaches make the fall grow as months after the order are left out; custody or an early effect make it shrink, as a crisis before it would (a re-check).
  assert.match(gap, /Arrests for breaching the order come only after it, so leaving out the months that hold them makes the fall grow/);
  assert.match(gap, /Time on remand or in custody just after the order, or an early effect of the order, lowers the arrests in those months, so leaving them out makes the fall shrink/);
  const its = section(page('robustness'), 'interrupted time series');
  assert.match(its, /its verdict holds for this model only/);
  assert.match(its, /measures a proportional step instead/);
  // "Survives" read as an estimate of the share of the change that is real.
  assert.doesNotMatch(page('robustness') + page('index'), /how much of the change survives/);
});

test('a larger fall in harm than in arrests is said to be partly what the way orders are sought would produce (harm weighs arrests, not convictions)', () => {
  const harm = section(page('results'), 'Harm');
  // Said as a condition (orders sought after serious arrests), and of the bundled harm only that it weighs offences.
  assert.match(harm, /If orders are sought after serious arrests, the time before an order holds those arrests, each weighted by the offence it was for<StudyOnly inline> \(the bundled harm weighs offences, not convictions\)<\/StudyOnly>/);
  assert.match(harm, /would show a larger fall in harm than in arrests even if they changed nothing/);
  assert.match(page('conclusions'), /<Say what="harmVersusVolume" \/> <Say what="harmSelection" \/>/);
  // On Conclusions, only where harm fell clearly more than arrests, as the sentence before it reads them.
  const larger = analyse(bundled);
  assert.match(sentence(larger, 'harmSelection'), /^A larger fall in harm than in arrests is partly what the way orders are sought would produce/);
  for (const view of [{ categories: ['violence'], gap: 3 }, { categories: [] }, { window: 12, categories: ['violence', 'drugs'], gap: 3, weights: 'high' as const }]) {
    const r = analyse(bundled, view);
    assert.doesNotMatch(sentence(r, 'harmVersusVolume'), /^The fall in harm \([^)]*\) is larger/, JSON.stringify(view));
    assert.equal(sentence(r, 'harmSelection'), '', JSON.stringify(view));
  }
});

test('"In short" says that the curve\'s three tests share one estimate, two of them one test under two versions of R, as the curve defines them', async () => {
  const { SPECIFICATION_TESTS, specificationCurve } = await import('../src/analysis/specificationCurve.ts');
  const { IN_SHORT, textOf } = await import('../src/lib/robustness.ts');
  assert.deepEqual([...SPECIFICATION_TESTS], ['current', 'legacy', 'sign']);
  const state = { window: 24, categories: bundled.categories };
  const result = analyse(bundled, state);
  const curve = specificationCurve(bundled);
  // one reduction per window, gap, measure and weights, whichever the test
  const estimates = new Set(curve.specifications.map((s) => `${s.window}|${s.gap}|${s.measure}|${s.weights}|${s.reduction}`));
  assert.equal(estimates.size * SPECIFICATION_TESTS.length, curve.total);
  const line = textOf(IN_SHORT['curve.inShort']({ result, state, gapRows: null, world: null, liberty: null, curve }));
  // The tests test people's changes, not the reduction: they share it and the people (a re-check).
  assert.match(line, /; the three tests of each combination share one reduction and the same people, and two of them are the same paired test under two versions of R's rule, so they are not independent confirmations\.$/);
});

test('the time series as counts: every ratio, interval, p and dispersion is the engine\'s; a ratio its interval cannot pin down is not printed; the models are said to disagree exactly where their steps point opposite ways or fall either side of 0.05; a side it cannot fit says why', () => {
  const reasons = new Set<string>();
  const seen = { opposite: 0, split: 0, unpinned: 0 };
  for (const r of states) {
    const parts = sentenceParts(r, 'itsCount');
    const text = parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
    for (const p of parts) {
      if (typeof p === 'string') continue;
      const v = valueAt(r, p.path) as number;
      // a p-value's handle is formatP's text ("0.336", "< 0.001"); every other handle the value at three figures
      if (/P(Hac)?$/.test(p.path)) assert.equal(p.text, formatP(v), p.path);
      else assert.equal(p.text, formatEstimate(v), `${p.path} at ${JSON.stringify(r.categories)} w${r.window} g${r.gap}`);
    }
    let unpinned = 0;
    for (const [which, noun] of [['events', 'arrests'], ['harm', 'harm']] as const) {
      const fit = r.its[which];
      if (fit.levelRatio === null) {
        assert.ok(fit.countReason && text.includes(fit.countReason), text);
        reasons.add(fit.countReason!);
        continue;
      }
      const tested = fit.levelRatioP !== null;
      // A ratio beyond a thousandfold, or whose interval spans more than a thousandfold (or beyond a
      // double), is not printed.
      const readable = (v: number) => v >= 1e-3 && v <= 1e3;
      const pinned = (v: number, low: number | null, high: number | null) => readable(v) && low !== null && high !== null && high / low <= 1000;
      const printed = (path: string) => parts.some((p) => typeof p !== 'string' && p.path === path);
      for (const stem of ['levelRatio', 'slopeChangeRatio'] as const) {
        const ok: boolean = tested ? pinned(fit[stem]!, fit[`${stem}Low`], fit[`${stem}High`]) : readable(fit.levelRatio) && readable(fit.slopeChangeRatio!);
        if (tested && !ok) unpinned++;
        assert.equal(printed(`its.${which}.${stem}`), ok, `${which} ${stem} at w${r.window} g${r.gap} ${r.categories}: ${text}`);
      }
      if (!tested || fit.level === null || fit.levelP === null) continue;
      // The proportional step's direction: where the view pins it down, its ratio's; otherwise where its interval excludes 1.
      const proportional = pinned(fit.levelRatio, fit.levelRatioLow, fit.levelRatioHigh)
        ? (formatEstimate(fit.levelRatio) === '1' ? 0 : Math.sign(fit.levelRatio - 1))
        : fit.levelRatioHigh !== null && fit.levelRatioHigh < 1 ? -1 : fit.levelRatioLow !== null && fit.levelRatioLow > 1 ? 1 : 0;
      const straight = formatEstimate(Math.abs(fit.level)) === '0' ? 0 : Math.sign(fit.level);
      // the straight lines' step is below 0.05 as In short reads it: ordinary and Newey–West p both
      const straightBelow = fit.levelP < 0.05 && fit.levelPHac !== null && fit.levelPHac < 0.05;
      const opposite = straight !== 0 && proportional !== 0 && straight !== proportional && (straightBelow || fit.levelRatioP! < 0.05);
      const split = !opposite && straightBelow !== (fit.levelRatioP! < 0.05);
      if (opposite) seen.opposite++;
      if (split) seen.split++;
      assert.equal(text.includes(`The two models' steps in ${noun} point opposite ways`), opposite, `${noun} at w${r.window} g${r.gap} ${r.categories}: ${text}`);
      assert.equal(text.includes(`The two models' steps in ${noun} fall either side of 0.05`), split, `${noun} at w${r.window} g${r.gap} ${r.categories}: ${text}`);
    }
    assert.equal((text.match(/cannot pin down|cannot be pinned down/g) ?? []).length, unpinned, text);
    seen.unpinned += unpinned;
    // "In short" gives the model of counts beside the straight lines' verdict where it was tested.
    const short = sentence(r, 'trendInShort');
    const e = r.its.events;
    assert.equal(short.includes('In a model of counts'), e.levelRatio !== null && e.levelRatioP !== null && e.slopeChangeRatioP !== null && e.level !== null && e.preSlope !== null, short);
    // with months left out, the step that sentence reads is carried across them, whichever branch says it
    if (r.gap > 0 && short.includes('In a model of counts')) assert.match(short, /carried across months with no data/, short);
  }
  assert.ok(seen.opposite >= 1 && seen.split > 10 && seen.unpinned > 3, JSON.stringify(seen));
  assert.ok([...reasons].some((x) => x.startsWith('only one month after the order is above zero')), [...reasons].join(' | '));
  // The study's view: no clear proportional step in arrests, where the straight lines' p is below 0.05, and a slope that bends down.
  const study = analyse(bundled);
  assert.match(sentence(study, 'itsCount'), /The two models' steps in arrests fall either side of 0\.05: the straight lines' p-values are both below it \(p = 0\.0152; allowing for autocorrelation, p = 0\.0486\), the proportional step's is not \(p = 0\.336\); as a proportion, the change shows in the slope instead\./);
  assert.match(sentence(study, 'itsCount'), /month-on-month ratio is 1\.03 before the order and 0\.913 after, a change by a factor of 0\.886 \(0\.851 to 0\.923; p.<.0\.001\)/);
});
