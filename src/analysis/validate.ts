// The boundary of the engine: raw CSV (text or bytes) in, a checked Dataset out, with every
// problem found, not only the first. Every rule in the codebook (data/README.md) is enforced
// here, once, and each problem names file, row and column. Nothing inside the engine re-checks,
// and nothing is silently dropped, coerced or widened: events outside the design window are an
// error, or (only when the caller asks) excluded and counted.
//
// validateDataset(sources, options) → { dataset?, problems }   (dataset only when no error)
// parseDataset(orders, events, options?) → Dataset             (throws the first error)
//
// The two files are checked as far as each can be on its own: an orders file that cannot be read
// (a wrong header, an empty file) does not hide the events file's own problems (its header, dates,
// categories, harm), only the checks that need the orders (whose arrest, which month).

import { STUDY_CATEGORIES, sortCategories } from './categories.ts';
import { decodeCsvBytes, emptyRowsWarning, readCsv, type CsvTable } from './csv.ts';
import { neutraliseCell, problem, problemError, quoteCsvField, type Fix, type Problem } from './errors.ts';
import { addMonths, daysInMonth, inQuarter, monthOffset, parseIsoDate, type CalendarDate } from './months.ts';
import { SAMPLES, WEIGHT_COLUMNS, WEIGHT_SETS, type Dataset, type HarmIndex, type OffendingEvent, type Order, type Sample, type StudyManifest, type WeightSet } from './types.ts';

/** The longest category code accepted: long enough for any real category's name ("modern_slavery" is 14). */
export const MAX_CATEGORY_CODE = 40;
/**
 * The columns of orders.csv. order_id and sample are required, and the quarter issued unless each
 * order's date (issued_date) is given, from which it follows. duration_months and conditions are
 * recorded, never analysed, so a file without them loses nothing.
 */
export const ORDER_COLUMNS = ['order_id', 'issued', 'sample', 'duration_months', 'conditions'] as const;
const ORDER_REQUIRED = ['order_id', 'sample'] as const;
/**
 * Optional columns of orders.csv, given together or not at all: months of the design window before
 * and after the order that the person spent in custody or abroad (for rates per month at liberty,
 * timeAtLiberty.ts). Each is a number of months from 0 to the design window; decimals are allowed.
 */
export const UNAVAILABLE_COLUMNS = ['months_unavailable_before', 'months_unavailable_after'] as const;
/** Every column any of the three files may have: a line with two of them, below a title, is the header (csv.ts). */
export const KNOWN_COLUMNS = [
  'order_id', 'issued', 'issued_date', 'sample', 'duration_months', 'conditions', ...UNAVAILABLE_COLUMNS,
  'month', 'date', 'category', 'offence', 'harm',
  ...Object.values(WEIGHT_COLUMNS), 'status', 'source',
];
/** Months beyond this distance from the order (50 years) cannot be a real follow-up. */
export const MAX_MONTHS = 600;
/** More harm days than this for one offence (about 270 years) cannot be a CCHI value; murder is 5,475. */
export const MAX_HARM = 100_000;
/** The columns of events.csv with months; `date` may replace `month`, and a harm index may replace `harm`. */
export const EVENT_COLUMNS = ['order_id', 'month', 'category', 'offence', 'harm'] as const;
/** The design window when neither the caller nor a manifest declares one: the study's two years. */
export const DEFAULT_DESIGN_WINDOW = 24;

export interface SourceText {
  /** The name to use in messages, e.g. "orders.csv". */
  name: string;
  text: string;
}
/** A file as bytes (from a file input or the disk): decoded here, so that UTF-16 is recognised. */
export interface SourceBytes {
  name: string;
  bytes: Uint8Array;
}
export type Source = SourceText | SourceBytes;

export interface ValidateOptions {
  /** Months either side of the order the data cover; default the manifest's, else 24. */
  designWindow?: number;
  /** An event outside the design window: an error naming its row (default), or excluded and counted. */
  outsideWindow?: 'error' | 'exclude';
  /** The data's own description (data/study.json for the bundled data); gives names and order of categories. */
  manifest?: StudyManifest;
  /**
   * The date the data were extracted (YYYY-MM-DD), when the reader declares it: every analysed
   * order's follow-up is then checked against it, and an arrest after it is an error.
   */
  extracted?: string;
}

export interface Validation {
  /** Present only when there is no error (warnings allowed). */
  dataset?: Dataset;
  /** Every problem, errors and warnings, in file and row order. */
  problems: Problem[];
}

/**
 * Read and check orders, events and a harm index, reporting every problem. `harmIndex` is needed
 * when the events file has no `harm` column (harm is then its harm_days, by offence); given with
 * events that carry harm, it is checked and kept (Dataset.harmIndex) for analyse()'s `weights`.
 */
export function validateDataset(sources: { orders: Source; events: Source; harmIndex?: Source }, options: ValidateOptions = {}): Validation {
  const problems: Problem[] = [];
  const designWindow = options.designWindow ?? options.manifest?.designWindow ?? DEFAULT_DESIGN_WINDOW;
  if (!Number.isInteger(designWindow) || designWindow < 1 || designWindow > MAX_MONTHS) {
    return { problems: [problem({ file: '(options)', column: 'designWindow' }, `${designWindow} is not a whole number of months from 1 to ${MAX_MONTHS}`, { value: String(designWindow), expected: `1 … ${MAX_MONTHS}` })] };
  }
  const extracted = options.extracted === undefined ? undefined : parseIsoDate(options.extracted.trim());
  if (options.extracted !== undefined && !extracted) {
    const text = options.extracted.trim();
    return { problems: [text === ''
      ? problem({ file: '(options)', column: 'extracted' }, 'is empty; give the date the data were extracted, like 2023-03-31, or leave it out', { value: '', expected: 'a date like 2023-03-31' })
      : extractedNotADate(text)] };
  }
  // Each under its real header, where title lines sit above it (said once, and the rest still checked).
  const ordersTable = titled(table(sources.orders, problems), ['order_id', 'issued', 'sample'], problems);
  const eventsTable = titled(table(sources.events, problems), (h) => eventsRequired(h), problems);
  const startOfOrders = problems.length;
  const orders = ordersTable ? readOrders(ordersTable, designWindow, problems) : undefined;
  if (orders && orders.ok && !orders.list.some((o) => o.sample === 'analysed')) {
    problems.push(problem({ file: ordersTable!.file, column: 'sample' }, 'no order is marked analysed, so there is nothing to analyse', { expected: 'at least one analysed order' }));
  }
  // Where the orders file's problems are: the follow-up check below is about orders rows, found
  // only once the events are read, and goes among them, so that the problems stay in row order.
  const endOfOrders = problems.length;
  const amongOrders = (found: Problem[]) => {
    let at = startOfOrders;
    insertAt(problems, found.map((p) => {
      while (at < endOfOrders && (problems[at].row ?? Infinity) <= p.row!) at++;
      return { at, problem: p };
    }));
  };
  // A harm index, when given, is read and checked whether or not the events carry harm: it gives
  // harm to events without a harm column, and its weight sets are what analyse()'s `weights` use.
  let index: HarmIndex | undefined;
  const invalidOffences = new Set<string>();
  if (sources.harmIndex) {
    const t = titled(table(sources.harmIndex, problems), ['offence', WEIGHT_COLUMNS.central], problems);
    if (t) index = readHarmIndex(t, problems, invalidOffences);
  }
  const harmIndex = index && new Map(index.offences.map((o) => [o.offence, o.central]));
  if (eventsTable && !eventsTable.header.includes('harm')) {
    if (!sources.harmIndex) {
      const swapped = swapNote(eventsTable.header, 'events');
      problems.push(problem({ file: eventsTable.file, row: 0, column: 'harm' }, `required column is missing, and no harm index was given to look offences up in${swapped ? `; ${swapped}` : ''}`, {
        expected: 'a harm column, or a harm index', hint: 'add a harm column (days), or give a harm-index.csv with offence and harm_days columns',
      }));
    }
  }
  let events: OffendingEvent[] | undefined;
  let excluded = 0;
  let onOrderDate = 0;
  // The events are read even when the orders could not be (orders undefined): their own problems
  // are listed in the same round, and what needs the orders waits for them.
  if (eventsTable) {
    // Events with dates need each analysed order's date: an empty one is one error on the order's row
    // (its arrests are then not reported again, one by one), and so is said for an order with no arrests too.
    if (orders && orders.hasIssuedDate && eventsTable.header.includes('date') && !eventsTable.header.includes('month')) {
      const undated = orders.list.filter((o) => o.sample === 'analysed' && !orders.issuedDate.has(o.id) && !orders.badIssuedDate.has(o.id) && !orders.duplicated.has(o.id));
      for (const o of undated) orders.badIssuedDate.add(o.id);
      amongOrders(undated.map((o) => problem({ file: orders.file, row: orders.row.get(o.id), column: 'issued_date' }, `is empty; ${eventsTable.file} gives arrest dates, so every analysed order needs the date it was made`, {
        value: '', expected: 'a date like 2019-07-31', hint: `give the date order "${o.id}" was made (in its quarter, ${o.issued})`,
      })));
    }
    // The categories a file's codes are checked against: the manifest's, or the study's four.
    const knownCategories = options.manifest?.categories?.map((c) => c.code) ?? STUDY_CATEGORIES;
    const r = readEvents(eventsTable, orders, { knownCategories, designWindow, exclude: options.outsideWindow === 'exclude', extracted: extracted ? isoDate(extracted) : undefined, harmIndex, harmIndexFile: index?.file, invalidOffences, needHarmIndex: !eventsTable.header.includes('harm') }, problems);
    events = r.events;
    excluded = r.excluded.length;
    onOrderDate = r.onOrderDate;
    if (index && events) index.unmatched = unmatchedOffences(eventsTable.file, events, r.rows, index, invalidOffences);
    if (events) {
      const near = nearCategories(eventsTable.file, events, r.rows, knownCategories);
      for (const p of [...near, ...otherCategories(eventsTable.file, events, r.rows, knownCategories, new Set(near.map((p) => p.value!)))]) problems.push(p);
    }
    if (excluded > 0) {
      // Which rows, so that an excluded arrest can be found and checked (the message names the first ten,
      // the problems CSV every one).
      problems.push(problem({ file: eventsTable.file, column: r.monthColumn }, `${excluded} event${excluded === 1 ? ' was' : 's were'} outside the design window of ${monthsText(designWindow)} and ${excluded === 1 ? 'was' : 'were'} excluded, as asked: ${rowList(r.excluded)}`, { severity: 'warning', rows: r.excluded, hint: excluded > 10 ? 'to see each one with its row and date, check the files again with arrests outside the window reported as problems ("Report it as a problem" on the page, --outside-window error on the command line); on the page, the problems CSV also has a line for each row' : undefined }));
    }
    if (events) { const short = windowBeyondData(events, designWindow, eventsTable.file, r.monthColumn); if (short) problems.push(short); }
    if (eventsTable.records.length === 0) problems.push(problem({ file: eventsTable.file }, 'has a header but no events, so there is nothing to compare', { expected: 'at least one event' }));
    // Every arrest left out: as empty as a file with a header alone, not a view with no category chosen
    // (with none left but those on the orders' own dates, an analyst was asked to choose a category,
    // and there was none to choose).
    else if (events && events.length === 0 && excluded + r.onOrderDate > 0) {
      const why = [...(excluded > 0 ? [`${excluded} left out as outside it`] : []), ...(r.onOrderDate > 0 ? [`${r.onOrderDate} on ${r.onOrderDate === 1 ? "its order's" : "their orders'"} own date, which is not counted`] : [])].join(', and ');
      problems.push(problem({ file: eventsTable.file, column: r.monthColumn }, `has no events inside the design window of ${monthsText(designWindow)}, before or after an order (${why}), so there is nothing to compare`, {
        expected: 'at least one event inside the design window', hint: 'check the design window (months either side of the order) and the dates or months of the arrests',
      }));
    }
    // With the extraction date declared, each follow-up is checked against it (below); without it,
    // the latest arrest stands for the end of the data.
    if (orders && r.latestDate && !extracted) {
      amongOrders(followUpBeyondData(orders, designWindow, r.latestDate, eventsTable.file));
      if (events) amongOrders(followUpCutShort(orders, events, designWindow, r.latestDate, eventsTable.file));
    }
    if (orders && events) amongOrders(arrestedWhileAway(orders, events, designWindow, eventsTable.file));
  }
  if (orders && extracted) amongOrders(followUpAfterExtraction(orders, designWindow, extracted));
  summariseDayMonthYear(problems);
  if (problems.some((p) => p.severity === 'error') || !orders || !events) return { problems };

  const named = options.manifest?.categories ?? [];
  const categories = sortCategories(events.map((e) => e.category), named.map((c) => c.code));
  const dataset: Dataset = { orders: orders.list, events, span: designWindow, categories };
  const names = named.filter((c) => categories.includes(c.code));
  if (names.length > 0) dataset.categoryNames = Object.fromEntries(names.map((c) => [c.code, c.name]));
  if (options.outsideWindow === 'exclude') dataset.excludedOutsideWindow = excluded;
  if (onOrderDate > 0) dataset.onOrderDate = onOrderDate;
  if (options.manifest) dataset.manifest = options.manifest;
  if (index) dataset.harmIndex = index;
  if (extracted) dataset.extracted = isoDate(extracted);
  return { dataset, problems };
}

