// npm run bench: how long analyse() takes, on the bundled data and on seeded synthetic cohorts
// 100× and 1,000× its size (orders drawn with replacement from the bundled ones, with new ids).
// Reports the median of repeated calls, per call and per event. This is a measurement, not a
// test: nothing fails on a slow machine. The target is the bundled analysis well inside one
// 60 Hz frame (16.7 ms) and cost growing no faster than the number of events.

import { readFileSync } from 'node:fs';
import { analyse } from '../src/analysis/analyse.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { mulberry32, randomInt } from '../src/analysis/stats/random.ts';
import type { Dataset } from '../src/analysis/types.ts';

const data = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
const bundled = parseDataset({ name: 'orders.csv', text: data('orders.csv') }, { name: 'events.csv', text: data('events.csv') });

function scaled(factor: number, seed = 1): Dataset {
  const rng = mulberry32(seed);
  const analysed = bundled.orders.filter((o) => o.sample === 'analysed');
  const eventsOf = new Map(analysed.map((o) => [o.id, bundled.events.filter((e) => e.orderId === o.id)]));
  const orders: Dataset['orders'] = [];
  const events: Dataset['events'] = [];
  for (let k = 0; k < analysed.length * factor; k++) {
    const source = analysed[randomInt(rng, analysed.length)];
    const id = `S${k}`;
    orders.push({ ...source, id });
    for (const e of eventsOf.get(source.id)!) events.push({ ...e, orderId: id });
  }
  return { orders, events, span: bundled.span, categories: bundled.categories };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bench(label: string, dataset: Dataset, runs: number) {
  analyse(dataset); // warm up (and fill the bootstrap cache, as a page does on first render)
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const window = 1 + (k % dataset.span);
    const t = performance.now();
    analyse(dataset, { window: k % 2 ? window : dataset.span });
    times.push(performance.now() - t);
  }
  const ms = median(times);
  const perEvent = (ms * 1e6) / dataset.events.length;
  console.log(`${label.padEnd(20)} ${String(dataset.orders.length).padStart(7)} orders ${String(dataset.events.length).padStart(8)} events   ${ms.toFixed(2).padStart(9)} ms/call   ${perEvent.toFixed(0).padStart(6)} ns/event`);
  return ms;
}

console.log(`analyse(): median of repeated calls, every measure and category (Node ${process.version})`);
const base = bench('bundled', bundled, 200);
bench('100× cohort', scaled(100), 20);
bench('1,000× cohort', scaled(1000), 5);
console.log(`\nbundled: ${base.toFixed(2)} ms per full recomputation = ${((100 * base) / (1000 / 60)).toFixed(0)}% of a 60 Hz frame`);
