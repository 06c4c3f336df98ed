// The order's own months: the reduction in arrests, or in harm (CCHI days, with the view's harm
// weights), as the months around the order are left out (a "gap" of 0 … 6 months either side),
// overall and by category; the page draws one figure per measure. One line per group across the
// gaps, a dot at each gap and a vertical bar for its 95% interval. The overall line is drawn
// thick and black, over the categories' thinner coloured lines (palette.ts's colours, outlined in
// their darker strokes); each group is shifted slightly sideways so that intervals at the same
// gap do not hide one another. An interval reaching below a 100% rise (harm's can, where a few
// severe offences weigh heavily) is cut there, its end marked by a small downward triangle, and the
// words say so. A key above names the groups; the table gives every number.

import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, formatReductionInWords } from '../lib/format.ts';
import { listWords } from '../lib/wording.ts';
import { categoryColor, categoryStroke, colourList } from './palette.ts';
import { colorKey, intervalFloor, reductionCell, shareDomain, shareTicks } from './robustnessShared.ts';
import { SMALL_FONT, formatMonth, frame, messageFigure, widthOf } from './shared.ts';
import type { HarmSource } from '../analysis/tables.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export interface GapCurveRow {
  /** Months left out either side of the order: −gap … −1 and 1 … gap. */
  gap: number;
  /** What is reduced: arrests, or harm (CCHI days). */
  measure: 'events' | 'harm';
  /** 'overall', or a category code. */
  group: string;
  /** Readable name of the group, e.g. "All selected categories", "Violence". */
  groupName: string;
  /** The totals before and after the orders (arrests, or harm) over the months compared at this gap. */
  pre: number;
  post: number;
  /** 1 − after / before; null where there was nothing before. */
  reduction: number | null;
  /** The 95% interval, or null where there is none. */
  ci: [number, number] | null;
}

/** Which measure's rows a figure draws, and (for harm) where its harm comes from, for the words. */
export interface GapCurveMeasure {
  /** Arrests (default) or harm; rows of the other measure are left out. */
  measure?: 'events' | 'harm';
  /** The view's harm weights (analyse()'s `weights`), named in the words for harm. Default 'data'. */
  weights?: HarmSource;
}
export type GapCurveOptions = ChartOptions & GapCurveMeasure;

/** The measure as the words name it: "arrests", "harm (CCHI days)", "harm (CCHI days, the harm index's low weights)". */
export function gapCurveMeasureWords({ measure = 'events', weights = 'data' }: GapCurveMeasure = {}): string {
  if (measure === 'events') return 'arrests';
  return weights === 'data' ? 'harm (CCHI days)' : `harm (CCHI days, the harm index's ${weights} weights)`;
}

const ofMeasure = (rows: readonly GapCurveRow[], what: GapCurveMeasure) => rows.filter((r) => r.measure === (what.measure ?? 'events'));

const OVERALL = 'overall';
const OVERALL_COLOR = '#000000';
/** The words at the zero line, and where the axis's tick labels end, left of the plot (Plot's tick, 6px, and its padding, 3px). */
const NO_CHANGE = 'no change';
const AXIS_LABEL_END = 9;
const SPREAD = 0.09; // months between neighbouring groups' marks at one gap
/**
 * Each group's dot shape, so that the lines can be told apart without colour (printed in grey, a
 * reviewer could not tell violence's vermillion from drugs' green): the overall line's circle, and a
 * category's shape by its place in the colour list, as its colour is.
 */
const OVERALL_SYMBOL = 'circle';
const CATEGORY_SYMBOLS = ['square', 'diamond', 'triangle', 'star', 'wye', 'cross', 'times'] as const;

/**
 * The groups in drawing order (overall first, then the categories as they first appear), with
 * colours: a category's position in `allCategories` (the dataset's list, as on every figure) when
 * given, so a reader's own categories keep their colours; otherwise its position among the rows'.
 */
function groups(rows: readonly GapCurveRow[], allCategories?: readonly string[]): { group: string; name: string; color: string; stroke: string; symbol: string; offset: number }[] {
  const seen: { group: string; name: string }[] = [];
  for (const r of rows) if (!seen.some((g) => g.group === r.group)) seen.push({ group: r.group, name: r.groupName });
  seen.sort((a, b) => Number(b.group === OVERALL) - Number(a.group === OVERALL));
  const categories = seen.filter((g) => g.group !== OVERALL);
  const list = colourList(categories.map((g) => g.group), allCategories);
  return seen.map((g, k) => {
    return {
      ...g,
      color: g.group === OVERALL ? OVERALL_COLOR : categoryColor(g.group, list),
      stroke: g.group === OVERALL ? OVERALL_COLOR : categoryStroke(g.group, list),
      symbol: g.group === OVERALL ? OVERALL_SYMBOL : CATEGORY_SYMBOLS[Math.max(0, list.indexOf(g.group)) % CATEGORY_SYMBOLS.length],
      offset: (k - (seen.length - 1) / 2) * SPREAD,
    };
  });
}

