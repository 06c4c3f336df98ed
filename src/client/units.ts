// The headline units figure in the browser. The figure is one tab stop: arrow keys (Home, End)
// step from arrest to arrest, Enter or Space picks out that arrest's person, Esc clears. A click or
// tap picks out the person of the nearest square (hit testing by position, so a tap anywhere
// within 12 CSS px of a square's centre reaches it however small the squares are drawn); a
// pointer over a square names that arrest. The squares are paths, a run of them each
// (src/charts/eventUnits.ts), so every square is found by its unit's place: unitBox().
// On a change of view the old squares fade out over the new ones (skipped under
// prefers-reduced-motion): squares that stay show no change, the others dissolve into the new
// view's; the squares, titles, caption and table are already the new view's when it starts.
// figures.ts draws the figure for a new view with redrawUnits(), calls resetUnits() after each
// redraw and re-exports enhance().
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import { categoryName } from '../analysis/categories.ts';
import { UNITS_NONE_LABEL, unitsClear, unitsHelp } from '../charts/unitsHelp.ts';
import { NOTHING_TO_PICK, describePerson, nextPerson, peopleInOrder, eventUnits, eventUnitsFrame, isSquares, personSummary, personUnits, squaresTransform, unitBox, unitBoxes, unitRuns, unitsPath, writeSquares, type Unit } from '../charts/eventUnits.ts';
import { accessibleFigure } from '../charts/shared.ts';
import type { ChartOptions } from '../charts/types.ts';
import { count } from '../lib/wording.ts';
import { shownDrawing } from './figureWidth.ts';
import { focusRing, quietly, redraw, sayCleared } from './dom.ts';

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
/** The result each wired-up figure was last drawn for (undefined: the build's default view). */
const drawnFor = new WeakMap<HTMLElement, AnalysisResult | undefined>();
/** The fade running on each units figure, cancelled (and its copy removed) when the next change starts. */
const running = new WeakMap<HTMLElement, Animation>();
const SVG = 'http://www.w3.org/2000/svg';

/** The transition's length: short, and never long enough to be read as the current view. */
export const TRANSITION_MS = 300;
/** A tap or click reaches a square whose centre is within this many CSS pixels. */
const REACH_PX = 12;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const HELP = unitsHelp();

/**
 * Draw the units figure in its .plot for a new view: the frame (titles, legend, size, text
 * alternative) drawn anew and rewritten onto the one shown, and the squares' paths already there
 * rewritten in place (src/charts/eventUnits.ts). It reads exactly as drawFigure('eventUnits', …)
 * would (tests/dom.test.ts). When the view changed (not the width alone), a copy of the old
 * squares is laid over the new ones and faded out, unless the reader prefers reduced motion.
 */
export function redrawUnits(plot: HTMLElement, result: AnalysisResult, dataset: Dataset, options: ChartOptions): void {
  // only a figure the page has wired up (enhance) fades; its first drawing is the build's
  const wired = drawnFor.has(plot);
  const leaving = wired && drawnFor.get(plot) !== result && !reducedMotion() ? copyOfSquares(plot) : null;
  const from = leaving ? drawnWidth(chartSvg(plot)!) : 0;
  running.get(plot)?.cancel();
  // what the page added (a selection's highlight, the focus ring) goes before the frame is rewritten
  plot.querySelectorAll('g.unit-selection, rect.focus-ring').forEach((e) => e.remove());
  const units = eventUnits(dataset, result);
  const drawn = redraw(plot, accessibleFigure(eventUnitsFrame(units, result, options)), isSquares);
  writeSquares(drawn, units, result, options);
  if (wired) drawnFor.set(plot, result);
  if (leaving) {
    // drawn at another width (the build's drawing, or before a resize): laid onto the new grid
    const onto = squaresTransform(units, from, options.width ?? from);
    if (onto) leaving.setAttribute('transform', onto);
    fadeOut(plot, leaving);
  }
}

