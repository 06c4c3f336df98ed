// "Check in R" and "Download R script", loaded only when the reader clicks one of them
// (src/components/CheckInR.astro). The check writes the view's CSV files (with the harm index when
// the view takes harm from its weights) into webR's file system,
// runs the base-R script from emitR() for the view on screen, and compares every number R prints
// with the engine's number for the same path. webR itself loads later still, from ./webr.ts.
import type { AnalysisResult } from '../analysis/analyse.ts';
import { categoryName } from '../analysis/categories.ts';
import { emitR, parseROutput, type EmitROptions } from '../analysis/emitR.ts';
import { compareWithR, comparisonSummary, emitRGenerator, failureMessage, formatExact, rScriptFileName, type Comparison } from '../lib/rCheck.ts';
import { ANALYZE, shellWords, sourceArguments, viewArguments } from '../lib/cliArguments.ts';
import { parseState, type StateDomain } from '../lib/urlState.ts';
import { activeEngine } from './active.ts';
import type { Engine } from './engineTypes.ts';
import { showError } from './outOfDate.ts';

export interface CheckInput {
  /** The two CSV texts the view is computed from (the bundled data, or the reader's own as the engine placed them). */
  ordersCsv: string;
  eventsCsv: string;
  /** The harm index, which the view's weights (if any) are taken from. */
  harmIndexCsv?: string;
  view: EmitROptions;
  /** The engine's result for the same data and view. */
  result: AnalysisResult;
  onStage?: (stage: 'loading' | 'running' | 'comparing') => void;
}

/** The data in view: the reader's own if shown, else the study's (loaded on demand). */
async function engineNow(): Promise<Engine> {
  return activeEngine() ?? (await import('./engine.ts')).studyEngine;
}

export interface CheckOutcome {
  comparison: Comparison;
  version: { short: string; full: string };
}

/** Runs the view's R script in webR on these CSV texts and compares R's numbers with the engine's. */
export async function checkView(input: CheckInput): Promise<CheckOutcome> {
  input.onStage?.('loading');
  const { startR, runInR, rVersion } = await import('./webr.ts');
  const r = await startR();
  input.onStage?.('running');
  const files: Record<string, string> = { 'orders.csv': input.ordersCsv, 'events.csv': input.eventsCsv };
  if (input.harmIndexCsv !== undefined) files['harm-index.csv'] = input.harmIndexCsv;
  const output = await runInR(r, emitR(input.view), files);
  const version = await rVersion(r);
  input.onStage?.('comparing');
  return { comparison: compareWithR(input.result, parseROutput(output)), version };
}

// ---- the page's view

function domain(): StateDomain {
  return activeEngine()?.domain ?? JSON.parse(document.getElementById('stro-domain')!.textContent!);
}

/** The view on screen, read with the parser the page uses for its address; for a reader's own data, with their declared design window. */
export function currentView(): EmitROptions {
  // The view the page shows (html[data-view], set with its numbers); the address may follow it a
  // frame later (src/client/afterFrame.ts). Before the page has shown any, the address's.
  const shown = document.documentElement.dataset.view;
  const state = parseState(shown === undefined ? location.search : shown === 'default' ? '' : shown, domain());
  const local = activeEngine()?.local;
  const declared = local ? { designWindow: local.summary.designWindow, outsideWindow: local.summary.outsideWindow } : {};
  return {
    window: state.window,
    categories: state.categories,
    wilcoxon: state.wilcoxon === 'legacy' ? 'legacy' : 'current',
    ...(state.gap ? { gap: state.gap } : {}),
    ...(state.weights ? { weights: state.weights } : {}),
    ...declared,
  };
}

/**
 * What the script's header says wrote it: the CLI command that prints the same script. For the
 * reader's own data it names their files, the design window they declared and, for events given
 * with dates or a harm index, the --write-events file the script must be run on.
 */
function generator(view: EmitROptions): string {
  const local = activeEngine()?.local;
  if (!local) return emitRGenerator(view, domain());
  const args = [...sourceArguments(local.summary), ...viewArguments(view, domain()), '--emit-r'];
  return `${ANALYZE} ${shellWords(args)}; run it on the events with months from this page's downloads (events-with-months.csv), renamed events.csv`;
}

function viewKey(view: EmitROptions): string {
  return `${view.window}|${view.categories.join(',')}|${view.gap ?? 0}|${view.weights ?? 'data'}|${view.wilcoxon}`;
}

function viewName(view: EmitROptions): string {
  const d = domain();
  // Named as the page names them ("modern slavery"), not by their codes.
  const cats = view.categories.length === 0 ? 'no category' : view.categories.length === d.categories.length ? 'all categories' : view.categories.map((c) => categoryName(c).toLowerCase()).join(', ');
  const gap = view.gap ? `, leaving out ${view.gap} ${view.gap === 1 ? 'month' : 'months'} either side` : '';
  const weights = view.weights && view.weights !== 'data' ? `, ${view.weights} harm weights` : '';
  return `${view.window} ${view.window === 1 ? 'month' : 'months'}${gap}, ${cats}${weights}${view.wilcoxon === 'legacy' ? ', Wilcoxon as R ≤ 4.5' : ''}`;
}

