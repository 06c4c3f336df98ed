// The specification curve (src/analysis/specificationCurve.ts): how many specifications the rule
// gives, counted here from the rule itself; each specification's numbers equal the CLI's
// `analyze --json` for the same choices; the headline counts what the definition says; and the
// CLI's --specification-curve prints the same curve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { significantAgainst, significantRises, specificationCurve, specificationWindows, weightsSpread, type Specification, type SpecificationCurve } from '../src/analysis/specificationCurve.ts';
import { specificationVerdict } from '../src/analysis/specificationVerdict.ts';
import { analyse } from '../src/analysis/analyse.ts';
import type { Dataset } from '../src/analysis/types.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { validateOwn } from '../src/lib/ownData.ts';
import { bundled, readData } from './helpers/bundled.ts';
import { heavyDataset, mirroredEventsCsv } from './helpers/alteredData.ts';
import { curveIntervalWords } from '../src/lib/robustness.ts';

const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
const run = (...args: string[]) => {
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
};
const curve = specificationCurve(bundled);

test('the bundled data give 180 specifications, the count the rule gives', () => {
  // Windows 6, 12, 18, 24; gaps 0, 1, 3, 6 below the window: 3 for window 6 (gap 6 is not below
  // it) and 4 for each of 12, 18, 24, so 3 + 4 + 4 + 4 = 15 window–gap pairs. Each has arrests
  // (weights do not apply) and harm under 3 weight sets: 4 measure–weight pairs. Three tests each:
  // 15 × 4 × 3 = 180.
  assert.equal(curve.total, 180);
  assert.equal(curve.specifications.length, 180);
  assert.deepEqual(curve.choices, { windows: [6, 12, 18, 24], gaps: [0, 1, 3, 6], measures: ['events', 'harm'], weights: ['low', 'central', 'high'], tests: ['current', 'legacy', 'sign'] });
  assert.equal(curve.weightsNote, undefined);
  // Every specification once, and no gap at or above its window.
  const key = (s: Specification) => `${s.window}|${s.gap}|${s.measure}|${s.weights}|${s.test}`;
  assert.equal(new Set(curve.specifications.map(key)).size, 180);
  assert.ok(curve.specifications.every((s) => s.gap < s.window));
  assert.equal(curve.specifications.filter((s) => s.window === 6 && s.gap === 6).length, 0);
  assert.equal(curve.specifications.filter((s) => s.measure === 'events').length, 15 * 3);
  assert.ok(curve.specifications.every((s) => (s.measure === 'events') === (s.weights === null)));
});

// Which way each test points, recounted here from each person's before and after without the
// engine's rank code: the sign test by counting falls against rises; the signed-rank tests by summing
// the mid-ranks of |before − after| held by the falls and by the rises, under each rule's ranking
// (current R below 50 pairs ranks the zeros too, lowest; otherwise only the non-zero differences).
function leanOf(pre: readonly number[], post: readonly number[], test: Specification['test']): -1 | 0 | 1 {
  const d = pre.map((x, k) => x - post[k]);
  if (test === 'sign') return Math.sign(d.filter((x) => x > 0).length - d.filter((x) => x < 0).length) as -1 | 0 | 1;
  const ranked = test === 'current' && d.length < 50 ? d : d.filter((x) => x !== 0);
  const a = ranked.map(Math.abs);
  const rank = (v: number) => a.filter((x) => x < v).length + (a.filter((x) => x === v).length + 1) / 2;
  const sum = (keep: (x: number) => boolean) => ranked.filter(keep).reduce((t, x) => t + rank(Math.abs(x)), 0);
  return Math.sign(sum((x) => x > 0) - sum((x) => x < 0)) as -1 | 0 | 1;
}
function checkLeans(dataset: Dataset, c: SpecificationCurve): void {
  for (const s of c.specifications) {
    const r = analyse(dataset, { window: s.window, gap: s.gap, categories: c.categories, weights: s.weights ?? undefined });
    const pre = r.perOrder.map((o) => (s.measure === 'events' ? o.eventsPre : o.harmPre));
    const post = r.perOrder.map((o) => (s.measure === 'events' ? o.eventsPost : o.harmPost));
    assert.equal(s.lean, leanOf(pre, post, s.test), `${s.window} ${s.gap} ${s.measure} ${s.weights} ${s.test}`);
  }
}
const isFall = (s: Specification) => s.reduction !== null && s.reduction > 0 && s.lean > 0 && s.p !== null && s.p < 0.05;

