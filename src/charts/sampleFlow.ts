// How the register becomes the analysed sample, drawn as a waterfall of horizontal bars on one
// scale: the register, the orders too recent for two years of follow-up (a dashed outline at
// the end it is cut from), those with two full years, the orders excluded for their data, and
// the analysed sample. Every bar is labelled with its count and reason above it, so the figure
// reads top to bottom like the sentence it replaces. The sample does not change with the controls.

import * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber } from '../lib/format.ts';
import { periodColors } from './palette.ts';
import { count, frame } from './shared.ts';
import type { ChartOptions, ChartTable, Figure } from './types.ts';

export const FOLLOWUP_REASON = 'too recent for two years of follow-up';
export const DATA_REASON = 'data not returned or inconsistent between PNC and PND';

interface Step {
  label: string;
  x1: number;
  x2: number;
  kept: boolean;
}

/** The five rows of the waterfall; "with two full years" is register − excludedFollowup (layout arithmetic). */
export function sampleSteps(result: AnalysisResult): Step[] {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  const followed = register - excludedFollowup;
  return [
    { label: `${count(register, 'order')} in the register`, x1: 0, x2: register, kept: true },
    { label: `${formatNumber(excludedFollowup)} excluded: ${FOLLOWUP_REASON}`, x1: followed, x2: register, kept: false },
    { label: `${formatNumber(followed)} with two full years of follow-up`, x1: 0, x2: followed, kept: true },
    { label: `${formatNumber(excludedData)} excluded: ${DATA_REASON}`, x1: analysed, x2: analysed + excludedData, kept: false },
    { label: `${formatNumber(analysed)} analysed`, x1: 0, x2: analysed, kept: true },
  ];
}

export function describeSampleFlow(result: AnalysisResult): string {
  const { register, excludedFollowup, excludedData, analysed } = result.sample;
  return (
    `Of ${count(register, 'order')} in the register, ${formatNumber(excludedFollowup)} were ${FOLLOWUP_REASON}, ` +
    `leaving ${formatNumber(register - excludedFollowup)}; ${formatNumber(excludedData)} more were excluded because their data were not returned or were inconsistent between PNC and PND, ` +
    `leaving ${formatNumber(analysed)} analysed.`
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
      ['With two full years of follow-up', formatNumber(register - excludedFollowup)],
      [`Excluded: ${DATA_REASON}`, formatNumber(excludedData)],
      ['Analysed', formatNumber(analysed)],
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
