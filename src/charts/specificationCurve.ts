// A specification curve (Simonsohn, Simmons & Nelson 2020, "Specification curve analysis",
// Nature Human Behaviour 4: 1208–1214): every combination of the analyst's choices at once. The top panel is each
// specification's reduction, sorted from smallest to largest, with its 95% interval as a thin
// vertical bar; a specification whose test is significant at 5% is a filled blue circle, one that
// is not an open vermillion triangle (shape and colour both, so neither is needed alone). The
// panel below shows the choices behind each column: a dark tick in the row of each choice made
// (window, gap, measure, harm weights, test). The reader's current view, if among them, is a pale
// band through both panels, labelled.
//
// It is one plot with one vertical scale: the reductions occupy the top of it, and the rows of
// choices sit below the lowest reduction at positions computed in the same units, each labelled
// on the left as an axis tick. Every mark drawn for a specification (dot, interval, ticks) carries
// data-spec, the specification's index in the input, so that a page can find its marks; on the
// page, a tap or click on them or the figure's arrow keys (it is one tab stop) pick out a
// specification, naming it in an inspector (describeSpecification), and a second action sets the
// view to it — src/client/specKeys.ts.
// Specifications with no reduction are left out of the curve and counted in the description.

import * as Plot from '@observablehq/plot';
import { formatNumber, formatP, formatPEquals, formatPercent, formatReductionInWords } from '../lib/format.ts';
import { capitalise, count, indefinite, listWords } from '../lib/wording.ts';
import { CONTRAST, HALO, INK, OBSERVED, colorKey, dataAttribute, intervalFloor, reductionCell, shareDomain, shareTicks } from './robustnessShared.ts';
import { SMALL_FONT, frame, messageFigure, widthOf } from './shared.ts';
import { LEAN_WORDS, specificationVerdict, totalDirection } from '../analysis/specificationVerdict.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export interface SpecificationRow {
  window: number;
  gap: number;
  measure: 'events' | 'harm';
  /** Where harm comes from (harm only): a weight set of the harm index, or 'data' (the events' own harm column); null for arrests. */
  weights: 'low' | 'central' | 'high' | 'data' | null;
  /** Wilcoxon as R 4.6 ('current'), as R ≤ 4.5 ('legacy'), or the sign test. */
  test: 'current' | 'legacy' | 'sign';
  reduction: number | null;
  ci: [number, number] | null;
  p: number | null;
  /** Which way the test points: 1 to falls, −1 to rises, 0 to neither (src/analysis/specificationCurve.ts). */
  lean: -1 | 0 | 1;
  /** A significant fall: specificationVerdict() is 'fall'. */
  significant: boolean;
}

/** Which specification is the reader's current view: its index in the input, or a test on each. */
export type CurrentSpecification = number | ((spec: SpecificationRow, index: number) => boolean);

const MEASURE_NAMES = { events: 'Arrests', harm: 'Harm' } as const;
const TEST_NAMES = { current: 'Wilcoxon, R 4.6', legacy: 'Wilcoxon, R ≤ 4.5', sign: 'Sign test' } as const;
const WEIGHT_ORDER = ['data', 'low', 'central', 'high'] as const;
const WEIGHT_NAMES = { data: 'Harm as given', low: 'Weights low', central: 'Weights central', high: 'Weights high' } as const;
const TEST_ORDER = ['current', 'legacy', 'sign'] as const;

/** The rows of the choices panel: every value present, grouped by choice, each with the test for "this column made that choice". */
export function choiceRows(specs: readonly SpecificationRow[]): { label: string; has: (s: SpecificationRow) => boolean }[] {
  const distinct = (f: (s: SpecificationRow) => number) => [...new Set(specs.map(f))].sort((a, b) => a - b);
  return [
    ...distinct((s) => s.window).map((w) => ({ label: `Window ${w} months`, has: (s: SpecificationRow) => s.window === w })),
    ...distinct((s) => s.gap).map((g) => ({ label: `Gap ${g} ${g === 1 ? 'month' : 'months'}`, has: (s: SpecificationRow) => s.gap === g })),
    ...(['events', 'harm'] as const).filter((m) => specs.some((s) => s.measure === m)).map((m) => ({ label: MEASURE_NAMES[m], has: (s: SpecificationRow) => s.measure === m })),
    ...WEIGHT_ORDER.filter((w) => specs.some((s) => s.weights === w)).map((w) => ({ label: WEIGHT_NAMES[w], has: (s: SpecificationRow) => s.weights === w })),
    ...TEST_ORDER.filter((t) => specs.some((s) => s.test === t)).map((t) => ({ label: TEST_NAMES[t], has: (s: SpecificationRow) => s.test === t })),
  ];
}