export function resetUnits(plot: HTMLElement, result: AnalysisResult): void {
  // "The view changed" only when it did: not for the first view drawn (one opened from the address).
  const changed = current !== undefined && current !== result;
  current = result;
  const picked = (unitState.get(plot)?.selected ?? null) !== null;
  unitState.set(plot, { units: null, result: null, index: -1, selected: null });
  plot.removeAttribute('data-selected');
  const steps = plot.parentElement?.querySelector<HTMLElement>('[data-unit-steps]');
  if (steps) steps.hidden = true;
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  // no arrest to pick out (no category chosen, or none in the view's months): no keys to explain
  const none = result.events.pre + result.events.post === 0;
  // The inspector is a live region: a change of view that cleared a picked person says so in a few
  // words; otherwise it speaks only when what it says changes (an auditor heard the 55-word help
  // again on every step of the window slider, ahead of the view's own summary).
  const text = changed && picked ? `The view changed. Selection cleared. ${none ? NOTHING_TO_PICK : ''}`.trim() : none ? NOTHING_TO_PICK : HELP;
  if (inspector && inspector.textContent !== text) {
    // A view left with no arrest is said by the page's own announcement ("no category is selected…"):
    // the figure's "nothing to pick out" is shown, not spoken over it while the reader is at the control
    // that emptied the view (an accessibility review heard it first, from the checkbox).
    if (none && changed) inspector.replaceChildren(quietly(text));
    else inspector.textContent = text;
  }
  // Nor does the figure's name promise arrow keys that have no arrest to move between (main.ts's
  // enableHandles names it the same way, if it runs after this).
  plot.toggleAttribute('data-none', none);
  if (plot.dataset.keysLabel && plot.getAttribute('tabindex') === '0') plot.setAttribute('aria-label', none ? UNITS_NONE_LABEL : plot.dataset.keysLabel);
}

/** The chart's own svg in the drawing shown (not a legend swatch's): the one holding the marks. */
function chartSvg(plot: HTMLElement): SVGSVGElement | null {
  for (const svg of shownDrawing(plot).querySelectorAll<SVGSVGElement>('svg')) if (svg.querySelector(':scope > g[data-mark], :scope > g[aria-label]')) return svg;
  return null;
}

/** The squares and ghosts on screen, copied into one group that is not a mark (so neither a redraw nor the page takes it for the squares). */
function copyOfSquares(plot: HTMLElement): SVGGElement | null {
  const svg = chartSvg(plot);
  const groups = svg ? [...svg.children].filter(isSquares) : [];
  if (groups.length === 0) return null;
  const copy = document.createElementNS(SVG, 'g');
  copy.setAttribute('class', 'unit-leaving');
  copy.setAttribute('aria-hidden', 'true');
  // dimmed while a person is picked out (a style read only then; Figure.astro's styles)
  if (svg!.classList.contains('has-selection')) copy.dataset.opacity = getComputedStyle(groups[0]).opacity;
  for (const g of groups) {
    const c = g.cloneNode(true) as Element;
    c.removeAttribute('data-mark');
    c.removeAttribute('aria-label');
    copy.append(c);
  }
  return copy;
}

/**
 * The old squares over the new, fading out: one animation of one group's opacity, whatever the
 * number of squares. Where a square stays, old and new are the same and nothing is seen to change;
 * where it went, it dissolves; where one came, it shows through. The copy goes when the fade ends
 * or is cancelled by the next change.
 */
function fadeOut(plot: HTMLElement, leaving: SVGGElement): void {
  const svg = chartSvg(plot);
  if (!svg) return;
  const after = [...svg.children].filter(isSquares).at(-1);
  // squares dimmed for a picked-out person fade from as dim as they were
  const from = Number(leaving.dataset.opacity ?? 1);
  svg.insertBefore(leaving, after ? after.nextSibling : svg.firstChild);
  const fade = leaving.animate([{ opacity: from }, { opacity: 0 }], { duration: TRANSITION_MS, easing: 'ease-in' });
  running.set(plot, fade);
  const done = () => {
    leaving.remove();
    if (running.get(plot) === fade) running.delete(plot);
  };
  fade.onfinish = done;
  fade.oncancel = done;
}

