// The "How robust is it?" page in the browser. The HTML already shows the study's default view
// (src/lib/robustnessDefault.ts). This script follows the view that main.ts renders (its
// 'stro:rendered' event) and the page's own what-if controls, and redraws the page's figures and
// numbers with the same functions as the build (src/lib/robustness.ts). The heavy parts run in a
// Web Worker: robustWorker.ts for the study's data, the reader's data worker for theirs (through
// engine.robustness). A specification of the curve sets the view through main.ts ('stro:set-view'),
// as the controls do, by its button in the table, or once picked out in the figure (a tap or click
// on its marks, or the arrow keys) by a second action: "Show this view", a second tap or click on
// it, or Enter (specKeys.ts). A re-run of the null world from its own controls ends by saying its
// result in the controls' status (nullWorldDoneWords), in the page's words.
// Each of the page's numbers is a handle to its derivation (src/lib/robustDerivations.ts), built
// here from the context the number was formatted from; an open panel follows the numbers when
// they change, and waits (busy) while they are being recomputed.
import { keepInSight } from './keepFocus.ts';
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { SpecificationCurve } from '../analysis/specificationCurve.ts';
import { rankSpecifications } from '../charts/specificationCurve.ts';
import { harmUnitFor, harmUnitTable, ownHarmUnit } from '../lib/harmUnit.ts';
import { FIGURE_WIDTH } from '../lib/figures.ts';
import { drawRobustnessFigure, ROBUSTNESS_FIGURES } from '../lib/robustnessFigures.ts';
import type { Derivation } from '../lib/derivations.ts';
import {
  DEFAULT_LOOKBACK, DEFAULT_SELECTION, DEFAULT_UNAVAILABLE, IN_SHORT, PAGE_FIGURES, ROBUST_NUMBERS, currentSpecification, currentSpecificationWords, curveIntervalSegments, hasLibertyMonths, nullWorldDoneWords, libertyDoneWords, libertyFor, robustNameOf, robustSegments, textOf, viewOfSpecification,
  type InShortName, type PageFigureName, type RobustNumberName, type RobustnessFigureContext, type RobustnessReply, type RobustnessRequest,
} from '../lib/robustness.ts';
import { dataOf, defaultState, parseState, sameState, serialiseState, type SetView, type ViewState } from '../lib/urlState.ts';
import { activeEngine } from './active.ts';
import { fillSegments, fillTable, flash, redraw } from './dom.ts';
import type { Engine } from './engineTypes.ts';
import type { PanelContext } from './panel.ts';
import { panelOnRobust, provideRobustDerivations } from './robustRegistry.ts';
import type { RobustWorkerReply, RobustWorkerRequest } from './robustWorker.ts';
import { enhanceSpecKeys, wireSpecKeys } from './specKeys.ts';
import { idle } from './idle.ts';
import { markNumbersOutOfDate, markOutOfDate } from './outOfDate.ts';
import { curveScriptUsable, partKey, prepare as preparePart, restore, shownFor, type Part, type PartFor } from './robustPending.ts';
import { curveScriptFileName, curveScriptGenerator } from '../lib/rCheck.ts';

const nullForm = document.querySelector<HTMLFormElement>('[data-robust-controls="nullWorld"]');
const libertyForm = document.querySelector<HTMLFormElement>('[data-robust-controls="liberty"]');

// ---- the study's worker
let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: RobustnessReply) => void; reject: (e: Error) => void }>();
function studyWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./robustWorker.ts', import.meta.url), { type: 'module', name: 'stro-robustness' });
  worker.addEventListener('message', (e: MessageEvent<RobustWorkerReply>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if ('error' in e.data) w.reject(new Error(e.data.error));
    else w.resolve(e.data.reply);
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    for (const w of waiting.values()) w.reject(new Error('the part of this page that computes in the background (a Web Worker) could not start'));
    waiting.clear();
    worker?.terminate();
    worker = undefined;
  });
  return worker;
}

function ask(engine: Engine, request: RobustnessRequest): Promise<RobustnessReply> {
  if (engine.kind === 'local' && engine.robustness) return engine.robustness(request);
  const w = studyWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, request } satisfies RobustWorkerRequest);
  });
}

// ---- what the page shows
type Shown = RobustnessFigureContext & { engine: Engine };
let shown: Shown | undefined;
/** The data and categories the specification curve held in `shown` was computed for: its part key. */
let curveFor = '';

/** The view, result and engine in view: from main.ts's last render, or (before any) the engine's own for the address. */
async function current(): Promise<Shown> {
  if (shown) return shown;
  const engine = activeEngine() ?? (await import('./engine.ts')).studyEngine;
  const state = parseState(location.search, engine.domain);
  const result = await engine.compute(state, { idle: true });
  shown ??= { engine, state, result, gapRows: null, world: null, liberty: null, curve: null };
  // The build drew the default view's curve: the first time, it is computed again to be wired up.
  return shown;
}

const selection = () => Number((nullForm?.elements.namedItem('selection') as HTMLInputElement | null)?.value ?? DEFAULT_SELECTION);
const lookback = () => Number((nullForm?.elements.namedItem('lookback') as HTMLSelectElement | null)?.value ?? DEFAULT_LOOKBACK);
const share = () => Number((libertyForm?.elements.namedItem('share') as HTMLInputElement | null)?.value ?? DEFAULT_UNAVAILABLE);

