// The grouped before/after bars behind eventsByCategory and harmByCategory: one group per
// category (named on the bottom axis, in result.categories order), a full-colour bar for the
// months before the order and a light tint of the same colour for the months after. Every bar is
// outlined in the category's stroke colour (palette.ts), so each one, the tinted "after" bars
// included, meets 3:1 against white; before and after also differ in lightness (greyscale) and
// are told apart by position and the Before/After ticks.
// Each bar carries its number, so a bar of height 0 still reads "0" and no value is hover-only.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { AFTER_OPACITY, strokeOf } from './palette.ts';
import { NO_CATEGORY, PERIODS, categoryScale, frame, integerTicks, messageFigure, periodLabel, type Period } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

type BarMeasure = 'events' | 'harm';

interface Bar {
  category: string;
  period: Period;
  value: number;
}

/** One bar per category and period, straight from result.byCategory. */
function periodBars(result: AnalysisResult, measure: BarMeasure): Bar[] {
  return result.categories.flatMap((category) =>
    PERIODS.map((period) => ({ category, period, value: result.byCategory[category][measure][period] })),
  );
}

export function periodBarsChart(
  result: AnalysisResult,
  measure: BarMeasure,
  text: { ariaLabel: string; yLabel: string; description: string },
  options: ChartOptions,
): Figure {
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, text.ariaLabel, text.description);
  const bars = periodBars(result, measure);
  const top = Math.max(1, ...bars.map((b) => b.value)); // a domain of [0, 0] would float zero bars mid-air
  const names = (c: string) => result.categoryNames[c] ?? c;
  const stroke = strokeOf(result, options.allCategories);
  return Plot.plot({
    ...frame(options, text.ariaLabel, text.description),
    height: 360,
    insetTop: 18, // room for the number above the tallest bar
    color: categoryScale(result, options),
    marginLeft: 56, // room for "20,000"
    marginBottom: 48, // Before/After ticks, then the category names beneath them
    fx: { domain: result.categories, padding: 0.2 },
    x: { domain: [...PERIODS], tickFormat: periodLabel, label: null, padding: 0.1 },
    y: { domain: [0, top], nice: true, grid: true, ticks: integerTicks(top), label: text.yLabel, tickFormat: formatNumber },
    marks: [
      Plot.barY(bars, {
        fx: 'category',
        x: 'period',
        y: 'value',
        fill: 'category',
        fillOpacity: (b: Bar) => (b.period === 'pre' ? 1 : AFTER_OPACITY),
        stroke: (b: Bar) => stroke(b.category),
        strokeWidth: 1.5,
        inset: 0.75, // keeps the outline inside the band
      }),
      Plot.text(bars, { fx: 'category', x: 'period', y: 'value', text: (b: Bar) => formatNumber(b.value), dy: -4, lineAnchor: 'bottom', fontSize: 11 }),
      Plot.ruleY([0]),
      Plot.axisFx({ anchor: 'bottom', tickFormat: names, label: null, tickSize: 0, tickPadding: 22, fontSize: 11, fontWeight: 'bold' }),
    ],
  });
}

export function periodBarsTable(result: AnalysisResult, measure: BarMeasure, caption: string): ChartTable {
  return {
    caption,
    columns: ['Category', 'Before', 'After'],
    rows: result.categories.map((c) => [
      result.categoryNames[c] ?? c,
      formatNumber(result.byCategory[c][measure].pre),
      formatNumber(result.byCategory[c][measure].post),
    ]),
  };
}
