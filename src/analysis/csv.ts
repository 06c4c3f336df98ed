// A small RFC 4180 CSV reader that remembers where each record came from, so validation can
// name the row. Quoted fields may contain commas, quotes ("") and line breaks; CRLF and a UTF-8
// byte-order mark are accepted. It only splits text: types are checked in validate.ts.
//
// readCsv collects every problem it can (each bad record is reported and left out); parseCsv
// throws the first, for callers that want one error. decodeCsvBytes turns a file's bytes into
// text, recognising UTF-16 (which a spreadsheet's "Unicode text" export writes) and saying so,
// and a spreadsheet workbook chosen instead of its CSV export (.xlsx is a zip archive, .xls an
// OLE compound file; both contain NUL bytes, so they are recognised first, by their first bytes).

import { problem, problemError, type Problem } from './errors.ts';

export interface CsvTable {
  file: string;
  header: string[];
  /** Data records in order; `row` counts from 1 for the first record after the header. */
  records: { row: number; line: number; fields: string[] }[];
  /** Rows of only commas that were skipped, numbered as records are (0 or less: above the header), and the one warning that says them. */
  empty?: { rows: { row: number; line: number }[]; warning: Problem };
}

/** The one warning for a file's rows of only commas, given as its rows below the header (none above it). */
export function emptyRowsWarning(file: string, empty: readonly { row: number; line: number }[]): Problem | undefined {
  if (empty.length === 0) return undefined;
  // Where the first one is, as every other problem says it: by its row (line 7 is row 6), and its line.
  const [{ row, line }] = empty;
  const first = row > 0 ? `row ${row} (line ${line})` : `line ${line}, above the header`;
  return problem({ file }, `${empty.length} empty ${empty.length === 1 ? 'row' : 'rows'} (only commas, no values) ${empty.length === 1 ? 'was' : 'were'} skipped, the first at ${first}`, {
    severity: 'warning', value: String(empty.length), hint: 'nothing to do if the spreadsheet had empty rows; otherwise check that no row was cleared by mistake',
  });
}

const UTF16 = 'the file is UTF-16 text, not UTF-8';
const UTF16_HINT = 'save it as "CSV UTF-8 (comma delimited)"';

const WORKBOOK_HINT = 'open it in the spreadsheet and save it as "CSV UTF-8 (comma delimited)"';

/** What the first bytes say a binary file is, if it is a spreadsheet workbook (or another zip archive), or a PDF. */
function workbook(start: string): string | undefined {
  if (start.startsWith('PK\u0003\u0004')) return 'the file is an Excel workbook (.xlsx) or another zip archive, not CSV text';
  if (start.startsWith('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')) return 'the file is an Excel 97–2003 workbook (.xls), not CSV text';
  // A PDF renamed .csv had been called UTF-16 (its binary parts hold NUL bytes).
  if (start.startsWith('%PDF-')) return 'the file is a PDF document, not CSV text';
  return undefined;
}

/** A workbook or a PDF where a CSV was expected: what it is, and how to get the CSV. */
function binaryProblem(file: string, what: string): Problem {
  return problem({ file }, what, { expected: 'CSV text', hint: what.includes('PDF') ? 'export the data from the system or spreadsheet they come from as "CSV UTF-8 (comma delimited)"; a PDF cannot be turned back into a table reliably' : WORKBOOK_HINT });
}

/** A file's bytes → text: UTF-8 with its byte-order mark removed, or a problem naming the encoding. */
export function decodeCsvBytes(file: string, bytes: Uint8Array): { text?: string; problems: Problem[] } {
  const binary = workbook(String.fromCharCode(...bytes.subarray(0, 8)));
  if (binary) return { problems: [binaryProblem(file, binary)] };
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16 || looksUtf16(bytes.subarray(0, 4096))) {
    return { problems: [problem({ file }, `${UTF16}${bom16 ? ' (it starts with a UTF-16 byte-order mark)' : ' (it contains NUL bytes)'}`, { expected: 'UTF-8 text', hint: UTF16_HINT })] };
  }
  // gzip's signature: a compressed export, chosen before it was unpacked.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { problems: [problem({ file }, 'the file is gzip-compressed, not CSV text', { expected: 'CSV text', hint: 'unpack it first (it may be named .csv.gz), then choose the .csv inside' })] };
  // A NUL that is not UTF-16's: a stray one in a text file, or a binary file; said with its line.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problems: [strayNul(file, lineAt(bytes, nul))] };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, problems: [] };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at === -1 ? '' : (() => {
      const line = lineAt(bytes, at);
      const byte = bytes[at];
      // What the byte reads as in Windows-1252 (Latin-1's superset for 0xA0–0xFF): what the reader typed.
      const shown = byte >= 0xa0 ? ` ("${String.fromCharCode(byte)}" in Windows-1252)` : '';
      return `: the first byte that is not, 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${shown}, is on line ${line}`;
    })();
    return { problems: [problem({ file }, `the file is not valid UTF-8 (perhaps Windows-1252 or Latin-1)${where}`, { expected: 'UTF-8 text', hint: 'save it as "CSV UTF-8 (comma delimited)"' })] };
  }
}

