// Do months with more arrests also carry more harm? One dot per month: arrests across, total
// harm up. Months before the order are filled dark dots, months after are mid-grey rings, so the
// two periods separate in greyscale too; the key above the plot uses the same marks. Both axes start at zero because
// both are counts. Pearson's r and its p are in the text alternative, not only on a hover.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatEstimate, formatNumber, formatPEquals } from '../lib/format.ts';
import { count } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { NO_CATEGORY, formatMonth, frame, integerTicks, messageFigure, periodKey, periodLabel } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

const DOT = { r: 4 };
const RING = { r: 4.5, strokeWidth: 1.75 };

export function describeScatter(result: AnalysisResult): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const { r, p, reason } = result.correlation.pearson;
  const months = result.monthly.length;
  const lead =
    `Arrests against total harm (CCHI days) for each of the ${count(months, 'month')}, ` +
    `${formatNumber(result.window)} before and ${formatNumber(result.window)} after the order.`;
  const stat =
    r === null
      ? `Pearson's correlation cannot be computed: ${reason ?? 'not enough variation'}.`
      : `Pearson's r = ${formatEstimate(r)} (${formatPEquals(p)}).`;
  return `${lead} ${stat}`;
}

export function tableScatter(result: AnalysisResult): ChartTable {
  return {
    caption: 'Arrests and total harm (CCHI days) in each month relative to the order',
    columns: ['Month', 'Period', 'Arrests', 'Harm (CCHI days)'],
    rows: result.categories.length === 0 ? [] : result.monthly.map((m) => [formatMonth(m.month), periodLabel(m.month < 0 ? 'pre' : 'post'), formatNumber(m.events), formatNumber(m.harm)]),
  };
}

export function scatterChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  const ariaLabel = 'Arrests against harm, month by month';
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, ariaLabel, describeScatter(result));
  const pre = result.monthly.filter((m) => m.month < 0);
  const post = result.monthly.filter((m) => m.month > 0);
  const top = (key: 'events' | 'harm') => Math.max(1, ...result.monthly.map((m) => m[key]));
  return Plot.plot({
    ...frame(options, ariaLabel, describeScatter(result)),
    height: 380,
    x: { domain: [0, top('events')], nice: true, grid: true, ticks: integerTicks(top('events')), label: 'Arrests in the month', tickFormat: formatNumber },
    y: { domain: [0, top('harm')], nice: true, grid: true, ticks: integerTicks(top('harm')), label: 'Harm in the month (CCHI days)', tickFormat: formatNumber },
    marginTop: 40,
    marks: [
      ...periodKey(RING, DOT),
      Plot.dot(pre, { x: 'events', y: 'harm', fill: periodColors.pre, ...DOT }),
      Plot.dot(post, { x: 'events', y: 'harm', stroke: periodColors.post, fill: 'none', ...RING }),
    ],
  });
}

