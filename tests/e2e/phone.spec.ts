// On a 390 × 844 phone: every chart is redrawn at its column's width, so its text is read at the
// size drawn (at least 11px); wide tables scroll inside a named, focusable region with a visible
// hint; and a view other than the study's keeps a trace of the study's values, with the option
// to keep the study's scale.
import { test, expect, type Page } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';
import { serialiseState } from '../../src/lib/urlState.ts';
import { domain, waitForView } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 } });

/** Scroll each figure into view and wait until it is drawn at its container's width. */
async function drawAll(page: Page): Promise<void> {
  for (const host of await page.locator('[data-figure]').all()) {
    await host.scrollIntoViewIfNeeded();
    const plot = host.locator('.plot');
    await expect(plot).not.toHaveAttribute('data-stale');
    await expect
      .poll(() => plot.evaluate((el) => {
        const svg = [...el.querySelectorAll('svg')].find((s) => s.getAttribute('role') === 'img');
        return svg ? Math.abs(Number(svg.getAttribute('width')) - Math.floor(el.clientWidth)) : -1;
      }), { message: `${await host.getAttribute('data-figure')} drawn at its width` })
      .toBe(0);
  }
}

/** Every chart text's rendered size: computed font size times the SVG's scale on screen. */
const textSizes = (page: Page) =>
  page.locator('[data-figure] .plot').evaluateAll((plots) =>
    plots.flatMap((plot) =>
      [...plot.querySelectorAll<SVGTextElement>('svg text')].map((t) => {
        const scale = t.getScreenCTM()?.a ?? 1;
        return { figure: plot.closest<HTMLElement>('[data-figure]')!.dataset.figure, text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
      }),
    ),
  );

for (const p of PAGES) {
  test(`${p.short}: chart text is at least 11px at 390px wide`, async ({ page }) => {
    await page.goto(p.slug);
    await waitForView(page, { window: domain.span, categories: domain.categories });
    if ((await page.locator('[data-figure]').count()) === 0) return;
    await drawAll(page);
    const small = (await textSizes(page)).filter((t) => t.px < 11 - 1e-6);
    expect(small, JSON.stringify(small.slice(0, 5))).toEqual([]);
  });
}

test('chart text stays at least 11px in a changed view, with the study traced', async ({ page }) => {
  const view = { window: 6, categories: ['violence', 'drugs'] };
  await page.goto(`trends/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  await drawAll(page);
  const sizes = await textSizes(page);
  expect(sizes.length).toBeGreaterThan(0);
  expect(sizes.filter((t) => t.px < 11 - 1e-6)).toEqual([]);
  expect(sizes.map((t) => t.text)).toContain("Study's view");
});

test('a figure is redrawn when its width changes, and not when it does not', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, { window: domain.span, categories: domain.categories });
  const host = page.locator('[data-figure="eventsByCategory"]');
  await host.scrollIntoViewIfNeeded();
  const width = () => host.locator('svg[role="img"]').getAttribute('width');
  await expect.poll(width).toBe(String(await host.locator('.plot').evaluate((el) => Math.floor(el.clientWidth))));
  const before = await host.locator('svg[role="img"]').elementHandle();
  await page.setViewportSize({ width: 390, height: 700 }); // height only: same width, no redraw
  await page.waitForTimeout(400);
  expect(await before!.evaluate((svg) => svg.isConnected)).toBe(true);
  await page.setViewportSize({ width: 340, height: 700 });
  await expect.poll(width).toBe(String(await host.locator('.plot').evaluate((el) => Math.floor(el.clientWidth))));
});

test('the study\'s trace and "keep the study\'s scale" appear when the view differs', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, { window: domain.span, categories: domain.categories });
  const host = page.locator('[data-figure="harmByCategory"]');
  await expect(host.getByRole('checkbox', { name: /Keep the study's scale/ })).toBeHidden();
  const view = { window: 12, categories: domain.categories };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  await host.scrollIntoViewIfNeeded();
  await expect(host.locator('svg[role="img"] .study-trace')).toHaveCount(1);
  await expect(host.locator('[data-caption]')).toContainText("the study's view (24 months, all 4 categories)");
  const box = host.getByRole('checkbox', { name: /Keep the study's scale/ });
  await expect(box).toBeVisible();
  const top = () => host.locator('svg[role="img"] [data-mark="x-axis tick label"] text').last().textContent();
  const own = await top();
  await box.check();
  await expect.poll(top).not.toBe(own);
  // one setting for every figure
  await expect(page.locator('[data-figure="eventsByCategory"]').getByRole('checkbox', { name: /Keep the study's scale/ })).toBeChecked();
  const tap = await box.evaluate((el) => el.closest('label')!.getBoundingClientRect().height);
  expect(tap).toBeGreaterThanOrEqual(24);
});

test('a wide table scrolls in a named, focusable region with a visible hint', async ({ page }) => {
  const view = { window: 12, categories: domain.categories };
  await page.goto(`trends/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const host = page.locator('[data-figure="scatter"]');
  await host.getByText('Show as table').click();
  const wrap = host.locator('.table-wrap');
  await expect(wrap).toHaveAttribute('data-overflowing', '');
  await expect(wrap).toHaveAttribute('tabindex', '0');
  await expect(page.getByRole('region', { name: /Arrests and total harm/ })).toBeVisible();
  await expect(host.locator('.scroll-hint')).toBeVisible();
  await expect(host.locator('.scroll-hint')).toHaveText(/Scroll sideways/);
  await wrap.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // a table that fits is not a tab stop and has no hint
  const narrow = page.locator('[data-figure="monthlyEvents"]');
  await page.goto('trends/');
  await narrow.getByText('Show as table').click();
  await expect(narrow.locator('.table-wrap')).not.toHaveAttribute('tabindex', '0');
  await expect(narrow.locator('.scroll-hint')).toHaveCount(0);
});
