// "How 210 events fall to 93": every offending event (arrest) in the chosen window and categories is one square.
// The months before the order fill the left block and the months after fill the right block,
// row by row from the top left, with the same number of columns, so the reader compares areas
// square for square. Within a block the squares run in category order (the order of every other
// figure, with the same colours), then month, then order; that is also the order arrow keys step
// through. The column count is taken from the whole dataset, not the current state, so a square
// keeps its size while the reader changes the window or categories.
//
// Each square is filled with its category's colour and outlined in its darker stroke colour
// (palette.ts), so even the lighter hues meet 3:1 against white; the legend swatches get the same outline.
//
// Finding a unit's square (for the focus ring and the pointer): the squares are the only rect
// mark of this figure and are emitted in unit order, so unit k is the k-th <rect> of that mark's
// group. Plot labels the group aria-label="rect"; the app (src/lib/figures.ts, drawFigure) renames
// that to data-mark="rect" after drawing, and the browser (src/client/figures.ts) takes the k-th
// rect under g[data-mark="rect"]. Adding another rect mark to this figure would break that.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import { formatNumber } from '../lib/format.ts';
import { categoryList, count } from '../lib/wording.ts';
import { strokeOf } from './palette.ts';
import { NO_CATEGORY, categoryScale, frame, fromTo, periodLabel, type Period } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export interface Unit {
  /** Position in reading (and arrow-key) order, 0 … N − 1. */
  index: number;
  period: Period;
  /** Grid position within the unit's own block. */
  col: number;
  row: number;
  /** Data coordinates of the cell's top-left corner: after-block columns are offset by columns + GAP. */
  x: number;
  y: number;
  /** Columns per block, the same for every unit of one layout. */
  columns: number;
  orderId: string;
  month: number;
  category: string;
  offence: string;
  harm: number;
}

/** Empty columns between the two blocks. */
const GAP = 2;
/** Pixels between neighbouring squares (half on each side). */
const INSET = 1;
const MARGIN = { top: 34, right: 10, bottom: 10, left: 10 };

/** Columns per block: enough for a roughly square block holding the larger period of the whole dataset. */
function blockColumns(dataset: Dataset): number {
  const pre = dataset.events.filter((e) => e.month < 0).length;
  return Math.max(10, Math.ceil(Math.sqrt(Math.max(pre, dataset.events.length - pre))));
}

/** Pure layout: the events in the state, one cell each, before first then after. */
export function eventUnits(dataset: Dataset, result: AnalysisResult): Unit[] {
  const columns = blockColumns(dataset);
  const rank = new Map(result.categories.map((c, k) => [c, k]));
  const chosen = dataset.events.filter((e) => Math.abs(e.month) <= result.window && rank.has(e.category));
  const units: Unit[] = [];
  for (const period of ['pre', 'post'] as const) {
    const events = chosen
      .filter((e) => (period === 'pre' ? e.month < 0 : e.month > 0))
      .sort((a, b) => rank.get(a.category)! - rank.get(b.category)! || a.month - b.month || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    events.forEach((e, k) => {
      const col = k % columns;
      const row = Math.floor(k / columns);
      const x = col + (period === 'post' ? columns + GAP : 0);
      units.push({ index: units.length, period, col, row, x, y: row, columns, orderId: e.orderId, month: e.month, category: e.category, offence: e.offence, harm: e.harm });
    });
  }
  return units;
}

export function describeEventUnits(result: AnalysisResult): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const split = (p: Period) => result.categories.map((c) => `${result.categoryNames[c]} ${formatNumber(result.byCategory[c].events[p])}`).join(', ');
  const months = count(result.window, 'month');
  return (
    `Each square is one arrest (for ${categoryList(result)}): ${formatNumber(result.events.pre)} in the ${months} before the order ` +
    `(${split('pre')}) and ${formatNumber(result.events.post)} in the ${months} after (${split('post')}). ` +
    `Arrests ${fromTo(result.events)}.`
  );
}

export function tableEventUnits(result: AnalysisResult): ChartTable {
  return {
    caption: `Arrests (one square each) in the ${count(result.window, 'month')} before and after the order, by category`,
    columns: ['Category', 'Before', 'After'],
    rows: [
      ...result.categories.map((c) => [result.categoryNames[c], formatNumber(result.byCategory[c].events.pre), formatNumber(result.byCategory[c].events.post)]),
      ['All shown', formatNumber(result.events.pre), formatNumber(result.events.post)],
    ],
  };
}

export function eventUnitsChart(units: readonly Unit[], result: AnalysisResult, options: ChartOptions = {}): Figure {
  const width = options.width ?? 640;
  const columns = units[0]?.columns ?? 10;
  const across = 2 * columns + GAP;
  const rows = Math.max(1, ...units.map((u) => u.row + 1));
  const room = width - MARGIN.left - MARGIN.right;
  const cell = Math.max(2, Math.min(24, Math.floor(room / across)));
  const left = MARGIN.left + Math.max(0, Math.floor((room - across * cell) / 2)); // centre the grid
  const titles = (['pre', 'post'] as const).map((p) => ({
    x: p === 'pre' ? 0 : columns + GAP,
    text: `${periodLabel(p)}: ${count(result.events[p], 'arrest')}`,
  }));
  const stroke = strokeOf(result, options.allCategories);
  const figure = Plot.plot({
    ...frame(options, `Every arrest as a square: ${formatNumber(result.events.pre)} before and ${formatNumber(result.events.post)} after the order`, describeEventUnits(result)),
    height: MARGIN.top + rows * cell + MARGIN.bottom,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    // explicit ranges make the cells exactly square and row 0 the top row
    x: { domain: [0, across], range: [left, left + across * cell], axis: null },
    y: { domain: [0, rows], range: [MARGIN.top, MARGIN.top + rows * cell], axis: null },
    color: { ...categoryScale(result, options), legend: result.categories.length > 0 },
    marks: [
      Plot.rect(units, { x1: 'x', x2: (u: Unit) => u.x + 1, y1: 'y', y2: (u: Unit) => u.y + 1, fill: 'category', stroke: (u: Unit) => stroke(u.category), strokeWidth: 1, inset: INSET }),
      Plot.text(titles, { x: 'x', y: () => 0, text: 'text', textAnchor: 'start', lineAnchor: 'bottom', dy: -8, fontSize: 13, fontWeight: 'bold' }),
      ...(result.categories.length === 0 ? [Plot.text([NO_CATEGORY], { frameAnchor: 'middle', dy: 10, fontSize: 12 })] : []),
    ],
  });
  outlineSwatches(figure, result.categories, stroke);
  return figure;
}

/** Give Plot's legend swatches (in domain order) the same outline as the squares; the fill keeps the category hue. */
function outlineSwatches(figure: Figure, categories: readonly string[], stroke: (code: string) => string): void {
  if (figure.tagName.toLowerCase() === 'svg') return; // no legend
  // Plot names the swatch <span>s "<unique class>-swatch"; each holds one <svg> with one <rect>
  const swatches = [...figure.querySelectorAll('svg')].filter((svg) => /-swatch$/.test(svg.parentElement?.getAttribute('class') ?? ''));
  swatches.forEach((svg, k) => {
    if (k >= categories.length) return;
    svg.setAttribute('stroke', stroke(categories[k]));
    svg.setAttribute('stroke-width', '1.5'); // centred on the edge: half of it inside the 15px swatch
  });
}
