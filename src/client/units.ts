// The headline units figure in the browser. The figure is one tab stop: arrow keys (Home, End)
// step from arrest to arrest, Enter or Space picks out that arrest's person, Esc clears. A click or
// tap picks out the person of the nearest square (hit testing by position, so a tap anywhere
// within 12 CSS px of a square's centre reaches it however small the squares are drawn); a
// pointer over a square names that arrest. On a change of view the squares that stay move to
// their new place and new ones fade in (skipped under prefers-reduced-motion); the squares, titles,
// caption and table are already the new view's when the movement starts.
// figures.ts draws the figure for a new view with redrawUnits(), calls resetUnits() after each
// redraw and re-exports enhance().
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import { categoryName } from '../analysis/categories.ts';
import { UNITS_HELP, describePerson, eventUnits, eventUnitsFrame, isSquares, personSummary, personUnits, writeSquares, type Unit } from '../charts/eventUnits.ts';
import { accessibleFigure } from '../charts/shared.ts';
import type { ChartOptions } from '../charts/types.ts';
import { formatNumber } from '../lib/format.ts';
import { shownDrawing } from './figureWidth.ts';
import { focusRing, redraw } from './dom.ts';

type Context = () => Promise<{ dataset: Dataset; result: AnalysisResult }>;
interface UnitState {
  units: Unit[] | null;
  result: AnalysisResult | null;
  /** The focused arrest (−1: none yet). */
  index: number;
  /** The selected person's id, if any. */
  selected: string | null;
}

/** The result the figure was last drawn for (undefined: the build's default view). */
let current: AnalysisResult | undefined;
let context: Context | undefined;
const unitState = new WeakMap<HTMLElement, UnitState>();
/** Where each event's square was last drawn (by data-e), and the result it was drawn for. */
const lastPlace = new WeakMap<HTMLElement, { result: AnalysisResult | undefined; places: Map<string, { x: number; y: number }> }>();

/** The transition's length: short, and never long enough to be read as the current view. */
export const TRANSITION_MS = 300;
/** A tap or click reaches a square whose centre is within this many CSS pixels. */
const REACH_PX = 12;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const HELP = UNITS_HELP;

/**
 * Draw the units figure in its .plot for a new view: the frame (titles, legend, size, text
 * alternative) drawn anew and rewritten onto the one shown, and the squares already there
 * rewritten in place (src/charts/eventUnits.ts), so a change of view moves squares rather than
 * making hundreds of new ones. It reads exactly as drawFigure('eventUnits', …) would
 * (tests/dom.test.ts).
 */
export function redrawUnits(plot: HTMLElement, result: AnalysisResult, dataset: Dataset, options: ChartOptions): void {
  const units = eventUnits(dataset, result);
  const drawn = redraw(plot, accessibleFigure(eventUnitsFrame(units, result, options)), isSquares);
  writeSquares(drawn, units, result, options);
}

export function resetUnits(plot: HTMLElement, result: AnalysisResult): void {
  const before = lastPlace.get(plot);
  current = result;
  unitState.set(plot, { units: null, result: null, index: -1, selected: null });
  plot.removeAttribute('data-selected');
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  if (inspector) inspector.textContent = 'The view changed. ' + HELP;
  const moving = before && before.result !== result && !reducedMotion();
  lastPlace.set(plot, { result, places: moving ? animate(plot, before.places) : places(plot) });
}

export function enhance(ctx: Context): void {
  context = ctx;
  for (const plot of document.querySelectorAll<HTMLElement>('.plot.units')) {
    unitState.set(plot, { units: null, result: null, index: -1, selected: null });
    if (!lastPlace.has(plot)) lastPlace.set(plot, { result: current, places: places(plot) });
    plot.addEventListener('keydown', (e) => void onKey(plot, e));
    plot.addEventListener('pointermove', async (e) => {
      if (e.pointerType === 'touch') return; // a finger shows nothing by hovering; its tap selects
      const k = unitRects(plot).indexOf(e.target as SVGRectElement);
      if (k < 0) return;
      const s = await unitsOf(plot);
      if (s.selected === null && k !== s.index) show(plot, s, k);
    });
    plot.addEventListener('click', async (e) => {
      const k = nearest(plot, e.clientX, e.clientY);
      const s = await unitsOf(plot);
      if (k < 0) select(plot, s, null);
      else {
        s.index = k;
        ring(plot, k);
        select(plot, s, s.units![k].orderId);
      }
    });
  }
}

