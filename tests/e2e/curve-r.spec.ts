// The specification curve's R script on "How robust is it?": the link beside the curve gives
// emitCurveR() for the curve on screen (the built file for the study's categories, a script written in
// the page for others), byte for byte what the command line prints; Debian's R 4.2 run on the
// downloaded script prints the page's numbers; when the curve's code cannot load, the link is
// withdrawn rather than left giving another curve's script.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { SpecificationCurve } from '../../src/analysis/specificationCurve.ts';
import { closeEnough, parseROutput } from '../../src/analysis/emitR.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { runRscript } from '../helpers/r.ts';
import { readData } from '../helpers/bundled.ts';
import { domain, waitForView } from './helpers.ts';

test.describe.configure({ timeout: 120_000 });

const cli = (...args: string[]) => execFileSync(process.execPath, ['src/cli/analyze.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const curveOf = (...args: string[]): SpecificationCurve => JSON.parse(cli(...args, '--specification-curve', '--json'));
const files = { 'orders.csv': readData('orders.csv'), 'events.csv': readData('events.csv'), 'harm-index.csv': readData('harm-index.csv') };
/** The script's header names the command that writes it; the CLI names itself with the arguments it was given. */
const fromCli = (...args: string[]) => cli(...args, '--specification-curve', '--emit-r');

test('the study\'s categories: the built script, which R 4.2 runs to the page\'s numbers', async ({ page }) => {
  await page.goto('robustness/');
  const curve = curveOf();
  await expect(page.locator('[data-robust-figure="specificationCurve"] button[data-set-spec]')).toHaveCount(curve.total, { timeout: 30_000 });
  const link = page.getByRole('link', { name: 'R script for the curve' });
  await expect(link).toHaveAttribute('href', /downloads\/stro-specification-curve\.R$/);
  await expect(link).toHaveAttribute('download', 'stro-specification-curve-all.R');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const script = await readFile((await download.path())!, 'utf8');
  expect(script).toBe(fromCli());
  const printed = parseROutput(runRscript(script, files));
  // The count, and every reduction and legacy and sign test p, are R's (R 4.2 cannot give current R's test).
  await expect(page.locator('[data-robust="curve.total"]')).toHaveText(formatNumber(printed.get('total')!));
  curve.specifications.forEach((s, k) => {
    expect(closeEnough({ monthly: [] }, 'reduction', s.reduction, printed.get(`specifications.${k}.reduction`) ?? null), `specification ${k + 1}: reduction`).toBe(true);
    if (s.test !== 'current') expect(closeEnough({ monthly: [] }, 'x.p', s.p, printed.get(`specifications.${k}.p`) ?? null), `specification ${k + 1}: p`).toBe(true);
  });
});

test('other categories: a script written in the page for them, named after them; back to the study\'s, the built file', async ({ page }) => {
  const view: ViewState = { window: 12, categories: ['violence'] };
  await page.goto(`robustness/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const curve = curveOf('--categories', 'violence');
  await expect(page.locator('[data-robust="curve.significant"]')).toHaveText(formatNumber(curve.significant), { timeout: 30_000 });
  const link = page.getByRole('link', { name: 'R script for the curve' });
  await expect(link).toHaveAttribute('href', /^blob:/);
  await expect(link).toHaveAttribute('download', 'stro-specification-curve-violence.R');
  const text = await link.evaluate(async (a: HTMLAnchorElement) => (await fetch(a.href)).text());
  expect(text).toBe(fromCli('--categories', 'violence'));
  await page.locator('#reset').click();
  await waitForView(page, { window: 24, categories: domain.categories });
  await expect(link).toHaveAttribute('href', /downloads\/stro-specification-curve\.R$/);
  await expect(link).toHaveAttribute('download', 'stro-specification-curve-all.R');
});

test('when the curve\'s code cannot load, the link under another view gives no script; back at the study\'s, the built one', async ({ page }) => {
  await page.route('**/_astro/robustness.*.js', (route) => route.abort('blockedbyclient'));
  const view: ViewState = { window: 24, categories: ['drugs'] };
  await page.goto(`robustness/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const link = page.locator('a[data-curve-script]');
  await expect(page.locator('#view-alert')).toHaveText(/could not be recomputed/);
  await expect(link).not.toHaveAttribute('href', /.*/);
  await expect(link).toHaveAttribute('aria-disabled', 'true');
  await page.locator('#reset').click();
  await waitForView(page, { window: 24, categories: domain.categories });
  await expect(link).toHaveAttribute('href', /downloads\/stro-specification-curve\.R$/);
  await expect(link).not.toHaveAttribute('aria-disabled', /.*/);
});

test('when the curve cannot be recomputed for new categories, the link gives no script (a re-check downloaded the previous categories\' script), and a later curve brings it back', async ({ page }) => {
  let block = true;
  await page.route(/robustWorker-[^/]*\.js$/, (route) => (block ? route.abort('blockedbyclient') : route.continue()));
  const view: ViewState = { window: 24, categories: domain.categories.filter((c) => c !== 'drugs') };
  await page.goto(`robustness/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  await expect(page.locator('[data-robust-figure="specificationCurve"] > [data-out-of-date]')).toContainText('could not be recomputed');
  const link = page.locator('a[data-curve-script]');
  await expect(link).not.toHaveAttribute('href', /.*/);
  await expect(link).toHaveAttribute('aria-disabled', 'true');
  block = false;
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  const next = { window: 24, categories: view.categories.filter((c) => c !== 'violence') };
  await waitForView(page, next);
  await expect(link).toHaveAttribute('href', /^blob:/, { timeout: 30_000 });
  await expect(link).toHaveAttribute('download', `stro-specification-curve-${next.categories.join('-')}.R`);
  const text = await link.evaluate(async (a: HTMLAnchorElement) => (await fetch(a.href)).text());
  expect(text).toBe(fromCli('--categories', next.categories.join(',')));
});
