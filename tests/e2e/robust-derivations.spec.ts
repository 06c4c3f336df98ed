// Every number of "How robust is it?" that is not in an analyse() result (the null world's, time at
// liberty's, the specification curve's) opens its derivation, by pointer and by keyboard; the
// panel's full-precision value is the number the engine gives for the view and the page's own
// settings (computed here in Node with the same functions), and agrees with the number shown;
// moving the page's own sliders or changing the view makes an open panel follow its number, never leaving
// another setting's derivation on screen; axe finds nothing in the panel.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { AnalysisResult } from '../../src/analysis/analyse.ts';
import { specificationCurve, type SpecificationCurve } from '../../src/analysis/specificationCurve.ts';
import { deriveRobust } from '../../src/lib/robustDerivations.ts';
import { DEFAULT_LOOKBACK, DEFAULT_SELECTION, DEFAULT_UNAVAILABLE, ROBUST_NUMBERS, gapCurveRows, libertyFor, nullWorldFor, robustNameOf, robustSegments, type RobustNumberName, type RobustnessContext } from '../../src/lib/robustness.ts';
import type { ViewState } from '../../src/lib/urlState.ts';
import { makeCohort } from '../helpers/cohort.ts';
import { heavyEventsCsv } from '../helpers/alteredData.ts';
import { bundled, collectErrors, domain, expected, ownFiles, uploadOwn, waitForView } from './helpers.ts';

const panel = (page: Page) => page.locator('#derivation-panel');
const handles = (page: Page) => page.locator('main button.num:not(.in-short *)[data-path^="robust:"]');

const curves = new Map<string, SpecificationCurve>();
function context(state: ViewState, selection = DEFAULT_SELECTION, share = DEFAULT_UNAVAILABLE) {
  const result = expected(state);
  const key = state.categories.join(',');
  if (!curves.has(key)) curves.set(key, specificationCurve(bundled, { categories: state.categories }));
  const c: RobustnessContext = { world: nullWorldFor(result, selection, DEFAULT_LOOKBACK), liberty: libertyFor(result, share, bundled), curve: curves.get(key)!, gapRows: gapCurveRows(bundled, state) };
  return { result, c };
}

/**
 * The numbers of "Read the share with care" (curveIntervalSegments), counted here from the curve's
 * specifications by the page's words: of the significant falls, how many and (where some do) how many
 * take in no change or have no interval, with the count and share clear of no change; the
 * significant rises with their count of all and share; and the significant tests that point the
 * other way from their total.
 */
function carefulHandles(curve: SpecificationCurve): string[] {
  const significant = curve.specifications.filter((s) => s.reduction !== null && s.reduction > 0 && s.lean === 1 && s.p !== null && s.p < 0.05);
  const across = significant.filter((s) => s.ci !== null && s.ci[0] <= 0).length;
  const none = significant.filter((s) => s.ci === null).length;
  const rises = curve.specifications.filter((s) => s.reduction !== null && s.reduction < 0 && s.lean === -1 && s.p !== null && s.p < 0.05).length;
  const against = curve.specifications.filter((s) => s.reduction !== null && s.p !== null && s.p < 0.05 && s.lean !== Math.sign(s.reduction)).length;
  const one = significant.length === 1;
  const falls = significant.length === 0 ? [] : across + none === 0 ? (one ? [] : ['curve.significant'])
    : [...(one ? [] : ['curve.significant']), ...(across > 0 && !one ? ['curve.acrossFalls'] : []), ...(none > 0 && !one ? ['curve.noInterval'] : []), 'curve.clearFalls', 'curve.total', 'curve.clearShare'];
  return [...falls, ...(rises > 0 ? ['curve.rises', 'curve.total', 'curve.riseShare'] : []), ...(against > 0 ? ['curve.against', 'curve.total'] : [])];
}

/** The panel's "Full precision" text for a value (src/client/panel.ts fullValue). */
const full = (v: number | [number, number] | null): string => (v === null ? 'none (the data give no value)' : Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v));

