// The report's interactive layer. The static HTML already shows the default view; this script
// reads the view from the URL, keeps the controls, the URL and the page in step, and recomputes
// everything through analyse() when the view changes. The engine and the figure code load only
// when they are first needed.

import { createStore, type Source } from './store.ts';
import { dataOf, defaultState, ignoredNotice, parseStateReport, parseState, sameState, serialiseState, viewSummary, type IgnoredParameter, type StateDomain, type SetView, type ViewState } from '../lib/urlState.ts';
import { categoryName as codeName } from '../analysis/categories.ts';
import type { Engine } from './engineTypes.ts';
import { onForgetElsewhere, tabHasData } from './ownStorage.ts';
import { setActive } from './active.ts';
import { deriveRobustPath, isRobustPath, setPanel } from './robustRegistry.ts';
import type { AnalysisResult as Result } from '../analysis/analyse.ts';
import { resultsCsv, resultsFileName, resultsJson, type ExportData } from '../lib/export.ts';
import { commandParts, curveCommandParts, liveText, sentenceParts, unitWord, valueAt, type FormatName } from '../lib/live.ts';
import { announcement, count, isEmpty, plain } from '../lib/wording.ts';
import { TABLES, type TableName } from '../lib/tables.ts';
import { describeNumbersWith, fillSegments, fillTable, flash } from './dom.ts';
import { isFar, variantWidth } from './figureWidth.ts';
import { afterFrame, dropAddressWrites, flushAfterFrame, replaceAddressNow, writeAddress } from './afterFrame.ts';
import { idle, idleAfterLoad } from './idle.ts';
import { focusPlace, restoreFocus } from './keepFocus.ts';
import { markOutOfDate, whyNotLoaded } from './outOfDate.ts';
import { watchSideMore } from './sideMore.ts';
import { RULE_NAME, otherRuleOf } from '../lib/ruleNames.ts';
// The page's own custom elements, defined here rather than by scripts of their own, any of which could
// fail to load alone (the header's notice speaks for this script as a whole).
import './checkInRElement.ts';
import './ownDataElement.ts';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { SPECIFICATION_HELP, SPECIFICATION_TOUCH_HELP, UNITS_HELP, UNITS_NONE_LABEL, UNITS_TOUCH_HELP, touchOnly } from '../charts/unitsHelp.ts';

// The data in view: the study's (the HTML was built from them) until the reader's own are loaded
// (an address with data=local, or an upload on "Use your own data"); then every page follows theirs.
let domain: StateDomain = JSON.parse(document.getElementById('stro-domain')!.textContent!);
let data: 'study' | 'local' = 'study';
let names: Record<string, string> = {};
const categoryName = (code: string) => names[code] ?? codeName(code);
let defaults = defaultState(domain);
const wantsLocal = dataOf(location.search) === 'local';
// An address for the reader's own data is read against their data's domain once they are loaded.
let asked = parseStateReport(wantsLocal ? '' : location.search, domain);
const store = createStore(asked.state);
const form = document.getElementById('controls') as HTMLFormElement | null;
const announcer = document.getElementById('announcer');
const alertBox = document.getElementById('view-alert');
const summaries = document.querySelectorAll<HTMLElement>('[data-view-summary]');

// On a narrow screen the view bar sticks to the top (ViewBar.astro), and a long view or an alert
// wraps it to several lines: a jump to a heading stops below the bar as it is, not below a guess.
{
  const bar = document.querySelector<HTMLElement>('.view-bar');
  if (bar) {
    new ResizeObserver((entries) => {
      const height = Math.ceil(entries[0]?.borderBoxSize?.[0]?.blockSize ?? bar.offsetHeight);
      document.documentElement.style.scrollPaddingTop = getComputedStyle(bar).position === 'sticky' ? `${height + 8}px` : '';
    }).observe(bar);
  }
}

let loadEngine: () => Promise<Engine> = once(() => import('./engine.ts').then((m) => m.studyEngine));
const loadFigures = once(() => import('./figures.ts'));
// What each number is, for the descriptions of the buttons a render makes (src/client/dom.ts).
const loadNames = once(() => import('../lib/numberNames.ts').then((m) => describeNumbersWith((path) => m.numberName(path, categoryName))));
// The derivation panel and its maths load the first time a reader opens a number.
let panel: typeof import('./panel.ts') | undefined;
const loadPanel = once(() => import('./panel.ts').then((m) => {
  setPanel(m); // so that the robustness page's own numbers can make an open panel follow them
  return (panel = m);
}));

/** Load once and remember; a load that failed (offline, blocked) is tried again next time. */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f().catch((e: unknown) => {
    p = undefined;
    throw e;
  }));
}

const query = (state: ViewState) => serialiseState(state, domain, data);
const url = (state: ViewState) => location.pathname + query(state) + location.hash;
const notice = document.getElementById('view-notice');

// ---- the address as asked: anything the page could not use is named, and the address made canonical
function canonicalise(ignored: readonly IgnoredParameter[], extra = ''): void {
  const canonical = query(asked.state);
  flushAfterFrame(); // the address read is the last one written
  if (location.search !== canonical) replaceAddressNow(location.pathname + canonical + location.hash);
  if (notice) notice.textContent = [extra, ignoredNotice(ignored)].filter(Boolean).join(' ');
}
if (!wantsLocal) canonicalise(asked.ignored);

/** What the page actually shows: the numbers, sentences and tables (the HTML starts with the default). */
let shown: ViewState = defaults;
/** The bar's "still show …" words, and the timer that marks the page as updating (setUpdating). */
const updatingShown = document.querySelector<HTMLElement>('[data-updating-shown]');
let updatingTimer: ReturnType<typeof setTimeout> | undefined;
/** The view the figures were last drawn for (they can lag behind if their code fails to load). */
let figuresShown: ViewState = defaults;
/** Which data are in view: 0 for the study's, then one more for each set of the reader's own that this page is given. */
let dataSet = 0;
/** Which data the charts on screen were drawn from (the build's are the study's), and their view in words as it was then. */
let figuresSet = 0;
let figuresSummary = viewSummary(defaults, domain, categoryName);
/** What the charts show, in words, naming the data when they are not the data in view. */
const figuresWords = () =>
  figuresSet === dataSet ? figuresSummary : `${figuresSet === 0 ? "the study's synthetic data" : 'the data you loaded before'} (${figuresSummary})`;
