// The data contract (data/README.md): a declared design window, dates as well as months, harm from
// a column or a harm index, every problem reported, encodings recognised. Truth here is the
// codebook's rules applied by hand to small committed files (tests/fixtures/bad/, data/templates/),
// and the engine's own result on an equivalent file written with months.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../src/analysis/stats/random.ts';
import { analyse } from '../src/analysis/analyse.ts';
import { STUDY_CATEGORIES, categoryName } from '../src/analysis/categories.ts';
import { problemsCsv, problemsToList, type Problem } from '../src/analysis/errors.ts';
import { parseDataset, validateDataset, type Source } from '../src/analysis/validate.ts';
import type { StudyManifest } from '../src/analysis/types.ts';
import { bundled, readData } from './helpers/bundled.ts';
import { makeCohort } from './helpers/cohort.ts';

const fixture = (name: string): Source => ({ name, bytes: readFileSync(new URL(`./fixtures/bad/${name}`, import.meta.url)) });
const template = (name: string) => readFileSync(new URL(`../data/templates/${name}`, import.meta.url), 'utf8');
const templateOrders = { name: 'orders.csv', text: template('orders.csv') };
const templateEvents = { name: 'events.csv', text: template('events.csv') };
const manifest = JSON.parse(readData('study.json')) as StudyManifest;
const where = (p: Problem) => `${p.severity} ${p.file} ${p.row ?? '-'} ${p.column ?? '-'}`;

test('study.json declares the bundled data: 24 months, the study\'s categories in order with categories.ts\'s names, synthetic and calibrated', () => {
  assert.equal(manifest.designWindow, 24);
  assert.deepEqual(manifest.categories!.map((c) => c.code), [...STUDY_CATEGORIES]);
  for (const c of manifest.categories!) assert.equal(c.name, categoryName(c.code), c.code);
  assert.equal(manifest.synthetic, true);
  assert.equal(manifest.calibrated, true);
  assert.equal(manifest.harm?.file, 'harm-index.csv');
  const withManifest = parseDataset({ name: 'orders.csv', text: readData('orders.csv') }, { name: 'events.csv', text: readData('events.csv') }, { manifest });
  assert.equal(withManifest.span, 24);
  assert.deepEqual(withManifest.categories, bundled.categories);
  assert.deepEqual(JSON.parse(JSON.stringify(analyse(withManifest))), JSON.parse(JSON.stringify(analyse(bundled))), 'the manifest changes no number');
});

test('the design window is declared, never inferred: one event at month −240 is an error naming its row', () => {
  const [header, ...rows] = readData('events.csv').trim().split('\n');
  const events = [header, rows[0].replace(/^([^,]*),[^,]*,/, '$1,-240,'), ...rows.slice(1)].join('\n');
  const { dataset, problems } = validateDataset({ orders: { name: 'orders.csv', text: readData('orders.csv') }, events: { name: 'events.csv', text: events } }, { manifest });
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.map(where), ['error events.csv 1 month']);
  assert.match(problems[0].message, /^Month -240 is outside the design window of 24 months/);
  assert.equal(problems[0].value, '-240');

  const excluded = validateDataset({ orders: { name: 'orders.csv', text: readData('orders.csv') }, events: { name: 'events.csv', text: events } }, { manifest, outsideWindow: 'exclude' });
  assert.ok(excluded.dataset);
  assert.equal(excluded.dataset.span, 24, 'still 24, not 240');
  assert.equal(excluded.dataset.excludedOutsideWindow, 1);
  assert.equal(excluded.dataset.events.length, bundled.events.length - 1);
  assert.deepEqual(excluded.problems.map(where), ['warning events.csv - month']);
  assert.equal(analyse(excluded.dataset).events.pre + analyse(excluded.dataset).events.post, analyse(bundled).events.pre + analyse(bundled).events.post - 1);
});

// The templates' arrest dates, placed by hand with the rule (issued dates 2019-01-31, 2019-05-14, 2020-02-29):
// 2017-03-02 is on or after 31 Jan 2019 − 23 months (28 Feb 2017) and before − 22 (31 Mar 2017): −23, and so on.
const TEMPLATE_MONTHS = [-23, -1, 2, 17, -16, -1, 4, -24, -3, 13];

test('dates become elapsed calendar months: the templates equal the same events written with months', () => {
  const fromDates = parseDataset(templateOrders, templateEvents);
  assert.deepEqual(fromDates.events.map((e) => e.month), TEMPLATE_MONTHS);
  const withMonths = templateEvents.text.trim().split('\n').map((line, k) => {
    const f = line.split(',');
    return [f[0], k === 0 ? 'month' : String(TEMPLATE_MONTHS[k - 1]), ...f.slice(2)].join(',');
  }).join('\n');
  const fromMonths = parseDataset({ name: 'orders.csv', text: templateOrders.text }, { name: 'events.csv', text: withMonths });
  assert.deepEqual(analyse(fromDates), analyse(fromMonths));
  assert.equal(fromDates.span, 24);
  assert.equal(fromDates.manifest, undefined, 'readers\' data carry no study manifest');
});

test('an arrest on the order date is month 0: a warning, and the event is not counted', () => {
  const events = templateEvents.text.replace('T-0002,2019-05-13', 'T-0002,2019-05-14');
  const { dataset, problems } = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: events } });
  assert.deepEqual((problems).map(where), ['warning events.csv 6 date']);
  assert.equal(dataset!.events.length, 9);
});

test('dates need issued_date, inside the issued quarter', () => {
  const noColumn = templateOrders.text.split('\n').map((l) => l.split(',').filter((_, k) => k !== 2).join(',')).join('\n');
  const r = validateDataset({ orders: { name: 'orders.csv', text: noColumn }, events: templateEvents });
  assert.deepEqual((r.problems).map(where), ['error orders.csv 0 issued_date']);
  const q = validateDataset({ orders: fixture('issued-date-quarter-orders.csv'), events: templateEvents });
  assert.deepEqual((q.problems).map(where), ['error issued-date-quarter-orders.csv 2 issued_date'], 'and its events are not reported again');
  assert.match(q.problems[0].message, /2019-07-14 is not in the order's quarter 2019-Q2/);
});

test('harm from the harm index when the events have no harm column; a missing offence names row and offence', () => {
  const harmIndex = { name: 'harm-index.csv', text: readData('harm-index.csv') };
  const events = fixture('no-harm-events.csv');
  const bad = validateDataset({ orders: templateOrders, events, harmIndex });
  assert.deepEqual((bad.problems).map(where), ['error no-harm-events.csv 6 offence']);
  assert.match((bad.problems)[0].message, /"Theft of a bicycle" is not in the harm index/);
  const fixed = new TextDecoder().decode((events as { bytes: Uint8Array }).bytes).replace('Theft of a bicycle', 'Theft');
  const ok = parseDataset(templateOrders, { name: 'e.csv', text: fixed }, { harmIndex });
  // The template's harm column holds the harm index's values, so looking them up gives the same events.
  assert.deepEqual(ok.events, parseDataset(templateOrders, templateEvents).events);
  const none = validateDataset({ orders: templateOrders, events: { name: 'e.csv', text: fixed } });
  assert.deepEqual((none.problems).map(where), ['error e.csv 0 harm']);
});

test('every problem is reported, each with file, row, column, value and what was expected', () => {
  const { dataset, problems: all } = validateDataset({ orders: templateOrders, events: fixture('many-problems-events.csv') });
  const problems = (all);
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.map(where), [
    'error many-problems-events.csv 1 date',
    'error many-problems-events.csv 3 category',
    'error many-problems-events.csv 4 harm',
    'error many-problems-events.csv 6 order_id',
    'error many-problems-events.csv 8 date',
  ]);
  assert.deepEqual(problems.map((p) => p.value), ['2017-02-30', 'Violence', 'lots', 'T-9999', '1998-03-01']);
  for (const p of problems) assert.ok(p.expected, `${where(p)} says what was expected`);
});

test('encodings: UTF-16 with or without a byte-order mark is named; a UTF-8 byte-order mark is stripped', () => {
  for (const name of ['utf16-bom-events.csv', 'utf16-nobom-events.csv']) {
    const { problems } = validateDataset({ orders: templateOrders, events: fixture(name) });
    assert.deepEqual(problems.map(where), [`error ${name} - -`]);
    assert.match(problems[0].message, /UTF-16/);
    assert.doesNotMatch(problems[0].message, /fields but the header/);
  }
  // UTF-16 already decoded as if it were UTF-8 (as a browser's file.text() would) is recognised too.
  const asText = new TextDecoder().decode((fixture('utf16-nobom-events.csv') as { bytes: Uint8Array }).bytes);
  assert.match(validateDataset({ orders: templateOrders, events: { name: 'e.csv', text: asText } }).problems[0].message, /UTF-16/);
  const bom = parseDataset(templateOrders, fixture('utf8-bom-events.csv'));
  assert.deepEqual(bom.events, parseDataset(templateOrders, templateEvents).events);
});

test('a stray quote is reported where the quoted field began', () => {
  const swallow = (validateDataset({ orders: templateOrders, events: fixture('stray-quote-events.csv') }).problems);
  assert.deepEqual(swallow.map(where), ['error stray-quote-events.csv 2 offence']);
  assert.match(swallow[0].message, /begins on line 3/);
  const unclosed = validateDataset({ orders: templateOrders, events: fixture('unclosed-quote-events.csv') }).problems;
  assert.deepEqual(unclosed.map(where), ['error unclosed-quote-events.csv 5 offence']);
  assert.match(unclosed[0].message, /opened on line 6 is never closed/);
});

test('exact duplicate rows are warnings; the data stay valid', () => {
  const { dataset, problems: all } = validateDataset({ orders: templateOrders, events: fixture('duplicate-rows-events.csv') });
  const problems = (all);
  assert.deepEqual(problems.map(where), ['warning duplicate-rows-events.csv 3 -', 'warning duplicate-rows-events.csv 8 -']);
  assert.match(problems[0].message, /repeats row 2 exactly/);
  assert.equal(dataset!.events.length, 12);
});

test('ids are normalised to NFC, so a decomposed é in events matches a composed one in orders', () => {
  const nfd = fixture('nfd-events.csv') as { name: string; bytes: Uint8Array };
  assert.ok(new TextDecoder().decode(nfd.bytes).includes('E\u0301'), 'the fixture really is decomposed');
  const ds = parseDataset(fixture('nfc-orders.csv'), nfd);
  assert.ok(ds.events.some((e) => e.orderId === 'T-\u00c9002'));
  assert.equal(analyse(ds).events.pre, analyse(parseDataset(templateOrders, templateEvents)).events.pre);
});

