// A page opened at ?data=local shows the reader's numbers from what the worker found when their
// files were analysed (src/client/ownCache.ts), kept beside the files, instead of checking and
// analysing them again. What it shows must be exactly the command-line tool's result for those
// files, in every number; the worker must still answer other views from the kept dataset; and a
// kept result must never be shown for files, choices or an engine it was not made for.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/analysis/analyse.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { headline } from '../../src/lib/wording.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { collectErrors, recordWorkerMessages, workerMessages as sent } from './helpers.ts';

test.describe.configure({ timeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'stro-own-cache-'));
const cohort = makeCohort({ seed: 31, orders: 72, designWindow: 12 });
const ordersPath = join(dir, 'orders.csv');
const eventsPath = join(dir, 'events.csv');
writeFileSync(ordersPath, cohort.ordersCsv);
writeFileSync(eventsPath, cohort.eventsCsv);
/** The same events without their last five arrests: what a changed file in the tab holds. */
const fewerEvents = cohort.eventsCsv.trimEnd().split('\n').slice(0, -5).join('\n') + '\n';
const fewerPath = join(dir, 'events-fewer.csv');
writeFileSync(fewerPath, fewerEvents);

/** The command-line tool on files: its JSON text, and that text parsed. */
function cli(events: string, designWindow: number, ...view: string[]): { text: string; result: AnalysisResult } {
  const text = execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', ordersPath, '--events', events, '--design-window', String(designWindow), ...view, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  return { text, result: JSON.parse(text) as AnalysisResult };
}
const full = cli(eventsPath, 12);


async function upload(page: Page, events = eventsPath): Promise<void> {
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(ordersPath);
  await page.getByLabel(/events/i).setInputFiles(events);
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 60_000 });
  // The page switches first; the button is back once what the worker found is kept beside the files.
  await expect(page.getByRole('button', { name: 'Analyse these files' })).toBeEnabled({ timeout: 60_000 });
}

async function open(page: Page, path: string, view = '?data=local'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-view', view, { timeout: 60_000 });
}

/** Until the page has asked its worker whether a verdict turns on the version of R (after the frame that shows the view). */
const askedRuleFlips = (page: Page) => page.waitForFunction(() => (window as unknown as { __sent: string[] }).__sent.includes('ruleFlips'), undefined, { timeout: 30_000 });

/** The full results the page offers for download (written from the result it shows): its JSON, without the two keys that describe the download. */
async function downloadedResult(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Full results (JSON)' }).click()]);
  const { data, view, ...result } = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
  expect(data).toMatchObject({ kind: 'local' });
  expect(view).toBeTruthy();
  return JSON.stringify(result);
}

/**
 * The keys in this origin's IndexedDB store of the reader's files; none if there is no database
 * (none is made here, and the connection is closed, so that it never holds up the page deleting it).
 */
const storedKeys = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve, reject) => {
  const req = indexedDB.open('stro-own-data', 1);
  req.onupgradeneeded = () => req.transaction!.abort();
  req.onsuccess = () => {
    const keys = req.result.transaction('files').objectStore('files').getAllKeys();
    keys.onsuccess = () => {
      req.result.close();
      resolve(keys.result.map(String));
    };
    keys.onerror = () => reject(keys.error);
  };
  req.onerror = () => (req.error?.name === 'AbortError' ? resolve([]) : reject(req.error));
}));

/** The names of this origin's IndexedDB databases. */
const databases = (page: Page) => page.evaluate(() => indexedDB.databases().then((all) => all.map((d) => d.name)));

/** Files too large for sessionStorage (about 2.3 million characters, over the 2 million that go there), written once. */
let big: { orders: string; events: string } | undefined;
function bigFiles(): { orders: string; events: string } {
  if (big) return big;
  const cohort = makeCohort({ seed: 77, orders: 9_000, designWindow: 12 });
  expect(cohort.ordersCsv.length + cohort.eventsCsv.length).toBeGreaterThan(2_000_000);
  big = { orders: join(dir, 'big-orders.csv'), events: join(dir, 'big-events.csv') };
  writeFileSync(big.orders, cohort.ordersCsv);
  writeFileSync(big.events, cohort.eventsCsv);
  return big;
}

