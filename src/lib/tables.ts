// Tables that follow the view: each is a pure function of an analyse() result returning
// formatted cells. The build renders them for the default view and the browser re-renders them
// (as text, never as HTML) when the view changes, so the rows follow the categories chosen.

import type { AnalysisResult } from '../analysis/analyse.ts';
import published from '../../data/published.json' with { type: 'json' };
import { formatNumber, formatP, formatPEquals, formatPercent } from './format.ts';
import { EMPTY_VIEW, FEW_ARRESTS, categoryList, claimChecks, claimWord, type ClaimCheck, count, gapWords, intervalCell, isEmpty, listWords, plain } from './wording.ts';
import { categoryName } from '../analysis/categories.ts';
import type { ResultPath } from './resultPaths.ts';
import type { CellPath, CellPieces } from './cells.ts';

export interface TableData {
  caption: string;
  columns: string[];
  rows: string[][];
  /** Shown instead of rows when there are none. */
  empty?: string;
  /** For each cell of `rows`, the result path its number comes from (null: a label); each is a handle to its derivation. */
  paths?: CellPath[][];
}


/**
 * Before, after, reduction with its interval (or why there is none), and the paired test, overall and
 * per category. `harm` says where a reader's own data take harm from (OwnSummary.harm); without it
 * harm is the bundled data's.
 */
export function resultsTable(result: AnalysisResult, measure: 'events' | 'harm', harm?: string): TableData {
  // Harm weights other than the data's own are named here too, not only in the view bar.
  const source = result.weights === 'data' ? harm ?? 'CCHI days, illustrative weights'
    : harm ? `${harm}; its ${result.weights} weights` : `CCHI days; the illustrative index's ${result.weights} weights`;
  const what = measure === 'events' ? 'Arrests' : `Total harm (${source})`;
  const row = (name: string, m: AnalysisResult['events']) => [
    name, formatNumber(m.pre), formatNumber(m.post), formatPercent(m.reduction), intervalCell(m),
    formatNumber(m.test.V), formatP(m.test.p), m.test.pAdjusted === undefined ? '—' : formatP(m.test.pAdjusted),
  ];
  const rowPaths = (base: string, m: AnalysisResult['events']): (ResultPath | null)[] => [
    null, ...(['pre', 'post', 'reduction', 'ci', 'test.V', 'test.p'] as const).map((k) => (k === 'ci' && !m.ci ? null : (`${base}.${k}` as ResultPath))),
    m.test.pAdjusted === undefined ? null : (`${base}.test.pAdjusted` as ResultPath),
  ];
  return {
    caption: `${what}: ${result.window} ${result.window === 1 ? 'month' : 'months'} before and after each order${gapWords(result)}, ${formatNumber(result.orders)} ${result.orders === 1 ? 'order' : 'orders'}${fewArrestsNote(result, measure)}`,
    columns: ['Category', 'Before', 'After', 'Reduction', '95% interval', 'V', 'p', 'Holm p'],
    rows: isEmpty(result) ? [] : [
      row('All selected categories', result[measure]),
      ...result.categories.map((c) => row(result.categoryNames[c], result.byCategory[c][measure])),
    ],
    paths: isEmpty(result) ? [] : [
      rowPaths(measure, result[measure]),
      ...result.categories.map((c) => rowPaths(`byCategory.${c}.${measure}`, result.byCategory[c][measure])),
    ],
    empty: EMPTY_VIEW,
  };
}

/**
 * The rows whose interval rests on too few arrests to mean much, named after the caption, as the
 * headline warns of a thin view (fewArrestsWarning): ". The intervals for Violence (7 arrests before)
 * and Drugs (12 arrests before) rest on fewer than 20 arrests, too few to read much into, however
 * narrow they look", or ''. The
 * count is of arrests before the orders in that row, for the harm table too: harm is summed over
 * those arrests, so it has no more to go on.
 */
function fewArrestsNote(result: AnalysisResult, measure: 'events' | 'harm'): string {
  if (isEmpty(result)) return '';
  const rows: [string, AnalysisResult['byCategory'][string]][] = [
    ['all selected categories', result],
    ...result.categories.map((c): [string, AnalysisResult['byCategory'][string]] => [result.categoryNames[c], result.byCategory[c]]),
  ];
  // A row without an interval already says why, in its cell.
  const thin = rows.filter(([, r]) => r.events.pre > 0 && r.events.pre < FEW_ARRESTS && r[measure].ci).map(([name, r]) => `${name} (${count(r.events.pre, 'arrest')} before)`);
  if (thin.length === 0) return '';
  return `. The ${thin.length === 1 ? 'interval' : 'intervals'} for ${listWords(thin)} ${thin.length === 1 ? 'rests' : 'rest'} on fewer than ${FEW_ARRESTS} arrests, too few to read much into, however narrow ${thin.length === 1 ? 'it looks' : 'they look'}`;
}

