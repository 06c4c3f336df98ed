// Interrupted time series: the monthly totals with the two straight lines of the segmented
// regression (src/analysis/stats/segmentedRegression.ts, lm(y ~ month + post + tPost)):
//   before the order  intercept + preSlope · month
//   after the order   intercept + level + (preSlope + slopeChange) · month
// (tPost is the month after the order, so the second line is the first moved up by `level` at
// month 0 and turned by `slopeChange`). The first line, continued past the order as a dashed
// line, is what the trend before the order alone would predict: the counterfactual the level and
// slope changes are measured against. Months left out around the order (a gap) are shaded. The
// key names the shading and the order's dashed rule, so that no label in the plot sits on a bar or
// a line. Bars as on the monthly charts: before dark, after mid grey; lines are clipped at zero,
// since counts cannot be negative, and the description says where a line goes below it.

import { HAC_SHORT_SERIES } from '../analysis/stats/hacShortSeries.ts';
import * as Plot from '@observablehq/plot';
import type { InterruptedSeries } from '../analysis/analyse.ts';
import { formatEstimate, formatNumber, formatPEquals } from '../lib/format.ts';
import { count, noStep } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { colorKey } from './robustnessShared.ts';
import { ORDER_RULE, countTicks, formatMonth, frame, messageFigure, widthOf } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export interface ItsMonth {
  month: number;
  value: number;
}

/** The fitted coefficients the chart draws (analyse()'s InterruptedSeries has them, with p-values). */
export type ItsFit = Pick<InterruptedSeries, 'intercept' | 'preSlope' | 'level' | 'slopeChange'> & Partial<Pick<InterruptedSeries, 'preSlopeP' | 'levelP' | 'slopeChangeP' | 'preSlopePHac' | 'levelPHac' | 'slopeChangePHac' | 'reason'>>;

export interface ItsChartOptions extends ChartOptions {
  /** Months −gap … −1 and 1 … gap were left out: shaded. Default 0. */
  gap?: number;
  /** What the values are, for labels: arrests (default) or harm. */
  measure?: 'events' | 'harm';
}

const WORDS = {
  events: { label: 'Arrests per month', axis: 'Arrests per month', what: 'arrests', unit: 'arrest', aria: 'Arrests per month with the interrupted time series fitted before and after the order' },
  // The axis is drawn alike for the study's data and a reader's, whose harm may be on a scale of
  // their own (the figure is not told which): days, as the sentences say "harm days".
  harm: { label: 'Harm per month (CCHI days)', axis: 'Harm per month (days)', what: 'harm', unit: 'day', aria: 'Harm per month with the interrupted time series fitted before and after the order' },
} as const;

const LINE = { stroke: '#000000', strokeWidth: 2.5 } as const;
const COUNTERFACTUAL = { stroke: '#000000', strokeWidth: 1.75, strokeDasharray: '5,4' } as const;
const GAP_FILL = '#E8E8E8';

interface Fitted { intercept: number; preSlope: number; level: number; slopeChange: number }

function fitted(its: ItsFit): Fitted | null {
  const { intercept, preSlope, level, slopeChange } = its;
  return intercept === null || preSlope === null || level === null || slopeChange === null ? null : { intercept, preSlope, level, slopeChange };
}
const before = (f: Fitted, m: number) => f.intercept + f.preSlope * m;
const after = (f: Fitted, m: number) => f.intercept + f.level + (f.preSlope + f.slopeChange) * m;

/** The ends of the three lines: before (over the months before), after, and the before line continued over the months after. */
export function itsLines(monthly: readonly ItsMonth[], its: ItsFit): { line: 'before' | 'after' | 'counterfactual'; month: number; value: number }[] {
  const f = fitted(its);
  const pre = monthly.filter((m) => m.month < 0).map((m) => m.month);
  const post = monthly.filter((m) => m.month > 0).map((m) => m.month);
  if (!f || pre.length === 0 || post.length === 0) return [];
  const [a, b] = [Math.min(...pre), Math.max(...pre)];
  const [c, d] = [Math.min(...post), Math.max(...post)];
  return [
    { line: 'before', month: a, value: before(f, a) }, { line: 'before', month: b, value: before(f, b) },
    { line: 'after', month: c, value: after(f, c) }, { line: 'after', month: d, value: after(f, d) },
    { line: 'counterfactual', month: b, value: before(f, b) }, { line: 'counterfactual', month: d, value: before(f, d) },
  ];
}

const perMonth = (size: number, unit: string) => count(size, unit, `${unit}s`, formatEstimate);