/** The stored files' record in this tab (sessionStorage), with some of its parts replaced; the kept cache beside it is left as it was. */
async function changeStoredFiles(page: Page, change: Record<string, unknown>): Promise<void> {
  await page.evaluate((change) => {
    const stored = JSON.parse(sessionStorage.getItem('stro-own-data')!) as { texts: Record<string, unknown> };
    Object.assign(stored.texts, change);
    sessionStorage.setItem('stro-own-data', JSON.stringify(stored));
  }, change);
}

test('pages at ?data=local show the kept result, which is the command-line tool\'s to the last digit, and nothing is checked again', async ({ page }) => {
  const errors = collectErrors(page);
  await recordWorkerMessages(page);
  await upload(page);
  expect(await page.evaluate(() => sessionStorage.getItem('stro-own-data-cache') !== null)).toBe(true);

  // Data and methods: the full results it offers are the CLI's JSON, text for text (so every number, bit for bit).
  await open(page, 'data/?data=local');
  expect(await sent(page)).toContain('restore');
  expect(await sent(page)).not.toContain('load');
  expect(await downloadedResult(page)).toBe(full.text);

  // The Overview: the arrest-by-arrest figure needs the arrests on the page (small data), and has them from the kept dataset.
  await open(page, '?data=local');
  expect(await sent(page)).not.toContain('load');
  const units = page.locator('[data-figure="eventUnits"]');
  await units.scrollIntoViewIfNeeded();
  await expect(units.locator('.units-note')).toHaveCount(0);
  // one square (a closed subpath of the squares' paths) per arrest
  await expect.poll(() => units.locator('.plot.units').evaluate((plot) => [...[...plot.querySelectorAll<SVGGElement>('g[data-mark="rect"]')].find((g) => g.checkVisibility())?.querySelectorAll('path') ?? []].reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0)))
    .toBe(full.result.events.pre + full.result.events.post);

  // The Results page, and a reload of it: the same, from the cache again.
  await open(page, 'results/?data=local');
  expect(await sent(page)).toEqual(expect.arrayContaining(['restore']));
  expect(await sent(page)).not.toContain('load');
  for (const el of await page.locator('[data-live="events.pre"]').all()) await expect(el).toHaveText(formatNumber(full.result.events.pre));
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(full.result));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  expect(await sent(page)).not.toContain('load');

  // Another view: analysed by the worker from the kept dataset, and the CLI's for that view.
  const categories = full.result.domain.categories.filter((c) => c !== 'fraud');
  await page.locator('#controls input[value="fraud"]').uncheck();
  await expect(page.locator('html')).toHaveAttribute('data-view', `?data=local&c=${categories.join(',')}`);
  expect(await sent(page)).toContain('compute');
  const fewer = cli(eventsPath, 12, '--categories', categories.join(',')).result;
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(fewer));
  for (const el of await page.locator('[data-live="events.pre"]').all()) await expect(el).toHaveText(formatNumber(fewer.events.pre));
  expect(errors).toEqual([]);
});

test('a changed file in the tab is checked and analysed again: its numbers, never the kept ones; then kept for the next page', async ({ page }) => {
  await recordWorkerMessages(page);
  await upload(page);
  await changeStoredFiles(page, { events: { name: 'events.csv', text: fewerEvents } });
  const changed = cli(fewerPath, 12);
  expect(changed.result.events.pre + changed.result.events.post).not.toBe(full.result.events.pre + full.result.events.post);
  await open(page, 'data/?data=local');
  expect(await sent(page)).toContain('load');
  expect(await sent(page)).not.toContain('restore');
  expect(await downloadedResult(page)).toBe(changed.text);
  // What was found is kept under the changed files' key (when the page is idle), and the next page uses it.
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('stro-own-data-cache')?.length ?? 0), { timeout: 20_000 }).not.toBe(0);
  await expect.poll(async () => { await open(page, 'data/?data=local'); return sent(page); }, { timeout: 30_000 }).toContain('restore');
  expect(await sent(page)).not.toContain('load');
  expect(await downloadedResult(page)).toBe(changed.text);
});