/** Charts that are the same in every view of the same data (tests/charts.test.ts checks it), so never out of date for a change of view. */
const VIEW_INDEPENDENT_FIGURES = new Set(['sampleFlow']);

// ---- controls <-> state
function readControls(): ViewState {
  if (!form) return store.get();
  const categories = [...form.querySelectorAll<HTMLInputElement>('input[name="category"]')].filter((i) => i.checked).map((i) => i.value);
  const window = Number((form.elements.namedItem('window') as HTMLInputElement).value);
  const legacy = form.querySelector<HTMLInputElement>('input[name="wilcoxon"][value="legacy"]')?.checked;
  const state: ViewState = legacy ? { window, categories, wilcoxon: 'legacy' } : { window, categories };
  // The gap and the harm weights (each absent when at its default); a gap that a narrower window no
  // longer allows shrinks to fit (sayIfGapShrank tells the reader).
  const gap = Math.min(chosenGap(), window - 1);
  if (gap > 0) state.gap = gap;
  const weights = form.querySelector<HTMLInputElement>('input[name="weights"]:checked')?.value;
  if (weights === 'low' || weights === 'central' || weights === 'high') state.weights = weights;
  return state;
}

/** The gap as the control has it, before a narrower window shortens it. */
const chosenGap = () => Number(form?.querySelector<HTMLSelectElement>('select[name="gap"]')?.value ?? 0) || 0;

/** The note under the gap control: what the gap became when the window shortened it, or nothing. */
function sayIfGapShrank(state: ViewState): void {
  const gap = state.gap ?? 0;
  const note = document.getElementById('gap-note');
  const text = chosenGap() <= gap ? '' : gap === 0 ? 'No months are left out now: a one-month window has no room for a gap.' : `The gap is now ${count(gap, 'month')}, to leave at least one month in the window.`;
  if (note && note.textContent !== text) note.textContent = text;
}

function writeControls(state: ViewState): void {
  if (!form) return;
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLFieldSetElement | HTMLSelectElement>('fieldset, input, select')) el.disabled = false;
  writeGapAndWeights(state);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="category"]')) box.checked = state.categories.includes(box.value);
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="wilcoxon"]')) radio.checked = radio.value === (state.wilcoxon ?? 'current');
  const slider = form.elements.namedItem('window') as HTMLInputElement;
  const label = `${state.window} ${state.window === 1 ? 'month' : 'months'}`;
  slider.value = String(state.window);
  slider.setAttribute('aria-valuetext', label);
  const output = document.getElementById('window-value');
  if (output && output.textContent !== label) output.textContent = label;
}

/** The gap (only gaps below the window offered) and the weights (only the sets the data's harm index has; none without one, with the reason). */
function writeGapAndWeights(state: ViewState): void {
  const gap = form?.querySelector<HTMLSelectElement>('select[name="gap"]');
  if (gap) {
    const value = String(state.gap ?? 0);
    if (![...gap.options].some((o) => o.value === value)) {
      // A gap from the address beyond the usual choices (none to 6 months) is offered too, in its
      // place, so that the control shows the view in use rather than nothing.
      gap.add(new Option(`${value} months`, value), [...gap.options].find((o) => Number(o.value) > Number(value)) ?? null);
    }
    for (const option of gap.options) option.disabled = Number(option.value) >= state.window;
    gap.value = value;
  }
  const offered = domain.weights ?? ['low', 'central', 'high'];
  for (const radio of form?.querySelectorAll<HTMLInputElement>('input[name="weights"]') ?? []) {
    radio.checked = radio.value === (state.weights ?? 'data');
    radio.disabled = radio.value !== 'data' && !offered.includes(radio.value as 'low');
  }
  const note = document.getElementById('weights-note');
  if (note) {
    note.hidden = offered.length > 0;
    note.textContent = offered.length > 0 ? '' : 'Harm is taken as your files record it, so other weights are not offered: the report’s pages never weigh recorded harm by a harm index (the illustrative one, or yours); the command line does, with --weights and a harm index of your own (--harm-index).';
  }
}

/**
 * The controls, the "Your view" bar and the links to other pages, all for one view. The links are
 * rewritten in the task after the frame (src/client/afterFrame.ts): an address under a link is never
 * seen, and a press, key or click, or printing, rewrites them first. Setting 30 links' href made
 * Chromium restyle each of them in the frame that shows the view.
 */
function showView(state: ViewState): void {
  writeControls(state);
  const summary = viewSummary(state, domain, categoryName);
  for (const el of summaries) if (el.textContent !== summary) el.textContent = summary;
  linksQuery = query(state);
  if (linksQueued) return;
  linksQueued = true;
  afterFrame(() => {
    linksQueued = false;
    updateLinks(linksQuery);
  });
}
let linksQuery = '';
let linksQueued = false;

// ---- state -> URL and links
/** Links to other pages of the report carry the view with them (downloads, anchors and links to an address of their own, data-own-address, do not). */
function updateLinks(query: string): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (a.hasAttribute('download') || a.id === 'reset' || a.hasAttribute('data-own-address')) continue;
    const url = new URL(a.getAttribute('href')!, location.href);
    if (url.origin !== location.origin || /\.[a-z]+$/i.test(url.pathname)) continue;
    if (url.pathname === location.pathname && url.hash) continue;
    url.search = query;
    const href = url.pathname + url.search + url.hash;
    if (a.getAttribute('href') !== href) a.href = href;
  }
}

