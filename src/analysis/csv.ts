// A small RFC 4180 CSV reader that remembers where each record came from, so validation can
// name the row. Quoted fields may contain commas, quotes ("") and line breaks; CRLF and a UTF-8
// byte-order mark are accepted. It only splits text: types are checked in validate.ts.

import { DataError } from './errors.ts';

export interface CsvTable {
  file: string;
  header: string[];
  /** Data records in order; `row` counts from 1 for the first record after the header. */
  records: { row: number; line: number; fields: string[] }[];
}

export function parseCsv(file: string, text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DataError({ file }, 'the file is empty (expected a header row and data rows)');

  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let closedQuote = false; // just after a field's closing quote: only a comma or a line end may follow
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    rows.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; closedQuote = true; i++; continue;
      }
      if (c === '\n') line++;
      field += c; i++; continue;
    }
    if (c === '"' && field === '') {
      if (closedQuote) throw new DataError({ file, row: Math.max(rows.length, 1) }, `line ${line}: a quoted field is followed by more text; put the whole field in quotes`);
      quoted = true; i++; continue;
    }
    if (closedQuote && c !== ',' && c !== '\n' && c !== '\r') {
      throw new DataError({ file, row: Math.max(rows.length, 1) }, `line ${line}: text after a closing quote; put the whole field in quotes, with "" for a quote inside it`);
    }
    closedQuote = false;
    if (c === ',') { fields.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\r') { endRecord(); line++; recordLine = line; i++; continue; } // old Mac line ends
    if (c === '\n') { endRecord(); line++; recordLine = line; i++; continue; }
    field += c; i++;
  }
  if (quoted) throw new DataError({ file, row: Math.max(rows.length, 1) }, `a quoted field opened on line ${recordLine} is never closed`);
  if (field !== '' || fields.length > 0) endRecord();

  // Blank lines carry no data; dropping them keeps "row" meaningful for everything else.
  const nonBlank = rows.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
  const [head, ...body] = nonBlank;
  const header = head.fields.map((h) => h.trim());
  if (header.length === 1) {
    const other = [';', '\t', '|'].find((d) => header[0].includes(d));
    if (other) {
      const name = other === '\t' ? 'tabs' : `"${other}"`;
      throw new DataError({ file, row: 0 }, `columns are separated by ${name}; this tool expects commas (save the file as comma-separated CSV)`);
    }
  }
  const records = body.map((r, k) => ({ row: k + 1, line: r.line, fields: r.fields }));
  for (const r of records) {
    if (r.fields.length !== header.length) {
      throw new DataError({ file, row: r.row }, `has ${r.fields.length} fields but the header has ${header.length} (line ${r.line}; check for an unquoted comma)`);
    }
  }
  return { file, header, records };
}
