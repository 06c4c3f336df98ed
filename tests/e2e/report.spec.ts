// The report in a real browser, against the production build: every control changes every
// number to what analyse() gives for that view; the view lives in the URL; the page works from
// the keyboard and without JavaScript; nothing is requested from another host.
import { test, expect, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { PAGES } from '../../src/lib/pages.ts';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { EMPTY_VIEW } from '../../src/lib/wording.ts';
import { sentence } from '../../src/lib/live.ts';
import { categoryName } from '../../src/analysis/categories.ts';
import { collectErrors, domain, expectHeadline, expected, waitForView } from './helpers.ts';
import { serialiseState } from '../../src/lib/urlState.ts';
import { nullWorldFor, DEFAULT_LOOKBACK, DEFAULT_SELECTION, ROBUST_NUMBERS } from '../../src/lib/robustness.ts';

const all = domain.categories;

test('every page loads without console errors and shows the default numbers', async ({ page }) => {
  test.setTimeout(60_000); // ten pages
  const errors = collectErrors(page);
  const r = expected();
  for (const p of PAGES) {
    await page.goto(p.slug);
    await expect(page.locator('h1')).toHaveCount(1);
    await waitForView(page, { window: 24, categories: all });
    for (const el of await page.locator('[data-live="events.pre"]').all()) await expect(el).toHaveText(formatNumber(r.events.pre));
    await expect(page.locator('body')).not.toContainText(/NaN|undefined/);
    // "On this page" links only to sections that are shown (never to one about a reader's own data).
    for (const link of await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').all()) {
      const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
      expect(await page.locator(`[id="${id}"]`).isVisible(), `${p.slug}: "On this page" → #${id}`).toBe(await link.isVisible());
    }
  }
  expect(errors).toEqual([]);
});

for (const category of all) {
  test(`unticking ${categoryName(category)} recomputes the headline exactly as analyse() does`, async ({ page }) => {
    await page.goto('');
    await page.getByRole('checkbox', { name: categoryName(category) }).uncheck();
    const state = { window: 24, categories: all.filter((c) => c !== category) };
    await waitForView(page, state);
    await expectHeadline(page, expected(state));
    await page.getByRole('checkbox', { name: categoryName(category) }).check();
    await waitForView(page, { window: 24, categories: all });
    await expectHeadline(page, expected());
  });
}

test('the window control recomputes every figure, table and sentence', async ({ page }) => {
  await page.goto('results/');
  const slider = page.getByRole('slider', { name: /window/i });
  for (const window of [3, 6, 12, 18, 24]) {
    await slider.fill(String(window));
    const state = { window, categories: all };
    await waitForView(page, state);
    const r = expected(state);
    await expectHeadline(page, r);
    const row = page.locator('[data-table="results:events"] tbody tr').first();
    await expect(row.locator('td').nth(0)).toHaveText(formatNumber(r.events.pre));
    await expect(row.locator('td').nth(2)).toHaveText(formatPercent(r.events.reduction));
    await expect(page.locator('#window-value')).toHaveText(`${window} months`);
  }
});

test('the view is kept in the URL: reload, back and forward, and across pages', async ({ page }) => {
  await page.goto('');
  await page.getByRole('checkbox', { name: 'Drugs' }).uncheck();
  await page.getByRole('slider', { name: /window/i }).fill('12');
  const state = { window: 12, categories: all.filter((c) => c !== 'drugs') };
  await waitForView(page, state);
  expect(new URL(page.url()).search).toBe('?w=12&c=modern_slavery,violence,other');
  await page.reload();
  await waitForView(page, state);
  await expect(page.getByRole('checkbox', { name: 'Drugs' })).not.toBeChecked();
  await expect(page.getByRole('slider', { name: /window/i })).toHaveValue('12');
  await expectHeadline(page, expected(state));

  await page.goBack();
  await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'drugs') });
  await expectHeadline(page, expected({ categories: all.filter((c) => c !== 'drugs') }));
  await page.goForward();
  await waitForView(page, state);

  await page.getByRole('navigation', { name: 'Previous and next page' }).getByRole('link', { name: /Background/ }).click();
  await expect(page).toHaveURL(/\/background\/\?w=12&c=modern_slavery,violence,other$/);
  // Background does not follow the view: it has no controls, only the view's summary.
  await expect(page.locator('[data-view-summary]')).toHaveText('12 months · modern slavery, violence, other offences');
  await page.getByRole('navigation', { name: 'Previous and next page' }).getByRole('link', { name: /Method/ }).click();
  await expect(page).toHaveURL(/\/method\/\?w=12&c=modern_slavery,violence,other$/);
  await waitForView(page, state);
  await expect(page.getByRole('checkbox', { name: 'Drugs' })).not.toBeChecked();
});

