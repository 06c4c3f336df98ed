// The headline figure on the Overview: the large numbers are the engine's, the study's numbers
// appear beside them only when the view differs, a person can be picked out by tap or keyboard
// (and Esc clears), the transition is skipped under reduced motion, and the figure is in the
// first screen on a laptop and the second on a phone.
import { test, expect, type Page } from '@playwright/test';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { eventUnits, personUnits } from '../../src/charts/eventUnits.ts';
import { bundled, domain, expected, waitForView } from './helpers.ts';

const all = domain.categories;
const headline = (page: Page) => page.locator('section.headline');

async function expectBig(page: Page, state: { window?: number; categories?: string[] }) {
  const r = expected(state);
  const study = expected();
  const h = headline(page);
  await expect(h.locator('.big [data-live="events.pre"]')).toHaveText(formatNumber(r.events.pre));
  await expect(h.locator('.big [data-live="events.post"]')).toHaveText(formatNumber(r.events.post));
  await expect(h.locator('[data-say="change:events"]')).toHaveText(`${formatPercent(Math.abs(r.events.reduction!))} ${r.events.reduction! > 0 ? 'fewer' : 'more'}`);
  await expect(h.locator('[data-say="change:harm"]')).toHaveText(`${formatPercent(Math.abs(r.harm.reduction!))} ${r.harm.reduction! > 0 ? 'less' : 'more'}`);
  // every number is a derivation handle
  for (const b of await h.locator('.big button.num, .change button.num').all()) await expect(b).toHaveAttribute('data-path', /.+/);
  const notes = h.locator('[data-study]');
  if (state.window === undefined && state.categories === undefined) {
    for (const n of await notes.all()) await expect(n).toBeHidden();
  } else {
    await expect(notes.nth(0)).toBeVisible();
    await expect(notes.nth(0)).toContainText(`(study: ${formatNumber(study.events.pre)})`);
    await expect(notes.nth(1)).toContainText(`(study: ${formatNumber(study.events.post)})`);
    await expect(notes.nth(2)).toContainText(`(study: ${formatPercent(study.events.reduction)} fewer)`);
    await expect(notes.nth(1)).toContainText(`against ${formatNumber(study.events.post)} in the study’s view`);
  }
}

test('the big numbers are the engine’s, with the study’s beside them only in another view', async ({ page }) => {
  await page.goto('');
  await expectBig(page, {});
  await page.getByRole('slider', { name: /window/i }).fill('12');
  await page.getByRole('checkbox', { name: 'Drugs' }).uncheck();
  const state = { window: 12, categories: all.filter((c) => c !== 'drugs') };
  await waitForView(page, state);
  await expectBig(page, state);
  await page.getByRole('checkbox', { name: 'Drugs' }).check();
  await page.getByRole('slider', { name: /window/i }).fill('24');
  await waitForView(page, { window: 24, categories: all });
  await expectBig(page, {});
});

/** The indices of the squares that are highlighted, from the page (in the drawing on screen: the build's page holds a wide and a narrow one). */
const selectedSquares = (page: Page) =>
  page.locator('.plot.units').evaluate((plot) => {
    const shown = [...plot.querySelectorAll<SVGGElement>('g[data-mark="rect"]')].find((g) => g.checkVisibility());
    return [...(shown?.querySelectorAll('rect') ?? [])].flatMap((r, k) => (r.classList.contains('selected') ? [k] : []));
  });

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 }, isMobile: true });
  test('a tap picks out one person’s arrests before and after; Esc clears', async ({ page }) => {
    await page.goto('');
    const units = eventUnits(bundled, expected());
    const k = 100; // an arrest before the order
    const rect = page.locator('.plot.units g[data-mark="rect"]').filter({ visible: true }).locator('rect').nth(k);
    await rect.scrollIntoViewIfNeeded();
    const box = (await rect.boundingBox())!;
    await page.tap('.plot.units', { position: await relative(page, box.x + box.width / 2, box.y + box.height / 2) });
    const person = units[k].orderId;
    await expect(page.locator('[data-inspector]')).toContainText(`Person ${person} (a pseudonymised id)`);
    await expect(page.locator('[data-inspector]')).not.toContainText(/modern_slavery/);
    expect(await selectedSquares(page)).toEqual(personUnits(units, person));
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-inspector]')).toContainText('Selection cleared');
    expect(await selectedSquares(page)).toEqual([]);
  });
});

