// "How robust is it?": pre-rendered for the study's view (it reads without JavaScript), recomputed
// for other views with the engine's and the CLI's numbers, a specification that sets the view (by
// mouse and by keyboard), the empty view, a reader's own data, no console errors, and axe clean at
// phone and desktop widths.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpecificationCurve } from '../../src/analysis/specificationCurve.ts';
import { formatEstimate, formatP, formatPercent, formatNumber } from '../../src/lib/format.ts';
import { ROBUST_NUMBERS, libertyFor, nullWorldFor, DEFAULT_LOOKBACK, DEFAULT_SELECTION, DEFAULT_UNAVAILABLE } from '../../src/lib/robustness.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { bundled, collectErrors, expected, waitForView } from './helpers.ts';

const cliCurve = (): SpecificationCurve => JSON.parse(execFileSync(process.execPath, ['src/cli/analyze.ts', '--specification-curve', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const curve = cliCurve();

async function expectView(page: import('@playwright/test').Page, state: Parameters<typeof expected>[0]) {
  const r = expected(state);
  await expect(page.locator('[data-live="its.events.level"]').first()).toHaveText(formatEstimate(r.its.events.level));
  await expect(page.locator('[data-live="its.harm.slopeChangeP"]').first()).toHaveText(formatP(r.its.harm.slopeChangeP));
  await expect(page.locator('[data-live="leaveOneOut.events.min"]').first()).toHaveText(formatPercent(r.leaveOneOut.events.min));
  await expect(page.locator('[data-live="leaveOneOut.harm.max"]').first()).toHaveText(formatPercent(r.leaveOneOut.harm.max));
  const world = nullWorldFor(r, DEFAULT_SELECTION, DEFAULT_LOOKBACK);
  await expect(page.locator('[data-robust="nullWorld.mean"]')).toHaveText(formatPercent(world.mean));
  await expect(page.locator('[data-robust="nullWorld.shareAtLeast"]')).toHaveText(formatPercent(world.shareAtLeastObserved));
  const liberty = libertyFor(r, DEFAULT_UNAVAILABLE, bundled);
  await expect(page.locator('[data-robust="liberty.rateFall"]')).toHaveText(formatPercent(liberty.value.rateFall));
  return r;
}

test('without JavaScript the study view reads in full: every section, number, figure and table', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('robustness/');
  for (const name of ['nullWorld', 'gapCurve', 'itsEvents', 'itsHarm', 'leaveOneOut', 'specificationCurve']) {
    await expect(page.locator(`[data-robust-figure="${name}"] svg`).first()).toBeAttached();
    expect(await page.locator(`[data-robust-figure="${name}"] table tbody tr`).count()).toBeGreaterThan(0);
  }
  await expect(page.locator('[data-robust="curve.share"]')).toHaveText(formatPercent(curve.share));
  await expect(page.locator('[data-robust="curve.total"]')).toHaveText(formatNumber(curve.total));
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
  await expect(page.getByRole('heading', { name: 'What would settle it' })).toBeVisible();
  await context.close();
});

test('a changed view and a view with a gap and weights: the numbers equal the engine\'s', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.goto('robustness/?w=12&c=violence,drugs');
  await waitForView(page, { window: 12, categories: ['violence', 'drugs'] });
  await expectView(page, { window: 12, categories: ['violence', 'drugs'] });
  await page.goto('robustness/?w=18&gap=3&weights=low');
  await waitForView(page, { window: 18, categories: [...bundled.categories], gap: 3, weights: 'low' });
  await expectView(page, { window: 18, gap: 3, weights: 'low' });
  await expect(page.locator('#gap')).toHaveValue('3');
  await expect(page.locator('input[name="weights"][value="low"]')).toBeChecked();
  expect(errors).toEqual([]);
});

test('the specification curve equals the CLI\'s, and activating a specification sets the view (mouse and keyboard)', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.goto('robustness/');
  const buttons = page.locator('[data-robust-figure="specificationCurve"] button[data-set-spec]');
  await expect(buttons).toHaveCount(curve.total, { timeout: 30_000 });
  await expect(page.locator('[data-robust="curve.significant"]')).toHaveText(formatNumber(curve.significant));
  // The table lists each specification's reduction and p as the CLI's.
  const rows = await page.locator('[data-robust-figure="specificationCurve"] table tbody tr').all();
  const k = Number(await rows[10].locator('button').getAttribute('data-set-spec'));
  const spec = curve.specifications[k];
  await expect(rows[10].locator('td').nth(6)).toHaveText(formatP(spec.p));
  await expect(rows[10].locator('td').nth(7)).toHaveText(spec.significant ? 'yes' : 'no');
  // Keyboard: focus the button of a specification with a 12-month window and gap 3 and press Enter.
  const target = curve.specifications.findIndex((s) => s.window === 12 && s.gap === 3 && s.measure === 'events' && s.test === 'legacy');
  await page.locator('details', { has: page.locator('[data-set-spec]') }).locator('summary').click();
  const button = page.locator(`button[data-set-spec="${target}"]`);
  await button.focus();
  await page.keyboard.press('Enter');
  await waitForView(page, { window: 12, categories: [...bundled.categories], gap: 3, wilcoxon: 'legacy' });
  expect(new URL(page.url()).search).toBe('?w=12&gap=3&wilcoxon=legacy');
  await expectView(page, { window: 12, gap: 3, wilcoxon: 'legacy' });
  // Mouse: a mark of the curve sets its specification's view.
  const mark = page.locator('[data-robust-figure="specificationCurve"] .plot [data-spec]').first();
  const m = curve.specifications[Number(await mark.getAttribute('data-spec'))];
  await mark.dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('data-view', new RegExp(m.window === 24 ? '' : `w=${m.window}`));
  await page.goBack();
  await waitForView(page, { window: 12, categories: [...bundled.categories], gap: 3, wilcoxon: 'legacy' });
  expect(errors).toEqual([]);
});

