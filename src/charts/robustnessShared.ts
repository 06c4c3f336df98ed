// Small helpers shared by the figures of the "How robust is it?" page (nullWorld, gapCurve, its,
// leaveOneOut, specificationCurve). Those figures take plain data (a simulation, rows of a
// sensitivity analysis), not an analyse() result, so they keep their helpers here rather than in
// shared.ts: a key with any colour, the formats for shares and percentage points, the white halo
// that keeps a label readable over marks, and a render hook that writes an index on each element
// a mark draws (so a page can make a mark clickable or find it again).

import * as Plot from '@observablehq/plot';
import { formatPercent, NOT_AVAILABLE } from '../lib/format.ts';
import { KEY_RULE, ORDER_RULE, SMALL_FONT, keyLayout } from './shared.ts';

/** A white outline behind text, drawn first, so a label crossing a bar or a line stays legible. */
export const HALO = { stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' } as const;

/** Dark grey for neutral marks (10.4:1 on white) and mid grey for context (3.2:1), as palette.ts's periods. */
export const INK = '#404040';
export const CONTEXT = '#8F8F8F';
/** Okabe–Ito blue (5.2:1 on white): what the reader's own data or view did. */
export const OBSERVED = '#0072B2';
/** Okabe–Ito vermillion darkened to 4.5:1 (palette.ts's stroke for #D55E00). */
export const CONTRAST = '#C35600';

/** A change in a share as percentage points, to one decimal: 0.0312 → "+3.1 points", −0.004 → "−0.4 points". */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const tenths = Math.round(1000 * value);
  if (tenths === 0) return '0 points';
  const text = (Math.abs(tenths) / 10).toFixed(1);
  return `${tenths < 0 ? '−' : '+'}${text} points`;
}

/** A reduction with its interval: "56% (47% to 69%)", "56% (no interval)", or "n/a". */
export function reductionCell(reduction: number | null, ci: readonly [number, number] | null | undefined): string {
  if (reduction === null || !Number.isFinite(reduction)) return NOT_AVAILABLE;
  return `${formatPercent(reduction)} (${ci ? `${formatPercent(ci[0])} to ${formatPercent(ci[1])}` : 'no interval'})`;
}

/**
 * Where a figure's intervals are cut: at a 100% rise (−100%), or lower if a reduction itself is
 * lower. Harm weighted by a few severe offences can give intervals reaching far below that (in a
 * small category with a gap, a rise of a hundred times), which would flatten every other mark;
 * the table keeps their full extent. `cut` says whether any interval reaches below the floor.
 */
export function intervalFloor(reductions: readonly number[], intervals: readonly (readonly [number, number] | null)[]): { floor: number; cut: boolean } {
  const floor = Math.min(-1, ...reductions);
  return { floor, cut: intervals.some((ci) => ci !== null && ci[0] < floor) };
}

/** Ticks for a share axis from lo to hi at a step that leaves about 60px between labels. */
export function shareTicks(lo: number, hi: number, span: number): number[] {
  const room = Math.max(2, Math.floor(span / 60));
  // Beyond 100% a step, the 1-2-5 series carries on: a harm interval can reach a rise of 2,000% in a
  // thin view (?w=6&c=violence), where ticks every 100% crowded 21 labels into 260px.
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
  for (let s = 2; steps.length < 40; s *= 10) steps.push(s, 2.5 * s, 5 * s);
  const step = steps.find((s) => (hi - lo) / s <= room) ?? steps.at(-1)!;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9; k++) ticks.push(Math.round(k * step * 1e6) / 1e6 + 0); // + 0: never −0
  return ticks;
}

/** The domain of a share axis: the values' range, padded, always including 0. */
export function shareDomain(values: readonly number[], pad = 0.05): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const p = Math.max(pad, (hi - lo) * 0.05);
  return [lo - p, hi + p];
}

