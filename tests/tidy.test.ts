// Tidying a reader's files (src/analysis/tidy.ts). Truth: the same cohort written by hand in the
// contract's form (tests/helpers/cohort.ts writes yyyy-mm-dd), from which the messy export is made
// here as a UK spreadsheet writes one; the tidied files must be that clean text, line for line, and
// analyse to the same numbers. Fixes with more than one answer are never made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { tidySources, tidyText, type TidySources } from '../src/analysis/tidy.ts';
import { validateDataset } from '../src/analysis/validate.ts';
import type { Problem } from '../src/analysis/errors.ts';
import { makeCohort } from './helpers/cohort.ts';
import { tidyWords } from '../src/lib/ownData.ts';

const manifest = (designWindow: number) => ({ designWindow, synthetic: false, calibrated: false });
/** 2019-03-15 → 15/03/2019, in every date cell of a CSV (dates are nowhere else in the cohort's files). */
const dayMonthYear = (csv: string) => csv.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
const crlf = (csv: string) => csv.replace(/\n/g, '\r\n');

test('a UK export (BOM, CRLF, a title line, "Order_ID", day/month/year dates) tidies to the clean files, line for line, and analyses as they do', () => {
  const cohort = makeCohort({ seed: 11, orders: 30, designWindow: 12 });
  const messyOrders = '\uFEFF' + crlf('Orders export - run 2023-06-30\n' + dayMonthYear(cohort.ordersCsv).replace(/^order_id/, 'Order_ID'));
  const messyEvents = '\uFEFF' + crlf(dayMonthYear(cohort.eventsCsv));
  const sources = { orders: { name: 'orders.csv', text: messyOrders }, events: { name: 'events.csv', text: messyEvents } };
  const check = (s: TidySources<'orders' | 'events'>) => validateDataset({ orders: s.orders!, events: s.events! }, { manifest: manifest(12) }).problems;
  assert.ok(check(sources).some((p) => p.severity === 'error'), 'the messy files do not load as they are');
  const { sources: out, changes, problems } = tidySources(sources, check);
  assert.equal(problems.filter((p) => p.severity === 'error').length, 0, problems.map((p) => p.message).join('\n'));
  const orders = out.orders!;
  const events = out.events!;
  assert.equal(orders.text, '\uFEFF' + crlf(cohort.ordersCsv), 'the orders are the clean file, with the export\'s BOM and line ends');
  assert.equal(events.text, '\uFEFF' + crlf(cohort.eventsCsv));
  // What changed, said cell by cell: the title, the header's name, and each date (each order's date
  // is on the 10th, so either reading is a date: its quarter decides).
  assert.deepEqual(changes.find((c) => c.row === 0), { file: 'orders.csv', row: 0, column: 'order_id', from: 'Order_ID', to: 'order_id' });
  assert.deepEqual(changes.filter((c) => c.row === undefined), [{ file: 'orders.csv', from: 'Orders export - run 2023-06-30', to: '' }]);
  const dates = (cohort.ordersCsv + cohort.eventsCsv).match(/\d{4}-\d{2}-\d{2}/g)!.length;
  const dateChanges = changes.filter((c) => c.column === 'date' || c.column === 'issued_date');
  assert.equal(dateChanges.length, dates);
  assert.ok(dateChanges.every((c) => dayMonthYear(c.to) === c.from));
  // The tidied files load, and give the clean files' numbers.
  const tidied = validateDataset({ orders: { name: 'orders.csv', text: orders.text }, events: { name: 'events.csv', text: events.text } }, { manifest: manifest(12) });
  const clean = validateDataset({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv } }, { manifest: manifest(12) });
  assert.ok(tidied.dataset && clean.dataset, tidied.problems.map((p) => p.message).join('\n'));
  const state = { window: 12, categories: [...clean.dataset.categories] };
  assert.deepEqual(analyse(tidied.dataset, state), analyse(clean.dataset, state));
});