test('a changed choice (the design window) or another engine\'s cache is never reused', async ({ page }) => {
  await recordWorkerMessages(page);
  await upload(page);
  // The same files with a 13-month design window: analysed again, for 13 months.
  await changeStoredFiles(page, { designWindow: 13 });
  const thirteen = cli(eventsPath, 13);
  await open(page, 'data/?data=local');
  expect(await sent(page)).toContain('load');
  expect(await downloadedResult(page)).toBe(thirteen.text);
  await expect(page.locator('#window')).toHaveAttribute('max', '13');

  // A cache whose key is not these files' (as one made by another version of the report would be): not used.
  await upload(page);
  await page.evaluate(() => {
    const text = sessionStorage.getItem('stro-own-data-cache')!;
    const cache = JSON.parse(text) as { key: string };
    cache.key = cache.key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    sessionStorage.setItem('stro-own-data-cache', JSON.stringify(cache));
  });
  await open(page, 'results/?data=local');
  expect(await sent(page)).toContain('load');
  expect(await sent(page)).not.toContain('restore');
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(full.result));
});

test('remembered on this device, the cache goes with the files to a new tab; Forget removes both', async ({ page, context }) => {
  await upload(page);
  await page.getByRole('checkbox', { name: /Remember them on this device/ }).check();
  await expect(page.locator('[data-own-status]')).toContainText('Your data will be kept on this device');
  // A new tab of the same browser: no sessionStorage of its own, the remembered copy instead.
  const second = await context.newPage();
  await recordWorkerMessages(second);
  await open(second, 'data/?data=local');
  expect(await sent(second)).toContain('restore');
  expect(await sent(second)).not.toContain('load');
  expect(await downloadedResult(second)).toBe(full.text);
  // One page on, so that Back after Forget returns to a page of the reader's data (Forget reloads
  // the page it is on in place: the same address replaces its history entry).
  await open(second, 'results/?data=local');

  await second.getByRole('button', { name: /Forget my data/ }).click();
  // The page says so, shows the study's data, and its address no longer asks for the reader's.
  await expect(second.locator('#view-notice')).toContainText('Your data were removed from this browser by Forget');
  await expect(second.locator('html')).toHaveAttribute('data-source', 'study');
  expect(new URL(second.url()).pathname).toMatch(/\/results\/$/);
  expect(new URL(second.url()).search).toBe('');
  expect(await second.evaluate(() => [sessionStorage.getItem('stro-own-data'), sessionStorage.getItem('stro-own-data-cache')])).toEqual([null, null]);
  // Nothing is left on the device, not even a time of use: with no tab holding a copy, the database itself is gone.
  await expect.poll(() => databases(second)).not.toContain('stro-own-data');
  // Back to the page shown before Forget (its address asks for the reader's data): it says they were removed, not that they are elsewhere.
  await second.goBack();
  expect(new URL(second.url()).pathname).toMatch(/\/data\/$/);
  await expect(second.locator('#view-notice')).toContainText('Your data were removed from this browser by Forget');
  await expect(second.locator('#view-notice')).not.toContainText('another tab');
  await expect(second.locator('html')).toHaveAttribute('data-source', 'study');
  // Looking for the data made no database again.
  expect(await databases(second)).not.toContain('stro-own-data');
  await second.close();
});

test('Forget in one tab forgets the copies other tabs hold, and those tabs turn to the study\'s data', async ({ page, context }) => {
  await upload(page);
  await page.getByRole('checkbox', { name: /Remember them on this device/ }).check();
  await expect(page.locator('[data-own-status]')).toContainText('Your data will be kept on this device');
  // A second tab showing the data (it holds a copy of its own from the remembered one), and a third on the study's data.
  const second = await context.newPage();
  await open(second, 'results/?data=local');
  await expect(second.locator('html')).toHaveAttribute('data-source', 'local');
  const third = await context.newPage();
  await third.goto('trends/');
  await page.goto('data/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');

  await second.getByRole('button', { name: /Forget my data/ }).click();
  // The first tab (which got its files by upload, in its own sessionStorage) forgets them and shows the study's data.
  await expect(page).toHaveURL(/\/data\/$/);
  await expect(page.locator('html')).not.toHaveAttribute('data-source', /local|loading/);
  await expect(page.getByText('Synthetic data.', { exact: false }).first()).toBeVisible();
  for (const tab of [page, second, third]) {
    expect(await tab.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('stro-own-data')))).toEqual([]);
  }
  await expect.poll(() => second.evaluate(() => indexedDB.databases().then((all) => all.map((d) => d.name)))).not.toContain('stro-own-data');
  // Reloaded, the first tab has nothing to show again.
  await page.goto('results/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-source', 'study');
  await second.close();
  await third.close();
});

