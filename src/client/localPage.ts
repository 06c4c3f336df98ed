// The page around a reader's own data: reading them back from this tab (openStored), and turning
// the page over to them (showLocal): the banner that names their files, the controls built from
// their categories and design window, and the study's own passages stepped aside (CSS hides
// [data-study-only] and shows [data-local-only] under html[data-source="local"]). Loaded only
// when the reader's data are involved, so the study's pages carry none of it.
import type { AnalysisResult } from '../analysis/analyse.ts';
import { categoryColor, categoryStroke } from '../charts/palette.ts';
import { bannerText, fileList, followupText, libertyText, libertyWhatText } from '../lib/ownData.ts';
import type { Engine } from './engineTypes.ts';
import { ENGINE_VERSION, loadLocal, openLocal, prepare, restoreLocal } from './localEngine.ts';
import { idle } from './idle.ts';
import { fillTable } from './dom.ts';
import { readCsv } from '../analysis/csv.ts';
import { cacheKey } from './ownCache.ts';
import { adoptCopy, clearTab, forget, isRemembered, leftBehind, loadForTab, missingWords, REMEMBERED, saveCache, sweep, tabCopyRef, tabHasData, wasForgotten } from './ownStorage.ts';

export type Opened = { ok: true; engine: Engine; result: AnalysisResult } | { ok: false; message: string };

/**
 * The reader's files kept in this tab (or remembered on this device). If what the worker found in
 * them is kept beside them under the key of these files, choices and engine (src/client/ownCache.ts),
 * the page shows it at once and the worker takes the checked dataset in the background; otherwise
 * the files are checked and analysed again, and what is found is kept for the next page.
 */
export async function openStored(): Promise<Opened> {
  setLoading('Loading your data from this browser…');
  prepare(); // the worker starts while the files are read back
  // Large files kept in IndexedDB are opened by the worker: they never cross to the page. So is the
  // copy remembered on this device, for a tab that has none: if it is large, the worker makes it
  // this tab's copy and the page takes its key (small ones are read below, into sessionStorage).
  const ref = tabCopyRef() ?? (!tabHasData() && await isRemembered().catch(() => false) ? REMEMBERED : null);
  if (ref) {
    // Meanwhile, other tabs' copies that no tab has used for 12 hours go (loadForTab does it on the other paths).
    void sweep().catch(() => undefined);
    performance.mark('stro:open-stored');
    try {
      const opened = await openLocal(ref, (detail) => setLoading(detail));
      performance.measure('stro:open-in-worker', 'stro:open-stored');
      if (opened !== 'missing') {
        if (opened.ok) {
          if (opened.stored) await adoptCopy(opened.stored);
          // Checked and analysed again (no cache, or one from another version): the worker keeps the new cache beside the files.
          if (!opened.fromCache) whenIdle(() => void opened.keep().catch(() => undefined));
          return { ok: true, engine: opened.engine, result: opened.result };
        }
        await clearTab();
        return { ok: false, message: unreadable(opened.problems.length) };
      }
      // the copy has gone (storage cleared): the remembered copy, if any, is read below
    } catch (e) {
      return { ok: false, message: failed(e) };
    } finally {
      setLoading('');
    }
  }
  let stored: Awaited<ReturnType<typeof loadForTab>>;
  // Marks and measures read by `npm run bench:browser`.
  performance.mark('stro:open-stored');
  try {
    stored = await loadForTab();
  } catch {
    stored = null;
  }
  performance.measure('stro:read-stored', 'stro:open-stored');
  if (!stored) {
    setLoading(''); // nothing is loading: the notice says why the study's data are shown
    // Removed by Forget, or never in this tab (another tab's, or another browser's). If a closed
    // tab left large files in this browser, the notice says where to delete them (only their keys
    // are read, and the tabs still open asked which copies are theirs).
    const left = await leftBehind().catch(() => undefined);
    return { ok: false, message: missingWords(wasForgotten(), left?.copies.length ?? 0) };
  }
  // Reading large files back, hashing them and unpacking their cache each take a while: each in a
  // task of its own, so that the page can answer the reader in between.
  await nextTask();
  performance.mark('stro:cache-key-start');
  const key = await cacheKey(stored.texts, ENGINE_VERSION).catch(() => null);
  performance.measure('stro:cache-key', 'stro:cache-key-start');
  if (key !== null && stored.cache?.key === key) {
    await nextTask();
    try {
      performance.mark('stro:restore-start');
      const { engine, result, ready } = restoreLocal(stored.texts, stored.cache);
      performance.measure('stro:restore', 'stro:restore-start');
      ready.catch((e: unknown) => setLoading(`The numbers shown were kept from when your files were analysed, but the part of the report that analyses them for other views could not take them (${e instanceof Error ? e.message : String(e)}). Changing the view, opening a number's derivation and the files for R will not work until the page is reloaded.`));
      setLoading('');
      return { ok: true, engine, result };
    } catch {
      // a cache that cannot be read back: the files are checked and analysed again below
    }
  }
  try {
    const outcome = await loadLocal(stored.texts, (detail) => setLoading(detail));
    if (outcome.ok) {
      // Kept for the next page, once this one has been drawn (under the key checked above: the worker makes it the same way).
      whenIdle(() => void outcome.keep().then((kept) => {
        if (kept && kept !== 'kept' && key !== null && kept.cache.key === key) return saveCache(kept.cache, kept.cacheText);
      }).catch(() => undefined));
      return { ok: true, engine: outcome.engine, result: outcome.result };
    }
    await clearTab();
    return { ok: false, message: unreadable(outcome.problems.length) };
  } catch (e) {
    return { ok: false, message: failed(e) };
  } finally {
    setLoading('');
  }
}

