// "Use your own data" for readers who use a keyboard or a screen reader: axe finds nothing on the
// page before an upload, with a list of problems, after a successful upload, and on a report page
// showing the reader's data; the whole form works from the keyboard alone (file inputs, the design
// window, the radios, the buttons, the Remember checkbox), and focus goes where the news is: the
// problems table's caption, or the success heading.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCohort } from '../helpers/cohort.ts';

// Several axe scans a test, each a few seconds on a busy machine.
test.describe.configure({ timeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'stro-own-a11y-'));
const cohort = makeCohort({ seed: 41, orders: 50, designWindow: 12 });
const ordersPath = join(dir, 'orders.csv');
const eventsPath = join(dir, 'events.csv');
writeFileSync(ordersPath, cohort.ordersCsv);
writeFileSync(eventsPath, cohort.eventsCsv);
const badEvents = new URL('../fixtures/bad/many-problems-events.csv', import.meta.url).pathname;
const templateOrders = new URL('../../data/templates/orders.csv', import.meta.url).pathname;

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Choose a file with the keyboard: the focused file input opens its chooser on this key. */
async function chooseWithKey(page: Page, key: 'Space' | 'Enter', path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press(key)]);
  await chooser.setFiles(path);
}

test('axe: the upload page before an upload, with problems listed, and after a successful upload', async ({ page }) => {
  await page.goto('own-data/');
  await page.waitForLoadState('networkidle');
  expect(await axe(page)).toEqual([]);

  await page.getByLabel(/orders/i).setInputFiles(templateOrders);
  await page.getByLabel(/events/i).setInputFiles(badEvents);
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.locator('[data-own-problems] tbody tr').first()).toBeVisible();
  expect(await axe(page)).toEqual([]);

  // A long list, taller than its scrolling box: still reachable and scrollable from the keyboard.
  const manyBad = join(dir, 'many-bad-events.csv');
  writeFileSync(manyBad, cohort.eventsCsv.replace(/,(\d+)$/gm, ',-$1'));
  await page.getByLabel(/orders/i).setInputFiles(ordersPath);
  await page.getByLabel(/events/i).setInputFiles(manyBad);
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  // One error per arrest (a negative harm), more than the table lists: 50, and the caption says the CSV has them all.
  expect(cohort.months.length).toBeGreaterThan(50);
  await expect(page.locator('[data-own-problems] tbody tr')).toHaveCount(50);
  await expect(page.locator('[data-own-problems] caption')).toHaveText(`${cohort.months.length} errors in your files (50 listed here, with at least one of each kind; the CSV below lists all ${cohort.months.length})`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download these problems/ }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.trim().split('\n').length).toBe(cohort.months.length + 1);
  const scroller = page.getByRole('region', { name: /errors? in your files/ });
  expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await scroller.focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await axe(page)).toEqual([]);

  await page.getByLabel(/events/i).setInputFiles(eventsPath);
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  expect(await axe(page)).toEqual([]);
});

test('axe: the Results page showing the reader\'s data, every figure drawn, has no violations', async ({ page }) => {
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(ordersPath);
  await page.getByLabel(/events/i).setInputFiles(eventsPath);
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible();
  for (const slug of ['results/', '']) {
    await page.goto(`${slug}?data=local`);
    await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
    for (const figure of await page.locator('[data-figure]').all()) await figure.scrollIntoViewIfNeeded();
    await expect(page.locator('[data-figure] .plot[data-stale]')).toHaveCount(0);
    await expect(page.locator('[data-local-banner]')).toBeVisible();
    expect(await axe(page), slug || 'overview').toEqual([]);
  }
});