/**
 * Refill the page's numbers whose names start with `prefix` ('' for all) from the context. Each is
 * a handle (a button) whose text is the number, or for the closed form a sentence around one; an
 * open panel on one of them then follows it to the new value (even when its text did not change).
 */
function setNumbers(ctx: Shown, prefix = ''): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-robust]')) {
    const name = el.dataset.robust as RobustNumberName;
    // A line of "In short": its part's numbers in a sentence (IN_SHORT), refilled with them.
    if (Object.hasOwn(IN_SHORT, name)) {
      if (!name.startsWith(prefix)) continue;
      const segments = IN_SHORT[name as string as InShortName](ctx);
      if (el.textContent === textOf(segments)) continue;
      fillSegments(el, segments);
      flash(el);
      continue;
    }
    if (!Object.hasOwn(ROBUST_NUMBERS, name) || !name.startsWith(prefix)) continue;
    const segments = robustSegments(name, ctx);
    const text = ROBUST_NUMBERS[name](ctx);
    if (el.textContent === text) continue;
    if (el instanceof HTMLButtonElement) el.textContent = text; // the number alone is the handle
    else fillSegments(el, segments);
    flash(el);
  }
  if ('curve.'.startsWith(prefix)) curveView(ctx);
  panelOnRobust(prefix)?.update(panelContext(ctx));
}

/** The sentences that say whether the view is one of the curve's specifications (highlighted) or not, and how many of its significant falls have an interval across no change. */
function curveView(ctx: Shown): void {
  if (!ctx.curve) return;
  const words = currentSpecificationWords(ctx.curve, ctx.state);
  for (const el of document.querySelectorAll<HTMLElement>('[data-curve-view]')) if (el.textContent !== words) el.textContent = words;
  // Its counts and shares are handles (a peer reviewer: "171 of 180" could not be opened).
  const intervals = curveIntervalSegments(ctx.curve);
  const text = textOf(intervals);
  for (const el of document.querySelectorAll<HTMLElement>('[data-curve-intervals]')) {
    if (el.textContent === text) continue;
    fillSegments(el, intervals);
    flash(el);
  }
  curveScriptLink(ctx);
}

/** The blob the curve's script link holds, released when it moves to another, and the curve it was written for. */
let curveScriptBlob: string | null = null;
let curveScriptFor = '';
let curveScriptReady = false;

/**
 * The curve's R-script link, for the curve on screen: the build's file for the study's data and
 * categories, else a script written here by the same emitCurveR(), named after its categories; on
 * paper, the command that writes it (global.css). Unusable (robustPending.ts) until it is ready.
 */
function curveScriptLink(ctx: Shown): void {
  const curve = ctx.curve!;
  // The study's files loaded as a reader's are the study's data, with the study's script (as main.ts names their commands).
  const local = ctx.engine.local?.summary.study ? undefined : ctx.engine.local?.summary;
  const domain = ctx.engine.domain;
  // Whose data and which categories: the curve's own (it may be the previous view's while the next is computed).
  const key = partKey('curve', { engine: ctx.engine, state: { ...ctx.state, categories: curve.categories }, selection: 0, lookback: 0 });
  // The same curve drawn again (its part was set aside meanwhile): its script is usable again, once written.
  if (key === curveScriptFor) return curveScriptReady ? curveScriptUsable(true) : undefined;
  curveScriptFor = key;
  curveScriptReady = false;
  if (curveScriptBlob) URL.revokeObjectURL(curveScriptBlob);
  curveScriptBlob = null;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-curve-script]')];
  // The build's file and name, kept from before the first change (the link may be set aside: data-href).
  for (const link of links) link.dataset.built ??= `${link.dataset.href ?? link.getAttribute('href')} ${link.dataset.name ?? link.download}`;
  curveScriptUsable(false);
  const set = (href: string, name: string, command?: string) => {
    for (const link of links) {
      link.dataset.href = href;
      link.dataset.name = name;
      if (command) link.dataset.printCommand = command;
      else delete link.dataset.printCommand;
    }
    curveScriptReady = true;
    curveScriptUsable(true);
  };
  if (!local && curve.categories.join(',') === domain.categories.join(',')) {
    const built = links[0]?.dataset.built?.split(' ');
    if (built) set(built[0], built[1]);
    return;
  }
  // The script's text (and emitR's, whose reading code it shares) loads only for a curve that needs it.
  // A reader's script reads events as months, as the view's script does (checkInR.ts), which its header says.
  const generator = `${curveScriptGenerator(curve.categories, domain, local)}${local ? "; run it on the events with months from the downloads on Data and methods (events-with-months.csv), renamed events.csv" : ''}`;
  const declared = local ? { designWindow: local.designWindow, outsideWindow: local.outsideWindow } : {};
  void import('../analysis/emitCurveR.ts').then(({ curveScriptOptions, emitCurveR }) => {
    if (curveScriptFor !== key) return; // another curve came meanwhile
    curveScriptBlob = URL.createObjectURL(new Blob([emitCurveR(curveScriptOptions(curve, declared), { generator })], { type: 'text/plain;charset=utf-8' }));
    set(curveScriptBlob, curveScriptFileName(curve.categories, domain), generator);
  }, () => {
    curveScriptFor = ''; // tried again with the next curve
  });
}

