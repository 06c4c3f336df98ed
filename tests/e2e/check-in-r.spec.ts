// "Check in R" in the browser: R (webR, served by the site) recomputes the view on screen and every
// number agrees with the engine's; nothing is requested from another host; with webR blocked the
// panel says so and the rest of the page is untouched; the downloaded script is emitR() for the view,
// byte for byte what the command line prints.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { closeEnough, emitR, numericLeaves, parseROutput } from '../../src/analysis/emitR.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { runRscript } from '../helpers/r.ts';
import { readData } from '../helpers/bundled.ts';
import { emitRArguments, emitRGenerator, rScriptFileName } from '../../src/lib/rCheck.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { domain, expected, mainWithout, waitForView } from './helpers.ts';

// R boots in a few seconds on a quiet machine, but the test machines are shared.
test.describe.configure({ timeout: 240_000 });

const views: ViewState[] = [
  { window: domain.span, categories: domain.categories },
  { window: 12, categories: ['violence', 'drugs'] },
  // A gap and harm weights: R is given the harm index and leaves the same months out.
  { window: 12, categories: ['violence', 'drugs'], gap: 3, weights: 'low' },
];

/** Every request the page makes, to check that none leaves the site. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

for (const view of views) {
  const query = serialiseState(view, domain);
  test(`every number agrees with R at ${query || 'the default view'}`, async ({ page, baseURL }) => {
    const urls = recordRequests(page);
    await page.goto(`data/${query}`);
    await waitForView(page, view);
    const before = urls.length;
    expect(urls.some((u) => u.includes('/webr/')), 'webR must not load before the click').toBe(false);

    const panel = page.locator('check-in-r');
    await panel.getByRole('button', { name: 'Check in R' }).click();
    await expect(panel.getByRole('status')).toContainText('R', { timeout: 10_000 });
    await expect(panel).toHaveAttribute('data-state', /done|failed/, { timeout: 200_000 });
    await expect(panel.locator('[data-error]')).toBeHidden();

    // The count is the engine's own number of leaves for this view, computed here in Node.
    const leaves = numericLeaves(expected(view));
    const summary = panel.locator('[data-summary]');
    await expect(summary).toHaveText(new RegExp(`^All ${leaves.length.toLocaleString('en-GB')} numbers agree, R 4\\.6\\.0$`));
    await expect(summary).toBeFocused();
    const rows = panel.locator('tbody tr');
    await expect(rows).toHaveCount(leaves.length);
    await expect(panel.locator('tbody th')).toHaveText(leaves.map(([path]) => path));
    expect(await panel.locator('tbody td:nth-child(4)').allTextContents()).toEqual(leaves.map(() => 'agree'));
    await expect(panel.locator('[data-shown-for]')).toContainText('R version 4.6.0');

    // webR was fetched from this site, and nothing at all from anywhere else.
    const origin = new URL(baseURL!).origin;
    expect(urls.slice(before).some((u) => u.includes('/webr/R.wasm'))).toBe(true);
    expect(urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });
}

test('a change of view withdraws the comparison, which described the old view; Back to that view shows it again, the focus left where it was', async ({ page }) => {
  await page.goto('data/?w=6&c=violence');
  await waitForView(page, { window: 6, categories: ['violence'] });
  const panel = page.locator('check-in-r');
  await panel.getByRole('button', { name: 'Check in R' }).click();
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 200_000 });
  await expect(panel.locator('[data-summary]')).toHaveText(new RegExp(`^All ${numericLeaves(expected({ window: 6, categories: ['violence'] })).length} numbers agree`));
  await page.getByRole('checkbox', { name: /drugs/i }).check();
  await waitForView(page, { window: 6, categories: ['violence', 'drugs'] });
  await expect(panel.locator('[data-result]')).toBeHidden();
  await expect(panel.locator('tbody tr')).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveText(/view has changed/);
  // Back to the view R checked: its comparison, the same one, is shown again, and nothing takes the focus.
  const rows = await panel.locator('[data-result] tbody tr').count();
  const drugs = page.getByRole('checkbox', { name: /drugs/i });
  await drugs.uncheck();
  await waitForView(page, { window: 6, categories: ['violence'] });
  await expect(panel.locator('[data-result]')).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText(/shown again/);
  await expect(panel.locator('[data-summary]')).toHaveText(new RegExp(`^All ${numericLeaves(expected({ window: 6, categories: ['violence'] })).length} numbers agree`));
  await expect(panel.locator('[data-shown-for]')).toContainText('6 months');
  await expect(drugs).toBeFocused();
  // And by the browser's Back, from another view again.
  await drugs.check();
  await waitForView(page, { window: 6, categories: ['violence', 'drugs'] });
  await expect(panel.locator('[data-result]')).toBeHidden();
  await page.goBack();
  await waitForView(page, { window: 6, categories: ['violence'] });
  await expect(panel.locator('[data-result]')).toBeVisible();
  await expect(panel.locator('[data-summary]')).not.toBeFocused();
});

test('with webR blocked, the panel says so and the rest of the page is unchanged', async ({ page }) => {
  await page.route('**/webr/**', (route) => route.abort('blockedbyclient'));
  await page.goto('data/?w=12&c=violence,drugs');
  await waitForView(page, { window: 12, categories: ['violence', 'drugs'] });
  const outside = () => mainWithout(page, 'check-in-r');
  const before = await outside();
  const panel = page.locator('check-in-r');
  // By keyboard: the focus stays on the button while R loads, and goes to why it failed (an
  // accessibility review: a disabled button dropped it to the top of the page).
  const button = panel.getByRole('button', { name: 'Check in R' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  const error = panel.locator('[data-error]');
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toBeFocused();
  // Focused, it is not also an alert, which would be read twice (an accessibility review).
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(error).toContainText('R could not be loaded');
  await expect(error).toContainText('Nothing else on the page is affected');
  await expect(panel.locator('[data-result]')).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Check in R' })).toBeEnabled();
  expect(await outside()).toBe(before);
  await expect(page.locator('main')).not.toContainText(/NaN|undefined|\[object|at .*\.js:\d+/);
});

for (const view of views) {
  const query = serialiseState(view, domain);
  test(`the downloaded R script is emitR() for ${query || 'the default view'}, as the command line prints it`, async ({ page }) => {
    await page.goto(`results/${query}`);
    await waitForView(page, view);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download R script' }).click()]);
    const full = { ...view, wilcoxon: 'current' as const };
    expect(download.suggestedFilename()).toBe(rScriptFileName(full, domain.categories));
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toBe(emitR(full, { generator: emitRGenerator(full, domain) }));
    const cli = execFileSync('node_modules/.bin/node', ['src/cli/analyze.ts', ...emitRArguments(full, domain)], { encoding: 'utf8' });
    expect(text).toBe(cli);
  });
}

test('the R script link itself holds the view on screen (saved or opened without a click), and the study\'s built file for the study\'s view', async ({ page }) => {
  const view: ViewState = { window: 12, categories: ['violence', 'drugs'] };
  const full = { ...view, wilcoxon: 'current' as const };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const link = page.getByRole('link', { name: 'Download R script' }).first();
  await expect(link).toHaveAttribute('download', rScriptFileName(full, domain.categories));
  await expect(link).toHaveAttribute('href', /^blob:/);
  const text = await link.evaluate(async (a: HTMLAnchorElement) => (await fetch(a.href)).text());
  expect(text).toBe(emitR(full, { generator: emitRGenerator(full, domain) }));
  // back to the study's view: the built file again
  await page.locator('#reset').click();
  await waitForView(page, { window: 24, categories: domain.categories });
  await expect(link).toHaveAttribute('href', /downloads\/stro-reproduce\.R$/);
  await expect(link).toHaveAttribute('download', rScriptFileName({ window: 24, categories: domain.categories, wilcoxon: 'current' }, domain.categories));
});

test("with the code for R blocked, the R script link for a view other than the study's is withdrawn, not left giving the study's script", async ({ page }) => {
  await page.route('**/_astro/checkInR.*.js', (route) => route.abort('blockedbyclient'));
  const view: ViewState = { window: 12, categories: ['violence', 'drugs'] };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const panel = page.locator('check-in-r').first();
  const link = panel.locator('[data-script]');
  // No address to save or copy: the built file holds the study's view, not this one.
  await expect(link).not.toHaveAttribute('href', /.*/);
  await expect(link).toHaveAttribute('aria-disabled', 'true');
  await expect(panel.getByRole('alert')).toHaveText(/could not be loaded/);
  // Back at the study's view, its built file is right again, and the link gives it.
  await page.locator('#reset').click();
  await waitForView(page, { window: 24, categories: domain.categories });
  await expect(link).toHaveAttribute('href', /downloads\/stro-reproduce\.R$/);
  await expect(link).not.toHaveAttribute('aria-disabled', /.*/);
  await expect(panel.locator('[data-error]')).toBeHidden();
});