test('an orders file with a header and no orders is one problem, not one more for every arrest', () => {
  const header = templateOrders.text.split('\n')[0];
  const { problems } = validateDataset({ orders: { name: 'orders.csv', text: `${header}\n` }, events: templateEvents }, { designWindow: 24 });
  assert.deepEqual(problems.filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.message}`), ['orders.csv: has a header but no orders']);
});

test('problemsCsv quotes cells and neutralises formulas (=, +, -, @, tab, carriage return), leaving plain numbers as they are', () => {
  const problems: Problem[] = ['=HYPERLINK("x")', '+1+A1', '-2-A1', '@SUM(A1)', '\tx', '\rx', 'plain, text', '-25', '+3.5'].map((value, k) => ({ severity: 'error', file: 'e.csv', row: k + 1, column: 'offence', value, message: `bad ${k}` }));
  const csv = problemsCsv(problems);
  // a byte-order mark first, as the results CSV has, so a spreadsheet reads "−" and "…" as written
  assert.ok(csv.startsWith('\uFEFF'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'severity,file,row,column,value,expected,hint,message');
  assert.deepEqual(lines.slice(1, 10).map((l) => l.split(',').slice(4).join(',').replace(/,,,bad \d$/, '')), [
    `"'=HYPERLINK(""x"")"`, "'+1+A1", "'-2-A1", "'@SUM(A1)", "'\tx", `"'\rx"`, '"plain, text"', '-25', '+3.5',
  ]);
  // a problem in the header is on the row "header", as the page says, not row 0
  assert.match(problemsCsv([{ severity: 'error', file: 'o.csv', row: 0, column: 'sample', message: 'is missing' }]), /\r\nerror,o\.csv,header,sample,,,,is missing\r\n$/);
});

test('problemsCsv lists errors first, as the page does, each severity in the order found', () => {
  const at = (severity: Problem['severity'], row: number): Problem => ({ severity, file: 'e.csv', row, column: 'date', value: 'x', message: `${severity} ${row}` });
  const lines = problemsCsv([at('warning', 1), at('error', 2), at('warning', 3), at('error', 4)]).trimEnd().split('\r\n');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(',')), ['error,e.csv,2', 'error,e.csv,4', 'warning,e.csv,1', 'warning,e.csv,3']);
});

// ---- Optional months in custody or abroad (months_unavailable_before / _after) -------------------

/** The template's orders with the two months-unavailable cells of row `row` (1-based) replaced. */
function withUnavailable(row: number, before: string, after: string): Source {
  const lines = templateOrders.text.trimEnd().split('\n');
  const cells = lines[row].split(',');
  cells.splice(-2, 2, before, after);
  lines[row] = cells.join(',');
  return { name: 'orders.csv', text: lines.join('\n') + '\n' };
}

test('months unavailable: the template\'s values are read for analysed orders, and empty cells are allowed for the others', () => {
  const ds = parseDataset(templateOrders, templateEvents);
  assert.deepEqual(
    ds.orders.map((o) => [o.id, o.monthsUnavailableBefore, o.monthsUnavailableAfter]),
    [['T-0001', 0, 6], ['T-0002', 2, 0], ['T-0003', 0, 3.5], ['T-0004', undefined, undefined], ['T-0005', undefined, undefined]],
  );
  for (const o of ds.orders.slice(3)) assert.ok(!('monthsUnavailableBefore' in o) && !('monthsUnavailableAfter' in o), `${o.id}: absent, not undefined`);
  // data without the columns (the bundled data) carry no such fields, and the columns change no number
  assert.ok(bundled.orders.every((o) => !('monthsUnavailableBefore' in o) && !('monthsUnavailableAfter' in o)));
  const without = templateOrders.text.split('\n').map((l) => l.split(',').slice(0, 6).join(',')).join('\n');
  assert.deepEqual(analyse(parseDataset({ name: 'orders.csv', text: without }, templateEvents)), analyse(ds));
});

test('months unavailable: each bad value names file, row, column, the value and what was expected', () => {
  const cases: [string, Source, string[], (string | undefined)[]][] = [
    ['more than the design window', withUnavailable(1, '25', '0'), ['error orders.csv 1 months_unavailable_before'], ['25']],
    ['negative', withUnavailable(2, '0', '-1'), ['error orders.csv 2 months_unavailable_after'], ['-1']],
    ['not a number', withUnavailable(3, 'three', '2.5'), ['error orders.csv 3 months_unavailable_before'], ['three']],
    ['empty for an analysed order', withUnavailable(1, '', ''), ['error orders.csv 1 months_unavailable_before', 'error orders.csv 1 months_unavailable_after'], [undefined, undefined]],
  ];
  for (const [label, orders, expected, values] of cases) {
    const { dataset, problems: all } = validateDataset({ orders, events: templateEvents });
    const problems = (all);
    assert.equal(dataset, undefined, label);
    assert.deepEqual(problems.map(where), expected, label);
    assert.deepEqual(problems.map((p) => p.value), values, label);
    for (const p of problems) assert.equal(p.expected, 'a number of months from 0 to 24', `${label}: says what was expected`);
  }
  // A negative count is called negative, not "not a number" (an analyst's -6 was told to use digits).
  assert.equal(validateDataset({ orders: withUnavailable(2, '0', '-6'), events: templateEvents }).problems[0].message, '"-6" is negative; months in custody or abroad are 0 or more');
  // with a spreadsheet's minus sign too; and "-0" is 0 (a re-check)
  assert.equal(validateDataset({ orders: withUnavailable(2, '0', '\u22123'), events: templateEvents }).problems[0].message, '"\u22123" is negative; months in custody or abroad are 0 or more');
  assert.equal(validateDataset({ orders: withUnavailable(2, '0', '-0'), events: templateEvents }).dataset!.orders[1].monthsUnavailableAfter, 0);
  // the limit is the design window declared, not 24
  const narrow = validateDataset({ orders: withUnavailable(1, '0', '13'), events: templateEvents }, { designWindow: 30 });
  assert.ok(narrow.dataset, 'within a 30-month design window');
  const twelve = validateDataset({ orders: withUnavailable(1, '0', '12.5'), events: templateEvents }, { designWindow: 12, outsideWindow: 'exclude' });
  const errors = twelve.problems.filter((p) => p.severity === 'error');
  assert.deepEqual(errors.map(where), ['error orders.csv 1 months_unavailable_after']);
  assert.match(errors[0].message, /12\.5 months is more than the design window of 12 months/);
  // the whole window is allowed (a person away throughout), and so is 0
  assert.ok(validateDataset({ orders: withUnavailable(1, '24', '0'), events: templateEvents }).dataset);
});

test('someone away for the whole of a period yet arrested in it: a warning on the order\'s row and column, the data kept', () => {
  // T-0001 has arrests both before and after its order.
  const before = parseDataset(templateOrders, templateEvents).events.filter((e) => e.orderId === 'T-0001');
  const [pre, post] = [before.filter((e) => e.month < 0).length, before.filter((e) => e.month > 0).length];
  assert.ok(pre > 0 && post > 0);
  const { dataset, problems } = validateDataset({ orders: withUnavailable(1, '24', '24'), events: templateEvents });
  assert.ok(dataset, 'a warning: the data are still analysed');
  const warned = problems.filter((p) => p.severity === 'warning' && /in custody or abroad for all/.test(p.message));
  assert.deepEqual(warned.map(where), ['warning orders.csv 1 months_unavailable_before', 'warning orders.csv 1 months_unavailable_after']);
  assert.match(warned[0].message, new RegExp(`^order "T-0001": the person is recorded as in custody or abroad for all 24 months before the order, yet events\\.csv has ${pre} arrests? in that time$`));
  assert.match(warned[1].message, new RegExp(`yet events\\.csv has ${post} arrests? in that time$`));
  assert.deepEqual(warned.map((p) => p.value), ['24', '24']);
  // Less than the whole period is not checked (the columns say how many months, not which), nor is a period with no arrests.
  assert.equal(validateDataset({ orders: withUnavailable(1, '23.5', '6'), events: templateEvents }).problems.filter((p) => /in custody or abroad for all/.test(p.message)).length, 0);
  const noneAfter = templateEvents.text.split('\n').filter((l) => !l.startsWith('T-0002,2019-09-01')).join('\n');
  assert.equal(validateDataset({ orders: withUnavailable(2, '0', '24'), events: { name: 'events.csv', text: noneAfter } }).problems.filter((p) => /in custody or abroad for all/.test(p.message)).length, 0);
});

test('months unavailable come in pairs: one column without the other is a header error naming the missing one', () => {
  for (const [keep, missing] of [[6, 'months_unavailable_after'], [7, 'months_unavailable_before']] as const) {
    const text = templateOrders.text.split('\n').map((l) => l.split(',').filter((_, k) => k < 6 || k === keep).join(',')).join('\n');
    const { dataset, problems } = validateDataset({ orders: { name: 'orders.csv', text }, events: templateEvents });
    assert.equal(dataset, undefined);
    assert.deepEqual((problems).map(where), [`error orders.csv 0 ${missing}`]);
    assert.match(problems[0].message, /come in pairs/);
  }
});

test('a column the report does not read is a warning naming it, and the data stay valid; a near miss of an optional column is an error that says so', () => {
  const withNotes = templateOrders.text.trim().split('\n').map((l, k) => `${l},${k === 0 ? 'notes' : `"free text ${k}"`}`).join('\n');
  const notes = validateDataset({ orders: { name: 'orders.csv', text: withNotes }, events: templateEvents });
  assert.ok(notes.dataset);
  assert.deepEqual((notes.problems).map(where), ['warning orders.csv 0 notes']);
  assert.match(notes.problems[0].message, /^is not a column the report reads, so its values are ignored$/);
  assert.doesNotMatch(JSON.stringify(notes.problems), /free text/, 'the values are never repeated');
  const typo = templateOrders.text.replace('months_unavailable_after', 'months_unavailble_after');
  const r = validateDataset({ orders: { name: 'orders.csv', text: typo }, events: templateEvents });
  assert.ok(r.problems.some((p) => where(p) === 'error orders.csv 0 months_unavailble_after' && p.hint === 'rename "months_unavailble_after" to "months_unavailable_after"; if the column is not meant to be read, give it a name less like "months_unavailable_after"'));
  assert.equal(r.dataset, undefined);
  // The study's own files read every column they have.
  assert.deepEqual(validateDataset({ orders: { name: 'orders.csv', text: readData('orders.csv') }, events: { name: 'events.csv', text: readData('events.csv') }, harmIndex: { name: 'harm-index.csv', text: readData('harm-index.csv') } }).problems, []);
});

test('a date in the right form that does not exist says which part is wrong, not how to write dates', () => {
  const cases: [string, RegExp][] = [
    ['2019-02-29', /^2019-02-29 is not a real date: February 2019 has 28 days, not 29$/],
    ['2019-13-01', /^2019-13-01 is not a real date: there is no month 13$/],
    ['2019-04-00', /^2019-04-00 is not a real date: there is no day 00$/],
    ['13/03/2019', /^"13\/03\/2019" is not a date like 2019-03-15: it looks like day\/month\/year$/],
    // a spreadsheet's habits: a time after the date, the date's serial number, an empty cell
    ['2019-05-13 00:00:00', /^"2019-05-13 00:00:00" is a date with a time; the report needs the date alone$/],
    ['43598', /^"43598" is not a date like 2019-03-15: it looks like a spreadsheet's number for the date 2019-05-13$/],
    ['', /^is empty; every arrest needs a date$/],
  ];
  for (const [bad, message] of cases) {
    const events = templateEvents.text.replace('T-0002,2019-05-13', `T-0002,${bad}`);
    assert.notEqual(events, templateEvents.text);
    const problems = (validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: events } }).problems);
    assert.deepEqual(problems.map(where), ['error events.csv 6 date'], bad);
    assert.match(problems[0].message, message);
    if (bad === '2019-05-13 00:00:00' || bad === '43598') assert.match(problems[0].hint!, /^write 2019-05-13; in the spreadsheet, format the column as yyyy-mm-dd/);
  }
  // A category written as words gets its code (Excel's "Modern Slavery" for modern_slavery).
  const named = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: templateEvents.text.replace('T-0002,2019-05-13,other', 'T-0002,2019-05-13,Modern Slavery') } }).problems;
  assert.equal(named.find((p) => p.column === 'category')!.hint, 'write modern_slavery');
  // 2020 is a leap year: the 29th of February is a date.
  assert.match(validateDataset({ orders: { name: 'orders.csv', text: templateOrders.text }, events: { name: 'events.csv', text: templateEvents.text.replace('T-0002,2019-05-13', 'T-0002,2020-02-30') } }).problems.find((p) => p.severity === 'error')!.message, /February 2020 has 29 days, not 30/);
});

test('a category code longer than 40 characters is an error naming the row, with the code shortened in the message', () => {
  const long = 'x'.repeat(5000);
  const events = templateEvents.text.replace('T-0002,2019-05-13,other', `T-0002,2019-05-13,${long}`);
  assert.notEqual(events, templateEvents.text);
  const { dataset, problems: all } = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: events } });
  const problems = (all);
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.map(where), ['error events.csv 6 category']);
  assert.match(problems[0].message, /^"x{24}…" is 5000 characters long; a category code is a short name of at most 40 characters$/);
  // 40 is accepted.
  const ok = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: templateEvents.text.replace('T-0002,2019-05-13,other', `T-0002,2019-05-13,${'x'.repeat(40)}`) } });
  assert.ok(ok.dataset);
});

test('a title line above the header is one problem that says so, not a row-by-row list of field counts (an analyst: 977 problems)', () => {
  const events = `Arrests export - records system - run 2023-06-30\n${templateEvents.text}`;
  const { dataset, problems } = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: events } });
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.map(where), ['error events.csv 0 -'], 'on the header row');
  assert.equal(problems[0].message, 'line 1 looks like a title, not the header: it has one field, and every row after it has 5, from line 2');
  assert.equal(problems[0].hint, 'if line 2 holds the column names, delete the line above it; otherwise check the first line for missing commas');
  // Two title lines, one with a comma: still a title (2 fields against 5), and both lines to delete.
  const two = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: `Arrests export, 2023\n${events}` } }).problems;
  assert.match(two[0].message, /^line 1 looks like a title, not the header: it has 2 fields, and most rows after it have 5, from line 3$/);
  assert.match(two[0].hint!, /^if line 3 holds the column names, delete the lines above it;/);
  // A title row padded with commas, as a spreadsheet saves it: still one title.
  const padded = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: `Arrests export,,,,\n${templateEvents.text}` } }).problems;
  // One problem: not "month: required column is missing" (the header below has date), nor "harm:
  // required column is missing" (the header below has harm; a re-check found it said beside the title).
  assert.deepEqual(padded.map(where), ['error events.csv 0 -'], padded.map((p) => p.message).join('\n'));
  assert.equal(padded[0].message, 'the header is not on the first line: line 2 of the file has the columns order_id, category, offence, so the line above it looks like a title');
  // Below a padded title, rows of only commas are numbered from the real header, as every other
  // problem is (a re-check: "row 1 (line 2)" named the row between title and header, counted from the
  // title); one between the title and the header is among the lines to delete, and said there.
  const lines = templateEvents.text.trimEnd().split('\n');
  const gaps = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: ['Arrests export,,,,', ',,,,', lines[0], lines[1], ',,,,', ...lines.slice(2)].join('\n') + '\n' } }).problems;
  assert.deepEqual(gaps.map(where), ['warning events.csv - -', 'error events.csv 0 -'], gaps.map((p) => p.message).join('\n'));
  assert.equal(gaps[0].message, '1 empty row (only commas, no values) was skipped, the first at row 2 (line 5)');
  assert.equal(gaps[1].message, 'the header is not on the first line: line 3 of the file has the columns order_id, category, offence, so the 2 lines above it look like titles (1 of them empty)');
  // With the only empty row above the header, there is no warning left to give.
  const onlyAbove = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: ['Arrests export,,,,', ',,,,', ...lines].join('\n') + '\n' } }).problems;
  assert.deepEqual(onlyAbove.map(where), ['error events.csv 0 -']);
  // A header one column short of its rows is not a title: each row is said, as before.
  const short = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: templateEvents.text.replace('order_id,date,category,offence,harm', 'order_id,date,category,offence') } }).problems;
  assert.ok(short.length > 1 && short.every((p) => !/title/.test(p.message)));
});

test('rows of only commas (a spreadsheet\'s empty rows) are skipped like blank lines, with one warning per file naming the first line', () => {
  // Excel writes ",,,,," for a row it considers used but empty, often several at the end of a sheet.
  const orders = templateOrders.text.replace(/\n$/, '\r\n,,,,,,,\r\n , ,,,,,,\r\n,,,,,,,\r\n');
  const eventLines = templateEvents.text.trim().split('\n');
  const events = [...eventLines.slice(0, 3), ',,,,', ...eventLines.slice(3), ',,,,', ''].join('\n');
  const { dataset, problems: all } = validateDataset({ orders: { name: 'orders.csv', text: orders }, events: { name: 'events.csv', bytes: new TextEncoder().encode(events) } });
  const problems = (all);
  assert.ok(dataset, problems.map((p) => p.message).join('\n'));
  assert.deepEqual(problems.map(where), ['warning orders.csv - -', 'warning events.csv - -']);
  assert.equal(problems[0].message, '3 empty rows (only commas, no values) were skipped, the first at row 6 (line 7)');
  assert.equal(problems[1].message, '2 empty rows (only commas, no values) were skipped, the first at row 3 (line 4)');
  assert.deepEqual(dataset, parseDataset(templateOrders, templateEvents), 'the same data as without the empty rows');
  // An empty row, or a blank line, still takes its row number, as a spreadsheet shows it: a problem
  // after it names the row the reader sees (row 7 is line 8 of the file), not the count of data rows.
  const bad = (sep: string) => validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: [...eventLines.slice(0, 3), sep, ...eventLines.slice(3)].join('\n').replace('T-0002,2019-05-13,other', 'T-0002,2019-05-13,Other') } });
  const lineOf = (text: string) => [...eventLines.slice(0, 3), '', ...eventLines.slice(3)].findIndex((l) => l.includes(text)) + 1;
  assert.equal(lineOf('T-0002,2019-05-13,other'), 8);
  assert.deepEqual((bad(',,,,').problems).map(where), ['warning events.csv - -', 'error events.csv 7 category']);
  assert.deepEqual((bad('').problems).map(where), ['error events.csv 7 category']);
  // Two blank lines before it: two rows later.
  assert.deepEqual((bad('\n').problems).map(where), ['error events.csv 8 category']);
  // Only empty rows: the file is empty, not a crash.
  assert.match(validateDataset({ orders: { name: 'orders.csv', text: ',,,,\r\n,,,,\r\n' }, events: templateEvents }).problems[0].message, /only empty rows/);
});

test('swapped files: the missing-column errors still name file, header and column, and say the file looks like the other one', () => {
  const { dataset, problems } = validateDataset({ orders: { name: 'events.csv', text: templateEvents.text }, events: { name: 'orders.csv', text: templateOrders.text } });
  assert.equal(dataset, undefined);
  const errors = problems.filter((p) => p.severity === 'error');
  // The events file (here the orders) is checked although the orders file cannot be read: its own
  // missing columns are listed in the same round, each saying the files look swapped.
  assert.deepEqual(errors.map(where), [
    'error events.csv 0 issued', 'error events.csv 0 sample',
    'error orders.csv 0 harm', 'error orders.csv 0 month', 'error orders.csv 0 category', 'error orders.csv 0 offence',
  ]);
  for (const p of errors.slice(0, 2)) assert.match(p.message, /^required column is missing \(the header has: order_id, date, category, offence, harm\); this looks like the events file: were the two files swapped\?$/);
  for (const p of errors.slice(2)) assert.match(p.message, /this looks like the orders file: were the two files swapped\?$/);
  assert.equal(problems.filter((p) => p.severity === 'warning').length, 0, 'no "column the report does not read" warnings for the other file\'s columns');
  // Only the events file wrong (the orders file chosen twice): its errors say so too.
  const twice = validateDataset({ orders: templateOrders, events: { name: 'orders-again.csv', text: templateOrders.text } }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } });
  const harmIndex = { name: 'harm-index.csv', text: readData('harm-index.csv') };
  const withIndex = validateDataset({ orders: templateOrders, events: { name: 'orders-again.csv', text: templateOrders.text }, harmIndex });
  for (const v of [twice, withIndex]) assert.ok(v.problems.some((p) => p.file === 'orders-again.csv' && /this looks like the orders file: were the two files swapped\?/.test(p.message)), v.problems.map((p) => p.message).join('\n'));
  // A missing column that is only a typo keeps its own hint.
  const typo = validateDataset({ orders: { name: 'orders.csv', text: templateOrders.text.replace('sample', 'sampel') }, events: templateEvents });
  assert.doesNotMatch(typo.problems.map((p) => p.message).join('\n'), /swapped/);
});

// ---- Follow-up the data cannot show, invalid samples, files checked each on its own, file formats ----

const recentOrders = fixture('recent-orders.csv');
const recentEvents = fixture('recent-events.csv');

test('an analysed order made after every arrest in the file is a warning on its row: the file shows none of its follow-up', () => {
  // recent-*.csv: R-0001 (2019-01-31) and R-0002 (2020-11-20) were made before the latest arrest
  // (2021-02-28); R-0003 (2021-06-01) after every arrest; R-0004 is excluded_followup, so not analysed and not checked.
  const { dataset, problems } = validateDataset({ orders: recentOrders, events: recentEvents });
  assert.ok(dataset, 'warnings only: the data load');
  assert.deepEqual(problems.map(where), ['warning recent-orders.csv 3 issued_date']);
  assert.equal(problems[0].value, '2021-06-01');
  assert.equal(problems[0].message, 'order "R-0003" was made on 2021-06-01, after the latest arrest in recent-events.csv (2021-02-28): the file shows none of its 24-month follow-up (to 2023-05-31), so its arrests after the order cannot be counted and it can only show a fall');
  assert.match(problems[0].hint!, /excluded_followup/);
  // Found once the events are read, but listed in the orders file's row order, among its other problems.
  const text = new TextDecoder().decode((recentOrders as { bytes: Uint8Array }).bytes).replace('R-0001,2019-Q1,2019-01-31,analysed,60', 'R-0001,2019-Q1,2019-01-31,analysed,x').replace('excluded_followup,24', 'excluded_followup,x');
  assert.deepEqual(validateDataset({ orders: { name: 'recent-orders.csv', text }, events: recentEvents }).problems.map(where), [
    'warning recent-orders.csv 1 duration_months', 'warning recent-orders.csv 3 issued_date', 'warning recent-orders.csv 4 duration_months',
  ]);
  // The design window declared names the follow-up.
  const six = validateDataset({ orders: recentOrders, events: recentEvents }, { designWindow: 6, outsideWindow: 'exclude' });
  assert.match(six.problems.find((p) => p.row === 3)!.message, /none of its 6-month follow-up \(to 2021-11-30\)/);

  // To the day: an order made on the day of the latest arrest is not after it.
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample,duration_months,conditions\nR-0001,2019-Q1,2019-01-31,analysed,60,\n' };
  const lastArrest = (date: string) => validateDataset({ orders, events: { name: 'events.csv', text: `order_id,date,category,offence,harm\nR-0001,2017-03-02,violence,Common assault,2\nR-0001,${date},violence,Common assault,2\n` } }).problems;
  assert.deepEqual(lastArrest('2019-01-31').map(where), ['warning events.csv 2 date'], 'an arrest on the day the order was made: month 0, and no follow-up warning');
  assert.deepEqual(lastArrest('2019-01-30').map(where), ['warning orders.csv 1 issued_date']);
  // A follow-up that merely runs past the latest arrest is not warned of: valid data (the templates) do that.
  assert.deepEqual(validateDataset({ orders: templateOrders, events: templateEvents }).problems, []);
  // Events given as months carry no calendar: nothing to compare (the bundled data give no warning at all).
});

test('an extract that stops before many orders\' follow-up ends is one warning listing their rows (an analyst: a rise of 13% read as a fall of 2%); complete cohorts never raise it', () => {
  const W = 24;
  const cohort = makeCohort({ seed: 11, orders: 300, designWindow: W });
  const complete = (seed: number) => makeCohort({ seed, orders: 300, designWindow: W });
  const cutShort = (p: Problem) => p.column === 'issued_date' && p.row === undefined && p.severity === 'warning';
  for (const seed of [1, 2, 3, 11, 41]) {
    const c = complete(seed);
    assert.deepEqual(validateDataset({ orders: { name: 'orders.csv', text: c.ordersCsv }, events: { name: 'events.csv', text: c.eventsCsv } }, { designWindow: W }).problems.filter(cutShort), [], `seed ${seed}`);
  }
  // The same cohort, its arrests cut off a year before the last follow-up ends, as an extract run too early.
  const lines = cohort.eventsCsv.trim().split('\n');
  const cut = '2021-06-30';
  const kept = [lines[0], ...lines.slice(1).filter((l) => l.split(',')[1] <= cut)];
  const latest = kept.slice(1).map((l) => l.split(',')[1]).sort().at(-1)!;
  const v = validateDataset({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: kept.join('\n') + '\n' } }, { designWindow: W });
  assert.ok(v.dataset, 'a warning: the data still load');
  const found = v.problems.filter(cutShort);
  assert.equal(found.length, 1);
  // The orders it names, counted here by the cohort's own calendar: made on the 10th, followed up to the 9th, W months on.
  const rows = cohort.ordersCsv.trim().split('\n').slice(1).flatMap((l, i) => {
    const [, , date, sample] = l.split(',');
    const [y, m] = date.split('-').map(Number);
    const k = y * 12 + (m - 1) + W;
    const end = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-09`;
    return sample === 'analysed' && end > latest ? [i + 1] : [];
  });
  assert.ok(rows.length > 50);
  assert.deepEqual(found[0].rows, rows);
  assert.match(found[0].message, new RegExp(`^the arrests in events\\.csv stop on ${latest}, but the 24-month follow-up of ${rows.length} analysed orders runs past that date \\(to \\d{4}-\\d{2}-09 at the latest\\), [\\d,]+ person-months in all\\. At the rate the files show after the orders, about \\d+ arrests would be expected in those months, and there are none: `));
  assert.match(found[0].hint!, /Data extracted on.*excluded_followup/);
  // Declaring the extraction date replaces it with the order-by-order errors.
  const declared = validateDataset({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: kept.join('\n') + '\n' } }, { designWindow: W, extracted: cut });
  assert.deepEqual(declared.problems.filter(cutShort), []);
  assert.equal(declared.problems.filter((p) => p.column === 'issued_date' && p.severity === 'error').length, rows.length);
});