// History: a tick of a box is one Back step. Dragging or arrowing the slider replaces the entry
// until the reader pauses (SETTLE_MS between two inputs), so a settled change of window is one step
// too. The pause is measured between the reader's own key and pointer events, by the times the
// browser stamped on them when they happened, not by a timer: a busy page that handles two quick
// presses late must not see a pause the reader never made.
const SETTLE_MS = 600;
let lastRaw: number | undefined; // when the latest key or pointer event on the slider happened
let gestureAt: number | undefined; // when the slider input that last touched history happened
function endGesture(): void {
  gestureAt = undefined;
}
const sliderInput = form?.elements.namedItem('window');
if (sliderInput instanceof HTMLInputElement) {
  for (const type of ['keydown', 'pointerdown', 'pointermove'] as const) {
    sliderInput.addEventListener(type, (e) => (lastRaw = e.timeStamp));
  }
}
form?.addEventListener('input', (e) => {
  const next = readControls();
  sayIfGapShrank(next);
  if (!ready || sameState(next, store.get())) return;
  const slider = (e.target as HTMLInputElement | null)?.type === 'range';
  const at = lastRaw ?? e.timeStamp;
  writeAddress(url(next), slider && gestureAt !== undefined && at - gestureAt < SETTLE_MS);
  gestureAt = slider ? at : undefined;
  store.set(next, 'control');
});
form?.addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('popstate', () => {
  endGesture();
  dropAddressWrites();
  // Moving back out of (or into) the reader's own data reloads the page for the other data.
  if (dataOf(location.search) !== data) {
    location.reload();
    return;
  }
  const state = parseState(location.search, domain);
  if (sameState(state, store.get())) return; // e.g. moving between anchors on the page
  showView(state);
  store.set(state, 'history');
});

// ---- state -> page
let renderToken = 0;
async function render(state: ViewState, source: Source): Promise<void> {
  const token = ++renderToken;
  showView(state);
  // Marked as updating only if the numbers do not follow in this task (code still loading, a worker).
  clearTimeout(updatingTimer);
  updatingTimer = setTimeout(() => {
    if (token === renderToken) setUpdating(state);
  });
  setDownloads(null); // disabled until they hold this view
  let result: AnalysisResult;
  let engine: Engine;
  try {
    // Without the names a button has no description, but the view is still shown.
    const named = loadNames().catch(() => undefined);
    engine = await loadEngine();
    await named;
    if (token !== renderToken) return;
    performance.mark('stro:start');
    result = await engine.compute(state);
    if (token !== renderToken) return;
    performance.mark('stro:computed');
  } catch {
    if (token === renderToken) cannotRecompute(state, source);
    return;
  }
  const changed = source !== 'load';
  // Where the keyboard is, to be kept there (or as near as stands) once the page holds the new view (keepFocus.ts).
  const place = changed ? focusPlace() : null;
  // Whether a verdict turns on the version of R: withdrawn with the old view, said again below for this one.
  const flipNotes = document.querySelectorAll<HTMLElement>('[data-rule-flips]');
  for (const el of flipNotes) el.hidden = true;
  document.documentElement.toggleAttribute('data-empty', isEmpty(result));
  // No step at the order to compare (the time series cannot be fitted): neither the offer to leave out 6 months nor its stand-in is made (global.css).
  document.documentElement.toggleAttribute('data-no-step', isEmpty(result) || result.its.events.level === null);
  // Passages about a number the view may lack (a trend line, a correlation): shown only with it (NeedsNumber.astro).
  for (const el of document.querySelectorAll<HTMLElement>('[data-needs]')) el.hidden = isEmpty(result) || valueAt(result, el.dataset.needs!) == null;
  for (const el of document.querySelectorAll<HTMLElement>('[data-live]')) {
    const text = liveText(result, el.dataset.live!, el.dataset.format as FormatName);
    setText(el, text, changed);
    // its noun, when it has one (<Live unit>): "1 month", "24 months"
    const unit = el.nextElementSibling as HTMLElement | null;
    if (unit?.dataset.unit) unit.textContent = unitWord(text, unit.dataset.unit, unit.dataset.units!);
  }
  // A noun set apart from its number (the headline's "arrests", in type of its own): "5 → 1 arrest".
  for (const el of document.querySelectorAll<HTMLElement>('[data-noun-of]')) {
    const word = unitWord(liveText(result, el.dataset.nounOf!), el.dataset.one!, el.dataset.many!);
    if (el.textContent !== word) el.textContent = word;
  }
  // A reader's own data (the study's files, loaded as a reader's, are the study's): commands name
  // their files, and the published table's verdicts are theirs.
  const own = engine.local && !engine.local.summary.study ? engine.local.summary : undefined;
  downloadsOwn = own;
  for (const el of document.querySelectorAll<HTMLElement>('[data-say]')) {
    const parts = own && el.dataset.say === 'command' ? commandParts(result, own)
      : own && el.dataset.say === 'curveCommand' ? curveCommandParts(result, own)
      : sentenceParts(result, el.dataset.say!);
    if (el.textContent === plain(parts)) continue;
    fillSegments(el, parts);
    if (changed) flash(el);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-table]')) {
    const table = el.querySelector('table');
    // (the study's files loaded as a reader's take the study's words: "CCHI days; the illustrative index's low weights")
    if (table) fillTable(table, TABLES[el.dataset.table as TableName](result, own?.harm, own !== undefined));
  }
  // A reader's own data, opening: the page is shown once it holds their numbers (global.css).
  if (data === 'local') document.documentElement.dataset.source = 'local';
  shown = state;
  setUpdating(null);
  lastResult = result;
  // The download links stay disabled through the frame that shows the view, and hold it from the
  // task after (src/client/afterFrame.ts), unless another view has started by then.
  afterFrame(() => {
    if (token === renderToken) setDownloads(result);
  });
  // A page opening on a reader's own data has everything to draw from scratch: the figures in a
  // task of their own, so that neither half holds the page long. A change of view draws them in
  // the same frame as the numbers.
  if (source === 'load' && engine.kind === 'local') {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (token !== renderToken) return;
  }
  const figuresOk = await renderFigures(result, state, token, engine);
  if (token !== renderToken) return;
  restoreFocus(place);
  if (figuresOk) setAlert('');
  if (panel) panel.update(panelContext(engine, state, result));
  if (flipNotes.length > 0) {
    // After the frame that shows the view (it reruns every test under the other rule), hidden until
    // then; a note that cannot be worked out is left out, not guessed.
    afterFrame(() => {
      engine.ruleFlips(state).catch(() => null).then((words) => {
        if (token !== renderToken) return;
        // With a link to the same view under the other rule, where each of those p-values is a number
        // with its derivation (a reviewer: the sentence's p-values could not be opened).
        const rule = otherRuleOf(state.wilcoxon ?? 'current');
        // To the table of the first test the sentence names (ruleFlipWords lists arrests before harm; a re-check was sent to Arrests for a harm test).
        // (from the site's base, as the Overview, at the top of the site, has the note too)
        const href = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}results/${query({ ...state, wilcoxon: rule })}#${words?.includes('the change in arrests') ? 'arrests' : 'harm'}`;
        const linkText = `Show the tests as ${RULE_NAME[rule]} computes them, each p-value with its derivation`;
        for (const el of flipNotes) {
          const link = el.querySelector('a');
          if (words === null) el.replaceChildren();
          else if (el.firstChild?.textContent !== words || link?.getAttribute('href') !== href || link.textContent !== linkText) {
            const a = document.createElement('a');
            a.href = href;
            a.textContent = linkText;
            el.replaceChildren(`${words} `, a, '.');
          }
          el.hidden = words === null;
        }
      });
    });
  }
  // Measured by `npm run bench:browser`: analyse() alone, and everything from a change to a redrawn page.
  performance.measure('stro:analyse', 'stro:start', 'stro:computed');
  performance.measure('stro:update', 'stro:start');
  engine.warm?.(state);
  if (source !== 'load' && !(saidElsewhere && sameState(saidElsewhere, state))) announce(announcement(result));
  saidElsewhere = null;
  markView(state);
  // Parts of a page that draw from the view themselves ("How robust is it?", src/client/robustness.ts) follow it from here.
  window.dispatchEvent(new CustomEvent('stro:rendered', { detail: { state, result, engine } }));
}

