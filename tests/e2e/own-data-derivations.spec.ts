// A number's derivation on the reader's own data: opened from the Overview's headline, its value is
// the command-line tool's for the same files, and it says it comes from their files (status
// "data"), never that it was calibrated or made by the synthetic data generator. With small data and
// with large (more arrests than MAIN_THREAD_EVENTS, so the data never leave the worker), the
// derivation is computed in the worker that holds them.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/analysis/analyse.ts';
import { MAIN_THREAD_EVENTS } from '../../src/client/workerProtocol.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { recordWorkerMessages, workerMessages } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

function files(name: string, orders: number, options: Parameters<typeof makeCohort>[0] = {}) {
  const dir = mkdtempSync(join(tmpdir(), `stro-own-${name}-`));
  const cohort = makeCohort({ seed: 17, orders, designWindow: 12, ...options });
  writeFileSync(join(dir, 'orders.csv'), cohort.ordersCsv);
  writeFileSync(join(dir, 'events.csv'), cohort.eventsCsv);
  const cli = JSON.parse(execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--design-window', '12', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 })) as AnalysisResult;
  return { dir, events: cohort.months.length, cli };
}

async function upload(page: Page, dir: string): Promise<void> {
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(join(dir, 'orders.csv'));
  await page.getByLabel(/events/i).setInputFiles(join(dir, 'events.csv'));
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 120_000 });
}


for (const size of ['small', 'large'] as const) {
  test(`the headline's number on own data (${size}): the CLI's value, from their files, never "calibrated"`, async ({ page }) => {
    const { dir, events, cli } = size === 'small' ? files('small', 64) : files('large', 6_000, { maxBefore: 7, maxAfter: 4 });
    if (size === 'large') expect(events).toBeGreaterThan(MAIN_THREAD_EVENTS);
    else expect(events).toBeLessThanOrEqual(MAIN_THREAD_EVENTS);
    await recordWorkerMessages(page);
    await upload(page, dir);
    await page.getByRole('link', { name: 'Overview' }).last().click();
    await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local', { timeout: 90_000 });
    const handle = page.locator('main button.num[data-path="events.pre"]').first();
    await expect(handle).toHaveText(formatNumber(cli.events.pre));
    await handle.click();
    const panel = page.locator('#derivation-panel');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-path', 'events.pre');
    await expect(panel.locator('[data-derivation-value]')).toHaveText(String(cli.events.pre));
    const status = panel.locator('.derivation-status');
    await expect(status).toHaveAttribute('data-status', 'data');
    await expect(status).toContainText('your own files');
    await expect(panel).not.toContainText(/calibrated|synthetic data generator|published figure/i);
    // Its inputs are every analysed person of their files.
    await expect(panel.getByRole('heading', { name: `Inputs (${cli.sample.analysed.toLocaleString('en-GB')} rows)` })).toBeVisible();
    await expect(panel.locator('.derivation-inputs tbody tr')).toHaveCount(cli.sample.analysed, { timeout: 30_000 });
    // Computed in the worker that holds the data.
    expect(await workerMessages(page)).toContain('derive');

    // A second number, a computed proportion: the same, to the last digit.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(handle).toBeFocused();
    await page.locator('main button.num[data-path="events.reduction"]').first().click();
    await expect(panel).toHaveAttribute('data-path', 'events.reduction');
    await expect(panel.locator('[data-derivation-value]')).toHaveText(String(cli.events.reduction));
    await expect(status).toHaveAttribute('data-status', 'data');
    await expect(panel).not.toContainText(/calibrated|synthetic data generator|published figure/i);

    if (size === 'large') {
      // A view with few arrests: the squares are not drawn (the arrests are not on the page), and the note says why, not "too many".
      await page.goto('?data=local&w=1&c=fraud');
      await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local&w=1&c=fraud', { timeout: 90_000 });
      await page.locator('[data-figure="eventUnits"]').scrollIntoViewIfNeeded();
      const note = page.locator('[data-figure="eventUnits"] .units-note');
      await expect(note).toContainText('not drawn for data files this large');
      await expect(note).not.toContainText('too many');
    }

    // The full results download is the CLI's result (for many people it is written on the click).
    await page.goto('data/?data=local');
    await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local', { timeout: 90_000 });
    // "On this page" lists only the sections shown: not the study's dataset.
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents.getByRole('link', { name: 'Your data' })).toBeVisible();
    await expect(contents.getByRole('link', { name: 'The synthetic dataset' })).toBeHidden();
    // The command to reproduce it names the reader's files and window, as the CLI run above was given them.
    // under "Reproduce every number", and in the description of the JSON download, which it prints
    const command = 'npm run --silent analyze -- --orders orders.csv --events events.csv --design-window 12 --json';
    await expect(page.locator('[data-say="command"]')).toHaveText([command, command]);
    // The study's figures beside theirs, said to be theirs (not "the bundled synthetic data").
    await expect(contents.getByRole('link', { name: /^The study.s figures beside yours$/ })).toBeVisible();
    await expect(page.locator('[data-table="published"] thead')).toContainText('Your data');
    await expect(page.locator('[data-table="published"] caption')).toContainText('beside your data in');
    await expect(page.locator('[data-table="published"] caption')).not.toContainText('synthetic');
    const link = page.getByRole('link', { name: 'Full results (JSON)' });
    await expect(link).toHaveAttribute('href', size === 'large' ? '#' : /^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const { data, view, ...result } = JSON.parse(readFileSync((await download.path())!, 'utf8')) as AnalysisResult & { data: { kind: string }; view: unknown };
    expect(data.kind).toBe('local');
    expect(view).toBeTruthy();
    expect(result).toEqual(cli);
    // The specification curve's command names them too (it printed the study's curve before).
    await page.goto('robustness/?data=local');
    await expect(page.locator('[data-say="curveCommand"]')).toHaveText('npm run --silent analyze -- --orders orders.csv --events events.csv --design-window 12 --specification-curve --json', { timeout: 90_000 });
  });
}
