// The elapsed-calendar-month rule (src/analysis/months.ts), on worked examples computed by hand
// from the rule as the codebook (data/README.md) states it: an arrest on or after issued + (k−1)
// months and before issued + k months is month k; before the order, on or after issued − k months
// and before issued − (k−1) months is month −k; the order date is month 0; adding months to the
// 29th–31st clamps to the month's last day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, inQuarter, monthOffset, parseIsoDate } from '../src/analysis/months.ts';

const d = (s: string) => parseIsoDate(s)!;
const iso = (x: { year: number; month: number; day: number }) => `${x.year}-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`;

test('adding months clamps the 29th–31st to the last day of the month reached', () => {
  assert.equal(iso(addMonths(d('2019-01-31'), 1)), '2019-02-28', '31 January + 1 month, not a leap year');
  assert.equal(iso(addMonths(d('2020-01-31'), 1)), '2020-02-29', '31 January + 1 month, leap year');
  assert.equal(iso(addMonths(d('2019-03-31'), 1)), '2019-04-30');
  assert.equal(iso(addMonths(d('2020-02-29'), 12)), '2021-02-28', '29 February + 12 months');
  assert.equal(iso(addMonths(d('2020-02-29'), 48)), '2024-02-29', '29 February + 48 months, leap again');
  assert.equal(iso(addMonths(d('2019-03-31'), -1)), '2019-02-28', '31 March − 1 month');
  assert.equal(iso(addMonths(d('2019-01-15'), -1)), '2018-12-15', 'across a year end');
  assert.equal(iso(addMonths(d('2019-12-31'), 2)), '2020-02-29');
});

test('the order date itself is month 0', () => {
  assert.equal(monthOffset('2019-03-15', '2019-03-15'), 0);
  assert.equal(monthOffset('2020-02-29', '2020-02-29'), 0);
});

test('after the order: month k runs from issued + (k−1) months up to the day before issued + k months', () => {
  assert.equal(monthOffset('2019-03-15', '2019-03-16'), 1, 'the day after');
  assert.equal(monthOffset('2019-03-15', '2019-04-14'), 1, 'the last day of month 1');
  assert.equal(monthOffset('2019-03-15', '2019-04-15'), 2, 'one calendar month on: month 2 begins');
  assert.equal(monthOffset('2019-03-15', '2021-03-14'), 24, 'the last day of month 24');
  assert.equal(monthOffset('2019-03-15', '2021-03-15'), 25, 'two years on: month 25');
});

test('month ends: 31 January + 1 month is 28 February (29 in a leap year)', () => {
  assert.equal(monthOffset('2019-01-31', '2019-02-27'), 1);
  assert.equal(monthOffset('2019-01-31', '2019-02-28'), 2, '31 Jan + 1 month = 28 Feb 2019: month 2 begins');
  assert.equal(monthOffset('2020-01-31', '2020-02-28'), 1, 'in 2020, 31 Jan + 1 month = 29 Feb');
  assert.equal(monthOffset('2020-01-31', '2020-02-29'), 2);
  assert.equal(monthOffset('2019-01-31', '2019-03-30'), 2, '31 Jan + 2 months = 31 Mar');
  assert.equal(monthOffset('2019-01-31', '2019-03-31'), 3);
});

test('29 February orders, in leap and non-leap years', () => {
  assert.equal(monthOffset('2020-02-29', '2020-03-28'), 1);
  assert.equal(monthOffset('2020-02-29', '2020-03-29'), 2);
  assert.equal(monthOffset('2020-02-29', '2021-02-27'), 12);
  assert.equal(monthOffset('2020-02-29', '2021-02-28'), 13, '29 Feb 2020 + 12 months = 28 Feb 2021');
  assert.equal(monthOffset('2020-02-29', '2019-02-28'), -12, '29 Feb 2020 − 12 months = 28 Feb 2019');
  assert.equal(monthOffset('2020-02-29', '2019-02-27'), -13);
});

test('before the order: month −k runs from issued − k months up to the day before issued − (k−1) months', () => {
  assert.equal(monthOffset('2019-03-15', '2019-03-14'), -1, 'the day before');
  assert.equal(monthOffset('2019-03-15', '2019-02-15'), -1, 'exactly one month before is still month −1');
  assert.equal(monthOffset('2019-03-15', '2019-02-14'), -2);
  assert.equal(monthOffset('2019-03-31', '2019-02-28'), -1, '31 Mar − 1 month = 28 Feb');
  assert.equal(monthOffset('2019-03-31', '2019-02-27'), -2);
  assert.equal(monthOffset('2019-03-15', '2017-03-15'), -24, 'exactly two years before: month −24');
  assert.equal(monthOffset('2019-03-15', '2017-03-14'), -25);
});

test('dates are real calendar dates, and quarters contain their months', () => {
  assert.equal(parseIsoDate('2019-02-29'), null);
  assert.deepEqual(parseIsoDate('2020-02-29'), { year: 2020, month: 2, day: 29 });
  assert.equal(parseIsoDate('2019-13-01'), null);
  assert.equal(parseIsoDate('15/03/2019'), null);
  assert.equal(inQuarter(d('2019-09-30'), '2019-Q3'), true);
  assert.equal(inQuarter(d('2019-10-01'), '2019-Q3'), false);
});
