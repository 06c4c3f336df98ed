// The headline figure on the Overview: the large numbers are the engine's, the study's numbers
// appear beside them only when the view differs, a person can be picked out by tap or keyboard
// (and Esc clears), the transition is skipped under reduced motion, and the figure is in the
// first screen on a laptop and the second on a phone.
import { test, expect, type Page } from '@playwright/test';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { eventUnits, personUnits } from '../../src/charts/eventUnits.ts';
import { UNITS_HELP, UNITS_TOUCH_HELP } from '../../src/charts/unitsHelp.ts';
import { squareKey, squaresOf } from '../helpers/squares.ts';
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
    await expect(notes.nth(0)).toContainText(`(study’s view: ${formatNumber(study.events.pre)})`);
    await expect(notes.nth(1)).toContainText(`(study’s view: ${formatNumber(study.events.post)})`);
    await expect(notes.nth(2)).toContainText(`(study’s view: ${formatPercent(study.events.reduction)} fewer)`);
    await expect(notes.nth(1)).toContainText(`against ${formatNumber(study.events.post)} in the study’s view`);
    // Read aloud in order: the noun with its number, before the study's (an accessibility review heard
    // "against 93 in the study's view arrests").
    const heard = (await h.locator('p.big').ariaSnapshot()).replace(/- (paragraph|button|text):?/g, '').replace(/"/g, '').replace(/\s+/g, ' ').replace(/ ,/g, ',');
    expect(heard).toContain(`${formatNumber(r.events.post)} arrests, against ${formatNumber(study.events.post)} in the study’s view`);
    expect(heard).not.toMatch(/view arrests/);
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

test('with a gap, the account of the squares says which months are left out (?gap=23: the arrests of month 24 alone)', async ({ page }) => {
  await page.goto('?gap=23');
  await waitForView(page, { window: 24, categories: all, gap: 23 });
  await expect(page.locator('[data-say="gapAside"]')).toHaveText(', with the 23 months either side of each order left out');
  await page.goto('');
  await expect(page.locator('[data-say="gapAside"]')).toHaveText('');
});

/** The d of each path of a group in the drawing on screen (the build's page holds a wide and a narrow one). */
const shownPaths = (page: Page, group: string) =>
  page.locator('.plot.units').evaluate((plot, group) => {
    const shown = [...plot.querySelectorAll<SVGGElement>(group)].find((g) => g.checkVisibility());
    return [...(shown?.querySelectorAll('path') ?? [])].map((p) => p.getAttribute('d') ?? '');
  }, group);

/**
 * The indices of the squares that are highlighted: the squares drawn in the highlight group, found
 * among the squares of the figure (unit k is the k-th square across the squares' paths).
 */
async function selectedSquares(page: Page): Promise<number[]> {
  const all = (await shownPaths(page, 'g[data-mark="rect"]')).flatMap(squaresOf).map(squareKey);
  const picked = new Set((await shownPaths(page, 'g.unit-selection')).flatMap(squaresOf).map(squareKey));
  return all.flatMap((key, k) => (picked.has(key) ? [k] : []));
}

/** The centre of unit k's square on screen, read from the drawing on screen. */
const squareCentre = (page: Page, k: number) =>
  page.locator('.plot.units').evaluate((plot, k) => {
    const shown = [...plot.querySelectorAll<SVGGElement>('g[data-mark="rect"]')].find((g) => g.checkVisibility())!;
    let seen = 0;
    for (const path of shown.querySelectorAll('path')) {
      for (const m of (path.getAttribute('d') ?? '').matchAll(/M([\d.]+),([\d.]+)h([\d.]+)/g)) {
        if (seen++ !== k) continue;
        const side = Number(m[3]);
        const p = new DOMPoint(Number(m[1]) + side / 2, Number(m[2]) + side / 2).matrixTransform(shown.ownerSVGElement!.getScreenCTM()!);
        return { x: p.x, y: p.y };
      }
    }
    throw new Error(`no square ${k}`);
  }, k);

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 }, isMobile: true });
  test('a tap picks out one person’s arrests before and after; Esc clears', async ({ page }) => {
    await page.goto('');
    // The help speaks of taps, not of arrow keys and Esc, before the figure's code has loaded and after.
    await expect(page.locator('[data-inspector]')).toHaveText(UNITS_TOUCH_HELP);
    const units = eventUnits(bundled, expected());
    const k = 100; // an arrest before the order
    await page.locator('.plot.units').scrollIntoViewIfNeeded();
    const centre = await squareCentre(page, k);
    await page.tap('.plot.units', { position: await relative(page, centre.x, centre.y) });
    const person = units[k].orderId;
    await expect(page.locator('[data-inspector]')).toContainText(`Person ${person} (a pseudonymised id)`);
    await expect(page.locator('[data-inspector]')).not.toContainText(/modern_slavery/);
    // A phone has no Esc: the picked person's words say how a finger lets them go.
    await expect(page.locator('[data-inspector]')).toContainText('the rest dimmed; a tap away from the squares clears the selection.');
    await expect(page.locator('[data-inspector]')).not.toContainText('Esc');
    expect(await selectedSquares(page)).toEqual(personUnits(units, person));
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-inspector]')).toContainText('Selection cleared');
    expect(await selectedSquares(page)).toEqual([]);
    // A phone has no Esc: a tap away from the squares (the figure's top corner, above them) clears too, as the help says.
    const again = await squareCentre(page, k); // where the square is now (the page may have scrolled)
    await page.tap('.plot.units', { position: await relative(page, again.x, again.y) });
    expect(await selectedSquares(page)).toEqual(personUnits(units, person));
    await page.tap('.plot.units', { position: { x: 2, y: 2 } });
    await expect(page.locator('[data-inspector]')).toContainText('Selection cleared');
    expect(await selectedSquares(page)).toEqual([]);
    await expect(page.locator('[data-inspector]')).toHaveText(`Selection cleared. ${UNITS_TOUCH_HELP}`);
  });

  test('once a person is picked, buttons of a finger\'s size step to the next and previous person (the squares are 7 px)', async ({ page }) => {
    await page.goto('');
    const units = eventUnits(bundled, expected());
    const people = [...new Set(units.map((u) => u.orderId))];
    const steps = page.locator('[data-unit-steps]');
    await expect(steps).toBeHidden();
    await page.locator('.plot.units').scrollIntoViewIfNeeded();
    // the squares mid-screen, as a reader taps them; they must not move under the finger (a re-check: 99 px)
    await page.evaluate(() => window.scrollBy(0, document.querySelector('.plot.units')!.getBoundingClientRect().top - 300));
    const squaresTop = () => page.locator('.plot.units').evaluate((el) => el.getBoundingClientRect().top);
    const still = await squaresTop();
    const centre = await squareCentre(page, 0);
    await page.tap('.plot.units', { position: await relative(page, centre.x, centre.y) });
    const first = units[0].orderId;
    await expect(steps).toBeVisible();
    expect(Math.abs((await squaresTop()) - still)).toBeLessThan(1);
    await expect(page.locator('[data-inspector]')).toContainText(`Person ${first} (a pseudonymised id)`);
    await expect(steps).toBeVisible();
    for (const name of ['Next person', 'Previous person']) {
      const box = (await steps.getByRole('button', { name }).boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    }
    await steps.getByRole('button', { name: 'Next person' }).tap();
    const second = people[people.indexOf(first) + 1];
    await expect(page.locator('[data-inspector]')).toContainText(`Person ${second} (a pseudonymised id)`);
    expect(Math.abs((await squaresTop()) - still)).toBeLessThan(1);
    expect(await selectedSquares(page)).toEqual(personUnits(units, second));
    await steps.getByRole('button', { name: 'Previous person' }).tap();
    await expect(page.locator('[data-inspector]')).toContainText(`Person ${first} (a pseudonymised id)`);
    // round from the first to the last, said, with where each person is among them
    await expect(page.locator('[data-inspector]')).toContainText(`Person ${first} (a pseudonymised id), 1 of ${people.length} people with arrests in this view:`);
    await steps.getByRole('button', { name: 'Previous person' }).tap();
    await expect(page.locator('[data-inspector]')).toContainText(`Round to the last person. Person ${people.at(-1)} (a pseudonymised id), ${people.length} of ${people.length} people`);
    await steps.getByRole('button', { name: 'Next person' }).tap();
    await expect(page.locator('[data-inspector]')).toContainText(`Back to the first person. Person ${first} (a pseudonymised id), 1 of`);
    await steps.getByRole('button', { name: 'Previous person' }).tap();
    await page.tap('.plot.units', { position: { x: 2, y: 2 } });
    await expect(steps).toBeHidden();
    expect(Math.abs((await squaresTop()) - still)).toBeLessThan(1);
  });
});