/** The specifications with a reduction, sorted from the smallest reduction to the largest (ties in input order), with their rank and input index. */
export function rankSpecifications(specs: readonly SpecificationRow[]): (SpecificationRow & { rank: number; index: number })[] {
  return specs
    .map((s, index) => ({ ...s, index }))
    .filter((s) => s.reduction !== null && Number.isFinite(s.reduction))
    .sort((a, b) => a.reduction! - b.reduction! || a.index - b.index)
    .map((s, k) => ({ ...s, rank: k + 1 }));
}

/** Where intervals are cut (robustnessShared.ts's intervalFloor): at −100%, or at the lowest reduction if lower. */
const floorOf = (ranked: readonly SpecificationRow[]) => intervalFloor(ranked.map((s) => s.reduction!), ranked.map((s) => s.ci));

function currentIndex(specs: readonly SpecificationRow[], current: CurrentSpecification | undefined): number {
  if (current === undefined) return -1;
  if (typeof current === 'number') return Number.isInteger(current) && current >= 0 && current < specs.length ? current : -1;
  return specs.findIndex((s, k) => current(s, k));
}

function specWords(s: SpecificationRow): string {
  const what = s.measure === 'events' ? 'arrests' : s.weights === null || s.weights === 'data' ? 'harm as given in the data' : `harm (${s.weights} weights)`;
  return `${what}, ${indefinite(formatNumber(s.window))} ${formatNumber(s.window)}-month window, gap ${formatNumber(s.gap)}, ${TEST_NAMES[s.test]}`;
}

/** The table's cell for what a specification's test finds (specificationVerdict). */
const VERDICT_CELLS = { fall: 'yes, a fall', rise: 'yes, a rise', against: 'yes, against the total', none: 'no' } as const;

/**
 * What a specification's test finds, in words: "significant at 5%" for a fall, "a significant rise
 * at 5%", or, for a test that points the other way from the total, which way it points and by what.
 */
export function verdictWords(s: Pick<SpecificationRow, 'reduction' | 'p' | 'lean' | 'test'>): string {
  const verdict = specificationVerdict(s);
  if (verdict === 'fall') return 'significant at 5%';
  if (verdict === 'rise') return 'a significant rise at 5%';
  if (verdict === 'none') return 'not significant at 5%';
  const by = s.test === 'sign' ? 'by the count of people' : 'by rank';
  const moved = totalDirection(s.reduction);
  const total = moved > 0 ? 'the fall in the total' : moved < 0 ? 'the rise in the total' : 'the unchanged total';
  return `significant at 5%, but the test points ${by} to ${LEAN_WORDS[s.lean]}, not to ${total}`;
}

/** What the page's inspector says before a specification is picked out (kept with the headline figure's help, for the page's first script). */
export { SPECIFICATION_HELP } from './unitsHelp.ts';

/** How the inspector says to set the view to the specification picked out: by the keys that picked it, or by the pointer's second action. */
const SET_BY = {
  keys: 'Enter or Space sets',
  pointer: '“Show this view”, or a second tap or click on it, sets',
} as const;

/**
 * One specification in words, for the page's inspector: its rank among the drawn specifications,
 * its choices (measure and weights, window, gap, test), its reduction with the 95% interval, p and
 * significance, whether it is the current view, and how to set the view to it: Enter or Space when
 * it was picked out with the keys, "Show this view" or a second tap or click when with a pointer.
 * `current`: true for the current view's own specification; 'choices' for one whose view is the
 * current view though it is not its specification (harm, or the sign test, with the view's choices).
 * @example describeSpecification({ rank: 3, window: 12, gap: 1, measure: 'events', weights: null, test: 'sign', reduction: 0.4, ci: [0.2, 0.55], p: 0.012, lean: 1, significant: true }, 180)
 * // => 'Specification 3 of 180, smallest reduction first: arrests, a 12-month window, gap 1, Sign test. A reduction of 40% (95% interval 20% to 55%), p = 0.012, significant at 5%. Enter or Space sets the view to it (the sign test has no view of its own, so the view keeps its Wilcoxon rule).'
 */