// ---- "Check the curve in R" (CheckInR.astro with `curve`; its button loads this code: robustnessEntry.ts)

/** The panel a check of the curve ran in, told when the curve on screen changes (followKey). */
let curveCheckHost: HTMLElement | undefined;

/**
 * What `ready` finds in the part of the page on screen, once nothing is under way and the page shows the
 * view: if it finds nothing (undefined), `fill` computes the part (false: it cannot be had) and it looks again,
 * at most four times. The curve's check and the derivations wait for the page this way.
 */
async function settledOnScreen<T>(ready: (ctx: Shown) => T | undefined, fill: (ctx: Shown) => Promise<unknown> | boolean, failure: string): Promise<T> {
  for (let attempt = 0; attempt < 4; attempt++) {
    while (pending.size > 0) await Promise.allSettled([...pending]);
    const ctx = await current();
    if (pending.size > 0 || ctx !== shown) continue;
    const found = ready(ctx);
    if (found !== undefined) return found;
    if ((await fill(ctx)) === false) break;
  }
  throw new Error(failure);
}

/** The curve on screen, once it is the view's (computed here if the page has not yet): what the check compares R with. */
function curveOnScreen(): Promise<Shown & { curve: SpecificationCurve }> {
  return settledOnScreen(
    (ctx) => (ctx.curve && curveFor === partKey('curve', partFor(ctx)) ? (ctx as Shown & { curve: SpecificationCurve }) : undefined),
    // An earlier view's curve, with nothing under way: this view's could not be computed.
    (ctx) => (ctx.curve ? false : track(computeCurve(ctx))),
    'the specification curve for this view could not be computed',
  );
}

/**
 * Runs the curve's R script (emitCurveR, the script its link gives) in webR on the files the curve
 * was computed from, and compares every number R prints, and its specifications' names, with the
 * curve on screen (src/lib/rCheckCurve.ts). The curve depends on the data and the categories only:
 * a change of those withdraws the result (curveCheckFollows), any other change of view keeps it.
 */
export async function checkCurve(host: HTMLElement): Promise<void> {
  const { runPanelCheck } = await import('./checkInR.ts');
  curveCheckHost = host;
  await runPanelCheck(host, {
    key: () => (shown ? partKey('curve', partFor(shown)) : ''),
    running: 'Running the R script for the curve (every specification, which takes a few seconds)…',
    async run(onStage) {
      const ctx = await curveOnScreen();
      const { curve, engine } = ctx;
      const key = partKey('curve', partFor(ctx)); // the curve R checks: the page may show another by the end
      const inputs = await engine.rInputs();
      const weighted = curve.choices.weights.some((w) => w !== 'data');
      if (weighted && inputs.harmIndexCsv === undefined) throw new Error('the harm index the curve weighs harm by is not available');
      // From here a failure is in loading the code that runs R, or R itself, not in the report's numbers.
      onStage('loading');
      const [{ startR, runInR, rVersion }, { compareCurveWithR }, { curveScriptOptions, emitCurveR }] = await Promise.all([
        import('./webr.ts'), import('../lib/rCheckCurve.ts'), import('../analysis/emitCurveR.ts'),
      ]);
      const r = await startR();
      onStage('running');
      // As the curve's script link writes it (curveScriptLink): the study's files loaded as a reader's are the study's data.
      const local = engine.local?.summary.study ? undefined : engine.local?.summary;
      const declared = local ? { designWindow: local.designWindow, outsideWindow: local.outsideWindow } : {};
      const files: Record<string, string> = { 'orders.csv': inputs.ordersCsv, 'events.csv': inputs.eventsCsv, ...(weighted ? { 'harm-index.csv': inputs.harmIndexCsv! } : {}) };
      const output = await runInR(r, emitCurveR(curveScriptOptions(curve, declared)), files);
      const version = await rVersion(r);
      onStage('comparing');
      const names = ctx.result.categoryNames;
      const categories = curve.categories.length === 0 ? 'no category' : curve.categories.length === ctx.result.domain.categories.length ? 'all categories' : curve.categories.map((c) => (names[c] ?? c).toLowerCase()).join(', ');
      return {
        key,
        comparison: compareCurveWithR(curve, output, version.short),
        version,
        shownFor: `Curve checked: ${categories}, ${engine.kind === 'study' ? "the study's synthetic data" : engine.local?.summary.study ? "the study's synthetic files, loaded as your own" : 'the data you loaded'}. ${version.full}, running in this browser through webR.${
          // With nothing counted, agreement is on empty counts: said, beside a curve that says there is nothing to count.
          curve.categories.length === 0 ? ' With no category, no specification has an arrest to count: R and the engine agree on empty counts, with no reduction and no significant fall.' : ''}`,
      };
    },
  });
}

/** The curve the view needs is now `key`'s: a comparison shown for another curve is withdrawn. */
function curveCheckFollows(key: string): void {
  if (!curveCheckHost) return;
  void import('./checkInR.ts').then((m) => m.followKey(curveCheckHost!, key, 'The categories or the data have changed since R checked the curve. Check again for this curve.'), () => undefined);
}

