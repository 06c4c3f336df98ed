// The emitted base-R script (src/analysis/emitR.ts) against the engine, in the two R versions the
// project checks: R 4.6.0 through webR and Debian's R 4.2.2 through Rscript.
//
// For each view every path of numericLeaves(analyse(...)) must come out of R, and nothing else:
// a missing or an extra path fails. Values agree to a relative 1e-9 (closeEnough in emitR.ts);
// p-values also within an absolute 1e-15 (R's QR leaves ~1e-16 noise where a monthly series is a
// perfect line). One addition to the brief's tolerance: OLS slope and intercept, Pearson r and
// Spearman rho also within 1e-12 of their series' scale, because where their exact value is 0 R
// prints rounding noise (e.g. slope 6.3e-16 against the engine's 0; the random datasets below
// found four such cases) and no relative tolerance can pass.
// The truth here is R: the script aggregates the CSVs itself and calls wilcox.test, p.adjust, lm
// and cor.test; it shares no code with the engine.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, type AnalysisResult, type Measure } from '../src/analysis/analyse.ts';
import { closeEnough, emitR, numericLeaves, parseRIntervals, parseROutput } from '../src/analysis/emitR.ts';
import { parseDataset, validateDataset } from '../src/analysis/validate.ts';
import { mulberry32, randomInt } from '../src/analysis/stats/random.ts';
import type { AnalysisOptions } from '../src/analysis/types.ts';
import { bundled, readData } from './helpers/bundled.ts';
import { otherData } from './helpers/otherData.ts';
import { hasRscript, runRscript, runWebR, stopWebR, webRVersion } from './helpers/r.ts';

after(stopWebR);

const bundledFiles = { 'orders.csv': readData('orders.csv'), 'events.csv': readData('events.csv'), 'harm-index.csv': readData('harm-index.csv') };

/** Every difference between the engine's numbers and R's lines: missing, extra or not close. */
function differences(result: AnalysisResult, rText: string): string[] {
  const expected = numericLeaves(result);
  const got = parseROutput(rText);
  const problems: string[] = [];
  const want = new Map(expected);
  assert.equal(want.size, expected.length, 'numericLeaves gives each path once');
  for (const [path, v] of want) {
    if (!got.has(path)) { problems.push(`missing in R: ${path}`); continue; }
    const g = got.get(path)!;
    if (!closeEnough(result, path, v, g)) problems.push(`${path}: engine ${v}, R ${g}`);
  }
  for (const path of got.keys()) if (!want.has(path)) problems.push(`extra in R: ${path}`);
  return problems;
}

function assertSame(result: AnalysisResult, rText: string) {
  assert.ok(numericLeaves(result).length > 50, 'a result has many numbers');
  const problems = differences(result, rText);
  assert.deepEqual(problems, [], problems.slice(0, 20).join('\n'));
}

const views: { name: string; options: AnalysisOptions }[] = [
  { name: 'default view', options: {} },
  { name: 'window 12, violence and drugs', options: { window: 12, categories: ['violence', 'drugs'] } },
  { name: 'window 1', options: { window: 1 } },
  // Arrests of 4, 3 and 2 in the three months after: a perfect line, where R's p is rounding noise and both give none.
  { name: 'window 3, modern slavery (a perfect line)', options: { window: 3, categories: ['modern_slavery'] } },
  { name: 'no categories', options: { categories: [] } },
  { name: 'gap 3, low weights', options: { gap: 3, weights: 'low' } },
  { name: 'window 12, gap 1, high weights, violence and drugs', options: { window: 12, gap: 1, weights: 'high', categories: ['violence', 'drugs'] } },
  { name: 'window 6, gap 5, central weights', options: { window: 6, gap: 5, weights: 'central' } },
];

/** Every measure of a result with its path: overall, then per category. */
function measuresOf(result: AnalysisResult): [string, Measure][] {
  return [['events', result.events], ['harm', result.harm], ...result.categories.flatMap((c): [string, Measure][] => [
    [`byCategory.${c}.events`, result.byCategory[c].events], [`byCategory.${c}.harm`, result.byCategory[c].harm],
  ])];
}

function scriptFor(options: AnalysisOptions, wilcoxon: 'current' | 'legacy') {
  const result = analyse(bundled, { ...options, wilcoxon });
  const script = emitR({ window: result.window, categories: result.categories, wilcoxon, gap: result.gap, weights: result.weights });
  return { result, script };
}

// ---- Unit checks of the interface ----------------------------------------------------------

test('numericLeaves: dotted paths with array positions, booleans as 1/0, no ci, bootstrap, domain or text', () => {
  const r = analyse(bundled);
  const leaves = new Map(numericLeaves(r));
  assert.equal(leaves.get('events.post'), r.events.post);
  assert.equal(leaves.get('byCategory.drugs.harm.test.pAdjusted'), r.byCategory.drugs.harm.test.pAdjusted);
  assert.equal(leaves.get('monthly.0.events'), r.monthly[0].events);
  assert.equal(leaves.get('perOrder.3.harmPre'), r.perOrder[3].harmPre);
  assert.equal(leaves.get('events.test.exact'), r.events.test.exact ? 1 : 0);
  assert.equal(leaves.get('events.test.z'), null, 'an exact test has no z (null stays null)');
  for (const path of leaves.keys()) {
    assert.doesNotMatch(path, /(^|\.)(ci|bootstrap|domain|method|tauMethod|reason|order|wilcoxon|categories|categoryNames)(\.|$)/, path);
  }
});

