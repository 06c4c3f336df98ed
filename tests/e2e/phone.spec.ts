// On a 390 × 844 phone: every chart is shown at the width it was drawn at (the build's narrow
// drawing, or a redraw where the column is far from it), so its text is read at the size drawn
// (at least 11px); wide tables scroll inside a named, focusable region with a visible
// hint; and a view other than the study's keeps a trace of the study's values, with the option
// to keep the study's scale.
import { test, expect, type Page } from '@playwright/test';
import { PAGES } from '../../src/lib/pages.ts';
import { defaultState, serialiseState } from '../../src/lib/urlState.ts';
import AxeBuilder from '@axe-core/playwright';
import { domain, expected, waitForView } from './helpers.ts';
import { formatNumber, formatPercent } from '../../src/lib/format.ts';
import { harmUnitFor } from '../../src/lib/harmUnit.ts';
import { isFar } from '../../src/client/figureWidth.ts';
import { FIGURES, NARROW_WIDTH } from '../../src/lib/figures.ts';
import { NOTHING_TO_PICK } from '../../src/charts/eventUnits.ts';

test.use({ viewport: { width: 390, height: 844 } });

/**
 * Scroll each figure into view and wait until the drawing on screen is close to its container's
 * width: never wider (it would be scaled down), and not far narrower (see src/client/figureWidth.ts).
 * The build's narrow drawing (320px) already fits a 390px phone's 350px column, so no redraw is needed.
 */
async function drawAll(page: Page): Promise<void> {
  for (const host of await page.locator('[data-figure]').all()) {
    await host.scrollIntoViewIfNeeded();
    const plot = host.locator('.plot');
    await expect(plot).not.toHaveAttribute('data-stale');
    await expect
      .poll(() => plot.evaluate((el) => {
        const svgs = [...el.querySelectorAll('svg')].filter((s) => s.getAttribute('role') === 'img' && s.checkVisibility());
        if (svgs.length !== 1) return `${svgs.length} charts shown`;
        return { drawn: Number(svgs[0].getAttribute('width')), column: Math.floor(el.clientWidth) };
      }).then((w) => (typeof w === 'string' ? w : isFar(w.column, w.drawn) ? `drawn at ${w.drawn} for ${w.column}` : 'close')), { message: `${await host.getAttribute('data-figure')} drawn close to its width` })
      .toBe('close');
  }
}

