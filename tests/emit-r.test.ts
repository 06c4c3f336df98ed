// The emitted base-R script (src/analysis/emitR.ts) against the engine, in the two R versions the
// project checks: R 4.6.0 through webR and Debian's R 4.2.2 through Rscript.
//
// For each view every path of numericLeaves(analyse(...)) must come out of R, and nothing else:
// a missing or an extra path fails. Values agree to a relative 1e-9; p-values also within an
// absolute 1e-15 (R's QR leaves ~1e-16 noise where a monthly series is a perfect line).
// The truth here is R: the script aggregates the CSVs itself and calls wilcox.test, p.adjust, lm
// and cor.test; it shares no code with the engine.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, type AnalysisResult, type Measure } from '../src/analysis/analyse.ts';
import { emitR, numericLeaves, parseRIntervals, parseROutput } from '../src/analysis/emitR.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { mulberry32, randomInt } from '../src/analysis/stats/random.ts';
import type { AnalysisOptions } from '../src/analysis/types.ts';
import { bundled, readData } from './helpers/bundled.ts';
import { hasRscript, runRscript, runWebR, stopWebR, webRVersion } from './helpers/r.ts';

after(stopWebR);

const bundledFiles = { 'orders.csv': readData('orders.csv'), 'events.csv': readData('events.csv') };

const isP = (path: string) => /\.(p|tauP|pAdjusted)$/.test(path);

/** Every difference between the engine's numbers and R's lines: missing, extra or not close. */
function differences(expected: [string, number | null][], rText: string): string[] {
  const got = parseROutput(rText);
  const problems: string[] = [];
  const want = new Map(expected);
  assert.equal(want.size, expected.length, 'numericLeaves gives each path once');
  for (const [path, v] of want) {
    if (!got.has(path)) { problems.push(`missing in R: ${path}`); continue; }
    const g = got.get(path)!;
    const ok = v === null || g === null
      ? v === g
      : Math.abs(g - v) <= 1e-9 * Math.abs(v) + (isP(path) ? 1e-15 : 0);
    if (!ok) problems.push(`${path}: engine ${v}, R ${g}`);
  }
  for (const path of got.keys()) if (!want.has(path)) problems.push(`extra in R: ${path}`);
  return problems;
}

function assertSame(expected: [string, number | null][], rText: string) {
  assert.ok(expected.length > 50, 'a result has many numbers');
  const problems = differences(expected, rText);
  assert.deepEqual(problems, [], problems.slice(0, 20).join('\n'));
}

const views: { name: string; options: AnalysisOptions }[] = [
  { name: 'default view', options: {} },
  { name: 'window 12, violence and drugs', options: { window: 12, categories: ['violence', 'drugs'] } },
  { name: 'window 1', options: { window: 1 } },
  { name: 'no categories', options: { categories: [] } },
];

/** Every measure of a result with its path: overall, then per category. */
function measuresOf(result: AnalysisResult): [string, Measure][] {
  return [['events', result.events], ['harm', result.harm], ...result.categories.flatMap((c): [string, Measure][] => [
    [`byCategory.${c}.events`, result.byCategory[c].events], [`byCategory.${c}.harm`, result.byCategory[c].harm],
  ])];
}

