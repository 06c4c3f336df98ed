// The specification curve of "How robust is it?" from the keyboard and the pointer, in the headline
// units figure's pattern (src/client/units.ts). Picking out a specification never changes the view
// by itself: a ring marks the column of the one picked out and the inspector names it
// (describeSpecification), and only a second, deliberate action sets the view to it.
// - Keys: the figure is one tab stop; ← and → step through the drawn specifications in the curve's
//   order (smallest reduction first), starting at the current view; Home and End go to the smallest
//   and largest, Page Up and Page Down ten at a time; Enter or Space sets the view to the one picked
//   out; Esc clears it.
// - Pointer (touch, pen and mouse alike): a tap or click picks out the specification whose column
//   is nearest (within the curve's marks, so a finger need not land on a column under 2 px wide);
//   a second tap or click on the same one, or the "Show this view" button under the inspector, sets
//   the view. Beside it, "← Smaller" and "Larger →" step one column either way, for a finger that
//   cannot land on the column it wants. A tap or click on the figure away from the marks, or anywhere
//   else on the page, clears the pick. Mouse too: even at desktop widths a column is 3 to 4 px wide, so a click is easily one
//   column off, and one stray click would replace the whole report's view; one rule for every
//   pointer is also the simplest to say in the help.
// Setting the view goes through robustness.ts's `activate` ('stro:set-view'). The ring jumps rather
// than glides, so there is no motion to reduce under prefers-reduced-motion. robustness.ts calls
// enhanceSpecKeys() once and wireSpecKeys() after each drawing of the curve; while the curve is the
// same (a new view of the same categories), the pick survives the redraw, its words saying whether
// it is now the current view.
import type { SpecificationCurve } from '../analysis/specificationCurve.ts';
import { describeSpecification, rankSpecifications } from '../charts/specificationCurve.ts';
import { specificationHelp } from '../charts/unitsHelp.ts';
import { shownDrawing } from './figureWidth.ts';
import { focusRing, quietly, sayCleared } from './dom.ts';

interface KeyState {
  curve: SpecificationCurve | null;
  /** The current view's specification (its index in curve.specifications), or −1. */
  current: number;
  /** Whether setting the view to a specification (by its index) would leave it as it is: the current one, or a harm or sign-test one with the view's choices. */
  isView: (index: number) => boolean;
  ranked: ReturnType<typeof rankSpecifications>;
  /** Each ranked specification's position in `ranked`, by its index in the curve. */
  positions: Map<number, number>;
  /** The position in `ranked` picked out (−1: none yet). */
  at: number;
  /** How it was picked out: its words say how to set the view to it. */
  by: 'keys' | 'pointer';
  /** The view is being set to it: the next drawing (the new view's) says so. */
  setting: boolean;
}

const states = new WeakMap<HTMLElement, KeyState>();
const PAGE = 10;
const RING_PAD_PX = 3;
/** A tap or click this far (CSS px) beside or below the curve's marks still reaches the nearest column. */
const REACH_PX = 12;
const MARK_GROUPS = 'g.spec-significant, g.spec-significant-other, g.spec-not-significant, g.spec-interval, g.spec-choice';
const DOTS = 'g.spec-significant > [data-spec], g.spec-significant-other > [data-spec], g.spec-not-significant > [data-spec]';

const plotOf = (host: HTMLElement) => host.querySelector<HTMLElement>('.plot[data-spec-keys]');
const stateOf = (plot: HTMLElement): KeyState => {
  let s = states.get(plot);
  if (!s) states.set(plot, (s = { curve: null, current: -1, isView: () => false, ranked: [], positions: new Map(), at: -1, by: 'keys', setting: false }));
  return s;
};
const inspectorOf = (plot: HTMLElement) => plot.parentElement?.querySelector<HTMLElement>('[data-inspector]') ?? null;
const showButtonOf = (plot: HTMLElement) => plot.parentElement?.querySelector<HTMLButtonElement>('button[data-spec-show]') ?? null;
const stepButtonsOf = (plot: HTMLElement) => [...(plot.parentElement?.querySelectorAll<HTMLButtonElement>('button[data-spec-step]') ?? [])];

function say(plot: HTMLElement, text: string): void {
  const inspector = inspectorOf(plot);
  if (inspector && inspector.textContent !== text) inspector.textContent = text;
}