test('remembered on this device, a new upload replaces the remembered copy: a new tab opens the new files, never the old', async ({ page, context }) => {
  await upload(page);
  await page.getByRole('checkbox', { name: /Remember them on this device/ }).check();
  await expect(page.locator('[data-own-status]')).toContainText('Your data will be kept on this device');
  // The reader uploads other files (five arrests fewer), with the box still ticked.
  await upload(page, fewerPath);
  await expect(page.locator('[data-own-status]')).toContainText('The copy kept on this device is now these files');
  await expect(page.getByRole('checkbox', { name: /Remember them on this device/ })).toBeChecked();
  const changed = cli(fewerPath, 12);
  const second = await context.newPage();
  await open(second, 'data/?data=local');
  expect(await downloadedResult(second)).toBe(changed.text);
  await second.close();
});

test('if the worker cannot start, the kept numbers stay and the page says what does not work, in words', async ({ page }) => {
  await upload(page);
  // The worker's code blocked (an extension, a network policy): the page still has the kept result.
  await page.route(/dataWorker-[^/]*\.js$/, (route) => route.abort());
  await open(page, 'results/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(full.result));
  await expect(page.locator('#local-status')).toContainText('could not take them');
  await expect(page.locator('#local-status')).toContainText('will not work until the page is reloaded');
  // Another view cannot be analysed: said so, and the page, the controls and the address stay on the view shown.
  await page.locator('#controls input[value="fraud"]').click(); // (put back at once, so not uncheck(), which expects the change to stay)
  await expect(page.locator('#view-alert')).toContainText('could not be applied');
  await expect(page.locator('#controls input[value="fraud"]')).toBeChecked();
  expect(new URL(page.url()).search).toBe('?data=local');
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(full.result));
});

