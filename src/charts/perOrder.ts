// Every person with an order, before → after: a dumbbell chart, one row per order.
// Totals can hide that a few people drive a fall; this shows each person's own change. Rows are
// sorted by arrests before (most first), then after; the order ids are opaque, so rows carry no
// labels. People with no arrest in either period keep their row: they are part of the sample
// and of the paired test. Before is a filled dot, after a ring around where it lands, so an
// unchanged count reads as a dot inside a ring, and a zero sits on the axis, still visible.
// The count axis is labelled at the top and the bottom, since the chart is taller than a screen.
// When the view differs from the study's, a dashed grey line just under each row spans that
// person's arrests before and after in the study's view.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult, PerOrderRow } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { count } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { FONT_SIZE, NO_CATEGORY, STUDY, STUDY_CLASS, countTicks, frame, legendKey, messageFigure, studyTrace, studyViewWords, widthOf, withStudy } from './shared.ts';
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

export function describePerOrder(result: AnalysisResult, study?: AnalysisResult): string {
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
  ) + withStudy(studyWords(result, study));
}

function studyWords(result: AnalysisResult, study: AnalysisResult | undefined): string {
  const traced = studyTrace(result, study);
  if (!traced || result.categories.length === 0) return '';
  const rows = traced.perOrder;
  const fewer = rows.filter((r) => r.eventsPost < r.eventsPre).length;
  return `A dashed line under each row spans that person's arrests before and after in ${studyViewWords(traced)}, in which ${formatNumber(fewer)} of the ${count(rows.length, 'person', 'people')} had fewer after.`;
}

export function tablePerOrder(result: AnalysisResult, study?: AnalysisResult): ChartTable {
  const traced = result.categories.length === 0 ? null : studyTrace(result, study);
  const inStudy = new Map(studyPerOrder(result, study).map((s) => [s.order, s]));
  return {
    caption: `Arrests per person, ${count(result.window, 'month')} before and after the order (sorted as drawn)${traced ? `, with ${studyViewWords(traced)}` : ''}`,
    columns: ['Row', 'Order', 'Before', 'After', ...(traced ? ["Study's view: before", "Study's view: after"] : [])],
    rows: result.categories.length === 0 ? [] : perOrderRows(result).map((r) => {
      const s = inStudy.get(r.order);
      return [formatNumber(r.rank), r.order, formatNumber(r.eventsPre), formatNumber(r.eventsPost), ...(traced ? (s ? [formatNumber(s.pre), formatNumber(s.post)] : ['', '']) : [])];
    }),
  };
}

/** The study's arrests before and after for each row drawn (matched by order), or [] when the view is the study's. */
export function studyPerOrder(result: AnalysisResult, study: AnalysisResult | undefined): { rank: number; order: string; pre: number; post: number }[] {
  const traced = studyTrace(result, study);
  if (!traced || result.categories.length === 0) return [];
  const byOrder = new Map(traced.perOrder.map((r) => [r.order, r]));
  return perOrderRows(result).flatMap((r) => {
    const s = byOrder.get(r.order);
    return s ? [{ rank: r.rank, order: r.order, pre: s.eventsPre, post: s.eventsPost }] : [];
  });
}

export function perOrderChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  const ariaLabel = 'Arrests of each person before and after the order';
  const description = describePerOrder(result, options.study);
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, ariaLabel, description);
  const width = widthOf(options);
  const rows = perOrderRows(result);
  const trace = studyPerOrder(result, options.study);
  const studyTop = options.studyScale && options.study ? Math.max(0, ...options.study.perOrder.map((r) => Math.max(r.eventsPre, r.eventsPost))) : 0;
  const top = Math.max(1, studyTop, ...rows.map((r) => Math.max(r.eventsPre, r.eventsPost)));
  const key = legendKey(
    [
      { symbol: 'dot', label: 'Before the order' },
      { symbol: 'ring', label: 'After the order' },
      ...(trace.length > 0 ? [{ symbol: 'study' as const, label: "Study's view" }] : []),
    ],
    width,
  );
  const lines = width < 520 ? 2 : 1; // the line saying what a row is wraps on a phone
  const margin = { top: key.height + 48 + lines * 15, left: 20, right: 20, bottom: 44 };
  const ticks = countTicks(top, width - margin.left - margin.right);
  const axis = { ticks, tickFormat: formatNumber, label: 'Arrests per person', labelArrow: 'none' as const };
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: margin.top + margin.bottom + Math.max(rows.length, 1) * ROW,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    y: { type: 'band', domain: rows.map((r) => r.rank), axis: null },
    x: { domain: [0, top], nice: true },
    insetRight: 6, // a ring at the largest count stays inside
    marks: [
      ...key.marks(margin.top, margin.left),
      // what a row is, above the rows
      Plot.text([`One row per person (${count(rows.length, 'person', 'people')}), most arrests before at the top`], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -44, textAnchor: 'start', lineAnchor: 'bottom', lineWidth: ((width - 8) / FONT_SIZE) * 0.8 }),
      Plot.gridX({ ticks }),
      Plot.axisX({ ...axis, anchor: 'top', labelOffset: 30 }),
      Plot.axisX({ ...axis, anchor: 'bottom' }),
      Plot.ruleY(trace, { y: 'rank', x1: 'pre', x2: 'post', dy: 4, ...STUDY, clip: true, className: STUDY_CLASS }),
      Plot.ruleY(rows, { y: 'rank', x1: 'eventsPre', x2: 'eventsPost', stroke: periodColors.post, strokeWidth: 1.5 }),
      Plot.dot(rows, { y: 'rank', x: 'eventsPre', fill: periodColors.pre, ...DOT }),
      Plot.dot(rows, { y: 'rank', x: 'eventsPost', stroke: periodColors.post, fill: 'none', ...RING }),
    ],
  });
}
