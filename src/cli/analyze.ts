// npm run analyze -- [--orders FILE --events FILE] [--harm-index FILE] [--design-window N]
//                    [--outside-window error|exclude] [--extracted YYYY-MM-DD] [--write-events FILE] [--tidy DIR] [--window W] [--gap K]
//                    [--categories a,b,…] [--weights central|low|high] [--wilcoxon current|legacy]
//                    [--json | --emit-r]
// npm run analyze -- [data options] [--categories a,b,…] --specification-curve [--json | --emit-r]
// npm run analyze -- [data options] [view options] --robustness [--unavailable-share S] [--selection X]
//                    [--lookback K] [--json]
//
// The bundled data are read with their manifest (data/study.json: a 24-month design window, the
// categories' names, synthetic and calibrated), also when their files are given by name. A reader's
// own files (--orders and --events, always together) take the design window given (default 24) and
// are never described as synthetic, calibrated or followed up for two years.
// Events may give months or dates (with issued_date in the orders file); harm may come from a
// harm column or, if there is none, from a harm index (the bundled one unless --harm-index).
// --weights takes every event's harm from that index by offence instead (column harm_days, sens_low
// or sens_high), whether or not the events carry harm. --gap K leaves months −K … −1 and 1 … K out.
// --specification-curve runs every combination of window, gap, measure, weights and test
// (src/analysis/specificationCurve.ts) and prints them as a table, or as JSON, or with --emit-r a
// base-R script that recomputes the whole curve from the CSV files (src/analysis/emitCurveR.ts).
//
// Runs the same analyse() as the report on the bundled data or on a reader's own CSV files and
// prints readable tables, or with --json exactly one JSON object, or with --emit-r a base-R script
// that recomputes every number of that view from the CSV files (src/analysis/emitR.ts). Any problem
// with the input is reported, every one, a line each on stderr naming file, row and column, and
// the exit status is 1. Warnings (duplicate rows, events on the order date) are printed and the run goes on.

import { mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, DataError, eventsCsv, MAX_MONTHS, OptionError, problem, problemLine, resolveOptions, validateDataset, WEIGHT_COLUMNS, WEIGHT_SETS, type AnalysisResult, type Dataset, type Problem, type StudyManifest, type WeightSet } from '../analysis/index.ts';
import { resultsCsv, type ExportData } from '../lib/export.ts';
import { emitR } from '../analysis/emitR.ts';
import { curveScriptOptions, emitCurveR } from '../analysis/emitCurveR.ts';
import { ANALYZE, shellWords } from '../lib/cliArguments.ts';
import { csvHeader, decodeCsvBytes } from '../analysis/csv.ts';
import { tidySources, type TidySources } from '../analysis/tidy.ts';
import type { Source, ValidateOptions } from '../analysis/validate.ts';
import { specificationCurve, type SpecificationCurve } from '../analysis/specificationCurve.ts';
import { LEAN_WORDS } from '../analysis/specificationVerdict.ts';
import { ruleFlips, ruleFlipWords } from '../lib/ruleFlips.ts';
import { awayWords, changeTenths, curveIntervalWords, DEFAULT_LOOKBACK, DEFAULT_SELECTION, DEFAULT_UNAVAILABLE, libertyFor, nullWorldFor, robustSegments, textOf } from '../lib/robustness.ts';
import { bundledIndexUsed, filesFacts, filesText, indexNotUsed, isStudyText, tidiedName, tidyWords } from '../lib/ownData.ts';
import { resultsTable } from '../lib/tables.ts';
import { formatEstimate, formatInterval, formatNumber, formatP, formatPercent, formatSpreadPoints } from '../lib/format.ts';
import { fallWords, listWords, ratioPinned, ratioReadable } from '../lib/wording.ts';

const USAGE = 'usage: npm run analyze -- [--orders FILE --events FILE] [--harm-index FILE] [--design-window N] [--outside-window error|exclude] [--extracted YYYY-MM-DD] [--write-events FILE] [--tidy DIR] [--window W] [--gap K] [--categories a,b,…] [--weights central|low|high] [--wilcoxon current|legacy] [--json | --csv | --emit-r | --specification-curve [--json | --emit-r] | --robustness [--unavailable-share S] [--selection X] [--lookback K] [--json]]';
/**
 * --help: the usage line, then every option with what it does, grouped as the README groups them
 * (a test holds it to the options the parser takes, so that none is left out).
 */
export const HELP = `${USAGE}

Runs the report's analysis on the bundled synthetic data, or on your own CSV files, and prints
readable tables (or one of the outputs below). Problems with the files are listed on stderr, each
naming file, row and column; any error gives exit status 1. The README's section "The analyze command" and
data/README.md (the file formats) say more.

Your data (the bundled synthetic data are used when neither file is given):
  --orders FILE              the orders: order_id, issued or issued_date, sample, …
  --events FILE              the arrests: order_id, month or date, category, offence, harm
  --harm-index FILE          harm days by offence, for events without harm, or for --weights
  --design-window N          months before and after each order that the data cover (default 24)
  --outside-window MODE      error (default) or exclude: arrests outside the design window
  --extracted YYYY-MM-DD     the date the data were extracted: every follow-up is checked against it
  --write-events FILE        also write the events as months and harm, the form the R script reads
  --tidy DIR                 first make the fixes with one right answer (dates whose column shows the
                             order of day and month, dates with a local time, as day numbers, year
                             first with slashes or with the month's name; a column in other capitals
                             or with spaces or hyphens; title lines),
                             write the tidied files to DIR as NAME-tidied.csv, and analyse those

The view (as the report's controls set it):
  --window W                 months before and after to compare (default: the design window)
  --gap K                    leave out the K months either side of the order (default 0)
  --categories a,b,…         the categories to count (default all; "" for none)
  --weights SET              harm from the harm index: central, low or high (default: harm as recorded)
  --wilcoxon RULE            the paired test as current R (4.6) computes it, or legacy (R 4.5 and earlier)

What to print (default: readable tables):
  --json                     the whole result as one JSON object
  --csv                      the results table, as the page downloads it
  --emit-r                   a base-R script that recomputes every number of the view from the files
  --specification-curve      every combination of window, gap, measure, weights and test (with --json: JSON;
                             with --emit-r: a base-R script that recomputes the whole curve from the files)
  --robustness               time at liberty and the null world for the view (with --json: JSON), with
    --unavailable-share S    the share of the months after the order spent in custody or abroad (default ${DEFAULT_UNAVAILABLE})
    --selection X            how strongly orders follow busy spells, 0 to 1 (default ${DEFAULT_SELECTION})
    --lookback K             the months looked back for a busy spell (default ${DEFAULT_LOOKBACK})

  --help, -h                 this text`;
