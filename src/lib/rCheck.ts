// "Check in R": the engine's numbers for a view beside the numbers R printed for the same view
// (the script from src/analysis/emitR.ts), and whether each pair agrees. Pure: the browser runs R
// and calls these; the tests call them too.
//
// Agreement is emitR.ts's closeEnough, the rule the emitted-script tests use: two nulls agree (R
// printed NA where the engine has no value); a null beside a number, or a path R did not print,
// differs; two numbers agree within a relative 1e-9 (the order of floating-point sums and nothing
// more), p-values also within an absolute 1e-15, and OLS and correlation estimates whose exact
// value is 0 within R's rounding noise.

import { closeEnough, numericLeaves } from '../analysis/emitR.ts';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { ANALYZE, shellWords, sourceArguments, viewArguments, viewFileStem, type ArgumentSource } from './cliArguments.ts';
import { formatNumber } from './format.ts';

export interface ComparedNumber {
  path: string;
  engine: number | null;
  /** R's value; undefined when R printed nothing for this path. */
  r: number | null | undefined;
  agree: boolean;
}

export interface Comparison {
  rows: ComparedNumber[];
  agreeing: number;
  differing: number;
  /** Paths R printed that the engine's result does not have (a sign the two disagree about the shape). */
  unexpected: string[];
}

/** Every number of the result (numericLeaves) beside R's value for the same path (parseROutput of R's output). */
export function compareWithR(result: AnalysisResult, rValues: ReadonlyMap<string, number | null>): Comparison {
  const leaves = numericLeaves(result);
  const rows = leaves.map(([path, engine]): ComparedNumber => {
    const r = rValues.has(path) ? rValues.get(path)! : undefined;
    return { path, engine, r, agree: r !== undefined && closeEnough(result, path, engine, r) };
  });
  const known = new Set(leaves.map(([path]) => path));
  const agreeing = rows.filter((row) => row.agree).length;
  return { rows, agreeing, differing: rows.length - agreeing, unexpected: [...rValues.keys()].filter((p) => !known.has(p)) };
}

/**
 * "All 412 numbers agree, R 4.6.0" or "3 of 412 numbers differ, R 4.6.0". For the curve, whether R
 * named its specifications as the engine does: "…, and R ran the 180 specifications in the same
 * order", or what it ran instead.
 */
export function comparisonSummary(c: Comparison & { labels?: SpecificationLabels }, rVersion: string): string {
  const total = c.rows.length;
  const noun = total === 1 ? 'number' : 'numbers';
  if (total === 0) return `No numbers to compare, R ${rVersion}`;
  const extra = c.unexpected.length > 0 ? `; R also printed ${c.unexpected.length} ${c.unexpected.length === 1 ? 'path' : 'paths'} the engine does not have` : '';
  const labels = c.labels ? specificationsSaid(c.labels) : '';
  if (c.differing === 0) return `All ${formatNumber(total)} ${noun} agree, R ${rVersion}${labels}${extra}`;
  return `${formatNumber(c.differing)} of ${formatNumber(total)} ${noun} differ, R ${rVersion}${labels}${extra}`;
}

/** The specification curve's names beside R's (src/lib/rCheckCurve.ts). */
export interface SpecificationLabels {
  /** How many specifications the engine's curve has, and how many comment lines naming one R printed. */
  expected: number;
  printed: number;
  /** R's first line that is not the engine's for the same place (or the engine's, where R printed fewer); null when all agree. */
  firstDifferent: string | null;
}

function specificationsSaid(l: SpecificationLabels): string {
  const n = `${formatNumber(l.expected)} ${l.expected === 1 ? 'specification' : 'specifications'}`;
  if (l.firstDifferent === null) return `; R ran the same ${n} in the same order`;
  if (l.printed !== l.expected) return `; R ran ${formatNumber(l.printed)} specifications, not ${n}`;
  return `; R ran the ${n} in another order or under other names, first "${l.firstDifferent.replace(/^# /, '')}"`;
}

/** A number as the comparison table shows it: full precision (17 significant digits at most), NA for null. */
export function formatExact(value: number | null | undefined): string {
  if (value === undefined) return 'not printed';
  if (value === null) return 'NA';
  return String(Number(value.toPrecision(17)));
}