export function describeSpecification(s: SpecificationRow & { rank: number }, drawn: number, current: boolean | 'choices' = false, by: keyof typeof SET_BY = 'keys'): string {
  const interval = s.ci ? `95% interval ${formatPercent(s.ci[0])} to ${formatPercent(s.ci[1])}` : 'no interval';
  // What setting the view to it gives (src/lib/robustness.ts's viewOfSpecification): the view is of arrests, so a harm
  // specification gives it its window, gap, test and weights; the sign test keeps the view's rule.
  const weighted = s.measure === 'harm' && s.weights !== null && s.weights !== 'data';
  const what = s.measure === 'events' ? 'it' : `its window, gap, test${weighted ? ' and harm weights' : ''}`;
  const sign = s.test === 'sign' ? ' (the sign test has no view of its own, so the view keeps its Wilcoxon rule)' : '';
  const choices = ['window', 'gap', ...(s.test === 'sign' ? [] : ['test']), ...(weighted ? ['harm weights'] : [])];
  return (
    `Specification ${formatNumber(s.rank)} of ${formatNumber(drawn)}, smallest reduction first: ${specWords(s)}. ` +
    `A reduction of ${formatReductionInWords(s.reduction)} (${interval}), ${formatPEquals(s.p)}, ${verdictWords(s)}. ` +
    (current === 'choices' ? `The current view already has its ${listWords(choices)}${sign}.` : current ? 'This is the current view.' : `${SET_BY[by]} the view to ${what}${sign}.`)
  );
}

export function describeSpecificationCurve(specs: readonly SpecificationRow[], current?: CurrentSpecification): string {
  const ranked = rankSpecifications(specs);
  if (ranked.length === 0) return specs.length === 0 ? 'No specifications to show.' : `None of the ${count(specs.length, 'specification')} has a reduction to show.`;
  const falls = specs.filter((s) => specificationVerdict(s) === 'fall').length;
  const rises = specs.filter((s) => specificationVerdict(s) === 'rise').length;
  const against = specs.filter((s) => specificationVerdict(s) === 'against').length;
  const others = [
    ...(rises > 0 ? [`${formatNumber(rises)} ${rises === 1 ? 'shows' : 'show'} a significant rise`] : []),
    ...(against > 0 ? [`${formatNumber(against)} ${against === 1 ? 'has a significant test that points' : 'have a significant test that points'} the other way from the total`] : []),
  ];
  const median = ranked.length % 2 ? ranked[(ranked.length - 1) / 2].reduction! : (ranked[ranked.length / 2 - 1].reduction! + ranked[ranked.length / 2].reduction!) / 2;
  const lead =
    `${formatNumber(falls)} of ${count(specs.length, 'specification')} (${formatPercent(falls / specs.length)}) show a fall that is significant at the 5% level. ` +
    (others.length > 0 ? `${capitalise(listWords(others))} (ringed). ` : '') +
    `Sorted from smallest to largest, the reductions run from ${formatReductionInWords(ranked[0].reduction)} to ${formatReductionInWords(ranked.at(-1)!.reduction)} (median ${formatReductionInWords(median)}).`;
  const missing = specs.length - ranked.length;
  const left = missing > 0 ? ` ${count(missing, 'specification has', 'specifications have')} no reduction (nothing before) and ${missing === 1 ? 'is' : 'are'} not drawn.` : '';
  const at = currentIndex(specs, current);
  const mine = ranked.find((s) => s.index === at);
  const here = mine ? ` The current view (${specWords(mine)}) is number ${formatNumber(mine.rank)}, a reduction of ${formatReductionInWords(mine.reduction)}, ${verdictWords(mine)}.` : '';
  const cut = floorOf(ranked).cut ? ` Intervals reaching below ${formatPercent(floorOf(ranked).floor)} are cut there; the table gives them in full.` : '';
  return lead + left + here + cut;
}