const unreadable = (problems: number) => `The data kept in this tab could not be read again (${problems} problems), so they were cleared. This page shows the study's synthetic data; load your files again on “Use your own data”.`;
const failed = (e: unknown) => `Your data could not be analysed in this browser: ${e instanceof Error ? e.message : String(e)}. This page shows the study's synthetic data instead.`;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Keeping a cache waits longer for the browser to be idle than preloading does. */
const whenIdle = (f: () => void) => idle(f, 5000, 1000);

function setLoading(text: string): void {
  const status = document.getElementById('local-status');
  if (status) status.textContent = text;
}

/**
 * Turn the page over to the reader's data: banner, controls and the study's passages. A page
 * opening them from its address (html[data-source="loading"]) stays hidden until main.ts has
 * written their numbers; after an upload on "Use your own data" the page is theirs at once.
 */
export function showLocal(engine: Engine, form: HTMLFormElement | null): void {
  const local = engine.local!;
  if (document.documentElement.dataset.source !== 'loading') document.documentElement.dataset.source = 'local';
  const banner = document.querySelector<HTMLElement>('[data-local-banner]');
  if (banner) banner.textContent = bannerText(local.summary);
  for (const el of document.querySelectorAll<HTMLElement>('[data-local-text]')) {
    const key = el.dataset.localText as keyof typeof LOCAL_TEXT;
    if (key in LOCAL_TEXT) el.textContent = LOCAL_TEXT[key](engine);
  }
  if (form) rebuildControls(form, engine);
  wireBanner();
  // Asked of the worker when the page is idle: its answer writes out every event too (engine.rInputs).
  for (const host of document.querySelectorAll<HTMLElement>('[data-own-harm-index]')) idle(() => void showOwnIndex(host, engine));
  // The events as the engine placed them (month and harm), for the R script: built on first use.
  // And orders tidied on upload (src/analysis/tidy.ts), which the reader's own file is not: the copy read.
  const tidiedOrders = /-tidied\.csv$/i.test(local.summary.orders.name);
  for (const note of document.querySelectorAll<HTMLElement>('[data-own-tidied-orders]')) note.hidden = !tidiedOrders;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-own-events-months], a[data-own-orders-read]')) {
    const orders = link.hasAttribute('data-own-orders-read');
    if (orders) link.download = local.summary.orders.name;
    link.addEventListener('click', async (e) => {
      if (link.href.startsWith('blob:')) return;
      e.preventDefault();
      const inputs = await engine.rInputs();
      link.href = URL.createObjectURL(new Blob([orders ? inputs.ordersCsv : inputs.eventsCsv], { type: 'text/csv;charset=utf-8' }));
      link.click();
    });
  }
}

/**
 * The reader's own harm index, where their harm was taken from it (Method: "The harm weights used
 * here"), as a table of its offences and weights, read from the file the worker checked. Hidden
 * otherwise: the page then says where their harm came from, and the bundled index's table follows.
 * Every cell is text from the reader's file, written as text.
 */
async function showOwnIndex(host: HTMLElement, engine: Engine): Promise<void> {
  const own = engine.local?.summary.harmIndex;
  host.hidden = true;
  if (!own) return;
  const { harmIndexCsv } = await engine.rInputs().catch(() => ({ harmIndexCsv: undefined }));
  const table = host.querySelector('table');
  const parsed = harmIndexCsv === undefined ? undefined : readCsv(own.name, harmIndexCsv).table;
  if (!parsed || !table || engine.local?.summary.harmIndex !== own) return;
  const wanted = ['offence', 'category', 'harm_days', 'sens_low', 'sens_high'].filter((c) => parsed.header.includes(c));
  const at = wanted.map((c) => parsed.header.indexOf(c));
  fillTable(table, {
    caption: `Your harm index, ${own.name}: the days each offence weighs (harm_days; sens_low and sens_high for the low and high weights, where given)`,
    columns: wanted,
    rows: parsed.records.map((r) => at.map((k) => r.fields[k]?.trim() ?? '')),
  });
  host.hidden = false;
}