export function describeIts(monthly: readonly ItsMonth[], its: ItsFit, options: { gap?: number; measure?: 'events' | 'harm' } = {}): string {
  const w = WORDS[options.measure ?? 'events'];
  const gap = options.gap ?? 0;
  if (monthly.length === 0) return `No months to show: ${its.reason ?? 'there are no analysed months'}.`;
  const months = count(monthly.length, 'month');
  const left = gap > 0 ? ` Months ${formatMonth(-gap)} to ${formatMonth(gap)} around the order are left out (shaded).` : '';
  const f = fitted(its);
  if (!f) return `${w.label} over ${months}.${left} No lines are drawn: ${its.reason ?? 'the two lines cannot be fitted'}.`;
  const lead = `${w.label} over ${months}, with a straight line fitted before the order and another after it.${left}`;
  // A size that prints as 0 is none, as the page's sentences read it (noStep): never "0 arrests below".
  // With its p, as the page's sentences give it: a slope its test cannot tell from flat is no clear trend.
  // Both p-values where there are two, and a trend clear only when both are below 0.05, as the page's sentences say it.
  const preHac = typeof its.preSlopePHac === 'number' ? its.preSlopePHac : null;
  const preP = typeof its.preSlopeP === 'number' ? ` (${formatPEquals(its.preSlopeP)}${preHac === null ? '' : `; allowing for autocorrelation, ${formatPEquals(preHac)}`}${its.preSlopeP >= 0.05 || (preHac ?? 0) >= 0.05 ? ', not a clear trend' : ''})` : '';
  const trend = noStep(f.preSlope) ? 'Before the order the line is flat.' : `Before the order the line goes ${f.preSlope < 0 ? 'down' : 'up'} by ${perMonth(Math.abs(f.preSlope), w.unit)} a month${preP}.`;
  const jump = noStep(f.level)
    ? 'At the order the line after starts where the line before, continued as the dashed line, would be'
    : `At the order the line after starts ${perMonth(Math.abs(f.level), w.unit)} ${f.level < 0 ? 'below' : 'above'} the line before, continued as the dashed line`;
  // A fit with no p-values (as many months as the lines have terms) says why once, not "p not available" twice.
  const tested = typeof its.levelP === 'number' && typeof its.slopeChangeP === 'number';
  // Beside each ordinary p, the Newey–West p that allows for autocorrelated months (stats/segmentedRegression.ts).
  const hacTested = tested && typeof its.levelPHac === 'number' && typeof its.slopeChangePHac === 'number';
  const hac = (p: number | null | undefined) => (hacTested && typeof p === 'number' ? `; allowing for autocorrelation, ${formatPEquals(p)}` : '');
  const levelP = tested ? ` (${formatPEquals(its.levelP)}${hac(its.levelPHac)})` : '';
  const slope = f.slopeChange === 0 ? ', with the same slope' : `, and its slope is ${perMonth(Math.abs(f.slopeChange), w.unit)} a month ${f.slopeChange < 0 ? 'lower' : 'higher'}`;
  const slopeP = tested ? ` (${formatPEquals(its.slopeChangeP)}${hac(its.slopeChangePHac)})` : '';
  const caveat = hacTested
    ? ` The first p-value of each pair treats the months as independent; monthly counts can be autocorrelated, and the second, from Newey–West standard errors, allows for that${monthly.length < HAC_SHORT_SERIES ? `, though with only ${monthly.length} months neither can be relied on` : ', as a second opinion: in series this short it tends to come out too small, so a change at the order is clear only when both are below 0.01 (between 0.01 and 0.05, only just below, and not clear); a trend before it, a reason for caution, is said where both are below 0.05'}.`
    : tested
    ? ' These p-values treat the months as independent; monthly counts can be autocorrelated, which makes such p-values too small.'
    : its.levelP === null || its.slopeChangeP === null ? ` Neither change can be tested: ${its.reason ?? 'the lines fit the months exactly'}.` : '';
  const below = itsLines(monthly, its).some((p) => p.value < 0) ? ` A line goes below zero, where ${w.what} cannot go; it is cut there and is a summary, not a forecast.` : '';
  return `${lead} ${trend} ${jump}${levelP}${slope}${slopeP}.${caveat}${below}`;
}

