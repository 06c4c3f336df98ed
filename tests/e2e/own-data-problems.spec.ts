// Bad files on "Use your own data", as a new user would bring them: every malformed file the data
// contract's tests use (tests/fixtures/bad/, paired with a valid template from data/templates/)
// lists exactly the problems validateOwn() reports for the same bytes (the route the page's worker
// takes), each with its file, row, column and value, and nothing else changes: not the address,
// not the banner, not the numbers. Files larger than a browser tab should read are refused before
// a byte is read, with the command-line tool named instead.
import { test, expect, type Page } from '@playwright/test';
import { closeSync, mkdtempSync, openSync, readFileSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem } from '../../src/analysis/errors.ts';
import { analyse } from '../../src/analysis/analyse.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { BROWSER_LIMIT_BYTES, fixesOf, shownValue, tidyWords, validateOwn } from '../../src/lib/ownData.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { readData } from '../helpers/bundled.ts';
import { collectErrors, expected, problemCells } from './helpers.ts';

const bad = (name: string) => new URL(`../fixtures/bad/${name}`, import.meta.url).pathname;
const template = (name: string) => new URL(`../../data/templates/${name}`, import.meta.url).pathname;
// The worker looks offences up in the bundled index under this name (src/client/dataWorker.ts).
const bundledIndex = { name: 'harm-index.csv (bundled)', text: readData('harm-index.csv') };
const study = expected();

/** What the page must list for these files: validateOwn on the same bytes, with the page's default choices. */
function truth(orders: string, events: string): Problem[] {
  const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });
  return validateOwn({ orders: file(orders), events: file(events), designWindow: 24, outsideWindow: 'error' }, bundledIndex).problems;
}

async function upload(page: Page, orders: string, events: string): Promise<void> {
  await page.getByLabel(/orders/i).setInputFiles(orders);
  await page.getByLabel(/events/i).setInputFiles(events);
  await page.getByRole('button', { name: 'Analyse these files' }).click();
}

const rowText = (p: Problem) => (p.row === undefined ? '' : p.row === 0 ? 'header' : String(p.row));

/** The problems table lists exactly these problems, in order, cell by cell. */
async function expectProblems(page: Page, problems: Problem[]): Promise<void> {
  const rows = page.locator('[data-own-problems] tbody tr');
  await expect(rows).toHaveCount(problems.length);
  const cells = await problemCells(page);
  expect(cells.map((c) => c.slice(0, 5))).toEqual(problems.map((p) => [p.severity, p.file, rowText(p), p.column ?? '', shownValue(p.value ?? '')]));
  for (const [k, p] of problems.entries()) expect(cells[k][5]).toContain(p.value === undefined ? p.message : p.message.split(p.value).join(shownValue(p.value)));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) await expect(page.locator('[data-own-problems] caption')).toContainText(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
}

