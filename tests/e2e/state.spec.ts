// The view state in a real browser: history steps, addresses the page cannot use, failures that
// are shown and undone, downloads that always hold the view on screen, and the "Your view" bar.
// Expected numbers come from the engine (analyse()) for the same view.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';
import { serialiseState, viewSummary, type ViewState } from '../../src/lib/urlState.ts';
import { categoryName } from '../../src/analysis/categories.ts';
import { collectErrors, domain, expectHeadline, expected, followWarmUp, ownFiles, uploadOwn, waitForView, warmedUp } from './helpers.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { headline } from '../../src/lib/wording.ts';
import { sentence } from '../../src/lib/live.ts';

const all = domain.categories;
const summary = (s: ViewState) => viewSummary(s, domain, categoryName);
const search = (page: Page) => new URL(page.url()).search;

test.describe('history', () => {
  test('arrowing the slider from 24 to 12 is one Back step once the reader pauses', async ({ page }) => {
    await page.goto('results/');
    const before = await page.evaluate(() => history.length);
    const slider = page.getByRole('slider', { name: /window/i });
    // The page's rule is about the times the browser stamped on the reader's keys. On a loaded
    // machine the test driver itself can leave a real pause between two presses, so the test
    // records those stamps and holds the page to the rule for the presses it actually received:
    // one entry for the whole run, plus one for each real pause of 600 ms or more.
    await slider.evaluate((el) => {
      (window as unknown as { keyStamps: number[] }).keyStamps = [];
      el.addEventListener('keydown', (e) => (window as unknown as { keyStamps: number[] }).keyStamps.push(e.timeStamp));
    });
    await slider.focus();
    for (let k = 0; k < 12; k++) await page.keyboard.press('ArrowLeft');
    await waitForView(page, { window: 12, categories: all });
    expect(search(page)).toBe('?w=12');
    const stamps = await page.evaluate(() => (window as unknown as { keyStamps: number[] }).keyStamps);
    expect(stamps).toHaveLength(12);
    const pauses = stamps.slice(1).filter((t, i) => t - stamps[i] >= 600).length;
    expect(await page.evaluate(() => history.length)).toBe(before + 1 + pauses);
    await page.waitForTimeout(700); // the reader pauses: the next step is a new entry
    await page.keyboard.press('ArrowLeft');
    await waitForView(page, { window: 11, categories: all });
    expect(await page.evaluate(() => history.length)).toBe(before + 2 + pauses);
    await page.goBack();
    await waitForView(page, { window: 12, categories: all });
    await expect(slider).toHaveValue('12');
    for (let k = 0; k <= pauses; k++) await page.goBack();
    await waitForView(page, { window: 24, categories: all });
    await expect(slider).toHaveValue('24');
    await expectHeadline(page, expected());
  });

  test('each tick of a box is its own Back step, even straight after the slider', async ({ page }) => {
    await page.goto('');
    const before = await page.evaluate(() => history.length);
    await page.getByRole('slider', { name: /window/i }).fill('18');
    await page.getByRole('checkbox', { name: 'Drugs' }).uncheck();
    await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
    await waitForView(page, { window: 18, categories: ['modern_slavery', 'other'] });
    expect(await page.evaluate(() => history.length)).toBe(before + 3);
    await page.goBack();
    await waitForView(page, { window: 18, categories: all.filter((c) => c !== 'drugs') });
  });

  test('a click straight after a change, before its address is written, keeps both in history in order', async ({ page }) => {
    // The address follows the view one frame behind (src/client/afterFrame.ts). A link to a place on
    // the page clicked in that frame must still come after the change: the change's entry, then the
    // link's, with the view's address on both.
    await page.goto('results/');
    const before = await page.evaluate(() => history.length);
    const anchor = await page.locator('article h2[id]').first().getAttribute('id');
    const after = await page.evaluate((anchor) => {
      document.querySelector<HTMLInputElement>('input[name="category"][value="drugs"]')!.click();
      const link = Object.assign(document.createElement('a'), { href: `#${anchor}`, textContent: 'jump' });
      document.querySelector('article')!.append(link);
      link.click();
      link.remove();
      return { search: location.search, hash: location.hash, length: history.length };
    }, anchor);
    const view = { window: 24, categories: all.filter((c) => c !== 'drugs') };
    expect(after).toEqual({ search: '?c=modern_slavery,violence,other', hash: `#${anchor}`, length: before + 2 });
    await waitForView(page, view);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search + location.hash)).toBe('?c=modern_slavery,violence,other');
    await page.goBack();
    await waitForView(page, { window: 24, categories: all });
  });
});

