// Recomputes the R golden values the unit tests compare against, in both R versions the project
// checks: Debian's R 4.2.2 (Rscript) and current R 4.6.0 (webR, from the `webr` npm package).
//
//   node_modules/.bin/node scripts/make-r-fixtures.ts
//
// tests/fixtures/r/make-stats-fixtures.R runs unchanged in each and prints JSON. The two outputs
// are merged into tests/fixtures/r/stats.json: a case on which the versions agree keeps one
// "expected"; a case on which they differ gets "differs": true and
// "expectedByR": {"4.2.2": …, "4.6.0": …}. Both R version strings are recorded at the top.
import { readFileSync, writeFileSync } from 'node:fs';
import { runRscript, runWebR, stopWebR } from '../tests/helpers/r.ts';

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

try {
  await statsFixtures();
} finally {
  await stopWebR();
}
