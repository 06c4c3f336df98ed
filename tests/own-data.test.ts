// A reader's own files through validateOwn (src/lib/ownData.ts), the route the page's worker takes:
// the same dataset the CLI's parseDataset gives for the same files and choices, a manifest that
// claims nothing, and the words the banner and downloads use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandParts, curveCommandParts, sentence } from '../src/lib/live.ts';
import { specificationCurve } from '../src/analysis/specificationCurve.ts';
import { TABLES, resultsTable } from '../src/lib/tables.ts';
import { formatNumber, formatPercent } from '../src/lib/format.ts';
import { harmByCategoryChart, itsChart, monthlyHarmChart, scatterChart } from '../src/charts/index.ts';
import { parseHTML } from 'linkedom';
import { analyse } from '../src/analysis/analyse.ts';
import { parseDataset, validateDataset } from '../src/analysis/validate.ts';
import { bannerText, fileList, validateOwn, placeDropped, readDesignWindow, shownValue } from '../src/lib/ownData.ts';
import { resultsCsv, resultsFileName, resultsJson } from '../src/lib/export.ts';
import { sourceArguments } from '../src/lib/cliArguments.ts';
import { makeCohort } from './helpers/cohort.ts';
import { bundled, readData } from './helpers/bundled.ts';

const cohort = makeCohort({ seed: 3, orders: 40, designWindow: 12 });
const bundledIndex = { name: 'harm-index.csv', text: readData('harm-index.csv') };
const bytes = (s: string) => new TextEncoder().encode(s);

test('bytes from a file input give the dataset the CLI parses from the same files, and a manifest that claims nothing', () => {
  const own = validateOwn({ orders: { name: 'orders.csv', bytes: bytes(cohort.ordersCsv) }, events: { name: 'events.csv', bytes: bytes(cohort.eventsCsv) }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset, own.problems.map((p) => p.message).join('\n'));
  const cli = parseDataset({ name: 'orders.csv', text: cohort.ordersCsv }, { name: 'events.csv', text: cohort.eventsCsv }, { designWindow: 12 });
  assert.deepEqual(own.dataset.events, cli.events);
  assert.deepEqual(own.dataset.orders, cli.orders);
  assert.equal(own.dataset.manifest?.synthetic, false);
  assert.equal(own.dataset.manifest?.calibrated, false);
  assert.equal(own.dataset.manifest?.followup, undefined);
  // Every placed month is the one the cohort was built for (plain calendar arithmetic, not the engine's).
  assert.deepEqual(own.dataset.events.map((e) => e.month), cohort.months);
  assert.equal(own.summary!.designWindow, 12);
  assert.equal(own.texts!.orders.text, cohort.ordersCsv);
  assert.match(bannerText(own.summary!), /^Your data: orders\.csv \(40 orders\) and events\.csv \([\d,]+ arrests\): analysed in this browser, never sent anywhere\.$/);
  assert.match(fileList(own.summary!), /^orders\.csv \(40 orders\) and events\.csv \([\d,]+ arrests\)$/);
});

test('a UTF-16 export is named as such, and nothing is loaded', () => {
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...cohort.ordersCsv].flatMap((c) => [c.charCodeAt(0), 0])]);
  const own = validateOwn({ orders: { name: 'orders.csv', bytes: utf16 }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.equal(own.dataset, undefined);
  assert.match(own.problems[0].message, /UTF-16/);
  assert.equal(own.problems[0].file, 'orders.csv');
});

