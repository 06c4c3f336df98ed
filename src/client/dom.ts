// Building markup in the browser from TableData and sentence segments, with text nodes only
// (data never becomes HTML). A number that comes from the result becomes a button carrying its
// path, which opens the number's derivation (src/client/panel.ts).
import type { TableData } from '../lib/tables.ts';
import { cellPaths, type CellPath } from '../lib/cells.ts';
import type { ResultPath } from '../lib/resultPaths.ts';
import type { RobustPath, RobustSegment } from '../lib/robustness.ts';
import type { Segments } from '../lib/wording.ts';
import { glue } from '../lib/glue.ts';

/**
 * What each number is, for its button's description (src/lib/numberNames.ts). The page's script
 * loads the names with the engine (main.ts), so they cost nothing at start-up; the build's buttons
 * carry theirs already, and every button made after the engine has loaded gets one.
 */
let describe: ((path: string) => string | null) | null = null;
export function describeNumbersWith(name: (path: string) => string | null): void {
  describe = name;
}

/** A number as a handle to its derivation: the same markup the build renders. */
export function numberHandle(text: string, path: ResultPath | RobustPath): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'num';
  b.dataset.path = path;
  b.setAttribute('aria-haspopup', 'dialog');
  const name = describe?.(path);
  if (name) b.setAttribute('aria-description', name);
  b.textContent = text;
  return b;
}

/** A figure's focus ring: the svg's rect of this class (hidden from assistive technology), made the first time. */
export function focusRing(svg: SVGSVGElement, className: string): SVGRectElement {
  let ring = svg.querySelector<SVGRectElement>(`rect.${className}`);
  if (!ring) {
    ring = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    ring.setAttribute('class', className);
    ring.setAttribute('aria-hidden', 'true');
    svg.append(ring);
  }
  return ring;
}

let reducedMotion: MediaQueryList | undefined;
/**
 * Briefly highlight a value the reader's change rewrote (not under reduced motion). A CSS animation
 * started by an attribute (global.css), not Element.animate(): that resolves the element's style on
 * the spot, once per value, while an attribute is styled with the rest of the frame. The attribute
 * alternates between two animations with the same keyframes, so a second change restarts it.
 */