test('parseROutput reads path<TAB>value lines, NA as null, and ignores approx. lines and comments', () => {
  const text = '# a comment\nevents.pre\t210\nevents.test.z\tNA\napprox.events.ci\t0.4\t0.6\n\nmonthly.0.harm\t0.10000000000000001\n';
  assert.deepEqual([...parseROutput(text)], [['events.pre', 210], ['events.test.z', null], ['monthly.0.harm', 0.1]]);
  assert.deepEqual([...parseRIntervals(text)], [['events.ci', [0.4, 0.6]]]);
});

test('closeEnough: relative 1e-9, p-values to 1e-15, zero-valued OLS coefficients to 1e-12 of their series', () => {
  const r = { monthly: [{ events: 3, harm: 5000 }, { events: 1, harm: 20 }] };
  assert.ok(closeEnough(r, 'events.post', 93, 93 * (1 + 5e-10)));
  assert.ok(!closeEnough(r, 'events.post', 93, 93 * (1 + 5e-9)));
  assert.ok(closeEnough(r, 'trend.events.p', 0, 3e-16));
  assert.ok(!closeEnough(r, 'events.test.z', 0, 3e-16), 'no absolute floor elsewhere');
  assert.ok(closeEnough(r, 'trend.events.slope', 0, 6.3e-16));
  assert.ok(!closeEnough(r, 'trend.events.slope', 0, 1e-11));
  assert.ok(closeEnough(r, 'trend.harm.intercept', 0, 4e-9), 'scaled by the harm series (5000)');
  assert.ok(closeEnough(r, 'events.reduction', null, null));
  assert.ok(!closeEnough(r, 'events.reduction', null, 0));
});

