// Total harm before vs after the order, one pair of bars per offence category. Harm is the
// Cambridge Crime Harm Index: each offence weighted by its starting-point sentence in days, so a
// few serious offences can outweigh many minor ones; that is why this figure differs from the arrests.

import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { categoryList, count, gapWords } from '../lib/wording.ts';
import { periodBarsChart, periodBarsTable, studyBarsWords } from './periodBars.ts';
import { NO_CATEGORY, fromTo, withStudy } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export function describeHarmByCategory(result: AnalysisResult, study?: AnalysisResult, _ownData?: boolean, studyScale = false): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const parts = result.categories.map((c) => {
    const m = result.byCategory[c].harm;
    return `${result.categoryNames[c]} ${formatNumber(m.pre)} before and ${formatNumber(m.post)} after`;
  });
  return (
    `Total harm (CCHI days) in the ${count(result.window, 'month')} before and after each order${gapWords(result)}, by category: ${parts.join('; ')}. ` +
    `In all, total harm for ${categoryList(result)} ${fromTo(result.harm, (n) => count(n, 'day'))}.`
  ) + withStudy(studyBarsWords(result, 'harm', study, studyScale));
}

export function tableHarmByCategory(result: AnalysisResult, study?: AnalysisResult): ChartTable {
  return periodBarsTable(result, 'harm', `Total harm (CCHI days) in the ${count(result.window, 'month')} before and after the order${gapWords(result)}, by category`, study);
}

export function harmByCategoryChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  return periodBarsChart(
    result,
    'harm',
    { ariaLabel: 'Total harm before and after the order, by category', yLabel: options.ownData ? 'Harm (days)' : 'Harm (CCHI days)', description: describeHarmByCategory(result, options.study, options.ownData, options.studyScale) },
    options,
  );
}
