// Results "as shown", for download: the JSON is the analyse() result itself; the CSV flattens
// the before/after table. Both are built from the same result the page displays.
import type { AnalysisResult, Measure } from '../analysis/analyse.ts';

const cell = (v: number | string | null | undefined) => {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function resultsCsv(result: AnalysisResult): string {
  const header = ['measure', 'category', 'window_months', 'orders', 'before', 'after', 'reduction', 'ci_lower', 'ci_upper', 'wilcoxon_V', 'p', 'p_holm'];
  const row = (measure: string, category: string, m: Measure) => [
    measure, category, result.window, result.orders, m.pre, m.post, m.reduction, m.ci?.[0], m.ci?.[1], m.test.V, m.test.p, m.test.pAdjusted,
  ].map(cell).join(',');
  const rows = (['events', 'harm'] as const).flatMap((measure) => [
    row(measure, 'overall', result[measure]),
    ...result.categories.map((c) => row(measure, c, result.byCategory[c][measure])),
  ]);
  return [header.join(','), ...rows].join('\n') + '\n';
}

export function resultsJson(result: AnalysisResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
