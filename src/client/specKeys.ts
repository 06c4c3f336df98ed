// The specification curve of "How robust is it?" from the keyboard, in the headline units figure's
// pattern (src/client/units.ts). The figure is one tab stop; ← and → step through the drawn
// specifications in the curve's order (smallest reduction first), starting at the current view;
// Home and End go to the smallest and largest, Page Up and Page Down ten at a time. A ring marks
// the column of the specification picked out and the inspector names it (describeSpecification);
// Enter or Space sets the view to it exactly as a click on its marks does (robustness.ts's
// `activate`, which sends 'stro:set-view'). The ring jumps rather than glides, so there is no
// motion to reduce under prefers-reduced-motion. robustness.ts calls enhanceSpecKeys() once and
// wireSpecKeys() after each drawing of the curve.
import type { SpecificationCurve } from '../analysis/specificationCurve.ts';
import { SPECIFICATION_HELP, describeSpecification, rankSpecifications } from '../charts/specificationCurve.ts';
import { shownDrawing } from './figureWidth.ts';
import { focusRing } from './dom.ts';

interface KeyState {
  curve: SpecificationCurve | null;
  /** The current view's specification (its index in curve.specifications), or −1. */
  current: number;
  ranked: ReturnType<typeof rankSpecifications>;
  /** The position in `ranked` picked out (−1: none yet). */
  at: number;
  /** Enter was pressed: the next drawing (the new view's) says so. */
  setting: boolean;
}

const states = new WeakMap<HTMLElement, KeyState>();
const PAGE = 10;
const RING_PAD_PX = 3;

const plotOf = (host: HTMLElement) => host.querySelector<HTMLElement>('.plot[data-spec-keys]');
const stateOf = (plot: HTMLElement): KeyState => {
  let s = states.get(plot);
  if (!s) states.set(plot, (s = { curve: null, current: -1, ranked: [], at: -1, setting: false }));
  return s;
};

function say(plot: HTMLElement, text: string): void {
  const inspector = plot.parentElement?.querySelector<HTMLElement>('[data-inspector]');
  if (inspector && inspector.textContent !== text) inspector.textContent = text;
}

/** Listen to the keys of every keyboard-operable specification curve on the page; `activate` sets the view to a specification (by its index in the curve). */
export function enhanceSpecKeys(activate: (index: number) => void): void {
  for (const plot of document.querySelectorAll<HTMLElement>('.plot[data-spec-keys]')) {
    plot.addEventListener('keydown', (e) => onKey(plot, e, activate));
  }
}

/** After each drawing of the curve: its specifications and the current view. While the curve is the same (a new view of the same categories), the specification picked out stays picked out. */
export function wireSpecKeys(host: HTMLElement, curve: SpecificationCurve, current: number): void {
  const plot = plotOf(host);
  if (!plot) return;
  const s = stateOf(plot);
  const same = s.curve === curve;
  s.curve = curve;
  s.current = current;
  s.ranked = rankSpecifications(curve.specifications);
  if (same && s.at >= 0 && s.at < s.ranked.length) show(plot, s, s.at);
  else {
    s.at = -1;
    say(plot, SPECIFICATION_HELP);
  }
  s.setting = false;
}

function onKey(plot: HTMLElement, e: KeyboardEvent, activate: (index: number) => void): void {
  const moves = ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageUp', 'PageDown'];
  const choose = e.key === 'Enter' || e.key === ' ';
  if ((!moves.includes(e.key) && !choose) || e.altKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  const s = stateOf(plot);
  const n = s.ranked.length;
  if (!s.curve) return say(plot, 'The specifications are still being computed for this view; the keys work once the curve is drawn again.');
  if (n === 0) return say(plot, 'No specification has a reduction to pick out in this view.');
  const start = Math.max(0, s.ranked.findIndex((r) => r.index === s.current));
  if (choose) {
    if (s.at < 0) return show(plot, s, start);
    const k = s.ranked[s.at].index;
    if (k === s.current) return show(plot, s, s.at);
    s.setting = true;
    activate(k);
    return;
  }
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

function show(plot: HTMLElement, s: KeyState, at: number): void {
  s.at = at;
  const spec = s.ranked[at];
  ring(plot, spec.index);
  const words = describeSpecification(spec, s.ranked.length, spec.index === s.current);
  say(plot, s.setting ? `The view is set. ${words}` : words);
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
