// The report's interactive layer. The static HTML already shows the default view; this script
// reads the view from the URL, keeps the controls, the URL and the page in step, and recomputes
// everything through analyse() when the view changes. The engine and the figure code load only
// when they are first needed.

import { createStore, type Source } from './store.ts';
import { defaultState, parseState, sameState, serialiseState, type StateDomain, type ViewState } from '../lib/urlState.ts';
import { liveText, sentenceParts, type FormatName } from '../lib/live.ts';
import { announcement, plain } from '../lib/wording.ts';
import { TABLES, type TableName } from '../lib/tables.ts';
import { fillSegments, fillTable } from './dom.ts';
import type { AnalysisResult } from '../analysis/analyse.ts';

const domain: StateDomain = JSON.parse(document.getElementById('stro-domain')!.textContent!);
const defaults = defaultState(domain);
const store = createStore(parseState(location.search, domain));
const form = document.getElementById('controls') as HTMLFormElement | null;
const announcer = document.getElementById('announcer');

const loadEngine = once(() => import('./engine.ts'));
const loadFigures = once(() => import('./figures.ts'));
// The derivation panel and its maths load the first time a reader opens a number.
let panel: typeof import('./panel.ts') | undefined;
const loadPanel = once(() => import('./panel.ts').then((m) => (panel = m)));

function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}

// ---- controls <-> state
function readControls(): ViewState {
  if (!form) return store.get();
  const categories = [...form.querySelectorAll<HTMLInputElement>('input[name="category"]')].filter((i) => i.checked).map((i) => i.value);
  const window = Number((form.elements.namedItem('window') as HTMLInputElement).value);
  const legacy = form.querySelector<HTMLInputElement>('input[name="wilcoxon"][value="legacy"]')?.checked;
  return legacy ? { window, categories, wilcoxon: 'legacy' } : { window, categories };
}

function writeControls(state: ViewState): void {
  if (!form) return;
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLFieldSetElement>('fieldset, input')) el.disabled = false;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="category"]')) box.checked = state.categories.includes(box.value);
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="wilcoxon"]')) radio.checked = radio.value === (state.wilcoxon ?? 'current');
  const slider = form.elements.namedItem('window') as HTMLInputElement;
  const label = `${state.window} ${state.window === 1 ? 'month' : 'months'}`;
  slider.value = String(state.window);
  slider.setAttribute('aria-valuetext', label);
  const output = document.getElementById('window-value');
  if (output) output.textContent = label;
}

// ---- state -> URL and links
/** Links to other pages of the report carry the view with them (downloads and anchors do not need it). */
function updateLinks(query: string): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (a.hasAttribute('download') || a.id === 'reset') continue;
    const url = new URL(a.getAttribute('href')!, location.href);
    if (url.origin !== location.origin || /\.[a-z]+$/i.test(url.pathname)) continue;
    if (url.pathname === location.pathname && url.hash) continue;
    url.search = query;
    a.href = url.pathname + url.search + url.hash;
  }
}

let midGesture = false; // a slider drag is one history entry, not one per step
form?.addEventListener('input', () => {
  const next = readControls();
  if (sameState(next, store.get())) return;
  const url = location.pathname + serialiseState(next, domain) + location.hash;
  if (midGesture) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  midGesture = true;
  store.set(next, 'control');
});
form?.addEventListener('change', () => (midGesture = false));
form?.addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('popstate', () => {
  midGesture = false;
  const state = parseState(location.search, domain);
  if (sameState(state, store.get())) return; // e.g. moving between anchors on the page
  writeControls(state);
  store.set(state, 'history');
});

