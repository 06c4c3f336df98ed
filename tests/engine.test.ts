// Properties of analyse() that must hold for any state of the controls, and its behaviour at
// the edges: no category chosen, a one-month window, orders with no events, a reader's own
// categories. Expected values here come from the engine's own definitions (sums, identities),
// never from constants copied from its output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { firstInvalidUtf8, readCsv } from '../src/analysis/csv.ts';
import { DataError, OptionError } from '../src/analysis/errors.ts';
import { quantileSelect } from '../src/analysis/stats/quantileSelect.ts';
import { quantileSorted } from '../src/analysis/stats/quantile.ts';
import { mulberry32 } from '../src/analysis/stats/random.ts';
import { bundled } from './helpers/bundled.ts';

const noBadNumbers = (value: unknown) => {
  const text = JSON.stringify(value);
  assert.doesNotMatch(text, /NaN|Infinity|undefined/);
  assert.deepEqual(JSON.parse(text), value, 'the result survives JSON unchanged');
};

test('every window and every single category: totals add up and nothing is NaN', () => {
  for (let window = 1; window <= bundled.span; window++) {
    const r = analyse(bundled, { window });
    noBadNumbers(r);
    for (const m of ['events', 'harm'] as const) {
      const sumPre = r.categories.reduce((s, c) => s + r.byCategory[c][m].pre, 0);
      assert.equal(r[m].pre, sumPre, `${m} before, window ${window}`);
      const monthlyPre = r.monthly.filter((x) => x.month < 0).reduce((s, x) => s + x[m], 0);
      const monthlyPost = r.monthly.filter((x) => x.month > 0).reduce((s, x) => s + x[m], 0);
      assert.equal(monthlyPre, r[m].pre);
      assert.equal(monthlyPost, r[m].post);
      const perOrder = r.perOrder.reduce((s, o) => s + (m === 'events' ? o.eventsPre : o.harmPre), 0);
      assert.equal(perOrder, r[m].pre);
    }
    assert.equal(r.monthly.length, 2 * window);
    assert.equal(r.perOrder.length, 41, 'orders with no events stay in the sample');
  }
  for (const c of bundled.categories) {
    const r = analyse(bundled, { categories: [c] });
    assert.deepEqual(Object.keys(r.byCategory), [c]);
    assert.equal(r.byCategory[c].events.test.pAdjusted, r.byCategory[c].events.test.p, 'Holm over one p is that p');
  }
});

test('counts match a direct count of the events', () => {
  const r = analyse(bundled, { window: 9, categories: ['drugs', 'other'] });
  const inState = bundled.events.filter((e) => Math.abs(e.month) <= 9 && ['drugs', 'other'].includes(e.category));
  assert.equal(r.events.pre, inState.filter((e) => e.month < 0).length);
  assert.equal(r.events.post, inState.filter((e) => e.month > 0).length);
  assert.equal(r.harm.post, inState.filter((e) => e.month > 0).reduce((s, e) => s + e.harm, 0));
});

test('no category chosen: an explicit empty result with reasons, not NaN', () => {
  const r = analyse(bundled, { categories: [] });
  noBadNumbers(r);
  assert.deepEqual(r.categories, []);
  assert.equal(r.events.pre, 0);
  assert.equal(r.events.reduction, null);
  assert.equal(r.events.ci, null);
  assert.ok(r.events.bootstrap.reason);
  // Every one of the 41 differences is zero. Current R (4.6) runs the exact test over no ranks and
  // gives V = 0, p = 1 (fixture "wilcoxon all differences zero, 7 pairs" in stats.json); R 4.2
  // gives NaN, which the legacy rule reports as a null p with a reason.
  assert.deepEqual([r.events.test.V, r.events.test.p, r.events.test.exact, r.events.test.zeros], [0, 1, true, 41]);
  const legacy = analyse(bundled, { categories: [], wilcoxon: 'legacy' });
  noBadNumbers(legacy);
  assert.equal(legacy.events.test.p, null);
  assert.ok(legacy.events.test.reason);
  assert.equal(r.trend.events.p, null);
  assert.ok(r.trend.events.reason);
  assert.equal(r.correlation.pearson.r, null);
  assert.ok(r.correlation.pearson.reason);
});

