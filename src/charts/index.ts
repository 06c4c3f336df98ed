// The figure layer: one pure function per figure (AnalysisResult → Plot figure), each with its
// plain-English description and its "show as table" alternative. Re-exports only. The app
// imports the figure files directly (src/lib/figures.ts); this index is what the tests use.

// Types and colours
export type { ChartOptions, ChartTable, Figure } from './types.ts';
export { CATEGORY_COLORS, EXTRA_COLORS, categoryColor, categoryStroke, colorScale } from './palette.ts';

// Headline: every event as a square
export { UNITS_HELP, describeEventUnits, describePerson, eventGhosts, eventUnits, eventUnitsChart, ghostCount, ghostWords, nextPerson, personSummary, personUnits, squaresTransform, tableEventUnits, unitBox, unitBoxes, unitRuns, unitsPath } from './eventUnits.ts';
export type { Box, Ghost, PersonSummary, Run, Unit } from './eventUnits.ts';

// Before and after, by category
export { describeEventsByCategory, eventsByCategoryChart, tableEventsByCategory } from './eventsByCategory.ts';
export { describeHarmByCategory, harmByCategoryChart, tableHarmByCategory } from './harmByCategory.ts';

// Person by person
export { describePerOrder, perOrderChart, tablePerOrder } from './perOrder.ts';

// Month by month
export { describeMonthlyEvents, describeMonthlyHarm, monthlyEventsChart, monthlyHarmChart, tableMonthlyEvents, tableMonthlyHarm } from './monthly.ts';
export { describeScatter, scatterChart, tableScatter } from './scatter.ts';

// The sample
export { describeSampleFlow, sampleFlowChart, tableSampleFlow } from './sampleFlow.ts';

// How robust is it? Figures of plain data (a simulation, sensitivity rows), not of one result
export { describeNullWorld, fallBins, nullWorldChart, tableNullWorld } from './nullWorld.ts';
export type { FallBin } from './nullWorld.ts';
export { describeGapCurve, gapCurveChart, gapCurveMeasureWords, tableGapCurve } from './gapCurve.ts';
export type { GapCurveMeasure, GapCurveOptions, GapCurveRow } from './gapCurve.ts';
export { describeIts, itsChart, itsLines, tableIts } from './its.ts';
export type { ItsChartOptions, ItsFit, ItsMonth } from './its.ts';
export { describeLeaveOneOut, leaveOneOutChart, tableLeaveOneOut } from './leaveOneOut.ts';
export type { LeaveOneOutRow } from './leaveOneOut.ts';
export { SPECIFICATION_HELP, choiceRows, describeSpecification, describeSpecificationCurve, rankSpecifications, specificationCurveChart, tableSpecificationCurve } from './specificationCurve.ts';
export type { CurrentSpecification, SpecificationRow } from './specificationCurve.ts';
export { formatPoints, reductionCell } from './robustnessShared.ts';