export function tableIts(monthly: readonly ItsMonth[], its: ItsFit, options: { gap?: number; measure?: 'events' | 'harm' } = {}): ChartTable {
  const w = WORDS[options.measure ?? 'events'];
  const f = fitted(its);
  return {
    caption: `${w.label}, months relative to the order${f ? ', with the fitted lines before and after the order and the line before continued' : ''}`,
    columns: ['Month', w.label, ...(f ? ['Fitted line', 'Line before, continued'] : [])],
    rows: monthly.map((m) => [
      formatMonth(m.month),
      formatNumber(m.value),
      ...(f ? [formatEstimate(m.month < 0 ? before(f, m.month) : after(f, m.month)), m.month > 0 ? formatEstimate(before(f, m.month)) : ''] : []),
    ]),
  };
}

/** Month ticks for ±W across `span` pixels: multiples of the smallest step (1, 2, 3, 6, 12, 24) leaving 34px between labels. */
function monthTicks(lo: number, hi: number, span: number): number[] {
  const px = span / (hi - lo + 1);
  const step = [1, 2, 3, 6, 12, 24].find((s) => s * px >= 34) ?? 24;
  const ticks: number[] = [];
  for (let m = Math.ceil(lo / step) * step; m <= hi; m += step) if (m !== 0) ticks.push(m);
  return ticks;
}

export function itsChart(monthly: readonly ItsMonth[], its: ItsFit, options: ItsChartOptions = {}): Figure {
  const w = WORDS[options.measure ?? 'events'];
  const gap = options.gap ?? 0;
  const description = describeIts(monthly, its, options);
  if (monthly.length === 0) return messageFigure(`No months to show: ${its.reason ?? 'there are no analysed months'}.`, options, w.aria, description);
  const width = widthOf(options);
  const lines = itsLines(monthly, its);
  const lo = Math.min(...monthly.map((m) => m.month), -gap - 1);
  const hi = Math.max(...monthly.map((m) => m.month), gap + 1);
  const top = Math.max(1, ...monthly.map((m) => m.value), ...lines.map((p) => p.value));
  const key = colorKey(
    [
      { mark: 'band', color: periodColors.pre, label: 'Before the order' },
      { mark: 'band', color: periodColors.post, label: 'After' },
      // the order's rule and the months left out are named in the key, not in the plot, where a label would sit on a bar or a line
      { mark: 'order', color: 'currentColor', label: 'Order issued' },
      ...(lines.length > 0 ? [{ mark: 'thickLine' as const, color: '#000000', label: 'Fitted lines' }, { mark: 'dashed' as const, color: '#000000', label: 'Trend before, continued' }] : []),
      ...(gap > 0 ? [{ mark: 'band' as const, color: GAP_FILL, outline: '#767676', label: 'Left out' }] : []),
    ],
    width,
  );
  const margin = { top: key.height + 22, left: 52, right: 16, bottom: 40 };
  const plotHeight = 250;
  const bar = { x1: (d: ItsMonth) => d.month - 0.4, x2: (d: ItsMonth) => d.month + 0.4 };
  const of = (line: string) => lines.filter((p) => p.line === line);
  return Plot.plot({
    ...frame(options, w.aria, description),
    height: margin.top + margin.bottom + plotHeight,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    x: { domain: [lo - 0.5, hi + 0.5], ticks: monthTicks(lo, hi, width - margin.left - margin.right), tickFormat: formatMonth, label: 'Months from the order' },
    y: { domain: [0, top], nice: true, grid: true, ticks: countTicks(top, plotHeight), label: null, tickFormat: formatNumber },
    marks: [
      ...key.marks(margin.top, margin.left),
      Plot.text([w.axis], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -8, textAnchor: 'start', lineAnchor: 'bottom' }),
      // behind the bars, and clear of them: it ends 0.1 month short of the first bar either side
      ...(gap > 0 ? [Plot.rect([gap], { x1: -gap - 0.5, x2: gap + 0.5, fill: GAP_FILL, className: 'its-gap' })] : []),
      Plot.rectY(monthly.filter((m) => m.month < 0), { ...bar, y: 'value', fill: periodColors.pre }),
      Plot.rectY(monthly.filter((m) => m.month > 0), { ...bar, y: 'value', fill: periodColors.post }),
      Plot.ruleY([0]),
      Plot.ruleX([0], ORDER_RULE),
      Plot.line(of('counterfactual'), { x: 'month', y: 'value', ...COUNTERFACTUAL, clip: true, className: 'its-counterfactual' }),
      Plot.line(of('before'), { x: 'month', y: 'value', ...LINE, clip: true, className: 'its-fitted' }),
      Plot.line(of('after'), { x: 'month', y: 'value', ...LINE, clip: true, className: 'its-fitted' }),
    ],
  });
}