test('a garbage query falls back to the default view without errors', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('?w=999&c=%3Cscript%3Ealert(1)%3C/script%3E&x=%E0%A4%A');
  await waitForView(page, { window: 24, categories: all });
  await expectHeadline(page, expected());
  for (const c of all) await expect(page.getByRole('checkbox', { name: categoryName(c) })).toBeChecked();
  expect(errors).toEqual([]);
});

test('no category selected shows an explicit empty state, never NaN', async ({ page }) => {
  await page.goto('results/');
  for (const c of all) await page.getByRole('checkbox', { name: categoryName(c) }).uncheck();
  await waitForView(page, { window: 24, categories: [] });
  await expect(page.locator('[data-say="headline"]').first()).toHaveText(EMPTY_VIEW);
  await expect(page.locator('main')).not.toContainText(/NaN|undefined|Infinity/);
  await expect(page.locator('[data-table="results:events"] tbody')).toContainText('No offence category is selected');
  // Nothing is drawn, so there is no scale to keep (an accessibility review found the option offered).
  await expect(page.locator('[data-study-option]:not([hidden])')).toHaveCount(0);
  // Said once under Harm, not twice in a row (a copy-editor): the paragraph comparing harm with arrests stands aside.
  const harm = await page.locator('main').evaluate((m) => {
    const h2 = [...m.querySelectorAll('h2')].find((h) => h.textContent === 'Harm')!;
    const texts: string[] = [];
    for (let el = h2.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) texts.push((el as HTMLElement).innerText.trim());
    return texts.filter(Boolean);
  });
  expect(harm.slice(0, 2).filter((t) => t.includes(EMPTY_VIEW))).toHaveLength(1);
  // Nor does Results describe a figure or intervals it does not show (a re-check).
  await expect(page.getByText("The figure below shows each person's arrests")).toBeHidden();
  await expect(page.getByText('Compare the widths of the intervals above')).toBeHidden();
  // Conclusions says it once for each finding, in the verdict, not again after it (a re-check: four bullets did).
  await page.goto('conclusions/?c=none');
  await waitForView(page, { window: 24, categories: [] });
  const findings = page.locator('h2:has-text("What the study found") + p + ul > li');
  await expect(findings.first()).toContainText('Cannot be checked in this view');
  for (const text of await findings.allInnerTexts()) expect(text, text).not.toContain(EMPTY_VIEW);
  // Nor, at one month, the reason a line or a correlation cannot be computed, which the verdict gives (a re-check).
  await page.goto('conclusions/?w=1');
  await waitForView(page, { window: 1, categories: all });
  await expect(findings.first()).toBeVisible();
  for (const text of await findings.allInnerTexts()) {
    expect(text.match(/a line needs at least two points|a correlation test needs at least three pairs/g)?.length ?? 0, text).toBeLessThan(2);
  }
  // Trends explains no trend line where none is drawn (a copy-editor: the caveats about the lines stayed).
  await page.goto('trends/?c=none');
  await waitForView(page, { window: 24, categories: [] });
  await expect(page.getByText('The trend line is a straight-line summary')).toBeHidden();
  await expect(page.getByText('Where harm declines steadily after the orders')).toBeHidden();
  // The Overview's account of the squares counts none: it steps aside, and no "the 0 arrests" is left.
  await page.goto('?c=none');
  await waitForView(page, { window: 24, categories: [] });
  await expect(page.getByText('Each square is one arrest of a person in the analysis')).toBeHidden();
  await expect(page.locator('main')).not.toContainText(/the 0 arrests/, { useInnerText: true });
});

