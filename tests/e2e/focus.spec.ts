// The keyboard's place across a change of view (src/client/keepFocus.ts): an accessibility review
// found that Back dropped the focus to the page's body from a number in a figure's table (its rows
// are rewritten for each view) and from the headline figure's "Next person" (hidden by a change of
// view), and that "Show this view" in the specification table kept the focus but left it scrolled
// out of sight.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { domain, waitForView } from './helpers.ts';

const all = domain.categories;

/** The focused element's description, for a failure message: tag, text and the table or figure it is in. */
const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return a === null || a === document.body ? 'body' : `${a.tagName} "${(a.textContent ?? '').trim().slice(0, 30)}" in ${a.closest('[data-figure], [data-robust-figure]')?.getAttribute('data-figure') ?? a.closest('[data-robust-figure]')?.getAttribute('data-robust-figure') ?? '-'}`;
});

/** Whether the element is inside the screen and inside every box that scrolls it. */
const inSight = (el: Locator) => el.evaluate((e) => {
  const box = e.getBoundingClientRect();
  // (within a pixel: a row scrolled to the edge may sit a fraction of one past it)
  if (box.top < -1 || box.left < -1 || box.bottom > innerHeight + 1 || box.right > innerWidth + 1) return false;
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (!/(auto|scroll)/.test(s.overflowX + s.overflowY)) continue;
    const c = p.getBoundingClientRect();
    if (box.left < c.left - 1 || box.right > c.right + 1 || box.top < c.top - 1 || box.bottom > c.bottom + 1) return false;
  }
  return true;
});

test('Back, from a number in a figure\'s table, keeps the focus in that table, in the same column', async ({ page }) => {
  await page.goto('results/');
  await page.getByRole('slider', { name: /window/i }).fill('23');
  await waitForView(page, { window: 23, categories: all });
  const figure = page.locator('[data-figure="eventsByCategory"]');
  await figure.locator('summary').click();
  const table = figure.locator('table[data-figure-table]');
  await table.locator('td button').first().focus();
  await page.keyboard.press('ArrowDown');
  const column = await page.evaluate(() => (document.activeElement!.closest('td, th') as HTMLTableCellElement).cellIndex);
  await page.goBack();
  await waitForView(page, { window: 24, categories: all });
  await expect.poll(() => focused(page)).toMatch(/^BUTTON .* in eventsByCategory$/);
  // In sight, though the browser's Back restores the scroll position kept with the entry (the top, where the slider was moved).
  await expect.poll(() => inSight(page.locator(':focus'))).toBe(true);
  expect(await page.evaluate(() => (document.activeElement!.closest('td, th') as HTMLTableCellElement | null)?.cellIndex)).toBe(column);
  // And the next Tab moves on from there, not from the top of the page.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement!.closest('header, nav, .controls') === null)).toBe(true);
});

test('Back, from "Next person", which the change of view hides, leaves the focus on the headline figure', async ({ page }) => {
  await page.goto('?w=20');
  await waitForView(page, { window: 20, categories: all });
  await page.getByRole('slider', { name: /window/i }).fill('19');
  await waitForView(page, { window: 19, categories: all });
  const figure = page.getByRole('application', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const next = page.getByRole('button', { name: 'Next person' });
  await expect(next).toBeVisible();
  await next.focus();
  await page.goBack();
  await waitForView(page, { window: 20, categories: all });
  await expect(next).toBeHidden();
  await expect(figure).toBeFocused();
  await expect.poll(() => inSight(figure)).toBe(true);
});

test('"Show this view" in the specification table keeps the focus on the same specification\'s button, and in sight', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('robustness/');
  const host = page.locator('[data-robust-figure="specificationCurve"]');
  await expect(host.locator('button[data-set-spec]').first()).toBeAttached({ timeout: 30_000 });
  await host.locator('summary').first().click();
  const first = host.locator('button[data-set-spec]').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const spec = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.setSpec);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveAttribute('data-view', 'default');
  const again = host.locator(`button[data-set-spec="${spec}"]`);
  await expect(again).toBeFocused();
  await expect.poll(() => inSight(again), { timeout: 10_000 }).toBe(true);
});