/**
 * The change of view, said to a screen reader once the view settles: each step of a slider under
 * the arrow keys redraws the page, but only the last is announced, not one message per step.
 */
const ANNOUNCE_AFTER_MS = 500;
let announceTimer: ReturnType<typeof setTimeout> | undefined;
function announce(text: string): void {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    if (announcer && announcer.textContent !== text) announcer.textContent = text;
  }, ANNOUNCE_AFTER_MS);
}

// Reset sets the full view in place, as the controls do: one Back step, the reader's place on the
// page and the keyboard's focus kept. Until the page is ready (or without script) it is the link it
// is, to the page's address with no view (or, on a reader's own data, their full view).
document.getElementById('reset')?.addEventListener('click', (e) => {
  if (!ready || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  setViewFromPage(defaults);
});

/** A view set by a part of the page rather than the controls: one Back step, the address, then every number. */
function setViewFromPage(next: ViewState): void {
  endGesture();
  if (sameState(next, store.get())) return;
  writeAddress(url(next));
  store.set(next, 'control');
}

// A part of a page that chooses a view itself (a specification on "How robust is it?") sets it as
// the controls do: one Back step, the address, then every number. The view is read back through the
// address's parser, so it is always one the data allow.
// That part says the change itself (the curve's inspector: "The view is set. …", src/client/specKeys.ts),
// so the page does not announce the same change again: one message for one key.
// A part that does not (the specification table's "Show this view") leaves it to the page.
let saidElsewhere: ViewState | null = null;
window.addEventListener('stro:set-view', (e) => {
  const { saysItself, ...view } = (e as CustomEvent<SetView>).detail;
  const next = parseState(query(view), domain);
  if (!ready || sameState(next, store.get())) return;
  saidElsewhere = saysItself ? next : null;
  setViewFromPage(next);
});

/**
 * What the derivation panel needs: the result shown, and where each of its numbers comes from (the
 * robustness page's own numbers, 'robust:…', from the context that page holds: robustness.ts).
 */
function panelContext(engine: Engine, state: ViewState, result: Result): import('./panel.ts').PanelContext {
  return { result, derive: (path: string) => (isRobustPath(path) ? deriveRobustPath(path) : engine.derive(state, path)) };
}

/** Redraw the figures; if their code cannot load, mark them out of date and say so. True when they match. */
async function renderFigures(result: AnalysisResult, state: ViewState, token: number, engine: Engine): Promise<boolean> {
  const hosts = document.querySelectorAll<HTMLElement>('[data-figure]');
  if (hosts.length === 0) return true;
  let figures: typeof import('./figures.ts');
  try {
    figures = await loadFigures();
  } catch {
    if (token !== renderToken) return false;
    // A chart that does not follow the view is still right while the data are the ones it was drawn from.
    const stale = [...hosts].filter((host) => !(figuresSet === dataSet && VIEW_INDEPENDENT_FIGURES.has(host.dataset.figure ?? '')));
    if (stale.length === 0) return true;
    markFiguresOutOfDate(stale);
    setAlert(`${FIGURES_FAILED} for your view: the code that draws them did not load${whyNotLoaded()}. The numbers and sentences show your view (${viewSummary(state, domain, categoryName)}); each chart is marked out of date and still shows ${figuresWords()}. Change the view again to retry.`);
    return false;
  }
  if (token !== renderToken) return false;
  figures.useEngine(engine);
  figures.renderAll(result, engine.kind === 'study' ? await engine.compute(defaults) : undefined);
  if (token !== renderToken) return false;
  figuresShown = state;
  figuresSet = dataSet;
  figuresSummary = viewSummary(state, domain, categoryName);
  markFiguresOutOfDate(hosts, false);
  return true;
}

const FIGURES_FAILED = 'The charts on this page could not be redrawn';

/**
 * Charts left out of date because their code did not load are redrawn for the view shown once it
 * has loaded after all (the reader's next use of the headline figure loads it), so that what the
 * reader inspects is the view's drawing, not the new view's squares laid over the old.
 */
async function catchUpFigures(figures: typeof import('./figures.ts')): Promise<void> {
  if (!lastResult || (figuresSet === dataSet && sameState(figuresShown, shown))) return;
  const token = renderToken;
  try {
    const engine = await loadEngine();
    // drawn at once, not when the observer first reports them, so that nothing redraws the figure under the reader's input
    await figures.placed;
    if (token !== renderToken) return; // a render under way draws them
    const drawn = await renderFigures(lastResult, shown, token, engine);
    if (drawn && alertBox?.textContent?.startsWith(FIGURES_FAILED)) setAlert('');
  } catch {
    // the engine did not load: the charts stay marked out of date, as they are
  }
}

/** Each figure says, visibly and in words, that it does not show the view on screen. */
function markFiguresOutOfDate(hosts: Iterable<HTMLElement>, stale = true): void {
  markOutOfDate(hosts, stale ? `Out of date: this chart and its caption still show ${figuresWords()}, not your view.` : null);
}

/** The engine could not run: say so, and put the controls and the address back to what is shown. */
function cannotRecompute(asked: ViewState, source: Source): void {
  endGesture();
  setUpdating(null);
  if (data === 'local') document.documentElement.dataset.source = 'local'; // not left hidden as opening: the alert says what is shown
  store.revert(shown);
  showView(shown);
  replaceAddressNow(url(shown));
  setDownloads(data === 'study' && sameState(shown, defaults) ? 'static' : lastResult);
  const what = source === 'load' ? "The view in this page's address" : source === 'history' ? 'The view you went back or forward to' : 'Your change';
  setAlert(`${what} (${viewSummary(asked, domain, categoryName)}) could not be applied: the part of the report that recomputes the numbers did not load${whyNotLoaded()}. The page still shows ${viewSummary(shown, domain, categoryName)}, and the controls and the address are back to that view. Change the view again to retry.`);
  markView(shown);
}

/**
 * The view on screen, on the root element: html[data-view] is its address's query ('default' for the
 * study's view), which tests and the page's own parts read; html[data-gapped] is set when it leaves
 * months out, so that CSS can say so (an offer to leave 6 months out is not made to a view that already
 * leaves out months: a copy-editor met it at ?gap=6&weights=low and ?gap=12).
 */
function markView(state: ViewState): void {
  const html = document.documentElement;
  html.dataset.view = query(state) || 'default';
  if (state.gap) html.dataset.gapped = '';
  else delete html.dataset.gapped;
}

/**
 * Between a new view on the controls and its numbers on the page (the engine's code still loading,
 * on a slow connection, for an address with a view of its own), the page says which view its
 * numbers still show, and they are dimmed: the controls never stand over another view's numbers
 * unannounced. CSS shows both only after a quarter of a second (ViewBar.astro), so a change that
 * takes a frame shows neither; a render that finishes in the task it started in never sets it (render()).
 * `null`: the numbers on the page are the view's.
 */
function setUpdating(asked: ViewState | null): void {
  if (asked === null) clearTimeout(updatingTimer);
  const root = document.documentElement;
  if (asked === null && !root.hasAttribute('data-updating')) return;
  const pending = asked !== null && !sameState(asked, shown) && root.dataset.source !== 'loading';
  if (pending) {
    const words = data === 'study' && sameState(shown, defaults) ? "the study's view" : `the view ${viewSummary(shown, domain, categoryName)}`;
    if (updatingShown && updatingShown.textContent !== words) updatingShown.textContent = words;
  }
  root.toggleAttribute('data-updating', pending);
  document.getElementById('content')?.toggleAttribute('aria-busy', pending);
}

function setAlert(text: string): void {
  if (alertBox && alertBox.textContent !== text) alertBox.textContent = text;
}

// ---- downloads of the results: rebuilt on every render from the result on screen, named after the
// view, and disabled (no href) while the page is between views.
/** The result on screen (set with `shown`), for the downloads if a later view cannot be shown. */
let lastResult: AnalysisResult | null = null;
const downloadLinks = document.querySelectorAll<HTMLAnchorElement>('a[data-download]');
const staticDownloads = [...downloadLinks].map((a) => ({ href: a.getAttribute('href'), name: a.getAttribute('download') }));
/**
 * Above this many people, the full results (8 MB of JSON for 41,000, and a tenth of a second or
 * more to write) are written when the link is clicked, not on every change of view.
 */
const WRITE_ON_CLICK_PEOPLE = 1_000;
const writeOnClick = new WeakMap<HTMLAnchorElement, () => Blob>();
for (const link of downloadLinks) {
  link.addEventListener('click', (e) => {
    const write = writeOnClick.get(link);
    if (!write) return;
    e.preventDefault();
    writeOnClick.delete(link);
    link.href = URL.createObjectURL(write());
    link.click();
  });
}
/** The reader's own files behind the view shown, for the command a printed download link names. */
let downloadsOwn: Parameters<typeof commandParts>[1];
function setDownloads(result: AnalysisResult | null | 'static'): void {
  downloadLinks.forEach((link, k) => {
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    writeOnClick.delete(link);
    delete link.dataset.printCommand;
    if (result === null) {
      link.removeAttribute('href');
      link.setAttribute('role', 'link');
      link.setAttribute('aria-disabled', 'true');
      return;
    }
    link.removeAttribute('role');
    link.removeAttribute('aria-disabled');
    if (result === 'static') {
      link.setAttribute('href', staticDownloads[k].href!);
      link.setAttribute('download', staticDownloads[k].name!);
      return;
    }
    const json = link.dataset.download === 'json';
    const about: ExportData = data === 'local' ? { kind: 'local', files: document.querySelector('[data-local-banner]')?.textContent ?? 'your own files' } : { kind: 'study' };
    const write = () => new Blob([json ? resultsJson(result, about) : resultsCsv(result, about)], { type: json ? 'application/json;charset=utf-8' : 'text/csv;charset=utf-8' });
    link.download = resultsFileName(result, json ? 'json' : 'csv', about);
    // On paper a file made in the browser has no address: the printout names the command that writes
    // it instead, as the R script's link does (a reader printing ?w=12 found these two with neither).
    const command = plain(commandParts(result, data === 'local' ? downloadsOwn : undefined));
    link.dataset.printCommand = json ? command : command.replace(/ --json$/, ' --csv');
    if (json && result.perOrder.length > WRITE_ON_CLICK_PEOPLE) {
      link.href = '#';
      writeOnClick.set(link, write);
    } else link.href = URL.createObjectURL(write());
  });
}

/** Set a live value; briefly highlight it when the reader caused the change (not under reduced motion). */
function setText(el: HTMLElement, text: string, changed: boolean): void {
  if (el.textContent === text) return;
  el.textContent = text;
  if (changed) flash(el);
}

// At most one recomputation per frame. A change when none has been drawn since the last frame is
// drawn at once, in the task that made it, so its work overlaps the wait for the next frame
// instead of starting after it (a click on a category is painted up to a frame sooner). Changes
// that follow within the same frame (a slider dragged) wait for it, and only the latest is drawn.
let queued: { state: ViewState; source: Source } | null = null;
let drawnThisFrame = false;
store.subscribe((state, source) => {
  panel?.markStale();
  queued = { state, source: queued?.source === 'control' ? 'control' : source };
  if (!drawnThisFrame) drawQueued();
});
function drawQueued(): void {
  const next = queued;
  queued = null;
  drawnThisFrame = next !== null;
  if (!next) return;
  requestAnimationFrame(drawQueued);
  void render(next.state, next.source);
}

// ---- "Show as table": opening one leaves its summary where it is. A figure is never the scroll
// anchor (global.css), so the browser anchored on the text after it and, as the table opened above
// that text, scrolled the page down by the table's height, leaving the summary and its focus far
// above the screen (an accessibility review: 11,346 px on the specification curve). Anchoring is
// off for the frames in which the table opens or closes; the content below simply moves.
document.addEventListener('click', (e) => {
  if (!(e.target instanceof Element) || !e.target.closest('figure.figure details > summary')) return;
  const scrollers = [document.documentElement, document.body];
  for (const el of scrollers) el.style.overflowAnchor = 'none';
  requestAnimationFrame(() => requestAnimationFrame(() => { for (const el of scrollers) el.style.overflowAnchor = ''; }));
}, true);

// ---- print: every table opens, the printout names its address, and links print their targets.
let closedForPrint: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  closedForPrint = [...document.querySelectorAll('details')].filter((d) => !d.open);
  for (const d of closedForPrint) d.open = true;
  const address = document.querySelector('[data-print-address]');
  flushAfterFrame();
  // The address of the view the page has drawn: before the address's own view is drawn (its code
  // still loading), the numbers on paper are another view's, and the printout says which.
  const drawn = new URL(location.pathname + query(shown) + location.hash, location.href).href;
  if (address) address.textContent = drawn === location.href ? drawn : `${drawn}. This page's address, ${location.href}, asks for another view, which had not been drawn when it was printed`;
  // A link's target prints after it: not a place on this page, not a file the page made in this
  // browser (a download's blob: address means nothing on paper), not a built file that is only the
  // study's view's (data-view-file) when another view is printed, and not twice when its text is the address.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('article a[href], .banner a[href], footer a[href]')) {
    const href = a.getAttribute('href')!;
    const otherView = a.hasAttribute('data-view-file') && query(shown) !== '';
    if (href.startsWith('#') || a.href.startsWith('blob:') || otherView || a.textContent?.trim() === a.href) delete a.dataset.printHref;
    else a.dataset.printHref = a.href;
  }
});
window.addEventListener('afterprint', () => {
  for (const d of closedForPrint) d.open = false;
  closedForPrint = [];
});