test('no page shows "n/a" where a reader can see it, in an empty view or a one-month window', async ({ page }) => {
  test.setTimeout(90_000); // ten pages, twice
  for (const view of [{ window: 24, categories: [] }, { window: 1, categories: all }]) {
    const r = expected(view);
    for (const p of PAGES) {
      await page.goto(p.slug + serialiseState(view, domain));
      await waitForView(page, view);
      // How robust is it? fills its own numbers after the view's: wait for the simulation's.
      if (p.slug === 'robustness/' && view.categories.length > 0) {
        await expect(page.locator('[data-robust="nullWorld.mean"]')).toHaveText(ROBUST_NUMBERS['nullWorld.mean']({ world: nullWorldFor(r, DEFAULT_SELECTION, DEFAULT_LOOKBACK), liberty: null, curve: null }));
      }
      const visible = await page.locator('main').innerText();
      expect(visible.split('\n').filter((line) => /n\/a|NaN|undefined/.test(line)), `${p.slug}${serialiseState(view, domain)}`).toEqual([]);
    }
  }
});

test('every control works from the keyboard alone', async ({ page }) => {
  await page.goto('');
  const violence = page.getByRole('checkbox', { name: 'Violence' });
  await violence.focus();
  await page.keyboard.press('Space');
  await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'violence') });
  await page.keyboard.press('Space');
  await waitForView(page, { window: 24, categories: all });

  const slider = page.getByRole('slider', { name: /window/i });
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await waitForView(page, { window: 22, categories: all });
  await expectHeadline(page, expected({ window: 22 }));
  await page.keyboard.press('End');
  await waitForView(page, { window: 24, categories: all });
});

