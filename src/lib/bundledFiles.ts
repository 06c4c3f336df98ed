// The bundled data files as text, for "Check in R" (which gives R the same files the site's
// dataset was read from): loaded with that code, not with the engine.
import ordersText from '../../data/orders.csv?raw';
import eventsText from '../../data/events.csv?raw';
import harmIndexText from '../../data/harm-index.csv?raw';

export const ordersCsv = ordersText;
export const eventsCsv = eventsText;
export const harmIndexCsv = harmIndexText;