/** Every chart text's rendered size: computed font size times the SVG's scale on screen. */
const textSizes = (page: Page) =>
  page.locator('[data-figure] .plot').evaluateAll((plots) =>
    plots.flatMap((plot) =>
      [...plot.querySelectorAll<SVGTextElement>('svg text')].map((t) => {
        const scale = t.getScreenCTM()?.a ?? 1;
        return { figure: plot.closest<HTMLElement>('[data-figure]')!.dataset.figure, text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
      }),
    ),
  );

/** Chart texts shown on screen that run past either side of their drawing (more than 2px), where they would be cut off. */
const textsOutside = (page: Page, hosts: string) =>
  page.locator(hosts).evaluateAll((els) =>
    els.flatMap((host) =>
      [...host.querySelectorAll<SVGTextElement>('svg text')].filter((t) => t.checkVisibility() && t.getBoundingClientRect().width > 0).flatMap((t) => {
        const [a, b] = [t.getBoundingClientRect(), t.ownerSVGElement!.getBoundingClientRect()];
        return a.left < b.left - 2 || a.right > b.right + 2 ? [`${t.textContent} (${Math.round(a.left - b.left)}px, ${Math.round(a.right - b.right)}px)`] : [];
      }),
    ),
  );

for (const p of PAGES) {
  test(`${p.short}: chart text is at least 11px at 390px wide, and none runs off its chart`, async ({ page }) => {
    await page.goto(p.slug);
    await waitForView(page, { window: domain.span, categories: domain.categories });
    if ((await page.locator('[data-figure]').count()) === 0) return;
    await drawAll(page);
    const small = (await textSizes(page)).filter((t) => t.px < 11 - 1e-6);
    expect(small, JSON.stringify(small.slice(0, 5))).toEqual([]);
    expect(await textsOutside(page, '[data-figure]')).toEqual([]);
  });
}

test('How robust is it?: no chart text runs off its chart at 390px wide', async ({ page }) => {
  await page.goto('robustness/');
  await waitForView(page, { window: domain.span, categories: domain.categories });
  const hosts = page.locator('[data-robust-figure]');
  expect(await hosts.count()).toBeGreaterThan(0);
  for (const host of await hosts.all()) {
    await host.scrollIntoViewIfNeeded();
    await expect.poll(() => host.locator('svg[role="img"]').evaluateAll((svgs) => svgs.filter((s) => s.checkVisibility()).length)).toBeGreaterThan(0);
  }
  expect(await textsOutside(page, '[data-robust-figure]')).toEqual([]);
});

test('chart text stays at least 11px in a changed view, with the study traced', async ({ page }) => {
  const view = { window: 6, categories: ['violence', 'drugs'] };
  await page.goto(`trends/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  await drawAll(page);
  const sizes = await textSizes(page);
  expect(sizes.length).toBeGreaterThan(0);
  expect(sizes.filter((t) => t.px < 11 - 1e-6)).toEqual([]);
  expect(sizes.map((t) => t.text)).toContain("Study's view");
});

test('a figure is redrawn only when its column is far from the drawing shown', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, { window: domain.span, categories: domain.categories });
  const host = page.locator('[data-figure="eventsByCategory"]');
  await host.scrollIntoViewIfNeeded();
  const shown = host.locator('svg[role="img"]').filter({ visible: true });
  const width = () => shown.getAttribute('width');
  const column = () => host.locator('.plot').evaluate((el) => Math.floor(el.clientWidth));
  // 390px: the build's narrow drawing fits the 350px column as drawn, and stays
  expect(await column()).toBe(350);
  expect(await width()).toBe(String(NARROW_WIDTH));
  const before = await shown.elementHandle();
  await page.setViewportSize({ width: 412, height: 700 }); // a 372px column: close enough, no redraw
  await page.waitForTimeout(400);
  expect(await before!.evaluate((svg) => svg.isConnected && svg.checkVisibility())).toBe(true);
  await page.setViewportSize({ width: 340, height: 700 }); // a 300px column: narrower than the drawing
  await expect.poll(width).toBe(String(await column()));
  await expect(host.locator('svg[role="img"]')).toHaveCount(1); // the redraw replaces both drawings
});

test('a chart drawn after a jump does not move the table the reader jumped to', async ({ page }) => {
  // Charts far from the screen are drawn after a change of view, when they come near. A jump to a
  // table just below one that has not been drawn yet brings it near; drawn for a view with other
  // categories, it changes height. The table must stay where the jump put it (the chart is never
  // the browser's scroll anchor), or a tap on one of its numbers lands on something else.
  // A busy browser: nothing runs "when idle" until the jump has been made.
  await page.addInitScript(() => {
    const held: (() => void)[] = [];
    const idle = window.requestIdleCallback.bind(window);
    let holding = true;
    window.requestIdleCallback = (f, options) => {
      if (!holding) return idle(f, options);
      held.push(() => idle(f, options));
      return 0;
    };
    Object.assign(window, { releaseIdle: () => { holding = false; for (const f of held.splice(0)) f(); } });
  });
  await page.goto('results/?w=12&c=violence,drugs');
  await waitForView(page, { window: 12, categories: ['violence', 'drugs'] });
  const number = page.locator('[data-table="results:harm"] button.num[data-path="byCategory.drugs.harm.test.V"]');
  const { landed, chartTop, waiting } = await number.evaluate((el) => {
    el.scrollIntoView({ block: 'center' });
    const chart = document.querySelector('[data-figure="harmByCategory"]')!;
    return { landed: el.getBoundingClientRect().top, chartTop: chart.getBoundingClientRect().top, waiting: chart.querySelector('.plot[data-stale]') !== null };
  });
  expect(waiting).toBe(true); // the chart had not been drawn for this view when the jump was made
  expect(chartTop).toBeLessThan(0); // and it reaches into the screen above the table
  await page.evaluate(() => (window as unknown as { releaseIdle: () => void }).releaseIdle());
  const chart = page.locator('[data-figure="harmByCategory"]');
  await expect(chart.locator('.plot')).not.toHaveAttribute('data-stale');
  await expect(page.locator('.plot[data-stale]')).toHaveCount(0);
  expect(Math.abs((await number.evaluate((el) => el.getBoundingClientRect().top)) - landed)).toBeLessThan(2);
});

test('the study\'s trace and "keep the study\'s scale" appear when the view differs', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, { window: domain.span, categories: domain.categories });
  const host = page.locator('[data-figure="harmByCategory"]');
  await expect(host.getByRole('checkbox', { name: /Keep the study's scale/ })).toBeHidden();
  const view = { window: 12, categories: domain.categories };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  await host.scrollIntoViewIfNeeded();
  await expect(host.locator('svg[role="img"] .study-trace')).toHaveCount(1);
  await expect(host.locator('[data-caption]')).toContainText("the study's view (24 months, all 4 categories)");
  const box = host.getByRole('checkbox', { name: /Keep the study's scale/ });
  await expect(box).toBeVisible();
  const top = () => host.locator('svg[role="img"] [data-mark="x-axis tick label"] text').last().textContent();
  const own = await top();
  await box.check();
  await expect.poll(top).not.toBe(own);
  // one setting for every figure
  await expect(page.locator('[data-figure="eventsByCategory"]').getByRole('checkbox', { name: /Keep the study's scale/ })).toBeChecked();
  // and the captions follow it: the engine's words for the kept scale, no arrowheads the figures do not draw (an accessibility review)
  const study = expected();
  const result = expected(view);
  for (const name of ['harmByCategory', 'eventsByCategory', 'perOrder'] as const) {
    await expect(page.locator(`[data-figure="${name}"] [data-caption]`), name).toHaveText(harmUnitFor(FIGURES[name].describe(result, study, false, true), undefined));
  }
  await expect(page.locator('[data-figure="perOrder"] [data-caption]')).not.toContainText('arrowhead');
  const tap = await box.evaluate((el) => el.closest('label')!.getBoundingClientRect().height);
  expect(tap).toBeGreaterThanOrEqual(24);
  // the option's words wrap as one text beside the box, not squeezed into two columns of three lines
  const lines = await box.evaluate((el) => {
    const label = el.closest('label')!;
    return Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight));
  });
  expect(lines).toBeLessThanOrEqual(2);
});

test('a wide table scrolls in a named, focusable region with a visible hint', async ({ page }) => {
  const view = { window: 12, categories: domain.categories };
  await page.goto(`trends/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const host = page.locator('[data-figure="scatter"]');
  await host.getByText('Show as table').click();
  const wrap = host.locator('.table-wrap');
  await expect(wrap).toHaveAttribute('data-overflowing', '');
  await expect(wrap).toHaveAttribute('tabindex', '0');
  await expect(page.getByRole('region', { name: /Arrests and total harm/ })).toBeVisible();
  await expect(host.locator('.scroll-hint')).toBeVisible();
  await expect(host.locator('.scroll-hint')).toHaveText(/Scroll sideways/);
  // above the table, where a reader starts, not at the foot of a long one
  expect(await host.locator('.scroll-hint').evaluate((h) => h.nextElementSibling?.classList.contains('table-wrap'))).toBe(true);
  // The caption wraps inside the region and stays in it as the table scrolls: its title is never cut off.
  const captionInside = () => wrap.evaluate((el) => {
    const [c, w] = [el.querySelector('caption')!.getBoundingClientRect(), el.getBoundingClientRect()];
    return c.left >= w.left - 1 && c.right <= w.right + 1;
  });
  expect(await captionInside()).toBe(true);
  await wrap.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await captionInside()).toBe(true);
  // a table that fits is not a tab stop and has no hint
  const narrow = page.locator('[data-figure="monthlyEvents"]');
  await page.goto('trends/');
  await narrow.getByText('Show as table').click();
  await expect(narrow.locator('.table-wrap')).not.toHaveAttribute('tabindex', '0');
  await expect(narrow.locator('.scroll-hint')).toHaveCount(0);
});

test('a wide table behind "Show as table" on How robust is it? is a named, focusable region however its <details> opens', async ({ page }) => {
  await page.goto('robustness/');
  await waitForView(page, defaultState(domain));
  // Opened by a script (as print and assistive tools may), then by a tap on its summary.
  const byScript = page.locator('[data-robust-figure="gapCurve"]');
  await byScript.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  const bySummary = page.locator('[data-robust-figure="specificationCurve"]');
  await bySummary.getByText('Show as table').click();
  for (const host of [byScript, bySummary]) {
    const wrap = host.locator('.table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(true);
    await expect(wrap).toHaveAttribute('tabindex', '0');
    await expect(wrap).toHaveAttribute('role', 'region');
    await expect(host.locator('.scroll-hint')).toBeVisible();
  }
  const axe = await new AxeBuilder({ page }).include('[data-robust-figure="gapCurve"]').withRules(['scrollable-region-focusable']).analyze();
  expect(axe.violations).toEqual([]);
});

test('at 320px wide (400% zoom on a laptop) no page scrolls sideways: wide tables scroll inside their own region', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const p of PAGES) {
    await page.goto(p.slug);
    await page.waitForLoadState('load');
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // What sticks out, for the message: the outermost elements wider than the page, inside no scrolling region.
      const out = [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap, .plot, pre'));
      return { scroll: document.scrollingElement!.scrollWidth, width, out: out.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`) };
    });
    expect(wide.scroll, `${p.title}: ${wide.out.join(', ')}`).toBeLessThanOrEqual(wide.width);
  }
});

test('the headline fits a 390px phone in a changed view: the big numbers whole, the study\'s on a line of their own under them', async ({ page }) => {
  for (const view of [{ window: 12, categories: ['violence', 'drugs'] }, { window: 1, categories: domain.categories }]) {
    await page.goto(serialiseState(view, domain));
    await waitForView(page, view);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), 'page width').toBeLessThanOrEqual(390);
    const headline = page.locator('section.headline');
    for (const line of await headline.locator('p.big, p.change').all()) {
      const box = (await line.boundingBox())!;
      expect(box.x + box.width, 'headline line inside the screen').toBeLessThanOrEqual(390);
      // every part of the line starts on the screen
      for (const part of await line.locator('.pair, .noun').all()) expect((await part.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    }
    // A police leader's review: "29 (study’s view: 210)", "→ 14", "(study’s view: 93) arrests" broke the big line into
    // pieces. The big line holds only this view's numbers, on one line; the study's are the line under it.
    const r = expected(view);
    const big = await headline.locator('p.big').boundingBox();
    expect(big!.height, 'the big numbers on one line').toBeLessThan(80);
    await expect(headline.locator('[data-study]').first()).toBeHidden();
    await expect(headline.locator('p.big [data-live="events.pre"]')).toHaveText(formatNumber(r.events.pre));
    await expect(headline.locator('p.big [data-live="events.post"]')).toHaveText(formatNumber(r.events.post));
    const study = expected();
    await expect(headline.locator('[data-study-line]')).toBeVisible();
    await expect(headline.locator('[data-study-line]')).toHaveText(`The study’s view (24 months, all categories): ${formatNumber(study.events.pre)} → ${formatNumber(study.events.post)} arrests, ${formatPercent(study.events.reduction)} fewer; harm ${formatPercent(study.harm.reduction)} less.`);
  }
});

test('with no category chosen, the headline figure\'s message fits inside the chart on a phone', async ({ page }) => {
  const view = { window: domain.span, categories: [] as string[] };
  await page.goto(serialiseState(view, domain));
  await waitForView(page, view);
  const host = page.locator('[data-figure="eventUnits"]');
  await host.scrollIntoViewIfNeeded();
  await expect(host.locator('.plot')).not.toHaveAttribute('data-stale');
  const fits = await host.locator('.plot').evaluate((plot) => {
    const svg = [...plot.querySelectorAll('svg')].find((s) => s.getAttribute('role') === 'img' && s.checkVisibility())!;
    const message = [...svg.querySelectorAll('text')].find((t) => t.textContent!.startsWith('No offence category') || t.closest('text')?.textContent?.startsWith('No offence category'))!;
    const [m, s] = [message.getBoundingClientRect(), svg.getBoundingClientRect()];
    return { left: m.left - s.left, right: s.right - m.right, top: m.top - s.top, bottom: s.bottom - m.bottom };
  });
  expect(fits.left).toBeGreaterThanOrEqual(0);
  expect(fits.right).toBeGreaterThanOrEqual(0);
  // all its lines, not the first alone: the chart is tall enough for the message as it wraps
  expect(fits.top).toBeGreaterThanOrEqual(0);
  expect(fits.bottom).toBeGreaterThanOrEqual(0);
  // and its inspector does not explain keys that have nothing to move through
  await expect(host.locator('[data-inspector]')).toHaveText(NOTHING_TO_PICK);
});

test('a jump to a heading stops below the sticky view bar, however many lines a long view wraps it to', async ({ page }) => {
  const view = { window: 18, categories: ['modern_slavery', 'violence', 'other'], gap: 3, weights: 'low' as const, wilcoxon: 'legacy' as const };
  await page.goto(`results/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const bar = page.locator('.view-bar');
  const barBox = (await bar.boundingBox())!;
  expect(barBox.height, 'the long view wraps the bar past the stylesheet\'s guess of 4.5rem').toBeGreaterThan(72);
  await page.locator('.toc a', { hasText: 'Harm' }).first().click();
  const heading = page.getByRole('heading', { name: 'Harm', exact: true });
  await expect(heading).toBeInViewport();
  const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
  const barBottom = await bar.evaluate((b) => b.getBoundingClientRect().bottom);
  expect(top, 'the heading starts below the bar').toBeGreaterThanOrEqual(barBottom);
});

test('a number in a sentence and the punctuation after it stay on one line on a phone', async ({ page }) => {
  /** Each number handle in a sentence whose next character is closing punctuation, with where each starts. */
  const splits = () => page.locator('main').evaluate((main) => {
    const found: string[] = [];
    for (const button of main.querySelectorAll<HTMLButtonElement>('[data-say] button.num, [data-robust] button.num')) {
      if (!button.checkVisibility()) continue;
      // the first character after the button, wherever the markup puts it
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      walker.currentNode = button.lastChild ?? button;
      let next = walker.nextNode() as Text | null;
      while (next && next.data.length === 0) next = walker.nextNode() as Text | null;
      if (!next || !/^[)\].,;:%]/.test(next.data)) continue;
      // the number's last character and the punctuation's first, each as laid out
      const charRect = (node: Text, at: number) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
      };
      const digits = button.lastChild as Text;
      const [b, c] = [charRect(digits, digits.data.length - 1), charRect(next, 0)];
      if (Math.abs(b.top - c.top) > 4) found.push(`${button.dataset.path}: "${button.textContent}" then "${next.data.slice(0, 8)}"`);
    }
    return found;
  });
  for (const slug of ['trends/', 'robustness/', 'results/?w=12&c=violence,drugs']) {
    await page.goto(slug);
    await page.waitForLoadState('load');
    await expect(page.locator('html')).toHaveAttribute('data-view', /./);
    expect(await splits(), slug).toEqual([]);
  }
});

