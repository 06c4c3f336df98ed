// Building markup in the browser from TableData and sentence segments, with text nodes only
// (data never becomes HTML). A number that comes from the result becomes a button carrying its
// path, which opens the number's derivation (src/client/panel.ts).
import type { TableData } from '../lib/tables.ts';
import type { ResultPath } from '../lib/resultPaths.ts';
import type { Segments } from '../lib/wording.ts';

/** A number as a handle to its derivation: the same markup the build renders. */
export function numberHandle(text: string, path: ResultPath): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'num';
  b.dataset.path = path;
  b.setAttribute('aria-haspopup', 'dialog');
  b.textContent = text;
  return b;
}

/** Replace an element's content with a sentence's segments. */
export function fillSegments(el: HTMLElement, parts: Segments): void {
  el.replaceChildren(...parts.map((s) => (typeof s === 'string' ? document.createTextNode(s) : numberHandle(s.text, s.path))));
}

export function fillTable(table: HTMLTableElement, data: TableData, paths: (ResultPath | null)[][] | undefined = data.paths): void {
  const caption = table.createCaption();
  caption.textContent = data.caption;
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
    const td = body.insertRow().insertCell();
    td.colSpan = data.columns.length;
    td.textContent = data.empty ?? 'Nothing to show in this view.';
    return;
  }
  data.rows.forEach((r, i) => {
    const tr = body.insertRow();
    r.forEach((cell, k) => {
      const el = document.createElement(k === 0 ? 'th' : 'td');
      if (k === 0) (el as HTMLTableCellElement).scope = 'row';
      const path = paths?.[i]?.[k] ?? null;
      if (path) el.append(numberHandle(cell, path));
      else el.textContent = cell;
      tr.append(el);
    });
  });
}
