// Monthly totals across the window: months −W … −1 before the order, 1 … W after it, with a
// dashed rule at 0 where the order is issued (there is no month 0). Over the months after the
// order runs the fitted straight line the trend test describes (intercept + slope × month), so
// the reader sees the slope the text reports. The key, not a label in the plot, names the rule and
// the line, so no text sits on a bar. Months are on a continuous axis so the rule and
// the line sit at true positions; each bar is 0.8 month wide. A month with 0 draws no bar and
// is listed in the table. monthlyHarmChart is the article's third chart; monthlyEventsChart the same for arrests.
// A straight line can cross zero where the counts approach it (harm in the default view does, near
// the end). The axis stops at zero, because neither arrests nor harm can be negative, so the line is
// cut where it leaves the chart; the description and the table caption say where it goes below
// zero (the table keeps its fitted values) and that it is a summary of the trend, not a forecast.
//
// The month ticks are spaced for the width drawn: every month when there is room, otherwise every
// 2, 3, 6 or 12 months. When the view differs from the study's, dashed outlines show the study's
// monthly totals behind the bars; keeping the study's scale fixes the months at the study's window
// and the value axis at the study's highest month. Otherwise the value axis fits the view shown,
// and a study's month beyond it is cut at the top of the plot and marked there with an arrowhead;
// the description says how many months are cut, and the table gives their numbers.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatEstimate, formatNumber, formatPEquals } from '../lib/format.ts';
import { count, monthsAfterWords, noStep } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { FITTED, LEFT_OUT, NO_CATEGORY, ORDER_RULE, STUDY, STUDY_CLASS, axisEnd, countTicks, cutWords, formatMonth, frame, fromTo, legendKey, messageFigure, ownScaleWords, studyCutMark, studyTrace, studyViewWords, tableMonths, widthOf } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

type Which = 'events' | 'harm';

const WORDS = {
  events: { title: 'Arrests', what: 'arrests', noun: 'they', unit: 'arrest', label: 'Arrests per month', aria: 'Arrests per month before and after the order' },
  harm: { title: 'Total harm (CCHI days)', what: 'harm', noun: 'it', unit: 'day', label: 'Harm per month (CCHI days)', aria: 'Harm per month before and after the order' },
} as const;

/** Pixels between two tick labels such as "−24" at the chart's text size. */
const TICK_ROOM = 34;

/**
 * Tick months for a window of ±W drawn `span` pixels wide: multiples of the smallest step (1, 2,
 * 3, 6, 12, 24) that leaves TICK_ROOM between labels, and ±W when it does not crowd the last
 * multiple. Months ±1 are labelled only as multiples of a step of 1: with a larger step, month 1
 * is less than TICK_ROOM from the step's first multiple (else that step would be 1), so "+1" and
 * "+2" would run together.
 */
function monthTicks(window: number, span: number): number[] {
  const px = span / (2 * window + 1);
  const step = [1, 2, 3, 6, 12, 24].find((s) => s * px >= TICK_ROOM) ?? 24;
  const after = new Set<number>();
  for (let m = step; m <= window; m += step) after.add(m);
  const last = Math.max(0, ...after);
  if (window !== last && (window - last) * px >= TICK_ROOM) after.add(window);
  if (after.size === 0) after.add(window);
  const sorted = [...after].sort((a, b) => a - b);
  return [...sorted.map((m) => -m).reverse(), ...sorted];
}

/** The fitted line's two ends (months K+1 and W, the months it was fitted to), or none when the trend could not be fitted. */
function trendLine(result: AnalysisResult, which: Which): { month: number; value: number }[] {
  const { slope, intercept } = result.trend[which];
  if (slope === null || intercept === null) return [];
  return [result.gap + 1, result.window].map((month) => ({ month, value: intercept + slope * month }));
}

/**
 * Where the fitted line is below zero within months K+1 … W (the months it covers, after any gap), as
 * the range of whole months, or null. The line is straight, so those months are at one end: from some
 * month to W (falling) or from K+1 (rising).
 */
function belowZero(result: AnalysisResult, which: Which): { from: number; to: number } | null {
  const { slope, intercept } = result.trend[which];
  if (slope === null || intercept === null) return null;
  const below = Array.from({ length: result.window - result.gap }, (_, k) => result.gap + k + 1).filter((m) => intercept + slope * m < 0);
  return below.length === 0 ? null : { from: below[0], to: below.at(-1)! };
}

/** The sentence that says so, or '' when the line stays at or above zero. */
function belowZeroWarning(result: AnalysisResult, which: Which): string {
  const below = belowZero(result, which);
  if (!below) return '';
  const where =
    below.from === result.gap + 1 && below.to === result.window ? `is below zero in every month ${result.gap > 0 ? 'it covers ' : ''}after the order`
      : below.from === result.gap + 1 ? `is below zero up to month ${formatNumber(below.to)}`
        : `goes below zero by month ${formatNumber(below.from)}`;
  return `The straight-line fit ${where}; ${WORDS[which].what} cannot be negative, so read the line as a summary of the trend, not a forecast.`;
}

