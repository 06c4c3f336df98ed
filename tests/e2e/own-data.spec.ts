// A reader's own data, as a new user would bring them: two CSV files in the templates' format, with
// dates, chosen on "Use your own data". Every page must switch to them, with the numbers the CLI
// prints for the same files; bad files must list every problem and change nothing; the data must
// survive page moves and reloads in the tab, and be gone from a fresh one; nothing may leave the page.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/analysis/analyse.ts';
import { validateDataset } from '../../src/analysis/validate.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { headline } from '../../src/lib/wording.ts';
import { PAGES } from '../../src/lib/pages.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { collectErrors, expected, problemCells } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'stro-own-'));
const cohort = makeCohort({ seed: 11, orders: 64, designWindow: 12 });
const ordersPath = join(dir, 'orders.csv');
const eventsPath = join(dir, 'events.csv');
writeFileSync(ordersPath, cohort.ordersCsv);
writeFileSync(eventsPath, cohort.eventsCsv);

/** The CLI on the same files: the independent route to the same numbers. */
function cli(...view: string[]): AnalysisResult {
  const out = execFileSync(process.execPath, ['src/cli/analyze.ts', '--orders', ordersPath, '--events', eventsPath, '--design-window', '12', ...view, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out) as AnalysisResult;
}
const full = cli();
const study = expected();

async function upload(page: Page, files: { orders: string; events: string; harm?: string }, designWindow = 12, extracted?: string): Promise<void> {
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(files.orders);
  await page.getByLabel(/events/i).setInputFiles(files.events);
  if (files.harm) await page.getByLabel(/harm index/i).setInputFiles(files.harm);
  await page.getByLabel(/design window/i).fill(String(designWindow));
  if (extracted) await page.getByLabel(/Data extracted on/).fill(extracted);
  await page.getByRole('button', { name: 'Analyse these files' }).click();
}

test('files with dates: every page recomputed for them, with the CLI\'s numbers, and nothing called synthetic', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await upload(page, { orders: ordersPath, events: eventsPath });
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 }); // checked and analysed in the worker: slow on a busy machine
  expect(new URL(page.url()).search).toBe('?data=local');
  const banner = page.locator('[data-local-banner]');
  await expect(banner).toContainText(`orders.csv (${full.sample.register} orders)`);
  await expect(banner).toContainText('never sent anywhere');
  await expect(page.getByText('Synthetic data.', { exact: false }).first()).toBeHidden();

  // The Overview, through the success message's link.
  await page.getByRole('link', { name: 'Overview' }).last().click();
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  expect(full.events.pre).not.toBe(study.events.pre);
  for (const el of await page.locator('[data-live="events.pre"]').all()) await expect(el).toHaveText(formatNumber(full.events.pre));
  for (const el of await page.locator('[data-live="events.post"]').all()) await expect(el).toHaveText(formatNumber(full.events.post));
  for (const el of await page.locator('[data-say="headline"]').all()) await expect(el).toHaveText(headline(full));
  await expect(page.locator('[data-study-only]').first()).toBeHidden();
  await expect(page.locator('[data-local-only] .callout').first()).toBeVisible();
  // The callout says whose data once: "These are your data: orders.csv (64 orders) and events.csv (… arrests). Every number …"
  await expect(page.locator('[data-local-only] .callout').first()).toContainText(new RegExp(`^These are your data: orders\\.csv \\(${full.sample.register} orders\\) and events\\.csv \\([\\d,]+ arrests\\)\\. Every number`));
  // Controls built from their data: their categories and design window.
  const boxes = page.locator('#controls input[name="category"]');
  await expect(boxes).toHaveCount(full.domain.categories.length);
  expect(await boxes.evaluateAll((b) => b.map((x) => (x as HTMLInputElement).value))).toEqual(full.domain.categories);
  await expect(page.locator('#window')).toHaveAttribute('max', '12');

  // A change of view, compared with the CLI for the same view.
  await page.locator('#controls input[value="fraud"]').uncheck();
  const fewer = cli('--categories', full.domain.categories.filter((c) => c !== 'fraud').join(','));
  await expect(page.locator('html')).toHaveAttribute('data-view', `?data=local&c=${full.domain.categories.filter((c) => c !== 'fraud').join(',')}`);
  for (const el of await page.locator('[data-live="events.pre"]').all()) await expect(el).toHaveText(formatNumber(fewer.events.pre));

  // Another page, through the page list: the view and the data come along.
  await page.getByRole('navigation', { name: 'Report pages' }).getByRole('link', { name: 'Results' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-view', /data=local/);
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(fewer));

  // A reload keeps the data (and the view).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(fewer));
  // The whole view is shown again (figures included, in a task after the numbers) before Reset is used.
  await expect(page.locator('html')).toHaveAttribute('data-view', `?data=local&c=${full.domain.categories.filter((c) => c !== 'fraud').join(',')}`);

  // The reset link returns to the full view of their data, not to the study's data.
  await page.getByRole('link', { name: 'Reset to the full view of your data' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline(full));
  await expect(page.getByRole('link', { name: "Reset to the study's view" })).toBeHidden();
  expect(errors).toEqual([]);
});