test('the headline counts the specifications with reduction > 0, p < 0.05 and a test that points to falls', () => {
  checkLeans(bundled, curve);
  const significant = curve.specifications.filter(isFall);
  assert.equal(curve.significant, significant.length);
  assert.equal(curve.share, significant.length / 180);
  for (const s of curve.specifications) assert.equal(s.significant, significant.includes(s));
  // In one category the tests disagree, so the flag must follow each test's own p.
  const drugs = specificationCurve(bundled, { categories: ['drugs'] });
  assert.deepEqual(drugs.categories, ['drugs']);
  assert.ok(drugs.significant > 0 && drugs.significant < drugs.total, `${drugs.significant} of ${drugs.total}`);
  for (const s of drugs.specifications) assert.equal(s.significant, isFall(s));
});

test('a significant test that points the other way from the total is neither a significant fall nor a significant rise (a re-check: one heavy arrest after turned harm up while most people\'s harm fell)', () => {
  // One arrest in the month after an order given twice the harm of every arrest before the orders
  // (tests/helpers/alteredData.ts): harm rises in total at every window and gap that holds it, while
  // most people's harm still falls.
  const heavy = heavyDataset();
  const c = specificationCurve(heavy);
  checkLeans(heavy, c);
  const harm = c.specifications.filter((s) => s.measure === 'harm');
  const against = harm.filter((s) => s.reduction! < 0 && s.lean > 0 && s.p! < 0.05);
  assert.ok(against.length > 0, 'some harm specifications rise in total while the test points to falls');
  assert.equal(significantAgainst(c), c.specifications.filter((s) => s.reduction !== null && s.p !== null && s.p < 0.05 && s.lean !== Math.sign(s.reduction)).length);
  assert.ok(significantAgainst(c) >= against.length);
  assert.equal(significantRises(c), c.specifications.filter((s) => s.reduction !== null && s.reduction < 0 && s.lean < 0 && s.p !== null && s.p < 0.05).length);
  for (const s of against) assert.equal(s.significant, false);
  assert.equal(c.significant, c.specifications.filter(isFall).length);
  // Every specification with p below 0.05 and a reduction is exactly one of the three.
  const sig = c.specifications.filter((s) => s.reduction !== null && s.p !== null && s.p < 0.05 && s.reduction !== 0);
  assert.equal(sig.length, c.significant + significantRises(c) + significantAgainst(c));
});

test('each specification\'s reduction, interval and p equal the CLI\'s --json for the same choices', () => {
  const find = (window: number, gap: number, measure: 'events' | 'harm', weights: string | null, t: string) => {
    const s = curve.specifications.find((x) => x.window === window && x.gap === gap && x.measure === measure && x.weights === weights && x.test === t);
    assert.ok(s, `${window} ${gap} ${measure} ${weights} ${t}`);
    return s;
  };
  const cases: { args: string[]; specs: [number, number, 'events' | 'harm', string | null, string][] }[] = [
    { args: ['--window', '12', '--gap', '3', '--weights', 'low'], specs: [[12, 3, 'harm', 'low', 'current'], [12, 3, 'harm', 'low', 'sign'], [12, 3, 'events', null, 'current'], [12, 3, 'events', null, 'sign']] },
    { args: ['--window', '12', '--gap', '3', '--weights', 'low', '--wilcoxon', 'legacy'], specs: [[12, 3, 'harm', 'low', 'legacy'], [12, 3, 'events', null, 'legacy']] },
    { args: ['--window', '24', '--gap', '6', '--weights', 'high'], specs: [[24, 6, 'harm', 'high', 'current'], [24, 6, 'harm', 'high', 'sign']] },
    { args: ['--window', '6', '--gap', '1', '--wilcoxon', 'legacy'], specs: [[6, 1, 'events', null, 'legacy'], [6, 1, 'events', null, 'sign']] },
    { args: ['--window', '18', '--weights', 'central', '--wilcoxon', 'legacy'], specs: [[18, 0, 'harm', 'central', 'legacy'], [18, 0, 'harm', 'central', 'sign']] },
  ];
  for (const c of cases) {
    const json = JSON.parse(run(...c.args, '--json'));
    for (const [window, gap, measure, weights, t] of c.specs) {
      const s = find(window, gap, measure, weights, t);
      const m = json[measure];
      const what = `${c.args.join(' ')}: ${measure} ${t}`;
      assert.equal(s.reduction, m.reduction, what);
      assert.deepEqual(s.ci, m.ci, what);
      assert.equal(s.p, t === 'sign' ? m.sign.p : m.test.p, what);
    }
  }
});