/** The line (from 1) that holds byte or character `at`: a line ends at LF, CRLF or a lone CR (old Mac files). */
function lineAt(units: ArrayLike<number>, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (units[i] === 10 || (units[i] === 13 && units[i + 1] !== 10)) line++;
  return line;
}

/**
 * UTF-16 without a byte-order mark: text in Latin letters has a NUL in every other byte, so NULs are at
 * least a quarter of the bytes and nearly all on even or nearly all on odd offsets. A stray NUL in UTF-8
 * text, or a binary file's scattered ones, are not (a reviewer's file with one NUL in a cell, and random
 * bytes, had both been called UTF-16).
 */
function looksUtf16(sample: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) { if (i % 2) odd++; else even++; }
  // (a fiftieth, not a quarter: Cyrillic or Greek text in UTF-16 has NULs only after its commas, digits and line ends; a re-check)
  return Math.max(even, odd) >= Math.max(2, sample.length / 50) && Math.min(even, odd) <= Math.max(even, odd) / 10;
}

/** A NUL character where text has none, on its line. */
function strayNul(file: string, line: number): Problem {
  return problem({ file }, `the file contains a NUL character (byte 0) on line ${line}, which CSV text never has: it may not be a text file at all (a compressed or binary export), or a text file with a stray NUL`, {
    expected: 'CSV text', hint: `if it is the CSV export, delete the stray character on line ${line} (a text editor that shows control characters finds it), or export the file again`,
  });
}

/** The offset of the first byte that breaks UTF-8 (a stray continuation byte, a sequence cut short, an overlong or out-of-range one), or −1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      // the second byte's narrower ranges (no overlong forms, no surrogates, nothing past U+10FFFF)
      if (k === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Split CSV text into a header and records, collecting every structural problem. */
/**
 * `columns`: the column names the file may have. A title line above a header that has two or more
 * of them is said, and the rest of the file is still read, under that header, so that its other
 * problems come in the same round (an analyst had to fix a title first and upload again to see them).
 */