test('a derivation panel keeps each full-precision value on one line: values go under their names', async ({ page }) => {
  await page.goto('results/');
  await waitForView(page, defaultState(domain));
  const handle = page.locator('button.num[data-path="harm.ci"]:visible').first();
  await handle.scrollIntoViewIfNeeded();
  await handle.click();
  const panel = page.locator('.derivation-panel:visible');
  await expect(panel.locator('[data-derivation-value]')).toHaveText(/^\[0\.\d{12,}, 0\.\d{12,}\]$/);
  // Each number in a value (a run without spaces) is laid out on one line: its text's boxes share one top.
  const broken = await panel.locator('dd').evaluateAll((dds) => dds.flatMap((dd) => {
    const text = dd.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) return [];
    const out: string[] = [];
    for (const m of (text.textContent ?? '').matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, m.index!);
      range.setEnd(text, m.index! + m[0].length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) out.push(m[0]);
    }
    return out;
  }));
  expect(broken).toEqual([]);
});

test('after "Change" on a phone, the controls offer the way back to the passage the reader left, which keeps the new view', async ({ page }) => {
  await page.goto('trends/');
  await waitForView(page, defaultState(domain));
  const passage = page.locator('main h2').nth(2);
  await passage.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.getByRole('region', { name: 'Your view' }).getByRole('link', { name: /Change/ }).click();
  const back = page.getByRole('link', { name: 'Back to where you were reading' });
  await expect(back).toBeVisible();
  await expect(passage).not.toBeInViewport();
  await page.getByLabel('Months left out either side of the order').selectOption('2');
  const view = { ...defaultState(domain), gap: 2 };
  await waitForView(page, view);
  await back.click();
  await expect(back).toBeHidden();
  // Back at the passage: the heading in sight below the bar, and focus on the first block that began on screen.
  const bar = (await page.locator('.view-bar').boundingBox())!;
  const heading = (await passage.boundingBox())!;
  expect(heading.y + heading.height).toBeGreaterThan(bar.y + bar.height - 2);
  expect(heading.y).toBeLessThan(844 / 2);
  const focused = await page.evaluate(() => { const el = document.activeElement!; const box = el.getBoundingClientRect(); return { tag: el.tagName, top: box.top, inMain: !!el.closest('main') && !el.closest('form') }; });
  expect(focused.inMain).toBe(true);
  expect(focused.top).toBeGreaterThanOrEqual(bar.y + bar.height - 4);
  expect(focused.top).toBeLessThan(844 / 2);
  expect(new URL(page.url()).search).toContain('gap=2');
});

