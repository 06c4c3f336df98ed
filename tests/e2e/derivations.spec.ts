// Every number on the Results page opens its derivation, by keyboard and by pointer; the panel's
// full-precision value is the engine's value for that path (analyse() in Node), in the default
// view and in a changed one; Esc returns focus to the number; the panel follows a change of view
// or closes, never showing another view's derivation; axe finds nothing with it open; it fits a
// 390 px screen.
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { valueAt } from '../../src/lib/resultPaths.ts';
import type { AnalysisResult } from '../../src/analysis/analyse.ts';
import type { ViewState } from '../../src/lib/urlState.ts';
import { domain, expected, waitForView } from './helpers.ts';
import { claimChecks, verdictParts } from '../../src/lib/wording.ts';

const full = (r: AnalysisResult, path: string): string => {
  const v = valueAt(r, path) as number | [number, number] | null;
  if (v === null) return 'none (the data give no value)';
  return Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v);
};

const panel = (page: Page) => page.locator('#derivation-panel');

async function openAll(page: Page): Promise<Locator[]> {
  for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
  return page.locator('main button.num[data-path]').all();
}

async function checkEvery(page: Page, r: AnalysisResult): Promise<number> {
  const handles = await openAll(page);
  expect(handles.length).toBeGreaterThan(100);
  for (const [k, h] of handles.entries()) {
    const path = (await h.getAttribute('data-path'))!;
    // Alternate keyboard (Enter and Space) and pointer, so both reach every kind of number.
    if (k % 3 === 0) {
      await h.click();
    } else {
      await h.focus();
      await page.keyboard.press(k % 3 === 1 ? 'Enter' : 'Space');
    }
    await expect(panel(page)).toBeVisible();
    await expect(panel(page)).toHaveAttribute('data-path', path);
    await expect(panel(page).locator('[data-derivation-value]'), path).toHaveText(full(r, path));
    // A number shown without the sign of its value (the size of a fall, of a downward slope) says so.
    const text = (await h.textContent())!.trim();
    const signless = /^-/.test(full(r, path)) && !/^[−-]/.test(text);
    await expect(panel(page).locator('[data-derivation-shown]'), path).toHaveText(signless ? `${text} (its size: the words around it say which way)` : text);
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(h, `focus returns to ${path}`).toBeFocused();
  }
  return handles.length;
}

const changed: ViewState = { window: 12, categories: ['violence', 'drugs'] };

test('every number on the Results page opens its derivation (default view)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: domain.categories });
  await checkEvery(page, expected());
});

test('every number on the Results page opens its derivation (12 months, violence and drugs)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('results/?w=12&c=violence,drugs');
  await waitForView(page, changed);
  await checkEvery(page, expected(changed));
});

test('each number opens by pointer and by keyboard, and the static HTML already holds the handles', async ({ page, browser }) => {
  // Without JavaScript the numbers are still buttons in the HTML, kept out of the tab order
  // (tabindex="-1") until the script that opens them runs.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(new URL('results/', test.info().project.use.baseURL).href);
  expect(await plain.locator('main button.num[data-path]').count()).toBeGreaterThan(100);
  expect(await plain.locator('main button.num[data-path]:not([tabindex="-1"])').count()).toBe(0);
  await noJs.close();

  await page.goto('results/');
  await waitForView(page, { window: 24, categories: domain.categories });
  const h = page.locator('[data-say="headline"] button.num[data-path="events.pre"]');
  await h.click();
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(full(expected(), 'events.pre'));
  await page.keyboard.press('Escape');
  await h.focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(full(expected(), 'events.pre'));
  await expect(panel(page).locator('[data-r-call]')).toContainText('sum(pre)');
  await page.keyboard.press('Escape');
  await expect(h).toBeFocused();
});

