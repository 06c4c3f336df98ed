// Monthly totals across the window: months −W … −1 before the order, 1 … W after it, with a
// dashed rule at 0 where the order is issued (there is no month 0). Over the months after the
// order runs the fitted straight line the trend test describes (intercept + slope × month), so
// the reader sees the slope the text reports. Months are on a continuous axis so the rule and
// the line sit at true positions; each bar is 0.8 month wide. A month with 0 draws no bar and
// is listed in the table. monthlyHarmChart is the article's third chart; monthlyEventsChart the same for arrests.
// A straight line can cross zero where the counts approach it (harm in the default view does, near
// the end). The line is drawn as fitted, below zero if need be, and the description and the
// table caption say where it goes below zero and that it is a summary of the trend, not a forecast.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { MonthTotal } from '../analysis/tables.ts';
import { formatEstimate, formatNumber, formatPEquals } from '../lib/format.ts';
import { count } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { NO_CATEGORY, formatMonth, frame, fromTo, integerTicks, messageFigure } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

type Which = 'events' | 'harm';

const WORDS = {
  events: { title: 'Arrests', what: 'arrests', noun: 'they', unit: 'arrest', label: 'Arrests per month', aria: 'Arrests per month before and after the order' },
  harm: { title: 'Total harm (CCHI days)', what: 'harm', noun: 'it', unit: 'day', label: 'Harm per month (CCHI days)', aria: 'Harm per month before and after the order' },
} as const;

/** Tick months: ±1 and multiples of a step up to ±W (always including ±W). */
function monthTicks(window: number): number[] {
  const step = window <= 6 ? 1 : window <= 12 ? 3 : 6;
  const after = new Set([1, window]);
  for (let m = step; m <= window; m += step) after.add(m);
  const sorted = [...after].sort((a, b) => a - b);
  return [...sorted.map((m) => -m).reverse(), ...sorted];
}

/** The fitted line's two ends (months 1 and W), or none when the trend could not be fitted. */
function trendLine(result: AnalysisResult, which: Which): { month: number; value: number }[] {
  const { slope, intercept } = result.trend[which];
  if (slope === null || intercept === null) return [];
  return [1, result.window].map((month) => ({ month, value: intercept + slope * month }));
}

/**
 * Where the fitted line is below zero within months 1 … W, as the range of whole months, or null.
 * The line is straight, so those months are at one end: from some month to W (falling) or from 1 (rising).
 */
function belowZero(result: AnalysisResult, which: Which): { from: number; to: number } | null {
  const { slope, intercept } = result.trend[which];
  if (slope === null || intercept === null) return null;
  const below = Array.from({ length: result.window }, (_, k) => k + 1).filter((m) => intercept + slope * m < 0);
  return below.length === 0 ? null : { from: below[0], to: below.at(-1)! };
}

/** The sentence that says so, or '' when the line stays at or above zero. */
function belowZeroWarning(result: AnalysisResult, which: Which): string {
  const below = belowZero(result, which);
  if (!below) return '';
  const where =
    below.from === 1 && below.to === result.window ? 'is below zero in every month after the order'
      : below.from === 1 ? `is below zero up to month ${formatNumber(below.to)}`
        : `goes below zero by month ${formatNumber(below.from)}`;
  return `The straight-line fit ${where}; ${WORDS[which].what} cannot be negative, so read the line as a summary of the trend, not a forecast.`;
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
        : `After the order the fitted line ${trend.slope < 0 ? 'falls' : 'rises'} by ${perMonth(Math.abs(trend.slope), w.unit)} a month (${formatPEquals(trend.p)}).`;
  const months = count(result.window, 'month');
  const total = which === 'harm' ? (n: number) => count(n, 'day') : formatNumber;
  const lead =
    `${w.title} month by month, ${months} before and ${months} after the order. ` +
    `Summed over the months, ${w.noun} ${fromTo(result[which], total)}.`;
  return [lead, slope, belowZeroWarning(result, which)].filter(Boolean).join(' ');
}

/** "0.327 arrests", "1 arrest", "26.3 days": the slope as formatted, with its noun agreeing (the one count()). */
function perMonth(size: number, unit: string): string {
  return count(size, unit, `${unit}s`, formatEstimate);
}

function tableMonthly(result: AnalysisResult, which: Which): ChartTable {
  const trend = result.trend[which];
  const fitted = (m: number) =>
    m > 0 && trend.slope !== null && trend.intercept !== null ? formatEstimate(trend.intercept + trend.slope * m) : '';
  const withTrend = trend.slope !== null && trend.intercept !== null;
  const warning = result.categories.length === 0 ? '' : belowZeroWarning(result, which);
  return {
    caption: `${WORDS[which].label}, months relative to the order${withTrend ? ', with the fitted line after the order' : ''}${warning ? `. ${warning}` : ''}`,
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