function scriptFor(options: AnalysisOptions, wilcoxon: 'current' | 'legacy') {
  const result = analyse(bundled, { ...options, wilcoxon });
  const script = emitR({ window: result.window, categories: result.categories, wilcoxon });
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

test('emitR embeds the view and no result', () => {
  const r = analyse(bundled);
  const script = emitR({ window: r.window, categories: r.categories, wilcoxon: 'legacy' });
  assert.match(script, /^WINDOW <- 24L$/m);
  assert.match(script, /^CATEGORIES <- c\("modern_slavery", "violence", "drugs", "other"\)$/m);
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
      assertSame(numericLeaves(result), text);
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
    assertSame(numericLeaves(result), runRscript(script, bundledFiles));
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
  assert.match(failure.stderr ?? '', /needs R 4\.6\.0 or newer.*this is R 4\.2\.2.*--wilcoxon legacy --window 24 --categories modern_slavery,violence,drugs,other --emit-r/s);
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

/**
 * A second dataset, made here from a seeded generator: other ids (with a space and an apostrophe),
 * other category codes (readable names with spaces), 64 analysed orders, months up to 12, quoted
 * offence names with commas and quotes, harm with decimals, plus excluded orders.
 */
function otherData(): { orders: string; events: string } {
  const rng = mulberry32(4242);
  const categories = ['labour_exploitation', 'fraud', 'county_lines', 'sexual_exploitation'];
  const offences: Record<string, [string, number][]> = {
    labour_exploitation: [['Forced labour, "debt bondage" (s1)', 730], ['Holding a person in servitude', 365.5]],
    fraud: [['Fraud by false representation', 56], ['Benefit fraud, "ghost" claimant', 7.25]],
    county_lines: [['Possession with intent to supply', 365], ['Being concerned in supply', 182.5]],
    sexual_exploitation: [["Controlling prostitution for gain, the victim's earnings", 548], ['Arranging travel', 0]],
  };
  const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const orders = ['order_id,issued,sample,duration_months,conditions'];
  const events = ['order_id,month,category,offence,harm'];
  const samples = [...Array(64).fill('analysed'), ...Array(9).fill('excluded_followup'), ...Array(5).fill('excluded_data')];
  samples.forEach((sample, k) => {
    const id = k % 7 === 0 ? `D'${k} X` : `P ${1000 + k}`;
    orders.push(`${quote(id)},${2017 + (k % 6)}-Q${1 + (k % 4)},${sample},${k % 3 === 0 ? '' : 12 + k},${k % 2 ? 'exclusion_zone' : ''}`);
    if (sample !== 'analysed') return;
    const propensity = rng() * 3;
    for (let month = -12; month <= 12; month++) {
      if (month === 0) continue;
      const rate = propensity * (month < 0 ? 0.35 : 0.15 * (1 - month / 20));
      let count = 0;
      while (rng() < rate / (1 + count)) count++;
      for (let e = 0; e < count; e++) {
        const category = categories[randomInt(rng, k % 5 === 0 ? 1 : categories.length)];
        const [offence, harm] = offences[category][randomInt(rng, 2)];
        events.push(`${quote(id)},${month},${category},${quote(offence)},${harm}`);
      }
    }
  });
  return { orders: orders.join('\n') + '\n', events: events.join('\r\n') + '\r\n' };
}

const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
const other = otherData();
const dir = mkdtempSync(join(tmpdir(), 'stro-emitr-'));
writeFileSync(join(dir, 'theirs-orders.csv'), other.orders);
writeFileSync(join(dir, 'theirs-events.csv'), other.events);
/** The CLI on the second dataset: its --json result or its --emit-r script. */
function cliOnOther(...args: string[]): string {
  const out = spawnSync(process.execPath, [cli, '--orders', join(dir, 'theirs-orders.csv'), '--events', join(dir, 'theirs-events.csv'), ...args], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}
// R reads the files under other names, given on its command line.
const otherFiles = { 'a.csv': other.orders, 'b.csv': other.events };
const otherArgs = ['a.csv', 'b.csv'];
const otherViews: string[][] = [[], ['--window', '7', '--categories', 'fraud,labour_exploitation']];

test('the second dataset is what it claims: valid, 64 analysed, months up to 12, some tests past 50 pairs', () => {
  const d = parseDataset({ name: 'o', text: other.orders }, { name: 'e', text: other.events });
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
      assert.equal(script.replace(/^# Written by .*\n/m, ''), emitR({ window: json.window, categories: json.categories, wilcoxon: rule as 'current' | 'legacy' }),
        'the CLI prints emitR() for the resolved view, which depends on the view alone');
      assertSame(numericLeaves(json), await runWebR(script, otherFiles, otherArgs));
    }
  });
  test(`data the script was not written for (${label}): R 4.2 runs the CLI's legacy script and prints its --json numbers`, { skip: noRscript }, () => {
    const json = JSON.parse(cliOnOther('--wilcoxon', 'legacy', '--json', ...view));
    assertSame(numericLeaves(json), runRscript(cliOnOther('--wilcoxon', 'legacy', '--emit-r', ...view), otherFiles, otherArgs));
  });
}

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