// ---- state -> page
let renderToken = 0;
async function render(state: ViewState, source: Source): Promise<void> {
  const token = ++renderToken;
  writeControls(state);
  updateLinks(serialiseState(state, domain));
  const { compute } = await loadEngine();
  if (token !== renderToken) return;
  performance.mark('stro:start');
  const result = compute(state);
  performance.mark('stro:computed');
  const flash = source !== 'load';
  for (const el of document.querySelectorAll<HTMLElement>('[data-live]')) {
    setText(el, liveText(result, el.dataset.live!, el.dataset.format as FormatName), flash);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-say]')) {
    const parts = sentenceParts(result, el.dataset.say!);
    if (el.textContent === plain(parts)) continue;
    fillSegments(el, parts);
    highlight(el, flash);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-table]')) {
    const table = el.querySelector('table');
    if (table) fillTable(table, TABLES[el.dataset.table as TableName](result));
  }
  await renderFigures(result, token);
  if (token === renderToken && panel) panel.update({ result, dataset: (await loadEngine()).dataset });
  // Measured by `npm run bench:browser`: analyse() alone, and everything from a change to a redrawn page.
  performance.measure('stro:analyse', 'stro:start', 'stro:computed');
  performance.measure('stro:update', 'stro:start');
  if (announcer && source !== 'load') announcer.textContent = announcement(result);
  document.documentElement.dataset.view = serialiseState(state, domain) || 'default';
}

async function renderFigures(result: AnalysisResult, token: number): Promise<void> {
  const hosts = document.querySelectorAll<HTMLElement>('[data-figure], [data-download]');
  if (hosts.length === 0) return;
  const figures = await loadFigures();
  if (token !== renderToken) return;
  figures.renderAll(result, (await loadEngine()).compute(defaults));
}

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** Set a live value; briefly highlight it when the reader caused the change (not under reduced motion). */
function setText(el: HTMLElement, text: string, flash: boolean): void {
  if (el.textContent === text) return;
  el.textContent = text;
  highlight(el, flash);
}

function highlight(el: HTMLElement, flash: boolean): void {
  if (flash && !reducedMotion.matches) {
    el.animate([{ backgroundColor: '#fff1c2' }, { backgroundColor: 'transparent' }], { duration: 600, easing: 'ease-out' });
  }
}

// At most one recomputation per frame: while a slider is dragged, intermediate values that
// arrive within the same frame are skipped and only the latest view is drawn.
let queued: { state: ViewState; source: Source } | null = null;
store.subscribe((state, source) => {
  panel?.markStale();
  const first = queued === null;
  queued = { state, source: queued?.source === 'control' ? 'control' : source };
  if (first) {
    requestAnimationFrame(() => {
      const next = queued!;
      queued = null;
      void render(next.state, next.source);
    });
  }
});

// ---- print: every table opens, the printout names its address, and links print their targets.
let closedForPrint: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  closedForPrint = [...document.querySelectorAll('details')].filter((d) => !d.open);
  for (const d of closedForPrint) d.open = true;
  const address = document.querySelector('[data-print-address]');
  if (address) address.textContent = location.href;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('article a[href]')) {
    if (!a.getAttribute('href')!.startsWith('#')) a.dataset.printHref = a.href;
  }
});
window.addEventListener('afterprint', () => {
  for (const d of closedForPrint) d.open = false;
  closedForPrint = [];
});

// ---- start: the HTML shows the default view; only a different view needs recomputing.
const initial = store.get();
writeControls(initial);
updateLinks(serialiseState(initial, domain));
if (!sameState(initial, defaults)) void render(initial, 'load');
else document.documentElement.dataset.view = 'default';

// ---- every number opens its derivation (buttons: Enter and Space give a click)
document.addEventListener('click', (e) => {
  const handle = (e.target as Element | null)?.closest?.<HTMLElement>('button.num[data-path]');
  if (!handle) return;
  void Promise.all([loadEngine(), loadPanel()]).then(([engine, p]) => {
    if (!handle.isConnected) return;
    p.open(handle, { result: engine.compute(store.get()), dataset: engine.dataset });
  });
});

// Figures with their own interaction (the headline units) wire themselves up once loaded.
if (document.querySelector('[data-figure]')) {
  void loadFigures().then((f) => f.enhance(() => loadEngine().then((e) => ({ dataset: e.dataset, result: e.compute(store.get()) }))));
}
