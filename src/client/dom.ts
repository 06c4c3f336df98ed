// Building table markup in the browser from TableData, with text nodes only (data never becomes HTML).
import type { TableData } from '../lib/tables.ts';

export function fillTable(table: HTMLTableElement, data: TableData): void {
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
  for (const r of data.rows) {
    const tr = body.insertRow();
    r.forEach((cell, k) => {
      const el = document.createElement(k === 0 ? 'th' : 'td');
      if (k === 0) (el as HTMLTableCellElement).scope = 'row';
      el.textContent = cell;
      tr.append(el);
    });
  }
}
