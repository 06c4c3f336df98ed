// Figures in the browser: redraw every figure, caption and table from a new result, each chart at
// its container's width, with a trace of the study's view when the view differs; keep the result
// downloads in step, and give the headline units figure its keyboard and pointer inspection.
// Loaded on demand (it brings Observable Plot).
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import { eventUnits, type Unit } from '../charts/eventUnits.ts';
import { FIGURES, FIGURE_WIDTH, drawFigure, type FigureName, type FigureSpec } from '../lib/figures.ts';
import { studyTrace } from '../charts/shared.ts';
import { defaultState } from '../lib/urlState.ts';
import { resultsCsv, resultsJson } from '../lib/export.ts';
import { formatNumber } from '../lib/format.ts';
import { dataset } from '../lib/bundled.ts';
import { fillTable } from './dom.ts';
import { FIGURE_PATHS } from '../lib/figurePaths.ts';

let current: AnalysisResult | undefined;
/** The study's view (analyse(dataset, defaultState(domain))): each figure traces it when the view differs. */
let study: AnalysisResult | undefined;
/** "Keep the study's scale": one setting for every figure on the page, held in memory. */
let studyScale = false;

const domain = { span: dataset.span, categories: dataset.categories };

/**
 * Redraw for a new result (and the study's, for the trace). Every caption and table changes at
 * once (they are cheap text); the charts in or near the viewport are drawn at once too, the
 * others when they scroll into view, when the browser is idle or before printing. Until then a
 * stale chart is hidden, never shown with the old numbers, and keeps its space so nothing moves.
 */
export function renderAll(result: AnalysisResult, studyResult?: AnalysisResult): void {
  current = result;
  if (studyResult) study = studyResult;
  for (const host of hosts()) {
    describe(host, result);
    if (visible.has(host)) draw(host, result);
    else {
      pending.add(host);
      const plot = host.querySelector<HTMLElement>('.plot')!;
      plot.dataset.stale = '';
      plot.setAttribute('aria-busy', 'true');
    }
  }
  scheduleIdle();
  wireDownloads();
}

const hosts = () => document.querySelectorAll<HTMLElement>('[data-figure]');

// ---- which figures are in or near the viewport: recorded by an IntersectionObserver, so a
// redraw never has to read positions (no forced layout after the DOM writes of a render).
const visible = new Set<HTMLElement>();
const pending = new Set<HTMLElement>();
const observer = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const host = e.target as HTMLElement;
    if (e.isIntersecting) {
      visible.add(host);
      drawPending(host);
    } else visible.delete(host);
  }
}, { rootMargin: '200px 0px' });

// ---- each figure at its container's width: widths come from ResizeObserver entries only. The
// build's 640px drawing stays as the first paint; a figure is redrawn when its width really
// changes (whole pixels), at once the first time and after a pause while the reader resizes.
const widths = new WeakMap<HTMLElement, number>();
const drawnAt = new WeakMap<HTMLElement, number>();
const resized = new Set<HTMLElement>();
let measured = false;
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
const sizes = new ResizeObserver((entries) => {
  for (const e of entries) {
    const plot = e.target as HTMLElement;
    const width = Math.floor(e.contentBoxSize?.[0]?.inlineSize ?? e.contentRect.width);
    if (width <= 0 || width === widths.get(plot)) continue; // hidden, or no real change
    widths.set(plot, width);
    if (drawnAt.get(plot) !== width) resized.add(plot.closest<HTMLElement>('[data-figure]')!);
  }
  if (resized.size === 0) return;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => void redrawResized(), measured ? 150 : 0);
  measured = true;
});

for (const host of hosts()) {
  observer.observe(host);
  const plot = host.querySelector<HTMLElement>('.plot');
  if (plot) sizes.observe(plot);
}

/** The view's and the study's results; in the default view, before any render, the engine gives both. */
async function ensureResults(): Promise<void> {
  if (current && study) return;
  const { compute } = await import('./engine.ts');
  study ??= compute(defaultState(domain));
  current ??= study;
}

async function redrawResized(): Promise<void> {
  await ensureResults();
  for (const host of [...resized]) {
    resized.delete(host);
    if (visible.has(host)) draw(host, current!);
    else pending.add(host); // drawn at the right width when it comes near
  }
  scheduleIdle();
}

function drawPending(host: HTMLElement): void {
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

// ---- "keep the study's scale": a checkbox in each traced figure, all kept in step
document.addEventListener('change', (e) => {
  const box = e.target as HTMLInputElement;
  if (!box.matches?.('input[data-study-scale]')) return;
  studyScale = box.checked;
  for (const other of document.querySelectorAll<HTMLInputElement>('input[data-study-scale]')) other.checked = studyScale;
  if (!current) return;
  for (const host of hosts()) {
    const spec: FigureSpec | undefined = FIGURES[host.dataset.figure as FigureName];
    if (!spec?.traced) continue;
    if (visible.has(host)) draw(host, current);
    else pending.add(host);
  }
  scheduleIdle();
});

function describe(host: HTMLElement, result: AnalysisResult): void {
  const name = host.dataset.figure as FigureName;
  const spec: FigureSpec = FIGURES[name];
  if (!spec) return;
  host.querySelector('[data-caption]')!.textContent = spec.describe(result, study);
  const table = host.querySelector<HTMLTableElement>('[data-figure-table]');
  if (table) fillTable(table, spec.table(result, study), FIGURE_PATHS[name](result));
  // the option only means something while the study's view is traced
  const option = host.querySelector<HTMLElement>('[data-study-option]');
  if (option) option.hidden = !studyTrace(result, study);
}

function draw(host: HTMLElement, result: AnalysisResult): void {
  if (!(host.dataset.figure! in FIGURES)) return;
  const plot = host.querySelector<HTMLElement>('.plot')!;
  const width = widths.get(plot) ?? FIGURE_WIDTH;
  plot.replaceChildren(drawFigure(host.dataset.figure as FigureName, result, dataset, { document, width, allCategories: dataset.categories, study, studyScale }));
  drawnAt.set(plot, width);
  pending.delete(host);
  delete plot.dataset.stale;
  plot.removeAttribute('aria-busy');
  if (plot.classList.contains('units')) resetUnits(plot);
}

/** Result downloads are built when the reader asks for them, from the result on screen. */
let downloadsWired = false;
function wireDownloads(): void {
  if (downloadsWired) return;
  downloadsWired = true;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-download]')) {
    link.addEventListener('click', () => {
      if (!current) return; // still the default view: the static file is the right one
      const json = link.dataset.download === 'json';
      const body = json ? resultsJson(current) : resultsCsv(current);
      if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(new Blob([body], { type: json ? 'application/json' : 'text/csv' }));
    });
  }
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
