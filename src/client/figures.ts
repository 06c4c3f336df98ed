// Figures in the browser: redraw every figure, caption and table from a new result, and give
// the headline units figure its keyboard and pointer inspection. Loaded on demand (it brings Observable Plot).
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import { eventUnits, type Unit } from '../charts/eventUnits.ts';
import { FIGURES, FIGURE_WIDTH, drawFigure, type FigureName } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { dataset } from '../lib/bundled.ts';
import { fillTable } from './dom.ts';
import { FIGURE_PATHS } from '../lib/figurePaths.ts';

let current: AnalysisResult | undefined;

/**
 * Redraw for a new result. Every caption and table changes at once (they are cheap text); the
 * charts in or near the viewport are drawn at once too, the others when they scroll into view,
 * when the browser is idle or before printing. Until then a stale chart is hidden, never shown
 * with the old numbers, and keeps its space so nothing moves.
 */
export function renderAll(result: AnalysisResult): void {
  current = result;
  for (const host of document.querySelectorAll<HTMLElement>('[data-figure]')) {
    describe(host, result);
    if (nearViewport(host)) draw(host, result);
    else {
      pending.add(host);
      const plot = host.querySelector<HTMLElement>('.plot')!;
      plot.dataset.stale = '';
      plot.setAttribute('aria-busy', 'true');
    }
  }
  for (const host of pending) observer.observe(host);
  scheduleIdle();
}

const pending = new Set<HTMLElement>();
const observer = new IntersectionObserver((entries) => {
  for (const e of entries) if (e.isIntersecting) drawPending(e.target as HTMLElement);
}, { rootMargin: '200px 0px' });

function nearViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > -200 && r.top < window.innerHeight + 200;
}

function drawPending(host: HTMLElement): void {
  observer.unobserve(host);
  if (pending.delete(host) && current) draw(host, current);
}

let idleScheduled = false;
function scheduleIdle(): void {
  if (idleScheduled || pending.size === 0) return;
  idleScheduled = true;
  const later = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50));
  later(() => {
    idleScheduled = false;
    const next = pending.values().next().value;
    if (next) drawPending(next);
    scheduleIdle();
  });
}

window.addEventListener('beforeprint', () => {
  for (const host of [...pending]) drawPending(host);
});

function describe(host: HTMLElement, result: AnalysisResult): void {
  const spec = FIGURES[host.dataset.figure as FigureName];
  if (!spec) return;
  host.querySelector('[data-caption]')!.textContent = spec.describe(result);
  const table = host.querySelector<HTMLTableElement>('[data-figure-table]');
  if (table) fillTable(table, spec.table(result), FIGURE_PATHS[host.dataset.figure as FigureName](result));
}

function draw(host: HTMLElement, result: AnalysisResult): void {
  if (!(host.dataset.figure! in FIGURES)) return;
  const plot = host.querySelector<HTMLElement>('.plot')!;
  plot.replaceChildren(drawFigure(host.dataset.figure as FigureName, result, dataset, { document, width: FIGURE_WIDTH, allCategories: dataset.categories }));
  delete plot.dataset.stale;
  plot.removeAttribute('aria-busy');
  if (plot.classList.contains('units')) resetUnits(plot);
}

// ---- the headline units: one tab stop, arrow keys between arrests, pointer too
type Context = () => Promise<{ dataset: Dataset; result: AnalysisResult }>;
const unitState = new WeakMap<HTMLElement, { units: Unit[] | null; index: number }>();

function resetUnits(plot: HTMLElement): void {
  unitState.set(plot, { units: null, index: -1 });
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  if (inspector) inspector.textContent = 'The view changed: use the arrow keys or point at a square to see each arrest.';
}

export function enhance(context: Context): void {
  for (const plot of document.querySelectorAll<HTMLElement>('.plot.units')) {
    unitState.set(plot, { units: null, index: -1 });
    const unitsOf = async () => {
      const s = unitState.get(plot)!;
      if (!s.units) {
        const { dataset: d, result } = await context();
        s.units = eventUnits(d, current ?? result);
      }
      return s;
    };
    plot.addEventListener('keydown', async (e) => {
      const keys = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'];
      if (!keys.includes(e.key)) return;
      e.preventDefault();
      const s = await unitsOf();
      const n = s.units!.length;
      if (n === 0) return;
      const columns = s.units![0].columns;
      const at = s.index;
      const next =
        e.key === 'Home' ? 0 :
        e.key === 'End' ? n - 1 :
        at < 0 ? 0 :
        e.key === 'ArrowRight' ? at + 1 :
        e.key === 'ArrowLeft' ? at - 1 :
        e.key === 'ArrowDown' ? sameColumn(s.units!, at, +1, columns) :
        sameColumn(s.units!, at, -1, columns);
      show(plot, s, Math.max(0, Math.min(n - 1, next)));
    });
    plot.addEventListener('pointermove', async (e) => {
      const rects = unitRects(plot);
      const k = rects.indexOf(e.target as SVGRectElement);
      if (k < 0) return;
      const s = await unitsOf();
      if (k !== s.index) show(plot, s, k);
    });
  }
}

/** The unit one row down or up in the same block and column, or the nearest one. */
function sameColumn(units: Unit[], at: number, step: number, columns: number): number {
  const u = units[at];
  const target = units.findIndex((v) => v.period === u.period && v.col === u.col && v.row === u.row + step);
  if (target >= 0) return target;
  return step > 0 ? Math.min(units.length - 1, at + columns) : Math.max(0, at - columns);
}

function unitRects(plot: HTMLElement): SVGRectElement[] {
  // The units are the rects of the first rect mark, in unit order (see src/charts/eventUnits.ts).
  const group = plot.querySelector('g[data-mark="rect"]');
  return group ? [...group.querySelectorAll('rect')] : [];
}

function show(plot: HTMLElement, s: { units: Unit[] | null; index: number }, k: number): void {
  s.index = k;
  const u = s.units![k];
  const rect = unitRects(plot)[k];
  const svg = rect?.ownerSVGElement;
  if (rect && svg) {
    let ring = svg.querySelector<SVGRectElement>('rect.focus-ring');
    if (!ring) {
      ring = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      ring.setAttribute('class', 'focus-ring');
      ring.setAttribute('aria-hidden', 'true');
      svg.append(ring);
    }
    for (const a of ['x', 'y', 'width', 'height']) ring.setAttribute(a, rect.getAttribute(a) ?? '0');
  }
  const inspector = plot.parentElement?.querySelector('[data-inspector]');
  if (inspector) {
    const when = u.month < 0 ? `${-u.month} ${u.month === -1 ? 'month' : 'months'} before the order` : `${u.month} ${u.month === 1 ? 'month' : 'months'} after the order`;
    const name = (current?.categoryNames[u.category] ?? u.category).toLowerCase();
    inspector.textContent = `Arrest ${k + 1} of ${s.units!.length} (${u.period === 'pre' ? 'before' : 'after'}): order ${u.orderId}, month ${u.month < 0 ? '−' : ''}${Math.abs(u.month)} (${when}), ${u.offence} (${name}), harm ${formatNumber(u.harm)} days.`;
  }
}