async function relative(page: Page, x: number, y: number) {
  const b = (await page.locator('.plot.units').boundingBox())!;
  return { x: x - b.x, y: y - b.y };
}

test('Enter picks out the focused arrest’s person; Esc clears', async ({ page }) => {
  await page.goto('');
  const units = eventUnits(bundled, expected());
  const figure = page.getByRole('application', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const person = units.at(-1)!.orderId;
  const mine = personUnits(units, person);
  await expect(page.locator('[data-inspector]')).toContainText(`Person ${person}`);
  expect(await selectedSquares(page)).toEqual(mine);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-inspector]')).toHaveText(`Selection cleared. ${UNITS_HELP}`);
  // Said is the clearing alone: the help, in the figure's own name, is shown but not spoken again (an accessibility review).
  await expect(page.locator('[data-inspector] [aria-hidden="true"]')).toHaveText(UNITS_HELP);
  expect(await selectedSquares(page)).toEqual([]);
});

test('a click outside the figure clears a picked person too, as the help says, and what was clicked stays put (a re-check)', async ({ page }) => {
  await page.goto('');
  const units = eventUnits(bundled, expected());
  await expect(page.locator('[data-inspector]')).toContainText('Previous person and Next person buttons');
  const figure = page.getByRole('application', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-inspector]')).toContainText(`Person ${units[0].orderId}`);
  await expect(page.locator('[data-unit-steps]')).toBeVisible();
  // a paragraph of prose after the figure, clicked where the reader happens to be reading
  const prose = page.locator('main figure:has(.plot.units) ~ p').first();
  await prose.scrollIntoViewIfNeeded();
  const before = (await prose.boundingBox())!;
  await prose.click({ position: { x: 5, y: 5 } });
  await expect(page.locator('[data-inspector]')).toHaveText(`Selection cleared. ${UNITS_HELP}`);
  expect(await selectedSquares(page)).toEqual([]);
  await expect(page.locator('[data-unit-steps]')).toBeHidden();
  const after = (await prose.boundingBox())!;
  expect(Math.abs(after.y - before.y)).toBeLessThan(1);
});