test('emitR embeds the view and no result', () => {
  const r = analyse(bundled);
  const script = emitR({ window: r.window, categories: r.categories, wilcoxon: 'legacy' });
  assert.match(script, /^WINDOW <- 24L$/m);
  assert.match(script, /^CATEGORIES <- c\("modern_slavery", "violence", "drugs", "other"\)$/m);
  assert.match(script, /^GAP <- 0L/m);
  assert.match(script, /^WEIGHTS <- NULL/m);
  const weighted = emitR({ window: 12, categories: ['drugs'], wilcoxon: 'current', gap: 3, weights: 'low' });
  assert.match(weighted, /^GAP <- 3L/m);
  assert.match(weighted, /^WEIGHTS <- "low"  # harm from the harm index by offence, column sens_low$/m);
  assert.match(weighted, /--wilcoxon legacy --window 12 --categories drugs --gap 3 --weights low --emit-r/, 'the version check names the same view');
  assert.throws(() => emitR({ window: 6, categories: [], wilcoxon: 'current', gap: 6 }), /gap must be a whole number from 0 to window − 1/);
  assert.doesNotMatch(script, new RegExp(`\\b${r.events.pre}\\b|${String(r.events.test.p).slice(0, 8)}`), 'no result in the text');
  assert.match(script, /exact = exact, correct = TRUE/);
  assert.doesNotMatch(script, /getRversion\(\) < "4\.6\.0"/, 'the legacy script runs in any R');
});

// ---- R 4.6 (webR) ------------------------------------------------------------------------------

test('webR is R 4.6.0', async () => {
  assert.match(await webRVersion(), /R version 4\.6\.0/);
});

for (const wilcoxon of ['current', 'legacy'] as const) {
  for (const v of views) {
    test(`R 4.6 (webR), ${wilcoxon} script, ${v.name}: every number as the engine's ${wilcoxon} result`, async () => {
      const { result, script } = scriptFor(v.options, wilcoxon);
      const text = await runWebR(script, bundledFiles);
      assertSame(result, text);
      // R's bootstrap gives an interval exactly where the engine gives one (values: see the approx. test).
      const intervals = parseRIntervals(text);
      for (const [path, m] of measuresOf(result)) assert.equal(intervals.get(`${path}.ci`) === null, m.ci === null, `${path}: interval or none`);
    });
  }
}

// ---- R 4.2 (Rscript) ---------------------------------------------------------------------------

const noRscript = !hasRscript() && 'Rscript (R 4.2) is not installed; npm run test:unit installs it';

for (const v of views) {
  test(`R 4.2 (Rscript), legacy script, ${v.name}: every number as the engine's legacy result`, { skip: noRscript }, () => {
    const { result, script } = scriptFor(v.options, 'legacy');
    assertSame(result, runRscript(script, bundledFiles));
  });
}

test('R 4.2 (Rscript): the default (current) script stops at once, saying what to run instead', { skip: noRscript }, () => {
  const { script } = scriptFor({}, 'current');
  let failure: { status?: number; stderr?: string; stdout?: string } | undefined;
  try {
    runRscript(script, bundledFiles);
  } catch (e) {
    failure = e as typeof failure;
  }
  assert.ok(failure, 'Rscript must fail');
  assert.notEqual(failure.status, 0);
  assert.equal(failure.stdout, '', 'no numbers printed before stopping');
  assert.match(failure.stderr ?? '', /needs R 4\.6, because.*this is R 4\.2\.2.*--wilcoxon legacy --window 24 --categories modern_slavery,violence,drugs,other --emit-r > reproduce\.R/s);
});

// ---- The bootstrap: R's own, on approx. lines ----------------------------------------------------

test('approx. lines: R\'s own bootstrap intervals lie within ±0.1 of the engine\'s (a loose sanity check only)', async () => {
  // R's random numbers differ from the engine's, so only rough agreement can be expected.
  const { result, script } = scriptFor({}, 'current');
  const intervals = parseRIntervals(await runWebR(script, bundledFiles));
  const measures = measuresOf(result);
  assert.equal(intervals.size, measures.length, 'one approx. line per measure');
  for (const [path, m] of measures) {
    const r = intervals.get(`${path}.ci`);
    assert.ok(r !== undefined, `approx.${path}.ci is printed`);
    assert.ok(m.ci !== null && r !== null, `${path}: both have an interval`);
    assert.ok(Math.abs(r[0] - m.ci[0]) <= 0.1 && Math.abs(r[1] - m.ci[1]) <= 0.1, `${path}: R [${r}] vs engine [${m.ci}]`);
  }
});

// ---- Data the script was not written for ----------------------------------------------------------

const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
const other = otherData();
const dir = mkdtempSync(join(tmpdir(), 'stro-emitr-'));
writeFileSync(join(dir, 'theirs-orders.csv'), other.orders);
writeFileSync(join(dir, 'theirs-events.csv'), other.events);
writeFileSync(join(dir, 'theirs-index.csv'), other.index);
/** The CLI on the second dataset: its --json result or its --emit-r script. */
function cliOnOther(...args: string[]): string {
  // These data cover 12 months either side: a reader's design window is declared, not inferred.
  const index = args.includes('--weights') ? ['--harm-index', join(dir, 'theirs-index.csv')] : [];
  const out = spawnSync(process.execPath, [cli, '--orders', join(dir, 'theirs-orders.csv'), '--events', join(dir, 'theirs-events.csv'), '--design-window', '12', ...index, ...args], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}
// R reads the files under other names, given on its command line (the harm index third).
const otherFiles = { 'a.csv': other.orders, 'b.csv': other.events, 'c.csv': other.index };
const otherArgsFor = (view: string[]) => (view.includes('--weights') ? ['a.csv', 'b.csv', 'c.csv'] : ['a.csv', 'b.csv']);
const otherViews: string[][] = [
  [],
  ['--window', '7', '--categories', 'fraud,labour_exploitation'],
  ['--gap', '3', '--weights', 'low'],
  ['--window', '7', '--gap', '2', '--weights', 'high', '--categories', 'county_lines,fraud'],
];

test('the second dataset is what it claims: valid, 64 analysed, months up to 12, some tests past 50 pairs', () => {
  const d = parseDataset({ name: 'o', text: other.orders }, { name: 'e', text: other.events }, { designWindow: 12 });
  assert.equal(Math.max(...d.events.map((e) => Math.abs(e.month))), 12);
  assert.equal(d.orders.filter((o) => o.sample === 'analysed').length, 64);
  assert.equal(d.span, 12);
  assert.deepEqual(d.categories, ['county_lines', 'fraud', 'labour_exploitation', 'sexual_exploitation']);
  const r = analyse(d);
  assert.equal(r.categoryNames.labour_exploitation, 'Labour exploitation');
  assert.equal(r.events.test.exact, false, 'current R takes the normal approximation from 50 pairs on');
});

for (const view of otherViews) {
  const label = view.length === 0 ? 'default view' : view.join(' ');
  test(`data the script was not written for (${label}): R 4.6 runs the CLI's script and prints its --json numbers, both rules`, async () => {
    for (const rule of ['current', 'legacy']) {
      const json = JSON.parse(cliOnOther('--wilcoxon', rule, '--json', ...view));
      const script = cliOnOther('--wilcoxon', rule, '--emit-r', ...view);
      assert.equal(script.replace(/^# Written by .*\n/m, ''), emitR({ window: json.window, categories: json.categories, wilcoxon: rule as 'current' | 'legacy', gap: json.gap, weights: json.weights, designWindow: 12, outsideWindow: undefined }),
        'the CLI prints emitR() for the resolved view and the declared design window, which depend on the view alone');
      assertSame(json, await runWebR(script, otherFiles, otherArgsFor(view)));
    }
  });
  test(`data the script was not written for (${label}): R 4.2 runs the CLI's legacy script and prints its --json numbers`, { skip: noRscript }, () => {
    const json = JSON.parse(cliOnOther('--wilcoxon', 'legacy', '--json', ...view));
    assertSame(json, runRscript(cliOnOther('--wilcoxon', 'legacy', '--emit-r', ...view), otherFiles, otherArgsFor(view)));
  });
}

/** A command line's words, as a POSIX shell splits them (single quotes only, as R's shQuote writes them). */
const shellWords = (line: string): string[] => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);

test("R 4.2 (Rscript) stops the current-R script on a reader's files with a command that writes the legacy script for those files and that view, which R 4.2 then runs", { skip: noRscript }, () => {
  const view = ['--window', '7', '--gap', '2', '--weights', 'high', '--categories', 'county_lines,fraud'];
  const files = ['theirs-orders.csv', 'theirs-events.csv', 'theirs-index.csv'].map((f) => join(dir, f));
  let message = '';
  assert.throws(() => runRscript(cliOnOther('--wilcoxon', 'current', '--emit-r', ...view), {}, files), (e: { stderr: string; stdout: string }) => {
    message = e.stderr.replace(/\s+/g, ' ');
    assert.equal(e.stdout, '', 'nothing is computed in the old R');
    return true;
  });
  assert.match(message, /choose 'R 4\.5 and earlier' under 'Paired test computed as'/, 'the report\'s way to the same script');
  const m = /from the command line, in the project's folder: npm run --silent analyze -- (.*) > reproduce\.R\)/.exec(message);
  assert.ok(m, message);
  const argv = shellWords(m[1]);
  // the reader's files (not the bundled data) and their declared design window, then the view
  assert.deepEqual(argv.slice(0, 10), ['--orders', files[0], '--events', files[1], '--harm-index', files[2], '--design-window', '12', '--outside-window', 'error']);
  const legacy = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8' });
  assert.equal(legacy.status, 0, legacy.stderr);
  assertSame(JSON.parse(cliOnOther('--wilcoxon', 'legacy', '--json', ...view)), runRscript(legacy.stdout, {}, files));
  // The bundled data's script, run with no files named, names none: the CLI's default is that data.
  const { script } = scriptFor({}, 'current');
  assert.throws(() => runRscript(script, bundledFiles), (e: { stderr: string }) => {
    assert.match(e.stderr.replace(/\s+/g, ' '), /npm run --silent analyze -- --wilcoxon legacy --window 24 /);
    return true;
  });
});

test("R 4.2 (Rscript) on a reader's events with dates: the command it gives writes the events as months too, and the legacy script then runs on them (one round, not two)", { skip: noRscript }, () => {
  const templates = new URL('../data/templates/', import.meta.url);
  const files = ['orders.csv', 'events.csv'].map((f) => {
    const to = join(dir, `dated-${f}`);
    writeFileSync(to, readFileSync(new URL(f, templates), 'utf8'));
    return to;
  });
  const current = spawnSync(process.execPath, [cli, '--orders', files[0], '--events', files[1], '--emit-r'], { encoding: 'utf8' });
  let message = '';
  assert.throws(() => runRscript(current.stdout, {}, files), (e: { stderr: string }) => {
    message = e.stderr.replace(/\s+/g, ' ');
    return true;
  });
  const placed = join(dir, 'events-with-months.csv');
  const m = /from the command line, in the project's folder: npm run --silent analyze -- (.*) > reproduce\.R\)\. Your events give dates, and the script reads months: that command also writes the events as months, to (.*); run the new script on that file \(Rscript reproduce\.R (.*)\)\. Execution halted$/.exec(message.trim());
  assert.ok(m, message);
  assert.equal(m[2], placed);
  assert.deepEqual(shellWords(m[3]), [files[0], placed]);
  const argv = shellWords(m[1]);
  assert.deepEqual(argv.slice(argv.indexOf('--write-events'), argv.indexOf('--write-events') + 2), ['--write-events', placed]);
  const legacy = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8' });
  assert.equal(legacy.status, 0, legacy.stderr);
  const json = JSON.parse(spawnSync(process.execPath, [cli, '--orders', files[0], '--events', files[1], '--wilcoxon', 'legacy', '--json'], { encoding: 'utf8' }).stdout);
  assertSame(json, runRscript(legacy.stdout, {}, [files[0], placed]));
  // Files named relative to where R runs: the command (run in the project's folder) still names them,
  // and the events as months, by absolute paths (a re-check: a relative path failed from the project's folder).
  let relative = '';
  assert.throws(() => runRscript(current.stdout, { 'o.csv': readFileSync(files[0], 'utf8'), 'e.csv': readFileSync(files[1], 'utf8') }, ['o.csv', 'e.csv']), (e: { stderr: string }) => {
    relative = e.stderr.replace(/\s+/g, ' ');
    return true;
  });
  const written = /--write-events '([^']+)'/.exec(relative);
  assert.ok(written, relative);
  assert.match(written[1], /^\/.*\/events-with-months\.csv$/, 'an absolute path beside the events file');
  assert.match(relative, /--events '\/[^']*\/e\.csv'/);
});