test('a new tab (a closed one forgotten) shows the study\'s data and says why', async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await upload(page, { orders: ordersPath, events: eventsPath });
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 }); // checked and analysed in the worker: slow on a busy machine
  await first.close();
  const second = await browser.newContext();
  const fresh = await second.newPage();
  await fresh.goto('results/?data=local&w=6');
  // Said for the reader in another tab as for someone sent the address: no "someone", and what to do.
  await expect(fresh.locator('#view-notice')).toContainText('stay in the browser tab they were loaded in');
  await expect(fresh.locator('#view-notice')).toContainText('Go back to the tab where you loaded them, or load them again on “Use your own data”');
  await expect(fresh.locator('#view-notice')).not.toContainText('someone');
  await expect(fresh.locator('#local-status')).toHaveText(''); // nothing is said to be loading any more
  await expect(fresh.locator('html')).not.toHaveAttribute('data-source', 'local');
  expect(new URL(fresh.url()).search).toBe('?w=6');
  const six = expected({ window: 6 });
  await expect(fresh.locator('[data-say="headline"]').first()).toHaveText(headline(six));
  // Looking for the data left nothing behind in this browser: no database was made.
  expect(await fresh.evaluate(() => indexedDB.databases().then((all) => all.map((d) => d.name)))).not.toContain('stro-own-data');
  await second.close();
});

test('an extraction date: follow-ups that end after it are listed as the engine lists them; a later one loads the data and is said on the banner, in Method and in the command', async ({ page }) => {
  test.setTimeout(90_000);
  // The latest arrest in the file: no arrest is after it, and the most recent orders' follow-ups are.
  const latest = cohort.eventsCsv.trim().split('\n').slice(1).map((l) => /\d{4}-\d{2}-\d{2}/.exec(l)![0]).sort().at(-1)!;
  const truth = validateDataset({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv } }, { designWindow: 12, extracted: latest, manifest: { designWindow: 12, synthetic: false, calibrated: false } });
  const errors = truth.problems.filter((p) => p.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.every((p) => p.file === 'orders.csv' && p.column === 'issued_date')).toBe(true);
  await upload(page, { orders: ordersPath, events: eventsPath }, 12, latest);
  const rows = page.locator('[data-own-problems] tbody tr');
  await expect(rows).toHaveCount(truth.problems.length);
  const cells = await problemCells(page);
  expect(cells.filter((c) => c[0] === 'error' || /error/i.test(c[0])).map((c) => c.slice(1, 4))).toEqual(errors.map((p) => [p.file, String(p.row), 'issued_date']));
  await expect(page.locator('[data-own-problems]')).toContainText(`after the data were extracted on ${latest}`);
  await expect(page.locator('html')).not.toHaveAttribute('data-source', 'local');

  await upload(page, { orders: ordersPath, events: eventsPath }, 12, '2099-12-31');
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-local-banner]')).toContainText(', extracted on 2099-12-31: analysed in this browser');
  await page.goto('method/?data=local');
  await expect(page.locator('[data-local-text="followup"]').first()).toHaveText("Every analysed order's follow-up was checked against the date you gave for the extraction, 2099-12-31: each one's 12-month window after the order ends by then.");
  await page.goto('data/?data=local');
  await expect(page.getByText(/--extracted 2099-12-31/).first()).toBeAttached();
});