test('--specification-curve --json prints the curve; the readable form has the headline and a row per specification', () => {
  assert.deepEqual(JSON.parse(run('--specification-curve', '--json')), JSON.parse(JSON.stringify(curve)));
  const text = run('--specification-curve', '--categories', 'drugs');
  const drugs = specificationCurve(bundled, { categories: ['drugs'] });
  assert.match(text, new RegExp(`A significant fall \\(reduction above 0, p below 0\\.05, a test that points to falls\\) in ${drugs.significant} of 180 \\(${Math.round((100 * drugs.significant) / 180)}%\\)`));
  assert.equal(text.split('\n').filter((l) => /^\d+\s+\d+\s+(arrests|harm)\b/.test(l)).length, 180);
  // The page's words on the significant falls whose interval takes in no change, as the page says them.
  assert.ok(text.includes(curveIntervalWords(drugs)), text.split('\n')[1]);
  assert.match(curveIntervalWords(specificationCurve(bundled)), /^Of those 180, \d+ have a 95% interval/);
  assert.doesNotMatch(text, /NaN|undefined/);
  const refused = spawnSync(process.execPath, [cli, '--specification-curve', '--window', '12'], { encoding: 'utf8' });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /--specification-curve varies the window, gap, weights and test itself, so it cannot be combined with --window/);
});

test('other spans: four evenly spaced windows ending at the span; no harm index: harm as recorded, and the note says so', () => {
  assert.deepEqual(specificationWindows(24), [6, 12, 18, 24]);
  assert.deepEqual(specificationWindows(36), [6, 12, 18, 24]);
  assert.deepEqual(specificationWindows(12), [3, 6, 9, 12]);
  assert.deepEqual(specificationWindows(5), [1, 3, 4, 5]);
  assert.deepEqual(specificationWindows(2), [1, 2]);
  assert.deepEqual(specificationWindows(1), [1]);
  const orders = 'order_id,issued,sample,duration_months,conditions\n' + ['a', 'b', 'c', 'd'].map((id) => `${id},2019-Q1,analysed,,`).join('\n');
  const events = 'order_id,month,category,offence,harm\n' + ['a,-5,x,X,2', 'a,-1,x,X,2', 'b,-3,x,X,1', 'b,4,x,X,1', 'c,-2,x,X,3', 'c,-4,x,X,3', 'd,2,x,X,1', 'd,-5,x,X,5'].join('\n');
  const small = specificationCurve(parseDataset({ name: 'o.csv', text: orders }, { name: 'e.csv', text: events }, { designWindow: 5 }));
  // Span 5: windows round(5/4) = 1, round(2.5) = 3, round(3.75) = 4 and 5. Gaps below each: {0},
  // {0, 1}, {0, 1, 3}, {0, 1, 3}: 9 pairs. No index: arrests and harm as recorded, 2 × 3 tests: 54.
  assert.equal(small.total, 54);
  assert.deepEqual(small.choices.weights, ['data']);
  assert.match(small.weightsNote ?? '', /no harm index/);
  assert.ok(small.specifications.filter((s) => s.measure === 'harm').every((s) => s.weights === 'data'));
  // An index that does not list every offence cannot weight every event: harm as recorded, with the note.
  const partial = specificationCurve(parseDataset({ name: 'o.csv', text: orders }, { name: 'e.csv', text: events.replace('b,4,x,X,1', 'b,4,x,Y,1') }, { designWindow: 5, harmIndex: { name: 'idx.csv', text: 'offence,harm_days,sens_low,sens_high\nX,1,0.5,2\n' } }));
  assert.deepEqual(partial.choices.weights, ['data']);
  assert.equal(partial.weightsNote, 'the harm index idx.csv does not list the offence of 1 event, so harm is as recorded');
});

