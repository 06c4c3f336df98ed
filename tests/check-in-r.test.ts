// "Check in R" in the browser runs the view's script in webR (src/client/webr.ts runInR) on the files
// the worker gives it (src/client/dataWorker.ts rInputs). Truth: current R itself (webR 4.6.0, run here
// in Node) and analyse() on the same files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { WebR } from 'webr';
import { analyse } from '../src/analysis/analyse.ts';
import { emitR, parseROutput } from '../src/analysis/emitR.ts';
import { eventsCsv, validateDataset } from '../src/analysis/validate.ts';
import { compareWithR } from '../src/lib/rCheck.ts';
import { runInR } from '../src/client/webr.ts';

let started: Promise<WebR> | undefined;
const r = () => (started ??= (async () => {
  const { WebR } = await import('webr');
  const w = new WebR({ interactive: false });
  await w.init();
  return w;
})());
after(async () => { if (started) (await started).close(); });

test('an error in R rejects with R\'s own message, not as numbers that all differ (a reviewer saw "269 of 269 numbers differ" and no reason)', async () => {
  await assert.rejects(runInR(await r(), 'cat("overall.events.pre\\t1\\n"); stop("orders.csv, row 1, column \\"order_id\\": is not an analysed order", call. = FALSE)', {}), {
    message: 'orders.csv, row 1, column "order_id": is not an analysed order',
  });
  await assert.rejects(runInR(await r(), 'f <- function() stop("inside"); f()', {}), { message: 'inside' });
  // Warnings are not errors: the numbers printed still come back.
  assert.equal(await runInR(await r(), 'warning("only a warning"); cat("x\\t2\\n")', {}), 'x\t2');
});

test('ids typed two ways in Unicode (decomposed in the orders, composed in the events) agree in R as they do in the engine', async () => {
  const decomposed = 'Jose\u0301';
  const composed = 'José';
  const orders = `order_id,issued,sample\n${decomposed},2019-Q1,analysed\nB,2019-Q1,analysed\nC,2019-Q2,analysed\n`;
  const events = `order_id,month,category,offence,harm\n${composed},-3,violence,Theft,2\n${composed},-1,violence,Theft,2\n${composed},4,violence,Theft,2\nB,-2,violence,Theft,2\nB,5,violence,Theft,2\nC,-7,violence,Theft,2\n`;
  const manifest = { designWindow: 24, synthetic: false, calibrated: false };
  const { dataset } = validateDataset({ orders: { name: 'orders.csv', text: orders }, events: { name: 'events.csv', text: events } }, { manifest });
  assert.ok(dataset, 'the engine joins them (ids are compared in NFC)');
  const view = { window: 24, categories: ['violence'], wilcoxon: 'current' as const, designWindow: 24 };
  const result = analyse(dataset, { window: 24, categories: ['violence'] });
  // As the worker gave them before: the orders as written. R compares ids as written and stops.
  await assert.rejects(runInR(await r(), emitR(view), { 'orders.csv': orders, 'events.csv': eventsCsv(dataset.events) }), /is not an analysed order/);
  // As the worker gives them now: the orders in NFC. Every number agrees.
  const out = await runInR(await r(), emitR(view), { 'orders.csv': orders.normalize('NFC'), 'events.csv': eventsCsv(dataset.events) });
  const comparison = compareWithR(result, parseROutput(out));
  assert.ok(comparison.rows.length > 50);
  assert.deepEqual(comparison.rows.filter((x) => !x.agree).map((x) => x.path), []);
});
