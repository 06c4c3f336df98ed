// Every number, sentence, table and caption on every page equals what the engine gives for the
// view in the URL: the page is checked against liveText/sentence/TABLES/FIGURES applied to
// analyse() in Node, for views chosen to reach the edges (one month, one category, rises).
import { test, expect } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';
import { liveText, sentence, type FormatName } from '../../src/lib/live.ts';
import { TABLES, type TableName } from '../../src/lib/tables.ts';
import { parseHTML } from 'linkedom';
import { FIGURES, FIGURE_WIDTH, drawFigure, type FigureName } from '../../src/lib/figures.ts';
import { defaultState, serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { bundled, domain, expected, waitForView } from './helpers.ts';
import type { AnalysisResult } from '../../src/analysis/analyse.ts';
import { ruleFlips, ruleFlipWords } from '../../src/lib/ruleFlips.ts';

/** The accessible name and description of a figure's charts as the engine draws them in Node (on linkedom). The page is
 * compared by the charts on screen: the build's page holds a wide and a narrow drawing, and CSS hides one (display: none). */
// The page passes the study's result as each figure's second input (for the trace of the study's
// view); the width changes no label, so the build's width stands in for the column's.
const study = expected();
function chartLabels(name: FigureName, r: AnalysisResult): string[] {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figure = drawFigure(name, r, bundled, { document: document as unknown as Document, width: FIGURE_WIDTH, allCategories: bundled.categories, study });
  const svgs = figure.tagName.toLowerCase() === 'svg' ? [figure] : [...figure.querySelectorAll('svg')];
  return svgs.filter((s) => s.getAttribute('role') === 'img').map((s) => `${s.getAttribute('aria-label')} | ${s.getAttribute('aria-description')}`);
}

const views: ViewState[] = [
  { window: 1, categories: ['violence'] },
  { window: 2, categories: domain.categories },
  { window: 7, categories: ['drugs', 'other'] },
  { window: 24, categories: ['modern_slavery'] },
];

for (const view of views) {
  test(`every page agrees with the engine at ${serialiseState(view, domain)}`, async ({ page }) => {
    // Ten pages and every number, sentence, table and figure on them, in one test: its time grows
    // with the report (31 s in a fresh-clone run on a busy machine), so it gets more than the
    // default 30 s; a page that hangs still fails.
    test.setTimeout(120_000);
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
        const data = TABLES[(await el.getAttribute('data-table')) as TableName](r);
        const cells = data.rows.length > 0 ? data.rows.flat() : [data.empty!];
        await expect(el.locator('tbody th, tbody td')).toHaveText(cells);
      }
      for (const el of await page.locator('[data-figure]').all()) {
        const spec = FIGURES[(await el.getAttribute('data-figure')) as FigureName];
        await expect(el.locator('[data-caption]')).toHaveText(spec.describe(r, study));
        await el.scrollIntoViewIfNeeded();
        await expect(el.locator('.plot')).not.toHaveAttribute('data-stale');
        const labels = await el.locator('svg[role="img"]').evaluateAll((svgs) => svgs.filter((s) => s.checkVisibility()).map((s) => `${s.getAttribute('aria-label')} | ${s.getAttribute('aria-description')}`));
        expect(labels, `${p.slug} ${await el.getAttribute('data-figure')}`).toEqual(chartLabels((await el.getAttribute('data-figure')) as FigureName, r));
        // The table behind "Show as table" has this view's caption while closed, and its rows once opened.
        const data = spec.table(r, study);
        await expect(el.locator('[data-figure-table] caption')).toHaveText(data.caption);
        await el.locator('details > summary').click();
        if (data.rows.length > 0) await expect(el.locator('[data-figure-table] tbody th, [data-figure-table] tbody td')).toHaveText(data.rows.flat());
      }
      await expect(page.locator('main')).not.toContainText(/NaN|undefined|Infinity|\[object/);
    }
  });
}

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 700 } });
  test('a chart is never visible with the numbers of another view', async ({ page }) => {
    const view = { window: 12, categories: ['violence', 'drugs'] };
    const r = expected(view);
    // Record every chart's state at the moment the page declares the view rendered (a
    // MutationObserver on html[data-view] runs before any idle-time redraw could hide a lapse).
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (!document.documentElement.dataset.view || document.documentElement.dataset.view === 'default') return;
        (window as unknown as { seen: unknown }).seen = [...document.querySelectorAll<HTMLElement>('[data-figure]')].map((h) => {
          const plot = h.querySelector('.plot')!;
          return {
            name: h.dataset.figure!,
            stale: plot.hasAttribute('data-stale'),
            hidden: getComputedStyle(plot).visibility === 'hidden',
            labels: [...plot.querySelectorAll('svg[role="img"]')].filter((svg) => svg.checkVisibility()).map((svg) => `${svg.getAttribute('aria-label')} | ${svg.getAttribute('aria-description')}`),
          };
        });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-view'] }); // <html> may not exist yet
    });
    await page.goto(`results/${serialiseState(view, domain)}`);
    await waitForView(page, view);
    const seen = (await page.evaluate(() => (window as unknown as { seen: unknown }).seen)) as { name: string; stale: boolean; hidden: boolean; labels: string[] }[];
    expect(seen.length).toBeGreaterThan(0);
    for (const f of seen) {
      if (f.stale) expect(f.hidden, f.name).toBe(true);
      else expect(f.labels, f.name).toEqual(chartLabels(f.name as FigureName, r));
    }
    for (const el of await page.locator('[data-figure]').all()) {
      await el.scrollIntoViewIfNeeded();
      await expect(el.locator('.plot')).not.toHaveAttribute('data-stale');
      const labels = await el.locator('svg[role="img"]').evaluateAll((svgs) => svgs.filter((s) => s.checkVisibility()).map((s) => `${s.getAttribute('aria-label')} | ${s.getAttribute('aria-description')}`));
      expect(labels).toEqual(chartLabels((await el.getAttribute('data-figure')) as FigureName, r));
    }
  });
});

