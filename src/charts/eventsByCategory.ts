// Arrests before vs after the order, one pair of bars per offence category.
// The overall totals are in the text, not drawn as a fifth group: a total bar would dwarf the
// categories and invite comparing a whole with its parts. Bars start at zero and carry their numbers.

import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { categoryList, count, gapWords } from '../lib/wording.ts';
import { periodBarsChart, periodBarsTable, studyBarsWords } from './periodBars.ts';
import { NO_CATEGORY, fromTo, withStudy } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export function describeEventsByCategory(result: AnalysisResult, study?: AnalysisResult, _ownData?: boolean, studyScale = false): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const parts = result.categories.map((c) => {
    const m = result.byCategory[c].events;
    return `${result.categoryNames[c]} ${formatNumber(m.pre)} before and ${formatNumber(m.post)} after`;
  });
  return (
    `Arrests in the ${count(result.window, 'month')} before and after each order${gapWords(result)}, by category: ${parts.join('; ')}. ` +
    `In all, arrests for ${categoryList(result)} ${fromTo(result.events)}.`
  ) + withStudy(studyBarsWords(result, 'events', study, studyScale));
}

export function tableEventsByCategory(result: AnalysisResult, study?: AnalysisResult): ChartTable {
  return periodBarsTable(result, 'events', `Arrests in the ${count(result.window, 'month')} before and after the order${gapWords(result)}, by category`, study);
}

export function eventsByCategoryChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  return periodBarsChart(
    result,
    'events',
    { ariaLabel: 'Arrests before and after the order, by category', yLabel: 'Arrests', description: describeEventsByCategory(result, options.study, options.ownData, options.studyScale) },
    options,
  );
}
