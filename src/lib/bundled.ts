// The bundled dataset for the site: the CSV text is part of the build (no request at run time),
// parsed and validated by the same engine the CLI uses, with its manifest (data/study.json) and its
// harm index (data/harm-index.csv), whose weight sets analyse()'s `weights` option uses.
import ordersText from '../../data/orders.csv?raw';
import eventsText from '../../data/events.csv?raw';
import harmIndexText from '../../data/harm-index.csv?raw';
import study from '../../data/study.json' with { type: 'json' };
import { parseDataset } from '../analysis/validate.ts';
import type { StudyManifest } from '../analysis/types.ts';

export const ordersCsv = ordersText;
export const eventsCsv = eventsText;
export const harmIndexCsv = harmIndexText;
export const manifest: StudyManifest = study;
export const dataset = parseDataset({ name: 'orders.csv', text: ordersText }, { name: 'events.csv', text: eventsText }, { manifest, harmIndex: { name: 'harm-index.csv', text: harmIndexText } });
