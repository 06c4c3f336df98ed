// Do months with more arrests also carry more harm? One dot per month: arrests across, total
// harm up. Months before the order are filled dark dots, months after are mid-grey rings, so the
// two periods separate in greyscale too; the key above the plot uses the same marks. Both axes start at zero because
// both are counts. Pearson's r (2 decimals, as everywhere) and its p are in the text alternative,
// not only on a hover. When the view differs from the study's, grey crosses show the study's
// values for the same months. The axes fit the view shown unless the reader keeps the study's
// scale; a study's month beyond them is marked at the plot's edge with an arrowhead pointing the
// way it goes (up, right, or both), and the description says how many.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatEstimate, formatNumber, formatPEquals } from '../lib/format.ts';
import { count } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { LEFT_OUT, NO_CATEGORY, STUDY, STUDY_CLASS, axisEnd, countTicks, cutWords, formatMonth, frame, legendKey, messageFigure, periodLabel, studyCutMark, studyTrace, tableMonths, type CutToward, studyViewWords, widthOf, withStudy } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

const DOT = { r: 4 };
const RING = { r: 4.5, strokeWidth: 1.75 };
/**
 * Pixels between the plot's left and bottom edges and zero on each axis: a month with no arrests or
 * no harm is drawn clear of the axes' ticks and their "0" labels (a ring's outer edge is 5.4px
 * from its centre). The far ends stay on the edges, where a study's month beyond them is cut.
 */
const ZERO_INSET = 10;

export function describeScatter(result: AnalysisResult, study?: AnalysisResult, _ownData?: boolean, studyScale = false): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const { r, p, reason } = result.correlation.pearson;
  const months = result.monthly.length;
  const lead =
    `Arrests against total harm (CCHI days) for each of the ${count(months, 'month')}${result.gap > 0 ? ' analysed' : ''}, ` +
    `${formatNumber(months / 2)} before and ${formatNumber(months / 2)} after the order` +
    `${result.gap > 0 ? ` (the ${count(result.gap, 'month')} either side of it left out)` : ''}.`;
  const stat =
    r === null
      ? `Pearson's correlation cannot be computed: ${reason ?? 'not enough variation'}.`
      : `Pearson's r = ${formatEstimate(r, 2)} (${formatPEquals(p)}).`;
  return `${lead} ${stat}${withStudy(studyWords(result, study, studyScale))}`;
}

/** The study's months within the window shown (arrests, harm), which the trace draws; [] when the view is the study's. */
export function studyPoints(result: AnalysisResult, study: AnalysisResult | undefined): { month: number; events: number; harm: number }[] {
  const traced = studyTrace(result, study, true);
  return traced && result.categories.length > 0 ? traced.monthly.filter((m) => Math.abs(m.month) <= result.window).map((m) => ({ month: m.month, events: m.events, harm: m.harm })) : [];
}

type Point = { events: number; harm: number };
/** The ends of the axes: the view's highest month on each, or the study's too when its scale is kept. */
function axisEnds(months: readonly Point[], scaleTo: readonly Point[]): Point {
  const top = (key: keyof Point) => axisEnd(Math.max(1, ...months.map((m) => m[key]), ...scaleTo.map((m) => m[key])));
  return { events: top('events'), harm: top('harm') };
}
const beyond = (p: Point, end: Point) => p.events > end.events || p.harm > end.harm;
const towards = (p: Point, end: Point): CutToward => (p.harm > end.harm ? (p.events > end.events ? 'upRight' : 'up') : 'right');

function studyWords(result: AnalysisResult, study: AnalysisResult | undefined, studyScale: boolean): string {
  const traced = studyTrace(result, study, true);
  if (!traced || result.categories.length === 0) return '';
  const r = traced.correlation.pearson.r;
  // Said for the view's own scales, which are the figure's unless the reader keeps the study's.
  const end = axisEnds(result.monthly, []);
  const cut = studyPoints(result, study).filter((p) => beyond(p, end)).length;
  const beyondWords = cutWords(cut, studyScale, ` At this view's own scales (arrests 0 to ${formatNumber(end.events)}, harm 0 to ${formatNumber(end.harm)}), ${formatNumber(cut)} of the study's months ${cut === 1 ? 'is' : 'are'} beyond the plot: an arrowhead at its edge points the way ${cut === 1 ? 'it lies' : 'each lies'}; the table gives the numbers.`, true);
  // With months left out, the crosses still show every month of the window, those left out among them
  // (the table says "left out" beside them): not "the same months" (a copy-editor at ?gap=23 counted 48 crosses beside 2 months).
  const which = result.gap > traced.gap ? `every month of this window, including the ${count(2 * (result.gap - traced.gap), 'month')} this view leaves out,` : 'the same months';
  return `Grey crosses show ${which} in ${studyViewWords(traced, result, true)}${r === null ? '' : `, where over all its months Pearson's r = ${formatEstimate(r, 2)}`}.${beyondWords}`;
}