// ---- the numbers' derivations

/** The computations under way: until they end, the numbers on screen are about to change. */
const pending = new Set<Promise<unknown>>();
function track<T>(p: Promise<T>): Promise<T> {
  pending.add(p);
  void p.finally(() => pending.delete(p)).catch(() => undefined);
  return p;
}

/** While the numbers whose names start with `prefix` are recomputed, an open panel on one of them is marked busy. */
const panelBusy = (prefix = '') => panelOnRobust(prefix)?.markStale();

/** Whose data the numbers describe: the study's synthetic data (or the same files loaded as the reader's), or the reader's own. */
function robustData(engine: Engine): import('../lib/robustDerivations.ts').RobustData {
  const dataset = engine.dataset;
  return { dataset, synthetic: dataset ? dataset.manifest?.synthetic === true : engine.local?.summary.study === true };
}

function panelContext(ctx: Shown): PanelContext {
  return { result: ctx.result, derive: (path) => (robustNameOf(path) ? deriveOnScreen(path) : ctx.engine.derive(ctx.state, path)) };
}

/** Whether the context holds the part a number is formatted from. */
function holds(ctx: Shown, name: RobustNumberName): boolean {
  return name.startsWith('nullWorld.') ? ctx.world !== null : name.startsWith('liberty.') ? ctx.liberty !== null : name.startsWith('gap.') ? ctx.gapRows !== null : ctx.curve !== null;
}

/**
 * The derivation of a number as the page shows it: once the computations under way have ended (so
 * the number on screen is the context's), from the context of the view on screen. The build's
 * view has numbers the page has not computed itself (the HTML came with them): the part a number
 * needs is then computed here, with the same functions and settings, so it is the same number.
 */
async function deriveOnScreen(path: string): Promise<Derivation | null> {
  const name = robustNameOf(path);
  if (!name) return null;
  const { deriveRobust } = await import('../lib/robustDerivations.ts');
  return settledOnScreen(
    (ctx) => (holds(ctx, name) ? deriveRobust(name, ctx, ctx.result, robustData(ctx.engine)) : undefined),
    (ctx) => (name.startsWith('liberty.') ? (liberty(ctx), true) : track(name.startsWith('nullWorld.') ? rerunWorld() : name.startsWith('gap.') ? computeGapRows(ctx) : computeCurve(ctx))),
    'the part of this page it comes from could not be computed',
  );
}

