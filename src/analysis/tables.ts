// Table work with Arquero: from the validated events to per-order and per-month totals.
// Each function takes the dataset and the reader's choices and returns new plain arrays; nothing
// is mutated, so a cached events table can be shared across every recomputation on a page.

import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Dataset } from './types.ts';

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

/** Events inside the window (−W … −1 and 1 … W) in the chosen categories, with their period. */
export function windowedEvents(dataset: Dataset, window: number, categories: readonly string[]): ColumnTable {
  const chosen = new Set(categories);
  return eventTable(dataset)
    .filter(aq.escape((d: { month: number; category: string }) => Math.abs(d.month) <= window && chosen.has(d.category)))
    .derive({ period: aq.escape((d: { month: number }) => (d.month < 0 ? 'pre' : 'post')) });
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
 */
export function perOrderTotals(
  dataset: Dataset,
  windowed: ColumnTable,
  categories: readonly string[],
): { ids: string[]; overall: PeriodTotals; byCategory: Record<string, PeriodTotals> } {
  const ids = dataset.orders.filter((o) => o.sample === 'analysed').map((o) => o.id);
  const position = new Map(ids.map((id, k) => [id, k]));
  const zeros = (): PeriodTotals => ({
    eventsPre: ids.map(() => 0),
    eventsPost: ids.map(() => 0),
    harmPre: ids.map(() => 0),
    harmPost: ids.map(() => 0),
  });
  const overall = zeros();
  const byCategory: Record<string, PeriodTotals> = Object.fromEntries(categories.map((c) => [c, zeros()]));

  const grouped = windowed
    .groupby('order_id', 'category', 'period')
    .rollup({ events: aq.op.count(), harm: aq.op.sum('harm') });
  for (const g of grouped.objects() as { order_id: string; category: string; period: string; events: number; harm: number }[]) {
    const k = position.get(g.order_id)!;
    const pre = g.period === 'pre';
    for (const totals of [overall, byCategory[g.category]]) {
      if (pre) { totals.eventsPre[k] += g.events; totals.harmPre[k] += g.harm; }
      else { totals.eventsPost[k] += g.events; totals.harmPost[k] += g.harm; }
    }
  }
  return { ids, overall, byCategory };
}

/** Monthly totals across all analysed orders, for months −W … −1 and 1 … W (empty months are 0). */
export interface MonthTotal {
  month: number;
  events: number;
  harm: number;
}

export function monthlyTotals(windowed: ColumnTable, window: number): MonthTotal[] {
  const months: MonthTotal[] = [];
  for (let m = -window; m <= window; m++) if (m !== 0) months.push({ month: m, events: 0, harm: 0 });
  const slot = (m: number) => (m < 0 ? m + window : m + window - 1);
  const grouped = windowed.groupby('month').rollup({ events: aq.op.count(), harm: aq.op.sum('harm') });
  for (const g of grouped.objects() as MonthTotal[]) {
    const t = months[slot(g.month)];
    t.events = g.events;
    t.harm = g.harm;
  }
  return months;
}
