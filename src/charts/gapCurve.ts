// The order's own months: the reduction in arrests as the months around the order are left out
// (a "gap" of 0 … 6 months either side), overall and by category. One line per group across the
// gaps, a dot at each gap and a vertical bar for its 95% interval. The overall line is drawn
// thick and black, over the categories' thinner coloured lines (palette.ts's colours, outlined in
// their darker strokes); each group is shifted slightly sideways so that intervals at the same
// gap do not hide one another. A key above names the groups; the table gives every number.

import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { count } from '../lib/wording.ts';
import { categoryColor, categoryStroke } from './palette.ts';
import { HALO, colorKey, reductionCell, shareDomain, shareTicks } from './robustnessShared.ts';
import { formatMonth, frame, messageFigure, widthOf } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export interface GapCurveRow {
  /** Months left out either side of the order: −gap … −1 and 1 … gap. */
  gap: number;
  /** 'overall', or a category code. */
  group: string;
  /** Readable name of the group, e.g. "All selected categories", "Violence". */
  groupName: string;
  /** 1 − after / before; null where there was nothing before. */
  reduction: number | null;
  /** The 95% interval, or null where there is none. */
  ci: [number, number] | null;
}

const OVERALL = 'overall';
const OVERALL_COLOR = '#000000';
const SPREAD = 0.09; // months between neighbouring groups' marks at one gap

/**
 * The groups in drawing order (overall first, then the categories as they first appear), with
 * colours: a category's position in `allCategories` (the dataset's list, as on every figure) when
 * given, so a reader's own categories keep their colours; otherwise its position among the rows'.
 */
function groups(rows: readonly GapCurveRow[], allCategories?: readonly string[]): { group: string; name: string; color: string; stroke: string; offset: number }[] {
  const seen: { group: string; name: string }[] = [];
  for (const r of rows) if (!seen.some((g) => g.group === r.group)) seen.push({ group: r.group, name: r.groupName });
  seen.sort((a, b) => Number(b.group === OVERALL) - Number(a.group === OVERALL));
  const categories = seen.filter((g) => g.group !== OVERALL);
  return seen.map((g, k) => {
    const at = allCategories?.includes(g.group) ? allCategories.indexOf(g.group) : categories.indexOf(g);
    return {
      ...g,
      color: g.group === OVERALL ? OVERALL_COLOR : categoryColor(g.group, at),
      stroke: g.group === OVERALL ? OVERALL_COLOR : categoryStroke(g.group, at),
      offset: (k - (seen.length - 1) / 2) * SPREAD,
    };
  });
}

const gapWords = (gap: number) => (gap === 0 ? 'no months left out' : `months ${formatMonth(-gap)} to ${formatMonth(gap)} left out`);

export function describeGapCurve(rows: readonly GapCurveRow[]): string {
  const drawn = rows.filter((r) => r.reduction !== null);
  if (drawn.length === 0) return 'No reductions to show for any gap.';
  const gaps = [...new Set(rows.map((r) => r.gap))].sort((a, b) => a - b);
  const parts = groups(rows).map(({ group, name }) => {
    const mine = rows.filter((r) => r.group === group && r.reduction !== null).sort((a, b) => a.gap - b.gap);
    if (mine.length === 0) return `${name}: no reduction at any gap`;
    const first = mine[0];
    const last = mine.at(-1)!;
    return mine.length === 1 ? `${name} ${formatPercent(first.reduction)} with a gap of ${count(first.gap, 'month')}` : `${name} from ${formatPercent(first.reduction)} (${gapWords(first.gap)}) to ${formatPercent(last.reduction)} (${gapWords(last.gap)})`;
  });
  return `The reduction in arrests as the months around the order are left out, for gaps of ${gaps.map(formatNumber).join(', ')} months: ${parts.join('; ')}.`;
}

export function tableGapCurve(rows: readonly GapCurveRow[]): ChartTable {
  const gs = groups(rows);
  const gaps = [...new Set(rows.map((r) => r.gap))].sort((a, b) => a - b);
  return {
    caption: 'Reduction in arrests (95% interval) with the months around the order left out, by months left out either side',
    columns: ['Months left out either side', ...gs.map((g) => g.name)],
    rows: gaps.map((gap) => [formatNumber(gap), ...gs.map(({ group }) => {
      const r = rows.find((x) => x.gap === gap && x.group === group);
      return r ? reductionCell(r.reduction, r.ci) : '';
    })]),
  };
}

export function gapCurveChart(rows: readonly GapCurveRow[], options: ChartOptions = {}): Figure {
  const ariaLabel = 'Reduction in arrests as the months around the order are left out';
  const description = describeGapCurve(rows);
  const drawn = rows.filter((r) => r.reduction !== null);
  if (drawn.length === 0) return messageFigure('No reductions to show for any gap.', options, ariaLabel, description);
  const width = widthOf(options);
  const gs = groups(rows, options.allCategories);
  const style = new Map(gs.map((g) => [g.group, g]));
  const points = drawn
    .map((r) => ({ ...r, x: r.gap + style.get(r.group)!.offset, overall: r.group === OVERALL }))
    .sort((a, b) => Number(a.overall) - Number(b.overall) || a.gap - b.gap); // overall drawn last, on top
  const intervals = points.filter((p) => p.ci !== null);
  const gaps = [...new Set(rows.map((r) => r.gap))].sort((a, b) => a - b);
  const domain = shareDomain([...drawn.map((r) => r.reduction!), ...intervals.flatMap((p) => p.ci!)]);
  const key = colorKey(gs.map((g) => ({ mark: g.group === OVERALL ? 'thickLine' : 'line', color: g.stroke, label: g.name })), width);
  const margin = { top: key.height + 26, left: 52, right: 20, bottom: 44 };
  const plotHeight = 260;
  const byGroup = (overall: boolean) => points.filter((p) => p.overall === overall);
  const lineOf = (overall: boolean) => Plot.line(byGroup(overall), { x: 'x', y: 'reduction', z: 'group', stroke: (d: { group: string }) => style.get(d.group)!.stroke, strokeWidth: overall ? 3 : 1.75, className: 'gap-lines' });
  const dotsOf = (overall: boolean, r: number) => Plot.dot(byGroup(overall), { x: 'x', y: 'reduction', r, fill: (d: { group: string }) => style.get(d.group)!.color, stroke: (d: { group: string }) => style.get(d.group)!.stroke, strokeWidth: 1.25, className: 'gap-points' });
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
      Plot.text(['Reduction in arrests (95% interval)'], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -8, textAnchor: 'start', lineAnchor: 'bottom' }),
      Plot.ruleY([0], { stroke: '#767676' }),
      Plot.text(['no change'], { y: 0, frameAnchor: 'right', textAnchor: 'end', dy: -7, fontSize: 11, fill: '#595959', ...HALO }),
      Plot.ruleX(intervals, { x: 'x', y1: (d: GapCurveRow) => d.ci![0], y2: (d: GapCurveRow) => d.ci![1], stroke: (d: { group: string }) => style.get(d.group)!.stroke, strokeWidth: (d: { overall: boolean }) => (d.overall ? 2 : 1.25), className: 'gap-intervals' }),
      lineOf(false),
      lineOf(true),
      dotsOf(false, 3.5),
      dotsOf(true, 4.5),
    ],
  });
}
