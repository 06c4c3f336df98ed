// The grouped before/after bars behind eventsByCategory and harmByCategory: one group per
// category (named above its pair, in result.categories order), a full-colour bar for the
// months before the order and a light tint of the same colour for the months after. The bars run
// across, so the category names and the Before/After labels keep their full width from a 320px
// phone to a wide screen, and a key above the bars says which is which. Every bar is
// outlined in the category's stroke colour (palette.ts), so each one, the tinted "after" bars
// included, meets 3:1 against white; before and after also differ in lightness (greyscale) and
// are told apart by position and the Before/After ticks.
// Each bar carries its number, so a bar of length 0 still reads "0" and no value is hover-only:
// just past the bar's end, or inside it where the study's trace ends there (barLabelPlaces).
// When the view differs from the study's, a dashed outline behind each bar shows the study's
// value for that category and period ("Study's view" in the key). The axis fits the view shown,
// and the outlines are cut at its end, unless the reader keeps the study's scale; a cut outline is
// marked at the axis's end with an arrowhead, and the description gives its number.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { AFTER_OPACITY, strokeOf } from './palette.ts';
import { NO_CATEGORY, PERIODS, SMALL_FONT, STUDY, STUDY_CLASS, STUDY_CUT_LENGTH, axisEnd, categoryScale, countTicks, cutWords, frame, legendKey, messageFigure, ownScaleWords, periodLabel, studyCutMark, studyTrace, studyViewWords, widthOf, type Period } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

type BarMeasure = 'events' | 'harm';

interface Bar {
  category: string;
  period: Period;
  value: number;
}

/** One bar per category and period, straight from result.byCategory. */
function periodBars(result: AnalysisResult, measure: BarMeasure): Bar[] {
  return result.categories.flatMap((category) =>
    PERIODS.map((period) => ({ category, period, value: result.byCategory[category][measure][period] })),
  );
}

/**
 * The study's bars for the categories shown (those the study has), or [] when the view is the
 * study's: what the dashed outlines draw, straight from the study's result.byCategory.
 */
export function studyBars(result: AnalysisResult, measure: BarMeasure, study: AnalysisResult | undefined): Bar[] {
  const traced = studyTrace(result, study, measure === 'harm');
  if (!traced) return [];
  return result.categories.filter((c) => traced.byCategory[c]).flatMap((category) =>
    PERIODS.map((period) => ({ category, period, value: traced.byCategory[category][measure][period] })),
  );
}

/** A bar's number placed elsewhere than just past the bar's end: at `x` (in the axis's units), inside the bar's end or past the trace's. */
interface MovedLabel extends Bar {
  x: number;
}

/** Room a bar's number takes at SMALL_FONT, erring wide (digits are about 0.55–0.64em in system fonts). */
const numberWidth = (text: string): number => text.length * SMALL_FONT * 0.64 + 2;
/** From a bar's end to its number (either side), in pixels. */
const LABEL_GAP = 4;

/**
 * Where each bar's number goes, so that the study's trace is never drawn across it. A number sits
 * just past its bar's end (`after`) unless the trace of the same bar ends there: its dashed edge
 * would run through the digits, or the arrowhead of an outline cut at the axis's end would be
 * drawn over them ("3,725.5" read "3,72▸5", "3,909.5" read "▸909.5" on a phone). Such a number goes
 * inside its bar's end (`inside`), left of any arrowhead, when the bar is long enough to hold it,
 * and otherwise just past the trace's end (`beyond`). `span` is the plot's width in pixels, for
 * an axis from 0 to `end`.
 */
