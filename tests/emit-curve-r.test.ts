// The specification curve's base-R script (src/analysis/emitCurveR.ts) against the engine's curve,
// in the two R versions the project checks: R 4.6.0 through webR and Debian's R 4.2.2 through Rscript.
//
// The truth is R: the script reads the CSV files itself, totals each person's arrests and harm in
// each window and gap, and calls wilcox.test and binom.test; it finds the windows for data shorter
// than 24 months by the curve's rule on its own. Every path of curveLeaves(curve) must come out of
// R, and nothing else; values agree as the view script's do (closeEnough: relative 1e-9, p-values
// also within 1e-15). Each specification's label, printed as a comment, must be the engine's in
// the engine's order. R 4.2 prints NA for what only current R's wilcox.test can give.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { curveLabel, curveLeaves, curveScriptOptions, emitCurveR, needsCurrentR } from '../src/analysis/emitCurveR.ts';
import { compareCurveWithR } from '../src/lib/rCheckCurve.ts';
import { parseROutput } from '../src/analysis/emitR.ts';
import { comparisonSummary } from '../src/lib/rCheck.ts';
import { specificationCurve, type SpecificationCurve } from '../src/analysis/specificationCurve.ts';
import { bundled, readData } from './helpers/bundled.ts';
import { otherData } from './helpers/otherData.ts';
import { heavyEventsCsv, mirroredEventsCsv } from './helpers/alteredData.ts';
import { hasRscript, runRscript, runWebR, stopWebR } from './helpers/r.ts';

after(stopWebR);

const noRscript = !hasRscript() && 'Rscript (R 4.2) is not installed; npm run test:unit installs it';
const bundledFiles = { 'orders.csv': readData('orders.csv'), 'events.csv': readData('events.csv'), 'harm-index.csv': readData('harm-index.csv') };
const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
const run = (...args: string[]) => {
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
};

/** Every difference between the curve and R's output (compareCurveWithR): numbers not close, missing or extra, and labels out of place. */
function differences(curve: SpecificationCurve, rText: string, r: '4.2.2' | '4.6.0'): string[] {
  const c = compareCurveWithR(curve, rText, r);
  return [
    ...c.rows.filter((row) => !row.agree).map((row) => row.r === undefined ? `missing in R: ${row.path}` : `${row.path}: engine ${row.engine}, R ${row.r}`),
    ...c.unexpected.map((path) => `extra in R: ${path}`),
    ...(c.labels.firstDifferent === null ? [] : [`labels: R printed ${c.labels.printed}, first different: ${c.labels.firstDifferent}`]),
  ];
}

function assertSame(curve: SpecificationCurve, rText: string, r: '4.2.2' | '4.6.0') {
  const problems = differences(curve, rText, r);
  assert.deepEqual(problems, [], problems.slice(0, 20).join('\n'));
}

const curve = specificationCurve(bundled);

test('the curve\'s numbers: the count, six per specification, the counts and shares of significant falls and rises, the tests against their totals, and the weights\' spread', () => {
  const leaves = curveLeaves(curve);
  assert.equal(leaves.length, 1 + 180 * 6 + 5 + 5);
  assert.deepEqual(leaves.slice(0, 7), [['total', 180], ['specifications.0.window', 6], ['specifications.0.gap', 0], ['specifications.0.reduction', curve.specifications[0].reduction], ['specifications.0.p', curve.specifications[0].p], ['specifications.0.lean', 1], ['specifications.0.significant', 1]]);
  assert.equal(curveLabel(curve.specifications[0], 0), '# 1: 6 months, gap 0, events, -, current');
  assert.equal(curveLabel(curve.specifications[179], 179), '# 180: 24 months, gap 6, harm, high, sign');
  // What R before 4.6 cannot give: the current rule's p and verdict, and the two counts.
  assert.ok(needsCurrentR(curve, 'specifications.0.p') && needsCurrentR(curve, 'specifications.0.lean') && needsCurrentR(curve, 'specifications.0.significant') && needsCurrentR(curve, 'share') && needsCurrentR(curve, 'rises') && needsCurrentR(curve, 'riseShare') && needsCurrentR(curve, 'against'));
  assert.ok(!needsCurrentR(curve, 'specifications.1.p') && !needsCurrentR(curve, 'specifications.1.lean') && !needsCurrentR(curve, 'specifications.0.reduction') && !needsCurrentR(curve, 'total'));
});

