// Where a table cell's numbers come from, so that each is a handle to its derivation. Kept apart
// from tables.ts so that the page's table code (src/client/dom.ts) needs none of the tables.

import type { ResultPath } from './resultPaths.ts';

/**
 * A cell with more than one number, in pieces whose text joined is the cell's: words, and numbers
 * that are handles to their derivations (the published table's "56% (p = 0.00195)").
 */
export type CellPieces = readonly (string | { text: string; path: ResultPath })[];

/** Where a cell's number comes from: one result path (the whole cell is the handle), pieces, or null (a label). */
export type CellPath = ResultPath | CellPieces | null;

/** The paths of a cell's handles, in order. */
export const cellPaths = (spec: CellPath): ResultPath[] => (spec === null ? [] : typeof spec === 'string' ? [spec] : spec.flatMap((p) => (typeof p === 'string' ? [] : [p.path])));