/**
 * Record the fades started on the units figure (they last 300 ms, too short to poll): each is held
 * at its start, so that it cannot end (and remove its copy) before the test reads it.
 */
const holdFades = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { fades: Animation[] };
    w.fades = [];
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      const a = animate.apply(this, args);
      if (this.closest('.plot.units')) {
        a.pause();
        w.fades.push(a);
      }
      return a;
    };
  });

for (const motion of ['reduce', 'no-preference'] as const) {
  test(`a change of view ${motion === 'reduce' ? 'skips' : 'runs'} the squares’ transition under prefers-reduced-motion: ${motion}`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: motion });
    await page.goto('');
    // The figures chunk is loaded and wired up before the change: focus only starts the load, and a
    // change drawn before the figure is wired has nothing of its own to fade from. A key the figure
    // uses is held until then, so the inspector naming an arrest says the figure is wired.
    await page.getByRole('application', { name: /every arrest/i }).focus();
    await page.keyboard.press('Home');
    await expect(page.locator('[data-inspector]')).toContainText('Arrest 1 of ');
    await holdFades(page);
    const old = (await shownPaths(page, 'g[data-mark="rect"]')).flatMap(squaresOf).map(squareKey);
    await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
    const state = { window: 24, categories: all.filter((c) => c !== 'violence') };
    await waitForView(page, state);
    // The new view's squares are drawn at once, and the old ones lie over them, fading out: one
    // animation of one group's opacity, from 1 at its start to 0 at its end.
    const fade = await page.evaluate(() => {
      const fades = (window as unknown as { fades: Animation[] }).fades;
      const copy = document.querySelector<SVGGElement>('.plot.units g.unit-leaving');
      if (!fades[0] || !copy) return { count: fades.length, copy: !!copy };
      const opacity = (t: number) => {
        fades[0].currentTime = t;
        return Number(getComputedStyle(copy).opacity);
      };
      // 1 ms before its end (Chromium treats times within a microsecond of the end as after it)
      const end = (fades[0].effect!.getComputedTiming().endTime as number) - 1;
      return {
        count: fades.length,
        copy: true,
        target: (fades[0].effect as KeyframeEffect).target === copy,
        squares: [...copy.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? ''),
        start: opacity(0),
        end: opacity(end),
        pointer: getComputedStyle(copy).pointerEvents,
        hidden: copy.getAttribute('aria-hidden'),
      };
    });
    const now = (await shownPaths(page, 'g[data-mark="rect"]')).flatMap(squaresOf);
    const r = expected(state);
    expect(now.length).toBe(r.events.pre + r.events.post);
    if (motion === 'reduce') {
      expect(fade).toEqual({ count: 0, copy: false });
    } else {
      expect(fade.count).toBe(1);
      expect(fade.target).toBe(true);
      // the copy holds the old view's squares (and its ghosts), not the new one's
      const copied = fade.squares!.flatMap(squaresOf).map(squareKey);
      expect(copied.slice(0, old.length)).toEqual(old);
      expect(copied.length).toBeGreaterThan(old.length); // the old view's ghosts follow its squares
      expect(fade.start).toBeCloseTo(1, 3);
      expect(fade.end).toBeLessThan(0.01);
      expect(fade.pointer).toBe('none');
      expect(fade.hidden).toBe('true');
      // once it has ended, the copy is gone
      await page.evaluate(() => (window as unknown as { fades: Animation[] }).fades[0].finish());
      await expect(page.locator('.plot.units g.unit-leaving')).toHaveCount(0);
    }
    // the caption is the new view's at once
    await expect(page.locator('[data-figure="eventUnits"] [data-caption]')).toContainText(`${formatNumber(r.events.pre)} in the 24 months before`);
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