/** What the derivation of `name` must show: its value at full precision, and the handle's text. */
function want(name: RobustNumberName, ctx: ReturnType<typeof context>): { value: string; shown: string } {
  const d = deriveRobust(name, ctx.c, ctx.result, { dataset: bundled, synthetic: true });
  expect(d, name).not.toBeNull();
  const handle = robustSegments(name, ctx.c).find((s) => typeof s !== 'string' && s.path === `robust:${name}`) as { text: string };
  return { value: full(d!.value), shown: handle.text };
}

/**
 * The panel's value is the expected one: to the last digit, except the closed form, whose z is found
 * by bisection on the normal tail. The browser's and Node's V8 may differ in the last bit of that
 * tail, which can flip one late step of the bisection: 1e-12 relative covers it.
 */
async function expectValue(page: Page, name: RobustNumberName, value: string): Promise<void> {
  const el = panel(page).locator('[data-derivation-value]');
  if (name !== 'nullWorld.barnett' || !/^-?\d/.test(value)) {
    await expect(el, name).toHaveText(value);
    return;
  }
  await expect.poll(async () => Math.abs(Number(await el.textContent()) / Number(value) - 1), { message: name }).toBeLessThan(1e-12);
}

/** Wait until every robustness number on the page reads as the engine's for this context. */
async function settled(page: Page, ctx: ReturnType<typeof context>): Promise<void> {
  for (const name of Object.keys(ROBUST_NUMBERS) as RobustNumberName[]) {
    const el = page.locator(`[data-robust="${name}"]`);
    if ((await el.count()) > 0) await expect(el, name).toHaveText(ROBUST_NUMBERS[name](ctx.c), { timeout: 30_000 });
  }
}

async function checkEvery(page: Page, ctx: ReturnType<typeof context>): Promise<void> {
  const all = await handles(page).all();
  // Every number of the page: the null world's eight, the cohorts the share counts from among them (and the cohorts with no arrests before, when
  // there are any, and how many cohorts matched the observed fall, when some but not all did), time
  // at liberty's five, the curve's three, and the weights' spread when the curve has one (more than
  // one weight set, and harm to compare).
  const world = ctx.c.world!;
  const matched = world.falls.filter((f) => f >= world.observedFall!).length;
  // And the counts and shares of "Read the share with care" (a peer reviewer could not open them).
  expect(all.length).toBe(16 + (world.dropped > 0 ? 1 : 0) + (matched > 0 && matched < world.falls.length ? 1 : 0) + (ctx.c.curve!.weightsSpread ? 1 : 0) + carefulHandles(ctx.c.curve!).length);
  for (const [k, h] of all.entries()) {
    const path = (await h.getAttribute('data-path'))!;
    const name = robustNameOf(path)!;
    expect(name, path).not.toBeNull();
    if (k % 3 === 0) await h.click();
    else {
      await h.focus();
      await page.keyboard.press(k % 3 === 1 ? 'Enter' : 'Space');
    }
    const w = want(name, ctx);
    await expect(panel(page)).toBeVisible();
    await expect(panel(page)).toHaveAttribute('data-path', path, { timeout: 30_000 });
    await expect(panel(page)).not.toHaveAttribute('data-stale');
    await expect(h, path).toHaveText(w.shown);
    // A number shown without the sign of its value (a rise, as its words say) says it is a size.
    const signless = /^-/.test(w.value) && !/^[−-]/.test(w.shown);
    await expect(panel(page).locator('dd').first(), `${path}: shown`).toHaveText(signless ? `${w.shown} (its size: the words around it say which way)` : w.shown);
    await expectValue(page, name, w.value);
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(h, `focus returns to ${path}`).toBeFocused();
  }
}