test('files too large for sessionStorage stay with the worker: it stores them, the next page\'s worker opens them from their cache, and the numbers are the CLI\'s', async ({ page, context }) => {
  test.setTimeout(240_000);
  // About 2.3 million characters: over the 2 million that go to sessionStorage.
  const big = makeCohort({ seed: 77, orders: 9_000, designWindow: 12 });
  expect(big.ordersCsv.length + big.eventsCsv.length).toBeGreaterThan(2_000_000);
  const bigOrders = join(dir, 'big-orders.csv');
  const bigEvents = join(dir, 'big-events.csv');
  writeFileSync(bigOrders, big.ordersCsv);
  writeFileSync(bigEvents, big.eventsCsv);
  const truth = execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', bigOrders, '--events', bigEvents, '--design-window', '12', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 }).trimEnd();
  const truthResult = JSON.parse(truth) as AnalysisResult;

  await recordWorkerMessages(page);
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(bigOrders);
  await page.getByLabel(/events/i).setInputFiles(bigEvents);
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Analyse these files' })).toBeEnabled({ timeout: 60_000 });
  // In IndexedDB, put there by the worker: the files and their cache; the tab holds only the key.
  const ref = await page.evaluate(() => [sessionStorage.getItem('stro-own-data'), sessionStorage.getItem('stro-own-data-idb')]);
  expect(ref[0]).toBeNull();
  expect(ref[1]).toMatch(/^tab-/);
  expect(await storedKeys(page)).toEqual(expect.arrayContaining([ref[1], `cache:${ref[1]}`]));
  await page.getByRole('checkbox', { name: /Remember them on this device/ }).check();
  await expect(page.locator('[data-own-status]')).toContainText('Your data will be kept on this device');
  expect(await sent(page)).toContain('remember'); // copied by the worker, not read onto the page

  // Another page: its worker opens the copy and restores it from the cache; the page never asks for the files.
  // (and, as on Results, whether a verdict under its table of claims turns on the version of R, asked after the frame)
  await open(page, 'data/?data=local');
  await askedRuleFlips(page);
  expect((await sent(page)).sort()).toEqual(['open', 'ruleFlips']);
  expect(await downloadedResult(page)).toBe(truth);

  // A cache that is not these files' (another engine's): the worker checks and analyses the files
  // again, shows their numbers, and keeps the new cache beside them, so the page after needs nothing more.
  await page.evaluate((key) => new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('stro-own-data', 1);
    req.onsuccess = () => {
      const store = req.result.transaction('files', 'readwrite').objectStore('files');
      const get = store.get(key);
      get.onsuccess = () => {
        const put = store.put({ ...get.result, key: `0${get.result.key.slice(1)}` === get.result.key ? `1${get.result.key.slice(1)}` : `0${get.result.key.slice(1)}` }, key);
        put.onsuccess = () => resolve();
        put.onerror = () => reject(put.error);
      };
    };
    req.onerror = () => reject(req.error);
  }), `cache:${ref[1]}`);
  await open(page, 'results/?data=local');
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(truthResult));
  // Nothing is analysed again: the worker opens the files and keeps the new cache, and Results asks
  // whether a verdict turns on the version of R (from the result it has, not a new analysis).
  await expect.poll(async () => (await sent(page)).sort(), { timeout: 60_000 }).toEqual(['keep', 'open', 'ruleFlips']);
  await expect.poll(async () => { await open(page, 'data/?data=local'); await askedRuleFlips(page); return (await sent(page)).sort(); }, { timeout: 60_000 }).toEqual(['open', 'ruleFlips']);
  expect(await downloadedResult(page)).toBe(truth);

  // Remembered on this device (ticked after the upload), then a new tab: its worker makes the
  // remembered copy the tab's own (cache and all), and the page again asks only to open it.
  const second = await context.newPage();
  await recordWorkerMessages(second);
  await open(second, 'data/?data=local');
  await askedRuleFlips(second);
  expect((await sent(second)).sort()).toEqual(['open', 'ruleFlips']);
  expect(await downloadedResult(second)).toBe(truth);
  const secondRef = await second.evaluate(() => [sessionStorage.getItem('stro-own-data'), sessionStorage.getItem('stro-own-data-idb')]);
  expect(secondRef[0]).toBeNull();
  expect(secondRef[1]).toMatch(/^tab-/);
  expect(secondRef[1]).not.toBe(ref[1]);
  expect(await storedKeys(second)).toEqual(expect.arrayContaining([secondRef[1], `cache:${secondRef[1]}`, 'remembered', 'cache:remembered']));
  await second.close();

  await page.getByRole('button', { name: /Forget my data/ }).click();
  await expect(page.locator('#view-notice')).toContainText('Your data were removed from this browser by Forget');
  // This tab's copy, the remembered one, and the copy the closed tab left: all gone, and the database with them.
  await expect.poll(() => databases(page)).not.toContain('stro-own-data');
  expect(await storedKeys(page)).toEqual([]);
});

