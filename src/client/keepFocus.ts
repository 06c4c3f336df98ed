// The keyboard's place across a change of view. A change rewrites parts of the page: a figure's
// table gets new rows, the headline figure's person buttons are hidden, the specification table is
// sorted again. An accessibility review found that Back, from a number in a table or from "Next
// person", dropped the focus to the page's body (the next Tab started again from the top), and that a
// button that kept the focus could end up scrolled out of sight, above the screen or beyond its
// table's scrolled edge. So a change notes where the focus is before it writes (focusPlace) and,
// once written, puts it back there or in the nearest place that still stands, and in sight
// (restoreFocus). Nothing is done when the reader has moved the focus somewhere else meanwhile.

export interface FocusPlace {
  el: HTMLElement;
  /** A cell of a table: its place, to find the same cell among the new rows. */
  cell: { table: HTMLTableElement; section: 'THEAD' | 'TBODY' | 'TFOOT'; row: number; col: number } | null;
  /** The figure (or section) it was in, to stand in when neither the element nor its cell is left. */
  region: HTMLElement | null;
}

/** Where the focus is now, or null when it is on nothing in particular. */
export function focusPlace(): FocusPlace | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || el === document.body) return null;
  const td = el.closest<HTMLTableCellElement>('td, th');
  const row = td?.parentElement as HTMLTableRowElement | null | undefined;
  const table = td?.closest('table');
  const section = row?.parentElement?.tagName;
  const cell = td && row && table && (section === 'THEAD' || section === 'TBODY' || section === 'TFOOT')
    ? { table, section: section as 'THEAD' | 'TBODY' | 'TFOOT', row: row.sectionRowIndex, col: td.cellIndex }
    : null;
  return { el, cell, region: el.closest<HTMLElement>('figure, section, [data-figure], [data-robust-figure]') };
}

const visible = (el: HTMLElement): boolean => el.isConnected && !el.closest('[hidden]') && el.getClientRects().length > 0;

/** The focus back at `place` (or the nearest that stands), and in sight; untouched if the reader moved it elsewhere. */
export function restoreFocus(place: FocusPlace | null): void {
  if (!place) return;
  const now = document.activeElement;
  let target: HTMLElement | null = null;
  if (now === place.el && visible(place.el)) target = place.el;
  // The focus went somewhere on purpose (a control, a panel): leave it there.
  else if (now instanceof HTMLElement && now !== document.body && now !== place.el) return;
  else {
    target = standIn(place);
    target?.focus({ preventScroll: true });
  }
  if (!target) return;
  keepInSight(target);
  // Back and Forward also restore the scroll position the browser kept with the entry, after this
  // has run: a re-check found the page at its top and the focused cell 3,600 px below. Once that is
  // done (the next frames), the focus is brought into sight again if it is still there.
  const held = target;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (document.activeElement === held) keepInSight(held);
  }));
}

function standIn(place: FocusPlace): HTMLElement | null {
  if (visible(place.el)) return place.el;
  if (place.cell && place.cell.table.isConnected) {
    const { table, section, row, col } = place.cell;
    const body = section === 'THEAD' ? table.tHead : section === 'TFOOT' ? table.tFoot : table.tBodies[0];
    const rows = body ? [...body.rows] : [];
    const tr = rows[Math.min(row, rows.length - 1)];
    const cell = tr?.cells[Math.min(col, tr.cells.length - 1)];
    const inCell = cell?.querySelector<HTMLElement>('button:not([disabled]), a[href], [tabindex]');
    if (inCell && visible(inCell)) return inCell;
    // The table's first stop (its buttons are one tab stop: src/client/tables.ts), or its scrolling region.
    const first = table.querySelector<HTMLElement>(':is(td, th) button[tabindex="0"]') ?? table.closest<HTMLElement>('.table-wrap[tabindex]');
    if (first && visible(first)) return first;
  }
  // A figure's own keys (the headline squares, the specification curve), else the region itself.
  const widget = place.region?.querySelector<HTMLElement>('[data-keys-label][tabindex="0"]');
  if (widget && visible(widget)) return widget;
  if (place.region && visible(place.region)) {
    if (!place.region.hasAttribute('tabindex')) place.region.tabIndex = -1;
    return place.region;
  }
  return null;
}

/** Scrolled into view if any part of it is outside the screen, or outside a box that scrolls it. */
export function keepInSight(el: HTMLElement): void {
  const box = el.getBoundingClientRect();
  let out = box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth;
  for (let p = el.parentElement; !out && p && p !== document.body; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (!/(auto|scroll)/.test(style.overflowX + style.overflowY)) continue;
    const clip = p.getBoundingClientRect();
    out = box.left < clip.left || box.right > clip.right || box.top < clip.top || box.bottom > clip.bottom;
  }
  if (out) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