test('without JavaScript every robustness number is already a button, which the page\'s script makes live: until then it is said to be unavailable, not to open a dialog', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL('robustness/', test.info().project.use.baseURL).href);
  // the null world's eight (the cohorts the share counts from among them; no cohort is dropped in this view), time at liberty's five, the curve's three and the weights' spread, and "Read the share with care"'s
  const careful = carefulHandles(specificationCurve(bundled, { categories: domain.categories }));
  expect(careful.length).toBeGreaterThan(0);
  await expect(handles(page)).toHaveCount(17 + careful.length);
  for (const h of await handles(page).all()) {
    await expect(h).toHaveAttribute('aria-disabled', 'true');
    await expect(h).not.toHaveAttribute('aria-haspopup', /.*/);
  }
  await context.close();
});

test('every robustness number opens its derivation (the study\'s view, as built)', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto('robustness/');
  await waitForView(page, { window: 24, categories: domain.categories });
  // Opened at once: the page computes what the build showed before deriving it.
  await checkEvery(page, context({ window: 24, categories: domain.categories }));
  expect(errors).toEqual([]);
});

test('every robustness number opens its derivation (12 months, gap 1, violence)', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const state: ViewState = { window: 12, gap: 1, categories: ['violence'] };
  const ctx = context(state);
  await page.goto('robustness/?w=12&c=violence&gap=1');
  await waitForView(page, state);
  await settled(page, ctx);
  await checkEvery(page, ctx);
  // The numbers of "In short" are their sections' handles: each opens the same derivation, with the same value.
  const short = page.locator('.in-short button.num[data-path^="robust:"]');
  // the share of simulated orders after a busy spell, the simulation's mean, observed change, the count and share of cohorts that matched it;
  // the ends of the ranges of arrests and harm as months are left out (harm's interval clear at some gaps only, counted);
  // the break-even share, and the curve's three counts
  expect(await short.evaluateAll((hs) => hs.map((h) => h.getAttribute('data-path')))).toEqual([
    'robust:nullWorld.afterBusy', 'robust:nullWorld.mean', 'robust:nullWorld.observed', 'robust:nullWorld.matched', 'robust:nullWorld.compared', 'robust:nullWorld.shareAtLeast',
    'robust:gap.eventsLow', 'robust:gap.eventsHigh', 'robust:gap.harmLow', 'robust:gap.harmHigh', 'robust:gap.harmClear',
    'robust:liberty.breakEven', 'robust:curve.total', 'robust:curve.significant', 'robust:curve.clearFalls',
  ]);
  for (const h of await short.all()) {
    const name = robustNameOf((await h.getAttribute('data-path'))!)!;
    await h.click();
    await expect(panel(page)).toHaveAttribute('data-path', `robust:${name}`, { timeout: 30_000 });
    await expectValue(page, name, want(name, ctx).value);
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
  }
  const text = (await page.locator('main').textContent()) ?? ''; // every figure's words too, rendered or not (off screen they are skipped)
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
  expect(errors).toEqual([]);
});

