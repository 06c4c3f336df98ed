// Table work with Arquero: from the validated events to per-order and per-month totals.
// Each function takes the dataset and the reader's choices (window, gap, categories, harm source)
// and returns new plain arrays; nothing is mutated, so a cached events table (one per harm source)
// can be shared across every recomputation on a page.

import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Dataset, HarmSource } from './types.ts';
import { NeumaierAccumulator } from './stats/neumaier.ts';

export type { HarmSource };

/** Whether month m is analysed: −W … −(K+1) before the order or K+1 … W after it. */
export function inWindow(month: number, window: number, gap = 0): boolean {
  const a = Math.abs(month);
  return a <= window && a > gap;
}

/**
 * Each event's harm, in dataset.events order: as the data give it ('data'), or the weight the
 * dataset's harm index gives its offence. analyse() checks first (resolveOptions) that the index
 * exists, has the set and lists every offence; here a gap is a programming error and throws.
 */
export function eventHarms(dataset: Dataset, weights: HarmSource = 'data'): readonly number[] {
  if (weights === 'data') return dataset.events.map((e) => e.harm);
  const index = dataset.harmIndex;
  if (!index || !index.sets.includes(weights)) throw new RangeError(`eventHarms: the dataset has no ${weights} weights`);
  const weight = new Map(index.offences.map((o) => [o.offence, o[weights]!]));
  return dataset.events.map((e) => {
    const w = weight.get(e.offence);
    if (w === undefined) throw new RangeError(`eventHarms: "${e.offence}" is not in the harm index`);
    return w;
  });
}

const eventTables = new WeakMap<Dataset, Map<HarmSource, ColumnTable>>();

/** The events as an Arquero table, built once per dataset and harm source. */
export function eventTable(dataset: Dataset, weights: HarmSource = 'data'): ColumnTable {
  let tables = eventTables.get(dataset);
  if (!tables) eventTables.set(dataset, (tables = new Map()));
  let t = tables.get(weights);
  if (!t) {
    t = aq.table({
      order_id: dataset.events.map((e) => e.orderId),
      month: dataset.events.map((e) => e.month),
      category: dataset.events.map((e) => e.category),
      harm: eventHarms(dataset, weights),
    });
    tables.set(weights, t);
  }
  return t;
}

/**
 * Events inside the window (−W … −1 and 1 … W), outside the gap (−K … −1 and 1 … K left out), in
 * the chosen categories, with harm from the chosen source.
 */
export function windowedEvents(dataset: Dataset, window: number, categories: readonly string[], { gap = 0, weights = 'data' }: { gap?: number; weights?: HarmSource } = {}): ColumnTable {
  const chosen = new Set(categories);
  return eventTable(dataset, weights)
    .filter(aq.escape((d: { month: number; category: string }) => inWindow(d.month, window, gap) && chosen.has(d.category)));
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

/** Monthly totals across all analysed orders, for months −W … −(K+1) and K+1 … W (empty months are 0). */
export interface MonthTotal {
  month: number;
  events: number;
  harm: number;
}

/** The analysed months of a window with a gap: −W … −(K+1), then K+1 … W. */
export function analysedMonths(window: number, gap = 0): number[] {
  const before = Array.from({ length: window - gap }, (_, k) => k - window);
  return [...before, ...before.map((m) => -m).reverse()];
}

export function monthlyTotals(windowed: ColumnTable, window: number, gap = 0): MonthTotal[] {
  const months = analysedMonths(window, gap);
  const side = window - gap;
  const slot = (m: number) => (m < 0 ? m + window : side + m - gap - 1);
  const events = new Array<number>(months.length).fill(0);
  const harms = Array.from({ length: months.length }, () => new NeumaierAccumulator());
  const month = windowed.array('month') as ArrayLike<number>;
  const harm = windowed.array('harm') as ArrayLike<number>;
  for (let i = 0; i < month.length; i++) {
    events[slot(month[i])]++;
    harms[slot(month[i])].add(harm[i]);
  }
  return months.map((m, k) => ({ month: m, events: events[k], harm: harms[k].value() }));
}
