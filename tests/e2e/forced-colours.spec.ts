// Forced colours (Windows high contrast), in a dark and a light scheme: every chart mark, line,
// label and key symbol stays visible against the page's background and every chart text legible
// (its halo is the background, not white under text that turned white), and the controls'
// category swatches keep their colour rather than turning into empty squares that read as
// checkboxes. And, in any colours: the study's trace (its dashed outline and the arrowhead of an
// outline cut at the axis's end) never crosses a bar's number, on a laptop, on a phone and on
// paper; and the gap curve's "no change" sits where no line, point or interval can cross it.
// Charts are checked as the build drew them (without JavaScript) and as the browser redraws them.
import { test, expect, type Page } from '@playwright/test';
import { categoryColor } from '../../src/charts/palette.ts';
import { domain, waitForView } from './helpers.ts';

/** The pages with charts. */
const CHART_PAGES = ['', 'method/', 'results/', 'trends/', 'robustness/'];
/** Views that add what the study's view does not draw: the study's trace (and a cut outline's arrowhead), and the months left out. */
const VIEWS = ['results/?w=12&c=violence', 'trends/?w=12&c=violence,drugs&gap=3', 'robustness/?gap=3'];
const SCHEMES = ['dark', 'light'] as const;

const FIGURES = '[data-figure], [data-robust-figure]';

/** Bring each figure near the screen and wait until its chart is drawn for the view (not stale). */
async function drawAll(page: Page): Promise<void> {
  await expect(page.locator('[data-updating]')).toHaveCount(0, { timeout: 30_000 });
  for (const host of await page.locator(FIGURES).all()) {
    await host.scrollIntoViewIfNeeded();
    await expect(host.locator('.plot').first()).not.toHaveAttribute('data-stale', { timeout: 30_000 });
  }
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * What in the charts shown cannot be seen or read against the page's background, in the page's
 * colours: a mark (path, rect, circle, line) whose fill and stroke, with their opacity, are both
 * under 3:1 against the background (WCAG 1.4.11); a text under 4.5:1; and a text whose halo (its
 * stroke, painted under it) is under 4.5:1 against the text itself. Grids (10% ink, by design) and
 * the shading of the months left out (named in the key, with its outline) are background, not marks.
 */
function unseen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const parse = (value: string): RGBA | null => {
      let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
      if (m) return [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255, m[4] === undefined ? 1 : Number(m[4])];
      m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(value);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      return null;
    };
    const channel = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const luminance = ([r, g, b]: RGBA) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const contrast = (a: RGBA, b: RGBA) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const over = (c: RGBA, alpha: number, bg: RGBA): RGBA => {
      const a = c[3] * alpha;
      return [c[0] * a + bg[0] * (1 - a), c[1] * a + bg[1] * (1 - a), c[2] * a + bg[2] * (1 - a), 1];
    };
    // the page's background: the scheme's Canvas (no element of the report paints another behind a chart)
    const probe = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    probe.innerHTML = '<rect style="fill: Canvas" />';
    document.body.append(probe);
    const bg = parse(getComputedStyle(probe.firstElementChild!).fill)!;
    probe.remove();
    const problems: string[] = [];
    const svgs = [...document.querySelectorAll<SVGSVGElement>('.plot svg')].filter((s) => s.checkVisibility());
    for (const svg of svgs) {
      const figure = svg.closest<HTMLElement>('[data-figure], [data-robust-figure]');
      const where = figure?.dataset.figure ?? figure?.dataset.robustFigure ?? '?';
      for (const el of svg.querySelectorAll<SVGGraphicsElement>('path, rect, circle, line, polyline, polygon, text')) {
        if (el.closest('clipPath, defs, marker, pattern, mask, [data-mark$="grid"], .its-gap') || !el.checkVisibility()) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const style = getComputedStyle(el);
        const fill = style.fill === 'none' || el.tagName === 'line' ? null : parse(style.fill); // a line has no area to fill
        const stroke = style.stroke === 'none' || parseFloat(style.strokeWidth) === 0 ? null : parse(style.stroke);
        const name = `${where}: <${el.tagName}> ${el.tagName === 'text' ? `"${el.textContent}"` : (el.parentElement?.getAttribute('data-mark') ?? el.parentElement?.getAttribute('class') ?? '')}`;
        if (el.tagName === 'text') {
          if (!fill) continue;
          const ink = over(fill, Number(style.fillOpacity), bg);
          if (contrast(ink, bg) < 4.5) problems.push(`${name}: text ${style.fill}: ${contrast(ink, bg).toFixed(2)}:1 against the background`);
          if (stroke && contrast(ink, over(stroke, Number(style.strokeOpacity), bg)) < 4.5) problems.push(`${name}: halo ${style.stroke} under text ${style.fill}`);
          continue;
        }
        const seen = Math.max(
          fill ? contrast(over(fill, Number(style.fillOpacity) * Number(style.opacity), bg), bg) : 1,
          stroke ? contrast(over(stroke, Number(style.strokeOpacity) * Number(style.opacity), bg), bg) : 1,
        );
        if (seen < 3) problems.push(`${name}: fill ${style.fill}, stroke ${style.stroke}: ${seen.toFixed(2)}:1 against the background`);
      }
    }
    return [...new Set(problems)];
  });
}

