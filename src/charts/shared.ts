// Small helpers the figure files share: defaults, the before/after key, and the message drawn
// when there is nothing to draw. No statistics here: every number comes from the result. The
// words for a change ("fell", "a 56% fall") and plurals come from src/lib/wording.ts, so the
// figures say a change the same way as the rest of the report.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult, Measure } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { changeWords, count, verb } from '../lib/wording.ts';
import { AFTER_OPACITY, colorScale, periodColors } from './palette.ts';
import type { ChartOptions, Figure } from './types.ts';

const DEFAULT_WIDTH = 640;
/** Chart text size in pixels. Figures are drawn at their container's width (never scaled down), so this is the size read. */
export const FONT_SIZE = 12;
/** The smallest text a figure draws (bar values, keys): still legible on a 320px phone. */
export const SMALL_FONT = 11;

export const PERIODS = ['pre', 'post'] as const;
export type Period = (typeof PERIODS)[number];
export const periodLabel = (p: Period): string => (p === 'pre' ? 'Before' : 'After');

/** The options every figure passes to Plot.plot. */
export function frame(options: ChartOptions, ariaLabel: string, ariaDescription: string) {
  return { document: options.document, width: widthOf(options), ariaLabel, ariaDescription, style: { fontSize: `${FONT_SIZE}px` } };
}

/** The width a figure is drawn at. */
export const widthOf = (options: ChartOptions): number => options.width ?? DEFAULT_WIDTH;

// ---- the study's view, kept in sight ------------------------------------------------------

/** The trace's colour and dash: a mid grey (4.5:1 on white) in thin dashes, behind the data. */
export const STUDY = { stroke: '#767676', strokeWidth: 1.25, strokeDasharray: '4,2' } as const;
/** The class of a trace mark's group (<g class="study-trace">), by which tests and styles find it. */
export const STUDY_CLASS = 'study-trace';

/**
 * The study's result when the view shown differs from it in anything a figure draws (the window,
 * the categories, the gap or, for a figure that draws harm, the harm weights), otherwise null. The
 * Wilcoxon rule changes no figure, and the weights no count of arrests, so neither draws a trace alone.
 */
export function studyTrace(result: AnalysisResult, study: AnalysisResult | undefined, harm: boolean): AnalysisResult | null {
  if (!study) return null;
  const same = result.window === study.window && result.categories.length === study.categories.length && result.categories.every((c) => study.categories.includes(c))
    && result.gap === study.gap && (!harm || result.weights === study.weights);
  return same ? null : study;
}

/**
 * The months a monthly figure's table lists (monthly.ts, scatter.ts), in order: the view's own, and
 * any month of the study's trace that the view leaves out (its gap), so that every month the figure
 * draws has its numbers in the table. `k` is the month's place in result.monthly, or null for a
 * month the view leaves out (src/lib/figurePaths.ts aligns the cells' derivations with these rows).
 */
export function tableMonths(result: AnalysisResult, study: AnalysisResult | undefined): { month: number; k: number | null }[] {
  if (result.categories.length === 0) return [];
  const rows: { month: number; k: number | null }[] = result.monthly.map((m, k) => ({ month: m.month, k }));
  const traced = studyTrace(result, study, false); // the months only
  const own = new Set(result.monthly.map((m) => m.month));
  for (const m of traced?.monthly ?? []) if (Math.abs(m.month) <= result.window && !own.has(m.month)) rows.push({ month: m.month, k: null });
  return rows.sort((a, b) => a.month - b.month);
}

/** What a table says in a view's cell for a month the view leaves out (tableMonths). */
export const LEFT_OUT = 'left out';

/**
 * The end of a count axis drawn from 0 to `top` with Plot's nice: true, as Plot computes it. A
 * figure fixes its axis at [0, axisEnd(top)], so that it knows, and can say, which of the study's
 * values lie beyond it.
 */
export function axisEnd(top: number): number {
  return (Plot.scale({ x: { domain: [0, top], nice: true } }).domain as number[])[1];
}

