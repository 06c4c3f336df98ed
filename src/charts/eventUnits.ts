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
// Ghosts: when arrests fell, the after block also holds max(before − after, 0) outlined, empty
// squares, continuing the after block's reading order, so both blocks have the same area and the
// empty outlines are the shortfall against the period before (a difference of totals). When arrests rose there are none, and the
// legend, the text alternative and the table say so.
//
// Selecting a person: every square knows its person (orderId). personUnits() gives one person's
// squares and describePerson() names them with readable category names.
//
// Drawn as paths, not one <rect> per square: each run of squares of one period and one category
// is one <path> of closed square subpaths (the outline a <rect> at the same place draws), and the
// ghosts are one more. A change of view then rewrites about ten elements instead of hundreds: the
// browser styles every SVG element whose geometry or colour changes on its own, and at 420 squares
// that restyling was most of a change of view on the Overview. The squares' group,
// g[data-mark="rect"], holds the runs' paths in unit order, so unit k is the k-th square subpath
// across them (unitRuns() gives the runs, unitBox() a unit's square); the ghosts' group,
// g[data-mark="ghost"], follows it. Neither group is there when it would be empty. The page finds
// a unit by position (src/client/units.ts): the pointer, a tap and the focus ring use unitBox().
//
// Drawing in two parts: Plot draws the frame (size, titles, legend, the text alternative) and
// writeSquares() writes the squares and ghosts into it, by hand. On the page a change of view
// draws a new frame, rewrites the one shown to match it (leaving the two groups alone) and lets
// writeSquares() rewrite the paths already there (src/client/units.ts, redrawUnits).
// tests/charts.test.ts checks the squares against Plot's own rect mark, and tests/dom.test.ts the
// page's redraw against a new drawing.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import { eventHarms, inWindow } from '../analysis/tables.ts';
import { formatNumber } from '../lib/format.ts';
import { categoryList, count, gapWords, periodParts, plain } from '../lib/wording.ts';
import { categoryName } from '../analysis/categories.ts';
import { strokeOf } from './palette.ts';
import { NO_CATEGORY, SMALL_FONT, categoryScale, frame, fromTo, periodLabel, widthOf, type Period } from './shared.ts';
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
  /** The event's position in dataset.events: its identity, the same in every view. */
  event: number;
}

/** An outlined empty cell in the after block: one arrest of the shortfall against the period before. */
export interface Ghost {
  /** 0 … ghostCount − 1, in reading order after the last after-square. */
  index: number;
  col: number;
  row: number;
  x: number;
  y: number;
}

/** The shortfall of arrests after against before: max(before − after, 0). None when arrests rose or stayed level. */
export function ghostCount(result: AnalysisResult): number {
  return Math.max(result.events.pre - result.events.post, 0);
}

/** What the inspector says instead of UNITS_HELP where the view has no arrest to pick out. */
export const NOTHING_TO_PICK = 'There are no arrests in this view to pick out.';

/** The figure's help line (by keyboard and pointer; unitsHelp.ts has the touch screen's). */
export { UNITS_HELP } from './unitsHelp.ts';
import { UNITS_CLEAR } from './unitsHelp.ts';

/** Empty columns between the two blocks. */
const GAP = 2;
/** Pixels between neighbouring squares (half on each side). */
const INSET = 1;
/** Inset of a ghost's outline: half a pixel more than a square's, so its 1px line sits on whole pixels. */
const GHOST_INSET = INSET + 0.5;
/** What writeSquares() writes on each path of squares and on the ghosts' path; anything else on them goes with a redraw. */
const GHOST_ATTRIBUTES = ['d'];
const SQUARE_ATTRIBUTES = ['d', 'fill', 'stroke'];
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
  const position = new Map(dataset.events.map((e, k) => [e, k]));
  // The harm each square carries is the harm the result used (as recorded, or the index's weights).
  const harms = result.weights === 'data' ? undefined : eventHarms(dataset, result.weights);
  const chosen = dataset.events.filter((e) => inWindow(e.month, result.window, result.gap) && rank.has(e.category));
  const units: Unit[] = [];
  for (const period of ['pre', 'post'] as const) {
    const events = chosen
      .filter((e) => (period === 'pre' ? e.month < 0 : e.month > 0))
      .sort((a, b) => rank.get(a.category)! - rank.get(b.category)! || a.month - b.month || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    events.forEach((e, k) => {
      const col = k % columns;
      const row = Math.floor(k / columns);
      const x = col + (period === 'post' ? columns + GAP : 0);
      const event = position.get(e)!;
      units.push({ index: units.length, period, col, row, x, y: row, columns, orderId: e.orderId, month: e.month, category: e.category, offence: e.offence, harm: harms ? harms[event] : e.harm, event });
    });
  }
  return units;
}