test('the headline figure is one tab stop and arrow keys move between arrests', async ({ page }) => {
  await page.goto('');
  const figure = page.getByRole('application', { name: /every arrest/i });
  // An application to a screen reader, so that its arrow keys reach it in focus mode (an accessibility
  // review: as a group, NVDA and JAWS kept the arrows for their reading cursor); so is the curve.
  await expect(figure).toHaveAttribute('aria-roledescription', 'interactive figure');
  // With the script, every number is a live handle to its derivation's dialog.
  expect(await page.locator('main button.num').evaluateAll((all) => all.filter((b) => b.hasAttribute('aria-disabled') || b.getAttribute('aria-haspopup') !== 'dialog').length)).toBe(0);
  await figure.focus();
  await expect(figure).toBeFocused();
  const inspector = page.locator('[data-inspector]');
  await page.keyboard.press('ArrowRight');
  await expect(inspector).toContainText(/arrest 1 of \d+/i);
  await expect(inspector).toContainText('Enter or Space picks out this person’s arrests.');
  await page.keyboard.press('ArrowRight');
  await expect(inspector).toContainText(/arrest 2 of/i);
  // the hint once, not at every step
  await expect(inspector).not.toContainText('Enter or Space');
  await expect(inspector).toContainText(/month −?\d+/);
  await expect(inspector).toContainText(/days/);
  await page.keyboard.press('End');
  const r = expected();
  const total = r.events.pre + r.events.post;
  await expect(inspector).toContainText(new RegExp(`^Arrest ${total} of ${total} \\(after\\)`));
  // One tab stop: Tab leaves the figure.
  await page.keyboard.press('Tab');
  await expect(figure).not.toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the report reads fully with the default numbers', async ({ page }) => {
    // Every page, and every tab stop of each: 8 s alone here, and past 30 s once on a busy machine.
    test.setTimeout(90_000);
    const r = expected();
    for (const p of PAGES) {
      await page.goto(p.slug);
      await expect(page.locator('h1')).toHaveCount(1);
      // "On this page" links only to sections that are shown, as it does with JavaScript (the first test).
      for (const link of await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').all()) {
        const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
        expect(await page.locator(`[id="${id}"]`).isVisible(), `${p.slug}: "On this page" → #${id}`).toBe(await link.isVisible());
      }
    }
    await page.goto('');
    await expectHeadline(page, r);
    await expect(page.locator('svg').first()).toBeVisible();
    await page.goto('results/');
    await expect(page.locator('[data-table="results:harm"] tbody tr').first().locator('td').nth(2)).toHaveText(formatPercent(r.harm.reduction));
    // A shared address asking for another view: the bar says, in sight, that it is not the view shown.
    await page.goto('results/?w=6&c=drugs');
    // (Playwright's text matchers skip <noscript> subtrees, so the line is found by its class, in the bar.)
    const line = page.getByRole('region', { name: 'Your view' }).locator('.view-noscript');
    await expect(line).toHaveText(/^JavaScript is off, so this page shows the study's view, 24 months and all categories, whatever its address says/);
    await expect(line).toBeVisible();
    // The <noscript> lines speak for the controls; the "script has not started" notice is for a page whose scripts run.
    await page.waitForTimeout(3500);
    await expect(page.locator('.script-failed')).toBeHidden();
    // Nothing invites an action that cannot happen: no "select any number", no figure instructions,
    // and numbers are not dressed as handles.
    await page.goto('');
    await expect(page.getByText('select any number to see how it was calculated')).toBeHidden();
    await expect(page.locator('[data-inspector]')).toBeHidden();
    expect(await page.locator('main button.num').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
    await page.goto('robustness/');
    await expect(page.getByText("Tap or click a specification's marks")).toBeHidden();
    // Nor are numbers or figures tab stops that do nothing, or groups that promise arrow keys.
    for (const slug of ['', 'results/', 'robustness/']) {
      await page.goto(slug);
      const stops = await tabStops(page, 160);
      expect(stops.filter((s) => s.startsWith('number ') || /arrow keys/.test(s)), slug || '/').toEqual([]);
    }
    await page.goto('');
    await expect(page.getByRole('group', { name: 'Every arrest in this view', exact: true })).toHaveAttribute('tabindex', '-1');
    // A number is announced as unavailable, not as a button that opens a dialog and then does nothing (an accessibility review).
    const numbers = page.locator('main button.num');
    expect(await numbers.count()).toBeGreaterThan(10);
    expect(await numbers.evaluateAll((all) => all.filter((b) => b.getAttribute('aria-disabled') !== 'true' || b.hasAttribute('aria-haspopup')).length)).toBe(0);
  });
});

/** What Tab reaches from the top of the page, in order, each as "tag.class name path" ("number …" for a number's button), until it comes round to one it reached before or `most` stops. */
async function tabStops(page: Page, most: number): Promise<string[]> {
  const stops: string[] = [];
  await page.locator('body').focus();
  await page.evaluate(() => { (window as unknown as { reached: Set<Element> }).reached = new Set(); });
  for (let k = 0; k < most; k++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const reached = (window as unknown as { reached: Set<Element> }).reached;
      if (!a || a === document.body || reached.has(a)) return '';
      reached.add(a);
      return `${a.matches('button.num') ? 'number ' : ''}${a.tagName.toLowerCase()}.${a.className} ${a.getAttribute('aria-label') ?? ''}`;
    });
    if (at === '') break;
    stops.push(at);
  }
  return stops;
}

test('with the script, numbers and the keyboard figures are tab stops, the figures named with their keys', async ({ page }) => {
  await page.goto('');
  await waitForView(page, { window: domain.span, categories: domain.categories });
  const stops = await tabStops(page, 200);
  expect(stops.filter((s) => s.startsWith('number ')).length).toBeGreaterThan(5);
  expect(stops.some((s) => s.includes('Every arrest in this view: arrow keys move'))).toBe(true);
});

