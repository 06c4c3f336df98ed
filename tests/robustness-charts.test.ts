// The figures of "How robust is it?": each drawn server-side (linkedom) for a default input and for
// empty or degenerate ones, compared with committed snapshots (tests/helpers/snapshots.ts), and
// checked for what snapshots cannot say: the marks sit at the numbers given, the text alternative
// and the table carry the same numbers, every mark of a specification says which one it is, and no
// text is smaller than 11px at any width.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { analyse } from '../src/analysis/analyse.ts';
import { nullWorld, type NullWorld } from '../src/analysis/nullWorld.ts';
import { formatP, formatPercent } from '../src/lib/format.ts';
import { shareTicks } from '../src/charts/robustnessShared.ts';
import * as charts from '../src/charts/index.ts';
import type { ChartOptions, ChartTable, Figure, GapCurveRow, ItsFit, ItsMonth, LeaveOneOutRow, SpecificationRow } from '../src/charts/index.ts';
import { bundled } from './helpers/bundled.ts';
import { gapRows, itsInput, leaveOneOutRows, specificationRows } from './helpers/robustness.ts';
import { assertSnapshot, serialise, svgOf } from './helpers/snapshots.ts';
import { DEFAULT_LOOKBACK, DEFAULT_SELECTION, nullWorldFor } from '../src/lib/robustness.ts';
import { FIGURES, drawFigure } from '../src/lib/figures.ts';
import { ROBUSTNESS_FIGURES, accessibleFigure, drawRobustnessFigure, type DataFigureSpec, type RobustnessFigureData, type RobustnessFigureName } from '../src/lib/robustnessFigures.ts';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
const options: ChartOptions = { document: document as unknown as Document };

const study = analyse(bundled);
const observed = study.events.reduction!;
const before = study.perOrder.map((p) => p.eventsPre);
const world = nullWorld(before, { window: study.window, selection: 0.75, observedFall: observed });
const noWorld = nullWorld([], { window: 24, selection: 0.5 });
const gaps = gapRows();
const events = gaps.filter((r) => r.measure === 'events');
const harm = gaps.filter((r) => r.measure === 'harm');
// a small view with the harm index's low weights: some harm intervals reach far below −100%
const lowGaps = gapRows(bundled, ['violence', 'drugs'], { window: 12, weights: 'low' });
const lowHarm = { measure: 'harm', weights: 'low' } as const;
const its0 = itsInput(0);
const its3 = itsInput(3);
const twoMonths: ItsMonth[] = [{ month: -1, value: 4 }, { month: 1, value: 2 }];
const unfitted: ItsFit = { intercept: null, preSlope: null, level: null, slopeChange: null, levelP: null, slopeChangeP: null, reason: 'two lines need at least two months on each side of the order' };
const loo = leaveOneOutRows();
const specs = specificationRows();
const isStudyView = (s: SpecificationRow) => s.window === 24 && s.gap === 0 && s.measure === 'events' && s.test === 'current';
// one category alone: fewer arrests, so some specifications are not significant
const slavery = { ...bundled, events: bundled.events.filter((e) => e.category === 'modern_slavery'), categories: ['modern_slavery'] };
const mixedSpecs = specificationRows(slavery);

interface Case {
  chart: (o: ChartOptions) => Figure;
  describe: () => string;
  table: () => ChartTable;
}
const cases: Record<string, Case> = {
  'nullWorld-default': { chart: (o) => charts.nullWorldChart(world, observed, o), describe: () => charts.describeNullWorld(world, observed), table: () => charts.tableNullWorld(world, observed) },
  'nullWorld-empty': { chart: (o) => charts.nullWorldChart(noWorld, null, o), describe: () => charts.describeNullWorld(noWorld, null), table: () => charts.tableNullWorld(noWorld, null) },
  'gapCurve-default': { chart: (o) => charts.gapCurveChart(gaps, o), describe: () => charts.describeGapCurve(gaps), table: () => charts.tableGapCurve(gaps) },
  'gapCurveHarm-default': { chart: (o) => charts.gapCurveChart(gaps, { ...o, measure: 'harm' }), describe: () => charts.describeGapCurve(gaps, { measure: 'harm' }), table: () => charts.tableGapCurve(gaps, { measure: 'harm' }) },
  'gapCurveHarm-w12-low': { chart: (o) => charts.gapCurveChart(lowGaps, { ...o, ...lowHarm }), describe: () => charts.describeGapCurve(lowGaps, lowHarm), table: () => charts.tableGapCurve(lowGaps, lowHarm) },
  'gapCurve-empty': { chart: (o) => charts.gapCurveChart([], o), describe: () => charts.describeGapCurve([]), table: () => charts.tableGapCurve([]) },
  'its-default': { chart: (o) => charts.itsChart(its0.monthly, its0.its, o), describe: () => charts.describeIts(its0.monthly, its0.its), table: () => charts.tableIts(its0.monthly, its0.its) },
  'its-gap3': { chart: (o) => charts.itsChart(its3.monthly, its3.its, { ...o, gap: 3 }), describe: () => charts.describeIts(its3.monthly, its3.its, { gap: 3 }), table: () => charts.tableIts(its3.monthly, its3.its, { gap: 3 }) },
  'its-unfitted': { chart: (o) => charts.itsChart(twoMonths, unfitted, o), describe: () => charts.describeIts(twoMonths, unfitted), table: () => charts.tableIts(twoMonths, unfitted) },
  'its-empty': { chart: (o) => charts.itsChart([], unfitted, o), describe: () => charts.describeIts([], unfitted), table: () => charts.tableIts([], unfitted) },
  'leaveOneOut-default': { chart: (o) => charts.leaveOneOutChart(loo, observed, o), describe: () => charts.describeLeaveOneOut(loo, observed), table: () => charts.tableLeaveOneOut(loo, observed) },
  'leaveOneOut-empty': { chart: (o) => charts.leaveOneOutChart([], null, o), describe: () => charts.describeLeaveOneOut([], null), table: () => charts.tableLeaveOneOut([], null) },
  'specificationCurve-default': { chart: (o) => charts.specificationCurveChart(specs, isStudyView, o), describe: () => charts.describeSpecificationCurve(specs, isStudyView), table: () => charts.tableSpecificationCurve(specs, isStudyView) },
  'specificationCurve-mixed': { chart: (o) => charts.specificationCurveChart(mixedSpecs, 0, o), describe: () => charts.describeSpecificationCurve(mixedSpecs, 0), table: () => charts.tableSpecificationCurve(mixedSpecs, 0) },
  'specificationCurve-empty': { chart: (o) => charts.specificationCurveChart([], undefined, o), describe: () => charts.describeSpecificationCurve([]), table: () => charts.tableSpecificationCurve([]) },
};