/** The ghosts' cells, after the after block's squares (same columns, same offset). */
export function eventGhosts(units: readonly Unit[], result: AnalysisResult): Ghost[] {
  const columns = units[0]?.columns ?? 10;
  const post = units.filter((u) => u.period === 'post').length;
  return Array.from({ length: ghostCount(result) }, (_, index) => {
    const k = post + index;
    const col = k % columns;
    const row = Math.floor(k / columns);
    return { index, col, row, x: col + columns + GAP, y: row };
  });
}

/** The indices of one person's squares, before and after, in reading order. */
export function personUnits(units: readonly Unit[], orderId: string): number[] {
  return units.flatMap((u, k) => (u.orderId === orderId ? [k] : []));
}

export interface PersonSummary {
  orderId: string;
  pre: number;
  post: number;
  /** Readable category names with counts, in the view's category order. */
  byCategory: Record<Period, { name: string; n: number }[]>;
}

/** One person's arrests in the view, before and after, by readable category name. */
export function personSummary(units: readonly Unit[], orderId: string, result: AnalysisResult): PersonSummary {
  const mine = units.filter((u) => u.orderId === orderId);
  const split = (p: Period) =>
    result.categories
      .map((c) => ({ name: result.categoryNames[c] ?? categoryName(c), n: mine.filter((u) => u.period === p && u.category === c).length }))
      .filter((x) => x.n > 0);
  return { orderId, pre: mine.filter((u) => u.period === 'pre').length, post: mine.filter((u) => u.period === 'post').length, byCategory: { pre: split('pre'), post: split('post') } };
}

/** "Person O-2MB6UR (a pseudonymised id): 2 arrests before the order (Violence 2) and none after, highlighted; …" */
export function describePerson(s: PersonSummary, clear: string = UNITS_CLEAR, position?: { at: number; of: number }): string {
  const list = (p: Period) => (s.byCategory[p].length ? ` (${s.byCategory[p].map((x) => `${x.name} ${formatNumber(x.n)}`).join(', ')})` : '');
  const after = s.post === 0 ? 'none after' : `${formatNumber(s.post)} after${list('post')}`;
  // Where they are among the people with arrests in view, so that a reader stepping through them knows
  // (an accessibility review: Previous and Next went round from the first to the last without a word).
  const where = position ? `, ${formatNumber(position.at)} of ${count(position.of, 'person', 'people')} with arrests in this view` : '';
  return (
    `Person ${s.orderId} (a pseudonymised id)${where}: ${count(s.pre, 'arrest')} before the order${list('pre')} and ${after}. ` +
    `Their ${count(s.pre + s.post, 'arrest')} in this view ${s.pre + s.post === 1 ? 'is' : 'are'} highlighted and the rest dimmed; ${clear}.`
  );
}

/** What the outlined squares show, in words (or that there are none, and why). */
export function ghostWords(result: AnalysisResult): string {
  const g = ghostCount(result);
  // A difference of the totals, not a set of arrests that stopped: some people may have more after.
  if (g > 0) return `The ${count(g, 'arrest')} fewer after ${g === 1 ? 'is' : 'are'} outlined as ${g === 1 ? 'an empty square' : 'empty squares'}: a difference of totals, not particular arrests.`;
  if (result.events.post > result.events.pre) return 'Arrests rose, so there is no shortfall to outline.';
  return 'Arrests did not fall, so there is no shortfall to outline.';
}

export function describeEventUnits(result: AnalysisResult): string {
  if (result.categories.length === 0) return NO_CATEGORY;
  const split = (p: Period) => result.categories.map((c) => `${result.categoryNames[c]} ${formatNumber(result.byCategory[c].events[p])}`).join(', ');
  // With a gap, each count is of the months analysed either side, and which months those are follows
  // both (a copy-editor read "1 in the 24 months after" where the 24 months after held 93).
  const period = periodParts(result);
  const which = plain(period.which).trim().replace(/^\((.*)\)$/, '$1');
  return (
    `Each square is one arrest (for ${categoryList(result)}): ${formatNumber(result.events.pre)} in ${plain(period.before)} before the order ` +
    `(${split('pre')}) and ${formatNumber(result.events.post)} in ${plain(period.after)} after (${split('post')})${which ? `: ${which}` : ''}. ` +
    `Arrests ${fromTo(result.events)}. ${ghostWords(result)}`
  );
}