// ---- download

/** The R script for the view on screen, as a UTF-8 file whose name carries the view. */
function viewScript(): { blob: Blob; name: string } {
  const view = currentView();
  return { blob: new Blob([emitR(view, { generator: generator(view) })], { type: 'text/plain;charset=utf-8' }), name: rScriptFileName(view, domain().categories) };
}

/** The blob each link holds (refreshScriptLink), released when the link moves to another. */
const linkBlobs = new WeakMap<HTMLAnchorElement, string>();

/**
 * The download link's own address and file name for the view on screen, so that saving it, copying
 * it or opening it in a tab gives the same script as a click (downloadScript): a blob of emitR() for
 * any view but the study's own, and the built file, `built`, for that one.
 */
export function refreshScriptLink(link: HTMLAnchorElement, built: { href: string; name: string }): void {
  const old = linkBlobs.get(link);
  if (old) URL.revokeObjectURL(old);
  linkBlobs.delete(link);
  if (!activeEngine()?.local && document.documentElement.dataset.view === 'default') {
    link.href = built.href;
    link.download = built.name;
    delete link.dataset.printCommand;
    return;
  }
  // On paper a file made in this browser has no address: the command that writes it prints instead (global.css).
  link.dataset.printCommand = generator(currentView()).replace(/^npm run analyze /, 'npm run --silent analyze ');
  const { blob, name } = viewScript();
  const url = URL.createObjectURL(blob);
  linkBlobs.set(link, url);
  link.href = url;
  link.download = name;
}

