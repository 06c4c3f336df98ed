// Small helpers for the browser tests: the engine's expected numbers for a view, and waiting for
// the page to finish recomputing.
import { expect, type Page } from '@playwright/test';
import { analyse, type AnalysisResult } from '../../src/analysis/analyse.ts';
import { formatPercent, formatNumber } from '../../src/lib/format.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { headline } from '../../src/lib/wording.ts';
import { bundled } from '../helpers/bundled.ts';

export { bundled };
export const domain = { span: bundled.span, categories: bundled.categories };
export const expected = (state: Partial<ViewState> = {}): AnalysisResult => analyse(bundled, state);

/** Resolves once the page shows the view with this query ('' = default). */
export async function waitForView(page: Page, state: ViewState): Promise<void> {
  const query = serialiseState(state, domain);
  await expect(page.locator('html')).toHaveAttribute('data-view', query || 'default');
}

/** The headline numbers on the page equal the engine's for this view. */
export async function expectHeadline(page: Page, r: AnalysisResult): Promise<void> {
  for (const el of await page.locator('[data-live="events.pre"]').all()) await expect(el).toHaveText(formatNumber(r.events.pre));
  for (const el of await page.locator('[data-live="events.post"]').all()) await expect(el).toHaveText(formatNumber(r.events.post));
  const sentences = page.locator('[data-say="headline"]');
  expect(await page.locator('[data-live="events.pre"], [data-say="headline"]').count()).toBeGreaterThan(0);
  for (const el of await sentences.all()) await expect(el).toHaveText(headline(r));
  if (r.events.reduction !== null && (await sentences.count()) > 0) {
    await expect(sentences.first()).toContainText(`${formatPercent(Math.abs(r.events.reduction))} ${r.events.reduction >= 0 ? 'fall' : 'rise'}`);
  }
}

/** Collects console errors and page errors for the life of the page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
