// One error type for every problem with the input, so that the CLI and the page can both say
// exactly where it is: file, row (the data row, counting the header as row 0, said "header") and column.

export interface DataErrorLocation {
  file: string;
  /** Row number as a spreadsheet shows it, less one (1 = the first row after the header, empty rows counted; 0 = the header); undefined for file-level problems. */
  row?: number;
  column?: string;
}

/** A row as the reader is told it: "header" for row 0, else its number (the page's table and the problems CSV). */
export function rowLabel(row: number): string {
  return row === 0 ? 'header' : String(row);
}

export class DataError extends Error {
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(where: DataErrorLocation, problem: string) {
    const parts = [where.file];
    if (where.row !== undefined) parts.push(where.row === 0 ? rowLabel(0) : `row ${where.row}`);
    if (where.column !== undefined) parts.push(`column "${where.column}"`);
    super(`${parts.join(', ')}: ${problem}`);
    this.name = 'DataError';
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }
}

/** A request the data cannot answer (a window wider than the data, an unknown category). */
export class OptionError extends Error {
  readonly option: string;
  constructor(option: string, problem: string) {
    super(`${option}: ${problem}`);
    this.name = 'OptionError';
    this.option = option;
  }
}

/**
 * One problem found in the input. Validation collects every problem rather than stopping at the
 * first, so that a reader can fix a file in one pass. `message` is the complete explanation (it
 * names the value and what was expected); `value`, `expected` and `hint` repeat its parts for a
 * table or a CSV of problems.
 */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** Data row (1 = first row after the header; 0 = the header); absent for a whole-file problem. */
  row?: number;
  column?: string;
  /** The offending value as written in the file, when there is one. */
  value?: string;
  /** What was expected instead, in a few words. */
  expected?: string;
  /** How to fix it, where that is obvious. */
  hint?: string;
  /**
   * Every data row the problem concerns, where it is one problem on many rows (arrests left out of the
   * window, an offence missing from the harm index): the message names the first ten, and the problems
   * CSV gives each row a line of its own, so that none is lost.
   */
  rows?: readonly number[];
  /**
   * A fix with one right answer, which tidyText() (tidy.ts) can make for the reader: write `value` in
   * this row's cell (a date written another way), rename the header's column `rename` to `to` (the
   * same name in other capitals), or delete the lines above the real header, which is on `headerLine`.
   */
  fix?: Fix;
  message: string;
}

export type Fix = { value: string } | { rename: string; to: string } | { headerLine: number };

export function problem(
  where: DataErrorLocation,
  message: string,
  parts: { value?: string; expected?: string; hint?: string; severity?: 'error' | 'warning'; rows?: readonly number[]; fix?: Fix } = {},
): Problem {
  const p: Problem = { severity: parts.severity ?? 'error', file: where.file, message };
  if (where.row !== undefined) p.row = where.row;
  if (where.column !== undefined) p.column = where.column;
  if (parts.value !== undefined) p.value = parts.value;
  if (parts.expected !== undefined) p.expected = parts.expected;
  if (parts.hint !== undefined) p.hint = parts.hint;
  if (parts.rows !== undefined && parts.rows.length > 1) p.rows = parts.rows;
  if (parts.fix !== undefined) p.fix = parts.fix;
  return p;
}

/** "events.csv, row 3, column "month": …": the one-line form the CLI prints (and DataError carries). */
export function problemLine(p: Problem): string {
  // The hint, as the page's table and the problems CSV give it: a line without it would say less.
  return new DataError(p, p.message).message + (p.hint ? ` (hint: ${p.hint})` : '') + (p.severity === 'warning' ? ' (warning)' : '');
}

/** The DataError for a problem, for callers that stop at the first. */
export function problemError(p: Problem): DataError {
  return new DataError(p, p.message);
}

/**
 * A cell that a spreadsheet would run as a formula (=, +, −, @, tab, carriage return) gets a leading
 * apostrophe; a plain number ("-25", "+3.5") is read as a number, not run, and is left as it is.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** Errors first (they stop the files loading), then warnings, each in the order they were found (file order). */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}

/**
 * At most `limit` problems to list on the page, errors first and in file order, with at least one of
 * each kind (a file, a column and what was expected there) that fits: 206 dates written day/month/year
 * had filled the 50 shown, and an unknown order id, a negative harm and a misspelt category were
 * found only in the CSV (an analyst needed three uploads to see them all). The CSV keeps every one.
 */
export function problemsToList(problems: readonly Problem[], limit: number): { listed: Problem[]; kinds: number } {
  const ordered = errorsFirst(problems);
  // A kind: file, column and what was expected there; without an expectation, the message's shape
  // (quoted values and numbers aside: "repeats row 12 exactly" and "repeats row 40 exactly" are one
  // kind). A problem already gathered over rows (one per category spelling, offence or order) is a
  // kind of its own, as each has its own fix ("write drugs" for one spelling, another for the next).
  const kindOf = (p: Problem) => `${p.severity}\u0000${p.file}\u0000${p.column ?? ''}\u0000${p.expected ?? p.message.replace(/"[^"]*"/g, '""').replace(/\d+/g, '#')}${p.rows ? `\u0000${p.value ?? ''}` : ''}`;
  const seen = new Set<string>();
  const chosen = new Set<number>();
  ordered.forEach((p, k) => {
    const kind = kindOf(p);
    if (seen.has(kind)) return;
    seen.add(kind);
    if (chosen.size < limit) chosen.add(k);
  });
  for (let k = 0; k < ordered.length && chosen.size < limit; k++) chosen.add(k);
  return { listed: ordered.filter((_, k) => chosen.has(k)), kinds: seen.size };
}

/**
 * A UTF-8 byte-order mark, which the CSV downloads (the problems here, the results: src/lib/export.ts)
 * start with: without it, Excel on Windows reads the file as the local code page and garbles any
 * non-ASCII text ("violência.csv", "≥", "−"). The JSON has none.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * The problems as CSV (severity, file, row, column, value, expected, hint, message), for download,
 * errors first as the page lists them, a problem in a header on the row "header" as the page says.
 * A problem on many rows (`rows`) has a line for each of them, with the same message, so that a
 * spreadsheet can sort or filter by row and find every one.
 * Every cell is neutralised against formula injection and quoted as RFC 4180 requires. A UTF-8
 * byte-order mark comes first, as in the results CSV, so that a spreadsheet reads the messages'
 * "−" and "…" as written.
 */
/** A field as RFC 4180 writes it: quoted only when it must be. */
export const quoteCsvField = (f: string): string => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

/** A cell of a CSV the report writes for a spreadsheet: neutralised against formula injection, then quoted. */
export const csvCell = (v: string | number | undefined): string => quoteCsvField(neutraliseCell(v === undefined ? '' : String(v)));

export function problemsCsv(problems: readonly Problem[]): string {
  const cell = csvCell;
  const header = ['severity', 'file', 'row', 'column', 'value', 'expected', 'hint', 'message'];
  const line = (p: Problem, row: number | undefined) => [p.severity, p.file, row === undefined ? undefined : rowLabel(row), p.column, p.value, p.expected, p.hint, p.message].map(cell).join(',');
  const rows = errorsFirst(problems).flatMap((p) => (p.rows ? p.rows.map((r) => line(p, r)) : [line(p, p.row)]));
  return UTF8_BOM + [header.join(','), ...rows].join('\r\n') + '\r\n';
}