test('an order with no valid sample: its own error, and one warning for its arrests, never one per arrest', () => {
  const lines = templateOrders.text.split('\n');
  lines[2] = lines[2].replace(',analysed,', ',,'); // T-0002: blank
  lines[3] = lines[3].replace(',analysed,', ',Analysed,'); // T-0003: capitalised
  const { dataset, problems } = validateDataset({ orders: { name: 'orders.csv', text: lines.join('\n') }, events: templateEvents });
  assert.equal(dataset, undefined);
  // T-0002's three arrests are rows 5-7 of the template's events, T-0003's rows 8-10.
  assert.deepEqual(problems.map(where), ['error orders.csv 2 sample', 'error orders.csv 3 sample', 'warning events.csv 5 order_id', 'warning events.csv 8 order_id']);
  assert.equal(problems[0].message, 'is empty; every order needs one of analysed, excluded_followup, excluded_data');
  assert.equal(problems[1].message, '"Analysed" is not one of analysed, excluded_followup, excluded_data (is it "analysed"?)');
  assert.equal(problems[1].hint, 'write "analysed"');
  assert.equal(problems[2].message, 'order "T-0002" has no valid sample in orders.csv (row 2), so whether its 3 arrests (the first in this row) belong in the analysis was not checked');
  assert.equal(problems[3].message, 'order "T-0003" has no valid sample in orders.csv (row 3), so whether its 3 arrests (the first in this row) belong in the analysis was not checked');
  for (const p of problems) assert.doesNotMatch(p.message, /""|  /, 'no empty quoted value, no double space');
  // A misspelling gets the same hint, and one arrest is counted as one.
  const one = templateOrders.text.replace('T-0001,2019-Q1,2019-01-31,analysed', 'T-0001,2019-Q1,2019-01-31,analyzed');
  const oneArrest = templateEvents.text.split('\n').filter((l, k) => k < 2 || !l.startsWith('T-0001')).join('\n');
  const r = validateDataset({ orders: { name: 'orders.csv', text: one }, events: { name: 'events.csv', text: oneArrest } });
  assert.deepEqual((r.problems).map(where), ['error orders.csv 1 sample', 'warning events.csv 1 order_id']);
  assert.equal(r.problems[0].hint, 'write "analysed"');
  assert.match((r.problems)[1].message, /so whether its arrest belongs in the analysis was not checked$/);
});

