// Recomputes the R golden values the unit tests compare against, in both R versions the project
// checks: Debian's R 4.2.2 (Rscript) and current R 4.6.0 (webR, from the `webr` npm package).
//
//   node_modules/.bin/node scripts/make-r-fixtures.ts
//
// tests/fixtures/r/make-stats-fixtures.R runs unchanged in each and prints JSON. The two outputs
// are merged into tests/fixtures/r/stats.json: a case on which the versions agree keeps one
// "expected"; a case on which they differ gets "differs": true and
// "expectedByR": {"4.2.2": …, "4.6.0": …}. Both R version strings are recorded at the top.
//
// It runs tests/fixtures/r/make-analysis-fixtures.R (whole analyses, with gaps and harm weights, of
// the bundled data and of the cohort of tests/fixtures/r/cohort.ts, whose files it first writes to
// tests/fixtures/r/cohort/) in both and keeps each version's results in tests/fixtures/r/analysis.json.
// tests/fixtures/r/make-hac-fixtures.R (the Newey–West tests, from the sandwich and lmtest packages:
// apt-get install r-cran-sandwich r-cran-lmtest) runs in R 4.2 alone, into tests/fixtures/r/hac.json.
// It also writes the engine's seeded bootstrap resamples for a few measures of the bundled data to
// tests/fixtures/r/bootstrap-resamples.csv and has R (tests/fixtures/r/bootstrap-quantiles.R)
// compute their percentile limits into tests/fixtures/r/bootstrap-quantiles.json.
// And it runs the specification curve's script (src/analysis/emitCurveR.ts, as `npm run --silent
// analyze -- --specification-curve --emit-r` writes it) on the bundled data in both, keeping what each
// R printed in tests/fixtures/r/curve-R-<version>.txt.
//
// Arguments name the parts to remake (hac, stats, analysis, bootstrap, curve); none remakes them all.
import { BOOTSTRAP_COLUMNS } from '../tests/fixtures/r/bootstrapColumns.ts';
import { cohortFiles } from '../tests/fixtures/r/cohort.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runRscript, runWebR, stopWebR } from '../tests/helpers/r.ts';
import { bundled, readData } from '../tests/helpers/bundled.ts';
import { windowedEvents, perOrderTotals } from '../src/analysis/tables.ts';
import { bootstrapDraws, resampleReductions } from '../src/analysis/reduction.ts';
import { specificationCurve } from '../src/analysis/specificationCurve.ts';
import { curveScriptOptions, emitCurveR } from '../src/analysis/emitCurveR.ts';

const root = new URL('../', import.meta.url);
const fixture = (name: string) => new URL(`tests/fixtures/r/${name}`, root);

type Json = unknown;
interface RCase { name: string; fn: string; call: string; legacyOf?: string; input: Json; expected: Json }
interface ROutput { version: string; R: string; cases: RCase[] }