test('the same state always gives the same interval (seeded bootstrap)', () => {
  const a = analyse(bundled, { window: 18 });
  const b = analyse(bundled, { window: 18 });
  assert.deepEqual(a.events.ci, b.events.ci);
  assert.deepEqual(a.byCategory.violence.harm.ci, b.byCategory.violence.harm.ci);
  assert.notDeepEqual(a.events.ci, analyse(bundled, { window: 6 }).events.ci);
});

test('category order follows the study, whatever order they are asked in', () => {
  assert.deepEqual(analyse(bundled, { categories: ['other', 'modern_slavery'] }).categories, ['modern_slavery', 'other']);
});

test('a reader\'s own categories and a shorter declared design window are accepted', () => {
  const ds = parseDataset(
    { name: 'o.csv', text: 'order_id,issued,sample,duration_months,conditions\na,2019-Q1,analysed,,\nb,2019-Q2,analysed,24,exclusion_zone\nc,2020-Q1,excluded_data,,\n' },
    { name: 'e.csv', text: 'order_id,month,category,offence,harm\na,-3,fraud,Fraud,5\na,-1,fraud,Fraud,5\na,2,fraud,Fraud,5\nb,-2,public_order,Affray,7.5\n' },
    { designWindow: 3 },
  );
  assert.equal(ds.span, 3);
  assert.deepEqual(ds.categories, ['fraud', 'public_order']);
  const r = analyse(ds);
  noBadNumbers(r);
  assert.equal(r.categoryNames.public_order, 'Public order');
  assert.equal(r.orders, 2);
  assert.equal(r.events.pre, 3);
  assert.equal(r.events.post, 1);
  assert.throws(() => analyse(ds, { window: 4 }), /window: 4 is outside 1 … 3/);
});

// ---- gap: the months either side of the order left out of every figure ---------------------------

test('a gap leaves months −K … −1 and 1 … K out of every figure, for every window and gap', () => {
  for (const window of [1, 2, 5, 12, 24]) {
    for (let gap = 0; gap < window; gap += window > 6 ? 3 : 1) {
      const r = analyse(bundled, { window, gap });
      noBadNumbers(r);
      assert.equal(r.gap, gap);
      const kept = (m: number) => Math.abs(m) <= window && Math.abs(m) > gap;
      assert.deepEqual(r.monthly.map((m) => m.month), [...Array(24 * 2 + 1).keys()].map((k) => k - 24).filter((m) => m !== 0 && kept(m)), `months, window ${window}, gap ${gap}`);
      const inView = bundled.events.filter((e) => kept(e.month));
      assert.equal(r.events.pre, inView.filter((e) => e.month < 0).length);
      assert.equal(r.events.post, inView.filter((e) => e.month > 0).length);
      assert.ok(Math.abs(r.harm.post - inView.filter((e) => e.month > 0).reduce((s, e) => s + e.harm, 0)) < 1e-9);
      for (const m of ['events', 'harm'] as const) {
        assert.equal(r.monthly.filter((x) => x.month < 0).reduce((s, x) => s + x[m], 0), r[m].pre);
        assert.equal(r.perOrder.reduce((s, o) => s + (m === 'events' ? o.eventsPost : o.harmPost), 0), r[m].post);
      }
    }
  }
});

test('gap 0 is the analysis without a gap; a gap of the window or more, negative or fractional, is an OptionError', () => {
  assert.deepEqual(analyse(bundled, { window: 12, gap: 0 }), analyse(bundled, { window: 12 }));
  assert.throws(() => analyse(bundled, { window: 6, gap: 6 }), (e: unknown) => e instanceof OptionError && e.option === 'gap' && /from 0 to 5/.test(e.message));
  assert.throws(() => analyse(bundled, { gap: -1 }), OptionError);
  assert.throws(() => analyse(bundled, { gap: 1.5 }), OptionError);
});

test('with a gap the trend runs over months K+1 … W, and the ITS over the analysed months either side', () => {
  const r = analyse(bundled, { window: 12, gap: 3 });
  const after = r.monthly.filter((m) => m.month > 0);
  assert.deepEqual(after.map((m) => m.month), [4, 5, 6, 7, 8, 9, 10, 11, 12]);
  // The OLS slope from its definition, over months 4 … 12.
  const x = after.map((m) => m.month);
  const y = after.map((m) => m.events);
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const slope = x.reduce((s, xi, k) => s + (xi - mean(x)) * (y[k] - mean(y)), 0) / x.reduce((s, xi) => s + (xi - mean(x)) ** 2, 0);
  assert.ok(Math.abs(r.trend.events.slope! - slope) < 1e-12);
  // A one-month-a-side window with gap: the ITS has too few months and says so.
  const thin = analyse(bundled, { window: 3, gap: 2 });
  assert.equal(thin.monthly.length, 2);
  assert.equal(thin.its.events.level, null);
  assert.ok(thin.its.events.reason);
});