/**
 * The axes fit the view shown, so that a smaller view is not squashed under the study's larger
 * numbers ("Keep the study's scale" fixes them at the study's instead). A study's value beyond the
 * axis is never dropped silently: its trace is cut at the plot's edge and this arrowhead, its tip
 * on the edge (`dx`, `dy` move the edge from the axis's end, for an inset) and pointing out of the
 * plot, says it goes on; the description says how many are cut and the table gives their numbers.
 */
export const STUDY_CUT_CLASS = 'study-trace-cut';
export type CutToward = 'up' | 'right' | 'upRight';
const CUT_R = 4;
/** From a triangle's centre to its tip (d3's symbolTriangle of area πr²): the arrowhead sits this far inside the edge. */
const CUT_TIP = 2 * Math.sqrt((Math.PI * CUT_R * CUT_R) / (3 * Math.sqrt(3)));
/** How far an arrowhead reaches back into the plot from its tip on the edge (base to tip, its outline included). */
export const STUDY_CUT_LENGTH = 1.5 * CUT_TIP + 1;
export function studyCutMark<T>(data: readonly T[], options: { x: Plot.ChannelValue; y: Plot.ChannelValue; toward: CutToward; dx?: number; dy?: number }): Plot.Markish {
  const { toward, dx = 0, dy = 0, ...at } = options;
  const diagonal = CUT_TIP / Math.SQRT2;
  const [rotate, inX, inY] = toward === 'up' ? [0, 0, CUT_TIP] : toward === 'right' ? [90, -CUT_TIP, 0] : [45, -diagonal, diagonal];
  return Plot.dot(data, { ...at, rotate, dx: dx + inX, dy: dy + inY, symbol: 'triangle', r: CUT_R, fill: STUDY.stroke, stroke: 'white', strokeWidth: 1, className: STUDY_CUT_CLASS });
}

/** "this view's own scale (0 to 2,600)": how descriptions name the axis a cut trace leaves. */
export const ownScaleWords = (end: number): string => `this view's own scale (0 to ${formatNumber(end)})`;

/** What a description says of the study's values that pass the view's own axis: where the reader keeps the study's scale, that nothing is cut (an accessibility review: the caption, the figure's name, still described arrowheads that were not drawn). */
export const cutWords = (cut: number, studyScale: boolean, atOwnScale: string, axes = false): string => (cut === 0 ? '' : studyScale ? ` ${axes ? "The axes keep the study's scales" : "The axis keeps the study's scale"}, so the study's values are drawn whole.` : atOwnScale);

/** A sentence about the study's view appended to a description, or nothing. */
export const withStudy = (sentence: string): string => (sentence ? ` ${sentence}` : '');

/** "the study's view (24 months, all 4 categories)": how captions name what the trace shows. */
export function studyViewWords(study: AnalysisResult, shown: AnalysisResult, harm: boolean): string {
  // The months left out and the harm weights are named only where the view shown differs, so that a
  // trace under other weights is never read as the same harm at another window.
  const gap = shown.gap === study.gap ? [] : [study.gap === 0 ? 'no months left out' : `${count(study.gap, 'month')} left out either side`];
  const weights = !harm || shown.weights === study.weights ? [] : [study.weights === 'data' ? 'harm as in the data, not reweighted' : `the harm index's ${study.weights} weights`];
  return `the study's view (${[count(study.window, 'month'), `all ${count(study.categories.length, 'category', 'categories')}`, ...gap, ...weights].join(', ')})`;
}

// ---- keys drawn inside the plot's top margin ----------------------------------------------

export type KeySymbol = 'dot' | 'ring' | 'solid' | 'solidAfter' | 'pale' | 'study' | 'studyPoint' | 'line' | 'order';

/** The fitted line's stroke (Trends), and its key's. */
export const FITTED = { stroke: 'black', strokeWidth: 2.5 } as const;
/** A key's line: a level stroke 12px long, centred where the other keys' symbols are. */
const KEY_LINE = { draw: (context: CanvasPath) => { context.moveTo(-6, 0); context.lineTo(6, 0); } };
/**
 * The dashed rule at month 0 where the order is issued (Trends, the interrupted time series), and
 * its key's. The rule is named in the key ("Order issued"), not beside it in the plot, where the
 * name would sit on the bars, the study's outlines or a fitted line.
 */