test('the second dataset with weights: harm differs from the recorded harm, and a gap removes arrests', () => {
  const plain = JSON.parse(cliOnOther('--json'));
  const weighted = JSON.parse(cliOnOther('--json', '--gap', '3', '--weights', 'low'));
  assert.equal(weighted.weights, 'low');
  assert.ok(weighted.events.pre < plain.events.pre);
  assert.notEqual(weighted.harm.pre, JSON.parse(cliOnOther('--json', '--gap', '3')).harm.pre);
});

test('R 4.2 (Rscript): with weights, an offence missing from the harm index stops the script, naming file, row and column', { skip: noRscript }, () => {
  const { script } = scriptFor({ gap: 3, weights: 'low' }, 'legacy');
  const index = bundledFiles['harm-index.csv'].split('\n').filter((l) => !l.startsWith('Wounding or inflicting GBH (s20)')).join('\n');
  assert.throws(() => runRscript(script, { ...bundledFiles, 'harm-index.csv': index }), (e: { stderr: string; stdout: string }) => {
    assert.match(e.stderr, /events\.csv, row 1, column "offence": "Wounding or inflicting GBH \(s20\)" is not in the harm index harm-index\.csv/);
    assert.equal(e.stdout, '');
    return true;
  });
  // Without weights the script needs no index at all.
  const { result, script: plain } = scriptFor({ gap: 3 }, 'legacy');
  assertSame(result, runRscript(plain, { 'orders.csv': bundledFiles['orders.csv'], 'events.csv': bundledFiles['events.csv'] }));
});

