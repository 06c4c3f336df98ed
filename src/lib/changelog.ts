// The changelog's tables of published numbers that changed between versions, computed at build
// time from the engine, never typed in. Version 0.2.0 made the paired Wilcoxon test follow current
// R (4.6.0: zeros kept in the ranking as Pratt proposed, exact conditional p-values with ties below
// 50 pairs), where 0.1.0 followed R ≤ 4.5 (zeros dropped, normal approximation with continuity
// correction when there are ties). Every V and p changes; the totals and reductions do not.
import { analyse, type AnalysisResult, type Measure } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import { formatNumber } from './format.ts';
import type { TableData } from './tables.ts';

export interface WilcoxonChange {
  measure: 'events' | 'harm';
  /** '' for all selected categories together, otherwise a category code. */
  category: string;
  name: string;
  old: { V: number | null; p: number | null };
  new: { V: number | null; p: number | null };
}

/** V and p under the 0.1.0 rule (legacy) and the 0.2.0 rule (current R), for the study's view. */
export function wilcoxonChanges(dataset: Dataset, options: { window?: number; categories?: string[] } = {}): WilcoxonChange[] {
  const legacy = analyse(dataset, { ...options, wilcoxon: 'legacy' });
  const current = analyse(dataset, { ...options, wilcoxon: 'current' });
  const rows: WilcoxonChange[] = [];
  for (const measure of ['events', 'harm'] as const) {
    const pick = (r: AnalysisResult, c: string): Measure => (c === '' ? r[measure] : r.byCategory[c][measure]);
    for (const category of ['', ...current.categories]) {
      const before = pick(legacy, category).test;
      const after = pick(current, category).test;
      rows.push({
        measure,
        category,
        name: category === '' ? 'All categories' : current.categoryNames[category],
        old: { V: before.V, p: before.p },
        new: { V: after.V, p: after.p },
      });
    }
  }
  return rows;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A p-value to two significant digits, trailing zero kept, in powers of ten when small: 3.3 × 10⁻⁷, 0.012, 0.0020. */
export function formatPSci(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'n/a';
  if (p >= 0.001) return p.toPrecision(2);
  const [mantissa, exponent] = p.toExponential(1).split('e');
  return `${mantissa} × 10${String(Number(exponent)).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch)}`;
}

export function wilcoxonChangeTable(changes: WilcoxonChange[]): TableData {
  return {
    caption: 'Paired Wilcoxon signed-rank tests, 24 months before and after, all categories: version 0.1.0 (as R ≤ 4.5) against 0.2.0 (as R 4.6.0)',
    columns: ['Measure', 'Category', 'V in 0.1.0', 'p in 0.1.0', 'V in 0.2.0', 'p in 0.2.0'],
    rows: changes.map((c) => [
      c.measure === 'events' ? 'Arrests' : 'Harm',
      c.name,
      formatNumber(c.old.V),
      formatPSci(c.old.p),
      formatNumber(c.new.V),
      formatPSci(c.new.p),
    ]),
  };
}