test('large files: the success box says they stay in this browser until Forget or 12 hours unused; a tab opened after theirs closed offers to delete them, and never an open tab\'s copy', async ({ context }) => {
  test.setTimeout(240_000);
  const files = bigFiles();
  const first = await context.newPage();
  await first.goto('own-data/');
  const firstNotice = first.locator('[data-own-kept]');
  await expect(firstNotice).toHaveAttribute('data-checked', '');
  await expect(firstNotice).toBeHidden(); // nothing kept yet,
  expect(await databases(first)).not.toContain('stro-own-data'); // and looking made no database
  await first.getByLabel(/orders/i).setInputFiles(files.orders);
  await first.getByLabel(/events/i).setInputFiles(files.events);
  await first.getByLabel(/design window/i).fill('12');
  await first.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(first.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 120_000 });
  await expect(first.getByRole('button', { name: 'Analyse these files' })).toBeEnabled({ timeout: 60_000 });
  const ref = await first.evaluate(() => sessionStorage.getItem('stro-own-data-idb'));
  expect(ref).toMatch(/^tab-/);
  // What the box says is what happens to large files: not "closing the tab forgets them".
  const where = first.locator('[data-own-kept-where]');
  await expect(where).toContainText("too large for this tab's own storage");
  await expect(where).toContainText('closing the tab does not delete them');
  await expect(where).toContainText('“Forget my data” deletes them');
  await expect(where).toContainText('no tab has used them for 12 hours');
  await expect(where).not.toContainText('closing the tab forgets them');
  await expect(first.locator('[data-own-success]')).toContainText('with any columns the report does not read');
  await expect(firstNotice).toBeHidden(); // this tab's own copy is not one left behind

  // While the first tab is open, its copy is in use: another tab names nothing left behind.
  const second = await context.newPage();
  await second.goto('own-data/');
  await expect(second.locator('[data-own-kept]')).toHaveAttribute('data-checked', '');
  await expect(second.locator('[data-own-kept]')).toBeHidden();
  await second.goto('results/?data=local');
  await expect(second.locator('#view-notice')).toContainText('not in this tab');
  await expect(second.locator('#view-notice')).not.toContainText('earlier visit');
  await second.close();

  // The first tab closes: its copy stays (closing a tab does not delete it), and a tab opened later says so.
  await first.close();
  const third = await context.newPage();
  await third.goto('results/?data=local');
  await expect(third.locator('#view-notice')).toContainText('Files from an earlier visit are still kept in this browser');
  await expect(third.locator('html')).toHaveAttribute('data-source', 'study');
  await third.goto('own-data/');
  const notice = third.locator('[data-own-kept]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Files from an earlier visit are still kept in this browser');
  await expect(notice.locator('[data-own-kept-text]')).not.toContainText('remember'); // not the remembered copy: there is none (the hidden buttons' names aside)
  await expect(third.getByRole('button', { name: 'Forget the remembered files' })).toBeHidden();
  expect(await storedKeys(third)).toContain(ref);
  await third.getByRole('button', { name: 'Forget files left from an earlier visit' }).click();
  await expect(notice).toContainText('Deleted: the files left from an earlier visit are no longer kept in this browser.');
  await expect(third.getByRole('button', { name: 'Forget files left from an earlier visit' })).toBeHidden();
  await expect(notice.locator('[data-own-kept-text]')).toBeFocused();
  await expect.poll(() => databases(third)).not.toContain('stro-own-data');
  // Opened again, the page finds nothing, and says nothing.
  await third.reload();
  await expect(notice).toHaveAttribute('data-checked', '');
  await expect(notice).toBeHidden();
  await third.close();
});

test('remembered on this device: "Use your own data" in a tab without files says so (never as files left behind), and can forget them', async ({ page, context }) => {
  await upload(page);
  await page.getByRole('checkbox', { name: /Remember them on this device/ }).check();
  await expect(page.locator('[data-own-status]')).toContainText('Your data will be kept on this device');
  await expect(page.locator('[data-own-kept-where]')).toContainText('a copy also stays in this browser');
  await expect(page.locator('[data-own-kept-where]')).not.toContainText('closing the tab forgets them');
  // Unticked, the tab's own copy (small files: in the tab's storage) goes with the tab, and the box says so again.
  await page.getByRole('checkbox', { name: /Remember them on this device/ }).uncheck();
  await expect(page.locator('[data-own-status]')).toContainText('this tab forgets them when it closes');
  await expect(page.locator('[data-own-kept-where]')).toContainText('closing the tab forgets them');
  await page.getByRole('checkbox', { name: /Remember them on this device/ }).check();
  await expect(page.locator('[data-own-status]')).toContainText('Your data will be kept on this device');
  // This tab holds its files: the page names nothing else.
  await page.goto('own-data/');
  await expect(page.locator('[data-own-kept]')).toHaveAttribute('data-checked', '');
  await expect(page.locator('[data-own-kept]')).toBeHidden();
  await page.close();

  const second = await context.newPage();
  await second.goto('own-data/');
  const notice = second.locator('[data-own-kept]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Files you chose to remember on this device');
  await expect(notice.locator('[data-own-kept-text]')).not.toContainText('earlier visit');
  await expect(second.getByRole('button', { name: 'Forget files left from an earlier visit' })).toBeHidden();
  await expect(second.getByRole('link', { name: 'Show the report with the remembered files' })).toHaveAttribute('href', /\?data=local$/);
  await second.getByRole('button', { name: 'Forget the remembered files' }).click();
  await expect(notice).toContainText('Deleted: the files remembered on this device are no longer kept in this browser.');
  await expect(second.getByRole('link', { name: 'Show the report with the remembered files' })).toBeHidden();
  await expect.poll(() => databases(second)).not.toContain('stro-own-data');
  // A page asking for the reader's data now finds none, and says where they would be.
  await second.goto('results/?data=local');
  await expect(second.locator('#view-notice')).toContainText('not in this tab');
  await expect(second.locator('html')).toHaveAttribute('data-source', 'study');
  await second.close();
});
