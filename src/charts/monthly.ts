// Monthly totals across the window: months −W … −1 before the order, 1 … W after it, with a
// dashed rule at 0 where the order is issued (there is no month 0). Over the months after the
// order runs the fitted straight line the trend test describes (intercept + slope × month), so
// the reader sees the slope the text reports. Months are on a continuous axis so the rule and
// the line sit at true positions; each bar is 0.8 month wide. A month with 0 draws no bar and
// is listed in the table. monthlyHarmChart is the article's third chart; monthlyEventsChart the same for arrests.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { MonthTotal } from '../analysis/tables.ts';
import { formatEstimate, formatNumber, formatPEquals } from '../lib/format.ts';
import { periodColors } from './palette.ts';
import { NO_CATEGORY, change, formatMonth, frame, integerTicks, messageFigure } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

type Which = 'events' | 'harm';

const WORDS = {
  events: { title: 'Arrests', noun: 'they', unit: '', slopeUnit: ' arrests', label: 'Arrests per month', aria: 'Arrests per month before and after the order' },
  harm: { title: 'Total harm (CCHI days)', noun: 'it', unit: ' days', slopeUnit: ' days', label: 'Harm per month (CCHI days)', aria: 'Harm per month before and after the order' },
} as const;

/** Tick months: ±1 and multiples of a step up to ±W (always including ±W). */
export function monthTicks(window: number): number[] {
  const step = window <= 6 ? 1 : window <= 12 ? 3 : 6;
  const after = new Set([1, window]);
  for (let m = step; m <= window; m += step) after.add(m);
  const sorted = [...after].sort((a, b) => a - b);
  return [...sorted.map((m) => -m).reverse(), ...sorted];
}

/** The fitted line's two ends (months 1 and W), or none when the trend could not be fitted. */
export function trendLine(result: AnalysisResult, which: Which): { month: number; value: number }[] {
  const { slope, intercept } = result.trend[which];
  if (slope === null || intercept === null) return [];
  return [1, result.window].map((month) => ({ month, value: intercept + slope * month }));
}

function describeMonthly(result: AnalysisResult, which: Which): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const w = WORDS[which];
  const trend = result.trend[which];
  const slope =
    trend.slope === null
      ? `No trend line is drawn after the order: ${trend.reason ?? 'it cannot be fitted'}.`
      : trend.slope === 0
        ? `After the order the fitted line is flat (${formatPEquals(trend.p)}).`
        : `After the order the fitted line ${trend.slope < 0 ? 'falls' : 'rises'} by ${formatEstimate(Math.abs(trend.slope))}${w.slopeUnit} a month (${formatPEquals(trend.p)}).`;
  const lead =
    `${w.title} in each of the ${formatNumber(result.window)} months before and after the order. ` +
    `Summed over the months, ${w.noun} ${change(result[which], w.unit)}.`;
  return `${lead} ${slope}`;
}

function tableMonthly(result: AnalysisResult, which: Which): ChartTable {
  const trend = result.trend[which];
  const fitted = (m: number) =>
    m > 0 && trend.slope !== null && trend.intercept !== null ? formatEstimate(trend.intercept + trend.slope * m) : '';
  const withTrend = trend.slope !== null && trend.intercept !== null;
  return {
    caption: `${WORDS[which].label}, months relative to the order${withTrend ? ', with the fitted line after the order' : ''}`,
    columns: ['Month', WORDS[which].label, ...(withTrend ? ['Fitted line'] : [])],
    rows: result.categories.length === 0 ? [] : result.monthly.map((m) => [formatMonth(m.month), formatNumber(m[which]), ...(withTrend ? [fitted(m.month)] : [])]),
  };
}

function monthlyChart(result: AnalysisResult, which: Which, options: ChartOptions): Figure {
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, WORDS[which].aria, describeMonthly(result, which));
  const W = result.window;
  const bar = { x1: (d: MonthTotal) => d.month - 0.4, x2: (d: MonthTotal) => d.month + 0.4, y: which };
  const line = trendLine(result, which);
  const values = [...result.monthly.map((m) => m[which]), ...line.map((p) => p.value)];
  const top = Math.max(1, ...values);
  return Plot.plot({
    ...frame(options, WORDS[which].aria, describeMonthly(result, which)),
    height: 320,
    marginTop: 30,
    x: { domain: [-W - 0.5, W + 0.5], ticks: monthTicks(W), tickFormat: formatMonth, label: 'Months before (−) and after (+) the order' },
    y: { domain: [Math.min(0, ...values), top], nice: true, grid: true, ticks: Math.min(0, ...values) < 0 ? undefined : integerTicks(top), label: WORDS[which].label, tickFormat: formatNumber },
    marks: [
      Plot.rectY(result.monthly.filter((m) => m.month < 0), { ...bar, fill: periodColors.pre }),
      Plot.rectY(result.monthly.filter((m) => m.month > 0), { ...bar, fill: periodColors.post }),
      Plot.ruleY([0]),
      Plot.ruleX([0], { strokeDasharray: '4,3' }),
      Plot.text(['Order issued'], { x: 0, frameAnchor: 'top', dy: -14, fontSize: 11 }),
      Plot.line(line, { x: 'month', y: 'value', stroke: 'black', strokeWidth: 2.5 }),
      // a white halo keeps the label readable where it crosses a bar
      Plot.text(line.slice(0, 1), { x: 'month', y: 'value', text: () => 'fitted line', textAnchor: 'start', dy: -12, fontSize: 11, fill: 'black', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  });
}

export const describeMonthlyHarm = (result: AnalysisResult): string => describeMonthly(result, 'harm');
export const tableMonthlyHarm = (result: AnalysisResult): ChartTable => tableMonthly(result, 'harm');
export const monthlyHarmChart = (result: AnalysisResult, options: ChartOptions = {}): Figure => monthlyChart(result, 'harm', options);

export const describeMonthlyEvents = (result: AnalysisResult): string => describeMonthly(result, 'events');
export const tableMonthlyEvents = (result: AnalysisResult): ChartTable => tableMonthly(result, 'events');
export const monthlyEventsChart = (result: AnalysisResult, options: ChartOptions = {}): Figure => monthlyChart(result, 'events', options);