test('with a person picked out, the old squares fade from as dim as they were shown', async ({ page }) => {
  await page.goto('');
  const figure = page.getByRole('application', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-inspector]')).toContainText('Person ');
  const dimmed = await page.locator('.plot.units').evaluate((plot) => {
    const g = [...plot.querySelectorAll('g[data-mark="rect"]')].find((e) => e.checkVisibility())!;
    return Number(getComputedStyle(g).opacity);
  });
  expect(dimmed).toBeLessThan(1);
  await holdFades(page);
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'violence') });
  const start = await page.evaluate(() => {
    const [fade] = (window as unknown as { fades: Animation[] }).fades;
    fade.currentTime = 0;
    return Number(getComputedStyle(document.querySelector('.plot.units g.unit-leaving')!).opacity);
  });
  expect(start).toBeCloseTo(dimmed, 3);
  // the new view has no selection
  await expect(page.locator('.plot.units g.unit-selection')).toHaveCount(0);
});

test('a later change rewrites the same paths in place, and a change during the fade cancels it and leaves no copy behind', async ({ page }) => {
  await page.goto('');
  await page.getByRole('application', { name: /every arrest/i }).focus();
  // The first change replaces the build's two drawings; from then on the squares are rewritten in place.
  await page.getByRole('checkbox', { name: 'Violence' }).uncheck();
  await waitForView(page, { window: 24, categories: all.filter((c) => c !== 'violence') });
  await expect(page.locator('.plot.units g.unit-leaving')).toHaveCount(0);
  await holdFades(page);
  const result = await page.evaluate(() => {
    const paths = () => [...document.querySelectorAll<SVGPathElement>('.plot.units g[data-mark="rect"] path')];
    const before = paths();
    const started = (window as unknown as { fades: Animation[] }).fades;
    const box = document.querySelector<HTMLInputElement>('input[name="category"][value="violence"]')!;
    const view = () => document.documentElement.dataset.view;
    const until = (target: string | undefined) => new Promise<void>((resolve) => {
      const wait = () => (view() === target ? resolve() : requestAnimationFrame(wait));
      requestAnimationFrame(wait);
    });
    const copies = () => document.querySelectorAll('.plot.units g.unit-leaving').length;
    return (async () => {
      const first = view();
      box.click(); // back to the study's view: one fade
      await until('default');
      const during = copies();
      box.click(); // and away again while it runs
      await until(first);
      const after = paths();
      const kept = Math.min(before.length, after.length);
      const states = started.map((a) => a.playState);
      const copiesAfterSecond = copies();
      started.at(-1)?.finish();
      await new Promise((r) => requestAnimationFrame(r));
      return {
        started: started.length,
        states,
        during,
        copiesAfterSecond,
        reused: kept > 0 && after.slice(0, kept).every((r, k) => r === before[k]),
        same: after.length === before.length,
        left: copies(),
      };
    })();
  });
  expect(result.started).toBe(2);
  expect(result.during).toBe(1);
  expect(result.states[0]).toBe('idle'); // cancelled by the second change
  expect(result.copiesAfterSecond).toBe(1); // the first copy went with its fade
  expect(result.reused).toBe(true);
  expect(result.same).toBe(true);
  expect(result.left).toBe(0);
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

test('on a narrow tablet in another view, the big line breaks only after the arrow: each number keeps its study\'s number, and "arrests" its number (on a phone they are a line of their own: phone.spec.ts)', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto('?w=12&c=violence');
  await waitForView(page, { window: 12, categories: ['violence'] });
  const big = page.locator('.headline .big');
  const top = async (selector: string) => (await big.locator(selector).first().boundingBox())!;
  const [pre, preStudy, arrow, post, postStudy, noun] = await Promise.all(['[data-live="events.pre"]', '.study [aria-hidden="true"] >> nth=0', '.arrow', '[data-live="events.post"]', '.unit >> nth=1 >> .study [aria-hidden="true"]', '.noun'].map(top));
  const sameLine = (a: { y: number; height: number }, b: { y: number; height: number }) => Math.abs((a.y + a.height) - (b.y + b.height)) < a.height;
  expect(sameLine(pre, preStudy) && sameLine(pre, arrow)).toBe(true);
  expect(sameLine(post, postStudy) && sameLine(post, noun)).toBe(true);
});

test('the figure\'s help, a live region, is not spoken again on each change of view; a change that clears a picked person says so briefly', async ({ page }) => {
  await page.goto('');
  const inspector = page.locator('[data-inspector]');
  await expect(inspector).toHaveText(UNITS_HELP);
  await page.evaluate(() => {
    const w = window as unknown as { rewrites: number };
    w.rewrites = 0;
    new MutationObserver((records) => (w.rewrites += records.length)).observe(document.querySelector('[data-inspector]')!, { childList: true, characterData: true, subtree: true });
  });
  await page.locator('#window').focus();
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
  await waitForView(page, { window: 21, categories: domain.categories });
  await page.getByRole('checkbox', { name: 'Drugs' }).uncheck();
  await waitForView(page, { window: 21, categories: domain.categories.filter((c) => c !== 'drugs') });
  expect(await page.evaluate(() => (window as unknown as { rewrites: number }).rewrites)).toBe(0);
  await expect(inspector).toHaveText(UNITS_HELP);
  // A person picked, then the view changed: "Selection cleared", in a few words.
  const figure = page.getByRole('application', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(inspector).toContainText('Person ');
  await page.getByRole('checkbox', { name: 'Drugs' }).check();
  await waitForView(page, { window: 21, categories: domain.categories });
  await expect(inspector).toHaveText('The view changed. Selection cleared.');
});

test('at a desk the person buttons follow the keyboard: Tab reaches them, and Esc on one clears the selection and returns to the figure', async ({ page }) => {
  await page.goto('');
  const units = eventUnits(bundled, expected());
  const figure = page.getByRole('application', { name: /every arrest/i });
  await figure.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-inspector]')).toContainText(`Person ${units[0].orderId} (a pseudonymised id)`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Previous person' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-inspector]')).toContainText('Selection cleared');
  await expect(page.locator('[data-unit-steps]')).toBeHidden();
  await expect(figure).toBeFocused();
});