export const ORDER_RULE = { stroke: 'currentColor', strokeWidth: 1, strokeDasharray: '4,3' } as const;
/** A key's rule: an upright stroke 12px long, centred where the other keys' symbols are. */
export const KEY_RULE = { draw: (context: CanvasPath) => { context.moveTo(0, -6); context.lineTo(0, 6); } };
export interface KeyItem {
  symbol: KeySymbol;
  label: string;
}

/** Rough width of a label at SMALL_FONT in system-ui (about 0.58em a character), for laying out keys. */
const labelWidth = (text: string) => text.length * SMALL_FONT * 0.58;
const KEY_ROW = 18;

/**
 * Where each entry of a key goes: left to right from the figure's left edge, wrapped onto further
 * rows when the figure is narrow. `symbolWidth` is the room each entry's symbol takes before its
 * label; `height` is the room the key needs above the plot, `rowHeight` that of one row.
 */
export function keyLayout<T extends { label: string }>(items: readonly T[], width: number, symbolWidth: number): { placed: { item: T; x: number; row: number }[]; height: number; rowHeight: number } {
  const placed: { item: T; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = symbolWidth + labelWidth(item.label) + 14;
    if (x > 0 && x + w > width - 8) {
      x = 0;
      row += 1;
    }
    placed.push({ item, x, row });
    x += w;
  }
  return { placed, height: items.length === 0 ? 0 : (row + 1) * KEY_ROW + 4, rowHeight: KEY_ROW };
}

/**
 * A key of symbols and labels (keyLayout's places). `height` is the room it needs above the plot;
 * `marks(marginTop, marginLeft)` draws it there (frame-anchored, so it needs the margins).
 */
export function legendKey(items: readonly KeyItem[], width: number): { height: number; marks: (marginTop: number, marginLeft: number) => Plot.Markish[] } {
  const { placed, height } = keyLayout(items, width, 16);
  return {
    height,
    marks: (marginTop, marginLeft) =>
      placed.flatMap(({ item, x: at, row: r }) => {
        const where = { frameAnchor: 'top-left' as const, dx: -marginLeft + 4 + at + 6, dy: -marginTop + 2 + KEY_ROW / 2 + r * KEY_ROW };
        return [
          keySymbol(item.symbol, where),
          Plot.text([item.label], { ...where, dx: where.dx + 10, textAnchor: 'start', lineAnchor: 'middle', fontSize: SMALL_FONT }),
        ];
      }),
  };
}

function keySymbol(symbol: KeySymbol, at: { frameAnchor: 'top-left'; dx: number; dy: number }): Plot.Markish {
  switch (symbol) {
    case 'dot': return Plot.dot([0], { ...at, r: 4, fill: periodColors.pre });
    case 'ring': return Plot.dot([0], { ...at, r: 4.5, stroke: periodColors.post, strokeWidth: 1.75, fill: 'none' });
    case 'solid': return Plot.dot([0], { ...at, symbol: 'square', r: 5.5, fill: periodColors.pre, stroke: periodColors.pre });
    case 'solidAfter': return Plot.dot([0], { ...at, symbol: 'square', r: 5.5, fill: periodColors.post, stroke: periodColors.post });
    case 'pale': return Plot.dot([0], { ...at, symbol: 'square', r: 5.5, fill: periodColors.pre, fillOpacity: AFTER_OPACITY, stroke: periodColors.pre, strokeWidth: 1.5 });
    case 'study': return Plot.dot([0], { ...at, symbol: 'square', r: 5.5, fill: 'none', ...STUDY });
    case 'studyPoint': return Plot.dot([0], { ...at, symbol: 'plus', r: 4.5, stroke: STUDY.stroke, strokeWidth: 1.5 });
    case 'line': return Plot.dot([0], { ...at, symbol: KEY_LINE, fill: 'none', ...FITTED });
    case 'order': return Plot.dot([0], { ...at, symbol: KEY_RULE, fill: 'none', ...ORDER_RULE });
  }
}