test('the file name carries the view', () => {
  expect(rScriptFileName({ window: 12, categories: ['violence', 'drugs'], wilcoxon: 'current' }, domain.categories)).toBe('stro-reproduce-w12-violence-drugs.R');
});

test('the script downloaded for the legacy rule, run in Debian\'s R 4.2, prints the page\'s numbers', async ({ page }) => {
  const view: ViewState = { window: 12, categories: ['violence', 'drugs'], wilcoxon: 'legacy' };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download R script' }).click()]);
  const script = await readFile((await download.path())!, 'utf8');
  const files = { 'orders.csv': readData('orders.csv'), 'events.csv': readData('events.csv') };
  const printed = parseROutput(runRscript(script, files));
  const r = expected(view);
  const leaves = numericLeaves(r);
  expect(printed.size).toBe(leaves.length);
  for (const [path, value] of leaves) expect(closeEnough(r, path, value, printed.get(path) ?? null), `${path}: engine ${value}, R ${printed.get(path)}`).toBe(true);
  // And the numbers the page itself shows for this view are R's.
  for (const path of ['events.pre', 'events.post', 'events.test.V', 'harm.test.V']) {
    const handles = page.locator(`button.num[data-path="${path}"]`);
    expect(await handles.count(), path).toBeGreaterThan(0);
    for (const h of await handles.all()) await expect(h, path).toHaveText(formatNumber(printed.get(path)!));
  }
});


test('the view\'s check, its code unreachable, takes a reader who pressed the button to why, read once (not also an alert), as the curve\'s check does (a re-check)', async ({ page }) => {
  await page.route(/\/_astro\/checkInR\.[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('results/');
  const panel = page.locator('check-in-r').first();
  const button = panel.getByRole('button', { name: 'Check in R' });
  await button.focus();
  await page.keyboard.press('Enter');
  const error = panel.locator('[data-error]');
  await expect(error).toHaveText(/could not be loaded/);
  await expect(error).toBeFocused();
  await expect(panel.getByRole('alert')).toHaveCount(0);
});
