// Every number, sentence, table and caption on every page equals what the engine gives for the
// view in the URL: the page is checked against liveText/sentence/TABLES/FIGURES applied to
// analyse() in Node, for views chosen to reach the edges (one month, one category, rises).
import { test, expect } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';
import { liveText, sentence, type FormatName } from '../../src/lib/live.ts';
import { TABLES } from '../../src/lib/tables.ts';
import { FIGURES } from '../../src/lib/figures.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { domain, expected, waitForView } from './helpers.ts';

const views: ViewState[] = [
  { window: 1, categories: ['violence'] },
  { window: 2, categories: domain.categories },
  { window: 7, categories: ['drugs', 'other'] },
  { window: 24, categories: ['modern_slavery'] },
];

for (const view of views) {
  test(`every page agrees with the engine at ${serialiseState(view, domain)}`, async ({ page }) => {
    const r = expected(view);
    for (const p of PAGES) {
      await page.goto(p.slug + serialiseState(view, domain));
      await waitForView(page, view);
      for (const el of await page.locator('[data-live]').all()) {
        const path = (await el.getAttribute('data-live'))!;
        const format = ((await el.getAttribute('data-format')) ?? 'number') as FormatName;
        await expect(el, `${p.slug} ${path}`).toHaveText(liveText(r, path, format));
      }
      for (const el of await page.locator('[data-say]').all()) {
        const spec = (await el.getAttribute('data-say'))!;
        await expect(el, `${p.slug} ${spec}`).toHaveText(sentence(r, spec));
      }
      for (const el of await page.locator('[data-table]').all()) {
        const data = TABLES[(await el.getAttribute('data-table'))!](r);
        const cells = data.rows.length > 0 ? data.rows.flat() : [data.empty!];
        await expect(el.locator('tbody th, tbody td')).toHaveText(cells);
      }
      for (const el of await page.locator('[data-figure]').all()) {
        const spec = FIGURES[(await el.getAttribute('data-figure'))!];
        await el.scrollIntoViewIfNeeded();
        await expect(el.locator('[data-caption]')).toHaveText(spec.describe(r));
        const data = spec.table(r);
        if (data.rows.length > 0) await expect(el.locator('[data-figure-table] tbody th, [data-figure-table] tbody td')).toHaveText(data.rows.flat());
      }
      await expect(page.locator('main')).not.toContainText(/NaN|undefined|Infinity|\[object/);
    }
  });
}