export function downloadScript(): void {
  const { blob, name } = viewScript();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- the panel

interface Panel {
  host: HTMLElement;
  button: HTMLButtonElement;
  progress: HTMLElement;
  error: HTMLElement;
  result: HTMLElement;
  summary: HTMLElement;
  shownFor: HTMLElement;
  details: HTMLDetailsElement;
  tbody: HTMLTableSectionElement;
}

type Outcome = { comparison: Comparison; version: { short: string }; shownFor: string };
/** A panel: the key of the result it shows (null: none), and the last result R gave (`kept`), shown again if the page returns to its key. */
type Entry = { panel: Panel; shown: string | null; kept: { key: string; outcome: Outcome } | null; running: boolean; watching?: boolean };
const panels = new WeakMap<HTMLElement, Entry>();

function panelOf(host: HTMLElement) {
  let entry = panels.get(host);
  if (!entry) {
    const q = <T extends Element>(s: string) => host.querySelector<T>(s)!;
    const panel: Panel = {
      host,
      button: q('[data-check]'),
      progress: q('[data-progress]'),
      error: q('[data-error]'),
      result: q('[data-result]'),
      summary: q('[data-summary]'),
      shownFor: q('[data-shown-for]'),
      details: q('details'),
      tbody: q('tbody'),
    };
    entry = { panel, shown: null, kept: null, running: false };
    panels.set(host, entry);
  }
  return entry;
}

const STAGES = {
  preparing: 'Computing the numbers to check…',
  loading: 'Loading R (R 4.6.0 compiled to WebAssembly, about 40 MB the first time, from this site)…',
  running: 'Running the R script for this view…',
  comparing: 'Comparing R’s numbers with the report’s…',
} as const;
export type Stage = keyof typeof STAGES;

/** One check a panel runs: the view's numbers (runCheck), or the specification curve's (checkCurve in robustness.ts). */
export interface PanelCheck {
  /** What is on screen now: a result for another key is not shown but run again for this one, and a result shown for another is withdrawn (followKey). */
  key(): string;
  /** What the status says while R runs the script. */
  running: string;
  /** Runs R on what is on screen once its numbers are ready, and says what that was (`key`): it may not be what was there at the press. */
  run(onStage: (stage: Stage) => void): Promise<{ key: string; comparison: Comparison; version: { short: string; full: string }; shownFor: string }>;
}

/** Runs the check for the view on screen; if the view changes meanwhile, runs again for the new one. */
export async function runCheck(host: HTMLElement): Promise<void> {
  const entry = panelOf(host);
  if (!entry.watching) {
    entry.watching = true;
    watchView(host);
  }
  return runPanelCheck(host, {
    key: () => viewKey(currentView()),
    running: STAGES.running,
    async run(onStage) {
      const view = currentView();
      const engine = await engineNow();
      const weighted = view.weights !== undefined && view.weights !== 'data';
      const state = {
        window: view.window,
        categories: view.categories,
        ...(view.gap ? { gap: view.gap } : {}),
        ...(weighted ? { weights: view.weights as 'central' | 'low' | 'high' } : {}),
        ...(view.wilcoxon === 'legacy' ? { wilcoxon: 'legacy' as const } : {}),
      };
      const [{ ordersCsv, eventsCsv, harmIndexCsv }, result] = await Promise.all([engine.rInputs(), engine.compute(state)]);
      const outcome = await checkView({ ordersCsv, eventsCsv, ...(weighted && harmIndexCsv !== undefined ? { harmIndexCsv } : {}), view, result, onStage });
      return { ...outcome, key: viewKey(view), shownFor: `View checked: ${viewName(view)}. ${outcome.version.full}, running in this browser through webR.` };
    },
  });
}

/**
 * Runs `check` in the panel `host`: its status says each stage, its alert why it failed, and its
 * summary and table what R found. Never shows one view's comparison under another view's controls:
 * if what is on screen changed while R was running (check.key()), the result is discarded and the
 * check runs again for what is there now (R is warm by then).
 */
export async function runPanelCheck(host: HTMLElement, check: PanelCheck): Promise<void> {
  const entry = panelOf(host);
  const { panel } = entry;
  if (entry.running) return;
  entry.running = true;
  // Unavailable, but not disabled: a disabled button loses the keyboard focus to the page's top, for
  // the whole load of R (an accessibility review). A second press while running does nothing (above).
  panel.button.setAttribute('aria-disabled', 'true');
  panel.error.hidden = true;
  panel.error.textContent = '';
  clearResult(entry);
  entry.kept = null;
  host.dataset.state = 'running';
  let stage: Stage = 'preparing';
  try {
    for (;;) {
      const onStage = (s: Stage) => {
        stage = s;
        panel.progress.textContent = s === 'running' ? check.running : STAGES[s];
      };
      onStage('preparing');
      const outcome = await check.run(onStage);
      // What R checked, not what was on screen at the press: the check waits for the page's numbers,
      // and the view may have changed and changed back meanwhile (an adversarial review showed one
      // curve's result under another's controls that way).
      if (check.key() !== outcome.key) continue;
      showResult(entry, outcome.key, outcome);
      break;
    }
    host.dataset.state = 'done';
  } catch (error) {
    panel.progress.textContent = '';
    // A reader who pressed the button is taken to why it failed, not left to find it.
    showError(panel.error, failureMessage(error, stage, !navigator.onLine), panel.button);
    host.dataset.state = 'failed';
  } finally {
    entry.running = false;
    panel.button.removeAttribute('aria-disabled');
  }
}

function clearResult(entry: Entry): void {
  entry.shown = null;
  entry.panel.result.hidden = true;
  entry.panel.tbody.replaceChildren();
  entry.panel.summary.textContent = '';
  entry.panel.shownFor.textContent = '';
}

function showResult(entry: Entry, key: string, outcome: Outcome, restored = false): void {
  const { panel } = entry;
  const { comparison, version } = outcome;
  const rows = comparison.rows.map((row) => {
    const tr = document.createElement('tr');
    if (!row.agree) tr.className = 'differs';
    const th = document.createElement('th');
    th.scope = 'row';
    const code = document.createElement('code');
    code.textContent = row.path;
    th.append(code);
    tr.append(th, cell(formatExact(row.engine)), cell(formatExact(row.r)), cell(row.agree ? 'agree' : 'differ'));
    return tr;
  });
  panel.tbody.replaceChildren(...rows);
  panel.summary.textContent = comparisonSummary(comparison, version.short);
  panel.shownFor.textContent = outcome.shownFor;
  panel.details.open = comparison.differing > 0;
  panel.progress.textContent = restored ? 'Back to what R checked: its comparison is shown again.' : '';
  panel.result.hidden = false;
  panel.host.dataset.checked = key;
  entry.shown = key;
  entry.kept = { key, outcome };
  // Taken to the result only from the button (or nowhere): a reader who has moved on to the controls
  // while R ran keeps their place (an adversarial review lost the window slider's focus to it).
  // A comparison shown again moves nothing: the reader is at the control that changed the page back.
  const at = document.activeElement;
  if (!restored && (at === null || at === document.body || at === panel.button)) panel.summary.focus();
}

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

/**
 * What is on screen is now `key`: a comparison shown for something else no longer describes the
 * page, and is withdrawn, with `changed` said in its place; back on the key R last checked, its
 * comparison is shown again (a reader who changed the view and changed it back need not rerun R).
 */
export function followKey(host: HTMLElement, key: string, changed: string): void {
  const entry = panels.get(host);
  if (!entry || entry.running || entry.kept === null || entry.shown === key) return;
  if (entry.kept.key === key) {
    showResult(entry, key, entry.kept.outcome, true);
    return;
  }
  if (entry.shown === null) return; // withdrawn already, its message said
  clearResult(entry);
  delete host.dataset.checked;
  entry.panel.progress.textContent = changed;
}

/** When the view changes after a check, the comparison no longer describes the page: withdraw it. */
function watchView(host: HTMLElement): void {
  const check = () => followKey(host, viewKey(currentView()), 'The view has changed since R checked it. Check again for this view.');
  const later = () => setTimeout(check, 0); // after the page's own handlers have updated the URL
  document.getElementById('controls')?.addEventListener('input', later);
  window.addEventListener('popstate', later);
  new MutationObserver(later).observe(document.documentElement, { attributes: true, attributeFilter: ['data-view'] });
}
