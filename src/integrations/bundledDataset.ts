// The study's bundled dataset, checked when the site is built. parseDataset (the engine's own
// reader and checks, as the CLI runs them) reads data/*.csv once, at build time, and the page and its
// warm-up worker receive what it returned as JSON, in the engine's chunk: the same Dataset, value for
// value (tests/bundled-dataset.test.ts compares it with the data read again by the tests). Reading
// and checking the CSV in the browser cost the page 25 ms of its main thread (100 ms on a phone's
// slower CPU) each time it loaded the engine, and the worker as much again before its first answer;
// JSON.parse of the same is about a millisecond. Data that fail the checks fail the build, naming
// the file, row and column, as the CLI would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { parseDataset } from '../analysis/validate.ts';
import type { Dataset } from '../analysis/types.ts';

export const BUNDLED_DATASET_ID = 'virtual:stro-bundled-dataset';
const RESOLVED = `\0${BUNDLED_DATASET_ID}`;
const dataFile = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

/** data/orders.csv, events.csv and harm-index.csv with data/study.json, read and checked as the site and the CLI read them. */
export function readBundledDataset(read: (path: string) => string = (path) => readFileSync(path, 'utf8')): Dataset {
  return parseDataset(
    { name: 'orders.csv', text: read(dataFile('orders.csv')) },
    { name: 'events.csv', text: read(dataFile('events.csv')) },
    { manifest: JSON.parse(read(dataFile('study.json'))), harmIndex: { name: 'harm-index.csv', text: read(dataFile('harm-index.csv')) } },
  );
}

/** The module's code: the dataset as one JSON string literal (V8 parses JSON faster than the same object written as JavaScript). */
export const bundledDatasetModule = (dataset: Dataset) => `export default JSON.parse(${JSON.stringify(JSON.stringify(dataset))});\n`;

/** Vite plugin: `import dataset from 'virtual:stro-bundled-dataset'` gives the checked Dataset. */
export default function bundledDataset(): Plugin {
  return {
    name: 'stro:bundled-dataset',
    resolveId: (id) => (id === BUNDLED_DATASET_ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      for (const name of ['orders.csv', 'events.csv', 'harm-index.csv', 'study.json']) this.addWatchFile(dataFile(name));
      return bundledDatasetModule(readBundledDataset());
    },
  };
}