test('when the report\'s own script cannot start, the page says so instead of looking live', async ({ page }) => {
  // A page that starts: the notice is not displayed at all (not merely waiting for its delay).
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: all });
  expect(await page.locator('.script-failed').evaluate((el) => getComputedStyle(el).display)).toBe('none');
  // The page's entry script blocked, as a policy or an extension might: after a short wait, the header says why the page
  // shows the study's view under an address that asks for another.
  const entry = await page.locator('script[type="module"][src*="Report.astro"]').getAttribute('src');
  expect(entry).toBeTruthy();
  await page.route(`**${entry}`, (route) => route.abort('blockedbyclient'));
  await page.goto('?w=12');
  const notice = page.locator('.script-failed');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveText(/has not started.*shows the study's view, 24 months and all categories, whatever its address says, and it cannot change its view, read your data, show how a number was worked out or respond in its figures/);
  await expect(page.getByRole('alert').filter({ hasText: 'has not started' })).toHaveCount(1);
  // Still inviting a click on a number, at first; 15 s on, the page stops promising what only the script
  // can do (the CSS animations are moved on to then, rather than waited for).
  const invitation = page.getByText('select any number to see how it was calculated');
  await expect(invitation).toBeVisible();
  await page.evaluate(() => { for (const a of document.getAnimations()) a.currentTime = 16_000; });
  await expect(invitation).toBeHidden();
  await expect(page.locator('[data-inspector]').first()).toBeHidden();
  expect(await page.locator('main button.num').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
});

test('a script slow to arrive is said to be not started yet, never to have failed, and the page is live once it starts', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('');
  const entry = await page.locator('script[type="module"][src*="Report.astro"]').getAttribute('src');
  // Held back until the notice has shown (3 s after the page is drawn), then let through: a fixed
  // delay raced the notice on a busy machine, where the page itself was drawn late.
  let release = () => {};
  const released = new Promise<void>((r) => { release = r; });
  await page.route(`**${entry}`, async (route) => { await released; await route.continue(); });
  await page.goto('?w=12', { waitUntil: 'commit' }); // not 'load', which waits for the script
  const notice = page.locator('.script-failed');
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText('it may still be loading');
  await expect(notice).not.toContainText(/did not start|failed/);
  release();
  await waitForView(page, { window: 12, categories: all });
  await expect(notice).toBeHidden();
  await expect(page.getByText('select any number to see how it was calculated')).toBeVisible();
});

test('the notice waiting for the script takes no room until it shows, so a page that starts does not move (a layout shift of 0.063 on every page)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    (window as unknown as { shifts: number[] }).shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) (window as unknown as { shifts: number[] }).shifts.push((e as unknown as { value: number }).value); }).observe({ type: 'layout-shift', buffered: true });
  });
  const entry = await (async () => { await page.goto('background/'); return page.locator('script[type="module"][src*="Report.astro"]').getAttribute('src'); })();
  // Held back for a second: the page is painted without its script, as on a slow connection.
  await page.route(`**${entry}`, async (route) => { await new Promise((r) => setTimeout(r, 1_000)); await route.continue(); });
  await page.goto('background/', { waitUntil: 'commit' });
  const bar = page.locator('section.view-bar');
  await expect(bar).toBeVisible();
  const before = (await bar.boundingBox())!.y;
  expect(await page.locator('.script-failed').evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
  await expect(page.locator('html')).toHaveAttribute('data-started', /.*/, { timeout: 10_000 });
  expect((await bar.boundingBox())!.y).toBe(before);
  expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0))).toBe(0);
});

test('no request leaves the site', async ({ page, baseURL }) => {
  test.setTimeout(60_000); // ten pages, each changed once
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) outside.push(req.url());
  });
  for (const p of PAGES) {
    if (p.live) {
      await page.goto(p.slug);
      await page.getByRole('checkbox', { name: 'Other offences' }).uncheck();
    } else await page.goto(`${p.slug}?c=modern_slavery,violence,drugs`); // no controls here
    await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'other') });
  }
  expect(outside).toEqual([]);
});

/**
 * The scripts a page requests before its load event, by the browser's own times (when the load event
 * began, and when each request started), not by when Playwright reports each to the test: a request
 * made at idle just after the load event may be reported before the event is. A request the browser
 * gives no start time (a worker's script, at times) counts as before when it was reported before the
 * load event was.
 */
