// Figures in the browser: redraw every figure, caption and table from a new result, each chart at
// its container's width (and, before any change of view, only a chart whose column is far from the
// build's drawing shown: see figureWidth.ts), with a trace of the study's view when the view differs (the result
// downloads are main.ts's). The headline units figure's keyboard, pointer and touch inspection lives in
// units.ts. Loaded on demand (it brings Observable Plot).
import type { AnalysisResult } from '../analysis/analyse.ts';
import { FIGURES, FIGURE_WIDTH, drawFigure, type FigureName, type FigureSpec } from '../lib/figures.ts';
import { studyTrace } from '../charts/shared.ts';
import { harmUnitFor, harmUnitTable, ownHarmUnit } from '../lib/harmUnit.ts';
import { defaultState } from '../lib/urlState.ts';
import type { Engine } from './engineTypes.ts';
import { fillTable, finishTables, redraw } from './dom.ts';
import { FIGURE_PATHS } from '../lib/figurePaths.ts';
import { redrawUnits, resetUnits } from './units.ts';
import { isFar, variantWidth } from './figureWidth.ts';
import { formatNumber } from '../lib/format.ts';

export { enhance } from './units.ts';

let current: AnalysisResult | undefined;
/** The study's view (analyse(dataset, defaultState(domain))): each figure traces it when the view differs. */
let study: AnalysisResult | undefined;
/** "Keep the study's scale": one setting for every figure on the page, held in memory. */
let studyScale = false;

/** The data in view (the study's, or the reader's own): set by the page before the first draw. */
let engine: Engine | undefined;
/** One square per arrest stops being readable (and quick to draw) beyond this many in view. */
export const UNITS_LIMIT = 2_000;
/**
 * One row per person stops being readable beyond this many people (12,000 px of rows), and
 * drawing them holds the page (1.4 s for 41,000): the table gives each person's numbers instead.
 */
export const PER_ORDER_LIMIT = 1_000;

/** The figures draw from these data from now on (main.ts calls it when the data change). */
export function useEngine(e: Engine): void {
  engine = e;
}

/**
 * Redraw for a new result (and the study's, for the trace). Every caption and table changes at
 * once (they are cheap text); the charts in or near the viewport are drawn at once too, the
 * others when they scroll into view, when the browser is idle or before printing. Until then a
 * stale chart is hidden, never shown with the old numbers, and keeps its space. Drawn, it may take
 * more or less room; what the reader is looking at below it stays put on screen, because a figure
 * is never the browser's scroll anchor (src/styles/global.css).
 */
export function renderAll(result: AnalysisResult, studyResult?: AnalysisResult): void {
  current = result;
  // The reader's own data have no study view to trace: the trace is only ever the study's data.
  study = engine?.kind === 'local' ? undefined : studyResult ?? study;
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
let observed!: () => void;
/** Settles when the observer has first reported where the figures are (a frame after this module loads): from then on renderAll draws those in view at once. */
export const placed = new Promise<void>((resolve) => (observed = resolve));
const observer = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const host = e.target as HTMLElement;
    if (e.isIntersecting) {
      visible.add(host);
      drawPending(host);
    } else visible.delete(host);
  }
  observed();
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

/** The view's and the study's results; in the study's default view, before any render, the engine gives both. False while the reader's data have not been drawn yet. */
async function ensureResults(): Promise<boolean> {
  if (current && (study || engine?.kind === 'local')) return true;
  if (engine?.kind === 'local') return false; // renderAll comes with the first result
  engine ??= (await import('./engine.ts')).studyEngine;
  study ??= await engine.compute(defaultState(engine.domain), { idle: true });
  current ??= study;
  return true;
}

async function redrawResized(): Promise<void> {
  if (!(await ensureResults())) return;
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
/** While the browser is idle: the charts waiting to be drawn, one per callback, then the closed tables waiting to be filled. */
function scheduleIdle(): void {
  if (idleScheduled || (pending.size === 0 && !idleTable())) return;
  idleScheduled = true;
  const later = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50));
  later(() => {
    idleScheduled = false;
    const next = pending.values().next().value;
    if (next) drawPending(next);
    else idleTable()?.run();
    scheduleIdle();
  });
}

window.addEventListener('beforeprint', () => {
  for (const host of [...pending]) drawPending(host);
  for (const deferred of [...deferredTables.values()]) deferred.run();
  finishTables();
});

// ---- a figure's table behind a closed "Show as table" is not filled in the change of view itself:
// nobody sees it then, and building its rows (41,000 of them, one per person, for a reader's large
// data) would hold up the change. Until it is filled it has its caption and no rows, never another
// view's. It is filled when the browser is next idle (unless it is one of those very large ones), on
// the summary's click (before the details open, so it opens full), when something else opens it
// (its toggle event), or before printing.
/**
 * Each table waiting to be filled, and whether it is small enough to fill while the browser is idle
 * after a change (a table of one row per person for many people waits until it is opened): filled,
 * a closed table's numbers are in the page again for find-in-page, which opens the details where it
 * finds one.
 */