test('an open panel follows its number when the null world\'s selection or the time-away share changes', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const state: ViewState = { window: 24, categories: domain.categories };
  await page.goto('robustness/');
  await waitForView(page, state);
  const mean = page.locator('button:not(.in-short *)[data-path="robust:nullWorld.mean"]');
  await mean.click();
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(want('nullWorld.mean', context(state)).value, { timeout: 30_000 });
  // The page's own slider, while the panel is open: the panel is busy, then shows the new number's derivation.
  const sharp = context(state, 1);
  await page.locator('#nw-selection').fill('1');
  await expect(mean).toHaveText(want('nullWorld.mean', sharp).shown, { timeout: 30_000 });
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).not.toHaveAttribute('data-stale');
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(want('nullWorld.mean', sharp).value);
  await expect(panel(page).locator('dd').first()).toHaveText(want('nullWorld.mean', sharp).shown);
  // The closed form: at selection 1 it applies; back at 0.5 its button ("does not apply") replaces the number, and the panel follows it.
  await page.keyboard.press('Escape');
  const barnett = page.locator('[data-robust="nullWorld.barnett"] button.num');
  await barnett.focus();
  await page.keyboard.press('Enter');
  await expectValue(page, 'nullWorld.barnett', want('nullWorld.barnett', sharp).value);
  await expect(panel(page).locator('[data-r-call]')).toContainText('qnorm(s, lower.tail = FALSE)');
  await page.locator('#nw-selection').fill('0.5');
  const back = context(state, 0.5);
  await expect(page.locator('[data-robust="nullWorld.barnett"]')).toHaveText(ROBUST_NUMBERS['nullWorld.barnett'](back.c), { timeout: 30_000 });
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).not.toHaveAttribute('data-stale');
  await expectValue(page, 'nullWorld.barnett', want('nullWorld.barnett', back).value);
  await expect(panel(page).locator('dd').first()).toHaveText('does not apply');
  await expect(panel(page)).toContainText('selection is 0.5');
  // Time at liberty: the rate's fall follows the share; the share itself is a setting.
  await page.keyboard.press('Escape');
  await page.locator('button:not(.in-short *)[data-path="robust:liberty.rateFall"]').click();
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(want('liberty.rateFall', back).value);
  const away = context(state, 0.5, 0.5);
  await page.locator('#liberty-share').fill('0.5');
  await expect(page.locator('button:not(.in-short *)[data-path="robust:liberty.rateFall"]')).toHaveText(want('liberty.rateFall', away).shown);
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).not.toHaveAttribute('data-stale');
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(want('liberty.rateFall', away).value);
  await page.keyboard.press('Escape');
  await page.locator('button:not(.in-short *)[data-path="robust:liberty.share"]').click();
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText('0.5');
  await expect(panel(page).locator('[data-status="setting"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a change of view while a robustness number is open: the panel follows it to the new view', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await page.goto('robustness/');
  await waitForView(page, { window: 24, categories: domain.categories });
  await page.locator('button:not(.in-short *)[data-path="robust:nullWorld.high"]').click();
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(want('nullWorld.high', context({ window: 24, categories: domain.categories })).value, { timeout: 30_000 });
  const state: ViewState = { window: 24, categories: domain.categories.filter((c) => c !== 'other') };
  await page.locator('input[name="category"][value="other"]').uncheck();
  await waitForView(page, state);
  const ctx = context(state);
  await settled(page, ctx);
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).not.toHaveAttribute('data-stale');
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(want('nullWorld.high', ctx).value);
  expect(errors).toEqual([]);
});