test('a link to another page followed straight after a change, before the frame, carries the new view', async ({ page }) => {
  // The links are rewritten after the frame that shows the view (src/client/main.ts showView); the
  // click on a link rewrites them first, so the next page opens on the view just chosen.
  await page.goto('results/');
  await page.evaluate(() => {
    document.querySelector<HTMLInputElement>('input[name="category"][value="drugs"]')!.click();
    document.querySelector<HTMLAnchorElement>('.pager a[href*="trends"]')!.click();
  });
  await expect(page).toHaveURL(/\/trends\/\?c=modern_slavery,violence,other$/);
  await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'drugs') });
});

test.describe('addresses the page cannot use', () => {
  for (const [query, names, state] of [
    ['?w=99', ['w=99'], { window: 24, categories: all }],
    ['?w=12.5', ['w=12.5'], { window: 24, categories: all }],
    ['?c=foo', ['c=foo'], { window: 24, categories: all }],
    ['?zoom=2&w=6&c=foo,drugs', ['zoom=2', 'c=foo'], { window: 6, categories: ['drugs'] }],
  ] as [string, string[], ViewState][]) {
    test(`${query} gets a polite notice naming what was ignored, and a canonical address`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto(`results/${query}`);
      await waitForView(page, state);
      const notice = page.getByRole('status').filter({ hasText: 'address was ignored' });
      await expect(notice).toHaveCount(1);
      for (const n of names) await expect(notice).toContainText(n);
      if (names.includes('w=99') || names.includes('w=12.5')) await expect(notice).toContainText('a whole number of months from 1 to 24');
      if (names.includes('c=foo')) await expect(notice).toContainText('one or more of modern_slavery, violence, drugs, other');
      if (names.includes('zoom=2')) await expect(notice).toContainText('whose settings are data, w, c, gap, weights and wilcoxon');
      expect(search(page)).toBe(state.window === 24 && state.categories.length === all.length ? '' : '?w=6&c=drugs');
      await expectHeadline(page, expected(state));
      expect(errors).toEqual([]);
    });
  }

  test('a valid address gets no notice', async ({ page }) => {
    await page.goto('results/?w=12');
    await waitForView(page, { window: 12, categories: all });
    await expect(page.locator('#view-notice')).toHaveText('');
  });
});

test('Reset returns to the study\'s view in place: the reader keeps their place and the keyboard its focus, and Back undoes it', async ({ page }) => {
  const errors = collectErrors(page);
  const narrow: ViewState = { window: 12, categories: ['violence', 'drugs'] };
  await page.goto(`results/${serialiseState(narrow, domain)}#harm`);
  await waitForView(page, narrow);
  const reset = page.locator('#reset');
  await reset.focus();
  await page.evaluate(() => { (window as unknown as { __kept: boolean }).__kept = true; });
  await page.keyboard.press('Enter');
  const study: ViewState = { window: 24, categories: all };
  await waitForView(page, study);
  await expectHeadline(page, expected(study));
  // the same page, not a new one: the marker set on it survives, and so do the focus and the place
  expect(await page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).toBe(true);
  await expect(reset).toBeFocused();
  expect(search(page)).toBe('');
  expect(new URL(page.url()).hash).toBe('#harm');
  await expect(page.locator('input[name="window"]')).toHaveValue('24');
  // one Back step returns to the view before
  await page.goBack();
  await waitForView(page, narrow);
  expect(search(page)).toBe(serialiseState(narrow, domain));
  expect(errors).toEqual([]);
});