/** Parse and validate orders.csv and events.csv together; throws the first error (a DataError). */
export function parseDataset(orders: Source, events: Source, options: ValidateOptions & { harmIndex?: Source } = {}): Dataset {
  const { dataset, problems } = validateDataset({ orders, events, harmIndex: options.harmIndex }, options);
  if (!dataset) throw problemError(problems.find((p) => p.severity === 'error')!);
  return dataset;
}

function table(source: Source, problems: Problem[]): CsvTable | undefined {
  let text: string;
  if ('bytes' in source) {
    const decoded = decodeCsvBytes(source.name, source.bytes);
    for (const p of decoded.problems) problems.push(p);
    if (decoded.text === undefined) return undefined;
    text = decoded.text;
  } else text = source.text;
  const { table: t, problems: found } = readCsv(source.name, text, { columns: KNOWN_COLUMNS });
  // A loop, not push(...found): 100,000 bad rows are too many to spread as arguments (the call stack overflows).
  for (const p of found) problems.push(p);
  // With months, two identical rows are two arrests for the same offence in the same month, which
  // happens (the bundled data have several); with dates, an identical row is far more likely to be a
  // record exported twice, so it is worth a warning.
  if (t && t.header.includes('date')) duplicateRows(t, problems);
  if (t) directionControls(t, problems);
  if (t) formulaValues(t, problems);
  return t;
}

/**
 * The values the report writes into its downloads as written (ids and offences, which R joins on) and
 * that a spreadsheet would run as a formula. They cannot be neutralised there without breaking the join,
 * so they are said once for the file, with every row (as direction controls are), and kept.
 */
function formulaValues(t: CsvTable, problems: Problem[]): void {
  const columns = ['order_id', 'offence'].map((c) => t.header.indexOf(c)).filter((k) => k >= 0);
  const rows: number[] = [];
  let first: { row: number; column: string } | undefined;
  for (const r of t.records) {
    // (not a number in any form, "-1.5e3" included, nor a lone "-": a spreadsheet runs neither; a re-check)
    const at = columns.find((k) => { const v = r.fields[k]?.trim() ?? ''; return v !== '' && v !== '-' && !Number.isFinite(Number(v)) && neutraliseCell(v) !== v; });
    if (at === undefined) continue;
    rows.push(r.row);
    first ??= { row: r.row, column: t.header[at] };
  }
  if (!first) return;
  const one = rows.length === 1;
  problems.push(problem({ file: t.file, row: first.row, column: first.column }, `${one ? 'has a value' : `${rows.length} rows have values`} that begin${one ? 's' : ''} with =, +, - or @, which a spreadsheet runs as a formula when it opens a file of the report's downloads that holds ${one ? 'it' : 'them'}`, {
    severity: 'warning', expected: 'a value that does not begin with =, +, - or @', rows,
    hint: 'they are kept as written, so that R can join the files; if a spreadsheet opening a download offers to run formulas or update links, decline',
  }));
}

/** Unicode's invisible controls that override or embed the direction of the text after them (not the marks a right-to-left script uses). */
export const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Invisible direction controls in a value (U+202E, RIGHT-TO-LEFT OVERRIDE, and its kin) make it, and
 * text beside it, display backwards (a reviewer's id turned a sentence of the page round). They are kept
 * (a value is compared as written), and said once for the file, with every row, so the reader can decide.
 */
function directionControls(t: CsvTable, problems: Problem[]): void {
  const rows: number[] = [];
  let first: { row: number; column: string; value: string } | undefined;
  for (const r of t.records) {
    const at = r.fields.findIndex((f) => DIRECTION_CONTROLS.test(f));
    if (at < 0) continue;
    rows.push(r.row);
    first ??= { row: r.row, column: t.header[at] ?? `field ${at + 1}`, value: r.fields[at] };
  }
  if (!first) return;
  const code = first.value.match(DIRECTION_CONTROLS)![0].codePointAt(0)!.toString(16).toUpperCase();
  problems.push(problem({ file: t.file, row: first.row, column: first.column }, `${rows.length === 1 ? 'has a value' : `${rows.length} rows have values`} with invisible characters that reverse or embed the direction of text (U+${code} first), which make the value, and text shown beside it, read backwards`, {
    severity: 'warning', expected: 'no direction-control characters', rows,
    hint: 'delete them, unless the value is written in a right-to-left script and needs them; they are kept as part of the value',
  }));
}

/** An exact repeat of an earlier row may be a double export: a warning, and the row is kept. */
function duplicateRows(t: CsvTable, problems: Problem[]): void {
  const seen = new Map<string, number>();
  for (const { row, fields } of t.records) {
    const key = fields.join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem({ file: t.file, row }, `repeats row ${first} exactly; check that it is a second event and not a duplicated export`, { severity: 'warning', hint: 'delete the row if it is a duplicate' }));
    } else seen.set(key, row);
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How a spreadsheet's dates become the form the report reads: the end of every date hint. */
const SPREADSHEET_DATES = 'in the spreadsheet, format the column as yyyy-mm-dd before saving it as CSV';

/** The extraction date typed as an option, not read from a spreadsheet's column: its hint says how to type it. */
function extractedNotADate(text: string): Problem {
  const [message, details] = notADate(text);
  const hint = details.hint?.replace(`; ${SPREADSHEET_DATES}`, '').replace(SPREADSHEET_DATES, 'write it as yyyy-mm-dd');
  return problem({ file: '(options)', column: 'extracted' }, message, { ...details, ...(hint ? { hint } : {}) });
}

/** Below this many day/month/year dates in one column, each row's own problem says enough. */
const DMY_SUMMARY_FROM = 3;

/**
 * A column written day/month/year throughout (a UK export: an analyst got 101 errors, one a row, and
 * no word that they were one fix), or with a time of day on every date, or as a spreadsheet's day
 * numbers (another analyst: 947 and 1,271 errors, 50 of them shown) is said once more, first among
 * them: how many, and the one fix. The rows' own problems stay, each with the date it would be.
 */
const DATE_SUMMARIES: { row: RegExp; say: (n: number, first: Problem) => string }[] = [
  { row: /is a date with a time; the report needs the date alone$/, say: (n, first) => `${n} dates in this column carry a time of day, as a spreadsheet's date-and-time format writes them (the first on row ${first.row}, "${first.value}"): one fix for all of them` },
  { row: /: it looks like a spreadsheet's number for the date /, say: (n, first) => `${n} dates in this column are a spreadsheet's day numbers, saved without their date format (the first on row ${first.row}, "${first.value}"): one fix for all of them` },
];

/** A date written with the day and month as numbers either way round: 15/03/2019, 3.15.2019. */
export const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
type DateOrder = 'day/month/year' | 'month/day/year';
/** How a d/m/y-shaped value can be read: one way only, either way (the same date or not), or neither. */
function readingsOf(value: string): { only?: DateOrder; either?: boolean; same?: boolean; iso: Record<DateOrder, string> } | undefined {
  const m = DAY_MONTH.exec(value);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const iso = (month: number, day: number) => `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const readings = { 'day/month/year': iso(b, a), 'month/day/year': iso(a, b) };
  if (a === b) return { same: true, iso: readings };
  if (a > 12 && b <= 12) return { only: 'day/month/year', iso: readings };
  if (a <= 12 && b > 12) return { only: 'month/day/year', iso: readings };
  if (a <= 12 && b <= 12) return { either: true, iso: readings };
  return { iso: readings };
}

/** The order's quarter decided a date that reads either way (byQuarter): its message says so. */
const BY_QUARTER = /, the only reading in the order's quarter (\d{4}-Q[1-4])$/;

/**
 * The dates of one column written with the day and month as numbers (15/03/2019, 3/15/2019), read as
 * the column shows they are written. Each unambiguous date (day over 12, or month over 12 the other
 * way) is evidence of the column's order:
 * - one order only, and at least DMY_SUMMARY_FROM such dates: the column is that order. A date that
 *   reads either way is read as the rest are (with its fix), and one problem first gives the one fix.
 * - both orders (a US date typed into a UK column, or the reverse): no date of the column is rewritten,
 *   not even the unambiguous ones, and one problem says why (an analyst: one day-first date made Tidy
 *   rewrite a US column day/month/year, 19 dates to the wrong day, with no error).
 * - a date the order's quarter decided (byQuarter) keeps that reading only where it agrees with the
 *   column; where the column says otherwise, the quarter or the date is wrong, and it is said so with no
 *   fix (an analyst: a mistyped quarter had turned 03/04/2019 into 4 March, and hidden the error).
 * A date that is the same either way (11/11/2019) keeps its fix whatever the column.
 */
function settleDateColumns(problems: Problem[]): void {
  const groups = new Map<string, number[]>();
  problems.forEach((p, k) => {
    if (p.severity !== 'error' || p.row === undefined || p.value === undefined || !readingsOf(p.value)) return;
    if (!p.message.startsWith(`"${p.value}" is not a date like 2019-03-15`)) return;
    const key = `${p.file}\u0000${p.column}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  for (const [key, at] of [...groups].reverse()) {
    const [file, column] = key.split('\u0000');
    const byQuarter = (k: number) => BY_QUARTER.exec(problems[k].message);
    const evidence = at.filter((k) => !byQuarter(k) && readingsOf(problems[k].value!)!.only);
    const orders = new Set(evidence.map((k) => readingsOf(problems[k].value!)!.only!));
    if (orders.size === 2) {
      const first = (order: DateOrder) => problems[evidence.find((k) => readingsOf(problems[k].value!)!.only === order)!];
      const count = (order: DateOrder) => evidence.filter((k) => readingsOf(problems[k].value!)!.only === order).length;
      for (const k of at) if (!readingsOf(problems[k].value!)!.same) problems[k] = withoutFix(problems[k]);
      const [d, m] = [first('day/month/year'), first('month/day/year')];
      problems.splice(at[0], 0, problem({ file, column }, `this column mixes day/month/year dates (${count('day/month/year')}, the first on row ${d.row}, "${d.value}") with month/day/year dates (${count('month/day/year')}, the first on row ${m.row}, "${m.value}"), so none of its dates can be rewritten with certainty`, {
        expected: 'YYYY-MM-DD', hint: 'check which rows were typed the other way round, then write every date as yyyy-mm-dd', rows: at.map((k) => problems[k].row!),
      }));
      continue;
    }
    // Without a date that shows the order by its numbers, the dates the quarters decided show it, where they agree.
    const quartered = new Set(at.flatMap((k) => (byQuarter(k) ? [/it looks like (day\/month\/year|month\/day\/year), the only reading/.exec(problems[k].message)![1] as DateOrder] : [])));
    const order = orders.size === 1 ? [...orders][0] : quartered.size === 1 ? [...quartered][0] : undefined;
    // Quarters alone, reading the column both ways round: one of them, or a date, is mistyped. No rewrite (a reviewer).
    if (orders.size === 0 && quartered.size === 2) {
      const rowsBy = (o: DateOrder) => at.filter((k) => byQuarter(k) && problems[k].message.includes(`it looks like ${o}, the only reading`)).map((k) => problems[k].row!);
      for (const k of at) if (!readingsOf(problems[k].value!)!.same) problems[k] = withoutFix(problems[k]);
      problems.splice(at[0], 0, problem({ file, column }, `the orders' quarters read this column's dates both ways round (day/month/year on row ${rowsBy('day/month/year')[0]}, month/day/year on row ${rowsBy('month/day/year')[0]}), so none of its dates is rewritten: a quarter or a date is likely mistyped`, {
        expected: 'YYYY-MM-DD', hint: 'check those rows against the record, then write every date as yyyy-mm-dd', rows: at.map((k) => problems[k].row!),
      }));
      continue;
    }
    // A quarter that disagrees with the column: no fix, and the disagreement said.
    const conflicts = new Set<number>();
    for (const k of at) {
      const q = byQuarter(k);
      const r = readingsOf(problems[k].value!)!;
      const fix = problems[k].fix;
      if (!q || !order || (fix && 'value' in fix && fix.value === r.iso[order])) continue;
      const other: DateOrder = order === 'day/month/year' ? 'month/day/year' : 'day/month/year';
      conflicts.add(k);
      problems[k] = withoutFix({ ...problems[k], message: `"${problems[k].value}" is not a date like 2019-03-15: read as ${order}, as the column's other dates are, it is ${r.iso[order]}, which is not in the order's quarter ${q[1]} (read as ${other} it would be ${r.iso[other]}, which is)`, expected: `a date in ${q[1]}`, hint: 'check the date and the quarter against the record, then write the date as yyyy-mm-dd' });
    }
    const formatOnly = at.filter((k) => !conflicts.has(k));
    // Settled by at least two dates that read one way only, and a fifth of the column's dates that are
    // not the same either way: one such date (perhaps the one typed the other way round) does not decide
    // a column of dates that read either way (a reviewer). Dates like 11/11/2019 need no deciding, so
    // they do not count against it (an analyst: 5 day-first dates among 32, 15 of them the same either
    // way, left 12 dates unrewritten by Tidy, with no word why).
    const shown = orders.size === 1 ? evidence.length : at.filter((k) => byQuarter(k) && !conflicts.has(k)).length;
    const toDecide = at.filter((k) => !readingsOf(problems[k].value!)!.same).length;
    const needed = Math.max(2, Math.ceil(toDecide / 5));
    if (order && at.length >= DMY_SUMMARY_FROM && shown < needed) {
      // Too few to decide: the dates that read either way keep both readings, and the column says why once.
      const open = formatOnly.filter((k) => readingsOf(problems[k].value!)!.either);
      if (open.length > 0) {
        const first = problems[evidence[0] ?? at.find((k) => byQuarter(k) && !conflicts.has(k))!];
        problems.splice(at[0], 0, problem({ file, column }, `${shown === 1 ? '1 date' : `${shown} dates`} in this column ${shown === 1 ? 'reads' : 'read'} only as ${order} (the first on row ${first.row}, "${first.value}"), too few to decide the ${open.length === 1 ? 'date' : `${open.length} dates`} that read either way round (it takes ${needed}: at least 2, and a fifth of the ${toDecide} dates that are not the same either way), so ${open.length === 1 ? 'it is' : 'they are'} not rewritten`, {
          expected: 'YYYY-MM-DD', hint: `check ${open.length === 1 ? 'that date' : 'those dates'} against the record, or ${SPREADSHEET_DATES}, then choose the file again`, rows: open.map((k) => problems[k].row!),
        }));
      }
      continue;
    }
    if (!order || at.length < DMY_SUMMARY_FROM) continue;
    for (const k of formatOnly) {
      const r = readingsOf(problems[k].value!)!;
      if (!r.either && !r.same) continue;
      const iso = r.iso[order];
      problems[k] = { ...problems[k], message: `"${problems[k].value}" is not a date like 2019-03-15: like the column's other dates, it reads as ${order}`, hint: `write ${iso}; ${SPREADSHEET_DATES}`, ...(parseIsoDate(iso) ? { fix: { value: iso } } : {}) };
    }
    const first = problems[formatOnly[0]];
    const where = order === 'day/month/year' ? 'a UK spreadsheet' : 'a US spreadsheet';
    problems.splice(formatOnly[0], 0, problem({ file, column }, `${formatOnly.length} dates in this column are written ${order}, as ${where} writes them (the first on row ${first.row}, "${first.value}"): one fix for all of them`, {
      expected: 'YYYY-MM-DD', hint: `${SPREADSHEET_DATES}, then choose the file again`, rows: formatOnly.map((k) => problems[k].row!),
    }));
  }
}

const withoutFix = (p: Problem): Problem => {
  const { fix: _, ...rest } = p;
  return rest;
};

function summariseDayMonthYear(problems: Problem[]): void {
  settleDateColumns(problems);
  for (const kind of DATE_SUMMARIES) {
    const groups = new Map<string, number[]>();
    problems.forEach((p, k) => {
      if (p.severity !== 'error' || p.row === undefined || !kind.row.test(p.message)) return;
      const key = `${p.file}\u0000${p.column}`;
      groups.set(key, [...(groups.get(key) ?? []), k]);
    });
    // From the last group back, so that the places of the earlier ones do not move.
    for (const [key, at] of [...groups].reverse()) {
      if (at.length < DMY_SUMMARY_FROM) continue;
      const [file, column] = key.split('\u0000');
      const first = problems[at[0]];
      problems.splice(at[0], 0, problem({ file, column }, kind.say(at.length, first), {
        expected: 'YYYY-MM-DD', hint: `${SPREADSHEET_DATES}, then choose the file again`, rows: at.map((k) => problems[k].row!),
      }));
    }
  }
}

/**
 * Why a date cell is not a date, as a problem's message and details: a date in the right form that
 * does not exist ("2020-02-31") says which part is wrong; anything else gets the form to write.
 */
function notADate(text: string): [string, { value: string; expected: string; hint: string; fix?: Fix }] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const why = month < 1 || month > 12 ? `there is no month ${m[2]}` : day < 1 ? `there is no day ${m[3]}` : `${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days, not ${day}`;
    return [`${text} is not a real date: ${why}`, { value: text, expected: 'a date that exists', hint: 'check the day and month against the record' }];
  }
  // 15/03/2019, 5.3.2019: a spreadsheet's day/month/year (as UK settings write dates), said as such
  // with the date it would be, so that a whole column written that way is recognised at its first row.
  // (with a time of day too, as a UK spreadsheet's date-and-time format writes "15/03/2019 00:00")
  const dmy = DAY_MONTH.exec(text);
  if (dmy) {
    const [a, b, year] = [Number(dmy[1]), Number(dmy[2]), dmy[3]];
    const iso = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const format = SPREADSHEET_DATES;
    // Only a date that exists is offered as a fix (31/02/2019 reads as no date either way).
    const real = (month: number, day: number) => (day >= 1 && day <= daysInMonth(Number(year), month) ? { fix: { value: iso(month, day) } } : {});
    // Read one way only, but no such day (31/02/2019): said, with no date to write (it had offered "2019-02-31").
    const noSuchDay = (month: number, day: number, order: string): ReturnType<typeof notADate> | undefined => (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(year), month) ? undefined
      : [`"${text}" is not a date like 2019-03-15: it looks like ${order}, but ${month >= 1 && month <= 12 ? `${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(Number(year), month)} days, not ${day}` : `there is no month ${month}`}`, { value: text, expected: 'a date that exists', hint: 'check the day and month against the record' }]);
    if (a > 12 && b <= 12) return noSuchDay(b, a, 'day/month/year') ?? [`"${text}" is not a date like 2019-03-15: it looks like day/month/year`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${iso(b, a)}; ${format}`, ...real(b, a) }];
    // 11/11/2019 reads the same either way: one date to write, not the same one offered twice.
    if (a === b) return [`"${text}" is not a date like 2019-03-15: it could be day/month/year or month/day/year, the same date either way`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${iso(a, b)}; ${format}`, ...real(a, b) }];
    if (a <= 12 && b <= 12) return [`"${text}" is not a date like 2019-03-15: it could be day/month/year or month/day/year`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${iso(b, a)} if it is day/month/year (as UK spreadsheets write dates), ${iso(a, b)} if month/day/year; ${format}` }];
    if (a <= 12 && b > 12) return noSuchDay(a, b, 'month/day/year') ?? [`"${text}" is not a date like 2019-03-15: it looks like month/day/year`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${iso(a, b)}; ${format}`, ...real(a, b) }];
  }
  // 2019-03-15 00:00:00 (a spreadsheet's date and time): the date is there, the time is not wanted.
  // A time in UTC ("Z", or an offset) is no fix: late in the evening, the date in the UK is the day
  // after (an analyst's 2018-08-30T23:00:00Z, midnight on 31 August in British Summer Time, had been cut to the 30th).
  const timed = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (timed && timed[4]) return [`"${text}" is a date with a time and a time zone; the report needs the date alone, as it was where the arrest happened`, { value: text, expected: 'YYYY-MM-DD', hint: `write the local date: ${timed[1]}, or the day after if the time in the UK was after midnight; ${SPREADSHEET_DATES}` }];
  if (timed) return [`"${text}" is a date with a time; the report needs the date alone`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${timed[1]}; ${SPREADSHEET_DATES}`, ...(parseIsoDate(timed[1]) ? { fix: { value: timed[1] } } : {}) }];
  // 2019/03/15 or 2019.03.15: year first, so only one reading; and 15-Mar-2019, 15 March 2019: the month by name.
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  const named = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]*(\d{4})$/.exec(text);
  const byName = named ? MONTH_NAMES.findIndex((n) => n.toLowerCase() === named[2].toLowerCase() || (named[2].length === 3 && n.slice(0, 3).toLowerCase() === named[2].toLowerCase()) || (named[2].toLowerCase() === 'sept' && n === 'September')) + 1 : 0;
  const [y, mo, d] = ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])] : named && byName > 0 ? [Number(named[3]), byName, Number(named[1])] : [0, 0, 0];
  if (y > 0) {
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const how = ymd ? 'year/month/day' : "the day, the month's name and the year";
    if (!parseIsoDate(iso)) return [`"${text}" is not a date like 2019-03-15: it is written as ${how}, but there is no such date`, { value: text, expected: 'a date that exists', hint: 'check the day and month against the record' }];
    return [`"${text}" is not a date like 2019-03-15: it is written as ${how}`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${iso}; ${SPREADSHEET_DATES}`, fix: { value: iso } }];
  }
  // 43466: a spreadsheet's serial number for a date (days since 1899-12-30), saved unformatted.
  if (/^\d{5}$/.test(text) && Number(text) >= 20000 && Number(text) <= 80000) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000).toISOString().slice(0, 10);
    return [`"${text}" is not a date like 2019-03-15: it looks like a spreadsheet's number for the date ${date}`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${date}; ${SPREADSHEET_DATES}`, fix: { value: date } }];
  }
  // 15/03/19: a spreadsheet's short date, its century not written. Said as such, with the likely date
  // but no fix: which century is not the file's to say (an analyst got only "not a date like 2019-03-15").
  const short = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/.exec(text);
  if (short) {
    const [a, b, yy] = [Number(short[1]), Number(short[2]), short[3]];
    const iso = (month: number, day: number) => `20${yy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const reading = a > 12 && b <= 12 ? { order: 'day/month/year', date: iso(b, a) } : b > 12 && a <= 12 ? { order: 'month/day/year', date: iso(a, b) } : a === b && a <= 12 ? { order: 'day/month/year or month/day/year', date: iso(a, b) } : undefined;
    const said = reading ? `it looks like ${reading.order} with a two-digit year` : 'it has a two-digit year';
    return [`"${text}" is not a date like 2019-03-15: ${said}, so its century is not written`, { value: text, expected: 'YYYY-MM-DD', hint: `${reading && parseIsoDate(reading.date) ? `write ${reading.date} if the year is 20${yy}` : 'write the year in full, and the day and month as the record gives them'}; ${SPREADSHEET_DATES}` }];
  }
  if (text === '') return ['is empty; every arrest needs a date', { value: text, expected: 'YYYY-MM-DD', hint: 'give the date of the arrest, e.g. 2019-03-15' }];
  return [`"${text}" is not a date like 2019-03-15`, { value: text, expected: 'YYYY-MM-DD', hint: 'write dates as year-month-day, e.g. 2019-03-15' }];
}

