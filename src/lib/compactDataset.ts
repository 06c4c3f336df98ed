// A checked dataset in a compact form, to be kept beside the reader's files (src/client/ownStorage.ts)
// so that a page opened at ?data=local does not have to check them again: the orders and the
// events (the bulk: 41,000 and 200,000 rows at 1,000× the study) as columns, numbers in typed
// arrays, repeated strings (order ids in the events, quarters, categories, offences) as indices
// into a list of the distinct ones; the rest of the dataset as it is. Typed arrays copy between
// the page, its worker and IndexedDB as one block of bytes, where objects are copied one by one.
//
//   packDataset(dataset)   → CompactDataset, or undefined if a row is not in the engine's shape
//   unpackDataset(compact) → the same Dataset: every value, and every object's keys in the same order
//
// Pure: the worker packs, the page and the worker unpack, and tests/compact-dataset.test.ts checks
// the round trip on the study's data and on a reader's.
import type { Dataset, OffendingEvent, Order, Sample } from '../analysis/types.ts';

/** A column of strings: the distinct values, and for each row the index of its value. */
export interface StringColumn {
  values: string[];
  index: Int32Array;
}

export interface CompactEvents {
  orderId: StringColumn;
  month: Int32Array;
  category: StringColumn;
  offence: StringColumn;
  harm: Float64Array;
}

export interface CompactOrders {
  id: string[];
  issued: StringColumn;
  sample: StringColumn;
  /** NaN for null ("until further order"). */
  durationMonths: Float64Array;
  /** The distinct lists of conditions, and each order's. */
  conditions: { values: string[][]; index: Int32Array };
  /** NaN where the order has no such key. */
  monthsUnavailableBefore: Float64Array;
  monthsUnavailableAfter: Float64Array;
}

export type CompactDataset = Omit<Dataset, 'events' | 'orders'> & { orders: CompactOrders; events: CompactEvents };

/** The keys of an event and of an order, in the order validateDataset writes them (another order would change the JSON). */
const EVENT_KEYS = ['orderId', 'month', 'category', 'offence', 'harm'] as const satisfies readonly (keyof OffendingEvent)[];
const ORDER_KEYS = ['id', 'issued', 'sample', 'durationMonths', 'conditions'] as const satisfies readonly (keyof Order)[];

const sameKeys = (o: object, keys: readonly string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
};

function stringColumn(rows: readonly string[]): StringColumn {
  const at = new Map<string, number>();
  const values: string[] = [];
  const index = new Int32Array(rows.length);
  rows.forEach((v, k) => {
    let i = at.get(v);
    if (i === undefined) {
      i = values.push(v) - 1;
      at.set(v, i);
    }
    index[k] = i;
  });
  return { values, index };
}

/** The orders as columns, or undefined if one is not in the engine's shape. */
function packOrders(orders: readonly Order[]): CompactOrders | undefined {
  const absent = (v: number | undefined) => (v === undefined ? NaN : v);
  for (const o of orders) {
    const keys = [...ORDER_KEYS, ...(o.monthsUnavailableBefore !== undefined ? ['monthsUnavailableBefore'] : []), ...(o.monthsUnavailableAfter !== undefined ? ['monthsUnavailableAfter'] : [])];
    if (!sameKeys(o, keys) || Number.isNaN(o.durationMonths) || Number.isNaN(o.monthsUnavailableBefore) || Number.isNaN(o.monthsUnavailableAfter)) return undefined;
  }
  const lists = stringColumn(orders.map((o) => JSON.stringify(o.conditions)));
  return {
    id: orders.map((o) => o.id),
    issued: stringColumn(orders.map((o) => o.issued)),
    sample: stringColumn(orders.map((o) => o.sample)),
    durationMonths: Float64Array.from(orders, (o) => o.durationMonths ?? NaN),
    conditions: { values: lists.values.map((l) => JSON.parse(l) as string[]), index: lists.index },
    monthsUnavailableBefore: Float64Array.from(orders, (o) => absent(o.monthsUnavailableBefore)),
    monthsUnavailableAfter: Float64Array.from(orders, (o) => absent(o.monthsUnavailableAfter)),
  };
}

function unpackOrders(c: CompactOrders): Order[] {
  return c.id.map((id, k) => {
    const duration = c.durationMonths[k];
    const order: Order = { id, issued: c.issued.values[c.issued.index[k]], sample: c.sample.values[c.sample.index[k]] as Sample, durationMonths: Number.isNaN(duration) ? null : duration, conditions: [...c.conditions.values[c.conditions.index[k]]] };
    if (!Number.isNaN(c.monthsUnavailableBefore[k])) order.monthsUnavailableBefore = c.monthsUnavailableBefore[k];
    if (!Number.isNaN(c.monthsUnavailableAfter[k])) order.monthsUnavailableAfter = c.monthsUnavailableAfter[k];
    return order;
  });
}

/**
 * The dataset with its orders and events as columns. Undefined when an order or an event is not
 * in the shape the engine gives them (other keys, or keys in another order; a month that is not a
 * whole number): such a dataset is not kept (the files are checked again instead), since the
 * columns could not give it back exactly.
 */
export function packDataset(dataset: Dataset): CompactDataset | undefined {
  const { events } = dataset;
  for (const e of events) {
    if (!sameKeys(e, EVENT_KEYS) || (e.month | 0) !== e.month) return undefined;
  }
  const orders = packOrders(dataset.orders);
  if (!orders) return undefined;
  const columns: CompactEvents = {
    orderId: stringColumn(events.map((e) => e.orderId)),
    month: Int32Array.from(events, (e) => e.month),
    category: stringColumn(events.map((e) => e.category)),
    offence: stringColumn(events.map((e) => e.offence)),
    harm: Float64Array.from(events, (e) => e.harm),
  };
  // The columns take the rows' places among the dataset's keys.
  return withRows(dataset, orders, columns) as CompactDataset;
}

function withRows(dataset: object, orders: unknown, events: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dataset)) out[key] = key === 'events' ? events : key === 'orders' ? orders : value;
  return out;
}

/** The dataset packDataset was given, with its dataset-level keys in their original order. */
export function unpackDataset(compact: CompactDataset): Dataset {
  const { orderId, month, category, offence, harm } = compact.events;
  const events: OffendingEvent[] = new Array(month.length);
  for (let k = 0; k < month.length; k++) {
    events[k] = { orderId: orderId.values[orderId.index[k]], month: month[k], category: category.values[category.index[k]], offence: offence.values[offence.index[k]], harm: harm[k] };
  }
  return withRows(compact, unpackOrders(compact.orders), events) as unknown as Dataset;
}

/** How many arrests a compact dataset holds (without unpacking it). */
export const compactEventCount = (compact: CompactDataset): number => compact.events.month.length;