async function scriptsBeforeLoad(page: Page, slug: string): Promise<string[]> {
  await page.goto('about:blank'); // the page before, and the requests it still makes, are gone
  const requests: { req: Request; reportedBeforeLoad: boolean }[] = [];
  let loadReported = false;
  const onLoad = () => (loadReported = true);
  const record = (req: Request) => void (req.resourceType() === 'script' && requests.push({ req, reportedBeforeLoad: !loadReported }));
  page.on('request', record);
  page.on('load', onLoad);
  await page.goto(slug, { waitUntil: 'load' });
  const loadAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
  await page.waitForTimeout(300); // anything requested at idle after the event is recorded, to be told apart
  page.off('request', record);
  page.off('load', onLoad);
  const before: string[] = [];
  for (const { req, reportedBeforeLoad } of requests) {
    await req.response();
    const start = req.timing().startTime;
    if (start > 0 ? start < loadAt : reportedBeforeLoad) before.push(new URL(req.url()).pathname);
  }
  return before;
}

// Issue 9, §10: at most 60 KB of gzip JavaScript before the first interaction. The figure code
// (Plot, d3) and the engine (Arquero, the data) load on first use, or when the browser is idle
// after the load event; before that event a page requests only its start-up script. Sizes are
// the built files gzipped here, as a compressing host would send them (the test server does not).
const LATER = /\/(figures|engine|analyse|bundled|panel|robustness|dataWorker|robustWorker)[.-][^/]*\.js$/;
for (const p of PAGES) {
  test(`${p.short}: before the load event, no figure or engine code and at most 60 KB of gzip JavaScript`, async ({ page, baseURL }) => {
    const scripts = await scriptsBeforeLoad(page, p.slug);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => LATER.test(s))).toEqual([]);
    const base = new URL(baseURL!).pathname;
    const gzip = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(`dist/${s.slice(base.length)}`), { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(60 * 1024);
  });
}

// What loads when the page is idle waits for the load event: a page held up by a slow resource is
// idle long before it, and that idle moment must not start the workers or the engine.
test('a page whose load event is held up still requests no worker, engine or figure code before it', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/held-up.gif', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') });
  });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => document.body.append(Object.assign(new Image(), { src: new URL('held-up.gif', location.href).href, alt: '' })));
  });
  const early: string[] = [];
  for (const p of PAGES) early.push(...(await scriptsBeforeLoad(page, p.slug)).filter((s) => LATER.test(s)).map((s) => `${p.slug}: ${s}`));
  expect(early).toEqual([]);
});