// ---- failures: the chunks, found in the build from the import graph (never by their hashes)
const assets = new URL('../../dist/_astro/', import.meta.url);
function chunkGraph() {
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const text = Object.fromEntries(files.map((f) => [f, readFileSync(new URL(f, assets), 'utf8')]));
  const staticDeps = (f: string) => [...text[f].matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const closure = (f: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(f) || !text[f]) return seen;
    seen.add(f);
    for (const d of staticDeps(f)) closure(d, seen);
    return seen;
  };
  const exporting = (name: string) => {
    const found = files.filter((f) => new RegExp(`export\\s*\\{[^}]*\\bas ${name}\\b`).test(text[f]));
    expect(found, `one chunk exports ${name}`).toHaveLength(1);
    return found[0];
  };
  const engine = exporting('studyEngine'); // src/client/engine.ts: the study's engine, which runs analyse()
  const figures = exporting('renderAll'); // src/client/figures.ts
  // The page's own script: the chunk that imports the engine chunk dynamically.
  const imports = (f: string, g: string) => new RegExp(`import\\(["'\`]\\./${g.replace(/\./g, '\\.')}["'\`]\\)`).test(text[f]);
  const main = files.filter((f) => imports(f, engine) && imports(f, figures));
  expect(main, 'one chunk loads both on demand').toHaveLength(1);
  const atStart = closure(main[0]);
  const only = (f: string) => [...closure(f)].filter((c) => !atStart.has(c));
  const local = exporting('showLocal'); // src/client/localPage.ts: what opens a reader's own data on a page
  return { engine: only(engine), figures: only(figures), local: only(local) };
}