export function tableEventUnits(result: AnalysisResult): ChartTable {
  return {
    caption: `Arrests (one square each) in the ${count(result.window, 'month')} before and after the order${gapWords(result)}, by category`,
    columns: ['Category', 'Before', 'After'],
    rows: [
      ...result.categories.map((c) => [result.categoryNames[c], formatNumber(result.byCategory[c].events.pre), formatNumber(result.byCategory[c].events.post)]),
      ['All shown', formatNumber(result.events.pre), formatNumber(result.events.post)],
      ['Fewer after (outlined squares)', '', ghostCount(result) > 0 ? formatNumber(ghostCount(result)) : result.events.post > result.events.pre ? 'none: arrests rose' : 'none'],
    ],
  };
}

/** Where the squares go at a width: the cell's side and the grid's left edge (whole pixels), and the rows of the taller block. */
function grid(units: readonly Unit[], ghosts: readonly Ghost[], width: number) {
  const columns = units[0]?.columns ?? 10;
  const across = 2 * columns + GAP;
  const rows = Math.max(1, ...units.map((u) => u.row + 1), ...ghosts.map((g) => g.row + 1));
  const room = width - MARGIN.left - MARGIN.right;
  const cell = Math.max(2, Math.min(24, Math.floor(room / across)));
  const left = MARGIN.left + Math.max(0, Math.floor((room - across * cell) / 2)); // centre the grid
  return { columns, across, rows, cell, left };
}

/** The whole figure: Plot's frame with the squares and ghosts written in. */
export function eventUnitsChart(units: readonly Unit[], result: AnalysisResult, options: ChartOptions = {}): Figure {
  return writeSquares(eventUnitsFrame(units, result, options), units, result, options);
}

/** Everything but the squares and ghosts: the size for them, the block titles, the legend and the text alternative. */
export function eventUnitsFrame(units: readonly Unit[], result: AnalysisResult, options: ChartOptions = {}): Figure {
  const width = options.width ?? 640;
  const { columns, across, rows: grown, cell, left } = grid(units, eventGhosts(units, result), width);
  // With no category chosen the figure holds a message instead of squares: room for it on two lines.
  const empty = result.categories.length === 0;
  const rows = empty ? Math.max(grown, Math.ceil(44 / cell)) : grown;
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
    // explicit ranges put the block titles over the blocks' first columns, and row 0 at the top
    x: { domain: [0, across], range: [left, left + across * cell], axis: null },
    y: { domain: [0, rows], range: [MARGIN.top, MARGIN.top + rows * cell], axis: null },
    color: { ...categoryScale(result, options), legend: result.categories.length > 0 },
    marks: [
      Plot.text(titles, { x: 'x', y: () => 0, text: 'text', textAnchor: 'start', lineAnchor: 'bottom', dy: -8, fontSize: 13, fontWeight: 'bold' }),
      ...(empty ? [Plot.text([NO_CATEGORY], { frameAnchor: 'middle', fontSize: 12, lineWidth: Math.max(10, (widthOf(options) - 20) / 12) })] : []),
    ],
  });
  outlineSwatches(figure, result.categories, stroke);
  ghostSwatch(figure, result);
  legendFont(figure);
  return figure;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The two groups writeSquares() owns on the page, which a redraw of the frame leaves alone (so the frame must draw no rect mark of its own: it would be taken for them). */
export const isSquares = (e: Element): boolean => e.localName === 'g' && (e.getAttribute('data-mark') === 'rect' || e.getAttribute('data-mark') === 'ghost');

/** A run of consecutive units of one period and one category: one <path> of the squares' group. */
export interface Run {
  /** The first unit's index and one past the last. */
  start: number;
  end: number;
  category: string;
}