test('a change of view rewrites only the table cells that change: the rows and cells stay, a number keeps its handle when it did not change, and every cell and handle reads as the engine gives it', async ({ page }) => {
  await page.goto('results/');
  await page.waitForFunction(() => document.documentElement.dataset.view === 'default');
  const table = page.locator('[data-table="results:events"] table');
  // Mark every cell and number handle; after the change, a marked one is one that was kept.
  await table.evaluate((t) => t.querySelectorAll('tbody th, tbody td, tbody button.num').forEach((el, k) => ((el as HTMLElement).dataset.mark = String(k))));
  const old = TABLES['results:events'](expected({ window: 24, categories: domain.categories }));
  const view = { window: 12, categories: domain.categories };
  await page.getByRole('slider', { name: /window/i }).fill('12');
  await waitForView(page, view);
  const data = TABLES['results:events'](expected(view));
  expect(data.rows.length).toBe(old.rows.length); // the same shape: one row per category
  const cells = await table.locator('tbody th, tbody td').evaluateAll((els) => els.map((el) => {
    const b = el.querySelector<HTMLElement>('button.num');
    return { text: el.textContent, path: b?.dataset.path ?? null, cellKept: (el as HTMLElement).dataset.mark !== undefined, handleKept: b ? b.dataset.mark !== undefined : null };
  }));
  const pathOf = (t: typeof data, i: number, k: number) => t.paths?.[i]?.[k] ?? null;
  expect(cells.map((c) => c.text)).toEqual(data.rows.flat());
  expect(cells.map((c) => c.path)).toEqual(data.rows.flatMap((row, i) => row.map((_, k) => pathOf(data, i, k))));
  expect(cells.every((c) => c.cellKept)).toBe(true);
  const unchanged = data.rows.flatMap((row, i) => row.map((text, k) => text === old.rows[i][k] && pathOf(data, i, k) === pathOf(old, i, k)));
  expect(unchanged.some((u) => !u)).toBe(true);
  expect(cells.map((c) => (c.path === null ? null : c.handleKept))).toEqual(cells.map((c, j) => (c.path === null ? null : unchanged[j])));
});