/**
 * An issued_date that reads as a date both day/month/year and month/day/year (10/07/2019), where only
 * one reading is in the order's quarter: that reading, said as the one the quarter allows, with the fix.
 * Undefined where the quarter does not decide (both readings in it, or neither), or the text is not such a date.
 */
function byQuarter(text: string, quarter: string): ReturnType<typeof notADate> | undefined {
  const m = DAY_MONTH.exec(text);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a > 12 || b > 12 || a === b) return undefined;
  const iso = (month: number, day: number) => `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const inIt = (s: string) => { const d = parseIsoDate(s); return d !== null && inQuarter(d, quarter); };
  const [dmy, mdy] = [iso(b, a), iso(a, b)];
  if (inIt(dmy) === inIt(mdy)) return undefined;
  const [reading, written] = inIt(dmy) ? ['day/month/year', dmy] : ['month/day/year', mdy];
  return [`"${text}" is not a date like 2019-03-15: it looks like ${reading}, the only reading in the order's quarter ${quarter}`, { value: text, expected: 'YYYY-MM-DD', hint: `write ${written}; ${SPREADSHEET_DATES}`, fix: { value: written } }];
}

/** "1 month", "24 months". */
const monthsText = (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`;

const isoDate = (d: CalendarDate) => `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function dayBefore(d: CalendarDate): CalendarDate {
  if (d.day > 1) return { ...d, day: d.day - 1 };
  return d.month > 1 ? { year: d.year, month: d.month - 1, day: daysInMonth(d.year, d.month - 1) } : { year: d.year - 1, month: 12, day: 31 };
}

/**
 * Analysed orders whose follow-up the arrests file does not show at all: a warning for each, on the
 * order's row and issued_date. An order with too little time after it can only look like a fall
 * (its arrests before are all there, its arrests after are not yet), so marking every order
 * `analysed` biases the result towards "orders work", and nothing else would say so.
 *
 * The date the data were extracted is not in the files, and the machine's clock is no substitute
 * (the same files must give the same result next year, on the CLI and in the browser), so the only
 * date the data themselves vouch for is the latest arrest in the events file: the extract ran at
 * least that far. So the check is: the order was made after every arrest in the file, and the file
 * shows none of its follow-up (an issued_date in the future is one such case). A warning, not an
 * error: the events file holds the analysed people's arrests only, so a small or very law-abiding
 * sample can have no arrest after its last order even when every follow-up is complete, and an
 * error would leave such data no way in.
 * A weaker check, a follow-up that merely runs past the latest arrest, was tried and left out: by
 * the contract the file holds only arrests inside each order's window, so in valid data the latest
 * arrest usually falls before the most recent orders' follow-up ends, and the warning fired on the
 * templates and on every test cohort. A warning that valid data always raise teaches readers to
 * skip warnings. Declaring the extraction date would allow the full check.
 * `latest` is the latest date in the date column, of any row (an arrest outside someone's window is
 * still an arrest the extract holds); events given as months carry no calendar, and are not checked.
 */
function followUpBeyondData(orders: OrderInfo, designWindow: number, latest: string, eventsFile: string): Problem[] {
  const found: Problem[] = [];
  const seen = new Set<string>();
  for (const o of orders.list) {
    const issued = orders.issuedDate.get(o.id);
    if (o.sample !== 'analysed' || !issued || seen.has(o.id)) continue;
    seen.add(o.id);
    const made = isoDate(issued);
    const end = isoDate(dayBefore(addMonths(issued, designWindow)));
    if (made <= latest) continue;
    const where = { file: orders.file, row: orders.row.get(o.id), column: 'issued_date' };
    found.push(problem(where, `order "${o.id}" was made on ${made}, after the latest arrest in ${eventsFile} (${latest}): the file shows none of its ${designWindow}-month follow-up (to ${end}), so its arrests after the order cannot be counted and it can only show a fall`, {
      severity: 'warning', value: made, expected: `an order made before ${latest}, the latest arrest in the file`,
      hint: `mark it excluded_followup, unless the data were extracted after ${end} and no one analysed was arrested after ${latest}; a date in the future is a typo to correct`,
    }));
  }
  return found;
}

/** Below this many arrests expected in the months after the file's last arrest, a gap there is chance (see followUpCutShort). */
export const CUT_SHORT_EXPECTED = 10;
/** The average calendar month, in days. */
const DAYS_A_MONTH = 365.25 / 12;

/**
 * Data that reach fewer months from the order than the design window: no arrest in the outer months
 * of either side. Those months are then counted as months with no arrests, and the trends, the time
 * series and time at liberty see a fall or a rise that is only the edge of the data (an analyst's 12
 * months either side, read with the default window of 24: "a statistically significant downward
 * trend (p = 0.0136)", which at 12 months was p = 0.594). Said where chance would rarely do it: were
 * a side's N arrests spread evenly over the window's W months, all would fall within the R months
 * nearest the order with probability (R / W)^N; over the sides that stop short, the product of those
 * is at most SHORT_DATA_CHANCE, with SHORT_DATA_ARRESTS or more arrests on them (a handful of arrests
 * near the order is a small file, not a short one). Arrests bunched near the order (a busy spell)
 * make it likelier than that, so the words say what to check, not that the file is wrong. One
 * warning, naming the sides and the window the data seem to cover.
 */
function windowBeyondData(events: readonly OffendingEvent[], designWindow: number, file: string, column: string): Problem | undefined {
  const sides = ([['before', (m: number) => m < 0], ['after', (m: number) => m > 0]] as const).map(([side, on]) => {
    const months = events.filter((e) => on(e.month)).map((e) => Math.abs(e.month));
    const reach = months.reduce((a, b) => Math.max(a, b), 0);
    return { side, reach, count: months.length };
  }).filter((s) => s.reach > 0 && s.reach < designWindow);
  const chance = sides.reduce((p, s) => p * (s.reach / designWindow) ** s.count, 1);
  // Both sides: one side alone stopping short is what arrests bunched before an order, or fading
  // after it, look like, and a shorter window would then drop real months (a re-check).
  if (sides.length < 2 || chance > SHORT_DATA_CHANCE || sides.reduce((n, s) => n + s.count, 0) < SHORT_DATA_ARRESTS) return undefined;
  const said = sides.map((s) => `${s.side} the orders no arrest is more than ${monthsText(s.reach)} from the order (${s.count} ${s.count === 1 ? 'arrest' : 'arrests'}, none in months ${s.reach + 1} to ${designWindow})`);
  const reach = Math.max(...sides.map((s) => s.reach));
  return problem({ file, column }, `the design window is ${monthsText(designWindow)} either side of each order, but ${said.join(', and ')}; spread over the whole window, arrests would leave those months empty less than once in ${formatWhole(1 / SHORT_DATA_CHANCE)} files. If the data cover only ${monthsText(reach)} either side, the months beyond are counted as months with no arrests, and the trends, the time series and time at liberty describe the edge of the data`, {
    severity: 'warning', value: String(reach), expected: `arrests over the whole design window of ${monthsText(designWindow)}`,
    hint: `if the data cover ${monthsText(reach)} either side of each order, set the design window to ${reach} ("Design window" on the page, or --design-window ${reach}); if they cover all ${designWindow}, nothing to do`,
  });
}
/** At most this chance of the outer months being empty by chance, for windowBeyondData to speak: 1 in 10,000. */
export const SHORT_DATA_CHANCE = 1e-4;
/** At least this many arrests on the sides that stop short, for windowBeyondData to speak. */
export const SHORT_DATA_ARRESTS = 10;
const formatWhole = (n: number) => Math.round(n).toLocaleString('en-GB');

/**
 * Follow-up that the arrests file seems to stop short of, without a declared extraction date: one
 * warning for the orders whose follow-up runs past the latest arrest in the file, when so much of it
 * does that the file's own rate of arrests after the orders would have put about
 * CUT_SHORT_EXPECTED or more arrests there. An analyst whose extract stopped before the recent
 * orders' follow-up ended saw a rise of 13% turn into a fall of 2%, with no warning.
 *
 * Why this is not the weaker check followUpBeyondData's comment rejects: in complete data the time
 * at risk after the last arrest is what a Poisson process leaves after its last event, and the
 * arrests expected in it (rate × person-months) are about 1 (exponentially distributed: more than
 * 10 about once in 20,000 files, or more often where the last people at risk are the least
 * arrested). In a cut-short extract the months after it are months of follow-up with no chance to
 * hold an arrest, and the expected count grows with them. The rate is the file's own (arrests after
 * the orders ÷ the analysed orders' months after), which a cut-short file makes smaller, so the
 * check errs towards silence. Declaring the extraction date replaces it with the exact check.
 */
function followUpCutShort(orders: OrderInfo, events: readonly OffendingEvent[], designWindow: number, latest: string, eventsFile: string): Problem[] {
  const analysed = new Set<string>();
  for (const o of orders.list) if (o.sample === 'analysed' && orders.issuedDate.has(o.id) && !orders.duplicated.has(o.id)) analysed.add(o.id);
  if (analysed.size === 0) return [];
  const after = events.filter((e) => e.month > 0 && analysed.has(e.orderId)).length;
  const rate = after / (analysed.size * designWindow);
  const day = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
  const last = day(parseIsoDate(latest)!);
  let exposure = 0;
  let lastEnd = latest;
  const rows: number[] = [];
  for (const id of analysed) {
    const end = dayBefore(addMonths(orders.issuedDate.get(id)!, designWindow));
    const beyond = day(end) - last;
    if (beyond <= 0) continue;
    // Months past the last arrest, no more than the follow-up itself (an order made after it: its whole follow-up).
    exposure += Math.min(beyond / DAYS_A_MONTH, designWindow);
    if (isoDate(end) > lastEnd) lastEnd = isoDate(end);
    const row = orders.row.get(id);
    if (row !== undefined) rows.push(row);
  }
  const expected = rate * exposure;
  if (expected < CUT_SHORT_EXPECTED) return [];
  rows.sort((a, b) => a - b);
  const n = rows.length;
  return [problem({ file: orders.file, column: 'issued_date' }, `the arrests in ${eventsFile} stop on ${latest}, but the ${designWindow}-month follow-up of ${n} analysed order${n === 1 ? '' : 's'} runs past that date (to ${lastEnd} at the latest), ${Math.round(exposure)} person-months in all. At the rate the files show after the orders, about ${Math.round(expected)} arrests would be expected in those months, and there are none: if the data were extracted around ${latest}, the follow-up of these orders is cut short, which can only make arrests after the orders look fewer (${rowList(rows)})`, {
    severity: 'warning', rows, expected: `follow-up that ends by the date the data were extracted`,
    hint: `give the date the data were extracted ("Data extracted on", or --extracted on the command line) to check each order, and mark those whose follow-up is not complete excluded_followup`,
  })];
}

/**
 * Follow-up against a declared extraction date: an analysed order whose design window after it ends
 * after the data were extracted has arrests after it that the file cannot hold, so it can only show
 * a fall. An error, since the reader has said when the data end (the study left out 65 such orders:
 * excluded_followup). The follow-up ends the day before the order date plus the window's months.
 * With only the quarter an order was made in, its follow-up ends somewhere in a quarter: past the
 * extraction date even from the quarter's first day is an error, and past it only from a later day
 * is a warning asking for the date.
 */
function followUpAfterExtraction(orders: OrderInfo, designWindow: number, extracted: CalendarDate): Problem[] {
  const found: Problem[] = [];
  const seen = new Set<string>();
  const on = isoDate(extracted);
  const hint = 'mark it excluded_followup, as its follow-up is not complete, or check the extraction date';
  for (const o of orders.list) {
    if (o.sample !== 'analysed' || seen.has(o.id) || orders.badIssuedDate.has(o.id) || orders.duplicated.has(o.id)) continue;
    seen.add(o.id);
    const issued = orders.issuedDate.get(o.id);
    const quarter = /^(\d{4})-Q([1-4])$/.exec(o.issued);
    if (issued) {
      const end = isoDate(dayBefore(addMonths(issued, designWindow)));
      if (end <= on) continue;
      found.push(problem({ file: orders.file, row: orders.row.get(o.id), column: 'issued_date' }, `order "${o.id}": its ${designWindow}-month follow-up runs to ${end}, after the data were extracted on ${on}, so the file cannot hold all its arrests after the order`, {
        value: isoDate(issued), expected: `an order whose follow-up ends by ${on}`, hint,
      }));
    } else if (quarter) {
      const first = { year: Number(quarter[1]), month: Number(quarter[2]) * 3 - 2, day: 1 };
      const last = { year: first.year, month: first.month + 2, day: daysInMonth(first.year, first.month + 2) };
      const [earliest, latest] = [isoDate(dayBefore(addMonths(first, designWindow))), isoDate(dayBefore(addMonths(last, designWindow)))];
      if (latest <= on) continue;
      const where = { file: orders.file, row: orders.row.get(o.id), column: 'issued' };
      if (earliest > on) {
        found.push(problem(where, `order "${o.id}" was made in ${o.issued}, so its ${designWindow}-month follow-up runs to ${earliest} at the earliest, after the data were extracted on ${on}: the file cannot hold all its arrests after the order`, {
          value: o.issued, expected: `an order whose follow-up ends by ${on}`, hint,
        }));
      } else {
        found.push(problem(where, `order "${o.id}" was made in ${o.issued}: its ${designWindow}-month follow-up runs to between ${earliest} and ${latest}, depending on the day, and the data were extracted on ${on}, so it may not be complete`, {
          severity: 'warning', value: o.issued, expected: `an order whose follow-up ends by ${on}`, hint: 'give its issued_date to check, or mark it excluded_followup if the order was made too late in the quarter',
        }));
      }
    }
  }
  return found;
}

/**
 * An analysed person recorded as in custody or abroad for the whole of a period (months_unavailable
 * equal to the design window), yet arrested in it: one of the two records is wrong, and time at
 * liberty would set arrests against no months at liberty. A warning on the order's row and the
 * column, not an error: which record to correct is for the analyst to find out. Only the whole
 * period can be checked, as the columns give a number of months away, not which months.
 */
function arrestedWhileAway(orders: OrderInfo, events: readonly OffendingEvent[], designWindow: number, eventsFile: string): Problem[] {
  const arrests = new Map<string, { before: number; after: number }>();
  for (const e of events) {
    const n = arrests.get(e.orderId) ?? { before: 0, after: 0 };
    if (e.month < 0) n.before++;
    else n.after++;
    arrests.set(e.orderId, n);
  }
  const found: Problem[] = [];
  const seen = new Set<string>();
  for (const o of orders.list) {
    const n = arrests.get(o.id);
    if (o.sample !== 'analysed' || !n || seen.has(o.id)) continue;
    seen.add(o.id);
    const periods = [
      ['before', o.monthsUnavailableBefore, n.before, 'months_unavailable_before'],
      ['after', o.monthsUnavailableAfter, n.after, 'months_unavailable_after'],
    ] as const;
    for (const [period, away, count, column] of periods) {
      if (away === undefined || away < designWindow || count === 0) continue;
      found.push(problem({ file: orders.file, row: orders.row.get(o.id), column }, `order "${o.id}": the person is recorded as in custody or abroad for all ${monthsText(designWindow)} ${period} the order, yet ${eventsFile} has ${count} ${count === 1 ? 'arrest' : 'arrests'} in that time`, {
        severity: 'warning', value: String(away), expected: `fewer than ${monthsText(designWindow)} away, for someone arrested ${period} the order`,
        hint: 'correct the months away or the arrests: time at liberty cannot set arrests against no months at liberty',
      }));
    }
  }
  return found;
}

/**
 * The row that is the real header, where title lines sit above it (an export's "STRO register,
 * printed …"): among the first ten, a row that has every required column the header lacks, or all
 * but one (an events file's title padded with commas: the header below it has date, not the month
 * that its absence made required).
 */
function headerBelow(t: CsvTable, required: readonly string[]): CsvTable['records'][number] | undefined {
  const absent = required.filter((name) => !t.header.includes(name));
  if (absent.length === 0) return undefined;
  // In any capitals ("ORDER_ID" below a title is the header too; its names are then said, and renamed by Tidy).
  const has = (r: CsvTable['records'][number]) => absent.filter((name) => r.fields.some((f) => f.trim().toLowerCase() === name)).length;
  return t.records.slice(0, 10).find((r) => has(r) >= Math.max(1, absent.length - 1));
}

/**
 * The table under its real header, where title lines sit above it (a title padded with commas to
 * the rows' width, which csv.ts cannot tell from a header): the title is said once, as an error,
 * and the rows below the header are still checked, so that their problems come in the same round.
 * Rows are numbered from the real header, as they will be once the title lines are deleted.
 */
function titled(t: CsvTable | undefined, requiredOf: readonly string[] | ((header: readonly string[]) => readonly string[]), problems: Problem[]): CsvTable | undefined {
  if (!t) return t;
  const required = typeof requiredOf === 'function' ? requiredOf(t.header) : requiredOf;
  const below = headerBelow(t, required);
  if (!below) return t;
  const absent = required.filter((name) => !t.header.includes(name));
  const has = absent.filter((name) => below.fields.some((f) => f.trim().toLowerCase() === name));
  const line = below.line;
  // Rows of only commas were numbered from the title: below the header they are renumbered from it,
  // as every other problem is; above it, they are among the lines the title error deletes.
  const emptyAbove = t.empty ? t.empty.rows.filter((r) => r.row < below.row).length : 0;
  if (t.empty) {
    const at = problems.indexOf(t.empty.warning);
    const again = emptyRowsWarning(t.file, t.empty.rows.filter((r) => r.row > below.row).map((r) => ({ row: r.row - below.row, line: r.line })));
    if (at >= 0) problems.splice(at, 1, ...(again ? [again] : []));
  }
  const above = line - 1 === 1 ? 'line above it looks like a title' : `${line - 1} lines above it look like titles${emptyAbove > 0 ? ` (${emptyAbove} of them empty)` : ''}`;
  problems.push(problem({ file: t.file, row: 0 }, `the header is not on the first line: line ${line} of the file has the columns ${has.join(', ')}, so the ${above}`, {
    expected: 'the header on the first line', hint: `delete the ${line - 1 === 1 ? 'line' : `${line - 1} lines`} above the header, so that it is the first line of the file`,
    fix: { headerLine: line },
  }));
  return {
    file: t.file,
    header: below.fields.map((h) => h.trim()),
    records: t.records.filter((r) => r.row > below.row).map((r) => ({ ...r, row: r.row - below.row })),
  };
}

/** Whether the column holds numbers: most of its filled cells, and at least one (a notes column does not). */
function numeric(t: CsvTable, header: string): boolean {
  const at = t.header.indexOf(header);
  const filled = t.records.map((r) => r.fields[at]?.trim() ?? '').filter((v) => v !== '');
  return filled.length > 0 && filled.filter((v) => /^-?\d+(\.\d+)?$/.test(v)).length >= 0.8 * filled.length;
}

/**
 * An optional column a header names in other words, holding numbers: "harm_days", "Harm (days)" or "CCHI" for harm, and
 * "months_in_custody_after" for months_unavailable_after (an analyst's harm_days, named as the harm
 * index names its column, was set aside as notes, and harm taken from the illustrative index instead).
 */
function meantAs(header: string, missing: readonly string[]): string | undefined {
  const words = header.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (missing.includes('harm') && (words[0] === 'harm' || words[0] === 'cchi')) return 'harm';
  // Months at liberty, free or available are the opposite of months away: never taken for them (a re-check).
  const away = words.some((w) => ['custody', 'prison', 'unavailable', 'away', 'remand', 'abroad'].includes(w)) && !words.some((w) => ['liberty', 'free', 'available'].includes(w));
  for (const [side, said] of [['before', ['before', 'pre', 'prior']], ['after', ['after', 'post']]] as const) {
    const name = `months_unavailable_${side}`;
    if (away && missing.includes(name) && words.some((w) => (said as readonly string[]).includes(w))) return name;
  }
  return undefined;
}

/** Map header names to positions, reporting each missing column with a hint at the likely typo. */
function columnIndex(t: CsvTable, required: readonly string[], optional: readonly string[], problems: Problem[], swapped?: string): Record<string, number> | undefined {
  const index: Record<string, number> = {};
  let ok = true;
  const known = [...required, ...optional];
  // (Title lines above the header were said, and the table read under its real header, by titled().)
  for (const name of required) {
    const at = t.header.indexOf(name);
    if (at < 0) {
      ok = false;
      problems.push(missingColumn(t, name, known, swapped));
    } else index[name] = at;
  }
  for (const name of optional) if (t.header.includes(name)) index[name] = t.header.indexOf(name);
  // A column the report does not read is ignored, and said: a notes column needs nothing, but an
  // optional column with a typo would otherwise be dropped without a word. (Not for the other
  // file's columns in a file that looks swapped: the missing-column errors say it already.)
  for (const h of new Set(swapped ? [] : t.header)) {
    if (known.includes(h) || h === '') continue;
    const spelt = known.find((name) => !t.header.includes(name) && editDistance(h.toLowerCase(), name) <= 2);
    const near = spelt ?? (numeric(t, h) ? meantAs(h, known.filter((name) => !t.header.includes(name))) : undefined);
    if (near && required.includes(near)) continue; // the missing column's error already names it
    // Near an optional column ("Harm" for harm): an error, not a warning, because the analysis would
    // go on without the column (harm from a harm index instead of the file's own, say) and only a
    // warning would say so.
    if (near) {
      problems.push(problem({ file: t.file, row: 0, column: h }, `is not a column the report reads: is it "${near}" ${sameColumn(h, near) ? 'written another way' : spelt ? 'misspelled' : 'under another name'}? As written, its values would be ignored${near === 'harm' ? ' and harm taken from a harm index instead' : ''}`, {
        value: h, expected: `"${near}"${sameColumn(h, near) ? ' (column names are lowercase, with underscores)' : ''}`, hint: `rename "${h}" to "${near}"; if the column is not meant to be read, give it a name less like "${near}"`,
        // The same name in other capitals ("ISSUED_DATE") has one right answer (an analyst: only required columns were renamed).
        ...(sameColumn(h, near) ? { fix: { rename: h, to: near } } : {}),
      }));
      continue;
    }
    problems.push(problem({ file: t.file, row: 0, column: h }, 'is not a column the report reads, so its values are ignored', {
      severity: 'warning', value: h, expected: `one of ${known.join(', ')}`, hint: 'nothing to do if the column holds notes: the report never shows or sends its values, and writes them only into tidied copies of your own files, which keep every column (a browser keeps them with the rest of the file, and deletes them with it)',
    }));
  }
  // A column with no name is most often a comma at the end of every line, as some exports write:
  // said by its position (it has no name to give), and never a duplicate of another unnamed one.
  t.header.forEach((h, at) => {
    if (h !== '') return;
    const empty = t.records.every((r) => r.fields[at].trim() === '');
    const last = at === t.header.length - 1;
    problems.push(problem({ file: t.file, row: 0 }, empty
      ? `column ${at + 1}${last ? ' (the last)' : ''} is an unnamed, empty column${last ? ' (a comma at the end of each line?)' : ''}, so it is ignored`
      : `column ${at + 1}${last ? ' (the last)' : ''} has no name in the header, so its values are ignored`, {
      severity: 'warning', expected: 'a name for every column', hint: empty ? 'nothing to do; or delete the trailing comma (or the empty column) from the file' : 'name the column if the report should read it; nothing to do if it holds notes',
    }));
  });
  const seen = new Set<string>();
  for (const h of t.header) {
    if (seen.has(h) && h !== '') { ok = false; problems.push(problem({ file: t.file, row: 0, column: h }, 'the column appears twice in the header', { value: h, expected: 'each column once' })); }
    seen.add(h);
  }
  return ok ? index : undefined;
}

function missingColumn(t: CsvTable, name: string, known: readonly string[], swapped?: string): Problem {
  const spelt = swapped ? undefined : t.header.find((h) => !known.includes(h) && editDistance(h.toLowerCase(), name) <= 2);
  // An events file's date under a longer name (an analyst's "arrest_date" was met only with "month is missing").
  const named = swapped || spelt !== undefined || name !== 'date' ? undefined : dateLike(t.header);
  const near = spelt ?? named;
  const hint = spelt !== undefined ? ` (found "${spelt}": ${sameColumn(spelt, name) ? 'the same name written another way' : 'is it misspelled?'})`
    : named !== undefined ? `: the events need month or date (found "${named}": is it the date of each arrest?)`
    : ` (the header has: ${t.header.join(', ')})`;
  return problem({ file: t.file, row: 0, column: name }, `required column is missing${hint}${swapped ? `; ${swapped}` : ''}`, {
    expected: `a column named ${name}`, hint: near !== undefined ? `rename "${near}" to "${name}"` : swapped ? 'give the orders file as orders and the events file as events' : undefined,
    // The same name in other capitals ("Order_ID") has one right answer; a misspelling is the reader's to confirm.
    ...(near !== undefined && sameColumn(near, name) ? { fix: { rename: near, to: name } } : {}),
  });
}

/**
 * The same column name written another way: in other capitals ("Order_ID"), or with spaces or hyphens
 * for its underscores ("Order ID", "Issued-Date", as records systems export them): one right answer.
 */
const sameColumn = (header: string, name: string): boolean => header.trim().toLowerCase().replace(/[\s-]+/g, '_') === name;

/** A header with the other file's required columns and not all of its own: the two files were likely swapped. */
const isOrdersHeader = (header: readonly string[]) => ORDER_REQUIRED.every((c) => header.includes(c)) && (header.includes('issued') || header.includes('issued_date'));
const isEventsHeader = (header: readonly string[]) => ['order_id', 'category', 'offence'].every((c) => header.includes(c)) && (header.includes('month') || header.includes('date'));
function swapNote(header: readonly string[], expected: 'orders' | 'events'): string | undefined {
  const [own, other] = expected === 'orders' ? [isOrdersHeader, isEventsHeader] : [isEventsHeader, isOrdersHeader];
  if (own(header) || !other(header)) return undefined;
  return `this looks like the ${expected === 'orders' ? 'events' : 'orders'} file: were the two files swapped?`;
}

interface OrderInfo {
  list: Order[];
  ok: boolean;
  sample: Map<string, Sample>;
  /** The row of each id (its first, if repeated), for problems about the order found in the events. */
  row: Map<string, number>;
  /** Orders whose sample is not a valid value (reported on their row): id → row. */
  badSample: Map<string, number>;
  issuedDate: Map<string, CalendarDate>;
  badIssuedDate: Set<string>;
  /** Ids on more than one row (reported there): their arrests cannot be placed, not knowing which row is theirs. */
  duplicated: Set<string>;
  hasIssuedDate: boolean;
  file: string;
}

function readOrders(t: CsvTable, designWindow: number, problems: Problem[]): OrderInfo | undefined {
  // The quarter follows from the date: with issued_date, issued may be left out.
  const quarterFromDate = !t.header.includes('issued') && t.header.includes('issued_date');
  // Neither: one problem naming both ways to give it, not "issued" alone (a file with dates would be
  // sent the wrong way). A file that looks like the events keeps the swapped-files message.
  const swapped = swapNote(t.header, 'orders');
  const neither = !t.header.includes('issued') && !t.header.includes('issued_date') && !swapped;
  const atHeader = problems.length;
  const col = columnIndex(t, quarterFromDate || neither ? ORDER_REQUIRED : ['order_id', 'issued', 'sample'], [...(quarterFromDate || neither ? ['issued'] : []), 'issued_date', 'duration_months', 'conditions', ...UNAVAILABLE_COLUMNS], problems, swapped);
  // (Not when the header was found below title lines, or a column named like issued was reported as misspelt.)
  const said = problems.slice(atHeader).some((p) => p.severity === 'error' && (p.column === undefined || editDistance(p.column.toLowerCase(), 'issued') <= 2));
  if (neither && !said) {
    problems.push(problem({ file: t.file, row: 0, column: 'issued' }, `required column is missing: give issued, the quarter each order was made in (like 2019-Q3), or issued_date, the date it was made; the header has ${t.header.join(', ')}`, {
      expected: 'a column named issued or issued_date', hint: 'add issued_date (YYYY-MM-DD) if you have the dates, else issued (YYYY-Qn)',
    }));
  }
  if (neither || !col) return undefined;
  const before = problems.length;
  const unavailable = UNAVAILABLE_COLUMNS.filter((c) => col[c] !== undefined);
  if (unavailable.length === 1) {
    const [given] = unavailable;
    const missing = UNAVAILABLE_COLUMNS.find((c) => c !== given)!;
    problems.push(problem({ file: t.file, row: 0, column: missing }, `required column is missing: ${given} is given, and the months unavailable come in pairs`, { expected: `a column named ${missing}`, hint: `add ${missing} (0 where the person was available throughout), or remove ${given}` }));
  }
  if (t.records.length === 0) problems.push(problem({ file: t.file }, 'has a header but no orders', { expected: 'at least one order' }));
  const info: OrderInfo = { list: [], ok: true, sample: new Map(), row: new Map(), badSample: new Map(), issuedDate: new Map(), badIssuedDate: new Set(), duplicated: new Set(), hasIssuedDate: col.issued_date !== undefined, file: t.file };
  const ids = new Map<string, number>();
  // Ids by their lowercase form: "wmp-0004" beside "WMP-0004" is most often one order written twice,
  // and would otherwise be counted as two people.
  const folded = new Map<string, string>();
  for (const { row, fields } of t.records) {
    const report = (column: string, message: string, parts: Parameters<typeof problem>[2] = {}) => { problems.push(problem({ file: t.file, row, column }, message, parts)); };
    const id = fields[col.order_id].trim().normalize('NFC');
    if (id === '') report('order_id', 'is empty; every order needs an id', { expected: 'an id' });
    const first = ids.get(id);
    const duplicate = id !== '' && first !== undefined;
    const seen = folded.get(idAsSeen(id));
    // A case twin, or a look-alike of a plain id (not two ids of another script that fold alike).
    const twin = seen !== undefined && (seen.toLowerCase() === id.toLowerCase() || lookAlike(seen, id)) ? seen : undefined;
    if (duplicate) {
      // Two long numeric ids that a spreadsheet wrote alike ("1.20E+11") are not one order twice.
      report('order_id', `"${id}" duplicates the id in row ${first}; ids must be unique`, { value: id, expected: 'a unique id', ...(isScientificId(id) ? { hint: SCIENTIFIC_ID_HINT } : {}) });
      info.duplicated.add(id);
    } else {
      if (id !== '' && twin !== undefined && twin.toLowerCase() === id.toLowerCase()) {
        report('order_id', `"${id}" differs from the id "${twin}" in row ${ids.get(twin)} only in upper and lower case, so it would be counted as another person`, {
          value: id, expected: 'ids that differ in more than case', hint: `if they are one order, keep one row and write its id the same way in both files; if they are two, give them ids that differ in more than case`,
        });
      } else if (id !== '' && twin !== undefined) {
        // Said of whichever is not plain: the earlier row's id may be the odd one (a re-check: the plain
        // id was blamed, and "keep one row" invited deleting it).
        const odd = plainId(id) ? `"${id}" looks like the id "${twin}" in row ${ids.get(twin)}, which is written with other characters (${charactersNotIn(twin, id)}), so they would be counted as two people` : `"${id}" looks like the id "${twin}" in row ${ids.get(twin)} but is written with other characters (${charactersNotIn(id, twin)}), so it would be counted as another person`;
        report('order_id', odd, {
          value: id, expected: 'ids that look different', hint: 'if they are one order, keep one row and type its id again in plain characters in both files; if they are two, give them ids that look different',
        });
      }
      ids.set(id, row);
      if (seen === undefined) folded.set(idAsSeen(id), id);
    }

    const dateText = col.issued_date === undefined ? '' : fields[col.issued_date].trim();
    const date = dateText === '' ? undefined : parseIsoDate(dateText);
    // An empty quarter beside a valid date takes the date's quarter, as a file without the column does.
    const issuedCell = quarterFromDate ? '' : fields[col.issued].trim();
    const issued = issuedCell !== '' ? issuedCell : date ? `${date.year}-Q${Math.ceil(date.month / 3)}` : '';
    const quarterOk = /^\d{4}-Q[1-4]$/.test(issued);
    if (!quarterFromDate && issuedCell === '') {
      // The quarter is the date's; without a date, said here (a date that is not one is reported below).
      if (dateText === '') report('issued', 'is empty; give the quarter the order was made in, like 2019-Q3, or its issued_date', { expected: 'YYYY-Qn, or an issued_date' });
    } else if (quarterFromDate) {
      if (dateText === '') {
        report('issued_date', 'is empty; with no issued column, every order needs its date', { expected: 'a date like 2019-07-31', hint: 'give the date the order was made, or add an issued column with its quarter (2019-Q3)' });
        info.badIssuedDate.add(id); // its arrests' dates are not reported again, row by row
      }
    } else if (!quarterOk) {
      // "2017 Q4", "2017q4", "Q4 2017": a quarter written another way, named as it should be written.
      const yq = /^(\d{4})\s*[-/ ]?\s*[Qq]([1-4])$/.exec(issued);
      const qy = /^[Qq]([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(issued);
      const meant = yq ? `${yq[1]}-Q${yq[2]}` : qy ? `${qy[2]}-Q${qy[1]}` : undefined;
      report('issued', `"${issued}" is not a quarter like 2019-Q3`, { value: issued, expected: 'YYYY-Qn', hint: meant ? `write "${meant}"` : undefined });
    }

    if (dateText !== '') {
      if (!date || (quarterOk && !inQuarter(date, issued))) info.badIssuedDate.add(id);
      if (!date) report('issued_date', ...(quarterOk ? byQuarter(dateText, issued) : undefined) ?? notADate(dateText));
      else if (quarterOk && !inQuarter(date, issued)) report('issued_date', `${dateText} is not in the order's quarter ${issued}`, { value: dateText, expected: `a date in ${issued}`, hint: 'correct either issued or issued_date' });
      else if (!duplicate) info.issuedDate.set(id, date);
    }

    const sample = fields[col.sample].trim();
    const sampleOk = (SAMPLES as readonly string[]).includes(sample);
    if (sample === '') report('sample', `is empty; every order needs one of ${SAMPLES.join(', ')}`, { expected: SAMPLES.join(', ') });
    else if (!sampleOk) {
      // "Analysed" and "analyzed" are the usual slips: say which value was meant.
      const near = SAMPLES.find((v) => editDistance(sample.toLowerCase(), v) <= 2);
      report('sample', `"${sample}" is not one of ${SAMPLES.join(', ')}${near ? ` (is it "${near}"?)` : ''}`, { value: sample, expected: SAMPLES.join(', '), hint: near ? `write "${near}"` : undefined });
    }

    const durationText = col.duration_months === undefined ? '' : fields[col.duration_months].trim();
    let durationMonths: number | null = null;
    if (durationText !== '') {
      // Recorded, not analysed: a value that cannot be read is said, and stops nothing.
      if (!/^\d+$/.test(durationText) || Number(durationText) < 1) {
        const years = /^(\d+)\s*(years?|yrs?)$/i.exec(durationText);
        const months = /^(\d+)\s*(months?|mths?)$/i.exec(durationText);
        report('duration_months', `"${durationText}" is not a whole number of months, 1 or more, so it is read as unknown; no number of the report uses the duration`, { severity: 'warning', value: durationText, expected: 'a whole number ≥ 1, or empty for "until further order"', hint: years ? `write ${Number(years[1]) * 12}` : months && Number(months[1]) >= 1 ? `write ${Number(months[1])}` : 'write the number of months, or leave it empty for "until further order"' });
      } else durationMonths = Number(durationText);
    }

    const conditionsText = col.conditions === undefined ? '' : fields[col.conditions].trim();
    const conditions = conditionsText === '' ? [] : conditionsText.split(';').map((c) => c.trim());
    // Recorded, not analysed: codes written another way are kept as written, and said.
    const unusual = conditions.filter((c) => !/^[a-z][a-z0-9_]*$/.test(c));
    if (unusual.length > 0) report('conditions', `${listQuoted(unusual)} ${unusual.length === 1 ? 'is not a lowercase code' : 'are not lowercase codes'}; kept as written, as no number of the report uses the conditions`, { severity: 'warning', value: conditionsText, expected: 'lowercase codes separated by ;', hint: unusual.some((c) => c.includes(',')) ? 'separate codes with ";", and write each in lowercase with underscores' : `write ${listQuoted(unusual.map((c) => c.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')))}` });
    const order: Order = { id, issued, sample: sample as Sample, durationMonths, conditions };
    if (unavailable.length === 2) {
      const months = (column: (typeof UNAVAILABLE_COLUMNS)[number]) => monthsUnavailable(fields[col[column]].trim(), sample === 'analysed', designWindow, (message, parts) => report(column, message, parts));
      const [b, a] = [months('months_unavailable_before'), months('months_unavailable_after')];
      if (b !== undefined) order.monthsUnavailableBefore = b;
      if (a !== undefined) order.monthsUnavailableAfter = a;
    }
    if (id !== '' && !info.sample.has(id)) {
      info.sample.set(id, sample as Sample);
      info.row.set(id, row);
      if (!sampleOk) info.badSample.set(id, row);
    }
    info.list.push(order);
  }
  info.ok = !problems.slice(before).some((p) => p.severity === 'error');
  return info;
}

/** Rows listed, the first ten and how many more: "rows 2, 5 and 9", "rows 2, 3, … and 40 more". */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).map(String);
  return `${rows.length === 1 ? 'row' : 'rows'} ${listAnd(shown.length < rows.length ? [...shown, `${rows.length - shown.length} more`] : shown)}`;
}

/** Words listed: "10", "10 and 15", "10, 15 and 22" (or, with last = 'or', "10, 15 or 22"). */
function listAnd(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** Values in quotes, listed: '"Curfew"', '"Curfew" and "Exclusion Zone"'. */
const listQuoted = (values: readonly string[]): string => listAnd(values.map((v) => `"${v}"`));

/**
 * Months unavailable (in custody or abroad) within the design window, or undefined: after reporting
 * why not, or when the cell is empty for an order outside the analysis (its months are never used).
 */
function monthsUnavailable(text: string, analysed: boolean, designWindow: number, report: (message: string, parts: Parameters<typeof problem>[2]) => void): number | undefined {
  const expected = `a number of months from 0 to ${designWindow}`;
  if (text === '') {
    if (analysed) report('is empty; give the months the person was in custody or abroad (0 if none)', { expected });
    return undefined;
  }
  // A negative count of months is said as such (an analyst's -6 was told to "use digits"), with a
  // spreadsheet's minus sign (U+2212) too; "-0" is 0.
  const signed = /^[-\u2212](\d+(\.\d+)?)$/.exec(text);
  if (signed && Number(signed[1]) === 0) return 0;
  if (signed) { report(`"${text}" is negative; months in custody or abroad are 0 or more`, { value: text, expected }); return undefined; }
  if (!/^\d+(\.\d+)?$/.test(text)) { report(`"${text}" is not a number of months (use digits and a decimal point, e.g. 3.5)`, { value: text, expected }); return undefined; }
  const months = Number(text);
  if (months > designWindow) { report(`${text} months is more than the design window of ${monthsText(designWindow)}`, { value: text, expected }); return undefined; }
  return months;
}

/**
 * A harm index (data/harm-index.csv): offence and harm_days, and optionally the sensitivity weights
 * sens_low and sens_high (all in days, checked as harm is). Each offence once. Undefined when a
 * required column is missing; rows with a problem are reported and left out.
 */
function readHarmIndex(t: CsvTable, problems: Problem[], invalid: Set<string>): HarmIndex | undefined {
  const col = columnIndex(t, ['offence', WEIGHT_COLUMNS.central], [WEIGHT_COLUMNS.low, WEIGHT_COLUMNS.high, 'category', 'status', 'source'], problems);
  if (!col) return undefined;
  const sets = WEIGHT_SETS.filter((w) => col[WEIGHT_COLUMNS[w]] !== undefined);
  const offences: HarmIndex['offences'] = [];
  const rowOf = new Map<string, number>();
  for (const { row, fields } of t.records) {
    const offence = fields[col.offence].trim().normalize('NFC');
    const weights: Partial<Record<WeightSet, number>> = {};
    for (const w of sets) {
      const column = WEIGHT_COLUMNS[w];
      weights[w] = harmValue(fields[col[column]].trim(), (message, parts) => problems.push(problem({ file: t.file, row, column }, message, parts)), 'index');
    }
    if (offence === '') { problems.push(problem({ file: t.file, row, column: 'offence' }, 'is empty; name the offence', { expected: 'an offence' })); continue; }
    const first = rowOf.get(offence);
    if (first !== undefined) { problems.push(problem({ file: t.file, row, column: 'offence' }, `"${offence}" is already in row ${first}; each offence once`, { value: offence, expected: 'a unique offence' })); continue; }
    rowOf.set(offence, row);
    // An offence whose weight is invalid is reported on its row here; the arrests for it are then
    // left unplaced without a word each (they are not "missing from the index": it lists them).
    if (sets.some((w) => weights[w] === undefined)) invalid.add(offence);
    else offences.push({ offence, central: weights.central!, ...(weights.low !== undefined ? { low: weights.low } : {}), ...(weights.high !== undefined ? { high: weights.high } : {}) });
  }
  return { file: t.file, sets, offences, unmatched: [] };
}

/** The events whose offence the index does not list: a problem each, naming the events file's row. */
function unmatchedOffences(file: string, events: readonly OffendingEvent[], rows: readonly number[], index: HarmIndex, invalid: ReadonlySet<string>): Problem[] {
  const known = new Set([...index.offences.map((o) => o.offence), ...invalid]);
  const lower = new Map(index.offences.map((o) => [o.offence.toLowerCase(), o.offence]));
  return events.flatMap((e, k) => {
    if (known.has(e.offence)) return [];
    const near = lower.get(e.offence.toLowerCase());
    return [problem({ file, row: rows[k], column: 'offence' }, `"${e.offence}" is not in the harm index ${index.file}, so it has no weight to take its harm from`, {
      value: e.offence, expected: 'an offence listed in the harm index', hint: near ? `the index has "${near}"` : 'add it to the harm index, or analyse the harm as recorded (no weights)',
    })];
  });
}

/** A harm value in days, or undefined after reporting why not. */
function harmValue(text: string, report: (message: string, parts: Parameters<typeof problem>[2]) => void, where: 'events' | 'index' = 'events'): number | undefined {
  if (text === '') {
    if (where === 'index') report('is empty; every offence of the index needs a weight in days in each weight column it has', { expected: 'a number of days, e.g. 182.5', hint: 'give the days, or remove the column from the index if it has no weights of this set' });
    else report('is empty; give the harm in days (0 for an offence with no harm weight)', { expected: 'a number of days, e.g. 182.5', hint: 'or leave the harm column out, and give a harm index to take harm from by offence' });
    return undefined;
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) { report(`"${text}" is not a number of days (use digits and a decimal point, e.g. 182.5)`, { value: text, expected: 'a number of days, e.g. 182.5' }); return undefined; }
  const harm = Number(text);
  if (harm < 0) { report(`A harm of ${text} is negative; harm is a number of days, 0 or more`, { value: text, expected: '0 or more', hint: `write the days without the minus sign (${text.slice(1)}) if the sign is a slip; 0 for an offence with no harm weight` }); return undefined; }
  if (harm > MAX_HARM) { report(`${text} days is more than any Crime Harm Index value could be (limit ${MAX_HARM})`, { value: text, expected: `at most ${MAX_HARM}`, hint: 'check the column holds days, not another unit or a total' }); return undefined; }
  return harm;
}

interface EventRules { knownCategories: readonly string[]; designWindow: number; exclude: boolean; extracted?: string; harmIndex?: Map<string, number>; harmIndexFile?: string; invalidOffences?: ReadonlySet<string>; needHarmIndex: boolean }

/**
 * Why an arrest's order id may not match, where a likely cause shows: the same id in other case
 * ("wmp-0002" for "WMP-0002"), leading zeros a spreadsheet dropped ("123" for "00123"), or a totals
 * row. The orders' ids are indexed on first use, so a file of unknown ids stays linear.
 */
function unknownIds(known: ReadonlyMap<string, unknown>): (id: string) => string | undefined {
  let byCase: Map<string, string> | undefined;
  let byDigits: Map<string, string> | undefined;
  return (id) => {
    if (/^(grand\s+)?totals?:?$/i.test(id)) return 'this looks like a totals row: delete it, as the report counts the arrests itself';
    if (!byCase || !byDigits) {
      byCase = new Map();
      byDigits = new Map();
      for (const k of known.keys()) {
        const seen = idAsSeen(k);
        if (!byCase.has(seen)) byCase.set(seen, k);
        if (/^0+\d+$/.test(k)) byDigits.set(k.replace(/^0+(?=\d)/, ''), k);
      }
    }
    const other = byCase.get(idAsSeen(id));
    if (other !== undefined && other.toLowerCase() === id.toLowerCase()) return `the orders file has "${other}": write the id the same way in both files`;
    if (other !== undefined && lookAlike(other, id)) {
      const here = charactersNotIn(id, other);
      return `the orders file has "${other}", which looks the same but is written with other characters (${here ? `${here} here` : `${charactersNotIn(other, id)} there`}): type the id again in plain characters`;
    }
    const zeros = /^\d+$/.test(id) ? byDigits.get(id.replace(/^0+(?=\d)/, '')) : undefined;
    if (zeros !== undefined) return `the orders file has "${zeros}": a spreadsheet may have dropped the leading zeros (format the column as text before saving)`;
    // "1.20E+11": a spreadsheet's scientific notation for a long numeric id, which has lost digits (an analyst).
    if (isScientificId(id)) return SCIENTIFIC_ID_HINT;
    return 'every arrest must belong to an order listed in the orders file: check the id there, or remove the arrest if the person has no order';
  };
}

/**
 * Latin letters that Cyrillic and Greek letters are drawn as, in lower case: "А0" (Cyrillic А) and
 * "A0" look the same on the page and in a spreadsheet, and a reviewer's pair loaded as two people.
 */
const DRAWN_AS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[...'авекмнорстухіјѕүһ'].map((c, k) => [c, 'abekmhopctyxijsyh'[k]]),
  ...[...'αβεζηικμνορτυχ'].map((c, k) => [c, 'abezhikmnoptyx'[k]]),
]);

