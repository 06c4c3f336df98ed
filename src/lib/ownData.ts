// A reader's own data: the files they chose, checked by the same validateDataset() the CLI runs,
// and what the report may say about them. Pure (no DOM, no storage), so the Web Worker, the page
// and the tests share it.
//
//   validateOwn(files, bundledHarmIndex) → { dataset?, problems, texts }
//   ownSummary(dataset, files)           → the counts and names the banner and controls use
//
// A reader's data get a manifest that claims nothing: not synthetic, not calibrated, no "two full
// years". Their design window is the one they chose on upload (default 24), never inferred.

import { csvHeader, decodeCsvBytes } from '../analysis/csv.ts';
import { csvCell, problem, UTF8_BOM, type Problem } from '../analysis/errors.ts';
import { categoryName } from '../analysis/categories.ts';
import { DAY_MONTH, DEFAULT_DESIGN_WINDOW, DIRECTION_CONTROLS, MAX_MONTHS, validateDataset } from '../analysis/validate.ts';
import { tidySources, type TidyChange } from '../analysis/tidy.ts';
import type { Dataset, StudyManifest, WeightSet } from '../analysis/types.ts';
import { givesMonthsAway } from '../analysis/timeAtLiberty.ts';
import { domainOf } from './urlState.ts';
import { formatNumber } from './format.ts';

