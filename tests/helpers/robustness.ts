// Plain inputs for the robustness figures, built from the bundled data with today's engine, so the
// snapshot tests draw realistic numbers. The months around the order are left out by filtering the
// events (|month| ≤ gap) and the harm weights are swapped in from data/harm-index.csv by offence;
// the engine's own --gap and --weights (issue 8) are the real source of these rows on the page.
// Nothing here is a statistic under test: it only feeds the figures.
import { analyse, type AnalysisResult } from '../../src/analysis/analyse.ts';
import { readCsv } from '../../src/analysis/csv.ts';
import { specificationVerdict } from '../../src/analysis/specificationVerdict.ts';
import { wilcoxonLean } from '../../src/analysis/stats/wilcoxonLean.ts';
import { segmentedRegression } from '../../src/analysis/stats/segmentedRegression.ts';
import type { Dataset } from '../../src/analysis/types.ts';
import type { GapCurveRow, ItsMonth, LeaveOneOutRow, SpecificationRow } from '../../src/charts/index.ts';
import type { ItsFit } from '../../src/charts/its.ts';
import { bundled, readData } from './bundled.ts';

const interval = (m: AnalysisResult['events']): [number, number] | null => m.ci;

/** The bundled data with months −gap … −1 and 1 … gap left out. */
export function withGap(dataset: Dataset, gap: number): Dataset {
  return gap === 0 ? dataset : { ...dataset, events: dataset.events.filter((e) => Math.abs(e.month) > gap) };
}

/** The bundled data with each event's harm taken from a harm-index column. */
export function withWeights(dataset: Dataset, weights: 'low' | 'central' | 'high'): Dataset {
  const { table } = readCsv('harm-index.csv', readData('harm-index.csv'));
  const col = (name: string) => table!.header.indexOf(name);
  const column = col(weights === 'low' ? 'sens_low' : weights === 'high' ? 'sens_high' : 'harm_days');
  const weight = new Map(table!.records.map((r) => [r.fields[col('offence')].trim(), Number(r.fields[column])]));
  return { ...dataset, events: dataset.events.map((e) => ({ ...e, harm: weight.get(e.offence) ?? e.harm })) };
}

/** Gaps 0 … 6 (below the window): the overall and per-category reductions in arrests and in harm (from the harm index's weights, if given). */
export function gapRows(dataset: Dataset = bundled, categories = dataset.categories, { window = 24, weights }: { window?: number; weights?: 'low' | 'central' | 'high' } = {}): GapCurveRow[] {
  const data = weights ? withWeights(dataset, weights) : dataset;
  return [0, 1, 2, 3, 4, 5, 6].filter((gap) => gap < window).flatMap((gap) => {
    const r = analyse(withGap(data, gap), { categories, window });
    return (['events', 'harm'] as const).flatMap((measure) => [
      { gap, measure, group: 'overall', groupName: 'All selected categories', pre: r[measure].pre, post: r[measure].post, reduction: r[measure].reduction, ci: interval(r[measure]) },
      ...r.categories.map((c) => ({ gap, measure, group: c, groupName: r.categoryNames[c], pre: r.byCategory[c][measure].pre, post: r.byCategory[c][measure].post, reduction: r.byCategory[c][measure].reduction, ci: interval(r.byCategory[c][measure]) })),
    ]);
  });
}

/** Monthly arrests of the analysed months (gap left out) and the segmented regression over them. */
export function itsInput(gap = 0, dataset: Dataset = bundled): { monthly: ItsMonth[]; its: ItsFit } {
  const r = analyse(withGap(dataset, gap));
  const monthly = r.monthly.filter((m) => Math.abs(m.month) > gap).map((m) => ({ month: m.month, value: m.events }));
  const f = segmentedRegression(monthly.map((m) => m.month), monthly.map((m) => m.value));
  const its: ItsFit = { intercept: f.intercept, preSlope: f.preSlope, level: f.level, levelP: f.levelP, slopeChange: f.slopeChange, slopeChangeP: f.slopeChangeP, levelPHac: f.levelPHac, slopeChangePHac: f.slopeChangePHac };
  if (f.reason) its.reason = f.reason;
  return { monthly, its };
}

/** Each person's influence on the reduction in arrests, sorted, with pseudonyms by position. */
export function leaveOneOutRows(result: AnalysisResult = analyse(bundled)): LeaveOneOutRow[] {
  return [...result.perOrder]
    .sort((a, b) => (a.influenceEvents ?? Infinity) - (b.influenceEvents ?? Infinity) || (a.order < b.order ? -1 : 1))
    .map((p, k) => ({ label: `Person ${k + 1}`, influence: p.influenceEvents }));
}

/** Every specification of issue 8 (windows 6–24, gaps 0–6 below the window, arrests or harm by weight set, three tests). */
export function specificationRows(dataset: Dataset = bundled): SpecificationRow[] {
  const rows: SpecificationRow[] = [];
  for (const window of [6, 12, 18, 24]) {
    for (const gap of [0, 1, 3, 6].filter((g) => g < window)) {
      const measures: [SpecificationRow['measure'], SpecificationRow['weights']][] = [['events', null], ['harm', 'low'], ['harm', 'central'], ['harm', 'high']];
      for (const [measure, weights] of measures) {
        const data = withGap(weights && weights !== 'data' ? withWeights(dataset, weights) : dataset, gap);
        const current = analyse(data, { window });
        const legacy = analyse(data, { window, wilcoxon: 'legacy' });
        const m = current[measure];
        for (const test of ['current', 'legacy', 'sign'] as const) {
          const p = test === 'current' ? m.test.p : test === 'legacy' ? legacy[measure].test.p : m.sign.p;
          const lean = test === 'sign' ? (Math.sign(2 * m.sign.fewer - m.sign.n) as -1 | 0 | 1) : wilcoxonLean(test === 'current' ? m.test : legacy[measure].test, test);
          const row = { window, gap, measure, weights, test, reduction: m.reduction, ci: m.ci, p, lean };
          rows.push({ ...row, significant: specificationVerdict(row) === 'fall' });
        }
      }
    }
  }
  return rows;
}