test('downloads of the results follow the view: the JSON is the CLI\'s --json after whose data and the view it holds', async ({ page }) => {
  await page.goto('data/?w=6&c=violence');
  await waitForView(page, { window: 6, categories: ['violence'] });
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Full results (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('stro-results-w6-violence.json');
  const json = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
  expect(Object.keys(json).slice(0, 2)).toEqual(['data', 'view']);
  const { data, view, ...body } = json;
  expect(data).toEqual({ kind: 'study', description: "the report's synthetic data, calibrated to the study's published figures: not the study's records" });
  // analyse() for the view is what `npm run analyze -- --window 6 --categories violence --json` prints (tests/export.test.ts).
  expect(body).toEqual(JSON.parse(JSON.stringify(expected({ window: 6, categories: ['violence'] }))));
  expect(view).toEqual({ window: 6, categories: ['violence'], wilcoxon: 'current', gap: 0, weights: 'data', query: '?w=6&c=violence', description: '6 months before and after; categories: violence; paired test as current R' });
});

test('an unknown address gets the report\'s 404 page, with status 404 and links to every page', async ({ page }) => {
  const response = await page.goto('no-such-page/?x=<b>bold</b>');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // It names the address asked for, as text (so that a printout or a screenshot says which).
  await expect(page.locator('.not-found code')).toHaveText(page.url());
  await expect(page.locator('.not-found b')).toHaveCount(0);
  for (const p of PAGES) await expect(page.getByRole('link', { name: p.title, exact: true })).toHaveCount(1);
  await expect(page.locator('[data-guess]')).toBeHidden();
  // An old address under a page's name: that page is offered first, and every link keeps the view asked for.
  expect((await page.goto('results/old-figure/?w=12&c=drugs'))?.status()).toBe(404);
  const guess = page.locator('[data-guess]');
  await expect(guess).toBeVisible();
  await expect(guess).toHaveText(`Perhaps you meant ${PAGES.find((p) => p.slug === 'results/')!.title}.`);
  expect(new URL((await guess.getByRole('link').getAttribute('href'))!, page.url()).pathname + new URL((await guess.getByRole('link').getAttribute('href'))!, page.url()).search).toMatch(/\/results\/\?w=12&c=drugs$/);
  await guess.getByRole('link').click();
  await expect(page.locator('html')).toHaveAttribute('data-view', '?w=12&c=drugs');
});

test('the answer in three sentences reads as three sentences, in the study\'s view and another', async ({ page }) => {
  for (const view of [{ window: 24, categories: domain.categories }, { window: 6, categories: ['drugs'] }]) {
    await page.goto(view.window === 24 ? '' : '?w=6&c=drugs');
    await waitForView(page, view);
    const r = expected(view);
    const want = ['answer:what', 'answer:harm', 'answer:meaning'].map((s) => sentence(r, s)).join(' ');
    await expect(page.locator('p.answer')).toHaveText(want);
  }
});

// The first Intl number format in a page loads the browser's locale data (20–50 ms of the main
// thread here), so the report formats numbers itself (src/lib/format.ts) and makes Plot's format
// lazy (astro.config.mjs). This holds it: loading each page, changing the view, scrolling to the
// end and letting the idle-time loads run, no Intl object is made and nothing calls toLocaleString.
test('no page makes an Intl object while it loads, changes view or scrolls', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const calls: string[] = ((window as unknown as { __intl: string[] }).__intl = []);
    const record = (what: string) => calls.push(what);
    const intl = Intl as unknown as Record<string, object>;
    for (const name of ['NumberFormat', 'DateTimeFormat', 'PluralRules', 'Collator', 'ListFormat', 'RelativeTimeFormat', 'Segmenter', 'DisplayNames']) {
      if (!intl[name]) continue;
      intl[name] = new Proxy(intl[name], {
        construct: (target, args) => (record(`Intl.${name}`), Reflect.construct(target as new (...a: unknown[]) => object, args)),
        apply: (target, self, args) => (record(`Intl.${name}`), Reflect.apply(target as (...a: unknown[]) => unknown, self, args)),
      });
    }
    for (const [proto, name] of [[Number.prototype, 'Number'], [Date.prototype, 'Date'], [BigInt.prototype, 'BigInt']] as const) {
      const original = proto.toLocaleString as (...a: unknown[]) => string;
      (proto as { toLocaleString: unknown }).toLocaleString = function (this: unknown, ...args: unknown[]) {
        record(`${name}.toLocaleString`);
        return original.apply(this, args);
      };
    }
  });
  for (const p of PAGES) {
    await page.goto(p.slug);
    await page.waitForLoadState('networkidle');
    const box = page.locator('input[name="category"][value="violence"]');
    if (await box.count()) {
      await waitForView(page, { window: 24, categories: all });
      await box.click();
      await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'violence') });
    }
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 700) {
        scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      }
    });
    await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
    expect(await page.evaluate(() => (window as unknown as { __intl: string[] }).__intl), `on ${p.slug || 'the overview'}`).toEqual([]);
  }
});

test('a live number and its noun agree: a one-month window reads "1 month", after a change too', async ({ page }) => {
  test.setTimeout(60_000);
  const wrong = /(^|[^\d.,])1 (months|arrests|orders|people)\b/;
  for (const slug of ['', 'method/', 'data/', 'robustness/', 'conclusions/']) {
    await page.goto(`${slug}?w=1`);
    await waitForView(page, { window: 1, categories: all });
    await expect(page.locator('main')).not.toContainText(wrong);
    await expect(page.locator('main')).toContainText(/\b1 month\b/);
  }
  // and back to the plural when the slider moves on
  await page.getByRole('slider').press('ArrowRight');
  await waitForView(page, { window: 2, categories: all });
  await expect(page.locator('main')).toContainText(/\b2 months\b/);
  await expect(page.locator('main')).not.toContainText(/\b2 month\b(?!s)/);
});

