// The "How robust is it?" page's pure functions (src/lib/robustness.ts): what they compute is
// checked against analyse() and the engine's own functions run independently here, so a wrong
// gap, label or view would fail.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { analyse, type AnalysisResult } from '../src/analysis/analyse.ts';
import { specificationCurve, type SpecificationCurve } from '../src/analysis/specificationCurve.ts';
import { NULL_WORLD_COHORTS, nullWorld } from '../src/analysis/nullWorld.ts';
import {
  DEFAULT_LOOKBACK, DEFAULT_SELECTION, DEFAULT_UNAVAILABLE, answerRobustness, barnettFall, currentSpecification, currentSpecificationWords, curveIntervalWords, gapCurveGaps, gapCurveRows, leaveOneOutRows, libertyFor, nullWorldDoneWords, nullWorldFor, robustSegments, viewOfSpecification,
  IN_SHORT, PAGE_FIGURES, ROBUST_NUMBERS, WORDED, robustNameOf, type RobustNumberName, type RobustnessContext, type RobustnessFigureContext,
} from '../src/lib/robustness.ts';
import { fallPieces, fallWords } from '../src/lib/wording.ts';
import { formatChangeSize, formatNumber, formatPercent, NOT_AVAILABLE } from '../src/lib/format.ts';
import { deriveRobust } from '../src/lib/robustDerivations.ts';
import { bundled } from './helpers/bundled.ts';
import { heavyDataset } from './helpers/alteredData.ts';