test('the empty view says so, with no NaN or undefined, and the what-if controls still work', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('robustness/?c=none');
  await waitForView(page, { window: 24, categories: [] });
  await expect(page.locator('[data-robust="nullWorld.mean"]')).toHaveText('n/a');
  await page.locator('#liberty-share').fill('0.5');
  await expect(page.locator('[data-robust="liberty.share"]')).toHaveText('50%');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
  expect(errors).toEqual([]);
});

test('the null world and the time-at-liberty sliders recompute', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('robustness/');
  await page.locator('#nw-selection').fill('1');
  const r = expected();
  const world = nullWorldFor(r, 1, DEFAULT_LOOKBACK);
  await expect(page.locator('[data-robust="nullWorld.mean"]')).toHaveText(formatPercent(world.mean));
  await expect(page.locator('[data-robust="nullWorld.barnett"]')).toHaveText(ROBUST_NUMBERS['nullWorld.barnett']({ world, liberty: null, curve: null }));
  await page.locator('#liberty-share').fill('0.3');
  await expect(page.locator('[data-robust="liberty.rateFall"]')).toHaveText(formatPercent(libertyFor(r, 0.3).value.rateFall));
  expect(errors).toEqual([]);
});

test('a reader\'s own data: the page follows them', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'stro-robust-'));
  const cohort = makeCohort({ seed: 11, orders: 64, designWindow: 12 });
  writeFileSync(join(dir, 'orders.csv'), cohort.ordersCsv);
  writeFileSync(join(dir, 'events.csv'), cohort.eventsCsv);
  const own = JSON.parse(execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--design-window', '12', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const ownCurve = JSON.parse(execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', join(dir, 'orders.csv'), '--events', join(dir, 'events.csv'), '--design-window', '12', '--specification-curve', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as SpecificationCurve;
  const errors = collectErrors(page);
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(join(dir, 'orders.csv'));
  await page.getByLabel(/events/i).setInputFiles(join(dir, 'events.csv'));
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible();
  await page.goto('robustness/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  await expect(page.locator('[data-live="leaveOneOut.events.min"]').first()).toHaveText(formatPercent(own.leaveOneOut.events.min));
  await expect(page.locator('[data-live="its.events.level"]').first()).toHaveText(formatEstimate(own.its.events.level));
  await expect(page.locator('[data-robust="curve.total"]')).toHaveText(formatNumber(ownCurve.total));
  await expect(page.locator('[data-robust="curve.share"]')).toHaveText(formatPercent(ownCurve.share));
  await expect(page.locator('input[name="weights"][value="low"]')).toBeDisabled();
  expect(errors).toEqual([]);
});

for (const width of [390, 1280]) {
  test(`axe: no violations at ${width}px, after a change of view`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('robustness/?w=12&gap=1');
    await waitForView(page, { window: 12, categories: [...bundled.categories], gap: 1 });
    await expect(page.locator('[data-robust-figure="specificationCurve"] button[data-set-spec]').first()).toBeAttached({ timeout: 30_000 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}
