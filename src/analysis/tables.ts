// Table work with Arquero: from the validated events to per-order and per-month totals.
// Each function takes the dataset and the reader's choices and returns new plain arrays; nothing
// is mutated, so a cached events table can be shared across every recomputation on a page.

import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Dataset } from './types.ts';
import { NeumaierAccumulator } from './stats/neumaier.ts';

const eventTables = new WeakMap<Dataset, ColumnTable>();

/** The events as an Arquero table, built once per dataset. */
export function eventTable(dataset: Dataset): ColumnTable {
  let t = eventTables.get(dataset);
  if (!t) {
    t = aq.table({
      order_id: dataset.events.map((e) => e.orderId),
      month: dataset.events.map((e) => e.month),
      category: dataset.events.map((e) => e.category),
      harm: dataset.events.map((e) => e.harm),
    });
    eventTables.set(dataset, t);
  }
  return t;
}

/** Events inside the window (−W … −1 and 1 … W) in the chosen categories. */
export function windowedEvents(dataset: Dataset, window: number, categories: readonly string[]): ColumnTable {
  const chosen = new Set(categories);
  return eventTable(dataset)
    .filter(aq.escape((d: { month: number; category: string }) => Math.abs(d.month) <= window && chosen.has(d.category)));
}

/** Per order and period, events and total harm: one array slot per analysed order. */
export interface PeriodTotals {
  eventsPre: number[];
  eventsPost: number[];
  harmPre: number[];
  harmPost: number[];
}

/**
 * Totals per analysed order for each category and for the categories together. Orders with no
 * event in the window keep their zeros: they are part of the sample, and of the paired tests.
 * Every total is summed straight from the person's events with compensated summation
 * (stats/neumaier.ts), never from partial sums, so that totals which tie in R tie here too.
 */
export function perOrderTotals(
  dataset: Dataset,
  windowed: ColumnTable,
  categories: readonly string[],
): { ids: string[]; overall: PeriodTotals; byCategory: Record<string, PeriodTotals> } {
  const ids = dataset.orders.filter((o) => o.sample === 'analysed').map((o) => o.id);
  const position = new Map(ids.map((id, k) => [id, k]));
  const slots = (): Slots => ({
    eventsPre: new Array<number>(ids.length).fill(0),
    eventsPost: new Array<number>(ids.length).fill(0),
    harmPre: ids.map(() => new NeumaierAccumulator()),
    harmPost: ids.map(() => new NeumaierAccumulator()),
  });
  const overall = slots();
  const byCategory = new Map(categories.map((c) => [c, slots()]));

  const order = windowed.array('order_id') as ArrayLike<string>;
  const category = windowed.array('category') as ArrayLike<string>;
  const month = windowed.array('month') as ArrayLike<number>;
  const harm = windowed.array('harm') as ArrayLike<number>;
  for (let i = 0; i < order.length; i++) {
    const k = position.get(order[i])!;
    for (const t of [overall, byCategory.get(category[i])!]) {
      if (month[i] < 0) { t.eventsPre[k]++; t.harmPre[k].add(harm[i]); }
      else { t.eventsPost[k]++; t.harmPost[k].add(harm[i]); }
    }
  }
  const done = (t: Slots): PeriodTotals => ({
    eventsPre: t.eventsPre,
    eventsPost: t.eventsPost,
    harmPre: t.harmPre.map((a) => a.value()),
    harmPost: t.harmPost.map((a) => a.value()),
  });
  return { ids, overall: done(overall), byCategory: Object.fromEntries(categories.map((c) => [c, done(byCategory.get(c)!)])) };
}

interface Slots { eventsPre: number[]; eventsPost: number[]; harmPre: NeumaierAccumulator[]; harmPost: NeumaierAccumulator[] }

/** Monthly totals across all analysed orders, for months −W … −1 and 1 … W (empty months are 0). */
export interface MonthTotal {
  month: number;
  events: number;
  harm: number;
}

export function monthlyTotals(windowed: ColumnTable, window: number): MonthTotal[] {
  const slot = (m: number) => (m < 0 ? m + window : m + window - 1);
  const events = new Array<number>(2 * window).fill(0);
  const harms = Array.from({ length: 2 * window }, () => new NeumaierAccumulator());
  const month = windowed.array('month') as ArrayLike<number>;
  const harm = windowed.array('harm') as ArrayLike<number>;
  for (let i = 0; i < month.length; i++) {
    events[slot(month[i])]++;
    harms[slot(month[i])].add(harm[i]);
  }
  return events.map((e, k) => ({ month: k < window ? k - window : k - window + 1, events: e, harm: harms[k].value() }));
}
