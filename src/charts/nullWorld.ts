// Regression to the mean: the falls in arrests of simulated cohorts in a world where orders do
// nothing (src/analysis/nullWorld.ts), as a histogram, with the observed fall marked and labelled.
// The bars are the simulated cohorts, counted in bins of whole percentage points (1, 2, 2.5, 5 or
// 10, whichever keeps 12 to 40 bins); a bracket above them spans the middle 95% of the cohorts; a
// thin rule marks no change (0); a blue rule marks the fall the data show. Bars are mid grey (3.2:1),
// the observed fall blue and labelled in words, so nothing depends on telling colours apart.

import * as Plot from '@observablehq/plot';
import type { NullWorld } from '../analysis/nullWorld.ts';
import { formatNumber, formatPercent, formatPercentTenths } from '../lib/format.ts';
import { atLeastWords, count, droppedTail, fallWords } from '../lib/wording.ts';
import { CONTEXT, HALO, INK, OBSERVED, shareTicks } from './robustnessShared.ts';
import { SMALL_FONT, countTicks, frame, messageFigure, widthOf } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export interface FallBin {
  /** The bin is [from, to): falls from `from` up to but not including `to`. */
  from: number;
  to: number;
  cohorts: number;
}

const WIDTHS = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.5];

/** The simulated falls counted in bins of equal width aligned on multiples of it (empty bins included between the first and last). */
export function fallBins(falls: readonly number[]): FallBin[] {
  if (falls.length === 0) return [];
  const lo = falls.reduce((a, b) => Math.min(a, b));
  const hi = falls.reduce((a, b) => Math.max(a, b));
  const width = WIDTHS.find((w) => (hi - lo) / w <= 40) ?? 1;
  const first = Math.floor(lo / width + 1e-9);
  const last = Math.floor(hi / width + 1e-9);
  const bins = Array.from({ length: last - first + 1 }, (_, k) => ({ from: round((first + k) * width), to: round((first + k + 1) * width), cohorts: 0 }));
  for (const f of falls) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(f / width + 1e-9) - first))].cohorts++;
  return bins;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * A bin's edge as the bins have it: a whole percentage, or to a tenth for bins 2.5 points wide (a
 * peer reviewer read "−53% to −50%" and "−50% to −48%" for bins from −52.5% and −50%).
 */
export const binEdge = (x: number): string => (Number.isInteger(round(100 * x)) ? formatPercent(x) : `${x < 0 ? '−' : ''}${formatPercentTenths(Math.abs(x))}`);

function selectionWords(dist: NullWorld): string {
  const p = dist.parameters!;
  const how =
    p.selection === 0 ? 'orders given at random moments, whatever happened recently'
      : p.selection === 1 ? `orders given only after ${count(p.threshold, 'arrest')} or more in ${count(p.lookback, 'month')}`
        : `orders sought after ${count(p.threshold, 'arrest')} or more in ${count(p.lookback, 'month')}, with selection strength ${String(Math.round(p.selection * 100) / 100)} of 1`;
  return `In ${count(dist.falls.length + dist.dropped, 'simulated cohort')} of ${count(p.cohortSize, 'person', 'people')} where the orders do nothing (${how})`;
}

/** "; 3 had no arrests before, so no fall, and are left out", as the page's paragraph says it (src/lib/robustness.ts); nothing when none was. */
const droppedWords = (dropped: number) => (dropped > 0 ? `; ${formatNumber(dropped)}${droppedTail(dropped)}` : '');

export function describeNullWorld(dist: NullWorld, observed: number | null): string {
  if (dist.falls.length === 0 || dist.mean === null || !dist.parameters) return `No simulation to show: ${dist.reason ?? 'there is nothing to simulate'}.`;
  const [lo, hi] = dist.interval!;
  const lead = `${selectionWords(dist)}, the average change in arrests was ${fallWords(dist.mean)}; 95% of the cohorts had between ${fallWords(lo)} and ${fallWords(hi)}${droppedWords(dist.dropped)}.`;
  if (observed === null) return lead;
  const share = dist.falls.filter((f) => f >= observed).length;
  // "none of the 1,000", as the page's sentence says it (a copy-editor found "0 of the 1,000" here beside it).
  return `${lead} The data show ${fallWords(observed)}; ${share === 0 ? 'none' : formatNumber(share)} of the ${formatNumber(dist.falls.length)} simulated cohorts${dist.dropped > 0 ? ' with arrests before' : ''} (${formatPercent(share / dist.falls.length)}) ${atLeastWords(observed)}.`;
}