for (const scheme of SCHEMES) {
  test.describe(`forced colours, ${scheme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    });

    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      test.describe(`${viewport.width}px wide`, () => {
        test.use({ viewport });

        test('every chart mark and text is seen against the background, as the browser draws them', async ({ page }) => {
          test.setTimeout(120_000);
          const problems: string[] = [];
          for (const path of [...CHART_PAGES, ...VIEWS]) {
            await page.goto(path);
            await drawAll(page);
            problems.push(...(await unseen(page)).map((p) => `${path || 'home'}: ${p}`));
          }
          expect(problems).toEqual([]);
        });
      });
    }

    test.describe('as the build drew them', () => {
      test.use({ javaScriptEnabled: false });
      for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
        test(`every chart mark and text is seen against the background, ${viewport.width}px wide`, async ({ page }) => {
          await page.setViewportSize(viewport);
          const problems: string[] = [];
          for (const path of CHART_PAGES) {
            await page.goto(path);
            problems.push(...(await unseen(page)).map((p) => `${path || 'home'}: ${p}`));
          }
          expect(problems).toEqual([]);
        });
      }
    });

    test('the number whose derivation is open stands out from the others, in the scheme\'s highlight (an accessibility review: it looked like every other)', async ({ page }) => {
      await page.goto('results/');
      const numbers = page.locator('main button.num[data-path="events.pre"]');
      await numbers.first().click();
      await expect(page.locator('#derivation-panel')).toBeVisible();
      const open = page.locator('main button.num[aria-expanded="true"]').first();
      const other = page.locator('main button.num:not([aria-expanded="true"])').first();
      const bg = (l: typeof open) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(await bg(open)).not.toEqual(await bg(other));
    });

    test('the controls keep each category\'s colour in its swatch, not an empty square beside the checkbox', async ({ page }) => {
      await page.goto('results/');
      for (const c of domain.categories) {
        const swatch = page.locator(`.controls label:has(input[value="${c}"]) .swatch`);
        const hex = categoryColor(c, domain.categories);
        const rgb = `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
        await expect(swatch, c).toHaveCSS('background-color', rgb);
      }
    });
  });
}

/**
 * Bars' numbers that the study's trace crosses, in the bar figures shown: a number's box meets a
 * dashed edge of a trace (as drawn, inside the plot: an outline cut at the axis's end has no right
 * edge there) or a cut outline's arrowhead.
 */
function crossedNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { left: number; right: number; top: number; bottom: number };
    const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const problems: string[] = [];
    const svgs = [...document.querySelectorAll<SVGSVGElement>('[data-figure="eventsByCategory"] .plot svg, [data-figure="harmByCategory"] .plot svg')].filter((s) => s.checkVisibility() && s.querySelector('.study-trace'));
    for (const svg of svgs) {
      const where = svg.closest<HTMLElement>('[data-figure]')!.dataset.figure;
      // the plot's frame, where the trace is clipped
      const g = svg.querySelector<SVGGElement>('.study-trace')!;
      const clip = /url\(["']?#([^"')]+)/.exec(g.getAttribute('clip-path') ?? '')?.[1];
      const frame = clip ? document.getElementById(clip)?.querySelector('rect') : null;
      const ctm = svg.getScreenCTM()!;
      const at = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(ctm);
      const [p, q] = frame ? [at(Number(frame.getAttribute('x')), Number(frame.getAttribute('y'))), at(Number(frame.getAttribute('x')) + Number(frame.getAttribute('width')), Number(frame.getAttribute('y')) + Number(frame.getAttribute('height')))] : [at(-1e6, -1e6), at(1e6, 1e6)];
      const edges: Box[] = [];
      for (const rect of g.querySelectorAll('rect')) {
        const r = rect.getBoundingClientRect();
        const [left, right] = [Math.max(r.left, p.x), Math.min(r.right, q.x)];
        const w = 1.5; // half the dashed stroke and a little
        edges.push({ left, right, top: r.top - w, bottom: r.top + w }, { left, right, top: r.bottom - w, bottom: r.bottom + w });
        if (r.right <= q.x + 0.5) edges.push({ left: r.right - w, right: r.right + w, top: r.top, bottom: r.bottom });
      }
      for (const arrow of svg.querySelectorAll('.study-trace-cut path')) edges.push(arrow.getBoundingClientRect());
      const numbers = [...svg.querySelectorAll<SVGTextElement>('g[data-mark="text"] text')].filter((t) => /^[\d,.]+$/.test(t.textContent ?? ''));
      if (numbers.length === 0) problems.push(`${where}: no bar numbers found`);
      for (const t of numbers) {
        const box = t.getBoundingClientRect();
        if (edges.some((e) => meets(box, e))) problems.push(`${where}: "${t.textContent}" is crossed by the study's trace`);
      }
    }
    if (svgs.length === 0) problems.push('no bar figure with a trace shown');
    return problems;
  });
}