// ---- start: the HTML shows the study's default view; only a different view, or other data, needs recomputing.
/** False until the page knows which data it shows (the controls stay disabled until then). */
let ready = false;
// The script has started: the header's "has not started" notice (global.css) stays hidden.
document.documentElement.dataset.started = '';
enableHandles();
const side = document.querySelector<HTMLElement>('[data-side-scroll]');
const sideMore = document.querySelector<HTMLElement>('[data-side-more]');
if (side && sideMore) watchSideMore(side, sideMore);
if (wantsLocal) void openLocal();
else startStudy();
showCurrentPage();

/**
 * On a phone the page list is one row that scrolls sideways (Report.astro): the current page's entry
 * is scrolled into it, sideways only (scrollIntoView could move the page as well). Read before written.
 */
function showCurrentPage(): void {
  const list = document.querySelector<HTMLElement>('.site-nav ol');
  const current = list?.querySelector<HTMLElement>('a[aria-current="page"]');
  if (list && current) centreInRow(list, current);
  // A link the keyboard moves to is brought into the row's view the same way: the browser's own
  // scrolling stopped with most of it under the row's faded edge ("6." of "6. How robust?" at 390px:
  // an accessibility review).
  // Only for the keyboard's focus (:focus-visible): a tap focuses the link as the press starts, and
  // scrolling the row then moved it from under the finger, so the tap opened nothing (a re-check).
  list?.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLAnchorElement && e.target.matches(':focus-visible')) centreInRow(list, e.target);
  });
}