/** The runs of units of one period and category, in unit order (units are sorted by period, then category). */
export function unitRuns(units: readonly Unit[]): Run[] {
  const runs: Run[] = [];
  units.forEach((u, k) => {
    const last = runs.at(-1);
    if (last && units[k - 1].period === u.period && last.category === u.category) last.end = k + 1;
    else runs.push({ start: k, end: k + 1, category: u.category });
  });
  return runs;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Unit k's square in a drawing `width` wide, in the SVG's own units (its cell inset by 1px on each side). */
export function unitBox(units: readonly Unit[], width: number, k: number): Box {
  const { cell, left } = grid(units, [], width);
  return cellBox(cell, left, INSET, units[k]);
}

/** Every unit's square at once (unitBox for each, with the grid worked out once). */
export function unitBoxes(units: readonly Unit[], width: number): Box[] {
  const { cell, left } = grid(units, [], width);
  return units.map((u) => cellBox(cell, left, INSET, u));
}

/** The squares of the units at these indices as one path's d (closed square subpaths, in the order given). */
export function unitsPath(units: readonly Unit[], width: number, indices: Iterable<number>): string {
  const { cell, left } = grid(units, [], width);
  return squaresPath(cell, left, INSET, [...indices].map((k) => units[k]));
}

/**
 * An SVG transform taking squares drawn `from` pixels wide onto where the same cells are drawn
 * `to` pixels wide (the cell's side and the grid's left edge both depend on the width): "" when
 * they are the same. The page lays the old squares over the new ones with it while they fade.
 */
export function squaresTransform(units: readonly Unit[], from: number, to: number): string {
  if (units.length === 0) return ''; // no grid to lay them onto
  const a = grid(units, [], from);
  const b = grid(units, [], to);
  if (a.cell === b.cell && a.left === b.left) return '';
  const k = b.cell / a.cell;
  return `translate(${b.left - a.left * k},${MARGIN.top * (1 - k)}) scale(${k})`;
}

function cellBox(cell: number, left: number, inset: number, at: { x: number; y: number }): Box {
  const side = Math.max(0, cell - 2 * inset);
  return { x: left + at.x * cell + inset, y: MARGIN.top + at.y * cell + inset, width: side, height: side };
}

/** A closed square subpath: the outline a <rect> with the same x, y, width and height draws (clockwise from its top-left corner). */
const square = (b: Box) => `M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}z`;

/** These cells' squares, inset on each side, as one path's d. */
function squaresPath(cell: number, left: number, inset: number, cells: readonly { x: number; y: number }[]): string {
  let d = '';
  for (const at of cells) d += square(cellBox(cell, left, inset, at));
  return d;
}

/**
 * Write the squares and ghosts into a drawing of eventUnitsFrame(), reusing whatever paths are
 * there: the j-th run of squares takes the j-th <path> of the squares' group, and only attributes
 * that differ are set (anything else a path carries is removed). A square is a cell of the grid
 * inset by 1px on each side, filled in its category's colour and outlined in its stroke colour; a
 * ghost is the same cell inset by 1.5px, outlined in grey. Returns the drawing.
 */
export function writeSquares(figure: Element, units: readonly Unit[], result: AnalysisResult, options: ChartOptions = {}): Figure {
  const svg = figure.localName === 'svg' ? figure : [...figure.children].find((e) => e.localName === 'svg')!;
  const ghosts = eventGhosts(units, result);
  const { cell, left } = grid(units, ghosts, options.width ?? 640);
  const { domain, range } = categoryScale(result, options);
  const fills = new Map(domain.map((c, k) => [c, range[k]]));
  const stroke = strokeOf(result, options.allCategories);
  const squares = group(svg, 'rect', units.length > 0, null);
  if (squares) {
    const runs = unitRuns(units);
    rewrite(squares, runs.length, SQUARE_ATTRIBUTES, (path, j) => {
      const { start, end, category } = runs[j];
      set(path, 'd', squaresPath(cell, left, INSET, units.slice(start, end)));
      set(path, 'fill', fills.get(category) ?? 'currentColor');
      set(path, 'stroke', stroke(category));
    });
  }
  const outlined = group(svg, 'ghost', ghosts.length > 0, squares);
  if (outlined) rewrite(outlined, 1, GHOST_ATTRIBUTES, (path) => set(path, 'd', squaresPath(cell, left, GHOST_INSET, ghosts)));
  return figure as Figure;
}

/**
 * The svg's group for `mark` ("rect": the squares, first; "ghost": right after `after`), created
 * if wanted and missing, removed if not wanted. Created before the frame's first mark, where Plot
 * draws a mark, and named as the frame names its marks: aria-label, as Plot does, until
 * drawFigure() (src/lib/figures.ts) has renamed them data-mark.
 */
function group(svg: Element, mark: 'rect' | 'ghost', wanted: boolean, after: Element | null): Element | null {
  const marks = [...svg.children].filter((e) => e.localName === 'g');
  const name = marks.some((e) => e.hasAttribute('data-mark')) ? 'data-mark' : 'aria-label';
  let g = marks.find((e) => e.getAttribute(name) === mark) ?? null;
  if (!wanted) {
    g?.remove();
    return null;
  }
  if (!g) {
    g = svg.ownerDocument.createElementNS(SVG, 'g');
    g.setAttribute(name, mark);
    if (mark === 'ghost') {
      g.setAttribute('fill', 'none');
      g.setAttribute('stroke', GHOST_STROKE);
    }
    svg.insertBefore(g, after ? after.nextSibling : marks[0] ?? null);
  }
  return g;
}

/** Make `g` hold exactly n <path>s, written by `write`, each with no attribute but `keep`. */
function rewrite(g: Element, n: number, keep: readonly string[], write: (path: Element, k: number) => void): void {
  let path = g.firstElementChild;
  for (let k = 0; k < n; k++) {
    if (!path) path = g.appendChild(g.ownerDocument.createElementNS(SVG, 'path'));
    write(path, k);
    if (path.attributes.length !== keep.length) {
      for (const name of path.getAttributeNames()) if (!keep.includes(name)) path.removeAttribute(name);
    }
    path = path.nextElementSibling;
  }
  while (path) {
    const gone = path;
    path = path.nextElementSibling;
    gone.remove();
  }
}

function set(e: Element, name: string, value: string): void {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

/** The outline of a ghost: 4.5:1 against white. */
const GHOST_STROKE = '#767676';

/** A last legend entry for the outlined squares: how many, or that there are none. */
function ghostSwatch(figure: Figure, result: AnalysisResult): void {
  if (figure.tagName.toLowerCase() === 'svg') return; // no legend
  const swatch = [...figure.querySelectorAll('span')].find((s) => /-swatch$/.test(s.getAttribute('class') ?? ''));
  if (!swatch) return;
  const ghost = swatch.cloneNode(true) as Element;
  const svg = ghost.querySelector('svg')!;
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', GHOST_STROKE);
  svg.setAttribute('stroke-width', '2');
  for (const node of [...ghost.childNodes]) if (node.nodeType === 3) node.remove(); // the category name
  const g = ghostCount(result);
  ghost.append(g > 0 ? `Fewer after (${formatNumber(g)})` : result.events.post > result.events.pre ? 'No outlined squares: arrests rose' : 'No outlined squares: no fall');
  swatch.parentElement!.append(ghost);
}

/**
 * The legend's text at the size of the other figures' keys (SMALL_FONT), not Plot's 10px: set on
 * the swatches' <div> itself, so it holds wherever the figure is drawn, whatever the stylesheet's
 * rule for Plot's class says (global.css keeps Plot's own rules, 10px among them).
 */
function legendFont(figure: Figure): void {
  if (figure.tagName.toLowerCase() === 'svg') return; // no legend
  const swatches = [...figure.querySelectorAll('div')].find((d) => /-swatches(\s|$)/.test(d.getAttribute('class') ?? ''));
  (swatches as HTMLElement | undefined)?.style.setProperty('font-size', `${SMALL_FONT}px`);
}

/** Give Plot's legend swatches (in domain order) the same outline as the squares; the fill keeps the category hue. */
function outlineSwatches(figure: Figure, categories: readonly string[], stroke: (code: string) => string): void {
  if (figure.tagName.toLowerCase() === 'svg') return; // no legend
  // Plot names the swatch <span>s "<unique class>-swatch"; each holds one <svg> with one <rect>
  const swatches = [...figure.querySelectorAll('svg')].filter((svg) => /-swatch$/.test(svg.parentElement?.getAttribute('class') ?? ''));
  swatches.slice(0, categories.length).forEach((svg, k) => {
    if (k >= categories.length) return;
    svg.setAttribute('stroke', stroke(categories[k]));
    svg.setAttribute('stroke-width', '1.5'); // centred on the edge: half of it inside the 15px swatch
  });
}

/**
 * The person after (step 1) or before (−1) `from`, in the order their first square is drawn, going
 * round at either end; the first person when none is picked; null when the view has no arrests.
 */
/** The people with arrests in view, in the order of their first square: the order Previous and Next person step in. */
export const peopleInOrder = (units: readonly Pick<Unit, 'orderId'>[]): string[] => [...new Set(units.map((u) => u.orderId))];

export function nextPerson(units: readonly Pick<Unit, 'orderId'>[], from: string | null, step: number): string | null {
  const people = peopleInOrder(units);
  if (people.length === 0) return null;
  const at = from === null ? -1 : people.indexOf(from);
  if (at < 0) return people[step > 0 ? 0 : people.length - 1];
  return people[(at + step + people.length) % people.length];
}
