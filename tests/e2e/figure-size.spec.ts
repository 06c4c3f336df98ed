// The height a figure has before the browser first draws it (content-visibility: auto with the
// build's guess, src/lib/figureSize.ts) is close to the height it has once drawn, on a phone and
// on a laptop; so the page does not grow by a screen as the reader scrolls, and a link to a figure
// far down the page lands on it.
import { test, expect, type Page } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';

/** The pages that have figures (Conclusions and Data and methods have none). */
const WITH_FIGURES: string[] = ['', 'method/', 'results/', 'trends/', 'robustness/'];

/** Within this share of the drawn height: a line of caption either way on the tallest figures. */
const TOLERANCE = 0.1;

/** Each figure's guessed height (what the browser gives it while skipped) and its height once drawn. */
async function guessesAndHeights(page: Page): Promise<{ name: string; guess: number; drawn: number }[]> {
  const guesses = await page.locator('article figure.figure').evaluateAll((figs) =>
    figs.map((f) => ({ name: (f as HTMLElement).id, guess: parseFloat(getComputedStyle(f).containIntrinsicHeight.replace('auto', '')) })),
  );
  await page.addStyleTag({ content: 'article figure { content-visibility: visible !important; }' });
  const drawn = await page.locator('article figure.figure').evaluateAll((figs) => figs.map((f) => f.getBoundingClientRect().height));
  return guesses.map((g, i) => ({ ...g, drawn: drawn[i] }));
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test.describe(`${viewport.width}px wide`, () => {
    test.use({ viewport });
    for (const p of PAGES.filter((p) => WITH_FIGURES.includes(p.slug))) {
      test(`${p.short}: each figure's height before it is drawn is its drawn height, within ${TOLERANCE * 100}%`, async ({ page }) => {
        await page.goto(p.slug);
        await page.waitForLoadState('load');
        const figures = await guessesAndHeights(page);
        expect(figures.length, 'figures on the page').toBeGreaterThan(0);
        for (const f of figures) {
          expect(Number.isFinite(f.guess), `${f.name} has a guessed height`).toBe(true);
          expect(Math.abs(f.guess - f.drawn) / f.drawn, `${f.name}: guessed ${f.guess}px, drawn ${Math.round(f.drawn)}px`).toBeLessThanOrEqual(TOLERANCE);
        }
      });
    }
  });
}

test.describe('a link to a figure far down the page, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const id of ['robust-specificationCurve', 'robust-itsHarm']) {
    test(`#${id} lands on it and stays there as the figures around it are drawn`, async ({ page }) => {
      await page.goto(`robustness/#${id}`);
      await page.waitForLoadState('load');
      const top = () => page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top);
      // Below the view bar (the page's scroll-padding), give or take a line, and still there once
      // the figures near the screen have been drawn and redrawn at the column's width.
      await expect.poll(top).toBeGreaterThan(0);
      await page.waitForTimeout(1500);
      const settled = await top();
      expect(settled).toBeGreaterThan(0);
      expect(settled).toBeLessThan(120);
    });
  }
});
