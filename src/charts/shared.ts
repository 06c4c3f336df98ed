// Small helpers the figure files share: defaults, the before/after key, and the message drawn
// when there is nothing to draw. No statistics here: every number comes from the result. The
// words for a change ("fell", "a 56% fall") and plurals come from src/lib/wording.ts, so the
// figures say a change the same way as the rest of the report.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult, Measure } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { changeWords, verb } from '../lib/wording.ts';
import { colorScale, periodColors } from './palette.ts';
import type { ChartOptions, Figure } from './types.ts';

const DEFAULT_WIDTH = 640;

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

/** Month −12 → "−12", 3 → "+3": the sign says which side of the order. */
export function formatMonth(month: number): string {
  return `${month < 0 ? '−' : '+'}${formatNumber(Math.abs(month))}`;
}

/**
 * "fell from 210 to 93, a 56% fall", "rose from 0 to 3", "did not change (5 before and after)":
 * wording.ts's verb and changeWords around the two totals. `amount` formats a total with its unit.
 */
export function fromTo(measure: Measure, amount: (n: number) => string = formatNumber): string {
  if (measure.post === measure.pre) return `${verb(measure)} (${amount(measure.pre)} before and after)`;
  const span = `${verb(measure)} from ${amount(measure.pre)} to ${amount(measure.post)}`;
  return measure.reduction === null ? span : `${span}, ${changeWords(measure)}`;
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