test('the form works from the keyboard alone, and focus goes to the news', async ({ page }) => {
  // Playwright intercepts file choosers only once something listens: listen from the start, so
  // that a chooser opened on the key's press (Enter) is not missed.
  page.on('filechooser', () => undefined);
  await page.goto('own-data/');
  await page.waitForLoadState('networkidle');
  // A first attempt with a bad file: files chosen with Space and Enter, submitted with Enter.
  await page.getByLabel(/orders/i).focus();
  await chooseWithKey(page, 'Space', templateOrders);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/events/i)).toBeFocused();
  await chooseWithKey(page, 'Enter', badEvents);
  await expect(page.locator('[data-chosen="orders"]')).toContainText('orders.csv');
  await expect(page.locator('[data-chosen="events"]')).toContainText('many-problems-events.csv');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/harm index/i)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/design window/i)).toBeFocused();
  await page.keyboard.press('Tab');
  const report = page.getByRole('radio', { name: /Report it as a problem/ });
  const leaveOut = page.getByRole('radio', { name: /Leave it out/ });
  await expect(report).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(leaveOut).toBeChecked();
  await expect(leaveOut).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(report).toBeChecked();
  await page.keyboard.press('Tab');
  const extracted = page.getByLabel(/Data extracted on/);
  await expect(extracted).toBeFocused();
  // A date field's day, month, year and calendar button are a tab stop each; after them, the button.
  const analyse = page.getByRole('button', { name: 'Analyse these files' });
  for (let k = 0; k < 4 && await extracted.evaluate((el) => el === document.activeElement); k++) await page.keyboard.press('Tab');
  await expect(analyse).toBeFocused();
  await page.keyboard.press('Enter');
  // The list of problems: a table with a caption, which takes focus.
  const caption = page.locator('[data-own-problems] table caption');
  await expect(caption).toBeFocused();
  await expect(caption).toHaveText(/^\d+ errors? in your files$/);
  await expect(page.getByRole('table', { name: /errors? in your files/ })).toBeVisible();

  // Then the right file, chosen again from the keyboard, the window typed, and Space on the button.
  await page.getByLabel(/events/i).focus();
  await chooseWithKey(page, 'Space', eventsPath);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel(/orders/i)).toBeFocused();
  await chooseWithKey(page, 'Enter', ordersPath);
  await page.getByLabel(/design window/i).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  await analyse.focus();
  await page.keyboard.press('Space');
  const heading = page.getByRole('heading', { name: 'Your data are loaded' });
  await expect(heading).toBeFocused();
  // No error is left; the one warning says that fraud and exploitation are not the study's categories.
  await expect(page.locator('[data-own-problems] tr.error')).toHaveCount(0);
  await expect(page.locator('[data-own-problems] tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-own-problems] tbody tr')).toContainText("not among the study's categories");

  // "Remember them on this device", with Space, and back.
  const remember = page.getByRole('checkbox', { name: /Remember them on this device/ });
  await remember.focus();
  await page.keyboard.press('Space');
  await expect(remember).toBeChecked();
  await expect(page.locator('[data-own-status]')).toContainText('Your data will be kept on this device');
  await page.keyboard.press('Space');
  await expect(remember).not.toBeChecked();
  await expect(page.locator('[data-own-status]')).toContainText('no longer kept on this device');

  // The success message's links reach the report with the keyboard.
  await page.getByRole('link', { name: 'Results' }).last().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/results\/\?data=local$/);
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
});

test('a design window out of range is said beside the form, in words, with focus on the field; nothing is read', async ({ page }) => {
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(ordersPath);
  await page.getByLabel(/events/i).setInputFiles(eventsPath);
  const field = page.getByLabel(/design window/i);
  const status = page.locator('[data-own-status]');
  for (const [typed, said] of [
    ['0', 'The design window must be a whole number of months from 1 to 600, and 0 is not. Nothing was read.'],
    ['601', 'The design window must be a whole number of months from 1 to 600, and 601 is not. Nothing was read.'],
    ['', 'The design window is empty or not a number: enter a whole number of months from 1 to 600. Nothing was read.'],
  ]) {
    await field.fill(typed);
    await page.getByRole('button', { name: 'Analyse these files' }).click();
    await expect(status).toHaveText(said);
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('[data-own-problems]')).toBeHidden();
    await expect(page.locator('[data-own-success]')).toBeHidden();
  }
  // Put right, the same files load, and the field is no longer marked.
  await field.fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 60_000 });
  await expect(field).not.toHaveAttribute('aria-invalid', /.*/);
});
