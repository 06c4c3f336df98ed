// Leave-one-out: how much the overall reduction moves when each person is left out in turn (the
// person's influence: the reduction without them minus the reduction with everyone). One row per
// person, labelled with a pseudonym ("Person 7"), in the order given (the caller sorts); a dot at
// the influence, in percentage points, and a line at zero, the reduction with everyone, which the
// figure states. A dot left of zero: without that person the fall would be smaller, so they carry
// part of it. People whose influence is undefined (nothing before without them) have no dot and
// are listed in the table.

import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { count } from '../lib/wording.ts';
import { periodColors } from './palette.ts';
import { HALO, formatPoints } from './robustnessShared.ts';
import { FONT_SIZE, frame, messageFigure, widthOf } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export interface LeaveOneOutRow {
  /** A pseudonym, e.g. "Person 7": never an order id. */
  label: string;
  /** The reduction without this person minus the reduction with everyone; null where undefined. */
  influence: number | null;
}

const ROW = 14;

export function describeLeaveOneOut(rows: readonly LeaveOneOutRow[], full: number | null): string {
  const drawn = rows.filter((r): r is LeaveOneOutRow & { influence: number } => r.influence !== null);
  if (full === null || drawn.length === 0) return 'No leave-one-out influence to show: there is no reduction to move.';
  const lo = drawn.reduce((a, b) => (b.influence < a.influence ? b : a));
  const hi = drawn.reduce((a, b) => (b.influence > a.influence ? b : a));
  const biggest = Math.abs(lo.influence) >= Math.abs(hi.influence) ? lo : hi;
  const missing = rows.length - drawn.length;
  return (
    `Leaving each of the ${count(rows.length, 'person', 'people')} out in turn moves the reduction in arrests (${formatPercent(full)} with everyone) ` +
    `by between ${formatPoints(lo.influence)} and ${formatPoints(hi.influence)}, so it stays between ${formatPercent(full + lo.influence)} and ${formatPercent(full + hi.influence)}. ` +
    `The largest change comes from leaving out ${biggest.label} (${formatPoints(biggest.influence)}).` +
    (missing > 0 ? ` ${count(missing, 'person has', 'people have')} no value: without them there would be nothing before to reduce.` : '')
  );
}

export function tableLeaveOneOut(rows: readonly LeaveOneOutRow[], full: number | null): ChartTable {
  return {
    caption: `Each person's influence on the reduction in arrests (${formatPercent(full)} with everyone): the reduction without them, minus the reduction with everyone`,
    columns: ['Person', 'Influence', 'Reduction without them'],
    rows: rows.map((r) => [r.label, formatPoints(r.influence), r.influence === null || full === null ? formatPercent(null) : formatPercent(full + r.influence)]),
  };
}

export function leaveOneOutChart(rows: readonly LeaveOneOutRow[], full: number | null, options: ChartOptions = {}): Figure {
  const ariaLabel = "Each person's influence on the overall reduction, leaving them out in turn";
  const description = describeLeaveOneOut(rows, full);
  const drawn = rows.filter((r) => r.influence !== null);
  if (full === null || drawn.length === 0) return messageFigure('No leave-one-out influence to show: there is no reduction to move.', options, ariaLabel, description);
  const width = widthOf(options);
  const values = drawn.map((r) => r.influence!);
  const reach = Math.max(0.01, ...values.map(Math.abs)) * 1.15;
  const lines = width < 520 ? 2 : 1;
  const margin = { top: 48 + lines * 15, left: 76, right: 20, bottom: 44 };
  const step = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2].find((s) => (2 * reach) / s <= Math.max(2, Math.floor((width - margin.left - margin.right) / 60))) ?? 0.5;
  const ticks: number[] = [];
  for (let k = Math.ceil(-reach / step); k * step <= reach; k++) ticks.push(Math.round(k * step * 1e6) / 1e6);
  const tickText = (x: number) => (step >= 0.01 && x !== 0 ? `${x < 0 ? '−' : '+'}${formatNumber(Math.abs(Math.round(100 * x)))}` : formatPoints(x).replace(/ points?$/, ''));
  const axis = { ticks, tickFormat: tickText, label: 'Change in the reduction, percentage points', labelArrow: 'none' as const };
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: margin.top + margin.bottom + Math.max(rows.length, 1) * ROW,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    x: { domain: [-reach, reach] },
    y: { type: 'band', domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      Plot.text([`0 = the reduction with everyone, ${formatPercent(full)}. Left of 0: the fall is smaller without that person.`], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -44, textAnchor: 'start', lineAnchor: 'bottom', lineWidth: ((width - 8) / FONT_SIZE) * 0.8 }),
      Plot.gridX({ ticks }),
      Plot.axisX({ ...axis, anchor: 'top', labelOffset: 30 }),
      Plot.axisX({ ...axis, anchor: 'bottom' }),
      Plot.axisY({ tickSize: 0, label: null }),
      Plot.ruleX([0], { stroke: '#000000', strokeWidth: 1.5 }),
      Plot.ruleY(drawn, { y: 'label', x1: 0, x2: 'influence', stroke: periodColors.post, strokeWidth: 1.5 }),
      Plot.dot(drawn, { y: 'label', x: 'influence', r: 4, fill: periodColors.pre, className: 'influence' }),
      Plot.text(rows.filter((r) => r.influence === null), { y: 'label', x: 0, text: () => 'no value', textAnchor: 'start', dx: 6, fontSize: 11, fill: '#595959', ...HALO }),
    ],
  });
}