interface PublishedFigure { id: string; label: string; value: number; unit: string; measure: string; kind: string; category?: string }

/** The window the article's figures are for (24 months). */
export const PUBLISHED_WINDOW: number = published.window;

/** The study's view: the published window, every category, no gap and harm as recorded. The synthetic data were built to match this view only. */
export function isStudyView(result: AnalysisResult): boolean {
  return result.window === published.window && result.domain.categories.every((c) => result.categories.includes(c)) && result.gap === 0 && result.weights === 'data';
}

const monthsText = (w: number) => `${w} ${w === 1 ? 'month' : 'months'}`;

/**
 * What a published figure's row is about, in words that hold in any view: the figure, then what the
 * published number covers and what the recomputed one covers. In the study's view both cover the same,
 * so it is said once: "Offending events before the order (24 months, all categories)".
 */
export function publishedRowLabel(f: PublishedFigure, result: AnalysisResult, own = false): string {
  // The register and its sample do not depend on the view; a reader's own follow-up is their design
  // window's, not the study's two years (an analyst at a window of 12: "two full years before and after | 49 | 5").
  if (f.measure === 'sample') return own && f.kind === 'followup' && result.domain.span !== published.window ? `${f.label} (in your data, the full design window of ${monthsText(result.domain.span)} before and after)` : f.label;
  const perCategory = f.category !== undefined && f.category !== 'overall';
  const studyCats = perCategory ? '' : ', all categories';
  const publishedScope = `${monthsText(published.window)}${studyCats}`;
  if (isStudyView(result)) return `${f.label} (${publishedScope})`;
  // what else of the view the recomputed number depends on: the months left out, and for harm its weights
  const more = `${result.gap ? `, leaving out ${monthsText(result.gap)} either side of the order` : ''}${f.measure === 'harm' && result.weights !== 'data' ? `, ${result.weights} harm weights` : ''}`;
  let here: string;
  if (perCategory) {
    here = result.categories.includes(f.category!)
      ? `recomputed here for ${monthsText(result.window)}${more}`
      // A category the data do not have is in no view of them (an analyst: "not in this view", for a category their data lack).
      : `not recomputed here: ${categoryName(f.category!).toLowerCase()} is not ${result.domain.categories.includes(f.category!) ? 'in this view' : own ? 'a category of your data' : 'in these data'}`;
  } else {
    here = result.categories.length === 0
      ? 'not recomputed here: no category is in this view'
      : `recomputed here for ${monthsText(result.window)}, ${result.categories.length === result.domain.categories.length ? 'all categories' : `${categoryList(result)} only`}${more}`;
  }
  return `${f.label}: published for ${publishedScope}; ${here}`;
}

/** A cell of words and numbers: its text, and its pieces where a number in it opens a derivation (else null: words only). */
const cellOf = (pieces: CellPieces): [string, CellPath] => [plain([...pieces]), pieces.some((x) => typeof x !== 'string') ? pieces : null];

/** The verdict on one of the article's claims, saying outside the study's view what it describes. */
function claimVerdict(result: AnalysisResult, { detailParts, ...c }: ClaimCheck, own: boolean): [string, CellPath] {
  // "Reproduced", not "Holds": in the study's view the synthetic data match by construction, and "holds" read as a confirmation.
  const word = claimWord(c);
  // A reader's own data were built to match nothing: their verdict is theirs, in whatever view.
  const [before, after] = own ? [`${word} in your data for this view (`, ')']
    : isStudyView(result) ? [`${word} (`, ')']
      : [`${word} in the synthetic data for this view (`, `). The data were built to match only the study's view (${monthsText(published.window)}, all categories), so this describes the synthetic data, not the study`];
  // Its numbers are the handles of Conclusions' verdict on the claim (a peer reviewer: they opened nothing here).
  return cellOf([before, ...detailParts, after]);
}

/**
 * The article's figures and claims beside this view's. `own`: the view is of a reader's own data,
 * so the right-hand column is theirs and the caption says so (not "the bundled synthetic data").
 */