test('an orders file that cannot be read does not hide the events file\'s own problems', () => {
  // A wrong orders header: its missing columns, and in the same round the events' bad date and
  // category (what needs the orders, such as whose arrest it is, waits for them).
  const orders = { name: 'orders.csv', text: templateOrders.text.replace('order_id,', 'Order_ID,').replace(',sample,', ',Sample,') };
  const events = { name: 'events.csv', text: templateEvents.text.replace('T-0001,2017-03-02', 'T-0001,2017-02-30').replace('T-0002,2019-05-13,other', 'T-0002,2019-05-13,Other') };
  const { dataset, problems } = validateDataset({ orders, events });
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.filter((p) => p.severity === 'error').map(where), ['error orders.csv 0 order_id', 'error orders.csv 0 sample', 'error events.csv 1 date', 'error events.csv 6 category']);
  // The events' own header too.
  const header = validateDataset({ orders, events: { name: 'events.csv', text: templateEvents.text.replace('category', 'Category') } }).problems;
  assert.ok(header.some((p) => where(p) === 'error events.csv 0 category'), header.map(where).join('\n'));
  // An empty orders file and an events file with no events: both said at once.
  const empty = validateDataset({ orders: { name: 'orders.csv', text: '' }, events: { name: 'events.csv', text: 'order_id,date,category,offence,harm\n' } }).problems;
  assert.deepEqual(empty.map(where), ['error orders.csv - -', 'error events.csv - -']);
  assert.match(empty[1].message, /has a header but no events/);
  // An empty order id is said as such, whether or not the orders can be read.
  const blankId = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: templateEvents.text.replace('T-0002,2019-05-13', ',2019-05-13') } }).problems;
  assert.deepEqual((blankId).map(where), ['error events.csv 6 order_id']);
  assert.equal((blankId)[0].message, 'is empty; every arrest needs the id of its order');
});

test('a spreadsheet workbook chosen instead of its CSV is named as such, not as UTF-16', () => {
  // An .xlsx is a zip archive: it starts with PK 3 4, and contains NUL bytes that looked like UTF-16.
  const xlsx = { name: 'orders.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]) };
  const x = validateDataset({ orders: xlsx, events: templateEvents }).problems;
  assert.equal(where(x[0]), 'error orders.xlsx - -');
  assert.equal(x[0].message, 'the file is an Excel workbook (.xlsx) or another zip archive, not CSV text');
  assert.match(x[0].hint!, /save it as "CSV UTF-8 \(comma delimited\)"/);
  assert.doesNotMatch(x[0].message, /UTF-16/);
  const xls = { name: 'orders.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]) };
  assert.match(validateDataset({ orders: xls, events: templateEvents }).problems[0].message, /Excel 97–2003 workbook \(\.xls\)/);
  // Its bytes read as text (as a browser's file.text() would) keep the zip signature.
  assert.match(validateDataset({ orders: { name: 'orders.xlsx', text: 'PK\u0003\u0004\u0014\u0000\u0000' }, events: templateEvents }).problems[0].message, /Excel workbook/);
  // A PDF renamed .csv (an analyst: called UTF-16), as bytes and as text.
  const pdf = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\u0000\u0000');
  for (const orders of [{ name: 'orders.csv', bytes: pdf }, { name: 'orders.csv', text: '%PDF-1.7\n1 0 obj\u0000' }]) {
    const p = validateDataset({ orders, events: templateEvents }).problems;
    assert.equal(p[0].message, 'the file is a PDF document, not CSV text');
    assert.match(p[0].hint!, /^export the data .* as "CSV UTF-8 \(comma delimited\)"/);
  }
});

test('a column with no name is said to be one, by its position: an empty one is most likely a comma at the end of each line', () => {
  // A comma at the end of every line: an unnamed, empty last column, a warning by its position.
  const trailing = templateOrders.text.trimEnd().split('\n').map((l) => `${l},`).join('\n');
  const t = validateDataset({ orders: { name: 'orders.csv', text: trailing }, events: templateEvents });
  assert.ok(t.dataset);
  assert.deepEqual((t.problems).map(where), ['warning orders.csv 0 -']);
  assert.equal(t.problems[0].message, 'column 9 (the last) is an unnamed, empty column (a comma at the end of each line?), so it is ignored');
  // Two such commas: two warnings, not "the column appears twice"; an unnamed column with values says so.
  const two = validateDataset({ orders: { name: 'orders.csv', text: templateOrders.text.trimEnd().split('\n').map((l) => `${l},,`).join('\n') }, events: templateEvents });
  assert.ok(two.dataset);
  assert.deepEqual((two.problems).map(where), ['warning orders.csv 0 -', 'warning orders.csv 0 -']);
  const named = validateDataset({ orders: { name: 'orders.csv', text: templateOrders.text.trimEnd().split('\n').map((l, k) => `${l},${k === 0 ? '' : 'x'}`).join('\n') }, events: templateEvents });
  assert.equal((named.problems)[0].message, 'column 9 (the last) has no name in the header, so its values are ignored');
});

test('a design window of 1 is "1 month", not "1 months", in every message that names it', () => {
  const w1 = validateDataset({ orders: withUnavailable(1, '0', '1.5'), events: templateEvents }, { designWindow: 1 }).problems;
  assert.ok(w1.some((p) => p.message === '1.5 months is more than the design window of 1 month'), w1.map((p) => p.message).join('\n'));
  assert.ok(w1.some((p) => /(^Month -?\d+|is month −?\d+, which) is outside the design window of 1 month either side of order "T-\d+" \(made on \d{4}-\d{2}-\d{2}\)$/.test(p.message)));
  assert.ok(!w1.some((p) => /\b1 months\b/.test(p.message)));
  const excluded = validateDataset({ orders: templateOrders, events: templateEvents }, { designWindow: 1, outsideWindow: 'exclude' }).problems;
  assert.ok(excluded.some((p) => /^\d+ events were outside the design window of 1 month and were excluded, as asked: rows \d+(, \d+)* and \d+( more)?$/.test(p.message)), excluded.map((p) => p.message).join('\n'));
  // The rows named are the rows the strict reading reports as outside the window.
  const strict = validateDataset({ orders: templateOrders, events: templateEvents }, { designWindow: 1 }).problems.filter((p) => /outside the design window/.test(p.message)).map((p) => String(p.row));
  const message = excluded.find((p) => /excluded, as asked/.test(p.message))!.message;
  const named = message.replace(/^.*as asked: rows /, '').replace(/ and (\d+ more)$/, ', $1').replace(' and ', ', ').split(', ').filter((x) => !/more/.test(x));
  assert.deepEqual(named, strict.slice(0, 10));
  if (strict.length > 10) assert.match(message, new RegExp(` and ${strict.length - 10} more$`));
  // Past ten, the hint says how to see every one.
  assert.equal(/--outside-window error/.test(excluded.find((p) => /excluded, as asked/.test(p.message))!.hint ?? ''), strict.length > 10);
  // The problems CSV loses none: a line for each row left out, the very rows the strict reading names.
  const csvRows = problemsCsv(excluded).trimEnd().split('\r\n').filter((l) => l.includes('excluded, as asked')).map((l) => l.split(',')[2]);
  assert.deepEqual(csvRows, strict);
});

test('the problems CSV gives each row of an offence missing from the harm index a line of its own', () => {
  const events = { name: 'events.csv', text: templateEvents.text.replace(/,[^,\n]*\n/g, '\n') };
  const index = { name: 'harm-index.csv', text: 'offence,harm_days\nKidnapping or false imprisonment,1\n' };
  const { problems } = validateDataset({ orders: templateOrders, events, harmIndex: index });
  const missing = problems.filter((p) => /is not in the harm index/.test(p.message));
  assert.ok(missing.some((p) => (p.rows?.length ?? 0) > 1), missing.map((p) => p.message).join('\n'));
  const lines = problemsCsv(problems).trimEnd().split('\r\n').slice(1);
  for (const p of missing) {
    const mine = lines.filter((l) => l.split(',')[4] === p.value);
    assert.deepEqual(mine.map((l) => Number(l.split(',')[2])), [...(p.rows ?? [p.row])], p.value);
  }
  // Every arrest of those offences has its line, and no row twice.
  const rows = missing.flatMap((p) => [...(p.rows ?? [p.row])]);
  assert.equal(new Set(rows).size, rows.length);
});

test('a duplicated order id is the one problem: its arrests are not placed against the later row\'s date, which would report false months', () => {
  const lines = templateOrders.text.trimEnd().split('\n');
  // T-0001 again, issued two years later: its arrests, dated for the first row, would fall outside the window.
  const duplicate = lines[1].replace('2019-Q1,2019-01-31', '2021-Q1,2021-02-15');
  const orders = { name: 'orders.csv', text: [...lines, duplicate].join('\n') + '\n' };
  const { dataset, problems } = validateDataset({ orders, events: templateEvents });
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.filter((p) => p.severity === 'error').map(where), [`error orders.csv ${lines.length} order_id`]);
  assert.match(problems[0].message, /"T-0001" duplicates the id in row 1/);
});

test('an offence whose weight in the harm index is invalid: that row is the problem, not every arrest for the offence as "not in the index"', () => {
  const index = 'offence,harm_days\nKidnapping or false imprisonment,-1\nAssault occasioning actual bodily harm (s47),10\nTheft,2\nCommon assault,5\nPossession with intent to supply a Class A drug,547.5\n';
  const events = { name: 'events.csv', text: templateEvents.text.replace(/,[^,\n]*\n/g, '\n').replace('order_id,date,category,offence\n', 'order_id,date,category,offence\n') };
  assert.ok(!events.text.split('\n')[0].includes('harm'));
  const { problems } = validateDataset({ orders: templateOrders, events, harmIndex: { name: 'harm-index.csv', text: index } });
  const errors = problems.filter((p) => p.severity === 'error');
  assert.ok(errors.length > 0);
  assert.deepEqual(errors.filter((p) => p.file === 'harm-index.csv').map(where), ['error harm-index.csv 1 harm_days']);
  assert.equal(errors.filter((p) => /Kidnapping/.test(p.message) && p.file === 'events.csv').length, 0, errors.map((p) => p.message).join('\n'));
});

test('columns recorded but not analysed (conditions, duration_months) never stop the analysis: a value written another way is a warning with the way to write it', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample,duration_months,conditions\nA,2019-Q1,analysed,5 years,Curfew; Exclusion Zone\nB,2019-Q2,analysed,24,exclusion_zone\n' };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,violence,Assault,10\nB,2,drugs,Possession,1\n' };
  const { dataset, problems } = validateDataset({ orders, events }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } });
  assert.ok(dataset, 'the data load');
  assert.deepEqual(problems.map(where), ['warning orders.csv 1 duration_months', 'warning orders.csv 1 conditions']);
  assert.match(problems[0].message, /"5 years" is not a whole number of months, 1 or more, so it is read as unknown/);
  assert.equal(problems[0].hint, 'write 60');
  assert.match(problems[1].message, /^"Curfew" and "Exclusion Zone" are not lowercase codes; kept as written/);
  assert.equal(problems[1].hint, 'write "curfew" and "exclusion_zone"');
  assert.deepEqual(dataset.orders[0].conditions, ['Curfew', 'Exclusion Zone']);
  assert.equal(dataset.orders[0].durationMonths, null);
  // A quarter written another way is still an error (the quarter places the order), with the way to write it.
  for (const [written, meant] of [['2017 Q4', '2017-Q4'], ['Q4 2017', '2017-Q4'], ['2017q4', '2017-Q4']]) {
    const bad = validateDataset({ orders: { name: 'orders.csv', text: orders.text.replace('2019-Q1', written) }, events }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } });
    const p = bad.problems.find((q) => q.column === 'issued')!;
    assert.equal(p.severity, 'error');
    assert.equal(p.hint, `write "${meant}"`, written);
  }
});

test('an empty harm cell says it is empty, not that "" is not a number', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample,duration_months,conditions\nA,2019-Q1,analysed,,\n' };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,violence,Assault,\nA,2,violence,Assault,10\n' };
  const { problems } = validateDataset({ orders, events }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } });
  assert.deepEqual(problems.map(where), ['error events.csv 1 harm']);
  assert.match(problems[0].message, /^is empty; give the harm in days/);
});

