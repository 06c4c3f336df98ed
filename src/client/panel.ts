// The derivation panel: opened from any number on the page (a button carrying data-path), it shows
// where that number comes from (src/lib/derivations.ts) for the view on screen. Loaded on demand,
// the first time a reader opens a number. Non-modal (the page stays usable), closed with Esc or
// its close button, after which focus returns to the number that opened it. Built from text
// nodes only. When the view changes while it is open, it follows the same number into the new
// view, or closes if that number is no longer on the page; while the page recomputes it hides
// its content, so it never shows one view's derivation under another view's numbers.

import type { AnalysisResult } from '../analysis/analyse.ts';
import { rScript, type Cell, type Derivation } from '../lib/derivations.ts';
import { sourceLink } from '../lib/source.ts';
import { fillTable } from './dom.ts';
import { formatNumber } from '../lib/format.ts';

export interface PanelContext {
  result: AnalysisResult;
  /** Where a number of this result comes from: computed on the page, or in the worker that holds a reader's own data. */
  derive(path: string): Promise<Derivation | null>;
}

/** Each fill is numbered, so a slow derivation never lands after a newer one. */
let filling = 0;

const HANDLE = 'button.num[data-path]';
const CONTAINER = '[data-say], [data-table], [data-figure], [data-live], [data-robust]';

let panel: HTMLElement | null = null;
let opener: HTMLElement | null = null;
/** Where the opener sat, to find it again after the page rebuilds a sentence or table. */
let anchor: { container: Element | null; path: string; index: number } | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Full precision: JavaScript's shortest round-trip form, which R reads back to the same double. */
export function fullValue(v: Derivation['value']): string {
  if (v === null) return 'none (the data give no value)';
  return Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v);
}

const cellText = (c: Cell | boolean): string => (c === null ? '—' : typeof c === 'boolean' ? (c ? 'yes' : 'no') : String(c));

function build(d: Derivation, shown: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  out.push(el('p', d.meaning));

  const value = el('dl');
  // A sentence gives a change's size and says its direction in words ("declined by 26.3 harm days a
  // month"), so its number has no sign while the value below has one: say so beside it.
  const size = typeof d.value === 'number' && d.value < 0 && !/^[−-]/.test(shown.trim());
  const shownValue = el('dd', size ? `${shown} (its size: the words around it say which way)` : shown);
  shownValue.dataset.derivationShown = '';
  value.append(el('dt', 'Shown'), shownValue);
  const full = el('dd', fullValue(d.value));
  full.dataset.derivationValue = '';
  value.append(el('dt', 'Full precision'), full);
  out.push(value);

  const status = el('p', d.statusNote, 'derivation-status');
  status.dataset.status = d.status;
  out.push(status);

  if (d.steps.length > 0) {
    out.push(el('h3', 'On the way'));
    const dl = el('dl');
    for (const s of d.steps) if (s.value !== null) dl.append(el('dt', s.label), el('dd', cellText(s.value)));
    out.push(dl);
  }

  out.push(el('h3', 'Formula'));
  out.push(el('p', d.formula.words));
  const sym = el('p');
  sym.append(el('code', d.formula.symbols));
  out.push(sym);

  if (d.inputs) {
    out.push(el('h3', `Inputs (${formatNumber(d.inputs.rows.length)} ${d.inputs.rows.length === 1 ? 'row' : 'rows'})`));
    const wrap = el('div', null, 'derivation-inputs');
    wrap.tabIndex = 0; // scrollable, so keyboard users can scroll it
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', d.inputs.caption);
    const table = el('table');
    // The shared table builder: linear in the rows, and in chunks for long inputs (41,000 people).
    fillTable(table, { caption: d.inputs.caption, columns: d.inputs.columns, rows: d.inputs.rows.map((r) => r.map(cellText)), empty: 'None in this view.' });
    wrap.append(table);
    out.push(wrap);
  }

  out.push(el('h3', 'Reproduce in R'));
  if (d.r) {
    const pre = el('pre');
    pre.tabIndex = 0; // scrollable, so keyboard users can scroll it
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', 'R code that reproduces this number');
    const code = el('code', rScript(d));
    code.dataset.rCall = '';
    pre.append(code);
    out.push(pre);
    if (d.r.note) out.push(el('p', d.r.note));
    const copy = el('button', 'Copy the R code', 'derivation-action');
    copy.type = 'button';
    const said = el('span');
    said.setAttribute('role', 'status');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(rScript(d));
        said.textContent = ' Copied.';
      } catch {
        // No clipboard (an insecure context, or denied): select the code so the reader can copy it.
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        said.textContent = ' Selected: press Ctrl+C (or ⌘C) to copy.';
      }
    });
    const row = el('p');
    row.append(copy, said);
    out.push(row);
  } else {
    out.push(el('p', d.status === 'setting' ? 'Nothing to reproduce: this is a setting of the analysis.' : 'Nothing to reproduce: there is no value here.'));
  }

  const eng = el('p', 'Computed by ');
  const link = el('a');
  link.href = sourceLink(d.engine);
  link.append(el('code', d.engine));
  eng.append(link, document.createTextNode('.'));
  out.push(eng);
  return out;
}