export function readCsv(file: string, text: string, { columns = [] }: { columns?: readonly string[] } = {}): { table?: CsvTable; problems: Problem[] } {
  const problems: Problem[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A zip archive read as text keeps its signature (PK, 3, 4): a workbook given as text.
  if (text.startsWith('PK\u0003\u0004') || text.startsWith('%PDF-')) return { problems: [binaryProblem(file, workbook(text)!)] };
  // UTF-16 read as if it were UTF-8 shows up as NUL characters between the letters; a NUL otherwise is stray.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const sample = text.slice(0, 4096);
    const utf16 = [...sample].filter((c) => c === '\u0000').length >= Math.max(2, sample.length / 50);
    return { problems: [utf16 ? problem({ file }, `${UTF16} (it contains NUL characters)`, { expected: 'UTF-8 text', hint: UTF16_HINT }) : strayNul(file, lineAt(Array.from(text.slice(0, nul), (c) => c.charCodeAt(0)), nul))] };
  }
  if (text.trim() === '') return { problems: [problem({ file }, 'the file is empty (expected a header row and data rows)', { expected: 'a header row and data rows' })] };

  interface Raw { line: number; fields: string[]; bad?: Problem; quotedBreak?: { line: number; field: number } }
  const rows: Raw[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let closedQuote = false; // just after a field's closing quote: only a comma or a line end may follow
  let quoteStart = { line: 1, field: 0 };
  let quotedBreak: Raw['quotedBreak'];
  let bad: Problem | undefined;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const rowNow = () => Math.max(rows.length, 1); // the data row of the record being read (header = record 0)
  const endRecord = () => {
    fields.push(field);
    rows.push({ line: recordLine, fields, bad, quotedBreak });
    fields = [];
    field = '';
    bad = undefined;
    quotedBreak = undefined;
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; closedQuote = true; i++; continue;
      }
      if (c === '\n') { line++; quotedBreak ??= quoteStart; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') {
      if (closedQuote) bad ??= problem({ file, row: rowNow() }, `line ${line}: a quoted field is followed by more text; put the whole field in quotes`, { expected: 'a comma or a line end after a closing quote' });
      quoted = true; quoteStart = { line, field: fields.length }; i++; continue;
    }
    if (closedQuote && c !== ',' && c !== '\n' && c !== '\r') {
      bad ??= problem({ file, row: rowNow() }, `line ${line}: text after a closing quote; put the whole field in quotes, with "" for a quote inside it`, { expected: 'a comma or a line end after a closing quote' });
    }
    closedQuote = false;
    if (c === ',') { fields.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\r') { endRecord(); line++; recordLine = line; i++; continue; } // old Mac line ends
    if (c === '\n') { endRecord(); line++; recordLine = line; i++; continue; }
    // Plain text: the run up to the next comma, quote or line end, taken at once (a quote inside
    // an unquoted field is text, and the next turn of the loop takes it as such).
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 34 || d === 10 || d === 13) break; // , " \n \r
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (quoted) {
    const header = rows.length > 0 ? rows[0].fields.map((h) => h.trim()) : [];
    const column = rows.length === 0 ? undefined : header[quoteStart.field] ?? `field ${quoteStart.field + 1}`;
    return { problems: [problem({ file, row: rows.length, column }, `a quoted field opened on line ${quoteStart.line} is never closed, so it swallows every line after it`, {
      expected: 'a closing quote', hint: 'remove the stray ", or double it ("") inside a quoted field',
    })] };
  }
  if (field !== '' || fields.length > 0) endRecord();

  // Blank lines carry no data and are dropped. A row of only commas (",,,,", as a spreadsheet writes
  // its empty rows) is blank too: dropped the same way, and said once for the file (a blank line is
  // not), since it may be a row whose cells were cleared. Each still takes its row number, as a
  // spreadsheet shows it, so that "row 7" is the row the reader sees there (line 8 of the file,
  // unless a quoted value runs over several lines).
  const isBlank = (r: Raw) => !r.bad && r.fields.every((f) => f.trim() === '');
  const nonBlank = rows.filter((r) => !isBlank(r));
  const empty = rows.filter((r) => isBlank(r) && r.fields.length > 1);
  if (nonBlank.length === 0) return { problems: [problem({ file }, 'the file has no header and no data, only empty rows', { expected: 'a header row and data rows' })] };
  // Said once the header is known (below a title line it is not the first row), so that the row
  // matches every other problem's (an analyst: "row 13" named two lines of a file with a title).
  let emptyRows: CsvTable['empty'];
  const sayEmpty = (headAt: number) => {
    const at = empty.map((r) => ({ row: rows.indexOf(r) - headAt, line: r.line }));
    const warning = emptyRowsWarning(file, at);
    if (!warning) return;
    problems.push(warning);
    emptyRows = { rows: at, warning };
  };
  let head = nonBlank[0];
  let headAt = rows.indexOf(head);
  let body = rows.slice(headAt + 1);
  let header = head.fields.map((h) => h.trim());
  if (header.length === 1) {
    const other = [';', '\t', '|'].find((d) => header[0].includes(d));
    if (other) {
      const name = other === '\t' ? 'tabs' : `"${other}"`;
      return { problems: [problem({ file, row: 0 }, `columns are separated by ${name}; this tool expects commas (save the file as comma-separated CSV)`, { expected: 'commas between columns' })] };
    }
  }
  // A title line above the header ("Arrests export - run 2023-06-30", as records systems write): it
  // would be taken for the header, and every row reported as having too many fields, with the real
  // cause out of sight (an analyst: 977 problems, the 50 shown all "has 5 fields but the header has
  // 1"). Said once, when the first row has at most half the fields of most rows after it.
  const after = body.filter((r) => !isBlank(r) && !r.bad);
  const widths = new Map<number, number>();
  for (const r of after) widths.set(r.fields.length, (widths.get(r.fields.length) ?? 0) + 1);
  const [width, many] = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  // A title padded with commas to the rows' width ("Arrests export,,,,", as a spreadsheet saves it) is
  // left to the file's own check, which finds the header's line by its column names (validate.ts);
  // padded to another width (the rows have an optional column more), it is a title here too.
  const named = header.filter((h) => h !== '').length;
  if (width > 1 && (header.length * 2 <= width || (header.length !== width && named * 2 <= width)) && many >= after.length / 2) {
    const first = after.find((r) => r.fields.length === width && r !== head)!;
    const title = problem({ file, row: 0 }, `line ${head.line} looks like a title, not the header: it has ${named === 1 ? 'one field' : `${named} fields`}, and ${many === after.length ? (many === 1 ? 'the row after it has' : 'every row after it has') : 'most rows after it have'} ${width}, from line ${first.line}`, {
      expected: 'the column names on the first line', value: String(named),
      hint: `if line ${first.line} holds the column names, delete the line${first.line - head.line > 1 ? 's' : ''} above it; otherwise check the first line for missing commas`,
    });
    // Where that line has the file's column names, the rest is read under it; else nothing more can be.
    const known = new Set(columns);
    // (in any capitals: a records system's "ORDER_ID,ISSUED_DATE" is a header too, which Tidy can rename)
    if (first.fields.filter((f) => known.has(f.trim().toLowerCase())).length < 2) return { problems: [title] };
    // Deleting the lines above the header is then a fix with one right answer (tidy.ts).
    problems.push({ ...title, fix: { headerLine: first.line } });
    head = first;
    headAt = rows.indexOf(head);
    body = rows.slice(headAt + 1);
    header = head.fields.map((h) => h.trim());
  }
  sayEmpty(headAt);
  const records: CsvTable['records'] = [];
  body.forEach((r, k) => {
    if (isBlank(r)) return;
    const row = k + 1;
    if (r.bad && !r.quotedBreak) { problems.push({ ...r.bad, row }); return; }
    // The header again: two exports pasted together. One problem for the row, not one per column.
    if (r.fields.length === header.length && r.fields.every((f, j) => f.trim() === header[j])) {
      problems.push(problem({ file, row }, `repeats the header (line ${r.line}), as where two exports are pasted together`, { value: header.join(','), expected: 'a data row', hint: 'delete the row, and check that the rows after it are not a second copy of the rows before' }));
      return;
    }
    if (r.fields.length !== header.length || r.bad) {
      if (r.quotedBreak) {
        const column = header[r.quotedBreak.field] ?? `field ${r.quotedBreak.field + 1}`;
        problems.push(problem({ file, row, column }, `a quoted field that begins on line ${r.quotedBreak.line} runs over a line break and swallows what follows (a stray quote${r.fields.length !== header.length ? `: this record has ${r.fields.length} fields, the header ${header.length}` : ''})`, {
          expected: `${header.length} fields`, hint: 'look for a stray " at the start of that field',
        }));
      } else {
        problems.push(problem({ file, row }, `has ${r.fields.length} fields but the header has ${header.length} (line ${r.line}; check for an unquoted comma)`, { expected: `${header.length} fields`, value: String(r.fields.length) }));
      }
      return;
    }
    records.push({ row, line: r.line, fields: r.fields });
  });
  return { table: { file, header, records, ...(emptyRows ? { empty: emptyRows } : {}) }, problems };
}

/**
 * The header of a CSV text as readCsv reads it: its first row that is not empty (blank lines and rows
 * of only commas before it are skipped), whatever the line ends. For a look at the columns before
 * the whole file is read (whether the events carry harm), so that it never disagrees with the check.
 */
export function csvHeader(text: string): string[] {
  const clean = text.replace(/^\uFEFF/, '');
  const ends = /\r\n|\r|\n/g;
  for (let start = 0; start <= clean.length;) {
    ends.lastIndex = start;
    const hit = ends.exec(clean);
    const line = clean.slice(start, hit ? hit.index : clean.length);
    if (line.replace(/[,\s"]/g, '') !== '') return readCsv('', line).table?.header ?? [];
    if (!hit) break;
    start = hit.index + hit[0].length;
  }
  return [];
}

/** As readCsv, but throws the first problem (a DataError). */
export function parseCsv(file: string, text: string): CsvTable {
  const { table, problems } = readCsv(file, text);
  const first = problems.find((p) => p.severity === 'error');
  if (first || !table) throw problemError(first!);
  return table;
}
