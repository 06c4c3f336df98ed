// npm run bench: how long analyse() takes, on the bundled data and on seeded synthetic cohorts
// 100× and 1,000× its size (orders drawn with replacement from the bundled ones, with new ids).
// Reports the median of repeated calls, per call and per event. This is a measurement, not a
// test: nothing fails on a slow machine. The target is the bundled analysis well inside one
// 60 Hz frame (16.7 ms) and cost growing no faster than the number of events.
//
// Then the specification curve on the bundled data (180 specifications from 45 analyse() calls),
// meant for a worker: the target is well under a second, so it appears without a wait.
//
// Then the null world (src/analysis/nullWorld.ts): 1,000 simulated cohorts of the bundled 41
// people at several selection strengths, as a slider on the robustness page asks for them.
// Target: well under 1 s per call (a slider move), ideally inside 100 ms.
//
// Last, the CLI at scale: a 1M-event cohort written to CSV and run through `npm run analyze`
// (read, validate, analyse, print JSON) in a child Node capped at --max-old-space-size=2048,
// reporting wall time and the child's peak resident memory (process.resourceUsage().maxRSS).
// Targets: ≤ 60 s and ≤ 2 GB. The bootstrap streams its resamples, so memory grows with orders,
// not with orders × 2,000 resamples.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analysis/analyse.ts';
import { specificationCurve } from '../src/analysis/specificationCurve.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { mulberry32, randomInt } from '../src/analysis/stats/random.ts';
import { nullWorld } from '../src/analysis/nullWorld.ts';
import type { Dataset } from '../src/analysis/types.ts';

const data = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
const bundled = parseDataset({ name: 'orders.csv', text: data('orders.csv') }, { name: 'events.csv', text: data('events.csv') }, { harmIndex: { name: 'harm-index.csv', text: data('harm-index.csv') } });

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

// The child: run the CLI in this process, then report its peak memory on stderr.
if (process.argv[2] === '--cli-child') {
  const { main } = await import('../src/cli/analyze.ts');
  const status = main(process.argv.slice(3));
  process.stderr.write(`\nMAXRSS ${process.resourceUsage().maxRSS * 1024}\n`);
  process.exit(status);
}

console.log(`analyse(): median of repeated calls, every measure and category (Node ${process.version})`);
const base = bench('bundled', bundled, 200);
bench('100× cohort', scaled(100), 20);
bench('1,000× cohort', scaled(1000), 5);
console.log(`\nbundled: ${base.toFixed(2)} ms per full recomputation = ${((100 * base) / (1000 / 60)).toFixed(0)}% of a 60 Hz frame`);

// ---- The specification curve --------------------------------------------------------------------
{
  const first = performance.now();
  const curve = specificationCurve(bundled);
  const cold = performance.now() - first;
  const times: number[] = [];
  for (let k = 0; k < 10; k++) {
    const t = performance.now();
    specificationCurve(bundled);
    times.push(performance.now() - t);
  }
  console.log(`\nspecification curve, bundled: ${curve.total} specifications; first call ${cold.toFixed(0)} ms, then median ${median(times).toFixed(0)} ms (target: well under 1 s)`);
}

// ---- The null world: 1,000 cohorts of 41 ----------------------------------------------------
{
  const study = analyse(bundled);
  const before = study.perOrder.map((p) => p.eventsPre);
  const options = { window: study.window, observedFall: study.events.reduction };
  nullWorld(before, { ...options, selection: 0.5 }); // warm up
  const times: number[] = [];
  for (let k = 0; k < 40; k++) {
    const selection = (k % 5) / 4; // 0, 0.25, 0.5, 0.75, 1 in turn
    const t = performance.now();
    nullWorld(before, { ...options, selection });
    times.push(performance.now() - t);
  }
  const ms = median(times);
  console.log(`\nnullWorld(): 1,000 cohorts of ${before.length} from 2,000 simulated people, median ${ms.toFixed(1)} ms/call (max ${Math.max(...times).toFixed(1)} ms); target < 1,000 ms ${ms < 1000 ? 'met' : 'MISSED'}`);
}

// ---- The CLI on 1M events -------------------------------------------------------------------
function csvOf(dataset: Dataset): { orders: string; events: string } {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const orders = ['order_id,issued,sample,duration_months,conditions', ...dataset.orders.map((o) => [o.id, o.issued, o.sample, o.durationMonths ?? '', o.conditions.join(';')].join(','))];
  const events = ['order_id,month,category,offence,harm', ...dataset.events.map((e) => [e.orderId, e.month, e.category, q(e.offence), e.harm].join(','))];
  return { orders: orders.join('\n') + '\n', events: events.join('\n') + '\n' };
}

const factor = Math.ceil(1_000_000 / bundled.events.length);
const big = scaled(factor, 2);
const dir = mkdtempSync(join(tmpdir(), 'stro-bench-'));
const files = csvOf(big);
writeFileSync(join(dir, 'orders.csv'), files.orders);
writeFileSync(join(dir, 'events.csv'), files.events);
const self = fileURLToPath(import.meta.url);
const t0 = performance.now();
const child = spawnSync(process.execPath, ['--max-old-space-size=2048', self, '--cli-child', '--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
const seconds = (performance.now() - t0) / 1000;
rmSync(dir, { recursive: true });
const rss = Number(/MAXRSS (\d+)/.exec(child.stderr)?.[1] ?? NaN);
const ok = child.status === 0 ? 'ok' : `FAILED (exit ${child.status}; ${child.stderr.trim().split('\n').slice(-3).join(' | ')})`;
console.log(`\nCLI, ${big.orders.length} orders, ${big.events.length} events (--max-old-space-size=2048): ${seconds.toFixed(1)} s, peak RSS ${(rss / 2 ** 30).toFixed(2)} GB; ${ok}`);
console.log(`targets: ≤ 60 s ${seconds <= 60 ? 'met' : 'MISSED'}; ≤ 2 GB ${rss <= 2 * 2 ** 30 ? 'met' : 'MISSED'}`);