export function enhance(ctx: Context): void {
  context = ctx;
  for (const plot of document.querySelectorAll<HTMLElement>('.plot.units')) {
    unitState.set(plot, { units: null, result: null, index: -1, selected: null });
    if (!drawnFor.has(plot)) drawnFor.set(plot, current);
    plot.addEventListener('keydown', (e) => void onKey(plot, e));
    plot.addEventListener('pointermove', async (e) => {
      if (e.pointerType === 'touch') return; // a finger shows nothing by hovering; its tap selects
      if (!(e.target as Element).closest?.('g[data-mark="rect"]')) return; // not over a square
      const s = await unitsOf(plot);
      const k = nearest(plot, s.units, e.clientX, e.clientY, 0);
      if (k >= 0 && s.selected === null && k !== s.index) show(plot, s, k);
    });
    const steps = plot.parentElement?.querySelector<HTMLElement>('[data-unit-steps]');
    // Esc on a step button clears the selection, as on the figure, and leaves focus on the figure.
    steps?.addEventListener('keydown', async (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      select(plot, await unitsOf(plot), null);
      plot.focus();
    });
    steps?.addEventListener('click', async (e) => {
      const step = Number((e.target as Element).closest?.<HTMLElement>('[data-step]')?.dataset.step);
      if (!step) return;
      const s = await unitsOf(plot);
      const next = nextPerson(s.units, s.selected, step);
      if (next === null) return;
      const k = s.units.findIndex((u) => u.orderId === next);
      s.index = k;
      ring(plot, s.units, k);
      // Gone round from one end to the other: said, before who it is.
      const people = peopleInOrder(s.units);
      const from = s.selected === null ? -1 : people.indexOf(s.selected);
      const wrapped = from < 0 || people.length < 2 ? '' : step > 0 && from === people.length - 1 ? 'Back to the first person. ' : step < 0 && from === 0 ? 'Round to the last person. ' : '';
      select(plot, s, next, plot, wrapped);
    });
    // A click or tap on the page outside the figure clears a picked person too, as the help says (a
    // re-check: only the figure's own empty corner did); what was clicked stays where it was. Not a
    // click on a control: a change of view says itself that it cleared the selection.
    const figure = plot.parentElement ?? plot;
    document.addEventListener('click', (e) => {
      const s = unitState.get(plot);
      const target = e.target as Element | null;
      if (!s?.selected || !s.units || !target?.isConnected || figure.contains(target)) return;
      if (target.closest('a, button, input, select, textarea, label, summary, [tabindex], [role="button"]')) return;
      select(plot, s as UnitState & { units: Unit[]; result: AnalysisResult }, null, target);
    });
    plot.addEventListener('click', async (e) => {
      const s = await unitsOf(plot);
      const k = nearest(plot, s.units, e.clientX, e.clientY, REACH_PX);
      if (k < 0) select(plot, s, null);
      else {
        s.index = k;
        ring(plot, s.units, k);
        select(plot, s, s.units[k].orderId);
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
    ring(plot, s.units, k);
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

/** The width the chart on screen was drawn at: its svg's width attribute (the SVG's own units). */
function drawnWidth(svg: SVGSVGElement): number {
  return Number(svg.getAttribute('width'));
}

/**
 * The square nearest a point on screen, if its centre is within `reach` CSS pixels (or within the
 * square itself, whichever is larger); −1 otherwise. Found from the units' places (unitBox), as the
 * squares are paths.
 */
function nearest(plot: HTMLElement, units: readonly Unit[], clientX: number, clientY: number, reach: number): number {
  const svg = chartSvg(plot);
  const m = svg?.getScreenCTM();
  if (!svg || !m || units.length === 0) return -1;
  const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
  const boxes = unitBoxes(units, drawnWidth(svg));
  const within = Math.max(reach / m.a, boxes[0].width / 2);
  let best = -1;
  let bestDistance = Infinity;
  boxes.forEach((b, k) => {
    const d = Math.max(Math.abs(b.x + b.width / 2 - p.x), Math.abs(b.y + b.height / 2 - p.y));
    if (d <= within && d < bestDistance) [best, bestDistance] = [k, d];
  });
  return best;
}

/**
 * Highlight one person's squares (before and after) and dim the rest; null clears. The highlight
 * is a group of its own over the squares: a path per run the person has squares in, in that run's
 * colour, outlined in black (Figure.astro's styles).
 */
function select(plot: HTMLElement, s: UnitState & { units: Unit[]; result: AnalysisResult }, orderId: string | null, anchor: Element = plot, wrapped = ''): void {
  // The figure is not a scroll anchor (global.css), so text that grows under the squares (a longer
  // description, the person buttons) would move them up under the reader's finger: 99 px on a phone,
  // a re-check found. Where the squares (or, for a click elsewhere, what was clicked) were on screen
  // is where they stay.
  const top = anchor.getBoundingClientRect().top;
  s.selected = orderId;
  const svg = chartSvg(plot);
  svg?.querySelector(':scope > g.unit-selection')?.remove();
  const squares = svg?.querySelector(':scope > g[data-mark="rect"]');
  if (svg && squares && orderId !== null) {
    const mine = new Set(personUnits(s.units, orderId));
    const highlight = document.createElementNS(SVG, 'g');
    highlight.setAttribute('class', 'unit-selection');
    highlight.setAttribute('aria-hidden', 'true');
    const width = drawnWidth(svg);
    unitRuns(s.units).forEach((run, j) => {
      const picked = [];
      for (let k = run.start; k < run.end; k++) if (mine.has(k)) picked.push(k);
      if (picked.length === 0) return;
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', unitsPath(s.units, width, picked));
      path.setAttribute('fill', squares.children[j]?.getAttribute('fill') ?? 'currentColor');
      path.setAttribute('class', 'selected');
      highlight.append(path);
    });
    const ghosts = svg.querySelector(':scope > g[data-mark="ghost"]');
    svg.insertBefore(highlight, (ghosts ?? squares).nextSibling);
  }
  svg?.classList.toggle('has-selection', orderId !== null);
  plot.toggleAttribute('data-selected', orderId !== null);
  const steps = plot.parentElement?.querySelector<HTMLElement>('[data-unit-steps]');
  if (steps) steps.hidden = orderId === null;
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  if (inspector) {
    if (orderId === null) sayCleared(inspector, HELP);
    else {
      const people = peopleInOrder(s.units);
      inspector.textContent = `${wrapped}${describePerson(personSummary(s.units, orderId, s.result), unitsClear(), { at: people.indexOf(orderId) + 1, of: people.length })}`;
    }
  }
  const moved = anchor.getBoundingClientRect().top - top;
  if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: 'instant' });
}

function ring(plot: HTMLElement, units: readonly Unit[], k: number): void {
  const svg = chartSvg(plot);
  if (!svg || !units[k]) return;
  const box = unitBox(units, drawnWidth(svg), k);
  const ring = focusRing(svg, 'focus-ring');
  ring.setAttribute('x', String(box.x));
  ring.setAttribute('y', String(box.y));
  ring.setAttribute('width', String(box.width));
  ring.setAttribute('height', String(box.height));
}

function show(plot: HTMLElement, s: UnitState & { units: Unit[]; result: AnalysisResult }, k: number): void {
  // How to pick the person out is said at the first arrest only: a screen reader heard it again at
  // every arrow-key step (an accessibility review).
  const first = s.index < 0;
  s.index = k;
  const u = s.units[k];
  ring(plot, s.units, k);
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  if (inspector) {
    const when = u.month < 0 ? `${-u.month} ${u.month === -1 ? 'month' : 'months'} before the order` : `${u.month} ${u.month === 1 ? 'month' : 'months'} after the order`;
    const name = (s.result.categoryNames[u.category] ?? categoryName(u.category)).toLowerCase();
    inspector.textContent = `Arrest ${k + 1} of ${s.units.length} (${u.period === 'pre' ? 'before' : 'after'}): person ${u.orderId}, month ${u.month < 0 ? '−' : ''}${Math.abs(u.month)} (${when}), ${u.offence} (${name}), harm ${count(u.harm, 'day')}.${first ? ' Enter or Space picks out this person’s arrests.' : ''}`;
  }
}