test.describe('a chunk that cannot load', () => {
  const graph = chunkGraph();
  const blocked = [...new Set([...graph.engine, ...graph.figures])];

  test('the import graph names the engine and the figures chunks', () => {
    expect(graph.engine.length).toBeGreaterThan(0);
    expect(graph.figures.length).toBeGreaterThan(0);
  });

  // Chunks are named by module, without their hashes; two modules of the same name (src/client/figures.ts
  // and src/lib/figures.ts) are told apart by their order.
  const named = new Map<string, number>();
  for (const chunk of blocked) {
    const engineFails = graph.engine.includes(chunk);
    const base = chunk.replace(/\.[\w-]+\.js$/, '');
    const seen = named.get(base) ?? 0;
    named.set(base, seen + 1);
    const name = seen === 0 ? base : `${base} (${seen + 1})`;
    test(`blocking ${name} (${engineFails ? 'the engine' : 'the figures'}) gives a visible, truthful state, and a later change recomputes`, async ({ page }) => {
      const errors = collectErrors(page);
      let block = true;
      await page.route(`**/_astro/${chunk}`, (route) => (block ? route.abort('blockedbyclient') : route.continue()));
      await page.goto('results/');
      const drugs = page.getByRole('checkbox', { name: 'Drugs' });
      // click(), not uncheck(): a failed engine may put the box back before uncheck() could confirm it.
      await drugs.click();
      const asked = { window: 24, categories: all.filter((c) => c !== 'drugs') };
      const alert = page.getByRole('alert').filter({ hasText: /could not/ });
      await expect(alert).toHaveCount(1);
      // In sight wherever the reader has scrolled to (the bar holding it does not scroll away).
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect(alert).toBeInViewport();
      const outOfDate = page.locator('[data-figure] [data-out-of-date]');
      const figures = await page.locator('[data-figure]').count();
      expect(figures).toBeGreaterThan(0);
      if (engineFails) {
        await expect(alert).toContainText(`Your change (${summary(asked)}) could not be applied`);
        await expect(alert).toContainText(`still shows ${summary({ window: 24, categories: all })}`);
        await expect(drugs).toBeChecked(); // the controls are back to the view shown
        expect(search(page)).toBe(''); // and so is the address
        await expect(page.locator('[data-view-summary]')).toHaveText(summary({ window: 24, categories: all }));
        await expectHeadline(page, expected());
        await expect(outOfDate).toHaveCount(0); // the charts still show the view shown
      } else {
        await expect(alert).toContainText('The charts on this page could not be redrawn');
        await waitForView(page, asked);
        await expectHeadline(page, expected(asked));
        await expect(drugs).not.toBeChecked();
        expect(search(page)).toBe('?c=modern_slavery,violence,other');
        await expect(outOfDate).toHaveCount(figures);
        for (const mark of await outOfDate.all()) {
          await expect(mark).toBeVisible();
          await expect(mark).toHaveText(`Out of date: this chart and its caption still show ${summary({ window: 24, categories: all })}, not your view.`);
        }
      }
      await expect(page.locator('body')).not.toContainText(/NaN|undefined/);

      // The block is lifted: the next change recomputes normally.
      block = false;
      await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
      // After a failed engine the page is back at the study's view; after failed figures it is at `asked`.
      const from = engineFails ? all : asked.categories;
      const nextState = { window: 24, categories: from.filter((c) => c !== 'violence') };
      await waitForView(page, nextState);
      await expectHeadline(page, expected(nextState));
      await expect(page.locator('#view-alert')).toHaveText('');
      await expect(outOfDate).toHaveCount(0);
      await expect(page.locator('[data-figure] .plot[data-stale]').first()).toHaveCount(0);
      expect(errors.filter((e) => !/Failed to load|net::ERR_|Failed to fetch|dynamically imported module|preload/i.test(e))).toEqual([]);
    });
  }

  test('an address whose numbers wait on slow code says which view the page still shows, then shows its own', async ({ page }) => {
    // The engine's chunks are held back, as on a slow connection; the address asks for a gap of 3 months.
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    for (const chunk of graph.engine) await page.route(`**/_astro/${chunk}`, async (route) => { await released; await route.continue(); });
    await page.goto('results/?gap=3');
    const note = page.locator('[data-updating-note]');
    const asked = { window: 24, categories: all, gap: 3 };
    // The controls and the bar already show the address's view; the numbers are still the study's, and say so.
    await expect(page.locator('[data-view-summary]')).toContainText('gap 3 months');
    await expect(note).toBeVisible();
    await expect(note).toContainText("still show the study's view");
    await expect(page.locator('#content')).toHaveAttribute('aria-busy', '');
    await expectHeadline(page, expected());
    // Every number is dimmed once (itself, or the sentence it sits in), never twice over.
    const opacities = () => page.locator('main button.num').evaluateAll((buttons) => buttons.filter((b) => b.checkVisibility()).map((b) => {
      let seen = 1;
      for (let el: Element | null = b; el; el = el.parentElement) seen *= Number(getComputedStyle(el).opacity);
      return Math.round(seen * 100) / 100;
    }));
    await expect.poll(async () => [...new Set(await opacities())]).toEqual([0.45]);
    // The note lies over the page: nothing moves when it comes or goes.
    const title = async () => (await page.locator('h1').boundingBox())!.y;
    const whileShown = await title();
    release();
    await waitForView(page, asked);
    await expectHeadline(page, expected(asked));
    await expect(note).toBeHidden();
    expect(await title()).toBe(whileShown);
    await expect(page.locator('#content')).not.toHaveAttribute('aria-busy');
    expect([...new Set(await opacities())]).toEqual([1]);
  });

  test('with reduced motion, numbers that wait on slow code are still dimmed, after the same quarter second (an accessibility review)', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    for (const chunk of graph.engine) await page.route(`**/_astro/${chunk}`, async (route) => { await released; await route.continue(); });
    await page.goto('results/?gap=3');
    await expect(page.locator('[data-updating-note]')).toBeVisible();
    const opacities = () => page.locator('main button.num').evaluateAll((buttons) => buttons.filter((b) => b.checkVisibility()).map((b) => {
      let seen = 1;
      for (let el: Element | null = b; el; el = el.parentElement) seen *= Number(getComputedStyle(el).opacity);
      return Math.round(seen * 100) / 100;
    }));
    await expect.poll(async () => [...new Set(await opacities())]).toEqual([0.45]);
    release();
    await waitForView(page, { window: 24, categories: all, gap: 3 });
    expect([...new Set(await opacities())]).toEqual([1]);
  });

  test('printed before the address\'s view is drawn, the printout gives the address of the view it shows, and says so', async ({ page, baseURL }) => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    for (const chunk of graph.engine) await page.route(`**/_astro/${chunk}`, async (route) => { await released; await route.continue(); });
    await page.goto('results/?w=6&c=violence,drugs');
    await expect(page.locator('[data-updating-note]')).toBeVisible();
    await page.pdf({ format: 'A4' });
    const asked = new URL('results/?w=6&c=violence,drugs', baseURL).href;
    const drawn = new URL('results/', baseURL).href;
    await expect(page.locator('[data-print-address]')).toHaveText(`${drawn}. This page's address, ${asked}, asks for another view, which had not been drawn when it was printed`);
    await expectHeadline(page, expected());
    // Once drawn, the address is the page's own.
    release();
    await waitForView(page, { window: 6, categories: ['violence', 'drugs'] });
    await page.pdf({ format: 'A4' });
    await expect(page.locator('[data-print-address]')).toHaveText(asked);
  });

  test('a change of view computed at once never shows the updating note', async ({ page }) => {
    await followWarmUp(page);
    await page.goto('results/');
    await waitForView(page, { window: 24, categories: all });
    // "At once": the engine has loaded (at idle) and the warm-up worker is not analysing the view
    // the reader picks. A view it is analysing is awaited, across tasks (src/client/warmQueue.ts),
    // so on a busy machine (two CI runs) a click that came while it worked was marked as updating.
    await warmedUp(page);
    // Then a change is drawn in the task it starts in: the page is never marked as updating, so
    // nothing restyles every number twice for a change that takes a frame.
    await page.evaluate(() => {
      const w = window as unknown as { __updating: number };
      w.__updating = 0;
      new MutationObserver(() => { if (document.documentElement.hasAttribute('data-updating')) w.__updating++; })
        .observe(document.documentElement, { attributes: true, attributeFilter: ['data-updating'] });
    });
    await page.getByRole('checkbox', { name: 'Drugs' }).click();
    await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'drugs') });
    await warmedUp(page);
    await page.getByRole('checkbox', { name: 'Violence' }).click();
    await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'drugs' && c !== 'violence') });
    expect(await page.evaluate(() => (window as unknown as { __updating: number }).__updating)).toBe(0);
    await expect(page.locator('[data-updating-note]')).toBeHidden();
  });

  test('with the figure code blocked, a chart that no view changes (the sample flow on Method) is not called out of date', async ({ page }) => {
    // the figures' own chunks, not those the engine shares
    const own = graph.figures.filter((c) => !graph.engine.includes(c));
    expect(own.length).toBeGreaterThan(0);
    for (const chunk of own) await page.route(`**/_astro/${chunk}`, (route) => route.abort('blockedbyclient'));
    await page.goto('method/');
    await page.getByRole('checkbox', { name: 'Drugs' }).click();
    await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'drugs') });
    await expect(page.locator('[data-figure="sampleFlow"]')).toBeVisible();
    await expect(page.locator('[data-figure] [data-out-of-date]')).toHaveCount(0);
    await expect(page.locator('#view-alert')).toHaveText('');
  });

  test('with the figure code blocked and then loaded, the headline figure is redrawn for the view before it is inspected', async ({ page }) => {
    const own = graph.figures.filter((c) => !graph.engine.includes(c));
    let block = true;
    for (const chunk of own) await page.route(`**/_astro/${chunk}`, (route) => (block ? route.abort('blockedbyclient') : route.continue()));
    await page.goto('');
    await page.getByRole('checkbox', { name: 'Drugs' }).click();
    const asked = { window: 24, categories: all.filter((c) => c !== 'drugs') };
    await waitForView(page, asked);
    const outOfDate = page.locator('[data-figure] [data-out-of-date]');
    await expect(outOfDate.first()).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'The charts on this page could not be redrawn' })).toHaveCount(1);

    // The code loads on the reader's next use of the figure: the charts catch up with the view
    // before a square is inspected, and what the inspector names is in the drawing on screen.
    block = false;
    const r = expected(asked);
    await page.getByRole('application', { name: /every arrest/i }).focus();
    await page.keyboard.press('End');
    await expect(page.locator('[data-inspector]')).toContainText(`Arrest ${r.events.pre + r.events.post} of ${r.events.pre + r.events.post} (after)`);
    await expect(outOfDate).toHaveCount(0);
    await expect(page.locator('#view-alert')).toHaveText('');
    await expect(page.locator('[data-figure="eventUnits"] [data-caption]')).toContainText(`${r.events.pre} in the 24 months before the order`);
    await expect(page.locator('[data-figure="eventUnits"] [data-caption]')).not.toContainText('Drugs');
  });

  test("with the figure code blocked, a reader's own data opened on a page say the charts still show the study's synthetic data", async ({ page }) => {
    const cohort = makeCohort({ seed: 23, orders: 40, designWindow: 12 });
    await uploadOwn(page, ownFiles(cohort.ordersCsv, cohort.eventsCsv, 12), 12);
    // the figures' own chunks, not those the engine or the reader's data share
    const own = graph.figures.filter((c) => !graph.engine.includes(c) && !graph.local.includes(c));
    expect(own.length).toBeGreaterThan(0);
    for (const chunk of own) await page.route(`**/_astro/${chunk}`, (route) => route.abort('blockedbyclient'));
    await page.goto('method/?data=local');
    const study = `the study's synthetic data (${summary({ window: 24, categories: all })})`;
    await expect(page.getByRole('alert')).toContainText(`each chart is marked out of date and still shows ${study}.`);
    const outOfDate = page.locator('[data-figure] [data-out-of-date]');
    // every chart, the sample flow included: it was drawn from other data
    await expect(outOfDate).toHaveCount(await page.locator('[data-figure]').count());
    for (const mark of await outOfDate.all()) await expect(mark).toHaveText(`Out of date: this chart and its caption still show ${study}, not your view.`);
  });

  test("while a reader's own data open from the address, the page says so and shows nothing of the study's in their place", async ({ page }) => {
    const cohort = makeCohort({ seed: 29, orders: 40, designWindow: 12 });
    const files = ownFiles(cohort.ordersCsv, cohort.eventsCsv, 12);
    await uploadOwn(page, files, 12);
    // what the page's numbers were at the moment it was shown as the reader's
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.documentElement.dataset.source === 'local' && !('shownWith' in window)) {
          (window as unknown as { shownWith: string[] }).shownWith = [...document.querySelectorAll('main [data-say="headline"]')].map((e) => e.textContent ?? '');
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-source'] }); // the html element is not made yet
    });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    for (const chunk of graph.local) await page.route(`**/_astro/${chunk}`, async (route) => { await held; await route.continue(); });
    await page.goto('results/?data=local', { waitUntil: 'domcontentloaded' });
    const opening = page.getByText('Opening your data in this browser…');
    await expect(opening).toBeVisible();
    await expect(page.getByText('Synthetic data.', { exact: false }).first()).toBeHidden();
    await expect(page.locator('main')).toBeHidden(); // its numbers are still the study's
    await expect(page.locator('html')).toHaveAttribute('data-source', 'loading');
    release();
    await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
    await expect(page.locator('main')).toBeVisible();
    await expect(opening).toBeHidden();
    await expect(page.locator('[data-local-banner]')).toContainText('orders.csv (40 orders)');
    const shownWith = await page.evaluate(() => (window as unknown as { shownWith: string[] }).shownWith);
    expect(shownWith.length).toBeGreaterThan(0);
    expect(new Set(shownWith)).toEqual(new Set([headline(files.cli())]));
  });
});