/** The study's totals for the months of the view shown, which the trace draws, or [] when the view is the study's. */
export function studyMonths(result: AnalysisResult, which: Which, study: AnalysisResult | undefined): { month: number; value: number }[] {
  const traced = studyTrace(result, study, which === 'harm');
  // only the months of the view shown, so the table can list each one beside the view's own
  return traced ? traced.monthly.filter((m) => Math.abs(m.month) <= result.window).map((m) => ({ month: m.month, value: m[which] })) : [];
}

/** The highest value the view draws (its months and its fitted line): the value axis runs to axisEnd of it, or further to keep the study's scale. */
function ownTop(result: AnalysisResult, which: Which): number {
  return Math.max(1, ...result.monthly.map((m) => m[which]), ...trendLine(result, which).map((p) => p.value));
}

function studyWords(result: AnalysisResult, which: Which, study: AnalysisResult | undefined, studyScale: boolean): string {
  const traced = studyTrace(result, study, which === 'harm');
  if (!traced) return '';
  const total = which === 'harm' ? (n: number) => count(n, 'day') : formatNumber;
  // Said for the view's own scale, which is the figure's unless the reader keeps the study's.
  const end = axisEnd(ownTop(result, which));
  const cut = studyMonths(result, which, study).filter((m) => m.value > end).length;
  const beyond = cutWords(cut, studyScale, ` At ${ownScaleWords(end)}, ${formatNumber(cut)} of the study's months ${cut === 1 ? 'goes' : 'go'} beyond the axis: ${cut === 1 ? 'its outline is' : 'their outlines are'} cut at the top and marked there with an arrowhead; the table gives the numbers.`);
  // A shorter window of the same categories counts the same in each month it shows: the outlines lie on
  // the bars, and a reader looking for them is told so (a police leader found none at ?w=12).
  const shown = studyMonths(result, which, study);
  const own = new Map(result.monthly.map((m) => [m.month, m[which]]));
  const same = shown.length > 0 && shown.every((m) => own.get(m.month) === m.value) ? ' In the months shown the two views count the same, so the outlines lie on the bars; the study\'s other months are outside this chart.' : '';
  return `Dashed outlines show the months of ${studyViewWords(traced, result, which === 'harm')}, in which ${WORDS[which].what} ${fromTo(traced[which], total)}.${same}${beyond}`;
}

function describeMonthly(result: AnalysisResult, which: Which, study?: AnalysisResult, studyScale = false): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const w = WORDS[which];
  const trend = result.trend[which];
  // With a gap the line covers, and the test uses, only months K+1 … W: the words name them.
  const { over } = monthsAfterWords(result);
  const after = result.gap > 0 ? `Over ${over} after the order, the fitted line` : 'After the order the fitted line';
  const slope =
    trend.slope === null
      ? `No trend line is drawn after the order: ${trend.reason ?? 'it cannot be fitted'}.`
      // a line drawn but not tested (two months, or no variation): say so, as the paragraph below does, with no slope or p as a finding
      : trend.p === null
        ? `After the order a line is drawn through ${over}, but the trend cannot be tested: ${trend.reason ?? 'too few months'}.`
        : noStep(trend.slope) // floating-point noise is flat too, as the sentences beside it say
          ? `${after} is flat (${formatPEquals(trend.p)}).`
          : `${after} ${trend.slope < 0 ? 'falls' : 'rises'} by ${perMonth(Math.abs(trend.slope), w.unit)} a month (${formatPEquals(trend.p)}).`;
  const months = count(result.window, 'month');
  const total = which === 'harm' ? (n: number) => count(n, 'day') : formatNumber;
  const lead =
    `${w.title} month by month, ${months} before and ${months} after the order` +
    `${result.gap > 0 ? `, leaving out the ${count(result.gap, 'month')} either side of it` : ''}. ` +
    `Summed over the months, ${w.noun} ${fromTo(result[which], total)}.`;
  return [lead, slope, belowZeroWarning(result, which), studyWords(result, which, study, studyScale)].filter(Boolean).join(' ');
}

/** "0.327 arrests", "1 arrest", "26.3 days": the slope as formatted, with its noun agreeing (the one count()). */
function perMonth(size: number, unit: string): string {
  return count(size, unit, `${unit}s`, formatEstimate);
}