test('the script is the study\'s definition: significant below 0.05, the study\'s windows and gaps, the curve\'s weights; no result embedded', () => {
  const script = emitCurveR(curveScriptOptions(curve));
  assert.match(script, /^ALPHA <- 0\.05$/m);
  assert.match(script, /^STUDY_WINDOWS <- c\(6L, 12L, 18L, 24L\)$/m);
  assert.match(script, /^GAPS <- c\(0L, 1L, 3L, 6L\)$/m);
  assert.match(script, /^WEIGHT_SETS <- c\("low", "central", "high"\)/m);
  // No engine number: no reduction or p-value of the curve appears in the text.
  for (const s of curve.specifications.slice(0, 12)) {
    assert.ok(!script.includes(String(s.p)), `p ${s.p} is not in the script`);
    assert.ok(s.reduction === null || !script.includes(String(s.reduction)), `reduction ${s.reduction} is not in the script`);
  }
  assert.throws(() => emitCurveR({ categories: ['Violence'], weights: ['central'] }), /not a category code/);
  assert.throws(() => emitCurveR({ categories: [], weights: [] }), /weights must be/);
});

test('a wrong number in the engine\'s curve is caught: one p, one verdict, one label out of place', () => {
  const rText = ['total\t180', ...curveLeaves(curve).slice(1).map(([p, v]) => `${p}\t${v === null ? 'NA' : v}`), ...curve.specifications.map(curveLabel)].join('\n');
  assert.deepEqual(differences(curve, rText, '4.6.0'), []);
  const wrong = structuredClone(curve);
  wrong.specifications[3].p = wrong.specifications[3].p! * 1.01;
  wrong.specifications[4].significant = !wrong.specifications[4].significant;
  wrong.specifications[5].test = 'legacy';
  assert.equal(differences(wrong, rText, '4.6.0').length, 3);
  // What "Check the curve in R" says of each (the page shows comparisonSummary).
  assert.equal(comparisonSummary(compareCurveWithR(curve, rText, '4.6.0'), '4.6.0'), 'All 1,091 numbers agree, R 4.6.0; R ran the same 180 specifications in the same order');
  assert.equal(comparisonSummary(compareCurveWithR(wrong, rText, '4.6.0'), '4.6.0'), '2 of 1,091 numbers differ, R 4.6.0; R ran the 180 specifications in another order or under other names, first "6: 6 months, gap 0, harm, low, sign"');
  const fewer = rText.split('\n').filter((line) => !line.startsWith('# 180:')).join('\n');
  assert.match(comparisonSummary(compareCurveWithR(curve, fewer, '4.6.0'), '4.6.0'), /^All 1,091 numbers agree, R 4\.6\.0; R ran 179 specifications, not 180 specifications$/);
  // R before 4.6 prints NA where only current R's test gives a number: expected there, and nowhere else.
  const older = rText.split('\n').map((line) => { const [path] = line.split('\t'); return needsCurrentR(curve, path) ? `${path}\tNA` : line; }).join('\n');
  assert.equal(compareCurveWithR(curve, older, '4.2.2').differing, 0);
  assert.equal(compareCurveWithR(curve, older, '4.6.0').differing, curveLeaves(curve).filter(([path]) => needsCurrentR(curve, path)).length);
  assert.equal(compareCurveWithR(curve, rText, '4.2.2').differing, curveLeaves(curve).filter(([path]) => needsCurrentR(curve, path)).length);
});

test('the committed outputs of R 4.2.2 and R 4.6.0 for the bundled data (tests/fixtures/r/curve-R-*.txt) are the engine\'s curve, number for number, without running R', () => {
  for (const version of ['4.2.2', '4.6.0']) {
    const text = readFileSync(new URL(`./fixtures/r/curve-R-${version}.txt`, import.meta.url), 'utf8');
    assert.match(text, new RegExp(`^# What R version ${version.replace(/\./g, '\\.')} `));
    assertSame(curve, text, version as '4.2.2' | '4.6.0');
  }
  // R 4.2 prints NA for the current rule's p-values, which R 4.6 computes: the two files differ there.
  const old = parseROutput(readFileSync(new URL('./fixtures/r/curve-R-4.2.2.txt', import.meta.url), 'utf8'));
  assert.equal(old.get('share'), null);
  assert.equal(typeof parseROutput(readFileSync(new URL('./fixtures/r/curve-R-4.6.0.txt', import.meta.url), 'utf8')).get('share'), 'number');
});

test('R 4.6 (webR): the bundled data\'s curve, every number and every label', async () => {
  assertSame(curve, await runWebR(run('--specification-curve', '--emit-r'), bundledFiles), '4.6.0');
});

test('R 4.2 (Rscript): the bundled data\'s curve, every number but those only current R gives, which print NA', { skip: noRscript }, () => {
  const out = spawnSync('Rscript', ['--vanilla', '-e', 'cat(R.version$major, R.version$minor)'], { encoding: 'utf8' });
  assert.match(out.stdout, /^4 [0-5]\./, 'this R is older than 4.6');
  assertSame(curve, runRscript(run('--specification-curve', '--emit-r'), bundledFiles), '4.2.2');
});