async function unitsOf(plot: HTMLElement): Promise<UnitState & { units: Unit[]; result: AnalysisResult }> {
  const s = unitState.get(plot)!;
  if (!s.units) {
    const { dataset: d, result } = await context!();
    s.result = current ?? result;
    s.units = eventUnits(d, s.result);
  }
  return s as UnitState & { units: Unit[]; result: AnalysisResult };
}

async function onKey(plot: HTMLElement, e: KeyboardEvent): Promise<void> {
  const moves = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (e.key === 'Escape') {
    const s = unitState.get(plot);
    if (s?.selected) {
      e.preventDefault();
      select(plot, s.units ? (s as UnitState & { units: Unit[]; result: AnalysisResult }) : await unitsOf(plot), null);
    }
    return;
  }
  const choose = e.key === 'Enter' || e.key === ' ';
  if (!moves.includes(e.key) && !choose) return;
  e.preventDefault();
  const s = await unitsOf(plot);
  const n = s.units.length;
  if (n === 0) return;
  if (choose) {
    const k = s.index < 0 ? 0 : s.index;
    s.index = k;
    ring(plot, k);
    select(plot, s, s.units[k].orderId);
    return;
  }
  const columns = s.units[0].columns;
  const at = s.index;
  const next =
    e.key === 'Home' ? 0 :
    e.key === 'End' ? n - 1 :
    at < 0 ? 0 :
    e.key === 'ArrowRight' ? at + 1 :
    e.key === 'ArrowLeft' ? at - 1 :
    e.key === 'ArrowDown' ? sameColumn(s.units, at, +1, columns) :
    sameColumn(s.units, at, -1, columns);
  show(plot, s, Math.max(0, Math.min(n - 1, next)));
}

/** The unit one row down or up in the same block and column, or the nearest one. */
function sameColumn(units: Unit[], at: number, step: number, columns: number): number {
  const u = units[at];
  const target = units.findIndex((v) => v.period === u.period && v.col === u.col && v.row === u.row + step);
  if (target >= 0) return target;
  return step > 0 ? Math.min(units.length - 1, at + columns) : Math.max(0, at - columns);
}

function unitRects(plot: HTMLElement): SVGRectElement[] {
  // The units are the rects of the first rect mark, in unit order (see src/charts/eventUnits.ts),
  // in the drawing on screen (the build's page holds a wide and a narrow one; CSS shows one).
  const group = shownDrawing(plot).querySelector('g[data-mark="rect"]');
  return group ? [...group.querySelectorAll('rect')] : [];
}