test('axe finds no violations in the panel open on a robustness number (the simulated falls, the specifications)', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('robustness/');
  await waitForView(page, { window: 24, categories: domain.categories });
  for (const path of ['robust:nullWorld.low', 'robust:curve.share', 'robust:liberty.share']) {
    await page.locator(`button[data-path="${path}"]`).click();
    await expect(panel(page)).toHaveAttribute('data-path', path, { timeout: 30_000 });
    await expect(panel(page)).not.toHaveAttribute('data-stale');
    const box = (await panel(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).include('#derivation-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

test('a reader\'s own data: each number\'s derivation is the CLI\'s data run through the same functions, and says it is theirs', async ({ page }) => {
  test.setTimeout(120_000);
  const cohort = makeCohort({ seed: 11, orders: 64, designWindow: 12 });
  const files = ownFiles(cohort.ordersCsv, cohort.eventsCsv, 12);
  const result = files.cli() as AnalysisResult;
  const ctx = { result, c: { world: nullWorldFor(result, DEFAULT_SELECTION, DEFAULT_LOOKBACK), liberty: libertyFor(result, DEFAULT_UNAVAILABLE), curve: files.cli('--specification-curve') as SpecificationCurve } };
  const errors = collectErrors(page);
  await uploadOwn(page, files, 12);
  await page.goto('robustness/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local', { timeout: 60_000 });
  await settled(page, ctx);
  for (const [name, status] of [['nullWorld.mean', 'data'], ['nullWorld.shareAtLeast', 'data'], ['liberty.rateFall', 'data'], ['liberty.share', 'setting'], ['curve.share', 'data']] as const) {
    const h = page.locator(`button:not(.in-short *)[data-path="robust:${name}"]`);
    await h.click();
    await expect(panel(page)).toHaveAttribute('data-path', `robust:${name}`, { timeout: 30_000 });
    await expect(panel(page)).not.toHaveAttribute('data-stale');
    await expect(panel(page).locator('dd').first()).toHaveText(want(name, ctx).shown);
    await expect(panel(page).locator('[data-derivation-value]'), name).toHaveText(deriveValue(name, ctx));
    await expect(panel(page).locator(`[data-status="${status}"]`), name).toBeVisible();
    await page.keyboard.press('Escape');
  }
  expect(errors).toEqual([]);
});

test('a reader\'s own data where one heavy arrest turns harm up while most people\'s harm fell: the tests that point against their total are counted apart, open their derivation, and are ringed in the curve (a re-check)', async ({ page }) => {
  test.setTimeout(120_000);
  // The study's files, harm as recorded, with one arrest in month 1 given twice the harm of all the arrests before.
  const files = ownFiles(readFileSync('data/orders.csv', 'utf8'), heavyEventsCsv(), 24);
  const result = files.cli() as AnalysisResult;
  const curve = files.cli('--specification-curve') as SpecificationCurve;
  const ctx = { result, c: { world: nullWorldFor(result, DEFAULT_SELECTION, DEFAULT_LOOKBACK), liberty: libertyFor(result, DEFAULT_UNAVAILABLE), curve } };
  const against = curve.specifications.filter((s) => s.reduction !== null && s.p !== null && s.p < 0.05 && s.lean !== Math.sign(s.reduction)).length;
  expect(against).toBeGreaterThan(0);
  const errors = collectErrors(page);
  await uploadOwn(page, files, 24);
  await page.goto('robustness/?data=local');
  await expect(page.locator('html')).toHaveAttribute('data-view', '?data=local', { timeout: 60_000 });
  await settled(page, ctx);
  const careful = page.locator('[data-robust="curve.intervals"]');
  await expect(careful).toContainText(`${against} of the ${curve.total} have a significant test that points the other way from their total, and count as neither a fall nor a rise`);
  expect(await careful.locator('button[data-path]').evaluateAll((b) => b.map((x) => x.getAttribute('data-path')!.replace('robust:', '')))).toEqual(carefulHandles(curve));
  await expect(page.locator('.in-short button[data-path="robust:curve.against"]')).toHaveText(String(against));
  await careful.locator('button[data-path="robust:curve.against"]').click();
  await expect(panel(page)).toHaveAttribute('data-path', 'robust:curve.against', { timeout: 30_000 });
  await expect(panel(page).locator('[data-derivation-value]')).toHaveText(deriveValue('curve.against', ctx));
  await page.keyboard.press('Escape');
  // The curve draws them ringed, apart from the falls, with the key saying so.
  const figure = page.locator('[data-robust-figure="specificationCurve"]');
  await figure.scrollIntoViewIfNeeded();
  const rises = curve.specifications.filter((s) => s.reduction !== null && s.reduction < 0 && s.lean === -1 && s.p !== null && s.p < 0.05).length;
  await expect(figure.locator('.plot:not([data-stale]) g.spec-significant-other > [data-spec]')).toHaveCount(against + rises, { timeout: 30_000 });
  await expect(figure.locator('.plot:not([data-stale]) svg').first()).toContainText('Significant, not a fall');
  expect(errors).toEqual([]);
});

/** The value a reader's own data give (not synthetic: the status differs, the value does not). */
function deriveValue(name: RobustNumberName, ctx: { result: AnalysisResult; c: RobustnessContext }): string {
  return full(deriveRobust(name, ctx.c, ctx.result, { dataset: null, synthetic: false })!.value);
}