const deferredTables = new Map<HTMLTableElement, { run: () => void; whenIdle: boolean }>();
const idleTable = () => [...deferredTables.values()].find((deferred) => deferred.whenIdle);
function deferTable(table: HTMLTableElement, details: HTMLDetailsElement, fill: () => void, whenIdle: boolean): void {
  table.tHead?.remove();
  for (const body of [...table.tBodies]) body.remove();
  const run = () => {
    if (deferredTables.get(table)?.run !== run) return;
    deferredTables.delete(table);
    fill();
  };
  deferredTables.set(table, { run, whenIdle });
  if (!details.dataset.deferredFill) {
    details.dataset.deferredFill = '';
    const fillNow = () => deferredTables.get(table)?.run();
    details.querySelector(':scope > summary')?.addEventListener('click', fillNow);
    details.addEventListener('toggle', () => {
      if (details.open) fillNow();
    });
  }
}

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
    describe(host, current); // the caption says whether the study's values pass the axis
    if (visible.has(host)) draw(host, current);
    else pending.add(host);
  }
  scheduleIdle();
});

function describe(host: HTMLElement, result: AnalysisResult): void {
  const name = host.dataset.figure as FigureName;
  const spec: FigureSpec = FIGURES[name];
  if (!spec) return;
  const own = engine?.kind === 'local';
  const ownHarm = ownHarmUnit(engine);
  host.querySelector('[data-caption]')!.textContent = harmUnitFor(spec.describe(result, study, own, studyScale), ownHarm);
  const table = host.querySelector<HTMLTableElement>('[data-figure-table]');
  if (table) {
    const details = table.closest('details');
    if (details && !details.open) {
      // A table behind a closed "Show as table" takes its caption now and its rows when it opens
      // (or the page is printed): building rows nobody can see would cost each change of view. One
      // row per person, for many people, is not even formatted for the caption.
      const many = name === 'perOrder' && result.perOrder.length > PER_ORDER_LIMIT;
      const tableOf = (r: AnalysisResult) => harmUnitTable(spec.table(r, study, own), ownHarm);
      const data = many ? undefined : tableOf(result);
      table.createCaption().textContent = (data ?? tableOf({ ...result, categories: [] })).caption;
      deferTable(table, details, () => fillTable(table, data ?? tableOf(result), FIGURE_PATHS[name](result, study)), !many);
    } else {
      deferredTables.delete(table);
      fillTable(table, harmUnitTable(spec.table(result, study, own), ownHarm), FIGURE_PATHS[name](result, study));
    }
  }
  // the option only means something while the study's view is traced, and there is something drawn to scale (not with no category: an accessibility review)
  const option = host.querySelector<HTMLElement>('[data-study-option]');
  if (option) option.hidden = result.categories.length === 0 || !studyTrace(result, study, spec.traced === 'harm');
}

function draw(host: HTMLElement, result: AnalysisResult): void {
  if (!(host.dataset.figure! in FIGURES)) return;
  const plot = host.querySelector<HTMLElement>('.plot')!;
  const width = widths.get(plot) ?? variantWidth(plot) ?? FIGURE_WIDTH;
  const name = host.dataset.figure as FigureName;
  const inView = result.events.pre + result.events.post;
  if (name === 'eventUnits' && (!engine?.dataset || inView > UNITS_LIMIT)) {
    // Too many arrests for one square each: say so; the headline numbers, caption and table give the totals.
    const note = document.createElement('p');
    note.className = 'units-note';
    // Data too large to copy to the page (MAIN_THREAD_EVENTS) have no squares to draw, however few the view shows.
    note.textContent = inView > UNITS_LIMIT
      ? `This view has ${formatNumber(inView)} arrests: too many to draw one square each (this chart draws up to ${formatNumber(UNITS_LIMIT)}). The numbers above, the caption and the table give the totals; the bar charts below compare them.`
      : `This chart is not drawn for data files this large: your arrests stay in the part of the browser that analyses them, not on the page. This view has ${formatNumber(inView)} arrests; the numbers above, the caption and the table give the totals, and the bar charts below compare them.`;
    plot.replaceChildren(note);
  } else if (name === 'perOrder' && result.perOrder.length > PER_ORDER_LIMIT) {
    const note = document.createElement('p');
    note.className = 'units-note';
    note.textContent = `This view has ${formatNumber(result.perOrder.length)} people: too many to draw one row each (this chart draws up to ${formatNumber(PER_ORDER_LIMIT)}). The caption above gives how many had fewer, more and the same number of arrests after; "Show as table" lists every person's arrests before and after.`;
    plot.replaceChildren(note);
  } else {
    const options = { document, width, allCategories: engine!.domain.categories, study, studyScale, ownData: engine!.kind === 'local' };
    if (name === 'eventUnits') redrawUnits(plot, result, engine!.dataset!, options);
    else redraw(plot, drawFigure(name, result, engine!.dataset!, options));
  }
  drawnAt.set(plot, width);
  pending.delete(host);
  delete plot.dataset.stale;
  plot.removeAttribute('aria-busy');
  if (plot.classList.contains('units') && plot.querySelector('svg')) resetUnits(plot, result);
}