/** Centre a page link in the page list where the list is one row that scrolls sideways (the browser stops at either end). */
function centreInRow(list: HTMLElement, item: HTMLElement): void {
  // Only where the list is a row (a wide screen lays it out as a column, and is not made to measure it).
  if (!matchMedia('(max-width: 52rem)').matches || list.scrollWidth <= list.clientWidth) return;
  const [box, at] = [list.getBoundingClientRect(), item.getBoundingClientRect()];
  list.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
}

/**
 * The build's number buttons and keyboard figures wait for this script: without it they would be
 * tab stops that do nothing, and figures whose names promise arrow keys. The build gives them
 * tabindex="-1" (and the figures their instructions in data-keys-label); buttons made here have none.
 */
function enableHandles(): void {
  // Without this script they are announced as unavailable, not as buttons that open a dialog (an
  // accessibility review heard "210, button, opens dialog", and Enter did nothing): that comes here.
  for (const b of document.querySelectorAll<HTMLElement>('button.num[tabindex="-1"]')) {
    b.removeAttribute('tabindex');
    b.removeAttribute('aria-disabled');
    b.setAttribute('aria-haspopup', 'dialog');
  }
  // With its keys, a figure is a widget of its own: role=application, so that a screen reader switches to
  // focus mode on it and passes the arrow keys through (as a group, NVDA and JAWS keep them to move their
  // reading cursor, and no arrest was ever announced: an accessibility review).
  for (const g of document.querySelectorAll<HTMLElement>('[data-keys-label]')) {
    g.tabIndex = 0;
    g.setAttribute('role', 'application');
    g.setAttribute('aria-roledescription', 'interactive figure');
    g.setAttribute('aria-label', g.dataset.none !== undefined ? UNITS_NONE_LABEL : g.dataset.keysLabel!);
  }
  // On a phone the figures' help (the headline squares, the specification curve) speaks of taps, not of arrow keys and Esc.
  if (touchOnly()) {
    for (const p of document.querySelectorAll<HTMLElement>('[data-inspector]')) {
      if (p.textContent === UNITS_HELP) p.textContent = UNITS_TOUCH_HELP;
      else if (p.textContent === SPECIFICATION_HELP) p.textContent = SPECIFICATION_TOUCH_HELP;
    }
  }
}