test('with one file unreadable as text, the other is still checked, so one round lists every problem', () => {
  const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
  // events.csv with a date that is not a date on its second row; orders.csv as UTF-16.
  const lines = cohort.eventsCsv.split('\n');
  const cells = lines[2].split(',');
  const dateAt = lines[0].split(',').indexOf('date');
  cells[dateAt] = '2019-13-45';
  lines[2] = cells.join(',');
  const badEvents = lines.join('\n');
  const own = validateOwn({ orders: { name: 'orders.csv', bytes: utf16(cohort.ordersCsv) }, events: { name: 'events.csv', text: badEvents }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.equal(own.dataset, undefined);
  assert.deepEqual(own.problems.map((p) => [p.file, p.row ?? null, p.column ?? null]), [['orders.csv', null, null], ['events.csv', 2, 'date']]);
  assert.match(own.problems[0].message, /UTF-16/);
  // The same the other way round: events.csv unreadable, orders.csv's own problem still found.
  const orderLines = cohort.ordersCsv.split('\n');
  const sampleAt = orderLines[0].split(',').indexOf('sample');
  const row = orderLines[1].split(',');
  row[sampleAt] = 'analysd';
  orderLines[1] = row.join(',');
  const back = validateOwn({ orders: { name: 'orders.csv', text: orderLines.join('\n') }, events: { name: 'events.csv', bytes: utf16(cohort.eventsCsv) }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.deepEqual(back.problems.map((p) => [p.file, p.row ?? null, p.column ?? null]), [['events.csv', null, null], ['orders.csv', 1, 'sample']]);
});

test('the page\'s route names a workbook chosen by mistake, and warns of an analysed order made after every arrest, as the CLI does', () => {
  const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
  const workbook = validateOwn({ orders: { name: 'orders.xlsx', bytes: xlsx }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.equal(workbook.dataset, undefined);
  assert.equal(workbook.problems[0].message, 'the file is an Excel workbook (.xlsx) or another zip archive, not CSV text');
  const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`./fixtures/bad/${name}`, import.meta.url))) });
  const own = validateOwn({ orders: fixture('recent-orders.csv'), events: fixture('recent-events.csv'), designWindow: 24, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset, 'warnings only: the data load');
  const cli = validateDataset({ orders: fixture('recent-orders.csv'), events: fixture('recent-events.csv') });
  assert.deepEqual(own.problems, cli.problems);
  assert.deepEqual(own.problems.map((p) => [p.severity, p.row, p.column, p.value]), [['warning', 3, 'issued_date', '2021-06-01']]);
});

test('an arrest outside the declared window is an error, or left out and counted when chosen; the window is never widened', () => {
  const narrow = { orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv } };
  const outside = cohort.months.filter((m) => Math.abs(m) > 6).length;
  assert.ok(outside > 0);
  const strict = validateOwn({ ...narrow, designWindow: 6, outsideWindow: 'error' }, bundledIndex);
  assert.equal(strict.dataset, undefined);
  assert.equal(strict.problems.filter((p) => p.severity === 'error').length, outside);
  const lenient = validateOwn({ ...narrow, designWindow: 6, outsideWindow: 'exclude' }, bundledIndex);
  assert.equal(lenient.dataset!.span, 6);
  assert.equal(lenient.summary!.excludedOutsideWindow, outside);
  assert.match(bannerText(lenient.summary!), new RegExp(`${outside} arrests outside the 6-month design window left out`));
});

test('events without harm look offences up in the bundled index; a harm index beside a harm column is named as unused', () => {
  const noHarm = cohort.eventsCsv.replace(',harm\n', '\n').replace(/,\d+$/gm, '');
  // A stand-in for the bundled index that knows only one of the cohort's three offences: each other
  // offence is named once, at its first row, with every row it is on.
  const partial = { name: 'harm-index.csv', text: 'offence,harm_days\nCommon assault,2\n' };
  const lookedUp = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: noHarm }, designWindow: 12, outsideWindow: 'error' }, partial);
  assert.equal(lookedUp.dataset, undefined);
  const errors = lookedUp.problems.filter((p) => p.severity === 'error');
  assert.ok(errors.every((p) => p.file === 'events.csv' && p.column === 'offence' && p.value !== 'Common assault'));
  const unknown = noHarm.split('\n').map((l, k) => ({ l, row: k })).filter(({ l }) => l.startsWith('F-') && !l.endsWith(',Common assault'));
  const offences = [...new Set(unknown.map(({ l }) => l.split(',').at(-1)!))];
  assert.deepEqual(errors.map((p) => p.value), offences);
  for (const p of errors) {
    const rows = unknown.filter(({ l }) => l.endsWith(`,${p.value}`)).map(({ row }) => row);
    assert.equal(p.row, rows[0]);
    assert.match(p.message, new RegExp(`^"${p.value}" is not in the harm index harm-index\\.csv, so it has no harm value \\(${rows.length} arrests: rows ${rows.slice(0, 10).join(', ')}`));
  }
  const index = { name: 'my-index.csv', text: 'offence,harm_days\nFraud by false representation,20\nCommon assault,2\nControlling prostitution for gain,120\n' };
  const withIndex = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: noHarm }, harmIndex: index, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.ok(withIndex.dataset);
  assert.match(withIndex.summary!.harm, /my-index\.csv/);
  const withHarm = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, harmIndex: index, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.deepEqual(withHarm.dataset!.events, withIndex.dataset!.events);
  assert.ok(withHarm.problems.some((p) => p.severity === 'warning' && p.file === 'my-index.csv'));
});