function hostsOf(name: PageFigureName): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-robust-figure="${name}"]`)];
}

function markStale(name: PageFigureName, stale: boolean): void {
  for (const host of hostsOf(name)) markHost(host, stale);
}

function markHost(host: HTMLElement, stale: boolean): void {
  const plot = host.querySelector<HTMLElement>('.plot')!;
  if (stale) {
    plot.dataset.stale = '';
    plot.setAttribute('aria-busy', 'true');
  } else {
    delete plot.dataset.stale;
    plot.removeAttribute('aria-busy');
  }
}

/** The view a part computed in the worker is for, with the null world's own controls. */
const partFor = (ctx: Shown): PartFor => ({ engine: ctx.engine, state: ctx.state, selection: selection(), lookback: lookback() });
const prepare = (part: Part, ctx: Shown) => preparePart(part, partFor(ctx));

// ---- which charts are in or near the viewport (an IntersectionObserver records it, and a
// ResizeObserver each chart's width, so a redraw never reads positions after its own DOM writes).
// A change of view redraws those charts at once; the others, marked out of date, when they come
// near, when the browser is idle, or before printing. Their words and tables change at once.
const near = new Set<HTMLElement>();
const waitingCharts = new Map<HTMLElement, () => void>();
const chartWidths = new WeakMap<HTMLElement, number>();
const nearObserver = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const host = e.target as HTMLElement;
    if (e.isIntersecting) {
      near.add(host);
      waitingCharts.get(host)?.();
    } else near.delete(host);
  }
}, { rootMargin: '200px 0px' });
const widthObserver = new ResizeObserver((entries) => {
  for (const e of entries) {
    const width = Math.floor(e.contentBoxSize?.[0]?.inlineSize ?? e.contentRect.width);
    if (width > 0) chartWidths.set(e.target as HTMLElement, width);
  }
});
for (const host of document.querySelectorAll<HTMLElement>('[data-robust-figure]')) {
  nearObserver.observe(host);
  const plot = host.querySelector<HTMLElement>('.plot');
  if (plot) widthObserver.observe(plot);
}
let idleChart = false;
function drawWaitingWhenIdle(): void {
  if (idleChart || waitingCharts.size === 0) return;
  idleChart = true;
  idle(() => {
    idleChart = false;
    waitingCharts.values().next().value?.();
    drawWaitingWhenIdle();
  });
}
window.addEventListener('beforeprint', () => {
  for (const drawChart of [...waitingCharts.values()]) drawChart();
});

/**
 * Redraw one of the page's figures from the context: its words and table at once, its chart at
 * its column's width, at once if it is in or near the viewport, else soon after (see above).
 */
function draw(name: PageFigureName, ctx: Shown): void {
  const entry = PAGE_FIGURES[name];
  const data = (entry.data as (c: RobustnessFigureContext) => unknown)(ctx);
  if (data === null) return;
  const spec = ROBUSTNESS_FIGURES[entry.figure] as unknown as { describe(d: unknown): string; table(d: unknown): { caption: string; columns: string[]; rows: string[][] } };
  const own = ownHarmUnit(ctx.engine);
  for (const host of hostsOf(name)) {
    const caption = host.querySelector<HTMLElement>('[data-caption]');
    if (caption) caption.textContent = harmUnitFor(spec.describe(data), own);
    const table = host.querySelector<HTMLTableElement>('table[data-figure-table]');
    // A reader who set the view from a row's button keeps the keyboard there: the table's rows are
    // new, so the focus goes to the new button of the same specification, not back to the page's top.
    const focused = table?.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.setSpec : undefined;
    if (table) fillTable(table, { ...harmUnitTable(spec.table(data), own), paths: undefined } as Parameters<typeof fillTable>[1]);
    if (name === 'specificationCurve') wireSpecificationTable(host, ctx);
    // In sight too: sorted anew, the row may now lie above the screen or beyond the table's scrolled edge (an accessibility review).
    const again = focused !== undefined ? table?.querySelector<HTMLElement>(`button[data-set-spec="${focused}"]`) : null;
    if (again) {
      again.focus({ preventScroll: true });
      keepInSight(again);
    }
    const drawChart = () => {
      if (waitingCharts.get(host) === drawChart) waitingCharts.delete(host);
      const plot = host.querySelector<HTMLElement>('.plot')!;
      const width = chartWidths.get(plot) ?? (Math.floor(plot.clientWidth) || FIGURE_WIDTH);
      const next = drawRobustnessFigure(entry.figure, data as never, { width, allCategories: ctx.result.domain.categories });
      // The specification curve's marks are wired one by one below: a new drawing gets new marks.
      if (name === 'specificationCurve') plot.replaceChildren(next);
      else redraw(plot, next);
      if (name === 'specificationCurve') wireSpecificationMarks(host, ctx);
      markHost(host, false);
    };
    if (near.has(host)) drawChart();
    else {
      waitingCharts.set(host, drawChart);
      markHost(host, true);
    }
  }
  drawWaitingWhenIdle();
}

// ---- the specification curve: each specification sets the view
/** The curve each host's drawing was wired for: its marks' tooltips name that curve's specifications. */
const wiredCurves = new WeakMap<HTMLElement, NonNullable<Shown['curve']>>();

function wireSpecificationMarks(host: HTMLElement, ctx: Shown): void {
  const curve = ctx.curve;
  if (!curve) return;
  // A specification whose view is this one (the current one, or harm or the sign test with its choices) sets nothing.
  const isView = (k: number) => sameState(parseState(serialiseState(viewOfSpecification(curve.specifications[k], ctx.state), ctx.engine.domain), ctx.engine.domain), ctx.state);
  wireSpecKeys(host, curve, currentSpecification(curve, ctx.state), isView);
  wiredCurves.set(host, curve);
}

// A mark's tooltip is made when the pointer first comes over it, not for all of the curve's 2,500
// marks when the curve is wired: that took a sixth of a second of a phone's main thread while the
// page loads, for tooltips that only a mouse ever shows. A click picks the specification out (specKeys.ts).
document.addEventListener('pointerover', (e) => {
  const mark = (e.target as Element | null)?.closest?.<SVGElement>('[data-robust-figure="specificationCurve"] .plot [data-spec]');
  if (!mark || mark.querySelector(':scope > title')) return;
  const host = mark.closest<HTMLElement>('[data-robust-figure]')!;
  const spec = wiredCurves.get(host)?.specifications[Number(mark.dataset.spec)];
  if (!spec) return;
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = `${spec.window} months, gap ${spec.gap}: click to pick out this specification`;
  mark.append(title);
});

function wireSpecificationTable(host: HTMLElement, ctx: Shown): void {
  const curve = ctx.curve;
  if (!curve) return;
  // The table lists the ranked specifications, then those without a reduction: a button per row sets its view (the keyboard's way in).
  const ranked = rankSpecifications(curve.specifications).map((s) => s.index);
  const order = [...ranked, ...curve.specifications.map((_, k) => k).filter((k) => !ranked.includes(k))];
  const table = host.querySelector<HTMLTableElement>('table[data-figure-table]');
  if (!table) return;
  const head = table.tHead?.rows[0];
  if (head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.className = 'set-view-col'; // a column of buttons: not printed
    th.textContent = 'Set the view';
    head.append(th);
  }
  [...(table.tBodies[0]?.rows ?? [])].forEach((row, i) => {
    const k = order[i];
    const spec = curve.specifications[k];
    const td = row.insertCell();
    td.className = 'set-view-cell';
    if (!spec) return;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'set-view';
    b.dataset.setSpec = String(k);
    b.textContent = 'Show this view';
    b.setAttribute('aria-label', `Show this view: specification ${row.cells[0]?.textContent || k + 1}, ${spec.window} months, gap ${spec.gap}, ${spec.test === 'legacy' ? 'Wilcoxon as R 4.5 and earlier' : spec.test === 'current' ? 'Wilcoxon as current R' : "the sign test, keeping the view's paired test"}${spec.measure === 'harm' && spec.weights && spec.weights !== 'data' ? `, ${spec.weights} weights` : ''}`);
    td.append(b);
  });
}

// The table's buttons set the view at once (each is explicit); the curve's marks only pick a
// specification out, and its second action sets the view (specKeys.ts).
document.addEventListener('click', (e) => {
  const button = (e.target as Element | null)?.closest?.<HTMLElement>('[data-set-spec]');
  const k = Number(button?.dataset.setSpec ?? NaN);
  // The table's button says nothing itself, so the page announces the new view as the controls do
  // (an accessibility review: the whole report changed in silence).
  if (Number.isInteger(k)) activate(k, false);
});
enhanceSpecKeys((k) => activate(k, true));

/**
 * Set the view to a specification of the curve on screen (by its index), through main.ts. `saysItself`:
 * the part that asked announces the change (the curve's inspector), so the page does not say it again.
 */
function activate(k: number, saysItself: boolean): void {
  const spec = shown?.curve?.specifications[k];
  if (!spec || !shown) return;
  window.dispatchEvent(new CustomEvent<SetView>('stro:set-view', { detail: { ...viewOfSpecification(spec, shown.state), ...(saysItself ? { saysItself } : {}) } }));
}

// ---- the computations
let token = 0;

/** Everything that follows the view: the quick parts at once, the heavy ones in the worker. */
async function follow(ctx: Shown): Promise<void> {
  const mine = ++token;
  panelBusy();
  liberty(ctx);
  curveView(ctx); // the curve on screen is for the same data: whether it holds the view is known at once
  for (const name of ['itsEvents', 'itsHarm', 'leaveOneOut'] as const) draw(name, ctx);
  shownFor('drawn', partKey('drawn', partFor(ctx))); // written just now, for this view
  markStale('gapCurve', true);
  markStale('gapCurveHarm', true);
  markStale('nullWorld', true);
  const key = partKey('curve', partFor(ctx));
  const needCurve = key !== curveFor || !ctx.curve;
  if (needCurve) markStale('specificationCurve', true);
  const keys = { gap: prepare('gap', ctx), world: prepare('world', ctx), curve: prepare('curve', ctx) };
  try {
    const [gap, world, curve] = await Promise.all([
      ask(ctx.engine, { kind: 'gapCurve', state: ctx.state }),
      ask(ctx.engine, { kind: 'nullWorld', state: ctx.state, selection: selection(), lookback: lookback() }),
      needCurve ? ask(ctx.engine, { kind: 'specificationCurve', categories: ctx.state.categories }) : Promise.resolve(null),
    ]);
    if (mine !== token) return;
    if (gap.kind === 'gapCurve') ctx.gapRows = gap.rows;
    if (world.kind === 'nullWorld') ctx.world = world.world;
    if (curve?.kind === 'specificationCurve') {
      ctx.curve = curve.curve;
      curveFor = key;
    }
    for (const name of ['gapCurve', 'gapCurveHarm', 'nullWorld', 'specificationCurve'] as const) draw(name, ctx);
    setNumbers(ctx);
    for (const part of ['gap', 'world', 'curve'] as const) shownFor(part, keys[part]);
    markBackground(BACKGROUND, false);
    status('');
  } catch (error) {
    if (mine !== token) return;
    restore();
    markBackground(BACKGROUND, true);
    // The curve on screen is an earlier view's: so would its script be (a re-check downloaded it under the new view).
    if (curveFor !== partKey('curve', partFor(ctx))) curveScriptUsable(false);
    status(`Part of this page could not be recomputed for your view: ${error instanceof Error ? error.message : String(error)}. The charts and numbers marked out of date still show an earlier view. Change the view again to retry.`);
    // An open panel stops waiting: it derives what the page holds now, or says why it cannot.
    panelOnRobust()?.update(panelContext(ctx));
  }
}

/** The parts computed in the worker, by chart; each one's numbers are named after it ('nullWorld.mean', 'curve.share'). */
const BACKGROUND = ['gapCurve', 'gapCurveHarm', 'nullWorld', 'specificationCurve'] as const;
const NUMBERS_OF: Partial<Record<PageFigureName, string>> = { gapCurve: 'gap.', nullWorld: 'nullWorld.', specificationCurve: 'curve.' };

/**
 * When the worker could not recompute them, its charts and numbers still show an earlier view: each
 * chart gets the out-of-date mark and each number is struck through (as when the page's code cannot
 * load, robustnessEntry.ts), until a later run succeeds.
 */
const backgroundStale = new Set<PageFigureName>();
function markBackground(names: readonly PageFigureName[], stale: boolean): void {
  const changing = names.filter((name) => backgroundStale.has(name) !== stale);
  if (changing.length === 0) return; // the usual success: nothing was marked, nothing to touch
  for (const name of changing) {
    if (stale) backgroundStale.add(name);
    else backgroundStale.delete(name);
  }
  markOutOfDate(changing.flatMap(hostsOf), stale ? 'Out of date: this chart and its caption still show an earlier view, not yours: it could not be recomputed.' : null);
  for (const name of changing) {
    const prefix = NUMBERS_OF[name];
    if (prefix) markNumbersOutOfDate(document.querySelectorAll<HTMLElement>(`[data-robust^="${prefix}"]`), stale);
  }
}

function status(text: string): void {
  const el = document.querySelector<HTMLElement>('[data-robust-status="nullWorld"]');
  if (el && el.textContent !== text) el.textContent = text;
}

function liberty(ctx: Shown): void {
  const dataset = ctx.engine.dataset;
  const own = dataset !== null && hasLibertyMonths(dataset, ctx.result);
  ctx.liberty = libertyFor(ctx.result, share(), dataset);
  const slider = libertyForm?.querySelector<HTMLElement>('[data-liberty-slider]');
  const note = libertyForm?.querySelector<HTMLElement>('[data-liberty-data]');
  if (slider) slider.hidden = own;
  if (note) note.hidden = !own;
  // Why this is a what-if: no months away in the data, or months for other windows than this view's.
  const why = libertyForm?.querySelector<HTMLElement>('[data-liberty-why]');
  const unused = ctx.liberty?.kind === 'whatIf' ? ctx.liberty.recordedUnused : undefined;
  const whyText = unused ? `${unused}; those months cannot be used here (a view of ${dataset!.span} months with no gap uses them)` : 'these data do not record time away';
  if (why && why.textContent !== whyText) why.textContent = whyText;
  const change = ctx.liberty?.value.rateFall ?? null;
  // The rate's change in words ("a fall of 56%", "a rise of 37%"), and the break-even share: where the
  // fall disappears, or, past it, that it has gone.
  for (const el of document.querySelectorAll<HTMLElement>('[data-liberty-direction]')) {
    const words = change === null || change === 0 ? 'a change' : change > 0 ? 'a fall' : 'a rise';
    if (el.textContent !== words) el.textContent = words;
  }
  // With no arrests after, no share removes the fall (the engine gives no break-even share): said instead.
  const breakEven = ctx.liberty?.kind === 'whatIf' ? ctx.liberty.value.breakEven : null;
  const fell = change !== null && change > 0;
  // Past the break-even share the rate rises: the share is still said, as the command line says it.
  const gone = !fell && breakEven !== null && breakEven > 0;
  for (const el of document.querySelectorAll<HTMLElement>('[data-liberty-whatif]')) {
    el.hidden = own
      || (el.hasAttribute('data-liberty-break-even') && !((fell || gone) && breakEven !== null))
      || (el.hasAttribute('data-liberty-no-break-even') && !(fell && breakEven === null));
  }
  // The break-even sentence's opening: where the fall disappears, or that, at this share, it has gone.
  for (const el of document.querySelectorAll<HTMLElement>('[data-liberty-fall]')) el.hidden = gone;
  for (const el of document.querySelectorAll<HTMLElement>('[data-liberty-gone]')) el.hidden = !gone;
  setNumbers(ctx, 'liberty.');
}

let worldToken = 0;
/** How long a slider rests before its result is computed (the null world) or said (time at liberty). */
const SETTLE_MS = 300;
let worldTimer: ReturnType<typeof setTimeout> | undefined;
let libertyTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * Simulate the null world again for the view on screen. `announce`: the reader moved its own
 * controls, so the status then says the result (the page's own words for its numbers) instead of
 * going quiet; a re-run for a derivation does not.
 */
async function rerunWorld(announce = false): Promise<void> {
  const ctx = await current();
  const mine = ++worldToken;
  markStale('nullWorld', true);
  panelBusy('nullWorld.');
  const key = prepare('world', ctx);
  // Said only if the run is slow: a quick one says its result alone (an accessibility review heard
  // "Simulating…" and then the result at every arrow-key press).
  const slow = setTimeout(() => { if (mine === worldToken) status('Simulating 1,000 cohorts…'); }, 500);
  try {
    const reply = await ask(ctx.engine, { kind: 'nullWorld', state: ctx.state, selection: selection(), lookback: lookback() });
    clearTimeout(slow);
    if (mine !== worldToken || reply.kind !== 'nullWorld' || ctx !== shown) return;
    ctx.world = reply.world;
    draw('nullWorld', ctx);
    setNumbers(ctx, 'nullWorld.');
    shownFor('world', key);
    markBackground(['nullWorld'], false);
    status(announce ? nullWorldDoneWords(ctx) : '');
  } catch (error) {
    clearTimeout(slow);
    if (mine !== worldToken) return;
    restore('world');
    markBackground(['nullWorld'], true);
    status(`The simulation could not run: ${error instanceof Error ? error.message : String(error)}. Its chart and numbers, marked out of date, are the last simulation's.`);
    // The numbers on screen are still the last simulation's: an open panel shows its derivation
    // again. (Without one, the panel's own request is waiting for this run, and says it failed.)
    if (ctx.world) panelOnRobust('nullWorld.')?.update(panelContext(ctx));
  }
}

