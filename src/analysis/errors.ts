// One error type for every problem with the input, so that the CLI and the page can both say
// exactly where it is: file, row (the data row, counting the header as row 0) and column.

export interface DataErrorLocation {
  file: string;
  /** Data row number (1 = first row after the header); undefined for file- or header-level problems. */
  row?: number;
  column?: string;
}

export class DataError extends Error {
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(where: DataErrorLocation, problem: string) {
    const parts = [where.file];
    if (where.row !== undefined) parts.push(`row ${where.row}`);
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