test('only fixes with one answer are made: dates that read either way in a column not shown to be day/month/year, misspelt columns and other problems stay', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample,duration_months,conditions\nA,2019-Q1,2019-02-01,analysed,,\n' };
  const events = (dates: string[], header = 'order_id,date,category,offence,harm') => ({ name: 'events.csv', text: `${header}\n${dates.map((d) => `A,${d},violence,Assault,10`).join('\n')}\n` });
  const problemsOf = (e: { name: string; text: string }) => validateDataset({ orders, events: e }, { manifest: manifest(24) }).problems;
  // All three could be month/day/year too (a US export): no fix.
  const either = events(['03/04/2019', '05/06/2019', '07/08/2019']);
  assert.equal(tidyText('events.csv', either.text, problemsOf(either)), null);
  // One of them can only be day/month/year: not enough to decide the others (it may be the one typed the
  // other way round), so only it is rewritten. Two such dates decide the column, and every date in it is rewritten so.
  const one = events(['03/04/2019', '05/06/2019', '15/08/2019']);
  assert.deepEqual(tidyText('events.csv', one.text, problemsOf(one))!.changes.map((c) => c.to), ['2019-08-15']);
  const shown = events(['03/04/2019', '05/06/2019', '15/08/2019', '20/09/2019']);
  assert.deepEqual(tidyText('events.csv', shown.text, problemsOf(shown))!.changes.map((c) => c.to), ['2019-04-03', '2019-06-05', '2019-08-15', '2019-09-20']);
  // A date that is no date either way (31/02) is not made one; the rows that are dates still are.
  const impossible = events(['31/02/2019', '15/03/2019', '16/03/2019', '17/03/2019']);
  const part = tidyText('events.csv', impossible.text, problemsOf(impossible))!;
  assert.deepEqual(part.changes.map((c) => c.from), ['15/03/2019', '16/03/2019', '17/03/2019']);
  assert.match(part.text, /^A,31\/02\/2019,/m);
  // A misspelling is the reader's to confirm; another capital is not.
  const misspelt = events(['2019-03-15'], 'ordr_id,date,category,offence,harm');
  assert.equal(tidyText('events.csv', misspelt.text, problemsOf(misspelt)), null);
  const capitals = events(['2019-03-15'], 'order_id,DATE,category,offence,harm');
  assert.equal(tidyText('events.csv', capitals.text, problemsOf(capitals))!.text, events(['2019-03-15']).text);
});

test('a date with a time, and a spreadsheet\'s day number, become the date; quoted fields and other rows are kept as written', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample,duration_months,conditions\nA,2019-Q1,2019-02-01,analysed,,\n' };
  const text = 'order_id,date,category,offence,harm\nA,2019-03-15 10:15,violence,"Assault, common",10\n"A",43575,violence,Assault,10\nA,2019-06-05,violence,"Assault ""by beating""",2\n';
  const problems = validateDataset({ orders, events: { name: 'events.csv', text } }, { manifest: manifest(24) }).problems;
  const tidied = tidyText('events.csv', text, problems)!;
  assert.equal(tidied.text, 'order_id,date,category,offence,harm\nA,2019-03-15,violence,"Assault, common",10\nA,2019-04-20,violence,Assault,10\nA,2019-06-05,violence,"Assault ""by beating""",2\n');
  assert.ok(validateDataset({ orders, events: { name: 'events.csv', text: tidied.text } }, { manifest: manifest(24) }).dataset);
});

test('a fix that does not match the file (a problem from other text) is refused, not made', () => {
  const text = 'order_id,date,category,offence,harm\nA,15/03/2019,violence,Assault,10\n';
  const stale: Problem = { severity: 'error', file: 'events.csv', row: 1, column: 'date', value: '16/03/2019', message: 'x', fix: { value: '2019-03-16' } };
  assert.equal(tidyText('events.csv', text, [stale]), null);
  assert.equal(tidyText('events.csv', text, [{ ...stale, file: 'orders.csv' }]), null, 'another file\'s fixes are not this one\'s');
});