// ---- weights: harm from the harm index by offence ----------------------------------------------

test('weights take each event\'s harm from the harm index by offence; arrests do not change', () => {
  const index = bundled.harmIndex!;
  assert.deepEqual(index.sets, ['central', 'low', 'high']);
  for (const weights of ['central', 'low', 'high'] as const) {
    const weight = new Map(index.offences.map((o) => [o.offence, o[weights]!]));
    const r = analyse(bundled, { window: 12, gap: 1, weights });
    noBadNumbers(r);
    assert.equal(r.weights, weights);
    const plain = analyse(bundled, { window: 12, gap: 1 });
    assert.equal(plain.weights, 'data');
    assert.deepEqual(r.events, plain.events, 'arrests are counts, whatever the weights');
    const inView = bundled.events.filter((e) => Math.abs(e.month) <= 12 && Math.abs(e.month) > 1);
    const before = inView.filter((e) => e.month < 0).reduce((s, e) => s + weight.get(e.offence)!, 0);
    assert.ok(Math.abs(r.harm.pre - before) < 1e-9, `${weights}: ${r.harm.pre} vs ${before}`);
    assert.ok(Math.abs(r.monthly.reduce((s, m) => s + m.harm, 0) - r.harm.pre - r.harm.post) < 1e-9);
  }
  assert.ok(analyse(bundled, { weights: 'low' }).harm.pre < analyse(bundled, { weights: 'high' }).harm.pre, 'low weights are lower');
});