/** The gap curve's rows for the view on screen, where the page has not computed them itself (the build's view): "In short"'s months around the order are read from them. */
async function computeGapRows(ctx: Shown): Promise<void> {
  const reply = await ask(ctx.engine, { kind: 'gapCurve', state: ctx.state });
  if (reply.kind === 'gapCurve' && ctx === shown && !ctx.gapRows) ctx.gapRows = reply.rows;
}

/** The specification curve for the view's categories, in the worker; drawn and its numbers set when it is still the view's. */
async function computeCurve(ctx: Shown): Promise<void> {
  const reply = await ask(ctx.engine, { kind: 'specificationCurve', categories: ctx.state.categories });
  if (reply.kind !== 'specificationCurve' || ctx !== shown || ctx.curve) return;
  ctx.curve = reply.curve;
  curveFor = partKey('curve', partFor(ctx));
  // The build drew the study's curve for its own categories: for those, its drawing and table are
  // this curve's already, and only need wiring up (its marks' titles, keys and the table's buttons),
  // which spares the page redrawing some 2,500 marks while it loads.
  const built = ctx.engine.kind === 'study' && ctx.state.categories.join(',') === defaultState(ctx.engine.domain).categories.join(',');
  const wireBuilt = built && !hostsOf('specificationCurve').some((host) => waitingCharts.has(host) || host.querySelector('.plot[data-stale]'));
  if (wireBuilt) for (const host of hostsOf('specificationCurve')) wireSpecificationMarks(host, ctx);
  else draw('specificationCurve', ctx);
  // Set while ctx is still the view on screen: after the wait below it may not be.
  setNumbers(ctx, 'curve.');
  shownFor('curve', partKey('curve', partFor(ctx)));
  if (!wireBuilt) return;
  // The table's 180 buttons in a task of their own, so that neither half holds the page long.
  // It is wired unless a redraw in between has wired it already (or drawn another curve).
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const host of hostsOf('specificationCurve')) {
    if (wiredCurves.get(host) === reply.curve && !host.querySelector('table [data-set-spec]')) wireSpecificationTable(host, ctx);
  }
}

