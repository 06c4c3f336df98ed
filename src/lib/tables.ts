// Tables that follow the view: each is a pure function of an analyse() result returning
// formatted cells. The build renders them for the default view and the browser re-renders them
// (as text, never as HTML) when the view changes, so the rows follow the categories chosen.

import type { AnalysisResult } from '../analysis/analyse.ts';
import published from '../../data/published.json' with { type: 'json' };
import { formatInterval, formatNumber, formatP, formatPEquals, formatPercent } from './format.ts';
import { EMPTY_VIEW, claimChecks, isEmpty } from './wording.ts';
import type { ResultPath } from './resultPaths.ts';

export interface TableData {
  caption: string;
  columns: string[];
  rows: string[][];
  /** Shown instead of rows when there are none. */
  empty?: string;
  /** For each cell of `rows`, the result path its number comes from (null: a label); each is a handle to its derivation. */
  paths?: (ResultPath | null)[][];
}

/** Before, after, reduction with its interval, and the paired test, overall and per category. */
export function resultsTable(result: AnalysisResult, measure: 'events' | 'harm'): TableData {
  const what = measure === 'events' ? 'Arrests' : 'Total harm (CCHI days, illustrative weights)';
  const row = (name: string, m: AnalysisResult['events']) => [
    name, formatNumber(m.pre), formatNumber(m.post), formatPercent(m.reduction), formatInterval(m.ci),
    formatNumber(m.test.V), formatP(m.test.p), m.test.pAdjusted === undefined ? '—' : formatP(m.test.pAdjusted),
  ];
  const rowPaths = (base: string, m: AnalysisResult['events']): (ResultPath | null)[] => [
    null, ...(['pre', 'post', 'reduction', 'ci', 'test.V', 'test.p'] as const).map((k) => `${base}.${k}` as ResultPath),
    m.test.pAdjusted === undefined ? null : (`${base}.test.pAdjusted` as ResultPath),
  ];
  return {
    caption: `${what}: ${result.window} ${result.window === 1 ? 'month' : 'months'} before and after each order, ${formatNumber(result.orders)} orders`,
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

interface PublishedFigure { id: string; label: string; value: number; unit: string; measure: string; kind: string; category?: string }

/** Every published figure beside the same figure computed from the bundled data in this view. */
export function publishedTable(result: AnalysisResult): TableData {
  const recomputed = (f: PublishedFigure): string => {
    if (f.measure === 'sample') {
      const s = result.sample;
      return formatNumber(f.kind === 'issued' ? s.register : f.kind === 'followup' ? s.withFollowup : s.analysed);
    }
    const block = f.category && f.category !== 'overall' ? result.byCategory[f.category] : result;
    const m = block?.[f.measure as 'events' | 'harm'];
    if (!m) return 'not in view';
    if (f.kind === 'pre') return formatNumber(m.pre);
    if (f.kind === 'post') return formatNumber(m.post);
    return `${formatPercent(m.reduction)} (${formatPEquals(m.test.p)})`;
  };
  const claims = claimChecks(result).map((c) => [
    c.claim,
    'Stated',
    `${c.holds === null ? 'Cannot be checked' : c.holds ? 'Holds' : 'Does not hold'} (${c.detail})`,
  ]);
  return {
    caption: `Published figures and claims (24 months, all categories) beside the bundled data in the current view (${result.window} ${result.window === 1 ? 'month' : 'months'})`,
    columns: ['Figure or claim', 'Published', 'Recomputed here'],
    rows: [
      ...(published.figures as PublishedFigure[]).map((f) => [f.label, f.unit === 'percent' ? `${f.value}%` : formatNumber(f.value), recomputed(f)]),
      ...claims,
    ],
  };
}

export const TABLES = {
  'results:events': (r: AnalysisResult) => resultsTable(r, 'events'),
  'results:harm': (r: AnalysisResult) => resultsTable(r, 'harm'),
  published: publishedTable,
} as const satisfies Record<string, (r: AnalysisResult) => TableData>;
export type TableName = keyof typeof TABLES;