test('an analyst\'s traps: a column of both orders is not rewritten at all; a quarter that disagrees with its column is no fix; a US column is read month/day/year throughout', () => {
  const manifest24 = manifest(24);
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,2019-Q1,2019-02-01,analysed\n' };
  const events = (dates: string[]) => ({ name: 'events.csv', text: `order_id,date,category,offence,harm\n${dates.map((d) => `A,${d},violence,Assault,10`).join('\n')}\n` });
  const problemsOf = (o: { name: string; text: string }, e: { name: string; text: string }) => validateDataset({ orders: o, events: e }, { manifest: manifest24 }).problems;
  // A US column (month over 12 in three rows) with one day-first row typed in: mixed, nothing rewritten.
  const mixed = events(['3/6/2018', '3/15/2018', '4/20/2018', '31/08/2018', '5/25/2018']);
  const mixedProblems = problemsOf(orders, mixed);
  assert.equal(tidyText('events.csv', mixed.text, mixedProblems), null);
  assert.match(mixedProblems.find((p) => p.row === undefined && p.column === 'date')!.message, /^this column mixes day\/month\/year dates \(1, the first on row 4, "31\/08\/2018"\) with month\/day\/year dates \(3, the first on row 2, "3\/15\/2018"\)/);
  // The same column without the typo: month/day/year throughout, the ambiguous 3/6/2018 as 6 March.
  const us = events(['3/6/2018', '3/15/2018', '4/20/2018', '5/25/2018']);
  assert.deepEqual(tidyText('events.csv', us.text, problemsOf(orders, us))!.changes.map((c) => c.to), ['2018-03-06', '2018-03-15', '2018-04-20', '2018-05-25']);
  // Its words: every date month/day/year, the 7/7/2018 that reads alike either way among them (an analyst read "2 dates … written day/month/year" in a US column).
  const usSame = events(['3/6/2018', '3/15/2018', '7/7/2018', '4/20/2018', '5/25/2018', '8/8/2018']);
  assert.deepEqual(tidyWords(tidyText('events.csv', usSame.text, problemsOf(orders, usSame))!.changes), ['writing as yyyy-mm-dd 6 dates in events.csv, column date, written month/day/year (the first on row 1, “3/6/2018” as 2018-03-06)']);
  // With no other date to show the order, such dates are said as what they are.
  const alike = events(['7/7/2018', '8/8/2018', '9/9/2018']);
  assert.deepEqual(tidyWords(tidyText('events.csv', alike.text, problemsOf(orders, alike))!.changes), ['writing as yyyy-mm-dd 3 dates in events.csv, column date, written with the day and month the same either way round (the first on row 1, “7/7/2018” as 2018-07-07)']);
  // A day/month/year orders column where one order's quarter was mistyped: its date is not fitted to the quarter.
  const ukOrders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,2019-Q1,15/02/2019,analysed\nB,2019-Q2,20/04/2019,analysed\nC,2019-Q1,03/04/2019,analysed\nD,2019-Q3,25/07/2019,analysed\n' };
  const some = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-1,violence,Assault,10\n' };
  const conflict = problemsOf(ukOrders, some).find((p) => p.row === 3 && p.column === 'issued_date')!;
  assert.equal(conflict.fix, undefined);
  assert.match(conflict.message, /read as day\/month\/year, as the column's other dates are, it is 2019-04-03, which is not in the order's quarter 2019-Q1 \(read as month\/day\/year it would be 2019-03-04, which is\)$/);
  const tidied = tidyText('orders.csv', ukOrders.text, problemsOf(ukOrders, some))!;
  assert.ok(tidied.text.includes('C,2019-Q1,03/04/2019,analysed'), 'the conflicting row is left as it was');
  assert.ok(tidied.text.includes('B,2019-Q2,2019-04-20,analysed'));
});