export type KeyMark = 'line' | 'thickLine' | 'dashed' | 'dot' | 'ring' | 'triangle' | 'band' | 'order';
export interface ColorKeyItem {
  mark: KeyMark;
  color: string;
  label: string;
  /** An outline for a band too pale to see on white on its own. */
  outline?: string;
  /** A line's dot shape (a Plot symbol name), drawn on its stroke as on the plot's line, filled with `fill`. */
  symbol?: string;
  fill?: string;
}

/**
 * A key of coloured symbols and labels across the top margin, wrapped onto more rows when the
 * figure is narrow (shared.ts's keyLayout, as legendKey, with any colour). `height` is the room it needs.
 */
export function colorKey(items: readonly ColorKeyItem[], width: number): { height: number; marks: (marginTop: number, marginLeft: number) => Plot.Markish[] } {
  const { placed, height, rowHeight: KEY_ROW } = keyLayout(items, width, 22);
  return {
    height,
    marks: (marginTop, marginLeft) =>
      placed.flatMap(({ item, x: at, row: r }) => {
        const where = { frameAnchor: 'top-left' as const, dx: -marginLeft + 4 + at + 8, dy: -marginTop + 2 + KEY_ROW / 2 + r * KEY_ROW };
        return [keyMark(item, where), Plot.text([item.label], { ...where, dx: where.dx + 14, textAnchor: 'start', lineAnchor: 'middle', fontSize: SMALL_FONT })];
      }),
  };
}

function keyMark({ mark, color, outline, symbol, fill }: ColorKeyItem, at: { frameAnchor: 'top-left'; dx: number; dy: number }): Plot.Markish {
  const stroke = (strokeWidth: number, strokeDasharray?: string) => Plot.dot([0], { ...at, symbol: STROKE, stroke: color, fill: 'none', strokeWidth, strokeDasharray });
  const line = (strokeWidth: number, strokeDasharray?: string): Plot.Markish => (symbol
    ? [stroke(strokeWidth, strokeDasharray), Plot.dot([0], { ...at, symbol, r: 4, fill: fill ?? color, stroke: color, strokeWidth: 1.25 })]
    : stroke(strokeWidth, strokeDasharray));
  switch (mark) {
    case 'line': return line(2);
    case 'thickLine': return line(3.5);
    case 'dashed': return line(2, '4,3');
    case 'dot': return Plot.dot([0], { ...at, r: 4, fill: color });
    case 'ring': return Plot.dot([0], { ...at, r: 4.5, stroke: color, strokeWidth: 1.75, fill: 'none' });
    case 'triangle': return Plot.dot([0], { ...at, symbol: 'triangle', r: 4.5, stroke: color, strokeWidth: 1.75, fill: 'none' });
    case 'band': return Plot.dot([0], { ...at, symbol: 'square', r: 6, fill: color, stroke: outline ?? 'none' });
    // the order's dashed rule, upright as in the plot
    case 'order': return Plot.dot([0], { ...at, symbol: KEY_RULE, fill: 'none', ...ORDER_RULE, stroke: color });
  }
}

/** A horizontal stroke 16px long, as a Plot symbol: a line in a key. */
const STROKE = {
  draw(context: CanvasPath) {
    context.moveTo(-8, 0);
    context.lineTo(8, 0);
  },
};

/**
 * A render transform that writes `data-<name>` on each element the mark draws: the value of
 * `key(datum)` for the datum it was drawn from (Plot draws one element per index, in index order).
 */
export function dataAttribute<T>(data: readonly T[], name: string, key: (d: T) => string | number): { render: Plot.RenderFunction } {
  return {
    render(index, scales, values, dimensions, context, next) {
      const g = next!(index, scales, values, dimensions, context) as SVGGElement | null;
      if (!g) return g;
      const elements = [...g.children];
      index.forEach((i, k) => elements[k]?.setAttribute(`data-${name}`, String(key(data[i]))));
      return g;
    },
  };
}