test('a reader\'s own events with a harm column: the CLI\'s curve is the report\'s, harm as recorded, not the bundled index\'s weights', () => {
  // Offences the bundled harm index lists, so that the index could weight every event: the CLI must
  // still keep the reader's own harm, as "How robust is it?" does for the same files (validateOwn,
  // the browser's route, looks nothing up when the events carry harm).
  const offence = 'Kidnapping or false imprisonment';
  const orders = 'order_id,issued,sample,duration_months,conditions\n' + ['a', 'b', 'c', 'd'].map((id) => `${id},2019-Q1,analysed,,`).join('\n');
  const events = 'order_id,month,category,offence,harm\n' + ['a,-5,violence,_,2', 'a,-1,violence,_,2', 'b,-3,violence,_,1', 'b,4,violence,_,1', 'c,-2,violence,_,3', 'c,-4,violence,_,3', 'd,2,violence,_,1', 'd,-5,violence,_,5'].map((l) => l.replace('_', `"${offence}"`)).join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'stro-curve-'));
  writeFileSync(join(dir, 'orders.csv'), orders);
  writeFileSync(join(dir, 'events.csv'), events);
  const own = validateOwn({ orders: { name: 'orders.csv', text: orders }, events: { name: 'events.csv', text: events }, designWindow: 5, outsideWindow: 'error' }, { name: 'harm-index.csv', text: readData('harm-index.csv') });
  assert.ok(own.dataset, JSON.stringify(own.problems));
  const report = specificationCurve(own.dataset);
  assert.deepEqual(report.choices.weights, ['data']);
  const fromCli = JSON.parse(run('--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--design-window', '5', '--specification-curve', '--json'));
  assert.deepEqual(fromCli, JSON.parse(JSON.stringify(report)));
  const text = run('--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--design-window', '5', '--specification-curve');
  assert.match(text, /Harm: days, from the harm column of the events file\. Note: no harm index is used with these data, so harm is as recorded\./);
  // Another index given with such events is not used, as on "Use your own data", which says so; the curve is the same.
  writeFileSync(join(dir, 'index.csv'), `offence,harm_days\n"${offence}",10\n`);
  const unused = spawnSync(process.execPath, [cli, '--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--design-window', '5', '--harm-index', join(dir, 'index.csv'), '--specification-curve', '--json'], { encoding: 'utf8' });
  assert.equal(unused.status, 0, unused.stderr);
  // Its hint is the curve's: the curve takes no --weights (a re-check followed "add --weights" into an error).
  assert.equal(unused.stderr, 'analyze: index.csv: was not used: events.csv has a harm column already (hint: the specification curve keeps recorded harm; to vary this index\'s weight sets in it, remove the harm column from the events file, so that harm is looked up by offence) (warning)\n');
  assert.deepEqual(JSON.parse(unused.stdout), JSON.parse(JSON.stringify(report)));
});