test('dates written day/month/year (as UK spreadsheets write them) are recognised at their row, with the date they would be', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample,duration_months,conditions\nA,2019-Q1,2019-02-01,analysed,,\n' };
  const events = (date: string) => ({ name: 'events.csv', text: `order_id,date,category,offence,harm\nA,${date},violence,Assault,10\n` });
  const first = (date: string) => validateDataset({ orders, events: events(date) }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } }).problems.find((p) => p.column === 'date')!;
  assert.match(first('15/03/2019').message, /"15\/03\/2019" is not a date like 2019-03-15: it looks like day\/month\/year$/);
  assert.match(first('15/03/2019').hint!, /^write 2019-03-15; in the spreadsheet, format the column as yyyy-mm-dd/);
  assert.match(first('05/03/2019').hint!, /^write 2019-03-05 if it is day\/month\/year \(as UK spreadsheets write dates\), 2019-05-03 if month\/day\/year/);
  assert.match(first('3/15/2019').hint!, /^write 2019-03-15;/);
  // the same either way: one date, not the same one offered twice (an analyst's 11/11/2019)
  assert.match(first('11/11/2019').hint!, /^write 2019-11-11; in the spreadsheet/);
  // Year first, or the month by name: one reading only, with its fix.
  assert.equal(first('2019/03/15').message, '"2019/03/15" is not a date like 2019-03-15: it is written as year/month/day');
  assert.deepEqual(first('2019/03/15').fix, { value: '2019-03-15' });
  assert.deepEqual(first('15-Mar-2019').fix, { value: '2019-03-15' });
  assert.deepEqual(first('15 March 2019').fix, { value: '2019-03-15' });
  assert.equal(first('31-Feb-2019').fix, undefined);
  // A time in UTC is no fix: late in the evening the date in the UK is the next day.
  assert.equal(first('2019-03-14T23:30:00Z').fix, undefined);
  assert.deepEqual(first('2019-03-15 10:15').fix, { value: '2019-03-15' });
  // Read one way only, but no such day: said, with no date to write (it had offered "2019-02-31").
  assert.equal(first('31/02/2019').message, '"31/02/2019" is not a date like 2019-03-15: it looks like day/month/year, but February 2019 has 28 days, not 31');
  assert.equal(first('31/02/2019').fix, undefined);
  assert.match(first('2019/13/15').message, /but there is no such date$/);
  // A two-digit year: the pattern named, the likely date offered, no fix (an analyst's 15/03/19 got only "not a date like").
  assert.equal(first('15/03/19').message, '"15/03/19" is not a date like 2019-03-15: it looks like day/month/year with a two-digit year, so its century is not written');
  assert.match(first('15/3/19').hint!, /^write 2019-03-15 if the year is 2019; in the spreadsheet/);
  assert.equal(first('15/03/19').fix, undefined);
  assert.equal(first('05/03/19').message, '"05/03/19" is not a date like 2019-03-15: it has a two-digit year, so its century is not written');
  assert.match(first('05/03/19').hint!, /^write the year in full, and the day and month as the record gives them;/);
});

test('a column written day/month/year throughout is said once, first, as one fix; its rows keep their own problems', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample,duration_months,conditions\nA,2019-Q1,2019-02-01,analysed,,\n' };
  const dates = ['15/03/2019', '20/04/2019', '11/11/2019', '05/06/2019'];
  const events = { name: 'events.csv', text: `order_id,date,category,offence,harm\n${dates.map((d) => `A,${d},violence,Assault,10`).join('\n')}\n` };
  const problems = validateDataset({ orders, events }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } }).problems.filter((p) => p.column === 'date');
  assert.equal(problems.length, 5);
  assert.equal(problems[0].row, undefined);
  assert.equal(problems[0].message, '4 dates in this column are written day/month/year, as a UK spreadsheet writes them (the first on row 1, "15/03/2019"): one fix for all of them');
  assert.match(problems[0].hint!, /^in the spreadsheet, format the column as yyyy-mm-dd before saving it as CSV, then choose the file again$/);
  assert.deepEqual(problems.slice(1).map((p) => p.row), [1, 2, 3, 4]);
  // Under that summary, a row that could be read either way is read as the column's others are, with
  // one date to write (an analyst: "could be day/month/year or month/day/year" contradicted it).
  const six = { name: 'events.csv', text: `order_id,date,category,offence,harm\n${[...dates, '03/04/2019'].map((d) => `A,${d},violence,Assault,10`).join('\n')}\n` };
  const settled = validateDataset({ orders, events: six }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } }).problems.filter((p) => p.column === 'date');
  const either = settled.find((p) => p.value === '03/04/2019')!;
  assert.equal(either.message, '"03/04/2019" is not a date like 2019-03-15: like the column\'s other dates, it reads as day/month/year');
  assert.match(either.hint!, /^write 2019-04-03; /);
  assert.ok(settled.every((p) => !/month\/day\/year/.test(p.message)), settled.map((p) => p.message).join('\n'));
  // Two such dates are said row by row only.
  const two = { name: 'events.csv', text: `order_id,date,category,offence,harm\n${dates.slice(0, 2).map((d) => `A,${d},violence,Assault,10`).join('\n')}\n` };
  assert.ok(validateDataset({ orders, events: two }, { manifest: { designWindow: 24, synthetic: false, calibrated: false } }).problems.every((p) => p.row !== undefined || p.column !== 'date'));
});

test('dates that are the same either way do not count against settling a column; too few dates that read one way only are said once, with what it takes (an analyst: Tidy left 12 of 32 dates, with no word why)', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample,duration_months,conditions\nA,2019-Q1,2019-02-01,analysed,,\n' };
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const column = (dates: string[]) => validateDataset({ orders, events: { name: 'events.csv', text: `order_id,date,category,offence,harm\n${dates.map((d) => `A,${d},violence,Assault,10`).join('\n')}\n` } }, { manifest }).problems.filter((p) => p.column === 'date');
  // 3 day-first, 9 either way, 12 the same either way: 3 of the 12 that are not the same is a fifth and more.
  const same = ['01/01/2019', '02/02/2019', '03/03/2019', '04/04/2019', '05/05/2019', '06/06/2019', '07/07/2019', '08/08/2019', '09/09/2019', '10/10/2019', '11/11/2019', '12/12/2019'];
  const either = ['01/02/2019', '02/03/2019', '03/04/2019', '04/05/2019', '05/06/2019', '06/07/2019', '07/08/2019', '08/09/2019', '09/10/2019'];
  const settled = column(['15/03/2019', '20/04/2019', '25/05/2019', ...either, ...same]);
  assert.equal(settled[0].message, '24 dates in this column are written day/month/year, as a UK spreadsheet writes them (the first on row 1, "15/03/2019"): one fix for all of them');
  assert.deepEqual(settled.find((p) => p.value === '03/04/2019')!.fix, { value: '2019-04-03' });
  // 2 day-first among 12 either way: it takes 3; the 12 keep both readings and no fix, and the column says why, once.
  const few = column(['15/03/2019', '20/04/2019', ...either, '10/11/2019', '11/12/2019', '12/01/2019', ...same]);
  const summary = few.filter((p) => p.row === undefined);
  assert.equal(summary.length, 1);
  assert.equal(summary[0].message, '2 dates in this column read only as day/month/year (the first on row 1, "15/03/2019"), too few to decide the 12 dates that read either way round (it takes 3: at least 2, and a fifth of the 14 dates that are not the same either way), so they are not rewritten');
  assert.deepEqual(summary[0].rows, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  assert.ok(few.filter((p) => p.row !== undefined && p.row >= 3 && p.row <= 14).every((p) => p.fix === undefined && /could be day\/month\/year or month\/day\/year/.test(p.message)));
});

test('dates with a time of day, or as a spreadsheet\'s day numbers, in a whole column are said once, first, as one fix (an analyst: 947 and 1,271 errors)', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample,duration_months,conditions\nA,2019-Q1,2019-02-01,analysed,,\n' };
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const column = (dates: string[]) => validateDataset({ orders, events: { name: 'events.csv', text: `order_id,date,category,offence,harm\n${dates.map((d) => `A,${d},violence,Assault,10`).join('\n')}\n` } }, { manifest }).problems.filter((p) => p.column === 'date');
  const timed = column(['2019-03-15 10:15', '2019-04-20T00:00:00', '2019-06-05 09:30:00']);
  assert.equal(timed.length, 4);
  assert.equal(timed[0].message, '3 dates in this column carry a time of day, as a spreadsheet\'s date-and-time format writes them (the first on row 1, "2019-03-15 10:15"): one fix for all of them');
  assert.deepEqual(timed[0].rows, [1, 2, 3]);
  // 43539 is 2019-03-15 counted from 1899-12-30, as spreadsheets count
  const serial = column(['43539', '43575', '43621']);
  assert.equal(serial[0].message, '3 dates in this column are a spreadsheet\'s day numbers, saved without their date format (the first on row 1, "43539"): one fix for all of them');
  assert.match(serial[1].message, /the date 2019-03-15$/);
  assert.match(serial[0].hint!, /^in the spreadsheet, format the column as yyyy-mm-dd before saving it as CSV, then choose the file again$/);
  // Mixed kinds below the threshold each: row by row only.
  assert.ok(column(['2019-03-15 10:15', '43575', '2019-06-05 09:30:00']).every((p) => p.row !== undefined));
});

test('hints for what analysts write: months in words, codes separated by commas, an empty category or index weight', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const orders = (duration: string, conditions: string) => ({ name: 'orders.csv', text: `order_id,issued,sample,duration_months,conditions\nA,2019-Q1,analysed,${duration},"${conditions}"\n` });
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,violence,Assault,10\n' };
  const first = (o: { name: string; text: string }, e = events) => validateDataset({ orders: o, events: e }, { manifest }).problems;
  assert.equal(first(orders('18 months', ''))[0].hint, 'write 18');
  assert.match(first(orders('-12', ''))[0].message, /"-12" is not a whole number of months, 1 or more/);
  assert.match(first(orders('', 'Curfew, tag'))[0].hint!, /^separate codes with ";"/);
  const empty = first(orders('', ''), { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,,Assault,10\n' });
  assert.deepEqual(empty.map((p) => [p.column, p.message]), [['category', 'is empty; every arrest needs a category code, such as violence or modern_slavery']]);
  // An empty weight in a harm index is the index's problem, with the index's advice.
  const index = { name: 'my-index.csv', text: 'offence,harm_days\nAssault,\n' };
  const noHarm = { name: 'events.csv', text: 'order_id,month,category,offence\nA,-3,violence,Assault\n' };
  const p = validateDataset({ orders: orders('', ''), events: noHarm, harmIndex: index }, { manifest }).problems.find((q) => q.file === 'my-index.csv')!;
  assert.match(p.message, /^is empty; every offence of the index needs a weight in days/);
  assert.doesNotMatch(p.hint!, /harm column/);
});

test('a column named like one the report reads ("Harm" for harm) is an error, not a warning: the analysis would otherwise take harm from a harm index instead of the file', () => {
  const events = { name: 'events.csv', text: templateEvents.text.replace('order_id,date,category,offence,harm', 'order_id,date,category,offence,Harm') };
  const withIndex = validateDataset({ orders: templateOrders, events, harmIndex: { name: 'harm-index.csv', text: readFileSync(new URL('../data/harm-index.csv', import.meta.url), 'utf8') } });
  assert.equal(withIndex.dataset, undefined, 'the files do not load with their harm column unread');
  const p = withIndex.problems.find((x) => x.column === 'Harm')!;
  assert.equal(where(p), 'error events.csv 0 Harm');
  // (the same name in other capitals: said so, not called a misspelling, as Tidy makes it the one right answer)
  assert.match(p.message, /is it "harm" written another way\? As written, its values would be ignored and harm taken from a harm index instead/);
  assert.deepEqual(p.fix, { rename: 'Harm', to: 'harm' });
  // A column a letter away is a misspelling, with no fix.
  const typo = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: templateEvents.text.replace('order_id,date,category,offence,harm', 'order_id,date,category,offence,hamr') }, harmIndex: { name: 'harm-index.csv', text: readFileSync(new URL('../data/harm-index.csv', import.meta.url), 'utf8') } }).problems.find((x) => x.column === 'hamr')!;
  assert.match(typo.message, /is it "harm" misspelled\?/);
  assert.equal(typo.fix, undefined);
  assert.equal(p.hint, 'rename "Harm" to "harm"; if the column is not meant to be read, give it a name less like "harm"');
  // A column far from any the report reads is still a warning, and the files load.
  const notes = { name: 'events.csv', text: templateEvents.text.trimEnd().split('\n').map((l, k) => `${l},${k === 0 ? 'officer_notes' : 'x'}`).join('\n') + '\n' };
  const loaded = validateDataset({ orders: templateOrders, events: notes });
  assert.ok(loaded.dataset);
  assert.deepEqual(loaded.problems.map(where), ['warning events.csv 0 officer_notes']);
  // Its hint does not promise more than the report keeps: tidied copies of the files keep every column (an analyst).
  assert.equal(loaded.problems[0].hint, 'nothing to do if the column holds notes: the report never shows or sends its values, and writes them only into tidied copies of your own files, which keep every column (a browser keeps them with the rest of the file, and deletes them with it)');
});