// Each malformed file and the valid file it goes with; the truth of what is wrong is computed, not written here.
const cases: { name: string; orders: string; events: string; expect: RegExp }[] = [
  { name: 'many problems in one events file', orders: template('orders.csv'), events: bad('many-problems-events.csv'), expect: /not a real date: February 2017 has 28 days/ },
  { name: 'UTF-16 with a byte-order mark', orders: template('orders.csv'), events: bad('utf16-bom-events.csv'), expect: /UTF-16/ },
  { name: 'UTF-16 without a byte-order mark', orders: template('orders.csv'), events: bad('utf16-nobom-events.csv'), expect: /UTF-16/ },
  { name: 'a stray quote that swallows a line', orders: template('orders.csv'), events: bad('stray-quote-events.csv'), expect: /begins on line 3/ },
  { name: 'a quote never closed', orders: template('orders.csv'), events: bad('unclosed-quote-events.csv'), expect: /never closed/ },
  { name: 'an issued_date outside its quarter', orders: bad('issued-date-quarter-orders.csv'), events: template('events.csv'), expect: /not in the order's quarter/ },
  { name: 'an offence missing from the harm index (no harm column)', orders: template('orders.csv'), events: bad('no-harm-events.csv'), expect: /not in the harm index/ },
  { name: 'an arrest outside the design window', orders: template('orders.csv'), events: bad('outside-window-events.csv'), expect: /outside the design window/ },
];

for (const c of cases) {
  test(`malformed: ${c.name}: every problem listed, nothing else changed`, async ({ page }) => {
    const errors = collectErrors(page);
    const problems = truth(c.orders, c.events);
    expect(problems.some((p) => p.severity === 'error'), 'the fixture is malformed').toBe(true);
    expect(problems.map((p) => p.message).join('\n')).toMatch(c.expect);
    await page.goto('own-data/');
    await upload(page, c.orders, c.events);
    await expectProblems(page, problems);
    await expect(page.locator('[data-own-status]')).toContainText('Nothing else has changed');
    // Focus goes to the list of problems.
    await expect(page.locator('[data-own-problems] caption')).toBeFocused();
    // Nothing else changed: the address, whose data are shown, the banner, the success message.
    expect(new URL(page.url()).search).toBe('');
    await expect(page.locator('html')).not.toHaveAttribute('data-source', 'local');
    await expect(page.locator('[data-local-banner]')).toBeHidden();
    await expect(page.locator('[data-own-success]')).toBeHidden();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('stro-own')))).toEqual([]);
    // The downloadable list has the same problems, one line each (one per row of a problem on many rows).
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download these problems/ }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.trim().split(/\r?\n/).length).toBe(problems.reduce((n, p) => n + (p.rows?.length ?? 1), 0) + 1);
    // The report still shows the study's numbers.
    await page.goto('');
    await expect(page.locator('[data-live="events.pre"]').first()).toHaveText(formatNumber(study.events.pre));
    await expect(page.locator('[data-live="events.post"]').first()).toHaveText(formatNumber(study.events.post));
    expect(errors).toEqual([]);
  });
}