test('the weights\' spread: the widest range of the fall in harm across weight sets at one window and gap', () => {
  const spec = (window: number, gap: number, weights: Specification['weights'], reduction: number | null, measure: Specification['measure'] = 'harm'): Specification[] =>
    (['current', 'legacy', 'sign'] as const).map((test) => ({ window, gap, measure, weights, test, reduction, ci: null, p: 0.01, lean: 1, significant: reduction !== null && reduction > 0 }));
  const specs = [
    ...spec(6, 0, null, 0.1, 'events'), ...spec(6, 0, 'low', 0.8), ...spec(6, 0, 'central', 0.82), ...spec(6, 0, 'high', 0.85),
    // a wider range in arrests does not count; a set with no reduction (no harm before) is left out
    ...spec(12, 0, null, 0.9, 'events'), ...spec(12, 0, 'low', 0.7), ...spec(12, 0, 'central', null), ...spec(12, 0, 'high', 0.71),
    // one reduction alone has no range
    ...spec(18, 3, 'low', -0.5), ...spec(18, 3, 'central', null), ...spec(18, 3, 'high', null),
  ];
  const w = weightsSpread(specs)!;
  assert.deepEqual({ ...w, spread: Math.round(w.spread * 1e12) / 1e12 }, { spread: 0.05, window: 6, gap: 0, lowest: 0.8, highest: 0.85, lowestWeights: 'low', highestWeights: 'high' });
  assert.ok(Math.abs(weightsSpread(specs.filter((s) => s.window !== 6))!.spread - 0.01) < 1e-12);
  assert.equal(weightsSpread(specs.filter((s) => s.window === 18)), null);
  assert.equal(weightsSpread([]), null);
  // The bundled curve (three weight sets): its spread's two ends are the harm reductions at its window and gap.
  assert.ok(curve.weightsSpread !== null && curve.weightsSpread.spread > 0);
  const reductions = curve.specifications.filter((s) => s.measure === 'harm' && s.window === curve.weightsSpread!.window && s.gap === curve.weightsSpread!.gap).map((s) => s.reduction!);
  assert.equal(Math.min(...reductions), curve.weightsSpread.lowest);
  assert.equal(Math.max(...reductions), curve.weightsSpread.highest);
  const at = (r: number) => curve.specifications.find((s) => s.measure === 'harm' && s.window === curve.weightsSpread!.window && s.gap === curve.weightsSpread!.gap && s.reduction === r)!.weights;
  assert.equal(at(curve.weightsSpread.lowest), curve.weightsSpread.lowestWeights);
  assert.equal(at(curve.weightsSpread.highest), curve.weightsSpread.highestWeights);
});

test('the weights\' spread and its two ends are said to the same decimal, so the ends subtract to the spread shown', async () => {
  const { formatPercentTenths, formatSpreadPoints } = await import('../src/lib/format.ts');
  const { changeTenths } = await import('../src/lib/robustness.ts');
  assert.equal(formatPercentTenths(0.0341), '3.4%');
  assert.equal(formatPercentTenths(-0.12), '12.0%');
  assert.equal(changeTenths(-0.12), 'rises by 12.0%');
  assert.equal(changeTenths(0.356), 'falls by 35.6%');
  for (const categories of [['violence', 'drugs'], ['drugs'], undefined]) {
    const w = specificationCurve(bundled, categories ? { categories } : {}).weightsSpread!;
    const signed = (x: number) => (x < 0 ? -1 : 1) * Number(formatPercentTenths(x).replace('%', ''));
    const shown = Number(formatSpreadPoints(w.spread).split(' ')[0]);
    assert.ok(Math.abs(signed(w.highest) - signed(w.lowest) - shown) <= 0.1 + 1e-9, `${categories}: ${w.lowest} ${w.highest} ${shown}`);
  }
});