export function flash(el: HTMLElement): void {
  if (!(reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)')).matches) el.dataset.flash = el.dataset.flash === '1' ? '2' : '1';
}

/**
 * Fill an element with a sentence's segments, each number glued to the punctuation after it (a
 * span that does not break: src/lib/glue.ts, as Say.astro renders them). When the element already
 * holds the same sequence of text, number handles for the same paths and glued spans (a change of
 * view, mostly), only the text that differs is rewritten: no new buttons to style and lay out, and
 * an open derivation keeps its button.
 */
export function fillSegments(el: HTMLElement, parts: Segments | RobustSegment[]): void {
  const items = glue<{ text: string; path: ResultPath | RobustPath }>(parts);
  const nodes = el.childNodes;
  // A glued number is a span.nobr of [head text], button, [tail text]: the same shape, or rebuilt.
  const glued = (s: { head: string; tail: string }) => s.head !== '' || s.tail !== '';
  const buttonOf = (node: ChildNode, s: { head: string; tail: string }) => {
    if (!glued(s)) return node;
    if (node.nodeType !== Node.ELEMENT_NODE || !(node as Element).matches('span.nobr')) return null;
    if (node.childNodes.length !== 1 + (s.head ? 1 : 0) + (s.tail ? 1 : 0)) return null;
    return node.childNodes[s.head ? 1 : 0];
  };
  const same = nodes.length === items.length && items.every((s, k) => {
    if (typeof s === 'string') return nodes[k].nodeType === Node.TEXT_NODE;
    const button = buttonOf(nodes[k], s);
    return button instanceof HTMLButtonElement && button.dataset.path === s.handle.path;
  });
  if (!same) {
    el.replaceChildren(...items.map((s) => {
      if (typeof s === 'string') return document.createTextNode(s);
      const button = numberHandle(s.handle.text, s.handle.path);
      if (!glued(s)) return button;
      const span = document.createElement('span');
      span.className = 'nobr';
      span.append(...(s.head ? [s.head] : []), button, ...(s.tail ? [s.tail] : []));
      return span;
    }));
    return;
  }
  items.forEach((s, k) => {
    if (typeof s === 'string') {
      if (nodes[k].textContent !== s) nodes[k].textContent = s;
      return;
    }
    const button = buttonOf(nodes[k], s)!;
    if (button.textContent !== s.handle.text) button.textContent = s.handle.text;
    const head = s.head === '' ? null : nodes[k].childNodes[0];
    if (head && head.textContent !== s.head) head.textContent = s.head;
    const tail = s.tail === '' ? null : nodes[k].lastChild;
    if (tail && tail.textContent !== s.tail) tail.textContent = s.tail;
  });
}

/**
 * A table that already has the new data's columns (a change of view, mostly) keeps its rows and
 * cells: only a cell whose text or number handle differs is rewritten. Rows pair by their header
 * (a category, a month, a person) when the headers name each row once, else by position; a row
 * with no counterpart is removed, and a new one is built in its place. Fewer new elements to
 * style and lay out, and an open derivation keeps the button it came from. False, touching
 * nothing, when the columns differ (or the table shows its empty message, or is longer than one chunk).
 */
function patch(table: HTMLTableElement, data: TableData, paths: CellPath[][] | undefined): boolean {
  const head = table.tHead?.rows;
  const bodies = table.tBodies;
  if (data.rows.length === 0 || data.rows.length > TABLE_CHUNK || head?.length !== 1 || bodies.length !== 1) return false;
  const th = head[0].cells;
  if (th.length !== data.columns.length || data.columns.some((c, k) => th[k].textContent !== c)) return false;
  const body = bodies[0];
  const old = [...body.rows];
  if (old.length > TABLE_CHUNK || old.some((tr) => tr.hasAttribute('data-empty'))) return false;
  const oldKeys = old.map((tr) => tr.cells[0]?.textContent ?? '');
  const keyed = new Set(oldKeys).size === old.length && new Set(data.rows.map((r) => r[0])).size === data.rows.length;
  const byKey = new Map(oldKeys.map((key, i) => [key, old[i]]));
  const pairs = data.rows.map((row, i) => (keyed ? byKey.get(row[0]) : old[i]));
  if (pairs.some((tr, i) => tr && tr.cells.length !== data.rows[i].length)) return false;
  const kept = new Set(pairs);
  for (const tr of old) if (!kept.has(tr)) tr.remove();
  pairs.forEach((tr, i) => {
    if (tr) patchRow(tr, data.rows[i], paths?.[i]);
    const row = tr ?? rowOf(data, paths, i);
    const at = body.rows[i] ?? null;
    if (at !== row) body.insertBefore(row, at);
  });
  return true;
}

/** Rewrite the cells of a kept row that differ from the new data's. */
function patchRow(tr: HTMLTableRowElement, row: string[], paths: CellPath[] | undefined): void {
  const cells = tr.cells;
  row.forEach((text, k) => {
    const el = cells[k];
    const spec = paths?.[k] ?? null;
    // Kept where its text and its handles' paths are already the new cell's.
    const want = cellPaths(spec);
    const has = [...el.querySelectorAll<HTMLElement>('button.num[data-path]')].map((b) => b.dataset.path);
    if (el.textContent === text && has.length === want.length && has.every((p, j) => p === want[j])) return;
    fillCell(el, text, spec);
  });
}

/** A cell's content: its text, one handle, or its pieces with a handle for each number. */
function fillCell(el: HTMLElement, text: string, spec: CellPath): void {
  if (spec === null) el.textContent = text;
  else if (typeof spec === 'string') el.replaceChildren(numberHandle(text, spec));
  else el.replaceChildren(...spec.map((p) => (typeof p === 'string' ? p : numberHandle(p.text, p.path))));
}

/** Row i of the data, its first cell a row header. */
function rowOf(data: TableData, paths: CellPath[][] | undefined, i: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  data.rows[i].forEach((cell, k) => {
    const el = document.createElement(k === 0 ? 'th' : 'td');
    if (k === 0) (el as HTMLTableCellElement).scope = 'row';
    fillCell(el, cell, paths?.[i]?.[k] ?? null);
    tr.append(el);
  });
  return tr;
}

/** Table rows from..to of the data. */
function rowsOf(data: TableData, paths: CellPath[][] | undefined, from: number, to: number): DocumentFragment {
  const out = document.createDocumentFragment();
  for (let i = from; i < to; i++) out.append(rowOf(data, paths, i));
  return out;
}

/**
 * Rows built at once. A longer table (a reader's own data, one row per person: 41,000 rows) gets
 * the rest in later tasks of this many rows each, so that no task holds the page for long; until
 * then the table is marked aria-busy. A newer fill of the same table cancels an older one, and
 * printing completes every fill first.
 */
export const TABLE_CHUNK = 500;
const fillOf = new WeakMap<HTMLTableElement, symbol>();
const unfinished = new Map<HTMLTableElement, () => void>();
/** Complete every table still being filled (before printing). */
export function finishTables(): void {
  for (const finish of [...unfinished.values()]) finish();
}
addEventListener('beforeprint', finishTables);

export function fillTable(table: HTMLTableElement, data: TableData, paths: CellPath[][] | undefined = data.paths): void {
  const token = Symbol('fill');
  fillOf.set(table, token);
  unfinished.delete(table);
  table.removeAttribute('aria-busy');
  const caption = table.createCaption();
  if (caption.textContent !== data.caption) caption.textContent = data.caption;
  if (patch(table, data, paths)) return;
  table.tHead?.remove();
  for (const body of [...table.tBodies]) body.remove();
  const headRow = table.createTHead().insertRow();
  for (const c of data.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    headRow.append(th);
  }
  const body = table.createTBody();
  if (data.rows.length === 0) {
    const tr = body.insertRow();
    tr.dataset.empty = '';
    const td = tr.insertCell();
    td.colSpan = data.columns.length;
    td.textContent = data.empty ?? 'Nothing to show in this view.';
    return;
  }
  // Rows are created and appended, not inserted with insertRow(): Chromium's insertRow() counts
  // the rows before it on every call, which makes a long table quadratic (18 s for 41,000 rows).
  let done = Math.min(TABLE_CHUNK, data.rows.length);
  body.append(rowsOf(data, paths, 0, done));
  if (done === data.rows.length) return;
  table.setAttribute('aria-busy', 'true');
  const finish = (all: boolean) => {
    if (fillOf.get(table) !== token) return;
    const to = all ? data.rows.length : Math.min(done + TABLE_CHUNK, data.rows.length);
    body.append(rowsOf(data, paths, done, to));
    done = to;
    if (done < data.rows.length) {
      setTimeout(() => finish(false), 0);
      return;
    }
    unfinished.delete(table);
    table.removeAttribute('aria-busy');
  };
  unfinished.set(table, () => finish(true));
  setTimeout(() => finish(false), 0);
}

/**
 * Make `from` (on the page) read as `to` (a new drawing of the same figure, not on the page),
 * keeping every node that has a counterpart: attributes and text are rewritten only where they
 * differ, nodes with no counterpart are removed, and nodes only the new drawing has are moved in
 * from it. A redrawn chart then changes a few attributes of its bars and labels instead of
 * replacing every element, which the browser would restyle and lay out from scratch.
 *
 * Counterparts are found in order: a child pairs with the next old child of the same kind (its
 * tag; for a mark's group, also its mark name and class), looking a few siblings ahead, so a mark
 * that appears or goes (the study's trace, for one) costs only its own nodes and the marks after
 * it still pair with theirs. A mark's own elements pair by tag alone: a class the page added to
 * one of them (a flash, a highlight) does not make it another element.
 *
 * Elements of `from` for which `keep` holds are left as they are, where they are: neither paired
 * nor removed (the units figure rewrites its squares itself: src/charts/eventUnits.ts).
 */
export function morph(from: Element, to: Element, keep?: (e: Element) => boolean): void {
  morphAttributes(from, to);
  const skip = (n: ChildNode | null): ChildNode | null => {
    while (keep && n instanceof Element && keep(n)) n = n.nextSibling;
    return n;
  };
  let cursor = skip(from.firstChild);
  for (let b = to.firstChild; b; ) {
    const after = b.nextSibling; // read before b moves
    let match: ChildNode | null = cursor;
    for (let step = 0; match && !sameKind(match, b); step++) match = step < LOOKAHEAD ? skip(match.nextSibling) : null;
    if (!match) from.insertBefore(b, cursor);
    else {
      while (cursor !== match) {
        const gone: ChildNode = cursor!;
        cursor = skip(gone.nextSibling);
        gone.remove();
      }
      if (match instanceof Element) morph(match, b as Element, keep);
      else if (match.nodeValue !== b.nodeValue) match.nodeValue = b.nodeValue;
      cursor = skip(match.nextSibling);
    }
    b = after;
  }
  while (cursor) {
    const gone: ChildNode = cursor;
    cursor = skip(gone.nextSibling);
    gone.remove();
  }
}

/**
 * `from`'s attributes made `to`'s. By name and value (strings), not through Attr objects, which
 * the browser would create for every attribute read; a namespaced attribute (a name with a
 * prefix) goes through the namespace-aware calls.
 */
function morphAttributes(from: Element, to: Element): void {
  const names = to.getAttributeNames();
  const old = from.getAttributeNames();
  if (old.length !== names.length || old.some((n, k) => n !== names[k])) {
    for (const n of old) if (!to.hasAttribute(n)) from.removeAttribute(n);
  }
  for (const n of names) {
    if (n.includes(':')) {
      const a = to.getAttributeNode(n)!;
      if (from.getAttributeNS(a.namespaceURI, a.localName) !== a.value) from.setAttributeNS(a.namespaceURI, a.name, a.value);
      continue;
    }
    const value = to.getAttribute(n)!;
    if (from.getAttribute(n) !== value) from.setAttribute(n, value);
  }
}

/**
 * Show a new drawing of a chart in its .plot: the one drawing there, of the same kind, is
 * rewritten in place (morph, leaving what `keep` holds for alone); anything else is replaced.
 * Returns the drawing now on the page.
 */
export function redraw(plot: HTMLElement, next: Element, keep?: (e: Element) => boolean): Element {
  const drawn = plot.childElementCount === 1 ? plot.firstElementChild : null;
  if (drawn && drawn.nodeName === next.nodeName) {
    morph(drawn, next, keep);
    return drawn;
  }
  plot.replaceChildren(next);
  return next;
}

/** How far ahead morph() looks for a child's counterpart. */
const LOOKAHEAD = 4;
function sameKind(a: Node, b: Node): boolean {
  if (a.nodeName !== b.nodeName) return false;
  if (!(a instanceof Element)) return true;
  const mark = a.getAttribute('data-mark');
  const other = (b as Element).getAttribute('data-mark');
  return (mark === null && other === null) || (mark === other && a.getAttribute('class') === (b as Element).getAttribute('class'));
}

/**
 * A live inspector's text after "Selection cleared.": the figure's help, shown but not spoken again
 * (aria-hidden), since a screen reader has it in the figure's own name; the clearing alone is said
 * (an accessibility review heard some 70 words of help again after each Esc).
 */
export function sayCleared(inspector: Element, help: string): void {
  inspector.replaceChildren('Selection cleared. ', quietly(help));
}

/** Text shown in a live region but not spoken: what the page's own announcement of a change already says. */
export function quietly(text: string): HTMLSpanElement {
  const quiet = document.createElement('span');
  quiet.setAttribute('aria-hidden', 'true');
  quiet.textContent = text;
  return quiet;
}