/** The category colour options, with readable names in legends and axes. */
export function categoryScale(result: AnalysisResult, options: ChartOptions) {
  return { ...colorScale(result, options.allCategories), tickFormat: (c: string) => result.categoryNames[c] ?? c };
}

/** A figure that only says why there is nothing to draw (still a valid, labelled figure). */
export function messageFigure(message: string, options: ChartOptions, ariaLabel: string, description: string): Figure {
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: 120,
    marks: [Plot.text([message], { frameAnchor: 'middle', fontSize: 13, lineWidth: Math.max(10, (widthOf(options) - 20) / 13) })],
  });
}

/** With no category chosen every figure but the sample flow draws only this, says only this, and has no table rows. */
export const NO_CATEGORY = 'No offence category is chosen, so there is nothing to show.';

/** Whole-number ticks 0 … top for small counts (Plot would otherwise tick 0.5, 1.5 …); undefined leaves Plot's own. */
export function integerTicks(top: number): number[] | undefined {
  return top > 10 ? undefined : Array.from({ length: Math.ceil(top) + 1 }, (_, k) => k);
}

/**
 * Ticks for a count axis `span` pixels long: whole numbers for small counts, otherwise about one
 * tick per 70px (Plot's "nice" values), so labels such as "20,000" never touch on a phone.
 */
export function countTicks(top: number, span: number): number[] | number {
  const room = Math.max(2, Math.floor(span / 70));
  const whole = integerTicks(top);
  if (!whole) return room;
  const step = Math.ceil(whole.length / (room + 1));
  return whole.filter((k) => k % step === 0);
}

/** Month −12 → "−12", 3 → "+3": the sign says which side of the order. */
export function formatMonth(month: number): string {
  return `${month < 0 ? '−' : '+'}${formatNumber(Math.abs(month))}`;
}

/**
 * "fell from 210 to 93, a 56% fall", "rose from 0 to 3", "did not change (5 before and after)":
 * wording.ts's verb and changeWords around the two totals. `amount` formats a total with its unit.
 */
export function fromTo(measure: Measure, amount: (n: number) => string = formatNumber): string {
  if (measure.post === measure.pre) return `${verb(measure)} (${amount(measure.pre)} before and after)`;
  const span = `${verb(measure)} from ${amount(measure.pre)} to ${amount(measure.post)}`;
  return measure.reduction === null ? span : `${span}, ${changeWords(measure)}`;
}

/**
 * Every figure as the page shows it: one image to assistive technology. Its <svg> gets role="img"
 * with Plot's aria-label. Plot's description (generated from the data) is dropped: on the page it is
 * the figure's visible caption word for word, which already names the <figure>, so a screen reader
 * would hear it twice. Legend swatches are hidden
 * (the caption names the colours), Plot's font-variant attribute (not valid SVG there; the
 * stylesheet sets tabular figures) is removed, and mark groups keep Plot's name as data-mark.
 * Plot's <style> elements go too: the page's stylesheet holds the same rules (global.css), and a
 * <style> inserted with every redrawn chart changes the document's rules, which restyles the page.
 * Used by the report's figures (src/lib/figures.ts) and the robustness figures alike.
 */
export function accessibleFigure(figure: Figure): Figure {
  for (const style of figure.querySelectorAll('style')) style.remove();
  const svgs = figure.tagName.toLowerCase() === 'svg' ? [figure] : [...figure.querySelectorAll('svg')];
  for (const svg of svgs) {
    if (svg.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
    else svg.setAttribute('aria-hidden', 'true');
    svg.removeAttribute('aria-description');
    for (const el of svg.querySelectorAll('[font-variant]')) el.removeAttribute('font-variant');
    for (const g of svg.querySelectorAll('g[aria-label]')) {
      g.setAttribute('data-mark', g.getAttribute('aria-label')!);
      g.removeAttribute('aria-label');
      g.removeAttribute('aria-description');
    }
  }
  return figure;
}