test('the CLI\'s curve text names only the choices it made: the gaps below its largest window, the index\'s own weight sets, and "harm as recorded"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stro-curve-text-'));
  const offence = 'Kidnapping or false imprisonment';
  const orders = 'order_id,issued,sample,duration_months,conditions\n' + ['a', 'b', 'c', 'd'].map((id) => `${id},2019-Q1,analysed,,`).join('\n');
  const events = (harm: boolean) => `order_id,month,category,offence${harm ? ',harm' : ''}\n` + ['a,-2,x,_,2', 'a,-1,x,_,2', 'b,-1,x,_,1', 'b,2,x,_,1', 'c,-2,x,_,3', 'c,-1,x,_,3', 'd,1,x,_,1', 'd,-2,x,_,5'].map((l) => (harm ? l : l.replace(/,\d+$/, '')).replace('_', `"${offence}"`)).join('\n');
  writeFileSync(join(dir, 'orders.csv'), orders);
  writeFileSync(join(dir, 'harm.csv'), events(true));
  writeFileSync(join(dir, 'plain.csv'), events(false));
  writeFileSync(join(dir, 'central.csv'), `offence,harm_days\n"${offence}",10\n`);
  // A 2-month design window: windows 1 and 2, so gap 0 and 1 only.
  const recorded = run('--orders', join(dir, 'orders.csv'), '--events', join(dir, 'harm.csv'), '--design-window', '2', '--specification-curve');
  const choices = recorded.split('\n').find((l) => l.startsWith('Choices:'))!;
  assert.match(choices, /gap 0, 1 \(below the window\)/);
  assert.match(choices, /arrests, or harm as recorded;/);
  // An index with harm_days only: its one weight set, in both lines.
  const central = run('--orders', join(dir, 'orders.csv'), '--events', join(dir, 'plain.csv'), '--harm-index', join(dir, 'central.csv'), '--design-window', '2', '--specification-curve');
  assert.match(central, /arrests, or harm with central weights;/);
  assert.match(central, /Harm: days, the central weights of the harm index central\.csv, by offence\./);
  assert.doesNotMatch(central, /low, central and high/);
});

test('the CLI\'s curve text says the significant rises and the tests against their totals even where nothing falls significantly (it had said them only beside a fall)', () => {
  // The bundled arrests mirrored in time: every fall becomes a rise.
  const mirrored = mirroredEventsCsv();
  const dir = mkdtempSync(join(tmpdir(), 'stro-curve-cli-'));
  writeFileSync(join(dir, 'events.csv'), mirrored);
  const data = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  const args = ['--orders', data('orders.csv'), '--events', join(dir, 'events.csv'), '--harm-index', data('harm-index.csv'), '--specification-curve'];
  const json = JSON.parse(run(...args, '--json')) as SpecificationCurve;
  assert.equal(json.significant, 0);
  const rises = significantRises(json);
  assert.ok(rises > 0);
  const text = run(...args);
  assert.ok(text.split('\n')[1].endsWith(` ${curveIntervalWords(json)}`), text.split('\n')[1]);
  assert.match(text.split('\n')[1], new RegExp(`^A significant fall \\(reduction above 0, p below 0\\.05, a test that points to falls\\) in 0 of ${json.total} \\(0%\\)\\. ${rises} of the ${json.total} find a significant rise instead`));
});

test('which way a total moved: with nothing before it rose, and within rounding of 0 it did not move (a re-check: p = 0.0078 beside "no", and 0.1 + 0.2 against 0.3 called a fall)', () => {
  assert.equal(specificationVerdict({ reduction: null, p: 0.0078, lean: -1 }), 'rise');
  assert.equal(specificationVerdict({ reduction: null, p: 0.2, lean: -1 }), 'none');
  assert.equal(specificationVerdict({ reduction: 1 - 3 / (0.1 * 10 + 0.2 * 10), p: 0.01, lean: -1 }), 'against');
  assert.equal(specificationVerdict({ reduction: 1.1102230246251565e-16, p: 0.01, lean: 1 }), 'against');
  assert.equal(specificationVerdict({ reduction: 1e-6, p: 0.01, lean: 1 }), 'fall');
  // The bundled data with no arrests in the 6 months before any order: at a 6-month window nothing
  // came before, and the arrests after are significant rises, counted as such.
  const none6: Dataset = { ...bundled, events: bundled.events.filter((e) => e.month < -6 || e.month > 0) };
  const c = specificationCurve(none6);
  checkLeans(none6, c);
  const six = c.specifications.filter((s) => s.window === 6);
  assert.ok(six.every((s) => s.reduction === null));
  const risen = six.filter((s) => s.p !== null && s.p < 0.05 && s.lean === -1);
  assert.ok(risen.length > 0);
  assert.equal(significantRises(c), c.specifications.filter((s) => (s.reduction === null || s.reduction < 0) && s.lean === -1 && s.p !== null && s.p < 0.05).length);
  assert.ok(significantRises(c) >= risen.length);
});