const RULES = ['current', 'legacy'] as const;
type Rule = (typeof RULES)[number];
const bundled = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

class UsageError extends Error {}

interface Args {
  orders: string; events: string; harmIndex?: string; writeEvents?: string; tidy?: string; designWindow?: number; outsideWindow?: 'error' | 'exclude'; extracted?: string; own: boolean; named?: boolean; csv?: boolean;
  window?: number; gap?: number; categories?: string[]; weights?: WeightSet; wilcoxon?: Rule; json: boolean; emitR: boolean; specificationCurve: boolean;
  /** --robustness: time at liberty and the null world for the view, with the page's settings (their defaults unless given). */
  robustness: boolean; unavailableShare?: number; selection?: number; lookback?: number;
}

/** Options that are switches, taking no value: "--json=yes" is said to be one. */
const SWITCHES = new Set(['--json', '--csv', '--emit-r', '--specification-curve', '--robustness', '--help', '-h']);

export function parseArgs(given: readonly string[]): Args {
  // "--window=12" as well as "--window 12" (an analyst tried the first, and was told it was unknown).
  const argv = given.flatMap((a) => {
    const m = /^(--[a-z-]+)=(.*)$/s.exec(a);
    if (!m) return [a];
    if (SWITCHES.has(m[1])) throw new UsageError(`${m[1]} takes no value (given "${m[2]}")`);
    return [m[1], m[2]];
  });
  const args: Args = { orders: bundled('orders.csv'), events: bundled('events.csv'), own: false, json: false, emitR: false, specificationCurve: false, robustness: false };
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
    else if (flag === '--csv') args.csv = true;
    else if (flag === '--emit-r') args.emitR = true;
    else if (flag === '--specification-curve') args.specificationCurve = true;
    else if (flag === '--robustness') args.robustness = true;
    else if (flag === '--unavailable-share') {
      const v = value();
      if (!/^\d*\.?\d+$/.test(v) || Number(v) >= 1) throw new UsageError(`--unavailable-share: "${v}" is not a share from 0 to below 1 (0.2 is a fifth of the months after the order)`);
      args.unavailableShare = Number(v);
    } else if (flag === '--selection') {
      const v = value();
      if (!/^\d*\.?\d+$/.test(v) || Number(v) > 1) throw new UsageError(`--selection: "${v}" is not a number from 0 to 1 (0: orders at random moments; 1: only right after a busy spell)`);
      args.selection = Number(v);
    } else if (flag === '--lookback') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_MONTHS) throw new UsageError(`--lookback: "${v}" is not a whole number of months from 1 to ${MAX_MONTHS}`);
      args.lookback = Number(v);
    }
    else if (flag === '--gap') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--gap: "${v}" is not a whole number of months, 0 or more`);
      args.gap = Number(v);
    } else if (flag === '--weights') {
      const v = value();
      if (!(WEIGHT_SETS as readonly string[]).includes(v)) throw new UsageError(`--weights: "${v}" is not ${WEIGHT_SETS.join(', ').replace(/, (?=[^,]*$)/, ' or ')} (the harm index's ${WEIGHT_SETS.map((w) => WEIGHT_COLUMNS[w]).join(', ')} columns)`);
      args.weights = v as WeightSet;
    }
    else if (flag === '--wilcoxon') {
      const v = value();
      if (!(RULES as readonly string[]).includes(v)) throw new UsageError(`--wilcoxon: "${v}" is not current (R 4.6) or legacy (R ≤ 4.5)`);
      args.wilcoxon = v as Rule;
    }
    else if (flag === '--orders') { args.orders = value(); args.own = true; }
    else if (flag === '--events') { args.events = value(); args.own = true; }
    else if (flag === '--harm-index') args.harmIndex = value();
    else if (flag === '--write-events') args.writeEvents = value();
    else if (flag === '--tidy') args.tidy = value();
    else if (flag === '--design-window') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--design-window: "${v}" is not a whole number of months, 1 or more`);
      args.designWindow = Number(v);
    } else if (flag === '--outside-window') {
      const v = value();
      if (v !== 'error' && v !== 'exclude') throw new UsageError(`--outside-window: "${v}" is not error or exclude`);
      args.outsideWindow = v;
    } else if (flag === '--extracted') args.extracted = value(); // checked, with the files, by validateDataset
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
  if (args.csv && (args.json || args.emitR || args.specificationCurve || args.robustness)) throw new UsageError('--csv is the results table, as the page downloads it; it cannot be combined with --json, --emit-r, --specification-curve or --robustness');
  // Events name their orders by order_id, and orders are counted by their events: a file of one kind
  // beside the bundled file of the other would be paired with a register it was never part of.
  if (seen.has('--events') !== seen.has('--orders')) {
    throw new UsageError(seen.has('--events')
      ? '--events needs --orders: your events name orders by order_id, so give the orders file they belong to (the bundled data are used only when neither is given)'
      : '--orders needs --events: give the events of those orders (the bundled data are used only when neither is given)');
  }
  const settings = (['--unavailable-share', '--selection', '--lookback'] as const).filter((f) => seen.has(f));
  if (settings.length > 0 && !args.robustness) throw new UsageError('--unavailable-share, --selection and --lookback go with --robustness');
  if (args.robustness && (args.emitR || args.specificationCurve)) throw new UsageError('--robustness cannot be combined with --emit-r or --specification-curve; choose one');
  if (args.specificationCurve) {
    const varied = (['--window', '--gap', '--weights', '--wilcoxon'] as const).filter((f) => seen.has(f));
    if (varied.length > 0) throw new UsageError(`--specification-curve varies the window, gap, weights and test itself, so it cannot be combined with ${varied.join(', ')}`);
  }
  return args;
}

/**
 * Where a path the reader typed points. `npm run analyze` runs this in the project's folder and says
 * in INIT_CWD where the command was typed, so a relative path is read from there, as the reader
 * means it. Only then: started any other way (by a test run under npm, say), the working folder is
 * where the command runs.
 */
function located(path: string): string {
  const typedIn = process.env.npm_lifecycle_event === 'analyze' ? process.env.INIT_CWD : undefined;
  return resolve(typedIn ?? process.cwd(), path);
}

/**
 * The file's bytes (the engine decodes them, so that UTF-16 and other encodings are recognised), or
 * the problem that stops them being read, named as typed and with where it was looked for.
 */
function readBytes(path: string): Uint8Array | Problem {
  const full = located(path);
  try {
    return readFileSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const looked = full === path ? '' : ` (looked for ${full})`;
    return problem({ file: path }, `${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`}${looked}`);
  }
}

