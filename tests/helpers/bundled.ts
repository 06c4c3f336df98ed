// The bundled dataset with its harm index (for `weights`), read and validated once for the tests.
import { readFileSync } from 'node:fs';
import { parseDataset } from '../../src/analysis/validate.ts';

export const dataPath = (name: string) => new URL(`../../data/${name}`, import.meta.url);
export const readData = (name: string) => readFileSync(dataPath(name), 'utf8');
/** As the site and the CLI read it: with its manifest (data/study.json), which declares it synthetic, and its harm index (for `weights`). */
export const bundled = parseDataset({ name: 'orders.csv', text: readData('orders.csv') }, { name: 'events.csv', text: readData('events.csv') }, { manifest: JSON.parse(readData('study.json')), harmIndex: { name: 'harm-index.csv', text: readData('harm-index.csv') } });

/** Relative closeness, for comparing with R's 17-digit values. */
export function near(actual: number | null, expected: number | null, rel = 1e-9): boolean {
  if (expected === null || actual === null) return actual === expected;
  return Math.abs(actual - expected) <= rel * Math.max(1e-300, Math.abs(expected));
}
