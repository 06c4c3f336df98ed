// How the register becomes the analysed sample, drawn as a waterfall of horizontal bars on one
// scale: the register, the orders without two years after the order (a dashed outline at the
// end it is cut from), those with two years before and after, the orders whose data could not
// be used, and the orders eligible for analysis. Every bar is labelled with its count and reason
// above it, so the figure reads top to bottom like the sentence it replaces. The sample does not
// change with the controls.
//
// The labels say no more than the article does: a two-years-before-and-after period "resulted in
// a sample of 49", and after data-quality problems between PNC and PND and data requests to
// regions "41 STROs were eligible for analysis". That the other orders were too recent is our
// reading, and the labels say so.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { periodColors } from './palette.ts';
import { count } from '../lib/wording.ts';
import { frame } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

const FOLLOWUP_REASON = 'not yet two years after the order (our reading)';
const DATA_REASON = 'data not usable (PNC/PND inconsistencies, data requests)';

interface Step {
  label: string;
  x1: number;
  x2: number;
  kept: boolean;
}

/** The five rows of the waterfall; "with two years before and after" is register − excludedFollowup (layout arithmetic). */
function sampleSteps(result: AnalysisResult): Step[] {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  const followed = register - excludedFollowup;
  return [
    { label: `${count(register, 'order')} in the register`, x1: 0, x2: register, kept: true },
    { label: `${formatNumber(excludedFollowup)} excluded: ${FOLLOWUP_REASON}`, x1: followed, x2: register, kept: false },
    { label: `${formatNumber(followed)} with two years before and after the order`, x1: 0, x2: followed, kept: true },
    { label: `${formatNumber(excludedData)} excluded: ${DATA_REASON}`, x1: analysed, x2: analysed + excludedData, kept: false },
    { label: `${formatNumber(analysed)} eligible for analysis`, x1: 0, x2: analysed, kept: true },
  ];
}

export function describeSampleFlow(result: AnalysisResult): string {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  const followed = formatNumber(register - excludedFollowup);
  return (
    `Of ${count(register, 'order')} in the register, ${followed} had two years before and after the order ` +
    `(that the other ${formatNumber(excludedFollowup)} were too recent is our reading). ` +
    `After data-quality problems between PNC and PND and data requests to regions, ${formatNumber(analysed)} of these ${followed} ` +
    `were eligible for analysis (${formatNumber(excludedData)} were not).`
  );
}

export function tableSampleFlow(result: AnalysisResult): ChartTable {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  return {
    caption: 'From the register to the analysed sample',
    columns: ['Step', 'Orders'],
    rows: [
      ['In the register', formatNumber(register)],
      [`Excluded: ${FOLLOWUP_REASON}`, formatNumber(excludedFollowup)],
      ['With two years before and after the order', formatNumber(register - excludedFollowup)],
      [`Excluded: ${DATA_REASON}`, formatNumber(excludedData)],
      ['Eligible for analysis', formatNumber(analysed)],
    ],
  };
}

export function sampleFlowChart(result: AnalysisResult, options: ChartOptions = {}): Figure {
  const steps = sampleSteps(result);
  const kept = steps.filter((s) => s.kept);
  const cut = steps.filter((s) => !s.kept);
  const top = Math.max(1, ...steps.map((s) => s.x2));
  return Plot.plot({
    ...frame(options, 'From the register to the analysed sample', describeSampleFlow(result)),
    height: 5 * 56 + 30,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 10,
    y: { domain: steps.map((s) => s.label), axis: null, paddingInner: 0.55, paddingOuter: 0.4, align: 1 },
    x: { domain: [0, top], axis: null },
    marks: [
      Plot.barX(kept, { y: 'label', x1: 'x1', x2: 'x2', fill: periodColors.pre }),
      Plot.barX(cut, { y: 'label', x1: 'x1', x2: 'x2', fill: 'none', stroke: periodColors.pre, strokeDasharray: '4,3', inset: 0.5 }),
      // each label sits above its bar, starting at the left edge, so long reasons have the full width
      Plot.text(steps, { y: 'label', x: 0, text: 'label', textAnchor: 'start', lineAnchor: 'bottom', dy: -16, fontSize: 12 }),
    ],
  });
}