test('a column of numbers that names harm or the months away in other words ("harm_days", "Harm (days)", "months_in_custody_after") is an error, not a notes column (an analyst\'s harm_days was set aside and the illustrative index used)', () => {
  const index = { name: 'harm-index.csv', text: readFileSync(new URL('../data/harm-index.csv', import.meta.url), 'utf8') };
  for (const name of ['harm_days', 'Harm (days)', 'Harm Days', 'CCHI']) {
    const events = { name: 'events.csv', text: templateEvents.text.replace('order_id,date,category,offence,harm', `order_id,date,category,offence,${name.includes(',') ? `"${name}"` : name}`) };
    const r = validateDataset({ orders: templateOrders, events, harmIndex: index });
    assert.equal(r.dataset, undefined, name);
    const p = r.problems.find((x) => x.column === name)!;
    assert.equal(where(p), `error events.csv 0 ${name}`);
    assert.equal(p.message, 'is not a column the report reads: is it "harm" under another name? As written, its values would be ignored and harm taken from a harm index instead');
  }
  const lines = templateOrders.text.trimEnd().split('\n');
  const custody = { name: 'orders.csv', text: [lines[0].replace('months_unavailable_before,months_unavailable_after', 'months_in_custody_before,months_in_custody_after'), ...lines.slice(1)].join('\n') + '\n' };
  const away = validateDataset({ orders: custody, events: templateEvents });
  assert.equal(away.dataset, undefined);
  assert.deepEqual(away.problems.filter((x) => x.row === 0).map((x) => [x.column, x.message]), [
    ['months_in_custody_before', 'is not a column the report reads: is it "months_unavailable_before" under another name? As written, its values would be ignored'],
    ['months_in_custody_after', 'is not a column the report reads: is it "months_unavailable_after" under another name? As written, its values would be ignored'],
  ]);
  // Months at liberty are the opposite of months away: never taken for them (a re-check).
  const liberty = { name: 'orders.csv', text: [lines[0].replace('months_unavailable_before,months_unavailable_after', 'months_at_liberty_before,months_at_liberty_after'), ...lines.slice(1)].join('\n') + '\n' };
  assert.deepEqual(validateDataset({ orders: liberty, events: templateEvents }).problems.filter((x) => x.row === 0).map((x) => x.severity), ['warning', 'warning']);
  // Words in a column named like harm are notes, as before: a warning, and the files load.
  const notes = { name: 'events.csv', text: templateEvents.text.trimEnd().split('\n').map((l, k) => `${l},${k === 0 ? 'harm_notes' : 'seen by the duty officer'}`).join('\n') + '\n' };
  const loaded = validateDataset({ orders: templateOrders, events: notes, harmIndex: index });
  assert.ok(loaded.dataset);
  assert.deepEqual(loaded.problems.map(where), ['warning events.csv 0 harm_notes']);
});

test('order ids that differ only in case are one problem, not an extra person; an arrest\'s id in other case, without its leading zeros, or a totals row gets the likely fix', () => {
  const lines = templateOrders.text.trimEnd().split('\n');
  const twin = lines[1].replace(/^T-0001/, 't-0001');
  const r = validateDataset({ orders: { name: 'orders.csv', text: [...lines, twin].join('\n') + '\n' }, events: templateEvents });
  assert.equal(r.dataset, undefined, 'the files do not load with t-0001 as a person of its own');
  const p = r.problems.find((x) => x.value === 't-0001')!;
  assert.equal(where(p), `error orders.csv ${lines.length} order_id`);
  assert.equal(p.message, '"t-0001" differs from the id "T-0001" in row 1 only in upper and lower case, so it would be counted as another person');

  const events = templateEvents.text.trimEnd().split('\n');
  const id = (line: string) => line.split(',')[0];
  const renamed = (to: string) => [...events, `${to},${events[1].split(',').slice(1).join(',')}`].join('\n') + '\n';
  const hintFor = (to: string, orders = templateOrders) => validateDataset({ orders, events: { name: 'events.csv', text: renamed(to) } }).problems.find((x) => x.value === to)?.hint;
  assert.equal(hintFor(id(events[1]).toLowerCase()), `the orders file has "${id(events[1])}": write the id the same way in both files`);
  assert.equal(hintFor('Total'), 'this looks like a totals row: delete it, as the report counts the arrests itself');
  const zeroed = { name: 'orders.csv', text: templateOrders.text.replace(/^T-0001,/m, '00123,') };
  assert.equal(hintFor('123', zeroed), 'the orders file has "00123": a spreadsheet may have dropped the leading zeros (format the column as text before saving)');
  assert.equal(hintFor('T-9999'), 'every arrest must belong to an order listed in the orders file: check the id there, or remove the arrest if the person has no order');
  // "1.20E+11": a spreadsheet's scientific notation for a long numeric id (an analyst: 971 errors, no hint).
  assert.match(hintFor('1.20E+11')!, /^a spreadsheet wrote a long numeric id in scientific notation, which loses its last digits: format the id column as text/);
  // Two such ids in the orders file read alike: the duplicate says why, as the arrests' unknown id does.
  const twice = { name: 'orders.csv', text: templateOrders.text.replace(/^T-0001,/m, '1.20E+11,').replace(/^T-0002,/m, '1.20E+11,') };
  const dup = validateDataset({ orders: twice, events: templateEvents }).problems.find((x) => x.file === 'orders.csv' && /duplicates/.test(x.message))!;
  assert.equal(dup.message, '"1.20E+11" duplicates the id in row 1; ids must be unique');
  assert.equal(dup.hint, hintFor('1.20E+11'));
  // An ordinary duplicate has no such hint.
  const plain = { name: 'orders.csv', text: templateOrders.text.replace(/^T-0002,/m, 'T-0001,') };
  assert.equal(validateDataset({ orders: plain, events: templateEvents }).problems.find((x) => /duplicates/.test(x.message))!.hint, undefined);
  // The header pasted in again (two exports joined): one problem on its row, not one per column.
  const pasted = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: [...events.slice(0, 4), events[0], ...events.slice(4)].join('\n') + '\n' } }).problems;
  assert.deepEqual(pasted.map(where), ['error events.csv 4 -']);
  assert.equal(pasted[0].message, 'repeats the header (line 5), as where two exports are pasted together');
  // An arrest outside the window names its order and the order's date, to tell a wrong arrest date from a wrong order date.
  const outside = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: events.join('\n').replace(/^(T-0001),\d{4}-\d{2}-\d{2}/m, '$1,2010-01-15') + '\n' } }).problems;
  assert.match(outside.find((x) => x.column === 'date')!.message, /^2010-01-15 is month −\d+, which is outside the design window of 24 months either side of order "T-0001" \(made on 2019-01-31\)$/);
});

test('arrests of an order not analysed are one problem per order, naming its rows and how to remove them, not one per arrest', () => {
  const orders = templateOrders.text.trimEnd().split('\n');
  const excluded = orders.findIndex((l) => /,excluded_(followup|data),/.test(l));
  assert.ok(excluded > 0, 'the template has an order not analysed');
  const id = orders[excluded].split(',')[0];
  const events = templateEvents.text.trimEnd().split('\n');
  const rest = events[1].split(',').slice(1).join(',');
  const text = [...events, `${id},${rest}`, `${id},${rest}`, `${id},${rest}`].join('\n') + '\n';
  const { problems } = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text } });
  const mine = problems.filter((p) => p.value === id);
  assert.equal(mine.length, 1);
  const rows = [events.length, events.length + 1, events.length + 2];
  assert.deepEqual(mine[0].rows, rows);
  assert.equal(where(mine[0]), `error events.csv ${rows[0]} order_id`);
  assert.match(mine[0].message, new RegExp(`^"${id}" is marked excluded_\\w+ in orders\\.csv \\(row ${excluded}\\), and events belong to analysed orders only: its 3 arrests are not among them \\(rows ${rows[0]}, ${rows[1]} and ${rows[2]}\\)$`));
  assert.match(mine[0].hint!, /^remove the arrests of orders not analysed/);
});

test('title lines above the header are one problem saying where the header is, not every required column "missing"', () => {
  const orders = { name: 'orders.csv', text: `Niche RMS export - STRO register,,,,,,,\nPrinted 2024-05-01,,,,,,,\n${templateOrders.text}` };
  const { dataset, problems } = validateDataset({ orders, events: templateEvents });
  assert.equal(dataset, undefined);
  const mine = problems.filter((p) => p.file === 'orders.csv' && p.severity === 'error');
  assert.equal(mine.length, 1, mine.map((p) => p.message).join('\n'));
  assert.equal(mine[0].message, 'the header is not on the first line: line 3 of the file has the columns order_id, issued, sample, so the 2 lines above it look like titles');
  assert.equal(mine[0].hint, 'delete the 2 lines above the header, so that it is the first line of the file');
});

test('below a title, the rest of the file is still checked under its real header, so its other problems come in the same round, numbered as they will be once the title goes (an analyst)', () => {
  const lines = templateOrders.text.split('\n');
  // A bad sample on the second order, and the months unavailable of the first not a number.
  const bad = [lines[0], lines[1].replace(/,0,0$|,\d+,\d+$/, ',0,bogus'), lines[2].replace(',analysed,', ',analysd,'), ...lines.slice(3)].join('\n');
  const alone = validateDataset({ orders: { name: 'orders.csv', text: bad }, events: templateEvents }).problems.filter((p) => p.severity === 'error');
  assert.deepEqual(alone.map(where), ['error orders.csv 1 months_unavailable_after', 'error orders.csv 2 sample'], alone.map((p) => p.message).join('\n'));
  const width = lines[0].split(',').length;
  for (const [label, title] of [
    ['padded to the header\'s width', `Niche RMS export - STRO register${','.repeat(width - 1)}\n`],
    ['padded to another width', `Niche RMS export - STRO register${','.repeat(width - 2)}\n`],
    ['not padded', 'Niche RMS export - STRO register\n'],
  ] as const) {
    const { dataset, problems } = validateDataset({ orders: { name: 'orders.csv', text: title + bad }, events: templateEvents });
    assert.equal(dataset, undefined, label);
    const errors = problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map(where), ['error orders.csv 0 -', ...alone.map(where)], `${label}: ${errors.map((p) => p.message).join('\n')}`);
    assert.deepEqual(errors.slice(1).map((p) => p.message), alone.map((p) => p.message), label);
    assert.match(errors[0].message, /title/, label);
  }
});

test('orders need only order_id, sample and the quarter issued: duration_months and conditions, never analysed, may be left out', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,violence,Assault,10\nA,-1,drugs,Possession,5\nB,2,violence,Assault,10\n' };
  const full = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued,sample,duration_months,conditions\nA,2019-Q1,analysed,24,curfew\nB,2019-Q2,analysed,,\n' }, events }, { manifest });
  const short = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\nB,2019-Q2,analysed\n' }, events }, { manifest });
  assert.deepEqual(short.problems, []);
  assert.deepEqual(short.dataset!.orders.map((o) => [o.id, o.issued, o.durationMonths, o.conditions]), [['A', '2019-Q1', null, []], ['B', '2019-Q2', null, []]]);
  assert.deepEqual(analyse(short.dataset!), analyse(full.dataset!));
  // Without the quarter (and without the date it would follow from) the file cannot be read.
  const none = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,sample\nA,analysed\n' }, events }, { manifest });
  assert.deepEqual(none.problems.filter((p) => p.severity === 'error').map(where), ['error orders.csv 0 issued']);
});

test('with issued_date, the quarter issued follows from it and its column may be left out; an order without a date is one error on its row', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const events = { name: 'events.csv', text: 'order_id,date,category,offence,harm\nA,2018-12-20,violence,Assault,10\nA,2019-04-02,drugs,Possession,5\nB,2019-05-01,violence,Assault,10\nB,2019-08-30,violence,Assault,10\n' };
  const withQuarter = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,2019-Q1,2019-02-01,analysed\nB,2019-Q3,2019-07-31,analysed\n' }, events }, { manifest });
  const dateOnly = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued_date,sample\nA,2019-02-01,analysed\nB,2019-07-31,analysed\n' }, events }, { manifest });
  assert.deepEqual(dateOnly.problems, []);
  assert.deepEqual(dateOnly.dataset!.orders.map((o) => o.issued), ['2019-Q1', '2019-Q3']);
  assert.deepEqual(dateOnly.dataset!.events, withQuarter.dataset!.events);
  assert.deepEqual(analyse(dateOnly.dataset!), analyse(withQuarter.dataset!));
  // B without its date: one error at its row, not another at each of its arrests.
  const gap = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued_date,sample\nA,2019-02-01,analysed\nB,,analysed\n' }, events }, { manifest });
  assert.deepEqual(gap.problems.map(where), ['error orders.csv 2 issued_date']);
  assert.match(gap.problems[0].message, /^is empty; with no issued column, every order needs its date$/);
  // A date that is not one is said as such, once.
  const wrong = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued_date,sample\nA,2019-02-01,analysed\nB,31/07/2019,analysed\n' }, events }, { manifest });
  assert.deepEqual(wrong.problems.map(where), ['error orders.csv 2 issued_date']);
  assert.match(wrong.problems[0].message, /day\/month\/year/);
});