/**
 * Characters that show nothing: format characters (zero-width space, soft hyphen, direction marks),
 * the combining grapheme joiner, variation selectors, Mongolian free variation selectors, Hangul
 * fillers and the blank Braille pattern (a re-check found the last five passing as plain), and control
 * characters (BEL, U+0085: a security review loaded "O-Y\u00078SDGZ" beside "O-Y8SDGZ" as two people).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u034F\uFE00-\uFE0F\u180B-\u180F\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** One such character (INVISIBLE without its global flag, so that test() keeps no state). */
const INVISIBLE_CHARACTER = new RegExp(INVISIBLE.source, 'u');

/** An id as a reader sees it: compatibility forms folded (NFKC), invisible characters gone, lower case, look-alike letters read as Latin. */
function idAsSeen(id: string): string {
  return [...id.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()].map((c) => DRAWN_AS[c] ?? c).join('');
}

/**
 * Two ids that look alike to a reader: one written in plain characters (printable ASCII), the other
 * not, the same once idAsSeen. Two ids that are both in another script are not compared: "УА-1" and
 * "ҮА-1" are different letters to a Kazakh reader, though both are drawn like a Y (a re-check).
 */
const plainId = (id: string) => /^[\x20-\x7e]*$/.test(id);
const lookAlike = (a: string, b: string) => plainId(a) !== plainId(b) && idAsSeen(a) === idAsSeen(b);