test('in a table by keyboard, the arrow keys\' help shows under it; away from tables, it is gone', async ({ page }) => {
  await page.goto('results/');
  const figure = page.locator('[data-figure="eventsByCategory"]');
  await figure.locator('summary').focus();
  await page.keyboard.press('Enter');
  for (let k = 0; k < 6 && !(await page.evaluate(() => !!document.activeElement?.closest('table'))); k++) await page.keyboard.press('Tab');
  const help = page.locator('#table-keys-help');
  // (not merely visible to Playwright: the visually hidden text has a box of a pixel)
  await expect(help).toHaveClass(/table-keys-help/);
  await expect(help).toBeVisible();
  await expect(help).toHaveText('The arrow keys move between the numbers in this table; Tab moves on past it.');
  // Over the page, not in its flow: nothing after the table moves when it comes or goes (a click begun
  // on a number below a table had landed elsewhere as a line under the table went).
  expect(await help.evaluate((h) => getComputedStyle(h).position)).toBe('fixed');
  await page.keyboard.press('ArrowRight');
  await expect(help).toHaveClass(/table-keys-help/);
  await page.getByRole('slider', { name: /window/i }).focus();
  await expect(help).toHaveClass('visually-hidden');
});

test('a click on a number just after a table the keyboard was in opens its derivation: the keys\' help going moves nothing', async ({ page }) => {
  await page.goto('results/?w=12&c=violence,drugs');
  await waitForView(page, { window: 12, categories: ['violence', 'drugs'] });
  const perOrder = page.locator('[data-figure="perOrder"]');
  await perOrder.locator('summary').click();
  const inTable = perOrder.locator('table[data-figure-table] td button').first();
  await inTable.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#table-keys-help')).toHaveClass(/table-keys-help/);
  const after = page.locator('main button.num[data-path="orders"]').last();
  // Its place on the page (not on the screen, which the click may scroll), before and after.
  const top = () => after.evaluate((e) => e.getBoundingClientRect().top + scrollY);
  await after.scrollIntoViewIfNeeded();
  const before = await top();
  await after.click();
  await expect(page.locator('#derivation-panel')).toBeVisible();
  await expect(page.locator('#derivation-panel')).toHaveAttribute('data-path', 'orders');
  expect(await top()).toBeCloseTo(before, 0);
});

test('on a phone, the arrow keys\' help at the foot of the screen never covers the number in focus (a re-check)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('results/');
  const perOrder = page.locator('[data-figure="perOrder"]');
  await perOrder.locator('summary').click();
  await perOrder.locator('table[data-figure-table] td button').first().focus();
  const help = page.locator('#table-keys-help');
  for (let k = 0; k < 14; k++) {
    await page.keyboard.press('ArrowDown');
    await expect(help).toHaveClass(/table-keys-help/);
    const [cell, over] = await Promise.all([page.locator(':focus').boundingBox(), help.boundingBox()]);
    expect(cell!.y + cell!.height, `row ${k + 2}`).toBeLessThanOrEqual(over!.y + 0.5);
  }
});

test('a view emptied from a checkbox is announced by the page alone: the figures\' live regions show their words without speaking them (a re-check)', async ({ page }) => {
  await page.goto('?w=6&c=violence');
  await waitForView(page, { window: 6, categories: ['violence'] });
  const figure = page.getByRole('application', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('Enter');
  const inspector = page.locator('[data-figure="eventUnits"] [data-inspector]');
  await expect(inspector).toContainText('Person ');
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  await waitForView(page, { window: 6, categories: [] });
  await expect(inspector).toHaveText('The view changed. Selection cleared. There are no arrests in this view to pick out.');
  // Everything it shows is aria-hidden: nothing in it is spoken over the page's own announcement.
  expect(await inspector.evaluate((el) => [...el.childNodes].every((n) => n instanceof Element && n.getAttribute('aria-hidden') === 'true'))).toBe(true);
  await expect(figure).toHaveAttribute('aria-label', 'Every arrest in this view: there are none to pick out');
});