function tableMonthly(result: AnalysisResult, which: Which, study?: AnalysisResult): ChartTable {
  const trend = result.trend[which];
  const fitted = (m: number) =>
    m > 0 && trend.slope !== null && trend.intercept !== null ? formatEstimate(trend.intercept + trend.slope * m) : '';
  const withTrend = trend.slope !== null && trend.intercept !== null;
  const warning = result.categories.length === 0 ? '' : belowZeroWarning(result, which);
  const traced = result.categories.length === 0 ? null : studyTrace(result, study, which === 'harm');
  const studyValue = new Map(studyMonths(result, which, study).map((m) => [m.month, m.value]));
  return {
    caption: `${WORDS[which].label}, months relative to the order${withTrend ? ', with the fitted line after the order' : ''}${traced ? `, and ${studyViewWords(traced, result, which === 'harm')}` : ''}${warning ? `. ${warning}` : ''}`,
    columns: ['Month', WORDS[which].label, ...(withTrend ? ['Fitted line'] : []), ...(traced ? ["Study's view"] : [])],
    rows: tableMonths(result, study).map(({ month, k }) => [
      formatMonth(month),
      k === null ? LEFT_OUT : formatNumber(result.monthly[k][which]),
      ...(withTrend ? [k === null ? '' : fitted(month)] : []),
      ...(traced ? [studyValue.has(month) ? formatNumber(studyValue.get(month)) : ''] : []),
    ]),
  };
}

function monthlyChart(result: AnalysisResult, which: Which, options: ChartOptions): Figure {
  const description = describeMonthly(result, which, options.study, options.studyScale);
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, WORDS[which].aria, description);
  const width = widthOf(options);
  const study = options.studyScale ? options.study : undefined;
  const W = Math.max(result.window, study?.window ?? 0); // the months drawn
  const bar = { x1: (d: { month: number }) => d.month - 0.4, x2: (d: { month: number }) => d.month + 0.4 };
  const line = trendLine(result, which);
  const trace = studyMonths(result, which, options.study);
  const top = Math.max(ownTop(result, which), ...(study ? study.monthly.map((m) => m[which]) : []));
  const end = axisEnd(top);
  // the study's months beyond the axis: cut at the top, and marked there
  const cut = trace.filter((m) => m.value > end);
  const key = legendKey(
    [
      { symbol: 'solid', label: 'Before the order' },
      { symbol: 'solidAfter', label: 'After the order' },
      // the order's rule and the fitted line are named in the key, not beside them, where a label would sit on the bars
      { symbol: 'order', label: 'Order issued' },
      ...(line.length > 0 ? [{ symbol: 'line' as const, label: 'Fitted line' }] : []),
      ...(trace.length > 0 ? [{ symbol: 'study' as const, label: "Study's view" }] : []),
    ],
    width,
  );
  const margin = { top: key.height + 22, left: 52, right: 16, bottom: 40 };
  return Plot.plot({
    ...frame(options, WORDS[which].aria, description),
    height: margin.top + margin.bottom + 250,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    x: { domain: [-W - 0.5, W + 0.5], ticks: monthTicks(W, width - margin.left - margin.right), tickFormat: formatMonth, label: 'Months from the order' },
    y: { domain: [0, end], grid: true, ticks: countTicks(end, 250), label: null, tickFormat: formatNumber },
    marks: [
      ...key.marks(margin.top, margin.left),
      // the value axis's name above it, from the figure's left edge
      // A reader's harm is on a scale of their own (their harm column or index): days, not CCHI days.
      Plot.text([which === 'harm' && options.ownData ? 'Harm per month (days)' : WORDS[which].label], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -8, textAnchor: 'start', lineAnchor: 'bottom' }),
      Plot.rectY(trace, { ...bar, y: 'value', fill: 'none', ...STUDY, clip: true, className: STUDY_CLASS }),
      Plot.rectY(result.monthly.filter((m) => m.month < 0), { ...bar, y: which, fill: periodColors.pre }),
      Plot.rectY(result.monthly.filter((m) => m.month > 0), { ...bar, y: which, fill: periodColors.post }),
      Plot.ruleY([0]),
      Plot.ruleX([0], ORDER_RULE),
      // cut at zero: the words say where the fit goes below it
      Plot.line(line, { x: 'month', y: 'value', ...FITTED, clip: true }),
      // last, over the bars: a month that reaches the axis's end would otherwise hide its arrowhead
      // (?w=12&c=violence,drugs: the caption said 5 months were marked, and 4 could be seen)
      studyCutMark(cut, { x: 'month', y: () => end, toward: 'up' }),
    ],
  });
}

export const describeMonthlyHarm = (result: AnalysisResult, study?: AnalysisResult, _ownData?: boolean, studyScale = false): string => describeMonthly(result, 'harm', study, studyScale);
export const tableMonthlyHarm = (result: AnalysisResult, study?: AnalysisResult): ChartTable => tableMonthly(result, 'harm', study);
export const monthlyHarmChart = (result: AnalysisResult, options: ChartOptions = {}): Figure => monthlyChart(result, 'harm', options);

export const describeMonthlyEvents = (result: AnalysisResult, study?: AnalysisResult, _ownData?: boolean, studyScale = false): string => describeMonthly(result, 'events', study, studyScale);
export const tableMonthlyEvents = (result: AnalysisResult, study?: AnalysisResult): ChartTable => tableMonthly(result, 'events', study);
export const monthlyEventsChart = (result: AnalysisResult, options: ChartOptions = {}): Figure => monthlyChart(result, 'events', options);
