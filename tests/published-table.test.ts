// The published-versus-recomputed table says, in every view, what each number beside a label is:
// the published figure (the study's view) and the recomputed one (this view); and outside the
// study's view every verdict on the article's claims says it describes the synthetic data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { publishedTable, isStudyView } from '../src/lib/tables.ts';
import { valueAt } from '../src/lib/live.ts';
import { claimChecks, verdictParts } from '../src/lib/wording.ts';
import { formatNumber, formatP, formatPercent } from '../src/lib/format.ts';
import { bundled, readData } from './helpers/bundled.ts';

const published = JSON.parse(readData('published.json')) as { window: number; figures: { id: string; value: number }[]; claims: unknown[] };
const rowOf = (rows: string[][], start: string) => rows.find((r) => r[0].startsWith(start))!;

test('in the study\'s view each label names the one scope both numbers share', () => {
  const r = analyse(bundled);
  assert.equal(isStudyView(r), true);
  const { rows, caption } = publishedTable(r);
  assert.deepEqual(rowOf(rows, 'Offending events before'), ['Offending events before the order (24 months, all categories)', '210', String(r.events.pre)]);
  assert.deepEqual(rowOf(rows, 'Offending events after'), ['Offending events after the order (24 months, all categories)', '93', String(r.events.post)]);
  assert.equal(rowOf(rows, 'Reduction in offending events, violence')[0], 'Reduction in offending events, violence (24 months)');
  assert.match(caption, /study's view \(24 months, all categories\)/);
  for (const row of rows.slice(published.figures.length)) assert.doesNotMatch(row[2], /synthetic data/, row[2]);
});

test('at ?w=12&c=violence the label says the 210 is published for 24 months and the recomputed number is 12 months of violence', () => {
  const r = analyse(bundled, { window: 12, categories: ['violence'] });
  assert.equal(isStudyView(r), false);
  const { rows } = publishedTable(r);
  const before = rowOf(rows, 'Offending events before');
  assert.deepEqual(before, [
    'Offending events before the order: published for 24 months, all categories; recomputed here for 12 months, violence only',
    '210',
    String(r.events.pre),
  ]);
  assert.notEqual(r.events.pre, 210);
  assert.equal(rowOf(rows, 'Reduction in offending events, violence')[0], 'Reduction in offending events, violence: published for 24 months; recomputed here for 12 months');
  const drugs = rowOf(rows, 'Reduction in offending events, drugs');
  assert.equal(drugs[0], 'Reduction in offending events, drugs: published for 24 months; not recomputed here: drugs is not in this view');
  assert.equal(drugs[2], 'not in view');
  assert.equal(rowOf(rows, 'STROs issued')[2], '114', 'the register does not depend on the view');
});

test('outside the study\'s view every verdict on a claim says it describes the synthetic data, built for the study\'s view only', () => {
  const views = [{ window: 12, categories: ['violence'] }, { window: 24, categories: ['drugs', 'other'] }, { window: 1 }, { window: 6, categories: [] }];
  for (const v of views) {
    const r = analyse(bundled, v);
    const claims = publishedTable(r).rows.slice(published.figures.length);
    assert.ok(claims.length > 0);
    for (const [claim, , verdict] of claims) {
      assert.match(verdict, /^(Reproduced|Only weakly reproduced|Not reproduced|Cannot be checked) in the synthetic data for this view \(/, `${claim}: ${verdict}`);
      assert.match(verdict, /built to match only the study's view \(24 months, all categories\)/);
    }
  }
});

test('a view of one month is "1 month", and an empty view recomputes nothing it cannot', () => {
  const r = analyse(bundled, { window: 1, categories: [] });
  const { rows } = publishedTable(r);
  assert.equal(rowOf(rows, 'Offending events before')[0], 'Offending events before the order: published for 24 months, all categories; not recomputed here: no category is in this view');
  assert.equal(rowOf(rows, 'Offending events before')[2], 'not in view');
  const one = publishedTable(analyse(bundled, { window: 1 })).rows;
  assert.match(rowOf(one, 'Offending events after')[0], /recomputed here for 1 month, all categories$/);
  const two = publishedTable(analyse(bundled, { window: 1, categories: ['drugs', 'other'] })).rows;
  assert.match(rowOf(two, 'Offending events after')[0], /recomputed here for 1 month, drugs and other offences only$/);
});

test('at ?gap=12&weights=high the label says the recomputed number leaves out months, and for harm which weights it uses', () => {
  const r = analyse(bundled, { gap: 12, weights: 'high' });
  assert.equal(isStudyView(r), false);
  const { rows } = publishedTable(r);
  assert.equal(rowOf(rows, 'Offending events before')[0], 'Offending events before the order: published for 24 months, all categories; recomputed here for 24 months, all categories, leaving out 12 months either side of the order');
  const harm = rows.find((row) => row[0].startsWith('Reduction in total harm (CCHI), all categories together'));
  assert.ok(harm, 'a harm row');
  assert.match(harm![0], /recomputed here for 24 months, all categories, leaving out 12 months either side of the order, high harm weights$/);
  // weights alone: only the harm rows name them
  const weighted = publishedTable(analyse(bundled, { weights: 'low' })).rows;
  assert.match(rowOf(weighted, 'Offending events before')[0], /recomputed here for 24 months, all categories$/);
});

test("the published table's caption names the paired test's older rule when the view uses it", () => {
  const legacy = publishedTable(analyse(bundled, { wilcoxon: 'legacy' }));
  assert.match(legacy.caption, /in the study's view \(24 months, all categories\); reductions recomputed with the paired test's p, under R's older rule \(R 4\.5 and earlier\)$/);
  assert.doesNotMatch(publishedTable(analyse(bundled)).caption, /older rule/);
});

test('a reader\'s own data: the follow-up row names their design window, and a study category their data lack is "not a category of your data", not "not in this view" (an analyst)', async () => {
  const { validateDataset } = await import('../src/analysis/validate.ts');
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nP1,2019-Q1,analysed\nP2,2019-Q1,analysed\nP3,2019-Q1,excluded_followup\n' };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nP1,-3,theft,Theft,2\nP2,-2,theft,Theft,2\nP2,3,theft,Theft,2\n' };
  const { dataset } = validateDataset({ orders, events }, { designWindow: 12 });
  const r = analyse(dataset!);
  const rows = publishedTable(r, true).rows;
  const row = (start: string) => rows.find((x) => String(x[0]).startsWith(start))!;
  assert.deepEqual(row('STROs with two full years'), ['STROs with two full years before and after (in your data, the full design window of 12 months before and after)', '49', '2']);
  const violence = rows.find((x) => /violence/i.test(String(x[0])) && /^Reduction/.test(String(x[0])))!;
  assert.match(String(violence[0]), /not recomputed here: violence is not a category of your data$/);
  assert.equal(violence[2], 'not in your data');
  // The study's data, in a view without violence: "not in this view", as before.
  const study = publishedTable(analyse(bundled, { categories: ['drugs'] })).rows.find((x) => /violence/i.test(String(x[0])) && /^Reduction/.test(String(x[0])))!;
  assert.match(String(study[0]), /violence is not in this view$/);
  assert.equal(study[2], 'not in view');
});

test('outside the study\'s view the caption names every choice the right-hand column follows: the gap and the harm weights too (a copy-editor read "the current view (24 months, …)" beside rows of high-weight harm)', () => {
  const all = 'modern slavery, violence, drugs and other offences';
  assert.match(publishedTable(analyse(bundled, { weights: 'high' })).caption, new RegExp(`the current view \\(24 months, ${all}, harm from the high weights\\)`));
  assert.match(publishedTable(analyse(bundled, { gap: 6 })).caption, new RegExp(`the current view \\(24 months, ${all}, leaving out the 6 months either side of the order\\)`));
  assert.match(publishedTable(analyse(bundled, { window: 6, gap: 1, weights: 'low' })).caption, /\(6 months, .*, leaving out the 1 month either side of the order, harm from the low weights\)/);
});

test('each recomputed number in the table is a handle to its derivation, its text the value at its path: the counts, and a reduction and its p-value apart (a peer reviewer found the reproduction table the one place on the site whose numbers opened nothing)', () => {
  // (at 8 months with a gap of 7, some categories have nothing before: no reduction, and yet a p-value)
  const views = [analyse(bundled), analyse(bundled, { window: 12, categories: ['violence', 'other'] }), analyse(bundled, { window: 6, gap: 1, weights: 'high', wilcoxon: 'legacy' }), analyse(bundled, { categories: [] }), analyse(bundled, { window: 8, gap: 7 })];
  const figures = JSON.parse(readData('published.json')).figures as { measure: string; kind: string; category?: string }[];
  let pieces = 0;
  let noReduction = 0;
  let verdictHandles = 0;
  for (const r of views) {
    const { rows, paths } = publishedTable(r);
    assert.equal(paths!.length, rows.length);
    figures.forEach((f, i) => {
      const [label, publishedCell, cell] = [rows[i][0], rows[i][1], rows[i][2]];
      assert.deepEqual(paths![i].slice(0, 2), [null, null], label);
      const spec = paths![i][2];
      // The path each kind of figure must have, written here from the figure's own fields.
      const base = `${f.category && f.category !== 'overall' ? `byCategory.${f.category}.` : ''}${f.measure}`;
      const inView = f.measure === 'sample' || (f.category && f.category !== 'overall' ? r.categories.includes(f.category) : r.categories.length > 0);
      if (!inView) {
        assert.equal(spec, null, `${label}: nothing to open where nothing is recomputed`);
        return;
      }
      if (f.measure === 'sample') {
        const key = { issued: 'register', followup: 'withFollowup', analysed: 'analysed' }[f.kind]!;
        assert.equal(spec, `sample.${key}`, label);
        assert.equal(cell, formatNumber(valueAt(r, `sample.${key}` as never) as number), label);
      } else if (f.kind === 'pre' || f.kind === 'post') {
        assert.equal(spec, `${base}.${f.kind}`, label);
        assert.equal(cell, formatNumber(valueAt(r, spec as never) as number), label);
      } else {
        assert.ok(Array.isArray(spec), `${label}: a reduction and its p-value`);
        const handles = (spec as readonly (string | { text: string; path: string })[]).filter((x) => typeof x !== 'string') as { text: string; path: string }[];
        // Each number there is opens: the reduction, where there was something before, and the p-value, where the test gives one.
        const reduction = valueAt(r, `${base}.reduction` as never) as number | null;
        const p = valueAt(r, `${base}.test.p` as never) as number | null;
        if (reduction === null) noReduction++;
        assert.deepEqual(handles.map((h) => h.path), [...(reduction === null ? [] : [`${base}.reduction`]), ...(p === null ? [] : [`${base}.test.p`])], label);
        assert.deepEqual(handles.map((h) => h.text), [...(reduction === null ? [] : [formatPercent(reduction)]), ...(p === null ? [] : [formatP(p)])], label);
        // The pieces are the cell, word for word.
        assert.equal((spec as readonly (string | { text: string })[]).map((x) => (typeof x === 'string' ? x : x.text)).join(''), cell, label);
        pieces++;
      }
      assert.notEqual(publishedCell, '', label);
    });
    // The claims' verdicts: their numbers are the handles of Conclusions' verdict on the same claim
    // (a peer reviewer: "all 3 tests p < 0.05" and the like opened nothing here), and the pieces are the cell.
    claimChecks(r).forEach((c, k) => {
      const i = figures.length + k;
      const spec = paths![i][2];
      const conclusions = verdictParts(r, c.id).filter((x) => typeof x !== 'string') as { text: string; path: string }[];
      assert.deepEqual(paths![i].slice(0, 2), [null, null], c.claim);
      if (conclusions.length === 0) {
        assert.equal(spec, null, `${c.claim}: words only`);
        return;
      }
      assert.ok(Array.isArray(spec), c.claim);
      const handles = (spec as readonly (string | { text: string; path: string })[]).filter((x) => typeof x !== 'string');
      assert.deepEqual(handles, conclusions, c.claim);
      assert.equal((spec as readonly (string | { text: string })[]).map((x) => (typeof x === 'string' ? x : x.text)).join(''), rows[i][2], c.claim);
      verdictHandles += handles.length;
    });
  }
  assert.ok(verdictHandles > 20, `${verdictHandles} numbers in the verdicts`);
  assert.ok(pieces > 20, `${pieces} reductions with their p-values`);
  assert.ok(noReduction > 0, 'a p-value with no reduction beside it');
});