/** Where the figure cuts intervals, from the rows it draws. */
const floorOf = (drawn: readonly GapCurveRow[]) => intervalFloor(drawn.map((r) => r.reduction!), drawn.map((r) => r.ci));

const gapWords = (gap: number) => (gap === 0 ? 'no months left out' : `months ${formatMonth(-gap)} to ${formatMonth(gap)} left out`);

export function describeGapCurve(all: readonly GapCurveRow[], what: GapCurveMeasure = {}): string {
  const rows = ofMeasure(all, what);
  const drawn = rows.filter((r) => r.reduction !== null);
  if (drawn.length === 0) return 'No reductions to show for any gap.';
  const gaps = [...new Set(rows.map((r) => r.gap))].sort((a, b) => a - b);
  const parts = groups(rows).map(({ group, name }) => {
    const mine = rows.filter((r) => r.group === group && r.reduction !== null).sort((a, b) => a.gap - b.gap);
    if (mine.length === 0) return `${name}: no reduction at any gap`;
    const first = mine[0];
    const last = mine.at(-1)!;
    return mine.length === 1 ? `${name} ${formatReductionInWords(first.reduction)} (${gapWords(first.gap)})` : `${name} from ${formatReductionInWords(first.reduction)} (${gapWords(first.gap)}) to ${formatReductionInWords(last.reduction)} (${gapWords(last.gap)})`;
  });
  const { floor, cut } = floorOf(drawn);
  const cutWords = cut ? ` Intervals reaching below ${formatPercent(floor)} are cut there; the table gives them in full.` : '';
  // A window of 1 month has room for no gap: say so rather than "for gaps of 0 months".
  const which = gaps.length === 1 && gaps[0] === 0 ? 'with no months left out, as the window is too short to leave any out'
    : `as the months around the order are left out, for gaps of ${listWords(gaps.map(formatNumber))} ${gaps.length === 1 && gaps[0] === 1 ? 'month' : 'months'}`;
  // With one category the overall line is that category's: its fall is named once, by the category.
  const named = groups(rows).filter((g, _, all) => !(g.group === OVERALL && all.length === 2));
  const lost = named.map(({ group, name }) => lostFallWords(name, rows.filter((r) => r.group === group).sort((a, b) => a.gap - b.gap))).filter((w) => w !== '');
  return `The reduction in ${gapCurveMeasureWords(what)} ${which}: ${parts.join('; ')}.${lost.map((w) => ` ${w}`).join('')}${cutWords}`;
}

/**
 * A fall whose interval is clear of no change with no months left out, but takes in no change at
 * some gaps: the one thing a reader needs from this figure that its two ends ("from 60% to 32%")
 * can hide (the study's violence harm is a 2% fall at 3 months and a rise at 4). When the fall is
 * lost at every gap from some point on, and at two gaps or more, it rests on the months nearest
 * the order; lost at scattered gaps, it may be chance among many intervals, as the page says.
 * '' for a group whose fall is not clear to begin with, or stays clear.
 */
function lostFallWords(name: string, mine: readonly GapCurveRow[]): string {
  // Clear of no change: a lower end above 0, which prints as such ("0.5%", never "0%": formatPercent).
  const clear = (ci: readonly [number, number]) => ci[0] > 0;
  const start = mine.find((r) => r.gap === 0);
  if (!start?.ci || start.reduction === null || !clear(start.ci)) return '';
  const later = mine.filter((r) => r.gap > 0 && r.reduction !== null);
  const lost = later.filter((r) => r.ci !== null && !clear(r.ci)).map((r) => r.gap);
  if (lost.length === 0) return '';
  const fromThereOn = later.every((r) => r.gap < lost[0] || lost.includes(r.gap));
  const months = `${listWords(lost.map(formatNumber), 'or')} ${lost.length === 1 && lost[0] === 1 ? 'month' : 'months'}`;
  const rests = fromThereOn && lost.length >= 2 ? ', so it rests on the months nearest the order' : '';
  return `${name}: the fall is clear of no change with no months left out (${formatPercent(start.reduction)}, interval ${formatPercent(start.ci[0])} to ${formatPercent(start.ci[1])}), but its interval takes in no change with ${months} left out${rests}.`;
}

export function tableGapCurve(all: readonly GapCurveRow[], what: GapCurveMeasure = {}): ChartTable {
  const rows = ofMeasure(all, what);
  const gs = groups(rows);
  const gaps = [...new Set(rows.map((r) => r.gap))].sort((a, b) => a - b);
  return {
    caption: `Reduction in ${gapCurveMeasureWords(what)} (95% interval) with the months around the order left out, by months left out either side`,
    columns: ['Months left out either side', ...gs.map((g) => g.name)],
    rows: gaps.map((gap) => [formatNumber(gap), ...gs.map(({ group }) => {
      const r = rows.find((x) => x.gap === gap && x.group === group);
      return r ? reductionCell(r.reduction, r.ci) : '';
    })]),
  };
}