test("the study's facts stay the study's: Method's example of the two rules, Conclusions on time at liberty, and Results on where harm comes from all follow the reader's files and view", async ({ page }) => {
  test.setTimeout(90_000);
  // The templates give months in custody or abroad; their events without the harm column take harm from the bundled index.
  const noHarm = join(dir, 'events-no-harm.csv');
  writeFileSync(noHarm, readFileSync('data/templates/events.csv', 'utf8').split('\n').map((l) => l.split(',').slice(0, 4).join(',')).join('\n'));
  await upload(page, { orders: 'data/templates/orders.csv', events: noHarm }, 24);
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 });
  await page.goto('method/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
  await expect(page.getByText('with 8 months of drug arrests')).toBeHidden();
  await expect(page.getByText(/In narrower views the two rules can disagree by more than a little/).first()).toBeVisible();
  await page.goto('conclusions/?data=local');
  await expect(page.locator('[data-local-text="liberty"]')).toHaveText('Your files give the months each person spent in custody or abroad, so this loss of opportunity can be allowed for:');
  await expect(page.locator('[data-local-text="libertyWhat"]')).toHaveText('compares arrests per month at liberty before and after the orders, over your full design window with no months left out.');
  await expect(page.getByText('Without data on time at liberty')).toBeHidden();
  // The opening reading is the study's: on a reader's data it gives way to one about theirs (an analyst's rise of 106% sat under "worth seeking").
  await expect(page.getByText(/make STROs worth seeking for what/)).toBeHidden();
  await expect(page.locator('#for-a-force-deciding-now')).toContainText('For a force reading its own data');
  await expect(page.locator('#for-a-force-deciding-now [data-say="answer:what"]').last()).toBeVisible();
  await page.goto('results/?data=local&weights=high');
  await expect(page.locator('html')).toHaveAttribute('data-view', /weights=high/);
  const source = page.locator('[data-local-only]').filter({ hasText: 'harm as worked out for your data' }).first();
  await expect(source).toContainText("from the bundled harm index");
  await expect(source).toContainText("though in this view each arrest's harm is instead the harm index's high weight for its offence.");
  await page.goto('results/?data=local');
  await expect(source).not.toContainText('though in this view');
});

test('bad files: every problem listed (and downloadable), and nothing else changes', async ({ page }) => {
  const bad = join(dir, 'bad-events.csv');
  const lines = cohort.eventsCsv.trim().split('\n');
  lines[3] = lines[3].replace(/\d{4}-\d{2}-\d{2}/, '2019-02-30'); // not a date
  lines[5] = lines[5].replace(/^F-\d{4}/, 'F-9999'); // no such order
  lines[8] = lines[8].replace(/,[a-z]+,/, ',Violence,'); // not a lowercase code
  writeFileSync(bad, lines.join('\n') + '\n');
  const truth = validateDataset({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'bad-events.csv', text: lines.join('\n') + '\n' } }, { designWindow: 12, manifest: { designWindow: 12, synthetic: false, calibrated: false } });
  expect(truth.dataset).toBeUndefined();
  await upload(page, { orders: ordersPath, events: bad });
  const rows = page.locator('[data-own-problems] tbody tr');
  await expect(rows).toHaveCount(truth.problems.length);
  expect(truth.problems.length).toBeGreaterThanOrEqual(3);
  // Errors first, then warnings, each in the engine's order.
  const listed = [...truth.problems.filter((p) => p.severity === 'error'), ...truth.problems.filter((p) => p.severity !== 'error')];
  const cells = await problemCells(page);
  expect(cells.map((c) => c.slice(1, 4))).toEqual(listed.map((p) => [p.file, p.row === undefined ? '' : p.row === 0 ? 'header' : String(p.row), p.column ?? '']));
  await expect(page.locator('[data-own-status]')).toContainText('Nothing else has changed');
  expect(new URL(page.url()).search).toBe('');
  await expect(page.locator('html')).not.toHaveAttribute('data-source', 'local');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download these problems/ }).click();
  const csv = await (await download).path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p!, 'utf8')));
  expect(csv.trim().split('\n').length).toBe(truth.problems.length + 1);
  // The study's numbers are still what every page shows.
  await page.goto('');
  await expect(page.locator('[data-live="events.pre"]').first()).toHaveText(formatNumber(study.events.pre));
});

