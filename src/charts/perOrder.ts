// Every person with an order, before → after: a dumbbell chart, one row per order.
// Totals can hide that a few people drive a fall; this shows each person's own change. Rows are
// sorted by arrests before (most first), then after; the order ids are opaque, so rows carry no
// labels. People with no arrest in either period keep their row: they are part of the sample
// and of the paired test. Before is a filled dot, after a ring around where it lands, so an
// unchanged count reads as a dot inside a ring, and a zero sits on the axis, still visible.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult, PerOrderRow } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { count } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { NO_CATEGORY, frame, integerTicks, messageFigure, periodKey } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

const ROW = 12; // pixels per person: 41 rows stay legible at about 500px
const DOT = { r: 3.5 };
const RING = { r: 5.5, strokeWidth: 1.5 };

/** The rows in drawing order: before descending, then after descending, then order id. */
function perOrderRows(result: AnalysisResult): (PerOrderRow & { rank: number })[] {
  return [...result.perOrder]
    .sort((a, b) => b.eventsPre - a.eventsPre || b.eventsPost - a.eventsPost || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((row, k) => ({ ...row, rank: k + 1 }));
}

export function describePerOrder(result: AnalysisResult): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const rows = result.perOrder;
  const fewer = rows.filter((r) => r.eventsPost < r.eventsPre).length;
  const more = rows.filter((r) => r.eventsPost > r.eventsPre).length;
  const none = rows.filter((r) => r.eventsPre === 0 && r.eventsPost === 0).length;
  const same = rows.length - fewer - more;
  return (
    `Arrests of ${rows.length === 1 ? 'the 1 person' : `each of the ${count(rows.length, 'person', 'people')}`} with an order, ${count(result.window, 'month')} before and after: ` +
    `${formatNumber(fewer)} had fewer after, ${formatNumber(more)} had more and ${formatNumber(same)} had the same number ` +
    `(${formatNumber(none)} of them none in either period).`
  );
}

export function tablePerOrder(result: AnalysisResult): ChartTable {
  return {
    caption: `Arrests per person, ${count(result.window, 'month')} before and after the order (sorted as drawn)`,
    columns: ['Row', 'Order', 'Before', 'After'],
    rows: result.categories.length === 0 ? [] : perOrderRows(result).map((r) => [formatNumber(r.rank), r.order, formatNumber(r.eventsPre), formatNumber(r.eventsPost)]),
  };
}

export function perOrderChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  const ariaLabel = 'Arrests of each person before and after the order';
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, ariaLabel, describePerOrder(result));
  const rows = perOrderRows(result);
  const top = Math.max(1, ...rows.map((r) => Math.max(r.eventsPre, r.eventsPost)));
  return Plot.plot({
    ...frame(options, ariaLabel, describePerOrder(result)),
    height: 90 + Math.max(rows.length, 1) * ROW,
    marginLeft: 20,
    y: { type: 'band', domain: rows.map((r) => r.rank), axis: null },
    x: { domain: [0, top], nice: true, grid: true, ticks: integerTicks(top), label: 'Arrests per person', tickFormat: formatNumber },
    marginTop: 40,
    insetRight: 6, // a ring at the largest count stays inside
    marks: [
      ...periodKey(RING, DOT),
      Plot.ruleY(rows, { y: 'rank', x1: 'eventsPre', x2: 'eventsPost', stroke: periodColors.post, strokeWidth: 1.5 }),
      Plot.dot(rows, { y: 'rank', x: 'eventsPre', fill: periodColors.pre, ...DOT }),
      Plot.dot(rows, { y: 'rank', x: 'eventsPost', stroke: periodColors.post, fill: 'none', ...RING }),
      Plot.axisY({ label: `${count(rows.length, 'person', 'people')}, most arrests before at top`, ticks: [], labelAnchor: 'top', labelArrow: 'none' }),
    ],
  });
}