test('a declared extraction date checks every follow-up: past it is an error on the order\'s row, an arrest after it an error on its row', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  // A made 2019-02-01: its 24 months after run to 2021-01-31 (the day before 2021-02-01).
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,2019-Q1,2019-02-01,analysed\nB,2018-Q2,2018-05-10,analysed\nC,2020-Q1,2020-01-10,excluded_followup\n' };
  const events = { name: 'events.csv', text: 'order_id,date,category,offence,harm\nA,2018-12-20,violence,Assault,10\nB,2019-08-30,violence,Assault,10\nA,2020-06-01,drugs,Possession,5\n' };
  const on = (extracted: string, ev = events) => validateDataset({ orders, events: ev }, { manifest, extracted });
  const complete = on('2021-01-31');
  assert.deepEqual(complete.problems, []);
  assert.equal(complete.dataset!.extracted, '2021-01-31');
  const short = on('2021-01-30');
  assert.deepEqual(short.problems.map(where), ['error orders.csv 1 issued_date']);
  assert.equal(short.problems[0].message, 'order "A": its 24-month follow-up runs to 2021-01-31, after the data were extracted on 2021-01-30, so the file cannot hold all its arrests after the order');
  assert.match(short.problems[0].hint!, /^mark it excluded_followup/);
  // The orders not analysed are not checked (C's follow-up ends in 2022).
  const later = on('2021-01-31', { name: 'events.csv', text: `${events.text}B,2021-02-01,other,Theft,1\n` });
  assert.deepEqual(later.problems.map(where), ['error events.csv 4 date']);
  assert.equal(later.problems[0].message, '2021-02-01 is after the data were extracted on 2021-01-31');
  // Without the date, nothing is said about follow-up unless an order is made after every arrest.
  assert.equal(validateDataset({ orders, events }, { manifest }).dataset!.extracted, undefined);
  const notADate = validateDataset({ orders, events }, { manifest, extracted: '31/01/2021' });
  assert.deepEqual(notADate.problems.map(where), ['error (options) - extracted']);
  assert.match(notADate.problems[0].message, /day\/month\/year/);
});

test('with only the quarter an order was made in, its follow-up past the extraction date from any day of the quarter is an error, from some days a warning', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  // 2019-Q1 and 24 months: the follow-up ends between 2020-12-31 (made 1 January) and 2021-03-30 (made 31 March).
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\nB,2017-Q3,analysed\n' };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,violence,Assault,10\nB,2,violence,Assault,10\n' };
  const at = (extracted: string) => validateDataset({ orders, events }, { manifest, extracted }).problems;
  assert.deepEqual(at('2021-03-30'), []);
  assert.deepEqual(at('2021-03-29').map(where), ['warning orders.csv 1 issued']);
  assert.equal(at('2020-12-31')[0].message, 'order "A" was made in 2019-Q1: its 24-month follow-up runs to between 2020-12-31 and 2021-03-30, depending on the day, and the data were extracted on 2020-12-31, so it may not be complete');
  assert.deepEqual(at('2020-12-30').map(where), ['error orders.csv 1 issued']);
  assert.equal(at('2020-12-30')[0].message, 'order "A" was made in 2019-Q1, so its 24-month follow-up runs to 2020-12-31 at the earliest, after the data were extracted on 2020-12-30: the file cannot hold all its arrests after the order');
  // Events as months carry no dates: only the orders are checked.
  assert.ok(validateDataset({ orders, events }, { manifest, extracted: '2021-06-01' }).dataset);
});

test('a category a letter or two from another is a warning naming the code it is near, with its rows; codes far apart, or short, are not', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\nB,2019-Q2,analysed\n' };
  const events = (lines: string[]) => ({ name: 'events.csv', text: `order_id,month,category,offence,harm\n${lines.join('\n')}\n` });
  const typo = validateDataset({ orders, events: events(['A,-3,modern_slavery,Forced labour,365', 'A,-2,modern_slavery,Forced labour,365', 'B,2,modern_slavry,Forced labour,365', 'B,-1,voilence,Assault,10']) }, { manifest });
  assert.ok(typo.dataset, 'a warning: the data still load');
  assert.deepEqual(typo.dataset.categories.sort(), ['modern_slavery', 'modern_slavry', 'voilence']);
  assert.deepEqual(typo.problems.map(where), ['warning events.csv 3 category', 'warning events.csv 4 category']);
  assert.equal(typo.problems[0].message, '"modern_slavry" (this arrest) is one letter from "modern_slavery" (2 arrests in this file): is it misspelled? As written it is a category of its own, counted and tested apart');
  assert.equal(typo.problems[1].message, `"voilence" (this arrest) is two letters from "violence", one of the study's categories: is it misspelled? As written it is a category of its own, counted and tested apart`);
  assert.equal(typo.problems[0].hint, 'write modern_slavery if it is the same category; nothing to do if "modern_slavry" is a category of its own');
  // Codes of the reader's own, far apart or short: no typo is suggested, and the one warning for
  // codes outside the study's says they are categories of their own (otherCategories).
  const misspelt = (ps: readonly { message: string }[]) => ps.filter((p) => /misspelled/.test(p.message));
  const own = validateDataset({ orders, events: events(['A,-3,fraud,F,1', 'A,2,county_lines,C,1', 'B,-1,aa,X,1', 'B,1,bb,X,1', 'B,2,violent_crime,V,1']) }, { manifest });
  assert.deepEqual(misspelt(own.problems), []);
  assert.deepEqual(own.problems.map(where), ['warning events.csv 1 category']);
  assert.equal(own.problems[0].message, `"fraud" (1 arrest), "county_lines" (1 arrest), "aa" (1 arrest), "bb" (1 arrest) and "violent_crime" (1 arrest) are not among the study's categories (modern_slavery, violence, drugs and other): each is counted and tested as a category of its own, with no figure of the article to compare with`);
  // Codes of a series, differing in one letter or number standing on its own: a force's coding, not typos.
  const series = validateDataset({ orders, events: events(['A,-3,class_a_drugs,P,5', 'A,-4,class_b_drugs,P,5', 'A,-3,cat1,T,1', 'A,-4,cat2,T,1', 'B,8,tier_1,T,1', 'B,9,tier_2,T,1', 'B,10,tier_3,T,1', 'B,11,tier_10,T,1']) }, { manifest });
  assert.deepEqual(misspelt(series.problems), []);
  // A plural beside its singular is still worth a word (and the plural, the commoner, is a category of the reader's own).
  assert.deepEqual(validateDataset({ orders, events: events(['A,-3,weapons,W,1', 'A,-2,weapons,W,1', 'B,2,weapon,W,1']) }, { manifest }).problems.map(where), ['warning events.csv 3 category', 'warning events.csv 1 category']);
  // The study's own codes: nothing said.
  assert.deepEqual(validateDataset({ orders, events: events(['A,-3,drugs,P,5', 'B,2,violence,V,1']) }, { manifest }).problems, []);
  // One "drug" beside one "drugs", or beside fewer: "drug" is near the study's "drugs", never the other way round (an analyst was told to write drug).
  for (const drugs of [1, 2]) {
    const tie = validateDataset({ orders, events: events(['A,-3,drug,P,5', ...Array.from({ length: drugs }, () => 'B,2,drugs,P,5')]) }, { manifest });
    const said = tie.problems.filter((p) => /misspelled/.test(p.message));
    assert.deepEqual(said.map((p) => p.value), ['drug'], String(drugs));
    assert.match(said[0].hint!, /^write drugs if it is the same category/);
  }
  // and a known code that is rarer is still the one meant
  const rarer = validateDataset({ orders, events: events(['A,-3,drug,P,5', 'A,-4,drug,P,5', 'B,2,drugs,P,5']) }, { manifest });
  assert.deepEqual(rarer.problems.filter((p) => /misspelled/.test(p.message)).map((p) => [p.value, p.hint!.split(' if')[0]]), [['drug', 'write drugs']]);
});

test('an analysed order with an empty issued_date beside dated events is one error on its row, with or without arrests, not one per arrest', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const orders = { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,2019-Q1,2019-02-01,analysed\nB,2019-Q2,,analysed\nC,2019-Q3,,analysed\nD,2019-Q4,,excluded_followup\n' };
  const events = { name: 'events.csv', text: 'order_id,date,category,offence,harm\nA,2018-12-20,violence,Assault,10\nB,2019-05-01,violence,Assault,10\nB,2019-08-30,violence,Assault,10\nB,2019-09-30,violence,Assault,10\n' };
  const { dataset, problems } = validateDataset({ orders, events }, { manifest });
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.map(where), ['error orders.csv 2 issued_date', 'error orders.csv 3 issued_date']);
  assert.equal(problems[0].message, 'is empty; events.csv gives arrest dates, so every analysed order needs the date it was made');
  assert.equal(problems[0].hint, 'give the date order "B" was made (in its quarter, 2019-Q2)');
});

test('orders with neither issued nor issued_date: one problem naming both; an empty quarter beside a date takes the date\'s; an empty extraction date is said as such', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,violence,Assault,10\n' };
  const neither = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,sample\nA,analysed\n' }, events }, { manifest });
  assert.deepEqual(neither.problems.map(where), ['error orders.csv 0 issued']);
  assert.equal(neither.problems[0].message, 'required column is missing: give issued, the quarter each order was made in (like 2019-Q3), or issued_date, the date it was made; the header has order_id, sample');
  const misspelt = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,Issued,sample\nA,2019-Q1,analysed\n' }, events }, { manifest });
  assert.deepEqual(misspelt.problems.map(where), ['error orders.csv 0 Issued']);
  // An empty quarter: from the date where there is one, else said to be empty.
  const filled = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nA,,2019-01-31,analysed\n' }, events }, { manifest });
  assert.deepEqual(filled.problems, []);
  assert.equal(filled.dataset!.orders[0].issued, '2019-Q1');
  const empty = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued,sample\nA,,analysed\n' }, events }, { manifest });
  assert.deepEqual(empty.problems.map((p) => `${where(p)}: ${p.message}`), ['error orders.csv 1 issued: is empty; give the quarter the order was made in, like 2019-Q3, or its issued_date']);
  const blank = validateDataset({ orders: { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\n' }, events }, { manifest, extracted: ' ' });
  assert.deepEqual(blank.problems.map((p) => `${where(p)}: ${p.message}`), ['error (options) - extracted: is empty; give the date the data were extracted, like 2023-03-31, or leave it out']);
});

test('a category written as words is one problem per spelling, naming its rows, and its hint names the study\'s code it contains before a new code of its own (an analyst followed "write drug_offences" and split drugs in two)', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\nB,2019-Q2,analysed\n' };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,Drug offences,P,5\nA,-2,MODERN SLAVERY,F,365\nB,2,Drug offences,P,5\nB,3,drugs,P,5\nB,4,Theft & handling,T,1\n' };
  const { dataset, problems } = validateDataset({ orders, events }, { manifest });
  assert.equal(dataset, undefined);
  assert.deepEqual(problems.map(where), ['error events.csv 1 category', 'error events.csv 2 category', 'error events.csv 5 category']);
  assert.equal(problems[0].message, '"Drug offences" is not a lowercase category code such as violence or modern_slavery (2 arrests: rows 1 and 3)');
  assert.deepEqual(problems[0].rows, [1, 3]);
  assert.equal(problems[0].hint, 'write drugs if these are the drugs category; drug_offences would be a category of its own, counted and tested apart from drugs');
  assert.equal(problems[1].hint, 'write modern_slavery');
  assert.equal(problems[2].hint, "write theft_handling (a category of its own; the study's are modern_slavery, violence, drugs and other)");
});

test('the page lists at most 50 problems, errors first in file order, with at least one of each kind, so a rare problem is not hidden behind hundreds of one kind (an analyst)', () => {
  const date = (row: number): Problem => ({ severity: 'error', file: 'events.csv', row, column: 'date', value: '15/07/2020', expected: 'YYYY-MM-DD', message: '"15/07/2020" is not a date like 2019-03-15' });
  const problems: Problem[] = [
    { severity: 'warning', file: 'events.csv', row: 2, column: 'category', message: 'a warning', expected: 'x' },
    ...Array.from({ length: 200 }, (_, k) => date(k + 1)),
    { severity: 'error', file: 'events.csv', row: 150, column: 'order_id', value: 'NYP-0999', expected: 'an order in the orders file', message: 'not an order' },
    { severity: 'error', file: 'events.csv', row: 170, column: 'harm', value: '-2', expected: 'a number of days, 0 or more', message: 'negative' },
  ];
  const { listed, kinds } = problemsToList(problems, 50);
  assert.equal(listed.length, 50);
  assert.equal(kinds, 4);
  // Errors first, in the order found; the two rare errors and the warning are among the 50.
  assert.deepEqual(listed.filter((p) => p.column !== 'date').map((p) => p.column), ['order_id', 'harm', 'category']);
  assert.deepEqual(listed.slice(0, 47).map((p) => p.row), Array.from({ length: 47 }, (_, k) => k + 1));
  assert.equal(listed.at(-1)!.severity, 'warning');
  // Repeats of one message with other rows and values are one kind; problems gathered over rows (one per spelling) are a kind each.
  const repeats: Problem[] = Array.from({ length: 60 }, (_, k) => ({ severity: 'warning', file: 'events.csv', row: k + 2, message: `repeats row ${k + 1} exactly; check that it is a second event` }));
  const spellings: Problem[] = ['MODERN SLAVERY', 'Drug offences'].map((v, k) => ({ severity: 'error', file: 'events.csv', row: 100 + k, column: 'category', value: v, rows: [100 + k], expected: 'a lowercase code', message: `"${v}" is not a lowercase category code` }));
  const mixed = problemsToList([...Array.from({ length: 60 }, (_, k) => ({ ...problems[1], row: k + 1 })), ...spellings, ...repeats], 50);
  assert.equal(mixed.kinds, 4);
  assert.deepEqual(mixed.listed.filter((p) => p.column === 'category').map((p) => p.value), ['MODERN SLAVERY', 'Drug offences']);
  // Fewer than the limit: all of them, errors first.
  assert.deepEqual(problemsToList(problems.slice(0, 5), 50).listed.map((p) => p.severity), ['error', 'error', 'error', 'error', 'warning']);
});