const group = (figure: Figure, className: string) => [...svgOf(figure).querySelectorAll(`g.${className}`)];
const elements = (figure: Figure, className: string) => group(figure, className).flatMap((g) => [...g.children]);
/** Where a dot is drawn: a circle's centre, or a symbol path's translation. */
function position(e: Element): [number, number] {
  const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
  return t ? [Number(t[1]), Number(t[2])] : [Number(e.getAttribute('cx')), Number(e.getAttribute('cy'))];
}
const close = (a: number, b: number, what: string, tolerance = 1e-6) => assert.ok(Math.abs(a - b) <= tolerance, `${what}: ${a} ≠ ${b}`);

describe('robustness figures: snapshots, labels and text alternatives', () => {
  for (const [name, c] of Object.entries(cases)) {
    test(name, () => {
      const figure = c.chart(options);
      assertSnapshot(name, figure);
      const svg = svgOf(figure);
      assert.ok(svg.getAttribute('aria-label'), 'every figure has an aria-label');
      assert.equal(svg.getAttribute('aria-description'), c.describe());
      assert.equal(svg.querySelector('title'), null, 'no information only in a hover title');
      assert.doesNotMatch(svg.outerHTML, /NaN|undefined|Infinity|@import|url\(http/);
      const table = c.table();
      assert.ok(table.caption);
      assert.doesNotMatch(JSON.stringify(table), /NaN|undefined|Infinity/);
      for (const row of table.rows) assert.equal(row.length, table.columns.length, 'every row has a cell per column');
    });
  }
});

test('chart text is never smaller than 11px, and figures are drawn at the width asked for', () => {
  for (const width of [320, 390, 640, 1200]) {
    for (const [name, c] of Object.entries(cases)) {
      const svg = svgOf(c.chart({ ...options, width }));
      assert.equal(svg.getAttribute('width'), String(width), `${name} at ${width}px`);
      assert.match(svg.getAttribute('style') ?? '', /font-size:\s*12px/, `${name}: base text size`);
      for (const el of svg.querySelectorAll('[font-size]')) assert.ok(Number(el.getAttribute('font-size')) >= 11, `${name} at ${width}px: font-size ${el.getAttribute('font-size')}`);
    }
  }
});

describe('nullWorldChart', () => {
  test('the axis has a tick on the side of a fall at every width (a phone had only "−50%" and "0%", the observed fall on none)', () => {
    const r = analyse(bundled, { window: 12, categories: ['violence', 'drugs'] });
    const phoneWorld = nullWorldFor(r, DEFAULT_SELECTION, DEFAULT_LOOKBACK);
    for (const [w, o, width] of [[world, observed, 640], [phoneWorld, phoneWorld.observedFall, 320], [phoneWorld, phoneWorld.observedFall, 350], [phoneWorld, phoneWorld.observedFall, 640]] as const) {
      const figure = charts.nullWorldChart(w, o, { ...options, width });
      const ticks = [...svgOf(figure).querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => t.textContent!);
      assert.ok(ticks.some((t) => /^\d+%$/.test(t) && t !== '0%'), `${width}px: ${ticks.join(' ')}`);
    }
  });

  test('the bins count every simulated cohort once, and the observed fall is marked where it is and named', () => {
    const bins = charts.fallBins(world.falls);
    assert.equal(bins.reduce((s, b) => s + b.cohorts, 0), world.falls.length);
    for (const f of world.falls) assert.equal(bins.filter((b) => f >= b.from - 1e-9 && f < b.to - 1e-9).length, 1, `fall ${f} is in exactly one bin`);
    const figure = charts.nullWorldChart(world, observed, options);
    assert.equal(elements(figure, 'fall-bins').length, bins.length);
    const x = figure.scale('x')!;
    const [rule] = elements(figure, 'observed-fall');
    close(x.invert!(Number(rule.getAttribute('x1'))) as number, observed, 'observed rule');
    assert.ok(svgOf(figure).textContent!.includes(`Observed: a ${formatPercent(observed)} fall`));
    const [bracket] = elements(figure, 'middle-95');
    close(x.invert!(Number(bracket.getAttribute('x1'))) as number, world.interval![0], '2.5%');
    close(x.invert!(Number(bracket.getAttribute('x2'))) as number, world.interval![1], '97.5%');
    const table = charts.tableNullWorld(world, observed);
    assert.deepEqual(table.rows.map((r) => Number(r[2])), bins.map((b) => b.cohorts));
    assert.match(table.caption, new RegExp(`observed fall ${formatPercent(observed)}`));
    const share = world.falls.filter((f) => f >= observed).length;
    assert.match(charts.describeNullWorld(world, observed), new RegExp(`; ${share === 0 ? "none" : share} of the 1,000 simulated cohorts`));
  });

  test('the table\'s bin edges are the bins\' own: bins 2.5 points wide are written to a tenth (a peer reviewer read "−53% to −50%" for a bin from −52.5%)', () => {
    // Falls spread over 92 points: 2.5-point bins (WIDTHS: the first that keeps 40 bins or fewer).
    const spread: NullWorld = { ...world, falls: [-0.52, -0.49, 0, 0.4] };
    const bins = charts.fallBins(spread.falls);
    assert.ok(Math.abs(bins[1].from - bins[0].from - 0.025) < 1e-12);
    const rows = charts.tableNullWorld(spread, null).rows;
    assert.deepEqual(rows.slice(0, 2).map((r) => r.slice(0, 2)), [['−52.5%', '−50%'], ['−50%', '−47.5%']]);
    // Each row's end is the next row's start, and every edge is a multiple of the width.
    rows.slice(1).forEach((r, k) => assert.equal(r[0], rows[k][1]));
    // Whole-point bins keep whole percentages.
    assert.deepEqual(charts.tableNullWorld({ ...world, falls: [0.1, 0.3] }, null).rows[0].slice(0, 2), ['10%', '11%']);
  });

  test('a rise is said as a rise, and no observed fall draws no rule', () => {
    const rising: NullWorld = { ...world, falls: [-0.3, -0.2, -0.1], mean: -0.2, interval: [-0.295, -0.105] };
    assert.match(charts.describeNullWorld(rising, null), /the average change in arrests was a 20% rise; 95% of the cohorts had between a 30% rise and an 11% rise\.$/);
    assert.equal(elements(charts.nullWorldChart(rising, null, options), 'observed-fall').length, 0);
    // "an" where the number is read with a vowel first (eight, eleven, eighteen, eighty-…)
    const an: NullWorld = { ...world, falls: [0.08, 0.18, 0.8], mean: 0.11, interval: [0.083, 0.85] };
    assert.match(charts.describeNullWorld(an, 0.8), /was an 11% fall; 95% of the cohorts had between an 8% fall and an 85% fall\. The data show an 80% fall;/);
    assert.ok(svgOf(charts.nullWorldChart(an, 0.18, options)).textContent!.includes('Observed: an 18% fall'));
    // An observed rise: the cohorts that did at least as well rose no more, or fell.
    assert.match(charts.describeNullWorld(rising, -0.15), /The data show a 15% rise; 1 of the 3 simulated cohorts \(33%\) rose no more than that, or fell\.$/);
  });

  test('every simulated cohort is counted, and those with no arrests before (no fall) are said to be left out', () => {
    const withDropped: NullWorld = { ...world, falls: world.falls.slice(1), dropped: 1 };
    const words = charts.describeNullWorld(withDropped, observed);
    assert.match(words, /^In 1,000 simulated cohorts of /);
    assert.match(words, /; 1 had no arrests before, so no fall, and is left out\. The data show /);
    assert.match(words, / of the 999 simulated cohorts with arrests before \(/);
    assert.match(charts.describeNullWorld({ ...withDropped, falls: world.falls.slice(3), dropped: 3 }, observed), /; 3 had no arrests before, so no fall, and are left out\./);
    assert.doesNotMatch(charts.describeNullWorld(world, observed), /no arrests before|with arrests before/);
  });
});

describe('gapCurveChart', () => {
  test('a dot per reduction and an interval per interval, overall drawn thicker; the table has the same numbers', () => {
    const figure = charts.gapCurveChart(gaps, options);
    assert.equal(elements(figure, 'gap-points').length, events.filter((r) => r.reduction !== null).length, 'arrests only, by default');
    assert.equal(elements(figure, 'gap-intervals').length, events.filter((r) => r.reduction !== null && r.ci !== null).length);
    const y = figure.scale('y')!;
    const overall = events.filter((r) => r.group === 'overall');
    const [overallDots] = group(figure, 'gap-points').slice(-1); // drawn last, on top
    [...overallDots.children].forEach((dot, k) => {
      close(y.invert!(position(dot)[1]) as number, overall[k].reduction!, `overall at gap ${overall[k].gap}`);
    });
    const table = charts.tableGapCurve(gaps);
    assert.match(table.caption, /^Reduction in arrests \(95% interval\)/);
    assert.deepEqual(table.columns, ['Months left out either side', 'All selected categories', 'Modern slavery', 'Violence', 'Drugs', 'Other offences']);
    assert.deepEqual(table.rows.map((r) => r[1]), overall.map((r) => charts.reductionCell(r.reduction, r.ci)));
    assert.equal(charts.reductionCell(0.5571, [0.466, 0.691]), '56% (47% to 69%)');
  });

  test('each group has a dot shape of its own, in the plot and in the key, so the lines are told apart without colour (printed in grey)', () => {
    const figure = charts.gapCurveChart(gaps, options);
    const shapes = (g: Element) => new Set([...g.children].map((dot) => dot.getAttribute('d')));
    const [categoryDots, overallDots] = group(figure, 'gap-points');
    const overall = shapes(overallDots);
    assert.equal(overall.size, 1, 'the overall line: one shape');
    // the categories' dots: one shape per category (4), none of them the overall line's
    const categories = shapes(categoryDots);
    assert.equal(categories.size, 4);
    assert.ok([...overall].every((d) => !categories.has(d)));
    // the key draws a shape beside each name, outside the plot's own dots: the four categories'
    // closed shapes, and the overall line's circle
    const svg = svgOf(figure);
    const plotted = new Set([...categoryDots.children, ...overallDots.children]);
    const keyShapes = new Set([...svg.querySelectorAll('path')].filter((p) => !plotted.has(p) && /Z$/.test(p.getAttribute('d') ?? '')).map((p) => p.getAttribute('d')));
    assert.equal(keyShapes.size, 4, [...keyShapes].join(' | '));
    assert.ok([...svg.querySelectorAll('circle')].some((c) => !plotted.has(c)), 'the overall line\'s circle in the key');
  });

  test('a group with no reduction at a gap draws no dot there, and is said', () => {
    const rows: GapCurveRow[] = [
      { gap: 0, measure: 'events', group: 'overall', groupName: 'All selected categories', pre: 100, post: 50, reduction: 0.5, ci: null },
      { gap: 1, measure: 'events', group: 'overall', groupName: 'All selected categories', pre: 100, post: 40, reduction: 0.6, ci: [0.4, 0.7] },
      { gap: 0, measure: 'events', group: 'violence', groupName: 'Violence', pre: 0, post: 0, reduction: null, ci: null },
      { gap: 1, measure: 'events', group: 'violence', groupName: 'Violence', pre: 0, post: 0, reduction: null, ci: null },
    ];
    const figure = charts.gapCurveChart(rows, options);
    assert.equal(elements(figure, 'gap-points').length, 2);
    assert.equal(elements(figure, 'gap-intervals').length, 1);
    assert.match(charts.describeGapCurve(rows), /Violence: no reduction at any gap/);
    assert.deepEqual(charts.tableGapCurve(rows).rows, [['0', '50% (no interval)', 'n/a'], ['1', '60% (40% to 70%)', 'n/a']]);
    assert.equal(charts.describeGapCurve(rows, { measure: 'harm' }), 'No reductions to show for any gap.', 'no harm rows, nothing for harm');
  });

  test('a fall clear of no change with no months left out, whose interval takes in no change at some gaps, is named with those gaps', () => {
    const row = (gap: number, reduction: number, ci: [number, number] | null): GapCurveRow => ({ gap, measure: 'harm', group: 'violence', groupName: 'Violence', pre: 100, post: 100 * (1 - reduction), reduction, ci });
    const steady = (gap: number): GapCurveRow => ({ gap, measure: 'harm', group: 'overall', groupName: 'All selected categories', pre: 100, post: 20, reduction: 0.8, ci: [0.7, 0.9] });
    const gone = [steady(0), steady(1), steady(2), steady(3), row(0, 0.6, [0.28, 0.81]), row(1, 0.5, [0.1, 0.8]), row(2, 0.02, [-0.33, 0.33]), row(3, -0.15, [-1.2, 0.45])];
    const words = charts.describeGapCurve(gone, { measure: 'harm' });
    assert.match(words, / Violence: the fall is clear of no change with no months left out \(60%, interval 28% to 81%\), but its interval takes in no change with 2 or 3 months left out, so it rests on the months nearest the order\./);
    assert.doesNotMatch(words, /All selected categories: the fall is clear/, 'a fall clear at every gap is not named');
    // Lost at one gap only and regained: named, without the claim that it rests on the months nearest the order.
    const once = [row(0, 0.6, [0.28, 0.81]), row(1, 0.3, [0, 0.6]), row(2, 0.5, [0.2, 0.7])];
    assert.match(charts.describeGapCurve(once, { measure: 'harm' }), /Violence: the fall is clear of no change with no months left out \(60%, interval 28% to 81%\), but its interval takes in no change with 1 month left out\.$/);
    // Not clear to begin with: nothing to lose.
    const never = [row(0, 0.6, [-0.1, 0.81]), row(1, 0.3, [-0.2, 0.6])];
    assert.doesNotMatch(charts.describeGapCurve(never, { measure: 'harm' }), /clear of no change/);
    // The study's view: violence harm's fall, clear with no months left out, is not from 3 months on (the engine's rows).
    assert.match(charts.describeGapCurve(gaps, { measure: 'harm' }), /Violence: the fall is clear of no change with no months left out \(60%, interval \d+% to \d+%\), but its interval takes in no change with 3, 4, 5 or 6 months left out, so it rests on the months nearest the order\./);
    assert.doesNotMatch(charts.describeGapCurve(gaps), /clear of no change/, 'every fall in arrests stays clear at every gap');
  });

  test('an interval from exactly 0% is not clear of no change, and one just above it is, printed so; with one category, the fall is named once (a sweep: ?w=6&c=drugs&weights=low)', () => {
    const row = (gap: number, group: string, ci: [number, number]): GapCurveRow => ({ gap, measure: 'harm', group, groupName: group === 'overall' ? 'All selected categories' : 'Drugs', pre: 100, post: 33, reduction: 0.67, ci });
    const touching = [row(0, 'drugs', [0, 0.999]), row(1, 'drugs', [0.005, 0.999]), row(2, 'drugs', [0, 0.999])];
    assert.doesNotMatch(charts.describeGapCurve(touching, { measure: 'harm' }), /clear of no change/, 'from exactly 0%, the fall is not clear to begin with');
    // Just above 0 (a reviewer: −0.04% and 0.45% both printed "0%"), the interval prints what it is, and is clear.
    const justAbove = [row(0, 'drugs', [0.0045, 0.999]), row(1, 'drugs', [0.2, 0.999]), row(2, 'drugs', [-0.0004, 0.999]), row(3, 'drugs', [-0.1, 0.999])];
    const above = charts.describeGapCurve(justAbove, { measure: 'harm' });
    assert.match(above, /Drugs: the fall is clear of no change with no months left out \(67%, interval 0\.5% to 99\.9%\), but its interval takes in no change with 2 or 3 months left out/);
    const one = [row(0, 'overall', [0.2, 0.9]), row(1, 'overall', [-0.1, 0.9]), row(0, 'drugs', [0.2, 0.9]), row(1, 'drugs', [-0.1, 0.9])];
    const words = charts.describeGapCurve(one, { measure: 'harm' });
    assert.equal(words.match(/the fall is clear of no change/g)?.length, 1, words);
    assert.match(words, / Drugs: the fall is clear of no change/);
  });

  test('a window too short for a gap says so, rather than "for gaps of 0 months"; two gaps are listed with "and"', () => {
    const one = charts.describeGapCurve(gapRows(bundled, bundled.categories, { window: 1 }));
    assert.match(one, /^The reduction in arrests with no months left out, as the window is too short to leave any out: All selected categories −?\d+% \(no months left out\);/);
    assert.doesNotMatch(one, /gaps? of 0|0 months/);
    assert.match(charts.describeGapCurve(gapRows(bundled, bundled.categories, { window: 2 })), /, for gaps of 0 and 1 months: /);
  });

  test('harm: its own rows drawn where they are, the measure and its weights named in the words, table and axis, the category colours kept', () => {
    const figure = charts.gapCurveChart(gaps, { ...options, measure: 'harm' });
    assert.equal(elements(figure, 'gap-points').length, harm.filter((r) => r.reduction !== null).length);
    const y = figure.scale('y')!;
    const overall = harm.filter((r) => r.group === 'overall');
    [...group(figure, 'gap-points').at(-1)!.children].forEach((dot, k) => {
      close(y.invert!(position(dot)[1]) as number, overall[k].reduction!, `overall harm at gap ${overall[k].gap}`);
    });
    const table = charts.tableGapCurve(gaps, { measure: 'harm' });
    assert.equal(table.caption, 'Reduction in harm (CCHI days) (95% interval) with the months around the order left out, by months left out either side');
    assert.deepEqual(table.columns, charts.tableGapCurve(gaps).columns, 'the same groups as the arrests');
    for (const [k, gap] of [0, 1, 2, 3, 4, 5, 6].entries()) {
      const mine = harm.filter((r) => r.gap === gap);
      assert.deepEqual(table.rows[k], [String(gap), ...mine.map((r) => charts.reductionCell(r.reduction, r.ci))], `harm at gap ${gap}`);
    }
    assert.match(charts.describeGapCurve(gaps, { measure: 'harm' }), /^The reduction in harm \(CCHI days\) as the months around the order are left out/);
    // A fall that left some harm behind is never "100%" in words (modern slavery at gap 6: 9,490 to 20 days).
    const nearlyAll = harm.find((r) => r.group === 'modern_slavery' && r.gap === 6)!;
    assert.ok(nearlyAll.reduction! > 0.995 && nearlyAll.reduction! < 1, String(nearlyAll.reduction));
    assert.match(charts.describeGapCurve(gaps, { measure: 'harm' }), /Modern slavery from \d+% \(no months left out\) to more than 99% \(months −6 to \+6 left out\)/);
    assert.equal(svgOf(figure).getAttribute('aria-label'), 'Reduction in harm as the months around the order are left out');
    // The axis names no unit: a reduction is a share, whatever scale the harm is on (a reader's own harm column has one of its own).
    assert.ok(svgOf(figure).textContent!.includes('Reduction in harm (95% interval)'));
    assert.doesNotMatch(svgOf(figure).textContent!, /CCHI/);
    // the same colour per group on both figures
    const strokes = (f: Figure) => elements(f, 'gap-points').map((e) => e.getAttribute('stroke'));
    assert.deepEqual(strokes(figure), strokes(charts.gapCurveChart(gaps, options)));
    assert.match(charts.tableGapCurve(lowGaps, lowHarm).caption, /^Reduction in harm \(CCHI days, the harm index's low weights\) \(95% interval\)/);
  });

  test('an interval reaching below −100% is cut there, marked, and said; the table keeps it whole', () => {
    const drawn = lowGaps.filter((r) => r.measure === 'harm' && r.reduction !== null);
    const floor = Math.min(-1, ...drawn.map((r) => r.reduction!));
    const cut = drawn.filter((r) => r.ci !== null && r.ci[0] < floor);
    assert.ok(cut.length > 0, 'the low weights, 12 months, violence and drugs, give intervals below −100%');
    const figure = charts.gapCurveChart(lowGaps, { ...options, ...lowHarm });
    assert.equal(elements(figure, 'gap-cut').length, cut.length);
    const y = figure.scale('y')!;
    for (const e of elements(figure, 'gap-intervals')) {
      const lowest = Math.min(y.invert!(Number(e.getAttribute('y1'))) as number, y.invert!(Number(e.getAttribute('y2'))) as number);
      assert.ok(lowest >= floor - 1e-9, `an interval drawn down to ${lowest}`);
    }
    assert.ok(([...y.domain!][0] as number) >= floor - 0.5, 'the axis is not stretched to the longest interval');
    const words = charts.describeGapCurve(lowGaps, lowHarm);
    assert.ok(words.endsWith(` Intervals reaching below ${formatPercent(floor)} are cut there; the table gives them in full.`), words);
    const cells = charts.tableGapCurve(lowGaps, lowHarm).rows.flat();
    for (const r of cut) assert.ok(cells.includes(charts.reductionCell(r.reduction, r.ci)), `${r.group} at gap ${r.gap} in full`);
    assert.equal(elements(charts.gapCurveChart(gaps, options), 'gap-cut').length, 0, 'no cut, no mark');
    assert.doesNotMatch(charts.describeGapCurve(gaps), /cut/);
  });
});

describe('itsChart', () => {
  test('the fitted lines are the segmented regression: intercept + preSlope·m before, + level + (preSlope + slopeChange)·m after', () => {
    const { monthly, its } = its3;
    const f = { intercept: its.intercept!, preSlope: its.preSlope!, level: its.level!, slopeChange: its.slopeChange! };
    const lines = charts.itsLines(monthly, its);
    const end = (line: string, month: number) => lines.find((p) => p.line === line && p.month === month)!.value;
    close(end('before', -24), f.intercept + f.preSlope * -24, 'before at −24', 1e-12);
    close(end('before', -4), f.intercept + f.preSlope * -4, 'before at −4', 1e-12);
    close(end('after', 4), f.intercept + f.level + (f.preSlope + f.slopeChange) * 4, 'after at +4', 1e-12);
    close(end('after', 24), f.intercept + f.level + (f.preSlope + f.slopeChange) * 24, 'after at +24', 1e-12);
    close(end('counterfactual', 24), f.intercept + f.preSlope * 24, 'the line before, continued, at +24', 1e-12);
    const figure = charts.itsChart(monthly, its, { ...options, gap: 3 });
    assert.equal(elements(figure, 'its-fitted').length, 2);
    assert.equal(elements(figure, 'its-counterfactual').length, 1);
    const [shade] = elements(figure, 'its-gap');
    const x = figure.scale('x')!;
    close(x.invert!(Number(shade.getAttribute('x'))) as number, -3.5, 'gap from −3.5');
    close(x.invert!(Number(shade.getAttribute('x')) + Number(shade.getAttribute('width'))) as number, 3.5, 'gap to +3.5');
    assert.equal(elements(charts.itsChart(its0.monthly, its0.its, options), 'its-gap').length, 0, 'no gap, no shading');
    // the words carry the p-values and the caveat
    const words = charts.describeIts(monthly, its, { gap: 3 });
    assert.ok(words.includes(formatP(its.levelP)) && words.includes(formatP(its.slopeChangeP)));
    assert.match(words, /autocorrelated/);
    // the table: fitted values on every month, the continued line after the order only
    const table = charts.tableIts(monthly, its, { gap: 3 });
    assert.equal(table.rows.length, monthly.length);
    assert.ok(table.rows.every((r) => (r[0].startsWith('−') ? r[3] === '' : r[3] !== '')));
  });

  test('without a fit the months are drawn with no lines, and the reason is said', () => {
    const figure = charts.itsChart(twoMonths, unfitted, options);
    assert.equal(elements(figure, 'its-fitted').length, 0);
    assert.match(charts.describeIts(twoMonths, unfitted), /No lines are drawn: two lines need at least two months on each side/);
    assert.deepEqual(charts.tableIts(twoMonths, unfitted).columns, ['Month', 'Arrests per month']);
    assert.match(charts.describeIts(its0.monthly, its0.its, { measure: 'harm' }), /^Harm per month/);
  });
});

describe('leaveOneOutChart', () => {
  test('a dot per person at their influence, in the order given; the full reduction and the range in words', () => {
    const figure = charts.leaveOneOutChart(loo, observed, options);
    const dots = elements(figure, 'influence');
    assert.equal(dots.length, loo.filter((r) => r.influence !== null).length);
    const x = figure.scale('x')!;
    dots.forEach((dot, k) => {
      close(x.invert!(position(dot)[0]) as number, loo[k].influence!, loo[k].label);
    });
    assert.deepEqual(figure.scale('y')!.domain, loo.map((r) => r.label));
    const { min, max } = study.leaveOneOut.events;
    const words = charts.describeLeaveOneOut(loo, observed);
    assert.ok(words.includes(`so it stays between ${formatPercent(min)} and ${formatPercent(max)}`), words);
    assert.ok(words.includes(`(${formatPercent(observed)} with everyone)`));
    assert.doesNotMatch(JSON.stringify(charts.tableLeaveOneOut(loo, observed)), /O-[A-Z0-9]{6}/, 'no order id, only pseudonyms');
    assert.deepEqual(charts.tableLeaveOneOut(loo, observed).rows[0], [loo[0].label, charts.formatPoints(loo[0].influence), formatPercent(observed + loo[0].influence!)]);
  });

  test('people without a value are listed, not drawn; percentage points are signed to one decimal', () => {
    const rows: LeaveOneOutRow[] = [{ label: 'Person 1', influence: -0.031 }, { label: 'Person 2', influence: null }];
    assert.equal(elements(charts.leaveOneOutChart(rows, 0.5, options), 'influence').length, 1);
    assert.match(charts.describeLeaveOneOut(rows, 0.5), /1 person has no value/);
    assert.deepEqual(charts.tableLeaveOneOut(rows, 0.5).rows, [['Person 1', '−3.1 points', '47%'], ['Person 2', 'n/a', 'n/a']]);
    assert.deepEqual([0.0004, -0.0004, 0.05, null].map(charts.formatPoints), ['0 points', '0 points', '+5.0 points', 'n/a']);
  });
});

describe('specificationCurveChart', () => {
  test('issue 8\'s multiverse: 180 specifications, each mark carrying its index; significance by shape and colour', () => {
    assert.equal(specs.length, 180);
    const figure = charts.specificationCurveChart(mixedSpecs, 0, options);
    const sig = elements(figure, 'spec-significant');
    const not = elements(figure, 'spec-not-significant');
    assert.ok(sig.length > 0 && not.length > 0, 'the mixed case has both kinds');
    assert.equal(sig.length + not.length, mixedSpecs.filter((s) => s.reduction !== null).length);
    const index = (e: Element) => Number(e.getAttribute('data-spec'));
    assert.ok(sig.every((e) => mixedSpecs[index(e)].significant), 'every circle is a significant specification');
    assert.ok(not.every((e) => !mixedSpecs[index(e)].significant), 'every triangle is not');
    assert.deepEqual([sig[0].tagName.toLowerCase(), not[0].tagName.toLowerCase(), not[0].getAttribute('d')!.split('L').length], ['circle', 'path', 3], 'circles and triangles');
    const [sigGroup, notGroup] = [group(figure, 'spec-significant')[0], group(figure, 'spec-not-significant')[0]];
    assert.notEqual(sigGroup.getAttribute('fill'), notGroup.getAttribute('stroke'), 'different colours');
    // sorted: the dots' heights follow the ranks
    const y = figure.scale('y')!;
    const x = figure.scale('x')!;
    const ranked = charts.rankSpecifications(mixedSpecs);
    for (const e of [...sig, ...not]) {
      const [px, py] = position(e);
      const s = ranked.find((r) => r.index === index(e))!;
      close(x.invert!(px) as number, s.rank, `spec ${s.index}: rank`);
      close(y.invert!(py) as number, s.reduction!, `spec ${s.index}: reduction`);
    }
    // each specification has one tick per choice made: window, gap, measure, weights (harm only), test
    const ticks = elements(figure, 'spec-choice');
    for (const s of ranked) assert.equal(ticks.filter((t) => index(t) === s.index).length, s.weights === null ? 4 : 5, `spec ${s.index}`);
    assert.ok(elements(figure, 'spec-interval').every((e) => mixedSpecs[index(e)].ci !== null));
  });

  test('the current view is highlighted, found by index or by a test, and named in the words and the table', () => {
    const at = specs.findIndex(isStudyView);
    for (const current of [at, isStudyView] as const) {
      const figure = charts.specificationCurveChart(specs, current, options);
      assert.equal(elements(figure, 'spec-current').length, 1);
      const rank = charts.rankSpecifications(specs).find((s) => s.index === at)!.rank;
      assert.match(charts.describeSpecificationCurve(specs, current), new RegExp(`The current view \\(arrests, a 24-month window, gap 0, Wilcoxon, R 4\\.6\\) is number ${rank}, a reduction of ${formatPercent(observed)}, significant at 5%\\.`));
      const table = charts.tableSpecificationCurve(specs, current);
      assert.deepEqual(table.rows.filter((r) => r.at(-1) === 'yes').map((r) => r[0]), [String(rank)]);
    }
    // "an 18-month window", "a 6-month window"
    const eighteen = specs.findIndex((s) => s.measure === 'events' && s.window === 18 && s.gap === 0 && s.test === 'current');
    assert.match(charts.describeSpecificationCurve(specs, eighteen), /The current view \(arrests, an 18-month window, gap 0, /);
    assert.match(charts.describeSpecificationCurve(specs, specs.findIndex((s) => s.measure === 'events' && s.window === 6)), /The current view \(arrests, a 6-month window, /);
    assert.equal(elements(charts.specificationCurveChart(specs, undefined, options), 'spec-current').length, 0);
    assert.equal(elements(charts.specificationCurveChart(specs, 999, options), 'spec-current').length, 0, 'an index outside the list highlights nothing');
  });

  test('the headline share, and specifications without a reduction listed last and not drawn', () => {
    const falls = mixedSpecs.filter((s) => s.significant && s.reduction! > 0).length;
    assert.match(charts.describeSpecificationCurve(mixedSpecs), new RegExp(`^${falls} of 180 specifications \\(${formatPercent(falls / 180)}\\) show a fall that is significant at the 5% level\\.`));
    const withNull: SpecificationRow[] = [{ ...specs[0], reduction: null, ci: null, p: null, significant: false }, specs[1]];
    const figure = charts.specificationCurveChart(withNull, undefined, options);
    assert.equal(elements(figure, 'spec-significant').length + elements(figure, 'spec-not-significant').length, 1);
    assert.match(charts.describeSpecificationCurve(withNull), /1 specification has no reduction \(nothing before\) and is not drawn\./);
    const rows = charts.tableSpecificationCurve(withNull).rows;
    assert.deepEqual([rows[0][0], rows[1][0], rows[1][6]], ['1', '', 'n/a']);
    // harm from the data's own column (a reader's data without a harm index) is its own choice
    const own: SpecificationRow[] = [{ ...specs[3], weights: 'data' }, specs[0]];
    assert.deepEqual(charts.choiceRows(own).map((r) => r.label), ['Window 6 months', 'Gap 0 months', 'Arrests', 'Harm', 'Harm as given', 'Wilcoxon, R 4.6']);
    assert.match(charts.describeSpecificationCurve(own, 0), /The current view \(harm as given in the data, a 6-month window/);
    assert.equal(charts.tableSpecificationCurve(own, 0).rows.find((r) => r.at(-1) === 'yes')![4], 'as given');
  });

  test('a significant rise and a significant test that points against its total are ringed apart from the falls, named in the key, the words and the table (a re-check: a rise read "not significant")', () => {
    const fall: SpecificationRow = { ...specs[0], reduction: 0.4, ci: [0.1, 0.6], p: 0.01, lean: 1, significant: true };
    const rise: SpecificationRow = { ...specs[1], reduction: -0.3, ci: [-0.8, -0.1], p: 0.02, lean: -1, significant: false };
    const against: SpecificationRow = { ...specs[2], test: 'sign', reduction: -0.2, ci: [-0.9, 0.3], p: 0.003, lean: 1, significant: false };
    const none: SpecificationRow = { ...specs[3], reduction: 0.1, ci: [-0.2, 0.3], p: 0.4, lean: 1, significant: false };
    const four = [fall, rise, against, none];
    const figure = charts.specificationCurveChart(four, undefined, options);
    assert.equal(elements(figure, 'spec-significant').length, 1);
    assert.equal(elements(figure, 'spec-significant-other').length, 2);
    assert.equal(elements(figure, 'spec-not-significant').length, 1);
    assert.ok(svgOf(figure).textContent!.includes('Significant, not a fall'));
    // The key names only the kinds of mark drawn: without one, no ring in the key; with only falls, no triangle.
    assert.ok(!svgOf(charts.specificationCurveChart([fall, none], undefined, options)).textContent!.includes('Significant, not a fall'));
    assert.ok(!svgOf(charts.specificationCurveChart([fall], undefined, options)).textContent!.includes('Not significant'));
    assert.ok(!svgOf(charts.specificationCurveChart([none, rise], undefined, options)).textContent!.includes('Significant fall at 5%'));
    assert.match(charts.describeSpecificationCurve(four), /^1 of 4 specifications \(25%\) show a fall that is significant at the 5% level\. 1 shows a significant rise and 1 has a significant test that points the other way from the total \(ringed\)\. /);
    const ranked = charts.rankSpecifications(four);
    const words = (s: SpecificationRow) => charts.describeSpecification(ranked.find((r) => r.index === four.indexOf(s))!, 4);
    assert.match(words(rise), /, a significant rise at 5%\. /);
    assert.match(words(against), /, significant at 5%, but the test points by the count of people to falls, not to the rise in the total\. /);
    assert.match(charts.describeSpecification({ ...against, test: 'current', rank: 1 }, 4), /points by rank to falls, not to the rise in the total/);
    assert.match(words(none), /, not significant at 5%\. /);
    const cells = charts.tableSpecificationCurve(four).rows.map((r) => r[8]);
    assert.deepEqual(cells, ['yes, a rise', 'yes, against the total', 'no', 'yes, a fall']);
  });
});

describe('describeSpecification: the inspector\'s words for the specification picked out with the keys', () => {
  const ranked = charts.rankSpecifications(mixedSpecs);
  test('rank, window, gap, measure, weights, test, reduction with interval, p and significance, from the specification itself', () => {
    const harm = ranked.find((s) => s.measure === 'harm' && s.weights === 'high' && s.test === 'legacy' && s.ci !== null)!;
    const words = charts.describeSpecification(harm, ranked.length);
    assert.ok(words.startsWith(`Specification ${harm.rank} of ${ranked.length}, smallest reduction first: harm (high weights), a ${harm.window}-month window, gap ${harm.gap}, Wilcoxon, R ≤ 4.5. `), words);
    assert.ok(words.includes(`A reduction of ${formatPercent(harm.reduction)} (95% interval ${formatPercent(harm.ci![0])} to ${formatPercent(harm.ci![1])}), `), words);
    assert.ok(words.includes(harm.p! < 0.001 ? 'p\u00a0<\u00a00.001' : `p = ${formatP(harm.p)}`), words);
    assert.ok(words.includes(harm.significant ? ', significant at 5%.' : ', not significant at 5%.'), words);
    assert.ok(words.endsWith('Enter or Space sets the view to its window, gap, test and harm weights.'), words);
    const sign = ranked.find((s) => s.measure === 'events' && s.test === 'sign')!;
    assert.match(charts.describeSpecification(sign, ranked.length), /arrests, a \d+-month window, gap \d, Sign test\. .* Enter or Space sets the view to it \(the sign test has no view of its own, so the view keeps its Wilcoxon rule\)\.$/);
    assert.match(charts.describeSpecification(ranked[0], ranked.length, true), /This is the current view\.$/);
    assert.doesNotMatch(ranked.map((s) => charts.describeSpecification(s, ranked.length)).join(' '), /NaN|undefined|Infinity/);
    assert.match(charts.describeSpecification({ ...ranked[0], ci: null }, ranked.length), /\(no interval\)/);
  });
  test('picked out with a pointer, it says the pointer\'s second action sets the view, not Enter', () => {
    const harm = ranked.find((s) => s.measure === 'harm' && s.weights === 'high')!;
    assert.ok(charts.describeSpecification(harm, ranked.length, false, 'pointer').endsWith('“Show this view”, or a second tap or click on it, sets the view to its window, gap, test and harm weights.'));
    assert.match(charts.describeSpecification(ranked[0], ranked.length, true, 'pointer'), /This is the current view\.$/);
    assert.doesNotMatch(charts.describeSpecification(harm, ranked.length, false, 'pointer'), /Enter/);
    // one whose view is the current view, though it is not its specification: nothing to set
    assert.ok(charts.describeSpecification(harm, ranked.length, 'choices', 'pointer').endsWith('The current view already has its window, gap, test and harm weights.'));
    const sign = ranked.find((s) => s.measure === 'events' && s.test === 'sign')!;
    assert.ok(charts.describeSpecification(sign, ranked.length, 'choices').endsWith('The current view already has its window and gap (the sign test has no view of its own, so the view keeps its Wilcoxon rule).'));
    assert.match(charts.SPECIFICATION_HELP, /tap or click a specification’s marks to pick it out \(“Smaller” and “Larger” then step to its neighbours\), then “Show this view” \(or a second tap or click on it\) to set the view/);
  });
});

describe('the robustness figures registry (src/lib/robustnessFigures.ts)', () => {
  const data: { [K in RobustnessFigureName]: RobustnessFigureData[K] } = {
    nullWorld: { dist: world, observed },
    gapCurve: { rows: gaps, measure: 'harm', weights: 'data' },
    its: { monthly: its3.monthly, its: its3.its, gap: 3 },
    leaveOneOut: { rows: loo, full: observed },
    specificationCurve: { specs, current: isStudyView },
  };

  test('each entry draws, describes and tabulates with its chart file\'s functions, and is drawn accessible', () => {
    for (const name of Object.keys(ROBUSTNESS_FIGURES) as RobustnessFigureName[]) {
      const spec = ROBUSTNESS_FIGURES[name] as DataFigureSpec<RobustnessFigureData[typeof name]>;
      const d = data[name];
      const figure = drawRobustnessFigure(name, d, options);
      const svg = svgOf(figure);
      assert.equal(svg.getAttribute('role'), 'img', name);
      assert.equal(svg.getAttribute('aria-description'), null, `${name}: the caption (spec.describe) gives the description, once`);
      assert.ok(svg.getAttribute('aria-label'), name);
      assert.equal(svg.querySelectorAll('g[aria-label]').length, 0, `${name}: mark groups are hidden from assistive technology`);
      assert.ok(svg.querySelectorAll('g[data-mark]').length > 0, name);
      assert.ok(spec.title && spec.table(d).rows.length > 0, name);
    }
    assert.deepEqual(ROBUSTNESS_FIGURES.gapCurve.table(data.gapCurve), charts.tableGapCurve(gaps, { measure: 'harm' }), 'the measure reaches the table');
    assert.equal(ROBUSTNESS_FIGURES.gapCurve.describe(data.gapCurve), charts.describeGapCurve(harm, { measure: 'harm' }));
    assert.equal(ROBUSTNESS_FIGURES.its.describe(data.its), charts.describeIts(its3.monthly, its3.its, { gap: 3 }));
    // the data-spec attributes survive, for a page to make the curve clickable
    const curve = drawRobustnessFigure('specificationCurve', data.specificationCurve, options);
    assert.equal(svgOf(curve).querySelectorAll('[data-spec]').length, elements(curve, 'spec-significant').length + elements(curve, 'spec-not-significant').length + elements(curve, 'spec-interval').length + elements(curve, 'spec-choice').length);
  });

  test('accessibleFigure treats a drawing exactly as drawFigure does', () => {
    for (const name of ['perOrder', 'monthlyEvents', 'eventsByCategory'] as const) {
      const drawn = drawFigure(name, study, bundled, options);
      const same = accessibleFigure(FIGURES[name].draw(study, bundled, options));
      assert.equal(serialise(same as unknown as Element), serialise(drawn as unknown as Element), name);
    }
  });
});

test("gapCurveChart: a reader's own category keeps its colour from the dataset's list, as on every figure", () => {
  const rows: GapCurveRow[] = [
    { gap: 0, measure: 'events', group: 'overall', groupName: 'All selected categories', pre: 100, post: 50, reduction: 0.5, ci: null },
    { gap: 0, measure: 'events', group: 'theft', groupName: 'Theft', pre: 100, post: 60, reduction: 0.4, ci: null },
  ];
  const all = ['fraud', 'theft', 'arson'];
  const strokes = (o: ChartOptions) => group(charts.gapCurveChart(rows, o), 'gap-points').map((g) => g.children[0].getAttribute('stroke') ?? g.getAttribute('stroke'));
  assert.deepEqual(strokes({ ...options, allCategories: all }), [charts.categoryStroke('theft', all), '#000000']);
  assert.deepEqual(strokes(options), [charts.categoryStroke('theft', ['theft']), '#000000']);
});

test('an interrupted time series fitted exactly (two months each side) says why it has no p-values, not "p not available"', () => {
  const r = analyse(bundled, { window: 2 });
  const monthly = r.monthly.map((m) => ({ month: m.month, value: m.events }));
  assert.equal(r.its.events.levelP, null);
  const words = charts.describeIts(monthly, r.its.events);
  assert.doesNotMatch(words, /not available/);
  assert.match(words, /Neither change can be tested: four months fit the two lines exactly, leaving no degrees of freedom to estimate the error\. /);
  assert.doesNotMatch(words, /These p-values/);
  // a tested fit keeps its p-values and their caveat
  assert.match(charts.describeIts(its0.monthly, its0.its), /\(p = [0-9.]+|p < 0\.001/);
});

test('a share axis reaching a rise of 2,000% keeps its labels about 60px apart (a reviewer: 21 ticks in 260px at ?w=6&c=violence, "no change" over "−100%")', () => {
  const ticks = shareTicks(-20.3, 1.1, 260);
  assert.ok(ticks.length <= 5 && ticks.length >= 2, ticks.join(', '));
  assert.ok(ticks.includes(0));
  // The usual range keeps its usual steps.
  assert.deepEqual(shareTicks(-0.2, 1, 260), [0, 0.5, 1]);
});
