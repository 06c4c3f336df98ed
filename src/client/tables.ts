// Wide tables on narrow screens. A table too wide for its column scrolls sideways inside its
// .table-wrap; where it does, the wrap becomes a named, focusable scrolling region (so the arrow
// keys scroll it), and a line of text above it says that it scrolls (above: under a table 2,800 px
// tall on a phone, a reviewer found the hint only at its foot). Shadows at the overflowing
// edges come from the stylesheet (global.css, .table-wrap). Sizes are read only in a
// ResizeObserver callback, all reads before any write, so this never forces a layout.
const HINT = 'Scroll sideways to see the whole table.';
let ids = 0;

const observer = new ResizeObserver((entries) => {
  measure(new Set(entries.map((e) => (e.target as HTMLElement).closest<HTMLElement>('.table-wrap')).filter((w): w is HTMLElement => w !== null)));
});

/** Whether each wrap overflows: every size read first, then every write. */
function measure(wraps: Iterable<HTMLElement>): void {
  const overflowing = [...wraps].map((wrap) => [wrap, wrap.scrollWidth > wrap.clientWidth + 1, wrap.clientWidth] as const);
  for (const [wrap, over, width] of overflowing) {
    mark(wrap, over);
    // The caption of a table that scrolls wraps at the region's width (it sticks to its left edge, global.css).
    const caption = wrap.querySelector('caption');
    const cap = over ? `${width}px` : '';
    if (caption && caption.style.maxWidth !== cap) caption.style.maxWidth = cap;
  }
}

function mark(wrap: HTMLElement, over: boolean): void {
  if (over === wrap.hasAttribute('data-overflowing')) return;
  let hint = wrap.previousElementSibling?.classList.contains('scroll-hint') ? (wrap.previousElementSibling as HTMLElement) : null;
  if (over) {
    const caption = wrap.querySelector('caption');
    if (caption && !caption.id) caption.id = `table-caption-${++ids}`;
    wrap.dataset.overflowing = '';
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    if (caption) wrap.setAttribute('aria-labelledby', caption.id);
    else wrap.setAttribute('aria-label', 'Table');
    if (!hint) {
      hint = document.createElement('p');
      hint.className = 'scroll-hint';
      hint.setAttribute('aria-hidden', 'true'); // the region itself is announced as scrollable by its role
      hint.textContent = HINT;
      wrap.before(hint);
    }
    hint.hidden = false;
  } else {
    delete wrap.dataset.overflowing;
    wrap.removeAttribute('tabindex');
    wrap.removeAttribute('role');
    wrap.removeAttribute('aria-labelledby');
    wrap.removeAttribute('aria-label');
    if (hint) hint.hidden = true;
  }
}

for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
  observer.observe(wrap);
  const table = wrap.querySelector('table');
  if (table) observer.observe(table); // new rows or columns for a new view change its width, not the wrap's
}

// A table behind "Show as table" is laid out, at its full width, while its <details> is still
// closed, but Chromium does not report it to the observer then, nor when the <details> opens
// without a change in the wrap's own width: the table on "How robust is it?" stayed unmarked, a
// scrolling region no keyboard could reach. So a <details> that opens measures its wraps itself
// ('toggle' does not bubble, hence the capture).
document.addEventListener('toggle', (e) => {
  const details = e.target;
  if (details instanceof HTMLDetailsElement && details.open) measure(details.querySelectorAll<HTMLElement>('.table-wrap'));
}, true);

// ---- One tab stop per table (an accessibility review counted 68 number buttons in one table on
// Results, 102 tab stops in its main content, and about 95 Tab presses to reach the specification
// curve). The buttons in a table's cells are one stop: Tab enters the table at the button last used
// (at first, the first), the arrow keys move between its buttons (left and right in reading order,
// up and down within the column), Home and End go to the first and last, and Tab moves on past it.
// A table's rows are rewritten for each view, so its stops are set again after each change.
const current = new WeakMap<HTMLTableElement, HTMLButtonElement>();
const KEYS_HELP_ID = 'table-keys-help';

function cellButtons(table: HTMLTableElement): HTMLButtonElement[] {
  return [...table.querySelectorAll<HTMLButtonElement>(':is(td, th) button')].filter((b) => !b.disabled);
}

/** Tables whose buttons the page's script has made live (src/client/main.ts enableHandles). */
const live = new WeakSet<HTMLTableElement>();

