// How the register becomes the analysed sample, drawn as a waterfall of horizontal bars on one
// scale: the register, the orders without two years after the order (a dashed outline at the
// end it is cut from), those with two years before and after, the orders whose data could not
// be used, and the orders eligible for analysis. Every bar is labelled with its count and reason
// above it, so the figure reads top to bottom like the sentence it replaces. The sample does not
// change with the controls.
//
// The labels say no more than the article does: a two-years-before-and-after period "resulted in
// a sample of 49", and after data-quality problems between PNC and PND and data requests to
// regions "41 STROs were eligible for analysis". It gives no reason for either step: that the
// other orders were too recent, and that the 8 had unusable data, are our reading, and the labels
// say so (a fidelity review found the second given as the article's).

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { periodColors } from './palette.ts';
import { count } from '../lib/wording.ts';
import { frame, widthOf } from './shared.ts';

const LABEL_FONT = 12;
import type { ChartOptions, ChartTable, Figure } from './types.ts';

const FOLLOWUP_REASON = 'not yet two years after the order (our reading)';
const DATA_REASON = 'data not usable (our reading)';
/** For a reader's own data, only what their sample column says, over their design window. */
const span = (result: AnalysisResult) => `${result.domain.span} ${result.domain.span === 1 ? 'month' : 'months'}`;
const reasons = (result: AnalysisResult, own: boolean) => own
  ? { followup: `marked excluded_followup (too recent for ${span(result)} of follow-up)`, data: 'marked excluded_data (data not usable)', covered: `with ${span(result)} before and after the order` }
  : { followup: FOLLOWUP_REASON, data: DATA_REASON, covered: 'with two years before and after the order' };

interface Step {
  label: string;
  x1: number;
  x2: number;
  kept: boolean;
}

/** The five rows of the waterfall; "with two years before and after" is register − excludedFollowup (layout arithmetic). */
function sampleSteps(result: AnalysisResult, own = false): Step[] {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  const followed = register - excludedFollowup;
  const why = reasons(result, own);
  return [
    { label: `${count(register, 'order')} in the register`, x1: 0, x2: register, kept: true },
    { label: `${formatNumber(excludedFollowup)} excluded: ${why.followup}`, x1: followed, x2: register, kept: false },
    { label: `${formatNumber(followed)} ${why.covered}`, x1: 0, x2: followed, kept: true },
    { label: `${formatNumber(excludedData)} excluded: ${why.data}`, x1: analysed, x2: analysed + excludedData, kept: false },
    { label: `${formatNumber(analysed)} eligible for analysis`, x1: 0, x2: analysed, kept: true },
  ];
}

const were = (n: number) => (n === 1 ? 'was' : 'were');

export function describeSampleFlow(result: AnalysisResult, _study?: AnalysisResult, own = false): string {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  const followed = formatNumber(register - excludedFollowup);
  if (own) {
    return `Of ${count(register, 'order')} in your register, ${followed} had ${span(result)} before and after the order (${formatNumber(excludedFollowup)} ${were(excludedFollowup)} marked too recent), ` +
      `and ${formatNumber(analysed)} of these ${followed} are analysed (${formatNumber(excludedData)} ${were(excludedData)} marked as having data that could not be used).`;
  }
  return (
    `Of ${count(register, 'order')} in the register, ${followed} had two years before and after the order ` +
    `(that the other ${formatNumber(excludedFollowup)} were too recent is our reading). ` +
    `After data-quality problems between PNC and PND and data requests to regions, ${formatNumber(analysed)} of these ${followed} ` +
    `were eligible for analysis (that the other ${formatNumber(excludedData)} ${were(excludedData)} left out for unusable data is our reading).`
  );
}

export function tableSampleFlow(result: AnalysisResult, _study?: AnalysisResult, own = false): ChartTable {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  const why = reasons(result, own);
  return {
    caption: 'From the register to the analysed sample',
    columns: ['Step', 'Orders'],
    rows: [
      ['In the register', formatNumber(register)],
      [`Excluded: ${why.followup}`, formatNumber(excludedFollowup)],
      [why.covered.replace(/^w/, 'W'), formatNumber(register - excludedFollowup)],
      [`Excluded: ${why.data}`, formatNumber(excludedData)],
      ['Eligible for analysis', formatNumber(analysed)],
    ],
  };
}

export function sampleFlowChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  const steps = sampleSteps(result, options.ownData);
  const kept = steps.filter((s) => s.kept);
  const cut = steps.filter((s) => !s.kept);
  const top = Math.max(1, ...steps.map((s) => s.x2));
  // On a narrow screen a long reason wraps onto a second line (about 0.55 em a character): its row
  // grows, and its bar keeps its thickness, so the label stays clear of the bar above.
  const width = widthOf(options);
  const lineWidth = (width - 20) / LABEL_FONT;
  const wraps = steps.some((s) => s.label.length * 0.55 > lineWidth);
  return Plot.plot({
    ...frame(options, 'From the register to the analysed sample', describeSampleFlow(result, undefined, options.ownData)),
    height: 5 * (wraps ? 72 : 56) + 30,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 10,
    y: { domain: steps.map((s) => s.label), axis: null, paddingInner: wraps ? 0.65 : 0.55, paddingOuter: 0.4, align: 1 },
    x: { domain: [0, top], axis: null },
    marks: [
      Plot.barX(kept, { y: 'label', x1: 'x1', x2: 'x2', fill: periodColors.pre }),
      Plot.barX(cut, { y: 'label', x1: 'x1', x2: 'x2', fill: 'none', stroke: periodColors.pre, strokeDasharray: '4,3', inset: 0.5 }),
      // each label sits above its bar, starting at the left edge, so long reasons have the full width
      Plot.text(steps, { y: 'label', x: 0, text: 'label', textAnchor: 'start', lineAnchor: 'bottom', dy: -16, fontSize: LABEL_FONT, lineWidth }),
    ],
  });
}