export function barLabelPlaces(bars: readonly Bar[], trace: readonly Bar[], end: number, span: number): { after: Bar[]; inside: MovedLabel[]; beyond: MovedLabel[] } {
  const px = (v: number) => (Math.min(v, end) / end) * span;
  const units = (pixels: number) => (pixels * end) / span;
  const traced = new Map(trace.map((t) => [`${t.category}|${t.period}`, t]));
  const after: Bar[] = [];
  const inside: MovedLabel[] = [];
  const beyond: MovedLabel[] = [];
  for (const b of bars) {
    const t = traced.get(`${b.category}|${b.period}`);
    const w = numberWidth(formatNumber(b.value));
    const left = px(b.value) + LABEL_GAP;
    const cut = t !== undefined && t.value > end;
    // what the trace draws right of the bar's end: its dashed edge, or (cut) the arrowhead on the axis's end
    const drawn: [number, number] | null = !t || t.value <= b.value ? null : cut ? [px(end) - STUDY_CUT_LENGTH, px(end) + 1] : [px(t.value) - STUDY.strokeWidth, px(t.value) + STUDY.strokeWidth];
    if (!drawn || drawn[1] < left - 1 || drawn[0] > left + w + 1) {
      after.push(b);
      continue;
    }
    // inside: its right edge LABEL_GAP short of the bar's end, and clear of an arrowhead
    const right = Math.min(px(b.value) - LABEL_GAP, cut ? drawn[0] - 2 : Infinity);
    if (right - w >= LABEL_GAP) inside.push({ ...b, x: units(right + LABEL_GAP) });
    else beyond.push({ ...b, x: units(drawn[1] - 1) });
  }
  return { after, inside, beyond };
}

/** The highest value the view draws; the axis runs to axisEnd of it, or further to keep the study's scale. */
const ownTop = (bars: readonly Bar[]): number => Math.max(1, ...bars.map((b) => b.value)); // a domain of [0, 0] would float zero bars mid-air

/** The sentence a description adds when the study's values are traced: "In the study's view (…): Violence 80 before and 30 after; …". */
export function studyBarsWords(result: AnalysisResult, measure: BarMeasure, study: AnalysisResult | undefined, studyScale = false): string {
  const traced = studyTrace(result, study, measure === 'harm');
  const bars = studyBars(result, measure, study);
  if (!traced || bars.length === 0) return '';
  const parts = result.categories.filter((c) => traced.byCategory[c]).map((c) => {
    const m = traced.byCategory[c][measure];
    return `${traced.categoryNames[c] ?? c} ${formatNumber(m.pre)} before and ${formatNumber(m.post)} after`;
  });
  // Said for the view's own scale, which is the figure's unless the reader keeps the study's.
  const end = axisEnd(ownTop(periodBars(result, measure)));
  const cut = bars.filter((b) => b.value > end).length;
  const beyond = cutWords(cut, studyScale, ` At ${ownScaleWords(end)}, ${formatNumber(cut)} of these ${cut === 1 ? 'goes' : 'go'} beyond the axis: ${cut === 1 ? 'its outline is' : 'their outlines are'} cut at its end and marked there with an arrowhead.`);
  return `Dashed outlines show ${studyViewWords(traced, result, measure === 'harm')}: ${parts.join('; ')}.${beyond}`;
}