test('strings from the files are shown as text, never run; no request leaves the page', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const orders = join(dir, 'hostile-orders.csv');
  const events = join(dir, 'hostile-events.csv');
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`; // CSV quoting: the strings arrive intact
  const script = '");window.__pwned=2;//';
  writeFileSync(orders, cohort.ordersCsv.replace('F-0001', q(hostile)).replace('F-0002', q(script)));
  writeFileSync(events, cohort.eventsCsv.replaceAll('F-0001', q(hostile)).replaceAll('F-0002', q(script)).replaceAll('Common assault', q('x"+alert(1)+"')));
  const requests: { url: string; method: string }[] = [];
  page.on('dialog', () => { throw new Error('a dialog opened: a string from a file ran as code'); });
  await page.goto('own-data/');
  const origin = new URL(page.url()).origin;
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  await page.getByLabel(/orders/i).setInputFiles(orders);
  await page.getByLabel(/events/i).setInputFiles(events);
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 }); // checked and analysed in the worker: slow on a busy machine
  await page.goto('results/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
  await page.locator('[data-figure="perOrder"] summary').first().click();
  // (the table is filled when it opens, after the page's own data have loaded: slow on a busy machine)
  await expect(page.getByRole('cell', { name: hostile }).first()).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // Only the site's own files were fetched (scripts, the worker); nothing was sent anywhere.
  for (const r of requests) {
    expect(new URL(r.url).origin === origin || r.url.startsWith('blob:') || r.url.startsWith('data:'), r.url).toBe(true);
    expect(r.method).toBe('GET');
  }
});

test("with a reader's own data, no page tells the study's story with their numbers or calls them synthetic", async ({ page }) => {
  test.setTimeout(120_000);
  await upload(page, { orders: ordersPath, events: eventsPath });
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 });
  // Sentences about the study's data, or the study's account of its sample, that must not stand over a reader's numbers.
  // (The citation on Data and methods describes the report itself: "Interactive re-creation, on synthetic data, of …".)
  const studyOnly = [/(?<!on )synthetic data/i, /In 2023 the team obtained/, /In the study's view of the bundled data/, /illustrative weights\)/, /In the bundled dataset, the flow above/];
  for (const p of PAGES.filter((p) => p.live)) {
    await page.goto(`${p.slug}?data=local`);
    await expect(page.locator('html')).toHaveAttribute('data-view', /data=local/, { timeout: 30_000 });
    const text = await page.locator('body').innerText();
    for (const phrase of studyOnly) expect(text, `${p.slug || 'overview'}: ${phrase}`).not.toMatch(phrase);
  }
  // Method says what their file's sample column gives, in their numbers.
  await page.goto('method/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', /data=local/, { timeout: 30_000 });
  await expect(page.getByText('Your orders file lists')).toContainText(
    `Your orders file lists ${formatNumber(full.sample.register)} orders. Of these, ${formatNumber(full.sample.withFollowup)} orders are marked as having your design window (12 months) before and after the order, and ${formatNumber(full.sample.analysed)} orders are analysed`,
  );
  // Results: the harm table says where their harm comes from.
  await page.goto('results/?data=local');
  await expect(page.locator('[data-table="results:harm"] caption')).toContainText(/^Total harm \(days, from the harm column of events\.csv\)/, { timeout: 30_000 });
  await expect(page.locator('footer')).toContainText('The numbers shown are from your own data, which stay in this browser');
  await expect(page.getByRole('region', { name: 'Your view' })).toContainText('Your view of your data: ', { useInnerText: true });
});

test('on a 390 px phone, files with long names widen no page: the form, the banner and every page stay within the screen', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const long = (what: string) => join(dir, `police_force_extract_2024_STRO_${what}_final_version_reviewed_v12.csv`);
  writeFileSync(long('orders'), cohort.ordersCsv);
  writeFileSync(long('events'), cohort.eventsCsv);
  const width = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
  await page.goto('own-data/');
  await page.getByLabel(/orders/i).setInputFiles(long('orders'));
  await page.getByLabel(/events/i).setInputFiles(long('events'));
  await expect(page.locator('[data-chosen="events"]')).toContainText('_events_final_version_reviewed_v12.csv');
  expect(await width(), 'own-data/ with the files chosen').toBeLessThanOrEqual(390);
  await page.getByLabel(/design window/i).fill('12');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 });
  expect(await width(), 'own-data/ loaded').toBeLessThanOrEqual(390);
  for (const p of PAGES) {
    await page.goto(`${p.slug}?data=local`);
    await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
    await expect(page.locator('[data-local-banner]')).toContainText('_orders_final_version_reviewed_v12.csv');
    expect(await width(), p.slug).toBeLessThanOrEqual(390);
  }
});

test("with a reader's own harm column, no figure, table or derivation calls their harm CCHI days", async ({ page }) => {
  test.setTimeout(120_000);
  await upload(page, { orders: ordersPath, events: eventsPath });
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 });
  for (const slug of ['results/', 'trends/', 'robustness/']) {
    await page.goto(`${slug}?data=local`);
    await expect(page.locator('html')).toHaveAttribute('data-view', /data=local/, { timeout: 30_000 });
    // Every figure drawn, and every "Show as table" opened, as a reader would.
    const figures = page.locator('[data-figure], [data-robust-figure]');
    expect(await figures.count(), slug).toBeGreaterThan(2);
    for (const host of await figures.all()) await host.scrollIntoViewIfNeeded();
    await figures.locator('details').evaluateAll((all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    await expect.poll(async () => (await figures.allTextContents()).filter((t) => /CCHI|Cambridge Crime Harm/.test(t)).map((t) => t.slice(0, 120)), { timeout: 30_000 }).toEqual([]);
    // Harm is still named, in days.
    expect((await figures.allTextContents()).join(' '), slug).toMatch(/\bdays\b/);
  }
  await page.goto('results/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', /data=local/, { timeout: 30_000 });
  await page.locator('main button.num[data-path="harm.pre"]').first().click();
  const panel = page.locator('#derivation-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('harm');
  await expect(panel).not.toContainText('CCHI');
  // Other weights need an index that lists every offence, and none was given: they are not offered,
  // and the note beside them says why and what to do (an analyst expected the bundled index to serve).
  await page.goto('results/?data=local&weights=low');
  await expect(page.locator('html')).toHaveAttribute('data-view', /data=local/, { timeout: 30_000 });
  await expect(page.locator('input[name="weights"][value="low"]')).toBeDisabled();
  await expect(page.locator('#weights-note')).toHaveText(/^Harm is taken as your files record it, so other weights are not offered: the report’s pages never weigh recorded harm by a harm index \(the illustrative one, or yours\); the command line does, with --weights and a harm index of your own \(--harm-index\)\.$/);
});

test('with a harm index of their own, Method shows the reader that index, its offences and weights as text, before the bundled one', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  // The cohort's events without their harm column, and an index of the reader's own for their offences.
  const lines = cohort.eventsCsv.trimEnd().split('\n');
  const harmAt = lines[0].split(',').indexOf('harm');
  const offenceAt = lines[0].split(',').indexOf('offence');
  const bare = lines.map((l) => l.split(',').filter((_, k) => k !== harmAt).join(',')).join('\n') + '\n';
  const offences = [...new Set(lines.slice(1).map((l) => l.split(',')[offenceAt]))];
  const index = ['offence,harm_days,sens_low,sens_high', ...offences.map((o, k) => `${o},${k + 2},${k + 1},${k + 3}`), '<img src=x onerror=alert(1)>,5,4,6'].join('\n') + '\n';
  const eventsPath2 = join(dir, 'events-no-harm.csv');
  const indexPath = join(dir, 'force-index.csv');
  writeFileSync(eventsPath2, bare);
  writeFileSync(indexPath, index);
  await upload(page, { orders: ordersPath, events: eventsPath2, harm: indexPath });
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 60_000 });
  await page.goto('method/?data=local');
  const own = page.locator('[data-own-harm-index]');
  await expect(own).toBeVisible({ timeout: 30_000 });
  await expect(own.locator('caption')).toHaveText(/^Your harm index, force-index\.csv: /);
  await expect(own.locator('thead th')).toHaveText(['offence', 'harm_days', 'sens_low', 'sens_high']);
  await expect(own.locator('tbody tr')).toHaveCount(offences.length + 1);
  await expect(own.locator('tbody tr').first().locator('th, td')).toHaveText([offences[0], '2', '1', '3']);
  // a string from the file is text, never markup
  await expect(own.locator('tbody tr').last().locator('th').first()).toHaveText('<img src=x onerror=alert(1)>');
  await expect(own.locator('img')).toHaveCount(0);
  // ... and before the bundled index, which the page still shows, named as such
  await expect(page.getByRole('table').filter({ hasText: 'The bundled harm index' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('files too large for a tab: nothing is read, the command to run instead names every file given, and a name with a direction control is shown without it, with a word to rename it', async ({ page }) => {
  await page.goto('own-data/');
  // 151 MB made in the page (sent over the test's connection it would take minutes): the size is
  // all the form reads before it stops.
  await page.evaluate(() => {
    const put = (id: string, file: File) => {
      const input = document.getElementById(id) as HTMLInputElement;
      const list = new DataTransfer();
      list.items.add(file);
      input.files = list.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    put('own-orders', new File(['order_id,issued,sample\n'], 'orders\u202eVSC.csv', { type: 'text/csv' }));
    put('own-events', new File([new Uint8Array(151 * 1024 * 1024)], 'events.csv', { type: 'text/csv' }));
    put('own-harm', new File(['offence,harm_days\n'], 'my index.csv', { type: 'text/csv' }));
  });
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  const status = page.locator('[data-own-status]');
  await expect(status).toContainText('more than a browser tab can analyse comfortably');
  const text = await status.innerText();
  expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(text).toContain("npm run --silent analyze -- --orders ordersVSC.csv --events events.csv --harm-index 'my index.csv' (see the README). A file name holds invisible characters that reverse the direction of text; rename the file as shown here first.");
});