function ensurePanel(): HTMLElement {
  if (panel) return panel;
  panel = el('section', null, 'derivation-panel');
  panel.id = 'derivation-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'derivation-title');
  panel.hidden = true;
  const head = el('div', null, 'derivation-head');
  const title = el('h2', 'Where this number comes from');
  title.id = 'derivation-title';
  title.tabIndex = -1;
  const close = el('button', 'Close', 'derivation-action');
  close.type = 'button';
  close.addEventListener('click', () => closePanel(true));
  head.append(title, close);
  const body = el('div');
  body.dataset.derivationBody = '';
  panel.append(head, body);
  document.body.append(panel);
  // The panel is not modal, and it sits at the end of the page: a Tab past its last control (or a
  // Shift+Tab before its first) goes back to the number it explains, not to the end of the page or
  // its top, so the keyboard reader carries on reading where they were.
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !opener?.isConnected) return;
    const tabbable = [...panel!.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), summary, [tabindex="0"]')].filter((x) => x.getClientRects().length > 0);
    const at = document.activeElement;
    const leaving = e.shiftKey ? at === tabbable[0] || at === title : at === tabbable.at(-1);
    if (!leaving) return;
    e.preventDefault();
    opener.focus();
  });
  // Esc closes it; focus goes back to the number only from inside the panel, so a reader who has
  // tabbed on keeps their place.
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && panel && !panel.hidden) {
      e.preventDefault();
      closePanel(panel.contains(document.activeElement));
    }
  });
  // Focus that lands outside the panel on something the panel covers (a number read on past the one
  // it explains, under the panel on a laptop or the sheet on a phone) would be out of sight (WCAG
  // 2.4.11): the panel closes, and focus stays where the reader put it. So does the number it explains,
  // when a Tab out of the panel returns to it and it sits under the panel (a reviewer: "210" on
  // Conclusions, at x 850, where the panel opens); one in sight keeps the panel open beside it.
  document.addEventListener('focusin', (e) => {
    const target = e.target;
    if (!panel || panel.hidden || !(target instanceof HTMLElement) || panel.contains(target)) return;
    // read after the browser has scrolled the element into view
    requestAnimationFrame(() => {
      if (panel!.hidden || document.activeElement !== target) return;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return;
      const under = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (under && panel!.contains(under)) closePanel(false);
    });
  });
  return panel;
}

function setExpanded(h: HTMLElement | null, on: boolean): void {
  if (!h) return;
  if (on) h.setAttribute('aria-expanded', 'true');
  else h.removeAttribute('aria-expanded');
}

async function fill(ctx: PanelContext): Promise<boolean | undefined> {
  const p = ensurePanel();
  const path = opener!.dataset.path!;
  const token = ++filling;
  let d: Derivation | null;
  try {
    d = await ctx.derive(path);
  } catch (e) {
    // The reader's data are derived in their worker: if it fails, say so rather than stay busy.
    if (token !== filling || !opener) return undefined;
    p.querySelector<HTMLElement>('[data-derivation-body]')!.replaceChildren(el('p', `This number's derivation could not be computed in this browser: ${e instanceof Error ? e.message : String(e)}.`));
    p.dataset.path = path;
    delete p.dataset.stale;
    p.removeAttribute('aria-busy');
    return undefined;
  }
  if (token !== filling || !opener) return undefined; // a newer fill, or closed meanwhile
  const body = p.querySelector<HTMLElement>('[data-derivation-body]')!;
  if (!d) {
    body.replaceChildren(el('p', 'This number has no derivation in this view.'));
  } else {
    body.replaceChildren(...build(d, opener!.textContent ?? ''));
  }
  p.dataset.path = path;
  delete p.dataset.stale;
  p.removeAttribute('aria-busy');
  return d !== null;
}

/** Open the panel for a number on the page, in the view whose result is given. */
export function open(handle: HTMLElement, ctx: PanelContext): void {
  setExpanded(opener, false);
  opener = handle;
  const container = handle.closest(CONTAINER);
  const same = container ? [...container.querySelectorAll<HTMLElement>(HANDLE)].filter((h) => h.dataset.path === handle.dataset.path) : [];
  anchor = { container, path: handle.dataset.path!, index: Math.max(0, same.indexOf(handle)) };
  const p = ensurePanel();
  p.hidden = false;
  p.dataset.stale = '';
  p.setAttribute('aria-busy', 'true');
  void fill(ctx);
  handle.setAttribute('aria-controls', p.id);
  setExpanded(handle, true);
  p.querySelector<HTMLElement>('#derivation-title')!.focus();
}

/** The view is changing: hide the content until update() brings the new view's derivation. */
export function markStale(): void {
  if (!panel || panel.hidden) return;
  panel.dataset.stale = '';
  panel.setAttribute('aria-busy', 'true');
}

/** After the page has been redrawn for a new view: follow the same number, or close. */
export function update(ctx: PanelContext): void {
  if (!panel || panel.hidden || !opener || !anchor) return;
  if (!opener.isConnected) {
    const { container, path, index } = anchor;
    const same = container?.isConnected ? [...container.querySelectorAll<HTMLElement>(HANDLE)].filter((h) => h.dataset.path === path) : [];
    const next = same[Math.min(index, same.length - 1)];
    if (!next) {
      closePanel(false);
      return;
    }
    opener = next;
    setExpanded(opener, true);
  }
  void fill(ctx).then((ok) => {
    if (ok === false) closePanel(false);
  });
}

/** The path of the number the panel is open on, or null when it is closed. */
export function openPath(): string | null {
  return panel && !panel.hidden && opener ? opener.dataset.path ?? null : null;
}

export function isOpen(): boolean {
  return panel !== null && !panel.hidden;
}

export function closePanel(returnFocus: boolean): void {
  if (!panel) return;
  panel.hidden = true;
  setExpanded(opener, false);
  if (returnFocus && opener?.isConnected) opener.focus();
  opener = null;
  anchor = null;
}
