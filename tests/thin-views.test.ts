// Too little data, in words: where the engine gives no interval it gives a reason (bootstrap.reason),
// and the page shows that reason where the interval would be, in the headline and the results
// tables; a view with fewer than FEW_ARRESTS arrests before the orders carries a plain warning.
// The truth here is the engine's own result for the same view (its reasons and its counts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { FEW_ARRESTS, fewArrestsWarning, headline, intervalCell, trendSentence } from '../src/lib/wording.ts';
import { describeMonthlyEvents, describeMonthlyHarm } from '../src/charts/index.ts';
import { resultsTable } from '../src/lib/tables.ts';
import { formatInterval } from '../src/lib/format.ts';
import { bundled } from './helpers/bundled.ts';

test('a one-month window says in words that its arrests are too few, and why there is no interval per category', () => {
  const r = analyse(bundled, { window: 1 });
  assert.ok(r.events.pre > 0 && r.events.pre < FEW_ARRESTS, `the 1-month view has ${r.events.pre} arrests before`);
  assert.ok(r.events.ci, 'the engine still gives an overall interval at 1 month');
  const warning = `Only ${r.events.pre} arrests before the orders in this view: too few to read much into, so read the change and its interval as a rough indication at best.`;
  assert.equal(fewArrestsWarning(r), warning);
  assert.ok(headline(r).endsWith(` ${warning}`), headline(r));

  const table = resultsTable(r, 'events');
  r.categories.forEach((c, k) => {
    const m = r.byCategory[c].events;
    const cell = table.rows[k + 1][4];
    assert.equal(cell, intervalCell(m));
    if (m.ci) assert.equal(cell, formatInterval(m.ci));
    else {
      assert.ok(m.bootstrap.reason, `${c}: no interval comes with a reason`);
      assert.equal(cell, `none: ${m.bootstrap.reason}`);
      assert.equal(table.paths![k + 1][4], null, 'a missing interval is words, not a number to derive');
    }
  });
  assert.ok(r.categories.some((c) => r.byCategory[c].events.ci === null), 'at 1 month some category has no interval');
});

test('a thin view whose interval is narrow is not called "too wide": its arrests are too few (?w=5&c=other)', () => {
  const r = analyse(bundled, { window: 5, categories: ['other'] });
  assert.ok(r.events.pre < FEW_ARRESTS && r.events.ci && r.events.ci[0] > 0, 'an interval clear of no change, on few arrests');
  assert.match(fewArrestsWarning(r), /^Only \d+ arrests before the orders in this view: too few to read much into/);
  assert.doesNotMatch(fewArrestsWarning(r), /too wide/);
});

test('the study\'s view has enough arrests: no warning, and every interval printed', () => {
  const r = analyse(bundled, {});
  assert.equal(fewArrestsWarning(r), '');
  assert.doesNotMatch(headline(r), /Only \d|no 95% interval/);
  for (const row of resultsTable(r, 'events').rows) assert.match(row[4], /^−?\d+% to −?\d+%$/);
});

test('where the overall interval is missing, the headline gives the engine\'s reason in its place', () => {
  // Search the views the bundled data allow for one whose overall events have no interval.
  for (let window = 1; window <= bundled.span; window++) {
    for (const c of bundled.categories) {
      const r = analyse(bundled, { window, categories: [c] });
      const e = r.events;
      if (e.ci || e.reduction === null || e.post === e.pre) continue;
      assert.ok(e.bootstrap.reason);
      assert.ok(headline(r).includes(`(no 95% interval: ${e.bootstrap.reason})`), headline(r));
      // One reason for the missing interval: the engine's, not a second one of the warning's own.
      if (e.pre < FEW_ARRESTS) {
        assert.ok(headline(r).endsWith(` Only ${e.pre} arrests before the orders in this view, so read the change as a rough indication at best.`), headline(r));
        assert.doesNotMatch(headline(r), /too few to put an interval on the change/);
      }
      return;
    }
  }
  assert.fail('no single-category view without an overall interval was found');
});

test('no warning in an empty view or one with nothing before', () => {
  assert.equal(fewArrestsWarning(analyse(bundled, { categories: [] })), '');
});

test("the harm table's caption says where a reader's harm comes from, and the study's weights only for the study's data", () => {
  const r = analyse(bundled, {});
  assert.match(resultsTable(r, 'harm').caption, /^Total harm \(CCHI days, illustrative weights\): 24 months/);
  const own = resultsTable(r, 'harm', 'days, from the harm column of events.csv').caption;
  assert.match(own, /^Total harm \(days, from the harm column of events\.csv\): 24 months/);
  assert.doesNotMatch(own, /illustrative/);
});