/** The same file, whatever the path that names it (a link, a hard link, "./", another spelling of the folder). */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return (x.dev === y.dev && x.ino === y.ino) || realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * --tidy DIR: the fixes with one right answer (src/analysis/tidy.ts) made, the tidied files written to
 * DIR as NAME-tidied.csv (never over an input), every change said on stderr, and the tidied files
 * analysed in place of the reader's (args then name them, for the R script's command lines).
 */
function tidyFiles(args: Args, dir: string, sources: { orders: Source; events: Source; harmIndex?: Source }, options: ValidateOptions, inputs: string[]): { orders: Source; events: Source; harmIndex?: Source } {
  const text = (s: Source | undefined) => (s && 'bytes' in s ? decodeCsvBytes(s.name, s.bytes).text : s?.text);
  const own = { orders: text(sources.orders), events: text(sources.events), harmIndex: args.harmIndex ? text(sources.harmIndex) : undefined };
  // A file that cannot be read as text is left to the check, which says why.
  if (own.orders === undefined || own.events === undefined || (args.harmIndex && own.harmIndex === undefined)) return sources;
  // Fixes are matched to a file by its name (a re-check: two files named export.csv got "nothing was tidied").
  if (sources.orders.name === sources.events.name) {
    warn(`analyze: --tidy: the orders and events files are both named ${sources.orders.name}, so their fixes cannot be told apart: rename one and run again\n`);
    return sources;
  }
  const named = (s: Source, t: string) => ({ name: s.name, text: t });
  const files: TidySources<'orders' | 'events' | 'harmIndex'> = { orders: named(sources.orders, own.orders), events: named(sources.events, own.events), ...(own.harmIndex !== undefined ? { harmIndex: named(sources.harmIndex!, own.harmIndex) } : {}) };
  const { sources: tidied, changes } = tidySources(files, (s) => validateDataset({ orders: s.orders!, events: s.events!, harmIndex: s.harmIndex ?? sources.harmIndex }, options).problems);
  if (changes.length === 0) {
    warn('analyze: --tidy: nothing was tidied: no problem in the files has a fix with one right answer\n');
    return sources;
  }
  const out = { ...sources };
  const written: string[] = [];
  for (const key of ['orders', 'events', 'harmIndex'] as const) {
    const now = tidied[key];
    if (!now || now.text === files[key]?.text) continue;
    const target = join(dir, tidiedName(now.name));
    const full = located(target);
    if (inputs.some((f) => sameFile(located(f), full))) throw new OptionError('--tidy', `${target} is one of the input files; give another folder, so that nothing is overwritten`);
    try {
      mkdirSync(located(dir), { recursive: true });
      writeFileSync(full, now.text);
    } catch (e) {
      throw new OptionError('--tidy', `cannot write ${target}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
    }
    out[key] = { name: basename(target), text: now.text };
    if (key === 'orders') args.orders = target;
    else if (key === 'events') args.events = target;
    else args.harmIndex = target;
    written.push(target);
  }
  for (const words of tidyWords(changes)) warn(`analyze: tidied: ${words}\n`);
  warn(`analyze: wrote ${listWords(written)} (${formatNumber(changes.length)} ${changes.length === 1 ? 'change' : 'changes'}, nothing else changed); these are the files checked here (and analysed, if no error follows): give them to the R script, and to this command without --tidy\n`);
  return out;
}

/** --write-events: never over an input file, and a target that cannot be written said as such. */
function writeEvents(target: string, text: string, inputs: string[]): void {
  const full = located(target);
  if (inputs.some((f) => sameFile(located(f), full))) throw new OptionError('--write-events', `${target} is one of the input files; give another file name, so that nothing is overwritten`);
  if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) throw new OptionError('--write-events', `cannot write ${target}: it is a folder; give a file name`);
  try {
    writeFileSync(full, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `its folder ${dirname(full)} does not exist` : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `the file could not be written (${code})`;
    throw new OptionError('--write-events', `cannot write ${target}: ${why}`);
  }
}

/**
 * A ratio of the model of counts, its 95% interval and p, as the page gives them: "0.801", "0.507 to
 * 1.27", "0.336". Where the view cannot pin the ratio down (beyond a thousandfold, or an interval that
 * spans more), "not pinned" and "> 1000-fold" instead of numbers with 80 digits; untested, "n/a".
 */
function ratioCells(fit: AnalysisResult['its']['events'], stem: 'levelRatio' | 'slopeChangeRatio'): string[] {
  const [ratio, low, high, p] = [fit[stem], fit[`${stem}Low`], fit[`${stem}High`], fit[`${stem}P`]];
  if (ratio === null) return ['n/a', 'n/a', 'n/a'];
  if (p === null) return ratioReadable(ratio) ? [formatEstimate(ratio), 'n/a', 'n/a'] : ['> 1000-fold', 'n/a', 'n/a'];
  return ratioPinned(fit, stem) ? [formatEstimate(ratio), `${formatEstimate(low)} to ${formatEstimate(high)}`, formatP(p)] : ['not pinned', '> 1000-fold', formatP(p)];
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

/** What the readable output may say about the data: only what their manifest declares. */
export interface About { manifest: StudyManifest; harm: string; excluded?: number; extracted?: string; ruleFlips?: string | null }

export function render(result: AnalysisResult, about: About): string {
  const { trend, correlation: cor, its, leaveOneOut: loo } = result;
  // People with any arrest before: fewer than the busiest tenth, and the tenth cannot be set apart (as the page says it).
  const arrestedBefore = result.perOrder.filter((p) => p.eventsPre > 0).length;
  const m = about.manifest;
  const followup = m.followup ?? `the full ${result.domain.span}-month follow-up either side, as the orders file's sample column marks them (not excluded_followup)`;
  const gap = result.gap > 0 ? `, leaving out the ${months(result.gap)} either side of the order (--gap ${result.gap})` : '';
  const after = result.gap + 1 === result.window ? `month ${result.window}` : `months ${result.gap + 1} to ${result.window}`;
  const before = result.gap + 1 === result.window ? `month −${result.window}` : `months −${result.window} to −${result.gap + 1}`;
  const lines = [
    `STRO analysis: ${count(result.orders, 'analysed order', 'analysed orders')}, ${months(result.window)} before vs ${result.window} after${gap}`,
    `Register: ${count(result.sample.register, 'order', 'orders')}; ${formatNumber(result.sample.withFollowup)} with ${followup}; ${formatNumber(result.sample.excludedData)} excluded for data quality; ${formatNumber(result.sample.analysed)} analysed`,
    `Categories: ${result.categories.map((c) => result.categoryNames[c]).join(', ') || 'none'}`,
    m.synthetic && m.calibrated
      ? 'Synthetic data calibrated to the published aggregates: they demonstrate the method, not the finding.'
      : m.synthetic
        ? 'Synthetic data: they demonstrate the method, not a finding.'
        : `Your data, with a design window of ${months(result.domain.span)} either side of each order${about.extracted ? `, extracted on ${about.extracted}: every analysed order's follow-up ends by then` : ''}.`,
    ...(about.excluded ? [`${about.excluded} event${about.excluded === 1 ? '' : 's'} outside the design window ${about.excluded === 1 ? 'was' : 'were'} excluded (--outside-window exclude).`] : []),
    '',
    'Arrests',
    table(measureRows(result, 'events')),
    '',
    `Total harm (${about.harm})`,
    table(measureRows(result, 'harm')),
    '',
    `Sign test and leave-one-out (overall): of the people whose total changed, how many fell; and the range of the reduction with each person left out in turn`,
    table([
      ['', 'fell', 'changed', 'p', 'reduction', 'leaving one out'],
      ...(['events', 'harm'] as const).map((w) => [
        w === 'events' ? 'Arrests' : 'Harm', formatNumber(result[w].sign.fewer), formatNumber(result[w].sign.n), formatP(result[w].sign.p), formatPercent(result[w].reduction),
        loo[w].min === null ? 'n/a' : `${formatPercent(loo[w].min)} to ${formatPercent(loo[w].max)}`,
      ]),
    ]),
    result.events.pre === 0
      ? 'Busiest tenth: no one was arrested before the orders in this view'
      // As the page says it: fewer people arrested before than make a tenth cannot be set apart from the rest.
      : result.busiestTenth.othersReduction === null && arrestedBefore < result.busiestTenth.people
        ? `Busiest tenth: only ${count(arrestedBefore, 'person was', 'people were')} arrested before the order (${count(result.events.pre, 'arrest', 'arrests')} in all), fewer than the ${formatNumber(result.busiestTenth.people)} who make a tenth, so the busiest tenth cannot be set apart from the rest`
        : `Busiest tenth: the ${count(result.busiestTenth.people, 'person', 'people')} with the most arrests before${result.busiestTenth.othersReduction === null ? ', who include everyone arrested before the order,' : ''} ${result.busiestTenth.people === 1 ? 'carries' : 'carry'} ${formatPercent(result.busiestTenth.share)} of them; the others' reduction in arrests without them: ${result.busiestTenth.othersReduction === null ? 'none (no one else was arrested before)' : formatPercent(result.busiestTenth.othersReduction)}${result.busiestTenth.othersReductionLow !== null && result.busiestTenth.othersReductionHigh !== null && formatPercent(result.busiestTenth.othersReductionLow) !== formatPercent(result.busiestTenth.othersReductionHigh) ? ` (${formatPercent(result.busiestTenth.othersReductionLow)} to ${formatPercent(result.busiestTenth.othersReductionHigh)} over every choice among the ${count(result.busiestTenth.tiedOut, 'person', 'people')} tied at the cut and left out)` : ''}`,
    '',
    `Trend after the order (monthly totals, ${after})`,
    table([
      ['', 'slope per month', 'p', 'Kendall tau', 'p'],
      ...(['events', 'harm'] as const).map((w) => [
        w === 'events' ? 'Arrests' : 'Harm', formatEstimate(trend[w].slope), formatP(trend[w].p), formatEstimate(trend[w].tau, 2), formatP(trend[w].tauP),
      ]),
    ]),
    '',
    `Interrupted time series (monthly totals, ${before} and ${after}; lm(y ~ month + post + tPost); p assumes the months are independent, which monthly counts seldom are; p (NW) allows for autocorrelation with Newey-West standard errors${its.events.hacLag === null ? '' : `, lag ${its.events.hacLag}`})`,
    table([
      ['', 'slope before', 'jump at the order', 'p', 'p (NW)', 'slope change', 'p', 'p (NW)'],
      ...(['events', 'harm'] as const).map((w) => [
        w === 'events' ? 'Arrests' : 'Harm', formatEstimate(its[w].preSlope), formatEstimate(its[w].level), formatP(its[w].levelP), formatP(its[w].levelPHac),
        formatEstimate(its[w].slopeChange), formatP(its[w].slopeChangeP), formatP(its[w].slopeChangePHac),
      ]),
    ]),
    '',
    'The same months as counts (glm(y ~ month + post + tPost, family = quasipoisson): each change a ratio, below 1 a fall, with its 95% interval; month-on-month ratios before and after the order; p allows for the dispersion, variance ÷ mean, not for autocorrelation)',
    table([
      ['', 'step at the order (ratio)', '95% interval', 'p', 'month-on-month before', 'after', 'change (ratio)', '95% interval', 'p', 'dispersion'],
      ...(['events', 'harm'] as const).map((w) => [
        w === 'events' ? 'Arrests' : 'Harm', ...ratioCells(its[w], 'levelRatio'),
        formatEstimate(its[w].preSlopeRatio), formatEstimate(its[w].postSlopeRatio),
        ...ratioCells(its[w], 'slopeChangeRatio'), formatEstimate(its[w].dispersion),
      ]),
    ]),
    '',
    `Monthly arrests against monthly harm (${result.monthly.length} months)`,
    table([
      ['', 'estimate', 'p'],
      ['Pearson r', formatEstimate(cor.pearson.r, 2), formatP(cor.pearson.p)],
      // With fewer than three months R's cor.test still gives Spearman's rho (±1, p = 1), and so does the
      // JSON; the table says what the page says, that two months cannot be correlated.
      ...(result.monthly.length < 3 ? [['Spearman rho', 'n/a', 'n/a']] : [['Spearman rho', formatEstimate(cor.spearman.rho, 2), formatP(cor.spearman.p)]]),
    ]),
    '',
    `Paired Wilcoxon signed-rank tests per order (two-sided), ${ruleText(result.wilcoxon)}; Holm adjusts across the categories shown;`,
    `overall tests: events ${methodText(result.events.test)}; harm ${methodText(result.harm.test)};`,
    `intervals: person-level percentile bootstrap, ${formatNumber(result.bootstrap.resamples)} resamples, seed ${result.bootstrap.seed}.`,
    ...(about.ruleFlips ? [about.ruleFlips] : []),
  ];
  const reasons = [result.events, result.harm, ...Object.values(result.byCategory).flatMap((b) => [b.events, b.harm])]
    .map((m) => m.test.reason)
    .concat([trend.events.reason, trend.harm.reason, its.events.reason, its.harm.reason, its.events.countReason, its.harm.countReason, cor.pearson.reason, cor.spearman.reason])
    .filter((r): r is string => !!r);
  if (reasons.length > 0) lines.push('n/a: ' + [...new Set(reasons)].join('; ') + '.');
  return lines.join('\n');
}

function months(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'month' : 'months'}`;
}

/** "1 order", "50,000 analysed orders": a count with its noun, in the report's number format. */
function count(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The specification curve as a readable table: the headline, the choices, then one row per specification. */
export function renderCurve(curve: SpecificationCurve, about: { harm: string; index?: string }): string {
  const c = curve.choices;
  const testName = { current: 'Wilcoxon (R 4.6)', legacy: 'Wilcoxon (R ≤ 4.5)', sign: 'sign' } as const;
  const weightName = (w: string | null) => (w === null ? '' : w === 'data' ? 'as recorded' : w);
  const share = curve.share === null ? 'n/a' : formatPercent(curve.share);
  const w = curve.weightsSpread;
  // Only the gaps some window of the curve has (a gap is always below its window).
  const gaps = c.gaps.filter((g) => curve.specifications.some((s) => s.gap === g));
  const harmChoice = c.weights.length === 1 && c.weights[0] === 'data' ? 'harm as recorded' : `harm with ${listWords(c.weights.map(weightName))} weights`;
  // With an index's weights, the harm line names the sets the curve took (an index may have harm_days alone).
  const sets = c.weights.filter((x) => x !== 'data');
  const harm = about.index && sets.length > 0 ? `days, the ${listWords(sets)} weights of ${about.index}, by offence` : about.harm;
  return [
    `Specification curve: ${curve.total} specifications (Simonsohn, Simmons & Nelson 2020), categories: ${curve.categories.join(', ') || 'none'}`,
    // The words after the share say the significant rises and the tests against their totals too, where there are any, with or without a fall.
    `A significant fall (reduction above 0, p below 0.05, a test that points to falls) in ${curve.significant} of ${curve.total} (${share}).${curveIntervalWords(curve) ? ` ${curveIntervalWords(curve)}` : ''}`,
    `Choices: window ${c.windows.join(', ')}; gap ${gaps.join(', ')} (below the window); arrests, or ${harmChoice}; test ${c.tests.map((t) => testName[t]).join(', ')}.`,
    `Harm: ${harm}.${curve.weightsNote ? ` Note: ${curve.weightsNote}.` : ''}`,
    ...(w ? [`The harm weights alone move the change in harm by at most ${formatSpreadPoints(w.spread)} at one window and gap (window ${w.window}, gap ${w.gap}: harm ${changeTenths(w.lowest)} with the ${w.lowestWeights} weights and ${changeTenths(w.highest)} with the ${w.highestWeights}; each figure rounded on its own).`] : []),
    '',
    table([
      ['window', 'gap', 'measure', 'weights', 'test', 'reduction', '95% interval', 'p', 'test points to', 'significant fall'],
      ...curve.specifications.map((s) => [
        String(s.window), String(s.gap), s.measure === 'events' ? 'arrests' : 'harm', weightName(s.weights), testName[s.test],
        formatPercent(s.reduction), formatInterval(s.ci), formatP(s.p), LEAN_WORDS[s.lean], s.significant ? 'yes' : 'no',
      ]),
    ]),
  ].join('\n');
}

/**
 * "How robust is it?"'s time at liberty and null world for one view, with the page's settings
 * (src/lib/robustness.ts computes both, for the page and here): each person's months in custody or
 * abroad when the orders give them for this view, else the share assumed; the simulated cohorts
 * whose orders do nothing.
 */
export function robustnessChecks(result: AnalysisResult, dataset: Dataset, args: Pick<Args, 'unavailableShare' | 'selection' | 'lookback'>) {
  const share = args.unavailableShare ?? DEFAULT_UNAVAILABLE;
  const timeAtLiberty = libertyFor(result, share, dataset);
  // With each person's months away in the orders, no share is assumed: the settings say so (null).
  const settings = { unavailableShare: timeAtLiberty.kind === 'byPerson' ? null : share, selection: args.selection ?? DEFAULT_SELECTION, lookback: args.lookback ?? DEFAULT_LOOKBACK };
  return {
    view: { window: result.window, gap: result.gap, categories: result.categories, weights: result.weights, wilcoxon: result.wilcoxon },
    settings,
    timeAtLiberty,
    nullWorld: nullWorldFor(result, settings.selection, settings.lookback),
  };
}

/** The two checks in words, each quantity with its number. */
function renderRobustness(checks: ReturnType<typeof robustnessChecks>, result: AnalysisResult, ordersFile: string, shareGiven: boolean): string {
  const { timeAtLiberty: t, nullWorld: w, settings: s } = checks;
  const rate = (x: number | null) => (x === null ? 'n/a' : formatEstimate(x));
  const fall = (x: number | null) => (x === null ? 'n/a' : fallWords(x));
  const liberty = t.kind === 'byPerson'
    ? `Arrests per person-month at liberty, from each person's months in custody or abroad (${ordersFile}): ${rate(t.value.rateBefore)} before, ${rate(t.value.rateAfter)} after, ${fall(t.value.rateFall)}${t.value.reason ? ` (${t.value.reason})` : ''}.${t.value.reason ? '' : awayWords(t, 'run the command again').join('')}${shareGiven ? ' (--unavailable-share is not used: the orders give each person\'s months.)' : ''}`
    : `Arrests per person-month at liberty, if ${formatPercent(s.unavailableShare!)} of the months after the order were spent in custody or abroad: ${rate(t.value.rateBefore)} before, ${rate(t.value.rateAfter)} after, ${fall(t.value.rateFall)}${t.value.reason ? ` (${t.value.reason})` : ''}.${t.value.breakEven === null ? ` There is no break-even share: ${t.value.breakEvenReason}.` : t.value.breakEven > 0 ? ` The fall would be gone if ${formatPercent(t.value.breakEven)} of those months had been spent away, spread evenly over people (less would do if the time away fell mostly on the busiest).` : ''}${t.recordedUnused ? ` This is a what-if: ${t.recordedUnused} (${ordersFile}), so they are not used; run without --window and --gap to use them.` : ''}`;
  const cohorts = w.falls.length + w.dropped;
  // The cohorts left out (no arrests before) and the share of the rest that matched the view, in the
  // page's own words: a share of 1,000 read as one of the 859 with a fall (a peer reviewer).
  const page = { world: w, liberty: null, curve: null };
  const world = w.mean === null
    ? `Null world: no distribution (${w.reason ?? 'n/a'}).`
    : `Null world (orders do nothing, and are ${s.selection === 0 ? 'given at random moments' : 'sought after busy spells'}; selection ${s.selection}${s.selection === 0 || w.parameters?.afterBusyShare == null ? '' : `, so ${formatPercent(w.parameters.afterBusyShare)} of simulated orders follow a busy spell`}, ${months(s.lookback)} looked back, ${formatNumber(cohorts)} cohorts): on average ${fall(w.mean)}, with 95% of cohorts between ${w.interval ? `${fallWords(w.interval[0])} and ${fallWords(w.interval[1])}` : 'n/a'}${textOf(robustSegments('nullWorld.dropped', page))}; the view shows ${fall(w.observedFall)}.${w.shareAtLeastObserved === null || w.observedFall === null ? '' : textOf(robustSegments('nullWorld.shareAtLeast', page))}`;
  return [`Robustness checks for ${months(result.window)} either side${result.gap > 0 ? `, leaving out ${months(result.gap)} either side` : ''}, categories: ${result.categories.join(', ') || 'none'}`, liberty, world].join('\n');
}

/** Which R the paired tests follow, in words. */
function ruleText(rule: AnalysisResult['wilcoxon']): string {
  return rule === 'current'
    ? 'as current R (4.6) computes wilcox.test(pre, post, paired = TRUE)'
    : 'as R ≤ 4.5 computed wilcox.test(pre, post, paired = TRUE) (--wilcoxon legacy)';
}

/** R's method string for one test, with the pairs it used. */
function methodText(t: AnalysisResult['events']['test']): string {
  if (t.method === null) return 'not computed';
  return `"${t.method}" (${count(t.n, 'non-zero difference', 'non-zero differences')}, ${count(t.zeros, 'zero', 'zeros')}, ${formatNumber(t.ties)} tied)`;
}

/** The file's header as the check reads it (csvHeader): blank lines before it, and any line ends. */
function headerOf(path: string): string[] {
  try {
    return csvHeader(readFileSync(located(path), 'utf8'));
  } catch {
    return []; // the validator reports an unreadable file
  }
}

/**
 * The manifest in use and where harm comes from. The bundled data bring data/study.json; a
 * reader's own files get a manifest that claims nothing (not synthetic, not calibrated, no
 * "two full years"). Events without a harm column look offences up in a harm index: the one
 * given with --harm-index, else the bundled illustrative one. With --weights that index is read
 * whether or not the events carry harm; for the specification curve, which varies the weights,
 * only for the bundled data or for events without a harm column.
 */
function describe(args: Args): { manifest: StudyManifest; harm: string; harmIndex?: string; index?: string; warnings?: Problem[] } {
  const study = JSON.parse(readFileSync(bundled('study.json'), 'utf8')) as StudyManifest;
  // The bundled data declare their window; another would describe them as they are not (a 30-month
  // follow-up of data that end at 24) under words that still call them calibrated.
  // An extraction date is checked on any files named, the study's own included (they stay the study's:
  // the date changes no number), but means nothing without files.
  if (!args.own && ((args.designWindow !== undefined && args.designWindow !== study.designWindow) || args.outsideWindow !== undefined || (args.extracted !== undefined && !args.named))) {
    throw new UsageError(`--design-window, --outside-window and --extracted describe your own files (with --orders and --events); the bundled data declare their design window of ${study.designWindow} months. To compare fewer months, use --window`);
  }
  const manifest: StudyManifest = args.own
    ? { designWindow: args.designWindow ?? study.designWindow, synthetic: false, calibrated: false }
    : { ...study, designWindow: args.designWindow ?? study.designWindow };
  const header = headerOf(args.events);
  const hasHarm = header.length === 0 || header.includes('harm');
  // The specification curve varies the index's weights for the bundled data, which come with their
  // index; a reader's own events with a harm column keep that harm, as the report's "How robust is
  // it?" keeps it for the same files (src/lib/ownData.ts looks nothing up for them).
  const wantsWeights = args.weights !== undefined || (args.specificationCurve && !(args.own && hasHarm));
  const recorded = args.own ? 'days, from the harm column of the events file' : 'Cambridge Crime Harm Index days; illustrative weights';
  // Your own events with a harm column keep it, as "Use your own data" keeps it (src/lib/ownData.ts):
  // an index given beside them alone is not used (said, as the page says it), and the bundled
  // illustrative index never replaces it. Only an index of your own, asked for with --weights, does.
  if (args.own && hasHarm && !(args.weights && args.harmIndex)) {
    if (args.weights) throw new OptionError('--weights', `${basename(args.events)} has a harm column, which is kept as recorded, as "Use your own data" keeps it; to weigh the arrests by a harm index of your own instead, give it with --harm-index. Nothing was analysed: run again without --weights ${args.weights} to use the recorded harm`);
    const unused = args.harmIndex ? [indexNotUsed(basename(args.harmIndex), basename(args.events), args.specificationCurve ? 'curve' : true)] : [];
    return { manifest, harm: recorded, warnings: unused };
  }
  if (hasHarm && !wantsWeights) {
    if (args.harmIndex) throw new UsageError('--harm-index: the bundled events have a harm column, which is kept; add --weights to take the index\'s weights instead');
    return { manifest, harm: recorded };
  }
  const harmIndex = args.harmIndex ?? bundled('harm-index.csv');
  const index = args.harmIndex ? `the harm index ${basename(args.harmIndex)}` : 'the bundled harm index data/harm-index.csv (illustrative Cambridge Crime Harm Index weights)';
  // Your own events without harm, weighed by the bundled index: warned, as "Use your own data" warns,
  // whichever of its weight sets is asked for (an analyst found --weights silent about it).
  const warnings = args.own && !args.harmIndex ? [bundledIndexUsed(basename(args.events))] : [];
  if (args.weights) return { manifest, harmIndex, harm: `days, the ${args.weights} weights (${WEIGHT_COLUMNS[args.weights]}) of ${index}, by offence`, warnings };
  if (args.specificationCurve) return { manifest, harmIndex, index, harm: `days, the weights of ${index}, by offence`, warnings };
  return {
    manifest,
    harmIndex,
    harm: args.harmIndex ? `days, from the harm index ${basename(args.harmIndex)}` : 'days, from the bundled harm index data/harm-index.csv: illustrative Cambridge Crime Harm Index weights',
    warnings,
  };
}

/**
 * Whether the files given are the bundled ones, byte for byte (a byte-order mark aside), in the study's
 * design window and without an index or a rule for events outside it: then they are the study's
 * data, described as such (synthetic, calibrated), as "Use your own data" recognises them
 * (validateOwn in src/lib/ownData.ts).
 */
function isStudyFiles(args: Args, read: Map<string, Uint8Array | Problem>): boolean {
  if (args.harmIndex !== undefined || args.outsideWindow !== undefined) return false;
  const study = JSON.parse(readFileSync(bundled('study.json'), 'utf8')) as StudyManifest;
  if (args.designWindow !== undefined && args.designWindow !== study.designWindow) return false;
  const [orders, events] = [read.get(args.orders), read.get(args.events)];
  if (!(orders instanceof Uint8Array) || !(events instanceof Uint8Array)) return false;
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return isStudyText(text(orders), text(events), { orders: readFileSync(bundled('orders.csv'), 'utf8'), events: readFileSync(bundled('events.csv'), 'utf8') });
}

/** Every event whose offence the harm index lacks, a line each (analyse() would stop at the first). */
function unmatchedProblems(dataset: Dataset, args: Args): string[] {
  return args.weights ? (dataset.harmIndex?.unmatched ?? []).map((p) => `analyze: ${problemLine(p)}\n`) : [];
}

/** More problems than this, and a last line counts them (a screenful is easy to lose the end of). */
const SUMMARY_AFTER = 10;

/**
 * The count of a long list of problems, as the page's heading gives it, and for arrests outside the
 * design window the options that deal with them (the problems' own hints are the page's words).
 */
export function problemSummary(problems: readonly Problem[], analysed: boolean): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const outside = problems.some((p) => p.severity === 'error' && /outside the design window/.test(p.message));
  return `${count(errors, 'error', 'errors')} and ${count(warnings, 'warning', 'warnings')} in all${analysed ? '' : ', so nothing was analysed'}.`
    + (outside ? ' For arrests outside the design window: give the window your data cover with --design-window N, or leave them out and count them with --outside-window exclude.' : '');
}

/**
 * Control and direction characters, shown as \u{…} where the command line writes for a terminal,
 * not acted on: the data's file names, headers and cells reach its messages and tables, and a
 * security review's column named with ESC[2K ESC[1F erased the warnings above it, and an order id
 * with ESC]0; set the terminal's title. Line ends are kept.
 */
export const visibleControls = (text: string): string =>
  text.replace(/[\x00-\x09\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
const warn = (text: string): boolean => process.stderr.write(visibleControls(text));

export function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    // Every file given that cannot be read is named in one round, before anything else is said.
    const given = [args.orders, args.events, ...(args.harmIndex ? [args.harmIndex] : [])];
    const read = new Map(given.map((path) => [path, readBytes(path)]));
    const unread = [...read.values()].filter((r): r is Problem => !(r instanceof Uint8Array));
    if (unread.length > 0) {
      for (const p of unread) warn(`analyze: ${problemLine(p)}\n`);
      return 1;
    }
    args.named = args.own;
    if (args.own && isStudyFiles(args, read)) args.own = false;
    let { manifest, harm, harmIndex, index, warnings } = describe(args);
    const paths = { orders: args.orders, events: args.events, ...(harmIndex ? { harmIndex } : {}) };
    const bytes = (k: keyof typeof paths) => {
      const r = read.get(paths[k]!) ?? readBytes(paths[k]!);
      if (!(r instanceof Uint8Array)) throw new DataError({ file: paths[k]! }, r.message);
      return r;
    };
    const checks = { manifest, designWindow: args.designWindow, outsideWindow: args.outsideWindow, extracted: args.extracted };
    let sources: { orders: Source; events: Source; harmIndex?: Source } = {
      orders: { name: basename(args.orders), bytes: bytes('orders') },
      events: { name: basename(args.events), bytes: bytes('events') },
      harmIndex: harmIndex ? { name: basename(harmIndex), bytes: bytes('harmIndex') } : undefined,
    };
    if (args.tidy) {
      sources = tidyFiles(args, args.tidy, sources, checks, [...given, ...Object.values(paths)]);
      // Where harm comes from is said of the files analysed, the tidied ones (args name them now): a
      // title line above the header had hidden the events' harm column, and an analyst was told that
      // harm came from the bundled index while the numbers used the column, as they should.
      ({ harm, harmIndex, index, warnings } = describe(args));
      if (!harmIndex) delete sources.harmIndex;
    }
    const checked = validateDataset(sources, checks);
    // The weights asked for are a column of the index: one it lacks is said with the files' other
    // problems, not after they are fixed (an analyst met 14 errors, fixed them, and only then this one).
    const weightColumn = args.weights && harmIndex ? WEIGHT_COLUMNS[args.weights] : undefined;
    const header = weightColumn ? headerOf(harmIndex!).map((c) => c.trim().toLowerCase()) : [];
    const inIndex = WEIGHT_SETS.filter((w) => header.includes(WEIGHT_COLUMNS[w]));
    const noWeights = weightColumn && header.length > 0 && !header.includes(weightColumn)
      ? [problem({ file: basename(harmIndex!), row: 0, column: weightColumn }, `has no ${weightColumn} column, so it has no ${args.weights} weights`, { expected: `a ${weightColumn} column of weights in days`, hint: `add the column, or run again with another --weights (${inIndex.join(', ') || 'none'} ${inIndex.length === 1 ? 'is' : 'are'} in it)` })]
      : [];
    const problems = [...checked.problems, ...noWeights];
    const { dataset } = checked;
    // Offences the index cannot weigh, with the rest (they are known only once the files load).
    const missing = dataset ? unmatchedProblems(dataset, args) : [];
    const stopped = !dataset || noWeights.length > 0 || missing.length > 0;
    // How harm is found (an index not used, the bundled one used) is said, and counted, after the
    // files' own problems and only once they load, as "Use your own data" says it (an analyst: the
    // page left it out beside errors, and the count here missed it).
    // Errors first, as the page lists them (an analyst found the one error after 11 warnings).
    const all = dataset ? [...problems, ...(warnings ?? [])] : problems;
    const said = [...all.filter((p) => p.severity === 'error'), ...all.filter((p) => p.severity !== 'error')];
    for (const p of said) warn(`analyze: ${problemLine(p)}\n`);
    for (const line of missing) warn(line);
    if (said.length > SUMMARY_AFTER) warn(`analyze: ${problemSummary(said, !stopped)}\n`);
    // The page offers "Tidy these" beside such problems; here the option is named (an analyst met 247
    // dates written day/month/year, each with a spreadsheet's hint, and never a word of --tidy).
    const fixable = args.tidy ? 0 : said.filter((p) => p.fix !== undefined && p.file !== '(options)').length;
    if (fixable > 0) warn(`analyze: ${fixable === 1 ? 'one of these problems has' : `${formatNumber(fixable)} of these problems have`} one right answer (a date written another way, a column named in other capitals or with spaces, a title line above the header): add --tidy DIR to make ${fixable === 1 ? 'that fix' : 'those fixes'}, write the tidied files to DIR and analyse them\n`);
    if (stopped) return 1;
    // The harm index the emitted script weighs harm by (its third argument), when it weighs any: with
    // --weights, and for the curve when harm comes from an index at all (not for recorded harm).
    const scriptIndex = args.emitR && harmIndex !== undefined && (args.weights || args.specificationCurve) ? harmIndex : undefined;
    // The emitted R script reads month and harm columns. For events given with dates or a harm
    // index, --write-events writes them as the engine placed them, for the script to read.
    if (args.writeEvents) {
      // (after --tidy, args name the tidied files, which are inputs too)
      writeEvents(args.writeEvents, eventsCsv(dataset.events), [...given, ...Object.values(paths), args.orders, args.events, ...(args.harmIndex ? [args.harmIndex] : [])]);
      // On stderr, so that what goes to stdout (a script, JSON, the table) stays as it was.
      const n = dataset.events.length;
      warn(`analyze: wrote ${formatNumber(n)} ${n === 1 ? 'arrest' : 'arrests'} as months and harm to ${args.writeEvents}${args.emitR ? `; run the R script on it: Rscript reproduce.R ${shellWords([args.orders, args.writeEvents, ...(scriptIndex ? [scriptIndex] : [])])}` : ', the events file the R script (--emit-r) reads'}\n`);
    }
    // The curve's script weighs harm by the index itself: only months must be written for it.
    else if (args.emitR && ((harmIndex !== undefined && !args.weights && !args.specificationCurve) || !headerOf(args.events).includes('month'))) {
      warn('analyze: note: the R script reads month and harm columns; add --write-events FILE and run the script on that file\n');
    }
    // Only for an index the script uses: one given beside events with a harm column is not (a re-check was told to pass it, and the script refused it).
    if (scriptIndex && args.harmIndex && !args.writeEvents) {
      warn(`analyze: note: the R script reads the harm index from harm-index.csv; give ${basename(args.harmIndex)} as its third argument (Rscript reproduce.R ORDERS EVENTS ${shellWords([basename(args.harmIndex)])})\n`);
    }
    if (args.specificationCurve) {
      const curve = specificationCurve(dataset, { categories: args.categories });
      // A reader's data declare their design window, as for the view's script (below).
      if (args.emitR) {
        const declared = args.own ? { designWindow: dataset.span, outsideWindow: args.outsideWindow } : {};
        process.stdout.write(emitCurveR(curveScriptOptions(curve, declared), { generator: `${ANALYZE} ${shellWords(argv)}`.trim() }));
        return 0;
      }
      process.stdout.write(args.json ? JSON.stringify(curve) + '\n' : visibleControls(renderCurve(curve, { harm, index })) + '\n');
      return 0;
    }
    const options = { window: args.window, gap: args.gap, categories: args.categories, weights: args.weights, wilcoxon: args.wilcoxon };
    if (args.emitR) {
      // The script is for the view as the engine resolves it (default window and categories filled in),
      // so it checks the same numbers that --json would print.
      // A reader's data declare their design window, which R cannot infer from the events; the bundled
      // data's events reach ±24, so their script stays the one the report's Check in R runs.
      const declared = args.own ? { designWindow: dataset.span, outsideWindow: args.outsideWindow } : {};
      process.stdout.write(emitR({ ...resolveOptions(dataset, options), ...declared }, { generator: `${ANALYZE} ${shellWords(argv)}`.trim() }));
      return 0;
    }
    const result = analyse(dataset, options);
    if (args.robustness) {
      const checks = robustnessChecks(result, dataset, args);
      process.stdout.write(args.json ? JSON.stringify(checks) + '\n' : visibleControls(renderRobustness(checks, result, basename(args.orders), args.unavailableShare !== undefined)) + '\n');
      return 0;
    }
    if (args.csv) {
      // The page's results CSV, from the same function; its data column names the files and the command line.
      const data: ExportData = args.own ? { kind: 'local', by: 'command line', files: filesText(filesFacts(dataset, basename(args.orders), basename(args.events))) } : { kind: 'study' };
      process.stdout.write(resultsCsv(result, data));
      return 0;
    }
    process.stdout.write(args.json ? JSON.stringify(result) + '\n' : visibleControls(render(result, { manifest, harm, excluded: dataset.excludedOutsideWindow, extracted: dataset.extracted, ruleFlips: ruleFlipWords(ruleFlips(dataset, result), result.categoryNames) })) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      if (!e.message) {
        process.stdout.write(HELP + '\n');
        return 0;
      }
      warn(`analyze: ${e.message} (${USAGE})\n`);
      return 1;
    }
    if (e instanceof DataError || e instanceof OptionError) {
      warn(`analyze: ${e.message}\n`);
      return 1;
    }
    warn(`analyze: unexpected failure: ${(e as Error).message}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/analyze.ts')) {
  // A reader who stops reading (`| head`) closes the pipe: stop quietly, as other tools do, rather
  // than print Node's trace of the failed write.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  process.exitCode = main(process.argv.slice(2));
}