export function tableSpecificationCurve(specs: readonly SpecificationRow[], current?: CurrentSpecification): ChartTable {
  const at = currentIndex(specs, current);
  const ranked = rankSpecifications(specs);
  const order = [...ranked, ...specs.map((s, index) => ({ ...s, index, rank: 0 })).filter((s) => !ranked.some((r) => r.index === s.index))];
  return {
    caption: 'Every specification, smallest reduction first',
    columns: ['Rank', 'Window', 'Gap', 'Measure', 'Weights', 'Test', 'Reduction (95% interval)', 'p', 'Significant at 5%', 'Current view'],
    rows: order.map((s) => [
      s.rank === 0 ? '' : formatNumber(s.rank), `${formatNumber(s.window)} months`, formatNumber(s.gap), MEASURE_NAMES[s.measure], s.weights === null ? '' : s.weights === 'data' ? 'as given' : s.weights, TEST_NAMES[s.test],
      reductionCell(s.reduction, s.ci), formatP(s.p), VERDICT_CELLS[specificationVerdict(s)], s.index === at ? 'yes' : '',
    ]),
  };
}

/** A pale blue band (Okabe–Ito blue at low strength) behind the current view's column. */
const CURRENT_FILL = '#CFE3F1';
const ROW = 13; // pixels per row of choices
const BETWEEN = 26; // pixels between the panels, for the choices' heading
const TOP = 220; // pixels of the reductions' panel