/** One chosen file: its name, and its content as bytes (from a file input) or text (from storage). */
export interface OwnFile {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

export interface OwnFiles {
  orders: OwnFile;
  events: OwnFile;
  /** Needed only when events.csv has no harm column; else the bundled illustrative index is used. */
  harmIndex?: OwnFile;
  /** Months either side of each order the data cover (chosen on upload). */
  designWindow: number;
  /** An event outside the design window: an error naming its row, or excluded and counted. */
  outsideWindow: 'error' | 'exclude';
  /** The date the data were extracted (YYYY-MM-DD), if the reader gave it: every follow-up is checked against it. */
  extracted?: string;
  /** Make the fixes that have one right answer first (src/analysis/tidy.ts), and analyse the tidied files. */
  tidy?: boolean;
}

/** Files tidied before they were checked: each under its new name, and every change made. */
export interface OwnTidied {
  files: { from: string; name: string; text: string }[];
  changes: TidyChange[];
}

/** The name of a tidied copy: orders.csv → orders-tidied.csv. */
export const tidiedName = (name: string) => (/-tidied\.csv$/i.test(name) ? name : `${name.replace(/\.csv$/i, '')}-tidied.csv`);

/** The changes tidying would make, from the fixes the problems carry (file-level problems about the reader's choices have none). */
export function fixesOf(problems: readonly Problem[]): TidyChange[] {
  return problems.flatMap((p): TidyChange[] => {
    const fix = p.fix;
    if (!fix || p.file.startsWith('(')) return [];
    if ('value' in fix) return [{ file: p.file, row: p.row, column: p.column, from: p.value ?? '', to: fix.value }];
    if ('rename' in fix) return [{ file: p.file, row: 0, column: fix.to, from: fix.rename, to: fix.to }];
    // One change per line deleted, as tidyText counts them.
    return Array.from({ length: fix.headerLine - 1 }, (_, k) => ({ file: p.file, from: `line ${k + 1}`, to: '' }));
  });
}

/** Which way round a date with the day and month as numbers (validate.ts's DAY_MONTH) was read, from what it became; undefined where both are the same number. */
function dayMonthOrder(dmy: RegExpExecArray, to: string): string | undefined {
  if (Number(dmy[1]) === Number(dmy[2])) return undefined;
  return to === `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` ? 'written day/month/year' : 'written month/day/year';
}

/**
 * How a date was written, from what it was and what it became. A day and month that are the same
 * number (7/7/2018) read alike either way round: they take the order of the column's other dates
 * (`columnOrder`), and are said as such only in a column with no other (an analyst's US column of
 * month/day/year dates was said to have 2 "written day/month/year", its 7/7/2018 among them).
 */
function dateKind(from: string, to: string, columnOrder?: string): string {
  const dmy = DAY_MONTH.exec(from);
  if (dmy) return (dayMonthOrder(dmy, to) ?? columnOrder ?? 'written with the day and month the same either way round') + (/\d[ T]\d/.test(from) ? ' with a time of day' : '');
  if (/^\d{5}$/.test(from)) return "saved as a spreadsheet's day numbers";
  if (/^\d{4}[/.]/.test(from)) return 'written year/month/day with slashes or dots';
  if (/[A-Za-z]{3}/.test(from)) return "written with the month's name";
  return 'with a time of day';
}

/**
 * The changes, grouped and said in words, one phrase each, title first, then by file and column:
 * "deleting the title above the header of orders.csv"; "naming the column “Order_ID” of orders.csv
 * order_id"; "writing as yyyy-mm-dd 14 dates in orders.csv, column issued_date, written day/month/year
 * (the first on row 1, “15/03/2019” as 2019-03-15)". For the offer to tidy (from fixesOf) and for
 * what was done (the worker's changes).
 */
export function tidyWords(changes: readonly TidyChange[]): string[] {
  // Each column's order, from its dates that read one way only (a column is never rewritten both ways: validate.ts).
  const orders = new Map<string, string>();
  for (const c of changes) {
    const dmy = c.row ? DAY_MONTH.exec(c.from) : null;
    const order = dmy ? dayMonthOrder(dmy, c.to) : undefined;
    if (order) orders.set(`${c.file}\u0000${c.column}`, order);
  }
  const kind = (c: TidyChange) => dateKind(c.from, c.to, orders.get(`${c.file}\u0000${c.column}`));
  const groups = new Map<string, { n: number; first: TidyChange }>();
  for (const c of changes) {
    const key = c.row === undefined ? `${c.file}\u0000title` : c.row === 0 ? `${c.file}\u0000${c.column}\u0000rename` : `${c.file}\u0000${c.column}\u0000${kind(c)}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { n: 1, first: c });
  }
  const order = (c: TidyChange) => (c.row === undefined ? 0 : c.row === 0 ? 1 : 2);
  return [...groups.values()].sort((a, b) => a.first.file.localeCompare(b.first.file) || order(a.first) - order(b.first)).map(({ n, first: c }) => {
    if (c.row === undefined) return n === 1 ? `deleting the title line above the header of ${c.file}` : `deleting the ${formatNumber(n)} title lines above the header of ${c.file}`;
    if (c.row === 0) return `naming the column “${c.from}” of ${c.file} ${c.to}`;
    return `writing as yyyy-mm-dd ${formatNumber(n)} ${n === 1 ? 'date' : 'dates'} in ${c.file}, column ${c.column}, ${kind(c)} (${n === 1 ? '' : 'the first '}on row ${c.row}, “${c.from}” as ${c.to})`;
  });
}

/** The changes as CSV, one row each, for the reader to check against their files. */
export function tidyChangesCsv(changes: readonly TidyChange[]): string {
  // As the problems CSV: a cell a spreadsheet would run as a formula is neutralised, and a BOM says UTF-8.
  return UTF8_BOM + ['file,row,column,was,now', ...changes.map((c) => [c.file, c.row === undefined ? 'above the header' : c.row === 0 ? 'header' : String(c.row), c.column ?? '', c.from, c.to].map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** The files as text, ready to be stored and read again (bytes decoded once, UTF-8 only). */
export interface OwnTexts {
  orders: { name: string; text: string };
  events: { name: string; text: string };
  harmIndex?: { name: string; text: string };
  designWindow: number;
  outsideWindow: 'error' | 'exclude';
  extracted?: string;
}

/** What the page says about the reader's data, and the domain of views they allow. */
export interface OwnSummary {
  orders: { name: string; rows: number };
  events: { name: string; rows: number };
  harmIndex?: { name: string } | undefined;
  /** Where harm comes from, in words. */
  harm: string;
  analysed: number;
  designWindow: number;
  /** The reader's choice for an arrest outside the design window: an error, or left out and counted. */
  outsideWindow: 'error' | 'exclude';
  /** The date the data were extracted, as the reader gave it; every analysed order's follow-up ends by then. */
  extracted?: string;
  /** Every analysed order gives its months in custody or abroad (months_unavailable_before and _after): time at liberty can be measured. */
  monthsAway: boolean;
  excludedOutsideWindow: number;
  /** Arrests on their order's own date (month 0), in the file but in neither period. */
  onOrderDate: number;
  categories: string[];
  categoryNames: Record<string, string>;
  /**
   * The harm index's weight sets that can weight every arrest (the view's `weights`): those of the
   * index harm was looked up in, when the events had no harm column; none otherwise.
   */
  weights: WeightSet[];
  /** Total size of the files in characters, for the storage decision. */
  size: number;
  /**
   * The files are the study's own (identical to the bundled orders.csv and events.csv, as "Try it
   * with the study's data" loads them): synthetic and calibrated, and described so.
   */
  study: boolean;
}

/** The bundled files and their manifest: files identical to them are the study's synthetic data, whoever loads them. */
export interface StudyFiles {
  orders: string;
  events: string;
  manifest: StudyManifest;
}

/** A manifest that claims nothing about the reader's data. */
export function ownManifest(designWindow: number): StudyManifest {
  return { designWindow, synthetic: false, calibrated: false };
}

/**
 * A file's name as the report shows it: without invisible direction controls, which turned the banner's
 * own words round on every page (a reviewer's "events\u202eVSC.csv"). A name is only a label.
 */
export const shownName = (name: string) => name.replace(new RegExp(DIRECTION_CONTROLS.source, 'g'), '');

/** Decode one file (bytes → text); UTF-16 and other encodings are reported by the engine's decoder. */
function decode(file: OwnFile, problems: Problem[]): { name: string; text: string } | undefined {
  const name = shownName(file.name);
  if (file.text !== undefined) return { name, text: file.text };
  const decoded = decodeCsvBytes(name, file.bytes ?? new Uint8Array());
  for (const p of decoded.problems) problems.push(p);
  return decoded.text === undefined ? undefined : { name, text: decoded.text };
}

const hasHarmColumn = (text: string) => csvHeader(text).includes('harm');

/** Whether the two files are the study's own, character for character (a byte-order mark aside). The page and the CLI both ask. */
export function isStudyText(orders: string, events: string, study: { orders: string; events: string }): boolean {
  const bare = (t: string) => t.replace(/^\uFEFF/, '');
  return bare(orders) === bare(study.orders) && bare(events) === bare(study.events);
}

/**
 * Check the reader's files with the engine's validateDataset, reporting every problem. Events
 * without a harm column look offences up in the reader's harm index, else the bundled one.
 */
export function validateOwn(files: OwnFiles, bundledHarmIndex: { name: string; text: string }, study?: StudyFiles): { dataset?: Dataset; problems: Problem[]; texts?: OwnTexts; summary?: OwnSummary; tidied?: OwnTidied } {
  const problems: Problem[] = [];
  const { designWindow, outsideWindow } = files;
  const extracted = files.extracted?.trim() || undefined;
  if (!Number.isInteger(designWindow) || designWindow < 1 || designWindow > MAX_MONTHS) {
    return { problems: [problem({ file: '(your choices)', column: 'design window' }, `${designWindow} is not a whole number of months from 1 to ${MAX_MONTHS}`, { value: String(designWindow), expected: `1 … ${MAX_MONTHS}` })] };
  }
  const orders = decode(files.orders, problems);
  const events = decode(files.events, problems);
  const chosenIndex = files.harmIndex ? decode(files.harmIndex, problems) : undefined;
  // Events without a harm column look harm up by offence: in the reader's index, or the bundled one.
  const indexFor = (ev: { text: string }) => (hasHarmColumn(ev.text) ? undefined : chosenIndex ?? bundledHarmIndex);
  if (!orders || !events || (files.harmIndex && !chosenIndex)) {
    // One file could not be read as text: the other is still checked on its own, so that one round
    // lists every problem (as when the orders file cannot be parsed). Not when the reader's harm
    // index is the unreadable one: without it the events would be checked against the wrong index.
    if ((orders || events) && (!files.harmIndex || chosenIndex)) {
      const unread = new Set([orders ? null : shownName(files.orders.name), events ? null : shownName(files.events.name)]);
      const alone = validateDataset(
        { orders: orders ?? { name: shownName(files.orders.name), text: '' }, events: events ?? { name: shownName(files.events.name), text: '' }, harmIndex: events && indexFor(events) },
        { manifest: ownManifest(designWindow), designWindow, outsideWindow, extracted },
      );
      for (const p of alone.problems) if (!unread.has(p.file)) problems.push(p);
    }
    return { problems };
  }
  if (files.tidy) {
    // The fixes with one answer, made until none is left; then the tidied files are checked as any are.
    const options = { manifest: ownManifest(designWindow), designWindow, outsideWindow, extracted };
    const { sources, changes } = tidySources({ orders, events, ...(chosenIndex ? { harmIndex: chosenIndex } : {}) }, (s) => validateDataset({ orders: s.orders!, events: s.events!, harmIndex: indexFor(s.events!) }, options).problems);
    const renamed = (key: 'orders' | 'events' | 'harmIndex', was: { name: string; text: string } | undefined) => {
      const now = sources[key];
      return now && was && now.text !== was.text ? { from: was.name, name: tidiedName(was.name), text: now.text } : undefined;
    };
    const made = [renamed('orders', orders), renamed('events', events), renamed('harmIndex', chosenIndex)];
    if (changes.length === 0) return { ...validateOwn({ ...files, tidy: false }, bundledHarmIndex, study), tidied: { files: [], changes } };
    const file = (k: number, was: OwnFile) => (made[k] ? { name: made[k].name, text: made[k].text } : was);
    const again = validateOwn({ ...files, tidy: false, orders: file(0, orders), events: file(1, events), ...(chosenIndex ? { harmIndex: file(2, chosenIndex) } : {}) }, bundledHarmIndex, study);
    return { ...again, tidied: { files: made.filter((f) => f !== undefined), changes } };
  }
  const needsIndex = !hasHarmColumn(events.text);
  // The study's own files, in the study's design window, are the study's data: their manifest
  // (synthetic, calibrated) goes with them, so that nothing calls them the reader's; and so does
  // the bundled harm index, whose weight sets the study's views and specification curve use, as
  // the command line uses them for the same files (a re-check found 90 specifications here, from
  // the harm column alone, beside a command that prints the study's 180).
  const isStudy = study !== undefined && designWindow === study.manifest.designWindow && !chosenIndex
    && isStudyText(orders.text, events.text, study);
  const harmIndex = isStudy ? bundledHarmIndex : indexFor(events);
  const validation = validateDataset(
    { orders, events, harmIndex },
    { manifest: isStudy ? study.manifest : ownManifest(designWindow), designWindow, outsideWindow, extracted },
  );
  // A loop, not push(...): a file with 100,000 bad rows has as many problems, too many to spread as arguments.
  for (const p of validation.problems) problems.push(p);
  // How harm is found is said after the files' own problems, once they load (the command line says it
  // alike): beside errors it is noise, and an analyst found the two counting it differently.
  if (chosenIndex && !needsIndex && validation.dataset) problems.push(indexNotUsed(chosenIndex.name, events.name));
  if (needsIndex && !chosenIndex && !isStudy && validation.dataset) problems.push(bundledIndexUsed(events.name));
  const texts: OwnTexts = { orders, events, designWindow, outsideWindow, ...(extracted ? { extracted } : {}), ...(chosenIndex && needsIndex ? { harmIndex: chosenIndex } : {}) };
  if (!validation.dataset) return { problems };
  const dataset = validation.dataset;
  // The study's files keep the study's words: CCHI days, which the bundled index's weight sets replace in a weighted view.
  const harm = isStudy ? `CCHI days (illustrative weights), from the harm column of ${events.name}`
    : !needsIndex
    ? `days, from the harm column of ${events.name}`
    : chosenIndex
      ? `days, from your harm index ${chosenIndex.name}, by offence`
      : 'days, from the bundled harm index (illustrative Cambridge Crime Harm Index weights), by offence';
  const summary: OwnSummary = {
    // every arrest in the file, counted or not: those left out are said beside the count (fileList)
    ...filesFacts(dataset, orders.name, events.name),
    harmIndex: texts.harmIndex ? { name: texts.harmIndex.name } : undefined,
    harm,
    analysed: dataset.orders.filter((o) => o.sample === 'analysed').length,
    outsideWindow,
    monthsAway: givesMonthsAway(dataset.orders),
    categories: [...dataset.categories],
    categoryNames: Object.fromEntries(dataset.categories.map((c) => [c, dataset.categoryNames?.[c] ?? categoryName(c)])),
    weights: domainOf(dataset).weights,
    size: orders.text.length + events.text.length + (texts.harmIndex?.text.length ?? 0),
    study: isStudy,
  };
  return { dataset, problems, texts, summary };
}

export const DEFAULT_OWN_WINDOW = DEFAULT_DESIGN_WINDOW;

/**
 * The warning for a harm index given beside events with a harm column: it is not used (the page and
 * the CLI say it alike). The command line can still weigh by it (`cli`), which its hint says.
 */
export function indexNotUsed(index: string, events: string, cli: boolean | 'curve' = false): Problem {
  return problem({ file: index }, `was not used: ${events} has a harm column already`, {
    severity: 'warning',
    // The curve varies the weights itself and takes no --weights (a re-check followed the hint into an error).
    hint: cli === 'curve' ? 'the specification curve keeps recorded harm; to vary this index\'s weight sets in it, remove the harm column from the events file, so that harm is looked up by offence'
      : cli ? 'add --weights low, central or high to weigh every arrest by this index instead, or remove the harm column from the events file to look harm up by offence' : 'remove the harm column from the events file to look harm up by offence',
  });
}

/**
 * The warning for events without a harm column when no harm index of the reader's own is given:
 * each arrest's harm is then looked up in the report's bundled index, whose weights are illustrative
 * and mostly estimated (an analyst found it only from the words "as your data give it" on Results).
 * Said on the page and by the CLI alike.
 */
export function bundledIndexUsed(events: string): Problem {
  return problem({ file: events }, "has no harm column, so each arrest's harm is looked up by its offence in the report's bundled harm index: illustrative Cambridge Crime Harm Index weights, many of them estimated, not figures your force has checked", {
    severity: 'warning',
    hint: 'add a harm column (days) to the events file, or give a harm index of your own, to weigh the arrests by figures you trust',
  });
}

/**
 * The design window as the reader typed it on "Use your own data": a whole number of months from 1
 * to MAX_MONTHS (the range validateDataset accepts), or the sentence that says what was typed and
 * what is allowed. The page checks it before reading any file, so that a mistyped window is said in
 * words beside the form, not in a problems table about "(options)".
 */
export function readDesignWindow(raw: string): { months: number } | { message: string } {
  const text = raw.trim();
  const allowed = `a whole number of months from 1 to ${MAX_MONTHS}`;
  if (text === '') return { message: `The design window is empty or not a number: enter ${allowed}. Nothing was read.` };
  const months = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(months) && months >= 1 && months <= MAX_MONTHS) return { months };
  return { message: `The design window must be ${allowed}, and ${text} is not. Nothing was read.` };
}

/** The columns of the problems table on "Use your own data" (OwnDataForm.astro), which also name each line of a problem on a phone. */
export const PROBLEM_COLUMNS = ['Severity', 'File', 'Row', 'Column', 'Value', 'What is wrong, and what was expected'] as const;

/** A value longer than this is shortened in the problems table (the CSV keeps it whole). */
export const SHOWN_VALUE_CHARS = 120;

/**
 * A value from the reader's file as the problems table shows it: whole, or, past SHOWN_VALUE_CHARS,
 * its start and its length ("XXXX… (20,000 characters)"), so that one long cell cannot fill the
 * screen. The problem's message is shortened the same way where it quotes the value.
 */
export function shownValue(value: string): string {
  return value.length <= SHOWN_VALUE_CHARS ? value : `${value.slice(0, SHOWN_VALUE_CHARS - 20)}… (${formatNumber(value.length)} characters)`;
}

/** Files beyond this total are better analysed with the command-line tool than in a browser tab. */
export const BROWSER_LIMIT_BYTES = 150 * 1024 * 1024;

const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * The banner over every page while the reader's data are shown: "Your data: orders.csv (312
 * orders), events.csv (2,104 arrests): analysed in this browser, never sent anywhere."
 */
export function bannerText(s: OwnSummary): string {
  if (s.study) {
    return `The study's synthetic data, loaded as if they were your files: ${s.orders.name} (${count(s.orders.rows, 'order', 'orders')}), ${s.events.name} (${count(s.events.rows, 'arrest', 'arrests')}), the same files this report is built from, analysed in this browser and never sent anywhere.`;
  }
  return `Your data: ${filesText(s)}: analysed in this browser, never sent anywhere.`;
}

/** What a reader's files hold, for the banner and for a download's `data` column (the page's and the command line's alike). */
export type FilesFacts = Pick<OwnSummary, 'orders' | 'events' | 'designWindow' | 'excludedOutsideWindow' | 'onOrderDate' | 'extracted'>;

/** The files and what they hold, with the extraction date when given: "orders.csv (64 orders) and events.csv (812 arrests), extracted on 2023-03-31". */
export function filesText(s: FilesFacts): string {
  return `${fileList(s)}${s.extracted ? `, extracted on ${s.extracted}` : ''}`;
}

/** The same facts, from a validated dataset and the files' names (the command line has no summary). */
export function filesFacts(dataset: Dataset, orders: string, events: string): FilesFacts {
  return {
    orders: { name: orders, rows: dataset.orders.length },
    events: { name: events, rows: dataset.events.length + (dataset.excludedOutsideWindow ?? 0) + (dataset.onOrderDate ?? 0) },
    designWindow: dataset.span,
    excludedOutsideWindow: dataset.excludedOutsideWindow ?? 0,
    onOrderDate: dataset.onOrderDate ?? 0,
    ...(dataset.extracted ? { extracted: dataset.extracted } : {}),
  };
}

/** The reader's two files and what they hold, for a sentence that has already said whose they are: "orders.csv (64 orders) and events.csv (812 arrests)". */
export function fileList(s: FilesFacts): string {
  const excluded = (s.excludedOutsideWindow > 0 ? `; ${count(s.excludedOutsideWindow, 'arrest', 'arrests')} outside the ${s.designWindow}-month design window left out, as you chose` : '')
    + ((s.onOrderDate ?? 0) > 0 ? `; ${count(s.onOrderDate, 'arrest on its order\'s own date', 'arrests on their order\'s own date')}, in neither period` : '');
  return `${s.orders.name} (${count(s.orders.rows, 'order', 'orders')}) and ${s.events.name} (${count(s.events.rows, 'arrest', 'arrests')}${excluded})`;
}

/**
 * How far the reader's follow-up was checked, for Method's account of their sample: against the
 * extraction date they gave, or, without one, only where an order was made after every arrest.
 */
export function followupText(s: OwnSummary): string {
  return s.extracted
    ? `Every analysed order's follow-up was checked against the date you gave for the extraction, ${s.extracted}: each one's ${s.designWindow}-month window after the order ends by then.`
    : "The report cannot tell from the arrests whether your data run to the end of each order's window. It warns where an order was made after the latest arrest in the file, and where so many orders' follow-up runs past that arrest that about 10 or more arrests would be expected in those months at your files' own rate, and there are none; give the date the data were extracted, and it checks every order's follow-up.";
}

/**
 * Conclusions on time in custody or abroad, for the reader's data: whether their files allow for it
 * (`liberty`), and what How robust is it? then shows (`libertyWhat`, after a link to it).
 */
export function libertyText(s: OwnSummary): string {
  return s.monthsAway
    ? 'Your files give the months each person spent in custody or abroad, so this loss of opportunity can be allowed for:'
    : 'Your files do not give the months each person spent in custody or abroad, so a change in arrests after the orders mixes a change in behaviour with a change in the chance to be arrested.';
}
export function libertyWhatText(s: OwnSummary): string {
  return s.monthsAway
    ? 'compares arrests per month at liberty before and after the orders, over your full design window with no months left out.'
    : 'shows, where arrests fell, the share of the after-period people would have to have spent away for the whole fall to disappear.';
}

/** The design window in words, for pages that describe the data: "24 months before and after each order". */
export function designWindowText(months: number): string {
  return `${months} ${months === 1 ? 'month' : 'months'} before and after each order`;
}

/** Where a reader's file can go on "Use your own data". */
export type FileSlot = 'orders' | 'events' | 'harmIndex';

/**
 * Dropped files, placed by their names: a harm index ("harm-index.csv", "my_harm_index.csv"), the
 * events ("events", "arrests": "arrests_by_order.csv" is the events, though it says "order"), the
 * orders, then any other file with "harm" in its name. A name that suggests none is not placed, and
 * two files for one place are neither placed: the reader chooses with the buttons. Returns the index
 * of the file for each place, and the names not placed with why.
 */
export function placeDropped(names: readonly string[]): { placed: Partial<Record<FileSlot, number>>; unplaced: string[]; clashes: string[] } {
  const slotFor = (name: string): FileSlot | undefined => {
    const n = name.toLowerCase();
    if (/harm.?index/.test(n)) return 'harmIndex';
    if (/event|arrest/.test(n)) return 'events';
    if (/order/.test(n)) return 'orders';
    if (/harm/.test(n)) return 'harmIndex';
    return undefined;
  };
  const bySlot = new Map<FileSlot, number[]>();
  const unplaced: string[] = [];
  names.forEach((name, k) => {
    const slot = slotFor(name);
    if (slot) bySlot.set(slot, [...(bySlot.get(slot) ?? []), k]);
    else unplaced.push(name);
  });
  const placed: Partial<Record<FileSlot, number>> = {};
  const clashes: string[] = [];
  for (const [slot, at] of bySlot) {
    if (at.length === 1) placed[slot] = at[0];
    else clashes.push(...at.map((k) => names[k]));
  }
  return { placed, unplaced, clashes };
}