/** Listen to the keys and pointer of every specification curve on the page; `activate` sets the view to a specification (by its index in the curve). */
export function enhanceSpecKeys(activate: (index: number) => void): void {
  const plots = [...document.querySelectorAll<HTMLElement>('.plot[data-spec-keys]')];
  for (const plot of plots) {
    plot.addEventListener('keydown', (e) => onKey(plot, e, activate));
    plot.addEventListener('click', (e) => onPointer(plot, e, activate));
    const button = showButtonOf(plot);
    button?.addEventListener('click', () => {
      const s = stateOf(plot);
      if (s.at >= 0) choose(plot, s, activate);
    });
    // The steps: one column of the curve either way, for a finger that cannot hit a 2 px column.
    for (const step of stepButtonsOf(plot)) {
      step.addEventListener('click', () => {
        const s = stateOf(plot);
        const next = s.at + Number(step.dataset.specStep);
        if (!s.curve || s.at < 0 || next < 0 || next >= s.ranked.length) return;
        s.by = 'pointer';
        show(plot, s, next);
      });
    }
    for (const b of [button, ...stepButtonsOf(plot)]) {
      b?.addEventListener('keydown', (e) => {
        if (e.key !== 'Escape' || e.altKey || e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        clear(plot, stateOf(plot));
      });
    }
  }
  // A tap or click anywhere else (not on the figure, its inspector or its buttons) clears the pick.
  document.addEventListener('click', (e) => {
    const target = e.target as Node | null;
    for (const plot of plots) {
      const s = stateOf(plot);
      if (s.at < 0 || !target) continue;
      if (plot.contains(target) || inspectorOf(plot)?.contains(target) || showButtonOf(plot)?.contains(target) || stepButtonsOf(plot).some((b) => b.contains(target))) continue;
      clear(plot, s);
    }
  });
}

/**
 * After each drawing of the curve: its specifications, the current view's, and which ones would
 * leave the view as it is. While the curve is the same (a new view of the same categories), the
 * specification picked out stays picked out.
 */
export function wireSpecKeys(host: HTMLElement, curve: SpecificationCurve, current: number, isView: (index: number) => boolean = (k) => k === current): void {
  const plot = plotOf(host);
  if (!plot) return;
  const s = stateOf(plot);
  const same = s.curve === curve;
  s.curve = curve;
  s.current = current;
  s.isView = (k) => k === current || isView(k);
  if (!same) {
    s.ranked = rankSpecifications(curve.specifications);
    s.positions = new Map(s.ranked.map((r, at) => [r.index, at]));
  }
  if (same && s.at >= 0 && s.at < s.ranked.length) show(plot, s, s.at);
  else {
    s.at = -1;
    removeRing(plot);
    showButton(plot, false);
    stepButtons(plot, -1, 0);
    // A new curve (other categories) is said by the page's announcement of the view: its help is shown
    // again, not spoken again (a re-check heard some 50 words of it after unticking a category).
    const inspector = inspectorOf(plot);
    if (!same && inspector && inspector.textContent !== specificationHelp()) inspector.replaceChildren(quietly(specificationHelp()));
    else say(plot, specificationHelp());
  }
  s.setting = false;
}

function onKey(plot: HTMLElement, e: KeyboardEvent, activate: (index: number) => void): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const s = stateOf(plot);
  if (e.key === 'Escape') {
    if (s.at >= 0) {
      e.preventDefault();
      clear(plot, s);
    }
    return;
  }
  const moves = ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageUp', 'PageDown'];
  const enter = e.key === 'Enter' || e.key === ' ';
  if (!moves.includes(e.key) && !enter) return;
  e.preventDefault();
  const n = s.ranked.length;
  if (!s.curve) return say(plot, 'The specifications are still being computed for this view; the keys work once the curve is drawn again.');
  if (n === 0) return say(plot, 'No specification has a reduction to pick out in this view.');
  s.by = 'keys';
  const start = Math.max(0, s.ranked.findIndex((r) => r.index === s.current));
  if (enter) return s.at < 0 ? show(plot, s, start) : choose(plot, s, activate);
  const next =
    e.key === 'Home' ? 0 :
    e.key === 'End' ? n - 1 :
    s.at < 0 ? start :
    e.key === 'ArrowRight' ? s.at + 1 :
    e.key === 'ArrowLeft' ? s.at - 1 :
    e.key === 'PageDown' ? s.at + PAGE :
    s.at - PAGE;
  show(plot, s, Math.max(0, Math.min(n - 1, next)));
}

/** A tap or click on the figure: picks out the specification there; on the one already picked out, sets the view to it; away from the marks, clears. */
function onPointer(plot: HTMLElement, e: MouseEvent, activate: (index: number) => void): void {
  const s = stateOf(plot);
  if (!s.curve) {
    if ((e.target as Element | null)?.closest?.('[data-spec]')) say(plot, 'The specifications are still being computed for this view; a specification can be picked out once the curve is drawn again.');
    return;
  }
  const at = positionAt(plot, s, e);
  if (at < 0) {
    if (s.at >= 0) clear(plot, s);
    return;
  }
  if (at === s.at) return choose(plot, s, activate);
  s.by = 'pointer';
  show(plot, s, at);
}

/**
 * The position in `ranked` of the specification a tap or click is on: the column whose dot is
 * nearest across, when the point is within the curve's marks (or REACH_PX of them); −1 when it is
 * elsewhere on the figure. A click with no place (from a script or assistive technology, at 0, 0)
 * takes the mark it was sent to.
 */