const TRACED = [
  { query: '?w=12&c=violence', state: { window: 12, categories: ['violence'] } },
  { query: '?w=12&c=violence,drugs', state: { window: 12, categories: ['violence', 'drugs'] } },
  { query: '?w=6', state: { window: 6, categories: [...domain.categories] } },
];

test.describe("the study's trace never crosses a bar's number", () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`${viewport.width}px wide`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const { query, state } of TRACED) {
        await page.goto(`results/${query}`);
        await waitForView(page, state);
        await drawAll(page);
        expect(await crossedNumbers(page), query).toEqual([]);
      }
    });
  }
  test('on paper', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    for (const { query, state } of TRACED) {
      await page.goto(`results/${query}`);
      await waitForView(page, state);
      await drawAll(page);
      expect(await crossedNumbers(page), query).toEqual([]);
    }
  });
});

/** Where the gap curves' "no change" meets a line, a point, an interval or a cut interval's mark: the boxes of each. */
function crossedNoChange(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const svgs = [...document.querySelectorAll<SVGSVGElement>('[data-robust-figure^="gapCurve"] .plot svg')].filter((s) => s.checkVisibility());
    if (svgs.length === 0) problems.push('no gap curve shown');
    for (const svg of svgs) {
      const where = svg.closest<HTMLElement>('[data-robust-figure]')!.dataset.robustFigure;
      const label = [...svg.querySelectorAll('text')].find((t) => t.textContent === 'no change');
      if (!label) {
        problems.push(`${where}: no "no change"`);
        continue;
      }
      const a = label.getBoundingClientRect();
      for (const mark of svg.querySelectorAll('.gap-lines path, .gap-points circle, .gap-intervals line, .gap-cut path')) {
        const b = mark.getBoundingClientRect();
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) problems.push(`${where}: "no change" meets a ${mark.parentElement!.getAttribute('class')} mark`);
      }
    }
    return [...new Set(problems)];
  });
}

test.describe('the gap curves\' "no change" is clear of every line, point and interval', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`${viewport.width}px wide, as the browser draws them`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const query of ['', '?w=12&weights=low', '?c=violence']) {
        await page.goto(`robustness/${query}`);
        await drawAll(page);
        expect(await crossedNoChange(page), query || 'study view').toEqual([]);
      }
    });
  }
  test.describe('as the build drew them', () => {
    test.use({ javaScriptEnabled: false });
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      test(`${viewport.width}px wide`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto('robustness/');
        expect(await crossedNoChange(page)).toEqual([]);
      });
    }
  });
});

test.describe('forced colours, dark: the rings around a focused mark', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  });
  // An accessibility review: the specification curve's ring was black on the scheme's black.
  test('the specification curve\'s ring and the headline figure\'s ring are drawn in the text colour, not black on black', async ({ page }) => {
    await page.goto('robustness/');
    const plot = page.locator('[data-robust-figure="specificationCurve"] .plot[data-spec-keys]');
    await expect(page.locator('[data-robust-figure="specificationCurve"] button[data-set-spec]').first()).toBeAttached({ timeout: 30_000 });
    await plot.scrollIntoViewIfNeeded();
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const ring = plot.locator('rect.spec-focus-ring').filter({ visible: true });
    await expect(ring).toHaveCount(1);
    expect(await ring.evaluate((r) => getComputedStyle(r).stroke)).not.toBe(canvas);
    await page.goto('');
    await page.getByRole('application', { name: /every arrest/i }).focus();
    await page.keyboard.press('ArrowRight');
    const unitRing = page.locator('[data-figure="eventUnits"] rect.focus-ring').filter({ visible: true });
    await expect(unitRing).toHaveCount(1);
    expect(await unitRing.evaluate((r) => getComputedStyle(r).stroke)).not.toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  });
});
