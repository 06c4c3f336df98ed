// The bundled data altered in the ways the specification-curve tests need, each made once, as files
// (for the command line, R and the browser) and as a dataset (for the engine):
// - heavy: harm as recorded (no index), with the first arrest in month 1 given twice the harm of all
//   the arrests before the orders. Harm then rises in total wherever month 1 is counted, while most
//   people's harm fell, so some significant tests point against their total (a re-check).
// - mirrored: every arrest's month with its sign turned, so that the falls are rises.
// The events file's columns are order_id, month, category, offence (which may hold a quoted comma)
// and harm, last; the files' rows are bundled.events in the same order.
import type { Dataset } from '../../src/analysis/types.ts';
import { bundled, readData } from './bundled.ts';

const [header, ...rows] = readData('events.csv').trimEnd().split('\n');
if (header !== 'order_id,month,category,offence,harm') throw new Error(`events.csv: unexpected header ${header}`);
const file = (lines: string[]) => [header, ...lines].join('\n') + '\n';

/** The arrest made heavy: its row in the events file and its index in bundled.events. */
const heavyAt = bundled.events.findIndex((e) => e.month === 1);
/** Twice the harm of every arrest before the orders. */
const heavyHarm = 2 * bundled.events.reduce((t, e) => (e.month < 0 ? t + e.harm : t), 0);

export const heavyEventsCsv = (): string =>
  file(rows.map((row, j) => (j === heavyAt ? `${row.slice(0, row.lastIndexOf(','))},${heavyHarm}` : row)));
export const heavyDataset = (): Dataset =>
  ({ ...bundled, harmIndex: undefined, events: bundled.events.map((e, j) => (j === heavyAt ? { ...e, harm: heavyHarm } : e)) });

export const mirroredEventsCsv = (): string =>
  file(rows.map((row) => { const cells = row.split(','); cells[1] = String(-Number(cells[1])); return cells.join(','); }));