test('numericLeaves takes category codes that look like field names (ci, order, method) for categories', () => {
  const renamed = readData('events.csv').replace(/,violence,/g, ',ci,').replace(/,drugs,/g, ',order,').replace(/,other,/g, ',method,');
  const d = parseDataset({ name: 'orders.csv', text: readData('orders.csv') }, { name: 'events.csv', text: renamed });
  const leaves = numericLeaves(analyse(d));
  assert.equal(leaves.length, numericLeaves(analyse(bundled)).length);
  assert.ok(leaves.some(([path]) => path === 'byCategory.ci.harm.test.pAdjusted'));
  assert.ok(leaves.some(([path]) => path === 'byCategory.order.events.pre'));
});

test('R 4.2 (Rscript): the script checks the data itself and stops on a bad row, naming file, row and column', { skip: noRscript }, () => {
  const { script } = scriptFor({}, 'legacy');
  const [header, first, ...rest] = bundledFiles['events.csv'].split('\n');
  const events = [header, first.replace(/^([^,]*),[^,]*,/, '$1,0,'), ...rest].join('\n');
  assert.throws(() => runRscript(script, { ...bundledFiles, 'events.csv': events }), (e: { status: number; stderr: string; stdout: string }) => {
    assert.notEqual(e.status, 0);
    assert.match(e.stderr, /events\.csv, row 1, column "month": must be -600 \.\.\. -1 or 1 \.\.\. 600/);
    assert.equal(e.stdout, '');
    return true;
  });
  assert.throws(() => runRscript(script, { ...bundledFiles, 'events.csv': bundledFiles['events.csv'].replace(/,violence,/g, ',crime,') }), /categories violence not in the data/);
});

test('R 4.2 (Rscript): empty rows (blank lines, rows of only commas) are skipped as the report skips them, and keep their numbers', { skip: noRscript }, () => {
  const { result, script } = scriptFor({ window: 12 }, 'legacy');
  // A blank line and a spreadsheet's empty row in each file, and trailing empty rows: the same numbers.
  const spaced = (text: string) => {
    const [header, a, b, ...rest] = text.trimEnd().split('\n');
    const commas = ','.repeat(header.split(',').length - 1);
    return [header, a, '', b, commas, ...rest, commas, commas, ''].join('\n');
  };
  const files = { ...bundledFiles, 'orders.csv': spaced(bundledFiles['orders.csv']), 'events.csv': spaced(bundledFiles['events.csv']) };
  assert.deepEqual(parseDataset({ name: 'orders.csv', text: files['orders.csv'] }, { name: 'events.csv', text: files['events.csv'] }, { manifest: bundled.manifest, harmIndex: { name: 'harm-index.csv', text: files['harm-index.csv'] } }), bundled, 'the engine reads the same data');
  assertSame(result, runRscript(script, files));
  // A bad value after them: R names the row the engine names (line 6 of the file is row 5).
  const lines = files['events.csv'].split('\n');
  lines[5] = lines[5].replace(/^([^,]*),[^,]*,/, '$1,0,');
  const engine = validateDataset({ orders: { name: 'orders.csv', text: files['orders.csv'] }, events: { name: 'events.csv', text: lines.join('\n') } }, { manifest: bundled.manifest });
  assert.deepEqual(engine.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column]), [[5, 'month']]);
  assert.throws(() => runRscript(script, { ...files, 'events.csv': lines.join('\n') }), (e: { stderr: string }) => {
    assert.match(e.stderr, /events\.csv, row 5, column "month": must be -600/);
    return true;
  });
});