test('a trend that cannot be tested: the caption under the monthly chart says so, as the paragraph does, with no slope or "p not available"', () => {
  // Two months, and three whose arrests (4, 3, 2) lie exactly on a line: R's p there is rounding
  // noise (3e-16), which once read as "a statistically significant downward trend (p < 0.001)".
  const views = [{ window: 3, categories: ['other'], gap: 1, wilcoxon: 'legacy' as const }, { window: 2, categories: ['drugs'] }, { window: 3, categories: ['modern_slavery'] }];
  for (const view of views) {
    const r = analyse(bundled, view);
    for (const [which, describe] of [['events', describeMonthlyEvents], ['harm', describeMonthlyHarm]] as const) {
      if (view.window === 3 && view.gap === undefined && which === 'harm') continue; // its harm varies about the line
      const t = r.trend[which];
      const label = `${JSON.stringify(view)} ${which}`;
      assert.ok(t.slope !== null && t.p === null && t.reason, `${label}: a line, untested`);
      const caption = describe(r);
      // The paragraph gives the line's slope and Kendall's τ, as other windows do, and why there is no test.
      assert.ok(trendSentence(r, which).includes(`, but the trend cannot be tested: ${t.reason}. Kendall's τ = `), label);
      assert.doesNotMatch(trendSentence(r, which), /statistically significant|p not available/, label);
      assert.doesNotMatch(caption, /p not available|rises by|falls by|is flat/, label);
      const over = r.gap > 0 ? 'months 2 and 3' : `the ${r.window} months`;
      assert.ok(caption.includes(` After the order a line is drawn through ${over}, but the trend cannot be tested: ${t.reason}.`), caption);
    }
  }
});

test('a table names the rows whose interval rests on fewer than FEW_ARRESTS arrests, from the engine\'s counts', () => {
  for (const options of [{ window: 6 }, { window: 1 }, { window: 12, categories: ['modern_slavery', 'drugs'] }, {}]) {
    const r = analyse(bundled, options);
    for (const measure of ['events', 'harm'] as const) {
      const rows = [['all selected categories', r] as const, ...r.categories.map((c) => [r.categoryNames[c], r.byCategory[c]] as const)];
      const thin = rows.filter(([, b]) => b.events.pre > 0 && b.events.pre < FEW_ARRESTS && b[measure].ci !== null);
      const caption = resultsTable(r, measure).caption;
      for (const [name, b] of rows) {
        const named = caption.includes(`${name} (${b.events.pre} arrest${b.events.pre === 1 ? '' : 's'} before)`);
        assert.equal(named, thin.some(([n]) => n === name), `${JSON.stringify(options)} ${measure}: ${name} in "${caption}"`);
      }
      assert.equal(/rests? on fewer than 20 arrests, too few to read much into, however narrow (it looks|they look)$/.test(caption), thin.length > 0, caption);
    }
  }
  assert.ok(resultsTable(analyse(bundled, { window: 6 }), 'harm').caption.includes('Other offences (17 arrests before)'), 'the window-6 view has such a row');
});

test('harm\'s reason counts the people with any harm, and says so, beside the arrests\' count of people with any arrest (an analyst: "3 people have any arrest", then "2" for harm, in one paragraph)', async () => {
  const { validateDataset } = await import('../src/analysis/validate.ts');
  // Three people arrested; one person's arrests carry no harm, as the format allows.
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nB1,2019-Q1,2019-02-05,analysed\nB2,2019-Q2,2019-04-13,analysed\nB3,2019-Q3,2019-08-01,analysed\n' };
  const events = { name: 'events.csv', text: 'order_id,date,category,offence,harm\nB1,2019-05-01,violence,Common assault,2\nB2,2019-06-01,drugs,Possession of a Class A drug,5\nB2,2018-06-01,violence,Common assault,2\nB3,2020-01-01,fraud,Fraud,0\nB3,2019-01-01,fraud,Fraud,0\n' };
  const { dataset } = validateDataset({ orders, events });
  const r = analyse(dataset!);
  assert.equal(r.events.bootstrap.reason, 'only 3 people have any arrest in this view, too few for a bootstrap interval to mean much');
  assert.equal(r.harm.bootstrap.reason, 'only 2 people have any recorded harm in this view, too few for a bootstrap interval to mean much');
});