/** The characters of `id` that are not plain ASCII and not in `other`, by code point and kind: "U+0422 (Cyrillic), U+200B (invisible)". */
function charactersNotIn(id: string, other: string): string {
  const kind = (c: string) => (/\p{Cc}/u.test(c) ? 'control' : INVISIBLE_CHARACTER.test(c) ? 'invisible' : /\p{Script=Cyrillic}/u.test(c) ? 'Cyrillic' : /\p{Script=Greek}/u.test(c) ? 'Greek' : 'not plain');
  const odd = [...new Set([...id].filter((c) => !/[\x20-\x7e]/.test(c) && !other.includes(c)))];
  return odd.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (${kind(c)})`).join(', ');
}

/** "1.20E+11": a spreadsheet's scientific notation for a long numeric id, which has lost digits (an analyst). */
function isScientificId(id: string): boolean {
  return /^\d+(\.\d+)?e\+?\d+$/i.test(id);
}
const SCIENTIFIC_ID_HINT = 'a spreadsheet wrote a long numeric id in scientific notation, which loses its last digits: format the id column as text in both files before saving, and export again';

/** The events' column of when: month, or date when the header has date alone; with neither, the one the header nearly has ("Date"), else month. */
function eventsMonthColumn(header: readonly string[]): 'month' | 'date' {
  const hasMonth = header.includes('month');
  const hasDate = header.includes('date');
  const nearlyDate = !hasMonth && !hasDate && (header.some((h) => h.toLowerCase() === 'date') || dateLike(header) !== undefined);
  return (hasDate && !hasMonth) || nearlyDate ? 'date' : 'month';
}

/**
 * The one column of a header with neither month nor date whose name holds "date" ("arrest_date",
 * "Date of arrest"), which is likely the date of each arrest under another name; none if several do.
 */
function dateLike(header: readonly string[]): string | undefined {
  if (header.some((h) => /month/i.test(h))) return undefined;
  const dated = header.filter((h) => /date/i.test(h));
  return dated.length === 1 ? dated[0] : undefined;
}

/** The columns an events file must have, for its header. */
function eventsRequired(header: readonly string[]): string[] {
  return ['order_id', eventsMonthColumn(header), 'category', 'offence'];
}

/**
 * Read the events, checking each row against the orders. With `orders` undefined (the orders file
 * could not be read), each row's own values are still checked; whose arrest it is, and the month
 * of a date, wait until the orders can be read. `latestDate` is the latest valid date in a date
 * column (YYYY-MM-DD), for the follow-up check.
 */
function readEvents(t: CsvTable, orders: OrderInfo | undefined, rules: EventRules, problems: Problem[]): { events?: OffendingEvent[]; rows: number[]; excluded: number[]; onOrderDate: number; monthColumn: string; latestDate?: string } {
  const hasMonth = t.header.includes('month');
  const hasDate = t.header.includes('date');
  const monthColumn = eventsMonthColumn(t.header);
  if (hasMonth && hasDate) {
    problems.push(problem({ file: t.file, row: 0, column: 'date' }, 'the file has both month and date columns; keep one', { expected: 'month or date, not both', hint: 'delete one of the two columns' }));
    return { rows: [], excluded: [], onOrderDate: 0, monthColumn };
  }
  const col = columnIndex(t, eventsRequired(t.header), ['harm'], problems, swapNote(t.header, 'events'));
  if (!col) return { rows: [], excluded: [], onOrderDate: 0, monthColumn };
  if (monthColumn === 'date' && orders && !orders.hasIssuedDate) {
    problems.push(problem({ file: orders.file, row: 0, column: 'issued_date' }, `required column is missing: ${t.file} gives arrest dates, so each order needs its issued_date`, { expected: 'a column named issued_date', hint: 'add issued_date (YYYY-MM-DD), or give months instead of dates' }));
    return { rows: [], excluded: [], onOrderDate: 0, monthColumn };
  }
  const events: OffendingEvent[] = [];
  const rows: number[] = [];
  const excluded: number[] = [];
  let onOrderDate = 0;
  let latestDate: string | undefined;
  // Arrests of an order whose sample is not valid cannot be checked against it (analysed or not?):
  // one warning per order, where its first arrest is, not one per arrest of an error already
  // reported on the order's row.
  const unchecked = new Map<string, { row: number; at: number; count: number }>();
  const unknownIdHint = unknownIds(orders?.sample ?? new Map());
  const missing = new Map<string, { at: number; rows: number[] }>();
  const notAnalysed = new Map<string, { at: number; rows: number[]; sample: Sample }>();
  // Categories written as words ("MODERN SLAVERY"): one problem per spelling, naming its rows, as for offences.
  const uncoded = new Map<string, { at: number; rows: number[] }>();
  for (const { row, fields } of t.records) {
    let ok = true;
    const report = (column: string, message: string, parts: Parameters<typeof problem>[2] = {}) => { ok = false; problems.push(problem({ file: t.file, row, column }, message, parts)); };
    const orderId = fields[col.order_id].trim().normalize('NFC');
    const sample = orders?.sample.get(orderId);
    if (orderId === '') report('order_id', 'is empty; every arrest needs the id of its order', { expected: 'an order_id from the orders file' });
    // whose arrest it is waits for an orders file that can be read, and that lists an order: with
    // none (a header alone), that file's one problem says why, not one problem per arrest
    else if (!orders || (orders.sample.size === 0 && orders.badSample.size === 0)) ok = false;
    else if (sample === undefined) report('order_id', `"${orderId}" is not an order in the orders file`, { value: orderId, expected: 'an order_id from the orders file', hint: unknownIdHint(orderId) });
    else if (orders.badSample.has(orderId)) {
      ok = false;
      const u = unchecked.get(orderId);
      if (u) u.count++;
      else unchecked.set(orderId, { row, at: problems.length, count: 1 });
    } else if (sample !== 'analysed') {
      // One problem per order, naming its rows: an export of every order's arrests is the natural
      // first file, and one error per arrest buried the fix.
      ok = false;
      const n = notAnalysed.get(orderId);
      if (n) n.rows.push(row);
      else notAnalysed.set(orderId, { at: problems.length, rows: [row], sample });
    }

    let month: number | undefined;
    if (monthColumn === 'month') {
      const monthText = fields[col.month].trim();
      if (!/^[+-]?\d+$/.test(monthText)) report('month', `"${monthText}" is not a whole number of months`, { value: monthText, expected: 'a whole number, not 0' });
      else if (Number(monthText) === 0) report('month', '0 is not a month here: −1 is the month before the order, 1 the month after', { value: monthText, expected: '−1 or below, or 1 or above' });
      else if (Math.abs(Number(monthText)) > MAX_MONTHS) report('month', `${monthText} is more than ${MAX_MONTHS} months (50 years) from the order`, { value: monthText, expected: `within ${rules.designWindow} months of the order` });
      else month = Number(monthText);
    } else {
      const text = fields[col.date].trim();
      const date = parseIsoDate(text);
      const issued = orders?.issuedDate.get(orderId);
      if (date && (latestDate === undefined || text > latestDate)) latestDate = text;
      if (!date) report('date', ...notADate(text));
      else if (rules.extracted && text > rules.extracted) report('date', `${text} is after the data were extracted on ${rules.extracted}`, { value: text, expected: `a date on or before ${rules.extracted}`, hint: 'correct the date, or check the extraction date' });
      else if (!orders) ok = false; // placed once the orders can be read
      else if (orders.badIssuedDate.has(orderId)) ok = false; // the order's issued_date is reported already
      else if (orders.duplicated.has(orderId)) ok = false; // which of its rows is this arrest's? The duplicate is reported already
      else if (sample !== undefined && !issued) report('date', `order "${orderId}" has no valid issued_date in the orders file, so this date cannot be placed`, { value: text, expected: 'an issued_date for the order' });
      else if (issued) {
        month = monthOffset(issued, date);
        if (month === 0) {
          problems.push(problem({ file: t.file, row, column: 'date' }, `${text} is the order date itself (month 0), which is not counted`, { severity: 'warning', value: text }));
          onOrderDate++;
          continue;
        }
      }
    }
    if (month !== undefined && Math.abs(month) > rules.designWindow) {
      if (rules.exclude) { excluded.push(row); continue; }
      const value = fields[col[monthColumn]].trim();
      // a date says which month it falls in; a month given as a month is named once (never a message that starts with a minus sign)
      const which = monthColumn === 'month' ? `Month ${value}` : `${value} is month ${String(month).replace('-', '−')}, which`;
      // Whose order, and when it was made, so that a wrong arrest date can be told from a wrong order date (an analyst).
      const made = orders?.issuedDate.get(orderId);
      const whose = made ? ` of order "${orderId}" (made on ${isoDate(made)})` : ` of order "${orderId}"`;
      report(monthColumn, `${which} is outside the design window of ${monthsText(rules.designWindow)} either side${whose}`, {
        value, expected: `month −${rules.designWindow} … −1 or 1 … ${rules.designWindow}`, hint: 'correct it, choose a wider design window, or exclude events outside the window',
      });
    }

    const category = fields[col.category].trim();
    if (category === '') report('category', 'is empty; every arrest needs a category code, such as violence or modern_slavery', { expected: 'a lowercase code [a-z][a-z0-9_]*' });
    else if (!/^[a-z][a-z0-9_]*$/.test(category)) {
      ok = false;
      const u = uncoded.get(category);
      if (u) u.rows.push(row);
      else uncoded.set(category, { at: problems.length, rows: [row] });
    }
    else if (category === 'none') report('category', '"none" is reserved (it means "no category" in the report\'s web addresses); use another code', { value: category, expected: 'any code but none' });
    // A code is a name on controls, legends and table rows, with no space to wrap at: a long one would widen every page.
    else if (category.length > MAX_CATEGORY_CODE) report('category', `"${category.slice(0, 24)}…" is ${category.length} characters long; a category code is a short name of at most ${MAX_CATEGORY_CODE} characters`, { value: category, expected: `at most ${MAX_CATEGORY_CODE} characters`, hint: 'use a short code such as violence or drugs' });

    const offence = fields[col.offence].trim().normalize('NFC');
    if (offence === '') report('offence', 'is empty; name the offence', { expected: 'an offence' });

    let harm: number | undefined;
    if (col.harm !== undefined) {
      harm = harmValue(fields[col.harm].trim(), (message, parts) => report('harm', message, parts));
    } else if (rules.harmIndex && offence !== '') {
      harm = rules.harmIndex.get(offence);
      if (harm === undefined && rules.invalidOffences?.has(offence)) ok = false; // its index row is reported
      else if (harm === undefined) {
        // One problem per offence, at its first row, naming the others: an events file of a force's
        // own offence names would otherwise give a line for every arrest.
        const seen = missing.get(offence);
        if (seen) seen.rows.push(row);
        else missing.set(offence, { at: problems.length, rows: [row] });
        ok = false;
      }
    } else if (rules.needHarmIndex) ok = false; // already reported once for the file
    if (ok && month !== undefined && harm !== undefined) { events.push({ orderId, month, category, offence, harm }); rows.push(row); }
  }
  // Each in the place of the order's (or the offence's) first arrest.
  const unplaced = [...unchecked].map(([id, u]) => ({
    at: u.at,
    problem: problem({ file: t.file, row: u.row, column: 'order_id' }, `order "${id}" has no valid sample in ${orders!.file} (row ${orders!.badSample.get(id)}), so whether ${u.count === 1 ? 'its arrest belongs' : `its ${u.count} arrests (the first in this row) belong`} in the analysis was not checked`, {
      severity: 'warning', value: id, hint: `correct the order's sample; ${u.count === 1 ? 'the arrest is' : 'its arrests are'} checked then`,
    }),
  }));
  const unweighed = [...missing].map(([offence, m]) => {
    const near = [...rules.harmIndex!.keys()].find((k) => k.toLowerCase() === offence.toLowerCase());
    const more = m.rows.length === 1 ? '' : ` (${m.rows.length} arrests: ${rowList(m.rows)})`;
    return {
      at: m.at,
      problem: problem({ file: t.file, row: m.rows[0], column: 'offence' }, `"${offence}" is not in the harm index${rules.harmIndexFile ? ` ${rules.harmIndexFile}` : ''}, so it has no harm value${more}`, {
        value: offence, rows: m.rows, expected: 'an offence listed in the harm index', hint: near ? `the index has "${near}"` : 'add it to the harm index (or give a harm index of your own that lists it), or add a harm column',
      }),
    };
  });
  const notCodes = [...uncoded].map(([category, u]) => ({
    at: u.at,
    problem: problem({ file: t.file, row: u.rows[0], column: 'category' }, `"${category}" is not a lowercase category code such as violence or modern_slavery${u.rows.length === 1 ? '' : ` (${u.rows.length} arrests: ${rowList(u.rows)})`}`, {
      value: category, rows: u.rows, expected: 'a lowercase code [a-z][a-z0-9_]*', hint: categoryHint(category, rules.knownCategories),
    }),
  }));
  const unanalysed = [...notAnalysed].map(([id, n]) => ({
    at: n.at,
    problem: problem({ file: t.file, row: n.rows[0], column: 'order_id' }, `"${id}" is marked ${n.sample} in ${orders!.file} (row ${orders!.row.get(id)}), and events belong to analysed orders only: ${n.rows.length === 1 ? 'this arrest is' : `its ${n.rows.length} arrests are`} not among them (${rowList(n.rows)})`, {
      value: id, rows: n.rows, expected: 'an analysed order',
      hint: `remove the arrests of orders not analysed (in a spreadsheet, keep only the rows whose order is marked analysed in ${orders!.file}); or, if this order should be analysed, mark it so`,
    }),
  }));
  insertAt(problems, [...unplaced, ...unweighed, ...notCodes, ...unanalysed].sort((a, b) => a.at - b.at));
  return { events, rows, excluded, onOrderDate, monthColumn, latestDate };
}