// ---- downloads
async function readDownload(page: Page, name: string): Promise<{ file: string; body: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  const file = await download;
  const body = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  return { file: file.suggestedFilename(), body };
}

test('result downloads stay disabled until they hold the view, then carry it in name and content', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const graph = chunkGraph();
  for (const chunk of graph.engine) await page.route(`**/_astro/${chunk}`, async (route) => { await held; await route.continue(); });
  await page.goto('data/?w=12&c=violence,drugs');
  const links = page.locator('a[data-download]');
  await expect(links).toHaveCount(2);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('aria-disabled', 'true');
    await expect(link).not.toHaveAttribute('href', /./);
  }
  release();
  const state = { window: 12, categories: ['violence', 'drugs'] };
  await waitForView(page, state);
  for (const link of await links.all()) {
    await expect(link).not.toHaveAttribute('aria-disabled', /./);
    await expect(link).toHaveAttribute('href', /^blob:/);
  }
  const types = await page.evaluate(async () => Promise.all([...document.querySelectorAll<HTMLAnchorElement>('a[data-download]')].map((a) => fetch(a.href).then((r) => r.headers.get('content-type')))));
  expect(types.sort()).toEqual(['application/json;charset=utf-8', 'text/csv;charset=utf-8']);

  const csv = await readDownload(page, 'Results table (CSV)');
  expect(csv.file).toBe('stro-results-w12-violence-drugs.csv');
  expect(csv.body.split('\n')[0]).toBe('\uFEFFmeasure,category,window_months,gap_months,weights,paired_test,orders,before,after,reduction,ci_lower,ci_upper,wilcoxon_V,p,p_holm,view,view_address,data');
  const r = expected(state);
  expect(csv.body.split('\n')[1]).toBe(`events,overall,12,0,data,current,${r.orders},${r.events.pre},${r.events.post},${r.events.reduction},${r.events.ci![0]},${r.events.ci![1]},${r.events.test.V},${r.events.test.p},,"12 months before and after; categories: violence, drugs; paired test as current R","?w=12&c=violence,drugs","the report's synthetic data, calibrated to the study's published figures: not the study's records"`);

  // A change of view rebuilds them at once, before any click.
  await page.getByRole('checkbox', { name: 'Drugs' }).uncheck();
  await waitForView(page, { window: 12, categories: ['violence'] });
  await expect(page.getByRole('link', { name: 'Full results (JSON)' })).toHaveAttribute('download', 'stro-results-w12-violence.json');
  await expect(page.getByRole('link', { name: 'Results table (CSV)' })).toHaveAttribute('download', 'stro-results-w12-violence.csv');
  // The JSON's description gives the command that prints it for this view, not the study's (a peer reviewer: run as written, it printed the study's view).
  await expect(page.locator('li', { has: page.getByRole('link', { name: 'Full results (JSON)' }) })).toContainText(`as ${sentence(expected({ window: 12, categories: ['violence'] }), 'command')} prints it`);
});