export function periodBarsChart(
  result: AnalysisResult,
  measure: BarMeasure,
  text: { ariaLabel: string; yLabel: string; description: string },
  options: ChartOptions,
): Figure {
  if (result.categories.length === 0) return messageFigure(NO_CATEGORY, options, text.ariaLabel, text.description);
  const bars = periodBars(result, measure);
  const trace = studyBars(result, measure, options.study);
  const width = widthOf(options);
  const study = options.study;
  const studyTop = options.studyScale && study ? Math.max(...study.categories.flatMap((c) => PERIODS.map((p) => study.byCategory[c][measure][p]))) : 0;
  const end = axisEnd(Math.max(studyTop, ownTop(bars)));
  // the study's bars beyond the axis: cut at its end, and marked there
  const cut = trace.filter((b) => b.value > end);
  const names = (c: string) => result.categoryNames[c] ?? c;
  const stroke = strokeOf(result, options.allCategories);
  const key = legendKey(
    [
      // "fainter", not "paler": the after bars are the same colour at a lower opacity, which on a dark
      // forced-colours page looks darker than the before bars, not paler (an accessibility review).
      { symbol: 'solid', label: 'Before the order' },
      { symbol: 'pale', label: 'After (fainter)' },
      ...(trace.length > 0 ? [{ symbol: 'study' as const, label: "Study's view" }] : []),
    ],
    width,
  );
  const margin = { top: key.height + 4, left: 52, right: 48, bottom: 40 };
  // One band per row: each category's name, then its Before and After bars (no facets, so the key
  // and the axis are drawn once).
  const row = (category: string, what: Period | 'name') => `${category}|${what}`;
  const rows = result.categories.flatMap((c) => [row(c, 'name'), row(c, 'pre'), row(c, 'post')]);
  const at = (b: Bar) => row(b.category, b.period);
  const rowHeight = 28;
  // Vertical lines (the grid, the zero line) run from the top of a category's Before band to the
  // bottom of its After band (a rule's y2 on a band scale reaches the band's end), never through
  // the row of a category's name, which is drawn from the figure's left edge.
  const pairTop = (c: string) => row(c, 'pre');
  const pairBottom = (c: string) => row(c, 'post');
  const ticks = countTicks(end, width - margin.left - margin.right);
  const labels = barLabelPlaces(bars, trace, end, width - margin.left - margin.right);
  const number = { y: at, text: (b: Bar) => formatNumber(b.value), fontSize: SMALL_FONT, fill: 'currentColor', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' } as const;
  return Plot.plot({
    ...frame(options, text.ariaLabel, text.description),
    height: margin.top + margin.bottom + rows.length * rowHeight,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    color: categoryScale(result, options),
    y: {
      domain: rows,
      ticks: rows.filter((r) => !r.endsWith('|name')),
      tickFormat: (r: string) => periodLabel(r.slice(r.lastIndexOf('|') + 1) as Period),
      label: null,
      paddingInner: 0.12,
      paddingOuter: 0.05,
      tickSize: 0,
    },
    x: { domain: [0, end], ticks, label: text.yLabel, tickFormat: formatNumber },
    marks: [
      ...key.marks(margin.top, margin.left),
      // the grid, like the zero line, beside each pair of bars only
      ...result.categories.map((c) => Plot.gridX({ ticks, y1: () => pairTop(c), y2: () => pairBottom(c) })),
      Plot.barX(trace, { y: at, x: 'value', fill: 'none', ...STUDY, inset: 0.5, clip: true, className: STUDY_CLASS }),
      Plot.barX(bars, {
        y: at,
        x: 'value',
        fill: 'category',
        fillOpacity: (b: Bar) => (b.period === 'pre' ? 1 : AFTER_OPACITY),
        stroke: (b: Bar) => stroke(b.category),
        strokeWidth: 1.5,
        inset: 0.75, // keeps the outline inside the band
      }),
      // each bar's number, clear of the study's trace (barLabelPlaces)
      Plot.text(labels.after, { ...number, x: 'value', dx: LABEL_GAP, textAnchor: 'start' }),
      ...(labels.inside.length > 0 ? [Plot.text(labels.inside, { ...number, x: 'x', dx: -LABEL_GAP, textAnchor: 'end' })] : []),
      ...(labels.beyond.length > 0 ? [Plot.text(labels.beyond, { ...number, x: 'x', dx: LABEL_GAP, textAnchor: 'start' })] : []),
      Plot.ruleX(result.categories, { x: 0, y1: pairTop, y2: pairBottom }),
      // over the bars, clear of a bar's number beyond the axis's end
      studyCutMark(cut, { x: () => end, y: at, toward: 'right' }),
      // each category's name above its pair of bars, from the figure's left edge
      Plot.text(result.categories, { y: (c: string) => row(c, 'name'), x: 0, text: names, dx: -margin.left + 4, dy: 3, textAnchor: 'start', fontWeight: 'bold' }),
    ],
  });
}

export function periodBarsTable(result: AnalysisResult, measure: BarMeasure, caption: string, study?: AnalysisResult): ChartTable {
  const traced = studyTrace(result, study, measure === 'harm');
  const inStudy = (c: string) => traced?.byCategory[c] !== undefined;
  return {
    caption: traced ? `${caption}, with ${studyViewWords(traced, result, measure === 'harm')}` : caption,
    columns: ['Category', 'Before', 'After', ...(traced ? ["Study's view: before", "Study's view: after"] : [])],
    rows: result.categories.map((c) => [
      result.categoryNames[c] ?? c,
      formatNumber(result.byCategory[c][measure].pre),
      formatNumber(result.byCategory[c][measure].post),
      ...(traced ? (inStudy(c) ? [formatNumber(traced.byCategory[c][measure].pre), formatNumber(traced.byCategory[c][measure].post)] : ['', '']) : []),
    ]),
  };
}