test('R 4.2 (Rscript): empty rows before the header (a blank line, a row of commas, old Mac line ends) are skipped as the report skips them', { skip: noRscript }, () => {
  const { result, script } = scriptFor({ window: 12 }, 'legacy');
  const before = (text: string, lead: string, end = '\n') => (lead + text).replace(/\r?\n/g, end);
  const files = {
    ...bundledFiles,
    'orders.csv': before(bundledFiles['orders.csv'], '\n,,,,\n'),
    'events.csv': before(bundledFiles['events.csv'], '\n\n', '\r'),
  };
  assert.deepEqual(parseDataset({ name: 'orders.csv', text: files['orders.csv'] }, { name: 'events.csv', text: files['events.csv'] }, { manifest: bundled.manifest, harmIndex: { name: 'harm-index.csv', text: files['harm-index.csv'] } }), bundled, 'the engine reads the same data');
  assertSame(result, runRscript(script, files));
});

test('R 4.2 (Rscript): a row with more or fewer fields than the header stops the script, naming the row the report names', { skip: noRscript }, () => {
  const { script } = scriptFor({ window: 12 }, 'legacy');
  for (const [label, change] of [['more', (line: string) => `${line},extra`], ['fewer', (line: string) => line.replace(/,[^,]*$/, '')]] as const) {
    const lines = bundledFiles['events.csv'].split('\n');
    lines[2] = change(lines[2]); // row 2: near the top, where R's read.csv guesses the number of columns
    const events = lines.join('\n');
    const engine = validateDataset({ orders: { name: 'orders.csv', text: bundledFiles['orders.csv'] }, events: { name: 'events.csv', text: events } }, { manifest: bundled.manifest });
    const errors = engine.problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => p.row), [2], label);
    const fields = bundledFiles['events.csv'].split('\n')[0].split(',').length;
    assert.throws(() => runRscript(script, { ...bundledFiles, 'events.csv': events }), (e: { stderr: string; stdout: string }) => {
      assert.match(e.stderr, new RegExp(`events\\.csv, row 2: has ${label === 'more' ? fields + 1 : fields - 1} fields but the header has ${fields}`), label);
      assert.equal(e.stdout, '');
      return true;
    });
  }
});

test('R 4.2 (Rscript): a file that is not UTF-8 stops the script, naming its first bad line', { skip: noRscript }, () => {
  const { script } = scriptFor({}, 'legacy');
  const dir = mkdtempSync(join(tmpdir(), 'stro-latin1-'));
  const lines = bundledFiles['events.csv'].split('\n');
  lines[3] = lines[3].replace(/^((?:[^,]*,){3})/, '$1caf\u00e9 ');
  writeFileSync(join(dir, 'events.csv'), Buffer.from(lines.join('\n'), 'latin1'));
  writeFileSync(join(dir, 'orders.csv'), bundledFiles['orders.csv']);
  writeFileSync(join(dir, 'script.R'), script);
  const run = spawnSync('Rscript', ['--vanilla', 'script.R'], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /events\.csv, line 4: is not UTF-8 text/);
});

test('R 4.2 (Rscript): an issued quarter written "2017 Q4" stops the script, as it stops the report', { skip: noRscript }, () => {
  const { script } = scriptFor({}, 'legacy');
  const [header, first, ...rest] = bundledFiles['orders.csv'].split('\n');
  const orders = [header, first.replace(/,(\d{4})-Q(\d),/, ',$1 Q$2,'), ...rest].join('\n');
  assert.notEqual(orders, bundledFiles['orders.csv']);
  assert.throws(() => runRscript(script, { ...bundledFiles, 'orders.csv': orders }), (e: { stderr: string }) => {
    assert.match(e.stderr, /orders\.csv, row 1, column "issued": is not a quarter like 2019-Q3/);
    return true;
  });
});