test('a UK export (a title line, "Order_ID", day/month/year dates) is tidied on request: the changes said, the tidied files offered, and they load as the clean files do', async ({ page }) => {
  const errors = collectErrors(page);
  const cohort = makeCohort({ seed: 5, orders: 30, designWindow: 12 });
  const dmy = (csv: string) => csv.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
  const crlf = (csv: string) => csv.replace(/\n/g, '\r\n');
  const folder = mkdtempSync(join(tmpdir(), 'stro-tidy-'));
  const orders = join(folder, 'orders.csv');
  const events = join(folder, 'events.csv');
  writeFileSync(orders, '\uFEFF' + crlf('Orders export - run 2023-06-30\n' + dmy(cohort.ordersCsv).replace(/^order_id/, 'Order_ID')));
  writeFileSync(events, '\uFEFF' + crlf(dmy(cohort.eventsCsv)));
  const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });
  const choices = { designWindow: 12, outsideWindow: 'error' as const };
  const before = validateOwn({ orders: file(orders), events: file(events), ...choices }, bundledIndex);
  const after = validateOwn({ orders: file(orders), events: file(events), ...choices, tidy: true }, bundledIndex);
  expect(before.dataset).toBeUndefined();
  expect(after.dataset).toBeDefined();
  await page.goto('own-data/');
  await page.getByLabel(/design window/i).fill('12');
  await upload(page, orders, events);
  // Offered, with what would change, from the problems' own fixes.
  const offer = page.locator('[data-own-tidy]');
  await expect(offer).toBeVisible();
  const listed = (words: string[]) => words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  await expect(offer.locator('li')).toHaveText(listed(tidyWords(fixesOf(before.problems))));
  await expect(page.locator('[data-own-status]')).toContainText('“Tidy these”, below');
  // The keyboard lands on the offer, one Tab from its button (it had landed on the list below it).
  await expect(offer.locator('[data-own-tidy-text]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Tidy these and analyse again' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible();
  await expect(page.locator('[data-own-status]')).toContainText(`Loaded the tidied copies of your files, after ${formatNumber(after.tidied!.changes.length)} changes`);
  // What was done, every change (some showed only once others were made), and the tidied files.
  const done = page.locator('[data-own-tidied]');
  await expect(done.locator('[data-own-tidied-text] li')).toHaveText(listed(tidyWords(after.tidied!.changes)));
  expect(after.tidied!.changes.length).toBeGreaterThan(fixesOf(before.problems).length);
  await expect(page.locator('[data-own-summary]')).toContainText('orders-tidied.csv (30 orders) and events-tidied.csv');
  const fetched = async (name: string) => done.getByRole('link', { name }).evaluate(async (a: HTMLAnchorElement) => new Uint8Array(await (await fetch(a.href)).arrayBuffer()).join(','));
  const bytes = (text: string) => [...new TextEncoder().encode(text)].join(',');
  // The clean files, with the export's line ends (the byte-order mark is read as UTF-8's and not kept).
  expect(await fetched('orders-tidied.csv')).toBe(bytes(crlf(cohort.ordersCsv)));
  expect(await fetched('events-tidied.csv')).toBe(bytes(crlf(cohort.eventsCsv)));
  // The offer is gone with the errors; the report shows the tidied files' numbers, which are the clean files'.
  await expect(offer).toBeHidden();
  const clean = validateOwn({ orders: { name: 'orders.csv', text: cohort.ordersCsv }, events: { name: 'events.csv', text: cohort.eventsCsv }, ...choices }, bundledIndex);
  const result = analyse(clean.dataset!, { window: 12, categories: [...clean.dataset!.categories] });
  await page.goto('?data=local');
  await expect(page.locator('[data-live="events.pre"]').first()).toHaveText(formatNumber(result.events.pre));
  await expect(page.locator('[data-live="events.post"]').first()).toHaveText(formatNumber(result.events.post));
  // Later, the R script still needs the tidied orders: Data and methods offers the copy the report read.
  await page.goto('data/?data=local');
  const read = page.locator('a[data-own-orders-read]');
  await expect(read).toBeVisible();
  await expect(read).toHaveAttribute('download', 'orders-tidied.csv');
  const download = page.waitForEvent('download');
  await read.evaluate((a: HTMLAnchorElement) => a.click());
  expect(readFileSync((await (await download).path())!, 'utf8')).toBe(crlf(cohort.ordersCsv));
  expect(errors).toEqual([]);
});

test('warnings only (exact duplicate rows): listed, and the data load', async ({ page }) => {
  const problems = truth(template('orders.csv'), bad('duplicate-rows-events.csv'));
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  await page.goto('own-data/');
  await upload(page, template('orders.csv'), bad('duplicate-rows-events.csv'));
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible();
  await expectProblems(page, problems);
  await expect(page.locator('[data-own-problems] caption')).toHaveText(`${problems.length} warnings in your files`);
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
});

test('a bad upload while the reader\'s own data are shown leaves their data in view', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'stro-own-bad-'));
  const cohort = makeCohort({ seed: 21, orders: 30, designWindow: 24 });
  writeFileSync(join(dir, 'orders.csv'), cohort.ordersCsv);
  writeFileSync(join(dir, 'events.csv'), cohort.eventsCsv);
  await page.goto('own-data/');
  await upload(page, join(dir, 'orders.csv'), join(dir, 'events.csv'));
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible();
  await expect(page.locator('[data-local-banner]')).toContainText('orders.csv (30 orders)');
  const banner = await page.locator('[data-local-banner]').textContent();
  await page.getByRole('link', { name: 'Results' }).last().click();
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  const headline = await page.locator('[data-say="headline"]').first().textContent();

  await page.goto('own-data/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
  await upload(page, template('orders.csv'), bad('many-problems-events.csv'));
  await expect(page.locator('[data-own-problems] tbody tr')).toHaveCount(truth(template('orders.csv'), bad('many-problems-events.csv')).length);
  await expect(page.locator('[data-own-status]')).toContainText('Nothing else has changed');
  await expect(page.locator('[data-local-banner]')).toHaveText(banner!);
  expect(new URL(page.url()).search).toBe('?data=local');
  await page.goto('results/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  await expect(page.locator('[data-local-banner]')).toHaveText(banner!);
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(headline!);
});

