// "Check the curve in R" on "How robust is it?": R (webR, served by the site) runs the curve's script
// (emitCurveR) on the files the curve on screen was computed from, and every one of the curve's
// numbers agrees with the engine's, the command line's for the same files and categories; R names
// its specifications in the engine's order. The result stays while the curve stays (a change of
// window keeps it) and is withdrawn when the curve changes (other categories). With webR blocked
// the panel says so and the rest of the page is untouched. Nothing is requested from another host.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { curveLeaves } from '../../src/analysis/emitCurveR.ts';
import type { SpecificationCurve } from '../../src/analysis/specificationCurve.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { formatExact } from '../../src/lib/rCheck.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { domain, mainWithout, ownFiles, uploadOwn, waitForView } from './helpers.ts';

test.describe.configure({ timeout: 300_000 });

/** The engine's curve, as the command line prints it for these arguments. */
const curveOf = (...args: string[]): SpecificationCurve =>
  JSON.parse(execFileSync(process.execPath, ['src/cli/analyze.ts', ...args, '--specification-curve', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));

/** Presses the button and waits for R's verdict; expects every number of `curve` in agreement, each row the engine's value. */
async function checkAgrees(page: Page, curve: SpecificationCurve, data: RegExp): Promise<void> {
  const panel = page.locator('[data-curve-check]');
  await panel.getByRole('button', { name: 'Check the curve in R' }).click();
  await expect(panel.getByRole('status')).not.toBeEmpty({ timeout: 30_000 });
  await expect(panel).toHaveAttribute('data-state', /done|failed/, { timeout: 240_000 });
  await expect(panel.locator('[data-error]')).toBeHidden();
  const leaves = curveLeaves(curve);
  const summary = panel.locator('[data-summary]');
  await expect(summary).toHaveText(`All ${formatNumber(leaves.length)} numbers agree, R 4.6.0; R ran the same ${curve.total} specifications in the same order`);
  await expect(summary).toBeFocused();
  await expect(panel.locator('tbody th')).toHaveText(leaves.map(([path]) => path));
  // The page's column is the curve on screen: the command line's, value for value.
  expect(await panel.locator('tbody td:nth-child(2)').allTextContents()).toEqual(leaves.map(([, v]) => formatExact(v)));
  expect(new Set(await panel.locator('tbody td:nth-child(4)').allTextContents())).toEqual(new Set(['agree']));
  await expect(panel.locator('[data-shown-for]')).toContainText(data);
  await expect(panel.locator('[data-shown-for]')).toContainText('R version 4.6.0');
}

test('the study\'s curve agrees with R number for number; a change of window keeps the result, other categories withdraw it, and the check follows them', async ({ page, baseURL }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto('robustness/');
  const panel = page.locator('[data-curve-check]');
  await expect(panel.getByRole('button', { name: 'Check the curve in R' })).toBeVisible();
  expect(urls.some((u) => u.includes('/webr/')), 'webR must not load before the click').toBe(false);

  await checkAgrees(page, curveOf(), /^Curve checked: all categories, the study's synthetic data\./);
  expect(urls.some((u) => u.includes('/webr/R.wasm'))).toBe(true);

  // The curve does not depend on the window: the comparison still describes it.
  await page.getByRole('slider', { name: /window/i }).fill('12');
  await waitForView(page, { window: 12, categories: domain.categories });
  await expect(panel.locator('[data-result]')).toBeVisible();
  await expect(panel).toHaveAttribute('data-checked', /.+/);

  // Other categories are another curve: the comparison goes, and a new check is of the new curve.
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  const categories = domain.categories.filter((c) => c !== 'violence');
  await waitForView(page, { window: 12, categories });
  await expect(panel.locator('[data-result]')).toBeHidden();
  await expect(panel.locator('tbody tr')).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveText(/categories or the data have changed since R checked the curve/);
  await checkAgrees(page, curveOf('--categories', categories.join(',')), /^Curve checked: modern slavery, drugs, other offences, the study's synthetic data\./);

  // Back to all categories, not the curve R last checked: nothing shown. Back again to the curve it
  // checked: that comparison returns, and the focus stays at the box the reader ticked.
  const violence = page.getByRole('checkbox', { name: 'Violence' });
  await violence.check();
  await waitForView(page, { window: 12, categories: domain.categories });
  await expect(panel.locator('[data-result]')).toBeHidden();
  await violence.uncheck();
  await waitForView(page, { window: 12, categories });
  await expect(panel.locator('[data-result]')).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText(/shown again/);
  await expect(violence).toBeFocused();
  expect(await panel.locator('tbody td:nth-child(2)').allTextContents()).toEqual(curveLeaves(curveOf('--categories', categories.join(','))).map(([, v]) => formatExact(v)));

  const origin = new URL(baseURL!).origin;
  expect(urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
});

test('with webR blocked, the curve\'s check says so, keeps the keyboard, and changes nothing else on the page', async ({ page }) => {
  await page.route('**/webr/**', (route) => route.abort('blockedbyclient'));
  const view: ViewState = { window: 12, categories: ['violence', 'drugs'] };
  await page.goto(`robustness/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  // Settled: this view's curve (its script link written for it) and every part and chart redrawn.
  await expect(page.locator('a[data-curve-script]')).toHaveAttribute('href', /^blob:/, { timeout: 60_000 });
  await expect(page.locator('main [data-updating], main .plot[data-stale]')).toHaveCount(0, { timeout: 60_000 });
  const outside = () => mainWithout(page, '[data-curve-check]');
  const before = await outside();
  const panel = page.locator('[data-curve-check]');
  const button = panel.getByRole('button', { name: 'Check the curve in R' });
  await button.focus();
  await page.keyboard.press('Enter');
  const error = panel.locator('[data-error]');
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toBeFocused();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(error).toContainText('R could not be loaded');
  await expect(error).toContainText('Nothing else on the page is affected');
  await expect(panel.locator('[data-result]')).toBeHidden();
  expect(await outside()).toBe(before);
});

test('a reader\'s own data: the curve on their files agrees with R, as the command line computes it for them', async ({ page }) => {
  const cohort = makeCohort({ seed: 31, orders: 60, designWindow: 12 });
  const files = ownFiles(cohort.ordersCsv, cohort.eventsCsv, 12);
  await uploadOwn(page, files, 12);
  await page.goto('robustness/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  const curve = curveOf('--orders', files.orders, '--events', files.events, '--design-window', '12');
  await expect(page.locator('[data-robust="curve.total"]')).toHaveText(formatNumber(curve.total), { timeout: 60_000 });
  await checkAgrees(page, curve, /^Curve checked: all categories, the data you loaded\./);
});

test('a result is of the curve on screen even when the curve changes and changes back while R runs (an adversarial review saw one curve\'s check under another\'s controls)', async ({ page }) => {
  // The curve's worker answers 3 s late, as on a slow phone, so that the view can change while the check waits for it.
  await page.addInitScript(() => {
    const W = window.Worker;
    window.Worker = class extends W {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'stro-robustness') {
          const add = this.addEventListener.bind(this);
          this.addEventListener = ((type: string, fn: EventListener, o?: AddEventListenerOptions) => add(type, type === 'message' ? (e: Event) => setTimeout(() => fn(e), 3000) : fn, o)) as Worker["addEventListener"];
        }
      }
    };
  });
  await page.goto('robustness/');
  const panel = page.locator('[data-curve-check]');
  const k1 = domain.categories.filter((c) => c !== 'other');
  await page.getByRole('checkbox', { name: 'Other offences' }).uncheck();
  await waitForView(page, { window: 24, categories: k1 });
  await panel.getByRole('button', { name: 'Check the curve in R' }).click();
  await page.getByRole('checkbox', { name: 'Drugs' }).uncheck();
  await waitForView(page, { window: 24, categories: k1.filter((c) => c !== 'drugs') });
  await expect(panel.getByRole('status')).toHaveText(/Loading R|Running/, { timeout: 120_000 });
  await page.getByRole('checkbox', { name: 'Drugs' }).check();
  await waitForView(page, { window: 24, categories: k1 });
  await expect(panel).toHaveAttribute('data-state', /done|failed/, { timeout: 240_000 });
  const curve = curveOf('--categories', k1.join(','));
  await expect(panel.locator('[data-shown-for]')).toContainText(/^Curve checked: modern slavery, violence, drugs, /);
  expect(await panel.locator('tbody td:nth-child(2)').allTextContents()).toEqual(curveLeaves(curve).map(([, v]) => formatExact(v)));
});

test('the curve\'s check, its code unreachable, says so; the button is not offered without JavaScript; with no category it names none', async ({ page, browser }) => {
  await page.route(/\/_astro\/checkInR\.[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('robustness/');
  const panel = page.locator('[data-curve-check]');
  const button = panel.getByRole('button', { name: 'Check the curve in R' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(panel.locator('[data-error]')).toHaveText('The code for checking the curve in R could not be loaded (a browser setting, an extension or a network policy may have blocked it, or the connection dropped). Reload the page to try again.');
  await expect(panel.locator('[data-error]')).toBeFocused();

  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(new URL('robustness/', page.url()).href);
  await expect(still.locator('[data-curve-check]')).toBeHidden();
  await off.close();
});

test('a reader who moves on while R runs keeps their place; with no category, the check names none', async ({ page }) => {
  await page.goto('robustness/?c=none');
  await waitForView(page, { window: 24, categories: [] });
  const panel = page.locator('[data-curve-check]');
  await panel.getByRole('button', { name: 'Check the curve in R' }).click();
  const slider = page.getByRole('slider', { name: /window/i });
  await slider.focus();
  await expect(panel).toHaveAttribute('data-state', /done|failed/, { timeout: 240_000 });
  await expect(slider).toBeFocused();
  await expect(panel.locator('[data-summary]')).toHaveText(/^All [\d,]+ numbers agree, R 4\.6\.0/);
  await expect(panel.locator('[data-shown-for]')).toContainText(/^Curve checked: no category, the study's synthetic data\./);
  await expect(panel.locator('[data-shown-for]')).toContainText('With no category, no specification has an arrest to count: R and the engine agree on empty counts, with no reduction and no significant fall.');
});

test('offline, the curve\'s check says the browser is offline and to try again once back online, not that the site\'s files are missing', async ({ page, context }) => {
  await page.goto('robustness/');
  const panel = page.locator('[data-curve-check]');
  const button = panel.getByRole('button', { name: 'Check the curve in R' });
  await expect(button).toBeVisible();
  await context.setOffline(true);
  await button.click();
  const alert = panel.locator('[data-error]');
  await expect(alert).toContainText('offline', { timeout: 60_000 });
  await expect(alert).toContainText('once you are back online');
  await expect(alert).not.toContainText('missing or were blocked');
  await context.setOffline(false);
});
