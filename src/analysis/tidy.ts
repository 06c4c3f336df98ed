// Tidying a reader's file: the fixes that have one right answer, made for them.
//
// Validation (csv.ts, validate.ts) gives a problem a `fix` when only one thing can be meant:
// - a date written another way: day/month/year in a column whose other dates show it is written so
//   (15/03/2019 → 2019-03-15), a date that reads as a real date only one way round, a date with a
//   time of day (2019-03-15 00:00:00), or a spreadsheet's day number saved without its format (43539);
// - a required column named in other capitals ("Order_ID" → order_id);
// - title lines above the header, which are deleted.
// tidyText() makes those fixes and nothing else. Every line it does not fix is kept character for
// character (line ends, quotes; a byte-order mark in the text given, though the page and the command
// line read files as UTF-8 and drop it), and the tidied text is read again to prove it:
// the same records, with the fixed cells changed and no other. If that proof fails, there is no tidied
// text, and the reader fixes the file by hand as before.
//
// The report still reads one form of data (the contract in the README). The tidied files are what the
// page analyses, keeps and hands to R, and offers to download, so that the command line and the R
// script read them as they are.
//
// @example
// tidyText('orders.csv', 'order_id,issued,sample,issued_date\nA,2019Q1,analysed,15/03/2019\n', problems)
//   // => { text: 'order_id,issued,sample,issued_date\nA,2019Q1,analysed,2019-03-15\n', changes: [...] }

import { readCsv, type CsvTable } from './csv.ts';
import { quoteCsvField, type Problem } from './errors.ts';
import { KNOWN_COLUMNS } from './validate.ts';

/** One change made, for the reader: what was in the file, and what is there now. */
export interface TidyChange {
  file: string;
  /** The data row (as the problems number it, from the real header); 0 for the header; absent for lines deleted. */
  row?: number;
  column?: string;
  from: string;
  to: string;
}

export interface Tidied {
  text: string;
  changes: TidyChange[];
}

/** The file's lines as csv.ts counts them (a line ends at LF, CRLF or a lone CR), each with its ending. */
function lines(text: string): { body: string; end: string }[] {
  const out: { body: string; end: string }[] = [];
  const re = /\r\n|\n|\r/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ body: text.slice(at, m.index), end: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ body: text.slice(at), end: '' });
  return out;
}

/** The records of a table by row, read under the real header when it is below title lines. */
function underHeader(t: CsvTable, headerLine: number | undefined): { header: string[]; rows: Map<number, CsvTable['records'][number]> } {
  // csv.ts reads a title of another width under the real header itself; validate.ts's titled() does
  // it for a title padded to the rows' width, where the header is still among the records.
  const below = headerLine === undefined ? undefined : t.records.find((r) => r.line === headerLine);
  const header = below ? below.fields.map((h) => h.trim()) : t.header;
  const records = below ? t.records.filter((r) => r.row > below.row).map((r) => ({ ...r, row: r.row - below.row })) : t.records;
  return { header, rows: new Map(records.map((r) => [r.row, r])) };
}

/**
 * The file with every fix the problems carry for it made, and a list of the changes; null when no
 * problem has a fix for this file, or when the tidied text would not read as the same records with
 * only the fixed cells changed.
 */
export function tidyText(file: string, text: string, problems: readonly Problem[]): Tidied | null {
  const fixes = problems.filter((p) => p.file === file && p.fix !== undefined);
  if (fixes.length === 0) return null;
  const { table } = readCsv(file, text, { columns: KNOWN_COLUMNS });
  if (!table) return null;
  const title = fixes.map((p) => p.fix!).find((f): f is { headerLine: number } => 'headerLine' in f);
  const { header, rows } = underHeader(table, title?.headerLine);
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const all = lines(bom ? text.slice(1) : text);
  const changes: TidyChange[] = [];
  // Each record to change: its new fields, written over the lines it took (a quoted line break inside
  // a field keeps its place, so the record takes as many lines as before).
  const rewritten = new Map<number, string[]>();
  const headerLine = title?.headerLine ?? headerLineOf(all);
  for (const p of fixes) {
    const fix = p.fix!;
    if ('value' in fix) {
      const record = p.row === undefined ? undefined : rows.get(p.row);
      const at = p.column === undefined ? -1 : header.indexOf(p.column);
      if (!record || at < 0 || record.fields[at].trim() !== p.value) return null;
      const fields = rewritten.get(record.line) ?? [...record.fields];
      fields[at] = fix.value;
      rewritten.set(record.line, fields);
      changes.push({ file, row: p.row, column: p.column, from: p.value!, to: fix.value });
    } else if ('rename' in fix) {
      // Said by two problems (a required column missing, a column the report does not read): made once.
      if (changes.some((c) => c.row === 0 && c.from === fix.rename)) continue;
      const at = header.indexOf(fix.rename);
      if (at < 0 || headerLine === undefined) return null;
      const fields = rewritten.get(headerLine) ?? header.slice();
      fields[at] = fix.to;
      rewritten.set(headerLine, fields);
      changes.push({ file, row: 0, column: fix.to, from: fix.rename, to: fix.to });
    }
  }
  const out: string[] = [];
  for (let k = 0; k < all.length; k++) {
    const line = k + 1;
    if (title && line < title.headerLine) {
      changes.push({ file, from: all[k].body, to: '' });
      continue;
    }
    const fields = rewritten.get(line);
    if (!fields) { out.push(all[k].body + all[k].end); continue; }
    const written = fields.map(quoteCsvField).join(',');
    const span = 1 + (written.match(/\r\n|\n|\r/g)?.length ?? 0);
    out.push(written + all[k + span - 1].end);
    k += span - 1;
  }
  const tidied = bom + out.join('');
  return proves(file, text, tidied, fixes, title?.headerLine) ? { text: tidied, changes } : null;
}