/**
 * What to write for a category that is not a code. Lowercasing and joining its words gives a code
 * ("Modern Slavery" → modern_slavery); where that is not one of the known categories (the study's,
 * or the manifest's) but one of its words is ("Drug offences": drugs), that code comes first, since
 * drug_offences would be a category of its own, counted and tested apart from drugs (an analyst
 * followed "write drug_offences" and got drugs split in two, each compared with the study's drugs).
 */
export function categoryHint(category: string, known: readonly string[]): string | undefined {
  const code = category.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const valid = /^[a-z][a-z0-9_]*$/.test(code);
  if (valid && known.includes(code)) return `write ${code}`;
  const stem = (w: string) => w.replace(/(es|s)$/, '');
  const words = new Set(category.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3).map(stem));
  const meant = known.find((k) => !k.includes('_') ? words.has(stem(k)) : k.split('_').every((w) => words.has(stem(w))));
  if (meant) return `write ${meant} if these are the ${meant} category${valid ? `; ${code} would be a category of its own, counted and tested apart from ${meant}` : ''}`;
  return valid ? `write ${code} (a category of its own; the study's are ${listAnd(known)})` : undefined;
}

/** Each category code of the events, in the order first met, with the rows of its arrests. */
function rowsByCategory(events: readonly OffendingEvent[], rows: readonly number[]): Map<string, number[]> {
  const byCode = new Map<string, number[]>();
  events.forEach((e, k) => {
    const list = byCode.get(e.category);
    if (list) list.push(rows[k]); else byCode.set(e.category, [rows[k]]);
  });
  return byCode;
}

