// The bundled dataset for the site: the CSV text is part of the build (no request at run time),
// parsed and validated by the same engine the CLI uses.
import ordersText from '../../data/orders.csv?raw';
import eventsText from '../../data/events.csv?raw';
import { parseDataset } from '../analysis/validate.ts';

export const ordersCsv = ordersText;
export const eventsCsv = eventsText;
export const dataset = parseDataset({ name: 'orders.csv', text: ordersText }, { name: 'events.csv', text: eventsText });