test('a view with fewer rows, then more, keeps the rows in common: each row pairs with the row of the same header, the one that went is removed and comes back where it was, and every cell reads as the engine gives it', async ({ page }) => {
  await page.goto('results/');
  await page.waitForFunction(() => document.documentElement.dataset.view === 'default');
  const table = page.locator('[data-table="results:events"] table');
  // Each row marked with its header; after the change, a row's mark says which row it was.
  await table.evaluate((t) => t.querySelectorAll('tbody tr').forEach((tr) => ((tr as HTMLElement).dataset.mark = (tr as HTMLTableRowElement).cells[0].textContent!)));
  const read = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ kept: (tr as HTMLElement).dataset.mark ?? null, cells: [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent), handles: [...tr.querySelectorAll<HTMLElement>('button.num')].map((b) => b.dataset.mark ?? null) })));
  await table.evaluate((t) => t.querySelectorAll('tbody button.num').forEach((b) => ((b as HTMLElement).dataset.mark = (b as HTMLElement).dataset.path!)));
  const all = TABLES['results:events'](expected({ window: 24, categories: domain.categories })).rows;
  const fewer = { window: 24, categories: domain.categories.filter((c) => c !== 'violence') };
  await page.getByRole('checkbox', { name: /violence/i }).uncheck();
  await waitForView(page, fewer);
  const shrunk = TABLES['results:events'](expected(fewer)).rows;
  expect(shrunk.length).toBeLessThan(all.length);
  let rows = await read();
  expect(rows.map((r) => r.cells)).toEqual(shrunk);
  // every row left is the row with its header (none built anew), and the violence row is gone
  expect(rows.map((r) => r.kept)).toEqual(shrunk.map((row) => row[0]));
  // a category's own numbers keep their handles (their paths name the category, not a position)
  const drugs = rows.find((r) => /drugs/i.test(r.cells[0] ?? ''))!;
  expect(drugs.handles.length).toBeGreaterThan(0);
  expect(drugs.handles.every((h) => h !== null && h.startsWith('byCategory.drugs.'))).toBe(true);
  await page.getByRole('checkbox', { name: /violence/i }).check();
  await waitForView(page, { window: 24, categories: domain.categories });
  rows = await read();
  expect(rows.map((r) => r.cells)).toEqual(all);
  const back = new Set(shrunk.map((row) => row[0]));
  expect(rows.map((r) => r.kept)).toEqual(all.map((row) => (back.has(row[0]) ? row[0] : null))); // the violence row new, in its place
});

// A closed "Show as table" is not filled in the change of view itself, but once the browser is idle
// it holds the new view's rows, still closed: find-in-page can then reach its numbers (and opens it).
test('after a change of view, the closed figure tables fill with the new view\'s rows while the page is idle', async ({ page }) => {
  const view = { window: 24, categories: domain.categories.filter((c) => c !== 'violence') };
  const r = expected(view);
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: domain.categories });
  await page.locator('input[name="category"][value="violence"]').click();
  await waitForView(page, view);
  for (const el of await page.locator('[data-figure]').all()) {
    const name = (await el.getAttribute('data-figure')) as FigureName;
    const data = FIGURES[name].table(r, study);
    if (data.rows.length === 0) continue;
    await expect(el.locator('details')).not.toHaveAttribute('open');
    await expect(el.locator('[data-figure-table] tbody th, [data-figure-table] tbody td'), name).toHaveText(data.rows.flat(), { timeout: 10_000 });
    await expect(el.locator('details'), `${name}: filled, not opened`).not.toHaveAttribute('open');
  }
});