test('weights: no index, an index without the set, or an offence the index lacks are errors that say which', () => {
  const orders = 'order_id,issued,sample,duration_months,conditions\na,2019-Q1,analysed,,\nb,2019-Q2,analysed,,\n';
  const events = 'order_id,month,category,offence,harm\na,-1,fraud,Fraud,5\nb,-2,fraud,Theft,2\na,1,fraud,Burglary,3\nb,2,fraud,Fraud,5\n';
  const ds = (index?: string) => parseDataset({ name: 'o.csv', text: orders }, { name: 'e.csv', text: events }, index ? { harmIndex: { name: 'idx.csv', text: index } } : {});
  assert.throws(() => analyse(ds(), { weights: 'low' }), (e: unknown) => e instanceof OptionError && /no harm index/.test(e.message));
  const central = ds('offence,harm_days\nFraud,10\nTheft,1\nBurglary,100\n');
  assert.equal(analyse(central, { weights: 'central' }).harm.pre, 11);
  assert.throws(() => analyse(central, { weights: 'high' }), /weights: the harm index idx\.csv has no sens_high column/);
  const partial = ds('offence,harm_days,sens_low,sens_high\nFraud,10,5,20\n');
  assert.equal(analyse(partial).harm.pre, 7, 'without weights the index is not needed for every offence');
  assert.throws(() => analyse(partial, { weights: 'low' }), (e: unknown) =>
    e instanceof DataError && e.file === 'e.csv' && e.row === 2 && e.column === 'offence'
    && /"Theft" is not in the harm index idx\.csv.*\(and 1 more event whose offence the index does not list\)/.test(e.message));
  assert.equal(partial.harmIndex!.unmatched.length, 2);
  assert.deepEqual(partial.harmIndex!.unmatched.map((p) => [p.row, p.value]), [[2, 'Theft'], [3, 'Burglary']]);
  assert.throws(() => ds('offence,harm_days,sens_low\nFraud,10,x\n'), /idx\.csv, row 1, column "sens_low": "x" is not a number of days/);
  assert.throws(() => analyse(central, { weights: 'medium' as 'low' }), /weights: "medium" is not one of central, low, high \(or data/);
});

test('validation names file, row and column', () => {
  const orders = 'order_id,issued,sample,duration_months,conditions\na,2019-Q1,analysed,,\n';
  const parse = (events: string) => () => parseDataset({ name: 'o.csv', text: orders }, { name: 'e.csv', text: events });
  const header = 'order_id,month,category,offence,harm\n';
  const check = (events: string, pattern: RegExp) => assert.throws(parse(header + events), (e: unknown) => e instanceof DataError && pattern.test(e.message));
  check('a,1.5,drugs,X,1\n', /^e\.csv, row 1, column "month": "1\.5" is not a whole number/);
  check('a,1,drugs,X,1\na,2,Drugs,X,1\n', /^e\.csv, row 2, column "category": "Drugs" is not a lowercase category code/);
  check('a,1,drugs,,1\n', /^e\.csv, row 1, column "offence": is empty/);
  check('a,1,drugs,X,\n', /^e\.csv, row 1, column "harm": is empty; give the harm in days/);
  check('a,1,drugs,X,1,extra\n', /^e\.csv, row 1: has 6 fields but the header has 5/);
  check('a,1,drugs,"X,1\n', /^e\.csv, row 1, column "offence": a quoted field opened on line 2 is never closed/);
});

test('quoted fields with commas and CRLF line ends are read correctly', () => {
  const ds = parseDataset(
    { name: 'o.csv', text: 'order_id,issued,sample,duration_months,conditions\r\na,2019-Q1,analysed,,\r\n' },
    { name: 'e.csv', text: '\ufefforder_id,month,category,offence,harm\r\na,-1,drugs,"Supply, Class A",547.5\r\n' },
  );
  assert.equal(ds.events[0].offence, 'Supply, Class A');
  assert.equal(ds.events[0].harm, 547.5);
});

test('the CSV reader splits tricky records field by field as RFC 4180 says', () => {
  const fields = (text: string) => readCsv('t.csv', text).table!.records.map((r) => r.fields);
  // A quote inside an unquoted field is text; "" inside a quoted field is one quote; quoted commas
  // and line breaks stay in their field; CRLF, bare CR and a missing last line end all end records.
  assert.deepEqual(fields('a,b,c\nx"y,"p,q","say ""hi"""\r\n"two\nlines",,end\rlast,"",z'), [
    ['x"y', 'p,q', 'say "hi"'],
    ['two\nlines', '', 'end'],
    ['last', '', 'z'],
  ]);
  // A record of only empty fields is an empty spreadsheet row, skipped like a blank line (with a warning).
  assert.deepEqual(fields('a,b\n,\n"",x\n'), [['', 'x']]);
  // Text after a closing quote is reported, with its line, and the record left out.
  const bad = readCsv('t.csv', 'a,b\n"x"y,1\nok,2\n');
  assert.deepEqual(bad.table!.records.map((r) => r.fields), [['ok', '2']]);
  assert.match(bad.problems[0].message, /^line 2: text after a closing quote/);
});

test('quantile by selection agrees with the sorted type-7 quantile', () => {
  const rng = mulberry32(7);
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + Math.floor(rng() * 60);
    const values = Array.from({ length: n }, () => Math.round(rng() * 20) / 4); // many ties
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0, 0.025, 0.5, 0.975, 1]) {
      assert.equal(quantileSelect(Float64Array.from(values), p), quantileSorted(sorted, p), `n ${n}, p ${p}`);
    }
  }
});

// The bootstrap's degenerate rules, on small constructed cohorts. `dropped` is checked against a
// count made here straight from the draws: resamples that drew nobody with anything before.
import { bootstrapDraws, reductionInterval, BOOTSTRAP_RESAMPLES } from '../src/analysis/reduction.ts';

function droppedFromDraws(pre: readonly number[]): number {
  const n = pre.length;
  const draws = bootstrapDraws(n);
  let dropped = 0;
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    let total = 0;
    for (let k = 0; k < n; k++) total += pre[draws[b * n + k]];
    if (total === 0) dropped++;
  }
  return dropped;
}

test('bootstrap: every after-total zero gives no interval, with a reason', () => {
  const pre = [1, 2, 3, 1, 4, 2, 1, 5, 2, 3, 1, 2];
  const r = reductionInterval(pre, pre.map(() => 0));
  assert.equal(r.interval, null);
  assert.match(r.reason ?? '', /nothing after/);
});

test('bootstrap: only two people give no interval, with a reason', () => {
  const r = reductionInterval([3, 2], [1, 0]);
  assert.equal(r.interval, null);
  assert.match(r.reason ?? '', /only 2 people/);
});