test('R 4.6 (webR): two categories only', async () => {
  const two = specificationCurve(bundled, { categories: ['violence', 'drugs'] });
  assertSame(two, await runWebR(run('--categories', 'violence,drugs', '--specification-curve', '--emit-r'), bundledFiles), '4.6.0');
});

test('R 4.6 (webR) and R 4.2 (Rscript): the bundled data mirrored in time, whose arrests rose: R counts the significant rises and their share as the page does', async () => {
  // Each arrest's month with its sign turned: the 24 months after become the 24 before, so the falls are rises.
  const mirrored = mirroredEventsCsv();
  const at = mkdtempSync(join(tmpdir(), 'stro-curve-mirrored-'));
  writeFileSync(join(at, 'events.csv'), mirrored);
  const data = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  const onMirrored = (...args: string[]) => run('--orders', data('orders.csv'), '--events', join(at, 'events.csv'), '--harm-index', data('harm-index.csv'), '--specification-curve', ...args);
  const json = JSON.parse(onMirrored('--json')) as SpecificationCurve;
  const rises = json.specifications.filter((s) => s.reduction !== null && s.reduction < 0 && s.lean < 0 && s.p !== null && s.p < 0.05).length;
  assert.ok(rises > 0, 'some specifications find a significant rise');
  const files = { ...bundledFiles, 'events.csv': mirrored };
  const r46 = await runWebR(onMirrored('--emit-r'), files);
  assertSame(json, r46, '4.6.0');
  assert.equal(parseROutput(r46).get('rises'), rises);
  assert.equal(parseROutput(r46).get('riseShare'), rises / json.total);
  if (!noRscript) assertSame(json, runRscript(onMirrored('--emit-r'), files), '4.2.2');
});

test('R 4.6 (webR) and R 4.2 (Rscript): one arrest after an order given more harm than all the arrests before: where harm rose in total while the tests point to falls, R finds no significant rise either, and counts those tests apart (a re-check)', async () => {
  // Harm as the events file records it (no index), with one arrest in month 1 given twice the harm of
  // every arrest before the orders: at every window and gap that holds month 1, harm rises in total.
  const heavy = heavyEventsCsv();
  const at = mkdtempSync(join(tmpdir(), 'stro-curve-heavy-'));
  writeFileSync(join(at, 'events.csv'), heavy);
  const data = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  const onHeavy = (...args: string[]) => run('--orders', data('orders.csv'), '--events', join(at, 'events.csv'), '--specification-curve', ...args);
  const json = JSON.parse(onHeavy('--json')) as SpecificationCurve;
  assert.deepEqual(json.choices.weights, ['data']);
  const against = json.specifications.filter((s) => s.reduction !== null && s.p !== null && s.p < 0.05 && s.lean !== Math.sign(s.reduction));
  assert.ok(against.some((s) => s.measure === 'harm' && s.reduction! < 0 && s.lean > 0), 'harm rose in total where the tests point to falls');
  const files = { 'orders.csv': bundledFiles['orders.csv'], 'events.csv': heavy };
  const r46 = await runWebR(onHeavy('--emit-r'), files);
  assertSame(json, r46, '4.6.0');
  const r = parseROutput(r46);
  assert.equal(r.get('against'), against.length);
  // R's own leans, read from its output, make the same three counts.
  const leans = json.specifications.map((_, j) => r.get(`specifications.${j}.lean`));
  assert.equal(r.get('rises'), json.specifications.filter((s, j) => s.reduction !== null && s.reduction < 0 && leans[j] === -1 && s.p !== null && s.p < 0.05).length);
  if (!noRscript) assertSame(json, runRscript(onHeavy('--emit-r'), files), '4.2.2');
});