/**
 * Categories that are none of the known ones (the study's four, for a reader's files), said once:
 * each is counted and tested as a category of its own, and the article has no figure for it, so a
 * split of one of the study's categories (drugs and drug_offences) shows here. Codes already said
 * to be a letter or two from a known one (nearCategories) are left to that warning.
 */
function otherCategories(file: string, events: readonly OffendingEvent[], rows: readonly number[], known: readonly string[], said: ReadonlySet<string>): Problem[] {
  const codes = [...rowsByCategory(events, rows)].filter(([code]) => !known.includes(code) && !said.has(code));
  if (codes.length === 0) return [];
  const named = codes.map(([code, at]) => `"${code}" (${at.length} ${at.length === 1 ? 'arrest' : 'arrests'})`);
  // On the first row of any of them, without the rest: the warning is about codes, not rows (a
  // force's own scheme has thousands), and each code's count says how many arrests it has.
  const first = Math.min(...codes.map(([, at]) => at[0]));
  return [problem({ file, row: first, column: 'category' }, `${listAnd(named)} ${codes.length === 1 ? 'is not one of the study\'s categories' : 'are not among the study\'s categories'} (${listAnd(known)}): ${codes.length === 1 ? 'it is' : 'each is'} counted and tested as a category of its own, with no figure of the article to compare with`, {
    severity: 'warning', value: codes.map(([code]) => code).join(', '), expected: `one of ${listAnd(known, 'or')}, to compare with the study`,
    hint: 'nothing to do if these are categories of your own; if one is a study category written another way, write its code',
  })];
}

