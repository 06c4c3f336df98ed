// Every figure of the report by name: its title, how to draw it, its text alternative and its
// table. The build and the browser both go through this list, so a figure is always the same
// function of the same result.
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import type { ChartOptions, ChartTable, Figure } from '../charts/types.ts';
import { accessibleFigure } from '../charts/shared.ts';
import { describeEventUnits, eventUnits, eventUnitsChart, tableEventUnits } from '../charts/eventUnits.ts';
import { describeEventsByCategory, eventsByCategoryChart, tableEventsByCategory } from '../charts/eventsByCategory.ts';
import { describeHarmByCategory, harmByCategoryChart, tableHarmByCategory } from '../charts/harmByCategory.ts';
import { describePerOrder, perOrderChart, tablePerOrder } from '../charts/perOrder.ts';
import { describeMonthlyEvents, describeMonthlyHarm, monthlyEventsChart, monthlyHarmChart, tableMonthlyEvents, tableMonthlyHarm } from '../charts/monthly.ts';
import { describeScatter, scatterChart, tableScatter } from '../charts/scatter.ts';
import { describeSampleFlow, sampleFlowChart, tableSampleFlow } from '../charts/sampleFlow.ts';

export interface FigureSpec {
  title: string;
  draw(result: AnalysisResult, dataset: Dataset, options: ChartOptions): Figure;
  /** The text alternative; given the study's result, it also names the study's values wherever the figure traces them. */
  describe(result: AnalysisResult, study?: AnalysisResult, ownData?: boolean, studyScale?: boolean): string;
  /** The "Show as table" numbers; given the study's result, with the study's values in extra columns where traced. */
  table(result: AnalysisResult, study?: AnalysisResult, ownData?: boolean): ChartTable;
  /**
   * Whether the figure draws a trace of the study's view, and so offers "keep the study's scale":
   * 'harm' for a figure that draws harm, whose trace follows the harm weights too; 'events' for one
   * that draws only arrests.
   */
  traced?: 'events' | 'harm';
}

const plain = (chart: (r: AnalysisResult, o: ChartOptions) => Figure) => (r: AnalysisResult, _d: Dataset, o: ChartOptions) => chart(r, o);

export const FIGURES = {
  eventUnits: {
    title: 'Every arrest, before and after the order',
    draw: (r, d, o) => eventUnitsChart(eventUnits(d, r), r, o),
    describe: describeEventUnits,
    table: tableEventUnits,
  },
  eventsByCategory: { title: 'Arrests by category, before and after', draw: plain(eventsByCategoryChart), describe: describeEventsByCategory, table: tableEventsByCategory, traced: 'events' },
  harmByCategory: { title: 'Total harm by category, before and after', draw: plain(harmByCategoryChart), describe: describeHarmByCategory, table: tableHarmByCategory, traced: 'harm' },
  perOrder: { title: 'Each person\'s arrests, before and after', draw: plain(perOrderChart), describe: describePerOrder, table: tablePerOrder, traced: 'events' },
  monthlyHarm: { title: 'Total harm per month, with the trend after the order', draw: plain(monthlyHarmChart), describe: describeMonthlyHarm, table: tableMonthlyHarm, traced: 'harm' },
  monthlyEvents: { title: 'Arrests per month, with the trend after the order', draw: plain(monthlyEventsChart), describe: describeMonthlyEvents, table: tableMonthlyEvents, traced: 'events' },
  scatter: { title: 'Monthly arrests against monthly harm', draw: plain(scatterChart), describe: describeScatter, table: tableScatter, traced: 'harm' },
  sampleFlow: { title: 'From the register to the analysed sample', draw: plain(sampleFlowChart), describe: describeSampleFlow, table: tableSampleFlow },
} as const satisfies Record<string, FigureSpec>;
export type FigureName = keyof typeof FIGURES;

/**
 * The widths figures are drawn at in the build. Each chart is drawn twice: at FIGURE_WIDTH for
 * columns of 640px and more, and at NARROW_WIDTH for phones, and CSS shows the one that fits
 * (src/components/Figure.astro), so a phone reads chart text at the size drawn without waiting
 * for script. 320px fits the column of every phone from 360px to 412px wide (320–372px, with the
 * page's 20px margins) within the 20% the client tolerates (src/client/figureWidth.ts); on other
 * widths the browser redraws the chart at its column's width (src/client/figures.ts).
 */
export const FIGURE_WIDTH = 640;
export const NARROW_WIDTH = 320;

/**
 * Draw a figure as the page shows it. Each chart is one image to assistive technology: its
 * <svg> gets role="img" with Plot's aria-label and description (generated from the result), and
 * the mark groups, which Plot labels with their mark type ("bar", "rect"), are hidden from it and
 * keep that name as data-mark instead. The caption and the table carry the same numbers as text.
 */
export function drawFigure(name: FigureName, result: AnalysisResult, dataset: Dataset, options: ChartOptions): Figure {
  return accessibleFigure(FIGURES[name].draw(result, dataset, options));
}
