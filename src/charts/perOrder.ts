// Every person with an order, before → after: a dumbbell chart, one row per order.
// Totals can hide that a few people drive a fall; this shows each person's own change. Rows are
// sorted by arrests before (most first), then after; the order ids are opaque, so rows carry no
// labels. People with no arrest in either period keep their row: they are part of the sample
// and of the paired test. Before is a filled dot, after a ring around where it lands, so an
// unchanged count reads as a dot inside a ring, and a zero sits on the axis, still visible.
// The count axis is labelled at the top and the bottom, since the chart is taller than a screen.
// When the view differs from the study's, a dashed grey line just under each row spans that
// person's arrests before and after in the study's view. The axis fits the view shown (a 6-month
// view is not squashed under the study's 24 months), unless the reader keeps the study's scale; a
// study's count beyond it is cut at the axis's end and marked there with an arrowhead (for a
// person with both counts beyond it, the arrowhead is all that shows), and the description says
// for how many people.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult, PerOrderRow } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { count, gapWords } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { FONT_SIZE, NO_CATEGORY, STUDY, STUDY_CLASS, axisEnd, countTicks, cutWords, frame, ownScaleWords, studyCutMark, legendKey, messageFigure, studyTrace, studyViewWords, widthOf, withStudy } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

const ROW = 12; // pixels per person: 41 rows stay legible at about 500px
const DOT = { r: 3.5 };
const RING = { r: 5.5, strokeWidth: 1.5 };
const INSET_RIGHT = 6; // a ring at the largest count stays inside

/** The rows in drawing order: before descending, then after descending, then order id. */
function perOrderRows(result: AnalysisResult): (PerOrderRow & { rank: number })[] {
  return [...result.perOrder]
    .sort((a, b) => b.eventsPre - a.eventsPre || b.eventsPost - a.eventsPost || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((row, k) => ({ ...row, rank: k + 1 }));
}

export function describePerOrder(result: AnalysisResult, study?: AnalysisResult, _ownData?: boolean, studyScale = false): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const rows = result.perOrder;
  const fewer = rows.filter((r) => r.eventsPost < r.eventsPre).length;
  const more = rows.filter((r) => r.eventsPost > r.eventsPre).length;
  const none = rows.filter((r) => r.eventsPre === 0 && r.eventsPost === 0).length;
  const same = rows.length - fewer - more;
  return (
    `Arrests of ${rows.length === 1 ? 'the 1 person' : `each of the ${count(rows.length, 'person', 'people')}`} with an order, ${count(result.window, 'month')} before and after${gapWords(result)}: ` +
    `${formatNumber(fewer)} had fewer after, ${formatNumber(more)} had more and ${formatNumber(same)} had the same number ` +
    `(${formatNumber(none)} of them none in either period).`
  ) + withStudy(studyWords(result, study, studyScale));
}

/** The highest count the view draws; its axis runs to axisEnd of it, or further to keep the study's scale. */
const ownTop = (rows: readonly PerOrderRow[]): number => Math.max(1, ...rows.map((r) => Math.max(r.eventsPre, r.eventsPost)));

function studyWords(result: AnalysisResult, study: AnalysisResult | undefined, studyScale: boolean): string {
  const traced = studyTrace(result, study, false);
  if (!traced || result.categories.length === 0) return '';
  const rows = traced.perOrder;
  const fewer = rows.filter((r) => r.eventsPost < r.eventsPre).length;
  const lines = studyPerOrder(result, study);
  const missing = result.perOrder.length - lines.length;
  const lead = `Dashed lines under the rows span each person's arrests before and after in ${studyViewWords(traced, result, false)}, in which ${formatNumber(fewer)} of the ${count(rows.length, 'person', 'people')} had fewer after.`;
  const absent = missing === 0 ? '' : ` ${count(missing, 'person', 'people')} in this view ${missing === 1 ? 'is' : 'are'} not in the study's, so ${missing === 1 ? 'that row has' : 'those rows have'} no line.`;
  // Said for the view's own scale, which is the figure's unless the reader keeps the study's.
  const end = axisEnd(ownTop(result.perOrder));
  const cut = lines.filter((l) => Math.max(l.pre, l.post) > end).length;
  const gone = lines.filter((l) => Math.min(l.pre, l.post) > end).length;
  const noLine = gone === 0 ? '' : gone === cut ? `; ${cut === 1 ? 'both its counts are' : 'for all of them both counts are'} beyond the axis, so only the arrowhead shows` : `; for ${formatNumber(gone)} of them both counts are beyond the axis, so only the arrowhead shows`;
  const beyond = cutWords(cut, studyScale, ` At ${ownScaleWords(end)}, the study's counts go beyond the axis for ${count(cut, 'person', 'people')}: an arrowhead at the axis's end marks ${cut === 1 ? 'it' : 'each'}${noLine}. The table gives every number.`);
  return lead + absent + beyond;
}