export interface ScriptView {
  window: number;
  categories: readonly string[];
  wilcoxon: 'current' | 'legacy';
  gap?: number;
  weights?: 'data' | 'central' | 'low' | 'high';
}

/** The downloaded script's file name, carrying the view: stro-reproduce-w12-violence-drugs.R. */
export function rScriptFileName(view: ScriptView, allCategories: readonly string[]): string {
  return `stro-reproduce-${viewFileStem(view, allCategories)}.R`;
}

/** The curve's script's file name, carrying its categories (the curve varies the rest): stro-specification-curve-all.R. */
export function curveScriptFileName(categories: readonly string[], domain: { span: number; categories: readonly string[] }): string {
  return `stro-specification-curve-${viewFileStem({ window: domain.span, categories }, domain.categories).replace(/^w\d+-/, '')}.R`;
}

/**
 * The command that writes the curve's script, for its header and for a printout: the categories and,
 * for a reader's own data, their files and choices (the same words the CLI writes).
 */
export function curveScriptGenerator(categories: readonly string[], domain: { span: number; categories: readonly string[] }, source?: ArgumentSource): string {
  const view = viewArguments({ window: domain.span, categories }, domain);
  return `${ANALYZE} ${shellWords([...(source ? sourceArguments(source) : []), ...view, '--specification-curve', '--emit-r'])}`;
}

/**
 * The command-line arguments that print this view's script: `npm run --silent analyze -- <these>` writes,
 * byte for byte, what "Download R script" gives (the script's header names the command).
 * Only values that differ from the defaults are given, as in the page's own command line.
 */
export function emitRArguments(view: ScriptView, domain: { span: number; categories: readonly string[] }): string[] {
  return [...viewArguments(view, domain), '--emit-r'];
}

/** What the script's header says wrote it: the same words the CLI writes for the same arguments. */
export function emitRGenerator(view: ScriptView, domain: { span: number; categories: readonly string[] }): string {
  return `${ANALYZE} ${shellWords(emitRArguments(view, domain))}`.trim();
}

/**
 * What went wrong with Check in R, in words, at the stage it failed: computing the report's numbers to
 * check (before R is asked for), loading R (files missing or
 * blocked), running the script (an error in R) or comparing. Never an empty reason: R's own message
 * was empty where a server sent R's file-system images (webr/**\/*.data.gz) gzip-encoded, so that the
 * browser unpacked them before R did (`astro preview` does; an analyst following the README met
 * "R stopped with an error, so the numbers could not be checked: ."). That is then named as the likely cause.
 */
export function failureMessage(error: unknown, stage: 'preparing' | 'loading' | 'running' | 'comparing', offline = false): string {
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300).trim();
  // Before R is asked for: the report's own numbers to check could not be had (its engine or worker failed).
  if (stage === 'preparing') {
    // Offline, the code that computes them may never have been fetched: said so, not as a raw import error.
    if (offline) return `The report's numbers to check could not be computed, so R was not run: this browser is offline, and the code that computes them had not been fetched from this site yet (${text || 'no reason was given'}). Nothing else on the page is affected; try again once you are back online.`;
    return `The report's numbers to check could not be computed, so R was not run: ${text || 'no reason was given'}. Nothing else on the page is affected.`;
  }
  const why = text !== '' ? text
    : 'R gave no reason. R stops this way when the site\'s server sends R\'s files (webr/…/*.data.gz) with Content-Encoding: gzip, so that the browser unpacks them before R can; the README\'s Hosting section says how to serve them';
  if (stage === 'loading') {
    // Offline, R's files (tens of megabytes, fetched on the first check) were never there to fetch: say so, not that the site lacks them.
    if (offline) return `R could not be loaded: this browser is offline, and R's files are fetched from this site on the first check (${why}). Nothing else on the page is affected; try again once you are back online, or download the R script and run it in R 4.6.`;
    return `R could not be loaded in this browser: the files on this site that load and run it are missing or were blocked (${why}). Nothing else on the page is affected; you can still download the R script and run it in R 4.6.`;
  }
  if (stage === 'running') return `R stopped with an error, so the numbers could not be checked: ${why}. Nothing else on the page is affected; you can still download the R script and run it in R 4.6.`;
  return `The comparison failed: ${why}. Nothing else on the page is affected.`;
}