test('on a 900px-tall laptop the sidebar says when controls are hidden below its foot, shows them on a click, and never covers one', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: all });
  const side = page.locator('aside.side');
  const scroller = side.locator('[data-side-scroll]');
  const cue = side.locator('[data-side-more]');
  const reset = side.locator('#reset');
  // Once the page has scrolled past its header, the sidebar sticks, as tall as the window.
  await page.evaluate(() => window.scrollTo(0, 900));
  // The page list and the controls are taller than the window: Reset starts below the sidebar's foot.
  expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 50)).toBe(true);
  await expect(reset).not.toBeInViewport();
  await expect(cue).toBeVisible();
  await expect(cue).toHaveText(/More settings below/);
  await expect(cue).toHaveAttribute('aria-hidden', 'true');
  // It sits at the sidebar's foot, inside the window, below the part that scrolls: never over a control.
  const [cueBox, sideBox, scrollBox] = [await cue.boundingBox(), await side.boundingBox(), await scroller.boundingBox()];
  expect(cueBox!.y + cueBox!.height).toBeLessThanOrEqual(sideBox!.y + sideBox!.height + 1);
  expect(cueBox!.y + cueBox!.height).toBeLessThanOrEqual(900);
  expect(cueBox!.y).toBeGreaterThanOrEqual(scrollBox!.y + scrollBox!.height - 1);
  const before = await scroller.evaluate((el) => el.scrollTop);
  await cue.click();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
  // Reaching the foot hides the cue but keeps its room: the scrolling part does not grow, so the
  // last controls do not jump down under a pointer about to click them (they did, by the cue's height).
  const height = await scroller.evaluate((el) => el.clientHeight);
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
  await expect(reset).toBeInViewport();
  await expect(cue).toBeHidden();
  expect(await scroller.evaluate((el) => el.clientHeight)).toBe(height);
  // Scrolled back up, the cue returns, and the last controls, reached by keyboard or by a click,
  // are whole in view with nothing over them.
  await scroller.evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }));
  await expect(cue).toBeVisible();
  const onTop = (el: Element) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.bottom <= window.innerHeight && (hit === el || el.contains(hit) || (el as HTMLInputElement).labels?.[0]?.contains(hit) === true);
  };
  await reset.focus();
  expect(await reset.evaluate(onTop)).toBe(true);
  await scroller.evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }));
  const paired = side.getByRole('radio', { name: 'R 4.5 and earlier' });
  await paired.scrollIntoViewIfNeeded();
  expect(await paired.evaluate(onTop)).toBe(true);
  // in a window tall enough for everything there is no cue
  await page.setViewportSize({ width: 1280, height: 1600 });
  await expect(cue).toBeHidden();
  await expect(reset).toBeInViewport();
});

test('a number or interval in a table is never broken across lines', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: all });
  const cells = page.locator('td > button.num');
  expect(await cells.count()).toBeGreaterThan(20);
  const broken = await cells.evaluateAll((buttons) =>
    buttons.filter((b) => {
      if (!b.checkVisibility()) return false;
      // Each line a text runs over has its own box, at its own height.
      const range = document.createRange();
      range.selectNodeContents(b);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    }).map((b) => b.textContent));
  expect(broken).toEqual([]);
  await expect(page.locator('td > button.num', { hasText: / to / }).first()).toBeVisible();
});

test('at 1280 px Results\' tables of numbers fit their column: no "Holm p" cut at the edge (a reviewer at ?w=12&c=violence,drugs, a re-check at ?w=9&gap=2)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const query of ['', '?w=12&c=violence,drugs', '?w=9&gap=2', '?gap=3&weights=high&wilcoxon=legacy']) {
    await page.goto(`results/${query}`);
    await expect(page.locator('html')).toHaveAttribute('data-view', query ? /./ : 'default');
    const wide = await page.locator('[data-table="results:events"], [data-table="results:harm"]').evaluateAll((wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
    expect(wide.length).toBeGreaterThan(0);
    for (const over of wide) expect(over, query).toBeLessThanOrEqual(1);
  }
});