/** Short statements about the reader's data that pages place with data-local-text="name". */
const LOCAL_TEXT = {
  heading: (e: Engine) => (e.local!.summary.study ? "These are the study's synthetic data, loaded as your files:" : 'These are your data:'),
  fileList: (e: Engine) => fileList(e.local!.summary),
  window: (e: Engine) => `${e.domain.span} ${e.domain.span === 1 ? 'month' : 'months'}`,
  harm: (e: Engine) => e.local!.summary.harm,
  /** Whose numbers these are, in a sentence: "your own data", or the study's loaded through "Try it with the study's data". */
  whose: (e: Engine) => (e.local!.summary.study ? "the study's synthetic data, loaded as your files" : 'your own data'),
  files: (e: Engine) => bannerText(e.local!.summary),
  /** How far the follow-up was checked: against the extraction date the reader gave, or only against the latest arrest. */
  followup: (e: Engine) => followupText(e.local!.summary),
  liberty: (e: Engine) => libertyText(e.local!.summary),
  libertyWhat: (e: Engine) => libertyWhatText(e.local!.summary),
} as const;

function rebuildControls(form: HTMLFormElement, engine: Engine): void {
  const { span, categories } = engine.domain;
  const fieldset = form.querySelector('fieldset.categories');
  const template = fieldset?.querySelector<HTMLLabelElement>('label.category');
  if (fieldset && template) {
    const legend = fieldset.querySelector('legend');
    // Each box is a copy of the build's own, so it keeps the component's scoped styles.
    const labels = categories.map((c) => {
      const label = template.cloneNode(true) as HTMLLabelElement;
      const input = label.querySelector('input')!;
      input.value = c;
      input.checked = true;
      const swatch = label.querySelector<HTMLElement>('.swatch')!;
      swatch.style.setProperty('--swatch', categoryColor(c, categories));
      swatch.style.setProperty('--swatch-edge', categoryStroke(c, categories));
      for (const node of [...label.childNodes]) if (node.nodeType === Node.TEXT_NODE) node.remove();
      label.append(engine.categoryNames[c] ?? c); // text from the data: a text node, never HTML
      return label;
    });
    fieldset.replaceChildren(...(legend ? [legend] : []), ...labels);
  }
  const slider = form.elements.namedItem('window') as HTMLInputElement | null;
  if (slider) {
    slider.max = String(span);
    slider.value = String(span);
  }
  const marks = form.querySelector('datalist');
  if (marks) {
    const values = [...new Set([1, 3, 6, 12, 18, 24, 36, 48, 60].filter((m) => m < span).concat(span))];
    marks.replaceChildren(...values.map((m) => Object.assign(document.createElement('option'), { value: String(m), label: String(m) })));
  }
  form.dataset.span = String(span);
}

let wired = false;
function wireBanner(): void {
  if (wired) return;
  wired = true;
  const study = () => {
    const url = new URL(location.href);
    url.search = '';
    return url.pathname + url.hash;
  };
  document.querySelector('[data-back-to-study]')?.addEventListener('click', () => location.assign(study()));
  // After Forget, this page at ?data=local: it finds nothing now, says that the data were removed
  // (missingWords), shows the study's data and drops ?data=local from the address.
  const forgotten = () => {
    const url = new URL(location.href);
    return `${url.pathname}?data=local${url.hash}`;
  };
  const forgetButton = document.querySelector<HTMLButtonElement>('[data-forget]');
  void isRemembered().then((kept) => {
    if (forgetButton) forgetButton.textContent = kept ? 'Forget my data (this tab and this device)' : 'Forget my data';
  }, () => undefined);
  forgetButton?.addEventListener('click', () => {
    void forget().finally(() => location.assign(forgotten()));
  });
  // Back to this page after Forget (here or in another tab), a browser that kept it whole (its
  // back/forward cache) would show the data again: it loads afresh instead, and says they were removed.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted && !tabHasData()) location.reload();
  });
}

/** On the study's data, if this tab still holds the reader's own: offer to show them again. */
export function offerReturn(): void {
  if (!tabHasData()) return;
  const line = document.getElementById('local-return');
  const link = line?.querySelector<HTMLAnchorElement>('a');
  if (!line || !link) return;
  const url = new URL(location.href);
  url.search = '?data=local';
  link.href = url.pathname + url.search + url.hash;
  line.hidden = false;
}