export function tableNullWorld(dist: NullWorld, observed: number | null): ChartTable {
  const bins = fallBins(dist.falls);
  const summary = dist.mean === null ? `no simulation: ${dist.reason ?? 'nothing to simulate'}` : `mean ${formatPercent(dist.mean)}, 95% of cohorts ${formatPercent(dist.interval![0])} to ${formatPercent(dist.interval![1])}${observed === null ? '' : `; observed fall ${formatPercent(observed)}`}`;
  return {
    caption: `Simulated cohorts where orders do nothing, by fall in arrests (${summary})`,
    columns: ['Fall from', 'Fall up to', 'Simulated cohorts'],
    rows: bins.map((b) => [binEdge(b.from), binEdge(b.to), formatNumber(b.cohorts)]),
  };
}

/**
 * The axis's ticks, with at least one on the side of a fall when the axis reaches 15% or more of one:
 * on a phone the step of 50% left only "−50%" and "0%", and the observed fall of 40% stood on no tick.
 */
function fallSideTicks(domain: [number, number], span: number): number[] {
  const ticks = shareTicks(domain[0], domain[1], span);
  return ticks.some((t) => t > 0) || domain[1] < 0.15 ? ticks : shareTicks(domain[0], domain[1], span * 2);
}

export function nullWorldChart(dist: NullWorld, observed: number | null, options: ChartOptions = {}): Figure {
  const ariaLabel = 'Falls in arrests in simulated cohorts where orders do nothing, beside the observed fall';
  const description = describeNullWorld(dist, observed);
  if (dist.falls.length === 0 || !dist.interval) return messageFigure(`No simulation to show: ${dist.reason ?? 'there is nothing to simulate'}.`, options, ariaLabel, description);
  const width = widthOf(options);
  const bins = fallBins(dist.falls);
  const binWidth = bins[0].to - bins[0].from;
  const xs = [bins[0].from, bins.at(-1)!.to, 0, ...(observed === null ? [] : [observed])];
  const domain: [number, number] = [Math.min(...xs) - binWidth, Math.max(...xs) + binWidth];
  const top = Math.max(1, ...bins.map((b) => b.cohorts));
  const margin = { top: 52, left: 52, right: 20, bottom: 40 };
  const plotHeight = 220;
  const bracketY = top * 1.12;
  const [lo, hi] = dist.interval;
  const right = observed !== null && observed > (domain[0] + domain[1]) / 2;
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: margin.top + margin.bottom + plotHeight,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    x: { domain, ticks: fallSideTicks(domain, width - margin.left - margin.right), tickFormat: formatPercent, label: 'Fall in arrests, after against before' },
    y: { domain: [0, top * 1.2], ticks: countTicks(top, plotHeight), tickFormat: formatNumber, label: null, grid: true },
    marks: [
      Plot.text(['Simulated cohorts'], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -30, textAnchor: 'start', lineAnchor: 'bottom' }),
      Plot.rectY(bins, { x1: 'from', x2: 'to', y: 'cohorts', fill: CONTEXT, inset: 0.5, className: 'fall-bins' }),
      Plot.ruleY([0]),
      Plot.ruleX([0], { stroke: INK, strokeWidth: 1, y1: 0, y2: top * 1.05 }),
      // the middle 95% of the simulated cohorts, as a bracket above the bars
      Plot.ruleY([bracketY], { x1: lo, x2: hi, stroke: INK, strokeWidth: 1.5, className: 'middle-95' }),
      Plot.ruleX([lo, hi], { y1: bracketY * 0.97, y2: bracketY * 1.03, stroke: INK, strokeWidth: 1.5 }),
      Plot.text(['95% of simulations'], { x: (lo + hi) / 2, y: bracketY, dy: -8, lineAnchor: 'bottom', fontSize: SMALL_FONT, fill: INK, ...HALO }),
      ...(observed === null ? [] : [
        Plot.ruleX([observed], { stroke: OBSERVED, strokeWidth: 2.5, y1: 0, y2: top * 1.2, className: 'observed-fall' }),
        Plot.text([`Observed: ${fallWords(observed)}`], { x: observed, frameAnchor: 'top', dy: -14, dx: right ? -6 : 6, textAnchor: right ? 'end' : 'start', lineAnchor: 'bottom', fill: OBSERVED, fontWeight: 'bold', ...HALO }),
      ]),
    ],
  });
}