function positionAt(plot: HTMLElement, s: KeyState, e: MouseEvent): number {
  const mark = (e.target as Element | null)?.closest?.<SVGElement>('[data-spec]');
  const onMark = mark ? (s.positions.get(Number(mark.dataset.spec)) ?? -1) : -1;
  if (e.clientX === 0 && e.clientY === 0) return onMark;
  const drawing = shownDrawing(plot);
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of drawing.querySelectorAll<SVGGElement>(MARK_GROUPS)) {
    const b = g.getBoundingClientRect();
    if (b.width === 0 && b.height === 0) continue;
    [left, top, right, bottom] = [Math.min(left, b.left), Math.min(top, b.top), Math.max(right, b.right), Math.max(bottom, b.bottom)];
  }
  if (!(e.clientX >= left - REACH_PX && e.clientX <= right + REACH_PX && e.clientY >= top - REACH_PX && e.clientY <= bottom + REACH_PX)) return onMark;
  let best = onMark;
  let distance = Infinity;
  for (const dot of drawing.querySelectorAll<SVGElement>(DOTS)) {
    const at = s.positions.get(Number(dot.dataset.spec));
    if (at === undefined) continue;
    const b = dot.getBoundingClientRect();
    const d = Math.abs(b.left + b.width / 2 - e.clientX);
    if (d < distance) [best, distance] = [at, d];
  }
  return best;
}

/** The second action on the specification picked out: set the view to it (or, when it is the view already, say so again). */
function choose(plot: HTMLElement, s: KeyState, activate: (index: number) => void): void {
  const k = s.ranked[s.at].index;
  if (s.isView(k)) return show(plot, s, s.at);
  s.setting = true;
  activate(k);
}

function show(plot: HTMLElement, s: KeyState, at: number): void {
  s.at = at;
  const spec = s.ranked[at];
  ring(plot, spec.index);
  const here = spec.index === s.current ? true : s.isView(spec.index) ? 'choices' : false;
  const words = describeSpecification(spec, s.ranked.length, here, s.by);
  say(plot, s.setting ? `The view is set. ${words}` : words);
  // Nothing to set when it is the view already.
  showButton(plot, here === false, spec);
  stepButtons(plot, at, s.ranked.length);
}

/** Nothing picked out: no ring, no button, and the inspector says so with the help. */
function clear(plot: HTMLElement, s: KeyState): void {
  s.at = -1;
  removeRing(plot);
  showButton(plot, false);
  stepButtons(plot, -1, 0);
  const inspector = inspectorOf(plot);
  if (inspector) sayCleared(inspector, specificationHelp());
}

/** The "Show this view" button under the inspector, for the specification picked out; hidden, its focus goes back to the figure. */
function showButton(plot: HTMLElement, visible: boolean, spec?: KeyState['ranked'][number]): void {
  const button = showButtonOf(plot);
  if (!button) return;
  if (spec) button.dataset.showSpec = String(spec.index);
  else delete button.dataset.showSpec;
  if (button.hidden === !visible) return;
  const focused = document.activeElement === button;
  button.hidden = !visible;
  if (focused && !visible) plot.focus({ preventScroll: true });
}

/**
 * The steps under the inspector, shown while a specification is picked out (position `at` of `n`).
 * At either end the step that would leave the curve says it is unavailable (aria-disabled) rather
 * than being disabled, which would drop the keyboard's focus to the page.
 */
function stepButtons(plot: HTMLElement, at: number, n: number): void {
  for (const step of stepButtonsOf(plot)) {
    const next = at + Number(step.dataset.specStep);
    const unavailable = String(next < 0 || next >= n);
    if (step.getAttribute('aria-disabled') !== unavailable) step.setAttribute('aria-disabled', unavailable);
    const visible = at >= 0;
    if (step.hidden === !visible) continue;
    const focused = document.activeElement === step;
    step.hidden = !visible;
    if (focused && !visible) plot.focus({ preventScroll: true });
  }
}

function removeRing(plot: HTMLElement): void {
  for (const r of plot.querySelectorAll('rect.spec-focus-ring')) r.remove();
}

/** A ring around every mark of one specification (its dot, interval and choices), in the drawing on screen. */
function ring(plot: HTMLElement, index: number): void {
  const marks = [...shownDrawing(plot).querySelectorAll<SVGGraphicsElement>(`[data-spec="${index}"]`)];
  const svg = marks[0]?.ownerSVGElement;
  const m = svg?.getScreenCTM();
  if (!svg || !m) return;
  const inverse = m.inverse();
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const mark of marks) {
    const b = mark.getBoundingClientRect();
    for (const [cx, cy] of [[b.left, b.top], [b.right, b.bottom]]) {
      const p = new DOMPoint(cx, cy).matrixTransform(inverse);
      [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
    }
  }
  const pad = RING_PAD_PX / (m.a || 1);
  const r = focusRing(svg, 'spec-focus-ring');
  r.setAttribute('x', String(x0 - pad));
  r.setAttribute('y', String(y0 - pad));
  r.setAttribute('width', String(x1 - x0 + 2 * pad));
  r.setAttribute('height', String(y1 - y0 + 2 * pad));
}
