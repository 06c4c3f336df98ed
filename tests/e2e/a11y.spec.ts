// An axe-core accessibility scan of every page, in the default view and in an empty view.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PAGES } from '../../src/lib/pages.ts';
import { domain, expected, waitForView } from './helpers.ts';
import { announcement } from '../../src/lib/wording.ts';
import { serialiseState } from '../../src/lib/urlState.ts';
import { numberName } from '../../src/lib/numberNames.ts';
import { categoryName } from '../../src/analysis/categories.ts';

for (const p of PAGES) {
  test(`axe: ${p.short} has no violations`, async ({ page }) => {
    test.setTimeout(60_000); // up to 13.4 s in a fresh-clone CI
    await page.goto(p.slug);
    await waitForView(page, { window: 24, categories: domain.categories });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

for (const p of PAGES) {
  test(`axe: ${p.short} after the view changes (1 month, violence) has no violations`, async ({ page }) => {
    // every figure brought into view (and so drawn) before the scan: on "How robust is it?" that
    // took over 30 s in a fresh-clone run on a busy machine
    test.setTimeout(90_000);
    await page.goto(`${p.slug}?w=1&c=violence`);
    await waitForView(page, { window: 1, categories: ['violence'] });
    for (const figure of await page.locator('[data-figure]').all()) await figure.scrollIntoViewIfNeeded();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('no two landmarks share a name, whatever their roles (a screen reader\'s list of landmarks gives the name first)', async ({ page }) => {
  for (const p of PAGES) {
    await page.goto(p.slug);
    const names = (await page.locator('main, nav, aside, header, footer, form[aria-label], form[aria-labelledby], section[aria-label], section[aria-labelledby]').evaluateAll((els) => els.map((el) => {
      const by = el.getAttribute('aria-labelledby');
      return (by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : el.getAttribute('aria-label') ?? '').trim();
    }))).filter(Boolean);
    expect(names.filter((n, k) => names.indexOf(n) !== k), `${p.slug}: ${names.join(' | ')}`).toEqual([]);
  }
});

test('axe: the results page with no category selected has no violations', async ({ page }) => {
  await page.goto('results/?c=none');
  await waitForView(page, { window: 24, categories: [] });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a focused control at a figure\'s edge shows its whole focus ring (figures skip rendering off screen, which clips what overflows them)', async ({ page }) => {
  await page.goto('results/');
  const summary = page.locator('[data-figure] details > summary').first();
  await summary.scrollIntoViewIfNeeded();
  await summary.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab'); // focused from the keyboard, so :focus-visible draws the ring
  await expect(summary).toBeFocused();
  const figure = (await page.locator('[data-figure]').first().boundingBox())!;
  const box = (await summary.boundingBox())!;
  expect(Math.round(box.x)).toBe(Math.round(figure.x)); // the summary starts at the figure's left edge
  // The ring (3px, 2px from the summary) lies outside the figure's box on the left: its colour must be painted there.
  const shot = await page.screenshot({ clip: { x: box.x - 5, y: box.y + box.height / 2 - 1, width: 3, height: 2 } });
  // The screenshot's pixels, read back by the browser itself (no image library needed).
  const pixels = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(0, 0, img.width, img.height).data];
  }, `data:image/png;base64,${shot.toString('base64')}`);
  const focus = [0xb3, 0x59, 0x00]; // --focus in global.css
  const painted = pixels.some((_, i) => i % 4 === 0 && focus.every((c, k) => Math.abs(pixels[i + k] - c) < 40));
  expect(painted).toBe(true);
});

test('every slider is a target at least 24px tall and wide (WCAG 2.2, target size)', async ({ page }) => {
  for (const slug of ['results/', 'robustness/']) {
    await page.goto(slug);
    await waitForView(page, { window: 24, categories: domain.categories });
    const sliders = page.locator('input[type="range"]');
    expect(await sliders.count()).toBeGreaterThan(0);
    for (const slider of await sliders.all()) {
      const box = (await slider.boundingBox())!;
      expect(box.height, `${slug} #${await slider.getAttribute('id')}`).toBeGreaterThanOrEqual(24);
      expect(box.width).toBeGreaterThanOrEqual(24);
    }
  }
});

test('stepping the window slider with the arrow keys announces the settled view once, with every part of it', async ({ page }) => {
  const start = { window: domain.span, categories: domain.categories, gap: 2, wilcoxon: 'legacy' as const };
  await page.goto(`results/${serialiseState(start, domain)}`);
  await waitForView(page, start);
  // One step and back first, in real time: the code a change of view needs (engine, figures) loads
  // and its announcement is made, before the clock becomes the test's.
  await page.locator('#window').focus();
  await page.keyboard.press('ArrowLeft');
  await waitForView(page, { ...start, window: domain.span - 1 });
  await page.keyboard.press('ArrowRight');
  await waitForView(page, start);
  await expect(page.locator('#announcer')).toHaveText(announcement(expected(start)));
  await page.locator('#announcer').evaluate((el) => {
    (window as unknown as { __said: string[] }).__said = [];
    new MutationObserver(() => (window as unknown as { __said: string[] }).__said.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  // The page's clock is the test's, so that a busy machine cannot stretch the steps apart: each
  // step is redrawn within 0.2 s of page time, as under a held arrow key.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000); // a paused clock moves only when the test moves it
  for (let k = 1; k <= 4; k++) {
    await page.keyboard.press('ArrowLeft');
    const want = serialiseState({ ...start, window: domain.span - k }, domain);
    let ticks = 0;
    while ((await page.locator('html').getAttribute('data-view')) !== want) {
      expect(++ticks, `step ${k} drawn within 0.2 s of page time`).toBeLessThanOrEqual(20);
      await page.clock.runFor(10);
      await page.waitForTimeout(50); // real time, for what the page awaits outside its clock
    }
  }
  expect(await page.evaluate(() => (window as unknown as { __said: string[] }).__said), 'nothing said while the view is still moving').toEqual([]);
  await page.clock.runFor(600);
  const settled = { ...start, window: domain.span - 4 };
  const words = announcement(expected(settled));
  expect(words).toMatch(/leaving out 2 months either side, Wilcoxon as R 4\.5 and earlier/);
  await expect(page.locator('#announcer')).toHaveText(words);
  expect(await page.evaluate(() => (window as unknown as { __said: string[] }).__said)).toEqual([words]);
  // The value beside each slider is shown, not spoken: the slider's own value text says it (an
  // <output> is a live region unless told otherwise, and each step was spoken twice).
  for (const output of await page.locator('output').all()) await expect(output).toHaveAttribute('aria-live', 'off');
});

test('numbers in tables and the reset link are targets of at least 24px (WCAG 2.2 target size; a number in a sentence is exempt)', async ({ page }) => {
  for (const slug of ['results/', 'trends/']) {
    await page.goto(`${slug}?w=12`);
    await waitForView(page, { window: 12, categories: domain.categories });
    for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    const small = await page.locator('td > button.num, th > button.num').evaluateAll((buttons) => buttons.map((b) => {
      const r = b.getBoundingClientRect();
      return { path: (b as HTMLElement).dataset.path, width: r.width, height: r.height };
    }).filter((b) => b.width < 24 || b.height < 24));
    expect(await page.locator('td > button.num').count(), slug).toBeGreaterThan(40);
    expect(small, slug).toEqual([]);
    expect((await page.locator('#reset').boundingBox())!.height).toBeGreaterThanOrEqual(24);
  }
});

test('every number\'s button says what the number is, as built and as redrawn for another view', async ({ page }) => {
  test.setTimeout(60_000);
  const unnamed = async () => (await page.locator('main button.num').evaluateAll((buttons) =>
    buttons.map((b) => [b.getAttribute('data-path') ?? '', b.getAttribute('aria-description') ?? '']))
  ).filter(([path, description]) => description === '' || description !== numberName(path, categoryName));
  for (const p of PAGES) {
    await page.goto(p.slug);
    await waitForView(page, { window: 24, categories: domain.categories });
    expect(await unnamed(), p.short).toEqual([]);
  }
  // Sentences and tables rebuilt in the browser carry the same descriptions.
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: domain.categories });
  await page.getByRole('checkbox', { name: 'Drugs' }).click();
  await waitForView(page, { window: 24, categories: domain.categories.filter((c) => c !== 'drugs') });
  expect(await page.locator('main button.num').count()).toBeGreaterThan(50);
  expect(await unnamed()).toEqual([]);
  // The browser exposes it as the button's description.
  const p = page.locator('main button.num[data-path="byCategory.violence.events.test.p"]').first();
  await expect(p).toHaveAccessibleDescription('p-value of the signed-rank test, violence arrests');
});

test('every table on every page has a caption that names it', async ({ page }) => {
  for (const p of PAGES) {
    await page.goto(p.slug);
    // (A figure's table is empty until its "Show as table" opens, and then gets its caption.)
    const missing = await page.locator('main table').evaluateAll((tables) => tables.filter((t) => {
      const table = t as HTMLTableElement;
      return table.rows.length > 0 && !table.caption?.textContent?.trim() && !table.getAttribute('aria-labelledby') && !table.getAttribute('aria-label');
    }).map((t) => t.outerHTML.slice(0, 120)));
    expect(missing, p.slug || 'overview').toEqual([]);
  }
});

// An accessibility review: seven toggles called "Show as table" on one page could not be told apart
// in a screen reader's list of controls. Each now names its figure.
test('every "Show as table" on a page has a name of its own, its figure\'s title', async ({ page }) => {
  for (const slug of ['results/', 'trends/', 'robustness/']) {
    await page.goto(slug);
    const summaries = page.locator('figure details > summary');
    const names: string[] = [];
    for (const s of await summaries.all()) {
      const title = ((await s.locator('xpath=ancestor::figure[1]/figcaption/strong').textContent()) ?? '').replace(/\.$/, '');
      // (Chromium joins the hidden part with a space: "Show as table : …")
      const snapshot = (await s.ariaSnapshot()).replace(/\s+:/, ':');
      expect(snapshot, slug).toContain(`Show as table: ${title}`);
      names.push(title);
    }
    expect(names.length, slug).toBeGreaterThan(1);
    expect(new Set(names).size, `${slug}: ${names.join(' | ')}`).toBe(names.length);
  }
});

// An accessibility review counted 102 tab stops in Results' main content, 68 of them the number
// buttons of one table. A table's buttons are now one stop, moved through with the arrow keys.
test('a table\'s number buttons are one tab stop: the arrow keys move through them, Tab moves on past the table', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: domain.categories });
  const table = page.locator('[data-table="results:events"] table');
  const buttons = table.locator(':is(td, th) button');
  const n = await buttons.count();
  expect(n).toBeGreaterThan(5);
  // one stop in the tab order
  expect(await buttons.evaluateAll((bs) => bs.filter((b) => b.getAttribute('tabindex') !== '-1').length)).toBe(1);
  await expect(table).toHaveAccessibleDescription(/arrow keys move between the numbers/);
  const first = buttons.first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  // down the column: the same column of the next row that has a button
  const column = await first.evaluate((b) => (b.closest('td, th') as HTMLTableCellElement).cellIndex);
  await page.keyboard.press('ArrowDown');
  const below = await page.evaluate(() => { const c = document.activeElement!.closest('td, th') as HTMLTableCellElement; return { column: c.cellIndex, row: (c.parentElement as HTMLTableRowElement).rowIndex }; });
  expect(below.column).toBe(column);
  await page.keyboard.press('End');
  await expect(buttons.last()).toBeFocused();
  // the last used is the table's stop; Tab leaves the table
  expect(await buttons.evaluateAll((bs) => bs.filter((b) => b.getAttribute('tabindex') === '0').length)).toBe(1);
  await expect(buttons.last()).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('table'))).toBe(false);
  // after a change of view the table still has one stop
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  await waitForView(page, { window: 24, categories: domain.categories.filter((c) => c !== 'violence') });
  await expect.poll(() => buttons.evaluateAll((bs) => bs.filter((b) => b.getAttribute('tabindex') !== '-1').length)).toBe(1);
});

test('opening "Show as table" from the keyboard leaves its summary, and the focus on it, where they were (an accessibility review: the page scrolled the table\'s height, the summary 1,155 px above the screen)', async ({ page }) => {
  for (const [path, figure] of [['results/', 'perOrder'], ['trends/', 'monthlyHarm']] as const) {
    await page.goto(path);
    const summary = page.locator(`#figure-${figure} summary`);
    await summary.scrollIntoViewIfNeeded();
    await summary.focus();
    const before = (await summary.boundingBox())!.y;
    await page.keyboard.press('Enter');
    await expect(page.locator(`#figure-${figure} details`)).toHaveAttribute('open', '');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const after = (await summary.boundingBox())!.y;
    expect(Math.abs(after - before), `${path}: the summary moved from ${before} to ${after}`).toBeLessThan(2);
    await expect(summary).toBeFocused();
  }
});