test('from the keyboard, a Tab past the panel\'s last control (or Shift+Tab before its first) goes back to the number, with the panel still open', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: domain.categories });
  const h = page.locator('[data-say="headline"] button.num[data-path="events.pre"]');
  await h.focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(full(expected(), 'events.pre'));
  const inPanel = () => page.evaluate(() => document.getElementById('derivation-panel')!.contains(document.activeElement));
  let steps = 0;
  while (await inPanel()) {
    await page.keyboard.press('Tab');
    expect(++steps, 'Tab leaves the panel').toBeLessThan(40);
  }
  await expect(h).toBeFocused();
  await expect(panel(page)).toBeVisible();
  // Out backwards: from the panel's heading, Shift+Tab goes to the number too.
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect(h).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page).locator('#derivation-title')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(h).toBeFocused();
});

test('the panel follows a change of view or closes, and never shows the old view', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, { window: 24, categories: domain.categories });
  await page.locator('[data-say="headline"] button.num[data-path="events.pre"]').click();
  await expect(panel(page)).toBeVisible();
  // Change the view with the controls while the panel is open.
  await page.locator('input[name="category"][value="other"]').uncheck();
  const view = { window: 24, categories: domain.categories.filter((c) => c !== 'other') };
  await waitForView(page, view);
  if (await panel(page).isVisible()) {
    await expect(panel(page)).not.toHaveAttribute('data-stale');
    await expect(panel(page).locator('[data-derivation-value]')).toHaveText(full(expected(view), 'events.pre'));
  }
  // A per-category number that leaves the page closes the panel.
  await page.locator('[data-table="results:events"] button.num[data-path="byCategory.drugs.events.pre"]').click();
  await expect(panel(page)).toBeVisible();
  await page.locator('input[name="category"][value="drugs"]').uncheck();
  await waitForView(page, { window: 24, categories: view.categories.filter((c) => c !== 'drugs') });
  await expect(panel(page)).toBeHidden();
});

test('axe finds no violations with the panel open, and the panel fits a 390 px screen', async ({ page }) => {
  test.setTimeout(60_000); // 12.2 s in a fresh-clone CI
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('results/?w=12&c=violence,drugs');
  await waitForView(page, changed);
  await page.locator('[data-table="results:harm"] button.num[data-path="byCategory.drugs.harm.test.V"]').click();
  await expect(panel(page)).toBeVisible();
  const box = (await panel(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  await expect(panel(page).getByRole('button', { name: 'Copy the R code' })).toBeVisible();
});

test('the engine file named in a derivation links to its published source', async ({ page, request }) => {
  await page.goto('results/');
  await page.locator('button.num[data-path="events.test.V"]').first().click();
  const link = panel(page).getByRole('link', { name: 'src/analysis/stats/wilcoxonSignedRank.ts' });
  await expect(link).toBeVisible();
  const response = await request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('export function wilcoxonSignedRank');
});

test('a derivation that could not open says so, and the message goes once one opens', async ({ page }) => {
  let block = true;
  await page.route('**/_astro/panel.*.js', (route) => (block ? route.abort('blockedbyclient') : route.continue()));
  await page.goto('results/');
  await waitForView(page, { window: domain.span, categories: domain.categories });
  const number = page.locator('button.num[data-path="events.pre"]').first();
  await number.click();
  const alert = page.locator('#view-alert');
  await expect(alert).toContainText("This number's derivation could not be opened");
  block = false;
  await number.click();
  await expect(panel(page)).toBeVisible();
  await expect(alert).toHaveText('');
});

test.describe('focus never goes under the panel', () => {
  /** Whether the focused element's centre is covered by the open panel, read a frame after the focus moved (when the page has answered it). */
  const focusUnderPanel = async (page: Page) => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return page.evaluate(() => {
      const p = document.getElementById('derivation-panel')!;
      const el = document.activeElement as HTMLElement;
      if (p.hidden || p.contains(el)) return false;
      const b = el.getBoundingClientRect();
      const under = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return !!under && p.contains(under);
    });
  };
  test.use({ viewport: { width: 1280, height: 900 } });
  test('a Tab on past the number closes the panel when the next number is under it; Esc outside the panel keeps the place', async ({ page }) => {
    await page.goto('results/');
    await waitForView(page, { window: 24, categories: domain.categories });
    const first = page.locator('main button.num').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    let closed = false;
    for (let k = 0; k < 14; k++) {
      await page.keyboard.press('Tab');
      // the auditor's case: "93" focused under the panel
      expect(await focusUnderPanel(page), `after ${k + 1} Tabs`).toBe(false);
      if (await panel(page).isHidden()) { closed = true; break; }
    }
    expect(closed, 'some number read on lies under the panel, which closed for it').toBe(true);
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).not.toBe(await first.textContent());
    // Esc with focus outside the panel (on a control the reader moved to) closes it and leaves focus there.
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    const box = page.getByRole('checkbox', { name: 'Drugs' });
    await box.focus();
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(box).toBeFocused();
  });

  test('a Tab out of the panel back to a number that the panel covers closes it (a reviewer: "210" on Conclusions)', async ({ page }) => {
    await page.goto('conclusions/');
    await waitForView(page, { window: 24, categories: domain.categories });
    // A number that sits where the panel opens: found by opening the panel once and looking under it
    // (Conclusions' text around its first numbers moves as its wording does).
    const first = page.locator('[data-say="verdict:events.fell"] button.num').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    const covered = await page.evaluate(() => {
      const p = document.getElementById('derivation-panel')!.getBoundingClientRect();
      const under = [...document.querySelectorAll<HTMLElement>('main button.num')].findIndex((b) => {
        const r = b.getBoundingClientRect();
        return r.width > 0 && r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top;
      });
      return under;
    });
    expect(covered, 'some number lies under the open panel').toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    const number = page.locator('main button.num').nth(covered);
    await number.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    const inPanel = () => page.evaluate(() => document.getElementById('derivation-panel')!.contains(document.activeElement));
    for (let k = 0; (await inPanel()) && k < 40; k++) await page.keyboard.press('Tab');
    await expect(number).toBeFocused();
    expect(await focusUnderPanel(page)).toBe(false);
    await expect(panel(page), "the number sits where the panel opens, so the panel closed for it").toBeHidden();
  });

  test('a link to the reading for a force deciding now lands with the callout\'s top edge in sight', async ({ page }) => {
    await page.goto('conclusions/#for-a-force-deciding-now');
    const top = await page.locator('#for-a-force-deciding-now').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(8);
  });
});