// Forget in another tab forgets this tab's copy too: a page showing the reader's data turns to the
// study's (as the Forget button does), and the offer to show them again goes. A tab with no files
// (most readers') opens no channel.
function listenForForget(): void {
  onForgetElsewhere(() => {
    if (data === 'local' || document.documentElement.dataset.source === 'loading') location.assign(location.pathname + location.hash);
    else document.getElementById('local-return')?.setAttribute('hidden', '');
  });
}
if (wantsLocal || tabHasData()) listenForForget();

function startStudy(): void {
  ready = true;
  const initial = store.get();
  showView(initial);
  if (!sameState(initial, defaults)) void render(initial, 'load');
  else markView(initial);
  if (tabHasData()) void import('./localPage.ts').then((m) => m.offerReturn(), () => undefined);
}

/** An address with data=local: the reader's files from this tab (or remembered on this device), or the study's data with a word why. */
async function openLocal(): Promise<void> {
  document.documentElement.dataset.source = 'loading';
  // Their numbers may be ready at once (kept from an earlier page), so the figure code loads meanwhile.
  if (document.querySelector('[data-figure]')) void loadFigures().catch(() => undefined);
  let outcome: Awaited<ReturnType<typeof import('./localPage.ts').openStored>>;
  try {
    const page = await import('./localPage.ts');
    outcome = await page.openStored();
  } catch {
    outcome = { ok: false, message: `This address asks for your own data, but the part of the report that reads them did not load${whyNotLoaded()}. The page shows the study's synthetic data instead.` };
  }
  if (outcome.ok) {
    // Receiving large data from the worker is a task of its own; the page is redrawn in the next.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await useData(outcome.engine, outcome.result);
    return;
  }
  document.documentElement.dataset.source = 'study';
  asked = parseStateReport(location.search, domain);
  store.revert(asked.state);
  canonicalise(asked.ignored.filter((p) => p.name !== 'data'), outcome.message);
  startStudy();
}

/**
 * Show the reader's own data on this page, from now on (after openLocal, or an upload on "Use your
 * own data"): the domain, the controls, the banner and the address follow their data, and every
 * number, sentence, table and figure is recomputed from them.
 */
async function useData(engine: Engine, full: Result): Promise<void> {
  const page = await import('./localPage.ts');
  data = 'local';
  dataSet += 1;
  listenForForget();
  domain = engine.domain;
  names = engine.categoryNames;
  defaults = defaultState(domain);
  loadEngine = () => Promise.resolve(engine);
  setActive(engine);
  asked = parseStateReport(location.search, domain);
  store.revert(asked.state);
  lastResult = full;
  page.showLocal(engine, form);
  // The reset link returns to the full view of the reader's data, not to the study's data.
  document.getElementById('reset')?.setAttribute('href', `./${serialiseState(defaults, domain, 'local')}`);
  canonicalise(asked.ignored);
  ready = true;
  panel?.closePanel(false);
  void render(asked.state, 'load');
}
window.addEventListener('stro:data', (e) => {
  const { engine, result } = (e as CustomEvent<{ engine: Engine; result: Result }>).detail;
  replaceAddressNow(location.pathname + serialiseState(defaultState(engine.domain), engine.domain, 'local') + location.hash);
  void useData(engine, result);
});

// The build's charts (one drawing for wide columns, one for phones, chosen by CSS) stay until a
// column is far from the drawing shown (a laptop window between sizes, a small phone, a turn of
// the screen); only then does the figure code load, and it redraws those charts at their width.
if (document.querySelector('[data-figure]')) {
  const columns = new ResizeObserver((entries) => {
    const far = entries.some((e) => {
      const width = Math.floor(e.contentBoxSize?.[0]?.inlineSize ?? e.contentRect.width);
      const drawn = variantWidth(e.target as HTMLElement);
      return width > 0 && drawn !== undefined && isFar(width, drawn);
    });
    if (far) void loadFigures().then(() => columns.disconnect(), () => undefined);
  });
  for (const plot of document.querySelectorAll<HTMLElement>('[data-figure] .plot')) columns.observe(plot);
}

