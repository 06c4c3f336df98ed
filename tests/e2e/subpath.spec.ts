// The report hosted under a sub-path (/stro/), as on a shared static host: every page, script,
// link and download stays under the sub-path, and the controls still work.
import { test, expect } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';
import { collectErrors, domain, expectHeadline, expected, waitForView } from './helpers.ts';

test('every page, asset and link stays under the sub-path', async ({ page }) => {
  const errors = collectErrors(page);
  const failed: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  for (const p of PAGES) {
    await page.goto(p.slug);
    await waitForView(page, { window: 24, categories: domain.categories });
    for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const url = new URL(href);
      if (url.origin === new URL(page.url()).origin) expect(url.pathname, href).toMatch(/^\/stro\//);
    }
  }
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});

test('the controls work under the sub-path and the view carries to the next page', async ({ page }) => {
  await page.goto('');
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  const state = { window: 24, categories: domain.categories.filter((c) => c !== 'violence') };
  await waitForView(page, state);
  await expectHeadline(page, expected(state));
  await page.getByRole('link', { name: /Background: what an STRO is/ }).click();
  await expect(page).toHaveURL(/\/stro\/background\/\?c=modern_slavery,drugs,other$/);
  await waitForView(page, state);
});

test('the note on a verdict that turns on the version of R links within the sub-path, from the Overview at its top as from the pages below it', async ({ page }) => {
  const view = { window: 12, categories: ['modern_slavery', 'other'] };
  for (const slug of ['', 'results/', 'data/']) {
    await page.goto(`${slug}?w=12&c=modern_slavery,other`);
    await waitForView(page, view);
    const link = page.locator('[data-rule-flips] a');
    await expect(link).toBeVisible();
    expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname, slug).toBe('/stro/results/');
  }
});