/**
 * A category code a letter or two from another: most often a typo ("modern_slavry" beside
 * "modern_slavery", "voilence" for "violence"), which would otherwise be counted and tested as a
 * category of its own, without a word. A warning on the rarer code's rows, naming the code it is
 * near: the more common one in the file, or one of the study's (or the manifest's) codes. Only
 * codes of four letters or more, within a letter per four (two for "violence"): short codes such
 * as "aa" and "bb" are far apart in meaning however close in spelling.
 */
function nearCategories(file: string, events: readonly OffendingEvent[], rows: readonly number[], known: readonly string[]): Problem[] {
  const byCode = rowsByCategory(events, rows);
  // Codes of a series (class_a_drugs and class_b_drugs, cat1 and cat2, tier_1 and tier_3) differ in one
  // short part, a letter or a number standing on its own: ordinary coding, not a typo.
  const parts = (c: string) => c.match(/[a-z]+|[0-9]+/g) ?? [];
  const series = (a: string, b: string) => {
    const [pa, pb] = [parts(a), parts(b)];
    const differ = pa.map((x, k) => (x === pb[k] ? -1 : k)).filter((k) => k >= 0);
    return pa.length === pb.length && differ.length === 1 && (/^[0-9]+$/.test(pa[differ[0]]) && /^[0-9]+$/.test(pb[differ[0]]) || (pa[differ[0]].length === 1 && pb[differ[0]].length === 1));
  };
  const near = (a: string, b: string) => a !== b && Math.min(a.length, b.length) >= 4 && editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4)) && !series(a, b);
  const found: Problem[] = [];
  for (const [code, at] of byCode) {
    // The code it is likely meant to be: a commoner code in the file (first by count), else a known one absent from it.
    // A known code is meant before one that is not, whatever the counts (an analyst's one "drug" and one
    // "drugs": the "drugs" row was told to write drug); then the commoner; then the first alphabetically.
    const ahead = (other: string, n: number) => {
      const [ko, kc] = [known.includes(other), known.includes(code)];
      return ko !== kc ? ko : n > at.length || (n === at.length && other < code);
    };
    const inFile = [...byCode].filter(([other, n]) => near(code, other) && ahead(other, n.length)).sort((x, y) => Number(known.includes(y[0])) - Number(known.includes(x[0])) || y[1].length - x[1].length)[0];
    const meant = inFile ? inFile[0] : known.find((k) => !byCode.has(k) && near(code, k));
    if (!meant) continue;
    const d = editDistance(code, meant);
    const where = inFile ? ` (${inFile[1].length} ${inFile[1].length === 1 ? 'arrest' : 'arrests'} in this file)` : ", one of the study's categories";
    found.push(problem({ file, row: at[0], column: 'category' }, `"${code}" (${at.length === 1 ? 'this arrest' : `${at.length} arrests: ${rowList(at)}`}) is ${d === 1 ? 'one letter' : 'two letters'} from "${meant}"${where}: is it misspelled? As written it is a category of its own, counted and tested apart`, {
      severity: 'warning', value: code, rows: [...at], expected: `"${meant}", if it is the same category`, hint: `write ${meant} if it is the same category; nothing to do if "${code}" is a category of its own`,
    }));
  }
  return found;
}

/**
 * Validated events back as CSV in the bundled format (order_id, month, category, offence, harm),
 * RFC 4180 quoted: months and harm as the engine placed them, whether the input had dates or a
 * harm index. The emitted R script (emitR.ts) reads this format. Cells are written as data, for R
 * and the CLI; a file meant for a spreadsheet should pass its cells through neutraliseCell.
 */
export function eventsCsv(events: readonly OffendingEvent[]): string {
  const q = quoteCsvField;
  return ['order_id,month,category,offence,harm', ...events.map((e) => [q(e.orderId), e.month, e.category, q(e.offence), e.harm].join(','))].join('\n') + '\n';
}

/**
 * Put problems found later where they belong in the list: each before the problem now at index
 * `at` (indices into the list as it is, in increasing order). One pass, however many: a file of
 * thousands of orders may give a problem for each.
 */
function insertAt(problems: Problem[], items: readonly { at: number; problem: Problem }[]): void {
  if (items.length === 0) return;
  const start = items[0].at;
  const tail = problems.splice(start);
  let k = 0;
  tail.forEach((p, i) => {
    while (k < items.length && items[k].at <= start + i) problems.push(items[k++].problem);
    problems.push(p);
  });
  while (k < items.length) problems.push(items[k++].problem);
}

/** Levenshtein distance, for "did you mean" hints on misspelled column names. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