test('the Data page\'s table of published and recomputed figures: every recomputed number opens its derivation, a reduction and its p-value apart, and so does every number in a verdict, and follows the view', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [url, state] of [['data/', { window: 24, categories: domain.categories }], ['data/?w=12&c=violence,drugs', changed]] as const) {
    await page.goto(url);
    await waitForView(page, state);
    const r = expected(state);
    const handles = page.locator('[data-table="published"] td button.num[data-path]');
    // the register, follow-up and analysed counts, arrests before and after, and each reduction in view with its p-value;
    // then the numbers in the verdicts on the article's claims, as Conclusions gives them (a peer reviewer: they opened nothing)
    const reductions = 2 * (1 + state.categories.length);
    const verdicts = claimChecks(r).flatMap((c) => verdictParts(r, c.id).filter((x) => typeof x !== 'string'));
    expect(verdicts.length).toBeGreaterThan(5);
    await expect(handles).toHaveCount(5 + 2 * reductions + verdicts.length);
    for (const h of await handles.all()) {
      const path = (await h.getAttribute('data-path'))!;
      await h.click();
      await expect(panel(page)).toHaveAttribute('data-path', path);
      await expect(panel(page).locator('[data-derivation-value]'), path).toHaveText(full(r, path));
      await page.keyboard.press('Escape');
      await expect(panel(page)).toBeHidden();
    }
  }
});

test('in the Data page\'s table, the arrow keys keep to the p-values in a column of reductions and p-values (a re-check went from a p-value down to the next row\'s reduction)', async ({ page }) => {
  await page.goto('data/');
  await waitForView(page, { window: 24, categories: domain.categories });
  const table = page.locator('[data-table="published"] table');
  const p = (path: string) => table.locator(`button.num[data-path="${path}"]`);
  await p('byCategory.modern_slavery.events.test.p').focus();
  await page.keyboard.press('ArrowDown');
  await expect(p('byCategory.violence.events.test.p')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(table.locator('button.num[data-path="byCategory.violence.events.reduction"]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(table.locator('button.num[data-path="byCategory.modern_slavery.events.reduction"]')).toBeFocused();
});
