// The figures of the "How robust is it?" page by name: for each, its title, how to draw it from its
// data, its text alternative and its "Show as table" numbers. They are functions of a simulation
// or of rows of a sensitivity analysis, not of one analyse() result, so they are not in
// src/lib/figures.ts's FIGURES (whose entries draw from a result); and a module of their own keeps
// their code out of the other pages' figure bundle. drawRobustnessFigure makes a drawing
// accessible exactly as drawFigure does (tests/robustness-charts.test.ts checks that the two
// agree on a report figure), so a page can treat both kinds alike.
import { accessibleFigure } from '../charts/shared.ts';
import type { NullWorld } from '../analysis/nullWorld.ts';
import type { ChartOptions, ChartTable, Figure } from '../charts/types.ts';
import { describeNullWorld, nullWorldChart, tableNullWorld } from '../charts/nullWorld.ts';
import { describeGapCurve, gapCurveChart, tableGapCurve, type GapCurveMeasure, type GapCurveRow } from '../charts/gapCurve.ts';
import { describeIts, itsChart, tableIts, type ItsFit, type ItsMonth } from '../charts/its.ts';
import { describeLeaveOneOut, leaveOneOutChart, tableLeaveOneOut, type LeaveOneOutRow } from '../charts/leaveOneOut.ts';
import { describeSpecificationCurve, specificationCurveChart, tableSpecificationCurve, type CurrentSpecification, type SpecificationRow } from '../charts/specificationCurve.ts';

/** What each robustness figure is drawn from. */
export interface RobustnessFigureData {
  nullWorld: { dist: NullWorld; observed: number | null };
  gapCurve: { rows: readonly GapCurveRow[] } & GapCurveMeasure;
  its: { monthly: readonly ItsMonth[]; its: ItsFit; gap?: number; measure?: 'events' | 'harm' };
  leaveOneOut: { rows: readonly LeaveOneOutRow[]; full: number | null };
  specificationCurve: { specs: readonly SpecificationRow[]; current?: CurrentSpecification };
}
export type RobustnessFigureName = keyof RobustnessFigureData;

export interface DataFigureSpec<D> {
  title: string;
  draw(data: D, options: ChartOptions): Figure;
  describe(data: D): string;
  table(data: D): ChartTable;
}

export const ROBUSTNESS_FIGURES: { [K in RobustnessFigureName]: DataFigureSpec<RobustnessFigureData[K]> } = {
  nullWorld: {
    title: 'Falls in arrests in a world where orders do nothing',
    draw: (d, o) => nullWorldChart(d.dist, d.observed, o),
    describe: (d) => describeNullWorld(d.dist, d.observed),
    table: (d) => tableNullWorld(d.dist, d.observed),
  },
  gapCurve: {
    title: 'The reduction as the months around the order are left out',
    draw: (d, o) => gapCurveChart(d.rows, { ...o, measure: d.measure, weights: d.weights }),
    describe: (d) => describeGapCurve(d.rows, d),
    table: (d) => tableGapCurve(d.rows, d),
  },
  its: {
    title: 'Monthly totals with an interrupted time series',
    draw: (d, o) => itsChart(d.monthly, d.its, { ...o, gap: d.gap, measure: d.measure }),
    describe: (d) => describeIts(d.monthly, d.its, d),
    table: (d) => tableIts(d.monthly, d.its, d),
  },
  leaveOneOut: {
    title: "Each person's influence on the reduction",
    draw: (d, o) => leaveOneOutChart(d.rows, d.full, o),
    describe: (d) => describeLeaveOneOut(d.rows, d.full),
    table: (d) => tableLeaveOneOut(d.rows, d.full),
  },
  specificationCurve: {
    title: 'Every combination of the analyst\'s choices: a specification curve',
    draw: (d, o) => specificationCurveChart(d.specs, d.current, o),
    describe: (d) => describeSpecificationCurve(d.specs, d.current),
    table: (d) => tableSpecificationCurve(d.specs, d.current),
  },
};

/** Draw a robustness figure as the page shows it (one image to assistive technology; see drawFigure). */
export function drawRobustnessFigure<K extends RobustnessFigureName>(name: K, data: RobustnessFigureData[K], options: ChartOptions): Figure {
  return accessibleFigure(ROBUSTNESS_FIGURES[name].draw(data, options));
}

export { accessibleFigure };
