// For each figure's "Show as table" alternative (src/charts/*: table()), the result path behind
// every cell, aligned with its rows and columns (null: a label or a value the result does not
// hold, such as a fitted-line value). The panel opens the derivation of a cell from this. The
// registry is checked against FIGURES by the compiler, and tests/derivations.test.ts checks that
// every cell's text is its path's value as formatted, so the two cannot drift apart.
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { FigureName } from './figures.ts';
import type { ResultPath } from './resultPaths.ts';
import { tableMonths } from '../charts/shared.ts';

type Paths = (ResultPath | null)[][];

const periodBars = (measure: 'events' | 'harm') => (r: AnalysisResult): Paths =>
  r.categories.map((c) => [null, `byCategory.${c}.${measure}.pre`, `byCategory.${c}.${measure}.post`]);

// The monthly tables list the months of the study's trace that the view leaves out too (tableMonths):
// those rows have no path of the view's.
const monthly = (which: 'events' | 'harm') => (r: AnalysisResult, study?: AnalysisResult): Paths =>
  tableMonths(r, study).map(({ k }) => [null, k === null ? null : `monthly.${k}.${which}`, null]);

export const FIGURE_PATHS = {
  eventUnits: (r) => [
    ...r.categories.map((c): (ResultPath | null)[] => [null, `byCategory.${c}.events.pre`, `byCategory.${c}.events.post`]),
    [null, 'events.pre', 'events.post'],
    // The shortfall of arrests after against before: before − after, a difference of two paths rather than one.
    [null, null, null],
  ],
  eventsByCategory: periodBars('events'),
  harmByCategory: periodBars('harm'),
  perOrder: (r) => {
    if (r.categories.length === 0) return [];
    // The drawing order of src/charts/perOrder.ts (before descending, then after, then id), kept as indices.
    const order = r.perOrder.map((row, k) => ({ row, k }))
      .sort((a, b) => b.row.eventsPre - a.row.eventsPre || b.row.eventsPost - a.row.eventsPost || (a.row.order < b.row.order ? -1 : a.row.order > b.row.order ? 1 : 0));
    return order.map(({ k }) => [null, null, `perOrder.${k}.eventsPre`, `perOrder.${k}.eventsPost`]);
  },
  monthlyHarm: monthly('harm'),
  monthlyEvents: monthly('events'),
  scatter: (r, study) => tableMonths(r, study).map(({ k }) => [null, null, k === null ? null : `monthly.${k}.events`, k === null ? null : `monthly.${k}.harm`]),
  sampleFlow: () => [[null, 'sample.register'], [null, 'sample.excludedFollowup'], [null, 'sample.withFollowup'], [null, 'sample.excludedData'], [null, 'sample.analysed']],
} as const satisfies Record<FigureName, (r: AnalysisResult, study?: AnalysisResult) => Paths>;