test('column names with spaces or hyphens for underscores ("Order ID", "Issued-Date") are one right answer, tidied as names in other capitals are (an analyst)', () => {
  const orders = { name: 'orders.csv', text: 'Order ID,Issued,Issued-Date,Sample\nA,2019-Q1,2019-02-01,analysed\n' };
  const events = { name: 'events.csv', text: 'Order ID,month,category,offence,harm\nA,-3,violence,X,1\n' };
  const problems = validateDataset({ orders, events }, { manifest: manifest(24) }).problems;
  assert.equal(tidyText('orders.csv', orders.text, problems)!.text, 'order_id,issued,issued_date,sample\nA,2019-Q1,2019-02-01,analysed\n');
  assert.equal(tidyText('events.csv', events.text, problems)!.text, 'order_id,month,category,offence,harm\nA,-3,violence,X,1\n');
  // A name that is not the same written another way is still the reader's to confirm.
  const typo = validateDataset({ orders: { name: 'orders.csv', text: 'ordr_id,issued,sample\nA,2019-Q1,analysed\n' }, events }, { manifest: manifest(24) }).problems;
  assert.equal(typo.find((p) => p.column === 'order_id' && p.file === 'orders.csv')!.fix, undefined);
});

test('a records system\'s header in capitals below a title, and optional columns in capitals, are tidied too; a UK date with a time of day is read as the column is', () => {
  const cohort = makeCohort({ seed: 3, orders: 12, designWindow: 12 });
  const dmy = (csv: string) => csv.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
  const orders = { name: 'orders.csv', text: 'Orders export\n' + dmy(cohort.ordersCsv).replace(/^[^\n]*/, (h) => h.toUpperCase()) };
  const events = { name: 'events.csv', text: dmy(cohort.eventsCsv).replace(/(\/\d{4}),/g, '$1 00:00,') };
  const check = (s: TidySources<'orders' | 'events'>) => validateDataset({ orders: s.orders!, events: s.events! }, { manifest: manifest(12) }).problems;
  const { sources, problems } = tidySources({ orders, events }, check);
  assert.deepEqual(problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
  assert.equal(sources.orders!.text, cohort.ordersCsv);
  assert.equal(sources.events!.text, cohort.eventsCsv);
});

test('a date refused a fix stays refused in later rounds, and quarters that read one column both ways rewrite none of it (a re-check)', () => {
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-1,violence,Assault,10\n' };
  const check = (s: TidySources<'orders' | 'events'>) => validateDataset({ orders: s.orders!, events: s.events! }, { manifest: manifest(24) }).problems;
  // Three day-first dates, and D's date read day-first is outside its quarter: after the three are
  // rewritten, the second round must not fit D's date to its quarter.
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,2019-Q1,15/03/2019,analysed\nB,2019-Q2,20/05/2019,analysed\nC,2019-Q3,25/07/2019,analysed\nD,2019-Q1,03/04/2019,analysed\n' };
  const { sources, problems } = tidySources({ orders, events }, check);
  assert.ok(sources.orders!.text.includes('D,2019-Q1,03/04/2019,analysed'), sources.orders!.text);
  assert.ok(problems.some((p) => p.row === 4 && p.severity === 'error'));
  // Quarters alone, reading the column both ways round: no date is rewritten, and that is said.
  const both = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,2019-Q2,03/04/2019,analysed\nB,2019-Q1,04/03/2019,analysed\nC,2019-Q1,03/05/2019,analysed\n' };
  const bothProblems = check({ orders: both, events });
  assert.equal(tidyText('orders.csv', both.text, bothProblems), null);
  assert.match(bothProblems.find((p) => p.row === undefined && p.column === 'issued_date')!.message, /^the orders' quarters read this column's dates both ways round/);
});
