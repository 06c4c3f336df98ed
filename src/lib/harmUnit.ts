// Words for the harm unit of the data in hand (no imports: the page's chunks and the derivations share it).

/**
 * A caption, description or table heading for the data in hand. The charts name the study's harm
 * unit, "CCHI days"; a reader's own harm is in days on their own scale (their harm column, their
 * index, or the bundled one: OwnSummary.harm says which), so under their data the words say "days".
 */
export const harmUnitFor = (text: string, ownData: boolean | undefined): string => (ownData ? text.replace(/CCHI days/g, 'days') : text);

/** The same for a table: its caption and its column headings. */
export function harmUnitTable<T extends { caption: string; columns: string[] }>(table: T, ownData: boolean | undefined): T {
  return ownData ? { ...table, caption: harmUnitFor(table.caption, true), columns: table.columns.map((c) => harmUnitFor(c, true)) } : table;
}

/**
 * Whether the data in hand are the reader's own, with harm in their own days: local data that are
 * not the study's own files loaded as a reader's ("Try it with the study's data"), which stay in CCHI days.
 */
export const ownHarmUnit = (engine: { kind: string; local?: { summary: { study?: boolean } } } | null | undefined): boolean =>
  engine?.kind === 'local' && !engine.local?.summary.study;