export function gapCurveChart(all: readonly GapCurveRow[], options: GapCurveOptions = {}): Figure {
  const rows = ofMeasure(all, options);
  const measure = options.measure ?? 'events';
  const ariaLabel = `Reduction in ${measure === 'events' ? 'arrests' : 'harm'} as the months around the order are left out`;
  const description = describeGapCurve(rows, options);
  const drawn = rows.filter((r) => r.reduction !== null);
  if (drawn.length === 0) return messageFigure('No reductions to show for any gap.', options, ariaLabel, description);
  const width = widthOf(options);
  const gs = groups(rows, options.allCategories);
  const style = new Map(gs.map((g) => [g.group, g]));
  const points = drawn
    .map((r) => ({ ...r, x: r.gap + style.get(r.group)!.offset, overall: r.group === OVERALL }))
    .sort((a, b) => Number(a.overall) - Number(b.overall) || a.gap - b.gap); // overall drawn last, on top
  const intervals = points.filter((p) => p.ci !== null);
  const { floor } = floorOf(drawn);
  const cut = intervals.filter((p) => p.ci![0] < floor);
  const gaps = [...new Set(rows.map((r) => r.gap))].sort((a, b) => a - b);
  const domain = shareDomain([...drawn.map((r) => r.reduction!), ...intervals.flatMap((p) => p.ci!.map((c) => Math.max(c, floor)))]);
  const key = colorKey(gs.map((g) => ({ mark: g.group === OVERALL ? 'thickLine' : 'line', color: g.stroke, label: g.name, symbol: g.symbol, fill: g.color })), width);
  // "no change" is said at the axis, under its 0% tick, outside the plot, where no line or
  // interval can run through it (inside, at either end of the zero line, a line or an interval
  // near zero crossed it); the left margin is widened to hold it.
  const margin = { top: key.height + 26, left: Math.max(52, Math.ceil(AXIS_LABEL_END + NO_CHANGE.length * SMALL_FONT * 0.6 + 4)), right: 20, bottom: 44 };
  const plotHeight = 260;
  const byGroup = (overall: boolean) => points.filter((p) => p.overall === overall);
  const lineOf = (overall: boolean) => Plot.line(byGroup(overall), { x: 'x', y: 'reduction', z: 'group', stroke: (d: { group: string }) => style.get(d.group)!.stroke, strokeWidth: overall ? 3 : 1.75, className: 'gap-lines' });
  const dotsOf = (overall: boolean, r: number) => Plot.dot(byGroup(overall), { x: 'x', y: 'reduction', r, symbol: (d: { group: string }) => style.get(d.group)!.symbol, fill: (d: { group: string }) => style.get(d.group)!.color, stroke: (d: { group: string }) => style.get(d.group)!.stroke, strokeWidth: 1.25, className: 'gap-points' });
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: margin.top + margin.bottom + plotHeight,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    x: { domain: [gaps[0] - 0.5, gaps.at(-1)! + 0.5], ticks: gaps, tickFormat: formatNumber, label: 'Months left out either side of the order' },
    y: { domain, ticks: shareTicks(domain[0], domain[1], plotHeight), tickFormat: formatPercent, label: null, grid: true },
    color: { type: 'identity' },
    marks: [
      ...key.marks(margin.top, margin.left),
      Plot.text([measure === 'events' ? 'Reduction in arrests (95% interval)' : 'Reduction in harm (95% interval)'], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -8, textAnchor: 'start', lineAnchor: 'bottom' }),
      Plot.ruleY([0], { stroke: '#767676' }),
      Plot.text([NO_CHANGE], { y: 0, frameAnchor: 'left', textAnchor: 'end', lineAnchor: 'top', dx: -AXIS_LABEL_END, dy: 7, fontSize: SMALL_FONT, fill: '#595959', className: 'gap-no-change' }),
      Plot.ruleX(intervals, { x: 'x', y1: (d: GapCurveRow) => Math.max(d.ci![0], floor), y2: (d: GapCurveRow) => d.ci![1], stroke: (d: { group: string }) => style.get(d.group)!.stroke, strokeWidth: (d: { overall: boolean }) => (d.overall ? 2 : 1.25), className: 'gap-intervals' }),
      ...(cut.length > 0 ? [Plot.dot(cut, { x: 'x', y: floor, symbol: 'triangle', rotate: 180, r: 3.5, fill: (d: { group: string }) => style.get(d.group)!.stroke, className: 'gap-cut' })] : []),
      lineOf(false),
      lineOf(true),
      dotsOf(false, 3.5),
      dotsOf(true, 4.5),
    ],
  });
}
