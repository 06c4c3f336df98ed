// A made-up cohort in the templates' format (dates, not months), for tests of a reader's own data:
// different in size, categories and design window from the study, so that nothing can pass by
// showing the study's numbers. Dates are placed by plain arithmetic on calendar months, not by the
// engine's own addMonths: orders are made on the 10th, an arrest in month k > 0 falls between the
// 11th and the 28th of the (k − 1)th month after the order's month, and one in month −k on such a
// day of the kth month before it, which the codebook's rule puts in month k and −k.
import { mulberry32, randomInt } from '../../src/analysis/stats/random.ts';

export interface Cohort {
  ordersCsv: string;
  eventsCsv: string;
  /** The month each event row was placed in (for checks that do not go through the engine). */
  months: number[];
  designWindow: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
function shift(year: number, month: number, by: number): { year: number; month: number } {
  const m = year * 12 + (month - 1) + by;
  return { year: Math.floor(m / 12), month: (m % 12) + 1 };
}

export function makeCohort(options: {
  seed?: number;
  orders?: number;
  designWindow?: number;
  categories?: { code: string; offence: string; harm: number }[];
  /** Each analysed order has 0 … maxBefore arrests before and 0 … maxAfter after, uniformly (defaults 6 and 3). */
  maxBefore?: number;
  maxAfter?: number;
} = {}): Cohort {
  const rng = mulberry32(options.seed ?? 7);
  const n = options.orders ?? 60;
  const W = options.designWindow ?? 12;
  const cats = options.categories ?? [
    { code: 'fraud', offence: 'Fraud by false representation', harm: 20 },
    { code: 'violence', offence: 'Common assault', harm: 2 },
    { code: 'exploitation', offence: 'Controlling prostitution for gain', harm: 120 },
  ];
  const orders = ['order_id,issued,issued_date,sample,duration_months,conditions'];
  const events = ['order_id,date,category,offence,harm'];
  const months: number[] = [];
  for (let k = 0; k < n; k++) {
    const id = `F-${String(k + 1).padStart(4, '0')}`;
    const year = 2018 + randomInt(rng, 3);
    const month = 1 + randomInt(rng, 12);
    const quarter = Math.ceil(month / 3);
    const sample = k % 10 === 9 ? 'excluded_data' : 'analysed';
    orders.push(`${id},${year}-Q${quarter},${year}-${pad(month)}-10,${sample},${k % 3 === 0 ? '' : 24},`);
    if (sample !== 'analysed') continue;
    // More arrests before than after, on average, as in the study, with plenty of noise.
    const before = randomInt(rng, (options.maxBefore ?? 6) + 1);
    const after = randomInt(rng, (options.maxAfter ?? 3) + 1);
    const add = (m: number) => {
      const c = cats[randomInt(rng, cats.length)];
      const day = 11 + randomInt(rng, 18); // the 11th to the 28th: after the order's 10th, before the next 10th
      const at = m > 0 ? { ...shift(year, month, m - 1), day } : { ...shift(year, month, m), day };
      events.push(`${id},${at.year}-${pad(at.month)}-${pad(at.day)},${c.code},${c.offence},${c.harm}`);
      months.push(m);
    };
    for (let j = 0; j < before; j++) add(-(1 + randomInt(rng, W)));
    for (let j = 0; j < after; j++) add(1 + randomInt(rng, W));
  }
  return { ordersCsv: orders.join('\n') + '\n', eventsCsv: events.join('\n') + '\n', months, designWindow: W };
}