test('files too large for a browser tab are refused before they are read, naming the command-line tool', async ({ page }) => {
  // A sparse file just over the limit: no disk space used, and nothing of it is ever read.
  const dir = mkdtempSync(join(tmpdir(), 'stro-own-big-'));
  const big = join(dir, 'events.csv');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, BROWSER_LIMIT_BYTES + 1);
  closeSync(fd);
  // Count every read of a file's content the page could make, and every message to a worker.
  await page.addInitScript(() => {
    const w = window as unknown as { __reads: number; __sent: string[] };
    w.__reads = 0;
    w.__sent = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      w.__sent.push(String((message as { type?: string })?.type));
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    };
    for (const name of ['arrayBuffer', 'text', 'stream', 'bytes'] as const) {
      const original = (Blob.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      if (!original) continue;
      (Blob.prototype as unknown as Record<string, unknown>)[name] = function (this: Blob, ...a: unknown[]) {
        w.__reads++;
        return original.apply(this, a);
      };
    }
    const readAs = FileReader.prototype.readAsArrayBuffer;
    FileReader.prototype.readAsArrayBuffer = function (blob: Blob) {
      w.__reads++;
      return readAs.call(this, blob);
    };
  });
  await page.goto('own-data/');
  const started = Date.now();
  await upload(page, template('orders.csv'), big);
  const status = page.locator('[data-own-status]');
  await expect(status).toContainText('Nothing was read');
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(status).toContainText('150.0 MB');
  await expect(status).toContainText('command-line tool');
  await expect(status).toContainText('npm run --silent analyze -- --orders orders.csv --events events.csv');
  expect(await page.evaluate(() => (window as unknown as { __reads: number }).__reads)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).toEqual([]);
  await expect(page.locator('[data-own-problems]')).toBeHidden();
  await expect(page.locator('[data-own-success]')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Analyse these files' })).toBeEnabled();
  expect(new URL(page.url()).search).toBe('');
});

test('on a 390 px phone each problem is a block of named lines, read without scrolling sideways, and still a table to a screen reader', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('own-data/');
  await upload(page, template('orders.csv'), bad('many-problems-events.csv'));
  const wrap = page.locator('[data-own-problems] .table-wrap');
  const rows = wrap.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth), 'no sideways scroll in the box').toBe(true);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), 'page width').toBeLessThanOrEqual(390);
  // Each problem's lines: its severity alone, then each filled cell named; what is wrong lies within the screen.
  const first = rows.first();
  const cells = first.locator('td');
  await expect(cells.nth(0)).toHaveText(/^(error|warning)$/);
  const values = (await problemCells(page))[0];
  for (const k of [1, 5]) await expect(cells.nth(k)).toHaveText(`${['', 'File', '', '', '', 'What is wrong, and what was expected'][k]}: ${values[k]}`);
  await cells.nth(5).scrollIntoViewIfNeeded();
  const box = await cells.nth(5).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  const tops = await first.evaluate((tr) => [...tr.querySelectorAll('td')].filter((td) => td.textContent !== '').map((td) => Math.round(td.getBoundingClientRect().top)));
  expect(new Set(tops).size, 'a line per filled cell').toBe(tops.length);
  // To a screen reader it is still a table: its name, six column headers, a row per problem, cells without the visual names.
  const table = page.getByRole('table', { name: /in your files/ });
  await expect(table.getByRole('columnheader')).toHaveCount(6);
  await expect(table.getByRole('row')).toHaveCount((await rows.count()) + 1);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveCount(6);
  expect(await page.locator('[data-own-problems] .cell-label').first().getAttribute('aria-hidden')).toBe('true');
  // At a desk it is an ordinary table, with no names in its cells.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.locator('[data-own-problems] .cell-label').first()).toBeHidden();
  expect(await cells.nth(5).evaluate((td) => getComputedStyle(td).display)).toBe('table-cell');
});