async function relative(page: Page, x: number, y: number) {
  const b = (await page.locator('.plot.units').boundingBox())!;
  return { x: x - b.x, y: y - b.y };
}

test('Enter picks out the focused arrest’s person; Esc clears', async ({ page }) => {
  await page.goto('');
  const units = eventUnits(bundled, expected());
  const figure = page.getByRole('group', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const person = units.at(-1)!.orderId;
  const mine = personUnits(units, person);
  await expect(page.locator('[data-inspector]')).toContainText(`Person ${person}`);
  expect(await selectedSquares(page)).toEqual(mine);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-inspector]')).toContainText('Selection cleared');
  expect(await selectedSquares(page)).toEqual([]);
});

for (const motion of ['reduce', 'no-preference'] as const) {
  test(`a change of view ${motion === 'reduce' ? 'skips' : 'runs'} the squares’ transition under prefers-reduced-motion: ${motion}`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: motion });
    await page.goto('');
    // the figures chunk is loaded and wired up before the change
    await page.getByRole('group', { name: /every arrest/i }).focus();
    // record the animations started on the figure (they last 300 ms, too short to poll): one
    // animation of --unit-t on the chart moves every square that changed place
    await page.evaluate(() => {
      const w = window as unknown as { unitAnimations: Animation[] };
      w.unitAnimations = [];
      const animate = Element.prototype.animate;
      Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
        const a = animate.apply(this, args);
        if (this.closest('.plot.units') && JSON.stringify(args[0]).includes('--unit-t')) {
          // held, so that it cannot end (and clear its marks) before the test reads it
          a.pause();
          w.unitAnimations.push(a);
        }
        return a;
      };
    });
    await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
    await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'violence') });
    // At the transition's start each moved square sits at its old place: offset by its (--dx, --dy);
    // at its end, at its own. Read with the animation held at those two moments.
    const at = (time: 'start' | 'end') => page.evaluate((time) => {
      const [a] = (window as unknown as { unitAnimations: Animation[] }).unitAnimations;
      if (!a) return null;
      a.pause();
      a.currentTime = time === 'start' ? 0 : (a.effect!.getComputedTiming().endTime as number) - 1e-3;
      const moved = [...document.querySelectorAll<SVGRectElement>('.plot.units rect.unit-move')];
      return {
        count: (window as unknown as { unitAnimations: Animation[] }).unitAnimations.length,
        moved: moved.length,
        offsets: moved.slice(0, 20).map((r) => {
          const m = new DOMMatrix(getComputedStyle(r).transform);
          return { dx: parseFloat(r.style.getPropertyValue('--dx')), dy: parseFloat(r.style.getPropertyValue('--dy')), x: m.e, y: m.f };
        }),
      };
    }, time);
    const start = await at('start');
    if (motion === 'reduce') {
      expect(start).toBeNull();
      expect(await page.locator('.plot.units rect.unit-move').count()).toBe(0);
    } else {
      expect(start!.count).toBe(1);
      expect(start!.moved).toBeGreaterThan(0);
      expect(start!.offsets.some((o) => o.dx !== 0 || o.dy !== 0)).toBe(true);
      for (const o of start!.offsets) {
        expect(o.x).toBeCloseTo(o.dx, 3);
        expect(o.y).toBeCloseTo(o.dy, 3);
      }
      for (const o of (await at('end'))!.offsets) {
        expect(Math.abs(o.x)).toBeLessThan(0.01);
        expect(Math.abs(o.y)).toBeLessThan(0.01);
      }
      // once it has ended, no square keeps the transition's marks (the next change would pay to remove them)
      await page.evaluate(() => (window as unknown as { unitAnimations: Animation[] }).unitAnimations[0].finish());
      await expect(page.locator('.plot.units rect.unit-move, .plot.units rect.unit-enter, .plot.units rect[style]')).toHaveCount(0);
    }
    // the caption is the new view's at once
    await expect(page.locator('[data-figure="eventUnits"] [data-caption]')).toContainText(`${formatNumber(expected({ categories: all.filter((c) => c !== 'violence') }).events.pre)} in the 24 months before`);
    // Each number and sentence the change rewrote flashes once (a CSS animation started by its
    // data-flash attribute: src/client/dom.ts), and none does under reduced motion.
    const flashed = page.locator('main [data-live][data-flash], main [data-say][data-flash]');
    if (motion === 'reduce') await expect(flashed).toHaveCount(0);
    else {
      await expect(flashed.first()).toBeAttached();
      expect(await flashed.first().evaluate((el) => getComputedStyle(el).animationName)).toMatch(/^flash-[12]$/);
    }
  });
}

