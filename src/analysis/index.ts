// The analysis engine: pure functions, no DOM and no I/O. Text in, plain JSON out.
// The same module runs in Node (CLI, tests, static build) and in the reader's browser.

// Input: parsing and validation
export { parseDataset, validateDataset, eventsCsv, ORDER_COLUMNS, EVENT_COLUMNS, DEFAULT_DESIGN_WINDOW, MAX_MONTHS } from './validate.ts';
export type { Source, SourceBytes, SourceText, ValidateOptions, Validation } from './validate.ts';
export { parseCsv, readCsv, decodeCsvBytes } from './csv.ts';
export { DataError, OptionError, problem, problemLine, problemsCsv, neutraliseCell } from './errors.ts';
export type { Problem } from './errors.ts';
export { monthOffset, addMonths, parseIsoDate, inQuarter } from './months.ts';

// Analysis
export { analyse, resolveOptions } from './analyse.ts';
export type { AnalysisResult, Measure, PairedTest, Trend, PerOrderRow } from './analyse.ts';
export { reduction, reductionInterval, reductionIntervals, bootstrapDraws, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, BOOTSTRAP_LEVEL } from './reduction.ts';
export { analysedMonths, eventHarms, inWindow, monthlyTotals, perOrderTotals, windowedEvents } from './tables.ts';
export type { MonthTotal } from './tables.ts';

// Robustness: every reasonable specification at once
export { specificationCurve, specificationWindows, SPECIFICATION_ALPHA, SPECIFICATION_GAPS, SPECIFICATION_TESTS, SPECIFICATION_WEIGHTS, SPECIFICATION_WINDOWS } from './specificationCurve.ts';
export type { Specification, SpecificationCurve, SpecificationTest } from './specificationCurve.ts';

// Categories and types
export { STUDY_CATEGORIES, categoryName, sortCategories } from './categories.ts';
export type { AnalysisOptions, Dataset, HarmIndex, HarmSource, OffendingEvent, Order, Sample, StudyManifest, WeightSet } from './types.ts';
export { SAMPLES, WEIGHT_COLUMNS, WEIGHT_SETS } from './types.ts';

// Robustness: regression to the mean (a null world where orders do nothing) and time at liberty
export { nullWorld, NULL_WORLD_SEED, NULL_WORLD_COHORTS, NULL_WORLD_POPULATION, NULL_WORLD_LOOKBACK, NULL_WORLD_CROSSING_SHARE } from './nullWorld.ts';
export type { NullWorld, NullWorldOptions, NullWorldParameters } from './nullWorld.ts';
export { timeAtLiberty, timeAtLibertyByPerson } from './timeAtLiberty.ts';
export type { LibertyByPerson, LibertyRates, LibertyWhatIf } from './timeAtLiberty.ts';
export { UNAVAILABLE_COLUMNS } from './validate.ts';
