// Small helpers for the browser tests: the engine's expected numbers for a view, waiting for the
// page to finish recomputing, and a reader's own files uploaded with the CLI's answer on them.
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse, type AnalysisResult } from '../../src/analysis/analyse.ts';
import { formatPercent, formatNumber } from '../../src/lib/format.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { headline } from '../../src/lib/wording.ts';
import { bundled } from '../helpers/bundled.ts';

export { bundled };
export const domain = { span: bundled.span, categories: bundled.categories };
export const expected = (state: Partial<ViewState> = {}): AnalysisResult => analyse(bundled, state);

/** Resolves once the page shows the view with this query ('' = default). */
export async function waitForView(page: Page, state: ViewState): Promise<void> {
  const query = serialiseState(state, domain);
  await expect(page.locator('html')).toHaveAttribute('data-view', query || 'default');
  // The address follows in the task after the view's frame (src/client/afterFrame.ts).
  await expect.poll(() => page.evaluate(() => location.search)).toBe(query);
}

/** The headline numbers on the page equal the engine's for this view. */
export async function expectHeadline(page: Page, r: AnalysisResult): Promise<void> {
  for (const el of await page.locator('[data-live="events.pre"]').all()) await expect(el).toHaveText(formatNumber(r.events.pre));
  for (const el of await page.locator('[data-live="events.post"]').all()) await expect(el).toHaveText(formatNumber(r.events.post));
  const sentences = page.locator('[data-say="headline"]');
  expect(await page.locator('[data-live="events.pre"], [data-say="headline"]').count()).toBeGreaterThan(0);
  for (const el of await sentences.all()) await expect(el).toHaveText(headline(r));
  if (r.events.reduction !== null && (await sentences.count()) > 0) {
    await expect(sentences.first()).toContainText(`${formatPercent(Math.abs(r.events.reduction))} ${r.events.reduction >= 0 ? 'fall' : 'rise'}`);
  }
}

/** Collects console errors and page errors for the life of the page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * A reader's two files in a new temporary folder (orders.csv, events.csv), and the CLI's answer on
 * them (`npm run analyze -- --orders … --events … --design-window W --json`, plus any extra options):
 * the truth the page's numbers on those files are held to.
 */
export function ownFiles(ordersCsv: string, eventsCsv: string, designWindow: number): { dir: string; orders: string; events: string; cli: (...extra: string[]) => any } {
  const dir = mkdtempSync(join(tmpdir(), 'stro-own-'));
  const orders = join(dir, 'orders.csv');
  const events = join(dir, 'events.csv');
  writeFileSync(orders, ordersCsv);
  writeFileSync(events, eventsCsv);
  const cli = (...extra: string[]) => JSON.parse(execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', orders, '--events', events, '--design-window', String(designWindow), '--json', ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  return { dir, orders, events, cli };
}

/** Upload them as a reader does on "Use your own data", and wait until the page says they are loaded. */
export async function uploadOwn(page: Page, files: { orders: string; events: string }, designWindow: number): Promise<void> {
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(files.orders);
  await page.getByLabel(/events/i).setInputFiles(files.events);
  await page.getByLabel(/design window/i).fill(String(designWindow));
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 60_000 });
  // The page switches first; the button is back once what the worker found is kept beside the files.
  await expect(page.getByRole('button', { name: 'Analyse these files' })).toBeEnabled({ timeout: 60_000 });
}

/** Record every message the page sends to its workers, by type (set before any script of the page runs); read with workerMessages(). */
export async function recordWorkerMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sent: string[] = ((window as unknown as { __sent: string[] }).__sent = []);
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      sent.push(String((message as { type?: string })?.type));
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    };
  });
}
/**
 * Follow the warm-up worker (src/client/engine.ts warm()): the views the page last asked it for that
 * it has not yet answered (set before any script of the page runs); wait with warmedUp().
 */
export async function followWarmUp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __warm: { asked: number; outstanding: Set<string> } };
    const state = (w.__warm = { asked: 0, outstanding: new Set<string>() });
    const followed = new WeakSet<Worker>();
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const warm = (message as { warm?: { key: string }[] } | null)?.warm;
      if (warm) {
        if (!followed.has(this)) {
          followed.add(this);
          this.addEventListener('message', (e: MessageEvent<{ key?: string; result?: unknown; failed?: unknown }>) => {
            if (e.data?.key !== undefined && ('result' in e.data || 'failed' in e.data)) state.outstanding.delete(e.data.key);
          });
        }
        state.asked++;
        state.outstanding = new Set(warm.map((v) => v.key)); // a newer list replaces the rest of the last
      }
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    };
  });
}
/** Until the page has asked its warm-up worker for views at least once and has every answer (its engine has loaded, and no view is being analysed in the background). */
export const warmedUp = (page: Page) => page.waitForFunction(() => {
  const w = (window as unknown as { __warm: { asked: number; outstanding: Set<string> } }).__warm;
  return w.asked > 0 && w.outstanding.size === 0;
}, undefined, { timeout: 30_000 });
/** The types of the messages the page has sent to its workers since recordWorkerMessages(). */
export const workerMessages = (page: Page) => page.evaluate(() => (window as unknown as { __sent: string[] }).__sent);

/**
 * The problems table on "Use your own data", cell by cell, as a screen reader reads each cell: the
 * value without the column's name that a phone shows before it (aria-hidden).
 */
export const problemCells = (page: Page): Promise<string[][]> =>
  page.locator('[data-own-problems] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => [...td.childNodes].filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true')).map((n) => n.textContent).join(''))));

/** The page's main content without the elements `selector` matches, as HTML: to check that a panel's failure changed nothing else. */
export const mainWithout = (page: Page, selector: string): Promise<string> => page.evaluate((selector) => {
  const clone = document.querySelector('main')!.cloneNode(true) as HTMLElement;
  clone.querySelectorAll(selector).forEach((el) => el.remove());
  return clone.innerHTML;
}, selector);