test('the headline\'s words for a screen reader follow the count: "1 arrest" after, not "1 arrests" (a reviewer at ?w=1&c=drugs)', async ({ page }) => {
  const one = { window: 1, categories: ['drugs'] };
  const r = expected(one);
  expect(r.events.post).toBe(1);
  await page.goto('?w=1&c=drugs');
  await waitForView(page, one);
  const unit = headline(page).locator('[data-live="events.post"] + [data-unit]');
  await expect(unit).toHaveText(' arrest');
  await page.goto('');
  await expect(unit).toHaveText(' arrests');
});

test('beside the headline: what a count before and after cannot show, and, for the study\'s data, that its view gives the article\'s published totals on synthetic records (a police leader\'s review)', async ({ page }) => {
  await page.goto('?c=violence');
  await waitForView(page, { window: 24, categories: ['violence'] });
  const caveat = headline(page).locator('p.caveat');
  await expect(caveat).toHaveText('What followed the orders, not what they caused: see what this design cannot show.');
  await expect(headline(page).locator('p.context')).toContainText('The study’s view gives the article’s published totals; the records are synthetic.');
  // In another view, the study's view's totals are the article's published ones (Ralph et al.: 210 arrests before, 93 after).
  await expect(headline(page).locator('[data-study]').first()).toContainText('(study’s view: 210)');
  // The link keeps the view, and leads to the section that says what the design cannot show.
  const link = caveat.getByRole('link', { name: 'what this design cannot show' });
  await expect(link).toHaveAttribute('href', /conclusions\/\?c=violence#what-this-design-cannot-show$/);
  await link.click();
  await expect(page.getByRole('heading', { name: 'What this design cannot show' })).toBeInViewport();
});

test('the big line\'s noun follows its number: "5 → 1 arrest" (a re-check read "1 arrests" at ?w=3&gap=1&c=drugs)', async ({ page }) => {
  const view = { window: 3, categories: ['drugs'], gap: 1 };
  const r = expected(view);
  expect(r.events.post, 'this view has one arrest after').toBe(1);
  await page.goto('?w=3&gap=1&c=drugs');
  await waitForView(page, view);
  await expect(headline(page).locator('.big .noun')).toHaveText('arrest');
  // On a laptop the study's number stands beside: the noun is read with its own number, before it
  // (a re-check read "→ 1 (study’s view: 93) arrest" at ?gap=23).
  await page.setViewportSize({ width: 1280, height: 800 });
  const seen = () => headline(page).locator('.big').evaluate((big) => {
    const copy = big.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.visually-hidden').forEach((el) => el.remove());
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  });
  await expect.poll(seen).toMatch(new RegExp(`^${r.events.pre} \\(study’s view: 210\\) ?→ ?1 arrest \\(study’s view: 93\\)$`));
  // And the paragraph under the squares gives each count the months it covers (with a gap, those analysed).
  await page.goto('?gap=23');
  const gapped = expected({ window: 24, categories: domain.categories, gap: 23 });
  await waitForView(page, { window: 24, categories: domain.categories, gap: 23 });
  await expect(page.getByText('Each square is one arrest of a person in the analysis')).toContainText(`the ${gapped.events.pre} arrests in the 1 month analysed before their order on the left, the ${gapped.events.post} in the 1 month analysed after on the right, with the 23 months either side of each order left out.`);
  await page.goto('');
  await expect(headline(page).locator('.big .noun')).toHaveText('arrests');
  await expect(page.getByText('Each square is one arrest of a person in the analysis')).toContainText('the 210 arrests in the 24 months before their order on the left, the 93 in the 24 months after on the right.');
});
