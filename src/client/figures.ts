// Figures in the browser: redraw every figure, caption and table from a new result, keep the
// result downloads in step. The headline units figure's keyboard and pointer inspection lives in
// units.ts. Loaded on demand (it brings Observable Plot).
import type { AnalysisResult } from '../analysis/analyse.ts';
import { FIGURES, FIGURE_WIDTH, drawFigure, type FigureName } from '../lib/figures.ts';
import { resultsCsv, resultsJson } from '../lib/export.ts';
import { dataset } from '../lib/bundled.ts';
import { fillTable } from './dom.ts';
import { FIGURE_PATHS } from '../lib/figurePaths.ts';
import { resetUnits } from './units.ts';

export { enhance } from './units.ts';

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
  wireDownloads();
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
  if (plot.classList.contains('units')) resetUnits(plot, result);
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