test.describe('at 400% zoom (320 by 256 CSS pixels)', () => {
  test.use({ viewport: { width: 320, height: 256 } });
  test('"Change" from the middle of a figure that fills the screen still offers the way back to it (an accessibility review: 13 of 22 places had none)', async ({ page }) => {
    await page.goto('results/');
    await waitForView(page, defaultState(domain));
    const figure = page.locator('figure[data-figure="eventsByCategory"]');
    // The screen inside the figure, its top above the screen's: no block starts on screen.
    await figure.evaluate((el) => { el.scrollIntoView({ block: 'start' }); window.scrollBy(0, 120); });
    expect((await figure.boundingBox())!.height).toBeGreaterThan(256);
    // Clicked where it is (Playwright's own click would first scroll the page to it, moving the reader).
    await page.getByRole('region', { name: 'Your view' }).getByRole('link', { name: /Change/ }).evaluate((a: HTMLElement) => a.click());
    const back = page.getByRole('link', { name: 'Back to where you were reading' });
    await expect(back).toBeVisible();
    await back.click();
    await expect(back).toBeHidden();
    // back at that figure
    await expect(figure).toBeInViewport();
    expect(await page.evaluate(() => !!document.activeElement?.closest('main') && !document.activeElement?.closest('form'))).toBe(true);
  });
});