export function tableScatter(result: AnalysisResult, study?: AnalysisResult): ChartTable {
  const traced = result.categories.length === 0 ? null : studyTrace(result, study, true);
  const inStudy = new Map(studyPoints(result, study).map((m) => [m.month, m]));
  const studyCells = (month: number) => {
    const s = inStudy.get(month);
    return traced ? (s ? [formatNumber(s.events), formatNumber(s.harm)] : ['', '']) : [];
  };
  return {
    caption: `Arrests and total harm (CCHI days) in each month relative to the order${traced ? `, with ${studyViewWords(traced, result, true)}` : ''}`,
    columns: ['Month', 'Period', 'Arrests', 'Harm (CCHI days)', ...(traced ? ["Study's view: arrests", "Study's view: harm"] : [])],
    rows: tableMonths(result, study).map(({ month, k }) => [
      formatMonth(month), periodLabel(month < 0 ? 'pre' : 'post'),
      ...(k === null ? [LEFT_OUT, LEFT_OUT] : [formatNumber(result.monthly[k].events), formatNumber(result.monthly[k].harm)]),
      ...studyCells(month),
    ]),
  };
}

export function scatterChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  const ariaLabel = 'Arrests against harm, month by month';
  const description = describeScatter(result, options.study, options.ownData, options.studyScale);
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, ariaLabel, description);
  const width = widthOf(options);
  const pre = result.monthly.filter((m) => m.month < 0);
  const post = result.monthly.filter((m) => m.month > 0);
  const trace = studyPoints(result, options.study);
  const scaleTo = options.studyScale && options.study ? options.study.monthly : [];
  const end = axisEnds(result.monthly, scaleTo);
  // the study's months beyond an axis: marked at the plot's edge, pointing up, right, or both
  const cut = trace.filter((p) => beyond(p, end));
  const key = legendKey(
    [
      { symbol: 'dot', label: 'Before the order' },
      { symbol: 'ring', label: 'After the order' },
      ...(trace.length > 0 ? [{ symbol: 'studyPoint' as const, label: "Study's view" }] : []),
    ],
    width,
  );
  const margin = { top: key.height + 22, left: 52, right: 20, bottom: 40 };
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: margin.top + margin.bottom + Math.round(Math.min(300, Math.max(220, width * 0.55))),
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    x: { domain: [0, end.events], insetLeft: ZERO_INSET, grid: true, ticks: countTicks(end.events, width - margin.left - margin.right - ZERO_INSET), label: 'Arrests in the month', tickFormat: formatNumber },
    y: { domain: [0, end.harm], insetBottom: ZERO_INSET, grid: true, ticks: countTicks(end.harm, 220), label: null, tickFormat: formatNumber },
    marks: [
      ...key.marks(margin.top, margin.left),
      Plot.text([options.ownData ? 'Harm in the month (days)' : 'Harm in the month (CCHI days)'], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -8, textAnchor: 'start', lineAnchor: 'bottom' }),
      Plot.dot(trace, { x: 'events', y: 'harm', symbol: 'plus', r: 4.5, stroke: STUDY.stroke, strokeWidth: 1.5, clip: true, className: STUDY_CLASS }),
      ...(['up', 'right', 'upRight'] as const).map((toward) =>
        studyCutMark(cut.filter((p) => towards(p, end) === toward), { x: (p: Point) => Math.min(p.events, end.events), y: (p: Point) => Math.min(p.harm, end.harm), toward })),
      Plot.dot(pre, { x: 'events', y: 'harm', fill: periodColors.pre, ...DOT }),
      Plot.dot(post, { x: 'events', y: 'harm', stroke: periodColors.post, fill: 'none', ...RING }),
    ],
  });
}