export function publishedTable(result: AnalysisResult, own = false): TableData {
  // The recomputed cell, and where its numbers come from: each is a handle to its derivation, as on Results.
  const recomputed = (f: PublishedFigure): [string, CellPath] => {
    if (f.measure === 'sample') {
      const key = f.kind === 'issued' ? 'register' : f.kind === 'followup' ? 'withFollowup' : 'analysed';
      return [formatNumber(result.sample[key]), `sample.${key}`];
    }
    const perCategory = f.category !== undefined && f.category !== 'overall';
    const block = perCategory ? result.byCategory[f.category!] : isEmpty(result) ? undefined : result;
    const m = block?.[f.measure as 'events' | 'harm'];
    if (!m) return [perCategory && !result.domain.categories.includes(f.category!) ? (own ? 'not in your data' : 'not in these data') : 'not in view', null];
    const base = `${perCategory ? `byCategory.${f.category}.` : ''}${f.measure}`;
    if (f.kind === 'pre' || f.kind === 'post') return [formatNumber(m[f.kind]), `${base}.${f.kind}` as ResultPath];
    // "56% (p = 0.00195)": the reduction and the p-value, each its own handle ("p not available" is words).
    const p = formatP(m.test.p);
    const pPieces: CellPieces = m.test.p === null || m.test.p === undefined ? [formatPEquals(m.test.p)] : [p.startsWith('<') ? 'p\u00a0' : 'p = ', { text: p, path: `${base}.test.p` as ResultPath }];
    // (no reduction, with nothing before: "n/a" is words, and the p-value, where there is one, still opens)
    const reduction: CellPieces = m.reduction === null ? [formatPercent(m.reduction)] : [{ text: formatPercent(m.reduction), path: `${base}.reduction` as ResultPath }];
    const pieces: CellPieces = [...reduction, ' (', ...pPieces, ')'];
    return cellOf(pieces);
  };
  const figures = (published.figures as PublishedFigure[]).map((f) => ({ f, cell: recomputed(f) }));
  const claims = claimChecks(result).map((c) => ({ claim: c.claim, cell: claimVerdict(result, c, own) }));
  // Every choice the right-hand column follows: a gap and harm weights too (a copy-editor read the
  // study's view in this caption at ?weights=high, beside rows of high-weight harm).
  const gap = result.gap > 0 ? `, leaving out the ${monthsText(result.gap)} either side of the order` : '';
  const weights = result.weights !== 'data' ? `, harm from the ${result.weights} weights` : '';
  const view = isStudyView(result) ? `the study's view (${monthsText(result.window)}, all categories)` : `the current view (${monthsText(result.window)}, ${categoryList(result)}${gap}${weights})`;
  // The paired test's rule is part of what the right-hand column shows (?wilcoxon=legacy gives other p-values).
  const rule = result.wilcoxon === 'legacy' ? ", under R's older rule (R 4.5 and earlier)" : '';
  return {
    caption: own
      ? `The study's published figures and claims (${monthsText(published.window)}, all categories) beside your data in ${view}; reductions with the paired test's p${rule}`
      : `Published figures and claims (${monthsText(published.window)}, all categories) beside the bundled synthetic data in ${view}; reductions recomputed with the paired test's p${rule}`,
    columns: ['Figure or claim', 'Published', own ? 'Your data' : 'Recomputed here'],
    rows: [
      ...figures.map(({ f, cell }) => [publishedRowLabel(f, result, own), f.unit === 'percent' ? `${f.value}%` : formatNumber(f.value), cell[0]]),
      ...claims.map(({ claim, cell }) => [claim, 'Stated', cell[0]]),
    ],
    paths: [...figures.map(({ cell }) => [null, null, cell[1]]), ...claims.map(({ cell }) => [null, null, cell[1]])],
  };
}

/** The tables that follow the view, from a result (and, for a reader's own data, where their harm comes from). */
export const TABLES = {
  'results:events': (r: AnalysisResult) => resultsTable(r, 'events'),
  'results:harm': (r: AnalysisResult, harm?: string) => resultsTable(r, 'harm', harm),
  // `own`: a reader's own data, not the study's files loaded as theirs (src/client/main.ts)
  published: (r: AnalysisResult, _harm?: string, own = false) => publishedTable(r, own),
} as const satisfies Record<string, (r: AnalysisResult, harm?: string, own?: boolean) => TableData>;
export type TableName = keyof typeof TABLES;
