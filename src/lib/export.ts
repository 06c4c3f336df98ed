// Results "as shown", for download: the JSON is the analyse() result itself, preceded by `data` and
// `view` objects saying whose data and which view it holds; the CSV flattens the before/after table,
// each row ending with the same. Both are built from the same result the page displays, and the file name
// carries the view (stro-results-w12-violence-drugs.csv; stro-results.csv for the study's view).
import { viewFileStem } from './cliArguments.ts';
import { serialiseState } from './urlState.ts';
import type { AnalysisResult, Measure } from '../analysis/analyse.ts';
import { quoteCsvField, UTF8_BOM } from '../analysis/errors.ts';

const cell = (v: number | string | null | undefined) => {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  return quoteCsvField(String(v));
};

/**
 * Whose data a download holds: the study's bundled synthetic data (the default), or the reader's own
 * files (named, so that a saved file can never be mistaken for the study's).
 */
export type ExportData = { kind: 'study' } | { kind: 'local'; files: string; by?: 'browser' | 'command line' };
const STUDY: ExportData = { kind: 'study' };

/** Which view a downloaded file holds, as the JSON's `view` object gives it. */
export interface ExportView {
  window: number;
  categories: string[];
  /** Months left out either side of the order (0: none). */
  gap: number;
  /** Where harm comes from: 'data' (as the data give it: the events' harm column, or the index's harm_days looked up when files without one were read) or a weight set of the harm index. */
  weights: AnalysisResult['weights'];
  wilcoxon: 'current' | 'legacy';
  /** The page's query for this view ('' for the study's view). */
  query: string;
  /** The same in words: "12 months before and after; categories: violence, drugs; paired test as current R" (with the gap and weights when set). */
  description: string;
}

export function exportView(result: AnalysisResult): ExportView {
  const { window, categories, gap, weights } = result;
  const wilcoxon = result.wilcoxon === 'legacy' ? 'legacy' : 'current';
  const all = result.domain.categories;
  const cats = categories.length === 0 ? 'none' : categories.length === all.length ? 'all' : categories.join(', ');
  const months = (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`;
  const gapWords = gap > 0 ? `; leaving out the ${months(gap)} either side of the order` : '';
  const weightWords = weights !== 'data' ? `; harm from the ${weights} weights of the harm index` : '';
  return {
    window,
    categories: [...categories],
    gap,
    weights,
    wilcoxon,
    query: serialiseState({ window, categories, wilcoxon, ...(gap > 0 ? { gap } : {}), ...(weights !== 'data' ? { weights } : {}) }, result.domain),
    description: `${months(window)} before and after${gapWords}; categories: ${cats}${weightWords}; paired test as ${wilcoxon === 'legacy' ? 'R 4.5 and earlier' : 'current R'}`,
  };
}

/** stro-results.csv for the study's view, otherwise stro-results-w12-violence-drugs.csv (…-gap3-low-legacy). */
export function resultsFileName(result: AnalysisResult, ext: 'csv' | 'json', data: ExportData = STUDY): string {
  const v = exportView(result);
  const stem = data.kind === 'local' ? 'stro-own-data-results' : 'stro-results';
  if (v.query === '') return `${stem}.${ext}`;
  return `${stem}-${viewFileStem(v, result.domain.categories)}.${ext}`;
}


/** What the study's downloads say of their data: never to be mistaken for the study's own records. */
export const STUDY_DATA_WORDS = "the report's synthetic data, calibrated to the study's published figures: not the study's records";

/** Whose data a download holds, in words (the CSV's `data` column and the JSON's `data.description`). */
function dataWords(data: ExportData): string {
  // the files as the banner lists them, without the banner's own "Your data:" before them and its
  // "analysed in this browser, never sent anywhere" after them, which these words already say
  return data.kind === 'local'
    ? `your own files, analysed ${data.by === 'command line' ? 'by the command line' : 'in your browser'}: ${data.files.replace(/^Your data:\s*/, '').replace(/:\s*analysed in this browser, never sent anywhere\.?\s*$/, '').replace(/[\r\n]+/g, ' ')}`
    : STUDY_DATA_WORDS;
}

/**
 * The results table as downloaded (the page's link and the built downloads/results.csv), BOM first:
 * one plain table, header first, so that R's read.csv, Excel and pandas open it as it is. Each row
 * ends with the view in words (`view`), the address that reopens it (`view_address`, empty for the
 * study's view) and whose data it holds (`data`).
 */
export function resultsCsv(result: AnalysisResult, data: ExportData = STUDY): string {
  // The view's four settings each have a column, as the JSON's `view` object has them, so that a
  // table of several downloads can be filtered by them (window_months alone would hide a gap).
  const header = ['measure', 'category', 'window_months', 'gap_months', 'weights', 'paired_test', 'orders', 'before', 'after', 'reduction', 'ci_lower', 'ci_upper', 'wilcoxon_V', 'p', 'p_holm', 'view', 'view_address', 'data'];
  const v = exportView(result);
  const view = `${v.description}${v.query ? '' : data.kind === 'local' ? ' (all of your data)' : " (the study's view)"}`;
  const about = [view, v.query, dataWords(data)].map(cell).join(',');
  const row = (measure: string, category: string, m: Measure) => [
    measure, category, result.window, result.gap, result.weights, result.wilcoxon, result.orders, m.pre, m.post, m.reduction, m.ci?.[0], m.ci?.[1], m.test.V, m.test.p, m.test.pAdjusted,
  ].map(cell).join(',') + ',' + about;
  const rows = (['events', 'harm'] as const).flatMap((measure) => [
    row(measure, 'overall', result[measure]),
    ...result.categories.map((c) => row(measure, c, result.byCategory[c][measure])),
  ]);
  return UTF8_BOM + [header.join(','), ...rows].join('\n') + '\n';
}

/** The analyse() result as `npm run analyze -- … --json` prints it, after `data` (whose data) and `view` objects. */
export function resultsJson(result: AnalysisResult, data: ExportData = STUDY): string {
  const about = data.kind === 'local' ? { kind: 'local', files: data.files } : { kind: 'study', description: STUDY_DATA_WORDS };
  return JSON.stringify({ data: about, view: exportView(result), ...result }, null, 2) + '\n';
}