/** The line of the header when no title is deleted: the first line that is not blank. */
function headerLineOf(all: { body: string }[]): number | undefined {
  const k = all.findIndex((l) => l.body.replace(/,/g, '').trim() !== '');
  return k < 0 ? undefined : k + 1;
}

/**
 * The proof: read again, the tidied file has the original's records, row for row, with only the fixed
 * cells (and renamed columns) changed, and the header where the data begin.
 */
function proves(file: string, before: string, after: string, fixes: readonly Problem[], headerLine: number | undefined): boolean {
  const a = readCsv(file, before, { columns: KNOWN_COLUMNS }).table;
  const b = readCsv(file, after, { columns: KNOWN_COLUMNS });
  if (!a || !b.table) return false;
  // The title is gone: nothing above the header is left to say.
  if (headerLine !== undefined && b.problems.some((p) => p.fix !== undefined && 'headerLine' in p.fix)) return false;
  const old = underHeader(a, headerLine);
  const renamed = new Map(fixes.flatMap((p) => (p.fix && 'rename' in p.fix ? [[p.fix.rename, p.fix.to] as const] : [])));
  const expectHeader = old.header.map((h) => renamed.get(h) ?? h);
  if (b.table.header.join('\u0000') !== expectHeader.join('\u0000')) return false;
  const fixed = new Map(fixes.flatMap((p) => (p.fix && 'value' in p.fix ? [[`${p.row}\u0000${p.column}`, p.fix.value] as const] : [])));
  const now = new Map(b.table.records.map((r) => [r.row, r]));
  if (now.size !== old.rows.size) return false;
  for (const [row, record] of old.rows) {
    const tidied = now.get(row);
    if (!tidied || tidied.fields.length !== record.fields.length) return false;
    for (let j = 0; j < record.fields.length; j++) {
      const want = fixed.get(`${row}\u0000${old.header[j]}`) ?? record.fields[j];
      if (tidied.fields[j] !== want) return false;
    }
  }
  return true;
}

/** The files by their part, as text. */
export type TidySources<K extends string> = Partial<Record<K, { name: string; text: string }>>;

/**
 * Tidy a set of files until no fix is left: some problems show only once others are fixed (a column
 * named in other capitals hides its rows' dates until it is found). `check` gives the problems of a set
 * of files (validateDataset's, with the reader's choices). Returns the files (the tidied ones in place
 * of theirs), every change, and the problems of the files returned; at most four rounds.
 */
export function tidySources<K extends string>(sources: TidySources<K>, check: (sources: TidySources<K>) => Problem[]): { sources: TidySources<K>; changes: TidyChange[]; problems: Problem[] } {
  let current = { ...sources };
  const changes: TidyChange[] = [];
  // A problem refused a fix stays refused: a later round sees the column's other dates already
  // rewritten, and could read the refused one by its quarter alone (a reviewer: a date whose quarter
  // disagreed with its column was rewritten in the second round, and its error vanished).
  const refused = new Set<string>();
  const key = (p: Problem) => `${p.file}\u0000${p.row}\u0000${p.column}\u0000${p.value}`;
  for (let round = 0; round < 4; round++) {
    const problems = check(current).map((p) => (p.fix && refused.has(key(p)) ? { ...p, fix: undefined } : p));
    for (const p of problems) if (!p.fix && p.row !== undefined && p.value !== undefined) refused.add(key(p));
    let changed = false;
    for (const key of Object.keys(current) as K[]) {
      const file = current[key];
      const tidied = file && tidyText(file.name, file.text, problems);
      if (!file || !tidied) continue;
      current = { ...current, [key]: { name: file.name, text: tidied.text } };
      for (const c of tidied.changes) changes.push(c);
      changed = true;
    }
    if (!changed) return { sources: current, changes, problems };
  }
  return { sources: current, changes, problems: check(current) };
}