// ---- the "Your view" bar
for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 390 ? 844 : 800 } });

    test('the view bar follows the view, stays reachable, and Change leads to the controls', async ({ page }) => {
      await page.goto('results/');
      const bar = page.getByRole('region', { name: 'Your view' });
      // The bar names whose data the view is of where there is room for it; on a phone every figure's caption does.
      await expect(bar).toContainText(`Your view${width === 390 ? '' : ' of the synthetic data'}: ${summary({ window: 24, categories: all })}`, { useInnerText: true });
      if (width === 390) await expect(page.locator('figcaption .figure-data').first()).toHaveText('Synthetic data.');
      if (width === 390) {
        // On a phone the controls wait behind "Change", so the article starts near the top.
        await expect(page.getByRole('checkbox', { name: 'Drugs' })).toBeHidden();
        await bar.getByRole('link', { name: /^Change/ }).click();
      }
      await page.getByRole('checkbox', { name: 'Drugs' }).uncheck();
      await page.getByRole('slider', { name: /window/i }).fill('1');
      const state = { window: 1, categories: all.filter((c) => c !== 'drugs') };
      await waitForView(page, state);
      await expect(bar).toContainText('1 month · modern slavery, violence, other offences');
      await expect(page.locator('body')).not.toContainText(/NaN|undefined/);
      // A thin view says so in words next to the headline.
      await expect(page.locator('[data-say="headline"]').first()).toContainText(`Only ${expected(state).events.pre} arrests before the orders in this view`);

      await page.locator('.pager').scrollIntoViewIfNeeded();
      if (width === 390) {
        const box = await bar.boundingBox();
        expect(box!.y).toBe(0); // sticky at the top
        expect(box!.height).toBeLessThan(80);
      }
      await bar.getByRole('link', { name: /^Change/ }).click();
      const first = page.getByRole('checkbox', { name: categoryName(all[0]) });
      await expect(first).toBeFocused();
      await expect(first).toBeInViewport();
      const barBottom = (await bar.boundingBox())!;
      const focused = (await first.boundingBox())!;
      if (width === 390) expect(focused.y).toBeGreaterThanOrEqual(barBottom.y + barBottom.height);
    });

    test('a focused element is never under the bar', async ({ page }) => {
      await page.goto('results/');
      await page.locator('.pager').scrollIntoViewIfNeeded();
      const target = page.locator('main h2 ~ p a, main .toc a').first();
      await target.focus();
      const bar = (await page.getByRole('region', { name: 'Your view' }).boundingBox())!;
      const box = (await target.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(Math.max(0, bar.y + bar.height) - 1);
    });

    test('pages whose content does not follow the view have no controls, only the summary and a link', async ({ page }) => {
      test.setTimeout(60_000); // every page (11.4 s in a fresh-clone CI)
      for (const p of PAGES) {
        await page.goto(`${p.slug}?w=12`);
        await expect(page.locator('#controls')).toHaveCount(p.live ? 1 : 0);
        const bar = page.getByRole('region', { name: 'Your view' });
        await expect(bar.locator('[data-view-summary]')).toHaveText('12 months · all categories');
        if (!p.live) {
          const link = bar.getByRole('link', { name: /Change it on the Results page/ });
          await expect(link).toHaveAttribute('href', /\/results\/\?w=12#controls$/);
          await expect(page.locator('main [data-live], main [data-figure], main [data-table]')).toHaveCount(0);
        }
      }
    });
  });
}