test('R 4.2 (Rscript): orders with neither issued nor issued_date stop the script, as they stop the report; a date that is not one is named by row', { skip: noRscript }, () => {
  const { script } = scriptFor({}, 'legacy');
  const [header, ...rows] = bundledFiles['orders.csv'].trimEnd().split('\n');
  const at = header.split(',').indexOf('issued');
  const drop = (line: string) => line.split(',').filter((_, k) => k !== at).join(',');
  assert.throws(() => runRscript(script, { ...bundledFiles, 'orders.csv': [header, ...rows].map(drop).join('\n') + '\n' }), (e: { stderr: string }) => {
    assert.match(e.stderr, /orders\.csv: required column\(s\) missing: issued \(or issued_date\)/);
    return true;
  });
  const dated = [drop(header) + ',issued_date', ...rows.map((r, k) => `${drop(r)},${k === 2 ? '15/03/2019' : '2019-03-15'}`)].join('\n') + '\n';
  assert.throws(() => runRscript(script, { ...bundledFiles, 'orders.csv': dated }), (e: { stderr: string }) => {
    assert.match(e.stderr, /orders\.csv, row 3, column "issued_date": is not a real date like 2019-07-31/);
    return true;
  });
  // As the report: a date that does not exist, or one outside its quarter, stops the script on its row.
  const withDate = (k: number, date: string) => [header + ',issued_date', ...rows.map((r, j) => `${r},${j === k ? date : ''}`)].join('\n') + '\n';
  const quarter = rows[1].split(',')[at];
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const outside = `${year}-${String(q === 4 ? 1 : q * 3 + 1).padStart(2, '0')}-01`;
  for (const [date, why] of [['2020-02-30', /row 2, column "issued_date": is not a real date like 2019-07-31/], [outside, /row 2, column "issued_date": is not in the order's quarter \(issued\)/]] as const) {
    assert.ok(validateDataset({ orders: { name: 'orders.csv', text: withDate(1, date) }, events: { name: 'events.csv', text: bundledFiles['events.csv'] } }).problems.some((p) => p.severity === 'error' && p.row === 2 && p.column === 'issued_date'), `the report rejects ${date} too`);
    assert.throws(() => runRscript(script, { ...bundledFiles, 'orders.csv': withDate(1, date) }), (e: { stderr: string }) => {
      assert.match(e.stderr, why);
      return true;
    });
  }
});

test('R 4.2 (Rscript): events with dates are sent to events-with-months.csv, and a wrong number of arguments names the script as it was run', { skip: noRscript }, () => {
  const { script } = scriptFor({}, 'legacy');
  const dated = bundledFiles['events.csv'].replace(/^order_id,month,/, 'order_id,date,');
  assert.throws(() => runRscript(script, { ...bundledFiles, 'events.csv': dated }), (e: { stderr: string }) => {
    assert.match(e.stderr, /events\.csv: required column\(s\) missing: month; these events give dates, which this script does not place in months: run it on events-with-months\.csv/);
    return true;
  });
  assert.throws(() => runRscript(script, bundledFiles, ['orders.csv']), (e: { stderr: string }) => {
    assert.match(e.stderr, /usage: Rscript script\.R \[ORDERS EVENTS\]/);
    return true;
  });
});

// ---- Small random datasets: sparse data, few contributors, short windows, decimal harm -------------

/**
 * A random dataset from a seed: 2 to 71 analysed orders, a span of 1 to 15 months, one to three
 * categories, harm values such as 0.1, 0.2 and 0.3 whose sums round, and sparse events; a view
 * (window, a random subset of categories) from the same seed.
 */
function randomCase(seed: number) {
  const rng = mulberry32(seed);
  const nOrders = 2 + randomInt(rng, 70);
  const span = 1 + randomInt(rng, 15);
  const codes = ['aa', 'bb', 'cc'].slice(0, 1 + randomInt(rng, 3));
  const harms = [0, 1, 2.5, 10, 0.1, 0.2, 0.3, 365];
  const density = rng() * 0.6;
  // The orders' columns vary with the seed (not the generator's draws): every column, the three
  // required ones, or the order's date in place of its quarter (duration and conditions are never read).
  const shape = [
    { header: 'order_id,issued,sample,duration_months,conditions', row: (k: number) => `X${k},2020-Q1,analysed,,` },
    { header: 'order_id,issued,sample', row: (k: number) => `X${k},2020-Q1,analysed` },
    { header: 'order_id,issued_date,sample', row: (k: number) => `X${k},2020-0${1 + (k % 9)}-15,analysed` },
  ][seed % 3];
  const orders = [shape.header];
  const events = ['order_id,month,category,offence,harm'];
  for (let k = 0; k < nOrders; k++) {
    orders.push(shape.row(k));
    for (let m = -span; m <= span; m++) {
      if (m === 0) continue;
      while (rng() < density * (m < 0 ? 1 : 0.5)) events.push(`X${k},${m},${codes[randomInt(rng, codes.length)]},off,${harms[randomInt(rng, harms.length)]}`);
    }
  }
  if (events.length === 1) events.push(`X0,${span},${codes[0]},off,1`);
  const files = { 'orders.csv': orders.join('\n'), 'events.csv': events.join('\n') };
  // The design window is the furthest month with an event, so that the windows drawn below are the
  // ones these seeds were chosen for; the script is told it (DESIGN_WINDOW) rather than inferring it.
  const designWindow = Math.max(...events.slice(1).map((l) => Math.abs(Number(l.split(',')[1]))));
  const d = parseDataset({ name: 'orders.csv', text: files['orders.csv'] }, { name: 'events.csv', text: files['events.csv'] }, { designWindow });
  const pick = mulberry32(seed * 7);
  const window = 1 + randomInt(pick, d.span);
  const categories = d.categories.filter(() => pick() < 0.7);
  return { files, d, window, categories };
}

// Seeds 78, 83, 85 and 144 give an OLS coefficient whose exact value is 0; the others are ordinary.
for (const seed of [3, 17, 78, 83, 85, 144]) {
  test(`random dataset ${seed}: R 4.6 (both rules) and R 4.2 (legacy) print the engine's numbers`, async () => {
    const { files, d, window, categories } = randomCase(seed);
    for (const wilcoxon of ['current', 'legacy'] as const) {
      const result = analyse(d, { window, categories, wilcoxon });
      const script = emitR({ window: result.window, categories: result.categories, wilcoxon, designWindow: d.span });
      assertSame(result, await runWebR(script, files));
      if (wilcoxon === 'legacy' && !noRscript) assertSame(result, runRscript(script, files));
    }
  });
}

// With a random gap below the window, leaving one to eight months either side (seeds chosen so
// that the gap is above 0).
for (const seed of [29, 53, 97]) {
  test(`random dataset ${seed} with a gap: R 4.6 (both rules) and R 4.2 (legacy) print the engine's numbers`, async () => {
    const { files, d, window, categories } = randomCase(seed);
    const gap = randomInt(mulberry32(seed * 13), window);
    assert.ok(gap > 0, `seed ${seed}: gap ${gap}`);
    for (const wilcoxon of ['current', 'legacy'] as const) {
      const result = analyse(d, { window, gap, categories, wilcoxon });
      assert.equal(result.monthly.length, 2 * (window - gap));
      const script = emitR({ window: result.window, categories: result.categories, wilcoxon, gap, designWindow: d.span });
      assertSame(result, await runWebR(script, files));
      if (wilcoxon === 'legacy' && !noRscript) assertSame(result, runRscript(script, files));
    }
  });
}

// ---- A declared design window in the script -----------------------------------------------------
test('a declared design window: R stops on an event outside it, or (exclude) drops it and prints the engine\'s numbers', async () => {
  const [header, first, ...rest] = bundledFiles['events.csv'].split('\n');
  const events = [header, first.replace(/^([^,]*),[^,]*,/, '$1,-240,'), ...rest].join('\n');
  const files = { 'orders.csv': bundledFiles['orders.csv'], 'events.csv': events };
  const d = parseDataset({ name: 'orders.csv', text: files['orders.csv'] }, { name: 'events.csv', text: events }, { designWindow: 24, outsideWindow: 'exclude' });
  assert.equal(d.excludedOutsideWindow, 1);
  const result = analyse(d, { window: 12 });
  assertSame(result, await runWebR(emitR({ window: 12, categories: result.categories, wilcoxon: 'current', designWindow: 24, outsideWindow: 'exclude' }), files));
  assert.equal(await runWebR(emitR({ window: 12, categories: result.categories, wilcoxon: 'current', designWindow: 24 }), files), '', 'without exclude R stops before printing a number');
});

test('R 4.2 (Rscript): a declared design window stops the script on an event outside it, naming file, row and column', { skip: noRscript }, () => {
  const [header, first, ...rest] = bundledFiles['events.csv'].split('\n');
  const files = { 'orders.csv': bundledFiles['orders.csv'], 'events.csv': [header, first.replace(/^([^,]*),[^,]*,/, '$1,-240,'), ...rest].join('\n') };
  const script = emitR({ window: 12, categories: ['violence'], wilcoxon: 'legacy', designWindow: 24 });
  assert.throws(() => runRscript(script, files), (e: { stderr: string; stdout: string }) => {
    assert.match(e.stderr, /events\.csv, row 1, column "month": is outside the design window of 24 months/);
    assert.equal(e.stdout, '');
    return true;
  });
});

test('R 4.2 (Rscript): a script run with no arguments away from the data says where it looked and how to give the files (an analyst met only "orders.csv: no such file")', { skip: noRscript }, () => {
  const { script } = scriptFor({}, 'legacy');
  let failure: { status?: number; stderr?: string } | undefined;
  try {
    runRscript(script, {});
  } catch (e) {
    failure = e as typeof failure;
  }
  assert.ok(failure && failure.status !== 0, 'Rscript must fail');
  assert.match(failure.stderr ?? '', /orders\.csv: no such file \(looked for \/.*\/orders\.csv\)\. With no arguments the script reads orders\.csv and events\.csv in the working folder; give the files instead: Rscript script\.R ORDERS EVENTS\n/);
  // A weighted view's script asks for the index too, and a name with a space (a browser's second download) is given quoted, as typed (a re-check).
  const weighted = scriptFor({ weights: 'low' }, 'legacy').script;
  const dir = mkdtempSync(join(tmpdir(), 'stro-r-'));
  try {
    writeFileSync(join(dir, 'stro-reproduce (1).R'), weighted);
    const run = spawnSync('Rscript', ['--vanilla', 'stro-reproduce (1).R'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /give the files instead: Rscript 'stro-reproduce \(1\)\.R' ORDERS EVENTS HARM_INDEX\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('R 4.2 (Rscript): a weighted script without its harm index says what the index is for and where to give it (an analyst met only "harm-index.csv: no such file")', { skip: noRscript }, () => {
  const { script } = scriptFor({ weights: 'low' }, 'legacy');
  const { 'harm-index.csv': _index, ...withoutIndex } = bundledFiles;
  let failure: { status?: number; stderr?: string } | undefined;
  try {
    runRscript(script, withoutIndex, ['orders.csv', 'events.csv']);
  } catch (e) {
    failure = e as typeof failure;
  }
  assert.ok(failure && failure.status !== 0, 'Rscript must fail');
  assert.match(failure.stderr ?? '', /harm-index\.csv: no such file \(looked for \/.*\/harm-index\.csv\)\. This view weighs harm by the harm index's low weights: give the index as the script's third argument/);
});