test('the gap curve: gaps 0 … min(6, window − 1), each row the reduction analyse() gives with that gap', () => {
  assert.deepEqual(gapCurveGaps(24), [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(gapCurveGaps(3), [0, 1, 2]);
  assert.deepEqual(gapCurveGaps(1), [0]);
  const rows = gapCurveRows(bundled, { window: 6, categories: ['violence', 'drugs'] });
  assert.equal(rows.length, 6 * 3 * 2, 'gaps 0 … 5, three groups, two measures');
  const r4 = analyse(bundled, { window: 6, gap: 4, categories: ['violence', 'drugs'] });
  assert.deepEqual(rows.find((r) => r.gap === 4 && r.measure === 'events' && r.group === 'overall'), { gap: 4, measure: 'events', group: 'overall', groupName: 'All selected categories', pre: r4.events.pre, post: r4.events.post, reduction: r4.events.reduction, ci: r4.events.ci });
  assert.equal(rows.find((r) => r.gap === 4 && r.measure === 'events' && r.group === 'drugs')!.reduction, r4.byCategory.drugs.events.reduction);
  // The empty view: one overall row per gap and measure, with no reduction.
  const empty = gapCurveRows(bundled, { window: 3, categories: [] });
  assert.deepEqual(empty.map((r) => [r.gap, r.measure, r.reduction]), [[0, 'events', null], [0, 'harm', null], [1, 'events', null], [1, 'harm', null], [2, 'events', null], [2, 'harm', null]]);
});

test('the gap curve for a view with weights and a rule: every row, arrests and harm, overall and by category, is analyse() at that gap with the view\'s weights', () => {
  const state = { window: 12, categories: ['violence', 'drugs', 'other'], weights: 'low' as const, wilcoxon: 'legacy' as const, gap: 2 };
  const rows = gapCurveRows(bundled, state);
  const gaps = gapCurveGaps(state.window);
  assert.equal(rows.length, gaps.length * 2 * (1 + state.categories.length));
  for (const gap of gaps) {
    const r = analyse(bundled, { ...state, gap });
    assert.equal(r.weights, 'low');
    for (const measure of ['events', 'harm'] as const) {
      const mine = rows.filter((x) => x.gap === gap && x.measure === measure);
      const want = [
        { gap, measure, group: 'overall', groupName: 'All selected categories', pre: r[measure].pre, post: r[measure].post, reduction: r[measure].reduction, ci: r[measure].ci },
        ...state.categories.map((c) => ({ gap, measure, group: c, groupName: r.categoryNames[c], pre: r.byCategory[c][measure].pre, post: r.byCategory[c][measure].post, reduction: r.byCategory[c][measure].reduction, ci: r.byCategory[c][measure].ci })),
      ];
      assert.deepEqual(mine, want, `${measure} at gap ${gap}`);
    }
  }
  // the weights matter: harm with the low weights is not harm as given
  const asGiven = gapCurveRows(bundled, { ...state, weights: undefined });
  const overallHarm = (rs: typeof rows) => rs.filter((x) => x.measure === 'harm' && x.group === 'overall').map((x) => x.reduction);
  assert.notDeepEqual(overallHarm(rows), overallHarm(asGiven));
  // The page's two figures: arrests, and harm with the view's weights, from the same rows.
  const result = analyse(bundled, state);
  const ctx = { result, state, gapRows: rows, world: null, liberty: null, curve: null } satisfies RobustnessFigureContext;
  assert.deepEqual(PAGE_FIGURES.gapCurve.data(ctx), { rows, measure: 'events' });
  assert.deepEqual(PAGE_FIGURES.gapCurveHarm.data(ctx), { rows, measure: 'harm', weights: 'low' });
  assert.notEqual(PAGE_FIGURES.gapCurve.title, PAGE_FIGURES.gapCurveHarm.title);
  assert.equal(PAGE_FIGURES.gapCurveHarm.data({ ...ctx, gapRows: null }), null, 'nothing to draw until the rows arrive');
});

test('leave-one-out rows: pseudonyms by rank of influence, never an order id, the same influences as perOrder', () => {
  const r = analyse(bundled);
  const rows = leaveOneOutRows(r);
  assert.equal(rows.length, r.perOrder.length);
  assert.deepEqual(rows.map((x) => x.label), r.perOrder.map((_, k) => `Person ${k + 1}`));
  for (const o of r.perOrder) assert.ok(!rows.some((x) => x.label.includes(o.order)));
  const sorted = r.perOrder.map((o) => o.influenceEvents!).sort((a, b) => a - b);
  assert.deepEqual(rows.map((x) => x.influence), sorted);
  assert.equal(r.events.reduction! + rows[0].influence!, r.leaveOneOut.events.min);
});

test('the null world for a view is nullWorld() on its before counts, over the months it analyses', () => {
  const r = analyse(bundled, { window: 12, gap: 2 });
  const w = nullWorldFor(r, 0.7, 3);
  // The view's window and gap: the simulated cohorts leave out the months nearest the order as the view does.
  const direct = nullWorld(r.perOrder.map((o) => o.eventsPre), { window: 12, gap: 2, selection: 0.7, lookback: 3, observedFall: r.events.reduction });
  assert.deepEqual(w, direct);
  assert.equal(barnettFall(w), null, 'the closed form applies only to a sharp cutoff');
  const sharp = nullWorldFor(analyse(bundled), 1, 6);
  const b = barnettFall(sharp);
  assert.ok(b !== null && b > 0 && b < 1, String(b));
  // Empty view: no distribution, and every number says n/a rather than NaN.
  const none = nullWorldFor(analyse(bundled, { categories: [] }), 0.5, 6);
  for (const f of Object.values(ROBUST_NUMBERS)) assert.doesNotMatch(f({ world: none, liberty: null, curve: null }), /NaN|undefined|Infinity/);
});

test('the null world in words: every simulated cohort counted, those with no arrests before said, and each fall or rise called so', () => {
  const ctx = (state: { window: number; categories: string[] }, selection = 0.5): RobustnessContext => ({ world: nullWorldFor(analyse(bundled, state), selection, 6), liberty: null, curve: null });
  const handle = (name: RobustNumberName, c: RobustnessContext) => robustSegments(name, c).find((x) => typeof x !== 'string');
  // ?w=2&c=drugs: one cohort of the 1,000 has no arrests before, so 999 falls
  const drugs = ctx({ window: 2, categories: ['drugs'] });
  assert.equal(drugs.world!.dropped, 1);
  assert.equal(drugs.world!.falls.length, 999);
  assert.equal(ROBUST_NUMBERS['nullWorld.cohorts'](drugs), 'In 1,000 simulated cohorts where orders do nothing, the average change in arrests was ');
  assert.deepEqual(handle('nullWorld.cohorts', drugs), { text: '1,000', path: 'robust:nullWorld.cohorts' });
  assert.equal(ROBUST_NUMBERS['nullWorld.dropped'](drugs), '; 1 had no arrests before, so no fall, and is left out');
  assert.deepEqual(handle('nullWorld.dropped', drugs), { text: '1', path: 'robust:nullWorld.dropped' });
  assert.match(ROBUST_NUMBERS['nullWorld.shareAtLeast'](drugs), /^ (None|\d[\d,]*) of the 999 simulated cohorts with arrests before fell at least as much \(\d+%[^)]*\)\.$/);
  // the observed change is the view's own, an 80% fall
  const r = analyse(bundled, { window: 2, categories: ['drugs'] });
  assert.equal(drugs.world!.observedFall, r.events.reduction);
  assert.equal(ROBUST_NUMBERS['nullWorld.observed'](drugs), '). The observed change in this view is an 80% fall.');
  assert.deepEqual(handle('nullWorld.observed', drugs), { text: '80%', path: 'robust:nullWorld.observed' });
  // every cohort had a fall: nothing is said of those without
  const study = ctx({ window: 24, categories: [...bundled.categories] });
  assert.equal(study.world!.dropped, 0);
  assert.equal(ROBUST_NUMBERS['nullWorld.dropped'](study), '');
  assert.deepEqual(robustSegments('nullWorld.dropped', study), []);
  assert.equal(ROBUST_NUMBERS['nullWorld.shareAtLeast'](study), ' None of the 1,000 simulated cohorts fell at least as much (0%; 1,000 cohorts put the chance below about 3 in 1,000).');
  // orders at random moments, 3 months of drugs: on average an 18% rise, never "fell by −18%"
  const random = ctx({ window: 3, categories: ['drugs'] }, 0);
  assert.ok(random.world!.mean! < 0);
  assert.equal(ROBUST_NUMBERS['nullWorld.mean'](random), 'an 18% rise');
  assert.deepEqual(handle('nullWorld.mean', random), { text: '18%', path: 'robust:nullWorld.mean' });
  assert.match(ROBUST_NUMBERS['nullWorld.low'](random), /^ \(95% of cohorts between an? \d+% rise$/);
  // an observed rise (1 month of violence): the cohorts at least as good rose no more, or fell
  const violence = ctx({ window: 1, categories: ['violence'] });
  assert.ok(violence.world!.observedFall! < 0);
  assert.equal(ROBUST_NUMBERS['nullWorld.observed'](violence), '). The observed change in this view is a 400% rise.');
  assert.match(ROBUST_NUMBERS['nullWorld.shareAtLeast'](violence), / simulated cohorts with arrests before rose no more than that, or fell \(\d+%[^)]*\)\.$/);
  // The names said in words are the page's spans (RobustLive.astro): any name with words in some view is one of them.
  for (const c of [drugs, study, random, violence, { world: null, liberty: null, curve: null }]) {
    for (const name of Object.keys(ROBUST_NUMBERS) as RobustNumberName[]) {
      if (robustSegments(name, c).some((x) => typeof x === 'string')) assert.ok(WORDED.has(name), name);
    }
  }
  assert.equal(ROBUST_NUMBERS['nullWorld.mean']({ world: null, liberty: null, curve: null }), 'n/a');
});

test('the null world\'s status after its own controls re-ran it says the result in the page\'s words, and no "n/a" when nothing changed', () => {
  const random = { world: nullWorldFor(analyse(bundled, { window: 3, categories: ['drugs'] }), 0, 6), liberty: null, curve: null };
  assert.equal(nullWorldDoneWords(random), `Done: the average change in arrests across the simulated cohorts was an 18% rise (observed: ${fallWords(random.world.observedFall!)}).`);
  const empty = { world: nullWorldFor(analyse(bundled, { categories: [] }), 0.5, 6), liberty: null, curve: null };
  assert.equal(nullWorldDoneWords(empty), 'Done: no simulated cohort had arrests before its order in this view, so there is no change to report.');
  assert.doesNotMatch(nullWorldDoneWords(empty), /n\/a/);
});

test('the specification curve\'s sentence on the view: highlighted when it is one of the specifications, else which windows and gaps the curve has', () => {
  const curve = specificationCurve(bundled);
  const highlighted = 'The current view\'s arrests specification is highlighted.';
  for (const state of [{ window: 24, categories: ['drugs'] }, { window: 12, categories: [], gap: 3, wilcoxon: 'legacy' as const }, { window: 6, categories: ['drugs'], gap: 1 }]) {
    assert.ok(currentSpecification(curve, state) >= 0);
    assert.equal(currentSpecificationWords(curve, state), highlighted);
  }
  const not = (view: string) => `The current view (${view}) is not one of these specifications, so none is highlighted: they have windows of 6, 12, 18 and 24 months, and gaps of 0, 1, 3 or 6 months, each shorter than the window.`;
  assert.equal(currentSpecificationWords(curve, { window: 1, categories: ['drugs'] }), not('a 1-month window, gap 0'));
  assert.equal(currentSpecificationWords(curve, { window: 2, categories: ['drugs'] }), not('a 2-month window, gap 0'));
  assert.equal(currentSpecificationWords(curve, { window: 24, categories: ['drugs'], gap: 12 }), not('a 24-month window, gap 12'));
  assert.equal(currentSpecificationWords(curve, { window: 8, categories: ['drugs'] }), not('an 8-month window, gap 0'));
  assert.equal(currentSpecificationWords(curve, { window: 6, categories: ['drugs'], gap: 6 }), not('a 6-month window, gap 6'), 'gap 6 is not shorter than a window of 6');
  assert.equal(currentSpecificationWords(null, { window: 1, categories: [] }), '', 'nothing to say before the curve is computed');
});

test('the page says the curve\'s numbers and its sentence on the view only when there are categories to count (NeedsCategories), and never claims a highlight', () => {
  const page = readFileSync(new URL('../src/pages/robustness.mdx', import.meta.url), 'utf8');
  const blocks = [...page.matchAll(/<NeedsCategories>([\s\S]*?)<\/NeedsCategories>/g)].map((m) => m[1]);
  const curve = blocks.find((b) => b.includes('<RobustLive name="curve.total" />'));
  assert.ok(curve, 'the specification curve\'s numbers are inside a NeedsCategories block');
  assert.match(curve, /<span data-curve-view>\{currentSpecificationWords\(defaultRobustness\.curve, defaultRobustness\.state\)\}<\/span>/);
  assert.doesNotMatch(page, /arrests specification is highlighted/);
  // the regression to the mean's paragraph: its observed change is the simulation's, said in words
  const world = blocks.find((b) => b.includes('<RobustLive name="nullWorld.mean" />'))!;
  assert.match(world, /<RobustLive name="nullWorld.observed" \/>/);
  assert.match(world, /<RobustLive name="nullWorld.high" \/><RobustLive name="nullWorld.dropped" \/><RobustLive name="nullWorld.observed" \/>/);
  assert.doesNotMatch(world, /fell on average by|observed fall in this view is/);
});

test('time at liberty: the what-if over the months analysed, with its break-even share 1 − post ÷ pre', () => {
  const r = analyse(bundled, { window: 12, gap: 1 });
  const l = libertyFor(r, 0.25, bundled);
  assert.equal(l.kind, 'whatIf');
  assert.equal(l.value.rateBefore, r.events.pre / (r.orders * 11));
  assert.equal(l.value.rateAfter, r.events.post / (r.orders * 11 * 0.75));
  assert.ok(l.kind === 'whatIf' && Math.abs(l.value.breakEven! - (1 - r.events.post / r.events.pre)) < 1e-15);
  // The page says the break-even share "is always the fall in arrests itself" (a leader took 56% for a copy
  // error): it prints as the reduction does, in every view with a fall.
  for (const view of [{}, { window: 6 }, { window: 12, categories: ['violence', 'drugs'], gap: 2 }, { categories: ['other'], weights: 'low' as const }]) {
    const v = analyse(bundled, view);
    const w = libertyFor(v, 0.2, bundled);
    assert.ok(w.kind === 'whatIf' && v.events.reduction! > 0);
    assert.equal(ROBUST_NUMBERS['liberty.breakEven']({ world: null, liberty: w, curve: null }), formatPercent(v.events.reduction));
  }
  assert.match(readFileSync(new URL('../src/pages/robustness.mdx', import.meta.url), 'utf8'), /\(the break-even share\)\. That share is always the fall in arrests itself/);
});

test('a specification and the view: the current one is the arrests spec of the window, gap and rule; activating one keeps the categories', () => {
  const curve = specificationCurve(bundled);
  const k = currentSpecification(curve, { window: 12, categories: ['drugs'], gap: 3, wilcoxon: 'legacy' });
  assert.deepEqual(({ ...curve.specifications[k], reduction: 0, ci: null, p: 0, lean: 0, significant: false }), { window: 12, gap: 3, measure: 'events', weights: null, test: 'legacy', reduction: 0, ci: null, p: 0, lean: 0, significant: false });
  assert.equal(currentSpecification(curve, { window: 7, categories: [] }), -1);
  const harm = curve.specifications.find((s) => s.measure === 'harm' && s.weights === 'high' && s.test === 'sign' && s.window === 6 && s.gap === 1)!;
  assert.deepEqual(viewOfSpecification(harm, { window: 24, categories: ['drugs'], wilcoxon: 'legacy' }), { window: 6, categories: ['drugs'], gap: 1, weights: 'high', wilcoxon: 'legacy' });
  const events = curve.specifications.find((s) => s.measure === 'events' && s.test === 'current' && s.window === 18 && s.gap === 0)!;
  assert.deepEqual(viewOfSpecification(events, { window: 24, categories: [], weights: 'low', wilcoxon: 'legacy' }), { window: 18, categories: [], weights: 'low' });
});

test('the worker\'s answers are the functions\' own', () => {
  const state = { window: 6, categories: ['violence'] };
  assert.deepEqual(answerRobustness(bundled, { kind: 'gapCurve', state }), { kind: 'gapCurve', rows: gapCurveRows(bundled, state) });
  const reply = answerRobustness(bundled, { kind: 'specificationCurve', categories: ['violence'] });
  assert.deepEqual(reply, { kind: 'specificationCurve', curve: specificationCurve(bundled, { categories: ['violence'] }) });
});

// ---- nothing to compute: one plain sentence that says why, never a row of "n/a"

/** The null world's paragraph as the page prints it: its spans, one after the other (src/pages/robustness.mdx). */
const NULL_WORLD_SPANS: RobustNumberName[] = ['nullWorld.cohorts', 'nullWorld.mean', 'nullWorld.low', 'nullWorld.high', 'nullWorld.dropped', 'nullWorld.observed', 'nullWorld.shareAtLeast', 'nullWorld.barnett'];
const nullWorldParagraph = (c: RobustnessContext) => NULL_WORLD_SPANS.map((name) => ROBUST_NUMBERS[name](c)).join('');
/** Time at liberty's sentence as the page prints it: its own words, the what-if's clause (unless the data give each person's months), then the spans. */
const libertySentence = (c: RobustnessContext) => `Arrests per month at liberty${c.liberty?.kind === 'whatIf' ? `, if people spent ${ROBUST_NUMBERS['liberty.share'](c)} of the months after their order in custody or abroad,` : ''}${ROBUST_NUMBERS['liberty.rateBefore'](c)}${ROBUST_NUMBERS['liberty.rateAfter'](c)}${ROBUST_NUMBERS['liberty.rateFall'](c)}`;

test('the null world with no arrests before the orders (?c=modern_slavery&gap=23): one sentence saying why nothing is simulated', () => {
  const r = analyse(bundled, { categories: ['modern_slavery'], gap: 23 });
  const c: RobustnessContext = { world: nullWorldFor(r, DEFAULT_SELECTION, DEFAULT_LOOKBACK), liberty: null, curve: null };
  assert.equal(c.world!.falls.length, 0);
  assert.equal(nullWorldParagraph(c), 'Nothing can be simulated in this view: nobody was arrested before the orders, so there is no busy spell to regress from, and there is no observed fall to compare with.');
  // The study's view reads as one paragraph with every number, as before.
  const study = analyse(bundled);
  const s: RobustnessContext = { world: nullWorldFor(study, DEFAULT_SELECTION, DEFAULT_LOOKBACK), liberty: null, curve: null };
  assert.match(nullWorldParagraph(s), /^In 1,000 simulated cohorts where orders do nothing, the average change in arrests was an? \d+% (fall|rise) \(95% of cohorts between an? \d+% (fall|rise) and an? \d+% (fall|rise)\)\. The observed change in this view is a 56% fall\. None of the 1,000 simulated cohorts fell at least as much \(0%; 1,000 cohorts put the chance below about 3 in 1,000\)\. The closed form for normal data \(Barnett, van der Pols and Dobson, 2005\) does not apply in this view: it assumes a sharp cutoff \(everyone above a threshold, and nobody below it, gets an order: selection 1\), and the simulation's selection is 0\.5\.$/);
  // At selection 1 it is the spread of the counts that rules it out at ?w=3&c=drugs, and the sentence says that, not the selection.
  const flat = nullWorldFor(analyse(bundled, { window: 3, categories: ['drugs'] }), 1, DEFAULT_LOOKBACK);
  assert.ok(flat.parameters!.beforeVariance! <= flat.parameters!.beforeMean);
  assert.match(nullWorldParagraph({ world: flat, liberty: null, curve: null }), /does not apply in this view: the arrests before are no more spread than Poisson noise \(variance ≤ mean\), so people do not differ in their rates and there is nothing to regress to\.$/);
  for (const view of [{}, { window: 2, categories: ['drugs'] }, { window: 1 }, { categories: ['modern_slavery'], gap: 23 }, { window: 19, categories: ['violence'], gap: 18 }]) {
    const text = nullWorldParagraph({ world: nullWorldFor(analyse(bundled, view), DEFAULT_SELECTION, DEFAULT_LOOKBACK), liberty: null, curve: null });
    assert.doesNotMatch(text, /n\/a|  /, text);
  }
});

test('time at liberty with no arrests, or none before: the sentence ends by saying why there is no change, not "a change of n/a"', () => {
  const none = analyse(bundled, { categories: ['modern_slavery'], gap: 23 });
  const c: RobustnessContext = { world: null, liberty: libertyFor(none, DEFAULT_UNAVAILABLE, bundled), curve: null };
  assert.equal(libertySentence(c), 'Arrests per month at liberty, if people spent 20% of the months after their order in custody or abroad, were 0 per person before the order and 0 after: no one was arrested in the months analysed, before or after the order, so there is no change to measure.');
  const rose = analyse(bundled, { window: 19, categories: ['violence'], gap: 18 });
  assert.match(libertySentence({ world: null, liberty: libertyFor(rose, DEFAULT_UNAVAILABLE, bundled), curve: null }), /were 0 per person before the order and 0\.0305 after: with no arrests before the orders, there is no fall or rise to measure as a share of them\.$/);
  // the study's view, as before: a fall of 45%, its size the handle
  const study: RobustnessContext = { world: null, liberty: libertyFor(analyse(bundled), DEFAULT_UNAVAILABLE, bundled), curve: null };
  assert.equal(libertySentence(study), 'Arrests per month at liberty, if people spent 20% of the months after their order in custody or abroad, were 0.213 per person before the order and 0.118 after, a fall of 45%.');
  assert.deepEqual(robustSegments('liberty.rateFall', study).filter((x) => typeof x !== 'string'), [{ text: '45%', path: 'robust:liberty.rateFall' }]);
  // a rise says so
  const w1: RobustnessContext = { world: null, liberty: libertyFor(analyse(bundled, { window: 1 }), DEFAULT_UNAVAILABLE, bundled), curve: null };
  assert.match(ROBUST_NUMBERS['liberty.rateFall'](w1), /^, a rise of \d+%\.$/);
});

test('time at liberty from a reader\'s own months in custody or abroad: a whole sentence that says it counts them, and no rate after when no one had a month at liberty', () => {
  const withMonths = (after: (k: number) => number) => ({
    ...bundled,
    manifest: { ...bundled.manifest!, synthetic: false, calibrated: false },
    orders: bundled.orders.map((o, k) => ({ ...o, monthsUnavailableBefore: k % 4, monthsUnavailableAfter: after(k) })),
  });
  const some = withMonths((k) => (k * 7) % 13);
  const r = analyse(some);
  const c: RobustnessContext = { world: null, liberty: libertyFor(r, DEFAULT_UNAVAILABLE, some), curve: null };
  assert.equal(c.liberty!.kind, 'byPerson');
  const text = libertySentence(c);
  assert.match(text, /^Arrests per month at liberty, counting each person's own months in custody or abroad from the data, were \d\.\d+ per person before the order and \d\.\d+ after, a fall of \d+%\.$/);
  // Everyone away for the whole period after: the rate after cannot be computed, and the sentence says so.
  const away = withMonths(() => 24);
  const all = libertyFor(analyse(away), DEFAULT_UNAVAILABLE, away);
  assert.equal(all.value.rateAfter, null);
  const gone = libertySentence({ world: null, liberty: all, curve: null });
  assert.match(gone, /^Arrests per month at liberty, counting each person's own months in custody or abroad from the data, were \d\.\d+ per person before the order, but the rate after it cannot be computed: no one had a single month at liberty after their order\.$/);
  assert.doesNotMatch(gone, /n\/a/);
  // One person away for all 24 months after, yet arrested then (the files' warning): the rates keep
  // their arrests, and the sentence says how many there are and which way they move the fall (an analyst).
  const busy = analyse(bundled).perOrder.find((o) => o.eventsPost > 1)!;
  const conflict = { ...some, orders: some.orders.map((o) => (o.id === busy.order ? { ...o, monthsUnavailableAfter: 24 } : o)) };
  const lc = libertyFor(analyse(conflict), DEFAULT_UNAVAILABLE, conflict);
  assert.equal(lc.kind, 'byPerson');
  assert.deepEqual(lc.kind === 'byPerson' && lc.value.arrestedWhileAway, { before: { people: 0, arrests: 0 }, after: { people: 1, arrests: busy.eventsPost } });
  const said = libertySentence({ world: null, liberty: lc, curve: null });
  assert.match(said, new RegExp(`a fall of \\d+%\\. But 1 person recorded as in custody or abroad for all the months after the order has ${busy.eventsPost} arrests in them: one of their records is wrong \\(the files' check warned of it\\), and those arrests, set against no months of their own, raise the rate after, and so shrink the fall\\. Correct the records and load the files again\\.$`));
  assert.doesNotMatch(text, /But \d/, 'no conflict, no word');
  // Its counts are in the rates' derivation, recounted here from the derivation's own rows (person, before, after, months away before, after).
  const d = deriveRobust('liberty.rateFall', { world: null, liberty: lc, curve: null }, analyse(conflict), { dataset: conflict, synthetic: false })!;
  const rows = d.inputs!.rows as [string, number, number, number, number][];
  const step = (label: RegExp) => d.steps.find((x) => label.test(x.label))!.value;
  assert.equal(step(/^People recorded away for all the months after/), rows.filter((x) => x[4] === 24 && x[2] > 0).length);
  assert.equal(step(/^Their arrests after/), rows.filter((x) => x[4] === 24).reduce((t, x) => t + x[2], 0));
  assert.equal(step(/^People recorded away for all the months before/), 0);
  const short = (l: typeof lc) => IN_SHORT['liberty.inShort']({ world: null, liberty: l, curve: null, result: analyse(conflict) } as unknown as RobustnessFigureContext).map((x) => (typeof x === 'string' ? x : x.text)).join('');
  assert.match(short(lc), /a \d+% fall\. Some of the records of time away conflict with the arrests: the section says how\.$/);
  assert.doesNotMatch(short(c.liberty!), /conflict/);
});

test('the page\'s time-at-liberty sentence starts whole in both modes, and the columns\' sentence steps aside with the what-if', () => {
  const page = readFileSync(new URL('../src/pages/robustness.mdx', import.meta.url), 'utf8');
  const line = page.split('\n').find((l) => l.includes('<RobustLive name="liberty.rateBefore" />'))!;
  // The opening words are outside the what-if's span, which hides with each person's own months.
  assert.ok(line.startsWith('Arrests per month at liberty<span data-liberty-whatif>, if people spent <RobustLive name="liberty.share" />'), line);
  assert.match(line, /<\/span><RobustLive name="liberty.rateBefore" \/><RobustLive name="liberty.rateAfter" \/><RobustLive name="liberty.rateFall" \/>/);
  assert.match(line, /<span data-liberty-whatif>When the data include each person's months in custody or abroad [^<]*`months_unavailable_before`[^]*with no gap<span class="screen-only">, and the slider steps aside<\/span>\.<\/span>$/);
  assert.doesNotMatch(page, /the study's window/);
});

test('the specification curve says how many of its significant falls have an interval that takes in no change, and the share without them', () => {
  const spec = (significant: boolean, ci: [number, number] | null) => ({ window: 12, gap: 0, measure: 'events' as const, weights: null, test: 'current' as const, reduction: 0.5, ci, p: significant ? 0.01 : 0.2, lean: 1 as -1 | 0 | 1, significant });
  const curve = (...specifications: ReturnType<typeof spec>[]) => ({ specifications, total: specifications.length, significant: specifications.filter((s) => s.significant).length });
  // 4 specifications, 3 significant: one of them with an interval across no change, one with none.
  assert.equal(
    curveIntervalWords(curve(spec(true, [0.2, 0.8]), spec(true, [-0.3, 0.9]), spec(true, null), spec(false, [-0.5, 0.7]))),
    'Of those 3, 1 has a 95% interval for the reduction that takes in no change, and 1 has no interval, their arrests being too few, or none after the orders, for one to mean much: the tests ask whether people\'s arrests or harm typically fell, the interval whether the total did, and in a thin view the two can part. Counting only falls whose interval is clear of no change as well, the share is 1 of 4 (25%).',
  );
  assert.equal(curveIntervalWords(curve(spec(true, [0.2, 0.8]), spec(true, [0.1, 0.9]))), 'Each of those 2 also has a 95% interval for the reduction clear of no change.');
  assert.equal(curveIntervalWords(curve(spec(true, [-0.2, 0.8]), spec(false, null))), 'It has a 95% interval for the reduction that takes in no change: the tests ask whether people\'s arrests or harm typically fell, the interval whether the total did, and in a thin view the two can part. Counting only falls whose interval is clear of no change as well, the share is 0 of 2 (0%).');
  assert.equal(curveIntervalWords(curve(spec(true, [0.2, 0.8]))), 'It also has a 95% interval for the reduction clear of no change.');
  assert.equal(curveIntervalWords(curve(spec(false, [0.2, 0.8]))), '', 'nothing significant, nothing to qualify');
  assert.equal(curveIntervalWords(null), '');
  // Significant rises are said, since the curve counts only falls (an analyst's rise: "0 find a significant fall" alone).
  const rise = (p: number) => ({ ...spec(false, [-0.9, -0.2]), reduction: -0.5, p, lean: -1 as const });
  assert.equal(curveIntervalWords(curve(rise(0.01), rise(0.01), rise(0.3))), '2 of the 3 find a significant rise instead (67%).');
  assert.equal(curveIntervalWords(curve(spec(true, [0.2, 0.8]), rise(0.01))), 'It also has a 95% interval for the reduction clear of no change. 1 of the 2 finds a significant rise instead (50%).');
  // A significant test that points the other way from its total is neither, and is said apart (a re-check: one heavy arrest after an order).
  const against = (lean: 1 | -1, reduction: number) => ({ ...spec(false, [-0.9, 0.2]), reduction, p: 0.01, lean });
  const why = ' and count as neither a fall nor a rise: the tests weigh each person\'s change by its sign or rank, the total by its size, so a few large changes can turn the total against most people\'s.';
  assert.equal(curveIntervalWords(curve(rise(0.01), against(1, -0.5))), `1 of the 2 finds a significant rise instead (50%). 1 of the 2 has a significant test that points the other way from its total,${why.replace('count as', 'counts as')}`);
  // Said of all the specifications, not "of those" falls before it (a re-check read 12 of 90 as 12 of the 78 falls).
  assert.equal(curveIntervalWords(curve(spec(true, [0.2, 0.8]), against(1, -0.5), against(-1, 0.3))), `It also has a 95% interval for the reduction clear of no change. 2 of the 3 have a significant test that points the other way from their total,${why}`);
  // A total that did not move (within rounding) has no other way: said where there is one.
  assert.equal(curveIntervalWords(curve(against(1, 1e-16))), `1 of the 1 has a significant test that points the other way from its total, or either way beside a total that did not move,${why.replace('count as', 'counts as')}`);
  // Only specifications with no interval: no word on intervals that take in no change (a sweep: modern slavery alone).
  assert.equal(curveIntervalWords(curve(spec(true, [0.2, 0.8]), spec(true, null), spec(true, null))), 'Of those 3, 2 have no interval, their arrests being too few, or none after the orders, for one to mean much. Counting only falls whose interval is clear of no change as well, the share is 1 of 3 (33%).');
});

test('"Read the share with care" gives its counts and shares as numbers with derivations, each reading as its named number does, in curves with falls across no change, without intervals and with rises', async () => {
  const { curveIntervalSegments } = await import('../src/lib/robustness.ts');
  const spec = (significant: boolean, ci: [number, number] | null) => ({ window: 12, gap: 0, measure: 'events' as const, weights: null, test: 'current' as const, reduction: 0.5, ci, p: significant ? 0.01 : 0.2, lean: 1 as -1 | 0 | 1, significant });
  const rise = { ...spec(false, [-0.9, -0.2]), reduction: -0.5, p: 0.01, lean: -1 as const };
  const made = (...specifications: ReturnType<typeof spec>[]) => ({ specifications, total: specifications.length, significant: specifications.filter((x) => x.significant).length }) as unknown as SpecificationCurve;
  const curves = [
    made(spec(true, [0.2, 0.8]), spec(true, [-0.3, 0.9]), spec(true, null), spec(false, [-0.5, 0.7]), rise),
    specificationCurve(bundled, { categories: bundled.categories }),
    specificationCurve(bundled, { categories: ['violence'] }),
  ];
  for (const curve of curves) {
    const segments = curveIntervalSegments(curve);
    const handles = segments.filter((x): x is { text: string; path: `robust:${RobustNumberName}` } => typeof x !== 'string');
    assert.ok(handles.length > 0);
    for (const h of handles) assert.equal(h.text, ROBUST_NUMBERS[robustNameOf(h.path)!]({ world: null, liberty: null, curve }), h.path);
    // Counted here by the page's words: the falls whose interval takes in no change, those with none, and the share clear of both.
    const sig = curve.specifications.filter((x) => x.significant);
    const across = sig.filter((x) => x.ci !== null && x.ci[0] <= 0).length;
    const none = sig.filter((x) => x.ci === null).length;
    const clear = sig.length - across - none;
    const text = handles.map((h) => `${h.path}=${h.text}`);
    if (across > 1 || (across === 1 && sig.length > 1)) assert.ok(text.includes(`robust:curve.acrossFalls=${formatNumber(across)}`), text.join(' '));
    if (none > 0 && sig.length > 1) assert.ok(text.includes(`robust:curve.noInterval=${formatNumber(none)}`), text.join(' '));
    if (across + none > 0) assert.ok(text.includes(`robust:curve.clearShare=${formatPercent(clear / curve.total)}`), text.join(' '));
  }
  assert.deepEqual(curveIntervalSegments(curves[0]).filter((x) => typeof x !== 'string').map((x) => (x as { path: string }).path), ['robust:curve.significant', 'robust:curve.acrossFalls', 'robust:curve.noInterval', 'robust:curve.clearFalls', 'robust:curve.total', 'robust:curve.clearShare', 'robust:curve.rises', 'robust:curve.total', 'robust:curve.riseShare']);
});

// ---- "In short": a line for each check, at the top of the page (a police leader found no bottom line)

test('"In short" gives each check\'s numbers as its section does, and its words follow their signs, in every kind of view', () => {
  const views = [{}, { window: 12, categories: ['violence', 'drugs'], gap: 2 }, { window: 6, categories: ['other'] }, { window: 1 }, { window: 3, categories: ['modern_slavery'], gap: 1 }, { window: 24, categories: ['drugs'], weights: 'low' as const }, { window: 2, categories: ['violence'] }, { window: 12, gap: 11 }, { window: 24, gap: 23, categories: ['other'], wilcoxon: 'legacy' as const }];
  for (const view of views) {
    const state = { window: 24, ...view, categories: view.categories ?? bundled.categories } as Parameters<typeof gapCurveRows>[1];
    const r = analyse(bundled, state);
    const c: RobustnessFigureContext = {
      result: r, state, gapRows: gapCurveRows(bundled, state), world: nullWorldFor(r, DEFAULT_SELECTION, DEFAULT_LOOKBACK),
      liberty: libertyFor(r, DEFAULT_UNAVAILABLE, bundled), curve: specificationCurve(bundled, { categories: state.categories }),
    };
    const line = (name: keyof typeof IN_SHORT) => IN_SHORT[name](c).map((s) => (typeof s === 'string' ? s : s.text)).join('');
    const handles = (name: keyof typeof IN_SHORT) => IN_SHORT[name](c).filter((s): s is { text: string; path: `robust:${RobustNumberName}` } => typeof s !== 'string');
    for (const name of Object.keys(IN_SHORT) as (keyof typeof IN_SHORT)[]) assert.doesNotMatch(line(name), /NaN|undefined|Infinity|null/, `${name} ${JSON.stringify(view)}`);
    // The simulation: its mean and the observed change, the section's own handles and texts.
    const world = handles('nullWorld.inShort');
    const fell = (c.world!.observedFall ?? 0) > 0;
    // (the share of orders after a busy spell first, at the default selection)
    // (and after a fall, the count of cohorts that matched it, where some but not all did, then its share)
    const nFalls = c.world!.falls.length;
    const matched = c.world!.falls.filter((f) => f >= c.world!.observedFall!).length;
    const counted = fell && matched > 0 && matched < nFalls;
    // (and the number of cohorts it counts from, those with arrests before: the cohorts asked for, less those with none)
    assert.deepEqual(world.map((h) => h.path), ['robust:nullWorld.afterBusy', 'robust:nullWorld.mean', 'robust:nullWorld.observed', ...(counted ? ['robust:nullWorld.matched'] : []), ...(fell ? ['robust:nullWorld.compared', 'robust:nullWorld.shareAtLeast'] : [])]);
    if (counted) assert.equal(world.splice(3, 1)[0].text, formatNumber(matched));
    if (fell) assert.equal(world.splice(3, 1)[0].text, formatNumber(NULL_WORLD_COHORTS - c.world!.dropped));
    const shareIn = world.shift()!;
    assert.equal(shareIn.text, formatPercent(c.world!.parameters!.afterBusyShare));
    assert.equal(world[0].text, formatChangeSize(c.world!.mean));
    assert.equal(world[1].text, formatChangeSize(r.events.reduction));
    // After a fall, its verdict: the cohorts that matched it, counted here from the simulated falls, and what that share says.
    if (fell) {
      const n = c.world!.falls.length;
      const k = c.world!.falls.filter((f) => f >= c.world!.observedFall!).length;
      assert.equal(world[2].text, formatPercent(k / n));
      const who = k === 0 ? 'none of the' : k === n ? 'all' : `${formatNumber(k)} of the`;
      // (counted out of the cohorts with arrests before, and said so, where some had none)
      assert.ok(line('nullWorld.inShort').includes(`, which ${who} ${formatNumber(n)} simulated cohorts${c.world!.dropped > 0 ? ' with arrests before' : ''} matched (${formatPercent(k / n)})`), line('nullWorld.inShort'));
      // The simulation is a floor: it can say selection could explain the fall, never that it cannot.
      // (the 5% as printed, and only where selection is at work and the cohorts fall on average)
      const printed = Number(formatPercent(k / n).replace('%', ''));
      // Never "selection alone": a match is selection and chance together, or chance alone at random moments or without a simulated fall.
      const selecting = c.world!.parameters!.selection > 0 && c.world!.mean! > 0;
      assert.equal(line('nullWorld.inShort').includes('orders that did nothing could explain it, through selection and chance together'), printed >= 5 && selecting, line('nullWorld.inShort'));
      assert.equal(line('nullWorld.inShort').includes('chance alone could explain it'), printed >= 5 && !selecting, line('nullWorld.inShort'));
      assert.doesNotMatch(line('nullWorld.inShort'), /selection alone could explain/);
      assert.doesNotMatch(line('nullWorld.inShort'), /does not explain|rarely/);
    } else assert.doesNotMatch(line('nullWorld.inShort'), /matched|could explain/);
    assert.ok(line('nullWorld.inShort').includes(`would show ${fallPieces(c.world!.mean!).join('')} on average`), line('nullWorld.inShort'));
    assert.equal(/real regression to the mean can be larger, so this does not rule it out\.$/.test(line('nullWorld.inShort')), c.world!.mean! > 0 && (c.world!.observedFall ?? 0) > 0 && Number(formatPercent(c.world!.shareAtLeastObserved!).replace('%', '')) < 5, 'a floor only under a simulated fall, beside an observed one that selection does not already explain');
    // The months around the order, from analyse() at each gap, counted here.
    const analyses = Array.from({ length: Math.min(6, r.window - 1) + 1 }, (_, g) => analyse(bundled, { ...state, gap: g }));
    const gaps = analyses.map((a) => a.events);
    if (gaps.length === 1) assert.match(line('gap.inShort'), /no months can be left out around the order/);
    else {
      // The arrests sentence, then harm's, then (where any) the categories whose clear fall does not hold.
      const [arrestsLine, harmLine] = line('gap.inShort').split(/(?<=gaps?\.) /);
      const falls = gaps.map((m) => m.reduction!);
      const [low, high] = [Math.min(...falls), Math.max(...falls)];
      if (low > 0) assert.match(arrestsLine, new RegExp(`^Leaving out up to ${gaps.length - 1} months? either side of the order, the fall in arrests stays ${formatPercent(low) === formatPercent(high) ? `at ${formatPercent(low)}` : `between ${formatPercent(low)} and ${formatPercent(high)}`} \\(`));
      else assert.doesNotMatch(arrestsLine, /the fall in arrests stays/);
      assert.doesNotMatch(line('gap.inShort'), /a 0% change/, 'no change is said as such');
      const clear = gaps.filter((m) => m.ci && (m.ci[0] > 0 || m.ci[1] < 0)).length;
      assert.match(arrestsLine, clear === gaps.length ? /clear of no change at every gap\.$/ : clear === 0 ? /takes in no change, or there is none, at every gap\.$/ : new RegExp(`clear of no change at ${clear} of the ${gaps.length} gaps\\.$`));
      const harms = analyses.map((a) => a.harm).filter((m) => m.reduction !== null);
      if (harms.length > 1) {
        const hf = harms.map((m) => m.reduction!);
        const [hl, hh] = [Math.min(...hf), Math.max(...hf)];
        // Ends that read the same are said once (a peer reviewer at ?gap=23&c=other: "stays between 99% and 99%").
        if (hl > 0) assert.match(harmLine, new RegExp(formatPercent(hl) === formatPercent(hh) ? `^The fall in harm stays at ${formatPercent(hl)} \\(` : `^The fall in harm stays between ${formatPercent(hl)} and ${formatPercent(hh)} \\(`));
        const hc = harms.filter((m) => m.ci && (m.ci[0] > 0 || m.ci[1] < 0)).length;
        assert.match(harmLine, hc === harms.length ? /clear of no change at every gap\.$/ : hc === 0 ? /takes in no change, or there is none, at every gap\.$/ : new RegExp(`clear of no change at ${hc} of the ${harms.length} gaps\\.$`));
      }
      // Each range's ends and (where some but not all) the count of clear gaps are handles to their derivations, in the order the line says them: a rise's smaller end first.
      const ends = (measure: 'events' | 'harm', ms: AnalysisResult['events'][]): [string, string][] => {
        const f = ms.map((m) => m.reduction!);
        const [lo, hi] = [Math.min(...f), Math.max(...f)];
        const size = (x: number) => (x === 0 ? 'no change' : formatChangeSize(x));
        const k = ms.filter((m) => m.ci && (m.ci[0] > 0 || m.ci[1] < 0)).length;
        const same = (lo > 0 || hi < 0) && size(lo) === size(hi);
        const order: [string, string][] = hi < 0 ? [[`robust:gap.${measure}High`, size(hi)], [`robust:gap.${measure}Low`, size(lo)]] : [[`robust:gap.${measure}Low`, size(lo)], [`robust:gap.${measure}High`, size(hi)]];
        if (same) order.pop();
        return [...order, ...(k > 0 && k < ms.length ? [[`robust:gap.${measure}Clear`, formatNumber(k)] as [string, string]] : [])];
      };
      assert.deepEqual(handles('gap.inShort').map((h) => [h.path, h.text]), [...ends('events', gaps.filter((m) => m.reduction !== null)), ...(harms.length > 1 ? ends('harm', harms) : [])], line('gap.inShort'));
      // Categories whose fall is clear at the view's gap and not at some other, counted here from analyse().
      // Beyond the curve's gaps (?w=12&gap=11) they are read, and said, with none left out (a peer reviewer: "at the view's gap").
      const beyond = r.gap >= analyses.length;
      const own = analyses[beyond ? 0 : r.gap];
      const lost = r.categories.length < 2 ? 0 : (['events', 'harm'] as const).flatMap((w) => r.categories.filter((cat) => own.byCategory[cat][w].ci?.[0]! > 0 && analyses.some((a) => !(a.byCategory[cat][w].ci?.[0]! > 0)))).length;
      const said = r.gap === 0 || beyond ? 'with none left out' : "at the view's gap";
      assert.equal(line('gap.inShort').endsWith(`, clear of no change ${said}, ${lost === 1 ? 'is' : 'are'} not clear at every gap.`), lost > 0, line('gap.inShort'));
      if (beyond && r.categories.length > 1) assert.ok(lost > 0, 'the view beyond the curve has categories whose fall is clear with none left out and not at every gap');
    }
    // Time away: the break-even share, which is the fall itself.
    if (r.events.post < r.events.pre && r.events.post > 0) {
      assert.deepEqual(handles('liberty.inShort').map((h) => [h.path, h.text]), [['robust:liberty.breakEven', formatPercent(r.events.reduction)]]);
      // The even spread is one assumption, not a necessary condition (a statistician: "only if").
      assert.doesNotMatch(line('liberty.inShort'), /only if/);
      assert.match(line('liberty.inShort'), /^Spread evenly over people, .*; if it fell mostly on the people who had been busiest, less would do; /);
    }
    // The curve: its counts, and the significant falls clear of no change counted here.
    const curve = c.curve!;
    // (each count a handle: those clear of no change too, after a significant fall, and the significant rises, where there are any)
    const clearToo = curve.specifications.filter((s) => s.significant && s.ci && s.ci[0] > 0).length;
    const risen = curve.specifications.filter((s) => s.reduction !== null && s.reduction < 0 && s.lean === -1 && s.p !== null && s.p < 0.05).length;
    assert.deepEqual(handles('curve.inShort').map((h) => [h.path, h.text]), [
      ['robust:curve.total', formatNumber(curve.total)], ['robust:curve.significant', formatNumber(curve.significant)],
      ...(curve.significant > 0 ? [['robust:curve.clearFalls', formatNumber(clearToo)]] : []), ...(risen > 0 ? [['robust:curve.rises', formatNumber(risen)]] : []),
    ]);
    if (curve.significant > 0) assert.match(line('curve.inShort'), new RegExp(`\\(${curve.specifications.filter((s) => s.significant && s.ci && s.ci[0] > 0).length} of them with a 95% interval clear of no change too\\)`));
  }
  // On the page, in that order, with the time series and leave-one-out from the analysis's own sentences.
  const mdx = readFileSync(new URL('../src/pages/robustness.mdx', import.meta.url), 'utf8');
  const top = mdx.slice(mdx.indexOf('## In short'), mdx.indexOf('\n## ', mdx.indexOf('## In short') + 3));
  assert.deepEqual([...top.matchAll(/<(?:RobustInShort name|Say what)="([^"]+)"/g)].map((m) => m[1]), ['nullWorld.inShort', 'gap.inShort', 'trendInShort', 'liberty.inShort', 'leaveOneOutRange', 'curve.inShort']);
});

test('a rise, and nothing to count, in "In short": said as such, never as a fall', () => {
  const r = analyse(bundled, { window: 24 });
  const rose = { ...r, events: { ...r.events, pre: 50, post: 80, reduction: -0.6 } };
  const c = { result: rose, state: { window: 24, categories: bundled.categories }, gapRows: null, world: null, liberty: libertyFor(rose, 0.2, bundled), curve: null } as RobustnessFigureContext;
  assert.equal(IN_SHORT['liberty.inShort'](c).join(''), 'Arrests rose, so time in custody or abroad cannot explain a fall: allowing for it would make the rise per month at liberty larger.');
  for (const name of ['nullWorld.inShort', 'gap.inShort', 'curve.inShort'] as const) assert.deepEqual(IN_SHORT[name](c), [NOT_AVAILABLE]);
});

test('orders that give each person\'s months away, in a view they do not describe (a gap, another window): "In short" says why the what-if stands in, never "these data do not record" (an analyst)', () => {
  const withMonths = { ...bundled, orders: bundled.orders.map((o, k) => ({ ...o, monthsUnavailableBefore: k % 4, monthsUnavailableAfter: (k * 7) % 13 })) };
  const lineOf = (options: { window?: number; gap?: number }) => {
    const r = analyse(withMonths, options);
    const c = { result: r, state: { window: r.window, categories: bundled.categories, gap: r.gap }, gapRows: null, world: null, liberty: libertyFor(r, 0.2, withMonths), curve: null } as RobustnessFigureContext;
    return { kind: c.liberty!.kind, line: IN_SHORT['liberty.inShort'](c).map((s) => (typeof s === 'string' ? s : s.text)).join('') };
  };
  assert.equal(lineOf({}).kind, 'byPerson');
  const gapped = lineOf({ gap: 2 });
  assert.equal(gapped.kind, 'whatIf');
  assert.match(gapped.line, /; a what-if here, as the orders give each person's months in custody or abroad for the full 24-month windows with no months left out, and this view leaves out 2 months either side of the order\.$/);
  assert.match(lineOf({ window: 18 }).line, /and this view has an 18-month window\.$/);
  // The bundled data give no months: the sentence stays as it was.
  const r = analyse(bundled, { gap: 2 });
  const plain = { result: r, state: { window: 24, categories: bundled.categories, gap: 2 }, gapRows: null, world: null, liberty: libertyFor(r, 0.2, bundled), curve: null } as RobustnessFigureContext;
  assert.match(IN_SHORT['liberty.inShort'](plain).map((s) => (typeof s === 'string' ? s : s.text)).join(''), /; these data do not record how much time was spent away, or by whom\.$/);
});

test('orders at random moments (selection 0) are said so in "In short", the derivation and the command line, never "after busy spells" (a reviewer)', () => {
  const r = analyse(bundled);
  const world = nullWorldFor(r, 0, DEFAULT_LOOKBACK);
  const c = { result: r, state: { window: 24, categories: bundled.categories }, gapRows: null, world, liberty: null, curve: null } as RobustnessFigureContext;
  const line = IN_SHORT['nullWorld.inShort'](c).map((s) => (typeof s === 'string' ? s : s.text)).join('');
  assert.match(line, /^If orders came at random moments and did nothing at all, this model's simulated cohorts would show /);
  assert.doesNotMatch(line, /busy spells|least selection alone/);
  // At random moments a cohort that matches the fall does so by chance: never "selection alone could explain it" (a re-check at ?w=5&c=modern_slavery).
  const thin = analyse(bundled, { window: 5, categories: ['modern_slavery'] });
  const chance = { result: thin, state: { window: 5, categories: ['modern_slavery'] }, gapRows: null, world: nullWorldFor(thin, 0, DEFAULT_LOOKBACK), liberty: null, curve: null } as RobustnessFigureContext;
  const said = IN_SHORT['nullWorld.inShort'](chance).map((s) => (typeof s === 'string' ? s : s.text)).join('');
  assert.ok(chance.world!.shareAtLeastObserved! >= 0.05, said);
  assert.doesNotMatch(said, /selection/, said);
  assert.match(said, /\): chance alone could explain it, without any effect of the orders\./, said);
  const out = spawnSync(process.execPath, ['src/cli/analyze.ts', '--robustness', '--selection', '0'], { encoding: 'utf8', cwd: new URL('..', import.meta.url) });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /Null world \(orders do nothing, and are given at random moments; selection 0,/);
});

test('the command line gives the simulated cohorts\' share as the page does (a reviewer: "less than 1%" against "0.3%")', () => {
  // ?w=12&c=modern_slavery,violence,other&gap=2&weights=low: 2 of the 1,000 cohorts fell at least as much
  const view = { window: 12, categories: ['modern_slavery', 'violence', 'other'], gap: 2, weights: 'low' as const };
  const world = nullWorldFor(analyse(bundled, view), DEFAULT_SELECTION, DEFAULT_LOOKBACK);
  assert.ok(world.shareAtLeastObserved! > 0 && world.shareAtLeastObserved! < 0.005, String(world.shareAtLeastObserved));
  const page = formatPercent(world.shareAtLeastObserved);
  assert.ok(ROBUST_NUMBERS['nullWorld.shareAtLeast']({ world, liberty: null, curve: null }).includes(`(${page})`));
  const out = spawnSync(process.execPath, ['src/cli/analyze.ts', '--robustness', '--window', '12', '--categories', view.categories.join(','), '--gap', '2', '--weights', 'low'], { encoding: 'utf8', cwd: new URL('..', import.meta.url) });
  assert.equal(out.status, 0, out.stderr);
  assert.ok(out.stdout.includes(`the view shows ${fallWords(world.observedFall!)}.${ROBUST_NUMBERS['nullWorld.shareAtLeast']({ world, liberty: null, curve: null })}`), `${page} | ${out.stdout}`);
});

test('where some simulated cohorts had no arrests before, the command line counts the share out of the others, as the page does (a peer reviewer: "13% of the cohorts" of 1,000, where 141 were left out)', () => {
  const view = { window: 24, categories: ['other'], gap: 23, wilcoxon: 'legacy' as const };
  const world = nullWorldFor(analyse(bundled, view), DEFAULT_SELECTION, DEFAULT_LOOKBACK);
  assert.ok(world.dropped > 0 && world.atLeastObserved! > 0 && world.atLeastObserved! < world.falls.length, `${world.dropped} ${world.atLeastObserved}`);
  const out = spawnSync(process.execPath, ['src/cli/analyze.ts', '--robustness', '--gap', '23', '--categories', 'other', '--wilcoxon', 'legacy'], { encoding: 'utf8', cwd: new URL('..', import.meta.url) });
  assert.equal(out.status, 0, out.stderr);
  const n = world.falls.length;
  const counted = `${formatNumber(world.atLeastObserved!)} of the ${formatNumber(n)} simulated cohorts with arrests before fell at least as much (${formatPercent(world.atLeastObserved! / n)}).`;
  assert.ok(out.stdout.includes(counted), `${counted} | ${out.stdout}`);
  assert.ok(out.stdout.includes(`; ${formatNumber(world.dropped)} had no arrests before, so no fall, and are left out`), out.stdout);
  assert.doesNotMatch(out.stdout, /of the cohorts fell/);
});

test('the null world says how many of its simulated orders followed a busy spell at the strength set, names that strength apart from the share, and never says it is the least selection could do (a statistician: 30% at 0.5; a peer reviewer read "30% … (the selection strength set)" as the strength)', async () => {
  const r = analyse(bundled);
  const world = nullWorldFor(r, DEFAULT_SELECTION, DEFAULT_LOOKBACK);
  const { afterBusyShare } = await import('../src/lib/robustness.ts');
  // The chance that a drawn order is at a crossing moment: weight 1 for each crossing, 1 − selection for each quiet one.
  const c = world.parameters!.crossingShare;
  const share = afterBusyShare(world)!;
  assert.ok(Math.abs(share - c / (c + (1 - DEFAULT_SELECTION) * (1 - c))) < 1e-12);
  assert.equal(afterBusyShare(nullWorldFor(r, 1, DEFAULT_LOOKBACK)), 1);
  assert.ok(Math.abs(afterBusyShare(nullWorldFor(r, 0, DEFAULT_LOOKBACK))! - nullWorldFor(r, 0, DEFAULT_LOOKBACK).parameters!.crossingShare) < 1e-12);
  const c0 = { result: r, state: { window: 24, categories: bundled.categories }, gapRows: null, world, liberty: null, curve: null } as RobustnessFigureContext;
  const line = IN_SHORT['nullWorld.inShort'](c0).map((s) => (typeof s === 'string' ? s : s.text)).join('');
  assert.ok(line.startsWith(`At the selection strength set in the section (${DEFAULT_SELECTION} of 1, as its control reads), ${formatPercent(share)} of the simulated orders follow a busy spell. If orders did nothing at all, this model's simulated cohorts would show `), line);
  assert.doesNotMatch(line, /least selection/);
  // Stronger selection gives a larger simulated fall, as the line says; at the strongest, it is not offered (a re-check).
  assert.ok(nullWorldFor(r, 1, DEFAULT_LOOKBACK).mean! > world.mean!);
  assert.match(line, /Stronger selection gives a larger simulated fall/);
  const strongest = IN_SHORT['nullWorld.inShort']({ ...c0, world: nullWorldFor(r, 1, DEFAULT_LOOKBACK) }).map((s) => (typeof s === 'string' ? s : s.text)).join('');
  assert.ok(strongest.startsWith('At the selection strength set in the section (1 of 1, as its control reads), 100% of the simulated orders follow a busy spell.'), strongest);
  assert.doesNotMatch(strongest, /Stronger selection/);
  // The share is a number with its own derivation, and the command line gives the same one.
  assert.ok(IN_SHORT['nullWorld.inShort'](c0).some((s) => typeof s !== 'string' && s.path === 'robust:nullWorld.afterBusy' && s.text === formatPercent(share)));
  const out = spawnSync(process.execPath, ['src/cli/analyze.ts', '--robustness'], { encoding: 'utf8', cwd: new URL('..', import.meta.url) });
  assert.equal(out.status, 0, out.stderr);
  assert.ok(out.stdout.includes(`selection ${DEFAULT_SELECTION}, so ${formatPercent(share)} of simulated orders follow a busy spell,`), out.stdout);
});

test('"In short" on data whose arrests rose: the curve\'s significant rises are a count with its derivation, counted here', () => {
  // The study's synthetic arrests with each month's sign turned over: the falls become rises.
  const mirrored = { ...bundled, events: bundled.events.map((e) => ({ ...e, month: -e.month })) };
  const state = { window: 24, categories: [...bundled.categories] };
  const r = analyse(mirrored, state);
  assert.ok(r.events.post > r.events.pre, 'arrests rose');
  const curve = specificationCurve(mirrored, { categories: state.categories });
  const c: RobustnessFigureContext = { result: r, state, gapRows: null, world: null, liberty: null, curve };
  const rises = curve.specifications.filter((s) => s.reduction !== null && s.reduction < 0 && s.p !== null && s.p < 0.05).length;
  assert.ok(rises > 0, 'some specifications find a significant rise');
  const segments = IN_SHORT['curve.inShort'](c);
  const handle = segments.find((s) => typeof s !== 'string' && s.path === 'robust:curve.rises');
  assert.deepEqual(handle, { text: formatNumber(rises), path: 'robust:curve.rises' });
  assert.ok(segments.map((s) => (typeof s === 'string' ? s : s.text)).join('').includes(` and ${formatNumber(rises)} a significant rise;`));
  assert.equal(deriveRobust('curve.rises', c, r, { dataset: mirrored, synthetic: false })!.value, rises);
});

test('"In short" counts the significant tests that point the other way from their total apart from the falls and rises, as a handle (a re-check: one heavy arrest after an order)', () => {
  // Harm as recorded, with one arrest in month 1 given twice the harm of all the arrests before.
  const heavy = heavyDataset();
  const curve = specificationCurve(heavy);
  const against = curve.specifications.filter((s) => s.reduction !== null && s.p !== null && s.p < 0.05 && s.lean !== Math.sign(s.reduction)).length;
  assert.ok(against > 0);
  const c = { result: analyse(heavy), state: { window: 24, categories: heavy.categories }, gapRows: null, world: null, liberty: null, curve } as unknown as RobustnessFigureContext;
  const segments = IN_SHORT['curve.inShort'](c);
  const handles = segments.filter((x): x is { text: string; path: `robust:${RobustNumberName}` } => typeof x !== 'string');
  assert.deepEqual(handles.at(-1), { text: formatNumber(against), path: 'robust:curve.against' });
  const text = segments.map((x) => (typeof x === 'string' ? x : x.text)).join('');
  assert.match(text, new RegExp(` and in ${against} the test is significant but points against the total; `));
  assert.equal(ROBUST_NUMBERS['curve.against']({ world: null, liberty: null, curve } as unknown as RobustnessContext), formatNumber(against));
});