export function tablePerOrder(result: AnalysisResult, study?: AnalysisResult): ChartTable {
  const traced = result.categories.length === 0 ? null : studyTrace(result, study, false);
  const inStudy = new Map(studyPerOrder(result, study).map((s) => [s.order, s]));
  return {
    caption: `Arrests per person, ${count(result.window, 'month')} before and after the order${gapWords(result)} (sorted as drawn)${traced ? `, with ${studyViewWords(traced, result, false)}` : ''}`,
    columns: ['Row', 'Order', 'Before', 'After', ...(traced ? ["Study's view: before", "Study's view: after"] : [])],
    rows: result.categories.length === 0 ? [] : perOrderRows(result).map((r) => {
      const s = inStudy.get(r.order);
      return [formatNumber(r.rank), r.order, formatNumber(r.eventsPre), formatNumber(r.eventsPost), ...(traced ? (s ? [formatNumber(s.pre), formatNumber(s.post)] : ['', '']) : [])];
    }),
  };
}

/** The study's arrests before and after for each row drawn (matched by order), or [] when the view is the study's. */
export function studyPerOrder(result: AnalysisResult, study: AnalysisResult | undefined): { rank: number; order: string; pre: number; post: number }[] {
  const traced = studyTrace(result, study, false);
  if (!traced || result.categories.length === 0) return [];
  const byOrder = new Map(traced.perOrder.map((r) => [r.order, r]));
  return perOrderRows(result).flatMap((r) => {
    const s = byOrder.get(r.order);
    return s ? [{ rank: r.rank, order: r.order, pre: s.eventsPre, post: s.eventsPost }] : [];
  });
}

export function perOrderChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  const ariaLabel = 'Arrests of each person before and after the order';
  const description = describePerOrder(result, options.study, options.ownData, options.studyScale);
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, ariaLabel, description);
  const width = widthOf(options);
  const rows = perOrderRows(result);
  const trace = studyPerOrder(result, options.study);
  const studyTop = options.studyScale && options.study ? Math.max(0, ...options.study.perOrder.map((r) => Math.max(r.eventsPre, r.eventsPost))) : 0;
  const end = axisEnd(Math.max(studyTop, ownTop(rows)));
  // the study's lines that run beyond the axis: cut at its end, and marked there
  const cut = trace.filter((t) => Math.max(t.pre, t.post) > end);
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
  const ticks = countTicks(end, width - margin.left - margin.right);
  const axis = { ticks, tickFormat: formatNumber, label: 'Arrests per person', labelArrow: 'none' as const };
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: margin.top + margin.bottom + Math.max(rows.length, 1) * ROW,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    y: { type: 'band', domain: rows.map((r) => r.rank), axis: null },
    x: { domain: [0, end] },
    insetRight: INSET_RIGHT,
    marks: [
      ...key.marks(margin.top, margin.left),
      // what a row is, above the rows
      Plot.text([`One row per person (${count(rows.length, 'person', 'people')}), most arrests before at the top`], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -44, textAnchor: 'start', lineAnchor: 'bottom', lineWidth: ((width - 8) / FONT_SIZE) * 0.8 }),
      Plot.gridX({ ticks }),
      Plot.axisX({ ...axis, anchor: 'top', labelOffset: 30 }),
      Plot.axisX({ ...axis, anchor: 'bottom' }),
      Plot.ruleY(trace, { y: 'rank', x1: 'pre', x2: 'post', dy: 4, ...STUDY, clip: true, className: STUDY_CLASS }),
      // its tip on the frame's edge, where the line is cut (the inset beyond the axis's end)
      studyCutMark(cut, { x: () => end, y: 'rank', dx: INSET_RIGHT, dy: 4, toward: 'right' }),
      Plot.ruleY(rows, { y: 'rank', x1: 'eventsPre', x2: 'eventsPost', stroke: periodColors.post, strokeWidth: 1.5 }),
      Plot.dot(rows, { y: 'rank', x: 'eventsPre', fill: periodColors.pre, ...DOT }),
      Plot.dot(rows, { y: 'rank', x: 'eventsPost', stroke: periodColors.post, fill: 'none', ...RING }),
    ],
  });
}
