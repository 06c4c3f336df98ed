// Figures in the browser: redraw every figure, caption and table from a new result, each chart at
// its container's width (and, before any change of view, only a chart whose column is far from the
// build's drawing shown: see figureWidth.ts), with a trace of the study's view when the view differs (the result
// downloads are main.ts's). The headline units figure's keyboard, pointer and touch inspection lives in
// units.ts. Loaded on demand (it brings Observable Plot).
import type { AnalysisResult } from '../analysis/analyse.ts';
import { FIGURES, FIGURE_WIDTH, drawFigure, type FigureName, type FigureSpec } from '../lib/figures.ts';
import { studyTrace } from '../charts/shared.ts';
import { defaultState } from '../lib/urlState.ts';
import { dataset } from '../lib/bundled.ts';
import { fillTable } from './dom.ts';
import { FIGURE_PATHS } from '../lib/figurePaths.ts';
import { resetUnits } from './units.ts';
import { isFar, variantWidth } from './figureWidth.ts';

export { enhance } from './units.ts';

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
// build's drawing (at 640px or 320px, whichever CSS shows) stays while it is close to its column's
// width; a figure is redrawn when the column is far from the width it was drawn at (whole pixels),
// at once the first time and after a pause while the reader resizes. A change of view redraws at
// the column's width.
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
    const drawn = drawnAt.get(plot) ?? variantWidth(plot);
    if (drawn === undefined || isFar(width, drawn)) resized.add(plot.closest<HTMLElement>('[data-figure]')!);
  }
  const first = !measured;
  measured = true;
  if (resized.size === 0) return;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => void redrawResized(), first ? 0 : 150);
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
  const width = widths.get(plot) ?? variantWidth(plot) ?? FIGURE_WIDTH;
  plot.replaceChildren(drawFigure(host.dataset.figure as FigureName, result, dataset, { document, width, allCategories: dataset.categories, study, studyScale }));
  drawnAt.set(plot, width);
  pending.delete(host);
  delete plot.dataset.stale;
  plot.removeAttribute('aria-busy');
  if (plot.classList.contains('units')) resetUnits(plot, result);
}