/** Runs one R script in both versions and returns [R 4.2 output, R 4.6 output]. */
async function inBothR(script: string, files: Record<string, string> = {}): Promise<[string, string]> {
  const legacy = runRscript(script, files);
  const current = await runWebR(script, files);
  return [legacy, current];
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function statsFixtures(): Promise<void> {
  const script = readFileSync(fixture('make-stats-fixtures.R'), 'utf8');
  const [oldText, newText] = await inBothR(script);
  const [oldR, newR] = [JSON.parse(oldText) as ROutput, JSON.parse(newText) as ROutput];
  if (oldR.version === newR.version) throw new Error(`both runs report R ${oldR.version}`);
  if (oldR.cases.length !== newR.cases.length) throw new Error('the two R versions produced different case lists');
  let differing = 0;
  const cases = oldR.cases.map((o, i) => {
    const n = newR.cases[i];
    if (o.name !== n.name || o.call !== n.call || !same(o.input, n.input)) throw new Error(`case ${i} differs in name, call or input`);
    const { expected: _e, ...head } = o;
    if (same(o.expected, n.expected)) return { ...head, expected: o.expected };
    differing++;
    return { ...head, differs: true, expectedByR: { [oldR.version]: o.expected, [newR.version]: n.expected } };
  });
  const lines = [
    '{',
    `  "generator": ${JSON.stringify('scripts/make-r-fixtures.ts running tests/fixtures/r/make-stats-fixtures.R')},`,
    `  "versions": ${JSON.stringify([oldR.version, newR.version])},`,
    `  "R": ${JSON.stringify({ [oldR.version]: oldR.R, [newR.version]: newR.R })},`,
    '  "cases": [',
    cases.map((c) => `    ${JSON.stringify(c)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ];
  writeFileSync(fixture('stats.json'), lines.join('\n'));
  console.log(`stats.json: ${cases.length} cases, ${differing} differ between R ${oldR.version} and R ${newR.version}`);
}


async function bootstrapFixtures(): Promise<void> {
  if (bundled.span !== 24) throw new Error(`the bundled data span ${bundled.span} months; BOOTSTRAP_COLUMNS assumes 24`);
  const columns = Object.entries(BOOTSTRAP_COLUMNS).map(([name, [window, group, measure]]) => {
    const totals = perOrderTotals(bundled, windowedEvents(bundled, window, bundled.categories), bundled.categories);
    const t = group === '' ? totals.overall : totals.byCategory[group];
    const [pre, post] = measure === 'events' ? [t.eventsPre, t.eventsPost] : [t.harmPre, t.harmPost];
    return { name, values: resampleReductions(pre, post, bootstrapDraws(totals.ids.length)) };
  });
  const rows = columns[0].values.length;
  const cell = (v: number) => (Number.isNaN(v) ? 'NA' : v.toPrecision(17));
  const lines = [columns.map((c) => c.name).join(',')];
  for (let b = 0; b < rows; b++) lines.push(columns.map((c) => cell(c.values[b])).join(','));
  const csv = lines.join('\n') + '\n';
  writeFileSync(fixture('bootstrap-resamples.csv'), csv);

  const script = readFileSync(fixture('bootstrap-quantiles.R'), 'utf8');
  const [oldText, newText] = await inBothR(script, { 'bootstrap-resamples.csv': csv });
  const [oldR, newR] = [JSON.parse(oldText), JSON.parse(newText)];
  if (!same(oldR.quantiles, newR.quantiles)) throw new Error('R 4.2 and R 4.6 give different quantiles');
  const out = { generator: 'scripts/make-r-fixtures.ts running tests/fixtures/r/bootstrap-quantiles.R', R: [oldR.R, newR.R], call: oldR.call, quantiles: oldR.quantiles };
  writeFileSync(fixture('bootstrap-quantiles.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`bootstrap: ${columns.length} columns × ${rows} resamples; R 4.2 and 4.6 agree on the quantiles`);
}

/** Whole analyses of the bundled data and the cohort in base R (make-analysis-fixtures.R), once per R version. */
async function analysisFixtures(): Promise<void> {
  const script = readFileSync(fixture('make-analysis-fixtures.R'), 'utf8');
  const cohort = cohortFiles();
  mkdirSync(fixture('cohort/'), { recursive: true });
  for (const [name, text] of Object.entries(cohort)) writeFileSync(fixture(`cohort/${name}`), text);
  const [oldText, newText] = await inBothR(script, {
    'orders.csv': readData('orders.csv'), 'events.csv': readData('events.csv'), 'harm-index.csv': readData('harm-index.csv'),
    'cohort-orders.csv': cohort['orders.csv'], 'cohort-events.csv': cohort['events.csv'], 'cohort-harm-index.csv': cohort['harm-index.csv'],
  });
  const outputs = [JSON.parse(oldText), JSON.parse(newText)] as { version: string; R: string; states: unknown[] }[];
  const lines = [
    '{',
    `  "generator": ${JSON.stringify('scripts/make-r-fixtures.ts running tests/fixtures/r/make-analysis-fixtures.R')},`,
    `  "R": ${JSON.stringify(Object.fromEntries(outputs.map((o) => [o.version, o.R])))},`,
    '  "statesByR": {',
    outputs.map((o) => `    ${JSON.stringify(o.version)}: [\n      ${o.states.map((s) => JSON.stringify(s)).join(',\n      ')}\n    ]`).join(',\n'),
    '  }',
    '}',
    '',
  ];
  writeFileSync(fixture('analysis.json'), lines.join('\n'));
  console.log(`analysis.json: ${outputs[0].states.length} states from each of R ${outputs.map((o) => o.version).join(' and ')}`);
}

/**
 * The Newey–West tests of the interrupted time series, from the R packages that define them
 * (sandwich, lmtest): Debian's R 4.2.2 only, as webR cannot fetch packages offline.
 */
function hacFixtures(): void {
  const text = runRscript(readFileSync(fixture('make-hac-fixtures.R'), 'utf8'));
  const parsed = JSON.parse(text) as { cases: unknown[] };
  writeFileSync(fixture('hac.json'), text);
  console.log(`hac.json: ${parsed.cases.length} cases`);
}

/** The curve's script on the bundled data, in each R version: its output as R printed it, under a header naming R and the script. */
async function curveFixtures(): Promise<void> {
  const script = emitCurveR(curveScriptOptions(specificationCurve(bundled)), { generator: 'npm run --silent analyze -- --specification-curve --emit-r' });
  const files = { 'orders.csv': readData('orders.csv'), 'events.csv': readData('events.csv'), 'harm-index.csv': readData('harm-index.csv') };
  const version = 'cat(paste(R.version$major, R.version$minor, sep = "."), R.version.string, sep = "\\n")';
  const [oldText, newText] = await inBothR(script, files);
  const [oldVersion, newVersion] = await inBothR(version);
  for (const [about, text] of [[oldVersion, oldText], [newVersion, newText]]) {
    const [short, full] = about.trim().split('\n');
    const header = [
      `# What ${full} printed running the specification curve's script on data/orders.csv, data/events.csv and data/harm-index.csv.`,
      '# The script: npm run --silent analyze -- --specification-curve --emit-r (remade by scripts/make-r-fixtures.ts curve).',
    ];
    writeFileSync(fixture(`curve-R-${short}.txt`), `${header.join('\n')}\n${text.trimEnd()}\n`);
    console.log(`curve-R-${short}.txt: ${text.split('\n').filter((l) => l.includes('\t')).length} values`);
  }
}

const parts: Record<string, () => unknown> = { hac: hacFixtures, stats: statsFixtures, analysis: analysisFixtures, bootstrap: bootstrapFixtures, curve: curveFixtures };
const asked = process.argv.slice(2);
for (const name of asked) if (!Object.hasOwn(parts, name)) throw new Error(`make-r-fixtures: no part "${name}"; the parts are ${Object.keys(parts).join(', ')}`);
try {
  for (const name of asked.length > 0 ? asked : Object.keys(parts)) await parts[name]();
} finally {
  await stopWebR();
}