test('downloads of a reader\'s results say whose data they hold, and are named apart from the study\'s', () => {
  const own = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  const result = analyse(own.dataset!);
  const about = { kind: 'local' as const, files: bannerText(own.summary!) };
  assert.equal(resultsFileName(result, 'csv', about), 'stro-own-data-results.csv');
  const [header, first] = resultsCsv(result, about).split('\n');
  assert.match(header, /,view,view_address,data$/);
  assert.ok(first.endsWith(`,"your own files, analysed in your browser: ${fileList(own.summary!)}"`), first.slice(-200));
  assert.doesNotMatch(resultsCsv(result, about), /study's view/);
  assert.equal(JSON.parse(resultsJson(result, about)).data.kind, 'local');
  assert.equal(resultsFileName(result, 'csv'), 'stro-results.csv');
});

test('the study\'s own files, loaded as a reader\'s ("Try it with the study\'s data"), are recognised and described as the study\'s synthetic data', () => {
  const study = { orders: readData('orders.csv'), events: readData('events.csv'), manifest: JSON.parse(readData('study.json')) };
  const files = (orders: string, events: string, designWindow = 24) => ({ orders: { name: 'orders.csv', bytes: bytes(orders) }, events: { name: 'events.csv', bytes: bytes(events) }, designWindow, outsideWindow: 'error' as const });
  const tried = validateOwn(files(study.orders, study.events), bundledIndex, study);
  assert.equal(tried.summary!.study, true);
  assert.equal(tried.dataset!.manifest?.synthetic, true);
  assert.equal(tried.dataset!.manifest?.calibrated, true);
  assert.match(bannerText(tried.summary!), /^The study's synthetic data, loaded as if they were your files: orders\.csv \(114 orders\), events\.csv \(303 arrests\)/);
  // The numbers are the study's, whichever way the files came.
  assert.deepEqual(analyse(tried.dataset!), analyse(parseDataset({ name: 'orders.csv', text: study.orders }, { name: 'events.csv', text: study.events }, { manifest: study.manifest })));
  // So are its harm weights and its specification curve (180 specifications with the index's three
  // weight sets, as the command line gives for the same files), not 90 from the harm column alone.
  assert.deepEqual(tried.summary!.weights, bundled.harmIndex!.sets);
  assert.deepEqual(analyse(tried.dataset!, { weights: 'low' }), analyse(bundled, { weights: 'low' }));
  const curve = specificationCurve(tried.dataset!);
  assert.equal(curve.total, 180);
  assert.deepEqual(curve, specificationCurve(bundled));
  // One character changed, or another design window: the reader's data, and no claim of synthetic or calibrated.
  for (const other of [
    validateOwn(files(study.orders, study.events.replace('\n', '\r\n')), bundledIndex, study),
    validateOwn(files(study.orders, study.events, 30), bundledIndex, study),
    validateOwn(files(cohort.ordersCsv, cohort.eventsCsv, 12), bundledIndex, study),
  ]) {
    assert.equal(other.summary!.study, false);
    assert.equal(other.dataset!.manifest?.synthetic, false);
    assert.match(bannerText(other.summary!), /^Your data: /);
  }
});

test("the command the page shows for a reader's own data, run beside their files in a shell, prints the page's numbers", () => {
  // File names a reader might choose: one with a space and one with a quote, which the command must quote.
  const dir = mkdtempSync(join(tmpdir(), 'stro-own-command-'));
  const files = { orders: "my orders.csv", events: "force's events.csv" };
  writeFileSync(join(dir, files.orders), cohort.ordersCsv);
  writeFileSync(join(dir, files.events), cohort.eventsCsv);
  const own = validateOwn({ orders: { name: files.orders, text: cohort.ordersCsv }, events: { name: files.events, text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset && own.summary, own.problems.map((p) => p.message).join('\n'));
  const categories = own.summary.categories.slice(0, 2);
  const result = analyse(own.dataset, { window: 6, categories });
  const [command] = commandParts(result, own.summary);
  assert.match(command as string, /^npm run --silent analyze -- --orders 'my orders\.csv' --events 'force'\\''s events\.csv' --design-window 12 --window 6 --categories \S+ --json$/);
  // The shell reads the words; the CLI stands in for `npm run analyze --` (npm passes them on as they are).
  const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
  const out = spawnSync('/bin/sh', ['-c', (command as string).replace(/^npm run --silent analyze -- /, `"${process.execPath}" "${cli}" `)], { cwd: dir, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), JSON.parse(JSON.stringify(result)));
});

test("the specification curve's command for a reader's own data names their files and the view's categories, and prints the page's curve", () => {
  const dir = mkdtempSync(join(tmpdir(), 'stro-own-curve-'));
  writeFileSync(join(dir, 'orders.csv'), cohort.ordersCsv);
  writeFileSync(join(dir, 'events.csv'), cohort.eventsCsv);
  const own = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset && own.summary);
  const categories = own.summary.categories.slice(0, 2);
  const result = analyse(own.dataset, { window: 6, gap: 1, categories });
  const [command] = curveCommandParts(result, own.summary);
  // The window and gap of the view are not in it: the curve runs every window and gap itself.
  assert.equal(command, `npm run --silent analyze -- --orders orders.csv --events events.csv --design-window 12 --categories ${categories.join(',')} --specification-curve --json`);
  const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
  const out = spawnSync('/bin/sh', ['-c', (command as string).replace(/^npm run --silent analyze -- /, `"${process.execPath}" "${cli}" `)], { cwd: dir, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), JSON.parse(JSON.stringify(specificationCurve(own.dataset, { categories }))));
  // The study's view: the command as the page printed it before, with nothing to add.
  assert.equal(curveCommandParts(analyse(bundled, {}))[0], 'npm run --silent analyze -- --specification-curve --json');
});

test('dropped files are placed by name: "arrests_by_order.csv" is the events, and two files for one place are neither placed', () => {
  assert.deepEqual(placeDropped(['orders_2023.csv', 'arrests_by_order.csv']), { placed: { orders: 0, events: 1 }, unplaced: [], clashes: [] });
  assert.deepEqual(placeDropped(['arrests_by_order.csv', 'orders_2023.csv', 'harm-index.csv']).placed, { events: 0, orders: 1, harmIndex: 2 });
  assert.deepEqual(placeDropped(['orders.csv', 'events.csv', 'my_harm_weights.csv']).placed, { orders: 0, events: 1, harmIndex: 2 });
  // two orders files: neither is taken, and both are named
  assert.deepEqual(placeDropped(['orders.csv', 'orders (1).csv', 'events.csv']), { placed: { events: 2 }, unplaced: [], clashes: ['orders.csv', 'orders (1).csv'] });
  assert.deepEqual(placeDropped(['notes.txt']), { placed: {}, unplaced: ['notes.txt'], clashes: [] });
});

// ---- words written for the study's 41 people follow a reader's data instead

/** A reader's cohort with every order analysed (the page's own check, src/lib/ownData.ts). */
function allAnalysed(orders: number, seed: number) {
  const c = makeCohort({ seed, orders, designWindow: 12, maxBefore: 3, maxAfter: 3 });
  const own = validateOwn({ orders: { name: 'orders.csv', text: c.ordersCsv.replace(/excluded_data/g, 'analysed') }, events: { name: 'events.csv', text: c.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset, own.problems.map((p) => p.message).join('\n'));
  return own.dataset;
}

test('Conclusions\' sample sentence on a reader\'s 3,000 orders, all analysed: no "Only 3,000 of 3,000", no "0 recent orders", and a leave-one-out range that reads "at"', () => {
  const r = analyse(allAnalysed(3000, 1));
  assert.deepEqual([r.sample.register, r.sample.analysed, r.sample.excludedFollowup, r.sample.excludedData], [3000, 3000, 0, 0]);
  const text = sentence(r, 'sample');
  assert.ok(text.startsWith('All 3,000 orders were analysed: none was too recent for the follow-up or left out for unusable data. Of the 3,000 people in this view, the 300 (a tenth) with the most arrests before their orders account for '), text);
  assert.doesNotMatch(text, /Only|\b0 (recent|with)|prolific/);
  // the leave-one-out range of 3,000 people rounds to one percentage: said once
  assert.equal(formatPercent(r.leaveOneOut.events.min), formatPercent(r.leaveOneOut.events.max));
  assert.equal(sentence(r, 'leaveOneOutRange'), `keeps the reduction in arrests at ${formatPercent(r.leaveOneOut.events.min)}`);
  // 3,000 people: at or above 50, current R sets the zeros aside before ranking, and the sentence says so
  assert.match(sentence(r, 'pairedPeople'), new RegExp(`With 50 people or more, the test as current R computes it sets them aside before ranking: in this view the test for arrests uses ${formatNumber(r.events.test.n)} of the 3,000 people, those whose count changed\\.$`));
  // The default cohort leaves 4 of 40 out for unusable data and none as too recent: only that group is named.
  const some = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  const partial = analyse(some.dataset!);
  assert.ok(sentence(partial, 'sample').startsWith('36 of 40 orders could be analysed. The 4 orders with unusable data might differ from the rest. '), sentence(partial, 'sample'));
});

test('the pages say "this analysis", not "the study", of a reader\'s data, and the bundled harm index\'s example only of the study\'s', () => {
  const page = (name: string) => readFileSync(new URL(`../src/pages/${name}.mdx`, import.meta.url), 'utf8');
  for (const name of ['conclusions', 'robustness']) {
    const text = page(name);
    assert.match(text, /<StudyOnly inline>The study compares<\/StudyOnly><OwnOnly inline>This analysis compares<\/OwnOnly> the same /, name);
    assert.doesNotMatch(text.replace(/<StudyOnly inline>The study compares<\/StudyOnly>/g, ''), /The study compares/, name);
  }
  const results = page('results');
  const example = results.indexOf('in the bundled harm index');
  assert.ok(example > 0);
  assert.ok(results.lastIndexOf('<StudyOnly inline>', example) > results.lastIndexOf('</StudyOnly>', example), 'the bundled index\'s example is the study\'s only');
  assert.match(results, /<OwnOnly inline>one arrest for an offence with a large harm weight can outweigh hundreds for offences with small ones\.<\/OwnOnly>/);
});

test('a reader\'s harm, on a scale of their own, is not called "CCHI days" on the figures\' axes', () => {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const r = analyse(allAnalysed(200, 5));
  const study = analyse(bundled);
  const text = (f: Element) => (f.tagName.toLowerCase() === 'svg' ? f : f.querySelector('svg')!).textContent ?? '';
  for (const [name, chart] of [['harmByCategory', harmByCategoryChart], ['monthlyHarm', monthlyHarmChart], ['scatter', scatterChart]] as const) {
    const own = text(chart(r, { document: document as unknown as Document, ownData: true }) as unknown as Element);
    assert.doesNotMatch(own, /CCHI/, name);
    assert.match(own, /\(days\)/, name);
    // the study's figures keep their unit
    assert.match(text(chart(study, { document: document as unknown as Document }) as unknown as Element), /CCHI days/, name);
  }
});

test('the time series\' harm axis on "How robust is it?", drawn alike for any data, names days, not CCHI days', () => {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const r = analyse(allAnalysed(200, 5));
  const f = itsChart(r.monthly.map((m) => ({ month: m.month, value: m.harm })), r.its.harm, { document: document as unknown as Document, measure: 'harm' }) as unknown as Element;
  const svg = f.tagName.toLowerCase() === 'svg' ? f : f.querySelector('svg')!;
  const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent);
  assert.ok(labels.includes('Harm per month (days)'), labels.join(' | '));
  assert.ok(!labels.some((t) => /CCHI/.test(t ?? '')));
});

test('shownValue: a value up to 120 characters is shown whole; a longer one by its start and its length', () => {
  assert.equal(shownValue('x'.repeat(120)), 'x'.repeat(120));
  assert.equal(shownValue('x'.repeat(20_000)), `${'x'.repeat(100)}… (20,000 characters)`);
  assert.ok(shownValue('y'.repeat(121)).length <= 125);
});

test('the design window field: a whole number of months from 1 to 600, or a message saying what was typed and what is allowed', () => {
  assert.deepEqual(readDesignWindow('24'), { months: 24 });
  assert.deepEqual(readDesignWindow(' 1 '), { months: 1 });
  assert.deepEqual(readDesignWindow('600'), { months: 600 });
  assert.deepEqual(readDesignWindow('0'), { message: 'The design window must be a whole number of months from 1 to 600, and 0 is not. Nothing was read.' });
  assert.deepEqual(readDesignWindow('601'), { message: 'The design window must be a whole number of months from 1 to 600, and 601 is not. Nothing was read.' });
  assert.deepEqual(readDesignWindow('2.5'), { message: 'The design window must be a whole number of months from 1 to 600, and 2.5 is not. Nothing was read.' });
  assert.deepEqual(readDesignWindow('-3'), { message: 'The design window must be a whole number of months from 1 to 600, and -3 is not. Nothing was read.' });
  // A number input gives '' for anything it cannot read as a number ("abc", "1,5" in some locales).
  assert.deepEqual(readDesignWindow(''), { message: 'The design window is empty or not a number: enter a whole number of months from 1 to 600. Nothing was read.' });
  // The engine's own check agrees on every case: what the form lets through, validateDataset accepts.
  for (const raw of ['0', '1', '600', '601', '2.5']) {
    const read = readDesignWindow(raw);
    const engine = validateDataset({ orders: { name: 'o.csv', text: '' }, events: { name: 'e.csv', text: '' } }, { designWindow: Number(raw) });
    const refused = engine.problems.some((p) => p.column === 'designWindow');
    assert.equal('message' in read, refused, raw);
  }
});

test('events with a harm column are seen as such whatever comes before the header: a blank line, a row of commas, old Mac line ends', async () => {
  const { csvHeader } = await import('../src/analysis/csv.ts');
  const plain = 'order_id,month,category,offence,harm\na,1,x,y,2\n';
  for (const text of [plain, `\n${plain}`, `,,,,\n${plain}`, plain.replace(/\n/g, '\r'), `\uFEFF${plain.replace(/\n/g, '\r\n')}`, '"order_id","month","category","offence","harm"\n']) {
    assert.deepEqual(csvHeader(text), ['order_id', 'month', 'category', 'offence', 'harm'], JSON.stringify(text));
  }
  assert.deepEqual(csvHeader(''), []);
  // The page then keeps the recorded harm, and says an index beside it is not used.
  const orders = 'order_id,issued,sample,duration_months,conditions\na,2019-Q1,analysed,,\n';
  const own = validateOwn({ orders: { name: 'orders.csv', text: orders }, events: { name: 'events.csv', text: `\n${plain.replace('a,1,x,y,2', 'a,1,x,Robbery,2')}` }, harmIndex: { name: 'idx.csv', text: 'offence,harm_days\nRobbery,365\n' }, designWindow: 24, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset, JSON.stringify(own.problems));
  assert.equal(own.dataset.events[0].harm, 2);
  assert.ok(own.problems.some((p) => p.file === 'idx.csv' && /was not used/.test(p.message)));
});

test('an arrest on its order\'s own date is counted in the file and said to be in neither period, not dropped from the count unseen; a file with every arrest left out is an error', () => {
  const [head, first] = cohort.ordersCsv.split('\n');
  const cols = head.split(',');
  const order = first.split(',');
  const id = order[cols.indexOf('order_id')];
  const issued = order[cols.indexOf('issued_date')];
  const [eventsHead, example] = cohort.eventsCsv.split('\n');
  const ev = eventsHead.split(',');
  const row = example.split(',');
  row[ev.indexOf('order_id')] = id;
  row[ev.indexOf('date')] = issued;
  const events = cohort.eventsCsv.trimEnd() + '\n' + row.join(',') + '\n';
  const fileRows = cohort.eventsCsv.trim().split('\n').length; // the cohort's arrests, plus the header
  const own = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: events }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset);
  assert.equal(own.dataset.events.length, fileRows - 1);
  assert.equal(own.summary!.events.rows, fileRows, 'every arrest in the file is in the count');
  assert.match(fileList(own.summary!), new RegExp(`events\\.csv \\(${fileRows.toLocaleString('en-GB')} arrests; 1 arrest on its order's own date, in neither period\\)$`));

  // Every arrest outside a 1-month window, left out as asked: nothing to compare, said as such.
  const far = cohort.eventsCsv.trim().split('\n').filter((_, k) => k === 0 || Math.abs(cohort.months[k - 1]) > 1).join('\n') + '\n';
  const none = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: far }, designWindow: 1, outsideWindow: 'exclude' }, bundledIndex);
  assert.equal(none.dataset, undefined);
  assert.ok(none.problems.some((p) => p.severity === 'error' && /^has no events inside the design window of 1 month, before or after an order \(\d+ left out as outside it\), so there is nothing to compare$/.test(p.message)), none.problems.map((p) => p.message).join('\n'));
  // Only an arrest on its order's own date: nothing to compare either, not a view with no category to choose (an analyst).
  const onTheDay = validateOwn({ orders: { name: 'orders.csv', text: 'order_id,issued,issued_date,sample\nB-1,2019-Q1,2019-03-15,analysed\n' }, events: { name: 'events.csv', text: 'order_id,date,category,offence,harm\nB-1,2019-03-15,violence,Common assault,2\n' }, designWindow: 24, outsideWindow: 'error' }, bundledIndex);
  assert.equal(onTheDay.dataset, undefined);
  assert.ok(onTheDay.problems.some((p) => p.severity === 'error' && p.message === "has no events inside the design window of 24 months, before or after an order (1 on its order's own date, which is not counted), so there is nothing to compare"), onTheDay.problems.map((p) => p.message).join('\n'));
});

test('one analysed order: "the 1 analysed order", never "1 analysed orders" or "all 1 person"', () => {
  const c = makeCohort({ seed: 5, orders: 1, designWindow: 12, maxBefore: 3, maxAfter: 3 });
  const own = validateOwn({ orders: { name: 'orders.csv', text: c.ordersCsv.replace(/excluded_\w+/g, 'analysed') }, events: { name: 'events.csv', text: c.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  assert.ok(own.dataset, own.problems.map((p) => p.message).join('\n'));
  const r = analyse(own.dataset);
  assert.equal(r.orders, 1);
  assert.match(sentence(r, 'headline'), /^Across the 1 analysed order, /);
  const caption = resultsTable(r, 'events').caption;
  assert.match(caption, /, 1 order\b/);
  assert.doesNotMatch(caption, /1 orders/);
});

test('the published table for a reader\'s data names their data, not the bundled synthetic data', () => {
  const own = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
  const r = analyse(own.dataset!);
  const mine = TABLES.published(r, own.summary!.harm, true);
  assert.deepEqual(mine.columns, ['Figure or claim', 'Published', 'Your data']);
  assert.match(mine.caption, /beside your data in /);
  assert.doesNotMatch(mine.caption, /synthetic/);
  for (const row of mine.rows) assert.doesNotMatch(row.join(' '), /synthetic/, row[0]);
  assert.ok(mine.rows.some((row) => /^(Not reproduced|Reproduced|Cannot be checked) in your data for this view \(/.test(row[2])));
  assert.deepEqual(TABLES.published(analyse(bundled)).columns, ['Figure or claim', 'Published', 'Recomputed here']);
});

test('an extraction date given with the files is checked by the engine, kept with the files, and said in the banner and the command', () => {
  const files = { orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, designWindow: 12, outsideWindow: 'error' as const };
  const late = validateOwn({ ...files, extracted: '2099-01-01' }, bundledIndex);
  assert.ok(late.dataset, late.problems.map((p) => p.message).join('\n'));
  assert.deepEqual(late.dataset.events, validateOwn(files, bundledIndex).dataset!.events);
  assert.equal(late.texts!.extracted, '2099-01-01');
  assert.equal(late.summary!.extracted, '2099-01-01');
  assert.match(bannerText(late.summary!), /^Your data: orders\.csv \(40 orders\) and events\.csv \([\d,]+ arrests\), extracted on 2099-01-01: analysed in this browser/);
  assert.deepEqual(sourceArguments(late.summary!).slice(-2), ['--extracted', '2099-01-01']);
  assert.ok(!sourceArguments(validateOwn(files, bundledIndex).summary!).includes('--extracted'));
  // Extracted before every follow-up ends: each analysed order is an error on its row, and nothing loads.
  const early = validateOwn({ ...files, extracted: '1990-01-01' }, bundledIndex);
  assert.equal(early.dataset, undefined);
  const analysed = cohort.ordersCsv.trim().split('\n').filter((l) => l.includes(',analysed')).length;
  assert.equal(early.problems.filter((p) => p.file === 'orders.csv' && p.column === 'issued_date' && p.severity === 'error').length, analysed);
});

test('the sentences a reader\'s own data put in place of the build\'s are the build\'s own where they can be, and say "change", not "fall" (an analyst whose arrests rose)', async () => {
  const { followupText, libertyText, libertyWhatText } = await import('../src/lib/ownData.ts');
  const pageText = (name: string) => readFileSync(new URL(`../src/pages/${name}.mdx`, import.meta.url), 'utf8');
  const none = { monthsAway: false } as Parameters<typeof libertyText>[0];
  // Method's build text is the one the page keeps for files without a declared extraction date.
  assert.ok(pageText('method').includes(followupText({ extracted: undefined } as Parameters<typeof followupText>[0])));
  assert.match(followupText({ extracted: undefined } as Parameters<typeof followupText>[0]), /about 10 or more arrests would be expected/);
  assert.ok(pageText('conclusions').includes(`<span data-local-text="liberty">${libertyText(none)}</span>`));
  assert.doesNotMatch(libertyText(none), /a fall in arrests/);
  assert.match(libertyWhatText(none), /^shows, where arrests fell,/);
});

test('leaving one person out is said as a rise, or as a change from a rise to a fall, where the arrests did not fall throughout (an analyst read "the reduction in arrests between −38% and 0%")', () => {
  const resultOf = (maxBefore: number, maxAfter: number, seed: number) => {
    const c = makeCohort({ seed, orders: 40, designWindow: 12, maxBefore, maxAfter });
    const own = validateOwn({ orders: { name: 'orders.csv', text: c.ordersCsv }, events: { name: 'events.csv', text: c.eventsCsv }, designWindow: 12, outsideWindow: 'error' }, bundledIndex);
    return analyse(own.dataset!);
  };
  const pct = (x: number) => formatPercent(Math.abs(x));
  // Arrests rose after every leave-one-out (reductions all below zero): the rise's size, smaller first.
  const rose = resultOf(3, 4, 3);
  const e = rose.leaveOneOut.events;
  assert.ok(e.max! < 0, `${e.min} ${e.max}`);
  assert.equal(sentence(rose, 'leaveOneOutRange'), `keeps the rise in arrests between ${pct(e.max!)} and ${pct(e.min!)}`);
  assert.ok(sentence(rose, 'leaveOneOut').startsWith(`Leaving each analysed person out in turn, the overall rise in arrests stays between ${pct(e.max!)} and ${pct(e.min!)} (with everyone: ${pct(rose.events.reduction!)}); for harm, between `), sentence(rose, 'leaveOneOut'));
  // A range that crosses no change: from the largest rise to the largest fall.
  const both = resultOf(3, 3, 1);
  const b = both.leaveOneOut.events;
  assert.ok(b.min! < 0 && b.max! > 0 && both.events.reduction! < 0, `${b.min} ${b.max}`);
  assert.equal(sentence(both, 'leaveOneOutRange'), `moves the change in arrests from a rise of ${pct(b.min!)} to a fall of ${pct(b.max!)}`);
  assert.ok(sentence(both, 'leaveOneOut').startsWith(`Leaving each analysed person out in turn, the overall change in arrests runs from a rise of ${pct(b.min!)} to a fall of ${pct(b.max!)} (with everyone: a rise of ${pct(both.events.reduction!)}); for harm, from a rise of `), sentence(both, 'leaveOneOut'));
  // Arrests fell throughout and harm did not: harm's range names its own kind.
  const mixedHarm = resultOf(4, 4, 3);
  const h = mixedHarm.leaveOneOut.harm;
  assert.ok(mixedHarm.leaveOneOut.events.min! > 0 && h.min! < 0 && h.max! > 0);
  assert.match(sentence(mixedHarm, 'leaveOneOut'), new RegExp(`\\); harm's change runs from a rise of ${pct(h.min!)} to a fall of ${pct(h.max!)}\\.$`));
  for (const r of [rose, both, mixedHarm]) assert.doesNotMatch(sentence(r, 'leaveOneOut') + sentence(r, 'leaveOneOutRange'), /−/);
});

test('validateOwn lists 130,000 problems of one file without overflowing the call stack, as the page and its worker need', () => {
  const orders = { name: 'orders.csv', text: 'order_id,issued,sample\nA0,2019-Q1,analysed\n' };
  const events = { name: 'events.csv', text: `order_id,month,category,offence,harm\n${'A0,abc,violence,Theft,2\n'.repeat(130_000)}` };
  const out = validateOwn({ orders, events, designWindow: 24, outsideWindow: 'error' }, { name: 'harm-index.csv (bundled)', text: 'offence,harm_days\nTheft,2\n' });
  assert.equal(out.dataset, undefined);
  assert.equal(out.problems.filter((p) => p.column === 'month').length, 130_000);
});

test('invisible direction controls: stripped from file names (only labels), kept in values with one warning naming every row (a reviewer\'s banner read backwards)', () => {
  const orders = { name: 'orders\u202eVSC.csv', text: 'order_id,issued,sample\nA\u202e1,2019-Q1,analysed\nB,2019-Q1,analysed\n' };
  const events = { name: 'events.csv', text: 'order_id,month,category,offence,harm\nA\u202e1,-3,violence,Theft\u202e,2\nB,-2,violence,Theft,2\nB,3,violence,Theft,2\n' };
  const out = validateOwn({ orders, events, designWindow: 24, outsideWindow: 'error' }, { name: 'harm-index.csv (bundled)', text: 'offence,harm_days\nTheft,2\n' });
  assert.ok(out.dataset && out.summary);
  assert.equal(out.summary.orders.name, 'ordersVSC.csv');
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(bannerText(out.summary)));
  const warned = out.problems.filter((p) => /direction of text/.test(p.message));
  assert.deepEqual(warned.map((p) => [p.severity, p.file, p.row, p.column]), [['warning', 'ordersVSC.csv', 1, 'order_id'], ['warning', 'events.csv', 1, 'order_id']]);
  assert.match(warned[0].message, /^has a value with invisible characters that reverse or embed the direction of text \(U\+202E first\)/);
  // The id is kept as written: the order and its arrest still match.
  assert.ok(out.dataset.orders.some((o) => o.id === 'A\u202e1'));
  assert.equal(out.dataset.events.filter((e) => e.orderId === 'A\u202e1').length, 1);
});
