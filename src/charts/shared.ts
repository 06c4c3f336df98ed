// Small helpers the figure files share: defaults, wording that follows the numbers, and the
// message drawn when there is nothing to draw. No statistics here: every number comes from the result.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult, Measure } from '../analysis/analyse.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { colorScale, periodColors } from './palette.ts';
import type { ChartOptions, Figure } from './types.ts';

export const DEFAULT_WIDTH = 640;

export const PERIODS = ['pre', 'post'] as const;
export type Period = (typeof PERIODS)[number];
export const periodLabel = (p: Period): string => (p === 'pre' ? 'Before' : 'After');

/** The options every figure passes to Plot.plot. */
export function frame(options: ChartOptions, ariaLabel: string, ariaDescription: string) {
  return { document: options.document, width: options.width ?? DEFAULT_WIDTH, ariaLabel, ariaDescription };
}

/** The category colour options, with readable names in legends and axes. */
export function categoryScale(result: AnalysisResult, options: ChartOptions) {
  return { ...colorScale(result, options.allCategories), tickFormat: (c: string) => result.categoryNames[c] ?? c };
}

/** A figure that only says why there is nothing to draw (still a valid, labelled figure). */
export function messageFigure(message: string, options: ChartOptions, ariaLabel: string, description: string): Figure {
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: 120,
    marks: [Plot.text([message], { frameAnchor: 'middle', fontSize: 13 })],
  });
}

/** With no category chosen every figure but the sample flow draws only this, says only this, and has no table rows. */
export const NO_CATEGORY = 'No offence category is chosen, so there is nothing to show.';

/** Whole-number ticks 0 … top for small counts (Plot would otherwise tick 0.5, 1.5 …); undefined leaves Plot's own. */
export function integerTicks(top: number): number[] | undefined {
  return top > 10 ? undefined : Array.from({ length: Math.ceil(top) + 1 }, (_, k) => k);
}

/** "1 arrest", "93 arrests". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** "Violence", "Violence and Drugs", "Modern slavery, Violence and Drugs". */
export function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Month −12 → "−12", 3 → "+3": the sign says which side of the order. */
export function formatMonth(month: number): string {
  return `${month < 0 ? '−' : '+'}${formatNumber(Math.abs(month))}`;
}

/** "fell from 210 to 93, a reduction of 56%", "rose from 2 to 5", "did not change (4 before and after)". */
export function change(measure: Pick<Measure, 'pre' | 'post' | 'reduction'>, unit = ''): string {
  const pre = formatNumber(measure.pre) + unit;
  const post = formatNumber(measure.post) + unit;
  if (measure.post === measure.pre) return `did not change (${pre} before and after)`;
  if (measure.post < measure.pre) {
    return `fell from ${pre} to ${post}` + (measure.reduction === null ? '' : `, a reduction of ${formatPercent(measure.reduction)}`);
  }
  return `rose from ${pre} to ${post}` + (measure.reduction === null ? '' : `, an increase of ${formatPercent(-measure.reduction)}`);
}

/**
 * A before/after key drawn inside the plot's top margin with the same marks as the data
 * (filled dot = before, ring = after), where a swatch legend could only show two filled squares.
 */
export function periodKey(ring: { r: number; strokeWidth: number }, dot: { r: number }): Plot.Markish[] {
  const at = { frameAnchor: 'top-right' as const, dy: -16 };
  const label = { ...at, textAnchor: 'start' as const, lineAnchor: 'middle' as const, fontSize: 11 };
  return [
    Plot.dot([0], { ...at, dx: -200, r: dot.r, fill: periodColors.pre }),
    Plot.text(['Before the order'], { ...label, dx: -192 }),
    Plot.dot([0], { ...at, dx: -88, r: ring.r, stroke: periodColors.post, strokeWidth: ring.strokeWidth, fill: 'none' }),
    Plot.text(['After the order'], { ...label, dx: -79 }),
  ];
}