/** Each square's place in the SVG's own units, by its event (data-e) and the ghosts by their order. */
function places(plot: HTMLElement): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const r of unitRects(plot)) out.set(`e${r.getAttribute('data-e')}`, { x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')) });
  shownDrawing(plot).querySelectorAll('g[data-mark="ghost"] rect').forEach((r, k) => out.set(`g${k}`, { x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')) }));
  return out;
}

/**
 * Squares that were on screen glide from their old place; the others fade in. One animation, of
 * the custom property --unit-t from 1 to 0 on the drawing, drives them all: each moving square
 * carries its offset (--dx, --dy) and is translated by offset × t (Figure.astro's styles), each
 * new one has opacity 1 − t. Three hundred animations, one per square, cost the page more than
 * the whole redraw; this is one, and each square's offset is one attribute written. When it ends
 * the squares lose their offsets and classes again, so the next change of view finds squares
 * with nothing of this one's on them. Returns the squares' new places (read in the same pass).
 */
function animate(plot: HTMLElement, old: Map<string, { x: number; y: number }>): Map<string, { x: number; y: number }> {
  const now = new Map<string, { x: number; y: number }>();
  const drawing = shownDrawing(plot);
  const rects = unitRects(plot);
  const svg = rects[0]?.ownerSVGElement; // the chart's own, not a legend swatch's
  running.get(plot)?.cancel();
  if (!svg) return now;
  registerProgress();
  const marked: SVGElement[] = [];
  const place = (r: SVGElement, key: string) => {
    const x = Number(r.getAttribute('x'));
    const y = Number(r.getAttribute('y'));
    now.set(key, { x, y });
    const from = old.get(key);
    if (!from) r.setAttribute('class', 'unit-enter');
    else if (from.x !== x || from.y !== y) {
      r.setAttribute('style', `--dx:${from.x - x}px;--dy:${from.y - y}px`);
      r.setAttribute('class', 'unit-move');
    } else return;
    marked.push(r);
  };
  for (const r of rects) place(r, `e${r.getAttribute('data-e')}`);
  drawing.querySelectorAll<SVGElement>('g[data-mark="ghost"] rect').forEach((r, k) => place(r, `g${k}`));
  const animation = svg.animate([{ '--unit-t': 1 }, { '--unit-t': 0 }], { duration: TRANSITION_MS, easing: 'ease-out', fill: 'backwards' });
  running.set(plot, animation);
  animation.onfinish = () => {
    running.delete(plot);
    for (const r of marked) {
      r.removeAttribute('style');
      r.classList.remove('unit-move', 'unit-enter');
      if (!r.classList.length) r.removeAttribute('class'); // a picked-out square keeps "selected"
    }
  };
  return now;
}

/** The transition running on each units figure, cancelled when the next one starts (its squares are rewritten). */
const running = new WeakMap<HTMLElement, Animation>();

/** --unit-t as a number that animates smoothly (an unregistered custom property would jump). */
let registered = false;
function registerProgress(): void {
  if (registered) return;
  registered = true;
  try {
    CSS.registerProperty({ name: '--unit-t', syntax: '<number>', inherits: true, initialValue: '0' });
  } catch {
    // registered already, or not supported: the squares then jump to their places
  }
}

/** The square nearest a point on screen, if its centre is within reach (−1 otherwise). */
function nearest(plot: HTMLElement, clientX: number, clientY: number): number {
  const rects = unitRects(plot);
  const svg = rects[0]?.ownerSVGElement;
  const m = svg?.getScreenCTM();
  if (!svg || !m) return -1;
  const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
  const size = Number(rects[0].getAttribute('width'));
  const reach = Math.max(REACH_PX / m.a, size / 2 + 1);
  let best = -1;
  let bestDistance = Infinity;
  rects.forEach((r, k) => {
    const w = Number(r.getAttribute('width'));
    const dx = Math.abs(Number(r.getAttribute('x')) + w / 2 - p.x);
    const dy = Math.abs(Number(r.getAttribute('y')) + Number(r.getAttribute('height')) / 2 - p.y);
    const d = Math.max(dx, dy);
    if (d <= reach && d < bestDistance) [best, bestDistance] = [k, d];
  });
  return best;
}

/** Highlight one person's squares (before and after) and dim the rest; null clears. */
function select(plot: HTMLElement, s: UnitState & { units: Unit[]; result: AnalysisResult }, orderId: string | null): void {
  s.selected = orderId;
  const svg = unitRects(plot)[0]?.ownerSVGElement;
  const mine = new Set(orderId === null ? [] : personUnits(s.units, orderId));
  unitRects(plot).forEach((r, k) => r.classList.toggle('selected', mine.has(k)));
  svg?.classList.toggle('has-selection', orderId !== null);
  plot.toggleAttribute('data-selected', orderId !== null);
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  if (!inspector) return;
  inspector.textContent = orderId === null ? `Selection cleared. ${HELP}` : describePerson(personSummary(s.units, orderId, s.result));
}

function ring(plot: HTMLElement, k: number): void {
  const rect = unitRects(plot)[k];
  const svg = rect?.ownerSVGElement;
  if (!rect || !svg) return;
  const ring = focusRing(svg, 'focus-ring');
  for (const a of ['x', 'y', 'width', 'height']) ring.setAttribute(a, rect.getAttribute(a) ?? '0');
}

function show(plot: HTMLElement, s: UnitState & { units: Unit[]; result: AnalysisResult }, k: number): void {
  s.index = k;
  const u = s.units[k];
  ring(plot, k);
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  if (inspector) {
    const when = u.month < 0 ? `${-u.month} ${u.month === -1 ? 'month' : 'months'} before the order` : `${u.month} ${u.month === 1 ? 'month' : 'months'} after the order`;
    const name = (s.result.categoryNames[u.category] ?? categoryName(u.category)).toLowerCase();
    inspector.textContent = `Arrest ${k + 1} of ${s.units.length} (${u.period === 'pre' ? 'before' : 'after'}): person ${u.orderId}, month ${u.month < 0 ? '−' : ''}${Math.abs(u.month)} (${when}), ${u.offence} (${name}), harm ${formatNumber(u.harm)} days. Enter or Space picks out this person’s arrests.`;
  }
}