test('Results names a category whose significant test points against its total under the table, and drops it when the view changes', async ({ page }) => {
  const view = { ...defaultState(domain), gap: 4 };
  const r = expected(view);
  const words = sentence(r, 'categoriesAgainst:harm');
  expect(words).toMatch(/^The change in harm for violence is statistically significant/);
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const against = page.locator('[data-say="categoriesAgainst:harm"]');
  await expect(against).toHaveText(words);
  await page.getByLabel('Months left out either side of the order').selectOption('0');
  await waitForView(page, defaultState(domain));
  await expect(against).toHaveText('');
});

test('Results, Conclusions, the Data page and the Overview say when a verdict turns on the version of R, as ruleFlips() finds it for the view, under either rule, and withdraws it for a view where both agree (an analyst)', async ({ page }) => {
  test.setTimeout(60_000); // four pages, under both rules (17.7 s in a fresh-clone CI)
  const view = { ...defaultState(domain), window: 12, categories: ['other', 'modern_slavery'] };
  const note = page.locator('[data-rule-flips]');
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const current = expected(view);
  const words = ruleFlipWords(ruleFlips(bundled, current), current.categoryNames)!;
  expect(words).toMatch(/^The verdict depends on which version of R computes the paired test: the change in harm for modern slavery is not significant as current R/);
  await expect(note).toBeVisible();
  const toLegacy = ' Show the tests as R 4.5 and earlier computes them, each p-value with its derivation.';
  await expect(note).toHaveText(words + toLegacy);
  // Its link opens the same view under the other rule, where the other rule's p-value is a number with its derivation (a reviewer).
  const flip = ruleFlips(bundled, current).find((f) => f.category === 'modern_slavery' && f.measure === 'harm')!;
  await note.getByRole('link').click();
  const legacyView = { ...view, wilcoxon: 'legacy' as const };
  await waitForView(page, legacyView);
  expect(page.url()).toContain('wilcoxon=legacy');
  // at the table of the test it names (harm here), not at the top of Results (a re-check)
  expect(new URL(page.url()).hash).toBe('#harm');
  const handle = page.locator('main button.num[data-path="byCategory.modern_slavery.harm.test.p"]').first();
  await handle.click();
  await expect(page.locator('#derivation-panel [data-derivation-value]')).toHaveText(String(flip.otherP));
  await page.keyboard.press('Escape');
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  // The other rule, chosen on the page: the same flip, said from its side.
  await page.locator('input[name="wilcoxon"][value="legacy"]').evaluate((el: HTMLInputElement) => el.click());
  await waitForView(page, legacyView);
  const legacy = expected(legacyView);
  await expect(note).toHaveText(ruleFlipWords(ruleFlips(bundled, legacy), legacy.categoryNames)! + ' Show the tests as current R (4.6) computes them, each p-value with its derivation.');
  // The study's view: both rules agree, and nothing is said.
  expect(ruleFlips(bundled, expected(defaultState(domain)))).toEqual([]);
  await page.goto('results/');
  await waitForView(page, defaultState(domain));
  await expect(note).toBeHidden();
  // Conclusions' significance verdict says the same beside it (a statistician: only Results did).
  await page.goto(`conclusions/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  await expect(note).toBeVisible();
  await expect(note).toHaveText(words + toLegacy);
  // So do the Data page, under its table of the article's claims, and the Overview, under its answer
  // (a peer reviewer: their verdicts said nothing of it); the Overview's link goes from the top of the site.
  for (const slug of ['data/', '']) {
    await page.goto(`${slug}${serialiseState(view, domain)}`);
    await waitForView(page, view);
    await expect(note).toBeVisible();
    await expect(note).toHaveText(words + toLegacy);
    await page.goto(slug);
    await waitForView(page, defaultState(domain));
    await expect(note).toBeHidden();
  }
  await page.goto(serialiseState(view, domain));
  await waitForView(page, view);
  await note.getByRole('link').click();
  await waitForView(page, legacyView);
  expect(new URL(page.url()).pathname).toMatch(/\/results\/$/);
});
