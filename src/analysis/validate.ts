// The boundary of the engine: raw CSV text in, a checked Dataset out. Every rule in the codebook
// (data/README.md) is enforced here, once, and each failure names file, row and column. Nothing
// inside the engine re-checks, and nothing is ever silently dropped or coerced.

import { sortCategories } from './categories.ts';
import { parseCsv, type CsvTable } from './csv.ts';
import { DataError } from './errors.ts';
import { SAMPLES, type Dataset, type OffendingEvent, type Order, type Sample } from './types.ts';

export const ORDER_COLUMNS = ['order_id', 'issued', 'sample', 'duration_months', 'conditions'] as const;
/** Months beyond this distance from the order (50 years) cannot be a real follow-up. */
export const MAX_MONTHS = 600;
/** More harm days than this for one offence (about 270 years) cannot be a CCHI value; murder is 5,475. */
export const MAX_HARM = 100_000;
export const EVENT_COLUMNS = ['order_id', 'month', 'category', 'offence', 'harm'] as const;

export interface SourceText {
  /** The name to use in messages, e.g. "orders.csv". */
  name: string;
  text: string;
}

/** Parse and validate orders.csv and events.csv together (events are checked against orders). */
export function parseDataset(orders: SourceText, events: SourceText): Dataset {
  const orderRows = readOrders(parseCsv(orders.name, orders.text));
  if (!orderRows.some((o) => o.sample === 'analysed')) {
    throw new DataError({ file: orders.name, column: 'sample' }, 'no order is marked analysed, so there is nothing to analyse');
  }
  const eventRows = readEvents(parseCsv(events.name, events.text), orderRows);
  if (eventRows.length === 0) throw new DataError({ file: events.name }, 'has a header but no events, so there is nothing to compare');
  let span = 0;
  for (const e of eventRows) span = Math.max(span, Math.abs(e.month));
  return {
    orders: orderRows,
    events: eventRows,
    span,
    categories: sortCategories(eventRows.map((e) => e.category)),
  };
}

/** Map header names to positions, failing on a missing column with a hint at the likely typo. */
function columnIndex(table: CsvTable, expected: readonly string[]): Record<string, number> {
  const index: Record<string, number> = {};
  for (const name of expected) {
    const at = table.header.indexOf(name);
    if (at < 0) {
      const near = table.header.find((h) => !expected.includes(h) && editDistance(h.toLowerCase(), name) <= 2);
      const hint = near !== undefined ? ` (found "${near}": is it misspelled?)` : ` (the header has: ${table.header.join(', ')})`;
      throw new DataError({ file: table.file, row: 0, column: name }, `required column is missing${hint}`);
    }
    index[name] = at;
  }
  const seen = new Set<string>();
  for (const h of table.header) {
    if (seen.has(h)) throw new DataError({ file: table.file, row: 0, column: h }, 'the column appears twice in the header');
    seen.add(h);
  }
  return index;
}

function readOrders(table: CsvTable): Order[] {
  const col = columnIndex(table, ORDER_COLUMNS);
  if (table.records.length === 0) throw new DataError({ file: table.file }, 'has a header but no orders');
  const ids = new Map<string, number>();
  return table.records.map(({ row, fields }) => {
    const at = (column: string) => ({ file: table.file, row, column });
    const id = fields[col.order_id].trim();
    if (id === '') throw new DataError(at('order_id'), 'is empty; every order needs an id');
    const first = ids.get(id);
    if (first !== undefined) throw new DataError(at('order_id'), `"${id}" duplicates the id in row ${first}; ids must be unique`);
    ids.set(id, row);

    const issued = fields[col.issued].trim();
    if (!/^\d{4}-Q[1-4]$/.test(issued)) throw new DataError(at('issued'), `"${issued}" is not a quarter like 2019-Q3`);

    const sample = fields[col.sample].trim();
    if (!(SAMPLES as readonly string[]).includes(sample)) {
      throw new DataError(at('sample'), `"${sample}" is not one of ${SAMPLES.join(', ')}`);
    }

    const durationText = fields[col.duration_months].trim();
    let durationMonths: number | null = null;
    if (durationText !== '') {
      if (!/^\d+$/.test(durationText) || Number(durationText) < 1) {
        throw new DataError(at('duration_months'), `"${durationText}" is not a whole number of months (leave it empty for "until further order")`);
      }
      durationMonths = Number(durationText);
    }

    const conditionsText = fields[col.conditions].trim();
    const conditions = conditionsText === '' ? [] : conditionsText.split(';').map((c) => c.trim());
    for (const c of conditions) {
      if (!/^[a-z][a-z0-9_]*$/.test(c)) throw new DataError(at('conditions'), `"${c}" is not a lowercase condition code (codes are separated by ";")`);
    }
    return { id, issued, sample: sample as Sample, durationMonths, conditions };
  });
}

function readEvents(table: CsvTable, orders: readonly Order[]): OffendingEvent[] {
  const col = columnIndex(table, EVENT_COLUMNS);
  const sampleOf = new Map(orders.map((o) => [o.id, o.sample]));
  return table.records.map(({ row, fields }) => {
    const at = (column: string) => ({ file: table.file, row, column });
    const orderId = fields[col.order_id].trim();
    const sample = sampleOf.get(orderId);
    if (sample === undefined) throw new DataError(at('order_id'), `"${orderId}" is not an order in the orders file`);
    if (sample !== 'analysed') throw new DataError(at('order_id'), `"${orderId}" is marked ${sample} in the orders file; events belong to analysed orders only`);

    const monthText = fields[col.month].trim();
    if (!/^[+-]?\d+$/.test(monthText)) throw new DataError(at('month'), `"${monthText}" is not a whole number of months`);
    const month = Number(monthText);
    if (month === 0) throw new DataError(at('month'), '0 is not a month here: −1 is the month before the order, 1 the month after');
    if (Math.abs(month) > MAX_MONTHS) throw new DataError(at('month'), `${monthText} is more than ${MAX_MONTHS} months (50 years) from the order`);

    const category = fields[col.category].trim();
    if (!/^[a-z][a-z0-9_]*$/.test(category)) throw new DataError(at('category'), `"${category}" is not a lowercase category code such as violence or modern_slavery`);
    if (category === 'none') throw new DataError(at('category'), '"none" is reserved (it means "no category" in the report\'s web addresses); use another code');

    const offence = fields[col.offence].trim();
    if (offence === '') throw new DataError(at('offence'), 'is empty; name the offence');

    const harmText = fields[col.harm].trim();
    if (!/^-?\d+(\.\d+)?$/.test(harmText)) throw new DataError(at('harm'), `"${harmText}" is not a number of days (use digits and a decimal point, e.g. 182.5)`);
    const harm = Number(harmText);
    if (harm < 0) throw new DataError(at('harm'), `${harmText} is negative; harm is a number of days, 0 or more`);
    if (harm > MAX_HARM) throw new DataError(at('harm'), `${harmText} days is more than any Crime Harm Index value could be (limit ${MAX_HARM})`);
    return { orderId, month, category, offence, harm };
  });
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
