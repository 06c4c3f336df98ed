// An axe-core accessibility scan of every page, in the default view and in an empty view.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PAGES } from '../../src/lib/pages.ts';
import { domain, waitForView } from './helpers.ts';

for (const p of PAGES) {
  test(`axe: ${p.short} has no violations`, async ({ page }) => {
    await page.goto(p.slug);
    await waitForView(page, { window: 24, categories: domain.categories });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

for (const p of PAGES) {
  test(`axe: ${p.short} after the view changes (1 month, violence) has no violations`, async ({ page }) => {
    await page.goto(`${p.slug}?w=1&c=violence`);
    await waitForView(page, { window: 1, categories: ['violence'] });
    for (const figure of await page.locator('[data-figure]').all()) await figure.scrollIntoViewIfNeeded();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('axe: the results page with no category selected has no violations', async ({ page }) => {
  await page.goto('results/?c=none');
  await waitForView(page, { window: 24, categories: [] });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