test('R 4.6 (webR) and R 4.2 (Rscript): with no arrests in the 6 months before any order, the 6-month specifications have nothing before, and R counts their significant rises as the page does (a re-check: p = 0.0078 beside "no")', async () => {
  const [header, ...rows] = readData('events.csv').trimEnd().split('\n');
  const month = (row: string) => Number(row.split(',')[1]);
  const events = [header, ...rows.filter((row) => month(row) < -6 || month(row) > 0)].join('\n') + '\n';
  const at = mkdtempSync(join(tmpdir(), 'stro-curve-none-before-'));
  writeFileSync(join(at, 'events.csv'), events);
  const data = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  const onNone = (...args: string[]) => run('--orders', data('orders.csv'), '--events', join(at, 'events.csv'), '--harm-index', data('harm-index.csv'), '--specification-curve', ...args);
  const json = JSON.parse(onNone('--json')) as SpecificationCurve;
  const fromNothing = json.specifications.filter((s) => s.reduction === null && s.p !== null && s.p < 0.05 && s.lean === -1);
  assert.ok(fromNothing.length > 0);
  const files = { ...bundledFiles, 'events.csv': events };
  const r46 = await runWebR(onNone('--emit-r'), files);
  assertSame(json, r46, '4.6.0');
  const r = parseROutput(r46);
  assert.ok((r.get('rises') as number) >= fromNothing.length);
  assert.equal(r.get('rises'), json.specifications.filter((s) => (s.reduction === null || s.reduction < 0) && s.lean === -1 && s.p !== null && s.p < 0.05).length);
  if (!noRscript) assertSame(json, runRscript(onNone('--emit-r'), files), '4.2.2');
});

// ---- Data the script was not written for: 12 months (so other windows), harm as recorded, quoted ids

const other = otherData();
const dir = mkdtempSync(join(tmpdir(), 'stro-curve-r-'));
writeFileSync(join(dir, 'theirs-orders.csv'), other.orders);
writeFileSync(join(dir, 'theirs-events.csv'), other.events);
const onOther = (...args: string[]) => run('--orders', join(dir, 'theirs-orders.csv'), '--events', join(dir, 'theirs-events.csv'), '--design-window', '12', '--specification-curve', ...args);
const otherFiles = { 'a.csv': other.orders, 'b.csv': other.events };

test('data the script was not written for: the CLI\'s curve is the engine\'s, with the windows of 12 months and harm as recorded', () => {
  const json = JSON.parse(onOther('--json')) as SpecificationCurve;
  assert.deepEqual(json.choices.windows, [3, 6, 9, 12]);
  assert.deepEqual(json.choices.weights, ['data']);
  assert.match(onOther('--emit-r'), /^WEIGHT_SETS <- NULL/m);
  assert.match(onOther('--emit-r'), /^DESIGN_WINDOW <- 12L/m);
});

test('R 4.6 (webR): data the script was not written for, all categories and two', async () => {
  for (const categories of [[], ['--categories', 'fraud,county_lines']]) {
    const json = JSON.parse(onOther('--json', ...categories)) as SpecificationCurve;
    assertSame(json, await runWebR(onOther('--emit-r', ...categories), otherFiles, ['a.csv', 'b.csv']), '4.6.0');
  }
});

test('R 4.6 (webR): data declared to cover 10 months, arrests beyond left out: windows 3, 5, 8, 10 (2.5 and 7.5 rounded up, as R\'s round() would not)', async () => {
  const tenOnly = (...args: string[]) => run('--orders', join(dir, 'theirs-orders.csv'), '--events', join(dir, 'theirs-events.csv'), '--design-window', '10', '--outside-window', 'exclude', '--specification-curve', ...args);
  const json = JSON.parse(tenOnly('--json')) as SpecificationCurve;
  assert.deepEqual(json.choices.windows, [3, 5, 8, 10]);
  assertSame(json, await runWebR(tenOnly('--emit-r'), otherFiles, ['a.csv', 'b.csv']), '4.6.0');
});

test('R 4.2 (Rscript): data the script was not written for', { skip: noRscript }, () => {
  const json = JSON.parse(onOther('--json')) as SpecificationCurve;
  assertSame(json, runRscript(onOther('--emit-r'), otherFiles, ['a.csv', 'b.csv']), '4.2.2');
});

test('R 4.2 (Rscript): without the harm index, the curve\'s script says it weighs harm by all three weight sets and where to give the index', { skip: noRscript }, () => {
  const { 'harm-index.csv': _, ...withoutIndex } = bundledFiles;
  assert.throws(() => runRscript(run('--specification-curve', '--emit-r'), withoutIndex), (e: { stderr: string }) => {
    assert.match(e.stderr, /harm-index\.csv: no such file \(looked for \/.*\/harm-index\.csv\)\. The curve weighs harm by the harm index's low, central, high weights: give the index as the script's third argument/);
    return true;
  });
});

test('R 4.2 (Rscript): a bad row stops the curve\'s script as it stops the view\'s, naming file, row and column', { skip: noRscript }, () => {
  const events = bundledFiles['events.csv'].split('\n');
  events[5] = events[5].replace(/,(-?\d+),/, ',0,');
  assert.throws(() => runRscript(run('--specification-curve', '--emit-r'), { ...bundledFiles, 'events.csv': events.join('\n') }), (e: { stderr: string }) => {
    assert.match(e.stderr, /events\.csv, row 5, column "month": must be -600 \.\.\. -1 or 1 \.\.\. 600/);
    return true;
  });
});