test('a negative harm says what to do, as every other problem does (an analyst found its hint empty)', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA,2019-Q1,analysed\n' };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA,-3,drugs,P,-2\nA,2,drugs,P,99999999\n' };
  const { problems } = validateDataset({ orders, events }, { manifest });
  assert.deepEqual(problems.map(where), ['error events.csv 1 harm', 'error events.csv 2 harm']);
  assert.equal(problems[0].hint, 'write the days without the minus sign (2) if the sign is a slip; 0 for an offence with no harm weight');
  assert.ok(problems.every((p) => p.hint), 'every problem has a hint');
});

test('a file with 130,000 bad rows lists every problem instead of overflowing the call stack (a reviewer: "Maximum call stack size exceeded", with no file, row or column)', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA0,2019-Q1,analysed\n' };
  const n = 130_000;
  // Each row a field too many (csv.ts's problems), and each row a month that is not a number (validate.ts's).
  const extra = { name: 'events.csv', text: `order_id,month,category,offence,harm\n${'A0,-3,violence,Theft,2,x\n'.repeat(n)}` };
  const months = { name: 'events.csv', text: `order_id,month,category,offence,harm\n${'A0,abc,violence,Theft,2\n'.repeat(n)}` };
  for (const events of [extra, months]) {
    const { dataset, problems } = validateDataset({ orders, events }, { manifest });
    assert.equal(dataset, undefined);
    assert.equal(problems.filter((p) => p.file === 'events.csv' && p.row !== undefined).length, n, events.text.slice(37, 60));
    assert.equal(Math.max(...problems.slice(-10).map((p) => p.row ?? 0)), n, 'the last row is listed');
  }
});

test('a stray NUL, a binary file and a gzip file are each named as what they are, not as UTF-16 (a reviewer: all three were "UTF-16 text")', () => {
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const events = { name: 'events.csv', text: templateEvents.text };
  const first = (bytes: Uint8Array) => validateDataset({ orders: { name: 'orders.csv', bytes }, events }, { manifest }).problems.find((p) => p.file === 'orders.csv')!;
  const text = templateOrders.text;
  // One NUL inside a cell on line 3 of otherwise UTF-8 text.
  const lines = text.split('\n');
  lines[2] = lines[2].replace(',', '\u0000,');
  const stray = first(new TextEncoder().encode(lines.join('\n')));
  assert.match(stray.message, /^the file contains a NUL character \(byte 0\) on line 3, which CSV text never has/);
  assert.match(stray.hint!, /delete the stray character on line 3/);
  // The same text gzip-compressed.
  assert.equal(first(gzipSync(text)).message, 'the file is gzip-compressed, not CSV text');
  // Random bytes (seeded): scattered NULs, not UTF-16's every other byte.
  const rng = mulberry32(3);
  const junk = Uint8Array.from({ length: 8192 }, () => Math.floor(rng() * 256));
  assert.ok(junk.includes(0));
  assert.match(first(junk).message, /^the file contains a NUL character \(byte 0\) on line \d+/);
  // UTF-16 of text in another alphabet has NULs only after its ASCII characters: still UTF-16 (a re-check).
  assert.match(first(new Uint8Array(Buffer.from('Заказ,месяц\nА,1\n', 'utf16le'))).message, /^the file is UTF-16 text, not UTF-8/);
  // Real UTF-16 without a byte-order mark is still said as such, from bytes and from text.
  const utf16 = new Uint8Array(Buffer.from(text, 'utf16le'));
  assert.match(first(utf16).message, /^the file is UTF-16 text, not UTF-8 \(it contains NUL bytes\)/);
  assert.match(validateDataset({ orders: { name: 'orders.csv', text: Buffer.from(text, 'utf16le').toString('latin1') }, events }, { manifest }).problems[0].message, /UTF-16 text, not UTF-8 \(it contains NUL characters\)/);
});

test('order ids that look alike (a Cyrillic letter for a Latin one, an invisible zero-width space) are one problem naming the characters, not a second person; an arrest\'s look-alike id is told which order it resembles (a security reviewer: "A0" and "А0" loaded as two people)', () => {
  const lines = templateOrders.text.trimEnd().split('\n');
  const id = lines[1].split(',')[0];
  assert.equal(id, 'T-0001');
  const cyrillic = '\u0422-0001'; // CYRILLIC CAPITAL LETTER TE, drawn as T
  const hidden = 'T-00\u200b01';
  // (and control characters, which a terminal, R and a spreadsheet show as nothing: a security review's BEL and U+0085)
  for (const [twin, what] of [[cyrillic, 'U+0422 (Cyrillic)'], [hidden, 'U+200B (invisible)'], ['T-00\u000701', 'U+0007 (control)'], ['T-0001\u0085', 'U+0085 (control)']] as const) {
    const r = validateDataset({ orders: { name: 'orders.csv', text: [...lines, lines[1].replace(/^T-0001/, twin)].join('\n') + '\n' }, events: templateEvents });
    assert.equal(r.dataset, undefined, `the files do not load with ${JSON.stringify(twin)} as a person of its own`);
    const p = r.problems.find((x) => x.value === twin)!;
    assert.equal(where(p), `error orders.csv ${lines.length} order_id`);
    assert.equal(p.message, `"${twin}" looks like the id "T-0001" in row 1 but is written with other characters (${what}), so it would be counted as another person`);
    assert.equal(p.hint, 'if they are one order, keep one row and type its id again in plain characters in both files; if they are two, give them ids that look different');
  }
  // The odd id first: the error still names it, not the plain one (a re-check: "keep one row" had invited deleting the plain id).
  const oddFirst = validateDataset({ orders: { name: 'orders.csv', text: [lines[0], lines[1].replace(/^T-0001/, hidden), ...lines.slice(1)].join('\n') + '\n' }, events: templateEvents }).problems.find((x) => x.value === 'T-0001')!;
  assert.equal(oddFirst.message, `"T-0001" looks like the id "${hidden}" in row 1, which is written with other characters (U+200B (invisible)), so they would be counted as two people`);
  // Characters that show nothing beyond the format characters: a combining grapheme joiner, a variation selector, a Hangul filler, a blank Braille pattern; and Cyrillic һ.
  for (const [odd, code] of [['T-0\u034F001', '034F'], ['T-0001\uFE0F', 'FE0F'], ['T-0001\u3164', '3164'], ['T-0\u2800001', '2800']] as const) {
    const r = validateDataset({ orders: { name: 'orders.csv', text: [...lines, lines[1].replace(/^T-0001/, odd)].join('\n') + '\n' }, events: templateEvents });
    assert.equal(r.dataset, undefined, `U+${code} is caught`);
    assert.match(r.problems.find((x) => x.value === odd)!.message, new RegExp(`U\\+${code} \\(invisible\\)`));
  }
  // Two ids of another script that fold alike are not compared: Kazakh "УА-1" and "ҮА-1" are different letters.
  const kazakh = { name: 'orders.csv', text: 'order_id,issued,sample\nУА-1,2019-Q1,analysed\nҮА-1,2019-Q1,analysed\n' };
  assert.deepEqual(validateDataset({ orders: kazakh, events: { name: 'events.csv', text: 'order_id,month,category,offence,harm\nУА-1,-3,violence,Theft,2\nҮА-1,3,violence,Theft,2\n' } }).problems.filter((x) => /looks like/.test(x.message)), []);
  // A plain id beside another plain id is no problem: "T-0001" and "T-0010" stay two people.
  assert.deepEqual(validateDataset({ orders: templateOrders, events: templateEvents }).problems.filter((x) => /looks like/.test(x.message)), []);
  // An arrest under a look-alike id is not an order, and the hint names the order it resembles.
  const events = templateEvents.text.trimEnd().split('\n');
  const first = events.findIndex((l) => l.startsWith('T-0001,'));
  const moved = [...events];
  moved[first] = moved[first].replace(/^T-0001/, cyrillic);
  const u = validateDataset({ orders: templateOrders, events: { name: 'events.csv', text: moved.join('\n') + '\n' } }).problems.find((x) => x.value === cyrillic)!;
  assert.equal(u.message, `"${cyrillic}" is not an order in the orders file`);
  assert.equal(u.hint, 'the orders file has "T-0001", which looks the same but is written with other characters (U+0422 (Cyrillic) here): type the id again in plain characters');
});

test('order ids and offences that a spreadsheet would run as a formula (=, +, - or @ first) are one warning per file naming every row; the values are kept, as R joins on them', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\n=HYPERLINK("x"),2019-Q1,analysed\nB,2019-Q1,analysed\n' };
  // (plain numbers in any form, "-25" and "-1.5e3", and a lone "-" are not formulas to a spreadsheet)
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\n=HYPERLINK("x"),-3,violence,Theft,2\nB,-2,violence,@SUM(A1),2\nB,3,violence,-25,2\nB,4,violence,Theft,-0\nB,5,violence,-1.5e3,2\nB,6,violence,-,2\n' };
  const r = validateDataset({ orders, events });
  assert.ok(r.dataset, 'the files load');
  const warned = r.problems.filter((p) => /formula/.test(p.message));
  assert.deepEqual(warned.map(where), ['warning orders.csv 1 order_id', 'warning events.csv 1 order_id']);
  assert.equal(warned[0].message, 'has a value that begins with =, +, - or @, which a spreadsheet runs as a formula when it opens a file of the report\'s downloads that holds it');
  assert.equal(warned[1].message, '2 rows have values that begin with =, +, - or @, which a spreadsheet runs as a formula when it opens a file of the report\'s downloads that holds them');
  assert.deepEqual(warned[1].rows, [1, 2]);
  assert.equal(warned[1].hint, 'they are kept as written, so that R can join the files; if a spreadsheet opening a download offers to run formulas or update links, decline');
  assert.equal(r.dataset!.orders[0].id, '=HYPERLINK("x")');
});

test('arrests that reach fewer months from the order than the design window, where the file\'s own rate would put ten or more beyond: one warning naming the sides and the window to set (an analyst: 12 months of data read with the default 24 gave "a significant downward trend")', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nP1,2019-Q1,analysed\nP2,2019-Q1,analysed\nP3,2019-Q1,analysed\nP4,2019-Q1,analysed\nP5,2019-Q1,analysed\n' };
  const months: Record<string, number[]> = { P1: [-2, -9, 4, -4, 3, 11], P2: [-5, -11, 10, -8, 2, 7], P3: [-3, -7, 1, -12, 12, 5], P4: [-12, -6, 8, -1, 9, 6], P5: [-1, -10, 6, -2, 1, 3] };
  const events = (shift = 0) => ({ name: 'events.csv', text: 'order_id,month,category,offence,harm\n' + Object.entries(months).flatMap(([id, ms]) => ms.map((m) => `${id},${m + Math.sign(m) * shift},violence,Common assault,2`)).join('\n') + '\n' });
  const r = validateDataset({ orders, events: events() });
  assert.ok(r.dataset, 'a warning: the files load');
  const short = r.problems.filter((p) => /the design window is/.test(p.message));
  assert.deepEqual(short.map(where), ['warning events.csv - month']);
  // 15 arrests on each side within 12 months of 24: (1/2)^30 by chance, about 1 in a billion.
  assert.equal(short[0].message, 'the design window is 24 months either side of each order, but before the orders no arrest is more than 12 months from the order (15 arrests, none in months 13 to 24), and after the orders no arrest is more than 12 months from the order (15 arrests, none in months 13 to 24); spread over the whole window, arrests would leave those months empty less than once in 10,000 files. If the data cover only 12 months either side, the months beyond are counted as months with no arrests, and the trends, the time series and time at liberty describe the edge of the data');
  // A handful of arrests near the order is chance, not short data: (3/24)^2 × (2/24)^1 is about 1 in 770.
  const few = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nP1,-3,violence,Common assault,2\nP2,-1,violence,Common assault,2\nP3,2,violence,Common assault,2\n' };
  assert.deepEqual(validateDataset({ orders, events: few }).problems.filter((p) => /the design window is/.test(p.message)), []);
  assert.equal(short[0].hint, 'if the data cover 12 months either side of each order, set the design window to 12 ("Design window" on the page, or --design-window 12); if they cover all 24, nothing to do');
  // Declared as 12 months, the same files raise nothing; nor do arrests that reach the window's edge.
  assert.deepEqual(validateDataset({ orders, events: events() }, { designWindow: 12 }).problems, []);
  assert.deepEqual(validateDataset({ orders, events: events(12) }).problems.filter((p) => /the design window is/.test(p.message)), []);
  // One side alone stopping short is arrests bunched before the orders, or fading after them: no warning,
  // as a shorter window would drop real months (a re-check).
  const oneSide = { name: 'events.csv', text: events().text.replace(/,(\d+),violence/g, (_, m) => `,${Number(m) + 12},violence`) };
  assert.deepEqual(validateDataset({ orders, events: oneSide }).problems.filter((p) => /the design window is/.test(p.message)), []);
  // The bundled data and the templates reach their windows: no such warning.
  assert.deepEqual(validateDataset({ orders: templateOrders, events: templateEvents }).problems.filter((p) => /the design window is/.test(p.message)), []);
});