test('the paired-test setting is kept by the store, the address and the bar', async ({ page }) => {
  await page.goto('results/');
  await page.getByRole('radio', { name: /R 4\.5 and earlier/ }).check();
  const state = { window: 24, categories: all, wilcoxon: 'legacy' as const };
  await waitForView(page, state);
  expect(search(page)).toBe('?wilcoxon=legacy');
  await expect(page.locator('[data-view-summary]')).toHaveText('24 months · all categories · paired test as R 4.5 and earlier');
  const r = expected(state);
  const V = page.locator('[data-table="results:events"] tbody tr').first().locator('td').nth(4);
  await expect(V).toHaveText(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(r.events.test.V!));
  expect(r.events.test.V).not.toBe(expected().events.test.V); // the two rules differ in this view
});

test('a gap from the address beyond the usual choices shows in the gap control, and can be changed from there', async ({ page }) => {
  const view = { window: 24, categories: all, gap: 12 };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const gap = page.getByLabel('Months left out either side of the order');
  await expect(gap).toHaveValue('12');
  await expect(gap.locator('option:checked')).toHaveText('12 months');
  await gap.selectOption('3');
  await waitForView(page, { ...view, gap: 3 });
  await expectHeadline(page, expected({ ...view, gap: 3 }));
});

test('a gap that a narrower window cannot hold shrinks to fit, and the note under the gap control says so', async ({ page }) => {
  const view = { window: 12, categories: all, gap: 6 };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const note = page.locator('#gap-note');
  await expect(note).toBeHidden();
  const slider = page.getByRole('slider', { name: /window/i });
  for (let k = 0; k < 6; k++) await slider.press('ArrowLeft');
  const narrowed = { window: 6, categories: all, gap: 5 };
  await waitForView(page, narrowed);
  await expect(page.getByLabel('Months left out either side of the order')).toHaveValue('5');
  await expect(note).toBeVisible();
  await expect(note).toHaveText('The gap is now 5 months, to leave at least one month in the window.');
  await expectHeadline(page, expected(narrowed));
  // The next change that keeps the gap clears the note.
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  await waitForView(page, { ...narrowed, categories: all.filter((c) => c !== 'violence') });
  await expect(note).toBeHidden();
});

