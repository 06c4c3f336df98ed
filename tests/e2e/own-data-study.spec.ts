// "Try it with the study's data": the bundled files go through the reader's route (read, checked
// and analysed in the worker, kept in the tab), and then every page shows the study's numbers under
// the banner for loaded files. What the page says must stay true: these are the study's synthetic
// files, not the reader's, so the banner and the Overview say so, and a derivation says it was
// calibrated or generated, never "computed from your own files".
import { test, expect } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';
import { liveText, sentence, type FormatName } from '../../src/lib/live.ts';
import { TABLES, type TableName } from '../../src/lib/tables.ts';
import { FIGURES, type FigureName } from '../../src/lib/figures.ts';
import { formatNumber } from '../../src/lib/format.ts';
import { collectErrors, expected } from './helpers.ts';

test.describe.configure({ timeout: 120_000 });

test('"Try it with the study\'s data": every page shows the study\'s numbers, described as the study\'s synthetic data', async ({ page }) => {
  const errors = collectErrors(page);
  const r = expected();
  await page.goto('own-data/');
  await page.getByRole('button', { name: "Try it with the study's data" }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeFocused();
  const banner = "The study's synthetic data, loaded as if they were your files: orders.csv (114 orders), events.csv (303 arrests), the same files this report is built from, analysed in this browser and never sent anywhere.";
  await expect(page.locator('[data-own-summary]')).toHaveText(banner);
  expect(new URL(page.url()).search).toBe('?data=local');

  for (const p of PAGES) {
    await page.goto(`${p.slug}?data=local`);
    await expect(page.locator('html')).toHaveAttribute('data-source', 'local');
    await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
    await expect(page.locator('[data-local-banner]'), p.slug).toHaveText(banner);
    for (const el of await page.locator('[data-live]').all()) {
      const path = (await el.getAttribute('data-live'))!;
      await expect(el, `${p.slug} ${path}`).toHaveText(liveText(r, path, ((await el.getAttribute('data-format')) ?? 'number') as FormatName));
    }
    for (const el of await page.locator('[data-say]').all()) {
      const spec = (await el.getAttribute('data-say'))!;
      await expect(el, `${p.slug} ${spec}`).toHaveText(sentence(r, spec));
    }
    for (const el of await page.locator('[data-table]').all()) {
      const data = TABLES[(await el.getAttribute('data-table')) as TableName](r);
      await expect(el.locator('tbody th, tbody td')).toHaveText(data.rows.length > 0 ? data.rows.flat() : [data.empty!]);
    }
    for (const el of await page.locator('[data-figure]').all()) {
      // Loaded files have no study view to trace: the captions are the reader's-data ones.
      const spec = FIGURES[(await el.getAttribute('data-figure')) as FigureName];
      await expect(el.locator('[data-caption]')).toHaveText(spec.describe(r, undefined, true));
    }
    await expect(page.locator('main')).not.toContainText(/NaN|undefined|Infinity|\[object/);
    // Nor does the footer, or the printout's line about the data.
    await expect(page.locator('footer'), p.slug).toContainText("The numbers shown are from the study's synthetic data, loaded as your files, which stay in this browser");
    await expect(page.locator('.print-view'), p.slug).toContainText("Data: the study's synthetic data, loaded as your files (the files named above)");
  }

  // The Overview does not call them the reader's data.
  await page.goto('?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local');
  const callout = page.locator('[data-local-only] .callout').first();
  await expect(callout).toBeVisible();
  await expect(callout.locator('strong')).toHaveText("These are the study's synthetic data, loaded as your files:");
  await expect(page.locator('main')).not.toContainText('These are your data');
  // A published figure's derivation says it was calibrated, as it was.
  const handle = page.locator('main button.num[data-path="events.pre"]').first();
  await expect(handle).toHaveText(formatNumber(r.events.pre));
  await handle.click();
  const status = page.locator('#derivation-panel .derivation-status');
  await expect(status).toHaveAttribute('data-status', 'calibrated');
  await expect(page.locator('#derivation-panel')).not.toContainText('your own files');
  // Back to the study's data: the study's pages, with its synthetic banner.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Back to the study's data/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).not.toHaveAttribute('data-source', 'local');
  await expect(page.getByText('Synthetic data.', { exact: false }).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('"Try it with the study\'s data" with the harm index\'s low weights: the study\'s numbers, and the study\'s words for where harm comes from (a re-check read "from the harm column of events.csv; its low weights")', async ({ page }) => {
  await page.goto('own-data/');
  await page.getByRole('button', { name: "Try it with the study's data" }).click();
  await expect(page.getByRole('heading', { name: 'Your data are loaded' })).toBeFocused();
  await page.goto('results/?data=local&weights=low');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local&weights=low');
  const r = expected({ weights: 'low' });
  const table = page.locator('[data-table]').filter({ hasText: 'Total harm' }).first();
  await expect(table).toContainText(formatNumber(r.harm.pre));
  await expect(table).toContainText("Total harm (CCHI days; the illustrative index's low weights)");
  await expect(table).not.toContainText('harm column');
});