function rove(table: HTMLTableElement): void {
  const buttons = cellButtons(table);
  // The build's buttons are tabindex="-1" until the page's script makes them work: until then they
  // are left out of the tab order, as the build left them.
  if (!live.has(table)) {
    if (buttons.every((b) => b.getAttribute('tabindex') === '-1')) return;
    live.add(table);
  }
  if (buttons.length < 2) {
    for (const b of buttons) b.removeAttribute('tabindex');
    table.removeAttribute('aria-describedby');
    return;
  }
  const kept = current.get(table);
  const stop = kept && buttons.includes(kept) ? kept : buttons[0];
  for (const b of buttons) {
    const want = b === stop ? '0' : '-1';
    if (b.getAttribute('tabindex') !== want) b.setAttribute('tabindex', want);
  }
  if (!document.getElementById(KEYS_HELP_ID)) {
    const help = document.createElement('p');
    help.id = KEYS_HELP_ID;
    help.className = 'visually-hidden';
    help.textContent = 'The arrow keys move between the numbers in this table; Tab moves on past it.';
    (document.querySelector('main') ?? document.body).append(help); // inside a landmark, as all content is
  }
  table.setAttribute('aria-describedby', KEYS_HELP_ID);
}

const pending = new Set<HTMLTableElement>();
const rowsChanged = new MutationObserver((records) => {
  for (const r of records) {
    const table = (r.target as Element).closest('table');
    if (table) pending.add(table);
  }
  for (const table of pending) rove(table);
  pending.clear();
});

for (const table of document.querySelectorAll<HTMLTableElement>('main table')) {
  rove(table);
  // New rows for a view, and the build's buttons made live (their tabindex="-1" taken away).
  rowsChanged.observe(table, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex'] });
}

/** The button an arrow key moves to from `from`, or null to stay. */
function target(table: HTMLTableElement, from: HTMLButtonElement, key: string): HTMLButtonElement | null {
  const buttons = cellButtons(table);
  const at = buttons.indexOf(from);
  if (at < 0) return null;
  if (key === 'Home') return buttons[0];
  if (key === 'End') return buttons.at(-1)!;
  if (key === 'ArrowRight') return buttons[at + 1] ?? null;
  if (key === 'ArrowLeft') return buttons[at - 1] ?? null;
  const cell = from.closest<HTMLTableCellElement>('td, th')!;
  const rows = [...table.rows];
  const step = key === 'ArrowDown' ? 1 : -1;
  // In a cell of several numbers (a reduction and its p-value), up and down keep to the same one where the cell there has it.
  const nth = [...cell.querySelectorAll('button:not([disabled])')].indexOf(from);
  for (let k = rows.indexOf(cell.parentElement as HTMLTableRowElement) + step; k >= 0 && k < rows.length; k += step) {
    const there = [...(rows[k].cells[cell.cellIndex]?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
    if (there.length > 0) return there[Math.min(nth, there.length - 1)];
  }
  return null;
}

document.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey || !['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const from = e.target instanceof HTMLButtonElement ? e.target : null;
  const table = from?.closest('td, th') ? from.closest('table') : null;
  if (!from || !table || from.getAttribute('tabindex') !== '0') return;
  const to = target(table, from, e.key);
  e.preventDefault(); // at an edge, the page does not scroll instead
  if (to) to.focus();
});

document.addEventListener('focusin', (e) => {
  const b = e.target instanceof HTMLButtonElement ? e.target : null;
  const table = b?.closest('td, th') ? b.closest('table') : null;
  showKeysHelp(table && table.hasAttribute('aria-describedby') ? table : null);
  if (!b || !table || !table.hasAttribute('aria-describedby')) return;
  current.set(table, b);
  rove(table);
});

/**
 * The keys' help, seen as well as heard, while the keyboard is in a table (an accessibility review: a
 * sighted keyboard user met one stop per table, every cell underlined as a button, and no word that
 * the arrow keys reach the rest). A pointer's focus does not show it. It is fixed at the foot of the
 * screen, not put under the table: a line appearing and going in the text moved what followed, and a
 * click begun on a number below a table landed elsewhere as the line went.
 */
function showKeysHelp(table: HTMLTableElement | null): void {
  const help = document.getElementById(KEYS_HELP_ID);
  if (!help) return;
  const shown = table !== null && table.querySelector(':focus-visible') !== null;
  help.className = shown ? 'table-keys-help screen-only' : 'visually-hidden';
  // Never over the number in focus (a re-check, 390 px wide: a cell ten rows down lay under it): the
  // page keeps the help's height clear when it scrolls a focused number into view, and the number
  // just focused is moved up out from under it.
  const root = document.documentElement;
  if (!shown) {
    root.style.removeProperty('scroll-padding-bottom');
    return;
  }
  const box = help.getBoundingClientRect();
  root.style.scrollPaddingBottom = `${Math.ceil(innerHeight - box.top) + 8}px`;
  const at = document.activeElement;
  if (at instanceof HTMLElement && at.getBoundingClientRect().bottom > box.top) at.scrollIntoView({ block: 'nearest' });
}
document.addEventListener('focusout', (e) => {
  const to = (e as FocusEvent).relatedTarget;
  if (!(to instanceof Element) || !to.closest('table')) showKeysHelp(null);
});