test('a later change rewrites the same squares in place, and a change during the transition cancels it and leaves no marks', async ({ page }) => {
  await page.goto('');
  await page.getByRole('group', { name: /every arrest/i }).focus();
  // The first change replaces the build's two drawings; from then on the squares are rewritten in place.
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'violence') });
  const result = await page.evaluate(() => {
    const squares = () => [...document.querySelectorAll<SVGRectElement>('.plot.units g[data-mark="rect"] rect')];
    const before = squares();
    const started: Animation[] = [];
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      const a = animate.apply(this, args);
      if (this.closest('.plot.units') && JSON.stringify(args[0]).includes('--unit-t')) {
        a.pause(); // held, so that the first cannot end before the second change
        started.push(a);
      }
      return a;
    };
    const box = document.querySelector<HTMLInputElement>('input[name="category"][value="violence"]')!;
    const view = () => document.documentElement.dataset.view;
    const until = (target: string | undefined) => new Promise<void>((resolve) => {
      const wait = () => (view() === target ? resolve() : requestAnimationFrame(wait));
      requestAnimationFrame(wait);
    });
    return (async () => {
      const first = view();
      box.click(); // back to the study's view: one transition
      await until('default');
      box.click(); // and away again while it runs
      await until(first);
      const after = squares();
      const kept = Math.min(before.length, after.length);
      const states = started.map((a) => a.playState);
      started.at(-1)?.finish();
      await new Promise((r) => requestAnimationFrame(r));
      return {
        started: started.length,
        states,
        reused: after.slice(0, kept).every((r, k) => r === before[k]) && kept > 0,
        same: after.length === before.length,
        marked: document.querySelectorAll('.plot.units rect.unit-move, .plot.units rect.unit-enter, .plot.units rect[style]').length,
      };
    })();
  });
  expect(result.started).toBe(2);
  expect(result.states[0]).toBe('idle'); // cancelled by the second change
  expect(result.reused).toBe(true);
  expect(result.same).toBe(true);
  expect(result.marked).toBe(0);
});

test.describe('first screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('on a laptop (1,280 × 800) the headline number and the figure start in the first screen', async ({ page }) => {
    await page.goto('');
    const big = (await headline(page).boundingBox())!;
    const figure = (await page.locator('figure[data-figure="eventUnits"]').boundingBox())!;
    console.log(`laptop: headline top ${Math.round(big.y)} px, figure top ${Math.round(figure.y)} px`);
    expect(big.y + big.height).toBeLessThan(800);
    expect(figure.y).toBeLessThan(800);
  });
});

test.describe('second screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('on a phone (390 × 844) the figure starts within the second screen', async ({ page }) => {
    await page.goto('');
    const big = (await headline(page).boundingBox())!;
    const figure = (await page.locator('figure[data-figure="eventUnits"]').boundingBox())!;
    console.log(`phone: headline top ${Math.round(big.y)} px, figure top ${Math.round(figure.y)} px`);
    expect(figure.y).toBeLessThan(2 * 844);
  });
});