export function specificationCurveChart(specs: readonly SpecificationRow[], current?: CurrentSpecification, options: ChartOptions = {}): Figure {
  const ariaLabel = 'Specification curve: the reduction under each combination of window, gap, measure, weights and test, sorted, above the choices behind each';
  const description = describeSpecificationCurve(specs, current);
  const ranked = rankSpecifications(specs);
  if (ranked.length === 0) return messageFigure(specs.length === 0 ? 'No specifications to show.' : 'No specification has a reduction to show.', options, ariaLabel, description);
  const width = widthOf(options);
  const rows = choiceRows(specs);
  const at = currentIndex(specs, current);
  const mine = ranked.find((s) => s.index === at);
  const { floor } = floorOf(ranked);
  const significant = ranked.filter((s) => specificationVerdict(s) === 'fall');
  const not = ranked.filter((s) => specificationVerdict(s) === 'none');
  // significant rises, and significant tests that point against their total: ringed, apart from the falls
  const other = ranked.filter((s) => specificationVerdict(s) === 'rise' || specificationVerdict(s) === 'against');
  const [lo, hi] = shareDomain(ranked.flatMap((s) => [s.reduction!, ...(s.ci ?? []).map((c) => Math.max(c, floor))]));
  // the choices' rows sit below the reductions, in the same units: u per pixel
  const u = (hi - lo) / TOP;
  const rowY = rows.map((_, r) => lo - (BETWEEN + (r + 0.5) * ROW) * u);
  const bottom = lo - (BETWEEN + rows.length * ROW + 4) * u;
  const labels = new Map(rowY.map((y, r) => [y, rows[r].label]));
  const n = ranked.length;
  const key = colorKey(
    [
      // Only the kinds of mark drawn (the study's curve has no triangle: every specification is a significant fall).
      ...(significant.length > 0 ? [{ mark: 'dot' as const, color: OBSERVED, label: 'Significant fall at 5%' }] : []),
      ...(other.length > 0 ? [{ mark: 'ring' as const, color: OBSERVED, label: 'Significant, not a fall' }] : []),
      ...(not.length > 0 ? [{ mark: 'triangle' as const, color: CONTRAST, label: 'Not significant' }] : []),
      ...(mine ? [{ mark: 'band' as const, color: CURRENT_FILL, outline: OBSERVED, label: 'Current view' }] : []),
    ],
    width,
  );
  const longest = Math.max(...rows.map((r) => r.label.length), 6);
  const margin = { top: key.height + 24, left: Math.ceil(longest * SMALL_FONT * 0.58) + 14, right: 12, bottom: 50 };
  const column = (width - margin.left - margin.right) / n;
  const tick = Math.max(1, Math.min(3, column * 0.7));
  const cells = ranked.flatMap((s) => rows.flatMap((row, r) => (row.has(s) ? [{ rank: s.rank, index: s.index, y: rowY[r] }] : [])));
  const intervals = ranked.filter((s) => s.ci !== null);
  const spec = <T extends { index: number }>(data: readonly T[]) => dataAttribute(data, 'spec', (d) => d.index);
  const r = Math.max(1.5, Math.min(3.5, column * 0.9));
  return Plot.plot({
    ...frame(options, ariaLabel, description),
    height: margin.top + margin.bottom + TOP + BETWEEN + rows.length * ROW + 4,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    x: { domain: [0.5, n + 0.5], axis: null },
    y: { domain: [bottom, hi], axis: null },
    marks: [
      ...key.marks(margin.top, margin.left),
      Plot.text(['Reduction (95% interval)'], { frameAnchor: 'top-left', dx: -margin.left + 4, dy: -8, textAnchor: 'start', lineAnchor: 'bottom' }),
      ...(mine ? [
        Plot.rect([mine], { x1: (d: { rank: number }) => d.rank - 0.5 - Math.max(0, (3 - column) / 2 / column), x2: (d: { rank: number }) => d.rank + 0.5 + Math.max(0, (3 - column) / 2 / column), y1: bottom, y2: hi, fill: CURRENT_FILL, className: 'spec-current' }),
      ] : []),
      Plot.gridY({ ticks: shareTicks(lo, hi, TOP), stroke: '#000000', strokeOpacity: 0.1 }),
      Plot.axisY({ ticks: shareTicks(lo, hi, TOP), tickFormat: formatPercent, label: null }),
      Plot.axisY({ ticks: rowY, tickFormat: (y: number) => labels.get(y) ?? '', tickSize: 0, label: null, fontSize: SMALL_FONT }),
      Plot.ruleY([0], { stroke: '#767676' }),
      Plot.text(['Choices behind each specification'], { frameAnchor: 'left', y: lo - (BETWEEN / 2) * u, dx: -margin.left + 4, textAnchor: 'start', fontSize: SMALL_FONT, fill: INK }),
      Plot.ruleX(intervals, { x: 'rank', y1: (d: SpecificationRow) => Math.max(d.ci![0], floor), y2: (d: SpecificationRow) => d.ci![1], stroke: '#9A9A9A', strokeWidth: Math.min(1.25, Math.max(0.6, column * 0.5)), className: 'spec-interval', ...spec(intervals) }),
      Plot.dot(not, { x: 'rank', y: 'reduction', symbol: 'triangle', r, stroke: CONTRAST, fill: 'white', strokeWidth: 1.25, className: 'spec-not-significant', ...spec(not) }),
      Plot.dot(significant, { x: 'rank', y: 'reduction', r, fill: OBSERVED, className: 'spec-significant', ...spec(significant) }),
      ...(other.length > 0 ? [Plot.dot(other, { x: 'rank', y: 'reduction', r, stroke: OBSERVED, fill: 'white', strokeWidth: 1.5, className: 'spec-significant-other', ...spec(other) })] : []),
      Plot.ruleX(cells, { x: 'rank', y1: (d: { y: number }) => d.y - (ROW * 0.35) * u, y2: (d: { y: number }) => d.y + (ROW * 0.35) * u, stroke: INK, strokeWidth: tick, className: 'spec-choice', ...spec(cells) }),
      ...(mine ? [Plot.text(['current view'], { x: mine.rank, y: bottom, dy: 3, lineAnchor: 'top', textAnchor: mine.rank > n / 2 ? 'end' : 'start', fontSize: SMALL_FONT, fill: '#000000', ...HALO })] : []),
      Plot.text([`${count(n, 'specification')}, from the smallest reduction to the largest`], { frameAnchor: 'bottom-left', dx: -margin.left + 4, dy: 20, textAnchor: 'start', lineAnchor: 'top', fontSize: SMALL_FONT, lineWidth: (width - 8) / SMALL_FONT }),
    ],
  });
}