test('files dropped together go where their names say ("arrests_by_order.csv" is the events), and load', async ({ page }) => {
  await page.goto('own-data/');
  await expect(page.getByRole('button', { name: 'Analyse these files' })).toBeEnabled();
  const files = [
    { name: 'orders_2023.csv', text: readFileSync(template('orders.csv'), 'utf8') },
    { name: 'arrests_by_order.csv', text: readFileSync(template('events.csv'), 'utf8') },
  ];
  await page.locator('[data-own-drop]').evaluate((zone, files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  await expect(page.locator('[data-own-status]')).toHaveText('2 files placed by name. Choose “Analyse these files” when ready.');
  await expect(page.locator('[data-chosen="orders"]')).toContainText('Chosen: orders_2023.csv');
  await expect(page.locator('[data-chosen="events"]')).toContainText('Chosen: arrests_by_order.csv');
  await page.getByLabel(/design window/i).fill('24');
  await page.getByRole('button', { name: 'Analyse these files' }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeVisible({ timeout: 30_000 });
});

test.describe('the problems table, however long a value and however narrow the screen', () => {
  /** Events whose first row names an order 20,000 characters long, with the template's orders. */
  function longValue(): { orders: string; events: string } {
    const dir = mkdtempSync(join(tmpdir(), 'stro-own-long-'));
    const [header, first, ...rest] = readFileSync(template('events.csv'), 'utf8').split('\n');
    const events = join(dir, 'events.csv');
    writeFileSync(events, [header, first.replace(/^[^,]*/, 'X'.repeat(20_000)), ...rest].join('\n'));
    return { orders: template('orders.csv'), events };
  }

  test('at 1280px a 20,000-character value wraps in its cell, and every problem\'s explanation stays in view', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const files = longValue();
    await page.goto('own-data/');
    await upload(page, files.orders, files.events);
    const wrap = page.locator('[data-own-problems] .table-wrap');
    await expect(wrap).toBeVisible();
    const [box, explanation] = await Promise.all([wrap.boundingBox(), page.locator('[data-own-problems] thead th').last().boundingBox()]);
    expect(explanation!.x + explanation!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThan(50);
    // shown by its start and its length, in its cell and in its message; the CSV keeps it whole
    const problems = truth(files.orders, files.events);
    expect(problems.some((p) => p.value?.length === 20_000)).toBe(true);
    await expectProblems(page, problems);
    await expect(page.locator('[data-own-problems] tbody')).toContainText('… (20,000 characters)');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download these problems/ }).click();
    expect(readFileSync((await (await download).path())!, 'utf8')).toContain('X'.repeat(20_000));
  });

  test('at 1280px no heading, severity, file, row, column or explanation is broken inside a word', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('own-data/');
    await upload(page, bad('issued-date-quarter-orders.csv'), bad('many-problems-events.csv'));
    await expect(page.locator('[data-own-problems] tbody tr').first()).toBeVisible();
    const broken = await page.locator('[data-own-problems] thead th, [data-own-problems] tbody td:not(:nth-child(5))').evaluateAll((cells) => cells.flatMap((cell) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if ((text.parentElement as HTMLElement).closest('.cell-label')) continue;
        // a word: between spaces and hyphens ("many-problems-events.csv" may break after a hyphen)
        for (const m of (text.textContent ?? '').matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index!);
          range.setEnd(text, m.index! + m[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) out.push(m[0]);
        }
      }
      return out;
    }));
    expect(broken).toEqual([]);
  });

  test('on a 390px phone the caption runs across the list, and the list is not cut off in a box of its own', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('own-data/');
    await upload(page, template('orders.csv'), bad('many-problems-events.csv'));
    const caption = page.locator('[data-own-problems] caption');
    await expect(caption).toBeVisible();
    expect((await caption.boundingBox())!.width).toBeGreaterThan(250);
    const wrap = page.locator('[data-own-problems] .table-wrap');
    expect(await wrap.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  });
});
