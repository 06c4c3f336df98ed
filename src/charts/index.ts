// The figure layer: one pure function per figure (AnalysisResult → Plot figure), each with its
// plain-English description and its "show as table" alternative. Re-exports only.

// Types and colours
export type { ChartOptions, ChartTable, Figure } from './types.ts';
export { AFTER_OPACITY, CATEGORY_COLORS, EXTRA_COLORS, categoryColor, colorScale, periodColors } from './palette.ts';
export { DEFAULT_WIDTH } from './shared.ts';

// Headline: every event as a square
export { GAP, blockColumns, describeEventUnits, eventUnits, eventUnitsChart, tableEventUnits, unitRect } from './eventUnits.ts';
export type { Unit } from './eventUnits.ts';

// Before and after, by category
export { describeEventsByCategory, eventsByCategoryChart, tableEventsByCategory } from './eventsByCategory.ts';
export { describeHarmByCategory, harmByCategoryChart, tableHarmByCategory } from './harmByCategory.ts';

// Person by person
export { describePerOrder, perOrderChart, perOrderRows, tablePerOrder } from './perOrder.ts';

// Month by month
export {
  describeMonthlyEvents,
  describeMonthlyHarm,
  monthTicks,
  monthlyEventsChart,
  monthlyHarmChart,
  tableMonthlyEvents,
  tableMonthlyHarm,
  trendLine,
} from './monthly.ts';
export { describeScatter, scatterChart, tableScatter } from './scatter.ts';

// The sample
export { DATA_REASON, FOLLOWUP_REASON, describeSampleFlow, sampleFlowChart, sampleSteps, tableSampleFlow } from './sampleFlow.ts';