test('Trends explains a trend line and a correlation only in views that have them (none at 1 month), and again when the view changes back', async ({ page }) => {
  const errors = collectErrors(page);
  // Truth from the engine: at 1 month there is one month after the order (no line) and two months in all (no correlation).
  const one = expected({ window: 1, categories: all });
  expect(one.trend.harm.slope).toBeNull();
  expect(one.correlation.pearson.r).toBeNull();
  const caveats = page.locator('[data-needs]');
  await page.goto('trends/?w=1');
  await waitForView(page, { window: 1, categories: all });
  await expect(caveats).toHaveCount(2);
  for (const el of await caveats.all()) await expect(el).toBeHidden();
  const shown = await page.locator('main').innerText();
  expect(shown).not.toContain('The trend line is a straight-line summary');
  expect(shown).not.toContain('The correlation is partly built in');
  // Back to the study's view by the controls: both return.
  await page.goto('trends/');
  for (const el of await caveats.all()) await expect(el).toBeVisible();
  await page.goto('trends/?w=1');
  await waitForView(page, { window: 1, categories: all });
  await page.locator('#reset').evaluate((b: HTMLButtonElement) => b.click());
  await waitForView(page, { window: 24, categories: all });
  for (const el of await caveats.all()) await expect(el).toBeVisible();
  expect(errors).toEqual([]);
});
