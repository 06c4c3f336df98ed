// The calibration targets of the bundled synthetic data, checked on an analyse() result.
// Used by the generator to accept a seed; the test suite asserts the same targets one by one.

import type { AnalysisResult } from '../src/analysis/analyse.ts';
import type { Dataset } from '../src/analysis/types.ts';

export interface PublishedFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  measure: 'sample' | 'events' | 'harm';
  kind: string;
  category?: string;
  quote: string;
}

export interface Published {
  window: number;
  alpha: number;
  figures: PublishedFigure[];
  claims: { id: string; label: string; kind: string; measure: string; quote: string }[];
}

/** Every calibration target that does not hold, in words (empty when all hold). */
export function calibrationFailures(result: AnalysisResult, dataset: Dataset, published: Published): string[] {
  const failures: string[] = [];
  const alpha = published.alpha;
  const sample = (kind: string) => published.figures.find((f) => f.measure === 'sample' && f.kind === kind)!.value;
  const count = (s: string[]) => dataset.orders.filter((o) => s.includes(o.sample)).length;
  if (dataset.orders.length !== sample('issued')) failures.push('orders in the register');
  if (count(['analysed', 'excluded_data']) !== sample('followup')) failures.push('orders with two full years');
  if (result.orders !== sample('analysed')) failures.push('analysed orders');
  for (const f of published.figures) {
    if (f.measure === 'sample') continue;
    const m = !f.category || f.category === 'overall' ? result[f.measure] : result.byCategory[f.category]?.[f.measure];
    if (!m) { failures.push(`${f.id}: missing`); continue; }
    if (f.kind === 'pre' && m.pre !== f.value) failures.push(`${f.id}: ${m.pre}`);
    if (f.kind === 'post' && m.post !== f.value) failures.push(`${f.id}: ${m.post}`);
    if (f.kind === 'reduction') {
      if (m.reduction === null || Math.round(100 * m.reduction) !== f.value) failures.push(`${f.id}: ${m.reduction}`);
      if (m.test.p === null || m.test.p >= alpha) failures.push(`${f.id}: not significant (p = ${m.test.p})`);
    }
  }
  for (const which of ['events', 'harm'] as const) {
    const t = result.trend[which];
    if (t.slope === null || t.slope >= 0 || t.p === null || t.p >= alpha) failures.push(`trend.${which}: OLS`);
    if (t.tau === null || t.tau >= 0 || t.tauP === null || t.tauP >= alpha) failures.push(`trend.${which}: Kendall`);
  }
  const r = result.correlation.pearson;
  if (r.r === null || r.r <= 0 || r.p === null || r.p >= alpha) failures.push('correlation: Pearson');
  return failures;
}