test('bootstrap: most resamples with a zero before-total give no interval; dropped counts them', () => {
  // One person of 12 had anything before; a resample misses them with probability (11/12)^12 ≈ 35%.
  const pre = [4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const post = [1, 1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1];
  const expected = droppedFromDraws(pre);
  assert.ok(expected > 0.1 * BOOTSTRAP_RESAMPLES, `constructed case drops only ${expected}`);
  const r = reductionInterval(pre, post);
  assert.equal(r.interval, null);
  assert.equal(r.dropped, expected);
  assert.match(r.reason ?? '', new RegExp(`${expected} of ${BOOTSTRAP_RESAMPLES} resamples had nothing before`));
});

test('bootstrap: a few resamples with a zero before-total are dropped and counted, and the interval stands', () => {
  // Three of 12 had anything before: (9/12)^12 ≈ 3% of resamples miss all three.
  const pre = [4, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const post = [1, 1, 0, 1, 1, 2, 1, 1, 2, 1, 1, 1];
  const expected = droppedFromDraws(pre);
  assert.ok(expected > 0 && expected <= 0.1 * BOOTSTRAP_RESAMPLES, `constructed case drops ${expected}`);
  const r = reductionInterval(pre, post);
  assert.equal(r.dropped, expected);
  assert.ok(r.interval, r.reason);
  assert.equal(r.reason, undefined);
});

// Neumaier reproducer: A's harms 0.6 + 0.3 + 0.1 summed naively in doubles give 0.9999999999999999,
// not B's 1.0, which would break a tie that R (summing in extended precision) sees. R computes the
// totals from the same events with tapply(harm, id, sum) and counts the tied non-zero |d| as
// stats.json does; the engine's totals must tie exactly and its Wilcoxon ties count must match.
import { after } from 'node:test';
import { runWebR, stopWebR } from './helpers/r.ts';
after(stopWebR);

test('Neumaier: totals that are equal in R are equal here, and the ties count matches R', async () => {
  const orders = 'order_id,issued,sample,duration_months,conditions\nA,2019-Q1,analysed,,\nB,2019-Q2,analysed,,\n';
  const events = 'order_id,month,category,offence,harm\nA,-3,fraud,Fraud,0.6\nA,-2,fraud,Fraud,0.3\nA,-1,fraud,Fraud,0.1\nB,-1,fraud,Fraud,1.0\nA,1,fraud,Fraud,0.5\nB,2,fraud,Fraud,0.5\n';
  assert.notEqual(0.6 + 0.3 + 0.1, 1, 'naive summation must not already tie, or this test proves nothing');
  const ds = parseDataset({ name: 'o.csv', text: orders }, { name: 'e.csv', text: events });
  const r = analyse(ds);
  const [a, b] = r.perOrder;
  assert.deepEqual([a.order, b.order], ['A', 'B']);
  assert.equal(a.harmPre, b.harmPre);
  const out = await runWebR(`
    e <- read.csv("events.csv")
    pre <- tapply(e$harm[e$month < 0], e$order_id[e$month < 0], sum)
    post <- tapply(e$harm[e$month > 0], e$order_id[e$month > 0], sum)
    d <- abs((pre - post)[(pre - post) != 0])
    cat(sum(duplicated(d) | duplicated(d, fromLast = TRUE)), pre[["A"]] == pre[["B"]])
  `, { 'events.csv': events });
  const [rTies, rEqual] = out.trim().split(/\s+/);
  assert.equal(rEqual, 'TRUE', 'R sees equal totals');
  assert.equal(r.harm.test.ties, Number(rTies));
  assert.equal(r.harm.test.ties, 2);
});

test('firstInvalidUtf8 agrees with the browser\'s own UTF-8 decoder: invalid exactly when it fails, and valid up to the byte it names', () => {
  const rng = mulberry32(11);
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const ok = (b: Uint8Array) => { try { fatal.decode(b); return true; } catch { return false; } };
  const pieces = [[0x41], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xe9], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x0a]];
  let invalid = 0;
  for (let trial = 0; trial < 3000; trial++) {
    const bytes = new Uint8Array(Array.from({ length: 1 + Math.floor(rng() * 8) }, () => pieces[Math.floor(rng() * pieces.length)]).flat());
    const at = firstInvalidUtf8(bytes);
    assert.equal(at === -1, ok(bytes), [...bytes].map((b) => b.toString(16)).join(' '));
    if (at >= 0) {
      invalid++;
      assert.ok(ok(bytes.subarray(0, at)), `valid before ${at}: ${[...bytes].map((b) => b.toString(16)).join(' ')}`);
    }
  }
  assert.ok(invalid > 100);
});
