// npm run analyze -- [--orders FILE] [--events FILE] [--window W] [--categories a,b,…]
//                    [--wilcoxon current|legacy] [--json | --emit-r]
//
// Runs the same analyse() as the report on the bundled data or on a reader's own CSV files and
// prints readable tables, or with --json exactly one JSON object, or with --emit-r a base-R script
// that recomputes every number of that view from the CSV files (src/analysis/emitR.ts). Any problem
// with the input is one line on stderr naming file, row and column, and exit status 1.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, DataError, OptionError, parseDataset, resolveOptions, type AnalysisResult } from '../analysis/index.ts';
import { emitR } from '../analysis/emitR.ts';
import { resultsTable } from '../lib/tables.ts';
import { formatEstimate, formatP } from '../lib/format.ts';

const USAGE = 'usage: npm run analyze -- [--orders FILE] [--events FILE] [--window W] [--categories a,b,…] [--wilcoxon current|legacy] [--json | --emit-r]';
const RULES = ['current', 'legacy'] as const;
type Rule = (typeof RULES)[number];
const bundled = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

class UsageError extends Error {}

interface Args { orders: string; events: string; window?: number; categories?: string[]; wilcoxon?: Rule; json: boolean; emitR: boolean }

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { orders: bundled('orders.csv'), events: bundled('events.csv'), json: false, emitR: false };
  const seen = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    if (seen.has(flag)) throw new UsageError(`${flag} is given twice`);
    seen.add(flag);
    const value = () => {
      const v = argv[++k];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') args.json = true;
    else if (flag === '--emit-r') args.emitR = true;
    else if (flag === '--wilcoxon') {
      const v = value();
      if (!(RULES as readonly string[]).includes(v)) throw new UsageError(`--wilcoxon: "${v}" is not current (R ≥ 4.6.0) or legacy (R ≤ 4.5)`);
      args.wilcoxon = v as Rule;
    }
    else if (flag === '--orders') args.orders = value();
    else if (flag === '--events') args.events = value();
    else if (flag === '--window') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--window: "${v}" is not a whole number of months`);
      args.window = Number(v);
    } else if (flag === '--categories') {
      const v = argv[k + 1] === '' ? (k++, '') : value(); // --categories "" asks for no category
      args.categories = v === '' ? [] : v.split(',').map((c) => c.trim());
      if (args.categories.some((c) => c === '')) throw new UsageError(`--categories: "${v}" has an empty code; separate codes with single commas`);
    } else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else throw new UsageError(`unknown option ${flag}`);
  }
  if (args.json && args.emitR) throw new UsageError('--json and --emit-r cannot be combined; choose one');
  return args;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError({ file: path }, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`);
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

/** The page's results table (src/lib/tables.ts), so the CLI prints exactly the cells the report shows. */
function measureRows(result: AnalysisResult, which: 'events' | 'harm'): string[][] {
  const t = resultsTable(result, which);
  if (t.rows.length === 0) return [[t.empty ?? 'Nothing to show.']];
  return [t.columns.map((c, k) => (k === 0 ? '' : c)), ...t.rows.map((r, k) => (k === 0 ? ['Overall', ...r.slice(1)] : r))];
}

export function render(result: AnalysisResult): string {
  const { trend, correlation: cor } = result;
  const lines = [
    `STRO analysis: ${result.orders} analysed orders, ${result.window} months before vs ${result.window} after`,
    `Register: ${result.sample.register} orders; ${result.sample.withFollowup} with two full years of follow-up; ${result.sample.excludedData} excluded for data quality; ${result.sample.analysed} analysed`,
    `Categories: ${result.categories.map((c) => result.categoryNames[c]).join(', ') || 'none'}`,
    'Synthetic data calibrated to the published aggregates: they demonstrate the method, not the finding.',
    '',
    'Offending events (arrests)',
    table(measureRows(result, 'events')),
    '',
    'Total harm (Cambridge Crime Harm Index days; illustrative weights)',
    table(measureRows(result, 'harm')),
    '',
    `Trend after the order (monthly totals, months 1 to ${result.window})`,
    table([
      ['', 'slope per month', 'p', 'Kendall tau', 'p'],
      ...(['events', 'harm'] as const).map((w) => [
        w === 'events' ? 'Events' : 'Harm', formatEstimate(trend[w].slope), formatP(trend[w].p), formatEstimate(trend[w].tau), formatP(trend[w].tauP),
      ]),
    ]),
    '',
    `Monthly events vs monthly harm (${2 * result.window} months)`,
    table([
      ['', 'estimate', 'p'],
      ['Pearson r', formatEstimate(cor.pearson.r), formatP(cor.pearson.p)],
      ['Spearman rho', formatEstimate(cor.spearman.rho), formatP(cor.spearman.p)],
    ]),
    '',
    `Paired Wilcoxon signed-rank tests per order (two-sided), ${ruleText(result.wilcoxon)}; Holm adjusts across the categories shown;`,
    `overall tests: events ${methodText(result.events.test)}; harm ${methodText(result.harm.test)};`,
    `intervals: person-level percentile bootstrap, ${result.bootstrap.resamples} resamples, seed ${result.bootstrap.seed}.`,
  ];
  const reasons = [result.events, result.harm, ...Object.values(result.byCategory).flatMap((b) => [b.events, b.harm])]
    .map((m) => m.test.reason)
    .concat([trend.events.reason, trend.harm.reason, cor.pearson.reason, cor.spearman.reason])
    .filter((r): r is string => !!r);
  if (reasons.length > 0) lines.push('n/a: ' + [...new Set(reasons)].join('; ') + '.');
  return lines.join('\n');
}

/** Which R the paired tests follow, in words. */
function ruleText(rule: AnalysisResult['wilcoxon']): string {
  return rule === 'current'
    ? 'as current R (≥ 4.6.0) computes wilcox.test(pre, post, paired = TRUE)'
    : 'as R ≤ 4.5 computed wilcox.test(pre, post, paired = TRUE) (--wilcoxon legacy)';
}

/** R's method string for one test, with the pairs it used. */
function methodText(t: AnalysisResult['events']['test']): string {
  if (t.method === null) return 'not computed';
  return `"${t.method}" (${t.n} non-zero difference${t.n === 1 ? '' : 's'}, ${t.zeros} zero${t.zeros === 1 ? '' : 's'}, ${t.ties} tied)`;
}

export function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    const dataset = parseDataset(
      { name: basename(args.orders), text: readText(args.orders) },
      { name: basename(args.events), text: readText(args.events) },
    );
    const options = { window: args.window, categories: args.categories, wilcoxon: args.wilcoxon };
    if (args.emitR) {
      // The script is for the view as the engine resolves it (default window and categories filled in),
      // so it checks the same numbers that --json would print.
      process.stdout.write(emitR(resolveOptions(dataset, options), { generator: `npm run analyze -- ${argv.join(' ')}`.trim() }));
      return 0;
    }
    const result = analyse(dataset, options);
    process.stdout.write(args.json ? JSON.stringify(result) + '\n' : render(result) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      if (!e.message) {
        process.stdout.write(USAGE + '\n');
        return 0;
      }
      process.stderr.write(`analyze: ${e.message} (${USAGE})\n`);
      return 1;
    }
    if (e instanceof DataError || e instanceof OptionError) {
      process.stderr.write(`analyze: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`analyze: unexpected failure: ${(e as Error).message}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/analyze.ts')) {
  process.exitCode = main(process.argv.slice(2));
}
