// R on the reader's own data. After an upload of a dated cohort, the Data and methods page offers
// the R script, whose header names their files and their design window, and their events with the
// month and harm the report used; the script run on those files prints the command-line tool's
// numbers, in current R (webR in Node) and, for the legacy rule, in Debian's R 4.2; and "Check in
// R" in the page (webR from the site) finds every number in agreement.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/analysis/analyse.ts';
import { closeEnough, numericLeaves, parseROutput } from '../../src/analysis/emitR.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { runRscript, runWebR, stopWebR } from '../helpers/r.ts';

test.describe.configure({ timeout: 300_000 });
test.afterAll(() => stopWebR());

const dir = mkdtempSync(join(tmpdir(), 'stro-own-r-'));
const cohort = makeCohort({ seed: 29, orders: 70, designWindow: 12 });
const ordersPath = join(dir, 'orders.csv');
const eventsPath = join(dir, 'events.csv');
writeFileSync(ordersPath, cohort.ordersCsv);
writeFileSync(eventsPath, cohort.eventsCsv);
const args = ['--orders', ordersPath, '--events', eventsPath, '--design-window', '12'];
const cli = (...more: string[]) => execFileSync(process.execPath, ['src/cli/analyze.ts', ...args, ...more], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

async function uploadAndOpenData(page: Page, files: [string, string] = [ordersPath, eventsPath]): Promise<void> {
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(files[0]);
  await page.getByLabel(/events/i).setInputFiles(files[1]);
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible();
  await page.goto('data/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

/** Every number of the CLI's result, as the script printed it. */
function expectAgreement(printed: Map<string, number | null>, r: AnalysisResult): void {
  const leaves = numericLeaves(r);
  expect(printed.size).toBe(leaves.length);
  for (const [path, value] of leaves) expect(closeEnough(r, path, value, printed.get(path) ?? null), `${path}: CLI ${value}, R ${printed.get(path)}`).toBe(true);
}

const withoutWrittenBy = (script: string) => script.split('\n').filter((l) => !l.startsWith('# Written by')).join('\n');

test('the R script and the events with months, downloaded on own data, give the CLI\'s numbers in R 4.6 (webR) and, legacy, in R 4.2', async ({ page }) => {
  await uploadAndOpenData(page);
  // The events as the report placed them: months and harm, from their dates.
  const link = page.getByRole('link', { name: 'your events with the month and harm the report used (CSV)' });
  await expect(link).toHaveAttribute('data-own-events-months', '');
  const months = await download(page, () => link.click());
  expect(months.name).toBe('events-with-months.csv');
  const monthsCsv = months.text;
  const header = monthsCsv.split(/\r?\n/, 1)[0];
  expect(header).toBe('order_id,month,category,offence,harm');
  expect(monthsCsv.trim().split(/\r?\n/).length - 1).toBe(cohort.months.length);
  // Each row's month is the one the cohort placed its date in (plain calendar arithmetic, not the engine's).
  const placed = monthsCsv.trim().split(/\r?\n/).slice(1).map((l) => Number(l.split(',')[1]));
  expect(placed).toEqual(cohort.months);

  // The script for the view on screen (current rule): their files and design window in its header,
  // and otherwise the command-line tool's script for the same files and view.
  const script = await download(page, () => page.getByRole('link', { name: 'Download R script' }).first().click());
  const writtenBy = script.text.split('\n').find((l) => l.startsWith('# Written by'))!;
  expect(writtenBy).toContain('--orders orders.csv --events events.csv --design-window 12');
  expect(writtenBy).toContain('events-with-months.csv');
  expect(withoutWrittenBy(script.text)).toBe(withoutWrittenBy(cli('--emit-r')));
  const current = JSON.parse(cli('--json')) as AnalysisResult;
  expectAgreement(parseROutput(await runWebR(script.text, { 'orders.csv': cohort.ordersCsv, 'events.csv': monthsCsv })), current);

  // The legacy rule, in Debian's R 4.2.
  await page.locator('#controls input[name="wilcoxon"][value="legacy"]').check();
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local&wilcoxon=legacy');
  const legacyScript = await download(page, () => page.getByRole('link', { name: 'Download R script' }).first().click());
  expect(legacyScript.text).toContain('--design-window 12');
  const legacy = JSON.parse(cli('--wilcoxon', 'legacy', '--json')) as AnalysisResult;
  expectAgreement(parseROutput(runRscript(legacyScript.text, { 'orders.csv': cohort.ordersCsv, 'events.csv': monthsCsv })), legacy);
});

test('"Check in R" on own data: every number agrees, in R 4.6.0 loaded from this site', async ({ page, baseURL }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await uploadAndOpenData(page);
  const panel = page.locator('check-in-r').first();
  await panel.getByRole('button', { name: 'Check in R' }).click();
  await expect(panel).toHaveAttribute('data-state', /done|failed/, { timeout: 240_000 });
  await expect(panel.locator('[data-error]')).toBeHidden();
  const leaves = numericLeaves(JSON.parse(cli('--json')));
  await expect(panel.locator('[data-summary]')).toHaveText(new RegExp(`^All ${leaves.length.toLocaleString('en-GB')} numbers agree, R 4\\.6\\.0$`));
  await expect(panel.locator('tbody th')).toHaveText(leaves.map(([path]) => path));
  const origin = new URL(baseURL!).origin;
  expect(urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
});

test('"Check in R" agrees where an id is typed two ways in Unicode (decomposed in the orders, composed in the events), as the engine joins them', async ({ page }) => {
  // A reviewer's files: R compared ids as written and stopped, and the page said every number differed.
  const id = cohort.ordersCsv.split('\n')[1].split(',')[0];
  const twoWays = [join(dir, 'nfd-orders.csv'), join(dir, 'nfc-events.csv')] as [string, string];
  writeFileSync(twoWays[0], cohort.ordersCsv.replace(`${id},`, `${id}Jose\u0301,`));
  writeFileSync(twoWays[1], cohort.eventsCsv.replaceAll(`${id},`, `${id}José,`));
  await uploadAndOpenData(page, twoWays);
  const panel = page.locator('check-in-r').first();
  await panel.getByRole('button', { name: 'Check in R' }).click();
  await expect(panel).toHaveAttribute('data-state', /done|failed/, { timeout: 240_000 });
  await expect(panel.locator('[data-error]')).toBeHidden();
  await expect(panel.locator('[data-summary]')).toHaveText(/^All [\d,]+ numbers agree, R 4\.6\.0$/);
});