test('the view bar that stays on screen is one line for the study\'s view at 390px, with "Change" on it', async ({ page }) => {
  await page.goto('results/');
  const line = page.locator('.view-line');
  const { height, lineHeight } = await line.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) }));
  expect(height).toBeLessThan(1.5 * lineHeight);
  const change = page.getByRole('link', { name: 'Change the view' });
  await expect(change).toBeInViewport();
  const [a, b] = [await line.boundingBox(), await change.boundingBox()];
  expect(b!.y).toBeLessThan(a!.y + a!.height);
  // On a page that does not follow the view, too: "Change", its destination said to a screen reader only.
  await page.goto('background/');
  const other = await page.locator('.view-line').evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) }));
  expect(other.height).toBeLessThan(1.5 * other.lineHeight);
  await expect(page.locator('.view-bar').getByRole('link', { name: /^Change it on the Results page/ })).toBeInViewport();
});

test('the command for a view wraps within the screen on a phone, rather than scrolling out of reach of a keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const view = { window: 12, categories: ['violence', 'drugs'] };
  await page.goto(`data/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const pre = page.locator('pre:has([data-say="command"])');
  await expect(pre).toContainText('--window 12 --categories violence,drugs --json');
  const { scroll, client } = await pre.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
});

test('the published figures beside the recomputed ones read down a phone: each label across the width, its two numbers under it', async ({ page }) => {
  const view = { window: 12, categories: ['violence', 'drugs'] };
  await page.goto(`data/${serialiseState(view, domain)}`);
  await waitForView(page, view);
  const table = page.locator('[data-table="published"] table');
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const [label, published, ours] = [...tr.children].map((c) => c.getBoundingClientRect());
    return { label: label.width, row: tr.getBoundingClientRect().width, side: Math.abs(published.top - ours.top) < 1 && published.top >= label.bottom - 1 };
  }));
  expect(rows.length).toBeGreaterThan(10);
  // each heading lines up with its values (a re-check: "Published" was set right, apart from them)
  const aligned = await table.evaluate((t) => {
    const left = (el: Element | null | undefined) => { const r = document.createRange(); r.selectNodeContents(el!); return r.getBoundingClientRect().left; };
    const head = t.querySelectorAll('thead th');
    const cells = t.querySelectorAll('tbody tr:first-child > *');
    return [1, 2].map((k) => Math.abs(left(head[k]) - left(cells[k])));
  });
  for (const d of aligned) expect(d).toBeLessThan(2);
  for (const r of rows) {
    expect(r.label).toBeGreaterThan(r.row - 2); // the label takes the row's width
    expect(r.side).toBe(true); // the two numbers side by side, under it
  }
});

// A re-check: the "(study's view: …)" labels pushed the headline past 320–360 px screens, which then scrolled sideways.
for (const width of [320, 340, 360]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 740 } });
    test('the headline of a view other than the study\'s fits the screen', async ({ page }) => {
      for (const view of [{ window: 24, categories: ['violence'] }, { window: 6, categories: ['violence', 'drugs'], gap: 2 }]) {
        await page.goto(serialiseState(view, domain));
        await waitForView(page, view);
        await expect(page.locator('section.headline [data-study-line]')).toBeVisible();
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), JSON.stringify(view)).toBeLessThanOrEqual(width);
        for (const part of await page.locator('section.headline :is(.pair, .noun)').all()) {
          const box = (await part.boundingBox())!;
          expect(box.x + box.width, JSON.stringify(view)).toBeLessThanOrEqual(width);
        }
      }
    });
  });
}

test('on a phone the page list is one row that scrolls sideways, with the current page in view on every page (it took five rows of the first screen)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const slug of ['', 'conclusions/', 'changelog/']) {
    await page.goto(slug);
    const list = page.locator('.site-nav ol');
    const rows = await list.evaluate((ol) => new Set([...ol.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top))).size);
    expect(rows, slug).toBe(1);
    // The current page's entry lies within the row's visible part.
    await expect.poll(() => list.evaluate((ol) => {
      const box = ol.getBoundingClientRect();
      const item = ol.querySelector('a[aria-current="page"]')!.getBoundingClientRect();
      return item.left >= box.left - 1 && item.right <= box.right + 1;
    }), slug).toBe(true);
    // Every entry can still be reached: by keyboard (each is a link) and by scrolling the row.
    expect(await list.evaluate((ol) => ol.scrollWidth > ol.clientWidth && getComputedStyle(ol).overflowX === 'auto'), slug).toBe(true);
  }
});

test('on a phone a page link the keyboard moves to is brought whole into the row, not left under its faded edge (an accessibility review: "6." of "6. How robust?")', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('results/');
  const list = page.locator('.site-nav ol');
  const links = list.locator('a');
  const count = await links.count();
  for (let k = 0; k < count; k++) {
    await links.nth(k).focus();
    const whole = await links.nth(k).evaluate((a) => {
      const box = a.closest('ol')!.getBoundingClientRect();
      const item = a.getBoundingClientRect();
      // Clear of the faded edges: at least 16 px in from either end, unless the row is scrolled to that end.
      const ol = a.closest('ol')!;
      const atStart = ol.scrollLeft <= 1;
      const atEnd = ol.scrollLeft >= ol.scrollWidth - ol.clientWidth - 1;
      return (atStart || item.left >= box.left + 16) && (atEnd || item.right <= box.right - 16) && item.left >= box.left - 1 && item.right <= box.right + 1;
    });
    expect(whole, await links.nth(k).innerText()).toBe(true);
  }
});

test('on a phone a tap on a page link half out of the sideways list opens it: the row does not move under the finger (a re-check: centring the focused link swallowed the tap)', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('.');
  const list = page.locator('.site-nav ol');
  // A link cut by the row's right edge: tap its visible part.
  const target = await list.evaluate((ol) => {
    const box = ol.getBoundingClientRect();
    const cut = [...ol.querySelectorAll('a')].find((a) => { const r = a.getBoundingClientRect(); return r.left < box.right - 12 && r.right > box.right; })!;
    const r = cut.getBoundingClientRect();
    return { href: cut.href, x: (r.left + box.right) / 2, y: r.top + r.height / 2 };
  });
  await page.touchscreen.tap(target.x, target.y);
  await expect(page).toHaveURL(target.href);
  await context.close();
});