// ---- wiring
function onRendered(e: Event): void {
  const { state, result, engine } = (e as CustomEvent<{ state: ViewState; result: AnalysisResult; engine: Engine }>).detail;
  if (shown && shown.engine === engine && sameState(shown.state, state)) return;
  const sameData = shown?.engine === engine;
  // The time-at-liberty status described the last view's rates: gone with it (a re-check saw it
  // beside the new view's paragraph), as the null world's status is emptied by its re-run.
  clearTimeout(libertyTimer);
  const said = document.querySelector<HTMLElement>('[data-robust-status="liberty"]');
  if (said) said.textContent = '';
  shown = { engine, state, result, gapRows: null, world: null, liberty: null, curve: sameData ? shown!.curve : null };
  if (!sameData) curveFor = '';
  curveCheckFollows(partKey('curve', partFor(shown)));
  void track(follow(shown));
}
window.addEventListener('stro:rendered', onRendered);

function enable(form: HTMLFormElement | null): void {
  for (const el of form?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select') ?? []) el.disabled = false;
}
enable(nullForm);
enable(libertyForm);

nullForm?.addEventListener('submit', (e) => e.preventDefault());
libertyForm?.addEventListener('submit', (e) => e.preventDefault());
nullForm?.addEventListener('input', (e) => {
  const input = e.target as HTMLInputElement;
  if (input.name === 'selection') {
    const text = `${Number(input.value)} of 1`;
    input.setAttribute('aria-valuetext', text);
    const out = nullForm.querySelector('[data-output="selection"]');
    if (out) out.textContent = text;
  }
  // Set aside at once, simulated once the slider rests: one result for one settled change, not one
  // per arrow-key press (each of which the status would say).
  markStale('nullWorld', true);
  panelBusy('nullWorld.');
  ++worldToken;
  clearTimeout(worldTimer);
  worldTimer = setTimeout(() => void track(rerunWorld(true)), SETTLE_MS);
});
libertyForm?.addEventListener('input', (e) => {
  const input = e.target as HTMLInputElement;
  const text = `${Math.round(100 * Number(input.value))}%`;
  input.setAttribute('aria-valuetext', text);
  const out = libertyForm.querySelector('[data-output="share"]');
  if (out) out.textContent = text;
  // Recomputed at once (it is quick), and said once the slider rests.
  void current().then((ctx) => {
    liberty(ctx);
    clearTimeout(libertyTimer);
    libertyTimer = setTimeout(() => {
      const el = document.querySelector<HTMLElement>('[data-robust-status="liberty"]');
      if (el && ctx === shown) el.textContent = libertyDoneWords(ctx);
    }, SETTLE_MS);
  });
});

// The specification curve on screen is the build's: once the page is idle, it is computed again in
// the worker (for the view in the address) so that its marks and table can set the view.
function wireInitial(): void {
  // A reader's own data arrive through main.ts's first render, which brings the curve with it.
  if (dataOf(location.search) === 'local') return;
  idle(() => {
    void track(current().then((ctx) => (ctx.curve || ctx !== shown ? undefined : computeCurve(ctx)))).catch(() => undefined);
  });
}
provideRobustDerivations(deriveOnScreen);

/** Called by robustnessEntry.ts once this code has loaded, with the last view main.ts rendered before then (if any). */
export function start(last?: Event): void {
  if (last) onRendered(last);
  wireInitial();
}