// After the load event, when the browser is idle, the engine (and on pages with figures, the
// figure code) load in the background, so that the first change of view is fast without delaying
// the first paint. A load that fails here is silent: the first use tries again and says so.
{
  const needsEngine = form !== null || document.querySelector('[data-figure], button.num[data-path]') !== null;
  idleAfterLoad(() => {
    if (!needsEngine) return;
    void loadNames().catch(() => undefined);
    // With the reader's own data on the way (or shown), the study's engine, and the parse of the
    // study's files it brings, are not needed: only the figure code is.
    if (data === 'local' || document.documentElement.dataset.source === 'loading') {
      if (document.querySelector('[data-figure]')) void loadFigures().catch(() => undefined);
      return;
    }
    loadEngine().then((engine) => {
      // The view on screen is the build's (or the address's): the views one step from it next.
      if (form) engine.warm?.(store.get());
      if (document.querySelector('[data-figure]')) idle(() => void loadFigures().catch(() => undefined));
    }, () => undefined);
  });
}

// ---- every number opens its derivation (buttons: Enter and Space give a click)
document.addEventListener('click', (e) => {
  const handle = (e.target as Element | null)?.closest?.<HTMLElement>('button.num[data-path]');
  if (!handle) return;
  void Promise.all([loadEngine(), loadPanel()]).then(([engine, p]) => {
    if (alertBox?.textContent?.startsWith(DERIVATION_FAILED)) setAlert(''); // it loads now: the last failure is past
    if (!handle.isConnected) return;
    const state = shown;
    return engine.compute(state).then((result) => {
      if (handle.isConnected) return p.open(handle, panelContext(engine, state, result));
    });
  }, () => setAlert(`${DERIVATION_FAILED}: the code that explains it did not load${whyNotLoaded()}. Try again in a moment.`));
});

const DERIVATION_FAILED = "This number's derivation could not be opened";
// Figures with their own interaction (the headline units) load their code on first use: the
// first pointer entry, focus or touch on the figure starts the load, so nothing of Plot, d3 or the
// engine is fetched at start-up. A click, tap or key that arrives before that code is ready is not
// lost: it is held (a key the figure uses does not scroll the page meanwhile) and handled once the
// figure is wired up. If the code cannot load, the figures stay as built (they show the view they
// say they show) and the next use tries again.
const UNIT_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'Enter', ' ']);
for (const plot of document.querySelectorAll<HTMLElement>('.plot.units')) {
  let wired = false;
  let held: Event[] = [];
  const wire = once(() => loadFigures().then(async (f) => {
    await catchUpFigures(f);
    // Until the figure is first redrawn, its squares are those of the view the charts were last drawn for.
    f.enhance(() => loadEngine().then(async (e) => ({ dataset: e.dataset!, result: await e.compute(figuresShown) })));
    wired = true;
    for (const type of ['pointerenter', 'focusin', 'touchstart', 'click', 'keydown']) plot.removeEventListener(type, early);
    const replay = held;
    held = [];
    for (const e of replay) {
      plot.dispatchEvent(e instanceof KeyboardEvent
        ? new KeyboardEvent('keydown', { key: e.key, code: e.code, bubbles: true, cancelable: true })
        : new MouseEvent('click', { clientX: (e as MouseEvent).clientX, clientY: (e as MouseEvent).clientY, bubbles: true, cancelable: true }));
    }
  }));
  function early(e: Event): void {
    if (wired) return;
    if (e.type === 'click') held.push(e);
    else if (e instanceof KeyboardEvent) {
      if (!UNIT_KEYS.has(e.key)) return;
      e.preventDefault();
      held.push(e);
    }
    wire().catch(() => (held = []));
  }
  for (const type of ['pointerenter', 'focusin', 'click', 'keydown']) plot.addEventListener(type, early);
  plot.addEventListener('touchstart', early, { passive: true });
}

// "Change" in the view bar takes the reader to the controls, with focus on the first of them; and
// the controls then offer the way back to the passage the reader left (on a phone the controls are at
// the top of a long page, and the change's effect is far below them).
if (form && location.hash === '#controls') form.dataset.open = '';
let reading: HTMLElement | null = null;
const backRow = form?.querySelector<HTMLElement>('[data-back-row]');
for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-change-view]')) {
  a.addEventListener('click', (e) => {
    // Where the reader is, before the controls open above it and move the page down.
    const passage = passageInView();
    if (form) form.dataset.open = ''; // on a phone the controls are shown only on request
    const first = form?.querySelector<HTMLInputElement>('input:not([disabled])');
    if (!first) return;
    e.preventDefault();
    reading = passage;
    if (backRow) backRow.hidden = reading === null;
    form!.scrollIntoView({ block: 'start' });
    first.focus({ preventScroll: true });
  });
}
backRow?.querySelector('a')?.addEventListener('click', (e) => {
  e.preventDefault();
  if (!reading?.isConnected) return;
  if (!reading.hasAttribute('tabindex')) reading.tabIndex = -1;
  reading.scrollIntoView({ block: 'start' });
  reading.focus({ preventScroll: true });
  backRow.hidden = true;
});

/**
 * The first block of the page's text that starts on the screen, under the sticky bar (a heading, a
 * paragraph, a figure, a table), outside the controls; where none starts there (a long paragraph, a figure or
 * a table filling a zoomed screen: 13 of 22 reading places at 400% zoom had no way back, an
 * accessibility review found), the last block that covers the top of the screen; null when neither.
 */
function passageInView(): HTMLElement | null {
  const top = (document.querySelector('.view-bar')?.getBoundingClientRect().bottom ?? 0) - 4;
  let covering: HTMLElement | null = null;
  for (const el of document.querySelectorAll<HTMLElement>('main :is(h2, h3, p, figure, ul, ol, pre, .table-wrap)')) {
    if (form?.contains(el) || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
    const box = el.getBoundingClientRect();
    if (box.height === 0) continue;
    if (box.top < top) {
      if (box.bottom > top) covering = el;
      continue;
    }
    return box.top < window.innerHeight ? el : covering;
  }
  return covering;
}
